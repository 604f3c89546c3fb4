// Behaviour of the filterlog, Cisco ASA, MikroTik and pf parsers and of the payload
// dispatcher for mixed syslog files, one scenario per test; golden fixtures in
// test/fixtures/<id>/ cover whole files.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildAnalysis } from '../../src/cli/analysis.js';
import type { FirewallEvent } from '../../src/event.js';
import { ciscoAsaFormat } from '../../src/parsers/cisco-asa.js';
import { filterlogFormat } from '../../src/parsers/filterlog.js';
import { iptablesFormat } from '../../src/parsers/iptables.js';
import { mikrotikFormat } from '../../src/parsers/mikrotik.js';
import { payloadKind } from '../../src/parsers/payload-dispatch.js';
import { pfFormat } from '../../src/parsers/pf.js';
import { formats, sniffFormat } from '../../src/parsers/registry.js';
import type { FormatDefinition } from '../../src/parsers/types.js';
import { parseLines, splitLines } from '../helpers/parse.js';

const NEW_FORMATS = [filterlogFormat, ciscoAsaFormat, mikrotikFormat, pfFormat];

const IPTABLES = 'Nov 21 06:25:01 gw kernel: [123.456] [UFW BLOCK] IN=eth0 OUT= MAC=00:16:3e:11:22:33:00:16:3e:44:55:66:08:00 SRC=203.0.113.7 DST=198.51.100.2 LEN=40 TOS=0x00 PREC=0x00 TTL=241 ID=54321 PROTO=TCP SPT=47001 DPT=23 WINDOW=1024 RES=0x00 SYN URGP=0';
const FILTERLOG = 'Nov 21 06:25:02 pfsense filterlog[4242]: 5,,,1000000103,igb0,match,block,in,4,0x0,,1,33,0,none,17,udp,60,203.0.113.50,198.51.100.1,39521,33434,40';
const FILTERLOG_NOPID = 'Nov 21 06:25:03 pfSense filterlog: 53,,,1000102631,em0,match,block,in,4,0x0,,64,600,0,none,6,tcp,44,10.0.2.2,10.0.2.15,53792,22,0,S,31552001,,65535,,mss';
const ASA = '<164>Nov 21 06:25:04 192.0.2.1 %ASA-4-106023: Deny tcp src outside:203.0.113.9/44322 dst inside:198.51.100.10/3389 by access-group "outside_in" [0x0, 0x0]';
const ASA_YEAR = '<166>Aug 06 2016 20:39:42: %ASA-6-106015: Deny TCP (no connection) from 203.0.113.9/443 to 198.51.100.10/51000 flags RST  on interface outside';
const MIKROTIK = 'Nov 21 06:25:05 192.0.2.2 firewall,info drop input: in:ether1 out:(unknown 0), proto TCP (SYN), 203.0.113.9:40000->203.0.113.7:22, len 40';
const SSHD = 'Nov 21 06:25:06 gw sshd[77]: Failed password for root from 198.51.100.7 port 51300 ssh2';
const PF = 'Nov 21 06:25:07.100000 rule 3/(match) block in on em0: 198.51.100.7.51234 > 192.0.2.10.22: S 1:1(0) win 512';

function one(format: FormatDefinition, line: string): FirewallEvent {
  const r = parseLines(format, [line]);
  expect(r.malformed, 'malformed').toEqual([]);
  expect(r.skipped, 'skipped').toEqual([]);
  expect(r.events).toHaveLength(1);
  return r.events[0]!;
}

describe('filterlog', () => {
  it('block/pass/reject map to drop/allow/reject', () => {
    expect(one(filterlogFormat, FILTERLOG).action).toBe('drop');
    expect(one(filterlogFormat, FILTERLOG.replace(',block,', ',pass,')).action).toBe('allow');
    expect(one(filterlogFormat, FILTERLOG.replace(',block,', ',reject,')).action).toBe('reject');
    expect(one(filterlogFormat, FILTERLOG.replace(',block,', ',scrub,')).action).toBe('other');
  });

  it('the interface goes to inIface for in and outIface for out', () => {
    const e = one(filterlogFormat, FILTERLOG.replace(',in,4,', ',out,4,'));
    expect([e.direction, e.inIface, e.outIface]).toEqual(['out', null, 'igb0']);
  });

  it('rule is <rule>/<tracker> <interface> <reason>', () => {
    expect(one(filterlogFormat, FILTERLOG).rule).toBe('5/1000000103 igb0 match');
  });

  it('filterlog: without a pid is read, and the tag is not part of the payload', () => {
    const e = one(filterlogFormat, FILTERLOG_NOPID);
    expect([e.host, e.src.port, e.dst.port, e.tcpFlags, e.tcpWindow]).toEqual(['pfSense', 53792, 22, ['SYN'], 65535]);
  });

  it('IPv6 rows use the IPv6 field positions (hop limit, text before id)', () => {
    const e = one(filterlogFormat, '<134>Jul  3 19:10:31 filterlog[72237]: 6,,,1000000105,igb1.27,match,block,in,6,0x00,0xf6279,1,UDP,17,32,fe80::208:9bff:fef3:652b,ff02::1:2,546,547,32');
    expect([e.ipVersion, e.proto, e.ttl, e.len, e.src.ip, e.dst.port]).toEqual([6, 'udp', 1, 32, 'fe80::208:9bff:fef3:652b', 547]);
  });

  it('a seq range and an options list do not disturb the TCP fields', () => {
    const e = one(filterlogFormat, 'Sep 28 10:38:09 pfSense filterlog: 53,,,1000000301,em0,match,block,in,4,0x0,,64,420,0,none,6,tcp,460,10.0.2.2,10.0.2.15,53742,22,420,PA,29633380:29633800,3617062173,65535,,mss;sackOK;TS;nop;wscale');
    expect([e.tcpFlags, e.tcpWindow, e.len]).toEqual([['ACK', 'PSH'], 65535, 460]);
  });

  it('ICMP request,id,seq is echo request (type 8)', () => {
    const e = one(filterlogFormat, '<134>Jul  4 11:10:45 filterlog[72237]: 176,,,1520797901,igb1.10,match,pass,in,4,0x0,,64,62096,0,DF,1,icmp,84,10.100.10.30,142.250.114.105,request,37728,164');
    expect(e.icmp).toEqual({ type: 8, code: 0, embedded: null });
    expect([e.src.port, e.dst.port]).toEqual([null, null]);
  });

  it('a truncated filterlog row is malformed with the field count, not skipped', () => {
    const r = parseLines(filterlogFormat, ['Nov 21 06:25:02 pfsense filterlog[4242]: 5,,,1000000103,igb0,match']);
    expect(r.malformed[0]?.reason).toMatch(/^truncated: 6 fields/);
  });
});

describe('cisco-asa', () => {
  it('the year-bearing ASA stamp is read as local time, without a host and with yearInferred false', () => {
    const e = one(ciscoAsaFormat, ASA_YEAR);
    expect(e.time?.toISOString()).toBe('2016-08-06T22:39:42.000Z'); // TZ=Etc/GMT+2
    expect([e.yearInferred, e.host]).toEqual([false, null]);
  });

  it('the device address before the tag is the host', () => {
    expect(one(ciscoAsaFormat, ASA).host).toBe('192.0.2.1');
  });

  it('Built outbound swaps for/to so that src is the side that opened the connection', () => {
    const e = one(ciscoAsaFormat, '<166>Nov 20 10:00:09 192.0.2.1 %ASA-6-302013: Built outbound TCP connection 1001 for outside:198.51.100.80/443 (198.51.100.80/443) to inside:192.168.1.10/51000 (203.0.113.1/41000)');
    expect([e.src.ip, e.src.port, e.dst.ip, e.dst.port, e.direction, e.inIface, e.outIface, e.action]).toEqual(['192.168.1.10', 51000, '198.51.100.80', 443, 'out', 'inside', 'outside', 'allow']);
  });

  it('teardown keeps the logged order and has no direction', () => {
    const e = one(ciscoAsaFormat, '<166>Jan  5 09:52:35 10.22.8.12 %ASA-6-302014: Teardown TCP connection 17604987 for outside:209.111.72.151/443 to inside:10.22.8.188/64306 duration 0:00:31 bytes 10128 TCP FINs');
    expect([e.src.port, e.dst.port, e.direction, e.action]).toEqual([443, 64306, null, 'allow']);
  });

  it('other message ids are skipped with the id in the reason, never guessed', () => {
    const r = parseLines(ciscoAsaFormat, ['<166>Aug 06 2016 20:39:42: %ASA-6-110002: Failed to locate egress interface for UDP from Inside:10.25.14.52/56544 to 172.18.106.2/161']);
    expect(r.events).toEqual([]);
    expect(r.skipped).toEqual([{ line: 1, reason: 'ASA 110002: not a packet or connection message' }]);
  });

  it('access-list hit-cnt becomes the event count', () => {
    expect(one(ciscoAsaFormat, '<166>Nov 20 10:00:02 192.0.2.1 %ASA-6-106100: access-list outside_in permitted udp outside/203.0.113.9(53) -> inside/198.51.100.53(53) hit-cnt 12 300-second interval [0x1, 0x0]').count).toBe(12);
  });

  // Shapes from real logs other projects publish (test/fixtures/cisco-asa/README.md says where).
  it('a message class before the level (%ASA-session-5-…) and an id without its colon are tags; the sniffer knows them', () => {
    const classed = 'Mar 02 2025 09:14:05 EDT: %ASA-session-5-106100: access-list outside_in permitted tcp outside/203.0.113.40(51544) -> inside/192.168.10.20(8443) hit-cnt 1 first hit [0x1, 0x0]';
    const bare = 'Mar 02 2025 09:14:08 : %ASA-6-302016 Teardown UDP connection 4711 for outside:198.51.100.4/500 to inside:192.168.10.2/500 duration 0:02:02 bytes 1416';
    expect([one(ciscoAsaFormat, classed).rule, one(ciscoAsaFormat, classed).src.ip]).toEqual(['ASA-session-5-106100 access-list outside_in', '203.0.113.40']);
    expect([one(ciscoAsaFormat, bare).rule, one(ciscoAsaFormat, bare).dst.port]).toEqual(['ASA-6-302016', 500]);
    expect(ciscoAsaFormat.sniff([classed, bare])).toBe(1);
    // An upper-case word is no class; a missing level stays malformed.
    expect(parseLines(ciscoAsaFormat, [classed.replace('session-5', 'SESSION-5')]).malformed[0]?.reason).toBe("tag: expected level digit in '%ASA-SESSION-5-1'");
    expect(parseLines(ciscoAsaFormat, [classed.replace('session-5', 'session')]).malformed).toHaveLength(1);
  });

  it('an interface named with blanks is read up to its colon; an endpoint without any interface stays malformed', () => {
    const line = (to: string) => `<166>Oct 10 2018 12:34:56 fw %ASA-6-302016: Teardown UDP connection 9828 for outside:198.51.100.1/67 to ${to} duration 0:58:46 bytes 58512`;
    const e = one(ciscoAsaFormat, line('NP Identity Ifc:255.255.255.255/68'));
    expect([e.outIface, e.dst.ip, e.dst.port]).toEqual(['NP Identity Ifc', '255.255.255.255', 68]);
    expect(parseLines(ciscoAsaFormat, [line('198.51.100.2/68')]).malformed[0]?.reason).toBe("302016: to: expected interface:address, found '198.51.100.2/68'");
  });

  it('a name logged for an address leaves that end without one; text starting with a digit is a broken address', () => {
    const line = (dst: string) => `<164>Oct 03 2018 17:34:08: %ASA-4-106023: Deny udp src office:203.0.113.1/3217 dst dmz:${dst}/15000 by access-group "office_in" [0x0, 0x0]`;
    const e = one(ciscoAsaFormat, line('Server_Windows'));
    expect([e.src.ip, e.dst.ip, e.dst.port, e.ipVersion]).toEqual(['203.0.113.1', null, 15000, 4]);
    const acl = one(ciscoAsaFormat, '<166>Oct 20 2019 15:15:15: %ASA-5-106100: access-list dmz_out denied tcp dmz/mail.example.net(27218) -> outside/203.0.113.61(53) hit-cnt 1 first hit [0x0, 0x0]');
    expect([acl.src.ip, acl.src.port, acl.dst.ip]).toEqual([null, 27218, '203.0.113.61']);
    expect(parseLines(ciscoAsaFormat, [line('9host.example.net')]).malformed[0]?.reason).toBe("106023: dst: invalid address '9host.example.net'");
  });

  it('an interface written with a prefix keeps it; a repeat wrapper after the tag is the count; per-user lists and 313008 are read', () => {
    const pre = one(ciscoAsaFormat, 'LOCAL4.WARNING: fw-1 %ASA-4-106023: Deny udp src v1:outside:203.0.113.19/54864 dst v2:inside:192.168.10.3/53 by access-group "outside_acl" [0x0, 0x0]');
    expect([pre.inIface, pre.src.ip, pre.src.port, pre.outIface, pre.dst.ip]).toEqual(['v1:outside', '203.0.113.19', 54864, 'v2:inside', '192.168.10.3']);
    const rep = one(ciscoAsaFormat, '<162>Jan 23 15:10:55 192.0.2.1 %ASA-2-106006: message repeated 2 times: [ Deny inbound UDP from 203.0.113.66/137 to 192.168.10.42/137 on interface inside]');
    expect([rep.count, rep.inIface, rep.dst.port]).toEqual([2, 'inside', 137]);
    expect(parseLines(ciscoAsaFormat, ['<162>Jan 23 15:10:55 192.0.2.1 %ASA-2-106006: message repeated 2 times: Deny inbound UDP from 203.0.113.66/137 to 192.168.10.42/137 on interface inside']).malformed).toHaveLength(1);
    const user = one(ciscoAsaFormat, "<140>Feb 02 2025 14:02:35: %ASA-4-106103: access-list vpn_filter denied tcp for user 'Lab User' outside/198.51.100.21(51950) -> inside/192.168.10.41(443) hit-cnt 1 first hit [0x0, 0x0]");
    expect([user.action, user.src.ip, user.dst.port, user.rule]).toEqual(['drop', '198.51.100.21', 443, 'ASA-4-106103 access-list vpn_filter']);
    const v6 = one(ciscoAsaFormat, '<163>Apr 17 2020 14:15:07: %ASA-3-313008: Denied IPv6-ICMP type=134, code=0 from fe80::1 on interface uplink');
    expect([v6.proto, v6.icmp?.type, v6.src.ip, v6.inIface]).toEqual(['icmpv6', 134, 'fe80::1', 'uplink']);
  });

  it('106021 (reverse path), 410001 (DNS inspection, `;` after the port) and 418001 (management-only) are packets dropped', () => {
    const rp = one(ciscoAsaFormat, '<161>Mar 02 09:14:14 fw %ASA-1-106021: Deny TCP reverse path check from 203.0.113.90 to 192.168.10.10 on interface outside');
    expect([rp.action, rp.proto, rp.src.ip, rp.dst.ip, rp.inIface, rp.direction]).toEqual(['drop', 'tcp', '203.0.113.90', '192.168.10.10', 'outside', 'in']);
    const dns = one(ciscoAsaFormat, '%ASA-4-410001: Dropped UDP DNS request from outside:203.0.113.103/46951 to DMZ-VPN:198.51.100.146/53; label length 46 bytes exceeds remaining packet length limit of 17 bytes');
    expect([dns.action, dns.proto, dns.src.port, dns.dst.ip, dns.dst.port, dns.inIface, dns.outIface]).toEqual(['drop', 'udp', 46951, '198.51.100.146', 53, 'outside', 'DMZ-VPN']);
    const mgmt = one(ciscoAsaFormat, '%ASA-4-418001: Through-the-device packet to/from management-only network is denied: udp src dmz:192.168.20.250/49152 dst management:192.168.99.25/161');
    expect([mgmt.action, mgmt.proto, mgmt.dst.port, mgmt.outIface]).toEqual(['drop', 'udp', 161, 'management']);
  });

  it('FTD 430002/430003 connection events: the rule action is the verdict, an allowed start is skipped for its end', () => {
    const ftd = (id: string, action: string) => `2025-03-02T09:14:16Z fw-ngfw  %FTD-1-${id}: EventPriority: Low, ConnectionID: 1, AccessControlRuleAction: ${action}, SrcIP: 203.0.113.30, DstIP: 192.168.20.20, SrcPort: 50074, DstPort: 3389, Protocol: tcp, IngressInterface: outside, EgressInterface: dmz, IngressZone: outside-zone, EgressZone: dmz-zone, ACPolicy: lab, AccessControlRuleName: Lab Rule 1, Prefilter Policy: Lab Prefilter, User: No Authentication Required, InitiatorPackets: 1`;
    const e = one(ciscoAsaFormat, ftd('430002', 'Block'));
    expect([e.action, e.proto, e.src.ip, e.src.port, e.dst.ip, e.dst.port, e.inIface, e.outIface, e.direction, e.rule]).toEqual(['drop', 'tcp', '203.0.113.30', 50074, '192.168.20.20', 3389, 'outside', 'dmz', null, 'FTD-1-430002 rule Lab Rule 1']);
    expect(['Allow', 'Trust', 'Block with reset', 'Monitor'].map((a) => one(ciscoAsaFormat, ftd('430003', a)).action)).toEqual(['allow', 'allow', 'reject', 'other']);
    const start = parseLines(ciscoAsaFormat, [ftd('430002', 'Allow')]);
    expect([start.events, start.skipped[0]?.reason]).toEqual([[], "FTD 430002, an allowed connection's start: its end record (430003) counts the connection"]);
    expect(parseLines(ciscoAsaFormat, [ftd('430003', 'Pass')]).malformed[0]?.reason).toBe("430003: AccessControlRuleAction: unknown 'Pass'");
    expect(parseLines(ciscoAsaFormat, [ftd('430001', 'Block')]).skipped[0]?.reason).toBe('ASA 430001: not a packet or connection message');
  });
});

describe('mikrotik', () => {
  it('prefix verdict words give the action; no prefix is other', () => {
    expect(one(mikrotikFormat, MIKROTIK).action).toBe('drop');
    expect(one(mikrotikFormat, MIKROTIK.replace('drop input', 'input')).action).toBe('other');
  });

  it('out:(unknown 0) is no interface; the input chain is direction in', () => {
    const e = one(mikrotikFormat, MIKROTIK);
    expect([e.inIface, e.outIface, e.direction, e.rule]).toEqual(['ether1', null, 'in', 'drop input']);
  });

  it('bracketed IPv6 [addr]:port', () => {
    const e = one(mikrotikFormat, '2026-05-31T00:04:27.696749+02:00 gw firewall,info input: in:WAN out:(unknown 0), connection-state:new src-mac e4:41:64:93:a8:0f, proto TCP (SYN), [2001:db8:1234::1]:40384->[2001:db8:1234::2]:20461, len 24');
    expect([e.ipVersion, e.src.ip, e.src.port, e.dst.ip, e.dst.port]).toEqual([6, '2001:db8:1234::1', 40384, '2001:db8:1234::2', 20461]);
  });

  it('the NAT part is not taken for the packet', () => {
    const e = one(mikrotikFormat, 'Nov 20 10:00:01 192.0.2.1 firewall,info accept forward: in:ether1 out:bridge, proto TCP (ACK,PSH), 198.51.100.5:443->192.168.88.10:51000, NAT (198.51.100.5:443->203.0.113.7:51000)->(198.51.100.5:443->192.168.88.10:51000), len 52');
    expect([e.src.ip, e.dst.ip, e.dst.port, e.len, e.direction]).toEqual(['198.51.100.5', '192.168.88.10', 51000, 52, 'forward']);
  });

  it('an IPv6 address with a zone index is read, zone kept', () => {
    const e = one(mikrotikFormat, 'Nov 21 06:25:05 192.0.2.2 firewall,info drop input: in:ether1 out:(unknown 0), proto UDP, [fe80::1%ether1]:5678->[ff02::1%ether1]:5678, len 40');
    expect([e.src.ip, e.src.port, e.dst.ip]).toEqual(['fe80::1%ether1', 5678, 'ff02::1%ether1']);
    const a = one(ciscoAsaFormat, '<164>Nov 21 06:25:04 192.0.2.1 %ASA-4-106023: Deny udp src outside:fe80::1%eth0/5353 dst inside:fe80::2%eth0/5353 by access-group "outside_in" [0x0, 0x0]');
    expect([a.src.ip, a.src.port, a.dst.ip]).toEqual(['fe80::1%eth0', 5353, 'fe80::2%eth0']);
  });

  it('a line cut before its closing ", len N" is malformed (truncated), not a record with the port cut short', () => {
    const cut = MIKROTIK.slice(0, MIKROTIK.indexOf(':22, len') + 2);
    const r = parseLines(mikrotikFormat, [cut, MIKROTIK.replace(', len 40', ', NAT (203.0.113.9:40000->203.0.113.7:22)->(203.0.113.9:40000->10.0.0.7:22)')]);
    expect(r.events).toEqual([]);
    expect(r.malformed.map((m) => m.reason)).toEqual(Array(2).fill('truncated: the line ends before ", len N" (cut off by the syslog daemon?)'));
  });
});

describe("mikrotik: RouterOS's /log print output", () => {
  const RECORD = 'firewall,info drop input: in:ether1 out:(none), src-mac 00:00:5e:00:53:07, proto UDP, 192.0.2.1:520->192.0.2.255:520, len 452';
  const read = (lines: string[]) =>
    parseLines(mikrotikFormat, lines, { refDate: new Date('2026-11-20T12:00:00Z'), tz: 'Europe/Berlin' });

  it('a time alone is on the file date; mmm/dd an earlier day of the inferred year; the stamp is no part of the rule label', () => {
    const r = read([`01:01:58 ${RECORD}`, `sep/15 12:42:14 ${RECORD}`]);
    expect(r.malformed).toEqual([]);
    expect(r.events.map((e) => [e.time?.toISOString(), e.yearInferred, e.rule, e.action, e.dst.port])).toEqual([
      ['2026-11-20T00:01:58.000Z', true, 'drop input', 'drop', 520],
      ['2026-09-15T10:42:14.000Z', true, 'drop input', 'drop', 520],
    ]);
  });

  it('a time later in the day than the file date (by more than an hour) is the day before', () => {
    // File date 13:00 in Berlin: 13:59 is still that day (a clock ahead), 14:01 the day before.
    const r = read([`13:59:00 ${RECORD}`, `14:01:00 ${RECORD}`]);
    expect(r.events.map((e) => e.time?.toISOString())).toEqual(['2026-11-20T12:59:00.000Z', '2026-11-19T13:01:00.000Z']);
  });

  it('an impossible stamp is malformed; a record not a /log print stamp keeps its words; other lines are skipped', () => {
    const r = read([`25:01:58 ${RECORD}`, `feb/30 12:42:14 ${RECORD}`, `sep/15 12:42:14 system,info,account user admin logged in from 192.0.2.20 via telnet`, `12:42 ${RECORD}`]);
    expect(r.malformed.map((m) => m.reason)).toEqual(['time: impossible time (hour 25)', 'time: impossible date (Feb 30)']);
    expect(r.skipped.map((m) => m.line)).toEqual([3]);
    // `12:42` is no stamp: the line is read as before, undated, its first word part of the label.
    expect(r.events.map((e) => [e.time, e.rule])).toEqual([[null, '12:42 firewall,info drop input']]);
  });

  it('a syslog header dates the line, as before', () => {
    const e = one(mikrotikFormat, MIKROTIK);
    expect([e.time?.toISOString(), e.yearInferred, e.rule]).toEqual(['2026-11-21T08:25:05.000Z', true, 'drop input']);
  });
});

describe('pf (tcpdump text)', () => {
  it('OpenBSD -ttt stamp with microseconds, old TCP flag letters and window', () => {
    const e = one(pfFormat, PF);
    expect(e.time?.toISOString()).toBe('2026-11-21T08:25:07.100Z');
    expect([e.action, e.direction, e.inIface, e.proto, e.src.port, e.dst.port, e.tcpFlags, e.tcpWindow]).toEqual(['drop', 'in', 'em0', 'tcp', 51234, 22, ['SYN'], 512]);
  });

  it('the port is the last dotted part of an IPv6 address', () => {
    const e = one(pfFormat, '2025-11-20 10:00:04.000000 rule 2/0(match): block in on vtnet0: 2001:db8::9.40001 > 2001:db8::1.443: Flags [S.], seq 5, ack 6, win 65535, length 0');
    expect([e.src.ip, e.src.port, e.dst.ip, e.dst.port, e.tcpFlags]).toEqual(['2001:db8::9', 40001, '2001:db8::1', 443, ['ACK', 'SYN']]);
  });

  it('a time-of-day or delta stamp gives no absolute time', () => {
    expect(one(pfFormat, '00:00:00.000123 rule 3/0(match): block in on vtnet0: 203.0.113.9.40002 > 192.0.2.1.445: Flags [S], seq 1, win 1024, length 0').time).toBeNull();
  });
});

describe('mixed syslog files: payload dispatch', () => {
  const mixed = [IPTABLES, FILTERLOG, FILTERLOG_NOPID, ASA, ASA_YEAR, MIKROTIK, SSHD, PF];
  const wanted = ['iptables', 'pfsense-filterlog', 'pfsense-filterlog', 'cisco-asa', 'cisco-asa', 'mikrotik', 'pf'];

  for (const f of [iptablesFormat, ...NEW_FORMATS]) {
    it(`read as ${f.id}, each line becomes an event of its own payload's format`, () => {
      const r = parseLines(f, mixed);
      expect(r.malformed).toEqual([]);
      expect(r.events.map((e) => e.format)).toEqual(wanted);
      expect(r.skipped).toEqual([{ line: 7, reason: 'not a firewall record' }]);
    });
  }

  it('a kern.log with iptables and filterlog lines is sniffed and yields events of both', () => {
    const lines = [IPTABLES, FILTERLOG, IPTABLES, FILTERLOG_NOPID, SSHD];
    const { format } = sniffFormat(lines);
    const r = parseLines(format!, lines);
    expect(r.events.map((e) => e.format)).toEqual(['iptables', 'pfsense-filterlog', 'iptables', 'pfsense-filterlog']);
  });

  it('payloadKind: cheap tags only; a non-firewall line has no owner', () => {
    expect(payloadKind(SSHD, 20, SSHD.length)).toBeNull();
    expect(payloadKind(ASA, ASA.indexOf('%'), ASA.length)).toBe('cisco-asa');
    expect(payloadKind(FILTERLOG, FILTERLOG.indexOf(': 5,') + 2, FILTERLOG.length)).toBe('pfsense-filterlog');
  });
});

describe('annotations work on the new formats', () => {
  const analysis = buildAnalysis({ inputFormat: null, year: null, tz: null, lang: 'en', signatures: [], homeNet: [] });
  const ids = (e: FirewallEvent) => {
    analysis.annotate(e);
    return e.annotations.map((a) => a.id);
  };

  it('a filterlog UDP 33434 probe is traceroute', () => {
    expect(ids(one(filterlogFormat, FILTERLOG))).toContain('traceroute');
  });

  it('an ASA deny of UDP 33435 is traceroute; a MikroTik SYN to 22 is explained', () => {
    expect(ids(one(ciscoAsaFormat, '<164>2025-11-20T10:00:13Z fw01 : %ASA-4-106023: Deny udp src outside:203.0.113.50/40000 dst inside:198.51.100.1/33435 by access-group "outside_in" [0x0, 0x0]'))).toContain('traceroute');
    expect(ids(one(mikrotikFormat, MIKROTIK)).length).toBeGreaterThan(0);
    expect(ids(one(pfFormat, PF)).length).toBeGreaterThan(0);
  });
});

describe('formats list', () => {
  it('every new format has examples that parse to events in that format', () => {
    for (const f of NEW_FORMATS) {
      expect(formats).toContain(f);
      expect(f.examples.length).toBeGreaterThan(0);
      const r = parseLines(f, f.examples);
      expect(r.events.length, f.id).toBe(f.examples.length);
      expect(sniffFormat(f.examples).format?.id, f.id).toBe(f.id);
    }
  });
  it("every format's examples, pasted together as `logscan formats` prints them, read without a malformed line", () => {
    // The Windows Firewall example header has 18 fields (with pid): its records must too.
    for (const f of formats) {
      const r = parseLines(f, f.examples);
      expect(r.malformed, f.id).toEqual([]);
      expect(r.events.length, f.id).toBeGreaterThan(0);
    }
  });
});

// ---------------------------------------------------------------- properties

const corpus = new URL('../../../shared/corpus/', import.meta.url).pathname;
const REAL: Record<string, string[]> = {
  'pfsense-filterlog': ['pfsense-filterlog/crowdsec-hub_pf-logs.log', 'pfsense-filterlog/elastic-integrations_test-pfsense-bsd.log'],
  'cisco-asa': ['cisco-asa/metron_asa_raw.log'],
  mikrotik: ['other/crowdsec-hub_mikrotik-logs.log'],
};
const realLines = (id: string): string[] =>
  id === 'pf'
    ? splitLines(readFileSync(new URL('../fixtures/pf/openbsd.log', import.meta.url), 'utf8'))
    : REAL[id]!.flatMap((f) => splitLines(readFileSync(corpus + f, 'utf8')));

const isPort = (p: number | null) => p === null || (Number.isInteger(p) && p >= 0 && p <= 65535);

function check(format: FormatDefinition, lines: string[]): void {
  const r = parseLines(format, lines);
  for (const m of r.malformed) expect(m.reason).not.toMatch(/^parser error/);
  const seen = [...r.events.map((e) => e.origin.line), ...r.skipped.map((s) => s.line), ...r.malformed.map((m) => m.line)].sort((a, b) => a - b);
  expect(seen).toEqual(lines.map((_, i) => i + 1));
  for (const e of r.events) {
    expect(e.time === null || Number.isFinite(e.time.getTime())).toBe(true);
    expect(isPort(e.src.port) && isPort(e.dst.port)).toBe(true);
    if (e.icmp?.embedded) expect(isPort(e.icmp.embedded.src.port) && isPort(e.icmp.embedded.dst.port)).toBe(true);
    for (const n of [e.ttl, e.len, e.tcpWindow, e.icmp?.type ?? null, e.icmp?.code ?? null]) expect(n === null || (Number.isInteger(n) && n >= 0)).toBe(true);
    expect(e.proto.length).toBeGreaterThan(0);
    expect(e.count).toBeGreaterThanOrEqual(1);
  }
}

describe('properties: never throws, one verdict per line, valid ports and dates', () => {
  for (const f of NEW_FORMATS) {
    const real = realLines(f.id);
    it(`${f.id}: arbitrary text`, () => {
      fc.assert(fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 200 }), { maxLength: 8 }), (lines) => check(f, lines)), { numRuns: 300 });
    });
    it(`${f.id}: damaged real lines`, () => {
      const edit = fc.record({
        line: fc.constantFrom(...real),
        at: fc.nat(),
        len: fc.integer({ min: 0, max: 12 }),
        text: fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom(',', ':', '/', '[', ']', '(', ')', '->', ' > ', '99999', '::', '.', '%ASA-6-302013:', 'filterlog:', ' in:', ' out:', 'rule ')),
      });
      fc.assert(
        fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) => {
          const lines = edits.map(({ line, at, len, text }) => {
            const i = at % (line.length + 1);
            return line.slice(0, i) + text + line.slice(i + len);
          });
          check(f, lines);
        }),
        { numRuns: 400 },
      );
    });
  }
});
