// A family skipped as a duplicate (ufw.log of kern.log: Ubuntu writes the same records to
// both) is the only other copy of what the kept family's unread files held (kern.log.1
// chmod 000, a read error, a broken .gz). Read for those stretches of time only, it
// restores those records without counting the others twice.
//
// A rotated log's files hold consecutive stretches of time, so what a file that could not
// be read (or broke off) held lies after the last record read before it and before the
// first record read after it (broken-inputs.ts reasons alike, with slack for a note; here
// the bounds are exact, since records inside them are counted). A record stamped in the
// very millisecond of a bound is taken as the one already read.
import type { InputStats } from '../input/read.js';
import type { FileSpans } from './broken-inputs.js';
import type { DuplicateFallback } from './doc.js';

export interface UnreadStretch {
  /** The files of the kept family not read to their end, oldest first. */
  files: string[];
  /** Exclusive bounds (ms): the last record read before, the first read after; infinite where none. */
  from: number;
  to: number;
}

/** The stretches the unread files of one family's run held; `stats` in reading order, oldest rotation first. */
export function unreadStretches(stats: readonly InputStats[], spans: FileSpans): UnreadStretch[] {
  const out: UnreadStretch[] = [];
  let lastRead = -Infinity;
  let open: UnreadStretch | null = null;
  for (const s of stats) {
    const span = spans.get(s.file);
    if (span !== undefined) {
      if (open !== null) {
        open.to = span.first;
        out.push(open);
        open = null;
      }
      lastRead = span.last;
    }
    if (!s.incomplete) continue;
    if (open === null) open = { files: [s.file], from: lastRead, to: Infinity };
    else open.files.push(s.file);
  }
  if (open !== null) out.push(open);
  return out;
}

/** Is `time` (ms) inside one of the stretches? */
export function inStretches(stretches: readonly UnreadStretch[], time: number): boolean {
  for (const s of stretches) if (time > s.from && time < s.to) return true;
  return false;
}

/**
 * What the daily document says of one fallback: `stats` are the duplicate family's, read for
 * `stretches`. Restored only when that family was itself read whole and, for a stretch open
 * at its newer end (the kept family's newest file unread), written as late as the files it
 * stands in for: else it may end before they did.
 */
export function duplicateFallback(stretches: readonly UnreadStretch[], family: { name: string; files: readonly string[] }, stats: readonly InputStats[], unreadStats: readonly InputStats[]): DuplicateFallback {
  const unread = stretches.flatMap((s) => s.files);
  const newest = Math.max(-Infinity, ...stats.map((s) => s.modified ?? -Infinity));
  const openEnded = stretches.filter((s) => s.to === Infinity).flatMap((s) => s.files);
  const lateEnough = unreadStats.every((s) => !openEnded.includes(s.file) || (s.modified != null && newest >= s.modified));
  return { unread, family: family.name, read: [...family.files], restored: !stats.some((s) => s.incomplete) && lateEnough };
}
