// A Cisco ASA logs connection records (Built when a connection starts, Teardown when it
// ends), not packets: a report of one counts them as connections, in the words a Windows
// Firewall log's ALLOW/OPEN/CLOSE rows get (windows-connection-words.test.ts), and a
// Teardown, like a CLOSE row, is no probe (connection-teardown).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, runCliShared, tempDir } from '../helpers/cli.js';

const at = (time: string, tag: string, text: string): string => `<166>Jan  5 ${time} 10.0.0.1 %${tag}: ${text}`;
// A client lets itself in twice to 443 (one of the connections ends in the log), one SSH
// probe is denied, a LAN machine's connection out and its end, and the end of a connection
// whose Built came before the log.
const LINES = [
  at('08:50:00', 'ASA-6-302013', 'Built inbound TCP connection 11 for outside:203.0.113.5/50000 (203.0.113.5/50000) to inside:10.0.0.5/443 (10.0.0.5/443)'),
  at('08:50:07', 'ASA-6-302014', 'Teardown TCP connection 11 for outside:203.0.113.5/50000 to inside:10.0.0.5/443 duration 0:00:07 bytes 3433 TCP FINs'),
  at('08:51:00', 'ASA-6-302013', 'Built inbound TCP connection 12 for outside:203.0.113.5/50001 (203.0.113.5/50001) to inside:10.0.0.5/443 (10.0.0.5/443)'),
  at('08:52:00', 'ASA-4-106023', 'Deny tcp src outside:198.51.100.7/40000 dst inside:10.0.0.5/22 by access-group "outside_in" [0x0, 0x0]'),
  at('08:53:00', 'ASA-6-302013', 'Built outbound TCP connection 13 for outside:198.51.100.1/443 (198.51.100.1/443) to inside:10.0.0.6/51000 (10.0.0.6/51000)'),
  at('08:54:00', 'ASA-6-302014', 'Teardown TCP connection 13 for outside:198.51.100.1/443 to inside:10.0.0.6/51000 duration 0:01:00 bytes 1000 TCP FINs'),
  at('08:55:00', 'ASA-6-302014', 'Teardown TCP connection 9 for outside:192.0.2.9/41000 to inside:10.0.0.5/8443 duration 0:09:00 bytes 1000 TCP FINs'),
];
const wide = { env: { COLUMNS: '250' } };

let log = '';
beforeAll(() => {
  log = join(tempDir(), 'asa.log');
  writeFileSync(log, [...LINES, ''].join('\n'));
});

describe('a Cisco ASA log: Built and Teardown records are said as connections', () => {
  it('the count line, the probes line, a source\'s why and the interpretations (text, en)', () => {
    const out = runCli([log, '--tz', 'UTC'], wide).stdout;
    expect(out).toContain('7 events (1 packet, 6 connections)');
    // The client's two connections are counted by their Builts; the Teardown of one is no probe.
    expect(out).toMatch(/^probes +1 packet and 2 connections to 2 ports · blocked: 1 packet to 1 port$/m);
    // Connection 13's Teardown names the server first (198.51.100.1/443): the server's end of this side's connection.
    expect(out).toMatch(/^not probes +1 connection from this side · 1 server end of one of its connections · 2 ends of connections already under way$/m);
    expect(out).toContain('│ service-port server replies (1 connection to client ports) ');
    expect(out).toContain('│ 3 connections, 2 of them to 443/tcp (2 allowed) ');
    expect(out).toContain('│ 1 end of a connection already under way (Teardown records: ends of connections), to 8443/tcp ');
    expect(out).toContain('│ 1 packet to 22/tcp ');
    expect(out).not.toMatch(/packets? to 443|packets? to 8443/);
    expect(out).toMatch(/│ interpretation +│ sev +│ connections +│ sources +│/);
  });

  it('the same in Chinese and HTML', () => {
    const zh = runCli([log, '--tz', 'UTC', '--lang', 'zh'], wide).stdout;
    expect(zh).toContain('7 个事件（1 个包，6 个连接）');
    expect(zh).toContain('1 个包和 2 个连接，发往 2 个端口');
    expect(zh).toContain('3 个连接，其中 2 个发往 443/tcp（其中 2 个已放行）');
    expect(zh).toContain('已在进行中的连接的 1 条结束记录（Teardown 记录：连接的结束），发往 8443/tcp');
    const html = runCliShared([log, '--tz', 'UTC', '-o', 'html']).stdout;
    expect(html).toContain('Records per hour of the day (UTC)');
    expect(html).not.toContain('Packets per hour');
  });

  it('--source details and JSON: totals.connections, probes.connections, sources[].connections; packets still counts every record', () => {
    const out = runCli([log, '--tz', 'UTC', '--source', '203.0.113.5'], wide).stdout;
    expect(out).toMatch(/203\.0\.113\.5 in detail[\s\S]*verdicts \(connections\)\n +allow 3\n/);
    // Busiest first: the three records' port, then the one Teardown.
    expect(out).toMatch(/interpretations \(connections\)\n +known port \(port-known\) 3 · end of a connection \(connection-teardown\) 1\n/);
    const doc = JSON.parse(runCliShared([log, '--tz', 'UTC', '-o', 'json']).stdout) as {
      totals: Record<string, number>;
      probes: Record<string, number>;
      sources: { ip: string; packets: number; connections: number }[];
    };
    expect(doc.totals).toMatchObject({ packets: 7, connections: 6 });
    expect(doc.probes).toMatchObject({ packets: 3, connections: 2, blocked: 1, own: 1, ownConnections: 1, replies: 1, replyConnections: 1, late: 2, lateConnections: 2 });
    expect(doc.sources.find((s) => s.ip === '203.0.113.5')).toMatchObject({ packets: 3, connections: 3 });
    expect(doc.sources.find((s) => s.ip === '198.51.100.7')).toMatchObject({ packets: 1, connections: 0 });
  });

  it('daily: the probes line and the JSON headline', () => {
    const day = ['daily', log, '--tz', 'UTC', '--date', '2026-01-05'];
    const text = runCli([...day, '-o', 'text'], wide).stdout;
    expect(text).toMatch(/^probes +1 packet and 2 connections from 2 sources to 2 ports$/m);
    expect(text).toContain('Activity per hour (max 7 records)');
    expect(runCli([...day, '-o', 'text', '--lang', 'zh'], wide).stdout).toContain('1 个包和 2 个连接，来自 2 个来源');
    const json = JSON.parse(runCli([...day, '-o', 'json']).stdout) as { headline: Record<string, number> };
    expect(json.headline).toMatchObject({ packets: 7, connections: 6, probes: 3, probeConnections: 2, late: 2, lateConnections: 2 });
  });
});

// A server's replies: Teardown records that name a service port first (connection-reply)
// are the server's end of this side's connections; a 106015 deny of a late ACK from 443 is a
// packet (tcp-reply). One source sends both, another only Teardowns.
const REPLIES = [
  at('09:00:00', 'ASA-6-302014', 'Teardown TCP connection 21 for outside:198.51.100.80/443 to inside:10.0.0.7/52000 duration 0:01:00 bytes 5000 TCP FINs'),
  at('09:00:01', 'ASA-6-302014', 'Teardown TCP connection 22 for outside:198.51.100.80/443 to inside:10.0.0.7/52001 duration 0:01:00 bytes 5000 TCP FINs'),
  at('09:00:02', 'ASA-6-106015', 'Deny TCP (no connection) from 198.51.100.80/443 to 10.0.0.7/52002 flags ACK  on interface outside'),
  at('09:01:00', 'ASA-6-302016', 'Teardown UDP connection 23 for outside:192.0.2.161/161 to inside:10.0.0.8/63000 duration 0:02:01 bytes 209'),
  at('09:01:01', 'ASA-6-302016', 'Teardown UDP connection 24 for outside:192.0.2.161/161 to inside:10.0.0.8/63001 duration 0:02:01 bytes 209'),
  at('09:02:00', 'ASA-4-106023', 'Deny tcp src outside:198.51.100.7/40000 dst inside:10.0.0.5/22 by access-group "outside_in" [0x0, 0x0]'),
];

describe('a Cisco ASA log: replies that are Teardown records are said as connections', () => {
  let replies = '';
  beforeAll(() => {
    replies = join(tempDir(), 'asa-replies.log');
    writeFileSync(replies, [...REPLIES, ''].join('\n'));
  });

  it('the not-probes line splits the replies, each source\'s why says what its replies were (text, en and zh)', () => {
    const out = runCli([replies, '--tz', 'UTC'], wide).stdout;
    expect(out).toMatch(/^not probes +1 reply to its connections · 4 server ends of its connections$/m);
    expect(out).toContain('│ TCP/service-port server replies (1 packet and 2 connections to client ports) ');
    expect(out).toContain('│ service-port server replies (2 connections to client ports) ');
    expect(out).not.toMatch(/packets? to client ports/);
    const zh = runCli([replies, '--tz', 'UTC', '--lang', 'zh'], wide).stdout;
    expect(zh).toMatch(/^非探测 +1 个是对本方连接的回复 · 4 个是本方连接的服务端记录$/m);
    expect(zh).toContain('服务器回复（1 个包和 2 个连接发往客户端端口）');
    expect(zh).toContain('服务端口服务器回复（2 个连接发往客户端端口）');
  });

  it('Markdown, HTML, --source, JSON (probes.replyConnections) and daily (headline.replyConnections)', () => {
    const md = runCli([replies, '--tz', 'UTC', '-o', 'md']).stdout;
    expect(md).toContain('- **not probes:** 1 reply to its connections · 4 server ends of its connections\n');
    const html = runCliShared([replies, '--tz', 'UTC', '-o', 'html']).stdout;
    expect(html).toContain('<div class="v">5</div><div class="t">1 reply to its connections · 4 server ends of its connections</div>');
    expect(html).toContain('service-port server replies (2 connections to client ports)');
    const one = runCli([replies, '--tz', 'UTC', '--source', '192.0.2.161'], wide).stdout;
    expect(one).toMatch(/^not probes +2 server ends of its connections$/m);
    const doc = JSON.parse(runCliShared([replies, '--tz', 'UTC', '-o', 'json']).stdout) as { probes: Record<string, number> };
    expect(doc.probes).toMatchObject({ replies: 5, replyConnections: 4 });
    const day = ['daily', replies, '--tz', 'UTC', '--date', '2026-01-05'];
    expect(runCli([...day, '-o', 'text'], wide).stdout).toMatch(/^not probes +1 reply to its connections · 4 server ends of its connections$/m);
    const state = join(tempDir(), 'state');
    const json = JSON.parse(runCli([...day, '-o', 'json', '--state', state]).stdout) as { headline: Record<string, number> };
    expect(json.headline).toMatchObject({ replies: 5, replyConnections: 4, connections: 4 });
    // The digest keeps what it kept (no replies' connections: no day's replies are compared
    // with the day before's); version 7 names the day's formats.
    const digest = JSON.parse(readFileSync(join(state, '2026-01-05.json'), 'utf8')) as { logscanDailyDigest: number; formats: string[]; totals: Record<string, number> };
    expect(digest.logscanDailyDigest).toBe(8);
    expect(digest.formats).toEqual(['cisco-asa']);
    expect(Object.keys(digest.totals)).not.toContain('replyConnections');
    expect(digest.totals).toMatchObject({ packets: 6, connections: 4, probeConnections: 0, ownConnections: 0, lateConnections: 0 });
  });
});

// LAN chatter that is a connection record: a Cisco ASA Teardown of a NetBIOS datagram
// connection to the segment's broadcast address (as metron_asa_raw.log's 10.22.8.240 to
// 10.22.8.255/138), beside a denied datagram to the same address and one probe.
const CHATTER = [
  at('09:10:00', 'ASA-6-302016', 'Teardown UDP connection 31 for outside:192.0.2.40/138 to inside:10.0.0.255/138 duration 0:02:01 bytes 214'),
  at('09:10:01', 'ASA-6-302016', 'Teardown UDP connection 32 for outside:192.0.2.40/138 to inside:10.0.0.255/138 duration 0:02:01 bytes 214'),
  at('09:10:02', 'ASA-4-106023', 'Deny udp src outside:192.0.2.40/137 dst inside:10.0.0.255/137 by access-group "outside_in" [0x0, 0x0]'),
  at('09:10:03', 'ASA-4-106023', 'Deny tcp src outside:192.0.2.40/40000 dst inside:10.0.0.5/3389 by access-group "outside_in" [0x0, 0x0]'),
];

describe('a Cisco ASA log: LAN chatter that is Teardown records is said as connections', () => {
  let chatter = '';
  beforeAll(() => {
    chatter = join(tempDir(), 'asa-chatter.log');
    writeFileSync(chatter, [...CHATTER, ''].join('\n'));
  });

  it('the not-probes line splits the chatter, and the why line still knows the probe beside it is a packet (text, en and zh)', () => {
    const out = runCli([chatter, '--tz', 'UTC'], wide).stdout;
    expect(out).toMatch(/^not probes +1 packet of LAN broadcast chatter · 2 connections of LAN broadcast chatter$/m);
    // The chatter's connections are not the probe's: it was a denied packet, not a record.
    expect(out).toContain('│ local broadcast noise; and 1 packet to 3389/tcp ');
    const zh = runCli([chatter, '--tz', 'UTC', '--lang', 'zh'], wide).stdout;
    expect(zh).toMatch(/^非探测 +1 个是局域网广播噪声 · 2 个是局域网广播噪声的连接记录$/m);
  });

  it('Markdown, HTML, JSON (probes.noiseConnections) and daily (headline.noiseConnections)', () => {
    const md = runCli([chatter, '--tz', 'UTC', '-o', 'md']).stdout;
    expect(md).toContain('- **not probes:** 1 packet of LAN broadcast chatter · 2 connections of LAN broadcast chatter\n');
    const html = runCliShared([chatter, '--tz', 'UTC', '-o', 'html']).stdout;
    expect(html).toContain('<div class="v">3</div><div class="t">1 packet of LAN broadcast chatter · 2 connections of LAN broadcast chatter</div>');
    const doc = JSON.parse(runCliShared([chatter, '--tz', 'UTC', '-o', 'json']).stdout) as { probes: Record<string, number> };
    expect(doc.probes).toMatchObject({ noise: 3, noiseConnections: 2 });
    const day = ['daily', chatter, '--tz', 'UTC', '--date', '2026-01-05'];
    expect(runCli([...day, '-o', 'text'], wide).stdout).toMatch(/^not probes +1 packet of LAN broadcast chatter · 2 connections of LAN broadcast chatter$/m);
    const json = JSON.parse(runCli([...day, '-o', 'json']).stdout) as { headline: Record<string, number> };
    expect(json.headline).toMatchObject({ noise: 3, noiseConnections: 2 });
  });
});

describe('a Cisco ASA log: the evidence of server-replies and late-packets counts their connections', () => {
  it('evidence.connections beside packets where the text says connections, absent where it says packets only', () => {
    const file = join(tempDir(), 'asa-evidence.log');
    writeFileSync(file, [...LINES, ...REPLIES, ''].join('\n'));
    type Src = { ip: string; findings: { id: string; text: string; evidence: Record<string, unknown> }[] };
    const doc = JSON.parse(runCliShared([file, '--tz', 'UTC', '-o', 'json']).stdout) as { sources: Src[] };
    const finding = (ip: string, id: string) => doc.sources.find((s) => s.ip === ip)!.findings.find((f) => f.id === id)!;
    const mixed = finding('198.51.100.80', 'server-replies');
    expect(mixed.text).toBe('TCP/service-port server replies (1 packet and 2 connections to client ports)');
    expect(mixed.evidence).toMatchObject({ packets: 3, connections: 2 });
    expect(finding('192.0.2.161', 'server-replies').evidence).toMatchObject({ packets: 2, connections: 2 });
    const late = finding('192.0.2.9', 'late-packets');
    expect(late.text).toContain('1 end of a connection already under way');
    expect(late.evidence).toMatchObject({ packets: 1, connections: 1 });
  });
});
