// Hostile input through every parser in the registry and through the whole pipeline
// (parse → annotate → summarize → report → render): random bytes, random mutations of
// real corpus lines of every format. Nothing throws, every line gets exactly one
// verdict, no event carries a port outside 0-65535 or an invalid Date.
// Run counts are bounded so test/hardening stays well under a minute on 2 cores.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FirewallEvent } from '../../src/event.js';
import { Overview } from '../../src/aggregate/overview.js';
import { buildReport } from '../../src/aggregate/report.js';
import { Summarizer } from '../../src/aggregate/summary.js';
import { DEFAULT_THRESHOLDS } from '../../src/aggregate/thresholds.js';
import { buildAnalysis } from '../../src/cli/analysis.js';
import { PickingParser } from '../../src/input/pick-format.js';
import { formats } from '../../src/parsers/registry.js';
import type { FormatDefinition } from '../../src/parsers/types.js';
import { eventToEcs, eventToJson } from '../../src/render/event-json.js';
import { renderReportMarkdown } from '../../src/render/report-markdown.js';
import { renderReportText } from '../../src/render/report-text.js';
import { localClock } from '../../src/render/time-format.js';
import { TEST_REF_DATE } from '../helpers/parse.js';
import { mutatedFile, mutatedLine, realLines } from './corpus-lines.js';

const RUNS = Number(process.env.LOGSCAN_FUZZ_RUNS ?? 150);

function isPort(p: number | null): boolean {
  return p === null || (Number.isInteger(p) && p >= 0 && p <= 65535);
}

/** The invariants every event must satisfy, whatever the input. Returns a problem or null. */
export function eventProblem(e: FirewallEvent): string | null {
  if (e.time !== null && !(e.time instanceof Date && Number.isFinite(e.time.getTime()))) return `invalid time ${String(e.time)}`;
  if (!isPort(e.src.port) || !isPort(e.dst.port)) return `port out of range ${e.src.port} → ${e.dst.port}`;
  const emb = e.icmp?.embedded;
  if (emb && (!isPort(emb.src.port) || !isPort(emb.dst.port))) return `embedded port out of range ${emb.src.port} → ${emb.dst.port}`;
  if (!Number.isInteger(e.count) || e.count < 1) return `count ${e.count}`;
  if (!Number.isInteger(e.origin.line) || e.origin.line < 1) return `origin.line ${e.origin.line}`;
  if (e.uptime !== null && !Number.isFinite(e.uptime)) return `uptime ${e.uptime}`;
  return null;
}

interface Verdicts {
  events: FirewallEvent[];
  /** Line numbers that got a skipped or malformed verdict. */
  rejected: number[];
}

function runParser(format: FormatDefinition, lines: readonly string[]): Verdicts {
  const out: Verdicts = { events: [], rejected: [] };
  const p = format.create(
    { file: 'fuzz.log', refDate: TEST_REF_DATE, year: null, tz: null },
    { event: (e) => out.events.push(e), skipped: (n) => out.rejected.push(n), malformed: (n) => out.rejected.push(n) },
  );
  lines.forEach((l, i) => p.line(l, i + 1));
  p.end();
  return out;
}

/** The journal export's records span lines: a run of non-blank lines is one entry, or several when a blank line is missing. */
const PER_ENTRY = 'journald-export';

/** The fields the export parser reads; written once per entry by journald. */
const ENTRY_FIELDS = new Set(['__CURSOR', '__REALTIME_TIMESTAMP', 'MESSAGE', '_HOSTNAME', '_TRANSPORT', 'SYSLOG_IDENTIFIER', '_SOURCE_MONOTONIC_TIMESTAMP']);

/**
 * Entries of a journal export (README, `journald-export`): runs of lines that are not
 * blank ('' or a lone CR), split again where __CURSOR= or __REALTIME_TIMESTAMP= repeats
 * in one, or, in an entry with neither, where a field read repeats after its MESSAGE=.
 */
function exportEntries(lines: readonly string[]): number {
  let entries = 0;
  let seen = new Set<string>();
  let inEntry = false;
  for (const l of lines) {
    if (l === '' || l === '\r') {
      inEntry = false;
      continue;
    }
    const eq = l.indexOf('=');
    const key = eq > 0 ? l.slice(0, eq) : '';
    const repeated = ENTRY_FIELDS.has(key) && seen.has(key);
    const split =
      inEntry &&
      repeated &&
      (key === '__CURSOR' || key === '__REALTIME_TIMESTAMP' || (!seen.has('__CURSOR') && !seen.has('__REALTIME_TIMESTAMP') && seen.has('MESSAGE')));
    if (!inEntry || split) {
      entries++;
      seen = new Set();
    }
    inEntry = true;
    if (ENTRY_FIELDS.has(key)) seen.add(key);
  }
  return entries;
}

/** How many verdicts (event, skipped or malformed) a format owes these lines. */
function verdictsOwed(formatId: string, lines: readonly string[]): number {
  return formatId === PER_ENTRY ? exportEntries(lines) : lines.length;
}

function assertSane(formatId: string, v: Verdicts, lines: readonly string[]): void {
  for (const e of v.events) {
    const problem = eventProblem(e);
    if (problem) throw new Error(`${problem} from line ${e.origin.line}: ${JSON.stringify(lines[e.origin.line - 1])}`);
    // Every event must render: a bad Date would throw in toISOString.
    eventToJson(e);
    eventToEcs(e);
  }
  // Exactly one verdict per line (per entry for the journal export): a line dropped or
  // told twice is a wrong count in the report's header.
  const told = [...v.events.map((e) => e.origin.line), ...v.rejected].sort((a, b) => a - b);
  if (formatId === PER_ENTRY) {
    expect(told.length).toBe(exportEntries(lines));
    for (const n of told) expect(n >= 1 && n <= lines.length).toBe(true);
  } else expect(told).toEqual(lines.map((_, i) => i + 1));
}

const randomLine = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b).toString('utf8')),
  fc.string({ unit: 'grapheme-ascii', maxLength: 300 }),
);

describe.each(formats.map((f) => [f.id, f] as const))('parser %s under fuzzing', (_id, format) => {
  it('random bytes: never throws, one verdict per line, only sane events', () => {
    fc.assert(
      fc.property(fc.array(randomLine, { maxLength: 20 }), (lines) => {
        assertSane(format.id, runParser(format, lines), lines);
      }),
      { numRuns: RUNS },
    );
  });

  it('mutated corpus lines of every format: never throws, one verdict per line, only sane events', () => {
    fc.assert(
      fc.property(mutatedFile, (lines) => {
        assertSane(format.id, runParser(format, lines), lines);
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('every real corpus line, unmodified, gets one verdict and gives only sane events', () => {
    assertSane(format.id, runParser(format, realLines), realLines);
  });
});

describe('whole pipeline under fuzzing (sniff → parse → annotate → summarize → report → render)', () => {
  const analysis = buildAnalysis({ inputFormat: null, year: null, tz: null, lang: 'en', signatures: [], homeNet: [] });

  function pipeline(lines: readonly string[], tz: string | null): void {
    const overview = new Overview(localClock(tz));
    const summary = new Summarizer(DEFAULT_THRESHOLDS);
    let events = 0;
    let verdicts = 0;
    let chosen = '';
    const parser = new PickingParser({
      inputFormat: null,
      onChosen: (picked) => (chosen = picked.format.id),
      ctx: { file: 'fuzz.log', refDate: TEST_REF_DATE, year: null, tz },
      sink: {
        event(e) {
          verdicts++;
          events++;
          const problem = eventProblem(e);
          if (problem) throw new Error(`${problem}: ${JSON.stringify(lines[e.origin.line - 1])}`);
          analysis.annotate(e);
          overview.add(e);
          summary.add(e);
        },
        skipped: () => verdicts++,
        malformed: () => verdicts++,
      },
    });
    lines.forEach((l, i) => parser.line(l, i + 1));
    parser.end();
    const stats = { file: 'fuzz.log', format: null, formatBy: null, lines: lines.length, events, skipped: 0, malformed: 0, error: null, incomplete: false };
    const doc = buildReport([stats], overview.result(10), analysis.kb, 'en', {
      summary: summary.result({ kb: analysis.kb, lang: 'en', limit: 10, minSeverity: null }),
      top: 10,
      minSeverity: null,
      filters: { since: null, until: null, sources: [], minSeverity: null },
    });
    JSON.stringify(doc);
    renderReportText(doc, { color: true, width: 80, tz, lang: 'en' });
    renderReportMarkdown(doc, { tz, lang: 'en' });
    // One verdict per line, per entry for the journal export: the header's lines = events + skipped + malformed.
    expect(chosen).not.toBe('');
    expect(verdicts).toBe(verdictsOwed(chosen, lines));
  }

  it('mutated files of every format', () => {
    fc.assert(
      fc.property(mutatedFile, fc.constantFrom<string | null>(null, 'UTC', 'Asia/Shanghai', 'America/St_Johns'), (lines, tz) => pipeline(lines, tz)),
      { numRuns: RUNS * 2 },
    );
  });

  it('random bytes', () => {
    fc.assert(
      fc.property(fc.array(randomLine, { maxLength: 30 }), (lines) => pipeline(lines, null)),
      { numRuns: RUNS },
    );
  });

  it('many mutations of single lines, all through one pipeline (stateful detectors see junk in a row)', () => {
    const lines = fc.sample(mutatedLine, { numRuns: 3000, seed: 42 });
    pipeline(lines, 'UTC');
  });
});
