// Fixed-format timestamp readers for log envelopes. Hand-rolled digit parsing plus a
// cache for the last stamp seen: busy logs repeat the same second many times, so the
// common BSD/Proxmox case is one startsWith() and no date arithmetic. ISO stamps carry
// fractions and are often seconds apart, so they cache the day and add the time of day
// by hand. Wall-clock times go through local-time.ts (offset cached per hour). A general
// date parser does not belong on the hot path (DESIGN.md, "The hot path").
import { localTimeConverter, wallClockMs, type LocalTimeToEpoch } from './local-time.js';
import type { ParseContext, YearCarry } from './types.js';
import { yearInRange, yearText } from '../util/year-range.js';
import { fixedReason, reason, type LineReason } from './reason.js';

const MINUTE = 60_000;
const DAY = 86_400_000;
/** Year inference: a year-less time may run this far ahead of refDate (clock skew, zones). */
const FUTURE_SLACK = 2 * DAY;
/** A year is at least this long, whatever the zone does. */
const YEAR_MIN = 365 * DAY - 2 * DAY;
const HOUR = 3_600_000;
/** A time of day alone (RouterOS's `/log print`) may run this far ahead of refDate and still be its day (a router's clock ahead). */
const TODAY_SLACK = HOUR;

const SP = 0x20;
const COLON = 0x3a;

/** Month number (1-12) of a three-letter English abbreviation at s[i], else 0. */
export function monthAt(s: string, i: number): number {
  const a = s.charCodeAt(i);
  const b = s.charCodeAt(i + 1);
  const c = s.charCodeAt(i + 2);
  switch (a) {
    case 0x4a: // J
      if (b === 0x61) return c === 0x6e ? 1 : 0; // Jan
      if (b === 0x75) return c === 0x6e ? 6 : c === 0x6c ? 7 : 0; // Jun Jul
      return 0;
    case 0x46: // F
      return b === 0x65 && c === 0x62 ? 2 : 0;
    case 0x4d: // M
      return b === 0x61 ? (c === 0x72 ? 3 : c === 0x79 ? 5 : 0) : 0;
    case 0x41: // A
      if (b === 0x70) return c === 0x72 ? 4 : 0;
      if (b === 0x75) return c === 0x67 ? 8 : 0;
      return 0;
    case 0x53: // S
      return b === 0x65 && c === 0x70 ? 9 : 0;
    case 0x4f: // O
      return b === 0x63 && c === 0x74 ? 10 : 0;
    case 0x4e: // N
      return b === 0x6f && c === 0x76 ? 11 : 0;
    case 0x44: // D
      return b === 0x65 && c === 0x63 ? 12 : 0;
    default:
      return 0;
  }
}

/**
 * Whether s[i, i+3) is an English weekday abbreviation (`Mon` … `Sun`), as C's ctime()
 * writes it. No weekday is also a month's abbreviation, so a line opening with one is
 * never a BSD stamp.
 */
export function weekdayAt(s: string, i: number): boolean {
  const a = s.charCodeAt(i);
  const b = s.charCodeAt(i + 1);
  const c = s.charCodeAt(i + 2);
  switch (a) {
    case 0x4d: // Mon
      return b === 0x6f && c === 0x6e;
    case 0x54: // Tue Thu
      return (b === 0x75 && c === 0x65) || (b === 0x68 && c === 0x75);
    case 0x57: // Wed
      return b === 0x65 && c === 0x64;
    case 0x46: // Fri
      return b === 0x72 && c === 0x69;
    case 0x53: // Sat Sun
      return (b === 0x61 && c === 0x74) || (b === 0x75 && c === 0x6e);
    default:
      return false;
  }
}

/** Value of the decimal digit at s[i], or -1. */
export function digitAt(s: string, i: number): number {
  const d = s.charCodeAt(i) - 0x30;
  return d >= 0 && d <= 9 ? d : -1;
}

/** Two digits at s[i..i+2) as a number, or -1. */
export function d2(s: string, i: number): number {
  const a = digitAt(s, i);
  const b = digitAt(s, i + 1);
  return a < 0 || b < 0 ? -1 : a * 10 + b;
}

/**
 * A UTC offset in s[a, e) in minutes east: `+0100`, `-05:00`, and after `UTC` or `GMT`
 * also an hour of one digit and no minutes (`UTC-5:00`, `UTC+1`, `GMT-5`, `UTC+07:30`), as
 * FortiAnalyzer's `tz=` and an IOS stamp's `clock timezone` name write it. NaN when the text
 * is no such offset, Infinity when its hours or minutes are out of range.
 */
export function utcOffsetMinutes(s: string, a: number, e: number): number {
  const n = e - a;
  const pre = n >= 5 && (s.startsWith('UTC', a) || s.startsWith('GMT', a)) ? 3 : 0;
  const o = a + pre;
  const sign = s.charCodeAt(o);
  const one = pre > 0 && (o + 2 >= e || digitAt(s, o + 2) < 0) ? 1 : 0;
  const oh = one === 1 ? digitAt(s, o + 1) : d2(s, o + 1);
  const h = 3 - one;
  const colon = s.charCodeAt(o + h) === 0x3a ? 1 : 0;
  const om = pre > 0 && n - pre === h ? 0 : n - pre === h + colon + 2 ? d2(s, o + h + colon) : -1;
  if ((sign !== 0x2b && sign !== 0x2d) || oh < 0 || om < 0) return NaN;
  if (oh > 23 || om > 59) return Infinity;
  return (sign === 0x2d ? -1 : 1) * (oh * 60 + om);
}

function d4(s: string, i: number): number {
  const a = d2(s, i);
  const b = d2(s, i + 2);
  return a < 0 || b < 0 ? -1 : a * 100 + b;
}

const MONTH_DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const MONTH_NAMES = ['', 'Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return MONTH_DAYS[month]!;
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

/** The field a time's problems are reported under. */
const TIME = 'time';
const BAD_OFFSET = fixedReason('impossible-offset', TIME);
const BAD_OFFSET_DATE = fixedReason('impossible-date-offset', TIME);

/** A year outside util/year-range.ts's range, as a line's malformed reason (the ASA clock's too). */
export function yearReason(year: number): LineReason {
  return reason('year-range', TIME, yearText(year));
}

/**
 * `YYYY-MM-DD` in s[da, db) and `HH:MM:SS` in s[ta, tb), a record's date and time in two
 * fields of their own (FortiOS's and SFOS v17-v19's `date=` `time=`), into out as year,
 * month, day, hour, minute, second. Which of the two is not so written, the date first;
 * null when both are (whether they make a time is impossible()'s to say).
 */
export function dateAndTimeAt(s: string, da: number, db: number, ta: number, tb: number, out: number[]): 'date' | 'time' | null {
  const y = d2(s, da) * 100 + d2(s, da + 2);
  const mo = d2(s, da + 5);
  const d = d2(s, da + 8);
  if (db - da !== 10 || d2(s, da) < 0 || d2(s, da + 2) < 0 || mo < 0 || d < 0 || s.charCodeAt(da + 4) !== 0x2d || s.charCodeAt(da + 7) !== 0x2d) {
    return 'date';
  }
  const h = d2(s, ta);
  const mi = d2(s, ta + 3);
  const sec = d2(s, ta + 6);
  if (tb - ta !== 8 || h < 0 || mi < 0 || sec < 0 || s.charCodeAt(ta + 2) !== 0x3a || s.charCodeAt(ta + 5) !== 0x3a) return 'time';
  out[0] = y;
  out[1] = mo;
  out[2] = d;
  out[3] = h;
  out[4] = mi;
  out[5] = sec;
  return null;
}

/**
 * Why the fields cannot be read as a time, as the line's malformed reason ("time: impossible
 * date (Feb 30)", "time: year 0999 outside the supported range 1900-9998"), or null when
 * they can (leap second 60 is accepted and rolls over). Made only for a line that has one.
 */
export function impossible(year: number, month: number, day: number, h: number, m: number, s: number): LineReason | null {
  // Out of range, a year would reach the output as "999-01-01" or "+010000-…" (util/year-range.ts).
  if (!yearInRange(year)) return yearReason(year);
  return impossibleDate(year, month, day, h, m, s);
}

function impossibleDate(year: number, month: number, day: number, h: number, m: number, s: number): LineReason | null {
  if (month < 1 || month > 12) return reason('impossible-month', TIME, String(month));
  // The year only matters (and is only named) for Feb 29.
  if (day < 1 || day > daysInMonth(year, month)) return reason('impossible-day', TIME, month === 2 && day === 29 ? `Feb 29 ${year}` : `${MONTH_NAMES[month]} ${day}`);
  return impossibleClock(h, m, s);
}

function impossibleClock(h: number, m: number, s: number): LineReason | null {
  if (h > 23) return reason('impossible-hour', TIME, String(h));
  if (m > 59) return reason('impossible-minute', TIME, String(m));
  if (s > 60) return reason('impossible-second', TIME, String(s));
  return null;
}

/**
 * A stamp named its year (and month): the year-less stamps read after it with the same carry
 * take that year, rolling over at Dec→Jan (YearInference), unless --year set the carry. The readers of stamps with a
 * year that have no Clock (the Cisco ASA's) call it themselves.
 */
export function yearNamed(carry: YearCarry, year: number, mo: number): void {
  if (carry.given || (carry.year === year && carry.month === mo)) return;
  carry.year = year;
  carry.month = mo;
  carry.moves++;
}

/**
 * The year carry a file's readers share (a syslog header's clock and a device's own stamp,
 * as a Cisco ASA's): with --year the one the rotation before left (`previous`, the same log
 * read oldest first), else a new one, the file's year-less stamps dated by its date until a
 * stamp names a year. The report's reader, `follow` and `explain` all start a file with it:
 * without one each reader kept its own, and a device stamp's year never reached the headers.
 */
export function fileYearCarry(year: number | null, previous?: YearCarry): YearCarry {
  if (year !== null && previous !== undefined) return previous;
  return { year: year ?? 0, month: 0, moves: 0, given: year !== null };
}

/** Year of year-less stamps: from --year with Dec→Jan rollover, or from the reference date. */
class YearInference {
  /** Why the last resolve() returned NaN: the line's malformed reason. */
  error: LineReason | null = null;
  private readonly current: number;
  /**
   * Where the year stands: from --year (shared with the other files of a rotated log), or
   * from the last stamp that named its year (shared by the file's readers); month 0 before.
   */
  readonly carry: YearCarry;

  constructor(
    private readonly fixed: number | null,
    private readonly refMs: number,
    carry: YearCarry | undefined,
    private readonly refNow: (() => number) | null = null,
  ) {
    this.current = fixed ?? new Date(refMs).getUTCFullYear();
    this.carry = carry ?? { year: this.current, month: 0, moves: 0, given: fixed !== null };
  }

  /**
   * A stamp named its year: without --year the year-less stamps after it are its year's,
   * rolling over at Dec→Jan as with --year, not the file date's (a Cisco ASA log mixing `Aug 06 2016 …:`
   * device stamps and year-less headers spanned ten years).
   */
  named(year: number, mo: number): void {
    yearNamed(this.carry, year, mo);
  }

  /** The year of a moving reference: a Date per line only when the reference moved. */
  private lastRef = NaN;
  private lastYear = 0;
  private yearOf(ref: number): number {
    if (ref !== this.lastRef) {
      this.lastRef = ref;
      this.lastYear = new Date(ref).getUTCFullYear();
    }
    return this.lastYear;
  }

  /**
   * Returns the UTC ms of a year-less wall time, or NaN with `this.error` set.
   * With --year, or after a stamp that named its year, a jump of 6+ months backwards (Dec→Jan) moves to the next year, and
   * forwards (Jan→Dec, an out-of-order line) back to the previous one.
   */
  resolve(local: LocalTimeToEpoch, mo: number, day: number, h: number, mi: number, s: number): number {
    if (this.fixed !== null || this.carry.month !== 0) {
      const carry = this.carry;
      let year = carry.year;
      if (carry.month !== 0) {
        const jump = mo - carry.month;
        if (jump <= -6) year++;
        else if (jump >= 6) year--;
      }
      this.error = impossible(year, mo, day, h, mi, s);
      if (this.error !== null) return NaN;
      carry.year = year;
      carry.month = mo;
      return local(year, mo, day, h, mi, s);
    }
    // The refDate's year, unless that puts the time more than FUTURE_SLACK after refDate
    // (then the year before). The year after is only possible when refDate is at the very
    // end of a year and the stamp at its very start in a zone ahead of UTC. One
    // conversion in the common case.
    const ref = this.refNow === null ? this.refMs : this.refNow();
    const limit = ref + FUTURE_SLACK;
    const y0 = this.refNow === null ? this.current : this.yearOf(ref);
    if (mo === 2 && day === 29) return this.leapDay(local, y0, limit, h, mi, s);
    const err = impossibleDate(y0, mo, day, h, mi, s);
    if (err !== null) {
      this.error = err;
      return NaN;
    }
    let year = y0;
    let ms = local(y0, mo, day, h, mi, s);
    if (ms > limit) ms = local((year = y0 - 1), mo, day, h, mi, s);
    else if (ms <= limit - YEAR_MIN) {
      const next = local(y0 + 1, mo, day, h, mi, s);
      if (next <= limit) {
        year = y0 + 1;
        ms = next;
      }
    }
    return this.inRange(year, ms);
  }

  /**
   * Feb 29 gets the year any other February line of the file would get (read as the
   * instant after Feb 28 of that year, where Mar 1 starts in a common year), and is
   * malformed when that year has no Feb 29. Searching back for the nearest leap year
   * would place the line one to three years before its neighbours (Feb 28 and Mar 1
   * read as the inferred year): the file date is then wrong, or the log spans years,
   * and only --year can tell; a log is never from the future, so a later year is no
   * candidate either.
   */
  private leapDay(local: LocalTimeToEpoch, y0: number, limit: number, h: number, mi: number, s: number): number {
    const clockErr = impossibleClock(h, mi, s);
    if (clockErr !== null) {
      this.error = clockErr;
      return NaN;
    }
    const at = (y: number): number => local(y, 2, 28, h, mi, s) + DAY;
    let year = y0;
    const ms = at(y0);
    if (ms > limit) year = y0 - 1;
    else if (ms <= limit - YEAR_MIN && at(y0 + 1) <= limit) year = y0 + 1;
    if (daysInMonth(year, 2) !== 29) {
      this.error = reason('leap-day-inferred', TIME, String(year));
      return NaN;
    }
    return this.inRange(year, local(year, 2, 29, h, mi, s));
  }

  /**
   * The UTC ms of a time of day alone, on the reference date's day: the last day on which it
   * is not more than TODAY_SLACK after the reference (a time later in the day than the file
   * date is the day before's). --year does not say a day: the reference date does, as ever.
   */
  today(local: LocalTimeToEpoch, h: number, mi: number, s: number): number {
    const ref = this.refNow === null ? this.refMs : this.refNow();
    const limit = ref + TODAY_SLACK;
    // Days after the reference's UTC date, back to the one that fits (at most three steps in any zone).
    const d = new Date(ref + DAY);
    const y = d.getUTCFullYear();
    const mo = d.getUTCMonth() + 1;
    let day = d.getUTCDate();
    let ms = local(y, mo, day, h, mi, s);
    for (let i = 0; i < 3 && ms > limit; i++) ms = local(y, mo, --day, h, mi, s);
    return this.inRange(new Date(ms).getUTCFullYear(), ms);
  }

  /** The year guessed must be one a log may say (a reference date near the range's ends). */
  private inRange(year: number, ms: number): number {
    if (yearInRange(year)) {
      this.error = null;
      return ms;
    }
    this.error = yearReason(year);
    return NaN;
  }
}

/** What may follow `Mmm dd YYYY HH:MM:SS`: the end, a blank, a fraction, and with tagColon a colon. */
function yearStampEnds(c: number, tagColon: boolean): boolean {
  return c !== c || c === SP || c === 0x09 || c === 0x2e || (tagColon && c === COLON);
}

/**
 * Reads the timestamp formats of syslog envelopes. Each reader takes the line and the
 * index where the stamp should start, and returns UTC ms, or NaN. On NaN, `error` is
 * null when the text is simply not this kind of stamp, or says why the stamp is an
 * impossible time (the line's malformed reason). On success `end` is the index just
 * after the stamp and `yearInferred` tells whether the year was guessed.
 */
export class Clock {
  end = 0;
  yearInferred = false;
  /** routerOsPrint's: the stamp was a time of day alone, so the date as well as the year was guessed. */
  dateInferred = false;
  /** iso's: the stamp carried its offset (`Z`, `+01:00`); without one it was read in the context's zone. */
  zoned = false;
  error: LineReason | null = null;

  /** Wall clock → UTC ms in ctx.tz or the machine's zone (offset cached per hour). */
  private readonly local: LocalTimeToEpoch;
  private readonly years: YearInference;

  // Per-second caches: the stamp text last seen and what it resolved to.
  private bsdText = '';
  private bsdMs = 0;
  /** The year carry's `moves` when bsdText was read: a year named since may give it another year. */
  private bsdMoves = 0;
  // ISO stamps in quiet logs rarely repeat a second, so their cache is per day.
  private isoDay = '';
  private isoDayWall = 0;
  private readonly isoYmd = [0, 0, 0];
  private pveText = '';
  private pveMs = 0;
  private bsdYearText = '';
  private bsdYearMs = 0;
  private bsdYearY = 0;
  private bsdYearMo = 0;
  // ctime stamps (OpenWrt's logread, dmesg -T) carry their year: cached per second like BSD's.
  private ctimeText = '';
  private ctimeMs = 0;

  constructor(ctx: Pick<ParseContext, 'refDate' | 'refNow' | 'year' | 'tz' | 'yearCarry' | 'timeCarry' | 'zoneNote'>) {
    this.local = localTimeConverter(ctx.tz, { inLogOrder: true, note: ctx.zoneNote, carry: ctx.timeCarry });
    this.years = new YearInference(ctx.year, ctx.refDate.getTime(), ctx.yearCarry, ctx.refNow ?? null);
  }

  /** BSD syslog `Mmm dd HH:MM:SS` (day space-padded, zero-padded or unpadded); year inferred. */
  bsd(s: string, i: number): number {
    this.error = null;
    this.yearInferred = true;
    const cached = this.bsdText;
    if (cached !== '' && this.bsdMoves === this.years.carry.moves && s.startsWith(cached, i) && digitAt(s, i + cached.length) < 0) {
      this.end = i + cached.length;
      return this.bsdMs;
    }
    const mo = monthAt(s, i);
    if (mo === 0 || s.charCodeAt(i + 3) !== SP) return NaN;
    let p = i + 4;
    let day = digitAt(s, p);
    if (day < 0) {
      if (s.charCodeAt(p) !== SP) return NaN;
      day = digitAt(s, ++p);
      if (day < 0) return NaN;
      p++;
    } else {
      const d = digitAt(s, ++p);
      if (d >= 0) {
        day = day * 10 + d;
        p++;
      }
    }
    if (s.charCodeAt(p) !== SP) return NaN;
    const ms = this.clock(s, p + 1, mo, day);
    if (ms === ms) {
      this.bsdText = s.slice(i, this.end);
      this.bsdMs = ms;
      this.bsdMoves = this.years.carry.moves;
    }
    return ms;
  }

  /**
   * `Mmm dd YYYY HH:MM:SS` (day space-padded, zero-padded or unpadded): a BSD stamp with its
   * year, as syslog-ng's `$YEAR` templates, NAS firmwares and Cisco IOS write it. Read in
   * the zone as written, no year inferred. Cached per second like the BSD stamp; asked only
   * after `bsd` found no clock where a year stands, so the BSD lines pay nothing for it; followed
   * by a blank, a fraction or the end, or with `tagColon` a colon too: a Cisco device's own
   * stamp before its tag (`Nov 21 2026 10:22:33: %SEC-…`, device-stamp.ts), which a syslog
   * header reader must leave to the device's parser.
   */
  bsdYear(s: string, i: number, tagColon = false): number {
    this.error = null;
    this.yearInferred = false;
    const cached = this.bsdYearText;
    // The cached text is followed by what the reading below would accept, or it is no hit:
    // a colon after a stamp the header reader cached once is still the device's.
    if (cached !== '' && s.startsWith(cached, i) && yearStampEnds(s.charCodeAt(i + cached.length), tagColon)) {
      this.end = i + cached.length;
      // Year-less lines between two with this stamp may have rolled the carry on: it is this year again.
      this.years.named(this.bsdYearY, this.bsdYearMo);
      return this.bsdYearMs;
    }
    const mo = monthAt(s, i);
    if (mo === 0 || s.charCodeAt(i + 3) !== SP) return NaN;
    let p = i + 4;
    if (s.charCodeAt(p) === SP) p++;
    let day = digitAt(s, p);
    if (day < 0) return NaN;
    const d = digitAt(s, ++p);
    if (d >= 0) {
      day = day * 10 + d;
      p++;
    }
    const y = d4(s, p + 1);
    if (s.charCodeAt(p) !== SP || y < 0 || s.charCodeAt(p + 5) !== SP) return NaN;
    p += 6;
    const h = d2(s, p);
    const mi = d2(s, p + 3);
    const sec = d2(s, p + 6);
    if (h < 0 || mi < 0 || sec < 0 || s.charCodeAt(p + 2) !== COLON || s.charCodeAt(p + 5) !== COLON) return NaN;
    // A colon after the seconds is a Cisco device's own stamp (`Aug 06 2016 20:39:42: %ASA-…`), which its parser reads.
    if (!yearStampEnds(s.charCodeAt(p + 8), tagColon)) return NaN;
    const err = impossible(y, mo, day, h, mi, sec);
    if (err !== null) {
      this.error = err;
      return NaN;
    }
    this.end = p + 8;
    const ms = this.local(y, mo, day, h, mi, sec);
    this.bsdYearText = s.slice(i, this.end);
    this.bsdYearMs = ms;
    this.bsdYearY = y;
    this.bsdYearMo = mo;
    this.years.named(y, mo);
    return ms;
  }

  /**
   * The year after a BSD stamp's clock, `Mmm dd HH:MM:SS YYYY `, as Zyxel's ZLD firmware writes
   * its syslog header (`May 22 17:24:04 2026 usgflex700h src=…`). Asked right after `bsd(s, i)`
   * read the stamp (this.end at its clock's end); the stamp read again in that year, which is
   * then named (no year inferred), and this.end moved past it. NaN, nothing changed, when no
   * year of 1990-2099 and a blank follow the clock: a host name of four digits is no year then.
   */
  yearAfterClock(s: string, i: number): number {
    const c = this.end;
    const y = d4(s, c + 1);
    if (s.charCodeAt(c) !== SP || y < 1990 || y > 2099 || s.charCodeAt(c + 5) !== SP) return NaN;
    const mo = monthAt(s, i);
    // The day's digits end one blank before the clock's eight characters.
    const dayEnd = c - 9;
    const day = digitAt(s, dayEnd - 1) + (digitAt(s, dayEnd - 2) > 0 ? digitAt(s, dayEnd - 2) * 10 : 0);
    const h = d2(s, c - 8);
    const mi = d2(s, c - 5);
    const sec = d2(s, c - 2);
    const err = impossible(y, mo, day, h, mi, sec);
    if (err !== null) {
      this.error = err;
      return NaN;
    }
    this.error = null;
    this.yearInferred = false;
    this.end = c + 5;
    this.years.named(y, mo);
    return this.local(y, mo, day, h, mi, sec);
  }

  /**
   * RouterOS's `/log print` stamps: `HH:MM:SS` for a record of the day it was printed, on the
   * reference date's day (`YearInference.today`), `sep/15 12:42:14` (a lower-case month, a
   * slash) for an earlier one, its year inferred as a BSD stamp's; either followed by a blank.
   * Asked only of a line no syslog header dated. The date is guessed: yearInferred.
   */
  routerOsPrint(s: string, i: number): number {
    this.error = null;
    this.yearInferred = true;
    this.dateInferred = digitAt(s, i) >= 0;
    const cached = this.printText;
    if (cached !== '' && s.startsWith(cached, i) && s.charCodeAt(i + cached.length) === SP) {
      this.end = i + cached.length;
      return this.printMs;
    }
    let ms: number;
    if (digitAt(s, i) >= 0) {
      const h = d2(s, i);
      const mi = d2(s, i + 3);
      const sec = d2(s, i + 6);
      if (h < 0 || mi < 0 || sec < 0 || s.charCodeAt(i + 2) !== COLON || s.charCodeAt(i + 5) !== COLON || s.charCodeAt(i + 8) !== SP) return NaN;
      const err = impossibleClock(h, mi, sec);
      if (err !== null) {
        this.error = err;
        return NaN;
      }
      this.end = i + 8;
      ms = this.years.today(this.local, h, mi, sec);
      if (ms !== ms) this.error = this.years.error;
    } else {
      const c = s.charCodeAt(i);
      // `sep` → `Sep`: the month names monthAt reads, capitalised.
      const mo = c >= 0x61 && c <= 0x7a && s.charCodeAt(i + 3) === 0x2f ? monthAt(String.fromCharCode(c - 0x20) + s.slice(i + 1, i + 3), 0) : 0;
      const day = d2(s, i + 4);
      if (mo === 0 || day < 0 || s.charCodeAt(i + 6) !== SP) return NaN;
      ms = this.clock(s, i + 7, mo, day);
      if (ms === ms && s.charCodeAt(this.end) !== SP) return NaN;
    }
    if (ms === ms) {
      this.printText = s.slice(i, this.end);
      this.printMs = ms;
    }
    return ms;
  }

  private printText = '';
  private printMs = 0;

  /** `HH:MM:SS` at p for a year-less date; not followed by another digit. */
  private clock(s: string, p: number, mo: number, day: number): number {
    const h = d2(s, p);
    const mi = d2(s, p + 3);
    const sec = d2(s, p + 6);
    if (h < 0 || mi < 0 || sec < 0 || s.charCodeAt(p + 2) !== COLON || s.charCodeAt(p + 5) !== COLON) return NaN;
    if (digitAt(s, p + 8) >= 0) return NaN;
    this.end = p + 8;
    const ms = this.years.resolve(this.local, mo, day, h, mi, sec);
    if (ms !== ms) this.error = this.years.error;
    return ms;
  }

  /**
   * ISO 8601 / RFC 3339 `YYYY-MM-DDTHH:MM:SS[.frac][Z|±HH:MM|±HHMM|±HH]` (also with a
   * space for T). Without an offset the time is local in the context's zone.
   */
  iso(s: string, i: number): number {
    this.error = null;
    this.yearInferred = false;
    let dayWall: number;
    if (this.isoDay !== '' && s.startsWith(this.isoDay, i)) {
      dayWall = this.isoDayWall;
    } else {
      const y = d4(s, i);
      const mo = d2(s, i + 5);
      const d = d2(s, i + 8);
      if (y < 0 || mo < 0 || d < 0 || s.charCodeAt(i + 4) !== 0x2d || s.charCodeAt(i + 7) !== 0x2d) return NaN;
      const err = impossible(y, mo, d, 0, 0, 0);
      if (err !== null) {
        this.error = err;
        return NaN;
      }
      dayWall = wallClockMs(y, mo, d, 0, 0, 0);
      this.isoDay = s.slice(i, i + 10);
      this.isoDayWall = dayWall;
      this.isoYmd[0] = y;
      this.isoYmd[1] = mo;
      this.isoYmd[2] = d;
    }
    const h = d2(s, i + 11);
    const mi = d2(s, i + 14);
    const sec = d2(s, i + 17);
    const t = s.charCodeAt(i + 10);
    if (
      h < 0 || mi < 0 || sec < 0 || (t !== 0x54 && t !== SP && t !== 0x74) ||
      s.charCodeAt(i + 13) !== COLON || s.charCodeAt(i + 16) !== COLON
    ) {
      return NaN;
    }
    const err = impossibleClock(h, mi, sec);
    if (err !== null) {
      this.error = err;
      return NaN;
    }
    const wall = dayWall + h * HOUR + mi * MINUTE + sec * 1000;
    let p = i + 19;
    let c = s.charCodeAt(p);
    let frac = 0;
    if (c === 0x2e || c === 0x2c) {
      // Fraction: milliseconds from the first three digits, the rest only skipped.
      let n = 0;
      let dg = digitAt(s, ++p);
      if (dg < 0) return NaN;
      while (dg >= 0) {
        if (n < 3) frac = frac * 10 + dg;
        n++;
        dg = digitAt(s, ++p);
      }
      while (n < 3) {
        frac *= 10;
        n++;
      }
      c = s.charCodeAt(p);
    }
    let ms: number;
    this.zoned = c === 0x5a || c === 0x7a || c === 0x2b || c === 0x2d;
    if (c === 0x5a || c === 0x7a) {
      ms = wall + frac;
      p++;
    } else if (c === 0x2b || c === 0x2d) {
      const oh = d2(s, p + 1);
      if (oh < 0) return NaN;
      let om = 0;
      p += 3;
      if (s.charCodeAt(p) === COLON) {
        om = d2(s, p + 1);
        if (om < 0) return NaN;
        p += 3;
      } else if (digitAt(s, p) >= 0) {
        om = d2(s, p);
        if (om < 0) return NaN;
        p += 2;
      }
      if (oh > 23 || om > 59) {
        this.error = BAD_OFFSET;
        return NaN;
      }
      const off = (oh * 60 + om) * (c === 0x2d ? -1 : 1);
      ms = wall + frac - off * MINUTE;
    } else {
      const ymd = this.isoYmd;
      ms = this.local(ymd[0]!, ymd[1]!, ymd[2]!, h, mi, sec) + frac;
    }
    c = s.charCodeAt(p);
    if (c === c && c > SP) return NaN; // glued to more text: not a stamp
    this.end = p;
    return ms;
  }

  /** Proxmox pve-firewall `DD/Mon/YYYY:HH:MM:SS +ZZZZ`. */
  pve(s: string, i: number): number {
    this.error = null;
    this.yearInferred = false;
    const cached = this.pveText;
    if (cached !== '' && s.startsWith(cached, i)) {
      this.end = i + cached.length;
      return this.pveMs;
    }
    const d = d2(s, i);
    const mo = monthAt(s, i + 3);
    const y = d4(s, i + 7);
    const h = d2(s, i + 12);
    const mi = d2(s, i + 15);
    const sec = d2(s, i + 18);
    const sign = s.charCodeAt(i + 21);
    const oh = d2(s, i + 22);
    const om = d2(s, i + 24);
    if (
      d < 0 || mo === 0 || y < 0 || h < 0 || mi < 0 || sec < 0 || oh < 0 || om < 0 ||
      s.charCodeAt(i + 2) !== 0x2f || s.charCodeAt(i + 6) !== 0x2f || s.charCodeAt(i + 11) !== COLON ||
      s.charCodeAt(i + 14) !== COLON || s.charCodeAt(i + 17) !== COLON || s.charCodeAt(i + 20) !== SP ||
      (sign !== 0x2b && sign !== 0x2d)
    ) {
      return NaN;
    }
    const err = impossible(y, mo, d, h, mi, sec);
    if (err !== null || oh > 23 || om > 59) {
      this.error = err ?? BAD_OFFSET_DATE;
      return NaN;
    }
    const off = (oh * 60 + om) * (sign === 0x2d ? -1 : 1);
    const ms = Date.UTC(y, mo - 1, d, h, mi, sec) - off * MINUTE;
    this.end = i + 26;
    this.pveText = s.slice(i, this.end);
    this.pveMs = ms;
    return ms;
  }

  /**
   * ctime `Www Mmm dd HH:MM:SS YYYY` (local time): `dmesg -T`, OpenWrt's `logread`. The
   * weekday is not read: the date and year say the day, and a weekday that disagrees
   * with them (a hand-edited or damaged line) does not make the time unreadable.
   */
  ctime(s: string, i: number): number {
    this.error = null;
    this.yearInferred = false;
    const cached = this.ctimeText;
    if (cached !== '' && s.startsWith(cached, i)) {
      this.end = i + 24;
      return this.ctimeMs;
    }
    if (s.charCodeAt(i + 3) !== SP) return NaN;
    const mo = monthAt(s, i + 4);
    if (mo === 0 || s.charCodeAt(i + 7) !== SP) return NaN;
    const dd = s.charCodeAt(i + 8) === SP ? digitAt(s, i + 9) : d2(s, i + 8);
    const h = d2(s, i + 11);
    const mi = d2(s, i + 14);
    const sec = d2(s, i + 17);
    const y = d4(s, i + 20);
    if (
      dd < 0 || h < 0 || mi < 0 || sec < 0 || y < 0 || s.charCodeAt(i + 10) !== SP ||
      s.charCodeAt(i + 13) !== COLON || s.charCodeAt(i + 16) !== COLON || s.charCodeAt(i + 19) !== SP
    ) {
      return NaN;
    }
    const err = impossible(y, mo, dd, h, mi, sec);
    if (err !== null) {
      this.error = err;
      return NaN;
    }
    this.end = i + 24;
    const ms = this.local(y, mo, dd, h, mi, sec);
    this.ctimeText = s.slice(i, i + 24);
    this.ctimeMs = ms;
    return ms;
  }
}

/**
 * The end of a BSD stamp at i, `Mmm dd HH:MM:SS`, with a year (`Mmm dd YYYY HH:MM:SS`) or a
 * fraction (`.123456`) or both, followed by a blank; -1 when there is none. Syntax only: for
 * a header inside a message whose time is read elsewhere (a relay's, a Windows collector's).
 */
export function bsdStampEnd(s: string, i: number): number {
  if (monthAt(s, i) === 0 || s.charCodeAt(i + 3) !== SP) return -1;
  let p = i + 4;
  if (s.charCodeAt(p) === SP) p++;
  if (digitAt(s, p) < 0) return -1;
  if (digitAt(s, ++p) >= 0) p++;
  if (s.charCodeAt(p) !== SP) return -1;
  p++;
  if (d4(s, p) >= 0 && s.charCodeAt(p + 4) === SP) p += 5;
  if (d2(s, p) < 0 || s.charCodeAt(p + 2) !== COLON || d2(s, p + 3) < 0 || s.charCodeAt(p + 5) !== COLON || d2(s, p + 6) < 0) return -1;
  p += 8;
  if (s.charCodeAt(p) === 0x2e) {
    p++;
    while (digitAt(s, p) >= 0) p++;
  }
  const c = s.charCodeAt(p);
  return c === SP || c === 0x09 ? p : -1;
}

/** journald `__REALTIME_TIMESTAMP` (decimal µs since the epoch) → ms, or NaN. At most 17 digits: 1970-5138, inside util/year-range.ts's years. */
export function epochMicrosToMs(text: string): number {
  const n = text.length;
  if (n === 0 || n > 17) return NaN;
  let v = 0;
  for (let i = 0; i < n; i++) {
    const d = digitAt(text, i);
    if (d < 0) return NaN;
    v = v * 10 + d;
  }
  return Math.floor(v / 1000);
}
