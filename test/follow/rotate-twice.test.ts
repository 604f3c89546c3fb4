// `logscan follow --state` restarted after logrotate ran twice (or more) while it was
// stopped: the saved file is now kern.log.2 (or .2.gz), and kern.log.1 was never in the
// state. Its lines must be read, after the saved file's rest and before the new kern.log,
// once each. The BUILT CLI, as a user runs it.
import { existsSync, linkSync, readdirSync, readFileSync, readlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { leftAloneLongAgo } from '../../src/input/follow-path.js';
import { followedWithState, printed, seqLines, seqs, sleep, stoppedAfter10 } from '../helpers/follow-writer.js';

const env = { LOGSCAN_FOLLOW_POLL_MS: '40', LOGSCAN_FOLLOW_RETIRE_MS: '400' };

describe.concurrent('logscan follow --state after two rotations while stopped', () => {
  it('rename + create twice: kern.log.2 is finished, kern.log.1 read whole, then kern.log', async () => {
    const { path, w, lines, restart } = await stoppedAfter10(env);
    lines(5);
    w.renameCreate();
    lines(4);
    w.renameCreate();
    lines(3);
    expect(existsSync(`${path}.2`)).toBe(true);
    const r = await restart(12);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`kern.log: rotated twice while logscan was stopped; reading kern.log.1 before kern.log`);
    expect(r.stderr).not.toMatch(/may be missing|not read/);
    expect(seqLines(r.all)).toEqual(w.seqLines);
  });

  it('compress without delaycompress: the saved file is kern.log.2.gz, the one between kern.log.1.gz', async () => {
    const { path, w, lines, restart } = await stoppedAfter10(env);
    lines(5);
    w.renameCreate();
    w.compress(1);
    lines(4);
    w.renameCreate();
    w.compress(1);
    lines(3);
    expect(existsSync(`${path}.2.gz`) && existsSync(`${path}.1.gz`)).toBe(true);
    const r = await restart(12);
    expect(r.stderr).toContain(`finishing ${path}.2.gz first`);
    expect(r.stderr).toContain(`rotated twice while logscan was stopped; reading kern.log.1.gz before kern.log`);
    expect(seqLines(r.all)).toEqual(w.seqLines);
  });

  it('delaycompress: the saved file is kern.log.2.gz, the one between still plain kern.log.1', async () => {
    const { path, w, lines, restart } = await stoppedAfter10(env);
    lines(5);
    w.renameCreate();
    lines(4);
    w.shift();
    w.compress(2);
    w.renameCreate(`${path}.1`);
    lines(3);
    const r = await restart(12);
    expect(r.stderr).toContain('reading kern.log.1 before kern.log');
    expect(seqLines(r.all)).toEqual(w.seqLines);
  });

  it('copytruncate twice: the rest from the first copy (kern.log.2), the second copy, then kern.log from its start', async () => {
    const { w, lines, restart } = await stoppedAfter10(env);
    lines(5);
    w.copyTruncate();
    lines(4);
    w.copyTruncate();
    lines(3);
    const r = await restart(12);
    expect(r.stderr).toContain('reading kern.log.1 before kern.log');
    expect(seqLines(r.all)).toEqual(w.seqLines);
  });

  it('dateext names: kern.log-20260120 finished, kern.log-20260121 read, then kern.log', async () => {
    const { path, w, lines, restart } = await stoppedAfter10(env);
    lines(5);
    w.renameCreate(`${path}-20260120`);
    lines(4);
    w.renameCreate(`${path}-20260121`);
    lines(3);
    const r = await restart(12);
    expect(r.stderr).toContain(`finishing ${path}-20260120 first`);
    expect(r.stderr).toContain('reading kern.log-20260121 before kern.log');
    expect(seqLines(r.all)).toEqual(w.seqLines);
  });

  it('a file found under two names (kern.log.1 and, half compressed, kern.log.1.gz; a hard link kern.log.0) is read once', async () => {
    const { path, w, lines, restart } = await stoppedAfter10(env);
    lines(5);
    w.renameCreate();
    lines(4);
    w.renameCreate();
    // gzip has written the .gz but not yet removed the plain file; someone kept a hard link.
    writeFileSync(`${path}.1.gz`, gzipSync(readFileSync(`${path}.1`)));
    linkSync(`${path}.1`, `${path}.0`);
    lines(3);
    const r = await restart(12);
    expect(seqLines(r.all)).toEqual(w.seqLines);
  });

  it('a stale rotation older than the saved file (a kern.log.0 left by another scheme) is not taken for one in between', async () => {
    const { path, w, lines, restart } = await stoppedAfter10(env);
    writeFileSync(`${path}.0`, 'Nov 01 00:00:00 gw kernel: [1.0] [UFW BLOCK] IN=eth0 OUT= SRC=198.51.100.9 DST=192.168.1.10 PROTO=TCP SPT=1 DPT=22 SYN\n');
    const longAgo = new Date(Date.now() - 30 * 86_400_000);
    utimesSync(`${path}.0`, longAgo, longAgo);
    lines(5);
    w.renameCreate();
    lines(3);
    const r = await restart(8);
    expect(r.stderr).not.toContain('rotated twice');
    expect(seqLines(r.all)).toEqual(w.seqLines);
  });

  it('a state many rotations old: the newest rotations are read, the older ones are named on stderr as not read', async () => {
    const { w, lines, restart } = await stoppedAfter10(env);
    lines(2);
    w.renameCreate();
    const kept: number[] = [];
    for (let k = 0; k < 6; k++) {
      const from = w.written.length;
      lines(2);
      w.renameCreate();
      // Rotations 1..3 of these (now kern.log.6 .. kern.log.4) are beyond the limit.
      if (k >= 3) kept.push(...w.written.slice(from).map((x) => x.seq));
    }
    lines(3);
    const tail = w.written.slice(-3).map((x) => x.seq);
    const r = await restart(2 + 6 + 3);
    expect(r.stderr).toContain(`rotated 7 times while logscan was stopped; reading kern.log.3, kern.log.2, kern.log.1 before kern.log`);
    expect(r.stderr).toContain('not read: 3 older rotations, kern.log.6 to kern.log.4 (a restart reads at most 3 rotations between the file it was reading and kern.log; logscan FILE reads them)');
    expect(seqs(r.all)).toEqual([...w.written.slice(0, 12).map((x) => x.seq), ...kept, ...tail]);
  });
});

/** The files process `pid` holds open (Linux: /proc/PID/fd). */
function openFiles(pid: number): string[] {
  const out: string[] = [];
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      out.push(readlinkSync(`/proc/${pid}/fd/${fd}`));
    } catch {
      // closed meanwhile
    }
  }
  return out;
}

describe.concurrent('logscan follow --state: rotations read on a restart are closed', () => {
  it.runIf(existsSync('/proc/self/fd'))('the older rotations (kern.log.3, .2) at once when read; the newest (.1) after the retire delay, as a renamed file', async () => {
    // A retire delay far longer than the test: what closes the older ones is having been read.
    const { path, w, start } = followedWithState({ LOGSCAN_FOLLOW_POLL_MS: '40', LOGSCAN_FOLLOW_RETIRE_MS: '60000' });
    const first = start();
    for (let i = 0; i < 3; i++) w.write();
    await first.waitFor(printed(3));
    await first.stop();
    for (let k = 0; k < 3; k++) {
      w.write();
      w.renameCreate();
    }
    w.write();
    const again = start();
    try {
      await again.waitFor(printed(4));
      const deadline = Date.now() + 5000;
      let held = openFiles(again.pid);
      while ((held.includes(`${path}.3`) || held.includes(`${path}.2`)) && Date.now() < deadline) {
        await sleep(50);
        held = openFiles(again.pid);
      }
      expect(held).not.toContain(`${path}.3`);
      expect(held).not.toContain(`${path}.2`);
      // A daemon writes to the file just renamed away until logrotate's postrotate HUP.
      expect(held).toContain(`${path}.1`);
      expect(held).toContain(path);
    } finally {
      await again.stop();
    }
  });

  it.runIf(existsSync('/proc/self/fd'))('the newest (.1) at once too when it was renamed longer than the retire delay before the restart', async () => {
    const retireMs = 2500;
    const { path, w, start } = followedWithState({ LOGSCAN_FOLLOW_POLL_MS: '40', LOGSCAN_FOLLOW_RETIRE_MS: String(retireMs) });
    const first = start();
    for (let i = 0; i < 3; i++) w.write();
    await first.waitFor(printed(3));
    await first.stop();
    w.write();
    w.renameCreate();
    w.write();
    // Nothing has touched kern.log.1 since its rename (its ctime): no daemon writes to it any more.
    await sleep(retireMs + 300);
    const again = start();
    try {
      await again.waitFor(printed(2));
      const readAt = Date.now();
      let held = openFiles(again.pid);
      while (held.includes(`${path}.1`) && Date.now() - readAt < retireMs / 2) {
        await sleep(50);
        held = openFiles(again.pid);
      }
      expect(held).not.toContain(`${path}.1`);
      expect(held).toContain(path);
    } finally {
      await again.stop();
    }
  });
});

describe.concurrent('on a restart, is the newest rotation left alone long enough to need no retire delay?', () => {
  const now = Date.parse('2026-12-06T12:00:00Z');
  const R = 10_000;
  const at = (ago: number, bornAgo = ago) => ({ ctimeMs: now - ago, mtimeMs: now - ago, birthtimeMs: bornAgo < 0 ? 0 : now - bornAgo });
  it('renamed an hour ago, the live file born then: no delay', () => {
    expect(leftAloneLongAgo(at(3_600_000), at(60_000, 3_600_000), now, R)).toBe(true);
    // No live file yet (nocreate: the daemon makes it when told), or no birth time kept.
    expect(leftAloneLongAgo(at(3_600_000), null, now, R)).toBe(true);
    expect(leftAloneLongAgo(at(3_600_000), at(5, -1), now, R)).toBe(true);
  });
  it('changed within the delay (renamed, written, or anything else moved its ctime): the delay', () => {
    expect(leftAloneLongAgo(at(2_000), at(60_000, 3_600_000), now, R)).toBe(false);
    expect(leftAloneLongAgo({ ...at(3_600_000), mtimeMs: now - 2_000 }, null, now, R)).toBe(false);
  });
  it('a live file born within the delay (a rename that left ctime alone) or times ahead of the clock: the delay', () => {
    expect(leftAloneLongAgo(at(3_600_000), at(50, 2_000), now, R)).toBe(false);
    expect(leftAloneLongAgo(at(-60_000), null, now, R)).toBe(false);
    expect(leftAloneLongAgo({ ...at(3_600_000), ctimeMs: BigInt(now + 60_000) }, null, now, R)).toBe(false);
  });
});
