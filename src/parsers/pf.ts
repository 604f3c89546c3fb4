// OpenBSD / FreeBSD / macOS `pf` log as text, the way `tcpdump -n -e -ttt -r /var/log/pflog`
// prints it:
//
//   Feb 13 21:23:55.432918 rule 3/(match) block in on em0: 198.51.100.7.51234 > 192.0.2.10.22: S 123:123(0) win 512
//   2024-01-05 12:34:56.123456 rule 0/0(match): block in on vtnet0: 203.0.113.9.40000 > 192.0.2.1.23: Flags [S], seq 1, win 1024, length 0
//   1700000000.123456 rule 2/(match) pass out on em0: 2001:db8::1.5353 > 2001:db8::2.53: UDP, length 40
//
// Time styles: OpenBSD -ttt `Mmm dd HH:MM:SS.ffffff` (year inferred), -tttt
// `YYYY-MM-DD HH:MM:SS.ffffff` (local), -tt epoch seconds; a bare `HH:MM:SS.ffffff`
// (default, or libpcap tcpdump's -ttt which prints deltas) is not an absolute time and
// gives time null. A line may also sit in a syslog envelope (`… pf: rule …`).
//
// Header: `rule <nr>[.<anchor>.<subnr>]/[<subnr>](<reason>)[:] [<[uid…, pid…]>] <action>
// <in|out> on <iface>:`. rule = `rule 3/(match)` as logged; action pass→allow,
// block→drop, anything else (match, nat, rdr, scrub) → other.
// Packet: `src > dst:` where the port is the last dotted part (`1.2.3.4.5678`,
// `2001:db8::1.53`); then TCP as `Flags [S.]` (new) or `S 1:1(0) … win N` (old),
// `UDP, length n`, `ICMP echo request, …` / `icmp: …`, `ICMP6, …`, or another protocol's
// name. Old tcpdump prints UDP payloads decoded (DNS) without saying UDP: ports without
// TCP flags are read as udp.
// `-v` (libpcap's tcpdump) puts the addresses on a second line, indented:
//   2026-11-20 06:25:01.123456 rule 3/0(match): block in on em0: (tos 0x0, ttl 49, id 1, offset 0, flags [DF], proto TCP (6), length 60)
//       203.0.113.9.40000 > 192.0.2.1.23: Flags [S], cksum 0x1c2d (correct), seq 1, win 1024, length 0
// The header line is held until the next one: an indented line with ` > ` is its second
// line, read joined to it (the event is the header's line; the second is skipped, saying
// so); anything else leaves the header malformed (`next-line`), as it is at the end. One
// line held per input, so memory stays bounded.
import type { Action, Direction, FirewallEvent, IcmpInfo } from '../event.js';
import { addressVersion, isIpv4, isIpv6 } from './address.js';
import { digitsEnd, flagLetterBit, fractionMs, flagNames, portIn, shown, skipSpaces, uintIn } from './fields.js';
import { protoByNumber } from '../util/protocols.js';
import { PayloadReject, type RecordHead } from './netfilter.js';
import { NOT_MINE, type PayloadParser } from './payload.js';
import { PayloadDispatcher } from './payload-dispatch.js';
import { newEnvelope, SyslogEnvelopeReader } from './syslog-envelope.js';
import { HeaderZones } from './header-zones.js';
import { withTimeCarry } from './local-time.js';
import { Clock, digitAt } from './timestamp.js';
import { recordShare, type FormatDefinition, type LineParser, type LineSink, type ParseContext, type ZoneNote } from './types.js';
import { SharedDates } from '../util/shared-date.js';
import { EMPTY_MESSAGE, fixedReason, reason, type LineReason } from './reason.js';

const ID = 'pf';

// The reasons without a value, made once.
const RULE_EXPECTED = fixedReason('expected', 'rule', 'rule N/(reason)');
const RULE_UNCLOSED = fixedReason('unclosed', 'rule', '[');
const ACTION_MISSING = fixedReason('missing', 'action');
const ON_MISSING = fixedReason('missing-token', 'interface', '"on"');
const COLON_MISSING = fixedReason('missing-token', 'interface', '":"');
const NEXT_LINE = fixedReason('next-line', 'addresses');
const ARROW_EXPECTED = fixedReason('expected', 'addresses', '"src > dst:"');
const DST_FAMILY = fixedReason('family-differs', 'dst', 'src');

function bad(reason: LineReason): PayloadReject {
  return new PayloadReject(true, reason);
}

/** Index of `rule ` near the head of s[start, end) (after a tcpdump stamp), or -1. */
export function pfRuleAt(s: string, start: number, end: number): number {
  const r = s.indexOf('rule ', start);
  if (r < 0 || r > start + 40 || r >= end) return -1;
  const open = s.indexOf('(', r);
  return open > r && open < r + 48 && s.indexOf(' on ', open) > 0 ? r : -1;
}

const ACTIONS: Readonly<Record<string, Action>> = Object.assign(Object.create(null) as Record<string, Action>, {
  pass: 'allow',
  block: 'drop',
});

/** tcpdump ICMP texts → [type, code]; first match by prefix wins (longer phrases first). */
const ICMP4_TEXT: ReadonlyArray<readonly [string, number, number | null]> = [
  ['echo request', 8, 0],
  ['echo reply', 0, 0],
  ['time exceeded in-transit', 11, 0],
  ['time exceeded', 11, null],
  ['redirect', 5, null],
  ['router advertisement', 9, 0],
  ['router solicitation', 10, 0],
  ['parameter problem', 12, null],
  ['time stamp request', 13, 0],
  ['time stamp reply', 14, 0],
  ['source quench', 4, 0],
];
const ICMP6_TEXT: ReadonlyArray<readonly [string, number, number | null]> = [
  ['echo request', 128, 0],
  ['echo reply', 129, 0],
  ['router solicitation', 133, 0],
  ['router advertisement', 134, 0],
  ['neighbor solicitation', 135, 0],
  ['neighbor advertisement', 136, 0],
  ['redirect', 137, 0],
  ['packet too big', 2, 0],
  ['time exceeded', 3, null],
  ['parameter problem', 4, null],
  ['destination unreachable', 1, null],
  // tcpdump's words for MLDv2's report (143) start with v1's (131): the longer first.
  ['multicast listener report v2', 143, 0],
  ['multicast listener report', 131, 0],
  ['multicast listener done', 132, 0],
  ['multicast listener query', 130, 0],
];
/** Codes of `… unreachable` texts (ICMPv4 type 3), by a phrase in them. */
const UNREACH_CODES: ReadonlyArray<readonly [string, number]> = [
  [' port ', 3],
  [' protocol ', 2],
  ['need to frag', 4],
  ['admin prohibited', 13],
];
/** Protocol names tcpdump starts other packets with → event proto. */
const OTHER_PROTOS: ReadonlyArray<readonly [string, string]> = [
  ['igmp', 'igmp'], ['IGMP', 'igmp'], ['ESP', 'esp'], ['AH', 'ah'], ['GRE', 'gre'], ['gre', 'gre'], ['PIM', 'pim'], ['pim', 'pim'],
  ['VRRP', 'vrrp'], ['CARP', 'carp'], ['carp', 'carp'], ['OSPF', 'ospf'], ['sctp', 'sctp'], ['SCTP', 'sctp'],
];

class Addr {
  ip = '';
  port = -1;
}

/** `1.2.3.4.5678`, `1.2.3.4`, `2001:db8::1.53`, `2001:db8::1` in s[i, e). */
function address(s: string, i: number, e: number, out: Addr): string {
  out.port = -1;
  // A whole valid address has no port (checked strictly: the lenient shape check would
  // take `2001:db8::1.53` for a damaged IPv6 address).
  if (isIpv4(s, i, e) || isIpv6(s, i, e)) {
    out.ip = s.slice(i, e);
    return '';
  }
  const dot = s.lastIndexOf('.', e - 1);
  if (dot <= i) return shown(s.slice(i, e));
  const port = portIn(s, dot + 1, e);
  if (port < 0 || addressVersion(s, i, dot) === 0) return shown(s.slice(i, e));
  out.ip = s.slice(i, dot);
  out.port = port;
  return '';
}

/** Old tcpdump TCP: a token of flag letters (`S`, `.`, `P.`, `FP`) then a space. */
function oldTcpFlags(s: string, i: number, end: number): number {
  let bits = 0;
  let j = i;
  while (j < end && s.charCodeAt(j) !== 0x20) {
    const b = flagLetterBit(s.charCodeAt(j));
    if (b === 0) return -1;
    bits |= b;
    j++;
  }
  return j > i && j < end ? bits : -1;
}

function icmpFromText(s: string, i: number, end: number, v6: boolean): IcmpInfo {
  let e = s.indexOf(',', i);
  if (e < 0 || e > end) e = end;
  const text = s.slice(i, e);
  if (!v6 && text.includes('unreachable')) {
    let code = text.startsWith('net ') ? 0 : 1;
    for (const [phrase, c] of UNREACH_CODES) {
      if (text.includes(phrase)) {
        code = c;
        break;
      }
    }
    return { type: 3, code, embedded: null };
  }
  for (const [prefix, type, code] of v6 ? ICMP6_TEXT : ICMP4_TEXT) {
    if (text.startsWith(prefix)) return { type, code, embedded: null };
  }
  return { type: null, code: null, embedded: null };
}

const NO_HEAD: RecordHead = { time: null, yearInferred: false, uptime: null, host: null, count: 1, ruleHead: null };

class PfPayload implements PayloadParser {
  readonly format = ID;
  private readonly clock: Clock;
  private readonly srcA = new Addr();
  private readonly dstA = new Addr();
  private readonly dates = new SharedDates();
  /** Set by stamp(): the stamp was an impossible date. */
  private stampError: LineReason | null = null;
  /** Set by stamp(): its time had no zone (BSD, ISO without an offset), read in --tz. */
  private stampZoneless = false;
  private readonly zoneNote: ZoneNote | undefined;

  constructor(
    ctx: ParseContext,
    private readonly file: string,
  ) {
    // The clock notes nothing: a line's start is read as a stamp before it is known to be a
    // record (an sshd line's BSD header), so parse() notes a zone-less stamp an event takes.
    this.zoneNote = ctx.zoneNote;
    this.clock = new Clock({ ...ctx, zoneNote: undefined });
  }

  /**
   * Reads a tcpdump stamp at i: returns where the text after it starts (i when there
   * is none); the time goes to this.t (NaN when not absolute).
   */
  private t = NaN;
  private tInferred = false;
  private stamp(s: string, i: number, end: number): number {
    this.t = NaN;
    this.tInferred = false;
    this.stampError = null;
    this.stampZoneless = false;
    const c = this.clock;
    let p = -1;
    let ms = NaN;
    if (digitAt(s, i) < 0) {
      ms = c.bsd(s, i);
      if (ms === ms) {
        p = c.end;
        this.tInferred = true;
        this.stampZoneless = true;
      } else if (c.error !== null) this.stampError = c.error;
    } else if (s.charCodeAt(i + 4) === 0x2d) {
      // -tttt: the fraction is read by iso() itself.
      ms = c.iso(s, i);
      if (ms === ms) {
        this.t = ms;
        this.stampZoneless = !c.zoned;
        return skipSpaces(s, c.end, end);
      }
      if (c.error !== null) this.stampError = c.error;
    } else if (s.charCodeAt(i + 2) === 0x3a) {
      // HH:MM:SS.ffffff: time of day or a delta, no date.
      p = digitsEnd(s, i + 9, end);
      return skipSpaces(s, p, end);
    } else {
      // -tt: epoch seconds.fraction (9 or 10 digits: 1973-2286, inside util/year-range.ts's range)
      const e = digitsEnd(s, i, end);
      // Older FreeBSD tcpdump's -ttt: the delta in microseconds, six digits (`000145 rule …`), no time.
      if (e - i === 6 && s.charCodeAt(e) === 0x20) return skipSpaces(s, e, end);
      const secs = uintIn(s, i, e);
      if (secs >= 0 && e - i >= 9 && s.charCodeAt(e) === 0x2e) {
        ms = secs * 1000;
        p = e;
      }
    }
    if (p < 0) return i;
    // A fraction after the seconds: milliseconds from its first three digits.
    if (s.charCodeAt(p) === 0x2e) {
      const f = p + 1;
      const fe = digitsEnd(s, f, end);
      ms += fractionMs(s, f, fe);
      p = fe;
    }
    this.t = ms;
    return skipSpaces(s, p, end);
  }

  parse(s: string, start: number, end: number, head: RecordHead, lineNo: number): FirewallEvent | PayloadReject {
    let r0 = this.stamp(s, start, end);
    if (!s.startsWith('rule ', r0)) {
      // Inside syslog the message may still carry the program tag (`pf: `, `pflog0: `)
      // and then tcpdump's own stamp.
      const te = s.indexOf(' ', r0);
      if (te <= r0 || te >= end || s.charCodeAt(te - 1) !== 0x3a || pfRuleAt(s, r0, end) < 0) return NOT_MINE;
      r0 = this.stamp(s, skipSpaces(s, te, end), end);
      // A stamp that fails leaves r0 at its start, before `rule `: the record (pfRuleAt found
      // its header) is malformed by its time, not foreign.
      if (!s.startsWith('rule ', r0)) return this.stampError !== null ? bad(this.stampError) : NOT_MINE;
    }
    if (this.stampError !== null) return bad(this.stampError);
    const time = this.t === this.t ? this.dates.of(this.t) : head.time;
    const yearInferred = this.t === this.t ? this.tInferred : head.yearInferred;

    const open = s.indexOf('(', r0 + 5);
    const close = open < 0 ? -1 : s.indexOf(')', open);
    if (open < 0 || close < 0 || close >= end) return bad(RULE_EXPECTED);
    const rule = s.slice(r0, close + 1);
    let p = close + 1;
    if (s.charCodeAt(p) === 0x3a) p++;
    p = skipSpaces(s, p, end);
    if (s.charCodeAt(p) === 0x5b) {
      // OpenBSD -e may add `[uid 0, pid 1234]`.
      const cb = s.indexOf(']', p);
      if (cb < 0 || cb >= end) return bad(RULE_UNCLOSED);
      p = skipSpaces(s, cb + 1, end);
    }
    const aE = s.indexOf(' ', p);
    if (aE < 0 || aE >= end) return bad(ACTION_MISSING);
    const action = ACTIONS[s.slice(p, aE)] ?? 'other';
    const dS = aE + 1;
    let direction: Direction | null = null;
    if (s.startsWith('in ', dS)) direction = 'in';
    else if (s.startsWith('out ', dS)) direction = 'out';
    const on = s.indexOf(' on ', aE);
    if (on < 0 || on >= end) return bad(ON_MISSING);
    const ifS = on + 4;
    const ifE = s.indexOf(': ', ifS);
    if (ifE < 0 || ifE >= end) {
      // `… on vlan0.810:` ending the line: -v's header, whose packet is on the next line.
      const sp = s.indexOf(' ', ifS);
      if (s.charCodeAt(end - 1) !== 0x3a || end - 1 <= ifS || (sp >= 0 && sp < end)) return bad(COLON_MISSING);
      return bad(NEXT_LINE);
    }
    const iface = s.slice(ifS, ifE);
    p = ifE + 2;
    if (p >= end) return bad(NEXT_LINE);

    let ttl = -1;
    let len = -1;
    if (s.charCodeAt(p) === 0x28) {
      // `(tos 0x0, ttl 64, id 1, offset 0, flags [DF], proto TCP (6), length 60)` (-v)
      let depth = 0;
      let q = p;
      for (; q < end; q++) {
        const c = s.charCodeAt(q);
        if (c === 0x28) depth++;
        else if (c === 0x29 && --depth === 0) break;
      }
      const t = s.indexOf('ttl ', p);
      if (t > 0 && t < q) ttl = uintIn(s, t + 4, digitsEnd(s, t + 4, q));
      const l = s.indexOf('length ', p);
      if (l > 0 && l < q) len = uintIn(s, l + 7, digitsEnd(s, l + 7, q));
      p = skipSpaces(s, q + 1, end);
      if (p >= end) return bad(NEXT_LINE);
    }

    const gt = s.indexOf(' > ', p);
    if (gt < 0 || gt >= end) return bad(ARROW_EXPECTED);
    let dE = s.indexOf(': ', gt + 3);
    if (dE < 0 || dE >= end) {
      dE = end;
      if (s.charCodeAt(dE - 1) === 0x3a) dE--;
    }
    const sa = this.srcA;
    const da = this.dstA;
    let err = address(s, p, gt, sa);
    if (err !== '') return bad(reason('invalid-address', 'src', err));
    err = address(s, gt + 3, dE, da);
    if (err !== '') return bad(reason('invalid-address', 'dst', err));
    const ver = addressVersion(sa.ip, 0, sa.ip.length);
    if (ver === 0 || addressVersion(da.ip, 0, da.ip.length) !== ver) return bad(DST_FAMILY);

    let b = Math.min(end, dE + 2);
    // tcpdump names an IPv6 hop-by-hop options header before the protocol (`HBH ICMP6, multicast
    // listener report v2, …`, MLD reports carry one): the protocol is the word after it.
    if (ver === 6 && s.startsWith('HBH ', b)) b += 4;
    let proto: string;
    let flags: string[] | null = null;
    let window = -1;
    let icmp: IcmpInfo | null = null;
    const hasPorts = sa.port >= 0 && da.port >= 0;
    if (s.startsWith('Flags [', b)) {
      proto = 'tcp';
      const fe = s.indexOf(']', b + 7);
      let bits = 0;
      if (fe > 0 && !s.startsWith('none', b + 7)) for (let k = b + 7; k < fe; k++) bits |= flagLetterBit(s.charCodeAt(k));
      flags = flagNames(bits);
      window = this.win(s, b, end, ', win ');
    } else if (s.startsWith('ICMP6', b) || s.startsWith('icmp6', b)) {
      proto = 'icmpv6';
      icmp = icmpFromText(s, skipSpaces(s, s.charCodeAt(b + 5) === 0x2c || s.charCodeAt(b + 5) === 0x3a ? b + 6 : b + 5, end), end, true);
    } else if (s.startsWith('ICMP ', b) || s.startsWith('icmp: ', b)) {
      proto = 'icmp';
      icmp = icmpFromText(s, skipSpaces(s, b + 5, end), end, false);
    } else if (s.startsWith('UDP', b) || s.startsWith('udp ', b)) {
      proto = 'udp';
    } else if (hasPorts) {
      const bits = oldTcpFlags(s, b, end);
      if (bits >= 0) {
        proto = 'tcp';
        flags = flagNames(bits);
        window = this.win(s, b, end, ' win ');
      } else proto = 'udp';
    } else if (s.startsWith('ip-proto-', b)) {
      const n = uintIn(s, b + 9, digitsEnd(s, b + 9, end));
      proto = n >= 0 && n <= 255 ? protoByNumber(n) : 'other';
    } else {
      proto = 'other';
      for (const [prefix, name] of OTHER_PROTOS) {
        if (s.startsWith(prefix, b)) {
          proto = name;
          break;
        }
      }
    }
    const ported = proto === 'tcp' || proto === 'udp' || proto === 'sctp';
    if (this.stampZoneless && this.t === this.t && this.zoneNote !== undefined) this.zoneNote.zonelessTimes = true;

    return {
      time,
      yearInferred,
      uptime: head.uptime,
      host: head.host,
      format: ID,
      action,
      direction,
      rule,
      inIface: direction === 'out' ? null : iface,
      outIface: direction === 'out' ? iface : null,
      proto,
      ipVersion: ver,
      src: { ip: sa.ip, port: ported && sa.port >= 0 ? sa.port : null },
      dst: { ip: da.ip, port: ported && da.port >= 0 ? da.port : null },
      ttl: ttl >= 0 ? ttl : null,
      len: len >= 0 ? len : null,
      tcpFlags: flags,
      tcpWindow: window >= 0 ? window : null,
      pid: null,
      icmp,
      count: head.count,
      origin: { file: this.file, line: lineNo },
      annotations: [],
    };
  }

  private win(s: string, from: number, end: number, key: string): number {
    const w = s.indexOf(key, from);
    if (w < 0 || w >= end) return -1;
    const v = w + key.length;
    return uintIn(s, v, digitsEnd(s, v, end));
  }
}

export function createPfPayload(ctx: ParseContext): PayloadParser {
  return new PfPayload(ctx, ctx.file);
}

function create(file: ParseContext, sink: LineSink): LineParser {
  // One log order for tcpdump's stamps, the syslog header's and another payload's (cisco-asa).
  const ctx = withTimeCarry(file);
  const own = createPfPayload(ctx);
  let reader: SyslogEnvelopeReader | null = null;
  // A header's zone is judged per line, as every syslog-wrapped format's (header-zones.ts).
  const zones = new HeaderZones(ctx);
  const env = newEnvelope();
  let others: PayloadDispatcher | null = null;
  // tcpdump -v's header line waiting for its second line (see the top).
  let held: string | null = null;
  let heldNo = 0;
  const flush = (): void => {
    if (held !== null) sink.malformed(heldNo, held, NEXT_LINE);
    held = null;
  };
  return {
    line(text: string, lineNo: number): void {
      let end = text.length;
      while (end > 0 && text.charCodeAt(end - 1) <= 0x20) end--;
      if (held !== null) {
        let ws = 0;
        for (let c = text.charCodeAt(0); c === 0x20 || c === 0x09; c = text.charCodeAt(++ws));
        // The second line: indented, an address pair, no header of its own.
        if (ws > 0 && ws < end && text.indexOf(' > ', ws) > 0 && pfRuleAt(text, ws, end) < 0) {
          const head = held;
          held = null;
          const joined = `${head.slice(0, heldEnd(head))} ${text.slice(ws, end)}`;
          const r = own.parse(joined, joined.charCodeAt(0) === 0x20 ? skipSpaces(joined, 0, joined.length) : 0, joined.length, NO_HEAD, heldNo);
          if (r === NOT_MINE) sink.malformed(heldNo, head, NEXT_LINE);
          else if (r instanceof PayloadReject) sink.malformed(heldNo, joined, r.reason);
          else sink.event(r);
          sink.skipped(lineNo, reason('tcpdump-continued', '', String(heldNo)));
          return;
        }
        flush();
      }
      if (end === 0) {
        sink.skipped(lineNo, EMPTY_MESSAGE);
        return;
      }
      // tcpdump text first (the common case); then the same inside a syslog envelope. A
      // delta stamp (`-ttt` of libpcap's tcpdump) may come padded with a blank: ` 00:00:00.013365 rule …`.
      let r = own.parse(text, text.charCodeAt(0) === 0x20 ? skipSpaces(text, 0, end) : 0, end, NO_HEAD, lineNo);
      const bare = r !== NOT_MINE;
      if (r === NOT_MINE) {
        if (reader === null) reader = new SyslogEnvelopeReader(zones.ctx);
        zones.line();
        reader.read(text, env);
        if (env.error !== null) {
          if (pfRuleAt(text, 0, end) >= 0) r = bad(env.error);
        } else if (env.msgStart < env.msgEnd) {
          r = own.parse(text, env.msgStart, env.msgEnd, env, lineNo);
          if (r === NOT_MINE) {
            if (others === null) others = new PayloadDispatcher(ctx, ID);
            r = others.parse(text, env.msgStart, env.msgEnd, env, lineNo) ?? r;
          }
        }
      }
      if (r instanceof PayloadReject) {
        // Bare tcpdump text only: inside syslog each line has its own header, no indent.
        if (r.reason === NEXT_LINE && bare) {
          held = text;
          heldNo = lineNo;
        } else if (r.malformed) sink.malformed(lineNo, text, r.reason);
        else sink.skipped(lineNo, r.reason);
      } else {
        if (!bare) zones.event(r, env);
        sink.event(r);
      }
    },
    end(): void {
      flush();
    },
  };
}

/** End of a held header line without its trailing blanks. */
function heldEnd(s: string): number {
  let e = s.length;
  while (e > 0 && s.charCodeAt(e - 1) <= 0x20) e--;
  return e;
}

/** Sniff-only pattern (compiled once): the pflog header tcpdump prints. */
const HEADER = /\brule [\w.-]*\/\d*\([\w-]+\):? (?:\[[^\]]*\] )?\w+ (?:in|out) on \S+:(?: |\s*$)/;
/** tcpdump -v's second line: indented, `src > dst:`. */
const SECOND_LINE = /^\s+\S+ > \S+:/;

function sniff(lines: readonly string[]): number {
  let records = 0;
  let header = false;
  for (const l of lines) {
    // A second line counts with its header: a -v log is all records.
    const h = HEADER.test(l);
    if (h || (header && SECOND_LINE.test(l))) records++;
    header = h;
  }
  return recordShare(records, lines.length);
}

export const pfFormat: FormatDefinition = {
  id: ID,
  examples: [
    'Feb 13 21:23:55.432918 rule 3/(match) block in on em0: 198.51.100.7.51234 > 192.0.2.10.22: S 123:123(0) win 512',
    '2024-01-05 12:34:56.123456 rule 0/0(match): block in on vtnet0: 203.0.113.9.40000 > 192.0.2.1.23: Flags [S], seq 1, win 1024, length 0',
    'Feb 13 21:24:02.100000 rule 5/(match) pass out on em0: 2001:db8::1.5353 > 2001:db8::2.53: UDP, length 40',
  ],
  sniff,
  create,
};
