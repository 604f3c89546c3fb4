// Rule labels per source: the first four distinct labels are kept with their packets,
// later ones are left out; splitting the input and merging gives the same rows.
import { describe, expect, it } from 'vitest';
import { Summarizer } from '../../src/aggregate/summary.js';
import { DEFAULT_THRESHOLDS } from '../../src/aggregate/thresholds.js';
import { at, makeEvent } from '../helpers/events.js';

const rules = ['[UFW BLOCK]', '[UFW AUDIT]', 'IN-DROP: ', 'fw-reject', 'late-one', 'later-two'];
// Packets 1..6 per label, each label logged twice; labels 5 and 6 arrive after the cap is full.
const events = rules.flatMap((rule, i) =>
  [0, 1].map((k) => makeEvent({ time: at(i * 10 + k), rule, count: i + 1, src: { ip: '203.0.113.9' }, dst: { port: 22 + i } })),
);

function rulesOf(parts: (typeof events)[]): Record<string, number> {
  const [first, ...rest] = parts.map((part) => {
    const s = new Summarizer(DEFAULT_THRESHOLDS);
    for (const e of part) s.add(e);
    return s;
  });
  for (const s of rest) first!.merge(s);
  const row = first!.result({ kb: null, lang: 'en' }).sources.find((r) => r.ip === '203.0.113.9');
  return row!.rules;
}

describe('per-source rule labels', () => {
  it('keeps the first four distinct labels with their summed packets', () => {
    expect(rulesOf([events])).toEqual({ 'fw-reject': 8, 'IN-DROP: ': 6, '[UFW AUDIT]': 4, '[UFW BLOCK]': 2 });
  });

  it('gives the same labels when the input is read in two parts and merged', () => {
    expect(rulesOf([events.slice(0, 5), events.slice(5)])).toEqual(rulesOf([events]));
  });
});
