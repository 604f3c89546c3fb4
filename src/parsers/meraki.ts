// Cisco Meraki MX security appliance syslog (also the MR access points' flows): Meraki's own
// header, `1 <epoch seconds.nanoseconds> <device name> <type>`, after `<PRI>` (`<134>1 …`, which
// no RFC 5424 reader takes: the stamp is an epoch), behind a relay's header (`Apr 20 14:36:35
// 192.168.10.1 1 948077314.907556162 MX60 urls …`) or alone; the envelope
// (syslog-envelope.ts) leaves the header to this payload, and reads a bare epoch itself
// (journalctl's short-unix), leaving `<device name> <type>`.
//
//   <134>1 1763619901.123456789 MX68 flows src=203.0.113.7 dst=198.51.100.2 protocol=tcp sport=41234 dport=23 pattern: 1 all
//   <134>1 1763619901.123456789 MX68 firewall src=192.168.10.5 dst=198.51.100.9 mac=00:18:0A:11:22:33 protocol=tcp sport=52421 dport=443 pattern: allow all
//   <134>1 1763619901.123456789 MR42 flows allow src=192.168.10.7 dst=198.51.100.53 mac=… protocol=icmp type=8
//   <134>1 1763619901.123456789 MX68 ip_flow_start src=192.168.10.5 dst=198.51.100.9 protocol=tcp sport=52421 dport=443 translated_src_ip=203.0.113.2 translated_port=52421
//
// Types read: the layer 3 firewall's `flows` (MX18.101 and later name the rule set instead:
// `firewall`, `vpn_firewall`, `cellular_firewall`, `bridge_anyconnect_client_vpn_firewall`;
// `l7_firewall` read alike) and `ip_flow_start`. `ip_flow_end` is skipped: its start record
// counted the flow. The other types (`events`, `urls`, `ids-alerts`, `security_event`,
// `airmarshal_events`, …) are skipped, saying the type.
//
// Mapping. Time: the epoch (absolute); without one, the outer header's stamp. Host: the
// device name. Action: the word after the type (`flows allow`, `flows deny`: MR, older MX),
// else the first word of `pattern:` — `allow`, `deny`, and as Meraki's "Syslog Server
// Overview" documents for inbound rules `1` deny and `0` allow (`Group Policy Allow`: the
// word after "Group Policy"); `ip_flow_start` is a flow the appliance let through. An allowed
// record stands for a flow, counted as connections (connection-records.ts). Direction: none
// (the lines name no interface): the addresses and --home-net decide (util/egress.ts). Rule
// label: `<type>[ allow|deny][: <pattern>]` (`flows: 1 all`, `firewall: allow all`,
// `vpn_firewall: deny (src 10.10.0.0/16)`, `ip_flow_start`); in ECS the type is rule.ruleset
// and the pattern rule.name.
import type { Action, FirewallEvent, IcmpInfo } from '../event.js';
import { fractionMs, shown, uintIn } from './fields.js';
import { KeyValues, type PacketSlots } from './key-values.js';
import { malformed, PayloadReject, type RecordHead } from './netfilter.js';
import { NOT_MINE, type PayloadParser } from './payload.js';
import { syslogPayloadCreate } from './payload-dispatch.js';
import { digitAt } from './timestamp.js';
import { fixedReason, reason } from './reason.js';
import { recordShare, type FormatDefinition, type ParseContext, type RuleFields } from './types.js';
import { SharedDates } from '../util/shared-date.js';
import { flat } from '../util/flat-string.js';
import { Interner } from '../util/interner.js';
import { sideDirection } from '../util/egress.js';

const ID = 'meraki';

const KEYS = ['src', 'dst', 'protocol', 'sport', 'dport', 'type'] as const;
type Key = (typeof KEYS)[number];
const SLOT = Object.fromEntries(KEYS.map((k, i) => [k, i])) as Record<Key, number>;

/** Types of the firewall's flow records (the rule set that matched, since MX18.101). */
const FIREWALL_TYPES = new Set(['flows', 'firewall', 'vpn_firewall', 'cellular_firewall', 'bridge_anyconnect_client_vpn_firewall', 'l7_firewall']);
const FLOW_START = 'ip_flow_start';
const FLOW_END = 'ip_flow_end';
/** The other types Meraki documents: a bare `host type` after a header is taken for Meraki's only with these or the above. */
const OTHER_TYPES = new Set(['events', 'urls', 'ids-alerts', 'security_event', 'airmarshal_events']);

/** The verdict word after the type, or the first word of the pattern (lower-cased). */
const ACTIONS: Readonly<Record<string, Action>> = Object.assign(Object.create(null) as Record<string, Action>, {
  allow: 'allow',
  deny: 'drop',
  // Meraki's "Syslog Server Overview and Configuration": "For inbound rules, 1=deny and 0=allow".
  '1': 'drop',
  '0': 'allow',
});
/** The prefix of a group policy's rule (`pattern: Group Policy Allow`): the verdict follows it. */
const GROUP_POLICY = 'group policy ';
const PATTERN = ' pattern:';

const MISSING_SRC = fixedReason('missing', 'src');
const MISSING_DST = fixedReason('missing', 'dst');
const MISSING_PROTO = fixedReason('missing', 'protocol');
const MISSING_DPORT = fixedReason('missing', 'dport');
const MISSING_PATTERN = fixedReason('missing', 'pattern');
const DST_FAMILY = fixedReason('family-differs', 'dst', 'src');

const PACKET: PacketSlots = {
  src: SLOT.src, dst: SLOT.dst, proto: SLOT.protocol, srcPort: SLOT.sport, dstPort: SLOT.dport,
  protoNumber: false, emptyIsThere: false,
  missingSrc: MISSING_SRC, missingDst: MISSING_DST, differ: DST_FAMILY, missingProto: MISSING_PROTO, missingDstPort: MISSING_DPORT,
};

/** Where merakiHead found the header's parts in the line (reused). */
interface Head {
  /** The epoch stamp s[epochStart, epochEnd); -1 when the header has none (an outer stamp read it, or none did). */
  epochStart: number;
  epochEnd: number;
  hostStart: number;
  hostEnd: number;
  typeStart: number;
  typeEnd: number;
}

const SP = 0x20;

function tokenEnd(s: string, i: number, end: number): number {
  while (i < end && s.charCodeAt(i) !== SP) i++;
  return i;
}

/** A type word: lower-case letters, digits, `_` and `-`. */
function isTypeWord(s: string, a: number, b: number): boolean {
  if (b <= a) return false;
  for (let i = a; i < b; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x2d)) return false;
  }
  return true;
}

function isKnownType(t: string): boolean {
  return FIREWALL_TYPES.has(t) || t === FLOW_START || t === FLOW_END || OTHER_TYPES.has(t);
}

/** Meraki's epoch: 9 or 10 digits of seconds, optionally `.` and up to 9 of the fraction. */
function isEpoch(s: string, a: number, b: number): boolean {
  let i = a;
  while (i < b && digitAt(s, i) >= 0) i++;
  if (i - a < 9 || i - a > 10) return false;
  if (i === b) return true;
  if (s.charCodeAt(i) !== 0x2e || b - i < 2 || b - i > 10) return false;
  for (i++; i < b; i++) if (digitAt(s, i) < 0) return false;
  return true;
}

/** Milliseconds of an epoch isEpoch accepted. */
function epochMs(s: string, a: number, b: number): number {
  const dot = s.indexOf('.', a);
  const secEnd = dot < 0 || dot >= b ? b : dot;
  return uintIn(s, a, secEnd) * 1000 + (secEnd < b ? fractionMs(s, secEnd + 1, b) : 0);
}

/**
 * Meraki's header at the message s[start, end): `[<PRI>][1 ]<epoch> <host> <type>`, or, with
 * the epoch read by an outer header, `<host> <type> [allow |deny ]src=` for the firewall's
 * own types. True with `h` filled; false when the message is not Meraki's. A first token
 * that is no epoch is taken for a broken one only before a type Meraki documents.
 */
function merakiHead(s: string, start: number, end: number, h: Head): boolean {
  let p = start;
  if (s.charCodeAt(p) === 0x3c) {
    let q = p + 1;
    while (q < p + 4 && digitAt(s, q) >= 0) q++;
    if (q > p + 1 && s.charCodeAt(q) === 0x3e) p = q + 1;
  }
  if (digitAt(s, p) >= 0 && s.charCodeAt(p + 1) === SP) p += 2;
  if (digitAt(s, p) >= 0) {
    const e1 = tokenEnd(s, p, end);
    const e2 = tokenEnd(s, e1 + 1, end);
    const e3 = tokenEnd(s, e2 + 1, end);
    if (e1 >= end || e2 >= end || e2 === e1 + 1 || !isTypeWord(s, e2 + 1, e3)) return false;
    if (!isEpoch(s, p, e1) && !isKnownType(s.slice(e2 + 1, e3))) return false;
    h.epochStart = p;
    h.epochEnd = e1;
    h.hostStart = e1 + 1;
    h.hostEnd = e2;
    h.typeStart = e2 + 1;
    h.typeEnd = e3;
    return true;
  }
  const e1 = tokenEnd(s, start, end);
  if (e1 === start || e1 >= end) return false;
  const e2 = tokenEnd(s, e1 + 1, end);
  const t = s.slice(e1 + 1, e2);
  if (!(FIREWALL_TYPES.has(t) || t === FLOW_START || t === FLOW_END)) return false;
  let q = e2 + 1;
  if (s.startsWith('allow ', q)) q += 6;
  else if (s.startsWith('deny ', q)) q += 5;
  if (!s.startsWith('src=', q)) return false;
  h.epochStart = -1;
  h.epochEnd = -1;
  h.hostStart = start;
  h.hostEnd = e1;
  h.typeStart = e1 + 1;
  h.typeEnd = e2;
  return true;
}

const probe: Head = { epochStart: -1, epochEnd: -1, hostStart: 0, hostEnd: 0, typeStart: 0, typeEnd: 0 };

/** Index of the Meraki header's type in s[start, end), -1 when the message is not Meraki's; for the payload dispatcher. */
export function merakiAt(s: string, start: number, end: number): number {
  return merakiHead(s, start, end, probe) ? probe.typeStart : -1;
}

class MerakiPayload implements PayloadParser {
  readonly format = ID;
  private readonly f = new KeyValues(KEYS);
  private readonly dates = new SharedDates();
  private readonly rules = new Interner();
  private readonly types = new Interner();
  private readonly h: Head = { epochStart: -1, epochEnd: -1, hostStart: 0, hostEnd: 0, typeStart: 0, typeEnd: 0 };
  private lastHost = '';

  constructor(private readonly file: string) {}

  parse(s: string, start: number, end: number, head: RecordHead, lineNo: number): FirewallEvent | PayloadReject {
    const h = this.h;
    if (!merakiHead(s, start, end, h)) return NOT_MINE;
    const type = this.types.of(s.slice(h.typeStart, h.typeEnd));
    const flowStart = type === FLOW_START;
    if (!flowStart && !FIREWALL_TYPES.has(type)) {
      return new PayloadReject(false, type === FLOW_END ? reason('meraki-flow-end') : reason('meraki-not-firewall', '', shown(type)));
    }
    let time = head.time;
    let yearInferred = head.yearInferred;
    if (h.epochStart >= 0) {
      if (!isEpoch(s, h.epochStart, h.epochEnd)) return malformed(reason('invalid', 'epoch', shown(s.slice(h.epochStart, h.epochEnd))));
      time = this.dates.of(epochMs(s, h.epochStart, h.epochEnd));
      yearInferred = false;
    }

    let p = h.typeEnd + 1;
    let op: string | null = null;
    if (!flowStart) {
      if (s.startsWith('allow ', p)) op = 'allow';
      else if (s.startsWith('deny ', p)) op = 'deny';
      if (op !== null) p += op.length + 1;
    }
    let kvEnd = end;
    let pattern: string | null = null;
    if (!flowStart) {
      const at = s.indexOf(PATTERN, p);
      if (at >= 0 && at < end) {
        kvEnd = at;
        pattern = s.slice(at + PATTERN.length, end).trim();
      }
    }
    const f = this.f;
    f.read(s, p, kvEnd);
    const ver = f.packet(s, PACKET);
    if (ver < 0) return malformed(f.packetReason(s, ver, PACKET));
    const { src, dst, proto, srcPort: sport, dstPort: dport } = f;

    let action: Action;
    if (flowStart) action = 'allow';
    else if (op !== null) action = ACTIONS[op]!;
    else if (pattern === null || pattern === '') return malformed(MISSING_PATTERN);
    else {
      const verdict = patternVerdict(pattern);
      const a = ACTIONS[verdict];
      if (a === undefined) return malformed(reason('unknown', 'pattern', shown(verdict)));
      action = a;
    }

    let icmp: IcmpInfo | null = null;
    if ((proto === 'icmp' || proto === 'icmpv6') && f.filled(SLOT.type)) {
      const t = uintIn(s, f.start[SLOT.type]!, f.end[SLOT.type]!);
      icmp = { type: t >= 0 && t <= 255 ? t : null, code: null, embedded: null };
    }

    let label = type;
    if (op !== null) label += ` ${op}`;
    if (pattern !== null && pattern !== '') label += `: ${pattern}`;

    return {
      time,
      yearInferred,
      uptime: head.uptime,
      host: this.host(s, h),
      format: ID,
      action,
      // The lines name no interface or zone: which side a flow came from is the addresses'
      // to say (--home-net, else the local-network ranges), as for Azure Firewall's records.
      direction: sideDirection(src, dst, 'forward'),
      rule: this.rules.of(label),
      inIface: null,
      outIface: null,
      proto,
      ipVersion: ver as 4 | 6,
      src: { ip: src, port: sport >= 0 ? sport : null },
      dst: { ip: dst, port: dport >= 0 ? dport : null },
      ttl: null,
      len: null,
      // A flow record says nothing of the packets' flags: unknown, not a NULL scan's [].
      tcpFlags: null,
      tcpWindow: null,
      pid: null,
      icmp,
      count: head.count,
      origin: { file: this.file, line: lineNo },
      annotations: [],
    };
  }

  /** The device name (the same string as the line before's when it is the same). */
  private host(s: string, h: Head): string {
    const last = this.lastHost;
    if (last.length === h.hostEnd - h.hostStart && s.startsWith(last, h.hostStart)) return last;
    return (this.lastHost = flat(s.slice(h.hostStart, h.hostEnd)));
  }
}

/** The verdict word of a pattern, lower-cased: its first word, or the one after `Group Policy`. */
function patternVerdict(pattern: string): string {
  let a = 0;
  if (pattern.length > GROUP_POLICY.length && pattern.slice(0, GROUP_POLICY.length).toLowerCase() === GROUP_POLICY) a = GROUP_POLICY.length;
  const sp = pattern.indexOf(' ', a);
  return pattern.slice(a, sp < 0 ? pattern.length : sp).toLowerCase();
}

export function createMerakiPayload(ctx: Pick<ParseContext, 'file'>): PayloadParser {
  return new MerakiPayload(ctx.file);
}

/** Sniff-only: Meraki's header (a version digit, the epoch, a device name and a type Meraki documents). */
const HEADER = /(?:^|[\s>])\d \d{9,10}(?:\.\d{1,9})? \S+ (?:flows|firewall|vpn_firewall|cellular_firewall|bridge_anyconnect_client_vpn_firewall|l7_firewall|ip_flow_start|ip_flow_end|events|urls|ids-alerts|security_event|airmarshal_events)(?: |$)/;
/** The same without the version digit, as a line starts when nothing wraps it. */
const BARE = /^\d{9,10}\.\d{1,9} \S+ (?:flows|firewall|vpn_firewall|cellular_firewall|bridge_anyconnect_client_vpn_firewall|l7_firewall|ip_flow_start|ip_flow_end|events|urls|ids-alerts|security_event|airmarshal_events) /;

function sniff(lines: readonly string[]): number {
  let records = 0;
  for (const l of lines) if (HEADER.test(l) || BARE.test(l)) records++;
  return recordShare(records, lines.length);
}

/** `flows: 1 all` → the type as rule.ruleset, the pattern (or the verdict word) as rule.name; `ip_flow_start` as event.reason. */
function merakiRuleFields(rule: string): RuleFields {
  const m = /^(\S+?)(?: (allow|deny))?(?:: (.*))?$/.exec(rule);
  if (m === null) return { name: rule };
  if (m[1] === FLOW_START) return { reason: FLOW_START };
  const fields: RuleFields = { ruleset: m[1]! };
  const name = m[3] ?? m[2];
  if (name !== undefined) fields.name = name;
  return fields;
}

export const merakiFormat: FormatDefinition = {
  id: ID,
  examples: [
    '<134>1 1795155901.104233871 MX68_Branch flows src=203.0.113.7 dst=198.51.100.2 protocol=tcp sport=41234 dport=23 pattern: 1 all',
    '<134>1 1795155902.456789012 MX68_Branch firewall src=192.168.10.5 dst=198.51.100.9 mac=00:18:0A:11:22:33 protocol=tcp sport=52421 dport=443 pattern: allow all',
    'Nov 20 06:25:03 192.168.10.1 1 1795155903.000123456 MX68_Branch ip_flow_start src=192.168.10.5 dst=198.51.100.9 protocol=udp sport=53012 dport=53 translated_src_ip=198.51.100.2 translated_port=53012',
  ],
  sniff,
  // An allowed record stands for a flow the appliance let through (Meraki logs a flow once,
  // not its packets): counted as connections, as FortiGate's sessions are.
  connectionRecords: { action: 'allow' },
  create: syslogPayloadCreate(createMerakiPayload, ' src='),
  ruleFields: merakiRuleFields,
};
