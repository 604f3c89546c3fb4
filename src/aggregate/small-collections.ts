// Sets and counters that start as small arrays and become a Set/Map only when they
// grow. Most sources send a handful of packets to one or two ports and hosts: a linear
// scan of a few items is faster than hashing, and tens of thousands of empty-ish
// Map/Set objects were most of the report's memory.

const UPGRADE_AT = 8;

// Arrays grow by concat, not push: push reserves room for ~17 elements at once, which
// across 100k profiles was most of the heap. Empty collections share one array (never
// written to: every insert makes a new one).
const NONE: never[] = [];

export class SmallSet<T> implements Iterable<T> {
  private items: T[] = NONE;
  private set: Set<T> | null = null;

  get size(): number {
    return this.set !== null ? this.set.size : this.items.length;
  }

  /** Adds `v`; true when it was not there before. */
  add(v: T): boolean {
    const set = this.set;
    if (set !== null) {
      const before = set.size;
      return set.add(v).size !== before;
    }
    const items = this.items;
    for (let i = 0; i < items.length; i++) if (items[i] === v) return false;
    if (items.length < UPGRADE_AT) this.items = items.concat([v]);
    else {
      this.set = new Set(items).add(v);
      this.items = NONE;
    }
    return true;
  }

  has(v: T): boolean {
    return this.set !== null ? this.set.has(v) : this.items.includes(v);
  }

  [Symbol.iterator](): Iterator<T> {
    return (this.set ?? this.items)[Symbol.iterator]();
  }
}

export class SmallMap<K> implements Iterable<[K, number]> {
  private ks: K[] = NONE;
  private vs: number[] = NONE;
  private map: Map<K, number> | null = null;

  get size(): number {
    return this.map !== null ? this.map.size : this.ks.length;
  }

  get(k: K): number | undefined {
    if (this.map !== null) return this.map.get(k);
    const ks = this.ks;
    for (let i = 0; i < ks.length; i++) if (ks[i] === k) return this.vs[i];
    return undefined;
  }

  has(k: K): boolean {
    return this.get(k) !== undefined;
  }

  set(k: K, v: number): this {
    if (this.map !== null) {
      this.map.set(k, v);
      return this;
    }
    const ks = this.ks;
    for (let i = 0; i < ks.length; i++) {
      if (ks[i] === k) {
        this.vs[i] = v;
        return this;
      }
    }
    if (ks.length < UPGRADE_AT) {
      this.ks = ks.concat([k]);
      this.vs = this.vs.concat([v]);
    } else {
      const m = new Map<K, number>();
      for (let i = 0; i < ks.length; i++) m.set(ks[i], this.vs[i]);
      this.map = m.set(k, v);
      this.ks = NONE;
      this.vs = NONE;
    }
    return this;
  }

  /** Adds n to k's count (starting at 0). */
  add(k: K, n: number): void {
    this.set(k, (this.get(k) ?? 0) + n);
  }

  keys(): IterableIterator<K> {
    return this.map !== null ? this.map.keys() : this.ks.values();
  }

  entries(): IterableIterator<[K, number]> {
    if (this.map !== null) return this.map.entries();
    return this.ks.map((k, i): [K, number] => [k, this.vs[i]]).values();
  }

  [Symbol.iterator](): IterableIterator<[K, number]> {
    return this.entries();
  }
}
