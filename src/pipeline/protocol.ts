// Messages between the main thread and the read worker (src/pipeline/read-worker.ts).
import type { MessagePort } from 'node:worker_threads';
import type { InputStats, MalformedLine } from '../input/read.js';
import type { CommonOptions } from '../cli/options.js';
import type { BatchBuffers, EventBatch } from './event-codec.js';

export interface WorkerInput {
  files: string[];
  options: CommonOptions;
  /** Events per batch. */
  batch: number;
  /** Annotate in the worker (else the main thread does). */
  annotate: boolean;
  /** Int32Array over a SharedArrayBuffer: [0] becomes 1 when reading should stop (SIGINT/SIGTERM). Shared memory, because a worker busy reading sees messages only when it waits. */
  stop: Int32Array<SharedArrayBuffer>;
  /** Where "-" comes from when it is among the files and a pipe (stdin-relay.ts), else null. */
  stdin: MessagePort | null;
  /** "-" is among the files and stdin is a regular file: the worker reads fd 0 itself. */
  stdinFile: boolean;
}

/** The worker's job, its first message (a worker may be started before its job is known). */
export interface Start {
  start: WorkerInput;
}

export type FromWorker =
  | { type: 'batch'; batch: EventBatch }
  | { type: 'malformed'; m: MalformedLine }
  | { type: 'inputDone'; stats: InputStats }
  | { type: 'done'; stats: InputStats[] };

/** A batch was consumed; its buffers come back to be filled again. */
export interface Credit {
  buffers: BatchBuffers;
}

/**
 * Batches the worker may have sent before the main thread has taken them: bounds memory
 * when the consumer is slower. Enough to ride out the main thread's GC pauses: with 4 the
 * two threads each sat idle ~0.6-0.85 s of a 4.2 s 1M-line report; 8 made it and `events`
 * ~2.5 % faster at the same peak RSS, 16 ~4 % for ~10 MiB more (each batch ~0.5 MiB).
 */
export const MAX_IN_FLIGHT = 8;
