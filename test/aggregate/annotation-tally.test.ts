// A profile's per-annotation packets and highest severity, in one small structure.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AnnotationTally } from '../../src/aggregate/annotation-tally.js';

describe('AnnotationTally', () => {
  it('sums packets and keeps the highest severity per id, in first-seen order', () => {
    const t = new AnnotationTally();
    t.add('trojan', 2, 4);
    t.add('port-known', 1, 2);
    t.add('trojan', 3, 1);
    t.add('port-known', 1, 3);
    expect(t.size).toBe(2);
    expect([...t]).toEqual([['trojan', 5], ['port-known', 2]]);
    expect([...t.severityEntries()]).toEqual([['trojan', 4], ['port-known', 3]]);
    expect([...t.keys()]).toEqual(['trojan', 'port-known']);
    expect(t.get('trojan')).toBe(5);
    expect(t.severity('port-known')).toBe(3);
    expect(t.has('traceroute')).toBe(false);
    expect(t.get('traceroute')).toBeUndefined();
    expect(t.severity('traceroute')).toBeUndefined();
  });

  it('agrees with two Maps for any sequence of adds', () => {
    const id = fc.constantFrom('a', 'b', 'c', 'port-known', 'trojan', 'x'.repeat(20));
    fc.assert(
      fc.property(fc.array(fc.tuple(id, fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 0, max: 5 }))), (adds) => {
        const t = new AnnotationTally();
        const packets = new Map<string, number>();
        const sev = new Map<string, number>();
        for (const [k, n, s] of adds) {
          t.add(k, n, s);
          packets.set(k, (packets.get(k) ?? 0) + n);
          sev.set(k, Math.max(s, sev.get(k) ?? 0));
        }
        expect([...t]).toEqual([...packets]);
        expect([...t.severityEntries()]).toEqual([...sev]);
      }),
    );
  });

  it('a new tally shares nothing with another (the empty arrays are never written)', () => {
    const a = new AnnotationTally();
    const b = new AnnotationTally();
    a.add('x', 1, 1);
    expect(b.size).toBe(0);
    expect([...b]).toEqual([]);
  });
});
