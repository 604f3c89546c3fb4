// A save killed between its temp file and the rename (kill -9, power loss) leaves
// `.NAME.PID.HEX.tmp` behind: the next start removes those whose writer is gone, and never
// one a running process (another logscan's save in flight) may still rename.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeStaleDigestTemps } from '../../src/daily/digest.js';
import { writeDocument } from '../../src/cli/output.js';
import { FollowState } from '../../src/input/follow-state.js';
import { removeStaleTemps, writeFileAtomic } from '../../src/util/atomic-write.js';
import { repoRoot, runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

/** The PID of a process that has exited (reused by another only in the rarest of cases). */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

const temp = (dir: string, name: string, pid: number, hex = 'a1b2c3d4'): string => {
  const path = join(dir, `.${name}.${pid}.${hex}.tmp`);
  writeFileSync(path, '{"half":');
  return path;
};

describe('removeStaleTemps', () => {
  it("removes a dead writer's temp file of the target, keeps a live one's, other names and the target itself", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'state.json'), '{}');
    const dead = temp(dir, 'state.json', deadPid());
    const live = temp(dir, 'state.json', process.ppid);
    const other = temp(dir, 'other.json', deadPid());
    const notOurs = join(dir, `.state.json.${deadPid()}.notahex.tmp`);
    writeFileSync(notOurs, 'x');
    const removed = await removeStaleTemps(dir, (n) => n === 'state.json');
    expect(removed).toEqual([dead]);
    expect(existsSync(dead)).toBe(false);
    for (const kept of [live, other, notOurs, join(dir, 'state.json')]) expect(existsSync(kept)).toBe(true);
  });

  it("removes this PID's temp file only when older than this process (the PID was reused)", async () => {
    const dir = tempDir();
    const fresh = temp(dir, 'f', process.pid, '00000001');
    const old = temp(dir, 'f', process.pid, '00000002');
    const before = (Date.now() - process.uptime() * 1000) / 1000 - 60;
    utimesSync(old, before, before);
    expect(await removeStaleTemps(dir, () => true)).toEqual([old]);
    expect(existsSync(fresh)).toBe(true);
  });

  it('says nothing and removes nothing for a directory that does not exist', async () => {
    expect(await removeStaleTemps(join(tempDir(), 'none'), () => true)).toEqual([]);
  });

  it("does not touch writeFileAtomic's own write", async () => {
    const dir = tempDir();
    await writeFileAtomic(join(dir, 'a'), 'new\n');
    expect(readdirSync(dir)).toEqual(['a']);
  });
});

describe('start-up clean-up', () => {
  it('follow --state: loading the state removes the temp file a killed save left, and reads the state', async () => {
    const dir = tempDir();
    const file = join(dir, 'follow.state');
    writeFileSync(file, JSON.stringify({ version: 1, files: [] }));
    const left = temp(dir, 'follow.state', deadPid());
    const inFlight = temp(dir, 'follow.state', process.ppid);
    const s = await FollowState.load(file, 50);
    expect(s.has('/x')).toBe(false);
    expect(existsSync(left)).toBe(false);
    expect(existsSync(inFlight)).toBe(true);
  });

  it("daily --state: a dead save's digest temp files go, other files in DIR stay", async () => {
    const dir = tempDir();
    const left = temp(dir, '2026-11-21.json', deadPid());
    const inFlight = temp(dir, '2026-11-20.json', process.ppid);
    const someoneElses = temp(dir, 'notes.txt', deadPid());
    expect(await removeStaleDigestTemps(dir)).toEqual([left]);
    expect(readdirSync(dir).sort()).toEqual([inFlight, someoneElses].map((p) => p.slice(dir.length + 1)).sort());
  });

  it("--output FILE: a dead write's temp files of FILE go before FILE is written; a live one's and another file's stay", async () => {
    const dir = tempDir();
    const file = join(dir, 'report.html');
    const left = temp(dir, 'report.html', deadPid());
    const inFlight = temp(dir, 'report.html', process.ppid);
    const other = temp(dir, 'other.html', deadPid());
    await writeDocument('new\n', file);
    expect(readFileSync(file, 'utf8')).toBe('new\n');
    expect(existsSync(left)).toBe(false);
    for (const kept of [inFlight, other]) expect(existsSync(kept)).toBe(true);
  });

  it('--output FILE through a symlink: the temp files beside the file it leads to go', async () => {
    const dir = tempDir();
    const real = join(dir, 'real.txt');
    writeFileSync(real, 'old');
    const link = join(dir, 'link.txt');
    symlinkSync(real, link);
    const left = temp(dir, 'real.txt', deadPid());
    await writeDocument('new\n', link);
    expect(readFileSync(real, 'utf8')).toBe('new\n');
    expect(existsSync(left)).toBe(false);
  });

  it.each([
    ['report', ['report', join(repoRoot, 'samples/ufw.log')]],
    ['daily', ['daily', join(repoRoot, 'samples/ufw.log'), '--date', '2026-11-20', '--tz', 'UTC', '--year', '2026']],
  ])('logscan %s --output FILE removes the temp file a killed run of it left', (_name, args) => {
    const dir = tempDir();
    const file = join(dir, 'out.txt');
    const left = temp(dir, 'out.txt', deadPid());
    const r = runCli([...args, '--output', file]);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(file, 'utf8')).toMatch(/^logscan/);
    expect(readdirSync(dir)).toEqual(['out.txt']);
    expect(existsSync(left)).toBe(false);
  });
});
