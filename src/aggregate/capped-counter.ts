// Counts keys with a hard cap on distinct keys, so memory depends on the cap and
// not on the input. When full, the rarer half is dropped (their counts are kept in
// `dropped`), which keeps the heavy hitters exact enough for a top-N table.
import { flat } from '../util/flat-string.js';
import { topN } from './top-n.js';
import { cmpStr } from '../util/compare.js';

export class CappedCounter<K> {
  /** Counts as plain numbers: an object per key (to update it in one lookup) cost 32 bytes for each of tens of thousands of sources. */
  private readonly counts = new Map<K, number>();
  /**
   * The run of the same key being counted, not yet in `counts`: most counters see one
   * value event after event (one format, mostly "drop", a scan's source), and === on it
   * is cheaper than hashing. Folded in when another key comes, or before any read.
   */
  private runKey: K | undefined;
  private runCount = 0;
  /** Sum of counts of keys evicted to stay under the cap. */
  private droppedCount = 0;
  /** True once the cap was reached: `size` is then no longer the number of distinct keys seen. */
  private wasSaturated = false;

  constructor(private readonly cap = 100_000) {}

  add(key: K, n = 1): void {
    if (key === this.runKey) {
      this.runCount += n;
      return;
    }
    this.settle();
    this.runKey = key;
    this.runCount = n;
  }

  get size(): number {
    this.settle();
    return this.counts.size;
  }

  /** Sum of counts of keys evicted to stay under the cap. */
  get dropped(): number {
    this.settle();
    return this.droppedCount;
  }

  /** True once the cap was reached: `size` is then no longer the number of distinct keys seen. */
  get saturated(): boolean {
    this.settle();
    return this.wasSaturated;
  }

  /** Distinct keys seen: exact until the cap was reached, then the cap (a lower bound; `saturated`). */
  get distinct(): number {
    return this.saturated ? this.cap : this.size;
  }

  get(key: K): number {
    this.settle();
    return this.counts.get(key) ?? 0;
  }

  /** Highest counts first; ties broken by the key's string form so output is deterministic. */
  top(n: number): [K, number][] {
    return topN(this.entries(), n, (a, b) => b[1] - a[1] || cmpStr(String(a[0]), String(b[0])));
  }

  *entries(): IterableIterator<[K, number]> {
    this.settle();
    yield* this.counts;
  }

  /** Folds the current run into the counts (a new key joins them only while under the cap, pruning first). */
  private settle(): void {
    const k = this.runKey;
    if (k === undefined) return;
    this.runKey = undefined;
    const cur = this.counts.get(k);
    if (cur !== undefined) this.counts.set(k, cur + this.runCount);
    else {
      if (this.counts.size >= this.cap) this.prune();
      // Flatten the key: a substring would keep its whole log line alive.
      this.counts.set(typeof k === 'string' ? (flat(k) as K) : k, this.runCount);
    }
  }

  private prune(): void {
    this.wasSaturated = true;
    // The lower half by count; the sort is stable, so among equal counts the oldest keys
    // go first. (A threshold on the median dropped everything when all counts were equal.)
    const rarest = [...this.counts].sort((a, b) => a[1] - b[1]);
    for (let i = 0; i < Math.ceil(rarest.length / 2); i++) {
      const [k, n] = rarest[i];
      this.droppedCount += n;
      this.counts.delete(k);
    }
  }
}
