// What a source profile keeps of its annotations. Most of tens of thousands of sources
// carry one or two ids: an exact-size array scanned linearly beats hashing, and near-empty
// Maps were much of the report's memory. (Integer sets and counters: int-collections.ts.)

// Arrays grow by concat, not push: push reserves room for ~17 elements at once, which
// across 100k profiles was most of the heap. Empty collections share one array (never
// written to: every insert makes a new one).
const NONE: never[] = [];

/**
 * In rows of `stride` cells that start [key, packets, highest severity]: adds n packets
 * to key's row and raises its severity; false when key has no row yet (the caller
 * appends one, or not, past its cap).
 */
export function addToRow(rows: (string | number)[], stride: number, key: string | number, n: number, severity: number): boolean {
  for (let i = 0; i < rows.length; i += stride) {
    if (rows[i] === key) {
      rows[i + 1] = (rows[i + 1] as number) + n;
      if (severity > (rows[i + 2] as number)) rows[i + 2] = severity;
      return true;
    }
  }
  return false;
}

/**
 * Packets and the highest severity per annotation id: what a source profile keeps of
 * its annotations, in one structure (one scan per annotation). Ids come from the
 * annotation rules, a bounded set, so it never needs a Map.
 *
 * One array of [id, packets, severity] triples, not three arrays: each array costs ~50
 * bytes before its first element, and there is a tally for every source.
 */
export class AnnotationTally implements Iterable<[string, number]> {
  private rows: (string | number)[] = NONE;

  get size(): number {
    return this.rows.length / 3;
  }

  /** Adds n packets to id and raises its severity to `severity` if higher. */
  add(id: string, n: number, severity: number): void {
    if (!addToRow(this.rows, 3, id, n, severity)) this.rows = this.rows.concat([id, n, severity]);
  }

  private find(id: string): number {
    const rows = this.rows;
    for (let i = 0; i < rows.length; i += 3) if (rows[i] === id) return i;
    return -1;
  }

  has(id: string): boolean {
    return this.find(id) >= 0;
  }

  /** Packets counted for id (undefined: never seen). */
  get(id: string): number | undefined {
    const i = this.find(id);
    return i >= 0 ? (this.rows[i + 1] as number) : undefined;
  }

  /** Highest severity seen for id (undefined: never seen). */
  severity(id: string): number | undefined {
    const i = this.find(id);
    return i >= 0 ? (this.rows[i + 2] as number) : undefined;
  }

  /** Ids in first-seen order. */
  keys(): IterableIterator<string> {
    return this.column(1).map(([id]) => id).values();
  }

  /** [id, packets] in first-seen order. */
  [Symbol.iterator](): IterableIterator<[string, number]> {
    return this.column(1).values();
  }

  /** [id, highest severity] in first-seen order. */
  severityEntries(): IterableIterator<[string, number]> {
    return this.column(2).values();
  }

  private column(offset: number): [string, number][] {
    const out: [string, number][] = [];
    for (let i = 0; i < this.rows.length; i += 3) out.push([this.rows[i] as string, this.rows[i + offset] as number]);
    return out;
  }
}
