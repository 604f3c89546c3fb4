// Juniper SRX (Junos) security flow logs (and Junos firewall filter logs, below): the RT_FLOW
// session messages, as the device sends them to syslog in its plain form (BSD header,
// positional fields) or its structured-data form (`structured-data` / `sd-syslog`, RFC 5424,
// key="value" pairs in `[junos@2636.… ]`):
//
//   Nov 20 06:25:01 srx RT_FLOW: RT_FLOW_SESSION_DENY: session denied 203.0.113.7/41234->192.168.1.10/23 0x0 junos-telnet 6(0) default-deny(global) untrust trust UNKNOWN UNKNOWN N/A(N/A) ge-0/0/0.0 No policy deny 1 N/A N/A -1 N/A N/A N/A
//   <14>1 2026-11-20T06:25:01.123+01:00 srx RT_FLOW - RT_FLOW_SESSION_DENY [junos@2636.1.1.1.2.129 source-address="203.0.113.7" source-port="41234" … protocol-id="6" icmp-type="0" policy-name="default-deny" source-zone-name="untrust" destination-zone-name="trust" … packet-incoming-interface="ge-0/0/0.0" …]
//
// Juniper's system log reference gives the plain layouts; later releases add fields inside
// them (a connection tag `0x0` after each address pair, NAT rule types, which may be two
// words, `source rule`) and at the end (application, user, interface, …), so the fields are
// found by their shape, not counted:
//   RT_FLOW_SESSION_DENY    session denied SRC/SP->DST/DP [tag] service PROTO(ICMP-TYPE) policy from-zone to-zone [app nested user(roles) interface …]
//   RT_FLOW_SESSION_CREATE  session created SRC/SP->DST/DP [tag] service NAT-SRC/P->NAT-DST/P [tag] [types] nat-rules… PROTO policy from-zone to-zone session-id [user(roles) interface …]
//   RT_FLOW_SESSION_CLOSE   session closed REASON: (as CREATE) session-id packets(bytes) packets(bytes) elapsed [app nested user(roles) interface …]
// (`_LS` after the name: the same from a logical system.) In the structured form the names are
// the keys. Other Junos messages (APPTRACK_*, RT_SCREEN_*, UI_*, …) are skipped with their name.
//
// A firewall filter term with `then syslog` (any Junos box: SRX, EX, MX) logs packets, not
// sessions: `fpc0 PFE_FW_SYSLOG_IP: FW: ge-0/0/0.0 D tcp SRC DST SPORT DPORT (1 packets)` from a
// packet forwarding engine, `kernel: FW: ge-0/0/0.0 A udp SRC DST SPORT DPORT` from the routing
// engine. A/D/R → allow/drop/reject; `(N packets)` the count; rule `firewall-filter`, inIface
// the interface, no direction (an input or an output filter: the line does not say). The
// IPv6 filters' PFE_FW_SYSLOG_IP6_* lay their fields out otherwise and are not read.
//
// Mapping: DENY → drop (reject when the reason says so); CREATE and CLOSE → allow, a session
// each: connection records (connection-records.ts), and the CLOSE of a session is read as
// late (`flow-session-close`), so a log of both counts the session once, by its CREATE, as a
// Cisco ASA's Built and Teardown are. Rule label: `POLICY FROM->TO` (+ ` (close)` for a
// CLOSE); inIface the incoming interface. Direction from the zone names only where they say
// it (ZONE_SIDES): untrust → trust/dmz or to the device itself (junos-host) in, trust/dmz →
// untrust out; other zones name no side, and the addresses (--home-net) decide.
import type { Action, Direction, FirewallEvent, IcmpInfo } from '../event.js';
import { addressVersion } from './address.js';
import { portIn, shown, uintIn } from './fields.js';
import { carriesPorts, protoByName, protoByNumber } from '../util/protocols.js';
import { malformed, PayloadReject, type RecordHead } from './netfilter.js';
import { NOT_MINE, type PayloadParser } from './payload.js';
import { syslogPayloadCreate } from './payload-dispatch.js';
import { fixedReason, reason, type LineReason } from './reason.js';
import { sniffMatching, type FormatDefinition, type ParseContext, type RuleFields } from './types.js';
import { flat } from '../util/flat-string.js';
import { Interner } from '../util/interner.js';

const ID = 'juniper-srx';
const FLOW = 'RT_FLOW_SESSION_';

/** The word a CLOSE record's label ends with (a policy or zone name holds no space). */
export const CLOSE_MARK = ' (close)';

const DENY = 0;
const CREATE = 1;
const CLOSE = 2;

/**
 * Which side of the firewall the default zone names stand for: Junos' factory zones
 * `trust` and `untrust`, a `dmz`, and `junos-host`, the SRX itself. Any other zone name
 * says nothing about the side.
 */
const ZONE_SIDES: ReadonlyMap<string, 'inside' | 'outside' | 'device'> = new Map([
  ['untrust', 'outside'],
  ['trust', 'inside'],
  ['dmz', 'inside'],
  ['junos-host', 'device'],
]);

function directionOf(from: string | null, to: string | null): Direction | null {
  const a = from === null ? undefined : ZONE_SIDES.get(from.toLowerCase());
  const b = to === null ? undefined : ZONE_SIDES.get(to.toLowerCase());
  if (b === 'device') return 'in';
  if (a === 'outside' && b === 'inside') return 'in';
  if (a === 'inside' && b === 'outside') return 'out';
  return null;
}

/** `N/A`, `None`, `UNKNOWN` and empty: Junos' words for a field it has no value for. */
function isNone(s: string, a: number, b: number): boolean {
  const n = b - a;
  return n === 0 || (n === 3 && s.startsWith('N/A', a)) || (n === 4 && s.startsWith('None', a)) || (n === 7 && s.startsWith('UNKNOWN', a));
}

// ---------------------------------------------------------------- structured data

const SD_KEYS = [
  'source-address', 'source-port', 'destination-address', 'destination-port', 'protocol-id', 'icmp-type',
  'policy-name', 'source-zone-name', 'destination-zone-name', 'packet-incoming-interface', 'destination-interface-name', 'reason',
] as const;
type SdKey = (typeof SD_KEYS)[number];
const K = Object.fromEntries(SD_KEYS.map((k, i) => [k, i])) as Record<SdKey, number>;

function keySlot(s: string, a: number, b: number): number {
  const n = b - a;
  for (let i = 0; i < SD_KEYS.length; i++) if (SD_KEYS[i]!.length === n && s.startsWith(SD_KEYS[i]!, a)) return i;
  return -1;
}

// ---------------------------------------------------------------- reasons

const MISSING_ADDRESSES = fixedReason('missing', 'addresses');
const MISSING_PROTO = fixedReason('missing', 'protocol-id');
const MISSING_SRC = fixedReason('missing', 'source-address');
const MISSING_DST = fixedReason('missing', 'destination-address');
const MISSING_DPORT = fixedReason('missing', 'destination-port');
const MISSING_ZONES = fixedReason('missing', 'zones');
const DST_FAMILY = fixedReason('family-differs', 'destination-address', 'source-address');
const SD_CUT = fixedReason('unclosed', 'junos@', '[');
const FW_DST_FAMILY = fixedReason('family-differs', 'dst', 'src');

/** The rule label of a firewall filter's log record: the line names no filter or term. */
export const FILTER_RULE = 'firewall-filter';
/** A packet forwarding engine's filter log, after its slot (`fpc0`, `(FPC Slot 1, PIC Slot 1)`). */
const PFE_FW = 'PFE_FW_SYSLOG_IP: FW: ';
/** The routing engine's (`kernel: FW: …`): the envelope has read the tag. */
const RE_FW = 'FW: ';
/** How far into the message PFE_FW may start: `(FPC Slot 1, PIC Slot 1) `, `node1.fpc0 `. */
const PFE_FW_WINDOW = 40;

/** The fields of one record, wherever they came from: positions in the line, -1 for none. */
class FlowFields {
  readonly a = new Int32Array(SD_KEYS.length);
  readonly b = new Int32Array(SD_KEYS.length);
  clear(): void {
    this.a.fill(-1);
  }
  set(slot: number, a: number, b: number): void {
    this.a[slot] = a;
    this.b[slot] = b;
  }
  has(slot: number): boolean {
    return this.a[slot]! >= 0;
  }
}

class JuniperPayload implements PayloadParser {
  readonly format = ID;
  private readonly r = new FlowFields();
  /** Token boundaries of a plain message, reused. */
  private readonly ta = new Int32Array(96);
  private readonly tb = new Int32Array(96);
  private n = 0;
  private readonly rules = new Interner();
  private readonly names = new Map<string, string>();
  /** The structured form's escaped values (`\"`, `\]`, `\\`): slot bits. */
  private escaped = 0;

  constructor(private readonly file: string) {}

  parse(s: string, start: number, end: number, head: RecordHead, lineNo: number): FirewallEvent | PayloadReject {
    // Structured data: `MSGID [junos@… key="value" …]` before (or, behind a relay, inside) the message.
    const sd = s.indexOf(' [junos@');
    if (sd > 0) return this.structured(s, sd, head, lineNo);
    if (start >= end) return NOT_MINE;
    return this.plain(s, start, end, head, lineNo);
  }

  // ------------------------------------------------------------ the structured form

  private structured(s: string, sd: number, head: RecordHead, lineNo: number): FirewallEvent | PayloadReject {
    let m = sd;
    while (m > 0 && s.charCodeAt(m - 1) !== 0x20) m--;
    const kind = flowKind(s, m, sd);
    if (kind < 0) return this.notFlow(s, m, sd);
    const r = this.r;
    r.clear();
    this.escaped = 0;
    let i = s.indexOf(' ', sd + 2);
    const end = s.length;
    let closed = false;
    while (i >= 0 && i < end) {
      while (i < end && s.charCodeAt(i) === 0x20) i++;
      if (s.charCodeAt(i) === 0x5d) {
        closed = true;
        break;
      }
      const ks = i;
      while (i < end && s.charCodeAt(i) !== 0x3d && s.charCodeAt(i) !== 0x20 && s.charCodeAt(i) !== 0x5d) i++;
      if (s.charCodeAt(i) !== 0x3d) continue;
      const slot = keySlot(s, ks, i);
      i++;
      if (s.charCodeAt(i) !== 0x22) {
        // Not a quoted value (a typographic quote some releases write): passed over to the next space.
        while (i < end && s.charCodeAt(i) !== 0x20 && s.charCodeAt(i) !== 0x5d) i++;
        continue;
      }
      const vs = ++i;
      let esc = false;
      while (i < end && s.charCodeAt(i) !== 0x22) {
        if (s.charCodeAt(i) === 0x5c) {
          esc = true;
          i++;
        }
        i++;
      }
      if (i >= end) break;
      if (slot >= 0 && !r.has(slot)) {
        r.set(slot, vs, i);
        if (esc) this.escaped |= 1 << slot;
      }
      i++;
    }
    // Cut inside the element: whatever followed the cut (policy, zones, …) is gone.
    if (!closed) return malformed(SD_CUT);
    if (!r.has(K['source-address'])) return malformed(MISSING_SRC);
    if (!r.has(K['destination-address'])) return malformed(MISSING_DST);
    if (!r.has(K['protocol-id'])) return malformed(MISSING_PROTO);
    return this.event(s, kind, head, lineNo);
  }

  // ------------------------------------------------------------ the plain form

  private plain(s: string, start: number, end: number, head: RecordHead, lineNo: number): FirewallEvent | PayloadReject {
    // `RT_FLOW: RT_FLOW_SESSION_DENY: …`: the envelope leaves a tag without [pid] in the message.
    let t = start;
    let te = tagEnd(s, t, end);
    if (te < 0) return this.filterLog(s, start, end, head, lineNo) ?? NOT_MINE;
    const next = te + 1 < end && s.charCodeAt(te + 1) === 0x20 ? tagEnd(s, te + 2, end) : -1;
    if (next >= 0) {
      t = te + 2;
      te = next;
    }
    // Explicit priority (`%PFE-6-RT_FLOW_SESSION_DENY`): the name after the last dash.
    if (s.charCodeAt(t) === 0x25) t = s.lastIndexOf('-', te) + 1;
    const kind = flowKind(s, t, te);
    if (kind < 0) return this.filterLog(s, start, end, head, lineNo) ?? (isJunosName(s, t, te) ? this.notFlow(s, t, te) : NOT_MINE);
    const r = this.r;
    r.clear();
    this.escaped = 0;
    this.tokens(s, te + 1, end);
    const ta = this.ta;
    const tb = this.tb;
    const n = this.n;
    // The addresses: the first token with `->` (after "session denied", "session created" or
    // "session closed REASON:", whose reason may be several words).
    let k = 0;
    while (k < n && !hasArrow(s, ta[k]!, tb[k]!)) k++;
    if (k >= n) return malformed(MISSING_ADDRESSES);
    const pair = this.pair(s, ta[k]!, tb[k]!);
    if (pair !== null) return malformed(pair);
    let p: number;
    if (kind === DENY) {
      // PROTO(ICMP-TYPE): the protocol and, for ICMP, the type.
      p = k + 1;
      while (p < n && !protoParen(s, ta[p]!, tb[p]!)) p++;
      if (p >= n) return malformed(MISSING_PROTO);
      const paren = s.indexOf('(', ta[p]!);
      r.set(K['protocol-id'], ta[p]!, paren);
      r.set(K['icmp-type'], paren + 1, tb[p]! - 1);
    } else {
      // PROTO policy from to session-id, then the end, user(roles) or packets(bytes).
      p = k + 1;
      while (p + 4 < n && !(isDigits(s, ta[p]!, tb[p]!) && isDigits(s, ta[p + 4]!, tb[p + 4]!) && (p + 5 >= n || hasParen(s, ta[p + 5]!, tb[p + 5]!)))) p++;
      if (p + 4 >= n) return malformed(MISSING_ZONES);
      r.set(K['protocol-id'], ta[p]!, tb[p]!);
    }
    if (p + 3 >= n) return malformed(MISSING_ZONES);
    r.set(K['policy-name'], ta[p + 1]!, tb[p + 1]!);
    r.set(K['source-zone-name'], ta[p + 2]!, tb[p + 2]!);
    r.set(K['destination-zone-name'], ta[p + 3]!, tb[p + 3]!);
    // The interface follows the first user(roles) after the zones (packets(bytes) is no user).
    for (let u = p + 4; u < n - 1 && u < p + 12; u++) {
      if (hasParen(s, ta[u]!, tb[u]!) && !countParen(s, ta[u]!, tb[u]!)) {
        r.set(K['packet-incoming-interface'], ta[u + 1]!, tb[u + 1]!);
        // DENY's reason, after the interface and the encryption word: `policy deny`, `policy reject`.
        if (kind === DENY && u + 4 < n) r.set(K.reason, ta[u + 3]!, tb[u + 4]!);
        break;
      }
    }
    return this.event(s, kind, head, lineNo);
  }

  // ------------------------------------------------------------ firewall filter logs

  /**
   * A firewall filter term's `syslog` action, one packet (or, from a PFE, the packets of one
   * flow since the last line): `PFE_FW_SYSLOG_IP: FW: IFACE A|D|R PROTO SRC DST SPORT DPORT
   * (N packets)` after the PFE's slot, or `kernel: FW: …` without the count from the routing
   * engine. Null when the message is none of them (the caller goes on).
   */
  private filterLog(s: string, start: number, end: number, head: RecordHead, lineNo: number): FirewallEvent | PayloadReject | null {
    let p: number;
    if (s.startsWith(RE_FW, start)) p = start + RE_FW.length;
    else {
      const i = s.indexOf(PFE_FW, start);
      if (i < 0 || i >= end || i - start > PFE_FW_WINDOW) return null;
      p = i + PFE_FW.length;
    }
    this.tokens(s, p, end);
    const ta = this.ta;
    const tb = this.tb;
    const n = this.n;
    if (n < 7) return malformed({ code: 'expected-found', field: 'FW', value: shown(s.slice(p, end)), syntax: 'IFACE A|D|R PROTO SRC DST SPORT DPORT' });
    let action: Action;
    const v = s.charCodeAt(ta[1]!);
    if (tb[1]! - ta[1]! !== 1 || (v !== 0x41 && v !== 0x44 && v !== 0x52)) return malformed(reason('unknown', 'action', shown(s.slice(ta[1]!, tb[1]!))));
    else action = v === 0x41 ? 'allow' : v === 0x44 ? 'drop' : 'reject';
    const ver = addressVersion(s, ta[3]!, tb[3]!);
    if (ver === 0) return malformed(reason('invalid-address', 'src', shown(s.slice(ta[3]!, tb[3]!))));
    const dver = addressVersion(s, ta[4]!, tb[4]!);
    if (dver === 0) return malformed(reason('invalid-address', 'dst', shown(s.slice(ta[4]!, tb[4]!))));
    if (dver !== ver) return malformed(FW_DST_FAMILY);
    let proto = protoByName(s.slice(ta[2]!, tb[2]!));
    if (ver === 6 && proto === 'icmp') proto = 'icmpv6';
    let sport = -1;
    let dport = -1;
    if (carriesPorts(proto)) {
      sport = portIn(s, ta[5]!, tb[5]!);
      if (sport < 0) return malformed(reason('invalid-port', 'src port', shown(s.slice(ta[5]!, tb[5]!))));
      dport = portIn(s, ta[6]!, tb[6]!);
      if (dport < 0) return malformed(reason('invalid-port', 'dst port', shown(s.slice(ta[6]!, tb[6]!))));
    }
    // `(2 packets)`: a PFE samples a flow and counts what it did not log.
    let count = 1;
    if (n >= 9 && s.charCodeAt(ta[7]!) === 0x28 && s.startsWith('packet', ta[8]!)) {
      const c = uintIn(s, ta[7]! + 1, tb[7]!);
      if (c > 0) count = c;
    }
    return {
      time: head.time,
      yearInferred: head.yearInferred,
      uptime: head.uptime,
      host: head.host,
      format: ID,
      action,
      // A filter may sit on an interface's input or output: the line does not say which.
      direction: null,
      rule: FILTER_RULE,
      inIface: this.rules.of(s.slice(ta[0]!, tb[0]!)),
      outIface: null,
      proto,
      ipVersion: ver,
      src: { ip: s.slice(ta[3]!, tb[3]!), port: sport >= 0 ? sport : null },
      dst: { ip: s.slice(ta[4]!, tb[4]!), port: dport >= 0 ? dport : null },
      ttl: null,
      len: null,
      tcpFlags: null,
      tcpWindow: null,
      pid: null,
      // The two numbers after the addresses are no ICMP type and code Junos documents.
      icmp: proto === 'icmp' || proto === 'icmpv6' ? { type: null, code: null, embedded: null } : null,
      count: count * head.count,
      origin: { file: this.file, line: lineNo },
      annotations: [],
    };
  }

  /** Splits s[i, end) at spaces into ta/tb. */
  private tokens(s: string, i: number, end: number): void {
    let n = 0;
    while (i < end && n < this.ta.length) {
      while (i < end && s.charCodeAt(i) === 0x20) i++;
      if (i >= end) break;
      const a = i;
      while (i < end && s.charCodeAt(i) !== 0x20) i++;
      this.ta[n] = a;
      this.tb[n++] = i;
    }
    this.n = n;
  }

  /** `SRC/SP->DST/DP` into the record; a reason when it is none. */
  private pair(s: string, a: number, b: number): LineReason | null {
    const arrow = s.indexOf('->', a);
    const ss = s.lastIndexOf('/', arrow);
    const ds = s.lastIndexOf('/', b - 1);
    if (ss < a || ds < arrow) return { code: 'expected-found', field: 'addresses', value: shown(s.slice(a, b)), syntax: 'SRC/PORT->DST/PORT' };
    const r = this.r;
    r.set(K['source-address'], a, ss);
    r.set(K['source-port'], ss + 1, arrow);
    r.set(K['destination-address'], arrow + 2, ds);
    r.set(K['destination-port'], ds + 1, b);
    return null;
  }

  // ------------------------------------------------------------ both forms

  private event(s: string, kind: number, head: RecordHead, lineNo: number): FirewallEvent | PayloadReject {
    const r = this.r;
    const sa = r.a[K['source-address']]!;
    const sb = r.b[K['source-address']]!;
    const da = r.a[K['destination-address']]!;
    const db = r.b[K['destination-address']]!;
    const ver = addressVersion(s, sa, sb);
    if (ver === 0) return malformed(reason('invalid-address', 'source-address', shown(s.slice(sa, sb))));
    const dver = addressVersion(s, da, db);
    if (dver === 0) return malformed(reason('invalid-address', 'destination-address', shown(s.slice(da, db))));
    if (dver !== ver) return malformed(DST_FAMILY);

    const pa = r.a[K['protocol-id']]!;
    const pb = r.b[K['protocol-id']]!;
    const pn = uintIn(s, pa, pb);
    if (pn < 0 || pn > 255) return malformed(reason('not-a-protocol', 'protocol-id', shown(s.slice(pa, pb))));
    const proto = protoByNumber(pn);
    const hasPorts = carriesPorts(proto);
    let sport = -1;
    let dport = -1;
    if (hasPorts) {
      if (!r.has(K['destination-port'])) return malformed(MISSING_DPORT);
      dport = portIn(s, r.a[K['destination-port']]!, r.b[K['destination-port']]!);
      if (dport < 0) return malformed(reason('invalid-port', 'destination-port', shown(s.slice(r.a[K['destination-port']]!, r.b[K['destination-port']]!))));
      if (r.has(K['source-port'])) {
        sport = portIn(s, r.a[K['source-port']]!, r.b[K['source-port']]!);
        if (sport < 0) return malformed(reason('invalid-port', 'source-port', shown(s.slice(r.a[K['source-port']]!, r.b[K['source-port']]!))));
      }
    }
    let icmp: IcmpInfo | null = null;
    if (proto === 'icmp' || proto === 'icmpv6') {
      // Only DENY names the type; a session's record does not (its ports are Junos' session keys).
      const t = kind === DENY && r.has(K['icmp-type']) ? uintIn(s, r.a[K['icmp-type']]!, r.b[K['icmp-type']]!) : -1;
      icmp = { type: t >= 0 && t <= 255 ? t : null, code: null, embedded: null };
    }

    const from = this.name(s, K['source-zone-name']);
    const to = this.name(s, K['destination-zone-name']);
    let action: Action = 'allow';
    if (kind === DENY) {
      const ra = r.a[K.reason]!;
      action = ra >= 0 && s.slice(ra, r.b[K.reason]!).includes('reject') ? 'reject' : 'drop';
    }
    return {
      time: head.time,
      yearInferred: head.yearInferred,
      uptime: head.uptime,
      host: head.host,
      format: ID,
      action,
      direction: directionOf(from, to),
      rule: this.rule(s, from, to, kind === CLOSE),
      inIface: this.name(s, K['packet-incoming-interface']),
      outIface: this.name(s, K['destination-interface-name']),
      proto,
      ipVersion: ver,
      src: { ip: s.slice(sa, sb), port: sport >= 0 ? sport : null },
      dst: { ip: s.slice(da, db), port: dport >= 0 ? dport : null },
      ttl: null,
      len: null,
      // A session record says nothing of the packets' flags: unknown, not a NULL scan's [].
      tcpFlags: null,
      tcpWindow: null,
      pid: null,
      icmp,
      count: head.count,
      origin: { file: this.file, line: lineNo },
      annotations: [],
    };
  }

  /** A zone, interface or policy name; null for none. One string per distinct name. */
  private name(s: string, slot: number): string | null {
    const a = this.r.a[slot]!;
    const b = this.r.b[slot]!;
    if (a < 0 || isNone(s, a, b)) return null;
    let t = s.slice(a, b);
    if ((this.escaped & (1 << slot)) !== 0) t = t.replace(/\\(.)/g, '$1');
    let v = this.names.get(t);
    if (v === undefined) {
      if (this.names.size >= 4096) this.names.clear();
      this.names.set(t, (v = flat(t)));
    }
    return v;
  }

  /** `default-deny(global) untrust->trust`, `allow-web untrust->dmz (close)`. */
  private rule(s: string, from: string | null, to: string | null, close: boolean): string {
    let label = this.name(s, K['policy-name']) ?? '-';
    if (from !== null || to !== null) label += ` ${from ?? '-'}->${to ?? '-'}`;
    if (close) label += CLOSE_MARK;
    return this.rules.of(label);
  }

  private notFlow(s: string, a: number, b: number): PayloadReject {
    return new PayloadReject(false, reason('junos-not-flow', '', s.slice(a, b)));
  }
}

/** End of a `NAME:` token at i (the colon's index), or -1. */
function tagEnd(s: string, i: number, end: number): number {
  let j = i;
  while (j < end && s.charCodeAt(j) !== 0x20) j++;
  return j - 1 > i && s.charCodeAt(j - 1) === 0x3a ? j - 1 : -1;
}

/** DENY, CREATE or CLOSE for RT_FLOW_SESSION_{DENY,CREATE,CLOSE}[_LS] in s[a, b); -1 for any other name. */
function flowKind(s: string, a: number, b: number): number {
  if (!s.startsWith(FLOW, a)) return -1;
  const w = a + FLOW.length;
  const n = b - w;
  const ls = n > 3 && s.startsWith('_LS', b - 3) ? 3 : 0;
  const m = n - ls;
  if (m === 4 && s.startsWith('DENY', w)) return DENY;
  if (m === 6 && s.startsWith('CREATE', w)) return CREATE;
  if (m === 5 && s.startsWith('CLOSE', w)) return CLOSE;
  return -1;
}

/** A Junos message name: upper-case letters, digits and `_`, with at least one `_` (`UI_COMMIT`, `RT_SCREEN_TCP`). */
function isJunosName(s: string, a: number, b: number): boolean {
  if (b - a < 3) return false;
  let us = false;
  for (let i = a; i < b; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x5f) us = true;
    else if (!((c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39))) return false;
  }
  return us && s.charCodeAt(a) >= 0x41;
}

function hasArrow(s: string, a: number, b: number): boolean {
  const i = s.indexOf('->', a);
  return i >= 0 && i < b;
}

function isDigits(s: string, a: number, b: number): boolean {
  if (b <= a) return false;
  for (let i = a; i < b; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

/** `X(Y)`. */
function hasParen(s: string, a: number, b: number): boolean {
  if (s.charCodeAt(b - 1) !== 0x29) return false;
  const p = s.indexOf('(', a);
  return p > a && p < b - 1;
}

/** `6(0)`, `1(8)`: digits, then a parenthesis (DENY's protocol and ICMP type). */
function protoParen(s: string, a: number, b: number): boolean {
  const p = s.indexOf('(', a);
  return p > a && p < b && s.charCodeAt(b - 1) === 0x29 && isDigits(s, a, p);
}

/** `6(337)`: a packet count and its bytes (CLOSE), not a user and roles. */
function countParen(s: string, a: number, b: number): boolean {
  const p = s.indexOf('(', a);
  return p > a && isDigits(s, a, p) && isDigits(s, p + 1, b - 1);
}

/**
 * Index of an RT_FLOW session message's name in s[start, end) (plain form), or in the
 * structured form's MSGID; -1 otherwise. Cheap enough for the dispatcher to ask of every
 * line no other format owns.
 */
export function juniperFlowAt(s: string, start: number, end: number): number {
  const i = s.indexOf(FLOW, start);
  return i >= 0 && i < end && i - start < 48 ? i : -1;
}

export function createJuniperPayload(ctx: Pick<ParseContext, 'file'>): PayloadParser {
  return new JuniperPayload(ctx.file);
}

/** Sniff-only: a session message's name and its addresses (plain) or keys (structured). */
const SNIFF = /RT_FLOW_SESSION_(?:DENY|CREATE|CLOSE)(?:_LS)?(?::\s+session (?:denied|created|closed)\b.*\/\d+->| \[junos@[\d.]+ .*source-address=")|(?:^|[\s:])FW: \S+ +[ADR] +\S+ +[\d.:a-fA-F]+ +[\d.:a-fA-F]+ +\d+ +\d+/;

const sniff = sniffMatching(SNIFF);

/**
 * The rule label in ECS terms, as Elastic's Juniper SRX module has them: the policy is
 * rule.name (a global policy's `(global)` its ruleset), the zones the observer's ingress and
 * egress zones.
 */
function juniperRuleFields(rule: string): RuleFields {
  const fields: RuleFields = {};
  const sp = rule.indexOf(' ');
  let policy = sp < 0 ? rule : rule.slice(0, sp);
  if (policy.endsWith('(global)')) {
    policy = policy.slice(0, -'(global)'.length);
    fields.ruleset = 'global';
  }
  if (policy !== '-') fields.name = policy;
  if (sp < 0) return fields;
  let zones = rule.slice(sp + 1);
  if (zones.endsWith(CLOSE_MARK)) zones = zones.slice(0, -CLOSE_MARK.length);
  const arrow = zones.indexOf('->');
  if (arrow >= 0) {
    const from = zones.slice(0, arrow);
    const to = zones.slice(arrow + 2);
    if (from !== '-' && from !== '') fields.ingressZone = from;
    if (to !== '-' && to !== '') fields.egressZone = to;
  }
  return fields;
}

export const juniperSrxFormat: FormatDefinition = {
  id: ID,
  examples: [
    'Nov 20 06:25:01 srx RT_FLOW: RT_FLOW_SESSION_DENY: session denied 203.0.113.7/41234->192.168.1.10/23 0x0 junos-telnet 6(0) default-deny(global) untrust trust UNKNOWN UNKNOWN N/A(N/A) ge-0/0/0.0 No policy deny 1 N/A N/A -1 N/A N/A N/A',
    'Nov 20 06:30:12 srx RT_FLOW: RT_FLOW_SESSION_CREATE: session created 192.168.1.23/50514->198.51.100.80/443 0x0 junos-https 203.0.113.2/21514->198.51.100.80/443 0x0 source rule nat-out N/A N/A 6 trust-to-untrust trust untrust 4097 N/A(N/A) ge-0/0/1.0 UNKNOWN UNKNOWN UNKNOWN No',
    '<14>1 2026-11-20T06:31:40.123+01:00 srx RT_FLOW - RT_FLOW_SESSION_DENY [junos@2636.1.1.1.2.129 source-address="2001:db8::7" source-port="0" destination-address="2001:db8:1::10" destination-port="0" connection-tag="0" service-name="icmp6" protocol-id="58" icmp-type="128" policy-name="default-deny" source-zone-name="untrust" destination-zone-name="trust" application="UNKNOWN" nested-application="UNKNOWN" username="N/A" roles="N/A" packet-incoming-interface="ge-0/0/0.0" encrypted="No" reason="policy deny" session-id-32="0"] session denied 2001:db8::7/0->2001:db8:1::10/0 0x0 icmp6 58(128) default-deny untrust trust UNKNOWN UNKNOWN N/A(N/A) ge-0/0/0.0 No policy deny 0',
  ],
  sniff,
  // CREATE and CLOSE stand for a session the SRX let through, not a packet: counted as
  // connections (connection-records.ts), the CLOSE read as late (flow-session-close). A
  // firewall filter's accepted packet is a packet.
  connectionRecords: { action: 'allow', packetRule: FILTER_RULE },
  create: syslogPayloadCreate(createJuniperPayload, FLOW, true),
  ruleFields: juniperRuleFields,
};
