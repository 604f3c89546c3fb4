// The Hillstone StoneOS syslog parser, one behaviour per test; the golden fixture
// (test/fixtures/hillstone/firewall.log) covers a whole file.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FirewallEvent } from '../../src/event.js';
import { isConnectionRecord } from '../../src/parsers/connection-records.js';
import { hillstoneAt, hillstoneFormat } from '../../src/parsers/hillstone.js';
import { iptablesFormat } from '../../src/parsers/iptables.js';
import { payloadKind } from '../../src/parsers/payload-dispatch.js';
import { formats } from '../../src/parsers/registry.js';
import { eventToEcs } from '../../src/render/event-json.js';
import { goldenFolders, parseLines, splitLines } from '../helpers/parse.js';
import { countBy, expectNoSampleOrCorpusSniffsAs, expectOwnLogsSniffAs, generatedSample, malformedReason, oneEvent } from '../helpers/format-tests.js';

const FIXTURES = new URL('../fixtures/hillstone/', import.meta.url).pathname;

const HEAD = '<190>Nov 25 13:35:10 2812239202000738(root) ';
// A probe from the Internet denied by policy 16 (the published `policy deny` shape).
const DENIED = HEAD + '4424362f Traffic@FLOW: SESSION: 203.0.113.25:64141->192.168.10.20:445(TCP), interface ethernet0/1, vr trust-vr, policy 16, user -@-, host -, mac 0000.0000.0000, policy deny';
// A LAN client's connection out: its start (the user guide's shape, interfaces after the addresses)...
const STARTED =
  '<188>Nov 25 13:36:44 2812239202000738(root) 4424363e HillstoneNetworks#Traffic@FLOW: SESSION: 192.168.10.200:53262(ethernet0/2)->198.51.100.200:443(ethernet0/1), Protocol TCP, vr trust-vr, policy 11, user -@-, host -, mac 0000.0000.0000, zone from trust to untrust, session start';
// ...and its end.
const ENDED =
  '<190>Nov 25 13:37:03 2812239202000738(root) 44243630 Traffic@FLOW: SESSION: 192.168.10.200:53262->198.51.100.200:443(TCP), application HTTPS, interface ethernet0/2, vr trust-vr, policy 11, user -@-, host -, mac 0000.0000.0000, send packets 11, send bytes 713, receive packets 7, receive bytes 428, start time 2026-11-25 13:36:44, close time 2026-11-25 13:37:03, session end, TCP FIN';
const IPTABLES =
  'Nov 25 13:35:11 gw kernel: [123.456] [UFW BLOCK] IN=eth0 OUT= MAC=00:16:3e:11:22:33:00:16:3e:44:55:66:08:00 SRC=203.0.113.7 DST=198.51.100.2 LEN=40 TOS=0x00 PREC=0x00 TTL=241 ID=54321 PROTO=TCP SPT=47001 DPT=23 WINDOW=1024 RES=0x00 SYN URGP=0';

function one(line: string, tz: string | null = 'Asia/Shanghai'): FirewallEvent {
  return oneEvent(hillstoneFormat, line, { tz });
}

function malformed(line: string): string {
  return malformedReason(hillstoneFormat, line, { tz: 'UTC' });
}

describe('hillstone: reading session records', () => {
  it('policy deny: a dropped packet, the header time in --tz, serial(VSYS) as host, interface, rule; no zones: the direction from the addresses', () => {
    const e = one(DENIED);
    expect([e.time?.toISOString(), e.yearInferred, e.host, e.format, e.proto, e.ipVersion, e.count]).toEqual(['2026-11-25T05:35:10.000Z', true, '2812239202000738(root)', 'hillstone', 'tcp', 4, 1]);
    expect([e.src, e.dst]).toEqual([{ ip: '203.0.113.25', port: 64141 }, { ip: '192.168.10.20', port: 445 }]);
    expect([e.action, e.direction, e.inIface, e.outIface, e.rule, e.tcpFlags, e.icmp]).toEqual(['drop', 'in', 'ethernet0/1', null, 'policy 16', null, null]);
    expect(isConnectionRecord(e)).toBe(false);
  });

  it('session start: a connection record, interfaces from the parentheses, protocol from its item, zones to a direction; ECS rule id and zones', () => {
    const e = one(STARTED);
    expect([e.action, e.direction, e.rule, e.inIface, e.outIface, e.proto, e.dst.port]).toEqual(['allow', 'out', 'policy 11 trust->untrust', 'ethernet0/2', 'ethernet0/1', 'tcp', 443]);
    expect(isConnectionRecord(e)).toBe(true);
    const ecs = JSON.parse(eventToEcs(e)) as { rule: object; observer: { ingress: object; egress: object }; network: { direction: string } };
    expect([ecs.rule, ecs.observer.ingress, ecs.observer.egress]).toEqual([
      { id: '11' },
      { interface: { name: 'ethernet0/2' }, zone: 'trust' },
      { interface: { name: 'ethernet0/1' }, zone: 'untrust' },
    ]);
    // A device between networks: ECS's perimeter view, by the addresses' sides, as for PAN-OS.
    expect([ecs.network.direction, (JSON.parse(eventToEcs(one(DENIED))) as { network: { direction: string } }).network.direction]).toEqual(['outbound', 'inbound']);
  });

  it('a connection counts once: the end of a start read is skipped; an end without its start counts it, at its close time in --tz', () => {
    const other = ENDED.replace('53262', '53263');
    const r = parseLines(hillstoneFormat, [STARTED, ENDED, other], { tz: 'Asia/Shanghai' });
    expect(r.events.map((e) => [e.origin.line, e.action, isConnectionRecord(e)])).toEqual([[1, 'allow', true], [3, 'allow', true]]);
    expect(r.skipped.map((s) => s.reason)).toEqual(['Hillstone session end record: its session start record counts the connection']);
    expect([r.events[1]!.time?.toISOString(), r.events[1]!.yearInferred, r.events[1]!.inIface]).toEqual(['2026-11-25T05:37:03.000Z', false, 'ethernet0/2']);
    // Ends of every kind: TCP RST, Ageout, commas without spaces, a missing comma.
    for (const tail of ['session end, TCP RST', 'session end,Ageout']) expect(one(other.replace('session end, TCP FIN', tail)).action).toBe('allow');
    expect(one(other.replace('user -@-, host -, mac', 'user -@- host - mac').replace(/, (send|receive|start|close)/g, ',$1')).dst.port).toBe(443);
  });

  it('direction from StoneOS default zones; where they say nothing (untrust to untrust, mgt, VPNHub, a zone of the user\'s naming, none) from the addresses', () => {
    // Two public addresses: the zones alone can give this record a direction.
    const PUBLIC = STARTED.replace('192.168.10.200', '192.0.2.200');
    const dir = (from: string, to: string) => one(PUBLIC.replace('zone from trust to untrust', `zone from ${from} to ${to}`)).direction;
    expect([dir('untrust', 'trust'), dir('trust', 'untrust'), dir('trust', 'dmz'), dir('l2-untrust', 'l2-trust'), dir('untrust', 'untrust'), dir('mgt', 'VPNHub'), dir('office', 'untrust')]).toEqual(['in', 'out', 'forward', 'in', null, null, null]);
    const byAddresses = (src: string, dst: string) => one(DENIED.replace('203.0.113.25', src).replace('192.168.10.20', dst)).direction;
    expect([byAddresses('203.0.113.25', '192.168.10.20'), byAddresses('192.168.10.5', '203.0.113.25'), byAddresses('192.168.10.5', '192.168.20.20'), byAddresses('203.0.113.25', '198.51.100.2')]).toEqual(['in', 'out', 'forward', null]);
    expect(one(STARTED.replace('zone from trust to untrust', 'zone from office to lab')).direction).toBe('out');
  });

  it('the trailing \\n\\u0000, written out or as bytes, is cut; a VSYS other than root is part of the host', () => {
    for (const end of ['\\n\\u0000', '\n\u0000', '\u0000']) expect(one(DENIED + end).rule).toBe('policy 16');
    expect(one(DENIED.replace('(root)', '(vsys1)')).host).toBe('2812239202000738(vsys1)');
  });

  it('UDP, IPv6 (the last group the port), [IPv6]:port, ICMP without ports', () => {
    expect(one(DENIED.replace('(TCP)', '(UDP)')).proto).toBe('udp');
    const v6 = one(DENIED.replace('203.0.113.25:64141', '2001:db8:77::9:40022').replace('192.168.10.20:445', '2001:db8:1::10:22'));
    expect([v6.ipVersion, v6.src, v6.dst]).toEqual([6, { ip: '2001:db8:77::9', port: 40022 }, { ip: '2001:db8:1::10', port: 22 }]);
    expect(one(DENIED.replace('203.0.113.25:64141', '[2001:db8:77::9]:40022').replace('192.168.10.20:445', '[2001:db8:1::10]:22')).dst).toEqual({ ip: '2001:db8:1::10', port: 22 });
    const icmp = one(DENIED.replace('203.0.113.25:64141->192.168.10.20:445(TCP)', '203.0.113.25->192.168.10.20(ICMP)'));
    expect([icmp.proto, icmp.src.port, icmp.dst.port, icmp.icmp]).toEqual(['icmp', null, null, null]);
    const icmp6 = one(STARTED.replace('192.168.10.200:53262', '2001:db8::5').replace('198.51.100.200:443', '2001:db8:1::1').replace('Protocol TCP', 'Protocol ICMPv6'));
    expect([icmp6.proto, icmp6.ipVersion, icmp6.src.ip, icmp6.dst.ip]).toEqual(['icmpv6', 6, '2001:db8::5', '2001:db8:1::1']);
  });
});

describe('hillstone: lines skipped and lines malformed', () => {
  it('NAT (both shapes) and other log types are skipped saying the type; other programs are no records', () => {
    const r = parseLines(hillstoneFormat, [
      HEAD + '46083623 Traffic@FLOW: NAT: 192.168.10.40:62338->198.51.100.157:80(TCP), snat to 203.0.113.2:55490, vr trust-vr, user -@UNKNOWN, host -, rule 4',
      HEAD + '46083603 Traffic@FLOW: srcip 203.0.113.170, srcport 54645, dstip 203.0.113.2, dstport 443, protocol TCP, vr trust-vr, nattype dnat, transip 192.168.20.11, transport 443, ruleid 11',
      HEAD + '4424362f Event@MGMT: Admin user "hillstone" logined through SSH, from 192.168.10.4:62434 to 192.168.10.1:22(TCP)',
      HEAD + '42243401 HillstoneNetworks#Config@MGMT: Admin user "hillstone" executed command "policy-global"',
      HEAD + '4c04370a Threat@IPS: From 203.0.113.25:44321(ethernet0/1) to 192.168.20.10:80(ethernet0/3), threat name: x, action: reset',
      '<30>Nov 25 13:41:00 gw ntpd[812]: time reset +0.214 s',
    ]);
    expect([r.events, r.malformed]).toEqual([[], []]);
    expect(r.skipped.map((s) => s.reason)).toEqual([
      ...['Traffic@FLOW NAT', 'Traffic@FLOW NAT', 'Event@MGMT', 'Config@MGMT', 'Threat@IPS'].map((t) => `Hillstone log of type '${t}': not a session record`),
      'not a firewall record',
    ]);
  });

  it('a needed part missing or unreadable is malformed', () => {
    expect(malformed(DENIED.replace('192.168.10.20', '192.168.10.x'))).toBe("dst: invalid address '192.168.10.x'");
    expect(malformed(DENIED.replace(':445(', ':99999('))).toBe("dst port: invalid port '99999'");
    expect(malformed(DENIED.replace(':445(', '('))).toBe('dst port: missing');
    expect(malformed(DENIED.replace(':64141', ''))).toBe('src port: missing');
    expect(malformed(DENIED.replace('->', ' '))).toBe('SESSION: expected src:port->dst:port');
    expect(malformed(DENIED.replace('(TCP)', ''))).toBe('protocol: missing');
    expect(malformed(DENIED.replace(', policy deny', ''))).toBe('verdict: missing');
    expect(malformed(DENIED.replace('192.168.10.20:445', '2001:db8::20:445'))).toBe('dst: address family differs from src');
    expect(malformed(ENDED.replace('close time 2026-11-25', 'close time 2026-11-31'))).toBe('close time: impossible date (Nov 31)');
    expect(malformed(ENDED.replace('close time 2026-11-25 13:37:03', 'close time 11/25/2026 13:37'))).toBe("close time: invalid '11/25/2026 13:37'");
  });
});

describe('hillstone: sniffing and mixed files', () => {
  it('its own logs sniff as hillstone with high confidence', () => {
    expectOwnLogsSniffAs(FIXTURES, ['firewall.log', 'sample/sg6000.log'], 'hillstone', 0.95);
    // A relay that wrote its own name for the host: the session records still say whose they are.
    const relayed = [DENIED, ENDED].map((l) => l.replace('2812239202000738(root)', 'loghost'));
    expect(hillstoneFormat.sniff(relayed)).toBe(1);
    expect(hillstoneFormat.sniff([HEAD.replace('2812239202000738(root)', 'loghost') + '4424362f Event@MGMT: Admin user "x" logined'])).toBe(0);
  });

  it("every other format's examples and fixtures, the samples and the corpus do not look like a Hillstone log; its lines are no other format's", () => {
    for (const f of formats) if (f !== hillstoneFormat) expect([f.id, hillstoneFormat.sniff(f.examples), f.sniff(hillstoneFormat.examples)]).toEqual([f.id, 0, 0]);
    for (const { dir, format } of goldenFolders()) {
      if (format === hillstoneFormat) continue;
      for (const n of readdirSync(dir).filter((x) => x.endsWith('.log'))) {
        const lines = splitLines(readFileSync(join(dir, n), 'utf8')).filter((l) => l.trim() !== '').slice(0, 50);
        expect([format.id, n, hillstoneFormat.sniff(lines)]).toEqual([format.id, n, 0]);
        for (const l of lines) expect([n, l, payloadKind(l, 0, l.length)]).not.toEqual([n, l, 'hillstone']);
      }
    }
    expectNoSampleOrCorpusSniffsAs(hillstoneFormat);
  });

  it('a loghost file of iptables and Hillstone lines: each line is read by its own payload, whichever format the file is read as', () => {
    const lines = [IPTABLES, DENIED, STARTED, IPTABLES];
    for (const f of [iptablesFormat, hillstoneFormat]) {
      const r = parseLines(f, lines, { tz: 'UTC' });
      expect(r.malformed).toEqual([]);
      expect(r.events.map((e) => e.format)).toEqual(['iptables', 'hillstone', 'hillstone', 'iptables']);
    }
    const at = DENIED.indexOf('4424362f');
    const type = DENIED.indexOf('Traffic@');
    expect([hillstoneAt(DENIED, at, DENIED.length), hillstoneAt(DENIED, at, type + 12), hillstoneAt(DENIED, at + 1, DENIED.length - 1)]).toEqual([type, -1, type]);
    expect(hillstoneAt('4424362f user@HOST said: hi', 0, 27)).toBe(-1);
  });
});

describe('hillstone: the sample log', () => {
  it('is what make-sample.mjs writes, and reads with nothing malformed', () => {
    const text = generatedSample(FIXTURES, 'sample/sg6000.log');
    const r = parseLines(hillstoneFormat, splitLines(text), { tz: 'Asia/Shanghai' });
    expect(r.malformed).toEqual([]);
    expect(r.skipped).toHaveLength(97);
    expect(r.events).toHaveLength(272);
    const by = (k: (e: FirewallEvent) => string) => countBy(r.events, k);
    expect(by((e) => e.action)).toEqual({ drop: 192, allow: 80 });
    expect(by((e) => String(e.direction))).toEqual({ in: 179, out: 71, null: 22 });
    expect(r.events.filter(isConnectionRecord)).toHaveLength(80);
  });
});
