// Whether a run's digest of a past day may replace the stored one (daily/keep.ts): a
// complete digest is not given up for a partial one of the same counting.
import { describe, expect, it } from 'vitest';
import { dayWindow } from '../../src/daily/day.js';
import { digestSettings, type DayDigest } from '../../src/daily/digest.js';
import { keepStoredDigest } from '../../src/daily/keep.js';
import { DayTally } from '../../src/daily/tally.js';
import { DEFAULT_THRESHOLDS } from '../../src/aggregate/thresholds.js';
import { makeEvent } from '../helpers/events.js';

const W = dayWindow({ year: 2026, month: 11, day: 22 }, 'UTC');
const defaults = digestSettings(DEFAULT_THRESHOLDS, { ignore: null, homeNet: null, signatures: null });

/** The day's digest from `hours` hourly probes (the first hours of the day: a partial view holds fewer). */
function digestOf(hours: number, complete: boolean, settings = defaults, tz = 'UTC', w = W): DayDigest {
  const t = new DayTally(w);
  for (let i = 0; i < hours; i++) {
    const time = new Date(w.start + i * 3_600_000);
    t.add(makeEvent({ time, src: { ip: `198.51.100.${i + 1}` }, dst: { port: 22 }, action: 'drop' }), time.getTime());
  }
  return t.digest(tz, complete, new Date('2026-11-23T06:30:00Z'), settings);
}

describe('keepStoredDigest', () => {
  const whole = digestOf(24, true);
  const part = digestOf(4, false);

  it('a complete digest stays against an incomplete one of the same version, zone and settings', () => {
    expect(whole.totals.probes).toBe(24);
    expect(part.totals.probes).toBe(4);
    expect(keepStoredDigest(whole, part, W)).toBe(true);
  });

  it('an incomplete stored digest gives way to a complete one, and to another incomplete one (a digest does not record what part it covers)', () => {
    expect(keepStoredDigest(part, whole, W)).toBe(false);
    expect(keepStoredDigest(digestOf(20, false), part, W)).toBe(false);
    // Nothing stored (or nothing readable): written.
    expect(keepStoredDigest(null, part, W)).toBe(false);
    // Complete against complete: the newer run's (the same logs, counted now).
    expect(keepStoredDigest(whole, digestOf(24, true), W)).toBe(false);
  });

  it('a complete digest of other settings, another zone or an earlier version gives way: the next run compares with it only under a caveat', () => {
    const tuned = digestSettings({ ...DEFAULT_THRESHOLDS, verticalScan: { minPorts: 8 } }, { ignore: null, homeNet: null, signatures: null });
    expect(keepStoredDigest(digestOf(24, true, tuned), part, W)).toBe(false);
    expect(keepStoredDigest(digestOf(24, true, { ...defaults, homeNet: 'abcdef0123456789' }), part, W)).toBe(false);
    // Counted in Asia/Shanghai: the same date, other instants.
    const shanghai = dayWindow({ year: 2026, month: 11, day: 22 }, 'Asia/Shanghai');
    expect(keepStoredDigest(digestOf(24, true, defaults, 'Asia/Shanghai', shanghai), part, W)).toBe(false);
    // Another zone name with the same bounds is the same day.
    expect(keepStoredDigest(digestOf(24, true, defaults, 'Etc/UTC'), part, W)).toBe(true);
    expect(keepStoredDigest({ ...whole, logscanDailyDigest: 6 }, part, W)).toBe(false);
    // One that does not record its settings cannot be told to match.
    const { settings: _s, ...unrecorded } = whole;
    expect(keepStoredDigest(unrecorded, part, W)).toBe(false);
  });
});
