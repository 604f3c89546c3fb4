// What the tests of one log format ask again and again, one copy for all of them: the one
// event a line makes, why a line is malformed, a key=value line with one pair changed, the
// format's sniffing of its own logs and of everyone else's, the sample its generator writes.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { FirewallEvent } from '../../src/event.js';
import { sniffFormat } from '../../src/parsers/registry.js';
import type { FormatDefinition, ParseContext } from '../../src/parsers/types.js';
import { parseLines, splitLines } from './parse.js';

/** The one event `line` makes, with nothing skipped or malformed beside it. */
export function oneEvent(format: FormatDefinition, line: string, ctx: Partial<ParseContext> = {}): FirewallEvent {
  const r = parseLines(format, [line], ctx);
  expect(r.malformed, 'malformed').toEqual([]);
  expect(r.skipped, 'skipped').toEqual([]);
  expect(r.events).toHaveLength(1);
  return r.events[0]!;
}

/** Why `line` is malformed (in English), it making no event. */
export function malformedReason(format: FormatDefinition, line: string, ctx: Partial<ParseContext> = {}): string {
  const r = parseLines(format, [line], ctx);
  expect(r.events).toEqual([]);
  expect(r.malformed).toHaveLength(1);
  return r.malformed[0]!.reason;
}

/**
 * `line` with `key=value` put in place of the key's own pair (value bare or quoted, written
 * as given), or added at the end when the line has none; the pair removed with null.
 */
export function withKeyValue(line: string, key: string, value: string | null): string {
  const re = new RegExp(`(?<=[ >])${key}=("[^"]*"|\\S*)`);
  if (value === null) return line.replace(new RegExp(` ${key}=("[^"]*"|\\S*)`), '');
  return re.test(line) ? line.replace(re, `${key}=${value}`) : `${line} ${key}=${value}`;
}

/** Every log of samples/ and of the shared corpus (not their notes, tables or archives). */
function samplesAndCorpus(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const n of readdirSync(dir)) {
      const p = join(dir, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (!/\.(md|tsv|gz)$/.test(n)) files.push(p);
    }
  };
  walk(new URL('../../samples/', import.meta.url).pathname);
  walk(new URL('../../../shared/corpus/', import.meta.url).pathname);
  return files;
}

/** No sample and no corpus file (their first 50 lines that are not blank) looks like `format`'s log. */
export function expectNoSampleOrCorpusSniffsAs(format: FormatDefinition): void {
  const files = samplesAndCorpus();
  expect(files.length).toBeGreaterThan(20);
  for (const f of files) {
    const lines = splitLines(readFileSync(f, 'utf8')).filter((l) => l.trim() !== '').slice(0, 50);
    expect([f, format.sniff(lines)]).toEqual([f, 0]);
  }
}

/** Each of `names` (in the fixture folder `dir`) sniffs, by its first 50 lines, as `id` with at least `confidence`. */
export function expectOwnLogsSniffAs(dir: string, names: readonly string[], id: string, confidence: number): void {
  for (const name of names) {
    const lines = splitLines(readFileSync(join(dir, name), 'utf8')).slice(0, 50);
    const r = sniffFormat(lines);
    expect([name, r.format?.id]).toEqual([name, id]);
    expect(r.confidence).toBeGreaterThanOrEqual(confidence);
  }
}

/** The committed sample `dir/name`, checked to be what `dir/make-sample.mjs` writes. */
export function generatedSample(dir: string, name: string): string {
  const text = readFileSync(join(dir, name), 'utf8');
  expect(execFileSync('node', [join(dir, 'make-sample.mjs')], { encoding: 'utf8' })).toBe(text);
  return text;
}

/** How many events have each value of `key`. */
export function countBy(events: readonly FirewallEvent[], key: (e: FirewallEvent) => string): Record<string, number> {
  return events.reduce<Record<string, number>>((m, e) => ((m[key(e)] = (m[key(e)] ?? 0) + 1), m), {});
}
