// Writing results. A whole document (a report, a daily summary): writeDocument. A stream
// of lines (events): BatchedWriter, stdout writes with back-pressure: many small strings
// are encoded straight into one buffer and written once per ~256 KiB (joining strings and
// encoding them again cost more than the events themselves), and the reader is paused
// while stdout is full (a slow pipe or `less`).
import { fstatSync, lstatSync, readlinkSync, realpathSync, statSync, type Stats } from 'node:fs';
import { open } from 'node:fs/promises';
import { dirname, extname, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { writeFileAtomic } from '../util/atomic-write.js';
import { UsageError } from '../errors.js';
import { describeWriteError } from '../util/write-error.js';
import { abandonStdout } from './stdout-state.js';

/** The --output option: a file, or null for standard output (no --output, or `-`, which means stdout as it means stdin for inputs). */
export function outputOption(raw: Record<string, unknown>): string | null {
  return typeof raw.output === 'string' && raw.output !== '-' ? raw.output : null;
}

/**
 * A whole document to --output FILE or, without one, to stdout. A file that cannot be
 * written is a usage error. A regular file (or the file a symlink leads to: the link
 * stays) is replaced atomically: a web server or a mail job never reads half of it. A
 * FIFO or a device (/dev/null, a terminal) is written in place, as a shell's `>` would:
 * renaming a file over it would destroy it (and, as root, /dev/null or /dev/stdout).
 * A path that is this process's stdout or stderr (/dev/stdout, /dev/fd/2, the file
 * stdout is redirected to) is written through that stream, appending where it appends.
 */
export async function writeDocument(text: string, file: string | null): Promise<void> {
  if (file === null) {
    process.stdout.write(text);
    return;
  }
  let target = file;
  try {
    const st = statOrNull(file);
    const stream = st === null ? null : ownStream(st);
    if (stream !== null) {
      // As without --output (a reader that closes early ends the run quietly, program.ts).
      stream.write(text);
    } else if (st?.isDirectory()) {
      throw Object.assign(new Error('is a directory'), { code: 'EISDIR', path: file, syscall: 'open' });
    } else if (st?.isSocket()) {
      throw new Error('is a socket; --output writes to a file, a FIFO or a device');
    } else if (st !== null && !st.isFile()) {
      // A FIFO or a device: written in place, never replaced.
      const fh = await open(file, 'w');
      try {
        await fh.writeFile(text, 'utf8');
      } finally {
        await fh.close();
      }
    } else {
      // A regular file, or none yet: the file itself, not a symlink to it, is replaced.
      target = st !== null ? realpathSync(file) : danglingTarget(file);
      await writeFileAtomic(target, text);
    }
  } catch (err) {
    throw new UsageError(`--output ${file}: ${describeWriteError(err, target)}`);
  }
}

/**
 * Refuses an --output FILE that is one of the inputs (a report written over the log it
 * came from), before anything is read: the same file by name, by a symlink or a hard link
 * (device and inode), or the regular file standard input is redirected from when `-` is
 * read. A terminal or /dev/null may be both: nothing is replaced there.
 */
export function refuseOutputOverInput(output: string | null, inputs: readonly string[]): void {
  if (output === null) return;
  const out = statOrNull(output);
  if (out !== null && out.isCharacterDevice()) return;
  for (const input of inputs) {
    let same: boolean;
    let how = '';
    if (input === '-') {
      const stdin = fstatOrNull(0);
      same = out !== null && stdin !== null && stdin.isFile() && sameFile(out, stdin);
      how = ' (standard input is read from it)';
    } else {
      const inp = statOrNull(input);
      same = out !== null && inp !== null ? sameFile(out, inp) : resolve(output) === resolve(input);
      if (resolve(output) !== resolve(input)) how = ` (the same file as ${input})`;
    }
    if (same) throw new UsageError(`--output ${output}: is one of the input files${how}; refusing to overwrite a log`);
  }
}

function sameFile(a: Stats, b: Stats): boolean {
  return a.dev === b.dev && a.ino === b.ino;
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

function fstatOrNull(fd: number): Stats | null {
  try {
    return fstatSync(fd);
  } catch {
    return null;
  }
}

/** process.stdout or process.stderr when `st` is the file one of them writes to, else null. */
function ownStream(st: Stats): NodeJS.WriteStream | null {
  for (const [fd, stream] of [
    [1, process.stdout],
    [2, process.stderr],
  ] as const) {
    const own = fstatOrNull(fd);
    if (own !== null && sameFile(st, own)) return stream;
  }
  return null;
}

/**
 * Where a path that does not exist is to be created: itself, or, for a symlink to nothing
 * (yet), where the link points, so that the link stays and leads to the new file.
 */
function danglingTarget(file: string): string {
  let path = file;
  for (let hops = 0; hops < 40; hops++) {
    let st: Stats;
    try {
      st = lstatSync(path);
    } catch {
      return path;
    }
    if (!st.isSymbolicLink()) return path;
    path = resolve(dirname(path), readlinkSync(path));
  }
  throw Object.assign(new Error('too many levels of symbolic links'), { code: 'ELOOP', path: file });
}

/** What an --output file's extension asks for when -o is not given ("plain": the command's text form). */
const BY_EXTENSION: Record<string, DocumentFormat> = { '.html': 'html', '.htm': 'html', '.md': 'markdown', '.markdown': 'markdown', '.json': 'json', '.csv': 'csv', '.txt': 'plain' };
export type DocumentFormat = 'html' | 'markdown' | 'json' | 'csv' | 'plain';
/** Every extension that picks a format (the help of report and daily, README and docs/daily.md list them; a test holds them to this). */
export const OUTPUT_EXTENSIONS: readonly string[] = Object.keys(BY_EXTENSION);

/** The format FILE's extension names, or null for any other extension. */
export function formatOfFile(file: string): DocumentFormat | null {
  return BY_EXTENSION[extname(file).toLowerCase()] ?? null;
}

const CHUNK = 256 * 1024;

/**
 * The most a pipe takes in one write without splitting it (POSIX PIPE_BUF; Linux's is
 * 4096): such a write lands whole in the pipe or not at all. A local socket (a service's
 * stdout to the journal) takes a write this small whole too.
 */
export const ATOMIC_WRITE = 4096;

/** Whether file descriptor `fd` is a pipe or a socket: a stream whose reader can stop reading (a file or a terminal takes each write at once). */
export function isPipeOrSocket(fd: number): boolean {
  const st = fstatOrNull(fd);
  return st !== null && (st.isFIFO() || st.isSocket());
}

export interface BatchedWriterOptions {
  /**
   * Hand the stream whole lines only, at most this many bytes at a time (a line that is
   * longer alone), one write at a time: what the stream took then always ends at the end
   * of a line, also when its reader stops reading and the rest is given up (follow on a
   * pipe: ATOMIC_WRITE). Default: batches of ~256 KiB, as many as the stream queues.
   */
  wholeLines?: number;
}

export class BatchedWriter {
  private buf = Buffer.allocUnsafe(CHUNK);
  private size = 0;
  private blocked: Promise<void> | null = null;
  /** Set by release(): flushes no longer wait for the stream. */
  private released = false;
  /** Settles on release(), ending the wait of whoever already waits for the stream. */
  private readonly releasedGate: Promise<void>;
  private openGate: () => void = () => {};
  /** Bytes that left the batch: handed to the stream, or queued for it (wholeLines). */
  private flushed = 0;
  /** Bytes the stream has taken (its write callback came without an error). */
  private takenBytes = 0;
  private readonly piece: number | null;
  /** wholeLines: flushed batches not yet handed to the stream, the first from queuePos. */
  private readonly queue: Buffer[] = [];
  private queuePos = 0;
  private queued = 0;
  /** wholeLines: handed to the stream, not yet taken. */
  private inFlight = 0;
  /** wholeLines: the stream failed; nothing more is handed to it. */
  private broken = false;
  private waiters: { limit: number; resolve: () => void }[] = [];

  constructor(
    private readonly out: Writable = process.stdout,
    opts: BatchedWriterOptions = {},
  ) {
    this.releasedGate = new Promise((resolve) => (this.openGate = resolve));
    this.piece = opts.wholeLines ?? null;
  }

  /** Bytes written to this writer so far (a mark: once `taken` reaches it, the stream has all of them). */
  get written(): number {
    return this.flushed + this.size;
  }

  /** Bytes the stream has taken so far. */
  get taken(): number {
    return this.takenBytes;
  }

  write(s: string): void {
    // UTF-8 needs at most 3 bytes per UTF-16 unit.
    if (this.size + s.length * 3 > this.buf.length) {
      this.flush();
      if (s.length * 3 > this.buf.length) {
        this.push(Buffer.from(s, 'utf8'));
        return;
      }
    }
    this.size += this.buf.write(s, this.size, 'utf8');
  }

  /**
   * Lets `encode` write v's bytes at the end of the batch; it returns where they end, or
   * -1 when they might not fit. False when they do not fit even an empty batch (then the
   * caller writes the string form).
   */
  encodeInto<T>(encode: (v: T, buf: Buffer, at: number) => number, v: T): boolean {
    let end = encode(v, this.buf, this.size);
    if (end < 0) {
      this.flush();
      end = encode(v, this.buf, 0);
      if (end < 0) return false;
    }
    this.size = end;
    return true;
  }

  /** Writes what is buffered; the returned promise settles when the stream can take more. */
  flush(): Promise<void> {
    if (this.size > 0) {
      // The stream keeps the chunk until it is written, so the next batch gets a fresh buffer.
      const chunk = this.buf.subarray(0, this.size);
      this.buf = Buffer.allocUnsafe(CHUNK);
      this.size = 0;
      this.push(chunk);
    }
    return this.wait() ?? Promise.resolve();
  }

  /** What a writer waits for: the stream to drain, or the release, whichever comes first; null: no wait. */
  private wait(): Promise<void> | null {
    if (this.released) return null;
    if (this.piece !== null) return this.queued + this.inFlight < CHUNK ? null : Promise.race([this.below(CHUNK - 1), this.releasedGate]);
    if (this.blocked === null) return null;
    return Promise.race([this.blocked, this.releasedGate]);
  }

  /**
   * A stop was asked for (SIGINT, SIGTERM): whoever reads stdout may have stopped reading,
   * and waiting for it would keep the stop from ever happening. From now on flushes do not
   * wait; finish() gives the stream a last chance.
   */
  release(): void {
    this.released = true;
    this.openGate();
  }

  /**
   * Writes what is buffered and waits up to `graceMs` (default: as long as it takes) for
   * the stream to take it all. False when it did not: the rest is given up (for stdout,
   * program.ts then ends the process; with wholeLines what stdout took ends with a whole line).
   */
  async finish(graceMs = Infinity): Promise<boolean> {
    this.flush();
    const pending = this.piece !== null ? (this.queued + this.inFlight > 0 ? this.below(0) : null) : this.blocked;
    let taken = true;
    if (pending !== null) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = graceMs === Infinity ? [] : [new Promise<boolean>((r) => (timer = setTimeout(() => r(false), graceMs)))];
      taken = await Promise.race([pending.then(() => true), ...timeout]);
      clearTimeout(timer);
    }
    if (this.piece !== null) taken = this.takenBytes === this.flushed;
    else if (taken) await new Promise((r) => setImmediate(r)); // the write callbacks (counting `taken`) of writes done at once come on the next tick
    if (!taken && this.out === process.stdout) abandonStdout();
    return taken;
  }

  private push(chunk: Buffer): void {
    this.flushed += chunk.length;
    if (this.piece !== null) {
      this.queue.push(chunk);
      this.queued += chunk.length;
      this.pump();
      return;
    }
    const n = chunk.length;
    const ok = this.out.write(chunk, (err) => {
      if (!err) this.takenBytes += n;
    });
    if (!ok && !this.blocked) {
      this.blocked = new Promise<void>((resolve) => {
        const done = (): void => {
          this.out.off('drain', done);
          this.out.off('close', done);
          this.out.off('error', done);
          this.blocked = null;
          resolve();
        };
        this.out.once('drain', done);
        this.out.once('close', done);
        this.out.once('error', done);
      });
    }
  }

  /**
   * wholeLines: hands the stream the next piece (whole lines, at most `piece` bytes) while
   * it has nothing pending. A piece that fits a pipe's atomic write is never split by the
   * kernel, and the stream never joins two pieces into one write (it would, had it two).
   */
  private pump(): void {
    const max = this.piece!;
    while (this.queue.length > 0 && !this.broken && this.out.writableLength === 0) {
      if (this.out.destroyed) {
        this.fail();
        break;
      }
      const head = this.queue[0];
      let end = Math.min(head.length, this.queuePos + max);
      if (end < head.length) {
        const nl = head.lastIndexOf(10, end - 1);
        if (nl >= this.queuePos) end = nl + 1;
        else {
          // One line longer than a piece: alone, whole.
          const next = head.indexOf(10, end);
          end = next < 0 ? head.length : next + 1;
        }
      }
      const piece = head.subarray(this.queuePos, end);
      if (end === head.length) {
        this.queue.shift();
        this.queuePos = 0;
      } else this.queuePos = end;
      const n = piece.length;
      this.queued -= n;
      this.inFlight += n;
      this.out.write(piece, (err) => {
        this.inFlight -= n;
        if (err) this.fail();
        else this.takenBytes += n;
        this.pump();
        this.settle();
      });
    }
    this.settle();
  }

  private fail(): void {
    this.broken = true;
    this.queue.length = 0;
    this.queuePos = 0;
    this.queued = 0;
  }

  /** Resolves once at most `limit` bytes wait for the stream (wholeLines). */
  private below(limit: number): Promise<void> {
    return new Promise((resolve) => {
      this.waiters.push({ limit, resolve });
      this.settle();
    });
  }

  private settle(): void {
    if (this.waiters.length === 0) return;
    const pending = this.queued + this.inFlight;
    this.waiters = this.waiters.filter((w) => {
      if (pending > w.limit && !(this.broken && this.inFlight === 0)) return true;
      w.resolve();
      return false;
    });
  }

  /** For ReadOptions.afterChunk: only waits when stdout pushed back. */
  readonly backpressure = (): Promise<void> | void => this.wait() ?? undefined;
}
