// Sophos UTM (formerly Astaro Security Gateway) packet filter lines, as the UTM writes them
// to /var/log/packetfilter.log and sends them to a remote syslog server (after `<PRI>`, or
// behind a relay's header, which the envelope, syslog-envelope.ts, reads):
//
//   2026:11:20-06:25:01 utm ulogd[5432]: id="2001" severity="info" sys="SecureNet" sub="packetfilter" name="Packet dropped" action="drop" fwrule="60001" initf="eth1" srcmac="00:11:22:33:44:55" dstmac="00:16:3e:5e:6c:00" srcip="203.0.113.7" dstip="198.51.100.2" proto="6" length="60" tos="0x00" prec="0x00" ttl="51" srcport="41234" dstport="23" tcpflags="SYN"
//
// The stamp is the UTM's own, `YYYY:MM:DD-HH:MM:SS` in its local time (no zone: read in
// --tz), then the host and the program's tag. Every value is quoted. `sub="packetfilter"`
// records are read (id 2001 "Packet dropped", 2002 "Packet accepted", 2003 "Packet
// rejected", and the others the packet filter logs: GeoIP drops, logged DNS requests, …);
// the UTM's other lines (its proxies, DNS, DHCP, IPS, …) are skipped, saying the program or
// subsystem. Fields the reading does not need (macs, tos, prec, mark, app, …) are passed over
// whatever they hold.
//
// Mapping, as netfilter's (the UTM's packet filter is iptables with ulogd): one event per
// packet; `action` drop, reject, accept (another word, as `DNS request`, is other); initf
// and outitf as IN= and OUT= (both: forward; only initf: in, to the UTM itself; only outitf:
// out); length, ttl, tcpflags, ICMP `type`/`code`. Rule: `fwrule N` and the record's name
// (`fwrule 60001 Packet dropped`: 60001-60099 are the UTM's built-in rules, 60001 its final
// drop); in ECS (utmRuleFields) the number is rule.id and the name event.reason.
import type { Action, Direction, FirewallEvent, IcmpInfo } from '../event.js';
import { flagNames, flagWordBit, shown, uintIn } from './fields.js';
import { KeyValues, type PacketSlots } from './key-values.js';
import { WallTimes } from './local-time.js';
import { malformed, PayloadReject, type RecordHead } from './netfilter.js';
import { NOT_MINE, type PayloadParser } from './payload.js';
import { syslogPayloadCreate } from './payload-dispatch.js';
import { digitAt, impossible } from './timestamp.js';
import { fixedReason, reason, type LineReason } from './reason.js';
import { recordShare, type FormatDefinition, type ParseContext, type RuleFields } from './types.js';
import { SharedDates } from '../util/shared-date.js';
import { flat } from '../util/flat-string.js';
import { Interner } from '../util/interner.js';

const ID = 'sophos-utm';

const KEYS = [
  'id', 'sub', 'name', 'action', 'fwrule', 'initf', 'outitf', 'srcip', 'dstip', 'proto',
  'length', 'ttl', 'srcport', 'dstport', 'tcpflags', 'type', 'code',
] as const;
type Key = (typeof KEYS)[number];
const SLOT = Object.fromEntries(KEYS.map((k, i) => [k, i])) as Record<Key, number>;

const ACTIONS: Readonly<Record<string, Action>> = Object.assign(Object.create(null) as Record<string, Action>, {
  drop: 'drop',
  reject: 'reject',
  accept: 'allow',
});

const MISSING_SRCIP = fixedReason('missing', 'srcip');
const MISSING_DSTIP = fixedReason('missing', 'dstip');
const MISSING_PROTO = fixedReason('missing', 'proto');
const MISSING_ACTION = fixedReason('missing', 'action');
const MISSING_DSTPORT = fixedReason('missing', 'dstport');
const DST_FAMILY = fixedReason('family-differs', 'dstip', 'srcip');

/** The packet's ends; an empty value (`srcip=`) is missing. */
const PACKET: PacketSlots = {
  src: SLOT.srcip, dst: SLOT.dstip, proto: SLOT.proto, srcPort: SLOT.srcport, dstPort: SLOT.dstport,
  protoNumber: true, emptyIsThere: false,
  missingSrc: MISSING_SRCIP, missingDst: MISSING_DSTIP, differ: DST_FAMILY, missingProto: MISSING_PROTO, missingDstPort: MISSING_DSTPORT,
};

/** Two digits at i, or one when the next character is `sep` (`2016:1:29`); -1 when neither. Sets `next`. */
function num(s: string, i: number, sep: number, out: { next: number }): number {
  const a = digitAt(s, i);
  if (a < 0) return -1;
  const b = digitAt(s, i + 1);
  if (b < 0) {
    out.next = i + 1;
    return s.charCodeAt(i + 1) === sep ? a : -1;
  }
  out.next = i + 2;
  return a * 10 + b;
}

/** Where num() stopped; one object for every call (nothing allocated per line). */
const NEXT = { next: 0 };

/**
 * End of a UTM stamp `YYYY:MM:DD-HH:MM:SS` at i (followed by a space or the end), with its
 * fields in `f`; -1 when there is none. Month and day may have one digit (Wazuh's decoder
 * reads `2016:1:29-06:09:59`).
 */
function stampAt(s: string, i: number, f: number[]): number {
  for (let k = 0; k < 4; k++) if (digitAt(s, i + k) < 0) return -1;
  if (s.charCodeAt(i + 4) !== 0x3a) return -1;
  const o = NEXT;
  const mo = num(s, i + 5, 0x3a, o);
  if (mo < 0 || s.charCodeAt(o.next) !== 0x3a) return -1;
  const d = num(s, o.next + 1, 0x2d, o);
  if (d < 0 || s.charCodeAt(o.next) !== 0x2d) return -1;
  const p = o.next + 1;
  const h = digitAt(s, p) * 10 + digitAt(s, p + 1);
  const mi = digitAt(s, p + 3) * 10 + digitAt(s, p + 4);
  const sec = digitAt(s, p + 6) * 10 + digitAt(s, p + 7);
  if (digitAt(s, p) < 0 || digitAt(s, p + 1) < 0 || digitAt(s, p + 3) < 0 || digitAt(s, p + 4) < 0 || digitAt(s, p + 6) < 0 || digitAt(s, p + 7) < 0) return -1;
  if (s.charCodeAt(p + 2) !== 0x3a || s.charCodeAt(p + 5) !== 0x3a) return -1;
  const e = p + 8;
  if (e < s.length && s.charCodeAt(e) !== 0x20) return -1;
  f[0] = digitAt(s, i) * 1000 + digitAt(s, i + 1) * 100 + digitAt(s, i + 2) * 10 + digitAt(s, i + 3);
  f[1] = mo;
  f[2] = d;
  f[3] = h;
  f[4] = mi;
  f[5] = sec;
  return e;
}

/** `ulogd[5432]:`, `httpd:`: a syslog tag, the program's name up to `[` or `:` in s[i, j). */
function tagName(s: string, i: number, j: number): string | null {
  if (j - i < 2 || s.charCodeAt(j - 1) !== 0x3a) return null;
  const b = s.indexOf('[', i);
  return s.slice(i, b >= i && b < j ? b : j - 1);
}

function tokenEnd(s: string, i: number, end: number): number {
  while (i < end && s.charCodeAt(i) !== 0x20) i++;
  return i;
}

class UtmPayload implements PayloadParser {
  readonly format = ID;
  private readonly f = new KeyValues(KEYS);
  private readonly dates = new SharedDates();
  private readonly stamp = [0, 0, 0, 0, 0, 0];
  private readonly rules = new Interner();
  private lastHost = '';
  private lastStamp = '';
  private lastStampMs = NaN;
  private readonly wall: WallTimes;

  constructor(
    private readonly file: string,
    ctx: Pick<ParseContext, 'tz' | 'zoneNote' | 'timeCarry'>,
  ) {
    this.wall = new WallTimes(ctx);
  }

  parse(s: string, start: number, end: number, head: RecordHead, lineNo: number): FirewallEvent | PayloadReject {
    let p = start;
    let time = head.time;
    let yearInferred = head.yearInferred;
    let host = head.host;
    let program: string | null = null;
    const stampEnd = stampAt(s, start, this.stamp);
    if (stampEnd >= 0) {
      // `<stamp> [host] tag: message`: a tag ends with a colon, a host does not.
      let q = stampEnd + 1;
      let e = tokenEnd(s, q, end);
      program = tagName(s, q, e);
      if (program === null && e < end) {
        host = this.host(s, q, e);
        q = e + 1;
        e = tokenEnd(s, q, end);
        program = tagName(s, q, e);
      }
      p = program === null ? q : e;
    }
    if (stampEnd < 0 && utmRecordAt(s, p, end) < 0) return NOT_MINE;
    const f = this.f;
    f.read(s, p, end);
    if (!f.has(SLOT.sub)) {
      if (f.unclosed && f.has(SLOT.id)) return malformed(f.unclosedReason(s));
      if (stampEnd < 0) return NOT_MINE;
      // Another program of the UTM (httpd, named, dhcpd, …).
      return new PayloadReject(false, reason('sophos-not-firewall', '', shown(program ?? s.slice(stampEnd + 1, tokenEnd(s, stampEnd + 1, end)))));
    }
    if (!f.is(s, SLOT.sub, 'packetfilter')) return new PayloadReject(false, reason('sophos-not-firewall', '', shown(f.text(s, SLOT.sub))));
    if (f.unclosed) return malformed(f.unclosedReason(s));

    const ver = f.packet(s, PACKET);
    if (ver < 0) return malformed(f.packetReason(s, ver, PACKET));
    const { src, dst, proto, srcPort: sport, dstPort: dport } = f;

    if (!f.filled(SLOT.action)) return malformed(MISSING_ACTION);
    const action = ACTIONS[s.slice(f.start[SLOT.action]!, f.end[SLOT.action]!)] ?? 'other';

    if (stampEnd >= 0) {
      const ms = this.time(s, start, stampEnd);
      if (typeof ms !== 'number') return malformed(ms);
      time = this.dates.of(ms);
      yearInferred = false;
    }

    let tcpFlags: string[] | null = null;
    if (proto === 'tcp' && f.has(SLOT.tcpflags)) {
      let bits = 0;
      const a = f.start[SLOT.tcpflags]!;
      const b = f.end[SLOT.tcpflags]!;
      for (let i = a; i < b; ) {
        const e = tokenEnd(s, i, b);
        const bit = flagWordBit(s, i, e);
        if (bit === 0 && e > i) return malformed(reason('invalid', 'tcpflags', shown(f.text(s, SLOT.tcpflags))));
        bits |= bit;
        i = e + 1;
      }
      tcpFlags = flagNames(bits);
    }

    let icmp: IcmpInfo | null = null;
    if (proto === 'icmp' || proto === 'icmpv6') {
      icmp = f.icmp(s, SLOT.type, SLOT.code);
    }

    const inIface = f.textOrNull(s, SLOT.initf);
    const outIface = f.textOrNull(s, SLOT.outitf);
    const direction: Direction | null = inIface !== null ? (outIface !== null ? 'forward' : 'in') : outIface !== null ? 'out' : null;
    const len = f.filled(SLOT.length) ? uintIn(s, f.start[SLOT.length]!, f.end[SLOT.length]!) : -1;
    const ttl = f.filled(SLOT.ttl) ? uintIn(s, f.start[SLOT.ttl]!, f.end[SLOT.ttl]!) : -1;

    return {
      time,
      yearInferred,
      uptime: head.uptime,
      host,
      format: ID,
      action,
      direction,
      rule: this.rule(s),
      inIface,
      outIface,
      proto,
      ipVersion: ver as 4 | 6,
      src: { ip: src, port: sport >= 0 ? sport : null },
      dst: { ip: dst, port: dport >= 0 ? dport : null },
      ttl: ttl >= 0 && ttl <= 255 ? ttl : null,
      len: len >= 0 ? len : null,
      tcpFlags,
      tcpWindow: null,
      pid: null,
      icmp,
      count: head.count,
      origin: { file: this.file, line: lineNo },
      annotations: [],
    };
  }

  /** The UTM's host name; the same string as the line before when it repeats. */
  private host(s: string, a: number, b: number): string {
    const h = this.lastHost;
    if (h.length === b - a && s.startsWith(h, a)) return h;
    return (this.lastHost = flat(s.slice(a, b)));
  }

  /** `fwrule 60001 Packet dropped`; one string per distinct label; null when the record names neither. */
  private rule(s: string): string | null {
    const f = this.f;
    let label = f.filled(SLOT.fwrule) ? `fwrule ${f.text(s, SLOT.fwrule)}` : '';
    if (f.filled(SLOT.name)) label += (label === '' ? '' : ' ') + f.text(s, SLOT.name);
    if (label === '') return null;
    return this.rules.of(label);
  }

  /** The stamp read by stampAt (this.stamp) as ms, in --tz; the reason when it is no time. */
  private time(s: string, a: number, b: number): number | LineReason {
    const key = s.slice(a, b);
    if (key === this.lastStamp) return this.lastStampMs;
    const [y, mo, d, h, mi, sec] = this.stamp as [number, number, number, number, number, number];
    const err = impossible(y, mo, d, h, mi, sec);
    if (err !== null) return err;
    const ms = this.wall.ms(y, mo, d, h, mi, sec);
    this.lastStamp = key;
    this.lastStampMs = ms;
    return ms;
  }
}

/** The stamp's fields when only whether there is one matters (utmRecordAt). */
const SCRATCH = [0, 0, 0, 0, 0, 0];

/**
 * Index of a UTM packet filter record's `sub="packetfilter"` in s[start, end), or of the
 * UTM's own stamp at start; -1 otherwise. Cheap enough for the dispatcher to ask of every
 * line no other format owns.
 */
export function utmRecordAt(s: string, start: number, end: number): number {
  const i = s.indexOf('sub="packetfilter"', start);
  if (i >= 0 && i < end) return i;
  return stampAt(s, start, SCRATCH) >= 0 ? start : -1;
}

export function createUtmPayload(ctx: Pick<ParseContext, 'file' | 'tz' | 'zoneNote' | 'timeCarry'>): PayloadParser {
  return new UtmPayload(ctx.file, ctx);
}

/** Sniff-only patterns: the UTM's own stamp opening a line (any of its programs), or a packet filter record behind another header. */
const STAMP = /^(?:<\d{1,3}>)?\d{4}:\d{1,2}:\d{1,2}-\d\d:\d\d:\d\d \S+ (?:\S+ )?[\w./-]+(?:\[\d+\])?: /;
const RECORD = /\bid="\d{4}" .*\bsub="packetfilter" /;

function sniff(lines: readonly string[]): number {
  let records = 0;
  for (const l of lines) if (STAMP.test(l) || RECORD.test(l)) records++;
  return recordShare(records, lines.length);
}

/** `fwrule 60001 Packet dropped` → rule.id 60001, event.reason `Packet dropped`; a name alone is the reason. */
function utmRuleFields(rule: string): RuleFields {
  const m = /^fwrule (\S+)(?: (.*))?$/.exec(rule);
  if (m === null) return { reason: rule };
  return m[2] === undefined ? { id: m[1]! } : { id: m[1]!, reason: m[2] };
}

export const sophosUtmFormat: FormatDefinition = {
  id: ID,
  examples: [
    '2026:11:20-06:25:01 utm ulogd[5432]: id="2001" severity="info" sys="SecureNet" sub="packetfilter" name="Packet dropped" action="drop" fwrule="60001" initf="eth1" srcmac="00:11:22:33:44:55" dstmac="00:16:3e:5e:6c:00" srcip="203.0.113.7" dstip="198.51.100.2" proto="6" length="60" tos="0x00" prec="0x00" ttl="51" srcport="41234" dstport="23" tcpflags="SYN"',
    '<30>2026:11:20-06:30:12 utm ulogd[5432]: id="2002" severity="info" sys="SecureNet" sub="packetfilter" name="Packet accepted" action="accept" fwrule="4" initf="eth0" outitf="eth1" srcmac="00:16:3e:11:22:33" dstmac="00:11:22:33:44:55" srcip="192.168.2.23" dstip="198.51.100.80" proto="17" length="76" tos="0x00" prec="0x00" ttl="63" srcport="40123" dstport="123"',
    '2026:11:20-06:31:40 utm ulogd[5432]: id="2001" severity="info" sys="SecureNet" sub="packetfilter" name="Packet dropped" action="drop" fwrule="60001" initf="eth1" srcip="2001:db8::7" dstip="2001:db8:1::1" proto="58" length="104" tos="0x00" prec="0x00" ttl="57" type="128" code="0"',
  ],
  sniff,
  create: syslogPayloadCreate(createUtmPayload, 'sub="packetfilter"'),
  ruleFields: utmRuleFields,
};
