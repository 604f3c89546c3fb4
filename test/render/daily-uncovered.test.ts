// Which hours of the daily chart are marked as without logs: only those no covered instant reaches.
import { describe, expect, it } from 'vitest';
import { uncoveredHours } from '../../src/render/daily-uncovered.js';
import type { DailyDoc } from '../../src/daily/doc.js';

type Input = Parameters<typeof uncoveredHours>[0];
const window = { start: '2026-11-21T00:00:00.000Z', end: '2026-11-22T00:00:00.000Z', hours: 24 };

function doc(todayCovered: { from: string; to: string } | null, todayGaps: { from: string; to: string }[] = [], partial = false): Input {
  return { window, partial, comparison: { todayComplete: todayCovered === null, todayCovered, todayGaps } as unknown as DailyDoc['comparison'] };
}

const marked = (f: boolean[] | null): number[] => (f === null ? [] : f.flatMap((u, i) => (u ? [i] : [])));

describe('uncoveredHours', () => {
  it('a fully covered day: nothing marked', () => {
    expect(uncoveredHours(doc(null))).toBeNull();
  });

  it('logs starting at 10:38: the hours before are marked, the hour they start in is not', () => {
    expect(marked(uncoveredHours(doc({ from: '2026-11-21T10:38:00.000Z', to: '2026-11-22T00:00:00.000Z' })))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('logs ending at 20:00 sharp: the hours after are marked, hour 20 too (none of it is covered)', () => {
    expect(marked(uncoveredHours(doc({ from: '2026-11-21T00:00:00.000Z', to: '2026-11-21T20:00:00.000Z' })))).toEqual([20, 21, 22, 23]);
  });

  it('a gap 09:12-14:30: the hours wholly inside it', () => {
    expect(marked(uncoveredHours(doc({ from: '2026-11-21T00:00:00.000Z', to: '2026-11-22T00:00:00.000Z' }, [{ from: '2026-11-21T09:12:00.000Z', to: '2026-11-21T14:30:00.000Z' }])))).toEqual([10, 11, 12, 13]);
  });

  it('a gap inside one hour marks nothing', () => {
    expect(uncoveredHours(doc({ from: '2026-11-21T00:00:00.000Z', to: '2026-11-22T00:00:00.000Z' }, [{ from: '2026-11-21T09:12:00.000Z', to: '2026-11-21T09:50:00.000Z' }]))).toBeNull();
  });

  it('today: the hours after the last record so far are not marked (not yet, not missing), the hours before the logs start are', () => {
    expect(marked(uncoveredHours(doc({ from: '2026-11-21T03:10:00.000Z', to: '2026-11-21T08:00:00.000Z' }, [], true)))).toEqual([0, 1, 2]);
  });
});
