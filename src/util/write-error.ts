// Why a file could not be written, said in the user's terms (--output, --state).
import { dirname } from 'node:path';

/**
 * What went wrong, in the user's terms: the temporary file next to FILE is logscan's own
 * business, so a failure to create it is said of FILE's directory.
 */
export function describeWriteError(err: unknown, file: string): string {
  const e = err as NodeJS.ErrnoException | null | undefined;
  const dir = dirname(file);
  const inDir = typeof e?.path === 'string' && e.path !== file && e.syscall === 'open';
  switch (e?.code) {
    case 'ENOENT':
      return inDir ? `no such directory: ${dir}` : 'no such file';
    case 'ENOTDIR':
      return `${dir} is not a directory`;
    case 'EACCES':
    case 'EPERM':
      return inDir ? `no permission to create files in ${dir}` : 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'EROFS':
      return `${dir} is on a read-only file system`;
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EDQUOT':
      return 'disk quota exceeded';
    default:
      return err instanceof Error ? err.message : String(err);
  }
}
