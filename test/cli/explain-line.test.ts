// `logscan explain 'LINE'`: a pasted log line read as the report reads it, told back in words.
import { describe, expect, it } from 'vitest';
import { runExplain } from '../../src/cli/explain.js';
import fc from 'fast-check';
import { LineExplainer, explainItems } from '../../src/cli/explain-line.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { mutatedLine, realLines } from '../hardening/corpus-lines.js';
import { spawnSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { cliPath, runCli, tempDir } from '../helpers/cli.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formats } from '../../src/parsers/registry.js';
import { FINDING_IDS } from '../../src/aggregate/finding-ids.js';
import { messages, reasonText } from '../../src/i18n/messages.js';
import { HEADER_UNREAD } from '../../src/parsers/reason.js';

const UFW =
  'Nov 20 07:07:40 gw kernel: [310540.081468] [UFW BLOCK] IN=eth0 OUT= MAC=52:54:00:3a:91:c2:00:1b:21:7e:04:aa:08:00 SRC=203.0.113.9 DST=100.64.12.9 LEN=60 TOS=0x00 PREC=0x00 TTL=50 ID=44054 DF PROTO=TCP SPT=4444 DPT=6776 WINDOW=65535 RES=0x00 SYN URGP=0';
const WINDOWS = '2005-04-11 08:05:57 DROP UDP 123.45.78.90 123.156.78.255 137 137 78 - - - - - - - RECEIVE';
const SSHD = 'Nov 20 07:07:40 gw sshd[12]: Failed password for root from 192.0.2.1 port 22 ssh2';
const KERNEL_OTHER = 'Nov 20 06:25:01 gw kernel: [308281.128764] e1000e 0000:00:19.0 eth0: NIC Link is Up 1000 Mbps Full Duplex';

const table = (queries: string[], lang: 'en' | 'zh' = 'en', stdin: string[] = []): Promise<string> =>
  runExplain(queries, { outputFormat: 'table', lang, signatures: [], width: 100, color: false, stdin });

interface LineJson {
  kind: string;
  format: string | null;
  outcome: string;
  traffic: string | null;
  ownReason?: string | null;
  event: { src: { ip: string; port: number }; dst: { port: number }; annotations: { id: string; severity: number }[]; time: string } | null;
  addresses: { src: { id: string }[]; dst: { id: string }[]; valid: { src: boolean | null; dst: boolean | null } } | null;
  portClasses: { src: string | null; dst: string | null } | null;
  messageName: string | null;
}
const json = async (queries: string[]): Promise<LineJson[]> =>
  JSON.parse(await runExplain(queries, { outputFormat: 'json', lang: 'en', signatures: [], width: 100, color: false })) as LineJson[];

/** The same ufw line at another second. */
const at = (s: number): string => UFW.replace('07:07:40', `07:0${7 + s}:40`);

describe('explain a log line: which queries are lines', () => {
  it('a quoted line is a line; a port or a name beside it stays a question for the knowledge base', () => {
    expect(explainItems([UFW, '6776/udp', 'back orifice']).map((i) => i.kind)).toEqual(['line', 'query', 'query']);
  });

  it('a line the shell split into words is put back together', () => {
    const items = explainItems(UFW.split(' '));
    expect(items).toEqual([{ kind: 'line', line: UFW }]);
  });

  it('words that are no line stay separate queries; a long name is still a search', () => {
    expect(explainItems(['22', '80', '443']).map((i) => i.kind)).toEqual(['query', 'query', 'query']);
    expect(explainItems(['Back Orifice remote administration'])).toMatchObject([{ kind: 'query', query: { kind: 'search' } }]);
    // Log text no format claims is still a line, and is told it is no record.
    expect(explainItems([SSHD]).map((i) => i.kind)).toEqual(['line']);
  });

  it("a finding's label is a search, not a line, in both languages; the command answers it with the finding", async () => {
    for (const lang of ['en', 'zh'] as const) {
      for (const id of FINDING_IDS) expect(explainItems([messages(lang).finding.label[id]]), `${id} ${lang}`).toMatchObject([{ kind: 'query', query: { kind: 'search' } }]);
    }
    expect(await table(['trojan port probes'])).toMatch(/^trojan port probes \(trojan-probe\) — finding of the ranking/);
    expect(await table(['leftovers of old connections'], 'zh')).toMatch(/^旧连接的残余记录（late-packets） — 检测结果 id/);
  });

  it('a query with line breaks is its lines, blank ones left out; - is standard input', () => {
    expect(explainItems([`${UFW}\n\n${WINDOWS}\r\n`]).map((i) => (i.kind === 'line' ? i.line : ''))).toEqual([UFW, WINDOWS]);
    expect(explainItems(['-'], [UFW, '  ', WINDOWS])).toHaveLength(2);
  });
});

describe('explain a log line: what it says', () => {
  it('an inbound ufw drop: the verdict, the packet, both addresses, that it is a probe, and the port’s meaning', async () => {
    const out = await table([UFW]);
    expect(out).toContain('format       iptables');
    // TZ is pinned to Etc/GMT+2: the local stamp comes back as written, in this machine's zone, with the year assumed.
    expect(out).toMatch(/time {9}\d{4}-11-20 07:07:40 -02:00 \(year assumed: the stamp has none\) · on gw/);
    expect(out).toContain('logged       dropped · arriving at this host on eth0 · by the rule logged as [UFW BLOCK]');
    expect(out).toContain('packet       TCP 203.0.113.9:4444 → 100.64.12.9:6776 · flags SYN · TTL 50 · 60 bytes');
    expect(out).toContain('ports        source 4444: registered port 1024-49151 · destination 6776: registered port');
    expect(out).toContain('source       203.0.113.9 — Documentation (TEST-NET) (203.0.113.0/24, RFC 5737)');
    expect(out).toContain('carrier-grade NAT');
    expect(out).toContain('reading      a probe');
    expect(out).toMatch(/1 {2}known port \(port-known\)\n {5}Sub-7 data channel/);
    expect(out).toContain('Read with only the lines given before it');
  });

  it('names each interpretation in --lang, the id beside it, never the bare id; JSON keeps the bare ids', async () => {
    const dns = 'Nov 20 09:41:07 host kernel: [UFW BLOCK] IN=eth0 OUT= MAC=00 SRC=198.51.100.7 DST=10.0.0.2 LEN=40 TOS=0x00 PREC=0x00 TTL=50 ID=1 PROTO=TCP SPT=53 DPT=6776 WINDOW=1024 RES=0x00 SYN URGP=0';
    const heads = (out: string) => out.split('\n').filter((l) => /^ {2}\d {2}\S/.test(l));
    const en = heads(await table([dns]));
    const zh = heads(await table([dns], 'zh'));
    expect(en).toEqual(['  2  SYN from DNS port 53 (srcport-dns-syn)', '  1  known port (port-known)', '  1  Sub-7 leftover (sub7-artifact)', "  0  previous holder's traffic (dialup-leftover)"]);
    expect(zh).toEqual(['  2  来自 DNS 端口 53 的 SYN（srcport-dns-syn）', '  1  已知端口（port-known）', '  1  Sub-7 残留（sub7-artifact）', '  0  拨号/DHCP 残留（dialup-leftover）']);
    const [r] = await json([dns]);
    expect(r!.event?.annotations.map((a) => a.id)).toEqual(['srcport-dns-syn', 'port-known', 'sub7-artifact', 'dialup-leftover']);
  });

  it('JSON gives the event as `logscan events` writes it, with its reading and address ranges', async () => {
    const [r] = await json([UFW]);
    expect(r.kind).toBe('line');
    expect(r.format).toBe('iptables');
    expect(r.outcome).toBe('event');
    expect(r.traffic).toBe('probe');
    expect(r.event?.src).toEqual({ ip: '203.0.113.9', port: 4444 });
    expect(r.event?.annotations.map((a) => a.id)).toContain('sub7-artifact');
    expect(r.addresses?.src.map((a) => a.id)).toEqual(['documentation-3']);
    expect(r.addresses?.dst.map((a) => a.id)).toEqual(['shared-cgnat']);
    expect(r.portClasses).toEqual({ src: 'registered', dst: 'registered' });
  });

  it('lines are read in order through one annotator: the third Sub-7 attempt is a retry series, the first is not', async () => {
    const rs = await json([[UFW, at(1), at(2)].join('\n')]);
    const ids = rs.map((r) => r.event?.annotations.map((a) => a.id) ?? []);
    expect(ids[0]).not.toContain('sub7-retry');
    expect(ids[2]).toContain('sub7-retry');
  });

  it('an ICMP error: its type in words and the packet it quotes; a reply, not a probe', async () => {
    const out = await table([
      'Nov 20 07:07:40 gw kernel: IN=eth0 OUT= SRC=198.51.100.1 DST=192.0.2.2 LEN=576 TOS=0x00 PREC=0xC0 TTL=244 ID=0 PROTO=ICMP TYPE=3 CODE=3 [SRC=192.0.2.2 DST=198.51.100.1 LEN=40 TOS=0x00 PREC=0x00 TTL=44 ID=0 PROTO=UDP SPT=4444 DPT=53 LEN=20 ]',
    ]);
    expect(out).toMatch(/packet {7}ICMP 198\.51\.100\.1 → 192\.0\.2\.2 · type 3 code 3: destination unreachable · quoting a\s+UDP packet 192\.0\.2\.2:4444 → 198\.51\.100\.1:53/);
    expect(out).toContain('logged       logged without a verdict · arriving at this host on eth0\n');
    expect(out).toContain('reading      a reply to a connection of this side');
    expect(out).toContain('icmp-error-reply');
  });

  it('an ICMP record whose log names no type (Azure Firewall\'s structured records) says no `type ?`; a type it names is told in words', async () => {
    const rec = (props: string): string =>
      `{"category":"AZFWNetworkRule","time":"2026-11-20T00:10:48.0000000Z","resourceId":"/SUBSCRIPTIONS/0/RESOURCEGROUPS/RG/PROVIDERS/MICROSOFT.NETWORK/AZUREFIREWALLS/FW-HUB","properties":{${props}}}`;
    const structured = rec('"Protocol":"ICMP","SourceIp":"192.0.2.29","SourcePort":0,"DestinationIp":"10.1.0.4","DestinationPort":0,"Action":"Deny","Policy":"p","RuleCollectionGroup":"","RuleCollection":"","Rule":"","ActionReason":"Default Action"');
    const out = await table([structured]);
    expect(out).toContain('packet       ICMP 192.0.2.29 → 10.1.0.4\n');
    const legacy = `{"category":"AzureFirewallNetworkRule","time":"2026-11-20T05:26:10.0000000Z","resourceId":"/SUBSCRIPTIONS/0/RESOURCEGROUPS/RG/PROVIDERS/MICROSOFT.NETWORK/AZUREFIREWALLS/FW-HUB","operationName":"AzureFirewallNetworkRuleLog","properties":{"msg":"ICMP Type=8 request from 198.51.100.23 to 10.1.0.4. Action: Deny. "}}`;
    expect(await table([legacy])).toContain('packet       ICMP 198.51.100.23 → 10.1.0.4 · type 8: echo request (ping)\n');
  });

  it('an echo reply, or an ICMP error whose line quotes no packet (a Cisco ASA, a kernel line without the brackets), is an answer, not a probe', async () => {
    const lines = [
      '<164>Aug 16 2016 13:01:43: %ASA-4-313004: Denied ICMP type=0, from laddr 172.20.30.1 on interface Outside to 10.25.24.122: no matching session',
      '<163>Aug 05 2016 19:13:26: %ASA-3-313001: Denied ICMP type=3, code=3 from 198.27.69.147 on interface Outside',
      'Nov 20 07:07:40 gw kernel: [UFW BLOCK] IN=eth0 OUT= SRC=198.51.100.1 DST=192.0.2.2 LEN=84 TTL=244 ID=0 PROTO=ICMP TYPE=0 CODE=0 ID=5 SEQ=1',
      'Nov 20 07:07:41 gw kernel: [UFW BLOCK] IN=eth0 OUT= SRC=198.51.100.1 DST=192.0.2.2 LEN=56 TTL=244 ID=0 PROTO=ICMP TYPE=11 CODE=0',
    ];
    const rs = await json(lines);
    expect(rs.map((r) => r.traffic)).toEqual(['reply', 'reply', 'reply', 'reply']);
    expect(rs.map((r) => r.event?.annotations.map((a) => a.id))).toEqual([['icmp-reply'], ['icmp-error'], ['icmp-reply'], ['icmp-time-exceeded', 'icmp-error']]);
    // A ping is still a probe.
    const [ping] = await json(['Nov 20 07:07:42 gw kernel: [UFW BLOCK] IN=eth0 OUT= SRC=198.51.100.1 DST=192.0.2.2 LEN=84 TTL=244 ID=0 PROTO=ICMP TYPE=8 CODE=0 ID=5 SEQ=1']);
    expect(ping?.traffic).toBe('probe');
  });

  it('an address the firewall wrote wrong (an octet of 10055, a five-digit IPv6 group) is said to be no valid IP address, not an ordinary public one', async () => {
    const win = '2022-04-20 17:33:55 DROP UDP 192.168.17.1 192.168.1.10055 137 137 78 - - - - - - - RECEIVE';
    const ufw =
      'Apr 22 08:25:36 7C56 kernel: [   20.445590] [UFW BLOCK] IN=enp42s0 OUT= MAC=04:7c:32:b7:3b:a2:ff:5e:d3:81:ee:2e:86:dd SRC=fe80:0000:0000:0000:530f4:caf2:9287:5ada DST=fe80:0000:0000:0000:97cc:4cbe:95d9:24fb LEN=1291 TC=0 HOPLIMIT=128 FLOWLBL=719126 PROTO=UDP SPT=3702 DPT=39038 LEN=1251';
    const out = await table([win, ufw]);
    expect(out).not.toContain('ordinary public');
    expect(out).toContain('destination  192.168.1.10055 — not a valid IP address as logged');
    expect(out).toMatch(/source {7}fe80:0000:0000:0000:530f4:caf2:9287:5ada — not a valid IP address as\s+logged/);
    // Its valid end still says what it is.
    expect(out).toContain('source       192.168.17.1 — Private network (192.168.0.0/16, RFC 1918)');
    expect(await table([win], 'zh')).toContain('192.168.1.10055 — 记录中的地址不是有效的 IP 地址');
    const [w, u] = await json([win, ufw]);
    expect(w?.outcome).toBe('event');
    expect(w?.addresses?.valid).toEqual({ src: true, dst: false });
    expect(u?.addresses?.valid).toEqual({ src: false, dst: true });
    const [plain] = await json([WINDOWS]);
    expect(plain?.addresses?.valid).toEqual({ src: true, dst: true });
  });

  it('an SSH session\'s packet that a LOG rule recorded (ACK, no SYN) is a late packet of a connection, not a probe', async () => {
    const line =
      'Aug 28 15:34:27 raspberrypi kernel: [ 1048.213512] IN=wlan0 OUT= MAC=b8:27:eb:6b:be:6a:98:de:d0:16:02:f7:08:00 SRC=192.168.1.5 DST=192.168.1.4 LEN=104 TOS=0x00 PREC=0x00 TTL=128 ID=4385 DF PROTO=TCP SPT=63644 DPT=22 WINDOW=353 RES=0x00 ACK PSH URGP=0';
    const out = await table([line]);
    expect(out).toMatch(/reading {6}a late packet of a connection already under way \(ACK or RST, no SYN\): it opens\s+nothing, so not a probe/);
    expect(out).toContain('stale-connection');
    expect((await json([line]))[0].traffic).toBe('late');
    expect(await table([line], 'zh')).toContain('已在进行中的连接的迟到报文');
  });

  it("a Cisco ASA's 'Built inbound' from a LAN client to a public server entered the firewall on its interface; it did not arrive at this host, and it is this side's own", async () => {
    const line = '<174>Jan  5 14:52:35 10.22.8.212 %ASA-6-302015: Built inbound UDP connection 76245506 for outside:10.22.8.110/49886 (10.22.8.110/49886) to inside:192.111.72.8/8612 (192.111.72.8/8612) (user.name)';
    const out = await table([line]);
    // Its tag is the kind of message, no rule, said by its name as the report's "logged as" row says it; a connection built names no access list.
    expect(out).toContain('logged       allowed · entering the firewall on outside · ASA message 302015 UDP connection built\n');
    expect(out).not.toContain('arriving at this host');
    expect(out).toContain('this side’s own traffic');
    expect(await table([line], 'zh')).toContain('从 outside 进入防火墙');
  });

  it("a Cisco ASA deny says its message id by name, the access list it names in brackets: the tag is no rule; in both languages", async () => {
    const line = 'Dec  6 10:00:00 fw %ASA-4-106023: Deny tcp src outside:198.51.100.7/4444 dst inside:192.0.2.10/23 by access-group "Inside_access_in" [0x0, 0x0]';
    const out = await table([line]);
    expect(out).toContain('logged       dropped · ASA message 106023 denied by access list (Inside_access_in)\n');
    expect(out).not.toMatch(/logged[^\n]*ASA-4-106023/);
    expect(await table([line], 'zh')).toContain('记录      已丢弃 · ASA 消息 106023 被访问控制列表拒绝（Inside_access_in）\n');
    // A deny without a list (no connection to match) is a message, no rule either.
    const noConnection = '<142>Jan  5 08:52:35 10.22.8.201 %ASA-6-106015: Deny TCP (no connection) from 186.111.72.11/80 to 204.111.72.254/45019 flags SYN ACK  on interface Outside_VPN';
    // Wrapped at the table's width: compared with the line breaks and indents as spaces.
    expect((await table([noConnection])).replace(/\s+/g, ' ')).toContain(' logged dropped · entering the firewall on Outside_VPN · ASA message 106015 TCP denied (no connection) packet ');
    expect(await table([noConnection], 'zh')).toContain('ASA 消息 106015 TCP 被拒绝（无连接）');
    expect(await table([noConnection], 'zh')).not.toContain('规则');
    // JSON: the name beside the event, in the answer's language; null for a record of any other firewall.
    const [deny, ufw] = await json([line, UFW]);
    expect(deny?.messageName).toBe('denied by access list');
    expect(ufw?.messageName).toBeNull();
    const zh = JSON.parse(await runExplain([noConnection], { outputFormat: 'json', lang: 'zh', signatures: [], width: 100, color: false })) as LineJson[];
    expect(zh[0]?.messageName).toBe('TCP 被拒绝（无连接）');
  });

  it('a --signatures directory that renames a message id renames it on the line too', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'asa-messages.json'),
      JSON.stringify({ schemaVersion: 1, entries: [{ id: '106015', name: { en: 'stray TCP dropped', zh: '零散 TCP 被丢弃' }, text: { en: 'A packet of no connection.', zh: '不属于任何连接的报文。' }, source: 'local' }] }),
    );
    const noConnection = '<142>Jan  5 08:52:35 10.22.8.201 %ASA-6-106015: Deny TCP (no connection) from 186.111.72.11/80 to 204.111.72.254/45019 flags SYN ACK  on interface Outside_VPN';
    const out = await runExplain([noConnection], { outputFormat: 'table', lang: 'en', signatures: [dir], width: 100, color: false });
    expect(out).toContain('· ASA message 106015 stray TCP dropped\n');
  });

  it("a Windows Firewall row's action column is no rule: OPEN and CLOSE rows say the column as written, not 'the rule logged as'", async () => {
    const open = '2026-11-20 07:35:13 OPEN TCP 192.168.1.35 203.0.113.174 56782 443 - - - - - - - - -';
    const close = open.replace('07:35:13 OPEN', '07:36:23 CLOSE');
    const out = await table([open, close]);
    expect(out).not.toContain('rule');
    expect(out).toContain('logged       allowed · leaving this host · action OPEN in the log\n');
    expect(out).toContain('logged       allowed · leaving this host · action CLOSE in the log\n');
    const zh = await table([open, close], 'zh');
    expect(zh).toContain('日志中的动作为 CLOSE');
    expect(zh).not.toContain('规则');
  });

  it("pf's rule and tracker and a MikroTik chain name a rule: said as logged, not as an action column", async () => {
    const pf = 'Sep 28 10:38:24 pfSense filterlog: 53,,,1000102631,em0,match,block,in,4,0x0,,64,600,0,none,6,tcp,44,10.0.2.2,10.0.2.15,53792,22,0,S,31552001,,65535,,mss';
    const mikrotik = '2026-05-31T00:00:18.676257+02:00 gw firewall,info forward: in:WAN out:LAN, connection-state:new src-mac e4:41:64:93:a8:0f, proto UDP, [2001:db8:1234::1]:17850->[2001:db8:1234::2]:51413, len 112';
    // Wrapped at the table's width: compared with the line breaks and indents as spaces.
    const out = (await table([pf, mikrotik])).replace(/\s+/g, ' ');
    expect(out).toContain('logged dropped · entering the firewall on em0 · by the rule logged as 53/1000102631 em0 match ');
    expect(out).toContain('logged logged without a verdict · routed through this host from WAN to LAN · by the rule logged as forward ');
    // The action column's words (`action CLOSE in the log`), not the closing note's zone.
    expect(out).not.toMatch(/action \S+ in the log/);
  });

  it('a PAN-OS record: its rule and zones said as logged, a record without a rule name by its zones alone, not as an action column', async () => {
    const record = (rule: string) =>
      `<14>Nov 20 06:25:01 PA-3220 1,2026/11/20 06:25:01,012801000000,TRAFFIC,drop,2561,2026/11/20 06:25:01,203.0.113.7,192.168.1.10,0.0.0.0,0.0.0.0,${rule},,,not-applicable,vsys1,untrust,trust,ethernet1/1,,Log-Forwarding,2026/11/20 06:25:01,0,1,41234,23,0,0,0x0,tcp,deny,60,60,0,1`;
    const out = (await table([record('interzone-default'), record('')])).replace(/\s+/g, ' ');
    expect(out).toContain('logged dropped · entering the firewall on ethernet1/1 · by the rule logged as interzone-default untrust->trust ');
    expect(out).toContain('logged dropped · entering the firewall on ethernet1/1 · by the rule logged as - untrust->trust ');
    // The action column's words (`action CLOSE in the log`), not the closing note's zone.
    expect(out).not.toMatch(/action \S+ in the log/);
  });

  it('a stamp with its own offset is shown in this machine’s zone, offset included', async () => {
    const out = await table(['2026-11-20T06:51:08.123456+01:00 fedora kernel: filter_IN_public_REJECT: IN=enp1s0 OUT= MAC=52:54:00:c4:10:0f:52:54:00:8e:77:01:08:00 SRC=203.0.113.233 DST=10.20.0.15 LEN=60 TOS=0x00 PREC=0x00 TTL=114 ID=60035 DF PROTO=TCP SPT=33902 DPT=22 WINDOW=65535 RES=0x00 SYN URGP=0']);
    expect(out).toContain('time         2026-11-20 03:51:08 -02:00 · on fedora');
    // The prefix without the ':' that ends it, as the report's "logged as" row shows it.
    expect(out).toMatch(/logged {7}rejected · arriving at this host on enp1s0 · by the rule logged as\s+filter_IN_public_REJECT\n/);
  });

  it('a Windows Firewall line without its header; its rule (the action word) is not said twice', async () => {
    const out = await table([WINDOWS]);
    expect(out).toContain('format       windows-firewall');
    expect(out).toContain('logged       dropped · arriving at this host\n');
    expect(out).toContain('LAN broadcast chatter');
    expect(out).toContain('netbios-noise');
  });

  it('a Windows Firewall line with a pid (a header given before it) names the process on this host, in both languages and in JSON', async () => {
    const header = '#Fields: date time action protocol src-ip dst-ip src-port dst-port size tcpflags tcpsyn tcpack tcpwin icmptype icmpcode info path pid';
    const send = '2026-03-10 10:00:09 DROP TCP 192.168.1.35 203.0.113.99 55557 25 52 S 1 0 64240 - - - SEND 10452';
    const out = await table([`${header}\n${send}`]);
    expect(out).toContain('logged       dropped · leaving this host · sent by the process with pid 10452\n');
    expect(await table([`${header}\n${send.replace('SEND 10452', 'RECEIVE 4')}`])).toContain('dropped · arriving at this host · for the process with pid 4\n');
    expect(await table([`${header}\n${send}`], 'zh')).toContain('由进程 10452（PID）发出');
    const rs = JSON.parse(await runExplain([`${header}\n${send}`], { outputFormat: 'json', lang: 'en', signatures: [], width: 100, color: false })) as { event: { pid: number } | null }[];
    expect(rs.map((r) => r.event?.pid ?? null)).toEqual([null, 10452]);
    // Without the column nothing is said of a process.
    expect(await table([WINDOWS])).not.toContain('pid');
  });

  it('a line that is no firewall record says so, without repeating the parser’s words', async () => {
    expect(await table([SSHD])).toContain('Not a firewall record in a format logscan reads');
    const other = await table([KERNEL_OTHER]);
    expect(other).toContain('A line in the iptables format, but not a firewall record.');
    expect(other).not.toContain('Read with only');
    const [r] = await json([KERNEL_OTHER]);
    expect(r).toMatchObject({ outcome: 'skipped', event: null, traffic: null, addresses: null });
  });

  it('a vendor’s line that is no record of its (a Huawei or H3C message of another module) is named by its format and module, not called unreadable', async () => {
    const huawei = '<189>May 15 2026 08:01:10 WUH-FW-1 %%01SHELL/5/CMDRECORD(s):Recorded command information. (Task=VT0, Ip=192.168.10.2, User=admin, Command="display firewall session table")';
    const h3c = '<189>Mar 26 14:48:40 2026 FW-F1000 %%10SHELL/5/SHELL_LOGIN: admin logged in from 192.168.1.2.';
    expect(await table([huawei])).toContain('A line in the huawei-usg format, but not a firewall record: Huawei/H3C log SHELL/CMDRECORD');
    expect(await table([h3c])).toContain('A line in the h3c-secpath format, but not a firewall record: Huawei/H3C log SHELL/SHELL_LOGIN');
    expect(await table([huawei], 'zh')).toContain('是 huawei-usg 格式的行，但不是防火墙记录');
    const [r] = await json([h3c]);
    expect(r).toMatchObject({ outcome: 'skipped', format: 'h3c-secpath', event: null });
    // A kernel line that is no netfilter record is still no format's.
    expect(await table([SSHD])).toContain('Not a firewall record in a format logscan reads');
  });

  it('every single-line format’s example lines read as records', async () => {
    for (const f of formats.filter((x) => x.id !== 'journald-export')) {
      const records = f.examples.filter((l) => !l.startsWith('#'));
      const rs = await json([records.join('\n')]);
      expect(rs.map((r) => [r.format, r.outcome]), f.id).toEqual(records.map(() => [f.id, 'event']));
    }
  });

  it('in Chinese', async () => {
    const out = await table([UFW], 'zh');
    expect(out).toContain('已丢弃 · 从 eth0 进入本机');
    // Routed through: which interface it came in on and which it went out of.
    const routed = UFW.replace('OUT= ', 'OUT=eth1 ');
    expect(await table([routed], 'zh')).toContain('由本机转发，从 eth0 进，从 eth1 出');
    expect(await table([routed])).toContain('routed through this host from eth0 to eth1');
    expect(out).toContain('（年份为推断：时间戳中没有年份）');
    expect(out).toContain('探测：不请自来的数据包');
  });

  it('escape sequences from the line never reach the terminal', async () => {
    const evil = UFW.replace('[UFW BLOCK]', '[UFW \u001b[2J\u001b]0;pwned\u0007BLOCK]');
    const out = await table([evil]);
    expect(out).toContain('UFW');
    expect(out).not.toMatch(/[\u001b\u0007]/);
  });
});

describe('explain - (standard input)', () => {
  it('explains each line piped in, and says where it stopped past 100', () => {
    const two = runCli(['explain', '-'], { input: `${UFW}\n${WINDOWS}\n` });
    expect(two.code).toBe(0);
    expect(two.stdout.match(/^ {2}format /gm)).toHaveLength(2);
    const many = runCli(['explain', '-', '-o', 'json'], { input: `${UFW}\n`.repeat(101) });
    expect(many.code).toBe(0);
    expect(JSON.parse(many.stdout)).toHaveLength(100);
    // Every stderr message starts with "logscan:", as explain's "no lines to explain" does.
    expect(many.stderr).toBe('logscan: explain: read the first 100 lines of standard input; for a whole log, `logscan -` reports on it\n');
  });

  it('from a terminal it says how to end the input', () => {
    // script(1) runs the command on a pseudo-terminal: stdin is a TTY there.
    const r = spawnSync('script', ['-q', '-c', `${process.execPath} ${cliPath} explain -`, '/dev/null'], {
      input: `${UFW}\n\u0004`,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
      timeout: 20_000,
    });
    expect(r.stdout).toContain('logscan: explain: reading log lines from the terminal; paste them, then press Ctrl-D');
    expect(r.stdout).toContain('reading      a probe');
  });

  it('journalctl -o export output is read an entry at a time (its lines up to a blank one), shown by its MESSAGE line', () => {
    const msg = (port: number) => `MESSAGE=iptables DROP_INPUT: IN=eth1 OUT= SRC=198.51.100.7 DST=192.0.2.1 LEN=60 TTL=50 PROTO=TCP SPT=40000 DPT=${port} SYN `;
    const entry = (us: string, port: number, transport = 'kernel') =>
      [`__CURSOR=s=1;i=${us}`, `__REALTIME_TIMESTAMP=${us}`, '_HOSTNAME=gw.example', `_TRANSPORT=${transport}`, msg(port)].join('\n');
    const input = [entry('1642033008518660', 6776), entry('1642033021964974', 23, 'syslog'), '__CURSOR=s=1;i=3', ''].join('\n\n');
    expect(explainItems(['-'], input.split('\n'))).toHaveLength(3);
    // Written without the blank lines, each __CURSOR= starts the next entry, as in the report.
    const glued = input.split('\n').filter((l) => l !== '');
    expect(explainItems(['-'], glued).map((i) => (i.kind === 'line' ? i.line.slice(0, 28) : null))).toEqual(['MESSAGE=iptables DROP_INPUT:', 'MESSAGE=iptables DROP_INPUT:', '__CURSOR=s=1;i=3']);
    const r = runCli(['explain', '-', '--tz', 'UTC', '-o', 'json'], { input });
    const answers = JSON.parse(r.stdout) as (LineJson & { query: string; reason: string | null })[];
    expect(answers.map((a) => [a.format, a.outcome, a.query.slice(0, 28)])).toEqual([
      ['journald-export', 'event', 'MESSAGE=iptables DROP_INPUT:'],
      ['journald-export', 'skipped', 'MESSAGE=iptables DROP_INPUT:'],
      ['journald-export', 'skipped', '__CURSOR=s=1;i=3'],
    ]);
    // The entry's time and host come from its other fields.
    expect(answers[0].event).toMatchObject({ time: '2022-01-13T00:16:48.518Z', host: 'gw.example', dst: { port: 6776 } });
    expect(answers[1].reason).toBe('not from the kernel (_TRANSPORT=syslog)');
    expect(answers[2].reason).toBe('journal entry without MESSAGE');
    // The MESSAGE line alone, copied from an entry, is read too, without a time.
    const alone = runCli(['explain', msg(6776).trim()]).stdout;
    expect(alone).toContain('format       journald-export\n  time         ?\n');
    expect(alone).toContain('packet       TCP 198.51.100.7:40000 → 192.0.2.1:6776');
  });

  it('lines are read as a log: a Windows Firewall #Fields header sets the columns of the lines after it', () => {
    const header = '#Fields: date time action protocol src-ip dst-ip src-port dst-port path';
    const line = '2024-07-29 13:23:35 DROP TCP 203.0.113.5 192.168.0.10 4444 3389 RECEIVE';
    const r = runCli(['explain', '-'], { input: `${header}\n${line}\n` });
    expect(r.stdout).toContain('A windows-firewall header (#Fields (9 fields)): it applies to the lines given after it.');
    expect(r.stdout).toContain('logged       dropped · arriving at this host\n');
    expect(r.stdout).toContain('packet       TCP 203.0.113.5:4444 → 192.168.0.10:3389\n');
    // Without the header the same line has too few columns for the standard layout.
    // Spaces collapsed: the sentence wraps at the terminal's width.
    expect(runCli(['explain', line]).stdout.replace(/\s+/g, ' ')).toContain('could not be read: expected 17 fields');
  });

    it('--home-net: a forwarded line from one of this side\'s public networks is its own traffic, not a probe', () => {
    const fwd = 'Nov 20 07:07:40 gw kernel: [FWD] IN=eth1 OUT=eth0 SRC=203.0.113.5 DST=198.51.100.9 LEN=60 TTL=63 PROTO=TCP SPT=40000 DPT=6667 SYN';
    expect(runCli(['explain', fwd]).stdout).toContain('reading      a probe');
    const mine = runCli(['explain', fwd, '--home-net', '203.0.113.0/24', '-o', 'json']);
    expect((JSON.parse(mine.stdout) as LineJson[])[0].traffic).toBe('own');
    const bad = runCli(['explain', '80', '--home-net', 'nonsense']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--home-net: "nonsense" is not an address or CIDR range');
  });

  it('this side’s own traffic says why it is: logged leaving this host (a Windows OPEN row, a public address), loopback, routed out, or between two machines of this side', async () => {
    const open = '2005-04-11 08:09:29 OPEN TCP 123.45.78.90 123.156.78.90 1606 445 - - - - - - - - -';
    const lines = [
      open,
      'Nov 20 07:07:40 gw kernel: [UFW AUDIT] IN=lo OUT= SRC=127.0.0.1 DST=127.0.0.1 LEN=84 TTL=64 ID=1 PROTO=ICMP TYPE=8 CODE=0 ID=2 SEQ=1',
      'Nov 20 07:07:41 gw kernel: [FWD] IN=eth1 OUT=eth0 SRC=192.168.1.5 DST=198.51.100.9 LEN=60 TTL=63 PROTO=TCP SPT=40000 DPT=443 SYN',
      'Nov 20 07:07:42 gw kernel: [FWD] IN=eth1 OUT=eth2 SRC=192.168.1.5 DST=10.0.0.9 LEN=60 TTL=63 PROTO=TCP SPT=40000 DPT=3306 SYN',
    ];
    const rs = await json(lines);
    expect(rs.map((r) => [r.traffic, r.ownReason])).toEqual([['own', 'out'], ['own', 'loopback'], ['own', 'forwarded'], ['probe', null]]);
    const out = await table([open]);
    expect(out).toContain('source       123.45.78.90 — an ordinary public address');
    expect(out).toContain('reading      this side’s own traffic: logged as leaving this host, not a probe');
    expect(out).not.toContain('from a local network');
    const allowedInside = 'Nov 20 07:07:42 gw kernel: [ACCEPT] IN=eth1 OUT=eth2 SRC=192.168.1.5 DST=10.0.0.9 LEN=60 TTL=63 PROTO=TCP SPT=40000 DPT=3306 SYN';
    const inside = await json([allowedInside.replace('[ACCEPT]', '[UFW ALLOW]')]);
    expect([inside[0]?.traffic, inside[0]?.ownReason]).toEqual(['own', 'inside']);
    expect(await table([allowedInside.replace('[ACCEPT]', '[UFW ALLOW]')])).toMatch(/between two machines of this side/);
    const routed = await table([lines[2]!]);
    expect(routed).toMatch(/routed out from a local network or --home-net/);
    expect(await table([open], 'zh')).toContain('记录为离开本机');
  });

  it('lines are read as a log: an AWS VPC flow log header line sets the columns of a custom format\'s records after it; without it they are malformed for their count', () => {
    const header = 'version interface-id action srcport dstport dstaddr srcaddr protocol packets bytes start end log-status';
    const line = '5 eni-0a1b2c3d4e5f60718 REJECT 41234 23 10.0.1.20 203.0.113.7 6 1 40 1795152301 1795152361 OK';
    const r = runCli(['explain', header, line], { env: { COLUMNS: '200' } });
    expect(r.stdout).toContain('An aws-vpcflow header (the 13 fields of a VPC flow log): it applies to the lines given after it.');
    expect(r.stdout).toContain('packet       TCP 203.0.113.7:41234 → 10.0.1.20:23');
    const zh = runCli(['explain', '--lang', 'zh', header, line], { env: { COLUMNS: '200' } });
    expect(zh.stdout).toContain('aws-vpcflow 的文件头（VPC 流日志的 13 个字段）：作用于其后给出的行。');
    expect(runCli(['explain', line]).stdout.replace(/\s+/g, ' ')).toContain('in the aws-vpcflow format but could not be read: expected 14 fields (the default format: no header line names others), got 13.');
  });

  it('every W3C header line of a pfirewall.log reads as a Windows Firewall header, #Version and #Time Format as #Software and #Fields do', () => {
    const headers = ['#Version: 1.5', '#Software: Microsoft Windows Firewall', '#Time Format: Local', '#Fields: date time action protocol src-ip dst-ip src-port dst-port size tcpflags tcpsyn tcpack tcpwin icmptype icmpcode info path'];
    const piped = runCli(['explain', '-'], { input: headers.join('\n') + '\n' }).stdout;
    expect(piped).not.toContain('Not a firewall record');
    for (const h of ['#Version', '#Software', '#Time Format Local', '#Fields (17 fields)']) expect(piped).toContain(`A windows-firewall header (${h}): it applies to the lines given after it.`);
    // Alone, as a query, they are lines too, not searches of the knowledge base.
    expect(runCli(['explain', '#Version: 1.5']).stdout).toContain('A windows-firewall header (#Version)');
    expect(runCli(['explain', '#Time Format: Local']).stdout).toContain('A windows-firewall header (#Time Format Local)');
  });

  it('a Windows Firewall INFO-EVENTS-LOST row is no packet: a gap in the log, said so, with no packet rows', async () => {
    const lost = '2005-04-11 08:52:26 INFO-EVENTS-LOST - - - - - - - - - - - - 59 -';
    const out = await table([lost]);
    expect(out).toContain('reading  no packet: the firewall noting records it could not write; the log has a gap here');
    expect(out).not.toMatch(/packet {2}|source {2}|destination {2}/);
    expect(out).toContain('events-lost');
    expect((await json([lost]))[0].traffic).toBe('gap');
    expect(runCli(['check', '--line', '1', '-'], { input: lost + '\n' }).stdout).toContain('counts as     no packet: the firewall noting records it could not write (a gap in the log)');
  });

  it('--tz and --year read the stamps as the report does; times show in that zone', () => {
    // Tests run with TZ=Etc/GMT+2: without --tz, a stamp without offset is this machine's time.
    expect(runCli(['explain', UFW]).stdout).toMatch(/time {9}\d{4}-11-20 07:07:40 -02:00 \(year assumed: the stamp has none\) · on gw\n/);
    const tokyo = runCli(['explain', UFW, '--tz', 'Asia/Tokyo', '--year', '2025']);
    expect(tokyo.stdout).toContain('time         2025-11-20 07:07:40 +09:00 (year from --year: the stamp has none) · on gw\n');
    const j = runCli(['explain', UFW, '--tz', 'Asia/Tokyo', '--year', '2025', '-o', 'json']);
    expect((JSON.parse(j.stdout) as LineJson[])[0].event?.time).toBe('2025-11-19T22:07:40.000Z');
    // A stamp with its own offset keeps its instant; --tz only says where to show it.
    const own = UFW.replace('Nov 20 07:07:40', '2026-11-20T07:07:40+01:00');
    expect(runCli(['explain', own, '--tz', 'Asia/Tokyo']).stdout).toContain('time         2026-11-20 15:07:40 +09:00 · on gw\n');
    for (const [opt, value, says] of [
      ['--tz', 'Mars/Olympus', '--tz: unknown time zone "Mars/Olympus"'],
      ['--year', '26', '--year: expected a four-digit year from 1900 to 9998, got "26"'],
    ]) {
      const bad = runCli(['explain', '80', opt, value]);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain(says);
    }
  });

  it("a RouterOS `/log print` stamp of a time alone: the date is what was assumed, not only the year; with a month and day, the year", async () => {
    const today = '01:01:58 firewall,info input: in:ether1-gateway out:(none), src-mac 00:00:5e:00:53:05, proto TCP (SYN), 198.51.100.130:44017->192.0.2.2:22, len 60';
    const earlier = today.replace('01:01:58', 'sep/15 12:42:14');
    const row = (out: string): string => out.split('\n').find((l) => /^ {2}(time|时间) /.test(l))!;
    const [t, e] = [row(await table([today])), row(await table([earlier]))];
    expect(t).toMatch(/^ {2}time {9}\d{4}-\d\d-\d\d 01:01:58 -02:00 \(date assumed: the stamp has only a time\)$/);
    expect(e).toMatch(/^ {2}time {9}\d{4}-09-15 12:42:14 -02:00 \(year assumed: the stamp has none\)$/);
    expect(row(await table([today], 'zh'))).toContain('（日期为推断：时间戳中只有时间）');
    expect(row(await table([earlier], 'zh'))).toContain('（年份为推断：时间戳中没有年份）');
    // --year says no day: the date is still assumed, and said so, not "year from --year".
    expect(runCli(['explain', today, '--year', '2025']).stdout).toContain('(date assumed: the stamp has only a time)\n');
    expect(runCli(['explain', earlier, '--year', '2025']).stdout).toContain('2025-09-15 12:42:14 -02:00 (year from --year: the stamp has none)\n');
    // For programs: the event keeps yearInferred (README's event schema); the answer says which part was assumed.
    const [jt, je] = await json([today, earlier]);
    expect(jt).toMatchObject({ outcome: 'event', dateInferred: true, event: { yearInferred: true } });
    expect(je).toMatchObject({ outcome: 'event', dateInferred: false, event: { yearInferred: true } });
    expect((await json([UFW]))[0]).toMatchObject({ dateInferred: false });
    expect((await json([SSHD]))[0]).toMatchObject({ dateInferred: null });
  });

  it('standard input is judged and decoded as the other commands read it: gzip unpacked, UTF-16 with its mark decoded, binary data refused (exit 3)', () => {
    // Each used to be split into lines as it came: U+FFFD and \x00 garbage "explained" as unrecognised lines, exit 0.
    const text = `${UFW}\n${WINDOWS}\n`;
    const plain = runCli(['explain', '-', '-o', 'json'], { input: text });
    const formatsOf = (stdout: string) => (JSON.parse(stdout) as LineJson[]).map((a) => [a.format, a.outcome]);
    expect(formatsOf(plain.stdout)).toEqual([['iptables', 'event'], ['windows-firewall', 'event']]);
    const gz = runCli(['explain', '-', '-o', 'json'], { input: gzipSync(text) });
    expect(gz.code).toBe(0);
    expect(formatsOf(gz.stdout)).toEqual(formatsOf(plain.stdout));
    const utf16 = runCli(['explain', '-', '-o', 'json'], { input: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]) });
    expect(utf16.code).toBe(0);
    expect(formatsOf(utf16.stdout)).toEqual(formatsOf(plain.stdout));
    const junk = Buffer.alloc(3000);
    for (let i = 0; i < junk.length; i++) junk[i] = (i * 7919 + 13) % 256;
    const binary = runCli(['explain', '-'], { input: junk });
    expect(binary.code).toBe(3);
    expect(binary.stdout).toBe('');
    expect(binary.stderr).toMatch(/^logscan: \(stdin\): looks like binary data, not a text log \([\d,]+ control bytes in the first 3,000 bytes\); skipped\n$/);
    // Gzip data that breaks off: the whole lines before the break are explained, the cut one is not, exit 3.
    const whole = gzipSync(`${UFW}\n`.repeat(40));
    const cut = runCli(['explain', '-', '-o', 'json'], { input: whole.subarray(0, whole.length - 12) });
    expect(cut.code).toBe(3);
    expect(cut.stderr).toMatch(/^logscan: \(stdin\): gzip data is truncated or corrupt after line \d+ \(unexpected end of file\)\n$/);
    expect((JSON.parse(cut.stdout) as LineJson[]).every((a) => a.outcome === 'event')).toBe(true);
    const noMark = runCli(['explain', '-'], { input: Buffer.from(text, 'utf16le') });
    expect(noMark.code).toBe(3);
    expect(noMark.stderr).toContain('(stdin): looks like UTF-16 text, not a UTF-8/ASCII log; skipped (convert it first: iconv -f UTF-16 -t UTF-8)');
  });

    it('empty standard input is a usage error (exit 2)', () => {
    const r = runCli(['explain', '-'], { input: '\n' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('standard input had no lines to explain');
  });
});

describe('explain a log line: hostile input', () => {
  it('real lines of every format, mutated, never throw, and nothing from them reaches the terminal raw', async () => {
    const explainer = new LineExplainer(loadKnowledge(), 'en');
    const table = { lang: 'en' as const, width: 100, color: false };
    await fc.assert(
      fc.asyncProperty(mutatedLine, async (line) => {
        const out = explainer.block(line, table);
        // termSafe leaves no C0/C1 control (a tab is harmless) or bidi character; newlines are the layout’s own.
        expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
        expect(() => JSON.stringify(explainer.json(line))).not.toThrow();
      }),
      { numRuns: 200 },
    );
    for (const line of realLines.slice(0, 400)) expect(explainer.json(line).outcome).toMatch(/^(event|skipped|malformed|unrecognised)$/);
  });
});

describe("explain 'LINE' --lang zh: why a line is malformed or skipped, in Chinese", () => {
  const BAD_TIME = UFW.replace('07:07:40', '25:07:40');

  it('a bad timestamp: the reason in Chinese, its field and value as logged; English and the JSON as before', () => {
    const zh = runCli(['explain', '--lang', 'zh', BAD_TIME]);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('看起来是 iptables 防火墙记录，但无法读取：time：不存在的时间（小时为 25）。');
    // "a iptables": the format's id after "a"; it is named as the skipped line's sentence names it.
    expect(runCli(['explain', '--lang', 'en', BAD_TIME]).stdout.replace(/\s+/g, ' ')).toContain('Looks like a firewall record in the iptables format but could not be read: time: impossible time (hour 25).');
    const [json] = JSON.parse(runCli(['explain', '--lang', 'zh', '-o', 'json', BAD_TIME]).stdout) as { outcome: string; reason: string }[];
    expect(json).toMatchObject({ outcome: 'malformed', reason: 'time: impossible time (hour 25)' });
  });

  it("a parser's own reason and a skipped line's are Chinese too; a header is named in Chinese", () => {
    const asa = '<164>Nov 20 11:00:02 192.0.2.1 %ASA-4-106023: Deny tcp src outside:203.0.113.9/70000 dst inside:198.51.100.10/23 by access-group "outside_in"';
    expect(runCli(['explain', '--lang', 'zh', asa]).stdout).toContain("无法读取：106023: src：无效的端口 '70000'。");
    const journal = '{"MESSAGE":"[UFW BLOCK] IN=eth0 OUT= SRC=203.0.113.9 DST=192.0.2.1 LEN=40 PROTO=TCP SPT=1 DPT=2","_TRANSPORT":"syslog","__REALTIME_TIMESTAMP":"1700000000000000"}';
    const skipped = runCli(['explain', '--lang', 'zh', journal]).stdout;
    expect(skipped).toContain('不是内核消息（_TRANSPORT=syslog）');
    expect(skipped).not.toContain('not from the kernel');
    const header = '#Fields: date time action protocol src-ip dst-ip src-port dst-port size tcpflags tcpsyn tcpack tcpwin icmptype icmpcode info path';
    expect(runCli(['explain', '--lang', 'zh', header]).stdout).toContain('windows-firewall 的文件头（#Fields（17 个字段））：作用于其后给出的行。');
    expect(runCli(['explain', '--lang', 'en', header]).stdout).toContain('A windows-firewall header (#Fields (17 fields)): it applies to the lines given after it.');
  });
});

describe("explain 'LINE': a syslog header passed over, a time read in a zone the line does not name", () => {
  // Lines of test/fixtures/iptables/headers-misc.log (its README: read --tz Europe/Berlin), the packet cut short.
  const PACKET = '[UFW BLOCK] IN=eth0 OUT= SRC=192.0.2.20 DST=192.168.1.10 LEN=44 TTL=51 PROTO=TCP SPT=40016 DPT=23 SYN';
  const NONE_READ = `20/11/2026 06:28:01 gw kernel: ${PACKET}`;
  const UPTIME_ONLY = `11/20/2026 06:28:02 gw kernel: [ 9200.000001] ${PACKET}`;
  const TIME_ONLY = `2026-11-20 06:26:07\tnot a level\t192.168.1.1\tkernel: ${PACKET}`;
  const TIME_AND_HOST = `Nov 20 06:28:03 gw [12345.678] kernel: ${PACKET}`;
  const UNDERSTOOD = `Nov 20 2026 06:25:01 gw kernel: ${PACKET}`;
  const RELAY_HOST = `Nov 20 06:27:02 192.168.1.1 Nov 20 06:27:01 kernel: ${PACKET}`;
  const OFFSET = `Nov 20 06:29:07 192.168.1.1 2026-11-20T06:29:07+01:00 gw kernel: ${PACKET}`;
  const kb = loadKnowledge();
  const now = new Date('2026-11-23T12:00:00Z');
  // Chinese rows are read unwrapped: a line wrapped between two characters has no space to join it at.
  const block = (line: string, lang: 'en' | 'zh' = 'en', width = lang === 'zh' ? 200 : 100): string =>
    new LineExplainer(kb, lang, { now, tz: 'Europe/Berlin' }).block(line, { lang, width, color: false });
  /** The row of `label` with its wrapped lines joined, as one string. */
  const rowOf = (out: string, label: string): string | null => {
    const lines = out.split('\n');
    const i = lines.findIndex((l) => l.startsWith(`  ${label} `));
    if (i < 0) return null;
    const rest = lines.slice(i + 1).filter((l, k, all) => all.slice(0, k + 1).every((x) => /^ {4,}\S/.test(x)));
    return [lines[i]!, ...rest].map((l) => l.trim()).join(' ').slice(label.length).trim();
  };

  it('nothing read: the time is unknown, and the header row says why, in check’s words', () => {
    const out = block(NONE_READ);
    expect(rowOf(out, 'time')).toBe('?');
    expect(rowOf(out, 'header')).toBe(
      'not understood: read from its kernel: tag on, so its time and host are unknown (a date whose order of day and month the line does not show is never guessed)',
    );
    // check says the same of the line: its reason is the row's lead.
    expect(`header ${rowOf(out, 'header')}`).toContain(reasonText(HEADER_UNREAD, 'en'));
  });

  it('an uptime after a header passed over: no longer "no clock time in the line"', () => {
    const out = block(UPTIME_ONLY);
    expect(rowOf(out, 'time')).toBe('9200.000 s after the kernel started (the clock time in the header not understood)');
    expect(rowOf(out, 'header')).toContain('so its time and host are unknown');
  });

  it('the parts read before what was not understood are named: the time, or the time and the host', () => {
    const time = block(TIME_ONLY);
    expect(rowOf(time, 'time')).toBe('2026-11-20 06:26:07 +01:00');
    expect(rowOf(time, 'header')).toBe('not understood: read from its kernel: tag on; its time was read from the part before, its host is unknown');
    const both = block(TIME_AND_HOST);
    expect(rowOf(both, 'time')).toBe('2026-11-20 06:28:03 +01:00 (year assumed: the stamp has none) · on gw');
    expect(rowOf(both, 'header')).toBe('not understood: read from its kernel: tag on; its time and host were read from the part before');
  });

  it('a header understood, or a relay’s header read, gets no header row', () => {
    for (const line of [UNDERSTOOD, RELAY_HOST, OFFSET]) expect(rowOf(block(line), 'header')).toBeNull();
    // The relay's address is the host when the device names none, its stamp the time, the year assumed as check's yearInferred says.
    expect(rowOf(block(RELAY_HOST), 'time')).toBe('2026-11-20 06:27:02 +01:00 (year assumed: the stamp has none) · on 192.168.1.1');
  });

  it('in Chinese, the same rows', () => {
    const none = block(NONE_READ, 'zh');
    expect(rowOf(none, '日志头')).toBe('未能识别：从 kernel: 标签之后读取，因此时间和主机未知（看不出日、月先后顺序的日期从不猜测）');
    expect(rowOf(block(UPTIME_ONLY, 'zh'), '时间')).toBe('内核启动后 9200.000 秒（未能识别日志头中的时钟时间）');
    expect(rowOf(block(TIME_ONLY, 'zh'), '日志头')).toBe('未能识别：从 kernel: 标签之后读取；时间取自其前面可识别的部分，主机未知');
    expect(rowOf(block(TIME_AND_HOST, 'zh'), '日志头')).toBe('未能识别：从 kernel: 标签之后读取；时间和主机取自其前面可识别的部分');
    expect(none).not.toMatch(/not understood/);
  });

  it("a year-less header after a Cisco device stamp with its year: dated by that year, and said so (not 'year assumed'), in both languages and the JSON", () => {
    const built = '%ASA-6-302013: Built inbound TCP connection 7 for outside:203.0.113.7/41234 (203.0.113.7/41234) to inside:192.0.2.10/22 (192.0.2.10/22)';
    const stamped = `<166>Aug 06 2016 20:39:42: ${built}`;
    const yearless = `<166>Aug  7 20:39:42 10.22.8.216 ${built}`;
    const table = (lang: 'en' | 'zh') => ({ lang, width: 200, color: false });
    const en = new LineExplainer(kb, 'en', { now, tz: 'Europe/Berlin' });
    expect(rowOf(en.block(stamped, table('en')), 'time')).toBe('2016-08-06 20:39:42 +02:00');
    expect(rowOf(en.block(yearless, table('en')), 'time')).toBe('2016-08-07 20:39:42 +02:00 (year from an earlier line’s stamp: this stamp has none) · on 10.22.8.216');
    const zh = new LineExplainer(kb, 'zh', { now, tz: 'Europe/Berlin' });
    zh.block(stamped, table('zh'));
    expect(rowOf(zh.block(yearless, table('zh')), '时间')).toBe('2016-08-07 20:39:42 +02:00（年份取自前面一行的时间戳：这个时间戳中没有年份） · 主机 10.22.8.216');
    // Alone, the clock's year, assumed; with --year, that year, said as --year's.
    expect(rowOf(block(yearless), 'time')).toBe('2026-08-07 20:39:42 +02:00 (year assumed: the stamp has none) · on 10.22.8.216');
    const given = new LineExplainer(kb, 'en', { now, year: 2020, tz: 'Europe/Berlin' });
    given.block(stamped, table('en'));
    expect(rowOf(given.block(yearless, table('en')), 'time')).toBe('2020-08-07 20:39:42 +02:00 (year from --year: the stamp has none) · on 10.22.8.216');
    const json = new LineExplainer(kb, 'en', { now, tz: 'Europe/Berlin' });
    expect([stamped, yearless, 'not a record at all, 1.2.3.4 x=y'].map((l) => json.json(l).yearCarried)).toEqual([false, true, null]);
    expect(new LineExplainer(kb, 'en', { now, tz: 'Europe/Berlin' }).json(yearless).yearCarried).toBe(false);
  });

  it('-o json: headerUnread per line, null for a line that is no record', () => {
    const reader = new LineExplainer(kb, 'en', { now, tz: 'Europe/Berlin' });
    expect([NONE_READ, UNDERSTOOD, TIME_AND_HOST, 'not a record at all, 1.2.3.4 x=y'].map((l) => reader.json(l).headerUnread)).toEqual([true, false, true, null]);
  });

  it('-o json: the zone facts the closing note words, under the report JSON names, for the lines so far; null for a line that is no record', () => {
    const given = new LineExplainer(kb, 'en', { now, tz: 'Europe/Berlin' });
    expect(given.json(`2026-11-20T06:29:07+01:00 gw kernel: ${PACKET}`).zones).toEqual({ tz: 'Europe/Berlin', tzAssumed: false, zonelessTimes: false, unmatchedZone: null, namedZone: null, headerTimes: null });
    expect(given.json('not a record at all, 1.2.3.4 x=y').zones).toBeNull();
    // A BSD header after the RFC 3339 one: the two header kinds counted, as the report counts them.
    expect(given.json(UNDERSTOOD).zones).toEqual({ tz: 'Europe/Berlin', tzAssumed: false, zonelessTimes: true, unmatchedZone: null, namedZone: null, headerTimes: { zoned: 1, zoneless: 1 } });
    const asa = new LineExplainer(kb, 'en', { now, tz: 'Europe/Berlin' });
    const built = '%ASA-6-302013: Built inbound TCP connection 7 for outside:203.0.113.7/41234 (203.0.113.7/41234) to inside:192.0.2.10/22 (192.0.2.10/22)';
    expect(asa.json(`<166>Sep 25 2026 05:08:29 CEST: ${built}`).zones).toMatchObject({ zonelessTimes: false, namedZone: 'CEST', unmatchedZone: null });
    expect(asa.json(`<166>Sep 25 2026 05:08:29 EST: ${built}`).zones).toMatchObject({ namedZone: 'CEST', unmatchedZone: 'EST' });
    // Without --tz: this machine's zone (the tests' TZ), assumed.
    const machine = JSON.parse(runCli(['explain', '-o', 'json', UNDERSTOOD]).stdout) as { zones: unknown }[];
    expect(machine[0]!.zones).toEqual({ tz: 'Etc/GMT+2', tzAssumed: true, zonelessTimes: true, unmatchedZone: null, namedZone: null, headerTimes: null });
  });

  it('the closing note names the zone a stamp without one was read in (as check and the report do), only when one was', () => {
    const table = { lang: 'en' as const, width: 100, color: false };
    const given = new LineExplainer(kb, 'en', { now, tz: 'Europe/Berlin' });
    given.block(UNDERSTOOD, table);
    expect(given.note(table)).toMatch(/^times without a zone in the log read in Europe\/Berlin \(--tz\)\nRead with only/);
    const offset = new LineExplainer(kb, 'en', { now, tz: 'Europe/Berlin' });
    offset.block(`2026-11-20T06:29:07+01:00 gw kernel: ${PACKET}`, table);
    expect(offset.note(table)).toMatch(/^Read with only/);
    const zh = new LineExplainer(kb, 'zh', { now, tz: 'Europe/Berlin' });
    zh.block(UNDERSTOOD, { ...table, lang: 'zh' });
    expect(zh.note({ ...table, lang: 'zh' })).toMatch(/^日志中未注明时区的时间按 Europe\/Berlin 解读（--tz）\n/);
    // Without --tz: this machine's zone (the tests' TZ), and how to change it.
    const machine = runCli(['explain', UNDERSTOOD]).stdout;
    expect(machine).toContain("times without a zone in the log read as Etc/GMT+2, this machine's zone; --tz ZONE to change\n");
  });
});
