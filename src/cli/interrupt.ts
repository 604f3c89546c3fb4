// SIGINT / SIGTERM during a one-shot run (`logscan FILE`, `check`, `events`, `daily`): the
// first signal stops reading (the current input is closed, the rest are not opened) and the
// command renders what it gathered, marked "interrupted" (`events`: every event read is
// written, the mark goes to stderr), then exits 130 (SIGINT) or
// 143 (SIGTERM), the shell's 128+N, so scripts can tell a cut-short report from a
// complete one. A second signal is not caught: it ends the process at once.
// `logscan follow` has its own handling (src/live/run.ts) and does not use this.
export const SIGNAL_EXIT: Record<'SIGINT' | 'SIGTERM', number> = { SIGINT: 130, SIGTERM: 143 };

type Caught = 'SIGINT' | 'SIGTERM';

// A signal that comes while the command still loads its modules, the knowledge base and
// its options would otherwise end the process with 130/143 and no output at all, which a
// script cannot tell from a cut-short run. Held here until the command's Interrupt takes it.
let early: Caught | null = null;
const earlyInt = (): void => void (early ??= 'SIGINT');
const earlyTerm = (): void => void (early ??= 'SIGTERM');

/** The commands that stop through an Interrupt (follow has its own handling; the others read no logs). */
export const INTERRUPTIBLE_COMMANDS: readonly string[] = ['report', 'events', 'daily', 'check'];

/** From program start, for the commands that use an Interrupt: keep the first signal for it. */
export function catchEarlySignals(): void {
  process.once('SIGINT', earlyInt);
  process.once('SIGTERM', earlyTerm);
}

export class Interrupt {
  private readonly controller = new AbortController();
  /** The signal received, or null. */
  received: Caught | null = null;
  private readonly onInt = (): void => this.trip('SIGINT');
  private readonly onTerm = (): void => this.trip('SIGTERM');

  constructor() {
    // Listening before the early catchers go: removing a signal's last listener closes
    // Node's handle for it, and a signal still queued there (the loop was busy loading)
    // would be lost.
    process.once('SIGINT', this.onInt);
    process.once('SIGTERM', this.onTerm);
    process.off('SIGINT', earlyInt);
    process.off('SIGTERM', earlyTerm);
    // Signalled during start-up: read nothing, report the nothing, marked.
    if (early !== null) this.trip(early);
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** 130 / 143 after a signal, else 0. */
  get exitCode(): number {
    return this.received ? SIGNAL_EXIT[this.received] : 0;
  }

  private trip(sig: Caught): void {
    if (this.received) return;
    this.received = sig;
    // The other signal is not caught any more either: one more of either ends the process.
    this.dispose();
    this.controller.abort();
  }

  /** Stops listening (the default action of a signal applies again). */
  dispose(): void {
    process.off('SIGINT', this.onInt);
    process.off('SIGTERM', this.onTerm);
  }
}
