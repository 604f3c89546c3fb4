// Runs `--alert-exec` for each alert: no shell, the alert as one JSON document on
// stdin, killed after a timeout, at most a few at once. A burst of alerts beyond
// that waits in a short queue; past the queue they are dropped and counted, so a
// hanging hook can neither pile up processes nor hold memory.
import { spawn } from 'node:child_process';
import { jsonText } from '../render/sanitize.js';

export interface AlertExecOptions {
  argv: readonly string[];
  timeoutMs?: number;
  maxConcurrent?: number;
  maxQueued?: number;
  /** Problems (cannot start, non-zero exit, killed) for stderr. */
  report(msg: string): void;
}

export class AlertExec {
  private running = 0;
  private readonly queue: string[] = [];
  private readonly children = new Set<ReturnType<typeof spawn>>();
  private idleWaiters: (() => void)[] = [];
  dropped = 0;
  failed = 0;
  private readonly timeoutMs: number;
  private readonly maxConcurrent: number;
  private readonly maxQueued: number;

  constructor(private readonly opts: AlertExecOptions) {
    this.timeoutMs = opts.timeoutMs ?? 10_000;
    this.maxConcurrent = opts.maxConcurrent ?? 4;
    this.maxQueued = opts.maxQueued ?? 32;
  }

  run(alert: object): void {
    const json = jsonText(alert) + '\n';
    if (this.running < this.maxConcurrent) this.start(json);
    else if (this.queue.length < this.maxQueued) this.queue.push(json);
    else {
      this.dropped++;
      if (this.dropped === 1 || this.dropped % 100 === 0) this.opts.report(`--alert-exec: ${this.dropped} alert(s) dropped: ${this.maxConcurrent} still running and ${this.maxQueued} queued`);
    }
  }

  /** Waits for running commands up to `graceMs`, then kills them (exit). Queued alerts are not started. */
  async close(graceMs: number): Promise<void> {
    this.queue.length = 0;
    if (this.running === 0) return;
    await Promise.race([new Promise<void>((r) => this.idleWaiters.push(r)), new Promise((r) => setTimeout(r, graceMs).unref())]);
    for (const c of this.children) c.kill('SIGKILL');
  }

  private start(json: string): void {
    const [cmd, ...args] = this.opts.argv;
    this.running++;
    let settled = false;
    const child = spawn(cmd, args, { shell: false, stdio: ['pipe', 'ignore', 'inherit'], windowsHide: true });
    this.children.add(child);
    const timer = setTimeout(() => {
      this.opts.report(`--alert-exec: ${cmd} still running after ${this.timeoutMs / 1000} s; killed`);
      child.kill('SIGKILL');
    }, this.timeoutMs);
    timer.unref();
    const done = (problem: string | null): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      this.children.delete(child);
      this.running--;
      if (problem) {
        this.failed++;
        this.opts.report(`--alert-exec: ${problem}`);
      }
      const next = this.queue.shift();
      if (next !== undefined) this.start(next);
      else if (this.running === 0) for (const w of this.idleWaiters.splice(0)) w();
    };
    child.on('error', (err) => done(`cannot run ${cmd}: ${err.message}`));
    child.on('close', (code, signal) => done(code === 0 ? null : signal ? `${cmd} ended by ${signal}` : `${cmd} exited with ${code}`));
    // A hook that does not read its stdin must not crash us with EPIPE.
    child.stdin.on('error', () => {});
    child.stdin.end(json);
  }
}
