// A bounded map with least-recently-used eviction. A Map already keeps insertion
// order, so "touch" is delete+set and the oldest entry is the first key: no linked
// list, no dependency. The cap is what keeps memory flat on huge logs; callers also
// sweep expired entries from the old end (sweep) so idle keys go before the cap bites.

import { flat } from '../util/flat-string.js';

export class Lru<K, V> {
  private readonly map = new Map<K, V>();
  /** Entries dropped because the cap was reached (not by sweep/delete). */
  evicted = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`LRU capacity must be a positive integer, got ${capacity}`);
  }

  get size(): number {
    return this.map.size;
  }

  /** Value and mark as most recently used. */
  get(key: K): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(own(key), v);
    }
    return v;
  }

  /** Value without changing the order. */
  peek(key: K): V | undefined {
    return this.map.get(key);
  }

  has(key: K): boolean {
    return this.map.has(key);
  }

  /** Insert or replace as most recently used; returns the evicted [key, value] pair's value, if any. */
  set(key: K, value: V): V | undefined {
    if (this.map.has(key)) this.map.delete(key);
    this.map.set(own(key), value);
    if (this.map.size > this.capacity) {
      const oldest = this.map.keys().next();
      if (!oldest.done) {
        const old = this.map.get(oldest.value);
        this.map.delete(oldest.value);
        this.evicted++;
        return old;
      }
    }
    return undefined;
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
    for (const [k, v] of this.map) {
      if (!expired(v, k)) break;
      this.map.delete(k);
      if (onRemove) onRemove(v, k);
      n++;
    }
    return n;
  }

  /** Oldest first. */
  entries(): IterableIterator<[K, V]> {
    return this.map.entries();
  }

  values(): IterableIterator<V> {
    return this.map.values();
  }
}

/**
 * Keys are usually cut from a log line (an address): stored as is, a substring keeps
 * the whole input chunk it came from alive. Stored keys get their own copy.
 */
function own<K>(key: K): K {
  return typeof key === 'string' ? (flat(key) as K) : key;
}
