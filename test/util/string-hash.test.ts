// The hash behind the ports tables' distinct-source counts and the repeated-records sample:
// pinned to FNV-1a's published 32-bit test vectors, so a change to it is seen here and
// not as counts that drift by a few.
import { describe, expect, it } from 'vitest';
import { stringHash } from '../../src/util/string-hash.js';

describe('stringHash', () => {
  it('is FNV-1a over UTF-16 code units (its 32 bits: callers take them with | 0 or >>> 0)', () => {
    const h = (s: string): number => stringHash(s) >>> 0;
    expect(h('')).toBe(0x811c9dc5);
    expect(h('a')).toBe(0xe40c292c);
    expect(h('foobar')).toBe(0xbf9cf968);
    // One code unit of 0xe9, not the two bytes of its UTF-8.
    expect(h('\u00e9')).toBe(Math.imul(0x811c9dc5 ^ 0xe9, 0x01000193) >>> 0);
  });
});
