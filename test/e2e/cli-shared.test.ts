// runCliShared (test/helpers/cli.ts) hands a test another test's run of the same command:
// a stale result would let a test pass on output its own fixture no longer gives.
import { utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliShared, tempDir } from '../helpers/cli.js';

const LINE = (dpt: number): string =>
  `Nov 20 06:25:01 gw kernel: [1.0] [UFW BLOCK] IN=eth0 OUT= MAC=00:11:22:33:44:55:66:77:88:99:aa:bb:08:00 SRC=203.0.113.7 DST=192.168.1.10 LEN=44 TTL=51 ID=1 PROTO=TCP SPT=40000 DPT=${dpt} WINDOW=1024 RES=0x00 SYN URGP=0\n`;

describe('runCliShared', () => {
  it('runs a command again only when the file it names, the environment or stdin changed', () => {
    const file = join(tempDir(), 'ufw.log');
    writeFileSync(file, LINE(23));
    const first = runCliShared(['events', file]);
    expect(first.stdout).toContain('"port":23');
    expect(runCliShared(['events', file])).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    // Rewritten: the new content is read.
    writeFileSync(file, LINE(445));
    const rewritten = runCliShared(['events', file]);
    expect(rewritten.stdout).toContain('"port":445');
    // Only its time changed (the year of a year-less line goes by it): run again.
    utimesSync(file, new Date('2020-12-01T00:00:00Z'), new Date('2020-12-01T00:00:00Z'));
    const touched = runCliShared(['events', file]);
    expect(touched).not.toBe(rewritten);
    expect(touched.stdout).toContain('"time":"2020-11-20T');
    expect(runCliShared(['events', file], { env: { TZ: 'UTC' } })).not.toBe(touched);
    const stdin = runCliShared(['events', '-'], { input: LINE(22) });
    expect(stdin.stdout).toContain('"port":22');
    expect(runCliShared(['events', '-'], { input: LINE(21) }).stdout).toContain('"port":21');
  });

  it('refuses what writes besides printing, or depends on the clock', () => {
    for (const args of [['x.log', '--output', 'r.html'], ['daily', '--date', '2026-11-20', '--state', 'st', 'x.log'], ['x.log', '--since', '2h'], ['daily', 'x.log']]) {
      expect(() => runCliShared(args), args.join(' ')).toThrow(/use runCli/);
    }
  });
});
