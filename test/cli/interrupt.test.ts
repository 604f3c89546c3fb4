// A Ctrl-C or SIGTERM while a one-shot command still starts up (loading modules, the
// knowledge base, its options) is kept for the command, which then reports the nothing it
// read, marked "interrupted", instead of dying without a word or losing the signal.
// Run in a process of its own: a real signal, queued while the event loop is busy.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/cli.js';

const interruptModule = pathToFileURL(join(repoRoot, 'dist/cli/interrupt.js')).href;

function received(signal: 'SIGINT' | 'SIGTERM', early: boolean): { out: string; status: number | null; signal: NodeJS.Signals | null } {
  const script = `
    const { catchEarlySignals, Interrupt } = await import(${JSON.stringify(interruptModule)});
    if (${early}) catchEarlySignals();
    // Queued now, handled only when the loop next turns: after the Interrupt exists.
    process.kill(process.pid, ${JSON.stringify(signal)});
    const i = new Interrupt();
    setTimeout(() => { console.log(String(i.received), i.exitCode, i.signal.aborted); i.dispose(); }, 200);`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 20_000 });
  return { out: r.stdout.trim(), status: r.status, signal: r.signal };
}

describe('signals during start-up', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)('a %s that comes before the command listens reaches it: received, exit code, reading aborted', (sig) => {
    expect(received(sig, true)).toEqual({ out: `${sig} ${sig === 'SIGINT' ? 130 : 143} true`, status: 0, signal: null });
  });
  it('without the early catcher the same signal ends the process at once (the default action)', () => {
    expect(received('SIGTERM', false)).toMatchObject({ out: '', signal: 'SIGTERM' });
  });
});
