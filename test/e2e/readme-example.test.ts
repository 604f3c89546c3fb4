// README's "What you get" is the first thing a reader compares with their own run: its
// excerpt of the report on samples/ufw.log must be what the program prints (at 100 columns,
// in a machine zone of UTC, as it was written), or the manual shows numbers no run gives.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli } from '../helpers/cli.js';

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
