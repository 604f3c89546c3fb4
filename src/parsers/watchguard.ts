// WatchGuard Firebox (Fireware OS) traffic logs, as the Firebox sends them to a syslog
// server: the syslog header (read by the envelope, syslog-envelope.ts), then the device's
// serial number, a FireCluster member, its own ISO stamp in parentheses (each optional, as
// the syslog settings choose), the process's tag and the message id:
//
//   <140>Nov 20 06:25:01 fb-edge 80AB01234567C (2026-11-20T05:25:01) firewall: msg_id="3000-0148" Deny 0-External Firebox 60 tcp 20 51 203.0.113.7 198.51.100.2 41234 23 offset 10 S 1234567 win 1024 (Unhandled External Packet-00)
//
// The traffic fields after the message id, as Fireware's "Read a Log Message" and its Log
// Catalog give them (and Elastic's watchguard_firebox integration reads them): disposition
// (Allow, Deny), source and destination interface, [packet length], protocol, [IP header
// length, TTL], source and destination address, [source and destination port: an ICMP
// record's type and code], [offset N FLAGS SEQ win N], [key="value" … and words, as
// geo_src="USA" or `blocked sites`], and the policy in parentheses at the end.
//
// Only the packet filter's verdicts on a packet are read: the message ids listed in
// signatures/watchguard.json (3000-0148, a packet allowed or denied by a policy; 3000-0173,
// one denied before any policy). The other messages (a connection's end for reports,
// 3000-0151; application control, 3000-0149; IPS, 3000-0150; the proxies' 1AFF/1BFF/… and
// the event, alarm and diagnostic logs of other processes) are skipped, saying the message id
// or the tag.
//
// Mapping. Time: the device's stamp in parentheses, UTC unless it names an offset (Fireware
// writes it in UTC while the header carries the device's local time); without one, the
// header's stamp in --tz. Host: the header's host (the device name), else the serial number.
// Action: Deny → drop, Allow → allow; an allowed 3000-0148 is the packet that opened a
// connection (the Firebox logs a policy's allowed traffic once per connection, not each of
// its packets): a connection record (connection-records.ts). Direction from the interfaces'
// names (their first word after the interface number, `0-External`, `4-Trusted-1`, looked
// up in signatures/watchguard.json): to the Firebox itself → in, from it or from an inside
// interface to an outside one → out, outside → inside or inside → inside → forward; an
// interface the table does not know leaves it null (the report tells it from the
// addresses). Rule: the policy's name, and the words before it when the record has them
// (`Internal Policy [blocked sites]`); in ECS (watchguardRuleFields) rule.name and event.reason.
import type { Action, Direction, FirewallEvent, IcmpInfo } from '../event.js';
import { addressVersion } from './address.js';
import { flagLetterBit, flagNames, portIn, shown, uintIn } from './fields.js';
import { malformed, PayloadReject, type RecordHead } from './netfilter.js';
import { NOT_MINE, type PayloadParser } from './payload.js';
import { syslogPayloadCreate } from './payload-dispatch.js';
import { fixedReason, reason, type LineReason } from './reason.js';
import { readSignatureData } from './signature-data.js';
import { IsoStamps } from './iso-stamp.js';
import { recordShare, type FormatDefinition, type ParseContext, type RuleFields } from './types.js';
import { carriesPorts, protoByName } from '../util/protocols.js';
import { SharedDates } from '../util/shared-date.js';
import { flat } from '../util/flat-string.js';
import { Interner } from '../util/interner.js';

const ID = 'watchguard';
const MSG_ID = 'msg_id="';

type Side = 'inside' | 'outside' | 'device';

interface Knowledge {
  readonly packetMessages: ReadonlySet<string>;
  readonly sides: ReadonlyMap<string, Side>;
}

let knowledge: Knowledge | null = null;

/** signatures/watchguard.json, read when the first WatchGuard record is. */
function known(): Knowledge {
  if (knowledge !== null) return knowledge;
  const doc = readSignatureData('watchguard.json') as { packetMessages?: unknown; interfaceSides?: unknown };
  const ids = typeof doc.packetMessages === 'object' && doc.packetMessages !== null ? Object.keys(doc.packetMessages) : [];
  const sides = new Map<string, Side>();
  if (typeof doc.interfaceSides === 'object' && doc.interfaceSides !== null) {
    for (const [k, v] of Object.entries(doc.interfaceSides as Record<string, unknown>)) {
      if (v === 'inside' || v === 'outside' || v === 'device') sides.set(k.toLowerCase(), v);
    }
  }
  return (knowledge = { packetMessages: new Set(ids), sides });
}

/** The message ids a WatchGuard record is read from (tests). */
export function watchguardPacketMessages(): readonly string[] {
  return [...known().packetMessages];
}

const ACTIONS: Readonly<Record<string, Action>> = Object.assign(Object.create(null) as Record<string, Action>, {
  Allow: 'allow',
  Deny: 'drop',
});

const MISSING_DISPOSITION = fixedReason('missing', 'disposition');
const MISSING_IFACE = fixedReason('missing', 'interface');
const MISSING_PROTO = fixedReason('missing', 'protocol');
const MISSING_SRC = fixedReason('missing', 'src');
const MISSING_DST = fixedReason('missing', 'dst');
const MISSING_DPORT = fixedReason('missing', 'dst port');
const MISSING_POLICY = fixedReason('missing', 'policy');
const DST_FAMILY = fixedReason('family-differs', 'dst', 'src');

function isDigits(t: string | undefined): boolean {
  return t !== undefined && t.length > 0 && uintIn(t, 0, t.length) >= 0;
}

function sideOf(iface: string): Side | undefined {
  // `0-External`, `4-Trusted-1`, `6-Ext-access`, `Firebox`: the word after the number.
  const dash = iface.indexOf('-');
  const rest = dash > 0 && isDigits(iface.slice(0, dash)) ? iface.slice(dash + 1) : iface;
  const end = rest.indexOf('-');
  return known().sides.get((end < 0 ? rest : rest.slice(0, end)).toLowerCase());
}

function directionOf(from: string, to: string): Direction | null {
  const a = sideOf(from);
  const b = sideOf(to);
  if (b === 'device') return 'in';
  if (a === 'device') return 'out';
  if (a === 'inside' && b === 'outside') return 'out';
  if (b === 'inside' && (a === 'outside' || a === 'inside')) return 'forward';
  return null;
}

class WatchguardPayload implements PayloadParser {
  readonly format = ID;
  private readonly dates = new SharedDates();
  private readonly rules = new Interner();
  private lastHost = '';
  /** Fireware writes its own stamp in UTC: one without an offset is UTC, not --tz. */
  private readonly iso = new IsoStamps({ field: 'timestamp', wall: null });
  private timeError: LineReason | null = null;

  constructor(private readonly file: string) {}

  parse(s: string, start: number, end: number, head: RecordHead, lineNo: number): FirewallEvent | PayloadReject {
    const m = watchguardAt(s, start, end);
    if (m < 0) return NOT_MINE;
    const colon = m - 2;
    // The words before the tag: [serial] [member] [(stamp)] tag[pid]
    const lead = s.slice(start, colon).split(' ');
    const tagWord = lead[lead.length - 1]!;
    const bracket = tagWord.indexOf('[');
    const tag = bracket < 0 ? tagWord : tagWord.slice(0, bracket);
    const idStart = m + MSG_ID.length;
    const idEnd = s.indexOf('"', idStart);
    if (idEnd < 0 || idEnd >= end) return NOT_MINE;
    const id = s.slice(idStart, idEnd);
    if (tag !== 'firewall' || !known().packetMessages.has(id)) {
      return new PayloadReject(false, reason('watchguard-not-packet', '', shown(tag === 'firewall' ? id : `${tag} ${id}`)));
    }

    // The policy: the last parenthesis, closing the line.
    let bodyEnd = end;
    while (bodyEnd > idEnd && s.charCodeAt(bodyEnd - 1) === 0x20) bodyEnd--;
    const open = s.lastIndexOf(' (', bodyEnd);
    if (s.charCodeAt(bodyEnd - 1) !== 0x29 || open <= idEnd) return malformed(MISSING_POLICY);
    const policy = s.slice(open + 2, bodyEnd - 1);
    const t = s.slice(idEnd + 2, open).split(' ');
    let i = 0;
    const disposition = t[i++];
    if (disposition === undefined || disposition === '') return malformed(MISSING_DISPOSITION);
    const action = ACTIONS[disposition];
    if (action === undefined) return malformed(reason('unknown', 'disposition', shown(disposition)));
    const inIface = t[i++];
    const outIface = t[i++];
    if (inIface === undefined || outIface === undefined || inIface === '' || outIface === '') return malformed(MISSING_IFACE);
    let len: number | null = null;
    if (isDigits(t[i])) len = Number(t[i++]);
    const protoWord = t[i++];
    if (protoWord === undefined || protoWord === '' || addressVersion(protoWord, 0, protoWord.length) !== 0) return malformed(MISSING_PROTO);
    const proto = protoByName(protoWord);
    let ttl: number | null = null;
    if (isDigits(t[i]) && isDigits(t[i + 1])) {
      ttl = Number(t[i + 1]);
      i += 2;
    }
    const src = t[i++];
    if (src === undefined) return malformed(MISSING_SRC);
    const ver = addressVersion(src, 0, src.length);
    if (ver === 0) return malformed(reason('invalid-address', 'src', shown(src)));
    const dst = t[i++];
    if (dst === undefined) return malformed(MISSING_DST);
    const dver = addressVersion(dst, 0, dst.length);
    if (dver === 0) return malformed(reason('invalid-address', 'dst', shown(dst)));
    if (dver !== ver) return malformed(DST_FAMILY);

    let sport = -1;
    let dport = -1;
    let icmp: IcmpInfo | null = null;
    const isIcmp = proto === 'icmp' || proto === 'icmpv6';
    if (isDigits(t[i]) && isDigits(t[i + 1])) {
      const a = t[i]!;
      const b = t[i + 1]!;
      i += 2;
      if (isIcmp) {
        const type = Number(a);
        const code = Number(b);
        if (type > 255) return malformed(reason('invalid', 'icmp type', shown(a)));
        if (code > 255) return malformed(reason('invalid', 'icmp code', shown(b)));
        icmp = { type, code, embedded: null };
      } else {
        sport = portIn(a, 0, a.length);
        dport = portIn(b, 0, b.length);
        if (sport < 0) return malformed(reason('invalid-port', 'src port', shown(a)));
        if (dport < 0) return malformed(reason('invalid-port', 'dst port', shown(b)));
      }
    } else if (carriesPorts(proto)) return malformed(MISSING_DPORT);

    let tcpFlags: string[] | null = null;
    let tcpWindow: number | null = null;
    // `offset 10 S 1234567 win 1024`: the TCP header's offset, flags, sequence number, window.
    if (t[i] === 'offset' && isDigits(t[i + 1])) {
      let j = i + 2;
      let bits = 0;
      if (t[j] !== undefined && !isDigits(t[j])) {
        const w = t[j]!;
        for (let k = 0; k < w.length; k++) {
          const bit = flagLetterBit(w.charCodeAt(k));
          if (bit === 0) return malformed(reason('unknown-flag', 'tcp flags', shown(w)));
          bits |= bit;
        }
        j++;
      }
      if (proto === 'tcp') tcpFlags = flagNames(bits);
      if (isDigits(t[j])) j++;
      if (t[j] === 'win' && isDigits(t[j + 1])) {
        if (proto === 'tcp') tcpWindow = Number(t[j + 1]);
        j += 2;
      }
      i = j;
    }
    // What is left: key="value" fields (geo_src, app_id, …), passed over, and words
    // (`blocked sites`), which say why the packet was denied.
    let words = '';
    for (; i < t.length; i++) {
      const w = t[i]!;
      if (w === '' || w.includes('=')) continue;
      if (w.startsWith('"') || w.endsWith('"')) continue;
      words = words === '' ? w : `${words} ${w}`;
    }

    let time = head.time;
    let yearInferred = head.yearInferred;
    const stampWord = lead.length > 1 ? lead[lead.length - 2]! : '';
    if (stampWord.startsWith('(')) {
      const ms = this.stampMs(stampWord);
      if (ms !== ms) return malformed(this.timeError!);
      time = this.dates.of(ms);
      yearInferred = false;
    }

    return {
      time,
      yearInferred,
      uptime: head.uptime,
      host: this.host(head.host, lead),
      format: ID,
      action,
      direction: directionOf(inIface, outIface),
      rule: this.rules.of(words === '' ? policy : `${policy} [${words}]`),
      inIface,
      outIface,
      proto,
      ipVersion: ver,
      src: { ip: src, port: sport >= 0 ? sport : null },
      dst: { ip: dst, port: dport >= 0 ? dport : null },
      ttl,
      len,
      tcpFlags,
      tcpWindow,
      pid: null,
      icmp,
      count: head.count,
      origin: { file: this.file, line: lineNo },
      annotations: [],
    };
  }

  /** The header's host; without one, the serial number, the first word before the tag when it is no stamp. */
  private host(header: string | null, lead: readonly string[]): string | null {
    if (header !== null) return header;
    const first = lead.length > 1 ? lead[0]! : '';
    if (first === '' || first.startsWith('(')) return null;
    if (first === this.lastHost) return this.lastHost;
    return (this.lastHost = flat(first));
  }

  /** `(2026-11-20T05:25:01)` as UTC, or with its offset; NaN with timeError set when it is no time. */
  private stampMs(word: string): number {
    const n = word.length;
    if (word.charCodeAt(n - 1) !== 0x29) {
      this.timeError = reason('invalid', 'timestamp', shown(word));
      return NaN;
    }
    // `(2026-11-20T05:25:01)`, with `Z`, `+01:00` or `+0100` allowed after it.
    const ms = this.iso.read(word, 1, n - 1);
    if (ms !== ms) this.timeError = this.iso.error ?? reason('invalid', 'timestamp', shown(word));
    return ms;
  }
}

/**
 * Index of a Fireware message's `msg_id="` in s[start, end), when it follows the process's
 * tag (`firewall: `, `firewall[10]: `) and holds an id of the catalog's shape, NNNN-NNNN in
 * hexadecimal; -1 otherwise. Cheap enough for the dispatcher to ask of every line no other
 * format owns.
 */
export function watchguardAt(s: string, start: number, end: number): number {
  const m = s.indexOf(': msg_id="', start);
  if (m < 0 || m + 20 > end) return -1;
  const a = m + 10;
  for (let k = 0; k < 9; k++) {
    const c = s.charCodeAt(a + k);
    if (k === 4 ? c !== 0x2d : !((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46))) return -1;
  }
  return s.charCodeAt(a + 9) === 0x22 ? m + 2 : -1;
}

export function createWatchguardPayload(ctx: Pick<ParseContext, 'file'>): PayloadParser {
  return new WatchguardPayload(ctx.file);
}

/** Sniff-only pattern: a tag and a message id of the catalog's shape, as every Fireware log line has. */
const RECORD = /[\w)\]]: msg_id="[0-9A-F]{4}-[0-9A-F]{4}"(?:\s|$)/;

function sniff(lines: readonly string[]): number {
  let records = 0;
  for (const l of lines) if (RECORD.test(l)) records++;
  return recordShare(records, lines.length);
}

/** `Internal Policy [blocked sites]`: the policy is rule.name, the words event.reason. */
function watchguardRuleFields(rule: string): RuleFields {
  const m = /^(.*) \[(.+)\]$/.exec(rule);
  return m === null ? { name: rule } : { name: m[1]!, reason: m[2]! };
}

export const watchguardFormat: FormatDefinition = {
  id: ID,
  examples: [
    '<140>Nov 20 06:25:01 fb-edge 80AB01234567C (2026-11-20T05:25:01) firewall: msg_id="3000-0148" Deny 0-External Firebox 60 tcp 20 51 203.0.113.7 198.51.100.2 41234 23 offset 10 S 1234567 win 1024 geo_src="USA" (Unhandled External Packet-00)',
    '<142>Nov 20 06:30:12 fb-edge 80AB01234567C (2026-11-20T05:30:12) firewall[10]: msg_id="3000-0148" Allow 1-Trusted 0-External 52 tcp 20 127 10.0.1.23 198.51.100.80 50514 443 offset 8 S 832026162 win 8192 (Outgoing-00)',
    '<140>Nov 20 06:31:40 fb-edge 80AB01234567C (2026-11-20T05:31:40) firewall: msg_id="3000-0173" Deny 0-External Firebox 84 icmp 20 52 203.0.113.9 198.51.100.2 8 0 blocked sites (Internal Policy)',
  ],
  sniff,
  // An allowed record is the packet that opened a connection (Fireware logs a policy's
  // allowed traffic once per connection): counted as connections, as SFOS's allowed records are.
  connectionRecords: { action: 'allow' },
  create: syslogPayloadCreate(createWatchguardPayload, 'msg_id="'),
  ruleFields: watchguardRuleFields,
};
