// A Zyxel USG FLEX log through the CLI: the report's count line says blocked packets and
// connections (an ACCESS FORWARD, or a Traffic Log without one, counted once), and the
// directions read from the dir zones; one run, its parts read in-process in test/parsers/zyxel.test.ts.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

describe('zyxel: the report of the sample', () => {
  it('counts the blocked packets and each connection once, sniffed from the first lines', () => {
    const r = runCli(['test/fixtures/zyxel/sample/usgflex500.log', '--top', '3'], { env: { COLUMNS: '100', TZ: 'UTC' } });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const out = r.stdout.replace(/\s+/g, ' ');
    expect(out).toContain('362 lines · 293 events (207 packets, 86 connections) · 69 skipped · 0 malformed');
    expect(out).toContain('direction unknown 157 (54%) · out 86 (29%) · in 36 (12%) · forward 14 (4.8%)');
    expect(out).toContain('priority 9 WAN->ZyWALL 36 (12%)');
    // The slow vertical scan ranks first.
    expect(out).toMatch(/1 │ 203\.0\.113\.66 .*slow scan: 33 ports/);
  });
});
