// The stamps `journalctl -o short-*` writes that the classic syslog readers do not cover,
// facts from systemd's src/shared/logs-show.c and src/basic/time-util.c:
//   short-precise    `Nov 20 06:25:01.123456` (BSD plus `.%06u`; syslog-ng's frac-digits too)
//   short-full       `Fri 2026-11-20 06:25:01 CET` (English weekday; the zone as tm_zone
//                    printed it: `CET`, `+03` for a zone without a name, `UTC` with --utc)
//   short-unix       `1763619901.123456` (`%10u.%06u`: seconds since the epoch, UTC)
//   short-monotonic  `[ 1234.567890]` (`[%5u.%06u]`: uptime)
//   short-delta      `[ 1234.567890 <    0.000123 >]` (`*` for `>`'s space when the delta
//                    crosses a boot, older systemd none; 16 spaces on the first line)
// Each is followed by ` host ident[pid]: message`, the host absent with --no-hostname.
// Kept apart from syslog-envelope.ts so its dispatch only gains a call per kind.
import { tzOffset } from '@date-fns/tz';
import { digitAt, impossible } from './timestamp.js';
import { localTimeConverter, wallClockMs, type LocalTimeToEpoch } from './local-time.js';
import type { ParseContext, ZoneNote } from './types.js';
import type { LineReason } from './reason.js';

const SP = 0x20;
const DOT = 0x2e;
const COLON = 0x3a;
const DAY = 86_400_000;
const MINUTE = 60_000;
const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9];
/** Seconds since the epoch: 11 digits reach the year 5138, past the years logscan reads. */
const MAX_EPOCH_DIGITS = 11;

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** True when s[i, i+3) is an English weekday abbreviation (systemd never localizes them). */
export function weekdayAt(s: string, i: number): boolean {
  for (const w of WEEKDAYS) if (s.startsWith(w, i)) return true;
  return false;
}

function d2(s: string, i: number): number {
  const a = digitAt(s, i);
  const b = digitAt(s, i + 1);
  return a < 0 || b < 0 ? -1 : a * 10 + b;
}

/**
 * Offset (ms, east positive) of a numeric zone name glibc prints for a zone whose tzdata
 * entry has no letters (`+03`, `-0330`), or NaN.
 */
function numericZone(s: string, a: number, b: number): number {
  const sign = s.charCodeAt(a);
  if ((sign !== 0x2b && sign !== 0x2d) || (b - a !== 3 && b - a !== 5)) return NaN;
  const h = d2(s, a + 1);
  const m = b - a === 5 ? d2(s, a + 3) : 0;
  if (h < 0 || m < 0 || h > 23 || m > 59) return NaN;
  return (sign === 0x2d ? -1 : 1) * (h * 60 + m) * MINUTE;
}

/** A token that can be a zone abbreviation: 2-6 ASCII letters (`CET`, `ChST`) or a numeric one. */
function zoneLike(s: string, a: number, b: number): boolean {
  if (numericZone(s, a, b) === numericZone(s, a, b)) return true;
  if (b - a < 2 || b - a > 6) return false;
  for (let i = a; i < b; i++) {
    const c = s.charCodeAt(i) | 0x20;
    if (c < 0x61 || c > 0x7a) return false;
  }
  return true;
}

/** Bound on the names cached per offset: a zone has a handful; a fuzzed log must not grow it. */
const NAME_CACHE_LIMIT = 64;

/**
 * What a zone is called at an instant, to hold a stamp's abbreviation against. Node has no
 * tzdata abbreviations, only CLDR's names: `CET` in en-GB but `GMT+1` in en-US, `EST` in
 * en-US but `GMT-5` in en-GB; `CST` for Shanghai or `IST` for Kolkata in neither, which the
 * long name's initials (`China Standard Time`) give. The short names decide a fold, the
 * initials only whether the abbreviation is recognised (both sides of Berlin's year are
 * `CEST` by initials). Cached by offset: a zone's name at an offset does not change
 * within the years a log spans.
 */
class ZoneNames {
  private readonly short: Intl.DateTimeFormat[];
  private readonly long: Intl.DateTimeFormat;
  private readonly exact = new Map<number, readonly string[]>();
  private readonly initials = new Map<number, string>();

  constructor(tz: string | null) {
    const timeZone = tz ?? undefined;
    this.short = ['en-US', 'en-GB'].map((l) => new Intl.DateTimeFormat(l, { timeZone, timeZoneName: 'short' }));
    this.long = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'long' });
  }

  /** The zone's short names at instant t (whose offset is `offset`) include `abbr`. */
  named(abbr: string, t: number, offset: number): boolean {
    let names = this.exact.get(offset);
    if (names === undefined) {
      names = this.short.map((f) => zonePart(f, t));
      if (this.exact.size >= NAME_CACHE_LIMIT) this.exact.clear();
      this.exact.set(offset, names);
    }
    return names.includes(abbr);
  }

  /** `abbr` is the initials of the zone's long name at t. */
  initialled(abbr: string, t: number, offset: number): boolean {
    let name = this.initials.get(offset);
    if (name === undefined) {
      name = zonePart(this.long, t)
        .split(' ')
        .map((w) => w.charAt(0))
        .join('');
      if (this.initials.size >= NAME_CACHE_LIMIT) this.initials.clear();
      this.initials.set(offset, name);
    }
    return name === abbr;
  }
}

function zonePart(f: Intl.DateTimeFormat, t: number): string {
  return f.formatToParts(t).find((p) => p.type === 'timeZoneName')?.value ?? '';
}

/**
 * Reads the stamps above. Like Clock: a reader returns UTC ms (or the uptime in seconds)
 * and sets `end` after the stamp, or returns NaN with `error` null (not this stamp) or the
 * line's malformed reason.
 */
export class JournalStamps {
  end = 0;
  error: LineReason | null = null;
  /** full(): the stamp named its zone (a name or an offset; without one it is wall time in --tz). */
  zoned = false;
  private local: LocalTimeToEpoch | null = null;
  private zones: NamedZoneTime | null = null;

  constructor(private readonly ctx: Pick<ParseContext, 'tz' | 'zoneNote' | 'timeCarry'>) {}

  /** `.123456` at p (after a BSD stamp): its milliseconds, `end` past its digits; 0 and end = p without one. */
  fraction(s: string, p: number): number {
    this.end = p;
    if (s.charCodeAt(p) !== DOT || digitAt(s, p + 1) < 0) return 0;
    let q = p + 1;
    let ms = 0;
    let d = digitAt(s, q);
    for (; d >= 0; d = digitAt(s, ++q)) if (q - p <= 3) ms = ms * 10 + d;
    for (let n = q - p - 1; n < 3; n++) ms *= 10;
    this.end = q;
    return ms;
  }

  /** short-unix `1763619901.123456`, followed by a space or the end. */
  unix(s: string, p: number): number {
    this.error = null;
    let q = p;
    let sec = 0;
    for (let d = digitAt(s, q); d >= 0 && q - p < MAX_EPOCH_DIGITS; d = digitAt(s, ++q)) sec = sec * 10 + d;
    if (q === p || s.charCodeAt(q) !== DOT || digitAt(s, q + 1) < 0) return NaN;
    const ms = this.fraction(s, q);
    const c = s.charCodeAt(this.end);
    if (c === c && c !== SP && c !== 0x09) return NaN;
    return sec * 1000 + ms;
  }

  /**
   * `[ 1234.567890]` or short-delta's `[ 1234.567890 <    0.000123 >]` at p (on `[`): the
   * uptime in seconds (the same double as Number('1234.567890')), `end` past `]`.
   */
  monotonic(s: string, p: number, end: number): number {
    this.error = null;
    let q = p + 1;
    while (q < end && s.charCodeAt(q) === SP) q++;
    const up = this.seconds(s, q);
    if (up !== up) return NaN;
    q = this.end;
    if (s.charCodeAt(q) === SP) {
      // short-delta: ` <  delta[ |*]>` after the uptime, or blanks on the journal's first line.
      while (q < end && s.charCodeAt(q) === SP) q++;
      if (s.charCodeAt(q) === 0x3c) {
        q++;
        while (q < end && s.charCodeAt(q) === SP) q++;
        const delta = this.seconds(s, q);
        if (delta !== delta) return NaN;
        q = this.end;
        const c = s.charCodeAt(q);
        if (c === SP || c === 0x2a) q++;
        if (s.charCodeAt(q) !== 0x3e) return NaN;
        q++;
      }
    }
    if (s.charCodeAt(q) !== 0x5d) return NaN;
    this.end = q + 1;
    return up;
  }

  /** `12345.678901` at q as seconds (exact as Number() reads it), `end` after it; NaN when not one. */
  private seconds(s: string, q: number): number {
    let r = q;
    let whole = 0;
    for (let d = digitAt(s, r); d >= 0 && r - q < 12; d = digitAt(s, ++r)) whole = whole * 10 + d;
    if (r === q || s.charCodeAt(r) !== DOT) return NaN;
    const frac = ++r;
    let part = 0;
    for (let d = digitAt(s, r); d >= 0 && r - frac < 9; d = digitAt(s, ++r)) part = part * 10 + d;
    if (r === frac) return NaN;
    this.end = r;
    const scale = POW10[r - frac]!;
    const scaled = whole * scale + part;
    return scaled <= Number.MAX_SAFE_INTEGER ? scaled / scale : Number(s.slice(q, r));
  }

  /**
   * short-full `Fri 2026-11-20 06:25:01[.frac] ZONE` at p (on the weekday). `UTC`/`GMT` and a
   * numeric zone are exact; a named zone is read as wall time in --tz (or this machine's
   * zone), taking the side of an autumn fold whose name it is, and the first name that is
   * none of the zone's at that time is noted (ZoneNote.unmatchedZone) and read in --tz
   * all the same: the zone the user gave is the better guess than none. Without a zone-like
   * token (tm_zone empty) the time is wall time in --tz too.
   */
  full(s: string, p: number, end: number): number {
    this.error = null;
    if (!weekdayAt(s, p) || s.charCodeAt(p + 3) !== SP) return NaN;
    const i = p + 4;
    const y = d2(s, i) * 100 + d2(s, i + 2);
    const mo = d2(s, i + 5);
    const d = d2(s, i + 8);
    const h = d2(s, i + 11);
    const mi = d2(s, i + 14);
    const sec = d2(s, i + 17);
    if (
      d2(s, i) < 0 || d2(s, i + 2) < 0 || mo < 0 || d < 0 || h < 0 || mi < 0 || sec < 0 ||
      s.charCodeAt(i + 4) !== 0x2d || s.charCodeAt(i + 7) !== 0x2d || s.charCodeAt(i + 10) !== SP ||
      s.charCodeAt(i + 13) !== COLON || s.charCodeAt(i + 16) !== COLON
    ) {
      return NaN;
    }
    const frac = this.fraction(s, i + 19);
    let q = this.end;
    const c = s.charCodeAt(q);
    if (c === c && c !== SP) return NaN;
    const err = impossible(y, mo, d, h, mi, sec);
    if (err !== null) {
      this.error = err;
      return NaN;
    }
    const wall = wallClockMs(y, mo, d, h, mi, sec);
    while (q < end && s.charCodeAt(q) === SP) q++;
    let z = q;
    while (z < end && s.charCodeAt(z) !== SP && s.charCodeAt(z) !== 0x09) z++;
    if (z === q || !zoneLike(s, q, z)) {
      this.end = q;
      this.zoned = false;
      return this.wallIn(y, mo, d, h, mi, sec) + frac;
    }
    this.end = z;
    this.zoned = true;
    const n = z - q;
    if (n === 3 && (s.startsWith('UTC', q) || s.startsWith('GMT', q))) return wall + frac;
    const fixed = numericZone(s, q, z);
    if (fixed === fixed) return wall - fixed + frac;
    // A named zone is a zone: the wall time is read in --tz without noting a time without one.
    const ctx = this.ctx;
    const named = (this.named ??= localTimeConverter(ctx.tz, { inLogOrder: true, carry: ctx.timeCarry }));
    return (this.zones ??= new NamedZoneTime(ctx)).at(s.slice(q, z), wall, named(y, mo, d, h, mi, sec)) + frac;
  }

  private wallIn(y: number, mo: number, d: number, h: number, mi: number, sec: number): number {
    const ctx = this.ctx;
    // Made on the first short-full line: a log without one never builds it.
    const local = (this.local ??= localTimeConverter(ctx.tz, { inLogOrder: true, note: ctx.zoneNote, carry: ctx.timeCarry }));
    return local(y, mo, d, h, mi, sec);
  }

  /** The same for a stamp that names its zone: notes nothing (NamedZoneTime notes the name). */
  private named: LocalTimeToEpoch | null = null;

}

/**
 * A wall time stamped with a zone abbreviation (`CET`, `EST`), read in --tz (or this
 * machine's zone): the abbreviation picks the side of an autumn fold whose name it is, and
 * the first one that is none of the zone's names at that time is noted
 * (ZoneNote.unmatchedZone, which `check` says) and read in --tz all the same: the zone the
 * user gave is the better guess than none. Shared by journalctl's short-full stamps and
 * SonicWall's `time=`.
 */
export class NamedZoneTime {
  private names: ZoneNames | null = null;
  private readonly offsetAt: (t: number) => number;

  constructor(private readonly ctx: Pick<ParseContext, 'tz' | 'zoneNote' | 'timeCarry'>) {
    const tz = ctx.tz;
    this.offsetAt = tz === null ? (t) => -new Date(t).getTimezoneOffset() * MINUTE : (t) => tzOffset(tz, new Date(t)) * MINUTE;
  }

  /** The instant of `wall` named `abbr`: the log-order reading t (wall time in --tz), or the fold's other side when only that one bears the name. */
  at(abbr: string, wall: number, t: number): number {
    const names = (this.names ??= new ZoneNames(this.ctx.tz));
    const offset = wall - t;
    if (names.named(abbr, t, offset)) {
      noteNamed(this.ctx.zoneNote, abbr);
      return t;
    }
    for (const other of [this.offsetAt(wall - DAY), this.offsetAt(wall + DAY)]) {
      if (other === offset || this.offsetAt(wall - other) !== other) continue;
      if (names.named(abbr, wall - other, other)) {
        noteNamed(this.ctx.zoneNote, abbr);
        if (this.ctx.timeCarry !== undefined) this.ctx.timeCarry.previous = wall - other;
        return wall - other;
      }
    }
    if (!names.initialled(abbr, t, offset)) noteUnmatched(this.ctx.zoneNote, abbr);
    else noteNamed(this.ctx.zoneNote, abbr);
    return t;
  }
}

function noteUnmatched(note: ZoneNote | undefined, abbr: string): void {
  if (note !== undefined && note.unmatchedZone === undefined) note.unmatchedZone = abbr;
}

function noteNamed(note: ZoneNote | undefined, abbr: string): void {
  if (note !== undefined && note.namedZone === undefined) note.namedZone = abbr;
}
