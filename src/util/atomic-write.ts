// Writes a file so that readers (and a crash) see the old content or the new, never
// half of it: write a temp file next to it, flush it to disk, rename it over. The new
// file keeps the old one's permissions, as a shell's `>` would: a report someone made
// private (0600) or group-readable for a web server stays so.
import { randomBytes } from 'node:crypto';
import { open, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

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
