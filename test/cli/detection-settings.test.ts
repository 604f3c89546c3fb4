// The three ways of use (the report, `follow`, `daily`) on the same log with the same
// detection settings agree: the options that decide what counts as a scan and which
// events are left out mean the same in each, and follow's window summary counts as the
// report's header does. Runs the built CLI.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ndjson, repoRoot, runCli, runCliAsync, startCli, tempDir, untilReading } from '../helpers/cli.js';
import { isoLine } from '../daily/lines.js';

const env = { LOGSCAN_FOLLOW_POLL_MS: '40', LOGSCAN_FOLLOW_RETIRE_MS: '400', COLUMNS: '300' };

interface ReportTotals {
  totals: { events: number; sources: number };
}

/** Awaited, not spawnSync: the tests that read it run concurrently, and would all wait for it. */
async function reportTotals(args: string[]): Promise<ReportTotals['totals']> {
  const r = await runCliAsync(['-o', 'json', ...args]);
  expect(r.code).toBe(0);
  return (JSON.parse(r.stdout) as ReportTotals).totals;
}

/** follow --from-start over FILE: the first window summary's head line, and the whole output. */
async function firstWindow(args: string[]): Promise<{ head: string; stdout: string }> {
  const cli = startCli(['follow', '--quiet', '--from-start', '--summary-every', '1s', ...args], { env });
  // The whole file is read at start-up, before the first window ends: it all falls in that window.
  await cli.waitFor((out) => /^── last 1 s: \d/m.test(out), 15_000);
  const r = await cli.stop();
  expect(r.code).toBe(0);
  return { head: /^── last 1 s: \d.*$/m.exec(r.stdout)![0], stdout: r.stdout };
}

describe('one definition of the detection settings', () => {
  const helps = new Map<string, string>();
  /** The option's --help entry, on one line. */
  const entry = (cmd: string, option: string): string => {
    let help = helps.get(cmd);
    if (help === undefined) helps.set(cmd, (help = runCli([cmd, '--help'], { env: { COLUMNS: '80' } }).stdout));
    const from = help.indexOf(`  ${option} `);
    expect(from, `${cmd} --help lists ${option}`).toBeGreaterThan(-1);
    return help.slice(from, help.indexOf('\n  -', from + 1)).replace(/\s+/g, ' ').trim();
  };

  it('report, follow and daily --help list --config, --scan-ports, --sweep-hosts, --max-sources and --ignore in the same words (follow: its own source cap)', () => {
    for (const option of ['--config <file>', '--scan-ports <n>', '--sweep-hosts <n>', '--ignore <file>']) {
      expect(entry('follow', option)).toBe(entry('report', option));
      expect(entry('daily', option)).toBe(entry('report', option));
    }
    expect(entry('daily', '--max-sources <n>')).toBe(entry('report', '--max-sources <n>'));
    expect(entry('follow', '--max-sources <n>')).toMatch(/default 20000\)$/);
  });
});

// Concurrent: each test follows its own files, and most of its time is waiting for the 1 s window.
describe.concurrent("follow's window summary counts what the report's header counts", () => {
  for (const sample of ['ufw.log', 'pfirewall.log', 'iptables.log']) {
    it(`samples/${sample}: every event and every source of the window, not only the ranked sources' events`, async () => {
      const file = join(repoRoot, 'samples', sample);
      const t = await reportTotals([file]);
      const { head } = await firstWindow([file]);
      expect(head).toBe(`── last 1 s: ${t.events.toLocaleString('en-US')} events from ${t.sources} sources`);
    });
  }
});

// One log, two days (UTC): a scanner of 8 ports each day (below the default 15), a
// sweeper of 6 hosts on the day (below the default 10), and a monitoring box that
// probes every day and that the user leaves out with --ignore.
const SCANNER = '203.0.113.50';
const SWEEPER = '198.51.100.60';
const MONITOR = '192.0.2.200';

function twoDays(): { dir: string; log: string; ignore: string; config: string } {
  const dir = tempDir();
  const lines: string[] = [];
  for (const day of ['2026-11-19', '2026-11-20']) {
    for (let i = 0; i < 8; i++) lines.push(isoLine(new Date(`${day}T06:00:0${i}Z`), { src: SCANNER, dpt: 1000 + i }));
    for (let i = 0; i < 3; i++) lines.push(isoLine(new Date(`${day}T07:00:0${i}Z`), { src: MONITOR, dpt: 5666 }));
  }
  for (let i = 0; i < 6; i++) lines.push(isoLine(new Date(`2026-11-20T08:00:0${i}Z`), { src: SWEEPER, dpt: 23, dst: `192.168.1.${i + 1}` }));
  const log = join(dir, 'kern.log');
  writeFileSync(log, lines.join('\n') + '\n');
  const ignore = join(dir, 'mine.txt');
  writeFileSync(ignore, `# our monitoring box\n${MONITOR}\n`);
  const config = join(dir, 'thresholds.json');
  writeFileSync(config, JSON.stringify({ thresholds: { verticalScan: { minPorts: 8 }, horizontalSweep: { minHosts: 6 } } }));
  return { dir, log, ignore, config };
}

/** Bare ACKs to 80/tcp on 8 hosts in 8 s from one source (nmap -sA), on each of DAYS: an ACK scan from --sweep-hosts 8 down. */
function ackSweep(days: string[]): string {
  const lines = days.flatMap((day) =>
    Array.from({ length: 8 }, (_, i) => isoLine(new Date(`${day}T09:00:0${i}Z`), { src: '203.0.113.77', dpt: 80, dst: `192.168.1.${i + 1}`, flags: 'ACK' })),
  );
  const log = join(tempDir(), 'kern.log');
  writeFileSync(log, lines.join('\n') + '\n');
  return log;
}

interface Ranked {
  ip: string;
  findings: { id: string }[];
}

const findingsOf = (sources: Ranked[], ip: string): string[] => sources.find((s) => s.ip === ip)?.findings.map((f) => f.id) ?? [];

/** follow --from-start -q over LOG, stopped once read: its whole text output. */
async function followOnce(args: string[], log: string): Promise<string> {
  const cli = startCli(['follow', '--quiet', '--from-start', '--summary-every', '1s', ...args, log], { env });
  await cli.waitFor((out) => /^── last 1 s: \d/m.test(out), 15_000);
  const r = await cli.stop();
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout;
}

// Concurrent, as above: a fresh log per test, and the time goes to waiting on follow.
describe.concurrent('follow takes the report\'s detection settings', () => {
  it('--scan-ports and --sweep-hosts: the window summary and the summary at the stop find the scans the report finds', async () => {
    const { log } = twoDays();
    const report = JSON.parse((await runCliAsync(['-o', 'json', '--scan-ports', '8', '--sweep-hosts', '6', log])).stdout) as { sources: Ranked[] };
    expect(findingsOf(report.sources, SCANNER)).toContain('vertical-scan');
    expect(findingsOf(report.sources, SWEEPER)).toContain('horizontal-sweep');
    const out = await followOnce(['--scan-ports', '8', '--sweep-hosts', '6'], log);
    const [window, atStop] = out.split('── followed for');
    expect(window).toMatch(new RegExp(`${SCANNER.replace(/\./g, '\\.')} .*vertical scan: 8 ports`));
    expect(window).toMatch(new RegExp(`${SWEEPER.replace(/\./g, '\\.')} .*sweep of 6 hosts on 23/tcp`));
    expect(atStop).toContain('vertical scan: 8 ports');
    expect(atStop).toContain('sweep of 6 hosts on 23/tcp');
    const plain = await followOnce([], log);
    expect(plain).not.toContain('vertical scan');
    expect(plain).not.toContain('sweep of 6 hosts');
  });

  it('--sweep-hosts: the probe lines and alerts read an ACK sweep of 6 hosts as the scan it is', async () => {
    const log = ackSweep(['2026-11-20']);
    const run = async (args: string[]): Promise<string> => {
      const cli = startCli(['follow', '--from-start', '--tz', 'UTC', '--alert-score', '30', ...args, log], { env });
      // Stopped while start-up reads the file, the stop still reads it all first.
      await untilReading(cli.pid, log);
      return (await cli.stop()).stdout.split('── followed for')[0];
    };
    const tuned = await run(['--sweep-hosts', '6']);
    expect(tuned).toMatch(/^09:00:05 {2}!! ALERT 203\.0\.113\.77 score [\d.]+ ≥ 30 ACK scan: 6 hosts, 80\/tcp$/m);
    expect(tuned.match(/^09:00:0[5-7] {2}203\.0\.113\.77 +→ 80\/tcp +HTTP +ACK scan$/gm)).toHaveLength(3);
    // Left to the default 10 hosts, the same packets are late ones of connections: no line, no alert.
    expect(await run([])).not.toContain('203.0.113.77');
  });

  it('--config: the same thresholds file as the report', async () => {
    const { log, config } = twoDays();
    const out = await followOnce(['--config', config], log);
    expect(out.split('── followed for')[1]).toContain('vertical scan: 8 ports');
    const bad = await runCliAsync(['follow', '--config', join(tempDir(), 'none.json'), log]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^logscan: --config .*none\.json: /);
  });

  it('--ignore: the listed source is left out of the lines, the window and the summary at the stop, which counts it as ignored', async () => {
    const { log, ignore } = twoDays();
    const cli = startCli(['follow', '-o', 'ndjson', '--from-start', '--ignore', ignore, log], { env });
    await cli.waitFor((out) => out.split('\n').length > 22, 15_000);
    const r = await cli.stop();
    const srcs = ndjson(r.stdout).map((e) => (e as { src: { ip: string } }).src.ip);
    expect(srcs).toHaveLength(22);
    expect(srcs).not.toContain(MONITOR);
    const text = await followOnce(['--ignore', ignore], log);
    expect(text).not.toContain(MONITOR);
    expect(text).toMatch(/^── last 1 s: 22 events from 2 sources$/m);
    expect(text.replace(/\s+/g, ' ')).toContain('6 events matched the --ignore list');
  });
});

interface DailyJson {
  report: { sources: Ranked[]; totals: { ignored?: number }; profiles: { evicted: number; cap: number } };
  comparison: { basis: string | null; previousSettings: string[] | null; probes: { today: number; previous: number | null }; newSourceCount: number };
}

function daily(args: string[]): DailyJson {
  const r = runCli(['daily', '--date', '2026-11-20', '--tz', 'UTC', '-o', 'json', ...args]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as DailyJson;
}

describe('daily takes the report\'s detection settings', () => {
  it('--scan-ports, --sweep-hosts and --config find the scans the report finds on the day', () => {
    const { log, config } = twoDays();
    for (const opts of [['--scan-ports', '8', '--sweep-hosts', '6'], ['--config', config]]) {
      const d = daily([...opts, log]);
      expect(findingsOf(d.report.sources, SCANNER)).toContain('vertical-scan');
      expect(findingsOf(d.report.sources, SWEEPER)).toContain('horizontal-sweep');
    }
    const plain = daily([log]);
    expect(findingsOf(plain.report.sources, SCANNER)).not.toContain('vertical-scan');
  });

  it('--sweep-hosts counts the day before as it counts the day: an ACK sweep is probes on both, or late packets on both', () => {
    const log = ackSweep(['2026-11-19', '2026-11-20']);
    const tuned = daily(['--sweep-hosts', '6', log]);
    expect(tuned.comparison.basis).toBe('logs');
    expect(tuned.comparison.probes).toMatchObject({ today: 8, previous: 8 });
    expect(daily([log]).comparison.probes).toMatchObject({ today: 0, previous: 0 });
  });

  it('--max-sources caps the sources kept, as the report\'s does (and it must be a positive whole number)', () => {
    const { log } = twoDays();
    const d = daily(['--max-sources', '2', log]);
    expect(d.report.profiles.cap).toBe(2);
    expect(d.report.profiles.evicted).toBeGreaterThan(0);
    const bad = runCli(['daily', '--max-sources', '0', log]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--max-sources: expected a whole number/);
  });
});

describe('daily --state: a digest counted with other detection settings is not compared silently', () => {
  /** The 19th in a digest made with SETTINGS (a complete day: the log reaches back before it), and a log of the 20th only. */
  function rotated(settings: (files: { ignore: string; config: string }) => string[]): { state: string; day2: string; ignore: string; config: string } {
    const { dir, ignore, config } = twoDays();
    const state = join(dir, 'state');
    const day1 = [isoLine(new Date('2026-11-18T23:59:00Z'), { src: '192.0.2.1' })];
    for (let i = 0; i < 8; i++) day1.push(isoLine(new Date(`2026-11-19T06:00:0${i}Z`), { src: SCANNER, dpt: 1000 + i }));
    for (let i = 0; i < 3; i++) day1.push(isoLine(new Date(`2026-11-19T07:00:0${i}Z`), { src: MONITOR, dpt: 5666 }));
    const log1 = join(dir, 'day1.log');
    writeFileSync(log1, day1.join('\n') + '\n');
    const r = runCli(['daily', '--date', '2026-11-19', '--tz', 'UTC', '-o', 'json', '--state', state, ...settings({ ignore, config }), log1]);
    expect(r.code).toBe(0);
    const day2 = join(dir, 'day2.log');
    writeFileSync(day2, isoLine(new Date('2026-11-20T08:00:00Z'), { src: SWEEPER, dpt: 23 }) + '\n');
    return { state, day2, ignore, config };
  }

  it('the digest records the thresholds and the --ignore list it was counted with', () => {
    type Settings = { thresholds: { verticalScan: { minPorts: number }; udpScan: { minPorts: number } }; ignore: string | null };
    const settingsOf = (state: string): Settings => (JSON.parse(readFileSync(join(state, '2026-11-19.json'), 'utf8')) as { settings: Settings }).settings;
    const tuned = settingsOf(rotated(() => ['--scan-ports', '8']).state);
    expect(tuned.thresholds.verticalScan.minPorts).toBe(8);
    expect(tuned.thresholds.udpScan.minPorts).toBe(8);
    expect(tuned.ignore).toBeNull();
    expect(settingsOf(rotated(({ ignore }) => ['--ignore', ignore]).state).ignore).toMatch(/^[0-9a-f]{16}$/);
  });

  it("other thresholds or another --ignore list than the day before's digest: the comparison says so; the same ones: it does not", () => {
    const { state, day2, ignore, config } = rotated(() => []);
    expect(daily(['--state', state, day2]).comparison).toMatchObject({ basis: 'state', previousSettings: null });
    expect(daily(['--state', state, '--scan-ports', '8', day2]).comparison).toMatchObject({ basis: 'state', previousSettings: ['thresholds'] });
    expect(daily(['--state', state, '--config', config, '--ignore', ignore, day2]).comparison.previousSettings).toEqual(['thresholds', 'ignore']);
    const md = runCli(['daily', '--date', '2026-11-20', '--tz', 'UTC', '-o', 'markdown', '--state', state, '--ignore', ignore, day2]).stdout;
    expect(md.replace(/\s+/g, ' ')).toContain('vs 2026-11-19, from the --state digest, which was counted with another --ignore list:');
    const text = (args: string[]): string => runCli(['daily', '--date', '2026-11-20', '--tz', 'UTC', '-o', 'text', '--state', state, ...args, day2], { env: { COLUMNS: '1000' } }).stdout;
    expect(text(['--sweep-hosts', '6'])).toContain('which was counted with other thresholds (--config, --scan-ports, --sweep-hosts):');
    expect(text([])).not.toContain('counted with');
  });

  it('the same --ignore list in another order, with other comments, is the same list', () => {
    const first = rotated(({ ignore }) => {
      writeFileSync(ignore, `${MONITOR}   # the box\n\n203.0.113.250\n`);
      return ['--ignore', ignore];
    });
    writeFileSync(first.ignore, `# reordered\n203.0.113.250\n${MONITOR}\n`);
    expect(daily(['--state', first.state, '--ignore', first.ignore, first.day2]).comparison).toMatchObject({ basis: 'state', previousSettings: null });
  });
});

describe('daily --state: --home-net and --signatures are recorded and compared like the thresholds', () => {
  type Recorded = { ignore: string | null; homeNet: string | null; signatures: string | null };
  const settingsOf = (state: string, day = '2026-11-19'): Recorded => (JSON.parse(readFileSync(join(state, `${day}.json`), 'utf8')) as { settings: Recorded }).settings;

  /** A --signatures directory whose ports.json names 9100/tcp with NAME, under DIR/SUB. */
  function signatureDir(dir: string, sub: string, name: string, spaced = false): string {
    const at = join(dir, sub);
    mkdirSync(at, { recursive: true });
    const entry = { id: 'printer-raw', ports: 9100, protocols: ['tcp'], name: { en: name, zh: name }, category: 'service', severity: 3, rank: 1, text: { en: 'Raw printing.', zh: '直接打印。' }, source: 'local' };
    writeFileSync(join(at, 'ports.json'), JSON.stringify({ schemaVersion: 1, entries: [entry] }, null, spaced ? 4 : 0));
    return at;
  }

  /** One digest of the 19th (complete: the log reaches back before it) written with ARGS, in a fresh state dir; and a log of the 20th. */
  function dayBefore(args: string[]): { state: string; day2: string } {
    const dir = tempDir();
    const state = join(dir, 'state');
    const day1 = join(dir, 'day1.log');
    writeFileSync(day1, [isoLine(new Date('2026-11-18T23:59:00Z'), { src: '192.0.2.1' }), isoLine(new Date('2026-11-19T06:00:00Z'), { src: SCANNER, dpt: 9100 })].join('\n') + '\n');
    const r = runCli(['daily', '--date', '2026-11-19', '--tz', 'UTC', '-o', 'json', '--state', state, ...args, day1]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const day2 = join(dir, 'day2.log');
    writeFileSync(day2, isoLine(new Date('2026-11-20T08:00:00Z'), { src: SWEEPER, dpt: 23 }) + '\n');
    return { state, day2 };
  }

  it('the digest records --home-net as its networks, not as typed: the same networks in another order or spelling hash the same', () => {
    expect(settingsOf(dayBefore([]).state)).toMatchObject({ homeNet: null, signatures: null });
    const a = settingsOf(dayBefore(['--home-net', '203.0.113.0/28', '--home-net', '2001:db8::/48']).state).homeNet;
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    // The same addresses: a host address with the prefix, IPv6 spelt out, the order turned, one network twice, one split in halves.
    const b = settingsOf(dayBefore(['--home-net', '2001:0db8:0:0::/48', '--home-net', '203.0.113.9/29', '--home-net', '203.0.113.0/29', '--home-net', '2001:db8::/48']).state).homeNet;
    expect(b).toBe(a);
    expect(settingsOf(dayBefore(['--home-net', '203.0.113.0/27', '--home-net', '2001:db8::/48']).state).homeNet).not.toBe(a);
  });

  it('the digest records --signatures by what the directories hold, not where they are', () => {
    const dir = tempDir();
    const one = settingsOf(dayBefore(['--signatures', signatureDir(dir, 'a', 'Office printers')]).state).signatures;
    expect(one).toMatch(/^[0-9a-f]{16}$/);
    // The same entries, elsewhere and laid out otherwise: the same.
    expect(settingsOf(dayBefore(['--signatures', signatureDir(dir, 'b/c', 'Office printers', true)]).state).signatures).toBe(one);
    expect(settingsOf(dayBefore(['--signatures', signatureDir(dir, 'd', 'Lab printers')]).state).signatures).not.toBe(one);
  });

  it("another --home-net or other --signatures than the day before's digest: the comparison says so, in JSON and words; the same: it does not", () => {
    const dir = tempDir();
    const sigs = signatureDir(dir, 'sig', 'Office printers');
    const { state, day2 } = dayBefore(['--home-net', '203.0.113.0/28', '--signatures', sigs]);
    const same = ['--home-net', '203.0.113.0/28', '--signatures', signatureDir(dir, 'copy', 'Office printers')];
    expect(daily(['--state', state, ...same, day2]).comparison).toMatchObject({ basis: 'state', previousSettings: null });
    expect(daily(['--state', state, '--signatures', sigs, day2]).comparison.previousSettings).toEqual(['homeNet']);
    expect(daily(['--state', state, '--home-net', '203.0.113.0/28', day2]).comparison.previousSettings).toEqual(['signatures']);
    expect(daily(['--state', state, '--scan-ports', '8', day2]).comparison.previousSettings).toEqual(['thresholds', 'homeNet', 'signatures']);
    const text = (args: string[], lang = 'en'): string =>
      runCli(['daily', '--date', '2026-11-20', '--tz', 'UTC', '-o', 'text', '--lang', lang, '--state', state, ...args, day2], { env: { COLUMNS: '1000' } }).stdout;
    expect(text(['--signatures', sigs])).toContain('which was counted with other --home-net networks: part of the change may come from that');
    expect(text(['--home-net', '203.0.113.0/28'])).toContain('which was counted with other --signatures directories (their entries): part of the change');
    expect(text(['--scan-ports', '8'])).toContain('with other thresholds (--config, --scan-ports, --sweep-hosts), other --home-net networks and other --signatures directories (their entries):');
    expect(text(same)).not.toContain('counted with');
    expect(text(['--signatures', sigs], 'zh')).toContain('--home-net');
  });

  it('a digest that recorded the thresholds and --ignore list but not --home-net or --signatures is compared on what it recorded', () => {
    const { state, day2 } = dayBefore([]);
    const file = join(state, '2026-11-19.json');
    const d = JSON.parse(readFileSync(file, 'utf8')) as { settings: Record<string, unknown> };
    delete d.settings.homeNet;
    delete d.settings.signatures;
    writeFileSync(file, JSON.stringify(d));
    expect(daily(['--state', state, '--home-net', '203.0.113.0/28', day2]).comparison).toMatchObject({ basis: 'state', previousSettings: null });
    expect(daily(['--state', state, '--scan-ports', '8', day2]).comparison.previousSettings).toEqual(['thresholds']);
  });
});
