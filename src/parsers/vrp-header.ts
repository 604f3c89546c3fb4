// The information-center header Huawei's VRP and H3C's Comware (one lineage) put before every
// log message, and the stamps their syslog headers carry:
//
//   <190>May 15 2026 07:56:05 FW-1 %%01POLICY/6/POLICYDENY(l):vsys=public, protocol=17, …
//   <190>Mar 26 14:41:42 2020 FW %%10FILTER/6/FILTER_ZONE_IPV4_EXECUTION: SrcZoneName(1025)=Trust;…
//   Mar 26 2022 17:06:48+03:00 DST FW-1 %%01SSH/4/SSHS_IP_BLOCK_CLIENT(s):CID=…
//
// `%%<2-digit version><MODULE>/<severity>/<MNEMONIC>[(<flag>)]:` then the text. The syslog
// envelope (syslog-envelope.ts) reads most headers before it (`Mmm dd YYYY HH:MM:SS`, ISO with
// or without an offset, the year after the clock, Comware's default `Mar 26 14:41:42 2020`, a
// relay's header and the device's); what it cannot, this reads: an offset glued to the clock
// and the `DST` word after it (VRP's
// `info-center timestamp … time-zone`), a blank after `<PRI>`. The version tells the vendors
// apart: `01` is VRP's (Huawei), `10` Comware's (H3C).
import type { RecordHead } from './netfilter.js';
import { IsoStamps } from './iso-stamp.js';
import { WallTimes } from './local-time.js';
import { fixedReason, reason, type LineReason } from './reason.js';
import { shown } from './fields.js';
import { d2, digitAt, impossible, monthAt, utcOffsetMinutes } from './timestamp.js';
import type { ParseContext } from './types.js';
import { SharedDates } from '../util/shared-date.js';
import { flat } from '../util/flat-string.js';

/** How far past the message's start `%%` is looked for: a PRI, a stamp with its zone and a host. */
const MAX_HEAD = 128;
const SP = 0x20;
const BAD_OFFSET = fixedReason('impossible-offset', 'time');

/** A module's or mnemonic's character: Comware writes some modules in lower case (`%%10session/6/…`). */
function upperOrDigit(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x5f;
}

/**
 * Index of a `%%NNMODULE/N/MNEMONIC` tag in s[start, end) whose version is `version` ('01', '10'),
 * at most MAX_HEAD characters in; -1 otherwise. Bounded: the dispatcher asks it of foreign lines.
 */
export function vrpTagAt(s: string, start: number, end: number, version: string): number {
  const lim = Math.min(end - 8, start + MAX_HEAD);
  // indexOf, not a loop of charCodeAt: a foreign line (most of a loghost's) was ~0.4-0.6 µs a
  // format in the loop, both VRP formats a third of the dispatcher's time on an sshd line.
  // Past the head it reads on to the line's end, as the key=value formats' indexOf checks do.
  const i = s.indexOf('%%', start);
  if (i < 0 || i >= lim || !s.startsWith(version, i + 2)) return -1;
  let p = i + 4;
  const m = p;
  while (p < end && upperOrDigit(s.charCodeAt(p))) p++;
  if (p === m || s.charCodeAt(p) !== 0x2f || digitAt(s, p + 1) < 0 || s.charCodeAt(p + 2) !== 0x2f) return -1;
  return i;
}

/** A 4-digit year token s[a, b). */
function isYear(s: string, a: number, b: number): boolean {
  return b - a === 4 && d2(s, a) >= 0 && d2(s, a + 2) >= 0;
}

/**
 * One line's header and tag, read by `read`; reused across lines (one per parser). The
 * stamp reader `stampAt` is the records' too (Huawei's `time=May 15 2026 14:56:05`).
 */
export class VrpHeader {
  time: Date | null = null;
  yearInferred = false;
  host: string | null = null;
  error: LineReason | null = null;
  /** The module (`POLICY`, `FILTER`) and mnemonic (`POLICYDENY`): s[modStart, modEnd), s[mnemStart, mnemEnd). */
  modStart = 0;
  modEnd = 0;
  mnemStart = 0;
  mnemEnd = 0;
  /** The text after the tag's colon (and, for a chassis, its `-Chassis=1-Slot=3.1;` prefixes). */
  body = 0;
  /** Where the last stampAt's stamp ended. */
  stampEnd = 0;
  private readonly wall: WallTimes;
  private readonly iso: IsoStamps;
  private readonly dates = new SharedDates();
  private lastHost = '';

  constructor(ctx: Pick<ParseContext, 'tz' | 'zoneNote' | 'timeCarry'>) {
    this.wall = new WallTimes(ctx);
    this.iso = new IsoStamps({ field: 'time', wall: this.wall });
  }

  /**
   * The tag of `version` in s[start, end) and the header before it, read: 1; no such tag
   * (another format's line): 0; the header's stamp impossible: -1, `error` saying why.
   */
  message(s: string, start: number, end: number, head: RecordHead, version: string): number {
    const tag = vrpTagAt(s, start, end, version);
    if (tag < 0) return 0;
    return this.read(s, start, end, tag, head) ? 1 : -1;
  }

  /** The mnemonic is `word`. */
  mnemonic(s: string, word: string): boolean {
    return this.mnemEnd - this.mnemStart === word.length && s.startsWith(word, this.mnemStart);
  }

  /** The module is `word` (upper case), in any case. */
  module(s: string, word: string): boolean {
    if (this.modEnd - this.modStart !== word.length) return false;
    if (s.startsWith(word, this.modStart)) return true;
    return s.slice(this.modStart, this.modEnd).toUpperCase() === word;
  }

  /** `MODULE/MNEMONIC`, as a skipped line's reason names it. */
  tagText(s: string): string {
    return `${s.slice(this.modStart, this.modEnd)}/${s.slice(this.mnemStart, this.mnemEnd)}`;
  }

  /**
   * Reads the tag at `tag` (vrpTagAt's) and the header before it, s[start, tag) being what the
   * envelope left of it (`head` its reading). False, `error` set, when the header's stamp is
   * impossible.
   */
  read(s: string, start: number, end: number, tag: number, head: RecordHead): boolean {
    this.error = null;
    let p = tag + 4;
    this.modStart = p;
    while (upperOrDigit(s.charCodeAt(p))) p++;
    this.modEnd = p;
    p += 3;
    this.mnemStart = p;
    while (p < end && upperOrDigit(s.charCodeAt(p))) p++;
    this.mnemEnd = p;
    if (s.charCodeAt(p) === 0x28) {
      const close = s.indexOf(')', p);
      if (close > 0 && close < end) p = close + 1;
    }
    if (s.charCodeAt(p) === 0x3a) p++;
    while (p < end && s.charCodeAt(p) === SP) p++;
    // A chassis's or context's prefixes (`-Chassis=1-Slot=3.1; `, `-MDC=1; `): where, not what.
    while (s.charCodeAt(p) === 0x2d) {
      const semi = s.indexOf(';', p);
      if (semi < 0 || semi >= end) break;
      p = semi + 1;
      while (p < end && s.charCodeAt(p) === SP) p++;
    }
    this.body = p;
    return this.header(s, start, tag, head);
  }

  /** Time and host from the envelope's reading and what it left before the tag. */
  private header(s: string, start: number, tag: number, head: RecordHead): boolean {
    let e = tag;
    while (e > start && s.charCodeAt(e - 1) === SP) e--;
    let a = e;
    while (a > start && s.charCodeAt(a - 1) !== SP) a--;
    // The device's name is the last word before the tag; none when the tag follows the header.
    this.host = a < e ? this.hostText(s, a, e) : head.host;
    this.time = head.time;
    this.yearInferred = head.yearInferred;
    // The envelope reads `Mar 26 14:41:42 2020 FW` with its year (SyslogEnvelopeReader: Clock.yearAfterClock).
    if (head.time !== null) return true;
    // No header the envelope reads: the stamp from the line's start, past a `<PRI>` and blanks.
    let i = 0;
    if (s.charCodeAt(0) === 0x3c) {
      const gt = s.indexOf('>', 1);
      if (gt > 0 && gt < 5) i = gt + 1;
    }
    while (s.charCodeAt(i) === SP) i++;
    if (i >= a || (monthAt(s, i) === 0 && digitAt(s, i) < 0)) return true;
    return this.headerStamp(s, i);
  }

  private headerStamp(s: string, i: number): boolean {
    const ms = this.stampAt(s, i, s.length);
    if (ms !== ms) {
      this.error ??= reason('invalid', 'time', shown(s.slice(i, Math.min(s.length, i + 32))));
      return false;
    }
    this.time = this.dates.of(ms);
    this.yearInferred = false;
    return true;
  }

  /**
   * The stamp at i as epoch ms: `YYYY-MM-DD HH:MM:SS[.fff][offset]`, `Mmm dd YYYY HH:MM:SS[offset]`
   * or `Mmm dd HH:MM:SS YYYY`; an offset glued to it (`+08:00`) is exact, and a `DST` after
   * it says only that the offset is summer time's. Without an offset, wall time in --tz.
   * NaN when there is none (`error` set when it is impossible); stampEnd is where it ended.
   */
  stampAt(s: string, i: number, end: number): number {
    this.error = null;
    if (digitAt(s, i) >= 0) {
      // ISO: date, a blank or T, the clock up to the next blank.
      let b = i + 11;
      while (b < end && s.charCodeAt(b) !== SP && s.charCodeAt(b) !== 0x2c) b++;
      const ms = this.iso.read(s, i, b);
      this.error = this.iso.error;
      this.stampEnd = this.afterDst(s, b, end);
      return ms;
    }
    const mo = monthAt(s, i);
    if (mo === 0) return NaN;
    let p = i + 3;
    while (s.charCodeAt(p) === SP) p++;
    let day = digitAt(s, p++);
    if (digitAt(s, p) >= 0) day = day * 10 + digitAt(s, p++);
    if (day < 0 || s.charCodeAt(p++) !== SP) return NaN;
    let year = -1;
    if (isYear(s, p, p + 4) && s.charCodeAt(p + 4) === SP) {
      year = d2(s, p) * 100 + d2(s, p + 2);
      p += 5;
    }
    const h = d2(s, p);
    const mi = d2(s, p + 3);
    const sec = d2(s, p + 6);
    if (h < 0 || mi < 0 || sec < 0 || s.charCodeAt(p + 2) !== 0x3a || s.charCodeAt(p + 5) !== 0x3a) return NaN;
    p += 8;
    if (year < 0 && s.charCodeAt(p) === SP && isYear(s, p + 1, p + 5)) {
      year = d2(s, p + 1) * 100 + d2(s, p + 3);
      p += 5;
    }
    if (year < 0) return NaN;
    let frac = 0;
    if (s.charCodeAt(p) === 0x2e) {
      let f = 0;
      let n = 0;
      for (p++; digitAt(s, p) >= 0; p++) if (n++ < 3) f = f * 10 + digitAt(s, p);
      for (; n < 3; n++) f *= 10;
      frac = f;
    }
    let offset = NaN;
    const z = s.charCodeAt(p);
    if (z === 0x2b || z === 0x2d) {
      let b = p + 1;
      while (b < end && s.charCodeAt(b) !== SP && s.charCodeAt(b) !== 0x2c) b++;
      offset = utcOffsetMinutes(s, p, b);
      if (offset !== offset || offset === Infinity) {
        this.error = offset === Infinity ? BAD_OFFSET : reason('invalid', 'time', shown(s.slice(p, b)));
        return NaN;
      }
      p = b;
    }
    const bad = impossible(year, mo, day, h, mi, sec);
    if (bad !== null) {
      this.error = bad;
      return NaN;
    }
    this.stampEnd = this.afterDst(s, p, end);
    const ms = offset === offset ? Date.UTC(year, mo - 1, day, h, mi, Math.min(sec, 59)) + (sec === 60 ? 1000 : 0) - offset * 60_000 : this.wall.ms(year, mo, day, h, mi, sec);
    return ms + frac;
  }

  /** Past a ` DST` word at p. */
  private afterDst(s: string, p: number, end: number): number {
    return p + 4 <= end && s.startsWith(' DST', p) && (p + 4 === end || s.charCodeAt(p + 4) === SP) ? p + 4 : p;
  }

  private hostText(s: string, a: number, b: number): string {
    const h = this.lastHost;
    if (h.length === b - a && s.startsWith(h, a)) return h;
    return (this.lastHost = flat(s.slice(a, b)));
  }
}
