// The daily document: what every `logscan daily` format shows, and exactly what
// `-o json` prints (docs/daily.md). The day's ranking, ports and interpretations are
// the ordinary report document (docs/report-json.md) under `report`.
import { buildReport, type ReportDoc, type RuleCounted } from '../aggregate/report.js';
import { NO_RULE } from '../aggregate/overview.js';
import type { SummaryResult } from '../aggregate/summary.js';
import type { Thresholds } from '../aggregate/thresholds.js';
import type { InputStats } from '../input/read.js';
import type { KnowledgeBase, Lang } from '../knowledge/types.js';
import { ruleCounted } from '../aggregate/rule-message.js';
import type { Comparison } from './compare.js';
import type { DailyCollector } from './collect.js';
import { byClockHour, hourLabels, zoneName } from './day.js';
import type { Packing, SkippedFile } from './discover.js';
import type { StateDirProblem } from './digest.js';
import { messages } from '../i18n/messages.js';

export interface DailyDoc {
  schemaVersion: 1;
  kind: 'daily';
  /** "2026-11-21" in `tz`. */
  date: string;
  tz: string;
  window: { start: string; end: string; hours: number };
  /** The day is not over yet (`--date today`): numbers are "so far". */
  partial: boolean;
  /** The day has not even begun by this machine's clock (a --date ahead): any record on it comes from a clock set ahead. */
  ahead: boolean;
  /** Do the logs reach back to the day's start and on to its end (a record after it, or a file written after it), with no input broken off (but one whose records a duplicate family restored, `fallbacks`)? False: some or all of the day is missing (`logs` says which). */
  covered: boolean;
  /** The signal that stopped reading early ("SIGINT", "SIGTERM"): the numbers cover only what was read before it (exit 130 / 143). Null for a full run. */
  interrupted: string | null;
  /** The --state digest that could not be saved (exit 2): the day's, or the day before's, which `next` then compares with; null without --state, when saved, or when interrupted (never written then). */
  stateNotSaved: StateNotSaved | null;
  /** The first and last record time read, any day (null: no dated record). */
  logs: { first: string | null; last: string | null };
  /**
   * `packets`: every firewall packet logged on the day, which `blocked`/`allowed`/`other`
   * split; of them `probes` arrived unasked, `own` were sent from this side, `replies`
   * answered its connections, `noise` was LAN broadcast chatter (DHCP, NetBIOS, SSDP,
   * mDNS … sent to every machine on the segment) and `late` were late packets of
   * connections already under way (ACK or RST, no SYN). `sources` and `ports`: of the probes. `sourcesCapped`: more
   * distinct sources than the day's counter holds (200,000); `sources` is then "at least".
   */
  headline: {
    events: number;
    packets: number;
    /** Of `packets`, records of a connection (Windows Firewall ALLOW, OPEN, CLOSE; Cisco ASA Built, Teardown), not a packet; `ownConnections`, `lateConnections`: of `own`, `late`. */
    connections: number;
    probes: number;
    /** Of `probes`, connection records (an inbound ALLOW or Built: a connection let in). */
    probeConnections: number;
    own: number;
    ownConnections: number;
    replies: number;
    /** Of `replies`, connection records (a Cisco ASA Teardown read as a server's end of a connection). */
    replyConnections: number;
    noise: number;
    /** Of `noise`, connection records (a Cisco ASA Teardown to a broadcast address). */
    noiseConnections: number;
    late: number;
    lateConnections: number;
    sources: number;
    sourcesCapped: boolean;
    ports: number;
    blocked: number;
    allowed: number;
    other: number;
  };
  /** Packets per log prefix / rule label, busiest first (at most 10). */
  /** As the report's byRule: each label's packets and the format that logged it (absent for "(none)"). */
  rules: RuleCounted[];
  /** Distinct labels on the day: more than `rules` lists when over 10. */
  ruleLabels: number;
  /** Packets per hour since the day's start; `labels` are wall-clock hours (a DST day has 23 or 25). */
  chart: { labels: string[]; packets: number[]; blocked: number[]; previous: number[] | null };
  /** `newRanked`: which of the sources in `report.sources` are new today (the page marks them), wherever they stand in `newSources`. */
  comparison: Comparison & { newRanked: string[] };
  /** Events read that were neither on the day nor on the day before (the comparison's): on other days, or without an absolute time. */
  outside: { otherDays: number; untimed: number };
  /** Log files passed over when discovering or because earlier logs carry their lines (empty when FILEs were given); `reason` words `why` in --lang. */
  skippedFiles: (SkippedFile & { reason: string })[];
  /** Rotations missing from the numbering (`kern.log.2` between `.1` and `.3.gz`), or there but unread (`packed`), whose lines may fall on the day (`inDay`) or the day before. */
  missingFiles: MissingFile[];
  /** Inputs not read to the end (`error`: why, as on stderr, without the file name); `inDay`: what each lost may hold records of the day (false: the records around the loss put it on other days). */
  incompleteInputs: IncompleteInput[];
  /** A family skipped otherwise as a duplicate (ufw.log of kern.log), read for what unreadable files of the kept one held (docs/daily.md). */
  fallbacks: DuplicateFallback[];
  report: ReportDoc;
}

export interface DuplicateFallback {
  /** The kept family's files not read (to the end), as `incompleteInputs` lists them. */
  unread: string[];
  /** The duplicate family read for their stretch of time ("ufw.log"), and its files read. */
  family: string;
  read: string[];
  /** Its files were read to the end: the stretch counts as covered (`covered`); false, the unread files still leave the day incomplete. */
  restored: boolean;
}

export interface IncompleteInput {
  file: string;
  error: string;
  /** Not a line of it was read (it could not be opened, is a directory or binary data). */
  nothingRead: boolean;
  inDay: boolean;
}

export interface MissingFile {
  path: string;
  /** The files beside it; null where the family has none (only for a `packed` one: an oldest or newest file unread). */
  newer: string | null;
  older: string | null;
  inDay: boolean;
  /** There, at `path`, but the command that unpacks it is not installed (skippedFiles lists it too); absent for a missing number. */
  packed?: Packing;
}

export interface DailyDocInput {
  /** Read to the end and ranked (DailyCollector.rank): its counts are the ranking's. */
  collector: DailyCollector;
  ranking: SummaryResult;
  stats: readonly InputStats[];
  skippedFiles: SkippedFile[];
  missingFiles: MissingFile[];
  incompleteInputs: IncompleteInput[];
  fallbacks: DuplicateFallback[];
  comparison: Comparison;
  /** Whether a source probed today but not the day before; null without a day before to compare with. */
  isNewSource: ((ip: string) => boolean) | null;
  previousPerHour: number[] | null;
  kb: KnowledgeBase;
  lang: Lang;
  tz: string | null;
  top: number;
  thresholds: Thresholds;
  partial: boolean;
  ahead: boolean;
  covered: boolean;
  interrupted: string | null;
  stateNotSaved: StateNotSaved<StateDirProblem> | null;
}

export interface StateNotSaved<Why = string> {
  dir: string;
  /** The day of the digest not saved, and the day whose summary will miss it once the logs of `date` are gone. */
  date: string;
  next: string;
  /** Why: in the document, words in --lang (daily.stateDirProblem), as the page says it. */
  problem: Why;
}

export function buildDailyDoc(x: DailyDocInput): DailyDoc {
  const c = x.collector;
  const w = c.window;
  const labels = hourLabels(w, x.tz);
  const t = c.today.totals();
  const report = buildReport(x.stats, c.overview.result(x.top), x.kb, x.lang, {
    summary: x.ranking,
    top: x.top,
    minSeverity: null,
    filters: { since: new Date(w.start).toISOString(), until: new Date(w.end - 1).toISOString(), sources: [], minSeverity: null },
    interrupted: x.interrupted,
    tz: x.tz,
  });
  return {
    schemaVersion: 1,
    kind: 'daily',
    date: w.key,
    tz: zoneName(x.tz),
    window: { start: new Date(w.start).toISOString(), end: new Date(w.end).toISOString(), hours: w.hours },
    partial: x.partial,
    ahead: x.ahead,
    covered: x.covered,
    interrupted: x.interrupted,
    stateNotSaved: x.stateNotSaved === null ? null : { ...x.stateNotSaved, problem: messages(x.lang).daily.stateDirProblem(x.stateNotSaved.problem) },
    logs: {
      first: c.earliest === Infinity ? null : new Date(c.earliest).toISOString(),
      last: c.latest === -Infinity ? null : new Date(c.latest).toISOString(),
    },
    headline: {
      events: t.events,
      packets: t.packets,
      connections: c.today.connections,
      probes: t.probes,
      own: t.own,
      probeConnections: c.today.probeConnections,
      ownConnections: c.today.ownConnections,
      replies: c.today.replies,
      replyConnections: c.today.replyConnections,
      noise: c.today.noise,
      noiseConnections: c.today.noiseConnections,
      late: c.today.late,
      lateConnections: c.today.lateConnections,
      sources: t.sources,
      sourcesCapped: c.today.sources.saturated,
      ports: t.ports,
      blocked: t.blocked,
      allowed: t.allowed,
      other: t.other,
    },
    rules: c.today.rules.top(10).map(([key, packets]) => ruleCounted(x.kb, x.lang, key, packets, key === NO_RULE ? null : c.today.ruleFormats.of(key))),
    ruleLabels: c.today.rules.distinct,
    chart: {
      labels,
      packets: [...c.today.perHour],
      blocked: [...c.today.blockedPerHour],
      previous: x.previousPerHour === null ? null : byClockHour(x.previousPerHour, hourLabels(c.prevWindow, x.tz), labels),
    },
    comparison: { ...x.comparison, newRanked: x.isNewSource === null ? [] : report.sources.filter((s) => x.isNewSource!(s.ip)).map((s) => s.ip) },
    outside: { otherDays: c.otherDays, untimed: c.untimed },
    skippedFiles: x.skippedFiles.map((f) => ({ ...f, reason: messages(x.lang).daily.skipReason(f.why) })),
    missingFiles: x.missingFiles,
    incompleteInputs: x.incompleteInputs,
    fallbacks: x.fallbacks,
    report,
  };
}
