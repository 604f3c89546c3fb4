// Check Point gateways' logs as Log Exporter (R80/R81) sends them in its default `syslog`
// format: an RFC 5424 header, then the record as a bracketed list of `key:"value";` pairs
// where the structured data would be (the same bracket behind a BSD header or a relay's, or
// alone, is read alike):
//
//   <134>1 2026-11-20T06:25:01Z gw-7f3a CheckPoint 12345 - [action:"Drop"; flags:"411908"; ifdir:"inbound"; ifname:"eth1"; loguid:"{0x…}"; origin:"192.0.2.1"; sequencenum:"1"; time:"1763619901"; version:"5"; dst:"198.51.100.2"; inzone:"External"; outzone:"Internal"; product:"VPN-1 & FireWall-1"; proto:"6"; rule:"7"; rule_name:"Cleanup"; s_port:"41234"; service:"23"; src:"203.0.113.7"]
//
// Fields as Check Point's Log Exporter field list names them (and Elastic's `checkpoint`
// integration reads them). Values are quoted, `\"`, `\]` and `\\` escaped; a key may be
// followed by two colons (`sys_message::"…"`). Not read: Log Exporter's `cef`, `leef`,
// `json` and `splunk` (`key=value|key=value|`) formats, and the `Fields@…` structured data
// some gateways send (`key="value"` with spaces): no bracket of `key:"value"` pairs, so
// skipped as not a record.
//
// Which records: the firewall blade's (`product` "VPN-1 & FireWall-1", "VPN & FireWall",
// "Firewall"; a record naming no product is read too) with a packet filter verdict: Drop,
// Reject, Block (drop or reject) and Accept, Allow (allow). Other products (System Monitor,
// SmartConsole and Web-UI audit, Log Update accounting, IPS, Threat Emulation, Anti-Bot,
// URL Filtering, …) are skipped saying the product, the firewall's other actions (Encrypt,
// Decrypt, Key Install, Detect, Prevent, Inform, Monitor, …) saying the action. An
// "optimized drop" summary (`packet_amount`, `packets:"<src,sport,dst,dport,proto;if> …"`)
// stands for several packets of different ends: skipped saying how many.
//
// Mapping. Time: `time`, epoch seconds (milliseconds when 12 digits or more) or ISO 8601,
// else the header's. Host: `origin`, the gateway that logged it, else the header's host.
// Protocol: `proto`, IANA number. Ports: `s_port`, `service`. ICMP: `icmp_type`/`icmp_code`.
// TCP flags: `tcp_flags` (`FIN-ACK`, on an out-of-state drop); else unknown. Direction: from
// the zones (signatures/zone-sides.json, which cef reads for Check Point's CEF records too:
// `outzone` Local: to the gateway, in; `inzone` Local: from it, out; from an internal zone to
// External: out; other pairs of known zones forward), else `conn_direction` (Outgoing: out; Incoming,
// Internal, External: forward), else `ifdir` (inbound: in, outbound: out). Interface:
// `ifname`, the inbound or outbound one as `ifdir` says. Rule: `[layer_name: ]rule N
// ["rule_name"] [inzone->outzone]`; in ECS (checkpointRuleFields) the layer is
// rule.ruleset, the number rule.id, the name rule.name, the zones the observer's.
// An Accept record stands for a connection (Check Point logs one per connection it lets
// through), counted as connections; a drop is one packet.
import type { Action, Direction, FirewallEvent, IcmpInfo } from '../event.js';
import { flagBits, flagNames, shown } from './fields.js';
import { KeyValues, type PacketSlots } from './key-values.js';
import { WallTimes } from './local-time.js';
import { zoneConvention } from './zone-direction.js';
import { malformed, PayloadReject, type RecordHead } from './netfilter.js';
import { NOT_MINE, type PayloadParser } from './payload.js';
import { syslogPayloadCreate } from './payload-dispatch.js';
import { fixedReason, NOT_RECORD, reason, type LineReason } from './reason.js';
import { IsoStamps } from './iso-stamp.js';
import { recordShare, type FormatDefinition, type ParseContext } from './types.js';
import { zonedRuleFields } from './rule-label.js';
import { SharedDates } from '../util/shared-date.js';
import { flat } from '../util/flat-string.js';
import { Interner } from '../util/interner.js';

const ID = 'checkpoint';

const KEYS = [
  'action', 'product', 'src', 'dst', 'proto', 's_port', 'service', 'icmp_type', 'icmp_code',
  'ifdir', 'ifname', 'inzone', 'outzone', 'conn_direction', 'rule', 'rule_name', 'layer_name',
  'origin', 'time', 'tcp_flags', 'packet_amount',
] as const;
type Key = (typeof KEYS)[number];
const SLOT = Object.fromEntries(KEYS.map((k, i) => [k, i])) as Record<Key, number>;

/** A packet filter's verdicts, as `action` writes them. */
const ACTIONS: Readonly<Record<string, Action>> = Object.assign(Object.create(null) as Record<string, Action>, {
  Drop: 'drop',
  Block: 'drop',
  Reject: 'reject',
  Accept: 'allow',
  Allow: 'allow',
});

/** The firewall blade's `product` names (R80 and later, R77, Log Exporter's short form). */
const FIREWALL_PRODUCTS = new Set(['VPN-1 & FireWall-1', 'VPN & FireWall', 'Firewall', 'FireWall-1']);

/** conn_direction (R80.20 and later), when the zones do not say. */
const CONN_DIRECTIONS: Readonly<Record<string, Direction>> = Object.assign(Object.create(null) as Record<string, Direction>, {
  Outgoing: 'out',
  Incoming: 'forward',
  Internal: 'forward',
  External: 'forward',
});

const MISSING_SRC = fixedReason('missing', 'src');
const MISSING_DST = fixedReason('missing', 'dst');
const MISSING_PROTO = fixedReason('missing', 'proto');
const MISSING_SERVICE = fixedReason('missing', 'service');
const MISSING_ACTION = fixedReason('missing', 'action');
/** Check Point's structured-data element (2620: its IANA enterprise number): another layout, said as such, not as an empty message. */
const FIELDS_SD = '[Fields@1.3.6.1.4.1.2620 ';
const FIELDS_LAYOUT = fixedReason('checkpoint-fields-layout');
const DST_FAMILY = fixedReason('family-differs', 'dst', 'src');
const NOT_FIREWALL = new PayloadReject(false, NOT_RECORD);

const PACKET: PacketSlots = {
  src: SLOT.src, dst: SLOT.dst, proto: SLOT.proto, srcPort: SLOT.s_port, dstPort: SLOT.service,
  protoNumber: true, emptyIsThere: false,
  missingSrc: MISSING_SRC, missingDst: MISSING_DST, differ: DST_FAMILY, missingProto: MISSING_PROTO, missingDstPort: MISSING_SERVICE,
};

class CheckpointPayload implements PayloadParser {
  readonly format = ID;
  private readonly f = new KeyValues(KEYS, { colon: true });
  private readonly dates = new SharedDates();
  private readonly rules = new Interner();
  /** Check Point's zones (Local, External, Internal, DMZ …): signatures/zone-sides.json. */
  private readonly zones = zoneConvention('checkpoint');
  private lastHost = '';
  private lastStamp = '';
  private lastStampMs = NaN;
  private lastFlags = '';
  private lastFlagNames: string[] | null = null;
  private timeError: LineReason | null = null;
  /** An ISO 8601 `time` (some exporters' `time:"2026-11-20T06:25:01Z"`); without a zone, --tz. */
  private readonly iso: IsoStamps;

  constructor(
    private readonly file: string,
    ctx: Pick<ParseContext, 'tz' | 'zoneNote' | 'timeCarry'>,
  ) {
    this.iso = new IsoStamps({ field: 'time', wall: new WallTimes(ctx) });
  }

  parse(s: string, start: number, end: number, head: RecordHead, lineNo: number): FirewallEvent | PayloadReject {
    // An RFC 5424 header leaves no message: the bracket stood where its structured data would.
    const b = start < end ? checkpointAt(s, start, end) : checkpointAt(s, 0, s.length);
    if (b < 0) return s.includes(FIELDS_SD) ? new PayloadReject(false, FIELDS_LAYOUT) : NOT_MINE;
    const f = this.f;
    f.read(s, b + 1, start < end ? end : s.length);
    if (f.unclosed) return malformed(f.unclosedReason(s));

    const product = f.textOrNull(s, SLOT.product);
    if (product !== null && !FIREWALL_PRODUCTS.has(product)) return new PayloadReject(false, reason('checkpoint-not-firewall', '', shown(product)));
    if (!f.filled(SLOT.action)) return product === null ? NOT_FIREWALL : malformed(MISSING_ACTION);
    const actionText = f.text(s, SLOT.action);
    const action = ACTIONS[actionText];
    if (action === undefined) return new PayloadReject(false, reason('checkpoint-not-verdict', '', shown(actionText)));
    if (f.filled(SLOT.packet_amount) && !f.filled(SLOT.src)) {
      return new PayloadReject(false, reason('checkpoint-drop-summary', '', f.text(s, SLOT.packet_amount)));
    }

    const ver = f.packet(s, PACKET);
    if (ver < 0) return malformed(f.packetReason(s, ver, PACKET));
    const { src, dst, proto, srcPort: sport, dstPort: dport } = f;

    let time = head.time;
    let yearInferred = head.yearInferred;
    if (f.filled(SLOT.time)) {
      const ms = this.timeOf(s);
      if (ms !== ms) return malformed(this.timeError!);
      time = this.dates.of(ms);
      yearInferred = false;
    }

    let icmp: IcmpInfo | null = null;
    if (proto === 'icmp' || proto === 'icmpv6') icmp = f.icmp(s, SLOT.icmp_type, SLOT.icmp_code);

    const inZone = f.textOrNull(s, SLOT.inzone);
    const outZone = f.textOrNull(s, SLOT.outzone);
    const iface = f.textOrNull(s, SLOT.ifname);
    const outbound = f.is(s, SLOT.ifdir, 'outbound');

    return {
      time,
      yearInferred,
      uptime: head.uptime,
      host: this.host(s, head.host),
      format: ID,
      action,
      direction: this.direction(s, inZone, outZone, outbound),
      rule: this.rule(s, inZone, outZone),
      inIface: outbound ? null : iface,
      outIface: outbound ? iface : null,
      proto,
      ipVersion: ver as 4 | 6,
      src: { ip: src, port: sport >= 0 ? sport : null },
      dst: { ip: dst, port: dport >= 0 ? dport : null },
      ttl: null,
      len: null,
      tcpFlags: proto === 'tcp' ? this.flags(s) : null,
      tcpWindow: null,
      pid: null,
      icmp,
      count: head.count,
      origin: { file: this.file, line: lineNo },
      annotations: [],
    };
  }

  private direction(s: string, inZone: string | null, outZone: string | null, outbound: boolean): Direction | null {
    const z = this.zones.direction(inZone, outZone);
    if (z !== null) return z;
    const f = this.f;
    if (f.filled(SLOT.conn_direction)) {
      const d = CONN_DIRECTIONS[f.text(s, SLOT.conn_direction)];
      if (d !== undefined) return d;
    }
    if (outbound) return 'out';
    return f.is(s, SLOT.ifdir, 'inbound') ? 'in' : null;
  }

  /** `origin`, the gateway's address, else the header's host. */
  private host(s: string, header: string | null): string | null {
    const f = this.f;
    if (!f.filled(SLOT.origin)) return header;
    const a = f.start[SLOT.origin]!;
    const b = f.end[SLOT.origin]!;
    const h = this.lastHost;
    if (h.length === b - a && s.startsWith(h, a)) return h;
    return (this.lastHost = flat(f.text(s, SLOT.origin)));
  }

  /** `Network: rule 7 "Cleanup" External->Internal`, `rule -` when the record names no rule. */
  private rule(s: string, inZone: string | null, outZone: string | null): string {
    const f = this.f;
    let label = f.filled(SLOT.layer_name) ? `${f.text(s, SLOT.layer_name)}: ` : '';
    label += `rule ${f.filled(SLOT.rule) ? f.text(s, SLOT.rule) : '-'}`;
    if (f.filled(SLOT.rule_name)) label += ` "${f.text(s, SLOT.rule_name).replace(/["\\]/g, '\\$&')}"`;
    if (inZone !== null || outZone !== null) label += ` ${inZone ?? '-'}->${outZone ?? '-'}`;
    return this.rules.of(label);
  }

  /** `tcp_flags:"FIN-ACK"` as flag names; null when not logged (a connection record says none). */
  private flags(s: string): string[] | null {
    const f = this.f;
    if (!f.filled(SLOT.tcp_flags)) return null;
    const t = f.text(s, SLOT.tcp_flags);
    if (t !== this.lastFlags) {
      this.lastFlags = t;
      const bits = flagBits(t.toUpperCase().split(/[-, ]+/));
      this.lastFlagNames = bits === 0 ? null : flagNames(bits);
    }
    return this.lastFlagNames === null ? null : this.lastFlagNames.slice();
  }

  /** The record's `time`: epoch seconds or milliseconds, or ISO 8601; NaN with timeError set when it is no time. */
  private timeOf(s: string): number {
    const f = this.f;
    const t = s.slice(f.start[SLOT.time]!, f.end[SLOT.time]!);
    if (t === this.lastStamp) return this.lastStampMs;
    let ms: number;
    if (/^\d{1,15}$/.test(t)) {
      // Log Exporter writes seconds; milliseconds (`time_in_milli`) have 13 digits until 2286.
      ms = t.length >= 12 ? Number(t) : Number(t) * 1000;
    } else {
      ms = this.iso.read(t, 0, t.length);
      if (ms !== ms) {
        this.timeError = this.iso.error ?? reason('invalid', 'time', shown(t));
        return NaN;
      }
    }
    this.lastStamp = t;
    this.lastStampMs = ms;
    return ms;
  }
}

/**
 * Index of the `[` that opens a Log Exporter record (`[key:"`, a lower-case key) in
 * s[start, end): the message's first character, or (a message with a header before the
 * record, an RFC 5424 line whose message is empty) the first `[` after a space; -1
 * otherwise. Cheap enough for the dispatcher to ask of every line no other format owns.
 */
export function checkpointAt(s: string, start: number, end: number): number {
  let i = start;
  if (s.charCodeAt(i) !== 0x5b) {
    i = s.indexOf(' [', start);
    if (i < 0 || ++i >= end) return -1;
  }
  let k = i + 1;
  for (; k < end; k++) {
    const c = s.charCodeAt(k);
    if (!((c >= 0x61 && c <= 0x7a) || c === 0x5f || (c >= 0x30 && c <= 0x39))) break;
  }
  if (k === i + 1 || s.charCodeAt(k) !== 0x3a) return -1;
  if (s.charCodeAt(k + 1) === 0x3a) k++;
  return s.charCodeAt(k + 1) === 0x22 ? i : -1;
}

export function createCheckpointPayload(ctx: Pick<ParseContext, 'file' | 'tz' | 'zoneNote' | 'timeCarry'>): PayloadParser {
  return new CheckpointPayload(ctx.file, ctx);
}

/** Sniff-only: a bracket of `key:"value";` pairs holding one of the fields every Log Exporter record has. */
const SNIFF = /(?:^|\s)\[[a-z_]+::?".*?"; (?:loguid|origin|sequencenum):"/;

function sniff(lines: readonly string[]): number {
  let records = 0;
  for (const l of lines) if (SNIFF.test(l)) records++;
  return recordShare(records, lines.length);
}

/** The rule label in ECS terms, as Elastic's Check Point integration has them. */
const checkpointRuleFields = zonedRuleFields({ word: 'rule', head: 'ruleset' });

export const checkpointFormat: FormatDefinition = {
  id: ID,
  examples: [
    '<134>1 2026-11-20T06:25:01Z gw-7f3a CheckPoint 12345 - [action:"Drop"; flags:"411908"; ifdir:"inbound"; ifname:"eth1"; loguid:"{0x673d8a5d,0x0,0x100a8c0,0xc0000001}"; origin:"192.0.2.1"; originsicname:"CN=gw-7f3a,O=mgmt.example.7f3a2b"; sequencenum:"1"; time:"1763619901"; version:"5"; dst:"198.51.100.2"; inzone:"External"; layer_name:"Network"; outzone:"Local"; product:"VPN-1 & FireWall-1"; proto:"6"; rule:"7"; rule_name:"Cleanup"; rule_uid:"0e8a43c2-5b1f-4c3e-9d2a-1f6b7c8d9e0a"; s_port:"41234"; service:"23"; src:"203.0.113.7"]',
    '<134>1 2026-11-20T06:30:12Z gw-7f3a CheckPoint 12345 - [action:"Accept"; conn_direction:"Outgoing"; flags:"411908"; ifdir:"inbound"; ifname:"eth2"; loguid:"{0x673d8b94,0x1,0x100a8c0,0xc0000001}"; origin:"192.0.2.1"; sequencenum:"2"; time:"1763620212"; version:"5"; dst:"198.51.100.80"; inzone:"Internal"; layer_name:"Network"; outzone:"External"; product:"VPN-1 & FireWall-1"; proto:"6"; rule:"3"; rule_name:"LAN to Internet"; s_port:"50514"; service:"443"; service_id:"https"; src:"192.168.2.23"]',
    'Nov 20 06:31:40 192.0.2.1 [action:"Drop"; ifdir:"inbound"; ifname:"eth1"; loguid:"{0x673d8bec,0x2,0x100a8c0,0xc0000001}"; origin:"192.0.2.1"; sequencenum:"3"; time:"1763620300"; version:"5"; dst:"2001:db8:1::1"; icmp_code:"0"; icmp_type:"128"; inzone:"External"; outzone:"Local"; product:"VPN-1 & FireWall-1"; proto:"58"; rule:"7"; rule_name:"Cleanup"; src:"2001:db8::7"]',
  ],
  sniff,
  // An Accept record is one connection the gateway let through (logged once per
  // connection), not one per packet: counted as connections, as FortiGate's sessions are.
  connectionRecords: { action: 'allow' },
  create: syslogPayloadCreate(createCheckpointPayload, 'loguid:"', true),
  ruleFields: checkpointRuleFields,
};
