// Batched stdout writes with back-pressure: many small strings become one write
// per ~64 KiB, and the reader is paused while stdout is full (a slow pipe or `less`).
import type { Writable } from 'node:stream';

const FLUSH_AT = 64 * 1024;

export class BatchedWriter {
  private parts: string[] = [];
  private size = 0;
  private blocked: Promise<void> | null = null;

  constructor(private readonly out: Writable = process.stdout) {}

  write(s: string): void {
    this.parts.push(s);
    this.size += s.length;
    if (this.size >= FLUSH_AT) this.flush();
  }

  /** Writes what is buffered; the returned promise settles when the stream can take more. */
  flush(): Promise<void> {
    if (this.size > 0) {
      const ok = this.out.write(this.parts.join(''));
      this.parts = [];
      this.size = 0;
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
    return this.blocked ?? Promise.resolve();
  }

  /** For ReadOptions.afterChunk: only waits when stdout pushed back. */
  readonly backpressure = (): Promise<void> | void => this.blocked ?? undefined;
}
