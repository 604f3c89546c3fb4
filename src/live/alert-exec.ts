// Runs `--alert-exec` for each alert: no shell, the alert as one JSON document on
// stdin, killed after a timeout, at most a few at once. A burst of alerts beyond
// that waits in a short queue; past the queue they are dropped and counted, so a
// hanging hook can neither pile up processes nor hold memory. What did not reach the
// command (dropped, failed, still queued or running at the stop) is tallied at close().
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { jsonText } from '../render/sanitize.js';

export interface AlertExecOptions {
  argv: readonly string[];
  timeoutMs?: number;
  maxConcurrent?: number;
  maxQueued?: number;
  /** Problems (cannot start, non-zero exit, killed, drops, the tally at close) for stderr, worded by the catalog (i18n, follow.alertExec). */
  report(r: AlertExecReport): void;
  now?: () => number;
}

/** What --alert-exec says on stderr: a code and its facts. `cmd`: the command's first word. */
export type AlertExecReport =
  | { code: 'cannot-run'; cmd: string; message: string }
  | { code: 'ended-by'; cmd: string; signal: string }
  | { code: 'exited'; cmd: string; exit: number | null }
  | { code: 'timeout'; cmd: string; seconds: number }
  /** Alerts begin to be dropped: `commands` running, `queued` waiting. */
  | { code: 'dropping'; commands: number; queued: number }
  /** `n` dropped since last said, `total` in all. */
  | { code: 'dropped'; n: number; total: number }
  /** At the stop: of `alerts`, `delivered` reached `cmd`; the rest by why (counts, 0 for none). */
  | { code: 'tally'; cmd: string; alerts: number; delivered: number; dropped: number; failed: number; unrun: number; stoppedWith: number; stopSignal: string | null; cutOff: number };

/** While alerts are dropped, how often at most the count so far is said. */
const DROP_NOTE_MS = 60_000;
/**
 * How long a command ended by a signal waits to be judged: the same signal can be on its
 * way to logscan (`systemctl stop` signals every process of the unit, Ctrl-C the terminal's
 * whole process group), and which of the two processes hears of it first is the scheduler's
 * choice. Signal handlers run within milliseconds.
 */
const SAME_SIGNAL_MS = 500;

/** How a command ended: delivered, stopped by logscan's own stop signal, or a problem (said). */
type Outcome = { kind: 'delivered' } | { kind: 'stopped' } | { kind: 'failed'; problem: AlertExecReport };

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
  /** Ended by the signal that stopped logscan too: stopped with it, not failed. */
  stoppedWith = 0;
  /** The signal logscan is stopping on, once it came. */
  private stopSignal: NodeJS.Signals | null = null;
  /** Commands ended by a signal while logscan had none yet: judged when it comes or after SAME_SIGNAL_MS. */
  private readonly undecided = new Map<NodeJS.Signals, Set<() => void>>();
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
   * logscan is stopping on `signal`: a command ended by the same one got it with logscan
   * (from systemd or the terminal), so it stopped with logscan rather than failed.
   */
  stopping(signal: NodeJS.Signals): void {
    this.stopSignal ??= signal;
    for (const judge of this.undecided.get(signal) ?? []) judge();
  }

  /**
   * The stop: queued alerts still start as running commands end, for up to `graceMs`;
   * then what still runs is killed. Says on stderr how many alerts did not reach the
   * command, when any did not.
   */
  async close(graceMs: number): Promise<void> {
    // Ended by a signal that was not logscan's: failures, said now rather than counted as still running.
    this.judgeAll();
    if (this.running > 0) await Promise.race([new Promise<void>((r) => this.idleWaiters.push(r)), new Promise((r) => setTimeout(r, graceMs).unref())]);
    this.judgeAll();
    this.unrun += this.queue.length;
    this.queue.length = 0;
    this.cutOff += this.children.size;
    for (const c of this.children) c.kill('SIGKILL');
    this.children.clear();
    const tally = this.tally();
    if (tally !== null) this.opts.report(tally);
  }

  private judgeAll(): void {
    for (const judges of this.undecided.values()) for (const judge of judges) judge();
  }

  /** How many alerts did not reach the command and why; null when every one did. */
  tally(): AlertExecReport | null {
    if (this.alerts === this.delivered) return null;
    const { alerts, delivered, dropped, failed, unrun, stoppedWith, stopSignal, cutOff } = this;
    return { code: 'tally', cmd: this.opts.argv[0]!, alerts, delivered, dropped, failed, unrun, stoppedWith, stopSignal, cutOff };
  }

  private drop(): void {
    this.dropped++;
    const t = this.now();
    if (!this.dropping) {
      this.dropping = true;
      this.lastDropNote = t;
      this.opts.report({ code: 'dropping', commands: this.maxConcurrent, queued: this.maxQueued });
    } else if (t - this.lastDropNote >= DROP_NOTE_MS) this.noteDrops(t);
  }

  /** Says the alerts dropped since last said. */
  private noteDrops(t: number): void {
    const n = this.dropped - this.droppedSaid;
    if (n === 0) return;
    this.droppedSaid = this.dropped;
    this.lastDropNote = t;
    this.opts.report({ code: 'dropped', n, total: this.dropped });
  }

  private start(json: string): void {
    const [cmd, ...args] = this.opts.argv;
    this.running++;
    let settled = false;
    const child = spawn(cmd, args, { shell: false, stdio: ['pipe', 'ignore', 'inherit'], windowsHide: true });
    this.children.add(child);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      this.opts.report({ code: 'timeout', cmd: cmd!, seconds: this.timeoutMs / 1000 });
      child.kill('SIGKILL');
    }, this.timeoutMs);
    timer.unref();
    const done = (outcome: Outcome): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      this.running--;
      // Killed by close(): counted there, not a failure of the command.
      if (!this.children.delete(child)) return;
      if (outcome.kind === 'failed') {
        this.failed++;
        this.opts.report(outcome.problem);
      } else if (outcome.kind === 'stopped') this.stoppedWith++;
      else this.delivered++;
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
    child.on('error', (err) => done({ kind: 'failed', problem: { code: 'cannot-run', cmd: cmd!, message: err.message } }));
    child.on('close', (code, signal) => {
      if (code === 0) return done({ kind: 'delivered' });
      const failed: Outcome = { kind: 'failed', problem: signal ? { code: 'ended-by', cmd: cmd!, signal } : { code: 'exited', cmd: cmd!, exit: code } };
      // A shell script that traps the signal and exits reports it as 128 + its number.
      const by = signal ?? signalOfExit(code);
      if (by === null || timedOut) return done(failed);
      if (this.stopSignal !== null) return done(by === this.stopSignal ? { kind: 'stopped' } : failed);
      const judges = this.undecided.get(by) ?? new Set<() => void>();
      this.undecided.set(by, judges);
      const judge = (): void => {
        clearTimeout(wait);
        judges.delete(judge);
        done(this.stopSignal === by ? { kind: 'stopped' } : failed);
      };
      const wait = setTimeout(judge, SAME_SIGNAL_MS);
      judges.add(judge);
    });
    // A hook that does not read its stdin must not crash us with EPIPE.
    child.stdin.on('error', () => {});
    child.stdin.end(json);
  }
}

/** The signal an exit code 128+N stands for (how shells report a child, or a trap, ended by signal N); null for others. */
function signalOfExit(code: number | null): NodeJS.Signals | null {
  if (code === null || code <= 128) return null;
  const hit = Object.entries(constants.signals).find(([, n]) => n === code - 128);
  return hit ? (hit[0] as NodeJS.Signals) : null;
}
