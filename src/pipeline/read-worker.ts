// The second thread of a threaded run (src/pipeline/threaded-inputs.ts): once told its
// job, reads, parses and (when asked) annotates the inputs exactly as the main thread
// would, and sends the events back in batches. It waits for credit when MAX_IN_FLIGHT batches
// are unconsumed, so a slow consumer bounds its memory.
import { parentPort } from 'node:worker_threads';
import { buildAnalysis, homeNetworks } from '../cli/analysis.js';
import { testCrashHook } from '../cli/test-hooks.js';
import { stdinFileStream } from '../input/open.js';
import { readInputs } from '../input/read.js';
import { EventEncoder } from './event-codec.js';
import { setHomeNetworks } from '../util/egress.js';
import { relayedStdin } from './stdin-relay.js';
import { MAX_IN_FLIGHT, type Credit, type FromWorker, type Start, type WorkerInput } from './protocol.js';

testCrashHook('read-worker');
const port = parentPort!;
// The job comes as the first message: the worker may have been started before it was known.
const input = await new Promise<WorkerInput>((resolve) => port.once('message', (m: Start) => resolve(m.start)));
const stop = new AbortController();
let inFlight = 0;
let waiting: (() => void) | null = null;

port.on('message', (msg: Credit) => {
  inFlight--;
  encoder.recycle(msg.buffers);
  waiting?.();
  waiting = null;
});

const post = (msg: FromWorker): void => port.postMessage(msg);
const encoder = new EventEncoder(input.batch);
const send = (): void => {
  if (encoder.n === 0) return;
  const batch = encoder.take();
  inFlight++;
  port.postMessage({ type: 'batch', batch } satisfies FromWorker, [batch.nums.buffer, batch.anns.buffer, batch.ends.buffer]);
};

/** SIGINT/SIGTERM on the main thread: stop reading (readInputs sees the signal between chunks and before the next input). */
const checkStop = (): void => {
  if (Atomics.load(input.stop, 0) !== 0) stop.abort();
};
// Between chunks is not enough when no chunk comes (a quiet pipe on stdin): look while idle too.
setInterval(checkStop, 100).unref();

// Set up as the main thread's (buildAnalysis), so both threads annotate alike. Without
// annotating, --home-net is still this thread's: a parser may read a record's direction
// from which side its addresses are on (aws-vpcflow without flow-direction).
const analysis = input.annotate ? buildAnalysis(input.options) : null;
if (analysis === null) setHomeNetworks(homeNetworks(input.options.homeNet));

const stats = await readInputs(input.files, {
  ...input.options,
  signal: stop.signal,
  blockingReads: true,
  stdin: input.stdin !== null ? relayedStdin(input.stdin) : input.stdinFile ? stdinFileStream() : undefined,
  onEvent(e) {
    analysis?.annotate(e);
    encoder.add(e);
    if (encoder.full) send();
  },
  onMalformed: (m) => post({ type: 'malformed', m }),
  onInputDone(s) {
    checkStop();
    send();
    post({ type: 'inputDone', stats: s });
  },
  afterChunk() {
    checkStop();
    if (inFlight < MAX_IN_FLIGHT) return undefined;
    return new Promise<void>((resolve) => {
      waiting = resolve;
    });
  },
});
send();
post({ type: 'done', stats });
