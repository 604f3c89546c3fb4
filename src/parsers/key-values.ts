// A record of `key=value` pairs, values bare up to the next space or in double quotes, as
// Sophos UTM's and Sophos Firewall's, FortiGate's and SonicWall's logs write them. Only the
// keys a parser reads get a slot; the others are passed over whatever they hold. Positions,
// not strings: a value is sliced only when a parser asks for its text.
//
// What differs by format is what its writer allows: the characters of a key (SonicOS writes
// `srcMac`, `Category`), and whether a quoted value may hold `\"` (SonicOS does not escape:
// its first `"` ends the value).
import type { IcmpInfo } from '../event.js';
import { addressVersion } from './address.js';
import { portIn, shown, uintIn } from './fields.js';
import { reason, type LineReason } from './reason.js';
import { dateAndTimeAt, impossible } from './timestamp.js';
import { carriesPorts, protoByName, protoByNumber } from '../util/protocols.js';

/** How a format writes its keys and quoted values. */
export interface KeyValueSyntax {
  /** Upper-case letters in keys too (SonicOS), and no `-` (it writes none; `a-b=` is no key). */
  readonly mixedCaseKeys?: boolean;
  /** A backslash in a quoted value escapes the next character (default true). */
  readonly escapes?: boolean;
  /**
   * Between key and value `:` instead of `=` (Check Point's Log Exporter, `key:"value";`;
   * a second `:` after it, `sys_message::"…"`, belongs to the separator).
   */
  readonly colon?: boolean;
  /**
   * Pairs end at this character, not at a blank, and a bare value runs up to it, blanks and
   * all (Huawei's `source-zone=untrust, time=May 15 2026 14:56:05,`, H3C's `Protocol(1001)=UDP;`):
   * keys may then hold upper-case letters and `-` both (`SourceIP`, `source-ip`).
   */
  readonly pairEnd?: ',' | ';';
  /** A `(digits)` after a key is its field's number, passed over (Comware's `SrcIPAddr(1003)=`). */
  readonly keyNumbers?: boolean;
}

/** Key characters by code, 1 for a key's: one load per character whatever the syntax. */
function keyCharTable(mixedCase: boolean, dash = !mixedCase): Uint8Array {
  const t = new Uint8Array(128);
  for (let c = 0x61; c <= 0x7a; c++) t[c] = 1;
  for (let c = 0x30; c <= 0x39; c++) t[c] = 1;
  t[0x5f] = 1;
  if (mixedCase) for (let c = 0x41; c <= 0x5a; c++) t[c] = 1;
  if (dash) t[0x2d] = 1;
  return t;
}

/** Lower-case letters, digits, `_` and `-` (Sophos, FortiOS). */
const LOWER_KEYS = keyCharTable(false);
/** Letters, digits and `_` (SonicOS). */
const MIXED_KEYS = keyCharTable(true);
/** Letters of both cases, digits, `_` and `-` (the separated records: VRP, Comware). */
const ANY_KEYS = keyCharTable(true, true);

/**
 * Where a format logs a packet's ends, and what it says when it cannot be read: made once per
 * parser (its slots, its reasons), handed to `KeyValues.packet` for every line.
 */
export interface PacketSlots {
  readonly src: number;
  readonly dst: number;
  readonly proto: number;
  readonly srcPort: number;
  readonly dstPort: number;
  /** The protocol is logged as its IANA number (FortiOS, UTM: `proto=6`), else as a name (SFOS: `protocol="TCP"`). */
  readonly protoNumber: boolean;
  /**
   * A key logged with nothing after `=` is there (FortiOS: `srcip=` is an invalid address '',
   * `proto=` no protocol number), else it is missing (the Sophos formats).
   */
  readonly emptyIsThere: boolean;
  readonly missingSrc: LineReason;
  readonly missingDst: LineReason;
  /** Source and destination of two IP versions. */
  readonly differ: LineReason;
  readonly missingProto: LineReason;
  readonly missingDstPort: LineReason;
}

/** `KeyValues.packet`'s answers besides 4 and 6: which of its checks the line failed. */
export const PACKET_NO_SRC = -1;
export const PACKET_NO_DST = -2;
export const PACKET_BAD_SRC = -3;
export const PACKET_BAD_DST = -4;
export const PACKET_MIXED = -5;
export const PACKET_NO_PROTO = -6;
export const PACKET_BAD_PROTO = -7;
export const PACKET_NO_DST_PORT = -8;
export const PACKET_BAD_DST_PORT = -9;
export const PACKET_BAD_SRC_PORT = -10;

/** Where each wanted key's value is in the current line; -1 when it is not there. Reused across lines. */
export class KeyValues {
  readonly start: Int32Array;
  readonly end: Int32Array;
  /** Bit per slot (the first 31): the value holds a backslash escape. */
  escaped = 0;
  /** The line ends inside a quoted value (cut off): its key is s[cutKey, cutKeyEnd). */
  unclosed = false;
  cutKey = 0;
  cutKeyEnd = 0;
  /**
   * What the last `packet` read: the addresses (from a bad-address answer on, as far as it
   * got), the protocol's name, the ports (-1: none logged, or a protocol without ports).
   * Fields, not a returned object: nothing is allocated per line.
   */
  src = '';
  dst = '';
  proto = '';
  srcPort = -1;
  dstPort = -1;
  /** Keys by length and first character: a key is told by one or two compares, nothing sliced. */
  private readonly byShape = new Map<number, number[]>();
  private readonly keyChar: Uint8Array;
  private readonly escapes: boolean;
  /** The separator's code: `=`, or `:` (KeyValueSyntax.colon). */
  private readonly sep: number;
  /** The pairs' end (KeyValueSyntax.pairEnd), or a blank's code. */
  private readonly pairEnd: number;
  private readonly keyNumbers: boolean;

  constructor(
    private readonly keys: readonly string[],
    syntax: KeyValueSyntax = {},
  ) {
    this.pairEnd = syntax.pairEnd === undefined ? 0x20 : syntax.pairEnd.charCodeAt(0);
    this.keyNumbers = syntax.keyNumbers === true;
    this.keyChar = syntax.pairEnd !== undefined ? ANY_KEYS : syntax.mixedCaseKeys === true ? MIXED_KEYS : LOWER_KEYS;
    this.escapes = syntax.escapes !== false;
    this.sep = syntax.colon === true ? 0x3a : 0x3d;
    this.start = new Int32Array(keys.length);
    this.end = new Int32Array(keys.length);
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]!;
      const shape = k.length * 128 + k.charCodeAt(0);
      const list = this.byShape.get(shape);
      if (list === undefined) this.byShape.set(shape, [i]);
      else list.push(i);
    }
  }

  private slotOf(s: string, a: number, b: number): number {
    const list = this.byShape.get((b - a) * 128 + s.charCodeAt(a));
    if (list === undefined) return -1;
    for (let i = 0; i < list.length; i++) if (s.startsWith(this.keys[list[i]!]!, a)) return list[i]!;
    return -1;
  }

  /** Reads every `key=value` of s[start, end); the first of a key repeated wins. */
  read(s: string, start: number, end: number): void {
    this.start.fill(-1);
    this.escaped = 0;
    this.unclosed = false;
    const keyChar = this.keyChar;
    const escapes = this.escapes;
    const sep = this.sep;
    const pairEnd = this.pairEnd;
    let i = start;
    while (i < end) {
      while (i < end && s.charCodeAt(i) === 0x20) i++;
      const ks = i;
      while (i < end) {
        const c = s.charCodeAt(i);
        if (c >= 128 || keyChar[c] !== 1) break;
        i++;
      }
      const ke = i;
      if (this.keyNumbers && i > ks && s.charCodeAt(i) === 0x28) {
        const close = s.indexOf(')', i);
        if (close > 0 && close < end) i = close + 1;
      }
      if (i === ks || i >= end || s.charCodeAt(i) !== sep) {
        // Not a key=value (the rest of a bare value with a space, `Unknown (0x0000)`; Check
        // Point's `;` between pairs): passed over.
        while (i < end && s.charCodeAt(i) !== pairEnd) i++;
        if (pairEnd !== 0x20) i++;
        continue;
      }
      const slot = this.slotOf(s, ks, ke);
      i++;
      if (sep === 0x3a && s.charCodeAt(i) === 0x3a) i++;
      let vs = i;
      let ve: number;
      let esc = false;
      if (s.charCodeAt(i) === 0x22) {
        vs = ++i;
        while (i < end) {
          const c = s.charCodeAt(i);
          if (c === 0x22) break;
          if (c === 0x5c && escapes) {
            esc = true;
            i++;
          }
          i++;
        }
        if (i >= end) {
          this.unclosed = true;
          this.cutKey = ks;
          this.cutKeyEnd = ke;
          return;
        }
        ve = i++;
      } else {
        while (i < end && s.charCodeAt(i) !== pairEnd) i++;
        ve = i;
        if (pairEnd !== 0x20) i++;
      }
      if (slot >= 0 && this.start[slot] === -1) {
        this.start[slot] = vs;
        this.end[slot] = ve;
        if (esc && slot < 31) this.escaped |= 1 << slot;
      }
    }
  }

  has(slot: number): boolean {
    return this.start[slot]! >= 0;
  }

  /** Present and not empty. */
  filled(slot: number): boolean {
    const a = this.start[slot]!;
    return a >= 0 && this.end[slot]! > a;
  }

  /** The value is there: present and filled, or present at all where the format counts an empty value as one. */
  private logged(slot: number, emptyIsThere: boolean): boolean {
    return emptyIsThere ? this.has(slot) : this.filled(slot);
  }

  /**
   * Reads a packet's ends as `p` places them: the source and destination address, their IP
   * version (the answer: 4 or 6), the protocol and, for one that carries ports, the
   * destination port (required) and source port (optional), into src, dst, proto, dstPort and
   * srcPort; checked in that order, the first check failed answers its PACKET_* code
   * (`packetReason` says it in the format's words).
   */
  packet(s: string, p: PacketSlots): number {
    const empty = p.emptyIsThere;
    this.srcPort = -1;
    this.dstPort = -1;
    if (!this.logged(p.src, empty)) return PACKET_NO_SRC;
    if (!this.logged(p.dst, empty)) return PACKET_NO_DST;
    const src = (this.src = this.text(s, p.src));
    const dst = (this.dst = this.text(s, p.dst));
    const ver = addressVersion(src, 0, src.length);
    if (ver === 0) return PACKET_BAD_SRC;
    const dver = addressVersion(dst, 0, dst.length);
    if (dver === 0) return PACKET_BAD_DST;
    if (dver !== ver) return PACKET_MIXED;

    if (!this.logged(p.proto, empty)) return PACKET_NO_PROTO;
    const a = this.start[p.proto]!;
    const b = this.end[p.proto]!;
    let proto: string;
    if (p.protoNumber) {
      const n = uintIn(s, a, b);
      if (n < 0 || n > 255) return PACKET_BAD_PROTO;
      proto = protoByNumber(n);
    } else proto = protoByName(s.slice(a, b));
    this.proto = proto;

    if (carriesPorts(proto)) {
      if (!this.logged(p.dstPort, empty)) return PACKET_NO_DST_PORT;
      const dport = portIn(s, this.start[p.dstPort]!, this.end[p.dstPort]!);
      if (dport < 0) return PACKET_BAD_DST_PORT;
      this.dstPort = dport;
      if (this.logged(p.srcPort, empty)) {
        const sport = portIn(s, this.start[p.srcPort]!, this.end[p.srcPort]!);
        if (sport < 0) return PACKET_BAD_SRC_PORT;
        this.srcPort = sport;
      }
    }
    return ver;
  }

  /** Why `packet` answered `code` (one of PACKET_*), in `p`'s reasons and this line's values under their keys. */
  packetReason(s: string, code: number, p: PacketSlots): LineReason {
    switch (code) {
      case PACKET_NO_SRC: return p.missingSrc;
      case PACKET_NO_DST: return p.missingDst;
      case PACKET_BAD_SRC: return reason('invalid-address', this.keys[p.src], shown(this.src));
      case PACKET_BAD_DST: return reason('invalid-address', this.keys[p.dst], shown(this.dst));
      case PACKET_MIXED: return p.differ;
      case PACKET_NO_PROTO: return p.missingProto;
      case PACKET_BAD_PROTO: return reason('not-a-protocol', this.keys[p.proto], shown(this.text(s, p.proto)));
      case PACKET_NO_DST_PORT: return p.missingDstPort;
      case PACKET_BAD_DST_PORT: return reason('invalid-port', this.keys[p.dstPort], shown(this.text(s, p.dstPort)));
      default: return reason('invalid-port', this.keys[p.srcPort], shown(this.text(s, p.srcPort)));
    }
  }

  /** An ICMP record's type and code, each a decimal 0-255 or null (empty, absent or anything else). */
  icmp(s: string, typeSlot: number, codeSlot: number): IcmpInfo {
    const t = this.filled(typeSlot) ? uintIn(s, this.start[typeSlot]!, this.end[typeSlot]!) : -1;
    const c = this.filled(codeSlot) ? uintIn(s, this.start[codeSlot]!, this.end[codeSlot]!) : -1;
    return { type: t >= 0 && t <= 255 ? t : null, code: c >= 0 && c <= 255 ? c : null, embedded: null };
  }

  /**
   * A `date=YYYY-MM-DD time=HH:MM:SS` pair (FortiOS, SFOS) into out as year, month, day,
   * hour, minute, second; why it is no time (the field not so written, or an impossible
   * date), null when it is one.
   */
  dateAndTime(s: string, dateSlot: number, timeSlot: number, out: number[]): LineReason | null {
    const wrong = dateAndTimeAt(s, this.start[dateSlot]!, this.end[dateSlot]!, this.start[timeSlot]!, this.end[timeSlot]!, out);
    if (wrong !== null) return reason('invalid', wrong, shown(this.text(s, wrong === 'date' ? dateSlot : timeSlot)));
    return impossible(out[0]!, out[1]!, out[2]!, out[3]!, out[4]!, out[5]!);
  }

  /** True when the value of `slot` is `word`. */
  is(s: string, slot: number, word: string): boolean {
    const a = this.start[slot]!;
    return a >= 0 && this.end[slot]! - a === word.length && s.startsWith(word, a);
  }

  /** The slot's text, or null when the line did not fill it. */
  textOrNull(s: string, slot: number): string | null {
    return this.filled(slot) ? this.text(s, slot) : null;
  }

  text(s: string, slot: number): string {
    const t = s.slice(this.start[slot]!, this.end[slot]!);
    return slot < 31 && (this.escaped & (1 << slot)) !== 0 ? t.replace(/\\(.)/g, '$1') : t;
  }

  /** The key of the value the line was cut inside. */
  cutKeyText(s: string): string {
    return s.slice(this.cutKey, this.cutKeyEnd);
  }

  /** Why a line cut inside a quoted value (`unclosed`) is malformed: what followed the cut is gone. */
  unclosedReason(s: string): LineReason {
    return reason('unclosed', this.cutKeyText(s), '"');
  }
}
