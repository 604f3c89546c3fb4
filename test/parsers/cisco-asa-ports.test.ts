// Ports written as Cisco's names (`outside:203.0.113.7/ssh`, `(www)`): read through
// signatures/asa-port-names.json, loaded on the first line that has one; a name the table
// does not have leaves the line malformed, the reason naming it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { asaPortNamesLoaded } from '../../src/parsers/asa-port-names.js';
import { ciscoAsaFormat } from '../../src/parsers/cisco-asa.js';
import { parseLines } from '../helpers/parse.js';

const doc = JSON.parse(readFileSync(new URL('../../signatures/asa-port-names.json', import.meta.url), 'utf8')) as { source: string; url: string; ports: Record<string, number> };

const deny = (port: string): string => `%PIX-3-710003: TCP access denied by ACL from 203.0.113.130/54065 to outside:198.51.100.98/${port}`;
const acl = (port: string): string => `<166>Sep 25 05:08:37 fw1 %ASA-6-106100: access-list outside_in denied tcp outside/203.0.113.9(41234) -> inside/192.0.2.80(${port}) hit-cnt 1 first hit [0x1, 0x0]`;

describe('cisco-asa: port names', () => {
  // First: the module's table is read once per process, and numbers must not read it.
  it('a log of numbers never reads the table', () => {
    const r = parseLines(ciscoAsaFormat, [deny('22'), acl('80')]);
    expect(r.events.map((e) => e.dst.port)).toEqual([22, 80]);
    expect(asaPortNamesLoaded()).toBe(false);
  });

  it('the table names its source, and each entry is a port', () => {
    expect(doc.source).toMatch(/Cisco ASA/);
    expect(doc.url).toMatch(/^https:\/\/www\.cisco\.com\//);
    const entries = Object.entries(doc.ports);
    expect(entries.length).toBeGreaterThan(60);
    for (const [name, port] of entries) {
      expect(name).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(Number.isInteger(port) && port >= 0 && port <= 65535).toBe(true);
    }
  });

  it('every name of the table is read as its port, after a slash and in brackets', () => {
    const names = Object.keys(doc.ports);
    const r = parseLines(ciscoAsaFormat, names.flatMap((n) => [deny(n), acl(n)]));
    expect(r.malformed).toEqual([]);
    expect(r.events.map((e) => e.dst.port)).toEqual(names.flatMap((n) => [doc.ports[n], doc.ports[n]]));
    expect(asaPortNamesLoaded()).toBe(true);
  });

  it('the names real lines show are the documented ports', () => {
    const r = parseLines(ciscoAsaFormat, ['ssh', 'snmp', 'www', 'domain', 'https', 'telnet'].map(deny));
    expect(r.events.map((e) => e.dst.port)).toEqual([22, 161, 80, 53, 443, 23]);
  });

  it('a name the table does not have is malformed, the reason naming it', () => {
    const r = parseLines(ciscoAsaFormat, [deny('sshd'), acl('webserver'), deny('SSH'), deny('ssh.'), deny('')]);
    expect(r.events.map((e) => e.dst.port)).toEqual([22]);
    expect(r.malformed).toEqual([
      { line: 1, reason: "710003: dst: port name 'sshd' is none of the Cisco port names" },
      { line: 2, reason: "106100: dst: port name 'webserver' is none of the Cisco port names" },
      { line: 3, reason: "710003: dst: port name 'SSH' is none of the Cisco port names" },
      { line: 5, reason: "710003: dst: invalid port ''" },
    ]);
  });
});
