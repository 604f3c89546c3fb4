// What a source profile keeps of its annotations. Most of tens of thousands of sources
// carry one or two ids: exact-size arrays scanned linearly beat hashing, and near-empty
// Maps were much of the report's memory. (Integer sets and counters: int-collections.ts.)

// Arrays grow by concat, not push: push reserves room for ~17 elements at once, which
// across 100k profiles was most of the heap. Empty collections share one array (never
// written to: every insert makes a new one).
const NONE: never[] = [];

/**
 * Packets and the highest severity per annotation id: what a source profile keeps of
 * its annotations, in one structure (one scan per annotation, three exact-size arrays).
 * Ids come from the annotation rules, a bounded set, so it never needs a Map.
 */
export class AnnotationTally implements Iterable<[string, number]> {
  private ids: string[] = NONE;
  private packets: number[] = NONE;
  private severities: number[] = NONE;

  get size(): number {
    return this.ids.length;
  }

  /** Adds n packets to id and raises its severity to `severity` if higher. */
  add(id: string, n: number, severity: number): void {
    const ids = this.ids;
    for (let i = 0; i < ids.length; i++) {
      if (ids[i] === id) {
        this.packets[i] += n;
        if (severity > this.severities[i]) this.severities[i] = severity;
        return;
      }
    }
    this.ids = ids.concat([id]);
    this.packets = this.packets.concat([n]);
    this.severities = this.severities.concat([severity]);
  }

  has(id: string): boolean {
    return this.ids.includes(id);
  }

  /** Packets counted for id (undefined: never seen). */
  get(id: string): number | undefined {
    const i = this.ids.indexOf(id);
    return i >= 0 ? this.packets[i] : undefined;
  }

  /** Highest severity seen for id (undefined: never seen). */
  severity(id: string): number | undefined {
    const i = this.ids.indexOf(id);
    return i >= 0 ? this.severities[i] : undefined;
  }

  keys(): IterableIterator<string> {
    return this.ids.values();
  }

  /** [id, packets] in first-seen order. */
  [Symbol.iterator](): IterableIterator<[string, number]> {
    return this.ids.map((id, i): [string, number] => [id, this.packets[i]]).values();
  }

  /** [id, highest severity] in first-seen order. */
  severityEntries(): IterableIterator<[string, number]> {
    return this.ids.map((id, i): [string, number] => [id, this.severities[i]]).values();
  }
}
