// The calls the follower makes to find and open what is at a path. A seam: tests put
// faults between them (EIO on a handle, a file replaced by a directory between stat
// and open), which real file systems produce only by chance.
import type { BigIntStats } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';

export interface FollowIo {
  stat(path: string): Promise<BigIntStats>;
  /** Opens for reading. */
  open(path: string): Promise<FileHandle>;
}

export const NODE_IO: FollowIo = {
  stat: (path) => stat(path, { bigint: true }),
  open: (path) => open(path, 'r'),
};
