// A regular file's chunks are read into buffers that come back once decoded (open.ts
// ReadAhead.recycle). Reuse must never hand out memory a consumer still holds, and
// every byte must arrive as written, also when chunks pile up behind back-pressure.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openInput } from '../../src/input/open.js';
import { readInputs } from '../../src/input/read.js';
import { tempDir } from '../helpers/cli.js';

/** ~2.3 MB of lines whose multi-byte characters land on many 64 KiB chunk boundaries. */
function writeLines(): { path: string; lines: string[]; bytes: Buffer } {
  const lines: string[] = [];
  for (let i = 0; i < 20_000; i++) lines.push(`${i} ${'é'.repeat(i % 61)} ${'🔥'.repeat(i % 7)} SRC=198.51.100.${i % 250} DPT=${i % 65536}`);
  const bytes = Buffer.from(lines.join('\n') + '\n');
  const path = join(tempDir(), 'lines.log');
  writeFileSync(path, bytes);
  return { path, lines, bytes };
}

async function chunksOf(path: string, blockingReads: boolean, recycle: boolean): Promise<{ copies: Buffer[]; memories: Set<ArrayBufferLike> }> {
  const input = await openInput(path, { blockingReads });
  const copies: Buffer[] = [];
  const memories = new Set<ArrayBufferLike>();
  await new Promise<void>((resolve, reject) => {
    input.stream.on('data', (chunk: Buffer) => {
      copies.push(Buffer.from(chunk));
      memories.add(chunk.buffer);
      if (recycle) input.recycle(chunk);
    });
    input.stream.on('end', resolve);
    input.stream.on('error', reject);
  });
  await input.close();
  return { copies, memories };
}

describe('read-ahead buffers', () => {
  for (const blockingReads of [false, true]) {
    const how = blockingReads ? 'blocking reads' : 'pool reads';
    it(`${how}: chunks given back are read into again, and the bytes are the file's`, async () => {
      const f = writeLines();
      const { copies, memories } = await chunksOf(f.path, blockingReads, true);
      expect(copies.length).toBeGreaterThan(30);
      expect(memories.size).toBeLessThanOrEqual(3);
      expect(Buffer.concat(copies).equals(f.bytes)).toBe(true);
    });

    it(`${how}: chunks a consumer keeps are never read into again`, async () => {
      const f = writeLines();
      const input = await openInput(f.path, { blockingReads });
      const kept: Buffer[] = [];
      await new Promise<void>((resolve, reject) => {
        input.stream.on('data', (chunk: Buffer) => {
          kept.push(chunk);
          // Given back twice, and a buffer that is not the reader's: neither may be handed out twice.
          if (kept.length % 2 === 0) {
            const older = kept[kept.length - 2];
            input.recycle(chunk);
            input.recycle(chunk);
            input.recycle(Buffer.alloc(65536));
            kept[kept.length - 1] = Buffer.from(chunk);
            expect(older.buffer).not.toBe(chunk.buffer);
          }
        });
        input.stream.on('end', resolve);
        input.stream.on('error', reject);
      });
      await input.close();
      expect(Buffer.concat(kept).equals(f.bytes)).toBe(true);
    });
  }

  it('every line arrives intact through the whole read path while the consumer makes chunks wait', async () => {
    const f = writeLines();
    for (const blockingReads of [false, true]) {
      const seen: string[] = [];
      let n = 0;
      const [stats] = await readInputs([f.path], {
        inputFormat: null,
        year: 2026,
        tz: 'UTC',
        blockingReads,
        onEvent: () => {},
        onLine: (_file, text) => void seen.push(text),
        // Every third chunk waits a tick, so chunks queue in the stream buffers meanwhile.
        afterChunk: () => (++n % 3 === 0 ? new Promise<void>((r) => setTimeout(r, 1)) : undefined),
      });
      expect(stats.lines).toBe(f.lines.length);
      expect(seen).toEqual(f.lines);
    }
  });
});
