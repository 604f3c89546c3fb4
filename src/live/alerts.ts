// Live scoring for `follow`: the summarizer's per-source profiles and score
// (src/aggregate/findings.ts), over a window, so "score ≥ N" means "did that much within
// the window" and a source alerts at most once per window. Two windows run half a window
// apart: a scan cut in two by one window's end lies whole in the other when it took at
// most half a window, where one tumbling window would see two halves, each below the
// score. The first window also feeds the periodic summaries.
// Memory: two Summarizers (each capped by thresholds.limits), each dropped at its end;
// per window, the sources that alerted and when each was last scored, each capped at
// limits.maxSources, the profiles a window keeps (a source past them has no profile to
// score): a flood of alerting sources within one window cannot grow them.
import type { FirewallEvent } from '../event.js';
import type { KnowledgeBase, Lang } from '../knowledge/types.js';
import { analyseSource } from '../aggregate/findings.js';
import { Summarizer, addressRange, type RankedSource } from '../aggregate/summary.js';
import type { Thresholds } from '../aggregate/thresholds.js';
import { addressKey } from '../aggregate/address-key.js';
import { WindowCounts } from './window-counts.js';
import { DropCount } from './drop-count.js';

export interface Alert {
  type: 'alert';
  /** When logscan raised it (ISO): the clock, not the log. */
  time: string;
  /** The time of the record that raised it (ISO), as the alert line shows it; null when the record had none. Differs from `time` when older lines are read (--from-start, a restart with --state). */
  recordTime: string | null;
  source: string;
  score: number;
  threshold: number;
  severity: number;
  /** One line: what the source did (findings), in --lang. */
  explanation: string;
  /** What the source's address range makes it (carrier-grade NAT, link-local, forged…); null for most. */
  addressRange: RankedSource['addressRange'];
  findings: string[];
  events: number;
  packets: number;
  ports: number;
  hosts: number;
  window: { start: string; ms: number };
}

/** The summaries' window once over: its ranking, and what its head line counts. */
export interface EndedWindow {
  sum: Summarizer;
  counts: WindowCounts;
}

/** Re-scoring a source costs a findings pass; do it at most this often per source unless its breadth changed. */
const RESCORE_MS = 500;

interface Window {
  sum: Summarizer;
  start: number;
  /** Sources that alerted while this window was open (in it or in the other one). */
  alerted: Set<string>;
  /** ip -> [last scored at, ports, hosts, allowed packets] to skip needless re-scoring. */
  lastScored: Map<string, [number, number, number, number]>;
}

export class AlertWatch {
  /** [0]: the summaries' window; [1]: the same length, half a window later. */
  private readonly windows: [Window, Window];
  /** Every event and source of the summaries' window (its head line), restarted with it. */
  private counts: WindowCounts;
  /** Sources each window remembers as alerted, and scored (lastScored, a cache). */
  private readonly maxKept: number;
  /** Alerts that made a window forget an earlier alerted source (it could alert again in that window). */
  private readonly forgetting: DropCount;

  constructor(
    private readonly thresholds: Thresholds,
    private readonly kb: KnowledgeBase | null,
    /** Language of the explanation (--lang). */
    private readonly lang: Lang,
    /** Alert at this score; null = no alerts (the window still feeds periodic summaries). */
    private readonly threshold: number | null,
    readonly windowMs: number,
    /** With the record that raised the score. */
    private readonly onAlert: (a: Alert, e: FirewallEvent) => void,
    private readonly now: () => number = Date.now,
    /** Said once, the first time a window forgets an alerted source; `forgotten` counts them all. */
    onForgetting: (kept: number) => void = () => {},
  ) {
    this.maxKept = Math.max(1, thresholds.limits.maxSources);
    this.forgetting = new DropCount(() => onForgetting(this.maxKept));
    const t = now();
    // The second window is taken to have opened half a window before the first: it ends
    // (and restarts) half a window in. Without alerts it is not kept at all.
    this.windows = [this.open(t), this.open(t - windowMs / 2)];
    this.counts = new WindowCounts(thresholds.limits.maxSources);
  }

  private open(start: number): Window {
    return { sum: new Summarizer(this.thresholds), start, alerted: new Set(), lastScored: new Map() };
  }

  add(e: FirewallEvent): void {
    const [main, staggered] = this.windows;
    main.sum.add(e);
    this.counts.add(e);
    if (this.threshold === null || e.src.ip === null) return;
    staggered.sum.add(e);
    // The key the profiles are filed under (RFC 5952 for IPv6).
    const ip = addressKey(e.src.ip);
    for (const w of this.windows) if (this.check(w, ip, e)) return;
  }

  /** Scores `ip` in `w` and alerts when it reached the threshold; true when it did. */
  private check(w: Window, ip: string, e: FirewallEvent): boolean {
    if (w.alerted.has(ip)) return false;
    const p = w.sum.profiles.get(ip);
    if (!p) return false;
    const t = this.now();
    const last = w.lastScored.get(ip);
    // A probe let in can raise the score (allowed-in) without widening the source: rescore then too.
    if (last && t - last[0] < RESCORE_MS && last[1] === p.ports.size && last[2] === p.hosts.size && last[3] === p.allowedPackets) return false;
    // A cache: emptied when full, its sources are scored again (no alert is lost or repeated).
    if (w.lastScored.size >= this.maxKept) w.lastScored.clear();
    // Keyed by the profile's own copy of the address: `ip` may be a slice of a log line, which would keep its input chunk alive.
    w.lastScored.set(p.ip, [t, p.ports.size, p.hosts.size, p.allowedPackets]);
    const a = analyseSource(p, this.thresholds, this.kb, this.lang);
    if (a.score < this.threshold!) return false;
    // Once per source while either window that saw it is open: the other would say it again.
    // Past maxKept, the earliest alerted is forgotten (it may alert again): counted and said.
    let forgot = false;
    for (const x of this.windows) {
      if (x.alerted.has(p.ip)) continue;
      if (x.alerted.size >= this.maxKept) {
        x.alerted.delete(x.alerted.values().next().value!);
        forgot = true;
      }
      x.alerted.add(p.ip);
    }
    if (forgot) this.forgetting.add();
    this.onAlert({
      type: 'alert',
      time: new Date(t).toISOString(),
      recordTime: e.time === null ? null : e.time.toISOString(),
      source: p.ip,
      score: a.score,
      threshold: this.threshold!,
      severity: a.severity,
      explanation: a.explanation,
      addressRange: addressRange(this.kb, p.ip, this.lang),
      findings: a.findings.map((f) => f.id),
      events: p.events,
      packets: p.packets,
      ports: p.ports.size,
      hosts: p.hosts.size,
      window: { start: new Date(w.start).toISOString(), ms: this.windowMs },
    }, e);
    return true;
  }

  /** Called by a timer: restarts each window that is over; returns the summaries' window when that one ended. */
  roll(): EndedWindow | null {
    const t = this.now();
    const main = this.windows[0];
    let ended: EndedWindow | null = null;
    if (t - main.start >= this.windowMs) {
      this.windows[0] = this.open(t);
      ended = { sum: main.sum, counts: this.counts };
      this.counts = new WindowCounts(this.thresholds.limits.maxSources);
    }
    // Half a window after the first one's start, on its schedule (timers run late: kept
    // on a clock of its own, the second would drift towards the first).
    const mid = this.windows[0].start + this.windowMs / 2;
    if (t >= mid && this.windows[1].start < mid) this.windows[1] = this.open(t);
    return ended;
  }

  /** Alerts that made a window forget an earlier alerted source (it could alert again in that window). */
  get forgotten(): number {
    return this.forgetting.count;
  }

  get current(): Summarizer {
    return this.windows[0].sum;
  }
}
