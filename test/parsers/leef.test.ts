// The LEEF parser, one behaviour per test; the golden fixture (test/fixtures/leef/firewall.log)
// covers a whole file of several vendors' records, cef-native-pairs.test.ts the same sessions
// read from PAN-OS's and Check Point's native logs.
import { describe, expect, it } from 'vitest';
import type { FirewallEvent } from '../../src/event.js';
import { cefFormat } from '../../src/parsers/cef.js';
import { isConnectionRecord } from '../../src/parsers/connection-records.js';
import { fortigateFormat } from '../../src/parsers/fortigate.js';
import { iptablesFormat } from '../../src/parsers/iptables.js';
import { leefAt, leefFormat } from '../../src/parsers/leef.js';
import { payloadKind } from '../../src/parsers/payload-dispatch.js';
import { formats, sniffFormat } from '../../src/parsers/registry.js';
import { parseLines, splitLines } from '../helpers/parse.js';
import { countBy, expectNoSampleOrCorpusSniffsAs, expectOwnLogsSniffAs, generatedSample, malformedReason, oneEvent } from '../helpers/format-tests.js';

const FIXTURES = new URL('../fixtures/leef/', import.meta.url).pathname;

// PAN-OS's LEEF profile: attributes between `|`, the action as EventID, devTime in GMT.
const PAN =
  '<14>Nov 20 06:25:01 PA-3220 LEEF:1.0|Palo Alto Networks|PAN-OS Syslog Integration|10.2.4|deny|cat=TRAFFIC|ReceiveTime=2026/11/20 06:25:01|Type=TRAFFIC|Subtype=drop|devTime=Nov 20 2026 05:25:01 GMT|src=203.0.113.7|dst=192.168.1.10|RuleName=interzone-default|SourceZone=untrust|DestinationZone=trust|IngressInterface=ethernet1/1|EgressInterface=|RepeatCount=1|srcPort=41234|dstPort=23|proto=tcp|action=deny|DeviceName=PA-3220';
// Check Point's Log Exporter: LEEF 2.0 with no delimiter field, tabs, epoch seconds.
const CP = [
  '<134>Nov 20 06:40:01 gw-7f3a LEEF:2.0|Check Point|VPN-1 & FireWall-1|1.0|Accept|cat=VPN-1 & FireWall-1',
  'devTime=1795153260', 'action=Accept', 'conn_direction=Outgoing', 'ifdir=inbound', 'ifname=eth2', 'layer_name=Network', 'rule=3',
  'rule_name=LAN to Internet', 'src=192.168.1.23', 'dst=198.51.100.80', 'proto=6', 's_port=50514', 'service=443',
].join('\t');
// A LEEF 2.0 record naming its delimiter, `^`.
const SRX = 'LEEF:2.0|Juniper|SRX|21.4R3|RT_FLOW_SESSION_DENY|^|src=203.0.113.9^dst=192.0.2.10^srcPort=40001^dstPort=22^proto=tcp^action=deny^devTime=Nov 20 2026 06:50:00';
const IPTABLES =
  'Nov 20 06:25:01 gw kernel: [123.456] [UFW BLOCK] IN=eth0 OUT= MAC=00:16:3e:11:22:33:00:16:3e:44:55:66:08:00 SRC=203.0.113.7 DST=198.51.100.2 LEN=40 TOS=0x00 PREC=0x00 TTL=241 ID=54321 PROTO=TCP SPT=47001 DPT=23 WINDOW=1024 RES=0x00 SYN URGP=0';

function one(line: string, tz: string | null = 'Europe/Berlin'): FirewallEvent {
  return oneEvent(leefFormat, line, { tz });
}

/** `line` with the attribute `key` set to `value` (added at the end when absent), or removed with null; `d` the delimiter. */
function withAttr(key: string, value: string | null, line = PAN, d = '|'): string {
  const parts = line.split(d);
  const i = parts.findIndex((p, k) => k > 0 && p.startsWith(`${key}=`));
  if (i < 0) return value === null ? line : `${line}${d}${key}=${value}`;
  if (value === null) parts.splice(i, 1);
  else parts[i] = `${key}=${value}`;
  return parts.join(d);
}

function skipped(line: string): string {
  const r = parseLines(leefFormat, [line], { tz: 'UTC' });
  expect([r.events, r.malformed]).toEqual([[], []]);
  expect(r.skipped).toHaveLength(1);
  return r.skipped[0]!.reason;
}

describe('leef: reading a firewall record', () => {
  it('PAN-OS: time (devTime in GMT), host, addresses, ports, zones, interfaces, the native rule label', () => {
    const e = one(PAN);
    expect([e.time?.toISOString(), e.yearInferred, e.host, e.format, e.proto, e.ipVersion, e.action, e.count]).toEqual(['2026-11-20T05:25:01.000Z', false, 'PA-3220', 'leef', 'tcp', 4, 'drop', 1]);
    expect([e.src, e.dst]).toEqual([{ ip: '203.0.113.7', port: 41234 }, { ip: '192.168.1.10', port: 23 }]);
    expect([e.inIface, e.outIface, e.direction, e.rule]).toEqual(['ethernet1/1', null, 'in', 'interzone-default untrust->trust']);
    expect(one(withAttr('RepeatCount', '5')).count).toBe(5);
    expect(one(withAttr('action', 'reset-both')).action).toBe('reject');
    // No action attribute: the EventID, which PAN-OS makes the action.
    expect(one(withAttr('action', null)).action).toBe('drop');
  });

  it('Check Point: LEEF 2.0 without its delimiter field, tab-separated; epoch seconds; s_port and service; conn_direction, ifdir and ifname as its native log', () => {
    const e = one(CP);
    expect([e.time?.toISOString(), e.host, e.action, e.src, e.dst]).toEqual(['2026-11-20T05:41:00.000Z', 'gw-7f3a', 'allow', { ip: '192.168.1.23', port: 50514 }, { ip: '198.51.100.80', port: 443 }]);
    expect([e.direction, e.inIface, e.outIface, e.rule]).toEqual(['out', 'eth2', null, 'Network: rule 3 "LAN to Internet"']);
    const out = one(withAttr('conn_direction', null, withAttr('ifdir', 'outbound', CP, '\t'), '\t'));
    expect([out.direction, out.inIface, out.outIface]).toEqual(['out', null, 'eth2']);
    expect(one(withAttr('conn_direction', null, CP, '\t')).direction).toBe('in');
    expect(isConnectionRecord(e)).toBe(true);
  });

  it('the delimiter: named by a character, its hex (x5E, 0x5e) or left empty for a tab; a LEEF 1.0 record of tabs', () => {
    const ev = (l: string) => one(l).dst;
    expect(ev(SRX)).toEqual({ ip: '192.0.2.10', port: 22 });
    expect(ev(SRX.replace('|^|', '|x5E|'))).toEqual({ ip: '192.0.2.10', port: 22 });
    expect(ev(SRX.replace('|^|', '|0x5e|'))).toEqual({ ip: '192.0.2.10', port: 22 });
    expect(ev(SRX.replace('|^|', '||').replaceAll('^', '\t'))).toEqual({ ip: '192.0.2.10', port: 22 });
    expect(ev(SRX.replace('LEEF:2.0', 'LEEF:1.0').replace('|^|', '|').replaceAll('^', '\t'))).toEqual({ ip: '192.0.2.10', port: 22 });
    // A `|` inside a tab-separated record's value stays in it.
    expect(one(`${SRX.replace('|^|', '||').replaceAll('^', '\t')}\tpolicy=a|b`).rule).toBe('rule - "a|b"');
  });

  it('devTime: IBM\'s default form with and without zone, fraction, epoch ms and s, ISO 8601; none: the header', () => {
    const t = (v: string | null) => one(withAttr('devTime', v)).time?.toISOString();
    expect(t('Nov 20 2026 06:25:01')).toBe('2026-11-20T05:25:01.000Z');
    expect(t('Nov 20 2026 06:25:01.250 UTC')).toBe('2026-11-20T06:25:01.250Z');
    expect(t('Nov 20 2026 06:25:01 CET')).toBe('2026-11-20T05:25:01.000Z');
    expect(t('1795152301000')).toBe('2026-11-20T05:25:01.000Z');
    expect(t('1795152301')).toBe('2026-11-20T05:25:01.000Z');
    expect(t('2026-11-20T06:25:01+01:00')).toBe('2026-11-20T05:25:01.000Z');
    expect(t(null)).toBe('2026-11-20T05:25:01.000Z');
  });

  it('devTimeFormat: Java SimpleDateFormat letters, a zone (Z, X, z, a quoted Z as UTC) or --tz, a 12-hour clock, no year (the header\'s)', () => {
    const t = (v: string, f: string) => one(withAttr('devTimeFormat', f, withAttr('devTime', v))).time?.toISOString();
    expect(t('2026-11-20T06:25:01.500+0100', "yyyy-MM-dd'T'HH:mm:ss.SSSZ")).toBe('2026-11-20T05:25:01.500Z');
    expect(t('2026-11-20T05:25:01Z', "yyyy-MM-dd'T'HH:mm:ss'Z'")).toBe('2026-11-20T05:25:01.000Z');
    expect(t('2026-11-20 06:25:01 +01:00', 'yyyy-MM-dd HH:mm:ss XXX')).toBe('2026-11-20T05:25:01.000Z');
    expect(t('20/11/2026 06:25:01', 'dd/MM/yyyy HH:mm:ss')).toBe('2026-11-20T05:25:01.000Z');
    expect(t('Fri, 20 Nov 2026 06:25:01 AM America/New_York', 'EEE, dd MMM yyyy hh:mm:ss a zzz')).toBe('2026-11-20T11:25:01.000Z');
    expect(t('12:25:01 PM 11/20/26', 'hh:mm:ss a MM/dd/yy')).toBe('2026-11-20T11:25:01.000Z');
    expect(t('20261120062501', 'yyyyMMddHHmmss')).toBe('2026-11-20T05:25:01.000Z');
    const noYear = one(withAttr('devTimeFormat', 'MMM dd HH:mm:ss', withAttr('devTime', 'Nov 20 06:25:01')));
    expect([noYear.time?.toISOString(), noYear.yearInferred]).toEqual(['2026-11-20T05:25:01.000Z', true]);
  });

  it('ICMP type and code where the vendor writes them; none for PAN-OS, whose LEEF has no such attribute', () => {
    const v6 = one(withAttr('proto', '58', withAttr('icmp_type', '128', withAttr('icmp_code', '0', withAttr('src', '2001:db8::7', withAttr('dst', '2001:db8:1::1', CP, '\t'), '\t'), '\t'), '\t'), '\t'));
    expect([v6.proto, v6.ipVersion, v6.icmp, v6.src.port, v6.dst.port]).toEqual(['icmpv6', 6, { type: 128, code: 0, embedded: null }, null, null]);
    expect(one(withAttr('proto', 'icmp')).icmp).toEqual({ type: null, code: null, embedded: null });
  });

  it('FortiGate: interface roles as zones, traffic:local to the FortiGate itself (in, its vdom no out interface), the native policy label', () => {
    const FGT = ['<189>Nov 20 06:45:20 FGT60F LEEF:1.0|Fortinet|FortiGate|v7.2.8|00014|cat=traffic:local', 'devTime=Nov 20 2026 06:45:20', 'vd=root', 'src=203.0.113.50', 'srcPort=51001', 'srcintf=wan1', 'srcintfrole=wan', 'dst=198.51.100.2', 'dstPort=8443', 'dstintf=root', 'dstintfrole=undefined', 'policyid=0', 'policytype=local-in-policy', 'proto=6', 'action=deny'].join('\t');
    const e = one(FGT);
    expect([e.direction, e.inIface, e.outIface, e.rule, e.host]).toEqual(['in', 'wan1', null, 'local-in-policy 0 wan->local', 'FGT60F']);
  });
});

describe('leef: skipped and malformed lines', () => {
  it('other products, categories, actions, session starts and address-less verdicts are skipped saying which', () => {
    expect(skipped('LEEF:1.0|Microsoft|MSExchange|2016|Login Event|cat=Failed\tsrc=192.168.1.50')).toBe("LEEF record of 'Microsoft MSExchange: Login Event': not a firewall record");
    expect(skipped(withAttr('cat', 'THREAT'))).toBe("LEEF firewall record 'Palo Alto Networks PAN-OS Syslog Integration: THREAT': not a traffic record");
    // PAN-OS's Type says the category too; with neither, the EventID is shown.
    expect(one(withAttr('cat', null)).action).toBe('drop');
    expect(skipped(withAttr('cat', null, withAttr('Type', null)))).toBe("LEEF firewall record 'Palo Alto Networks PAN-OS Syslog Integration: deny': not a traffic record");
    expect(skipped(withAttr('Subtype', 'start'))).toBe("LEEF session record 'start': its session is counted by its other record");
    expect(skipped(withAttr('action', 'Decrypt', CP, '\t'))).toBe("LEEF firewall record 'Check Point VPN-1 & FireWall-1: Decrypt': not a verdict on a packet or connection");
    expect(skipped(withAttr('src', null, withAttr('dst', null)))).toBe("LEEF firewall verdict 'deny' without src or dst: no packet to read");
  });

  it('a verdict record that cannot be read is malformed saying the field', () => {
    const malformed = (l: string) => malformedReason(leefFormat, l, { tz: 'UTC' });
    expect(malformed(withAttr('dst', null))).toBe('dst: missing');
    expect(malformed(withAttr('src', '203.0.113'))).toBe("src: invalid address '203.0.113'");
    expect(malformed(withAttr('dst', '2001:db8::1'))).toBe('dst: address family differs from src');
    expect(malformed(withAttr('dstPort', '70000'))).toBe("dstPort: invalid port '70000'");
    expect(malformed(withAttr('dstPort', null))).toBe('dstPort: missing');
    expect(malformed(withAttr('proto', null))).toBe('proto: missing');
    expect(malformed(withAttr('RepeatCount', 'many'))).toBe('RepeatCount: not a number');
    expect(malformed(withAttr('devTime', 'Nov 31 2026 06:25:01'))).toBe('devTime: impossible date (Nov 31)');
    expect(malformed(withAttr('devTime', 'Nov 20 2026 06:25:01 Mars/Olympus'))).toBe("devTime: invalid 'Nov 20 2026 06:25:01 Mars/Olympus'");
    expect(malformed(withAttr('devTimeFormat', 'dd/MM/yyyy HH:mm:ss'))).toBe("devTime: invalid 'Nov 20 2026 05:25:01 GMT'");
    expect(malformed(withAttr('devTimeFormat', 'ww yyyy', withAttr('devTime', '47 2026')))).toBe("devTimeFormat: invalid 'ww yyyy'");
    // The pattern is the log's text: two zone groups (or weekday groups) could backtrack without end over a long devTime.
    expect(malformed(withAttr('devTimeFormat', "z'a'z dd MM HH", withAttr('devTime', `${'a'.repeat(1500)} 20 11 06`)))).toBe("devTimeFormat: invalid 'z'a'z dd MM HH'");
    expect(malformed('LEEF:1.0|Palo Alto Networks|PAN-OS Syslog Integration')).toBe('LEEF header: truncated');
  });
});

describe('leef: sniffing and mixed files', () => {
  it('its own logs sniff as leef with high confidence', () => {
    expectOwnLogsSniffAs(FIXTURES, ['firewall.log', 'sample/pa-edge.log'], 'leef', 0.95);
  });

  it("every other format's examples, fixtures' pairs, the samples and the corpus do not look like LEEF; no other format claims LEEF lines", () => {
    for (const f of formats) if (f !== leefFormat) expect([f.id, leefFormat.sniff(f.examples)]).toEqual([f.id, 0]);
    expectNoSampleOrCorpusSniffsAs(leefFormat);
    const own = splitLines(generatedSample(FIXTURES, 'sample/pa-edge.log')).slice(0, 50);
    for (const f of formats) if (f !== leefFormat) expect([f.id, f.sniff(own) < leefFormat.sniff(own)]).toEqual([f.id, true]);
    for (const f of formats) if (f !== leefFormat) expect([f.id, f.sniff(leefFormat.examples)]).toEqual([f.id, 0]);
  });

  it('a loghost file of iptables, FortiGate, CEF and LEEF lines: each line is read by its own payload whatever the file was sniffed as', () => {
    const fgt = 'Nov 20 06:45:10 FGT60F date=2026-11-20 time=06:45:10 devname="FGT60F" devid="FGT60FTK0000000" logid="0000000013" type="traffic" subtype="forward" level="notice" vd="root" srcip=203.0.113.7 srcport=41234 srcintf="wan1" srcintfrole="wan" dstip=192.168.1.10 dstport=23 dstintf="internal" dstintfrole="lan" sessionid=1234 proto=6 action="deny" policyid=0 policytype="policy"';
    const lines = [IPTABLES, PAN, fgt, cefFormat.examples[1]!, CP, `Nov 20 06:50:00 srx-edge ${SRX}`, IPTABLES];
    for (const format of [iptablesFormat, fortigateFormat, cefFormat, leefFormat]) {
      const r = parseLines(format, lines, { tz: 'UTC' });
      expect([format.id, r.malformed, r.events.map((e) => e.format)]).toEqual([format.id, [], ['iptables', 'leef', 'fortigate', 'cef', 'leef', 'leef', 'iptables']]);
    }
    const msg = PAN.slice(PAN.indexOf('LEEF:'));
    expect([payloadKind(msg, 0, msg.length), leefAt(`logger: ${msg}`, 0, msg.length + 8), leefAt('LEEF:x|', 0, 7), leefAt('LEEF:1.0', 0, 8), leefAt('[UFW BLOCK] IN=eth0', 0, 19)]).toEqual(['leef', 8, -1, -1, -1]);
    expect(sniffFormat([PAN, CP]).format?.id).toBe('leef');
  });
});

describe('leef: the sample log', () => {
  it('is what make-sample.mjs writes, and reads with nothing malformed', () => {
    const text = generatedSample(FIXTURES, 'sample/pa-edge.log');
    const r = parseLines(leefFormat, splitLines(text));
    expect(r.malformed).toEqual([]);
    expect(r.skipped).toHaveLength(92);
    expect(r.events).toHaveLength(308);
    const by = (k: (e: FirewallEvent) => string) => countBy(r.events, k);
    expect(by((e) => e.action)).toEqual({ drop: 214, allow: 94 });
    // As PAN-OS's own log reads them: untrust->untrust says no side (--home-net decides).
    expect(by((e) => String(e.direction))).toEqual({ null: 166, out: 94, in: 48 });
    expect(by((e) => `${e.rule}`)).toEqual({ 'interzone-default untrust->untrust': 166, 'interzone-default untrust->trust': 48, 'lan-out trust->untrust': 60, 'dns-out trust->untrust': 34 });
    expect(r.events.filter(isConnectionRecord)).toHaveLength(94);
  });
});
