// Cisco IOS / IOS XE access-list logging (an ACE with `log` or `log-input`) and the
// zone-based firewall's dropped packets, as the router or switch sends them to syslog:
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
import { DeviceStamp, deviceStampWins } from './device-stamp.js';
import { protoByName } from '../util/protocols.js';
import { malformed, PayloadReject, type RecordHead } from './netfilter.js';
import { NOT_MINE, type PayloadParser } from './payload.js';
import { syslogPayloadCreate } from './payload-dispatch.js';
import { digitAt, monthAt } from './timestamp.js';
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

/** The tag `%FAC-N-MNEMONIC:` read at a `%`: where the body starts and what it is. */
class Tag {
  bodyStart = 0;
  kind = KIND_NONE;
  /** An IPv6 ACL's record (`list NAME/SEQ`). */
  v6 = false;
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
  while (p < end && upperOrDigit(s.charCodeAt(p))) p++;
  if (p === fac || s.charCodeAt(p) !== 0x2d || digitAt(s, p + 1) < 0 || s.charCodeAt(p + 2) !== 0x2d) return false;
  const facEnd = p;
  const mn = p + 3;
  p = mn;
  while (p < end && upperOrDigit(s.charCodeAt(p))) p++;
  if (p === mn || s.charCodeAt(p) !== 0x3a) return false;
  t.bodyStart = p + 1;
  t.text = s.slice(i + 1, p);
  t.v6 = false;
  t.kind = KIND_NONE;
  const facLen = facEnd - fac;
  if (facLen === 2 && s.startsWith('FW', fac)) {
    if (p - mn === 8 && s.startsWith('DROP_PKT', mn)) t.kind = KIND_ZBF;
    return true;
  }
  let m = mn;
  if ((facLen === 3 && s.startsWith('SEC', fac)) || (facLen === 6 && s.startsWith('FMANFP', fac))) {
    // The data plane logs an IPv6 ACE as `%FMANFP-6-IPV6ACCESSLOGP:`.
    if (facLen === 6 && s.startsWith('IPV6ACCESSLOG', m)) {
      m += 13;
      t.v6 = true;
    } else if (!s.startsWith('IPACCESSLOG', m)) return true;
    else m += 11;
  } else if ((facLen === 8 && s.startsWith('IPV6_ACL', fac)) || (facLen === 4 && s.startsWith('IPV6', fac))) {
    if (!s.startsWith('ACCESSLOG', m)) return true;
    m += 9;
    t.v6 = true;
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
    if (e <= w + 1 || e >= tag || s.charCodeAt(e - 1) !== 0x3a) return i;
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
    if (readTag(s, i, end, t)) return i;
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
  private readonly labels = new Map<string, string>();
  private readonly origin = new Int32Array(2);
  /** The line's host: the syslog header's, else the origin id's. */
  private host: string | null = null;
  private lastOrigin = '';

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
      if (s.charCodeAt(d) === 0x3a) from = d + 1;
    } else if (s.charCodeAt(from) === 0x3a) {
      // An empty sequence number: `<190>: Jan  6 2022 20:55:50.671: %SEC-…`.
      from++;
    }
    // `logging origin-id` puts a word before the stamp, and a relay's counter may follow
    // it (`15162564: BGP-BETA: 29391555: Jun 26 …`): each `WORD:` before the stamp is passed.
    const origin = this.origin;
    from = pastOrigin(s, from, pct, origin);
    // The origin id is the router's name (or address) when no syslog header named a host.
    this.host = head.host ?? (origin[0] >= 0 ? this.originHost(s, origin[0], origin[1]) : null);
    if (from < pct) {
      const st = (this.stamp ??= new DeviceStamp(this.ctx));
      if (st.read(s, from, pct)) {
        if (deviceStampWins(time, st)) {
          time = new Date(st.ms);
          yearInferred = !st.year;
          st.used();
        }
      } else if (st.error !== null) return malformed(st.error);
    }

    const b = skipSpaces(s, t.bodyStart, end);
    if (t.kind === KIND_GAP) return this.gap(s, b, end, head, time, yearInferred, lineNo);
    if (t.kind === KIND_ZBF) return this.zbf(s, b, end, head, time, yearInferred, lineNo);
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

  /** `Dropping PROTO session SRC:PORT DST:PORT on zone-pair ZP class CLASS …`. */
  private zbf(s: string, b: number, end: number, head: RecordHead, time: Date | null, yearInferred: boolean, lineNo: number): FirewallEvent | PayloadReject {
    if (!s.startsWith('Dropping ', b)) return malformed({ code: 'expected-found', field: 'DROP_PKT', value: shown(s.slice(b, Math.min(end, b + 40))), syntax: 'Dropping PROTO session SRC:PORT DST:PORT' });
    const pS = b + 9;
    const pE = tokenEnd(s, pS, end);
    if (!s.startsWith(' session ', pE)) return malformed(SESSION_MISSING);
    const proto = protoByName(s.slice(pS, pE));
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
    const ver = addressVersion(sa.ip, 0, sa.ip.length) === 6 ? 6 : 4;
    if (addressVersion(da.ip, 0, da.ip.length) !== ver) return malformed(DST_FAMILY);
    const name = ver === 6 && proto === 'icmp' ? 'icmpv6' : proto;
    const ports = PORTED.has(name);
    return this.event(head, time, yearInferred, 'drop', this.label(label), null, name, sa.ip, ports ? sa.port : -1, da.ip, ports ? da.port : -1, ver, icmpOf(name, -1, -1), 1, lineNo);
  }

  /** `list ACL VERDICT …, N packet[s]` (see the layouts at the top). */
  private acl(s: string, b: number, end: number, t: Tag, head: RecordHead, time: Date | null, yearInferred: boolean, lineNo: number): FirewallEvent | PayloadReject {
    // IOS XE's data plane puts its slot first (`F0/0: list …`), some releases its
    // process too (`R0/0: fman_fp_image: list …`, `SIP0: fman_fp_image:  list …`).
    let p = b;
    if (!s.startsWith('list ', p)) {
      const l = s.indexOf(' list ', p);
      if (l < 0 || l > p + 40 || l >= end) return malformed(LIST_MISSING);
      p = l + 1;
    }
    const nS = p + 5;
    const nE = tokenEnd(s, nS, end);
    if (nE === nS || nE >= end) return malformed(reason('truncated', 'list'));
    let nameE = nE;
    let seq = '';
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
    let action: Action;
    if (vE - vS === 6 && s.startsWith('denied', vS)) action = 'drop';
    else if (vE - vS === 9 && s.startsWith('permitted', vS)) action = 'allow';
    else if (vE === vS || vE >= end) return malformed(VERDICT_MISSING);
    else return malformed(reason('unknown', 'verdict', shown(s.slice(vS, vE))));
    let q = vE + 1;

    // A standard ACL matches on the source alone: the protocol is not logged.
    let proto = 'other';
    if (t.kind === KIND_ACL) {
      const pE = tokenEnd(s, q, end);
      if (pE === q || pE >= end) return malformed(PROTO_MISSING);
      proto = protoByName(s.slice(q, pE));
      q = pE + 1;
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
const RECORD_TAG = /%(?:(?:SEC|FMANFP)-\d-IPACCESSLOG(?:P|DP|NP|RP|SP|S|RL)|FMANFP-\d-IPV6ACCESSLOG(?:P|DP|NP|SP)|IPV6(?:_ACL)?-\d-ACCESSLOG(?:P|DP|NP|RP|SP|S|RL)|FW-\d-DROP_PKT):/;

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
  if (rule.startsWith('zone-pair ')) {
    const cls = rule.indexOf(' class ');
    return cls < 0 ? { ruleset: rule.slice(10) } : { ruleset: rule.slice(10, cls), name: rule.slice(cls + 7) };
  }
  return {};
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
  // `IPACCESSLOGRL N`: N packets matched a logging ACE but were not logged (parsers/log-gaps.ts).
  logGapMarker: IOS_GAP_MARKER,
};
