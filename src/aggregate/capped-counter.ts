// Counts keys with a hard cap on distinct keys, so memory depends on the cap and
// not on the input. When full, the rarer half is dropped (their counts are kept in
// `dropped`), which keeps the heavy hitters exact enough for a top-N table.
import { flat } from '../util/flat-string.js';
import { topN } from './top-n.js';

/** A mutable count: one hash lookup per add instead of a get and a set. */
interface Tally {
  n: number;
}

export class CappedCounter<K> {
  private readonly counts = new Map<K, Tally>();
  /**
   * The last key added and its tally: most counters see the same value run after run
   * (one format, mostly "drop", mostly "tcp"), and === on it is cheaper than hashing.
   */
  private lastKey: K | undefined;
  private lastTally: Tally | undefined;
  /** Sum of counts of keys evicted to stay under the cap. */
  dropped = 0;
  /** True once the cap was reached: `size` is then no longer the number of distinct keys seen. */
  saturated = false;

  constructor(private readonly cap = 100_000) {}

  add(key: K, n = 1): void {
    if (key === this.lastKey && this.lastTally !== undefined) {
      this.lastTally.n += n;
      return;
    }
    let t = this.counts.get(key);
    if (t !== undefined) t.n += n;
    else {
      if (this.counts.size >= this.cap) this.prune();
      t = { n };
      key = typeof key === 'string' ? (flat(key) as K) : key;
      this.counts.set(key, t);
    }
    this.lastKey = key;
    this.lastTally = t;
  }

  get size(): number {
    return this.counts.size;
  }

  /** Distinct keys seen: exact until the cap was reached, then the cap (a lower bound; `saturated`). */
  get distinct(): number {
    return this.saturated ? this.cap : this.counts.size;
  }

  get(key: K): number {
    return this.counts.get(key)?.n ?? 0;
  }

  /** Highest counts first; ties broken by the key's string form so output is deterministic. */
  top(n: number): [K, number][] {
    return topN(this.entries(), n, (a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0])));
  }

  *entries(): IterableIterator<[K, number]> {
    for (const [k, t] of this.counts) yield [k, t.n];
  }

  private prune(): void {
    this.saturated = true;
    // The lower half by count; the sort is stable, so among equal counts the oldest keys
    // go first. (A threshold on the median dropped everything when all counts were equal.)
    const rarest = [...this.counts].sort((a, b) => a[1].n - b[1].n);
    for (let i = 0; i < Math.ceil(rarest.length / 2); i++) {
      const [k, t] = rarest[i];
      this.dropped += t.n;
      this.counts.delete(k);
    }
    this.lastKey = undefined;
    this.lastTally = undefined;
  }
}
