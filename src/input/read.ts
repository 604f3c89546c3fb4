// source -> lines -> parse: reads every input in order, picks each file's format
// from its first lines, and hands events to the caller. A bad input is recorded
// in its stats and the next one is read; nothing here throws for bad data.
import type { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { FirewallEvent } from '../event.js';
import { InputError } from '../errors.js';
import type { LineSink, LocalTimeCarry, YearCarry } from '../parsers/types.js';
import { BinaryGate, BinaryInputError } from './binary.js';
import { LineSplitter, overlongReason } from './lines.js';
import { inputName, openInput, releaseFifo, type OpenedInput } from './open.js';
import { yearReference } from './end-stamp.js';
import { fileYearCarry } from '../parsers/timestamp.js';
import { PickingParser, type FormatChoice, type PickedFormat } from './pick-format.js';
import { familyKeys } from './rotation-order.js';
import { errnoCode, problemText, systemError, type InputProblem } from './problem.js';
import { reasonText } from '../i18n/messages.js';
import type { LineReason } from '../parsers/reason.js';

export interface InputStats {
  file: string;
  format: string | null;
  /** How the format was chosen. */
  formatBy: FormatChoice | null;
  lines: number;
  events: number;
  skipped: number;
  malformed: number;
  /** Set when the input could not be read at all or broke off: in English (stderr, JSON). */
  error: string | null;
  /** The same as a code and its facts, for words in --lang; absent or null when `error` is null. */
  problem?: InputProblem | null;
  /** True when reading stopped early (truncated gzip, read error, binary, shrank); events before it are kept. */
  incomplete: boolean;
  /** True when reading was stopped on request (SIGINT/SIGTERM); not an error, not `incomplete`. */
  interrupted?: boolean;
  /** Most of this input's records were also read from `other` (src/input/repeated-records.ts): counted twice. */
  repeats?: { other: string; records: number; share: number };
  /** UTF-16 text with a byte-order mark, decoded as it was read: which byte order. Absent for UTF-8/ASCII. */
  encoding?: 'UTF-16LE' | 'UTF-16BE';
  /** Decoded from --encoding's legacy encoding (its WHATWG name, input/encoding.ts). Absent for UTF-8 and UTF-16. */
  decodedFrom?: string;
  /** Read as UTF-8: lines that were not valid UTF-8 (shown with U+FFFD), when any; the hint to try --encoding. */
  invalidUtf8?: number;
  /**
   * A regular file's modification time when opened (epoch ms; for gzip data the header's
   * time when earlier, OpenedInput.refDate): the log was still written then, so a quiet
   * stretch before it is quiet, not missing. Null for stdin, pipes, devices.
   */
  modified?: number | null;
  /**
   * True when the parser read a time that had no zone in the log (BSD syslog stamps,
   * pfirewall.log's local time) and so read it in --tz or this machine's zone. The
   * parser's time converter sets it (the stats are the input's ParseContext.zoneNote).
   */
  zonelessTimes?: boolean;
  /** ZoneNote.unmatchedZone: a short-full stamp's zone name that is none of --tz's. */
  unmatchedZone?: string;
  /** ZoneNote.namedZone: a stamp's zone name that is one of --tz's (read in it, a zone all the same). */
  namedZone?: string;
  /** ZoneNote.headerTimes: records dated by their syslog header, with and without a zone in it. */
  headerTimes?: { zoned: number; zoneless: number };
  /** HeaderNote.unreadHeader: records whose syslog header was not understood (read from their tag on). */
  unreadHeader?: { records: number; line: number; text: string };
}

export interface SkippedLine {
  file: string;
  line: number;
  /** In English, as the JSON says it. */
  reason: string;
  /** The same as data: `check` says it in --lang. */
  why: LineReason;
}

export interface MalformedLine {
  file: string;
  line: number;
  /** In English, as the JSON and stderr without --lang say it. */
  reason: string;
  /** The same as data: `check` and a Chinese stderr say it in their language. */
  why: LineReason;
  text: string;
}

export interface ReadOptions {
  inputFormat: string | null;
  /** --encoding: a legacy encoding's WHATWG name (input/encoding.ts); null or absent for UTF-8. */
  encoding?: string | null;
  year: number | null;
  tz: string | null;
  onEvent(e: FirewallEvent): void;
  onMalformed?(m: MalformedLine): void;
  /** After each input, e.g. to report an unreadable one at once. */
  onInputDone?(s: InputStats): void;
  /** Awaited between input chunks: lets a slow stdout pause reading. */
  afterChunk?(): Promise<void> | void;
  now?: () => Date;
  /** Every line as read, before parsing (`logscan check` keeps excerpts). */
  onLine?(file: string, text: string, lineNo: number): void;
  onSkipped?(s: SkippedLine): void;
  /** NULs dropped from a line that was past the length limit with them (a NUL-filled region before a record). */
  onNuls?(file: string, lineNo: number, count: number): void;
  /** The format chosen for an input and the sample lines it was sniffed on. */
  onChosen?(file: string, picked: PickedFormat, sample: readonly string[]): void;
  /** Aborting stops reading (the current input is closed, the rest not opened); stats are kept. */
  signal?: AbortSignal;
  /** Blocking reads of regular files (see openInput); only for the read worker. */
  blockingReads?: boolean;
  /** What "-" reads; default process.stdin (see OpenOptions.stdin). */
  stdin?: Readable;
}

export async function readInputs(paths: readonly string[], opts: ReadOptions): Promise<InputStats[]> {
  const all: InputStats[] = [];
  // --year is the year of a log's first record: the rotations of one log, read oldest
  // first, carry it on from file to file (a rotation may start in January). So is the
  // last local time read: the hour autumn repeats may begin in one file and go on in the next.
  let family: string | null = null;
  let yearCarry: YearCarry | undefined;
  let timeCarry: LocalTimeCarry | undefined;
  const families = familyKeys(paths);
  for (const [i, path] of paths.entries()) {
    if (opts.signal?.aborted) break;
    const next = families[i]!;
    const sameLog = timeCarry !== undefined && next !== null && next === family;
    if (!sameLog) timeCarry = { previous: NaN };
    // Without --year each file's year comes from its date, until a stamp names one.
    yearCarry = fileYearCarry(opts.year, sameLog ? yearCarry : undefined);
    family = next;
    const stats = await readOne(path, opts, yearCarry, timeCarry);
    opts.onInputDone?.(stats);
    all.push(stats);
  }
  return all;
}

/**
 * What year-less stamps are dated against: the file's date, or its last such line's time when
 * that is earlier (input/end-stamp.ts). Not for --year, stdin or a compressed file (dated by
 * its gzip header or, bzip2, xz and zstd, its mtime, input/open.ts: its packed tail holds no
 * line to read); a tail that cannot be read leaves the file date (the stream's own read
 * reports the problem).
 */
async function yearReferenceOf(input: OpenedInput, opts: ReadOptions): Promise<Date> {
  if (opts.year !== null || input.size === null || input.gzip || input.unpacker !== null) return input.refDate;
  try {
    return await yearReference(input.refDate, input.size, input.readAt, opts.tz);
  } catch {
    return input.refDate;
  }
}

function newStats(file: string): InputStats {
  return { file, format: null, formatBy: null, lines: 0, events: 0, skipped: 0, malformed: 0, error: null, incomplete: false, interrupted: false };
}

async function readOne(path: string, opts: ReadOptions, yearCarry: YearCarry | undefined, timeCarry: LocalTimeCarry | undefined): Promise<InputStats> {
  const stats = newStats(inputName(path));
  let input;
  try {
    input = await openUnlessStopped(path, opts);
  } catch (err) {
    // An InputError's message names the file, as stderr and the JSON always said it.
    stats.error = err instanceof InputError ? err.message : String(err);
    stats.problem = err instanceof InputError ? err.problem : systemError(err);
    // `-` is named as everywhere else once open: `(stdin)`.
    if (err instanceof InputError) stats.file = err.file;
    stats.incomplete = true;
    return stats;
  }
  if (input === null) {
    stats.interrupted = true;
    return stats;
  }
  stats.file = input.name;
  stats.modified = input.size === null ? null : input.refDate.getTime();
  const refDate = await yearReferenceOf(input, opts);

  const sink: LineSink = {
    event(e) {
      stats.events++;
      opts.onEvent(e);
    },
    skipped(lineNo, why) {
      stats.skipped++;
      // Worded only for a listener (`check`): a skipped line costs the report nothing.
      opts.onSkipped?.({ file: stats.file, line: lineNo, reason: reasonText(why, 'en'), why });
    },
    malformed(lineNo, text, why) {
      stats.malformed++;
      opts.onMalformed?.({ file: stats.file, line: lineNo, reason: reasonText(why, 'en'), why, text });
    },
  };

  const parser = new PickingParser({
    inputFormat: opts.inputFormat,
    ctx: { file: stats.file, refDate, ...(input.refNow !== null && opts.year === null ? { refNow: input.refNow } : {}), year: opts.year, yearCarry, timeCarry, tz: opts.tz, zoneNote: stats, headerNote: stats },
    sink,
    onChosen(picked, sample) {
      stats.format = picked.format.id;
      stats.formatBy = picked.by;
      opts.onChosen?.(stats.file, picked, sample);
    },
  });

  const onLine = opts.onLine;
  const splitter = new LineSplitter({
    line(text, lineNo) {
      stats.lines = lineNo;
      if (onLine) onLine(stats.file, text, lineNo);
      parser.line(text, lineNo);
    },
    overlong(lineNo, length, limit) {
      stats.lines = lineNo;
      sink.malformed(lineNo, '', overlongReason(length, limit));
    },
    nuls: opts.onNuls && ((lineNo, count) => opts.onNuls?.(stats.file, lineNo, count)),
    afterChunk: opts.afterChunk,
    endedEarly: () => gzipProblem() !== null || gate.unpackProblem !== null,
  });

  // The binary check sits after gunzip, so a compressed binary is caught too.
  const gate = new BinaryGate(opts.encoding ?? null);
  const gzipProblem = (): string | null => input.gzipProblem() ?? gate.gzipProblem;
  input.stream.pipe(gate).pipe(splitter);
  const interrupted = new Error('interrupted');
  const onAbort = (): void => {
    gate.destroy(interrupted);
  };
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  // Not a text log (binary, compressed otherwise, UTF-16 without a byte-order mark): no
  // line was read, so no format is named for it (the fallback would call it iptables).
  let notText = false;
  try {
    await new Promise<void>((resolve, reject) => {
      if (opts.signal?.aborted) reject(interrupted);
      input.stream.once('error', reject);
      gate.once('error', reject);
      splitter.once('error', reject);
      splitter.once('finish', resolve);
    });
    if (gate.utf16 !== null) stats.encoding = gate.utf16 === 'le' ? 'UTF-16LE' : 'UTF-16BE';
    // A file that got shorter while it was read (truncated by logrotate's copytruncate,
    // or rewritten): its end was never seen, so the input is incomplete.
    if (input.size !== null && !input.gzip && input.unpacker === null && input.bytesRead() < input.size) {
      stats.incomplete = true;
      fail(stats, { code: 'shrank', size: input.size, read: input.bytesRead() });
    }
    // Junk after the gzip data may be a member with a broken header: data the file held
    // and we could not read, so the input is incomplete (exit 3), though every line before it was kept.
    const trailing = input.trailingBytes() + gate.trailingBytes;
    if (trailing > 0) {
      stats.incomplete = true;
      fail(stats, { code: 'gzip-trailing', bytes: trailing });
    }
    const problem = gzipProblem();
    if (problem !== null) {
      stats.incomplete = true;
      fail(stats, { code: 'gzip-cut', line: splitter.lines, why: problem });
    }
    // bzip2, xz or zstd data its command could not unpack to the end: the lines before are kept, as for gzip.
    const cut = gate.unpackProblem;
    if (cut !== null && gate.unpacker !== null) {
      stats.incomplete = true;
      fail(stats, { code: 'unpack-cut', name: gate.unpacker, line: splitter.lines, why: cut });
    }
  } catch (err) {
    // Keep what was read; a cut-off last line is dropped rather than half-parsed.
    input.stream.unpipe(gate);
    gate.unpipe(splitter);
    if (err === interrupted) {
      stats.interrupted = true;
    } else if (err instanceof BinaryInputError) {
      notText = true;
      stats.incomplete = true;
      fail(stats, err.problem);
    } else {
      stats.incomplete = true;
      const line = splitter.lines;
      const u = gate.unpacker;
      fail(stats, input.gzip || gate.gzip ? { code: 'gzip-cut', line, why: errText(err) } : u !== null ? { code: 'unpack-cut', name: u, line, why: errText(err) } : readError(line, err));
    }
    gate.destroy();
    splitter.destroy();
    // stdin is not ours to close, but an interrupted read must not keep the process alive.
    if (err === interrupted || input.stream !== process.stdin) input.stream.destroy();
  } finally {
    opts.signal?.removeEventListener('abort', onAbort);
  }
  if (!notText) parser.end();
  // Said of an input cut short too: its lines read so far were shown with U+FFFD all the same.
  if (gate.legacyEncoding !== null) stats.decodedFrom = gate.legacyEncoding;
  if (gate.asUtf8 && splitter.invalidLines > 0) stats.invalidUtf8 = splitter.invalidLines;
  // A read from a FIFO or device cannot be cancelled, and closing waits for it: after a
  // signal, do not wait for a writer that may never write (the report comes at once),
  // and wake a FIFO's pending read so the process can end.
  if (stats.interrupted) {
    void input.close();
    releaseFifo(path, true);
  } else await input.close();
  await finished(splitter).catch(() => {});
  return stats;
}

/**
 * Opens the input, or gives null when the signal comes first: opening a FIFO waits for a
 * writer, and a Ctrl-C then must not wait with it. The open itself cannot be cancelled;
 * what it opens late is closed.
 */
async function openUnlessStopped(path: string, opts: ReadOptions): Promise<OpenedInput | null> {
  const signal = opts.signal;
  if (signal === undefined) return openInput(path, opts);
  const opening = openInput(path, opts);
  let onAbort = (): void => {};
  const stopped = new Promise<null>((resolve) => {
    onAbort = () => {
      resolve(null);
      releaseFifo(path, false);
    };
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    const input = await Promise.race([opening, stopped]);
    if (input === null) opening.then((late) => late.close()).catch(() => {});
    return input;
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}

/** Records what went wrong with the input: its English sentence and its code. */
function fail(stats: InputStats, p: InputProblem): void {
  stats.error = problemText(p);
  stats.problem = p;
}

function readError(line: number, err: unknown): InputProblem {
  const errno = errnoCode(err);
  return errno === undefined ? { code: 'read-error', line, message: errText(err) } : { code: 'read-error', line, message: errText(err), errno };
}

function errText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
