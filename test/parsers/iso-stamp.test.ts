// The shared ISO 8601 / RFC 3339 stamp reader (src/parsers/iso-stamp.ts) of Sophos Firewall,
// Check Point, Google Cloud, Azure Firewall, CEF and WatchGuard: held to Date.parse on valid
// stamps, and its documented exceptions and edge cases one by one.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reasonText } from '../../src/i18n/messages.js';
import { IsoStamps } from '../../src/parsers/iso-stamp.js';
import { WallTimes } from '../../src/parsers/local-time.js';
import type { LineReason } from '../../src/parsers/reason.js';

const said = (r: LineReason | null): string => (r === null ? '' : reasonText(r, 'en'));
const utc = (): IsoStamps => new IsoStamps({ field: 'timestamp', wall: null });
const inZone = (tz: string): IsoStamps => new IsoStamps({ field: 'time', wall: new WallTimes({ tz }) });
const read = (r: IsoStamps, s: string): number => r.read(s, 0, s.length);

const p2 = (n: number): string => String(n).padStart(2, '0');
const leap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const monthDays = (y: number, mo: number): number => (mo === 2 ? (leap(y) ? 29 : 28) : [31, 0, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1]!);

/** A valid wall time as text, `YYYY-MM-DD?HH:MM:SS[.frac]`, with the separator given. */
const wallText = (minYear: number) =>
  fc
    .record({
      y: fc.integer({ min: minYear, max: 9998 }),
      mo: fc.integer({ min: 1, max: 12 }),
      dayPick: fc.integer({ min: 1, max: 31 }),
      h: fc.integer({ min: 0, max: 23 }),
      mi: fc.integer({ min: 0, max: 59 }),
      s: fc.integer({ min: 0, max: 59 }),
      // Up to nanoseconds, what logs write: V8's Date.parse misreads ten digits or more
      // after a leading zero (`.0010000000` as 10 ms); the reader's longer fractions are below.
      frac: fc.option(fc.stringMatching(/^[0-9]{1,9}$/), { nil: undefined }),
      sep: fc.constantFrom('T', 't', ' '),
    })
    .map(({ y, mo, dayPick, h, mi, s, frac, sep }) => {
      const d = Math.min(dayPick, monthDays(y, mo));
      return `${y}-${p2(mo)}-${p2(d)}${sep}${p2(h)}:${p2(mi)}:${p2(s)}${frac === undefined ? '' : `.${frac}`}`;
    });

/** A zone as RFC 3339 writes it, and as ISO 8601's basic form (`+0100`). */
const zoneText = fc.oneof(
  fc.constantFrom('Z', 'z'),
  fc
    .record({ sign: fc.constantFrom('+', '-'), oh: fc.integer({ min: 0, max: 23 }), om: fc.integer({ min: 0, max: 59 }), colon: fc.boolean() })
    .map(({ sign, oh, om, colon }) => `${sign}${p2(oh)}${colon ? ':' : ''}${p2(om)}`),
);

/**
 * What Date.parse reads the stamp as, its fraction cut to milliseconds first: before 1970 V8
 * cuts a finer fraction toward zero, the later instant (`1900-01-01T00:00:00.0001Z` is
 * …799999, not …800000), where an event keeps the millisecond the stamp wrote.
 */
function parsed(stamp: string): number {
  const whole = Date.parse(stamp);
  const cut = Date.parse(stamp.replace(/(\.\d{1,3})\d*/, '$1'));
  if (whole >= 0) expect(cut).toBe(whole);
  return cut;
}

describe('iso-stamp: held to Date.parse', () => {
  it('a stamp with Z or an offset is the instant Date.parse reads, the fraction cut to milliseconds', () => {
    fc.assert(
      fc.property(wallText(1900), zoneText, (wall, zone) => {
        const stamp = wall + zone;
        expect(read(utc(), stamp)).toBe(parsed(stamp));
      }),
      { numRuns: 3000 },
    );
  });

  it('a stamp without a zone is wall time in --tz (Date.parse would read it in the machine zone): with the zone written, the same instant', () => {
    // Asia/Kolkata has kept +05:30 since 1945, so no ambiguous or skipped wall time is drawn.
    fc.assert(
      fc.property(wallText(1950), (wall) => {
        expect(read(inZone('Asia/Kolkata'), wall)).toBe(parsed(`${wall}+05:30`));
        // WatchGuard's reader: no zone is UTC.
        expect(read(utc(), wall)).toBe(parsed(`${wall}Z`));
      }),
      { numRuns: 1000 },
    );
  });

  it('reads the stamp where it stands in a longer text, and a cached stamp again gives the same instant', () => {
    fc.assert(
      fc.property(wallText(1900), zoneText, wallText(1900), fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), (wall, zone, other, before, after) => {
        const stamp = wall + zone;
        const r = utc();
        const line = `${before}${stamp}${after}`;
        expect(r.read(line, before.length, before.length + stamp.length)).toBe(parsed(stamp));
        expect(read(r, `${other}Z`)).toBe(parsed(`${other}Z`));
        expect(r.read(line, before.length, before.length + stamp.length)).toBe(parsed(stamp));
        expect(read(r, stamp)).toBe(parsed(stamp));
      }),
      { numRuns: 500 },
    );
  });
});

describe('iso-stamp: edge cases', () => {
  it('a fraction is cut, never rounded into the next second', () => {
    expect(read(utc(), '2026-11-20T06:25:01.9996Z')).toBe(Date.UTC(2026, 10, 20, 6, 25, 1, 999));
    expect(read(utc(), '2026-12-31T23:59:59.999999999Z')).toBe(Date.UTC(2026, 11, 31, 23, 59, 59, 999));
    expect(read(utc(), '2026-11-20T06:25:01.5+01:00')).toBe(Date.UTC(2026, 10, 20, 5, 25, 1, 500));
    expect(read(utc(), '2026-11-20T06:25:01.001234567890Z')).toBe(Date.UTC(2026, 10, 20, 6, 25, 1, 1));
  });

  it('a leap second is the second after :59 (Date.parse has no :60); hour 24 is no hour (Date.parse reads the next midnight)', () => {
    expect(Date.parse('2016-12-31T23:59:60Z')).toBeNaN();
    expect(read(utc(), '2016-12-31T23:59:60Z')).toBe(Date.UTC(2017, 0, 1));
    expect(read(utc(), '2016-12-31T23:59:60.250+00:00')).toBe(Date.UTC(2017, 0, 1, 0, 0, 0, 250));
    expect(read(inZone('UTC'), '2016-12-31 23:59:60')).toBe(Date.UTC(2017, 0, 1));
    const r = utc();
    expect(read(r, '2026-11-20T06:25:61Z')).toBeNaN();
    expect(said(r.error)).toBe('timestamp: impossible time (second 61)');
    expect(Date.parse('2026-11-20T24:00:00Z')).toBe(Date.UTC(2026, 10, 21));
    expect(read(r, '2026-11-20T24:00:00Z')).toBeNaN();
    expect(said(r.error)).toBe('timestamp: impossible time (hour 24)');
  });

  it('Feb 30 and a Feb 29 of a common year are impossible dates (Date.parse rolls them into March); a leap year has its Feb 29', () => {
    const r = utc();
    expect(Number.isNaN(Date.parse('2026-02-30T00:00:00Z'))).toBe(false);
    expect(read(r, '2026-02-30T00:00:00Z')).toBeNaN();
    expect(said(r.error)).toBe('timestamp: impossible date (Feb 30)');
    expect(read(r, '2026-02-29T00:00:00Z')).toBeNaN();
    expect(said(r.error)).toBe('timestamp: impossible date (Feb 29 2026)');
    expect(read(r, '2028-02-29T00:00:00Z')).toBe(Date.UTC(2028, 1, 29));
    expect(read(r, '1899-12-31T23:59:59Z')).toBeNaN();
    expect(said(r.error)).toBe('timestamp: year 1899 outside the supported range 1900-9998');
  });

  it('offsets reach ±14:00 and beyond up to ±23:59; 24 hours or 60 minutes is an impossible offset, under the format\'s field', () => {
    const r = new IsoStamps({ field: 'rt', wall: null });
    expect(read(r, '2026-11-20T14:00:00+14:00')).toBe(Date.UTC(2026, 10, 20));
    expect(read(r, '2026-11-20T00:00:00-1400')).toBe(Date.UTC(2026, 10, 20, 14));
    expect(read(r, '2026-11-20T00:00:00+23:59')).toBe(Date.parse('2026-11-20T00:00:00+23:59'));
    for (const z of ['+24:00', '-2400', '+12:60']) {
      expect(read(r, `2026-11-20T00:00:00${z}`)).toBeNaN();
      expect(said(r.error)).toBe('rt: impossible UTC offset');
    }
  });

  it('a cut stamp is no stamp (NaN, no reason): only the whole stamp and its fractionless or shorter-fraction forms are read', () => {
    const full = '2026-11-20T06:25:01.123+01:00';
    const r = utc();
    const read19 = new Set([19, 21, 22, 23, full.length]);
    for (let n = 0; n <= full.length; n++) {
      const ms = read(r, full.slice(0, n));
      if (read19.has(n)) expect(ms).not.toBeNaN();
      else {
        expect(ms, full.slice(0, n)).toBeNaN();
        expect(r.error).toBeNull();
      }
    }
  });

  it('text that is no stamp gets no reason, even when its date is impossible too: the caller says it is invalid', () => {
    const r = utc();
    for (const s of [
      '2026-02-30T06:25:01+01:0x', '2026-11-20T06:25:01.Z', '2026-11-20T06:25:01+01', '2026-11-20T06:25:01Zx',
      '2026-11-20T06:25:01 Z', '2026-11-20X06:25:01Z', '20.11.2026 06:25:01', '2026-11-20T06:25:01,5Z', '2026-11-2T06:25:01Z', '',
    ]) {
      expect(read(r, s), s).toBeNaN();
      expect(r.error, s).toBeNull();
    }
  });

  it('a bad stamp after a good one is not served from the cache, and leaves the good one cached', () => {
    const r = utc();
    const good = read(r, '2026-11-20T06:25:01Z');
    expect(read(r, '2026-11-20T06:25:61Z')).toBeNaN();
    expect(r.error).not.toBeNull();
    expect(read(r, '2026-11-20T06:25:01Z')).toBe(good);
  });
});
