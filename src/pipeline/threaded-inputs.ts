// A threaded run: a worker thread reads, parses and, when asked, annotates
// (read-worker.ts) while this thread takes the events, in input order, and does the rest. The
// events, their order, the statistics and the diagnostics are those of a run in one
// thread; only the wall time differs (about half the work moves to the other core).
import { setFlagsFromString } from 'node:v8';
import { MessageChannel, Worker } from 'node:worker_threads';
import type { FirewallEvent } from '../event.js';
import { stdinFileSize } from '../input/open.js';
import type { InputStats, MalformedLine } from '../input/read.js';
import type { CommonOptions } from '../cli/options.js';
import { EventDecoder } from './event-codec.js';
import { relayStdin } from './stdin-relay.js';
import { holdYoungGeneration } from './young-generation.js';
import type { Credit, FromWorker, Start, WorkerInput } from './protocol.js';

/** Events per batch: large enough that messaging costs nothing per event, small enough to keep both threads busy. */
const BATCH = 2048;

/**
 * A read worker and what it has said so far. Listening from the moment it is made: a worker
 * started early (startReadWorker) may fail or exit before anyone reads from it, and an
 * 'error' without a listener would end the process.
 */
class WorkerLink {
  readonly worker: Worker;
  readonly queue: FromWorker[] = [];
  failure: unknown = null;
  exited = false;
  private wake: (() => void) | null = null;

  constructor() {
    // The worker's garbage dies young; a smaller young generation: peak RSS -25 MiB, same time.
    this.worker = new Worker(new URL('./read-worker.js', import.meta.url), { resourceLimits: { maxYoungGenerationSizeMb: 8 } });
    this.worker.on('message', (m: FromWorker) => {
      this.queue.push(m);
      this.nudge();
    });
    this.worker.on('error', (err) => {
      this.failure = err;
      this.nudge();
    });
    this.worker.on('exit', () => {
      this.exited = true;
      this.nudge();
    });
  }

  /** Resolves at the worker's next message, error or exit. */
  next(): Promise<void> {
    return new Promise<void>((resolve) => {
      this.wake = resolve;
    });
  }

  private nudge(): void {
    this.wake?.();
    this.wake = null;
  }
}

let early: WorkerLink | null = null;

/**
 * Starts the read worker now, before the command has loaded its modules and read its
 * options (cli/early-worker.ts): the two start-ups overlap. It waits for its job, does not
 * keep the process alive meanwhile, and readInWorker takes it.
 */
export function startReadWorker(): void {
  if (early !== null) return;
  early = new WorkerLink();
  early.worker.unref();
}

/** A worker started early is not wanted after all (the run stays in one thread). */
export function dropEarlyWorker(): void {
  if (early === null) return;
  void early.worker.terminate();
  early = null;
}

export interface ThreadedHandlers {
  /** Annotate in the worker; else onEvent gets events without annotations. */
  annotate: boolean;
  onEvent(e: FirewallEvent): void;
  onMalformed(m: MalformedLine): void;
  onInputDone(s: InputStats): void;
  /** Awaited after each batch: a slow stdout pauses the worker too. */
  afterChunk?: () => Promise<void> | void;
  /** Work for this thread while it would wait for the worker's first batch. */
  whileWorkerStarts?: () => void;
  signal?: AbortSignal;
}

export async function readInWorker(files: readonly string[], options: CommonOptions, h: ThreadedHandlers): Promise<InputStats[]> {
  const stopFlag = new Int32Array(new SharedArrayBuffer(4));
  // Stdin redirected from a file is read by the worker like any file; the relay would
  // read it here between batches (1M-line report: 7.8 s relayed, 6.6 s by path).
  const stdinFile = files.includes('-') && stdinFileSize() !== null;
  const stdin = files.includes('-') && !stdinFile ? new MessageChannel() : null;
  const data: WorkerInput = { files: [...files], options, batch: BATCH, annotate: h.annotate, stop: stopFlag, stdin: stdin?.port2 ?? null, stdinFile };
  // Two busy threads on two cores: scavenges in one thread each (helpers only steal the
  // other thread's core): 1M-line report 6.75 -> 6.05 s. V8 reads this flag at every
  // scavenge, so it can be set now; it is process-wide and stays for the run.
  setFlagsFromString('--no-parallel-scavenge');
  const link = early ?? new WorkerLink();
  early = null;
  const worker = link.worker;
  worker.ref();
  worker.postMessage({ start: data } satisfies Start, stdin === null ? [] : [stdin.port2]);
  const stopRelay = stdin === null ? null : relayStdin(process.stdin, stdin.port1);
  h.whileWorkerStarts?.();
  const stop = (): void => {
    Atomics.store(stopFlag, 0, 1);
  };
  h.signal?.addEventListener('abort', stop, { once: true });
  if (h.signal?.aborted) stop();
  const decoder = new EventDecoder();
  try {
    for (;;) {
      const m = link.queue.shift();
      if (m === undefined) {
        if (link.failure !== null) throw link.failure;
        if (link.exited) throw new Error('the read worker stopped without sending its results');
        await link.next();
        continue;
      }
      switch (m.type) {
        case 'batch':
          decoder.decode(m.batch, h.onEvent);
          holdYoungGeneration();
          if (h.afterChunk) await h.afterChunk();
          worker.postMessage({ buffers: { nums: m.batch.nums, anns: m.batch.anns, ends: m.batch.ends } } satisfies Credit, [m.batch.nums.buffer, m.batch.anns.buffer, m.batch.ends.buffer]);
          // Queued batches are taken without a turn of the event loop; the stdin relay needs turns.
          if (stopRelay !== null) await new Promise(setImmediate);
          break;
        case 'malformed':
          h.onMalformed(m.m);
          break;
        case 'inputDone':
          h.onInputDone(m.stats);
          break;
        case 'done':
          return m.stats;
      }
    }
  } finally {
    h.signal?.removeEventListener('abort', stop);
    if (stopRelay !== null) {
      stopRelay();
      // Stopped before its end (a signal, a crash): an open stdin must not keep the process alive.
      if (!process.stdin.readableEnded) process.stdin.destroy();
    }
    // After a signal the worker may be stuck opening a FIFO nobody writes to, and its
    // end waits for that open: the report must not (the process ends when the open does,
    // or at a second Ctrl-C, as in one thread).
    if (h.signal?.aborted) void worker.terminate();
    else await worker.terminate();
  }
}
