// Inputs not read to the end (a truncated .gz, a read error, a directory, a file that
// cannot be opened) and whether what they lost can be records of a given day. A rotated
// log's files hold consecutive stretches of time, and reading stops part way, so what a
// broken file lost lies after its last record read and before the first record of the
// next newer rotation (and before its own mtime: a file is written up to its mtime, a .gz
// compressed after that). A day outside those bounds lost nothing to it, as
// rotation-gaps.ts reasons for a rotation missing from the numbering.
import type { InputStats } from '../input/read.js';
import { familyKeys } from '../input/rotation-order.js';
import { SLACK_MS } from './discover.js';

/** First and last record time read per input (ms). */
export class FileSpans {
  private readonly spans = new Map<string, { first: number; last: number }>();
  // Records come file after file: one Map lookup per file, not per record.
  private file: string | null = null;
  private span: { first: number; last: number } | null = null;

  see(file: string, time: number): void {
    if (file !== this.file || this.span === null) {
      this.file = file;
      this.span = this.spans.get(file) ?? null;
      if (this.span === null) {
        this.span = { first: time, last: time };
        this.spans.set(file, this.span);
        return;
      }
    }
    if (time < this.span.first) this.span.first = time;
    if (time > this.span.last) this.span.last = time;
  }

  get(file: string): { first: number; last: number } | undefined {
    return this.spans.get(file);
  }
}

export interface BrokenInput {
  file: string;
  /** Why, without the file name the input layer puts in front of some reasons. */
  error: string;
  /** No record was read from it (it could not be opened, is a directory, binary …). */
  nothingRead: boolean;
  /** Where its lost records can lie (ms, slack included): after `from`, before `to`; infinite where nothing bounds them. */
  from: number;
  to: number;
}

/** "/var/log/x: no such file" → "no such file": the reason alone, for lists that name the file themselves. */
export function reasonOnly(file: string, error: string): string {
  return error.startsWith(`${file}: `) ? error.slice(file.length + 2) : error;
}

/** The inputs in `stats` (in reading order, oldest rotation first) that were not read to the end, with the bounds of what each lost. */
export function brokenInputs(stats: readonly InputStats[], spans: FileSpans): BrokenInput[] {
  const out: BrokenInput[] = [];
  const families = familyKeys(stats.map((s) => s.file));
  stats.forEach((s, i) => {
    if (!s.incomplete) return;
    const own = spans.get(s.file);
    const family = families[i]!;
    let to = s.modified != null ? s.modified + SLACK_MS : Infinity;
    // The next newer rotation of the same log that yielded a record.
    for (let j = i + 1; family !== null && j < stats.length; j++) {
      if (families[j] !== family) continue;
      const next = spans.get(stats[j]!.file);
      if (next === undefined) continue;
      to = Math.min(to, next.first + SLACK_MS);
      break;
    }
    out.push({
      file: s.file,
      error: reasonOnly(s.file, s.error ?? ''),
      nothingRead: s.lines === 0,
      from: own === undefined ? -Infinity : own.last - SLACK_MS,
      to,
    });
  });
  return out;
}

/** Could `b`'s lost records fall in [start, end)? */
export function mayHold(b: BrokenInput, w: { start: number; end: number }): boolean {
  return b.to >= w.start && b.from < w.end;
}
