// Fixed-format timestamp readers: formats, impossible dates, year inference, zones, cache.
import { describe, expect, it } from 'vitest';
import { reasonText } from '../../src/i18n/messages.js';
import type { LineReason } from '../../src/parsers/reason.js';
import { Clock, epochMicrosToMs, utcOffsetMinutes } from '../../src/parsers/timestamp.js';
import { runCli } from '../helpers/cli.js';

/** A clock's reason in English, as the parsers wrote it before reasons were data ('' for none). */
const said = (r: LineReason | null): string => (r === null ? '' : reasonText(r, 'en'));

const REF = new Date('2026-11-23T12:00:00Z');

function clock(opts: { refDate?: Date; year?: number | null; tz?: string | null } = {}): Clock {
  return new Clock({ refDate: opts.refDate ?? REF, year: opts.year ?? null, tz: opts.tz ?? 'UTC' });
}

const iso = (ms: number): string => new Date(ms).toISOString();

describe('BSD syslog stamps', () => {
  it('reads space-padded, zero-padded and unpadded days and reports where the stamp ends', () => {
    const c = clock();
    expect(iso(c.bsd('Jan  8 03:37:09 host', 0))).toBe('2026-01-08T03:37:09.000Z');
    expect(c.end).toBe(15);
    expect(iso(c.bsd('Jan 08 03:37:09 host', 0))).toBe('2026-01-08T03:37:09.000Z');
    expect(iso(c.bsd('x:Jan 1 02:21:38 host', 2))).toBe('2026-01-01T02:21:38.000Z');
    expect(c.end).toBe(16);
    expect(c.yearInferred).toBe(true);
  });

  it('Feb 30 and hour 25 are impossible (NaN with a reason), never an Invalid Date', () => {
    const c = clock();
    expect(c.bsd('Feb 30 10:00:00 h', 0)).toBeNaN();
    expect(said(c.error)).toMatch(/Feb 30/);
    expect(c.bsd('Mar  1 25:00:00 h', 0)).toBeNaN();
    expect(said(c.error)).toMatch(/hour 25/);
    expect(c.bsd('Mar  1 10:61:00 h', 0)).toBeNaN();
    expect(said(c.error)).toMatch(/minute 61/);
  });

  it('text that is not a stamp gives NaN without a reason', () => {
    const c = clock();
    for (const s of ['Foo  1 10:00:00', 'Jan 1x 10:00:00', 'Jan  1 10:00', 'Jan  1 10:00:001', 'Jan']) {
      expect(c.bsd(s, 0)).toBeNaN();
      expect(c.error).toBeNull();
    }
  });

  it('a repeated stamp is served from the per-second cache with the same result', () => {
    const c = clock();
    const a = c.bsd('Nov 21 06:25:01 a', 0);
    const b = c.bsd('Nov 21 06:25:01 b', 0);
    expect(b).toBe(a);
    expect(c.end).toBe(15);
    // A longer stamp that merely starts with the cached text is not a cache hit.
    expect(c.bsd('Nov 21 06:25:011 b', 0)).toBeNaN();
  });
});

describe('year inference', () => {
  it('without --year: the refDate year, or the previous one when the time would be > 2 days after refDate', () => {
    const c = clock({ refDate: new Date('2027-01-05T00:00:00Z') });
    expect(iso(c.bsd('Dec 31 23:59:59 h', 0))).toBe('2026-12-31T23:59:59.000Z');
    expect(iso(c.bsd('Jan  1 00:00:01 h', 0))).toBe('2027-01-01T00:00:01.000Z');
    expect(iso(c.bsd('Jan  6 12:00:00 h', 0))).toBe('2027-01-06T12:00:00.000Z'); // within 2 days: clock skew
    expect(iso(c.bsd('Jan  8 12:00:00 h', 0))).toBe('2026-01-08T12:00:00.000Z');
  });

  it('without --year, a refDate at New Year still picks the year a local stamp belongs to', () => {
    const c = clock({ refDate: new Date('2026-12-31T20:00:00Z'), tz: 'Asia/Shanghai' });
    // Jan 1 00:30 in Shanghai is Dec 31 16:30 UTC: already past in 2027's terms.
    expect(iso(c.bsd('Jan  1 00:30:00 h', 0))).toBe('2026-12-31T16:30:00.000Z');
  });

  it('with --year: the first record gets it, Dec→Jan advances it, an out-of-order Dec goes back', () => {
    const c = clock({ year: 2024 });
    expect(iso(c.bsd('Dec 31 23:59:59 h', 0))).toBe('2024-12-31T23:59:59.000Z');
    expect(iso(c.bsd('Jan  1 00:00:01 h', 0))).toBe('2025-01-01T00:00:01.000Z');
    expect(iso(c.bsd('Mar  1 00:00:00 h', 0))).toBe('2025-03-01T00:00:00.000Z');
    expect(iso(c.bsd('Dec 31 23:00:00 h', 0))).toBe('2024-12-31T23:00:00.000Z');
  });

  it('Feb 29 is accepted in a leap year and malformed otherwise', () => {
    expect(iso(clock({ year: 2024 }).bsd('Feb 29 12:00:00 h', 0))).toBe('2024-02-29T12:00:00.000Z');
    const c = clock({ year: 2025 });
    expect(c.bsd('Feb 29 12:00:00 h', 0)).toBeNaN();
    expect(said(c.error)).toMatch(/Feb 29 2025/);
    // Without --year, the latest leap year near refDate is not guessed: 2024 is too far.
    expect(clock().bsd('Feb 29 12:00:00 h', 0)).toBeNaN();
  });
});

describe('Feb 29 with an inferred year', () => {
  it('gets the year every Feb line of the file gets: a leap year stays, Feb 28 and Mar 1 around it agree', () => {
    // Reference in January 2025: February 2025 is ahead, so February lines are 2024's.
    const c = clock({ refDate: new Date('2025-01-10T12:00:00Z') });
    expect(iso(c.bsd('Feb 28 12:00:00 h', 0))).toBe('2024-02-28T12:00:00.000Z');
    expect(iso(c.bsd('Feb 29 12:00:00 h', 0))).toBe('2024-02-29T12:00:00.000Z');
    expect(iso(c.bsd('Mar  1 12:00:00 h', 0))).toBe('2024-03-01T12:00:00.000Z');
  });

  it('is malformed, naming the year and --year, when that year has none: never moved to another year than its neighbours', () => {
    // Reference in March 2025: Feb 28 and Mar 1 are 2025's, which has no Feb 29 (2024 had one).
    const c = clock({ refDate: new Date('2025-03-05T12:00:00Z') });
    expect(iso(c.bsd('Feb 28 12:00:00 h', 0))).toBe('2025-02-28T12:00:00.000Z');
    expect(c.bsd('Feb 29 12:00:00 h', 0)).toBeNaN();
    expect(said(c.error)).toBe('time: Feb 29 in 2025, the year inferred for the line, which has none (--year sets the year)');
    expect(iso(c.bsd('Mar  1 12:00:00 h', 0))).toBe('2025-03-01T12:00:00.000Z');
    // A reference just after New Year: Feb lines are the year before's, 2024 has a Feb 29.
    expect(iso(clock({ refDate: new Date('2025-01-01T00:30:00Z') }).bsd('Feb 29 23:59:59 h', 0))).toBe('2024-02-29T23:59:59.000Z');
    // Three years on, the nearest leap year going back is three years away: not guessed either.
    const d = clock({ refDate: new Date('2027-06-01T00:00:00Z') });
    expect(d.bsd('Feb 29 00:00:00 h', 0)).toBeNaN();
    expect(said(d.error)).toContain('Feb 29 in 2027');
  });
});

describe('zones', () => {
  it('year-less times are local in ctx.tz, across a DST change', () => {
    const c = clock({ tz: 'America/New_York', year: 2026 });
    expect(iso(c.bsd('Mar  7 12:00:00 h', 0))).toBe('2026-03-07T17:00:00.000Z'); // EST
    expect(iso(c.bsd('Mar  9 12:00:00 h', 0))).toBe('2026-03-09T16:00:00.000Z'); // EDT
    const gap = c.bsd('Mar  8 02:30:00 h', 0); // does not exist locally: still a valid instant
    expect(Number.isFinite(gap)).toBe(true);
  });

  it('null tz means the machine zone (TZ=Etc/GMT+2 in tests)', () => {
    const c = new Clock({ refDate: REF, year: 2026, tz: null });
    expect(iso(c.bsd('Jun  1 10:00:00 h', 0))).toBe('2026-06-01T12:00:00.000Z');
  });
});

describe('ISO 8601 / RFC 3339', () => {
  const c = clock({ tz: 'Asia/Shanghai' });
  const cases: [string, string][] = [
    ['2025-01-23T12:22:21.537693-05:00', '2025-01-23T17:22:21.537Z'],
    ['2025-01-23T12:22:21Z', '2025-01-23T12:22:21.000Z'],
    ['2025-01-23T12:22:21+0100', '2025-01-23T11:22:21.000Z'],
    ['2025-01-23T12:22:21.5+05:30', '2025-01-23T06:52:21.500Z'],
    ['2025-01-23 12:22:21,25Z', '2025-01-23T12:22:21.250Z'],
    ['2025-01-23T12:22:21+01', '2025-01-23T11:22:21.000Z'],
    ['2025-01-23T08:00:00', '2025-01-23T00:00:00.000Z'], // local in Asia/Shanghai
  ];
  for (const [text, want] of cases) {
    it(`${text} → ${want}`, () => {
      expect(iso(c.iso(`${text} host`, 0))).toBe(want);
      expect(c.end).toBe(text.length);
      expect(c.yearInferred).toBe(false);
    });
  }

  it('impossible values are malformed; other text is not a stamp', () => {
    for (const s of ['2025-13-01T00:00:00Z', '2025-02-30T00:00:00Z', '2025-01-01T24:00:00Z', '2025-01-01T00:00:00+25:00']) {
      expect(c.iso(s, 0)).toBeNaN();
      expect(c.error).not.toBeNull();
    }
    for (const s of ['2025-01-01', '2025-01-01X00:00:00Z', '2025-01-01T00:00:00Zjunk', '2025-01-01T00:00:00.Z']) {
      expect(c.iso(s, 0)).toBeNaN();
      expect(c.error).toBeNull();
    }
  });
});

describe('other stamps', () => {
  it('Proxmox DD/Mon/YYYY:HH:MM:SS +ZZZZ', () => {
    const c = clock();
    expect(iso(c.pve('20/Jun/2022:13:09:14 +0200 x', 0))).toBe('2022-06-20T11:09:14.000Z');
    expect(c.end).toBe(26);
    expect(c.pve('31/Jun/2022:13:09:14 +0200 x', 0)).toBeNaN();
    expect(said(c.error)).toMatch(/Jun 31/);
  });

  it('dmesg -T ctime is local', () => {
    expect(iso(clock().ctime('Thu Jan 23 12:22:21 2025] x', 0))).toBe('2025-01-23T12:22:21.000Z');
  });

  it('journald microseconds', () => {
    expect(new Date(epochMicrosToMs('1642033008518660')).toISOString()).toBe('2022-01-13T00:16:48.518Z');
    expect(epochMicrosToMs('')).toBeNaN();
    expect(epochMicrosToMs('12a')).toBeNaN();
    expect(epochMicrosToMs('1'.repeat(30))).toBeNaN();
  });
});

describe("RouterOS's /log print stamps", () => {
  it('a time alone is on the reference date, or the day before when more than an hour after it; the end is after the stamp', () => {
    // REF 2026-11-23T12:00:00Z.
    const c = clock();
    expect(iso(c.routerOsPrint('01:01:58 firewall', 0))).toBe('2026-11-23T01:01:58.000Z');
    // The date, not only the year, is the reference's.
    expect([c.end, c.yearInferred, c.dateInferred, c.error]).toEqual([8, true, true, null]);
    expect(iso(c.routerOsPrint('12:59:59 x', 0))).toBe('2026-11-23T12:59:59.000Z');
    expect(iso(c.routerOsPrint('13:00:01 x', 0))).toBe('2026-11-22T13:00:01.000Z');
    // The reference's day in the zone, not in UTC: 12:00Z is already the 24th in Auckland (+13).
    expect(iso(clock({ tz: 'Pacific/Auckland' }).routerOsPrint('00:30:00 x', 0))).toBe('2026-11-23T11:30:00.000Z');
    expect(iso(clock({ tz: 'America/Los_Angeles' }).routerOsPrint('23:30:00 x', 0))).toBe('2026-11-23T07:30:00.000Z');
  });

  it('mmm/dd HH:MM:SS: a lower-case month, its year inferred as a BSD stamp', () => {
    const c = clock();
    expect(iso(c.routerOsPrint('sep/15 12:42:14 system,info', 0))).toBe('2026-09-15T12:42:14.000Z');
    expect([c.end, c.yearInferred, c.dateInferred]).toEqual([15, true, false]);
    expect(iso(c.routerOsPrint('dec/24 08:00:00 x', 0))).toBe('2025-12-24T08:00:00.000Z');
    // A time alone after it, then the same month and day again (the stamp's cache): each says its own.
    c.routerOsPrint('01:01:58 x', 0);
    expect(c.dateInferred).toBe(true);
    c.routerOsPrint('dec/24 08:00:00 x', 0);
    expect(c.dateInferred).toBe(false);
  });

  it('impossible stamps give NaN with a reason; other text NaN without one', () => {
    const c = clock();
    expect(c.routerOsPrint('24:00:00 x', 0)).toBeNaN();
    expect(said(c.error)).toMatch(/hour 24/);
    expect(c.routerOsPrint('feb/30 10:00:00 x', 0)).toBeNaN();
    expect(said(c.error)).toMatch(/Feb 30/);
    for (const t of ['12:42 x', '12:42:14x', 'Sep/15 12:42:14 x', 'sep-15 12:42:14 x', 'foo/15 12:42:14 x', 'sep/15 12:42:14x', 'sep/1 12:42:14 x', '12:42:14']) {
      expect(c.routerOsPrint(t, 0), t).toBeNaN();
      expect(c.error, t).toBeNull();
    }
  });
});

describe('the hour autumn repeats, in a year-less syslog log', () => {
  const line = (stamp: string) => `Oct 25 ${stamp} gw kernel: [UFW BLOCK] IN=eth0 OUT= SRC=198.51.100.7 DST=192.0.2.57 LEN=60 TTL=50 PROTO=TCP SPT=4000 DPT=23 SYN`;
  // Berlin falls back at 03:00 CEST to 02:00 CET: 02:00-02:59 happen twice.
  const log = ['01:59:00', '02:30:00', '02:50:00', '02:10:00', '02:40:00', '03:00:00'].map(line).join('\n') + '\n';
  const times = (args: string[], env: Record<string, string> = {}) =>
    runCli(['events', '-', '--year', '2026', ...args], { input: log, env })
      .stdout.trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { time: string }).time.slice(11, 16));

  it('reads in order: the second 02:10 and 02:40 are after the first 02:50 (with --tz, and in the machine zone)', () => {
    const expected = ['23:59', '00:30', '00:50', '01:10', '01:40', '02:00'];
    expect(times(['--tz', 'Europe/Berlin'])).toEqual(expected);
    expect(times([], { TZ: 'Europe/Berlin' })).toEqual(expected);
  });
});

describe('Clock.bsdYear and a colon after the seconds', () => {
  const stamp = 'Nov 21 2026 10:22:33';
  it('is the device stamp only when asked for (tagColon), whatever was read before', () => {
    const c = clock();
    // The header reader leaves `…:33: %SEC-…` to the device's parser, before and after it read the same stamp.
    expect(c.bsdYear(`${stamp}: %SEC-6-X: y`, 0)).toBeNaN();
    expect(c.bsdYear(`${stamp} host %SEC-6-X: y`, 0)).toBe(Date.UTC(2026, 10, 21, 10, 22, 33));
    expect(c.bsdYear(`${stamp}: %SEC-6-X: y`, 0)).toBeNaN();
    // The device's reader takes it, on a fresh clock and on one whose cache holds it.
    expect(clock().bsdYear(`${stamp}: %SEC-6-X: y`, 0, true)).toBe(Date.UTC(2026, 10, 21, 10, 22, 33));
    expect(c.bsdYear(`${stamp}: %SEC-6-X: y`, 0, true)).toBe(Date.UTC(2026, 10, 21, 10, 22, 33));
    expect(c.end).toBe(stamp.length);
  });
});

describe('utcOffsetMinutes', () => {
  const off = (t: string) => utcOffsetMinutes(t, 0, t.length);
  it('reads +HHMM, +HH:MM, and after UTC or GMT a one-digit hour and no minutes', () => {
    expect(['+0100', '-05:00', '+05:30', 'UTC-5:00', 'UTC+1', 'GMT-5', 'UTC+07:30', 'UTC+0530', 'GMT+12'].map(off)).toEqual([60, -300, 330, -300, 60, -300, 450, 330, 720]);
  });
  it('is NaN for what is no offset and Infinity for one out of range', () => {
    for (const t of ['CEST', 'UTC', '+1', '0100', 'UTC+', 'UTC+1:3', 'XYZ+1', '+01:0']) expect(off(t), t).toBeNaN();
    expect(off('UTC+25')).toBe(Infinity);
    expect(off('+0160')).toBe(Infinity);
  });
});
