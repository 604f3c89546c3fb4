// Hillstone Networks (山石网科) StoneOS firewalls (SG-6000, E/A/X-series, CloudEdge), as they
// send their logs to syslog: a BSD header whose host is the device's serial number with its
// VSYS in parentheses, then the log id (hex or decimal), then `[HillstoneNetworks#]Type@MODULE: `
// and the log's text (read by the envelope, syslog-envelope.ts; the message starts at the id):
//
//   <190>Nov 25 13:34:03 2812239202000738(root) 44243630 Traffic@FLOW: SESSION: 10.18.9.34:58813->10.16.6.14:8004(TCP), application Redis, interface ethernet0/8, vr trust-vr, policy 1198, user -@- host - mac 0000.0000.0000, send packets 11, send bytes 713, receive packets 7, receive bytes 428, start time 2021-11-25 13:32:32, close time 2021-11-25 13:34:03, session end, TCP FIN
//   <188>Mar 8 17:26:44 5821838205000143(root) 4424363e HillstoneNetworks#Traffic@FLOW: SESSION: 2.1.1.200:53262(ethernet0/1)->3.1.1.200:21(ethernet0/0), Protocol TCP, vr trustvr, policy 11, user -@-, host -, mac 0000.0000.0000, zone from trust to trust, session start
//
// Read: `Traffic@FLOW: SESSION:` records, the policy's verdicts. `policy deny` is a packet the
// policy dropped; `session start` a connection the policy let through (the policy meets its
// first packet only: the rest ride the session); `session end` (with why: TCP FIN, TCP RST,
// Ageout) the same connection at its close, skipped when its start was read (the same
// protocol, addresses and ports among the last 4,096 starts: hillstone-session-end), else
// counted as the connection (a policy logging session ends only). The rest is skipped saying
// its type: Traffic@FLOW NAT records (`NAT:`, and the older key-value `srcip …, nattype …`),
// Security, Threat, Event, Config and CRIT logs.
//
// Items after the addresses are `key value` separated by commas, which the device does not
// always write (`user -@- host -`, `send packets 1,send bytes 74`): each item is found by its
// leading words, whatever the others hold. Messages may end with `\n` and a NUL, as bytes or
// written out (`\n\u0000`): cut off.
//
// Mapping. Time: the record's `close time` (YYYY-MM-DD HH:MM:SS, the device's local time,
// read in --tz), else the header's (also in --tz). Host: the header's (serial(VSYS)).
// Interfaces: `(ethernet0/1)` after each address (a start record), else `interface X` (the
// ingress). Protocol: `(TCP)` after the destination, else `Protocol TCP`. Direction: the zones
// (`zone from trust to untrust`) by Hillstone's default zones in signatures/zone-sides.json;
// where they say nothing (no zones: a deny, an end; mgt, VPNHub, a zone of the user's naming)
// the addresses' sides (--home-net, else the local ranges), as Meraki's: from elsewhere to this
// side in, the reverse out, this side to this side forward, neither null. Rule: `policy N [from->to]`.
// ICMP: no published record writes an ICMP type or code: icmp is null, and what stands after
// an ICMP address's colon is no port. IPv6 `addr:port` is read with its last group the port
// when the protocol carries ports (`[addr]:port` too).
import type { Action, Direction, FirewallEvent } from '../event.js';
import { addressVersion } from './address.js';
import { portIn, shown } from './fields.js';
import { IsoStamps } from './iso-stamp.js';
import { WallTimes } from './local-time.js';
import { malformed, PayloadReject, type RecordHead } from './netfilter.js';
import { NOT_MINE, type PayloadParser } from './payload.js';
import { syslogPayloadCreate } from './payload-dispatch.js';
import { fixedReason, reason, type LineReason } from './reason.js';
import { OpenSessions } from './open-sessions.js';
import { zonedRuleFields } from './rule-label.js';
import { recordShare, type FormatDefinition, type ParseContext } from './types.js';
import { zoneConvention } from './zone-direction.js';
import { SharedDates } from '../util/shared-date.js';
import { flat } from '../util/flat-string.js';
import { Interner } from '../util/interner.js';
import { sideDirection } from '../util/egress.js';
import { carriesPorts, protoByName } from '../util/protocols.js';

const ID = 'hillstone';

/** Written before the type by StoneOS 5.5 (`HillstoneNetworks#Traffic@FLOW:`). */
const VENDOR_TAG = 'HillstoneNetworks#';
const TRAFFIC_FLOW = 'Traffic@FLOW';
const SESSION = 'SESSION: ';

/** Starts remembered for their session's end record. */
const MAX_OPEN = 4096;
/** Skip reasons kept per type text (a handful in a file; the bound keeps a hostile one small). */
const MAX_SKIP_REASONS = 64;

const NO_ARROW = fixedReason('expected', 'SESSION', 'src:port->dst:port');
const MISSING_PROTO = fixedReason('missing', 'protocol');
const MISSING_VERDICT = fixedReason('missing', 'verdict');
const MISSING_SRC_PORT = fixedReason('missing', 'src port');
const MISSING_DST_PORT = fixedReason('missing', 'dst port');
const DST_FAMILY = fixedReason('family-differs', 'dst', 'src');
const SESSION_END = fixedReason('hillstone-session-end');

/** What a SESSION record says it is. */
const DENY = 1;
const START = 2;
const END = 3;

function isHex(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);
}

function isLetter(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}

/**
 * Index of the log type (`Traffic` of `Traffic@FLOW: `) in message s[start, end), after the
 * log id (1-16 hex digits and a space) and the optional `HillstoneNetworks#`; -1 when the
 * message is not shaped so. A few compares: cheap enough for the dispatcher to ask of every
 * line no other format owns.
 */
export function hillstoneAt(s: string, start: number, end: number): number {
  let i = start;
  const lim = Math.min(end, start + 16);
  while (i < lim && isHex(s.charCodeAt(i))) i++;
  if (i === start || i >= end || s.charCodeAt(i) !== 0x20) return -1;
  i++;
  if (s.startsWith(VENDOR_TAG, i)) i += VENDOR_TAG.length;
  const t = i;
  const typeLim = Math.min(end, t + 16);
  while (i < typeLim && isLetter(s.charCodeAt(i))) i++;
  if (i === t || i >= end || s.charCodeAt(i) !== 0x40) return -1;
  const m = ++i;
  const moduleLim = Math.min(end, m + 16);
  while (i < moduleLim) {
    const c = s.charCodeAt(i);
    if (!((c >= 0x41 && c <= 0x5a) || c === 0x5f)) break;
    i++;
  }
  return i > m && i + 1 < end && s.charCodeAt(i) === 0x3a && s.charCodeAt(i + 1) === 0x20 ? t : -1;
}

/** The message's end before a trailing NUL, line feed or their written-out escapes (`\n\u0000`). */
function cutTail(s: string, start: number, end: number): number {
  for (;;) {
    const c = end > start ? s.charCodeAt(end - 1) : -1;
    if (c === 0 || c === 0x0a || c === 0x0d || c === 0x20) end--;
    else if (end - start >= 6 && s.startsWith('\\u0000', end - 6)) end -= 6;
    else if (end - start >= 2 && s.startsWith('\\n', end - 2)) end -= 2;
    else return end;
  }
}

class HillstonePayload implements PayloadParser {
  readonly format = ID;
  private readonly dates = new SharedDates();
  private readonly rules = new Interner();
  private readonly names = new Interner();
  private readonly zones = zoneConvention('hillstone');
  /** Session starts waiting for their end record (bounded: the oldest goes first). */
  private readonly open = new OpenSessions(MAX_OPEN);
  private readonly skips = new Map<string, LineReason>();
  private readonly stamps: IsoStamps;
  // The current record's items, as positions (-1: absent): nothing sliced until asked for.
  private verdict = 0;
  private policyA = -1;
  private policyB = -1;
  private fromA = -1;
  private fromB = -1;
  private toA = -1;
  private toB = -1;
  private ifaceA = -1;
  private ifaceB = -1;
  private protoA = -1;
  private protoB = -1;
  private closeA = -1;
  private closeB = -1;

  constructor(
    private readonly file: string,
    ctx: Pick<ParseContext, 'tz' | 'zoneNote' | 'timeCarry'>,
  ) {
    this.stamps = new IsoStamps({ field: 'close time', wall: new WallTimes(ctx) });
  }

  parse(s: string, start: number, end: number, head: RecordHead, lineNo: number): FirewallEvent | PayloadReject {
    const t = hillstoneAt(s, start, end);
    if (t < 0) return NOT_MINE;
    end = cutTail(s, t, end);
    const colon = s.indexOf(': ', t);
    const body = colon + 2;
    if (colon - t !== TRAFFIC_FLOW.length || !s.startsWith(TRAFFIC_FLOW, t)) return this.skip(s.slice(t, colon));
    if (!s.startsWith(SESSION, body)) return this.skip(`${TRAFFIC_FLOW} ${this.kindOf(s, body, end)}`);

    // The addresses: `SRC->DST` up to the first comma, each maybe with `(…)` after it.
    const a = body + SESSION.length;
    const comma = s.indexOf(',', a);
    const stop = comma < 0 || comma > end ? end : comma;
    const arrow = s.indexOf('->', a);
    if (arrow < 0 || arrow >= stop) return malformed(NO_ARROW);
    this.items(s, stop, end);

    // `(ethernet0/1)` after an address is its interface when a `Protocol` item names the protocol.
    const [srcEnd, srcParen] = parenAt(s, a, arrow);
    const [dstEnd, dstParen] = parenAt(s, arrow + 2, stop);
    let inIface: string | null = null;
    let outIface: string | null = null;
    let protoText: string;
    if (this.protoA >= 0) {
      protoText = s.slice(this.protoA, this.protoB);
      // parenAt found each `(…)` closing its address's text: it ends one before the arrow, the comma.
      if (srcParen >= 0) inIface = this.names.of(s.slice(srcParen, arrow - 1));
      if (dstParen >= 0) outIface = this.names.of(s.slice(dstParen, stop - 1));
    } else if (dstParen >= 0) {
      protoText = s.slice(dstParen, stop - 1);
    } else return malformed(MISSING_PROTO);
    if (protoText === '') return malformed(MISSING_PROTO);
    if (inIface === null && this.ifaceA >= 0) inIface = this.names.of(s.slice(this.ifaceA, this.ifaceB));
    const proto = protoByName(protoText);
    const ports = carriesPorts(proto);

    const src = endpoint(s, a, srcEnd, ports, 'src');
    if (src instanceof PayloadReject) return src;
    const dst = endpoint(s, arrow + 2, dstEnd, ports, 'dst');
    if (dst instanceof PayloadReject) return dst;
    if (src.version !== dst.version) return malformed(DST_FAMILY);
    if (ports && src.port < 0) return malformed(MISSING_SRC_PORT);
    if (ports && dst.port < 0) return malformed(MISSING_DST_PORT);

    const verdict = this.verdict;
    if (verdict === 0) return malformed(MISSING_VERDICT);
    const action: Action = verdict === DENY ? 'drop' : 'allow';

    let time = head.time;
    let yearInferred = head.yearInferred;
    if (this.closeA >= 0) {
      const ms = this.closeB - this.closeA === 19 ? this.stamps.read(s, this.closeA, this.closeB) : NaN;
      if (ms !== ms) return malformed((this.closeB - this.closeA === 19 ? this.stamps.error : null) ?? reason('invalid', 'close time', shown(s.slice(this.closeA, this.closeB))));
      time = this.dates.of(ms);
      yearInferred = false;
    }

    // One connection: its start record when the policy logs it, then its end. The first counts it.
    if (verdict !== DENY) {
      const key = OpenSessions.key(proto, src.ip, src.port, dst.ip, dst.port);
      if (verdict === START) {
        this.open.add(key);
      } else if (this.open.delete(key)) {
        return new PayloadReject(false, SESSION_END);
      }
    }

    const from = this.fromA >= 0 ? this.names.of(s.slice(this.fromA, this.fromB)) : null;
    const to = this.toA >= 0 ? this.names.of(s.slice(this.toA, this.toB)) : null;
    // The zones when they say; else (no zones, or one of the user's naming) the addresses' sides.
    const direction: Direction | null = (from !== null || to !== null ? this.zones.direction(from, to) : null) ?? sideDirection(src.ip, dst.ip, 'forward');
    return {
      time,
      yearInferred,
      uptime: head.uptime,
      host: head.host,
      format: ID,
      action,
      direction,
      rule: this.rule(s, from, to),
      inIface,
      outIface,
      proto,
      ipVersion: src.version,
      src: { ip: src.ip, port: src.port >= 0 ? src.port : null },
      dst: { ip: dst.ip, port: dst.port >= 0 ? dst.port : null },
      ttl: null,
      len: null,
      // The record names no TCP flags: unknown, not a NULL scan's [].
      tcpFlags: null,
      tcpWindow: null,
      pid: null,
      icmp: null,
      count: head.count,
      origin: { file: this.file, line: lineNo },
      annotations: [],
    };
  }

  /** Finds the items read in s[from, end): `policy deny`, `policy N`, `session start|end`, `zone from X to Y`, `interface X`, `Protocol X`, `close time T`. */
  private items(s: string, from: number, end: number): void {
    this.verdict = 0;
    this.policyA = this.fromA = this.toA = this.ifaceA = this.protoA = this.closeA = -1;
    let i = from;
    while (i < end) {
      // Past the comma and its spaces.
      i++;
      while (i < end && s.charCodeAt(i) === 0x20) i++;
      let k = s.indexOf(',', i);
      if (k < 0 || k > end) k = end;
      let e = k;
      while (e > i && s.charCodeAt(e - 1) === 0x20) e--;
      switch (s.charCodeAt(i)) {
        case 0x70: // p
          if (s.startsWith('policy ', i)) {
            if (e - i === 11 && s.startsWith('deny', i + 7)) this.verdict = DENY;
            else {
              this.policyA = i + 7;
              this.policyB = e;
            }
          }
          break;
        case 0x73: // s
          if (s.startsWith('session ', i)) {
            if (e - i === 13 && s.startsWith('start', i + 8)) this.verdict = START;
            else if (e - i === 11 && s.startsWith('end', i + 8)) this.verdict = END;
          }
          break;
        case 0x7a: // z
          if (s.startsWith('zone from ', i)) {
            const to = s.indexOf(' to ', i + 10);
            if (to > 0 && to < e) {
              this.fromA = i + 10;
              this.fromB = to;
              this.toA = to + 4;
              this.toB = e;
            }
          }
          break;
        case 0x69: // i
          if (s.startsWith('interface ', i) && e > i + 10) {
            this.ifaceA = i + 10;
            this.ifaceB = e;
          }
          break;
        case 0x50: // P
          if (s.startsWith('Protocol ', i)) {
            this.protoA = i + 9;
            this.protoB = e;
          }
          break;
        case 0x63: // c
          if (s.startsWith('close time ', i)) {
            this.closeA = i + 11;
            this.closeB = e;
          }
          break;
      }
      i = k;
    }
  }

  /** A Traffic@FLOW body's kind: `NAT` (`NAT:`, or the older key-value record with its `nattype`), else its first word. */
  private kindOf(s: string, body: number, end: number): string {
    if (s.startsWith('NAT:', body)) return 'NAT';
    const n = s.indexOf('nattype ', body);
    if (n >= 0 && n < end) return 'NAT';
    let k = body;
    while (k < end && k - body < 24 && isLetter(s.charCodeAt(k))) k++;
    return s.slice(body, k);
  }

  /** Skipped, saying the log's type: one reason per type text. */
  private skip(type: string): PayloadReject {
    let r = this.skips.get(type);
    if (r === undefined) {
      r = fixedReason('hillstone-not-session', '', shown(type));
      if (this.skips.size < MAX_SKIP_REASONS) this.skips.set(flat(type), r);
    }
    return new PayloadReject(false, r);
  }

  /** `policy 11 trust->untrust`, `policy 16`, `policy - trust->dmz` without a policy id; null with neither. */
  private rule(s: string, from: string | null, to: string | null): string | null {
    if (this.policyA < 0 && from === null && to === null) return null;
    let label = this.policyA >= 0 ? `policy ${s.slice(this.policyA, this.policyB)}` : 'policy -';
    if (from !== null || to !== null) label += ` ${from ?? '-'}->${to ?? '-'}`;
    return this.rules.of(label);
  }
}

/** [end of the address text, start of the text inside a `(…)` closing s[a, b) or -1]. */
function parenAt(s: string, a: number, b: number): [number, number] {
  if (b > a && s.charCodeAt(b - 1) === 0x29) {
    const open = s.lastIndexOf('(', b - 1);
    if (open >= a) return [open, open + 1];
  }
  return [b, -1];
}

interface Endpoint {
  readonly ip: string;
  readonly port: number;
  readonly version: 4 | 6;
}

/** `IP:port`, `[IPv6]:port`, or an address alone when the protocol carries no ports. */
function endpoint(s: string, a: number, b: number, ports: boolean, field: 'src' | 'dst'): Endpoint | PayloadReject {
  let ipA = a;
  let ipB = b;
  let portA = -1;
  if (s.charCodeAt(a) === 0x5b) {
    const close = s.indexOf(']', a);
    if (close < 0 || close >= b) return malformed(reason('invalid-address', field, shown(s.slice(a, b))));
    ipA = a + 1;
    ipB = close;
    if (close + 1 < b && s.charCodeAt(close + 1) === 0x3a) portA = close + 2;
  } else {
    const c = s.lastIndexOf(':', b - 1);
    // Without ports an IPv6 address is all colons: the whole text when it reads as one.
    if (c >= a && (ports || addressVersion(s, a, b) !== 6)) {
      ipB = c;
      portA = c + 1;
    }
  }
  const version = addressVersion(s, ipA, ipB);
  if (version === 0) return malformed(reason('invalid-address', field, shown(s.slice(ipA, ipB))));
  let port = -1;
  if (ports && portA >= 0) {
    port = portIn(s, portA, b);
    if (port < 0) return malformed(reason('invalid-port', `${field} port`, shown(s.slice(portA, b))));
  }
  return { ip: s.slice(ipA, ipB), port, version };
}

export function createHillstonePayload(ctx: Pick<ParseContext, 'file' | 'tz' | 'zoneNote' | 'timeCarry'>): PayloadParser {
  return new HillstonePayload(ctx.file, ctx);
}

/**
 * Sniff-only: the log id and `Type@MODULE: ` after a serial(VSYS) host, or with the vendor's tag,
 * or a session record's `Traffic@FLOW: SESSION: ` (a relay may have put its own name for the host).
 */
const RECORD = /(?:^|\s|\))[0-9a-fA-F]{1,16} (?:HillstoneNetworks#)?[A-Za-z]{2,16}@[A-Z_]{2,16}: /;
const SERIAL_HOST = /\s\d{10,20}\([^)\s]*\) /;

function sniff(lines: readonly string[]): number {
  let records = 0;
  for (const l of lines) if (RECORD.test(l) && (SERIAL_HOST.test(l) || l.includes(VENDOR_TAG) || l.includes('Traffic@FLOW: SESSION: '))) records++;
  return recordShare(records, lines.length);
}

/** The rule label in ECS terms: the policy's id is rule.id, the zones the observer's ingress and egress zones. */
const hillstoneRuleFields = zonedRuleFields({ word: 'policy', head: null });

export const hillstoneFormat: FormatDefinition = {
  id: ID,
  examples: [
    '<190>Nov 25 13:34:03 2812239202000738(root) 44243630 Traffic@FLOW: SESSION: 192.168.10.34:58813->198.51.100.14:443(TCP), application HTTPS, interface ethernet0/8, vr trust-vr, policy 12, user -@-, host -, mac 0000.0000.0000, send packets 11, send bytes 713, receive packets 7, receive bytes 428, start time 2026-11-25 13:32:32, close time 2026-11-25 13:34:03, session end, TCP FIN',
    'Nov 25 13:35:10 2812239202000738(root) 4424362f Traffic@FLOW: SESSION: 203.0.113.25:64141->192.168.10.20:445(TCP), interface ethernet0/1, vr trust-vr, policy 16, user -@-, host -, mac 0000.0000.0000, policy deny',
    '<188>Nov 25 13:36:44 2812239202000738(root) 4424363e HillstoneNetworks#Traffic@FLOW: SESSION: 192.168.10.200:53262(ethernet0/1)->198.51.100.200:21(ethernet0/0), Protocol TCP, vr trust-vr, policy 11, user -@-, host -, mac 0000.0000.0000, zone from trust to untrust, session start',
  ],
  sniff,
  // A session start is one connection (the policy meets its first packet only), or without
  // one its end record: counted as connections, as FortiGate's sessions are.
  connectionRecords: { action: 'allow' },
  create: syslogPayloadCreate(createHillstonePayload, '@FLOW: SESSION:'),
  ruleFields: hillstoneRuleFields,
};
