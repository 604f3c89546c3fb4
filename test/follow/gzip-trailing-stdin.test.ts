// Bytes after the last gzip member (`cat a.gz junk | …`): the report says them of a file and
// of standard input alike (input/read.ts); `follow -` and `explain -` read stdin through the
// same BinaryGate and must say them too, in the same words, and exit 3, every line before read.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.js';
import { zh } from '../../src/i18n/zh.js';
import { Follower } from '../../src/input/follow.js';
import { readInputs, type InputStats } from '../../src/input/read.js';
import { repoRoot, runCliAsync, tempDir } from '../helpers/cli.js';

const log = readFileSync(join(repoRoot, 'samples/ufw.log'));
const lineCount = log.toString('utf8').split('\n').filter((l) => l !== '').length;
const junk = Buffer.from('not gzip at all\n');
const packed = Buffer.concat([gzipSync(log), junk]);

async function report(input: 'file' | 'stdin'): Promise<InputStats> {
  let path = '-';
  const stdin = new PassThrough();
  if (input === 'file') {
    path = join(tempDir(), 'ufw.log.gz');
    writeFileSync(path, packed);
  } else stdin.end(packed);
  const [stats] = await readInputs([path], { inputFormat: null, year: null, tz: 'UTC', onEvent: () => {}, stdin });
  return stats!;
}

async function follow(): Promise<{ lines: number; notices: string[] }> {
  const notices: string[] = [];
  let lines = 0;
  const stdin = new PassThrough();
  const f = new Follower(
    ['-'],
    {
      open: () => ({ line: () => lines++, overlong: () => {}, end: () => {} }),
      notice: (name, n, kind) => notices.push(`${kind}: ${name}: ${en.follow.notice(n)}`),
    },
    { pollMs: 30, stdin },
  );
  await f.start();
  stdin.end(packed);
  await f.done;
  await f.stop();
  return { lines, notices };
}

describe('bytes after the last gzip member', () => {
  it('the report says them of a file and of standard input alike', async () => {
    const [file, stdin] = [await report('file'), await report('stdin')];
    const said = en.input.problem({ code: 'gzip-trailing', bytes: junk.length });
    expect(said).toBe('16 bytes after the end of the gzip data are not gzip and were ignored (every line before them was read)');
    for (const s of [file, stdin]) {
      expect(s.error).toBe(said);
      expect(s.incomplete).toBe(true);
      expect(s.lines).toBe(lineCount);
    }
  });

  it('follow - reads every line and says them as a problem (exit 3), in the report\'s words', async () => {
    const { lines, notices } = await follow();
    expect(lines).toBe(lineCount);
    expect(notices).toEqual([`problem: (stdin): ${en.input.problem({ code: 'gzip-trailing', bytes: junk.length })}`]);
    expect(zh.follow.notice({ code: 'gzip-trailing', bytes: 16 })).toBe(zh.input.problem({ code: 'gzip-trailing', bytes: 16 }));
  });

  it('the CLI: report, follow - and explain - on the same stdin say the same line and exit 3', async () => {
    const head = Buffer.concat([gzipSync(log.subarray(0, log.indexOf('\n', 400) + 1)), junk]);
    const env = { TZ: 'UTC' };
    const [rep, fol, exp] = await Promise.all([
      runCliAsync(['-', '-o', 'json'], { input: packed, env }),
      runCliAsync(['follow', '-q', '-'], { input: packed, env }),
      runCliAsync(['explain', '-'], { input: head, env }),
    ]);
    const line = 'logscan: (stdin): 16 bytes after the end of the gzip data are not gzip and were ignored (every line before them was read)\n';
    for (const r of [rep, fol, exp]) {
      expect(r.stderr).toBe(line);
      expect(r.code).toBe(3);
    }
    expect(exp.stdout).toContain('[UFW BLOCK]');
  });
});
