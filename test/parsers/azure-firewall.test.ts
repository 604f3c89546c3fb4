// The Azure Firewall parser, one behaviour per test; the golden fixture
// (test/fixtures/azure-firewall/firewall.log) covers a whole file.
import { describe, expect, it } from 'vitest';
import type { FirewallEvent } from '../../src/event.js';
import { azureFirewallFormat } from '../../src/parsers/azure-firewall.js';
import { isConnectionRecord } from '../../src/parsers/connection-records.js';
import { gcpFirewallFormat } from '../../src/parsers/gcp-firewall.js';
import { journalJsonFormat } from '../../src/parsers/journald.js';
import { formats, sniffFormat } from '../../src/parsers/registry.js';
import { eventToEcs } from '../../src/render/event-json.js';
import { AddressRanges, parseAddressRange } from '../../src/util/address-ranges.js';
import { setHomeNetworks } from '../../src/util/egress.js';
import { parseLines, splitLines } from '../helpers/parse.js';
import { countBy, expectNoSampleOrCorpusSniffsAs, expectOwnLogsSniffAs, generatedSample, malformedReason, oneEvent } from '../helpers/format-tests.js';

const FIXTURES = new URL('../fixtures/azure-firewall/', import.meta.url).pathname;
const LEGACY = azureFirewallFormat.examples[0]!;
const NETWORK = azureFirewallFormat.examples[1]!;
const NAT = azureFirewallFormat.examples[2]!;

/** `line` with `edit` applied to its parsed record. */
function edited(edit: (r: any) => void, line = NETWORK): string {
  const o = JSON.parse(line);
  edit(o);
  return JSON.stringify(o);
}
/** LEGACY with its msg replaced. */
const legacy = (msg: string, category = 'AzureFirewallNetworkRule'): string => edited((o) => { o.category = category; o.properties.msg = msg; }, LEGACY);

const one = (line: string, tz: string | null = 'UTC'): FirewallEvent => oneEvent(azureFirewallFormat, line, { tz });
const malformed = (line: string): string => malformedReason(azureFirewallFormat, line, { tz: 'UTC' });
const skipped = (line: string): string => {
  const r = parseLines(azureFirewallFormat, [line], { tz: 'UTC' });
  expect([r.events, r.malformed]).toEqual([[], []]);
  return r.skipped[0]!.reason;
};

describe('azure-firewall: reading a record', () => {
  it('legacy msg: time (absolute), the firewall as host, addresses, a deny, direction from the addresses', () => {
    const e = one(LEGACY, 'Asia/Tokyo');
    expect([e.time?.toISOString(), e.yearInferred, e.host, e.format, e.proto, e.ipVersion]).toEqual(['2026-11-20T05:25:01.123Z', false, 'FW-HUB', 'azure-firewall', 'tcp', 4]);
    expect([e.src, e.dst]).toEqual([{ ip: '203.0.113.7', port: 41234 }, { ip: '10.0.1.4', port: 23 }]);
    expect([e.action, e.direction, e.inIface, e.outIface, e.rule, e.tcpFlags, e.count]).toEqual(['drop', 'in', null, null, null, null, 1]);
  });

  it('structured: the rule as Group/Collection/Rule, out to the Internet; an allow is a connection, a deny a blocked packet', () => {
    const a = one(NETWORK);
    expect([a.action, a.direction, a.proto, a.src, a.dst, a.rule]).toEqual(['allow', 'out', 'udp', { ip: '10.1.0.4', port: 50514 }, { ip: '198.51.100.53', port: 53 }, 'DefaultNetworkRuleCollectionGroup/allow-out/dns-out']);
    expect([isConnectionRecord(a), isConnectionRecord(one(LEGACY))]).toEqual([true, false]);
    expect(one(edited((o) => (o.properties.Action = 'Drop'))).action).toBe('drop');
    expect(one(edited((o) => { o.properties.RuleCollectionGroup = ''; o.properties.RuleCollection = ''; o.properties.Rule = ''; })).rule).toBe('policy:fw-policy-hub');
  });

  it('DNAT: allowed, to the public address as logged, inward by the translated one; legacy and structured', () => {
    const n = one(NAT);
    expect([n.action, n.direction, n.dst, n.rule, isConnectionRecord(n)]).toEqual(['allow', 'in', { ip: '203.0.113.10', port: 3389 }, 'DefaultDnatRuleCollectionGroup/dnat-in/rdp-jump', true]);
    const l = one(legacy("TCP request from 198.51.100.23:51234 to 203.0.113.10:22 was DNAT'ed to 10.2.0.9:22. Rule Collection: dnat-in. Rule: ssh", 'AzureFirewallNatRule'));
    expect([l.action, l.direction, l.dst, l.rule]).toEqual(['allow', 'in', { ip: '203.0.113.10', port: 22 }, 'dnat-in/ssh']);
  });

  it('direction: both ends this side\'s is forward (east-west through the hub); --home-net decides what this side is', () => {
    expect(one(legacy('TCP request from 10.1.0.4:50600 to 10.2.0.5:1433. Action: Allow.. Rule Collection: spokes. Rule: sql')).direction).toBe('forward');
    const pub = legacy('TCP request from 203.0.113.7:41234 to 198.51.100.20:443. Action: Deny. ');
    expect(one(pub).direction).toBe(null);
    try {
      setHomeNetworks(new AddressRanges([parseAddressRange('198.51.100.0/24')!]));
      expect(one(pub).direction).toBe('in');
    } finally {
      setHomeNetworks(null);
    }
  });

  it('ICMP with its type, IPv6 in brackets, ICMPv6 without ports; HTTP(S) over TCP', () => {
    const icmp = one(legacy('ICMP Type=8 request from 198.51.100.23 to 10.1.0.4. Action: Deny. '));
    expect([icmp.proto, icmp.src.port, icmp.dst.port, icmp.icmp]).toEqual(['icmp', null, null, { type: 8, code: null, embedded: null }]);
    const v6 = one(legacy('TCP request from [2001:db8:bad::7]:40001 to [fd00:10::4]:22. Action: Deny. '));
    expect([v6.ipVersion, v6.src, v6.dst, v6.direction]).toEqual([6, { ip: '2001:db8:bad::7', port: 40001 }, { ip: 'fd00:10::4', port: 22 }, 'in']);
    const i6 = one(edited((o) => Object.assign(o.properties, { Protocol: 'ICMP', SourceIp: '2001:db8:bad::9', SourcePort: 0, DestinationIp: 'fd00:10::4', DestinationPort: 0 })));
    expect([i6.proto, i6.src.port, i6.dst.port]).toEqual(['icmpv6', null, null]);
    expect(one(edited((o) => (o.properties.Protocol = 'HTTPS'))).proto).toBe('tcp');
  });

  it('threat intelligence: a Deny is a drop under ThreatIntel (ECS name and reason); an Alert is skipped', () => {
    const ti = one(legacy('TCP request from 10.1.0.7:44000 to 192.0.2.66:6667. Action: Deny. ThreatIntel: Bot Networks'));
    expect([ti.action, ti.direction, ti.rule]).toEqual(['drop', 'out', 'ThreatIntel: Bot Networks']);
    expect((JSON.parse(eventToEcs(ti)) as { rule: unknown }).rule).toEqual({ name: 'ThreatIntel' });
    const st = edited((o) => { o.category = 'AZFWThreatIntel'; o.properties = { Protocol: 'TCP', SourceIp: '203.0.113.66', SourcePort: 38000, DestinationIp: '10.1.0.4', DestinationPort: 80, Action: 'Deny', ThreatDescription: 'Source reported by Threat Intelligence' }; });
    expect([one(st).action, one(st).rule]).toEqual(['drop', 'ThreatIntel: Source reported by Threat Intelligence']);
    expect(skipped(edited((o) => (o.properties.Action = 'Alert'), st))).toBe('Azure Firewall alert: the traffic was let through, its rule record counts it');
  });

  it("times: fractions to 100 ns, +00:00, Azure's M/d/yyyy with AM/PM and offset; no zone is --tz", () => {
    const at = (t: string, tz: string | null = 'UTC') => one(edited((o) => (o.time = t)), tz).time?.toISOString();
    expect(at('2026-11-20T05:30:12.259698+00:00')).toBe('2026-11-20T05:30:12.259Z');
    expect(at('11/20/2026 6:30:12 AM +01:00')).toBe('2026-11-20T05:30:12.000Z');
    expect(at('11/20/2026 05:30:12 PM')).toBe('2026-11-20T17:30:12.000Z');
    expect(at('2026-11-20T06:30:12', 'Europe/Berlin')).toBe('2026-11-20T05:30:12.000Z');
  });

  it('ECS: rule.ruleset the group and collection, rule.name the rule; the firewall as observer', () => {
    const ecs = JSON.parse(eventToEcs(one(NETWORK))) as { rule: unknown; observer: { hostname: string }; network: { direction: string } };
    expect(ecs.rule).toEqual({ name: 'dns-out', ruleset: 'DefaultNetworkRuleCollectionGroup/allow-out' });
    expect([ecs.observer.hostname, ecs.network.direction]).toEqual(['FW-HUB', 'outbound']);
  });

  it('fields it does not need are passed over, whatever they hold', () => {
    const noisy = edited((o) => { o.properties.ActionReason = null; o.properties.Extra = { SRC: '1.2.3.4' }; o.tenantId = 7; o.operationName = ['x']; o.properties.SourcePort = '50514'; });
    expect([one(noisy).src, one(noisy).action]).toEqual([{ ip: '10.1.0.4', port: 50514 }, 'allow']);
  });
});

describe('azure-firewall: lines skipped and lines malformed', () => {
  it('application, DNS, IDPS records, a destination by name, metrics, other JSON and text are skipped, saying which', () => {
    expect(skipped(edited((o) => (o.category = 'AZFWApplicationRule')))).toBe("Azure Firewall 'AZFWApplicationRule' record: not a verdict on a connection");
    expect(skipped(legacy('HTTPS request from 10.1.0.4:51000 to www.example.com:443. Action: Allow. Rule Collection: web. Rule: ex', 'AzureFirewallApplicationRule'))).toBe("Azure Firewall 'AzureFirewallApplicationRule' record: not a verdict on a connection");
    expect(skipped(edited((o) => (o.category = 'AZFWIdpsSignature')))).toBe("Azure Firewall 'AZFWIdpsSignature' record: not a verdict on a connection");
    expect(skipped(legacy('TCP request from 203.0.113.7:41400 to 10.1.0.4:1521. Action: alert. Signature: 2102649. IDS: SQL overflow. Priority: 1. Classification: x'))).toBe("Azure Firewall 'IDPS' record: not a verdict on a connection");
    expect(skipped(legacy('HTTP request from 10.1.0.7:54314 to bad.example.net:80. Url: bad.example.net. Action: Deny. ThreatIntel: Bot Networks'))).toBe('Azure Firewall record naming its destination by host name: no address to read');
    expect(skipped('{"count":3,"total":3,"resourceId":"/X/AZUREFIREWALLS/FW-HUB","metricName":"ApplicationRuleHit"}')).toBe('not a firewall record');
    expect(skipped('Nov 20 05:40:10 jumpbox sshd[812]: Accepted publickey for admin')).toBe('not a firewall record');
  });

  it('a needed field missing or unreadable is malformed, named as Azure names it', () => {
    const prop = (k: string, v: unknown) => edited((o) => (v === undefined ? delete o.properties[k] : (o.properties[k] = v)));
    expect(malformed(prop('SourceIp', 'N/A'))).toBe("SourceIp: invalid address 'N/A'");
    expect(malformed(prop('DestinationIp', undefined))).toBe('DestinationIp: missing');
    expect(malformed(prop('DestinationIp', '2001:db8::1'))).toBe('DestinationIp: address family differs from SourceIp');
    expect(malformed(prop('DestinationPort', undefined))).toBe('DestinationPort: missing');
    expect(malformed(prop('SourcePort', 70000))).toBe("SourcePort: invalid port '70000'");
    expect(malformed(prop('Protocol', undefined))).toBe('Protocol: missing');
    expect(malformed(prop('Action', 'Log'))).toBe("Action: unknown 'Log'");
    expect(malformed(prop('Action', undefined))).toBe('Action: missing');
    expect(malformed(edited((o) => (o.time = '2026-11-20T05:25:01+25:00')))).toBe('time: impossible UTC offset');
    expect(malformed(edited((o) => (o.time = '20.11.2026')))).toBe("time: invalid '20.11.2026'");
    expect(malformed(edited((o) => (o.time = '11/20/2026 13:30:12 PM')))).toBe("time: invalid '11/20/2026 13:30:12 PM'");
    expect(malformed(legacy('TCP connection from 203.0.113.7:1 to 10.1.0.4:22 denied'))).toBe("properties.msg: invalid 'TCP connection from 203.0.113.7:1 to 10.1.0.4:22 denied'");
    expect(malformed(LEGACY.slice(0, 120))).toBe('JSON: invalid syntax');
  });
});

describe('azure-firewall: sniffing', () => {
  it('its own logs sniff as azure-firewall with high confidence; one line alone too (explain)', () => {
    expectOwnLogsSniffAs(FIXTURES, ['firewall.log', 'sample/fw-hub.log'], 'azure-firewall', 0.9);
    for (const l of azureFirewallFormat.examples) expect(sniffFormat([l]).format?.id).toBe('azure-firewall');
    // Elastic's corner cases write `"category": "…"` with a space.
    expect(azureFirewallFormat.sniff(['{"time": "1/9/2007 9:41:00 AM", "category": "AzureFirewallNetworkRule"}'])).toBe(1);
  });

  it('no other format sniffs its lines, it sniffs none of theirs, the samples or the corpus; journald and Google Cloud JSON stay theirs', () => {
    for (const f of formats) {
      if (f === azureFirewallFormat) continue;
      expect([f.id, azureFirewallFormat.sniff(f.examples)]).toEqual([f.id, 0]);
      expect([f.id, f.sniff(azureFirewallFormat.examples)]).toEqual([f.id, 0]);
    }
    // A journal entry and a Cloud Logging entry quoting an Azure record.
    const journal = JSON.stringify({ __REALTIME_TIMESTAMP: '1795152301000000', _TRANSPORT: 'syslog', MESSAGE: LEGACY });
    expect([azureFirewallFormat.sniff([journal]), sniffFormat([journal]).format?.id]).toEqual([0, journalJsonFormat.id]);
    const gcp = edited((o) => (o.jsonPayload.note = '"category":"AZFWNetworkRule"'), gcpFirewallFormat.examples[0]!);
    expect([azureFirewallFormat.sniff([gcp]), sniffFormat([gcp]).format?.id]).toEqual([0, 'gcp-firewall']);
    expectNoSampleOrCorpusSniffsAs(azureFirewallFormat);
  });
});

describe('azure-firewall: the sample log', () => {
  it('is what make-sample.mjs writes, and reads with nothing malformed', () => {
    const r = parseLines(azureFirewallFormat, splitLines(generatedSample(FIXTURES, 'sample/fw-hub.log')), { tz: 'UTC' });
    expect([r.malformed.length, r.skipped.length, r.events.length]).toEqual([0, 2, 304]);
    expect(countBy(r.events, (e) => e.action)).toEqual({ drop: 208, allow: 96 });
    expect(countBy(r.events, (e) => String(e.direction))).toEqual({ in: 44, out: 48, forward: 40, null: 172 });
  });
});
