// Stdin for the read worker. A worker thread has no stdin of its own, and Node's
// `new Worker({ stdin: true })` hands data over one chunk per round trip: the worker
// then waits on the main thread, which is busy summarising, and a threaded run from a
// pipe was slower than one thread (1M lines: 10.2 s against 8.0 s). Here the main thread
// keeps up to AHEAD chunks on their way, so the worker has input while the main thread
// works; credit comes back as the worker's stream takes chunks, which bounds the memory.
import { Readable } from 'node:stream';
import type { MessagePort } from 'node:worker_threads';

/** Chunks (≤ 64 KiB each) on their way to the worker: ~15 ms of parsing there. */
const AHEAD = 12;

/**
 * Unread bytes in the worker below which credit goes straight back. Small: chunks that
 * wait long enough to be promoted to the old generation keep their memory until a full
 * GC (a 16-chunk relay with 8 unread: +10 MiB RSS for 1M lines, 512 KiB highWaterMark: +40).
 */
const UNREAD_MAX = 4 * 64 * 1024;

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
  // Credit for a chunk goes back at once while little waits unread (so more is on its way
  // before this runs dry), else when the stream asks for more.
  let owed = 0;
  const stream = new Readable({
    read() {
      for (; owed > 0; owed--) port.postMessage(1);
    },
  });
  port.on('message', (m: RelayMessage) => {
    if (m === null) {
      stream.push(null);
      port.close();
    } else if (m instanceof Uint8Array) {
      stream.push(Buffer.from(m.buffer, m.byteOffset, m.byteLength));
      if (stream.readableLength <= UNREAD_MAX) port.postMessage(1);
      else owed++;
    } else stream.destroy(new Error(m.error));
  });
  return stream;
}
