// The follower on its own (src/input/follow.ts), with real files and a writer that
// keeps appending while the file is rotated every way logrotate knows.
import { appendFileSync, chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { finished } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.js';
import { Follower, type FollowConsumer, type FollowedFile, type FollowNotice } from '../../src/input/follow.js';
import { FollowState } from '../../src/input/follow-state.js';
import { tempDir } from '../helpers/cli.js';
import { LogWriter, sleep } from '../helpers/follow-writer.js';
import { until } from '../helpers/wait.js';

interface Got {
  name: string;
  line: number;
  text: string;
}

function collector(): { consumer: FollowConsumer; got: Got[]; files: FollowedFile[]; notices: string[]; ended: number } {
  const got: Got[] = [];
  const files: FollowedFile[] = [];
  const notices: string[] = [];
  const r: { consumer: FollowConsumer; got: Got[]; files: FollowedFile[]; notices: string[]; ended: number } = {
    got,
    files,
    notices,
    ended: 0,
    consumer: {
      open(f: FollowedFile) {
        files.push(f);
        return {
          line: (text: string, line: number) => got.push({ name: f.name, line, text }),
          overlong: (line: number) => got.push({ name: f.name, line, text: '<overlong>' }),
          end: () => r.ended++,
        };
      },
      notice: (name: string, n: FollowNotice, kind: string) => notices.push(`${kind}: ${name}: ${en.follow.notice(n)}`),
    } satisfies FollowConsumer,
  };
  return r;
}

const seqOf = (text: string): number => Number(/ ID=(\d+) /.exec(text)?.[1] ?? NaN);
const FAST = { pollMs: 30, retireMs: 300 };

describe('follower', () => {
  it('loses and repeats nothing through rename+create, copytruncate, delete+recreate and a half-written line', async () => {
    const dir = tempDir();
    const path = join(dir, 'kern.log');
    const w = new LogWriter(path);
    for (let i = 0; i < 5; i++) w.write(); // before start: not to be read
    const c = collector();
    const f = new Follower([path], c.consumer, FAST);
    await f.start();
    const before = w.written.length;
    /**
     * Between two steps: twenty more lines written, and the follower has handed on every
     * line written up to them (so it has found the file the last step left).
     */
    const settle = async (step: string): Promise<void> => {
      const mark = w.written.length + 20;
      await until(() => w.written.length >= mark);
      await until(() => c.got.length >= mark - before, 10_000, () => `the lines after ${step}: ${c.got.length} of ${mark - before} read`);
    };
    w.start(5);
    await settle('the start');
    w.renameCreate();
    await settle('rename+create');
    w.copyTruncate();
    await settle('copytruncate');
    await w.deleteRecreate(200);
    await settle('delete+recreate');
    await w.halfLine(150);
    await settle('a half-written line');
    w.renameCreate(join(dir, 'kern.log-20261120'));
    await settle('a rename to a dated name');
    w.stop();
    // Lost lines would never come: time out quietly and let the comparison below show them.
    await until(() => c.got.length >= w.written.length - before).catch(() => undefined);
    await f.stop();

    const expected = w.written.slice(before);
    expect(expected.length).toBeGreaterThan(100);
    expect(c.got.map((g) => seqOf(g.text))).toEqual(expected.map((e) => e.seq));
    expect(c.got.map((g) => g.line)).toEqual(expected.map((e) => e.line));
    expect(new Set(c.got.map((g) => g.name))).toEqual(new Set([path]));
    expect(c.files.map((x) => x.reason)).toEqual(['start', 'rotated', 'truncated', 'rotated', 'rotated']);
    expect(c.files[0].startLine).toBe(5);
  });

  it('waits for a file that does not exist yet, says so once, then reads it from line 1', async () => {
    const dir = tempDir();
    const path = join(dir, 'later.log');
    const c = collector();
    const f = new Follower([path], c.consumer, FAST);
    await f.start();
    await until(() => c.notices.some((n) => n.includes('waiting')));
    // Some polls more (30 ms each) that find it still missing: no second notice for them.
    await sleep(150);
    writeFileSync(path, 'one\ntwo\n');
    await until(() => c.got.length >= 2);
    await f.stop();
    expect(c.notices.filter((n) => n.includes('waiting'))).toHaveLength(1);
    expect(c.got.map((g) => [g.line, g.text])).toEqual([
      [1, 'one'],
      [2, 'two'],
    ]);
  });

  it('with fromStart reads existing lines; a partial last line waits for its newline', async () => {
    const dir = tempDir();
    const path = join(dir, 'a.log');
    writeFileSync(path, 'a\nb\nhal');
    const c = collector();
    const f = new Follower([path], c.consumer, { ...FAST, fromStart: true });
    await f.start();
    // The whole file came in one read: had 'hal' been handed on as a line, it would be here too.
    await until(() => c.got.length >= 2);
    expect(c.got.map((g) => g.text)).toEqual(['a', 'b']);
    appendFileSync(path, 'f\n');
    await until(() => c.got.length >= 3);
    await f.stop();
    expect(c.got.map((g) => `${g.line}:${g.text}`)).toEqual(['1:a', '2:b', '3:half']);
  });

  it('caughtUpAt is set once every file was read to the end it had: no line already there comes after it', async () => {
    const dir = tempDir();
    const path = join(dir, 'kern.log');
    // Over two of a drain's 8 MiB slices: the catch-up takes several polls.
    const line = 'x'.repeat(99);
    writeFileSync(path, `${line}\n`.repeat(200_000));
    let late = 0;
    let lines = 0;
    let f: Follower | null = null;
    const consumer: FollowConsumer = {
      open: () => ({
        line: () => {
          lines++;
          if (typeof f?.caughtUpAt === 'number') late++;
        },
        overlong: () => {},
        end: () => {},
      }),
      notice: () => {},
    };
    f = new Follower([path], consumer, { ...FAST, fromStart: true, watch: false });
    await f.start();
    // The catch-up's polls take as long as this machine takes to read 20 MB: wait on its end, not a count of polls.
    await until(() => f!.caughtUpAt !== null, 20_000, () => `the catch-up to end (${lines} lines read)`);
    expect(f.caughtUpAt).toEqual(expect.any(Number));
    expect(lines).toBe(200_000);
    expect(late).toBe(0);
    await f.stop();
  });

  it('starting at the end counts the existing lines and keeps a partial last line whole', async () => {
    const dir = tempDir();
    const path = join(dir, 'a.log');
    writeFileSync(path, 'a\nb\nhal');
    const c = collector();
    const f = new Follower([path], c.consumer, FAST);
    await f.start();
    appendFileSync(path, 'f\nnext\n');
    await until(() => c.got.length >= 2);
    await f.stop();
    expect(c.got.map((g) => `${g.line}:${g.text}`)).toEqual(['3:half', '4:next']);
    expect(c.files[0].head).toEqual(['a', 'b']);
  });

  it('the head of a file started at its end has no byte-order mark (a pfirewall.log saved by Notepad)', async () => {
    const dir = tempDir();
    const path = join(dir, 'pfirewall.log');
    writeFileSync(path, '\ufeff#Version: 1.5\n#Fields: date time\n');
    const c = collector();
    const f = new Follower([path], c.consumer, FAST);
    await f.start();
    await until(() => c.files.length > 0);
    await f.stop();
    expect(c.files[0].head).toEqual(['#Version: 1.5', '#Fields: date time']);
  });

  it('reports an unreadable file and keeps following the others', async () => {
    const dir = tempDir();
    const good = join(dir, 'good.log');
    // Root reads everything: a directory stands in for an unreadable file then.
    let bad = join(dir, 'adir');
    mkdirSync(bad);
    if (process.getuid?.() !== 0) {
      bad = join(dir, 'secret.log');
      writeFileSync(bad, 'x\n');
      chmodSync(bad, 0o000);
    }
    writeFileSync(good, '');
    const c = collector();
    const f = new Follower([bad, good], c.consumer, FAST);
    await f.start();
    appendFileSync(good, 'ok\n');
    await until(() => c.got.length >= 1 && c.notices.some((n) => n.startsWith('problem:')));
    await f.stop();
    expect(c.notices.some((n) => n.startsWith('problem:') && /permission denied|is a directory/.test(n))).toBe(true);
    expect(c.got.map((g) => g.text)).toEqual(['ok']);
  });

  it('follows a stream (-) until it ends', async () => {
    const stdin = new PassThrough();
    const c = collector();
    const f = new Follower(['-'], c.consumer, { ...FAST, stdin });
    await f.start();
    stdin.write('one\ntw');
    stdin.write('o\n');
    stdin.end('three');
    await f.done;
    await f.stop();
    expect(c.got.map((g) => `${g.name}:${g.line}:${g.text}`)).toEqual(['(stdin):1:one', '(stdin):2:two', '(stdin):3:three']);
  });

  it('a stream that starts with gzip magic bytes but no gzip header is said, drained unread, and ends', async () => {
    const stdin = new PassThrough();
    const c = collector();
    const f = new Follower(['-'], c.consumer, { ...FAST, stdin });
    await f.start();
    stdin.write(Buffer.from([0x1f, 0x8b, 0x00, 0x61, 0x0a]));
    await f.done;
    // The writer is not left blocked: what it writes afterwards is taken and dropped.
    stdin.end(Buffer.alloc(1 << 20, 0x61));
    await finished(stdin);
    await f.stop();
    expect(c.notices).toEqual(['problem: (stdin): gzip data with a bad header (incorrect header check); none of it was read']);
    expect(c.got).toEqual([]);
    expect(c.ended).toBe(1);
  });

  it('--state: a restart after append + rotation reads exactly the lines it had not read', async () => {
    const dir = tempDir();
    const path = join(dir, 'kern.log');
    const stateFile = join(dir, 'state.json');
    const w = new LogWriter(path);
    for (let i = 0; i < 3; i++) w.write();
    const got: Got[] = [];

    const run = async (act: () => Promise<void>): Promise<void> => {
      const c = collector();
      const state = await FollowState.load(stateFile, 50);
      const f = new Follower([path], c.consumer, { ...FAST, state });
      await f.start();
      await act();
      // Every finished line written so far handed on (too many is for the comparison below to show).
      await until(() => got.length + c.got.length >= w.written.length - first, 10_000, () => `${got.length + c.got.length} of ${w.written.length - first} lines`);
      await f.stop();
      got.push(...c.got);
    };

    const first = w.written.length;
    let finishHalf = (): void => {};
    await run(async () => {
      for (let i = 0; i < 10; i++) w.write();
      finishHalf = w.beginHalf(); // left unfinished when we stop
      // Time for a poll to find the half line (no sign tells it has): the lines read are the same either way.
      await sleep(100);
    });
    // Stopped: the line is finished, more is appended, the file rotates, a new one starts.
    finishHalf();
    for (let i = 0; i < 5; i++) w.write();
    w.renameCreate();
    for (let i = 0; i < 4; i++) w.write();
    await run(async () => {
      for (let i = 0; i < 3; i++) w.write();
    });
    // Stopped again, copytruncate this time: the copy is found by its first KiB and finished.
    for (let i = 0; i < 2; i++) w.write();
    w.copyTruncate();
    for (let i = 0; i < 2; i++) w.write();
    await run(async () => {
      w.write();
    });

    const expected = w.written.slice(first);
    expect(got.map((g) => seqOf(g.text))).toEqual(expected.map((x) => x.seq));
    expect(got.map((g) => g.line)).toEqual(expected.map((x) => x.line));
  });
  it('--state after two rotations, the one between more than one read slice (8 MiB): the newest file waits until it is read to its end', async () => {
    const dir = tempDir();
    const path = join(dir, 'kern.log');
    const stateFile = join(dir, 'state.json');
    const w = new LogWriter(path);
    for (let i = 0; i < 3; i++) w.write();
    const c1 = collector();
    const f1 = new Follower([path], c1.consumer, { ...FAST, fromStart: true, state: await FollowState.load(stateFile, 50) });
    await f1.start();
    await until(() => c1.got.length === 3);
    await f1.stop();
    w.write();
    w.renameCreate();
    // ~10 MiB: more than one slice.
    w.writeMany(40_000);
    w.renameCreate();
    for (let i = 0; i < 3; i++) w.write();
    const c = collector();
    const f = new Follower([path], c.consumer, { ...FAST, state: await FollowState.load(stateFile, 50) });
    await f.start();
    await until(() => c.got.length >= w.written.length - 3, 20_000, () => `${c.got.length} of ${w.written.length - 3} lines`);
    await f.stop();
    const expected = w.written.slice(3);
    // Compared as numbers, not with toEqual on 40,000 rows: a failure should print briefly where it went wrong.
    const seqs = c.got.map((g) => seqOf(g.text));
    const firstWrong = seqs.findIndex((s, i) => s !== expected[i]!.seq);
    expect(firstWrong === -1 ? null : { at: firstWrong, got: seqs.slice(firstWrong, firstWrong + 3), want: expected.slice(firstWrong, firstWrong + 3).map((x) => x.seq) }).toBeNull();
    expect(seqs.length).toBe(expected.length);
  });

  it('--state with a delivery saves where the output taken ends: a file is resumed from there, and a rotated file read to its end stays saved until its output is taken', async () => {
    const dir = tempDir();
    const path = join(dir, 'kern.log');
    const stateFile = join(dir, 'state.json');
    const w = new LogWriter(path);
    for (let i = 0; i < 5; i++) w.write();
    const c = collector();
    // Output: one unit per line handed on; the test says how much of it was taken.
    let taken = 0;
    const state = await FollowState.load(stateFile, 50);
    const f = new Follower([path], c.consumer, { ...FAST, fromStart: true, state, delivery: { mark: () => c.got.length, taken: () => taken } });
    await f.start();
    await until(() => c.got.length === 5);
    w.renameCreate();
    for (let i = 0; i < 3; i++) w.write();
    // The rotated file read to its end and finished (quiet for retireMs).
    await until(() => c.got.length === 8 && c.ended === 1);
    await f.stop({ saveState: false });
    const saved = (): { path: string; line: number }[] => (JSON.parse(readFileSync(stateFile, 'utf8')) as { files: { path: string; line: number }[] }).files;
    await f.saveState();
    // Nothing taken: both files, from their first line.
    expect(saved().map((x) => x.line)).toEqual([0, 0]);
    const untaken = readFileSync(stateFile, 'utf8');
    taken = 5;
    await f.saveState();
    expect(saved().map((x) => x.line)).toEqual([0]);
    taken = 8;
    await f.saveState();
    expect(saved().map((x) => x.line)).toEqual([3]);

    // A restart from the state saved when nothing was taken reads all of it again.
    writeFileSync(stateFile, untaken);
    const again = collector();
    const g = new Follower([path], again.consumer, { ...FAST, state: await FollowState.load(stateFile, 50) });
    await g.start();
    await until(() => again.got.length === 8);
    await g.stop();
    expect(again.got.map((x) => seqOf(x.text))).toEqual(w.written.map((x) => x.seq));
  });
});

describe('the state file', () => {
  it('anything but a logscan state document is refused with a message saying what to do, never a crash', async () => {
    const dir = tempDir();
    const cases: [string, RegExp][] = [
      ['null', /not a JSON object/],
      ['42', /not a JSON object/],
      ['[1,2]', /not a JSON object/],
      ['{', /invalid JSON/],
      ['{"version":99,"files":[]}', /unsupported state version 99/],
      ['{"version":1,"files":[{"path":3}]}', /invalid entry/],
    ];
    for (const [i, [text, want]] of cases.entries()) {
      const file = join(dir, `state-${i}.json`);
      writeFileSync(file, text);
      await expect(FollowState.load(file)).rejects.toMatchObject({ name: 'StateError', message: expect.stringMatching(want) });
    }
    // A missing file is an empty state, written at once: where it can never be saved is said at the start.
    await expect(FollowState.load(join(dir, 'none.json'))).resolves.toBeInstanceOf(FollowState);
    expect(JSON.parse(readFileSync(join(dir, 'none.json'), 'utf8'))).toEqual({ version: 1, files: [] });
    await expect(FollowState.load(join(dir, 'no-dir', 's.json'))).rejects.toMatchObject({ name: 'StateError', message: `${join(dir, 'no-dir', 's.json')}: cannot save state: no such directory: ${join(dir, 'no-dir')}` });
  });
});
