// `logscan follow` and compressed data, as the other commands read it: bzip2, xz and zstd
// on standard input unpacked through the system's command (gzip in-process), said when the
// command is missing or the data is cut off, the command ended when follow stops; and a
// rotated copy compressed with xz while follow was stopped (logrotate's `compresscmd xz`)
// read from where follow was, or named with the command it needs. The BUILT CLI, as a user
// runs it; the commands must be installed (as test/input/unpack.test.ts requires).
import { chmodSync, existsSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli, runCliAsync, startCli, tempDir } from '../helpers/cli.js';
import { followedEvents, followedWithState, iptablesLine, printed, seqLines, sleep } from '../helpers/follow-writer.js';
import { alive, childrenOf } from '../helpers/processes.js';
import { until } from '../helpers/wait.js';

const env = { LOGSCAN_FOLLOW_POLL_MS: '40', LOGSCAN_FOLLOW_RETIRE_MS: '400' };
const sample = readFileSync(join(repoRoot, 'samples/ufw.log'));
const big = Buffer.from(Array.from({ length: 20_000 }, (_, i) => iptablesLine(i + 1) + '\n').join(''));

/** The packers as a user's system has them, each given the data on stdin. */
const PACKERS = [
  { name: 'gzip', command: 'gzip', args: ['-c'], suffix: '.gz' },
  { name: 'bzip2', command: 'bzip2', args: ['-c'], suffix: '.bz2' },
  { name: 'xz', command: 'xz', args: ['-c'], suffix: '.xz' },
  { name: 'zstd', command: 'zstd', args: ['-c', '-q'], suffix: '.zst' },
] as const;
const COMMANDS = PACKERS.filter((p) => p.name !== 'gzip');
const PACKAGE: Record<string, string> = { bzip2: 'bzip2', xz: 'xz-utils', zstd: 'zstd' };
const CAT: Record<string, string> = { bzip2: 'bzcat', xz: 'xzcat', zstd: 'zstdcat' };

const run = promisify(execFile);

/**
 * `command args` given `data` on stdin: its stdout. Not execFileSync: the tests here run
 * concurrently, and a sync spawn (xz -6 of 4 MB) would stop every other test's clock too.
 */
function pack(command: string, args: readonly string[], data: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...args], { stdio: ['pipe', 'pipe', 'inherit'] });
    const out: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.on('error', reject);
    child.stdin.on('error', () => {}); // a command that failed to start: its 'error' says so
    child.on('close', (code) => (code === 0 ? resolve(Buffer.concat(out)) : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`))));
    child.stdin.end(data);
  });
}

/** A PATH with none of the commands (node is started by its full path). */
const bare = (): Record<string, string> => ({ ...env, PATH: tempDir() });

describe.concurrent('logscan follow - with compressed data', () => {
  const plain = runCli(['follow', '-o', 'ndjson', '-'], { input: sample, env });

  it.each(PACKERS)('$name data on standard input: the events of the plain file, nothing said, exit 0', async ({ command, args }) => {
    const packed = await runCliAsync(['follow', '-o', 'ndjson', '-'], { input: await pack(command, args, sample), env });
    expect(packed.stderr).toBe('');
    expect(packed.code).toBe(0);
    expect(followedEvents(packed.stdout).length).toBeGreaterThan(600);
    expect(packed.stdout).toBe(plain.stdout);
  });

  it.each(COMMANDS)('$name data without its command on PATH: said as the other commands say it, nothing read, exit 3', async ({ name, command, args }) => {
    const data = await pack(command, args, sample);
    const r = await runCliAsync(['follow', '-o', 'ndjson', '-'], { input: data, env: bare() });
    const want = `logscan: (stdin): ${name}-compressed data: the ${name} command is not installed; install it (apt install ${PACKAGE[name]}) or unpack it first: ${CAT[name]} FILE | logscan -\n`;
    expect(r.stderr).toBe(want);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    // The same words as `events -` (its stderr line, as the other commands print it).
    expect((await runCliAsync(['events', '-'], { input: data, env: bare() })).stderr).toContain(want.slice('logscan: (stdin): '.length, -1));
  });

  it.each(COMMANDS)('$name data cut off: every line before the cut read, as `events -` reads them, the cut said in its words (exit 3)', async ({ name, command, args }) => {
    // 20,000 records, each its own: bzip2's blocks (100 kB with -1) and zstd's end well before half of it.
    const data = await pack(command, name === 'bzip2' ? [...args, '-1'] : args, big);
    const cut = data.subarray(0, data.length >> 1);
    const [r, batch] = await Promise.all([runCliAsync(['follow', '-o', 'ndjson', '-'], { input: cut, env }), runCliAsync(['events', '-'], { input: cut })]);
    expect(r.code).toBe(3);
    const said = new RegExp(`logscan: \\(stdin\\): ${name} data is truncated or corrupt after line (\\d+) \\(${name}: .+\\)\n`);
    expect(r.stderr).toMatch(said);
    expect(batch.stderr).toContain(said.exec(r.stderr)![0].slice('logscan: (stdin): '.length, -1));
    const events = followedEvents(r.stdout);
    expect(events.length).toBeGreaterThan(100);
    expect(events.length).toBeLessThan(20_000);
    // The line the cut went through is dropped, not parsed half: the same records as `events -`.
    expect(events.map((e) => e.origin)).toEqual(followedEvents(batch.stdout).map((e) => e.origin));
    expect(r.stderr).not.toContain('malformed');
  });

  it.each(PACKERS)('$name data whose first byte comes alone (a slow pipe): held until the magic can be told, then the events of the plain file', async ({ command, args }) => {
    const data = await pack(command, args, sample);
    const cli = startCli(['follow', '-o', 'ndjson', '-'], { env, stdin: 'pipe' });
    cli.stdin!.write(data.subarray(0, 1));
    await sleep(400);
    cli.stdin!.end(data.subarray(1));
    const r = await cli.exited;
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(plain.stdout);
  });

  it.each(PACKERS)('$name data that unpacks to binary: said as a binary file is, none of it split into lines (exit 3)', async ({ command, args }) => {
    const binary = Buffer.from(Array.from({ length: 6000 }, (_, i) => (i * 7919) % 256));
    const r = await runCliAsync(['follow', '-o', 'ndjson', '-'], { input: await pack(command, args, binary), env });
    expect(r.stdout).toBe('');
    expect(r.code).toBe(3);
    const said = (await runCliAsync(['events', '-'], { input: binary })).stderr;
    expect(said).toMatch(/^logscan: \(stdin\): looks like binary data, not a text log \(\d+ control bytes in the first 4,096 bytes\); skipped\n$/);
    expect(r.stderr).toBe(said);
  });

  it.each(['SIGINT', 'SIGTERM'] as const)('the command unpacking stdin is ended when follow stops (%s): no orphan', async (signal) => {
    // An `xz` that unpacks with the real one and then lingers in the same process: ended only
    // by a signal. The pipe closing at follow's exit would end the real xz by itself.
    const bin = tempDir();
    const fake = join(bin, 'xz');
    const real = (await run('sh', ['-c', 'command -v xz'])).stdout.trim();
    writeFileSync(fake, `#!/bin/sh\n${real} "$@"\nexec sleep 60\n`);
    chmodSync(fake, 0o755);
    const data = await pack('xz', ['-c'], sample);
    const cli = startCli(['follow', '-o', 'ndjson', '-'], { env: { ...env, PATH: `${bin}:${process.env.PATH ?? ''}` }, stdin: 'pipe' });
    // The first block only, and stdin left open: a live stream, the command still unpacking.
    cli.stdin!.write(data.subarray(0, data.length >> 1));
    let pid = 0;
    // Start-up, the binary check and the spawn: 20 s, as untilReading gives a start-up (5 s ran out with both cores busy).
    await until(() => (pid = childrenOf(cli.pid, 'xz')[0] ?? 0) > 0, 20_000, () => `follow (pid ${cli.pid}) to start xz`);
    expect(alive(pid)).toBe(true);
    const r = await cli.stop(signal);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/internal error/);
    await until(() => !alive(pid), 3000).catch(() => {});
    expect(alive(pid)).toBe(false);
  });
});

describe.concurrent('logscan follow FILE of compressed data', () => {
  it('a followed .gz, .bz2, .xz or .zst is a rotated log, which does not grow: each said as not followed, with what reads it (exit 3)', async () => {
    const dir = tempDir();
    const files = await Promise.all(
      PACKERS.map(async ({ name, command, args, suffix }) => {
        const file = join(dir, `ufw.log.1${suffix}`);
        writeFileSync(file, await pack(command, args, sample));
        return { name, file };
      }),
    );
    const cli = startCli(['follow', '-o', 'ndjson', ...files.map((f) => f.file)], { env });
    await cli.waitFor((_o, e) => e.split('\n').length > files.length, 5000).catch(() => {});
    const r = await cli.stop();
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    for (const { name, file } of files) expect(r.stderr).toContain(`logscan: ${file}: ${name}-compressed data (a rotated log?), not a growing text log; not followed (read it with: logscan FILE)\n`);
  });
});

describe.concurrent('logscan follow: a rotation compressed with xz', () => {
  /** logrotate `compress` with `compresscmd xz`, `compressext .xz`: kern.log.N becomes kern.log.N.xz. */
  const xz = async (file: string): Promise<void> => {
    await run('xz', [file]);
    expect(existsSync(file)).toBe(false);
  };

  it.each([
    { how: 'rename + create', rotate: (w: { renameCreate(): void }) => w.renameCreate(), says: (path: string) => `rotated while logscan was stopped; finishing ${path}.1.xz first` },
    { how: 'copytruncate', rotate: (w: { copyTruncate(): void }) => w.copyTruncate(), says: () => 'new since logscan stopped' },
  ])('--state: stop, append, $how, xz: the lines written while stopped are read from kern.log.1.xz, each once', async ({ rotate, says }) => {
    const { path, w, firstRun, restart } = followedWithState(env);
    const all = await firstRun(10);
    for (let i = 0; i < 5; i++) w.write();
    rotate(w as never);
    await xz(`${path}.1`);
    for (let i = 0; i < 3; i++) w.write();
    const r = await restart(8, 200);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/may be missing|not read/);
    expect(r.stderr).toContain(says(path));
    all.push(...followedEvents(r.stdout));
    expect(seqLines(all)).toEqual(w.seqLines);
  });

  it('--state: two rotations while stopped, both compressed with xz: the saved file finished from .2.xz, then .1.xz, then the new file', async () => {
    const { path, w, firstRun, restart } = followedWithState(env);
    const all = await firstRun(10);
    for (let i = 0; i < 5; i++) w.write();
    w.renameCreate();
    await xz(`${path}.1`);
    for (let i = 0; i < 4; i++) w.write();
    renameSync(`${path}.1.xz`, `${path}.2.xz`);
    w.renameCreate(`${path}.1`);
    await xz(`${path}.1`);
    for (let i = 0; i < 3; i++) w.write();
    const r = await restart(12, 200);
    expect(r.stderr).toContain(`finishing ${path}.2.xz first`);
    expect(r.stderr).toContain('rotated twice while logscan was stopped; reading kern.log.1.xz before kern.log');
    all.push(...followedEvents(r.stdout));
    expect(seqLines(all)).toEqual(w.seqLines);
  });

  it('--state without the xz command: the lines not read are named, with the file and the command, never silently', async () => {
    const noXz = bare();
    const { path, w, firstRun, restart } = followedWithState(noXz);
    const all = await firstRun(10);
    for (let i = 0; i < 5; i++) w.write();
    w.renameCreate();
    await xz(`${path}.1`);
    for (let i = 0; i < 3; i++) w.write();
    const r = await restart(3, 200);
    expect(r.stderr).toContain(
      `logscan: ${path}: the lines after line 10 not read yet may be in ${path}.1.xz, which is not read: xz-compressed data: the xz command is not installed; install it (apt install xz-utils) or unpack it first: xzcat FILE | logscan -\n`,
    );
    expect(r.stderr).not.toContain('no longer here or next to it');
    // Those lines are lost although the new file reads: the stop says so as `logscan FILE` would.
    expect(r.code).toBe(3);
    all.push(...followedEvents(r.stdout));
    // Lines 11-15 are the ones named; the new file is read from its start.
    expect(all.map((e) => e.src.port - 10000)).toEqual([...Array.from({ length: 10 }, (_, i) => i + 1), 16, 17, 18]);
  });

  it('copytruncate + xz while following: the unread rest is taken from kern.log.1.xz', async () => {
    // As rotate-compress.test.ts's gzip case: a slow poll without fs.watch, so the lines
    // written just before the rotation are still unread when the truncation is seen.
    const slow = { LOGSCAN_FOLLOW_POLL_MS: '2500', LOGSCAN_FOLLOW_RETIRE_MS: '400', LOGSCAN_FOLLOW_NO_WATCH: '1' };
    const { path, w, start } = followedWithState(slow);
    const cli = start();
    for (let i = 0; i < 10; i++) w.write();
    await cli.waitFor(printed(10));
    for (let i = 0; i < 10; i++) w.write();
    w.copyTruncate();
    await xz(`${path}.1`);
    for (let i = 0; i < 5; i++) w.write();
    // 20 s, not 8: start-up alone took over 5 s with both cores busy, and the 2.5 s polls come after it (lines still missing would fail the comparison below).
    await cli.waitFor(printed(25), 20_000).catch(() => {});
    await sleep(100);
    const r = await cli.stop();
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`finished the rest from ${path}.1.xz`);
    expect(seqLines(followedEvents(r.stdout))).toEqual(w.seqLines);
  });
});

describe.concurrent('logscan follow: a compressed rotation that is cut off', () => {
  it.each(PACKERS)('--state, $name: the lines before the cut read, the cut line dropped, the rest said as not read (which copy, after which line, the unpacker\'s words), never as retried', async ({ name, command, args, suffix }) => {
    const { path, w, start, firstRun } = followedWithState(env);
    const all = await firstRun(10);
    // Written while stopped, then rotated, compressed and cut in half: only part of it is in the copy.
    w.writeMany(4000);
    w.renameCreate();
    const copy = `${path}.1${suffix}`;
    const packed = await pack(command, name === 'bzip2' ? [...args, '-1'] : args, readFileSync(`${path}.1`));
    writeFileSync(copy, packed.subarray(0, packed.length >> 1));
    unlinkSync(`${path}.1`);
    for (let i = 0; i < 3; i++) w.write();
    // What `logscan events` says of the same cut copy, from its first line: the line is the copy's own.
    const batch = await runCliAsync(['events', copy]);
    const cutAt = /after line (\d+) \(/.exec(batch.stderr);
    expect(cutAt, batch.stderr).not.toBeNull();
    const last = Number(cutAt![1]);
    expect(last).toBeGreaterThan(100);
    expect(last).toBeLessThan(4010);
    const cli = start();
    await cli.waitFor((out, err) => printed(last - 10 + 3)(out) && err.includes('not read'), 20_000).catch(() => {});
    await sleep(300);
    const r = await cli.stop();
    const said = batch.stderr.slice(`logscan: ${copy}: `.length).split('\n')[0];
    expect(said).toMatch(new RegExp(`^${name} data is truncated or corrupt after line ${last} \\(.+\\)$`));
    // Said as the break is met: before the new file is read.
    const broke = r.stderr.indexOf(`logscan: ${path}: ${copy}: ${said}; the rest of it is not read\n`);
    expect(broke, r.stderr).toBeGreaterThanOrEqual(0);
    expect(broke).toBeLessThan(r.stderr.indexOf('new since logscan stopped'));
    expect(r.stderr).not.toMatch(/will keep trying|malformed/);
    // The rest of the copy is lost, though the new file was read after it: exit 3 (it was 0).
    expect(r.code).toBe(3);
    all.push(...followedEvents(r.stdout));
    // Every line up to the cut, each once, then the new file's.
    const kept = w.seqLines.filter(([seq]) => seq <= last || seq > 4010);
    expect(seqLines(all)).toEqual(kept);
  });

  it('--state, a rotation gzipped as two members (cat a.gz b.gz, pigz): every line of both read, each once, nothing said', async () => {
    const { path, w, firstRun, restart } = followedWithState(env);
    const all = await firstRun(10);
    for (let i = 0; i < 30; i++) w.write();
    w.renameCreate();
    const text = readFileSync(`${path}.1`);
    const half = text.indexOf('\n', text.length >> 1) + 1;
    writeFileSync(`${path}.1.gz`, Buffer.concat([await pack('gzip', ['-c'], text.subarray(0, half)), await pack('gzip', ['-c'], text.subarray(half))]));
    unlinkSync(`${path}.1`);
    for (let i = 0; i < 3; i++) w.write();
    const r = await restart(33, 200);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`finishing ${path}.1.gz first`);
    expect(r.stderr).not.toMatch(/not read|trailing|garbage/);
    all.push(...followedEvents(r.stdout));
    expect(seqLines(all)).toEqual(w.seqLines);
  });

  it('copytruncate + xz while following, the copy cut: what it holds is read, the rest said as not read', async () => {
    const slow = { LOGSCAN_FOLLOW_POLL_MS: '2500', LOGSCAN_FOLLOW_RETIRE_MS: '400', LOGSCAN_FOLLOW_NO_WATCH: '1' };
    const { path, w, start } = followedWithState(slow);
    const cli = start();
    for (let i = 0; i < 10; i++) w.write();
    await cli.waitFor(printed(10));
    w.writeMany(4000);
    // The cut .xz is in place before the truncation (copied elsewhere): no poll can find a whole plain copy.
    const packed = await pack('xz', ['-c', '-0'], readFileSync(path));
    writeFileSync(`${path}.1.xz`, packed.subarray(0, packed.length >> 1));
    w.copyTruncate(join(tempDir(), 'kern.log.1'));
    for (let i = 0; i < 5; i++) w.write();
    const batch = await runCliAsync(['events', `${path}.1.xz`]);
    const last = Number(/after line (\d+) \(/.exec(batch.stderr)![1]);
    expect(last).toBeGreaterThan(100);
    await cli.waitFor((out, err) => printed(last + 5)(out) && err.includes('not read'), 20_000).catch(() => {});
    await sleep(100);
    const r = await cli.stop();
    const said = batch.stderr.slice(`logscan: ${path}.1.xz: `.length).split('\n')[0];
    // Where the rest was taken from, then where that broke off.
    const copied = r.stderr.indexOf(`logscan: ${path}: truncated (copytruncate); finished the rest from ${path}.1.xz, reading the file from its start\n`);
    const broke = r.stderr.indexOf(`logscan: ${path}: ${path}.1.xz: ${said}; the rest of it is not read\n`);
    expect(copied, r.stderr).toBeGreaterThanOrEqual(0);
    expect(broke, r.stderr).toBeGreaterThan(copied);
    expect(r.stderr).not.toMatch(/will keep trying|malformed/);
    expect(r.code).toBe(3);
    expect(seqLines(followedEvents(r.stdout))).toEqual(w.seqLines.filter(([seq]) => seq <= last || seq > 4010));
  });
});
