// Stdin for the read worker. A worker thread has no stdin of its own, and Node's
// `new Worker({ stdin: true })` hands data over one chunk per round trip: the worker
// then waits on the main thread, which is busy summarising, and a threaded run from a
// pipe was slower than one thread (1M lines: 10.2 s against 8.0 s). Here the main thread
// keeps up to AHEAD chunks on their way or unread, so the worker has input while the
// main thread works; credit comes back as the worker's stream hands each chunk on,
// which bounds the memory. Still slower than the worker reading a file itself (1M-line
// report from a pipe 7.3 s, from the path 6.5 s: the pipe's writer needs the CPU too,
// and the main thread reads stdin only between batches).
import { Readable } from 'node:stream';
import type { MessagePort } from 'node:worker_threads';

/** Chunks (≤ 64 KiB each) on their way to the worker or unread there: ~15 ms of parsing. */
const AHEAD = 12;

/** A chunk of data, the end of input, or a read error. */
export type RelayMessage = Uint8Array | null | { error: string };

/** Main thread: sends `input`'s chunks through `port`; returns a function that stops relaying. */
export function relayStdin(input: Readable, port: MessagePort): () => void {
  let credit = AHEAD;
  const onData = (chunk: Buffer): void => {
    port.postMessage(chunk satisfies RelayMessage);
    if (--credit === 0) input.pause();
  };
  const onEnd = (): void => port.postMessage(null satisfies RelayMessage);
  const onError = (err: Error): void => port.postMessage({ error: err.message } satisfies RelayMessage);
  port.on('message', () => {
    if (credit++ === 0) input.resume();
  });
  input.on('data', onData);
  input.on('end', onEnd);
  input.on('error', onError);
  return () => {
    input.off('data', onData);
    input.off('end', onEnd);
    input.off('error', onError);
    port.close();
  };
}

/** Worker: the relayed chunks as a byte stream. */
export function relayedStdin(port: MessagePort): Readable {
  // Chunks wait here until the stream asks for one; handing one over returns its credit,
  // so the main thread sends the next while this thread parses. Nothing flows before
  // the stream is read: stdin may be the last of several inputs.
  const waiting: Buffer[] = [];
  let ended = false;
  let asked = false;
  const give = (): void => {
    const chunk = waiting.shift();
    asked = false;
    if (chunk !== undefined) {
      port.postMessage(1);
      stream.push(chunk);
    } else if (ended) stream.push(null);
    else asked = true;
  };
  const stream = new Readable({ read: give });
  port.on('message', (m: RelayMessage) => {
    if (m === null) {
      ended = true;
      port.close();
    } else if (m instanceof Uint8Array) waiting.push(Buffer.from(m.buffer, m.byteOffset, m.byteLength));
    else {
      stream.destroy(new Error(m.error));
      return;
    }
    if (asked) give();
  });
  return stream;
}
