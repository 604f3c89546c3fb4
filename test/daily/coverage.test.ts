// How much of a day the logs hold (daily/coverage.ts): whether all of it, and which part
// when not, decided together so the span never contradicts `complete`.
import { describe, expect, it } from 'vitest';
import { dayCoverage, spanLength, type CoverageFacts } from '../../src/daily/coverage.js';
import { dayWindow } from '../../src/daily/day.js';

const W = dayWindow({ year: 2026, month: 11, day: 21 }, 'UTC');
const at = (s: string): number => Date.parse(s);
/** Logs from the day before into the day after, nothing broken or missing. */
const WHOLE: CoverageFacts = { earliest: at('2026-11-20T06:51:08Z'), latest: at('2026-11-22T04:09:54Z'), reachesBack: false, cutShort: false, writtenAfter: false, missing: false };

describe('dayCoverage', () => {
  it('logs spanning the day: complete, no span', () => {
    expect(dayCoverage(W, WHOLE)).toEqual({ complete: true, span: null, reachesStart: true, reachesEnd: true });
  });

  it('logs that start during the day: the span runs from their first record to the day end', () => {
    const c = dayCoverage(W, { ...WHOLE, earliest: at('2026-11-21T06:51:08Z') });
    expect(c).toMatchObject({ complete: false, reachesStart: false, reachesEnd: true });
    expect(c.span).toEqual({ from: at('2026-11-21T06:51:08Z'), to: W.end });
    // An older rotation passed over as ending before the day before: the logs reach back all the same.
    expect(dayCoverage(W, { ...WHOLE, earliest: at('2026-11-21T06:51:08Z'), reachesBack: true })).toMatchObject({ complete: true, span: null });
  });

  it('logs that end during the day: to their last record, unless a file read was written after the day (a quiet evening)', () => {
    const c = dayCoverage(W, { ...WHOLE, latest: at('2026-11-21T17:40:12Z') });
    expect(c).toMatchObject({ complete: false, reachesStart: true, reachesEnd: false, span: { from: W.start, to: at('2026-11-21T17:40:12Z') } });
    expect(dayCoverage(W, { ...WHOLE, latest: at('2026-11-21T17:40:12Z'), writtenAfter: true })).toMatchObject({ complete: true, span: null });
  });

  it('both: from the first record to the last', () => {
    const c = dayCoverage(W, { ...WHOLE, earliest: at('2026-11-21T06:51:00Z'), latest: at('2026-11-21T17:40:00Z') });
    expect(c.span).toEqual({ from: at('2026-11-21T06:51:00Z'), to: at('2026-11-21T17:40:00Z') });
    expect(spanLength(c, W)).toBe(10 * 3_600_000 + 49 * 60_000);
  });

  it('a hole inside (a missing rotation, an input cut short): not complete, and the span may still reach both ends', () => {
    expect(dayCoverage(W, { ...WHOLE, missing: true })).toMatchObject({ complete: false, span: { from: W.start, to: W.end } });
    // What a cut input lost may lie up to the day's end: the end is not reached, the last record still bounds the span.
    expect(dayCoverage(W, { ...WHOLE, cutShort: true })).toMatchObject({ complete: false, reachesEnd: false, span: { from: W.start, to: W.end } });
    expect(dayCoverage(W, { ...WHOLE, cutShort: true, latest: at('2026-11-21T12:00:00Z') }).span).toEqual({ from: W.start, to: at('2026-11-21T12:00:00Z') });
  });

  it('holes (missing or unread rotations) cut the span: one inside is a gap, one past an end moves it, one over all of it leaves none', () => {
    const hole = { from: at('2026-11-21T09:12:00Z'), to: at('2026-11-21T14:30:00Z') };
    const inside = dayCoverage(W, { ...WHOLE, missing: true, holes: [hole] });
    expect(inside).toMatchObject({ complete: false, span: { from: W.start, to: W.end }, gaps: [hole] });
    // Unbounded before (an unread oldest rotation), up to the newer file's first record: covered from there.
    const before = dayCoverage(W, { ...WHOLE, reachesBack: true, missing: true, holes: [{ from: -Infinity, to: at('2026-11-21T10:38:00Z') }] });
    expect(before).toMatchObject({ complete: false, span: { from: at('2026-11-21T10:38:00Z'), to: W.end }, gaps: [] });
    // Two holes, one reaching past the day's end: a gap and an earlier end.
    const two = dayCoverage(W, { ...WHOLE, missing: true, holes: [{ from: at('2026-11-21T20:00:00Z'), to: Infinity }, hole] });
    expect(two).toMatchObject({ span: { from: W.start, to: at('2026-11-21T20:00:00Z') }, gaps: [hole] });
    // A hole over the whole day: no part of it is covered.
    const none = dayCoverage(W, { ...WHOLE, reachesBack: true, missing: true, holes: [{ from: -Infinity, to: at('2026-11-22T10:38:00Z') }] });
    expect(none.complete).toBe(false);
    expect(spanLength(none, W)).toBe(0);
    // A hole outside the day changes nothing of its span.
    expect(dayCoverage(W, { ...WHOLE, missing: true, holes: [{ from: -Infinity, to: at('2026-11-20T10:00:00Z') }] })).toMatchObject({ span: { from: W.start, to: W.end }, gaps: [] });
  });

  it('logs that end before the day or start after it: an empty span at the edge, whatever a file was last written', () => {
    const before = dayCoverage(W, { ...WHOLE, latest: at('2026-11-20T23:00:00Z'), writtenAfter: true });
    expect(before).toMatchObject({ complete: false, span: { from: W.start, to: W.start } });
    expect(spanLength(before, W)).toBe(0);
    expect(dayCoverage(W, { ...WHOLE, earliest: at('2026-11-22T01:00:00Z') })).toMatchObject({ complete: false, span: { from: W.end, to: W.end } });
    // Nothing dated at all.
    expect(dayCoverage(W, { ...WHOLE, earliest: Infinity, latest: -Infinity })).toMatchObject({ complete: false, span: { from: W.end, to: W.end } });
  });

  it('complete exactly when no span is given, and a span always lies within the day, from before to', () => {
    const times = [-Infinity, W.start - 1, W.start, W.start + 5, W.end - 1, W.end, W.end + 7, Infinity];
    for (const earliest of times)
      for (const latest of times)
        for (const flags of [0, 1, 2, 4, 8, 15]) {
          if (earliest !== Infinity && latest !== -Infinity && earliest > latest) continue;
          const f: CoverageFacts = { earliest, latest, reachesBack: (flags & 1) > 0, cutShort: (flags & 2) > 0, writtenAfter: (flags & 4) > 0, missing: (flags & 8) > 0 };
          const c = dayCoverage(W, f);
          const what = JSON.stringify(f);
          expect(c.span === null, what).toBe(c.complete);
          expect(c.complete, what).toBe(c.reachesStart && c.reachesEnd && !f.missing);
          if (c.span !== null) {
            expect(c.span.from, what).toBeGreaterThanOrEqual(W.start);
            expect(c.span.to, what).toBeLessThanOrEqual(W.end);
            expect(c.span.from, what).toBeLessThanOrEqual(c.span.to);
          }
        }
  });
});

describe('spanLength', () => {
  it('a complete day is the whole day; an unknown span is null', () => {
    expect(spanLength({ complete: true, span: null }, W)).toBe(86_400_000);
    expect(spanLength({ complete: false, span: null }, W)).toBeNull();
  });
});
