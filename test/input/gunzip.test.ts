// GunzipMembers against zlib and gzip's own behaviour: every byte of every member, in
// any chunking; junk after the last member kept apart (counted) instead of costing the
// member's last lines; the header's optional fields; a CRC mismatch and truncation are
// reported as the problem after every line before them, however slowly they are read.
import { Readable } from 'node:stream';
import { gunzipSync, gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GunzipMembers, gzipHeaderLength } from '../../src/input/gunzip.js';
import { readInputs } from '../../src/input/read.js';
import { tempDir } from '../helpers/cli.js';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';

/** Unpacks `bytes` fed in `chunks`-sized pieces; the output, or the error with the output so far. */
async function unpack(bytes: Buffer, chunk = 65536): Promise<{ out: Buffer; trailing: number; error: string | null }> {
  const pieces: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunk) pieces.push(bytes.subarray(i, i + chunk));
  const g = new GunzipMembers();
  const got: Buffer[] = [];
  g.on('data', (b: Buffer) => got.push(b));
  let error: string | null = null;
  await new Promise<void>((resolve) => {
    g.on('end', resolve);
    g.on('error', (e) => {
      error = e.message;
      resolve();
    });
    Readable.from(pieces).pipe(g);
  });
  return { out: Buffer.concat(got), trailing: g.trailingBytes, error: error ?? g.problem };
}

const text = (n: number): Buffer => Buffer.from(Array.from({ length: n }, (_, i) => `line ${i} ${'x'.repeat(i % 97)}\n`).join(''));

describe('GunzipMembers', () => {
  it('junk after the member: every line of the member, the junk counted, no error (zlib drops the last 16 KiB)', async () => {
    const data = text(5000);
    const gz = Buffer.concat([gzipSync(data), Buffer.from('trailing text garbage\n')]);
    expect(() => gunzipSync(gz)).toThrow(/incorrect header check/);
    const r = await unpack(gz);
    expect(r.error).toBeNull();
    expect(r.out.equals(data)).toBe(true);
    expect(r.trailing).toBe(22);
  });

  it('zero padding after the last member is not junk', async () => {
    const data = text(300);
    const r = await unpack(Buffer.concat([gzipSync(data), Buffer.alloc(4096)]));
    expect(r).toMatchObject({ error: null, trailing: 0 });
    expect(r.out.equals(data)).toBe(true);
  });

  it('any members, any chunking: the concatenated data, as gunzip gives it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.uint8Array({ maxLength: 3000 }), { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 700 }), async (members, chunk) => {
        const gz = Buffer.concat(members.map((m) => gzipSync(m, { level: 1 })));
        const r = await unpack(gz, chunk);
        expect(r.error).toBeNull();
        expect(r.out.equals(gunzipSync(gz))).toBe(true);
        expect(r.trailing).toBe(0);
      }),
      { numRuns: 60 },
    );
  });

  it('reads the optional header fields: FEXTRA, FNAME, FCOMMENT, FHCRC', async () => {
    const data = text(50);
    const plain = gzipSync(data);
    const deflated = plain.subarray(10);
    // Flags 0x1e: FHCRC | FEXTRA | FNAME | FCOMMENT (the header CRC is not checked, as zlib's gunzip does not either).
    const head = Buffer.concat([Buffer.from([0x1f, 0x8b, 8, 0x1e, 0, 0, 0, 0, 0, 3]), Buffer.from([3, 0, 1, 2, 3]), Buffer.from('kern.log\0'), Buffer.from('a comment\0'), Buffer.from([0xaa, 0xbb])]);
    expect(gzipHeaderLength(head)).toBe(head.length);
    expect(gzipHeaderLength(head.subarray(0, head.length - 1))).toBe(0);
    expect(gzipHeaderLength(Buffer.from('hello'))).toBe(-1);
    const r = await unpack(Buffer.concat([head, deflated]), 7);
    expect(r.error).toBeNull();
    expect(r.out.equals(data)).toBe(true);
  });

  it('a wrong CRC and a cut-off member are the problem, after the data before them (the stream itself ends)', async () => {
    const data = text(2000);
    const gz = Buffer.from(gzipSync(data));
    gz[gz.length - 8] ^= 0xff;
    expect((await unpack(gz)).error).toBe('incorrect data check');
    const cut = await unpack(gzipSync(data).subarray(0, 4000));
    expect(cut.error).toBe('unexpected end of file');
    expect(cut.out.length).toBeGreaterThan(0);
    expect(data.subarray(0, cut.out.length).equals(cut.out)).toBe(true);
  });

  it('keeps to backpressure: a slow reader holds back the inflating (64 KiB of zeros are 64 MiB)', async () => {
    const gz = gzipSync(Buffer.alloc(64 * 1024 * 1024));
    const g = new GunzipMembers();
    Readable.from([gz]).pipe(g);
    // Read every 2 ms whatever is buffered: one read() returns all of it.
    let most = 0;
    let total = 0;
    await new Promise<void>((resolve) => {
      g.once('end', resolve);
      const step = (): void => {
        for (let b = g.read() as Buffer | null; b !== null; b = g.read() as Buffer | null) {
          most = Math.max(most, b.length);
          total += b.length;
        }
        if (!g.readableEnded) setTimeout(step, 2);
      };
      step();
    });
    expect(total).toBe(64 * 1024 * 1024);
    expect(most).toBeLessThan(256 * 1024);
  });
});

describe('the reader with a cut-off .gz', () => {
  // A .gz cut in the middle (a copy of one still being written) read by a slow consumer: the
  // zlib error used to destroy the streams with inflated lines still queued in them, so how
  // many lines were kept depended on timing (a busy stdout lost ~150 of 1,476).
  it('keeps every whole line however slow the consumer, drops the cut-off last one, and says where it stopped', async () => {
    const lines = Array.from({ length: 3000 }, (_, i) => `Nov 20 06:25:01 gw kernel: [UFW BLOCK] IN=eth0 OUT= SRC=203.0.113.7 DST=192.168.1.10 LEN=44 TTL=51 ID=${i} PROTO=TCP SPT=40000 DPT=${(i % 900) + 1} WINDOW=1024 RES=0x00 SYN URGP=0`);
    const gz = gzipSync(lines.join('\n') + '\n');
    const file = join(tempDir(), 'kern.log.gz');
    writeFileSync(file, gz.subarray(0, gz.length >> 1));
    // What gzip -dc gets out of it: whole lines only.
    const whole = (await unpack(gz.subarray(0, gz.length >> 1))).out.toString().split('\n').length - 1;
    expect(whole).toBeGreaterThan(1000);
    for (const slow of [false, true]) {
      let events = 0;
      const [s] = await readInputs([file], {
        inputFormat: null,
        year: null,
        tz: null,
        onEvent: () => void events++,
        afterChunk: slow ? () => new Promise((r) => setTimeout(r, 5)) : undefined,
      });
      expect(events, slow ? 'slow' : 'fast').toBe(whole);
      expect(s!.lines).toBe(whole);
      expect(s!.malformed).toBe(0);
      expect(s!.error).toBe(`gzip data is truncated or corrupt after line ${whole} (unexpected end of file)`);
      expect(s!.incomplete).toBe(true);
    }
  });
});

describe('the reader with junk after the gzip data', () => {
  it('every line is read; the input names what was ignored (exit 3 then)', async () => {
    const lines = Array.from({ length: 700 }, (_, i) => `Nov 20 06:25:01 gw kernel: [UFW BLOCK] IN=eth0 OUT= SRC=203.0.113.7 DST=192.168.1.10 LEN=44 TTL=51 ID=1 PROTO=TCP SPT=40000 DPT=${i + 1} WINDOW=1024 RES=0x00 SYN URGP=0`);
    const file = join(tempDir(), 'kern.log.gz');
    writeFileSync(file, Buffer.concat([gzipSync(lines.join('\n') + '\n'), Buffer.from('garbage')]));
    let events = 0;
    const [s] = await readInputs([file], { inputFormat: null, year: null, tz: null, onEvent: () => void events++ });
    expect(events).toBe(700);
    expect(s!.lines).toBe(700);
    expect(s!.error).toBe('7 bytes after the end of the gzip data are not gzip and were ignored (every line before them was read)');
    expect(s!.incomplete).toBe(true);
  });
});

describe('the reader with corrupt gzip data', () => {
  // A copy damaged in the middle of a member: zlib stops with "invalid …". That error used
  // to destroy the streams with lines still queued, as a truncation did: a consumer 5 ms
  // slow per chunk kept 5,102 of these 5,884 lines.
  it('keeps the lines inflated before the damage however slow the consumer, and says where it stopped', async () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => `Nov 20 06:25:01 gw kernel: [UFW BLOCK] IN=eth0 OUT= SRC=203.0.113.${i % 250} DST=192.168.1.10 LEN=44 TTL=51 ID=${i} PROTO=TCP SPT=${i} DPT=${(i % 900) + 1} WINDOW=1024 RES=0x00 SYN URGP=0`);
    // Level 0: stored blocks, [header byte, LEN, NLEN = ~LEN, LEN bytes]; a wrong NLEN in
    // block 31 is damage zlib cannot inflate past.
    const data = Buffer.from(lines.join('\n') + '\n');
    const gz = Buffer.from(gzipSync(data, { level: 0 }));
    let at = 10;
    let before = 0;
    for (let block = 0; block < 30; block++) {
      const len = gz.readUInt16LE(at + 1);
      expect(gz.readUInt16LE(at + 3)).toBe(~len & 0xffff);
      before += len;
      at += 5 + len;
    }
    gz[at + 3] ^= 0xff;
    const file = join(tempDir(), 'kern.log.gz');
    writeFileSync(file, gz);
    const got = await unpack(gz);
    expect(got.error).toBe('invalid stored block lengths');
    // zlib drops the output piece (64 KiB at most) it was filling when it failed; gzip -dc
    // loses up to its 32 KiB window the same way. The rest before the damage is all there.
    expect(got.out.equals(data.subarray(0, got.out.length))).toBe(true);
    expect(got.out.length).toBeGreaterThanOrEqual(before - 64 * 1024);
    const whole = got.out.toString().split('\n').length - 1;
    expect(whole).toBeGreaterThan(5000);
    for (const slow of [0, 1, 5]) {
      const seen: number[] = [];
      const [s] = await readInputs([file], {
        inputFormat: null,
        year: null,
        tz: null,
        onEvent: (e) => void seen.push(e.src.port!),
        afterChunk: slow > 0 ? () => new Promise((r) => setTimeout(r, slow)) : undefined,
      });
      // Every line before the damage, in order, and nothing made up from the garbage.
      expect(seen.length, `${slow} ms`).toBe(whole);
      expect(seen.every((port, i) => port === i)).toBe(true);
      expect(s!.error).toBe(`gzip data is truncated or corrupt after line ${whole} (invalid stored block lengths)`);
      expect(s!.incomplete).toBe(true);
    }
  });
});
