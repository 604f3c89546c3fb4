// Whether a run's digest of a past day may replace the stored one (daily/keep.ts): a
// complete digest is not given up for a partial one of the same counting, nor a partial one
// for one that covers less of the day.
import { describe, expect, it } from 'vitest';
import { dayWindow } from '../../src/daily/day.js';
import { digestSettings, type DayDigest } from '../../src/daily/digest.js';
import { keepStoredDigest } from '../../src/daily/keep.js';
import type { Span } from '../../src/daily/coverage.js';
import { DayTally } from '../../src/daily/tally.js';
import { DEFAULT_THRESHOLDS } from '../../src/aggregate/thresholds.js';
import { makeEvent } from '../helpers/events.js';

const W = dayWindow({ year: 2026, month: 11, day: 22 }, 'UTC');
const defaults = digestSettings(DEFAULT_THRESHOLDS, { ignore: null, homeNet: null, signatures: null });

const HOUR = 3_600_000;

/**
 * The day's digest from `hours` hourly probes (the first hours of the day: a partial view
 * holds fewer); incomplete, it covers the day's start to its last probe, or `span`.
 */
function digestOf(hours: number, complete: boolean, settings = defaults, tz = 'UTC', w = W, span?: Span): DayDigest {
  const t = new DayTally(w);
  for (let i = 0; i < hours; i++) {
    const time = new Date(w.start + i * HOUR);
    t.add(makeEvent({ time, src: { ip: `198.51.100.${i + 1}` }, dst: { port: 22 }, action: 'drop' }), time.getTime());
  }
  const coverage = complete ? { complete, span: null } : { complete, span: span ?? { from: w.start, to: w.start + Math.max(0, hours - 1) * HOUR } };
  return t.digest(tz, coverage, new Date('2026-11-23T06:30:00Z'), settings);
}

describe('keepStoredDigest', () => {
  const whole = digestOf(24, true);
  const part = digestOf(4, false);

  it('a complete digest stays against an incomplete one of the same version, zone and settings', () => {
    expect(whole.totals.probes).toBe(24);
    expect(part.totals.probes).toBe(4);
    expect(keepStoredDigest(whole, part, W)).toBe('complete');
  });

  it('an incomplete stored digest gives way to a complete one; nothing stored, or complete against complete: written', () => {
    expect(keepStoredDigest(part, whole, W)).toBeNull();
    // Nothing stored (or nothing readable): written.
    expect(keepStoredDigest(null, part, W)).toBeNull();
    // Complete against complete: the newer run's (the same logs, counted now).
    expect(keepStoredDigest(whole, digestOf(24, true), W)).toBeNull();
  });

  it('both incomplete: the one that spans more of the day stays, either way round; an equal span gives way to the newer', () => {
    const long = digestOf(20, false);
    expect(long.covered).toEqual({ from: '2026-11-22T00:00:00.000Z', to: '2026-11-22T19:00:00.000Z' });
    expect(part.covered).toEqual({ from: '2026-11-22T00:00:00.000Z', to: '2026-11-22T03:00:00.000Z' });
    expect(keepStoredDigest(long, part, W)).toBe('longer');
    expect(keepStoredDigest(part, long, W)).toBeNull();
    // The span decides, not the counts: a quiet afternoon holds fewer probes than a busy morning.
    const afternoon = digestOf(2, false, defaults, 'UTC', W, { from: W.start + 12 * HOUR, to: W.end });
    expect(keepStoredDigest(afternoon, part, W)).toBe('longer');
    expect(keepStoredDigest(part, afternoon, W)).toBeNull();
    expect(keepStoredDigest(digestOf(4, false), part, W)).toBeNull();
    // Other settings: the longer one gives way all the same.
    expect(keepStoredDigest(digestOf(20, false, { ...defaults, ignore: '0123456789abcdef' }), part, W)).toBeNull();
  });

  it("both incomplete and either span not known (a version 7 digest, or one without 'covered'): the newer replaces it", () => {
    const { covered: _c, ...unknown } = digestOf(20, false);
    expect(keepStoredDigest(unknown, part, W)).toBeNull();
    expect(keepStoredDigest(digestOf(20, false), { ...part, covered: undefined }, W)).toBeNull();
    expect(keepStoredDigest({ ...digestOf(20, false), logscanDailyDigest: 7 }, part, W)).toBeNull();
  });

  it('a complete digest of other settings, another zone or an earlier version gives way: the next run compares with it only under a caveat', () => {
    const tuned = digestSettings({ ...DEFAULT_THRESHOLDS, verticalScan: { minPorts: 8 } }, { ignore: null, homeNet: null, signatures: null });
    expect(keepStoredDigest(digestOf(24, true, tuned), part, W)).toBeNull();
    expect(keepStoredDigest(digestOf(24, true, { ...defaults, homeNet: 'abcdef0123456789' }), part, W)).toBeNull();
    // Counted in Asia/Shanghai: the same date, other instants.
    const shanghai = dayWindow({ year: 2026, month: 11, day: 22 }, 'Asia/Shanghai');
    expect(keepStoredDigest(digestOf(24, true, defaults, 'Asia/Shanghai', shanghai), part, W)).toBeNull();
    // Another zone name with the same bounds is the same day.
    expect(keepStoredDigest(digestOf(24, true, defaults, 'Etc/UTC'), part, W)).toBe('complete');
    expect(keepStoredDigest({ ...whole, logscanDailyDigest: 6 }, part, W)).toBeNull();
    // One that does not record its settings cannot be told to match.
    const { settings: _s, ...unrecorded } = whole;
    expect(keepStoredDigest(unrecorded, part, W)).toBeNull();
  });
});
