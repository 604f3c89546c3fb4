// An H3C SecPath log through the CLI: the report's count line says blocked packets (a Deny's
// MatchCount) and connections (a permit or a session, counted once), directions from Comware's
// default zones and, for session records that name none, from the addresses; one run, its
// parts read in-process in test/parsers/h3c-secpath.test.ts.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

describe('h3c-secpath: the report of the sample', () => {
  it('counts MatchCount packets and each connection once, sniffed from the first lines', () => {
    const r = runCli(['test/fixtures/h3c-secpath/sample/f1000.log', '--top', '3', '--tz', 'Asia/Shanghai'], { env: { COLUMNS: '100', TZ: 'UTC' } });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const out = r.stdout.replace(/\s+/g, ' ');
    expect(out).toContain('400 lines · 286 events (335 packets, 99 connections) · 114 skipped · 0 malformed');
    // The session records' connections are this side's, told by their addresses: no probes among them.
    expect(out).toContain('probes 334 packets to 35 ports');
    expect(out).toContain('not probes 99 connections from this side');
    expect(out).toContain('rule 1 "Untrust-Local" Untrust->Local 314 (72%)');
    expect(out).toMatch(/1 │ 203\.0\.113\.66 .*vertical scan/);
  });
});
