// A Hillstone StoneOS log through the CLI: the report's count line says blocked packets and
// connections (a session start, or a session end without one, counted once), and the
// directions read from the zones, else from the addresses; one run, its parts read in-process in
// test/parsers/hillstone.test.ts.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

describe('hillstone: the report of the sample', () => {
  it('counts the denied packets and each connection once, sniffed from the first lines, times in --tz', () => {
    const r = runCli(['test/fixtures/hillstone/sample/sg6000.log', '--tz', 'Asia/Shanghai', '--top', '3'], { env: { COLUMNS: '100', TZ: 'UTC' } });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const out = r.stdout.replace(/\s+/g, ' ');
    expect(out).toContain('2026-11-25 08:01:36 → 2026-11-25 12:20:04 (Asia/Shanghai)');
    expect(out).toContain('369 lines · 272 events (192 packets, 80 connections) · 97 skipped · 0 malformed');
    expect(out).toContain('direction in 179 (66%) · out 71 (26%) · unknown 22 (8.1%)');
    expect(out).toContain('policy 16 untrust->trust 170 (63%)');
    // The LAN's connections out, by their zones or (ends without zones) their addresses, are no probes.
    expect(out).toContain('probes 192 packets and 9 connections to 40 ports');
    expect(out).toContain('not probes 71 connections from this side');
    // The slow vertical scan ranks first.
    expect(out).toMatch(/1 │ 203\.0\.113\.66 .*vertical scan: 24 ports/);
  });
});
