// The most probed hosts of this side from the command line: JSON fields, --top, the
// --source and --ignore filters, --csv-table targets.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReportDoc } from '../../src/aggregate/report.js';
import { repoRoot, runCli, runCliShared, tempDir } from '../helpers/cli.js';

const UFW_LOG = join(repoRoot, 'samples/ufw.log');

function json(args: string[]): ReportDoc {
  const r = runCliShared([...args, '-o', 'json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as ReportDoc;
}

describe('most probed hosts (CLI)', () => {
  it('JSON: topTargets and its fields, shares of topTargetsPackets, the probes the ports table counts', () => {
    const d = json([UFW_LOG]);
    expect(d.topTargetsBlockedOnly).toBe(d.topPortsBlockedOnly);
    expect(d.targetHosts).toBeGreaterThanOrEqual(2);
    expect(d.topTargetsPackets).toBe(d.probes.blocked);
    const [first] = d.topTargets;
    expect(Object.keys(first!).sort()).toEqual(['connections', 'ip', 'otherPorts', 'packets', 'ports', 'portsComplete', 'share', 'sources'].sort());
    expect(first!.share).toBeCloseTo(first!.packets / d.topTargetsPackets, 10);
    expect(first!.ports[0]).toMatchObject({ proto: 'tcp', port: 22, names: ['SSH'] });
    let sum = 0;
    for (const t of d.topTargets) {
      sum += t.packets;
      expect(t.ports.reduce((n, p) => n + p.packets, 0) + t.otherPorts).toBe(t.packets);
    }
    expect(sum).toBeLessThanOrEqual(d.topTargetsPackets);
  });

  it('--top bounds its rows', () => {
    const d = json([UFW_LOG, '--top', '2']);
    expect(d.topTargets).toHaveLength(2);
    expect(d.targetHosts).toBeGreaterThan(2);
  });

  it('--source and --ignore leave their probes out, as the other tables', () => {
    const all = json([UFW_LOG]);
    const one = json([UFW_LOG, '--source', '192.0.2.181']);
    expect(one.topTargetsPackets).toBeLessThan(all.topTargetsPackets);
    expect(one.topTargets.every((t) => t.sources === 1)).toBe(true);
    const ignore = join(tempDir(), 'ignore.txt');
    writeFileSync(ignore, 'port 23/tcp\n');
    const r = runCli([UFW_LOG, '--ignore', ignore, '-o', 'json']);
    const ignored = JSON.parse(r.stdout) as ReportDoc;
    const ports = (d: ReportDoc): (number | null)[] => d.topTargets.flatMap((t) => t.ports.map((p) => p.port));
    expect(ports(all)).toContain(23);
    expect(ports(ignored)).not.toContain(23);
    expect(ignored.topTargetsPackets).toBeLessThan(all.topTargetsPackets);
  });

  it('--csv-table targets', () => {
    const r = runCliShared([UFW_LOG, '-o', 'csv', '--csv-table', 'targets', '--top', '3']);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split('\r\n');
    expect(lines[0]).toBe('ip,packets,connections,sources,share,ports,other_port_packets,ports_complete');
    expect(lines).toHaveLength(5);
    expect(lines[1]).toMatch(/^192\.168\.1\.20,\d+,0,\d+,0\.\d+,22\/tcp; 23\/tcp; 2323\/tcp,\d+,false$/);
  });
});
