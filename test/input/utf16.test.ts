// UTF-16 with a byte-order mark decoded as it streams (src/input/utf16.ts): the same text
// however the bytes are cut, both byte orders, characters outside the BMP included.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maybeBomPrefix, utf16Bom, utf16NewlineEnd, Utf16ToUtf8, type Utf16Order } from '../../src/input/utf16.js';

function encode(text: string, order: Utf16Order): Buffer {
  const le = Buffer.from(`\ufeff${text}`, 'utf16le');
  return order === 'le' ? le : Buffer.from(le).swap16();
}

function decode(bytes: Buffer, order: Utf16Order, cuts: number[]): string {
  const d = new Utf16ToUtf8(order);
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Buffer[] = [];
  let prev = 0;
  for (const p of [...points, bytes.length]) {
    out.push(d.write(bytes.subarray(prev, p)));
    prev = p;
  }
  out.push(d.end());
  return Buffer.concat(out).toString('utf8');
}

describe('UTF-16 byte-order marks', () => {
  it('FF FE is little-endian, FE FF big-endian; FF FE 00 00 is UTF-32LE, not UTF-16; anything else none', () => {
    expect(utf16Bom(Buffer.from([0xff, 0xfe, 0x23, 0x00]))).toBe('le');
    expect(utf16Bom(Buffer.from([0xfe, 0xff, 0x00, 0x23]))).toBe('be');
    expect(utf16Bom(Buffer.from([0xff, 0xfe, 0x00, 0x00]))).toBeNull();
    expect(utf16Bom(Buffer.from([0xef, 0xbb, 0xbf, 0x23]))).toBeNull();
    expect(utf16Bom(Buffer.from('#Version: 1.5'))).toBeNull();
  });

  it('fewer than four bytes starting FF or FE may still be one', () => {
    expect([[0xff], [0xff, 0xfe], [0xfe, 0xff, 0x00]].map((b) => maybeBomPrefix(Buffer.from(b)))).toEqual([true, true, true]);
    expect([[], [0x23], [0xff, 0xfe, 0x23, 0x00]].map((b) => maybeBomPrefix(Buffer.from(b)))).toEqual([false, false, false]);
  });
});

describe('Utf16ToUtf8', () => {
  const text = fc.array(fc.constantFrom('#Fields: date', ' ', '\r\n', 'é', '中', '😀', 'a', '\u0000'), { maxLength: 40 }).map((p) => p.join(''));

  it('gives the text without its mark, in either byte order, however the bytes are cut', () => {
    fc.assert(
      fc.property(text, fc.constantFrom<Utf16Order>('le', 'be'), fc.array(fc.nat(), { maxLength: 12 }), (t, order, cuts) => {
        expect(decode(encode(t, order), order, cuts)).toBe(t);
      }),
      { numRuns: 500 },
    );
  });

  it('byte by byte too (a character and a surrogate pair cut at every byte)', () => {
    for (const order of ['le', 'be'] as const) {
      const bytes = encode('x😀y\r\n', order);
      expect(decode(bytes, order, Array.from({ length: bytes.length }, (_, i) => i))).toBe('x😀y\r\n');
    }
  });

  it('does not change the bytes it is given (big-endian is swapped in a copy)', () => {
    const bytes = encode('abc', 'be');
    const copy = Buffer.from(bytes);
    new Utf16ToUtf8('be').write(bytes);
    expect(bytes).toEqual(copy);
  });
});

describe('utf16NewlineEnd (follow: where a growing UTF-16 file was read to a whole line)', () => {
  it('is just after the last newline code unit, however the file was cut into reads, and never inside a unit', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', '\n', '\u0a0a', '\u0a00', '\u000a', 'é'), { maxLength: 30 }), fc.constantFrom<Utf16Order>('le', 'be'), fc.nat(), (parts, order, cut) => {
        const file = encode(`\ufeff${parts.join('')}`, order);
        // The answer for the whole file, found by code units.
        let want = -1;
        for (let u = 0; u + 1 < file.length; u += 2) if ((order === 'le' ? file.readUInt16LE(u) : file.readUInt16BE(u)) === 10) want = u + 2;
        const at = cut % (file.length + 1);
        const tail = file.subarray(at);
        const inTail = want > at ? want : -1;
        expect(utf16NewlineEnd(tail, at, order, at > 0 ? file[at - 1]! : -1)).toBe(inTail);
      }),
      { numRuns: 500 },
    );
  });
});
