// The stamp a Cisco device writes before its message tag (`service timestamps log datetime`
// on IOS, `logging timestamp` on an ASA), and which of it and a syslog header's time an
// event takes. One reading and one rule for every Cisco parser that meets both stamps.
import { digitsEnd, fractionMs, skipSpaces } from './fields.js';
import { NamedZoneTime } from './journal-stamps.js';
import { Clock, digitAt, monthAt, utcOffsetMinutes } from './timestamp.js';
import type { ParseContext, ZoneNote } from './types.js';
import type { LineReason } from './reason.js';

/**
 * Whether the device's stamp is the event's time rather than the syslog header's. The
 * header is the receiving server's clock or the device's as it sent the line, without a
 * year; the device's stamp is read when the event happened. With a year or a zone it says
 * more than the header (no year to infer, the admin's zone named), so it wins, unless its
 * clock was never set (IOS's `*`): a header from a set clock is the better time. Without
 * either the two say the same, and the header wins (it is set by a server that is more
 * often synchronised). A line without a header time takes the device's stamp whatever it
 * is: it is the only time there is.
 */
export function deviceStampWins(headerTime: Date | null, stamp: DeviceStamp): boolean {
  return headerTime === null || ((stamp.year || stamp.zone) && !stamp.unsynced);
}

/**
 * `[*|.]Mmm dd [yyyy] HH:MM:SS[.mmm] [ZONE]:` before a tag. `*` says the device's clock
 * was never set (it counts from 1993 or from boot), `.` that it was set but lost its NTP
 * peer. `UTC`, `GMT` and `Z` are exact (in any case: `clock timezone gmt 0` shows it as
 * typed), and so is a name that is an offset (`clock timezone UTC+1 1`, `UTC+07:30`,
 * `GMT-5`: utcOffsetMinutes); another zone name (`clock timezone CEST 2`) is read
 * as wall time in --tz, on the side of an autumn fold that bears the name, and noted when
 * it is none of --tz's names (NamedZoneTime, as journalctl's short-full stamps are). An
 * uptime stamp (`1d02h:`, `00:01:23:`) is no wall time and is not read.
 */
export class DeviceStamp {
  ms = NaN;
  /** The stamp names its year (`datetime year`). */
  year = false;
  /** The stamp names a zone (`show-timezone`, `clock timezone`). */
  zone = false;
  /** `*`: the device's clock is not authoritative. */
  unsynced = false;
  error: LineReason | null = null;
  private readonly local: Clock;
  private utc: Clock | null = null;
  /** Reads a named zone's stamp as a UTC wall clock, touching no carry: the local reading is the one in log order. */
  private wall: Clock | null = null;
  private names: NamedZoneTime | null = null;
  /** The last stamp named no zone and was read in --tz: noted by `used`, not by the clock. */
  private zoneless = false;
  /** What reading the last stamp's zone name found, moved to the input's note by `used`. */
  private readonly pending: ZoneNote = {};

  constructor(private readonly ctx: Pick<ParseContext, 'refDate' | 'refNow' | 'year' | 'tz' | 'yearCarry' | 'timeCarry' | 'zoneNote'>) {
    // The clock notes nothing (a note of its own, never read): a header's time may win over the stamp's.
    this.local = new Clock({ ...ctx, zoneNote: {} });
  }

  /** The stamp read last is the event's time: what it says of zones is noted for the input. */
  used(): void {
    const note = this.ctx.zoneNote;
    if (note === undefined) return;
    if (this.zoneless) note.zonelessTimes = true;
    const abbr = this.pending.unmatchedZone;
    if (abbr !== undefined && note.unmatchedZone === undefined) note.unmatchedZone = abbr;
    const named = this.pending.namedZone;
    if (named !== undefined && note.namedZone === undefined) note.namedZone = named;
  }

  /**
   * Reads the stamp in s[i, tag), which must end in `:` and blanks before the tag; false when
   * there is none (or an uptime, or other words between it and the tag), `error` set when
   * its date is impossible.
   */
  read(s: string, i: number, tag: number): boolean {
    this.error = null;
    this.ms = NaN;
    this.pending.unmatchedZone = this.pending.namedZone = undefined;
    i = skipSpaces(s, i, tag);
    const c = s.charCodeAt(i);
    this.unsynced = c === 0x2a;
    if (c === 0x2a || c === 0x2e) i++;
    if (monthAt(s, i) === 0) return false;
    // Where the seconds end does not depend on the zone, so the zone's word is found first.
    const zoneAt = zoneStart(s, i, tag);
    return this.clockAt(s, i, zoneAt, zoneAt >= 0 ? zoneWordEnd(s, zoneAt, tag) : -1, tag);
  }

  /**
   * A device's BSD stamp at i (`Mmm dd [yyyy] HH:MM:SS[.fff]`) with its zone's word in
   * s[zoneAt, zoneEnd) after a blank, inside another sender's line and so without the colon
   * a Cisco stamp has (`Nov 20 06:25:00 CET gw1 kernel: …` behind a relay's header): read
   * as `read` reads a Cisco stamp with that zone. False when the stamp ends elsewhere,
   * `error` set when its date is impossible.
   */
  readZoned(s: string, i: number, zoneAt: number, zoneEnd: number): boolean {
    this.error = null;
    this.ms = NaN;
    this.pending.unmatchedZone = this.pending.namedZone = undefined;
    this.unsynced = false;
    return this.clockAt(s, i, zoneAt, zoneEnd, -1);
  }

  /** The stamp at i, its zone in s[zoneAt, zoneEnd) (-1: none), then up to `tag` (-1: the zone's word ends it). */
  private clockAt(s: string, i: number, zoneAt: number, zoneEnd: number, tag: number): boolean {
    this.zone = zoneAt >= 0;
    const utcZone = this.zone && isUtcWord(s, zoneAt, zoneEnd);
    // A name that spells its offset says the time exactly; one out of range is a name like any other.
    let offset = this.zone && !utcZone ? utcOffsetMinutes(s, zoneAt, zoneEnd) : NaN;
    if (offset === Infinity) offset = NaN;
    const exact = utcZone || offset === offset;
    const clock = exact ? (this.utc ??= new Clock({ ...this.ctx, tz: 'UTC', zoneNote: undefined })) : this.local;
    // A zone name is read in --tz, but it is the log's zone: no time without one.
    this.zoneless = !this.zone;
    let ms = clock.bsd(s, i);
    if (ms !== ms && clock.error === null) ms = clock.bsdYear(s, i, true);
    if (ms !== ms) {
      this.error = clock.error;
      return false;
    }
    this.year = !clock.yearInferred;
    let p = clock.end;
    let frac = 0;
    if (s.charCodeAt(p) === 0x2e) {
      const f = p + 1;
      const fe = digitsEnd(s, f, tag < 0 ? zoneAt : tag);
      // IOS writes three digits; more are cut, fewer padded.
      frac = fractionMs(s, f, fe);
      p = fe;
    }
    if (tag < 0 ? skipSpaces(s, p, zoneAt) !== zoneAt || p === zoneAt : !endsBeforeTag(s, p, zoneAt, zoneEnd, tag)) return false;
    if (offset === offset) ms -= offset * 60_000;
    else if (this.zone && !utcZone) {
      // The same wall clock read in UTC is the wall time NamedZoneTime holds the name against.
      const w = (this.wall ??= new Clock({ ...this.ctx, tz: 'UTC', zoneNote: undefined, timeCarry: undefined }));
      const wall = this.year ? w.bsdYear(s, i, true) : w.bsd(s, i);
      const names = (this.names ??= new NamedZoneTime({ tz: this.ctx.tz, zoneNote: this.pending, timeCarry: this.ctx.timeCarry }));
      if (wall === wall) ms = names.at(s.slice(zoneAt, zoneEnd), wall, ms);
    }
    this.ms = ms + frac;
    return true;
  }
}

/**
 * Whether s[i, e) is an uptime stamp (`service timestamps log uptime`): `00:01:23` (with
 * `msec`, `00:01:23.456`) in the first day, then `1d02h`, `2w3d`, `1y2w`. It counts from
 * the device's boot, so it is no time of day, and no origin id either.
 */
export function isUptimeStamp(s: string, i: number, e: number): boolean {
  const d = digitsEnd(s, i, e);
  if (d === i || d >= e) return false;
  const c = s.charCodeAt(d);
  if (c === 0x3a) {
    // hh:mm:ss[.fff]
    if (digitsEnd(s, d + 1, e) !== d + 3 || s.charCodeAt(d + 3) !== 0x3a || digitsEnd(s, d + 4, e) !== d + 6) return false;
    return d + 6 === e || (s.charCodeAt(d + 6) === 0x2e && d + 7 < e && digitsEnd(s, d + 7, e) === e);
  }
  // 1d02h, 2w3d, 1y2w: a count and its unit, then the next unit's count.
  const unit = c === 0x64 ? 0x68 : c === 0x77 ? 0x64 : c === 0x79 ? 0x77 : 0;
  if (unit === 0) return false;
  const n = digitsEnd(s, d + 1, e);
  return n > d + 1 && n === e - 1 && s.charCodeAt(n) === unit;
}

/** Start of the zone word after the clock (`06:25:01.123 CET:`), or -1. */
function zoneStart(s: string, i: number, tag: number): number {
  // The stamp ends at the colon before the tag; a word after the last blank that is no
  // number is the zone.
  let e = tag;
  while (e > i && (s.charCodeAt(e - 1) === 0x20 || s.charCodeAt(e - 1) === 0x3a)) e--;
  const sp = s.lastIndexOf(' ', e - 1);
  if (sp < i) return -1;
  const w = sp + 1;
  if (w >= e) return -1;
  const c = s.charCodeAt(w);
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) ? w : -1;
}

/** End of the word at i: the next colon or blank. */
function wordEnd(s: string, i: number, end: number): number {
  let e = i;
  while (e < end && s.charCodeAt(e) !== 0x3a && s.charCodeAt(e) !== 0x20) e++;
  return e;
}

/** End of the zone word at i; an offset's minutes (`UTC+07:30:`) are part of it, not the stamp's colon. */
function zoneWordEnd(s: string, i: number, end: number): number {
  const e = wordEnd(s, i, end);
  const c = s.charCodeAt(i + 3);
  if ((c === 0x2b || c === 0x2d) && s.charCodeAt(e) === 0x3a && digitAt(s, e + 1) >= 0 && digitAt(s, e + 2) >= 0 && s.charCodeAt(e + 3) === 0x3a) return e + 3;
  return e;
}

/**
 * After the clock at p: [blanks, the zone at zoneAt,] `:` and blanks up to the tag. Other
 * words there (`20:39:42 fw01 : %ASA-…`, a device name) are no part of this stamp.
 */
function endsBeforeTag(s: string, p: number, zoneAt: number, zoneEnd: number, tag: number): boolean {
  if (zoneAt >= 0) {
    if (skipSpaces(s, p, tag) !== zoneAt) return false;
    p = zoneEnd;
  }
  return s.charCodeAt(p) === 0x3a && skipSpaces(s, p + 1, tag) === tag;
}

/** `UTC`, `GMT` or `Z` in s[i, e), in either case: the zone names that are UTC itself. */
function isUtcWord(s: string, i: number, e: number): boolean {
  const n = e - i;
  if (n === 1) return (s.charCodeAt(i) | 0x20) === 0x7a;
  if (n !== 3) return false;
  const a = s.charCodeAt(i) | 0x20;
  const b = s.charCodeAt(i + 1) | 0x20;
  const c = s.charCodeAt(i + 2) | 0x20;
  return (a === 0x75 && b === 0x74 && c === 0x63) || (a === 0x67 && b === 0x6d && c === 0x74);
}
