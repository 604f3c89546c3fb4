// H3C SecPath firewalls (F100/F1000/F5000, M9000; Comware 7): the information center's fast
// log output, sent to syslog behind the `%%10MODULE/severity/MNEMONIC:` tag vrp-header.ts reads
// (Comware's default header puts the year after the clock, `Mar 26 14:41:42 2020 FW`), then
// `;`-separated `Key(NNNN)=value` pairs (the number is the field's id, passed over):
//
//   <190>Mar 26 14:41:42 2026 FW %%10FILTER/6/FILTER_ZONE_IPV4_EXECUTION: SrcZoneName(1025)=Untrust;DstZoneName(1035)=Trust;Type(1067)=ACL;SecurityPolicy(1072)=Untrust-Trust;RuleID(1078)=5;Protocol(1001)=TCP;Application(1002)=general_tcp;SrcIPAddr(1003)=203.0.113.7;SrcPort(1004)=41234;DstIPAddr(1007)=192.168.1.10;DstPort(1008)=23;MatchCount(1069)=3;Event(1048)=Deny;
//   <190>Mar 26 14:45:01 2026 FW %%10SESSION/6/SESSION_IPV4_FLOW:Protocol(1001)=UDP;Application(1002)=dns;SrcIPAddr(1003)=192.168.1.23;SrcPort(1004)=50514;…;BeginTime_e(1013)=03262026144458;EndTime_e(1014)=03262026144501;Event(1048)=(3)Normal over;
//
// Read: the security policy's (and the older object policy's) FILTER/FILTER_ZONE_IPV4_EXECUTION
// and _IPV6_EXECUTION, the packet filter's FILTER_IPV4_EXECUTION and _IPV6_EXECUTION (`Event`
// Permit or Deny), and SESSION/SESSION_IPV4_FLOW and _IPV6_FLOW (session logging: a session's
// creation, its periodic records, its end). Every other module and mnemonic (ATK attack defence,
// IPS, URL, AUDIT, logins, the system's, ACL statistics) is skipped saying `MODULE/MNEMONIC`. A
// chassis's `-Chassis=1-Slot=3.1;` prefix is passed over.
//
// Counting. A deny stands for `MatchCount` blocked packets (the log aggregates a flow's packets
// over its interval). A permit is one connection (a flow the policy let through); a session's
// records are the same connection: all connection records (connection-records.ts), counted
// once: the first record of a flow counts it and is remembered (the last 4,096), a later permit
// or session record of the same protocol, addresses and ports is skipped, and a session's end
// forgets it. Time: a session's `BeginTime_e` (MMDDYYYYHHMMSS, the device's clock, in --tz),
// else the header's. Direction from the zones, Comware's default Trust, Untrust, DMZ, Local (the
// firewall itself) and Management, through signatures/zone-sides.json; else null. Rule: `rule
// <RuleID> ["SecurityPolicy"] <SrcZone>-><DstZone>`; a session record names none: `session`.
import type { Action, FirewallEvent, IcmpInfo } from '../event.js';
import { shown, uintIn } from './fields.js';
import { KeyValues, type PacketSlots } from './key-values.js';
import { malformed, PayloadReject, type RecordHead } from './netfilter.js';
import { NOT_MINE, type PayloadParser } from './payload.js';
import { syslogPayloadCreate } from './payload-dispatch.js';
import { fixedReason, reason, type LineReason } from './reason.js';
import { recordShare, type FormatDefinition, type ParseContext } from './types.js';
import { zonedLabel, zonedRuleFields } from './rule-label.js';
import { OpenSessions } from './open-sessions.js';
import { VrpHeader, vrpTagAt } from './vrp-header.js';
import { zoneConvention } from './zone-direction.js';
import { WallTimes } from './local-time.js';
import { d2, impossible } from './timestamp.js';
import { SharedDates } from '../util/shared-date.js';
import { Interner } from '../util/interner.js';
import { sideDirection } from '../util/egress.js';

const ID = 'h3c-secpath';
/** Comware's information-center version. */
const VERSION = '10';

const KEYS = [
  'Protocol', 'SrcIPAddr', 'SrcPort', 'DstIPAddr', 'DstPort', 'SrcIPv6Addr', 'DstIPv6Addr', 'SrcZoneName', 'DstZoneName',
  'SecurityPolicy', 'ObjectPolicy', 'Acl', 'RuleID', 'MatchCount', 'Event', 'BeginTime_e', 'Icmpv4Type', 'Icmpv4Code', 'Icmpv6Type', 'Icmpv6Code',
] as const;
const K = Object.fromEntries(KEYS.map((k, i) => [k, i])) as Record<(typeof KEYS)[number], number>;

const COMMON = {
  proto: K.Protocol, srcPort: K.SrcPort, dstPort: K.DstPort, protoNumber: false, emptyIsThere: false,
  missingProto: fixedReason('missing', 'Protocol'), missingDstPort: fixedReason('missing', 'DstPort'),
} as const;
const V4: PacketSlots = {
  ...COMMON, src: K.SrcIPAddr, dst: K.DstIPAddr,
  missingSrc: fixedReason('missing', 'SrcIPAddr'), missingDst: fixedReason('missing', 'DstIPAddr'), differ: fixedReason('family-differs', 'DstIPAddr', 'SrcIPAddr'),
};
const V6: PacketSlots = {
  ...COMMON, src: K.SrcIPv6Addr, dst: K.DstIPv6Addr,
  missingSrc: fixedReason('missing', 'SrcIPv6Addr'), missingDst: fixedReason('missing', 'DstIPv6Addr'), differ: fixedReason('family-differs', 'DstIPv6Addr', 'SrcIPv6Addr'),
};

const MAX_OPEN = 4096;
/** The most packets one record is read as standing for (a 32-bit counter). */
const MAX_COUNT = 4_294_967_295;
const ALREADY_COUNTED = fixedReason('vrp-session-end');
const MISSING_EVENT = fixedReason('missing', 'Event');

/** A session record's Event, `(N)Text`: its creation, a periodic record, or its end. */
type SessionEvent = 'start' | 'update' | 'end';

function sessionEvent(s: string, a: number, b: number): SessionEvent {
  const close = s.indexOf(')', a);
  const t = close >= 0 && close < b ? close + 1 : a;
  if (s.startsWith('Session created', t)) return 'start';
  // `Active flow threshold` and `Periodic` come while the session lasts; every other is its end
  // (`Session deleted`, `Normal over`, `Aged for timeout`, `Aged for reset or config-change`, `Other`).
  if (s.startsWith('Active flow', t) || s.startsWith('Periodic', t)) return 'update';
  return 'end';
}

class H3cPayload implements PayloadParser {
  readonly format = ID;
  private readonly f = new KeyValues(KEYS, { pairEnd: ';', keyNumbers: true });
  private readonly header: VrpHeader;
  private readonly wall: WallTimes;
  private readonly dates = new SharedDates();
  private readonly rules = new Interner();
  private readonly zones = zoneConvention(ID);
  private readonly open = new OpenSessions(MAX_OPEN);

  constructor(
    private readonly file: string,
    ctx: Pick<ParseContext, 'tz' | 'zoneNote' | 'timeCarry'>,
  ) {
    this.header = new VrpHeader(ctx);
    this.wall = new WallTimes(ctx);
  }

  parse(s: string, start: number, end: number, head: RecordHead, lineNo: number): FirewallEvent | PayloadReject {
    const h = this.header;
    const read = h.message(s, start, end, head, VERSION);
    if (read === 0) return NOT_MINE;
    if (read < 0) return malformed(h.error!);
    const filter = h.module(s, 'FILTER') && (h.mnemonic(s, 'FILTER_ZONE_IPV4_EXECUTION') || h.mnemonic(s, 'FILTER_ZONE_IPV6_EXECUTION') || h.mnemonic(s, 'FILTER_IPV4_EXECUTION') || h.mnemonic(s, 'FILTER_IPV6_EXECUTION'));
    const session = !filter && h.module(s, 'SESSION') && (h.mnemonic(s, 'SESSION_IPV4_FLOW') || h.mnemonic(s, 'SESSION_IPV6_FLOW'));
    if (!filter && !session) return new PayloadReject(false, reason('vrp-other-log', '', h.tagText(s)));

    const f = this.f;
    f.read(s, h.body, end);
    if (!f.filled(K.Event)) return malformed(MISSING_EVENT);
    let action: Action;
    let phase: SessionEvent = 'start';
    let count = head.count;
    if (filter) {
      if (f.is(s, K.Event, 'Deny')) action = 'drop';
      else if (f.is(s, K.Event, 'Permit')) action = 'allow';
      else return malformed(reason('invalid', 'Event', shown(f.text(s, K.Event))));
      if (action === 'drop' && f.filled(K.MatchCount)) {
        const n = uintIn(s, f.start[K.MatchCount]!, f.end[K.MatchCount]!);
        if (n < 1 || n > MAX_COUNT) return malformed(reason('invalid', 'MatchCount', shown(f.text(s, K.MatchCount))));
        count *= n;
      }
    } else {
      action = 'allow';
      phase = sessionEvent(s, f.start[K.Event]!, f.end[K.Event]!);
    }

    const slots = f.filled(K.SrcIPv6Addr) || f.filled(K.DstIPv6Addr) ? V6 : V4;
    const ver = f.packet(s, slots);
    if (ver < 0) return malformed(f.packetReason(s, ver, slots));
    const { src, dst, srcPort: sport, dstPort: dport } = f;
    let proto = f.proto;
    if (proto === 'icmp' && ver === 6) proto = 'icmpv6';

    let time = h.time;
    let yearInferred = h.yearInferred;
    if (session && f.filled(K.BeginTime_e)) {
      const ms = this.beginTime(s);
      if (ms !== ms) return malformed(this.timeError(s));
      time = this.dates.of(ms);
      yearInferred = false;
    }

    // One connection: its first record counts it; the rest of its records are skipped, its end forgets it.
    if (action === 'allow') {
      const key = OpenSessions.key(proto, src, sport, dst, dport);
      if (phase === 'end') {
        if (this.open.delete(key)) return new PayloadReject(false, ALREADY_COUNTED);
      } else if (this.open.has(key)) return new PayloadReject(false, ALREADY_COUNTED);
      else this.open.add(key);
    }

    let icmp: IcmpInfo | null = null;
    if (proto === 'icmp') icmp = f.icmp(s, K.Icmpv4Type, K.Icmpv4Code);
    else if (proto === 'icmpv6') icmp = f.icmp(s, K.Icmpv6Type, K.Icmpv6Code);
    if (icmp !== null && icmp.type === null && icmp.code === null) icmp = null;

    const from = f.textOrNull(s, K.SrcZoneName);
    const to = f.textOrNull(s, K.DstZoneName);
    return {
      time,
      yearInferred,
      uptime: null,
      host: h.host,
      format: ID,
      action,
      // A session record names no zone, and a zone of the user's naming says nothing: the
      // addresses' sides then (--home-net, else the local ranges), as Hillstone's.
      direction: this.zones.direction(from, to) ?? sideDirection(src, dst, 'forward'),
      rule: filter ? this.rule(s, from, to) : this.rules.of('session'),
      inIface: null,
      outIface: null,
      proto,
      ipVersion: ver as 4 | 6,
      src: { ip: src, port: sport >= 0 ? sport : null },
      dst: { ip: dst, port: dport >= 0 ? dport : null },
      ttl: null,
      len: null,
      tcpFlags: null,
      tcpWindow: null,
      pid: null,
      icmp,
      count,
      origin: { file: this.file, line: lineNo },
      annotations: [],
    };
  }

  /** `rule 5 "Untrust-Trust" Untrust->Trust`, `rule - "3000"` for an ACL without a rule id. */
  private rule(s: string, from: string | null, to: string | null): string {
    const f = this.f;
    const head = f.filled(K.RuleID) ? `rule ${f.text(s, K.RuleID)}` : 'rule -';
    const name = f.textOrNull(s, K.SecurityPolicy) ?? f.textOrNull(s, K.ObjectPolicy) ?? f.textOrNull(s, K.Acl);
    return this.rules.of(zonedLabel(head, name, from, to));
  }

  /** `BeginTime_e(1013)=03262026144458`: MMDDYYYYHHMMSS, the device's clock, in --tz; NaN when it is none. */
  private beginTime(s: string): number {
    const f = this.f;
    const a = f.start[K.BeginTime_e]!;
    if (f.end[K.BeginTime_e]! - a !== 14) return NaN;
    const mo = d2(s, a);
    const d = d2(s, a + 2);
    const y1 = d2(s, a + 4);
    const y2 = d2(s, a + 6);
    const h = d2(s, a + 8);
    const mi = d2(s, a + 10);
    const sec = d2(s, a + 12);
    if (mo < 0 || d < 0 || y1 < 0 || y2 < 0 || h < 0 || mi < 0 || sec < 0) return NaN;
    const y = y1 * 100 + y2;
    if (impossible(y, mo, d, h, mi, sec) !== null) return NaN;
    return this.wall.ms(y, mo, d, h, mi, sec);
  }

  private timeError(s: string): LineReason {
    const f = this.f;
    const a = f.start[K.BeginTime_e]!;
    const b = f.end[K.BeginTime_e]!;
    if (b - a === 14) {
      const bad = impossible(d2(s, a + 4) * 100 + d2(s, a + 6), d2(s, a), d2(s, a + 2), d2(s, a + 8), d2(s, a + 10), d2(s, a + 12));
      if (bad !== null && d2(s, a + 4) >= 0) return { ...bad, field: 'BeginTime_e' };
    }
    return reason('invalid', 'BeginTime_e', shown(f.text(s, K.BeginTime_e)));
  }
}

/** Index of a Comware message's tag in s[start, end), or -1: the dispatcher's check. */
export function h3cSecpathAt(s: string, start: number, end: number): number {
  return vrpTagAt(s, start, end, VERSION);
}

export function createH3cSecpathPayload(ctx: Pick<ParseContext, 'file' | 'tz' | 'zoneNote' | 'timeCarry'>): PayloadParser {
  return new H3cPayload(ctx.file, ctx);
}

/** Sniff-only: a Comware tag of the modules read, a field of theirs after it. */
const RECORD = /%%10(?:FILTER\/\d\/FILTER_(?:ZONE_)?IPV[46]_EXECUTION|[Ss][Ee][Ss][Ss][Ii][Oo][Nn]\/\d\/SESSION_IPV[46]_FLOW):.*\(1001\)=/;

function sniff(lines: readonly string[]): number {
  let records = 0;
  for (const l of lines) if (RECORD.test(l)) records++;
  return recordShare(records, lines.length);
}

const h3cRuleFields = zonedRuleFields({ word: 'rule', head: null });

export const h3cSecpathFormat: FormatDefinition = {
  id: ID,
  examples: [
    '<190>Mar 26 14:41:42 2026 FW-F1000 %%10FILTER/6/FILTER_ZONE_IPV4_EXECUTION: SrcZoneName(1025)=Untrust;DstZoneName(1035)=Trust;Type(1067)=ACL;SecurityPolicy(1072)=Untrust-Trust;RuleID(1078)=5;Protocol(1001)=TCP;Application(1002)=general_tcp;SrcIPAddr(1003)=203.0.113.7;SrcPort(1004)=41234;DstIPAddr(1007)=192.168.1.10;DstPort(1008)=23;MatchCount(1069)=3;Event(1048)=Deny;',
    '<190>Mar 26 14:45:01 2026 FW-F1000 %%10SESSION/6/SESSION_IPV4_FLOW:Protocol(1001)=UDP;Application(1002)=dns;SrcIPAddr(1003)=192.168.1.23;SrcPort(1004)=50514;NatSrcIPAddr(1005)=203.0.113.2;NatSrcPort(1006)=3011;DstIPAddr(1007)=198.51.100.53;DstPort(1008)=53;NatDstIPAddr(1009)=198.51.100.53;NatDstPort(1010)=53;InitPktCount(1044)=1;InitByteCount(1046)=64;RplyPktCount(1045)=1;RplyByteCount(1047)=180;RcvVPNInstance(1042)=;SndVPNInstance(1043)=;RcvDSLiteTunnelPeer(1040)=;SndDSLiteTunnelPeer(1041)=;BeginTime_e(1013)=03262026144458;EndTime_e(1014)=03262026144501;Event(1048)=(3)Normal over;',
    '<188>Mar 26 14:46:10 2026 FW-F1000 %%10FILTER/6/FILTER_ZONE_IPV6_EXECUTION: -Chassis=1-Slot=3.1; SrcZoneName(1025)=Untrust;DstZoneName(1035)=Local;Type(1067)=ACL;SecurityPolicy(1072)=Untrust-Local;RuleID(1078)=2;Protocol(1001)=TCP;Application(1002)=ssh;SrcIPv6Addr(1036)=2001:db8:77::5;SrcPort(1004)=40112;DstIPv6Addr(1037)=2001:db8::1;DstPort(1008)=22;MatchCount(1069)=1;Event(1048)=Deny;',
  ],
  sniff,
  // A permit is one connection, and so are its session's records: counted once, as connections.
  connectionRecords: { action: 'allow' },
  create: syslogPayloadCreate(createH3cSecpathPayload, '%%10'),
  ruleFields: h3cRuleFields,
};
