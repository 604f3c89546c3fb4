// Windows (Defender) Firewall `pfirewall.log`: W3C extended log format, one record per
// line, space-separated, `-` for absent values, local time without offset.
//
//   #Version: 1.5
//   #Software: Microsoft Windows Firewall
//   #Time Format: Local
//   #Fields: date time action protocol src-ip dst-ip src-port dst-port size tcpflags tcpsyn tcpack tcpwin icmptype icmpcode info path [pid]
//   2024-07-29 13:23:35 ALLOW UDP 192.168.9.219 192.168.0.1 61535 53 0 - - - - - - - SEND 10452
//
// `path` is SEND, RECEIVE, FORWARD or UNKNOWN (Microsoft's list); `pid` is the process on
// this host that sent the packet or was to receive it (FirewallEvent.pid).
//
// Column positions come from the latest `#Fields:` line (Windows 10+ appends `pid`;
// a file may gain a new header mid-way after a settings change). Without a header the
// standard 17-column order is assumed.
//
// Hot path: column bounds found with indexOf and read in place (Columns), numbers and
// addresses checked by hand, the timestamp read by character position with a cache for
// the current second and the zone offset cached per hour (local-time.ts). Nothing here
// throws on input.

import { addressVersion } from './address.js';
import { flagNames } from './fields.js';
import { protoByNumber } from '../util/protocols.js';
import type { Action, Direction, FirewallEvent } from '../event.js';
import { localTimeConverter, wallClockMs, type LocalTimeToEpoch } from './local-time.js';
import type { FormatDefinition, LineParser, LineSink, ParseContext, RuleFields } from './types.js';
import { flat } from '../util/flat-string.js';
import { SharedDates } from '../util/shared-date.js';
import { yearInRange, yearText } from '../util/year-range.js';
import { BLANK_LINE, reason, type LineReason } from './reason.js';

const FORMAT_ID = 'windows-firewall';

/** The order Windows writes when nothing else is known (and the 17-column header). */
export const STANDARD_FIELDS: readonly string[] = [
  'date', 'time', 'action', 'protocol', 'src-ip', 'dst-ip', 'src-port', 'dst-port', 'size',
  'tcpflags', 'tcpsyn', 'tcpack', 'tcpwin', 'icmptype', 'icmpcode', 'info', 'path',
];

/** Column index of each field we read; -1 when the header does not list it. */
interface Layout {
  count: number;
  date: number;
  time: number;
  action: number;
  protocol: number;
  srcIp: number;
  dstIp: number;
  srcPort: number;
  dstPort: number;
  size: number;
  tcpflags: number;
  tcpwin: number;
  icmptype: number;
  icmpcode: number;
  info: number;
  path: number;
  pid: number;
}

/** Fields a record cannot be read without. */
const REQUIRED = ['date', 'time', 'action', 'protocol', 'src-ip', 'dst-ip'] as const;

function layoutOf(names: readonly string[]): Layout {
  const at = (n: string) => names.indexOf(n);
  return {
    count: names.length,
    date: at('date'),
    time: at('time'),
    action: at('action'),
    protocol: at('protocol'),
    srcIp: at('src-ip'),
    dstIp: at('dst-ip'),
    srcPort: at('src-port'),
    dstPort: at('dst-port'),
    size: at('size'),
    tcpflags: at('tcpflags'),
    tcpwin: at('tcpwin'),
    icmptype: at('icmptype'),
    icmpcode: at('icmpcode'),
    info: at('info'),
    path: at('path'),
    pid: at('pid'),
  };
}

const STANDARD_LAYOUT = layoutOf(STANDARD_FIELDS);
// Windows 10+ appends `pid`; used for header-less 18-column lines (a log cut by `tail`).
const STANDARD_PID_LAYOUT = layoutOf([...STANDARD_FIELDS, 'pid']);

// Windows writes TCP flags as letters (`AP`, `FA`, `S`); names follow FirewallEvent,
// in netfilter's order (fields.ts flagNames) so events from both families of logs
// compare equal.
const FLAG_BIT: Readonly<Record<string, number>> = { C: 1, E: 2, U: 4, A: 8, P: 16, R: 32, S: 64, F: 128 };

/** Sniff pattern for a data line (compiled once; never used per parsed line). */
const DATA_LINE = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} (?:DROP|ALLOW|OPEN|CLOSE|OPEN-INBOUND|INFO-EVENTS-LOST) /;

/** Digits-only unsigned integer <= max, or -1. Hand-rolled: Number() accepts '', ' 1', '0x1', '1e3'. */
function parseUint(s: string, max: number): number {
  const n = s.length;
  if (n === 0 || n > 10) return -1;
  let v = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v <= max ? v : -1;
}

// Per-field results without allocating: a value >= 0, or one of these.
/** An address field Windows left empty ('-'). */
const NO_ENDPOINT_IP = '-';
const NONE = -1; // '-' or a column the header does not have
const BAD = -2;
const MAX_U32 = 4294967295;
/** OPEN records remembered for the direction of their CLOSE. */
const MAX_OPEN_SESSIONS = 4096;

function nullable(v: number): number | null {
  return v === NONE ? null : v;
}

/**
 * The columns of one data line, found once and read in place: split(' ') made a
 * string for each of the 17-18 columns, and most are numbers or '-'. Reused for
 * every line (one per parser). Same columns as split(' '): two spaces make an empty one.
 */
export class Columns {
  private s = '';
  /** Column i is s[start[i], start[i + 1] - 1). */
  private readonly start: number[] = [0];
  count = 0;

  read(s: string): void {
    this.s = s;
    const start = this.start;
    let n = 0;
    let sp = s.indexOf(' ');
    while (sp >= 0) {
      start[++n] = sp + 1;
      sp = s.indexOf(' ', sp + 1);
    }
    start[n + 1] = s.length + 1;
    this.count = n + 1;
  }

  /** Column i's text (i must be a column). */
  at(i: number): string {
    return this.s.slice(this.start[i]!, this.start[i + 1]! - 1);
  }

  /** Column i is exactly `word`. */
  is(i: number, word: string): boolean {
    const a = this.start[i]!;
    return this.start[i + 1]! - 1 - a === word.length && this.s.startsWith(word, a);
  }

  /** The number in column `i` (<= max), NONE for '-' or no such column, BAD otherwise. */
  uint(i: number, max: number): number {
    if (i < 0) return NONE;
    const a = this.start[i]!;
    const b = this.start[i + 1]! - 1;
    const s = this.s;
    if (b - a === 1 && s.charCodeAt(a) === 45) return NONE;
    // Digits only (Number() accepts '', ' 1', '0x1', '1e3'); 10 digits reach 2^32.
    if (b === a || b - a > 10) return BAD;
    let v = 0;
    for (let k = a; k < b; k++) {
      const c = s.charCodeAt(k) - 48;
      if (c < 0 || c > 9) return BAD;
      v = v * 10 + c;
    }
    return v <= max ? v : BAD;
  }
}

/** 4 or 6 for a valid address, NONE for '-', BAD otherwise. */
function ipVersionOf(ip: string): 4 | 6 | typeof NONE | typeof BAD {
  if (ip === '-') return NONE;
  // A scope suffix (fe80::1%12) is not part of the address.
  const pct = ip.indexOf('%');
  const v = addressVersion(ip, 0, pct > 0 && pct < ip.length - 1 ? pct : ip.length);
  return v === 0 ? BAD : v;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function twoDigits(s: string, at: number): number {
  const a = s.charCodeAt(at) - 48;
  const b = s.charCodeAt(at + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/** `YYYY-MM-DD` + `HH:MM:SS` read by position; NaN if malformed, impossible (Feb 30) or out of range (timestampProblem says why). */
function readTimestamp(date: string, time: string, toEpoch: LocalTimeToEpoch): number {
  if (date.length !== 10 || time.length !== 8) return NaN;
  if (date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45 || time.charCodeAt(2) !== 58 || time.charCodeAt(5) !== 58) return NaN;
  const hi = twoDigits(date, 0);
  const lo = twoDigits(date, 2);
  const month = twoDigits(date, 5);
  const day = twoDigits(date, 8);
  const hour = twoDigits(time, 0);
  const minute = twoDigits(time, 3);
  const second = twoDigits(time, 6);
  if (hi < 0 || lo < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return NaN;
  const year = hi * 100 + lo;
  if (!yearInRange(year)) return NaN;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const maxDay = month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!;
  if (day > maxDay) return NaN;
  return toEpoch(year, month, day, hour, minute, second);
}

/** The malformed reason for a date and time readTimestamp() refused. */
function timestampProblem(date: string, time: string): LineReason {
  const hi = twoDigits(date, 0);
  const lo = twoDigits(date, 2);
  if (hi >= 0 && lo >= 0 && date.charCodeAt(4) === 45 && !yearInRange(hi * 100 + lo)) return reason('year-range-column', 'date', yearText(hi * 100 + lo));
  return reason('invalid-column', 'date/time', `'${date.slice(0, 16)} ${time.slice(0, 16)}'`);
}

function protocolName(p: string): string | null {
  const num = parseUint(p, 255);
  // Windows names only the common protocols and writes the others' numbers.
  if (num >= 0) return protoByNumber(num);
  // A name: letters, digits, '-', '.', starting with a letter (TCP, UDP, ICMPv6, IPv6-ICMP).
  const c0 = p.charCodeAt(0);
  if (!((c0 >= 65 && c0 <= 90) || (c0 >= 97 && c0 <= 122))) return null;
  for (let i = 1; i < p.length; i++) {
    const c = p.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45 || c === 46)) return null;
  }
  // Lowercased in place: protoByName's cached lookup measured slower per line, and Windows
  // writes no other spelling that differs from the event name.
  const lower = p.toLowerCase();
  return lower === 'ipv6-icmp' ? 'icmpv6' : lower;
}

/**
 * Strips leading NULs (pre-allocated file regions) and a byte-order mark, and trailing CR,
 * spaces, tabs, NULs. The input layer drops a BOM before a file's line 1; this one is
 * for a BOM further in, where logs were joined (`cat pfirewall.log.old pfirewall.log`).
 */
function clean(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) === 0) start++;
  if (text.charCodeAt(start) === 0xfeff) start++;
  while (end > start) {
    const c = text.charCodeAt(end - 1);
    if (c !== 13 && c !== 32 && c !== 9 && c !== 0) break;
    end--;
  }
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

function createParser(ctx: ParseContext, sink: LineSink): LineParser {
  const localToEpoch = localTimeConverter(ctx.tz, { inLogOrder: true, note: ctx.zoneNote, carry: ctx.timeCarry });
  let toEpoch: LocalTimeToEpoch = localToEpoch;
  let layout = STANDARD_LAYOUT;
  let sawFields = false;
  let missing: string | null = null; // a required field absent from the current #Fields header
  // Cache for the current second: consecutive records mostly share their timestamp.
  // Only a valid stamp is cached (null: none yet), so empty date and time fields never hit it.
  let lastDate: string | null = null;
  let lastTime: string | null = null;
  let lastMs = NaN;

  function header(line: string, lineNo: number): void {
    if (line.startsWith('#Fields:')) {
      const names = fieldsHeaderNames(line);
      layout = layoutOf(names);
      sawFields = true;
      missing = REQUIRED.find((n) => !names.includes(n)) ?? null;
      sink.skipped(lineNo, reason('fields-header', '', String(names.length)));
      return;
    }
    if (line.startsWith('#Time Format:')) {
      const value = line.slice(13).trim();
      // `UTC` is allowed by W3C though current Windows always writes Local: no zone maths then.
      toEpoch = value.toUpperCase() === 'UTC' ? wallClockMs : localToEpoch;
      lastDate = lastTime = null;
      sink.skipped(lineNo, reason('time-format-header', '', value));
      return;
    }
    const colon = line.indexOf(':');
    sink.skipped(lineNo, reason('header', '', colon > 0 ? line.slice(0, colon) : line.slice(0, 20)));
  }

  // Open sessions by their 5-tuple, so a CLOSE gets the direction of its OPEN. Bounded:
  // the oldest is forgotten first (its CLOSE then has no direction).
  const sessions = new Map<string, Direction>();
  const sessionKey = (f: Columns, L: Layout): string => `${f.at(L.protocol)} ${f.at(L.srcIp)} ${f.at(L.dstIp)} ${f.at(L.srcPort)} ${f.at(L.dstPort)}`;
  function openSession(f: Columns, L: Layout, direction: Direction): void {
    if (sessions.size >= MAX_OPEN_SESSIONS) sessions.delete(sessions.keys().next().value!);
    // Own copy: a key cut from the line would pin its whole input chunk.
    sessions.set(flat(sessionKey(f, L)), direction);
  }
  function closeSession(f: Columns, L: Layout): Direction | null {
    const key = sessionKey(f, L);
    const d = sessions.get(key) ?? null;
    sessions.delete(key);
    return d;
  }

  /** Reports a field that is present but unreadable; always returns undefined (for `return bad(…)`). */
  function bad(lineNo: number, text: string, field: string, value: string): void {
    sink.malformed(lineNo, text, reason('invalid-column', field, `'${value.slice(0, 64)}'`));
  }

  const dates = new SharedDates();

  const columns = new Columns();

  /** Builds every event in one place, fields in the contract's order. */
  function emit(
    ms: number, action: Action, direction: Direction | null, rule: string, proto: string, ipVersion: 4 | 6 | null,
    srcIp: string, srcPort: number | null, dstIp: string, dstPort: number | null,
    len: number | null, tcpFlags: string[] | null, tcpWindow: number | null, pid: number | null, icmp: FirewallEvent['icmp'], lineNo: number,
  ): void {
    sink.event({
      time: dates.of(ms),
      yearInferred: false,
      uptime: null,
      host: null,
      format: FORMAT_ID,
      action,
      direction,
      rule,
      inIface: null,
      outIface: null,
      proto,
      ipVersion,
      src: { ip: srcIp === '-' ? null : srcIp, port: srcPort },
      dst: { ip: dstIp === '-' ? null : dstIp, port: dstPort },
      ttl: null,
      len,
      tcpFlags,
      tcpWindow,
      pid,
      icmp,
      count: 1,
      origin: { file: ctx.file, line: lineNo },
      annotations: [],
    });
  }

  function lostEvent(f: Columns, L: Layout, lineNo: number, text: string): void {
    const lost = L.info >= 0 ? f.at(L.info) : '-';
    const ms = readTimestamp(f.at(L.date), f.at(L.time), toEpoch);
    if (Number.isNaN(ms)) {
      sink.malformed(lineNo, text, timestampProblem(f.at(L.date), f.at(L.time)));
      return;
    }
    const rule = lost === '-' ? LOST_RULE : `${LOST_RULE} ${lost}`;
    emit(ms, 'other', null, rule, 'other', null, NO_ENDPOINT_IP, null, NO_ENDPOINT_IP, null, null, null, null, null, null, lineNo);
  }

  function line(text: string, lineNo: number): void {
    const s = clean(text);
    if (s.length === 0) {
      sink.skipped(lineNo, BLANK_LINE);
      return;
    }
    if (s.charCodeAt(0) === 35 /* # */) {
      header(s, lineNo);
      return;
    }
    const f = columns;
    f.read(s);
    const L = !sawFields && f.count === STANDARD_PID_LAYOUT.count ? STANDARD_PID_LAYOUT : layout;
    if (missing !== null) {
      sink.malformed(lineNo, text, reason('not-in-header', missing));
      return;
    }
    if (f.count !== L.count) {
      sink.malformed(lineNo, text, { code: 'field-count', field: '', value: String(f.count), expected: L.count });
      return;
    }

    const word = f.at(L.action);
    let action: Action;
    let direction: Direction | null = null;
    switch (word) {
      case 'DROP':
        action = 'drop';
        break;
      case 'ALLOW':
      case 'CLOSE':
        action = 'allow';
        break;
      case 'OPEN': // a session this host opened (inbound ones are OPEN-INBOUND)
        action = 'allow';
        direction = 'out';
        break;
      case 'OPEN-INBOUND': // Windows XP SP2: an inbound connection was opened
        action = 'allow';
        direction = 'in';
        break;
      case 'INFO-EVENTS-LOST': {
        // Not a packet: the firewall could not write `info` records. Kept as an event
        // (action other, no addresses) so the gap shows in the output and the report.
        lostEvent(f, L, lineNo, text);
        return;
      }
      default:
        sink.malformed(lineNo, text, reason('unknown-column', 'action', `'${word.slice(0, 32)}'`));
        return;
    }

    let ms: number;
    if (lastDate !== null && lastTime !== null && f.is(L.date, lastDate) && f.is(L.time, lastTime)) {
      ms = lastMs;
    } else {
      const date = f.at(L.date);
      const time = f.at(L.time);
      ms = readTimestamp(date, time, toEpoch);
      if (Number.isNaN(ms)) {
        sink.malformed(lineNo, text, timestampProblem(date, time));
        return;
      }
      lastDate = date;
      lastTime = time;
      lastMs = ms;
    }

    const proto = protocolName(f.at(L.protocol));
    if (proto === null) {
      sink.malformed(lineNo, text, reason('invalid-column', 'protocol', `'${f.at(L.protocol).slice(0, 32)}'`));
      return;
    }

    const srcIp = f.at(L.srcIp);
    const dstIp = f.at(L.dstIp);
    const srcV = ipVersionOf(srcIp);
    if (srcV === BAD) return bad(lineNo, text, 'src-ip', srcIp);
    const dstV = ipVersionOf(dstIp);
    if (dstV === BAD) return bad(lineNo, text, 'dst-ip', dstIp);
    const ipVersion = srcV === NONE ? (dstV === NONE ? null : dstV) : srcV;

    const srcPort = f.uint(L.srcPort, 65535);
    if (srcPort === BAD) return bad(lineNo, text, 'src-port', f.at(L.srcPort));
    const dstPort = f.uint(L.dstPort, 65535);
    if (dstPort === BAD) return bad(lineNo, text, 'dst-port', f.at(L.dstPort));
    const size = f.uint(L.size, MAX_U32);
    if (size === BAD) return bad(lineNo, text, 'size', f.at(L.size));
    // Zeros that stand for "not recorded". Windows writes an ALLOW row when it permits a
    // connection (at connect or accept time), not for a packet it looked at: size is 0 and
    // tcpsyn/tcpack/tcpwin are 0 (tcpflags '-'; UDP rows have '-' there). A DROP row is a
    // packet and carries its own values, where a window of 0 is real (a RST, a zero-window
    // probe); a size of 0 is no packet's on any row (an IP header alone is 20 bytes).
    const placeholders = word === 'ALLOW';
    const len = size === 0 ? NONE : size;

    const isIcmp = proto === 'icmp' || proto === 'icmpv6';
    let icmp: FirewallEvent['icmp'] = null;
    if (isIcmp) {
      const type = f.uint(L.icmptype, 255);
      if (type === BAD) return bad(lineNo, text, 'icmptype', f.at(L.icmptype));
      const code = f.uint(L.icmpcode, 255);
      if (code === BAD) return bad(lineNo, text, 'icmpcode', f.at(L.icmpcode));
      icmp = { type: nullable(type), code: nullable(code), embedded: null };
    }

    let tcpFlags: string[] | null = null;
    let tcpWindow: number | null = null;
    if (proto === 'tcp') {
      const flags = L.tcpflags >= 0 ? f.at(L.tcpflags) : '-';
      // '-' means "not recorded" (allowed connections never log flags), not a NULL scan,
      // so it stays null rather than [] which downstream reads as "no flags set".
      if (flags !== '-') {
        let bits = 0;
        for (let i = 0; i < flags.length; i++) {
          const b = FLAG_BIT[flags[i]!];
          if (b === undefined) return bad(lineNo, text, 'tcpflags', flags);
          bits |= b;
        }
        tcpFlags = flagNames(bits);
      }
      const win = f.uint(L.tcpwin, MAX_U32);
      if (win === BAD) return bad(lineNo, text, 'tcpwin', f.at(L.tcpwin));
      tcpWindow = win === 0 && placeholders ? null : nullable(win);
    }

    // Windows 10+ appends the process id of the program on this host the packet was for or from.
    const pid = f.uint(L.pid, MAX_U32);
    if (pid === BAD) return bad(lineNo, text, 'pid', f.at(L.pid));

    const path = L.path >= 0 ? f.at(L.path) : '-';
    switch (path) {
      case 'RECEIVE':
        direction = 'in';
        break;
      case 'SEND':
        direction = 'out';
        break;
      case 'FORWARD':
        direction = 'forward';
        break;
      // Microsoft documents four values: SEND, RECEIVE, FORWARD and UNKNOWN. UNKNOWN says
      // nothing of the way the packet went, so it has no direction, like '-'; what is
      // this side's then follows from the addresses (and --home-net), as for every
      // record without one (util/egress.ts, aggregate/own-traffic.ts).
      case 'UNKNOWN':
      case '-':
        break;
      default:
        sink.malformed(lineNo, text, reason('unknown-column', 'path', `'${path.slice(0, 32)}'`));
        return;
    }

    // A CLOSE ends a session the firewall let through and takes its OPEN's direction. The log
    // may not hold the OPEN (opened before the log began, rotated away with the older file,
    // or forgotten): then the row cannot say which side opened it, so it has none, as an
    // UNKNOWN path row. Guessing `out` made a CLOSE to a trojan's port an outbound-malware
    // finding. Either way it is no probe: the `session-close` annotation says so.
    if (word === 'CLOSE') direction ??= closeSession(f, L);
    else if (direction !== null && (word === 'OPEN' || word === 'OPEN-INBOUND')) openSession(f, L, direction);

    // ICMP has no ports; Windows writes '-' there (some tools write the type twice).
    emit(ms, action, direction, word, proto, ipVersion, srcIp, isIcmp ? null : nullable(srcPort), dstIp, isIcmp ? null : nullable(dstPort),
      nullable(len), tcpFlags, tcpWindow, nullable(pid), icmp, lineNo);
  }

  return { line, end() {} };
}

/** The column names of a `#Fields:` header line (what comes before the `#Fields:`, a BOM or NULs, is ignored). */
export function fieldsHeaderNames(line: string): string[] {
  return line
    .slice(line.indexOf('#Fields:') + 8)
    .trim()
    .split(/\s+/)
    .filter((n) => n !== '');
}

const NO_RULE: RuleFields = Object.freeze({});

/** The rule of a row that says the firewall could not write records: `INFO-EVENTS-LOST 14`. */
const LOST_RULE = 'INFO-EVENTS-LOST';

export const windowsFirewallFormat: FormatDefinition = {
  id: FORMAT_ID,
  examples: [
    '#Fields: date time action protocol src-ip dst-ip src-port dst-port size tcpflags tcpsyn tcpack tcpwin icmptype icmpcode info path pid',
    '2024-07-29 13:23:35 ALLOW UDP 192.168.9.219 192.168.0.1 61535 53 0 - - - - - - - SEND 10452',
    '2005-04-11 08:06:27 DROP TCP 203.0.113.90 198.51.100.90 80 1774 576 AP 123456789 987654321 12345 - - - RECEIVE -',
  ],
  sniff(lines) {
    let considered = 0;
    let data = 0;
    let ownHeaders = 0;
    for (const raw of lines) {
      const l = clean(raw);
      if (l.length === 0) continue;
      if (l.startsWith('#Software: Microsoft Windows Firewall') || l.startsWith('#Fields: date time action protocol')) return 0.99;
      // The two other lines of its header: a W3C version no other log writes (IIS's is 1.0)
      // and a directive W3C does not define. Alone (explain reads a line at a time) they are
      // its header; among other lines, the data decides.
      if (/^#Version: 1\.5\s*$/.test(l) || l.startsWith('#Time Format: ')) {
        ownHeaders++;
        continue;
      }
      if (l.charCodeAt(0) === 35) continue; // other W3C headers say nothing on their own
      considered++;
      if (DATA_LINE.test(l)) data++;
    }
    if (considered === 0) return ownHeaders > 0 ? 0.5 : 0;
    if (data === 0) return 0;
    const ratio = data / considered;
    // Data lines alone are distinctive (date, time, upper-case verb) but not signed.
    return ratio >= 0.5 ? 0.5 + 0.4 * ratio : 0.3 * ratio;
  },
  create: createParser,
  // The action column (DROP, ALLOW, OPEN, …) and INFO-EVENTS-LOST: no rule is named.
  ruleFields: () => NO_RULE,
  // One ALLOW row per connection let through (OPEN, OPEN-INBOUND, CLOSE in the older
  // format: a session's start and end), one DROP row per packet dropped.
  connectionRecords: { action: 'allow' },
  // An INFO-EVENTS-LOST row: the firewall could not write some records (parsers/log-gaps.ts).
  logGapMarker: LOST_RULE,
};
