// The set of 32-bit hashes behind the ports tables' distinct-source counts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HashSet, mixHash } from '../../src/aggregate/hash-set.js';
import { stringHash } from '../../src/util/string-hash.js';

describe('HashSet', () => {
  it('says whether a hash is new, through growth, and counts what it holds (0 included)', () => {
    const s = new HashSet(4, 1 << 16);
    expect(s.add(7)).toBe(true);
    expect(s.add(7)).toBe(false);
    for (let i = 0; i < 5000; i++) s.add(mixHash(1, i));
    expect(s.size).toBe(5001);
    for (let i = 0; i < 5000; i++) expect(s.add(mixHash(1, i))).toBe(false);
    expect(s.saturated).toBe(false);
  });

  it('agrees with a Set on any sequence of integers', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), { maxLength: 300 }), (xs) => {
        const s = new HashSet(2, 1 << 12);
        const ref = new Set<number>();
        for (const x of xs) {
          // 0 and 1 share a slot value (0 marks an empty slot).
          const key = (x | 0) === 0 ? 1 : x | 0;
          expect(s.add(x)).toBe(!ref.has(key));
          ref.add(key);
        }
        expect(s.size).toBe(ref.size);
      }),
    );
  });

  it('stops at its largest size: new hashes are refused and it says so; known ones are still known', () => {
    const s = new HashSet(4, 16);
    let added = 0;
    for (let i = 1; i <= 100; i++) if (s.add(mixHash(9, i))) added++;
    expect(added).toBe(12);
    expect(s.saturated).toBe(true);
    expect(s.add(mixHash(9, 1))).toBe(false);
  });
});

describe('hashes', () => {
  it('differ for different sources and ports', () => {
    const seen = new Set<number>();
    for (const ip of ['203.0.113.1', '203.0.113.2', '2001:db8::1']) for (let port = 0; port < 2000; port++) seen.add(mixHash(stringHash(ip), port));
    expect(seen.size).toBe(6000);
  });
});
