// Stormshield Network Security (SNS) audit logs, as the firewall writes them to its log files
// (l_filter, l_connection, …) and sends them to syslog (RFC 5424 or BSD, read by the envelope,
// syslog-envelope.ts) or alone: WELF key=value pairs, values bare or in double quotes, the
// log's type last:
//
//   <134>1 2026-11-20T06:25:01+01:00 SN210W asqd - - - id=firewall time="2026-11-20 06:25:01" fw="SN210W" tz=+0100 startime="2026-11-20 06:25:01" pri=5 confid=01 slotlevel=2 ruleid=7 srcif="Ethernet0" srcifname="out" ipproto=tcp dstif="Ethernet1" dstifname="in" proto=telnet src=203.0.113.7 srcport=41234 srcportname=ephemeral_fw_tcp dst=192.168.1.10 dstport=23 dstportname=telnet action=block logtype="filter"
//
// Fields as Stormshield's "Description of audit logs" names them (and Elastic's `stormshield`
// integration reads them). Read: `logtype="filter"` (the filter rules' log, a rule whose log
// level writes it) and `logtype="connection"` / `"plugin"` (a connection's end, written when
// it closes, with its bytes and duration; plugin is one an application plugin, Modbus, S7, …,
// analysed). Every other type (alarm, the IPS's; web, smtp, ssl, vpn, auth, system, server,
// monitor, count, filterstat, …) is skipped, saying the type: an alarm's `action=block` is
// the intrusion prevention's verdict, not the packet filter's, which logs its own drops in
// l_filter.
//
// Mapping. Time: `time` ("YYYY-MM-DD HH:MM:SS", the firewall's clock) at `tz` (+HHMM, its
// offset from UTC), else in --tz; without `time`, the syslog header's. Host: `fw` (the
// firewall's name), else the header's. Action: block (a Block rule and a Reinit. TCP/UDP one
// alike) → drop, pass → allow, empty (a rule of the deprecated Log action) → other. Counting: a
// pass rule is matched by a connection's first packet (the firewall keeps state: the rest of
// the connection never meets the rule), so a filter record's pass stands for one connection,
// and a connection record for the same connection at its end. Both are connection records
// (connection-records.ts), counted once: a connection record whose filter pass was read (the
// same protocol, addresses and ports, among the last 4,096 passes) is skipped; one without
// (the default "Standard" log level writes connection records only) counts the connection.
// A blocked filter record is one packet. Direction: to one of the firewall's own address
// objects (`dstname=Firewall_out`) → in, from one (`srcname=Firewall_in`) → out; else from
// the interface names (srcifname, dstifname) looked up in signatures/stormshield.json: inside
// → outside → out, → inside → forward, otherwise null (the report tells it from the
// addresses). Interfaces: srcif and dstif (`Ethernet0`); their names are the zones. Rule:
// `rule N ["name"] [from->to]` (ruleid, rulename, the interface names); in ECS
// (stormshieldRuleFields) rule.id, rule.name and the observer's ingress and egress zones.
import type { Action, Direction, FirewallEvent, IcmpInfo } from '../event.js';
import { shown } from './fields.js';
import { KeyValues, type PacketSlots } from './key-values.js';
import { WallTimes } from './local-time.js';
import { malformed, PayloadReject, type RecordHead } from './netfilter.js';
import { NOT_MINE, type PayloadParser } from './payload.js';
import { syslogPayloadCreate } from './payload-dispatch.js';
import { fixedReason, reason, type LineReason } from './reason.js';
import { OpenSessions } from './open-sessions.js';
import { readSignatureData } from './signature-data.js';
import { IsoStamps } from './iso-stamp.js';
import { utcOffsetMinutes } from './timestamp.js';
import { recordShare, type FormatDefinition, type ParseContext } from './types.js';
import { zonedRuleFields } from './rule-label.js';
import { SharedDates } from '../util/shared-date.js';
import { flat } from '../util/flat-string.js';
import { Interner } from '../util/interner.js';

const ID = 'stormshield';

const KEYS = [
  'id', 'time', 'fw', 'tz', 'logtype', 'action', 'ruleid', 'rulename', 'srcif', 'srcifname',
  'dstif', 'dstifname', 'ipproto', 'src', 'dst', 'srcport', 'dstport', 'srcname', 'dstname',
  'icmptype', 'icmpcode', 'ipv',
] as const;
type Key = (typeof KEYS)[number];
const SLOT = Object.fromEntries(KEYS.map((k, i) => [k, i])) as Record<Key, number>;

const ACTIONS: Readonly<Record<string, Action>> = Object.assign(Object.create(null) as Record<string, Action>, {
  pass: 'allow',
  block: 'drop',
  // The docs write the values "Pass" and "Block" too.
  Pass: 'allow',
  Block: 'drop',
});

type Side = 'inside' | 'outside';

interface Knowledge {
  readonly sides: ReadonlyMap<string, Side>;
  readonly firewallPrefix: string;
}

let knowledge: Knowledge | null = null;

/** signatures/stormshield.json, read when the first Stormshield record is. */
function known(): Knowledge {
  if (knowledge !== null) return knowledge;
  const doc = readSignatureData('stormshield.json') as { interfaceSides?: unknown; firewallObjectPrefix?: unknown };
  const sides = new Map<string, Side>();
  if (typeof doc.interfaceSides === 'object' && doc.interfaceSides !== null) {
    for (const [k, v] of Object.entries(doc.interfaceSides as Record<string, unknown>)) {
      if (v === 'inside' || v === 'outside') sides.set(k.toLowerCase(), v);
    }
  }
  const prefix = typeof doc.firewallObjectPrefix === 'string' && doc.firewallObjectPrefix !== '' ? doc.firewallObjectPrefix : 'Firewall_';
  return (knowledge = { sides, firewallPrefix: prefix });
}

/** An interface name's side: `out`, `in`, and `dmz1`, `dmz2` … by the word before their number. */
function sideOf(name: string | null): Side | undefined {
  if (name === null) return undefined;
  let end = name.length;
  while (end > 0 && name.charCodeAt(end - 1) >= 0x30 && name.charCodeAt(end - 1) <= 0x39) end--;
  return known().sides.get((end === name.length ? name : name.slice(0, end)).toLowerCase());
}

/** The rule label's end for the firewall itself (its interface names are lower case: out, in, dmz1). */
const FIREWALL = 'firewall';

/** Log types read; the rest are skipped saying their type. */
const FILTER = 'filter';
const CONNECTION_TYPES = new Set(['connection', 'plugin']);

/** Filter passes remembered for their connection's end record. */
const MAX_OPEN = 4096;

const MISSING_TYPE = fixedReason('missing', 'logtype');
const MISSING_SRC = fixedReason('missing', 'src');
const MISSING_DST = fixedReason('missing', 'dst');
const MISSING_PROTO = fixedReason('missing', 'ipproto');
const MISSING_ACTION = fixedReason('missing', 'action');
const MISSING_DSTPORT = fixedReason('missing', 'dstport');
const DST_FAMILY = fixedReason('family-differs', 'dst', 'src');
const BAD_TZ = fixedReason('impossible-offset', 'tz');
const CONNECTION_END = fixedReason('stormshield-connection-end');

/** The packet's ends; an empty value is missing, the protocol is named (`ipproto=tcp`). */
const PACKET: PacketSlots = {
  src: SLOT.src, dst: SLOT.dst, proto: SLOT.ipproto, srcPort: SLOT.srcport, dstPort: SLOT.dstport,
  protoNumber: false, emptyIsThere: false,
  missingSrc: MISSING_SRC, missingDst: MISSING_DST, differ: DST_FAMILY, missingProto: MISSING_PROTO, missingDstPort: MISSING_DSTPORT,
};

class StormshieldPayload implements PayloadParser {
  readonly format = ID;
  private readonly f = new KeyValues(KEYS);
  private readonly dates = new SharedDates();
  private readonly rules = new Interner();
  /** Filter passes waiting for their connection's end record (bounded: the oldest goes first). */
  private readonly open = new OpenSessions(MAX_OPEN);
  private lastHost = '';
  private timeError: LineReason | null = null;
  private readonly utcStamps = new IsoStamps({ field: 'time', wall: null });
  private readonly localStamps: IsoStamps;

  constructor(
    private readonly file: string,
    ctx: Pick<ParseContext, 'tz' | 'zoneNote' | 'timeCarry'>,
  ) {
    this.localStamps = new IsoStamps({ field: 'time', wall: new WallTimes(ctx) });
  }

  parse(s: string, start: number, end: number, head: RecordHead, lineNo: number): FirewallEvent | PayloadReject {
    const at = stormshieldAt(s, start, end);
    if (at < 0) return NOT_MINE;
    const f = this.f;
    f.read(s, at, end);
    if (!f.has(SLOT.logtype)) return malformed(f.unclosed ? f.unclosedReason(s) : MISSING_TYPE);
    const type = f.text(s, SLOT.logtype);
    const filter = type === FILTER;
    if (!filter && !CONNECTION_TYPES.has(type)) return new PayloadReject(false, reason('stormshield-not-filter', '', shown(type)));
    if (f.unclosed) return malformed(f.unclosedReason(s));

    let ver = f.packet(s, PACKET);
    if (ver < 0) return malformed(f.packetReason(s, ver, PACKET));
    const { src, dst, srcPort: sport, dstPort: dport } = f;
    let proto = f.proto;
    // SNS names ICMPv6 `icmp` as it does ICMP: the addresses tell them apart.
    if (proto === 'icmp' && ver === 6) proto = 'icmpv6';

    if (!f.has(SLOT.action)) return malformed(MISSING_ACTION);
    // An empty action is a rule of the (deprecated) Log action: logged, no verdict.
    const action = f.filled(SLOT.action) ? (ACTIONS[f.text(s, SLOT.action)] ?? 'other') : 'other';

    let time = head.time;
    let yearInferred = head.yearInferred;
    if (f.filled(SLOT.time)) {
      const ms = this.recordTime(s);
      if (ms !== ms) return malformed(this.timeError!);
      time = this.dates.of(ms);
      yearInferred = false;
    }

    // One connection: the filter pass when the rule logs it, then its end record. The first counts it.
    if (action === 'allow') {
      const key = OpenSessions.key(proto, src, sport, dst, dport);
      if (filter) {
        this.open.add(key);
      } else if (this.open.delete(key)) {
        return new PayloadReject(false, CONNECTION_END);
      }
    }

    let icmp: IcmpInfo | null = null;
    if (proto === 'icmp' || proto === 'icmpv6') icmp = f.icmp(s, SLOT.icmptype, SLOT.icmpcode);

    const fromName = f.textOrNull(s, SLOT.srcifname);
    const toName = f.textOrNull(s, SLOT.dstifname);
    const direction = this.direction(s, fromName, toName);
    return {
      time,
      yearInferred,
      uptime: head.uptime,
      host: this.host(s, head.host),
      format: ID,
      action,
      direction,
      // The firewall's own end has no interface name: `out->firewall`, not `out->-`.
      rule: this.rule(s, fromName ?? (direction === 'out' ? FIREWALL : null), toName ?? (direction === 'in' ? FIREWALL : null)),
      inIface: f.textOrNull(s, SLOT.srcif),
      outIface: f.textOrNull(s, SLOT.dstif),
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
      icmp,
      count: head.count,
      origin: { file: this.file, line: lineNo },
      annotations: [],
    };
  }

  private direction(s: string, fromName: string | null, toName: string | null): Direction | null {
    const prefix = known().firewallPrefix;
    const f = this.f;
    if (f.filled(SLOT.dstname) && s.startsWith(prefix, f.start[SLOT.dstname]!)) return 'in';
    if (f.filled(SLOT.srcname) && s.startsWith(prefix, f.start[SLOT.srcname]!)) return 'out';
    const a = sideOf(fromName);
    const b = sideOf(toName);
    if (a === 'inside' && b === 'outside') return 'out';
    if (b === 'inside' && a !== undefined) return 'forward';
    return null;
  }

  /** The firewall's name (`fw`), else the header's host. */
  private host(s: string, header: string | null): string | null {
    const f = this.f;
    if (!f.filled(SLOT.fw)) return header;
    const a = f.start[SLOT.fw]!;
    const b = f.end[SLOT.fw]!;
    const h = this.lastHost;
    if (h.length === b - a && s.startsWith(h, a)) return h;
    return (this.lastHost = flat(f.text(s, SLOT.fw)));
  }

  /** `rule 7 out->in`, `rule 4 "Allow DNS" in->out`, `rule 9 out->firewall`, `rule - out->-` without a rule id or a way out. */
  private rule(s: string, from: string | null, to: string | null): string | null {
    const f = this.f;
    let label = f.filled(SLOT.ruleid) ? `rule ${f.text(s, SLOT.ruleid)}` : 'rule -';
    if (f.filled(SLOT.rulename)) label += ` "${f.text(s, SLOT.rulename).replace(/["\\]/g, '\\$&')}"`;
    if (from !== null || to !== null) label += ` ${from ?? '-'}->${to ?? '-'}`;
    return this.rules.of(label);
  }

  /** `time="2026-11-20 06:25:01"` at `tz=+0100`, or in --tz without tz; NaN with timeError set when it is no time. */
  private recordTime(s: string): number {
    const f = this.f;
    const a = f.start[SLOT.time]!;
    const b = f.end[SLOT.time]!;
    const hasTz = f.filled(SLOT.tz);
    // SNS writes the stamp bare, the offset in a field of its own: read as UTC, then moved.
    const iso = hasTz ? this.utcStamps : this.localStamps;
    // Exactly the 19 characters of the stamp: SNS writes no fraction and no zone here.
    const ms = b - a === 19 ? iso.read(s, a, b) : NaN;
    if (ms !== ms) {
      this.timeError = (b - a === 19 ? iso.error : null) ?? reason('invalid', 'time', shown(f.text(s, SLOT.time)));
      return NaN;
    }
    if (!hasTz) return ms;
    const offset = utcOffsetMinutes(s, f.start[SLOT.tz]!, f.end[SLOT.tz]!);
    if (offset !== offset) {
      this.timeError = reason('invalid', 'tz', shown(f.text(s, SLOT.tz)));
      return NaN;
    }
    if (offset === Infinity) {
      this.timeError = BAD_TZ;
      return NaN;
    }
    return ms - offset * 60_000;
  }

}

/** The longest program tag (`asqd`, `serverd`, `sfctl[812]`) read before a record behind a BSD header. */
const MAX_TAG = 40;

/**
 * Index of an SNS record's `id=` in s[start, end), at the message's start or after a BSD
 * header's program tag (`asqd: `, `asqd[812]: `, which the envelope leaves in the message),
 * when a ` logtype=` follows it; -1 otherwise. SonicOS's records start with `id=` too, but
 * carry `sn=` and `m=` and no logtype. Cheap enough for the dispatcher to ask of every line
 * no other format owns.
 */
export function stormshieldAt(s: string, start: number, end: number): number {
  let i = start;
  if (!s.startsWith('id=', i)) {
    // The tag's characters up to its colon, bounded: another program's message is not scanned.
    const lim = Math.min(end, i + MAX_TAG);
    let k = i;
    while (k < lim && s.charCodeAt(k) !== 0x3a && s.charCodeAt(k) !== 0x20) k++;
    if (k === i || k + 5 > end || !s.startsWith(': id=', k)) return -1;
    i = k + 2;
  }
  const t = s.lastIndexOf(' logtype=', end);
  return t > i && t < end ? i : -1;
}

export function createStormshieldPayload(ctx: Pick<ParseContext, 'file' | 'tz' | 'zoneNote' | 'timeCarry'>): PayloadParser {
  return new StormshieldPayload(ctx.file, ctx);
}

/** Sniff-only patterns: the head every SNS log line starts with, and its log type. */
const HEAD = /(?:^|[\s>])id=firewall time="\d{4}-\d\d-\d\d \d\d:\d\d:\d\d" fw="[^"]*" /;
const LOG_TYPE = /\slogtype="?[a-z]+"?\s*$/;

function sniff(lines: readonly string[]): number {
  let records = 0;
  for (const l of lines) if (HEAD.test(l) && LOG_TYPE.test(l)) records++;
  return recordShare(records, lines.length);
}

/**
 * The rule label in ECS terms: ruleid is rule.id and rulename rule.name (as Elastic's
 * Stormshield integration has them), the interface names the observer's ingress and egress zones.
 */
const stormshieldRuleFields = zonedRuleFields({ word: 'rule', head: null, notIngress: FIREWALL, notEgress: FIREWALL });

export const stormshieldFormat: FormatDefinition = {
  id: ID,
  examples: [
    '<134>1 2026-11-20T06:25:01+01:00 SN210W asqd - - - id=firewall time="2026-11-20 06:25:01" fw="SN210W" tz=+0100 startime="2026-11-20 06:25:01" pri=5 confid=01 slotlevel=2 ruleid=7 srcif="Ethernet0" srcifname="out" ipproto=tcp dstif="Ethernet1" dstifname="in" proto=telnet src=203.0.113.7 srcport=41234 srcportname=ephemeral_fw_tcp dst=192.168.1.10 dstport=23 dstportname=telnet ipv=4 action=block logtype="filter"',
    'id=firewall time="2026-11-20 06:30:12" fw="SN210W" tz=+0100 startime="2026-11-20 06:29:58" pri=5 confid=01 slotlevel=2 ruleid=3 rulename="LAN to Internet" srcif="Ethernet1" srcifname="in" ipproto=tcp dstif="Ethernet0" dstifname="out" proto=https src=192.168.1.23 srcport=50514 srcportname=ephemeral_fw_tcp dst=198.51.100.80 dstport=443 dstportname=https modsrc=203.0.113.2 modsrcport=50514 origdst=198.51.100.80 origdstport=443 ipv=4 sent=2314 rcvd=5266 duration=14.02 action=pass logtype="connection"',
    'Nov 20 06:31:40 SN210W asqd: id=firewall time="2026-11-20 06:31:40" fw="SN210W" tz=+0100 startime="2026-11-20 06:31:40" pri=5 confid=01 slotlevel=2 ruleid=12 srcif="Ethernet0" srcifname="out" ipproto=icmp icmptype=128 icmpcode=0 src=2001:db8::7 dst=2001:db8:1::1 dstname=Firewall_out ipv=6 action=block logtype="filter"',
  ],
  sniff,
  // A pass is one connection (the rule meets its first packet only), its filter record or,
  // without one, its end record: counted as connections, as FortiGate's sessions are.
  connectionRecords: { action: 'allow' },
  create: syslogPayloadCreate(createStormshieldPayload, 'logtype='),
  ruleFields: stormshieldRuleFields,
};
