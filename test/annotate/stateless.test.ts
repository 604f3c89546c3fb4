// One scenario per annotation id, positive and negative, through the real knowledge base.
import { describe, expect, it } from 'vitest';
import { ids, makeEvent } from '../helpers/events.js';
import { annotateOne, annotator, find, knowledge } from './kb.js';
import { malwareVars } from '../../src/annotate/malware-name.js';

const udp = (dport: number, extra: Record<string, unknown> = {}) => ({ proto: 'udp', dst: { port: dport }, ...extra });
const tcp = (dport: number, extra: Record<string, unknown> = {}) => ({ proto: 'tcp', dst: { port: dport }, ...extra });

describe('port-known / trojan', () => {
  it('a known destination port names its service', () => {
    const a = find(annotateOne(tcp(80)), 'port-known');
    expect(a?.text).toMatch(/HTTP/);
    expect(a?.ref).toMatch(/^00\d_/);
  });
  it('mentions other entries sharing the port', () => {
    expect(find(annotateOne(tcp(6776)), 'port-known')?.text).toMatch(/Also seen on this port: .*Ultors/);
  });
  it('an unknown port gets no port-known', () => {
    expect(knowledge().lookup('tcp', 47001)).toHaveLength(0);
    expect(ids(annotateOne(tcp(47001)))).not.toContain('port-known');
  });
  it('trojan ports name the family', () => {
    expect(find(annotateOne(tcp(31337)), 'trojan')?.text).toMatch(/Back Orifice/);
    expect(find(annotateOne(tcp(12345)), 'trojan')?.text).toMatch(/NetBus/);
    expect(find(annotateOne(tcp(7626)), 'trojan')?.text).toMatch(/冰河/);
    expect(find(annotateOne(tcp(27374)), 'trojan')?.text).toMatch(/Sub-7/);
  });
  it("a worm's port says an infected machine or an exploit scanner is knocking; a trojan's or backdoor's says someone looks for infected machines", () => {
    for (const [probe, family] of [[udp(1434), 'SQL Slammer'], [tcp(37215), 'Mirai'], [tcp(52869), 'Mirai']] as const) {
      const text = find(annotateOne(probe), 'trojan')?.text;
      expect(text).toContain(family);
      expect(text).toMatch(/through which .* spreads.*infected machine, or a scanner trying the same exploit/);
    }
    for (const port of [27374, 5554]) {
      const text = find(annotateOne(tcp(port)), 'trojan')?.text;
      expect(text).toMatch(/looking for machines already infected/);
      expect(text).not.toMatch(/spreads/);
    }
    expect(find(annotateOne(tcp(5554), { lang: 'zh' }), 'trojan')?.text).toMatch(/已被其感染/);
    expect(find(annotateOne(udp(1434), { lang: 'zh' }), 'trojan')?.text).toMatch(/借以传播/);
  });
  it('names the malware once: the family with its category, what the entry adds in brackets', () => {
    const en = (port: number) => find(annotateOne(tcp(port)), 'trojan')?.text.split(':')[0];
    const zh = (port: number) => find(annotateOne(tcp(port), { lang: 'zh' }), 'trojan')?.text.split('：')[0];
    // Family "Doly Trojan" already says trojan; the entry name adds nothing.
    expect(en(1011)).toBe('Port of the Doly Trojan');
    expect(en(666)).toBe('Port of the Attack FTP trojan');
    expect(en(1243)).toBe('Port of the Sub-7 trojan (old default)');
    expect(en(2001)).toBe('Port of the Millennium trojan (1.0)');
    expect(en(52869)).toBe('Port through which the Mirai worm spreads (Realtek SDK UPnP exploit)');
    // In Chinese the category is always said: the English family name does not say it.
    expect(zh(1011)).toBe('Doly Trojan（木马）使用的端口');
    expect(zh(1243)).toBe('Sub-7（木马）使用的端口（旧版默认端口）');
    // Versions and proper names stay as written.
    expect(zh(2001)).toBe('Millennium（木马）使用的端口（1.0）');
    // The variant in the words of the entry's own Chinese name (Sub-7（屏幕截图）).
    expect(zh(2772)).toBe('Sub-7（木马）使用的端口（屏幕截图）');
    // A backdoor a worm opened is the worm's backdoor, not a backdoor program "(worm)".
    expect(en(2745)).toBe('Port of the Bagle worm backdoor');
    expect(en(5554)).toBe('Port of the Sasser worm backdoor (FTP server)');
    expect(zh(2745)).toBe('Bagle（蠕虫后门）使用的端口');
    expect(zh(5554)).toBe('Sasser（蠕虫后门）使用的端口（FTP 服务器）');
    // A family said alike in both languages gets its category bracketed, as Doly Trojan's (not "pcserver backdoor（后门）").
    expect(zh(600)).toBe('pcserver（后门）使用的端口');
    expect(zh(37215)).toBe('Mirai 变种 Satori（蠕虫）借以传播的端口（华为 HG532 路由器漏洞利用）');
  });
  it('a variant in Chinese says what the entry\'s Chinese name says', () => {
    const kb = knowledge();
    const bare = (s: string) => s.replace(/[\s()（）,，"“”]/g, '');
    const off: string[] = [];
    for (const e of kb.entries) {
      if (!['trojan', 'worm', 'backdoor', 'adware'].includes(e.category) || e.family === null) continue;
      const { variant } = malwareVars(e.name.en, e.family, kb.category(e.category)!.name, 'zh');
      if (!bare(e.name.zh).includes(bare(variant))) off.push(`${e.id}: ${variant} / ${e.name.zh}`);
    }
    expect(off).toEqual([]);
  });
  it('a Latin name after a Chinese word gets a space; a Chinese one does not', () => {
    const out = (port: number, action: 'drop' | 'allow') => find(annotateOne(tcp(port, { direction: 'out', action }), { lang: 'zh' }), 'trojan-outbound')?.text;
    expect(out(27374, 'allow')).toMatch(/^从本方发往 Sub-7（木马）使用的端口/);
    expect(out(7626, 'allow')).toMatch(/^从本方发往冰河（木马）使用的端口/);
    expect(out(27374, 'drop')).toMatch(/^防火墙拦下了本方发往 Sub-7（木马）使用的端口/);
    expect(out(7626, 'drop')).toMatch(/^防火墙拦下了本方发往冰河（木马）使用的端口/);
  });
  it('today\'s most probed ports beyond the seed documents are named', () => {
    expect(find(annotateOne(tcp(7547)), 'port-known')?.text).toMatch(/TR-069/);
    // The 2016 Mirai variant sent TR-064 commands to 7547 (not TR-069 itself).
    expect(find(annotateOne(tcp(7547)), 'port-known')?.text).toMatch(/2016 a Mirai variant sent TR-064 commands to this port/);
    expect(find(annotateOne(tcp(7547), { lang: 'zh' }), 'port-known')?.text).toMatch(/2016 年一个 Mirai 变种向此端口发送 TR-064 命令/);
    expect(find(annotateOne(tcp(8291)), 'port-known')?.text).toMatch(/MikroTik/);
    expect(find(annotateOne(tcp(2376)), 'port-known')?.text).toMatch(/Docker/);
    expect(find(annotateOne(udp(5355)), 'port-known')?.severity).toBe(0);
    // Kubernetes, video recorders, admin panels, and the VPN and mail ports a firewall sees daily.
    for (const [probe, name, sev] of [[tcp(6443), /Kubernetes API/, 3], [tcp(10250), /kubelet/, 3], [tcp(34567), /Xiongmai/, 3], [tcp(37777), /Dahua/, 3], [tcp(10000), /Webmin/, 3], [tcp(2222), /SSH/, 3], [udp(51820), /WireGuard/, 1], [udp(4500), /IPsec/, 1], [tcp(587), /SMTP 587/, 2], [tcp(853), /DNS over TLS/, 1]] as const) {
      const a = find(annotateOne(probe), 'port-known');
      expect(a?.text, String(name)).toMatch(name);
      expect(a?.severity, String(name)).toBe(sev);
    }
    expect(find(annotateOne(tcp(34567), { lang: 'zh' }), 'port-known')?.text).toMatch(/雄迈/);
  });
  it('peer-to-peer ports are named as file sharing, and BitTorrent comes before the old trojan on 6883', () => {
    for (const [probe, name] of [[udp(6881), /BitTorrent/], [tcp(6889), /BitTorrent/], [udp(51413), /Transmission/], [tcp(4662), /eMule/], [udp(4672), /Kad/]] as const) {
      const a = find(annotateOne(probe), 'port-known');
      expect(a?.text, String(name)).toMatch(name);
      expect(a?.severity, String(name)).toBe(1);
    }
    expect(find(annotateOne(udp(4672), { lang: 'zh' }), 'port-known')?.text).toMatch(/电驴/);
    expect(knowledge().lookup('tcp', 6883).map((x) => x.id)).toEqual(['bittorrent', 'deltasource-6883']);
    expect(ids(annotateOne(tcp(6883)))).not.toContain('trojan');
  });
  it('today\'s device-discovery and game-server sweeps are named, on their protocol only', () => {
    for (const [probe, name, sev] of [[udp(10001), /Ubiquiti/, 2], [udp(5683), /CoAP/, 2], [tcp(25565), /Minecraft/, 1]] as const) {
      const a = find(annotateOne(probe), 'port-known');
      expect(a?.text, String(name)).toMatch(name);
      expect(a?.severity, String(name)).toBe(sev);
    }
    expect(find(annotateOne(udp(10001), { lang: 'zh' }), 'port-known')?.text).toMatch(/设备发现/);
    for (const probe of [tcp(10001), tcp(5683), udp(25565)]) expect(find(annotateOne(probe), 'port-known')).toBeUndefined();
    // A Minecraft sweep is a scan, not traffic left over for the address's previous holder.
    expect(ids(annotateOne(tcp(25565)))).not.toContain('dialup-leftover');
  });
  it('a service port that old trojans also used is not a trojan port', () => {
    expect(knowledge().lookup('tcp', 80).some((x) => x.category === 'trojan')).toBe(true);
    expect(ids(annotateOne(tcp(80)))).not.toContain('trojan');
  });
});

describe('replies from server source ports (002: the source port tells, not the random destination)', () => {
  const from = (proto: string, sport: number, dport: number, extra: Record<string, unknown> = {}) =>
    ids(annotateOne({ proto, src: { port: sport }, dst: { port: dport }, ...extra }));
  it('a DNS, NTP, ICQ or game-server reply to a trojan port is not a trojan probe, and its port is not looked up', () => {
    expect(from('udp', 40000, 2140)).toEqual(expect.arrayContaining(['port-known', 'trojan']));
    for (const [sport, id] of [[53, 'srcport-dns'], [123, 'srcport-ntp'], [4000, 'srcport-icq'], [27960, 'srcport-game']] as const) {
      const got = from('udp', sport, 2140);
      expect(got, id).toContain(id);
      expect(got, id).not.toContain('trojan');
      // 002: do not look the random high port up; the source port is what matters.
      expect(got, id).not.toContain('port-known');
    }
    // FTP data's own segments (ACK) to a client's port.
    expect(from('tcp', 20, 12345, { tcpFlags: ['ACK'] })).not.toContain('trojan');
  });
  it('a TCP SYN from 53 or 20 to a trojan port stays a trojan probe', () => {
    expect(from('tcp', 53, 12345, { tcpFlags: ['SYN'] })).toEqual(expect.arrayContaining(['srcport-dns-syn', 'trojan']));
    expect(from('tcp', 20, 12345, { tcpFlags: ['SYN'] })).toEqual(expect.arrayContaining(['srcport-ftp-syn', 'trojan']));
  });
  it('a Squid cache echoing from 3130 is not an echo/chargen probe', () => {
    expect(from('udp', 3130, 7)).toContain('srcport-icp');
    expect(from('udp', 3130, 7)).not.toContain('echo-chargen');
    expect(from('udp', 40000, 7)).toContain('echo-chargen');
  });
});

describe('discovery-reply: the unicast answer of a discovery or LAN service lands on the asking client\'s port', () => {
  const from = (sport: number, dport: number, extra: Record<string, unknown> = {}) =>
    ids(annotateOne({ proto: 'udp', src: { ip: '192.168.1.30', port: sport }, dst: { ip: '192.168.1.20', port: dport }, ...extra }));
  it('SSDP, WS-Discovery, mDNS, LLMNR, NetBIOS name service and SNMP answers to a high port; not a probe of that port', () => {
    for (const sport of [1900, 3702, 5353, 5355, 137, 161]) {
      const got = from(sport, 39038);
      expect(got, String(sport)).toContain('discovery-reply');
      for (const id of ['port-known', 'trojan', 'srcport-service', 'srcport-low', 'traceroute']) expect(got, `${sport} ${id}`).not.toContain(id);
    }
    // The WS-Discovery answer of the audit's ufw log, between two link-local addresses.
    const ws = annotateOne({ proto: 'udp', ipVersion: 6, src: { ip: 'fe80:0000:0000:0000:530f:caf2:9287:5ada', port: 3702 }, dst: { ip: 'fe80:0000:0000:0000:97cc:4cbe:95d9:24fb', port: 39038 } });
    expect(ids(ws)).toEqual(['discovery-reply']);
    expect(find(ws, 'discovery-reply')?.text).toMatch(/WS-Discovery/);
    // A reply to a trojan's port or into the traceroute range is still a reply.
    expect(from(1900, 31337)).toEqual(['discovery-reply']);
    expect(from(161, 33435)).toEqual(['discovery-reply']);
    expect(find(annotateOne({ proto: 'udp', src: { port: 161 }, dst: { port: 40000 } }, { lang: 'zh' }), 'discovery-reply')?.text).toMatch(/SNMP/);
  });
  it('a DHCP server answering a client: from 67 to 68, unicast', () => {
    expect(from(67, 68)).toContain('discovery-reply');
    expect(from(67, 68)).not.toContain('srcport-service');
    // Broadcast it is the segment's DHCP noise; from 68 to 67 it is a client asking.
    expect(from(67, 68, { dst: { ip: '255.255.255.255', port: 68 } })).toEqual(expect.arrayContaining(['dhcp-broadcast']));
    expect(from(67, 68, { dst: { ip: '255.255.255.255', port: 68 } })).not.toContain('discovery-reply');
    expect(from(68, 67)).not.toContain('discovery-reply');
  });
  it('not to a multicast group (announcements: LAN noise), not to a port below 1024 or the protocol ports themselves, not TCP, not outbound', () => {
    expect(from(1900, 1900, { dst: { ip: '239.255.255.250', port: 1900 } })).toEqual(expect.arrayContaining(['lan-broadcast']));
    expect(from(1900, 1900, { dst: { ip: '239.255.255.250', port: 1900 } })).not.toContain('discovery-reply');
    expect(from(5353, 40000, { dst: { ip: '224.0.0.251', port: 40000 } })).not.toContain('discovery-reply');
    for (const [sport, dport] of [[161, 22], [137, 137], [161, 161], [5353, 5353], [1900, 1900], [3702, 3702], [5355, 5353]] as const) {
      expect(from(sport, dport), `${sport}->${dport}`).not.toContain('discovery-reply');
    }
    // From 161 to 22/udp the destination keeps its meaning (pcAnywhere's search).
    expect(from(161, 22)).toContain('pcanywhere-scan');
    expect(ids(annotateOne({ proto: 'tcp', tcpFlags: ['SYN'], src: { port: 1900 }, dst: { port: 40000 } }))).not.toContain('discovery-reply');
    expect(from(1900, 40000, { direction: 'out' })).not.toContain('discovery-reply');
  });
});

describe('connection-reply: the server end of a Cisco ASA Teardown record', () => {
  // The ASA names a closed connection's ends in its own order; the parser leaves direction null.
  const teardown = (proto: string, sport: number, dport: number, extra: Record<string, unknown> = {}) =>
    ids(annotateOne({ format: 'cisco-asa', rule: proto === 'tcp' ? 'ASA-6-302014' : 'ASA-6-302016', direction: null, action: 'allow', tcpFlags: null, proto, src: { port: sport }, dst: { port: dport }, ...extra }));
  it('a service port to a client port is a reply, and neither end is looked up as a probe', () => {
    expect(teardown('tcp', 80, 59096)).toEqual(['connection-reply']);
    expect(teardown('udp', 161, 63297)).toEqual(['connection-reply']);
    // A trojan's port on the client end is just the client's random port.
    expect(teardown('tcp', 443, 12345)).toEqual(['connection-reply']);
    expect(teardown('tcp', 8443, 50000, { rule: 'FTD-6-302014' })).toEqual(['connection-reply']);
  });
  it('not when the record reads as a client reaching a service, nor for other messages or known directions', () => {
    expect(teardown('tcp', 59614, 443)).not.toContain('connection-reply');
    expect(teardown('tcp', 137, 138)).not.toContain('connection-reply');
    expect(teardown('tcp', 80, 59096, { rule: 'ASA-6-302013' })).not.toContain('connection-reply');
    expect(teardown('tcp', 80, 59096, { direction: 'in' })).not.toContain('connection-reply');
    // Without the rule the flagless packet from 80 is an unexplained low source port, as before.
    expect(ids(annotateOne({ proto: 'tcp', tcpFlags: null, direction: 'in', src: { port: 80 }, dst: { port: 59096 } }))).toContain('srcport-low');
  });
  it('a DNS reply stays srcport-dns', () => {
    expect(teardown('udp', 53, 55383)).toEqual(['srcport-dns']);
  });
});

describe('connection-teardown: the end of a Cisco ASA connection, read as a Windows CLOSE row', () => {
  const asa = (rule: string, sport: number, dport: number, extra: Record<string, unknown> = {}) =>
    ids(annotateOne({ format: 'cisco-asa', rule, direction: null, action: 'allow', tcpFlags: null, proto: 'tcp', src: { ip: '198.51.100.7', port: sport }, dst: { ip: '192.168.1.35', port: dport }, ...extra }));
  it('a Teardown of TCP, UDP or ICMP from a client end: no probe, and the readings of its port stand aside', () => {
    expect(asa('ASA-6-302014', 59614, 443)).toContain('connection-teardown');
    expect(asa('ASA-6-302016', 59614, 514, { proto: 'udp' })).toContain('connection-teardown');
    expect(asa('ASA-6-302021', 0, 0, { proto: 'icmp', src: { ip: '198.51.100.7', port: null }, dst: { ip: '192.168.1.35', port: null }, icmp: { type: 0, code: 0, embedded: null } })).toContain('connection-teardown');
    // A trojan's port: the Built carried that reading; the end of the connection probes nothing.
    const trojanPort = asa('FTD-6-302014', 40000, 12345);
    expect(trojanPort).toContain('connection-teardown');
    expect(trojanPort).not.toContain('trojan');
  });
  it('not the Built record, not a server end (connection-reply says that), nor another firewall whose label holds the id', () => {
    expect(asa('ASA-6-302013', 59614, 443, { direction: 'in' })).not.toContain('connection-teardown');
    expect(asa('ASA-6-302013', 59614, 443)).not.toContain('connection-teardown');
    expect(asa('ASA-6-302014', 443, 59614)).toEqual(['connection-reply']);
    expect(asa('ASA-6-302014', 59614, 443, { format: 'iptables', rule: '[ACCEPT-302014]' })).not.toContain('connection-teardown');
    expect(asa('ASA-6-106100 access-list outside_in', 59614, 443)).not.toContain('connection-teardown');
  });
});

describe('trojan ports in outbound traffic', () => {
  it('sent from this side: trojan-outbound (a program here uses the port), not a probe or a leftover', () => {
    for (const probe of [udp(31337, { direction: 'out' }), tcp(6776, { direction: 'out' }), tcp(12345, { direction: 'out' })]) {
      const got = ids(annotateOne(probe));
      expect(got).toContain('trojan-outbound');
      expect(got).not.toContain('trojan');
      expect(got).not.toContain('sub7-artifact');
    }
    // Let out or stopped, the same reading: a program here uses the port; stopped, it says so.
    expect(find(annotateOne(udp(31337, { direction: 'out', action: 'allow' })), 'trojan-outbound')?.text).toMatch(/^Sent from your side .*Back Orifice.*Find the process/);
    expect(find(annotateOne(udp(31337, { direction: 'out', action: 'allow' }), { lang: 'zh' }), 'trojan-outbound')?.text).toMatch(/本方有程序/);
    expect(find(annotateOne(udp(31337, { direction: 'out' })), 'trojan-outbound')?.text).toMatch(/^The firewall stopped .*Back Orifice.*find the process/);
    expect(find(annotateOne(udp(31337, { direction: 'out' }), { lang: 'zh' }), 'trojan-outbound')?.text).toMatch(/^防火墙拦下.*本方确有程序/);
    expect(ids(annotateOne(udp(31337)))).not.toContain('trojan-outbound');
  });

  it("through a router: a LAN machine's forwarded packet to the Internet is this side's (trojan-outbound, adbot-outbound); the Internet's to the LAN is a probe", () => {
    const fwd = (proto: string, port: number, src: string, dst: string) =>
      ({ proto, direction: 'forward', inIface: 'lan0', outIface: 'wan0', src: { ip: src, port: 40001 }, dst: { ip: dst, port } }) as const;
    const egress = ids(annotateOne(fwd('udp', 1434, '192.168.1.23', '203.0.113.9')));
    expect(egress).toContain('trojan-outbound');
    expect(egress).not.toContain('trojan');
    expect(ids(annotateOne(fwd('tcp', 17027, 'fd12:3456:789a::23', '2001:db8::9')))).toContain('adbot-outbound');
    expect(ids(annotateOne(fwd('tcp', 17027, '203.0.113.9', '192.168.1.23')))).not.toContain('adbot-outbound');
    for (const [src, dst] of [['203.0.113.9', '192.168.1.23'], ['192.168.1.23', '10.0.0.5'], ['203.0.113.9', '198.51.100.7']]) {
      const probe = ids(annotateOne(fwd('udp', 1434, src!, dst!)));
      expect(probe, `${src} -> ${dst}`).toContain('trojan');
      expect(probe, `${src} -> ${dst}`).not.toContain('trojan-outbound');
    }
  });
});

describe('sub7-artifact', () => {
  it('tcp 6776 is a Sub-7 artifact, explained as a leftover', () => {
    const a = find(annotateOne(tcp(6776)), 'sub7-artifact');
    expect(a?.text).toMatch(/previous user/);
    expect(a?.text).toMatch(/not proof of infection/);
  });
  it('udp 6776 is not', () => expect(ids(annotateOne(udp(6776)))).not.toContain('sub7-artifact'));
  it('so tcp 6776 is not also read as someone looking for infected machines (002: a leftover); other Sub-7 ports are', () => {
    expect(ids(annotateOne(tcp(6776)))).not.toContain('trojan');
    expect(ids(annotateOne(tcp(27374)))).toContain('trojan');
    // udp 6776 (Ultors) has no artifact reading: the trojan one stays.
    expect(ids(annotateOne(udp(6776)))).toContain('trojan');
  });
});

describe('source-port hints', () => {
  const src = (proto: string, sport: number, dport = 33000, extra: Record<string, unknown> = {}) =>
    ids(annotateOne({ proto, src: { port: sport }, dst: { port: dport }, ...extra }));

  it('udp 53 to a high port is srcport-dns', () => expect(src('udp', 53, 33000)).toContain('srcport-dns'));
  it('a TCP SYN from 53 is the firewall-evasion trick, not a DNS reply; an ACK from 53 is a reply', () => {
    const syn = src('tcp', 53, 139, { tcpFlags: ['SYN'] });
    expect(syn).toContain('srcport-dns-syn');
    expect(syn).not.toContain('srcport-dns');
    expect(find(annotateOne({ proto: 'tcp', src: { port: 53 }, dst: { port: 139 }, tcpFlags: ['SYN'] }), 'srcport-dns-syn')?.severity).toBe(2);
    const ack = src('tcp', 53, 40000, { tcpFlags: ['ACK'] });
    expect(ack).toContain('srcport-dns');
    expect(ack).not.toContain('srcport-dns-syn');
    expect(src('tcp', 53, 40000, { tcpFlags: ['SYN', 'ACK'] })).not.toContain('srcport-dns-syn');
  });
  it('from 53 to a port below 1024 is no DNS reply: the evasion trick, and the port keeps its meaning (002)', () => {
    // Clients ask from ports above 1023, so an answer never goes to 137 or 31337's low cousins.
    for (const [proto, dport] of [['udp', 137], ['udp', 161], ['udp', 7], ['tcp', 22], ['udp', 0]] as const) {
      const got = src(proto, 53, dport, proto === 'tcp' ? { tcpFlags: ['ACK'] } : {});
      expect(got, `${proto} ${dport}`).toContain('srcport-dns-probe');
      expect(got, `${proto} ${dport}`).not.toContain('srcport-dns');
      expect(got, `${proto} ${dport}`).not.toContain('srcport-low');
    }
    expect(src('udp', 53, 137)).toContain('port-known');
    expect(src('udp', 53, 7)).toContain('echo-chargen');
    expect(find(annotateOne({ proto: 'udp', src: { port: 53 }, dst: { port: 161 } }), 'srcport-dns-probe')?.severity).toBe(2);
    // A SYN keeps its own rule; 1024 and up stays a reply; 53 -> 53 neither.
    const syn = src('tcp', 53, 22, { tcpFlags: ['SYN'] });
    expect(syn).toContain('srcport-dns-syn');
    expect(syn).not.toContain('srcport-dns-probe');
    expect(src('udp', 53, 1024)).toContain('srcport-dns');
    expect(src('udp', 53, 1024)).not.toContain('srcport-dns-probe');
    expect(src('udp', 53, 53)).not.toContain('srcport-dns-probe');
    expect(src('udp', 53, 1023, { direction: 'out' })).not.toContain('srcport-dns-probe');
  });
  it('TCP from 20 to a port below 1024 is no FTP data connection; UDP from 20 is only srcport-low', () => {
    const got = src('tcp', 20, 22, { tcpFlags: ['SYN'] });
    expect(got).toContain('srcport-ftp-probe');
    expect(got).toContain('port-known');
    expect(got).not.toContain('srcport-ftp-data');
    expect(src('tcp', 20, 1024, { tcpFlags: ['SYN'] })).not.toContain('srcport-ftp-probe');
    expect(src('udp', 20, 22)).not.toContain('srcport-ftp-probe');
    expect(src('udp', 20, 22)).toContain('srcport-low');
  });
  it('53 -> 53 is not srcport-dns, nor srcport-low', () => {
    const got = src('udp', 53, 53);
    expect(got).not.toContain('srcport-dns');
    expect(got).not.toContain('srcport-low');
  });
  it('a TCP SYN from 20 to a port above 1023 opens a connection: no FTP data reply, a probe whose port keeps its meaning (002)', () => {
    for (const dport of [1024, 3389, 8080, 40000]) {
      const got = src('tcp', 20, dport, { tcpFlags: ['SYN'] });
      expect(got, String(dport)).toContain('srcport-ftp-syn');
      expect(got, String(dport)).not.toContain('srcport-ftp-data');
      expect(got, String(dport)).not.toContain('srcport-low');
    }
    expect(src('tcp', 20, 3389, { tcpFlags: ['SYN'] })).toContain('port-known');
    expect(src('tcp', 20, 12345, { tcpFlags: ['SYN'] })).toContain('trojan');
    expect(find(annotateOne({ proto: 'tcp', src: { port: 20 }, dst: { port: 3389 }, tcpFlags: ['SYN'] }), 'srcport-ftp-syn')?.severity).toBe(2);
    expect(find(annotateOne({ proto: 'tcp', src: { port: 20 }, dst: { port: 3389 }, tcpFlags: ['SYN'] }, { lang: 'zh' }), 'srcport-ftp-syn')?.text).toMatch(/来自源端口 20 的 TCP SYN/);
    // ECN bits do not make it a reply either; below 1024 srcport-ftp-probe already says it.
    expect(src('tcp', 20, 3389, { tcpFlags: ['SYN', 'ECE', 'CWR'] })).toContain('srcport-ftp-syn');
    expect(src('tcp', 20, 22, { tcpFlags: ['SYN'] })).not.toContain('srcport-ftp-syn');
  });
  it('from 20, an ACK, a SYN+ACK or a RST stays what it was; so does UDP, and outbound traffic', () => {
    for (const f of [['ACK'], ['SYN', 'ACK'], ['RST'], ['ACK', 'PSH']]) {
      const got = src('tcp', 20, 40000, { tcpFlags: f });
      expect(got, f.join(' ')).toContain('srcport-ftp-data');
      expect(got, f.join(' ')).not.toContain('srcport-ftp-syn');
    }
    expect(src('udp', 20, 40000)).not.toContain('srcport-ftp-syn');
    expect(src('tcp', 20, 40000, { tcpFlags: ['SYN'], direction: 'out' })).not.toContain('srcport-ftp-syn');
    // From 53 a SYN had its rule already; UDP from 53 is still a DNS reply.
    expect(src('tcp', 53, 3389, { tcpFlags: ['SYN'] })).toContain('srcport-dns-syn');
    expect(src('udp', 53, 40000)).toContain('srcport-dns');
  });
  it('tcp 20 is srcport-ftp-data; udp 20 is only srcport-low', () => {
    expect(src('tcp', 20, 2000, { tcpFlags: ['ACK'] })).toContain('srcport-ftp-data');
    expect(src('udp', 20, 2000)).toEqual(expect.not.arrayContaining(['srcport-ftp-data']));
    expect(src('udp', 20, 2000)).toContain('srcport-low');
  });
  it('DHCP and NetBIOS broadcasts from low ports are noise, not srcport-low', () => {
    const dhcp = src('udp', 68, 67, { src: { ip: '0.0.0.0', port: 68 }, dst: { ip: '255.255.255.255', port: 67 } });
    expect(dhcp).toContain('dhcp-broadcast');
    expect(dhcp).not.toContain('srcport-low');
    const netbios = src('udp', 137, 137, { src: { ip: '192.168.1.7', port: 137 }, dst: { ip: '192.168.1.255', port: 137 } });
    expect(netbios).toContain('netbios-noise');
    expect(netbios).not.toContain('srcport-low');
    const unicast = src('udp', 137, 137, { src: { ip: '203.0.113.7', port: 137 }, dst: { ip: '192.168.1.10', port: 137 } });
    expect(unicast).toContain('srcport-service');
    expect(unicast).not.toContain('srcport-low');
  });
  it('services on fixed low ports are srcport-service, not srcport-low (NAT or forging)', () => {
    for (const sport of [67, 68, 138, 500, 513, 514, 520]) {
      const got = src('udp', sport, 40000);
      expect(got, String(sport)).toContain('srcport-service');
      expect(got, String(sport)).not.toContain('srcport-low');
    }
    // To a client's port, a NetBIOS name service's or an SNMP agent's packet is an answer (discovery-reply, which says more).
    for (const sport of [137, 161]) expect(src('udp', sport, 40000), String(sport)).toEqual(['discovery-reply']);
    expect(src('udp', 161, 162)).toContain('srcport-service');
    // RealAudio's data from its server's RTSP port (the bundled sample has one): a stream to a player, a reply.
    expect(src('udp', 554, 6970)).toEqual(expect.arrayContaining(['srcport-stream', 'realaudio']));
    expect(src('udp', 554, 40000)).toContain('srcport-stream');
    // To a low port it is no stream a player asked for.
    expect(src('udp', 554, 137)).not.toContain('srcport-stream');
    expect(src('tcp', 554, 40000)).toContain('srcport-low');
    expect(src('udp', 162, 40000)).toContain('srcport-low');
  });
  it('123 is srcport-ntp', () => expect(src('udp', 123, 40000)).toContain('srcport-ntp'));
  it('tcp 1-5 is srcport-sscan, not srcport-low', () => {
    expect(src('tcp', 3)).toContain('srcport-sscan');
    expect(src('tcp', 3)).not.toContain('srcport-low');
    expect(src('tcp', 6)).not.toContain('srcport-sscan');
  });
  it('udp 4000 to a high port is srcport-icq; to a low port it is not', () => {
    expect(src('udp', 4000, 40000)).toContain('srcport-icq');
    expect(src('udp', 4000, 80)).not.toContain('srcport-icq');
  });
  it('udp 27910-27961 is srcport-game; tcp is not', () => {
    expect(src('udp', 27960)).toContain('srcport-game');
    expect(src('udp', 27962)).not.toContain('srcport-game');
    expect(src('tcp', 27960)).not.toContain('srcport-game');
  });
  it('61000+ is srcport-masquerade; 60999 is not', () => {
    expect(src('tcp', 61000)).toContain('srcport-masquerade');
    expect(src('tcp', 65535)).toContain('srcport-masquerade');
    expect(src('tcp', 60999)).not.toContain('srcport-masquerade');
  });
  it('udp 3130 to a peer cache (3130) or to echo (7) is srcport-icp (Squid); to any other port it is not', () => {
    expect(src('udp', 3130, 3130)).toContain('srcport-icp');
    expect(src('udp', 3130, 7)).toContain('srcport-icp');
    expect(src('udp', 3130, 31337)).not.toContain('srcport-icp');
    expect(src('udp', 3130, 31337)).toEqual(expect.arrayContaining(['port-known', 'trojan']));
  });
  it('a server reply goes to the client port (above 1023, or the service port itself): NTP and game servers too', () => {
    expect(src('udp', 123, 123)).toContain('srcport-ntp');
    expect(src('udp', 123, 40000)).toContain('srcport-ntp');
    expect(src('udp', 123, 161)).not.toContain('srcport-ntp');
    expect(src('udp', 123, 161)).toContain('port-known');
    expect(src('udp', 27960, 40000)).toContain('srcport-game');
    expect(src('udp', 27960, 137)).not.toContain('srcport-game');
  });
  it('other low ports are srcport-low; 1024 is not; our own outbound packets are not', () => {
    expect(src('tcp', 700)).toContain('srcport-low');
    expect(src('tcp', 1024)).not.toContain('srcport-low');
    expect(src('tcp', 700, 80, { direction: 'out' })).not.toContain('srcport-low');
  });
});

describe('traceroute', () => {
  it('udp 33434 and 33600 are traceroute', () => {
    expect(ids(annotateOne(udp(33434)))).toContain('traceroute');
    expect(ids(annotateOne(udp(33600)))).toContain('traceroute');
  });
  it('udp 33433 and 33601 are not', () => {
    expect(ids(annotateOne(udp(33433)))).not.toContain('traceroute');
    expect(ids(annotateOne(udp(33601)))).not.toContain('traceroute');
  });
  it('tcp 33500 is not', () => expect(ids(annotateOne(tcp(33500)))).not.toContain('traceroute'));
});

describe('pcanywhere-scan', () => {
  it('udp 5632 and udp 22 are pcAnywhere scans', () => {
    expect(find(annotateOne(udp(5632)), 'pcanywhere-scan')?.text).toMatch(/0x1600/);
    expect(ids(annotateOne(udp(22)))).toContain('pcanywhere-scan');
  });
  it('tcp 22 is not', () => expect(ids(annotateOne(tcp(22)))).not.toContain('pcanywhere-scan'));
});

describe('fraggle-scan / echo-chargen', () => {
  it('udp 7 to .255 is fraggle, not echo-chargen nor lan-broadcast', () => {
    const got = ids(annotateOne(udp(7, { dst: { port: 7, ip: '198.51.100.255' } })));
    expect(got).toContain('fraggle-scan');
    expect(got).not.toContain('echo-chargen');
    expect(got).not.toContain('lan-broadcast');
  });
  it('udp 19 to .0 is fraggle', () => expect(ids(annotateOne(udp(19, { dst: { port: 19, ip: '198.51.100.0' } })))).toContain('fraggle-scan'));
  it('udp 7 to .5 is echo-chargen', () => {
    const got = ids(annotateOne(udp(7, { dst: { port: 7, ip: '198.51.100.5' } })));
    expect(got).toContain('echo-chargen');
    expect(got).not.toContain('fraggle-scan');
  });
  // 002: the loop and Fraggle need forged UDP; over TCP, echo and chargen only answer the
  // connection's own peer (and TCP hits on 7 were often benign route probes).
  it('tcp 19 and tcp 7 are only their ports, not echo-chargen', () => {
    for (const port of [7, 19]) {
      const got = ids(annotateOne(tcp(port)));
      expect(got, String(port)).toContain('port-known');
      expect(got, String(port)).not.toContain('echo-chargen');
    }
  });
  it('tcp 7 to .255 is neither fraggle (fraggle is UDP) nor echo-chargen', () => {
    const got = ids(annotateOne(tcp(7, { dst: { port: 7, ip: '198.51.100.255' } })));
    expect(got).not.toContain('fraggle-scan');
    expect(got).not.toContain('echo-chargen');
  });
});

describe('local noise', () => {
  it('udp 68 to 255.255.255.255 is dhcp-broadcast (not also lan-broadcast)', () => {
    const got = ids(annotateOne(udp(68, { dst: { port: 68, ip: '255.255.255.255' } })));
    expect(got).toContain('dhcp-broadcast');
    expect(got).not.toContain('lan-broadcast');
  });
  it('udp 67 to a unicast address is not dhcp-broadcast', () => expect(ids(annotateOne(udp(67)))).not.toContain('dhcp-broadcast'));
  it('udp 137 to .255 is netbios-noise; to a unicast address it is not', () => {
    expect(ids(annotateOne(udp(137, { dst: { port: 137, ip: '192.168.1.255' } })))).toContain('netbios-noise');
    expect(ids(annotateOne(udp(137)))).not.toContain('netbios-noise');
  });
  it.each([
    ['rwho 513 to .255', { proto: 'udp', dst: { port: 513, ip: '10.1.2.255' } }, /rwho/],
    ['CORBA 553 to .255', { proto: 'udp', dst: { port: 553, ip: '10.1.2.255' } }, /CORBA/],
    ['Inoculan 41508', { proto: 'udp', dst: { port: 41508, ip: '255.255.255.255' } }, /Inoculan/],
    ['SNMP discovery', { proto: 'udp', dst: { port: 161, ip: '10.1.2.255' } }, /SNMP/],
    ['mDNS', { proto: 'udp', dst: { port: 5353, ip: '224.0.0.251' } }, /mDNS/],
    ['SSDP', { proto: 'udp', dst: { port: 1900, ip: '239.255.255.250' } }, /SSDP/],
    ['LLMNR v6', { proto: 'udp', ipVersion: 6, dst: { port: 5355, ip: 'ff02::1:3' } }, /LLMNR/],
    ['IGMP', { proto: 'igmp', dst: { port: null, ip: '224.0.0.1' }, src: { port: null } }, /IGMP/],
    ['ICMPv6 neighbour solicitation', { proto: 'icmpv6', ipVersion: 6, icmp: { type: 135, code: 0 }, dst: { ip: 'fe80::1' } }, /neighbour/],
    ['other multicast', { proto: 'udp', dst: { port: 9999, ip: '239.1.2.3' } }, /Broadcast\/multicast/],
    ['IPv6 multicast', { proto: 'udp', ipVersion: 6, dst: { port: 9999, ip: 'ff05::2' } }, /Broadcast\/multicast/],
  ] as const)('%s is lan-broadcast (severity 0)', (_name, init, text) => {
    const a = find(annotateOne(init as never), 'lan-broadcast');
    expect(a?.text).toMatch(text);
    expect(a?.severity).toBe(0);
  });
  it('mDNS/SSDP to a unicast address (a reflection scan) is not lan-broadcast', () => {
    expect(ids(annotateOne(udp(5353)))).not.toContain('lan-broadcast');
    expect(ids(annotateOne(udp(1900)))).not.toContain('lan-broadcast');
  });
  it('IGMP to a unicast address (one protocol of a protocol scan) is not lan-broadcast', () => {
    expect(ids(annotateOne({ proto: 'igmp', dst: { port: null, ip: '192.168.10.1' }, src: { port: null } } as never))).not.toContain('lan-broadcast');
  });
  it('an IPv6 unicast address starting with ff (0x00ff) is not multicast', () => {
    expect(ids(annotateOne(udp(9999, { ipVersion: 6, dst: { port: 9999, ip: 'ff::1' } })))).not.toContain('lan-broadcast');
  });
});

describe('port meanings from 002', () => {
  it('port 0 is os-fingerprint; port 1 is not', () => {
    expect(ids(annotateOne(tcp(0)))).toContain('os-fingerprint');
    expect(ids(annotateOne(tcp(1)))).not.toContain('os-fingerprint');
  });
  it('udp 6970-7170 is realaudio; 7171 and tcp are not', () => {
    expect(ids(annotateOne(udp(6970)))).toContain('realaudio');
    expect(ids(annotateOne(udp(7170)))).toContain('realaudio');
    expect(ids(annotateOne(udp(7171)))).not.toContain('realaudio');
    expect(ids(annotateOne(tcp(7000)))).not.toContain('realaudio');
  });
  it('32770-32900 is solaris-rpc; 32769 is not', () => {
    expect(ids(annotateOne(tcp(32771)))).toContain('solaris-rpc');
    expect(ids(annotateOne(udp(32900)))).toContain('solaris-rpc');
    expect(ids(annotateOne(tcp(32769)))).not.toContain('solaris-rpc');
  });
  it('udp from 31789 to 31790 is hack-a-tack (002: the RAT\'s built-in scanner, so the sender is infected); other traffic to those ports is a trojan probe', () => {
    const scanner = annotateOne(udp(31790, { src: { port: 31789 } }));
    expect(ids(scanner)).toEqual(expect.arrayContaining(['trojan', 'hack-a-tack']));
    expect(find(scanner, 'hack-a-tack')?.text).toMatch(/already infected/);
    expect(ids(annotateOne(udp(31790, { src: { port: 40000 } })))).not.toContain('hack-a-tack');
    expect(ids(annotateOne(udp(31789, { src: { port: 31790 } })))).not.toContain('hack-a-tack');
    expect(ids(annotateOne(udp(31789)))).toContain('trojan');
    expect(ids(annotateOne(tcp(31790, { src: { port: 31789 } })))).not.toContain('hack-a-tack');
  });
  it('177 is xdmcp and mentions X11 on 6000', () => {
    expect(find(annotateOne(udp(177)), 'xdmcp')?.text).toMatch(/6000/);
    expect(ids(annotateOne(udp(178)))).not.toContain('xdmcp');
  });
  it('proxy ports are proxy-hunt inbound; 8081 and outbound browsing are not', () => {
    for (const p of [1080, 3128, 8000, 8001, 8080, 8888]) expect(ids(annotateOne(tcp(p)))).toContain('proxy-hunt');
    expect(ids(annotateOne(tcp(8081)))).not.toContain('proxy-hunt');
    expect(ids(annotateOne(tcp(8080, { direction: 'out' })))).not.toContain('proxy-hunt');
  });
  it('113 is ident, with the reject-with-RST advice', () => {
    expect(find(annotateOne(tcp(113)), 'ident')?.text).toMatch(/RST/);
    expect(ids(annotateOne(tcp(114)))).not.toContain('ident');
  });
  it('outbound tcp 17027 is adbot-outbound; inbound 17027 is not', () => {
    expect(ids(annotateOne(tcp(17027, { direction: 'out', src: { ip: '192.168.1.20', port: 40000 }, dst: { ip: '216.33.210.40', port: 17027 } })))).toContain('adbot-outbound');
    expect(ids(annotateOne(tcp(17027)))).not.toContain('adbot-outbound');
  });
});

describe('ICMP', () => {
  it('ICMP never gets port annotations, even if a parser left ports on it', () => {
    for (const port of [80, 6776, 33434, 7, 0, 113]) {
      const got = ids(annotateOne({ proto: 'icmp', src: { port: 53 }, dst: { port } }));
      expect(got.filter((id) => id === 'port-known' || id === 'trojan' || id.startsWith('srcport-') || id === 'traceroute' || id === 'os-fingerprint')).toEqual([]);
    }
    expect(ids(annotateOne({ proto: 'icmpv6', ipVersion: 6, icmp: { type: 128 }, dst: { ip: '2001:db8::1', port: 6776 } }))).toEqual([]);
  });
  it('ICMP type 11 is icmp-time-exceeded (an error about a packet sent from here, icmp-error); type 3 is not', () => {
    expect(ids(annotateOne({ proto: 'icmp', icmp: { type: 11, code: 0 } }))).toEqual(['icmp-time-exceeded', 'icmp-error']);
    expect(ids(annotateOne({ proto: 'icmp', icmp: { type: 3, code: 3 } }))).not.toContain('icmp-time-exceeded');
  });
  it('ICMPv6 type 3 is icmp-time-exceeded', () => {
    expect(ids(annotateOne({ proto: 'icmpv6', ipVersion: 6, icmp: { type: 3, code: 0 }, dst: { ip: '2001:db8::1' } }))).toContain('icmp-time-exceeded');
  });
  it('ICMP timestamp, information and address-mask requests from outside are icmp-recon; a ping, a reply or an outbound one is not', () => {
    for (const type of [13, 15, 17]) expect(ids(annotateOne({ proto: 'icmp', icmp: { type, code: 0 } }))).toEqual(['icmp-recon']);
    expect(find(annotateOne({ proto: 'icmp', icmp: { type: 13, code: 0 } }), 'icmp-recon')?.severity).toBe(2);
    for (const type of [8, 14, 18]) expect(ids(annotateOne({ proto: 'icmp', icmp: { type, code: 0 } }))).not.toContain('icmp-recon');
    expect(ids(annotateOne({ proto: 'icmp', direction: 'out', icmp: { type: 13, code: 0 } }))).not.toContain('icmp-recon');
    // ICMPv6 numbers mean other things: 13 is nothing there.
    expect(ids(annotateOne({ proto: 'icmpv6', ipVersion: 6, icmp: { type: 13, code: 0 }, dst: { ip: '2001:db8::1' } }))).not.toContain('icmp-recon');
  });

  it('an echo request or other ICMP query with a code its type does not define is icmp-bad-code (crafted: nmap OS detection)', () => {
    for (const [type, code] of [[8, 2], [8, 9], [0, 1], [13, 4], [17, 255]]) {
      expect(ids(annotateOne({ proto: 'icmp', icmp: { type, code } })), `${type}/${code}`).toContain('icmp-bad-code');
    }
    expect(find(annotateOne({ proto: 'icmp', icmp: { type: 8, code: 9 } }), 'icmp-bad-code')?.severity).toBe(2);
    // Code 0, a type with more codes (unreachable 3/3), an unknown code, an outbound one: not.
    for (const icmp of [{ type: 8, code: 0 }, { type: 3, code: 3 }, { type: 8, code: null }]) {
      expect(ids(annotateOne({ proto: 'icmp', icmp })), JSON.stringify(icmp)).not.toContain('icmp-bad-code');
    }
    expect(ids(annotateOne({ proto: 'icmp', direction: 'out', icmp: { type: 8, code: 9 } }))).not.toContain('icmp-bad-code');
    // ICMPv6 has its own numbers: echo is 128/129; its type 8 is nothing.
    const v6 = (type: number, code: number) => ids(annotateOne({ proto: 'icmpv6', ipVersion: 6, icmp: { type, code }, dst: { ip: '2001:db8::1' } }));
    expect(v6(128, 1)).toContain('icmp-bad-code');
    expect(v6(8, 2)).not.toContain('icmp-bad-code');
    expect(v6(1, 4)).not.toContain('icmp-bad-code');
  });

  describe('icmp-error-reply: an ICMP error quoting a packet the logged destination sent', () => {
    // The NTP server 203.0.113.7 says port unreachable about this host's query to it.
    const quoted = (src: string, dst = '203.0.113.7') => ({ src: { ip: src, port: 123 }, dst: { ip: dst, port: 123 }, proto: 'udp' });
    const error = (type: number, src = '198.51.100.10', extra: Record<string, unknown> = {}, lang: 'en' | 'zh' = 'en') =>
      annotateOne({ proto: 'icmp', icmp: { type, code: 3, embedded: quoted(src) }, ...extra }, { lang });
    it('destination unreachable, source quench, time exceeded and parameter problem are answers to this side', () => {
      for (const type of [3, 4, 11, 12]) expect(ids(error(type))).toContain('icmp-error-reply');
      expect(find(error(3), 'icmp-error-reply')?.text).toMatch(/^ICMP error about a packet this address sent/);
      expect(find(error(3, undefined, {}, 'zh'), 'icmp-error-reply')?.text).toMatch(/^ICMP 差错报文/);
    });
    it('not when the quoted packet came from another address, or nothing is quoted, or the type is no error', () => {
      expect(ids(error(3, '198.51.100.99'))).not.toContain('icmp-error-reply');
      expect(ids(annotateOne({ proto: 'icmp', icmp: { type: 3, code: 3, embedded: null } }))).not.toContain('icmp-error-reply');
      for (const type of [0, 5, 8]) expect(ids(error(type))).not.toContain('icmp-error-reply');
    });
    it("not on this side's own way out: an outbound port unreachable answers someone else's probe", () => {
      expect(ids(error(3, '198.51.100.10', { direction: 'out' }))).not.toContain('icmp-error-reply');
      expect(ids(error(3, '198.51.100.10', { direction: 'forward' }))).toContain('icmp-error-reply');
      expect(ids(error(3, '198.51.100.10', { direction: null }))).toContain('icmp-error-reply');
    });
    it('ICMPv6: unreachable, packet too big, time exceeded, parameter problem', () => {
      const v6 = (type: number, src: string) =>
        annotateOne({
          proto: 'icmpv6',
          ipVersion: 6,
          src: { ip: '2001:0db8:0000:0000:0000:0000:0000:0007' },
          dst: { ip: '2001:0db8:0000:0000:0000:0000:0000:0001' },
          icmp: { type, code: 0, embedded: { src: { ip: src, port: 443 }, dst: { ip: '2001:0db8:0000:0000:0000:0000:0000:0099', port: 50000 }, proto: 'tcp' } },
        });
      for (const type of [1, 2, 3, 4]) expect(ids(v6(type, '2001:0db8:0000:0000:0000:0000:0000:0001'))).toContain('icmp-error-reply');
      expect(ids(v6(128, '2001:0db8:0000:0000:0000:0000:0000:0001'))).not.toContain('icmp-error-reply');
      expect(ids(v6(1, '2001:0db8:0000:0000:0000:0000:0000:0002'))).not.toContain('icmp-error-reply');
    });
  });

  describe('icmp-error: an ICMP error logged without the packet it answers (an ASA 313001, a Windows row)', () => {
    const bare = (proto: string, type: number, extra: Record<string, unknown> = {}) =>
      annotateOne({ proto, ...(proto === 'icmpv6' ? { ipVersion: 6, dst: { ip: '2001:db8::1' } } : {}), icmp: { type, code: 3, embedded: null }, ...extra });
    it('unreachable, source quench, time exceeded, parameter problem (ICMPv6 1-4) are errors about a packet sent with this address: not probes', () => {
      for (const type of [3, 4, 11, 12]) expect(ids(bare('icmp', type)), String(type)).toContain('icmp-error');
      for (const type of [1, 2, 3, 4]) expect(ids(bare('icmpv6', type)), `v6 ${type}`).toContain('icmp-error');
      expect(find(bare('icmp', 3), 'icmp-error')?.text).toMatch(/^ICMP error .* without the packet it answers/);
      expect(find(bare('icmp', 3, {}), 'icmp-error')?.severity).toBe(0);
      expect(find(annotateOne({ proto: 'icmp', icmp: { type: 3, code: 3, embedded: null } }, { lang: 'zh' }), 'icmp-error')?.text).toMatch(/^ICMP 差错报文/);
    });
    it("a quote the log gives decides: from the destination it is icmp-error-reply; from another address, neither; a quote without its sender (pfSense's unreachport) is as good as none", () => {
      const quoting = (src: string | null) => annotateOne({ proto: 'icmp', icmp: { type: 3, code: 3, embedded: { src: { ip: src, port: 123 }, dst: { ip: '203.0.113.7', port: 123 }, proto: 'udp' } } });
      expect(ids(quoting('198.51.100.10'))).toEqual(['icmp-error-reply']);
      expect(ids(quoting('198.51.100.99'))).not.toContain('icmp-error');
      expect(ids(quoting(null))).toContain('icmp-error');
    });
    it('not a redirect, an echo or another query, nor one going out', () => {
      for (const type of [5, 8, 13]) expect(ids(bare('icmp', type)), String(type)).not.toContain('icmp-error');
      expect(ids(bare('icmpv6', 128))).not.toContain('icmp-error');
      expect(ids(bare('icmp', 3, { direction: 'out' }))).not.toContain('icmp-error');
    });
  });

  describe("icmp-reply: an echo (or other query's) reply is the answer to this side's ping, or backscatter", () => {
    const reply = (proto: string, type: number, code: number | null = 0, extra: Record<string, unknown> = {}) =>
      annotateOne({ proto, ...(proto === 'icmpv6' ? { ipVersion: 6, dst: { ip: '2001:db8::1' } } : {}), icmp: { type, code }, ...extra });
    it('echo reply (0; ICMPv6 129), timestamp, information and address-mask replies (14, 16, 18)', () => {
      for (const type of [0, 14, 16, 18]) expect(ids(reply('icmp', type)), String(type)).toEqual(['icmp-reply']);
      expect(ids(reply('icmpv6', 129))).toEqual(['icmp-reply']);
      // An ASA's 313004 names no code.
      expect(ids(reply('icmp', 0, null))).toEqual(['icmp-reply']);
      expect(find(reply('icmp', 0), 'icmp-reply')?.text).toMatch(/^ICMP echo reply/);
      expect(find(reply('icmpv6', 129), 'icmp-reply')?.text).toMatch(/^ICMPv6 echo reply/);
      expect(find(annotateOne({ proto: 'icmp', icmp: { type: 0, code: 0 } }, { lang: 'zh' }), 'icmp-reply')?.text).toMatch(/ICMP 回显应答/);
    });
    it('a reply with a code its type does not define is crafted (icmp-bad-code), no reply; requests stay probes', () => {
      expect(ids(reply('icmp', 0, 3))).toEqual(['icmp-bad-code']);
      expect(ids(reply('icmpv6', 129, 1))).toEqual(['icmp-bad-code']);
      for (const type of [8, 13, 15, 17]) expect(ids(reply('icmp', type)), String(type)).not.toContain('icmp-reply');
      for (const type of [128, 133]) expect(ids(reply('icmpv6', type)), `v6 ${type}`).not.toContain('icmp-reply');
      // ICMPv6 has its own numbers: its 0 and 14 are nothing.
      expect(ids(reply('icmpv6', 0))).not.toContain('icmp-reply');
      expect(ids(reply('icmp', 0, 0, { direction: 'out' }))).not.toContain('icmp-reply');
    });
  });
});

describe('stale-connection', () => {
  it('a dropped inbound ACK/FIN/PSH without SYN is a stale connection', () => {
    for (const f of [['ACK'], ['ACK', 'FIN'], ['ACK', 'PSH']]) expect(ids(annotateOne(tcp(443, { tcpFlags: f })))).toContain('stale-connection');
  });
  it('a RST with no outbound traffic in the log is stale, not backscatter', () => {
    const got = ids(annotateOne(tcp(40000, { tcpFlags: ['RST'] })));
    expect(got).toContain('stale-connection');
    expect(got).not.toContain('backscatter');
  });
  it('a SYN, a NULL scan, an outbound ACK and an allowed SYN are not', () => {
    expect(ids(annotateOne(tcp(443, { tcpFlags: ['SYN'] })))).not.toContain('stale-connection');
    expect(ids(annotateOne(tcp(443, { tcpFlags: [] })))).not.toContain('stale-connection');
    expect(ids(annotateOne(tcp(443, { tcpFlags: ['ACK'], direction: 'out' })))).not.toContain('stale-connection');
    expect(ids(annotateOne(tcp(443, { tcpFlags: ['SYN'], action: 'allow' })))).not.toContain('stale-connection');
    expect(ids(annotateOne(tcp(443, { tcpFlags: ['FIN'], action: 'allow' })))).not.toContain('stale-connection');
  });
  it('let through by the firewall (ACCEPT, [UFW ALLOW], Windows ALLOW) an ACK or RST is a conversation it tracked: the same id and role, its own text', () => {
    for (const f of [['ACK'], ['ACK', 'PSH'], ['ACK', 'FIN'], ['RST']]) {
      const a = find(annotateOne(tcp(22, { action: 'allow', tcpFlags: f })), 'stale-connection');
      expect(a, f.join(' ')).toMatchObject({ severity: 0 });
      expect(a?.text).toMatch(/let through: a conversation it was tracking/);
    }
    expect(find(annotateOne(tcp(22, { action: 'allow', tcpFlags: ['ACK'] }), { lang: 'zh' }), 'stale-connection')?.text).toMatch(/防火墙放行的/);
    // A server's reply to a client here stays a reply.
    expect(ids(annotateOne({ proto: 'tcp', action: 'allow', tcpFlags: ['ACK'], src: { port: 443 }, dst: { port: 40000 } }))).toEqual(['tcp-reply']);
  });
  it('a FIN, XMAS or PSH without ACK never belonged to a connection: not stale (FIN and XMAS scans)', () => {
    for (const f of [['FIN'], ['URG', 'PSH', 'FIN'], ['PSH']]) expect(ids(annotateOne(tcp(443, { tcpFlags: f }))), f.join(' ')).not.toContain('stale-connection');
    expect(ids(annotateOne(tcp(443, { tcpFlags: ['RST'] })))).toContain('stale-connection');
  });
  it('a router forgets the connections through it too: a dropped forwarded ACK from outside is stale', () => {
    expect(ids(annotateOne(tcp(443, { direction: 'forward', src: { ip: '198.51.100.7', port: 51234 }, dst: { ip: '192.168.1.20', port: 443 }, tcpFlags: ['ACK'] })))).toContain('stale-connection');
  });
  it('logged without a verdict (a LOG rule, [UFW AUDIT]) it is a session\'s packet, said so, with the same id', () => {
    const a = find(annotateOne(tcp(22, { action: 'other', tcpFlags: ['ACK', 'PSH'] })), 'stale-connection');
    expect(a?.text).toMatch(/without a verdict/);
    expect(find(annotateOne(tcp(22, { action: 'other', tcpFlags: ['SYN'] })), 'stale-connection')).toBeUndefined();
  });
  it("an ACK to port 0 is 002's port-0 scan, not a late packet: no connection ever ran there", () => {
    const got = ids(annotateOne(tcp(0, { src: { ip: '0.0.0.0', port: 0 }, tcpFlags: ['ACK'] })));
    expect(got).toContain('os-fingerprint');
    expect(got).not.toContain('stale-connection');
  });
});

describe('ufw labels', () => {
  it('[UFW AUDIT] is ufw-audit (logging, not a drop)', () => {
    expect(find(annotateOne({ rule: '[UFW AUDIT]', action: 'other' }), 'ufw-audit')?.text).toMatch(/not dropped/);
  });
  it('[UFW ALLOW] is ufw-allow; [UFW LIMIT BLOCK] is ufw-limit', () => {
    expect(ids(annotateOne({ rule: '[UFW ALLOW]', action: 'allow' }))).toContain('ufw-allow');
    expect(find(annotateOne({ rule: '[UFW LIMIT BLOCK]' }), 'ufw-limit')?.text).toMatch(/rate limit/);
  });
  it('[UFW BLOCK] gets none of them', () => {
    const got = ids(annotateOne({ rule: '[UFW BLOCK]' }));
    expect(got.filter((id) => id.startsWith('ufw-'))).toEqual([]);
  });
});

describe('language', () => {
  const cjk = /[\u3400-\u9fff]/;
  it('--lang zh texts are Chinese', () => {
    const events = [
      annotateOne(tcp(6776), { lang: 'zh' }),
      annotateOne(tcp(27374), { lang: 'zh' }),
      annotateOne(udp(33434, { src: { port: 53 } }), { lang: 'zh' }),
      annotateOne({ proto: 'icmp', icmp: { type: 11 } }, { lang: 'zh' }),
      annotateOne(tcp(443, { tcpFlags: ['ACK'], rule: '[UFW AUDIT]' }), { lang: 'zh' }),
    ];
    const all = events.flatMap((e) => e.annotations);
    expect(all.length).toBeGreaterThan(8);
    for (const a of all) expect(a.text, a.id).toMatch(cjk);
  });
  it('en texts are English', () => {
    const texts = annotateOne(tcp(6776)).annotations.filter((x) => x.id !== 'port-known');
    expect(texts.length).toBeGreaterThan(0);
    for (const a of texts) expect(a.text).not.toMatch(cjk);
  });
});

describe('shape', () => {
  it('annotation objects are shared constants within an annotator, frozen', () => {
    const an = annotator();
    const a = makeEvent(tcp(113));
    const b = makeEvent(tcp(113, { src: { ip: '192.0.2.99' } }));
    an.annotate(a);
    an.annotate(b);
    expect(a.annotations.length).toBeGreaterThan(0);
    a.annotations.forEach((x, i) => expect(x).toBe(b.annotations[i]));
    expect(Object.isFrozen(a.annotations[0])).toBe(true);
  });
  it('each id at most once per event, severities 0-5, ids kebab-case', () => {
    const e = annotateOne(udp(6970, { src: { port: 27915 } }));
    // A RealAudio stream from a game's source port reads three ways: the checks below have something to check.
    expect(e.annotations.length).toBeGreaterThan(1);
    expect(new Set(ids(e)).size).toBe(e.annotations.length);
    for (const a of e.annotations) {
      expect(a.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(a.severity).toBeGreaterThanOrEqual(0);
      expect(a.severity).toBeLessThanOrEqual(5);
    }
  });
  it('annotating an event twice does not duplicate', () => {
    const a = annotator();
    const e = makeEvent(tcp(6776));
    a.annotate(e);
    const n = e.annotations.length;
    a.annotate(e);
    expect(e.annotations.length).toBe(n);
  });
  it('a frozen shared empty annotations array is replaced, not mutated', () => {
    const shared = Object.freeze([]) as unknown as never[];
    const e = annotateOne(tcp(113, { annotations: shared }));
    expect(shared).toHaveLength(0);
    expect(ids(e)).toContain('ident');
  });
});

describe('events-lost', () => {
  it("is Windows Firewall's INFO-EVENTS-LOST row only, not another firewall's label with those words", () => {
    const lost = { proto: 'other', action: 'other', direction: null, src: { ip: null, port: null }, dst: { ip: null, port: null }, tcpFlags: null };
    expect(ids(annotateOne(tcp(0, { format: 'windows-firewall', rule: 'INFO-EVENTS-LOST 59', ...lost })))).toContain('events-lost');
    expect(ids(annotateOne(tcp(22, { rule: '[INFO-EVENTS-LOST DROP]', action: 'drop', direction: 'in', tcpFlags: ['SYN'] })))).not.toContain('events-lost');
  });
});

describe('session-close', () => {
  const win = (rule: string, extra: Record<string, unknown> = {}) =>
    annotateOne(tcp(12345, { format: 'windows-firewall', rule, action: 'allow', direction: null, tcpFlags: null, ...extra }));
  it('is a Windows Firewall CLOSE row: without its OPEN (no direction) or after an OPEN-INBOUND', () => {
    expect(ids(win('CLOSE'))).toContain('session-close');
    expect(ids(win('CLOSE', { direction: 'in' }))).toContain('session-close');
    // The trojan reading stands aside for it: the end of a session probes nothing.
    expect(ids(win('CLOSE'))).not.toContain('trojan');
    // Nor is its low source port (the server's 443 of a session that ended) a NAT box's or a forger's.
    const fromServer = ids(annotateOne({ proto: 'tcp', src: { ip: '203.0.113.174', port: 443 }, dst: { ip: '192.168.1.35', port: 56782 }, format: 'windows-firewall', rule: 'CLOSE', action: 'allow', direction: null, tcpFlags: null }));
    expect(fromServer).toEqual(['session-close']);
  });
  it('is no other row, of Windows or of another firewall, whose label only contains CLOSE', () => {
    // Before: any allowed record whose label held "CLOSE" was read as the end of a session, so an
    // iptables SYN logged by a rule named "FW-CLOSE ACCEPT" lost its trojan reading and its probe.
    const ipt = ids(annotateOne(tcp(12345, { rule: '[FW-CLOSE ACCEPT]', action: 'allow', direction: 'in', tcpFlags: ['SYN'] })));
    expect(ipt).not.toContain('session-close');
    expect(ipt).toContain('trojan');
    expect(ids(annotateOne(tcp(12345, { format: 'cisco-asa', rule: 'CLOSE', action: 'allow', direction: null, tcpFlags: null })))).not.toContain('session-close');
    expect(ids(win('CLOSE-WAIT'))).not.toContain('session-close');
    expect(ids(win('ALLOW', { direction: 'in' }))).not.toContain('session-close');
  });
});
