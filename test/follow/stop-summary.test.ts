// `follow -q` at the stop: a short summary (the count line, the top 5 sources, what was not
// counted), not the whole report every `systemctl stop` wrote to the journal; the whole one
// with --final-report FILE, or without -q. Runs end with their standard input (follow -).
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCliAsync, startCli, tempDir, untilReading } from '../helpers/cli.js';

const sample = readFileSync(join(repoRoot, 'samples/ufw.log'));
// Wide enough that each source keeps to one line (into a pipe without $COLUMNS it would anyway).
const env = { TZ: 'UTC', LOGSCAN_FOLLOW_POLL_MS: '50', COLUMNS: '200' };
const follow = (args: string[], extra: Record<string, string> = {}) => runCliAsync(['follow', '--year', '2026', ...args, '-'], { input: sample, env: { ...env, ...extra } });

describe.concurrent('follow -q at the stop', () => {
  it('prints the count line, the top 5 sources and where the whole report is, not the report', async () => {
    const r = await follow(['-q']);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines).toEqual([
      '',
      expect.stringMatching(/^── followed for /),
      'logscan · (stdin) · 700 lines · 693 events (697 packets) · 7 skipped · 0 malformed · 196 sources',
      "   times without a zone in the log read as UTC, this machine's zone; --tz ZONE to change",
      'probes 625 packets to 357 ports',
      'Top sources (5 of 191 ranked)',
      expect.stringMatching(/^ {4}1\. 198\.51\.100\.77 +score 117\.4 {2}vertical scan: 300 ports/),
      expect.stringMatching(/^ {4}2\. 203\.0\.113\.66 /),
      expect.stringMatching(/^ {4}3\. 192\.0\.2\.4 /),
      expect.stringMatching(/^ {4}4\. 203\.0\.113\.200 /),
      expect.stringMatching(/^ {4}5\. 192\.0\.2\.147 /),
      'the whole report at the stop: --final-report FILE, or follow without -q',
      '',
    ]);
  });

  it('--final-report FILE gets the whole report, as follow without -q prints it; stdout says where', async () => {
    const file = join(tempDir(), 'final.txt');
    // The file is 100 columns wide, without colour: what follow prints at that width.
    const [quiet, loud] = await Promise.all([follow(['-q', '--final-report', file]), follow([], { COLUMNS: '100' })]);
    expect(quiet.code, quiet.stderr).toBe(0);
    expect(quiet.stdout.trimEnd().split('\n').at(-1)).toBe(`the whole report: ${file}`);
    expect(quiet.stdout).not.toContain('Notable interpretations');
    const whole = readFileSync(file, 'utf8');
    // Without -q stdout still has the whole report; the file holds the same, but for the time followed.
    expect(loud.stdout).toContain('Notable interpretations');
    // What follows the live lines' "── followed for …" (the time followed may differ by a second).
    const body = (s: string) => s.slice(s.indexOf('── followed for ')).replace(/^.*\n/, '');
    expect(whole).toMatch(/^── followed for /);
    expect(body(whole)).toBe(body(loud.stdout));
    expect(whole).toContain('Top sources (10 of 191 ranked)');
    expect(whole).not.toContain('\x1b');
  });

  it('--final-report without -q, and with -o ndjson, writes the report too; stdout keeps what it had', async () => {
    const dir = tempDir();
    const [loud, nd] = await Promise.all([follow(['--final-report', join(dir, 'a.txt')]), follow(['-o', 'ndjson', '--final-report', join(dir, 'b.txt')])]);
    expect(loud.code, loud.stderr).toBe(0);
    expect(nd.code, nd.stderr).toBe(0);
    expect(loud.stdout).toContain('Notable interpretations');
    expect(nd.stdout.trimEnd().split('\n').every((l) => l.startsWith('{'))).toBe(true);
    for (const f of ['a.txt', 'b.txt']) expect(readFileSync(join(dir, f), 'utf8')).toContain('Notable interpretations');
  });

  it('says what the counts leave out: profiles evicted at --max-sources', async () => {
    const r = await follow(['-q', '--max-sources', '16']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.replace(/\s+/g, ' ')).toMatch(/note: more than 16 sources; [\d,]+ evictions of least-recently-seen source profiles/);
    expect(r.stdout).not.toContain('Notable interpretations');
    expect(r.stdout).toContain('the whole report at the stop: --final-report FILE');
  });

  it('a --final-report that can never be written is a usage error at the start (exit 2), not a line at the stop (en, zh)', async () => {
    const dir = tempDir();
    const aFile = join(dir, 'plain.txt');
    writeFileSync(aFile, 'x\n');
    const missing = join(dir, 'no-such-dir', 'final.txt');
    const [noDir, zh, notDir, isDir] = await Promise.all([
      follow(['-q', '--final-report', missing]),
      follow(['-q', '--lang', 'zh', '--final-report', missing]),
      follow(['-q', '--final-report', join(aFile, 'final.txt')]),
      follow(['-q', '--final-report', dir]),
    ]);
    for (const r of [noDir, zh, notDir, isDir]) {
      expect(r.code, r.stderr).toBe(2);
      // Nothing was followed: no summary, no report.
      expect(r.stdout).toBe('');
    }
    expect(noDir.stderr).toBe(`logscan: --final-report ${missing}: no such directory: ${join(dir, 'no-such-dir')}\n`);
    expect(zh.stderr).toBe(`logscan: --final-report ${missing}：目录不存在：${join(dir, 'no-such-dir')}\n`);
    expect(notDir.stderr).toBe(`logscan: --final-report ${join(aFile, 'final.txt')}: ${aFile} is not a directory\n`);
    expect(isDir.stderr).toBe(`logscan: --final-report ${dir}: is a directory\n`);
    expect(existsSync(missing)).toBe(false);
  });

  it('a --final-report naming a followed log is refused at the start (exit 2): the stop would replace the log', async () => {
    const dir = tempDir();
    const log = join(dir, 'kern.log');
    writeFileSync(log, 'x\n');
    const notYet = join(dir, 'ufw.log');
    const [same, later] = await Promise.all([
      runCliAsync(['follow', '-q', log, '--final-report', log], { env }),
      // A log that does not exist yet (follow waits for it) is one by its name.
      runCliAsync(['follow', '-q', notYet, '--final-report', join(dir, '.', 'ufw.log')], { env }),
    ]);
    expect(same.code).toBe(2);
    expect(same.stderr).toBe(`logscan: --final-report ${log}: is one of the input files; refusing to overwrite a log\n`);
    expect(later.code).toBe(2);
    expect(later.stderr).toMatch(/^logscan: --final-report .*ufw\.log: is one of the input files/);
    expect(readFileSync(log, 'utf8')).toBe('x\n');
  });

  it('a --final-report in a directory this user cannot write to is a usage error at the start', async () => {
    const dir = tempDir();
    const locked = join(dir, 'locked');
    mkdirSync(locked, { mode: 0o555 });
    const existing = join(dir, 'read-only.txt');
    writeFileSync(existing, 'old\n', { mode: 0o444 });
    const [inLocked, overReadOnly] = await Promise.all([follow(['-q', '--final-report', join(locked, 'final.txt')]), follow(['-q', '--final-report', existing])]);
    // root may write anywhere: then both are written at the stop, as any file would be.
    if (process.getuid?.() === 0) {
      for (const r of [inLocked, overReadOnly]) expect(r.code, r.stderr).toBe(0);
      expect(readFileSync(existing, 'utf8')).toMatch(/^── followed for /);
      return;
    }
    expect(inLocked.code).toBe(2);
    expect(inLocked.stderr).toBe(`logscan: --final-report ${join(locked, 'final.txt')}: no permission to create files in ${locked}\n`);
    expect(overReadOnly.code).toBe(2);
    expect(overReadOnly.stderr).toBe(`logscan: --final-report ${existing}: permission denied\n`);
    expect(readFileSync(existing, 'utf8')).toBe('old\n');
  });

  it('a directory that vanishes while following is still said at the stop: stderr, exit 3, and the summary prints', async () => {
    const dir = join(tempDir(), 'reports');
    mkdirSync(dir);
    const file = join(dir, 'final.txt');
    const live = startCli(['follow', '--year', '2026', '-q', '--final-report', file, '-'], { stdin: 'pipe', env });
    await untilReading(live.pid, '-');
    rmSync(dir, { recursive: true });
    live.stdin!.end(sample);
    const r = await live.exited;
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(`logscan: --final-report ${file}: not written (ENOENT)\n`);
    expect(existsSync(file)).toBe(false);
    expect(r.stdout).toContain('Top sources (5 of 191 ranked)');
    expect(r.stdout).toContain('the whole report at the stop: --final-report FILE');
  });

  it('a file name with an escape sequence reaches the terminal defused', async () => {
    const file = join(tempDir(), 'final\x1b[2J.txt');
    const r = await follow(['-q', '--final-report', file]);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(file)).toBe(true);
    expect(r.stdout).not.toContain('\x1b');
  });

  it('in Chinese with --lang zh', async () => {
    const file = join(tempDir(), 'final.txt');
    const [hint, written] = await Promise.all([follow(['-q', '--lang', 'zh']), follow(['-q', '--lang', 'zh', '--final-report', file])]);
    expect(hint.stdout).toContain('主要来源（共排名 191 个，显示前 5 个）');
    expect(hint.stdout.trimEnd().split('\n').at(-1)).toBe('结束时的完整报告：--final-report FILE，或不加 -q 运行 follow');
    expect(written.stdout.trimEnd().split('\n').at(-1)).toBe(`完整报告：${file}`);
    expect(readFileSync(file, 'utf8')).toMatch(/^── 已跟踪 /);
  });
});
