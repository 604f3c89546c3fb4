// The follower's contract with whoever consumes its lines (the `follow` command,
// or a test). Kept apart so the consumer side needs no fs code.
import type { LineConsumer } from './lines.js';
import type { InputProblem } from './problem.js';

/** Why a file object starts being read. */
export type GenerationReason =
  /** Followed from the start of the run (from its end, or from 0 with fromStart). */
  | 'start'
  /** Did not exist (or could not be read) at first, appeared later: read from 0. */
  | 'appeared'
  /** A new file replaced the path (rename + create, delete + create): read from 0. */
  | 'rotated'
  /** The same file shrank below what was read (copytruncate) or was rewritten: read from 0. */
  | 'truncated'
  /** Continued from a --state entry. */
  | 'resumed'
  /** --state knew the path, but the file now there is a new one: read from 0. */
  | 'rotated-while-stopped'
  /** stdin, or another stream. */
  | 'stream';

export interface FollowedFile {
  /** The path as given on the command line: what `origin.file` says. */
  name: string;
  /** Where the bytes come from now (a rotated file being finished lives at `kern.log.1`). */
  readingFrom: string;
  /** "dev:ino", or "" for a stream. */
  id: string;
  reason: GenerationReason;
  /** Byte offset and line count where reading starts (line numbers continue from startLine). */
  startOffset: number;
  startLine: number;
  /** The file's mtime when opened (a year-less stamp's year comes from the clock when its line is read: live/parse-session.ts). */
  mtime: Date;
  /**
   * When reading starts mid-file: its first complete lines (at most HEAD_LINES), so a
   * consumer can sniff the format and see header lines it would otherwise never read.
   */
  head: readonly string[];
}

export interface GenerationConsumer extends LineConsumer {
  /** Caught up with the file for now: a good moment to decide a format and flush output. */
  idle?(): void;
  /**
   * Lines handed on are still held, their output not written yet (the format is not
   * chosen): the position after them is no place to resume from yet.
   */
  holding?(): boolean;
  /** No more lines will come from this file object. */
  end(): void;
  /** The file object is not a text log (gzip, binary, UTF-16 without a mark; `problem` says which): no lines will come from it. */
  notText?(problem: InputProblem): void;
  /** The file object is UTF-16 text with a byte-order mark: its lines come decoded. */
  decoded?(encoding: 'UTF-16LE' | 'UTF-16BE'): void;
}

export type NoticeKind = 'info' | 'problem';

export interface FollowConsumer {
  /** A file object starts being read; its lines go to the consumer returned. */
  open(file: FollowedFile): GenerationConsumer;
  /** Something a person should know: waiting for a file, a rotation, a file that cannot be read. */
  notice(name: string, message: string, kind: NoticeKind): void;
}

/**
 * How far the output of the lines handed on has gone (the follow command's stdout):
 * --state saves a position only once the output of every line before it was taken, so
 * lines whose output was given up when stopping (a reader that stopped reading) are read
 * again on restart. Without one, a line counts as delivered once handed on.
 */
export interface Delivery {
  /** A mark for all the output so far (bytes written). */
  mark(): number;
  /** Output taken so far, in the same unit: a mark at most this is delivered. */
  taken(): number;
}

export interface FollowOptions {
  /** Read what the files already hold (default: start at their end). */
  fromStart?: boolean;
  /** Stat poll interval, the ground truth (fs.watch only wakes the poll early). Default 250 ms. */
  pollMs?: number;
  /**
   * A file replaced at its path is read until it has not grown for this long: a daemon
   * keeps writing to the old file until it is told to reopen (logrotate's postrotate HUP).
   */
  retireMs?: number;
  /** Longest line kept (longer ones reported as overlong). */
  maxLineLength?: number;
  /** Use fs.watch as a wake-up hint (default true). */
  watch?: boolean;
}
