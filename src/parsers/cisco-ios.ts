// Cisco IOS / IOS XE / IOS XR access-list logging (an ACE with `log` or `log-input`) and the
// zone-based firewall's (and CBAC's) dropped packets and audited sessions, as the router or
// switch sends them to syslog:
//
//   Nov 20 06:25:01 10.0.0.1 123: *Nov 20 06:25:01.123: %SEC-6-IPACCESSLOGP: list 101 denied tcp 203.0.113.7(41234) -> 192.168.1.10(23), 1 packet
//   … 124: Nov 20 2026 06:25:02.004 CET: %SEC-6-IPACCESSLOGDP: list OUTSIDE_IN denied icmp 203.0.113.7 (GigabitEthernet0/1 0011.2233.4455) -> 192.168.1.10 (8/0), 4 packets
//   … 125: 1d02h: %IPV6_ACL-6-ACCESSLOGP: list V6IN/10 denied tcp 2001:DB8::1(1234) (GigabitEthernet0/0) -> 2001:DB8::2(23), 1 packet
//   … 126: *Nov 20 06:31:00.001: %SEC-6-IPACCESSLOGRL: access-list logging rate-limited or missed 18 packets
//   … 127: *Nov 20 06:32:10.500: %FW-6-DROP_PKT: Dropping tcp session 203.0.113.7:41234 192.168.1.10:23 on zone-pair OUT-IN class class-default with ip ident 0
//
// The system message guide's layouts (the `[chars]` before `->` is what `log-input` adds,
// the ingress interface and the source MAC; a Layer 4 count `N packet[s]` ends the record):
//   SEC-6-IPACCESSLOGP   list ACL {permitted|denied} PROTO SRC(PORT) [(IF MAC)] -> DST(PORT), N packet[s]
//   SEC-6-IPACCESSLOGDP  list ACL verdict icmp SRC [(IF MAC)] -> DST (TYPE/CODE), N packet[s]
//   SEC-6-IPACCESSLOGNP  list ACL verdict PROTO-NUMBER SRC [(IF MAC)] -> DST, N packet[s]
//   SEC-6-IPACCESSLOGRP  list ACL verdict PROTO SRC [(IF MAC)] -> DST, N packet[s]     (routing protocols)
//   SEC-6-IPACCESSLOGSP  list ACL verdict igmp SRC [(IF MAC)] -> DST (IGMP-TYPE), N packet[s]
//   SEC-6-IPACCESSLOGS   list ACL verdict SRC [(IF MAC)] N packet[s]                    (standard ACL: no destination, no comma)
//   SEC-6-IPACCESSLOGRL  access-list logging rate-limited or missed N packet[s]
//   IPV6_ACL-6-ACCESSLOG{P,DP,NP,SP} (IPV6-6- on older releases): the same with `list ACL/SEQ`, SEQ the ACE's sequence number
//   FMANFP-6-IPACCESSLOG*: IOS XE's data plane, `SLOT: list …`, with the source MAC before SRC
//   FMANFP-6-IPV6ACCESSLOG*: the same for an IPv6 ACE (`list NAME`, no sequence number seen)
//   FW-6-DROP_PKT        Dropping PROTO session SRC:PORT DST:PORT on zone-pair ZP class CLASS [due to …] with ip ident N
//                        Dropping PROTO pkt from IF SRC:PORT => DST:PORT(target:class)-(ZP:CLASS) due to … with ip ident N
//   FW-6-LOG_SUMMARY     N [PROTO] packets were dropped from [IF] SRC:PORT => DST:PORT (target:class)-(ZP:CLASS)
//   FW-6-SESS_AUDIT_TRAIL[_START]  [(target:class)-(ZP:CLASS):]{Start|Stop} PROTO session: initiator (A:P) [sent N bytes] -- responder (B:P) …
//   IOSXE-6-PLATFORM     F0: cpp_cp: QFP:0.0 Thread:N TS:N %FW-6-…: the data plane's record, read by its inner tag
//   ACL-IPV4_ACL-6-IPACCESSLOG* : access-list NAME (SEQ) {permit|deny} … (IOS XR: `NODE:STAMP: PROCESS[PID]: %TAG : …`;
//                        ACL-IPV6_ACL-6-ACCESSLOG* the same for IPv6)
// With ACL syslog correlation a tag closes the record: `, 1 packet [0x723E6E12]` (a hash or
// the ACE's cookie): it names the ACE, so it is part of the rule label.
//
// IOS logs the first packet of a flow at once, then every 5 minutes a line with the count of
// packets the ACE matched since: that count is the event's `count` (as rsyslog's repeats are).
// IPACCESSLOGRL says that many packets went unlogged: an event with no packet, a log gap
// (log-gaps.ts), as Windows Firewall's INFO-EVENTS-LOST row is.
//
// Mapping: permitted → allow, denied → drop; rule = `list ACL` (+ ` seq N` for an IPv6 ACE,
// + ` [TAG]`), or `zone-pair ZP class CLASS`; inIface = the `log-input` interface. The line
// says nothing of the direction (an ACL can be applied in or out on any interface), so it is
// null and --home-net says which sources are outside, as for an ASA's Teardown. Host: the
// syslog header's, else the `logging origin-id` word before the IOS stamp (`<174>12: edge-rtr:
// 13: Jul 11 …`).
import type { Action, FirewallEvent, IcmpInfo } from '../event.js';
import { addressVersion } from './address.js';
import { digitsEnd, portIn, shown, skipSpaces, uintIn } from './fields.js';
import { DeviceStamp, deviceStampWins, isUptimeStamp } from './device-stamp.js';
import { protoByName } from '../util/protocols.js';
import { inspectProtocol } from './ios-inspect-protocols.js';
import { malformed, PayloadReject, type RecordHead } from './netfilter.js';
import { NOT_MINE, type PayloadParser } from './payload.js';
import { syslogPayloadCreate } from './payload-dispatch.js';
import { Clock, digitAt, monthAt } from './timestamp.js';
import { fixedReason, reason, underField, type LineReason } from './reason.js';
import { sniffMatching, type FormatDefinition, type ParseContext, type RuleFields } from './types.js';
import { flat } from '../util/flat-string.js';

const ID = 'cisco-ios';

/**
 * How far into the message the `%` tag may start: a sequence number (`000123: `), the
 * origin id, and the longest IOS stamp (`*Nov 20 2026 06:25:01.123 CEST: `).
 */
const TAG_WINDOW = 96;

/** The rule label's start for a log-gap record; the marker log-gaps.ts and the texts name. */
export const IOS_GAP_MARKER = 'IPACCESSLOGRL';

// What the tag's mnemonic says the record is.
const KIND_NONE = 0;
const KIND_ACL = 1;
const KIND_STANDARD = 2;
const KIND_GAP = 3;
const KIND_ZBF = 4;
/** `%FW-6-LOG_SUMMARY`: a zone-based firewall's count of dropped packets of one flow. */
const KIND_ZBF_SUMMARY = 5;
/** `%FW-6-SESS_AUDIT_TRAIL_START`: an inspected (allowed) session's start. */
const KIND_AUDIT_START = 6;
/** `%FW-6-SESS_AUDIT_TRAIL`: its end. */
const KIND_AUDIT_STOP = 7;
/** IOS XE's `%IOSXE-6-PLATFORM:`, whose body carries the data plane's own tag: read past it. */
const KIND_NESTED = 8;

/** The tag `%FAC-N-MNEMONIC:` read at a `%`: where the body starts and what it is. */
class Tag {
  bodyStart = 0;
  kind = KIND_NONE;
  /** An IPv6 ACL's record (`list NAME/SEQ`). */
  v6 = false;
  /** IOS XR's layout (`access-list NAME (SEQ) deny …`). */
  xr = false;
  /** FACILITY-N-MNEMONIC, for the reason of a message not read. */
  text = '';
}

function upperOrDigit(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f;
}

/** Reads a `%FAC-N-MNEMONIC:` tag at s[i] (a `%`) into t; false when the text is no such tag. */
function readTag(s: string, i: number, end: number, t: Tag): boolean {
  let p = i + 1;
  const fac = p;
  for (;;) {
    const w = p;
    while (p < end && upperOrDigit(s.charCodeAt(p))) p++;
    if (p === w || s.charCodeAt(p) !== 0x2d) return false;
    if (digitAt(s, p + 1) >= 0 && s.charCodeAt(p + 2) === 0x2d) break;
    // A facility with a dash in it: IOS XR's `ACL-IPV4_ACL`, a stack member's `PIM-SW1`.
    p++;
  }
  const facEnd = p;
  const mn = p + 3;
  p = mn;
  while (p < end && upperOrDigit(s.charCodeAt(p))) p++;
  if (p === mn) return false;
  // IOS XR puts a blank before the colon (`%ACL-IPV4_ACL-6-IPACCESSLOGP : access-list …`).
  const colon = s.charCodeAt(p) === 0x20 ? p + 1 : p;
  if (s.charCodeAt(colon) !== 0x3a) return false;
  t.bodyStart = colon + 1;
  t.text = s.slice(i + 1, p);
  t.v6 = false;
  t.xr = false;
  t.kind = KIND_NONE;
  const facLen = facEnd - fac;
  const mnLen = p - mn;
  if (facLen === 2 && s.startsWith('FW', fac)) {
    if (mnLen === 8 && s.startsWith('DROP_PKT', mn)) t.kind = KIND_ZBF;
    else if (mnLen === 11 && s.startsWith('LOG_SUMMARY', mn)) t.kind = KIND_ZBF_SUMMARY;
    else if (mnLen === 22 && s.startsWith('SESS_AUDIT_TRAIL_START', mn)) t.kind = KIND_AUDIT_START;
    else if (mnLen === 16 && s.startsWith('SESS_AUDIT_TRAIL', mn)) t.kind = KIND_AUDIT_STOP;
    return true;
  }
  if (facLen === 5 && mnLen === 8 && s.startsWith('IOSXE', fac) && s.startsWith('PLATFORM', mn)) {
    t.kind = KIND_NESTED;
    return true;
  }
  let m = mn;
  if ((facLen === 3 && s.startsWith('SEC', fac)) || (facLen === 6 && s.startsWith('FMANFP', fac)) || (facLen === 12 && s.startsWith('ACL-IPV4_ACL', fac))) {
    // The data plane logs an IPv6 ACE as `%FMANFP-6-IPV6ACCESSLOGP:`.
    if (facLen === 6 && s.startsWith('IPV6ACCESSLOG', m)) {
      m += 13;
      t.v6 = true;
    } else if (!s.startsWith('IPACCESSLOG', m)) return true;
    else m += 11;
    t.xr = facLen === 12;
  } else if ((facLen === 8 && s.startsWith('IPV6_ACL', fac)) || (facLen === 4 && s.startsWith('IPV6', fac)) || (facLen === 12 && s.startsWith('ACL-IPV6_ACL', fac))) {
    if (!s.startsWith('ACCESSLOG', m)) return true;
    m += 9;
    t.v6 = true;
    t.xr = facLen === 12;
  } else return true;
  switch (s.slice(m, p)) {
    case 'P':
    case 'DP':
    case 'NP':
    case 'RP':
    case 'SP':
      t.kind = KIND_ACL;
      break;
    case 'S':
      t.kind = KIND_STANDARD;
      break;
    case 'RL':
      t.kind = KIND_GAP;
      break;
  }
  return true;
}

const SCRATCH_TAG = new Tag();

/**
 * s[i, tag) past the one-word fields ending in `:` that stand before an IOS stamp (an
 * origin id, a second sequence number); i itself when a stamp (`*`, `.`, a month) or
 * anything else comes first. origin[0], origin[1]: where the first of them that is not all
 * digits, the origin id (`logging origin-id hostname`), stands without its colon; -1 when none.
 */
function pastOrigin(s: string, i: number, tag: number, origin: Int32Array): number {
  origin[0] = -1;
  for (;;) {
    const w = skipSpaces(s, i, tag);
    const c = s.charCodeAt(w);
    if (w >= tag || c === 0x2a || c === 0x2e || monthAt(s, w) !== 0) return i;
    const e = tokenEnd(s, w, tag);
    if (e <= w + 1 || e >= tag) return i;
    if (s.charCodeAt(e - 1) !== 0x3a) {
      // IOS XR's node, glued to its stamp: `RP/0/RSP0/CPU0:Apr 19 09:00:41.213 UTC: …`.
      const k = s.indexOf(':', w);
      if (k < e && s.lastIndexOf('/', k) > w) {
        const c1 = s.charCodeAt(k + 1);
        return c1 === 0x2a || c1 === 0x2e || monthAt(s, k + 1) !== 0 ? k + 1 : i;
      }
      // A relay's host word without a colon before a sequence number: `<190>3: 192.0.2.1 4: Jul 14 …`.
      const n = skipSpaces(s, e, tag);
      const ne = digitsEnd(s, n, tag);
      if (ne === n || s.charCodeAt(ne) !== 0x3a) return i;
      if (origin[0] < 0) {
        origin[0] = w;
        origin[1] = e;
      }
      i = ne + 1;
      continue;
    }
    // An uptime stamp (`00:01:23:`, `1d02h:`) names no host; no wall time stands after it.
    if (isUptimeStamp(s, w, e - 1)) return e;
    if (origin[0] < 0 && digitsEnd(s, w, e - 1) < e - 1) {
      origin[0] = w;
      origin[1] = e - 1;
    }
    i = e;
  }
}

/** Index of the first `%FAC-N-MNEMONIC:` tag in the head of s[start, end), or -1. */
function tagAt(s: string, start: number, end: number, t: Tag): number {
  const lim = Math.min(end, start + TAG_WINDOW);
  let i = s.indexOf('%', start);
  while (i >= 0 && i < lim) {
    if (readTag(s, i, end, t)) {
      // `%IOSXE-6-PLATFORM: F0: cpp_cp: QFP:0.0 Thread:105 TS:… %FW-6-DROP_PKT: …`: the inner
      // tag says what the record is; the outer one's place is where the stamp ends.
      if (t.kind === KIND_NESTED && tagAt(s, t.bodyStart, end, t) < 0) t.kind = KIND_NONE;
      return i;
    }
    i = s.indexOf('%', i + 1);
  }
  return -1;
}

/** Index of a tag of a record this parser reads (access-list logging, ZBF drops), or -1: the dispatcher's test. */
export function iosRecordTagAt(s: string, start: number, end: number): number {
  const i = tagAt(s, start, end, SCRATCH_TAG);
  return i >= 0 && SCRATCH_TAG.kind !== KIND_NONE ? i : -1;
}

// ---------------------------------------------------------------- the records

const LIST_MISSING = fixedReason('missing', 'list');
const VERDICT_MISSING = fixedReason('missing', 'verdict');
const PROTO_MISSING = fixedReason('missing', 'protocol');
const ARROW_MISSING = fixedReason('missing-token', 'dst', '->');
const COUNT_CUT = fixedReason('cut-before', '', '"N packets"');
const DST_FAMILY = fixedReason('family-differs', 'dst', 'src');
const IFACE_UNCLOSED = fixedReason('unclosed', 'interface', '(');
const TYPE_UNCLOSED = fixedReason('unclosed', 'type', '(');
const SESSION_MISSING = fixedReason('missing', 'session');
const ZONE_PAIR_MISSING = fixedReason('missing', 'zone-pair');
const ARROW2_MISSING = fixedReason('missing-token', 'dst', '=>');
const TARGET_CUT = fixedReason('missing', 'zone-pair');
const SUMMARY_COUNT = fixedReason('cut-before', '', '"N packets were dropped from"');
const INITIATOR_MISSING = fixedReason('missing', 'initiator');
const RESPONDER_MISSING = fixedReason('missing', 'responder');
/** Before the zone-pair and class of a zone-based firewall's packet and audit records. */
const TARGET_CLASS = '(target:class)-(';

/** One address of a record, reused across lines. */
class Addr {
  ip = '';
  port = -1;
  error: LineReason | null = null;
}

/** `ADDR` or `ADDR(PORT)` in s[i, e) → out. */
function aclAddress(s: string, i: number, e: number, out: Addr): boolean {
  out.port = -1;
  let b = e;
  const open = s.indexOf('(', i);
  if (open >= 0 && open < e) {
    b = open;
    if (s.charCodeAt(e - 1) !== 0x29) {
      out.error = { code: 'unclosed-in', field: '', value: shown(s.slice(i, e)), bracket: '(' };
      return false;
    }
    out.port = portIn(s, open + 1, e - 1);
    if (out.port < 0) {
      out.error = reason('invalid-port', '', shown(s.slice(open + 1, e - 1)));
      return false;
    }
  }
  if (addressVersion(s, i, b) === 0) {
    out.error = reason('invalid-address', '', shown(s.slice(i, b)));
    return false;
  }
  out.ip = s.slice(i, b);
  return true;
}

/** `ADDR:PORT` in s[i, e), the port after the last colon (ZBF writes one for every protocol). */
function sessionAddress(s: string, i: number, e: number, out: Addr): boolean {
  const colon = s.lastIndexOf(':', e - 1);
  if (colon < i) {
    out.error = { code: 'expected-found', field: '', value: shown(s.slice(i, e)), syntax: 'address:port' };
    return false;
  }
  out.port = portIn(s, colon + 1, e);
  if (out.port < 0) {
    out.error = reason('invalid-port', '', shown(s.slice(colon + 1, e)));
    return false;
  }
  if (addressVersion(s, i, colon) === 0) {
    out.error = reason('invalid-address', '', shown(s.slice(i, colon)));
    return false;
  }
  out.ip = s.slice(i, colon);
  return true;
}

function tokenEnd(s: string, i: number, end: number): number {
  while (i < end && s.charCodeAt(i) !== 0x20) i++;
  return i;
}

/**
 * A MAC address as IOS writes it: `f000.02b0.a78d` (three dot-separated groups of four hex
 * digits), or as some IOS XE data planes do, `00-00-5E-00-53-23` (six dash-separated pairs).
 */
function isCiscoMac(s: string, i: number, e: number): boolean {
  const n = e - i;
  if (n === 14) {
    if (s.charCodeAt(i + 4) !== 0x2e || s.charCodeAt(i + 9) !== 0x2e) return false;
  } else if (n === 17) {
    for (let k = i + 2; k < e; k += 3) if (s.charCodeAt(k) !== 0x2d) return false;
  } else return false;
  for (let k = i; k < e; k++) {
    const c = s.charCodeAt(k) | 0x20;
    if (c === 0x2e || c === 0x2d) continue;
    if (!((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66))) return false;
  }
  return true;
}

const PORTED = new Set(['tcp', 'udp', 'sctp', 'udplite', 'dccp']);

class IosPayload implements PayloadParser {
  readonly format = ID;
  private readonly tag = new Tag();
  private readonly srcA = new Addr();
  private readonly dstA = new Addr();
  private stamp: DeviceStamp | null = null;
  /** Reads a relay's BSD header found after the sequence number (rare: made on first need). */
  private relayClock: Clock | null = null;
  private readonly labels = new Map<string, string>();
  private readonly origin = new Int32Array(2);
  /** The line's host: the syslog header's, else the origin id's. */
  private host: string | null = null;
  private lastOrigin = '';
  /** What flow() read besides the addresses: the ingress interface and the `zone-pair ZP class C` label. */
  private flowIface: string | null = null;
  private flowLabel = '';

  constructor(private readonly ctx: ParseContext) {}

  /** The origin id at s[a, b); the same string as the line before when it repeats. */
  private originHost(s: string, a: number, b: number): string {
    const h = this.lastOrigin;
    if (h.length === b - a && s.startsWith(h, a)) return h;
    return (this.lastOrigin = flat(s.slice(a, b)));
  }

  parse(s: string, start: number, end: number, head: RecordHead, lineNo: number): FirewallEvent | PayloadReject {
    const t = this.tag;
    const pct = tagAt(s, start, end, t);
    if (pct < 0) return NOT_MINE;
    if (t.kind === KIND_NONE) return new PayloadReject(false, reason('ios-not-packet', '', t.text));

    // Which clock to trust: deviceStampWins (device-stamp.ts), one rule with the ASA's.
    let time = head.time;
    let yearInferred = head.yearInferred;
    let from = start;
    if (digitAt(s, from) >= 0) {
      // The sequence number (`service sequence-numbers`).
      const d = digitsEnd(s, from, end);
      // Not an uptime stamp's hours, `00:01:23:`: a sequence number's colon is followed by a blank.
      if (s.charCodeAt(d) === 0x3a && digitAt(s, d + 1) < 0) from = d + 1;
    } else if (s.charCodeAt(from) === 0x3a) {
      // An empty sequence number: `<190>: Jan  6 2022 20:55:50.671: %SEC-…`.
      from++;
    }
    // `logging origin-id` puts a word before the stamp, and a relay's counter may follow
    // it (`15162564: BGP-BETA: 29391555: Jun 26 …`): each `WORD:` before the stamp is passed.
    const origin = this.origin;
    from = pastOrigin(s, from, pct, origin);
    // IOS XR names the process between its stamp and the tag: `…213 UTC: ipv4_acl_mgr[162]: %ACL-…`.
    let stampEnd = pct;
    if (s.charCodeAt(pct - 2) === 0x3a && s.charCodeAt(pct - 3) === 0x5d) {
      const sp = s.lastIndexOf(' ', pct - 4);
      if (sp >= from) stampEnd = sp + 1;
    }
    let relayHost: string | null = null;
    if (from < stampEnd) {
      const st = (this.stamp ??= new DeviceStamp(this.ctx));
      let read = st.read(s, from, stampEnd);
      if (!read && st.error === null && monthAt(s, skipSpaces(s, from, stampEnd)) !== 0) {
        // A relay's BSD header after the sequence number: `<190>3132517: Jul 13 08:23:43
        // 192.168.100.2 sw01: 3132779: Jul 14 2023 08:23:43.398 UTC: %…`. Its time and host
        // are the header's; the device's stamp follows its origin id and counter.
        const rc = (this.relayClock ??= new Clock(this.ctx));
        const ms = rc.bsd(s, skipSpaces(s, from, stampEnd));
        if (ms === ms && s.charCodeAt(rc.end) === 0x20) {
          const hS = skipSpaces(s, rc.end, stampEnd);
          const hE = tokenEnd(s, hS, stampEnd);
          if (hE > hS && hE < stampEnd) {
            relayHost = this.originHost(s, hS, s.charCodeAt(hE - 1) === 0x3a ? hE - 1 : hE);
            if (time === null) {
              time = new Date(ms);
              yearInferred = rc.yearInferred;
            }
            from = pastOrigin(s, hE, stampEnd, origin);
            read = st.read(s, from, stampEnd);
          }
        }
      }
      if (read) {
        if (deviceStampWins(time, st)) {
          time = new Date(st.ms);
          yearInferred = !st.year;
          st.used();
        }
      } else if (st.error !== null) return malformed(st.error);
    }
    // The origin id is the router's name (or address) when no syslog header named a host.
    this.host = head.host ?? relayHost ?? (origin[0] >= 0 ? this.originHost(s, origin[0], origin[1]) : null);

    const b = skipSpaces(s, t.bodyStart, end);
    switch (t.kind) {
      case KIND_GAP:
        return this.gap(s, b, end, head, time, yearInferred, lineNo);
      case KIND_ZBF:
        return this.zbf(s, b, end, head, time, yearInferred, lineNo);
      case KIND_ZBF_SUMMARY:
        return this.summary(s, b, end, head, time, yearInferred, lineNo);
      case KIND_AUDIT_START:
      case KIND_AUDIT_STOP:
        return this.audit(s, b, end, t.kind === KIND_AUDIT_START, head, time, yearInferred, lineNo);
    }
    return this.acl(s, b, end, t, head, time, yearInferred, lineNo);
  }

  /** `access-list logging rate-limited or missed N packet[s]`: a gap, no packet. */
  private gap(s: string, b: number, end: number, head: RecordHead, time: Date | null, yearInferred: boolean, lineNo: number): FirewallEvent | PayloadReject {
    const lead = 'access-list logging rate-limited or missed ';
    if (!s.startsWith(lead, b)) return malformed({ code: 'expected-found', field: IOS_GAP_MARKER, value: shown(s.slice(b, end)), syntax: `${lead}N packets` });
    const n0 = b + lead.length;
    const ne = digitsEnd(s, n0, end);
    const n = uintIn(s, n0, ne);
    if (n < 0 || !s.startsWith(' packet', ne)) return malformed({ code: 'expected-found', field: IOS_GAP_MARKER, value: shown(s.slice(b, end)), syntax: `${lead}N packets` });
    return this.event(head, time, yearInferred, 'other', `${IOS_GAP_MARKER} ${n}`, null, 'other', null, -1, null, -1, null, null, 1, lineNo);
  }

  /**
   * `Dropping PROTO session SRC:PORT DST:PORT on zone-pair ZP class CLASS …`, or the form IOS XE
   * (and IOS with `parameter-map type inspect-global` `log dropped-packets`) writes:
   * `Dropping PROTO pkt from IF SRC:PORT => DST:PORT(target:class)-(ZP:CLASS) due to …`.
   */
  private zbf(s: string, b: number, end: number, head: RecordHead, time: Date | null, yearInferred: boolean, lineNo: number): FirewallEvent | PayloadReject {
    if (!s.startsWith('Dropping ', b)) return malformed({ code: 'expected-found', field: 'DROP_PKT', value: shown(s.slice(b, Math.min(end, b + 40))), syntax: 'Dropping PROTO session SRC:PORT DST:PORT' });
    const pS = b + 9;
    const pE = tokenEnd(s, pS, end);
    const proto = inspectProtocol(s.slice(pS, pE));
    if (s.startsWith(' pkt from ', pE) || s.startsWith(' packet from ', pE)) {
      const f = this.flow(s, pE + (s.charCodeAt(pE + 1) === 0x70 && s.charCodeAt(pE + 2) === 0x6b ? 10 : 13), end);
      if (f !== null) return malformed(f);
      return this.flowEvent(head, time, yearInferred, 'drop', this.label(this.flowLabel), proto, 1, lineNo);
    }
    if (!s.startsWith(' session ', pE)) return malformed(SESSION_MISSING);
    const aS = pE + 9;
    const aE = tokenEnd(s, aS, end);
    const sa = this.srcA;
    const da = this.dstA;
    if (!sessionAddress(s, aS, aE, sa)) return malformed(underField(sa.error!, 'src'));
    const dS = skipSpaces(s, aE, end);
    const dE = tokenEnd(s, dS, end);
    if (dE === dS) return malformed(reason('missing', 'dst'));
    if (!sessionAddress(s, dS, dE, da)) return malformed(underField(da.error!, 'dst'));
    const zp = s.indexOf(' on zone-pair ', dE);
    if (zp < 0 || zp >= end) return malformed(ZONE_PAIR_MISSING);
    const zS = zp + 14;
    const zE = tokenEnd(s, zS, end);
    let label = `zone-pair ${s.slice(zS, zE)}`;
    if (s.startsWith(' class ', zE)) {
      const cS = zE + 7;
      const cE = tokenEnd(s, cS, end);
      if (cE > cS) label += ` class ${s.slice(cS, cE)}`;
    }
    this.flowIface = null;
    return this.flowEvent(head, time, yearInferred, 'drop', this.label(label), proto, 1, lineNo);
  }

  /**
   * `N [PROTO] packet[s] were dropped from [IF] SRC:PORT => DST:PORT (target:class)-(ZP:CLASS)`:
   * the zone-based firewall's count of one flow's dropped packets since its last summary
   * (`log summary` in the inspect parameter map), one event of N packets.
   */
  private summary(s: string, b: number, end: number, head: RecordHead, time: Date | null, yearInferred: boolean, lineNo: number): FirewallEvent | PayloadReject {
    const nE = digitsEnd(s, b, end);
    const n = uintIn(s, b, nE);
    if (n < 1 || s.charCodeAt(nE) !== 0x20) return malformed(SUMMARY_COUNT);
    let q = nE + 1;
    let proto = 'other';
    if (!s.startsWith('packet', q)) {
      const pE = tokenEnd(s, q, end);
      proto = inspectProtocol(s.slice(q, pE));
      q = pE + 1;
    }
    const from = s.indexOf(' dropped from ', q);
    if (!s.startsWith('packet', q) || from < 0 || from > q + 20 || from >= end) return malformed(SUMMARY_COUNT);
    const f = this.flow(s, from + 14, end);
    if (f !== null) return malformed(f);
    return this.flowEvent(head, time, yearInferred, 'drop', this.label(this.flowLabel), proto, n, lineNo);
  }

  /**
   * An inspected session's start or end (`audit-trail on`):
   * `[(target:class)-(ZP:CLASS):]Start PROTO session: initiator (A:P) -- responder (B:P)`,
   * `… Stop PROTO session: initiator (A:P) sent N bytes -- responder (B:P) sent M bytes`.
   * A connection the firewall let through, as an ASA's Built and Teardown are: both are
   * connection records (connectionRecords below), the end labelled ` (stop)` (role late in
   * signatures/annotations.json: only the start can be a probe).
   */
  private audit(s: string, b: number, end: number, start: boolean, head: RecordHead, time: Date | null, yearInferred: boolean, lineNo: number): FirewallEvent | PayloadReject {
    let q = b;
    let scope = '';
    if (s.startsWith(TARGET_CLASS, q)) {
      const close = s.indexOf(')', q + TARGET_CLASS.length);
      const colon = s.lastIndexOf(':', close);
      if (close < 0 || close >= end || colon < q + TARGET_CLASS.length) return malformed(TARGET_CUT);
      scope = ` zone-pair ${s.slice(q + TARGET_CLASS.length, colon)} class ${s.slice(colon + 1, close)}`;
      q = skipSpaces(s, s.charCodeAt(close + 1) === 0x3a ? close + 2 : close + 1, end);
    }
    const word = start ? 'Start ' : 'Stop ';
    if (!s.startsWith(word, q)) return malformed({ code: 'expected-found', field: start ? 'SESS_AUDIT_TRAIL_START' : 'SESS_AUDIT_TRAIL', value: shown(s.slice(q, Math.min(end, q + 40))), syntax: `${word}PROTO session: initiator (A:P) -- responder (B:P)` });
    const pS = q + word.length;
    const pE = tokenEnd(s, pS, end);
    if (!s.startsWith(' session: initiator (', pE)) return malformed(INITIATOR_MISSING);
    const aS = pE + 21;
    const aE = s.indexOf(')', aS);
    const sa = this.srcA;
    const da = this.dstA;
    if (aE < 0 || aE >= end) return malformed(INITIATOR_MISSING);
    if (!sessionAddress(s, aS, aE, sa)) return malformed(underField(sa.error!, 'src'));
    const r = s.indexOf(' -- responder (', aE);
    if (r < 0 || r >= end) return malformed(RESPONDER_MISSING);
    const dS = r + 15;
    const dE = s.indexOf(')', dS);
    if (dE < 0 || dE >= end) return malformed(RESPONDER_MISSING);
    if (!sessionAddress(s, dS, dE, da)) return malformed(underField(da.error!, 'dst'));
    // IOS XE's zone-based firewall names the ingress interface last: `… -- responder (B:P) from Tunnel1`.
    let iface: string | null = null;
    const f = s.indexOf(' from ', dE);
    if (f >= 0 && f + 6 < end) {
      const iE = tokenEnd(s, f + 6, end);
      if (iE > f + 6) iface = s.slice(f + 6, iE);
    }
    this.flowIface = iface;
    const label = start ? `FW-6-SESS_AUDIT_TRAIL_START${scope}` : `FW-6-SESS_AUDIT_TRAIL${scope} (stop)`;
    const proto = inspectProtocol(s.slice(pS, pE));
    // An ICMP session's initiator "port" is the request's ICMP type (`initiator (A:8)`, an echo
    // request, as `show ip inspect session` keys it); the responder's is no code.
    return this.flowEvent(head, time, yearInferred, 'allow', this.label(label), proto, 1, lineNo, proto === 'icmp' ? sa.port : -1);
  }

  /**
   * `[IF] SRC:PORT => DST:PORT[ ](target:class)-(ZP:CLASS)` at q into srcA, dstA, flowIface and
   * flowLabel; null when read, else why not.
   */
  private flow(s: string, q: number, end: number): LineReason | null {
    q = skipSpaces(s, q, end);
    let tE = tokenEnd(s, q, end);
    let iface: string | null = null;
    if (!s.startsWith(' =>', tE)) {
      iface = s.slice(q, tE);
      q = skipSpaces(s, tE, end);
      tE = tokenEnd(s, q, end);
    }
    const sa = this.srcA;
    const da = this.dstA;
    if (!sessionAddress(s, q, tE, sa)) return underField(sa.error!, 'src');
    if (!s.startsWith(' => ', tE)) return ARROW2_MISSING;
    const dS = tE + 4;
    let dE = dS;
    while (dE < end && s.charCodeAt(dE) !== 0x28 && s.charCodeAt(dE) !== 0x20) dE++;
    if (!sessionAddress(s, dS, dE, da)) return underField(da.error!, 'dst');
    const t = skipSpaces(s, dE, end);
    if (!s.startsWith(TARGET_CLASS, t)) return TARGET_CUT;
    const close = s.indexOf(')', t + TARGET_CLASS.length);
    const colon = s.lastIndexOf(':', close);
    if (close < 0 || close >= end || colon < t + TARGET_CLASS.length) return TARGET_CUT;
    this.flowIface = iface;
    this.flowLabel = `zone-pair ${s.slice(t + TARGET_CLASS.length, colon)} class ${s.slice(colon + 1, close)}`;
    return null;
  }

  /** The event of a zone-based firewall record whose addresses are in srcA and dstA. */
  private flowEvent(head: RecordHead, time: Date | null, yearInferred: boolean, action: Action, label: string, proto: string, count: number, lineNo: number, icmpType = -1): FirewallEvent | PayloadReject {
    const sa = this.srcA;
    const da = this.dstA;
    const ver = addressVersion(sa.ip, 0, sa.ip.length) === 6 ? 6 : 4;
    if (addressVersion(da.ip, 0, da.ip.length) !== ver) return malformed(DST_FAMILY);
    const name = ver === 6 && proto === 'icmp' ? 'icmpv6' : proto;
    const ports = PORTED.has(name);
    return this.event(head, time, yearInferred, action, label, this.flowIface, name, sa.ip, ports ? sa.port : -1, da.ip, ports ? da.port : -1, ver, icmpOf(name, name === 'icmp' && icmpType <= 255 ? icmpType : -1, -1), count, lineNo);
  }

  /** `list ACL VERDICT …, N packet[s]` (see the layouts at the top). */
  private acl(s: string, b: number, end: number, t: Tag, head: RecordHead, time: Date | null, yearInferred: boolean, lineNo: number): FirewallEvent | PayloadReject {
    let nS: number;
    let nameE: number;
    let seq = '';
    let action: Action;
    let q: number;
    if (t.xr) {
      // IOS XR: `access-list NAME (SEQ) {permit|deny} PROTO …`.
      if (!s.startsWith('access-list ', b)) return malformed(LIST_MISSING);
      nS = b + 12;
      nameE = tokenEnd(s, nS, end);
      if (nameE === nS || nameE >= end) return malformed(reason('truncated', 'list'));
      let vS = nameE + 1;
      if (s.charCodeAt(vS) === 0x28) {
        const sE = digitsEnd(s, vS + 1, end);
        if (sE === vS + 1 || s.charCodeAt(sE) !== 0x29) return malformed(reason('invalid', 'sequence', shown(s.slice(vS, tokenEnd(s, vS, end)))));
        seq = s.slice(vS + 1, sE);
        vS = sE + 2;
      }
      const vE = tokenEnd(s, vS, end);
      if (vE - vS === 4 && s.startsWith('deny', vS)) action = 'drop';
      else if (vE - vS === 6 && s.startsWith('permit', vS)) action = 'allow';
      else if (vE === vS || vE >= end) return malformed(VERDICT_MISSING);
      else return malformed(reason('unknown', 'verdict', shown(s.slice(vS, vE))));
      q = vE + 1;
    } else {
      // IOS XE's data plane puts its slot first (`F0/0: list …`), some releases its
      // process too (`R0/0: fman_fp_image: list …`, `SIP0: fman_fp_image:  list …`).
      let p = b;
      if (!s.startsWith('list ', p)) {
        const l = s.indexOf(' list ', p);
        if (l < 0 || l > p + 40 || l >= end) return malformed(LIST_MISSING);
        p = l + 1;
      }
      nS = p + 5;
      const nE = tokenEnd(s, nS, end);
      if (nE === nS || nE >= end) return malformed(reason('truncated', 'list'));
      nameE = nE;
      if (t.v6) {
        // `NAME/SEQ`: the ACE's sequence number after the last slash (a name may hold slashes).
        const slash = s.lastIndexOf('/', nE - 1);
        if (slash > nS && digitsEnd(s, slash + 1, nE) === nE && nE > slash + 1) {
          nameE = slash;
          seq = s.slice(slash + 1, nE);
        }
      }
      const vS = nE + 1;
      const vE = tokenEnd(s, vS, end);
      if (vE - vS === 6 && s.startsWith('denied', vS)) action = 'drop';
      else if (vE - vS === 9 && s.startsWith('permitted', vS)) action = 'allow';
      else if (vE === vS || vE >= end) return malformed(VERDICT_MISSING);
      else return malformed(reason('unknown', 'verdict', shown(s.slice(vS, vE))));
      q = vE + 1;
    }

    // A standard ACL matches on the source alone: the protocol is not logged.
    let proto = 'other';
    if (t.kind === KIND_ACL) {
      const pE = tokenEnd(s, q, end);
      if (pE === q || pE >= end) return malformed(PROTO_MISSING);
      proto = protoByName(s.slice(q, pE));
      // A console capture may show two blanks after the protocol (`tcp  121.160.10.1(54244)`).
      q = skipSpaces(s, pE, end);
    }
    // IOS XE's data plane writes the source MAC before the source.
    let tE = tokenEnd(s, q, end);
    if (isCiscoMac(s, q, tE)) {
      q = tE + 1;
      tE = tokenEnd(s, q, end);
    }
    const sa = this.srcA;
    const da = this.dstA;
    if (!aclAddress(s, q, tE, sa)) return malformed(underField(sa.error!, 'src'));
    q = skipSpaces(s, tE, end);
    // `log-input`: `(INTERFACE MAC)` (IPv6: `(INTERFACE)`) after the source; IOS XE's data
    // plane writes the bare interface, glued to the arrow (`TenGigabitEthernet0/1/1->`).
    let inIface: string | null = null;
    if (s.charCodeAt(q) === 0x28) {
      const close = s.indexOf(')', q);
      if (close < 0 || close >= end) return malformed(IFACE_UNCLOSED);
      const iE = tokenEnd(s, q + 1, close);
      if (iE > q + 1) inIface = s.slice(q + 1, iE);
      q = skipSpaces(s, close + 1, end);
    } else if (t.kind === KIND_ACL && !s.startsWith('->', q)) {
      const iE = tokenEnd(s, q, end);
      const glued = iE - q > 2 && s.charCodeAt(iE - 2) === 0x2d && s.charCodeAt(iE - 1) === 0x3e;
      if (glued || s.startsWith(' ->', iE)) {
        inIface = s.slice(q, glued ? iE - 2 : iE);
        q = glued ? iE - 2 : iE + 1;
      }
    }
    const ver = addressVersion(sa.ip, 0, sa.ip.length);
    let dstIp: string | null = null;
    let typ = -1;
    let code = -1;
    if (t.kind === KIND_ACL) {
      if (!s.startsWith('->', q)) return malformed(ARROW_MISSING);
      q = skipSpaces(s, q + 2, end);
      let dE = q;
      while (dE < end) {
        const c = s.charCodeAt(dE);
        if (c === 0x20 || c === 0x2c) break;
        dE++;
      }
      if (dE === q) return malformed(reason('missing', 'dst'));
      if (!aclAddress(s, q, dE, da)) return malformed(underField(da.error!, 'dst'));
      if (addressVersion(da.ip, 0, da.ip.length) !== ver) return malformed(DST_FAMILY);
      dstIp = da.ip;
      q = skipSpaces(s, dE, end);
      // `(TYPE/CODE)` of ICMP, `(IGMP-TYPE)` of IGMP.
      if (s.charCodeAt(q) === 0x28) {
        const close = s.indexOf(')', q);
        if (close < 0 || close >= end) return malformed(TYPE_UNCLOSED);
        const slash = s.indexOf('/', q);
        if (slash > q && slash < close) {
          typ = uintIn(s, q + 1, slash);
          code = uintIn(s, slash + 1, close);
        }
        q = skipSpaces(s, close + 1, end);
      }
    } else da.port = -1;
    // `, N packet[s]` (the standard ACL's has no comma).
    if (s.charCodeAt(q) === 0x2c) q = skipSpaces(s, q + 1, end);
    const cE = digitsEnd(s, q, end);
    const count = uintIn(s, q, cE);
    if (count < 1 || !s.startsWith(' packet', cE)) return malformed(COUNT_CUT);
    // ACL syslog correlation: `[0x723E6E12]` or the ACE's cookie after the count.
    let tag = '';
    const after = skipSpaces(s, cE + 7 + (s.charCodeAt(cE + 7) === 0x73 ? 1 : 0), end);
    if (s.charCodeAt(after) === 0x5b) {
      const close = s.indexOf(']', after);
      if (close > after + 1 && close < end) tag = s.slice(after, close + 1);
    }
    let label = `list ${s.slice(nS, nameE)}`;
    if (seq !== '') label += ` seq ${seq}`;
    if (tag !== '') label += ` ${tag}`;
    const name = ver === 6 && proto === 'icmp' ? 'icmpv6' : proto;
    const ports = PORTED.has(name);
    return this.event(head, time, yearInferred, action, this.label(label), inIface, name, sa.ip, ports ? sa.port : -1, dstIp, ports ? da.port : -1, ver === 6 ? 6 : 4, icmpOf(name, typ, code), count, lineNo);
  }

  /** The label as one string per distinct text (a log repeats a few ACLs). */
  private label(text: string): string {
    let l = this.labels.get(text);
    if (l === undefined) {
      if (this.labels.size >= 4096) this.labels.clear();
      this.labels.set(text, (l = text));
    }
    return l;
  }

  private event(
    head: RecordHead,
    time: Date | null,
    yearInferred: boolean,
    action: Action,
    rule: string,
    inIface: string | null,
    proto: string,
    src: string | null,
    sport: number,
    dst: string | null,
    dport: number,
    ipVersion: 4 | 6 | null,
    icmp: IcmpInfo | null,
    count: number,
    lineNo: number,
  ): FirewallEvent {
    return {
      time,
      yearInferred,
      uptime: head.uptime,
      host: this.host,
      format: ID,
      action,
      direction: null,
      rule,
      inIface,
      outIface: null,
      proto,
      ipVersion,
      src: { ip: src, port: sport >= 0 ? sport : null },
      dst: { ip: dst, port: dport >= 0 ? dport : null },
      ttl: null,
      len: null,
      // ACL logging names no TCP flags.
      tcpFlags: null,
      tcpWindow: null,
      pid: null,
      icmp,
      count: count * head.count,
      origin: { file: this.ctx.file, line: lineNo },
      annotations: [],
    };
  }
}

function icmpOf(proto: string, type: number, code: number): IcmpInfo | null {
  if (proto !== 'icmp' && proto !== 'icmpv6') return null;
  return { type: type >= 0 ? type : null, code: code >= 0 ? code : null, embedded: null };
}

export function createIosPayload(ctx: ParseContext): PayloadParser {
  return new IosPayload(ctx);
}

/** Sniff-only pattern (compiled once): the tags of the records read. */
const RECORD_TAG =
  /%(?:(?:SEC|FMANFP|ACL-IPV4_ACL)-\d-IPACCESSLOG(?:P|DP|NP|RP|SP|S|RL) ?|FMANFP-\d-IPV6ACCESSLOG(?:P|DP|NP|SP)|(?:IPV6(?:_ACL)?|ACL-IPV6_ACL)-\d-ACCESSLOG(?:P|DP|NP|RP|SP|S|RL) ?|FW-\d-(?:DROP_PKT|LOG_SUMMARY|SESS_AUDIT_TRAIL(?:_START)?)):/;

const sniff = sniffMatching(RECORD_TAG);

const NO_RULE: RuleFields = Object.freeze({});

/**
 * The rule label in ECS terms: the access list is rule.name, an IPv6 ACE's sequence number
 * or the correlation tag (hash or cookie) rule.id; for a zone-based firewall's drop the
 * class is rule.name and the zone-pair, the policy's scope, rule.ruleset (its name is the
 * admin's, not the two zones', so no zone is claimed).
 */
function iosRuleFields(rule: string): RuleFields {
  if (rule.startsWith('list ')) {
    let rest = rule.slice(5);
    let id: string | undefined;
    const tagAtEnd = rest.endsWith(']') ? rest.lastIndexOf(' [') : -1;
    if (tagAtEnd > 0) {
      id = rest.slice(tagAtEnd + 2, -1);
      rest = rest.slice(0, tagAtEnd);
    }
    const seq = rest.lastIndexOf(' seq ');
    if (seq > 0) {
      id = rest.slice(seq + 5);
      rest = rest.slice(0, seq);
    }
    return id === undefined ? { name: rest } : { name: rest, id };
  }
  if (rule.startsWith(IOS_GAP_MARKER)) return NO_RULE;
  if (rule.startsWith('zone-pair ')) return zonePairFields(rule, 0);
  if (rule.startsWith('FW-')) {
    // An audit record: `FW-6-SESS_AUDIT_TRAIL[_START][ zone-pair ZP class C][ (stop)]`. The tag is
    // no event.code: a code is worded as an access list's message (rule-rows.ts), and a class is none.
    const zp = rule.indexOf(' zone-pair ');
    return zp < 0 ? NO_RULE : zonePairFields(rule.endsWith(' (stop)') ? rule.slice(0, -7) : rule, zp + 1);
  }
  return {};
}

/** `zone-pair ZP[ class CLASS]` from rule[at]: the zone-pair the policy's scope, the class its name. */
function zonePairFields(rule: string, at: number): RuleFields {
  const cls = rule.indexOf(' class ', at);
  return cls < 0 ? { ruleset: rule.slice(at + 10) } : { ruleset: rule.slice(at + 10, cls), name: rule.slice(cls + 7) };
}

export const ciscoIosFormat: FormatDefinition = {
  id: ID,
  examples: [
    'Nov 20 06:25:01 10.0.0.1 123: *Nov 20 06:25:01.123: %SEC-6-IPACCESSLOGP: list 101 denied tcp 203.0.113.7(41234) -> 192.168.1.10(23), 1 packet',
    'Nov 20 06:30:01 10.0.0.1 131: Nov 20 2026 06:30:00.412 CET: %SEC-6-IPACCESSLOGDP: list OUTSIDE_IN denied icmp 203.0.113.7 (GigabitEthernet0/1 0011.2233.4455) -> 192.168.1.10 (8/0), 4 packets',
    'Nov 20 06:31:12 10.0.0.1 140: *Nov 20 06:31:12.870: %IPV6_ACL-6-ACCESSLOGP: list V6IN/10 denied tcp 2001:DB8::1(1234) (GigabitEthernet0/0) -> 2001:DB8::2(23), 1 packet',
    'Nov 20 06:32:10 10.0.0.1 145: *Nov 20 06:32:10.500: %FW-6-DROP_PKT: Dropping tcp session 203.0.113.7:41234 192.168.1.10:23 on zone-pair OUT-IN class class-default with ip ident 0',
  ],
  sniff,
  create: syslogPayloadCreate(createIosPayload, '%SEC-'),
  ruleFields: iosRuleFields,
  // An inspected session's start and end (`audit-trail on`): one connection, two records, as an
  // ASA's Built and Teardown (connection-records.ts); a permitted ACL line is a packet.
  connectionRecords: { action: 'allow', messageIds: ['SESS_AUDIT_TRAIL_START', 'SESS_AUDIT_TRAIL'] },
  // `IPACCESSLOGRL N`: N packets matched a logging ACE but were not logged (parsers/log-gaps.ts).
  logGapMarker: IOS_GAP_MARKER,
};
