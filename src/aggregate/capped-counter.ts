// Counts keys with a hard cap on distinct keys, so memory depends on the cap and
// not on the input. When full, the rarer half is dropped (their counts are kept in
// `dropped`), which keeps the heavy hitters exact enough for a top-N table.
import { flat } from '../util/flat-string.js';

export class CappedCounter<K> {
  private readonly counts = new Map<K, number>();
  /** Sum of counts of keys evicted to stay under the cap. */
  dropped = 0;

  constructor(private readonly cap = 100_000) {}

  add(key: K, n = 1): void {
    const c = this.counts.get(key);
    if (c !== undefined) {
      this.counts.set(key, c + n);
      return;
    }
    if (this.counts.size >= this.cap) this.prune();
    this.counts.set(typeof key === 'string' ? (flat(key) as K) : key, n);
  }

  get size(): number {
    return this.counts.size;
  }

  get(key: K): number {
    return this.counts.get(key) ?? 0;
  }

  /** Highest counts first; ties broken by the key's string form so output is deterministic. */
  top(n: number): [K, number][] {
    return [...this.counts]
      .sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0])))
      .slice(0, n);
  }

  entries(): IterableIterator<[K, number]> {
    return this.counts.entries();
  }

  private prune(): void {
    const sorted = [...this.counts.values()].sort((a, b) => a - b);
    const threshold = sorted[Math.floor(sorted.length / 2)];
    for (const [k, c] of this.counts) {
      if (c <= threshold) {
        this.dropped += c;
        this.counts.delete(k);
      }
    }
  }
}

