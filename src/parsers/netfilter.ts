// The netfilter LOG/NFLOG payload (`<prefix>IN=… OUT=… MAC=… SRC=… DST=… LEN=… PROTO=…`)
// → FirewallEvent. Envelope-agnostic: syslog, journald and vendor wrappers all hand the
// message here with the time/host they read. Fields are found with indexOf from known
// anchors and numbers parsed by hand; nothing builds a map of all key=value pairs.
import { addressVersion } from './address.js';
import { FLAG_ORDER, flagNames, uintIn } from './fields.js';
import { protoByName, protoByNumber } from '../util/protocols.js';
import { flat } from '../util/flat-string.js';
import type { Action, Direction, EmbeddedPacket, FirewallEvent, IcmpInfo } from '../event.js';
import type { RuleFields } from './types.js';
import { fixedReason, NOT_RECORD, reason, type LineReason } from './reason.js';

/** What an envelope knows about a record before its payload is read. */
export interface RecordHead {
  time: Date | null;
  yearInferred: boolean;
  uptime: number | null;
  host: string | null;
  /** >1 for rsyslog's `message repeated N times`. */
  count: number;
  /** Rule text the wrapper carries outside the payload (Proxmox chain), put before the prefix. */
  ruleHead: string | null;
}

/** Why a payload gave no event: not a firewall record (skipped) or a broken one (malformed). */
export class PayloadReject {
  constructor(
    readonly malformed: boolean,
    readonly reason: LineReason,
  ) {}
}

const NOT_FIREWALL = new PayloadReject(false, NOT_RECORD);

/** A record of the payload's own format that cannot be read: malformed, saying why. */
export function malformed(reason: LineReason): PayloadReject {
  return new PayloadReject(true, reason);
}

// The reasons without a value, made once.
const SRC_SPLIT = fixedReason('missing-split', 'SRC');
const PROTO_MISSING = fixedReason('missing', 'PROTO');
const DST_MISSING = fixedReason('missing', 'DST');
const DST_FAMILY = fixedReason('family-differs', 'DST', 'SRC');
const LEN_NAN = fixedReason('not-a-number', 'LEN');
const HOPLIMIT_NAN = fixedReason('not-a-number', 'HOPLIMIT');
const TTL_NAN = fixedReason('not-a-number', 'TTL');
const PROTO_EMPTY = fixedReason('empty', 'PROTO');
const TYPE_NAN = fixedReason('not-a-number', 'TYPE');
const CODE_NAN = fixedReason('not-a-number', 'CODE');
const WINDOW_NAN = fixedReason('not-a-number', 'WINDOW');
const TWO_RECORDS = fixedReason('two-records');
const IN_MISSING = fixedReason('missing', 'IN');
const NOT_IP = new PayloadReject(false, fixedReason('not-ip', '', 'ARP'));

/** Shortens a logged value for an error message. */
function shown(s: string): string {
  return s.length > 60 ? `'${s.slice(0, 57)}...'` : `'${s}'`;
}

// ---------------------------------------------------------------- tables (data, not code)

/** Names as the kernel prints them → event names (saves a toLowerCase per line). */
const PROTO_BY_NAME: Readonly<Record<string, string>> = Object.assign(Object.create(null) as Record<string, string>, {
  TCP: 'tcp', UDP: 'udp', ICMP: 'icmp', ICMPv6: 'icmpv6', ICMPV6: 'icmpv6', UDPLITE: 'udplite',
  ESP: 'esp', AH: 'ah', SCTP: 'sctp', DCCP: 'dccp', IGMP: 'igmp', GRE: 'gre',
});

/**
 * Verdict words in log prefixes, matched as whole words (split on anything not A-Z/0-9,
 * case-insensitive). Order is priority: the first entry present in the prefix wins, so
 * `[UFW AUDIT INVALID]` is `other` and `DROP … REJECT` would be a reject.
 */
const VERDICT_WORDS: ReadonlyArray<readonly [string, Action]> = [
  ['AUDIT', 'other'], // ufw logs these for audit; the packet's fate is decided elsewhere
  ['REJECT', 'reject'], ['REJECTED', 'reject'],
  ['DROP', 'drop'], ['DROPPED', 'drop'], ['BLOCK', 'drop'], ['BLOCKED', 'drop'],
  ['DENY', 'drop'], ['DENIED', 'drop'],
  ['ALLOW', 'allow'], ['ALLOWED', 'allow'], ['ACCEPT', 'allow'], ['ACCEPTED', 'allow'],
  ['PERMIT', 'allow'], ['PERMITTED', 'allow'], ['PASS', 'allow'],
];

/**
 * EdgeOS `[RULESET-N-A]` and UniFi `[RULESET-D-N]` tags: a one-letter segment is the verdict.
 * UniFi's `RET` (`[LAN_LOCAL-RET-2147483647]`) is iptables' RETURN: the packet goes back to the
 * chain that jumped here, so the line says no verdict; it is `other`, and the words of the
 * rule's DESCR after the tag ("block …") are not read as one.
 */
const TAG_LETTERS: Readonly<Record<string, Action>> = { A: 'allow', D: 'drop', R: 'reject', RET: 'other' };

/**
 * Prefixes that carry their verdict as a `KEY=VALUE` word (firewalla/firewalla's iptables
 * rules and sensors): its audit log,
 * `[FW_ADT]A=A D=O CD=O` (its ACLAuditLogPlugin reads A=A allow, A=I the isolation rule's
 * drop, A=C a connection note, A=R a route, A=Q QoS; without an A= word the packet was
 * blocked). A value not listed is `other`.
 */
const KEYED_PREFIXES: ReadonlyArray<{ readonly tag: string; readonly key: string; readonly values: Readonly<Record<string, Action>>; readonly absent: Action }> = [
  { tag: '[FW_ADT]', key: 'A=', values: { A: 'allow', I: 'drop', C: 'other', R: 'other', Q: 'other' }, absent: 'drop' },
  // Its alarm log: `[FW_ALM]PID=N` is an alarm rule's LOG, the packet going on to the rules
  // after it (no verdict); `[FW_ALM]SEC=1` is logged by its rate-exceeded chain just before
  // FW_PLAIN_DROP (a TCP reset for TCP, else a drop): blocked.
  { tag: '[FW_ALM]', key: 'SEC=', values: { 1: 'drop' }, absent: 'other' },
];

/**
 * The two tag layouts whole, for ECS: EdgeOS `[RULESET-N-A]`, N the rule's number or
 * `default` (the ruleset's default action), and UniFi `[RULESET-A-N]`, newer firmware
 * adding ` DESCR="…"`, the rule's description. The ruleset may hold hyphens itself.
 */
const VERDICT_LETTER = `(?:${Object.keys(TAG_LETTERS).join('|')})`;
const EDGEOS_TAG = new RegExp(String.raw`^\[(.+)-(\d+|default)-${VERDICT_LETTER}\]$`);
const UNIFI_TAG = new RegExp(String.raw`^\[(.+)-${VERDICT_LETTER}-(\d+)\](?: DESCR="(.*)")?$`);

/**
 * OpenWrt's zone prefixes: fw4 (nftables) `<verdict> <zone> <chain>: `, fw3 (iptables)
 * `<VERDICT>(<src|dest> <zone>)`. The word after the zone, or before it, says which side
 * of the router the zone is: traffic of a zone's `in` and `forward` chains (fw3's `src`)
 * came from it, of its `out` chain (fw3's `dest`) goes to it.
 */
const OPENWRT_ZONE_PREFIXES: ReadonlyArray<{ pattern: RegExp; zone: number; side: number; sides: Readonly<Record<string, 'ingress' | 'egress'>> }> = [
  { pattern: /^(?:accept|drop|reject) ([A-Za-z0-9_]+) (in|out|forward):$/, zone: 1, side: 2, sides: { in: 'ingress', forward: 'ingress', out: 'egress' } },
  { pattern: /^(?:ACCEPT|DROP|REJECT)\((src|dest) ([A-Za-z0-9_]+)\)$/, zone: 2, side: 1, sides: { src: 'ingress', dest: 'egress' } },
];

/** An OpenWrt zone prefix's zone, on its side; null for any other prefix. */
function openwrtZone(rule: string): RuleFields | null {
  for (const p of OPENWRT_ZONE_PREFIXES) {
    const m = p.pattern.exec(rule);
    if (m === null) continue;
    const zone = m[p.zone]!;
    return p.sides[m[p.side]!] === 'ingress' ? { name: rule, ingressZone: zone } : { name: rule, egressZone: zone };
  }
  return null;
}

/**
 * A netfilter prefix in ECS terms. An EdgeOS or UniFi tag is split as Elastic's iptables
 * integration splits the EdgeOS one: the ruleset is rule.name, the number rule.id, and a
 * zone policy's ruleset, named FROM-TO, gives the zones (`[LAN-WAN-10-A]`); the verdict
 * letter is event.action already. An OpenWrt zone prefix (`drop wan in:`, `DROP(src wan)`)
 * names the rule as logged and gives its zone. Any other prefix names the rule as logged.
 */
export function netfilterRuleFields(rule: string): RuleFields {
  const edge = EDGEOS_TAG.exec(rule);
  const unifi = edge === null ? UNIFI_TAG.exec(rule) : null;
  const m = edge ?? unifi;
  if (m === null) return openwrtZone(rule) ?? { name: rule };
  const ruleset = m[1]!;
  const fields: RuleFields = { name: ruleset, id: m[2]! };
  if (unifi !== null && unifi[3] !== undefined && unifi[3] !== '') fields.description = unifi[3];
  const zones = ruleset.split('-');
  if (zones.length === 2 && zones[0] !== '' && zones[1] !== '') {
    fields.ingressZone = zones[0];
    fields.egressZone = zones[1];
  }
  return fields;
}

const WORD_SPLIT = /[^A-Z0-9]+/;
const ACTION_CACHE_MAX = 4096;
const actionCache = new Map<string, Action>();

/** Action implied by a rule/prefix text; prefixes repeat, so results are cached. */
export function actionOf(rule: string | null): Action {
  if (rule === null) return 'other';
  let a = actionCache.get(rule);
  if (a === undefined) {
    a = deriveAction(rule);
    if (actionCache.size >= ACTION_CACHE_MAX) actionCache.clear();
    actionCache.set(rule, a);
  }
  return a;
}

/** A keyed prefix's verdict (KEYED_PREFIXES), or null when the rule is none of them. */
function keyedAction(rule: string): Action | null {
  for (const k of KEYED_PREFIXES) {
    if (!rule.startsWith(k.tag)) continue;
    for (const word of rule.slice(k.tag.length).split(' ')) {
      if (word.startsWith(k.key)) return k.values[word.slice(k.key.length)] ?? 'other';
    }
    return k.absent;
  }
  return null;
}

function deriveAction(rule: string): Action {
  const keyed = keyedAction(rule);
  if (keyed !== null) return keyed;
  if (rule.charCodeAt(0) === 0x5b) {
    const close = rule.indexOf(']');
    if (close > 0) {
      const segs = rule.slice(1, close).split('-');
      for (let i = 1; i < segs.length; i++) {
        const t = TAG_LETTERS[segs[i]!];
        if (t !== undefined) return t;
      }
    }
  }
  const words = new Set(rule.toUpperCase().split(WORD_SPLIT));
  for (const [word, action] of VERDICT_WORDS) if (words.has(word)) return action;
  return 'other';
}

// ---------------------------------------------------------------- scanning helpers

/**
 * A log repeats a handful of prefixes. Handing out the same string object for the same
 * text spares an allocation per line and lets every later stage (action cache, per-source
 * rule counts, the NDJSON encoder) compare by pointer and hash once.
 */
const RECENT_RULES = 16;
const recentRules: string[] = [];
let nextRule = 0;

function ruleText(s: string, a: number, b: number): string {
  const n = b - a;
  for (let i = 0; i < recentRules.length; i++) {
    const r = recentRules[i];
    if (r.length === n && s.startsWith(r, a)) return r;
  }
  // Flat: a kept substring would pin its whole input chunk.
  const r = flat(s.slice(a, b));
  if (recentRules.length < RECENT_RULES) recentRules.push(r);
  else recentRules[nextRule] = r;
  nextRule = (nextRule + 1) % RECENT_RULES;
  return r;
}

function isWordChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
}

/**
 * Index of the value of `key` (which ends in '=') in s[from, to), or -1. The key must
 * not be the tail of a longer word, so `IN=` does not match inside `PHYSIN=` while it
 * still matches glued prefixes like `…DROP:IN=` or `[WAN_OUT-2000-A]IN=`.
 */
export function findKey(s: string, key: string, from: number, to: number): number {
  let i = s.indexOf(key, from);
  while (i !== -1 && i + key.length <= to) {
    if (i === 0 || !isWordChar(s.charCodeAt(i - 1))) return i + key.length;
    i = s.indexOf(key, i + 1);
  }
  return -1;
}

/** End of the value starting at i: the next space, or `to`. The envelope trims trailing whitespace (CR included). */
function valueEnd(s: string, i: number, to: number): number {
  const sp = s.indexOf(' ', i);
  return sp < 0 || sp > to ? to : sp;
}

/**
 * A protocol name (`other` for a word no table names: util/protocols.ts), or null for a
 * number that is not one (IP protocol numbers are 0-255).
 */
function normalizeProto(raw: string): string | null {
  const named = PROTO_BY_NAME[raw];
  if (named !== undefined) return named;
  const c = raw.charCodeAt(0);
  if (c < 0x30 || c > 0x39) return protoByName(raw);
  const n = raw.length <= 3 ? uintIn(raw, 0, raw.length) : -1;
  // A number netfilter prints instead of a name: the one table every format shares.
  return n >= 0 && n <= 255 ? protoByNumber(n) : null;
}

/** The flag token at s[i, i+3) as its index in FLAG_ORDER (the kernel's order), or -1. */
function tcpFlagAt(s: string, i: number): number {
  const a = s.charCodeAt(i);
  const b = s.charCodeAt(i + 1);
  const c = s.charCodeAt(i + 2);
  switch (a) {
    case 0x43: return b === 0x57 && c === 0x52 ? 0 : -1; // CWR
    case 0x45: return b === 0x43 && c === 0x45 ? 1 : -1; // ECE
    case 0x55: return b === 0x52 && c === 0x47 ? 2 : -1; // URG
    case 0x41: return b === 0x43 && c === 0x4b ? 3 : -1; // ACK
    case 0x50: return b === 0x53 && c === 0x48 ? 4 : -1; // PSH
    case 0x52: return b === 0x53 && c === 0x54 ? 5 : -1; // RST
    case 0x53: return b === 0x59 && c === 0x4e ? 6 : -1; // SYN
    case 0x46: return b === 0x49 && c === 0x4e ? 7 : -1; // FIN
    default: return -1;
  }
}

/**
 * Bare flag tokens in s[from, to), in logged order (`ACK=123` is a field, not the flag).
 * The kernel prints them between RES= and URGP=, so the scan stops at URGP=; `from` is
 * just after WINDOW='s value when there is one, which leaves only a few tokens to look at.
 */
function tcpFlags(s: string, from: number, to: number): string[] {
  // In the kernel's order, as the kernel writes them, the flags are a bit mask and come out
  // as an exact-size array; a list grown by push reserves ~17 slots, per TCP line.
  let mask = 0;
  let last = -1;
  let flags: string[] | null = null;
  let i = from;
  while (i < to) {
    while (i < to && s.charCodeAt(i) <= 0x20) i++;
    const j = valueEnd(s, i, to);
    if (j - i === 3) {
      const f = tcpFlagAt(s, i);
      if (f >= 0 && flags === null && f > last) {
        mask |= 1 << f;
        last = f;
      } else if (f >= 0) {
        // Out of order or repeated (not the kernel's writing): kept as logged.
        flags ??= flagNames(mask);
        flags.push(FLAG_ORDER[f]);
      }
    } else if (j - i > 5 && s.charCodeAt(i) === 0x55 && s.startsWith('URGP=', i)) {
      break;
    }
    i = j;
  }
  return flags ?? flagNames(mask);
}

/** Reads a port value; returns -1 when absent, -2 when present but not 0-65535. */
function portAt(s: string, key: string, from: number, to: number): number {
  const v = findKey(s, key, from, to);
  if (v < 0) return -1;
  const n = uintIn(s, v, valueEnd(s, v, to));
  return n >= 0 && n <= 65535 ? n : -2;
}

/** Reads a numeric field; -1 absent, -2 not a number. */
function uintAt(s: string, key: string, from: number, to: number): number {
  const v = findKey(s, key, from, to);
  if (v < 0) return -1;
  const n = uintIn(s, v, valueEnd(s, v, to));
  return n >= 0 ? n : -2;
}

function valueText(s: string, key: string, from: number, to: number): string {
  const v = findKey(s, key, from, to);
  return v < 0 ? '' : s.slice(v, valueEnd(s, v, to));
}

/** The packet an ICMP error quotes, `[SRC=… DST=… … ]` starting at `open` (the '['). */
function embeddedPacket(s: string, open: number, end: number): EmbeddedPacket {
  let close = s.indexOf(']', open);
  if (close < 0 || close > end) close = end;
  const from = open + 1;
  const sv = findKey(s, 'SRC=', from, close);
  const dv = findKey(s, 'DST=', from, close);
  const pv = findKey(s, 'PROTO=', from, close);
  let srcIp: string | null = null;
  let dstIp: string | null = null;
  if (sv >= 0) {
    const e = valueEnd(s, sv, close);
    if (addressVersion(s, sv, e) !== 0) srcIp = s.slice(sv, e);
  }
  if (dv >= 0) {
    const e = valueEnd(s, dv, close);
    if (addressVersion(s, dv, e) !== 0) dstIp = s.slice(dv, e);
  }
  const proto = pv >= 0 && valueEnd(s, pv, close) > pv ? normalizeProto(s.slice(pv, valueEnd(s, pv, close))) : null;
  const sp = pv >= 0 ? portAt(s, 'SPT=', pv, close) : -1;
  const dp = pv >= 0 ? portAt(s, 'DPT=', pv, close) : -1;
  return {
    src: { ip: srcIp, port: sp >= 0 ? sp : null },
    dst: { ip: dstIp, port: dp >= 0 ? dp : null },
    proto,
  };
}

/**
 * Between the end of SRC='s value and PROTO= the kernel writes at most ~90 characters
 * (`DST=` an IPv6 address, `LEN= TC= HOPLIMIT= FLOWLBL=`; IPv4's `TOS= PREC= TTL= ID= CE
 * DF MF FRAG:`), more only with IP options (`OPT (…)`, rare); a longer stretch is looked
 * through for another record's start. A first record cut before PROTO= and glued to the
 * next puts the next one's envelope and IN=/OUT= there too: well over this.
 */
const SRC_TO_PROTO_MAX = 96;

/**
 * Whether another record's `SRC=` follows this one's: two records written without a line
 * break between them (a writer that lost one, a copy and paste), of which only the first
 * was read and the second lost without a count. Looked for after PROTO=, from `protoEnd`
 * (the rest of the line, ~25-100 characters), and between SRC= and PROTO= only when that
 * stretch is longer than the kernel writes (a first record cut before its PROTO=, whose
 * fields would otherwise mix with the second's): scanning it on every line cost ~4 % of
 * the parse. `limit` is the first '[' after PROTO=: the `SRC=` of an ICMP error's quoted
 * packet there is this record's own, and its `]` ends it (`INCOMPLETE [n bytes]` inside
 * it closes first, and leaves nothing but ` ]` to look at).
 */
function secondRecord(s: string, srcEnd: number, protoV: number, protoEnd: number, limit: number, end: number): boolean {
  if (protoV - srcEnd > SRC_TO_PROTO_MAX && findKey(s, 'SRC=', srcEnd, protoV) >= 0) return true;
  // Most lines: one search that finds nothing (an ICMP error's quoted SRC= aside).
  const next = s.indexOf('SRC=', protoEnd);
  if (next < 0 || next >= end) return false;
  if (next < limit && findKey(s, 'SRC=', next, limit) >= 0) return true;
  if (limit >= end) return false;
  const close = s.indexOf(']', limit);
  return close >= 0 && close < end && findKey(s, 'SRC=', close + 1, end) >= 0;
}

/** The protocols whose header netfilter prints as `SPT=n DPT=n` (or `INCOMPLETE [n bytes]`). */
const PORT_PROTOCOLS: ReadonlySet<string> = new Set(['tcp', 'udp', 'udplite']);
const TRUNCATED = fixedReason('cut-before', '', 'DPT=');

/**
 * A TCP/UDP record without DPT= whose line ends where its ports should be: `SPT=1 DP`,
 * `SPT=1`, `PROTO=TCP SP`. The kernel writes `SPT=%u DPT=%u` as one, so an SPT without
 * its DPT was cut; no ports at all is a fragment (`FRAG:` before PROTO=) or `INCOMPLETE
 * [n bytes]` (then `limit` < `end`), else cut too. Syslog daemons cut lines at 1-2 KiB, and
 * read whole these were events with no destination port.
 */
function cutBeforePorts(s: string, spt: number, dstEnd: number, protoV: number, protoEnd: number, limit: number, end: number): boolean {
  if (spt >= 0) return true;
  if (limit < end || s.lastIndexOf('FRAG:', protoV) > dstEnd) return false;
  let i = protoEnd;
  while (i < end && s.charCodeAt(i) <= 0x20) i++;
  return end - i < 4 && 'SPT='.startsWith(s.slice(i, end));
}

/**
 * `IN=` glued to a prefix that ends in a letter or digit (`--log-prefix "FORWARD"`, no
 * space: `FORWARDIN=br0 OUT=ppp0`), which findKey passes over as the tail of a word. The
 * kernel writes `IN=%s OUT=%s` as one, so an `IN=` whose value ends one space before
 * `OUT=` is the field. Looked for only when no `IN=` was found, never on the common path.
 */
function gluedIn(s: string, start: number, outV: number): number {
  const i = s.lastIndexOf('IN=', outV - 4);
  if (i < start) return -1;
  const sp = s.indexOf(' ', i);
  return sp === outV - 5 ? i + 3 : -1;
}

/**
 * An ARP packet logged by an `arp`/bridge family rule or nftables with `flags ether`:
 * `MACPROTO=0806 ARP HTYPE=1 PTYPE=0x0800 OPCODE=2 … IPSRC= … IPDST=`. A record, but of
 * no IP packet: logscan reads IP, so it is skipped, saying so.
 */
function arpRecord(s: string, start: number, end: number): boolean {
  const i = findKey(s, 'OPCODE=', start, end);
  return i >= 0 && findKey(s, 'IPSRC=', i, end) >= 0;
}

// ---------------------------------------------------------------- the payload

/**
 * Parses the netfilter payload in `s[start, end)` into an event, or says why not.
 * `head` comes from the envelope; `format`/`file`/`lineNo` fill `format` and `origin`.
 */
export function parseNetfilterPayload(
  s: string,
  start: number,
  end: number,
  head: RecordHead,
  format: string,
  file: string,
  lineNo: number,
): FirewallEvent | PayloadReject {
  const srcV = findKey(s, 'SRC=', start, end);
  if (srcV < 0) {
    // MACPROTO= and VPROTO= (nftables' `flags ether`) are not the IP header's PROTO=.
    const p = findKey(s, 'PROTO=', start, end);
    if (p >= 0) return malformed(SRC_SPLIT);
    return arpRecord(s, start, end) ? NOT_IP : NOT_FIREWALL;
  }
  const outV = findKey(s, 'OUT=', start, srcV);
  let inV = findKey(s, 'IN=', start, srcV);
  if (inV < 0 && outV >= 0) inV = gluedIn(s, start, outV);
  const protoV = findKey(s, 'PROTO=', srcV, end);
  if (protoV < 0) return inV >= 0 || outV >= 0 ? malformed(PROTO_MISSING) : NOT_FIREWALL;

  // The prefix ends where the first header field starts.
  let prefixEnd: number;
  if (inV >= 0) prefixEnd = inV - 3;
  else {
    prefixEnd = outV >= 0 ? outV - 4 : srcV - 4;
    // Proxmox OUT-only chains omit IN=; anything else with a key in its place is broken.
    const eq = s.indexOf('=', start);
    if (outV < 0 || (eq >= 0 && eq < prefixEnd)) {
      const b = s.lastIndexOf(' ', eq) + 1;
      return malformed(eq >= 0 && eq < prefixEnd ? reason('missing-found', 'IN', shown(s.slice(Math.max(b, start), valueEnd(s, eq, end)))) : IN_MISSING);
    }
  }
  let a = start;
  let b = prefixEnd;
  while (a < b && s.charCodeAt(a) <= 0x20) a++;
  while (b > a && s.charCodeAt(b - 1) <= 0x20) b--;
  let rule: string | null = a < b ? ruleText(s, a, b) : null;
  if (head.ruleHead !== null) rule = rule === null ? head.ruleHead : `${head.ruleHead} ${rule}`;

  let inIface: string | null = null;
  if (inV >= 0) {
    const e = valueEnd(s, inV, srcV);
    if (e > inV) inIface = s.slice(inV, e);
  }
  let outIface: string | null = null;
  if (outV >= 0) {
    const e = valueEnd(s, outV, srcV);
    if (e > outV) outIface = s.slice(outV, e);
  }

  const srcEnd = valueEnd(s, srcV, end);
  const ipVersion = addressVersion(s, srcV, srcEnd);
  if (ipVersion === 0) return malformed(reason('invalid-address', 'SRC', shown(s.slice(srcV, srcEnd))));
  const dstV = findKey(s, 'DST=', srcEnd, protoV);
  if (dstV < 0) return malformed(DST_MISSING);
  const dstEnd = valueEnd(s, dstV, end);
  const dstVersion = addressVersion(s, dstV, dstEnd);
  if (dstVersion === 0) return malformed(reason('invalid-address', 'DST', shown(s.slice(dstV, dstEnd))));
  if (dstVersion !== ipVersion) return malformed(DST_FAMILY);

  const len = uintAt(s, 'LEN=', dstEnd, protoV);
  if (len === -2) return malformed(LEN_NAN);
  const ttl = uintAt(s, ipVersion === 6 ? 'HOPLIMIT=' : 'TTL=', dstEnd, protoV);
  if (ttl === -2) return malformed(ipVersion === 6 ? HOPLIMIT_NAN : TTL_NAN);

  const protoEnd = valueEnd(s, protoV, end);
  if (protoEnd === protoV) return malformed(PROTO_EMPTY);
  const proto = normalizeProto(s.slice(protoV, protoEnd));
  if (proto === null) return malformed(reason('not-a-protocol', 'PROTO', shown(s.slice(protoV, protoEnd))));

  // Outer fields stop at the first '[': an ICMP error's quoted packet or `INCOMPLETE [n bytes]`.
  let limit = s.indexOf('[', protoEnd);
  if (limit < 0 || limit > end) limit = end;

  let spt = -1;
  let dpt = -1;
  let flags: string[] | null = null;
  let window = -1;
  let icmp: IcmpInfo | null = null;
  if (proto === 'icmp' || proto === 'icmpv6') {
    const type = uintAt(s, 'TYPE=', protoEnd, limit);
    if (type === -2) return malformed(TYPE_NAN);
    const code = uintAt(s, 'CODE=', protoEnd, limit);
    if (code === -2) return malformed(CODE_NAN);
    const quoted = limit < end && s.startsWith('SRC=', limit + 1) ? embeddedPacket(s, limit, end) : null;
    icmp = { type: type >= 0 ? type : null, code: code >= 0 ? code : null, embedded: quoted };
  } else {
    spt = portAt(s, 'SPT=', protoEnd, limit);
    if (spt === -2) return malformed(reason('invalid-port', 'SPT', shown(valueText(s, 'SPT=', protoEnd, limit))));
    dpt = portAt(s, 'DPT=', protoEnd, limit);
    if (dpt === -2) return malformed(reason('invalid-port', 'DPT', shown(valueText(s, 'DPT=', protoEnd, limit))));
    if (dpt === -1 && PORT_PROTOCOLS.has(proto) && cutBeforePorts(s, spt, dstEnd, protoV, protoEnd, limit, end)) return malformed(TRUNCATED);
    if (proto === 'tcp') {
      const wv = findKey(s, 'WINDOW=', protoEnd, limit);
      let flagsFrom = protoEnd;
      if (wv >= 0) {
        flagsFrom = valueEnd(s, wv, limit);
        window = uintIn(s, wv, flagsFrom);
        if (window < 0) return malformed(WINDOW_NAN);
      }
      flags = tcpFlags(s, flagsFrom, limit);
    }
  }

  if (secondRecord(s, srcEnd, protoV, protoEnd, limit, end)) return malformed(TWO_RECORDS);

  const direction: Direction | null =
    inIface !== null ? (outIface !== null ? 'forward' : 'in') : outIface !== null ? 'out' : null;

  return {
    time: head.time,
    yearInferred: head.yearInferred,
    uptime: head.uptime,
    host: head.host,
    format,
    action: actionOf(rule),
    direction,
    rule,
    inIface,
    outIface,
    proto,
    ipVersion,
    src: { ip: s.slice(srcV, srcEnd), port: spt >= 0 ? spt : null },
    dst: { ip: s.slice(dstV, dstEnd), port: dpt >= 0 ? dpt : null },
    ttl: ttl >= 0 ? ttl : null,
    len: len >= 0 ? len : null,
    tcpFlags: flags,
    tcpWindow: window >= 0 ? window : null,
    pid: null,
    icmp,
    count: head.count,
    origin: { file, line: lineNo },
    annotations: [],
  };
}
