// bzip2, xz and zstd logs through the built CLI: `events`, the report and `check` read a
// .bz2/.xz/.zst as they read the plain file (and `cat x.bz2 | logscan -`), a cut one keeps
// its lines and exits 3, a command missing from PATH is named (en, zh), and the command is
// not left running when logscan stops early (Ctrl-C, a closed stdout). The commands must
// be installed here: a missing one fails these tests.
import { execFileSync } from 'node:child_process';
import { readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli, spawnCli, startCli, tempDir } from '../helpers/cli.js';
import { alive, childrenOf } from '../helpers/processes.js';
import { until } from '../helpers/wait.js';

const SAMPLE = join(repoRoot, 'samples/iptables.log');
const SUFFIX = { bzip2: '.bz2', xz: '.xz', zstd: '.zst' } as const;
type Name = keyof typeof SUFFIX;
const NAMES = Object.keys(SUFFIX) as Name[];

function pack(name: Name, bytes: Buffer | string): Buffer {
  return execFileSync(name, ['-c', '-q'], { input: bytes, maxBuffer: 1 << 28 });
}

/** The sample and its packed copies, all with the sample's mtime (year inference reads it). */
function fixtures(): { dir: string; plain: string; packed: Record<Name, string> } {
  const dir = tempDir();
  const plain = join(dir, 'fw.log');
  const text = readFileSync(SAMPLE);
  writeFileSync(plain, text);
  const mtime = new Date('2026-12-01T00:00:00Z');
  utimesSync(plain, mtime, mtime);
  const packed = {} as Record<Name, string>;
  for (const name of NAMES) {
    packed[name] = join(dir, `fw.log${SUFFIX[name]}`);
    writeFileSync(packed[name], pack(name, text));
    utimesSync(packed[name], mtime, mtime);
  }
  return { dir, plain, packed };
}

function ufwLines(n: number): string {
  const out: string[] = [];
  for (let i = 1; i <= n; i++) out.push(`Nov 20 06:25:${String(i % 60).padStart(2, '0')} gw kernel: [UFW BLOCK] IN=eth0 OUT= SRC=203.0.${(i >> 8) & 255}.${i & 255} DST=192.168.1.10 LEN=44 TTL=51 ID=${i} PROTO=TCP SPT=40000 DPT=${1 + (i % 1000)} WINDOW=1024 RES=0x00 SYN URGP=0`);
  return out.join('\n') + '\n';
}

describe('bzip2, xz and zstd logs read through the system command', () => {
  const f = fixtures();
  const noFile = (s: string): string => s.replaceAll(f.dir + '/', '').replace(/fw\.log(\.bz2|\.xz|\.zst)?/g, 'FILE');

  it.each(NAMES)('%s: `events` and the JSON report are the plain file\'s, `check` reads it', (name) => {
    const plainEvents = runCli(['events', f.plain]);
    const packedEvents = runCli(['events', f.packed[name]]);
    expect(packedEvents.stderr).toBe('');
    expect(packedEvents.code).toBe(0);
    expect(plainEvents.stdout.split('\n').length).toBeGreaterThan(100);
    expect(noFile(packedEvents.stdout)).toBe(noFile(plainEvents.stdout));
    const report = (path: string): unknown => {
      const r = runCli(['report', path, '-o', 'json']);
      expect(r.code).toBe(0);
      return JSON.parse(noFile(r.stdout)) as unknown;
    };
    expect(report(f.packed[name])).toEqual(report(f.plain));
    const check = runCli(['check', f.packed[name]]);
    expect(check.code).toBe(0);
    expect(noFile(check.stdout)).toBe(noFile(runCli(['check', f.plain]).stdout));
  });

  it('standard input: `cat x.bz2 | logscan events -` as `cat x | logscan events -`; a report of a packed and a plain file lists both', () => {
    const plain = runCli(['events', '-'], { input: readFileSync(f.plain) });
    for (const name of NAMES) {
      const r = runCli(['events', '-'], { input: readFileSync(f.packed[name]) });
      expect(r.code, name).toBe(0);
      expect(r.stdout, name).toBe(plain.stdout);
    }
    const both = runCli(['report', f.packed.bzip2, join(repoRoot, 'samples/ufw.log'), '-o', 'json']);
    expect(both.code).toBe(0);
    const inputs = (JSON.parse(both.stdout) as { inputs: { file: string; events: number; error: string | null }[] }).inputs;
    expect(inputs.map((i) => [i.file, i.error])).toEqual([[f.packed.bzip2, null], [join(repoRoot, 'samples/ufw.log'), null]]);
    expect(inputs[0]!.events).toBeGreaterThan(100);
  });

  it('a cut-off .xz keeps its first lines, says so and exits 3', () => {
    const whole = readFileSync(f.packed.xz);
    const cut = join(f.dir, 'cut.log.xz');
    writeFileSync(cut, whole.subarray(0, Math.floor(whole.length * 0.7)));
    const r = runCli(['events', cut]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^logscan: .*cut\.log\.xz: xz data is truncated or corrupt after line (\d+) \(xz: \(stdin\): Unexpected end of input\)\n$/);
    const kept = r.stdout.trim().split('\n');
    const all = runCli(['events', f.plain]).stdout.trim().split('\n');
    expect(kept.length).toBeGreaterThan(10);
    expect(kept.length).toBeLessThan(all.length);
    expect(noFile(kept.join('\n').replaceAll('cut.log.xz', 'FILE'))).toBe(noFile(all.slice(0, kept.length).join('\n')));
  });

  it('without the command on PATH: skipped with the command to install (en, zh), exit 3, the other inputs read', () => {
    const env = { PATH: tempDir() };
    const r = runCli(['events', f.packed.zstd, f.plain], { env });
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(`logscan: ${f.packed.zstd}: zstd-compressed data: the zstd command is not installed; install it (apt install zstd) or unpack it first: zstdcat FILE | logscan -\n`);
    expect(r.stdout.split('\n').length).toBeGreaterThan(100);
    const zh = runCli([f.packed.xz, '--lang', 'zh'], { env });
    expect(zh.code).toBe(3);
    expect(zh.stderr).toContain('xz 压缩数据：未安装 xz 命令；请先安装（apt install xz-utils），或先解压：xzcat FILE | logscan -');
  });
});

describe('the command is not left running when logscan stops early', () => {
  const dir = tempDir();
  const big = join(dir, 'big.log.zst');
  writeFileSync(big, pack('zstd', ufwLines(150_000)));

  it.each([['1'], ['2']])('Ctrl-C during `events` (--threads %s): the report of what was read, no zstd left', async (threads) => {
    const cli = startCli(['events', big, '--threads', threads]);
    await cli.waitFor(() => childrenOf(cli.pid, 'zstd').length > 0, 10_000);
    const pids = childrenOf(cli.pid, 'zstd');
    expect(pids).toHaveLength(1);
    await cli.waitFor((out) => out.length > 10_000);
    const r = await cli.stop('SIGINT');
    expect(r.code).toBe(130);
    await until(() => !alive(pids[0]!), 5000, () => `zstd ${pids[0]} to end`);
  });

  it('stdout closed early (`| head`): logscan ends, and so does zstd', async () => {
    let pids: number[] = [];
    let cliPid = 0;
    const r = await spawnCli(['events', big], (_chunk, close) => {
      if (pids.length > 0) return;
      // The CLI's pid: the parent of the zstd process that is this test's grandchild.
      const out = execFileSync('ps', ['-o', 'pid=,ppid=,comm=', '-e'], { encoding: 'utf8' });
      for (const line of out.split('\n')) {
        const [pid, ppid, comm] = line.trim().split(/\s+/);
        if (comm === 'zstd' && childrenOf(process.pid, 'node').includes(Number(ppid))) {
          pids = [Number(pid)];
          cliPid = Number(ppid);
        }
      }
      close();
    });
    expect(cliPid).toBeGreaterThan(0);
    expect(pids).toHaveLength(1);
    expect(r.stdout.length).toBeLessThan(30_000_000);
    await until(() => !alive(pids[0]!), 5000, () => `zstd ${pids[0]} to end`);
  });
});
