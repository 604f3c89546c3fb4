// Writes a file so that readers (and a crash) see the old content or the new, never
// half of it: write a temp file next to it, flush it to disk, rename it over. The new
// file keeps the old one's permissions, as a shell's `>` would: a report someone made
// private (0600) or group-readable for a web server stays so.
import { randomBytes } from 'node:crypto';
import { open, readdir, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** `.NAME.PID.HEX.tmp`: the temp file writeFileAtomic writes NAME through. */
const TEMP_NAME = /^\.(.+)\.(\d+)\.[0-9a-f]{8}\.tmp$/;

/** `newMode`: the permissions of a file that did not exist yet (the umask applies). */
export async function writeFileAtomic(file: string, data: string, newMode = 0o644): Promise<void> {
  // Same directory: rename is only atomic within one file system.
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const old = await stat(file).catch(() => null);
  const fh = await open(tmp, 'wx', newMode);
  try {
    try {
      // Before the data: a private file's content is never readable under the default mode.
      if (old !== null) await fh.chmod(old.mode & 0o7777);
      await fh.writeFile(data, 'utf8');
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, file);
  } catch (err) {
    // A full disk or a failed rename leaves no half-written temp file behind.
    await unlink(tmp).catch(() => {});
    throw err;
  }
}

/**
 * Removes the temp files a killed writer left in `dir` (kill -9 or power loss between the
 * open and the rename): those of a file `target` accepts, whose writer is gone. A live
 * PID's temp file may be another running logscan's save in flight, so it stays, unless the
 * PID is this process's and the file is older than this process (the PID was reused).
 * Best effort: a directory that cannot be listed or a file that cannot be removed is left
 * for the write itself to report, if it matters. Returns the paths removed.
 */
export async function removeStaleTemps(dir: string, target: (name: string) => boolean): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  const startedAt = Date.now() - process.uptime() * 1000;
  for (const name of names) {
    const m = TEMP_NAME.exec(name);
    if (m === null || !target(m[1]!)) continue;
    const path = join(dir, name);
    const pid = Number(m[2]);
    if (pid === process.pid) {
      const st = await stat(path).catch(() => null);
      if (st === null || st.mtimeMs >= startedAt) continue;
    } else if (alive(pid)) continue;
    try {
      await unlink(path);
      removed.push(path);
    } catch {
      // Gone meanwhile, or not ours to remove: nothing to clean.
    }
  }
  return removed;
}

function alive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists, under another user.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
