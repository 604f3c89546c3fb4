// The Juniper SRX flow log parser, one behaviour per test; the golden fixture
// (test/fixtures/juniper-srx/flow.log) covers a whole file.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FirewallEvent } from '../../src/event.js';
import { isConnectionRecord } from '../../src/parsers/connection-records.js';
import { iptablesFormat } from '../../src/parsers/iptables.js';
import { juniperSrxFormat } from '../../src/parsers/juniper-srx.js';
import { payloadKind } from '../../src/parsers/payload-dispatch.js';
import { sniffFormat } from '../../src/parsers/registry.js';
import { eventToEcs } from '../../src/render/event-json.js';
import { parseLines, splitLines } from '../helpers/parse.js';
import { generatedSample, oneEvent } from '../helpers/format-tests.js';

const FIXTURES = new URL('../fixtures/juniper-srx/', import.meta.url).pathname;
const DENY = juniperSrxFormat.examples[0]!;
const CREATE = juniperSrxFormat.examples[1]!;
const SD_DENY =
  '<14>1 2026-11-20T06:25:01.123+01:00 srx RT_FLOW - RT_FLOW_SESSION_DENY [junos@2636.1.1.1.2.129 source-address="203.0.113.7" source-port="41234" destination-address="192.168.1.10" destination-port="23" connection-tag="0" service-name="junos-telnet" protocol-id="6" icmp-type="0" policy-name="default-deny" source-zone-name="untrust" destination-zone-name="trust" application="UNKNOWN" nested-application="UNKNOWN" username="N/A" roles="N/A" packet-incoming-interface="ge-0/0/0.0" encrypted="No" reason="policy deny" session-id-32="0"]';

function one(line: string): FirewallEvent {
  return oneEvent(juniperSrxFormat, line, { year: 2026, tz: 'UTC' });
}

describe('juniper-srx parser', () => {
  it('reads a plain DENY: addresses, ports, protocol, zones as direction, the global policy as the rule, the interface', () => {
    const e = one(DENY);
    expect([e.action, e.direction, e.rule, e.inIface, e.proto, e.src.ip, e.src.port, e.dst.ip, e.dst.port, e.host]).toEqual([
      'drop', 'in', 'default-deny(global) untrust->trust', 'ge-0/0/0.0', 'tcp', '203.0.113.7', 41234, '192.168.1.10', 23, 'srx',
    ]);
  });

  it('reads the structured form the same as the plain one, time from the RFC 5424 stamp', () => {
    const e = one(SD_DENY);
    expect(e.time?.toISOString()).toBe('2026-11-20T05:25:01.123Z');
    expect([e.action, e.direction, e.rule, e.inIface, e.dst.port]).toEqual(['drop', 'in', 'default-deny untrust->trust', 'ge-0/0/0.0', 23]);
  });

  it('finds the protocol and policy of a CREATE behind NAT rule types of two words', () => {
    const e = one(CREATE);
    expect([e.action, e.direction, e.rule, e.proto, e.dst.port]).toEqual(['allow', 'out', 'trust-to-untrust trust->untrust', 'tcp', 443]);
    expect(isConnectionRecord(e)).toBe(true);
  });

  it('marks a CLOSE in its label, and reads a policy reject as reject', () => {
    const close = CREATE.replace('RT_FLOW_SESSION_CREATE: session created', 'RT_FLOW_SESSION_CLOSE: session closed TCP FIN:').replace(' 4097 N/A(N/A)', ' 4097 12(2314) 10(5266) 13 UNKNOWN UNKNOWN N/A(N/A)');
    expect(one(close).rule).toBe('trust-to-untrust trust->untrust (close)');
    expect(one(DENY.replace('No policy deny', 'No policy reject')).action).toBe('reject');
  });

  it('leaves the direction to the addresses for zones that name no side', () => {
    expect(one(DENY.replace('untrust trust', 'outside servers')).direction).toBeNull();
  });

  it('reads ICMP type from PROTO(TYPE), no ports', () => {
    const e = one(DENY.replace('/41234->', '/8->').replace('/23 ', '/0 ').replace('6(0)', '1(8)'));
    expect([e.proto, e.src.port, e.dst.port, e.icmp?.type]).toEqual(['icmp', null, null, 8]);
  });

  it('skips other Junos messages with their name, and malforms near-misses', () => {
    const r = parseLines(juniperSrxFormat, [
      "Nov 20 06:33:01 srx mgd[1234]: UI_COMMIT: User 'admin' requested 'commit' operation",
      DENY.replace('6(0)', 'tcp'),
      DENY.replace('/41234->', '/99999->'),
      SD_DENY.slice(0, 200),
    ], { year: 2026 });
    expect(r.events).toEqual([]);
    expect(r.skipped.map((s) => s.reason)).toEqual(['Junos UI_COMMIT: not a flow session or firewall filter record']);
    expect(r.malformed.map((m) => m.reason)).toEqual(['protocol-id: missing', "source-port: invalid port '99999'", 'junos@: unclosed [']);
  });

  it('reads a firewall filter log (PFE and routing engine) as packets: accepted ones are no connection records, a CREATE still is', () => {
    const pfe = one('Nov 20 06:40:05 ex-core fpc0 PFE_FW_SYSLOG_IP: FW: ge-1/0/10.0  A  tcp 192.168.10.15 192.168.20.9  8082 43206 (2 packets)');
    expect([pfe.action, pfe.direction, pfe.rule, pfe.inIface, pfe.proto, pfe.src.ip, pfe.src.port, pfe.dst.ip, pfe.dst.port, pfe.count]).toEqual([
      'allow', null, 'firewall-filter', 'ge-1/0/10.0', 'tcp', '192.168.10.15', 8082, '192.168.20.9', 43206, 2,
    ]);
    expect(isConnectionRecord(pfe)).toBe(false);
    expect(isConnectionRecord(one(CREATE))).toBe(true);
    const re = one('Nov 20 06:40:01 srx-edge kernel: FW: ge-0/0/0.0 D udp 203.0.113.7 192.0.2.10 41234 53 ');
    expect([re.action, re.count, re.dst.port]).toEqual(['drop', 1, 53]);
    const lines = splitLines(readFileSync(join(FIXTURES, 'filter.log'), 'utf8'));
    expect(sniffFormat(lines).format?.id).toBe('juniper-srx');
    const ecs = JSON.parse(eventToEcs(pfe)) as { rule: Record<string, string> };
    expect(ecs.rule.name).toBe('firewall-filter');
  });

  it('gives ECS the policy, its global ruleset, the zones and the interface', () => {
    const ecs = JSON.parse(eventToEcs(one(DENY))) as { rule: Record<string, string>; observer: { ingress: { zone: string; interface: { name: string } }; egress: { zone: string } } };
    expect(ecs.rule.name).toBe('default-deny');
    expect(ecs.rule.ruleset).toBe('global');
    expect([ecs.observer.ingress.zone, ecs.observer.egress.zone, ecs.observer.ingress.interface.name]).toEqual(['untrust', 'trust', 'ge-0/0/0.0']);
  });

  it('is sniffed on its own logs, the examples and the fixtures', () => {
    expect(sniffFormat(juniperSrxFormat.examples).format?.id).toBe('juniper-srx');
    for (const n of readdirSync(FIXTURES).filter((f) => f.endsWith('.log'))) {
      const s = sniffFormat(splitLines(readFileSync(join(FIXTURES, n), 'utf8')).slice(0, 50));
      expect([n, s.format?.id, s.confidence >= 0.9]).toEqual([n, 'juniper-srx', true]);
    }
  });

  it('is read from a loghost file of iptables lines by the dispatcher', () => {
    const ipt = 'Nov 20 06:25:00 gw kernel: [1.0] [UFW BLOCK] IN=eth0 OUT= MAC= SRC=203.0.113.9 DST=198.51.100.2 LEN=40 TOS=0x00 PREC=0x00 TTL=241 ID=1 PROTO=TCP SPT=4700 DPT=22 WINDOW=1024 RES=0x00 SYN URGP=0';
    const r = parseLines(iptablesFormat, [ipt, DENY], { year: 2026 });
    expect(r.events.map((e) => e.format)).toEqual(['iptables', 'juniper-srx']);
    const i = DENY.indexOf('RT_FLOW:');
    expect(payloadKind(DENY, i, DENY.length)).toBe('juniper-srx');
  });

  it('sample log is what make-sample.mjs writes', () => {
    generatedSample(FIXTURES, 'sample/srx300.log');
  });
});
