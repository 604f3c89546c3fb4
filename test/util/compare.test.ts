import { describe, expect, it } from 'vitest';
import { CappedCounter } from '../../src/aggregate/capped-counter.js';
import { cmpName, cmpStr } from '../../src/util/compare.js';

describe('tie order', () => {
  it('cmpStr is code-unit order, whatever the locale', () => {
    expect(['b', 'ö', 'B', 'a', 'z', '2001:db8::1', '2001:db8:0::2'].sort(cmpStr)).toEqual(['2001:db8:0::2', '2001:db8::1', 'B', 'a', 'b', 'z', 'ö']);
  });

  it('cmpName is alphabetical without regard to case, still locale-free', () => {
    expect(['Sub-7', 'ncx99', 'Millennium', '冰河', 'Back Orifice', 'sub-7'].sort(cmpName)).toEqual(['Back Orifice', 'Millennium', 'ncx99', 'Sub-7', 'sub-7', '冰河']);
  });

  it('a counter breaks count ties by code units', () => {
    const c = new CappedCounter<string>(10);
    for (const k of ['b', 'ö', 'B', 'a', 'z']) c.add(k, 2);
    expect(c.top(5).map(([k]) => k)).toEqual(['B', 'a', 'b', 'z', 'ö']);
  });
});
