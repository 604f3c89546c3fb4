// Why an input could not be read, or was read only in part: a stable code and the facts
// its sentence needs. The sentences are in the message catalog (src/i18n, `input.problem`):
// stderr and the JSON `error` say it in English, the report, daily and check in --lang.
import { InputError } from '../errors.js';
import { en } from '../i18n/en.js';
import type { UnpackerName } from './unpackers.js';

export type InputProblem =
  | { code: 'not-found'; nonUtf8Name: boolean }
  | { code: 'permission-denied' }
  | { code: 'is-directory' }
  /** A directory named as an input: its files are what to give. */
  | { code: 'directory' }
  | { code: 'symlink-loop' }
  | { code: 'name-too-long' }
  | { code: 'not-a-directory' }
  /**
   * Any other error of the system, its own message (English, as the system says it), and
   * its errno code ("EMFILE", "EIO") when it has one: what --lang words it by.
   */
  | { code: 'system-error'; message: string; errno?: string }
  | { code: 'empty-gz' }
  | { code: 'not-gzip' }
  | { code: 'binary'; controls: number; sampled: number }
  | { code: 'utf16-no-bom' }
  | { code: 'bad-utf16' }
  /** Compressed in a format logscan does not unpack (zip): `name` and the command that does. */
  | { code: 'packed'; name: string; unpack: string }
  /** bzip2, xz or zstd data whose command is not on PATH: the package that installs it, and the command that unpacks by hand. */
  | { code: 'unpacker-missing'; name: UnpackerName; command: string; package: string; cat: string }
  /** `follow` of a gzip file: a rotated log, which does not grow. */
  | { code: 'gzip-not-followed' }
  /** `follow` of a bzip2, xz or zstd file: a rotated log, compressed, which does not grow (logscan FILE reads it). */
  | { code: 'packed-not-followed'; name: UnpackerName }
  /** `follow` of a file that did not exist at any time until the stop: waited for, never read. */
  | { code: 'never-appeared' }
  | { code: 'shrank'; size: number; read: number }
  | { code: 'gzip-trailing'; bytes: number }
  /** `why`: zlib's words (English), or the gunzip's own ("unexpected end of file"). */
  | { code: 'gzip-cut'; line: number; why: string }
  /** bzip2, xz or zstd data cut off or corrupt: `why` is the command's first line on stderr (English, made safe to show), or its exit status. */
  | { code: 'unpack-cut'; name: UnpackerName; line: number; why: string }
  | { code: 'read-error'; line: number; message: string; errno?: string };

export type InputProblemCode = InputProblem['code'];

/** The English sentence (stderr, the JSON `error`, InputError's message). */
export function problemText(p: InputProblem): string {
  return en.input.problem(p);
}

/** An InputError for `file` that carries its problem. */
export function inputError(file: string, p: InputProblem): InputError {
  return new InputError(file, problemText(p), p);
}

const ERRNO: Readonly<Record<string, InputProblem>> = {
  EACCES: { code: 'permission-denied' },
  EPERM: { code: 'permission-denied' },
  EISDIR: { code: 'is-directory' },
  ELOOP: { code: 'symlink-loop' },
  ENAMETOOLONG: { code: 'name-too-long' },
  ENOTDIR: { code: 'not-a-directory' },
};

/** The problem of a failed file-system call. */
export function fsProblem(err: unknown): InputProblem {
  const e = err as NodeJS.ErrnoException | null | undefined;
  const code = e?.code;
  // A name Node.js could not decode (U+FFFD) is never found; saying only "no such file" would send the user looking for a typo.
  if (code === 'ENOENT') return { code: 'not-found', nonUtf8Name: typeof e?.path === 'string' && e.path.includes('\uFFFD') };
  if (code !== undefined && Object.hasOwn(ERRNO, code)) return ERRNO[code]!;
  return systemError(err);
}

/** The errno code of a failed system call ("EIO"), when `err` has one. */
export function errnoCode(err: unknown): string | undefined {
  const code = (err as NodeJS.ErrnoException | null | undefined)?.code;
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code) ? code : undefined;
}

/** An error without a code of its own: the system's message, and its errno code if any. */
export function systemError(err: unknown): InputProblem {
  const errno = errnoCode(err);
  const message = err instanceof Error ? err.message : String(err);
  return errno === undefined ? { code: 'system-error', message } : { code: 'system-error', message, errno };
}
