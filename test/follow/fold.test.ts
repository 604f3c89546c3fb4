import { describe, expect, it } from 'vitest';
import { Folder } from '../../src/live/fold.js';
import { makeEvent } from '../helpers/events.js';

const T0 = Date.UTC(2026, 10, 20, 6, 0, 0);

function folder(clock: { wall: number }) {
  const folds: [string, number, number][] = [];
  const f = new Folder((ip, n, span) => folds.push([ip, n, span]), { now: () => clock.wall, windowMs: 10_000, show: 3 });
  return { f, folds };
}
const probe = (sec: number | null, ip = '203.0.113.7', port = 23) =>
  makeEvent({ time: sec === null ? null : new Date(T0 + sec * 1000), src: { ip }, dst: { port }, annotations: [] });

describe('follow: folding repeats', () => {
  it('a burst from one source: three printed, the rest counted, spanning its log time', () => {
    const clock = { wall: 0 };
    const { f, folds } = folder(clock);
    const printed = Array.from({ length: 50 }, (_, i) => f.admit(probe(i * 0.1))).filter(Boolean).length;
    expect(printed).toBe(3);
    f.flush();
    expect(folds).toEqual([['203.0.113.7', 47, 4900]]);
  });

  it('replaying a file (all read in the same second), probes hours apart in the log are each printed, not folded', () => {
    const clock = { wall: 0 };
    const { f, folds } = folder(clock);
    const times = [0, 1, 2, 3, 3 * 3600, 3 * 3600 + 1, 11 * 3600];
    const printed = times.map((s) => f.admit(probe(s)));
    expect(printed).toEqual([true, true, true, false, true, true, true]);
    f.flush();
    expect(folds).toEqual([['203.0.113.7', 1, 3000]]);
  });

  it('a quiet log: tick() closes a window by the wall clock, so the count appears while tailing', () => {
    const clock = { wall: 0 };
    const { f, folds } = folder(clock);
    for (let i = 0; i < 5; i++) f.admit(probe(i));
    clock.wall = 9_999;
    f.tick();
    expect(folds).toEqual([]);
    clock.wall = 10_000;
    f.tick();
    expect(folds).toEqual([['203.0.113.7', 2, 4000]]);
  });

  it('a few seconds out of order stays in the window; a jump back by more than a window (an older file) starts a new one', () => {
    const clock = { wall: 0 };
    const { f, folds } = folder(clock);
    expect([10, 11, 12, 8, 13].map((s) => f.admit(probe(s)))).toEqual([true, true, true, false, false]);
    expect(f.admit(probe(-100))).toBe(true);
    expect(folds).toEqual([['203.0.113.7', 2, 3000]]);
  });

  it('records without a time fold on the wall clock', () => {
    const clock = { wall: 0 };
    const { f, folds } = folder(clock);
    for (let i = 0; i < 5; i++) f.admit(probe(null));
    clock.wall = 12_000;
    expect(f.admit(probe(null))).toBe(true);
    expect(folds).toEqual([['203.0.113.7', 2, 1000]]);
  });

  it('a probe with an annotation the window has not shown is always printed', () => {
    const clock = { wall: 0 };
    const { f } = folder(clock);
    for (let i = 0; i < 3; i++) f.admit(probe(i));
    const tagged = probe(4);
    tagged.annotations = [{ id: 'trojan', severity: 4, text: 'Sub-7', ref: 'x' }];
    expect(f.admit(probe(3.5))).toBe(false);
    expect(f.admit(tagged)).toBe(true);
  });
});
