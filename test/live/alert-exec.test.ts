// --alert-exec under load and at the stop (src/live/alert-exec.ts): every alert that
// does not reach the command is counted, and said on stderr: when drops start, how many
// a burst dropped, and a tally at the stop (queued and running ones included).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AlertExec } from '../../src/live/alert-exec.js';
import { en } from '../../src/i18n/en.js';
import { tempDir } from '../helpers/cli.js';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
async function until(pred: () => boolean, ms = 20_000): Promise<void> {
  for (const end = Date.now() + ms; !pred(); await sleep(10)) if (Date.now() > end) throw new Error('timed out');
}
const runs = (file: string): number => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean).length : 0);

describe('AlertExec: what does not reach the command is counted and said', () => {
  it('a burst beyond the queue: said when drops start, how many when the queue has emptied, and a tally at the stop', async () => {
    const ran = join(tempDir(), 'ran');
    const problems: string[] = [];
    const exec = new AlertExec({ argv: ['/bin/sh', '-c', `cat >/dev/null; sleep 0.2; echo x >> '${ran}'`], maxConcurrent: 2, maxQueued: 3, report: (r) => problems.push(en.follow.alertExec(r)) });
    for (let i = 0; i < 20; i++) exec.run({ i });
    expect(problems).toEqual(['--alert-exec: 2 commands running and 3 alerts queued: alerts are dropped until there is room (counted)']);
    await until(() => problems.length === 2);
    expect(problems[1]).toBe('--alert-exec: 15 alerts dropped: the queue was full');
    await exec.close(10_000);
    expect(runs(ran)).toBe(5);
    expect(problems.slice(2)).toEqual(['--alert-exec: of 20 alerts, 5 reached /bin/sh, 15 did not: 15 dropped (the queue was full)']);
  });

  it('at the stop, queued alerts still start within the grace; all delivered: nothing said', async () => {
    const ran = join(tempDir(), 'ran');
    const problems: string[] = [];
    const exec = new AlertExec({ argv: ['/bin/sh', '-c', `cat >/dev/null; sleep 0.1; echo x >> '${ran}'`], maxConcurrent: 1, maxQueued: 2, report: (r) => problems.push(en.follow.alertExec(r)) });
    for (let i = 0; i < 3; i++) exec.run({ i });
    await exec.close(10_000);
    expect(runs(ran)).toBe(3);
    expect(problems).toEqual([]);
  });

  it('what still runs after the grace is killed and counted with what never started, not reported as a failing command', async () => {
    const problems: string[] = [];
    const exec = new AlertExec({ argv: ['/bin/sh', '-c', 'cat >/dev/null; exec sleep 30'], maxConcurrent: 1, maxQueued: 2, report: (r) => problems.push(en.follow.alertExec(r)) });
    for (let i = 0; i < 4; i++) exec.run({ i });
    await exec.close(200);
    await sleep(100);
    expect(problems).toEqual([
      '--alert-exec: 1 command running and 2 alerts queued: alerts are dropped until there is room (counted)',
      '--alert-exec: of 4 alerts, 0 reached /bin/sh, 4 did not: 1 dropped (the queue was full), 2 still queued when logscan stopped, 1 still running when logscan stopped (killed)',
    ]);
  });

  // `systemctl stop` signals every process of the unit, and Ctrl-C the terminal's whole
  // process group: a hook running then ends by logscan's own stop signal. Which of the two
  // hears of it first is up to the scheduler: both orders.
  it('a command ended by the signal that stops logscan (it came to the command first) stopped with it: not said as a failure', async () => {
    const problems: string[] = [];
    const exec = new AlertExec({ argv: ['/bin/sh', '-c', 'cat >/dev/null; kill -TERM $$'], report: (r) => problems.push(en.follow.alertExec(r)) });
    exec.run({});
    await sleep(100);
    exec.stopping('SIGTERM');
    await exec.close(2000);
    expect(problems).toEqual(['--alert-exec: of 1 alert, 0 reached /bin/sh, 1 did not: 1 stopped with logscan (the same SIGTERM ended it)']);
  });

  it('a command ended by the signal that stops logscan (it came to logscan first) stopped with it; one exiting 128+15 too', async () => {
    const problems: string[] = [];
    const exec = new AlertExec({ argv: ['/bin/sh', '-c', 'cat >/dev/null; sleep 0.2; kill -TERM $$'], report: (r) => problems.push(en.follow.alertExec(r)) });
    exec.run({});
    // A script that traps SIGTERM and exits as a shell reports it: 128 + 15.
    const trapping = new AlertExec({ argv: ['/bin/sh', '-c', 'cat >/dev/null; sleep 0.2; exit 143'], report: (r) => problems.push(en.follow.alertExec(r)) });
    trapping.run({});
    exec.stopping('SIGTERM');
    trapping.stopping('SIGTERM');
    await Promise.all([exec.close(2000), trapping.close(2000)]);
    expect(problems).toEqual([
      '--alert-exec: of 1 alert, 0 reached /bin/sh, 1 did not: 1 stopped with logscan (the same SIGTERM ended it)',
      '--alert-exec: of 1 alert, 0 reached /bin/sh, 1 did not: 1 stopped with logscan (the same SIGTERM ended it)',
    ]);
  });

  it('a command ended by a signal logscan did not stop on is a failure, said when it happens', async () => {
    const problems: string[] = [];
    const exec = new AlertExec({ argv: ['/bin/sh', '-c', 'cat >/dev/null; kill -TERM $$'], report: (r) => problems.push(en.follow.alertExec(r)) });
    exec.run({});
    await until(() => problems.length === 1);
    expect(problems).toEqual(['--alert-exec: /bin/sh ended by SIGTERM']);
    // Stopped later, on another signal: still a failure.
    exec.run({});
    await sleep(100);
    exec.stopping('SIGINT');
    await exec.close(2000);
    expect(problems.slice(1)).toEqual(['--alert-exec: /bin/sh ended by SIGTERM', '--alert-exec: of 2 alerts, 0 reached /bin/sh, 2 did not: 2 failed']);
  });

  it('failures count as not delivered in the tally', async () => {
    const problems: string[] = [];
    const exec = new AlertExec({ argv: ['/bin/sh', '-c', 'cat >/dev/null; exit 3'], report: (r) => problems.push(en.follow.alertExec(r)) });
    exec.run({});
    exec.run({});
    await exec.close(10_000);
    expect(problems).toEqual(['--alert-exec: /bin/sh exited with 3', '--alert-exec: /bin/sh exited with 3', '--alert-exec: of 2 alerts, 0 reached /bin/sh, 2 did not: 2 failed']);
  });
});
