// Runs one parser over a whole fixture held in memory (fixtures are small; the
// product itself streams). Splits lines the way the input layer does (/\r?\n/).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getFormat } from '../../src/parsers/registry.js';
import type { FirewallEvent } from '../../src/event.js';
import type { FormatDefinition, ParseContext } from '../../src/parsers/types.js';
import { reasonText } from '../../src/i18n/messages.js';

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
      // In English, as stderr and the JSON say them (the goldens hold those words).
      skipped: (line, why) => out.skipped.push({ line, reason: reasonText(why, 'en') }),
      malformed: (line, _text, why) => out.malformed.push({ line, reason: reasonText(why, 'en') }),
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

/** Fixture folders that are no parser's goldens (their README says what they are for). */
const NOT_GOLDEN = new Set(['report']);

/**
 * The golden fixture folders, each named after the format it holds (test/fixtures/<format>).
 * A folder named after no format throws: a misspelt or renamed one was skipped, its
 * cases never run.
 */
export function goldenFolders(): { dir: string; format: FormatDefinition }[] {
  const root = new URL('../fixtures/', import.meta.url).pathname;
  const out: { dir: string; format: FormatDefinition }[] = [];
  for (const name of readdirSync(root).sort()) {
    if (NOT_GOLDEN.has(name)) continue;
    const format = getFormat(name);
    if (!format) throw new Error(`test/fixtures/${name} is named after no registered format (logscan formats); rename it, or list it in NOT_GOLDEN (test/helpers/parse.ts)`);
    out.push({ dir: join(root, name), format });
  }
  return out;
}

/** Every event of every golden fixture (test/fixtures/<format>/*.log), in file order. */
export function fixtureEvents(): FirewallEvent[] {
  const out: FirewallEvent[] = [];
  for (const { dir, format } of goldenFolders()) {
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.log')).sort()) out.push(...parseFile(format, join(dir, name)).events);
  }
  return out;
}
