// The Cisco Meraki MX syslog parser, one behaviour per test; the golden fixture
// (test/fixtures/meraki/flows.log) covers a whole file.
import { describe, expect, it } from 'vitest';
import type { FirewallEvent } from '../../src/event.js';
import { isConnectionRecord } from '../../src/parsers/connection-records.js';
import { iptablesFormat } from '../../src/parsers/iptables.js';
import { merakiFormat } from '../../src/parsers/meraki.js';
import { payloadKind } from '../../src/parsers/payload-dispatch.js';
import { formats } from '../../src/parsers/registry.js';
import { eventToEcs } from '../../src/render/event-json.js';
import { egressReason } from '../../src/util/egress.js';
import { parseLines, splitLines } from '../helpers/parse.js';
import { countBy, expectNoSampleOrCorpusSniffsAs, expectOwnLogsSniffAs, generatedSample, malformedReason, oneEvent } from '../helpers/format-tests.js';

const FIXTURES = new URL('../fixtures/meraki/', import.meta.url).pathname;

// MX18.101+: a LAN client's connection out, allowed by the outbound rule `allow all`.
const ALLOWED = '<134>1 1795155930.123456789 MX68_Branch firewall src=192.168.10.23 dst=198.51.100.80 mac=00:18:0A:11:22:33 protocol=tcp sport=52421 dport=443 pattern: allow all';
// An inbound probe denied (`1` is deny on inbound rules).
const DENIED = '<134>1 1795155901.104233871 MX68_Branch flows src=203.0.113.7 dst=198.51.100.2 protocol=tcp sport=41234 dport=23 pattern: 1 all';
const IPTABLES =
  'Nov 20 06:25:01 gw kernel: [123.456] [UFW BLOCK] IN=eth0 OUT= MAC=00:16:3e:11:22:33:00:16:3e:44:55:66:08:00 SRC=203.0.113.7 DST=198.51.100.2 LEN=40 TOS=0x00 PREC=0x00 TTL=241 ID=54321 PROTO=TCP SPT=47001 DPT=23 WINDOW=1024 RES=0x00 SYN URGP=0';

function one(line: string, tz: string | null = 'UTC'): FirewallEvent {
  return oneEvent(merakiFormat, line, { tz });
}

function malformed(line: string): string {
  return malformedReason(merakiFormat, line, { tz: 'UTC' });
}

/** DENIED with its pattern (the text after `pattern: `) replaced, or the whole `pattern:` removed with null. */
function withPattern(pattern: string | null, line = DENIED): string {
  const at = line.indexOf(' pattern: ');
  return pattern === null ? line.slice(0, at) : `${line.slice(0, at)} pattern: ${pattern}`;
}

describe('meraki: reading a firewall record', () => {
  it('the epoch as the time (to the millisecond), the device name as host, addresses, ports, protocol, the direction from the addresses; no interfaces or flags', () => {
    const e = one(ALLOWED);
    expect([e.time?.toISOString(), e.yearInferred, e.host, e.format, e.proto, e.ipVersion]).toEqual(['2026-11-20T06:25:30.123Z', false, 'MX68_Branch', 'meraki', 'tcp', 4]);
    expect([e.src, e.dst]).toEqual([{ ip: '192.168.10.23', port: 52421 }, { ip: '198.51.100.80', port: 443 }]);
    expect([e.action, e.rule, e.direction, e.inIface, e.outIface]).toEqual(['allow', 'firewall: allow all', 'out', null, null]);
    // A flow record says nothing of flags: unknown, never a NULL scan's [].
    expect([e.tcpFlags, e.len, e.ttl, e.icmp]).toEqual([null, null, null, null]);
  });

  it('the epoch is absolute: --tz does not move it; behind a relay it wins over the relay\'s stamp; bare, it is read all the same; without one, the header\'s stamp', () => {
    expect(one(DENIED, 'Asia/Tokyo').time?.toISOString()).toBe('2026-11-20T06:25:01.104Z');
    const relayed = one(DENIED.replace('<134>1 ', 'Nov 20 09:00:00 192.168.10.1 1 '), 'Europe/Berlin');
    expect([relayed.time?.toISOString(), relayed.host]).toEqual(['2026-11-20T06:25:01.104Z', 'MX68_Branch']);
    const bare = one(DENIED.replace('<134>1 ', ''));
    expect([bare.time?.toISOString(), bare.host, bare.action]).toEqual(['2026-11-20T06:25:01.104Z', 'MX68_Branch', 'drop']);
    expect(one(DENIED.replace('1795155901.104233871', '1795155901')).time?.toISOString()).toBe('2026-11-20T06:25:01.000Z');
    const headerOnly = one(DENIED.replace('<134>1 1795155901.104233871 ', 'Nov 20 07:25:01 192.168.10.1 '), 'Europe/Berlin');
    expect([headerOnly.time?.toISOString(), headerOnly.host, headerOnly.action]).toEqual(['2026-11-20T06:25:01.000Z', 'MX68_Branch', 'drop']);
  });

  it('the verdict: the word after the type, else pattern\'s first word (allow, deny; 1 deny and 0 allow, as Meraki documents; after Group Policy)', () => {
    const act = (p: string) => one(withPattern(p)).action;
    expect([act('allow all'), act('deny all'), act('1 all'), act('0 (dst 198.51.100.2/32)'), act('Group Policy Allow'), act('Group Policy Deny')]).toEqual(['allow', 'drop', 'drop', 'allow', 'allow', 'drop']);
    const mr = (word: string) => one(withPattern(null, DENIED.replace(' flows ', ` flows ${word} `)));
    expect([mr('allow').action, mr('allow').rule, mr('deny').action, mr('deny').rule]).toEqual(['allow', 'flows allow', 'drop', 'flows deny']);
    expect(one(withPattern('deny (src 10.10.0.0/16)', DENIED.replace(' flows ', ' vpn_firewall '))).rule).toBe('vpn_firewall: deny (src 10.10.0.0/16)');
  });

  it('an allowed record is a connection, a denied one a packet; ip_flow_start is an allowed connection, ip_flow_end skipped', () => {
    expect([isConnectionRecord(one(ALLOWED)), isConnectionRecord(one(DENIED))]).toEqual([true, false]);
    const nat = '<134>1 1795155970.250000000 MX68_Branch ip_flow_start src=192.168.10.23 dst=198.51.100.80 protocol=tcp sport=52421 dport=443 translated_src_ip=198.51.100.2 translated_port=52421';
    const e = one(nat);
    expect([e.action, e.rule, e.src.port, e.dst.port, isConnectionRecord(e)]).toEqual(['allow', 'ip_flow_start', 52421, 443, true]);
    const r = parseLines(merakiFormat, [nat, nat.replace('ip_flow_start', 'ip_flow_end')]);
    expect([r.events.length, r.skipped]).toEqual([1, [{ line: 2, reason: 'Meraki ip_flow_end: its ip_flow_start counts the flow' }]]);
  });

  it('ICMP type (Meraki logs no code); ICMPv6; a protocol number; IPv6', () => {
    const ping = one(DENIED.replace('protocol=tcp sport=41234 dport=23', 'protocol=icmp type=8'));
    expect([ping.proto, ping.icmp, ping.src.port, ping.dst.port]).toEqual(['icmp', { type: 8, code: null, embedded: null }, null, null]);
    const v6 = one(ALLOWED.replace('src=192.168.10.23 dst=198.51.100.80', 'src=2001:db8:10::23 dst=2001:db8:ffff::53').replace('protocol=tcp sport=52421 dport=443', 'protocol=icmp6 type=128'));
    expect([v6.ipVersion, v6.proto, v6.icmp?.type, v6.src.ip]).toEqual([6, 'icmpv6', 128, '2001:db8:10::23']);
    expect(one(DENIED.replace('protocol=tcp sport=41234 dport=23', 'protocol=2')).proto).toBe('igmp');
  });

  it('the addresses give the direction: a LAN client to the Internet is out (this side\'s own), an Internet source to a LAN host in, LAN to LAN forward, neither end this side\'s none', () => {
    expect([egressReason(one(ALLOWED)), egressReason(one(DENIED))]).toEqual(['out', null]);
    const between = (src: string, dst: string) => one(ALLOWED.replace('src=192.168.10.23', `src=${src}`).replace('dst=198.51.100.80', `dst=${dst}`)).direction;
    expect([between('203.0.113.7', '192.168.10.5'), between('192.168.10.23', '10.1.2.3'), between('203.0.113.7', '198.51.100.80')]).toEqual(['in', 'forward', null]);
  });

  it('fields it does not need are passed over, whatever they hold', () => {
    const noisy = ALLOWED.replace(' mac=00:18:0A:11:22:33', ' mac=00-18-0a-xx-xx-xx vlan=10 odd_key=!!! translated_port=abc');
    expect([one(noisy).src.ip, one(noisy).action, one(noisy).dst.port]).toEqual(['192.168.10.23', 'allow', 443]);
  });

  it('the rule in ECS: the type as rule.ruleset, the pattern as rule.name; ip_flow_start as event.reason', () => {
    const ecs = (e: FirewallEvent) => JSON.parse(eventToEcs(e)) as { rule?: unknown; observer: unknown; event: { reason?: string } };
    const a = ecs(one(ALLOWED));
    expect([a.rule, a.observer]).toEqual([{ name: 'allow all', ruleset: 'firewall' }, { hostname: 'MX68_Branch', type: 'firewall' }]);
    expect(ecs(one(withPattern(null, DENIED.replace(' flows ', ' flows deny ')))).rule).toEqual({ name: 'deny', ruleset: 'flows' });
    const nat = ecs(one(DENIED.replace(' flows ', ' ip_flow_start ').replace(' pattern: 1 all', '')));
    expect([nat.rule, nat.event.reason]).toEqual([undefined, 'ip_flow_start']);
  });
});

describe('meraki: lines skipped and lines malformed', () => {
  it('the other types are skipped, saying the type; a line of another program is not a record', () => {
    const r = parseLines(merakiFormat, [
      '<134>1 1795156031.000000000 MX68_Branch events dhcp lease of ip 192.168.10.77 from mx mac 00:18:0A:11:22:00 for client mac 00:18:0A:33:44:55',
      '<134>1 1795156032.000000000 MX68_Branch urls src=192.168.10.23:52421 dst=198.51.100.80:443 mac=00:18:0A:11:22:33 request: GET https://www.example.com/',
      '<134>1 1795156033.000000000 MX68_Branch security_event ids_alerted signature=1:2000:1 priority=2 src=203.0.113.7:80 dst=192.168.10.23:52422 decision=blocked message: EXAMPLE',
      'Nov 20 06:41:00 loghost sshd[811]: Accepted publickey for admin from 192.168.10.5 port 50022 ssh2',
    ]);
    expect(r.events).toEqual([]);
    expect(r.malformed).toEqual([]);
    expect(r.skipped.map((s) => s.reason)).toEqual([
      "Meraki log of type 'events': not a firewall flow record",
      "Meraki log of type 'urls': not a firewall flow record",
      "Meraki log of type 'security_event': not a firewall flow record",
      'not a firewall record',
    ]);
  });

  it('a needed field missing or unreadable is malformed, named as Meraki names it', () => {
    expect(malformed(DENIED.replace('src=203.0.113.7 ', ''))).toBe('src: missing');
    expect(malformed(DENIED.replace('dst=198.51.100.2', 'dst=198.51.100.X'))).toBe("dst: invalid address '198.51.100.X'");
    expect(malformed(DENIED.replace('dst=198.51.100.2', 'dst=2001:db8::2'))).toBe('dst: address family differs from src');
    expect(malformed(DENIED.replace(' dport=23', ''))).toBe('dport: missing');
    expect(malformed(DENIED.replace('sport=41234', 'sport=65536'))).toBe("sport: invalid port '65536'");
    expect(malformed(DENIED.replace('protocol=tcp ', ''))).toBe('protocol: missing');
    expect(malformed(withPattern(null))).toBe('pattern: missing');
    expect(malformed(withPattern(''))).toBe('pattern: missing');
    expect(malformed(withPattern('permit all'))).toBe("pattern: unknown 'permit'");
    expect(malformed(DENIED.replace('1795155901.104233871', '17951559O1.104233871'))).toBe("epoch: invalid '17951559O1.104233871'");
  });
});

describe('meraki: sniffing and mixed files', () => {
  it('its own logs sniff as meraki with high confidence', () => {
    expectOwnLogsSniffAs(FIXTURES, ['flows.log', 'sample/mx68.log'], 'meraki', 0.95);
  });

  it("every other format's examples, the samples and the corpus do not look like a Meraki log", () => {
    for (const f of formats) if (f !== merakiFormat) expect([f.id, merakiFormat.sniff(f.examples)]).toEqual([f.id, 0]);
    expectNoSampleOrCorpusSniffsAs(merakiFormat);
  });

  it('a loghost file of iptables and Meraki lines: each line is read by its own payload, whichever format the file is read as', () => {
    const lines = [IPTABLES, `Nov 20 06:25:01 192.168.10.1 ${DENIED.slice(5)}`, ALLOWED, IPTABLES];
    for (const f of [iptablesFormat, merakiFormat]) {
      const r = parseLines(f, lines, { tz: 'UTC' });
      expect(r.malformed).toEqual([]);
      expect(r.events.map((e) => e.format)).toEqual(['iptables', 'meraki', 'meraki', 'iptables']);
    }
    expect(payloadKind(ALLOWED, 0, ALLOWED.length)).toBe('meraki');
    expect(payloadKind(IPTABLES, 16, IPTABLES.length)).toBe('iptables');
    // A bare `host type` is Meraki's only for a firewall type with its src= after it.
    expect(payloadKind('gw1 events src=1', 0, 16)).toBeNull();
  });
});

describe('meraki: the sample log', () => {
  it('is what make-sample.mjs writes, and reads with nothing malformed', () => {
    const text = generatedSample(FIXTURES, 'sample/mx68.log');
    const r = parseLines(merakiFormat, splitLines(text));
    expect(r.malformed).toEqual([]);
    expect(r.skipped).toHaveLength(34);
    expect(r.events).toHaveLength(282);
    const by = (k: (e: FirewallEvent) => string) => countBy(r.events, k);
    expect(by((e) => e.action)).toEqual({ drop: 229, allow: 53 });
    expect(by((e) => e.rule ?? '-')).toEqual({
      'firewall: 1 all': 223,
      'firewall: allow all': 18,
      'firewall: 0 (dst 198.51.100.10/32)': 15,
      ip_flow_start: 15,
      'firewall: deny (dst 203.0.113.201/32)': 6,
      'vpn_firewall: allow (src 10.20.0.0/16)': 5,
    });
    expect(r.events.filter(isConnectionRecord)).toHaveLength(53);
  });
});
