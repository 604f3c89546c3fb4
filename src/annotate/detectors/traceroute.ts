// The `traceroute` detector's sessions: one per (source, target), split by sessionGapMs
// without a probe. The rule itself always fires (its conditions say traceroute); the
// sessions are what annotator.sessions() reports. Active ones are bounded by an LRU,
// finished ones by a ring of maxSessions.

import type { FirewallEvent } from '../../event.js';
import { flat } from '../../util/flat-string.js';
import { Lru } from '../lru.js';

/** One traceroute run seen from a source towards one target. */
export interface TracerouteSession {
  src: string;
  dst: string;
  first: Date | null;
  last: Date | null;
  probes: number;
  minPort: number;
  maxPort: number;
  /** Every probe's port was >= the previous one's (how traceroute counts up). */
  rising: boolean;
}

interface SessionState {
  src: string;
  dst: string;
  first: Date | null;
  last: Date | null;
  firstMs: number;
  lastMs: number;
  probes: number;
  minPort: number;
  maxPort: number;
  lastPort: number;
  rising: boolean;
}

export class TracerouteSessions {
  private readonly active: Lru<string, SessionState>;
  private readonly completed: SessionState[] = [];
  /** Sessions dropped because more than maxSessions completed. */
  private completedDropped = 0;

  constructor(
    private readonly sessionGapMs: number,
    private readonly maxSessions: number,
    maxTracked: number,
  ) {
    this.active = new Lru(maxTracked);
  }

  /** Counts the event as a probe of its source's session towards its target. */
  probe(e: FirewallEvent, t: number): void {
    const src = e.src.ip ?? '';
    const dst = e.dst.ip ?? '';
    const port = e.dst.port ?? 0;
    const key = src + '>' + dst;
    let s = this.active.get(key);
    if (s !== undefined && t - s.lastMs > this.sessionGapMs) {
      this.active.delete(key);
      this.complete(s);
      s = undefined;
    }
    if (s === undefined) {
      // Own copies: sessions outlive the event, and a substring would pin its whole input chunk.
      s = { src: flat(src), dst: flat(dst), first: e.time, last: e.time, firstMs: t, lastMs: t, probes: 0, minPort: port, maxPort: port, lastPort: port, rising: true };
      const evicted = this.active.set(key, s);
      if (evicted !== undefined) this.complete(evicted);
    }
    s.probes += e.count;
    if (t > s.lastMs || s.lastMs !== s.lastMs) {
      s.lastMs = t;
      s.last = e.time;
    }
    if (port < s.minPort) s.minPort = port;
    if (port > s.maxPort) s.maxPort = port;
    if (port < s.lastPort) s.rising = false;
    s.lastPort = port;
  }

  private complete(s: SessionState): void {
    if (this.maxSessions === 0) return;
    if (this.completed.length < this.maxSessions) {
      this.completed.push(s);
      return;
    }
    // Ring buffer: overwrite the oldest completed session (sessions() sorts anyway).
    this.completed[this.completedDropped % this.maxSessions] = s;
    this.completedDropped++;
  }

  /** Ends the sessions without a probe for longer than sessionGapMs before `now`. */
  sweep(now: number): void {
    const gap = this.sessionGapMs;
    this.active.sweep(
      (s) => now - s.lastMs > gap,
      (s) => this.complete(s),
    );
  }

  /** Completed and active sessions, ordered by start, source, target. */
  sessions(): TracerouteSession[] {
    const all = [...this.completed, ...this.active.values()];
    all.sort((a, b) => {
      const fa = a.firstMs === a.firstMs ? a.firstMs : Infinity;
      const fb = b.firstMs === b.firstMs ? b.firstMs : Infinity;
      if (fa !== fb) return fa - fb;
      return a.src < b.src ? -1 : a.src > b.src ? 1 : a.dst < b.dst ? -1 : a.dst > b.dst ? 1 : 0;
    });
    return all.map((s) => ({
      src: s.src,
      dst: s.dst,
      first: s.first,
      last: s.last,
      probes: s.probes,
      minPort: s.minPort,
      maxPort: s.maxPort,
      rising: s.rising,
    }));
  }

  get activeCount(): number {
    return this.active.size;
  }

  get completedCount(): number {
    return this.completed.length;
  }

  get dropped(): number {
    return this.completedDropped;
  }

  get evicted(): number {
    return this.active.evicted;
  }
}
