// Alert windows: two of them, half a window apart, so a scan cut in two by one window's
// end still alerts (whole in the other), and once.
import { describe, expect, it } from 'vitest';
import { AlertWatch, type Alert } from '../../src/live/alerts.js';
import { DEFAULT_THRESHOLDS } from '../../src/aggregate/thresholds.js';
import { Summarizer } from '../../src/aggregate/summary.js';
import { analyseSource } from '../../src/aggregate/findings.js';
import { makeEvent } from '../helpers/events.js';

const W = 60_000;
const probe = (port: number, ip = '198.51.100.7') => makeEvent({ src: { ip }, dst: { port } });

/** The score of `ports` distinct ports from one source in one window. */
function scoreOf(ports: number): number {
  const s = new Summarizer(DEFAULT_THRESHOLDS);
  for (let p = 1; p <= ports; p++) s.add(probe(1000 + p));
  return analyseSource(s.profiles.get('198.51.100.7')!, DEFAULT_THRESHOLDS, null, 'en').score;
}

function watch(threshold: number | null) {
  let clock = 0;
  const alerts: Alert[] = [];
  const w = new AlertWatch(DEFAULT_THRESHOLDS, null, 'en', threshold, W, (a) => alerts.push(a), () => clock);
  const at = (ms: number) => {
    clock = ms;
    return w.roll();
  };
  return { w, alerts, at };
}

describe('alert windows', () => {
  // 20 ports score below the threshold, 40 above it.
  const threshold = (scoreOf(20) + scoreOf(40)) / 2;

  it("a scan cut in two by the window's end alerts once, from the window half a window later", () => {
    expect(scoreOf(20)).toBeLessThan(threshold);
    const { w, alerts, at } = watch(threshold);
    at(30_000); // the second window opens
    at(50_000);
    for (let p = 1; p <= 20; p++) w.add(probe(1000 + p));
    expect(alerts).toEqual([]);
    expect(at(60_000)).not.toBeNull(); // the first window ends with half the scan
    for (let p = 21; p <= 40; p++) w.add(probe(1000 + p));
    // It fires as soon as the second window's score reaches the threshold: before all 40 ports.
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ source: '198.51.100.7', window: { start: new Date(30_000).toISOString(), ms: W } });
    expect(alerts[0]!.ports).toBeGreaterThan(20);
    // More of the same in the new first window is not said again while the second is open.
    for (let p = 41; p <= 80; p++) w.add(probe(1000 + p));
    expect(alerts).toHaveLength(1);
  });

  it('the second window keeps half a window after the first, however late the timer runs', () => {
    const { w, alerts, at } = watch(threshold);
    // Timers 3 s late for ten windows: the second still opens half a window into each first one.
    let t = 0;
    for (let i = 0; i < 10; i++) {
      t += W + 3000;
      at(t);
      at(t + W / 2);
    }
    // A scan from t + W/2 + 5 s over 30 s crosses the first window's end (t + W + 3 s... rolled at t + W + 3 s).
    at(t + W / 2 + 5000);
    for (let p = 1; p <= 20; p++) w.add(probe(1000 + p));
    at(t + W + 3000);
    for (let p = 21; p <= 40; p++) w.add(probe(1000 + p));
    expect(alerts.map((a) => a.window.start)).toEqual([new Date(t + W / 2).toISOString()]);
  });

  it('without a threshold nothing alerts and only the first window counts (the summaries)', () => {
    const { w, alerts, at } = watch(null);
    for (let p = 1; p <= 40; p++) w.add(probe(1000 + p));
    expect(alerts).toEqual([]);
    expect(w.current.profiles.get('198.51.100.7')?.ports.size).toBe(40);
    const ended = at(W);
    expect(ended?.sum.profiles.get('198.51.100.7')?.events).toBe(40);
    expect(ended?.counts.events).toBe(40);
    expect(w.current.profiles.size).toBe(0);
  });
});
