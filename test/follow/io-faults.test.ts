// The follower when the file system fails under it: EIO (or ESTALE on NFS) on a handle,
// a path that turns into a directory between stat and open. Real disks do this only by
// chance, so the faults come through the follower's io seam (src/input/follow-io.ts).
// Each must be said and retried (or the file left), never crash the poll loop, and
// never leave a handle open.
import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmdirSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import { open, readdir, stat, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.js';
import { Follower, type FollowConsumer, type FollowedFile } from '../../src/input/follow.js';
import type { FollowIo } from '../../src/input/follow-io.js';
import { FollowState } from '../../src/input/follow-state.js';
import { tempDir } from '../helpers/cli.js';
import { sleep } from '../helpers/follow-writer.js';

const FAST = { pollMs: 30, retireMs: 300, watch: false };

function eio(syscall: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`EIO: i/o error, ${syscall}`), { code: 'EIO', errno: -5, syscall });
}

/** Real files, with faults switched on and off by the test, and every handle accounted for. */
class FaultyIo implements FollowIo {
  /** fstat on a handle fails. */
  failStat = false;
  /** Reads on a handle fail after this many have worked on it (null: none fail). */
  readsBeforeFault: number | null = null;
  /** Reads at this position or past it fail on the handles of paths `faultyPath` accepts (null: none). */
  faultFrom: number | null = null;
  faultyPath: (path: string) => boolean = () => true;
  /** Runs once after the next stat of a path: the moment between stat and open. */
  afterStat: (() => void) | null = null;
  opened = 0;
  /** Directory listings asked for. */
  readdirs = 0;
  /** Faults given so far: how a test knows more polls met one, without guessing their time. */
  faults = 0;
  private readonly open_ = new Set<FileHandle>();

  /** Handles opened and not closed. */
  get leaked(): number {
    return this.open_.size;
  }

  async stat(path: string) {
    const st = await stat(path, { bigint: true });
    const hook = this.afterStat;
    this.afterStat = null;
    hook?.();
    return st;
  }

  async readdir(dir: string): Promise<string[]> {
    this.readdirs++;
    return readdir(dir);
  }

  async open(path: string): Promise<FileHandle> {
    const fh = await open(path, 'r');
    this.opened++;
    this.open_.add(fh);
    let reads = 0;
    return new Proxy(fh, {
      get: (target, prop) => {
        if (prop === 'stat' && this.failStat) {
          return () => {
            this.faults++;
            return Promise.reject(eio('fstat'));
          };
        }
        if (prop === 'read') {
          return (...args: Parameters<FileHandle['read']>) => {
            const at: unknown = (args as unknown[])[3];
            if ((this.readsBeforeFault !== null && reads++ >= this.readsBeforeFault) || (this.faultFrom !== null && this.faultyPath(path) && typeof at === 'number' && at >= this.faultFrom)) {
              this.faults++;
              return Promise.reject(eio('read'));
            }
            return (target.read as (...a: unknown[]) => ReturnType<FileHandle['read']>)(...args);
          };
        }
        if (prop === 'close') {
          return () => {
            this.open_.delete(target);
            return target.close();
          };
        }
        const v: unknown = Reflect.get(target, prop, target);
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
    });
  }
}

interface Got {
  line: number;
  text: string;
}

function collector(): { consumer: FollowConsumer; got: Got[]; files: FollowedFile[]; notices: string[] } {
  const got: Got[] = [];
  const files: FollowedFile[] = [];
  const notices: string[] = [];
  return {
    got,
    files,
    notices,
    consumer: {
      open(f) {
        files.push(f);
        return { line: (text, line) => got.push({ line, text }), overlong: () => {}, end: () => {} };
      },
      notice: (_name, n, kind) => notices.push(`${kind}: ${en.follow.notice(n)}`),
    },
  };
}

/**
 * Waits for a condition. The deadline only bounds a hang: on a loaded machine a poll due
 * every 30 ms can come seconds late, and a check made at a guessed time can meet a poll
 * between its open and the close of a failed attempt.
 */
async function until(what: string, pred: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown): void => {
  unhandled.push(reason);
};
beforeEach(() => {
  unhandled.length = 0;
  process.on('unhandledRejection', onUnhandled);
});
afterEach(() => {
  process.off('unhandledRejection', onUnhandled);
});

describe('follower under I/O faults', () => {
  it('an EIO on a file just opened (its fstat, then reading it) is said once and retried at the next poll, with no handle left open', async () => {
    const path = join(tempDir(), 'kern.log');
    writeFileSync(path, 'one\ntwo\nthree\n');
    const io = new FaultyIo();
    io.failStat = true;
    const c = collector();
    const f = new Follower([path], c.consumer, { ...FAST, io });
    await f.start();
    await until('a retry', () => io.opened >= 3);
    io.failStat = false;
    io.readsBeforeFault = 0; // now counting the lines already there fails
    const n = io.opened;
    await until('a retry', () => io.opened >= n + 2);
    // A poll may be between its open and the close of a failed attempt: a leak never closes.
    await until('the failed attempts closing their handles', () => io.leaked === 0);
    expect(io.leaked).toBe(0);
    io.readsBeforeFault = null;
    await until('the file opened', () => c.files.length === 1);
    appendFileSync(path, 'four\n');
    await until('the new line', () => c.got.length === 1);
    await f.stop();
    // Started at its end, as it would have been without the fault: the old lines are not read.
    expect(c.got).toEqual([{ line: 4, text: 'four' }]);
    expect(c.notices).toEqual(['problem: read error: EIO: i/o error, fstat; will keep trying', 'info: readable now']);
    expect(io.leaked).toBe(0);
    expect(unhandled).toEqual([]);
  });

  it('a path that becomes a directory between stat and open is said, its handle closed, and the file read once it is back', async () => {
    const path = join(tempDir(), 'kern.log');
    writeFileSync(path, 'one\ntwo\n');
    const io = new FaultyIo();
    io.afterStat = () => {
      renameSync(path, `${path}.away`);
      mkdirSync(path);
    };
    const c = collector();
    const f = new Follower([path], c.consumer, { ...FAST, io, fromStart: true });
    await f.start();
    expect(c.notices).toEqual(['problem: is a directory (follow the log files inside it)']);
    expect(io.leaked).toBe(0);
    rmdirSync(path);
    renameSync(`${path}.away`, path);
    await until('the lines', () => c.got.length === 2);
    await f.stop();
    expect(c.got.map((g) => g.text)).toEqual(['one', 'two']);
    expect(io.leaked).toBe(0);
    expect(unhandled).toEqual([]);
  });

  it('an EIO while restarting a truncated file is said; the file is read from its start once it can be', async () => {
    const path = join(tempDir(), 'kern.log');
    writeFileSync(path, 'one\ntwo\nthree\n');
    const io = new FaultyIo();
    const c = collector();
    const f = new Follower([path], c.consumer, { ...FAST, io });
    await f.start();
    appendFileSync(path, 'four\n');
    await until('line 4', () => c.got.length === 1);
    io.readsBeforeFault = 0;
    truncateSync(path, 0);
    await until('the fault said', () => c.notices.length > 0);
    const faults = io.faults;
    await until('more polls meeting the same fault', () => io.faults >= faults + 3);
    io.readsBeforeFault = null;
    writeFileSync(path, 'five\n');
    await until('the rewritten file', () => c.got.length === 2);
    await f.stop();
    expect(c.got).toEqual([
      { line: 4, text: 'four' },
      { line: 1, text: 'five' },
    ]);
    expect(c.notices).toEqual(['problem: read error: EIO: i/o error, read; will keep trying', 'info: truncated; reading it from its start (lines written just before the truncation may be missing)']);
    expect(io.leaked).toBe(0);
    expect(unhandled).toEqual([]);
  });

  it('--state: an EIO while finding or reopening the saved file is said, no handle is left open, and following goes on', async () => {
    const dir = tempDir();
    const path = join(dir, 'kern.log');
    const stateFile = join(dir, 'state.json');
    writeFileSync(path, 'one\ntwo\n');
    const first = new Follower([path], collector().consumer, { ...FAST, fromStart: true, state: await FollowState.load(stateFile, 50) });
    await first.start();
    await first.stop();
    appendFileSync(path, 'three\n');
    // Every read fails (the saved file's first bytes cannot be checked), then only the
    // reads after the first on each handle (found, but its head cannot be read).
    for (const readsBeforeFault of [0, 1]) {
      const io = new FaultyIo();
      io.readsBeforeFault = readsBeforeFault;
      const c = collector();
      const f = new Follower([path], c.consumer, { ...FAST, io, state: await FollowState.load(stateFile, 50) });
      await f.start();
      await until('more polls meeting the fault', () => io.faults >= 3);
      // A poll may be between its open and the close of a failed attempt: a leak never closes.
      await until('the failed attempts closing their handles', () => io.leaked === 0);
      expect(io.leaked, `reads before the fault: ${readsBeforeFault}`).toBe(0);
      expect(c.notices[0]).toBe('problem: read error: EIO: i/o error, read; will keep trying');
      io.readsBeforeFault = null;
      await until('the file opened', () => c.files.length > 0);
      appendFileSync(path, `after ${readsBeforeFault}\n`);
      await until('the new line', () => c.got.some((g) => g.text === `after ${readsBeforeFault}`));
      await f.stop();
      expect(io.leaked).toBe(0);
    }
    expect(unhandled).toEqual([]);
  });

  it('a failure in the poll loop that is no I/O error (a bug) rejects done instead of going unhandled; stop() still closes every handle', async () => {
    const path = join(tempDir(), 'kern.log');
    writeFileSync(path, 'one\n');
    const io = new FaultyIo();
    const c = collector();
    const open = c.consumer.open.bind(c.consumer);
    c.consumer.open = (file) => {
      if (file.reason === 'rotated') throw new Error('a bug in the consumer');
      return open(file);
    };
    const f = new Follower([path], c.consumer, { ...FAST, io });
    await f.start();
    renameSync(path, `${path}.1`);
    writeFileSync(path, 'new\n');
    const outcome = await Promise.race([f.done.then(() => 'done', (e: Error) => e.message), sleep(20_000).then(() => 'still polling')]);
    expect(outcome).toBe('a bug in the consumer');
    await f.stop();
    expect(io.leaked).toBe(0);
    expect(unhandled).toEqual([]);
  });
});

describe('follower restarted with --state: an I/O error in a compressed rotation', () => {
  it('reads what it could unpack, says the rest is not read (not "will keep trying": it is not retried), as lost lines, then the new file', async () => {
    const dir = tempDir();
    const path = join(dir, 'kern.log');
    const stateFile = join(dir, 'state.json');
    writeFileSync(path, 'saved 1\n');
    const first = new Follower([path], collector().consumer, { ...FAST, fromStart: true, state: await FollowState.load(stateFile, 50) });
    await first.start();
    await first.stop();
    // Written while stopped, then rotated and gzipped: lines that pack badly (random hex),
    // so the .gz is some 450 KiB and reads past its first 256 KiB fail (after the first KiB was found).
    appendFileSync(path, Array.from({ length: 8000 }, (_, i) => `while stopped ${i + 1} ${randomBytes(40).toString('hex')}\n`).join(''));
    renameSync(path, `${path}.1`);
    writeFileSync(`${path}.1.gz`, gzipSync(readFileSync(`${path}.1`)));
    unlinkSync(`${path}.1`);
    writeFileSync(path, 'new 1\n');
    const io = new FaultyIo();
    io.faultFrom = 256 * 1024;
    io.faultyPath = (p) => p.endsWith('.gz');
    const c = collector();
    const f = new Follower([path], c.consumer, { ...FAST, io, state: await FollowState.load(stateFile, 50) });
    await f.start();
    await until('the new file', () => c.got.some((g) => g.text === 'new 1'));
    await sleep(200);
    await f.stop();
    const fromCopy = c.got.filter((g) => g.text.startsWith('while stopped'));
    // Some of the copy was unpacked before the fault (not all of it), in order, none twice.
    expect(fromCopy.length).toBeGreaterThan(100);
    expect(fromCopy.length).toBeLessThan(8000);
    expect(fromCopy.map((g) => Number(g.text.split(' ')[2]))).toEqual(Array.from({ length: fromCopy.length }, (_, i) => i + 1));
    const last = fromCopy.at(-1)!.line;
    expect(c.notices).toContain(`lost: ${path}.1.gz: read error after line ${last}: EIO: i/o error, read; the rest of it is not read (not retried: it would be unpacked again from its start; logscan FILE reads it)`);
    expect(c.notices.join('\n')).not.toContain('will keep trying');
    expect(c.got.at(-1)).toEqual({ line: 1, text: 'new 1' });
    expect(io.leaked).toBe(0);
    expect(unhandled).toEqual([]);
  });
  it('a read error in its first KiB is said as that read error, not as the file read last time being gone', async () => {
    const dir = tempDir();
    const path = join(dir, 'kern.log');
    const stateFile = join(dir, 'state.json');
    writeFileSync(path, 'saved 1\n');
    const first = new Follower([path], collector().consumer, { ...FAST, fromStart: true, state: await FollowState.load(stateFile, 50) });
    await first.start();
    await first.stop();
    appendFileSync(path, 'while stopped 2\n');
    renameSync(path, `${path}.1`);
    writeFileSync(`${path}.1.gz`, gzipSync(readFileSync(`${path}.1`)));
    unlinkSync(`${path}.1`);
    writeFileSync(path, 'new 1\n');
    const io = new FaultyIo();
    io.faultFrom = 0;
    io.faultyPath = (p) => p.endsWith('.gz');
    const c = collector();
    const f = new Follower([path], c.consumer, { ...FAST, io, state: await FollowState.load(stateFile, 50) });
    await f.start();
    await until('the new file', () => c.got.some((g) => g.text === 'new 1'));
    await f.stop();
    expect(io.faults).toBeGreaterThan(0);
    expect(c.notices).toContain(`lost: ${path}.1.gz: read error after line 1: EIO: i/o error, read; the rest of it is not read (not retried: it would be unpacked again from its start; logscan FILE reads it)`);
    expect(c.notices.join('\n')).not.toContain('no longer here');
    expect(c.got.map((g) => g.text)).toEqual(['new 1']);
    expect(io.leaked).toBe(0);
    expect(unhandled).toEqual([]);
  });
});

describe('follower: copytruncate + compress while following, the copy unreadable from its start', () => {
  it('says the read error in the copy, then reads the truncated file from its start', async () => {
    const dir = tempDir();
    const path = join(dir, 'kern.log');
    writeFileSync(path, 'old 1\n');
    const io = new FaultyIo();
    io.faultyPath = (p) => p.endsWith('.gz');
    const c = collector();
    const f = new Follower([path], c.consumer, { ...FAST, io, fromStart: true });
    await f.start();
    await until('the first line', () => c.got.length === 1);
    // Written and rotated between two polls: the line after old 1 is only in the compressed copy.
    io.faultFrom = 0;
    appendFileSync(path, 'old 2\n');
    writeFileSync(`${path}.1.gz`, gzipSync(readFileSync(path)));
    truncateSync(path, 0);
    appendFileSync(path, 'new 1\n');
    await until('the truncated file', () => c.got.some((g) => g.text === 'new 1'));
    await f.stop();
    expect(c.notices).toContain(`lost: ${path}.1.gz: read error after line 1: EIO: i/o error, read; the rest of it is not read (not retried: it would be unpacked again from its start; logscan FILE reads it)`);
    expect(c.got.map((g) => g.text)).toEqual(['old 1', 'new 1']);
    expect(io.leaked).toBe(0);
    expect(unhandled).toEqual([]);
  });
});

describe('follower: a read error in a plain rotated copy\'s first KiB', () => {
  const plainWords = (path: string, line: number): string =>
    `lost: ${path}.1: read error after line ${line}: EIO: i/o error, read; the rest of it is not read (not retried; logscan FILE reads it)`;

  it.each([
    { how: 'copytruncate while stopped (the copy found by its first KiB)', rotate: (path: string) => (writeFileSync(`${path}.1`, readFileSync(path)), truncateSync(path, 0)) },
    { how: 'rename while stopped (the file found by its inode)', rotate: (path: string) => renameSync(path, `${path}.1`) },
  ])('--state restart, $how: said as that read error, as lost, not "will keep trying" and "no longer here"', async ({ rotate }) => {
    const dir = tempDir();
    const path = join(dir, 'kern.log');
    const stateFile = join(dir, 'state.json');
    writeFileSync(path, 'saved 1\n');
    const first = new Follower([path], collector().consumer, { ...FAST, fromStart: true, state: await FollowState.load(stateFile, 50) });
    await first.start();
    await first.stop();
    appendFileSync(path, 'while stopped 2\n');
    rotate(path);
    appendFileSync(path, 'new 1\n');
    const io = new FaultyIo();
    io.faultFrom = 0;
    io.faultyPath = (p) => p.endsWith('.1');
    const c = collector();
    const f = new Follower([path], c.consumer, { ...FAST, io, state: await FollowState.load(stateFile, 50) });
    await f.start();
    await until('the new file', () => c.got.some((g) => g.text === 'new 1'));
    await f.stop();
    expect(io.faults).toBeGreaterThan(0);
    // Once, though both the inode and the first KiB were looked for in it.
    expect(c.notices.filter((n) => n.includes(`${path}.1:`))).toEqual([plainWords(path, 1)]);
    expect(c.notices.join('\n')).not.toMatch(/no longer here|will keep trying/);
    expect(c.got.map((g) => g.text)).toEqual(['new 1']);
    expect(io.leaked).toBe(0);
    expect(unhandled).toEqual([]);
  });

  it('copytruncate while following: said as that read error, then the truncated file read from its start', async () => {
    const dir = tempDir();
    const path = join(dir, 'kern.log');
    writeFileSync(path, 'old 1\n');
    const io = new FaultyIo();
    io.faultyPath = (p) => p.endsWith('.1');
    const c = collector();
    const f = new Follower([path], c.consumer, { ...FAST, io, fromStart: true });
    await f.start();
    await until('the first line', () => c.got.length === 1);
    // Written and rotated in one turn of the event loop the follower polls in: old 2 is only in the copy.
    io.faultFrom = 0;
    appendFileSync(path, 'old 2\n');
    writeFileSync(`${path}.1`, readFileSync(path));
    truncateSync(path, 0);
    appendFileSync(path, 'new 1\n');
    await until('the truncated file', () => c.got.some((g) => g.text === 'new 1'));
    await f.stop();
    expect(c.notices).toContain(plainWords(path, 1));
    expect(c.notices.join('\n')).not.toContain('will keep trying');
    expect(c.got.map((g) => g.text)).toEqual(['old 1', 'new 1']);
    expect(io.leaked).toBe(0);
    expect(unhandled).toEqual([]);
  });
});

describe('follower restarted with --state after rotations while stopped', () => {
  it('lists the directory once, and closes each rotation it read once it is read and quiet, keeping only the file at the path', async () => {
    const dir = tempDir();
    const path = join(dir, 'kern.log');
    const stateFile = join(dir, 'state.json');
    writeFileSync(path, 'saved 1\n');
    const first = new Follower([path], collector().consumer, { ...FAST, fromStart: true, state: await FollowState.load(stateFile, 50) });
    await first.start();
    await first.stop();
    // Four rotations while stopped (logrotate with compress + delaycompress): the saved
    // file ends as kern.log.4.gz, a copy with another inode, found by its first KiB.
    appendFileSync(path, 'saved 2\n');
    for (const k of [1, 2, 3, 4]) {
      for (let i = 4; i >= 1; i--) for (const ext of ['', '.gz']) if (existsSync(`${path}.${i}${ext}`)) renameSync(`${path}.${i}${ext}`, `${path}.${i + 1}${ext}`);
      if (existsSync(`${path}.2`)) {
        writeFileSync(`${path}.2.gz`, gzipSync(readFileSync(`${path}.2`)));
        unlinkSync(`${path}.2`);
      }
      renameSync(path, `${path}.1`);
      writeFileSync(path, `rotation ${k}\n`);
    }
    const io = new FaultyIo();
    const c = collector();
    const f = new Follower([path], c.consumer, { ...FAST, io, state: await FollowState.load(stateFile, 50) });
    await f.start();
    await until('every line', () => c.got.length === 5);
    expect(c.got.map((g) => g.text)).toEqual(['saved 2', 'rotation 1', 'rotation 2', 'rotation 3', 'rotation 4']);
    expect(c.notices).toContain('info: rotated 4 times while logscan was stopped; reading kern.log.3.gz, kern.log.2.gz, kern.log.1 before kern.log');
    expect(io.readdirs).toBe(1);
    // The saved file and the three rotations after it, then the file at the path: the
    // rotations are closed once read and quiet for retireMs; the path's file stays open.
    await until('the rotations closed', () => io.leaked === 1, 5000);
    await f.stop();
    expect(io.leaked).toBe(0);
    expect(unhandled).toEqual([]);
  });
});
