// Folding repeats in `follow` text output, so a port scan is a few lines and a count,
// not a thousand lines: per source, the first `show` probes of a window are printed,
// later ones only counted, and when the window closes one line says
// "+120 more from 203.0.113.7 in 10 s, to 118 ports" (the caller words it): where the folded
// probes went tells a port scan from a sweep or from retries to one service. A probe that brings an annotation not yet
// shown for that source in the window is always printed (new information).
// A source that keeps going gets longer windows (FOLD_WINDOWS: 10 s, 30 s, 60 s), each
// showing fewer probes: an hour-long scan is a line or two a minute, not one every few
// seconds, and its count says since when it has been going on. 60 s is the cap: someone
// watching live still sees a scan that goes on at least once a minute.
// Windows run on the log's clock (the event's time; the wall clock for records without
// one): tailing, the two agree; replaying a file with --from-start, probes hours apart in
// the log are not folded together because they were read in the same second, and a window
// closes (its count printed) once the log's time has moved its length past its start.
// Bounded: at most `maxSources` open windows and as many runs between windows; the oldest
// is dropped first. The windows' port bitmaps share one budget (bitmap-budget.ts).
import type { FirewallEvent } from '../event.js';
import { addressKey } from '../aggregate/address-key.js';
import { flat } from '../util/flat-string.js';
import { PortSpread } from './port-spread.js';
import { BitmapBudget, FOLD_BITMAPS } from './bitmap-budget.js';

/** Open windows (and runs between windows) kept at most; not --max-sources (why: caps.ts). */
export const FOLD_SOURCES = 10_000;

/** A window's length and how many probes it prints before folding. */
export interface FoldWindow {
  ms: number;
  show: number;
}

/**
 * The windows a source goes through while it keeps folding, the last one repeated.
 * Why these numbers: docs/follow.md, "Folding".
 */
export const FOLD_WINDOWS: readonly FoldWindow[] = [
  { ms: 10_000, show: 3 },
  { ms: 30_000, show: 1 },
  { ms: 60_000, show: 1 },
];

interface Window {
  /** The source's address, an own copy (flat): the key of the window and of the run it leaves. */
  key: string;
  /** Index in the folder's windows: how far this source's run has escalated. */
  level: number;
  /** Log time of the window's first and latest probe. */
  start: number;
  last: number;
  /** Wall time the window opened: tick() closes it once its length has passed, even if the log went quiet. */
  opened: number;
  shown: number;
  folded: number;
  /** Probes (shown and folded) since the run began: the earlier windows' and this one's. */
  probes: number;
  /** The run's first window: its start, and whether that was a log time (else the wall clock's). */
  since: number;
  sinceTimed: boolean;
  /** Windows in the run that folded, this one not counted. */
  before: number;
  ids: Set<string>;
  /** Where the folded probes went; made at the first fold (most windows never fold). */
  ports: PortSpread | null;
  hosts: Set<string> | null;
}

/** What a source's window that folded leaves for its next one, until the source has been quiet for that window's length. */
interface Run {
  level: number;
  /** Log time after which the run is over: the window's latest probe plus its length. */
  until: number;
  probes: number;
  since: number;
  sinceTimed: boolean;
  windows: number;
}

/**
 * Distinct destination hosts counted per window; past this the count reads "at least".
 * Ports are counted exactly (PortSpread): 65,536 of them fit a bitmap, addresses do not.
 */
export const SPREAD_CAP = 100;

/** Where a window's folded probes went. */
export interface FoldSpread {
  /** Distinct destination ports ("22/tcp"), exact unless `portsCapped`. */
  ports: number;
  /** The port bitmaps' budget was spent: `ports` were counted and there were more ("≥100 ports"). */
  portsCapped: boolean;
  /** The port when there is exactly one. */
  onlyPort: string | null;
  /** Distinct destination addresses, at most SPREAD_CAP. */
  hosts: number;
  /** SPREAD_CAP: a host count that reached it means "at least". */
  cap: number;
}

/** A source folding for more than one window: since when, and its probes since then. */
export interface FoldRun {
  /** Log time (ms) of the run's first probe; null when that record had no time (then `lastedMs` says how long). */
  since: number | null;
  lastedMs: number;
  probes: number;
}

export interface FoldOptions {
  windows?: readonly FoldWindow[];
  maxSources?: number;
  /** Port bitmaps the open windows may hold at once (FOLD_BITMAPS, 1 MiB). */
  bitmaps?: number;
  now?: () => number;
}

export class Folder {
  /** The open windows by source. */
  private readonly open = new Map<string, Window>();
  /**
   * The same windows, one map per length, each in opening order: within one length the
   * first to open is the first to end, so expire() stops at the first that has not.
   */
  private readonly byLength: Map<string, Window>[];
  private readonly runs = new Map<string, Run>();
  private readonly windows: readonly FoldWindow[];
  private readonly maxSources: number;
  private readonly now: () => number;
  /** The open windows' port bitmaps, handed back when a window closes. */
  readonly bitmaps: BitmapBudget;

  constructor(
    /** Receives each "+N more" count, the time it spans (at least 1 s), where they went, and the run it continues (else null); the caller words and escapes it. */
    private readonly emitFold: (ip: string, folded: number, spanMs: number, spread: FoldSpread, run: FoldRun | null) => void,
    opts: FoldOptions = {},
  ) {
    this.windows = opts.windows ?? FOLD_WINDOWS;
    if (this.windows.length === 0) throw new Error('Folder: no windows');
    this.byLength = this.windows.map(() => new Map());
    this.maxSources = opts.maxSources ?? FOLD_SOURCES;
    this.now = opts.now ?? Date.now;
    this.bitmaps = new BitmapBudget(opts.bitmaps ?? FOLD_BITMAPS);
  }

  /** True when the event should be printed; false when it was folded into a count. */
  admit(e: FirewallEvent): boolean {
    if (e.src.ip === null) return true;
    const ip = addressKey(e.src.ip);
    const wall = this.now();
    const t = e.time === null ? wall : e.time.getTime();
    if (e.time !== null) this.expire(t);
    let w = this.open.get(ip);
    // A jump back by more than the first window (another file's older records) also starts a new one;
    // lines a few seconds out of order (several hosts through one syslog) stay in theirs.
    if (w && (t - w.start >= this.windows[w.level].ms || w.start - t >= this.windows[0].ms)) {
      this.close(ip, w);
      w = undefined;
    }
    if (!w) w = this.openWindow(ip, t, wall, e.time !== null);
    if (t > w.last) w.last = t;
    w.probes += e.count;
    let fresh = false;
    for (const a of e.annotations) {
      if (!w.ids.has(a.id)) {
        fresh = true;
        if (w.ids.size < 64) w.ids.add(a.id);
      }
    }
    if (w.shown < this.windows[w.level].show || fresh) {
      w.shown++;
      return true;
    }
    w.folded += e.count;
    if (e.dst.port !== null) (w.ports ??= new PortSpread(this.bitmaps)).add(e.dst.port, e.proto);
    if (e.dst.ip !== null) addCapped((w.hosts ??= new Set()), addressKey(e.dst.ip));
    return false;
  }

  /** Closes the windows that are over (call about once a second): each once its own length has passed on the wall clock. */
  tick(): void {
    const wall = this.now();
    for (const [ip, w] of this.open) if (wall - w.opened >= this.windows[w.level].ms) this.close(ip, w);
  }

  /** Closes every window (exit; a new day), but that of `keep`'s source when given. A run goes on past it. */
  flush(keep: FirewallEvent | null = null): void {
    const kept = keep?.src.ip ? addressKey(keep.src.ip) : null;
    for (const [ip, w] of this.open) if (ip !== kept) this.close(ip, w);
  }

  private openWindow(ip: string, t: number, wall: number, timed: boolean): Window {
    if (this.open.size >= this.maxSources) this.closeOldest();
    // A source back within its last window's length of that window's latest probe goes on
    // in a longer window; one quiet for longer starts over.
    const run = this.runs.get(ip);
    if (run !== undefined) this.runs.delete(ip);
    const going = run !== undefined && t <= run.until && t >= run.since;
    const w: Window = {
      key: flat(ip),
      level: going ? Math.min(run.level + 1, this.windows.length - 1) : 0,
      start: t,
      last: t,
      opened: wall,
      shown: 0,
      folded: 0,
      probes: going ? run.probes : 0,
      since: going ? run.since : t,
      sinceTimed: going ? run.sinceTimed : timed,
      before: going ? run.windows : 0,
      ids: new Set(),
      ports: null,
      hosts: null,
    };
    // An own copy of the key: an address sliced from a log line would keep its 64 KiB input
    // chunk alive for as long as the window, and the run that inherits the key, last.
    this.open.set(w.key, w);
    this.byLength[w.level].set(w.key, w);
    return w;
  }

  /**
   * Closes the windows that opened their length or more before `t` on the log's clock:
   * replaying a file reads hours of log before tick() runs once, and a count should come
   * out beside the lines it folded, not at the end.
   */
  private expire(t: number): void {
    for (let level = 0; level < this.byLength.length; level++) {
      const ms = this.windows[level].ms;
      for (const [ip, w] of this.byLength[level]) {
        if (t - w.start < ms) break;
        this.close(ip, w);
      }
    }
    // Runs are in the order their windows closed, about the order they end: the ones over
    // at the front go now, the rest when their source comes back or the map is full.
    for (const [ip, r] of this.runs) {
      if (t <= r.until) break;
      this.runs.delete(ip);
    }
  }

  private closeOldest(): void {
    // Each length's first entry is its oldest window; the oldest of those goes.
    let oldest: [string, Window] | null = null;
    for (const m of this.byLength) {
      const first = m.entries().next();
      if (!first.done && (oldest === null || first.value[1].start < oldest[1].start)) oldest = first.value;
    }
    if (oldest !== null) this.close(oldest[0], oldest[1]);
  }

  private close(ip: string, w: Window): void {
    this.open.delete(ip);
    this.byLength[w.level].delete(ip);
    if (w.folded === 0) return;
    const ports = w.ports;
    const spread = { ports: ports?.count ?? 0, portsCapped: ports?.capped ?? false, onlyPort: ports?.only ?? null, hosts: w.hosts?.size ?? 0, cap: SPREAD_CAP };
    if (ports !== null) {
      ports.release();
      w.ports = null;
    }
    const run = w.before > 0 ? { since: w.sinceTimed ? w.since : null, lastedMs: w.last - w.since, probes: w.probes } : null;
    this.emitFold(ip, w.folded, Math.max(1000, w.last - w.start), spread, run);
    if (this.runs.size >= this.maxSources) this.runs.delete(this.runs.keys().next().value!);
    this.runs.set(w.key, { level: w.level, until: w.last + this.windows[w.level].ms, probes: w.probes, since: w.since, sinceTimed: w.sinceTimed, windows: w.before + 1 });
  }
}

function addCapped(set: Set<string>, key: string): void {
  // Copied only when kept: `key` may be a slice of a log line (see openWindow).
  if (set.size < SPREAD_CAP && !set.has(key)) set.add(flat(key));
}
