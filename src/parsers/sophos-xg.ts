// Sophos Firewall (SFOS, the XG and XGS appliances) firewall logs, key=value pairs as the
// firewall sends them to syslog (alone, after `<PRI>`, or behind a relay's header, which the
// envelope, syslog-envelope.ts, reads). Two layouts, told apart by their fields:
//
//   v17-v19 ("legacy"): device="SFW" date=2026-11-20 time=06:25:01 timezone="CET" device_name="XG230" device_id=C01001XXXX log_id=010101600001 log_type="Firewall" log_component="Firewall Rule" log_subtype="Denied" status="Deny" … fw_rule_id=0 … in_interface="PortB" out_interface="" … src_ip=203.0.113.7 … dst_ip=198.51.100.2 … protocol="TCP" src_port=41234 dst_port=23 … srczonetype="WAN" srczone="WAN" dstzonetype="" dstzone=""
//   v19.5 and later: device_name="fw1" timestamp="2026-11-20T06:25:01+0100" device_model="XGS2100" device_serial_id="X21001XXXX" log_id="010102600002" log_type="Firewall" log_component="Firewall Rule" log_subtype="Denied" … fw_rule_id="0" fw_rule_name="…" … src_zone_type="WAN" src_zone="WAN" …
//
// Fields as Sophos's "Sophos Firewall syslog guide" names them (and Elastic's `sophos`
// integration, its `xg` data stream, reads them). Only `log_type="Firewall"` records are
// read (components Firewall Rule, Appliance Access / Local ACL, Invalid Traffic, DoS Attack,
// ICMP Error Message, IP Spoof, …); the other log types (Event, Content Filtering, IDP, ATP,
// …) are skipped, saying the type. Fields the reading does not need are passed over.
//
// Mapping. Time: `timestamp` (ISO 8601 with its offset), else `date` and `time` in --tz
// (`timezone` is an abbreviation, `IST` India's or Ireland's: not read), else the syslog
// header's. Host: the layout's device name (`device_name` since v19.5; before, `device_name`
// is the model, so the header's host, else `device_id`, the serial number). Action:
// `log_subtype` Allowed → allow, Denied and Dropped → drop (a rule's Drop and Reject both log
// Denied), else `status` Allow/Deny; an allowed record stands for a connection (`con_event`
// Start, Stop or Interim), counted as connections (connection-records.ts). Direction: the
// Appliance Access (local ACL) component is traffic to the firewall itself (in); otherwise
// by the zone types (signatures/zone-sides.json): from a LAN, DMZ or WiFi zone to a WAN one is
// this side's traffic going out (out), the rest passes through (forward). Rule: `[component: ]fw_rule N ["name"] [from->to]` (component
// when not Firewall Rule; fw_rule 0 is the implicit deny; zones as named, LOCAL for the firewall itself); in ECS
// (xgRuleFields) the id is rule.id, the name rule.name, the component event.reason and the
// zones the observer's ingress and egress zones.
import type { Action, Direction, FirewallEvent, IcmpInfo } from '../event.js';
import { shown } from './fields.js';
import { KeyValues, type PacketSlots } from './key-values.js';
import { WallTimes } from './local-time.js';
import { zoneConvention } from './zone-direction.js';
import { malformed, PayloadReject, type RecordHead } from './netfilter.js';
import { NOT_MINE, type PayloadParser } from './payload.js';
import { syslogPayloadCreate } from './payload-dispatch.js';
import { IsoStamps } from './iso-stamp.js';
import { fixedReason, reason, type LineReason } from './reason.js';
import { recordShare, type FormatDefinition, type ParseContext } from './types.js';
import { zonedRuleFields } from './rule-label.js';
import { SharedDates } from '../util/shared-date.js';
import { flat } from '../util/flat-string.js';
import { Interner } from '../util/interner.js';

const ID = 'sophos-xg';

const KEYS = [
  'device', 'device_name', 'device_id', 'device_serial_id', 'date', 'time', 'timestamp',
  'log_id', 'log_type', 'log_component', 'log_subtype', 'status', 'fw_rule_id', 'fw_rule_name',
  'in_interface', 'out_interface', 'src_ip', 'dst_ip', 'protocol', 'src_port', 'dst_port',
  'icmp_type', 'icmp_code', 'srczone', 'dstzone', 'srczonetype', 'dstzonetype',
  'src_zone', 'dst_zone', 'src_zone_type', 'dst_zone_type',
] as const;
type Key = (typeof KEYS)[number];
const SLOT = Object.fromEntries(KEYS.map((k, i) => [k, i])) as Record<Key, number>;

/** log_subtype, then status, as the syslog guide lists them. */
const ACTIONS: Readonly<Record<string, Action>> = Object.assign(Object.create(null) as Record<string, Action>, {
  Allowed: 'allow',
  Denied: 'drop',
  Dropped: 'drop',
  Allow: 'allow',
  Deny: 'drop',
});

/** The component of the firewall's own rules: left out of the label. */
const RULE_COMPONENT = 'Firewall Rule';
/** Components of traffic to the firewall itself (device access). */
const LOCAL_COMPONENTS = new Set(['Appliance Access', 'Local ACL']);
/** The label's destination for traffic to the firewall itself (SFOS names its zones in capitals: LAN, WAN, DMZ). */
const LOCAL = 'LOCAL';

const MISSING_TYPE = fixedReason('missing', 'log_type');
const MISSING_SRCIP = fixedReason('missing', 'src_ip');
const MISSING_DSTIP = fixedReason('missing', 'dst_ip');
const MISSING_PROTO = fixedReason('missing', 'protocol');
const MISSING_ACTION = fixedReason('missing', 'log_subtype');
const MISSING_DSTPORT = fixedReason('missing', 'dst_port');
const DST_FAMILY = fixedReason('family-differs', 'dst_ip', 'src_ip');

/** The packet's ends; an empty value (`src_ip=`) is missing, the protocol is named (`protocol="TCP"`). */
const PACKET: PacketSlots = {
  src: SLOT.src_ip, dst: SLOT.dst_ip, proto: SLOT.protocol, srcPort: SLOT.src_port, dstPort: SLOT.dst_port,
  protoNumber: false, emptyIsThere: false,
  missingSrc: MISSING_SRCIP, missingDst: MISSING_DSTIP, differ: DST_FAMILY, missingProto: MISSING_PROTO, missingDstPort: MISSING_DSTPORT,
};

class XgPayload implements PayloadParser {
  readonly format = ID;
  private readonly f = new KeyValues(KEYS);
  private readonly dates = new SharedDates();
  /** The fields of the last date and time read (one array for every line). */
  private readonly stamp = [0, 0, 0, 0, 0, 0];
  private readonly rules = new Interner();
  private lastHost = '';
  private lastStamp = '';
  private lastStampMs = NaN;
  private timeError: LineReason | null = null;
  private readonly wall: WallTimes;
  /** Zone types (LAN, DMZ, WiFi this side; WAN): signatures/zone-sides.json. */
  private readonly zoneTypes = zoneConvention('sophos-xg');
  private readonly iso: IsoStamps;

  constructor(
    private readonly file: string,
    ctx: Pick<ParseContext, 'tz' | 'zoneNote' | 'timeCarry'>,
  ) {
    this.wall = new WallTimes(ctx);
    this.iso = new IsoStamps({ field: 'timestamp', wall: this.wall });
  }

  parse(s: string, start: number, end: number, head: RecordHead, lineNo: number): FirewallEvent | PayloadReject {
    if (xgRecordAt(s, start, end) < 0) return NOT_MINE;
    const f = this.f;
    f.read(s, start, end);
    if (!f.has(SLOT.log_id)) return f.unclosed ? malformed(f.unclosedReason(s)) : NOT_MINE;
    if (!f.has(SLOT.log_type)) return malformed(f.unclosed ? f.unclosedReason(s) : MISSING_TYPE);
    if (!f.is(s, SLOT.log_type, 'Firewall')) return new PayloadReject(false, reason('sophos-not-firewall', '', shown(f.text(s, SLOT.log_type))));
    if (f.unclosed) return malformed(f.unclosedReason(s));

    const ver = f.packet(s, PACKET);
    if (ver < 0) return malformed(f.packetReason(s, ver, PACKET));
    const { src, dst, proto, srcPort: sport, dstPort: dport } = f;

    const verdict = f.filled(SLOT.log_subtype) ? SLOT.log_subtype : f.filled(SLOT.status) ? SLOT.status : -1;
    if (verdict < 0) return malformed(MISSING_ACTION);
    const action = ACTIONS[s.slice(f.start[verdict]!, f.end[verdict]!)] ?? 'other';

    let time = head.time;
    let yearInferred = head.yearInferred;
    if (f.filled(SLOT.timestamp) || (f.filled(SLOT.date) && f.filled(SLOT.time))) {
      const ms = f.filled(SLOT.timestamp) ? this.isoTime(s) : this.localTime(s);
      if (ms !== ms) return malformed(this.timeError!);
      time = this.dates.of(ms);
      yearInferred = false;
    }

    let icmp: IcmpInfo | null = null;
    if (proto === 'icmp' || proto === 'icmpv6') {
      icmp = f.icmp(s, SLOT.icmp_type, SLOT.icmp_code);
    }

    const component = f.textOrNull(s, SLOT.log_component);
    const srcZone = this.zone(s, SLOT.src_zone, SLOT.srczone);
    const dstZone = this.zone(s, SLOT.dst_zone, SLOT.dstzone);
    let direction: Direction;
    if (component !== null && LOCAL_COMPONENTS.has(component)) direction = 'in';
    else {
      const st = this.zone(s, SLOT.src_zone_type, SLOT.srczonetype);
      const dt = this.zone(s, SLOT.dst_zone_type, SLOT.dstzonetype);
      direction = this.zoneTypes.direction(st, dt) ?? 'forward';
    }

    return {
      time,
      yearInferred,
      uptime: head.uptime,
      host: this.host(s, head.host),
      format: ID,
      action,
      direction,
      // Traffic to the firewall itself has no destination zone: `WAN->LOCAL`, not `WAN->-`.
      rule: this.rule(s, component, srcZone, direction === 'in' && dstZone === null ? LOCAL : dstZone),
      inIface: f.textOrNull(s, SLOT.in_interface),
      outIface: f.textOrNull(s, SLOT.out_interface),
      proto,
      ipVersion: ver as 4 | 6,
      src: { ip: src, port: sport >= 0 ? sport : null },
      dst: { ip: dst, port: dport >= 0 ? dport : null },
      ttl: null,
      len: null,
      // A connection record says nothing of the packets' flags: unknown, not a NULL scan's [].
      tcpFlags: null,
      tcpWindow: null,
      pid: null,
      icmp,
      count: head.count,
      origin: { file: this.file, line: lineNo },
      annotations: [],
    };
  }

  /** A zone or zone type from the new key or the legacy one, trimmed (v18 writes `" LAN"`); null when empty. */
  private zone(s: string, slot: number, legacy: number): string | null {
    const f = this.f;
    const k = f.filled(slot) ? slot : f.filled(legacy) ? legacy : -1;
    if (k < 0) return null;
    const t = f.text(s, k).trim();
    return t === '' ? null : t;
  }

  /** The firewall's name: device_name since v19.5; before it (`device="SFW"`), the header's host, else the serial number. */
  private host(s: string, header: string | null): string | null {
    const f = this.f;
    const legacy = f.has(SLOT.device);
    const slot = legacy ? (header !== null ? -1 : SLOT.device_id) : f.filled(SLOT.device_name) ? SLOT.device_name : header !== null ? -1 : SLOT.device_serial_id;
    if (slot < 0 || !f.filled(slot)) return header;
    const a = f.start[slot]!;
    const b = f.end[slot]!;
    const h = this.lastHost;
    if (h.length === b - a && s.startsWith(h, a)) return h;
    return (this.lastHost = flat(f.text(s, slot)));
  }

  /** `fw_rule 0 WAN->-`, `fw_rule 5 "LAN to Internet" LAN->WAN`, `Appliance Access: fw_rule 0 LAN->-`. */
  private rule(s: string, component: string | null, from: string | null, to: string | null): string | null {
    const f = this.f;
    let label = component !== null && component !== RULE_COMPONENT ? `${component}: ` : '';
    if (f.filled(SLOT.fw_rule_id)) label += `fw_rule ${f.text(s, SLOT.fw_rule_id)}`;
    else label += 'fw_rule -';
    if (f.filled(SLOT.fw_rule_name)) label += ` "${f.text(s, SLOT.fw_rule_name).replace(/["\\]/g, '\\$&')}"`;
    if (from !== null || to !== null) label += ` ${from ?? '-'}->${to ?? '-'}`;
    return this.rules.of(label);
  }

  /** `timestamp="2026-11-20T06:25:01+0100"` (also `+01:00`, `Z`, no offset: --tz); NaN with timeError set when it is no time. */
  private isoTime(s: string): number {
    const f = this.f;
    const a = f.start[SLOT.timestamp]!;
    const b = f.end[SLOT.timestamp]!;
    const ms = this.iso.read(s, a, b);
    if (ms !== ms) this.timeError = this.iso.error ?? reason('invalid', 'timestamp', shown(s.slice(a, b)));
    return ms;
  }

  /** `date=2026-11-20 time=06:25:01` in --tz; NaN with timeError set when it is no time. */
  private localTime(s: string): number {
    const f = this.f;
    const da = f.start[SLOT.date]!;
    const ta = f.start[SLOT.time]!;
    const key = `${s.slice(da, f.end[SLOT.date]!)} ${s.slice(ta, f.end[SLOT.time]!)}`;
    if (key === this.lastStamp) return this.lastStampMs;
    const err = f.dateAndTime(s, SLOT.date, SLOT.time, this.stamp);
    if (err !== null) {
      this.timeError = err;
      return NaN;
    }
    const [y, mo, d, h, mi, sec] = this.stamp as [number, number, number, number, number, number];
    const ms = this.wall.ms(y, mo, d, h, mi, sec);
    this.lastStamp = key;
    this.lastStampMs = ms;
    return ms;
  }
}

/**
 * Index of an SFOS log's `log_id=` in s[start, end), when a `log_type=` or the device's
 * own first field (`device=`, `device_name=`) is there too; -1 otherwise. Cheap enough for
 * the dispatcher to ask of every line no other format owns.
 */
export function xgRecordAt(s: string, start: number, end: number): number {
  const l = s.indexOf('log_id=', start);
  if (l < 0 || l >= end || (l > start && s.charCodeAt(l - 1) !== 0x20)) return -1;
  const t = s.indexOf(' log_type=', start);
  if (t >= 0 && t < end) return l;
  return s.startsWith('device=', start) || s.startsWith('device_name=', start) ? l : -1;
}

export function createXgPayload(ctx: Pick<ParseContext, 'file' | 'tz' | 'zoneNote' | 'timeCarry'>): PayloadParser {
  return new XgPayload(ctx.file, ctx);
}

/** Sniff-only patterns: a log id of twelve digits and a log type, as every SFOS log line has. */
const LOG_ID = /(?:^|[\s>])log_id="?\d{12}"?\s/;
const LOG_TYPE = /\slog_type="[A-Za-z][A-Za-z ]*"(?:\s|$)/;

function sniff(lines: readonly string[]): number {
  let records = 0;
  for (const l of lines) if (LOG_ID.test(l) && LOG_TYPE.test(l)) records++;
  return recordShare(records, lines.length);
}

/**
 * The rule label in ECS terms: fw_rule_id is rule.id and fw_rule_name rule.name (as Elastic's
 * Sophos integration has them), the component (when not Firewall Rule) event.reason, the
 * zones the observer's ingress and egress zones.
 */
export const xgRuleFields = zonedRuleFields({ word: 'fw_rule', head: 'reason', notEgress: LOCAL });

export const sophosXgFormat: FormatDefinition = {
  id: ID,
  examples: [
    'device="SFW" date=2026-11-20 time=06:25:01 timezone="CET" device_name="XG230" device_id=C01001XXXXXXXXX log_id=010102600002 log_type="Firewall" log_component="Firewall Rule" log_subtype="Denied" status="Deny" priority=Information duration=0 fw_rule_id=0 policy_type=0 user_name="" user_gp="" iap=0 ips_policy_id=0 appfilter_policy_id=0 application="" application_risk=0 application_technology="" application_category="" in_interface="PortB" out_interface="" src_mac=00:16:3e:5e:6c:00 src_ip=203.0.113.7 src_country_code= dst_ip=198.51.100.2 dst_country_code= protocol="TCP" src_port=41234 dst_port=23 sent_pkts=0 recv_pkts=0 sent_bytes=0 recv_bytes=0 tran_src_ip= tran_src_port=0 tran_dst_ip= tran_dst_port=0 srczonetype="WAN" srczone="WAN" dstzonetype="" dstzone="" dir_disp="" connid="" vconnid=""',
    '<30>device_name="fw1" timestamp="2026-11-20T06:30:12+0100" device_model="XGS2100" device_serial_id="X21001XXXXXXXXX" log_id="010101600001" log_type="Firewall" log_component="Firewall Rule" log_subtype="Allowed" log_version=1 severity="Information" fw_rule_id="5" fw_rule_name="LAN to Internet" fw_rule_section="Local rule" nat_rule_id="2" fw_rule_type="USER" in_interface="Port1" out_interface="Port2" src_mac="00:16:3E:11:22:33" dst_mac="00:16:3E:44:55:66" src_ip="192.168.2.23" src_country="R1" dst_ip="198.51.100.80" dst_country="USA" protocol="TCP" src_port=50514 dst_port=443 src_trans_ip="203.0.113.2" src_zone_type="LAN" src_zone="LAN" dst_zone_type="WAN" dst_zone="WAN" con_event="Start" con_id="2674291981" hb_status="No Heartbeat" app_resolved_by="Signature" app_is_cloud="FALSE" qualifier="New"',
    'Nov 20 06:31:40 192.0.2.1 device_name="fw1" timestamp="2026-11-20T06:31:40+0100" device_model="XGS2100" device_serial_id="X21001XXXXXXXXX" log_id="010302602002" log_type="Firewall" log_component="Appliance Access" log_subtype="Denied" log_version=1 severity="Information" fw_rule_id="0" in_interface="Port2" src_ip="2001:db8::7" dst_ip="2001:db8:1::1" protocol="ICMPv6" icmp_type=128 icmp_code=0 src_zone_type="WAN" src_zone="WAN"',
  ],
  sniff,
  // An allowed record is one connection the firewall let through (con_event Start, Stop or
  // Interim), not one per packet: counted as connections, as FortiGate's sessions are.
  connectionRecords: { action: 'allow' },
  create: syslogPayloadCreate(createXgPayload, 'log_id='),
  ruleFields: xgRuleFields,
};
