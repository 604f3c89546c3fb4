// The Windows Firewall parser reads columns in place; they must be split(' ')'s columns.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Columns } from '../../src/parsers/windows-firewall.js';

// Spaces (also doubled), '-', digits and letters: empty columns, numbers and words.
const line = fc.string({ unit: fc.constantFrom(' ', ' ', '-', '0', '7', '9', 'A', 'x', '端'), maxLength: 60 });

/** What the parser used to do with split(' ') columns. */
function reference(v: string, max: number): number | 'NONE' | 'BAD' {
  if (v === '-') return 'NONE';
  if (!/^\d{1,10}$/.test(v)) return 'BAD';
  return Number(v) <= max ? Number(v) : 'BAD';
}

describe('Columns', () => {
  it('has the columns, texts and numbers of split(" ")', () => {
    fc.assert(
      fc.property(line, fc.constantFrom(255, 65535, 4294967295), (s, max) => {
        const c = new Columns();
        c.read('x y z'); // state from an earlier line must not leak
        c.read(s);
        const f = s.split(' ');
        expect(c.count).toBe(f.length);
        f.forEach((v, i) => {
          expect(c.at(i)).toBe(v);
          expect(c.is(i, v)).toBe(true);
          expect(c.is(i, `${v}x`)).toBe(false);
          const n = c.uint(i, max);
          expect(n === -1 ? 'NONE' : n === -2 ? 'BAD' : n).toBe(reference(v, max));
        });
      }),
    );
  });

  it('reads 10-digit numbers up to 2^32 - 1 and no further', () => {
    const c = new Columns();
    c.read('4294967295 4294967296 00000000001 -');
    expect([0, 1, 2, 3, -1].map((i) => c.uint(i, 4294967295))).toEqual([4294967295, -2, -2, -1, -1]);
  });
});
