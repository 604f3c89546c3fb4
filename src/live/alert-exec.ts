// Runs `--alert-exec` for each alert: no shell, the alert as one JSON document on
// stdin, killed after a timeout, at most a few at once. A burst of alerts beyond
// that waits in a short queue; past the queue they are dropped and counted, so a
// hanging hook can neither pile up processes nor hold memory. What did not reach the
// command (dropped, failed, still queued or running at the stop) is tallied at close().
import { spawn } from 'node:child_process';
import { jsonText } from '../render/sanitize.js';

export interface AlertExecOptions {
  argv: readonly string[];
  timeoutMs?: number;
  maxConcurrent?: number;
  maxQueued?: number;
  /** Problems (cannot start, non-zero exit, killed, drops, the tally at close) for stderr. */
  report(msg: string): void;
  now?: () => number;
}

/** While alerts are dropped, how often at most the count so far is said. */
const DROP_NOTE_MS = 60_000;

export class AlertExec {
  private running = 0;
  private readonly queue: string[] = [];
  private readonly children = new Set<ReturnType<typeof spawn>>();
  private idleWaiters: (() => void)[] = [];
  /** Alerts given to run(). */
  alerts = 0;
  /** The command ran and exited 0. */
  delivered = 0;
  /** The command could not start, exited non-zero, or ran over the timeout. */
  failed = 0;
  /** Dropped: the queue was full. */
  dropped = 0;
  /** Still queued when close() gave up: never run. */
  unrun = 0;
  /** Still running when close() gave up: killed. */
  cutOff = 0;
  /** Dropped alerts already counted on stderr. */
  private droppedSaid = 0;
  /** Alerts are being dropped (said when it started); over when the queue has emptied. */
  private dropping = false;
  private lastDropNote = 0;
  private readonly timeoutMs: number;
  private readonly maxConcurrent: number;
  private readonly maxQueued: number;
  private readonly now: () => number;

  constructor(private readonly opts: AlertExecOptions) {
    this.timeoutMs = opts.timeoutMs ?? 10_000;
    this.maxConcurrent = opts.maxConcurrent ?? 4;
    this.maxQueued = opts.maxQueued ?? 32;
    this.now = opts.now ?? Date.now;
  }

  run(alert: object): void {
    this.alerts++;
    const json = jsonText(alert) + '\n';
    if (this.running < this.maxConcurrent) this.start(json);
    else if (this.queue.length < this.maxQueued) this.queue.push(json);
    else this.drop();
  }

  /**
   * The stop: queued alerts still start as running commands end, for up to `graceMs`;
   * then what still runs is killed. Says on stderr how many alerts did not reach the
   * command, when any did not.
   */
  async close(graceMs: number): Promise<void> {
    if (this.running > 0) await Promise.race([new Promise<void>((r) => this.idleWaiters.push(r)), new Promise((r) => setTimeout(r, graceMs).unref())]);
    this.unrun += this.queue.length;
    this.queue.length = 0;
    this.cutOff += this.children.size;
    for (const c of this.children) c.kill('SIGKILL');
    this.children.clear();
    const tally = this.tally();
    if (tally !== null) this.opts.report(tally);
  }

  /** How many alerts did not reach the command and why; null when every one did. */
  tally(): string | null {
    const missed = this.alerts - this.delivered;
    if (missed === 0) return null;
    const why = [
      [this.dropped, 'dropped (the queue was full)'],
      [this.failed, 'failed'],
      [this.unrun, 'still queued when logscan stopped'],
      [this.cutOff, 'still running when logscan stopped (killed)'],
    ] as const;
    const parts = why.filter(([n]) => n > 0).map(([n, what]) => `${n} ${what}`);
    return `--alert-exec: of ${plural(this.alerts, 'alert')}, ${this.delivered} reached ${this.opts.argv[0]}, ${missed} did not: ${parts.join(', ')}`;
  }

  private drop(): void {
    this.dropped++;
    const t = this.now();
    if (!this.dropping) {
      this.dropping = true;
      this.lastDropNote = t;
      this.opts.report(`--alert-exec: ${plural(this.maxConcurrent, 'command')} running and ${plural(this.maxQueued, 'alert')} queued: alerts are dropped until there is room (counted)`);
    } else if (t - this.lastDropNote >= DROP_NOTE_MS) this.noteDrops(t);
  }

  /** Says the alerts dropped since last said. */
  private noteDrops(t: number): void {
    const n = this.dropped - this.droppedSaid;
    if (n === 0) return;
    this.droppedSaid = this.dropped;
    this.lastDropNote = t;
    this.opts.report(`--alert-exec: ${plural(n, 'alert')} dropped${n === this.dropped ? '' : ` (${this.dropped} in all)`}: the queue was full`);
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
      this.running--;
      // Killed by close(): counted there, not a failure of the command.
      if (!this.children.delete(child)) return;
      if (problem) {
        this.failed++;
        this.opts.report(`--alert-exec: ${problem}`);
      } else this.delivered++;
      const next = this.queue.shift();
      if (next !== undefined) this.start(next);
      else {
        if (this.dropping) {
          // The burst is over: how many it dropped.
          this.dropping = false;
          this.noteDrops(this.now());
        }
        if (this.running === 0) for (const w of this.idleWaiters.splice(0)) w();
      }
    };
    child.on('error', (err) => done(`cannot run ${cmd}: ${err.message}`));
    child.on('close', (code, signal) => done(code === 0 ? null : signal ? `${cmd} ended by ${signal}` : `${cmd} exited with ${code}`));
    // A hook that does not read its stdin must not crash us with EPIPE.
    child.stdin.on('error', () => {});
    child.stdin.end(json);
  }
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
