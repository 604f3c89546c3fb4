import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { topN } from '../../src/aggregate/top-n.js';

describe('topN', () => {
  it('equals a stable sort and slice, ties in input order', () => {
    // Few distinct counts force ties; the id shows whether equal items kept their order.
    const item = fc.record({ count: fc.integer({ min: 0, max: 4 }), id: fc.integer() });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 200 }), fc.integer({ min: 0, max: 30 }), (items, n) => {
        const cmp = (a: { count: number }, b: { count: number }) => b.count - a.count;
        expect(topN(items, n, cmp)).toEqual([...items].sort(cmp).slice(0, n));
      }),
    );
  });

  it('reads a one-pass iterable once', () => {
    function* counts() {
      yield* [3, 1, 4, 1, 5, 9, 2, 6];
    }
    expect(topN(counts(), 3, (a, b) => b - a)).toEqual([9, 6, 5]);
  });
});
