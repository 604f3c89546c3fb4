// Zyxel firewalls on ZLD firmware (ZyWALL USG, USG FLEX, ATP, VPN series) as they send their
// logs to syslog: a BSD header (ZLD may write the year after the clock, read by the envelope,
// syslog-envelope.ts) and `key="value"` pairs, `src` and `dst` each an address with its port:
//
//   <142>May 22 17:24:04 2026 usgflex700h src="203.0.113.7:41234" dst="198.51.100.2:23" msg="Match default rule DROP" note="ACCESS BLOCK" user="" devID="f44d5c94f517" cat="Security Policy Control" action="Drop"
//   <134>Nov 20 06:25:01 usg60 src="203.0.113.7:5353" dst="198.51.100.2:161" msg="priority:1, from WAN to ZyWALL, UDP, service others, DROP" note="ACCESS BLOCK" user="unknown" devID="…" cat="Firewall" class="Access Control" ob="0" ob_mac="000000000000" dir="WAN:ZyWALL" protoID=17 proto="others"
//
// Fields as the ZLD user guides' "Log Descriptions" write them. Read: the firewall's own
// records (the categories signatures/zyxel.json names: Security Policy Control, Firewall,
// Access Control, ZyWall) and the traffic log (`cat="Traffic Log"`, written when a session closes,
// with its bytes and duration). Every other category (IDP, Anti-Virus, Content Filter,
// Sessions Limit, User, System, IPSec VPN …) is skipped saying the category; a firewall
// record with no verdict (`note="CONFIG CHANGE"`) too.
//
// Mapping. Time and host: the header's (the device writes its local time: in --tz). Action:
// the message's last word (DROP, ACCEPT, REJECT: a reject is logged ACCESS BLOCK too), else the
// note (ACCESS BLOCK drop, ACCESS FORWARD allow), else `action`, through zyxel.json's words. Counting: a forward
// record is a policy's match of a session's first packet (ZLD keeps state), one connection;
// the traffic log is the same session at its end. Both are connection records, counted once:
// a traffic log whose forward record was read (the same addresses and ports, among the last
// 4,096 forwards) is skipped; one without (forwards are logged only when a policy says so)
// counts the connection. A blocked record is one packet, or the repeats ZLD folded into it
// (`DROP [count=3]`: three). Protocol: `protoID`, else the
// message's protocol word (`UDP`, `ICMP Type:8`), else `other`: USG FLEX's Security Policy
// records name none, their ports are kept. Direction: `dir="from:to"` (else the message's
// `from X to Y`) through the zyxel convention of signatures/zone-sides.json; null for names
// of the user's own (the report tells it from the addresses and --home-net). Rule: `priority N
// FROM->TO`, `priority default …` for the default rule; ECS rule.id and the observer zones.
import type { Action, Direction, FirewallEvent, IcmpInfo } from '../event.js';
import { isIpv4, isIpv6 } from './address.js';
import { portIn, shown, uintIn } from './fields.js';
import { KeyValues } from './key-values.js';
import { malformed, PayloadReject, type RecordHead } from './netfilter.js';
import { NOT_MINE, type PayloadParser } from './payload.js';
import { syslogPayloadCreate } from './payload-dispatch.js';
import { fixedReason, reason, type LineReason } from './reason.js';
import { OpenSessions } from './open-sessions.js';
import { readSignatureData } from './signature-data.js';
import { recordShare, type FormatDefinition, type ParseContext } from './types.js';
import { zonedRuleFields } from './rule-label.js';
import { zoneConvention } from './zone-direction.js';
import { sideDirection } from '../util/egress.js';
import { flat } from '../util/flat-string.js';
import { Interner } from '../util/interner.js';
import { protoByName, protoByNumber } from '../util/protocols.js';

const ID = 'zyxel';

const KEYS = ['src', 'dst', 'msg', 'note', 'cat', 'action', 'dir', 'protoID'] as const;
type Key = (typeof KEYS)[number];
const SLOT = Object.fromEntries(KEYS.map((k, i) => [k, i])) as Record<Key, number>;

type Kind = 'policy' | 'traffic';

interface Knowledge {
  readonly categories: ReadonlyMap<string, Kind>;
  readonly verdicts: ReadonlyMap<string, Action>;
}

let knowledge: Knowledge | null = null;

/** signatures/zyxel.json, read when the first Zyxel record is; its words matched in lower case. */
function known(): Knowledge {
  if (knowledge !== null) return knowledge;
  const doc = readSignatureData('zyxel.json') as { categories?: unknown; verdicts?: unknown };
  const categories = new Map<string, Kind>();
  const verdicts = new Map<string, Action>();
  for (const [k, v] of Object.entries((doc.categories ?? {}) as Record<string, unknown>)) {
    if (v === 'policy' || v === 'traffic') categories.set(k.toLowerCase(), v);
  }
  for (const [k, v] of Object.entries((doc.verdicts ?? {}) as Record<string, unknown>)) {
    if (v === 'drop' || v === 'reject' || v === 'allow') verdicts.set(k.toLowerCase(), v);
  }
  return (knowledge = { categories, verdicts });
}

/** A word of the tables as written (`ACCESS BLOCK`, `Drop`), remembered: the few spellings repeat on every line. */
class Words<T> {
  private readonly seen = new Map<string, T | null>();
  constructor(private readonly table: () => ReadonlyMap<string, T>) {}
  of(text: string): T | null {
    let v = this.seen.get(text);
    if (v === undefined) {
      v = this.table().get(text.toLowerCase()) ?? null;
      // Bounded: a device writing ever new words is read, not remembered.
      if (this.seen.size < 256) this.seen.set(flat(text), v);
    }
    return v;
  }
}

/** The rule label's end for the firewall itself, as ZLD names its zone. */
const DEVICE = 'ZyWALL';

/** Forward records remembered for their session's traffic log. */
const MAX_OPEN = 4096;

const MISSING_CAT = fixedReason('missing', 'cat');
const MISSING_SRC = fixedReason('missing', 'src');
const MISSING_DST = fixedReason('missing', 'dst');
const DST_FAMILY = fixedReason('family-differs', 'dst', 'src');
const TRAFFIC_END = fixedReason('zyxel-traffic-end');

/** An address and its port as ZLD writes them in one value: `ip`, `ip:port`, `[v6]:port`, `v6`. */
interface End {
  ip: string;
  port: number;
  version: 0 | 4 | 6;
  error: LineReason | null;
}

function readEnd(s: string, a: number, b: number, key: string, out: End): void {
  out.error = null;
  out.port = -1;
  out.version = 0;
  let ipEnd = b;
  let portAt = -1;
  if (s.charCodeAt(a) === 0x5b) {
    const close = s.indexOf(']', a);
    if (close < 0 || close >= b || !isIpv6(s, a + 1, close)) return void (out.error = reason('invalid-address', key, shown(s.slice(a, b))));
    out.ip = s.slice(a + 1, close);
    out.version = 6;
    if (close + 1 < b) {
      if (s.charCodeAt(close + 1) !== 0x3a) return void (out.error = reason('invalid-address', key, shown(s.slice(a, b))));
      portAt = close + 2;
    }
  } else {
    const colon = s.lastIndexOf(':', b - 1);
    // One colon after a dotted quad is its port; an address with more is IPv6 with none.
    if (colon > a && isIpv4(s, a, colon)) {
      ipEnd = colon;
      portAt = colon + 1;
      out.version = 4;
    } else if (isIpv4(s, a, b)) out.version = 4;
    else if (isIpv6(s, a, b)) out.version = 6;
    else return void (out.error = reason('invalid-address', key, shown(s.slice(a, b))));
    out.ip = s.slice(a, ipEnd);
  }
  if (portAt >= 0) {
    const p = portIn(s, portAt, b);
    if (p < 0) {
      out.version = 0;
      out.error = reason('invalid-port', key, shown(s.slice(portAt, b)));
      return;
    }
    out.port = p;
  }
}

/** What the message says (ZLD's `priority:N, from X to Y, PROTO …, ACTION`, or `Match default rule[,] DROP`). */
interface Said {
  rule: string;
  from: string | null;
  to: string | null;
  proto: string | null;
  /** The message's last word, s[verdictAt, verdictEnd): its verdict, when it is one. */
  verdictAt: number;
  verdictEnd: number;
  icmpType: number;
  icmpCode: number;
  /** How many packets the record stands for: ZLD folds repeats into one, `DROP [count=3]`. */
  count: number;
}

const PRIORITY = 'priority:';
const COUNT = ' [count=';
const DEFAULT_RULE = 'Match default rule';

function readMsg(s: string, a: number, end: number, out: Said): void {
  let b = end;
  out.rule = '-';
  out.from = null;
  out.to = null;
  out.proto = null;
  out.icmpType = -1;
  out.icmpCode = -1;
  out.verdictAt = b;
  out.verdictEnd = b;
  out.count = 1;
  if (a >= b) return;
  // `… DROP [count=3]`: the repeats ZLD folded, after the verdict.
  if (s.charCodeAt(b - 1) === 0x5d) {
    const c = s.lastIndexOf(COUNT, b);
    const n = c > a ? uintIn(s, c + COUNT.length, b - 1) : -1;
    if (n > 0) {
      out.count = n;
      b = c;
    }
  }
  // The verdict is the last word: after the last comma or blank.
  let v = b;
  while (v > a && s.charCodeAt(v - 1) !== 0x20 && s.charCodeAt(v - 1) !== 0x2c) v--;
  out.verdictAt = v;
  out.verdictEnd = b;
  if (s.startsWith(DEFAULT_RULE, a)) {
    out.rule = 'default';
    return;
  }
  if (!s.startsWith(PRIORITY, a)) return;
  let i = a + PRIORITY.length;
  let j = i;
  while (j < b && s.charCodeAt(j) !== 0x2c) j++;
  out.rule = s.slice(i, j);
  // `, from WAN to ZyWALL`
  if (!s.startsWith(', from ', j)) return;
  i = j + 7;
  const to = s.indexOf(' to ', i);
  const comma = s.indexOf(',', i);
  if (to < 0 || comma < 0 || to > comma || comma > b) return;
  out.from = s.slice(i, to);
  out.to = s.slice(to + 4, comma);
  // `, UDP,` or `, ICMP Type:8,` (its code after `Code:` when written)
  i = comma + 2;
  let k = i;
  while (k < b && s.charCodeAt(k) !== 0x2c && s.charCodeAt(k) !== 0x20) k++;
  if (k > i) out.proto = s.slice(i, k);
  const t = s.indexOf('Type:', k);
  if (t >= 0 && t < b) {
    out.icmpType = uintIn(s, t + 5, digitsTo(s, t + 5, b));
    const c = s.indexOf('Code:', t);
    if (c >= 0 && c < b) out.icmpCode = uintIn(s, c + 5, digitsTo(s, c + 5, b));
  }
}

function digitsTo(s: string, i: number, b: number): number {
  while (i < b && s.charCodeAt(i) >= 0x30 && s.charCodeAt(i) <= 0x39) i++;
  return i;
}

class ZyxelPayload implements PayloadParser {
  readonly format = ID;
  private readonly f = new KeyValues(KEYS, { mixedCaseKeys: true });
  private readonly rules = new Interner();
  private readonly zones = new Interner();
  private readonly categories = new Words(() => known().categories);
  private readonly verdicts = new Words(() => known().verdicts);
  /** Forward records waiting for their session's traffic log (bounded: the oldest goes first). */
  private readonly open = new OpenSessions(MAX_OPEN);
  private readonly srcEnd: End = { ip: '', port: -1, version: 0, error: null };
  private readonly dstEnd: End = { ip: '', port: -1, version: 0, error: null };
  private readonly said: Said = { rule: '-', from: null, to: null, proto: null, verdictAt: 0, verdictEnd: 0, icmpType: -1, icmpCode: -1, count: 1 };

  constructor(private readonly file: string) {}

  parse(s: string, start: number, end: number, head: RecordHead, lineNo: number): FirewallEvent | PayloadReject {
    // Its own file's message that opens with `src="` is a ZLD record even without its ` cat="`:
    // a line cut short (a full disk, a relay's size limit) is malformed with its reason, not
    // passed over as no record. The dispatcher, for other formats' files, still asks for both.
    if (!s.startsWith('src="', start)) return NOT_MINE;
    const f = this.f;
    f.read(s, start, end);
    if (!f.filled(SLOT.cat)) return malformed(f.unclosed ? f.unclosedReason(s) : MISSING_CAT);
    const cat = f.text(s, SLOT.cat);
    const kind = this.categories.of(cat);
    if (kind === null) return new PayloadReject(false, reason('zyxel-category', '', shown(cat)));
    if (f.unclosed) return malformed(f.unclosedReason(s));

    const said = this.said;
    if (f.filled(SLOT.msg)) readMsg(s, f.start[SLOT.msg]!, f.end[SLOT.msg]!, said);
    else readMsg(s, 0, 0, said);
    let action: Action | null = 'allow';
    if (kind === 'policy') {
      action = this.verdict(s, said);
      if (action === null) return new PayloadReject(false, reason('zyxel-no-verdict', '', shown(f.filled(SLOT.note) ? f.text(s, SLOT.note) : '')));
    }

    if (!f.filled(SLOT.src)) return malformed(MISSING_SRC);
    if (!f.filled(SLOT.dst)) return malformed(MISSING_DST);
    const src = this.srcEnd;
    const dst = this.dstEnd;
    readEnd(s, f.start[SLOT.src]!, f.end[SLOT.src]!, 'src', src);
    if (src.error !== null) return malformed(src.error);
    readEnd(s, f.start[SLOT.dst]!, f.end[SLOT.dst]!, 'dst', dst);
    if (dst.error !== null) return malformed(dst.error);
    if (src.version !== dst.version) return malformed(DST_FAMILY);

    let proto: string;
    if (f.filled(SLOT.protoID)) {
      const n = uintIn(s, f.start[SLOT.protoID]!, f.end[SLOT.protoID]!);
      if (n < 0 || n > 255) return malformed(reason('not-a-protocol', 'protoID', shown(f.text(s, SLOT.protoID))));
      proto = protoByNumber(n);
    } else proto = said.proto === null ? 'other' : protoByName(said.proto);
    // ZLD writes ICMP for ICMPv6 too: the addresses tell them apart.
    if (proto === 'icmp' && src.version === 6) proto = 'icmpv6';
    const icmpish = proto === 'icmp' || proto === 'icmpv6';
    // ICMP has no ports: whatever the value holds after the address is not one.
    const sport = icmpish ? -1 : src.port;
    const dport = icmpish ? -1 : dst.port;

    // One connection: the forward record when the policy logs it, then its traffic log. The first counts it.
    if (action === 'allow') {
      const key = `${src.ip} ${sport} ${dst.ip} ${dport}`;
      if (kind === 'policy') {
        this.open.add(key);
      } else if (this.open.delete(key)) {
        return new PayloadReject(false, TRAFFIC_END);
      }
    }

    let icmp: IcmpInfo | null = null;
    if (icmpish) icmp = { type: said.icmpType >= 0 && said.icmpType <= 255 ? said.icmpType : null, code: said.icmpCode >= 0 && said.icmpCode <= 255 ? said.icmpCode : null, embedded: null };

    let from = said.from;
    let to = said.to;
    if (f.filled(SLOT.dir)) {
      const a = f.start[SLOT.dir]!;
      const b = f.end[SLOT.dir]!;
      const colon = s.indexOf(':', a);
      if (colon > a && colon < b - 1) {
        from = this.zones.of(s.slice(a, colon));
        to = this.zones.of(s.slice(colon + 1, b));
      }
    }
    // No dir and no zones in the message (USG FLEX's default rule), or zones of the user's
    // naming: the addresses' sides (--home-net, else the local ranges), as Hillstone's.
    const direction: Direction | null = zoneConvention('zyxel').direction(from, to) ?? sideDirection(src.ip, dst.ip, 'forward');
    return {
      time: head.time,
      yearInferred: head.yearInferred,
      uptime: head.uptime,
      host: head.host,
      format: ID,
      action,
      direction,
      rule: this.rules.of(`priority ${said.rule}${from !== null || to !== null ? ` ${from ?? '-'}->${to ?? '-'}` : ''}`),
      inIface: null,
      outIface: null,
      proto,
      ipVersion: src.version as 4 | 6,
      src: { ip: src.ip, port: sport >= 0 ? sport : null },
      dst: { ip: dst.ip, port: dport >= 0 ? dport : null },
      ttl: null,
      len: null,
      // The record names no TCP flags: unknown, not a NULL scan's [].
      tcpFlags: null,
      tcpWindow: null,
      pid: null,
      icmp,
      count: head.count * said.count,
      origin: { file: this.file, line: lineNo },
      annotations: [],
    };
  }

  /** The message's last word's verdict (REJECT is more than the note's ACCESS BLOCK), else the note's, else the action field's; null when none says one. */
  private verdict(s: string, said: Said): Action | null {
    const f = this.f;
    if (said.verdictAt < said.verdictEnd) {
      const v = this.verdicts.of(s.slice(said.verdictAt, said.verdictEnd));
      if (v !== null) return v;
    }
    if (f.filled(SLOT.note)) {
      const v = this.verdicts.of(f.text(s, SLOT.note));
      if (v !== null) return v;
    }
    return f.filled(SLOT.action) ? this.verdicts.of(f.text(s, SLOT.action)) : null;
  }
}

/**
 * Index of a ZLD record in s[start, end): its message starts with `src="` and holds a
 * ` cat="`; -1 otherwise. Cheap enough for the dispatcher to ask of every line no other
 * format owns (one compare for theirs).
 */
export function zyxelAt(s: string, start: number, end: number): number {
  if (!s.startsWith('src="', start)) return -1;
  const c = s.indexOf(' cat="', start);
  return c > start && c < end ? start : -1;
}

export function createZyxelPayload(ctx: Pick<ParseContext, 'file'>): PayloadParser {
  return new ZyxelPayload(ctx.file);
}

/**
 * Sniff-only patterns: the fields every ZLD log line starts with (ZyNOS's event log has its
 * `ob="" ob_mac=""` before the message), and its category.
 */
const HEAD = /(?:^|\s)src="[^"]*" dst="[^"]*" (?:ob="[^"]*" ob_mac="[^"]*" )?msg="(?:[^"\\]|\\.)*" note="[^"]*" /;
const CAT = /\scat="[^"]*"/;

function sniff(lines: readonly string[]): number {
  let records = 0;
  for (const l of lines) if (HEAD.test(l) && CAT.test(l)) records++;
  return recordShare(records, lines.length);
}

/** The rule label in ECS terms: the priority is rule.id, the dir's names the observer's ingress and egress zones. */
const zyxelRuleFields = zonedRuleFields({ word: 'priority', head: null, notIngress: DEVICE, notEgress: DEVICE });

export const zyxelFormat: FormatDefinition = {
  id: ID,
  examples: [
    '<142>May 22 17:24:04 2026 usgflex500 src="203.0.113.7:41234" dst="198.51.100.2:23" msg="Match default rule DROP" note="ACCESS BLOCK" user="" devID="00a0c5123456" cat="Security Policy Control" action="Drop"',
    '<134>Nov 20 06:25:01 usg60 src="192.0.2.44:5353" dst="198.51.100.2:161" msg="priority:1, from WAN to ZyWALL, UDP, service others, DROP" note="ACCESS BLOCK" user="unknown" devID="00a0c5123456" cat="Firewall" class="Access Control" ob="0" ob_mac="000000000000" dir="WAN:ZyWALL" protoID=17 proto="others"',
    '<142>Nov 20 06:30:12 2026 usgflex500 src="192.168.1.23:50514" dst="198.51.100.80:443" msg="Traffic Log" note="Traffic Log" user="unknown" devID="00a0c5123456" cat="Traffic Log" duration=14 sent=2314 rcvd=5266 dir="lan1:wan1" protoID=6 proto="https"',
  ],
  sniff,
  // A forward is one connection (the policy meets its first packet only), its record or,
  // without one, its traffic log: counted as connections, as Stormshield's passes are.
  connectionRecords: { action: 'allow' },
  create: syslogPayloadCreate(createZyxelPayload, 'cat="'),
  ruleFields: zyxelRuleFields,
};
