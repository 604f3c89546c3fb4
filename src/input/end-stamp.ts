// The reference date for the years of a year-less log (BSD syslog stamps): the time of its
// last stamped line, when the file's date is later. The file date (mtime) bounds the last
// line, not every line: read per line against a date months after the log ended (a copy
// made without `cp -p`, a download), a log that spans the file date's day of the year
// took that year for its lines before the day and the year before for those after it,
// running backwards (Oct 2026, Nov 2026, then Nov 2025, Dec 2025, Jan 2026). Dated by its
// last line, the log's lines are each the latest that is not after the end of the log.
//
// Only the file's tail is read (TAIL_BYTES, once per input, before its lines): a regular,
// uncompressed file. A compressed one is dated by the time its gzip header records, the
// original's mtime, when that is earlier than its own (input/open.ts): a downloaded .gz
// without decompressing its end.
import { newEnvelope, SyslogEnvelopeReader } from '../parsers/syslog-envelope.js';

/** Enough for dozens of firewall lines; a tail without a year-less stamp keeps the file date. */
const TAIL_BYTES = 16_384;

/** Reads `length` bytes at `position` of the input (fewer at its end). */
export type ReadAt = (length: number, position: number) => Promise<Buffer>;

/**
 * The file date, or the time of the last line with a year-less stamp (its year inferred
 * from the file date, as the parsers infer it) when that is earlier.
 */
export async function yearReference(mtime: Date, size: number, readAt: ReadAt, tz: string | null): Promise<Date> {
  if (size === 0) return mtime;
  const start = Math.max(0, size - TAIL_BYTES);
  const text = (await readAt(size - start, start)).toString('utf8');
  const lines = text.split('\n');
  // A tail that starts mid-line: its first piece is not a line's start.
  const first = start === 0 ? 0 : 1;
  const reader = new SyslogEnvelopeReader({ refDate: mtime, year: null, tz });
  const env = newEnvelope();
  for (let i = lines.length - 1; i >= first; i--) {
    reader.read(lines[i]!, env);
    if (env.time !== null && env.yearInferred) return env.time.getTime() < mtime.getTime() ? env.time : mtime;
  }
  return mtime;
}
