// The Zyxel ZLD parser, one behaviour per test; the golden fixture
// (test/fixtures/zyxel/firewall.log) covers a whole file.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FirewallEvent } from '../../src/event.js';
import { isConnectionRecord } from '../../src/parsers/connection-records.js';
import { iptablesFormat } from '../../src/parsers/iptables.js';
import { payloadKind } from '../../src/parsers/payload-dispatch.js';
import { formats } from '../../src/parsers/registry.js';
import { zyxelAt, zyxelFormat } from '../../src/parsers/zyxel.js';
import { eventToEcs } from '../../src/render/event-json.js';
import { parseLines, splitLines } from '../helpers/parse.js';
import { countBy, expectNoSampleOrCorpusSniffsAs, expectOwnLogsSniffAs, generatedSample, malformedReason, oneEvent } from '../helpers/format-tests.js';

const FIXTURES = new URL('../fixtures/zyxel/', import.meta.url).pathname;

const ACL = 'user="unknown" devID="00a0c5123456" cat="Firewall" class="Access Control" ob="0" ob_mac="000000000000"';
// USG FLEX: the default rule's drop of a telnet probe, the year after the clock, no protocol.
const FLEX = '<142>Nov 20 06:25:01 2026 usgflex500 src="203.0.113.7:41234" dst="198.51.100.2:23" msg="Match default rule DROP" note="ACCESS BLOCK" user="" devID="00a0c5123456" cat="Security Policy Control" action="Drop"';
// Older ZLD: a policy's drop from WAN to the firewall itself, its protocol number and zones.
const BLOCKED = `<134>Nov 20 06:25:09 usg60 src="192.0.2.44:5353" dst="198.51.100.2:161" msg="priority:1, from WAN to ZyWALL, UDP, service others, DROP" note="ACCESS BLOCK" ${ACL} dir="WAN:ZyWALL" protoID=17 proto="others"`;
// A LAN client's connection out, forwarded by a policy that logs...
const FORWARD = `<134>Nov 20 06:26:02 usg60 src="192.168.1.23:50514" dst="198.51.100.80:443" msg="priority:5, from LAN1 to WAN, TCP, service HTTPS, ACCEPT" note="ACCESS FORWARD" ${ACL} dir="LAN1:WAN" protoID=6 proto="HTTPS"`;
// ...and the same session's end.
const TRAFFIC = '<134>Nov 20 06:26:16 usg60 src="192.168.1.23:50514" dst="198.51.100.80:443" msg="Traffic Log" note="Traffic Log" user="unknown" devID="00a0c5123456" cat="Traffic Log" duration=14 sent=2314 rcvd=5266 dir="LAN1:WAN" protoID=6 proto="https"';
const IPTABLES =
  'Nov 20 06:25:01 gw kernel: [123.456] [UFW BLOCK] IN=eth0 OUT= MAC=00:16:3e:11:22:33:00:16:3e:44:55:66:08:00 SRC=203.0.113.7 DST=198.51.100.2 LEN=40 TOS=0x00 PREC=0x00 TTL=241 ID=54321 PROTO=TCP SPT=47001 DPT=23 WINDOW=1024 RES=0x00 SYN URGP=0';

function one(line: string, tz: string | null = 'Europe/Berlin'): FirewallEvent {
  return oneEvent(zyxelFormat, line, { tz });
}

function malformed(line: string): string {
  return malformedReason(zyxelFormat, line, { tz: 'UTC' });
}

describe('zyxel: reading a firewall record', () => {
  it('USG FLEX: the header time in --tz with the year after the clock, host, addresses and ports, drop, no protocol named: other', () => {
    const e = one(FLEX);
    expect([e.time?.toISOString(), e.yearInferred, e.host, e.format, e.proto, e.ipVersion, e.count]).toEqual(['2026-11-20T05:25:01.000Z', false, 'usgflex500', 'zyxel', 'other', 4, 1]);
    expect([e.src, e.dst]).toEqual([{ ip: '203.0.113.7', port: 41234 }, { ip: '198.51.100.2', port: 23 }]);
    expect([e.action, e.direction, e.rule, e.tcpFlags]).toEqual(['drop', null, 'priority default', null]);
    expect(isConnectionRecord(e)).toBe(false);
  });

  it('older ZLD: protoID, the priority and dir as the rule, WAN to ZyWALL in; ECS rule id and the ingress zone only', () => {
    const e = one(BLOCKED);
    expect([e.action, e.direction, e.rule, e.proto, e.dst.port]).toEqual(['drop', 'in', 'priority 1 WAN->ZyWALL', 'udp', 161]);
    const ecs = JSON.parse(eventToEcs(e)) as { rule: object; observer: { ingress?: object; egress?: object } };
    expect([ecs.rule, ecs.observer.ingress, ecs.observer.egress]).toEqual([{ id: '1' }, { zone: 'WAN' }, undefined]);
  });

  it('ACCESS FORWARD is a connection record; a traffic log of a forward read is skipped, one without counts the connection', () => {
    const r = parseLines(zyxelFormat, [FORWARD, TRAFFIC, TRAFFIC.replace(/50514/g, '50515')], { tz: 'UTC' });
    expect(r.events.map((e) => [e.origin.line, e.action, e.direction, e.rule, isConnectionRecord(e)])).toEqual([
      [1, 'allow', 'out', 'priority 5 LAN1->WAN', true],
      [3, 'allow', 'out', 'priority - LAN1->WAN', true],
    ]);
    expect(r.skipped.map((s) => s.reason)).toEqual(["Zyxel traffic log (a session's end): its ACCESS FORWARD record counts the connection"]);
  });

  it('verdict: the message\'s REJECT before the note, the action field when neither says one; a Firewall record with none is skipped', () => {
    expect(one(BLOCKED.replace(', DROP"', ', REJECT"')).action).toBe('reject');
    expect(one(FLEX.replace('msg="Match default rule DROP" note="ACCESS BLOCK"', 'msg="Match default rule" note=""')).action).toBe('drop');
    const r = parseLines(zyxelFormat, [`<134>Nov 20 06:31:30 usg60 src="0.0.0.0" dst="0.0.0.0" msg="Firewall has been disabled." note="CONFIG CHANGE" ${ACL}`], { tz: 'UTC' });
    expect(r.skipped.map((s) => s.reason)).toEqual(["Zyxel firewall record with note 'CONFIG CHANGE': no block or forward verdict"]);
  });

  it('a record of repeats ZLD folded counts them all, its verdict before the count; the category ZyWall is the firewall\'s too', () => {
    const e = one(BLOCKED.replace(', DROP"', ', DROP [count=3]"').replace('cat="Firewall"', 'cat="ZyWall"'));
    expect([e.action, e.count, e.rule]).toEqual(['drop', 3, 'priority 1 WAN->ZyWALL']);
    expect(one(FLEX.replace('msg="Match default rule DROP"', 'msg="Match default rule, DROP [count=12]"')).count).toBe(12);
    // Not a count: the bracket stays part of the message, the note decides.
    expect([one(FLEX.replace('rule DROP"', 'rule DROP [count=x]"')).count, one(FLEX.replace('rule DROP"', 'rule DROP [count=x]"')).action]).toEqual([1, 'drop']);
  });

  it('direction from dir (else the message\'s from/to) by the zyxel zone names; names of the user\'s own, or none, by the addresses\' sides', () => {
    const dir = (d: string) => one(FORWARD.replace('dir="LAN1:WAN"', `dir="${d}"`)).direction;
    expect([dir('lan2:wan1'), dir('WAN:LAN1'), dir('WAN1:DMZ'), dir('ZyWALL:WAN'), dir('LAN1:Device'), dir('P5-Phones:P2-Uplink'), dir('WAN:WAN'), dir('LAN1:SSL_VPN')]).toEqual(['out', 'forward', 'forward', 'out', 'in', 'out', 'forward', 'out']);
    // USG FLEX's default rule names no zone: a LAN client out; the Internet to the firewall's own public address says nothing (--home-net does).
    expect(one(FLEX.replace('203.0.113.7:41234', '192.168.1.9:41234')).direction).toBe('out');
    expect(one(FLEX).direction).toBe(null);
    expect(one(FORWARD.replace(' dir="LAN1:WAN"', '')).direction).toBe('out');
    // USG FLEX's bare dir and mixed-case keys it does not read.
    const flex = one('<142>May 22 17:24:03 2026 usgflex500 src="192.168.68.61:53090" dst="198.51.100.10:443" msg="Traffic Log" note="" user="admin" devID="00a0c5123456" cat="Traffic Log" action="" sourceTranslatedAddress=203.0.113.2 sourceTranslatedPort=53090 suser=admin sent=930790 rcvd=35808 dir=LAN1:WAN1 protoID=6 proto=https mac=02:00:5e:10:00:01');
    expect([flex.action, flex.direction, flex.rule, flex.proto, flex.time?.toISOString()]).toEqual(['allow', 'out', 'priority - LAN1->WAN1', 'tcp', '2026-05-22T15:24:03.000Z']);
  });

  it('ICMP type from the message, no ports; IPv6 in brackets with its port, bare without; ICMPv6 from protoID 58 or ICMP with IPv6 addresses', () => {
    const icmp = one(BLOCKED.replace('src="192.0.2.44:5353" dst="198.51.100.2:161"', 'src="192.0.2.44" dst="198.51.100.2"').replace('UDP,', 'ICMP Type:3 Code:1,').replace('protoID=17', 'protoID=1'));
    expect([icmp.proto, icmp.icmp, icmp.src.port, icmp.dst.port]).toEqual(['icmp', { type: 3, code: 1, embedded: null }, null, null]);
    const v6 = one(BLOCKED.replace('192.0.2.44:5353', '[2001:db8:77::9]:51000').replace('198.51.100.2:161', '[2001:db8:1::10]:22'));
    expect([v6.ipVersion, v6.src, v6.dst]).toEqual([6, { ip: '2001:db8:77::9', port: 51000 }, { ip: '2001:db8:1::10', port: 22 }]);
    const bare = one(BLOCKED.replace('192.0.2.44:5353', '2001:db8:77::9').replace('198.51.100.2:161', '2001:db8:1::10').replace('UDP,', 'ICMP Type:128,').replace('protoID=17', ''));
    expect([bare.proto, bare.icmp?.type, bare.src.port]).toEqual(['icmpv6', 128, null]);
  });

  it('time: a header without the year has it inferred; with an impossible one it is malformed; a four-digit host is no year', () => {
    expect(one(FLEX.replace(' 2026 ', ' ')).yearInferred).toBe(true);
    expect(malformed(FLEX.replace('Nov 20 06:25:01 2026', 'Feb 30 06:25:01 2026'))).toMatch(/impossible date/);
    const host = one(FLEX.replace(' 2026 usgflex500 ', ' 2999 '));
    expect([host.host, host.yearInferred]).toEqual(['2999', true]);
  });
});

describe('zyxel: lines skipped and lines malformed', () => {
  it('other categories are skipped saying the category; other programs are no records', () => {
    const cat = (c: string) => FLEX.replace('cat="Security Policy Control"', `cat="${c}"`);
    const r = parseLines(zyxelFormat, [cat('IDP'), cat('Sessions Limit'), cat('IPSec VPN'), cat('User'), '<30>Nov 20 06:41:00 usg60 ntpd[812]: time reset +0.214 s']);
    expect([r.events, r.malformed]).toEqual([[], []]);
    expect(r.skipped.map((s) => s.reason)).toEqual([
      ...['IDP', 'Sessions Limit', 'IPSec VPN', 'User'].map((c) => `Zyxel log of category '${c}': not a firewall or traffic record`),
      'not a firewall record',
    ]);
  });

  it('a needed field missing or unreadable is malformed', () => {
    expect(malformed(FLEX.replace('src="203.0.113.7:41234"', 'src=""'))).toBe('src: missing');
    expect(malformed(FLEX.replace(' dst="198.51.100.2:23"', ''))).toBe('dst: missing');
    expect(malformed(FLEX.replace('203.0.113.7:41234', '203.0.113.7.9:41234'))).toBe("src: invalid address '203.0.113.7.9:41234'");
    expect(malformed(FLEX.replace('198.51.100.2:23', '198.51.100.2:99999'))).toBe("dst: invalid port '99999'");
    expect(malformed(FLEX.replace('198.51.100.2:23', '[2001:db8::10]:23'))).toBe('dst: address family differs from src');
    expect(malformed(FLEX.replace('198.51.100.2:23', '[2001:db8::10:23'))).toBe("dst: invalid address '[2001:db8::10:23'");
    expect(malformed(BLOCKED.replace('protoID=17', 'protoID=300'))).toBe("protoID: not a protocol number '300'");
    expect(malformed(FLEX.replace(' cat="Security Policy Control" action="Drop"', ' cat="Security Pol'))).toBe('cat: unclosed "');
  });

  it('a record cut before its cat (a full disk, a relay\'s size limit) is malformed with its reason, not passed over', () => {
    const at = (text: string) => FLEX.slice(0, FLEX.indexOf(text));
    expect(malformed(at(' cat="'))).toBe('cat: missing');
    expect(malformed(at('Match default'))).toBe('msg: unclosed "');
    expect(malformed(at(' dst="'))).toBe('cat: missing');
    // The dispatcher, asked of other formats' lines, still wants both fields.
    expect(zyxelAt(at(' cat="'), FLEX.indexOf('src="'), at(' cat="').length)).toBe(-1);
  });
});

describe('zyxel: sniffing and mixed files', () => {
  it('its own logs sniff as zyxel with high confidence; ZyNOS\'s event log, ob and ob_mac before the message, too', () => {
    expectOwnLogsSniffAs(FIXTURES, ['firewall.log', 'sample/usgflex500.log'], 'zyxel', 0.95);
    const zynos = '<134>Nov 20 06:25:09 zywall35 src="192.0.2.44:5353" dst="198.51.100.2:161" ob="0" ob_mac="000000000000" msg="Firewall default policy: UDP (W to W/ZW)" note="ACCESS BLOCK" devID="00a0c5123456" cat="Access Control"';
    expect(zyxelFormat.sniff([zynos, zynos])).toBeGreaterThan(0.9);
    expect(one(zynos).action).toBe('drop');
  });

  it("every other format's examples, the samples and the corpus do not look like a ZLD log, nor are their lines dispatched to it", () => {
    for (const f of formats) if (f !== zyxelFormat) expect([f.id, zyxelFormat.sniff(f.examples)]).toEqual([f.id, 0]);
    for (const f of formats) if (f !== zyxelFormat) expect([f.id, f.sniff(zyxelFormat.examples)]).toEqual([f.id, 0]);
    expectNoSampleOrCorpusSniffsAs(zyxelFormat);
    for (const f of formats) for (const ex of f.examples) if (f !== zyxelFormat) expect([f.id, payloadKind(ex, 0, ex.length)]).not.toEqual([f.id, 'zyxel']);
  });

  it("no other format's fixture or sample log (its first 50 lines) sniffs as a ZLD log", () => {
    const root = new URL('../fixtures/', import.meta.url).pathname;
    const logs: string[] = [];
    const walk = (dir: string): void => {
      for (const n of readdirSync(dir)) {
        const p = join(dir, n);
        if (statSync(p).isDirectory()) walk(p);
        else if (n.endsWith('.log')) logs.push(p);
      }
    };
    for (const d of readdirSync(root)) if (d !== 'zyxel' && statSync(join(root, d)).isDirectory()) walk(join(root, d));
    expect(logs.length).toBeGreaterThan(40);
    for (const f of logs) {
      const lines = splitLines(readFileSync(f, 'utf8')).filter((l) => l.trim() !== '').slice(0, 50);
      expect([f, zyxelFormat.sniff(lines)]).toEqual([f, 0]);
    }
  });

  it('a loghost file of iptables and ZLD lines: each line is read by its own payload, whichever format the file is read as', () => {
    const lines = [IPTABLES, FLEX, FORWARD, IPTABLES];
    for (const f of [iptablesFormat, zyxelFormat]) {
      const r = parseLines(f, lines, { tz: 'UTC' });
      expect(r.malformed).toEqual([]);
      expect(r.events.map((e) => e.format)).toEqual(['iptables', 'zyxel', 'zyxel', 'iptables']);
    }
    const at = FLEX.indexOf('src="');
    expect([zyxelAt(FLEX, at, FLEX.length), zyxelAt(FLEX, at, at + 40), zyxelAt(FLEX, at + 1, FLEX.length)]).toEqual([at, -1, -1]);
  });
});

describe('zyxel: the sample log', () => {
  it('is what make-sample.mjs writes, and reads with nothing malformed', () => {
    const text = generatedSample(FIXTURES, 'sample/usgflex500.log');
    const r = parseLines(zyxelFormat, splitLines(text), { tz: 'UTC' });
    expect(r.malformed).toEqual([]);
    expect(r.skipped).toHaveLength(69);
    expect(r.events).toHaveLength(293);
    const by = (k: (e: FirewallEvent) => string) => countBy(r.events, k);
    expect(by((e) => e.action)).toEqual({ drop: 207, allow: 86 });
    expect(by((e) => String(e.direction))).toEqual({ null: 157, out: 86, in: 36, forward: 14 });
    expect(r.events.filter(isConnectionRecord)).toHaveLength(86);
  });
});
