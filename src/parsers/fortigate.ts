// Fortinet FortiGate (FortiOS 5.x-7.x) traffic logs, key=value pairs as the device sends
// them to syslog (alone, after `<PRI>`, or behind a relay's BSD/ISO header, which the
// envelope, syslog-envelope.ts, reads):
//
//   <189>date=2026-11-20 time=06:25:01 devname="FGT60F" devid="FGT60FTK0000000" eventtime=1763619901123456789 tz="+0100" logid="0000000013" type="traffic" subtype="forward" level="notice" vd="root" srcip=203.0.113.7 srcport=41234 srcintf="wan1" srcintfrole="wan" dstip=192.168.1.10 dstport=23 dstintf="internal" dstintfrole="lan" sessionid=1234 proto=6 action="deny" policyid=0 policytype="policy" service="TELNET" …
//
// Fields as Fortinet's "FortiOS Log Message Reference" names them (and Filebeat's fortinet
// module reads them). A value is bare up to the next space or quoted, a quoted one may hold
// spaces and `\"`. Only `type=traffic` records are read (subtype forward, local, multicast,
// sniffer, …); event, utm and the other types are skipped, saying the type. Fields the
// reading does not need are passed over whatever they hold.
//
// Mapping. Time: `eventtime` (s, ms, µs or ns since the epoch, by its digits), else `date`
// and `time` with `tz` (`+0100`, FortiAnalyzer's `UTC-5:00`), else in --tz; without any, the syslog header's. Host: the
// device name (`devname`), else the header's. Action (the session's status): deny, block,
// drop → drop; accept, start and the ways an allowed session ends (close, timeout,
// client-rst, server-rst, dns, ip-conn, …) → allow: connection records, one per session,
// not per packet (connection-records.ts); anything else → other. Direction: `local` is
// traffic to the FortiGate itself (in); otherwise from the interfaces' roles
// (signatures/zone-sides.json, which cef reads for FortiGate's CEF records too): from a lan
// or dmz interface to a wan one is this side's traffic going out (out), the rest passes
// through (forward). Rule: `<policytype> <policyid> ["policyname"] [srcrole->dstrole]`
// (`policy 0 wan->lan`: policy 0 is the implicit deny); in ECS (fortigateRuleFields) the
// policy type is rule.ruleset, the id rule.id, the name rule.name and the roles the
// observer's ingress and egress zones. ICMP: `icmptype`/`icmpcode`, else the type and code
// in `service="icmp6/1/0"`.
import type { Action, Direction, FirewallEvent, IcmpInfo } from '../event.js';
import { shown, uintIn } from './fields.js';
import { KeyValues, type PacketSlots } from './key-values.js';
import { WallTimes } from './local-time.js';
import { zoneConvention } from './zone-direction.js';
import { malformed, PayloadReject, type RecordHead } from './netfilter.js';
import { NOT_MINE, type PayloadParser } from './payload.js';
import { syslogPayloadCreate } from './payload-dispatch.js';
import { digitAt, utcOffsetMinutes, yearReason } from './timestamp.js';
import { fixedReason, reason, type LineReason } from './reason.js';
import { recordShare, type FormatDefinition, type ParseContext, type RuleFields } from './types.js';
import { yearInRange } from '../util/year-range.js';
import { SharedDates } from '../util/shared-date.js';
import { flat } from '../util/flat-string.js';
import { Interner } from '../util/interner.js';

const ID = 'fortigate';

// ---------------------------------------------------------------- the fields read

/** The keys read, each a slot of the per-line position tables. */
const KEYS = [
  'logid', 'type', 'subtype', 'date', 'time', 'tz', 'eventtime', 'devname',
  'srcip', 'srcport', 'srcintf', 'srcintfrole', 'dstip', 'dstport', 'dstintf', 'dstintfrole',
  'proto', 'action', 'policyid', 'policyname', 'policytype', 'icmptype', 'icmpcode', 'devid', 'vd',
  'service',
] as const;
type Key = (typeof KEYS)[number];
const SLOT = Object.fromEntries(KEYS.map((k, i) => [k, i])) as Record<Key, number>;

// ---------------------------------------------------------------- the values

/** How each status a traffic record may have is counted. */
const ACTIONS: Readonly<Record<string, Action>> = Object.assign(Object.create(null) as Record<string, Action>, {
  deny: 'drop',
  block: 'drop',
  blocked: 'drop',
  drop: 'drop',
  dropped: 'drop',
  accept: 'allow',
  close: 'allow',
  timeout: 'allow',
  'client-rst': 'allow',
  'server-rst': 'allow',
  dns: 'allow',
  'ip-conn': 'allow',
});

/** The label's destination for traffic to the FortiGate itself (FortiOS's roles are lan, wan, dmz and undefined: no clash). */
export const FORTIGATE_LOCAL = 'local';
const LOCAL = FORTIGATE_LOCAL;

/**
 * `policy 0 wan->lan`, `local-in-policy 2 "Local-In deny" wan->local`: the label cef writes for
 * FortiGate's CEF records too, so both read alike. `local`: the destination of traffic to the
 * FortiGate itself, which FortiOS gives no role.
 */
export function fortigateRuleLabel(type: string | null, id: string | null, name: string | null, srcRole: string | null, dstRole: string | null): string {
  let label = type ?? 'policy';
  if (id !== null) label += ` ${id}`;
  if (name !== null) label += ` "${name.replace(/["\\]/g, '\\$&')}"`;
  if (srcRole !== null || dstRole !== null) label += ` ${srcRole ?? '-'}->${dstRole ?? '-'}`;
  return label;
}

/** A role of an interface (`lan`, `wan`, `dmz`); `undefined` and empty are none. */
function roleOf(s: string, f: KeyValues, slot: number): string | null {
  if (!f.has(slot) || f.is(s, slot, 'undefined') || f.start[slot] === f.end[slot]) return null;
  return f.text(s, slot);
}

/** An interface name; empty is none. */
function ifaceOf(s: string, f: KeyValues, slot: number): string | null {
  if (!f.has(slot) || f.start[slot] === f.end[slot]) return null;
  return f.text(s, slot);
}

/**
 * The dstintf of traffic to the FortiGate itself: FortiOS names the virtual domain there
 * (`root`, as `vd`) or `unknown0`/`unknown-0`, no interface the packet left by: none.
 */
function localOut(s: string, f: KeyValues): string | null {
  const a = f.start[SLOT.dstintf]!;
  const b = f.end[SLOT.dstintf]!;
  if (a < 0 || a === b || s.startsWith('unknown', a)) return null;
  const v = f.start[SLOT.vd]!;
  if (v >= 0 && f.end[SLOT.vd]! - v === b - a && s.startsWith(s.slice(v, f.end[SLOT.vd]!), a)) return null;
  return f.text(s, SLOT.dstintf);
}

/** localOut for an interface and vdom already read (FortiOS's CEF: deviceOutboundInterface, FTNTFGTvd). */
export function fortigateLocalOut(iface: string | null, vdom: string | null): string | null {
  return iface === null || iface.startsWith('unknown') || iface === vdom ? null : iface;
}

/** `0x08` (as logged by FortiOS, natively and in CEF) or `8`; -1 when neither. */
export function icmpNumber(s: string, a: number, b: number): number {
  if (b - a > 2 && s.charCodeAt(a) === 0x30 && (s.charCodeAt(a + 1) | 0x20) === 0x78) {
    let v = 0;
    for (let i = a + 2; i < b; i++) {
      const c = s.charCodeAt(i) | 0x20;
      const d = c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x61 && c <= 0x66 ? c - 0x57 : -1;
      if (d < 0) return -1;
      v = v * 16 + d;
    }
    return v <= 255 ? v : -1;
  }
  const n = uintIn(s, a, b);
  return n <= 255 ? n : -1;
}

/**
 * A session whose packets match no named service is logged with `service="icmp6/1/0"`
 * (`icmp/3/3`: protocol, type, code), as `udp/12530` for a port, and without icmptype (seen in
 * Elastic's FortiGate test logs on a local ICMPv6 session): its type and code are read there.
 * `prefix` is the protocol's (`icmp/`, `icmp6/`); a service of another shape says nothing.
 */
function serviceIcmp(s: string, f: KeyValues, prefix: string): IcmpInfo {
  const a = f.start[SLOT.service]!;
  const b = f.end[SLOT.service]!;
  if (a < 0 || !s.startsWith(prefix, a)) return { type: null, code: null, embedded: null };
  const t0 = a + prefix.length;
  let slash = t0;
  while (slash < b && s.charCodeAt(slash) !== 0x2f) slash++;
  const t = slash - t0 <= 3 ? uintIn(s, t0, slash) : -1;
  const c = slash < b && b - slash - 1 <= 3 ? uintIn(s, slash + 1, b) : -1;
  return { type: t >= 0 && t <= 255 ? t : null, code: t >= 0 && t <= 255 && c >= 0 && c <= 255 ? c : null, embedded: null };
}

// ---------------------------------------------------------------- the parser

const MISSING_SRCIP = fixedReason('missing', 'srcip');
const MISSING_DSTIP = fixedReason('missing', 'dstip');
const MISSING_PROTO = fixedReason('missing', 'proto');
const MISSING_ACTION = fixedReason('missing', 'action');
const SESSION_START = fixedReason('fortigate-session-start');
const LEGACY_TRAFFIC = fixedReason('fortigate-legacy-traffic');
const MISSING_DSTPORT = fixedReason('missing', 'dstport');
const DST_FAMILY = fixedReason('family-differs', 'dstip', 'srcip');
const BAD_TZ = fixedReason('impossible-offset', 'tz');

/** The packet's ends; an empty value (`srcip=`, `proto=`) is there, and read as the invalid value it is. */
const PACKET: PacketSlots = {
  src: SLOT.srcip, dst: SLOT.dstip, proto: SLOT.proto, srcPort: SLOT.srcport, dstPort: SLOT.dstport,
  protoNumber: true, emptyIsThere: true,
  missingSrc: MISSING_SRCIP, missingDst: MISSING_DSTIP, differ: DST_FAMILY, missingProto: MISSING_PROTO, missingDstPort: MISSING_DSTPORT,
};

class FortigatePayload implements PayloadParser {
  readonly format = ID;
  private readonly f = new KeyValues(KEYS);
  private readonly dates = new SharedDates();
  /** The fields of the last date and time read (one array for every line). */
  private readonly stamp = [0, 0, 0, 0, 0, 0];
  private readonly rules = new Interner();
  /** The interfaces' roles (lan, wan, dmz): signatures/zone-sides.json. */
  private readonly roles = zoneConvention('fortigate');
  private lastHost = '';
  /** The last `date time tz` read and its instant (a log repeats a second many times). */
  private lastStamp = '';
  private lastStampMs = NaN;
  /** Why the last time() failed. */
  private timeError: LineReason | null = null;
  private readonly wall: WallTimes;

  constructor(
    private readonly file: string,
    ctx: Pick<ParseContext, 'tz' | 'zoneNote' | 'timeCarry'>,
  ) {
    this.wall = new WallTimes(ctx);
  }

  parse(s: string, start: number, end: number, head: RecordHead, lineNo: number): FirewallEvent | PayloadReject {
    if (fortigateAt(s, start, end) < 0) return legacyTrafficAt(s, start, end) ? new PayloadReject(false, LEGACY_TRAFFIC) : NOT_MINE;
    const f = this.f;
    f.read(s, start, end);
    if (!f.has(SLOT.type) || !(f.has(SLOT.logid) || f.has(SLOT.devid))) {
      return f.unclosed ? malformed(f.unclosedReason(s)) : NOT_MINE;
    }
    if (!f.is(s, SLOT.type, 'traffic')) return new PayloadReject(false, reason('fortigate-not-traffic', '', shown(f.text(s, SLOT.type))));
    // A line cut inside a quoted value: what follows the cut (action, policy, …) is gone.
    if (f.unclosed) return malformed(f.unclosedReason(s));

    const ver = f.packet(s, PACKET);
    if (ver < 0) return malformed(f.packetReason(s, ver, PACKET));
    const { src, dst, proto, srcPort: sport, dstPort: dport } = f;

    if (!f.has(SLOT.action) || f.start[SLOT.action] === f.end[SLOT.action]) return malformed(MISSING_ACTION);
    // With logtraffic-start a session is logged when it starts and again when it ends: the end
    // counts it (as PAN-OS's), or one session would be two connections, and an allowed inbound
    // one two probes.
    if (f.is(s, SLOT.action, 'start')) return new PayloadReject(false, SESSION_START);
    const action = ACTIONS[s.slice(f.start[SLOT.action]!, f.end[SLOT.action]!)] ?? 'other';

    let time = head.time;
    let yearInferred = head.yearInferred;
    if (f.has(SLOT.eventtime) || (f.has(SLOT.date) && f.has(SLOT.time))) {
      const ms = this.time(s);
      if (ms !== ms) return malformed(this.timeError!);
      time = this.dates.of(ms);
      yearInferred = false;
    }

    let icmp: IcmpInfo | null = null;
    if (proto === 'icmp' || proto === 'icmpv6') {
      if (f.has(SLOT.icmptype)) {
        const t = icmpNumber(s, f.start[SLOT.icmptype]!, f.end[SLOT.icmptype]!);
        const c = f.has(SLOT.icmpcode) ? icmpNumber(s, f.start[SLOT.icmpcode]!, f.end[SLOT.icmpcode]!) : -1;
        icmp = { type: t >= 0 ? t : null, code: c >= 0 ? c : null, embedded: null };
      } else icmp = serviceIcmp(s, f, proto === 'icmpv6' ? 'icmp6/' : 'icmp/');
    }

    const srcRole = roleOf(s, f, SLOT.srcintfrole);
    const dstRole = roleOf(s, f, SLOT.dstintfrole);
    const direction: Direction = f.is(s, SLOT.subtype, 'local') ? 'in' : (this.roles.direction(srcRole, dstRole) ?? 'forward');

    return {
      time,
      yearInferred,
      uptime: head.uptime,
      host: f.has(SLOT.devname) && f.start[SLOT.devname] !== f.end[SLOT.devname] ? this.host(s) : head.host,
      format: ID,
      action,
      direction,
      // FortiOS gives traffic to the FortiGate itself no destination role (`undefined`): `wan->local`, not `wan->-`.
      rule: this.rule(s, srcRole, direction === 'in' && dstRole === null ? LOCAL : dstRole),
      inIface: ifaceOf(s, f, SLOT.srcintf),
      outIface: direction === 'in' ? localOut(s, f) : ifaceOf(s, f, SLOT.dstintf),
      proto,
      ipVersion: ver as 4 | 6,
      src: { ip: src, port: sport >= 0 ? sport : null },
      dst: { ip: dst, port: dport >= 0 ? dport : null },
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

  /** The device's name; the same string as the line before when it repeats. */
  private host(s: string): string {
    const f = this.f;
    const a = f.start[SLOT.devname]!;
    const b = f.end[SLOT.devname]!;
    const h = this.lastHost;
    if (h.length === b - a && s.startsWith(h, a) && (f.escaped & (1 << SLOT.devname)) === 0) return h;
    return (this.lastHost = flat(f.text(s, SLOT.devname)));
  }

  /** `policy 0 wan->lan`, `policy 5 "web in" wan->dmz`, `local-in-policy 2`: one string per distinct label. */
  private rule(s: string, srcRole: string | null, dstRole: string | null): string {
    return this.rules.of(fortigateRuleLabel(this.filled(s, SLOT.policytype), this.filled(s, SLOT.policyid), this.filled(s, SLOT.policyname), srcRole, dstRole));
  }

  private filled(s: string, slot: number): string | null {
    const f = this.f;
    return f.has(slot) && f.start[slot] !== f.end[slot] ? f.text(s, slot) : null;
  }

  /** The record's own time (ms), NaN with timeError set when it cannot be read. */
  private time(s: string): number {
    const f = this.f;
    if (f.has(SLOT.eventtime)) {
      const a = f.start[SLOT.eventtime]!;
      const n = f.end[SLOT.eventtime]! - a;
      for (let i = 0; i < n; i++) {
        if (digitAt(s, a + i) < 0) {
          this.timeError = reason('invalid', 'eventtime', shown(f.text(s, SLOT.eventtime)));
          return NaN;
        }
      }
      if (n === 0 || n > 20) {
        this.timeError = reason('invalid', 'eventtime', shown(f.text(s, SLOT.eventtime)));
        return NaN;
      }
      // Seconds (FortiOS 6.0), milliseconds, microseconds or nanoseconds (6.2 and later), told by the digits.
      const keep = n <= 14 ? n : n <= 17 ? n - 3 : n - 6;
      let v = 0;
      for (let i = 0; i < keep; i++) v = v * 10 + digitAt(s, a + i);
      const ms = n <= 11 ? v * 1000 : v;
      const year = new Date(ms).getUTCFullYear();
      if (!yearInRange(year)) {
        this.timeError = yearReason(year);
        return NaN;
      }
      return ms;
    }
    const da = f.start[SLOT.date]!;
    const ta = f.start[SLOT.time]!;
    const stampKey = `${s.slice(da, f.end[SLOT.date]!)} ${s.slice(ta, f.end[SLOT.time]!)} ${f.has(SLOT.tz) ? s.slice(f.start[SLOT.tz]!, f.end[SLOT.tz]!) : ''}`;
    if (stampKey === this.lastStamp) return this.lastStampMs;
    const err = f.dateAndTime(s, SLOT.date, SLOT.time, this.stamp);
    if (err !== null) {
      this.timeError = err;
      return NaN;
    }
    const [y, mo, d, h, mi, sec] = this.stamp as [number, number, number, number, number, number];
    const leap = sec === 60 ? 1000 : 0;
    const s59 = Math.min(sec, 59);
    let ms: number;
    const offset = f.has(SLOT.tz) ? this.offsetMinutes(s) : null;
    if (offset === undefined) return NaN;
    if (offset !== null) ms = Date.UTC(y, mo - 1, d, h, mi, s59) - offset * 60_000 + leap;
    else {
      ms = this.wall.ms(y, mo, d, h, mi, sec);
    }
    this.lastStamp = stampKey;
    this.lastStampMs = ms;
    return ms;
  }

  /**
   * `tz="+0100"`, `-0500`, `+05:30`, FortiAnalyzer's `UTC-5:00`, `UTC+1` → minutes east; null for an
   * empty tz (local time), undefined (timeError set) for one that is none of these.
   */
  private offsetMinutes(s: string): number | null | undefined {
    const f = this.f;
    const a = f.start[SLOT.tz]!;
    const n = f.end[SLOT.tz]! - a;
    if (n === 0) return null;
    // A log forwarded by FortiAnalyzer starts with the analyzer's `timestamp=… tz="UTC-5:00"`
    // (the first tz, the one read): `UTC` then an offset whose hours may have one digit and
    // whose minutes may be left out. The device's own `tz="-0500"` comes later, beside its
    // eventtime, which is read before any date and time; in the forwarded lines seen
    // (Elastic's FortiGate test log) the two name one offset, so the first is not known to be
    // the wrong one for date and time. One reading with an IOS stamp's `UTC+1` zone
    // (utcOffsetMinutes, timestamp.ts).
    const minutes = utcOffsetMinutes(s, a, a + n);
    if (minutes !== minutes) {
      this.timeError = reason('invalid', 'tz', shown(f.text(s, SLOT.tz)));
      return undefined;
    }
    if (minutes === Infinity) {
      this.timeError = BAD_TZ;
      return undefined;
    }
    return minutes;
  }
}

/**
 * Index of a FortiOS log's `logid=` in s[start, end), when a `type=` is there too; -1
 * otherwise. Cheap enough for the dispatcher to ask of every line no other format owns.
 */
export function fortigateAt(s: string, start: number, end: number): number {
  const l = s.indexOf('logid=', start);
  if (l < 0 || l >= end || (l > start && s.charCodeAt(l - 1) !== 0x20)) return -1;
  const t = s.indexOf(' type=', start);
  return t >= 0 && t < end ? l : -1;
}

/**
 * A FortiOS 4 traffic log (`log_id=… type=traffic … status=deny src=… dst=… src_port=…`, as
 * Wazuh's FortiGate decoders still read): other keys than FortiOS 5's, not read. Said so, so a
 * user does not take such a file's skipped lines for no firewall records at all. Asked only of
 * the lines fortigateAt did not take.
 */
function legacyTrafficAt(s: string, start: number, end: number): boolean {
  const l = s.indexOf('log_id=', start);
  if (l < 0 || l >= end || (l > start && s.charCodeAt(l - 1) !== 0x20)) return false;
  let t = s.indexOf(' type=traffic ', start);
  if (t < 0) t = s.indexOf(' type="traffic"', start);
  return t >= 0 && t < end;
}

export function createFortigatePayload(ctx: Pick<ParseContext, 'file' | 'tz' | 'zoneNote' | 'timeCarry'>): PayloadParser {
  return new FortigatePayload(ctx.file, ctx);
}

/** Sniff-only patterns (compiled once): a log id and a log type, as every FortiOS log line has. */
const LOGID = /(?:^|[\s>])logid="?\d{10}"?(?:\s|$)/;
const TYPE = /\stype="?[a-z-]+"?(?:\s|$)/;

function sniff(lines: readonly string[]): number {
  let records = 0;
  for (const l of lines) if (LOGID.test(l) && TYPE.test(l)) records++;
  return recordShare(records, lines.length);
}

/**
 * The rule label in ECS terms, as Elastic's Fortinet integration has them: the policy type
 * is rule.ruleset, the policy id rule.id, its name rule.name; the interfaces' roles are the
 * zones traffic came from and went to (observer.ingress.zone, observer.egress.zone).
 */
export function fortigateRuleFields(rule: string): RuleFields {
  const fields: RuleFields = {};
  let p = rule.indexOf(' ');
  fields.ruleset = p < 0 ? rule : rule.slice(0, p);
  if (p < 0) return fields;
  let q = rule.indexOf(' ', p + 1);
  if (q < 0) q = rule.length;
  const word = rule.slice(p + 1, q);
  if (/^\d+$/.test(word)) {
    fields.id = word;
    p = q;
  }
  if (rule.charCodeAt(p + 1) === 0x22) {
    let i = p + 2;
    let name = '';
    for (; i < rule.length && rule.charCodeAt(i) !== 0x22; i++) {
      if (rule.charCodeAt(i) === 0x5c) i++;
      name += rule.charAt(i);
    }
    fields.name = name;
    p = i + 1;
  }
  const zones = rule.slice(p + 1);
  const arrow = zones.indexOf('->');
  if (arrow >= 0 && zones.indexOf(' ') < 0) {
    const from = zones.slice(0, arrow);
    const to = zones.slice(arrow + 2);
    if (from !== '-' && from !== '') fields.ingressZone = from;
    if (to !== '-' && to !== '' && to !== LOCAL) fields.egressZone = to;
  }
  return fields;
}

export const fortigateFormat: FormatDefinition = {
  id: ID,
  examples: [
    '<189>date=2026-11-20 time=06:25:01 devname="FGT60F" devid="FGT60FTK0000000" eventtime=1795152301123456789 tz="+0100" logid="0000000013" type="traffic" subtype="forward" level="notice" vd="root" srcip=203.0.113.7 srcport=41234 srcintf="wan1" srcintfrole="wan" dstip=192.168.1.10 dstport=23 dstintf="internal" dstintfrole="lan" sessionid=1234 proto=6 action="deny" policyid=0 policytype="policy" service="TELNET" trandisp="noop" duration=0 sentbyte=0 rcvdbyte=0 sentpkt=0 appcat="unscanned" crscore=30 craction=131072 crlevel="high"',
    'date=2026-11-20 time=06:30:12 devname="FGT60F" devid="FGT60FTK0000000" eventtime=1795152612000000000 tz="+0100" logid="0000000013" type="traffic" subtype="forward" level="notice" vd="root" srcip=192.168.1.23 srcport=50514 srcintf="internal" srcintfrole="lan" dstip=198.51.100.80 dstport=443 dstintf="wan1" dstintfrole="wan" sessionid=1301 proto=6 action="close" policyid=1 policytype="policy" policyname="LAN to Internet" service="HTTPS" trandisp="snat" transip=203.0.113.2 transport=50514 duration=12 sentbyte=2314 rcvdbyte=5266 sentpkt=33 rcvdpkt=12',
    'Nov 20 06:31:40 192.0.2.1 date=2026-11-20 time=06:31:40 devname="FGT60F" devid="FGT60FTK0000000" logid="0001000014" type="traffic" subtype="local" level="notice" vd="root" eventtime=1795152700 tz="+0100" srcip=2001:db8::7 identifier=17 srcintf="wan1" srcintfrole="wan" dstip=2001:db8:1::1 dstintf="root" dstintfrole="undefined" sessionid=1402 proto=58 action="deny" policyid=0 policytype="local-in-policy6" service="PING" icmptype=0x80 icmpcode=0x00',
  ],
  sniff,
  // A traffic record that is no deny is one session the FortiGate let through, logged when it
  // ends (or starts, with log at start), not one per packet: counted as connections, as
  // Windows Firewall's ALLOW rows are (connection-records.ts).
  connectionRecords: { action: 'allow' },
  create: syslogPayloadCreate(createFortigatePayload, 'logid='),
  ruleFields: fortigateRuleFields,
};
