// Live scoring for `follow`: the summarizer's per-source profiles and score
// (src/aggregate/findings.ts), over a tumbling window, so "score ≥ N" means "did
// that much within the window" and a source alerts at most once per window.
// Memory: one Summarizer per window (capped by thresholds.limits), dropped at its end.
import type { FirewallEvent } from '../event.js';
import type { KnowledgeBase, Lang } from '../knowledge/types.js';
import { analyseSource } from '../aggregate/findings.js';
import { Summarizer, addressRange, type RankedSource } from '../aggregate/summary.js';
import type { Thresholds } from '../aggregate/thresholds.js';
import { addressKey } from '../aggregate/address-key.js';

export interface Alert {
  type: 'alert';
  /** When logscan raised it (ISO). */
  time: string;
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

/** Re-scoring a source costs a findings pass; do it at most this often per source unless its breadth changed. */
const RESCORE_MS = 500;
const MAX_SCORED = 100_000;

export class AlertWatch {
  private sum: Summarizer;
  private windowStart: number;
  private readonly alerted = new Set<string>();
  /** ip -> [last scored at, ports, hosts, allowed packets] to skip needless re-scoring. */
  private readonly lastScored = new Map<string, [number, number, number, number]>();

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
  ) {
    this.sum = new Summarizer(thresholds);
    this.windowStart = now();
  }

  add(e: FirewallEvent): void {
    this.sum.add(e);
    if (this.threshold === null || e.src.ip === null) return;
    // The key the profiles are filed under (RFC 5952 for IPv6).
    const ip = addressKey(e.src.ip);
    if (this.alerted.has(ip)) return;
    const p = this.sum.profiles.get(ip);
    if (!p) return;
    const t = this.now();
    const last = this.lastScored.get(ip);
    // A probe let in can raise the score (allowed-in) without widening the source: rescore then too.
    if (last && t - last[0] < RESCORE_MS && last[1] === p.ports.size && last[2] === p.hosts.size && last[3] === p.allowedPackets) return;
    if (this.lastScored.size >= MAX_SCORED) this.lastScored.clear();
    this.lastScored.set(ip, [t, p.ports.size, p.hosts.size, p.allowedPackets]);
    const a = analyseSource(p, this.thresholds, this.kb, this.lang);
    if (a.score < this.threshold) return;
    this.alerted.add(ip);
    this.onAlert({
      type: 'alert',
      time: new Date(t).toISOString(),
      source: p.ip,
      score: a.score,
      threshold: this.threshold,
      severity: a.severity,
      explanation: a.explanation,
      addressRange: addressRange(this.kb, p.ip, this.lang),
      findings: a.findings.map((f) => f.id),
      events: p.events,
      packets: p.packets,
      ports: p.ports.size,
      hosts: p.hosts.size,
      window: { start: new Date(this.windowStart).toISOString(), ms: this.windowMs },
    }, e);
  }

  /** Called by a timer: when the window is over, starts a new one and returns the finished one's summarizer. */
  roll(): Summarizer | null {
    if (this.now() - this.windowStart < this.windowMs) return null;
    const done = this.sum;
    this.sum = new Summarizer(this.thresholds);
    this.windowStart = this.now();
    this.alerted.clear();
    this.lastScored.clear();
    return done;
  }

  get current(): Summarizer {
    return this.sum;
  }
}
