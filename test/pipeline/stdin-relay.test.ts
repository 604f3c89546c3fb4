// The stdin relay (main thread → read worker), both ends in one thread over a
// MessageChannel: every byte arrives in order, a reader that stops reading stops the
// source after a bounded number of chunks, and a read error arrives as an error.
import { Readable } from 'node:stream';
import { MessageChannel } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { relayedStdin, relayStdin } from '../../src/pipeline/stdin-relay.js';

const CHUNK = 64 * 1024;

/** A source of `n` chunks of CHUNK bytes, chunk i filled with i % 251; counts the chunks it handed out. */
function source(n: number): Readable & { given: number } {
  let i = 0;
  const r = new Readable({
    read() {
      if (i === n) this.push(null);
      else {
        r.given = ++i;
        this.push(Buffer.alloc(CHUNK, i % 251));
      }
    },
  }) as Readable & { given: number };
  r.given = 0;
  return r;
}

async function drain(r: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of r) parts.push(c as Buffer);
  return Buffer.concat(parts);
}

const tick = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('stdin relay', () => {
  it('delivers every byte in order and ends', async () => {
    const { port1, port2 } = new MessageChannel();
    const src = source(200);
    const stop = relayStdin(src, port1);
    const got = await drain(relayedStdin(port2));
    stop();
    expect(got.length).toBe(200 * CHUNK);
    for (let i = 0; i < 200; i++) expect(got[i * CHUNK + 17]).toBe((i + 1) % 251);
  });

  it('a reader that does not read stops the source after a bounded number of chunks', async () => {
    const { port1, port2 } = new MessageChannel();
    const src = source(400);
    const stop = relayStdin(src, port1);
    const out = relayedStdin(port2);
    await tick(200);
    // 12 on their way or unread, plus what the source itself has buffered.
    expect(src.given).toBeGreaterThanOrEqual(12);
    expect(src.given).toBeLessThanOrEqual(14);
    // Reading now gets everything, the chunks that waited too (stdin may be read after other inputs).
    const got = await drain(out);
    stop();
    expect(got.length).toBe(400 * CHUNK);
  });

  it('a read error on the main side is an error of the relayed stream', async () => {
    const { port1, port2 } = new MessageChannel();
    const src = new Readable({ read() {} });
    relayStdin(src, port1);
    const out = relayedStdin(port2);
    src.push(Buffer.from('line\n'));
    src.destroy(new Error('EIO: i/o error, read'));
    await expect(drain(out)).rejects.toThrow('EIO: i/o error, read');
  });
});
