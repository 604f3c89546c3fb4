// Cisco IOS inspection keywords (`Start http session: …`) read as their transport through
// signatures/ios-inspect-protocols.json, loaded on the first record whose word is no IP protocol.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ciscoIosFormat } from '../../src/parsers/cisco-ios.js';
import { inspectProtocol, inspectProtocolsLoaded } from '../../src/parsers/ios-inspect-protocols.js';
import { isProtocolName } from '../../src/util/protocols.js';
import { parseLines } from '../helpers/parse.js';

const doc = JSON.parse(readFileSync(new URL('../../signatures/ios-inspect-protocols.json', import.meta.url), 'utf8')) as { source: string; url: string; protocols: Record<string, string> };

const start = (word: string, a: string, b: string): string =>
  `Nov  3 10:00:01 192.0.2.1 201: *Nov  3 10:00:01.100: %FW-6-SESS_AUDIT_TRAIL_START: Start ${word} session: initiator (${a}) -- responder (${b})`;

describe('cisco-ios: inspection keywords', () => {
  // First: the table is read once per process, and tcp/udp/icmp sessions must not read it.
  it('a log of IP protocol names never reads the table', () => {
    const r = parseLines(ciscoIosFormat, [start('tcp', '192.168.1.30:39349', '198.51.100.50:23'), start('icmp', '192.168.1.30:8', '198.51.100.50:0')]);
    expect(r.events.map((e) => e.proto)).toEqual(['tcp', 'icmp']);
    expect(inspectProtocolsLoaded()).toBe(false);
  });

  it('the table names its source, and each entry is a keyword with tcp or udp', () => {
    expect(doc.source).toMatch(/ip inspect name/);
    expect(doc.url).toMatch(/^https:\/\/www\.cisco\.com\//);
    const entries = Object.entries(doc.protocols);
    expect(entries.length).toBeGreaterThan(30);
    for (const [name, transport] of entries) {
      expect(name).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(['tcp', 'udp']).toContain(transport);
      // An IP protocol's own name is read as that protocol before the table is asked.
      expect(isProtocolName(name)).toBe(false);
    }
  });

  it('every keyword is read as its transport, with the ports', () => {
    const names = Object.keys(doc.protocols);
    const r = parseLines(ciscoIosFormat, names.map((n) => start(n, '192.168.1.40:51000', '198.51.100.80:8080')));
    expect(r.malformed).toEqual([]);
    expect(r.events.map((e) => e.proto)).toEqual(names.map((n) => doc.protocols[n]));
    expect(r.events.every((e) => e.src.port === 51000 && e.dst.port === 8080)).toBe(true);
    expect(inspectProtocolsLoaded()).toBe(true);
  });

  it('a word no table names is other, without ports; case does not matter', () => {
    expect(inspectProtocol('sip')).toBe('other');
    expect(inspectProtocol('HTTP')).toBe('tcp');
    expect(inspectProtocol('gre')).toBe('gre');
    const r = parseLines(ciscoIosFormat, [start('sip', '192.168.1.45:5060', '203.0.113.60:5060')]);
    expect(r.events.map((e) => [e.proto, e.src.port, e.dst.port])).toEqual([['other', null, null]]);
  });

  it("an ICMP session's initiator number is its ICMP type; IOS XE's `from IF` is the ingress interface", () => {
    const r = parseLines(ciscoIosFormat, [
      start('icmp', '192.168.1.44:8', '198.51.100.90:0'),
      '<190>4021: edge-rtr: Nov  3 10:00:22.100: %FW-6-SESS_AUDIT_TRAIL_START: (target:class)-(VPN-OUT:cm-vpn):Start https session: initiator (192.168.2.51:49291) -- responder (198.51.100.44:443) from Tunnel7',
    ]);
    expect(r.events.map((e) => [e.proto, e.icmp?.type ?? null, e.inIface])).toEqual([['icmp', 8, null], ['tcp', null, 'Tunnel7']]);
  });
});
