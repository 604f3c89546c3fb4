// The report document: what `logscan FILE` shows, and exactly what `-o json` prints.
// Its shape is documented in docs/report-json.md and kept stable (fields are only added).
import { zoneFacts } from './zone-facts.js';
import type { Severity } from '../event.js';
import type { InputStats } from '../input/read.js';
import { portMeaning, portNames } from '../knowledge/query.js';
import type { KnowledgeBase, Lang } from '../knowledge/types.js';
import type { FilterInfo } from './filter.js';
import type { DayCount, LateUncounted, OverviewData, ProbeSplit } from './overview.js';
import type { FindingCount, Interpretation, RankedSource, SourceRangeCount, SummaryResult } from './summary.js';
import type { CountryCount, NetworkCount } from '../enrich/types.js';
import { zoneName } from '../daily/day.js';
import { ruleCounted, ruleMessageNames } from './rule-message.js';
import type { InputProblem } from '../input/problem.js';

export interface ReportInput {
  file: string;
  format: string | null;
  formatBy: InputStats['formatBy'];
  lines: number;
  events: number;
  skipped: number;
  malformed: number;
  /** What went wrong, in English (as on stderr). */
  error: string | null;
  /** The same as a stable code and its facts (src/input/problem.ts); the text, Markdown and HTML reports word it in --lang. */
  problem: InputProblem | null;
  incomplete: boolean;
  /** Most of its records were also read from `other`: counted twice (null when not). */
  repeats: { other: string; records: number; share: number } | null;
  /** UTF-16 with a byte-order mark, decoded as it was read (Windows PowerShell 5.1's `>`); null for UTF-8/ASCII. */
  encoding: 'UTF-16LE' | 'UTF-16BE' | null;
  /** Decoded from --encoding's legacy encoding (WHATWG name: gb18030, big5 …); absent when it was not. */
  decodedFrom?: string;
  /** Read as UTF-8: lines that were not valid UTF-8 (shown with U+FFFD); absent when none. */
  invalidUtf8?: number;
}

export interface PortRow {
  proto: string;
  port: number;
  packets: number;
  /** Share of all inbound packets with a destination port, 0..1. */
  share: number;
  /** Knowledge-base names, best first. */
  names: string[];
  /** What the first name means for a probe of the port (signatures/, in --lang); null when the port is unknown. */
  meaning: string | null;
  /**
   * Distinct sources of the packets counted (the same probes `packets` counts). Null for
   * protocols other than TCP and UDP. A lower bound once `topPortSourcesCapped`.
   */
  sources: number | null;
  /** Of `packets`, connection records (an inbound ALLOW row or Built: a connection let in); 0 when the table counts blocked packets only. */
  connections: number;
}

/** A destination port of a probed host (ReportDoc.topTargets[].ports). */
export interface TargetPortRow {
  proto: string;
  /** Null for a protocol without ports (ICMP). */
  port: number | null;
  packets: number;
  /** Knowledge-base names, best first (empty without a port or a name). */
  names: string[];
}

/** A host of this side the probes went to, and what they asked it. */
export interface TargetRow {
  ip: string;
  packets: number;
  /** Of `packets`, connection records (an inbound ALLOW row or Built: a connection let in). */
  connections: number;
  /** Distinct sources of those packets; a lower bound once `topTargetSourcesCapped`. */
  sources: number;
  /** Of topTargetsPackets, 0..1. */
  share: number;
  /** Its busiest destination ports or protocols, at most 3, busiest first. */
  ports: TargetPortRow[];
  /** Packets to its other ports and protocols. */
  otherPorts: number;
  /** False when it drew more distinct ports than logscan counts per host (8): `ports` are the busiest of the first 8, `otherPorts` holds the rest. */
  portsComplete: boolean;
}

export interface Counted {
  key: string;
  packets: number;
}

/** A rule label's count, and the format that logged it (absent for "(none)"), whose words the report says it in (an ASA message id). */
export interface RuleCounted extends Counted {
  format?: string;
  /** The name of the message id the label holds, in --lang (ASA-6-302014: "TCP connection closed"; signatures/asa-messages.json); absent for other labels. */
  messageName?: string;
}

export interface ReportDoc {
  schemaVersion: 1;
  inputs: ReportInput[];
  /** events/packets/sources: what the report covers (after --since/--until/--source); parsedEvents: all parsed. */
  /** `ignored` (only with --ignore): events that matched the ignore list and were left out. */
  /** `sourcesCapped`: more distinct sources than the run-wide counter holds (200,000); `sources` is then "at least". */
  totals: { lines: number; events: number; parsedEvents: number; packets: number; connections: number; skipped: number; malformed: number; sources: number; sourcesCapped: boolean; ignored?: number };
  span: { first: string | null; last: string | null };
  /** The zone the report's days and hours are counted in and its times shown in: --tz, else this machine's (IANA name). */
  tz: string;
  /** Some record's time had no zone in the log (BSD syslog stamps, pfirewall.log's local time) and was read in `tz`. */
  zonelessTimes: boolean;
  /** zonelessTimes without --tz: those times were read in this machine's zone, which may not be the log's. */
  tzAssumed: boolean;
  /** The first zone name a stamp carried (`journalctl -o short-full`) that is none of `tz`'s at its time, read in `tz` all the same; null when none. */
  unmatchedZone: string | null;
  /** The first zone name a stamp carried that is one of `tz`'s at its time (`CET` in Europe/Berlin): those times have a zone, read as `tz` time; null when none. */
  namedZone: string | null;
  /**
   * Records dated by their syslog header, with and without a zone in it, when the log has both
   * and the zone-less ones are all its times without a zone (a collector changed from RFC 3339
   * to BSD stamps); null otherwise (ZoneFacts.headerTimes).
   */
  headerTimes: { zoned: number; zoneless: number } | null;
  byFormat: Counted[];
  /** Packets per log prefix / rule label, busiest first (at most 10; "(none)" for records without one). */
  byRule: RuleCounted[];
  /** Distinct rule labels: more than byRule lists when over 10. */
  ruleLabels: number;
  byAction: Counted[];
  byProto: Counted[];
  byDirection: Counted[];
  /** Packets that arrived unasked and the (protocol, port) pairs they went to; the rest of the packets logged: this side's own, replies to it, LAN broadcast chatter, late packets of connections already under way. */
  probes: ProbeSplit;
  /** `connections`: of `packets`, connection records (Windows Firewall, Cisco ASA; the table's head says packets, connections or records by them). */
  topSources: { ip: string; packets: number; connections: number }[];
  topPorts: PortRow[];
  /** True when topPorts counts dropped/rejected packets only (the log had some), else all inbound. */
  topPortsBlockedOnly: boolean;
  /** The packets a topPorts share is of: those it counts that went to a port (ICMP has none). */
  topPortsPackets: number;
  /** Of topPortsPackets, connection records (inbound ALLOW rows, Built records); 0 when topPortsBlockedOnly. */
  topPortsConnections: number;
  /** True when topPorts[].sources are lower bounds (more distinct source-port pairs than logscan keeps). */
  topPortSourcesCapped: boolean;
  /**
   * Scanners' late packets (their RSTs and ACKs after the scan) that are among the probes
   * but in no row of topPorts: a source's late packets are counted by port for its first
   * `portsCounted` ports only (scan-late.ts lateByPort). Zero for nearly every log.
   */
  topPortsLateUncounted: LateUncounted;
  /** The hosts of this side the probes went to, most probed first (--top rows). */
  topTargets: TargetRow[];
  /** True when topTargets counts dropped/rejected probes only (the log had some), else every probe. */
  topTargetsBlockedOnly: boolean;
  /** The packets a topTargets share is of: every probe it counts, to any host. */
  topTargetsPackets: number;
  /** Of topTargetsPackets, connection records. */
  topTargetsConnections: number;
  /** Distinct hosts the probes went to; "at least" once `targetHostsCapped` (more than logscan keeps, 4,096). */
  targetHosts: number;
  targetHostsCapped: boolean;
  /** True when topTargets[].sources are lower bounds (more distinct source-host pairs than logscan keeps). */
  topTargetSourcesCapped: boolean;
  /** Packets per hour of day (0-23) in the report's zone. */
  perHour: number[];
  /** Of them, the packets dropped or rejected. */
  perHourBlocked: number[];
  /** Packets (and of them blocked) per calendar day in the report's zone, the days with records, oldest first. */
  perDay: DayCount[];
  /** More distinct days than logscan keeps (4,000): perDay lists the first of them. */
  perDayCapped: boolean;
  filters: FilterInfo;
  /** Ranked sources, rank order: the top N (--top) at or above --min-severity. */
  sources: RankedSource[];
  /** Sources ranked in all (before --top and --min-severity). */
  rankedSources: number;
  /**
   * Of the header's sources, those never ranked: loopback, or only this side's own traffic
   * (allowed out, or between two of its machines), which is no probe (profile.ts). Null when
   * the counts cannot tell (the distinct-source count stopped at its cap, profiles were
   * evicted, no ranking was made).
   */
  unrankedSources: number | null;
  /** Per finding id over all ranked sources (not only the shown ones). */
  findings: FindingCount[];
  /** Highest finding severity of any source, or null without findings (what --fail-on compares). */
  maxFindingSeverity: Severity | null;
  /** Annotation ids seen (except port-known), most severe first; at or above --min-severity. */
  interpretations: Interpretation[];
  /** Ranked sources per special-purpose range that says what they are (carrier-grade NAT, link-local, forged senders), most first. */
  sourceRanges: SourceRangeCount[];
  /** Profile table: how many sources were tracked and how many evicted at the cap. */
  profiles: SummaryResult['profiles'];
  /** The signal that stopped reading early ("SIGINT", "SIGTERM"): the report covers what was read before it. Null for a full run. */
  interrupted: string | null;
  /**
   * Where the log itself says records are missing (Windows Firewall INFO-EVENTS-LOST rows,
   * Cisco IOS IPACCESSLOGRL lines): how many rows, the device's word for them (`marker`), the records they say were lost, the rows that give no number, and the
   * first and last row's time. Null when the log says nothing is missing.
   */
  logGaps: { rows: number; marker: string; records: number; uncounted: number; first: string | null; last: string | null } | null;
  /** --geoip only: per country / per AS over every tracked source (docs/integrations.md), and the databases used. */
  topCountries?: CountryCount[];
  topNetworks?: NetworkCount[];
  geoip?: { type: string; built: string }[];
  /** --os-hint only: shown sources whose packets carried no TTL (Windows Firewall logs none), so no hint could be read for them. */
  osHintsWithoutTtl?: number;
}

export interface ReportExtras {
  summary: SummaryResult;
  top: number;
  minSeverity: number | null;
  filters: FilterInfo;
  /** Set when a signal stopped reading (see ReportDoc.interrupted). */
  interrupted?: string | null;
  /** --tz (null: this machine's zone). */
  tz?: string | null;
}

const EMPTY_SUMMARY: SummaryResult = { sources: [], ranked: 0, findings: [], maxFindingSeverity: null, interpretations: [], sourceRanges: [], profiles: { tracked: 0, evicted: 0, evictedEvents: 0, cap: 0 } };

export function buildReport(stats: readonly InputStats[], ov: OverviewData, kb: KnowledgeBase | null, lang: Lang, extras?: ReportExtras): ReportDoc {
  const summary = extras?.summary ?? EMPTY_SUMMARY;
  const minSev = extras?.minSeverity ?? null;
  const top = extras?.top ?? 20;
  const findings = summary.findings;
  const maxFindingSeverity = summary.maxFindingSeverity;
  const portPackets = ov.portPackets;
  const counted = (rows: [string, number][]): Counted[] => rows.map(([key, packets]) => ({ key, packets }));
  const tz = extras?.tz ?? null;
  const zones = zoneFacts(stats);
  const zonelessTimes = zones.zonelessTimes;
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
      problem: s.problem ?? null,
      incomplete: s.incomplete,
      repeats: s.repeats ?? null,
      encoding: s.encoding ?? null,
      // Only when there is something to say: a report of clean UTF-8 keeps its JSON as it was.
      ...(s.decodedFrom !== undefined ? { decodedFrom: s.decodedFrom } : {}),
      ...(s.invalidUtf8 !== undefined ? { invalidUtf8: s.invalidUtf8 } : {}),
    })),
    totals: {
      lines: sum(stats, (s) => s.lines),
      events: ov.events,
      parsedEvents: sum(stats, (s) => s.events),
      packets: ov.packets,
      connections: ov.connections,
      skipped: sum(stats, (s) => s.skipped),
      malformed: sum(stats, (s) => s.malformed),
      sources: ov.distinctSources,
      sourcesCapped: ov.distinctSourcesCapped,
    },
    span: { first: ov.first?.toISOString() ?? null, last: ov.last?.toISOString() ?? null },
    tz: zoneName(tz),
    zonelessTimes,
    tzAssumed: zonelessTimes && tz === null,
    unmatchedZone: zones.unmatchedZone,
    namedZone: zones.namedZone,
    headerTimes: zones.headerTimes,
    byFormat: counted(ov.byFormat),
    byRule: ov.byRule.map(([key, packets, format]) => ruleCounted(kb, lang, key, packets, format)),
    ruleLabels: ov.ruleLabels,
    byAction: counted(ov.byAction),
    byProto: counted(ov.byProto),
    byDirection: counted(ov.byDirection),
    probes: ov.probes,
    topSources: ov.topSources.map(([ip, packets, connections]) => ({ ip, packets, connections })),
    topPorts: ov.topPorts.map(([k, packets, sources, connections]) => ({
      proto: k.proto,
      port: k.port,
      packets,
      share: portPackets > 0 ? packets / portPackets : 0,
      names: portNames(kb, k.proto, k.port, lang),
      meaning: portMeaning(kb, k.proto, k.port, lang),
      sources,
      connections,
    })),
    topPortsBlockedOnly: ov.portsBlockedOnly,
    topPortsPackets: portPackets,
    topPortsConnections: ov.portConnections,
    topPortSourcesCapped: ov.portSourcesCapped,
    topPortsLateUncounted: ov.portsLateUncounted,
    topTargets: ov.targets.top.map((t) => ({
      ip: t.ip,
      packets: t.packets,
      connections: t.connections,
      sources: t.sources,
      share: ov.targets.packets > 0 ? t.packets / ov.targets.packets : 0,
      ports: t.ports.map((p) => ({ ...p, names: p.port === null ? [] : portNames(kb, p.proto, p.port, lang) })),
      otherPorts: t.otherPorts,
      portsComplete: t.portsComplete,
    })),
    topTargetsBlockedOnly: ov.targetsBlockedOnly,
    topTargetsPackets: ov.targets.packets,
    topTargetsConnections: ov.targets.connections,
    targetHosts: ov.targets.hosts,
    targetHostsCapped: ov.targets.hostsCapped,
    topTargetSourcesCapped: ov.targets.sourcesCapped,
    perHour: ov.perHour,
    perHourBlocked: ov.perHourBlocked,
    perDay: ov.perDay,
    perDayCapped: ov.daysCapped,
    filters: extras?.filters ?? { since: null, until: null, sources: [], minSeverity: null },
    sources: (minSev === null ? summary.sources : summary.sources.filter((r) => r.severity >= minSev)).slice(0, top).map((r) => withMessageNames(r, kb, lang, ov.ruleFormat)),
    rankedSources: summary.ranked,
    unrankedSources: extras?.summary === undefined || ov.distinctSourcesCapped || summary.profiles.evicted > 0 ? null : Math.max(0, ov.distinctSources - summary.ranked),
    findings,
    maxFindingSeverity,
    interpretations: minSev === null ? summary.interpretations : summary.interpretations.filter((i) => i.severity >= minSev),
    sourceRanges: summary.sourceRanges,
    profiles: summary.profiles,
    interrupted: extras?.interrupted ?? null,
    logGaps: ov.logGaps && { ...ov.logGaps, first: isoOrNull(ov.logGaps.first), last: isoOrNull(ov.logGaps.last) },
  };
}

/** A shown source with the names of the message ids its labels hold (its details say them as the "logged as" row does). */
function withMessageNames(r: RankedSource, kb: KnowledgeBase | null, lang: Lang, formatOf: (rule: string) => string | null): RankedSource {
  const messageNames = ruleMessageNames(kb, lang, r.rules, formatOf);
  return messageNames === undefined ? r : { ...r, messageNames, messageFormat: formatOf };
}

function isoOrNull(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}

function sum<T>(xs: readonly T[], f: (x: T) => number): number {
  let n = 0;
  for (const x of xs) n += f(x);
  return n;
}
