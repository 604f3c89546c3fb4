// A Stormshield log through the CLI: the report's count line says blocked packets and
// connections (a filter pass, or a connection record without one, counted once), and the
// directions read from the interface names and the firewall's own objects; one run, its parts
// read in-process in test/parsers/stormshield.test.ts.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

describe('stormshield: the report of the sample', () => {
  it('counts the blocked packets and each connection once, sniffed from the first lines', () => {
    const r = runCli(['test/fixtures/stormshield/sample/sn210w.log', '--top', '3'], { env: { COLUMNS: '100', TZ: 'UTC' } });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const out = r.stdout.replace(/\s+/g, ' ');
    expect(out).toContain('367 lines · 290 events (212 packets, 78 connections) · 77 skipped · 0 malformed');
    expect(out).toContain('direction in 201 (69%) · out 78 (27%) · forward 11 (3.8%)');
    expect(out).toContain('rule 9 "Block all" out->firewall 201 (69%)');
    // The slow vertical scan ranks first.
    expect(out).toMatch(/1 │ 203\.0\.113\.66 .*vertical scan: 26 ports/);
  });
});
