// Why a file could not be written, said in the user's terms (--output, --state): a code
// and the facts its sentence needs; the words are in the catalog (i18n, usage.writeProblem).
import { dirname } from 'node:path';
import { en } from '../i18n/en.js';

export type WriteProblem =
  /** The temporary file next to FILE could not be created: said of FILE's directory. */
  | { code: 'no-such-directory'; dir: string }
  | { code: 'not-found' }
  | { code: 'parent-not-directory'; dir: string }
  | { code: 'no-permission-in-dir'; dir: string }
  | { code: 'permission-denied' }
  | { code: 'is-directory' }
  | { code: 'read-only'; dir: string }
  | { code: 'no-space' }
  | { code: 'quota' }
  /** Any other error: the system's own message (English), and its errno code, which --lang words it by. */
  | { code: 'system-error'; message: string; errno?: string };

/**
 * What went wrong, in the user's terms: the temporary file next to FILE is logscan's own
 * business, so a failure to create it is said of FILE's directory.
 */
export function describeWriteError(err: unknown, file: string): string {
  return en.usage.writeProblem(writeProblem(err, file));
}

/** The problem of a failed write of `file`. */
export function writeProblem(err: unknown, file: string): WriteProblem {
  const e = err as NodeJS.ErrnoException | null | undefined;
  const dir = dirname(file);
  const inDir = typeof e?.path === 'string' && e.path !== file && e.syscall === 'open';
  switch (e?.code) {
    case 'ENOENT':
      return inDir ? { code: 'no-such-directory', dir } : { code: 'not-found' };
    case 'ENOTDIR':
      return { code: 'parent-not-directory', dir };
    case 'EACCES':
    case 'EPERM':
      return inDir ? { code: 'no-permission-in-dir', dir } : { code: 'permission-denied' };
    case 'EISDIR':
      return { code: 'is-directory' };
    case 'EROFS':
      return { code: 'read-only', dir };
    case 'ENOSPC':
      return { code: 'no-space' };
    case 'EDQUOT':
      return { code: 'quota' };
    default: {
      const message = err instanceof Error ? err.message : String(err);
      return typeof e?.code === 'string' ? { code: 'system-error', message, errno: e.code } : { code: 'system-error', message };
    }
  }
}
