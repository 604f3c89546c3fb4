// Opens one input (file, .gz, or "-" for stdin) as a byte stream, turning the
// ways a path can be unusable into one InputError with a sentence a person can act on.
import { closeSync, constants, createReadStream, fstatSync, openSync, readSync, statSync, writeSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { InputError } from '../errors.js';
import { isGzipHead } from './binary.js';
import { GunzipMembers, gzipHeaderTime } from './gunzip.js';
import { fsProblem, inputError, problemText, type InputProblem } from './problem.js';
import { unpackerOfHead, type UnpackerName } from './unpackers.js';
import { en } from '../i18n/en.js';

export interface OpenedInput {
  /** Name for messages and `origin.file`. */
  name: string;
  stream: Readable;
  /**
   * The file's date: its mtime, or for gzip data the time its header records when that is
   * earlier (a .gz downloaded or copied keeps the log's date in its header, not as its
   * mtime; bzip2, xz and zstd record no date: their mtime); now for stdin. Year
   * inference's reference, and when the log was last written.
   */
  refDate: Date;
  /**
   * Gzip files: the date as the reading goes on (ms), the latest header time of the members
   * read so far (never after the file's mtime). A file of several members (`cat a.gz b.gz`,
   * pigz, some rotators) would be dated by its first member alone: a December member before
   * a January one put January's lines a year back. Null for other inputs (refDate holds).
   */
  refNow: (() => number) | null;
  gzip: boolean;
  /** A file of bzip2, xz or zstd data (by its first bytes), unpacked by BinaryGate through the command; null otherwise. */
  unpacker: UnpackerName | null;
  /** Size of a regular file when opened, null for stdin, pipes and devices. */
  size: number | null;
  /** Raw bytes read from the file so far (before gunzip); compared with `size` to notice a file that shrank. */
  bytesRead(): number;
  /** Gzip input: bytes after the last gzip member that were not gzip (ignored); 0 otherwise. */
  trailingBytes(): number;
  /** Gzip input: why the gzip data ended early or is wrong (every line before is read); null otherwise. */
  gzipProblem(): string | null;
  /** Closes the underlying file; the reader must call it, read to the end or not (the streams do not). */
  close(): Promise<void>;
  /** Bytes at a position of a regular file (raw, before gunzip), beside the stream's reads; empty for others. */
  readAt(length: number, position: number): Promise<Buffer>;
}

/** What standard input is called where a file's name would go (inputs tables, events' origin). */
export const STDIN_NAME = '(stdin)';

/**
 * The name an input goes by (origin.file, inputs tables, messages): `-` is STDIN_NAME, a
 * file its path as given, but a file given as `(stdin)` is `./(stdin)`. So STDIN_NAME is
 * standard input's alone: ECS leaves log.file.path out for it, and a report that lists
 * `(stdin)` read from the pipe.
 */
export function inputName(path: string): string {
  if (path === '-') return STDIN_NAME;
  return path === STDIN_NAME ? `./${path}` : path;
}

// 64 KiB chunks decode to strings that stay in V8's young generation; 256 KiB ones
// went to large-object space, fresh pages per chunk, and took 3-10x longer to decode.
const CHUNK = 64 * 1024;

/**
 * A regular file read front to back, the next chunk always in flight while the current
 * one is parsed. fs.createReadStream asks for the next chunk only after the current one
 * went through the whole synchronous pipeline, so every read's latency was idle time
 * (about 5 % of a run here).
 */
class ReadAhead {
  bytesRead = 0;

  constructor(
    private readonly fh: FileHandle,
    private readonly blocking: boolean,
  ) {}

  async *chunks(): AsyncGenerator<Buffer> {
    let next = this.read(0);
    for (;;) {
      const { bytesRead, buffer } = await next;
      if (bytesRead === 0) return;
      this.bytesRead += bytesRead;
      next = this.read(this.bytesRead);
      yield buffer.subarray(0, bytesRead);
    }
  }

  private read(position: number): Promise<{ bytesRead: number; buffer: Buffer }> {
    if (this.blocking) {
      const buffer = Buffer.allocUnsafe(CHUNK);
      try {
        return Promise.resolve({ bytesRead: readSync(this.fh.fd, buffer, 0, CHUNK, position), buffer });
      } catch (err) {
        return Promise.reject(err);
      }
    }
    const p = this.fh.read(Buffer.allocUnsafe(CHUNK), 0, CHUNK, position);
    // A stream destroyed mid-file leaves one read unawaited; its failure is nobody's error.
    p.catch(() => {});
    return p;
  }
}

/** A failed file-system call in English words (stderr, `follow`'s notices). */
export function describeFsError(err: unknown): string {
  return problemText(fsProblem(err));
}

/** Why a directory could not be used, worded for a directory (describeFsError words it for a file). */
export function describeDirError(err: unknown): string {
  return en.usage.dirProblem(dirProblem(err));
}

/** The problem of a directory that could not be used: not-found and not-a-directory are said of it, not of a file. */
export function dirProblem(err: unknown): InputProblem {
  const code = (err as NodeJS.ErrnoException | null | undefined)?.code;
  // EEXIST: mkdir -p of a path where a file stands.
  return code === 'ENOENT' ? { code: 'not-found', nonUtf8Name: false } : code === 'ENOTDIR' || code === 'EEXIST' ? { code: 'not-a-directory' } : fsProblem(err);
}

/**
 * Node.js decodes the command line as UTF-8 and puts U+FFFD for bytes that are not, so a
 * file whose name is Latin-1 (café.log written by an old tool) can never be opened by
 * the name it was given: "no such file" alone would send the user looking for a typo.
 */
export function hasUndecodedBytes(path: string): boolean {
  return path.includes('\uFFFD');
}

/**
 * Bytes of log text in a regular file, without reading it: its size, or for gzip data the
 * uncompressed size its trailer records (modulo 4 GiB; for a file of several gzip members,
 * the last one's), whichever is larger; for bzip2, xz or zstd data, which record none, an
 * estimate (Unpacker.ratio times its size). 0 when the path cannot be read. For "-", the size
 * of the file stdin is redirected from; 0 for a pipe or terminal, whose size is unknown.
 */
export function textSize(path: string): number {
  if (path === '-') return stdinFileSize() ?? 0;
  let fd;
  try {
    // stat before open: opening a FIFO blocks this thread until a writer comes, and a
    // thread blocked in open() never runs the Ctrl-C handler (the process could only be killed).
    if (!statSync(path).isFile()) return 0;
    fd = openSync(path, 'r');
  } catch {
    return 0;
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return 0;
    const b = Buffer.alloc(6);
    const n = readSync(fd, b, 0, 6, 0);
    const u = unpackerOfHead(b.subarray(0, n));
    if (u !== null) return st.size * u.ratio;
    if (st.size < 18 || n < 2 || !isGzipHead(b)) return st.size;
    return readSync(fd, b, 0, 4, st.size - 4) === 4 ? Math.max(st.size, b.readUInt32LE(0)) : st.size;
  } catch {
    return 0;
  } finally {
    closeSync(fd);
  }
}

/**
 * Stdin redirected from a file, as a stream of its own on descriptor 0, from the offset
 * the shell left (the read worker's "-": a worker has no process.stdin). Left open.
 */
export function stdinFileStream(): Readable {
  return createReadStream('', { fd: 0, autoClose: false, highWaterMark: CHUNK });
}

/** What a directory given as an input is told, by name or as standard input. */
export const DIRECTORY_PROBLEM: InputProblem = { code: 'directory' };

/**
 * Standard input redirected from a directory (`logscan - < /var/log`): Node reads that as
 * an empty stream, which would pass for a log with nothing in it (exit 0, "no probes")
 * where a directory named as FILE is an unreadable input.
 */
export function stdinIsDirectory(): boolean {
  try {
    return fstatSync(0).isDirectory();
  } catch {
    return false;
  }
}

/** The size of the regular file stdin is redirected from (`logscan - < big.log`); null for a pipe or terminal. */
export function stdinFileSize(): number | null {
  try {
    const st = fstatSync(0);
    return st.isFile() ? st.size : null;
  } catch {
    return null;
  }
}

export interface OpenOptions {
  now?: () => Date;
  /**
   * Read a regular file with blocking reads. Only for a thread that has nothing else to
   * wait for (the read worker): there it saves waking a pool thread per chunk, which on
   * two busy cores cost ~10 % of a threaded report.
   */
  blockingReads?: boolean;
  /** What "-" reads (the read worker's: relayed from the main thread, or stdinFileStream()); default process.stdin. */
  stdin?: Readable;
}

/**
 * After a Ctrl-C, lets go of a FIFO this process is stuck on. Neither an open() waiting
 * for a writer nor a read() waiting for data can be cancelled in libuv's thread pool, and
 * the process cannot end while one is pending: it stayed until a second Ctrl-C. Opening
 * the FIFO for writing completes the pending open; `wake` also writes one newline, which
 * completes a pending read. Either is thrown away, since the input is being abandoned.
 * Does nothing for anything but a FIFO, or when this user may not write to it.
 */
export function releaseFifo(path: string, wake: boolean): void {
  try {
    if (path === '-' || !statSync(path).isFIFO()) return;
    // Non-blocking: fails at once (ENXIO) rather than wait when no reader has it open.
    const fd = openSync(path, constants.O_WRONLY | constants.O_NONBLOCK);
    try {
      if (wake) writeSync(fd, '\n');
    } finally {
      closeSync(fd);
    }
  } catch {
    // Not ours to write to, or nobody waiting: the old behaviour (a second Ctrl-C ends it).
  }
}

/**
 * A .gz's own mtime is when it was written here (downloaded, copied without `-p`,
 * compressed by logrotate from its stdin), the header's when the log itself was last
 * written. Only an earlier header date is taken: a later one is a clock's error. This is
 * the first member's header; a concatenation (`cat a.gz b.gz`, `gzip -c a b`) moves on to
 * each later member's date as it is read (refNow).
 */
function earlier(mtime: Date, header: Date | null): Date {
  return header !== null && header.getTime() < mtime.getTime() ? header : mtime;
}

/** The latest member header time read so far, never after `mtime`; `first` (the file's date) before any. */
function newestMember(gunzip: GunzipMembers, mtime: Date, first: Date): () => number {
  const cap = mtime.getTime();
  const from = first.getTime();
  return () => {
    const t = gunzip.newestHeaderTime;
    return t === null || t <= from ? from : Math.min(t, cap);
  };
}

export async function openInput(path: string, opts: OpenOptions = {}): Promise<OpenedInput> {
  const now = opts.now ?? (() => new Date());
  if (path === '-') {
    if (stdinIsDirectory()) throw inputError(STDIN_NAME, DIRECTORY_PROBLEM);
    return { name: STDIN_NAME, stream: opts.stdin ?? process.stdin, refDate: now(), refNow: null, gzip: false, unpacker: null, size: null, bytesRead: () => 0, trailingBytes: () => 0, gzipProblem: () => null, close: async () => {}, readAt: async () => Buffer.alloc(0) };
  }
  const name = inputName(path);
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (err) {
    throw inputError(name, fsProblem(err));
  }
  try {
    const st = await handle.stat();
    if (st.isDirectory()) throw inputError(name, DIRECTORY_PROBLEM);
    let gzip = false;
    let unpacker: UnpackerName | null = null;
    let fileDate = st.mtime;
    if (st.isFile()) {
      // The magic, and for gzip data the header's MTIME (RFC 1952: bytes 4-7).
      const head = Buffer.alloc(8);
      const { bytesRead } = await handle.read(head, 0, 8, 0);
      gzip = bytesRead >= 2 && isGzipHead(head.subarray(0, bytesRead));
      if (gzip) fileDate = earlier(st.mtime, gzipHeaderTime(head.subarray(0, bytesRead)));
      unpacker = unpackerOfHead(head.subarray(0, bytesRead))?.name ?? null;
      // An empty one too: `gzip -t` calls it "unexpected end of file", and read as an empty
      // text log it would pass for a rotation that held nothing (0 lines, exit 0).
      if (!gzip && path.endsWith('.gz')) throw inputError(name, { code: st.size === 0 ? 'empty-gz' : 'not-gzip' });
    }
    let raw: Readable;
    let bytesRead: () => number;
    if (st.isFile()) {
      const ahead = new ReadAhead(handle, opts.blockingReads ?? false);
      raw = Readable.from(ahead.chunks(), { objectMode: false });
      bytesRead = () => ahead.bytesRead;
    } else {
      // Pipes and devices: one sequential read at a time (positionless reads may complete out of order).
      const stream = handle.createReadStream({ highWaterMark: CHUNK });
      raw = stream;
      bytesRead = () => stream.bytesRead;
    }
    const gunzip = gzip ? new GunzipMembers() : null;
    const stream = gunzip !== null ? raw.pipe(gunzip) : raw;
    if (gzip) raw.on('error', (err) => stream.destroy(err));
    const h = handle;
    return {
      name,
      stream,
      refDate: st.isFile() ? fileDate : now(),
      refNow: gunzip !== null && st.isFile() ? newestMember(gunzip, st.mtime, fileDate) : null,
      gzip,
      unpacker,
      size: st.isFile() ? st.size : null,
      bytesRead,
      trailingBytes: () => gunzip?.trailingBytes ?? 0,
      gzipProblem: () => gunzip?.problem ?? null,
      close: () => h.close().catch(() => {}),
      readAt: async (length, position) => {
        if (!st.isFile()) return Buffer.alloc(0);
        const buf = Buffer.alloc(length);
        const { bytesRead: n } = await h.read(buf, 0, length, position);
        return buf.subarray(0, n);
      },
    };
  } catch (err) {
    await handle.close().catch(() => {});
    if (err instanceof InputError) throw err;
    throw inputError(name, fsProblem(err));
  }
}
