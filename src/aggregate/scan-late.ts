// A scanner's late packets (ACK or RST, no SYN) are its probes, but only the whole source
// shows it: the annotator reads in order, and an ACK scan's first bare ACKs were late
// packets when read. Every view that counts probes (the report's header and port table,
// the daily headline and digest, follow's summary at the stop) recounts them once, from
// the ranking, so all of them say what the ranking says.
import type { ScanLate } from './overview.js';
import type { RankOptions, Summarizer, SummaryResult } from './summary.js';

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
