// Alert windows: two of them, half a window apart, so a scan cut in two by one window's
// end still alerts (whole in the other), and once.
import { describe, expect, it } from 'vitest';
import { AlertWatch, type Alert } from '../../src/live/alerts.js';
import { DEFAULT_THRESHOLDS } from '../../src/aggregate/thresholds.js';
import { Summarizer } from '../../src/aggregate/summary.js';
import { analyseSource } from '../../src/aggregate/findings.js';
import { makeEvent } from '../helpers/events.js';
import { messages } from '../../src/i18n/messages.js';

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

  it('a window remembers at most maxSources alerted sources: the earliest is forgotten, counted, said once', () => {
    const limits = { ...DEFAULT_THRESHOLDS.limits, maxSources: 3 };
    const t = { ...DEFAULT_THRESHOLDS, limits };
    const alerts: Alert[] = [];
    const said: number[] = [];
    const w = new AlertWatch(t, null, 'en', threshold, W, (a) => alerts.push(a), () => 0, (kept) => said.push(kept));
    const inside = w as unknown as { windows: { alerted: Set<string>; lastScored: Map<string, unknown> }[] };
    const ips = ['192.0.2.1', '192.0.2.2', '192.0.2.3', '192.0.2.4', '192.0.2.5'];
    for (const ip of ips) for (let p = 1; p <= 40; p++) w.add(probe(1000 + p, ip));
    expect(alerts.map((a) => a.source)).toEqual(ips);
    for (const x of inside.windows) {
      expect(x.alerted.size).toBe(3);
      expect([...x.alerted]).toEqual(ips.slice(2));
      expect(x.lastScored.size).toBeLessThanOrEqual(3);
    }
    // The 4th and 5th alerts each made the windows forget one: counted, and said the first time only.
    expect(w.forgotten).toBe(2);
    expect(said).toEqual([3]);
  });

  it('says a full alert window in English and Chinese', () => {
    expect(messages('en').follow.alertsForgetting(20_000, '10 min')).toBe('more than 20,000 sources alerted within one 10 min window: the earliest are forgotten and can alert again in it (counted)');
    expect(messages('en').follow.alertsForgotten(37, 20_000)).toBe('37 alerted sources forgotten within their windows, which keep 20,000 each (--max-sources): they could alert again there');
    expect(messages('zh').follow.alertsForgotten(37, 20_000)).toBe('有 37 个已告警的来源在其窗口内被遗忘（每个窗口保留 20,000 个，--max-sources）：它们可能在该窗口内再次告警');
  });
});
