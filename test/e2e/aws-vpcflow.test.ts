// An AWS VPC flow log through the CLI: the report's count line says blocked packets (a REJECT
// record's packets) and connections (an ACCEPT record, its reverse half counted once), and the
// directions read from flow-direction; one run, its parts read in-process in
// test/parsers/aws-vpcflow.test.ts.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

describe('aws-vpcflow: the report of the sample', () => {
  it('counts the REJECT records\' packets and the connections once, sniffed from the header line', () => {
    const r = runCli(['test/fixtures/aws-vpcflow/sample/vpc-web.log', '--top', '3'], { env: { COLUMNS: '100', TZ: 'UTC' } });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const out = r.stdout.replace(/\s+/g, ' ');
    expect(out).toContain('336 lines · 296 events (360 packets, 62 connections) · 40 skipped · 0 malformed');
    expect(out).toContain('direction in 384 (91%) · out 38 (9.0%)');
    expect(out).toContain('logged as REJECT 360 (85%) · ACCEPT 62 (15%)');
    // The scan and the sweep rank first; the application server's SMTP out is found.
    expect(out).toMatch(/1 │ 198\.51\.100\.77 .*vertical scan: 38 ports/);
    expect(out).toContain('sweep of 12 hosts on 22/tcp');
    expect(out).toContain('blocked direct mail (smtp-outbound)');
  });
});
