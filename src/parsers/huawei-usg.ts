// Huawei USG / HiSecEngine / Eudemon firewalls (VRP): the information center's log messages,
// sent to syslog behind the `%%01MODULE/severity/MNEMONIC(flag):` tag vrp-header.ts reads:
//
//   May 15 2026 07:56:05 FW-1 %%01POLICY/6/POLICYDENY(l):vsys=public, protocol=17, source-ip=203.0.113.9, source-port=49198, destination-ip=198.51.100.2, destination-port=62196, time=May 15 2026 14:56:05, source-zone=untrust, destination-zone=local, application-name=, rule-name=Deny-To-Firewall.
//   <190>2026-10-11 20:38:20 FW-1 %%01SECLOG/6/SESSION_TEARDOWN(l):IPVer=4,Protocol=udp,SourceIP=192.168.10.7,DestinationIP=198.51.100.53,SourcePort=52451,DestinationPort=53,…,BeginTime=1791722276,EndTime=1791722311,…,SourceZone=trust,DestinationZone=untrust,PolicyName=LAN-Out,CloseReason=aged-out.
//
// Read: POLICY/POLICYDENY and POLICY/POLICYPERMIT (a security policy rule with `policy
// logging` matched: `, `-separated pairs, the protocol as its number), SECLOG/SESSION_TEARDOWN
// (a session's end, `session logging`) and the older USG's SECLOG/PACKET_DENY (`,`-separated,
// CamelCase keys, the protocol named). Every other module and mnemonic (IPS, AV, URL, the
// attack defence's, logins, the system's) is skipped saying `MODULE/MNEMONIC`.
//
// Counting. A denied record is one blocked packet. A permit is matched by a session's first
// packet (the firewall keeps state), so POLICYPERMIT stands for one connection, and so does a
// session's SESSION_TEARDOWN at its end: both are connection records (connection-records.ts),
// counted once: a teardown whose permit was read (same protocol, addresses and ports, among the
// last 4,096 permits) is skipped. Time: the record's own, `time=` (the device's clock, in
// --tz) or `BeginTime` (epoch seconds: the connection's start), else the header's. Direction:
// from the zones, VRP's default trust, untrust, dmz and local (the firewall itself), through
// signatures/zone-sides.json; else null (the addresses and --home-net decide). Rule:
// `policy "NAME" FROM->TO` (rule-name or PolicyName, the zones).
import type { Action, FirewallEvent } from '../event.js';
import { shown, uintIn } from './fields.js';
import { KeyValues, type PacketSlots } from './key-values.js';
import { malformed, PayloadReject, type RecordHead } from './netfilter.js';
import { NOT_MINE, type PayloadParser } from './payload.js';
import { syslogPayloadCreate } from './payload-dispatch.js';
import { fixedReason, reason } from './reason.js';
import { recordShare, type FormatDefinition, type ParseContext } from './types.js';
import { zonedLabel, zonedRuleFields } from './rule-label.js';
import { OpenSessions } from './open-sessions.js';
import { VrpHeader, vrpTagAt } from './vrp-header.js';
import { zoneConvention } from './zone-direction.js';
import { SharedDates } from '../util/shared-date.js';
import { Interner } from '../util/interner.js';

const ID = 'huawei-usg';
/** VRP's information-center version. */
const VERSION = '01';

const POLICY_KEYS = [
  'protocol', 'source-ip', 'source-port', 'destination-ip', 'destination-port', 'time', 'source-zone', 'destination-zone', 'rule-name',
] as const;
const P = Object.fromEntries(POLICY_KEYS.map((k, i) => [k, i])) as Record<(typeof POLICY_KEYS)[number], number>;

const SECLOG_KEYS = [
  'Protocol', 'SourceIP', 'SourcePort', 'DestinationIP', 'DestinationPort', 'BeginTime', 'SourceZone', 'DestinationZone', 'PolicyName',
] as const;
const L = Object.fromEntries(SECLOG_KEYS.map((k, i) => [k, i])) as Record<(typeof SECLOG_KEYS)[number], number>;

const POLICY_PACKET: PacketSlots = {
  src: P['source-ip'], dst: P['destination-ip'], proto: P.protocol, srcPort: P['source-port'], dstPort: P['destination-port'],
  protoNumber: true, emptyIsThere: false,
  missingSrc: fixedReason('missing', 'source-ip'), missingDst: fixedReason('missing', 'destination-ip'),
  differ: fixedReason('family-differs', 'destination-ip', 'source-ip'), missingProto: fixedReason('missing', 'protocol'),
  missingDstPort: fixedReason('missing', 'destination-port'),
};

const SECLOG_PACKET: PacketSlots = {
  src: L.SourceIP, dst: L.DestinationIP, proto: L.Protocol, srcPort: L.SourcePort, dstPort: L.DestinationPort,
  protoNumber: false, emptyIsThere: false,
  missingSrc: fixedReason('missing', 'SourceIP'), missingDst: fixedReason('missing', 'DestinationIP'),
  differ: fixedReason('family-differs', 'DestinationIP', 'SourceIP'), missingProto: fixedReason('missing', 'Protocol'),
  missingDstPort: fixedReason('missing', 'DestinationPort'),
};

/** Permits remembered for their session's teardown. */
const MAX_OPEN = 4096;
const SESSION_END = fixedReason('vrp-session-end');
/** 9998-12-31: the last second of the years an event may have (util/year-range.ts). */
const MAX_EPOCH = 253_370_764_799;

class HuaweiPayload implements PayloadParser {
  readonly format = ID;
  private readonly policy = new KeyValues(POLICY_KEYS, { pairEnd: ',' });
  private readonly seclog = new KeyValues(SECLOG_KEYS, { pairEnd: ',' });
  private readonly header: VrpHeader;
  private readonly dates = new SharedDates();
  private readonly rules = new Interner();
  private readonly zones = zoneConvention(ID);
  /** Permits waiting for their session's teardown (bounded: the oldest goes first). */
  private readonly open = new OpenSessions(MAX_OPEN);

  constructor(
    private readonly file: string,
    ctx: Pick<ParseContext, 'tz' | 'zoneNote' | 'timeCarry'>,
  ) {
    this.header = new VrpHeader(ctx);
  }

  parse(s: string, start: number, end: number, head: RecordHead, lineNo: number): FirewallEvent | PayloadReject {
    const h = this.header;
    const read = h.message(s, start, end, head, VERSION);
    if (read === 0) return NOT_MINE;
    if (read < 0) return malformed(h.error!);
    let action: Action;
    let policy: boolean;
    if (h.module(s, 'POLICY')) {
      policy = true;
      if (h.mnemonic(s, 'POLICYDENY')) action = 'drop';
      else if (h.mnemonic(s, 'POLICYPERMIT')) action = 'allow';
      else return new PayloadReject(false, reason('vrp-other-log', '', h.tagText(s)));
    } else if (h.module(s, 'SECLOG')) {
      policy = false;
      if (h.mnemonic(s, 'SESSION_TEARDOWN')) action = 'allow';
      else if (h.mnemonic(s, 'PACKET_DENY')) action = 'drop';
      else return new PayloadReject(false, reason('vrp-other-log', '', h.tagText(s)));
    } else return new PayloadReject(false, reason('vrp-other-log', '', h.tagText(s)));

    // The message ends in a full stop after its last value.
    let e = end;
    if (s.charCodeAt(e - 1) === 0x2e) e--;
    const f = policy ? this.policy : this.seclog;
    f.read(s, h.body, e);
    const slots = policy ? POLICY_PACKET : SECLOG_PACKET;
    const ver = f.packet(s, slots);
    if (ver < 0) return malformed(f.packetReason(s, ver, slots));
    const { src, dst, srcPort: sport, dstPort: dport } = f;
    let proto = f.proto;
    if (proto === 'icmp' && ver === 6) proto = 'icmpv6';

    let time = h.time;
    let yearInferred = h.yearInferred;
    if (policy && f.filled(P.time)) {
      const ms = h.stampAt(s, f.start[P.time]!, f.end[P.time]!);
      if (ms !== ms || h.stampEnd !== f.end[P.time]) return malformed(h.error ?? reason('invalid', 'time', shown(f.text(s, P.time))));
      time = this.dates.of(ms);
      yearInferred = false;
    } else if (!policy && f.filled(L.BeginTime)) {
      const sec = uintIn(s, f.start[L.BeginTime]!, f.end[L.BeginTime]!);
      if (sec < 0 || sec > MAX_EPOCH) return malformed(reason('invalid', 'BeginTime', shown(f.text(s, L.BeginTime))));
      time = this.dates.of(sec * 1000);
      yearInferred = false;
    }

    // One connection: the permit when the rule logs it, then its session's teardown. The first counts it.
    if (action === 'allow') {
      const key = OpenSessions.key(proto, src, sport, dst, dport);
      if (policy) this.open.add(key);
      else if (this.open.delete(key)) return new PayloadReject(false, SESSION_END);
    }

    const from = f.textOrNull(s, policy ? P['source-zone'] : L.SourceZone);
    const to = f.textOrNull(s, policy ? P['destination-zone'] : L.DestinationZone);
    const name = f.textOrNull(s, policy ? P['rule-name'] : L.PolicyName);
    return {
      time,
      yearInferred,
      uptime: null,
      host: h.host,
      format: ID,
      action,
      direction: this.zones.direction(from, to),
      rule: this.rule(name, from, to),
      inIface: null,
      outIface: null,
      proto,
      ipVersion: ver as 4 | 6,
      src: { ip: src, port: sport >= 0 ? sport : null },
      dst: { ip: dst, port: dport >= 0 ? dport : null },
      ttl: null,
      len: null,
      // The record names no TCP flags: unknown, not a NULL scan's [].
      tcpFlags: null,
      tcpWindow: null,
      pid: null,
      // Neither record names an ICMP type or code.
      icmp: null,
      count: head.count,
      origin: { file: this.file, line: lineNo },
      annotations: [],
    };
  }

  /** `policy "Deny-To-Firewall" untrust->local`, `policy untrust->trust` without a name. */
  private rule(name: string | null, from: string | null, to: string | null): string {
    return this.rules.of(zonedLabel('policy', name, from, to));
  }
}

/** Index of a VRP message's tag in s[start, end), or -1: the dispatcher's check. */
export function huaweiUsgAt(s: string, start: number, end: number): number {
  return vrpTagAt(s, start, end, VERSION);
}

export function createHuaweiUsgPayload(ctx: Pick<ParseContext, 'file' | 'tz' | 'zoneNote' | 'timeCarry'>): PayloadParser {
  return new HuaweiPayload(ctx.file, ctx);
}

/** Sniff-only: a VRP tag of the modules read, its pairs after it. */
const RECORD = /%%01(?:POLICY\/\d\/POLICY(?:DENY|PERMIT)\(l\):vsys=|SECLOG\/\d\/(?:SESSION_TEARDOWN|PACKET_DENY)\(l\):IPVer=)/;

function sniff(lines: readonly string[]): number {
  let records = 0;
  for (const l of lines) if (RECORD.test(l)) records++;
  return recordShare(records, lines.length);
}

const huaweiRuleFields = zonedRuleFields({ word: 'policy', head: null, id: false });

export const huaweiUsgFormat: FormatDefinition = {
  id: ID,
  examples: [
    'May 15 2026 07:56:05 WUH-FW-1 %%01POLICY/6/POLICYDENY(l):vsys=public, protocol=17, source-ip=203.0.113.9, source-port=49198, destination-ip=198.51.100.2, destination-port=62196, time=May 15 2026 14:56:05, source-zone=untrust, destination-zone=local, application-name=, rule-name=Deny-To-Firewall.',
    '<190>2026-10-11 20:38:20 WUH-FW-1 %%01SECLOG/6/SESSION_TEARDOWN(l):IPVer=4,Protocol=udp,SourceIP=192.168.10.7,DestinationIP=198.51.100.53,SourcePort=52451,DestinationPort=53,SourceNatIP=203.0.113.2,SourceNatPort=3711,BeginTime=1791722276,EndTime=1791722311,SendPkts=1,SendBytes=74,RcvPkts=1,RcvBytes=120,SourceVpnID=0,DestinationVpnID=0,SourceZone=trust,DestinationZone=untrust,PolicyName=LAN-Out,CloseReason=aged-out.',
    'Mar 26 2026 17:06:48+08:00 DST WUH-FW-1 %%01POLICY/6/POLICYPERMIT(l):vsys=public, protocol=6, source-ip=192.168.10.23, source-port=50514, destination-ip=198.51.100.80, destination-port=443, time=Mar 26 2026 17:06:48, source-zone=trust, destination-zone=untrust, application-name=HTTPS, rule-name=LAN-Out.',
  ],
  sniff,
  // A permit is one connection (the rule meets its first packet only), its POLICYPERMIT or,
  // without one, its session's teardown: counted as connections, as FortiGate's sessions are.
  connectionRecords: { action: 'allow' },
  create: syslogPayloadCreate(createHuaweiUsgPayload, '%%01'),
  ruleFields: huaweiRuleFields,
};
