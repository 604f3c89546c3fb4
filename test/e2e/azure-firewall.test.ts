// An Azure Firewall log through the CLI, as the other formats of the day have one: the count line
// says blocked packets (a Deny record, one attempt) and connections (an Allow or a DNAT record),
// the addresses' directions (a DNAT record by its translated spoke address, spoke to spoke
// forward, the firewall's public address unknown until --home-net names it) and the rule labels;
// one run each, its parts read in-process in test/parsers/azure-firewall.test.ts.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const SAMPLE = 'test/fixtures/azure-firewall/sample/fw-hub.log';

describe('azure-firewall: the report of the sample', () => {
  it('counts denied records as packets and allowed ones as connections, with no time-zone hint for its UTC stamps', () => {
    const r = runCli([SAMPLE, '--top', '3'], { env: { COLUMNS: '100', TZ: 'UTC' } });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const out = r.stdout.replace(/\s+/g, ' ');
    expect(out).toContain('306 lines · 304 events (208 packets, 96 connections) · 2 skipped · 0 malformed');
    expect(out).not.toContain('--tz');
    expect(out).toContain('direction unknown 172 (57%) · out 48 (16%) · in 44 (14%) · forward 40 (13%)');
    expect(out).toContain('policy:fw-policy-hub 186 (61%)');
    expect(out).toContain('DefaultDnatRuleCollectionGroup/dnat-in/rdp-jump 17 (5.6%)');
    // The slow scan of the public address, which got an RDP connection through the DNAT, ranks first; a spoke machine's IRC is found.
    expect(out).toMatch(/1 │ 198\.51\.100\.77 │ \d/);
    expect(out).toContain('findings probes allowed in (allowed-in) 29 ·');
    expect(out).toContain('slow port scans (slow-scan) 1');
    expect(out).toContain('blocked IRC (irc-outbound)');
  });

  it('--home-net with the firewall\'s public address (and the private spokes, which a --home-net replaces) reads the probes of it as inbound: no direction left unknown', () => {
    const r = runCli([SAMPLE, '--top', '1', '--home-net', '203.0.113.10/32', '--home-net', '10.0.0.0/8', '--home-net', 'fc00::/7'], { env: { COLUMNS: '100', TZ: 'UTC' } });
    expect(r.code).toBe(0);
    const out = r.stdout.replace(/\s+/g, ' ');
    const row = /direction ([^·]+(?:· [a-z]+ \d+ \(\S+\) )*)/.exec(out)?.[1] ?? '';
    expect(row).not.toContain('unknown');
    expect(row).toMatch(/^in \d+/);
  });
});
