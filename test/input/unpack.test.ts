// bzip2, xz and zstd data read through the system's command, in-process: the same
// events as the plain file (by name and on stdin), a cut or corrupt stream keeps the
// lines before the break and says so, a command missing from PATH is named, and the
// child never outlives the reading. The commands must be installed: a missing one
// fails these tests (execFileSync throws), it does not skip them.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { FirewallEvent } from '../../src/event.js';
import { ChildUnpack } from '../../src/input/child-unpack.js';
import { textSize } from '../../src/input/open.js';
import { readInputs, type InputStats, type ReadOptions } from '../../src/input/read.js';
import { onPath, UNPACKERS, unpackerNamed, type UnpackerName } from '../../src/input/unpackers.js';
import { repoRoot, tempDir } from '../helpers/cli.js';
import { alive, childrenOf } from '../helpers/processes.js';
import { until } from '../helpers/wait.js';

const SAMPLE = join(repoRoot, 'samples/iptables.log');
const NAMES: readonly UnpackerName[] = ['bzip2', 'xz', 'zstd'];

function pack(name: UnpackerName, bytes: Buffer | string, level: string[] = []): Buffer {
  return execFileSync(name, ['-c', '-q', ...level], { input: bytes, maxBuffer: 1 << 28 });
}

/** Events without the file name (it differs by design), and the stats that must match. */
async function read(paths: string[], extra: Partial<ReadOptions> = {}): Promise<{ events: unknown[]; stats: InputStats[] }> {
  const events: unknown[] = [];
  const stats = await readInputs(paths, {
    inputFormat: null,
    year: 2026,
    tz: 'UTC',
    onEvent: (e: FirewallEvent) => events.push({ ...e, origin: { line: e.origin.line } }),
    ...extra,
  });
  return { events, stats };
}

/** Distinct numbered lines a parser reads as records: "line N" in each, to tell which were kept. */
function ufwLines(n: number): string {
  const out: string[] = [];
  for (let i = 1; i <= n; i++) {
    out.push(`Nov 20 06:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} gw kernel: [UFW BLOCK] IN=eth0 OUT= SRC=203.0.${(i >> 8) & 255}.${i & 255} DST=192.168.1.10 LEN=44 TTL=51 ID=${i} PROTO=TCP SPT=40000 DPT=${1 + (i % 1000)} WINDOW=1024 RES=0x00 SYN URGP=0`);
  }
  return out.join('\n') + '\n';
}

describe('bzip2, xz and zstd data is unpacked by its command', () => {
  it('the commands are installed (CI runs here: without them the tests below must fail, not skip)', () => {
    for (const u of UNPACKERS) expect(onPath(u.command), u.command).toBe(true);
  });

  it.each(NAMES)('%s: the same events and counts as the plain file, by name and on standard input', async (name) => {
    const dir = tempDir();
    const packed = join(dir, `iptables.log${unpackerNamed(name).suffix}`);
    writeFileSync(packed, pack(name, readFileSync(SAMPLE)));
    const plain = await read([SAMPLE]);
    expect(plain.events.length).toBeGreaterThan(100);
    const byName = await read([packed]);
    expect(byName.events).toEqual(plain.events);
    const { file: _a, modified: _m1, ...want } = plain.stats[0]!;
    const { file, modified: _m2, ...got } = byName.stats[0]!;
    expect(file).toBe(packed);
    expect(got).toEqual(want);
    const stdin = await read(['-'], { stdin: Readable.from([readFileSync(packed)]) });
    expect(stdin.events).toEqual(plain.events);
    expect(stdin.stats[0]).toMatchObject({ file: '(stdin)', error: null, incomplete: false, lines: plain.stats[0]!.lines });
  });

  it.each(NAMES)('%s cut off: the lines before the break are kept, in order, the last cut-off one dropped, and the input is incomplete', async (name) => {
    const text = ufwLines(60_000);
    // Small blocks (bzip2 -1: 100 kB; zstd/xz flush as they go), so a cut leaves whole blocks before it.
    const whole = pack(name, text, name === 'zstd' ? [] : ['-1']);
    const { events: all } = await read(['-'], { stdin: Readable.from([whole]) });
    expect(all.length).toBe(60_000);
    const cut = whole.subarray(0, Math.floor(whole.length * 0.6));
    const { events, stats } = await read(['-'], { stdin: Readable.from([cut.subarray(0, 5000), cut.subarray(5000)]) });
    const [s] = stats;
    expect(s!.incomplete).toBe(true);
    expect(s!.problem).toMatchObject({ code: 'unpack-cut', name, line: s!.lines });
    expect(s!.error).toMatch(new RegExp(`^${name} data is truncated or corrupt after line ${s!.lines} \\(${name}: `));
    expect(events.length).toBeGreaterThan(1000);
    expect(events.length).toBeLessThan(60_000);
    expect(events).toEqual(all.slice(0, events.length));
  });

  it('bzip2 cut inside its first block: nothing can be read, and the message says why (whole blocks of up to 900 kB of text)', async () => {
    // 60,000 lines are ~13 MB of text in the default 900 kB blocks, the first of them packed to some 30 kB: cut at 10 kB.
    const whole = pack('bzip2', ufwLines(60_000));
    const { events, stats } = await read(['-'], { stdin: Readable.from([whole.subarray(0, 10_000)]) });
    expect(events).toEqual([]);
    expect(stats[0]).toMatchObject({ incomplete: true, lines: 0, problem: { code: 'unpack-cut', name: 'bzip2', line: 0 } });
    expect(stats[0]!.error).toBe(
      'bzip2 data is truncated or corrupt before its first line (bzip2: Compressed file ends unexpectedly): no line could be read: bzip2 unpacks whole blocks (up to 900 kB of text each) and the break is in the first one',
    );
  });

  it.each(['gzip', ...NAMES] as const)('%s on a slow pipe that brings its first bytes one at a time: held until the magic is told, the same events as the plain file', async (name) => {
    const text = readFileSync(SAMPLE);
    const packed = name === 'gzip' ? gzipSync(text) : pack(name, text);
    const plain = await read([SAMPLE]);
    const bytes = [...packed.subarray(0, 6)].map((b) => Buffer.from([b]));
    const { events, stats } = await read(['-'], { stdin: Readable.from([...bytes, packed.subarray(6)]) });
    expect(stats[0]).toMatchObject({ error: null, incomplete: false, lines: plain.stats[0]!.lines });
    expect(events).toEqual(plain.events);
  });

  it("an input that ends inside gzip's magic (one byte, 1f, which no text begins with) is gzip data cut before its first line, as one that ends after it (1f 8b)", async () => {
    const one = await read(['-'], { stdin: Readable.from([Buffer.from([0x1f])]) });
    const two = await read(['-'], { stdin: Readable.from([Buffer.from([0x1f, 0x8b])]) });
    expect(one.stats[0]).toMatchObject({ incomplete: true, lines: 0, problem: { code: 'gzip-cut', line: 0 } });
    expect(one.stats[0]!.error).toBe('gzip data is truncated or corrupt before its first line (unexpected end of file)');
    expect(one.stats[0]!.error).toBe(two.stats[0]!.error);
  });

  it("an input that ends inside another magic (zstd's first byte, `(`) is judged at its end, as the bytes it has: a line of text", async () => {
    const { stats } = await read(['-'], { stdin: Readable.from([Buffer.from([0x28])]) });
    expect(stats[0]).toMatchObject({ incomplete: false, error: null, lines: 1 });
  });

  it('corrupt data in the middle (a flipped block of a bzip2 file): the blocks before are read, the command\'s words say why', async () => {
    const whole = pack('bzip2', ufwLines(60_000), ['-1']);
    const bad = Buffer.from(whole);
    for (let i = Math.floor(bad.length / 2); i < Math.floor(bad.length / 2) + 64; i++) bad[i] = bad[i]! ^ 0xff;
    const { events, stats } = await read(['-'], { stdin: Readable.from([bad]) });
    expect(stats[0]).toMatchObject({ incomplete: true, problem: { code: 'unpack-cut', name: 'bzip2' } });
    expect(stats[0]!.error).toMatch(/^bzip2 data is truncated or corrupt after line \d+ \(bzip2: Data integrity error when decompressing\.\)$/);
    expect(events.length).toBeGreaterThan(1000);
    expect(events.length).toBeLessThan(60_000);
  });

  it.each(NAMES)('%s without its command on PATH: skipped, saying which command and package, and the next input is read', async (name) => {
    const dir = tempDir();
    const packed = join(dir, `iptables.log${unpackerNamed(name).suffix}`);
    writeFileSync(packed, pack(name, readFileSync(SAMPLE)));
    const saved = process.env.PATH;
    process.env.PATH = tempDir();
    let stats: InputStats[];
    try {
      ({ stats } = await read([packed, SAMPLE]));
    } finally {
      process.env.PATH = saved;
    }
    const u = unpackerNamed(name);
    expect(stats[0]).toMatchObject({ incomplete: true, lines: 0, events: 0, format: null, problem: { code: 'unpacker-missing', name, command: u.command, package: u.package, cat: u.cat } });
    expect(stats[0]!.error).toBe(`${name}-compressed data: the ${u.command} command is not installed; install it (apt install ${u.package}) or unpack it first: ${u.cat} FILE | logscan -`);
    expect(stats[1]).toMatchObject({ incomplete: false, error: null });
    expect(stats[1]!.events).toBeGreaterThan(100);
  });

  it('threads auto: a packed file counts as an estimate of its text, its size times the ratio', () => {
    const dir = tempDir();
    for (const name of NAMES) {
      const path = join(dir, `a${unpackerNamed(name).suffix}`);
      const bytes = pack(name, ufwLines(20_000));
      writeFileSync(path, bytes);
      expect(textSize(path), name).toBe(bytes.length * unpackerNamed(name).ratio);
    }
  });
});

describe('the command never outlives the reading', () => {
  it('destroying the stream mid-way (an error, Ctrl-C) kills the command, which is reaped', async () => {
    // ~5 MB of text: far more than the pipes between here and the command hold.
    const big = pack('xz', ufwLines(30_000), ['-0']);
    const u = new ChildUnpack(unpackerNamed('xz'));
    const pid = u.pid!;
    expect(alive(pid)).toBe(true);
    // Fed more than the pipes hold and read once: the command is blocked on its full stdout.
    u.write(big);
    const first = await new Promise<Buffer>((resolve) => u.once('data', resolve));
    expect(first.length).toBeGreaterThan(0);
    u.pause();
    expect(childrenOf(process.pid, 'xz')).toContain(pid);
    u.destroy();
    await until(() => !alive(pid) && !childrenOf(process.pid, 'xz').includes(pid), 5000);
    expect(alive(pid)).toBe(false);
  });

  it('readInputs stopped by its signal after the first events: no command left running', async () => {
    const dir = tempDir();
    const path = join(dir, 'big.log.zst');
    writeFileSync(path, pack('zstd', ufwLines(100_000)));
    const stop = new AbortController();
    let seen = 0;
    let during: number[] = [];
    const stats = await readInputs([path], {
      inputFormat: null,
      year: 2026,
      tz: 'UTC',
      signal: stop.signal,
      onEvent: () => {
        if (++seen === 1000) {
          during = childrenOf(process.pid, 'zstd');
          stop.abort();
        }
      },
    });
    expect(stats[0]!.interrupted).toBe(true);
    expect(stats[0]!.events).toBeLessThan(100_000);
    expect(during).toHaveLength(1);
    await until(() => !alive(during[0]!), 5000);
    expect(childrenOf(process.pid, 'zstd')).toEqual([]);
  });
});
