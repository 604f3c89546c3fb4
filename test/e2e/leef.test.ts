// A PAN-OS log sent through a LEEF syslog profile, through the CLI: the report's count line
// says blocked packets (RepeatCount of them each) and connections (an `end` record each, its
// `start` skipped), and the directions and rule labels read as PAN-OS's own log reads them;
// one run, its parts read in-process in test/parsers/leef.test.ts.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

describe('leef: the report of the sample', () => {
  it('counts the blocked packets and each session once, sniffed from the first lines', () => {
    const r = runCli(['test/fixtures/leef/sample/pa-edge.log', '--top', '3'], { env: { COLUMNS: '100', TZ: 'UTC' } });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const out = r.stdout.replace(/\s+/g, ' ');
    expect(out).toContain('400 lines · 308 events (392 packets, 94 connections) · 92 skipped · 0 malformed');
    expect(out).toContain('direction unknown 315 (65%) · out 94 (19%) · in 77 (16%)');
    expect(out).toContain('interzone-default untrust->trust 77 (16%) · lan-out trust->untrust 60 (12%)');
    // The slow vertical scan ranks first.
    expect(out).toMatch(/1 │ 203\.0\.113\.66 .*vertical scan: 37 ports/);
  });
});
