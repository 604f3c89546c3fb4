// The `retry` detector (powwow-retry, sub7-retry): a source that keeps knocking on one
// destination, often at a steady beat, the way a trojan's client retries a lost server.
// One series per (source, destination), bounded by an LRU, dropped after maxGapMs of quiet.

import type { FirewallEvent } from '../../event.js';
import { Lru } from '../lru.js';

interface RetryState {
  last: number;
  prevInterval: number;
  attempts: number;
  regularRun: number;
}

/** One retry rule's series: each rule keeps its own, with its own params. */
export class RetrySeries {
  private readonly series: Lru<string, RetryState>;
  private readonly params: Readonly<Record<string, number | boolean>>;

  constructor(params: Readonly<Record<string, number | boolean>>, maxTracked: number) {
    this.params = params;
    this.series = new Lru(maxTracked);
  }

  /** Counts this attempt in its series; whether the series has now reached params.minAttempts (at a steady beat, if params.requireRegular). */
  fires(e: FirewallEvent, t: number): boolean {
    if (t !== t || e.src.ip === null) return false;
    const p = this.params;
    const key = e.src.ip + '>' + (e.dst.ip ?? '');
    const lru = this.series;
    let s = lru.get(key);
    if (s === undefined || t - s.last > (p.maxGapMs as number) || t < s.last) {
      s = { last: t, prevInterval: NaN, attempts: e.count, regularRun: 0 };
      lru.set(key, s);
    } else {
      const interval = t - s.last;
      // SYN retransmissions within a few seconds are the same attempt, not a new beat.
      if (interval < (p.minIntervalMs as number)) {
        s.attempts += e.count - 1;
      } else {
        const prev = s.prevInterval;
        const tol = Math.max(p.toleranceMs as number, (p.tolerance as number) * prev);
        s.regularRun = prev === prev && Math.abs(interval - prev) <= tol ? s.regularRun + 1 : 0;
        s.prevInterval = interval;
        s.last = t;
        s.attempts += e.count;
      }
    }
    if (s.attempts < (p.minAttempts as number)) return false;
    if (p.requireRegular !== true) return true;
    // n attempts at a steady beat = n-1 intervals, n-2 of them matching the one before.
    return s.regularRun >= (p.minAttempts as number) - 2;
  }

  /** Drops the series quiet for longer than maxGapMs before `now`. */
  sweep(now: number): void {
    const gap = this.params.maxGapMs as number;
    this.series.sweep((s) => now - s.last > gap);
  }

  get size(): number {
    return this.series.size;
  }

  get evicted(): number {
    return this.series.evicted;
  }
}
