// This side's own traceroute going out (seed 002's 33434-33600, sent from here): the
// annotation reads it as a machine here mapping a path, and the report, its JSON, `daily`
// and --fail-on must say the same, not "someone tracing the route to you".
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, runCliShared, tempDir } from '../helpers/cli.js';

interface Source {
  ip: string;
  severity: number;
  explanation: string;
  findings: { id: string; severity: number; evidence: Record<string, unknown>; text: string }[];
}

/** Nine probes, three per hop, the port rising by one each: how traceroute (and mtr -u) sends. */
function trace(src: string, dst: string, prefix: string, inIf: string, outIf: string, startSec: number): string[] {
  return Array.from({ length: 9 }, (_, i) => {
    const s = startSec + i;
    const stamp = `Nov 20 07:${String(10 + Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
    const mac = inIf === '' ? '' : ' MAC=52:54:00:3a:91:c2:00:1b:21:7e:04:aa:08:00';
    return `${stamp} gw kernel: [310990.${String(s).padStart(6, '0')}] ${prefix}IN=${inIf} OUT=${outIf}${mac} SRC=${src} DST=${dst} LEN=60 TOS=0x00 PREC=0x00 TTL=${1 + Math.floor(i / 3)} ID=${5000 + s} PROTO=UDP SPT=45123 DPT=${33434 + i} LEN=40 `;
  });
}

let dir = '';
let own = '';
let mixed = '';
const BASE = ['--year', '2026', '--tz', 'UTC'];

beforeAll(() => {
  dir = tempDir();
  own = join(dir, 'own.log');
  mixed = join(dir, 'mixed.log');
  // Let out: ufw's AUDIT rule, a plain netfilter LOG rule on OUTPUT. Stopped by egress rules: ufw's BLOCK.
  const audit = trace('192.168.1.20', '198.51.100.7', '[UFW AUDIT] ', '', 'eth0', 0);
  const plain = trace('192.168.1.22', '198.51.100.8', '', '', 'eth0', 20);
  const blocked = trace('192.168.1.21', '198.51.100.9', '[UFW BLOCK] ', '', 'eth0', 40);
  writeFileSync(own, [...audit, ...plain, ...blocked].join('\n') + '\n');
  const inbound = trace('203.0.113.9', '192.168.1.20', '[UFW BLOCK] ', 'eth0', '', 60);
  writeFileSync(mixed, [...blocked, ...inbound].join('\n') + '\n');
});

const report = (file: string, ...args: string[]): { sources: Source[] } & Record<string, unknown> => JSON.parse(runCliShared([...BASE, '-o', 'json', ...args, file]).stdout);

describe("this side's own traceroute going out", () => {
  it('let out, it ranks no source, as browsing does not: it probed nobody here', () => {
    const doc = report(own);
    expect(doc.sources.map((s) => s.ip)).toEqual(['192.168.1.21']);
    const text = runCli([...BASE, own]).stdout;
    expect(text).toMatch(/not probes\s+27 packets sent from this side/);
    const ranked = text.slice(text.indexOf('Top sources'), text.indexOf('Notable interpretations'));
    expect(ranked).toMatch(/192\.168\.1\.21 /);
    expect(ranked).not.toMatch(/192\.168\.1\.20 |192\.168\.1\.22 /);
    expect(text).toMatch(/traceroute from this side: UDP going/);
  });

  it("stopped by egress rules, it ranks as this side's own traceroute: severity 0, no finding that someone traces the route here", () => {
    const [src] = report(own).sources;
    expect(src.findings.map((f) => f.id)).toEqual(['outbound-traceroute']);
    expect(src.findings[0]).toMatchObject({ severity: 0, evidence: { packets: 9 }, text: 'traceroute from this side (9 probes)' });
    expect(src.severity).toBe(0);
    expect(src.explanation).toBe("blocked going out (this side's own traffic): traceroute from this side (9 probes)");
    const zh = report(own, '--lang', 'zh').sources[0];
    expect(zh.explanation).toBe('本方自身外发的流量被拦截：本方发出的 traceroute（9 个探测包）');
  });

  it('--fail-on 1 does not fail on it; a traceroute coming in still is one, severity 1', () => {
    expect(runCli([...BASE, '--fail-on', '1', own]).code).toBe(0);
    const doc = report(mixed);
    const inbound = doc.sources.find((s) => s.ip === '203.0.113.9')!;
    expect(inbound.findings.map((f) => f.id)).toEqual(['traceroute']);
    expect(inbound).toMatchObject({ severity: 1, explanation: 'traceroute (9 probes)' });
    expect(doc.sources.find((s) => s.ip === '192.168.1.21')!.findings.map((f) => f.id)).toEqual(['outbound-traceroute']);
    expect(runCli([...BASE, '--fail-on', '1', mixed]).code).toBe(4);
  });

  it("the blocklist leaves it out, as this side's own machine, however low the score asked for", () => {
    const out = runCli([...BASE, '-o', 'blocklist', '--blocklist-min-score', '0', '--blocklist-include-private', own]).stdout;
    expect(out).not.toMatch(/192\.168\.1\.21/);
    expect(out).toMatch(/# Left out: 1 source of this side/);
  });

  it('daily says the same', () => {
    const doc = JSON.parse(runCli(['daily', ...BASE, '--date', '2026-11-20', '-o', 'json', own]).stdout) as { report: { sources: Source[] } };
    expect(doc.report.sources.map((s) => [s.ip, s.explanation])).toEqual([['192.168.1.21', "blocked going out (this side's own traffic): traceroute from this side (9 probes)"]]);
  });

  it('explain tells the two findings apart', () => {
    expect(runCli(['explain', 'outbound-traceroute']).stdout).toMatch(/a machine here .*mapping the path/s);
    expect(runCli(['explain', 'traceroute']).stdout).toMatch(/someone tracing the route to you/);
  });
});
