// Gzip unpacking that keeps every byte the gzip data holds. Node's Gunzip, meeting bytes
// after a member that do not start another one (junk appended to a .gz, a second member
// with a broken header), fails in the same step that inflated the member's last part and
// drops that part's output: up to 16 KiB of log lines lost before "incorrect header
// check". Here each member is inflated raw (InflateRaw stops at the end of its deflate
// data), its header and trailer are read by hand, and bytes after the last member are
// counted in `trailingBytes`, not raised as an error: the stream ends normally, every line
// reaches the parser, and the reader says what was ignored (like `gzip -d`: "trailing
// garbage ignored"). Zero padding after the last member (tape blocks, pre-allocated files)
// is ignored silently, as gzip does.
//
// Data that ends inside a member (a .gz still being written, a cut copy), whose check
// fails, or that zlib cannot inflate (a corrupted copy: "invalid distance too far back")
// is not an error of the stream either: everything inflated so far goes out, the stream
// ends, and `problem` says what was wrong. An error would have destroyed the
// streams after it with lines still queued in them (a slow reader lost ~150 of 1,476).
import { Transform, type TransformCallback } from 'node:stream';
import { constants, crc32, createInflateRaw, type InflateRaw } from 'node:zlib';

const FHCRC = 2;
const FEXTRA = 4;
const FNAME = 8;
const FCOMMENT = 16;

/** Length of the gzip header at the start of `b`; 0 when more bytes are needed; -1 when it is not one. */
export function gzipHeaderLength(b: Uint8Array): number {
  if (b.length >= 1 && b[0] !== 0x1f) return -1;
  if (b.length >= 2 && b[1] !== 0x8b) return -1;
  if (b.length >= 3 && b[2] !== 8) return -1; // deflate, the only method gzip defines
  if (b.length < 10) return 0;
  const flags = b[3]!;
  let p = 10;
  if (flags & FEXTRA) {
    if (b.length < p + 2) return 0;
    p += 2 + (b[p]! | (b[p + 1]! << 8));
  }
  for (const f of [FNAME, FCOMMENT]) {
    if (!(flags & f)) continue;
    while (p < b.length && b[p] !== 0) p++;
    if (p >= b.length) return 0;
    p++;
  }
  if (flags & FHCRC) p += 2;
  return b.length >= p ? p : 0;
}

/**
 * The time in a gzip header's MTIME field (RFC 1952: bytes 4-7, little-endian Unix
 * seconds): the original file's modification time, which gzip records and a copy or a
 * download of the .gz keeps. Null when `b` is no deflate gzip header or MTIME is 0 (none
 * recorded: `gzip -n`, a pipe, Node's zlib).
 */
export function gzipHeaderTime(b: Uint8Array): Date | null {
  if (b.length < 8 || b[0] !== 0x1f || b[1] !== 0x8b || b[2] !== 8) return null;
  const seconds = (b[4]! | (b[5]! << 8) | (b[6]! << 16) | (b[7]! << 24)) >>> 0;
  return seconds === 0 ? null : new Date(seconds * 1000);
}

export class GunzipMembers extends Transform {
  /** Bytes after the last complete member that are neither another member nor zero padding (ignored). */
  trailingBytes = 0;
  /** Why the gzip data ended early ("unexpected end of file") or is wrong; null when it was whole. */
  problem: string | null = null;
  /**
   * The latest time a member's header recorded so far (ms; null: none recorded). Each
   * member's header is read before any of its text goes out, so a line is read when its
   * member's date is known: `cat dec.gz jan.gz` is dated by January from January's lines on.
   */
  newestHeaderTime: number | null = null;
  private inflate: InflateRaw | null = null;
  /** Header or trailer bytes gathered across chunks. */
  private pending: Buffer = Buffer.alloc(0);
  /** 'after': past the last member; 'failed': past a failed check or data zlib could not inflate, the rest is not read. */
  private state: 'header' | 'body' | 'trailer' | 'after' | 'failed' = 'header';
  private members = 0;
  private written = 0;
  private crc = 0;
  private size = 0;
  /** The transform callback of the chunk being inflated, until zlib has taken it (or failed on it). */
  private inflating: TransformCallback | null = null;

  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    this.feed(chunk, cb);
  }

  override _read(size: number): void {
    this.inflate?.resume();
    super._read(size);
  }

  override _flush(cb: TransformCallback): void {
    const inflate = this.inflate;
    if (this.state === 'body' && inflate !== null) {
      // Truncated inside a member: end() flushes what zlib holds (finishFlush below), and
      // 'end' comes after the last of it went out, however long the reader took.
      inflate.once('end', () => {
        this.problem ??= 'unexpected end of file';
        cb();
      });
      inflate.end();
      return;
    }
    // Cut off in a trailer, in a header, or before any member at all.
    if (this.state === 'trailer' || (this.state === 'header' && (this.members === 0 || this.pending.length > 0))) this.problem ??= 'unexpected end of file';
    cb();
  }

  override _destroy(err: Error | null, cb: (error?: Error | null) => void): void {
    this.inflate?.destroy();
    cb(err);
  }

  private feed(chunk: Buffer, cb: TransformCallback): void {
    while (chunk.length > 0) {
      if (this.state === 'failed') break;
      if (this.state === 'after') {
        this.countTrailing(chunk);
        break;
      }
      if (this.state === 'body') {
        this.inflateChunk(chunk, cb);
        return;
      }
      const buf = this.pending.length > 0 ? Buffer.concat([this.pending, chunk]) : chunk;
      if (this.state === 'header') {
        const n = gzipHeaderLength(buf);
        if (n < 0) {
          if (this.members === 0) {
            cb(new Error('incorrect header check'));
            return;
          }
          this.state = 'after';
          this.pending = Buffer.alloc(0);
          chunk = buf;
          continue;
        }
        if (n === 0) {
          this.pending = Buffer.from(buf);
          break;
        }
        this.pending = Buffer.alloc(0);
        const t = gzipHeaderTime(buf)?.getTime() ?? null;
        if (t !== null && (this.newestHeaderTime === null || t > this.newestHeaderTime)) this.newestHeaderTime = t;
        this.startMember();
        chunk = buf.subarray(n);
        continue;
      }
      // trailer: CRC-32 and size (mod 2^32) of the member's data, little-endian.
      if (buf.length < 8) {
        this.pending = Buffer.from(buf);
        break;
      }
      this.pending = Buffer.alloc(0);
      if (buf.readUInt32LE(0) !== this.crc >>> 0 || buf.readUInt32LE(4) !== this.size % 0x1_0000_0000) {
        this.problem = 'incorrect data check';
        this.state = 'failed';
        break;
      }
      this.members++;
      this.state = 'header';
      chunk = buf.subarray(8);
    }
    cb();
  }

  private startMember(): void {
    // 64 KiB pieces, like the plain-file reads: zlib's 16 KiB default made four times the
    // round trips through the pool and the line splitter (1M-line .gz report: 8.8 -> 6.9 s).
    // finishFlush: at a truncated end zlib's default (Z_FINISH) fails, and that error would
    // destroy the streams (see the top). A sync flush gives out everything and ends
    // normally; _flush knows from the state that the member was cut short.
    const inflate = (this.inflate = createInflateRaw({ chunkSize: 64 * 1024, finishFlush: constants.Z_SYNC_FLUSH }));
    this.state = 'body';
    this.written = 0;
    this.crc = 0;
    this.size = 0;
    inflate.on('data', (out: Buffer) => {
      this.crc = crc32(out, this.crc);
      this.size += out.length;
      // Backpressure inside a chunk too: 64 KiB of zeros inflate to 64 MiB.
      if (!this.push(out)) inflate.pause();
    });
    inflate.on('error', (err) => {
      // Corrupt deflate data: zlib stops here. What it gave out before is out; the rest of
      // the input is not read, and the stream ends normally with the reason.
      this.problem ??= err.message;
      this.state = 'failed';
      this.inflate = null;
      const cb = this.inflating;
      this.inflating = null;
      cb?.();
    });
  }

  /** Inflates a chunk; what the deflate data did not take (it ended) goes on to the trailer. */
  private inflateChunk(chunk: Buffer, cb: TransformCallback): void {
    const inflate = this.inflate!;
    this.written += chunk.length;
    this.inflating = cb;
    inflate.write(chunk, (err) => {
      // On an error the error handler answers for this chunk.
      if (err || this.inflating !== cb) return;
      this.inflating = null;
      const rest = this.written - inflate.bytesWritten;
      if (rest === 0) {
        cb();
        return;
      }
      // The member's deflate data ended: its output is out once the stream says 'end'.
      const after = (): void => {
        this.inflate = null;
        this.state = 'trailer';
        this.feed(chunk.subarray(chunk.length - rest), cb);
      };
      if (inflate.readableEnded) after();
      else inflate.once('end', after);
    });
  }

  private countTrailing(b: Buffer): void {
    // Zero padding is not garbage, unless something else was found already.
    if (this.trailingBytes === 0 && b.every((x) => x === 0)) return;
    this.trailingBytes += b.length;
  }
}
