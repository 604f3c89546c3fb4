// Counts keys with a hard cap on distinct keys, so memory depends on the cap and
// not on the input. When full, the rarer half is dropped (their counts are kept in
// `dropped`), which keeps the heavy hitters exact enough for a top-N table.
import { flat } from '../util/flat-string.js';
import { topN } from './top-n.js';
import { cmpStr } from '../util/compare.js';

/** A counter's first slots; it doubles from there (a run's few formats need no more). */
const FIRST_SLOTS = 16;

export class CappedCounter<K> {
  /**
   * Key → its slot in `counts`. A count lives in the slot, not in the Map, so adding to a
   * key is one hash lookup (a Map of counts took a get and a set), and an object per key
   * (to update it in one lookup) would cost 32 bytes for each of tens of thousands of sources.
   */
  private readonly index = new Map<K, number>();
  private counts = new Float64Array(FIRST_SLOTS);
  /** Slots of pruned keys, for new ones. */
  private readonly free: number[] = [];
  /**
   * The last two keys counted and their slots: most counters see one value event after
   * event (one format, a scan's source) or two in turns (drop and allow, two rule labels),
   * and === on them is cheaper than hashing. Forgotten when a prune frees slots.
   */
  private lastKey: K | undefined;
  private lastSlot = -1;
  private prevKey: K | undefined;
  private prevSlot = -1;
  /** Sum of counts of keys evicted to stay under the cap. */
  private droppedCount = 0;
  /** True once the cap was reached: `size` is then no longer the number of distinct keys seen. */
  private wasSaturated = false;

  constructor(private readonly cap = 100_000) {}

  add(key: K, n = 1): void {
    if (key === this.lastKey) {
      this.counts[this.lastSlot] += n;
      return;
    }
    let slot: number;
    if (key === this.prevKey) slot = this.prevSlot;
    else {
      const found = this.index.get(key);
      slot = found === undefined ? this.insert(key) : found;
    }
    this.counts[slot] += n;
    this.prevKey = this.lastKey;
    this.prevSlot = this.lastSlot;
    this.lastKey = key;
    this.lastSlot = slot;
  }

  get size(): number {
    return this.index.size;
  }

  /** Sum of counts of keys evicted to stay under the cap. */
  get dropped(): number {
    return this.droppedCount;
  }

  /** True once the cap was reached: `size` is then no longer the number of distinct keys seen. */
  get saturated(): boolean {
    return this.wasSaturated;
  }

  /** Distinct keys seen: exact until the cap was reached, then the cap (a lower bound; `saturated`). */
  get distinct(): number {
    return this.saturated ? this.cap : this.size;
  }

  get(key: K): number {
    const slot = this.index.get(key);
    return slot === undefined ? 0 : this.counts[slot]!;
  }

  /** Highest counts first; ties broken by the key's string form so output is deterministic. */
  top(n: number): [K, number][] {
    return topN(this.entries(), n, (a, b) => b[1] - a[1] || cmpStr(String(a[0]), String(b[0])));
  }

  /** [key, count] in the order the keys first came (a pruned key that comes back, from then). */
  *entries(): IterableIterator<[K, number]> {
    for (const [k, slot] of this.index) yield [k, this.counts[slot]!];
  }

  /** A new key's slot, with a count of 0 (pruning first when the counter is full). */
  private insert(key: K): number {
    if (this.index.size >= this.cap) this.prune();
    let slot = this.free.pop();
    if (slot === undefined) {
      slot = this.index.size;
      if (slot === this.counts.length) {
        const grown = new Float64Array(this.counts.length * 2);
        grown.set(this.counts);
        this.counts = grown;
      }
    }
    // Flatten the key: a substring would keep its whole log line alive.
    this.index.set(typeof key === 'string' ? (flat(key) as K) : key, slot);
    return slot;
  }

  private prune(): void {
    this.wasSaturated = true;
    this.lastKey = this.prevKey = undefined;
    // The lower half by count; the sort is stable, so among equal counts the oldest keys
    // go first. (A threshold on the median dropped everything when all counts were equal.)
    const rarest = [...this.index].sort((a, b) => this.counts[a[1]]! - this.counts[b[1]]!);
    for (let i = 0; i < Math.ceil(rarest.length / 2); i++) {
      const [k, slot] = rarest[i]!;
      this.droppedCount += this.counts[slot]!;
      this.counts[slot] = 0;
      this.index.delete(k);
      this.free.push(slot);
    }
  }
}
