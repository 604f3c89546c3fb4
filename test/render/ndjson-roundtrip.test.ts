// An event's fields survive the NDJSON round trip: what `logscan events` writes reads
// back as the same event (time as an ISO string, everything else exact), for events
// parsed from real and mutated lines of every format and annotated.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAnalysis } from '../../src/cli/analysis.js';
import type { FirewallEvent } from '../../src/event.js';
import { formats } from '../../src/parsers/registry.js';
import { eventToJson } from '../../src/render/event-json.js';
import { mutatedFile } from '../hardening/corpus-lines.js';
import { parseLines } from '../helpers/parse.js';

const analysis = buildAnalysis({ inputFormat: null, year: null, tz: null, lang: 'en', signatures: [], homeNet: [] });

function revive(line: string): FirewallEvent {
  const o = JSON.parse(line) as FirewallEvent & { time: string | null };
  return { ...o, time: o.time === null ? null : new Date(o.time) };
}

describe('NDJSON round trip', () => {
  it('every parsed and annotated event reads back equal, for every format', () => {
    let events = 0;
    fc.assert(
      fc.property(mutatedFile, fc.constantFrom(...formats), (lines, format) => {
        for (const e of parseLines(format, lines).events) {
          analysis.annotate(e);
          const line = eventToJson(e);
          expect(line).not.toMatch(/\n/);
          expect(revive(line)).toEqual(e);
          events++;
        }
      }),
      { numRuns: 400 },
    );
    expect(events).toBeGreaterThan(100);
  });
});
