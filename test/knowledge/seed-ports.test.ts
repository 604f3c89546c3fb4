// Every port and range the seed documents name must resolve to knowledge: the list in
// test/data/seed-ports.tsv was made by reading the documents (see its header).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.js';
import type { PortProtocol } from '../../src/knowledge/types.js';

interface Row {
  from: number;
  to: number;
  protocols: PortProtocol[];
  kind: 'dst' | 'src' | 'class';
  seed: string;
  raw: string;
}

const rows: Row[] = readFileSync(new URL('../data/seed-ports.tsv', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l !== '' && !l.startsWith('#') && !l.startsWith('port\t'))
  .map((raw) => {
    const [port, proto, kind, seed] = raw.split('\t');
    const [from, to = from] = port.split('-').map(Number);
    return { from, to, protocols: proto === 'any' ? ['tcp', 'udp'] : [proto as PortProtocol], kind: kind as Row['kind'], seed, raw };
  });

const kb = loadKnowledge();
const label = (r: Row): string => `${r.from === r.to ? r.from : `${r.from}-${r.to}`}/${r.protocols.join('|')} (${r.kind}, ${r.seed})`;

describe('seed port coverage', () => {
  it('the list is substantial and names real seed files', () => {
    expect(rows.length).toBeGreaterThan(350);
    const seeds = new Set(rows.map((r) => r.seed));
    expect([...seeds].sort()).toEqual([
      '000_69f25b3ba68c6835.txt',
      '001_7d98c858555b99b3.txt',
      '002_7fc6dc8747eb060f.txt',
      '003_c36505c8bf011369.txt',
      '004_ba22a00f3d861657.txt',
    ]);
  });

  it('every row is of a kind checked below, and each kind keeps the rows it had (an it.each over none would pass)', () => {
    expect(rows.filter((r) => !['dst', 'src', 'class'].includes(r.kind)).map((r) => r.raw)).toEqual([]);
    const count = (kind: Row['kind']): number => rows.filter((r) => r.kind === kind).length;
    expect(count('dst')).toBeGreaterThanOrEqual(375);
    expect(count('src')).toBeGreaterThanOrEqual(9);
    expect(count('class')).toBeGreaterThanOrEqual(19);
  });

  it.each(rows.filter((r) => r.kind === 'dst').map((r) => [label(r), r] as const))('%s has a destination meaning', (_, r) => {
    if (r.from === r.to) {
      // Through the index, the way the annotator asks.
      expect(r.protocols.some((p) => kb.lookup(p, r.from).length > 0)).toBe(true);
    } else {
      // A range must be covered by one entry, not pieced together from neighbours.
      expect(kb.entries.some((e) => e.from <= r.from && e.to >= r.to && e.protocols.some((p) => r.protocols.includes(p)))).toBe(true);
    }
  });

  it.each(rows.filter((r) => r.kind === 'src').map((r) => [label(r), r] as const))('%s has a source-port meaning', (_, r) => {
    for (const port of [r.from, r.to]) {
      expect(r.protocols.some((p) => kb.lookupSource(p, port).length > 0)).toBe(true);
    }
    expect(kb.sourceEntries.some((e) => e.from <= r.from && e.to >= r.to)).toBe(true);
  });

  it.each(rows.filter((r) => r.kind === 'class').map((r) => [label(r), r] as const))('%s is a class boundary or caveat', (_, r) => {
    for (const n of [r.from, r.to]) {
      expect(kb.portClasses.some((c) => c.from === n || c.to === n || c.text.en.includes(String(n)))).toBe(true);
    }
  });
});

describe('one trojan, one family', () => {
  // Seed 000 calls 26274/47262 "Delta" and 6883 "DeltaSource": the same backdoor, and the
  // ranking groups trojan probes by family, so the three ports must share one (6883 is
  // BitTorrent's first).
  it('DeltaSource on 6883, 26274 and 47262', () => {
    const families = [6883, 26274, 47262].map((p) => kb.lookup('tcp', p).find((e) => e.category === 'trojan')?.family?.en);
    expect(families).toEqual(['DeltaSource', 'DeltaSource', 'DeltaSource']);
  });
});
