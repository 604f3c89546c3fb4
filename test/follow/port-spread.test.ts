import { describe, expect, it } from 'vitest';
import { PortSpread } from '../../src/live/port-spread.js';

describe('follow: PortSpread (distinct ports of a folding window)', () => {
  it('counts port/protocol pairs exactly, below and past the switch to bitmaps, and names a lone port', () => {
    const s = new PortSpread();
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
});
