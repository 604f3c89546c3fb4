// `journalctl -o short-*` through the CLI: `explain 'LINE'` tells each mode's line with its
// time (or uptime) and host, never the header in the rule label; `check` reads the fixture
// and says, once and in --lang, when a short-full zone name is none of --tz's.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli } from '../helpers/cli.js';

const REC = '[UFW BLOCK] IN=eth0 OUT= MAC=00:11:22:33:44:55:66:77:88:99:aa:bb:08:00 SRC=203.0.113.7 DST=192.168.1.10 LEN=44 TOS=0x00 PREC=0x00 TTL=51 ID=1 PROTO=TCP SPT=1234 DPT=23 WINDOW=1024 RES=0x00 SYN URGP=0';
const FIXTURE = join(repoRoot, 'test/fixtures/iptables/journalctl-modes.log');

/** explain's `time` and `logged` rows for one line. */
function explained(head: string, tz = 'Europe/Berlin'): { time: string; logged: string } {
  const r = runCli(['explain', '--tz', tz, `${head} ${REC}`]);
  expect(r.code).toBe(0);
  const row = (label: string) => r.stdout.split('\n').find((l) => l.trimStart().startsWith(label))?.trim() ?? '';
  return { time: row('time'), logged: row('logged') };
}

const LOGGED = 'logged       dropped · arriving at this host on eth0 · by the rule logged as [UFW BLOCK]';

describe('explain: each journalctl short-* mode', () => {
  it.each([
    ['short-precise', 'Nov 20 06:25:01.123456 gw kernel:', 'time         2026-11-20 06:25:01 +01:00 (year assumed: the stamp has none) · on gw'],
    ['short-full', 'Fri 2026-11-20 06:25:01 CET gw kernel:', 'time         2026-11-20 06:25:01 +01:00 · on gw'],
    ['short-full, UTC', 'Fri 2026-11-20 06:25:01 UTC gw kernel:', 'time         2026-11-20 07:25:01 +01:00 · on gw'],
    ['short-unix', '1763619901.123456 gw kernel:', 'time         2025-11-20 07:25:01 +01:00 · on gw'],
    ['short-monotonic', '[ 1234.567890] gw kernel:', 'time         1234.568 s after the kernel started (no clock time in the line) · on gw'],
    ['short-delta', '[ 1234.567890 <    0.000123 >] gw kernel:', 'time         1234.568 s after the kernel started (no clock time in the line) · on gw'],
  ])('%s', (_mode, head, time) => {
    expect(explained(head)).toEqual({ time, logged: LOGGED });
  });

  it('the autumn fold: CEST and CET at the same 02:30 are an hour apart', () => {
    expect(explained('Sun 2026-10-25 02:30:00 CEST gw kernel:', 'UTC').time).toBe('time         2026-10-25 02:30:00 +00:00 · on gw');
    expect(explained('Sun 2026-10-25 02:30:00 CEST gw kernel:').time).toBe('time         2026-10-25 02:30:00 +02:00 · on gw');
    expect(explained('Sun 2026-10-25 02:30:00 CET gw kernel:').time).toBe('time         2026-10-25 02:30:00 +01:00 · on gw');
  });
});

describe('check on the journalctl-modes fixture', () => {
  it('counts each mode as parsed, the Feb 30 as malformed, and names the foreign zone once', () => {
    const r = runCli(['check', '--tz', 'Europe/Berlin', FIXTURE]);
    expect(r.stdout).toContain('lines      17: 13 parsed · 3 skipped · 1 malformed');
    expect(r.stdout).toContain('time: impossible date (Feb 30)');
    const note = r.stdout.match(/times name the zone (\w+)/g);
    expect(note).toEqual(['times name the zone EST']);
  });

  it('the note in Chinese, and as data in the JSON', () => {
    expect(runCli(['check', '--lang', 'zh', '--tz', 'Europe/Berlin', FIXTURE]).stdout).toContain('日志时间注明的时区 EST 不是 Europe/Berlin 在该时刻的名称');
    const doc = JSON.parse(runCli(['check', '-o', 'json', '--tz', 'Europe/Berlin', FIXTURE]).stdout) as { inputs: { unmatchedZone: string | null }[] };
    expect(doc.inputs.map((i) => i.unmatchedZone)).toEqual(['EST']);
  });

  it('no note when every zone name is the zone’s (the samples’ BSD stamps have none)', () => {
    const doc = JSON.parse(runCli(['check', '-o', 'json', join(repoRoot, 'samples/ufw.log')]).stdout) as { inputs: { unmatchedZone: string | null }[] };
    expect(doc.inputs.map((i) => i.unmatchedZone)).toEqual([null]);
  });
});

describe('the report and explain name a foreign zone as check does', () => {
  const NOTE = 'the log’s times name the zone EST'.replace('’', "'");

  // Each thing said as check says it, each on a line of its own: the count of zone-less headers, the named zone, the foreign one.
  const NOTES = [
    "2 of the 8 records dated by their syslog header had no zone in it (the others' headers carry one): read in Europe/Berlin (--tz)",
    'the log names the zone CEST, which is what Europe/Berlin is called at their time: read as Europe/Berlin time (--tz)',
    `${NOTE}, which is not what Europe/Berlin is called at their time: read as Europe/Berlin time all the same (--tz the log's zone to read them right)`,
  ];

  it('the report says it under the time span, a note a line (text, Markdown, HTML, zh), and as data in the JSON, in one thread and two', () => {
    const text = runCli(['--tz', 'Europe/Berlin', FIXTURE], { env: { COLUMNS: '800' } }).stdout.split('\n');
    expect(text.slice(2, 5)).toEqual(NOTES);
    expect(text[5]).toMatch(/^17 lines/);
    // Wrapped, a note's later lines are indented under its first: where the next note starts shows.
    const narrow = runCli(['--tz', 'Europe/Berlin', FIXTURE], { env: { COLUMNS: '100' } }).stdout.split('\n');
    expect(narrow.slice(2, 8).filter((l) => !l.startsWith('  ')).map((l) => l.slice(0, 12))).toEqual(NOTES.map((n) => n.slice(0, 12)));
    const md = runCli(['--tz', 'Europe/Berlin', '-o', 'md', FIXTURE]).stdout;
    expect(md).toContain(`- **time zone:**\n${NOTES.map((n) => `  - ${n}\n`).join('')}- **records:**`);
    const html = runCli(['--tz', 'Europe/Berlin', '-o', 'html', FIXTURE]).stdout;
    expect(html.match(/<p class="sub">[^<]*(zone|syslog header)[^<]*</g)?.length).toBe(3);
    expect(html).not.toContain('(--tz); ');
    const zh = runCli(['--tz', 'Europe/Berlin', '--lang', 'zh', FIXTURE], { env: { COLUMNS: '400' } }).stdout;
    expect(zh).toContain('（--tz）\n日志时间注明的时区 EST 不是 Europe/Berlin 在该时刻的名称');
    for (const threads of ['1', '2']) {
      const doc = JSON.parse(runCli(['--tz', 'Europe/Berlin', '--threads', threads, '-o', 'json', FIXTURE]).stdout) as { unmatchedZone: string | null };
      expect(doc.unmatchedZone, `--threads ${threads}`).toBe('EST');
    }
  });

  it('the report says nothing of it when every zone name is the zone’s', () => {
    const doc = JSON.parse(runCli(['-o', 'json', join(repoRoot, 'samples/ufw.log')]).stdout) as { unmatchedZone: string | null };
    expect(doc.unmatchedZone).toBeNull();
    expect(runCli([join(repoRoot, 'samples/ufw.log')]).stdout).not.toContain('times name the zone');
  });

  it('explain says it once after the lines, and a zone name that is the zone’s as named, as check does', () => {
    const foreign = runCli(['explain', '--tz', 'Europe/Berlin', `Fri 2026-11-20 06:25:01 EST gw kernel: ${REC}`]).stdout;
    expect(foreign.replace(/\s+/g, ' ')).toContain(`${NOTE}, which is not what Europe/Berlin is called at their time`);
    const named = runCli(['explain', '--tz', 'Europe/Berlin', `Fri 2026-11-20 06:25:01 CET gw kernel: ${REC}`]).stdout;
    expect(named).not.toContain('times name the zone');
    expect(named).not.toContain('without a zone');
    expect(named.replace(/\s+/g, ' ')).toContain('the log names the zone CET, which is what Europe/Berlin is called at their time: read as Europe/Berlin time (--tz)');
  });
});
