// main.ts starts the read worker before the command's modules load when the raw command
// line shows a run that will use one (src/cli/early-worker.ts). What it reads from argv:
import { describe, expect, it } from 'vitest';
import { readingRun } from '../../src/cli/early-worker.js';

describe('readingRun', () => {
  it('the default command and the reading commands: files and --threads', () => {
    expect(readingRun(['a.log', 'b.log.gz'])).toEqual({ files: ['a.log', 'b.log.gz'], threads: 'auto' });
    expect(readingRun(['events', 'a.log', '--threads', '2'])).toEqual({ files: ['a.log'], threads: 2 });
    expect(readingRun(['report', '--threads=1', 'a.log'])).toEqual({ files: ['a.log'], threads: 1 });
    expect(readingRun(['daily', 'kern.log', '--threads', 'auto'])).toEqual({ files: ['kern.log'], threads: 'auto' });
    // A global option before the command, as program.ts reads it (commandsFor).
    expect(readingRun(['--debug', 'events', 'a.log'])).toEqual({ files: ['a.log'], threads: 'auto' });
  });

  it('no file named is stdin, as resolveInputs reads it; "-" and everything after "--" are inputs', () => {
    expect(readingRun([])).toEqual({ files: ['-'], threads: 'auto' });
    expect(readingRun(['events', '-o', 'ecs'])!.files).toEqual(['ecs']);
    expect(readingRun(['-', '--top', '5'])!.files).toEqual(['-', '5']);
    expect(readingRun(['a.log', '--', '-odd.log', '--threads'])).toEqual({ files: ['a.log', '-odd.log', '--threads'], threads: 'auto' });
  });

  it('an unknown --threads value is one thread now (commander rejects it later)', () => {
    expect(readingRun(['a.log', '--threads', '3'])!.threads).toBe(1);
    expect(readingRun(['a.log', '--threads'])!.threads).toBe(1);
  });

  it('commands that do not read logs, and help, start nothing', () => {
    for (const args of [['explain', '80'], ['formats'], ['check', 'a.log'], ['follow', 'a.log'], ['--debug', 'follow', 'a.log'], ['help'], ['a.log', '--help'], ['events', '-h']]) {
      expect(readingRun(args)).toBeNull();
    }
  });
});
