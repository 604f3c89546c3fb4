// A counter that starts as two small arrays and becomes a Map only when it grows: most
// sources carry one or two annotation ids, and a linear scan of a few items is faster
// than hashing, while tens of thousands of near-empty Maps were much of the report's
// memory. (Integer-keyed sets and counters: int-collections.ts.)

const UPGRADE_AT = 8;

// Arrays grow by concat, not push: push reserves room for ~17 elements at once, which
// across 100k profiles was most of the heap. Empty collections share one array (never
// written to: every insert makes a new one).
const NONE: never[] = [];

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
