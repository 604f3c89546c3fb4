// The WatchGuard Firebox (Fireware) traffic log parser, one behaviour per test; the golden
// fixture (test/fixtures/watchguard/traffic.log) covers a whole file.
import { describe, expect, it } from 'vitest';
import type { FirewallEvent } from '../../src/event.js';
import { isConnectionRecord } from '../../src/parsers/connection-records.js';
import { iptablesFormat } from '../../src/parsers/iptables.js';
import { payloadKind } from '../../src/parsers/payload-dispatch.js';
import { formats } from '../../src/parsers/registry.js';
import { watchguardFormat, watchguardPacketMessages } from '../../src/parsers/watchguard.js';
import { eventToEcs } from '../../src/render/event-json.js';
import { parseLines, splitLines } from '../helpers/parse.js';
import { countBy, expectNoSampleOrCorpusSniffsAs, expectOwnLogsSniffAs, generatedSample, malformedReason, oneEvent } from '../helpers/format-tests.js';

const FIXTURES = new URL('../fixtures/watchguard/', import.meta.url).pathname;

// A probe of the Firebox's own address from the Internet, denied by the default policy.
const DENIED =
  '<140>Nov 20 06:25:01 fb-edge 80AB01234567C (2026-11-20T05:25:01) firewall: msg_id="3000-0148" Deny 0-External Firebox 60 tcp 20 51 203.0.113.7 198.51.100.2 41234 23 offset 10 S 1234567 win 1024 geo_src="USA" (Unhandled External Packet-00)';
// A LAN client's connection out, allowed by a policy.
const ALLOWED =
  '<142>Nov 20 06:30:12 fb-edge 80AB01234567C (2026-11-20T05:30:12) firewall[10]: msg_id="3000-0148" Allow 1-Trusted 0-External 52 tcp 20 127 10.0.1.23 198.51.100.80 50514 443 offset 8 S 832026162 win 8192 (Outgoing-00)';
const IPTABLES =
  'Nov 20 06:25:01 gw kernel: [123.456] [UFW BLOCK] IN=eth0 OUT= MAC=00:16:3e:11:22:33:00:16:3e:44:55:66:08:00 SRC=203.0.113.7 DST=198.51.100.2 LEN=40 TOS=0x00 PREC=0x00 TTL=241 ID=54321 PROTO=TCP SPT=47001 DPT=23 WINDOW=1024 RES=0x00 SYN URGP=0';

function one(line: string, tz: string | null = 'Europe/Berlin'): FirewallEvent {
  return oneEvent(watchguardFormat, line, { tz });
}

function malformed(line: string): string {
  return malformedReason(watchguardFormat, line, { tz: 'UTC' });
}

describe('watchguard: reading a traffic record', () => {
  it('the device stamp (UTC), the header host, addresses, ports, length, TTL, flags, window, interfaces, policy', () => {
    const e = one(DENIED);
    expect([e.time?.toISOString(), e.yearInferred, e.host, e.format, e.proto, e.ipVersion]).toEqual(['2026-11-20T05:25:01.000Z', false, 'fb-edge', 'watchguard', 'tcp', 4]);
    expect([e.src, e.dst]).toEqual([{ ip: '203.0.113.7', port: 41234 }, { ip: '198.51.100.2', port: 23 }]);
    expect([e.len, e.ttl, e.tcpFlags, e.tcpWindow]).toEqual([60, 51, ['SYN'], 1024]);
    expect([e.action, e.direction, e.inIface, e.outIface, e.rule]).toEqual(['drop', 'in', '0-External', 'Firebox', 'Unhandled External Packet-00']);
    expect(isConnectionRecord(e)).toBe(false);
  });

  it('an allowed record is the packet that opened a connection: a connection record, going out from Trusted to External', () => {
    const e = one(ALLOWED);
    expect([e.action, e.direction, e.rule, e.src.port, e.dst.port]).toEqual(['allow', 'out', 'Outgoing-00', 50514, 443]);
    expect(isConnectionRecord(e)).toBe(true);
  });

  it('a stamp with an offset or Z is read with it; without the stamp, the header in --tz; without a header host, the serial', () => {
    expect(one(DENIED.replace('(2026-11-20T05:25:01)', '(2026-11-20T06:25:01+01:00)')).time?.toISOString()).toBe('2026-11-20T05:25:01.000Z');
    expect(one(DENIED.replace('(2026-11-20T05:25:01)', '(2026-11-20T05:25:01Z)')).time?.toISOString()).toBe('2026-11-20T05:25:01.000Z');
    const bare = one(DENIED.replace(' 80AB01234567C (2026-11-20T05:25:01)', ''), 'Asia/Tokyo');
    expect([bare.time?.toISOString(), bare.yearInferred, bare.host]).toEqual(['2026-11-19T21:25:01.000Z', true, 'fb-edge']);
    expect(one(DENIED.replace('<140>Nov 20 06:25:01 fb-edge ', '<140>')).host).toBe('80AB01234567C');
  });

  it('ICMP type and code in place of ports; IPv6; UDP without TCP fields; the words before the policy as its reason', () => {
    const icmp = one('<140>Nov 20 06:31:40 fb-edge (2026-11-20T05:31:40) firewall: msg_id="3000-0173" Deny 0-External Firebox 84 icmp 20 52 203.0.113.9 198.51.100.2 8 0 blocked sites (Internal Policy)');
    expect([icmp.proto, icmp.icmp, icmp.src.port, icmp.rule]).toEqual(['icmp', { type: 8, code: 0, embedded: null }, null, 'Internal Policy [blocked sites]']);
    const ecs = JSON.parse(eventToEcs(icmp)) as { rule: object; event: { reason: string }; observer: { ingress: object; egress: object } };
    expect([ecs.rule, ecs.event.reason, ecs.observer.ingress, ecs.observer.egress]).toEqual([{ name: 'Internal Policy' }, 'blocked sites', { interface: { name: '0-External' } }, { interface: { name: 'Firebox' } }]);
    const v6 = one(DENIED.replace('tcp 20 51 203.0.113.7 198.51.100.2', 'ipv6-icmp 40 57 2001:db8:77::5 2001:db8:1::2').replace('41234 23 offset 10 S 1234567 win 1024', '128 0'));
    expect([v6.proto, v6.ipVersion, v6.icmp?.type, v6.tcpFlags]).toEqual(['icmpv6', 6, 128, null]);
    const udp = one(ALLOWED.replace('tcp 20 127', 'udp 20 127').replace(' offset 8 S 832026162 win 8192', ''));
    expect([udp.proto, udp.tcpFlags, udp.tcpWindow, udp.dst.port]).toEqual(['udp', null, null, 443]);
  });

  it('direction from the interface names: from the Firebox out, External to Optional forward, names it does not know null', () => {
    const dir = (from: string, to: string) => one(ALLOWED.replace('1-Trusted 0-External', `${from} ${to}`)).direction;
    expect([dir('Firebox', '0-External'), dir('0-External', '2-Optional-1'), dir('4-Trusted-1', '6-Ext-access'), dir('3-Guest', '5-Lab')]).toEqual(['out', 'forward', 'out', null]);
  });

  it('fields it does not need (geo, app ids, quoted values) are passed over', () => {
    const e = one(ALLOWED.replace(' (Outgoing-00)', ' geo_dst="NLD" app_id="63" msg="Application identified" (Outgoing-00)'));
    expect([e.action, e.rule, e.dst.ip]).toEqual(['allow', 'Outgoing-00', '198.51.100.80']);
  });
});

describe('watchguard: lines skipped and lines malformed', () => {
  it('message ids other than the packet filter verdicts, and other processes, are skipped saying which', () => {
    expect(watchguardPacketMessages()).toEqual(['3000-0148', '3000-0173']);
    const r = parseLines(watchguardFormat, [
      ALLOWED.replace('3000-0148', '3000-0151'),
      '<134>Nov 20 06:32:14 fb-edge 80AB01234567C (2026-11-20T05:32:14) sessiond[1520]: msg_id="3E00-0002" Authentication of Firebox-DB user [admin@Firebox-DB] from 10.0.1.5 was accepted',
      '<134>Nov 20 06:32:16 fb-edge networkd: Interface 0-External link up',
    ]);
    expect([r.events, r.malformed]).toEqual([[], []]);
    expect(r.skipped.map((s) => s.reason)).toEqual(["WatchGuard message '3000-0151': not a packet filter verdict", "WatchGuard message 'sessiond 3E00-0002': not a packet filter verdict", 'not a firewall record']);
  });

  it('a needed field missing or unreadable is malformed', () => {
    expect(malformed(DENIED.replace('Deny', 'Block'))).toBe("disposition: unknown 'Block'");
    expect(malformed(DENIED.replace('198.51.100.2 ', '198.51.100.2.9 '))).toBe("dst: invalid address '198.51.100.2.9'");
    expect(malformed(DENIED.replace('198.51.100.2 ', '2001:db8::1 '))).toBe('dst: address family differs from src');
    expect(malformed(DENIED.replace(' 41234 23 offset 10 S 1234567 win 1024', ''))).toBe('dst port: missing');
    expect(malformed(DENIED.replace(' 41234 ', ' 70000 '))).toBe("src port: invalid port '70000'");
    expect(malformed(DENIED.replace(' (Unhandled External Packet-00)', ''))).toBe('policy: missing');
    expect(malformed(DENIED.replace(' S 1234567', ' SZ 1234567'))).toBe("tcp flags: unknown letter in 'SZ'");
    expect(malformed(DENIED.replace('T05:25:01', 'T25:25:01'))).toBe('timestamp: impossible time (hour 25)');
  });
});

describe('watchguard: sniffing and mixed files', () => {
  it('its own logs sniff as watchguard with high confidence', () => {
    expectOwnLogsSniffAs(FIXTURES, ['traffic.log', 'sample/fb-edge.log'], 'watchguard', 0.95);
  });

  it("every other format's examples, the samples and the corpus do not look like a Fireware log", () => {
    for (const f of formats) if (f !== watchguardFormat) expect([f.id, watchguardFormat.sniff(f.examples)]).toEqual([f.id, 0]);
    expectNoSampleOrCorpusSniffsAs(watchguardFormat);
  });

  it('a loghost file of iptables and Fireware lines: each line is read by its own payload, whichever format the file is read as', () => {
    const lines = [IPTABLES, DENIED, ALLOWED, IPTABLES];
    for (const f of [iptablesFormat, watchguardFormat]) {
      const r = parseLines(f, lines, { tz: 'UTC' });
      expect(r.malformed).toEqual([]);
      expect(r.events.map((e) => e.format)).toEqual(['iptables', 'watchguard', 'watchguard', 'iptables']);
    }
    const at = DENIED.indexOf('fb-edge');
    expect(payloadKind(DENIED, at, DENIED.length)).toBe('watchguard');
  });
});

describe('watchguard: the sample log', () => {
  it('is what make-sample.mjs writes, and reads with nothing malformed', () => {
    const text = generatedSample(FIXTURES, 'sample/fb-edge.log');
    const r = parseLines(watchguardFormat, splitLines(text), { tz: 'Europe/Berlin' });
    expect(r.malformed).toEqual([]);
    expect(r.skipped).toHaveLength(28);
    expect(r.events).toHaveLength(292);
    const by = (k: (e: FirewallEvent) => string) => countBy(r.events, k);
    expect(by((e) => e.action)).toEqual({ drop: 232, allow: 60 });
    expect(by((e) => String(e.direction))).toEqual({ in: 232, out: 60 });
    expect(r.events.filter(isConnectionRecord)).toHaveLength(60);
  });
});
