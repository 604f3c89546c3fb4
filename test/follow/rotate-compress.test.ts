// `logscan follow` with logrotate's `compress`: the rotated file becomes a .gz right after
// the rotation (or, with `delaycompress`, one rotation later). What was not read of it yet
// must come from the .gz, live and after a --state restart. The BUILT CLI, as a user runs it.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ndjson, startCli, tempDir } from '../helpers/cli.js';
import { LogWriter, sleep } from '../helpers/follow-writer.js';

interface Ev {
  src: { port: number };
  origin: { file: string; line: number };
}
const events = (stdout: string): Ev[] => ndjson(stdout) as unknown as Ev[];
const seqs = (evs: Ev[]): number[] => evs.map((e) => e.src.port - 10000);
const count = (n: number) => (stdout: string) => stdout.split('\n').length - 1 >= n;

function setup(env: Record<string, string>) {
  const dir = tempDir();
  const path = join(dir, 'kern.log');
  const state = join(dir, 'follow.state');
  writeFileSync(path, '');
  const w = new LogWriter(path);
  const args = ['follow', '-o', 'ndjson', '--from-start', '--state', state, path];
  return { path, w, start: () => startCli(args, { env }) };
}

/** Compares what was written with what two or more runs printed, order and line numbers included. */
function expectExactlyOnce(all: Ev[], w: LogWriter): void {
  expect(seqs(all)).toEqual(w.written.map((x) => x.seq));
  expect(all.map((e) => e.origin.line)).toEqual(w.written.map((x) => x.line));
}

describe('logscan follow through logrotate compress', () => {
  // Without fs.watch and with a slow poll, the lines written just before logrotate runs are
  // still unread when the truncation is seen: only the compressed copy has them.
  const slow = { LOGSCAN_FOLLOW_POLL_MS: '1000', LOGSCAN_FOLLOW_RETIRE_MS: '400', LOGSCAN_FOLLOW_NO_WATCH: '1' };
  const env = { LOGSCAN_FOLLOW_POLL_MS: '40', LOGSCAN_FOLLOW_RETIRE_MS: '400' };

  it('copytruncate + compress while following: the unread rest is taken from kern.log.1.gz', async () => {
    const { path, w, start } = setup(slow);
    const cli = start();
    for (let i = 0; i < 10; i++) w.write();
    await cli.waitFor(count(10));
    for (let i = 0; i < 10; i++) w.write();
    w.copyTruncate();
    w.compress(1);
    expect(existsSync(`${path}.1`)).toBe(false);
    for (let i = 0; i < 5; i++) w.write();
    await cli.waitFor(count(25), 5000).catch(() => {});
    await sleep(100);
    const r = await cli.stop();
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`finished the rest from ${path}.1.gz`);
    expectExactlyOnce(events(r.stdout), w);
  });

  it('--state: stop, append, copytruncate + compress, restart: the lines written while stopped come from the .gz', async () => {
    const { path, w, start } = setup(env);
    let cli = start();
    for (let i = 0; i < 10; i++) w.write();
    await cli.waitFor(count(10));
    await sleep(100);
    const all = events((await cli.stop()).stdout);
    for (let i = 0; i < 5; i++) w.write();
    w.copyTruncate();
    w.compress(1);
    for (let i = 0; i < 3; i++) w.write();
    cli = start();
    await cli.waitFor(count(8), 5000).catch(() => {});
    await sleep(100);
    const r = await cli.stop();
    expect(r.stderr).not.toMatch(/may be missing/);
    expect(r.stderr).toContain(`${path}.1.gz`);
    all.push(...events(r.stdout));
    expectExactlyOnce(all, w);
  });

  it('--state: stop, append, rename + create + compress, restart: the rest of the old file comes from the .gz', async () => {
    const { path, w, start } = setup(env);
    let cli = start();
    for (let i = 0; i < 10; i++) w.write();
    await cli.waitFor(count(10));
    await sleep(100);
    const all = events((await cli.stop()).stdout);
    for (let i = 0; i < 5; i++) w.write();
    w.renameCreate();
    w.compress(1);
    for (let i = 0; i < 3; i++) w.write();
    cli = start();
    await cli.waitFor(count(8), 5000).catch(() => {});
    await sleep(100);
    const r = await cli.stop();
    expect(r.stderr).toMatch(new RegExp(`rotated while logscan was stopped; finishing ${path}\\.1\\.gz first`));
    all.push(...events(r.stdout));
    expectExactlyOnce(all, w);
  });

  it('--state: a rotated file smaller than 1 KiB, compressed while stopped, is read from its .gz (unpacked twice: to find it, then to read it)', async () => {
    const { path, w, start } = setup(env);
    let cli = start();
    for (let i = 0; i < 2; i++) w.write();
    await cli.waitFor(count(2));
    await sleep(100);
    const all = events((await cli.stop()).stdout);
    w.write();
    w.renameCreate();
    w.compress(1);
    for (let i = 0; i < 2; i++) w.write();
    cli = start();
    await cli.waitFor(count(3), 5000).catch(() => {});
    await sleep(100);
    const r = await cli.stop();
    expect(r.stderr).not.toMatch(/read error|may be missing/);
    expect(r.stderr).toContain(`finishing ${path}.1.gz first`);
    all.push(...events(r.stdout));
    expectExactlyOnce(all, w);
  });

  it('create + delaycompress while following: .1 is read to its end, its later compression to .2.gz changes nothing', async () => {
    const { w, start } = setup(env);
    const cli = start();
    w.start(4);
    const settle = async (): Promise<void> => {
      const mark = w.written.length + 30;
      while (w.written.length < mark) await sleep(10);
      await cli.waitFor(count(mark));
    };
    await settle();
    w.renameCreate();
    await settle();
    w.shift();
    w.compress(2);
    w.renameCreate(`${w.path}.1`);
    await settle();
    w.stop();
    await cli.waitFor(count(w.written.length), 5000).catch(() => {});
    await sleep(100);
    const r = await cli.stop();
    expectExactlyOnce(events(r.stdout), w);
  });
});
