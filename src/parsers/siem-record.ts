// What the two SIEM formats, CEF (cef.ts) and LEEF (leef.ts), read alike once their own syntax
// has found the fields: where a record opens in a syslog message, a verdict's packet (addresses,
// protocol, ports, checked in one order with one set of reasons, each named by the format's own
// key), a folded record's count and the ICMP type and code. One copy, so a vendor's record
// reads and fails the same whichever of the two it was sent in.
import type { IcmpInfo } from '../event.js';
import { addressVersion } from './address.js';
import { portIn, shown, uintIn } from './fields.js';
import { icmpNumber } from './fortigate.js';
import { malformed, type PayloadReject, type RecordHead } from './netfilter.js';
import { fixedReason, reason, type LineReason } from './reason.js';
import { carriesPorts, protoByName } from '../util/protocols.js';

/**
 * Index of `magic` (`CEF:`, `LEEF:`) opening a record in s[start, end): at the message's start,
 * or after one tag word (`logger: CEF:0|…`, `name[pid]: `); then a version (a digit, digits and
 * dots; a space before it when `space`, FortiOS's `CEF: 0|`) and `|`. -1 otherwise. Cheap enough
 * for every line the dispatcher is asked about.
 */
export function siemHeaderAt(s: string, start: number, end: number, magic: string, space: boolean): number {
  let i = start;
  if (!s.startsWith(magic, i)) {
    const sp = s.indexOf(' ', start);
    if (sp < 0 || sp > start + 64 || sp + magic.length >= end || s.charCodeAt(sp - 1) !== 0x3a) return -1;
    i = sp + 1;
    if (!s.startsWith(magic, i)) return -1;
  }
  let k = i + magic.length;
  if (space && s.charCodeAt(k) === 0x20) k++;
  const d = s.charCodeAt(k) - 0x30;
  if (d < 0 || d > 9) return -1;
  for (k++; k < end && s.charCodeAt(k) !== 0x7c; k++) {
    const c = s.charCodeAt(k);
    if (!((c >= 0x30 && c <= 0x39) || c === 0x2e)) return -1;
  }
  return k < end ? i : -1;
}

/** The port in s[a, b): -1 when absent (a < 0) or empty, -2 when it is no port. */
export function siemPort(s: string, a: number, b: number): number {
  if (a < 0 || a === b) return -1;
  const n = portIn(s, a, b);
  return n < 0 ? -2 : n;
}

/** A format's names of a packet's fields, as its reasons say them. */
export interface SiemPacketKeys {
  readonly src: string;
  readonly dst: string;
  readonly proto: string;
  readonly srcPort: string;
  readonly dstPort: string;
}

/**
 * A verdict's packet, read into its fields (none allocated per line): the checks and reasons
 * both formats give, in one order. `read` answers null when the packet reads, else why not.
 */
export class SiemPacket {
  src = '';
  dst = '';
  ipVersion: 4 | 6 = 4;
  proto = '';
  /** The ports, null when none is logged or the protocol has none. */
  srcPort: number | null = null;
  dstPort: number | null = null;
  private readonly missingSrc: LineReason;
  private readonly missingDst: LineReason;
  private readonly missingProto: LineReason;
  private readonly missingDstPort: LineReason;
  private readonly family: LineReason;

  constructor(private readonly keys: SiemPacketKeys) {
    this.missingSrc = fixedReason('missing', keys.src);
    this.missingDst = fixedReason('missing', keys.dst);
    this.missingProto = fixedReason('missing', keys.proto);
    this.missingDstPort = fixedReason('missing', keys.dstPort);
    this.family = fixedReason('family-differs', keys.dst, keys.src);
  }

  /**
   * Both addresses (the caller has skipped a record with neither), the protocol's text, the
   * ports in s[sa, sb) and s[da, db) (sa, da < 0: not logged).
   */
  read(src: string | null, dst: string | null, proto: string | null, s: string, sa: number, sb: number, da: number, db: number): PayloadReject | null {
    const k = this.keys;
    if (src === null) return malformed(this.missingSrc);
    if (dst === null) return malformed(this.missingDst);
    const ver = addressVersion(src, 0, src.length);
    if (ver === 0) return malformed(reason('invalid-address', k.src, shown(src)));
    const dver = addressVersion(dst, 0, dst.length);
    if (dver === 0) return malformed(reason('invalid-address', k.dst, shown(dst)));
    if (dver !== ver) return malformed(this.family);
    if (proto === null) return malformed(this.missingProto);
    const p = protoByName(proto);
    const sport = siemPort(s, sa, sb);
    if (sport === -2) return malformed(reason('invalid-port', k.srcPort, shown(s.slice(sa, sb))));
    const dport = siemPort(s, da, db);
    if (dport === -2) return malformed(reason('invalid-port', k.dstPort, shown(s.slice(da, db))));
    const ports = carriesPorts(p);
    if (ports && dport < 0) return malformed(this.missingDstPort);
    this.src = src;
    this.dst = dst;
    this.ipVersion = ver;
    this.proto = p;
    this.srcPort = ports && sport >= 0 ? sport : null;
    this.dstPort = ports && dport >= 0 ? dport : null;
    return null;
  }
}

/** The records a device folded into this one (CEF's `cnt`, PAN-OS LEEF's `RepeatCount`) in s[a, b) times the header's; -1 when no number. */
export function siemCount(s: string, a: number, b: number, head: RecordHead): number {
  const c = uintIn(s, a, b);
  return c < 0 ? -1 : Math.max(1, c) * head.count;
}

/** ICMP type and code as logged, a number or FortiOS's hex (`0x08`); null where not logged. */
export function siemIcmp(type: string | null, code: string | null): IcmpInfo {
  const tn = type === null ? -1 : icmpNumber(type, 0, type.length);
  const cn = code === null ? -1 : icmpNumber(code, 0, code.length);
  return { type: tn >= 0 ? tn : null, code: cn >= 0 ? cn : null, embedded: null };
}
