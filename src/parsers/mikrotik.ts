// MikroTik RouterOS firewall log lines (a rule with `log=yes`), as sent to remote
// syslog; the envelope (syslog-envelope.ts) reads the time and the router's address:
//
//   2023-03-18T20:36:59.594792+01:00 10.120.127.1 firewall,info drop-tcp input: in:ether1-WAN out:(unknown 0), connection-state:new src-mac 00:17:10:88:bc:02, proto TCP (SYN), 36.97.161.219:59388->81.82.202.145:23, len 40
//   … forward: in:WAN out:LAN, connection-state:new src-mac e4:41:64:93:a8:0f, proto UDP, [2001:db8:1234::1]:17850->[2001:db8:1234::2]:51413, len 112
//   … forward: in:ether1 out:bridge, proto TCP (ACK,PSH), 10.0.0.5:443->192.168.88.10:51000, NAT (10.0.0.5:443->203.0.113.7:51000)->(10.0.0.5:443->192.168.88.10:51000), len 52
//
// RouterOS's own `/log print` output (a terminal's, or `/log print file=`) has no syslog header:
// each line starts with `HH:MM:SS` (a record of the day it was printed: the file's date, as a
// year-less stamp's year) or `sep/15 12:42:14` (an earlier day, the year inferred).
//
// Layout: [topics] [log-prefix] <chain>: in:<iface> out:<iface>, [fields, ]proto <P>
// [(<tcp flags> | type N, code M)], <src>-><dst>, [NAT …, ]len <n>. `(unknown 0)` (and
// RouterOS 6's `(none)`) is no interface. Addresses: `a.b.c.d:port`, `[v6]:port`, or bare
// addresses (no ports). The first address pair is the packet as the rule saw it; the NAT part (what it was or
// becomes after translation) is not read.
//
// Mapping: rule = prefix and chain as logged (`drop-tcp input`); action from the verdict
// words in the prefix (drop, reject, accept, …; none → other), as for netfilter
// prefixes; direction from the chain (input → in, output → out, forward → forward;
// other chains from the interfaces). In ECS (mikrotikRuleFields) the prefix is rule.name
// and the chain rule.ruleset.
import type { Direction, FirewallEvent, IcmpInfo } from '../event.js';
import { addressVersion } from './address.js';
import { digitsEnd, flagNames, flagWordBit, portIn, shown, skipSpaces, uintIn } from './fields.js';
import { protoByName } from '../util/protocols.js';
import { actionOf, PayloadReject, type RecordHead } from './netfilter.js';
import { NOT_MINE, type PayloadParser } from './payload.js';
import { syslogPayloadFormat } from './payload-dispatch.js';
import { fixedReason, reason, underField, type LineReason } from './reason.js';
import { recordShare, type FormatDefinition, type ParseContext, type RuleFields } from './types.js';
import { Clock } from './timestamp.js';
import { SharedDates } from '../util/shared-date.js';

const ID = 'mikrotik';

// The reasons without a value, made once.
const PROTO_MISSING = fixedReason('missing', 'proto');
const PROTO_EMPTY = fixedReason('empty', 'proto');
const PROTO_UNCLOSED = fixedReason('unclosed', 'proto', '(');
const DST_FAMILY = fixedReason('family-differs', 'dst', 'src');
const CUT = fixedReason('cut-before', '', '", len N"');

function bad(reason: LineReason): PayloadReject {
  return new PayloadReject(true, reason);
}

/** Index of the ` in:` field that follows the chain (`input: in:`), with ` out:` after it, or -1. */
export function mikrotikInAt(s: string, start: number, end: number): number {
  let i = s.indexOf(': in:', start);
  while (i >= 0 && i < end) {
    const o = s.indexOf(' out:', i + 5);
    if (o >= 0 && o < end) return i + 2;
    i = s.indexOf(': in:', i + 1);
  }
  return -1;
}

/** Direction by chain name: the three built-in chains say it; other chains don't. */
const CHAIN_DIRECTION: Readonly<Record<string, Direction>> = Object.assign(Object.create(null) as Record<string, Direction>, {
  input: 'in',
  output: 'out',
  forward: 'forward',
});

class Addr {
  ip = '';
  port = -1;
  /** Why the last address() failed, with no field: the caller names it (src, dst). */
  error: LineReason | null = null;
}

/** `a.b.c.d:port`, `[v6]:port`, `a.b.c.d` or bare IPv6 in s[i, e) → out. */
function address(s: string, i: number, e: number, out: Addr): boolean {
  out.port = -1;
  let a = i;
  let b = e;
  if (s.charCodeAt(i) === 0x5b) {
    const close = s.indexOf(']', i);
    if (close < 0 || close >= e) {
      out.error = { code: 'unclosed-in', field: '', value: shown(s.slice(i, e)), bracket: '[' };
      return false;
    }
    a = i + 1;
    b = close;
    if (close + 1 < e) {
      if (s.charCodeAt(close + 1) !== 0x3a) {
        out.error = { code: 'expected-in', field: '', value: shown(s.slice(i, e)), syntax: ']:port' };
        return false;
      }
      out.port = portIn(s, close + 2, e);
      if (out.port < 0) {
        out.error = reason('invalid-port', '', shown(s.slice(close + 2, e)));
        return false;
      }
    }
  } else {
    // One colon (after a dotted quad) starts a port; more colons are a bare IPv6 address.
    const colon = s.indexOf(':', i);
    if (colon >= 0 && colon < e) {
      const second = s.indexOf(':', colon + 1);
      if (second < 0 || second >= e) {
        b = colon;
        out.port = portIn(s, colon + 1, e);
        if (out.port < 0) {
          out.error = reason('invalid-port', '', shown(s.slice(colon + 1, e)));
          return false;
        }
      }
    }
  }
  if (addressVersion(s, a, b) === 0) {
    out.error = reason('invalid-address', '', shown(s.slice(a, b)));
    return false;
  }
  out.ip = s.slice(a, b);
  return true;
}

/** Value after `in:`/`out:` up to `end`; `(unknown 0)` (RouterOS 7), `(none)` (RouterOS 6) and empty are null. */
function iface(s: string, i: number, e: number): string | null {
  while (e > i && (s.charCodeAt(e - 1) === 0x2c || s.charCodeAt(e - 1) === 0x20)) e--;
  if (e <= i || s.startsWith('(unknown', i) || s.startsWith('(none)', i)) return null;
  return s.slice(i, e);
}

class MikrotikPayload implements PayloadParser {
  readonly format = ID;
  private readonly srcA = new Addr();
  private readonly dstA = new Addr();
  private readonly rules = new Map<string, string>();
  /** For `/log print` stamps, made at the first (a syslog header dates the others' lines). */
  private clock: Clock | null = null;
  private readonly dates = new SharedDates();

  constructor(private readonly ctx: ParseContext) {}

  parse(s: string, start: number, end: number, head: RecordHead, lineNo: number): FirewallEvent | PayloadReject {
    const inAt = mikrotikInAt(s, start, end);
    if (inAt < 0) return NOT_MINE;
    let p = start;
    let time = head.time;
    let yearInferred = head.yearInferred;
    let printStamp = false;
    let timeOnly = false;
    if (time === null) {
      // RouterOS's own `/log print` output has no syslog header but a stamp of its own.
      const c = s.charCodeAt(p);
      if ((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a && s.charCodeAt(p + 3) === 0x2f)) {
        // Its own note, never read: a line that is no event noted nothing (printStamp says it for one that is).
        const clock = (this.clock ??= new Clock({ ...this.ctx, zoneNote: {} }));
        const ms = clock.routerOsPrint(s, p);
        if (ms === ms) {
          time = this.dates.of(ms);
          yearInferred = true;
          printStamp = true;
          timeOnly = clock.dateInferred;
          p = skipSpaces(s, clock.end, end);
        } else if (clock.error !== null) return bad(clock.error);
      }
    }
    // Topics (`firewall,info`) when the syslog sender put them in the message.
    const sp = s.indexOf(' ', p);
    if (sp > p && sp < inAt) {
      const comma = s.indexOf(',', p);
      if (comma > p && comma < sp && s.lastIndexOf(':', sp) < p) p = sp + 1;
    }
    // [prefix] chain ':' — the chain is the last word before `: in:`.
    const headEnd = inAt - 2;
    const chainStart = s.lastIndexOf(' ', headEnd - 1) + 1;
    const chainS = Math.max(chainStart, p);
    const chain = s.slice(chainS, headEnd);
    let rule: string | null = null;
    if (headEnd > p) {
      const key = s.slice(p, headEnd);
      rule = this.rules.get(key) ?? null;
      if (rule === null) {
        rule = key.trim();
        if (this.rules.size >= 4096) this.rules.clear();
        this.rules.set(key, rule);
      }
    }

    const outAt = s.indexOf(' out:', inAt);
    const inIface = iface(s, inAt + 3, outAt);
    // out: value ends at the first ', ' (the value itself may hold a space: `(unknown 0)`).
    let outEnd = s.indexOf(', ', outAt + 5);
    if (outEnd < 0 || outEnd > end) outEnd = end;
    const outIface = iface(s, outAt + 5, outEnd);

    const pr = s.indexOf('proto ', outEnd);
    if (pr < 0 || pr >= end) return bad(PROTO_MISSING);
    const pS = pr + 6;
    let pE = pS;
    while (pE < end && s.charCodeAt(pE) > 0x20 && s.charCodeAt(pE) !== 0x2c) pE++;
    if (pE === pS) return bad(PROTO_EMPTY);
    const proto = protoByName(s.slice(pS, pE));

    let q = skipSpaces(s, pE, end);
    let flags: string[] | null = null;
    let icmp: IcmpInfo | null = null;
    if (s.charCodeAt(q) === 0x28) {
      const close = s.indexOf(')', q);
      if (close < 0 || close >= end) return bad(PROTO_UNCLOSED);
      if (proto === 'tcp') flags = flagNames(tcpFlagList(s, q + 1, close));
      else if (proto === 'icmp' || proto === 'icmpv6') icmp = icmpInfo(s, q + 1, close);
      q = close + 1;
    } else if (proto === 'tcp') {
      flags = [];
    }
    if (icmp === null && (proto === 'icmp' || proto === 'icmpv6')) icmp = { type: null, code: null, embedded: null };
    if (s.charCodeAt(q) === 0x2c) q++;
    q = skipSpaces(s, q, end);

    // src->dst up to the next ', ' (addresses hold no commas).
    let pairEnd = s.indexOf(',', q);
    if (pairEnd < 0 || pairEnd > end) pairEnd = end;
    const arrow = s.indexOf('->', q);
    if (arrow < 0 || arrow >= pairEnd) return bad({ code: 'expected-found', field: 'addresses', value: shown(s.slice(q, pairEnd)), syntax: 'src->dst' });
    const sa = this.srcA;
    const da = this.dstA;
    if (!address(s, q, arrow, sa)) return bad(underField(sa.error!, 'src'));
    if (!address(s, arrow + 2, pairEnd, da)) return bad(underField(da.error!, 'dst'));
    const ver = addressVersion(sa.ip, 0, sa.ip.length);
    if (ver === 0 || addressVersion(da.ip, 0, da.ip.length) !== ver) return bad(DST_FAMILY);

    // RouterOS ends every firewall record with `, len N`: a line without it was cut off,
    // maybe inside the last port (`…:5` of 53), so it is no record to count.
    const l = s.lastIndexOf(', len ', end);
    if (l < pairEnd) return bad(CUT);
    const len = uintIn(s, l + 6, digitsEnd(s, l + 6, end));

    // A /log print stamp has no zone: read in --tz, and said so, now that it is an event's time.
    if (printStamp && this.ctx.zoneNote !== undefined) this.ctx.zoneNote.zonelessTimes = true;
    const dates = this.ctx.dateNote;
    if (timeOnly && dates !== undefined) dates.timeOnly = (dates.timeOnly ?? 0) + 1;
    const direction = CHAIN_DIRECTION[chain] ?? (inIface !== null ? (outIface !== null ? 'forward' : 'in') : outIface !== null ? 'out' : null);
    const hasPorts = proto === 'tcp' || proto === 'udp' || proto === 'sctp' || proto === 'udplite' || proto === 'dccp';
    return {
      time,
      yearInferred,
      uptime: head.uptime,
      host: head.host,
      format: ID,
      action: actionOf(rule),
      direction,
      rule,
      inIface,
      outIface,
      proto,
      ipVersion: ver,
      src: { ip: sa.ip, port: hasPorts && sa.port >= 0 ? sa.port : null },
      dst: { ip: da.ip, port: hasPorts && da.port >= 0 ? da.port : null },
      ttl: null,
      len: len >= 0 ? len : null,
      tcpFlags: flags,
      tcpWindow: null,
      pid: null,
      icmp,
      count: head.count,
      origin: { file: this.ctx.file, line: lineNo },
      annotations: [],
    };
  }
}

/** `SYN`, `ACK,PSH`, `ACK,FIN` (comma-separated words) → flag bits. */
function tcpFlagList(s: string, i: number, e: number): number {
  let bits = 0;
  while (i < e) {
    let j = i;
    while (j < e && s.charCodeAt(j) !== 0x2c) j++;
    let a = i;
    while (a < j && s.charCodeAt(a) === 0x20) a++;
    bits |= flagWordBit(s, a, j);
    i = j + 1;
  }
  return bits;
}

/** `type 8, code 0` → IcmpInfo. */
function icmpInfo(s: string, i: number, e: number): IcmpInfo {
  let type = -1;
  let code = -1;
  const t = s.indexOf('type ', i);
  if (t >= 0 && t < e) type = uintIn(s, t + 5, digitsEnd(s, t + 5, e));
  const c = s.indexOf('code ', i);
  if (c >= 0 && c < e) code = uintIn(s, c + 5, digitsEnd(s, c + 5, e));
  return { type: type >= 0 ? type : null, code: code >= 0 ? code : null, embedded: null };
}

export function createMikrotikPayload(ctx: ParseContext): PayloadParser {
  return new MikrotikPayload(ctx);
}

function sniff(lines: readonly string[]): number {
  let records = 0;
  for (const l of lines) {
    if (mikrotikInAt(l, 0, l.length) >= 0 && l.includes('proto ') && l.includes('->')) records++;
  }
  return recordShare(records, lines.length);
}

/**
 * `[prefix] chain` in ECS terms. The log prefix is what the rule's author named it by
 * (rule.name); the chain is the list of rules it is a member of (input, forward, output
 * or a chain of one's own), ECS's rule.ruleset, not the rule's name. The prefix may hold
 * spaces; the chain, the last word, does not.
 */
function mikrotikRuleFields(rule: string): RuleFields {
  const space = rule.lastIndexOf(' ');
  if (space < 0) return { ruleset: rule };
  const name = rule.slice(0, space).trim();
  return name === '' ? { ruleset: rule.slice(space + 1) } : { name, ruleset: rule.slice(space + 1) };
}

export const mikrotikFormat: FormatDefinition = {
  id: ID,
  examples: [
    '2023-03-18T20:36:59.594792+01:00 10.120.127.1 firewall,info drop-tcp input: in:ether1-WAN out:(unknown 0), connection-state:new src-mac 00:17:10:88:bc:02, proto TCP (SYN), 36.97.161.219:59388->81.82.202.145:23, len 40',
    '2026-05-31T00:00:18.676257+02:00 gw firewall,info forward: in:WAN out:LAN, connection-state:new src-mac e4:41:64:93:a8:0f, proto UDP, [2001:db8:1234::1]:17850->[2001:db8:1234::2]:51413, len 112',
    'Mar 18 20:40:01 192.0.2.1 firewall,info accept forward: in:ether1 out:bridge, proto TCP (ACK,PSH), 198.51.100.5:443->192.168.88.10:51000, NAT (198.51.100.5:443->203.0.113.7:51000)->(198.51.100.5:443->192.168.88.10:51000), len 52',
  ],
  sniff,
  create: (ctx, sink) => syslogPayloadFormat(ctx, sink, createMikrotikPayload(ctx), ' in:'),
  ruleFields: mikrotikRuleFields,
};
