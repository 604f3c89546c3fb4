import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { counted, fmtInt, fmtPct, plural } from '../../src/util/number-text.js';

describe('fmtInt', () => {
  it('writes integers as toLocaleString("en-US") does', () => {
    fc.assert(
      fc.property(fc.oneof(fc.maxSafeInteger(), fc.integer({ min: -1e7, max: 1e7 })), (n) => {
        expect(fmtInt(n)).toBe(n.toLocaleString('en-US'));
      }),
    );
    expect(fmtInt(0)).toBe('0');
    expect(fmtInt(999)).toBe('999');
    expect(fmtInt(1000)).toBe('1,000');
    expect(fmtInt(-1234567)).toBe('-1,234,567');
  });

  it('falls back to toLocaleString beyond safe integers and for fractions', () => {
    expect(fmtInt(1.5)).toBe('1.5');
    expect(fmtInt(1234.5)).toBe('1,234.5');
    expect(fmtInt(2 ** 60)).toBe((2 ** 60).toLocaleString('en-US'));
  });
});

describe('fmtPct', () => {
  it('shows one decimal under 10%', () => {
    expect(fmtPct(0.25)).toBe('25%');
    expect(fmtPct(0.1)).toBe('10%');
    expect(fmtPct(0.0123)).toBe('1.2%');
    expect(fmtPct(0)).toBe('0.0%');
  });

  it('never calls a share that is not zero "0.0%", nor one short of all "100%"', () => {
    expect(fmtPct(2 / 30_000)).toBe('<0.1%');
    expect(fmtPct(0.0005)).toBe('0.1%');
    expect(fmtPct(29_999 / 30_000)).toBe('>99%');
    expect(fmtPct(0.994)).toBe('99%');
    expect(fmtPct(1)).toBe('100%');
  });
});

describe('plural / counted', () => {
  it('uses the singular for exactly one only', () => {
    expect(plural(1, 'source')).toBe('source');
    expect(plural(0, 'source')).toBe('sources');
    expect(plural(2, 'source')).toBe('sources');
    expect(plural(2, 'entry', 'entries')).toBe('entries');
    expect(counted(1, 'file')).toBe('1 file');
    expect(counted(0, 'file')).toBe('0 files');
    expect(counted(1234, 'packet')).toBe('1,234 packets');
  });
});
