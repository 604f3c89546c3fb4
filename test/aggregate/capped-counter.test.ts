import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CappedCounter } from '../../src/aggregate/capped-counter.js';

const op = fc.tuple(fc.constantFrom('a', 'b', 'c', 'tcp', 'udp', 'drop', 'x'.repeat(20)), fc.integer({ min: 1, max: 5 }));

describe('CappedCounter', () => {
  it('counts exactly like a Map while under the cap, whatever the order of keys', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 200 }), (ops) => {
        const c = new CappedCounter<string>(100);
        const model = new Map<string, number>();
        for (const [k, n] of ops) {
          // A fresh copy of the key: equal content, different string object.
          c.add(k.split('').join(''), n);
          model.set(k, (model.get(k) ?? 0) + n);
          // Reading in the middle of a run of one key sees the run, and the run goes on counting.
          if (n === 3) expect(c.get(k)).toBe(model.get(k));
        }
        expect(c.size).toBe(model.size);
        for (const [k, n] of model) expect(c.get(k)).toBe(n);
        expect(new Map(c.entries())).toEqual(model);
        expect(c.dropped).toBe(0);
      }),
    );
  });

  it('keeps the heavy hitters and accounts for every dropped count when it prunes', () => {
    const c = new CappedCounter<string>(5);
    c.add('heavy', 100);
    c.add('busy', 50);
    c.add('r1');
    c.add('r2');
    c.add('r3');
    c.add('r4'); // full: the rare ones (r1-r3) go before r4 is counted
    c.add('r4', 2); // the cached last key must still count after a prune
    expect(c.get('heavy')).toBe(100);
    expect(c.get('busy')).toBe(50);
    expect(c.get('r4')).toBe(3);
    expect(c.get('r1') + c.get('r2') + c.get('r3')).toBe(0);
    expect(c.dropped).toBe(3);
    const total = [...c.entries()].reduce((s, [, n]) => s + n, 0) + c.dropped;
    expect(total).toBe(100 + 50 + 1 + 1 + 1 + 3);
  });

  it('drops only half when every count is equal (the oldest keys), not everything', () => {
    const c = new CappedCounter<string>(4);
    for (const k of ['a', 'b', 'c', 'd', 'e']) c.add(k);
    expect([...c.entries()].map(([k]) => k)).toEqual(['c', 'd', 'e']);
    expect(c.dropped).toBe(2);
    expect(c.saturated).toBe(true);
    expect(c.distinct).toBe(4); // at least the cap, not the 3 it still holds
  });

  it('keeps, prunes and orders exactly as a Map of counts pruned at each new key, with keys coming back after a prune', () => {
    // The model: every add a Map get and set, the rarer half (stable, oldest first) dropped
    // when a new key finds the Map full. The counter keeps its counts in slots that pruned
    // keys give back, and remembers its last two keys: neither may show.
    const key = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h');
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.array(fc.tuple(key, fc.integer({ min: 0, max: 4 })), { maxLength: 120 }), (cap, ops) => {
        const c = new CappedCounter<string>(cap);
        const model = new Map<string, number>();
        let dropped = 0;
        for (const [k, n] of ops) {
          c.add(k.split('').join(''), n);
          if (!model.has(k) && model.size >= cap) {
            const rarest = [...model].sort((x, y) => x[1] - y[1]);
            for (let i = 0; i < Math.ceil(rarest.length / 2); i++) {
              dropped += rarest[i]![1];
              model.delete(rarest[i]![0]);
            }
          }
          model.set(k, (model.get(k) ?? 0) + n);
        }
        expect([...c.entries()]).toEqual([...model]);
        expect(c.dropped).toBe(dropped);
        expect(c.size).toBe(model.size);
        for (const k of ['a', 'b', 'h']) expect(c.get(k)).toBe(model.get(k) ?? 0);
      }),
    );
  });

  it('counts two keys in turns, and a third between them, into the right keys', () => {
    const c = new CappedCounter<string>();
    for (const k of ['drop', 'allow', 'drop', 'allow', 'reject', 'drop', 'allow', 'allow']) c.add(k);
    expect(c.top(3)).toEqual([['allow', 4], ['drop', 3], ['reject', 1]]);
  });

  it('ranks by count, ties by key', () => {
    const c = new CappedCounter<string>();
    for (const k of ['b', 'a', 'c', 'c']) c.add(k);
    expect(c.top(3)).toEqual([['c', 2], ['a', 1], ['b', 1]]);
  });
});
