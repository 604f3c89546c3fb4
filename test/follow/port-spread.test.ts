import { describe, expect, it } from 'vitest';
import { PortSpread, SMALL } from '../../src/live/port-spread.js';
import { BitmapBudget, BITMAP_BYTES, FOLD_BITMAPS } from '../../src/live/bitmap-budget.js';

describe('follow: PortSpread (distinct ports of a folding window)', () => {
  it('counts port/protocol pairs exactly, below and past the switch to bitmaps, and names a lone port', () => {
    const s = new PortSpread(new BitmapBudget());
    expect(s.count).toBe(0);
    expect(s.only).toBeNull();
    s.add(22, 'tcp');
    s.add(22, 'tcp');
    expect(s.count).toBe(1);
    expect(s.only).toBe('22/tcp');
    s.add(22, 'udp');
    expect(s.count).toBe(2);
    expect(s.only).toBeNull();
    // Every port over TCP, twice: the TCP 22 already counted stays one.
    for (let round = 0; round < 2; round++) for (let p = 0; p < 65_536; p++) s.add(p, 'tcp');
    expect(s.count).toBe(65_536 + 1);
    s.add(22, 'udp');
    s.add(23, 'udp');
    expect(s.count).toBe(65_536 + 2);
    expect(s.only).toBeNull();
  });

  it('past the budget keeps its SMALL ports exact and is capped; given a bitmap, it is not', () => {
    const budget = new BitmapBudget(1);
    const a = new PortSpread(budget);
    const b = new PortSpread(budget);
    for (let p = 0; p < 500; p++) {
      a.add(p, 'tcp');
      b.add(p, 'tcp');
    }
    expect([a.count, a.capped]).toEqual([500, false]);
    expect([b.count, b.capped]).toEqual([SMALL, true]);
    // A port already in its set is no new port, capped or not.
    b.add(0, 'tcp');
    expect(b.count).toBe(SMALL);
    expect(budget.refused).toBeGreaterThan(0);
  });

  it('a released bitmap goes back zeroed and is the next one taken: no new allocation', () => {
    const budget = new BitmapBudget(1);
    const a = new PortSpread(budget);
    for (let p = 0; p < 65_536; p++) a.add(p, 'udp');
    expect(a.count).toBe(65_536);
    expect(budget.inUse).toBe(1);
    a.release();
    expect(budget.inUse).toBe(0);
    const b = new PortSpread(budget);
    for (let p = 0; p < 150; p++) b.add(p * 7, 'udp');
    // Exact: nothing left over from the first window's bits.
    expect([b.count, b.capped]).toEqual([150, false]);
    expect(budget.allocated).toBe(1);
  });

  it('the default budget is 1 MiB of bitmaps', () => {
    expect(FOLD_BITMAPS * BITMAP_BYTES).toBe(1 << 20);
  });
});
