// Writing results. A whole document (a report, a daily summary): writeDocument. A stream
// of lines (events): BatchedWriter, stdout writes with back-pressure: many small strings
// are encoded straight into one buffer and written once per ~256 KiB (joining strings and
// encoding them again cost more than the events themselves), and the reader is paused
// while stdout is full (a slow pipe or `less`).
import { extname } from 'node:path';
import type { Writable } from 'node:stream';
import { writeFileAtomic } from '../daily/atomic-write.js';
import { UsageError } from '../errors.js';
import { describeWriteError } from '../util/write-error.js';
import { abandonStdout } from './stdout-state.js';

/**
 * A whole document to --output FILE (atomically: a web server or a mail job never reads
 * half of it) or, without one, to stdout. A file that cannot be written is a usage error.
 */
export async function writeDocument(text: string, file: string | null): Promise<void> {
  if (file === null) {
    process.stdout.write(text);
    return;
  }
  try {
    await writeFileAtomic(file, text);
  } catch (err) {
    throw new UsageError(`--output ${file}: ${describeWriteError(err, file)}`);
  }
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

export class BatchedWriter {
  private buf = Buffer.allocUnsafe(CHUNK);
  private size = 0;
  private blocked: Promise<void> | null = null;
  /** Set by release(): flushes no longer wait for the stream. */
  private released = false;
  /** Settles on release(), ending the wait of whoever already waits for the stream. */
  private readonly releasedGate: Promise<void>;
  private openGate: () => void = () => {};

  constructor(private readonly out: Writable = process.stdout) {
    this.releasedGate = new Promise((resolve) => (this.openGate = resolve));
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
    if (this.blocked === null || this.released) return null;
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
   * Writes what is buffered and waits up to `graceMs` for the stream to take it all. False
   * when it did not: the rest is given up (for stdout, program.ts then ends the process).
   */
  async finish(graceMs: number): Promise<boolean> {
    this.flush();
    const pending = this.blocked;
    if (pending === null) return true;
    let timer: NodeJS.Timeout | undefined;
    const taken = await Promise.race([pending.then(() => true), new Promise<boolean>((r) => (timer = setTimeout(() => r(false), graceMs)))]);
    clearTimeout(timer);
    if (!taken && this.out === process.stdout) abandonStdout();
    return taken;
  }

  private push(chunk: Buffer): void {
    const ok = this.out.write(chunk);
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

  /** For ReadOptions.afterChunk: only waits when stdout pushed back. */
  readonly backpressure = (): Promise<void> | void => this.wait() ?? undefined;
}
