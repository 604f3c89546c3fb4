// A Huawei USG log through the CLI: the report's count line says blocked packets and
// connections (a permit, or a session's teardown without one, counted once), and the
// directions read from VRP's default zones; one run, its parts read in-process in
// test/parsers/huawei-usg.test.ts.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

describe('huawei-usg: the report of the sample', () => {
  it('counts the blocked packets and each connection once, sniffed from the first lines', () => {
    const r = runCli(['test/fixtures/huawei-usg/sample/usg6555e.log', '--top', '3', '--tz', 'Asia/Shanghai'], { env: { COLUMNS: '100', TZ: 'UTC' } });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const out = r.stdout.replace(/\s+/g, ' ');
    expect(out).toContain('361 lines · 296 events (204 packets, 92 connections) · 65 skipped · 0 malformed');
    expect(out).toContain('direction in 204 (69%) · out 92 (31%)');
    expect(out).toContain('policy "Deny-To-Firewall" untrust->local 186 (63%)');
    // The slow vertical scan ranks first.
    expect(out).toMatch(/1 │ 203\.0\.113\.66 .*vertical scan: 26 ports/);
  });
});
