// What a kept family's unread files held, as exact stretches of time: a duplicate family
// is read for those only (src/daily/fallback.ts).
import { describe, expect, it } from 'vitest';
import { FileSpans } from '../../src/daily/broken-inputs.js';
import { inStretches, unreadStretches } from '../../src/daily/fallback.js';
import type { InputStats } from '../../src/input/read.js';

const stat = (file: string, incomplete = false): InputStats => ({ file, format: null, formatBy: null, lines: 0, events: 0, skipped: 0, malformed: 0, error: incomplete ? 'broken' : null, incomplete });

function spans(records: Record<string, number[]>): FileSpans {
  const s = new FileSpans();
  for (const [file, times] of Object.entries(records)) for (const t of times) s.see(file, t);
  return s;
}

describe('unreadStretches', () => {
  it('none when every file was read', () => {
    expect(unreadStretches([stat('k.2'), stat('k.1')], spans({ 'k.2': [1, 2], 'k.1': [3, 4] }))).toEqual([]);
  });

  it('an unreadable file lies between the last record before it and the first after it', () => {
    const s = unreadStretches([stat('k.2'), stat('k.1', true), stat('k')], spans({ 'k.2': [10, 20], k: [50, 60] }));
    expect(s).toEqual([{ files: ['k.1'], from: 20, to: 50 }]);
    expect([20, 21, 49, 50].map((t) => inStretches(s, t))).toEqual([false, true, true, false]);
  });

  it('a file cut short lost what follows its own last record; two unread in a row make one stretch', () => {
    const st = spans({ 'k.3': [10, 20], 'k.2': [25, 30], k: [80, 90] });
    expect(unreadStretches([stat('k.3'), stat('k.2', true), stat('k.1', true), stat('k')], st)).toEqual([{ files: ['k.2', 'k.1'], from: 30, to: 80 }]);
  });

  it('the oldest or the newest unread: open on that side', () => {
    expect(unreadStretches([stat('k.1', true), stat('k')], spans({ k: [50, 60] }))).toEqual([{ files: ['k.1'], from: -Infinity, to: 50 }]);
    expect(unreadStretches([stat('k.1'), stat('k', true)], spans({ 'k.1': [5, 7] }))).toEqual([{ files: ['k'], from: 7, to: Infinity }]);
  });
});
