// One story of a scanner's "late" packets in every view: the report, `logscan daily`
// (headline, --state digest, the day-before comparison) and `logscan follow`'s summary
// count an ACK scan's first bare ACKs (read as late before the scan showed) as its
// probes, and the interpretations table says how many of its late readings were a scan's.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runCliShared, tempDir } from '../helpers/cli.js';
import { dailyAs, reportAs } from '../helpers/views.js';
import { isoLine } from '../daily/lines.js';

const WIDE = { COLUMNS: '1000' };
const DAY = Date.UTC(2026, 10, 20, 6, 0, 0);

/** nmap -sA on port 80 across `hosts` hosts, one second apart from `at`: bare ACKs, dropped. */
function ackSweep(at: number, hosts: number, src = '203.0.113.84'): string[] {
  return Array.from({ length: hosts }, (_, i) => isoLine(new Date(at + i * 1000), { src, dpt: 80, flags: 'ACK', dst: `198.51.100.${10 + i}` }));
}

function writeLog(lines: string[], name = 'ack-sweep.log'): string {
  const file = join(tempDir(), name);
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

type Probes = { packets: number; connections: number; ports: number; blocked: number; late: number; lateConnections: number };
interface Interp {
  id: string;
  packets: number;
  scanPackets: number;
  scanSources: number;
}
const reportJson = (args: string[]) => JSON.parse(runCliShared([...args, '--tz', 'UTC', '-o', 'json']).stdout) as { probes: Probes; topPorts: unknown[]; interpretations: Interp[] };
// A run with --state writes its digest: run each time; any other is shared.
const dailyJson = (args: string[]) =>
  JSON.parse((args.includes('--state') ? runCli : runCliShared)(['daily', ...args, '--tz', 'UTC', '-o', 'json']).stdout) as {
    headline: { probes: number; late: number; sources: number; ports: number; probeConnections: number; lateConnections: number };
    comparison: { probes: { previous: number | null; today: number }; newSourceCount: number };
    report: { probes: Probes; topPorts: unknown[]; interpretations: Interp[] };
  };

describe('an ACK sweep of 12 hosts in every view', () => {
  const file = writeLog(ackSweep(DAY, 12));

  it('the daily headline, its report and the report count its 12 packets as probes, none as late', () => {
    const report = reportJson([file]);
    expect(report.probes).toMatchObject({ packets: 12, late: 0 });
    const day = dailyJson([file, '--date', '2026-11-20']);
    expect(day.headline).toMatchObject({ probes: 12, late: 0, sources: 1, ports: 1 });
    expect(day.report.probes).toEqual(report.probes);
    expect(day.report.topPorts).toEqual(report.topPorts);
    const text = dailyAs(['daily', file, '--date', '2026-11-20', '--tz', 'UTC'], 'text', { width: 1000 });
    expect(text).toContain('\nprobes     12 packets from 1 source to 1 port\n');
    expect(text).not.toContain('not probes');
  });

  it("follow's summary at the stop counts them as the report does; its live lines show only the packets read as the scan's", () => {
    const out = runCli(['follow', '-', '--tz', 'UTC'], { input: readFileSync(file), env: WIDE }).stdout;
    expect(out).toContain('\nprobes     12 packets to 1 port\n');
    expect(out).not.toContain('not probes');
    // The first nine ACKs were late packets when read: no line. From the tenth host on, the scan's.
    expect(out.match(/→ 80\/tcp .* ACK scan/g)).toHaveLength(3);
  });

  it('the interpretations table says how many of the stale-connection packets were a scan\'s', () => {
    const stale = reportJson([file]).interpretations.find((i) => i.id === 'stale-connection')!;
    expect(stale).toMatchObject({ packets: 9, scanPackets: 9, scanSources: 1 });
    expect(dailyJson([file, '--date', '2026-11-20']).report.interpretations.find((i) => i.id === 'stale-connection')).toMatchObject({ scanPackets: 9, scanSources: 1 });
    const text = reportAs([file, '--tz', 'UTC'], 'text', { width: 1000 });
    expect(text).toContain('all 9 packets came from 1 source found scanning');
    // A real connection's late packets are no scan's: no such note, scanPackets 0.
    const session = writeLog(Array.from({ length: 4 }, (_, i) => isoLine(new Date(DAY + i * 1000), { src: '203.0.113.5', dpt: 443, flags: 'ACK' })), 'session.log');
    expect(reportJson([session]).interpretations.find((i) => i.id === 'stale-connection')).toMatchObject({ packets: 4, scanPackets: 0, scanSources: 0 });
    expect(reportAs([session, '--tz', 'UTC'], 'text', { width: 1000 })).not.toContain('found scanning');
  });

  it('the --state digest stores the headline\'s split (version 7), and the next day compares with it', () => {
    const state = tempDir();
    runCli(['daily', file, '--date', '2026-11-20', '--tz', 'UTC', '--state', state, '-o', 'json']);
    const digest = JSON.parse(readFileSync(join(state, '2026-11-20.json'), 'utf8')) as { logscanDailyDigest: number; totals: { probes: number; late: number; sources: number; ports: number }; sources: string[]; ports: Record<string, string> };
    expect(digest.logscanDailyDigest).toBe(8);
    expect(digest.totals).toMatchObject({ probes: 12, late: 0, sources: 1, ports: 1 });
    expect([digest.sources, digest.ports]).toEqual([['203.0.113.84'], { tcp: '80' }]);
    // The same sweep the next day: not new, and as many probes as the day before.
    const next = writeLog(ackSweep(DAY + 86_400_000, 12), 'next.log');
    const day = dailyJson([next, '--date', '2026-11-21', '--state', state]);
    expect(day.comparison.probes).toMatchObject({ previous: 12, today: 12 });
    expect(day.comparison.newSourceCount).toBe(0);
  });

  it('the day before, read from the logs, is counted as the day itself would be', () => {
    const both = writeLog([...ackSweep(DAY, 12), ...ackSweep(DAY + 86_400_000, 12)], 'both.log');
    const day = dailyJson([both, '--date', '2026-11-21']);
    expect(day.headline).toMatchObject({ probes: 12, late: 0 });
    expect(day.comparison.probes).toMatchObject({ previous: 12, today: 12 });
    expect(day.comparison.newSourceCount).toBe(0);
  });
});

describe('an ACK knock on seven ports beside an SSH session (corpus lines) in every view', () => {
  const file = new URL('../fixtures/report/knocker-session.log', import.meta.url).pathname;
  const args = [file, '--year', '2026'];

  it('report, daily and follow say the same probes and late packets', () => {
    const report = reportJson(args);
    // The knock's 20 ACKs are probes (10 of them read as late before its fifth port); the session's 18 are late.
    expect(report.probes).toMatchObject({ packets: 20, ports: 7, late: 18 });
    // Its lines are of Aug 28, 15:34 to 15:36.
    const day = dailyJson([...args, '--date', '2026-08-28']);
    expect(day.headline).toMatchObject({ probes: 20, ports: 7, late: 18 });
    expect(day.report.probes).toEqual(report.probes);
    const lines = '\nprobes     20 packets to 7 ports\nnot probes 18 late packets of connections already under way\n';
    expect(reportAs([...args, '--tz', 'UTC'], 'text', { width: 1000 })).toContain(lines);
    expect(runCli(['follow', '-', '--year', '2026', '--tz', 'UTC'], { input: readFileSync(file), env: WIDE }).stdout).toContain(lines);
    const stale = report.interpretations.find((i) => i.id === 'stale-connection')!;
    expect(stale).toMatchObject({ packets: 28, scanPackets: 10, scanSources: 1 });
  });
});

describe("a Windows Firewall scanner's CLOSE rows", () => {
  // 20 dropped SYNs to 20 ports (a vertical scan) and 3 CLOSE rows whose OPEN the log does not hold.
  const rows = [
    '#Version: 1.5',
    '#Software: Microsoft Windows Firewall',
    '#Time Format: Local',
    '#Fields: date time action protocol src-ip dst-ip src-port dst-port size tcpflags tcpsyn tcpack tcpwin icmptype icmpcode info path',
    ...Array.from({ length: 3 }, (_, i) => `2026-11-20 06:00:0${i} CLOSE TCP 203.0.113.77 192.168.1.10 ${40000 + i} ${3389 + i} - - - - - - - - -`),
    ...Array.from({ length: 20 }, (_, i) => `2026-11-20 06:01:${String(i + 1).padStart(2, '0')} DROP TCP 203.0.113.77 192.168.1.10 40100 ${(i + 1) * 10} 44 S 12345 0 1024 - - - RECEIVE`),
  ];
  const file = writeLog(rows, 'pfirewall.log');

  it('move to the probes as connections: late never falls below lateConnections, and the header adds up', () => {
    const { probes } = reportJson([file]);
    expect(probes.late).toBeGreaterThanOrEqual(probes.lateConnections);
    expect(probes).toMatchObject({ packets: 23, connections: 3, late: 0, lateConnections: 0 });
    const text = reportAs([file, '--tz', 'UTC'], 'text', { width: 1000 });
    expect(text).not.toContain('ends of connections already under way');
    const day = dailyJson([file, '--date', '2026-11-20']);
    expect(day.headline).toMatchObject({ probes: 23, probeConnections: 3, late: 0, lateConnections: 0 });
    expect(day.report.probes).toEqual(probes);
  });
});

describe("a scanner's late packets to more ports than a source counts packets for (256)", () => {
  /**
   * A SYN scan of `ports` ports, then `rsts` RSTs to each of them (its late packets: RST, no
   * SYN). Written once per shape, so the runs of the tests below that read the same file share
   * a start-up (runCliShared). 300 ports: the point is the ports past the 256th.
   */
  const written = new Map<string, string>();
  function synThenRst(ports: number, rsts: number): string {
    const name = `syn-rst-${ports}-${rsts}.log`;
    const done = written.get(name);
    if (done !== undefined) return done;
    const lines: string[] = [];
    for (let i = 0; i < ports; i++) lines.push(isoLine(new Date(DAY + i * 100), { src: '203.0.113.84', dpt: 1000 + i }));
    for (let r = 0; r < rsts; r++) for (let i = 0; i < ports; i++) lines.push(isoLine(new Date(DAY + 60_000 * (r + 1) + i * 100), { src: '203.0.113.84', dpt: 1000 + i, flags: 'RST' }));
    const file = writeLog(lines, name);
    written.set(name, file);
    return file;
  }
  type Ports = { probes: Probes; topPortsPackets: number; topPorts: { port: number; packets: number }[]; topPortsLateUncounted: { packets: number; sources: number; portsCounted: number | null } };
  const json = (file: string): Ports => JSON.parse(runCliShared([file, '--tz', 'UTC', '-o', 'json', '--top', '400']).stdout) as Ports;

  it('one late packet a port: every one is in the ports table, past the 256th port too', () => {
    const doc = json(synThenRst(300, 1));
    expect(doc.probes).toMatchObject({ packets: 600, late: 0 });
    expect(doc.topPortsPackets).toBe(600);
    expect(doc.topPorts.find((p) => p.port === 1299)?.packets).toBe(2);
    expect(doc.topPortsLateUncounted).toEqual({ packets: 0, sources: 0, portsCounted: null });
    expect(reportAs([synThenRst(300, 1), '--tz', 'UTC'], 'text', { width: 1000 })).not.toContain('not in this table');
  });

  it("daily's newly probed ports say the same: their counts leave those packets out (text, zh, Markdown, HTML, JSON)", () => {
    // The day before: one probe, so there is a comparison; on the day, the scan.
    const scan = readFileSync(synThenRst(300, 3), 'utf8');
    const file = writeLog([isoLine(new Date(DAY - 86_400_000), { src: '192.0.2.1', dpt: 22 }), scan.trimEnd()], 'two-days.log');
    const day = ['daily', file, '--date', '2026-11-20', '--tz', 'UTC'];
    const doc = JSON.parse(runCliShared([...day, '-o', 'json']).stdout) as { comparison: { newPortCount: number; newPorts: { port: number; packets: number }[]; portsLateUncounted: { packets: number; sources: number } } };
    expect(doc.comparison.newPortCount).toBe(300);
    expect(doc.comparison.portsLateUncounted).toEqual({ packets: 88, sources: 1, portsCounted: 256 });
    const note = 'not in the new ports\' counts: 88 late packets of 1 scanner (logscan counts a source\'s late packets port by port for its first 256 ports only); the probes line counts them';
    const text = dailyAs(day, 'text', { width: 1000 });
    // Under the new ports, before the day's report (whose ports table says it of its own).
    expect(text.indexOf(note)).toBeGreaterThan(text.indexOf('new ports'));
    expect(text.indexOf(note)).toBeLessThan(text.indexOf('not in this table'));
    expect(dailyAs(day, 'markdown')).toContain(`- ${note}`);
    expect(dailyAs(day, 'html')).toContain(note.replaceAll("'", '&#39;'));
    expect(dailyAs([...day, '--lang', 'zh'], 'text', { width: 1000 })).toContain('未计入新端口的计数：1 个扫描来源的 88 个迟到报文');
    // One late packet a port: every one is placed, nothing to say.
    const placed = writeLog([isoLine(new Date(DAY - 86_400_000), { src: '192.0.2.1', dpt: 22 }), readFileSync(synThenRst(300, 1), 'utf8').trimEnd()], 'placed.log');
    expect(dailyAs(['daily', placed, '--date', '2026-11-20', '--tz', 'UTC'], 'text', { width: 1000 })).not.toContain('not in the new ports');
    // Its ports all probed the day before, another source's new one listed: the scanner's packets are no new port's.
    const before = Array.from({ length: 300 }, (_, i) => isoLine(new Date(DAY - 86_400_000 + i * 1000), { src: '192.0.2.1', dpt: 1000 + i }));
    const old = writeLog([...before, scan.trimEnd(), isoLine(new Date(DAY + 3_600_000), { src: '192.0.2.2', dpt: 5000 })], 'old-ports.log');
    const oldDoc = JSON.parse(runCli(['daily', old, '--date', '2026-11-20', '--tz', 'UTC', '-o', 'json']).stdout) as typeof doc;
    expect(oldDoc.comparison.newPorts.map((p) => p.port)).toEqual([5000]);
    expect(oldDoc.comparison.portsLateUncounted).toEqual({ packets: 0, sources: 0, portsCounted: null });
  });

  it('another limits.maxPortCounts in a --config file: the notes name the limit in force, not 256 (report and daily, en and zh)', () => {
    const config = join(tempDir(), 'limits.json');
    writeFileSync(config, JSON.stringify({ thresholds: { limits: { maxPortCounts: 100 } } }));
    const scan = synThenRst(300, 3);
    // 100 ports counted (3 RSTs each), 200 past them with one each placed: 400 in no row.
    const doc = JSON.parse(runCliShared([scan, '--tz', 'UTC', '--config', config, '-o', 'json']).stdout) as Ports;
    expect(doc.topPortsLateUncounted).toEqual({ packets: 400, sources: 1, portsCounted: 100 });
    const text = reportAs([scan, '--tz', 'UTC', '--config', config], 'text', { width: 1000 });
    expect(text).toContain("not in this table: 400 late packets of 1 scanner (logscan counts a source's late packets port by port for its first 100 ports only)");
    expect(reportAs([scan, '--tz', 'UTC', '--config', config, '--lang', 'zh'], 'text', { width: 1000 })).toMatch(/前 100 个端口/);
    const file = writeLog([isoLine(new Date(DAY - 86_400_000), { src: '192.0.2.1', dpt: 22 }), readFileSync(scan, 'utf8').trimEnd()], 'two-days-100.log');
    const day = ['daily', file, '--date', '2026-11-20', '--tz', 'UTC', '--config', config];
    expect(JSON.parse(runCliShared([...day, '-o', 'json']).stdout).comparison.portsLateUncounted).toEqual({ packets: 400, sources: 1, portsCounted: 100 });
    expect(dailyAs(day, 'text', { width: 1000 })).toContain("not in the new ports' counts: 400 late packets of 1 scanner (logscan counts a source's late packets port by port for its first 100 ports only)");
    // The default, said as before.
    expect(reportAs([synThenRst(300, 3), '--tz', 'UTC'], 'text', { width: 1000 })).toContain('for its first 256 ports only');
  });

  it('several a port: the ports past the 256th are in it with one each, and the report says how many packets it left out', () => {
    const doc = json(synThenRst(300, 3));
    expect(doc.probes).toMatchObject({ packets: 1200, late: 0 });
    // 44 ports past the counted 256, 3 RSTs each: one each placed, 88 in no row.
    expect(doc.topPortsPackets).toBe(1200 - 88);
    expect(doc.topPortsLateUncounted).toEqual({ packets: 88, sources: 1, portsCounted: 256 });
    const text = reportAs([synThenRst(300, 3), '--tz', 'UTC'], 'text', { width: 1000 });
    expect(text).toContain('not in this table: 88 late packets of 1 scanner');
    expect(reportAs([synThenRst(300, 3), '--tz', 'UTC', '--lang', 'zh'], 'text', { width: 1000 })).toContain('1 个扫描来源的 88 个迟到报文');
    expect(reportAs([synThenRst(300, 3), '--tz', 'UTC'], 'markdown')).toContain('not in this table: 88 late packets of 1 scanner');
    expect(reportAs([synThenRst(300, 3), '--tz', 'UTC'], 'html')).toContain('not in this table: 88 late packets of 1 scanner');
  });
});

describe("a scanner's late packets to more ports than a source keeps (4,096)", () => {
  /** A SYN scan of 20 ports (a vertical scan: its late packets are its probes), then one RST to each of `rsts` other ports. */
  function synThenRstElsewhere(rsts: number): string {
    const lines = [isoLine(new Date(DAY - 86_400_000), { src: '192.0.2.1', dpt: 22 })];
    for (let i = 0; i < 20; i++) lines.push(isoLine(new Date(DAY + i * 100), { src: '203.0.113.84', dpt: 1 + i }));
    for (let i = 0; i < rsts; i++) lines.push(isoLine(new Date(DAY + 60_000 + i * 100), { src: '203.0.113.84', dpt: 10_001 + i, flags: 'RST' }));
    return writeLog(lines, `rst-elsewhere-${rsts}.log`);
  }

  it('every port reaches the probed ports, the day\'s port count and its --state digest; the source\'s row still says ≥4,096', () => {
    const file = synThenRstElsewhere(6000);
    const report = JSON.parse(runCliShared([file, '--tz', 'UTC', '-o', 'json']).stdout) as { probes: Probes & { ports: number }; topPortsPackets: number; topPortsLateUncounted: unknown; sources: { ports: number; portsCapped?: boolean }[] };
    // 22 the day before, 20 SYN ports, 6,000 RST ports: 4,117 before (ports past the 4,096th dropped).
    expect(report.probes.ports).toBe(6021);
    expect(report.topPortsPackets).toBe(6021);
    expect(report.topPortsLateUncounted).toEqual({ packets: 0, sources: 0, portsCounted: null });
    expect(reportAs([file, '--tz', 'UTC'], 'text', { width: 1000 })).toContain('≥4,096');
    const state = join(tempDir(), 'state');
    const day = JSON.parse(runCli(['daily', file, '--date', '2026-11-20', '--tz', 'UTC', '-o', 'json', '--state', state]).stdout) as { headline: { ports: number }; comparison: { newPortCount: number } };
    expect(day.headline.ports).toBe(6020);
    expect(day.comparison.newPortCount).toBe(6020);
    const digest = JSON.parse(readFileSync(join(state, '2026-11-20.json'), 'utf8')) as { ports: Record<string, string>; totals: { ports: number } };
    expect(digest.ports).toEqual({ tcp: '1-20,10001-16000' });
    expect(digest.totals.ports).toBe(6020);
  });
});
