// README's example outputs are what a reader compares with their own run: its excerpts of
// the report, of `explain` and of `follow` on samples/ufw.log must be what the program
// prints (at 100 columns, in a machine zone of UTC, as they were written), or the manual
// shows numbers no run gives.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli, startCli } from '../helpers/cli.js';

const readme = (): string[] => readFileSync(join(repoRoot, 'README.md'), 'utf8').split('\n');
const ENV = { TZ: 'UTC', COLUMNS: '100' };

/** The lines of the README's code block that starts with `first` (after it when `skipFirst`), up to its closing fence. */
function block(first: string, skipFirst: boolean): string[] {
  const lines = readme();
  const from = lines.indexOf(first);
  expect(from, first).toBeGreaterThan(0);
  const to = lines.findIndex((l, i) => i > from && l.startsWith('```'));
  return lines.slice(skipFirst ? from + 1 : from, to);
}

/**
 * Whether `output` holds the excerpt: its runs of lines between "…" lines, each whole and
 * one after another, in order. Returns the first run not found (null: all were).
 */
function missingRun(excerpt: readonly string[], output: readonly string[]): string[] | null {
  const runs: string[][] = [[]];
  for (const l of excerpt) if (l === '…') runs.push([]);
  else runs[runs.length - 1]!.push(l);
  let at = 0;
  for (const run of runs.filter((r) => r.length > 0)) {
    let found = -1;
    for (let i = at; i + run.length <= output.length && found < 0; i++) if (run.every((l, k) => output[i + k] === l)) found = i;
    if (found < 0) return run;
    at = found + run.length;
  }
  return null;
}

const COMMAND = '$ npx logscan samples/ufw.log --top 5';

/** The README's lines after COMMAND, up to the "…then" that says what follows. */
function readmeExcerpt(): string[] {
  const lines = readFileSync(join(repoRoot, 'README.md'), 'utf8').split('\n');
  const from = lines.indexOf(COMMAND);
  expect(from).toBeGreaterThan(0);
  const to = lines.findIndex((l, i) => i > from && l.startsWith('…then'));
  expect(to).toBeGreaterThan(from);
  return lines.slice(from + 1, to);
}

describe('README "What you get"', () => {
  it('shows the head of the report exactly as `logscan samples/ufw.log --top 5` prints it', () => {
    const excerpt = readmeExcerpt();
    const r = runCli(['samples/ufw.log', '--top', '5'], { env: { TZ: 'UTC', COLUMNS: '100' } });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').slice(0, excerpt.length)).toEqual(excerpt);
  });
});

describe('README "explain"', () => {
  const COMMAND = '$ logscan explain "$(grep -m1 DPT=6776 samples/ufw.log)"';
  it('shows the head of its output as `logscan explain LINE` prints it', () => {
    const line = readFileSync(join(repoRoot, 'samples/ufw.log'), 'utf8').split('\n').find((l) => l.includes('DPT=6776'))!;
    const r = runCli(['explain', line], { env: ENV });
    expect(r.code).toBe(0);
    // The stamp has no year, so it is inferred from today: the only part of the run that moves.
    const anyYear = (l: string): string => l.replace(/\b\d{4}(-11-21 14:08:04)/, 'YYYY$1');
    const excerpt = block(COMMAND, true).map(anyYear);
    expect(missingRun(excerpt, r.stdout.split('\n').map(anyYear))).toBeNull();
    expect(excerpt[excerpt.length - 1]).toBe('…');
  });
});

describe('README "follow"', () => {
  it('shows lines and a summary that `logscan follow --from-start --summary-every 2s --tz UTC samples/ufw.log` prints', async () => {
    const lines = readme();
    const lead = lines.findIndex((l) => l.startsWith('An excerpt of `logscan follow --from-start --summary-every 2s --tz UTC samples/ufw.log`'));
    expect(lead).toBeGreaterThan(0);
    const excerpt = block(lines[lead + 3]!, false);
    expect(excerpt[0]).toBe('── 2026-11-20 ──');
    const cli = startCli(['follow', '--from-start', '--summary-every', '2s', '--tz', 'UTC', 'samples/ufw.log'], { env: ENV });
    try {
      // The first summary covers the whole file, read well within its 2 s; the excerpt shows its first two sources.
      await cli.waitFor((out) => /── last 2 s[^]*\n {4}2\. [^\n]*\n/.test(out), 15_000);
    } finally {
      await cli.stop();
    }
    expect(missingRun(excerpt, cli.stdout.split('\n'))).toBeNull();
  }, 30_000);
});
