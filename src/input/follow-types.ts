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
  /** The file object is read in --encoding's legacy encoding (its WHATWG name): its lines come decoded. */
  decodedFrom?(encoding: string): void;
  /** Read as UTF-8: `lines` more lines were not valid UTF-8 (the hint to try --encoding). */
  invalidUtf8?(lines: number): void;
}

/**
 * 'problem': the path cannot be read now (exit 3 at the stop unless it is read again);
 * 'lost': lines that will never be read (a rotated copy cut off, corrupt, unreadable, or
 * compressed by a command that is not installed), or bytes of a gzip copy ignored (after its
 * gzip data, as the report's exit 3 for them): exit 3 at the stop whatever is read after.
 */
export type NoticeKind = 'info' | 'problem' | 'lost';

/**
 * What `follow` tells a person about a followed path (after "logscan: NAME: "), as facts the
 * catalog words in --lang (i18n: follow.notice). Paths are as found on disk; `problem`: why
 * the system refused (input/problem.ts fsProblem).
 */
export type FollowNotice =
  /**
   * `nonUtf8Name`: the name has bytes Node.js could not decode, so it can never be found.
   * `journal`: a systemd journal directory beside the path (`/var/log/journal`): on a system
   * without a syslog daemon (Debian 12 on) the firewall's lines are there and the file never comes.
   */
  | { code: 'waiting'; nonUtf8Name: boolean; journal?: string }
  | { code: 'appeared' }
  | { code: 'readable-now' }
  /** The file's first line that is not valid UTF-8 (said once a run; the stop summary counts them all). */
  | { code: 'not-utf8' }
  | { code: 'removed' }
  | { code: 'rotated' }
  | { code: 'new-since-stop' }
  | { code: 'truncated' }
  /** copytruncate: the rest of the old content was read from `copy`. */
  | { code: 'copytruncated'; copy: string }
  /** A rotated file being finished was rewritten in place. */
  | { code: 'overwritten'; file: string }
  | { code: 'truncated-while-stopped' }
  /** --state: the file read last time is now `file`, finished before the path. */
  | { code: 'rotated-while-stopped'; file: string }
  /** --state: `rotations` rotations while stopped; `reading`: the rotated files read first (base names), then `base`. */
  | { code: 'rotations-while-stopped'; rotations: number; reading: readonly string[]; base: string }
  /** --state: older rotations not read: `count` of them, `first` to `last` (the same for one); at most `max` are. */
  | { code: 'rotations-not-read'; count: number; first: string; last: string; max: number; base: string }
  /** --state: `files` (base names) were written while stopped under names that give no order among the rotations: not read. */
  | { code: 'unordered-not-read'; files: readonly string[] }
  /**
   * The lines after `line` not read yet may be in `file`, compressed by a command that is not
   * installed (`problem`: unpacker-missing): not read (a --state restart, or a copytruncate).
   */
  | { code: 'copy-unread'; file: string; line: number; problem: InputProblem }
  /** --state: the file of the saved position (`ino`, `line`) is gone. */
  | { code: 'position-lost'; ino: string; line: number }
  /**
   * A compressed rotation (`file`) whose data broke off, cut or corrupt (`problem`: gzip-cut or
   * unpack-cut, with the last line read and the unpacker's words): the rest of it is not read.
   */
  | { code: 'copy-cut'; file: string; problem: Extract<InputProblem, { code: 'gzip-cut' | 'unpack-cut' }> }
  /**
   * A rotation (`file`) that could not be read (`problem`: EIO …) after `line`: not retried
   * (a compressed one, `packed`, would be unpacked again from its start; the file at the
   * path is read on meanwhile), the rest not read.
   */
  | { code: 'copy-read-error'; file: string; line: number; problem: InputProblem; packed: boolean }
  /**
   * A gzip rotation (`file`) read to its end had bytes after its gzip data that are not gzip
   * (`problem`: gzip-trailing): ignored, every line before them read, said as the report says them.
   */
  | { code: 'copy-trailing'; file: string; problem: Extract<InputProblem, { code: 'gzip-trailing' }> }
  /** The path cannot be used now; logscan keeps trying. `step`: stat, open, or reading it. */
  | { code: 'fs-retry'; step: 'stat' | 'open' | 'read'; problem: InputProblem }
  /** A rotated file (`file`) that cannot be opened or read: its lines are not read. */
  | { code: 'rotation-unreadable'; file: string; read: boolean; problem: InputProblem }
  /** `name`: how the user named it, for the command that follows it as standard input. */
  | { code: 'fifo'; name: string }
  | { code: 'directory' }
  | { code: 'not-regular' }
  /** The file is no text log (gzip, binary, UTF-16 without a mark): `problem` says which. */
  | { code: 'not-text'; problem: InputProblem }
  /** Standard input: gzip data that ended early (`why`: zlib's words), or whose header is bad. */
  | { code: 'gzip-broke-off'; why: string }
  | { code: 'gzip-bad-header'; why: string }
  /** Standard input: bytes after the last gzip member that are not gzip, ignored, worded as the other commands word them (problem code 'gzip-trailing'). */
  | { code: 'gzip-trailing'; bytes: number }
  /** Standard input: bzip2, xz or zstd data that ended early or is corrupt, worded as the other commands word it (problem code 'unpack-cut'). */
  | { code: 'unpack-cut'; problem: InputProblem }
  /** Standard input could not be read: the system's message and its errno code (input/problem.ts errnoCode). */
  | { code: 'stream-error'; message: string; errno: string | undefined };

export interface FollowConsumer {
  /** A file object starts being read; its lines go to the consumer returned. */
  open(file: FollowedFile): GenerationConsumer;
  /** Something a person should know: waiting for a file, a rotation, a file that cannot be read. */
  notice(name: string, notice: FollowNotice, kind: NoticeKind): void;
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
  /** --encoding: the files' legacy encoding (input/encoding.ts), null or absent for UTF-8. */
  encoding?: string | null;
  /** Use fs.watch as a wake-up hint (default true). */
  watch?: boolean;
}
