// The AWS VPC Flow Logs parser, one behaviour per test; the golden fixtures
// (test/fixtures/aws-vpcflow/default.log, custom.log) cover whole files of both layouts.
import { afterEach, describe, expect, it } from 'vitest';
import type { FirewallEvent } from '../../src/event.js';
import { awsVpcflowFormat } from '../../src/parsers/aws-vpcflow.js';
import { isConnectionRecord } from '../../src/parsers/connection-records.js';
import { formats, sniffFormat } from '../../src/parsers/registry.js';
import { eventToEcs } from '../../src/render/event-json.js';
import { AddressRanges, parseAddressRange } from '../../src/util/address-ranges.js';
import { setHomeNetworks } from '../../src/util/egress.js';
import { parseLines, splitLines } from '../helpers/parse.js';
import { countBy, expectNoSampleOrCorpusSniffsAs, expectOwnLogsSniffAs, generatedSample, malformedReason, oneEvent } from '../helpers/format-tests.js';

const FIXTURES = new URL('../fixtures/aws-vpcflow/', import.meta.url).pathname;

// The default format: a Telnet probe of an instance, rejected by its security group.
const REJECTED = '2 123456789010 eni-0a1b2c3d4e5f60718 203.0.113.7 172.31.16.21 41234 23 6 3 120 1795155901 1795155958 REJECT OK';
// A custom format as an S3 file's header line names it (version 5 fields among them).
const HEADER = 'version account-id interface-id instance-id vpc-id srcaddr dstaddr pkt-srcaddr pkt-dstaddr srcport dstport protocol packets bytes start end action tcp-flags flow-direction log-status';
const CUSTOM = '5 123456789010 eni-0c4d5e6f7a8b90123 i-0123456789abcdef0 vpc-0a1b2c3d4e5f60789 203.0.113.45 10.0.1.20 203.0.113.45 10.0.1.20 44321 22 6 1 60 1795159201 1795159260 REJECT 2 ingress OK';

function one(line: string, header: string | null = null, tz: string | null = 'UTC'): FirewallEvent {
  return header === null ? oneEvent(awsVpcflowFormat, line, { tz }) : (parseLines(awsVpcflowFormat, [header, line], { tz }).events[0] as FirewallEvent);
}

function malformed(line: string, header: string | null = null): string {
  if (header === null) return malformedReason(awsVpcflowFormat, line, { tz: 'UTC' });
  const r = parseLines(awsVpcflowFormat, [header, line], { tz: 'UTC' });
  expect(r.events).toEqual([]);
  return r.malformed[0]?.reason ?? '';
}

/** CUSTOM with column `name` (of HEADER) set to `value`. */
function withColumn(name: string, value: string, line = CUSTOM): string {
  const cols = line.split(' ');
  cols[HEADER.split(' ').indexOf(name)] = value;
  return cols.join(' ');
}

afterEach(() => setHomeNetworks(null));

describe('aws-vpcflow: reading a record', () => {
  it('the default format: start as the time (epoch, whatever --tz), addresses, ports, the ENI as the way in', () => {
    const e = one(REJECTED, null, 'America/New_York');
    expect([e.time?.toISOString(), e.yearInferred, e.host, e.format, e.proto, e.ipVersion]).toEqual(['2026-11-20T06:25:01.000Z', false, null, 'aws-vpcflow', 'tcp', 4]);
    expect([e.src, e.dst]).toEqual([{ ip: '203.0.113.7', port: 41234 }, { ip: '172.31.16.21', port: 23 }]);
    expect([e.action, e.direction, e.rule, e.inIface, e.outIface]).toEqual(['drop', 'in', 'REJECT', 'eni-0a1b2c3d4e5f60718', null]);
  });

  it('a REJECT stands for its packets (count), each of its length when they are equal; an ACCEPT is one connection record', () => {
    const r = one(REJECTED);
    expect([r.count, r.len, isConnectionRecord(r)]).toEqual([3, 40, false]);
    expect(one(REJECTED.replace(' 3 120 ', ' 3 130 ')).len).toBeNull();
    const a = one(REJECTED.replace('REJECT', 'ACCEPT').replace(' 3 120 ', ' 20 4249 '));
    expect([a.action, a.count, a.len, isConnectionRecord(a)]).toEqual(['allow', 1, null, true]);
    // A long flow's bytes pass ten digits.
    expect(one(REJECTED.replace('REJECT', 'ACCEPT').replace(' 3 120 ', ' 9000000 12000000000 ')).count).toBe(1);
  });

  it('protocol by number: ICMP and ICMPv6 carry no ports (the log writes 0 0); IPv6', () => {
    const ping = one('2 123456789010 eni-0a1b2c3d4e5f60718 192.0.2.44 172.31.16.21 0 0 1 4 336 1795156030 1795156081 REJECT OK');
    expect([ping.proto, ping.src.port, ping.dst.port, ping.icmp, ping.count, ping.len]).toEqual(['icmp', null, null, { type: null, code: null, embedded: null }, 4, 84]);
    const v6 = one('2 123456789010 eni-0f9e8d7c6b5a40312 2001:db8:ffff::9 2001:db8:1234:a100::21 0 0 58 1 104 1795156270 1795156321 REJECT OK');
    expect([v6.proto, v6.ipVersion, v6.dst.ip]).toEqual(['icmpv6', 6, '2001:db8:1234:a100::21']);
    expect(one(REJECTED.replace(' 6 3 ', ' 47 3 ')).proto).toBe('gre');
  });

  it('direction from flow-direction; without it from the addresses: --home-net, else the local ranges', () => {
    expect(one(withColumn('flow-direction', 'egress'), HEADER).direction).toBe('out');
    expect(one(withColumn('flow-direction', 'egress'), HEADER).outIface).toBe('eni-0c4d5e6f7a8b90123');
    expect(one(withColumn('flow-direction', '-'), HEADER).direction).toBe('in');
    const out = '2 123456789010 eni-0a1b2c3d4e5f60718 172.31.16.21 203.0.113.99 35001 6667 6 1 60 1795156210 1795156261 REJECT OK';
    expect(one(out).direction).toBe('out');
    const v6 = '2 123456789010 eni-0f9e8d7c6b5a40312 2001:db8:ffff::7 2001:db8:1234:a100::21 61001 22 6 1 80 1795156270 1795156321 REJECT OK';
    expect(one(v6).direction).toBeNull();
    setHomeNetworks(new AddressRanges([parseAddressRange('2001:db8:1234::/48')!]));
    expect([one(v6).direction, one(v6).inIface]).toEqual(['in', 'eni-0f9e8d7c6b5a40312']);
  });

  it('pkt-srcaddr and pkt-dstaddr are the packet\'s addresses (behind a NAT gateway); instance-id is the host', () => {
    const nat = withColumn('pkt-srcaddr', '10.0.3.40', withColumn('srcaddr', '10.0.2.15', withColumn('instance-id', '-')));
    const e = one(nat, HEADER);
    expect([e.src.ip, e.host]).toEqual(['10.0.3.40', null]);
    expect(one(CUSTOM, HEADER).host).toBe('i-0123456789abcdef0');
    expect(malformed(withColumn('pkt-dstaddr', '2001:db8::1'), HEADER)).toBe('pkt-dstaddr: address family differs from pkt-srcaddr');
  });

  it('tcp-flags only where they are one packet\'s: a single blocked packet, or blocked SYNs alone; never OR-ed over an accepted flow', () => {
    const flags = (bits: string, packets = '1', action = 'REJECT') => one(withColumn('action', action, withColumn('packets', packets, withColumn('tcp-flags', bits))), HEADER).tcpFlags;
    expect([flags('2'), flags('2', '3'), flags('18'), flags('20'), flags('4')]).toEqual([['SYN'], ['SYN'], ['ACK', 'SYN'], ['ACK', 'RST'], ['RST']]);
    // SYN and FIN OR-ed over three packets are no one packet's; ACK-only flows log 0.
    expect([flags('3', '3'), flags('0'), flags('19', '1', 'ACCEPT')]).toEqual([null, null, null]);
    expect(malformed(withColumn('tcp-flags', '256'), HEADER)).toBe("tcp-flags: invalid '256'");
  });

  it('the rule is the verdict as logged, with a reject-reason (BPA); ECS: the reason, the ENI as the ingress interface, packets and bytes', () => {
    const header = 'version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status flow-direction reject-reason';
    const bpa = one('8 123456789010 eni-0c4d5e6f7a8b90123 198.51.100.200 10.0.1.20 60123 3306 6 3 180 1795162801 1795162860 REJECT OK ingress BPA', header);
    expect(bpa.rule).toBe('REJECT BPA');
    const ecs = JSON.parse(eventToEcs(bpa)) as { rule?: unknown; event: { reason?: string }; observer: unknown; network: { packets: number; bytes: number; direction: string } };
    expect([ecs.rule, ecs.event.reason]).toEqual([undefined, 'BPA']);
    expect(ecs.observer).toEqual({ type: 'firewall', ingress: { interface: { name: 'eni-0c4d5e6f7a8b90123' } } });
    expect([ecs.network.packets, ecs.network.bytes, ecs.network.direction]).toEqual([3, 180, 'ingress']);
    expect((JSON.parse(eventToEcs(one(CUSTOM, HEADER))) as { observer: { hostname?: string } }).observer.hostname).toBe('i-0123456789abcdef0');
  });

  it('fields it does not need are passed over, whatever they hold; a header may repeat and change the columns', () => {
    expect(one(withColumn('vpc-id', '!!!', withColumn('account-id', 'n/a')), HEADER).src.ip).toBe('203.0.113.45');
    const r = parseLines(awsVpcflowFormat, [HEADER, CUSTOM, 'srcaddr dstaddr srcport dstport protocol packets start action', '192.0.2.1 10.0.1.20 5000 23 6 1 1795159201 REJECT']);
    expect(r.malformed).toEqual([]);
    expect(r.events.map((e) => [e.src.ip, e.dst.port, e.inIface])).toEqual([['203.0.113.45', 22, 'eni-0c4d5e6f7a8b90123'], ['192.0.2.1', 23, null]]);
  });
});

describe('aws-vpcflow: the two halves of a connection', () => {
  const IN = '2 123456789010 eni-0a1b2c3d4e5f60718 198.51.100.80 172.31.16.21 50514 443 6 12 2215 1795156090 1795156141 ACCEPT OK';
  const BACK = '2 123456789010 eni-0a1b2c3d4e5f60718 172.31.16.21 198.51.100.80 443 50514 6 10 7340 1795156090 1795156141 ACCEPT OK';

  it('the first of the two in the log counts the connection, the other is skipped saying so; in another interval, both count', () => {
    const r = parseLines(awsVpcflowFormat, [IN, BACK, IN.replace(/1795156090 1795156141/, '1795156150 1795156201'), BACK]);
    expect(r.events.map((e) => e.origin.line)).toEqual([1, 3, 4]);
    expect(r.skipped).toEqual([{ line: 2, reason: 'accepted VPC flow record of the reverse direction: its connection is counted by the record of the other half' }]);
    const reversed = parseLines(awsVpcflowFormat, [BACK, IN]);
    expect([reversed.events.map((e) => e.src.port), reversed.skipped.map((s) => s.line)]).toEqual([[443], [2]]);
  });

  it('a rejected record is never a half: the blocked packets of both ways count', () => {
    const r = parseLines(awsVpcflowFormat, [IN.replace('ACCEPT', 'REJECT'), BACK.replace('ACCEPT', 'REJECT')]);
    expect(r.events.map((e) => e.count)).toEqual([12, 10]);
  });
});

describe('aws-vpcflow: lines skipped and lines malformed', () => {
  it('NODATA and SKIPDATA carry no flow, a header names the fields, transit gateway records have no verdict, a JSON wrapper is no record', () => {
    const r = parseLines(awsVpcflowFormat, [
      '2 123456789010 eni-0a1b2c3d4e5f60718 - - - - - - - 1795156390 1795156441 - NODATA',
      '2 123456789010 eni-0f9e8d7c6b5a40312 - - - - - - - 1795156390 1795156441 - SKIPDATA',
      '6 TransitGateway 123456789010 tgw-0a1b2c3d4e5f60789 tgw-attach-0123456789abcdef0 10.0.1.20 10.1.0.5 443 51234 6 10 4000 1795162922 1795162980 OK',
      '{"message":"2 123456789010 eni-0a1b2c3d4e5f60718 - - - - - - - 1795156390 1795156441 - NODATA"}',
      'version resource-type account-id tgw-id srcaddr dstaddr srcport dstport protocol packets bytes start end log-status',
      '6 TransitGateway 123456789010 tgw-0a1b2c3d4e5f60789 10.0.1.20 10.1.0.5 443 51234 6 10 4000 1795162922 1795162980 OK',
    ]);
    expect(r.events).toEqual([]);
    expect(r.malformed).toEqual([]);
    expect(r.skipped.map((s) => s.reason)).toEqual([
      'VPC flow log record with log-status NODATA: no traffic in its interval, no flow',
      'VPC flow log record with log-status SKIPDATA: flows the service could not capture, no flow',
      'transit gateway flow log record: no accept/reject verdict, not a firewall record',
      'not a firewall record',
      'header: the 14 fields of a VPC flow log',
      'transit gateway flow log record: no accept/reject verdict, not a firewall record',
    ]);
  });

  it('a needed field missing or unreadable is malformed, named as AWS names it', () => {
    const col = (i: number, v: string) => REJECTED.split(' ').map((c, k) => (k === i ? v : c)).join(' ');
    expect(malformed(col(3, '203.0.113.7x'))).toBe("srcaddr: invalid address '203.0.113.7x'");
    expect(malformed(col(4, '-'))).toBe('dstaddr: missing');
    expect(malformed(col(6, '65536'))).toBe("dstport: invalid port '65536'");
    expect(malformed(col(7, 'tcp'))).toBe("protocol: not a protocol number 'tcp'");
    expect(malformed(col(7, '-'))).toBe('protocol: missing');
    expect(malformed(col(10, '-'))).toBe('start: missing');
    expect(malformed(col(10, '99999999999'))).toBe("start: invalid '99999999999'");
    expect(malformed(col(12, 'DROP'))).toBe("action: unknown 'DROP'");
    expect(malformed(col(12, '-'))).toBe('action: missing');
    expect(malformed(col(13, 'PARTIAL'))).toBe("log-status: unknown 'PARTIAL'");
    expect(malformed(col(8, 'many'))).toBe("packets: invalid 'many'");
    expect(malformed(REJECTED.replace(' REJECT OK', ' REJECT'))).toBe('expected 14 fields (the default format: no header line names others), got 13');
    // A custom format's record without its header line: its fields cannot be told.
    expect(malformed(CUSTOM)).toBe('expected 14 fields (the default format: no header line names others), got 20');
    expect(malformed(withColumn('flow-direction', 'sideways'), HEADER)).toBe("flow-direction: unknown 'sideways'");
    expect(malformed('2 123456789010 eni-0c4d5e6f7a8b90123 1795162862 OK', 'version account-id interface-id start log-status')).toBe('field srcaddr: not in the header line');
  });
});

describe('aws-vpcflow: sniffing', () => {
  it('its own logs sniff as aws-vpcflow with high confidence: a header line, or default records', () => {
    expectOwnLogsSniffAs(FIXTURES, ['custom.log', 'sample/vpc-web.log'], 'aws-vpcflow', 0.99);
    expectOwnLogsSniffAs(FIXTURES, ['default.log'], 'aws-vpcflow', 0.8);
    const clean = splitLines(generatedSample(FIXTURES, 'sample/vpc-web.log')).slice(0, 3);
    expect(sniffFormat([REJECTED, REJECTED.replace('REJECT', 'ACCEPT')]).confidence).toBeGreaterThanOrEqual(0.95);
    expect(sniffFormat(clean).format?.id).toBe('aws-vpcflow');
    // explain reads one line at a time: a default record alone is known.
    expect(sniffFormat([REJECTED]).format?.id).toBe('aws-vpcflow');
  });

  it("a custom format's records without their header are claimed weakly: malformed for their field count, not unread", () => {
    const noData = '5 123456789010 eni-0c4d5e6f7a8b90123 i-0123456789abcdef0 vpc-0a1b2c3d4e5f60789 - - - - - - - - - 1795159201 1795159260 - - - NODATA';
    for (const l of [CUSTOM, CUSTOM.replace('REJECT', 'ACCEPT'), noData]) expect([l, sniffFormat([l]).format?.id, awsVpcflowFormat.sniff([l])]).toEqual([l, 'aws-vpcflow', 0.3]);
    // Below a header's and default records' confidence, and not for words without an ENI or a verdict with its status.
    expect(awsVpcflowFormat.sniff([CUSTOM.replace('eni-', 'if-')])).toBe(0);
    expect(awsVpcflowFormat.sniff([CUSTOM.replace(' OK', ' FINE')])).toBe(0);
    expect(awsVpcflowFormat.sniff([`${CUSTOM} msg="x"`])).toBe(0);
    expect(malformed(CUSTOM)).toBe('expected 14 fields (the default format: no header line names others), got 20');
    expect(one(CUSTOM, HEADER).src.ip).toBe('203.0.113.45');
  });

  it("every other format's examples, the samples and the corpus do not look like a VPC flow log", () => {
    for (const f of formats) if (f !== awsVpcflowFormat) expect([f.id, awsVpcflowFormat.sniff(f.examples)]).toEqual([f.id, 0]);
    for (const f of formats) if (f !== awsVpcflowFormat) expect([f.id, f.sniff(awsVpcflowFormat.examples)]).toEqual([f.id, 0]);
    expectNoSampleOrCorpusSniffsAs(awsVpcflowFormat);
  });
});

describe('aws-vpcflow: the sample log', () => {
  it('is what make-sample.mjs writes, and reads with nothing malformed', () => {
    const text = generatedSample(FIXTURES, 'sample/vpc-web.log');
    const r = parseLines(awsVpcflowFormat, splitLines(text));
    expect(r.malformed).toEqual([]);
    const reasons = r.skipped.reduce<Record<string, number>>((m, s) => ((m[s.reason.split(':')[0]!] = (m[s.reason.split(':')[0]!] ?? 0) + 1), m), {});
    expect(reasons).toEqual({
      header: 1,
      'VPC flow log record with log-status NODATA': 8,
      'VPC flow log record with log-status SKIPDATA': 1,
      'accepted VPC flow record of the reverse direction': 30,
    });
    expect(r.events).toHaveLength(296);
    const by = (k: (e: FirewallEvent) => string) => countBy(r.events, k);
    expect(by((e) => e.action)).toEqual({ drop: 234, allow: 62 });
    expect(by((e) => String(e.direction))).toEqual({ in: 258, out: 38 });
    expect(r.events.filter(isConnectionRecord)).toHaveLength(62);
    // The report's "296 events (360 packets, 62 connections)": the blocked records' packets, the accepted connections.
    expect(r.events.filter((e) => !isConnectionRecord(e)).reduce((n, e) => n + e.count, 0)).toBe(360);
  });
});
