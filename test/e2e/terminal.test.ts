// The report's table on a terminal and through a pipe (README, "Output formats"): colour
// by severity on a TTY only, never with NO_COLOR; fitted to the terminal, through a pipe
// to $COLUMNS, else 100 columns. A TTY comes from util-linux `script`, when there is one.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliPath, repoRoot, tempDir } from '../helpers/cli.js';

const SAMPLE = join(repoRoot, 'samples/ufw.log');
const ESC = '\u001b[';

/** The environment of the tests (vitest.config.ts pins NO_COLOR and COLUMNS) without these variables, plus `set`. */
function envWithout(names: string[], set: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const n of names) delete env[n];
  return { ...env, ...set };
}

/** The report through a pipe. */
function piped(env: NodeJS.ProcessEnv, args: string[] = []): string {
  const r = spawnSync(process.execPath, [cliPath, SAMPLE, '--tz', 'UTC', ...args], { cwd: repoRoot, env, encoding: 'utf8' });
  expect(r.status).toBe(0);
  return r.stdout;
}

const quote = (s: string): string => `'${s.replace(/'/g, "'\\''")}'`;
const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).stdout?.includes('util-linux') === true;

/** The report with its stdout on a pseudo-terminal (`script -qec CMD /dev/null`). */
function onTty(env: NodeJS.ProcessEnv, args: string[] = []): string {
  const cmd = [process.execPath, cliPath, SAMPLE, '--tz', 'UTC', '--top', '3', ...args].map(quote).join(' ');
  const r = spawnSync('script', ['-qec', cmd, '/dev/null'], { cwd: repoRoot, env, encoding: 'utf8', input: '' });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

describe('colour', () => {
  const plain = envWithout(['NO_COLOR', 'FORCE_COLOR']);

  it('none through a pipe, even without NO_COLOR', () => {
    const out = piped(plain);
    expect(out).toContain('Top sources');
    expect(out).not.toContain(ESC);
  });

  it('on a terminal, unless NO_COLOR is set', (ctx) => {
    if (!hasScript) ctx.skip('no util-linux `script` to get a terminal from');
    expect(onTty(plain)).toContain(`${ESC}1mlogscan`);
    const noColor = onTty({ ...plain, NO_COLOR: '1' });
    expect(noColor).toContain('Top sources');
    expect(noColor).not.toContain(ESC);
  });

  it('on a terminal, none in a file written with --output', (ctx) => {
    if (!hasScript) ctx.skip('no util-linux `script` to get a terminal from');
    const file = join(tempDir(), 'report.txt');
    expect(onTty(plain, ['--output', file])).toBe('');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('Top sources');
    expect(text).not.toContain(ESC);
  });
});

describe('width through a pipe', () => {
  /** The widest line, and the width of the sources table's top border. */
  const widths = (out: string): [number, number] => {
    const lines = out.split('\n');
    return [Math.max(...lines.map((l) => [...l].length)), [...lines.find((l) => l.startsWith('┌'))!].length];
  };

  it('100 columns when $COLUMNS is not set, or is no width', () => {
    expect(widths(piped(envWithout(['COLUMNS', 'NO_COLOR'], { NO_COLOR: '1' })))).toEqual([100, 100]);
    expect(widths(piped(envWithout([], { COLUMNS: 'wide', NO_COLOR: '1' })))).toEqual([100, 100]);
  });

  it('$COLUMNS when the shell exports one', () => {
    expect(widths(piped(envWithout([], { COLUMNS: '120', NO_COLOR: '1' })))).toEqual([120, 120]);
    expect(widths(piped(envWithout([], { COLUMNS: '80', NO_COLOR: '1' })))).toEqual([80, 80]);
  });
});
