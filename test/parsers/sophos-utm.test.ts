// The Sophos UTM packet filter parser, one behaviour per test; the golden fixture
// (test/fixtures/sophos-utm/packetfilter.log) covers a whole file.
import { describe, expect, it } from 'vitest';
import type { FirewallEvent } from '../../src/event.js';
import { isConnectionRecord } from '../../src/parsers/connection-records.js';
import { iptablesFormat } from '../../src/parsers/iptables.js';
import { payloadKind } from '../../src/parsers/payload-dispatch.js';
import { formats } from '../../src/parsers/registry.js';
import { sophosUtmFormat } from '../../src/parsers/sophos-utm.js';
import { eventToEcs } from '../../src/render/event-json.js';
import { parseLines, splitLines } from '../helpers/parse.js';
import { countBy, expectNoSampleOrCorpusSniffsAs, expectOwnLogsSniffAs, generatedSample, malformedReason, oneEvent } from '../helpers/format-tests.js';

const FIXTURES = new URL('../fixtures/sophos-utm/', import.meta.url).pathname;

// A probe of the UTM's WAN address dropped by the final drop rule, as /var/log/packetfilter.log holds it.
const DROP =
  '2026:11:20-06:25:01 utm ulogd[5432]: id="2001" severity="info" sys="SecureNet" sub="packetfilter" name="Packet dropped" action="drop" fwrule="60001" initf="eth1" srcmac="00:11:22:33:44:55" dstmac="00:16:3e:5e:6c:00" srcip="203.0.113.7" dstip="198.51.100.2" proto="6" length="60" tos="0x00" prec="0x00" ttl="51" srcport="41234" dstport="23" tcpflags="SYN"';
const IPTABLES =
  'Nov 20 06:25:01 gw kernel: [123.456] [UFW BLOCK] IN=eth0 OUT= MAC=00:16:3e:11:22:33:00:16:3e:44:55:66:08:00 SRC=203.0.113.7 DST=198.51.100.2 LEN=40 TOS=0x00 PREC=0x00 TTL=241 ID=54321 PROTO=TCP SPT=47001 DPT=23 WINDOW=1024 RES=0x00 SYN URGP=0';

function one(line: string, tz: string | null = 'Europe/Berlin'): FirewallEvent {
  return oneEvent(sophosUtmFormat, line, { tz });
}

function malformed(line: string): string {
  return malformedReason(sophosUtmFormat, line, { tz: 'UTC' });
}

/** DROP with `key="value"` put in place of the key's own pair (or added when absent), or the key removed with null. */
function withField(key: string, value: string | null, line = DROP): string {
  const re = new RegExp(`(?<= )${key}="[^"]*"`);
  if (value === null) return line.replace(new RegExp(` ${key}="[^"]*"`), '');
  return re.test(line) ? line.replace(re, `${key}="${value}"`) : `${line} ${key}="${value}"`;
}

describe('sophos-utm: reading a packet filter record', () => {
  it('reads the stamp in --tz, the host, addresses, ports, protocol, interface, length, TTL and flags', () => {
    const e = one(DROP);
    expect([e.time?.toISOString(), e.yearInferred, e.host, e.format, e.proto, e.ipVersion]).toEqual(['2026-11-20T05:25:01.000Z', false, 'utm', 'sophos-utm', 'tcp', 4]);
    expect([e.src, e.dst]).toEqual([{ ip: '203.0.113.7', port: 41234 }, { ip: '198.51.100.2', port: 23 }]);
    expect([e.inIface, e.outIface, e.direction, e.rule]).toEqual(['eth1', null, 'in', 'fwrule 60001 Packet dropped']);
    expect([e.len, e.ttl, e.tcpFlags]).toEqual([60, 51, ['SYN']]);
    expect(one(DROP, 'Asia/Tokyo').time?.toISOString()).toBe('2026-11-19T21:25:01.000Z');
  });

  it('drop, reject and accept; another action word (a logged DNS request) is other; every record is a packet', () => {
    const action = (a: string) => one(withField('action', a)).action;
    expect([action('drop'), action('reject'), action('accept'), action('DNS request')]).toEqual(['drop', 'reject', 'allow', 'other']);
    expect(isConnectionRecord(one(withField('action', 'accept')))).toBe(false);
    expect(sophosUtmFormat.connectionRecords).toBeUndefined();
  });

  it('direction from initf and outitf, as netfilter IN= and OUT=', () => {
    const both = withField('outitf', 'eth0');
    expect(one(both).direction).toBe('forward');
    expect([one(both).inIface, one(both).outIface]).toEqual(['eth1', 'eth0']);
    expect(one(withField('initf', null, both)).direction).toBe('out');
    expect(one(withField('initf', null)).direction).toBeNull();
  });

  it('the rule is fwrule and the record name, in ECS rule.id and event.reason; interfaces are the observer ingress and egress', () => {
    const geo = withField('name', 'Packet dropped (GEOIP)', withField('fwrule', '60019', withField('outitf', 'eth0')));
    expect(one(geo).rule).toBe('fwrule 60019 Packet dropped (GEOIP)');
    const doc = JSON.parse(eventToEcs(one(geo))) as { rule: unknown; observer: unknown; event: { reason: string; action: string } };
    expect(doc.rule).toEqual({ id: '60019' });
    expect([doc.event.reason, doc.event.action]).toEqual(['Packet dropped (GEOIP)', 'drop']);
    expect(doc.observer).toEqual({ hostname: 'utm', type: 'firewall', ingress: { interface: { name: 'eth1' } }, egress: { interface: { name: 'eth0' } } });
    expect(one(withField('name', null)).rule).toBe('fwrule 60001');
    expect(one(withField('fwrule', null)).rule).toBe('Packet dropped');
    expect(one(withField('fwrule', null, withField('name', null))).rule).toBeNull();
  });

  it('TCP flags are words; ICMP has type and code; a protocol without ports needs none', () => {
    expect(one(withField('tcpflags', 'ACK PSH')).tcpFlags).toEqual(['ACK', 'PSH']);
    expect(one(withField('tcpflags', 'FIN PSH URG')).tcpFlags).toEqual(['URG', 'PSH', 'FIN']);
    expect(one(withField('tcpflags', null)).tcpFlags).toBeNull();
    const ping = withField('proto', '1', withField('type', '8', withField('code', '0', withField('srcport', null, withField('dstport', null, withField('tcpflags', null))))));
    const e = one(ping);
    expect([e.proto, e.icmp, e.src.port, e.dst.port, e.tcpFlags]).toEqual(['icmp', { type: 8, code: 0, embedded: null }, null, null, null]);
    expect(one(withField('proto', '47', withField('srcport', null, withField('dstport', null)))).proto).toBe('gre');
  });

  it('IPv6 addresses and ICMPv6', () => {
    const e = one(withField('srcip', '2001:db8:ffff::7', withField('dstip', '2001:db8:1::1', withField('proto', '58', withField('type', '128', withField('code', '0'))))));
    expect([e.ipVersion, e.src.ip, e.dst.ip, e.proto, e.icmp?.type]).toEqual([6, '2001:db8:ffff::7', '2001:db8:1::1', 'icmpv6', 128]);
  });

  it('fields it does not need are passed over, whatever they hold', () => {
    const noisy = DROP.replace(' srcmac=', ' mark="0x21bd" app="445" note="srcip=10.9.9.9 action=\\"accept\\" said" odd-key_2="!!" srcmac=');
    const e = one(noisy);
    expect([e.src.ip, e.action]).toEqual(['203.0.113.7', 'drop']);
  });

  it('after <PRI>, behind a relay header, without a host: the same packet, the UTM its own host and clock', () => {
    const pri = one(`<30>${DROP}`);
    const relayed = one(`Nov 20 07:00:00 loghost ${DROP}`);
    for (const e of [pri, relayed]) expect([e.time?.toISOString(), e.host, e.rule]).toEqual(['2026-11-20T05:25:01.000Z', 'utm', 'fwrule 60001 Packet dropped']);
    expect(one(DROP.replace(' utm ulogd', ' ulogd')).host).toBeNull();
    // Wazuh's decoder reads one-digit months and days: `2016:1:29-06:09:59`.
    expect(one(DROP.replace('2026:11:20', '2026:1:2')).time?.toISOString()).toBe('2026-01-02T05:25:01.000Z');
  });
});

describe('sophos-utm: lines skipped and lines malformed', () => {
  it("the UTM's other programs and subsystems are skipped, saying which; a line of another device is not a record", () => {
    const r = parseLines(sophosUtmFormat, [
      '2026:11:20-06:40:00 utm httpd: 192.168.2.5 - - [20/Nov/2026:06:40:00 +0100] "POST /webadmin.plx HTTP/1.1" 200 609',
      withField('sub', 'ips').replace('ulogd[5432]', 'snort[2999]'),
      'Nov 20 06:41:00 loghost sshd[811]: Accepted publickey for admin from 192.168.2.5 port 50022 ssh2',
    ]);
    expect(r.events).toEqual([]);
    expect(r.malformed).toEqual([]);
    expect(r.skipped.map((s) => s.reason)).toEqual(["Sophos log of 'httpd': not a firewall record", "Sophos log of 'ips': not a firewall record", 'not a firewall record']);
  });

  it('a needed field missing or unreadable is malformed, named as the UTM names it', () => {
    expect(malformed(withField('srcip', null))).toBe('srcip: missing');
    expect(malformed(withField('dstip', 'N/A'))).toBe("dstip: invalid address 'N/A'");
    expect(malformed(withField('dstip', '2001:db8::1'))).toBe('dstip: address family differs from srcip');
    expect(malformed(withField('dstport', null))).toBe('dstport: missing');
    expect(malformed(withField('srcport', '65536'))).toBe("srcport: invalid port '65536'");
    expect(malformed(withField('proto', 'tcp'))).toBe("proto: not a protocol number 'tcp'");
    expect(malformed(withField('proto', null))).toBe('proto: missing');
    expect(malformed(withField('action', null))).toBe('action: missing');
    expect(malformed(withField('action', ''))).toBe('action: missing');
    expect(malformed(withField('tcpflags', 'SYN BOGUS'))).toBe("tcpflags: invalid 'SYN BOGUS'");
    expect(malformed(DROP.replace('2026:11:20', '2026:02:30'))).toBe('time: impossible date (Feb 30)');
    expect(malformed(DROP.replace('06:25:01', '25:25:01'))).toBe('time: impossible time (hour 25)');
  });

  it('a line cut inside a quoted value is malformed: what followed the cut is gone', () => {
    expect(malformed(DROP.slice(0, DROP.indexOf('dstport="2') + 10))).toBe('dstport: unclosed "');
    expect(malformed(DROP.slice(0, DROP.indexOf('tos="0x') + 7))).toBe('tos: unclosed "');
  });
});

describe('sophos-utm: sniffing and mixed files', () => {
  it('its own logs sniff as sophos-utm with high confidence', () => {
    expectOwnLogsSniffAs(FIXTURES, ['packetfilter.log', 'sample/utm-home.log'], 'sophos-utm', 0.95);
  });

  it("every other format's examples, the samples and the corpus do not look like a UTM log", () => {
    for (const f of formats) if (f !== sophosUtmFormat) expect([f.id, sophosUtmFormat.sniff(f.examples)]).toEqual([f.id, 0]);
    expectNoSampleOrCorpusSniffsAs(sophosUtmFormat);
  });

  it('a loghost file of iptables and UTM lines: each line is read by its own payload, whichever format the file is read as', () => {
    const lines = [IPTABLES, `<30>${DROP}`, `Nov 20 06:25:02 loghost ${DROP}`, IPTABLES];
    for (const f of [iptablesFormat, sophosUtmFormat]) {
      const r = parseLines(f, lines, { tz: 'UTC' });
      expect(r.malformed).toEqual([]);
      expect(r.events.map((e) => e.format)).toEqual(['iptables', 'sophos-utm', 'sophos-utm', 'iptables']);
    }
    expect(payloadKind(DROP, 0, DROP.length)).toBe('sophos-utm');
    expect(payloadKind(IPTABLES, 0, IPTABLES.length)).toBe('iptables');
  });
});

describe('sophos-utm: the sample log', () => {
  it('is what make-sample.mjs writes, and reads with nothing malformed', () => {
    const text = generatedSample(FIXTURES, 'sample/utm-home.log');
    const r = parseLines(sophosUtmFormat, splitLines(text), { tz: 'Europe/Berlin' });
    expect(r.malformed).toEqual([]);
    expect(r.skipped).toHaveLength(18);
    expect(r.events).toHaveLength(298);
    const by = (k: (e: FirewallEvent) => string) => countBy(r.events, k);
    expect(by((e) => e.action)).toEqual({ drop: 252, allow: 46 });
    expect(by((e) => String(e.direction))).toEqual({ in: 246, forward: 46, out: 6 });
    expect(by((e) => String(e.ipVersion))).toEqual({ 4: 286, 6: 12 });
  });
});
