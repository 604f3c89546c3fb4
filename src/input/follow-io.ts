// The calls the follower makes to find and open what is at a path. A seam: tests put
// faults between them (EIO on a handle, a file replaced by a directory between stat
// and open), which real file systems produce only by chance.
import type { BigIntStats } from 'node:fs';
import { open, readdir, stat, type FileHandle } from 'node:fs/promises';

export interface FollowIo {
  stat(path: string): Promise<BigIntStats>;
  /** Opens for reading. */
  open(path: string): Promise<FileHandle>;
  /** The names in a directory: where rotation put the files of a path. */
  readdir(dir: string): Promise<string[]>;
}

/** What the follower reads a file object through: an open file, or the unpacked bytes of a `.gz` copy. */
export interface ReadHandle {
  read(buffer: Buffer, offset: number, length: number, position: number): Promise<{ bytesRead: number }>;
  stat(opts: { bigint: true }): Promise<BigIntStats>;
  close(): Promise<void>;
  /** Its content never changes (a compressed copy): nothing to check for truncation while it is read. */
  readonly sealed?: boolean;
  /** A gzip copy: bytes after its gzip data that are not gzip, ignored (0 until read to its end). */
  readonly trailingBytes?: number;
}

export const NODE_IO: FollowIo = {
  stat: (path) => stat(path, { bigint: true }),
  open: (path) => open(path, 'r'),
  readdir: (dir) => readdir(dir),
};
