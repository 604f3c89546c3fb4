// Inputs that carry the same records (kern.log and ufw.log; two copies of one log): a
// fixed sample of each record's own fields finds the overlap without remembering every record.
import { describe, expect, it } from 'vitest';
import { RepeatedRecords } from '../../src/input/repeated-records.js';
import type { FirewallEvent } from '../../src/event.js';
import { makeEvent } from '../helpers/events.js';

const T0 = Date.parse('2026-11-20T06:00:00Z');
/** Record i: a distinct packet (its own second, source and port). */
function record(i: number, file: string): FirewallEvent {
  return makeEvent({ time: new Date(T0 + i * 1000), src: { ip: `203.0.${(i >> 8) & 255}.${i & 255}`, port: 40000 + (i % 20000) }, dst: { port: 1 + (i % 1000) }, origin: { file, line: i + 1 } });
}

function run(files: Record<string, number[]>): ReturnType<RepeatedRecords['result']> {
  const r = new RepeatedRecords();
  for (const [file, ids] of Object.entries(files)) for (const i of ids) r.see(record(i, file));
  return r.result();
}

const range = (from: number, to: number): number[] => Array.from({ length: to - from }, (_, k) => from + k);

describe('records read from two inputs', () => {
  it('a copy, and a file whose records are all in a bigger one (ufw.log in kern.log), name the smaller one', () => {
    expect(run({ 'a.log': range(0, 2000), 'b.log': range(0, 2000) })).toEqual([{ file: 'a.log', other: 'b.log', share: 1 }]);
    const [kern] = run({ 'kern.log': range(0, 5000), 'ufw.log': range(1000, 3000) });
    expect(kern).toEqual({ file: 'ufw.log', other: 'kern.log', share: 1 });
  });

  it('two copies of a log taken a day apart: the share is the overlap, within the sample\'s error', () => {
    const [r] = run({ 'monday.log': range(0, 4000), 'tuesday.log': range(1000, 5000) });
    expect(r!.file).toMatch(/day\.log$/);
    expect(r!.share).toBeGreaterThan(0.65);
    expect(r!.share).toBeLessThan(0.85); // 3,000 of 4,000
  });

  it('no overlap, a small one, or the same record twice in one file is nothing to say', () => {
    expect(run({ 'a.log': range(0, 3000), 'b.log': range(3000, 6000) })).toEqual([]);
    expect(run({ 'a.log': range(0, 3000), 'b.log': [...range(3000, 6000), ...range(0, 20)] })).toEqual([]); // ~20 shared: below the bar
    expect(run({ 'a.log': [...range(0, 3000), ...range(0, 3000)] })).toEqual([]);
    // Half of the smaller file is the bar.
    expect(run({ 'a.log': range(0, 4000), 'b.log': [...range(0, 1000), ...range(10_000, 13_000)] })).toEqual([]);
  });
});
