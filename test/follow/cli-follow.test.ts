// `logscan follow` end to end: the BUILT CLI on real files while a writer appends
// and rotates them. Short poll and retire intervals via env so the suite stays fast.
import { appendFileSync, chmodSync, existsSync, mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { cliPath, ndjson, repoRoot, runCliAsync, startCli, tempDir, untilReading } from '../helpers/cli.js';
import { type FollowedEvent, followedEvents, followedWithState, iptablesLine, LogWriter, printed, seqLines, seqs, sleep } from '../helpers/follow-writer.js';
import { until } from '../helpers/wait.js';

const env = { LOGSCAN_FOLLOW_POLL_MS: '40', LOGSCAN_FOLLOW_RETIRE_MS: '400' };
/**
 * A stop into a stdout nobody reads: the 2 s grace (STOP_GRACE_MS in src/live/run.ts) and
 * the exit. Idle it takes ~2.5 s; with both cores busy (a CI run beside other jobs) it took
 * up to 6.8 s. A run that waited for the reader would not stop at all: the test's own
 * 10 s kill catches that, this bound a grace gone much longer.
 */
const STOP_BOUND_MS = 9000;

const range = (from: number, to: number): number[] => Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);

/** `follow` with a stdout nobody reads (a consumer that hangs); what it took is read after the exit. */
function unread(args: string[]) {
  const child = spawn(process.execPath, [cliPath, ...args], { cwd: repoRoot, env: { ...process.env, ...env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pause();
  // Listening from the start, paused: on the child's exit Node resumes a stdout nobody listens to, and what it held is gone.
  let stdout = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const stderrDone = new Promise((resolve) => child.stderr.on('close', resolve));
  const stdoutDone = new Promise((resolve) => child.stdout.on('end', resolve));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    pid: child.pid!,
    /** Its output reached the pipe, which nobody empties. */
    async printing(): Promise<void> {
      while (child.stdout.readableLength === 0) await sleep(20);
    },
    /** SIGTERM: the exit code ('hung' when there was none within limitMs), how long it took, stderr, and everything stdout took. */
    async term(limitMs: number): Promise<{ code: number | null | 'hung'; ms: number; stderr: string; stdout: string }> {
      const asked = Date.now();
      child.kill('SIGTERM');
      const code = await Promise.race([exit, sleep(limitMs).then(() => 'hung' as const)]);
      const ms = Date.now() - asked;
      if (code === 'hung') child.kill('SIGKILL');
      child.stdout.resume();
      await stdoutDone;
      await stderrDone;
      return { code, ms, stderr, stdout };
    },
  };
}

describe.concurrent('logscan follow', () => {
  it('-o ndjson: every record exactly once, in order, with its origin line, through all kinds of rotation', async () => {
    const dir = tempDir();
    const path = join(dir, 'kern.log');
    writeFileSync(path, '');
    const w = new LogWriter(path);
    const cli = startCli(['follow', '-o', 'ndjson', '--from-start', path], { env });
    // Rotating before the process runs would hide rotated lines from it: wait until it reads.
    w.write();
    await cli.waitFor(printed(1));
    /**
     * Between two steps: fifty more lines written, and every line up to them printed (so
     * the follower has found the file the last step left).
     */
    const settle = async (): Promise<void> => {
      const mark = w.written.length + 50;
      await until(() => w.written.length >= mark);
      await cli.waitFor(printed(mark));
    };
    w.start(4); // ~250 lines/s
    await settle();
    w.renameCreate();
    await settle();
    w.copyTruncate();
    await settle();
    await w.deleteRecreate(250);
    await settle();
    await w.halfLine(200);
    await settle();
    w.stop();
    // On failure, let the comparison below show what is missing rather than time out.
    await cli.waitFor(printed(w.written.length), 5000).catch(() => {});
    await sleep(100);
    const r = await cli.stop();
    expect(r.code).toBe(0);
    const ev = followedEvents(r.stdout);
    if (process.env.DEBUG_FOLLOW && seqs(ev).join() !== w.written.map((x) => x.seq).join()) {
      const got = new Set(seqs(ev));
      console.log('MISSING', w.written.filter((x) => !got.has(x.seq)).map((x) => `${x.seq}@${x.line}`).join(' '), 'GOT', ev.length, 'WROTE', w.written.length, '\nSTDERR', r.stderr);
    }
    expect(w.written.length).toBeGreaterThan(200);
    expect(seqs(ev)).toEqual(w.written.map((x) => x.seq));
    expect(ev.map((e) => e.origin.line)).toEqual(w.written.map((x) => x.line));
    expect(new Set(ev.map((e) => e.origin.file))).toEqual(new Set([path]));
    expect(r.stderr).toMatch(/rotated/);
    expect(r.stderr).toMatch(/truncated/);
  });

  it('--state: stop, append + rotate, restart: nothing lost, nothing repeated', async () => {
    const { state, w, start } = followedWithState(env);
    const all: FollowedEvent[] = [];

    let cli = start();
    for (let i = 0; i < 10; i++) w.write();
    const finishHalf = w.beginHalf();
    await cli.waitFor(printed(10));
    await sleep(150);
    all.push(...followedEvents((await cli.stop()).stdout));
    const saved = JSON.parse(readFileSync(state, 'utf8')) as { files: { offset: number; line: number; firstLineHash: string }[] };
    expect(saved.files).toHaveLength(1);
    expect(saved.files[0]).toMatchObject({ line: 10 });

    finishHalf();
    for (let i = 0; i < 5; i++) w.write();
    w.renameCreate();
    for (let i = 0; i < 4; i++) w.write();
    cli = start();
    await cli.waitFor(printed(10));
    for (let i = 0; i < 3; i++) w.write();
    await cli.waitFor(printed(13));
    await sleep(150);
    const r2 = await cli.stop();
    expect(r2.stderr).toMatch(/rotated while logscan was stopped/);
    all.push(...followedEvents(r2.stdout));

    expect(seqLines(all)).toEqual(w.seqLines);
  });

  it('Ctrl-C prints the final summary and exits 0', async () => {
    const dir = tempDir();
    const path = join(dir, 'ufw.log');
    writeFileSync(path, '');
    const cli = startCli(['follow', '--from-start', path], { env });
    writeFileSync(path, [1, 2, 3].map(iptablesLine).join('\n') + '\n');
    await cli.waitFor((out) => out.includes('203.0.113.7'));
    const r = await cli.stop('SIGINT');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/→ 6776\/tcp/);
    expect(r.stdout).toMatch(/followed for/);
    expect(r.stdout).toMatch(/3 events/);
    expect(r.stdout).not.toMatch(/\u001b\[/);
  });

  it('a file that never appears is said so at the stop, in the order given (not "0 inputs" of a run given one), in both languages', async () => {
    const dir = tempDir();
    const missing = join(dir, 'never.log');
    const there = join(dir, 'ufw.log');
    writeFileSync(there, '');
    for (const [lang, said, unread] of [
      ['en', 'never appeared while it was followed', 'incomplete: 1 of 2 inputs not read: '],
      ['zh', '跟踪期间始终没有出现', '不完整：2 个输入中有 1 个未能读取：'],
    ] as const) {
      const cli = startCli(['follow', '--lang', lang, missing, there], { env: { ...env, COLUMNS: '200' } });
      await cli.waitFor((_, err) => err.includes(missing), 20_000);
      await untilReading(cli.pid, there);
      const r = await cli.stop('SIGINT');
      const rows = r.stdout.split('\n').filter((l) => l.startsWith('│ /'));
      expect(r.stdout).not.toMatch(/logscan · (0|1) (inputs|个输入)/);
      expect(rows.map((l) => l.split('│')[1]!.trim())).toEqual([missing, there]);
      expect(rows[0]).toContain(said);
      expect(r.stdout).toContain(unread + missing);
    }
  });

  it('a year-less stamp gets the year of the clock when its line is read, not of a stale mtime (a log quiet for days)', async () => {
    const dir = tempDir();
    const path = join(dir, 'ufw.log');
    const stamp = (d: Date): string => `${d.toLocaleString('en-US', { month: 'short', timeZone: 'UTC' })} ${String(d.getUTCDate()).padStart(2, ' ')} ${d.toISOString().slice(11, 19)}`;
    const line = (d: Date): string => `${stamp(d)} gw kernel: [UFW BLOCK] IN=eth0 OUT= MAC=00 SRC=198.51.100.9 DST=192.168.1.20 LEN=60 TTL=50 ID=1 PROTO=TCP SPT=40000 DPT=23 WINDOW=1024 SYN URGP=0`;
    // Last written four days ago; a line stamped now is appended while following.
    const old = new Date(Date.now() - 4 * 86_400_000);
    writeFileSync(path, line(old) + '\n');
    utimesSync(path, old, old);
    const cli = startCli(['follow', '-o', 'ndjson', '--from-start', '--tz', 'UTC', path], { env });
    await cli.waitFor(printed(1));
    const now = new Date();
    appendFileSync(path, line(now) + '\n');
    await cli.waitFor(printed(2));
    const r = await cli.stop('SIGTERM');
    const times = (ndjson(r.stdout) as unknown as { time: string }[]).map((e) => e.time);
    expect(times).toEqual([old, now].map((d) => `${d.toISOString().slice(0, 19)}.000Z`));
  });

  it('"followed for" counts from when the catch-up ended, not from start-up: a --from-start read held back by an unread stdout is not counted', async () => {
    const path = join(tempDir(), 'ufw.log');
    // A source per line: every line is printed, none folded, so the catch-up fills the stdout pipe.
    const src = (i: number): string => `198.51.${i >> 8}.${i & 255}`;
    writeFileSync(path, Array.from({ length: 6000 }, (_, i) => iptablesLine(i).replace('SRC=203.0.113.7', `SRC=${src(i)}`)).join('\n') + '\n');
    const child = spawn(process.execPath, [cliPath, 'follow', '--from-start', path], { env: { ...process.env, ...env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
    child.stdout.pause();
    // Held back for 4 s: the catch-up cannot end before stdout is read.
    await sleep(4000);
    let stdout = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    const resumed = Date.now();
    child.stdout.resume();
    const last = `${src(5999)} `;
    await until(() => stdout.includes(last), 10_000, () => 'the last line of the catch-up');
    child.kill('SIGINT');
    await exited;
    const sinceResumed = Date.now() - resumed;
    // The catch-up ended after the resume, so the run followed for at most the time since
    // then, however long this machine took; from start-up (process.uptime()) it would be
    // that and the 4 s of holding back.
    const said = /^── followed for (<1|\d+) s$/.exec(stdout.split('\n').find((l) => l.startsWith('── followed for')) ?? '');
    expect(said).not.toBeNull();
    expect(said![1] === '<1' ? 0 : Number(said![1])).toBeLessThanOrEqual(Math.ceil(sinceResumed / 1000));
  });

  it('--ecs (NDJSON without -o) streams the documents `events --ecs` writes for the same lines, for a shipper to read', async () => {
    const path = join(tempDir(), 'pfirewall.log');
    writeFileSync(path, readFileSync(join(repoRoot, 'samples/pfirewall.log')));
    const expected = await runCliAsync(['events', '--ecs', '--tz', 'UTC', path]);
    expect(expected.code).toBe(0);
    const n = ndjson(expected.stdout).length;
    const cli = startCli(['follow', '--ecs', '--from-start', '--tz', 'UTC', path], { env });
    await cli.waitFor(printed(n));
    const r = await cli.stop('SIGTERM');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(expected.stdout);
  });

  it('--ecs gives log.file.path as the full path of a file named relatively, as `events --ecs` does', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'pfirewall.log'), readFileSync(join(repoRoot, 'samples/pfirewall.log')));
    const expected = await runCliAsync(['events', '--ecs', '--tz', 'UTC', 'pfirewall.log'], { cwd: dir });
    const n = ndjson(expected.stdout).length;
    const cli = startCli(['follow', '--ecs', '--from-start', '--tz', 'UTC', 'pfirewall.log'], { env, cwd: dir });
    await cli.waitFor(printed(n));
    const r = await cli.stop('SIGTERM');
    expect(new Set(ndjson(r.stdout).map((d) => (d.log as { file: { path: string } }).file.path))).toEqual(new Set([join(dir, 'pfirewall.log')]));
    expect(r.stdout).toBe(expected.stdout);
  });

  it('--ecs with -o text (or table) is a usage error: ECS documents are NDJSON', async () => {
    for (const format of ['text', 'table']) {
      const r = await runCliAsync(['follow', '-o', format, '--ecs', join(repoRoot, 'samples/ufw.log')]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`--ecs applies to -o ndjson, not -o ${format}`);
      expect(r.stdout).toBe('');
    }
  });

  it('SIGTERM with -o ndjson prints nothing extra and exits 0', async () => {
    const dir = tempDir();
    const path = join(dir, 'ufw.log');
    writeFileSync(path, iptablesLine(1) + '\n');
    const cli = startCli(['follow', '-o', 'ndjson', '--from-start', path], { env });
    await cli.waitFor(printed(1));
    const r = await cli.stop('SIGTERM');
    expect(r.code).toBe(0);
    expect(followedEvents(r.stdout)).toHaveLength(1);
  });

  it('SIGHUP (the terminal closed, a reload) stops as SIGTERM does: the summary, --state saved, exit 0; a restart repeats nothing', async () => {
    const dir = tempDir();
    const path = join(dir, 'ufw.log');
    const state = join(dir, 'follow.json');
    writeFileSync(path, '');
    const args = ['follow', '--state', state, path];
    let cli = startCli(args, { env });
    await untilReading(cli.pid, path);
    appendFileSync(path, [1, 2, 3].map(iptablesLine).join('\n') + '\n');
    await cli.waitFor((out) => out.split('→ 6776/tcp').length - 1 >= 3);
    const r = await cli.stop('SIGHUP');
    expect(r.signal ?? null).toBe(null);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/followed for/);
    const saved = JSON.parse(readFileSync(state, 'utf8')) as { files: { line: number }[] };
    expect(saved.files.map((f) => f.line)).toEqual([3]);
    appendFileSync(path, iptablesLine(4) + '\n');
    cli = startCli(['follow', '-o', 'ndjson', '--state', state, path], { env });
    await cli.waitFor(printed(1));
    await sleep(150);
    expect(seqs(followedEvents((await cli.stop()).stdout))).toEqual([4]);
  });

  it('SIGTERM while nobody reads stdout still stops the run: a short grace, a word on stderr, exit 0 (systemctl stop must not hang)', async () => {
    const dir = tempDir();
    const path = join(dir, 'ufw.log');
    writeFileSync(path, '');
    const child = spawn(process.execPath, [cliPath, 'follow', '-o', 'ndjson', path], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    // Never read: the pipe fills and the run waits for it.
    child.stdout.pause();
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const stderrDone = new Promise((resolve) => child.stderr.on('close', resolve));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Lines written before it opened the file would be lines it starts after.
    await untilReading(child.pid!, path);
    writeFileSync(path, Array.from({ length: 5000 }, (_, i) => iptablesLine(i)).join('\n') + '\n');
    while (child.stdout.readableLength === 0) await sleep(20);
    const asked = Date.now();
    child.kill('SIGTERM');
    const code = await exited;
    await stderrDone;
    expect(code).toBe(0);
    expect(Date.now() - asked).toBeLessThan(STOP_BOUND_MS);
    expect(stderr).toContain('logscan: standard output was not being read: what was left to print after SIGTERM is dropped');
  });

  it('--state, a stdout nobody reads, SIGTERM: the stop takes about 2 s, stdout ends with a whole record, the state is no further than what stdout took, and a restart prints the rest', async () => {
    const dir = tempDir();
    const path = join(dir, 'ufw.log');
    const state = join(dir, 'st.json');
    writeFileSync(path, '');
    const run = unread(['follow', '-o', 'ndjson', '--from-start', '--state', state, path]);
    await untilReading(run.pid, path);
    // Far more output (~2 MB) than a pipe holds: most of it is left to print at the stop.
    const n = 3000;
    appendFileSync(path, range(1, n).map(iptablesLine).join('\n') + '\n');
    await run.printing();
    const r = await run.term(10_000);
    expect(r.code).toBe(0);
    expect(r.ms).toBeLessThan(STOP_BOUND_MS);
    expect(r.stderr).toContain('logscan: standard output was not being read: what was left to print after SIGTERM is dropped (--state keeps the position of the last line whose output it took: a restart reads the rest again)');
    // Whole records only (followedEvents() throws on half a JSON line), the first ones in order.
    expect(r.stdout.endsWith('\n')).toBe(true);
    const first = seqs(followedEvents(r.stdout));
    expect(first).toEqual(range(1, first.length));
    expect(first.length).toBeLessThan(n);
    const saved = (JSON.parse(readFileSync(state, 'utf8')) as { files: { line: number }[] }).files;
    expect(saved).toHaveLength(1);
    expect(saved[0].line).toBeLessThanOrEqual(first.length);
    // At least once: a restart prints every line after the saved one (some of them were printed already).
    const again = startCli(['follow', '-o', 'ndjson', '--state', state, path], { env });
    await again.waitFor(printed(n - saved[0].line), 20_000);
    const second = seqs(followedEvents((await again.stop('SIGTERM')).stdout));
    expect(second).toEqual(range(saved[0].line + 1, n));
  });

  it.each([{ state: true }, { state: false }])('--from-start into a stdout nobody reads (--state: $state): SIGTERM during the catch-up ends the run in about 2 s with the word on stderr; a restart prints the rest', async ({ state: withState }) => {
    const dir = tempDir();
    const path = join(dir, 'ufw.log');
    const state = join(dir, 'st.json');
    const n = 3000;
    writeFileSync(path, range(1, n).map(iptablesLine).join('\n') + '\n');
    const run = unread(['follow', '-o', 'ndjson', '--from-start', ...(withState ? ['--state', state] : []), path]);
    await run.printing();
    const r = await run.term(10_000);
    expect(r.code).toBe(0);
    expect(r.ms).toBeLessThan(STOP_BOUND_MS);
    expect(r.stderr).toContain('logscan: standard output was not being read: what was left to print after SIGTERM is dropped');
    expect(r.stdout.endsWith('\n')).toBe(true);
    const first = seqs(followedEvents(r.stdout));
    expect(first).toEqual(range(1, first.length));
    if (!withState) return;
    const saved = (JSON.parse(readFileSync(state, 'utf8')) as { files: { line: number }[] }).files;
    expect(saved).toHaveLength(1);
    expect(saved[0].line).toBeLessThanOrEqual(first.length);
    const again = startCli(['follow', '-o', 'ndjson', '--state', state, path], { env });
    await again.waitFor(printed(n - saved[0].line), 20_000);
    expect(seqs(followedEvents((await again.stop('SIGTERM')).stdout))).toEqual(range(saved[0].line + 1, n));
  });

  it('--lang zh: the word on stderr that stdout was not being read is Chinese and names the signal', async () => {
    const dir = tempDir();
    const path = join(dir, 'ufw.log');
    writeFileSync(path, range(1, 3000).map(iptablesLine).join('\n') + '\n');
    const run = unread(['follow', '-o', 'ndjson', '--from-start', '--lang', 'zh', path]);
    await run.printing();
    const r = await run.term(10_000);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('logscan: 标准输出没有被读取：收到 SIGTERM 后尚未输出的内容已丢弃\n');
  });

  it('--max-sources caps the sources the summaries keep, as the note at the end says (and it must be a positive whole number)', async () => {
    const dir = tempDir();
    const path = join(dir, 'ufw.log');
    writeFileSync(path, Array.from({ length: 20 }, (_, i) => iptablesLine(i).replace('SRC=203.0.113.7', `SRC=198.51.100.${i + 1}`)).join('\n') + '\n');
    const cli = startCli(['follow', '--quiet', '--from-start', '--max-sources', '16', path], { env });
    // Stopped while start-up reads the file, the stop still reads it all first.
    await untilReading(cli.pid, path);
    const r = await cli.stop();
    expect(r.code).toBe(0);
    expect(r.stdout.replace(/\s+/g, ' ')).toMatch(/note: more than 16 sources; \d+ evictions? of least-recently-seen source profiles \(\d+ events?\) left those events out of the ranking/);
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('raise the cap with --max-sources).');
    const bad = await runCliAsync(['follow', '--max-sources', '0', path]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--max-sources/);
  });

  it('--max-sources lowers the sources the report at the stop counts (10 per profile) and the keys of each annotation detector, whose cap is said once and counted', async () => {
    // 1,200 sources each sending a SYN from port 53 to 22: the service-spread detector tracks each, 1,100 more than the 100 --max-sources leaves it.
    const n = 1_200;
    const lines = Array.from({ length: n }, (_, i) => {
      const sec = Math.floor(i / 100);
      return `Nov 20 07:${String(Math.floor(sec / 60)).padStart(2, '0')}:${String(sec % 60).padStart(2, '0')} gw kernel: [UFW BLOCK] IN=eth0 OUT= SRC=45.${(i >> 16) + 1}.${(i >> 8) & 255}.${i & 255} DST=192.168.1.20 LEN=60 TTL=56 ID=1 DF PROTO=TCP SPT=53 DPT=22 WINDOW=65535 RES=0x00 SYN URGP=0`;
    });
    const r = await runCliAsync(['follow', '--quiet', '--tz', 'UTC', '--year', '2026', '--max-sources', '100', '-'], { input: lines.join('\n') + '\n', env });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${n.toLocaleString('en-US')} events · 0 skipped · 0 malformed · ≥1,000 sources`);
    const said = r.stderr.split('\n');
    expect(said[0]).toBe(
      'logscan: an annotation detector tracks more than 100 keys (sources, connections, series): the least recently seen are dropped, and their later packets may miss a reading such as a scan or a retry series (counted)',
    );
    const dropped = /^logscan: ([\d,]+) keys dropped by the annotation detectors before their state expired \(each keeps 100\): some packets may lack a reading they would have had$/.exec(said[1]!);
    expect(dropped).not.toBeNull();
    expect(Number(dropped![1]!.replace(/,/g, ''))).toBeGreaterThanOrEqual(n - 100);
    expect(said.slice(2)).toEqual(['']);
  });

  // Three tests, not one of ten runs: each has its own 30 s (with both cores busy ten runs took longer), and they run side by side.
  describe('standard input, gzip and binary data', () => {
    const log = readFileSync(join(repoRoot, 'samples/ufw.log'));
    const gz = gzipSync(log);

    it('gzip data is unpacked as by the other commands', async () => {
      const [plain, packed] = await Promise.all([runCliAsync(['follow', '-o', 'ndjson', '-'], { input: log, env }), runCliAsync(['follow', '-o', 'ndjson', '-'], { input: gz, env })]);
      expect(packed.code).toBe(0);
      expect(packed.stderr).toBe('');
      expect(packed.stdout).toBe(plain.stdout);
      expect(followedEvents(packed.stdout).length).toBeGreaterThan(600);
    });

    it('gzip data broken off says so (exit 3); the line the break cut off is dropped, as the other commands drop it', async () => {
      // Not parsed half: it came out as a malformed line, or as an event with a field cut short.
      const cuts = await Promise.all(
        [gz.length >> 1, (gz.length >> 1) + 37, (gz.length >> 1) + 151].map(async (at) => {
          const part = gz.subarray(0, at);
          const [followed, batch] = await Promise.all([runCliAsync(['follow', '-o', 'ndjson', '-'], { input: part, env }), runCliAsync(['events', '-'], { input: part })]);
          return { followed, batch };
        }),
      );
      const cut = cuts[0].followed;
      expect(cut.code).toBe(3);
      expect(cut.stderr).toContain('logscan: (stdin): gzip data broke off (unexpected end of file); every line before it was read');
      expect(followedEvents(cut.stdout).length).toBeGreaterThan(100);
      for (const { followed, batch } of cuts) {
        expect(followed.stderr).not.toContain('malformed');
        expect(followedEvents(followed.stdout).map((e) => e.origin)).toEqual(followedEvents(batch.stdout).map((e) => e.origin));
      }
    });

    it('binary data is said and not split into lines (exit 3)', async () => {
      const binary = Buffer.alloc(4096, 0);
      binary.write('PK\u0003\u0004', 0, 'latin1');
      const bin = await runCliAsync(['follow', '-o', 'ndjson', '-'], { input: binary, env });
      expect(bin.code).toBe(3);
      expect(bin.stdout).toBe('');
      expect(bin.stderr).toMatch(/logscan: \(stdin\): .*not a text log/);
    });
  });

  it('standard input: gzip magic bytes with a header that is not gzip are said on stderr (exit 3), never an unhandled error', async () => {
    // 1f 8b, then a compression method that is not deflate: gunzip.ts fails on the first header.
    const r = await runCliAsync(['follow', '-o', 'ndjson', '-'], { input: Buffer.from('\x1f\x8b\x00aaaa\n', 'latin1'), env });
    expect(r.stderr).toBe('logscan: (stdin): gzip data with a bad header (incorrect header check); none of it was read\n');
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
  });

  it('reports an unreadable input on stderr, keeps following the others, exits 3', async () => {
    const dir = tempDir();
    const good = join(dir, 'good.log');
    writeFileSync(good, '');
    // As root nothing is unreadable by permission: a directory stands in for it.
    let bad = join(dir, 'adir');
    mkdirSync(bad);
    if (process.getuid?.() !== 0) {
      bad = join(dir, 'secret.log');
      writeFileSync(bad, iptablesLine(99) + '\n');
      chmodSync(bad, 0o000);
    }
    const missing = join(dir, 'not-yet.log');
    const cli = startCli(['follow', '-o', 'ndjson', '--from-start', bad, missing, good], { env });
    await cli.waitFor((_o, e) => /waiting for it/.test(e) && /(permission denied|is a directory)/.test(e));
    writeFileSync(good, iptablesLine(1) + '\n');
    writeFileSync(missing, iptablesLine(2) + '\n');
    await cli.waitFor(printed(2));
    const r = await cli.stop();
    expect(r.code).toBe(3);
    expect(seqs(followedEvents(r.stdout)).sort()).toEqual([1, 2]);
    expect(r.stderr.match(/waiting for it/g)).toHaveLength(1);
  });

  it('a FIFO given by path says how to follow it (as standard input), once, and the run exits 3', async () => {
    // It said only "is not a regular file; will keep trying", and tried for good: a FIFO never turns into a file.
    const dir = tempDir();
    const fifo = join(dir, 'fw.pipe');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const cli = startCli(['follow', '-o', 'ndjson', fifo], { env });
    await cli.waitFor((_o, e) => e.includes('fw.pipe'));
    await sleep(300);
    const r = await cli.stop();
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(`logscan: ${fifo}: is a FIFO, not a file that grows; follow it as standard input: logscan follow - < ${fifo}\n`);
  });

  it('says a .gz, a binary or a UTF-16 file is not a text log and reads none of it as lines, exits 3', async () => {
    const dir = tempDir();
    const good = join(dir, 'kern.log');
    writeFileSync(good, '');
    const gz = join(dir, 'kern.log.2.gz');
    writeFileSync(gz, gzipSync(Array.from({ length: 50 }, (_, i) => iptablesLine(100 + i)).join('\n') + '\n'));
    const bin = join(dir, 'core.bin');
    writeFileSync(bin, Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 37) % 256)));
    const utf16 = join(dir, 'pfirewall-utf16.log');
    writeFileSync(utf16, '');
    // Started at their ends (no --from-start): the head is judged without reading to it.
    // The text file first, so it is open (at its end) by the time the others are judged.
    const cli = startCli(['follow', '-o', 'ndjson', good, gz, bin, utf16], { env });
    await cli.waitFor((_o, e) => /kern\.log\.2\.gz: gzip-compressed data/.test(e) && /core\.bin: looks like binary data/.test(e));
    // Judged on its first bytes, whenever they come: this one starts empty.
    writeFileSync(utf16, Buffer.from(iptablesLine(3) + '\n', 'utf16le'));
    writeFileSync(good, iptablesLine(1) + '\n');
    await cli.waitFor((o, e) => printed(1)(o) && /pfirewall-utf16\.log: looks like UTF-16/.test(e));
    const r = await cli.stop();
    expect(r.code).toBe(3);
    expect(seqs(followedEvents(r.stdout))).toEqual([1]);
    expect(r.stderr).toContain('not followed (read it with: logscan FILE)');
    expect(r.stderr).not.toMatch(/malformed/i);
  });

  describe('UTF-16 with a byte-order mark (Windows PowerShell 5.1: Get-Content pfirewall.log > fw.log, then appends)', () => {
    const utf16 = (text: string, order: 'le' | 'be'): Buffer => {
      const le = Buffer.from(text, 'utf16le');
      return order === 'le' ? le : Buffer.from(le).swap16();
    };

    it.each(['le', 'be'] as const)('UTF-16%s is decoded as it grows, an odd byte kept between reads: every record once, with its line', async (order) => {
      const path = join(tempDir(), `fw-${order}.log`);
      writeFileSync(path, utf16(`\ufeff${iptablesLine(1)}\r\n${iptablesLine(2)}\r\n`, order));
      const cli = startCli(['follow', '-o', 'ndjson', '--from-start', path], { env });
      await cli.waitFor(printed(2));
      // A record written in two pieces, the first ending in the middle of a code unit.
      const third = utf16(`${iptablesLine(3)}\r\n`, order);
      appendFileSync(path, third.subarray(0, 101));
      await sleep(150);
      appendFileSync(path, third.subarray(101));
      appendFileSync(path, utf16(`${iptablesLine(4)}\r\n`, order));
      await cli.waitFor(printed(4));
      const r = await cli.stop();
      expect(r.stderr).not.toMatch(/UTF-16|malformed/);
      expect(r.code).toBe(0);
      const ev = followedEvents(r.stdout);
      expect(seqs(ev)).toEqual([1, 2, 3, 4]);
      expect(ev.map((e) => e.origin.line)).toEqual([1, 2, 3, 4]);
    });

    it('started at its end, and again from --state: only what was appended, at its line', async () => {
      const dir = tempDir();
      const path = join(dir, 'fw.log');
      const state = join(dir, 'state.json');
      writeFileSync(path, utf16(`\ufeff${iptablesLine(1)}\r\n${iptablesLine(2)}\r\n`, 'le'));
      const first = startCli(['follow', '-o', 'ndjson', '--state', state, path], { env });
      await untilReading(first.pid, path);
      appendFileSync(path, utf16(`${iptablesLine(3)}\r\n`, 'le'));
      await first.waitFor(printed(1));
      const r1 = await first.stop();
      expect(r1.code).toBe(0);
      appendFileSync(path, utf16(`${iptablesLine(4)}\r\n`, 'le'));
      const second = startCli(['follow', '-o', 'ndjson', '--state', state, path], { env });
      await second.waitFor(printed(1));
      const r2 = await second.stop();
      const ev = [...followedEvents(r1.stdout), ...followedEvents(r2.stdout)];
      expect(seqs(ev)).toEqual([3, 4]);
      expect(ev.map((e) => e.origin.line)).toEqual([3, 4]);
      expect(r2.stderr).not.toMatch(/UTF-16/);
    });

    it("the summary at the end says the file was decoded, as the report does, in --lang", async () => {
      const path = join(tempDir(), 'fw.log');
      writeFileSync(path, utf16(`\ufeff${iptablesLine(1)}\r\n${iptablesLine(2)}\r\n`, 'le'));
      for (const [lang, note] of [
        ['en', `decoded: ${path} is UTF-16LE text with a byte-order mark`],
        ['zh', `已解码：${path} 是带字节序标记的 UTF-16LE 文本`],
      ] as const) {
        const cli = startCli(['follow', '--lang', lang, '--from-start', path], { env });
        await cli.waitFor((out) => out.includes('203.0.113.7'));
        const r = await cli.stop('SIGINT');
        expect(r.code).toBe(0);
        expect(r.stdout.replace(/\s+/g, ' ')).toContain(note);
      }
    });

    it('--summary-every: each periodic summary says it too, once, in --lang', async () => {
      const path = join(tempDir(), 'fw.log');
      writeFileSync(path, utf16(`\ufeff${iptablesLine(1)}\r\n${iptablesLine(2)}\r\n`, 'le'));
      for (const [lang, note, quiet] of [
        ['en', `decoded: ${path} is UTF-16LE text with a byte-order mark`, '── last 1 s: no events'],
        ['zh', `已解码：${path} 是带字节序标记的 UTF-16LE 文本`, '── 最近 1 秒：没有事件'],
      ] as const) {
        const cli = startCli(['follow', '--lang', lang, '--summary-every', '1s', '--from-start', path], { env: { ...env, COLUMNS: '300' } });
        // Two summaries: the one that held the records and a quiet one after it.
        // 20 s: start-up and a 1 s window took over 8 s with both cores busy; a run that never summarizes still fails.
        await cli.waitFor((out) => out.includes(quiet), 20_000);
        const r = await cli.stop('SIGINT');
        expect(r.code).toBe(0);
        const periodic = r.stdout.slice(0, r.stdout.indexOf('\n── ', r.stdout.indexOf(quiet) + 1));
        const blocks = periodic.split(/\n(?=── )/).filter((b) => b.startsWith(quiet.slice(0, 6)));
        expect(blocks.length).toBeGreaterThanOrEqual(2);
        for (const b of blocks) expect(b.split(note).length - 1, b).toBe(1);
      }
    });

    it('on standard input too', async () => {
      const cli = startCli(['follow', '-o', 'ndjson', '-'], { env, stdin: 'pipe' });
      const bytes = utf16(`\ufeff${iptablesLine(1)}\n${iptablesLine(2)}\n`, 'le');
      cli.stdin!.write(bytes.subarray(0, 51));
      await sleep(100);
      cli.stdin!.end(bytes.subarray(51));
      const r = await cli.exited;
      expect(r.code).toBe(0);
      expect(seqs(followedEvents(r.stdout))).toEqual([1, 2]);
    });
  });

  it('a .gz that goes away is still a problem at the end: only reading the path again clears it (exit 3)', async () => {
    const dir = tempDir();
    const gz = join(dir, 'kern.log.2.gz');
    writeFileSync(gz, gzipSync(iptablesLine(1) + '\n'));
    const cli = startCli(['follow', '-o', 'ndjson', gz], { env });
    await cli.waitFor((_o, e) => /gzip-compressed data/.test(e));
    rmSync(gz);
    await cli.waitFor((_o, e) => /removed or renamed/.test(e));
    const r = await cli.stop();
    expect(r.code).toBe(3);
  });

  it("a missing log beside a systemd journal (Debian 12 without rsyslog) is waited for with the journalctl pipe that feeds follow instead", async () => {
    const dir = tempDir();
    const plain = startCli(['follow', '-q', join(dir, 'ufw.log')], { env });
    await plain.waitFor((_o, e) => /waiting for it/.test(e));
    expect((await plain.stop()).stderr).not.toContain('journal');
    mkdirSync(join(dir, 'journal'));
    const cli = startCli(['follow', '-q', join(dir, 'ufw.log')], { env });
    await cli.waitFor((_o, e) => /waiting for it/.test(e));
    const r = await cli.stop();
    expect(r.stderr.split('\n')[0]).toBe(
      `logscan: ${join(dir, 'ufw.log')}: does not exist (yet); waiting for it (if the firewall logs only to the journal, ${join(dir, 'journal')}: journalctl -k -f -o short-iso | logscan follow -)`,
    );
  });

  it('a bug inside the poll loop ends the run with the internal-error message and exit 1, not an unhandled rejection (LOGSCAN_TEST_CRASH, test-only)', async () => {
    const path = join(tempDir(), 'late.log');
    const cli = startCli(['follow', '-o', 'ndjson', path], { env: { ...env, LOGSCAN_TEST_CRASH: 'follow-open' } });
    await cli.waitFor((_o, e) => /waiting for it/.test(e));
    // Opened by the poll loop, not by start-up: the hook throws there.
    writeFileSync(path, iptablesLine(1) + '\n');
    const r = await cli.exited;
    expect(r.stderr).toContain('logscan: internal error: deliberate crash in "follow-open" (LOGSCAN_TEST_CRASH is set; test-only)\nlogscan: this is a bug; rerun with --debug');
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(r.code).toBe(1);
  });

  it('follows - (stdin) as a live stream until it ends', async () => {
    const cli = startCli(['follow', '-o', 'ndjson', '-'], { env, stdin: 'pipe' });
    cli.stdin!.write(iptablesLine(1) + '\n');
    await cli.waitFor(printed(1));
    cli.stdin!.write(iptablesLine(2).slice(0, 50));
    await sleep(100);
    cli.stdin!.end(iptablesLine(2).slice(50) + '\n');
    const r = await cli.exited;
    expect(r.code).toBe(0);
    const ev = followedEvents(r.stdout);
    expect(seqs(ev)).toEqual([1, 2]);
    expect(ev.map((e) => e.origin)).toEqual([
      { file: '(stdin)', line: 1 },
      { file: '(stdin)', line: 2 },
    ]);
  });

  it('--alert-exec runs the hook without a shell, the alert as JSON on stdin', async () => {
    const dir = tempDir();
    const space = join(dir, 'with space');
    mkdirSync(space);
    const hook = join(space, 'hook.mjs');
    const sink = join(space, 'alerts.ndjson');
    writeFileSync(hook, "import { appendFileSync } from 'node:fs'; let s = ''; process.stdin.on('data', (d) => (s += d)); process.stdin.on('end', () => appendFileSync(process.argv[2], s));\n");
    const path = join(dir, 'scan.log');
    writeFileSync(path, '');
    // Wide enough for the alert to be one line (how it wraps: test/e2e/line-width.test.ts).
    const cli = startCli(['follow', '--alert-score', '20', '--alert-exec', `'${process.execPath}' "${hook}" '${sink}'`, '--from-start', path], { env: { ...env, COLUMNS: '200' } });
    // A vertical scan: 40 ports from one source; `$(touch pwned)` in the prefix must stay text.
    const scan = Array.from({ length: 40 }, (_, i) => iptablesLine(i + 1).replace('DPT=6776', `DPT=${1000 + i}`).replace('[UFW BLOCK]', '[$(touch pwned)]'));
    // The same scan from a neighbour behind the ISP's carrier-grade NAT: the alert says so.
    const neighbour = scan.map((l) => l.replace('SRC=203.0.113.7', 'SRC=100.64.5.5'));
    writeFileSync(path, [...scan, ...neighbour].join('\n') + '\n');
    await cli.waitFor((out) => out.includes('ALERT 100.64.5.5'));
    // Both hooks have run to their end (each appends its alert when its stdin closes).
    const alertsIn = (): number => (existsSync(sink) ? readFileSync(sink, 'utf8').split('\n').filter(Boolean).length : 0);
    await until(() => alertsIn() >= 2, 10_000, () => `two alerts in ${sink}, ${alertsIn()} so far`);
    const r = await cli.stop();
    expect(r.code).toBe(0);
    expect(r.stdout.match(/!! ALERT 203\.0\.113\.7/g)).toHaveLength(1);
    expect(r.stdout).toMatch(/!! ALERT 100\.64\.5\.5 .* · carrier-grade NAT: another customer of your ISP/);
    // Two hooks may run at once: their appends come in either order.
    const alerts = readFileSync(sink, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>).sort((a, b) => String(b.source).localeCompare(String(a.source)));
    expect(alerts).toHaveLength(2);
    expect(alerts[0]).toMatchObject({ type: 'alert', source: '203.0.113.7', threshold: 20, addressRange: null });
    expect(alerts[1]).toMatchObject({ source: '100.64.5.5', addressRange: { id: 'shared-cgnat', range: '100.64.0.0/10' } });
    expect(alerts[0].score as number).toBeGreaterThanOrEqual(20);
    // `time` is when logscan raised it; `recordTime` the time the record that raised it was logged (Nov 20 06:25:01, read in TZ).
    // The line has no year: the last Nov 20 not after now.
    const year = new Date().getFullYear();
    const logged = [year, year - 1].map((y) => new Date(`${y}-11-20T06:25:01`)).find((d) => d.getTime() <= Date.now())!;
    expect(alerts[0].recordTime).toBe(logged.toISOString());
    expect(Math.abs(Date.parse(String(alerts[0].time)) - Date.now())).toBeLessThan(120_000);
    expect(existsSync(join(repoRoot, 'pwned')) || existsSync(join(space, 'pwned'))).toBe(false);
  });

  it('systemctl stop: a hook that got the same SIGTERM as logscan is counted as stopped with it, not as a failing command', async () => {
    const dir = tempDir();
    const pidFile = join(dir, 'hook.pid');
    const path = join(dir, 'scan.log');
    writeFileSync(path, '');
    const hook = `/bin/sh -c 'echo $$ > "${pidFile}"; cat >/dev/null; exec sleep 30'`;
    const cli = startCli(['follow', '-o', 'ndjson', '--alert-score', '20', '--alert-exec', hook, '--from-start', path], { env });
    writeFileSync(path, Array.from({ length: 40 }, (_, i) => iptablesLine(i + 1).replace('DPT=6776', `DPT=${1000 + i}`)).join('\n') + '\n');
    await until(() => existsSync(pidFile) && readFileSync(pidFile, 'utf8').endsWith('\n'), 10_000, () => 'the hook to start');
    // What systemd does at `systemctl stop`: SIGTERM to every process of the unit.
    process.kill(Number(readFileSync(pidFile, 'utf8')), 'SIGTERM');
    const r = await cli.stop('SIGTERM');
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/ended by SIGTERM|failed/);
    expect(r.stderr).toContain("logscan: --alert-exec: of 1 alert, 0 reached /bin/sh, 1 did not: 1 stopped with logscan (the same SIGTERM ended it)");
  });

  it('--lang zh: --alert-exec\'s reports on stderr are Chinese and name the command', async () => {
    const dir = tempDir();
    const path = join(dir, 'scan.log');
    writeFileSync(path, '');
    const cli = startCli(['follow', '--lang', 'zh', '-o', 'ndjson', '--alert-score', '20', '--alert-exec', "/bin/sh -c 'cat >/dev/null; exit 3'", '--from-start', path], { env });
    writeFileSync(path, Array.from({ length: 40 }, (_, i) => iptablesLine(i + 1).replace('DPT=6776', `DPT=${1000 + i}`)).join('\n') + '\n');
    await cli.waitFor((_, err) => err.includes('退出码'), 10_000);
    const r = await cli.stop();
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('logscan: --alert-exec：/bin/sh 退出码为 3\n');
    expect(r.stderr).toContain('logscan: --alert-exec：1 个告警中，0 个送达了 /bin/sh，1 个没有：1 个失败\n');
  });

  it('folds repeats from one source in text output', async () => {
    const dir = tempDir();
    const path = join(dir, 'scan.log');
    writeFileSync(path, '');
    const cli = startCli(['follow', '--from-start', path], { env });
    writeFileSync(path, Array.from({ length: 200 }, (_, i) => iptablesLine(i + 1)).join('\n') + '\n');
    await cli.waitFor((out) => out.includes('203.0.113.7'));
    const r = await cli.stop();
    const probeLines = r.stdout.split('\n').filter((l) => l.includes('→ 6776/tcp'));
    expect(probeLines.length).toBeLessThan(10);
    // Retries to one port say so; where folded probes went tells them from a scan.
    expect(r.stdout).toMatch(/^ {2}\+\d+ more from 203\.0\.113\.7 in \d+ s, all to 6776\/tcp$/m);
    expect(r.stdout).toMatch(/200 events/);
  });

  it('--quiet: alerts, interval summaries and the final summary, no line per probe; not with -o ndjson', async () => {
    const dir = tempDir();
    const path = join(dir, 'scan.log');
    writeFileSync(path, '');
    const cli = startCli(['follow', '--quiet', '--alert-score', '20', '--summary-every', '1s', '--from-start', path], { env });
    const scan = Array.from({ length: 40 }, (_, i) => iptablesLine(i + 1).replace('DPT=6776', `DPT=${50000 + i}`));
    writeFileSync(path, scan.join('\n') + '\n');
    // 20 s: start-up and a 1 s window took over 8 s with both cores busy; a run that never summarizes still fails.
    await cli.waitFor((out) => out.includes('ALERT') && out.includes('── last 1 s: 40 events from 1 source'), 20_000);
    const r = await cli.stop();
    expect(r.code).toBe(0);
    // The alert says when, as a probe line would (the record's time of day), under the day's line.
    expect(r.stdout.match(/^06:25:01  !! ALERT 203\.0\.113\.7 score [\d.]+ ≥ 20 /gm)).toHaveLength(1);
    expect(r.stdout.split('\n').slice(0, 2).join('\n')).toMatch(/^── \d{4}-11-20 ──\n06:25:01  !! ALERT /);
    // A probe line is "HH:MM:SS  SOURCE → PORT/PROTO …"; the final report's time span also has an arrow.
    expect(r.stdout).not.toMatch(/^\d\d:\d\d:\d\d +203\.0\.113\.7 +→/m);
    expect(r.stdout).not.toMatch(/more from/);
    // The summary at the end still covers every record.
    expect(r.stdout).toMatch(/40 events/);
    expect(r.stdout).toContain('vertical scan: 40 ports');
    const b = await runCliAsync(['follow', '--quiet', '-o', 'ndjson', path], { env });
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('--quiet only applies to text output');
  });

  it('--summary-every: the folded counts of an interval come before its summary; a quiet interval says so', async () => {
    const dir = tempDir();
    const path = join(dir, 'scan.log');
    writeFileSync(path, '');
    const cli = startCli(['follow', '--summary-every', '1s', '--from-start', path], { env });
    writeFileSync(path, Array.from({ length: 50 }, (_, i) => iptablesLine(i + 1)).join('\n') + '\n');
    // 20 s: start-up and a 1 s window took over 8 s with both cores busy; a run that never summarizes still fails.
    await cli.waitFor((out) => out.includes('── last 1 s: no events'), 20_000);
    const r = await cli.stop();
    const lines = r.stdout.split('\n');
    const fold = lines.findIndex((l) => /^ {2}\+\d+ more from 203\.0\.113\.7 in \d+ s, all to 6776\/tcp$/.test(l));
    const summary = lines.findIndex((l) => l.startsWith('── last 1 s: 50 events from 1 source'));
    expect(fold).toBeGreaterThan(0);
    expect(summary).toBeGreaterThan(fold);
    expect(lines[summary + 1]).toMatch(/^ {4}1\. 203\.0\.113\.7 +score +\d+\.\d  /);
  });

  it('--lang zh: the alert line, folded counts and the final report are Chinese', async () => {
    const dir = tempDir();
    const path = join(dir, 'scan.log');
    writeFileSync(path, '');
    // Wide enough for the alert to be one line (how it wraps: test/e2e/line-width.test.ts).
    const cli = startCli(['follow', '--lang', 'zh', '--alert-score', '20', '--from-start', path], { env: { ...env, COLUMNS: '200' } });
    // Ports without a trojan of their own: the alert says what the source sent.
    const scan = Array.from({ length: 40 }, (_, i) => iptablesLine(i + 1).replace('DPT=6776', `DPT=${50000 + i}`));
    writeFileSync(path, scan.join('\n') + '\n');
    await cli.waitFor((out) => out.includes('告警'));
    const r = await cli.stop();
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^06:25:01  !! 告警 203\.0\.113\.7 评分 [\d.]+ ≥ 20 发往 50000\/tcp、50001\/tcp、50002\/tcp 等 \d+ 个端口的 \d+ 个包$/m);
    // A scan: the folded probes went to as many ports as there were probes.
    expect(r.stdout).toMatch(/^  另有 (\d+) 条来自 203\.0\.113\.7，历时 \d+ 秒，发往 \1 个端口$/m);
    expect(r.stdout).toMatch(/^── 已跟踪 (\d+|不到 1) 秒$/m);
    expect(r.stdout).toContain('主要来源');
    expect(r.stdout).toContain('端口扫描：40 个端口');
    expect(r.stdout).not.toMatch(/ALERT|more from|followed for|Top sources|vertical scan/);
  });

  it('text output shows probes, not this host\'s own allowed outbound connections', async () => {
    const cli = startCli(['follow', '--from-start', join(repoRoot, 'samples/pfirewall.log')], { env });
    await cli.waitFor((out) => out.includes('22:24:39')); // the last record, a ping
    const r = await cli.stop();
    const lines = r.stdout.split('\n');
    // 192.168.1.35 is the machine itself: its SEND/OPEN rows to 443 and 53 are allowed and outbound.
    expect(lines.filter((l) => /192\.168\.1\.35 +→/.test(l))).toEqual([]);
    expect(lines.some((l) => /192\.0\.2\.195 +→ 139\/tcp/.test(l))).toBe(true);
    expect(lines.some((l) => /203\.0\.113\.166 +→ 31337\/udp/.test(l))).toBe(true);
    // The firewall's note that it lost records is no probe, but it is said where it happened.
    expect(lines).toContain('18:05:01  log gap: the firewall could not write 14 records here (INFO-EVENTS-LOST)');
    expect(lines.filter((l) => /^\d\d:\d\d:\d\d +\? +→/.test(l))).toEqual([]);
  });

  it('text output leaves out LAN broadcast chatter (SSDP, mDNS, NetBIOS, DHCP) and replies to this side, still read as such in the summary', async () => {
    const cli = startCli(['follow', '--from-start', '--year', '2026', '--tz', 'UTC', join(repoRoot, 'samples/ufw.log')], { env });
    await cli.waitFor((out) => out.includes('04:09:54')); // the last record
    const r = await cli.stop();
    const probeLines = r.stdout.split('\n').filter((l) => l.includes(' → '));
    expect(probeLines.length).toBeGreaterThan(100);
    expect(probeLines.filter((l) => /→ (1900|5353|137|138|67)\/udp|→ igmp/.test(l))).toEqual([]);
    // Replies (by source port, and the NTP server's port unreachable) are not probes either; a SYN from port 53 is one.
    // (Said by their names: FTP data connection, ICQ/QQ traffic, NTP server reply, Quake-engine game server, TCP/UDP server reply, ICMP error about own packet.)
    expect(probeLines.filter((l) => /FTP data connection|ICQ\/QQ traffic|NTP server reply|game server|server reply|ICMP error about own packet|198\.51\.100\.123 /.test(l))).toEqual([]);
    expect(probeLines.some((l) => l.includes('SYN from DNS port 53'))).toBe(true);
    // Each interpretation by its name: no line ends in a bare annotation id.
    const ownLines = probeLines.filter((l) => /^\d\d:\d\d:\d\d +\S+ +→/.test(l));
    expect(ownLines.some((l) => l.includes('open-proxy hunt'))).toBe(true);
    expect(ownLines.filter((l) => /\b(srcport|proxy|sub7|ufw|icmp)-[a-z-]+\b/.test(l))).toEqual([]);
    // Still read, and named, in the summary.
    expect(r.stdout).toMatch(/Notable interpretations[\s\S]*lan-broadcast/);
    expect(r.stdout).toMatch(/Notable interpretations[\s\S]*srcport-ntp[\s\S]*icmp-error-reply/);
    // The lines show times of day: a dated line opens each day of the replayed log, once, in order.
    const lines = r.stdout.split('\n');
    const marks = lines.filter((l) => /^── \d{4}-\d\d-\d\d ──$/.test(l));
    expect(marks).toEqual(['── 2026-11-20 ──', '── 2026-11-21 ──', '── 2026-11-22 ──']);
    expect(lines[0]).toBe('── 2026-11-20 ──');
    const second = lines.indexOf('── 2026-11-21 ──');
    expect(lines.slice(0, second).filter((l) => / → /.test(l)).length).toBeGreaterThan(0);
    // A replay reads the whole log at once: each "+N more" count closes on the log's clock,
    // so it sits in the day of the lines it folded, not in a heap at the end.
    let section: string[] = [];
    const misplaced: string[] = [];
    let folds = 0;
    for (const l of lines) {
      if (/^── /.test(l)) section = [];
      const fold = /^ {2}\+\d+ more from (\S+) in /.exec(l);
      if (fold) {
        folds++;
        if (!section.some((x) => new RegExp(`^\\d\\d:\\d\\d:\\d\\d  ${fold[1].replace(/\./g, '\\.')} +→`).test(x))) misplaced.push(l);
      }
      section.push(l);
    }
    expect(folds).toBeGreaterThan(5);
    expect(misplaced).toEqual([]);
  });
});

describe('follow says what the log said of its zone as the report and check do', () => {
  it('the first --summary-every summary (not each one after it) and the summary at the stop: how many headers had no zone', async () => {
    const rec = 'gw kernel: [UFW BLOCK] IN=eth0 OUT= MAC= SRC=203.0.113.5 DST=192.0.2.1 LEN=40 TOS=0x00 PREC=0x00 TTL=50 ID=1 PROTO=TCP SPT=1234 DPT=22 WINDOW=1024 RES=0x00 SYN URGP=0';
    const path = join(tempDir(), 'fw.log');
    writeFileSync(path, ['2026-11-21T10:22:31+01:00', '2026-11-21T10:22:32+01:00', '2026-11-21T10:22:33+01:00', 'Nov 21 10:22:34', 'Nov 21 10:22:35'].map((h) => `${h} ${rec}\n`).join(''));
    const SOME = "2 of the 5 records dated by their syslog header had no zone in it (the others' headers carry one): read in Europe/Berlin (--tz)";
    const cli = startCli(['follow', '--tz', 'Europe/Berlin', '--summary-every', '1s', '--from-start', path], { env: { ...env, COLUMNS: '400' } });
    // The summary that held the records, and a quiet one after it.
    await cli.waitFor((out) => out.includes('── last 1 s: no events'), 8000);
    const r = await cli.stop('SIGINT');
    expect(r.code).toBe(0);
    const periodic = r.stdout.split(/\n(?=── )/).filter((b) => b.startsWith('── last 1 s'));
    expect(periodic.length).toBeGreaterThanOrEqual(2);
    expect(periodic[0].trimEnd().endsWith(`\n   ${SOME}`), periodic[0]).toBe(true);
    for (const b of periodic.slice(1)) expect(b, b).not.toContain('syslog header');
    const final = r.stdout.slice(r.stdout.indexOf('── followed for'));
    expect(final).toContain(`(Europe/Berlin)\n${SOME}\n`);
    expect(r.stdout).not.toContain('times without a zone');
  });

  it('two notes on the zone are two lines in the --summary-every summary, as under the span of the report at the stop', async () => {
    const rec = 'gw kernel: [UFW BLOCK] IN=eth0 OUT= MAC= SRC=203.0.113.5 DST=192.0.2.1 LEN=40 TOS=0x00 PREC=0x00 TTL=50 ID=1 PROTO=TCP SPT=1234 DPT=22 WINDOW=1024 RES=0x00 SYN URGP=0';
    const path = join(tempDir(), 'fw.log');
    // journalctl -o short-full: zones by name, one Berlin's, one not.
    writeFileSync(path, ['Sat 2026-11-21 10:22:31 CET', 'Sat 2026-11-21 10:22:32 EST'].map((h) => `${h} ${rec}\n`).join(''));
    const NAMED = 'the log names the zone CET, which is what Europe/Berlin is called at their time: read as Europe/Berlin time (--tz)';
    const OTHER = "the log's times name the zone EST, which is not what Europe/Berlin is called at their time: read as Europe/Berlin time all the same (--tz the log's zone to read them right)";
    const cli = startCli(['follow', '--tz', 'Europe/Berlin', '--summary-every', '1s', '--from-start', path], { env: { ...env, COLUMNS: '400' } });
    await cli.waitFor((out) => out.includes('── last 1 s: no events'), 8000);
    const r = await cli.stop('SIGINT');
    expect(r.code).toBe(0);
    const first = r.stdout.split(/\n(?=── )/).find((b) => b.startsWith('── last 1 s'))!;
    expect(first.trimEnd().endsWith(`\n   ${NAMED}\n   ${OTHER}`), first).toBe(true);
    const final = r.stdout.slice(r.stdout.indexOf('── followed for'));
    expect(final).toContain(`(Europe/Berlin)\n${NAMED}\n${OTHER}\n`);
  });
});
