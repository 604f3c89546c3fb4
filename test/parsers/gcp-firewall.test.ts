// The Google Cloud VPC firewall rules logging parser, one behaviour per test; the golden fixture
// (test/fixtures/gcp-firewall/firewall.log) covers a whole file.
import { describe, expect, it } from 'vitest';
import type { FirewallEvent } from '../../src/event.js';
import { isConnectionRecord } from '../../src/parsers/connection-records.js';
import { gcpFirewallFormat } from '../../src/parsers/gcp-firewall.js';
import { journalJsonFormat } from '../../src/parsers/journald.js';
import { formats } from '../../src/parsers/registry.js';
import { eventToEcs } from '../../src/render/event-json.js';
import { parseLines, splitLines } from '../helpers/parse.js';
import { countBy, expectNoSampleOrCorpusSniffsAs, expectOwnLogsSniffAs, generatedSample, malformedReason, oneEvent } from '../helpers/format-tests.js';

const FIXTURES = new URL('../fixtures/gcp-firewall/', import.meta.url).pathname;
const DENIED = gcpFirewallFormat.examples[0]!;
const ALLOWED = gcpFirewallFormat.examples[1]!;

/** DENIED with `edit` applied to its parsed entry. */
function edited(edit: (e: any) => void, line = DENIED): string {
  const o = JSON.parse(line);
  edit(o);
  return JSON.stringify(o);
}

const one = (line: string, tz: string | null = 'UTC'): FirewallEvent => oneEvent(gcpFirewallFormat, line, { tz });
const malformed = (line: string): string => malformedReason(gcpFirewallFormat, line, { tz: 'UTC' });

describe('gcp-firewall: reading an entry', () => {
  it('time (absolute), VM as host, connection, action, direction, the VM subnet as interface, the rule', () => {
    const e = one(DENIED, 'Asia/Tokyo');
    expect([e.time?.toISOString(), e.yearInferred, e.host, e.format, e.proto, e.ipVersion]).toEqual(['2026-11-20T05:25:01.123Z', false, 'web-1', 'gcp-firewall', 'tcp', 4]);
    expect([e.src, e.dst]).toEqual([{ ip: '203.0.113.7', port: 41234 }, { ip: '10.128.0.2', port: 22 }]);
    expect([e.action, e.direction, e.inIface, e.outIface, e.rule, e.tcpFlags, e.count]).toEqual(['drop', 'in', 'default', null, 'network:default/firewall:deny-ssh', null, 1]);
    const a = one(ALLOWED);
    expect([a.action, a.direction, a.inIface, a.outIface, a.time?.toISOString()]).toEqual(['allow', 'out', null, 'default', '2026-11-20T05:30:12.500Z']);
  });

  it('an allowed entry is a connection, a denied one a blocked packet; INTERCEPTED is other; without disposition the rule action', () => {
    expect([isConnectionRecord(one(DENIED)), isConnectionRecord(one(ALLOWED))]).toEqual([false, true]);
    expect(one(edited((o) => (o.jsonPayload.disposition = 'INTERCEPTED'))).action).toBe('other');
    expect(one(edited((o) => delete o.jsonPayload.disposition, ALLOWED)).action).toBe('allow');
  });

  it('protocol numbers and words; ICMP without ports, type or code; IPv6', () => {
    const icmp = one(edited((o) => ((o.jsonPayload.connection = { src_ip: '2001:db8::7', dest_ip: '2001:db8:10::2', protocol: 58 }))));
    expect([icmp.proto, icmp.ipVersion, icmp.src.port, icmp.icmp]).toEqual(['icmpv6', 6, null, { type: null, code: null, embedded: null }]);
    expect(one(edited((o) => (o.jsonPayload.connection.protocol = 'udp'))).proto).toBe('udp');
    expect(one(edited((o) => (o.jsonPayload.connection.protocol = 47))).proto).toBe('gre');
  });

  it('host: the VM, else the project; a timestamp with an offset; none is --tz', () => {
    expect(one(edited((o) => delete o.jsonPayload.instance)).host).toBe('example-proj');
    expect(one(edited((o) => { delete o.jsonPayload.instance; delete o.resource; })).host).toBe('example-proj');
    expect(one(edited((o) => (o.timestamp = '2026-11-20T06:25:01+01:00'))).time?.toISOString()).toBe('2026-11-20T05:25:01.000Z');
    expect(one(edited((o) => (o.timestamp = '2026-11-20T06:25:01')), 'Europe/Berlin').time?.toISOString()).toBe('2026-11-20T05:25:01.000Z');
  });

  it('ECS: rule.name and rule.ruleset from the reference; a firewall policy by its priority; the subnet as observer interface', () => {
    const ecs = (l: string) => JSON.parse(eventToEcs(one(l))) as { rule: unknown; observer: unknown };
    expect(ecs(DENIED).rule).toEqual({ name: 'deny-ssh', ruleset: 'network:default' });
    expect(ecs(DENIED).observer).toEqual({ hostname: 'web-1', type: 'firewall', ingress: { interface: { name: 'default' } } });
    const policy = edited((o) => (o.jsonPayload.rule_details.reference = 'network:default/firewallPolicy:123456'));
    expect(one(policy).rule).toBe('network:default/firewallPolicy:123456 priority 1000');
    expect(ecs(policy).rule).toEqual({ id: '1000', ruleset: 'network:default/firewallPolicy:123456' });
  });

  it('fields it does not need are passed over, whatever they hold', () => {
    const noisy = edited((o) => { o.labels = { x: '"SRC=1.2.3.4"' }; o.jsonPayload.remote_location = 7; o.jsonPayload.rule_details.ip_port_info = 'ALL'; o.severity = null; });
    expect(one(noisy).src.ip).toBe('203.0.113.7');
  });
});

describe('gcp-firewall: lines skipped and lines malformed', () => {
  it('other logs, firewall entries without a connection, text and non-objects are skipped', () => {
    const r = parseLines(gcpFirewallFormat, [
      edited((o) => (o.logName = 'projects/p/logs/compute.googleapis.com%2Fvpc_flows')),
      edited((o) => delete o.jsonPayload.connection),
      '[',
      '{"MESSAGE":"hello","__REALTIME_TIMESTAMP":"1"}',
    ]);
    expect([r.events, r.malformed]).toEqual([[], []]);
    expect(r.skipped.map((s) => s.reason)).toEqual([
      "Cloud Logging entry of 'compute.googleapis.com/vpc_flows': not a firewall rules log",
      'Cloud Logging firewall entry without jsonPayload.connection: no connection to read',
      'not a firewall record',
      'not a firewall record',
    ]);
  });

  it('a needed field missing or unreadable is malformed, named as Google names it', () => {
    const conn = (k: string, v: unknown) => edited((o) => (v === undefined ? delete o.jsonPayload.connection[k] : (o.jsonPayload.connection[k] = v)));
    expect(malformed(conn('src_ip', undefined))).toBe('connection.src_ip: missing');
    expect(malformed(conn('dest_ip', 'N/A'))).toBe("connection.dest_ip: invalid address 'N/A'");
    expect(malformed(conn('dest_ip', '2001:db8::1'))).toBe('connection.dest_ip: address family differs from connection.src_ip');
    expect(malformed(conn('dest_port', undefined))).toBe('connection.dest_port: missing');
    expect(malformed(conn('src_port', -1))).toBe("connection.src_port: invalid port '-1'");
    expect(malformed(conn('protocol', 256))).toBe("connection.protocol: not a protocol number '256'");
    expect(malformed(edited((o) => { delete o.jsonPayload.disposition; delete o.jsonPayload.rule_details.action; }))).toBe('disposition: missing');
    expect(malformed(edited((o) => (o.timestamp = '2026-11-20T05:25:01+25:00')))).toBe('timestamp: impossible UTC offset');
    expect(malformed(edited((o) => (o.timestamp = '20.11.2026')))).toBe("timestamp: invalid '20.11.2026'");
    expect(malformed(DENIED.slice(0, 200))).toBe('JSON: invalid syntax');
  });
});

describe('gcp-firewall: sniffing', () => {
  it('its own logs sniff as gcp-firewall with high confidence; one line alone too (explain)', () => {
    expectOwnLogsSniffAs(FIXTURES, ['firewall.log', 'sample/gcp-firewall.log'], 'gcp-firewall', 0.9);
    expect(gcpFirewallFormat.sniff([DENIED])).toBe(1);
  });

  it('no other format sniffs its lines, it sniffs none of theirs, the samples or the corpus; journald JSON stays journald JSON', () => {
    for (const f of formats) {
      if (f === gcpFirewallFormat) continue;
      expect([f.id, gcpFirewallFormat.sniff(f.examples)]).toEqual([f.id, 0]);
      expect([f.id, f.sniff(gcpFirewallFormat.examples)]).toEqual([f.id, 0]);
    }
    // A journal entry quoting a GCP entry in its MESSAGE.
    const journal = JSON.stringify({ __REALTIME_TIMESTAMP: '1795152301000000', _TRANSPORT: 'kernel', MESSAGE: DENIED });
    expect([gcpFirewallFormat.sniff([journal]), journalJsonFormat.sniff([journal]) > 0]).toEqual([0, true]);
    expectNoSampleOrCorpusSniffsAs(gcpFirewallFormat);
  });
});

describe('gcp-firewall: the sample log', () => {
  it('is what make-sample.mjs writes, and reads with nothing malformed', () => {
    const r = parseLines(gcpFirewallFormat, splitLines(generatedSample(FIXTURES, 'sample/gcp-firewall.log')));
    expect([r.malformed.length, r.skipped.length, r.events.length]).toEqual([0, 1, 350]);
    expect(countBy(r.events, (e) => e.action)).toEqual({ drop: 220, allow: 130 });
    expect(countBy(r.events, (e) => String(e.direction))).toEqual({ in: 308, out: 42 });
  });
});
