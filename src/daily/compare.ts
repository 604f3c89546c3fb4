// Day D against day D-1: which sources are new, which ports were probed for the first
// time, and how the volume moved. The previous day comes either from the same logs
// (a DayTally) or from a `--state` digest; both are seen through PreviousDay.
import { portNames } from '../knowledge/query.js';
import type { KnowledgeBase, Lang } from '../knowledge/types.js';
import type { DayDigest, DayTotals, SettingsChange } from './digest.js';
import { decodePorts, digestSpan } from './digest.js';
import type { Coverage, Span } from './coverage.js';
import type { DayTally } from './tally.js';
import { addressKey } from '../aggregate/address-key.js';
import { cmpAddress } from '../aggregate/address-order.js';
import type { LateUncounted } from '../aggregate/overview.js';
import type { NotCompared } from './outside.js';

export interface PreviousDay {
  date: string;
  /** Where the numbers come from. */
  basis: 'logs' | 'state';
  /** False when the logs start during that day or the digest was written before it ended. */
  complete: boolean;
  /** Of a day not complete, the part the basis holds (coverage.ts); null when complete, or not known (a digest before version 8). */
  covered: Span | null;
  /** Stretches inside `covered` the basis lacks (coverage.ts); empty when none is known (always, from a digest). */
  gaps: Span[];
  totals: PreviousTotals;
  /** True when only the busiest sources are known: "new" may then include rare old ones. */
  sourcesCapped: boolean;
  /** The zone a --state digest counted its day in, when that day had other bounds than the day before in this run's zone; else null. */
  otherZone: string | null;
  /** What the --state digest was counted with that this run is not (thresholds, --ignore list); null when the same, or not known. */
  otherSettings: SettingsChange[] | null;
  /**
   * The formats whose records an older --state digest counted otherwise than this run
   * (countedOtherwise in digest.ts: a Cisco ASA's Teardowns as probes); null when none. Its
   * probes, late packets, connections, sources and ports are then not compared.
   */
  countedOtherwise: string[] | null;
  hasSource(ip: string): boolean;
  hasPort(proto: string, port: number): boolean;
}

/** The day before's totals; null where an older digest did not count a figure as today's is counted. */
export type PreviousTotals = Omit<DayTotals, 'probes' | 'own' | 'noise' | 'late' | 'sources' | 'ports' | 'connections' | 'probeConnections' | 'ownConnections' | 'lateConnections'> & {
  probes: number | null;
  own: number | null;
  noise: number | null;
  late: number | null;
  sources: number | null;
  ports: number | null;
  connections: number | null;
  probeConnections: number | null;
  ownConnections: number | null;
  lateConnections: number | null;
};

export function previousFromTally(t: DayTally, coverage: Coverage): PreviousDay {
  return {
    date: t.window.key,
    basis: 'logs',
    complete: coverage.complete,
    covered: coverage.complete ? null : coverage.span,
    gaps: coverage.complete ? [] : (coverage.gaps ?? []),
    totals: t.totals(),
    sourcesCapped: false,
    otherZone: null,
    otherSettings: null,
    countedOtherwise: null,
    hasSource: (ip) => t.hasSource(ip),
    hasPort: (proto, port) => t.hasPort(proto, port),
  };
}

/**
 * The digest's zone when its day is not `window` (another --tz: the day began and ended
 * at other instants), else null. A digest without readable bounds is taken as it says.
 */
export function digestZoneDiffers(d: DayDigest, window: { start: number; end: number }): string | null {
  const start = typeof d.start === 'string' ? Date.parse(d.start) : NaN;
  const end = typeof d.end === 'string' ? Date.parse(d.end) : NaN;
  if (start !== start || end !== end) return null;
  if (start === window.start && end === window.end) return null;
  return typeof d.tz === 'string' && d.tz !== '' ? d.tz : '?';
}

export function previousFromDigest(d: DayDigest, otherZone: string | null = null, otherSettings: SettingsChange[] | null = null, countedOtherwise: string[] | null = null): PreviousDay {
  // Digests written before sources were counted in RFC 5952 form hold the kernel's full IPv6 spelling.
  const sources = new Set(d.sources.map(addressKey));
  const ports = new Map(Object.entries(d.ports).map(([proto, ranges]) => [proto, decodePorts(ranges)]));
  return {
    date: d.date,
    basis: 'state',
    complete: d.complete,
    covered: digestSpan(d),
    gaps: [],
    totals: countedOtherwise === null ? totalsOf(d) : { ...totalsOf(d), ...NOT_COMPARED },
    sourcesCapped: d.sourcesCapped,
    otherZone,
    otherSettings,
    countedOtherwise,
    hasSource: (ip) => sources.has(ip),
    hasPort: (proto, port) => (ports.get(proto)?.[port] ?? 0) > 0,
  };
}

/**
 * What a digest that counted some format's records otherwise (a Cisco ASA's Teardowns as
 * probes, its Built records as packets) holds that is not today's measure: the probes, the
 * late packets, the connections, and the sources and ports, which the Teardowns' senders
 * and ports were among. Its packets, verdicts and own traffic count alike.
 */
const NOT_COMPARED = { probes: null, late: null, sources: null, ports: null, connections: null, probeConnections: null, ownConnections: null, lateConnections: null } as const;

/** A digest's totals, with null for what its version did not count as today's are counted. */
function totalsOf(d: DayDigest): PreviousTotals {
  const t = d.totals;
  // Before version 5 connection rows were not counted apart: how many there were is unknown, not none.
  const c = { connections: t.connections ?? null, probeConnections: t.probeConnections ?? null, ownConnections: t.ownConnections ?? null, lateConnections: t.lateConnections ?? null };
  // Version 1 counted every source (repliers, this side's hosts) and no probes apart.
  if (d.logscanDailyDigest === 1) return { ...t, ...c, probes: null, own: null, noise: null, late: null, sources: null };
  // Version 2 counted LAN broadcast chatter and its senders among the probes.
  if (d.logscanDailyDigest === 2) return { ...t, ...c, probes: null, noise: null, late: null, sources: null };
  // Version 3 counted late packets of connections (ACK or RST, no SYN) and their senders
  // among the probes: a day of many forgotten connections would read as a drop in probes.
  if (d.logscanDailyDigest === 3) return { ...t, ...c, probes: null, noise: t.noise ?? null, late: null, sources: null };
  // Versions 4 and 5 counted a scanner's late packets (an ACK scan's first bare ACKs, the
  // RSTs nmap -sS sends to what answered) as late, not as its probes: compared all the same,
  // since they are a scan's first few packets, not a kind of traffic as chatter or replies are.
  return { ...t, ...c, noise: t.noise ?? null, late: t.late ?? null };
}

export interface Change {
  today: number;
  previous: number | null;
  /** today − previous; null without a previous day, or when the day is not compared (Comparison.notCompared). */
  delta: number | null;
  /** delta / previous, null when previous is 0 or unknown, or the day is not compared. */
  ratio: number | null;
}

export interface NewPort {
  proto: string;
  port: number;
  packets: number;
  names: string[];
}

export interface Comparison {
  /** The day compared against ("2026-11-20"). */
  previousDate: string;
  /** null: neither the logs nor --state had that day. */
  basis: 'logs' | 'state' | null;
  previousComplete: boolean;
  /** The day was over and the logs covered all of it (its --state digest's `complete`); false for today, whose numbers are so far. */
  todayComplete: boolean;
  /** Of the day before, when not complete, the part the basis holds; null when complete, without a basis, or not known (a digest before version 8). */
  previousCovered: CoveredTimes | null;
  /** Of the day, when not complete, the part the logs hold (today: so far); null when complete. */
  todayCovered: CoveredTimes | null;
  /** Stretches inside `previousCovered` the basis lacks (a rotation missing or unread between two read), in order; empty when none is known. */
  previousGaps: CoveredTimes[];
  /** The same inside `todayCovered`: the day is covered from its `from` to the first gap, from that gap's `to` on, and so on. */
  todayGaps: CoveredTimes[];
  /**
   * Why the day is not compared: none of it is in the logs (they end before it, or start
   * after it), so its zeros are no drop. The figures' `delta` and `ratio` are then null and
   * nothing is new; null when the day is compared.
   */
  notCompared: NotCompared | null;
  /** The zone the --state digest counted the day before in, when not this run's (its day had other bounds); null otherwise. */
  previousZone: string | null;
  /** What the --state digest counted the day before with that this run does not (thresholds, --ignore, --home-net, --signatures); null otherwise. */
  previousSettings: SettingsChange[] | null;
  /** The formats whose records the --state digest, an older logscan's, counted otherwise (PreviousDay.countedOtherwise); null otherwise. */
  previousCountedOtherwise: string[] | null;
  /** Packets that arrived unasked (the headline's probes). */
  probes: Change;
  /** Every packet logged (probes, this side's own traffic, replies, LAN chatter and late packets). */
  packets: Change;
  /** Of `packets`, connection records (Windows Firewall ALLOW, OPEN, CLOSE; Cisco ASA Built, Teardown); previous null from a digest older than version 5. */
  connections: Change;
  blocked: Change;
  sources: Change;
  ports: Change;
  /** Sources seen today and not the day before (all of them counted, the busiest listed). */
  newSourceCount: number;
  newSources: { ip: string; packets: number }[];
  /** True when the previous day's source list was capped: the count is an upper bound. */
  newSourcesApprox: boolean;
  newPortCount: number;
  newPorts: NewPort[];
  /**
   * Scanners' late packets of the day that no port's count holds (DayTally.lateUncounted),
   * of the scanners that probed a new port: the new ports' counts leave them out. Zero
   * without a comparison, and for nearly every day.
   */
  portsLateUncounted: LateUncounted;
}

/** A Span as the document says it: ISO instants. */
export interface CoveredTimes {
  from: string;
  to: string;
}

const times = (s: Span): CoveredTimes => ({ from: new Date(s.from).toISOString(), to: new Date(s.to).toISOString() });
const coveredTimes = (s: Span | null): CoveredTimes | null => (s === null ? null : times(s));

/** What compareDays needs to know of the day itself. */
export interface TodayState {
  /** As Comparison.todayComplete. */
  complete: boolean;
  /** The part of the day the logs hold when not complete (coverage.ts); null when complete. */
  covered: Span | null;
  /** Stretches inside `covered` the logs lack (coverage.ts); empty when none. */
  gaps?: readonly Span[];
  notCompared: NotCompared | null;
}

const WHOLE_DAY: TodayState = { complete: true, covered: null, notCompared: null };

/** Not `compared`: the day before's count stays, a fact, but no change is made of it. */
function change(today: number, previous: number | null, compared: boolean): Change {
  if (previous === null || !compared) return { today, previous, delta: null, ratio: null };
  return { today, previous, delta: today - previous, ratio: previous > 0 ? (today - previous) / previous : null };
}

/** `list` rows of each kind are kept (busiest first); counts cover everything. */
export function compareDays(today: DayTally, prevDate: string, prev: PreviousDay | null, kb: KnowledgeBase | null, lang: Lang, list = 10, day: TodayState = WHOLE_DAY): Comparison {
  const t = today.totals();
  const compared = day.notCompared === null;
  const newSources: { ip: string; packets: number }[] = [];
  const newPorts: NewPort[] = [];
  const lateUncounted: LateUncounted = { packets: 0, sources: 0, portsCounted: null };
  if (prev !== null && compared) {
    // A scanner none of whose ports is new sent its unplaced packets to ports already probed the day before.
    for (const u of today.lateUncounted) {
      if (!u.ports.some((p) => !prev.hasPort(p.proto, p.port))) continue;
      lateUncounted.packets += u.packets;
      lateUncounted.sources++;
      lateUncounted.portsCounted = u.portsCounted;
    }
    for (const [ip, packets] of today.sources.entries()) if (!prev.hasSource(ip)) newSources.push({ ip, packets });
    for (const [proto, counts] of today.ports) {
      for (let port = 0; port < counts.length; port++) {
        if (counts[port] > 0 && !prev.hasPort(proto, port)) newPorts.push({ proto, port, packets: counts[port], names: [] });
      }
    }
  }
  newSources.sort((a, b) => b.packets - a.packets || cmpAddress(a.ip, b.ip));
  newPorts.sort((a, b) => b.packets - a.packets || a.port - b.port || (a.proto < b.proto ? -1 : 1));
  const shownPorts = newPorts.slice(0, list).map((p) => ({
    ...p,
    names: portNames(kb, p.proto, p.port, lang),
  }));
  const pt = prev?.totals ?? null;
  return {
    previousDate: prevDate,
    basis: prev?.basis ?? null,
    previousComplete: prev?.complete ?? false,
    todayComplete: day.complete,
    previousCovered: prev === null || prev.complete ? null : coveredTimes(prev.covered),
    todayCovered: day.complete ? null : coveredTimes(day.covered),
    previousGaps: prev === null || prev.complete || prev.covered === null ? [] : prev.gaps.map(times),
    todayGaps: day.complete || day.covered === null ? [] : (day.gaps ?? []).map(times),
    notCompared: day.notCompared,
    previousZone: prev?.otherZone ?? null,
    previousSettings: prev?.otherSettings ?? null,
    previousCountedOtherwise: prev?.countedOtherwise ?? null,
    probes: change(t.probes, pt?.probes ?? null, compared),
    packets: change(t.packets, pt?.packets ?? null, compared),
    connections: change(t.connections, pt?.connections ?? null, compared),
    blocked: change(t.blocked, pt?.blocked ?? null, compared),
    sources: change(t.sources, pt?.sources ?? null, compared),
    ports: change(t.ports, pt?.ports ?? null, compared),
    newSourceCount: newSources.length,
    newSources: newSources.slice(0, list),
    newSourcesApprox: compared && (prev?.sourcesCapped ?? false),
    newPortCount: newPorts.length,
    newPorts: shownPorts,
    portsLateUncounted: lateUncounted,
  };
}
