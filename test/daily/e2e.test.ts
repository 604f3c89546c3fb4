// `logscan daily` through the built CLI: day boundaries in zones and across DST and
// New Year, the previous-day comparison from logs and from --state, discovery in a
// --log-dir, and every output format with hostile log text.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli, runCliShared, tempDir } from '../helpers/cli.js';
import { dailyAs, reportAs } from '../helpers/views.js';
import { bsdLine, isoLine } from './lines.js';
import type { DailyDoc } from '../../src/daily/doc.js';
import type { Comparison } from '../../src/daily/compare.js';
import { renderDailyHtml } from '../../src/render/daily-html.js';
import { renderDailyMarkdown } from '../../src/render/daily-markdown.js';
import { renderDailyText } from '../../src/render/daily-text.js';

/** A terminal wide enough that no line of the text summary wraps (the text wraps to the width: README, "Output formats"). */
const WIDE = { COLUMNS: '1000' };
/** A PATH without bzip2, xz or zstd: their rotations are then skipped, unread (the CLI is started by node's absolute path). */
const NO_UNPACKERS = { PATH: tempDir() };

/** The system's compressor, for `.bz2`, `.xz` and `.zst` names (it must be installed: a missing one fails the test). */
const COMPRESSORS: Readonly<Record<string, string>> = { '.bz2': 'bzip2', '.xz': 'xz', '.zst': 'zstd' };

interface DailyJson {
  date: string;
  tz: string;
  window: { start: string; end: string; hours: number };
  headline: { packets: number; probes: number; replies: number; sources: number; sourcesCapped: boolean; blocked: number; allowed: number };
  chart: { labels: string[]; packets: number[]; previous: number[] | null };
  comparison: { newRanked: string[]; newSources: { ip: string }[]; basis: string | null; previousComplete: boolean; newSourceCount: number; newPortCount: number; packets: { previous: number | null; today: number } };
  covered: boolean;
  logs: { first: string | null; last: string | null };
  rules: { key: string; packets: number; format?: string }[];
  skippedFiles: { path: string; reason: string; why: { kind: string } }[];
  missingFiles: { path: string; newer: string; older: string; inDay: boolean }[];
  report: { inputs: { file: string }[]; logGaps: { rows: number; records: number; uncounted: number } | null; sources: { ip: string; findings: { id: string }[]; rules: Record<string, number>; messageNames?: Record<string, string> }[]; interpretations: { id: string }[] };
}

function write(dir: string, name: string, lines: string[], mtime?: number): string {
  const path = join(dir, name);
  const text = lines.join('\n') + '\n';
  const packer = COMPRESSORS[name.slice(name.lastIndexOf('.'))];
  writeFileSync(path, name.endsWith('.gz') ? gzipSync(text) : packer !== undefined ? execFileSync(packer, ['-c', '-q'], { input: text }) : text);
  if (mtime !== undefined) utimesSync(path, mtime / 1000, mtime / 1000);
  return path;
}

function daily(args: string[], env: Record<string, string> = {}): DailyJson {
  const r = runCli(['daily', ...args, '-o', 'json'], { env });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as DailyJson;
}

/**
 * `daily`, but one start-up for every test that asks for the same run (runCliShared): its
 * JSON document is also what `dailyAs` renders for the other formats, so a test that reads
 * the JSON and the page of one day pays one run, not one per format.
 */
function dailyShared(args: string[]): DailyJson {
  const r = runCliShared(['daily', ...args, '-o', 'json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as DailyJson;
}

const at = (s: string): Date => new Date(s);

/**
 * The JSON document of a `daily` run, one start-up for every test that asks for it, for the
 * renderers to print in the other formats as the CLI would ("the CLI prints what the
 * renderers make of its JSON document" holds them to that). Per --lang: the interpretations'
 * meanings in it follow it.
 */
function dailyDoc(args: string[], lang: 'en' | 'zh' = 'en'): DailyDoc {
  const r = runCliShared(['daily', ...args, '-o', 'json', '--lang', lang]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as DailyDoc;
}

describe('day boundaries', () => {
  it('Europe/Berlin 2026-03-29 is 23 hours: 23:30 UTC the day before is in, 22:30 UTC is the next day', () => {
    const dir = tempDir();
    const log = write(dir, 'kern.log', [
      isoLine(at('2026-03-28T22:59:59Z'), { src: '198.51.100.1' }), // 23:59:59 CET on the 28th
      isoLine(at('2026-03-28T23:00:00Z'), { src: '203.0.113.1' }), // 00:00 CET on the 29th
      isoLine(at('2026-03-29T01:30:00Z'), { src: '203.0.113.2' }), // 03:30 CEST (02:xx does not exist)
      isoLine(at('2026-03-29T21:59:59Z'), { src: '203.0.113.3' }), // 23:59:59 CEST
      isoLine(at('2026-03-29T22:00:00Z'), { src: '192.0.2.1' }), // 00:00 on the 30th
    ]);
    const d = daily([log, '--date', '2026-03-29', '--tz', 'Europe/Berlin']);
    expect(d.window).toEqual({ start: '2026-03-28T23:00:00.000Z', end: '2026-03-29T22:00:00.000Z', hours: 23 });
    expect(d.headline.sources).toBe(3);
    expect(d.chart.labels).toHaveLength(23);
    expect(d.chart.labels[2]).toBe('03');
    expect(d.chart.packets[2]).toBe(1);
    expect(d.chart.packets[22]).toBe(1);
    expect(d.comparison.packets.previous).toBe(1);
  });

  it("across a DST change the day before's hours stand under the same clock hour, not the same position", () => {
    const dir = tempDir();
    const log = write(dir, 'kern.log', [
      ...Array.from({ length: 10 }, (_, i) => isoLine(at(`2026-10-24T21:${String(30 + i).padStart(2, '0')}:00Z`), { src: '198.51.100.1' })), // 23:3x CEST on the 24th
      ...Array.from({ length: 3 }, (_, i) => isoLine(at(`2026-10-24T00:${String(10 + i).padStart(2, '0')}:00Z`), { src: '198.51.100.2' })), // 02:1x CEST on the 24th
      isoLine(at('2026-10-25T11:00:00Z'), { src: '203.0.113.1' }), // 12:00 CET on the 25th (25 hours: 02:xx twice)
      isoLine(at('2026-10-26T00:00:00Z'), { src: '192.0.2.1' }), // the next day
    ]);
    const d = daily([log, '--date', '2026-10-25', '--tz', 'Europe/Berlin']);
    expect(d.window.hours).toBe(25);
    const prev = d.chart.previous!;
    expect(prev).toHaveLength(25);
    expect(prev[d.chart.labels.lastIndexOf('23')]).toBe(10);
    expect(prev[d.chart.labels.indexOf('22')]).toBe(0);
    // The hour the day has twice gets the day before's under the first of them.
    expect([prev[d.chart.labels.indexOf('02')], prev[d.chart.labels.lastIndexOf('02')]]).toEqual([3, 0]);
    expect(prev.reduce((a, b) => a + b, 0)).toBe(13);
  });

  it('America/New_York 2026-11-01 is 25 hours; the repeated 01:xx hour gets two bars', () => {
    const dir = tempDir();
    const log = write(dir, 'kern.log', [
      isoLine(at('2026-11-01T05:30:00Z'), { src: '203.0.113.1' }), // 01:30 EDT
      isoLine(at('2026-11-01T06:30:00Z'), { src: '203.0.113.2' }), // 01:30 EST
      isoLine(at('2026-11-02T04:30:00Z'), { src: '203.0.113.3' }), // 23:30 EST
      isoLine(at('2026-11-02T05:00:00Z'), { src: '192.0.2.1' }), // next day
    ]);
    const d = daily([log, '--date', '2026-11-01', '--tz', 'America/New_York']);
    expect(d.window.hours).toBe(25);
    expect(d.chart.labels.slice(0, 3)).toEqual(['00', '01', '01']);
    expect(d.chart.packets.slice(0, 3)).toEqual([0, 1, 1]);
    expect(d.chart.packets[24]).toBe(1);
    expect(d.headline.packets).toBe(3);
  });

  it('the same day from year-less local stamps (BSD syslog): the repeated hour is read in log order, one bar each', () => {
    const dir = tempDir();
    const bsd = (stamp: string, src: string) => `Nov  1 ${stamp} gw kernel: [UFW BLOCK] IN=eth0 OUT= SRC=${src} DST=192.0.2.57 LEN=60 TTL=50 PROTO=TCP SPT=4000 DPT=23 SYN`;
    const log = write(dir, 'kern.log', [bsd('00:50:00', '203.0.113.1'), bsd('01:30:00', '203.0.113.2'), bsd('01:55:00', '203.0.113.3'), bsd('01:20:00', '203.0.113.4'), bsd('01:45:00', '203.0.113.5'), bsd('02:10:00', '203.0.113.6')]);
    const d = daily([log, '--date', '2026-11-01', '--tz', 'America/New_York', '--year', '2026']);
    expect(d.chart.labels.slice(0, 4)).toEqual(['00', '01', '01', '02']);
    expect(d.chart.packets.slice(0, 4)).toEqual([1, 2, 2, 1]);
  });

  it('year-less syslog across New Year: the file date decides the year, both days are found', () => {
    const dir = tempDir();
    const log = write(
      dir,
      'kern.log',
      [bsdLine(12, 31, 10, 0, { src: '198.51.100.1' }), bsdLine(12, 31, 23, 59, { src: '198.51.100.2' }), bsdLine(1, 1, 0, 0, { src: '203.0.113.1' }), bsdLine(1, 1, 5, 0, { src: '198.51.100.1' })],
      Date.parse('2027-01-01T06:00:00Z'),
    );
    const jan1 = daily([log, '--date', '2027-01-01', '--tz', 'UTC']);
    expect(jan1.headline.packets).toBe(2);
    expect(jan1.comparison.packets.previous).toBe(2);
    expect(jan1.comparison.newSourceCount).toBe(1);
    const dec31 = daily([log, '--date', '2026-12-31', '--tz', 'UTC']);
    expect(dec31.headline.packets).toBe(2);
    // --year names the first record's year and rolls over at Dec→Jan, whatever the mtime.
    utimesSync(log, Date.parse('2027-06-01T00:00:00Z') / 1000, Date.parse('2027-06-01T00:00:00Z') / 1000);
    expect(daily([log, '--date', '2027-01-01', '--tz', 'UTC', '--year', '2026']).headline.packets).toBe(2);
  });

  it('without --tz the machine zone decides (TZ=Etc/GMT+2: the day starts 02:00 UTC)', () => {
    const dir = tempDir();
    const log = write(dir, 'kern.log', [isoLine(at('2026-11-21T01:59:00Z')), isoLine(at('2026-11-21T02:00:00Z'))]);
    const d = daily([log, '--date', '2026-11-21']);
    expect(d.tz).toBe('Etc/GMT+2');
    expect(d.headline.packets).toBe(1);
  });

  it('without --date: yesterday, a calendar day in the zone, by the clock', () => {
    // The pinned zone is UTC-2 all year (vitest.config.ts): its day D runs D 02:00Z to D+1 02:00Z.
    expect(process.env.TZ).toBe('Etc/GMT+2');
    const HOUR = 3_600_000;
    const DAY = 24 * HOUR;
    /** Midnight (UTC-2) that starts the day before the one `now` falls on, as an instant. */
    const yesterdayStart = (now: number): number => Math.floor((now - 2 * HOUR) / DAY) * DAY - DAY + 2 * HOUR;
    const dir = tempDir();
    const run = (): { d: DailyJson; start: number } => {
      const before = Date.now();
      const start = yesterdayStart(before);
      // Noon of the day before yesterday, of yesterday and of today: a source each.
      const log = write(dir, 'kern.log', [isoLine(new Date(start - DAY + 12 * HOUR), { src: '192.0.2.1' }), isoLine(new Date(start + 12 * HOUR), { src: '198.51.100.2' }), isoLine(new Date(start + DAY + 12 * HOUR), { src: '203.0.113.3' })]);
      const d = daily([log]);
      // A run across midnight asked about another day: once more.
      return yesterdayStart(Date.now()) === start ? { d, start } : run();
    };
    const { d, start } = run();
    expect(d.date).toBe(new Date(start - 2 * HOUR).toISOString().slice(0, 10));
    expect(d.window).toEqual({ start: new Date(start).toISOString(), end: new Date(start + DAY).toISOString(), hours: 24 });
    expect(d.report.sources.map((s) => s.ip)).toEqual(['198.51.100.2']);
    expect(d.headline.packets).toBe(1);
  });
});

describe('previous day and --state', () => {
  it('compares from the logs, writes digests, and uses the digest once the logs rotated away', () => {
    const dir = tempDir();
    const state = join(dir, 'state');
    const day1 = [isoLine(at('2026-11-19T23:00:00Z'), { src: '192.0.2.99' })];
    for (let i = 0; i < 10; i++) day1.push(isoLine(at(`2026-11-20T1${i}:00:00Z`), { src: `198.51.100.${i}`, dpt: 22 }));
    const day2 = [isoLine(at('2026-11-21T08:00:00Z'), { src: '198.51.100.1', dpt: 22 }), isoLine(at('2026-11-21T09:00:00Z'), { src: '203.0.113.50', dpt: 3389 })];
    const both = write(dir, 'both.log', [...day1, ...day2]);
    const first = daily([both, '--date', '2026-11-21', '--tz', 'UTC', '--state', state]);
    expect(first.comparison).toMatchObject({ basis: 'logs', previousComplete: true, newSourceCount: 1, newPortCount: 1 });
    expect(readdirSync(state).sort()).toEqual(['2026-11-20.json', '2026-11-21.json']);

    // The logs rotated: only day 2 is left. The digest of day 1 gives the same comparison.
    const only = write(dir, 'only.log', day2);
    const complete = readFileSync(join(state, '2026-11-21.json'), 'utf8');
    const rotated = runCli(['daily', only, '--date', '2026-11-21', '--tz', 'UTC', '--state', state, '-o', 'json']);
    // Day 2 only from 08:00 now: its complete digest from the first run stays.
    expect(rotated.stderr).toBe(`logscan: ${join(state, '2026-11-21.json')}: the complete digest of 2026-11-21 is kept: this run holds only part of that day, and would have replaced it with one that is not complete\n`);
    expect(readFileSync(join(state, '2026-11-21.json'), 'utf8')).toBe(complete);
    const second = JSON.parse(rotated.stdout) as DailyJson;
    expect(second.comparison).toMatchObject({ basis: 'state', previousComplete: true, newSourceCount: 1, newPortCount: 1 });
    expect(second.comparison.packets).toMatchObject({ previous: 10, today: 2 });

    // A corrupt digest is reported on stderr and ignored; the summary still comes.
    writeFileSync(join(state, '2026-11-20.json'), '{ not json');
    const r = runCli(['daily', only, '--date', '2026-11-21', '--tz', 'UTC', '--state', state, '-o', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/ignoring the stored digest: .*2026-11-20\.json: not valid JSON/);
    expect((JSON.parse(r.stdout) as DailyJson).comparison.basis).toBeNull();
  });

  it('a digest of the day before made with another --tz is not compared silently: the note names its zone, the chart leaves it out; logs of that day win', () => {
    const dir = tempDir();
    const state = join(dir, 'state');
    const day1 = [isoLine(at('2026-11-19T15:30:00Z'))];
    for (let i = 0; i < 10; i++) day1.push(isoLine(at(`2026-11-20T0${i}:00:00Z`), { src: `198.51.100.${i}`, dpt: 22 }));
    const day2 = [isoLine(at('2026-11-20T23:00:00Z'), { src: '198.51.100.1', dpt: 22 }), isoLine(at('2026-11-21T09:00:00Z'), { src: '203.0.113.50', dpt: 3389 }), isoLine(at('2026-11-22T02:00:00Z'))];
    const both = write(dir, 'both.log', [...day1, ...day2]);
    // The digest of the 20th is made for a UTC day ...
    daily([both, '--date', '2026-11-21', '--tz', 'UTC', '--state', state]);
    expect(JSON.parse(readFileSync(join(state, '2026-11-20.json'), 'utf8'))).toMatchObject({ tz: 'UTC', start: '2026-11-20T00:00:00.000Z', complete: true });
    // ... and read for a Shanghai day (which begins 8 hours earlier), once the logs rotated away.
    const only = write(dir, 'only.log', day2);
    const args = [only, '--date', '2026-11-21', '--tz', 'Asia/Shanghai', '--state', state];
    const d = daily(args) as DailyJson & { comparison: { previousZone: string | null } };
    expect(d.comparison).toMatchObject({ basis: 'state', previousZone: 'UTC' });
    expect(d.chart.previous).toBeNull();
    const md = runCli(['daily', ...args, '-o', 'markdown']).stdout;
    expect(md).toContain('vs 2026-11-20, from the --state digest, which counted that day in UTC, not Asia/Shanghai: its hours are not the same 24 (--tz UTC compares like with like)');
    // The same zone: no such words.
    expect(runCli(['daily', only, '--date', '2026-11-21', '--tz', 'UTC', '--state', state, '-o', 'markdown']).stdout).not.toContain('counted that day in');
    // Logs that cover the day before in this zone: recomputed from them, whatever the digest.
    const again = daily([both, '--date', '2026-11-21', '--tz', 'Asia/Shanghai', '--state', join(dir, 'state')]) as DailyJson & { comparison: { previousZone: string | null } };
    expect(again.comparison).toMatchObject({ basis: 'logs', previousComplete: true, previousZone: null });
  });

  it('logs that start during the previous day are used but marked partial', () => {
    const dir = tempDir();
    const log = write(dir, 'kern.log', [isoLine(at('2026-11-20T12:00:00Z')), isoLine(at('2026-11-21T12:00:00Z'))]);
    const d = daily([log, '--date', '2026-11-21', '--tz', 'UTC']);
    expect(d.comparison).toMatchObject({ basis: 'logs', previousComplete: false });
  });
});

describe('a --state digest that cannot be saved, or cannot be read', () => {
  // From the evening before: the logs cover the 20th, whose digest is then written too.
  const day1 = [isoLine(at('2026-11-19T23:00:00Z'), { src: '192.0.2.99' }), ...Array.from({ length: 10 }, (_, i) => isoLine(at(`2026-11-20T1${i}:00:00Z`), { src: `198.51.100.${i}`, dpt: 22 }))];
  const day2 = [isoLine(at('2026-11-21T08:00:00Z'), { src: '198.51.100.1', dpt: 22 }), isoLine(at('2026-11-21T09:00:00Z'), { src: '203.0.113.50', dpt: 3389 })];
  const args = (log: string, state: string): string[] => ['daily', log, '--date', '2026-11-21', '--tz', 'UTC', '--state', state];

  it('a --state DIR that cannot be made (a file in the way): the day is still printed and --output written, stderr says why and what it costs, the page says it too; exit 2', () => {
    const dir = tempDir();
    const log = write(dir, 'kern.log', [...day1, ...day2]);
    writeFileSync(join(dir, 'afile'), '');
    const state = join(dir, 'afile', 'state');
    const r = runCli([...args(log, state), '-o', 'json']);
    expect(r.code).toBe(2);
    const d = JSON.parse(r.stdout) as DailyJson & { stateNotSaved: unknown };
    expect(d.headline.probes).toBe(2);
    expect(d.stateNotSaved).toEqual({ dir: state, date: '2026-11-21', next: '2026-11-22', problem: `${join(dir, 'afile')} is not a directory` });
    expect(r.stderr).toBe(`logscan: --state ${state}: the digest of 2026-11-21 was not saved (${join(dir, 'afile')} is not a directory): once the logs of 2026-11-21 rotate away, the summary of 2026-11-22 has no day before to compare with\n`);
    const out = join(dir, 'day.html');
    const h = runCli([...args(log, state), '--output', out]);
    expect(h.code).toBe(2);
    expect(h.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toContain(`--state ${state}: the digest of 2026-11-21 was not saved`);
    for (const f of ['text', 'markdown'] as const) expect(runCli([...args(log, state), '-o', f], { env: WIDE }).stdout).toContain('the digest of 2026-11-21 was not saved (');
    expect(runCli([...args(log, state), '-o', 'markdown', '--lang', 'zh']).stdout).toContain('2026-11-21 的摘要未能保存');
  });

  it("a digest that cannot be written where DIR is fine (a directory in the file's place: found only when it is written): the same, exit 2", () => {
    const dir = tempDir();
    const log = write(dir, 'kern.log', [...day1, ...day2]);
    const state = join(dir, 'state');
    mkdirSync(join(state, '2026-11-21.json'), { recursive: true });
    const r = runCli([...args(log, state), '-o', 'json']);
    expect(r.code).toBe(2);
    expect((JSON.parse(r.stdout) as { stateNotSaved: unknown }).stateNotSaved).toEqual({ dir: state, date: '2026-11-21', next: '2026-11-22', problem: '2026-11-21.json: is a directory' });
    expect(r.stderr).toContain(`logscan: --state ${state}: the digest of 2026-11-21 was not saved (2026-11-21.json: is a directory): `);
    expect(r.stderr).not.toMatch(/EISDIR|rename|\.tmp/);
    // The day before was still saved: only what failed is said.
    expect(readdirSync(state).sort()).toEqual(['2026-11-20.json', '2026-11-21.json']);
  });

  it("a digest a newer logscan wrote is never overwritten (no downgrade), for the day before or the day itself: said once on stderr, the day printed, exit 0", () => {
    const dir = tempDir();
    const log = write(dir, 'kern.log', [...day1, ...day2]);
    for (const date of ['2026-11-20', '2026-11-21']) {
      const state = join(dir, `state-${date}`);
      mkdirSync(state);
      const file = join(state, `${date}.json`);
      // What a later version writes, with a field this one does not know.
      const theirs = JSON.stringify({ logscanDailyDigest: 99, date, fromTheFuture: true }) + '\n';
      writeFileSync(file, theirs);
      const r = runCli([...args(log, state), '-o', 'json']);
      expect(r.code, date).toBe(0);
      expect(readFileSync(file, 'utf8'), date).toBe(theirs);
      expect(r.stderr, date).toBe(`logscan: ${file}: written by a newer logscan (digest version 99; this one reads versions 1 to 8): kept as it is, neither read nor overwritten by this one\n`);
      const d = JSON.parse(r.stdout) as DailyJson & { stateNotSaved: unknown };
      expect(d.date, date).toBe('2026-11-21');
      expect(d.headline.probes, date).toBe(2);
      expect(d.stateNotSaved, date).toBeNull();
      // The other day's digest is written as always; the day before compares from the logs.
      expect(readdirSync(state).sort(), date).toEqual(['2026-11-20.json', '2026-11-21.json']);
      expect(d.comparison.basis, date).toBe('logs');
    }
  });

  it('a saved run says nothing and has stateNotSaved null', () => {
    const dir = tempDir();
    const log = write(dir, 'kern.log', [...day1, ...day2]);
    const r = runCli([...args(log, join(dir, 'state')), '-o', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { stateNotSaved: unknown }).stateNotSaved).toBeNull();
  });

  it("a stored digest that is corrupt or a directory is ignored with a reason in words; the day is printed, compared from the logs or not at all, exit 0", () => {
    const dir = tempDir();
    const only = write(dir, 'only.log', day2);
    const cases: [string, (f: string) => void, RegExp][] = [
      ['not JSON', (f) => writeFileSync(f, '{ not json'), /2026-11-20\.json: not valid JSON \(/],
      ['directory', (f) => mkdirSync(f), /2026-11-20\.json: is a directory/],
    ];
    for (const [name, make, why] of cases) {
      const state = join(dir, `state-${name}`);
      mkdirSync(state);
      make(join(state, '2026-11-20.json'));
      const r = runCli([...args(only, state), '-o', 'json']);
      expect(r.code, name).toBe(0);
      expect(r.stderr, name).toMatch(/^logscan: ignoring the stored digest: /);
      expect(r.stderr, name).toMatch(why);
      expect(r.stderr, name).not.toContain('EISDIR');
      expect((JSON.parse(r.stdout) as DailyJson).comparison.basis, name).toBeNull();
    }
  });

  it("the summarised day's stored digest that cannot be used is replaced and said so on stderr in --lang (the file, what was wrong), whether this run's is complete or not; exit 0", () => {
    const dir = tempDir();
    const logs: [string, string][] = [
      ['complete', write(dir, 'both.log', [...day1, ...day2])],
      ['partial', write(dir, 'only.log', day2)],
    ];
    const cases: [string, string, RegExp, RegExp][] = [
      ['not JSON', '{ not json', /: not valid JSON \(.+\)\n$/, /：不是有效的 JSON（.+）\n$/],
      ['no totals', JSON.stringify({ logscanDailyDigest: 7, date: '2026-11-21' }), /: no totals\n$/, /：缺少 totals 字段\n$/],
    ];
    for (const [kind, log] of logs) {
      for (const [name, text, en, zh] of cases) {
        const what = `${kind}, ${name}`;
        const state = join(dir, `state-${kind}-${name.replace(' ', '-')}`);
        mkdirSync(state);
        const file = join(state, '2026-11-21.json');
        writeFileSync(file, text);
        const r = runCli([...args(log, state), '-o', 'json', ...(kind === 'partial' ? ['--lang', 'zh'] : [])]);
        expect(r.code, what).toBe(0);
        if (kind === 'partial') {
          expect(r.stderr, what).toMatch(new RegExp(`^logscan: 已保存的 2026-11-21 摘要无法使用，已用本次运行的摘要替换：${file.replace(/[.]/g, '\\.')}`));
          expect(r.stderr, what).toMatch(zh);
        } else {
          expect(r.stderr, what).toMatch(new RegExp(`^logscan: replacing the unusable stored digest of 2026-11-21 with this run's: ${file.replace(/[.]/g, '\\.')}`));
          expect(r.stderr, what).toMatch(en);
        }
        expect(r.stderr.split('\n'), what).toHaveLength(2);
        const saved = JSON.parse(readFileSync(file, 'utf8')) as { date: string; complete: boolean };
        expect(saved, what).toMatchObject({ date: '2026-11-21', complete: kind === 'complete' });
        // The digest it wrote is usable: the next run says nothing.
        expect(runCli([...args(log, state), '-o', 'json']).stderr, what).toBe('');
      }
    }
  });

  it("a stored digest whose contents are wrong is ignored with the reason in --lang: the digest's field names as they are, the rest in words", () => {
    const dir = tempDir();
    const only = write(dir, 'only.log', day2);
    const state = join(dir, 'state');
    mkdirSync(state);
    const file = join(state, '2026-11-20.json');
    const cases: [object, string, string][] = [
      [{ totals: { events: 'many' } }, 'totals.events is not a count', 'totals.events 字段不是计数'],
      [{ date: '2026-11-19' }, 'holds "2026-11-19", not 2026-11-20', '记录的是 "2026-11-19" 而不是 2026-11-20 的数据'],
    ];
    for (const [broken, en, zh] of cases) {
      writeFileSync(file, JSON.stringify({ logscanDailyDigest: 6, date: '2026-11-20', ...broken }));
      const r = runCli([...args(only, state), '-o', 'json']);
      expect(r.code, en).toBe(0);
      expect(r.stderr, en).toBe(`logscan: ignoring the stored digest: ${file}: ${en}\n`);
      const z = runCli([...args(only, state), '-o', 'json', '--lang', 'zh']);
      expect(z.stderr, zh).toBe(`logscan: 已忽略保存的摘要：${file}：${zh}\n`);
      expect((JSON.parse(z.stdout) as DailyJson).comparison.basis).toBeNull();
    }
  });

  it("one from a newer logscan that the logs do not cover is left alone, and said so once: it is not compared with either", () => {
    const dir = tempDir();
    const only = write(dir, 'only.log', day2);
    const state = join(dir, 'state');
    mkdirSync(state);
    writeFileSync(join(state, '2026-11-20.json'), JSON.stringify({ logscanDailyDigest: 99, date: '2026-11-20' }));
    const r = runCli([...args(only, state), '-o', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`logscan: ${join(state, '2026-11-20.json')}: written by a newer logscan (digest version 99; this one reads versions 1 to 8): kept as it is, neither read nor overwritten by this one\n`);
    expect((JSON.parse(r.stdout) as DailyJson).comparison.basis).toBeNull();
  });
});

describe('new sources on the page', () => {
  it('every listed source that is new today is marked, also one the short list of new sources leaves out', () => {
    const args = [join(repoRoot, 'samples/ufw.log'), '--year', '2026', '--tz', 'UTC', '--date', '2026-11-21'];
    const d = daily(args);
    // 192.0.2.241 sent one packet, on this day only: new, but too quiet for the top-10 list of new sources.
    expect(d.comparison.newRanked).toContain('192.0.2.241');
    expect(d.comparison.newSources.map((s) => s.ip)).not.toContain('192.0.2.241');
    // 192.0.2.4 probed the day before too: listed, not new.
    expect(d.report.sources.map((s) => s.ip)).toContain('192.0.2.4');
    expect(d.comparison.newRanked).not.toContain('192.0.2.4');
    const html = dailyAs(['daily', ...args], 'html');
    expect(html.match(/class="new"/g)?.length).toBe(d.comparison.newRanked.length);
  });

  it('an IPv6 new source may break after a \':\' only, as the sources table\'s does; an IPv4 one not at all', () => {
    const doc = dailyDoc([join(repoRoot, 'samples/ufw.log'), '--year', '2026', '--tz', 'UTC', '--date', '2026-11-21']);
    const v6 = '2001:db8:1234:5678:9abc:def0:1234:5678';
    const [first, ...rest] = doc.comparison.newSources;
    expect(first).toBeDefined();
    const html = renderDailyHtml({ ...doc, comparison: { ...doc.comparison, newSources: [{ ...first!, ip: v6 }, ...rest] } }, { tz: 'UTC', lang: 'en' });
    const list = html.slice(html.indexOf('<p class="muted">New sources'), html.indexOf('</p>', html.indexOf('<p class="muted">New sources')));
    expect(list).toContain(`<span class="ip v6">${v6.replace(/:/g, ':<wbr>')}</span>`);
    expect(list).toContain(`<span class="ip">${rest[0]!.ip}</span>`);
  });
});

describe('how far the logs reach', () => {
  const span = [isoLine(at('2026-11-20T12:00:00Z')), isoLine(at('2026-11-21T06:30:00Z')), isoLine(at('2026-11-22T03:15:00Z'))];
  /** The notes at the top of the day's Markdown, from the run's JSON document (dailyAs): one run per day, shared with the tests' other looks at it. */
  const note = (file: string, date: string): string => {
    const args = ['daily', file, '--date', date, '--tz', 'UTC'];
    expect(runCliShared([...args, '-o', 'json']).code).toBe(0);
    return dailyAs(args, 'markdown').split('\n').filter((l) => l.startsWith('> ')).join('\n');
  };

  it('says whether the logs start during, start after, or end before the day, with the record that shows it', () => {
    const log = write(tempDir(), 'kern.log', span);
    expect(note(log, '2026-11-20')).toBe('> the logs start during the day (first firewall record 2026-11-20 12:00:00): the hours before are missing');
    expect(note(log, '2026-11-21')).toBe('');
    // The footer counts files in English that agrees with the number.
    expect(dailyAs(['daily', log, '--date', '2026-11-21', '--tz', 'UTC'], 'markdown')).toContain('<sub>1 file read: ');
    expect(note(log, '2026-11-19')).toBe('> the logs start after the day (first firewall record 2026-11-20 12:00:00): none of it is in them; --date 2026-11-20 summarises their first day');
    expect(note(log, '2026-11-23')).toBe('> the logs end before the day (last firewall record 2026-11-22 03:15:00): none of it is in them; --date 2026-11-22 summarises their last day');
    // A day still ahead is neither "not over" nor waiting for its first record "today".
    expect(note(log, '2099-01-01')).toBe("> the day has not begun yet by this machine's clock: any record on it comes from a clock set ahead");
    const d = dailyShared([log, '--date', '2026-11-23', '--tz', 'UTC']);
    expect(d.logs).toEqual({ first: '2026-11-20T12:00:00.000Z', last: '2026-11-22T03:15:00.000Z' });
    expect(d.covered).toBe(false);
  });

  it('logs that end during the day and were not written after it, or an input that broke off, do not cover it: a note, and no complete digest', () => {
    const dir = tempDir();
    const lines = [isoLine(at('2026-11-20T22:00:00Z')), isoLine(at('2026-11-21T06:30:00Z')), isoLine(at('2026-11-21T12:23:00Z'))];
    // Cut off at noon: last written then.
    const cut = write(dir, 'kern.log', lines, Date.parse('2026-11-21T12:23:05Z'));
    const state = join(dir, 'state');
    expect(note(cut, '2026-11-21')).toBe('> the logs end during the day (last firewall record 2026-11-21 12:23:00, and no file read was written after the day): the hours after are missing');
    expect(daily([cut, '--date', '2026-11-21', '--tz', 'UTC', '--state', state]).covered).toBe(false);
    expect(JSON.parse(readFileSync(join(state, '2026-11-21.json'), 'utf8'))).toMatchObject({ complete: false });
    // The same log still written after the day (a quiet evening): covered.
    const quiet = write(dir, 'quiet.log', lines, Date.parse('2026-11-22T00:10:00Z'));
    expect(note(quiet, '2026-11-21')).toBe('');
    // A truncated .gz: what it lost comes after its last record read, here in the day.
    const whole = gzipSync(lines.join('\n') + '\n');
    const gz = join(dir, 'broken.log.gz');
    writeFileSync(gz, whole.subarray(0, whole.length - 6));
    const r = runCli(['daily', gz, '--date', '2026-11-21', '--tz', 'UTC', '-o', 'markdown']);
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/^> an input was not read to the end, the day may be incomplete: .*broken\.log\.gz: gzip data is truncated or corrupt after line \d [^;]*$/m);
    // Cut after a record past the day: what it lost is later than the day, which is covered (exit 3 all the same: something was not read).
    const past = gzipSync([...lines, isoLine(at('2026-11-22T03:00:00Z'))].join('\n') + '\n');
    writeFileSync(gz, past.subarray(0, past.length - 6));
    const p = runCli(['daily', gz, '--date', '2026-11-21', '--tz', 'UTC', '-o', 'json']);
    expect(p.code).toBe(3);
    expect(JSON.parse(p.stdout)).toMatchObject({ covered: true, incompleteInputs: [{ inDay: false }] });
  });

  it("says where the day's log has a gap the firewall reported (Windows Firewall INFO-EVENTS-LOST), only on that day", () => {
    const dir = tempDir();
    const fields = '#Fields: date time action protocol src-ip dst-ip src-port dst-port size tcpflags tcpsyn tcpack tcpwin icmptype icmpcode info path';
    const log = write(dir, 'pfirewall.log', [
      '#Version: 1.5',
      fields,
      '2026-11-20 08:00:00 DROP TCP 203.0.113.7 192.168.1.20 44321 445 52 S 1 0 64240 - - - RECEIVE',
      '2026-11-20 09:00:00 INFO-EVENTS-LOST - - - - - - - - - - - - 14 -',
      '2026-11-21 08:00:00 DROP TCP 203.0.113.7 192.168.1.20 44321 445 52 S 1 0 64240 - - - RECEIVE',
    ]);
    const gap = '> log gaps: the firewall could not write 14 records (1 INFO-EVENTS-LOST row, 2026-11-20 09:00:00): counts around then are low';
    expect(note(log, '2026-11-20').split('\n')).toContain(gap);
    expect(note(log, '2026-11-21')).not.toContain('log gaps');
    const d = dailyShared([log, '--date', '2026-11-20', '--tz', 'UTC']);
    expect(d.report.logGaps).toMatchObject({ rows: 1, records: 14, uncounted: 0 });
    // The gap row is no packet: neither a probe nor, by elimination, a reply.
    expect(d.headline).toMatchObject({ packets: 1, probes: 1, replies: 0 });
    const pfw = dailyAs(['daily', join(repoRoot, 'samples/pfirewall.log'), '--date', '2026-11-20', '--tz', 'UTC'], 'html');
    // The "not probes" card counts what its text lists (136 + 30), not the gap row besides.
    expect(pfw).toContain('<div class="k">not probes</div><div class="v">166</div><div class="t">136 connections from this side · 30 packets of LAN broadcast chatter</div>');
  });

  it('the blocked row wraps between its items, as the other rows do: each item whole on a line, no line starting with the separator', () => {
    const cases = [
      { file: 'samples/pfirewall.log', items: { en: ['allowed 136 (45%)'], zh: ['放行 136（45%）'] } },
      { file: 'samples/ufw.log', items: { en: ['allowed 3 (0.6%)', 'other 2 (0.4%)'], zh: ['放行 3（0.6%）', '其他 2（0.4%）'] } },
    ];
    const args = (file: string): string[] => [join(repoRoot, file), '--date', '2026-11-20', '--tz', 'UTC'];
    // The widths from the renderer, given the CLI's document; the CLI wraps to COLUMNS as it does:
    const text = (file: string, lang: 'en' | 'zh', columns: string): string => renderDailyText(dailyDoc(args(file), lang), { tz: 'UTC', color: false, width: Number(columns), lang });
    expect(runCli(['daily', ...args('samples/pfirewall.log'), '-o', 'text'], { env: { COLUMNS: '65' } }).stdout).toBe(text('samples/pfirewall.log', 'en', '65'));
    for (const { file, items } of cases) {
      for (const lang of ['en', 'zh'] as const) {
        for (const columns of ['65', '80']) {
          const lines = text(file, lang, columns).split('\n');
          const at = lines.findIndex((l) => l.startsWith(lang === 'en' ? 'blocked ' : '拦截 '));
          const row = lines.slice(at, lines.findIndex((l, i) => i > at && !l.startsWith(' ')));
          const where = `${file} ${lang} ${columns}:\n${row.join('\n')}`;
          for (const item of items[lang]) expect(row.some((l) => l.includes(item)), where).toBe(true);
          for (const l of row.slice(1)) expect(l.trimStart().startsWith('·'), where).toBe(false);
        }
      }
    }
    const md = dailyAs(['daily', join(repoRoot, 'samples/pfirewall.log'), '--date', '2026-11-20', '--tz', 'UTC'], 'markdown');
    expect(md).toContain('- **blocked:** 168 (55% of 304 records logged: 168 packets, 136 connections) · allowed 136 (45%)\n');
  });

  // An AWS VPC flow log REJECT record stands for its packets: the daily said "of 422 records logged" of 296 records.
  it('the blocked share of a log whose records stand for several packets says the records apart from the packets and connections, en and zh', () => {
    const sample = join(repoRoot, 'test/fixtures/aws-vpcflow/sample/vpc-web.log');
    const en = dailyAs(['daily', sample, '--date', '2026-11-20', '--tz', 'UTC'], 'markdown');
    expect(en).toContain('- **blocked:** 360 (85% of 422 logged in 296 records: 360 packets, 62 connections) · allowed 62 (15%)\n');
    const zh = dailyAs(['daily', sample, '--date', '2026-11-20', '--tz', 'UTC', '--lang', 'zh'], 'markdown');
    expect(zh).toContain('360（占所记录 422 个包和连接（296 条记录）的 85%：360 个包，62 个连接）');
  });

  // The report said "other 5 (0.7%)" and "[UFW BLOCK] 679 (97%)", the daily "other 2" and "[UFW BLOCK] 465".
  it('gives a share wherever the report does: "other" on the blocked row, each "logged as" label, in text and Markdown, both languages', () => {
    // Each format from the renderer, given the CLI's document (the test above runs these two).
    const day = (lang: 'en' | 'zh', format: 'text' | 'markdown' | 'html'): string => {
      const doc = dailyDoc([join(repoRoot, 'samples/ufw.log'), '--date', '2026-11-20', '--tz', 'UTC'], lang);
      if (format === 'html') return renderDailyHtml(doc, { tz: 'UTC', lang });
      if (format === 'markdown') return renderDailyMarkdown(doc, { tz: 'UTC', lang });
      return renderDailyText(doc, { tz: 'UTC', color: false, width: Number(process.env.COLUMNS), lang });
    };
    const report = reportAs([join(repoRoot, 'samples/ufw.log'), '--tz', 'UTC'], 'text');
    expect(report).toMatch(/other 5 \(0\.7%\)/);
    expect(report).toMatch(/\[UFW BLOCK\] 679 \(97%\)/);
    const en = day('en', 'text');
    expect(en).toContain('· other 2 (0.4%)\n');
    expect(en).toMatch(/^logged as  \[UFW BLOCK\] 465 \(97%\) · \[UFW LIMIT BLOCK\] 7 \(1\.5%\) ·/m);
    expect(en).toContain('[UFW ALLOW] 3 (0.6%)');
    expect(en).toContain('[UFW AUDIT] 2 (0.4%)\n');
    const zh = day('zh', 'text');
    expect(zh).toContain('· 其他 2（0.4%）\n');
    expect(zh).toMatch(/^记录为     \[UFW BLOCK\] 465（97%） · \[UFW LIMIT BLOCK\] 7（1\.5%） ·/m);
    const md = day('en', 'markdown');
    expect(md).toContain('- **blocked:** 472 (99% of 477 packets logged) · allowed 3 (0.6%) · other 2 (0.4%)\n');
    expect(md).toContain('| logged as | packets | share |\n| --- | ---: | ---: |\n| \\[UFW BLOCK\\] | 465 | 97% |\n| \\[UFW LIMIT BLOCK\\] | 7 | 1.5% |\n');
    expect(day('zh', 'markdown')).toContain('| 记录为 | 包数 | 占比 |\n');
    // The page had them already: its table's shares are these.
    expect(day('en', 'html')).toContain('<td data-label="share" class="n">97%</td>');
  });

  it('a day of one record reads in the singular in every format, and so does the report of it', () => {
    const log = write(tempDir(), 'kern.log', span);
    const args = ['daily', log, '--date', '2026-11-21', '--tz', 'UTC'];
    expect(dailyAs(args, 'text')).toContain('probes     1 packet from 1 source to 1 port\n');
    expect(dailyAs(args, 'markdown')).toContain('- **probes:** 1 packet from 1 source to 1 port\n');
    expect(dailyAs(args, 'html')).toContain('<footer>logscan daily · 1 file read: ');
    const one = write(tempDir(), 'one.log', span.slice(0, 1));
    expect(reportAs([one, '--tz', 'UTC'], 'text')).toContain('\n1 line · 1 event · 0 skipped · 0 malformed · 1 source\n');
    expect(reportAs([one, '--tz', 'UTC'], 'markdown')).toContain('- **records:** 1 line · 1 event · 0 skipped · 0 malformed · 1 source\n');
  });

  it("this side's own traffic, replies, LAN chatter and late packets of connections are counted apart from the probes in every format", () => {
    const t = (m: number): Date => new Date(Date.UTC(2026, 10, 21, 12, m));
    const out = (line: string): string => line.replace(/IN=eth0 OUT= MAC=\S+/, 'IN= OUT=eth0');
    const log = write(tempDir(), 'kern.log', [
      isoLine(t(0), { dpt: 23 }),
      isoLine(t(1), { src: '198.51.100.4', dpt: 445 }),
      out(isoLine(t(2), { src: '192.168.1.10', dst: '198.51.100.9', dpt: 6667, prefix: '[UFW BLOCK]' })),
      out(isoLine(t(3), { src: '192.168.1.10', dst: '198.51.100.9', dpt: 1434, proto: 'UDP' })),
      out(isoLine(t(4), { src: '192.168.1.10', dst: '198.51.100.9', dpt: 1434, proto: 'UDP' })),
      isoLine(t(5), { src: '198.51.100.53', spt: 53, dpt: 41000, proto: 'UDP' }),
      // The LAN router's SSDP announcement: chatter for every machine, not a probe.
      isoLine(t(6), { src: '192.168.1.1', dst: '239.255.255.250', spt: 1900, dpt: 1900, proto: 'UDP' }),
      // A client's packet after the firewall forgot its HTTPS connection: it opens nothing, so it probed no port.
      isoLine(t(7), { src: '198.51.100.7', spt: 51234, dpt: 443, flags: 'ACK PSH' }),
    ]);
    const args = ['daily', log, '--date', '2026-11-21', '--tz', 'UTC'];
    const d = daily(args.slice(1)) as unknown as DailyDoc;
    expect(d.headline).toMatchObject({ packets: 8, probes: 2, own: 3, replies: 1, replyConnections: 0, noise: 1, late: 1, sources: 2, ports: 2, blocked: 8 });
    // The day's report draws the same line.
    expect(d.report.probes).toEqual({ packets: 2, connections: 0, ports: 2, blocked: 2, blockedPorts: 2, portsCapped: false, blockedPortsCapped: false, own: 3, replies: 1, noise: 1, late: 1, ownConnections: 0, lateConnections: 0, replyConnections: 0, noiseConnections: 0 });
    const text = dailyAs(args, 'text');
    expect(text).toContain('probes     2 packets from 2 sources to 2 ports\n');
    // Wrapped at the terminal's width (80 when not a terminal), under its label.
    expect(text).toContain('not probes 3 packets sent from this side · 1 reply to its connections ·\n           1 packet of LAN broadcast chatter · 1 late packet of a connection already under way\n');
    expect(text).toContain('blocked    8 (100% of 8 packets logged) · allowed 0 (0%)\n');
    const notProbes = '3 packets sent from this side · 1 reply to its connections · 1 packet of LAN broadcast chatter · 1 late packet of a connection already under way';
    expect(dailyAs(args, 'markdown')).toContain(`- **not probes:** ${notProbes}\n`);
    const html = dailyAs(args, 'html');
    expect(html).toContain('<div class="k">probes</div><div class="v">2</div>');
    expect(html).toContain(`<div class="k">not probes</div><div class="v">6</div><div class="t">${notProbes}</div>`);
    expect(dailyAs([...args, '--lang', 'zh'], 'text')).toContain('本方发出 3 个包 · 1 个是对本方连接的回复 · 1 个是局域网广播噪声 ·');
    expect(dailyAs([...args, '--lang', 'zh'], 'html')).toContain('1 个是局域网广播噪声 · 1 个是已在进行中的连接的迟到报文');
    // The report of the whole log says the same in its header, in every format.
    const report = reportAs([log, '--tz', 'UTC'], 'text');
    expect(report).toContain('\nprobes     2 packets to 2 ports\n');
    expect(report).toContain('\nnot probes 3 packets sent from this side · 1 reply to its connections ·\n           1 packet of LAN broadcast chatter · 1 late packet of a connection already under way\n');
    expect(reportAs([log, '--tz', 'UTC'], 'markdown')).toContain(`- **not probes:** ${notProbes}\n`);
    expect(reportAs([log, '--tz', 'UTC'], 'html')).toContain(`${notProbes}</div>`);
    expect(reportAs([log, '--tz', 'UTC'], 'markdown')).toContain('- **probes:** 2 packets to 2 ports\n');
  });

  it('a log without a single probe says "none" on the probes line, not "0 packets from 0 sources to 0 ports"', () => {
    const t = (m: number): Date => new Date(Date.UTC(2026, 10, 21, 12, m));
    const out = (line: string): string => line.replace(/IN=eth0 OUT= MAC=\S+/, 'IN= OUT=eth0');
    const log = write(tempDir(), 'kern.log', [
      out(isoLine(t(1), { src: '192.168.1.10', dst: '198.51.100.9', dpt: 6667 })),
      out(isoLine(t(2), { src: '192.168.1.10', dst: '198.51.100.9', dpt: 1434, proto: 'UDP' })),
    ]);
    const args = ['daily', log, '--date', '2026-11-21', '--tz', 'UTC'];
    expect(dailyAs(args, 'text')).toContain('\nprobes     none\nnot probes 2 packets sent from this side\n');
    expect(dailyAs(args, 'markdown')).toContain('- **probes:** none\n');
    expect(dailyAs([...args, '--lang', 'zh'], 'text')).toContain('探测       无\n');
    expect(reportAs([log, '--tz', 'UTC'], 'text')).toContain('\nprobes     none\nnot probes 2 packets sent from this side\n');
    expect(reportAs([log, '--tz', 'UTC'], 'markdown')).toContain('- **probes:** none\n');
  });

  it('more distinct sources than the day counts exactly: "≥" in every format, sourcesCapped in JSON', () => {
    // 200,001 sources, one packet each, from 10.0.0.0 up: one past the day counter's cap.
    const lines: string[] = [];
    for (let i = 0; i <= 200_000; i++) lines.push(isoLine(new Date(Date.UTC(2026, 10, 21, 12, 0, i % 3600)), { src: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` }));
    const log = write(tempDir(), 'kern.log', lines);
    const args = ['daily', log, '--date', '2026-11-21', '--tz', 'UTC', '--threads', '1'];
    const d = daily(args.slice(1));
    expect(d.headline).toMatchObject({ packets: 200_001, sources: 200_000, sourcesCapped: true });
    // The JSON is the document every format renders (one 200k-line run, not four).
    const doc = d as unknown as DailyDoc;
    expect(renderDailyText(doc, { tz: 'UTC', color: false, width: 100, lang: 'en' })).toContain('probes     200,001 packets from ≥200,000 sources to 1 port\n');
    expect(renderDailyMarkdown(doc, { tz: 'UTC', lang: 'en' })).toContain('- **probes:** 200,001 packets from ≥200,000 sources to 1 port\n');
    expect(renderDailyHtml(doc, { tz: 'UTC', lang: 'en' })).toContain('<div class="k">sources</div><div class="v">≥200,000</div>');
  }, 30_000);

  it('an input read only in part (a truncated .gz) says so beside its name in every format, not only on stderr', () => {
    const dir = tempDir();
    const lines = Array.from({ length: 400 }, (_, i) => isoLine(new Date(Date.UTC(2026, 10, 21, 12, 0, i)), { src: `198.51.100.${i % 200}`, dpt: 1000 + i }));
    const whole = gzipSync(lines.join('\n') + '\n');
    const log = join(dir, 'kern.log.gz');
    writeFileSync(log, whole.subarray(0, Math.floor(whole.length * 0.6)));
    const args = ['daily', log, '--date', '2026-11-21', '--tz', 'UTC'];
    // One run (exit 3), each format what the CLI prints of its document (dailyAs).
    expect(runCliShared([...args, '-o', 'json']).code).toBe(3);
    for (const fmt of ['text', 'markdown', 'html'] as const) {
      // Wide: the text is about what the footer says, not where it wraps.
      expect(dailyAs(args, fmt, { width: 1000 }), fmt).toMatch(/kern\.log\.gz \(gzip data is truncated or corrupt after line \d+/);
    }
  });

  it('an input that cannot be read is said on stderr and in a note at the top of every format, not only in the footer; exit 3, the others still read', () => {
    const dir = tempDir();
    const lines = [isoLine(at('2026-11-20T22:00:00Z')), isoLine(at('2026-11-21T06:30:00Z')), isoLine(at('2026-11-22T01:00:00Z'))];
    const log = write(dir, 'kern.log', lines);
    const missing = join(dir, 'gone.log');
    const args = ['daily', log, dir, missing, '--date', '2026-11-21', '--tz', 'UTC'];
    const note = `2 inputs were not read, the day may be incomplete: ${dir}: is a directory (give the log files inside it); ${missing}: no such file`;
    // One run: its exit code and stderr, its document, and each format rendered from that (dailyAs).
    const json = runCliShared([...args, '-o', 'json']);
    expect(json.code).toBe(3);
    expect(json.stderr.split('\n')).toEqual([`logscan: ${dir}: is a directory (give the log files inside it)`, `logscan: ${missing}: no such file`, '']);
    expect(dailyAs(args, 'markdown').split('\n').filter((l) => l.startsWith('> '))).toEqual([`> ${note}`]);
    expect(dailyAs(args, 'text', { width: 1000 }).split('\n')[1]).toBe(`note: ${note}`);
    expect(dailyAs(args, 'html')).toContain('the day may be incomplete: ');
    const doc = JSON.parse(json.stdout) as DailyJson & { incompleteInputs: unknown[] };
    expect(doc.headline.packets).toBe(1);
    expect(doc.covered).toBe(false);
    expect(doc.incompleteInputs).toEqual([
      { file: dir, error: 'is a directory (give the log files inside it)', nothingRead: true, inDay: true },
      { file: missing, error: 'no such file', nothingRead: true, inDay: true },
    ]);
    // Under --lang zh the note is Chinese, the reasons too (from each input's problem code, as the footer).
    expect(dailyAs([...args, '--lang', 'zh'], 'markdown')).toMatch(/^> 有 2 个输入未能读取，这一天的数字可能不完整：.*：是一个目录（请给出其中的日志文件）；.*gone\.log：文件不存在$/m);
  });

  it('a truncated older .gz whose lost end lies before the day (the next rotation starts earlier) leaves the day covered; one whose end may be the day does not', () => {
    const dir = tempDir();
    const state = join(dir, 'state');
    // kern.log.2.gz: the 18th and 19th, cut off; kern.log.1 starts late on the 19th; kern.log has the 21st and after.
    const old = Array.from({ length: 300 }, (_, i) => isoLine(new Date(Date.parse('2026-11-18T00:00:00Z') + i * 500_000), { src: `198.51.100.${i % 200}`, dpt: 1000 + i }));
    const whole = gzipSync(old.join('\n') + '\n');
    const gz = join(dir, 'kern.log.2.gz');
    writeFileSync(gz, whole.subarray(0, Math.floor(whole.length * 0.6)));
    utimesSync(gz, Date.parse('2026-11-20T06:25:00Z') / 1000, Date.parse('2026-11-20T06:25:00Z') / 1000);
    const one = write(dir, 'kern.log.1', [isoLine(at('2026-11-19T22:00:00Z')), isoLine(at('2026-11-20T23:00:00Z'))], Date.parse('2026-11-21T06:25:00Z'));
    const live = write(dir, 'kern.log', [isoLine(at('2026-11-21T06:30:00Z')), isoLine(at('2026-11-22T01:00:00Z'))], Date.parse('2026-11-22T01:00:00Z'));
    const files = [live, one, gz];
    const r = runCli(['daily', ...files, '--date', '2026-11-21', '--tz', 'UTC', '-o', 'json', '--state', state]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/kern\.log\.2\.gz: gzip data is truncated or corrupt after line \d+/);
    const doc = JSON.parse(r.stdout) as DailyJson & { incompleteInputs: { file: string; inDay: boolean }[] };
    expect(doc.covered).toBe(true);
    expect(doc.incompleteInputs).toMatchObject([{ file: gz, nothingRead: false, inDay: false }]);
    expect(doc.comparison).toMatchObject({ basis: 'logs', previousComplete: true });
    expect(JSON.parse(readFileSync(join(state, '2026-11-21.json'), 'utf8'))).toMatchObject({ complete: true });
    const md = dailyAs(['daily', ...files, '--date', '2026-11-21', '--tz', 'UTC'], 'markdown');
    expect(md.split('\n').filter((l) => l.startsWith('> '))).toEqual([]);
    expect(md).toMatch(/kern\.log\.2\.gz \(gzip data is truncated/);
    // The 19th: the lost end of kern.log.2.gz may hold its evening.
    const d19 = JSON.parse(runCli(['daily', ...files, '--date', '2026-11-19', '--tz', 'UTC', '-o', 'json']).stdout) as DailyJson & { incompleteInputs: { inDay: boolean }[] };
    expect(d19.covered).toBe(false);
    expect(d19.incompleteInputs).toMatchObject([{ inDay: true }]);
  });

  it('--date today: an input cut short where today may be is said and leaves today not covered, as a past day; a cut whose hole is before today leaves it covered', () => {
    const HOUR = 3_600_000;
    const DAY = 24 * HOUR;
    // Today in UTC by the clock; every record at or before its start, so none is in the future whenever this runs.
    const todayStart = (now: number): number => Math.floor(now / DAY) * DAY;
    const dir = tempDir();
    const state = join(dir, 'state');
    const cut = (name: string, lines: string[]): string => {
      const whole = gzipSync(lines.join('\n') + '\n');
      const path = join(dir, name);
      writeFileSync(path, whole.subarray(0, whole.length - 6));
      return path;
    };
    type Run = { code: number | null; doc: DailyJson & { partial: boolean; incompleteInputs: { file: string; inDay: boolean }[] }; notes: string[]; zh: string[]; quiet: DailyJson & { incompleteInputs: { inDay: boolean }[] }; whole: DailyJson };
    const run = (): Run => {
      const start = todayStart(Date.now());
      // A log cut off after the first record of today (mtime now): what it lost may be today's.
      const log = [isoLine(new Date(start - 12 * HOUR), { src: '192.0.2.1' }), isoLine(new Date(start), { src: '198.51.100.2' }), isoLine(new Date(start), { src: '198.51.100.3' })];
      const broken = cut('broken.log.gz', log);
      const args = ['daily', broken, '--date', 'today', '--tz', 'UTC'];
      const r = runCli([...args, '-o', 'json', '--state', state]);
      const notes = (lang: string): string[] => runCli([...args, '-o', 'markdown', '--lang', lang]).stdout.split('\n').filter((l) => l.startsWith('> '));
      // An older rotation cut short, whose next rotation starts twelve hours before today: it lost nothing of today.
      const old = cut('kern.log.1.gz', [isoLine(new Date(start - 2 * DAY)), isoLine(new Date(start - 36 * HOUR)), isoLine(new Date(start - 30 * HOUR))]);
      utimesSync(old, (start - 12 * HOUR) / 1000, (start - 12 * HOUR) / 1000);
      const live = write(dir, 'kern.log', [isoLine(new Date(start - 12 * HOUR)), isoLine(new Date(start))]);
      const quiet = JSON.parse(runCli(['daily', live, old, '--date', 'today', '--tz', 'UTC', '-o', 'json']).stdout) as Run['quiet'];
      const whole = daily([write(dir, 'whole.log', log), '--date', 'today', '--tz', 'UTC']);
      const done = { code: r.code, doc: JSON.parse(r.stdout) as Run['doc'], notes: notes('en'), zh: notes('zh'), quiet, whole };
      // A run across midnight asked about another day: once more.
      return todayStart(Date.now()) === start ? done : run();
    };
    const { code, doc, notes, zh, quiet, whole } = run();
    expect(code).toBe(3);
    expect(doc.partial).toBe(true);
    expect(doc.covered).toBe(false);
    expect(doc.incompleteInputs).toMatchObject([{ file: join(dir, 'broken.log.gz'), inDay: true }]);
    // Said as for a past day, beside "not over"; no "the logs end during the day": today's logs do.
    expect(notes).toHaveLength(2);
    expect(notes[0]).toMatch(/^> an input was not read to the end, the day may be incomplete: .*broken\.log\.gz: gzip data is truncated or corrupt after line \d [^;]*$/);
    expect(notes[1]).toBe('> the day is not over: numbers so far');
    expect(zh).toHaveLength(2);
    expect(zh[0]).toMatch(/^> 有一个输入没有读完，这一天的数字可能不完整：.*broken\.log\.gz：[^；（]*（[^；]*$/);
    expect(zh[1]).toBe('> 当天尚未结束：以下为截至目前的数字');
    // Today's digest is never complete: the day is not over.
    const digest = JSON.parse(readFileSync(join(state, `${doc.date}.json`), 'utf8')) as { complete: boolean };
    expect(digest.complete).toBe(false);
    // The same records read whole: covered so far. A cut before today: covered, said only in the footer and exit code.
    expect(whole.covered).toBe(true);
    expect(quiet.covered).toBe(true);
    expect(quiet.incompleteInputs).toMatchObject([{ inDay: false }]);
  });

  it('logs that end before the previous day give no comparison and no digest of zeros', () => {
    const dir = tempDir();
    const state = join(dir, 'state');
    const log = write(dir, 'kern.log', span);
    const r = runCli(['daily', log, '--date', '2026-11-24', '--tz', 'UTC', '--state', state, '-o', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`logscan: --state ${state}: no digest of 2026-11-24 written: none of that day is in the logs (they end before it)\n`);
    const d = JSON.parse(r.stdout) as DailyJson;
    expect(d.comparison.basis).toBeNull();
    // None of either day is in the logs: nothing of them to keep, and no empty DIR made for nothing.
    expect(existsSync(state)).toBe(false);
  });

  it("a day that has not begun by this machine's clock gets no digest (its zeros would be the next day's day before until a real run replaced them), said on stderr in --lang; the page as before, exit 0", () => {
    const dir = tempDir();
    const log = write(dir, 'kern.log', span);
    // A stored digest of that day (a clock set ahead once) is left as it is.
    const state = join(dir, 'state');
    mkdirSync(state);
    const earlier = JSON.stringify({ logscanDailyDigest: 7, date: '2998-01-01' }) + '\n';
    writeFileSync(join(state, '2998-01-01.json'), earlier);
    const r = runCli(['daily', log, '--date', '2998-01-01', '--tz', 'UTC', '--state', state, '-o', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`logscan: --state ${state}: no digest of 2998-01-01 written: that day has not begun\n`);
    const d = JSON.parse(r.stdout) as DailyJson & { ahead: boolean };
    expect(d.date).toBe('2998-01-01');
    expect(d.ahead).toBe(true);
    expect(readdirSync(state)).toEqual(['2998-01-01.json']);
    expect(readFileSync(join(state, '2998-01-01.json'), 'utf8')).toBe(earlier);
    const zh = runCli(['daily', log, '--date', '2998-01-01', '--tz', 'UTC', '--state', state, '-o', 'json', '--lang', 'zh']);
    expect(zh.stderr).toBe(`logscan: --state ${state}：未写入 2998-01-01 的摘要：该日尚未开始\n`);
    // Today has begun: its digest (partial) is written as always.
    const today = runCli(['daily', log, '--date', 'today', '--tz', 'UTC', '--state', state, '-o', 'json']);
    expect(today.stderr).toBe('');
    expect(readdirSync(state)).toHaveLength(2);
  });
});

describe('a day the logs do not reach, or reach only in part: the comparison', () => {
  // samples/ufw.log runs from 2026-11-20 06:51:08 to 2026-11-22 04:09:54 (UTC); --year: its stamps have none.
  const sample = join(repoRoot, 'samples/ufw.log');
  const cli = (file: string, date: string, format: string, lang = 'en'): string => {
    const r = runCliShared(['daily', file, '--date', date, '--tz', 'UTC', '--year', '2026', '-o', format, '--lang', lang], { env: WIDE });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    return r.stdout;
  };
  /**
   * A day as the CLI prints it: one start-up per log, day and language (its JSON document:
   * the interpretations' meanings in it are in --lang), and each other format is what the
   * renderers make of that document, which is what the CLI prints (the first test here holds
   * it to that). A start-up is ~0.3 s of CPU; this section asked for some forty.
   */
  const run = (file: string, date: string, format: string, lang: 'en' | 'zh' = 'en'): string => {
    const json = cli(file, date, 'json', lang);
    if (format === 'json') return json;
    const doc = JSON.parse(json) as DailyDoc;
    if (format === 'html') return renderDailyHtml(doc, { tz: 'UTC', lang });
    if (format === 'markdown') return renderDailyMarkdown(doc, { tz: 'UTC', lang });
    return renderDailyText(doc, { tz: 'UTC', color: false, width: Number(WIDE.COLUMNS), lang });
  };
  const json = (file: string, date: string): DailyJson & { comparison: Comparison } => JSON.parse(run(file, date, 'json')) as DailyJson & { comparison: Comparison };
  const changeLine = (text: string): string => text.split('\n').find((l) => l.startsWith('Change: ') || l.startsWith('变化：'))!;
  /** The sample as a log cut off after its last record: it was last written then. */
  const cutSample = (): string => {
    const copy = join(tempDir(), 'ufw.log');
    writeFileSync(copy, readFileSync(sample));
    const t = Date.parse('2026-11-22T04:09:55Z') / 1000;
    utimesSync(copy, t, t);
    return copy;
  };

  it('the CLI prints what the renderers make of its JSON document, in every format and both languages (the tests below read the formats so)', () => {
    // A day partly covered after a whole one: the Change heading, the chart and the notes all have something to say.
    const cut = cutSample();
    for (const lang of ['en', 'zh'] as const) {
      for (const format of ['text', 'markdown', 'html'] as const) expect(cli(cut, '2026-11-22', format, lang), `${format} ${lang}`).toBe(run(cut, '2026-11-22', format, lang));
    }
  });

  it('a day after the logs end: no change figures, one line in every format and both languages says why; JSON notCompared, no delta', () => {
    const d = json(sample, '2026-11-23');
    expect(d.comparison).toMatchObject({ basis: 'logs', notCompared: 'ends-before', todayComplete: false, newSourceCount: 0, newPortCount: 0, newSources: [], newPorts: [] });
    // The day before's count is a fact; a change made of it would be the logs' end.
    expect(d.comparison.probes).toEqual({ today: 0, previous: 22, delta: null, ratio: null });
    expect(d.comparison.sources).toEqual({ today: 0, previous: 22, delta: null, ratio: null });
    expect(d.chart.previous).toBeNull();

    const text = run(sample, '2026-11-23', 'text');
    expect(changeLine(text)).toBe('Change: not compared with 2026-11-22: none of 2026-11-23 is in the logs (they end before it)');
    expect(text).not.toContain('→');
    expect(text).not.toContain('−100%');
    expect(changeLine(run(sample, '2026-11-23', 'text', 'zh'))).toBe('变化：未与 2026-11-22 对比：日志中没有 2026-11-23 的记录（日志在该日之前就已结束）');

    const md = run(sample, '2026-11-23', 'markdown');
    expect(md).toContain('### Change: not compared with 2026-11-22: none of 2026-11-23 is in the logs (they end before it)\n\n');
    expect(md).not.toMatch(/^- \*\*(probes|sources|ports):\*\*.*→/m);
    expect(run(sample, '2026-11-23', 'markdown', 'zh')).toContain('### 变化：未与 2026-11-22 对比：日志中没有 2026-11-23 的记录（日志在该日之前就已结束）\n');
  });

  it('a day before the logs start: the same, "they start after it", whatever the day before holds', () => {
    const d = json(sample, '2026-11-19');
    expect(d.comparison).toMatchObject({ basis: null, notCompared: 'starts-after', todayComplete: false });
    expect(changeLine(run(sample, '2026-11-19', 'text'))).toBe('Change: not compared with 2026-11-18: none of 2026-11-19 is in the logs (they start after it)');
    expect(changeLine(run(sample, '2026-11-19', 'text', 'zh'))).toBe('变化：未与 2026-11-18 对比：日志中没有 2026-11-19 的记录（日志在该日之后才开始）');
  });

  it('the page of a day not compared: no trend under the cards, no "new today", no empty chart, the reason in the header; the Change section names the day before once, en and zh', () => {
    for (const [lang, why, heading, under, trend, fresh] of [
      ['en', 'not compared with 2026-11-22: none of 2026-11-23 is in the logs (they end before it)', 'Change against 2026-11-22', 'Not compared: none of 2026-11-23 is in the logs (they end before it)', 'vs day before', 'new sources today'],
      ['zh', '未与 2026-11-22 对比：日志中没有 2026-11-23 的记录（日志在该日之前就已结束）', '与 2026-11-22 对比', '未作对比：日志中没有 2026-11-23 的记录（日志在该日之前就已结束）', '较前一天', '今天新出现'],
    ] as const) {
      const html = run(sample, '2026-11-23', 'html', lang);
      expect(html, lang).toContain(`<p class="sub">UTC · `);
      expect(html.match(/<p class="sub">[^<]*/)![0], lang).toContain(why);
      const section = `<section><h2>${heading}</h2>\n<p class="muted">${under}</p>\n</section>`;
      expect(html, lang).toContain(section);
      expect(html, lang).not.toContain(trend);
      expect(html, lang).not.toContain(fresh);
      expect(html, lang).not.toContain('→');
      // No records and no curve of the day before: no empty chart frame (the text has no sparkline then either).
      expect(html, lang).not.toContain('<svg class="chart"');
      expect(run(sample, '2026-11-22', 'html', lang), lang).toContain('<svg class="chart"');
      // The renderer given the document says the same (the page is the document's).
      const doc = JSON.parse(run(sample, '2026-11-23', 'json')) as DailyDoc;
      expect(renderDailyHtml(doc, { tz: 'UTC', lang })).toContain(section);
    }
  });

  it('the page of a day with no day before to compare with: the Change section names that day once, en and zh', () => {
    const doc = JSON.parse(run(sample, '2026-11-20', 'json')) as DailyDoc;
    expect(doc.comparison).toMatchObject({ basis: null, notCompared: null });
    for (const [lang, heading, under] of [
      ['en', 'Change against 2026-11-19', 'No data for that day: it is not in the logs (--state DIR keeps a digest per day)'],
      ['zh', '与 2026-11-19 对比', '没有该日的数据：日志中没有它（--state DIR 可按天保存摘要）'],
    ] as const) {
      const section = `<section><h2>${heading}</h2>\n<p class="muted">${under}</p>\n</section>`;
      expect(renderDailyHtml(doc, { tz: 'UTC', lang }), lang).toContain(section);
      expect(run(sample, '2026-11-20', 'html', lang), lang).toContain(section);
    }
  });

  it('the edge: a last record at 23:59:59 leaves the next day out, one at midnight puts it in; a first record at midnight after the day leaves the day out', () => {
    const dir = tempDir();
    const endsLate = write(dir, 'late.log', [isoLine(at('2026-11-21T08:00:00Z')), isoLine(at('2026-11-22T23:59:59Z'))]);
    expect(json(endsLate, '2026-11-23').comparison).toMatchObject({ notCompared: 'ends-before' });
    const atMidnight = write(dir, 'midnight.log', [isoLine(at('2026-11-21T08:00:00Z')), isoLine(at('2026-11-22T23:59:59Z')), isoLine(at('2026-11-23T00:00:00Z'))]);
    const inside = json(atMidnight, '2026-11-23');
    expect(inside.comparison).toMatchObject({ notCompared: null, todayComplete: true });
    expect(inside.comparison.probes).toMatchObject({ today: 1, previous: 1, delta: 0 });
    expect(json(write(dir, 'starts.log', [isoLine(at('2026-11-22T00:00:00Z'))]), '2026-11-21').comparison).toMatchObject({ notCompared: 'starts-after' });
  });

  it('a day the logs end during: the figures stay, the Change heading says the day is only partly covered and until when, en and zh, every format; the page says it at the top', () => {
    const cut = cutSample();
    const d = json(cut, '2026-11-22');
    expect(d.covered).toBe(false);
    expect(d.comparison).toMatchObject({ basis: 'logs', previousComplete: true, todayComplete: false, notCompared: null, newSourceCount: 16 });
    // The same facts as todayComplete: from the day's start (the logs began before it) to the last record.
    expect(d.comparison).toMatchObject({ previousCovered: null, todayCovered: { from: '2026-11-22T00:00:00.000Z', to: '2026-11-22T04:09:54.000Z' } });
    expect(d.comparison.probes).toMatchObject({ today: 22, previous: 151, delta: -129 });
    expect(changeLine(run(cut, '2026-11-22', 'text'))).toBe('Change: vs 2026-11-21, from the same logs; 2026-11-22 only partly covered: until 04:09');
    expect(run(cut, '2026-11-22', 'text')).toContain('  probes   151 → 22 (−85%)\n');
    expect(changeLine(run(cut, '2026-11-22', 'text', 'zh'))).toBe('变化：对比 2026-11-21，数据来自同一批日志；2026-11-22 只有部分时段有记录：至 04:09');
    expect(run(cut, '2026-11-22', 'markdown')).toContain('### Change: vs 2026-11-21, from the same logs; 2026-11-22 only partly covered: until 04:09\n\n- **probes:** 151 → 22 (−85%)\n');
    expect(run(cut, '2026-11-22', 'markdown', 'zh')).toContain('### 变化：对比 2026-11-21，数据来自同一批日志；2026-11-22 只有部分时段有记录：至 04:09\n');
    expect(run(cut, '2026-11-22', 'html')).toMatch(/<p class="sub">UTC · 24 hours · vs 2026-11-21, from the same logs; 2026-11-22 only partly covered: until 04:09<\/p>/);
    expect(run(cut, '2026-11-22', 'html', 'zh')).toContain('对比 2026-11-21，数据来自同一批日志；2026-11-22 只有部分时段有记录：至 04:09</p>');
    // The same log still written after the day (samples/ufw.log as checked out): the day is whole.
    const whole = json(sample, '2026-11-22');
    expect(whole.comparison).toMatchObject({ todayComplete: true, notCompared: null });
    expect(changeLine(run(sample, '2026-11-22', 'text'))).toBe('Change: vs 2026-11-21, from the same logs');
  });

  it('inside the logs: the day whole, the day before partly (it starts at 06:51), as before; a day partly covered after one partly covered: both said', () => {
    const d = json(sample, '2026-11-21');
    expect(d.comparison).toMatchObject({ previousComplete: false, todayComplete: true, notCompared: null });
    // From the first record read (the sample's first line, 06:25, is no firewall record) to the day's end.
    expect(d.comparison).toMatchObject({ previousCovered: { from: '2026-11-20T06:51:08.000Z', to: '2026-11-21T00:00:00.000Z' }, todayCovered: null });
    expect(changeLine(run(sample, '2026-11-21', 'text'))).toBe('Change: vs 2026-11-20, from the same logs (that day only partly covered: from 06:51)');
    expect(changeLine(run(sample, '2026-11-21', 'text', 'zh'))).toBe('变化：对比 2026-11-20，数据来自同一批日志（该日只有部分时段有记录：06:51 起）');
    expect(run(sample, '2026-11-21', 'markdown')).toContain('### Change: vs 2026-11-20, from the same logs (that day only partly covered: from 06:51)\n');
    expect(run(sample, '2026-11-21', 'markdown', 'zh')).toContain('### 变化：对比 2026-11-20，数据来自同一批日志（该日只有部分时段有记录：06:51 起）\n');
    expect(run(sample, '2026-11-21', 'html')).toContain('<p class="sub">UTC · 24 hours · vs 2026-11-20, from the same logs (that day only partly covered: from 06:51)</p>');
    expect(run(sample, '2026-11-21', 'html', 'zh')).toContain('对比 2026-11-20，数据来自同一批日志（该日只有部分时段有记录：06:51 起）</p>');
    // The first day: its hours before 06:51 missing, and no day before to compare with.
    expect(json(sample, '2026-11-20').comparison).toMatchObject({ basis: null, todayComplete: false, notCompared: null });
    expect(changeLine(run(sample, '2026-11-20', 'text'))).toBe('Change: no data for 2026-11-19 (not in the logs; --state DIR keeps a digest per day)');
    const dir = tempDir();
    const both = write(dir, 'kern.log', [isoLine(at('2026-11-20T12:00:00Z')), isoLine(at('2026-11-21T12:00:00Z'))], Date.parse('2026-11-21T12:00:05Z'));
    expect(json(both, '2026-11-21').comparison).toMatchObject({
      previousComplete: false,
      todayComplete: false,
      previousCovered: { from: '2026-11-20T12:00:00.000Z', to: '2026-11-21T00:00:00.000Z' },
      todayCovered: { from: '2026-11-21T00:00:00.000Z', to: '2026-11-21T12:00:00.000Z' },
    });
    expect(changeLine(run(both, '2026-11-21', 'text'))).toBe('Change: vs 2026-11-20, from the same logs (that day only partly covered: from 12:00); 2026-11-21 only partly covered too: until 12:00');
    expect(changeLine(run(both, '2026-11-21', 'text', 'zh'))).toBe('变化：对比 2026-11-20，数据来自同一批日志（该日只有部分时段有记录：12:00 起）；2026-11-21 也只有部分时段有记录：至 12:00');
  });

  it("the part covered is said in the run's zone: without --tz, this machine's (Etc/GMT+2 in the tests: 12:00 UTC is 10:00)", () => {
    const dir = tempDir();
    const both = write(dir, 'kern.log', [isoLine(at('2026-11-20T12:00:00Z')), isoLine(at('2026-11-21T12:00:00Z'))], Date.parse('2026-11-21T12:00:05Z'));
    const r = runCli(['daily', both, '--date', '2026-11-21', '-o', 'text'], { env: WIDE });
    expect(r.stderr).toBe('');
    expect(changeLine(r.stdout)).toBe('Change: vs 2026-11-20, from the same logs (that day only partly covered: from 10:00); 2026-11-21 only partly covered too: until 10:00');
    const d = JSON.parse(runCli(['daily', both, '--date', '2026-11-21', '-o', 'json']).stdout) as DailyJson & { comparison: Comparison };
    // The day in Etc/GMT+2 starts at 02:00 UTC; the JSON's instants stay UTC.
    expect(d.comparison).toMatchObject({ previousCovered: { from: '2026-11-20T12:00:00.000Z', to: '2026-11-21T02:00:00.000Z' }, todayCovered: { from: '2026-11-21T02:00:00.000Z', to: '2026-11-21T12:00:00.000Z' } });
  });

  it('--state: a digest of a day partly covered records its part; the next day compares with it and says it, as from the logs; a part with both ends in the day reads "06:51-17:40"', () => {
    const dir = tempDir();
    const state = join(dir, 'state');
    const run = (log: string, date: string, ...more: string[]) => runCli(['daily', log, '--date', date, '--tz', 'UTC', '--state', state, ...more], { env: WIDE });
    // The 20th from 12:00 on, and a little of the 21st.
    const first = write(dir, 'a.log', [isoLine(at('2026-11-20T12:00:00Z'), { src: '198.51.100.1' }), isoLine(at('2026-11-20T18:00:00Z'), { src: '198.51.100.2' }), isoLine(at('2026-11-21T00:30:00Z'))]);
    expect(run(first, '2026-11-20', '-o', 'json').stderr).toBe('');
    const stored = JSON.parse(readFileSync(join(state, '2026-11-20.json'), 'utf8')) as { logscanDailyDigest: number; complete: boolean; covered: unknown };
    expect(stored).toMatchObject({ logscanDailyDigest: 8, complete: false, covered: { from: '2026-11-20T12:00:00.000Z', to: '2026-11-21T00:00:00.000Z' } });
    // A log of the 21st alone, 06:51 to 17:40, last written then.
    const second = write(dir, 'b.log', [isoLine(at('2026-11-21T06:51:00Z')), isoLine(at('2026-11-21T17:40:30Z'), { src: '198.51.100.2' })], Date.parse('2026-11-21T17:40:31Z'));
    const r = run(second, '2026-11-21', '-o', 'json');
    expect(r.stderr).toBe('');
    const d = JSON.parse(r.stdout) as DailyJson & { comparison: Comparison };
    expect(d.comparison).toMatchObject({
      basis: 'state',
      previousComplete: false,
      todayComplete: false,
      previousCovered: { from: '2026-11-20T12:00:00.000Z', to: '2026-11-21T00:00:00.000Z' },
      todayCovered: { from: '2026-11-21T06:51:00.000Z', to: '2026-11-21T17:40:30.000Z' },
    });
    expect(changeLine(run(second, '2026-11-21', '-o', 'text').stdout)).toBe('Change: vs 2026-11-20, from the --state digest (that day only partly covered: from 12:00); 2026-11-21 only partly covered too: 06:51-17:40');
    expect(changeLine(run(second, '2026-11-21', '-o', 'text', '--lang', 'zh').stdout)).toBe('变化：对比 2026-11-20，数据来自 --state 摘要（该日只有部分时段有记录：12:00 起）；2026-11-21 也只有部分时段有记录：06:51 至 17:40');
    expect(run(second, '2026-11-21', '-o', 'markdown').stdout).toContain('### Change: vs 2026-11-20, from the --state digest (that day only partly covered: from 12:00); 2026-11-21 only partly covered too: 06:51-17:40\n');
    expect(run(second, '2026-11-21', '-o', 'html', '--lang', 'zh').stdout).toContain('对比 2026-11-20，数据来自 --state 摘要（该日只有部分时段有记录：12:00 起）；2026-11-21 也只有部分时段有记录：06:51 至 17:40</p>');
    expect(JSON.parse(readFileSync(join(state, '2026-11-21.json'), 'utf8'))).toMatchObject({ complete: false, covered: { from: '2026-11-21T06:51:00.000Z', to: '2026-11-21T17:40:30.000Z' } });
  });

  it('--state: of two partial digests of a day the one covering more stays, said on stderr, en and zh; one covering more replaces it, silently; an equal one too', () => {
    const dir = tempDir();
    const state = join(dir, 'state');
    const file = join(state, '2026-11-21.json');
    const at21 = (log: string, ...more: string[]) => runCli(['daily', log, '--date', '2026-11-21', '--tz', 'UTC', '--state', state, '-o', 'json', ...more]);
    const log = (name: string, from: string, to: string): string => write(dir, name, [isoLine(at(from)), isoLine(at(to), { src: '198.51.100.9' })], Date.parse(to) + 1000);
    expect(at21(log('mid.log', '2026-11-21T06:51:00Z', '2026-11-21T17:40:00Z')).stderr).toBe('');
    const mid = readFileSync(file, 'utf8');
    expect(JSON.parse(mid)).toMatchObject({ complete: false, covered: { from: '2026-11-21T06:51:00.000Z', to: '2026-11-21T17:40:00.000Z' } });
    // Less of the day (its morning rotation gone): the stored one stays.
    const afternoon = log('pm.log', '2026-11-21T12:00:00Z', '2026-11-21T17:40:00Z');
    const r = at21(afternoon);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`logscan: ${file}: the digest of 2026-11-21 is kept: it covers 06:51-17:40 of that day, this run only 12:00-17:40, and would have replaced it with one that covers less\n`);
    expect(readFileSync(file, 'utf8')).toBe(mid);
    expect(at21(afternoon, '--lang', 'zh').stderr).toBe(`logscan: ${file}：保留 2026-11-21 的摘要：它覆盖该日 06:51-17:40，本次运行只读到 12:00-17:40，不用覆盖更少的摘要替换它\n`);
    expect(readFileSync(file, 'utf8')).toBe(mid);
    // The same span again: the newer run's is written (its "written" time tells it).
    expect(at21(log('same2.log', '2026-11-21T06:51:00Z', '2026-11-21T17:40:00Z')).stderr).toBe('');
    expect(readFileSync(file, 'utf8')).not.toBe(mid);
    // More of the day: replaces it, and is kept in its turn against the shorter one.
    expect(at21(log('long.log', '2026-11-21T00:10:00Z', '2026-11-21T17:40:00Z')).stderr).toBe('');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ covered: { from: '2026-11-21T00:10:00.000Z', to: '2026-11-21T17:40:00.000Z' } });
    expect(at21(afternoon).stderr).toBe(`logscan: ${file}: the digest of 2026-11-21 is kept: it covers 00:10-17:40 of that day, this run only 12:00-17:40, and would have replaced it with one that covers less\n`);
  });

  it('--state: a day the logs do not reach gets no digest (nor replaces the one written while they held it); the day before still gets its own; a day partly covered gets an incomplete one', () => {
    const state = join(tempDir(), 'state');
    runCli(['daily', sample, '--date', '2026-11-22', '--tz', 'UTC', '--year', '2026', '--state', state, '-o', 'json']);
    const kept = readFileSync(join(state, '2026-11-22.json'), 'utf8');
    expect(JSON.parse(kept)).toMatchObject({ date: '2026-11-22', complete: true });
    rmSync(join(state, '2026-11-21.json'));
    // The 23rd: none of it in the logs. Its neighbour's digest stays as it was.
    const r = runCli(['daily', sample, '--date', '2026-11-23', '--tz', 'UTC', '--year', '2026', '--state', state, '-o', 'json']);
    expect(r.code).toBe(0);
    // A cron job writing the page elsewhere learns it from stderr, in one line.
    expect(r.stderr).toBe(`logscan: --state ${state}: no digest of 2026-11-23 written: none of that day is in the logs (they end before it)\n`);
    expect(readdirSync(state).sort()).toEqual(['2026-11-22.json']);
    expect(readFileSync(join(state, '2026-11-22.json'), 'utf8')).toBe(kept);
    // The 19th: not written; the 20th, partly in the logs, is not the day before's to write either.
    const zh = runCli(['daily', sample, '--date', '2026-11-19', '--tz', 'UTC', '--year', '2026', '--state', state, '-o', 'json', '--lang', 'zh']);
    expect(zh.stderr).toBe(`logscan: --state ${state}：未写入 2026-11-19 的摘要：日志中没有该日的记录（日志在该日之后才开始）\n`);
    expect(readdirSync(state).sort()).toEqual(['2026-11-22.json']);
    // Without --state nothing is said: the page says the day is not compared.
    expect(runCli(['daily', sample, '--date', '2026-11-23', '--tz', 'UTC', '--year', '2026', '-o', 'json']).stderr).toBe('');
    // A day partly covered is written, as not complete.
    runCli(['daily', sample, '--date', '2026-11-20', '--tz', 'UTC', '--year', '2026', '--state', state, '-o', 'json']);
    expect(JSON.parse(readFileSync(join(state, '2026-11-20.json'), 'utf8'))).toMatchObject({ complete: false });
  });

  it('--state: a complete digest of a past day is not replaced by a later run that holds only part of it; said on stderr, en and zh; other settings replace it, and a complete run replaces an incomplete one', () => {
    const state = join(tempDir(), 'state');
    const file = join(state, '2026-11-22.json');
    const at22 = (log: string, ...more: string[]) => runCli(['daily', log, '--date', '2026-11-22', '--tz', 'UTC', '--year', '2026', '--state', state, '-o', 'json', ...more]);
    expect(at22(sample).stderr).toBe('');
    const whole = readFileSync(file, 'utf8');
    expect(JSON.parse(whole)).toMatchObject({ complete: true, totals: { probes: 22 } });
    // The same log, but last written at its last record: the 22nd is only partly in it now.
    const cut = cutSample();
    const r = at22(cut);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`logscan: ${file}: the complete digest of 2026-11-22 is kept: this run holds only part of that day, and would have replaced it with one that is not complete\n`);
    expect((JSON.parse(r.stdout) as DailyJson & { comparison: Comparison }).comparison.todayComplete).toBe(false);
    expect(readFileSync(file, 'utf8')).toBe(whole);
    expect(at22(cut, '--lang', 'zh').stderr).toBe(`logscan: ${file}：保留 2026-11-22 的完整摘要：本次运行只读到该日的一部分，不用不完整的摘要替换它\n`);
    expect(readFileSync(file, 'utf8')).toBe(whole);
    // Other thresholds: the stored digest is not one the next run (with them) would trust as it is; replaced, silently.
    expect(at22(cut, '--scan-ports', '8').stderr).toBe('');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ complete: false });
    // An incomplete stored digest gives way to a complete one.
    expect(at22(sample).stderr).toBe('');
    expect(readFileSync(file, 'utf8')).not.toBe(whole);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ complete: true, totals: { probes: 22 } });
  });

  it('logging that stopped before the day (no file can hold it) against a --state digest of the day before: not compared either', () => {
    const dir = tempDir();
    const state = join(dir, 'state');
    const day1: string[] = [];
    for (let i = 0; i < 10; i++) day1.push(isoLine(at(`2026-11-20T1${i}:00:00Z`), { src: `198.51.100.${i}` }));
    const old = write(dir, 'old.log', [isoLine(at('2026-11-19T23:00:00Z')), ...day1, isoLine(at('2026-11-21T00:30:00Z'))]);
    runCli(['daily', old, '--date', '2026-11-20', '--tz', 'UTC', '--state', state, '-o', 'json']);
    expect(JSON.parse(readFileSync(join(state, '2026-11-20.json'), 'utf8'))).toMatchObject({ complete: true });
    const logs = join(dir, 'logs');
    mkdirSync(logs);
    write(logs, 'kern.log', [isoLine(at('2026-11-17T10:00:00Z'))], Date.parse('2026-11-17T10:00:00Z'));
    const r = runCli(['daily', '--log-dir', logs, '--date', '2026-11-21', '--tz', 'UTC', '--state', state, '-o', 'json']);
    expect(r.code).toBe(0);
    const d = JSON.parse(r.stdout) as DailyJson & { comparison: Comparison };
    expect(d.comparison).toMatchObject({ basis: 'state', notCompared: 'ends-before' });
    expect(d.comparison.probes).toEqual({ today: 0, previous: 10, delta: null, ratio: null });
    expect(readdirSync(state)).toEqual(['2026-11-20.json']);
  });
});

describe('discovery (--log-dir)', () => {
  it('reads rotated and gzipped files that can hold the days, and skips ufw.log when kern.log has its lines', () => {
    const dir = tempDir();
    const ufwLines = (d: string): string[] => [isoLine(at(`${d}T10:00:00Z`), { src: '203.0.113.7', dpt: 23 }), isoLine(at(`${d}T11:00:00Z`), { src: '203.0.113.8', dpt: 445 })];
    write(dir, 'kern.log.3.gz', ufwLines('2026-11-18'), Date.parse('2026-11-19T06:25:00Z'));
    write(dir, 'kern.log.2.gz', ufwLines('2026-11-20'), Date.parse('2026-11-21T06:25:00Z'));
    write(dir, 'kern.log.1', ufwLines('2026-11-21'), Date.parse('2026-11-22T06:25:00Z'));
    write(dir, 'kern.log', ufwLines('2026-11-22'), Date.parse('2026-11-22T12:00:00Z'));
    write(dir, 'ufw.log', [...ufwLines('2026-11-21'), ...ufwLines('2026-11-22')], Date.parse('2026-11-22T12:00:00Z'));
    const d = daily(['--log-dir', dir, '--date', '2026-11-21', '--tz', 'UTC']);
    expect(d.report.inputs.map((i) => i.file.slice(dir.length + 1))).toEqual(['kern.log.2.gz', 'kern.log.1']);
    expect(d.headline.packets).toBe(2);
    expect(d.comparison).toMatchObject({ basis: 'logs', previousComplete: true });
    const skipped = Object.fromEntries(d.skippedFiles.map((s) => [s.path.slice(dir.length + 1), s.reason]));
    expect(skipped['kern.log.3.gz']).toMatch(/before the day starts/);
    expect(skipped['kern.log']).toMatch(/only later lines/);
    expect(skipped['ufw.log']).toMatch(/already in kern\.log/);
  });

  it("reads ufw.log for what kern.log's unreadable rotation held, and only that, and says so (en, zh)", () => {
    const dir = tempDir();
    const ufwLines = (d: string): string[] => [isoLine(at(`${d}T10:00:00Z`), { src: '203.0.113.7', dpt: 23 }), isoLine(at(`${d}T11:00:00Z`), { src: '203.0.113.8', dpt: 445 })];
    write(dir, 'kern.log.2.gz', ufwLines('2026-11-20'), Date.parse('2026-11-21T06:25:00Z'));
    // The day's rotation is broken (as unreadable as chmod 000 is to anyone but root): nothing of it is read.
    writeFileSync(join(dir, 'kern.log.1.gz'), gzipSync(ufwLines('2026-11-21').join('\n') + '\n').subarray(0, 12));
    utimesSync(join(dir, 'kern.log.1.gz'), Date.parse('2026-11-22T06:25:00Z') / 1000, Date.parse('2026-11-22T06:25:00Z') / 1000);
    write(dir, 'kern.log', ufwLines('2026-11-22'), Date.parse('2026-11-22T12:00:00Z'));
    // ufw.log.1 carries the day before's records too, which kern.log.2.gz gave already: not counted twice.
    write(dir, 'ufw.log.1', [...ufwLines('2026-11-20'), ...ufwLines('2026-11-21')], Date.parse('2026-11-22T06:25:00Z'));
    write(dir, 'ufw.log', ufwLines('2026-11-22'), Date.parse('2026-11-22T12:00:00Z'));
    const run = (lang: string) => runCli(['daily', '--log-dir', dir, '--date', '2026-11-21', '--tz', 'UTC', '-o', 'json', '--lang', lang]);
    const r = run('en');
    expect(r.stderr).toContain(`logscan: ${join(dir, 'kern.log.1.gz')} could not be read in full: the records it lost are read from ufw.log instead, which carries the same lines (otherwise skipped as a duplicate)\n`);
    const d = JSON.parse(r.stdout) as DailyJson & { comparison: Comparison };
    expect(d.headline.packets).toBe(2);
    expect(d.comparison.probes).toMatchObject({ today: 2, previous: 2 });
    expect(d.report.inputs.map((i) => i.file.slice(dir.length + 1))).toEqual(['kern.log.2.gz', 'kern.log.1.gz', 'kern.log', 'ufw.log.1']);
    expect(d.skippedFiles.map((s) => s.path.slice(dir.length + 1))).not.toContain('ufw.log.1');
    expect(run('zh').stderr).toContain(`logscan: ${join(dir, 'kern.log.1.gz')} 未能完整读取：它缺失的记录改从 ufw.log 读取（其中记录着相同的行，否则会作为重复跳过）\n`);
  });

  it('a day whose unreadable rotation a duplicate family restored is covered, the input still listed (exit 3), and the page says where its records came from (en, zh, every format)', () => {
    const dir = tempDir();
    const ufwLines = (d: string): string[] => [isoLine(at(`${d}T10:00:00Z`), { src: '203.0.113.7', dpt: 23 }), isoLine(at(`${d}T11:00:00Z`), { src: '203.0.113.8', dpt: 445 })];
    const mtime = (name: string, iso: string): void => utimesSync(join(dir, name), Date.parse(iso) / 1000, Date.parse(iso) / 1000);
    write(dir, 'kern.log.2.gz', ufwLines('2026-11-20'), Date.parse('2026-11-21T06:25:00Z'));
    writeFileSync(join(dir, 'kern.log.1.gz'), gzipSync(ufwLines('2026-11-21').join('\n') + '\n').subarray(0, 12));
    mtime('kern.log.1.gz', '2026-11-22T06:25:00Z');
    write(dir, 'kern.log', ufwLines('2026-11-22'), Date.parse('2026-11-22T12:00:00Z'));
    write(dir, 'ufw.log.1', [...ufwLines('2026-11-20'), ...ufwLines('2026-11-21')], Date.parse('2026-11-22T06:25:00Z'));
    write(dir, 'ufw.log', ufwLines('2026-11-22'), Date.parse('2026-11-22T12:00:00Z'));
    const run = (...more: string[]) => runCli(['daily', '--log-dir', dir, '--date', '2026-11-21', '--tz', 'UTC', ...more], { env: WIDE });
    // One run per language: its document, and each format rendered from it (dailyAs).
    const args = ['daily', '--log-dir', dir, '--date', '2026-11-21', '--tz', 'UTC'];
    const r = runCliShared([...args, '-o', 'json']);
    expect(r.code).toBe(3);
    type Doc = DailyJson & { fallbacks: unknown[]; incompleteInputs: { file: string; inDay: boolean }[] };
    const d = JSON.parse(r.stdout) as Doc;
    expect(d.covered).toBe(true);
    expect(d.comparison).toMatchObject({ todayComplete: true });
    expect(d.incompleteInputs).toEqual([expect.objectContaining({ file: join(dir, 'kern.log.1.gz'), nothingRead: true, inDay: true })]);
    expect(d.fallbacks).toEqual([{ unread: [join(dir, 'kern.log.1.gz')], family: 'ufw.log', read: [join(dir, 'ufw.log.1')], restored: true }]);
    const en = 'kern.log.1.gz could not be read; its records were taken from ufw.log.1, which carries the same';
    const zh = 'kern.log.1.gz 未能读取；其记录取自 ufw.log.1，后者记录着相同的行';
    for (const [lang, note] of [['en', en], ['zh', zh]] as const) {
      for (const fmt of ['text', 'markdown', 'html'] as const) {
        const out = dailyAs([...args, ...(lang === 'zh' ? ['--lang', 'zh'] : [])], fmt, { width: 1000 });
        expect(out, `${lang} ${fmt}`).toContain(note);
        // Not a hole: neither the note on unread inputs nor "only partly covered" for the day.
        expect(out, `${lang} ${fmt}`).not.toMatch(/the day may be incomplete|这一天的数字可能不完整|2026-11-21 only partly covered|2026-11-21 也?只有部分时段/);
      }
    }

    // The duplicate broken too: what it gave is said, and the day stays incomplete.
    rmSync(join(dir, 'ufw.log.1'));
    const both = [...ufwLines('2026-11-20'), ...ufwLines('2026-11-21')].join('\n') + '\n';
    writeFileSync(join(dir, 'ufw.log.1.gz'), gzipSync(both).subarray(0, gzipSync(both).length - 30));
    mtime('ufw.log.1.gz', '2026-11-22T06:25:00Z');
    const cut = JSON.parse(run('-o', 'json').stdout) as Doc;
    expect(cut.covered).toBe(false);
    // Where ufw.log.1.gz broke off is not known: ufw.log is read too.
    expect(cut.fallbacks).toEqual([expect.objectContaining({ read: [join(dir, 'ufw.log.1.gz'), join(dir, 'ufw.log')], restored: false })]);
    const md = run('-o', 'markdown').stdout;
    expect(md).toMatch(/^> 2 inputs were not read, the day may be incomplete: .*kern\.log\.1\.gz: .*ufw\.log\.1\.gz: /m);
    expect(md).toContain('> kern.log.1.gz could not be read; its records were looked for in ufw.log.1.gz, ufw.log, which carry the same, but they could not be read in full either\n');
  });

  it('the footer names the files read, then each file skipped with its own reason (grouped), in every format', () => {
    const dir = tempDir();
    const lines = (d: string): string[] => [isoLine(at(`${d}T10:00:00Z`), { src: '203.0.113.7', dpt: 23 })];
    write(dir, 'kern.log.4', [], Date.parse('2026-11-18T06:25:00Z'));
    writeFileSync(join(dir, 'kern.log.4'), '');
    write(dir, 'kern.log.3.gz', lines('2026-11-18'), Date.parse('2026-11-19T06:25:00Z'));
    write(dir, 'kern.log.2.gz', lines('2026-11-20'), Date.parse('2026-11-21T06:25:00Z'));
    write(dir, 'kern.log.1', lines('2026-11-21'), Date.parse('2026-11-22T06:25:00Z'));
    write(dir, 'kern.log', lines('2026-11-22'), Date.parse('2026-11-22T12:00:00Z'));
    write(dir, 'messages.1', lines('2026-11-20'), Date.parse('2026-11-21T06:25:00Z'));
    write(dir, 'messages', lines('2026-11-21'), Date.parse('2026-11-22T06:25:00Z'));
    const args = ['daily', '--log-dir', dir, '--date', '2026-11-21', '--tz', 'UTC'];
    const f = (name: string): string => join(dir, name);
    const footer =
      `2 files read: ${f('kern.log.2.gz')}, ${f('kern.log.1')} · 5 skipped: ` +
      `${f('kern.log')} — holds only later lines (kern.log.1 was last written 2026-11-22 06:25Z); ` +
      `${f('kern.log.3.gz')} — last written 2026-11-19 06:25Z, before the day starts; ` +
      `${f('kern.log.4')} — empty; ` +
      `${f('messages.1')}, ${f('messages')} — its kernel lines are already in kern.log`;
    // One run per language: its document, and each format rendered from it (dailyAs).
    expect(dailyAs(args, 'text', { width: 1000 }).trimEnd().split('\n').at(-1)).toBe(footer);
    const md = (s: string): string => s.replace(/[\\`*_[\]<>|#~]/g, '\\$&');
    expect(dailyAs(args, 'markdown')).toContain(`<sub>${footer.replaceAll(dir, md(dir))}</sub>`);
    expect(dailyAs(args, 'html')).toContain(footer);
    const d = dailyShared(args.slice(1));
    expect(d.report.inputs.map((i) => i.file)).toEqual([f('kern.log.2.gz'), f('kern.log.1')]);
    expect(d.skippedFiles).toEqual([
      { path: f('kern.log'), reason: 'holds only later lines (kern.log.1 was last written 2026-11-22 06:25Z)', why: { kind: 'later-lines', older: 'kern.log.1', olderWritten: '2026-11-22 06:25Z' } },
      { path: f('kern.log.3.gz'), reason: 'last written 2026-11-19 06:25Z, before the day starts', why: { kind: 'before-day', lastWritten: '2026-11-19 06:25Z' } },
      { path: f('kern.log.4'), reason: 'empty', why: { kind: 'empty' } },
      { path: f('messages.1'), reason: 'its kernel lines are already in kern.log', why: { kind: 'duplicate', lines: 'kernel', earlier: 'kern.log' } },
      { path: f('messages'), reason: 'its kernel lines are already in kern.log', why: { kind: 'duplicate', lines: 'kernel', earlier: 'kern.log' } },
    ]);
    // Under --lang zh the footer words every reason in Chinese; `why` stays the same.
    const zhFooter = dailyAs([...args, '--lang', 'zh'], 'text', { width: 1000 }).trimEnd().split('\n').at(-1)!;
    expect(zhFooter).toBe(
      `读取了 2 个文件：${f('kern.log.2.gz')}, ${f('kern.log.1')} · 跳过 5 个：` +
        `${f('kern.log')}（只含更晚的记录：kern.log.1 最后写入于 2026-11-22 06:25Z）；` +
        `${f('kern.log.3.gz')}（最后写入于 2026-11-19 06:25Z，早于当天开始）；` +
        `${f('kern.log.4')}（空文件）；` +
        `${f('messages.1')}, ${f('messages')}（其中的内核记录在 kern.log 中已有）`,
    );
    const zh = dailyShared([...args.slice(1), '--lang', 'zh']);
    expect(zh.skippedFiles.map((s) => s.why)).toEqual(d.skippedFiles.map((s) => s.why));
  });

  it('a rotation missing from the numbering where the day could be: a note, the footer names it, and no complete digest', () => {
    const dir = tempDir();
    const state = tempDir();
    // Rotated daily at 06:25; kern.log.2.gz (11-20 06:25 .. 11-21 06:25) was deleted. The files
    // read still reach from 11-19 to 11-22, so only the numbering shows the hole.
    const lines = (from: string, to: string): string[] => {
      const out: string[] = [];
      for (let t = Date.parse(from); t < Date.parse(to); t += 3_600_000) out.push(isoLine(new Date(t), { src: `203.0.113.${new Date(t).getUTCHours() + 1}`, dpt: 23 }));
      return out;
    };
    write(dir, 'kern.log.3.gz', lines('2026-11-19T06:25:00Z', '2026-11-20T06:25:00Z'), Date.parse('2026-11-21T06:25:00Z'));
    write(dir, 'kern.log.1', lines('2026-11-21T06:25:00Z', '2026-11-22T06:25:00Z'), Date.parse('2026-11-22T06:25:00Z'));
    write(dir, 'kern.log', lines('2026-11-22T06:25:00Z', '2026-11-22T12:00:00Z'), Date.parse('2026-11-23T01:00:00Z'));
    const args = ['daily', '--log-dir', dir, '--date', '2026-11-21', '--tz', 'UTC', '--state', state];
    const d = daily(args.slice(1));
    expect(d.covered).toBe(false);
    expect(d.comparison.previousComplete).toBe(false);
    expect(d.missingFiles).toEqual([{ path: join(dir, 'kern.log.2'), newer: 'kern.log.1', older: 'kern.log.3.gz', inDay: true }]);
    const digest = JSON.parse(readFileSync(join(state, '2026-11-21.json'), 'utf8')) as { complete: boolean };
    expect(digest.complete).toBe(false);
    const note = "kern.log.2 is missing from the log's rotations (deleted, or a rotation failed): the day's records in it are not counted";
    const footer = `missing: ${join(dir, 'kern.log.2')} (between kern.log.1 and kern.log.3.gz)`;
    for (const format of ['text', 'markdown', 'html']) {
      const out = runCli([...args, '-o', format], { env: WIDE }).stdout;
      expect(out, format).toContain(format === 'html' ? note.replaceAll("'", '&#39;') : note);
      expect(out, format).toContain(format === 'markdown' ? footer.replaceAll('_', '\\_') : footer);
    }
    expect(runCli([...args, '-o', 'text', '--lang', 'zh'], { env: WIDE }).stdout).toContain(`缺少：${join(dir, 'kern.log.2')}（位于 kern.log.1 与 kern.log.3.gz 之间）`);
    // The day after lies wholly in kern.log.1 and kern.log: covered, and the hole is the day before's.
    const next = daily(['--log-dir', dir, '--date', '2026-11-22', '--tz', 'UTC']);
    expect(next.covered).toBe(true);
    expect(next.comparison.previousComplete).toBe(false);
    expect(next.missingFiles).toEqual([{ path: join(dir, 'kern.log.2'), newer: 'kern.log.1', older: 'kern.log.3.gz', inDay: false }]);
  });

  it('logs that stopped before the day: a note says no file can hold it, and the footer lists them, in every format', () => {
    const dir = tempDir();
    write(dir, 'kern.log', [isoLine(at('2026-11-17T10:00:00Z'), { src: '203.0.113.7', dpt: 23 })], Date.parse('2026-11-17T10:00:00Z'));
    const args = ['daily', '--log-dir', dir, '--date', '2026-11-21', '--tz', 'UTC'];
    const note = 'no log file can hold the day: the newest was last written 2026-11-17 10:00Z, before it starts (has logging stopped?)';
    const footer = `0 files read: - · 1 skipped: ${join(dir, 'kern.log')} — last written 2026-11-17 10:00Z, before the day starts`;
    // One run: each format rendered from its document (dailyAs).
    for (const format of ['text', 'markdown', 'html'] as const) {
      const out = dailyAs(args, format, { width: 1000 });
      expect(out, format).toContain(note);
      expect(out, format).toContain(format === 'markdown' ? footer.replaceAll('_', '\\_') : footer);
    }
  });

  it('finds Windows Firewall logs in --log-dir on any platform: pfirewall.log with its .old, and the per-profile names Group Policy sets', () => {
    const dir = tempDir();
    const header = ['#Version: 1.5', '#Software: Microsoft Windows Firewall', '#Time Format: Local', '#Fields: date time action protocol src-ip dst-ip src-port dst-port size tcpflags tcpsyn tcpack tcpwin icmptype icmpcode info path', ''];
    const win = (stamps: string[], src: string): string[] => [...header, ...stamps.map((t) => `${t} DROP TCP ${src} 192.168.1.35 40000 445 52 S 1 0 1024 - - - RECEIVE`)];
    write(dir, 'pfirewall.log.old', win(['2026-03-09 10:00:00', '2026-03-10 09:00:00'], '198.51.100.7'), Date.parse('2026-03-10T09:30:00Z'));
    write(dir, 'pfirewall.log', win(['2026-03-10 12:00:00', '2026-03-10 13:00:00'], '198.51.100.8'), Date.parse('2026-03-10T13:30:00Z'));
    write(dir, 'publicfw.log', win(['2026-03-10 14:00:00'], '198.51.100.9'), Date.parse('2026-03-10T14:30:00Z'));
    const d = daily(['--log-dir', dir, '--date', '2026-03-10', '--tz', 'UTC']);
    expect(d.report.inputs.map((i) => i.file.slice(dir.length + 1))).toEqual(['pfirewall.log.old', 'pfirewall.log', 'publicfw.log']);
    expect(d.headline.packets).toBe(4);
    expect(d.comparison.packets.previous).toBe(1);
    // None of them there: the message lists the Windows names with the others.
    const empty = runCli(['daily', '--log-dir', tempDir(), '--date', '2026-03-10']);
    expect(empty.stderr).toMatch(/looked for kern\.log\*, messages\*, ufw\.log\*, firewalld\*, filter\.log\*, filter\/filter_\*\.log, pfirewall\.log\*, domainfw\.log\*, privatefw\.log\*, publicfw\.log\*\)/);
  });

  it('no logs at all is exit 3 with a sentence; --log-dir with FILEs is a usage error', () => {
    const dir = tempDir();
    const r = runCli(['daily', '--log-dir', dir, '--date', '2026-11-21']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/no firewall logs found \(looked for kern\.log\*/);
    // --state DIR is made for a digest to save, not by a run that found nothing to digest.
    const state = join(dir, 'state', 'sub');
    const noState = runCli(['daily', '--log-dir', dir, '--date', '2026-11-21', '--state', state]);
    expect(noState.code).toBe(3);
    expect(existsSync(join(dir, 'state'))).toBe(false);
    // A directory that is not there, or is a file, is said as such.
    const missing = runCli(['daily', '--log-dir', join(dir, 'nope'), '--date', '2026-11-21']);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toBe(`logscan: ${join(dir, 'nope')}: cannot look for logs there: no such directory; give the log files as arguments\n`);
    writeFileSync(join(dir, 'a-file'), '');
    expect(runCli(['daily', '--log-dir', join(dir, 'a-file'), '--date', '2026-11-21']).stderr).toMatch(/a-file: cannot look for logs there: not a directory;/);
    expect(runCli(['daily', 'x.log', '--log-dir', dir]).code).toBe(2);
    expect(runCli(['daily', 'x.log', '--date', '2026-02-30']).stderr).toMatch(/--date: expected YYYY-MM-DD/);
  });

  it('a log directory with a systemd journal and no log files (Debian 12 without rsyslog) says how to feed it the journal', () => {
    const dir = tempDir();
    const r = runCli(['daily', '--log-dir', dir, '--date', '2026-11-21']);
    expect(r.stderr).not.toMatch(/journalctl/);
    mkdirSync(join(dir, 'journal'));
    const j = runCli(['daily', '--log-dir', dir, '--date', '2026-11-21']);
    expect(j.code).toBe(3);
    expect(j.stderr).toBe(
      `logscan: ${dir}: no firewall logs found (looked for kern.log*, messages*, ufw.log*, firewalld*, filter.log*, filter/filter_*.log, pfirewall.log*, domainfw.log*, privatefw.log*, publicfw.log*); ` +
        `this system keeps its logs in the journal (${join(dir, 'journal')}): journalctl _TRANSPORT=kernel -o short-iso --since "3 days ago" | logscan daily -\n`,
    );
    const zh = runCli(['daily', '--log-dir', dir, '--date', '2026-11-21', '--lang', 'zh']);
    expect(zh.stderr).toContain(`（${join(dir, 'journal')}）：journalctl _TRANSPORT=kernel -o short-iso --since "3 days ago" | logscan daily -`);
  });
});

describe('--quiet-below (cron mails only news)', () => {
  it('prints nothing, exit 0, on a day no finding reaches the severity; the day that has one, and the --state digest, as ever', () => {
    const dir = tempDir();
    const state = join(dir, 'state');
    const log = write(dir, 'kern.log', [
      // 2026-11-20: a probe of Sub-7's port (a trojan probe, severity 3).
      isoLine(at('2026-11-20T10:00:00Z'), { src: '198.51.100.7', dpt: 27374 }),
      // 2026-11-21: three SSH knocks (severity 0).
      ...[1, 2, 3].map((m) => isoLine(at(`2026-11-21T10:0${m}:00Z`), { src: '198.51.100.8', dpt: 22 })),
      isoLine(at('2026-11-22T01:00:00Z'), { src: '198.51.100.8', dpt: 22 }),
    ]);
    const quiet = runCli(['daily', log, '--date', '2026-11-21', '--tz', 'UTC', '--quiet-below', 'medium', '--state', state]);
    expect([quiet.code, quiet.stdout, quiet.stderr]).toEqual([0, '', '']);
    expect(readdirSync(state)).toEqual(['2026-11-21.json']);
    // A page written to a file is written whatever the day: it must not go stale.
    const page = join(dir, 'day.md');
    expect(runCli(['daily', log, '--date', '2026-11-21', '--tz', 'UTC', '--quiet-below', 'medium', '--output', page]).code).toBe(0);
    expect(readFileSync(page, 'utf8')).toMatch(/^## logscan daily: 2026-11-21/);
    // Without the option, the same quiet day is a page.
    expect(runCli(['daily', log, '--date', '2026-11-21', '--tz', 'UTC', '-o', 'markdown']).stdout).toMatch(/^## logscan daily: 2026-11-21/);
    const news = runCli(['daily', log, '--date', '2026-11-20', '--tz', 'UTC', '--quiet-below', 'medium', '-o', 'markdown']);
    expect(news.code).toBe(0);
    expect(news.stdout).toMatch(/^## logscan daily: 2026-11-20[^]*198\.51\.100\.7/);
    // A number works as --fail-on's does, the finding's severity included (the trojan probe's 3); a bad one is a usage error.
    const at20 = (sev: string): string => runCli(['daily', log, '--date', '2026-11-20', '--tz', 'UTC', '--quiet-below', sev]).stdout;
    expect([at20('3') !== '', at20('4') !== '']).toEqual([true, false]);
    expect(runCli(['daily', log, '--date', '2026-11-21', '--tz', 'UTC', '--quiet-below', 'loud']).code).toBe(2);
  });
});

describe('formats', () => {
  const hostile = '<script>alert(1)</script> | x | \u001b[31mred';
  // Written once for the section (no test changes it): runs of the same day and language
  // then share one start-up (dailyShared, dailyAs).
  let hostilePath: string | null = null;
  function hostileLog(): string {
    if (hostilePath !== null) return hostilePath;
    const dir = tempDir();
    return (hostilePath = write(dir, 'kern.log', [
      isoLine(at('2026-11-20T10:00:00Z'), { src: '198.51.100.1' }),
      isoLine(at('2026-11-21T10:00:00Z'), { src: '203.0.113.1', dpt: 27374 }),
      isoLine(at('2026-11-21T11:00:00Z'), { src: '203.0.113.2', dpt: 80, prefix: hostile }),
    ]));
  }

  it('markdown (the default off a terminal) escapes log text: a | in a prefix does not split the table', () => {
    const r = runCli(['daily', hostileLog(), '--date', '2026-11-21', '--tz', 'UTC']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^## logscan daily: 2026-11-21 \(UTC\)/);
    const row = r.stdout.split('\n').find((l) => l.includes('alert'))!;
    expect(row).toContain('&lt;script&gt;');
    expect(row).not.toContain('<script>');
    // Three cells: prefix, packets and share; escaped pipes do not count.
    expect(row.replace(/\\\|/g, '').split('|').length - 2).toBe(3);
    expect(r.stdout).not.toContain('\u001b');
    expect(r.stdout).toContain('### Top sources');
    expect(r.stdout).toContain('### Notable interpretations');
  });

  it('markdown without a previous day: the "Change" heading says so and the page has no double blank line', () => {
    const r = runCli(['daily', hostileLog(), '--date', '2026-11-20', '--tz', 'UTC', '-o', 'markdown']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('### Change: no data for 2026-11-19');
    expect(r.stdout).not.toMatch(/\n\n\n/);
    // With a previous day the heading is followed by its list, after one blank line.
    const next = dailyAs(['daily', hostileLog(), '--date', '2026-11-21', '--tz', 'UTC'], 'markdown');
    expect(next).toMatch(/### Change: vs 2026-11-20[^\n]*\n\n- \*\*probes:\*\*/);
    expect(next).not.toMatch(/\n\n\n/);
  });
  it('html is one self-contained page: no scripts, no external references, escaped text', () => {
    const dir = tempDir();
    const out = join(dir, 'day.html');
    const r = runCli(['daily', hostileLog(), '--date', '2026-11-21', '--tz', 'UTC', '--output', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(readdirSync(dir)).toEqual(['day.html']); // written atomically: no temp file left
    const html = readFileSync(out, 'utf8');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<svg class="chart"');
    expect(html).toContain('@media print');
    // A URL, not a port's name before its count ("80/tcp HTTP: 1 packet").
    expect(html).not.toMatch(/https?:\/\/|src=|<script|<link|@import|url\(/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; | x | \\x1b[31mred');
    // English: no lang attribute beyond the page's own.
    expect(html.match(/ lang="/g)).toHaveLength(1);
  });

  it("html's ports table says what its shares are of, as the report's does", () => {
    const sample = new URL('../../samples/ufw.log', import.meta.url).pathname;
    const html = dailyAs(['daily', sample, '--date', '2026-11-20', '--tz', 'UTC', '--year', '2026'], 'html');
    const json = dailyShared([sample, '--date', '2026-11-20', '--tz', 'UTC', '--year', '2026']) as unknown as { report: { topPortsPackets: number } };
    // 452 with the SYN from source port 20 to 1080/tcp (an nmap --source-port 20 probe, no FTP data reply).
    expect(json.report.topPortsPackets).toBe(452);
    expect(html).toContain('<h2>Top probed ports (dropped or rejected: 452 packets with a port)</h2>');
  });

  it('html with --lang zh is a Chinese page, so browsers pick Chinese fonts and line breaks', () => {
    const r = runCli(['daily', hostileLog(), '--date', '2026-11-21', '--tz', 'UTC', '-o', 'html', '--lang', 'zh']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('<html lang="zh-Hans">');
    expect(r.stdout.match(/ lang="/g)).toHaveLength(1);
    const cells = r.stdout.match(/<td data-label="含义"[^>]*>[^<]*/g) ?? [];
    expect(cells.length).toBeGreaterThan(0);
    for (const c of cells) expect(c).toMatch(/[\u4e00-\u9fff]/u);
  });

  it('text uses termSafe; json is the document', () => {
    // The text as the CLI prints it from the JSON document (dailyAs): one run for both.
    const t = dailyAs(['daily', hostileLog(), '--date', '2026-11-21', '--tz', 'UTC'], 'text');
    expect(t).toMatch(/^logscan daily · 2026-11-21 \(UTC\)/);
    expect(t).not.toContain('\u001b');
    expect(t).toContain('\\x1b[31mred');
    const j = dailyShared([hostileLog(), '--date', '2026-11-21', '--tz', 'UTC']);
    expect(j.rules.map((r) => r.key)).toContain(hostile);
    expect(j.report.interpretations.map((i) => i.id)).toContain('trojan');
    expect(j.comparison.newSourceCount).toBe(2);
  });
});

describe('"logged as" of a Cisco ASA day', () => {
  const asa = join(repoRoot, 'test/fixtures/cisco-asa/messages.log');
  const run = (...more: string[]) => runCliShared(['daily', asa, '--year', '2026', '--date', '2026-11-20', '--tz', 'UTC', ...more]);

  it('says each message id by its name, "ASA message" once, labels said alike counted as one, in text, Markdown and HTML, English and Chinese; JSON keeps them as logged, with the name', () => {
    // ASA-4-106100 (1 packet) and ASA-6-106100 (12, a hit-cnt) name the one access list and message id.
    expect(run('-o', 'text').stdout).toMatch(/^logged as  ASA message 106100 access list entry matched \(outside_in\) 13 \(57%\) ·\n {11}106006 inbound UDP denied 1 \(4\.3%\) · /m);
    expect(run('-o', 'text', '--lang', 'zh').stdout).toMatch(/^记录为     ASA 消息 106100 访问控制列表条目命中（outside_in）13（57%） ·\n {11}106006 入站 UDP 被拒绝 1（4\.3%） ·/m);
    expect(run('-o', 'markdown').stdout).toContain(
      '| ASA message 106100 access list entry matched (outside\\_in) | 13 | 57% |\n| 106006 inbound UDP denied | 1 | 4.3% |\n| 106007 inbound UDP denied (DNS) | 1 | 4.3% |\n| 106023 denied by access list (outside\\_in) | 1 | 4.3% |',
    );
    expect(run('-o', 'markdown', '--lang', 'zh').stdout).toContain('| ASA 消息 106100 访问控制列表条目命中（outside\\_in） | 13 | 57% |');
    expect(run('-o', 'html').stdout).toContain('<th scope="row" data-label="logged as" class="wide">ASA message 106100 access list entry matched (outside_in)</th>');
    expect(run('-o', 'html', '--lang', 'zh').stdout).toContain('>106023 被访问控制列表拒绝（outside_in）</th>');
    const rules = (JSON.parse(run('-o', 'json').stdout) as DailyJson).rules;
    expect(rules).toContainEqual({ key: 'ASA-6-106100 access-list outside_in', packets: 12, format: 'cisco-asa', messageName: 'access list entry matched' });
    expect(rules).toContainEqual({ key: 'ASA-4-106100 access-list outside_in', packets: 1, format: 'cisco-asa', messageName: 'access list entry matched' });
  });

  it("says them so in a source's details on the page too, both languages; JSON names them beside the source's labels", () => {
    // 203.0.113.9's four labels: the two of 106100 are one, busiest first.
    expect(run('-o', 'html').stdout).toContain('<dt>logged as</dt><dd>ASA message 106100 access list entry matched (outside_in) 13 · 419002 duplicate TCP SYN 1 · 710003 access to the firewall denied 1</dd>');
    expect(run('-o', 'html', '--lang', 'zh').stdout).toContain('<dt>记录为</dt><dd>ASA 消息 106100 访问控制列表条目命中（outside_in）13 · 419002 重复的 TCP SYN 1 · 710003 访问防火墙被拒绝 1</dd>');
    const source = (JSON.parse(run('-o', 'json').stdout) as DailyJson).report.sources.find((r) => r.ip === '203.0.113.9')!;
    expect(Object.keys(source.rules)).toHaveLength(4);
    expect(source.messageNames).toEqual({
      'ASA-6-106100 access-list outside_in': 'access list entry matched',
      'ASA-4-106100 access-list outside_in': 'access list entry matched',
      'ASA-3-710003': 'access to the firewall denied',
      'ASA-4-419002': 'duplicate TCP SYN',
    });
  });
});

describe('daily --output FILE without -o', () => {
  it('writes text for an extension with no daily form of its own, whatever stdout is (it wrote markdown when run from cron)', () => {
    const dir = tempDir();
    const args = ['daily', join(repoRoot, 'samples/ufw.log'), '--date', '2026-11-20', '--tz', 'UTC', '--year', '2026'];
    // runCli's stdout is a pipe, as under cron: on stdout that means markdown, for mail.
    expect(runCli(args).stdout.startsWith('## logscan daily: 2026-11-20')).toBe(true);
    for (const name of ['day.log', 'day.csv', 'day', 'day.txt']) {
      const file = join(dir, name);
      expect(runCli([...args, '--output', file]).code, name).toBe(0);
      expect(readFileSync(file, 'utf8').startsWith('logscan daily · 2026-11-20 (UTC)\n'), name).toBe(true);
    }
    const md = join(dir, 'day.md');
    runCli([...args, '--output', md]);
    expect(readFileSync(md, 'utf8').startsWith('## logscan daily')).toBe(true);
  });
});

describe('a rotation unread or missing inside the logs read', () => {
  const HOUR = 3_600_000;
  const DAY_MS = 24 * HOUR;
  const T = Date.parse('2026-11-21T00:00:00Z');
  const base = ['--date', '2026-11-21', '--tz', 'UTC'];
  /** A format as the CLI prints it to a wide terminal, from its document (dailyDoc): a start-up per language, not per format. */
  const render = (doc: DailyDoc, format: string, lang: 'en' | 'zh'): string =>
    format === 'html' ? renderDailyHtml(doc, { tz: 'UTC', lang }) : format === 'markdown' ? renderDailyMarkdown(doc, { tz: 'UTC', lang }) : renderDailyText(doc, { tz: 'UTC', color: false, width: Number(WIDE.COLUMNS), lang });
  const headingOf = (text: string): string => text.split('\n').find((l) => l.startsWith('Change') || l.startsWith('变化'))!;

  it("pfSense without bzip2 installed: a .bz2 that may hold the day and the day before leaves it covered from the first record read, and the day before unmeasured, though another log's rotations reach back", () => {
    const dir = tempDir();
    write(dir, 'filter.log', [isoLine(at('2026-11-22T04:10:00Z'))], T + DAY_MS + 12 * HOUR);
    write(dir, 'filter.log.0', [isoLine(at('2026-11-21T10:38:00Z')), isoLine(at('2026-11-21T15:00:00Z'), { src: '198.51.100.7' })], T + DAY_MS + 4 * HOUR);
    write(dir, 'filter.log.1.bz2', [isoLine(at('2026-11-20T22:00:00Z')), isoLine(at('2026-11-21T10:30:00Z'))], T + 10.6 * HOUR);
    // kern.log's rotations go back past the day before (no firewall line in them): they must not vouch for filter.log.
    write(dir, 'kern.log', ['Nov 21 12:00:00 gw kernel: eth0 up'], T + DAY_MS);
    write(dir, 'kern.log.1', ['Nov 20 12:00:00 gw kernel: eth0 up'], T);
    write(dir, 'kern.log.2', ['Nov 18 12:00:00 gw kernel: eth0 up'], T - 2 * DAY_MS);
    const d = daily(['--log-dir', dir, ...base], NO_UNPACKERS) as DailyJson & { comparison: Comparison };
    expect(d.covered).toBe(false);
    expect(d.comparison.basis).toBeNull();
    expect(d.comparison.probes.previous).toBeNull();
    expect(d.comparison.todayCovered).toEqual({ from: '2026-11-21T10:38:00.000Z', to: '2026-11-22T00:00:00.000Z' });
    expect(d.missingFiles).toEqual([{ path: join(dir, 'filter.log.1.bz2'), newer: 'filter.log.0', older: null, inDay: true, packed: 'bzip2' }]);
    const text = runCli(['daily', '--log-dir', dir, ...base, '-o', 'text'], { env: { ...WIDE, ...NO_UNPACKERS } }).stdout;
    expect(headingOf(text)).toBe('Change: no data for 2026-11-20 (not in the logs; --state DIR keeps a digest per day)');
    expect(text).toContain("note: filter.log.1.bz2 was not read (the command that unpacks it is not installed): the day's records in it are not counted");
    expect(text).toContain('filter.log.1.bz2 — compressed with bzip2, and the bzip2 command is not installed (install it: apt install bzip2; or decompress it and give it as a FILE)');
    expect(text).toContain('note: the logs start during the day (first firewall record 2026-11-21 10:38:00): the hours before are missing');
    // Listed once in the footer, as skipped, not again as missing.
    expect(text).not.toContain('missing: ');
    const zh = runCli(['daily', '--log-dir', dir, ...base, '-o', 'text', '--lang', 'zh'], { env: { ...WIDE, ...NO_UNPACKERS } }).stdout;
    expect(zh).toContain('注意：filter.log.1.bz2 未被读取（解压它的命令未安装）：其中当天的记录未计入');
    // With bzip2 on PATH the same rotation is read: the day is covered, compared with the day before, nothing said missing.
    const read = daily(['--log-dir', dir, ...base]) as DailyJson & { comparison: Comparison };
    expect(read.missingFiles).toEqual([]);
    expect(read.skippedFiles.map((f) => f.why.kind)).not.toContain('packed');
    expect(read.report.inputs.map((i) => i.file).filter((f) => f.includes('filter.log'))).toEqual([join(dir, 'filter.log.1.bz2'), join(dir, 'filter.log.0')]);
    expect(read.covered).toBe(true);
    expect(read.comparison.todayCovered).toBeNull();
    expect(read.headline.packets).toBe(d.headline.packets + 1);
    const readText = runCli(['daily', '--log-dir', dir, ...base, '-o', 'text'], { env: WIDE }).stdout;
    expect(readText).not.toContain('was not read');
    expect(readText).not.toContain('only partly covered');
  });

  it('a packed rotation between two read ones (its command not installed): the day before partly covered until its last record before it, the day from the first after', () => {
    const dir = tempDir();
    write(dir, 'filter.log', [isoLine(at('2026-11-22T04:10:00Z'))], T + DAY_MS + 12 * HOUR);
    write(dir, 'filter.log.0', [isoLine(at('2026-11-21T10:38:00Z')), isoLine(at('2026-11-21T23:30:00Z'))], T + DAY_MS + 4 * HOUR);
    write(dir, 'filter.log.1.bz2', [isoLine(at('2026-11-20T09:00:00Z')), isoLine(at('2026-11-21T10:30:00Z'))], T + 10.6 * HOUR);
    write(dir, 'filter.log.2.gz', [isoLine(at('2026-11-19T09:00:00Z')), isoLine(at('2026-11-20T08:55:00Z'))], T - 15 * HOUR);
    const d = daily(['--log-dir', dir, ...base], NO_UNPACKERS) as DailyJson & { comparison: Comparison };
    expect(d.comparison).toMatchObject({ basis: 'logs', previousComplete: false, todayComplete: false, previousCovered: { from: '2026-11-20T00:00:00.000Z', to: '2026-11-20T08:55:00.000Z' }, todayCovered: { from: '2026-11-21T10:38:00.000Z' } });
    // Read when bzip2 is there: both days complete, the rotations oldest first.
    const read = daily(['--log-dir', dir, ...base]) as DailyJson & { comparison: Comparison };
    expect(read.comparison).toMatchObject({ basis: 'logs', previousComplete: true, todayComplete: true });
    expect(read.report.inputs.map((i) => i.file.slice(dir.length + 1))).toEqual(['filter.log.2.gz', 'filter.log.1.bz2', 'filter.log.0']);
    const text = runCli(['daily', '--log-dir', dir, ...base, '-o', 'text'], { env: { ...WIDE, ...NO_UNPACKERS } }).stdout;
    expect(headingOf(text)).toBe('Change: vs 2026-11-20, from the same logs (that day only partly covered: until 08:55); 2026-11-21 only partly covered too: from 10:38');
  });

  it('a missing rotation inside the day: the heading says which parts are covered, in every format and both languages', () => {
    const dir = tempDir();
    write(dir, 'kern.log', [isoLine(at('2026-11-22T06:30:00Z'))], T + DAY_MS + 12 * HOUR);
    write(dir, 'kern.log.1', [isoLine(at('2026-11-21T14:30:00Z')), isoLine(at('2026-11-22T06:20:00Z'))], T + DAY_MS + 6.4 * HOUR);
    write(dir, 'kern.log.3', [isoLine(at('2026-11-19T23:00:00Z')), isoLine(at('2026-11-21T09:12:00Z'))], T + 9.25 * HOUR);
    const d = daily(['--log-dir', dir, ...base]) as DailyJson & { comparison: Comparison };
    expect(d.comparison.todayCovered).toEqual({ from: '2026-11-21T00:00:00.000Z', to: '2026-11-22T00:00:00.000Z' });
    expect(d.comparison.todayGaps).toEqual([{ from: '2026-11-21T09:12:00.000Z', to: '2026-11-21T14:30:00.000Z' }]);
    expect(d.comparison.previousGaps).toEqual([]);
    const out = (f: string, lang: 'en' | 'zh' = 'en'): string => render(dailyDoc(['--log-dir', dir, ...base], lang), f, lang);
    expect(headingOf(out('text'))).toBe('Change: vs 2026-11-20, from the same logs; 2026-11-21 only partly covered: 00:00-09:12 and 14:30-24:00');
    expect(headingOf(out('text', 'zh'))).toBe('变化：对比 2026-11-20，数据来自同一批日志；2026-11-21 只有部分时段有记录：00:00 至 09:12、14:30 至 24:00');
    expect(out('markdown')).toContain('2026-11-21 only partly covered: 00:00-09:12 and 14:30-24:00');
    expect(out('html')).toContain('2026-11-21 only partly covered: 00:00-09:12 and 14:30-24:00');
    expect(out('html', 'zh')).toContain('2026-11-21 只有部分时段有记录：00:00 至 09:12、14:30 至 24:00');
  });

  it('a missing rotation inside the day: the hours it leaves without logs are marked in the chart, not drawn as hours without probes; a fully covered day has no such mark', () => {
    const dir = tempDir();
    // A probe at 09:05 and 14:45: hours 09 and 14 are partly covered and keep their bars; 10-13 lie wholly in the hole.
    write(dir, 'kern.log', [isoLine(at('2026-11-22T06:30:00Z'))], T + DAY_MS + 12 * HOUR);
    write(dir, 'kern.log.1', [isoLine(at('2026-11-21T14:30:00Z')), isoLine(at('2026-11-21T14:45:00Z')), isoLine(at('2026-11-21T20:00:00Z')), isoLine(at('2026-11-22T06:20:00Z'))], T + DAY_MS + 6.4 * HOUR);
    write(dir, 'kern.log.3', [isoLine(at('2026-11-19T23:00:00Z')), isoLine(at('2026-11-21T01:00:00Z')), isoLine(at('2026-11-21T09:05:00Z')), isoLine(at('2026-11-21T09:12:00Z'))], T + 9.25 * HOUR);
    const out = (f: string, lang: 'en' | 'zh' = 'en'): string => render(dailyDoc(['--log-dir', dir, ...base], lang), f, lang);
    const spark = (text: string): string => text.split('\n')[text.split('\n').findIndex((l) => l.startsWith('Activity per hour') || l.startsWith('每小时活动')) + 1]!.trim();
    const text = out('text');
    // 01: 1 packet (the busiest hour has 2); 09: 2, 14: 2, 20: 1; 10-13 without logs.
    expect(spark(text)).toBe('·▅·······█░░░░█·····▅···');
    expect(text).toContain('\n  ░ no logs for these hours\n');
    const zh = out('text', 'zh');
    expect(spark(zh)).toBe('·▅·······█░░░░█·····▅···');
    expect(zh).toContain('\n  ░ 这些时段没有日志\n');
    expect(out('markdown')).toContain('- **per hour (00-23):** `·▅·······█░░░░█·····▅···` (░ no logs for these hours)');
    expect(out('markdown', 'zh')).toContain('`·▅·······█░░░░█·····▅···`（░ 这些时段没有日志）');
    const html = out('html');
    // One band over hours 10-13, as wide as four of the 24 slots.
    const bands = [...html.matchAll(/<rect class="uncovered" x="([\d.]+)" y="[\d.]+" width="([\d.]+)"/g)];
    expect(bands).toHaveLength(1);
    const slot = (720 - 48 - 8) / 24;
    expect(Number(bands[0]![1])).toBeCloseTo(48 + 10 * slot, 0);
    expect(Number(bands[0]![2])).toBeCloseTo(4 * slot, 0);
    expect(html).toContain('<title>11:00 · no logs for this hour · day before: 0</title>');
    expect(html).toContain('<title>09:00 · 2 packets, 2 blocked · day before: 0</title>');
    expect(html).toMatch(/<i class="k-uncovered"[^>]*><\/i>no logs for these hours<\/div>/);
    const zhHtml = out('html', 'zh');
    expect(zhHtml).toMatch(/<i class="k-uncovered"[^>]*><\/i>这些时段没有日志<\/div>/);
    expect(zhHtml).toContain('<title>12:00 · 这一小时没有日志 · 前一天：0</title>');

    // The same day with kern.log.2 there: covered, nothing marked.
    write(dir, 'kern.log.2', [isoLine(at('2026-11-21T09:20:00Z')), isoLine(at('2026-11-21T14:20:00Z'))], T + 14.4 * HOUR);
    const whole = out('text');
    expect(whole).not.toContain('░');
    expect(whole).not.toContain('only partly covered');
    const wholeHtml = out('html');
    expect(wholeHtml).not.toContain('uncovered');
    expect(out('markdown')).not.toContain('░');
  });
});
