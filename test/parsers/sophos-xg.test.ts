// The Sophos Firewall (SFOS) firewall log parser, one behaviour per test; the golden fixture
// (test/fixtures/sophos-xg/firewall.log) covers a whole file of both layouts.
import { describe, expect, it } from 'vitest';
import type { FirewallEvent } from '../../src/event.js';
import { isConnectionRecord } from '../../src/parsers/connection-records.js';
import { iptablesFormat } from '../../src/parsers/iptables.js';
import { payloadKind } from '../../src/parsers/payload-dispatch.js';
import { formats } from '../../src/parsers/registry.js';
import { sophosXgFormat } from '../../src/parsers/sophos-xg.js';
import { eventToEcs } from '../../src/render/event-json.js';
import { parseLines, splitLines } from '../helpers/parse.js';
import { countBy, expectNoSampleOrCorpusSniffsAs, expectOwnLogsSniffAs, generatedSample, malformedReason, oneEvent, withKeyValue } from '../helpers/format-tests.js';

const FIXTURES = new URL('../fixtures/sophos-xg/', import.meta.url).pathname;

// SFOS 19.5 and later: a LAN client's connection out, allowed by a named rule.
const ALLOWED =
  '<30>device_name="fw1" timestamp="2026-11-20T06:30:12+0100" device_model="XGS2100" device_serial_id="X21001XXXXXXXXX" log_id="010101600001" log_type="Firewall" log_component="Firewall Rule" log_subtype="Allowed" log_version=1 severity="Information" fw_rule_id="5" fw_rule_name="LAN to Internet" fw_rule_section="Local rule" nat_rule_id="2" fw_rule_type="USER" ether_type="Unknown (0x0000)" in_interface="Port1" out_interface="Port2" src_mac="00:16:3E:11:22:33" src_ip="192.168.2.23" src_country="R1" dst_ip="198.51.100.80" dst_country="USA" protocol="TCP" src_port=50514 dst_port=443 src_zone_type="LAN" src_zone="LAN" dst_zone_type="WAN" dst_zone="WAN" con_event="Start" con_id="2674291981"';
// v17-v19: a probe denied by the implicit deny (date and time in the firewall's zone).
const DENIED =
  'device="SFW" date=2026-11-20 time=06:25:01 timezone="CET" device_name="XG230" device_id=C01001XXXXXXXXX log_id=010102600002 log_type="Firewall" log_component="Firewall Rule" log_subtype="Denied" status="Deny" priority=Information duration=0 fw_rule_id=0 policy_type=0 user_name="" in_interface="PortB" out_interface="" src_mac=00:16:3e:5e:6c:00 src_ip=203.0.113.7 src_country_code= dst_ip=198.51.100.2 dst_country_code= protocol="TCP" src_port=41234 dst_port=23 sent_pkts=0 tran_src_ip= srczonetype="WAN" srczone="WAN" dstzonetype="" dstzone="" connid=""';
const IPTABLES =
  'Nov 20 06:25:01 gw kernel: [123.456] [UFW BLOCK] IN=eth0 OUT= MAC=00:16:3e:11:22:33:00:16:3e:44:55:66:08:00 SRC=203.0.113.7 DST=198.51.100.2 LEN=40 TOS=0x00 PREC=0x00 TTL=241 ID=54321 PROTO=TCP SPT=47001 DPT=23 WINDOW=1024 RES=0x00 SYN URGP=0';

function one(line: string, tz: string | null = 'Europe/Berlin'): FirewallEvent {
  return oneEvent(sophosXgFormat, line, { tz });
}

function malformed(line: string): string {
  return malformedReason(sophosXgFormat, line, { tz: 'UTC' });
}

/** `line` with `key=value` put in place of the key's own pair (or added when absent), or the key removed with null. */
function withField(key: string, value: string | null, line = ALLOWED): string {
  return withKeyValue(line, key, value);
}

describe('sophos-xg: reading a firewall record', () => {
  it('v19.5+: timestamp with its offset, device_name as host, addresses, ports, protocol, interfaces', () => {
    const e = one(ALLOWED);
    expect([e.time?.toISOString(), e.yearInferred, e.host, e.format, e.proto, e.ipVersion]).toEqual(['2026-11-20T05:30:12.000Z', false, 'fw1', 'sophos-xg', 'tcp', 4]);
    expect([e.src, e.dst]).toEqual([{ ip: '192.168.2.23', port: 50514 }, { ip: '198.51.100.80', port: 443 }]);
    expect([e.inIface, e.outIface, e.direction, e.action, e.rule]).toEqual(['Port1', 'Port2', 'out', 'allow', 'fw_rule 5 "LAN to Internet" LAN->WAN']);
    // A connection record says nothing of flags: unknown, never a NULL scan's [].
    expect([e.tcpFlags, e.len, e.ttl]).toEqual([null, null, null]);
  });

  it('v17-v19: date and time in --tz (timezone is an abbreviation, not read); the serial number as host unless a header names one', () => {
    const e = one(DENIED);
    expect([e.time?.toISOString(), e.host, e.action, e.direction, e.rule, e.inIface, e.outIface]).toEqual(['2026-11-20T05:25:01.000Z', 'C01001XXXXXXXXX', 'drop', 'forward', 'fw_rule 0 WAN->-', 'PortB', null]);
    expect(one(DENIED, 'Asia/Kolkata').time?.toISOString()).toBe('2026-11-20T00:55:01.000Z');
    expect(one(`Nov 20 06:25:02 192.0.2.1 ${DENIED}`).host).toBe('192.0.2.1');
    expect(one(withField('device_id', null, DENIED), 'UTC').host).toBeNull();
  });

  it('timestamp offsets: +0100, -06:00, Z; none is --tz; without any time field, the syslog header', () => {
    expect(one(withField('timestamp', '"2026-11-20T06:30:12-06:00"')).time?.toISOString()).toBe('2026-11-20T12:30:12.000Z');
    expect(one(withField('timestamp', '"2026-11-20T06:30:12Z"')).time?.toISOString()).toBe('2026-11-20T06:30:12.000Z');
    expect(one(withField('timestamp', '"2026-11-20T06:30:59.9996+01:00"')).time?.toISOString()).toBe('2026-11-20T05:30:59.999Z');
    expect(one(withField('timestamp', '"2026-11-20T06:30:12"'), 'Asia/Tokyo').time?.toISOString()).toBe('2026-11-19T21:30:12.000Z');
    expect(one(withField('timestamp', null).replace('<30>', '<30>2026-11-21T10:00:00Z relay ')).time?.toISOString()).toBe('2026-11-21T10:00:00.000Z');
  });

  it('log_subtype Allowed, Denied, Dropped; else status; another word is other; an allowed record is a connection', () => {
    const action = (sub: string) => one(withField('log_subtype', `"${sub}"`)).action;
    expect([action('Allowed'), action('Denied'), action('Dropped'), action('Interim')]).toEqual(['allow', 'drop', 'drop', 'other']);
    expect(one(withField('log_subtype', null, withField('status', '"Deny"'))).action).toBe('drop');
    expect(isConnectionRecord(one(ALLOWED))).toBe(true);
    expect(isConnectionRecord(one(DENIED))).toBe(false);
  });

  it('direction: device access is to the firewall itself; LAN, DMZ or WiFi to WAN goes out; the rest passes through', () => {
    const dir = (from: string, to: string, line = ALLOWED) => one(withField('dst_zone_type', `"${to}"`, withField('src_zone_type', `"${from}"`, line))).direction;
    expect([dir('LAN', 'WAN'), dir('DMZ', 'WAN'), dir('WiFi', 'WAN')]).toEqual(['out', 'out', 'out']);
    expect([dir('WAN', 'LAN'), dir('WAN', 'DMZ'), dir('LAN', 'DMZ'), dir('VPN', 'WAN')]).toEqual(['forward', 'forward', 'forward', 'forward']);
    const local = withField('log_component', '"Appliance Access"', withField('out_interface', null, withField('dst_zone', null, withField('dst_zone_type', null))));
    const e = one(local);
    expect([e.direction, e.rule]).toEqual(['in', 'Appliance Access: fw_rule 5 "LAN to Internet" LAN->LOCAL']);
    // v18 writes a zone type with a space before it.
    expect(one(withField('srczonetype', '" LAN"', withField('dstzonetype', '"WAN"', DENIED))).direction).toBe('out');
  });

  it('the rule: component (when not Firewall Rule), id, name and zones; in ECS rule.id, rule.name, event.reason and the observer zones', () => {
    const dos = one(withField('log_component', '"DoS Attack"', DENIED));
    expect(dos.rule).toBe('DoS Attack: fw_rule 0 WAN->-');
    const ecs = (e: FirewallEvent) => JSON.parse(eventToEcs(e)) as { rule?: unknown; observer: unknown; event: { reason?: string } };
    const allowed = ecs(one(withField('fw_rule_name', '"DMZ: web \\"in\\""')));
    expect(allowed.rule).toEqual({ id: '5', name: 'DMZ: web "in"' });
    expect(allowed.event.reason).toBeUndefined();
    expect(allowed.observer).toEqual({
      hostname: 'fw1',
      type: 'firewall',
      ingress: { interface: { name: 'Port1' }, zone: 'LAN' },
      egress: { interface: { name: 'Port2' }, zone: 'WAN' },
    });
    const d = ecs(dos);
    expect([d.rule, d.event.reason]).toEqual([{ id: '0' }, 'DoS Attack']);
    const local = ecs(one(withField('log_component', '"Appliance Access"', DENIED)));
    expect(local.observer).toEqual({ hostname: 'C01001XXXXXXXXX', type: 'firewall', ingress: { interface: { name: 'PortB' }, zone: 'WAN' } });
    expect(one(withField('fw_rule_id', null, withField('fw_rule_name', null))).rule).toBe('fw_rule - LAN->WAN');
  });

  it('ICMP type and code; IPv6; a protocol word no table names is other', () => {
    const ping = withField('protocol', '"ICMP"', withField('icmp_type', '8', withField('src_port', null, withField('dst_port', null))));
    expect([one(ping).proto, one(ping).icmp, one(ping).src.port]).toEqual(['icmp', { type: 8, code: null, embedded: null }, null]);
    const v6 = one(withField('src_ip', '"2001:db8:1::23"', withField('dst_ip', '"2001:db8:ffff::80"', withField('protocol', '"ICMPv6"', withField('icmp_type', '128', withField('icmp_code', '0'))))));
    expect([v6.ipVersion, v6.proto, v6.icmp?.type]).toEqual([6, 'icmpv6', 128]);
    expect(one(withField('protocol', '"Foo"')).proto).toBe('other');
  });

  it('fields it does not need are passed over, whatever they hold', () => {
    const noisy = ALLOWED.replace(' in_interface=', ' message="src_ip=10.9.9.9 log_subtype=\\"Denied\\"" ether_type=IPv4 (0x0800) packets_sent=2  packets_received=2 odd-key_2=!!! in_interface=');
    const e = one(noisy);
    expect([e.src.ip, e.action, e.inIface]).toEqual(['192.168.2.23', 'allow', 'Port1']);
  });
});

describe('sophos-xg: lines skipped and lines malformed', () => {
  it('other log types are skipped, saying the type; a line of another program is not a record', () => {
    const r = parseLines(sophosXgFormat, [
      withField('log_type', '"Event"'),
      withField('log_type', '"Content Filtering"'),
      'Nov 20 06:41:00 loghost sshd[811]: Accepted publickey for admin from 192.168.2.5 port 50022 ssh2',
    ]);
    expect(r.events).toEqual([]);
    expect(r.malformed).toEqual([]);
    expect(r.skipped.map((s) => s.reason)).toEqual(["Sophos log of 'Event': not a firewall record", "Sophos log of 'Content Filtering': not a firewall record", 'not a firewall record']);
  });

  it('a needed field missing or unreadable is malformed, named as SFOS names it', () => {
    expect(malformed(withField('src_ip', null))).toBe('src_ip: missing');
    expect(malformed(withField('dst_ip', '"N/A"'))).toBe("dst_ip: invalid address 'N/A'");
    expect(malformed(withField('dst_ip', '"2001:db8::1"'))).toBe('dst_ip: address family differs from src_ip');
    expect(malformed(withField('dst_port', null))).toBe('dst_port: missing');
    expect(malformed(withField('src_port', '65536'))).toBe("src_port: invalid port '65536'");
    expect(malformed(withField('protocol', null))).toBe('protocol: missing');
    expect(malformed(withField('log_subtype', null))).toBe('log_subtype: missing');
    expect(malformed(withField('log_type', null))).toBe('log_type: missing');
    expect(malformed(withField('timestamp', '"2026-11-20T06:30:12+2500"'))).toBe('timestamp: impossible UTC offset');
    expect(malformed(withField('timestamp', '"20.11.2026 06:30"'))).toBe("timestamp: invalid '20.11.2026 06:30'");
    // The stamp's own field, as its other reasons say (it said `time:`, the v17 fields').
    expect(malformed(withField('timestamp', '"2026-02-30T06:30:12+0100"'))).toBe('timestamp: impossible date (Feb 30)');
    // A cut stamp is no stamp (a fraction without digits was read as none).
    expect(malformed(withField('timestamp', '"2026-11-20T06:30:12.+0100"'))).toBe("timestamp: invalid '2026-11-20T06:30:12.+0100'");
    expect(malformed(withField('date', '2026-02-30', DENIED))).toBe('time: impossible date (Feb 30)');
    expect(malformed(withField('time', '6:25', DENIED))).toBe("time: invalid '6:25'");
  });

  it('a line cut inside a quoted value is malformed: what followed the cut is gone', () => {
    expect(malformed(ALLOWED.slice(0, ALLOWED.indexOf('src_zone="LA') + 12))).toBe('src_zone: unclosed "');
    expect(malformed(ALLOWED.slice(0, ALLOWED.indexOf('log_type="Fire') + 14))).toBe('log_type: unclosed "');
  });
});

describe('sophos-xg: sniffing and mixed files', () => {
  it('its own logs sniff as sophos-xg with high confidence', () => {
    expectOwnLogsSniffAs(FIXTURES, ['firewall.log', 'sample/xgs2100.log'], 'sophos-xg', 0.95);
  });

  it("every other format's examples, the samples and the corpus do not look like an SFOS log", () => {
    for (const f of formats) if (f !== sophosXgFormat) expect([f.id, sophosXgFormat.sniff(f.examples)]).toEqual([f.id, 0]);
    expectNoSampleOrCorpusSniffsAs(sophosXgFormat);
  });

  it('a loghost file of iptables and SFOS lines: each line is read by its own payload, whichever format the file is read as', () => {
    const lines = [IPTABLES, `Nov 20 06:25:01 192.0.2.1 ${DENIED}`, ALLOWED, IPTABLES];
    for (const f of [iptablesFormat, sophosXgFormat]) {
      const r = parseLines(f, lines, { tz: 'UTC' });
      expect(r.malformed).toEqual([]);
      expect(r.events.map((e) => e.format)).toEqual(['iptables', 'sophos-xg', 'sophos-xg', 'iptables']);
    }
    expect(payloadKind(DENIED, 0, DENIED.length)).toBe('sophos-xg');
    expect(payloadKind(ALLOWED, 4, ALLOWED.length)).toBe('sophos-xg');
  });
});

describe('sophos-xg: the sample log', () => {
  it('is what make-sample.mjs writes, and reads with nothing malformed', () => {
    const text = generatedSample(FIXTURES, 'sample/xgs2100.log');
    const r = parseLines(sophosXgFormat, splitLines(text));
    expect(r.malformed).toEqual([]);
    expect(r.skipped).toHaveLength(17);
    expect(r.events).toHaveLength(305);
    const by = (k: (e: FirewallEvent) => string) => countBy(r.events, k);
    expect(by((e) => e.action)).toEqual({ drop: 230, allow: 75 });
    expect(by((e) => String(e.direction))).toEqual({ forward: 228, out: 66, in: 11 });
    expect(r.events.filter(isConnectionRecord)).toHaveLength(75);
  });
});
