// The CEF parser, one behaviour per test; the golden fixture (test/fixtures/cef/firewall.log)
// covers a whole file of several vendors' records.
import { describe, expect, it } from 'vitest';
import type { FirewallEvent } from '../../src/event.js';
import { cefAt, cefFormat, cefVerdictWords } from '../../src/parsers/cef.js';
import { isConnectionRecord } from '../../src/parsers/connection-records.js';
import { fortigateFormat } from '../../src/parsers/fortigate.js';
import { iptablesFormat } from '../../src/parsers/iptables.js';
import { payloadKind } from '../../src/parsers/payload-dispatch.js';
import { formats, sniffFormat } from '../../src/parsers/registry.js';
import { eventToEcs } from '../../src/render/event-json.js';
import { parseLines, splitLines, TEST_REF_DATE } from '../helpers/parse.js';
import type { ZoneNote } from '../../src/parsers/types.js';
import { countBy, expectNoSampleOrCorpusSniffsAs, expectOwnLogsSniffAs, generatedSample, malformedReason, oneEvent } from '../helpers/format-tests.js';

const FIXTURES = new URL('../fixtures/cef/', import.meta.url).pathname;

// A probe of the gateway's telnet port, dropped by Check Point's cleanup rule, via a relay.
const DROP =
  '<134>Nov 20 06:25:01 gw-edge CEF:0|Check Point|VPN-1 & FireWall-1|Check Point|Log|telnet|Unknown|act=Drop deviceDirection=0 rt=1795155901000 spt=41234 dpt=23 src=203.0.113.7 dst=198.51.100.2 proto=6 cs2Label=Rule Name cs2=Cleanup rule layer_name=Network inzone=External outzone=Local deviceInboundInterface=eth1 dvc=192.0.2.1';
const PAN =
  'CEF:0|Palo Alto Networks|PAN-OS|10.2.4|end|TRAFFIC|1|rt=Nov 20 2026 06:41:05 GMT dvchost=pa-edge src=192.168.2.31 dst=198.51.100.80 cs1Label=Rule cs1=lan-out cs4Label=Source Zone cs4=trust cs5Label=Destination Zone cs5=untrust deviceInboundInterface=ethernet1/2 deviceOutboundInterface=ethernet1/1 cnt=1 spt=53011 dpt=443 proto=tcp act=allow';
const IPTABLES =
  'Nov 20 06:25:01 gw kernel: [123.456] [UFW BLOCK] IN=eth0 OUT= MAC=00:16:3e:11:22:33:00:16:3e:44:55:66:08:00 SRC=203.0.113.7 DST=198.51.100.2 LEN=40 TOS=0x00 PREC=0x00 TTL=241 ID=54321 PROTO=TCP SPT=47001 DPT=23 WINDOW=1024 RES=0x00 SYN URGP=0';

function one(line: string, tz: string | null = 'Europe/Berlin'): FirewallEvent {
  return oneEvent(cefFormat, line, { tz });
}

/** `line` with `key=value` in place of the key's own pair (added at the end when absent), or the pair removed with null. */
function withExt(key: string, value: string | null, line = DROP): string {
  const re = new RegExp(`([ |])${key}=.*?(?= [A-Za-z0-9_]+=|$)`);
  const m = re.exec(line);
  if (m === null) return value === null ? line : `${line} ${key}=${value}`;
  const pair = value === null ? (m[1] === '|' ? '|' : '') : `${m[1]}${key}=${value}`;
  const rest = line.slice(m.index + m[0].length);
  return line.slice(0, m.index) + pair + (value === null && m[1] === '|' ? rest.replace(/^ /, '') : rest);
}

describe('cef: reading a firewall record', () => {
  it('time (epoch ms), host, addresses, ports, protocol number, interface, zones, rule', () => {
    const e = one(DROP);
    expect([e.time?.toISOString(), e.yearInferred, e.host, e.format, e.proto, e.ipVersion, e.action, e.count]).toEqual(['2026-11-20T06:25:01.000Z', false, '192.0.2.1', 'cef', 'tcp', 4, 'drop', 1]);
    expect([e.src, e.dst]).toEqual([{ ip: '203.0.113.7', port: 41234 }, { ip: '198.51.100.2', port: 23 }]);
    expect([e.inIface, e.outIface, e.direction, e.rule]).toEqual(['eth1', null, 'in', 'Network: rule - "Cleanup rule" External->Local']);
  });

  it('rt: seconds, CEF dates with and without year, zone or offset, ISO 8601; none: the header; an IANA zone name', () => {
    const t = (rt: string | null) => one(withExt('rt', rt)).time?.toISOString();
    expect(t('1795155901')).toBe('2026-11-20T06:25:01.000Z');
    expect(t('Nov 20 2026 06:25:01.250 UTC')).toBe('2026-11-20T06:25:01.250Z');
    expect(t('Nov 20 2026 06:25:01 +01:00')).toBe('2026-11-20T05:25:01.000Z');
    expect(t('Nov 20 2026 06:25:01')).toBe('2026-11-20T05:25:01.000Z');
    expect(t('Nov 20 2026 06:25:01 America/New_York')).toBe('2026-11-20T11:25:01.000Z');
    expect(t('2026-11-20T06:25:01Z')).toBe('2026-11-20T06:25:01.000Z');
    // A fraction is cut to milliseconds, as README says: rounding made .9996 the next second.
    expect(t('2026-11-20T06:25:01.9996Z')).toBe('2026-11-20T06:25:01.999Z');
    expect(t('Nov 20 2026 06:25:59.9996 UTC')).toBe('2026-11-20T06:25:59.999Z');
    expect(t(null)).toBe('2026-11-20T05:25:01.000Z');
    const noYear = one(withExt('rt', 'Nov 20 06:25:01'));
    expect([noYear.time?.toISOString(), noYear.yearInferred]).toEqual(['2026-11-20T05:25:01.000Z', true]);
  });

  it("rt's zone abbreviation (ArcSight's `zzz`) that is no zone id, CEST or EDT, is wall time in --tz, noted; a word of another shape is no time", () => {
    const rec = (rt: string) => withExt('rt', rt);
    const r = parseLines(cefFormat, [rec('Jul 20 2026 06:25:01 CEST'), rec('Nov 20 2026 06:25:01 CET')], { tz: 'Europe/Berlin' });
    expect([r.malformed, r.events.map((e) => e.time?.toISOString())]).toEqual([[], ['2026-07-20T04:25:01.000Z', '2026-11-20T05:25:01.000Z']]);
    expect(one(rec('Jul 20 2026 06:25:01 EDT'), 'America/New_York').time?.toISOString()).toBe('2026-07-20T10:25:01.000Z');
    // Under another --tz: read as its wall time all the same, and noted for `check` to say so.
    const note: ZoneNote = {};
    const times: (string | undefined)[] = [];
    const p = cefFormat.create({ file: 't.log', refDate: TEST_REF_DATE, year: null, tz: 'UTC', zoneNote: note }, { event: (e) => times.push(e.time?.toISOString()), skipped: () => {}, malformed: () => {} });
    p.line(rec('Jul 20 2026 06:25:01 CEST'), 1);
    expect([times, note.unmatchedZone, note.zonelessTimes]).toEqual([['2026-07-20T06:25:01.000Z'], 'CEST', undefined]);
    expect(malformedReason(cefFormat, rec('Jul 20 2026 06:25:01 CEST1'))).toBe("rt: invalid 'Jul 20 2026 06:25:01 CEST1'");
  });

  it('verdicts from the data file, case-insensitive; an allowed record is a connection, a drop a packet, cnt its count', () => {
    const action = (a: string) => one(withExt('act', a)).action;
    expect(['Drop', 'deny', 'blocked', 'Reject', 'reset-both', 'Accept', 'permit', 'allow', 'Log'].map(action)).toEqual(['drop', 'drop', 'drop', 'reject', 'reject', 'allow', 'allow', 'allow', 'other']);
    expect(cefVerdictWords().get('refuse')).toBe('reject');
    expect(isConnectionRecord(one(withExt('act', 'Accept')))).toBe(true);
    expect(isConnectionRecord(one(DROP))).toBe(false);
    expect(one(withExt('cnt', '12')).count).toBe(12);
    // Forcepoint writes its verdict in the Name.
    const fp = 'CEF:0|FORCEPOINT|Firewall|6.10.5|70019|Connection_Discarded|0|dvc=192.0.2.1 dvchost=fw-edge src=172.16.1.1 dst=198.51.100.9 spt=68 dpt=67 proto=17 rt=Nov 20 2026 06:56:21 cs1Label=RuleID cs1=605.0';
    expect([one(fp).action, one(fp).rule, one(fp).host]).toEqual(['drop', 'rule 605.0', 'fw-edge']);
  });

  it('direction: zones by their sides, the device as destination, then deviceDirection as the vendor means it; none: unknown', () => {
    const zones = (from: string | null, to: string | null) => one(withExt('inzone', from, withExt('outzone', to, withExt('dvc', null)))).direction;
    // untrust and trust are no Check Point zones: its native reading goes on to ifdir, here deviceDirection=0 (in).
    expect([zones('External', 'Local'), zones('Internal', 'External'), zones('untrust', 'dmz'), zones('trust', 'trust')]).toEqual(['in', 'out', 'in', 'in']);
    expect(zones('Internal', 'DMZ')).toBe('forward');
    expect(one(withExt('deviceDirection', null, withExt('inzone', 'untrust', withExt('outzone', 'dmz', withExt('dvc', null))))).direction).toBeNull();
    const none = withExt('inzone', null, withExt('outzone', null, withExt('dst', '198.51.100.9')));
    // Check Point's deviceDirection is its ifdir: 0 inbound reads in, as the native log's ifdir:"inbound".
    expect(one(none).direction).toBe('in');
    expect(one(withExt('dvc', '198.51.100.9', withExt('deviceDirection', null, none))).direction).toBe('in');
    expect(one(withExt('deviceDirection', '1', none)).direction).toBe('out');
    expect(one(withExt('deviceDirection', '2', none)).direction).toBeNull();
    expect(one(withExt('deviceDirection', null, none)).direction).toBeNull();
    // Another vendor's 0 is its interface's side, not the network's: forward (cef.json's common reading).
    const fp = 'CEF:0|FORCEPOINT|Firewall|6.10.5|70018|Connection_Allowed|0|dvc=192.0.2.1 src=192.168.2.40 dst=198.51.100.25 spt=60200 dpt=22 proto=6 rt=1795157180000';
    expect([one(withExt('deviceDirection', '0', fp)).direction, one(withExt('deviceDirection', '1', fp)).direction]).toEqual(['forward', 'out']);
    const relay = 'CEF:0|Acme|Edge Filter|1.0|100|deny|5|categoryDeviceGroup=/Firewall src=203.0.113.7 dst=198.51.100.2 spt=41234 dpt=23 proto=6 act=deny';
    expect([one(withExt('deviceDirection', '0', relay)).direction, one(relay).direction]).toEqual(['forward', null]);
  });

  it('interfaces: Check Point\'s one ifname is the inbound or outbound one as deviceDirection (its ifdir) says; a FortiGate local-in record\'s vdom is no out interface', () => {
    const cp = withExt('deviceInboundInterface', null, withExt('ifname', 'eth3'));
    expect([one(cp).inIface, one(cp).outIface]).toEqual(['eth3', null]);
    expect([one(withExt('deviceDirection', '1', cp)).inIface, one(withExt('deviceDirection', '1', cp)).outIface]).toEqual([null, 'eth3']);
    // deviceInboundInterface, when written, is the interface and ifname is not read.
    expect([one(withExt('ifname', 'eth3')).inIface, one(withExt('ifname', 'eth3')).outIface]).toEqual(['eth1', null]);
    const local = 'CEF: 0|Fortinet|Fortigate|v7.2.8|00014|traffic:local deny|3|cat=traffic:local FTNTFGTvd=root src=203.0.113.50 spt=51000 dst=198.51.100.2 dpt=8443 deviceInboundInterface=wan1 deviceOutboundInterface=root FTNTFGTpolicyid=0 proto=6 act=deny';
    expect([one(local).inIface, one(local).outIface]).toEqual(['wan1', null]);
    expect(one(withExt('deviceOutboundInterface', 'unknown-0', local)).outIface).toBeNull();
    expect(one(withExt('deviceOutboundInterface', 'loopback1', local)).outIface).toBe('loopback1');
    // Forwarded traffic keeps its out interface even when it is named as the vdom.
    expect(one(withExt('Name', null, local.replace('traffic:local deny', 'traffic:forward deny').replace('cat=traffic:local', 'cat=traffic:forward'))).outIface).toBe('root');
  });

  it('ICMP type and code: labelled custom numbers, FortiGate\'s own keys in hex as its native log writes them', () => {
    const fgt = 'CEF: 0|Fortinet|Fortigate|v7.2.8|00013|traffic:forward accept|3|cat=traffic:forward src=192.168.1.23 dst=198.51.100.53 deviceInboundInterface=internal deviceOutboundInterface=wan1 proto=1 act=accept FTNTFGTicmptype=0x08 FTNTFGTicmpcode=0x00';
    expect(one(fgt).icmp).toEqual({ type: 8, code: 0, embedded: null });
    expect(one(withExt('FTNTFGTicmptype', '0x0b', withExt('FTNTFGTicmpcode', '0x01', fgt))).icmp).toEqual({ type: 11, code: 1, embedded: null });
    expect(one(withExt('FTNTFGTicmptype', '0x1ff', fgt)).icmp).toEqual({ type: null, code: 0, embedded: null });
    expect(one(withExt('FTNTFGTicmptype', null, withExt('FTNTFGTicmpcode', null, fgt))).icmp).toEqual({ type: null, code: null, embedded: null });
  });

  it('the rule from labelled custom strings, in the words of the vendor\'s native format; in ECS rule.ruleset, id, name and the observer zones and interfaces', () => {
    const e = one(PAN);
    // PAN-OS's own label (paloalto.ts), FortiGate's `policy N` (fortigate.ts): the same record logged natively reads the same.
    expect([e.rule, e.direction, e.inIface, e.outIface, e.host]).toEqual(['lan-out trust->untrust', 'out', 'ethernet1/2', 'ethernet1/1', 'pa-edge']);
    expect(JSON.parse(eventToEcs(e))).toMatchObject({ rule: { name: 'lan-out' }, observer: { ingress: { zone: 'trust' }, egress: { zone: 'untrust' } } });
    expect(one(withExt('cs1', 'web in', PAN)).rule).toBe('"web in" trust->untrust');
    expect(one(withExt('deviceOutboundInterface', '', PAN)).outIface).toBeNull();
    const ecs = JSON.parse(eventToEcs(one(withExt('cs2', 'Say \\"hi\\" \\= 1')))) as { rule?: unknown; observer: unknown };
    expect(ecs.rule).toEqual({ name: 'Say \\"hi\\" = 1', ruleset: 'Network' });
    expect(ecs.observer).toEqual({ ip: '192.0.2.1', type: 'firewall', ingress: { interface: { name: 'eth1' }, zone: 'External' }, egress: { zone: 'Local' } });
    const fgt = 'CEF: 0|Fortinet|Fortigate|v7.2.8|00013|traffic:forward close|3|cat=traffic:forward src=192.168.2.40 spt=60200 deviceInboundInterface=internal dst=198.51.100.25 dpt=22 deviceOutboundInterface=wan1 FTNTFGTpolicyid=4 FTNTFGTpolicyname=ssh-out deviceDirection=1 proto=6 act=close rt=1795157180000';
    const f = JSON.parse(eventToEcs(one(fgt))) as { rule?: unknown };
    expect(f.rule).toEqual({ ruleset: 'policy', id: '4', name: 'ssh-out' });
    expect(one(fgt).rule).toBe('policy 4 "ssh-out"');
    // A vendor with no native format here keeps CEF's own `rule ID "name"`; Sophos its fw_rule.
    const sophos = 'CEF:0|Sophos|XG|19.5.3|010101600001|Firewall|5|rt=Nov 20 2026 06:59:00 UTC src=192.168.2.77 dst=198.51.100.99 spt=49152 dpt=6667 proto=TCP act=Denied cs1Label=Rule cs1=Block IRC cs4Label=Source Zone cs4=LAN cs5Label=Destination Zone cs5=WAN';
    expect([one(sophos).rule, JSON.parse(eventToEcs(one(sophos))).rule]).toEqual(['fw_rule - "Block IRC" LAN->WAN', { name: 'Block IRC' }]);
  });

  it('ICMP type and code and IPv6 from labelled fields, TCP flags, full-name keys, escapes and = in values', () => {
    const ping = withExt('proto', '1', withExt('spt', null, withExt('dpt', null, withExt('cn1Label', 'ICMP Type', withExt('cn1', '8', withExt('cn2Label', 'ICMP Code', withExt('cn2', '0')))))));
    expect([one(ping).proto, one(ping).icmp, one(ping).src.port]).toEqual(['icmp', { type: 8, code: 0, embedded: null }, null]);
    const v6 = one(withExt('src', null, withExt('dst', null, withExt('c6a2', '2001:db8::7', withExt('c6a2Label', 'Source IPv6 Address', withExt('c6a3', '2001:db8:1::1', withExt('c6a3Label', 'Destination IPv6 Address')))))));
    expect([v6.ipVersion, v6.src.ip, v6.dst.ip]).toEqual([6, '2001:db8::7', '2001:db8:1::1']);
    expect(one(withExt('cs3Label', 'TCP Flags', withExt('cs3', '0x00 SYN'))).tcpFlags).toEqual(['SYN']);
    const full = 'CEF:0|Ubiquiti|UniFi Network|9.0.114|201|Blocked by Firewall|5|dvchost=udm-pro sourceAddress=203.0.113.120 destinationAddress=198.51.100.2 sourcePort=52000 destinationPort=3074 transportProtocol=UDP deviceAction=blocked baseEventCount=2 rt=1795157880000';
    expect([one(full).src.ip, one(full).dst.port, one(full).proto, one(full).action, one(full).count]).toEqual(['203.0.113.120', 3074, 'udp', 'drop', 2]);
    const noisy = withExt('msg', 'Referred connection: a \\= b, url=https://example.com/?q=1 done', withExt('request', 'x'));
    expect([one(noisy).src.ip, one(noisy).dst.port, one(noisy).action]).toEqual(['203.0.113.7', 23, 'drop']);
    const escapedHeader = DROP.replace('|telnet|', '|tel\\|net|');
    expect(one(escapedHeader).dst.port).toBe(23);
  });
});

describe('cef: lines skipped and lines malformed', () => {
  it('other products, other records and acts, a session\'s other half, no addresses: skipped saying which', () => {
    const r = parseLines(cefFormat, [
      'CEF:0|Trend Micro|Deep Security Manager|20.0.1|600|User Signed In|3|src=192.168.2.5 suser=admin',
      PAN.replace('|end|TRAFFIC|', '|vulnerability|THREAT|').replace('act=allow', 'act=reset-both'),
      withExt('act', 'Bypass'),
      PAN.replace('|end|', '|start|'),
      withExt('src', null, withExt('dst', null)),
      'Nov 20 06:41:00 loghost sshd[811]: Accepted publickey for admin from 192.168.2.5 port 50022 ssh2',
    ]);
    expect(r.events).toEqual([]);
    expect(r.malformed).toEqual([]);
    expect(r.skipped.map((s) => s.reason)).toEqual([
      "CEF record of 'Trend Micro Deep Security Manager: User Signed In': not a firewall record",
      "CEF firewall record 'Palo Alto Networks PAN-OS: THREAT (act reset-both)': not a verdict on a packet or connection",
      "CEF firewall record 'Check Point VPN-1 & FireWall-1: telnet (act Bypass)': not a verdict on a packet or connection",
      "CEF session record 'TRAFFIC (start)': its session is counted by its other record",
      "CEF firewall verdict 'telnet' without src or dst: no packet to read",
      'not a firewall record',
    ]);
  });

  it('a needed field missing or unreadable is malformed, named by its CEF key', () => {
    const malformed = (line: string) => malformedReason(cefFormat, line, { tz: 'UTC' });
    expect(malformed(withExt('src', null))).toBe('src: missing');
    expect(malformed(withExt('dst', 'N/A'))).toBe("dst: invalid address 'N/A'");
    expect(malformed(withExt('dst', '2001:db8::1'))).toBe('dst: address family differs from src');
    expect(malformed(withExt('dpt', null))).toBe('dpt: missing');
    expect(malformed(withExt('spt', '65536'))).toBe("spt: invalid port '65536'");
    expect(malformed(withExt('proto', null))).toBe('proto: missing');
    expect(malformed(withExt('cnt', 'many'))).toBe('cnt: not a number');
    expect(malformed(withExt('rt', '20.11.2026 06:30'))).toBe("rt: invalid '20.11.2026 06:30'");
    expect(malformed(withExt('rt', 'Nov 20 2026 06:30:12 +25:00'))).toBe('rt: impossible UTC offset');
    expect(malformed(withExt('rt', 'Nov 20 2026 06:30:12 Mars/Olympus'))).toBe("rt: invalid 'Nov 20 2026 06:30:12 Mars/Olympus'");
    expect(malformed('CEF:0|Check Point|VPN-1 & FireWall-1|Check Point|Log')).toBe('CEF header: truncated');
  });
});

describe('cef: sniffing and mixed files', () => {
  it('its own logs sniff as cef with high confidence', () => {
    expectOwnLogsSniffAs(FIXTURES, ['firewall.log', 'sample/pa-edge.log'], 'cef', 0.95);
  });

  it("every other format's examples, the samples and the corpus do not look like CEF; no other format claims CEF lines", () => {
    for (const f of formats) if (f !== cefFormat) expect([f.id, cefFormat.sniff(f.examples)]).toEqual([f.id, 0]);
    expectNoSampleOrCorpusSniffsAs(cefFormat);
    const own = splitLines(generatedSample(FIXTURES, 'sample/pa-edge.log')).slice(0, 50);
    for (const f of formats) if (f !== cefFormat) expect([f.id, f.sniff(own) < cefFormat.sniff(own)]).toEqual([f.id, true]);
  });

  it("a loghost file of iptables, FortiGate and CEF lines: each line is read by its own payload, a FortiGate's CEF by cef", () => {
    const fgtCef = 'Nov 20 06:45:10 gw-edge CEF: 0|Fortinet|Fortigate|v7.2.8|00013|traffic:local deny|3|FTNTFGTlogid=0001000014 cat=traffic:local FTNTFGTsubtype=local src=203.0.113.50 spt=51000 dst=198.51.100.2 dpt=8443 FTNTFGTpolicyid=0 deviceDirection=0 dvc=198.51.100.2 proto=6 act=deny';
    const lines = [IPTABLES, fgtCef, DROP, IPTABLES];
    for (const format of [iptablesFormat, fortigateFormat, cefFormat]) {
      const r = parseLines(format, lines, { tz: 'UTC' });
      expect([format.id, r.malformed, r.events.map((e) => e.format)]).toEqual([format.id, [], ['iptables', 'cef', 'cef', 'iptables']]);
    }
    const msg = DROP.slice(DROP.indexOf('CEF:'));
    expect([payloadKind(msg, 0, msg.length), cefAt(`logger: ${msg}`, 0, msg.length + 8), cefAt('CEF:x|', 0, 6), cefAt('[UFW BLOCK] IN=eth0', 0, 19)]).toEqual(['cef', 8, -1, -1]);
    expect(sniffFormat([DROP, PAN]).format?.id).toBe('cef');
  });
});

describe('cef: the sample log', () => {
  it('is what make-sample.mjs writes, and reads with nothing malformed', () => {
    const text = generatedSample(FIXTURES, 'sample/pa-edge.log');
    const r = parseLines(cefFormat, splitLines(text));
    expect(r.malformed).toEqual([]);
    expect(r.skipped).toHaveLength(23);
    expect(r.events).toHaveLength(336);
    const by = (k: (e: FirewallEvent) => string) => countBy(r.events, k);
    expect(by((e) => e.action)).toEqual({ drop: 266, allow: 70 });
    // As PAN-OS's own log reads them: untrust->untrust and untrust->dmz say no side (--home-net decides).
    expect(by((e) => String(e.direction))).toEqual({ null: 290, out: 46 });
    expect(r.events.filter(isConnectionRecord)).toHaveLength(70);
  });
});
