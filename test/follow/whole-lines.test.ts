// BatchedWriter's wholeLines mode (src/render/batched-writer.ts), what `follow` writes to a pipe
// with: what a reader that stopped reading was given ends with a whole line, and
// `taken` says exactly how much that was (--state saves no position past it).
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ATOMIC_WRITE, BatchedWriter } from '../../src/render/batched-writer.js';

/**
 * A pipe whose reader takes `room` bytes, then stops reading: a write of up to PIPE_BUF
 * bytes goes in whole or waits whole (EAGAIN: libuv keeps it and tries again).
 */
class StalledPipe extends Writable {
  readonly writes: Buffer[] = [];
  readonly accepted: Buffer[] = [];
  constructor(private room: number) {
    super();
  }
  override _write(chunk: Buffer, _enc: BufferEncoding, cb: (err?: Error | null) => void): void {
    this.writes.push(chunk);
    if (chunk.length > this.room) return; // never taken: the callback never comes
    this.room -= chunk.length;
    this.accepted.push(chunk);
    cb();
  }
}

/** A pipe whose reader reads: each write is taken a little later. */
class SlowPipe extends Writable {
  readonly writes: Buffer[] = [];
  override _write(chunk: Buffer, _enc: BufferEncoding, cb: (err?: Error | null) => void): void {
    this.writes.push(chunk);
    setImmediate(cb);
  }
}

const records = (n: number): string[] => Array.from({ length: n }, (_, i) => `{"seq":${i},"pad":"${'x'.repeat((i * 37) % 900)}"}\n`);

describe('BatchedWriter, whole lines', () => {
  it('hands a stalled pipe whole lines only, at most PIPE_BUF bytes at a time: what it took ends with a line, and taken counts just that', async () => {
    const pipe = new StalledPipe(20_000);
    const out = new BatchedWriter(pipe, { wholeLines: ATOMIC_WRITE });
    const lines = [...records(300), `{"long":"${'y'.repeat(10_000)}"}\n`, ...records(5)];
    for (const l of lines) out.write(l);
    const all = lines.join('');
    expect(out.written).toBe(Buffer.byteLength(all));
    expect(await out.finish(100)).toBe(false);
    const took = Buffer.concat(pipe.accepted).toString();
    expect(took.length).toBeGreaterThan(15_000);
    expect(took.endsWith('\n')).toBe(true);
    expect(all.startsWith(took)).toBe(true);
    expect(out.taken).toBe(took.length);
    // Never two writes at once, none longer than PIPE_BUF, each ending with a line.
    expect(pipe.writes.length).toBe(pipe.accepted.length + 1);
    for (const w of pipe.writes) {
      expect(w.length).toBeLessThanOrEqual(ATOMIC_WRITE);
      expect(w[w.length - 1]).toBe(10);
    }
  });

  it('a line longer than PIPE_BUF goes alone and whole; a reader that reads gets every byte in order', async () => {
    const pipe = new SlowPipe();
    const out = new BatchedWriter(pipe, { wholeLines: ATOMIC_WRITE });
    const lines = [...records(2000), `{"long":"${'y'.repeat(10_000)}"}\n`, ...records(50)];
    for (const l of lines) out.write(l);
    expect(await out.finish()).toBe(true);
    expect(Buffer.concat(pipe.writes).toString()).toBe(lines.join(''));
    expect(out.taken).toBe(out.written);
    const long = pipe.writes.find((w) => w.length > ATOMIC_WRITE);
    expect(long?.toString()).toBe(lines[2000]);
  });

  it('flush() waits while the stream holds a lot, until it takes it or release() says not to wait', async () => {
    const pipe = new StalledPipe(0);
    const out = new BatchedWriter(pipe, { wholeLines: ATOMIC_WRITE });
    for (const l of records(1000)) out.write(l);
    let settled = false;
    const wait = out.flush().then(() => (settled = true));
    await new Promise((r) => setTimeout(r, 50));
    expect(settled).toBe(false);
    out.release();
    await wait;
    expect(settled).toBe(true);
    expect(out.taken).toBe(0);
  });
});
