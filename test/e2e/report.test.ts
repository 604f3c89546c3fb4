// End-to-end: the report command (built CLI) on generated and real scan logs:
// ranking, JSON shape, Markdown, filters, --config and --fail-on exit codes.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, linkSync, openSync, lstatSync, mkdirSync, readFileSync, readdirSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliPath, type CliResult, ndjson, runCli, runCliShared, tempDir } from '../helpers/cli.js';
// Text, Markdown, HTML and CSV are read from one run per log and language: views.ts.
import { dailyAs, reportAs } from '../helpers/views.js';
import { isoLine } from '../daily/lines.js';

const ndjsonOf = (out: string) => ndjson(out) as unknown as { time: string; count: number }[];

const CORPUS = new URL('../../../shared/corpus/iptables/', import.meta.url).pathname;

function line(sec: number, src: string, dpt: number, opts: { proto?: 'TCP' | 'UDP'; flags?: string; dst?: string } = {}): string {
  const t = new Date(Date.UTC(2026, 10, 20, 6, 0, 0) + sec * 1000);
  const mon = 'Nov';
  const hh = String(t.getUTCHours()).padStart(2, '0');
  const mm = String(t.getUTCMinutes()).padStart(2, '0');
  const ss = String(t.getUTCSeconds()).padStart(2, '0');
  const proto = opts.proto ?? 'TCP';
  const tail = proto === 'TCP' ? `WINDOW=1024 RES=0x00 ${opts.flags ?? 'SYN'} URGP=0` : 'LEN=8';
  return `${mon} ${t.getUTCDate()} ${hh}:${mm}:${ss} gw kernel: [1.0] [UFW BLOCK] IN=eth0 OUT= MAC=00:11:22:33:44:55:66:77:88:99:aa:bb:08:00 SRC=${src} DST=${opts.dst ?? '192.168.1.10'} LEN=44 TOS=0x00 PREC=0x00 TTL=51 ID=1 PROTO=${proto} SPT=40000 DPT=${dpt} ${tail}`;
}

let dir = '';
let mixed = '';
/** One packet, for what does not depend on the log (where and how the report is written): a run on it costs about half of one on mixed.log. */
let small = '';
const BASE = ['--year', '2026', '--tz', 'UTC'];

beforeAll(() => {
  dir = tempDir();
  mixed = join(dir, 'mixed.log');
  const lines: string[] = [];
  // A vertical scanner (600 ports in 2 min), a telnet hammer (3,000 packets over 10 h), a sweeper.
  for (let p = 1; p <= 600; p++) lines.push(line(p * 0.2, '203.0.113.9', p));
  for (let i = 0; i < 3000; i++) lines.push(line(i * 12, '198.51.100.23', 23));
  for (let h = 1; h <= 40; h++) lines.push(line(3600 + h, '203.0.113.50', 445, { dst: `192.168.1.${h}` }));
  lines.push(line(7200, '192.0.2.77', 1, { flags: '' }));
  lines.sort((a, b) => a.slice(0, 15).localeCompare(b.slice(0, 15)));
  writeFileSync(mixed, lines.join('\n') + '\n');
  small = join(dir, 'small.log');
  writeFileSync(small, line(0, '203.0.113.9', 23) + '\n');
});

interface JsonSource {
  rank: number;
  ip: string;
  score: number;
  events: number;
  ports: number;
  findings: { id: string; severity: number; evidence: Record<string, unknown> }[];
  annotations: Record<string, number>;
  explanation: string;
}

/** The JSON report; `run` is runCli for a command that depends on the clock. */
function json(args: string[], run: (args: string[]) => CliResult = runCliShared): { code: number | null; doc: { sources: JsonSource[]; [k: string]: unknown }; stderr: string } {
  const r = run([...args, '-o', 'json']);
  return { code: r.code, doc: JSON.parse(r.stdout), stderr: r.stderr };
}

describe('logscan report: ranking', () => {
  it('ranks the wide scanner first and explains every row', () => {
    const { code, doc } = json([mixed, ...BASE]);
    expect(code).toBe(0);
    // A single crafted NULL packet outranks plain volume on one service.
    expect(doc.sources.map((s) => s.ip)).toEqual(['203.0.113.9', '203.0.113.50', '192.0.2.77', '198.51.100.23']);
    const [scan] = doc.sources;
    expect(scan).toMatchObject({ rank: 1, events: 600, ports: 600 });
    // Trojan ports crossed by a blind scan are listed but marked incidental (severity ≤ 2).
    expect(scan.findings.map((f) => f.id)).toContain('vertical-scan');
    expect(scan.findings.find((f) => f.id === 'vertical-scan')!.evidence).toMatchObject({ ports: 600, hosts: 1 });
    // 600 ports from 1 cross trojan ports (31, 555, …): the finding is there, and incidental.
    expect(scan.findings.find((f) => f.id === 'trojan-probe')).toMatchObject({ severity: 2, evidence: { incidental: true } });
    expect(scan.explanation).toMatch(/^vertical scan: 600 ports in 2 min/);
    expect(doc.sources[1].findings.map((f) => f.id)).toEqual(['horizontal-sweep']);
    expect(doc.sources[2].findings.map((f) => f.id)).toEqual(['null-scan']);
    expect(doc.sources[3].explanation).toBe('3,000 packets to 23/tcp in 10 h');
    for (const s of doc.sources) expect(typeof s.score).toBe('number');
    // Existing fields stay.
    expect(doc).toHaveProperty('topPorts');
    expect(doc).toHaveProperty('topSources');
    expect(doc).toHaveProperty('interpretations');
  });

  it('each probed port carries what a probe of it means, or null when logscan does not know the port', () => {
    const ports = json([mixed, ...BASE]).doc.topPorts as { port: number; proto: string; names: string[]; meaning: string | null }[];
    const telnet = ports.find((p) => p.port === 23)!;
    expect(telnet.names[0]).toBe('Telnet');
    expect(telnet.meaning).toMatch(/^Unencrypted remote login/);
    const unknown = ports.find((p) => p.names.length === 0);
    expect(unknown?.meaning).toBeNull();
    const zh = JSON.parse(runCliShared([mixed, ...BASE, '--lang', 'zh', '-o', 'json']).stdout) as { topPorts: { port: number; meaning: string | null }[] };
    expect(zh.topPorts.find((p) => p.port === 23)!.meaning).toMatch(/[\u4e00-\u9fff]/);
  });

    it('prints the ranked table with the explanation', () => {
    const r = runCliShared([mixed, ...BASE]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Top sources');
    expect(r.stdout).toMatch(/1 │ 203\.0\.113\.9 /);
    expect(r.stdout).toContain('vertical scan: 600 ports');
    expect(r.stdout).not.toMatch(/\u001b\[/);
  });

  it('--top limits the rows', () => {
    expect(json([mixed, ...BASE, '--top', '2']).doc.sources).toHaveLength(2);
  });

  it('says how many sources were ranked when the table shows fewer (the header counts every source seen)', () => {
    const { doc } = json([mixed, ...BASE, '--top', '2']);
    expect(reportAs([mixed, ...BASE, '--top', '2'], 'text')).toContain(`Top sources (2 of ${String(doc.rankedSources)} ranked)`);
  });

  it.each([
    ['null', 'null-scan'],
    ['xmas', 'xmas-scan'],
    ['fin', 'fin-scan'],
    ['udp', 'udp-scan'],
  ])('psad %s scan capture gives %s', (kind, id) => {
    const { code, doc } = json([`${CORPUS}psad_${kind}_scan_1000_1150.log`]);
    expect(code).toBe(0);
    expect(doc.sources[0].ip).toBe('192.168.10.55');
    expect(doc.sources[0].findings.map((f) => f.id)).toContain(id);
  });

  it("psad's protocol scan capture (nmap -sO) is a proto-scan, and the header names numbered protocols and how many more there were", () => {
    const file = `${CORPUS}psad_proto_scan.log`;
    const { doc } = json([file]);
    expect(doc.sources[0].ip).toBe('192.168.10.55');
    expect(doc.sources[0].findings.map((f) => f.id)).toEqual(['proto-scan']);
    const text = reportAs([file, '--tz', 'UTC'], 'text', { width: 200 });
    // Equal counts: the named protocols first, then the numbers in order; eight shown.
    expect(text).toMatch(/^protocols {2}ah 2 \(0\.4%\) · dccp 2 \(0\.4%\) · esp 2 \(0\.4%\) · .* · \+247 more$/m);
    expect(text).toContain('IP protocol scan: 255 protocols in 5 s');
    const numbered = join(dir, 'numbered.log');
    writeFileSync(numbered, [100, 10, 3].map((p, i) => line(i, '203.0.113.70', 1).replace(/PROTO=TCP SPT=40000 DPT=1 .*$/, `PROTO=${p} `)).join('\n') + '\n');
    expect(reportAs([numbered, ...BASE], 'text', { width: 200 })).toMatch(/^protocols {2}proto 3 1 \(33%\) · proto 10 1 \(33%\) · proto 100 1 \(33%\)$/m);
  });
});

describe('logscan report: what a source address is', () => {
  it('a source address the firewall wrote wrong is said to be no valid IP address, in every format and language; its packets still count', () => {
    const file = join(dir, 'invalid.log');
    const bad = ['fe80:0000:0000:0000:530f4:caf2:9287:5ada', '192.168.1.10055'];
    writeFileSync(file, [line(0, bad[0]!, 23, { dst: 'fe80:0000:0000:0000:97cc:4cbe:95d9:24fb' }), line(1, bad[1]!, 23), line(2, '203.0.113.9', 23)].join('\n') + '\n');
    const { doc } = json([file, ...BASE]);
    const range = (ip: string) => (doc.sources.find((s) => s.ip === ip) as unknown as { addressRange: { id: string; range: string; note: string } | null }).addressRange;
    for (const ip of bad) expect(range(ip), ip).toEqual({ id: 'invalid-address', range: '', note: 'not a valid IP address as logged' });
    expect(range('203.0.113.9')).toBeNull();
    const counts = (doc as unknown as { sourceRanges: { id: string; name: string; sources: number; packets: number }[] }).sourceRanges;
    expect(counts).toEqual([{ id: 'invalid-address', range: '', name: 'Not a valid IP address', sources: 2, packets: 2 }]);
    const text = reportAs([file, ...BASE], 'text', { width: 200 });
    expect(text).toMatch(/192\.168\.1\.10055 .*1 packet to 23\/tcp · not a valid IP address as logged/);
    expect(text).toMatch(/^addresses {2}Not a valid IP address: 2 sources$/m);
    expect(text).not.toContain('ordinary public');
    expect(reportAs([file, ...BASE], 'markdown')).toContain('1 packet to 23/tcp · not a valid IP address as logged');
    expect(reportAs([file, ...BASE], 'html')).toContain('1 packet to 23/tcp · not a valid IP address as logged');
    expect(reportAs([file, ...BASE, '--lang', 'zh'], 'text', { width: 200 })).toContain('记录中的地址不是有效的 IP 地址');
    const csv = reportAs([file, ...BASE], 'csv').trim().split('\r\n');
    expect(csv.find((l) => l.includes('192.168.1.10055'))!.endsWith(',invalid-address,0')).toBe(true);
  });


  it('a ranked source in a special-purpose range says what it is, in every format and language; others say nothing', () => {
    const file = join(dir, 'ranges.log');
    const srcs = ['100.64.12.7', '169.254.3.3', '198.18.0.4', '203.0.113.9', '10.1.2.3'];
    writeFileSync(file, srcs.map((src, i) => line(i, src, 23)).join('\n') + '\n');
    const { doc } = json([file, ...BASE]);
    const range = (ip: string) => (doc.sources.find((s) => s.ip === ip) as unknown as { addressRange: { id: string; note: string } | null }).addressRange;
    expect(range('100.64.12.7')).toMatchObject({ id: 'shared-cgnat', note: expect.stringContaining('another customer of your ISP') });
    expect(range('169.254.3.3')?.id).toBe('link-local');
    expect(range('198.18.0.4')?.id).toBe('benchmarking');
    // Documentation ranges stand for public addresses in examples; this side's private ranges need no word.
    expect(range('203.0.113.9')).toBeNull();
    expect(range('10.1.2.3')).toBeNull();
    const text = reportAs([file, ...BASE], 'text', { width: 200 });
    expect(text).toMatch(/100\.64\.12\.7 .*1 packet to 23\/tcp · carrier-grade NAT: another customer of your ISP/);
    expect(reportAs([file, ...BASE], 'markdown')).toMatch(/1 packet to 23\/tcp · link-local: a machine here that got no DHCP lease/);
    expect(reportAs([file, ...BASE], 'html')).toContain('1 packet to 23/tcp · benchmarking range, never routed: forged or misrouted');
    expect(reportAs([file, ...BASE, '--lang', 'zh'], 'text', { width: 200 })).toContain('运营商级 NAT：同一 ISP 的其他用户');
    // Over all ranked sources (not only those shown): how many are in each such range.
    const counts = (doc as unknown as { sourceRanges: { id: string; sources: number; packets: number }[] }).sourceRanges;
    expect(counts.map((r) => [r.id, r.sources, r.packets])).toEqual([['benchmarking', 1, 1], ['link-local', 1, 1], ['shared-cgnat', 1, 1]]);
    const top1 = json([file, ...BASE, '--top', '1']).doc as unknown as { sourceRanges: unknown[] };
    expect(top1.sourceRanges).toEqual(counts);
    expect(text).toMatch(/^addresses {2}Benchmarking: 1 source · Link-local \(APIPA\): 1 source · Shared address space \(carrier-grade NAT\): 1 source$/m);
    expect(reportAs([file, ...BASE], 'markdown')).toContain('**Addresses:** Benchmarking: 1 source · ');
    expect(json([mixed, ...BASE]).doc).toMatchObject({ sourceRanges: [] });
    const csv = reportAs([file, ...BASE], 'csv').trim().split('\r\n');
    expect(text).not.toContain('not a valid IP address');
    expect(csv[0].endsWith(',explanation,address_range,connections')).toBe(true);
    expect(csv.find((l) => l.includes('100.64.12.7'))!.endsWith(',shared-cgnat,0')).toBe(true);
    expect(csv.find((l) => l.includes('203.0.113.9'))!.endsWith(',,0')).toBe(true);
  });

  it('--signatures can name your own networks for the report too', () => {
    const file = join(dir, 'vpn.log');
    writeFileSync(file, line(0, '10.8.0.5', 3389) + '\n');
    const sig = join(dir, 'sig');
    mkdirSync(sig, { recursive: true });
    const mine = { id: 'office-vpn', range: '10.8.0.0/24', name: { en: 'Office VPN', zh: '办公室 VPN' }, text: { en: 'WireGuard peers.', zh: 'WireGuard 对端。' }, ref: 'ops wiki', asSource: { en: 'an office VPN client', zh: '办公室 VPN 客户端' } };
    writeFileSync(join(sig, 'addresses.json'), JSON.stringify({ schemaVersion: 1, entries: [mine] }));
    const text = reportAs([file, ...BASE, '--signatures', sig], 'text', { width: 200 });
    expect(text).toMatch(/10\.8\.0\.5 .* · an office VPN client/);
  });
});

describe('logscan report: connection records', () => {
  it("the servers at the far end of a Cisco ASA's teardown records are replies, not probers of client ports", () => {
    const file = new URL('../../../shared/corpus/cisco-asa/metron_asa_raw.log', import.meta.url).pathname;
    const { doc } = json([file, '--top', '100']);
    const servers = ['72.111.72.43', '206.111.72.2', '209.111.72.151', '23.111.72.27'];
    const rows = doc.sources.filter((s) => servers.includes(s.ip));
    expect(rows.map((s) => s.ip).sort()).toEqual([...servers].sort());
    for (const r of rows) {
      expect(r.findings.map((f) => f.id), r.ip).toEqual(['server-replies']);
      expect(r.ports, r.ip).toBe(0);
      expect(r.annotations, r.ip).not.toHaveProperty('srcport-low');
    }
    // Teardown records: connections, not packets.
    expect(rows.find((s) => s.ip === '72.111.72.43')!.explanation).toBe('service-port server replies (4 connections to client ports)');
    const replies = (doc.interpretations as { id: string; packets: number }[]).find((i) => i.id === 'connection-reply');
    expect(replies?.packets).toBe(18);
    expect((doc.probes as { replies: number }).replies).toBeGreaterThanOrEqual(18);
    expect((doc.probes as { replyConnections: number }).replyConnections).toBe(18);
  });
});

describe('logscan report: Cisco ASA connections built inbound', () => {
  it("LAN clients' connections to public servers that the ASA built 'inbound' (opened from its lower-security interface) are this side's own, not inbound probes", () => {
    const file = new URL('../../../shared/corpus/cisco-asa/metron_asa_raw.log', import.meta.url).pathname;
    const { doc } = json([file, '--top', '100']);
    const ranked = doc.sources.map((s) => s.ip);
    // Each only `Built inbound … for outside:10.22.8.x … to inside:<public>/443|5223|7576|80|8612`.
    for (const ip of ['10.22.8.97', '10.22.8.62', '10.22.8.110', '10.22.8.227', '10.22.8.147', '10.22.8.233', '10.22.8.89']) expect(ranked, ip).not.toContain(ip);
    // Connections from the Internet to the DMZ's web server stay ranked: they came in.
    for (const ip of ['147.111.72.16', '115.111.72.7']) expect(ranked, ip).toContain(ip);
  });
});

describe('logscan report: late packets of connections (ACK or RST, no SYN)', () => {
  const fixture = (name: string): string => new URL(`../fixtures/report/${name}`, import.meta.url).pathname;

  it('an SSH session that a LOG rule recorded is late packets, not probes: no probed port, in every format and language; an ACK knock on seven ports is probes, all of it', () => {
    const file = fixture('knocker-session.log');
    const text = reportAs([file, ...BASE], 'text');
    // The session's 18 packets are late. The knock's first 10 (to 22, 11, 45 and 999) were
    // read as late too, until its fifth port (777) showed the ACK scan; the ranking calls
    // them the scan's, and so does the header.
    expect(text).toContain('\nprobes     20 packets to 7 ports\nnot probes 18 late packets of connections already under way\n');
    expect(reportAs([file, ...BASE], 'markdown')).toContain('- **not probes:** 18 late packets of connections already under way\n');
    expect(reportAs([file, ...BASE], 'html')).toContain('<div class="k">not probes</div><div class="v">18</div><div class="t">18 late packets of connections already under way</div>');
    expect(reportAs([file, ...BASE, '--lang', 'zh'], 'text')).toContain('18 个是已在进行中的连接的迟到报文');
    const { doc } = json([file]);
    expect(doc.probes).toEqual({ packets: 20, connections: 0, ports: 7, blocked: 0, blockedPorts: 0, portsCapped: false, blockedPortsCapped: false, own: 0, replies: 0, noise: 0, late: 18, ownConnections: 0, lateConnections: 0, replyConnections: 0, noiseConnections: 0 });
    // Port 22's packets in the table are the knocker's 7 ACKs only, none of the session's.
    const ports = doc.topPorts as { port: number; packets: number; sources: number }[];
    expect(ports.map((p) => p.port).sort((a, b) => a - b)).toEqual([3, 11, 22, 45, 100, 777, 999]);
    expect(ports.find((p) => p.port === 22)).toMatchObject({ packets: 7, sources: 1 });
    // The ACK knock on seven ports still reads as what it is, with its ports; the session says what it was.
    const knock = doc.sources.find((s) => s.ip === '192.168.1.50')!;
    expect([knock.rank, knock.ports, knock.findings.map((f) => f.id)]).toEqual([1, 7, ['ack-scan']]);
    const session = doc.sources.find((s) => s.ip === '192.168.1.5')!;
    expect([session.ports, session.explanation]).toEqual([0, '18 late packets of connections already under way (ACK/RST, no SYN), to 22/tcp']);
  });

  for (const threads of ['1', '2']) {
    it(`--sweep-hosts moves the ack-scan reading's host count with the finding's (--threads ${threads}): bare ACKs to 6 hosts on one port`, () => {
      const file = join(tempDir(), 'ack-sweep.log');
      writeFileSync(file, Array.from({ length: 6 }, (_, i) => line(i * 5, '203.0.113.66', 80, { flags: 'ACK', dst: `192.168.1.${i + 1}` })).join('\n') + '\n');
      const read = (extra: string[]) => {
        const { doc } = json([file, ...BASE, '--threads', threads, ...extra]);
        const s = doc.sources[0]!;
        return { probes: (doc.probes as { packets: number; late: number }).packets, late: (doc.probes as { late: number }).late, annotations: s.annotations, findings: s.findings.map((f) => f.id) };
      };
      // Six hosts are fewer than the ten of a sweep: late packets, for the finding and each packet alike.
      expect(read([])).toEqual({ probes: 0, late: 6, annotations: { 'port-known': 6, 'stale-connection': 6 }, findings: ['late-packets'] });
      // At five hosts an ACK sweep: from the fifth host on, the packets are the scan's probes
      // as they are read; the header counts the first four with the scan too, as its row does.
      expect(read(['--sweep-hosts', '5'])).toEqual({ probes: 6, late: 0, annotations: { 'port-known': 6, 'stale-connection': 4, 'ack-scan': 2 }, findings: ['ack-scan'] });
      // The same threshold set in a --config file.
      const config = join(tempDir(), 'sweep.json');
      writeFileSync(config, JSON.stringify({ thresholds: { horizontalSweep: { minHosts: 5 } } }));
      expect(read(['--config', config]).annotations).toEqual({ 'port-known': 6, 'stale-connection': 4, 'ack-scan': 2 });
    });
  }

  it("an ACK sweep's first packets, read as late before the tenth host showed the scan, count with the scan in the header and the port table, as in its row", () => {
    const file = join(dir, 'ack-sweep.log');
    // nmap -sA on port 80 across 12 hosts: bare ACKs, dropped.
    writeFileSync(file, Array.from({ length: 12 }, (_, i) => line(i, '203.0.113.84', 80, { flags: 'ACK', dst: `198.51.100.${10 + i}` })).join('\n') + '\n');
    const text = reportAs([file, ...BASE], 'text');
    expect(text).toContain('\nprobes     12 packets to 1 port\n');
    expect(text).not.toContain('late packet');
    const { doc } = json([file, ...BASE]);
    expect(doc.probes).toMatchObject({ packets: 12, ports: 1, blocked: 12, blockedPorts: 1, late: 0 });
    expect(doc.topPorts).toMatchObject([{ proto: 'tcp', port: 80, packets: 12, sources: 1 }]);
    expect(doc.topPortsPackets).toBe(12);
    const row = doc.sources[0]!;
    expect([row.ip, row.ports, row.findings.map((f) => f.id)]).toEqual(['203.0.113.84', 1, ['ack-scan']]);
    // Nine hosts are no sweep: their ACKs stay late packets, in the row and the header alike.
    writeFileSync(file, Array.from({ length: 9 }, (_, i) => line(i, '203.0.113.84', 80, { flags: 'ACK', dst: `198.51.100.${10 + i}` })).join('\n') + '\n');
    expect(json([file, ...BASE]).doc.probes).toMatchObject({ packets: 0, late: 9 });
  });

  it('the same late ACK logged three times over five years ranks below two SYNs and is proposed for no blocklist', () => {
    const file = fixture('elastic-late-ack.log');
    const { doc } = json([file]);
    expect(doc.sources.map((s) => s.ip)).toEqual(['81.2.69.143', '67.43.156.15']);
    const late = doc.sources[1]!;
    expect(late.findings.map((f) => f.id)).toEqual(['late-packets']);
    expect(late.explanation).toBe('3 late packets of connections the firewall had forgotten (ACK/RST, no SYN), to 443/tcp');
    expect([late.ports, late.score < 5]).toEqual([0, true]);
    const blocklist = runCliShared([file, '-o', 'blocklist', '--blocklist-format', 'iptables', '--blocklist-min-score', '20']).stdout;
    expect(blocklist).toContain('0 sources with score >= 20');
    expect(blocklist).not.toContain('67.43.156.15');
    expect(runCliShared([file, '-o', 'blocklist', '--blocklist-format', 'iptables', '--blocklist-min-score', '10']).stdout).toMatch(/\niptables -C INPUT -s 81\.2\.69\.143 -j DROP 2>\/dev\/null \|\| iptables -I INPUT -s 81\.2\.69\.143 -j DROP\n$/);
  });

  it("a Cisco ASA's dropped bare RST from port 80 to a client port is a web server's reply, not a probe of that port", () => {
    const { doc } = json([fixture('asa-bare-rst.log'), '--tz', 'UTC']);
    expect((doc.topPorts as { port: number }[]).map((p) => p.port)).toEqual([5060]);
    expect(doc.probes).toMatchObject({ packets: 1, ports: 1, replies: 1, late: 0 });
    const server = doc.sources.find((s) => s.ip === '50.111.72.230')!;
    expect(server.findings.map((f) => f.id)).toEqual(['server-replies']);
    expect(server.annotations).toEqual({ 'tcp-reply': 1 });
    expect(server.ports).toBe(0);
  });
});

describe('logscan report: formats', () => {
  it('-o markdown gives tables with escaped log text', () => {
    const r = runCliShared([mixed, ...BASE, '-o', 'markdown']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('### Top sources');
    expect(r.stdout).toContain('| 1 | 203.0.113.9 |');
  });

  it('-o md and -o text are the report\'s markdown and table; daily takes table and md for text and markdown', () => {
    expect(runCliShared([mixed, ...BASE, '-o', 'md']).stdout).toBe(runCliShared([mixed, ...BASE, '-o', 'markdown']).stdout);
    expect(runCliShared([mixed, ...BASE, '-o', 'text']).stdout).toBe(runCliShared([mixed, ...BASE, '-o', 'table']).stdout);
    const day = ['daily', mixed, ...BASE, '--date', '2026-11-20'];
    const md = runCliShared([...day, '-o', 'md']);
    expect(md.code).toBe(0);
    expect(md.stdout).toBe(runCliShared([...day, '-o', 'markdown']).stdout);
    expect(md.stdout).toMatch(/^## logscan daily/);
    expect(runCliShared([...day, '-o', 'table']).stdout).toBe(runCliShared([...day, '-o', 'text']).stdout);
  });

  it('-o html is one page with the numbers of the JSON report: cards, a 24-hour chart of blocked packets, the tables', () => {
    const json = JSON.parse(runCliShared([mixed, ...BASE, '-o', 'json']).stdout) as { probes: { packets: number }; perHour: number[]; perHourBlocked: number[]; totals: { packets: number } };
    // Every packet here is a [UFW BLOCK]: blocked per hour is all of it, and it lands in hours 06-16 UTC.
    expect(json.perHourBlocked).toEqual(json.perHour);
    expect(json.perHour.reduce((a, b) => a + b, 0)).toBe(json.totals.packets);
    expect(json.perHour.slice(0, 6).every((n) => n === 0)).toBe(true);
    const r = runCliShared([mixed, ...BASE, '-o', 'html']);
    expect(r.code).toBe(0);
    const html = r.stdout;
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<h1>Firewall log report</h1>');
    expect(html).toContain("content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\"");
    expect(html).toMatch(new RegExp(`<div class="k">probes</div><div class="v">${json.probes.packets.toLocaleString('en-US')}</div>`));
    expect(html).toMatch(new RegExp(`<div class="k">blocked</div><div class="v">${json.totals.packets.toLocaleString('en-US')}</div><div class="t">100% of packets logged</div>`));
    expect(html.match(/<g><title>/g)).toHaveLength(24);
    expect(html).toContain('<title>06:00 · ');
    expect(html).toContain('Packets per hour of the day (UTC)');
    for (const h2 of ['Top sources', 'Top probed ports', 'Notable interpretations']) expect(html).toContain(`<h2>${h2}`);
    expect(html).toContain('<span class="ip">203.0.113.9</span>');
    expect(html).not.toMatch(/<script|https?:/);
  });

  it('"logged as" lists the log prefixes / rule labels when there is more than one, in every format, escaped', () => {
    const lines: string[] = [];
    // Twelve prefixes, the busiest first; one carries a terminal escape and markdown.
    for (let k = 0; k < 12; k++) for (let i = 0; i <= 12 - k; i++) lines.push(line(k * 60 + i, `198.51.100.${k + 1}`, 22).replace('[UFW BLOCK]', k === 1 ? 'DROP\x1b[31m|*x*|' : `RULE-${k}:`));
    const file = join(dir, 'rules.log');
    writeFileSync(file, lines.join('\n') + '\n');
    const json = JSON.parse(runCliShared([file, ...BASE, '-o', 'json']).stdout) as { byRule: { key: string; packets: number; format?: string }[]; ruleLabels: number };
    expect(json.ruleLabels).toBe(12);
    expect(json.byRule).toHaveLength(10);
    expect(json.byRule[0]).toEqual({ key: 'RULE-0:', packets: 13, format: 'iptables' });
    const text = reportAs([file, ...BASE], 'text', { width: 200 });
    expect(text).toContain('logged as  RULE-0: 13 (14%) · DROP\\x1b[31m|*x*| 12 (13%) · RULE-2: 11 (12%)');
    expect(text).toMatch(/RULE-9: 4 \(4\.4%\) · \+2 more\n/);
    expect(text).not.toContain('\x1b[31m');
    const md = reportAs([file, ...BASE], 'markdown');
    expect(md).toMatch(/^- \*\*logged as:\*\* RULE-0: 13 \(14%\) · DROP.*\\\|\\\*x\\\*\\\| 12/m);
    const html = reportAs([file, ...BASE], 'html');
    expect(html).toContain('<h2>Logged as</h2>');
    // The prefix's own ':' left out where a label is shown; the text's colon before a count that follows a digit stays.
    expect(html).toContain('<code>RULE-0</code>');
    // The two labels past the ten listed, with their packets (3 + 2 of 90), so the column adds up.
    expect(html).toContain('<span class="muted">+2 more</span></th><td data-label="packets" class="n">5</td><td data-label="share" class="n">5.6%</td>');
    // daily lists the ten busiest too, and says so the same way in each of its formats.
    const day = ['daily', file, '--date', '2026-11-20', ...BASE];
    expect(dailyAs(day, 'text', { width: 300 })).toMatch(/RULE-9: 4 \(4\.4%\) · \+2 more\n/);
    expect(dailyAs(day, 'markdown')).toContain('| RULE-9 | 4 | 4.4% |\n| +2 more | 5 | 5.6% |\n');
    expect(dailyAs(day, 'html')).toContain('<span class="muted">+2 more</span></th><td data-label="packets" class="n">5</td>');
    expect((JSON.parse(runCliShared([...day, '-o', 'json']).stdout) as { ruleLabels: number }).ruleLabels).toBe(12);
    // One label (every line of `mixed` is [UFW BLOCK]) says nothing the reader does not know: no row.
    expect(reportAs([mixed, ...BASE], 'text')).not.toMatch(/^logged as/m);
    expect(reportAs([mixed, ...BASE], 'html')).not.toContain('Logged as');
  });

  it('--output FILE writes there (atomically), in the format its extension names unless -o says otherwise', () => {
    const out = (name: string) => join(dir, name);
    const html = runCli([small, ...BASE, '--output', out('r.html')]);
    expect(html.code).toBe(0);
    expect(html.stdout).toBe('');
    expect(readFileSync(out('r.html'), 'utf8').startsWith('<!DOCTYPE html>')).toBe(true);
    expect(runCli([small, ...BASE, '--output', out('r.csv')]).code).toBe(0);
    expect(readFileSync(out('r.csv'), 'utf8').split('\n')[0]).toMatch(/^rank,/);
    expect(runCli([small, ...BASE, '--output', out('r.MD')]).code).toBe(0);
    expect(readFileSync(out('r.MD'), 'utf8')).toContain('### Top sources');
    // -o wins over the extension; an unknown extension is the table, without colour codes.
    expect(runCli([small, ...BASE, '-o', 'json', '--output', out('x.html')]).code).toBe(0);
    expect(JSON.parse(readFileSync(out('x.html'), 'utf8')).schemaVersion).toBe(1);
    const colour = { env: { NO_COLOR: '', FORCE_COLOR: '1' } };
    expect(runCliShared([small, ...BASE], colour).stdout).toContain('\x1b[');
    expect(runCli([small, ...BASE, '--output', out('r.report')], colour).code).toBe(0);
    const table = readFileSync(out('r.report'), 'utf8');
    expect(table).toContain('Top sources');
    expect(table).not.toContain('\x1b[');
    // Nothing half-written is left behind, and a file that cannot be written is a usage error.
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const bad = runCli([small, ...BASE, '--output', join(dir, 'no-such-dir', 'r.html')]);
    expect(bad.code).toBe(2);
    // Said of the directory, not of the temporary file logscan tried to create in it.
    expect(bad.stderr).toContain(`--output ${join(dir, 'no-such-dir', 'r.html')}: no such directory: ${join(dir, 'no-such-dir')}`);
    expect(bad.stderr).not.toContain('.tmp');
    mkdirSync(out('taken.html'));
    const onDir = runCli([small, ...BASE, '--output', out('taken.html')]);
    expect(onDir.code).toBe(2);
    expect(onDir.stderr).toContain(`--output ${out('taken.html')}: is a directory`);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('-o html escapes what came from the log, says so when nothing was found, and speaks --lang zh', () => {
    // The file name is shown (header, footer, title); markup in it stays text.
    const hostile = join(dir, 'a<img src=x>&b.log');
    writeFileSync(hostile, line(0, '203.0.113.9', 23).replace('[UFW BLOCK]', '<script>alert(1)</script>') + '\n');
    const h = reportAs([hostile, ...BASE], 'html');
    expect(h).not.toMatch(/<script|<img/);
    expect(h.split('a&lt;img src=x&gt;&amp;b.log').length - 1).toBe(3);
    const empty = join(dir, 'empty.log');
    writeFileSync(empty, 'Nov 20 06:00:00 gw sshd[1]: nothing to see\n');
    const none = runCliShared([empty, ...BASE, '-o', 'html']);
    expect(none.code).toBe(0);
    expect(none.stdout).toContain('No firewall records found');
    expect(none.stdout).not.toContain('<svg');
    const zh = reportAs([mixed, ...BASE, '--lang', 'zh'], 'html');
    expect(zh).toContain('<html lang="zh-Hans">');
    expect(zh).toContain('<h1>防火墙日志报告</h1>');
    expect(zh).toContain('一天中每小时的包数（UTC）');
    expect(zh).toMatch(/<p class="sub">2026-11-20 06:00:00 → 2026-11-20 [\d:]+（UTC）<\/p>/);
  });
});

describe('--output onto what is not a plain file, or onto an input', () => {
  const isRoot = process.getuid?.() === 0;
  let od = '';
  beforeAll(() => {
    od = tempDir();
  });
  const noTemp = (): void => expect(readdirSync(od).filter((f) => f.endsWith('.tmp'))).toEqual([]);

  it('a FIFO is written into, not replaced: its reader gets the report', async () => {
    const fifo = join(od, 'report.fifo');
    execFileSync('mkfifo', [fifo]);
    const got = join(od, 'from-fifo.txt');
    // The reader: its own process, so the CLI run below (synchronous) cannot starve it.
    const gotFd = openSync(got, 'w');
    const reader = spawn('cat', [fifo], { stdio: ['ignore', gotFd, 'inherit'] });
    closeSync(gotFd);
    const read = new Promise<number | null>((done) => reader.on('close', done));
    try {
      const r = runCli([small, ...BASE, '-o', 'json', '--output', fifo]);
      expect(r.code).toBe(0);
      expect(await Promise.race([read, new Promise((done) => setTimeout(() => done('reader still waiting'), 5000))])).toBe(0);
    } finally {
      // A FIFO replaced by a file leaves the reader waiting for a writer forever.
      if (reader.exitCode === null) reader.kill();
    }
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(JSON.parse(readFileSync(got, 'utf8')).schemaVersion).toBe(1);
    noTemp();
  });

  it('/dev/null and /dev/stdout stay what they are (as root, renaming over them replaced them)', () => {
    const nul = runCli([small, ...BASE, '--output', '/dev/null']);
    expect(nul.code).toBe(0);
    expect(nul.stdout).toBe('');
    expect(nul.stderr).toBe('');
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    expect(lstatSync('/dev/null').isCharacterDevice()).toBe(true);
    const wasLink = lstatSync('/dev/stdout').isSymbolicLink();
    const out = runCli([small, ...BASE, '-o', 'json', '--output', '/dev/stdout']);
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout).schemaVersion).toBe(1);
    expect(lstatSync('/dev/stdout').isSymbolicLink()).toBe(wasLink);
  });

  it.skipIf(!isRoot)('a character device (mknod c 1 3, as root) is written into, not replaced', () => {
    const dev = join(od, 'nulldev');
    execFileSync('mknod', [dev, 'c', '1', '3']);
    const r = runCli([small, ...BASE, '--output', dev]);
    expect(r.code).toBe(0);
    expect(lstatSync(dev).isCharacterDevice()).toBe(true);
    noTemp();
  });

  it('a symlink to a file: the file is replaced (atomically), the link stays; a dangling one gets its file created', () => {
    const real = join(od, 'real.html');
    writeFileSync(real, 'old\n');
    const link = join(od, 'link.html');
    symlinkSync('real.html', link);
    const r = runCli([small, ...BASE, '--output', link]);
    expect(r.code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe('real.html');
    expect(readFileSync(real, 'utf8').startsWith('<!DOCTYPE html>')).toBe(true);
    mkdirSync(join(od, 'www'));
    const dangling = join(od, 'today.html');
    symlinkSync('www/new.html', dangling);
    expect(runCli([small, ...BASE, '--output', dangling]).code).toBe(0);
    expect(lstatSync(dangling).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(od, 'www', 'new.html'), 'utf8').startsWith('<!DOCTYPE html>')).toBe(true);
    noTemp();
    expect(readdirSync(join(od, 'www'))).toEqual(['new.html']);
  });

  it('a socket is a usage error, left as it is', async () => {
    const sock = join(od, 'out.sock');
    const server = createServer();
    await new Promise<void>((done) => server.listen(sock, done));
    try {
      const r = runCli([small, ...BASE, '--output', sock]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`logscan: --output ${sock}: is a socket; --output writes to a file, a FIFO or a device\n`);
      expect(lstatSync(sock).isSocket()).toBe(true);
    } finally {
      server.close();
    }
  });

  it('an input as --output (by name, symlink, hard link, redirected stdin) is a usage error before anything is read; the log is kept', () => {
    const log = join(od, 'fw.log');
    writeFileSync(log, readFileSync(mixed));
    const before = readFileSync(log, 'utf8');
    const refused = (args: string[], output: string, how = '', input?: string): void => {
      const r = runCli(args, input === undefined ? {} : { input: readFileSync(input) });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(`logscan: --output ${output}: is one of the input files${how}; refusing to overwrite a log\n`);
      expect(readFileSync(log, 'utf8')).toBe(before);
    };
    refused([log, ...BASE, '--output', log], log);
    refused([mixed, log, ...BASE, '-o', 'json', '--output', log], log);
    refused(['daily', log, '--date', '2026-11-20', ...BASE, '--output', log], log);
    const sym = join(od, 'fw-link.log');
    symlinkSync(log, sym);
    refused([sym, ...BASE, '--output', log], log, ` (the same file as ${sym})`);
    refused([log, ...BASE, '--output', sym], sym, ` (the same file as ${log})`);
    const hard = join(od, 'fw-hard.log');
    linkSync(log, hard);
    refused([log, ...BASE, '--output', hard], hard, ` (the same file as ${log})`);
    // `logscan - < fw.log --output fw.log`: stdin redirected from the output file.
    const viaStdin = spawnSync('sh', ['-c', `"$0" "$1" - ${BASE.join(' ')} --output "$2" < "$2"`, process.execPath, cliPath, log], { encoding: 'utf8' });
    expect(viaStdin.status).toBe(2);
    expect(viaStdin.stderr).toBe(`logscan: --output ${log}: is one of the input files (standard input is read from it); refusing to overwrite a log\n`);
    expect(readFileSync(log, 'utf8')).toBe(before);
    expect(lstatSync(log).isFile()).toBe(true);
    noTemp();
  });

  it('--output - is standard output, as with no --output (report and daily); ./- is a file named "-"', () => {
    const r = runCli([small, ...BASE, '-o', 'json', '--output', '-'], { cwd: od });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).schemaVersion).toBe(1);
    expect(runCli([small, ...BASE, '--output', '-'], { cwd: od }).stdout).toBe(runCli([small, ...BASE], { cwd: od }).stdout);
    const day = ['daily', small, '--date', '2026-11-20', ...BASE];
    // Not a terminal: markdown, as without --output (a file named "-" would have made it the table's text).
    expect(runCli([...day, '--output', '-'], { cwd: od }).stdout).toBe(runCli(day, { cwd: od }).stdout);
    expect(existsSync(join(od, '-'))).toBe(false);
    expect(runCli([small, ...BASE, '--output', './-'], { cwd: od }).code).toBe(0);
    expect(readFileSync(join(od, '-'), 'utf8')).toContain('Top sources');
  });
});

describe('logscan report: per day', () => {
  const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const at = (ms: number, src: string): string => {
    const t = new Date(ms);
    const p2 = (n: number) => String(n).padStart(2, '0');
    return line(0, src, 23).replace(/^Nov 20 06:00:00/, `${MONTHS[t.getUTCMonth()]} ${String(t.getUTCDate()).padStart(2, ' ')} ${p2(t.getUTCHours())}:${p2(t.getUTCMinutes())}:${p2(t.getUTCSeconds())}`);
  };
  const DAY = 86_400_000;
  const start = Date.UTC(2026, 8, 1, 12);
  /** `counts[i]` packets on the i-th day after 2026-09-01 (0: none). */
  const logOf = (name: string, counts: number[]): string => {
    const lines: string[] = [];
    counts.forEach((n, d) => {
      for (let i = 0; i < n; i++) lines.push(at(start + d * DAY + i * 1000, `203.0.113.${(i % 50) + 1}`));
    });
    const file = join(dir, name);
    writeFileSync(file, lines.join('\n') + '\n');
    return file;
  };

  it('a few days one by one, a month as a sparkline, a longer log as its busiest days; one day, no row', () => {
    const few = logOf('few.log', [3, 0, 5]);
    expect(reportAs([few, ...BASE], 'text')).toMatch(/^per day {4}09-01 3 · 09-03 5$/m);
    expect(reportAs([few, ...BASE], 'markdown')).toContain('- **per day:** 09-01 3 · 09-03 5');
    const month = logOf('month.log', Array.from({ length: 30 }, (_, d) => (d === 16 ? 40 : d % 7 === 0 ? 0 : 5)));
    const spark = reportAs([month, ...BASE], 'text').split('\n').find((l) => l.startsWith('per day'))!;
    expect(spark).toMatch(/^per day {4}[·▁-█]{29} {2}\(09-02 → 09-30\)$/);
    // From 09-02 (09-01 had nothing): 09-17 is the busiest, 09-08 had nothing.
    expect([...spark.slice(11, 40)][15]).toBe('█');
    expect([...spark.slice(11, 40)][6]).toBe('·');
    const long = logOf('long.log', Array.from({ length: 90 }, (_, d) => (d % 10 === 0 ? 10 + d : 0)));
    expect(reportAs([long, ...BASE], 'text')).toMatch(/^per day {4}9 days, the busiest: 2026-11-20 90 · 2026-11-10 80 · 2026-10-31 70 · 2026-10-21 60 ·$/m);
    const one = logOf('one.log', [4]);
    expect(reportAs([one, ...BASE], 'text')).not.toContain('per day');
  });

  it('JSON perDay sums what `events` prints for each day, in the zone asked for', () => {
    const file = logOf('zone.log', [30, 20, 10]);
    for (const tz of ['UTC', 'Asia/Tokyo']) {
      const doc = JSON.parse(runCliShared([file, '--year', '2026', '--tz', tz, '-o', 'json']).stdout) as { perDay: { day: string; packets: number; blocked: number }[] };
      const expected = new Map<string, number>();
      for (const e of ndjsonOf(runCliShared(['events', file, '--year', '2026', '--tz', tz]).stdout)) {
        const day = new Date(Date.parse(e.time) + (tz === 'UTC' ? 0 : 9 * 3_600_000)).toISOString().slice(0, 10);
        expected.set(day, (expected.get(day) ?? 0) + e.count);
      }
      expect(doc.perDay.map((d) => [d.day, d.packets])).toEqual([...expected].sort());
      expect(doc.perDay.every((d) => d.blocked === d.packets)).toBe(true);
    }
  });
});

describe('logscan report: years outside 1900-9998', () => {
  const R = 'gw kernel: [UFW BLOCK] IN=eth0 OUT= SRC=203.0.113.8 DST=198.51.100.2 LEN=40 TTL=241 PROTO=TCP SPT=1 DPT=22 SYN';

  it('a line dated 0999 or 9999 is malformed with the range in its reason; -o html no longer crashes on it', () => {
    const file = join(dir, 'years.log');
    writeFileSync(file, [`2024-06-01T10:00:00Z ${R}`, `0999-01-01T00:00:00Z ${R}`, `9999-12-31T23:30:00 ${R}`, `2024-06-03T10:00:00Z ${R}`].join('\n') + '\n');
    const html = runCliShared(['-o', 'html', '--tz', 'America/New_York', file]);
    expect(html.code).toBe(0);
    expect(html.stderr).toContain(`${file}:2: malformed: time: year 0999 outside the supported range 1900-9998`);
    expect(html.stderr).toContain(`${file}:3: malformed: time: year 9999 outside the supported range 1900-9998`);
    const doc = JSON.parse(runCliShared(['-o', 'json', '--tz', 'America/New_York', file]).stdout) as { totals: { malformed: number }; perDay: { day: string }[] };
    expect(doc.totals.malformed).toBe(2);
    expect(doc.perDay.map((d) => d.day)).toEqual(['2024-06-01', '2024-06-03']);
    expect(runCliShared(['events', '--ecs', '--tz', 'America/New_York', file]).stdout).not.toMatch(/"@timestamp":"[+-]/);
  });

  it('--year, --since, --until and daily --date name the supported range', () => {
    const file = join(dir, 'years.log');
    expect(runCliShared(['--year', '1000', file]).stderr).toContain('--year: expected a four-digit year from 1900 to 9998, got "1000"');
    expect(runCliShared(['--since', '0999-01-01', file]).stderr).toContain('--since: the year must be from 1900 to 9998, got "0999-01-01"');
    expect(runCliShared(['--until', '9999-01-01T00:00Z', file]).stderr).toContain('--until: the year must be from 1900 to 9998');
    const daily = runCliShared(['daily', '--date', '9999-12-31', file]);
    expect([daily.code, daily.stderr.trim()]).toEqual([2, 'logscan: --date: the year must be from 1900 to 9998, got "9999-12-31"']);
    expect(runCliShared(['--year', '1900', '--since', '1900-01-01', file]).code).toBe(0);
  });
});

describe('logscan report: filters', () => {
  it('--source keeps only that range', () => {
    const { doc } = json([mixed, ...BASE, '--source', '203.0.113.0/24']);
    expect(doc.sources.map((s) => s.ip)).toEqual(['203.0.113.9', '203.0.113.50']);
    expect(doc.filters).toMatchObject({ sources: ['203.0.113.0/24'] });
    // IPv4-mapped: from /96 on the IPv4 range it carries; shorter, an IPv6 network (it was 203.0.113.0/0: every IPv4 source).
    expect(json([mixed, ...BASE, '--source', '::ffff:203.0.113.0/120']).doc).toMatchObject({ filters: { sources: ['203.0.113.0/24'] }, sources: doc.sources });
    expect(json([mixed, ...BASE, '--source', '::ffff:203.0.113.0/64']).doc).toMatchObject({ filters: { sources: ['::/64'] }, sources: [] });
  });

  it('--source details the sources asked about in text and Markdown, with what JSON says of them', () => {
    const args = [mixed, ...BASE, '--source', '203.0.113.50'];
    const row = (json(args).doc.sources[0] as unknown as { scoreParts: { breadth: number; volume: number }; score: number; hosts: number });
    const text = reportAs(args, 'text', { width: 120 });
    expect(text).toContain('\n203.0.113.50 in detail\n  first and last seen\n    2026-11-20 07:00:01 → 2026-11-20 07:00:40\n');
    expect(text).toContain(`  hosts probed\n    ${row.hosts}\n`);
    expect(text).toContain(`    ${row.score.toFixed(1)}: breadth ${row.scoreParts.breadth} + findings`);
    expect(text).toContain('  logged as\n    [UFW BLOCK] 40\n');
    const markdown = reportAs(args, 'markdown');
    expect(markdown).toContain('#### 203.0.113.50 in detail');
    expect(markdown).toContain('- **logged as:** \\[UFW BLOCK\\] 40');
    // Not asked about any address: no details block.
    expect(reportAs([mixed, ...BASE], 'text')).not.toContain('in detail');
  });

  it('--since/--until with absolute times', () => {
    const { doc } = json([mixed, ...BASE, '--since', '2026-11-20T07:00', '--until', '2026-11-20T07:30:00Z']);
    expect(doc.sources.map((s) => s.ip)).toEqual(['203.0.113.50', '198.51.100.23']);
    expect(doc.totals).toMatchObject({ parsedEvents: 3641 });
  });

  it('a time window that misses the logs says where the events read are, in every format', () => {
    const args = [mixed, ...BASE, '--since', '2026-11-21'];
    const said = 'No events match the filters. The events read run from 2026-11-20 06:00:00 to 2026-11-20 15:59:48.';
    expect(json(args).code).toBe(0);
    expect(reportAs(args, 'text')).toContain(`\n\n${said}\n`);
    expect(reportAs(args, 'markdown')).toContain(`\n\n${said}\n`);
    expect(reportAs([...args, '--lang', 'zh'], 'text')).toContain('没有符合筛选条件的事件。读到的事件时间范围为 2026-11-20 06:00:00 至 2026-11-20 15:59:48。');
    const { doc } = json(args);
    expect(doc.filters).toMatchObject({ readSpan: { first: '2026-11-20T06:00:00.000Z', last: '2026-11-20T15:59:48.000Z' } });
    // The span is of the events read, not of those kept: the same with a window inside the log.
    expect(json([mixed, ...BASE, '--until', '2026-11-20T07:00Z']).doc.filters).toMatchObject({ readSpan: { first: '2026-11-20T06:00:00.000Z', last: '2026-11-20T15:59:48.000Z' } });
    // Without a time bound there is no window to miss: no span, the plain sentence.
    expect(reportAs([mixed, ...BASE, '--source', '10.9.9.9'], 'text')).toContain('\n\nNo events match the filters.\n');
    expect(json([mixed, ...BASE, '--source', '10.9.9.9']).doc.filters).not.toHaveProperty('readSpan');
  });

  it('a --since window that starts hours before the logs read says where they begin (a cron job given ufw.log without ufw.log.1), in every format', () => {
    const args = [mixed, ...BASE, '--since', '2026-11-19T20:00Z'];
    const said = 'the logs read begin only at 2026-11-20 06:00:00 (an older rotation not given?)';
    expect(runCliShared([...args, '--top', '1']).stdout).toMatch(/\nfilter +since 2026-11-19 20:00:00 ·\s+the logs read begin only at 2026-11-20 06:00:00 \(an older\s+rotation not given\?\)\n/);
    expect(runCliShared([...args, '-o', 'markdown']).stdout).toContain(`since 2026-11-19 20:00:00 · ${said}`);
    expect(runCliShared([...args, '-o', 'html']).stdout).toContain(`since 2026-11-19 20:00:00 · ${said}`);
    expect(runCliShared([...args, '-o', 'markdown', '--lang', 'zh']).stdout).toContain('读到的日志从 2026-11-20 06:00:00 才开始（是否漏给了更早的轮转文件？）');
    // Within the hour of slack, or a window inside the logs, or one after them: nothing to say.
    for (const since of ['2026-11-20T05:01Z', '2026-11-20T07:00Z', '2026-11-21']) expect(runCliShared([mixed, ...BASE, '--since', since, '-o', 'markdown']).stdout).not.toContain('the logs read begin');
  });

  it('--since with a relative time (everything in 2026 is within 100000 days)', () => {
    expect(json([mixed, ...BASE, '--since', '100000d'], runCli).doc.sources).toHaveLength(4);
  });

  it('--since/--until with relative times keep the events inside the bounds, counted back from now', () => {
    // Stamped with an offset relative to the clock: 3 h, 1 h and 10 min ago, a source each;
    // every bound below is 20 minutes or more from an event.
    const file = join(dir, 'recent.log');
    const ago = (ms: number): Date => new Date(Date.now() - ms);
    writeFileSync(file, [isoLine(ago(3 * 3_600_000), { src: '203.0.113.3' }), isoLine(ago(3_600_000), { src: '203.0.113.1' }), isoLine(ago(600_000), { src: '203.0.113.10' })].join('\n') + '\n');
    const ips = (args: string[]): string[] => json([file, ...args], runCli).doc.sources.map((s) => s.ip).sort();
    expect(ips([])).toEqual(['203.0.113.1', '203.0.113.10', '203.0.113.3']);
    expect(ips(['--since', '2h'])).toEqual(['203.0.113.1', '203.0.113.10']);
    expect(ips(['--until', '30m'])).toEqual(['203.0.113.1', '203.0.113.3']);
    expect(ips(['--since', '2h', '--until', '30m'])).toEqual(['203.0.113.1']);
    expect(ips(['--since', '7d', '--until', '4h'])).toEqual([]);
    // The bound the report names is that long before the run's clock.
    const t0 = Date.now();
    const since = Date.parse((json([file, '--since', '2h'], runCli).doc.filters as { since: string }).since);
    expect(since).toBeGreaterThanOrEqual(t0 - 2 * 3_600_000);
    expect(since).toBeLessThanOrEqual(Date.now() - 2 * 3_600_000);
  });

  it('--min-severity hides quieter sources', () => {
    // Unfiltered: the sweeper's only finding is severity 2, the other three have a 3.
    expect(json([mixed, ...BASE]).doc.sources.map((s) => [s.ip, Math.max(...s.findings.map((f) => f.severity))])).toEqual([
      ['203.0.113.9', 3],
      ['203.0.113.50', 2],
      ['192.0.2.77', 3],
      ['198.51.100.23', 3],
    ]);
    const { doc } = json([mixed, ...BASE, '--min-severity', '3']);
    expect(doc.sources.map((s) => s.ip)).toEqual(['203.0.113.9', '192.0.2.77', '198.51.100.23']);
    expect(doc.filters).toMatchObject({ minSeverity: 3 });
    // The name reads as its number.
    expect(json([mixed, ...BASE, '--min-severity', 'medium']).doc.sources).toEqual(doc.sources);
  });

  for (const args of [['--since', 'yesterday-ish'], ['--until', '2026-13-01'], ['--source', '300.1.1.1/8'], ['--min-severity', '9'], ['--fail-on', 'loud'], ['--top', 'x']]) {
    it(`bad value ${args.join(' ')} exits 2`, () => {
      const r = runCli([mixed, ...args]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^logscan: /);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    });
  }
});

describe('logscan report: --fail-on and --config', () => {
  it('exits 4 when a finding reaches the severity, 0 when none does', () => {
    const r = runCliShared([mixed, ...BASE, '--fail-on', 'medium']);
    expect(r.code).toBe(4);
    expect(r.stdout).toContain('Top sources');
    expect(runCliShared([mixed, ...BASE, '--fail-on', 'critical']).code).toBe(0);
  });

  it('--config overrides thresholds; unknown settings are usage errors', () => {
    const good = join(dir, 'good.json');
    writeFileSync(good, JSON.stringify({ thresholds: { verticalScan: { minPorts: 1000 } } }));
    const { code, doc } = json([mixed, ...BASE, '--config', good]);
    expect(code).toBe(0);
    expect(doc.sources.find((s) => s.ip === '203.0.113.9')!.findings.map((f) => f.id)).not.toContain('vertical-scan');
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ thresholds: { verticalScan: { minPortz: 3 } } }));
    const r = runCliShared([mixed, '--config', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown setting "verticalScan.minPortz"');
  });

  it('--scan-ports raises the scan threshold: 600 ports are no vertical scan at 2000', () => {
    const { doc } = json([mixed, ...BASE, '--scan-ports', '2000']);
    expect(doc.sources[0].ip).toBe('203.0.113.9');
    expect(doc.sources[0].findings.map((f) => f.id)).not.toContain('vertical-scan');
  });
});

describe('logscan report: --scan-ports, --sweep-hosts, --max-sources', () => {
  // Each pair straddles a default (README: 15 ports, 10 hosts): one short of it, one at it.
  const SOURCES: Record<string, string> = {
    '198.51.100.1': 'tcp 14 ports',
    '198.51.100.2': 'tcp 15 ports',
    '198.51.100.3': 'udp 14 ports',
    '198.51.100.4': 'udp 15 ports',
    '198.51.100.5': '22/tcp on 9 hosts',
    '198.51.100.6': '22/tcp on 10 hosts',
  };
  let file = '';
  beforeAll(() => {
    file = join(dir, 'thresholds.log');
    const lines: string[] = [];
    let t = 0;
    for (const [src, base, n, proto] of [['198.51.100.1', 41000, 14, 'TCP'], ['198.51.100.2', 41100, 15, 'TCP'], ['198.51.100.3', 42000, 14, 'UDP'], ['198.51.100.4', 42100, 15, 'UDP']] as const) {
      for (let i = 1; i <= n; i++) lines.push(line(t++, src, base + i, { proto }));
    }
    for (const [src, hosts] of [['198.51.100.5', 9], ['198.51.100.6', 10]] as const) {
      for (let h = 1; h <= hosts; h++) lines.push(line(t++, src, 22, { dst: `192.168.1.${h}` }));
    }
    writeFileSync(file, lines.join('\n') + '\n');
  });

  /** The sources with a finding of this id. */
  const flagged = (id: string, args: string[] = []): string[] =>
    json([file, ...BASE, ...args]).doc.sources.filter((s) => s.findings.some((f) => f.id === id)).map((s) => s.ip).sort();

  it('the defaults: 15 TCP or UDP ports make a scan, 10 hosts a sweep', () => {
    expect(json([file, ...BASE]).doc.sources.map((s) => s.ip).sort()).toEqual(Object.keys(SOURCES));
    expect(flagged('vertical-scan')).toEqual(['198.51.100.2']);
    expect(flagged('udp-scan')).toEqual(['198.51.100.4']);
    expect(flagged('horizontal-sweep')).toEqual(['198.51.100.6']);
  });

  it('--scan-ports lowers and raises the vertical and the UDP scan threshold alike', () => {
    expect(flagged('vertical-scan', ['--scan-ports', '14'])).toEqual(['198.51.100.1', '198.51.100.2']);
    expect(flagged('udp-scan', ['--scan-ports', '14'])).toEqual(['198.51.100.3', '198.51.100.4']);
    expect(flagged('vertical-scan', ['--scan-ports', '16'])).toEqual([]);
    expect(flagged('udp-scan', ['--scan-ports', '16'])).toEqual([]);
    // Not the sweep's.
    expect(flagged('horizontal-sweep', ['--scan-ports', '14'])).toEqual(['198.51.100.6']);
  });

  it('--sweep-hosts lowers and raises the sweep threshold, and only that one', () => {
    expect(flagged('horizontal-sweep', ['--sweep-hosts', '9'])).toEqual(['198.51.100.5', '198.51.100.6']);
    expect(flagged('horizontal-sweep', ['--sweep-hosts', '11'])).toEqual([]);
    // mixed.log's sweeper reached 40 hosts.
    expect(flagged('horizontal-sweep', ['--sweep-hosts', '50', mixed])).toEqual([]);
    expect(flagged('horizontal-sweep', [mixed])).toEqual(['198.51.100.6', '203.0.113.50']);
    expect(flagged('vertical-scan', ['--sweep-hosts', '9'])).toEqual(['198.51.100.2']);
  });

  it('--max-sources caps the profiles kept (default 100000): the least recently seen go, and the report says so', () => {
    expect(json([file, ...BASE]).doc.profiles).toEqual({ tracked: 6, evicted: 0, evictedEvents: 0, cap: 100_000 });
    const { doc } = json([file, ...BASE, '--max-sources', '2']);
    // The four seen first were evicted with their 58 packets; the last two are ranked.
    expect(doc.profiles).toEqual({ tracked: 2, evicted: 4, evictedEvents: 58, cap: 2 });
    expect(doc.sources.map((s) => s.ip)).toEqual(['198.51.100.6', '198.51.100.5']);
    const text = reportAs([file, ...BASE, '--max-sources', '2'], 'text').replace(/\s+/g, ' ');
    expect(text).toContain('note: more than 2 sources; 4 evictions of least-recently-seen source profiles (58 events) left those events out of the ranking');
  });

  it.each([['--scan-ports', '0'], ['--sweep-hosts', 'x'], ['--max-sources', '-1']])('%s %s is a usage error', (flag, value) => {
    const r = runCliShared([file, flag, value]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(flag);
  });
});
