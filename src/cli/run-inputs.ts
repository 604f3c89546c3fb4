// The part every log-reading command shares: read the inputs with the common
// options (in this thread, or with a worker thread reading: runAnalysed), send
// diagnostics to stderr, and say whether any input was unreadable.
import type { FirewallEvent } from '../event.js';
import { ExitCode, type ExitCodeValue } from '../errors.js';
import { readInputs, type InputStats } from '../input/read.js';
import { dropEarlyWorker, readInWorker } from '../pipeline/threaded-inputs.js';
import { holdYoungGeneration } from '../pipeline/young-generation.js';
import type { Analysis } from './analysis.js';
import { Diagnostics } from './diagnostics.js';
import type { CommonOptions, InputOptions, Threads } from './options.js';
import { useWorker } from './thread-choice.js';
import { RepeatedRecords, type RepeatedInput } from '../input/repeated-records.js';
import { termSafe } from '../render/sanitize.js';
import { messages } from '../i18n/messages.js';
import type { Lang } from '../knowledge/types.js';

export interface InputsRun {
  stats: InputStats[];
  /** 3 when any input was unreadable or incomplete, else 0. */
  exitCode: ExitCodeValue;
}

export async function runInputs(
  files: readonly string[],
  opts: InputOptions & Pick<CommonOptions, 'lang'>,
  onEvent: (e: FirewallEvent) => void,
  afterChunk?: () => Promise<void> | void,
  /** Aborted on SIGINT/SIGTERM (cli/interrupt.ts): reading stops, stats so far are returned. */
  signal?: AbortSignal,
): Promise<InputsRun> {
  const diag = new Diagnostics(undefined, opts.lang);
  const stats = await readInputs(files, {
    ...opts,
    onEvent,
    afterChunk,
    signal,
    onMalformed: diag.malformed,
    onInputDone: diag.inputDone,
  });
  diag.finish();
  return finished(stats);
}

export interface AnalysedRunOptions {
  threads: Threads;
  /**
   * With two threads: annotate in the reading thread. Right when what follows is heavy
   * (the report's summary); when it is light (encoding NDJSON), annotating here keeps
   * the two threads evenly loaded. False also when one annotator's state must span
   * several runs (daily's groups of files).
   */
  annotateWhileReading: boolean;
  afterChunk?: () => Promise<void> | void;
  /** With two threads, run while the worker starts; in one thread, not at all (ThreadedHandlers). */
  whileWorkerStarts?: () => void;
  signal?: AbortSignal;
  /**
   * Only the events it accepts are annotated and handed on: a family read for the records
   * another's unread file held (daily's fallback) must not show its other records twice,
   * not even to the stateful detectors.
   */
  keep?: (e: FirewallEvent) => boolean;
}

/**
 * Reads and annotates the inputs, then hands each event to onEvent: in this thread, or
 * with reading, parsing and annotating in a worker thread (src/pipeline) when that is
 * chosen. Either way onEvent sees the same annotated events in the same order.
 */
export async function runAnalysed(
  files: readonly string[],
  opts: CommonOptions,
  analysis: Analysis,
  onEvent: (e: FirewallEvent) => void,
  run: AnalysedRunOptions,
): Promise<InputsRun> {
  const repeats = files.length > 1 ? new RepeatedRecords() : null;
  const handOn = repeats === null ? onEvent : (e: FirewallEvent): void => {
    repeats.see(e);
    onEvent(e);
  };
  const keep = run.keep;
  // Without `keep` the closures are as before: nothing more per event on the hot path.
  const sink = keep === undefined ? handOn : (e: FirewallEvent): void => {
    if (keep(e)) handOn(e);
  };
  const annotated = keep === undefined ? (e: FirewallEvent): void => {
    analysis.annotate(e);
    handOn(e);
  } : (e: FirewallEvent): void => {
    if (!keep(e)) return;
    analysis.annotate(e);
    handOn(e);
  };
  let done: InputsRun;
  if (!useWorker(files, run.threads)) {
    dropEarlyWorker();
    const afterChunk = (): Promise<void> | void => {
      holdYoungGeneration();
      return run.afterChunk?.();
    };
    done = await runInputs(files, opts, annotated, afterChunk, run.signal);
  } else {
    const diag = new Diagnostics(undefined, opts.lang);
    const stats = await readInWorker(files, opts, {
      annotate: run.annotateWhileReading,
      onEvent: run.annotateWhileReading ? sink : annotated,
      onMalformed: diag.malformed,
      onInputDone: diag.inputDone,
      afterChunk: run.afterChunk,
      whileWorkerStarts: run.whileWorkerStarts,
      signal: run.signal,
    });
    diag.finish();
    done = finished(stats);
  }
  if (repeats !== null) noteRepeats(done.stats, repeats.result(), opts.lang);
  return done;
}

/** Says on stderr which inputs repeat another's records, and notes it on their stats for the report. */
function noteRepeats(stats: InputStats[], found: readonly RepeatedInput[], lang: Lang): void {
  for (const r of found) {
    const s = stats.find((x) => x.file === r.file);
    if (s === undefined) continue;
    // The share is the sample's; the records it stands for, of what the input held.
    s.repeats = { other: r.other, records: Math.round(r.share * s.events), share: r.share };
    process.stderr.write(`logscan: ${termSafe(messages(lang).diagnostics.input(r.file, messages(lang).report.repeats(r.share, s.repeats.records, r.other)))}\n`);
  }
}

function finished(stats: InputStats[]): InputsRun {
  return { stats, exitCode: stats.some((s) => s.incomplete) ? ExitCode.inputUnreadable : ExitCode.ok };
}
