// Cisco ASA / PIX / FTD / FWSM syslog messages (`%ASA-<level>-<id>: text`):
//
//   <164>Aug 05 2016 01:02:25: %ASA-4-106023: Deny udp src Inside:10.230.4.88/42350 dst Outside:192.168.2.53/53 by access-group "Inside_access_in" [0x962df600, 0x0]
//   <166>Jan  5 08:52:35 10.22.8.216 %ASA-6-302014: Teardown TCP connection 212805593 for outside:10.22.8.223/59614(LOCAL\user.name) to inside:10.22.8.78/8102 duration 0:00:07 bytes 3433 TCP FINs
//
// The envelope (syslog-envelope.ts) reads `<PRI>`, BSD/ISO stamps and the device
// address as host; the ASA's own stamp is read here: `Mmm dd yyyy HH:MM:SS:` (a year, local
// time) by AsaClock, one that names its zone (`… UTC:`, `… CEST:`, also after a relay's
// header) by DeviceStamp (device-stamp.ts, with its rule for which stamp wins, shared with
// Cisco IOS). A port may be written as Cisco's name (`/ssh`): asa-port-names.ts. Only the message ids in EXTRACTORS become events: each
// carries the addresses of one packet or connection. Every other id is skipped with
// the id in the reason (`ASA 713202: not a packet or connection message`); nothing is
// guessed from free text.
//
// Mapping: deny/discard messages → drop, Built/Teardown and permits → allow.
// Built inbound: src = the `for` endpoint; Built outbound: the connection was opened
// from the `to` side, so src/dst are swapped (as Filebeat does). Teardown messages do
// not say who opened the connection: src/dst stay in logged order, direction null.
// `rule` is the tag (`ASA-4-106023`), plus `access-group X` / `access-list X` when logged
// (`rule X` for an FTD connection event's access control rule); in ECS the message id is
// event.code and the access list or rule rule.name (asaRuleFields).
import type { Action, Direction, EmbeddedPacket, FirewallEvent } from '../event.js';
import { addressVersion } from './address.js';
import { asaPortByName, isPortName } from './asa-port-names.js';
import { digitsEnd, flagWordBit, flagNames, FLAG_SYN, portIn, shown, skipSpaces, uintIn } from './fields.js';
import { protoByName } from '../util/protocols.js';
import { localTimeConverter, withTimeCarry, type LocalTimeToEpoch } from './local-time.js';
import { PayloadReject, type RecordHead } from './netfilter.js';
import { NOT_MINE, type PayloadParser } from './payload.js';
import { syslogPayloadFormat } from './payload-dispatch.js';
import { MAX_REPEAT } from './syslog-envelope.js';
import { DeviceStamp, deviceStampWins } from './device-stamp.js';
import { SharedDates } from '../util/shared-date.js';
import { digitAt, monthAt, yearNamed, yearReason } from './timestamp.js';
import { recordShare, type FormatDefinition, type LocalTimeCarry, type ParseContext, type RuleFields, type YearCarry, type ZoneNote } from './types.js';
import { yearInRange } from '../util/year-range.js';
import { fixedReason, reason, underField, type LineReason } from './reason.js';

const ID = 'cisco-asa';

/** How far into the message the `%ASA-` tag may start (after a year stamp and a host). */
const TAG_WINDOW = 80;

/** Index of the `%ASA-`/`%PIX-`/`%FTD-`/`%FWSM-` tag in the head of s[start, end), or -1. */
export function asaTagAt(s: string, start: number, end: number): number {
  const lim = Math.min(end, start + TAG_WINDOW);
  let i = s.indexOf('%', start);
  while (i >= 0 && i < lim) {
    if (vendorEnd(s, i + 1) > 0) return i;
    i = s.indexOf('%', i + 1);
  }
  return -1;
}

/** Index just after `ASA-`/`PIX-`/`FTD-`/`FWSM-` at i, or -1. */
function vendorEnd(s: string, i: number): number {
  const a = s.charCodeAt(i);
  if (a === 0x41 && s.startsWith('ASA-', i)) return i + 4;
  if (a === 0x50 && s.startsWith('PIX-', i)) return i + 4;
  if (a === 0x46) {
    if (s.startsWith('FTD-', i)) return i + 4;
    if (s.startsWith('FWSM-', i)) return i + 5;
  }
  return -1;
}

/** Index of the level digit at v (after the vendor) or after a message class there (`session-`), when a `-` follows it; else -1. */
function levelAt(s: string, v: number, end: number): number {
  if (digitAt(s, v) >= 0) return s.charCodeAt(v + 1) === 0x2d ? v : -1;
  let i = v;
  while (i < end && i - v < MAX_CLASS) {
    const c = s.charCodeAt(i);
    if (c < 0x61 || c > 0x7a) break;
    i++;
  }
  if (i === v || s.charCodeAt(i) !== 0x2d) return -1;
  return digitAt(s, i + 1) >= 0 && s.charCodeAt(i + 2) === 0x2d ? i + 1 : -1;
}

/** Longest message class word before the level (`session`, `auth`, `webvpn`, …). */
const MAX_CLASS = 16;

const PORT_PAREN = fixedReason('missing-token', 'port', ')');
const FTD_START = fixedReason('ftd-connection-start');

function bad(reason: LineReason): PayloadReject {
  return new PayloadReject(true, reason);
}

// ---------------------------------------------------------------- message text helpers

/** One endpoint of a message, reused across lines. */
class Endpoint {
  ip: string | null = null;
  port = -1;
  iface: string | null = null;
  /** Why the last endpoint() failed, with no field: the caller names it. */
  error: LineReason | null = null;
}

/** What an extractor fills; reset per line, turned into one event. */
class Draft {
  action: Action = 'drop';
  direction: Direction | null = null;
  proto = '';
  readonly a = new Endpoint();
  readonly b = new Endpoint();
  /** a→b (false) or b→a (true, Built outbound). */
  swap = false;
  flags = -1;
  icmpType = -1;
  icmpCode = -1;
  embedded: EmbeddedPacket | null = null;
  /** Interface from `on interface X` (overrides the endpoints' for inIface). */
  onIface: string | null = null;
  ruleExtra: string | null = null;
  count = 1;

  reset(): void {
    this.action = 'drop';
    this.direction = null;
    this.proto = '';
    this.swap = false;
    this.flags = -1;
    this.icmpType = -1;
    this.icmpCode = -1;
    this.embedded = null;
    this.onIface = null;
    this.ruleExtra = null;
    this.count = 1;
  }
}

function find(s: string, lit: string, from: number, end: number): number {
  const i = s.indexOf(lit, from);
  return i >= 0 && i + lit.length <= end ? i : -1;
}

/** End of an endpoint token: a space, `(` (user or mapped address), `,`, or end. */
function endpointEnd(s: string, i: number, end: number): number {
  while (i < end) {
    const c = s.charCodeAt(i);
    if (c === 0x20 || c === 0x28 || c === 0x2c) break;
    i++;
  }
  return i;
}

/**
 * Reads `[iface:]address[/port]` at i into ep; returns the index after it, or -1 with
 * ep.error set. Interface names hold no ':', so with `withIface` the first ':' ends it
 * (IPv6 addresses keep theirs). A trailing ':', '.' or ';' is sentence punctuation.
 */
function endpoint(s: string, i: number, end: number, withIface: boolean, ep: Endpoint): number {
  let te = endpointEnd(s, i, end);
  let e = punctuationEnd(s, i, te);
  ep.iface = null;
  ep.port = -1;
  ep.error = null;
  if (withIface) {
    let c = s.indexOf(':', i);
    if (c < 0 || c >= e) {
      // An interface the device names with blanks (`NP Identity Ifc:255.255.255.255/68`).
      c = spacedInterfaceEnd(s, i, end);
      if (c < 0) {
        ep.error = { code: 'expected-found', field: '', value: shown(s.slice(i, te)), syntax: 'interface:address' };
        return -1;
      }
      te = endpointEnd(s, c + 1, end);
      e = punctuationEnd(s, c + 1, te);
    }
    ep.iface = s.slice(i, c);
    i = c + 1;
  }
  const ifaceStart = i - (ep.iface === null ? 0 : ep.iface.length + 1);
  let a = e;
  const slash = s.lastIndexOf('/', e - 1);
  if (slash >= i) {
    a = slash;
    const pe = digitsEnd(s, slash + 1, e);
    const port = pe === slash + 1 && isPortName(s, pe) ? namedPort(s, pe, e, te, ep) : portIn(s, slash + 1, pe);
    if (port < 0) {
      ep.error ??= reason('invalid-port', '', shown(s.slice(slash + 1, te)));
      return -1;
    }
    ep.port = port;
  }
  if (addressVersion(s, i, a) === 0) {
    // `v1:outside:10.8.1.9/54864`: the interface written with a prefix (a context's, a VRF's).
    const c = withIface ? s.indexOf(':', i) : -1;
    if (c > i && c < a && isHostName(s, i, c) && addressVersion(s, c + 1, a) !== 0) {
      ep.iface = s.slice(ifaceStart, c);
      ep.ip = s.slice(c + 1, a);
      return te;
    }
    if (isHostName(s, i, a)) {
      // A name the device shows for the address (`names`, an FQDN object): no address to give.
      ep.ip = null;
      return te;
    }
    ep.error = reason('invalid-address', '', shown(s.slice(i, a)));
    return -1;
  }
  ep.ip = s.slice(i, a);
  return te;
}

/**
 * The port a name at s[a, b) stands for (`/ssh`, `(www)`: PIX and ASA write a port Cisco's
 * table names so), or -1 with ep.error saying which name is none of the table's.
 */
function namedPort(s: string, a: number, b: number, shownEnd: number, ep: Endpoint): number {
  const port = asaPortByName(s, a, b);
  if (port < 0) ep.error = reason('unknown-port-name', '', shown(s.slice(a, shownEnd)));
  return port;
}

/** End of an endpoint token before sentence punctuation (`…/53;`, `…/22.`, `…:`). */
function punctuationEnd(s: string, i: number, te: number): number {
  const last = s.charCodeAt(te - 1);
  return te > i && (last === 0x3a || last === 0x2e || last === 0x3b) ? te - 1 : te;
}

/** Longest interface name with blanks looked for (`NP Identity Ifc`). */
const MAX_SPACED_IFACE = 48;

/**
 * The ':' ending an interface name with blanks at i (letters, digits, `_`, `-`, `.` and
 * single blanks, at least one; what follows the ':' starts as an address does), or -1. Only
 * asked when the endpoint's first word has no ':'.
 */
function spacedInterfaceEnd(s: string, i: number, end: number): number {
  const lim = Math.min(end, i + MAX_SPACED_IFACE);
  if (!isNameChar(s.charCodeAt(i))) return -1;
  let blank = false;
  for (let k = i + 1; k < lim; k++) {
    const c = s.charCodeAt(k);
    if (c === 0x3a) return blank && isAddressStart(s.charCodeAt(k + 1)) ? k : -1;
    if (c === 0x20) {
      if (s.charCodeAt(k - 1) === 0x20) return -1;
      blank = true;
    } else if (!isNameChar(c)) return -1;
  }
  return -1;
}

function isLetterAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function isNameChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x2d || c === 0x5f || c === 0x2e;
}

function isAddressStart(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66) || c === 0x3a;
}

/**
 * A host name in an address's place: what the ASA logs for an address it has a `name` for
 * (`dmz:OCSP_Server/5678`, `inside:www.example.com/23`). It starts with a letter; text
 * starting with a digit is a broken address (`203.0.113.999x`), malformed.
 */
function isHostName(s: string, i: number, e: number): boolean {
  const c = s.charCodeAt(i);
  if (e - i > 255 || !((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a))) return false;
  for (let k = i + 1; k < e; k++) if (!isNameChar(s.charCodeAt(k))) return false;
  return true;
}

/** `... from A to B ...`; returns the index after B or an error. */
function fromTo(s: string, b: number, end: number, d: Draft, ifFrom: boolean, ifTo: boolean): number | LineReason {
  const f = find(s, ' from ', b - 1, end);
  if (f < 0) return reason('missing', 'from');
  let p = endpoint(s, f + 6, end, ifFrom, d.a);
  if (p < 0) return underField(d.a.error!, 'src');
  const t = find(s, ' to ', p, end);
  if (t < 0) return reason('missing', 'to');
  p = endpoint(s, t + 4, end, ifTo, d.b);
  if (p < 0) return underField(d.b.error!, 'dst');
  return p;
}

/** `... src IF:A dst IF:B ...` (ports optional); returns the index after B or an error. */
function srcDst(s: string, b: number, end: number, d: Draft): number | LineReason {
  const f = find(s, ' src ', b - 1, end);
  if (f < 0) return reason('missing', 'src');
  // The protocol is the word before ` src ` (`Deny tcp src`, `Deny inbound protocol 47 src`).
  const w = s.lastIndexOf(' ', f - 1) + 1;
  d.proto = protoByName(s.slice(Math.max(w, b), f));
  let p = endpoint(s, f + 5, end, true, d.a);
  if (p < 0) return underField(d.a.error!, 'src');
  const t = find(s, ' dst ', p, end);
  if (t < 0) return reason('missing', 'dst');
  p = endpoint(s, t + 5, end, true, d.b);
  if (p < 0) return underField(d.b.error!, 'dst');
  return p;
}

/** The word after `on interface ` (or null). */
function onInterface(s: string, from: number, end: number): string | null {
  const i = find(s, ' on interface ', from, end);
  if (i < 0) return null;
  const a = i + 14;
  let e = a;
  while (e < end && s.charCodeAt(e) > 0x20) e++;
  if (e > a && (s.charCodeAt(e - 1) === 0x2e || s.charCodeAt(e - 1) === 0x2c)) e--;
  return e > a ? s.slice(a, e) : null;
}

/** Flag words after `flags ` up to the next non-flag word: `flags SYN ACK  on interface`. */
function flagWords(s: string, from: number, end: number): number {
  const f = find(s, ' flags ', from, end);
  if (f < 0) return -1;
  let bits = 0;
  let i = skipSpaces(s, f + 7, end);
  for (;;) {
    let e = i;
    while (e < end && s.charCodeAt(e) > 0x20) e++;
    const bit = flagWordBit(s, i, e);
    if (bit === 0) break;
    bits |= bit;
    i = skipSpaces(s, e, end);
  }
  return bits;
}

/** `(type 8, code 0)` or `type=3, code=3`: fills icmpType/icmpCode when present. */
function icmpTypeCode(s: string, from: number, end: number, d: Draft): void {
  let t = find(s, 'type', from, end);
  if (t < 0) return;
  t += 4;
  const c0 = s.charCodeAt(t);
  if (c0 !== 0x20 && c0 !== 0x3d) return;
  t++;
  const te = digitsEnd(s, t, end);
  d.icmpType = uintIn(s, t, te);
  const c = find(s, 'code', te, Math.min(end, te + 8));
  if (c >= 0) {
    const v = c + 5;
    d.icmpCode = uintIn(s, v, digitsEnd(s, v, end));
  }
}

/** `by access-group "NAME"` → `access-group NAME`. */
function accessGroup(s: string, from: number, end: number): string | null {
  const g = find(s, 'access-group "', from, end);
  if (g < 0) return null;
  const q = s.indexOf('"', g + 14);
  return q > g + 14 && q < end ? `access-group ${s.slice(g + 14, q)}` : null;
}

// ---------------------------------------------------------------- extractors

/** Fills the draft from message text s[b, end); returns '' or why the record is broken. */
type Extractor = (s: string, b: number, end: number, d: Draft) => LineReason | null;

/** 106001 `Inbound TCP connection denied from A/P to B/P flags F on interface X`; 106015 `Deny TCP (no connection) from …` (same shape). */
const denyTcpFlags: Extractor = (s, b, end, d) => {
  const p = fromTo(s, b, end, d, false, false);
  if (typeof p !== 'number') return p;
  d.proto = 'tcp';
  d.direction = 'in';
  d.flags = flagWords(s, p, end);
  d.onIface = onInterface(s, p, end);
  return null;
};

/** 106006 `Deny inbound UDP from A/P to B/P on interface X`; 106007 `… due to DNS Query`. */
const denyInboundUdp: Extractor = (s, b, end, d) => {
  const p = fromTo(s, b, end, d, false, false);
  if (typeof p !== 'number') return p;
  d.proto = 'udp';
  d.direction = 'in';
  d.onIface = onInterface(s, p, end);
  return null;
};

/** 106010 `Deny inbound protocol 47 src IF:A dst IF:B`; 106014 `Deny inbound icmp src IF:A dst IF:B (type 8, code 0)`. */
const denyInboundSrcDst: Extractor = (s, b, end, d) => {
  const p = srcDst(s, b, end, d);
  if (typeof p !== 'number') return p;
  d.direction = 'in';
  icmpTypeCode(s, p, end, d);
  return null;
};

/** 106023 `Deny tcp src IF:A/P dst IF:B/P [(type t, code c)] by access-group "ACL" [hashes]`. */
const denyAccessGroup: Extractor = (s, b, end, d) => {
  const p = srcDst(s, b, end, d);
  if (typeof p !== 'number') return p;
  icmpTypeCode(s, p, end, d);
  d.ruleExtra = accessGroup(s, p, end);
  return null;
};

/** `IF/ADDR(PORT)` as 106100 writes endpoints. */
function aclEndpoint(s: string, i: number, end: number, ep: Endpoint): number {
  ep.error = null;
  const slash = s.indexOf('/', i);
  const open = s.indexOf('(', i);
  if (slash < 0 || open < slash || open >= end) {
    ep.error = { code: 'expected-found', field: '', value: shown(s.slice(i, Math.min(end, i + 40))), syntax: 'interface/address(port)' };
    return -1;
  }
  const close = s.indexOf(')', open);
  if (close < 0 || close > end) {
    ep.error = PORT_PAREN;
    return -1;
  }
  const named = addressVersion(s, slash + 1, open) === 0;
  if (named && !isHostName(s, slash + 1, open)) {
    ep.error = reason('invalid-address', '', shown(s.slice(slash + 1, open)));
    return -1;
  }
  const port = isPortName(s, open + 1) ? namedPort(s, open + 1, close, close, ep) : portIn(s, open + 1, close);
  if (port < 0) {
    ep.error ??= reason('invalid-port', '', shown(s.slice(open + 1, close)));
    return -1;
  }
  ep.iface = s.slice(i, slash);
  ep.ip = named ? null : s.slice(slash + 1, open);
  ep.port = port;
  return close + 1;
}

/**
 * 106100 `access-list ACL {permitted|denied|est-allowed} PROTO IF/A(P) [(user)] -> IF/B(P) [(user)] hit-cnt N {first hit|N-second interval} [hashes]`;
 * 106102/106103, a per-user access list's entry, the same with `for user NAME` after the protocol.
 * hit-cnt is how many packets the line stands for (count); for icmp the ports are type and code.
 */
const accessList: Extractor = (s, b, end, d) => {
  if (!s.startsWith('access-list ', b)) return reason('missing', 'access-list');
  const nameS = b + 12;
  const nameE = s.indexOf(' ', nameS);
  if (nameE < 0 || nameE >= end) return reason('truncated', 'access-list');
  d.ruleExtra = `access-list ${s.slice(nameS, nameE)}`;
  const vS = nameE + 1;
  const vE = s.indexOf(' ', vS);
  if (vE < 0 || vE >= end) return reason('missing', 'verdict');
  if (s.startsWith('denied', vS)) d.action = 'drop';
  else if (s.startsWith('permitted', vS) || s.startsWith('est-allowed', vS)) d.action = 'allow';
  else return reason('unknown', 'verdict', shown(s.slice(vS, vE)));
  const pE = s.indexOf(' ', vE + 1);
  if (pE < 0 || pE >= end) return reason('missing', 'protocol');
  d.proto = protoByName(s.slice(vE + 1, pE));
  const from = userEnd(s, pE + 1, end);
  if (from < 0) return reason('missing', 'user');
  let p = aclEndpoint(s, from, end, d.a);
  if (p < 0) return underField(d.a.error!, 'src');
  const arrow = find(s, '-> ', p, end);
  if (arrow < 0) return reason('missing-token', 'dst', '->');
  p = aclEndpoint(s, arrow + 3, end, d.b);
  if (p < 0) return underField(d.b.error!, 'dst');
  const h = find(s, 'hit-cnt ', p, end);
  if (h >= 0) {
    const n = uintIn(s, h + 8, digitsEnd(s, h + 8, end));
    if (n > 0) d.count = n;
  }
  if (d.proto === 'icmp' || d.proto === 'icmpv6') {
    d.icmpType = d.a.port;
    d.icmpCode = d.b.port;
  }
  return null;
};

/** After `for user NAME ` (`'First Last'` quoted) at i, as a per-user access list (106102, 106103) writes it; i when there is none; -1 when it does not end. */
function userEnd(s: string, i: number, end: number): number {
  if (!s.startsWith('for user ', i)) return i;
  const u = i + 9;
  const e = s.charCodeAt(u) === 0x27 ? s.indexOf("' ", u + 1) + 1 : s.indexOf(' ', u);
  return e > u && e < end ? e + 1 : -1;
}

/** `{TCP|UDP} connection N for IF:A/P (M/P) to IF:B/P (M/P)` from pS on: the part 302013-302016 share. */
function connectionPair(s: string, pS: number, end: number, d: Draft): LineReason | null {
  const pE = s.indexOf(' ', pS);
  if (pE < 0 || pE >= end) return reason('missing', 'protocol');
  d.proto = protoByName(s.slice(pS, pE));
  const f = find(s, ' for ', pE, end);
  if (f < 0) return reason('missing', 'for');
  let p = endpoint(s, f + 5, end, true, d.a);
  if (p < 0) return underField(d.a.error!, 'for');
  const t = find(s, ' to ', p, end);
  if (t < 0) return reason('missing', 'to');
  p = endpoint(s, t + 4, end, true, d.b);
  if (p < 0) return underField(d.b.error!, 'to');
  d.action = 'allow';
  return null;
}

/** 302013/302015 `Built {inbound|outbound} {TCP|UDP} connection N for IF:A/P (M/P) to IF:B/P (M/P)`. */
const built: Extractor = (s, b, end, d) => {
  if (!s.startsWith('Built ', b)) return reason('missing', 'Built');
  const dir = b + 6;
  const outbound = s.startsWith('outbound ', dir);
  if (!outbound && !s.startsWith('inbound ', dir)) return reason('expected-direction', 'direction');
  const err = connectionPair(s, dir + (outbound ? 9 : 8), end, d);
  if (err !== null) return err;
  d.direction = outbound ? 'out' : 'in';
  d.swap = outbound;
  return null;
};

/** 302014/302016 `Teardown {TCP|UDP} connection N for IF:A/P to IF:B/P duration … bytes …`. */
const teardown: Extractor = (s, b, end, d) => {
  if (!s.startsWith('Teardown ', b)) return reason('missing', 'Teardown');
  return connectionPair(s, b + 9, end, d);
};

/**
 * 302020/302021 `{Built {inbound|outbound}|Teardown} {ICMP|ICMPv6} connection for faddr A/seq gaddr G/x laddr L/x [type T code C]`.
 * The numbers after the addresses are ICMP ids/sequence numbers, not ports.
 */
const icmpConnection: Extractor = (s, b, end, d) => {
  let p = b;
  if (s.startsWith('Built ', b)) {
    const outbound = s.startsWith('outbound ', b + 6);
    if (!outbound && !s.startsWith('inbound ', b + 6)) return reason('expected-direction', 'direction');
    d.direction = outbound ? 'out' : 'in';
    d.swap = outbound;
    p = b + (outbound ? 15 : 14);
  } else if (s.startsWith('Teardown ', b)) {
    p = b + 9;
  } else return reason('missing', 'Built/Teardown');
  const pE = s.indexOf(' ', p);
  if (pE < 0 || pE >= end) return reason('missing', 'protocol');
  d.proto = protoByName(s.slice(p, pE));
  const f = find(s, ' faddr ', pE, end);
  if (f < 0) return reason('missing', 'faddr');
  let q = endpoint(s, f + 7, end, false, d.a);
  if (q < 0) return underField(d.a.error!, 'faddr');
  const l = find(s, ' laddr ', q, end);
  if (l < 0) return reason('missing', 'laddr');
  q = endpoint(s, l + 7, end, false, d.b);
  if (q < 0) return underField(d.b.error!, 'laddr');
  d.a.port = -1;
  d.b.port = -1;
  icmpTypeCode(s, q, end, d);
  d.action = 'allow';
  return null;
};

/** 313001 `Denied ICMP type=N, code=M from A on interface X` (313008 `Denied IPv6-ICMP …`, the same for ICMPv6); 313004 `Denied ICMP type=N, from laddr A on interface X to B: no matching session`. */
const icmpDenied: Extractor = (s, b, end, d) => {
  d.proto = s.startsWith('Denied ICMPv6', b) || s.startsWith('Denied IPv6-ICMP', b) ? 'icmpv6' : 'icmp';
  icmpTypeCode(s, b, end, d);
  const fl = find(s, ' from laddr ', b, end);
  const fp = fl >= 0 ? -1 : find(s, ' from ', b, end);
  if (fl < 0 && fp < 0) return reason('missing', 'from');
  let p = endpoint(s, fl >= 0 ? fl + 12 : fp + 6, end, false, d.a);
  if (p < 0) return underField(d.a.error!, 'src');
  d.onIface = onInterface(s, p, end);
  const t = find(s, ' to ', p, end);
  if (t >= 0) {
    p = endpoint(s, t + 4, end, false, d.b);
    if (p < 0) return underField(d.b.error!, 'dst');
  } else d.b.ip = null;
  d.direction = 'in';
  d.a.port = -1;
  d.b.port = -1;
  return null;
};

/**
 * 313005 `No matching connection for ICMP error message: icmp src IF:A dst IF:B (type 3, code 3) on IF interface.  Original IP payload: udp src A/P dst B/P.`
 * The quoted packet goes to icmp.embedded.
 */
const icmpNoConnection: Extractor = (s, b, end, d) => {
  const m = find(s, 'message: ', b, end);
  if (m < 0) return reason('missing', 'message');
  const p = srcDst(s, m + 9, end, d);
  if (typeof p !== 'number') return p;
  d.a.port = -1;
  d.b.port = -1;
  icmpTypeCode(s, p, end, d);
  const o = find(s, 'payload: ', p, end);
  if (o >= 0) {
    const ps = o + 9;
    const pe = s.indexOf(' ', ps);
    const inner = INNER;
    inner.reset();
    if (pe > ps && pe < end) {
      const q = srcDstPlain(s, pe, end, inner);
      if (q === null) {
        inner.proto = protoByName(s.slice(ps, pe));
        d.embedded = {
          src: { ip: inner.a.ip, port: inner.a.port >= 0 ? inner.a.port : null },
          dst: { ip: inner.b.ip, port: inner.b.port >= 0 ? inner.b.port : null },
          proto: inner.proto,
        };
      }
    }
  }
  return null;
};

/** Scratch for 313005's quoted packet (parsing is synchronous, so one is enough). */
const INNER = new Draft();

/** `src A/P dst B/P` without interfaces (313005's quoted packet). */
function srcDstPlain(s: string, from: number, end: number, d: Draft): LineReason | null {
  const f = find(s, ' src ', from, end);
  if (f < 0) return reason('missing', 'src');
  let p = endpoint(s, f + 5, end, false, d.a);
  if (p < 0) return d.a.error;
  const t = find(s, ' dst ', p, end);
  if (t < 0) return reason('missing', 'dst');
  p = endpoint(s, t + 5, end, false, d.b);
  return p < 0 ? d.b.error : null;
}

/** 419002 `Received duplicate TCP SYN from IF:A/P to IF:B/P with different initial sequence number.` */
const duplicateSyn: Extractor = (s, b, end, d) => {
  const p = fromTo(s, b, end, d, true, true);
  if (typeof p !== 'number') return p;
  d.proto = 'tcp';
  d.flags = FLAG_SYN;
  return null;
};

/** 500003 `Bad TCP hdr length (hdrlen=4, pktlen=74) from A/P to B/P, flags: INVALID, on interface X`. */
const badTcpHeader: Extractor = (s, b, end, d) => {
  const p = fromTo(s, b, end, d, false, false);
  if (typeof p !== 'number') return p;
  d.proto = 'tcp';
  d.direction = 'in';
  d.onIface = onInterface(s, p, end);
  return null;
};

/** 710002/710003/710005 `{TCP|UDP} access permitted|access denied by ACL|request discarded from A/P to IF:B/P` (traffic to the ASA itself). */
function toTheBox(action: Action): Extractor {
  return (s, b, end, d) => {
    const pE = s.indexOf(' ', b);
    if (pE < 0 || pE >= end) return reason('missing', 'protocol');
    d.proto = protoByName(s.slice(b, pE));
    const p = fromTo(s, pE, end, d, false, true);
    if (typeof p !== 'number') return p;
    d.action = action;
    d.direction = 'in';
    d.onIface = d.b.iface;
    return null;
  };
}

/** The word after `lead` at b (`Deny TCP reverse …`: TCP) as a protocol, or '' when the text does not start so. */
function protoAfter(s: string, b: number, end: number, lead: string): string {
  if (!s.startsWith(lead, b)) return '';
  const pS = b + lead.length;
  const pE = s.indexOf(' ', pS);
  return pE > pS && pE < end ? protoByName(s.slice(pS, pE)) : '';
}

/** 106021 `Deny TCP reverse path check from A to B on interface X`: a packet whose source the route back does not leave by X (spoofed). */
const reversePath: Extractor = (s, b, end, d) => {
  d.proto = protoAfter(s, b, end, 'Deny ');
  if (d.proto === '') return reason('missing', 'Deny');
  const p = fromTo(s, b, end, d, false, false);
  if (typeof p !== 'number') return p;
  d.direction = 'in';
  d.onIface = onInterface(s, p, end);
  return null;
};

/** 410001 `Dropped UDP DNS {request|reply} from IF:A/P to IF:B/P; label length …`: DNS inspection dropped a packet it could not read. */
const dnsDropped: Extractor = (s, b, end, d) => {
  d.proto = protoAfter(s, b, end, 'Dropped ');
  if (d.proto === '') return reason('missing', 'Dropped');
  const p = fromTo(s, b, end, d, true, true);
  return typeof p === 'number' ? null : p;
};

/** 418001 `Through-the-device packet to/from management-only network is denied: udp src IF:A/P dst IF:B/P`. */
const managementOnly: Extractor = (s, b, end, d) => {
  const p = srcDst(s, b, end, d);
  if (typeof p !== 'number') return p;
  icmpTypeCode(s, p, end, d);
  return null;
};

/** End of the value listValueAt found last (parsing is synchronous). */
let valueEnd = 0;

/**
 * Start of `key`'s value (the key written with its `: `) in an FTD `Key: value, Key: value`
 * list s[b, end), valueEnd set to where it ends (the next `, `); -1 when the key is absent.
 */
function listValueAt(s: string, b: number, end: number, key: string): number {
  let i = b;
  for (;;) {
    const k = s.indexOf(key, i);
    if (k < 0 || k + key.length > end) return -1;
    if (k === b || (s.charCodeAt(k - 1) === 0x20 && s.charCodeAt(k - 2) === 0x2c)) {
      const v = k + key.length;
      const c = s.indexOf(', ', v);
      valueEnd = c < 0 || c > end ? end : c;
      return v;
    }
    i = k + 1;
  }
}

/** What an FTD access control rule did with the connection; `Monitor` logs it and decides nothing. */
const FTD_ACTIONS: ReadonlyMap<string, Action> = new Map<string, Action>([
  ['Allow', 'allow'],
  ['Trust', 'allow'],
  ['Fastpath', 'allow'],
  ['Block', 'drop'],
  ['Interactive Block', 'drop'],
  ['Block with reset', 'reject'],
  ['Interactive Block with reset', 'reject'],
  ['Monitor', 'other'],
]);

/** An FTD list's address under `key` into ep (with the interface under `ifaceKey`); null or why not. */
function listEndpoint(s: string, b: number, end: number, key: string, portKey: string, ifaceKey: string, ep: Endpoint): LineReason | null {
  const a = listValueAt(s, b, end, key);
  if (a < 0) return reason('missing', key.slice(0, -2));
  const ae = valueEnd;
  if (addressVersion(s, a, ae) === 0) return reason('invalid-address', key.slice(0, -2), shown(s.slice(a, ae)));
  ep.ip = s.slice(a, ae);
  ep.port = -1;
  const p = listValueAt(s, b, end, portKey);
  if (p >= 0) {
    ep.port = portIn(s, p, valueEnd);
    if (ep.port < 0) return reason('invalid-port', portKey.slice(0, -2), shown(s.slice(p, valueEnd)));
  }
  const f = listValueAt(s, b, end, ifaceKey);
  ep.iface = f >= 0 && valueEnd > f ? s.slice(f, valueEnd) : null;
  return null;
}

/**
 * FTD 430002/430003, a connection's start and end as the access control policy logged them
 * (an allowed start is skipped in parse: the end counts the connection):
 * `AccessControlRuleAction: Allow, SrcIP: A, DstIP: B, SrcPort: P, DstPort: Q, Protocol: tcp,
 * IngressInterface: X, EgressInterface: Y, …, AccessControlRuleName: R, …`. The source is the
 * connection's initiator. ICMP's type and code are read when numbers (a name, `Echo Request`, is not).
 */
const ftdConnection: Extractor = (s, b, end, d) => {
  const v = listValueAt(s, b, end, 'AccessControlRuleAction: ');
  if (v < 0) return reason('missing', 'AccessControlRuleAction');
  const action = FTD_ACTIONS.get(s.slice(v, valueEnd));
  if (action === undefined) return reason('unknown', 'AccessControlRuleAction', shown(s.slice(v, valueEnd)));
  d.action = action;
  const p = listValueAt(s, b, end, 'Protocol: ');
  if (p < 0) return reason('missing', 'Protocol');
  d.proto = protoByName(s.slice(p, valueEnd));
  const err = listEndpoint(s, b, end, 'SrcIP: ', 'SrcPort: ', 'IngressInterface: ', d.a) ?? listEndpoint(s, b, end, 'DstIP: ', 'DstPort: ', 'EgressInterface: ', d.b);
  if (err !== null) return err;
  if (d.proto === 'icmp' || d.proto === 'icmpv6') {
    const t = listValueAt(s, b, end, 'ICMPType: ');
    if (t >= 0) d.icmpType = uintIn(s, t, valueEnd);
    const c = listValueAt(s, b, end, 'ICMPCode: ');
    if (c >= 0) d.icmpCode = uintIn(s, c, valueEnd);
  }
  const r = listValueAt(s, b, end, 'AccessControlRuleName: ');
  if (r >= 0 && valueEnd > r) d.ruleExtra = `rule ${s.slice(r, valueEnd)}`;
  return null;
};

/** Message id → extractor. Ids not listed are skipped with the id in the reason. */
const EXTRACTORS: ReadonlyMap<number, Extractor> = new Map<number, Extractor>([
  [106001, denyTcpFlags],
  [106006, denyInboundUdp],
  [106007, denyInboundUdp],
  [106010, denyInboundSrcDst],
  [106014, denyInboundSrcDst],
  [106015, denyTcpFlags],
  [106021, reversePath],
  [106023, denyAccessGroup],
  [106100, accessList],
  [106102, accessList],
  [106103, accessList],
  [302013, built],
  [302014, teardown],
  [302015, built],
  [302016, teardown],
  [302020, icmpConnection],
  [302021, icmpConnection],
  [313001, icmpDenied],
  [313004, icmpDenied],
  [313005, icmpNoConnection],
  [313008, icmpDenied],
  [410001, dnsDropped],
  [418001, managementOnly],
  [419002, duplicateSyn],
  [430002, ftdConnection],
  [430003, ftdConnection],
  [500003, badTcpHeader],
  [710002, toTheBox('allow')],
  [710003, toTheBox('drop')],
  [710005, toTheBox('drop')],
]);

/** The ids this parser turns into events (tests and docs). */
export const ASA_MESSAGE_IDS: readonly number[] = [...EXTRACTORS.keys()];

// ---------------------------------------------------------------- the ASA's own timestamp

const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function d2(s: string, i: number): number {
  const a = digitAt(s, i);
  const b = digitAt(s, i + 1);
  return a < 0 || b < 0 ? -1 : a * 10 + b;
}

/** `Mmm dd yyyy HH:MM:SS` (device local time, read in --tz), cached for the current second. */
class AsaClock {
  end = 0;
  error: LineReason | null = null;
  private text = '';
  private date: Date | null = null;
  private readonly local: LocalTimeToEpoch;
  private year = 0;
  private month = 0;

  constructor(
    tz: string | null,
    note: ZoneNote | undefined,
    carry: LocalTimeCarry | undefined,
    /** The syslog header clock's year carry: a year-less header after this stamp takes its year. */
    private readonly years: YearCarry | undefined,
  ) {
    // The carry the syslog header's clock shares: one log order for both stamps, and on from the rotation before.
    this.local = localTimeConverter(tz, { inLogOrder: true, note, carry });
  }

  /** The time at s[i], or null (`error` null = not this stamp; else why it is an impossible date). */
  read(s: string, i: number): Date | null {
    this.error = null;
    if (this.date !== null && s.startsWith(this.text, i)) {
      this.end = i + this.text.length;
      if (this.years !== undefined) yearNamed(this.years, this.year, this.month);
      return this.date;
    }
    const mo = monthAt(s, i);
    if (mo === 0 || s.charCodeAt(i + 3) !== 0x20) return null;
    let p = i + 4;
    if (s.charCodeAt(p) === 0x20) p++;
    let day = digitAt(s, p++);
    if (day < 0) return null;
    const d = digitAt(s, p);
    if (d >= 0) {
      day = day * 10 + d;
      p++;
    }
    if (s.charCodeAt(p) !== 0x20) return null;
    const y = d2(s, p + 1) * 100 + d2(s, p + 3);
    if (d2(s, p + 1) < 0 || d2(s, p + 3) < 0 || s.charCodeAt(p + 5) !== 0x20) return null;
    const h = d2(s, p + 6);
    const mi = d2(s, p + 9);
    const sec = d2(s, p + 12);
    if (h < 0 || mi < 0 || sec < 0 || s.charCodeAt(p + 8) !== 0x3a || s.charCodeAt(p + 11) !== 0x3a || digitAt(s, p + 14) >= 0) return null;
    if (!yearInRange(y)) {
      // Out of range, the year would reach the output as "999-01-01" or "+010000-…" (util/year-range.ts).
      this.error = yearReason(y);
      return null;
    }
    const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
    const maxDay = mo === 2 && leap ? 29 : DAYS[mo]!;
    if (day < 1 || day > maxDay || h > 23 || mi > 59 || sec > 60) {
      this.error = reason('impossible-stamp', 'time', `'${s.slice(i, p + 14)}'`);
      return null;
    }
    this.end = p + 14;
    this.text = s.slice(i, this.end);
    this.date = new Date(this.local(y, mo, day, h, mi, Math.min(sec, 59)) + (sec === 60 ? 1000 : 0));
    this.year = y;
    this.month = mo;
    if (this.years !== undefined) yearNamed(this.years, y, mo);
    return this.date;
  }
}

// ---------------------------------------------------------------- the payload

class AsaPayload implements PayloadParser {
  readonly format = ID;
  private readonly draft = new Draft();
  private clock: AsaClock | null = null;
  private stamp: DeviceStamp | null = null;
  private readonly dates = new SharedDates();
  private readonly file: string;

  constructor(private readonly ctx: ParseContext) {
    this.file = ctx.file;
  }

  parse(s: string, start: number, end: number, head: RecordHead, lineNo: number): FirewallEvent | PayloadReject {
    let time = head.time;
    let yearInferred = head.yearInferred;
    let host = head.host;
    const pct = asaTagAt(s, start, end);
    if (pct < 0) return NOT_MINE;
    // The ASA's own stamp (`logging timestamp`) before the tag: at the line's start, or after
    // a relay's header and its ` : ` (`<PRI>:` on FTD). Which of it and the header's time
    // the event takes is deviceStampWins' rule, the one Cisco IOS lines follow.
    let at = start;
    while (at < pct && (s.charCodeAt(at) === 0x20 || s.charCodeAt(at) === 0x3a)) at++;
    if (at < pct && monthAt(s, at) !== 0) {
      // `Sep 25 2026 05:08:29 UTC:`, `Sep 25 05:08:29 CEST:`: a zone (a letter before the colon)
      // is read with DeviceStamp; a stamp without one by AsaClock, as ever.
      let z = pct;
      while (z > at && (s.charCodeAt(z - 1) === 0x20 || s.charCodeAt(z - 1) === 0x3a)) z--;
      const st = isLetterAt(s, z - 1) ? (this.stamp ??= new DeviceStamp(this.ctx)) : null;
      if (st !== null && st.read(s, at, pct)) {
        if (deviceStampWins(time, st)) {
          time = this.dates.of(st.ms);
          yearInferred = !st.year;
          st.used();
        }
      } else if (st !== null && st.error !== null) return bad(st.error);
      else {
        // `Aug 06 2016 20:39:42: %ASA-…` or `Aug 06 2016 20:39:42 fw01 : %ASA-…`, a year and no zone:
        // it wins over a header's time (deviceStampWins' rule), also behind a relay's header
        // without ` : ` (`<166>Nov 20 06:25:01 relay Nov 20 2026 06:25:00: %ASA-…`).
        const clock = (this.clock ??= new AsaClock(this.ctx.tz, this.ctx.zoneNote, this.ctx.timeCarry, this.ctx.yearCarry));
        const t = clock.read(s, at);
        if (t === null && clock.error !== null) return bad(clock.error);
        if (t !== null) {
          time = t;
          yearInferred = false;
          // A device name between the stamp and the tag.
          let hs = clock.end;
          let he = pct;
          while (hs < he && (s.charCodeAt(hs) === 0x20 || s.charCodeAt(hs) === 0x3a)) hs++;
          while (he > hs && (s.charCodeAt(he - 1) === 0x20 || s.charCodeAt(he - 1) === 0x3a)) he--;
          if (he > hs) host = s.slice(hs, he);
        }
      }
    }
    // %ASA-6-302013:, %ASA-session-6-302013: (a message class before the level, as newer
    // versions write it with `logging timestamp` and message classes on), and the colon
    // after the id left out (`%ASA-6-302016 Teardown …`, as PIX and early ASA lines have it).
    const v = levelAt(s, vendorEnd(s, pct + 1), end);
    if (v < 0) return bad(reason('expected-level', 'tag', shown(s.slice(pct, pct + 16))));
    const idS = v + 2;
    const idE = digitsEnd(s, idS, end);
    const id = uintIn(s, idS, idE);
    const after = s.charCodeAt(idE);
    if (id < 0 || (after !== 0x3a && after !== 0x20)) return bad(reason('expected-message-id', 'tag', shown(s.slice(pct, pct + 16))));
    const extract = EXTRACTORS.get(id);
    if (extract === undefined) return new PayloadReject(false, reason('asa-not-packet', '', String(id)));

    let body = skipSpaces(s, idE + 1, end);
    let repeats = 1;
    if (s.startsWith(REPEATED, body)) {
      // `%ASA-2-106006: message repeated 2 times: [ Deny inbound UDP … ]`: the relay's wrapper after the tag.
      const r = repeatWrapper(s, body, end);
      if (typeof r !== 'number') return bad(r);
      repeats = r;
      body = skipSpaces(s, body + REPEATED.length, end);
      body = skipSpaces(s, s.indexOf('[', body) + 1, end);
      end = wrapperClose;
    }
    const d = this.draft;
    d.reset();
    const err = extract(s, body, end, d);
    if (err !== null) return bad(underField(err, String(id)));
    // A connection's start as FTD logs it for an allowing (or monitoring) rule: its end, 430003,
    // is the record of the connection (a rule may log both); a blocked one has no end.
    if (id === 430002 && d.action !== 'drop' && d.action !== 'reject') return new PayloadReject(false, FTD_START);
    if (d.proto === '') return bad(reason('missing', `${id}: protocol`));

    const src = d.swap ? d.b : d.a;
    const dst = d.swap ? d.a : d.b;
    const ipVersion = src.ip !== null ? addressVersion(src.ip, 0, src.ip.length) : dst.ip !== null ? addressVersion(dst.ip, 0, dst.ip.length) : 0;
    const isIcmp = d.proto === 'icmp' || d.proto === 'icmpv6';
    const tag = s.slice(pct + 1, idE);
    return {
      time,
      yearInferred,
      uptime: head.uptime,
      host,
      format: ID,
      action: d.action,
      direction: d.direction,
      rule: d.ruleExtra === null ? tag : `${tag} ${d.ruleExtra}`,
      inIface: d.onIface ?? src.iface,
      outIface: d.onIface !== null ? null : dst.iface,
      proto: d.proto,
      ipVersion: ipVersion === 0 ? null : ipVersion,
      src: { ip: src.ip, port: !isIcmp && src.port >= 0 ? src.port : null },
      dst: { ip: dst.ip, port: !isIcmp && dst.port >= 0 ? dst.port : null },
      ttl: null,
      len: null,
      tcpFlags: d.proto === 'tcp' && d.flags >= 0 ? flagNames(d.flags) : null,
      tcpWindow: null,
      pid: null,
      icmp: isIcmp ? { type: d.icmpType >= 0 ? d.icmpType : null, code: d.icmpCode >= 0 ? d.icmpCode : null, embedded: d.embedded } : null,
      count: d.count * repeats * head.count,
      origin: { file: this.file, line: lineNo },
      annotations: [],
    };
  }
}

export function createAsaPayload(ctx: ParseContext): PayloadParser {
  return new AsaPayload(ctx);
}

const REPEATED = 'message repeated ';

/** Where the last wrapper read by repeatWrapper closes (its `]`). */
let wrapperClose = 0;

/**
 * rsyslog's `message repeated N times: [ … ]` at i, closed by the `]` ending the message:
 * N, or why it is no such wrapper (as the syslog envelope says it before a tag).
 */
function repeatWrapper(s: string, i: number, end: number): number | LineReason {
  const from = i + REPEATED.length;
  const q = digitsEnd(s, from, end);
  const close = end - 1;
  if (q === from || !s.startsWith(' times: [', q) || close <= q + 9 || s.charCodeAt(close) !== 0x5d) {
    return { code: 'repeat-syntax', field: 'message repeated', value: `'${s.slice(from, Math.min(from + 24, end))}'`, max: MAX_REPEAT };
  }
  const n = q - from <= 9 ? uintIn(s, from, q) : -1;
  if (n < 1 || n > MAX_REPEAT) return { code: 'repeat-count', field: 'message repeated', value: s.slice(from, Math.min(q, from + 24)), max: MAX_REPEAT };
  wrapperClose = close;
  return n;
}

/** Sniff-only pattern (compiled once). */
const TAG = /%(?:ASA|PIX|FTD|FWSM)-(?:[a-z]{1,16}-)?\d-\d{6}[: ]/;

function sniff(lines: readonly string[]): number {
  let records = 0;
  for (const l of lines) if (TAG.test(l)) records++;
  return recordShare(records, lines.length);
}

/**
 * The `rule` text (`ASA-4-106023 access-group Inside_access_in`) in ECS terms, as Elastic's
 * Cisco ASA integration has them: the message id is event.code; the access list the
 * message names (Elastic's cisco.asa.rule_name) is rule.name. The tag names no rule.
 */
function asaRuleFields(rule: string): RuleFields {
  const space = rule.indexOf(' ');
  const tag = space < 0 ? rule : rule.slice(0, space);
  const fields: RuleFields = { code: tag.slice(tag.lastIndexOf('-') + 1) };
  if (space >= 0) {
    const list = rule.slice(space + 1);
    const name = list.slice(list.indexOf(' ') + 1);
    if (name !== '' && (list.startsWith('access-group ') || list.startsWith('access-list ') || list.startsWith('rule '))) fields.name = name;
  }
  return fields;
}

export const ciscoAsaFormat: FormatDefinition = {
  id: ID,
  examples: [
    '<164>Aug 05 2016 01:02:25: %ASA-4-106023: Deny tcp src Inside:10.30.6.47/4562 dst Outside:192.168.133.204/443 by access-group "Inside_access_in" [0x962df600, 0x0]',
    '<166>Jan  5 08:52:35 10.22.8.216 %ASA-6-302013: Built inbound TCP connection 212806031 for outside:10.22.8.17/58633 (10.22.8.17/58633) to inside:10.22.8.12/389 (10.22.8.12/389)',
    '<142>Jan  5 08:52:35 10.22.8.201 %ASA-6-106015: Deny TCP (no connection) from 186.111.72.11/80 to 204.111.72.254/45019 flags SYN ACK  on interface Outside_VPN',
    '<162>Aug 05 2016 01:02:25: %ASA-2-106001: Inbound TCP connection denied from 10.47.32.45/60641 to 10.254.8.193/5060 flags SYN  on interface Inside',
  ],
  sniff,
  // Built (302013, 302015, 302020) and Teardown (302014, 302016, 302021): one record when a
  // connection starts and one when it ends, not one per packet; read as Windows Firewall's
  // OPEN and CLOSE rows are (connection-records.ts; the Teardown: `connection-teardown`).
  // FTD's 430003, a connection's end as its access control policy logged it (the source its
  // initiator), is one too when allowed (an allowed start, 430002, is skipped: its end counts it).
  connectionRecords: { action: 'allow', messageIds: ['302013', '302014', '302015', '302016', '302020', '302021', '430003'] },
  // The tag's message id is named by signatures/asa-messages.json ("ASA message 302014 TCP connection closed").
  messageNames: 'asaMessages',
  create: (file, sink) => {
    const ctx = withTimeCarry(file);
    return syslogPayloadFormat(ctx, sink, createAsaPayload(ctx), '%ASA-');
  },
  ruleFields: asaRuleFields,
};
