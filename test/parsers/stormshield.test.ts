// The Stormshield Network Security (SNS) audit log parser, one behaviour per test; the golden
// fixture (test/fixtures/stormshield/firewall.log) covers a whole file.
import { describe, expect, it } from 'vitest';
import type { FirewallEvent } from '../../src/event.js';
import { isConnectionRecord } from '../../src/parsers/connection-records.js';
import { iptablesFormat } from '../../src/parsers/iptables.js';
import { payloadKind } from '../../src/parsers/payload-dispatch.js';
import { formats } from '../../src/parsers/registry.js';
import { sonicwallFormat } from '../../src/parsers/sonicwall.js';
import { stormshieldAt, stormshieldFormat } from '../../src/parsers/stormshield.js';
import { eventToEcs } from '../../src/render/event-json.js';
import { parseLines, splitLines } from '../helpers/parse.js';
import { countBy, expectNoSampleOrCorpusSniffsAs, expectOwnLogsSniffAs, generatedSample, malformedReason, oneEvent } from '../helpers/format-tests.js';

const FIXTURES = new URL('../fixtures/stormshield/', import.meta.url).pathname;

const HEAD = '<134>1 2026-11-20T06:25:01+01:00 SN210W asqd - - - ';
// A telnet probe from the Internet to a LAN host, blocked by the filter (the brief's shape).
const BLOCKED =
  HEAD + 'id=firewall time="2026-11-20 06:25:01" fw="SN210W" tz=+0100 startime="2026-11-20 06:25:01" pri=5 confid=01 slotlevel=2 ruleid=7 srcif="Ethernet0" srcifname="out" ipproto=tcp dstif="Ethernet1" dstifname="in" proto=telnet src=203.0.113.7 srcport=41234 srcportname=ephemeral_fw_tcp dst=192.168.1.10 dstport=23 dstportname=telnet ipv=4 action=block logtype="filter"';
// A LAN client's connection out, passed by a rule logged at the Advanced level (filter log)...
const PASSED =
  HEAD + 'id=firewall time="2026-11-20 06:29:58" fw="SN210W" tz=+0100 startime="2026-11-20 06:29:58" pri=5 confid=01 slotlevel=2 ruleid=3 rulename="LAN to Internet" srcif="Ethernet1" srcifname="in" ipproto=tcp dstif="Ethernet0" dstifname="out" proto=https src=192.168.1.23 srcport=50514 dst=198.51.100.80 dstport=443 ipv=4 sent=0 rcvd=0 duration=0.00 action=pass logtype="filter"';
// ...and the same connection's end (connection log).
const ENDED = PASSED.replace('time="2026-11-20 06:29:58"', 'time="2026-11-20 06:30:12"').replace('sent=0 rcvd=0 duration=0.00', 'modsrc=203.0.113.2 sent=2314 rcvd=5266 duration=14.02').replace('logtype="filter"', 'logtype="connection"');
const IPTABLES =
  'Nov 20 06:25:01 gw kernel: [123.456] [UFW BLOCK] IN=eth0 OUT= MAC=00:16:3e:11:22:33:00:16:3e:44:55:66:08:00 SRC=203.0.113.7 DST=198.51.100.2 LEN=40 TOS=0x00 PREC=0x00 TTL=241 ID=54321 PROTO=TCP SPT=47001 DPT=23 WINDOW=1024 RES=0x00 SYN URGP=0';

function one(line: string, tz: string | null = 'Europe/Berlin'): FirewallEvent {
  return oneEvent(stormshieldFormat, line, { tz });
}

function malformed(line: string): string {
  return malformedReason(stormshieldFormat, line, { tz: 'UTC' });
}

describe('stormshield: reading a filter record', () => {
  it('time at tz, fw as host, addresses, ports, interfaces, rule, block → drop, out → in forward, one packet', () => {
    const e = one(BLOCKED);
    expect([e.time?.toISOString(), e.yearInferred, e.host, e.format, e.proto, e.ipVersion, e.count]).toEqual(['2026-11-20T05:25:01.000Z', false, 'SN210W', 'stormshield', 'tcp', 4, 1]);
    expect([e.src, e.dst]).toEqual([{ ip: '203.0.113.7', port: 41234 }, { ip: '192.168.1.10', port: 23 }]);
    expect([e.action, e.direction, e.inIface, e.outIface, e.rule, e.tcpFlags]).toEqual(['drop', 'forward', 'Ethernet0', 'Ethernet1', 'rule 7 out->in', null]);
    expect(isConnectionRecord(e)).toBe(false);
  });

  it('a pass is a connection record, going out from in to out, the rule with its name; ECS rule id, name, zones and interfaces', () => {
    const e = one(PASSED);
    expect([e.action, e.direction, e.rule]).toEqual(['allow', 'out', 'rule 3 "LAN to Internet" in->out']);
    expect(isConnectionRecord(e)).toBe(true);
    const ecs = JSON.parse(eventToEcs(e)) as { rule: object; observer: { ingress: object; egress: object; hostname?: string } };
    expect([ecs.rule, ecs.observer.ingress, ecs.observer.egress]).toEqual([
      { id: '3', name: 'LAN to Internet' },
      { interface: { name: 'Ethernet1' }, zone: 'in' },
      { interface: { name: 'Ethernet0' }, zone: 'out' },
    ]);
  });

  it('a connection counts once: the connection record of a pass read is skipped; one without its pass counts it', () => {
    const r = parseLines(stormshieldFormat, [PASSED, ENDED, ENDED.replace('srcport=50514', 'srcport=50515')], { tz: 'UTC' });
    expect(r.events.map((e) => [e.origin.line, e.action, isConnectionRecord(e)])).toEqual([[1, 'allow', true], [3, 'allow', true]]);
    expect(r.skipped.map((s) => s.reason)).toEqual(['Stormshield connection record: its filter record (the pass) counts the connection']);
    // The plugin log (a connection an application plugin analysed) is a connection's end too.
    const plugin = parseLines(stormshieldFormat, [PASSED, ENDED.replace('logtype="connection"', 'logtype="plugin"')], { tz: 'UTC' });
    expect([plugin.events.length, plugin.skipped.length]).toEqual([1, 1]);
  });

  it('an empty action (the Log action) is no verdict: other; a blocked connection record is a drop', () => {
    expect(one(BLOCKED.replace('action=block', 'action=')).action).toBe('other');
    const c = one(BLOCKED.replace('logtype="filter"', 'logtype="connection"'));
    expect([c.action, isConnectionRecord(c)]).toEqual(['drop', false]);
  });

  it('direction: to a Firewall_ object in, from one out, naming the firewall in the rule; interface names it does not know null', () => {
    const toFw = one(BLOCKED.replace(' dstif="Ethernet1" dstifname="in"', '').replace('dst=192.168.1.10', 'dst=203.0.113.2 dstname=Firewall_out'));
    expect([toFw.direction, toFw.rule, toFw.outIface]).toEqual(['in', 'rule 7 out->firewall', null]);
    expect((JSON.parse(eventToEcs(toFw)) as { observer: { egress?: object } }).observer.egress).toBeUndefined();
    const fromFw = one(PASSED.replace(' srcif="Ethernet1" srcifname="in"', '').replace('src=192.168.1.23', 'src=203.0.113.2 srcname=Firewall_out'));
    expect([fromFw.direction, fromFw.rule]).toEqual(['out', 'rule 3 "LAN to Internet" firewall->out']);
    const dir = (from: string, to: string) => one(PASSED.replace('srcifname="in"', `srcifname="${from}"`).replace('dstifname="out"', `dstifname="${to}"`)).direction;
    expect([dir('in', 'dmz1'), dir('dmz2', 'out'), dir('out', 'dmz1'), dir('lab', 'guest'), dir('out', 'out')]).toEqual(['forward', 'out', 'forward', null, null]);
    expect(one(BLOCKED.replace(' dstif="Ethernet1" dstifname="in"', '')).direction).toBeNull();
  });

  it('ICMP type and code, ICMPv6 from ipproto=icmp with IPv6 addresses, UDP', () => {
    const icmp = one(BLOCKED.replace('ipproto=tcp', 'ipproto=icmp icmptype=8 icmpcode=0').replace(/ srcport=\S+ srcportname=\S+/, '').replace(/ dstport=\S+ dstportname=\S+/, ''));
    expect([icmp.proto, icmp.icmp, icmp.src.port, icmp.dst.port]).toEqual(['icmp', { type: 8, code: 0, embedded: null }, null, null]);
    const v6 = one(BLOCKED.replace('ipproto=tcp', 'ipproto=icmp icmptype=128 icmpcode=0').replace('203.0.113.7', '2001:db8:77::9').replace('192.168.1.10', '2001:db8:1::10').replace('ipv=4', 'ipv=6'));
    expect([v6.proto, v6.ipVersion, v6.icmp?.type]).toEqual(['icmpv6', 6, 128]);
    expect(one(BLOCKED.replace('ipproto=tcp', 'ipproto=udp')).proto).toBe('udp');
  });

  it('time: without tz in --tz, without time the header\'s; behind a BSD header with its program tag; alone', () => {
    expect(one(BLOCKED.replace(' tz=+0100', ''), 'Asia/Tokyo').time?.toISOString()).toBe('2026-11-19T21:25:01.000Z');
    expect(one(BLOCKED.replace('time="2026-11-20 06:25:01" ', '')).time?.toISOString()).toBe('2026-11-20T05:25:01.000Z');
    const body = BLOCKED.slice(HEAD.length);
    for (const line of [`Nov 20 06:25:01 SN210W asqd[812]: ${body}`, `Nov 20 06:25:01 SN210W asqd: ${body}`, body, `<134>${body}`]) {
      const e = one(line);
      expect([e.time?.toISOString(), e.host, e.action]).toEqual(['2026-11-20T05:25:01.000Z', 'SN210W', 'drop']);
    }
  });

  it('fields it does not need (stats keys with brackets, app ids, quoted messages) are passed over', () => {
    const e = one(PASSED.replace(' action=pass', ' clientappid=firefox serverappid=google msg="a \\"quoted\\" word" Byte(i/o)=1/2 Rule2:8=5 action=pass'));
    expect([e.action, e.rule, e.dst.ip]).toEqual(['allow', 'rule 3 "LAN to Internet" in->out', '198.51.100.80']);
  });
});

describe('stormshield: lines skipped and lines malformed', () => {
  it('other log types (alarm, system, web, filterstat, count) are skipped saying the type; other programs are no records', () => {
    const r = parseLines(stormshieldFormat, [
      BLOCKED.replace('logtype="filter"', 'class=protocol alarmid=157 msg="Possible port scan" logtype="alarm"'),
      HEAD + 'id=firewall time="2026-11-20 06:38:30" fw="SN210W" tz=+0100 startime="2026-11-20 06:38:30" pri=5 service=routerd msg="routerd reloaded" logtype="system"',
      BLOCKED.replace('action=block logtype="filter"', 'action=pass logtype="web"'),
      HEAD + 'id=firewall time="2026-11-20 06:39:30" fw="SN210W" tz=+0100 startime="2026-11-20 06:39:30" Accepted=289 Byte(i/o)=97364/145065 logtype="filterstat"',
      HEAD + 'id=firewall time="2026-11-20 06:40:00" fw="SN210W" tz=+0100 startime="2026-11-20 06:40:00" Rule2:8=1612 logtype="count"',
      '<30>Nov 20 06:41:00 SN210W ntpd[812]: time reset +0.214 s',
    ]);
    expect([r.events, r.malformed]).toEqual([[], []]);
    expect(r.skipped.map((s) => s.reason)).toEqual([
      ...['alarm', 'system', 'web', 'filterstat', 'count'].map((t) => `Stormshield log of type '${t}': not a filter or connection record`),
      'not a firewall record',
    ]);
  });

  it('a needed field missing or unreadable is malformed', () => {
    expect(malformed(BLOCKED.replace('203.0.113.7', '203.0.113.7.9'))).toBe("src: invalid address '203.0.113.7.9'");
    expect(malformed(BLOCKED.replace('ipproto=tcp ', ''))).toBe('ipproto: missing');
    expect(malformed(BLOCKED.replace(/ dstport=\S+/, ''))).toBe('dstport: missing');
    expect(malformed(BLOCKED.replace('192.168.1.10', '2001:db8::10'))).toBe('dst: address family differs from src');
    expect(malformed(BLOCKED.replace(' action=block', ''))).toBe('action: missing');
    expect(malformed(BLOCKED.replace('2026-11-20 06:25:01"', '11/20/2026 06:25:01"'))).toBe("time: invalid '11/20/2026 06:25:01'");
    expect(malformed(BLOCKED.replace('tz=+0100', 'tz=+2500'))).toBe('tz: impossible UTC offset');
    expect(malformed(BLOCKED.replace('tz=+0100', 'tz=CET'))).toBe("tz: invalid 'CET'");
    expect(malformed(BLOCKED.replace('06:25:01" fw', '25:25:01" fw'))).toBe('time: impossible time (hour 25)');
    expect(malformed(BLOCKED.replace('logtype="filter"', 'logtype="filter'))).toBe('logtype: unclosed "');
  });
});

describe('stormshield: sniffing and mixed files', () => {
  it('its own logs sniff as stormshield with high confidence', () => {
    expectOwnLogsSniffAs(FIXTURES, ['firewall.log', 'sample/sn210w.log'], 'stormshield', 0.95);
  });

  it("every other format's examples, the samples and the corpus do not look like an SNS log; SonicOS's id=firewall records stay SonicWall's", () => {
    for (const f of formats) if (f !== stormshieldFormat) expect([f.id, stormshieldFormat.sniff(f.examples)]).toEqual([f.id, 0]);
    expectNoSampleOrCorpusSniffsAs(stormshieldFormat);
    expect(sonicwallFormat.sniff(stormshieldFormat.examples)).toBe(0);
    for (const ex of sonicwallFormat.examples) expect(payloadKind(ex, 0, ex.length)).not.toBe('stormshield');
  });

  it('a loghost file of iptables and SNS lines: each line is read by its own payload, whichever format the file is read as', () => {
    const lines = [IPTABLES, BLOCKED, PASSED, IPTABLES];
    for (const f of [iptablesFormat, stormshieldFormat]) {
      const r = parseLines(f, lines, { tz: 'UTC' });
      expect(r.malformed).toEqual([]);
      expect(r.events.map((e) => e.format)).toEqual(['iptables', 'stormshield', 'stormshield', 'iptables']);
    }
    const at = BLOCKED.indexOf('id=firewall');
    expect([stormshieldAt(BLOCKED, at, BLOCKED.length), stormshieldAt(BLOCKED, at, BLOCKED.length - 20)]).toEqual([at, -1]);
  });
});

describe('stormshield: the sample log', () => {
  it('is what make-sample.mjs writes, and reads with nothing malformed', () => {
    const text = generatedSample(FIXTURES, 'sample/sn210w.log');
    const r = parseLines(stormshieldFormat, splitLines(text), { tz: 'Europe/Berlin' });
    expect(r.malformed).toEqual([]);
    expect(r.skipped).toHaveLength(77);
    expect(r.events).toHaveLength(290);
    const by = (k: (e: FirewallEvent) => string) => countBy(r.events, k);
    expect(by((e) => e.action)).toEqual({ drop: 212, allow: 78 });
    expect(by((e) => String(e.direction))).toEqual({ in: 201, out: 78, forward: 11 });
    expect(r.events.filter(isConnectionRecord)).toHaveLength(78);
  });
});
