// SonicWall (SonicOS) "enhanced syslog": key=value pairs, alone, after `<PRI>`, or behind a
// relay's BSD/ISO header (read by the envelope, syslog-envelope.ts):
//
//   <134>id=firewall sn=0017C5000000 time="2026-11-20 06:25:01 UTC" fw=203.0.113.2 pri=6 c=262144 m=98 msg="Connection Opened" app=49169 n=12345 src=203.0.113.7:41234:X1 dst=192.168.1.10:23:X0 proto=tcp/telnet rule="5 (WAN->LAN)"
//
// Fields as SonicWall's "SonicOS Log Events Reference Guide" names them (and Filebeat's
// sonicwall module, Wazuh's and LogZilla's SonicWall rules read them): `m` the message id,
// `src`/`dst` `IP:PORT:IFACE[:HOST]` (an IPv6 record: `srcV6=`/`dstV6=` hold the addresses and
// `src=:PORT:IFACE`), `proto=tcp/telnet`, `tcp/23` or `icmp` (then `type=` and `icode=`, older
// `code=`, SonicOS 7 `icmpCode=`), `rule="5 (WAN->LAN)"` (the access rule and the zones it
// joins), `fw` the firewall's WAN address. A value is bare up to the next space or quoted.
//
// Which messages are records (MESSAGES below, checked against the guide's event index): the
// drops of the packet filter (36 TCP, 37 UDP, 38 ICMP, 41 unknown protocol, 580 TCP
// SYN/FIN, 1233 link-local or multicast IPv6, 1235 packet dropped) are blocked attempts, one
// a packet; 98 "Connection Opened" and 537 "Connection Closed" are a connection let through,
// its start and its end, counted as the Cisco ASA's Built and Teardown are (the end is no
// probe: `connection-teardown`). Every other message (logins, VPN, NAT mapping, content
// filter, traffic statistics …) is skipped, saying its id. Fields the reading does not need
// are passed over whatever they hold.
//
// Mapping. Time: `time` (a `UTC`/`GMT` or ±hhmm suffix; a zone's name such as `CET`, which
// SonicOS does not document, as wall time in --tz, noted for `check` when --tz does not
// bear that name; else in --tz); without it the header's. Host: the header's, else the serial number `sn`. Direction: to the firewall's
// own address (`fw`) in, from it out; else from the rule's zones: from a zone other than WAN
// to WAN out, the rest forward. Rule: `<rule> m=<id>` (`5 (WAN->LAN) m=98`), without a
// `rule=` the message id and text (`m=36 TCP packet dropped due to policy`); in ECS
// (sonicwallRuleFields) the rule is rule.name, its number rule.id, the id event.code, the
// text event.reason, the zones observer.ingress/egress.zone.
import type { Action, Direction, FirewallEvent, IcmpInfo } from '../event.js';
import { addressVersion } from './address.js';
import { portIn, shown, uintIn } from './fields.js';
import { KeyValues } from './key-values.js';
import { carriesPorts, protoByName } from '../util/protocols.js';
import { WallTimes } from './local-time.js';
import { malformed, PayloadReject, type RecordHead } from './netfilter.js';
import { NOT_MINE, type PayloadParser } from './payload.js';
import { syslogPayloadCreate } from './payload-dispatch.js';
import { d2, impossible } from './timestamp.js';
import { NamedZoneTime } from './journal-stamps.js';
import { fixedReason, reason, type LineReason } from './reason.js';
import { sniffMatching, type FormatDefinition, type ParseContext, type RuleFields } from './types.js';
import { SharedDates } from '../util/shared-date.js';
import { flat } from '../util/flat-string.js';
import { Interner } from '../util/interner.js';

const ID = 'sonicwall';

/** A message the parser reads: what the firewall did, and the protocol when the record names none. */
interface Message {
  readonly action: Action;
  readonly proto: string | null;
}

/** The message ids that are packet-filter records (SonicOS Log Events Reference Guide). */
const MESSAGES: ReadonlyMap<number, Message> = new Map<number, Message>([
  [36, { action: 'drop', proto: 'tcp' }], // TCP packet dropped (due to policy)
  [37, { action: 'drop', proto: 'udp' }], // UDP packet dropped (due to policy)
  [38, { action: 'drop', proto: 'icmp' }], // ICMP packet dropped (due to policy)
  [41, { action: 'drop', proto: null }], // Unknown protocol dropped
  [580, { action: 'drop', proto: 'tcp' }], // TCP SYN/FIN packet dropped
  [1233, { action: 'drop', proto: null }], // Unhandled link-local or multicast IPv6 packet dropped
  [1235, { action: 'drop', proto: null }], // Packet dropped
  [98, { action: 'allow', proto: null }], // Connection Opened
  [537, { action: 'allow', proto: null }], // Connection Closed
]);

/** The message ids read as records: signatures/sonicwall-messages.json names exactly these. */
export const SONICWALL_MESSAGE_IDS: readonly number[] = [...MESSAGES.keys()];

// ---------------------------------------------------------------- the fields read

const KEYS = ['id', 'sn', 'time', 'fw', 'm', 'msg', 'src', 'dst', 'srcV6', 'dstV6', 'proto', 'type', 'icode', 'code', 'icmpCode', 'rule'] as const;
type Key = (typeof KEYS)[number];
const SLOT = Object.fromEntries(KEYS.map((k, i) => [k, i])) as Record<Key, number>;
/** SonicOS writes keys in mixed case (`srcMac`, `fw_action`, `Category`) and quoted values without escapes. */
const SYNTAX = { mixedCaseKeys: true, escapes: false } as const;

/** One end of the record: `IP:PORT:IFACE[:HOST]`, or `:PORT:IFACE` beside a `srcV6=`. */
interface End {
  ip: string;
  port: number;
  iface: string | null;
}

const MISSING_M = fixedReason('missing', 'm');
const MISSING_SRC = fixedReason('missing', 'src');
const MISSING_DST = fixedReason('missing', 'dst');
const MISSING_PROTO = fixedReason('missing', 'proto');
const DST_FAMILY = fixedReason('family-differs', 'dst', 'src');
const BAD_OFFSET = fixedReason('impossible-offset', 'time');

class SonicwallPayload implements PayloadParser {
  readonly format = ID;
  private readonly f = new KeyValues(KEYS, SYNTAX);
  private readonly dates = new SharedDates();
  private zones: NamedZoneTime | null = null;
  private readonly rules = new Interner();
  private lastHost = '';
  private lastStamp = '';
  private lastStampMs = NaN;
  private timeError: LineReason | null = null;
  private endError: LineReason | null = null;
  /** The record's two ends, filled in place for each line (nothing allocated per line). */
  private readonly srcEnd: End = { ip: '', port: -1, iface: null };
  private readonly dstEnd: End = { ip: '', port: -1, iface: null };
  private readonly wall: WallTimes;
  /** Wall times of a stamp that names its zone: the same reading, noting no time without a zone. */
  private named: WallTimes | null = null;

  constructor(
    private readonly file: string,
    private readonly ctx: Pick<ParseContext, 'tz' | 'zoneNote' | 'timeCarry'>,
  ) {
    this.wall = new WallTimes(ctx);
  }

  parse(s: string, start: number, end: number, head: RecordHead, lineNo: number): FirewallEvent | PayloadReject {
    if (sonicwallAt(s, start, end) < 0) return NOT_MINE;
    const f = this.f;
    f.read(s, start, end);
    if (!f.filled(SLOT.sn)) return f.unclosed ? malformed(f.unclosedReason(s)) : NOT_MINE;
    if (!f.filled(SLOT.m)) return malformed(f.unclosed ? f.unclosedReason(s) : MISSING_M);
    const mid = uintIn(s, f.start[SLOT.m]!, f.end[SLOT.m]!);
    if (mid < 0) return malformed(reason('not-a-number', 'm', shown(f.text(s, SLOT.m))));
    const message = MESSAGES.get(mid);
    if (message === undefined) return new PayloadReject(false, reason('sonicwall-not-packet', '', String(mid)));
    // A line cut inside a quoted value: what follows the cut (addresses, rule, …) is gone.
    if (f.unclosed) return malformed(f.unclosedReason(s));

    if (!f.filled(SLOT.src)) return malformed(MISSING_SRC);
    if (!f.filled(SLOT.dst)) return malformed(MISSING_DST);
    const src = this.srcEnd;
    if (!this.end(s, SLOT.src, SLOT.srcV6, src)) return malformed(this.endError!);
    const dst = this.dstEnd;
    if (!this.end(s, SLOT.dst, SLOT.dstV6, dst)) return malformed(this.endError!);
    const ver = addressVersion(src.ip, 0, src.ip.length) as 4 | 6;
    if (addressVersion(dst.ip, 0, dst.ip.length) !== ver) return malformed(DST_FAMILY);

    let proto: string;
    if (f.filled(SLOT.proto)) {
      const a = f.start[SLOT.proto]!;
      const slash = s.indexOf('/', a);
      proto = protoByName(s.slice(a, slash >= 0 && slash < f.end[SLOT.proto]! ? slash : f.end[SLOT.proto]!));
      if (proto === 'icmp' && ver === 6) proto = 'icmpv6';
    } else if (message.proto !== null) proto = message.proto;
    else return malformed(MISSING_PROTO);
    const hasPorts = carriesPorts(proto);

    let time = head.time;
    let yearInferred = head.yearInferred;
    if (f.filled(SLOT.time)) {
      const ms = this.time(s);
      if (ms !== ms) return malformed(this.timeError!);
      time = this.dates.of(ms);
      yearInferred = false;
    }

    let icmp: IcmpInfo | null = null;
    if (proto === 'icmp' || proto === 'icmpv6') {
      icmp = f.icmp(s, SLOT.type, f.filled(SLOT.icode) ? SLOT.icode : f.filled(SLOT.icmpCode) ? SLOT.icmpCode : SLOT.code);
    }

    const rule = f.textOrNull(s, SLOT.rule);
    const zones = rule === null ? null : zonesOf(rule);
    let direction: Direction;
    if (f.filled(SLOT.fw) && sameText(s, f.start[SLOT.fw]!, f.end[SLOT.fw]!, dst.ip)) direction = 'in';
    else if (f.filled(SLOT.fw) && sameText(s, f.start[SLOT.fw]!, f.end[SLOT.fw]!, src.ip)) direction = 'out';
    else direction = zones !== null && zones[1] === 'WAN' && zones[0] !== 'WAN' ? 'out' : 'forward';

    return {
      time,
      yearInferred,
      uptime: head.uptime,
      host: head.host ?? this.host(s),
      format: ID,
      action: message.action,
      direction,
      rule: this.rule(s, rule, mid),
      inIface: src.iface,
      outIface: direction === 'in' ? null : dst.iface,
      proto,
      ipVersion: ver,
      src: { ip: src.ip, port: hasPorts && src.port >= 0 ? src.port : null },
      dst: { ip: dst.ip, port: hasPorts && dst.port >= 0 ? dst.port : null },
      ttl: null,
      len: null,
      // The record says nothing of the packet's flags: unknown, not a NULL scan's [].
      tcpFlags: null,
      tcpWindow: null,
      pid: null,
      icmp,
      count: head.count,
      origin: { file: this.file, line: lineNo },
      annotations: [],
    };
  }

  /** Reads `src=IP:PORT:IFACE[:HOST]` (an IPv6 address in `srcV6=`, `src=:PORT:IFACE`) into `out`; false with endError set when it cannot be read. */
  private end(s: string, slot: number, v6slot: number, out: End): boolean {
    const f = this.f;
    const name = KEYS[slot]!;
    const a = f.start[slot]!;
    const b = f.end[slot]!;
    let ip: string;
    let i: number;
    if (f.filled(v6slot)) {
      ip = f.text(s, v6slot);
      if (addressVersion(ip, 0, ip.length) !== 6) {
        this.endError = reason('invalid-address', KEYS[v6slot], shown(ip));
        return false;
      }
      // `src=:PORT:IFACE`: the address part is empty (or repeats the IPv6 one, which has colons of its own).
      i = s.charCodeAt(a) === 0x3a ? a + 1 : b;
    } else {
      let c = a;
      while (c < b && s.charCodeAt(c) !== 0x3a) c++;
      ip = s.slice(a, c);
      if (addressVersion(ip, 0, ip.length) !== 4) {
        this.endError = reason('invalid-address', name, shown(f.text(s, slot)));
        return false;
      }
      i = c < b ? c + 1 : b;
    }
    let port = -1;
    let iface: string | null = null;
    if (i < b) {
      let c = i;
      while (c < b && s.charCodeAt(c) !== 0x3a) c++;
      if (c > i) {
        port = portIn(s, i, c);
        if (port < 0) {
          this.endError = reason('invalid-port', name, shown(s.slice(i, c)));
          return false;
        }
      }
      if (c < b) {
        let e = c + 1;
        while (e < b && s.charCodeAt(e) !== 0x3a) e++;
        if (e > c + 1) iface = s.slice(c + 1, e);
      }
    }
    out.ip = ip;
    out.port = port;
    out.iface = iface;
    return true;
  }

  /** The serial number; the same string as the line before when it repeats. */
  private host(s: string): string {
    const f = this.f;
    const a = f.start[SLOT.sn]!;
    const b = f.end[SLOT.sn]!;
    const h = this.lastHost;
    if (h.length === b - a && s.startsWith(h, a)) return h;
    return (this.lastHost = flat(f.text(s, SLOT.sn)));
  }

  /** `5 (WAN->LAN) m=98`, `m=36 TCP packet dropped due to policy`: one string per distinct label. */
  private rule(s: string, rule: string | null, mid: number): string {
    const f = this.f;
    const label = rule !== null ? `${rule} m=${mid}` : f.filled(SLOT.msg) ? `m=${mid} ${f.text(s, SLOT.msg)}` : `m=${mid}`;
    return this.rules.of(label);
  }

  /** `2026-11-20 06:25:01` with ` UTC`, ` GMT`, ` +0100`, a zone's name (`CET`: in --tz) or nothing (--tz); NaN with timeError set when it cannot be read. */
  private time(s: string): number {
    const f = this.f;
    const a = f.start[SLOT.time]!;
    const b = f.end[SLOT.time]!;
    const n = b - a;
    if (n === this.lastStamp.length && s.startsWith(this.lastStamp, a)) return this.lastStampMs;
    const y = d2(s, a) * 100 + d2(s, a + 2);
    const mo = d2(s, a + 5);
    const d = d2(s, a + 8);
    const h = d2(s, a + 11);
    const mi = d2(s, a + 14);
    const sec = d2(s, a + 17);
    const sep = s.charCodeAt(a + 4);
    if (
      n < 19 || d2(s, a) < 0 || d2(s, a + 2) < 0 || mo < 0 || d < 0 || h < 0 || mi < 0 || sec < 0 ||
      (sep !== 0x2d && sep !== 0x2f) || s.charCodeAt(a + 7) !== sep || s.charCodeAt(a + 10) !== 0x20 ||
      s.charCodeAt(a + 13) !== 0x3a || s.charCodeAt(a + 16) !== 0x3a || (n > 19 && s.charCodeAt(a + 19) !== 0x20)
    ) {
      this.timeError = reason('invalid', 'time', shown(f.text(s, SLOT.time)));
      return NaN;
    }
    const err = impossible(y, mo, d, h, mi, sec);
    if (err !== null) {
      this.timeError = err;
      return NaN;
    }
    const leap = sec === 60 ? 1000 : 0;
    const s59 = Math.min(sec, 59);
    let ms: number;
    if (n > 19 && isZoneName(s, a + 20, b)) {
      // A zone's name (`CET`, `EST`) other than UTC/GMT: SonicOS documents none but `UTC`, so
      // it is read as the other formats read one, wall time in --tz (noted when it is none
      // of that zone's names: `check` says so).
      const wall = Date.UTC(y, mo - 1, d, h, mi, s59);
      this.zones ??= new NamedZoneTime(this.ctx);
      this.named ??= new WallTimes({ tz: this.ctx.tz, timeCarry: this.ctx.timeCarry });
      ms = this.zones.at(s.slice(a + 20, b), wall, this.named.ms(y, mo, d, h, mi, s59)) + leap;
    } else if (n > 19) {
      const offset = this.offsetMinutes(s.slice(a + 20, b), s.slice(a, b));
      if (offset === null) return NaN;
      ms = Date.UTC(y, mo - 1, d, h, mi, s59) - offset * 60_000 + leap;
    } else {
      ms = this.wall.ms(y, mo, d, h, mi, s59) + leap;
    }
    this.lastStamp = s.slice(a, b);
    this.lastStampMs = ms;
    return ms;
  }

  /** `UTC`, `GMT`, `+0100`, `-05:00` → minutes east; null (timeError set) for anything else. */
  private offsetMinutes(z: string, whole: string): number | null {
    if (z === 'UTC' || z === 'GMT') return 0;
    const m = /^([+-])(\d\d):?(\d\d)$/.exec(z);
    if (m === null) {
      this.timeError = reason('invalid', 'time', shown(whole));
      return null;
    }
    const oh = Number(m[2]);
    const om = Number(m[3]);
    if (oh > 23 || om > 59) {
      this.timeError = BAD_OFFSET;
      return null;
    }
    return (m[1] === '-' ? -1 : 1) * (oh * 60 + om);
  }
}

/** 2-6 letters, not UTC or GMT (read as offset 0): a zone's name such as `CET`. */
function isZoneName(s: string, a: number, b: number): boolean {
  if (b - a === 3 && (s.startsWith('UTC', a) || s.startsWith('GMT', a))) return false;
  if (b - a < 2 || b - a > 6) return false;
  for (let i = a; i < b; i++) {
    const c = s.charCodeAt(i) | 0x20;
    if (c < 0x61 || c > 0x7a) return false;
  }
  return true;
}

function sameText(s: string, a: number, b: number, t: string): boolean {
  return b - a === t.length && s.startsWith(t, a);
}

/** The zones of a rule text ending in `(FROM->TO)`, as SonicOS names access rules; null without. */
function zonesOf(rule: string): [string, string] | null {
  const m = /\(([^()\s]+)->([^()\s]+)\)$/.exec(rule);
  return m === null ? null : [m[1]!, m[2]!];
}

/**
 * Index of a SonicOS record's `id=` in s[start, end), when ` sn=` and ` m=` follow; -1
 * otherwise. Cheap enough for the dispatcher to ask of every line no other format owns.
 */
export function sonicwallAt(s: string, start: number, end: number): number {
  const i = s.indexOf('id=', start);
  if (i < 0 || i >= end || (i > start && s.charCodeAt(i - 1) !== 0x20 && s.charCodeAt(i - 1) !== 0x3e)) return -1;
  const sn = s.indexOf(' sn=', i);
  if (sn < 0 || sn >= end) return -1;
  const m = s.indexOf(' m=', sn);
  return m >= 0 && m < end ? i : -1;
}

export function createSonicwallPayload(ctx: Pick<ParseContext, 'file' | 'tz' | 'zoneNote' | 'timeCarry'>): PayloadParser {
  return new SonicwallPayload(ctx.file, ctx);
}

/** Sniff-only pattern (compiled once): the head every SonicOS syslog record starts with. */
const HEAD = /(?:^|[\s>])id=\S+\s+sn=[0-9A-Za-z]+ time="[^"]*" fw=\S* pri=\d+\b.* m=\d+\b/;

const sniff = sniffMatching(HEAD);

/**
 * The rule label in ECS terms: the access rule (`5 (WAN->LAN)`) is rule.name, its number
 * rule.id, the zones it joins observer.ingress.zone and observer.egress.zone (as Elastic's
 * SonicWall module reads them); the message id is event.code and, for a record without a
 * rule, its text event.reason.
 */
function sonicwallRuleFields(label: string): RuleFields {
  const fields: RuleFields = {};
  if (label.startsWith('m=')) {
    const sp = label.indexOf(' ');
    fields.code = label.slice(2, sp < 0 ? label.length : sp);
    if (sp >= 0) fields.reason = label.slice(sp + 1);
    return fields;
  }
  const at = label.lastIndexOf(' m=');
  const rule = at < 0 ? label : label.slice(0, at);
  if (at >= 0) fields.code = label.slice(at + 3);
  fields.name = rule;
  const id = /^(\d+)(?:\s|$)/.exec(rule);
  if (id !== null) fields.id = id[1]!;
  const zones = zonesOf(rule);
  if (zones !== null) {
    fields.ingressZone = zones[0];
    fields.egressZone = zones[1];
  }
  return fields;
}

export const sonicwallFormat: FormatDefinition = {
  id: ID,
  examples: [
    '<134>id=firewall sn=0017C5000000 time="2026-11-20 06:25:01 UTC" fw=203.0.113.2 pri=6 c=262144 m=98 msg="Connection Opened" app=49169 n=12345 src=203.0.113.7:41234:X1 dst=192.168.1.10:23:X0 srcMac=00:00:5e:00:53:01 dstMac=00:00:5e:00:53:02 proto=tcp/telnet dpi=0 rule="5 (WAN->LAN)" fw_action="NA"',
    '<133>id=firewall sn=0017C5000000 time="2026-11-20 06:26:40 UTC" fw=203.0.113.2 pri=5 c=64 m=36 msg="TCP packet dropped due to policy" n=4711 src=198.51.100.23:50122:X1 dst=203.0.113.2:3389:X1 srcMac=00:00:5e:00:53:01 dstMac=00:00:5e:00:53:02 proto=tcp/3389 fw_action="drop"',
    'Nov 20 06:27:02 192.0.2.1 id=firewall sn=0017C5000000 time="2026-11-20 06:27:02 UTC" fw=203.0.113.2 pri=5 c=512 m=1233 msg="Unhandled link-local or multicast IPv6 packet dropped" n=52 srcV6=fe80::2 src=:5353:X0 dstV6=ff02::fb dst=:5353 proto=udp/5353 fw_action="drop"',
  ],
  sniff,
  // Connection Opened and Connection Closed stand for a connection the firewall let through,
  // its start and its end, not one record per packet: counted as the Cisco ASA's Built and
  // Teardown are (connection-records.ts); the drops are one record per packet.
  connectionRecords: { action: 'allow' },
  create: syslogPayloadCreate(createSonicwallPayload, ' sn='),
  ruleFields: sonicwallRuleFields,
  // The label's m= id is named by signatures/sonicwall-messages.json ("SonicWall message 36 TCP packet dropped").
  messageNames: 'sonicwallMessages',
};
