// The compact collections behind source profiles must behave exactly like Set/Map
// (within their cap), on both sides of the small-array -> typed-array upgrade.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ADDED, COUNTED, FULL, HostSet, IntCounter, IntSet, OverflowPortTally, PortTally } from '../../src/aggregate/int-collections.js';

// Small ranges force repeats; the u32 range reaches addresses above 2^31.
const key = fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 0xffffffff }));

describe('IntSet', () => {
  it('matches a Set: add result, size, membership, members', () => {
    fc.assert(
      fc.property(fc.array(key, { maxLength: 300 }), (xs) => {
        const s = new IntSet();
        const model = new Set<number>();
        for (const x of xs) {
          expect(s.add(x)).toBe(!model.has(x));
          model.add(x);
          expect(s.size).toBe(model.size);
        }
        for (const x of xs) expect(s.has(x)).toBe(true);
        expect(s.has(0xffffffff)).toBe(model.has(0xffffffff));
        expect([...s].sort((a, b) => a - b)).toEqual([...model].sort((a, b) => a - b));
      }),
    );
  });

  it('with a cap: adds only while fewer than cap members are held', () => {
    fc.assert(
      // At least 50 adds: past the small form (8 members) and past most caps.
      fc.property(fc.array(key, { minLength: 50, maxLength: 300 }), fc.integer({ min: 0, max: 40 }), (xs, cap) => {
        const s = new IntSet();
        const model = new Set<number>();
        for (const x of xs) {
          const added = !model.has(x) && model.size < cap;
          expect(s.add(x, cap)).toBe(added);
          if (added) model.add(x);
        }
        expect([...s].sort((a, b) => a - b)).toEqual([...model].sort((a, b) => a - b));
      }),
    );
  });

  it('keeps members above 2^31 exact (no sign or rounding loss), in ascending order', () => {
    const s = new IntSet();
    for (let i = 0; i < 20; i++) s.add(i);
    for (const b of [0xffffffff, 0xc0a80101, 0x80000000, 0xc0a80101]) s.add(b);
    expect(s.size).toBe(23);
    expect(s.has(0xc0a80101)).toBe(true);
    expect(s.has(0x7fffffff)).toBe(false);
    expect([...s].slice(-3)).toEqual([0x80000000, 0xc0a80101, 0xffffffff]);
  });
});

describe('IntCounter', () => {
  it('matches a capped Map: counts, size, entries', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(key, fc.integer({ min: 1, max: 1000 })), { maxLength: 300 }), fc.integer({ min: 1, max: 64 }), (adds, cap) => {
        const c = new IntCounter();
        const model = new Map<number, number>();
        for (const [k, n] of adds) {
          const cur = model.get(k);
          expect(c.add(k, n, cap)).toBe(cur !== undefined ? COUNTED : model.size < cap ? ADDED : FULL);
          if (cur !== undefined) model.set(k, cur + n);
          else if (model.size < cap) model.set(k, n);
        }
        expect(c.size).toBe(model.size);
        for (const [k, n] of model) expect(c.get(k)).toBe(n);
        const sorted = (xs: Iterable<[number, number]>) => [...xs].sort((a, b) => a[0] - b[0]);
        expect(sorted(c)).toEqual(sorted(model));
      }),
    );
  });

  it('answers undefined for a key never counted', () => {
    const c = new IntCounter();
    for (let i = 0; i < 30; i++) c.add(i * 2, 1, 100);
    expect(c.get(3)).toBeUndefined();
    expect(c.get(58)).toBe(1);
  });
});

describe('PortTally', () => {
  // What it replaced: a Set of the first `cap` distinct keys beside a Map counting the first `countCap`.
  const model = (adds: [number, number][], cap: number, countCap: number) => {
    const keys = new Set<number>();
    const counts = new Map<number, number>();
    for (const [k, n] of adds) {
      if (!keys.has(k) && keys.size < cap) keys.add(k);
      const cur = counts.get(k);
      if (cur !== undefined) counts.set(k, cur + n);
      else if (counts.size < Math.min(cap, countCap)) counts.set(k, n);
    }
    return { keys, counts };
  };
  const sortedKeys = (xs: Iterable<number>) => [...xs].sort((a, b) => a - b);
  const sortedCounts = (xs: Iterable<[number, number]>) => [...xs].sort((a, b) => a[0] - b[0]);

  it('holds the first cap distinct keys and counts the first countCap, like a set beside a counter', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(key, fc.integer({ min: 1, max: 1000 })), { maxLength: 300 }),
        fc.integer({ min: 1, max: 80 }),
        fc.integer({ min: 1, max: 40 }),
        (adds, cap, countCap) => {
          const t = new PortTally();
          const seen = new Set<number>();
          for (const [k, n] of adds) {
            expect(t.add(k, n, cap, countCap)).toBe(!seen.has(k) && seen.size < cap);
            if (seen.size < cap) seen.add(k);
          }
          const m = model(adds, cap, countCap);
          expect(t.size).toBe(m.keys.size);
          expect(sortedKeys(t.keys())).toEqual(sortedKeys(m.keys));
          expect(sortedCounts(t.counts())).toEqual(sortedCounts(m.counts));
          // Busiest first, ties by key; in both the small and the typed-array form.
          const busiest = [...m.counts].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
          for (const n of [0, 1, 2, 5, 50]) expect(t.top(n)).toEqual(busiest.slice(0, n));
        },
      ),
    );
  });

  it('merged as the profile merges (counted keys, then all keys with no packets): every key once, counts never lost while there is room', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(key, fc.integer({ min: 1, max: 9 })), { maxLength: 200 }), fc.array(fc.tuple(key, fc.integer({ min: 1, max: 9 })), { maxLength: 200 }), (a, b) => {
        const cap = 60;
        const countCap = 20;
        const ta = new PortTally();
        const tb = new PortTally();
        for (const [k, n] of a) ta.add(k, n, cap, countCap);
        for (const [k, n] of b) tb.add(k, n, cap, countCap);
        for (const [k, n] of tb.counts()) ta.add(k, n, cap, countCap);
        for (const k of tb.keys()) ta.add(k, 0, cap, countCap);
        const keys = sortedKeys(ta.keys());
        expect(new Set(keys).size).toBe(keys.length);
        expect(ta.size).toBe(Math.min(cap, new Set([...a, ...b].map(([k]) => k)).size));
        // Packets of a key counted on both sides add up while it is counted in the result.
        const ca = new Map(model(a, cap, countCap).counts);
        const cb = new Map(model(b, cap, countCap).counts);
        for (const [k, n] of ta.counts()) expect(n).toBe((ca.get(k) ?? 0) + (cb.get(k) ?? 0));
        // The keys the merge added with no packets are never among the busiest.
        const withPackets = [...ta.counts()].sort((x, y) => y[1] - x[1] || x[0] - y[0]);
        for (const n of [1, 3, 40]) expect(ta.top(n)).toEqual(withPackets.slice(0, n));
      }),
    );
  });
});

describe('HostSet', () => {
  it('counts IPv4 numbers and IPv6 strings together, each once', () => {
    const h = new HostSet();
    expect(h.add(0xc0a80101)).toBe(true);
    expect(h.add(0xc0a80101)).toBe(false);
    expect(h.add('2001:db8::1')).toBe(true);
    expect(h.add('2001:db8::1')).toBe(false);
    expect(h.size).toBe(2);
    expect([...h]).toEqual([0xc0a80101, '2001:db8::1']);
  });
});

describe('HostSet with a cap', () => {
  it('holds at most cap hosts, IPv4 and IPv6 together', () => {
    const host = fc.oneof(key, fc.constantFrom('2001:db8::1', '2001:db8::2', 'fe80::1'));
    fc.assert(
      fc.property(fc.array(host, { minLength: 40, maxLength: 200 }), fc.integer({ min: 0, max: 30 }), (hs, cap) => {
        const h = new HostSet();
        const model = new Set<number | string>();
        for (const x of hs) {
          const added = !model.has(x) && model.size < cap;
          expect(h.add(x, cap)).toBe(added);
          if (added) model.add(x);
          expect(h.size).toBe(model.size);
        }
        // Past 8 IPv4 members the numbers move to a sorted typed array: membership and iteration hold across it.
        expect(new Set(h)).toEqual(model);
        for (const x of hs) expect(h.has(x)).toBe(model.has(x));
      }),
    );
  });
});

describe('OverflowPortTally', () => {
  it('past its cap, every key it sees below keySpace is among keys() or beyondKeys(), never both; keys() stays as a PortTally keeps it', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 999 }), { maxLength: 400 }), fc.integer({ min: 1, max: 60 }), (adds, cap) => {
        const t = new OverflowPortTally(1000);
        const plain = new PortTally();
        for (const k of adds) {
          t.add(k, 1, cap, 10);
          plain.add(k, 1, cap, 10);
        }
        const kept = [...t.keys()];
        expect(kept.sort((a, b) => a - b)).toEqual([...plain.keys()].sort((a, b) => a - b));
        const beyond = [...t.beyondKeys()];
        expect(beyond.filter((k) => kept.includes(k))).toEqual([]);
        expect(new Set([...kept, ...beyond])).toEqual(new Set(adds));
      }),
    );
  });

  it('holds one bit a key: 6,000 keys past a cap of 4,096 add 16 KiB, once, and keys outside keySpace are dropped as before', () => {
    const t = new OverflowPortTally(131_072);
    for (let k = 0; k < 10_096; k++) t.add(k, 1, 4096, 256);
    expect(t.size).toBe(4096);
    expect([...t.beyondKeys()]).toHaveLength(6000);
    // The only state past the PortTally's: the bitmap (private; read to count its bytes).
    expect((t as unknown as { beyond: Uint8Array }).beyond.byteLength).toBe(16_384);
    t.add(200_000, 1, 4096, 256);
    expect([...t.beyondKeys()]).toHaveLength(6000);
  });
});
