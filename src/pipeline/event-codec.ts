// Events across a thread boundary. Structured clone costs ~3 µs per event to read back
// here, more than the summary itself, so a batch travels as one transferred
// Float64Array of fixed slots per event, the batch's strings joined into one (a field
// equal to the previous event's is sent once; their ends in a transferred Int32Array),
// and the annotations the other side has not seen yet (each sent once, then referred
// to by number). One string instead of thousands: cloning an array of ~5,000 short
// strings per batch was ~5% of the reading thread's time.
// decode(encode(e)) is field-for-field equal to e (test/pipeline/event-codec.test.ts).
import type { Action, Annotation, Direction, FirewallEvent } from '../event.js';
import { FLAG_BIT_OF, flagNames } from '../parsers/fields.js';
import { SharedDates } from '../util/shared-date.js';

/** The part of a batch that is transferred, not copied (and can travel back to be reused). */
export interface BatchBuffers {
  /** SLOTS numbers per event. */
  nums: Float64Array<ArrayBuffer>;
  /** The annotation numbers of all events, in order (slot A_COUNT says how many are each event's). */
  anns: Int32Array<ArrayBuffer>;
  /** Where each of the batch's strings ends in `text`. */
  ends: Int32Array<ArrayBuffer>;
}

/** One transferable batch. `annotations` continue the receiver's table (after clearing it when `reset`). */
export interface EventBatch extends BatchBuffers {
  n: number;
  /** The batch's strings, one after the other (their ends in `ends`). */
  text: string;
  stringCount: number;
  annotations: Annotation[];
  reset: boolean;
}

// Slot layout of one event. Integers that may be null are stored as -1, floats as NaN.
const TIME = 0;
const BITS = 1;
const UPTIME = 2;
const HOST = 3;
const FORMAT = 4;
const RULE = 5;
const IN_IFACE = 6;
const OUT_IFACE = 7;
const PROTO = 8;
const SRC_IP = 9;
const SRC_PORT = 10;
const DST_IP = 11;
const DST_PORT = 12;
const TTL = 13;
const LEN = 14;
const TCP_WINDOW = 15;
const FLAGS = 16;
const ICMP_TYPE = 17;
const ICMP_CODE = 18;
const EMB_SRC_IP = 19;
const EMB_SRC_PORT = 20;
const EMB_DST_IP = 21;
const EMB_DST_PORT = 22;
const EMB_PROTO = 23;
const COUNT = 24;
const FILE = 25;
const LINE = 26;
const A_COUNT = 27;
const PID = 28;
export const SLOTS = 29;

// BITS: 0 yearInferred, 1-2 action, 3-4 direction, 5-6 ipVersion, 7 tcpFlags present,
// 8 flags as a string id (not a mask), 9 icmp present, 10 embedded packet present.
const ACTIONS: readonly Action[] = ['drop', 'reject', 'allow', 'other'];
const ACTION_CODE: Record<Action, number> = { drop: 0, reject: 1, allow: 2, other: 3 };
const DIRECTIONS: readonly (Direction | null)[] = [null, 'in', 'out', 'forward'];
const DIRECTION_CODE: Record<Direction, number> = { in: 1, out: 2, forward: 3 };

/** Past this many annotations the table starts again (the batch says `reset`): memory stays bounded. */
const TABLE_CAP = 1 << 16;

/**
 * A flag list in the kernel's order (the parsers' order: FLAG_* bits rise along it) without
 * repeats travels as its bit mask; anything else: -1.
 */
function flagMask(flags: readonly string[]): number {
  let mask = 0;
  let last = 0;
  for (let i = 0; i < flags.length; i++) {
    const b = FLAG_BIT_OF[flags[i]!];
    if (b === undefined || b <= last) return -1;
    last = b;
    mask |= b;
  }
  return mask;
}

export class EventEncoder {
  private readonly annIds = new Map<Annotation, number>();
  private readonly last: (string | undefined)[] = new Array<string | undefined>(SLOTS).fill(undefined);
  private readonly lastId: number[] = new Array<number>(SLOTS).fill(-1);
  private nums: Float64Array<ArrayBuffer>;
  private anns: Int32Array<ArrayBuffer>;
  private annLen = 0;
  private strings: string[] = [];
  private ends: Int32Array<ArrayBuffer>;
  private textLen = 0;
  private annotations: Annotation[] = [];
  private reset = false;
  private readonly spare: BatchBuffers[] = [];
  /** Events in the open batch. */
  n = 0;

  constructor(private readonly capacity: number) {
    this.nums = new Float64Array(capacity * SLOTS);
    this.anns = new Int32Array(capacity * 4);
    this.ends = new Int32Array(capacity * 4);
  }

  get full(): boolean {
    return this.n === this.capacity;
  }

  /** Appends e to the open batch (the caller takes the batch when `full`). */
  add(e: FirewallEvent): void {
    if (this.n === 0 && this.annIds.size > TABLE_CAP) {
      this.annIds.clear();
      this.reset = true;
    }
    const v = this.nums;
    const o = this.n++ * SLOTS;
    let bits = (e.yearInferred ? 1 : 0) | (ACTION_CODE[e.action] << 1) | ((e.direction === null ? 0 : DIRECTION_CODE[e.direction]) << 3);
    if (e.ipVersion !== null) bits |= (e.ipVersion === 4 ? 1 : 2) << 5;
    v[TIME + o] = e.time === null ? NaN : e.time.getTime();
    v[UPTIME + o] = e.uptime ?? NaN;
    v[HOST + o] = this.str(e.host, HOST);
    v[FORMAT + o] = this.str(e.format, FORMAT);
    v[RULE + o] = this.str(e.rule, RULE);
    v[IN_IFACE + o] = this.str(e.inIface, IN_IFACE);
    v[OUT_IFACE + o] = this.str(e.outIface, OUT_IFACE);
    v[PROTO + o] = this.str(e.proto, PROTO);
    v[SRC_IP + o] = this.str(e.src.ip, SRC_IP);
    v[SRC_PORT + o] = e.src.port ?? -1;
    v[DST_IP + o] = this.str(e.dst.ip, DST_IP);
    v[DST_PORT + o] = e.dst.port ?? -1;
    v[TTL + o] = e.ttl ?? -1;
    v[LEN + o] = e.len ?? -1;
    v[TCP_WINDOW + o] = e.tcpWindow ?? -1;
    v[PID + o] = e.pid ?? -1;
    if (e.tcpFlags !== null) {
      bits |= 1 << 7;
      const mask = flagMask(e.tcpFlags);
      if (mask < 0) {
        bits |= 1 << 8;
        v[FLAGS + o] = this.str(e.tcpFlags.join(' '), FLAGS);
      } else v[FLAGS + o] = mask;
    }
    const icmp = e.icmp;
    if (icmp !== null) {
      bits |= 1 << 9;
      v[ICMP_TYPE + o] = icmp.type ?? -1;
      v[ICMP_CODE + o] = icmp.code ?? -1;
      const emb = icmp.embedded;
      if (emb !== null) {
        bits |= 1 << 10;
        v[EMB_SRC_IP + o] = this.str(emb.src.ip, EMB_SRC_IP);
        v[EMB_SRC_PORT + o] = emb.src.port ?? -1;
        v[EMB_DST_IP + o] = this.str(emb.dst.ip, EMB_DST_IP);
        v[EMB_DST_PORT + o] = emb.dst.port ?? -1;
        v[EMB_PROTO + o] = this.str(emb.proto, EMB_PROTO);
      }
    }
    v[BITS + o] = bits;
    v[COUNT + o] = e.count;
    v[FILE + o] = this.str(e.origin.file, FILE);
    v[LINE + o] = e.origin.line;
    const list = e.annotations;
    v[A_COUNT + o] = list.length;
    if (this.annLen + list.length > this.anns.length) {
      this.anns = grown(this.anns, this.annLen, this.annLen + list.length);
    }
    for (let i = 0; i < list.length; i++) {
      const a = list[i]!;
      let id = this.annIds.get(a);
      if (id === undefined) {
        id = this.annIds.size;
        this.annIds.set(a, id);
        this.annotations.push(a);
      }
      this.anns[this.annLen++] = id;
    }
  }

  /** Takes back a batch's buffers, returned by the receiver, for a later batch. */
  recycle(b: BatchBuffers): void {
    if (b.nums.length === this.capacity * SLOTS && b.anns.length >= this.capacity * 4 && b.ends.length >= this.capacity * 4) this.spare.push(b);
  }

  /** Hands out the open batch (its buffers are meant to be transferred) and starts a new one. */
  take(): EventBatch {
    const batch: EventBatch = {
      n: this.n,
      nums: this.nums,
      anns: this.anns,
      ends: this.ends,
      text: this.strings.join(''),
      stringCount: this.strings.length,
      annotations: this.annotations,
      reset: this.reset,
    };
    const spare = this.spare.pop();
    this.nums = spare?.nums ?? new Float64Array(this.capacity * SLOTS);
    this.anns = spare?.anns ?? new Int32Array(this.capacity * 4);
    this.ends = spare?.ends ?? new Int32Array(this.capacity * 4);
    this.annLen = 0;
    this.strings = [];
    this.textLen = 0;
    this.last.fill(undefined);
    this.annotations = [];
    this.reset = false;
    this.n = 0;
    return batch;
  }

  /**
   * The string's number in this batch. `slot` keys a one-entry cache: host, rule,
   * interface and protocol mostly repeat the previous event's. Addresses mostly do not,
   * and a table lookup costs more than sending them again.
   */
  private str(s: string | null, slot: number): number {
    if (s === null) return -1;
    if (s === this.last[slot]) return this.lastId[slot]!;
    const id = this.strings.push(s) - 1;
    if (id === this.ends.length) this.ends = grown(this.ends, id, id + 1);
    this.ends[id] = this.textLen += s.length;
    this.last[slot] = s;
    this.lastId[slot] = id;
    return id;
  }
}

export class EventDecoder {
  private annotations: Annotation[] = [];
  /** A Date per distinct time, as the parsers hand them out. */
  private readonly dates = new SharedDates();

  /** Calls onEvent with each event of the batch, in order. */
  decode(b: EventBatch, onEvent: (e: FirewallEvent) => void): void {
    if (b.reset) this.annotations = [];
    for (const a of b.annotations) this.annotations.push(a);
    const v = b.nums;
    const strs = unpack(b);
    let ai = 0;
    for (let k = 0; k < b.n; k++) {
      const o = k * SLOTS;
      const bits = v[BITS + o]!;
      let tcpFlags: string[] | null = null;
      if ((bits & (1 << 7)) !== 0) {
        const f = v[FLAGS + o]!;
        tcpFlags = (bits & (1 << 8)) !== 0 ? strs[f]!.split(' ') : flagNames(f);
      }
      let icmp: FirewallEvent['icmp'] = null;
      if ((bits & (1 << 9)) !== 0) {
        icmp = {
          type: int(v[ICMP_TYPE + o]!),
          code: int(v[ICMP_CODE + o]!),
          embedded:
            (bits & (1 << 10)) !== 0
              ? {
                  src: { ip: str(strs, v[EMB_SRC_IP + o]!), port: int(v[EMB_SRC_PORT + o]!) },
                  dst: { ip: str(strs, v[EMB_DST_IP + o]!), port: int(v[EMB_DST_PORT + o]!) },
                  proto: str(strs, v[EMB_PROTO + o]!),
                }
              : null,
        };
      }
      const nAnn = v[A_COUNT + o]!;
      const annotations: Annotation[] = new Array<Annotation>(nAnn);
      for (let i = 0; i < nAnn; i++) annotations[i] = this.annotations[b.anns[ai++]!]!;
      const t = v[TIME + o]!;
      const up = v[UPTIME + o]!;
      const ipv = (bits >> 5) & 3;
      onEvent({
        time: t === t ? this.dates.of(t) : null,
        yearInferred: (bits & 1) !== 0,
        uptime: up === up ? up : null,
        host: str(strs, v[HOST + o]!),
        format: strs[v[FORMAT + o]!]!,
        action: ACTIONS[(bits >> 1) & 3]!,
        direction: DIRECTIONS[(bits >> 3) & 3]!,
        rule: str(strs, v[RULE + o]!),
        inIface: str(strs, v[IN_IFACE + o]!),
        outIface: str(strs, v[OUT_IFACE + o]!),
        proto: strs[v[PROTO + o]!]!,
        ipVersion: ipv === 0 ? null : ipv === 1 ? 4 : 6,
        src: { ip: str(strs, v[SRC_IP + o]!), port: int(v[SRC_PORT + o]!) },
        dst: { ip: str(strs, v[DST_IP + o]!), port: int(v[DST_PORT + o]!) },
        ttl: int(v[TTL + o]!),
        len: int(v[LEN + o]!),
        tcpFlags,
        tcpWindow: int(v[TCP_WINDOW + o]!),
        pid: int(v[PID + o]!),
        icmp,
        count: small(v[COUNT + o]!),
        origin: { file: strs[v[FILE + o]!]!, line: v[LINE + o]! },
        annotations,
      });
    }
  }
}

/** The batch's strings, cut from its text. */
function unpack(b: EventBatch): string[] {
  const out = new Array<string>(b.stringCount);
  let from = 0;
  for (let i = 0; i < b.stringCount; i++) {
    const to = b.ends[i]!;
    out[i] = b.text.slice(from, to);
    from = to;
  }
  return out;
}

/** A copy of a's first `used` entries in an array of at least `need` (doubling). */
function grown(a: Int32Array<ArrayBuffer>, used: number, need: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(Math.max(a.length * 2, need));
  b.set(a.subarray(0, used));
  return b;
}

function str(strings: readonly string[], id: number): string | null {
  return id < 0 ? null : strings[id]!;
}

function int(x: number): number | null {
  return x < 0 ? null : small(x);
}

/**
 * A number read from a Float64Array is a heap number (16 bytes) even when integral; stored
 * into a profile field (packets += count, firstTtl = ttl), it turns that field into a
 * boxed double in every profile (11 heap numbers per source profile at 1M lines). As an
 * int32 it stays a small integer.
 */
function small(x: number): number {
  const i = x | 0;
  return i === x ? i : x;
}
