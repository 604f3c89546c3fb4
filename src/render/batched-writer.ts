// Writing a stream of lines (events, follow) to stdout with back-pressure: many small
// strings are encoded straight into one buffer and written once per ~256 KiB (joining
// strings and encoding them again cost more than the events themselves), and the reader
// is paused while stdout is full (a slow pipe or `less`).
import { fstatSync, type Stats } from 'node:fs';
import type { Writable } from 'node:stream';
import { abandonStdout } from './stdout-state.js';

function fstatOrNull(fd: number): Stats | null {
  try {
    return fstatSync(fd);
  } catch {
    return null;
  }
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
