// Windows Firewall writes one ALLOW (OPEN, CLOSE) row per connection and one DROP row per
// packet: wherever a person reads a count of such rows it says which they are, not
// "packets" for all of them (the header's count line did already: windows-firewall.test.ts).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runCliShared, tempDir } from '../helpers/cli.js';
// Each log is run once per language (its JSON document) and read in every format from it: views.ts.
import { dailyAs, reportAs } from '../helpers/views.js';

const HEADER = [
  '#Version: 1.5',
  '#Software: Microsoft Windows Firewall',
  '#Time Format: Local',
  '#Fields: date time action protocol src-ip dst-ip src-port dst-port size tcpflags tcpsyn tcpack tcpwin icmptype icmpcode info path',
  '',
];
// Two RDP connections let in; a DROP and an allowed connection from one source; three
// CLOSE rows without their OPEN; this host's own DNS; one dropped telnet probe.
const ROWS = [
  '2026-11-20 10:00:00 ALLOW TCP 203.0.113.50 192.168.1.35 50001 3389 0 - 0 0 0 - - - RECEIVE',
  '2026-11-20 10:05:00 ALLOW TCP 203.0.113.50 192.168.1.35 50002 3389 0 - 0 0 0 - - - RECEIVE',
  '2026-11-20 10:10:00 DROP TCP 198.51.100.7 192.168.1.35 40000 445 52 S 1 0 64240 - - - RECEIVE',
  '2026-11-20 10:11:00 ALLOW TCP 198.51.100.7 192.168.1.35 40001 8080 0 - 0 0 0 - - - RECEIVE',
  '2026-11-20 10:20:00 CLOSE TCP 192.0.2.9 192.168.1.35 443 50100 - - - - - - - - -',
  '2026-11-20 10:21:00 CLOSE TCP 192.0.2.9 192.168.1.35 443 50101 - - - - - - - - -',
  '2026-11-20 10:22:00 CLOSE TCP 192.0.2.9 192.168.1.35 443 50102 - - - - - - - - -',
  '2026-11-20 10:30:00 ALLOW UDP 192.168.1.35 192.0.2.53 55000 53 0 - 0 0 0 - - - SEND',
  '2026-11-20 10:31:00 DROP TCP 198.51.100.99 192.168.1.35 40000 23 52 S 1 0 64240 - - - RECEIVE',
];
const corpus = join(repoRoot, '../shared/corpus/windows-firewall');
const flat = (s: string): string => s.replace(/\s+/g, ' ');

let log = '';
beforeAll(() => {
  log = join(tempDir(), 'pfirewall.log');
  writeFileSync(log, [...HEADER, ...ROWS, ''].join('\r\n'));
});

describe('a Windows log: counts of connection rows are said as connections', () => {
  it('the probes line, each source\'s explanation and allowed-in (text, en)', () => {
    const out = reportAs([log, '--tz', 'UTC'], 'text', { width: 250 });
    expect(out).toMatch(/^probes +2 packets and 3 connections to 4 ports · blocked: 2 packets to 2 ports$/m);
    expect(out).toContain('│ allowed in: 2 connections to 3389/tcp ');
    expect(out).toContain('│ 1 packet and 1 connection to 445/tcp, 8080/tcp (1 allowed) ');
    expect(out).toContain('│ 3 ends of connections already under way (CLOSE rows: ends of sessions), to 50100/tcp');
    expect(out).toContain('│ 1 packet to 23/tcp ');
    expect(out).not.toMatch(/\d packets? to 3389|late packets/);
    // The interpretations (proxy-hunt on an ALLOW row, session-close on the CLOSE rows) are all of connection rows.
    expect(out).toMatch(/│ interpretation +│ sev +│ connections +│ sources +│/);
  });

  it('the same in Chinese, Markdown and HTML', () => {
    const zh = reportAs([log, '--tz', 'UTC', '--lang', 'zh'], 'text', { width: 250 });
    expect(zh).toContain('2 个包和 3 个连接');
    expect(zh).toContain('已放行进入：发往 3389/tcp 的 2 个连接');
    expect(zh).toContain('已在进行中的连接的 3 条结束记录（CLOSE 记录：会话的结束）');
    expect(zh).not.toContain('迟到报文');
    const md = reportAs([log, '--tz', 'UTC'], 'markdown');
    expect(md).toContain('- **probes:** 2 packets and 3 connections to 4 ports');
    expect(md).toContain('| allowed in: 2 connections to 3389/tcp |');
    expect(md).toContain('| interpretation | sev | connections | sources |');
    const html = reportAs([log, '--tz', 'UTC'], 'html');
    expect(html).toContain('allowed in: 2 connections to 3389/tcp');
    expect(html).toContain('Records per hour of the day (UTC)');
    expect(html).not.toContain('Packets per hour');
    expect(html).toMatch(/<th[^>]*>records<\/th>/);
  });

  it("--source details count a source's connection rows as connections (text, zh, HTML); JSON sources[].connections", () => {
    const out = reportAs([log, '--tz', 'UTC', '--source', '203.0.113.50', '--source', '198.51.100.7'], 'text', { width: 250 });
    expect(out).toMatch(/203\.0\.113\.50 in detail[\s\S]*verdicts \(connections\)\n +allow 2\n/);
    expect(out).toMatch(/198\.51\.100\.7 in detail[\s\S]*verdicts \(records\)\n +drop 1 · allow 1\n/);
    expect(out).not.toMatch(/(verdicts|interpretations) \(packets\)/);
    // Connection rows record no TCP flags: the flags are the DROP packet's alone, and headed so.
    expect(out).toMatch(/198\.51\.100\.7 in detail[\s\S]*TCP flags \(packets\)\n +syn 1\n/);
    expect(out).not.toMatch(/TCP flags \((records|connections)\)/);
    expect(reportAs([log, '--tz', 'UTC', '--source', '198.51.100.7', '--lang', 'zh'], 'text', { width: 250 })).toContain('TCP 标志（包数）');
    expect(reportAs([log, '--tz', 'UTC', '--source', '203.0.113.50', '--lang', 'zh'], 'text', { width: 250 })).toContain('处理结果（连接数）');
    expect(reportAs([log, '--tz', 'UTC'], 'html')).toContain('<dt>verdicts (connections)</dt>');
    const doc = JSON.parse(runCliShared([log, '--tz', 'UTC', '-o', 'json']).stdout) as { sources: { ip: string; connections: number; tcpFlags: Record<string, number> }[] };
    expect(doc.sources.find((s) => s.ip === '198.51.100.7')?.connections).toBe(1);
    expect(doc.sources.find((s) => s.ip === '198.51.100.7')?.tcpFlags).toEqual({ syn: 1 });
    // Another firewall's log keeps its packets.
    expect(reportAs([join(repoRoot, 'samples/ufw.log'), '--tz', 'UTC', '--source', '198.51.100.77'], 'text', { width: 250 })).toContain('verdicts (packets)');
  });

  it('JSON: probes.connections says how many of the probes are connection rows; packets keeps its meaning', () => {
    const doc = JSON.parse(runCliShared([log, '--tz', 'UTC', '-o', 'json']).stdout) as { totals: Record<string, number>; probes: Record<string, number> };
    expect(doc.totals).toMatchObject({ packets: 9, connections: 7 });
    expect(doc.probes).toMatchObject({ packets: 5, connections: 3, blocked: 2, lateConnections: 3, ownConnections: 1 });
  });

  it('daily: the probes line and the chart, text, Markdown and HTML', () => {
    const text = dailyAs(['daily', log, '--tz', 'UTC', '--date', '2026-11-20'], 'text', { width: 250 });
    expect(text).toMatch(/^probes +2 packets and 3 connections from 3 sources to 4 ports$/m);
    expect(text).toContain('Activity per hour (max 9 records)');
    const md = dailyAs(['daily', log, '--tz', 'UTC', '--date', '2026-11-20'], 'markdown');
    expect(md).toContain('- **probes:** 2 packets and 3 connections from 3 sources to 4 ports');
    const html = dailyAs(['daily', log, '--tz', 'UTC', '--date', '2026-11-20'], 'html');
    expect(html).toContain('Records per hour on 2026-11-20 (UTC)');
    expect(html).toContain('10:00 · 9 records, 2 blocked');
    const json = JSON.parse(runCliShared(['daily', log, '--tz', 'UTC', '--date', '2026-11-20', '-o', 'json']).stdout) as { headline: Record<string, number> };
    expect(json.headline).toMatchObject({ probes: 5, probeConnections: 3 });
    const zh = dailyAs(['daily', log, '--tz', 'UTC', '--date', '2026-11-20', '--lang', 'zh'], 'text', { width: 250 });
    expect(zh).toContain('2 个包和 3 个连接，来自 3 个来源');
    expect(zh).toContain('每小时活动（峰值 9 条记录）');
  });
});

describe("daily's new sources and ports say what their numbers count", () => {
  it('a day whose probes are all connections let in lists them as connections; one of both kinds as records', () => {
    const dir = tempDir();
    const dayBefore = '2026-11-19 10:10:00 DROP TCP 198.51.100.7 192.168.1.35 40000 445 52 S 1 0 64240 - - - RECEIVE';
    const allowed = [ROWS[0]!, ROWS[1]!];
    const connections = join(dir, 'connections.log');
    writeFileSync(connections, [...HEADER, dayBefore, ...allowed, ''].join('\r\n'));
    const day = ['daily', connections, '--tz', 'UTC', '--date', '2026-11-20'];
    expect(dailyAs(day, 'text', { width: 250 })).toMatch(/new sources +203\.0\.113\.50: 2 connections/);
    expect(dailyAs(day, 'markdown')).toContain('- **new ports:** 3389/tcp Remote Desktop (RDP): 2 connections');
    expect(dailyAs([...day, '--lang', 'zh'], 'text', { width: 250 })).toContain('203.0.113.50：2 个连接');
    const both = join(dir, 'both.log');
    writeFileSync(both, [...HEADER, dayBefore, ...allowed, ROWS[8]!, ''].join('\r\n'));
    const html = dailyAs(['daily', both, '--tz', 'UTC', '--date', '2026-11-20'], 'html');
    expect(html).toContain('<span class="ip">203.0.113.50</span>: 2 records');
  });
});

describe('CSV: a connections column beside packets, in both tables', () => {
  const row = (csv: string, start: string): string[] => csv.split('\r\n').find((l) => l.startsWith(start))!.split(',');
  it('sources: how many of a source\'s packets are connection rows (last column, so old columns keep their places)', () => {
    const csv = reportAs([log, '--tz', 'UTC'], 'csv');
    const head = csv.split('\r\n')[0]!.split(',');
    expect(head.slice(0, 6)).toEqual(['rank', 'ip', 'score', 'severity', 'events', 'packets']);
    expect(head.at(-1)).toBe('connections');
    // The explanation before it is quoted and holds commas: the last field is after the last comma.
    const last = (ip: string): string | undefined => csv.split('\r\n').find((l) => l.includes(`,${ip},`))?.split(',').at(-1);
    expect(last('203.0.113.50')).toBe('2');
    expect(last('198.51.100.7')).toBe('1');
    expect(last('198.51.100.99')).toBe('0');
  });

  it('ports: of a port\'s count, the connections let in (a log of ALLOW rows: every probe one); blocked packets none', () => {
    const allowed = join(tempDir(), 'allow.log');
    writeFileSync(allowed, [...HEADER, ...ROWS.filter((r) => r.includes(' ALLOW ') && r.endsWith('RECEIVE')), ''].join('\r\n'));
    const csv = reportAs([allowed, '--tz', 'UTC'], 'csv', { csvTable: 'ports' });
    expect(csv.split('\r\n')[0]).toBe('proto,port,packets,share,known_as,sources,connections');
    expect(row(csv, 'tcp,3389,')).toEqual(['tcp', '3389', '2', '0.6667', expect.any(String), '1', '2']);
    expect(row(csv, 'tcp,8080,').at(-1)).toBe('1');
    const json = JSON.parse(runCliShared([allowed, '--tz', 'UTC', '-o', 'json']).stdout) as { topPorts: { port: number; connections: number }[] };
    expect(json.topPorts.find((p) => p.port === 3389)?.connections).toBe(2);
    expect(row(reportAs([log, '--tz', 'UTC'], 'csv', { csvTable: 'ports' }), 'tcp,445,').at(-1)).toBe('0');
  });
});

describe('the corpus', () => {
  it('plaso: a source of DROP packets and CLOSE rows is said as both', () => {
    const out = flat(reportAs([join(corpus, 'plaso_windows_firewall.log'), '--tz', 'UTC'], 'text', { width: 250 }));
    expect(out).toContain('8 packets and 3 connections; 3 of these 11 to 137/udp, 138/udp, 2234/udp');
    expect(out).not.toContain('11 packets');
  });

  it('balaji: a log of ALLOW rows only ranks nobody, and its table of sources counts connections', () => {
    const out = reportAs([join(corpus, 'balaji6894-copilot_pfirewall-pid-nul.log'), '--tz', 'UTC'], 'text', { width: 250 });
    expect(out).toContain('Top sources by connections');
    expect(out).toMatch(/│ # │ source +│ connections │/);
    const zh = reportAs([join(corpus, 'balaji6894-copilot_pfirewall-pid-nul.log'), '--tz', 'UTC', '--lang', 'zh'], 'text', { width: 250 });
    expect(zh).toContain('按连接数排列的主要来源');
  });

  it('an iptables log reads as before', () => {
    const out = reportAs([join(repoRoot, 'samples/ufw.log'), '--tz', 'UTC'], 'html');
    expect(out).toContain('Packets per hour of the day');
    expect(reportAs([join(repoRoot, 'samples/ufw.log'), '--tz', 'UTC'], 'text', { width: 250 })).toMatch(/│ interpretation +│ sev +│ packets +│/);
  });
});

// A table's count column is headed by what the rows it lists are, not by the whole log:
// a Windows log of DROP packets and this side's ALLOW connections lists its ranked
// sources, all DROP senders, under "packets", not "records".
describe('a table heads its counts by the rows it lists', () => {
  const write = (name: string, rows: readonly string[]): string => {
    const file = join(tempDir(), name);
    writeFileSync(file, [...HEADER, ...rows, ''].join('\r\n'));
    return file;
  };
  const heads = (html: string): string[] => [...html.matchAll(/<thead><tr>(.*?)<\/tr><\/thead>/g)].map((m) => m[1]!.replace(/<th[^>]*>/g, '|').replace(/<\/th>/g, ''));
  const OWN = [
    '2026-11-20 10:30:00 ALLOW UDP 192.168.1.35 192.0.2.53 55000 53 0 - 0 0 0 - - - SEND',
    '2026-11-20 10:32:00 ALLOW TCP 192.168.1.35 192.0.2.80 55001 443 0 - 0 0 0 - - - SEND',
    // A session's end without its OPEN: session-close, an interpretation of a connection row.
    '2026-11-20 10:33:00 CLOSE TCP 192.168.1.35 192.0.2.80 54999 443 - - - - - - - - -',
  ];
  const DROPS = [
    '2026-11-20 10:10:00 DROP TCP 198.51.100.7 192.168.1.35 40000 12345 52 S 1 0 64240 - - - RECEIVE',
    '2026-11-20 10:11:00 DROP TCP 198.51.100.7 192.168.1.35 40001 445 52 S 1 0 64240 - - - RECEIVE',
    '2026-11-20 10:31:00 DROP TCP 198.51.100.99 192.168.1.35 40000 23 52 S 1 0 64240 - - - RECEIVE',
  ];
  let mixed = '';
  let connectionsOnly = '';
  let packetsOnly = '';
  beforeAll(() => {
    mixed = write('mixed.log', [...DROPS, ...OWN]);
    connectionsOnly = write('allow.log', OWN);
    packetsOnly = write('drop.log', DROPS);
  });

  it('mixed log: the ranked sources (all DROP senders) are packets in HTML; interpretations of DROP rows only are packets', () => {
    // The third source ranked, this side's, has only its CLOSE row: both kinds in all three.
    const html = reportAs([mixed, '--tz', 'UTC'], 'html');
    expect(heads(html)[0]).toBe('|#|source|severity|score|records|ports|hosts|seen|why');
    expect(heads(reportAs([mixed, '--tz', 'UTC', '--top', '2'], 'html'))[0]).toBe('|#|source|severity|score|packets|ports|hosts|seen|why');
    // The CLOSE row's session-close beside a DROP row's trojan: both kinds.
    expect(heads(html).at(-1)).toBe('|interpretation|severity|records|sources|e.g. from|meaning');
    const sev1 = ['--tz', 'UTC', '--min-severity', '1'];
    expect(heads(reportAs([mixed, ...sev1], 'html')).at(-1)).toBe('|interpretation|severity|packets|sources|e.g. from|meaning');
    expect(reportAs([mixed, ...sev1], 'text', { width: 250 })).toMatch(/│ interpretation +│ sev +│ packets +│ sources +│/);
    expect(reportAs([mixed, ...sev1], 'markdown')).toContain('| interpretation | sev | packets | sources |');
    expect(reportAs([mixed, ...sev1, '--lang', 'zh'], 'text', { width: 250 })).toMatch(/│ 解读 +│ 严重度 +│ 包数 +│/);
    const daily = dailyAs(['daily', mixed, '--tz', 'UTC', '--date', '2026-11-20', '--top', '2'], 'html');
    expect(heads(daily)).toContain('|#|source|severity|score|packets|ports|hosts|seen|why');
  });

  it('a log of connection rows only: its "logged as" tables count connections (report HTML, daily HTML and Markdown)', () => {
    expect(heads(reportAs([connectionsOnly, '--tz', 'UTC'], 'html'))).toContain('|logged as|connections|share');
    const day = ['daily', connectionsOnly, '--tz', 'UTC', '--date', '2026-11-20'];
    expect(heads(dailyAs(day, 'html'))).toContain('|logged as|connections|share');
    expect(dailyAs(day, 'markdown')).toContain('| logged as | connections |');
    expect(dailyAs([...day, '--lang', 'zh'], 'markdown')).toContain('| 记录为 | 连接数 |');
    // The mixed log's rows are both kinds.
    expect(heads(reportAs([mixed, '--tz', 'UTC'], 'html'))).toContain('|logged as|records|share');
  });

  it('a log of DROP rows only says packets everywhere', () => {
    const all = [
      reportAs([packetsOnly, '--tz', 'UTC'], 'text', { width: 250 }),
      reportAs([packetsOnly, '--tz', 'UTC'], 'markdown'),
      reportAs([packetsOnly, '--tz', 'UTC'], 'html'),
      dailyAs(['daily', packetsOnly, '--tz', 'UTC', '--date', '2026-11-20'], 'markdown'),
      dailyAs(['daily', packetsOnly, '--tz', 'UTC', '--date', '2026-11-20'], 'html'),
    ].join('\n');
    // The header's "records:" labels the lines and events read (HTML, Markdown), not a count of packets.
    expect(all.replaceAll('<li>records: ', '<li>').replaceAll('**records:**', '').match(/.{80}(?:records|connections).{20}/is)?.[0]).toBeUndefined();
  });

  it('probed ports: headed by the ports\' rows, not by the probes without a port (ICMP DROP packets beside connections let in)', () => {
    const log = write('icmp.log', [
      ROWS[0]!,
      ROWS[1]!,
      ROWS[3]!,
      '2026-11-20 10:12:00 DROP ICMP 198.51.100.8 192.168.1.35 - - 60 - - - - 8 0 - RECEIVE',
      '2026-11-20 10:13:00 DROP ICMP 198.51.100.9 192.168.1.35 - - 60 - - - - 8 0 - RECEIVE',
    ]);
    const text = reportAs([log, '--tz', 'UTC'], 'text', { width: 250 });
    // The probes are of both kinds; every probe with a port is a connection let in.
    expect(text).toMatch(/^probes +2 packets and 3 connections to 2 ports$/m);
    expect(text).toContain('Top destination ports (3 connections with a port)');
    expect(text).toMatch(/│ port +│ connections +│ sources +│ share +│/);
    expect(reportAs([log, '--tz', 'UTC', '--lang', 'zh'], 'text', { width: 250 })).toMatch(/│ 端口 +│ 连接数 +│/);
    const md = reportAs([log, '--tz', 'UTC'], 'markdown');
    expect(md).toContain('### Top destination ports (3 connections with a port)');
    expect(md).toContain('| port | connections | sources | share | known as |');
    expect(heads(reportAs([log, '--tz', 'UTC'], 'html'))).toContain('|port|connections|sources|share|known as');
    expect(heads(dailyAs(['daily', log, '--tz', 'UTC', '--date', '2026-11-20'], 'html'))).toContain('|port|connections|sources|share|known as');
    const doc = JSON.parse(runCliShared([log, '--tz', 'UTC', '-o', 'json']).stdout) as { topPortsPackets: number; topPortsConnections: number };
    expect(doc).toMatchObject({ topPortsPackets: 3, topPortsConnections: 3 });
    // With a DROP to a port the table counts blocked packets only: packets, whatever else the probes are.
    const dropped = write('icmp-drop.log', [...ROWS.slice(0, 4), '2026-11-20 10:12:00 DROP ICMP 198.51.100.8 192.168.1.35 - - 60 - - - - 8 0 - RECEIVE']);
    const out = reportAs([dropped, '--tz', 'UTC'], 'text', { width: 250 });
    expect(out).toContain('Top probed ports (dropped or rejected: 1 packet with a port)');
    expect(out).toMatch(/│ port +│ packets +│ sources +│ share +│/);
    expect((JSON.parse(runCliShared([dropped, '--tz', 'UTC', '-o', 'json']).stdout) as { topPortsConnections: number }).topPortsConnections).toBe(0);
  });

  it('none ranked: the busiest sources are headed by their own rows, not the whole log', () => {
    // Loopback is never ranked: a DROP of it beside this side's three connections.
    const log = write('unranked.log', [
      OWN[0]!,
      OWN[1]!,
      '2026-11-20 10:32:05 ALLOW TCP 192.168.1.35 192.0.2.80 55002 443 0 - 0 0 0 - - - SEND',
      '2026-11-20 10:40:00 DROP TCP 127.0.0.1 127.0.0.1 55003 443 52 S 1 0 64240 - - - SEND',
    ]);
    const one = reportAs([log, '--tz', 'UTC', '--top', '1'], 'text', { width: 250 });
    expect(one).toContain('Top sources by connections');
    expect(one).toMatch(/│ # │ source +│ connections │/);
    const both = reportAs([log, '--tz', 'UTC'], 'text', { width: 250 });
    expect(both).toContain('Top sources by records');
    const doc = JSON.parse(runCliShared([log, '--tz', 'UTC', '-o', 'json']).stdout) as { topSources: { ip: string; packets: number; connections: number }[] };
    expect(doc.topSources).toEqual([
      { ip: '192.168.1.35', packets: 3, connections: 3 },
      { ip: '127.0.0.1', packets: 1, connections: 0 },
    ]);
  });
});

describe("a Windows log's replies: ALLOW rows read as a server's reply are said as connections", () => {
  // A DNS server's answers let in (ALLOW rows: connections) beside one it dropped (a
  // packet); another server's DNS answer dropped, and an echo reply let in (an ALLOW row,
  // so a connection record, but to no port: an ICMP answer, not a server reply to a client port).
  const REPLY_ROWS = [
    '2026-11-20 10:00:00 ALLOW UDP 203.0.113.53 192.168.1.35 53 51000 0 - - - - - - - RECEIVE',
    '2026-11-20 10:00:01 ALLOW UDP 203.0.113.53 192.168.1.35 53 51001 0 - - - - - - - RECEIVE',
    '2026-11-20 10:00:02 DROP UDP 203.0.113.53 192.168.1.35 53 51002 60 - - - - - - - RECEIVE',
    '2026-11-20 10:02:00 ALLOW ICMP 198.51.100.1 192.168.1.35 - - 0 - - - - 0 0 - RECEIVE',
    '2026-11-20 10:02:02 DROP UDP 198.51.100.1 192.168.1.35 53 52001 60 - - - - - - - RECEIVE',
    ROWS[8]!,
  ];
  let replies = '';
  beforeAll(() => {
    replies = join(tempDir(), 'replies-pfirewall.log');
    writeFileSync(replies, [...HEADER, ...REPLY_ROWS, ''].join('\r\n'));
  });

  it('the not-probes line and the why lines (text en and zh, Markdown), JSON and daily', () => {
    const out = reportAs([replies, '--tz', 'UTC'], 'text', { width: 250 });
    expect(out).toMatch(/^not probes +2 replies to its connections · 3 server ends of its connections$/m);
    expect(out).toContain('│ DNS server replies (1 packet and 2 connections to client ports) ');
    // Its one connection record is the echo reply's, to no port: the DNS reply is a packet.
    expect(out).toContain('│ DNS server replies (1 packet to client ports), 1 ICMP echo/query reply ');
    const zh = reportAs([replies, '--tz', 'UTC', '--lang', 'zh'], 'text', { width: 250 });
    expect(zh).toMatch(/^非探测 +2 个是对本方连接的回复 · 3 个是本方连接的服务端记录$/m);
    expect(zh).toContain('DNS 服务器回复（1 个包和 2 个连接发往客户端端口）');
    expect(reportAs([replies, '--tz', 'UTC'], 'markdown')).toContain('| DNS server replies (1 packet and 2 connections to client ports) |');
    const doc = JSON.parse(runCliShared([replies, '--tz', 'UTC', '-o', 'json']).stdout) as { probes: Record<string, number> };
    expect(doc.probes).toMatchObject({ replies: 5, replyConnections: 3, connections: 0 });
    const day = JSON.parse(runCliShared(['daily', replies, '--tz', 'UTC', '--date', '2026-11-20', '-o', 'json']).stdout) as { headline: Record<string, number> };
    expect(day.headline).toMatchObject({ replies: 5, replyConnections: 3 });
  });

  it("replies that are DROP rows stay packets: the plaso corpus log's, none of them an ALLOW row", () => {
    const plaso = join(corpus, 'plaso_windows_firewall.log');
    const doc = JSON.parse(runCliShared([plaso, '--tz', 'UTC', '-o', 'json']).stdout) as { probes: Record<string, number> };
    expect(doc.probes).toMatchObject({ replies: 4, replyConnections: 0 });
    const out = reportAs([plaso, '--tz', 'UTC'], 'text', { width: 250 });
    expect(out).toContain(' · 4 replies to its connections');
    expect(out).not.toContain('server end');
  });
});
