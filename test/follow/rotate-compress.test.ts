// `logscan follow` with logrotate's `compress`: the rotated file becomes a .gz right after
// the rotation (or, with `delaycompress`, one rotation later). What was not read of it yet
// must come from the .gz, live and after a --state restart. The BUILT CLI, as a user runs it.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { followedEvents, followedWithState, LogWriter, printed, seqLines, sleep } from '../helpers/follow-writer.js';



describe.concurrent('logscan follow through logrotate compress', () => {
  // Without fs.watch and with a slow poll, the lines written just before logrotate runs are
  // still unread when the truncation is seen: only the compressed copy has them. The test
  // writes and rotates right after seeing a poll's output; the poll is slow enough that the
  // next one comes after that even on a loaded machine (at 1 s it sometimes came between).
  const slow = { LOGSCAN_FOLLOW_POLL_MS: '2500', LOGSCAN_FOLLOW_RETIRE_MS: '400', LOGSCAN_FOLLOW_NO_WATCH: '1' };
  const env = { LOGSCAN_FOLLOW_POLL_MS: '40', LOGSCAN_FOLLOW_RETIRE_MS: '400' };

  it('copytruncate + compress while following: the unread rest is taken from kern.log.1.gz', async () => {
    const { path, w, start } = followedWithState(slow);
    const cli = start();
    for (let i = 0; i < 10; i++) w.write();
    await cli.waitFor(printed(10));
    for (let i = 0; i < 10; i++) w.write();
    w.copyTruncate();
    w.compress(1);
    expect(existsSync(`${path}.1`)).toBe(false);
    for (let i = 0; i < 5; i++) w.write();
    // 20 s, not 8: start-up alone took over 5 s with both cores busy, and the 2.5 s polls come after it (lines still missing would fail the comparison below).
    await cli.waitFor(printed(25), 20_000).catch(() => {});
    await sleep(100);
    const r = await cli.stop();
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`finished the rest from ${path}.1.gz`);
    expect(seqLines(followedEvents(r.stdout))).toEqual(w.seqLines);
  });

  it.each([
    {
      how: 'copytruncate + compress, restart: the lines written while stopped come from the .gz',
      rotate: (w: LogWriter) => w.copyTruncate(),
      says: (path: string) => `${path}.1.gz`,
    },
    {
      how: 'rename + create + compress, restart: the rest of the old file comes from the .gz',
      rotate: (w: LogWriter) => w.renameCreate(),
      says: (path: string) => `rotated while logscan was stopped; finishing ${path}.1.gz first`,
    },
  ])('--state: stop, append, $how', async ({ rotate, says }) => {
    const { path, w, firstRun, restart } = followedWithState(env);
    const all = await firstRun(10);
    for (let i = 0; i < 5; i++) w.write();
    rotate(w);
    w.compress(1);
    for (let i = 0; i < 3; i++) w.write();
    const r = await restart(8);
    expect(r.stderr).not.toMatch(/may be missing/);
    expect(r.stderr).toContain(says(path));
    all.push(...followedEvents(r.stdout));
    expect(seqLines(all)).toEqual(w.seqLines);
  });

  it('--state: a rotated file smaller than 1 KiB, compressed while stopped, is read from its .gz (unpacked twice: to find it, then to read it)', async () => {
    const { path, w, firstRun, restart } = followedWithState(env);
    const all = await firstRun(2);
    w.write();
    w.renameCreate();
    w.compress(1);
    for (let i = 0; i < 2; i++) w.write();
    const r = await restart(3);
    expect(r.stderr).not.toMatch(/read error|may be missing/);
    expect(r.stderr).toContain(`finishing ${path}.1.gz first`);
    all.push(...followedEvents(r.stdout));
    expect(seqLines(all)).toEqual(w.seqLines);
  });


  it('create + delaycompress while following: .1 is read to its end, its later compression to .2.gz changes nothing', async () => {
    const { w, start } = followedWithState(env);
    const cli = start();
    w.start(4);
    const settle = async (): Promise<void> => {
      const mark = w.written.length + 30;
      while (w.written.length < mark) await sleep(10);
      await cli.waitFor(printed(mark));
    };
    await settle();
    w.renameCreate();
    await settle();
    w.shift();
    w.compress(2);
    w.renameCreate(`${w.path}.1`);
    await settle();
    w.stop();
    await cli.waitFor(printed(w.written.length), 5000).catch(() => {});
    await sleep(100);
    const r = await cli.stop();
    expect(seqLines(followedEvents(r.stdout))).toEqual(w.seqLines);
  });
});
