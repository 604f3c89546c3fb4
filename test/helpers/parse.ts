// Runs one parser over a whole fixture held in memory (fixtures are small; the
// product itself streams). Splits lines the way the input layer does (/\r?\n/).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getFormat } from '../../src/parsers/registry.js';
import type { FirewallEvent } from '../../src/event.js';
import type { FormatDefinition, ParseContext } from '../../src/parsers/types.js';

export interface ParsedFixture {
  events: FirewallEvent[];
  skipped: { line: number; reason: string }[];
  malformed: { line: number; reason: string }[];
}

/** Fixed reference date for year inference in tests (a Monday; mid-year so both rollovers show). */
export const TEST_REF_DATE = new Date('2026-11-23T12:00:00Z');

export function splitLines(text: string): string[] {
  const lines = text.split(/\r?\n/);
  // split2 does not emit an empty last line after a final newline.
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

export function parseLines(format: FormatDefinition, lines: readonly string[], ctx: Partial<ParseContext> = {}): ParsedFixture {
  const out: ParsedFixture = { events: [], skipped: [], malformed: [] };
  const parser = format.create(
    { file: ctx.file ?? 'test.log', refDate: ctx.refDate ?? TEST_REF_DATE, year: ctx.year ?? null, tz: ctx.tz ?? null },
    {
      event: (e) => out.events.push(e),
      skipped: (line, reason) => out.skipped.push({ line, reason }),
      malformed: (line, _text, reason) => out.malformed.push({ line, reason }),
    },
  );
  lines.forEach((l, i) => parser.line(l, i + 1));
  parser.end();
  return out;
}

export function parseFile(format: FormatDefinition, path: string, ctx: Partial<ParseContext> = {}): ParsedFixture {
  return parseLines(format, splitLines(readFileSync(path, 'utf8')), ctx);
}

/** JSON-safe view of parse results, as stored in golden .expected.json files. */
export function toGolden(result: ParsedFixture): unknown {
  return JSON.parse(JSON.stringify(result));
}

/** Every event of every golden fixture (test/fixtures/<format>/*.log), in file order. */
export function fixtureEvents(): FirewallEvent[] {
  const root = new URL('../fixtures/', import.meta.url).pathname;
  const out: FirewallEvent[] = [];
  for (const dir of readdirSync(root).sort()) {
    const format = getFormat(dir);
    if (!format) continue;
    for (const name of readdirSync(join(root, dir)).filter((f) => f.endsWith('.log')).sort()) out.push(...parseFile(format, join(root, dir, name)).events);
  }
  return out;
}
