// A scanner's late packets (ACK or RST, no SYN) are its probes, but only the whole source
// shows it: the annotator reads in order, and an ACK scan's first bare ACKs were late
// packets when read. Every view that counts probes (the report's header and port table,
// the daily headline and digest, follow's summary at the stop) recounts them once, from
// the ranking, so all of them say what the ranking says.
import type { ScanLate } from './overview.js';
import type { PortCounts } from './profile-rows.js';
import type { RankOptions, Summarizer, SummaryResult } from './summary.js';
import type { Thresholds } from './thresholds.js';

/** What recounts a scanner's late packets as its probes (Overview, DayTally). */
export interface ScanLateCounter {
  countScanLate(scans: Iterable<ScanLate>): void;
}

/** The summary's ranking; the late packets of the sources it finds scanning are then counted as probes in each of `counters`. */
export function rankCountingScanLate(summary: Summarizer, opts: Omit<RankOptions, 'onScanLate'>, counters: readonly ScanLateCounter[]): SummaryResult {
  const scans: ScanLate[] = [];
  const ranking = summary.result({ ...opts, onScanLate: (x) => scans.push(x) });
  for (const c of counters) c.countScanLate(scans);
  return ranking;
}

/** The ports a source's late packets are counted for one by one: PortTally counts no more than it keeps. */
export function latePortsCounted(limits: Pick<Thresholds['limits'], 'maxPorts' | 'maxPortCounts'>): number {
  return Math.min(limits.maxPorts, limits.maxPortCounts);
}

/**
 * A scanner's late packets by port, for the port tables, from its profile's tally of them:
 * packets are counted for its first limits.maxPortCounts ports (256) only, memory every
 * source with late packets pays (a web server's late ACKs to this side's client ports are
 * not rare), while its other ports are kept as keys (up to limits.maxPorts, then as bits:
 * OverflowPortTally). Each of those got at least one packet: each is recounted with one, which is exact when the packets
 * left over are as many as those ports (a scan's one RST or ACK a port). `uncounted`: the
 * packets left over beyond that, which no port row can take; the report says so.
 * `total`: all the late packets the tally counts from (a portless one, rare, counts there too).
 */
export function lateByPort(tally: PortCounts | null, total: number): { ports: [number, number][]; uncounted: number } {
  if (tally === null) return { ports: [], uncounted: 0 };
  const ports = [...tally.counts()];
  const counted = new Set<number>();
  let sum = 0;
  for (const [k, n] of ports) {
    counted.add(k);
    sum += n;
  }
  let rest = 0;
  for (const k of tally.keys()) {
    if (counted.has(k)) continue;
    ports.push([k, 1]);
    rest++;
  }
  for (const k of tally.beyondKeys?.() ?? []) {
    ports.push([k, 1]);
    rest++;
  }
  // With no uncounted port the tally never filled: what the counts leave over had no port.
  return { ports, uncounted: rest === 0 ? 0 : Math.max(0, total - sum - rest) };
}
