// SIGINT / SIGTERM during a one-shot run (`logscan FILE`, `check`, `events`, `daily`): the
// first signal stops reading (the current input is closed, the rest are not opened) and the
// command renders what it gathered, marked "interrupted" (`events`: every event read is
// written, the mark goes to stderr), then exits 130 (SIGINT) or
// 143 (SIGTERM), the shell's 128+N, so scripts can tell a cut-short report from a
// complete one. A second signal is not caught: it ends the process at once.
// `logscan follow` has its own handling (src/live/run.ts) and does not use this.
export const SIGNAL_EXIT: Record<'SIGINT' | 'SIGTERM', number> = { SIGINT: 130, SIGTERM: 143 };

export class Interrupt {
  private readonly controller = new AbortController();
  /** The signal received, or null. */
  received: 'SIGINT' | 'SIGTERM' | null = null;
  private readonly onInt = (): void => this.trip('SIGINT');
  private readonly onTerm = (): void => this.trip('SIGTERM');

  constructor() {
    process.once('SIGINT', this.onInt);
    process.once('SIGTERM', this.onTerm);
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** 130 / 143 after a signal, else 0. */
  get exitCode(): number {
    return this.received ? SIGNAL_EXIT[this.received] : 0;
  }

  private trip(sig: 'SIGINT' | 'SIGTERM'): void {
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
