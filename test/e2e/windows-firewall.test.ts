// Windows Firewall (pfirewall.log) through the BUILT CLI: what a Windows admin's files
// hold beyond the golden fixtures (the pid column in every output, ALLOW rows'
// placeholder zeros). The corpus is read-only; derived files are written to a temp dir.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ndjson, repoRoot, runCli, runCliShared, tempDir } from '../helpers/cli.js';
import { dailyAs, reportAs } from '../helpers/views.js';

const corpus = join(repoRoot, '../shared/corpus/windows-firewall');
const BALAJI = join(corpus, 'balaji6894-copilot_pfirewall-pid-nul.log');

const HEADER_18 = [
  '#Version: 1.5',
  '#Software: Microsoft Windows Firewall',
  '#Time Format: Local',
  '#Fields: date time action protocol src-ip dst-ip src-port dst-port size tcpflags tcpsyn tcpack tcpwin icmptype icmpcode info path pid',
];

let dir = '';

beforeAll(() => {
  dir = tempDir();
});

function write(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('windows-firewall: the pid column', () => {
  it('events carry it as pid, ECS as process.pid (balaji: line 6 is pid 10452)', () => {
    const events = ndjson(runCliShared(['events', BALAJI]).stdout);
    expect(events).toHaveLength(127);
    expect(events[0]).toMatchObject({ origin: { line: 6 }, pid: 10452 });
    expect(new Set(events.map((e) => e.pid))).toEqual(new Set([10452, 12484, 2220]));
    const ecs = ndjson(runCliShared(['events', '--ecs', BALAJI]).stdout);
    expect(ecs[0]).toMatchObject({ process: { pid: 10452 } });
  });

  it('a log without the column says pid null, and ECS has no process', () => {
    const events = ndjson(runCliShared(['events', join(repoRoot, 'samples/pfirewall.log')]).stdout);
    expect(events.length).toBeGreaterThan(300);
    expect(events.every((e) => 'pid' in e && e.pid === null)).toBe(true);
    expect(ndjson(runCli(['events', '--ecs', join(repoRoot, 'samples/pfirewall.log')]).stdout).some((e) => 'process' in e)).toBe(false);
  });

  it('check --line N shows it among the fields', () => {
    const r = runCli(['check', BALAJI, '--line', '6']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\n {2}pid {11}10452\n/);
  });

  it('explain reads it from a line pasted after its header', () => {
    const r = runCli(['explain', [HEADER_18[3], '2026-03-10 10:00:09 DROP TCP 192.168.1.35 203.0.113.99 55557 25 52 S 1 0 64240 - - - SEND 10452'].join('\n')]);
    expect(r.stdout).toContain('dropped · leaving this host · sent by the process with pid 10452');
  });
});

describe('windows-firewall: ALLOW rows', () => {
  it("their zeros are no byte count: len and tcpWindow null, ECS without network.bytes (the corpus' 52 ALLOW TCP rows)", () => {
    const events = ndjson(runCliShared(['events', BALAJI]).stdout);
    const allowTcp = events.filter((e) => e.action === 'allow' && e.proto === 'tcp');
    expect(allowTcp).toHaveLength(52);
    expect(allowTcp.every((e) => e.len === null && e.tcpWindow === null)).toBe(true);
    const ecs = ndjson(runCliShared(['events', '--ecs', BALAJI]).stdout) as { network?: { bytes?: number } }[];
    expect(ecs.filter((d) => d.network?.bytes !== undefined)).toHaveLength(0);
  });
});

describe('windows-firewall: path UNKNOWN', () => {
  it('is a record without a direction, not a malformed line', () => {
    const f = write('unknown.log', [...HEADER_18.slice(0, 3), HEADER_18[3]!.replace(' pid', ''), '2026-03-10 10:00:06 DROP TCP 198.51.100.7 192.168.1.35 40000 445 52 S 1 0 1024 - - - UNKNOWN'].join('\r\n') + '\r\n');
    const r = runCli(['events', f]);
    expect(r.stderr).toBe('');
    expect(ndjson(r.stdout)).toMatchObject([{ action: 'drop', direction: null, dst: { port: 445 } }]);
  });
});

describe('windows-firewall: a CLOSE whose OPEN rotated away', () => {
  const HEADER_17 = [...HEADER_18.slice(0, 3), HEADER_18[3]!.replace(' pid', '')];
  // An XP-era log whose OPEN rows went with the previous file: only the CLOSEs remain.
  const closes = [
    '2005-04-11 08:06:02 CLOSE TCP 192.168.1.35 203.0.113.99 1027 27374 - - - - - - - - -',
    '2005-04-11 08:06:03 CLOSE TCP 192.168.1.35 203.0.113.99 1028 445 - - - - - - - - -',
    '2005-04-11 08:06:04 CLOSE UDP 203.0.113.50 192.168.1.35 1029 137 - - - - - - - - -',
  ];
  type Doc = { sources: { ip: string; score: number; findings: { id: string }[] }[]; overview: { direction: Record<string, number> } };

  it('has no direction, and is neither this host\'s outbound traffic nor a probe: no finding, no score from it', () => {
    const f = write('close-only.log', [...HEADER_17, ...closes].join('\r\n') + '\r\n');
    const events = ndjson(runCli(['events', f, '--tz', 'UTC']).stdout);
    expect(events.map((e) => e.direction)).toEqual([null, null, null]);
    for (const threads of ['1', '2']) {
      const doc = JSON.parse(runCliShared([f, '-o', 'json', '--tz', 'UTC', '--threads', threads]).stdout) as Doc;
      // Before: a CLOSE to Sub-7's port read as this host's own connection, an outbound-malware finding.
      expect(doc.sources.flatMap((s) => s.findings.map((x) => x.id)).filter((id) => id !== 'late-packets')).toEqual([]);
      for (const s of doc.sources) expect(s.score).toBeLessThan(5);
    }
    const text = reportAs([f, '--tz', 'UTC'], 'text', { width: 200 });
    expect(text).not.toContain('outbound');
    expect(text).toMatch(/not probes +3 [a-z ]+ already under way/);
  });

  it('explain and check call it the record of a session already under way, not an ACK or RST packet', () => {
    const r = runCli(['explain', '--tz', 'UTC', [HEADER_17[3], closes[0]].join('\n')], { env: { COLUMNS: '200' } });
    expect(r.stdout).toContain('reading      a record of a connection already under way (CLOSE rows: ends of sessions): it opens nothing, so not a probe');
    expect(r.stdout).not.toContain('ACK or RST');
    const zh = runCli(['explain', '--tz', 'UTC', '--lang', 'zh', [HEADER_17[3], closes[0]].join('\n')], { env: { COLUMNS: '200' } });
    expect(zh.stdout).toContain('已在进行中的连接的一条记录（CLOSE 记录：会话的结束）');
    const f = write('close-check.log', [...HEADER_17, ...closes].join('\r\n') + '\r\n');
    expect(runCli(['check', f, '--line', '5']).stdout).toContain('counts as     not a probe: a record of a connection already under way (CLOSE rows: ends of sessions)');
  });

  it('with its OPEN in the same file it keeps the OPEN\'s direction', () => {
    const f = write('open-close.log', [...HEADER_17, '2005-04-11 08:06:01 OPEN TCP 192.168.1.35 203.0.113.99 1027 27374 - - - - - - - - -', closes[0]].join('\r\n') + '\r\n');
    expect(ndjson(runCli(['events', f, '--tz', 'UTC']).stdout).map((e) => e.direction)).toEqual(['out', 'out']);
  });
});

describe('windows-firewall: the repeated autumn hour split across a rotation', () => {
  // Europe/Berlin, 25 Oct 2026: 03:00 CEST falls back to 02:00 CET, so 02:00-02:59 happens twice.
  // pfirewall.log.old ends in the first pass (CEST), pfirewall.log starts in the second (CET).
  const HEADER_17 = [...HEADER_18.slice(0, 3), HEADER_18[3]!.replace(' pid', '')];
  const row = (time: string, port: number) => `2026-10-25 ${time} DROP TCP 203.0.113.7 192.168.1.20 44321 ${port} 52 S 1 0 64240 - - - RECEIVE`;
  const older = [row('02:30:00', 22), row('02:55:00', 23)];
  const newer = [row('02:05:00', 25), row('02:40:00', 80), row('03:10:00', 443)];
  const want = ['2026-10-25T00:30:00.000Z', '2026-10-25T00:55:00.000Z', '2026-10-25T01:05:00.000Z', '2026-10-25T01:40:00.000Z', '2026-10-25T02:10:00.000Z'];

  it('pfirewall.log.old then pfirewall.log read as one sequence: the second file starts in the second pass, not an hour early', () => {
    const sub = tempDir();
    const old = join(sub, 'pfirewall.log.old');
    const live = join(sub, 'pfirewall.log');
    writeFileSync(old, [...HEADER_17, ...older].join('\r\n') + '\r\n');
    writeFileSync(live, [...HEADER_17, ...newer].join('\r\n') + '\r\n');
    // Given newest first (as a shell's pfirewall.log* does), read oldest first.
    const times = (files: string[]) => ndjson(runCli(['events', '--tz', 'Europe/Berlin', ...files]).stdout).map((e) => e.time);
    expect(times([live, old])).toEqual(want);
    expect(times([old, live])).toEqual(want);
    // The same as the two files joined into one.
    const joined = write('joined.log', [...HEADER_17, ...older, ...newer].join('\r\n') + '\r\n');
    expect(times([joined])).toEqual(want);
    const doc = JSON.parse(runCliShared(['--tz', 'Europe/Berlin', '-o', 'json', '--threads', '2', live, old]).stdout) as { span: { first: string; last: string } };
    expect(doc.span).toMatchObject({ first: want[0], last: want[4] });
  });

  it('two logs that are not rotations of one another each start on their own', () => {
    const a = write('a.log', [...HEADER_17, ...older].join('\r\n') + '\r\n');
    const b = write('b.log', [...HEADER_17, ...newer].join('\r\n') + '\r\n');
    const times = ndjson(runCli(['events', '--tz', 'Europe/Berlin', a, b]).stdout).map((e) => e.time);
    // b.log alone: its first 02:05 has nothing before it, so it is the earlier instant (compatible).
    expect(times.slice(2)).toEqual(['2026-10-25T00:05:00.000Z', '2026-10-25T00:40:00.000Z', '2026-10-25T02:10:00.000Z']);
  });
});

describe('windows-firewall: ALLOW rows are connections, not packets', () => {
  const sample = join(repoRoot, 'samples/pfirewall.log');
  // samples/pfirewall.log: 168 DROP rows (packets), 120 ALLOW + 8 OPEN + 8 CLOSE rows (connections), 1 INFO-EVENTS-LOST row.
  it('the report counts them apart: packets for DROP rows, connections for the rest, in en and zh, one thread and two', () => {
    for (const threads of ['1', '2']) {
      const text = runCli([sample, '--tz', 'UTC', '--threads', threads], { env: { COLUMNS: '200' } }).stdout;
      expect(text).toContain('310 lines · 305 events (168 packets, 136 connections) · 5 skipped');
      expect(text).toMatch(/not probes +136 connections from this side · 30 packets of LAN broadcast chatter/);
      expect(text).not.toContain('packets sent from this side');
    }
    const zh = reportAs([sample, '--tz', 'UTC', '--lang', 'zh'], 'text', { width: 200 });
    expect(zh).toContain('305 个事件（168 个包，136 个连接）');
    expect(zh).toContain('本方发起的 136 个连接');
  });

  it('JSON keeps packets as it was and adds how many of them are connection records', () => {
    const doc = JSON.parse(runCliShared([sample, '--tz', 'UTC', '-o', 'json']).stdout) as { totals: Record<string, number>; probes: Record<string, number> };
    expect(doc.totals).toMatchObject({ events: 305, packets: 304, connections: 136 });
    expect(doc.probes).toMatchObject({ own: 136, ownConnections: 136, late: 0, lateConnections: 0 });
  });

  it('daily says records where DROP packets and ALLOW connections are counted together', () => {
    const out = dailyAs(['daily', sample, '--tz', 'UTC', '--date', '2026-11-20'], 'markdown');
    expect(out).toContain('**blocked:** 168 (55% of 304 records logged: 168 packets, 136 connections) · allowed 136 (45%)');
    expect(dailyAs(['daily', sample, '--tz', 'UTC', '--date', '2026-11-20'], 'text', { width: 200 })).toMatch(
      /^blocked +168 \(55% of 304 records logged: 168 packets, 136 connections\) · allowed 136 \(45%\)$/m,
    );
    expect(out).toContain('**not probes:** 136 connections from this side · 30 packets of LAN broadcast chatter');
    expect(out).toContain('| logged as | records |');
    const json = JSON.parse(runCliShared(['daily', sample, '--tz', 'UTC', '--date', '2026-11-20', '-o', 'json']).stdout) as { headline: Record<string, number> };
    expect(json.headline).toMatchObject({ packets: 304, connections: 136, own: 136, ownConnections: 136 });
    const zh = dailyAs(['daily', sample, '--tz', 'UTC', '--date', '2026-11-20', '--lang', 'zh'], 'markdown');
    expect(zh).toContain('本方发起的 136 个连接');
    expect(zh).toContain('168（占所记录 304 条记录的 55%：168 个包，136 个连接）');
  });

  it("daily's --state digest carries the connection counts, and the next day compares them", () => {
    const dir = tempDir();
    const state = join(dir, 'state');
    // The sample's records a day earlier, then the sample itself: the day before comes from the digest.
    const lines = readFileSync(sample, 'utf8').split('\n');
    const dayBefore = lines.map((l) => l.replace(/^2026-11-20 /, '2026-11-19 ')).join('\n');
    const before = write('pf-before.log', dayBefore);
    expect(runCli(['daily', before, '--tz', 'UTC', '--date', '2026-11-19', '--state', state, '-o', 'json']).code).toBe(0);
    const digest = JSON.parse(readFileSync(join(state, '2026-11-19.json'), 'utf8')) as { logscanDailyDigest: number; totals: Record<string, number> };
    expect(digest.logscanDailyDigest).toBe(8);
    expect(digest.totals).toMatchObject({ packets: 304, connections: 136, own: 136, ownConnections: 136, late: 0, lateConnections: 0 });
    const json = JSON.parse(runCli(['daily', sample, '--tz', 'UTC', '--date', '2026-11-20', '--state', state, '-o', 'json']).stdout) as { comparison: { basis: string; connections: unknown } };
    expect(json.comparison.basis).toBe('state');
    expect(json.comparison.connections).toEqual({ today: 136, previous: 136, delta: 0, ratio: 0 });
  });

  it('a log without connection rows reads as before', () => {
    const ufw = join(repoRoot, 'samples/ufw.log');
    const text = reportAs([ufw, '--tz', 'UTC'], 'text', { width: 200 });
    expect(text).not.toContain('connections)');
    expect(text).toContain('packets sent from this side');
    expect((JSON.parse(runCliShared([ufw, '--tz', 'UTC', '-o', 'json']).stdout) as { totals: Record<string, number> }).totals.connections).toBe(0);
  });
});

describe('windows-firewall: check and a log whose #Fields header changes mid-file', () => {
  // Windows 10 added pid: after an upgrade the log goes on under an 18-field header.
  const HEADER_17 = [...HEADER_18.slice(0, 3), HEADER_18[3]!.replace(' pid', '')];
  const row = (i: number, pid = '') => `2026-03-10 10:00:${String(i).padStart(2, '0')} DROP TCP 198.51.100.7 192.168.1.35 40000 ${1000 + i} 52 S 1 0 1024 - - - RECEIVE${pid}`;
  const lines = [
    ...HEADER_17,
    ...Array.from({ length: 3 }, (_, i) => row(i)),
    ...HEADER_18,
    ...Array.from({ length: 5 }, (_, i) => row(10 + i, ' 4242')),
    'not a record',
  ];

  it('shows both header variants, where each began and how many lines each covered', () => {
    const f = write('mixed-fields.log', lines.join('\r\n') + '\r\n');
    const r = runCli(['check', f, '--tz', 'UTC'], { env: { COLUMNS: '200' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('#Fields    2 layouts: 17 fields from line 4: 3 lines · 18 fields (+pid) from line 11: 6 lines (1 malformed)\n');
    // The skipped headers are two kinds, each with its own example.
    expect(r.stdout).toContain('1 × header: #Fields (17 fields)');
    expect(r.stdout).toContain('1 × header: #Fields (18 fields)');
    const doc = JSON.parse(runCliShared(['check', f, '--tz', 'UTC', '-o', 'json']).stdout) as { inputs: { fieldHeaders: unknown }[] };
    expect(doc.inputs[0]!.fieldHeaders).toEqual([
      { fields: 17, added: [], removed: [], headers: 1, firstLine: 4, lines: 3, malformed: 0 },
      { fields: 18, added: ['pid'], removed: [], headers: 1, firstLine: 11, lines: 6, malformed: 1 },
    ]);
  });

  it('a log with one layout has no such line (its header is in the skipped kinds)', () => {
    const r = runCli(['check', BALAJI]);
    expect(r.stdout).not.toContain('#Fields    ');
    expect(r.stdout).toContain('1 × header: #Fields (18 fields)');
  });
});

describe('windows-firewall: -o blocklist --blocklist-format powershell', () => {
  it('prints New-NetFirewallRule lines for the sources of samples/pfirewall.log; --help lists the flavour', () => {
    const r = runCli([join(repoRoot, 'samples/pfirewall.log'), '-o', 'blocklist', '--blocklist-format', 'powershell', '--blocklist-min-score', '30', '--tz', 'UTC']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^# logscan \S+ blocklist \(powershell\): 6 sources with score >= 30/);
    expect(r.stdout).toMatch(/\nNew-NetFirewallRule -DisplayName 'logscan block 192\.0\.2\.3 and 5 more' -Group 'logscan blocklist' -Direction Inbound -Action Block -RemoteAddress '192\.0\.2\.3','192\.0\.2\.223',/);
    expect(runCli(['report', '--help'], { env: { COLUMNS: '200' } }).stdout).toMatch(/--blocklist-format <format>.*powershell/s);
  });
});

describe('windows-firewall: outbound findings name the process', () => {
  it('the report says which pid the log names where its advice is to find the process, in one thread and two', () => {
    const f = write(
      'win-out.log',
      [...HEADER_18, '2026-03-10 10:00:09 DROP TCP 192.168.1.35 203.0.113.99 55557 25 52 S 1 0 64240 - - - SEND 10452'].join('\r\n') + '\r\n',
    );
    for (const threads of ['1', '2']) {
      const r = runCli([f, '--threads', threads], { env: { COLUMNS: '200' } });
      expect(r.stdout).toContain('blocked going out: direct mail (25/tcp), logged with pid 10452');
      const doc = JSON.parse(runCliShared([f, '-o', 'json', '--threads', threads]).stdout) as { sources: { findings: { id: string; evidence: { pids: number[] } }[] }[] };
      expect(doc.sources[0]!.findings).toMatchObject([{ id: 'outbound-blocked', evidence: { pids: [10452] } }]);
    }
  });
});

describe('windows-firewall: a NUL-filled region longer than the line limit', () => {
  it('the record after 70,000 NULs is read, and check says what was dropped (audit bignul.log: 14 of 15 before)', () => {
    const lines = readFileSync(join(repoRoot, 'samples/pfirewall.log'), 'latin1').split('\n').slice(0, 20);
    const before = Buffer.from(lines.slice(0, 6).join('\n') + '\n', 'latin1');
    const after = Buffer.from(lines.slice(6).join('\n') + '\n', 'latin1');
    const f = write('bignul.log', Buffer.concat([before, Buffer.alloc(70_000), after]));
    const plain = write('plain.log', Buffer.concat([before, after]));
    const r = runCli(['events', f]);
    expect(r.stderr).toBe('');
    // The same events as without the NULs (the file name and nothing else differs).
    expect(r.stdout.replaceAll(f, 'X')).toBe(runCli(['events', plain]).stdout.replaceAll(plain, 'X'));
    expect(ndjson(r.stdout).length).toBeGreaterThan(10);
    const check = runCli(['check', f]);
    expect(check.stdout).toContain('NULs       70,000 dropped from line 7: a NUL-filled region');
    expect(check.stdout).toContain(' 0 malformed');
    expect(runCli(['check', plain]).stdout).not.toContain('NULs');
  });
});

describe('windows-firewall: UTF-16 (Get-Content pfirewall.log > fw.log in Windows PowerShell 5.1)', () => {
  const sample = join(repoRoot, 'samples/pfirewall.log');
  const utf16 = (order: 'le' | 'be', bom = true): Buffer => {
    const le = Buffer.from(`${bom ? '\ufeff' : ''}${readFileSync(sample, 'utf8')}`, 'utf16le');
    return order === 'le' ? le : Buffer.from(le).swap16();
  };

  it('with a byte-order mark it is decoded: the same events as the UTF-8 file, exit 0; check names the encoding', () => {
    const want = runCliShared(['events', sample]).stdout.replaceAll(sample, 'X');
    for (const order of ['le', 'be'] as const) {
      const f = write(`utf16${order}.log`, utf16(order));
      const r = runCli(['events', f]);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      expect(r.stdout.replaceAll(f, 'X')).toBe(want);
      const check = runCli(['check', f]).stdout;
      expect(check).toContain('format     windows-firewall, sniffed');
      expect(check).toContain(`encoding   UTF-16${order.toUpperCase()} with a byte-order mark`);
    }
    expect(runCli(['check', sample]).stdout).not.toContain('encoding');
  });

  it('with a byte-order mark the report says it was decoded, in every format and in --lang; a UTF-8 file gets no such note', () => {
    const f = write('utf16le-report.log', utf16('le'));
    const note = `decoded: ${f} is UTF-16LE text with a byte-order mark (as Windows PowerShell 5.1 writes with > or Out-File)`;
    const flat = (s: string): string => s.replace(/\s+/g, ' ');
    expect(flat(reportAs([f], 'text'))).toContain(note);
    expect(reportAs([f], 'markdown')).toContain(`- **decoded:** ${f} is UTF-16LE text with a byte-order mark`);
    expect(reportAs([f], 'html')).toContain(`<p class="note">decoded: <code>${f}</code> is UTF-16LE text with a byte-order mark`);
    expect(flat(reportAs([f, '--lang', 'zh'], 'text'))).toContain(`已解码：${f} 是带字节序标记的 UTF-16LE 文本`);
    const doc = JSON.parse(runCliShared([f, '-o', 'json']).stdout) as { inputs: { encoding: string | null }[] };
    expect(doc.inputs[0]!.encoding).toBe('UTF-16LE');
    expect(reportAs([sample], 'text')).not.toContain('decoded');
    expect((JSON.parse(runCliShared([sample, '-o', 'json']).stdout) as { inputs: { encoding: string | null }[] }).inputs[0]!.encoding).toBeNull();
  });

  it('without one it is skipped with the hint (exit 3), and neither check nor the report names a format for it', () => {
    const f = write('nobom.log', utf16('le', false));
    const r = runCli(['events', f]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('looks like UTF-16 text, not a UTF-8/ASCII log; skipped (convert it first: iconv -f UTF-16 -t UTF-8)');
    const check = runCli(['check', f]).stdout;
    expect(check).toContain('format     no format: nothing was read');
    expect(check).not.toContain('iptables');
    const doc = JSON.parse(runCliShared([f, '-o', 'json']).stdout) as { inputs: { format: string | null; formatBy: string | null }[] };
    expect(doc.inputs[0]).toMatchObject({ format: null, formatBy: null });
  });
});
