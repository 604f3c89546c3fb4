// The day window: zone midnights, DST days of 23 and 25 hours, the machine zone
// (TZ=Etc/GMT+2 in the tests), today/yesterday around midnight, bad --date values.
import { describe, expect, it } from 'vitest';
import { addDays, dayWindow, hourIndex, hourLabels, parseDayOption } from '../../src/daily/day.js';

const iso = (ms: number): string => new Date(ms).toISOString();

describe('day window', () => {
  it('Europe/Berlin on the spring-forward day has 23 hours', () => {
    const w = dayWindow({ year: 2026, month: 3, day: 29 }, 'Europe/Berlin');
    expect(iso(w.start)).toBe('2026-03-28T23:00:00.000Z');
    expect(iso(w.end)).toBe('2026-03-29T22:00:00.000Z');
    expect(w.hours).toBe(23);
    expect(hourLabels(w, 'Europe/Berlin').slice(0, 4)).toEqual(['00', '01', '03', '04']);
  });

  it('America/New_York on the fall-back day has 25 hours, 01 twice', () => {
    const w = dayWindow({ year: 2026, month: 11, day: 1 }, 'America/New_York');
    expect(iso(w.start)).toBe('2026-11-01T04:00:00.000Z');
    expect(iso(w.end)).toBe('2026-11-02T05:00:00.000Z');
    expect(w.hours).toBe(25);
    expect(hourLabels(w, 'America/New_York').slice(0, 4)).toEqual(['00', '01', '01', '02']);
    // 23:30 local on that day is the 25th bucket, not clamped into the 24th.
    expect(hourIndex(w, Date.parse('2026-11-02T04:30:00Z'))).toBe(24);
  });

  it('an ordinary day is 24 hours in any zone, and D-1 ends where D starts', () => {
    for (const tz of ['UTC', 'Asia/Kolkata', 'Pacific/Auckland', 'America/Los_Angeles']) {
      const d = { year: 2026, month: 6, day: 15 };
      const w = dayWindow(d, tz);
      expect(w.hours).toBe(24);
      expect(dayWindow(addDays(d, -1), tz).end).toBe(w.start);
    }
    expect(iso(dayWindow({ year: 2026, month: 6, day: 15 }, 'Asia/Kolkata').start)).toBe('2026-06-14T18:30:00.000Z');
  });

  it('without --tz the machine zone is used (Etc/GMT+2: midnight is 02:00 UTC)', () => {
    const w = dayWindow({ year: 2026, month: 11, day: 21 }, null);
    expect(iso(w.start)).toBe('2026-11-21T02:00:00.000Z');
    expect(w.hours).toBe(24);
  });

  it('a year boundary: 2026-12-31 runs into 2027-01-01', () => {
    const w = dayWindow({ year: 2026, month: 12, day: 31 }, 'UTC');
    expect(iso(w.end)).toBe('2027-01-01T00:00:00.000Z');
    expect(addDays({ year: 2027, month: 1, day: 1 }, -1)).toEqual({ year: 2026, month: 12, day: 31 });
    expect(addDays({ year: 2028, month: 3, day: 1 }, -1)).toEqual({ year: 2028, month: 2, day: 29 });
  });
});

describe('--date', () => {
  // 2026-11-21 23:30 UTC is already the 22nd in Berlin and still the 21st in New York.
  const now = new Date('2026-11-21T23:30:00Z');

  it('today and yesterday are calendar days in the zone', () => {
    expect(parseDayOption('today', now, 'Europe/Berlin')).toEqual({ year: 2026, month: 11, day: 22 });
    expect(parseDayOption('yesterday', now, 'Europe/Berlin')).toEqual({ year: 2026, month: 11, day: 21 });
    expect(parseDayOption('today', now, 'America/New_York')).toEqual({ year: 2026, month: 11, day: 21 });
    expect(parseDayOption('yesterday', new Date('2027-01-01T00:30:00Z'), 'UTC')).toEqual({ year: 2026, month: 12, day: 31 });
  });

  it('accepts YYYY-MM-DD and rejects impossible dates', () => {
    expect(parseDayOption('2028-02-29', now, null)).toEqual({ year: 2028, month: 2, day: 29 });
    for (const bad of ['2026-02-29', '2026-13-01', '2026-11-31', '21.11.2026', 'tomorrow', '']) {
      expect(() => parseDayOption(bad, now, null), bad).toThrow(/--date/);
    }
  });

  it('takes the years a log may say, 1900-9998, and names the range otherwise', () => {
    expect(parseDayOption('1900-01-01', now, null)).toEqual({ year: 1900, month: 1, day: 1 });
    expect(parseDayOption('9998-12-31', now, null)).toEqual({ year: 9998, month: 12, day: 31 });
    expect(dayWindow({ year: 9998, month: 12, day: 31 }, 'America/New_York').end).toBe(Date.UTC(9999, 0, 1, 5));
    expect(() => parseDayOption('9999-12-31', now, null)).toThrow('--date: the year must be from 1900 to 9998, got "9999-12-31"');
    expect(() => parseDayOption('0999-01-01', now, null)).toThrow('--date: the year must be from 1900 to 9998');
    expect(() => parseDayOption('2026-13-01', now, null)).toThrow('--date: expected YYYY-MM-DD (a year from 1900 to 9998), today or yesterday, got "2026-13-01"');
  });
});
