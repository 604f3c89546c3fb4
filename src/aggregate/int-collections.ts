// Sets and counters of integers in [0, 2^32) — port keys and IPv4 addresses, the bulk
// of what source profiles hold. Small: a plain exact-size array, scanned. Past
// UPGRADE_AT: a sorted Uint32Array, binary-searched. A member then costs 4 bytes (8
// more for a count) where a Set/Map entry costs ~30, addresses above 2^30 need no
// boxed number, and the garbage collector does not trace typed arrays. An insert
// shifts the tail; the profile caps (≤ 4096 members) keep that cheap.

import { topN } from './top-n.js';

const UPGRADE_AT = 8;
const NONE: never[] = [];

/** IntCounter.add results. */
export const ADDED = 1;
export const COUNTED = 0;
export const FULL = -1;

/** Index of v in a[0, n), or -(insertion point) - 1. */
function search(a: Uint32Array, n: number, v: number): number {
  let lo = 0;
  let hi = n - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const x = a[mid];
    if (x < v) lo = mid + 1;
    else if (x > v) hi = mid - 1;
    else return mid;
  }
  return -lo - 1;
}

function grown<A extends Uint32Array | Float64Array>(a: A, make: (n: number) => A): A {
  const b = make(a.length * 2);
  b.set(a);
  return b;
}

const u32 = (n: number): Uint32Array => new Uint32Array(n);
const f64 = (n: number): Float64Array => new Float64Array(n);

/**
 * The integer members of an IntSet or a HostSet. A base class rather than a field: every
 * source profile has a host set, and a wrapped set would cost ~48 bytes more each.
 */
abstract class IntMembers {
  private small: number[] = NONE;
  private big: Uint32Array | null = null;
  private n = 0;

  protected get intCount(): number {
    return this.big !== null ? this.n : this.small.length;
  }

  /** Adds `v` unless the set already holds `cap` integers; true when v was added. */
  protected addInt(v: number, cap: number): boolean {
    const big = this.big;
    if (big === null) {
      const small = this.small;
      if (small.length >= cap) return false;
      for (let i = 0; i < small.length; i++) if (small[i] === v) return false;
      if (small.length < UPGRADE_AT) {
        // concat, not push: exact-size arrays (push reserves ~17 slots).
        this.small = small.concat([v]);
        return true;
      }
      const b = new Uint32Array(UPGRADE_AT * 2);
      for (let i = 0; i < small.length; i++) b[i] = small[i];
      b.subarray(0, small.length).sort();
      this.big = b;
      this.n = small.length;
      this.small = NONE;
      return this.addInt(v, cap);
    }
    if (this.n >= cap) return false;
    const i = search(big, this.n, v);
    if (i >= 0) return false;
    const at = -i - 1;
    const b = this.n === big.length ? (this.big = grown(big, u32)) : big;
    b.copyWithin(at + 1, at, this.n);
    b[at] = v;
    this.n++;
    return true;
  }

  protected hasInt(v: number): boolean {
    return this.big !== null ? search(this.big, this.n, v) >= 0 : this.small.includes(v);
  }

  protected ints(): Iterator<number> {
    return this.big !== null ? this.big.subarray(0, this.n)[Symbol.iterator]() : this.small[Symbol.iterator]();
  }
}

export class IntSet extends IntMembers implements Iterable<number> {
  get size(): number {
    return this.intCount;
  }

  /** Adds `v` unless the set already holds `cap` members; true when v was added. */
  add(v: number, cap = Infinity): boolean {
    return this.addInt(v, cap);
  }

  has(v: number): boolean {
    return this.hasInt(v);
  }

  [Symbol.iterator](): Iterator<number> {
    return this.ints();
  }
}

/** Counts per integer key (packets per port key), with a cap on distinct keys. */
export class IntCounter implements Iterable<[number, number]> {
  /** Small form: [key, count] pairs in one array (an array costs ~50 bytes before its first element). */
  private kv: number[] = NONE;
  private bigKeys: Uint32Array | null = null;
  private bigVals: Float64Array | null = null;
  private n = 0;

  get size(): number {
    return this.bigKeys !== null ? this.n : this.kv.length / 2;
  }

  /** Index of k's count in the small form, or -1. */
  private slot(k: number): number {
    const kv = this.kv;
    for (let i = 0; i < kv.length; i += 2) if (kv[i] === k) return i + 1;
    return -1;
  }

  get(k: number): number | undefined {
    if (this.bigKeys !== null) {
      const i = search(this.bigKeys, this.n, k);
      return i >= 0 ? this.bigVals![i] : undefined;
    }
    const i = this.slot(k);
    return i >= 0 ? this.kv[i] : undefined;
  }

  /**
   * Adds n to k's count; a new key only while fewer than `cap` are counted.
   * Returns ADDED (k is new), COUNTED (k was there) or FULL (k is new and there is no room).
   */
  add(k: number, n: number, cap: number): number {
    const keys = this.bigKeys;
    if (keys === null) {
      const i = this.slot(k);
      const size = this.kv.length / 2;
      if (i >= 0) {
        this.kv[i] += n;
        return COUNTED;
      }
      if (size >= cap) return FULL;
      if (size < UPGRADE_AT) {
        this.kv = this.kv.concat([k, n]);
        return ADDED;
      }
      this.upgrade();
      return this.add(k, n, cap);
    }
    const i = search(keys, this.n, k);
    if (i >= 0) {
      this.bigVals![i] += n;
      return COUNTED;
    }
    if (this.n >= cap) return FULL;
    const at = -i - 1;
    let vals = this.bigVals!;
    let ks = keys;
    if (this.n === ks.length) {
      ks = this.bigKeys = grown(ks, u32);
      vals = this.bigVals = grown(vals, f64);
    }
    ks.copyWithin(at + 1, at, this.n);
    vals.copyWithin(at + 1, at, this.n);
    ks[at] = k;
    vals[at] = n;
    this.n++;
    return ADDED;
  }

  private upgrade(): void {
    const pairs = [...this.entries()].sort((a, b) => a[0] - b[0]);
    const keys = new Uint32Array(UPGRADE_AT * 2);
    const vals = new Float64Array(UPGRADE_AT * 2);
    pairs.forEach(([k, v], to) => {
      keys[to] = k;
      vals[to] = v;
    });
    this.bigKeys = keys;
    this.bigVals = vals;
    this.n = pairs.length;
    this.kv = NONE;
  }

  /** The n keys with the highest counts above 0, [key, count]; ties by key. */
  top(n: number): [number, number][] {
    const out: [number, number][] = [];
    if (n <= 0) return out;
    if (this.bigKeys !== null) {
      const vals = this.bigVals!;
      for (let i = 0; i < this.n; i++) if (vals[i] > 0) keepTop(out, n, this.bigKeys[i], vals[i]);
    } else {
      const kv = this.kv;
      for (let i = 0; i < kv.length; i += 2) if (kv[i + 1] > 0) keepTop(out, n, kv[i], kv[i + 1]);
    }
    return out;
  }

  *entries(): IterableIterator<[number, number]> {
    if (this.bigKeys !== null) {
      for (let i = 0; i < this.n; i++) yield [this.bigKeys[i], this.bigVals![i]];
    } else {
      for (let i = 0; i < this.kv.length; i += 2) yield [this.kv[i], this.kv[i + 1]];
    }
  }

  [Symbol.iterator](): IterableIterator<[number, number]> {
    return this.entries();
  }
}

/**
 * Puts [k, v] into `out`, the best of at most n pairs so far (count desc, then key asc),
 * if it belongs there. For counters that know their own storage: the end of a run asks
 * every source for its top ports, and that code runs cold; a plain loop over the counts
 * costs far less there than topN over generators.
 */
export function keepTop(out: [number, number][], n: number, k: number, v: number): void {
  const len = out.length;
  if (len === n) {
    const [lk, lv] = out[len - 1]!;
    if (v < lv || (v === lv && k > lk)) return;
  }
  let lo = 0;
  let hi = len;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const [mk, mv] = out[mid]!;
    if (mv > v || (mv === v && mk < k)) lo = mid + 1;
    else hi = mid;
  }
  out.splice(lo, 0, [k, v]);
  if (out.length > n) out.pop();
}

/** The n [key, count] pairs with the highest counts; ties by key (deterministic). */
export function topCounts(pairs: Iterable<[number, number]>, n: number): [number, number][] {
  return topN(pairs, n, (a, b) => b[1] - a[1] || a[0] - b[0]);
}

/** Destination hosts: IPv4 as uint32 (the integer members), anything else (IPv6) as strings. */
export class HostSet extends IntMembers implements Iterable<number | string> {
  private other: Set<string> | null = null;

  get size(): number {
    return this.intCount + (this.other?.size ?? 0);
  }

  /** Adds `h` unless the set already holds `cap` members; true when h was added. */
  add(h: number | string, cap = Infinity): boolean {
    if (typeof h === 'number') return this.addInt(h, cap - (this.other?.size ?? 0));
    if (this.size >= cap) return false;
    const other = (this.other ??= new Set());
    const before = other.size;
    return other.add(h).size !== before;
  }

  has(h: number | string): boolean {
    return typeof h === 'number' ? this.hasInt(h) : (this.other?.has(h) ?? false);
  }

  *[Symbol.iterator](): Iterator<number | string> {
    const ints = this.ints();
    for (let r = ints.next(); r.done !== true; r = ints.next()) yield r.value;
    if (this.other !== null) yield* this.other;
  }
}

/**
 * A source's distinct port keys, at most `cap`, with packet counts for the first
 * `countCap` of them. One structure rather than a set beside a counter: the counted
 * keys were held twice, and most sources, with a port or two, paid for two collections.
 * Uncounted keys exist only once the counter is full (a merge fills it with zero counts
 * first), so a key is never in both parts.
 */
export class PortTally {
  private readonly counted = new IntCounter();
  private rest: IntSet | null = null;

  get size(): number {
    return this.counted.size + (this.rest?.size ?? 0);
  }

  /** Adds n packets to key; true when key is a new distinct port. */
  add(key: number, n: number, cap: number, countCap: number): boolean {
    const r = this.counted.add(key, n, Math.min(cap, countCap));
    if (r !== FULL) return r === ADDED;
    const room = cap - this.counted.size;
    return room > 0 && (this.rest ??= new IntSet()).add(key, room);
  }

  /** [key, packets] of the counted ports that have packets. */
  *counts(): IterableIterator<[number, number]> {
    for (const e of this.counted) if (e[1] > 0) yield e;
  }

  /** The n counted ports with the most packets, [key, packets]; ties by key (deterministic). */
  top(n: number): [number, number][] {
    return this.counted.top(n);
  }

  /** Every key, counted or not. */
  *keys(): IterableIterator<number> {
    for (const [k] of this.counted) yield k;
    if (this.rest !== null) yield* this.rest;
  }

  has(key: number): boolean {
    return this.counted.get(key) !== undefined || (this.rest?.has(key) ?? false);
  }
}

/**
 * A PortTally that, once full, still remembers which keys below `keySpace` it saw, as bits:
 * one bit a key (16 KiB for TCP and UDP's 131,072), made only for a tally past its cap,
 * which already holds `cap` keys (4 bytes each: 16 KiB at 4,096), so a source's state
 * stays bounded. A scanner's late packets become its probes only once the ranking has
 * seen the whole source, so the day's port set learns their ports from here: dropped, a
 * port was missing from the day's count and its digest, and "new" again the next day.
 * keys() stays capped: the source's own counts say "≥" past the cap as before.
 */
export class OverflowPortTally extends PortTally {
  private beyond: Uint8Array | null = null;

  constructor(private readonly keySpace: number) {
    super();
  }

  override add(key: number, n: number, cap: number, countCap: number): boolean {
    if (super.add(key, n, cap, countCap)) return true;
    if (this.size < cap || key < 0 || key >= this.keySpace || this.has(key)) return false;
    (this.beyond ??= new Uint8Array((this.keySpace + 7) >> 3))[key >> 3] |= 1 << (key & 7);
    return false;
  }

  /** The keys seen past the cap, in key order (none of them among keys()). */
  *beyondKeys(): IterableIterator<number> {
    const b = this.beyond;
    if (b === null) return;
    for (let i = 0; i < b.length; i++) {
      if (b[i] === 0) continue;
      for (let bit = 0; bit < 8; bit++) if (b[i] & (1 << bit)) yield (i << 3) + bit;
    }
  }
}
