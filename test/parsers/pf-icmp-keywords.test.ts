// signatures/pf-icmp-keywords.json: pf.conf's ICMP keywords, as OPNsense's filterlog writes them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pfIcmpKeywords } from '../../src/parsers/pf-icmp-keywords.js';

type Family = { types: Record<string, number>; codes: Record<string, number> };
const doc = JSON.parse(readFileSync(new URL('../../signatures/pf-icmp-keywords.json', import.meta.url), 'utf8')) as { source: string; url: string; icmp: Family; icmp6: Family };

describe('pf ICMP keywords', () => {
  it('names its source and gives one type number per keyword, none twice', () => {
    expect(doc.source).toMatch(/pf\.conf/);
    for (const f of [doc.icmp, doc.icmp6]) {
      const numbers = Object.values(f.types);
      expect(new Set(numbers).size).toBe(numbers.length);
      for (const n of [...numbers, ...Object.values(f.codes)]) expect(n >= 0 && n <= 255 && Number.isInteger(n)).toBe(true);
    }
  });

  it('loads every entry, ICMP and ICMPv6 apart', () => {
    const v4 = pfIcmpKeywords(false);
    const v6 = pfIcmpKeywords(true);
    expect(v4.types.size).toBe(Object.keys(doc.icmp.types).length);
    expect(v6.codes.size).toBe(Object.keys(doc.icmp6.codes).length);
    expect(v4.types.get('echoreq')).toBe(8);
    expect(v6.types.get('echoreq')).toBe(128);
    expect(v4.codes.get('port-unr')).toBe(3);
    expect(v6.codes.get('port-unr')).toBe(4);
  });
});
