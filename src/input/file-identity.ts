// Telling files apart across rotations: device + inode says "same file object",
// a hash of the first bytes says "same content" (an inode number is reused once a
// file is deleted, and copytruncate keeps the inode while replacing the content).
// Filebeat's registry and fail2ban do the same.
import { createHash } from 'node:crypto';
import type { BigIntStats } from 'node:fs';
import { stat } from 'node:fs/promises';
import { NODE_IO, type FollowIo, type ReadHandle } from './follow-io.js';
import { PackedCopy, PackedCopyCut, packingOfName, type Packing } from './packed-copy.js';
import { fsProblem, type InputProblem } from './problem.js';
import { onPath, unpackerNamed, type UnpackerName } from './unpackers.js';
import { basename, dirname, join } from 'node:path';
import { rotationLike } from './rotation-order.js';

/** Bytes hashed at most: the first line(s). Filebeat's fingerprint uses the same 1 KiB. */
export const FINGERPRINT_BYTES = 1024;

export interface Fingerprint {
  /** sha1 hex of the first `len` bytes; null while the file is empty. */
  hash: string | null;
  len: number;
}

export const NO_FINGERPRINT: Fingerprint = { hash: null, len: 0 };

/** "dev:ino" as decimal strings: inode numbers can exceed 2^53 (xfs, btrfs). */
export function fileId(st: BigIntStats): string {
  return `${st.dev}:${st.ino}`;
}

/** Hash of the first min(size, FINGERPRINT_BYTES) bytes; `len` given = exactly that many or null. */
export async function fingerprint(fh: ReadHandle, len?: number): Promise<Fingerprint | null> {
  const want = len ?? FINGERPRINT_BYTES;
  if (want === 0) return NO_FINGERPRINT;
  const buf = Buffer.alloc(want);
  let got = 0;
  while (got < want) {
    const { bytesRead } = await fh.read(buf, got, want - got, got);
    if (bytesRead === 0) break;
    got += bytesRead;
  }
  if (len !== undefined && got < len) return null;
  if (got === 0) return NO_FINGERPRINT;
  return { hash: createHash('sha1').update(buf.subarray(0, got)).digest('hex'), len: got };
}

/** True when the file still starts with the bytes `fp` was taken from. */
export async function sameStart(fh: ReadHandle, fp: Fingerprint): Promise<boolean> {
  if (fp.hash === null) return true;
  const now = await fingerprint(fh, fp.len);
  return now !== null && now.hash === fp.hash;
}

/** Reading a huge directory to find a rotated file is not worth more than this many of each (plain, compressed). */
const MAX_SIBLINGS = 256;

/** A file next to a path that rotation may have put there. */
export interface Sibling {
  path: string;
  /**
   * How its name says it is compressed (`kern.log.1.gz`, `.bz2`, `.xz`, `.zst`: logrotate's
   * `compressext`): unpacked to be compared or read. Null for a plain file.
   */
  packed: Packing | null;
}

/** Can this process unpack it: gzip always, the others when their command is on PATH. */
export function unpackable(packing: Packing): boolean {
  return packing === 'gzip' || onPath(unpackerNamed(packing).command);
}

/**
 * Where rotation tools put the previous file: `kern.log.1` (logrotate default),
 * `kern.log-20260120` (dateext), `fw.1.log` and `fw-20260120.log` (logrotate's `extension
 * .log` for `fw.log`, and `addextension .log` for `fw` unless a `fw.log` is beside it), `kern.log.0`, `kern.log_1`, `kern.log.old`, and the same
 * compressed (`kern.log.1.gz`, `kern.log.1.xz`); newest first by mtime. Other files that
 * start with the log's name are left out: so are other files that start with the log's name
 * (`syslog.json` beside `syslog`): no rotation made them. One listing serves a whole
 * --state restart of the path.
 */
export async function siblings(path: string, io: FollowIo = NODE_IO): Promise<Sibling[]> {
  const dir = dirname(path);
  const base = basename(path);
  let names: string[];
  try {
    names = await io.readdir(dir);
  } catch {
    return [];
  }
  const found: (Sibling & { mtime: number })[] = [];
  const kept = { plain: 0, packed: 0 };
  const beside = new Set(names);
  for (const n of names) {
    if (!rotationLike(n, base, beside)) continue;
    const packed = packingOfName(n);
    const kind = packed !== null ? 'packed' : 'plain';
    if (kept[kind] >= MAX_SIBLINGS) continue;
    const p = join(dir, n);
    try {
      const st = await stat(p);
      if (st.isFile()) {
        found.push({ path: p, packed, mtime: st.mtimeMs });
        kept[kind]++;
      }
    } catch {
      // vanished meanwhile
    }
  }
  return found.sort((a, b) => b.mtime - a.mtime).map(({ path: p, packed }) => ({ path: p, packed }));
}

export interface LocatedFile {
  path: string;
  fh: ReadHandle;
  st: BigIntStats;
}

/**
 * Opens the file with this identity among `candidates` (and checks its first bytes,
 * so a reused inode is not mistaken for it); null when none is it. A read error while
 * checking is thrown, or, given `unreadable`, kept there (that candidate is passed over):
 * the file with this inode is the one looked for, whose lines the caller says are not read.
 */
export async function locate(candidates: readonly string[], id: string, fp: Fingerprint, io: FollowIo = NODE_IO, unreadable?: UnreadableCopy[]): Promise<LocatedFile | null> {
  for (const path of candidates) {
    let st: BigIntStats;
    try {
      st = await io.stat(path);
    } catch {
      continue;
    }
    if (fileId(st) !== id) continue;
    let fh: ReadHandle;
    try {
      fh = await io.open(path);
    } catch {
      continue;
    }
    let found: BigIntStats | null;
    try {
      found = await keepOpenIf(fh, async () => {
        const fst = await fh.stat({ bigint: true });
        return fileId(fst) === id && (await sameStart(fh, fp)) ? fst : null;
      });
    } catch (err) {
      if (unreadable === undefined) throw err;
      unreadable.push({ path, problem: fsProblem(err), packed: false });
      continue;
    }
    if (found) return { path, fh, st: found };
  }
  return null;
}

/**
 * A sibling whose first bytes match `fp` and that is at least `minSize` long: the copy
 * copytruncate made, or the file renamed away. Else a compressed sibling (`.gz`, or `.bz2`,
 * `.xz`, `.zst` when their command is installed) that unpacks to the same first bytes: that
 * copy or that file, compressed since (its unpacked length is only known by unpacking it
 * all, so `minSize` is not checked: reading on from the offset finds what it holds). The
 * ones whose command is missing are not looked into: `unreadableCopies` names them. A
 * sibling, plain or compressed, whose first KiB could not be read (EIO) may be the copy: it
 * is put in `unreadable` when no other sibling is, so the follower says the read error, not
 * a copy gone (nor "will keep trying": the file at the path is read on without it).
 */
export async function locateCopy(
  path: string,
  fp: Fingerprint,
  minSize: number,
  io: FollowIo = NODE_IO,
  /** The path's siblings when already listed. */
  listed?: readonly Sibling[],
  /** Filled with the siblings a read error kept from comparing, when none matched. */
  unreadable?: UnreadableCopy[],
): Promise<LocatedFile | null> {
  if (fp.hash === null) return null;
  const all = listed ?? (await siblings(path, io));
  const plain = all.filter((s) => s.packed === null).map((s) => s.path);
  const packed = all.filter((s) => s.packed !== null && unpackable(s.packed));
  const failed: UnreadableCopy[] = [];
  const found = (await locatePlainCopy(plain, fp, minSize, io, failed)) ?? (await locatePackedCopy(packed, fp, io, failed));
  if (found === null) unreadable?.push(...failed);
  return found;
}

/** A sibling that could not be compared with the file looked for: reading it failed. */
export interface UnreadableCopy {
  path: string;
  problem: InputProblem;
  /** Compressed: a retry would unpack it again from its start. */
  packed: boolean;
}

/**
 * The compressed siblings whose command is not installed (`kern.log.1.xz` without xz): any of
 * them can be the copy locateCopy did not find, so the lines it holds are said as not read.
 */
export function unreadableCopies(listed: readonly Sibling[]): { path: string; unpacker: UnpackerName }[] {
  return listed.flatMap((s) => (s.packed !== null && s.packed !== 'gzip' && !unpackable(s.packed) ? [{ path: s.path, unpacker: s.packed }] : []));
}

async function locatePlainCopy(candidates: readonly string[], fp: Fingerprint, minSize: number, io: FollowIo, failed: UnreadableCopy[]): Promise<LocatedFile | null> {
  for (const p of candidates) {
    let fh: ReadHandle;
    try {
      fh = await io.open(p);
    } catch {
      continue;
    }
    let found: BigIntStats | null = null;
    try {
      found = await keepOpenIf(fh, async () => {
        const fst = await fh.stat({ bigint: true });
        // isFile: the sibling can have been replaced since siblings() stat'ed it.
        return fst.isFile() && Number(fst.size) >= minSize && (await sameStart(fh, fp)) ? fst : null;
      });
    } catch (err) {
      // A read error says nothing of what it holds: it may be the copy (as a compressed one).
      failed.push({ path: p, problem: fsProblem(err), packed: false });
    }
    if (found) return { path: p, fh, st: found };
  }
  return null;
}

async function locatePackedCopy(candidates: readonly Sibling[], fp: Fingerprint, io: FollowIo, failed: UnreadableCopy[]): Promise<LocatedFile | null> {
  for (const { path: p, packed } of candidates) {
    let gz: PackedCopy;
    try {
      gz = new PackedCopy(await io.open(p), packed!);
    } catch {
      continue;
    }
    let found: BigIntStats | null = null;
    try {
      found = await keepOpenIf(gz, async () => {
        const fst = await gz.stat({ bigint: true });
        return fst.isFile() && (await sameStart(gz, fp)) ? fst : null;
      });
    } catch (err) {
      // Not that compression after all, or cut short before its first KiB: not the copy. A
      // read error (of the packed bytes, or its fstat) says nothing of what it holds.
      if (!(err instanceof PackedCopyCut) || err.io !== null) failed.push({ path: p, problem: err instanceof PackedCopyCut ? err.io! : fsProblem(err), packed: true });
    }
    if (found) return { path: p, fh: gz, st: found };
  }
  return null;
}

/**
 * Runs `check` on a handle just opened: keeps it open when the check gives a result, closes
 * it when not, and when the check fails (EIO, ESTALE), closes it before passing the error on.
 */
async function keepOpenIf<T>(fh: ReadHandle, check: () => Promise<T | null>): Promise<T | null> {
  let r: T | null;
  try {
    r = await check();
  } catch (err) {
    await fh.close().catch(() => {});
    throw err;
  }
  if (r === null) await fh.close().catch(() => {});
  return r;
}
