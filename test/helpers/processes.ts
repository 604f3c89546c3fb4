// Child processes of a run, as `ps` lists them: tests that a command logscan spawned (bzip2,
// xz, zstd) is ended and reaped when reading stops.
import { execFileSync } from 'node:child_process';

/** The pids of `parent`'s children running `command`; a zombie, not yet reaped, is still listed. */
export function childrenOf(parent: number, command: string): number[] {
  let out = '';
  try {
    out = execFileSync('ps', ['-o', 'pid=,comm=', '--ppid', String(parent)], { encoding: 'utf8' });
  } catch {
    // ps exits 1 when no process matches.
  }
  return out
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .filter(([, comm]) => comm === command)
    .map(([pid]) => Number(pid));
}

/** Does a process with this pid exist (a zombie does)? */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
