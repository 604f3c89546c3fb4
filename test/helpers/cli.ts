// Runs the BUILT command line (dist/bin/logscan.cjs, the package's bin that npx runs, which
// loads the program dist/bin/program.cjs), as a user would; never imports it.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, readlinkSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect } from 'vitest';

export const repoRoot = new URL('../../', import.meta.url).pathname;
export const cliPath = join(repoRoot, 'dist/bin/logscan.cjs');

export interface CliResult {
  code: number | null;
  /** The signal that ended the process (startCli only), else null or absent. */
  signal?: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], opts: { input?: string | Buffer; env?: Record<string, string>; cwd?: string } = {}): CliResult {
  const r = spawnSync(process.execPath, [cliPath, ...args], {
    input: opts.input ?? '',
    cwd: opts.cwd ?? repoRoot,
    env: { ...process.env, NO_COLOR: '1', ...opts.env },
    maxBuffer: 256 * 1024 * 1024,
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * `runCli` without blocking this process while the command runs. For test files whose tests
 * run concurrently (describe.concurrent): a spawnSync there stops every other test's clock
 * and waits too (a whole test of spawnSyncs held the loop for 25 s on a loaded machine: a
 * sibling that timed a SIGTERM saw its child "hang", others hit their timeouts).
 */
export function runCliAsync(args: string[], opts: { input?: string | Buffer; env?: Record<string, string>; cwd?: string } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, ...args], {
      cwd: opts.cwd ?? repoRoot,
      env: { ...process.env, NO_COLOR: '1', ...opts.env },
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => stdout.push(c));
    child.stderr.on('data', (c: Buffer) => stderr.push(c));
    // A command that stops reading its input early (binary data, a usage error) closes the
    // pipe: spawnSync ignores the EPIPE, and so does this.
    child.stdin.on('error', () => {});
    child.stdin.end(opts.input ?? '');
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') }));
  });
}

/** stderr of a run that must end in a usage error: exit 2, nothing on stdout. */
export function usageStderr(args: string[]): string {
  const r = runCli(args);
  expect(r.code, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  return r.stderr;
}

/**
 * `runCli`, run once per distinct command in a test file: a later call with the same
 * arguments, working directory, environment and standard input, naming files and directories
 * with the same contents and times, gets the first call's result (frozen). Many tests look
 * at one report from different sides, and each spawn of the CLI costs ~0.4 s of CPU.
 * The files named are part of the key because tests rewrite fixtures between runs, and
 * their times because the year of a year-less line and log discovery go by mtime.
 * Not for what a run does besides printing (--output, --state, --alert-exec) or what
 * depends on the clock (relative --since/--until, daily without --date): those throw here.
 */
export function runCliShared(args: string[], opts: { input?: string | Buffer; env?: Record<string, string>; cwd?: string } = {}): Readonly<CliResult> {
  const clockBound = args.some((a, i) => (args[i - 1] === '--since' || args[i - 1] === '--until') && !/^\d{4}-/.test(a)) || (args[0] === 'daily' && !args.includes('--date'));
  const sideEffects = args.find((a) => a === '--output' || a === '--state' || a === '--alert-exec');
  if (clockBound || sideEffects !== undefined) throw new Error(`runCliShared: ${args.join(' ')} ${clockBound ? 'depends on the clock' : `writes with ${sideEffects}`}; use runCli`);
  const cwd = opts.cwd ?? repoRoot;
  const key = JSON.stringify({
    args,
    cwd,
    env: { ...process.env, ...opts.env },
    input: opts.input === undefined ? null : createHash('sha1').update(opts.input).digest('hex'),
    named: args.map((a) => fingerprint(resolve(cwd, a))),
  });
  let r = shared.get(key);
  if (r === undefined) {
    r = Object.freeze(runCli(args, opts));
    shared.set(key, r);
  }
  return r;
}

const shared = new Map<string, Readonly<CliResult>>();

/**
 * What a path is now, or null when nothing is there: kind, inode, mode and mtime, a file's
 * content hash, a directory's entries in turn (whether a run may read it, and which file it
 * is, change what it says too). Only one level down: --log-dir and --signatures read no deeper.
 */
function fingerprint(path: string, depth = 0): string | null {
  let st;
  try {
    st = statSync(path);
  } catch {
    return null;
  }
  const head = `${st.ino} ${st.mode} ${st.mtimeMs} ${st.size}`;
  if (st.isDirectory()) {
    if (depth > 0) return `dir ${head}`;
    let entries: string[];
    try {
      entries = readdirSync(path).sort();
    } catch {
      return `dir ${head} unreadable`;
    }
    return `dir ${head} ${JSON.stringify(entries.map((n) => [n, fingerprint(join(path, n), depth + 1)]))}`;
  }
  if (!st.isFile()) return `other ${head} ${st.rdev}`; // never opened: a FIFO would wait for a writer
  try {
    return `file ${head} ${createHash('sha1').update(readFileSync(path)).digest('hex')}`;
  } catch {
    return `file ${head} unreadable`;
  }
}

/** Spawns the CLI and resolves once it exits; `onStdout` may destroy stdout to act like `head`. */
export function spawnCli(args: string[], onStdout?: (chunk: Buffer, kill: () => void) => void): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cliPath, ...args], { cwd: repoRoot, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
      onStdout?.(c, () => child.stdout.destroy());
    });
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export { tempDir } from './temp.js';

export function ndjson(stdout: string): Record<string, unknown>[] {
  return stdout
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

export interface LiveCli {
  readonly stdout: string;
  readonly stderr: string;
  /** Resolves once `pred(stdout, stderr)` holds; rejects after `timeoutMs`. */
  waitFor(pred: (stdout: string, stderr: string) => boolean, timeoutMs?: number): Promise<void>;
  readonly pid: number;
  /** Sends the signal and resolves with the exit. */
  stop(signal?: NodeJS.Signals): Promise<CliResult>;
  exited: Promise<CliResult>;
}

/** Starts a long-running command (`follow`) and lets the test watch its output as it comes. */
export function startCli(args: string[], opts: { env?: Record<string, string>; stdin?: 'pipe' | 'ignore'; cwd?: string } = {}): LiveCli & { stdin: NodeJS.WritableStream | null } {
  const child = spawn(process.execPath, [cliPath, ...args], {
    cwd: opts.cwd ?? repoRoot,
    env: { ...process.env, NO_COLOR: '1', ...opts.env },
    stdio: [opts.stdin ?? 'ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const waiters = new Set<() => void>();
  const poke = (): void => {
    for (const w of [...waiters]) w();
  };
  child.stdout!.on('data', (c: Buffer) => {
    stdout += c.toString();
    poke();
  });
  child.stderr!.on('data', (c: Buffer) => {
    stderr += c.toString();
    poke();
  });
  const exited = new Promise<CliResult>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return {
    pid: child.pid!,
    stdin: child.stdin,
    get stdout() {
      return stdout;
    },
    get stderr() {
      return stderr;
    },
    exited,
    waitFor(pred, timeoutMs = 10_000) {
      return new Promise<void>((resolve, reject) => {
        const check = (): void => {
          if (pred(stdout, stderr)) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve();
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`timed out waiting; stdout tail: ${stdout.slice(-400)}; stderr: ${stderr.slice(-400)}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    stop(signal = 'SIGINT') {
      child.kill(signal);
      return exited;
    },
  };
}

/**
 * Resolves once process `pid` reads `input` (the command installs its SIGINT handler before
 * it opens anything). Linux: a file is among /proc/PID/fd; stdin (`-`) is a pipe that libuv
 * switched to O_NONBLOCK (/proc/PID/fdinfo/0) when reading began. Elsewhere: after 1.5 s.
 * Then a moment more: `follow` takes a file's size (where "its end" is) just after opening
 * it, and a line appended in between would count as already there (seen on a loaded CI).
 */
export async function untilReading(pid: number, input: string): Promise<void> {
  if (!existsSync(`/proc/${pid}/fd`)) return new Promise((r) => setTimeout(r, 1500));
  const started = (): boolean => {
    try {
      if (input === '-') return (parseInt(/^flags:\s*([0-7]+)$/m.exec(readFileSync(`/proc/${pid}/fdinfo/0`, 'utf8'))?.[1] ?? '0', 8) & 0o4000) !== 0;
      return readdirSync(`/proc/${pid}/fd`).some((fd) => {
        try {
          return readlinkSync(`/proc/${pid}/fd/${fd}`) === input;
        } catch {
          return false; // closed meanwhile
        }
      });
    } catch {
      return true; // the process ended: nothing left to wait for
    }
  };
  for (const deadline = Date.now() + 20_000; !started(); await new Promise((r) => setTimeout(r, 20))) {
    if (Date.now() > deadline) throw new Error(`the CLI never started reading ${input}`);
  }
  await new Promise((r) => setTimeout(r, 250));
}

/**
 * Resolves once a thread of process `pid` waits in open() for a FIFO's writer (Linux: its
 * /proc wchan is wait_for_partner), so a test signals it there, not by a guess at start-up
 * time that a loaded machine misses. Elsewhere: after 1.5 s.
 */
export async function untilWaitingOnFifo(pid: number): Promise<void> {
  if (!existsSync(`/proc/${pid}/task`)) return new Promise((r) => setTimeout(r, 1500));
  const waiting = (): boolean => {
    try {
      return readdirSync(`/proc/${pid}/task`).some((t) => {
        try {
          return readFileSync(`/proc/${pid}/task/${t}/wchan`, 'utf8').includes('wait_for_partner');
        } catch {
          return false; // the thread ended meanwhile
        }
      });
    } catch {
      return true; // the process ended: nothing left to wait for
    }
  };
  for (const deadline = Date.now() + 20_000; !waiting(); await new Promise((r) => setTimeout(r, 20))) {
    if (Date.now() > deadline) throw new Error(`process ${pid} never waited on a FIFO`);
  }
}
