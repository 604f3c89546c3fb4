// Bytes after the gzip data of a compressed rotated copy that follow reads: the report,
// events, check and `follow -` say them ("N bytes after the end of the gzip data are not
// gzip and were ignored …", exit 3); the follower says them of the copy in the same words,
// as a lost-copy notice, once every line before them was handed on.
import { appendFileSync, readFileSync, renameSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.js';
import { Follower, type FollowConsumer } from '../../src/input/follow.js';
import { FollowState } from '../../src/input/follow-state.js';
import { tempDir } from '../helpers/cli.js';
import { until as waitUntil } from '../helpers/wait.js';

const FAST = { pollMs: 30, retireMs: 300, watch: false };
const JUNK = Buffer.from('not gzip at all\n');

/** Lines and notices in the order they came, so a notice's place among the lines is seen. */
function collector(): { consumer: FollowConsumer; got: string[]; notices: string[]; said: string[] } {
  const got: string[] = [];
  const notices: string[] = [];
  const said: string[] = [];
  return {
    got,
    notices,
    said,
    consumer: {
      open: () => ({ line: (text) => (got.push(text), said.push(`line ${text}`)), overlong: () => {}, end: () => {} }),
      notice: (_name, n, kind) => {
        notices.push(`${kind}: ${en.follow.notice(n)}`);
        said.push(`notice ${n.code}`);
      },
    },
  };
}

/** test/helpers/wait.ts's, with the thing waited for named first, as these tests read. */
const until = (what: string, pred: () => boolean, ms = 20_000): Promise<void> => waitUntil(pred, ms, () => what);

const words = (path: string): string =>
  `lost: ${path}.1.gz: ${JUNK.length} bytes after the end of the gzip data are not gzip and were ignored (every line before them was read)`;

describe('follower: bytes after the gzip data of a compressed rotated copy', () => {
  it.each([
    { how: 'a copy of 1 KiB and more', lines: 200 },
    // Unpacked to its end by the comparison that found it, before its lines are read.
    { how: 'a copy under 1 KiB', lines: 2 },
  ])('--state restart, rename + compress while stopped, $how: every line read, the ignored bytes said after them, as lost', async ({ lines }) => {
    const dir = tempDir();
    const path = join(dir, 'kern.log');
    const stateFile = join(dir, 'state.json');
    writeFileSync(path, 'saved 1\n');
    const first = new Follower([path], collector().consumer, { ...FAST, fromStart: true, state: await FollowState.load(stateFile, 50) });
    await first.start();
    await first.stop();
    appendFileSync(path, Array.from({ length: lines }, (_, i) => `while stopped ${i + 1}\n`).join(''));
    renameSync(path, `${path}.1`);
    writeFileSync(`${path}.1.gz`, Buffer.concat([gzipSync(readFileSync(`${path}.1`)), JUNK]));
    unlinkSync(`${path}.1`);
    writeFileSync(path, 'new 1\n');
    const c = collector();
    const f = new Follower([path], c.consumer, { ...FAST, state: await FollowState.load(stateFile, 50) });
    await f.start();
    await until('the new file', () => c.got.includes('new 1'));
    await f.stop();
    expect(c.got).toEqual([...Array.from({ length: lines }, (_, i) => `while stopped ${i + 1}`), 'new 1']);
    expect(c.notices.filter((n) => n.includes('after the end of the gzip data'))).toEqual([words(path)]);
    // After the copy's last line, before the new file's first.
    const at = c.said.indexOf('notice copy-trailing');
    expect(c.said[at - 1]).toBe(`line while stopped ${lines}`);
    expect(c.said.indexOf('line new 1')).toBeGreaterThan(at);
  });

  it('copytruncate + compress while following: the rest read from the .gz, the ignored bytes said', async () => {
    const dir = tempDir();
    const path = join(dir, 'kern.log');
    writeFileSync(path, 'old 1\n');
    const c = collector();
    const f = new Follower([path], c.consumer, { ...FAST, fromStart: true });
    await f.start();
    await until('the first line', () => c.got.length === 1);
    // Written and rotated in one turn of the event loop the follower polls in: no poll comes between.
    appendFileSync(path, 'old 2\n');
    writeFileSync(`${path}.1.gz`, Buffer.concat([gzipSync(readFileSync(path)), JUNK]));
    truncateSync(path, 0);
    appendFileSync(path, 'new 1\n');
    await until('the truncated file', () => c.got.includes('new 1'));
    await f.stop();
    expect(c.got).toEqual(['old 1', 'old 2', 'new 1']);
    expect(c.notices).toContain(`info: truncated (copytruncate); finished the rest from ${path}.1.gz, reading the file from its start`);
    expect(c.notices).toContain(words(path));
  });

  it('a gzip copy without bytes after its data says nothing of them', async () => {
    const dir = tempDir();
    const path = join(dir, 'kern.log');
    const stateFile = join(dir, 'state.json');
    writeFileSync(path, 'saved 1\n');
    const first = new Follower([path], collector().consumer, { ...FAST, fromStart: true, state: await FollowState.load(stateFile, 50) });
    await first.start();
    await first.stop();
    appendFileSync(path, 'while stopped 1\n');
    renameSync(path, `${path}.1`);
    // Zero padding after the last member is no junk (gzip -d is silent about it too).
    writeFileSync(`${path}.1.gz`, Buffer.concat([gzipSync(readFileSync(`${path}.1`)), Buffer.alloc(512)]));
    unlinkSync(`${path}.1`);
    writeFileSync(path, 'new 1\n');
    const c = collector();
    const f = new Follower([path], c.consumer, { ...FAST, state: await FollowState.load(stateFile, 50) });
    await f.start();
    await until('the new file', () => c.got.includes('new 1'));
    await f.stop();
    expect(c.got).toEqual(['while stopped 1', 'new 1']);
    expect(c.notices.filter((n) => n.startsWith('lost:'))).toEqual([]);
  });
});
