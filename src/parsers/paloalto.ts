// Palo Alto Networks PAN-OS TRAFFIC logs: the positional CSV a firewall (or Panorama) sends
// to syslog, bare or behind a BSD / RFC 5424 header (the envelope, syslog-envelope.ts):
//
//   <14>Nov 20 06:25:01 PA-3220 1,2026/11/20 06:25:01,012801000000,TRAFFIC,drop,2561,2026/11/20 06:25:01,203.0.113.7,192.168.1.10,0.0.0.0,0.0.0.0,interzone-default,,,not-applicable,vsys1,untrust,trust,ethernet1/1,,Log-Forwarding,2026/11/20 06:25:01,0,1,41234,23,0,0,0x0,tcp,deny,60,60,0,1,…
//
// Columns as Palo Alto's "Traffic Log Fields" (PAN-OS 8.1 to 11.x) list them, and as
// Filebeat's panw module reads them: PAN-OS versions add columns at the end, so only the
// first 31, the same in every version since 6.1, are read, by position; what follows the
// action (bytes, packets, times, categories, …) may hold anything. A value may be quoted
// (`"rule, one"`, `""` for a quote in it). Only TRAFFIC records are read: THREAT, SYSTEM,
// CONFIG, GLOBALPROTECT, … are skipped, saying the type.
//
// Mapping. Time: Generated Time, the firewall's local time (no zone: --tz). Host: the syslog
// header's, else the serial number. Subtype `end` is a session the firewall let through
// (or cut short: its action says), one connection record per session; `start` (written when
// a rule has "log at session start", besides its `end` line) is skipped: the session's `end`
// record counts it, so it is not counted twice; `drop` and `deny` are blocked attempts.
// Action: allow → allow; deny, drop, drop-icmp, drop-all-packets → drop; reset-client,
// reset-server, reset-both (the firewall answered with a TCP reset) → reject; anything else
// → other. Count: the Repeat Count (sessions alike within 5 seconds). Direction: only when
// the zone names say it: PAN-OS's default zones, untrust → trust in, trust → untrust out
// (signatures/zone-sides.json, which cef reads for PAN-OS's CEF records too; Filebeat's panw
// module likewise needs to be told which zones are internal and external); otherwise none,
// and the addresses (--home-net) decide.
// Rule: `<rule name> <source zone>-><destination zone>`; in ECS (paloaltoRuleFields) the
// name is rule.name and the zones the observer's ingress and egress zones.
import type { Action, FirewallEvent } from '../event.js';
import { addressVersion } from './address.js';
import { portIn, shown, uintIn } from './fields.js';
import { carriesPorts, protoByName } from '../util/protocols.js';
import { WallTimes } from './local-time.js';
import { zoneConvention } from './zone-direction.js';
import { malformed, PayloadReject, type RecordHead } from './netfilter.js';
import { NOT_MINE, type PayloadParser } from './payload.js';
import { syslogPayloadCreate } from './payload-dispatch.js';
import { d2, digitAt, impossible } from './timestamp.js';
import { fixedReason, reason, type LineReason } from './reason.js';
import { sniffMatching, type FormatDefinition, type ParseContext, type RuleFields } from './types.js';
import { SharedDates } from '../util/shared-date.js';
import { flat } from '../util/flat-string.js';

const ID = 'paloalto';

// ---------------------------------------------------------------- the columns read

/** Positions in the CSV, as Palo Alto's Traffic Log Fields number them from 0 (FUTURE_USE). */
const SERIAL = 2;
const TYPE = 3;
const SUBTYPE = 4;
const GENERATED = 6;
const SRC = 7;
const DST = 8;
const RULE = 11;
const FROM_ZONE = 16;
const TO_ZONE = 17;
const IN_IFACE = 18;
const OUT_IFACE = 19;
const REPEAT = 23;
const SPORT = 24;
const DPORT = 25;
const PROTO = 29;
const ACTION = 30;
/** Columns read: 0 … ACTION. */
const READ = ACTION + 1;

/** The documented names of the columns, for the reasons a line is malformed (`Destination Port: invalid port 'x'`). */
const NAMES: readonly string[] = [
  'FUTURE_USE', 'Receive Time', 'Serial Number', 'Type', 'Threat/Content Type', 'FUTURE_USE', 'Generated Time',
  'Source Address', 'Destination Address', 'NAT Source IP', 'NAT Destination IP', 'Rule Name', 'Source User',
  'Destination User', 'Application', 'Virtual System', 'Source Zone', 'Destination Zone', 'Inbound Interface',
  'Outbound Interface', 'Log Action', 'FUTURE_USE', 'Session ID', 'Repeat Count', 'Source Port', 'Destination Port',
  'NAT Source Port', 'NAT Destination Port', 'Flags', 'Protocol', 'Action',
];

/** Where each of the first READ columns is in the current line. Reused across lines. */
class Columns {
  readonly start = new Int32Array(READ);
  readonly end = new Int32Array(READ);
  /** Bit per column (below 31): the value was quoted and holds a `""`. */
  escaped = 0;
  /** Columns found (at most READ). */
  count = 0;
  /** The line ends inside a quoted value: the column it is in; -1 when not. */
  unclosed = -1;

  /** Splits s[start, end) at its commas, up to column READ - 1; a quoted value is read without its quotes. */
  read(s: string, start: number, end: number): void {
    this.escaped = 0;
    this.unclosed = -1;
    let n = 0;
    let i = start;
    for (;;) {
      if (s.charCodeAt(i) === 0x22 && i < end) {
        const vs = ++i;
        for (;;) {
          const q = s.indexOf('"', i);
          if (q < 0 || q >= end) {
            this.unclosed = n;
            this.count = n;
            return;
          }
          if (s.charCodeAt(q + 1) === 0x22 && q + 1 < end) {
            this.escaped |= 1 << n;
            i = q + 2;
            continue;
          }
          this.start[n] = vs;
          this.end[n] = q;
          i = q + 1;
          break;
        }
        // Anything between the closing quote and the comma is passed over.
        const c = s.indexOf(',', i);
        i = c < 0 || c >= end ? end : c;
      } else {
        const c = s.indexOf(',', i);
        const e = c < 0 || c >= end ? end : c;
        this.start[n] = i;
        this.end[n] = e;
        i = e;
      }
      n++;
      if (n === READ || i >= end) break;
      i++;
    }
    this.count = n;
  }

  empty(k: number): boolean {
    return this.start[k] === this.end[k];
  }

  is(s: string, k: number, word: string): boolean {
    const a = this.start[k]!;
    return this.end[k]! - a === word.length && s.startsWith(word, a);
  }

  text(s: string, k: number): string {
    const t = s.slice(this.start[k]!, this.end[k]!);
    return (this.escaped & (1 << k)) !== 0 ? t.replace(/""/g, '"') : t;
  }
}

// ---------------------------------------------------------------- the values

/** How each action a traffic record may have is counted. */
const ACTIONS: Readonly<Record<string, Action>> = Object.assign(Object.create(null) as Record<string, Action>, {
  allow: 'allow',
  deny: 'drop',
  drop: 'drop',
  'drop-icmp': 'drop',
  'drop-all-packets': 'drop',
  'reset-client': 'reject',
  'reset-server': 'reject',
  'reset-both': 'reject',
});

/** `YYYY/MM/DD HH:MM:SS` at s[i]: true when its digits and separators are there. */
function stampAt(s: string, i: number): boolean {
  return (
    d2(s, i) >= 0 && d2(s, i + 2) >= 0 && s.charCodeAt(i + 4) === 0x2f && d2(s, i + 5) >= 0 && s.charCodeAt(i + 7) === 0x2f &&
    d2(s, i + 8) >= 0 && s.charCodeAt(i + 10) === 0x20 && d2(s, i + 11) >= 0 && s.charCodeAt(i + 13) === 0x3a &&
    d2(s, i + 14) >= 0 && s.charCodeAt(i + 16) === 0x3a && d2(s, i + 17) >= 0
  );
}

/** `interzone-default untrust->trust`: the label cef writes for PAN-OS's CEF records too, so both read alike. */
export function paloaltoRuleLabel(name: string, from: string, to: string): string {
  return `${labelPart(name, false)} ${labelPart(from, true)}->${labelPart(to, true)}`;
}

/** A name in a rule label: bare when it can be read back so, else quoted (`"web, in"`); `-` for none. */
function labelPart(name: string, zone: boolean): string {
  if (name === '') return '-';
  if (name === '-' || /[\s"\\]/.test(name) || (zone && name.includes('->'))) return `"${name.replace(/["\\]/g, '\\$&')}"`;
  return name;
}

// ---------------------------------------------------------------- the parser

const MISSING_SRC = fixedReason('missing', NAMES[SRC]);
const MISSING_DST = fixedReason('missing', NAMES[DST]);
const MISSING_PROTO = fixedReason('missing', NAMES[PROTO]);
const MISSING_ACTION = fixedReason('missing', NAMES[ACTION]);
const MISSING_DPORT = fixedReason('missing', NAMES[DPORT]);
const MISSING_TIME = fixedReason('missing', NAMES[GENERATED]);
const DST_FAMILY = fixedReason('family-differs', NAMES[DST], NAMES[SRC]);
const SESSION_START = fixedReason('paloalto-session-start');

class PaloaltoPayload implements PayloadParser {
  readonly format = ID;
  private readonly c = new Columns();
  /** PAN-OS's default zones, trust and untrust (signatures/zone-sides.json); other names say no side. */
  private readonly zones = zoneConvention('paloalto');
  private readonly dates = new SharedDates();
  private readonly rules = new Map<string, string>();
  private lastHost = '';
  /** The last Generated Time read and its instant (a log repeats a second many times). */
  private lastStamp = '';
  private lastStampMs = NaN;
  private timeError: LineReason | null = null;
  private readonly wall: WallTimes;

  constructor(
    private readonly file: string,
    ctx: Pick<ParseContext, 'tz' | 'zoneNote' | 'timeCarry'>,
  ) {
    this.wall = new WallTimes(ctx);
  }

  parse(s: string, start: number, end: number, head: RecordHead, lineNo: number): FirewallEvent | PayloadReject {
    const at = paloaltoAt(s, start, end);
    if (at < 0) return NOT_MINE;
    // Read from a header's host name on (no host in it): that host is none.
    const host = at === start ? head.host : null;
    start = at;
    const c = this.c;
    c.read(s, start, end);
    if (c.count <= TYPE) return c.unclosed >= 0 ? malformed(reason('unclosed', NAMES[c.unclosed], '"')) : NOT_MINE;
    if (!c.is(s, TYPE, 'TRAFFIC')) return new PayloadReject(false, reason('paloalto-not-traffic', '', shown(c.text(s, TYPE))));
    if (c.count > SUBTYPE && c.is(s, SUBTYPE, 'start')) return new PayloadReject(false, SESSION_START);
    if (c.unclosed >= 0) return malformed(reason('unclosed', NAMES[c.unclosed], '"'));
    // A line cut before the action (by a syslog daemon's length limit): the verdict is gone.
    if (c.count < READ) return malformed(reason('cut-before', '', NAMES[c.count]));

    if (c.empty(SRC)) return malformed(MISSING_SRC);
    if (c.empty(DST)) return malformed(MISSING_DST);
    const ver = addressVersion(s, c.start[SRC]!, c.end[SRC]!);
    if (ver === 0) return malformed(reason('invalid-address', NAMES[SRC], shown(c.text(s, SRC))));
    const dver = addressVersion(s, c.start[DST]!, c.end[DST]!);
    if (dver === 0) return malformed(reason('invalid-address', NAMES[DST], shown(c.text(s, DST))));
    if (dver !== ver) return malformed(DST_FAMILY);

    if (c.empty(PROTO)) return malformed(MISSING_PROTO);
    const proto = protoByName(c.text(s, PROTO));
    const hasPorts = carriesPorts(proto);
    let sport = -1;
    let dport = -1;
    if (hasPorts) {
      if (c.empty(DPORT)) return malformed(MISSING_DPORT);
      dport = portIn(s, c.start[DPORT]!, c.end[DPORT]!);
      if (dport < 0) return malformed(reason('invalid-port', NAMES[DPORT], shown(c.text(s, DPORT))));
      if (!c.empty(SPORT)) {
        sport = portIn(s, c.start[SPORT]!, c.end[SPORT]!);
        if (sport < 0) return malformed(reason('invalid-port', NAMES[SPORT], shown(c.text(s, SPORT))));
      }
    }

    if (c.empty(ACTION)) return malformed(MISSING_ACTION);
    const action = ACTIONS[s.slice(c.start[ACTION]!, c.end[ACTION]!)] ?? 'other';

    // Sessions alike within 5 seconds, folded into one record (0 and empty: the one record).
    let repeat = 1;
    if (!c.empty(REPEAT)) {
      repeat = uintIn(s, c.start[REPEAT]!, c.end[REPEAT]!);
      if (repeat < 0) return malformed(reason('invalid', NAMES[REPEAT], shown(c.text(s, REPEAT))));
      if (repeat === 0) repeat = 1;
    }

    if (c.empty(GENERATED)) return malformed(MISSING_TIME);
    const ms = this.time(s);
    if (ms !== ms) return malformed(this.timeError!);

    const from = c.text(s, FROM_ZONE);
    const to = c.text(s, TO_ZONE);
    const direction = this.zones.direction(from, to);

    return {
      time: this.dates.of(ms),
      yearInferred: false,
      uptime: head.uptime,
      host: host ?? (c.empty(SERIAL) ? null : this.serial(s)),
      format: ID,
      action,
      direction,
      rule: this.rule(c.text(s, RULE), from, to),
      inIface: c.empty(IN_IFACE) ? null : c.text(s, IN_IFACE),
      outIface: c.empty(OUT_IFACE) ? null : c.text(s, OUT_IFACE),
      proto,
      ipVersion: ver,
      src: { ip: c.text(s, SRC), port: sport >= 0 ? sport : null },
      dst: { ip: c.text(s, DST), port: dport >= 0 ? dport : null },
      ttl: null,
      len: null,
      // A session record says nothing of the packets' flags: unknown, not a NULL scan's [].
      tcpFlags: null,
      tcpWindow: null,
      pid: null,
      // PAN-OS's traffic log has no ICMP type or code.
      icmp: proto === 'icmp' || proto === 'icmpv6' ? { type: null, code: null, embedded: null } : null,
      count: head.count * repeat,
      origin: { file: this.file, line: lineNo },
      annotations: [],
    };
  }

  /** The serial number, as the host of a record without a syslog header; the same string as the line before when it repeats. */
  private serial(s: string): string {
    const c = this.c;
    const h = this.lastHost;
    const a = c.start[SERIAL]!;
    if (h.length === c.end[SERIAL]! - a && s.startsWith(h, a) && (c.escaped & (1 << SERIAL)) === 0) return h;
    return (this.lastHost = flat(c.text(s, SERIAL)));
  }

  /** `interzone-default untrust->trust`, `"web, in" untrust->dmz`: one string per distinct label. */
  private rule(name: string, from: string, to: string): string {
    const key = `${name}\n${from}\n${to}`;
    let r = this.rules.get(key);
    if (r === undefined) {
      if (this.rules.size >= 4096) this.rules.clear();
      this.rules.set(key, (r = paloaltoRuleLabel(name, from, to)));
    }
    return r;
  }

  /** Generated Time (ms), read in --tz; NaN with timeError set when it cannot be read. */
  private time(s: string): number {
    const c = this.c;
    const a = c.start[GENERATED]!;
    const n = c.end[GENERATED]! - a;
    const last = this.lastStamp;
    if (n === last.length && s.startsWith(last, a)) return this.lastStampMs;
    if (n !== 19 || !stampAt(s, a)) {
      this.timeError = reason('invalid', NAMES[GENERATED], shown(c.text(s, GENERATED)));
      return NaN;
    }
    const y = d2(s, a) * 100 + d2(s, a + 2);
    const mo = d2(s, a + 5);
    const d = d2(s, a + 8);
    const h = d2(s, a + 11);
    const mi = d2(s, a + 14);
    const sec = d2(s, a + 17);
    const err = impossible(y, mo, d, h, mi, sec);
    if (err !== null) {
      this.timeError = err;
      return NaN;
    }
    const ms = this.wall.ms(y, mo, d, h, mi, sec);
    this.lastStamp = s.slice(a, a + n);
    this.lastStampMs = ms;
    return ms;
  }
}

/**
 * Index of a PAN-OS record in s[start, end): its first column (digits: FUTURE_USE, `1`)
 * then the Receive Time (`,2026/11/20 06:25:01,`) at the message's start (or just before
 * it, see below); -1 otherwise.
 * A few compares: the dispatcher asks it of every line no other format owns.
 */
export function paloaltoAt(s: string, start: number, end: number): number {
  if (recordAt(s, start, end)) return start;
  // A BSD header without a host name (`Jul 13 20:39:44 1,2026/07/13 20:39:44,…`): the
  // envelope took the first column and the date for the host, the message starts at the time.
  if (start < 12 || s.charCodeAt(start - 1) !== 0x20 || s.charCodeAt(start - 12) !== 0x2c) return -1;
  let i = start - 12;
  while (i > 0 && start - 12 - i < 10 && digitAt(s, i - 1) >= 0) i--;
  return (i === 0 || s.charCodeAt(i - 1) === 0x20) && recordAt(s, i, end) ? i : -1;
}

/** The first column (digits: FUTURE_USE, `1`) then the Receive Time at s[i]. */
function recordAt(s: string, start: number, end: number): boolean {
  let i = start;
  while (i < end && i - start < 10 && digitAt(s, i) >= 0) i++;
  if (i === start || s.charCodeAt(i) !== 0x2c || i + 21 > end) return false;
  return stampAt(s, i + 1) && s.charCodeAt(i + 20) === 0x2c;
}

export function createPaloaltoPayload(ctx: Pick<ParseContext, 'file' | 'tz' | 'zoneNote' | 'timeCarry'>): PayloadParser {
  return new PaloaltoPayload(ctx.file, ctx);
}

/** Sniff-only pattern (compiled once): the first columns of every PAN-OS log, any type: `1,YYYY/MM/DD HH:MM:SS,serial,TYPE,`. */
const RECORD = /(?:^|[\s>])\d{1,10},\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d,[^,]*,[A-Z][A-Z-]*,/;

const sniff = sniffMatching(RECORD);

/** One name of a rule label at rule[i]: bare up to `stop` (or the end), or quoted; [text, index after it]. */
function labelName(rule: string, i: number, stop: string): [string, number] {
  if (rule.charCodeAt(i) === 0x22) {
    let name = '';
    let j = i + 1;
    for (; j < rule.length && rule.charCodeAt(j) !== 0x22; j++) {
      if (rule.charCodeAt(j) === 0x5c) j++;
      name += rule.charAt(j);
    }
    return [name, j + 1];
  }
  let j = rule.indexOf(stop, i);
  if (j < 0) j = rule.length;
  const name = rule.slice(i, j);
  return [name === '-' ? '' : name, j];
}

/**
 * The rule label in ECS terms, as Elastic's panw integration maps the columns: the rule
 * name is rule.name, the source and destination zones observer.ingress.zone and
 * observer.egress.zone.
 */
export function paloaltoRuleFields(rule: string): RuleFields {
  const fields: RuleFields = {};
  const [name, p] = labelName(rule, 0, ' ');
  if (name !== '') fields.name = name;
  if (rule.charCodeAt(p) !== 0x20) return fields;
  const [from, q] = labelName(rule, p + 1, '->');
  if (!rule.startsWith('->', q)) return fields;
  const [to] = labelName(rule, q + 2, '\n');
  if (from !== '') fields.ingressZone = from;
  if (to !== '') fields.egressZone = to;
  return fields;
}

export const paloaltoFormat: FormatDefinition = {
  id: ID,
  examples: [
    '<14>Nov 20 06:25:01 PA-3220 1,2026/11/20 06:25:01,012801000000,TRAFFIC,drop,2561,2026/11/20 06:25:01,203.0.113.7,192.168.1.10,0.0.0.0,0.0.0.0,interzone-default,,,not-applicable,vsys1,untrust,trust,ethernet1/1,,Log-Forwarding,2026/11/20 06:25:01,0,1,41234,23,0,0,0x0,tcp,deny,60,60,0,1,2026/11/20 06:25:01,0,any,0,7300000001,0x0,Netherlands,192.168.0.0-192.168.255.255,0,1,0,policy-deny,0,0,0,0,,PA-3220,from-policy,,,0,,0,,N/A,0,0,0,0',
    '<14>Nov 20 06:30:12 PA-3220 1,2026/11/20 06:30:12,012801000000,TRAFFIC,end,2561,2026/11/20 06:30:12,192.168.1.23,198.51.100.80,203.0.113.2,198.51.100.80,allow-web-out,,,ssl,vsys1,trust,untrust,ethernet1/2,ethernet1/1,Log-Forwarding,2026/11/20 06:30:12,41877,1,50514,443,50514,443,0x40001c,tcp,allow,7579,2314,5265,45,2026/11/20 06:30:00,12,computer-and-internet-info,0,7300000002,0x0,192.168.0.0-192.168.255.255,United States,0,33,12,tcp-fin,0,0,0,0,,PA-3220,from-policy,,,0,,0,,N/A,0,0,0,0',
    '1,2026/11/20 06:31:40,012801000000,TRAFFIC,deny,2561,2026/11/20 06:31:40,2001:db8::7,2001:db8:1::10,,,"block, inbound v6",,,ping,vsys1,untrust,dmz,ethernet1/1,ethernet1/3,Log-Forwarding,2026/11/20 06:31:40,0,3,0,0,0,0,0x2000,ipv6-icmp,reset-both,312,312,0,3,2026/11/20 06:31:38,0,any,0,7300000003,0x0,2001:db8::-2001:db8:ffff:ffff:ffff:ffff:ffff:ffff,2001:db8:1::-2001:db8:1:ffff:ffff:ffff:ffff:ffff,0,3,0,policy-deny,0,0,0,0,,PA-3220,from-policy,,,0,,0,,N/A,0,0,0,0',
  ],
  sniff,
  // An allowed TRAFFIC record is a session the firewall let through, logged when it ends, not
  // one per packet: counted as connections, as Windows Firewall's ALLOW rows are
  // (connection-records.ts). Its `start` record, written besides, is skipped (the parser).
  connectionRecords: { action: 'allow' },
  create: syslogPayloadCreate(createPaloaltoPayload, ',TRAFFIC,'),
  ruleFields: paloaltoRuleFields,
};
