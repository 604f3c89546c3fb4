// A CEF log through the CLI: the report's count line says blocked packets (a deny record, `cnt`
// of them when folded) and connections (an allowed session's end record; its start record
// skipped), and the zones' directions; one run, its parts read in-process in
// test/parsers/cef.test.ts.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

describe('cef: the report of the sample', () => {
  it('counts the denied records\' packets and the sessions once, sniffed as cef behind a relay\'s header', () => {
    const r = runCli(['test/fixtures/cef/sample/pa-edge.log', '--top', '3'], { env: { COLUMNS: '100', TZ: 'UTC' } });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const out = r.stdout.replace(/\s+/g, ' ');
    expect(out).toContain('359 lines · 336 events (333 packets, 70 connections) · 23 skipped · 0 malformed');
    // PAN-OS's zones and label as its own syslog format reads them: untrust->untrust and untrust->dmz say no side.
    expect(out).toContain('direction unknown 357 (89%) · out 46 (11%)');
    expect(out).toContain('logged as interzone-default untrust->untrust 264 (66%)');
    // The scan and the sweep rank first; the LAN machine's IRC is found.
    expect(out).toMatch(/1 │ 203\.0\.113\.66 .*vertical scan: 60 ports/);
    expect(out).toContain('sweep of 12 hosts on 22/tcp');
    expect(out).toContain('blocked IRC (irc-outbound)');
  });
});
