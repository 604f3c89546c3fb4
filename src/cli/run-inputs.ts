// The part every log-reading command shares: read the inputs with the common
// options, send diagnostics to stderr, and say whether any input was unreadable.
import type { FirewallEvent } from '../event.js';
import { ExitCode, type ExitCodeValue } from '../errors.js';
import { readInputs, type InputStats } from '../input/read.js';
import { Diagnostics } from './diagnostics.js';
import type { InputOptions } from './options.js';

export interface InputsRun {
  stats: InputStats[];
  /** 3 when any input was unreadable or incomplete, else 0. */
  exitCode: ExitCodeValue;
}

export async function runInputs(
  files: readonly string[],
  opts: InputOptions,
  onEvent: (e: FirewallEvent) => void,
  afterChunk?: () => Promise<void> | void,
  /** Aborted on SIGINT/SIGTERM (cli/interrupt.ts): reading stops, stats so far are returned. */
  signal?: AbortSignal,
): Promise<InputsRun> {
  const diag = new Diagnostics();
  const stats = await readInputs(files, {
    ...opts,
    onEvent,
    afterChunk,
    signal,
    onMalformed: diag.malformed,
    onInputDone: diag.inputDone,
  });
  diag.finish();
  return { stats, exitCode: stats.some((s) => s.incomplete) ? ExitCode.inputUnreadable : ExitCode.ok };
}
