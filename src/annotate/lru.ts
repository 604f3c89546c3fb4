// A bounded map with least-recently-used eviction. A Map already keeps insertion
// order, so "touch" is delete+set and the oldest entry is the first key: no linked
// list, no dependency. A touch moves an entry only once it has aged a quarter of the
// capacity (see `slack`), which keeps the per-event cost of a hot key to one lookup.
// The cap is what keeps memory flat on huge logs; callers also sweep expired entries
// from the old end (sweep) so idle keys go before the cap bites.

import { flat } from '../util/flat-string.js';

/**
 * A value, the operation count when it was last moved to the young end, and the key as
 * stored (already copied by own(): a move re-inserts it without copying again).
 */
interface Slot<K, V> {
  readonly k: K;
  v: V;
  at: number;
}

export class Lru<K, V> {
  private readonly map = new Map<K, Slot<K, V>>();
  /** Gets and sets so far: the clock of `Slot.at`. */
  private ops = 0;
  /**
   * How stale an entry may get before a touch moves it (a Map delete+set, the costly
   * part): a quarter of the capacity. An entry used within the last capacity - slack
   * operations is still never evicted; below capacity 4 this is an exact LRU.
   */
  private readonly slack: number;
  /** Entries dropped because the cap was reached (not by sweep/delete). */
  evicted = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`LRU capacity must be a positive integer, got ${capacity}`);
    this.slack = Math.floor(capacity / 4);
  }

  get size(): number {
    return this.map.size;
  }

  /** Value, and marks the entry recently used (moved to the young end once older than `slack`). */
  get(key: K): V | undefined {
    const s = this.map.get(key);
    if (s === undefined) return undefined;
    this.touch(s);
    return s.v;
  }

  /** Value without changing the order. */
  peek(key: K): V | undefined {
    return this.map.get(key)?.v;
  }

  has(key: K): boolean {
    return this.map.has(key);
  }

  /** Insert, or replace and mark recently used; returns the value evicted to stay under the cap, if any. */
  set(key: K, value: V): V | undefined {
    const s = this.map.get(key);
    if (s !== undefined) {
      s.v = value;
      this.touch(s);
      return undefined;
    }
    const k = own(key);
    this.map.set(k, { k, v: value, at: ++this.ops });
    if (this.map.size > this.capacity) {
      const oldest = this.map.entries().next();
      if (!oldest.done) {
        this.map.delete(oldest.value[0]);
        this.evicted++;
        return oldest.value[1].v;
      }
    }
    return undefined;
  }

  private touch(s: Slot<K, V>): void {
    const now = ++this.ops;
    if (now - s.at <= this.slack) return;
    s.at = now;
    this.map.delete(s.k);
    this.map.set(s.k, s);
  }

  delete(key: K): boolean {
    return this.map.delete(key);
  }

  clear(): void {
    this.map.clear();
  }

  /**
   * Remove entries from the least recently used end while `expired` says so; stops at
   * the first live one (recency approximates age, so this is O(removed)).
   * Returns how many were removed.
   */
  sweep(expired: (value: V, key: K) => boolean, onRemove?: (value: V, key: K) => void): number {
    let n = 0;
    for (const [k, s] of this.map) {
      if (!expired(s.v, k)) break;
      this.map.delete(k);
      if (onRemove) onRemove(s.v, k);
      n++;
    }
    return n;
  }

  /** Oldest first. */
  *entries(): IterableIterator<[K, V]> {
    for (const [k, s] of this.map) yield [k, s.v];
  }

  *values(): IterableIterator<V> {
    for (const s of this.map.values()) yield s.v;
  }
}

/**
 * Keys are usually cut from a log line (an address): stored as is, a substring keeps
 * the whole input chunk it came from alive. Stored keys get their own copy.
 */
function own<K>(key: K): K {
  return typeof key === 'string' ? (flat(key) as K) : key;
}
