// pfSense / OPNsense `filterlog`: one CSV row per logged packet, in a BSD syslog or
// RFC 5424 wrapper (read by syslog-envelope.ts):
//
//   Sep 28 10:38:09 pfSense filterlog: 53,,,1000000301,em0,match,block,in,4,0x0,,64,420,0,none,6,tcp,460,10.0.2.2,10.0.2.15,53742,22,420,PA,29633380:29633800,3617062173,65535,,
//   <134>1 2022-09-06T19:00:06+02:00 opnsense filterlog 57126 - [meta sequenceId="1"] 98,,,881d…,re0,match,pass,in,6,0x00,0x0ea87,51,udp,17,73,2008:8a0::1,2c02::1738,6881,51918,73
//
// Field positions (Netgate "Raw Filter Log Format"), 0-based:
//   0 rule number, 1 sub rule, 2 anchor, 3 tracker (number, 32-hex label or UUID),
//   4 real interface, 5 reason, 6 action, 7 direction, 8 IP version, then
//   IPv4: 9 tos, 10 ecn, 11 ttl, 12 id, 13 offset, 14 flags, 15 proto id, 16 proto text,
//         17 length, 18 src, 19 dst
//   IPv6: 9 class, 10 flow label, 11 hop limit, 12 proto text, 13 proto id, 14 length,
//         15 src, 16 dst
//   then by protocol: TCP src port, dst port, data length, flags (S A F R P U E W),
//   seq (or `a:b` range), ack, window, urg, options (`mss;sackOK;TS;nop;wscale`);
//   UDP src port, dst port, data length; ICMP a type word (`request`, `unreachport`, …)
//   and its fields (pfSense), or `datalength=N,TYPE,CODE,ID,SEQ,MTU` with pf.conf's
//   keywords (OPNsense, ICMPv6 too: pf-icmp-keywords.ts); anything else free text
//   (`datalength=8`, CARP fields).
//
// Event mapping: action block→drop, pass→allow, reject→reject, else other; direction
// in/out, the interface goes to inIface or outIface accordingly; rule is
// `<rule>[.<sub rule>][@<anchor>]/<tracker> <interface> <reason>` (e.g.
// `53/1000000301 em0 match`), or without `/<tracker>` when the tracker is empty. In ECS
// (filterlogRuleFields) the tracker is rule.id and the reason event.reason.
//
// Hot path: commas found with indexOf into a reused offset array (no split), numbers
// read by hand, the protocol taken from its number for tcp/udp/icmp, rule labels cached.
import type { Action, Direction, EmbeddedPacket, FirewallEvent, IcmpInfo } from '../event.js';
import { addressVersion } from './address.js';
import { flagLetterBit, flagNames, portIn, shown, uintIn } from './fields.js';
import { protoByName, protoByNumber } from '../util/protocols.js';
import { PayloadReject, type RecordHead } from './netfilter.js';
import { pfIcmpKeywords } from './pf-icmp-keywords.js';
import { NOT_MINE, type PayloadParser } from './payload.js';
import { syslogPayloadFormat } from './payload-dispatch.js';
import { fixedReason, reason, type LineReason } from './reason.js';
import { recordShare, type FormatDefinition, type ParseContext, type RuleFields } from './types.js';

const ID = 'pfsense-filterlog';

/** More fields than any layout has; an ICMP description with commas ends in the last one. */
const MAX_FIELDS = 40;
const RULE_CACHE_MAX = 4096;

/** ICMP type words filterlog prints (pfSense filterlog.c) → [type, code]; code null when the word spans codes. */
const ICMP_WORDS: Readonly<Record<string, readonly [number, number | null]>> = Object.assign(
  Object.create(null) as Record<string, readonly [number, number | null]>,
  {
    reply: [0, 0],
    unreachproto: [3, 2],
    unreachport: [3, 3],
    unreach: [3, null],
    needfrag: [3, 4],
    redirect: [5, null],
    request: [8, 0],
    timexceed: [11, null],
    timeexceed: [11, null],
    paramprob: [12, null],
    tstamp: [13, 0],
    tstampreply: [14, 0],
    maskreq: [17, 0],
    maskreply: [18, 0],
  },
);

const NOT_CSV = fixedReason('not-filterlog-csv');
const DST_FAMILY = fixedReason('family-differs', 'dst', 'src');
const PROTO_NEITHER = fixedReason('neither-id-nor-text', 'proto');

function bad(reason: LineReason): PayloadReject {
  return new PayloadReject(true, reason);
}

/** True when the line's envelope (or the message head) names the filterlog program. */
export function filterlogTagged(s: string, start: number): boolean {
  // Backwards from the message start: only the envelope is scanned (a few dozen chars).
  return s.lastIndexOf('filterlog', start) >= 0;
}

class FilterlogPayload implements PayloadParser {
  readonly format = ID;
  /** starts[k] = index of field k; field k ends at starts[k + 1] - 1. */
  private readonly starts = new Int32Array(MAX_FIELDS + 2);
  private readonly rules = new Map<string, string>();

  constructor(private readonly file: string) {}

  parse(s: string, start: number, end: number, head: RecordHead, lineNo: number): FirewallEvent | PayloadReject {
    let p = start;
    // BSD wrapper without a pid: the envelope leaves `filterlog:` in the message.
    if (s.charCodeAt(p) === 0x66 && s.startsWith('filterlog', p)) {
      const colon = s.indexOf(':', p + 9);
      if (colon < 0 || colon > p + 20) return NOT_MINE;
      p = colon + 1;
      while (p < end && s.charCodeAt(p) === 0x20) p++;
    }
    const st = this.starts;
    st[0] = p;
    let n = 1;
    let i = p;
    while (n < MAX_FIELDS) {
      const c = s.indexOf(',', i);
      if (c < 0 || c >= end) break;
      i = c + 1;
      st[n++] = i;
    }
    st[n] = end + 1;
    // n = number of fields. The header is fixed: decide "mine or not" on it.
    if (n < 9 || !this.headerShaped(s)) {
      return filterlogTagged(s, p) ? bad(n < 9 ? reason('too-few-fields', '', String(n)) : NOT_CSV) : NOT_MINE;
    }

    const v6 = s.charCodeAt(st[8]!) === 0x36;
    // Per-version positions of the common IP fields.
    const ttlF = 11;
    const idF = v6 ? 13 : 15;
    const textF = v6 ? 12 : 16;
    const lenF = v6 ? 14 : 17;
    const srcF = v6 ? 15 : 18;
    const data = srcF + 2;
    if (n < data) return bad({ code: 'fields-for-addresses', field: '', value: String(n), version: v6 ? 6 : 4, need: data });

    const srcS = st[srcF]!;
    const srcE = st[srcF + 1]! - 1;
    const dstS = st[srcF + 1]!;
    const dstE = st[srcF + 2]! - 1;
    const ver = addressVersion(s, srcS, srcE);
    if (ver === 0) return bad(reason('invalid-address', 'src', shown(s.slice(srcS, srcE))));
    const dver = addressVersion(s, dstS, dstE);
    if (dver === 0) return bad(reason('invalid-address', 'dst', shown(s.slice(dstS, dstE))));
    if (dver !== ver) return bad(DST_FAMILY);

    // Protocol: the number decides for the common three (no slice); otherwise the
    // text as logged (`carp` is 112, which the number table calls vrrp).
    const protoId = uintIn(s, st[idF]!, st[idF + 1]! - 1);
    let proto: string;
    if (protoId === 6) proto = 'tcp';
    else if (protoId === 17) proto = 'udp';
    else if (protoId === 1) proto = 'icmp';
    else {
      const tS = st[textF]!;
      const tE = st[textF + 1]! - 1;
      if (tE > tS) proto = protoByName(s.slice(tS, tE));
      else if (protoId >= 0) proto = protoByNumber(protoId);
      else return bad(PROTO_NEITHER);
    }

    const ttl = uintIn(s, st[ttlF]!, st[ttlF + 1]! - 1);
    const len = uintIn(s, st[lenF]!, st[lenF + 1]! - 1);

    let sport = -1;
    let dport = -1;
    let flags: string[] | null = null;
    let window = -1;
    let icmp: IcmpInfo | null = null;
    if (proto === 'tcp' || proto === 'udp') {
      if (n < data + 2) return bad(reason('ports-missing', '', proto));
      sport = portIn(s, st[data]!, st[data + 1]! - 1);
      if (sport < 0) return bad(reason('invalid', 'src port', shown(s.slice(st[data]!, st[data + 1]! - 1))));
      dport = portIn(s, st[data + 1]!, st[data + 2]! - 1);
      if (dport < 0) return bad(reason('invalid', 'dst port', shown(s.slice(st[data + 1]!, st[data + 2]! - 1))));
      if (proto === 'tcp' && n > data + 3) {
        let bits = 0;
        for (let k = st[data + 3]!, e = st[data + 4]! - 1; k < e; k++) {
          const b = flagLetterBit(s.charCodeAt(k));
          if (b === 0) return bad(reason('unknown-flag', 'tcp flags', shown(s.slice(st[data + 3]!, e))));
          bits |= b;
        }
        flags = flagNames(bits);
        if (n > data + 6) window = uintIn(s, st[data + 6]!, st[data + 7]! - 1);
      }
    } else if (proto === 'icmp' && n > data) {
      icmp = s.startsWith('datalength=', st[data]!) ? this.icmpKeywords(s, n, data, false) : this.icmp(s, n, data);
    } else if (proto === 'icmpv6') {
      // pfSense's filterlog prints no ICMPv6 details (or words for v4 types only); OPNsense's
      // its pf.conf keywords after datalength=N.
      icmp = n > data && s.startsWith('datalength=', st[data]!) ? this.icmpKeywords(s, n, data, true) : { type: null, code: null, embedded: null };
    }

    const dir = this.direction(s);
    const ifS = st[4]!;
    const ifE = st[5]! - 1;
    const iface = ifE > ifS ? s.slice(ifS, ifE) : null;

    return {
      time: head.time,
      yearInferred: head.yearInferred,
      uptime: head.uptime,
      host: head.host,
      format: ID,
      action: this.action(s),
      direction: dir,
      rule: this.rule(s),
      inIface: dir === 'out' ? null : iface,
      outIface: dir === 'out' ? iface : null,
      proto,
      ipVersion: ver,
      src: { ip: s.slice(srcS, srcE), port: sport >= 0 ? sport : null },
      dst: { ip: s.slice(dstS, dstE), port: dport >= 0 ? dport : null },
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

  /** Direction `in`/`out` (or empty) and IP version 4/6: what makes a row filterlog. */
  private headerShaped(s: string): boolean {
    const st = this.starts;
    const d = st[7]!;
    const dl = st[8]! - 1 - d;
    const dirOk = dl === 0 || (dl === 2 && s.startsWith('in', d)) || (dl === 3 && s.startsWith('out', d));
    const v = st[8]!;
    const c = s.charCodeAt(v);
    return dirOk && st[9]! - 1 === v + 1 && (c === 0x34 || c === 0x36);
  }

  private direction(s: string): Direction | null {
    const d = this.starts[7]!;
    const c = s.charCodeAt(d);
    if (this.starts[8]! - 1 === d) return null;
    return c === 0x69 ? 'in' : 'out';
  }

  private action(s: string): Action {
    const a = this.starts[6]!;
    const l = this.starts[7]! - 1 - a;
    if (l === 5 && s.startsWith('block', a)) return 'drop';
    if (l === 4 && s.startsWith('pass', a)) return 'allow';
    if (l === 6 && s.startsWith('reject', a)) return 'reject';
    return 'other';
  }

  /** `<rule>[.<sub>][@<anchor>]/<tracker> <iface> <reason>`, one string per distinct head. */
  private rule(s: string): string | null {
    const st = this.starts;
    const key = s.slice(st[0]!, st[6]! - 1);
    let r = this.rules.get(key);
    if (r === undefined) {
      const f = key.split(',');
      let head = f[0]!;
      if (f[1] !== '') head += `.${f[1]}`;
      if (f[2] !== '') head += `@${f[2]}`;
      if (f[3] !== '') head += `/${f[3]}`;
      r = [head, f[4], f[5]].filter((x) => x !== '').join(' ');
      if (this.rules.size >= RULE_CACHE_MAX) this.rules.clear();
      this.rules.set(key, r);
    }
    return r === '' ? null : r;
  }

  /**
   * OPNsense's ICMP fields: `datalength=N,TYPE,CODE,ID,SEQ,MTU`, TYPE and CODE pf.conf's
   * keywords (`echoreq,0`, `unreach,port-unr`), `unknown(N)` or a number; `truncated-icmp=N`
   * or `datalength=N` alone (older filterlog) say no type.
   */
  private icmpKeywords(s: string, n: number, data: number, v6: boolean): IcmpInfo {
    const st = this.starts;
    if (n <= data + 1) return { type: null, code: null, embedded: null };
    const kw = pfIcmpKeywords(v6);
    const tS = st[data + 1]!;
    const tE = st[data + 2]! - 1;
    let type = -1;
    if (s.startsWith('unknown(', tS) && s.charCodeAt(tE - 1) === 0x29) type = uintIn(s, tS + 8, tE - 1);
    else if (tE > tS) type = kw.types.get(s.slice(tS, tE)) ?? -1;
    let code = -1;
    if (type >= 0 && n > data + 2) {
      const cS = st[data + 2]!;
      const cE = st[data + 3]! - 1;
      code = uintIn(s, cS, cE);
      if (code < 0 && cE > cS) code = kw.codes.get(s.slice(cS, cE)) ?? -1;
    }
    return { type: type >= 0 && type <= 255 ? type : null, code: code >= 0 && code <= 255 ? code : null, embedded: null };
  }

  /** ICMP: the type word, and for unreachport/unreachproto the quoted packet's destination. */
  private icmp(s: string, n: number, data: number): IcmpInfo {
    const st = this.starts;
    const word = s.slice(st[data]!, st[data + 1]! - 1);
    const t = ICMP_WORDS[word];
    let embedded: EmbeddedPacket | null = null;
    if ((word === 'unreachport' || word === 'unreachproto') && n > data + 2) {
      const aS = st[data + 1]!;
      const aE = st[data + 2]! - 1;
      const pid = uintIn(s, st[data + 2]!, st[data + 3]! - 1);
      const port = word === 'unreachport' && n > data + 3 ? portIn(s, st[data + 3]!, st[data + 4]! - 1) : -1;
      if (addressVersion(s, aS, aE) !== 0) {
        embedded = {
          src: { ip: null, port: null },
          dst: { ip: s.slice(aS, aE), port: port >= 0 ? port : null },
          proto: pid >= 0 ? protoByNumber(pid) : null,
        };
      }
    }
    return { type: t ? t[0] : null, code: t ? t[1] : null, embedded };
  }
}

export function createFilterlogPayload(ctx: Pick<ParseContext, 'file'>): PayloadParser {
  return new FilterlogPayload(ctx.file);
}

/** Sniff-only pattern (compiled once): the CSV head up to the IP version. */
const CSV_HEAD = /(?:^|[\s:\]])\d*,\d*,[^,]*,[^,]*,[^,]+,[a-z-]+,[a-z]+,(?:in|out),[46],/;

function sniff(lines: readonly string[]): number {
  let records = 0;
  for (const l of lines) if (CSV_HEAD.test(l) && (l.includes('filterlog') || /^\d/.test(l))) records++;
  return recordShare(records, lines.length);
}

/**
 * The rule text rule() writes, read back: the anchor (lazy, it may hold `/`), the tracker
 * (digits, 32 hex digits or a UUID), the interface, the reason.
 */
const RULE_TEXT = /^\d+(?:\.\d+)?(?:@(\S+?))?(?:\/([0-9A-Fa-f][0-9A-Fa-f-]*))? \S+ ([a-zA-Z-]+)$/;

/**
 * A filterlog rule text in ECS terms, as Elastic's pfSense integration reads the CSV: the
 * tracker, the id pfSense and OPNsense keep a rule by (what their GUIs look a log line up
 * with), is rule.id; the reason pf logged the packet is event.reason. The rule number is
 * left out as Elastic leaves it: it is the rule's position in the ruleset loaded at the
 * time, which the next reload may give another rule. An anchor is the ruleset the rule is
 * in. filterlog logs no rule name; the interface is observer.*.interface.name already.
 */
function filterlogRuleFields(rule: string): RuleFields {
  const m = RULE_TEXT.exec(rule);
  // A record with an empty interface or reason: the text as logged still names the rule.
  if (m === null) return { name: rule };
  const fields: RuleFields = { reason: m[3]! };
  if (m[2] !== undefined) fields.id = m[2];
  if (m[1] !== undefined) fields.ruleset = m[1];
  return fields;
}

export const filterlogFormat: FormatDefinition = {
  id: ID,
  examples: [
    'Sep 28 10:38:24 pfSense filterlog: 53,,,1000102631,em0,match,block,in,4,0x0,,64,600,0,none,6,tcp,44,10.0.2.2,10.0.2.15,53792,22,0,S,31552001,,65535,,mss',
    '<134>1 2022-09-06T18:37:34+02:00 opnsense filterlog 69805 - [meta sequenceId="2633353"] 10,,,02f4bab031b57d1e30553ce08e0ec131,re0,match,block,in,4,0x0,,118,28579,0,none,17,udp,132,212.102.36.22,37.120.48.198,49838,52938,112',
    '<134>Jul  3 19:10:31 filterlog[72237]: 6,,,1000000105,igb1.27,match,block,in,6,0x00,0xf6279,1,UDP,17,32,fe80::208:9bff:fef3:652b,ff02::1:2,546,547,32',
    '<134>Jul  4 11:10:45 filterlog[72237]: 176,,,1520797901,igb1.10,match,pass,in,4,0x0,,64,62096,0,DF,1,icmp,84,10.100.10.30,142.250.114.105,request,37728,164',
  ],
  sniff,
  create: (ctx, sink) => syslogPayloadFormat(ctx, sink, createFilterlogPayload(ctx), 'filterlog'),
  ruleFields: filterlogRuleFields,
};
