// Folding repeats in `follow` text output, so a port scan is a few lines and a count,
// not a thousand lines: per source, the first `show` probes of a window are printed,
// later ones only counted, and when the window closes one line says
// "+120 more from 203.0.113.7 in 10 s, to 118 ports" (the caller words it): where the folded
// probes went tells a port scan from a sweep or from retries to one service. A probe that brings an annotation not yet
// shown for that source in the window is always printed (new information).
// Windows run on the log's clock (the event's time; the wall clock for records without
// one): tailing, the two agree; replaying a file with --from-start, probes hours apart in
// the log are not folded together because they were read in the same second, and a window
// closes (its count printed) once the log's time has moved a window past its start.
// Bounded: at most `maxSources` open windows; the oldest is closed early when full.
import type { FirewallEvent } from '../event.js';
import { addressKey } from '../aggregate/address-key.js';

interface Window {
  /** Log time of the window's first and latest probe. */
  start: number;
  last: number;
  /** Wall time the window opened: tick() closes it once that is windowMs ago, even if the log went quiet. */
  opened: number;
  shown: number;
  folded: number;
  ids: Set<string>;
  /** Where the folded probes went; made at the first fold (most windows never fold). */
  ports: Set<string> | null;
  hosts: Set<string> | null;
}

/** Distinct destinations counted per window; past this the count reads "at least". */
export const SPREAD_CAP = 100;

/** Where a window's folded probes went. */
export interface FoldSpread {
  /** Distinct destination ports ("22/tcp"), at most SPREAD_CAP. */
  ports: number;
  /** The port when there is exactly one. */
  onlyPort: string | null;
  /** Distinct destination addresses, at most SPREAD_CAP. */
  hosts: number;
  /** SPREAD_CAP: a count that reached it means "at least". */
  cap: number;
}

export interface FoldOptions {
  windowMs?: number;
  show?: number;
  maxSources?: number;
  now?: () => number;
}

export class Folder {
  private readonly open = new Map<string, Window>();
  private readonly windowMs: number;
  private readonly show: number;
  private readonly maxSources: number;
  private readonly now: () => number;

  constructor(
    /** Receives each "+N more" count, the time it spans (at least 1 s) and where they went; the caller words and escapes it. */
    private readonly emitFold: (ip: string, folded: number, spanMs: number, spread: FoldSpread) => void,
    opts: FoldOptions = {},
  ) {
    this.windowMs = opts.windowMs ?? 10_000;
    this.show = opts.show ?? 3;
    this.maxSources = opts.maxSources ?? 10_000;
    this.now = opts.now ?? Date.now;
  }

  /** True when the event should be printed; false when it was folded into a count. */
  admit(e: FirewallEvent): boolean {
    if (e.src.ip === null) return true;
    const ip = addressKey(e.src.ip);
    const wall = this.now();
    const t = e.time === null ? wall : e.time.getTime();
    if (e.time !== null) this.expire(t);
    let w = this.open.get(ip);
    // A jump back by more than a window (another file's older records) also starts a new one;
    // lines a few seconds out of order (several hosts through one syslog) stay in theirs.
    if (w && (t - w.start >= this.windowMs || w.start - t >= this.windowMs)) {
      this.close(ip, w);
      w = undefined;
    }
    if (!w) {
      if (this.open.size >= this.maxSources) this.closeOldest();
      w = { start: t, last: t, opened: wall, shown: 0, folded: 0, ids: new Set(), ports: null, hosts: null };
      this.open.set(ip, w);
    }
    if (t > w.last) w.last = t;
    let fresh = false;
    for (const a of e.annotations) {
      if (!w.ids.has(a.id)) {
        fresh = true;
        if (w.ids.size < 64) w.ids.add(a.id);
      }
    }
    if (w.shown < this.show || fresh) {
      w.shown++;
      return true;
    }
    w.folded += e.count;
    if (e.dst.port !== null) addCapped((w.ports ??= new Set()), `${e.dst.port}/${e.proto}`);
    if (e.dst.ip !== null) addCapped((w.hosts ??= new Set()), addressKey(e.dst.ip));
    return false;
  }

  /** Closes the windows that are over (call about once a second). */
  tick(): void {
    const wall = this.now();
    for (const [ip, w] of this.open) if (wall - w.opened >= this.windowMs) this.close(ip, w);
  }

  /** Closes every window (exit; a new day), but that of `keep`'s source when given. */
  flush(keep: FirewallEvent | null = null): void {
    const kept = keep?.src.ip ? addressKey(keep.src.ip) : null;
    for (const [ip, w] of this.open) if (ip !== kept) this.close(ip, w);
  }

  /**
   * Closes the windows that opened a window or more before `t` on the log's clock:
   * replaying a file reads hours of log before tick() runs once, and a count should come
   * out beside the lines it folded, not at the end. Windows open in log-time order, so the
   * oldest come first.
   */
  private expire(t: number): void {
    for (const [ip, w] of this.open) {
      if (t - w.start < this.windowMs) return;
      this.close(ip, w);
    }
  }

  private closeOldest(): void {
    // Map order is insertion order: the first entry is the oldest window.
    const first = this.open.entries().next();
    if (!first.done) this.close(first.value[0], first.value[1]);
  }

  private close(ip: string, w: Window): void {
    this.open.delete(ip);
    if (w.folded === 0) return;
    const ports = w.ports?.size ?? 0;
    const spread = { ports, onlyPort: ports === 1 ? w.ports!.values().next().value! : null, hosts: w.hosts?.size ?? 0, cap: SPREAD_CAP };
    this.emitFold(ip, w.folded, Math.max(1000, w.last - w.start), spread);
  }
}

function addCapped(set: Set<string>, key: string): void {
  if (set.size < SPREAD_CAP) set.add(key);
}
