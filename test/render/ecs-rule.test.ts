// What ECS says about the rule, per format: a field is only what the log's text is.
// Windows Firewall's action column and Cisco ASA's message tag are no rule; EdgeOS and
// UniFi tags hold a ruleset, a rule number and a verdict (split as Elastic's iptables
// integration splits them); a filterlog record's tracker and reason are what Elastic's pfSense
// integration reads from it; a MikroTik prefix names the rule and the chain holds it.
// logscan's own `rule` keeps the text as logged.
import { describe, expect, it } from 'vitest';
import type { FirewallEvent } from '../../src/event.js';
import type { FormatDefinition } from '../../src/parsers/types.js';
import { eventToEcs, eventToJson } from '../../src/render/event-json.js';
import { ciscoAsaFormat } from '../../src/parsers/cisco-asa.js';
import { filterlogFormat } from '../../src/parsers/filterlog.js';
import { iptablesFormat } from '../../src/parsers/iptables.js';
import { mikrotikFormat } from '../../src/parsers/mikrotik.js';
import { windowsFirewallFormat } from '../../src/parsers/windows-firewall.js';
import { makeEvent } from '../helpers/events.js';
import { parseLines } from '../helpers/parse.js';

interface Doc {
  event: Record<string, unknown>;
  rule?: Record<string, unknown>;
  observer: Record<string, unknown>;
  logscan: Record<string, unknown>;
}

const ecs = (e: FirewallEvent): Doc => JSON.parse(eventToEcs(e)) as Doc;

function events(format: FormatDefinition, lines: string[]): FirewallEvent[] {
  const r = parseLines(format, lines);
  expect(r.malformed).toEqual([]);
  return r.events;
}

const WINDOWS_HEAD = [
  '#Version: 1.5',
  '#Software: Microsoft Windows Firewall',
  '#Time Format: Local',
  '#Fields: date time action protocol src-ip dst-ip src-port dst-port size tcpflags tcpsyn tcpack tcpwin icmptype icmpcode info path',
];

describe('Windows Firewall: the action column is event.action, not a rule', () => {
  it('DROP, ALLOW, OPEN and CLOSE rows have no rule.* (logscan\'s rule keeps the word as logged)', () => {
    const rows = events(windowsFirewallFormat, [
      ...WINDOWS_HEAD,
      '2005-04-11 08:05:57 DROP UDP 123.45.78.90 123.156.78.255 137 137 78 - - - - - - - RECEIVE',
      '2024-07-29 13:23:35 ALLOW UDP 192.168.9.219 192.168.0.1 61535 53 0 - - - - - - - SEND',
      '2005-04-11 08:06:02 OPEN UDP 123.45.78.90 123.156.78.90 500 500 - - - - - - - - -',
      '2005-04-11 08:06:05 CLOSE UDP 123.45.78.90 123.156.78.90 500 500 - - - - - - - - -',
    ]);
    expect(rows.map((e) => e.rule)).toEqual(['DROP', 'ALLOW', 'OPEN', 'CLOSE']);
    for (const e of rows) {
      const d = ecs(e);
      expect(d, e.rule!).not.toHaveProperty('rule');
      expect(d.event.action).toBe(e.action);
      expect(JSON.parse(eventToJson(e)).rule).toBe(e.rule);
    }
  });

  it('an INFO-EVENTS-LOST row has no rule.* either: how many records were lost is logscan.lost_records', () => {
    const [lost, blank] = events(windowsFirewallFormat, [
      ...WINDOWS_HEAD,
      '2005-04-11 08:52:26 INFO-EVENTS-LOST - - - - - - - - - - - - 59 -',
      '2005-04-11 08:52:27 INFO-EVENTS-LOST - - - - - - - - - - - - - -',
    ]);
    const d = ecs(lost!);
    expect(d).not.toHaveProperty('rule');
    expect(d.logscan.lost_records).toBe(59);
    const none = ecs(blank!);
    expect(none).not.toHaveProperty('rule');
    expect(none.logscan).not.toHaveProperty('lost_records');
  });
});

describe('Cisco ASA: the message id is event.code, as Elastic\'s Cisco ASA integration writes it', () => {
  it('106023: event.code 106023, and the access list that denied the packet is rule.name', () => {
    const [e] = events(ciscoAsaFormat, ['<164>Aug 05 2016 01:02:25: %ASA-4-106023: Deny udp src Inside:10.230.4.88/42350 dst Outside:192.168.2.53/53 by access-group "Inside_access_in" [0x962df600, 0x0]']);
    expect(e!.rule).toBe('ASA-4-106023 access-group Inside_access_in');
    const d = ecs(e!);
    expect(d.event.code).toBe('106023');
    expect(d.rule).toEqual({ name: 'Inside_access_in' });
  });

  it('106100 names its access list too; an FTD tag reads the same', () => {
    const [acl, ftd] = events(ciscoAsaFormat, [
      '<164>Nov 20 10:00:01 192.0.2.1 %ASA-4-106100: access-list outside_in denied tcp outside/203.0.113.9(44321) -> inside/198.51.100.10(23) hit-cnt 1 first hit [0x3b2f1a9c, 0x0]',
      '<164>Nov 20 10:00:11 192.0.2.1 %FTD-4-106023: Deny tcp src outside:203.0.113.9/44322 dst inside:198.51.100.10/3389 by access-group "CSM_FW_ACL_" [0x97aa021a, 0x0]',
    ]);
    expect(ecs(acl!).event.code).toBe('106100');
    expect(ecs(acl!).rule).toEqual({ name: 'outside_in' });
    expect(ecs(ftd!).event.code).toBe('106023');
    expect(ecs(ftd!).rule).toEqual({ name: 'CSM_FW_ACL_' });
  });

  it('a connection message names no rule: event.code alone', () => {
    const [e] = events(ciscoAsaFormat, ['<166>Jan  5 08:52:35 10.22.8.216 %ASA-6-302013: Built inbound TCP connection 212806031 for outside:10.22.8.17/58633 (10.22.8.17/58633)(LOCAL\\user.name) to inside:10.22.8.12/389 (10.22.8.12/389) (user.name)']);
    const d = ecs(e!);
    expect(d.event.code).toBe('302013');
    expect(d).not.toHaveProperty('rule');
  });

  it("an FTD connection event's access control rule is rule.name", () => {
    const [e] = events(ciscoAsaFormat, ['2025-03-02T09:14:16Z fw-ngfw  %FTD-1-430002: AccessControlRuleAction: Block, SrcIP: 203.0.113.30, DstIP: 192.168.20.20, SrcPort: 50074, DstPort: 3389, Protocol: tcp, AccessControlRuleName: Block inbound RDP, InitiatorPackets: 1']);
    expect([ecs(e!).event.code, ecs(e!).rule]).toEqual(['430002', { name: 'Block inbound RDP' }]);
  });

  it('no other format has an event.code', () => {
    expect(ecs(makeEvent({ format: 'iptables', rule: 'ASA-4-106023' })).event).not.toHaveProperty('code');
  });
});

describe('EdgeOS and UniFi tags: ruleset, rule number and verdict, as Elastic\'s iptables integration splits them', () => {
  const [lanLocal, wanOut, zones] = events(iptablesFormat, [
    'Jan  5 20:17:05 MainFirewall kernel: [LAN_LOCAL-default-A]IN=eth0.90 OUT= MAC=90:10:92:6e:ea:a7:90:10:73:ba:d6:77:08:00:45:fc:02:1c SRC=192.168.48.137 DST=81.2.69.143 LEN=540 TOS=0x1C PREC=0xE0 TTL=64 ID=27223 PROTO=UDP SPT=48689 DPT=48689 LEN=520',
    'Jan  5 20:17:01 MainFirewall kernel: [WAN_OUT-2000-A]IN=eth0 OUT=eth2 MAC=90:10:20:76:8d:20:90:10:24:67:f4:89:08:00 SRC=192.168.134.158 DST=192.168.2.25 LEN=265 TOS=0x00 PREC=0x00 TTL=63 ID=51768 DF PROTO=TCP SPT=43189 DPT=443 WINDOW=159 RES=0x00 ACK PSH URGP=0',
    'Jan  5 20:17:01 MainFirewall kernel: [source-dest-default-D]IN=eth0 OUT=eth2 MAC=90:10:20:76:8d:20:90:10:65:29:b6:2a:08:00 SRC=192.168.110.116 DST=192.168.2.25 LEN=52 TOS=0x00 PREC=0x00 TTL=63 ID=0 DF PROTO=TCP SPT=50093 DPT=1443 WINDOW=2857 RES=0x00 ACK URGP=0',
  ]);

  it('[RULESET-N-A]: rule.name the ruleset, rule.id the rule number (or default)', () => {
    expect(lanLocal!.rule).toBe('[LAN_LOCAL-default-A]');
    expect(ecs(lanLocal!).rule).toEqual({ name: 'LAN_LOCAL', id: 'default' });
    expect(ecs(wanOut!).rule).toEqual({ name: 'WAN_OUT', id: '2000' });
  });

  it("a zone policy's ruleset FROM-TO gives observer.ingress.zone and observer.egress.zone", () => {
    const d = ecs(zones!);
    expect(d.rule).toEqual({ name: 'source-dest', id: 'default' });
    expect(d.observer).toMatchObject({ ingress: { zone: 'source', interface: { name: 'eth0' } }, egress: { zone: 'dest', interface: { name: 'eth2' } } });
    expect(ecs(wanOut!).observer.ingress).toEqual({ interface: { name: 'eth0' } });
  });

  it('UniFi [RULESET-A-N] DESCR="…": the rule number is last, the description is rule.description', () => {
    const [udm] = events(iptablesFormat, ['Jun 13 23:29:15 UDMP-DTC [WAN_LOCAL-D-2147483647] DESCR="[WAN_LOCAL]Block All Traffic" IN=eth8 OUT= MAC=74:ac:b9:1c:62:e5:00:17:10:2b:31:a9:08:00 SRC=192.168.1.1 DST=192.168.1.25 LEN=122 TOS=00 PREC=0x00 TTL=49 ID=45366 DF PROTO=UDP SPT=38451 DPT=54329 LEN=102 MARK=1a0000']);
    expect(ecs(udm!).rule).toEqual({ name: 'WAN_LOCAL', id: '2147483647', description: '[WAN_LOCAL]Block All Traffic' });
  });

  it('any other prefix is rule.name as logged', () => {
    for (const rule of ['[UFW BLOCK]', 'Shorewall:wlan0_mac:DROP:', '[WAN-IN]', '[A-B-C-D-E]', '[X-1-Q]']) {
      expect(ecs(makeEvent({ rule })).rule, rule).toEqual({ name: rule });
    }
    expect(ecs(makeEvent({ format: 'journald-export', rule: 'iptables DROP_INPUT:' })).rule).toEqual({ name: 'iptables DROP_INPUT:' });
    expect(ecs(makeEvent({ format: 'journald-json', rule: '[WAN_IN-10-D]' })).rule).toEqual({ name: 'WAN_IN', id: '10' });
    expect(ecs(makeEvent({ rule: null }))).not.toHaveProperty('rule');
  });
});

// Lines from /work/shared/corpus/pfsense-filterlog/crowdsec-hub_pf-logs.log (crowdsecurity/hub test data).
describe("pfSense/OPNsense filterlog: the tracker is rule.id and the reason event.reason, as Elastic's pfSense integration maps them", () => {
  const [pfIn, pfOut, opnHex, opnUuid] = events(filterlogFormat, [
    'Sep 28 10:38:24 pfSense filterlog: 53,,,1000102631,em0,match,block,in,4,0x0,,64,600,0,none,6,tcp,44,10.0.2.2,10.0.2.15,53792,22,0,S,31552001,,65535,,mss',
    'Sep 28 10:38:41 pfSense filterlog: 6,,,1000102434,em0,match,block,out,4,0x0,,64,0,0,DF,6,tcp,40,10.0.2.15,10.0.2.2,22,53742,0,FA,3617062173,29633380,65535,,',
    '<134>1 2022-09-06T18:37:34+02:00 opnsense filterlog 69805 - [meta sequenceId="2633353"] 10,,,02f4bab031b57d1e30553ce08e0ec131,re0,match,block,in,4,0x0,,118,28579,0,none,17,udp,132,212.102.36.22,37.120.48.198,49838,52938,112',
    '<134>1 2022-09-06T19:00:06+02:00 opnsense filterlog 57126 - [meta sequenceId="2667099"] 98,,,64d253df-ef65-4b56-9df4-c03fc11b8ce4,re0,match,block,in,6,0x00,0x0ea87,51,udp,17,73,2008:8a0:702e:ce00:acc6:c7ee:fa01:2f8a,2c02:2454:ada:d900::1738,6881,51918,73',
  ]);

  it("pfSense: rule.id the tracker, not the rule number (a position that changes when the rules are reloaded); no rule.name, which filterlog never logs", () => {
    expect(pfIn!.rule).toBe('53/1000102631 em0 match');
    const d = ecs(pfIn!);
    expect(d.rule).toEqual({ id: '1000102631' });
    expect(d.event.reason).toBe('match');
    expect(d.observer.ingress).toEqual({ interface: { name: 'em0' } });
  });

  it('an outbound record names the same kind of rule; its interface is the egress one', () => {
    const d = ecs(pfOut!);
    expect(d.rule).toEqual({ id: '1000102434' });
    expect(d.observer).toMatchObject({ egress: { interface: { name: 'em0' } } });
    expect(d.observer).not.toHaveProperty('ingress');
  });

  it("OPNsense: the tracker is a 32-hex label or a UUID, rule.id as logged", () => {
    expect(ecs(opnHex!).rule).toEqual({ id: '02f4bab031b57d1e30553ce08e0ec131' });
    expect(ecs(opnUuid!).rule).toEqual({ id: '64d253df-ef65-4b56-9df4-c03fc11b8ce4' });
    expect(ecs(opnUuid!).event.reason).toBe('match');
  });

  it("a rule in an anchor: the anchor is rule.ruleset; a reason other than match is event.reason as pf wrote it", () => {
    const [e] = events(filterlogFormat, ['Nov 20 10:00:09 fw filterlog[4242]: 4,3,userrules,0f1e2d3c4b5a69788796a5b4c3d2e1f0,ixl1_vlan70,state-mismatch,block,in,4,0x0,,64,1,0,DF,6,tcp,40,203.0.113.77,198.51.100.3,80,51234,0,RA,1,2,0,,']);
    expect(e!.rule).toBe('4.3@userrules/0f1e2d3c4b5a69788796a5b4c3d2e1f0 ixl1_vlan70 state-mismatch');
    const d = ecs(e!);
    expect(d.rule).toEqual({ id: '0f1e2d3c4b5a69788796a5b4c3d2e1f0', ruleset: 'userrules' });
    expect(d.event.reason).toBe('state-mismatch');
    // pf anchors are paths (`outer/inner`): the tracker is what follows the last `/`.
    expect(ecs(makeEvent({ format: 'pfsense-filterlog', rule: '4.3@outer/inner/1000000115 igb0 match' })).rule).toEqual({ id: '1000000115', ruleset: 'outer/inner' });
  });

  it('without a tracker there is no rule.id (the rule number identifies no rule); the reason is still read', () => {
    const [e] = events(filterlogFormat, ['Nov 20 10:00:01 fw filterlog[4242]: 5,,,,igb0,match,block,in,4,0x0,,64,33,0,none,17,udp,60,203.0.113.5,198.51.100.1,1,2,3']);
    expect(e!.rule).toBe('5 igb0 match');
    const d = ecs(e!);
    expect(d).not.toHaveProperty('rule');
    expect(d.event.reason).toBe('match');
  });

  it('a rule text of another shape (no interface or reason logged) is rule.name as logged, not dropped', () => {
    expect(ecs(makeEvent({ format: 'pfsense-filterlog', rule: '5/1000102631' })).rule).toEqual({ name: '5/1000102631' });
  });

  it("logscan's own schema keeps the text as logged; no other format has an event.reason", () => {
    expect(JSON.parse(eventToJson(opnHex!)).rule).toBe('10/02f4bab031b57d1e30553ce08e0ec131 re0 match');
    expect(ecs(makeEvent({ format: 'iptables', rule: '53/1000102631 em0 match' })).event).not.toHaveProperty('reason');
  });
});

// Lines from /work/shared/corpus/other/crowdsec-hub_mikrotik-logs.log (crowdsecurity/hub test data).
describe('MikroTik: the log prefix is rule.name, the chain the rule is in is rule.ruleset', () => {
  const [prefixed, bare] = events(mikrotikFormat, [
    '2023-03-18T20:36:59.594792+01:00 10.120.127.1 firewall,info drop-tcp input: in:ether1-WAN out:(unknown 0), connection-state:new src-mac 00:17:10:88:bc:02, proto TCP (SYN), 36.97.161.219:59388->81.82.202.145:23, len 40',
    '2026-05-31T00:00:18.676257+02:00 gw firewall,info forward: in:WAN out:LAN, connection-state:new src-mac e4:41:64:93:a8:0f, proto UDP, [2001:db8:1234::1]:17850->[2001:db8:1234::2]:51413, len 112',
  ]);

  it('`drop-tcp input`: rule.name drop-tcp, rule.ruleset input', () => {
    expect(prefixed!.rule).toBe('drop-tcp input');
    expect(ecs(prefixed!).rule).toEqual({ name: 'drop-tcp', ruleset: 'input' });
    expect(JSON.parse(eventToJson(prefixed!)).rule).toBe('drop-tcp input');
  });

  it('a rule logged without a prefix names its chain only: no rule.name', () => {
    expect(bare!.rule).toBe('forward');
    expect(ecs(bare!).rule).toEqual({ ruleset: 'forward' });
  });

  it('a chain of your own, and a prefix with spaces in it, are read the same', () => {
    const [own] = events(mikrotikFormat, ['Nov 20 10:00:08 192.0.2.1 firewall,info scan prerouting: in:ether1 out:(unknown 0), proto TCP (FIN,PSH,URG), 203.0.113.9:40000->203.0.113.7:8080, len 40']);
    expect(ecs(own!).rule).toEqual({ name: 'scan', ruleset: 'prerouting' });
    expect(ecs(makeEvent({ format: 'mikrotik', rule: 'drop from WAN input' })).rule).toEqual({ name: 'drop from WAN', ruleset: 'input' });
  });
});

describe("OpenWrt's zone prefixes: the rule as logged, the zone on the side its chain says", () => {
  const MAC = 'MAC=f4:69:42:e4:72:00:00:16:3e:5e:6c:00:08:00';
  const [wanIn, wanForward, wanOut, fw3Src, fw3Dest] = events(iptablesFormat, [
    `Fri Jan  5 12:34:56 2024 kern.warn kernel: [123.456] drop wan in: IN=eth1 OUT= ${MAC} SRC=203.0.113.7 DST=198.51.100.20 LEN=44 TOS=0x00 PREC=0x00 TTL=51 ID=1 PROTO=TCP SPT=47001 DPT=23 WINDOW=1024 RES=0x00 SYN URGP=0 MARK=0`,
    `Fri Jan  5 12:34:57 2024 kern.warn kernel: [124.456] reject wan forward: IN=eth1 OUT=br-lan ${MAC} SRC=203.0.113.7 DST=192.168.1.146 LEN=44 TOS=0x00 PREC=0x00 TTL=51 ID=2 PROTO=TCP SPT=47002 DPT=80 WINDOW=1024 RES=0x00 SYN URGP=0 MARK=0`,
    'Fri Jan  5 12:34:58 2024 kern.warn kernel: [125.456] drop wan out: IN= OUT=eth1 SRC=198.51.100.20 DST=192.0.2.200 LEN=60 TOS=0x00 PREC=0x00 TTL=64 ID=3 DF PROTO=TCP SPT=40112 DPT=6667 WINDOW=64240 RES=0x00 SYN URGP=0 MARK=0',
    `Fri Jan  5 12:34:59 2024 kern.warn kernel: [126.456] DROP(src wan)IN=eth1 OUT= ${MAC} SRC=192.0.2.15 DST=198.51.100.20 LEN=40 TOS=0x00 PREC=0x00 TTL=241 ID=4 PROTO=TCP SPT=43123 DPT=3389 WINDOW=1024 RES=0x00 SYN URGP=0`,
    'Fri Jan  5 12:35:00 2024 kern.warn kernel: [127.456] DROP(dest wan)IN=br-lan OUT=eth1 SRC=192.168.1.146 DST=203.0.113.99 LEN=52 TOS=0x00 PREC=0x00 TTL=63 ID=0 DF PROTO=TCP SPT=50990 DPT=31337 WINDOW=64240 RES=0x00 SYN URGP=0',
  ]);

  it('fw4 `drop wan in:` and `reject wan forward:`: from the wan zone (ingress); `drop wan out:`: to it (egress)', () => {
    expect(ecs(wanIn!).rule).toEqual({ name: 'drop wan in:' });
    expect(ecs(wanIn!).observer.ingress).toEqual({ zone: 'wan', interface: { name: 'eth1' } });
    expect(ecs(wanForward!).observer).toMatchObject({ ingress: { zone: 'wan', interface: { name: 'eth1' } }, egress: { interface: { name: 'br-lan' } } });
    expect(ecs(wanForward!).observer.egress).not.toHaveProperty('zone');
    expect(ecs(wanOut!).observer.egress).toEqual({ zone: 'wan', interface: { name: 'eth1' } });
    expect(ecs(wanOut!).observer).not.toHaveProperty('ingress');
  });

  it('fw3 `DROP(src wan)`: ingress; `DROP(dest wan)`: egress', () => {
    expect(ecs(fw3Src!).rule).toEqual({ name: 'DROP(src wan)' });
    expect(ecs(fw3Src!).observer.ingress).toEqual({ zone: 'wan', interface: { name: 'eth1' } });
    expect(ecs(fw3Dest!).observer).toMatchObject({ ingress: { interface: { name: 'br-lan' } }, egress: { zone: 'wan', interface: { name: 'eth1' } } });
    expect(ecs(fw3Dest!).observer.ingress).not.toHaveProperty('zone');
  });

  it('the verdict comes from the label: drop, reject, accept', () => {
    expect([wanIn, wanForward, wanOut, fw3Src, fw3Dest].map((e) => e!.action)).toEqual(['drop', 'reject', 'drop', 'drop', 'drop']);
    expect(ecs(makeEvent({ rule: 'accept lan forward:', action: 'allow' })).rule).toEqual({ name: 'accept lan forward:' });
  });

  it('text only like them is no zone: another verdict or chain, a missing colon, words around it', () => {
    for (const rule of ['log wan in:', 'drop wan input:', 'drop wan in', 'x drop wan in:', 'DROP(from wan)', 'DROP(src wan) x', 'drop  wan in:']) {
      expect(ecs(makeEvent({ rule })).rule, rule).toEqual({ name: rule });
      expect(JSON.stringify(ecs(makeEvent({ rule })).observer), rule).not.toContain('zone');
    }
  });
});
