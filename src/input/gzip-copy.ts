// logrotate's `compress` turns the rotated file into kern.log.1.gz right after a
// copytruncate (or a rename, when the follower was stopped): the lines not read yet are
// then only in the .gz. This reads its unpacked bytes as if they were a file, for the
// follower's sequential reads from a position; going back (to hash the first KiB,
// then on from the saved offset) unpacks again from the start, which only the
// first 64 KiB ever need.
import type { BigIntStats } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { createGunzip, type Gunzip } from 'node:zlib';
import type { ReadHandle } from './follow-io.js';

const EMPTY = Buffer.alloc(0);

export class GzipCopy implements ReadHandle {
  readonly sealed = true;
  private src: Readable | null = null;
  private gunzip: Gunzip | null = null;
  private chunks: AsyncIterator<Buffer> | null = null;
  /** Unpacked offset of `pending[0]`. */
  private pos = 0;
  private pending: Buffer = EMPTY;
  private ended = false;

  constructor(private readonly fh: FileHandle) {}

  private restart(): void {
    this.stop();
    // Not fh.createReadStream: destroying that stream closes the handle even with autoClose
    // off (Node 20), and the next pass over it then reads from fd -1.
    const src = passOver(this.fh);
    const gunzip = createGunzip();
    src.on('error', (err) => gunzip.destroy(err));
    src.pipe(gunzip);
    this.src = src;
    this.gunzip = gunzip;
    this.chunks = gunzip[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
    this.pos = 0;
    this.pending = EMPTY;
    this.ended = false;
  }

  async read(buffer: Buffer, offset: number, length: number, position: number): Promise<{ bytesRead: number }> {
    if (this.chunks === null || position < this.pos) this.restart();
    while (position >= this.pos + this.pending.length) {
      if (this.ended) return { bytesRead: 0 };
      this.pos += this.pending.length;
      this.pending = EMPTY;
      const next = await this.chunks!.next();
      if (next.done === true) this.ended = true;
      else this.pending = next.value;
    }
    const from = position - this.pos;
    const n = Math.min(length, this.pending.length - from);
    this.pending.copy(buffer, offset, from, from + n);
    return { bytesRead: n };
  }

  stat(opts: { bigint: true }): Promise<BigIntStats> {
    return this.fh.stat(opts);
  }

  private stop(): void {
    this.src?.unpipe();
    this.src?.destroy();
    this.gunzip?.destroy();
    this.src = this.gunzip = null;
    this.chunks = null;
  }

  async close(): Promise<void> {
    this.stop();
    await this.fh.close();
  }
}

/** The packed bytes from 0 to the end, read at positions: the handle stays open when the stream is destroyed. */
function passOver(fh: FileHandle): Readable {
  let pos = 0;
  return new Readable({
    highWaterMark: 64 * 1024,
    read(size) {
      fh.read(Buffer.allocUnsafe(Math.max(size, 64 * 1024)), 0, Math.max(size, 64 * 1024), pos).then(
        ({ bytesRead, buffer }) => {
          pos += bytesRead;
          this.push(bytesRead === 0 ? null : buffer.subarray(0, bytesRead));
        },
        (err: Error) => this.destroy(err),
      );
    },
  });
}
