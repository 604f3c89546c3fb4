// `logscan follow` and the hour that repeats when summer time ends: a log rotated while it
// is followed (or while logscan was stopped, with --state) goes on in the new file, whose
// first lines in that hour are read after the old file's last one, as `logscan kern.log.1
// kern.log` reads them (src/live/parse-session.ts carries the log order per followed path).
// The BUILT CLI, as a user runs it.
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startCli, tempDir } from '../helpers/cli.js';
import { followedEvents, LogWriter, printed, sleep } from '../helpers/follow-writer.js';

const env = { LOGSCAN_FOLLOW_POLL_MS: '40', LOGSCAN_FOLLOW_RETIRE_MS: '400', TZ: 'Etc/GMT+2' };

// Europe/Berlin, 25 Oct 2026: 03:00 CEST falls back to 02:00 CET, so 02:00-02:59 happens twice.
// The first two records are in the first pass (CEST), the next three in the second (CET).
const STAMPS = ['02:30:00', '02:55:00', '02:05:00', '02:40:00', '03:10:00'];
const WANT = ['2026-10-25T00:30:00.000Z', '2026-10-25T00:55:00.000Z', '2026-10-25T01:05:00.000Z', '2026-10-25T01:40:00.000Z', '2026-10-25T02:10:00.000Z'];
const line = (seq: number): string => record(`Oct 25 ${STAMPS[seq - 1]}`, seq);
const record = (stamp: string, seq: number): string =>
  `${stamp} gw kernel: [UFW BLOCK] IN=eth0 OUT= SRC=203.0.113.7 DST=192.168.1.10 LEN=44 TTL=51 ID=${seq} PROTO=TCP SPT=${10000 + seq} DPT=23 WINDOW=1024 SYN URGP=0`;
const ARGS = ['--tz', 'Europe/Berlin', '--year', '2026'];
const times = (stdout: string): string[] => (followedEvents(stdout) as unknown as { time: string }[]).map((e) => e.time);

describe.concurrent('follow: the hour autumn repeats, across a rotation', () => {
  it('rotated while followed (rename + create): the new file starts in the second pass, after the old file', async () => {
    const dir = tempDir();
    const path = join(dir, 'kern.log');
    writeFileSync(path, '');
    const w = new LogWriter(path, line);
    const cli = startCli(['follow', '-o', 'ndjson', '--from-start', ...ARGS, path], { env });
    w.write();
    w.write();
    await cli.waitFor(printed(2));
    w.renameCreate();
    w.write();
    w.write();
    w.write();
    await cli.waitFor(printed(5));
    await sleep(100);
    const r = await cli.stop();
    expect(times(r.stdout)).toEqual(WANT);
  });

  it('rotated while logscan was stopped (--state): the rest of kern.log.1 is read first, then kern.log in the second pass', async () => {
    const dir = tempDir();
    const path = join(dir, 'kern.log');
    writeFileSync(path, '');
    const writer = new LogWriter(path, line);
    const start = () => startCli(['follow', '-o', 'ndjson', '--from-start', ...ARGS, '--state', join(dir, 'follow.state'), path], { env });
    const first = start();
    writer.write();
    await first.waitFor(printed(1));
    await sleep(100);
    const before = times((await first.stop()).stdout);
    // While stopped: one more record in the first pass, the rotation, three in the second.
    writer.write();
    writer.renameCreate();
    writer.write();
    writer.write();
    writer.write();
    const again = start();
    await again.waitFor(printed(4));
    await sleep(100);
    const r = await again.stop();
    expect(r.stderr).toContain('rotated while logscan was stopped; finishing');
    expect([...before, ...times(r.stdout)]).toEqual(WANT);
  });
});

describe('follow: --year across a rotation', () => {
  it('January in the new file is the year after the old file\'s December, as the batch reader carries it', async () => {
    const dir = tempDir();
    const path = join(dir, 'kern.log');
    writeFileSync(path, '');
    const stamps = ['Dec 31 23:58:00', 'Jan  1 00:02:00'];
    const w = new LogWriter(path, (seq) => record(stamps[seq - 1]!, seq));
    const cli = startCli(['follow', '-o', 'ndjson', '--from-start', '--tz', 'UTC', '--year', '2025', path], { env });
    w.write();
    await cli.waitFor(printed(1));
    w.renameCreate();
    w.write();
    await cli.waitFor(printed(2));
    const r = await cli.stop();
    expect(times(r.stdout)).toEqual(['2025-12-31T23:58:00.000Z', '2026-01-01T00:02:00.000Z']);
  });
});
