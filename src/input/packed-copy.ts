// logrotate's `compress` turns the rotated file into kern.log.1.gz right after a
// copytruncate (or a rename, when the follower was stopped): the lines not read yet are
// then only in the compressed copy. This reads its unpacked bytes as if they were a file,
// for the follower's sequential reads from a position: gzip in-process, bzip2, xz and zstd
// (logrotate's `compresscmd xz`, `compressext .xz`) through the system's command, as the
// other commands read them (child-unpack.ts). A copy that is cut off or corrupt (logrotate
// interrupted, a disk that filled while it compressed) gives every line before the break and
// then fails with PackedCopyCut: the follower says its rest is not read, and never retries
// it, since the same bytes break at the same place again. Memory stays bounded: the unpacked data is
// streamed from its start and what lies before the position asked for is passed over, never
// kept. Going back (to hash the first KiB, then on from the saved offset) unpacks again
// from the start, which only the first 64 KiB ever need.
import type { BigIntStats } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { ChildUnpack } from './child-unpack.js';
import { GunzipMembers } from './gunzip.js';
import type { ReadHandle } from './follow-io.js';
import { unpackerNamed, unpackerOfName, type UnpackerName } from './unpackers.js';
import { fsProblem, type InputProblem } from './problem.js';

const EMPTY = Buffer.alloc(0);

/** How a rotated copy is compressed: gzip, or one of the commands of unpackers.ts. */
export type Packing = 'gzip' | UnpackerName;

/** The compression a rotation's name says (`kern.log.1.gz`, `kern.log.1.xz`), or null for a plain one. */
export function packingOfName(name: string): Packing | null {
  if (/\.gz$/i.test(name)) return 'gzip';
  return unpackerOfName(name)?.name ?? null;
}

/**
 * The unpacked data of a copy ended at a break (cut off or corrupt), or reading the packed
 * bytes failed (EIO): no byte after it is read. A read error is not retried either: the
 * unpacker's state went with it, and going on would mean unpacking the copy again from its
 * start while newer files wait; the follower says the rest is not read.
 */
export class PackedCopyCut extends Error {
  constructor(
    readonly packing: Packing,
    /** The unpacker's words: gunzip's (English), or the command's first stderr line; or the read error's message. */
    readonly why: string,
    /** The read error (fsProblem) when the packed bytes could not be read; null for data that broke off. */
    readonly io: InputProblem | null = null,
  ) {
    super(why);
  }
}

export class PackedCopy implements ReadHandle {
  readonly sealed = true;
  private src: Readable | null = null;
  private unpack: GunzipMembers | ChildUnpack | null = null;
  private chunks: AsyncIterator<Buffer> | null = null;
  /** Unpacked offset of `pending[0]`. */
  private pos = 0;
  private pending: Buffer = EMPTY;
  private ended = false;
  /**
   * Bytes after the end of the gzip data that are not gzip (ignored, as the report ignores
   * them): known once the data was unpacked to its end. Kept when unpacking starts over.
   */
  trailingBytes = 0;

  constructor(
    private readonly fh: FileHandle,
    private readonly packing: Packing,
  ) {}

  private restart(): void {
    this.stop();
    // Not fh.createReadStream: destroying that stream closes the handle even with autoClose
    // off (Node 20), and the next pass over it then reads from fd -1.
    const src = passOver(this.fh);
    // GunzipMembers, not zlib's Gunzip: that one drops the last inflated part when the data
    // breaks off, and fails where this one ends with `problem` as ChildUnpack does.
    const unpack = this.packing === 'gzip' ? new GunzipMembers() : new ChildUnpack(unpackerNamed(this.packing));
    src.on('error', (err) => unpack.destroy(err));
    src.pipe(unpack);
    this.src = src;
    this.unpack = unpack;
    this.chunks = unpack[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
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
      let next: IteratorResult<Buffer>;
      try {
        next = await this.chunks!.next();
      } catch (err) {
        this.ended = true;
        throw new PackedCopyCut(this.packing, (err as Error).message, fsProblem(err));
      }
      if (next.done === true) {
        this.ended = true;
        // Both unpackers end their stream normally on data cut off or corrupt, `problem` saying
        // why: failed here, so the follower says the lines after the break are not read.
        const cut = this.unpack?.problem ?? null;
        if (cut !== null) throw new PackedCopyCut(this.packing, cut);
        if (this.unpack instanceof GunzipMembers) this.trailingBytes = this.unpack.trailingBytes;
      } else this.pending = next.value;
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
    // A command still unpacking is ended with it (ChildUnpack._destroy).
    this.unpack?.destroy();
    this.src = this.unpack = null;
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
