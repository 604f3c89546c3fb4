// Writing a whole document (a report, a daily summary) to stdout or --output FILE:
// writeDocument. A stream of lines (events, follow) goes through src/render/batched-writer.ts.
import { accessSync, constants, fstatSync, lstatSync, readlinkSync, realpathSync, statSync, type Stats } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename, dirname, extname, resolve } from 'node:path';
import { removeStaleTemps, writeFileAtomic } from '../util/atomic-write.js';
import { usageError } from '../i18n/messages.js';
import { writeProblem, type WriteProblem } from '../util/write-error.js';

/** The --output option: a file, or null for standard output (no --output, or `-`, which means stdout as it means stdin for inputs). */
export function outputOption(raw: Record<string, unknown>): string | null {
  return typeof raw.output === 'string' && raw.output !== '-' ? raw.output : null;
}

/**
 * A whole document to --output FILE or, without one, to stdout. A file that cannot be
 * written is a usage error. A regular file (or the file a symlink leads to: the link
 * stays) is replaced atomically: a web server or a mail job never reads half of it. A
 * FIFO or a device (/dev/null, a terminal) is written in place, as a shell's `>` would:
 * renaming a file over it would destroy it (and, as root, /dev/null or /dev/stdout).
 * A path that is this process's stdout or stderr (/dev/stdout, /dev/fd/2, the file
 * stdout is redirected to) is written through that stream, appending where it appends.
 * The temp files an earlier write of FILE was killed in the middle of are removed first.
 */
export async function writeDocument(text: string, file: string | null): Promise<void> {
  if (file === null) {
    process.stdout.write(text);
    return;
  }
  let target = file;
  try {
    const st = statOrNull(file);
    const stream = st === null ? null : ownStream(st);
    if (stream !== null) {
      // As without --output (a reader that closes early ends the run quietly, program.ts).
      stream.write(text);
    } else if (st?.isDirectory()) {
      throw Object.assign(new Error('is a directory'), { code: 'EISDIR', path: file, syscall: 'open' });
    } else if (st?.isSocket()) {
      throw new Error('is a socket; --output writes to a file, a FIFO or a device');
    } else if (st !== null && !st.isFile()) {
      // A FIFO or a device: written in place, never replaced.
      const fh = await open(file, 'w');
      try {
        await fh.writeFile(text, 'utf8');
      } finally {
        await fh.close();
      }
    } else {
      // A regular file, or none yet: the file itself, not a symlink to it, is replaced.
      target = st !== null ? realpathSync(file) : danglingTarget(file);
      // A run killed mid-write (kill -9, power loss) left its `.NAME.PID.HEX.tmp` beside
      // FILE; a cron job writing the same report daily would pile them up. Only FILE's own.
      const name = basename(target);
      await removeStaleTemps(dirname(target), (n) => n === name);
      await writeFileAtomic(target, text);
    }
  } catch (err) {
    const p = writeProblem(err, target);
    throw usageError((u) => u.outputWrite(file, p));
  }
}

/**
 * Refuses an --output FILE that is one of the inputs (a report written over the log it
 * came from), before anything is read: the same file by name, by a symlink or a hard link
 * (device and inode), or the regular file standard input is redirected from when `-` is
 * read. A terminal or /dev/null may be both: nothing is replaced there.
 */
export function refuseOutputOverInput(output: string | null, inputs: readonly string[], option = '--output'): void {
  if (output === null) return;
  const out = statOrNull(output);
  if (out !== null && out.isCharacterDevice()) return;
  for (const input of inputs) {
    let same: boolean;
    // How it is the same, when not by its name: '-' for standard input, else the input's name.
    let how: string | null = null;
    if (input === '-') {
      const stdin = fstatOrNull(0);
      same = out !== null && stdin !== null && stdin.isFile() && sameFile(out, stdin);
      how = '-';
    } else {
      const inp = statOrNull(input);
      same = out !== null && inp !== null ? sameFile(out, inp) : resolve(output) === resolve(input);
      if (resolve(output) !== resolve(input)) how = input;
    }
    if (same) throw usageError((u) => u.outputIsInput(output, how, option));
  }
}

/**
 * Why FILE could not be written when the time comes, or null: for a file written long after
 * the start (follow's --final-report, at the stop, hours or days later), so a path that
 * can never work is a usage error at the start instead of one line on stderr at the end.
 * The write itself still reports its own failure: the directory can vanish meanwhile.
 */
export function laterWriteProblem(file: string): WriteProblem | null {
  const st = statOrNull(file);
  if (st?.isDirectory()) return { code: 'is-directory' };
  const dir = dirname(file);
  try {
    // An existing file is written in place (its permission matters); a new one is created in DIR.
    if (st !== null) {
      accessSync(file, constants.W_OK);
      return null;
    }
    if (!statSync(dir).isDirectory()) return { code: 'parent-not-directory', dir };
    accessSync(dir, constants.W_OK);
    return null;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EROFS') return { code: 'read-only', dir };
    if (code === 'EACCES' || code === 'EPERM') return st !== null ? { code: 'permission-denied' } : { code: 'no-permission-in-dir', dir };
    if (code === 'ENOENT') return { code: 'no-such-directory', dir };
    if (code === 'ENOTDIR') return { code: 'parent-not-directory', dir };
    return writeProblem(err, file);
  }
}

function sameFile(a: Stats, b: Stats): boolean {
  return a.dev === b.dev && a.ino === b.ino;
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

function fstatOrNull(fd: number): Stats | null {
  try {
    return fstatSync(fd);
  } catch {
    return null;
  }
}

/** process.stdout or process.stderr when `st` is the file one of them writes to, else null. */
function ownStream(st: Stats): NodeJS.WriteStream | null {
  for (const [fd, stream] of [
    [1, process.stdout],
    [2, process.stderr],
  ] as const) {
    const own = fstatOrNull(fd);
    if (own !== null && sameFile(st, own)) return stream;
  }
  return null;
}

/**
 * Where a path that does not exist is to be created: itself, or, for a symlink to nothing
 * (yet), where the link points, so that the link stays and leads to the new file.
 */
function danglingTarget(file: string): string {
  let path = file;
  for (let hops = 0; hops < 40; hops++) {
    let st: Stats;
    try {
      st = lstatSync(path);
    } catch {
      return path;
    }
    if (!st.isSymbolicLink()) return path;
    path = resolve(dirname(path), readlinkSync(path));
  }
  throw Object.assign(new Error('too many levels of symbolic links'), { code: 'ELOOP', path: file });
}

/** What an --output file's extension asks for when -o is not given ("plain": the command's text form). */
const BY_EXTENSION: Record<string, DocumentFormat> = { '.html': 'html', '.htm': 'html', '.md': 'markdown', '.markdown': 'markdown', '.json': 'json', '.csv': 'csv', '.txt': 'plain' };
export type DocumentFormat = 'html' | 'markdown' | 'json' | 'csv' | 'plain';
/** Every extension that picks a format (the help of report and daily, README and docs/daily.md list them; a test holds them to this). */
export const OUTPUT_EXTENSIONS: readonly string[] = Object.keys(BY_EXTENSION);

/** The format FILE's extension names, or null for any other extension. */
export function formatOfFile(file: string): DocumentFormat | null {
  return BY_EXTENSION[extname(file).toLowerCase()] ?? null;
}
