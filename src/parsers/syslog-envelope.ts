// Line wrappers around kernel messages: BSD syslog (with a year too), <PRI>, ISO 8601/RFC 3339,
// RFC 5424, journalctl's short-* modes (journal-stamps.ts), dmesg, OpenWrt's logread, Proxmox
// pve-firewall, Kiwi Syslog's tab-separated columns, a relay's header before the device's own,
// grep's `file:` prefix and rsyslog's `message repeated N times: [ … ]`; a header none of
// these reads is passed over up to a `kernel:` or `kernel[pid]:` tag (Envelope.unread). The
// wrapper may change from line to line in one file, so every line is dispatched on its
// first characters; there is no regex.
import type { RecordHead } from './netfilter.js';
import { bsdStampEnd, Clock, digitAt, monthAt, utcOffsetMinutes, weekdayAt } from './timestamp.js';
import { DeviceStamp } from './device-stamp.js';
import { shown } from './fields.js';
import { JournalStamps } from './journal-stamps.js';
import type { ParseContext } from './types.js';
import type { LineReason } from './reason.js';
import { flat } from '../util/flat-string.js';
import { SharedDates } from '../util/shared-date.js';

/** Result of reading one line's wrapper; reused across lines (one per parser). */
export interface Envelope extends RecordHead {
  /** The message (netfilter payload) is line[msgStart, msgEnd). */
  msgStart: number;
  msgEnd: number;
  /** The wrapper holds an impossible time or repeat count; the line is malformed (this its reason) if it carries a record. */
  error: LineReason | null;
  /** The header before the `kernel:` tag was not understood: the message was taken from the tag on. */
  unread: boolean;
  /** `time` was read without a zone in the line (a BSD stamp, ISO without an offset), in --tz. */
  zoneless: boolean;
}

/**
 * The largest count a `message repeated N times` wrapper is read with. rsyslog folds the
 * repeats of a few seconds; nine digits is more than any firewall logs in that time.
 */
export const MAX_REPEAT = 999_999_999;
/** The field a repeat wrapper's problems are reported under. */
const REPEATED = 'message repeated';

export function newEnvelope(): Envelope {
  return { time: null, yearInferred: false, uptime: null, host: null, count: 1, ruleHead: null, msgStart: 0, msgEnd: 0, error: null, unread: false, zoneless: false };
}

const SP = 0x20;
const LBRACKET = 0x5b;
const RBRACKET = 0x5d;
const COLON = 0x3a;
const TAB = 0x09;

function skipSpaces(s: string, i: number, end: number): number {
  while (i < end && s.charCodeAt(i) === SP) i++;
  return i;
}

/**
 * Syslog fields end at a space (or tab). A control character inside one (an ESC in a
 * host name) stays part of it and is escaped on output: cutting there split the header
 * and turned the rest of the host name into the rule label.
 */
function tokenEnd(s: string, i: number, end: number): number {
  for (; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c === SP || c === 0x09) break;
  }
  return i;
}

/** `kernel:` or `program[pid]:`: a syslog tag, not part of the message. */
function isTag(s: string, i: number, j: number): boolean {
  if (j - i === 7 && s.startsWith('kernel:', i)) return true;
  return j - i > 3 && s.charCodeAt(j - 1) === COLON && s.charCodeAt(j - 2) === RBRACKET && s.lastIndexOf('[', j) > i;
}

/** Digits a `kernel[pid]:` tag's pid may have: Linux's pid_max is at most 4194304. */
const MAX_PID_DIGITS = 7;

/**
 * The end of the kernel's tag at k, where `kernel` is: `kernel:`, or `kernel[pid]:` as some
 * relays and BSD syslogds write it; -1 when it is neither.
 */
function kernelTagEnd(s: string, k: number): number {
  let p = k + 6;
  if (s.charCodeAt(p) === LBRACKET) {
    const digits = ++p;
    while (digitAt(s, p) >= 0) p++;
    if (p === digits || p - digits > MAX_PID_DIGITS || s.charCodeAt(p) !== RBRACKET) return -1;
    p++;
  }
  return s.charCodeAt(p) === COLON ? p + 1 : -1;
}

/**
 * `user.info`, `kern.warning`, `local7.notice`: a facility.severity token some senders add
 * after the host (BusyBox syslogd) and OpenWrt's logread writes instead of one: the names
 * syslog.h gives (lower-case letters, a facility's digit) joined by one dot.
 */
function isFacilityLevel(s: string, i: number, j: number, anyCase = false): boolean {
  let dot = -1;
  for (let k = i; k < j; k++) {
    let c = s.charCodeAt(k);
    // Kiwi Syslog writes them capitalised: `Kernel.Warning`, `Local7.Info`.
    if (anyCase && c >= 0x41 && c <= 0x5a) c += 0x20;
    if (c === 0x2e) {
      if (dot >= 0) return false;
      dot = k;
    } else if ((c < 0x61 || c > 0x7a) && (c < 0x30 || c > 0x39 || dot >= 0)) return false;
  }
  return dot > i && dot < j - 1;
}

/** The stamp logread and dmesg -T write, for a reason that says what was expected. */
const CTIME_SYNTAX = 'Www Mmm dd HH:MM:SS YYYY';
/** ctime's fixed width. */
const CTIME_LENGTH = 24;

/** s[0, colon) ends in an IOS XR node's CPU, `/CPU0` (`RP/0/RSP0/CPU0`, `0/RP0/CPU0`, `LC/0/1/CPU0`). */
function xrNodeBefore(s: string, colon: number): boolean {
  let d = colon;
  while (d > 0 && s.charCodeAt(d - 1) >= 0x30 && s.charCodeAt(d - 1) <= 0x39) d--;
  return d < colon && d >= 4 && s.startsWith('/CPU', d - 4);
}

/** A first token that can be a host name (not a tag, a bracketed prefix or a key=value). */
function isHostToken(s: string, i: number, j: number): boolean {
  if (j <= i || s.charCodeAt(i) === LBRACKET || s.charCodeAt(j - 1) === COLON) return false;
  for (; i < j; i++) if (s.charCodeAt(i) === 0x3d) return false;
  return true;
}

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9];

function sameToken(s: string, i: number, j: number, k: number, l: number): boolean {
  if (j - i !== l - k) return false;
  for (; i < j; i++, k++) if (s.charCodeAt(i) !== s.charCodeAt(k)) return false;
  return true;
}

/**
 * At p, after a BSD stamp's seconds: an optional fraction, a blank and a zone name with its
 * colon before a Cisco message tag (`.123 CEST: %SEC-…`), as Cisco devices write their
 * stamps: 2-6 letters, the first and last in upper case (`UTC`, `CEST`, `ChST`). A host
 * (`gw`, `fw01`), a tag (`sshd:`) or a log prefix (`DENY: IN=…`) is none.
 */
function zoneFollows(s: string, p: number): boolean {
  if (s.charCodeAt(p) === 0x2e) while (digitAt(s, ++p) >= 0);
  if (s.charCodeAt(p) !== SP) return false;
  const a = ++p;
  let c = s.charCodeAt(p);
  if (c < 0x41 || c > 0x5a) return false;
  for (; p - a <= 6; c = s.charCodeAt(++p)) {
    if (c === COLON) {
      const last = s.charCodeAt(p - 1);
      const next = s.charCodeAt(p + 1);
      return p - a >= 2 && last >= 0x41 && last <= 0x5a && next === SP && s.charCodeAt(p + 2) === 0x25;
    }
    if (!((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a))) return false;
  }
  return false;
}

/**
 * The end of a zone's word at a (`CET`, `UTC+1`), after a device's BSD stamp inside a relay's
 * line (`Nov 20 06:25:00 CET gw1 kernel: …`), or -1. A zone as Cisco stamps and strftime's %Z
 * write it, 2-6 letters with the first and last in upper case (`CET`, `ChST`), or an offset
 * utcOffsetMinutes reads (`UTC+1`, `GMT-5`, `+0100`); and the device's host and tag must
 * follow it, as the rest of its header: in `CET kernel:` or `FW DROP IN=…` the word is a
 * host (a log prefix after it), as it was read before zones were.
 */
function innerZoneEnd(s: string, a: number, end: number): number {
  const e = tokenEnd(s, a, end);
  const n = e - a;
  const name = n >= 2 && n <= 6 && isUpper(s.charCodeAt(a)) && isUpper(s.charCodeAt(e - 1)) && isLetters(s, a, e);
  if (!name) {
    const minutes = utcOffsetMinutes(s, a, e);
    if (minutes !== minutes || minutes === Infinity) return -1;
  }
  const h = skipSpaces(s, e, end);
  const he = tokenEnd(s, h, end);
  if (!isHostToken(s, h, he) || isTag(s, h, he)) return -1;
  const t = skipSpaces(s, he, end);
  const te = tokenEnd(s, t, end);
  return te - t >= 2 && s.charCodeAt(te - 1) === COLON ? e : -1;
}

function isUpper(c: number): boolean {
  return c >= 0x41 && c <= 0x5a;
}

function isLetters(s: string, a: number, e: number): boolean {
  for (let i = a; i < e; i++) {
    const c = s.charCodeAt(i) | 0x20;
    if (c < 0x61 || c > 0x7a) return false;
  }
  return true;
}

/**
 * Past a device's `<PRI>` at p that a relay kept before the device's stamp (`<190>Mar 26 …`,
 * `<134>2026-11-20T…`): where the stamp starts; p when no such PRI stands there.
 */
function afterInnerPri(s: string, p: number): number {
  if (s.charCodeAt(p) !== 0x3c) return p;
  let q = p + 1;
  while (q < p + 4 && digitAt(s, q) >= 0) q++;
  if (q === p + 1 || s.charCodeAt(q) !== 0x3e) return p;
  q++;
  return monthAt(s, q) !== 0 || digitAt(s, q) >= 0 ? q : p;
}

/** Whether the BSD stamp at i (bsdStampEnd found one) names its year after the day: `Nov 20 2026 06:25:00`, not `Nov 20 06:25:00`. */
function yearAfterDay(s: string, i: number): boolean {
  let p = i + 4;
  if (s.charCodeAt(p) === SP) p++;
  p += digitAt(s, p + 1) >= 0 ? 2 : 1;
  // A clock has its colon where a year has its third digit.
  return digitAt(s, p + 3) >= 0;
}

export class SyslogEnvelopeReader {
  private readonly clock: Clock;
  /** A device's stamp with its zone inside a relay's line (innerZone); made on the first. */
  private device: DeviceStamp | null = null;

  constructor(private readonly ctx: Pick<ParseContext, 'refDate' | 'refNow' | 'year' | 'tz' | 'yearCarry' | 'timeCarry' | 'zoneNote'>) {
    this.clock = new Clock(ctx);
    this.stamps = new JournalStamps(ctx);
  }

  private readonly stamps: JournalStamps;

  /** Fills `env` for line `s`. Never throws; unknown wrappers leave the whole line as message. */
  read(s: string, env: Envelope): void {
    env.time = null;
    env.yearInferred = false;
    env.uptime = null;
    env.host = null;
    env.count = 1;
    env.ruleHead = null;
    env.error = null;
    env.unread = false;
    env.zoneless = false;
    let end = s.length;
    while (end > 0 && s.charCodeAt(end - 1) <= SP) end--;
    env.msgEnd = end;
    env.msgStart = 0;
    if (!this.wrapper(s, 0, env)) {
      // grep -H output: `file:<line>`; only when the name holds no space, and is not an IOS XR
      // node glued to its stamp (`RP/0/RSP0/CPU0:Apr 19 …`: the Cisco parser reads that).
      const colon = s.indexOf(':');
      if (colon > 0 && colon < end && s.lastIndexOf(' ', colon) < 0 && !xrNodeBefore(s, colon) && this.wrapper(s, colon + 1, env)) return;
      if (!this.kernelTag(s, 0, env)) env.msgStart = 0;
    }
  }

  private lastHost = '';

  /**
   * The host name at s[a, b). A log names one or a few hosts: the same string object as
   * the line before spares an allocation and lets later stages compare by pointer.
   */
  private hostText(s: string, a: number, b: number): string {
    const h = this.lastHost;
    if (h.length === b - a && s.startsWith(h, a)) return h;
    return (this.lastHost = flat(s.slice(a, b)));
  }

  private readonly dates = new SharedDates();

  /** Tries every known wrapper at p; false when none fits. */
  private wrapper(s: string, p: number, env: Envelope): boolean {
    const c = s.charCodeAt(p);
    if (c === 0x3c) return this.pri(s, p, env);
    if (c === LBRACKET) return this.dmesg(s, p, env);
    if (digitAt(s, p) >= 0) {
      if (s.charCodeAt(p + 4) === 0x2d) return this.timestamped(s, p, env, false);
      // RFC 5424 whose <PRI> a collector took off (Wazuh's remoted stores it so): `1 2021-08-04T…`.
      if (s.charCodeAt(p + 1) === SP && s.charCodeAt(p + 6) === 0x2d && digitAt(s, p + 2) >= 0) return this.rfc5424(s, p + 2, env);
      return this.proxmox(s, p, env) || this.unixStamped(s, p, env);
    }
    if (monthAt(s, p) !== 0) return this.timestamped(s, p, env, true);
    // A weekday then a month is OpenWrt's logread; a weekday then a date, journalctl's short-full.
    if (weekdayAt(s, p) && this.logread(s, p, env)) return true;
    return this.fullStamped(s, p, env);
  }

  /** journalctl short-unix: `1763619901.123456 host tag: message`. */
  private unixStamped(s: string, p: number, env: Envelope): boolean {
    const ms = this.stamps.unix(s, p);
    if (ms !== ms) return false;
    env.time = this.dates.of(ms);
    this.taggedHead(s, this.stamps.end, env);
    return true;
  }

  /** journalctl short-full: `Fri 2026-11-20 06:25:01 CET host tag: message`. */
  private fullStamped(s: string, p: number, env: Envelope): boolean {
    const ms = this.stamps.full(s, p, env.msgEnd);
    if (ms !== ms) {
      if (this.stamps.error === null) return false;
      env.error = this.stamps.error;
      env.msgStart = p;
      return true;
    }
    env.time = this.dates.of(ms);
    env.zoneless = !this.stamps.zoned;
    // No tcpdump prints this stamp: the host and tag after it are read as after any header's
    // (a tag without a pid too, `gw1 pf: …`, which the journal tag check alone passed over).
    this.hostAndTag(s, skipSpaces(s, this.stamps.end, env.msgEnd), env);
    return true;
  }

  /**
   * OpenWrt's `logread` (ubox): `Www Mmm dd HH:MM:SS YYYY facility.level tag: message`,
   * a ctime stamp in the router's zone with its year, no host; the kernel's lines are
   * tagged `kernel:`. A weekday and a month open it; a stamp that then cannot be read
   * (`12:34 2024`, a year glued to the next word) is said to be broken, not read as a
   * message whose rule label would be the whole header.
   */
  private logread(s: string, p: number, env: Envelope): boolean {
    if (s.charCodeAt(p + 3) !== SP || monthAt(s, p + 4) === 0) return false;
    const clock = this.clock;
    const ms = clock.ctime(s, p);
    const end = env.msgEnd;
    if (ms !== ms || (clock.end < end && s.charCodeAt(clock.end) !== SP)) {
      env.error = (ms !== ms ? clock.error : null) ?? {
        code: 'expected-found',
        field: 'time',
        value: shown(s.slice(p, Math.min(end, p + CTIME_LENGTH + 1))),
        syntax: CTIME_SYNTAX,
      };
      env.msgStart = p;
      return true;
    }
    env.time = this.dates.of(ms);
    env.zoneless = true;
    const from = clock.end;
    const h = this.logreadHeader;
    if (this.sameHeader(s, from, h, null, env)) return true;
    let q = skipSpaces(s, from, end);
    let e = tokenEnd(s, q, end);
    if (isFacilityLevel(s, q, e)) {
      q = skipSpaces(s, e, end);
      e = tokenEnd(s, q, end);
    }
    if (isTag(s, q, e)) {
      // Flat: a slice would pin its whole input chunk.
      this.logreadHeader = h.length === e - from && s.startsWith(h, from) ? h : flat(s.slice(from, e));
      q = skipSpaces(s, e, end);
    } else {
      this.logreadHeader = '';
    }
    this.body(s, q, env);
    return true;
  }

  /** What followed the last logread stamp up to and including its tag (" kern.warn kernel:"). */
  private logreadHeader = '';

  /** `<PRI>` then RFC 5424, BSD or ISO; a bare `<PRI>message` is also accepted. */
  private pri(s: string, p: number, env: Envelope): boolean {
    let q = p + 1;
    while (q < p + 4 && digitAt(s, q) >= 0) q++;
    if (q === p + 1 || s.charCodeAt(q) !== 0x3e) return false;
    q++;
    // RFC 5424: a version digit, a space, then a timestamp or the NILVALUE '-'.
    if (digitAt(s, q) >= 0 && s.charCodeAt(q + 1) === SP && (digitAt(s, q + 2) >= 0 || s.charCodeAt(q + 2) === 0x2d)) {
      return this.rfc5424(s, q + 2, env);
    }
    if (digitAt(s, q) >= 0 ? this.timestamped(s, q, env, false) : monthAt(s, q) !== 0 && this.timestamped(s, q, env, true)) return true;
    // `dmesg -r` and Android's dmesg keep the kernel's level: `<6>[ 5739.482168] message`.
    if (s.charCodeAt(q) === LBRACKET && this.dmesg(s, q, env)) return true;
    // A header no reader understands is passed over up to its kernel tag, as on a line
    // without the PRI; with none the message starts right after the PRI.
    if (!this.kernelTag(s, q, env)) env.msgStart = q;
    return true;
  }

  /** `<stamp> [host] [host] [facility.level] [tag:] [uptime] message`. */
  private timestamped(s: string, p: number, env: Envelope, bsd: boolean): boolean {
    const clock = this.clock;
    let ms = bsd ? clock.bsd(s, p) : clock.iso(s, p);
    // A year where the clock should be: `Nov 20 2026 06:25:01`.
    if (bsd && ms !== ms && clock.error === null) ms = clock.bsdYear(s, p);
    // Zyxel's ZLD writes the year after the clock (`May 22 17:24:04 2026 usgflex700h …`): read
    // in that year, not taken for the host; also when the year-less reading failed (Feb 29 in
    // an inferred year that has none). One compare on every other BSD line.
    if (bsd && clock.yearInferred && (ms === ms || clock.error !== null) && digitAt(s, clock.end + 1) >= 0) {
      const named = clock.yearAfterClock(s, p);
      if (named === named) ms = named;
    }
    if (ms !== ms) {
      if (clock.error === null) return false;
      env.error = clock.error;
      env.msgStart = p;
      return true;
    }
    // A zone and a colon after the clock (`Sep 25 2026 05:08:29 UTC: %ASA-…`, `… CEST: %SEC-…`)
    // make it a Cisco device's own stamp, which its parser reads with the zone (device-stamp.ts).
    if (bsd && zoneFollows(s, clock.end)) return false;
    env.yearInferred = clock.yearInferred;
    env.zoneless = bsd || !clock.zoned;
    // short-precise and syslog-ng's frac-digits(): `Nov 20 06:25:01.123456`.
    if (bsd && s.charCodeAt(clock.end) === 0x2e) {
      ms += this.stamps.fraction(s, clock.end);
      env.time = this.dates.of(ms);
      // OpenBSD's `tcpdump -ttt` writes this stamp before a pflog line, with no host: its first
      // word is the message's. syslog-ng writes a host before a message with no program tag
      // (`gw1 IN=eth0 …`, the kernel's when it reads /proc/kmsg itself), as without a fraction.
      if (s.startsWith(' rule ', this.stamps.end)) this.taggedHead(s, this.stamps.end, env);
      else this.hostAndTag(s, this.stamps.end, env);
      return true;
    }
    env.time = this.dates.of(ms);
    if (!bsd && s.charCodeAt(clock.end) === TAB && this.kiwi(s, clock.end, env)) return true;
    this.hostAndTag(s, clock.end, env);
    return true;
  }

  /**
   * Kiwi Syslog Server's log file (and the Windows collectors that copy it), after its first
   * column's ISO stamp (read as local time): `<TAB>Facility.Level<TAB>sender<TAB>MESSAGE`,
   * MESSAGE what the device sent, often with its own BSD header or just its tag. The sender
   * column is the host unless MESSAGE names one. False when the columns are not these.
   */
  private kiwi(s: string, p: number, env: Envelope): boolean {
    const end = env.msgEnd;
    const level = p + 1;
    const t = s.indexOf('\t', level);
    if (t < 0 || t >= end || !isFacilityLevel(s, level, t, true)) return false;
    const u = s.indexOf('\t', t + 1);
    if (u < 0 || u >= end || !isHostToken(s, t + 1, u)) return false;
    this.inner(s, u + 1, env, this.hostText(s, t + 1, u));
    return true;
  }

  /**
   * A device's own message inside another's line (Kiwi's MESSAGE column, what a relay did
   * not parse): `[stamp [zone]] [host] tag: message`; the time is the outer's unless the
   * device's stamp names its zone (innerZone), the host the device's or, when it names none,
   * `sender`.
   */
  private inner(s: string, p: number, env: Envelope, sender: string | null): void {
    const stamp = bsdStampEnd(s, p);
    env.host = null;
    if (stamp >= 0) {
      let from = this.innerYearAfter(s, p, stamp, env);
      if (from === stamp) from = this.innerZone(s, p, stamp, env);
      if (from < 0) return;
      this.hostAndTag(s, from, env, true);
    } else if (!this.journalHead(s, p, env) && !this.kernelTag(s, p, env)) this.body(s, p, env);
    if (env.host === null) env.host = sender;
  }

  /**
   * The year after the device's BSD clock inside another's line (`Nov 25 13:34:03 loghost Nov
   * 20 06:25:01 2026 usgflex500 src=…`, ZLD's and Comware's default header behind a relay):
   * passed over, else it was read as the device's host. When the outer header had no year the
   * device's stamp is the event's time, in --tz (it names the year, as innerYear's); an outer
   * stamp with its year (RFC 5424, ISO) stands. Returns where the device's host starts: past
   * the year, or `stamp` when no year of 1990-2099 follows the clock; -1 when the date is
   * impossible (the line's error).
   */
  private innerYearAfter(s: string, p: number, stamp: number, env: Envelope): number {
    // One compare for most lines: a host seldom starts with a digit, a year always does.
    if (digitAt(s, stamp + 1) < 0 || s.charCodeAt(stamp + 5) !== SP || s.charCodeAt(stamp - 3) !== COLON) return stamp;
    let y = 0;
    for (let i = stamp + 1; i < stamp + 5; i++) {
      const d = digitAt(s, i);
      if (d < 0) return stamp;
      y = y * 10 + d;
    }
    if (y < 1990 || y > 2099) return stamp;
    if (!env.yearInferred) return stamp + 5;
    const clock = this.clock;
    const ms = clock.bsd(s, p);
    const named = ms === ms || clock.error !== null ? clock.yearAfterClock(s, p) : NaN;
    if (named !== named) {
      if (clock.error === null) return stamp;
      env.error = clock.error;
      env.msgStart = p;
      return -1;
    }
    env.time = this.dates.of(named);
    env.yearInferred = false;
    env.zoneless = true;
    return stamp + 5;
  }

  /**
   * The zone's word after the device's BSD stamp at p (`Nov 20 06:25:00 CET gw1 kernel: …`,
   * the stamp ending at `stamp`): the stamp read in that zone is the event's time, as a Cisco
   * stamp's with its zone wins over a syslog header's (device-stamp.ts deviceStampWins), and
   * the name is noted as a Cisco stamp's is. Returns where the device's host starts: past the
   * zone, or `stamp` when none follows; -1 when the date is impossible (the line's error).
   */
  private innerZone(s: string, p: number, stamp: number, env: Envelope): number {
    const z = stamp + 1;
    const c = s.charCodeAt(z);
    // Most hosts start in lower case or with a digit: one compare, and the line is read as before.
    if (!isUpper(c) && c !== 0x2b && c !== 0x2d) return stamp;
    const e = innerZoneEnd(s, z, env.msgEnd);
    if (e < 0) return stamp;
    const st = (this.device ??= new DeviceStamp(this.ctx));
    if (!st.readZoned(s, p, z, e)) {
      if (st.error === null) return stamp;
      env.error = st.error;
      env.msgStart = p;
      return -1;
    }
    env.time = this.dates.of(st.ms);
    env.yearInferred = !st.year;
    env.zoneless = false;
    st.used();
    return e;
  }

  /**
   * A relay's header before the device's own ISO 8601 one (`Nov 20 06:25:01 192.168.1.1
   * 2026-11-20T06:25:01+01:00 gw kernel: …`): read as a BSD one there is, the device's host
   * and tag, but the time is the device's stamp, which has the year the relay's lacks (and
   * mostly a zone); an impossible one is the line's error, as at the start of a line. False
   * when there is no ISO stamp at p.
   */
  private innerIso(s: string, p: number, env: Envelope): boolean {
    if (digitAt(s, p) < 0 || s.charCodeAt(p + 4) !== 0x2d) return false;
    const clock = this.clock;
    const ms = clock.iso(s, p);
    if (ms !== ms) {
      if (clock.error === null) return false;
      env.error = clock.error;
      env.msgStart = p;
      return true;
    }
    env.time = this.dates.of(ms);
    env.yearInferred = false;
    env.zoneless = !clock.zoned;
    const sender = env.host;
    env.host = null;
    this.hostAndTag(s, clock.end, env, true);
    if (env.host === null) env.host = sender;
    return true;
  }

  /**
   * The device's BSD stamp with its year after a relay's year-less header (`Nov 21 10:22:40
   * relay Nov 20 2026 06:25:00.5 gw1 kernel: …`): the device's time, which names the year the
   * relay's lacks, as a device's ISO stamp there (innerIso) and a Cisco device's stamp with a
   * year (device-stamp.ts deviceStampWins) win; the device's host and tag as without the year.
   * An impossible date is the line's error. False when the stamp is no BSD stamp with a year
   * after all: the relay's time stands.
   */
  private innerYear(s: string, p: number, env: Envelope): boolean {
    const clock = this.clock;
    let ms = clock.bsdYear(s, p);
    if (ms !== ms) {
      if (clock.error === null) return false;
      env.error = clock.error;
      env.msgStart = p;
      return true;
    }
    if (s.charCodeAt(clock.end) === 0x2e) ms += this.stamps.fraction(s, clock.end);
    env.time = this.dates.of(ms);
    env.yearInferred = false;
    this.inner(s, p, env, env.host);
    return true;
  }

  /**
   * A header not understood before a `kernel:` tag (`20/11/2026 06:25:01 gw kernel: …`,
   * `gw [12345.678] kernel: …`, `kernel[123]: …`): the message is what follows the tag, the
   * header is passed over and said to be (`unread`, which `check` reports). True when there
   * is such a tag after p (one right at p is a tag, nothing passed over).
   */
  private kernelTag(s: string, p: number, env: Envelope): boolean {
    const end = env.msgEnd;
    for (let k = s.indexOf('kernel', p); k >= 0 && k < end; k = s.indexOf('kernel', k + 6)) {
      const before = s.charCodeAt(k - 1);
      if (k !== p && before !== SP && before !== TAB) continue;
      const t = kernelTagEnd(s, k);
      const after = s.charCodeAt(t);
      if (t > 0 && (t >= end || after === SP || after === TAB)) {
        env.unread = k > p;
        this.body(s, skipSpaces(s, t, end), env);
        return true;
      }
    }
    return false;
  }

  /**
   * What followed the last stamp up to and including its tag (" gw kernel:"), and the host
   * in it; '' when that line had no tag. The reading below depends only on this text and
   * the character after it, so a line that repeats it is read the same without the token
   * checks: most lines of a log do.
   */
  private header = '';
  private headerHost: string | null = null;

  /** `inner`: the header inside a message (a relay's, Kiwi's), where no second one is looked for. */
  private hostAndTag(s: string, p: number, env: Envelope, inner = false): void {
    const end = env.msgEnd;
    if (this.sameHeader(s, p, this.header, this.headerHost, env)) return;
    const from = p;
    p = skipSpaces(s, p, end);
    let e = tokenEnd(s, p, end);
    if (isTag(s, p, e)) {
      this.remember(s, from, e, null);
      this.body(s, skipSpaces(s, e, end), env);
      return;
    }
    this.header = '';
    if (isHostToken(s, p, e) && e < end) {
      const hostStart = p;
      const hostEnd = e;
      env.host = this.hostText(s, p, e);
      p = skipSpaces(s, e, end);
      e = tokenEnd(s, p, end);
      // Some relays write the host twice (UniFi), some add facility.level (EdgeRouter).
      if (sameToken(s, hostStart, hostEnd, p, e)) {
        p = skipSpaces(s, e, end);
        e = tokenEnd(s, p, end);
      }
      if (isFacilityLevel(s, p, e)) {
        p = skipSpaces(s, e, end);
        e = tokenEnd(s, p, end);
      }
      if (isTag(s, p, e)) {
        this.remember(s, from, e, env.host);
        this.body(s, skipSpaces(s, e, end), env);
        return;
      }
      // A relay that did not parse what a router sent wrote its header before the router's,
      // with the router's <PRI> when it kept the line whole (syslog-ng's no-parse).
      const at = inner ? p : afterInnerPri(s, p);
      const stamp = inner ? -1 : bsdStampEnd(s, at);
      if (stamp >= 0) {
        // A Cisco stamp's zone after it (`… 2026 05:08:29 UTC: %ASA-…`) is its parser's to read (device-stamp.ts), as at the start of a line.
        if (env.yearInferred && yearAfterDay(s, at) && !zoneFollows(s, stamp) && this.innerYear(s, at, env)) return;
        this.inner(s, at, env, env.host);
        return;
      }
      if (!inner && this.innerIso(s, at, env)) return;
    }
    if (!this.kernelTag(s, p, env)) this.body(s, p, env);
  }

  /**
   * When the line repeats `h` (a header remembered after its stamp, '' for none) at p and a
   * blank follows, reads it as that line was read: `host`, then the body. False otherwise.
   */
  private sameHeader(s: string, p: number, h: string, host: string | null, env: Envelope): boolean {
    if (h === '' || !s.startsWith(h, p)) return false;
    const q = p + h.length;
    const c = s.charCodeAt(q);
    const end = env.msgEnd;
    if (q >= end || (c !== SP && c !== 0x09)) return false;
    env.host = host;
    this.body(s, skipSpaces(s, q, end), env);
    return true;
  }

  private remember(s: string, from: number, tagEnd: number, host: string | null): void {
    // Flat: a slice would pin its whole input chunk.
    const h = this.header;
    this.header = h.length === tagEnd - from && s.startsWith(h, from) ? h : flat(s.slice(from, tagEnd));
    this.headerHost = host;
  }

  /**
   * After the tag: rsyslog's repeat wrapper, then kernel uptime stamps. A wrapper whose
   * count is no number from 1 to MAX_REPEAT (`0`, `-5`, `12345678901`, whose eleventh digit
   * made it count 1) or that is not `N times: [ … ]` sets `error`: its record is malformed,
   * never an event with a made-up count and `message repeated …` in its rule label.
   */
  private body(s: string, p: number, env: Envelope): void {
    if (s.startsWith('message repeated ', p)) {
      const from = p + 17;
      let q = from;
      while (digitAt(s, q) >= 0) q++;
      // rsyslog closes the wrapper at the end of the line. A ] further in belongs to the
      // message ([UFW BLOCK]): taken for the wrapper's, a record cut before its end was
      // skipped as a cut-down message instead of counted malformed.
      const close = env.msgEnd - 1;
      if (q > from && s.startsWith(' times: [', q) && close > q + 9 && s.charCodeAt(close) === RBRACKET) {
        let n = 0;
        if (q - from <= 9) for (let i = from; i < q; i++) n = n * 10 + digitAt(s, i);
        if (n >= 1 && n <= MAX_REPEAT) env.count = n;
        else env.error = { code: 'repeat-count', field: REPEATED, value: s.slice(from, Math.min(q, from + 24)), max: MAX_REPEAT };
        env.msgEnd = close;
        p = skipSpaces(s, q + 9, close);
      } else {
        let w = from;
        while (w < env.msgEnd && s.charCodeAt(w) !== SP) w++;
        env.error = { code: 'repeat-syntax', field: REPEATED, value: `'${s.slice(from, Math.min(w, from + 24))}'`, max: MAX_REPEAT };
      }
    }
    env.msgStart = this.uptimes(s, p, env);
  }

  /** Reads `[ 12345.678901]` (maybe repeated) into env.uptime; returns where the message starts. */
  private uptimes(s: string, p: number, env: Envelope): number {
    for (let n = 0; n < 2 && s.charCodeAt(p) === LBRACKET; n++) {
      const q = skipSpaces(s, p + 1, env.msgEnd);
      let r = q;
      let whole = 0;
      let d = digitAt(s, r);
      while (d >= 0 && r - q < 12) {
        whole = whole * 10 + d;
        d = digitAt(s, ++r);
      }
      if (r === q || s.charCodeAt(r) !== 0x2e) break;
      const frac = ++r;
      let part = 0;
      d = digitAt(s, r);
      while (d >= 0 && r - frac < 9) {
        part = part * 10 + d;
        d = digitAt(s, ++r);
      }
      if (r === frac) break;
      // Amlogic kernels (Firewalla's boxes) print the CPU after the time: `[157340.932724@5]`.
      const cpuAt = r;
      if (s.charCodeAt(r) === 0x40) {
        const c = ++r;
        while (digitAt(s, r) >= 0 && r - c < 3) r++;
        if (r === c) break;
      }
      if (s.charCodeAt(r) !== RBRACKET) break;
      // One division of exact integers: the same double as Number('12345.678901').
      const scale = POW10[cpuAt - frac]!;
      const scaled = whole * scale + part;
      if (n === 0) env.uptime = scaled <= Number.MAX_SAFE_INTEGER ? scaled / scale : Number(s.slice(q, cpuAt));
      p = skipSpaces(s, r + 1, env.msgEnd);
    }
    return p;
  }

  /** `[uptime] message` (dmesg) or `[Www Mmm dd HH:MM:SS YYYY] message` (dmesg -T). */
  private dmesg(s: string, p: number, env: Envelope): boolean {
    const q = skipSpaces(s, p + 1, env.msgEnd);
    if (digitAt(s, q) >= 0) {
      const up = this.stamps.monotonic(s, p, env.msgEnd);
      if (up !== up) return false;
      // journalctl short-monotonic/short-delta name the host and tag; dmesg does not.
      if (!this.journalHead(s, skipSpaces(s, this.stamps.end, env.msgEnd), env)) env.msgStart = this.uptimes(s, p, env);
      if (p === env.msgStart) env.msgStart = skipSpaces(s, this.stamps.end, env.msgEnd);
      env.uptime = up;
      return true;
    }
    const ms = this.clock.ctime(s, q);
    if (ms !== ms || s.charCodeAt(this.clock.end) !== RBRACKET) {
      if (this.clock.error === null) return false;
      env.error = this.clock.error;
      env.msgStart = p;
      return true;
    }
    env.time = this.dates.of(ms);
    env.zoneless = true;
    env.msgStart = skipSpaces(s, this.clock.end + 1, env.msgEnd);
    return true;
  }

  /**
   * After a journalctl stamp: `[host] tag:` when there is a tag, else the message right after
   * the stamp. A host is only taken before a tag: the same stamps start tcpdump's pflog lines
   * (`Nov 21 06:25:07.100000 rule 3/(match) …`, `1700000000.123456 rule …`), whose first word
   * is the message's.
   */
  private taggedHead(s: string, p: number, env: Envelope): void {
    p = skipSpaces(s, p, env.msgEnd);
    if (!this.journalHead(s, p, env)) env.msgStart = this.uptimes(s, p, env);
  }

  /**
   * `[host] tag:` at p, read into env (body included) when there is a tag: without one
   * the words are the message's (`DROP IN=…`, a log prefix), as dmesg prints it.
   */
  private journalHead(s: string, p: number, env: Envelope): boolean {
    const end = env.msgEnd;
    let e = tokenEnd(s, p, end);
    if (!isTag(s, p, e)) {
      if (!isHostToken(s, p, e)) return false;
      const q = skipSpaces(s, e, end);
      const f = tokenEnd(s, q, end);
      if (!isTag(s, q, f)) return false;
      env.host = this.hostText(s, p, e);
      e = f;
    }
    this.body(s, skipSpaces(s, e, end), env);
    return true;
  }

  /** `<vmid> <level> <chain> DD/Mon/YYYY:HH:MM:SS +ZZZZ message` (Proxmox pve-firewall). */
  private proxmox(s: string, p: number, env: Envelope): boolean {
    const end = env.msgEnd;
    let q = p;
    while (digitAt(s, q) >= 0) q++;
    if (s.charCodeAt(q) !== SP || digitAt(s, q + 1) < 0) return false;
    q += 1;
    while (digitAt(s, q) >= 0) q++;
    if (s.charCodeAt(q) !== SP) return false;
    const chain = q + 1;
    const chainEnd = tokenEnd(s, chain, end);
    if (chainEnd === chain) return false;
    const ms = this.clock.pve(s, chainEnd + 1);
    if (ms !== ms) {
      if (this.clock.error === null) return false;
      env.error = this.clock.error;
      env.msgStart = p;
      return true;
    }
    env.time = this.dates.of(ms);
    env.ruleHead = s.slice(chain, chainEnd);
    env.msgStart = skipSpaces(s, this.clock.end, end);
    return true;
  }

  /** `<PRI>1 TIMESTAMP HOST APP PROCID MSGID SD MSG` from just after the version. */
  private rfc5424(s: string, p: number, env: Envelope): boolean {
    const end = env.msgEnd;
    if (s.charCodeAt(p) === 0x2d) {
      p = skipSpaces(s, p + 1, end);
    } else {
      const ms = this.clock.iso(s, p);
      if (ms !== ms) {
        if (this.clock.error === null) return false;
        env.error = this.clock.error;
        env.msgStart = p;
        return true;
      }
      env.time = this.dates.of(ms);
      env.zoneless = !this.clock.zoned;
      p = skipSpaces(s, this.clock.end, end);
    }
    let e = tokenEnd(s, p, end);
    if (!(e - p === 1 && s.charCodeAt(p) === 0x2d)) env.host = this.hostText(s, p, e);
    // APP-NAME, PROCID, MSGID
    for (let i = 0; i < 3; i++) {
      p = skipSpaces(s, e, end);
      e = tokenEnd(s, p, end);
    }
    p = skipSpaces(s, e, end);
    if (s.charCodeAt(p) === 0x2d) p++;
    else {
      // STRUCTURED-DATA: one or more [id k="v" …]; values may hold escaped \] and \".
      while (s.charCodeAt(p) === LBRACKET) {
        let inQuote = false;
        p++;
        while (p < end) {
          const c = s.charCodeAt(p);
          if (c === 0x5c) p++;
          else if (c === 0x22) inQuote = !inQuote;
          else if (c === RBRACKET && !inQuote) break;
          p++;
        }
        p++;
      }
    }
    p = skipSpaces(s, p, end);
    if (s.charCodeAt(p) === 0xfeff) p++;
    // A relay that kept the device's line whole as its MSG (`… loghost - - - <190>Mar 26 14:41:42
    // 2026 FW %%10…`): the device's host and tag, as behind a BSD relay's header; the relay's
    // stamp, which has the year, stays the time.
    const q = afterInnerPri(s, p);
    if (bsdStampEnd(s, q) >= 0) {
      const sender = env.host;
      this.inner(s, q, env, sender);
      return true;
    }
    this.body(s, p, env);
    return true;
  }
}
