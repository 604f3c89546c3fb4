// The report document: what `logscan FILE` shows, and exactly what `-o json` prints.
// Its shape is documented in README ("JSON report") and kept stable.
import type { InputStats } from '../input/read.js';
import type { KnowledgeBase, Lang, PortProtocol } from '../knowledge/types.js';
import type { OverviewData } from './overview.js';

export interface ReportInput {
  file: string;
  format: string | null;
  formatBy: InputStats['formatBy'];
  lines: number;
  events: number;
  skipped: number;
  malformed: number;
  error: string | null;
  incomplete: boolean;
}

export interface PortRow {
  proto: string;
  port: number;
  packets: number;
  /** Share of all inbound packets with a destination port, 0..1. */
  share: number;
  /** Knowledge-base names, best first. */
  names: string[];
}

export interface Counted {
  key: string;
  packets: number;
}

export interface ReportDoc {
  schemaVersion: 1;
  inputs: ReportInput[];
  totals: { lines: number; events: number; packets: number; skipped: number; malformed: number; sources: number };
  span: { first: string | null; last: string | null };
  byFormat: Counted[];
  byAction: Counted[];
  byProto: Counted[];
  byDirection: Counted[];
  topSources: { ip: string; packets: number }[];
  topPorts: PortRow[];
  /** Packets per hour of day (0-23) in the report's zone. */
  perHour: number[];
}

export function buildReport(stats: readonly InputStats[], ov: OverviewData, kb: KnowledgeBase | null, lang: Lang): ReportDoc {
  const portPackets = ov.portPackets;
  const counted = (rows: [string, number][]): Counted[] => rows.map(([key, packets]) => ({ key, packets }));
  void lang;
  return {
    schemaVersion: 1,
    inputs: stats.map((s) => ({
      file: s.file,
      format: s.format,
      formatBy: s.formatBy,
      lines: s.lines,
      events: s.events,
      skipped: s.skipped,
      malformed: s.malformed,
      error: s.error,
      incomplete: s.incomplete,
    })),
    totals: {
      lines: sum(stats, (s) => s.lines),
      events: ov.events,
      packets: ov.packets,
      skipped: sum(stats, (s) => s.skipped),
      malformed: sum(stats, (s) => s.malformed),
      sources: ov.distinctSources,
    },
    span: { first: ov.first?.toISOString() ?? null, last: ov.last?.toISOString() ?? null },
    byFormat: counted(ov.byFormat),
    byAction: counted(ov.byAction),
    byProto: counted(ov.byProto),
    byDirection: counted(ov.byDirection),
    topSources: ov.topSources.map(([ip, packets]) => ({ ip, packets })),
    topPorts: ov.topPorts.map(([k, packets]) => ({
      proto: k.proto,
      port: k.port,
      packets,
      share: portPackets > 0 ? packets / portPackets : 0,
      names: kb && (k.proto === 'tcp' || k.proto === 'udp') ? kb.lookup(k.proto as PortProtocol, k.port).map((e) => e.name) : [],
    })),
    perHour: ov.perHour,
  };
}

function sum<T>(xs: readonly T[], f: (x: T) => number): number {
  let n = 0;
  for (const x of xs) n += f(x);
  return n;
}
