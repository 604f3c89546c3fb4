// The summarizer: per-source profiles plus run-wide annotation statistics, fed one
// event at a time; at the end, findings, scores and the ranking. Deterministic: the
// same events in any order or chunking (merge) rank the same, ties broken by address.
import type { FirewallEvent, Severity } from '../event.js';
import type { AddressEntry, KnowledgeBase, Lang } from '../knowledge/types.js';
import { flat } from '../util/flat-string.js';
import { CappedCounter } from './capped-counter.js';
import { topN } from './top-n.js';
import { cmpStr } from '../util/compare.js';
import { cmpAddress } from './address-order.js';
import { analyseSource, assessSource, crossedTraceroutePorts, flagSummary, lateScanReach, scansWithLate, topReached, type Finding, type ScoreParts, type SourceAnalysis } from './findings.js';
import type { ScanLate } from './overview.js';
import { lateByPort, latePortsCounted } from './scan-late.js';
import { P_ICMP, P_OTHER, P_TCP, P_UDP, ProfileTable, portKeyName, type SourceProfile } from './profile.js';
import type { Thresholds } from './thresholds.js';
import { annotationRoles } from '../annotate/roles.js';
import type { AsInfo, GeoInfo, OsHint } from '../enrich/types.js';
import { addressKey } from './address-key.js';
import { ipv4ToInt, isValidAddressText } from '../parsers/address.js';
import { isConnectionRecord } from '../parsers/connection-records.js';
import { lostRecords } from '../parsers/log-gaps.js';
import { messages } from '../i18n/messages.js';

export interface RankedSource {
  rank: number;
  ip: string;
  score: number;
  scoreParts: ScoreParts;
  severity: Severity;
  events: number;
  packets: number;
  /** Distinct destination ports (tcp+udp+other); `portsCapped` means "at least". */
  ports: number;
  portsCapped: boolean;
  tcpPorts: number;
  udpPorts: number;
  hosts: number;
  hostsCapped: boolean;
  first: string | null;
  last: string | null;
  protocols: string[];
  /** Packets per TCP flag class (syn, null, fin, xmas, synfin, ack, other); only non-zero ones. */
  tcpFlags: Record<string, number>;
  actions: { drop: number; reject: number; allow: number; other: number };
  /** Of `packets`, connection records (Windows Firewall, Cisco ASA; one ALLOW, OPEN or CLOSE row per connection): the details say records for them. */
  connections: number;
  /** Of its probes (not this side's traffic, replies, LAN chatter or late packets), the packets the firewall let in. */
  allowedProbes: number;
  /** Packets per rule/prefix label (the first few distinct labels). */
  rules: Record<string, number>;
  /**
   * The name of the message id each of `rules`' labels holds that has one (a Cisco ASA tag:
   * signatures/asa-messages.json, as byRule's messageName), in --lang; set when the report
   * is built (buildReport), absent when no label holds one.
   */
  messageNames?: Record<string, string>;
  /**
   * The format each named label was logged by (the run's record of it), beside
   * messageNames, so its words are read in that format's terms (sourceRulesCounted). A
   * function, so not in the JSON, which keeps the labels and their names only.
   */
  messageFormat?: (rule: string) => string | null;
  /** Packets per annotation id. */
  annotations: Record<string, number>;
  topPorts: { proto: string; port: number; packets: number }[];
  findings: Finding[];
  explanation: string;
  /**
   * The narrowest special-purpose range of the address that says what a source there is
   * (signatures/addresses.json `asSource`: carrier-grade NAT, link-local, a forged source…),
   * or `invalid-address` (range '') for text the firewall wrote that is no valid IP address;
   * null for an ordinary address, and for a valid one without a knowledge base.
   */
  addressRange: { id: string; range: string; note: string } | null;
  // Opt-in enrichments (src/enrich, docs/integrations.md): absent unless their option is given.
  /** --geoip: country of the address (null: not in the database). */
  geo?: GeoInfo | null;
  /** --geoip: autonomous system (null: not in the database). */
  as?: AsInfo | null;
  /** --resolve: PTR name, unverified (null: none or timed out). */
  ptr?: string | null;
  /** --os-hint: a cautious OS-family hint from the first packet (null: no TTL or no rule matched). */
  osHint?: OsHint | null;
}

export interface Interpretation {
  id: string;
  severity: Severity;
  events: number;
  packets: number;
  /** Of `packets`, connection records (Windows Firewall ALLOW, OPEN, CLOSE; Cisco ASA Built, Teardown): the tables head the count by them. */
  connections: number;
  /** Of `packets`, rows in which the firewall says it could not write records (INFO-EVENTS-LOST): neither packet nor connection. */
  gapRows: number;
  /** Distinct sources (at most the per-id cap; `sourcesCapped` then). */
  sources: number;
  sourcesCapped: boolean;
  /** The busiest sources, by packets. */
  topSources: { ip: string; packets: number }[];
  /** The annotation's one-line meaning (the most frequent text for this id). */
  text: string;
  /** Packets that had `text`: fewer than `packets` when the id's rules or ports gave others too. */
  textPackets: number;
  /** Another text of the id had as many packets: `text` is the first of the most common in code-unit order, not the one most common. */
  textTied: boolean;
  /** Distinct texts of the id (at most the per-id cap: `textsCapped` then); more than 1, `text` is one of several. */
  texts: number;
  textsCapped: boolean;
  /**
   * The busiest source that got `text`. The top sources may have had other texts of
   * the id (another trojan's port), so "e.g. from" shows this one.
   */
  textSource: string | null;
  /**
   * Of `packets`, those of sources the ranking found scanning, for an id that reads packets
   * as late (role `late`: stale-connection, session-close): the report's header counts
   * them as those scans' probes, not as late packets. 0 for any other id.
   */
  scanPackets: number;
  /** The sources of `scanPackets`. */
  scanSources: number;
}

export interface FindingCount {
  id: string;
  /** Sources with this finding. */
  sources: number;
  /** Highest severity it reached. */
  maxSeverity: Severity;
}

export interface SummaryResult {
  /** Ranked sources, rank order: those at or above minSeverity, at most `limit` of them. */
  sources: RankedSource[];
  /** Sources ranked in all (before limit and minSeverity). */
  ranked: number;
  /** Per finding id over all ranked sources. */
  findings: FindingCount[];
  /** Highest finding severity of any source; null without findings. */
  maxFindingSeverity: Severity | null;
  interpretations: Interpretation[];
  /** Ranked sources per special-purpose range that says what a source there is (addressRange), most sources first. */
  sourceRanges: SourceRangeCount[];
  profiles: { tracked: number; evicted: number; evictedEvents: number; cap: number };
}

export interface SourceRangeCount {
  id: string;
  range: string;
  /** The range's name, in --lang. */
  name: string;
  sources: number;
  packets: number;
}

/** Distinct sources remembered per annotation id. */
const SOURCES_PER_ANNOTATION = 1000;
const TEXTS_PER_ANNOTATION = 16;
/** Texts a source remembers having had, as bits of one int32 (ids with more texts are rare: trojan ports). */
const TEXT_BITS = 31;

const ROW_PACKET = 0;
const ROW_CONNECTION = 1;
const ROW_GAP = 2;
type RowKind = typeof ROW_PACKET | typeof ROW_CONNECTION | typeof ROW_GAP;

/** A Windows Firewall row may be a connection or a note of lost records, not a packet: an interpretation's count says which. */
function rowKind(e: FirewallEvent, connection: boolean): RowKind {
  if (connection) return ROW_CONNECTION;
  return lostRecords(e) === null ? ROW_PACKET : ROW_GAP;
}

class AnnotationStats {
  events = 0;
  packets = 0;
  connections = 0;
  gapRows = 0;
  severity = 0;
  /** Packets per source, and which texts it had (bits from textBits); mutable, so counting is one hash lookup. */
  readonly sources = new Map<string, { n: number; texts: number }>();
  readonly texts = new CappedCounter<string>(TEXTS_PER_ANNOTATION);
  /** The first TEXT_BITS distinct texts, each with its bit. */
  private readonly textBits = new Map<string, number>();
  /** The last source and text added, and what they found (an entry never leaves `sources`; a text keeps its bit). */
  private lastSrc: string | null = null;
  private lastEntry: { n: number; texts: number } | undefined;
  private lastText: string | null = null;
  private lastBit = 0;

  /** `kind`: what the record is (rowKind). */
  add(src: string | null, text: string, severity: number, n: number, kind: RowKind): void {
    this.events++;
    this.packets += n;
    if (kind === ROW_CONNECTION) this.connections += n;
    else if (kind === ROW_GAP) this.gapRows += n;
    if (severity > this.severity) this.severity = severity;
    this.texts.add(text, n);
    if (src !== null) this.addSource(src, n, this.textBit(text));
  }

  private addSource(src: string, n: number, texts: number): void {
    // A scan's packets come back to back: its entry again, without hashing the address.
    let c = src === this.lastSrc ? this.lastEntry : this.sources.get(src);
    if (c !== undefined) {
      c.n += n;
      c.texts |= texts;
    } else if (this.sources.size < SOURCES_PER_ANNOTATION) this.sources.set(flat(src), (c = { n, texts }));
    this.lastSrc = src;
    this.lastEntry = c;
  }

  private textBit(text: string): number {
    if (text === this.lastText) return this.lastBit;
    const bit = this.textBitOf(text);
    this.lastText = text;
    this.lastBit = bit;
    return bit;
  }

  private textBitOf(text: string): number {
    const bit = this.textBits.get(text);
    if (bit !== undefined) return bit;
    if (this.textBits.size >= TEXT_BITS) return 0;
    const fresh = 1 << this.textBits.size;
    this.textBits.set(text, fresh);
    return fresh;
  }

  /** The busiest source that had `text` (ties: the lowest address), null when none is known. */
  sourceOf(text: string): string | null {
    const bit = this.textBits.get(text) ?? 0;
    let best: string | null = null;
    let bestN = -1;
    for (const [ip, c] of this.sources) {
      if ((c.texts & bit) !== 0 && (c.n > bestN || (c.n === bestN && cmpAddress(ip, best!) < 0))) {
        best = ip;
        bestN = c.n;
      }
    }
    return best;
  }

  merge(o: AnnotationStats): void {
    this.events += o.events;
    this.packets += o.packets;
    this.connections += o.connections;
    this.gapRows += o.gapRows;
    this.severity = Math.max(this.severity, o.severity);
    for (const [t, c] of o.texts.entries()) this.texts.add(t, c);
    // o numbered its texts in its own order: translate its bits into ours.
    const mine = new Array<number>(TEXT_BITS).fill(0);
    for (const [t, bit] of o.textBits) mine[31 - Math.clz32(bit)] = this.textBit(t);
    for (const [s, c] of o.sources) {
      let texts = 0;
      for (let b = c.texts; b !== 0; b &= b - 1) texts |= mine[31 - Math.clz32(b & -b)]!;
      this.addSource(s, c.n, texts);
    }
  }
}

/** Sources with this finding rank above all others (docs/ranking.md, "The order"). */
const FIRST_TIER_FINDING = 'outbound-malware';

export interface RankOptions {
  kb: KnowledgeBase | null;
  /** Language of the finding texts and explanations (--lang). */
  lang: Lang;
  /** Rows to build (default: all). Every source is still scored and ranked. */
  limit?: number;
  /** Only rows whose severity reaches this. */
  minSeverity?: number | null;
  /** Stop at the first source scoring below this (rows are in score order); -o blocklist. */
  minScore?: number;
  /**
   * Told of each source whose findings make its late packets its scan's (scansWithLate, as
   * its row's lateScanReach counts them), for the report's header (Overview.countScanLate):
   * found while every source is assessed anyway.
   */
  onScanLate?: (x: ScanLate) => void;
}

export class Summarizer {
  readonly profiles: ProfileTable;
  private readonly notes = new Map<string, AnnotationStats>();

  /** Annotations never listed as interpretations (role context: port-known). */
  private readonly context = annotationRoles().idSet('context');
  /** Annotations that read a packet as late (role late): a scanner's are its probes after all. */
  private readonly lateIds = annotationRoles().idSet('late');

  constructor(readonly thresholds: Thresholds) {
    this.profiles = new ProfileTable(thresholds);
  }

  /**
   * `connection`: isConnectionRecord(e), asked once per event by the caller that hands it
   * to the overview and the day's tally too; asked here when not given.
   */
  add(e: FirewallEvent, connection = isConnectionRecord(e)): void {
    this.profiles.add(e, connection);
    const anns = e.annotations;
    if (anns.length === 0) return;
    // The source as the profiles and the report name it (RFC 5952 for IPv6).
    const src = e.src.ip === null ? null : addressKey(e.src.ip);
    let kind: RowKind | -1 = -1;
    for (let i = 0; i < anns.length; i++) {
      const a = anns[i];
      // Never listed as an interpretation (result() leaves them out), and on nearly every event.
      if (this.context.has(a.id)) continue;
      let s = this.notes.get(a.id);
      if (s === undefined) {
        s = new AnnotationStats();
        this.notes.set(a.id, s);
      }
      if (kind === -1) kind = rowKind(e, connection);
      s.add(src, a.text, a.severity, e.count, kind);
    }
  }

  /** Folds in a summarizer that read another part of the input. */
  merge(o: Summarizer): void {
    this.profiles.merge(o.profiles);
    for (const [id, s] of o.notes) {
      let cur = this.notes.get(id);
      if (!cur) this.notes.set(id, (cur = new AnnotationStats()));
      cur.merge(s);
    }
  }

  result(opts: RankOptions): SummaryResult {
    const t = this.thresholds;
    // Score everything, keep only the score: the findings of tens of thousands of
    // sources were the run's peak memory, and so were the profile views when each score
    // kept one (~12 MiB at 42k sources). Rows that will be shown are looked up and
    // assessed again.
    const n = this.profiles.size;
    const ips = new Array<string>(n);
    const scores = new Float64Array(n);
    const severities = new Uint8Array(n);
    const firstTier = new Uint8Array(n);
    const counts = new Map<string, FindingCount>();
    const ranges = new Map<string, SourceRangeCount>();
    let maxFindingSeverity: Severity | null = null;
    /** Per late-reading id, the packets and sources of scanners (Interpretation.scanPackets). */
    const scanLate = new Map<string, { packets: number; sources: number }>();
    let k = 0;
    for (const p of this.profiles.values()) {
      const valid = isValidAddressText(p.ip);
      const range = valid ? rangeOf(opts.kb, p.ip) : null;
      if (range !== null || !valid) {
        const id = range === null ? INVALID_ADDRESS : range.id;
        let r = ranges.get(id);
        if (!r) {
          const name = range === null ? messages(opts.lang).invalidAddress.name : range.name[opts.lang];
          ranges.set(id, (r = { id, range: range === null ? '' : range.range, name, sources: 0, packets: 0 }));
        }
        r.sources++;
        r.packets += p.packets;
      }
      const a = assessSource(p, t, opts.kb, opts.lang);
      if (p.latePackets > 0 && scansWithLate(a.findings)) {
        // From the profile's own counts, exact where the per-id source lists stop at their cap.
        for (const [id, packets] of p.annotations) {
          if (!this.lateIds.has(id)) continue;
          const c = scanLate.get(id) ?? { packets: 0, sources: 0 };
          c.packets += packets;
          c.sources++;
          scanLate.set(id, c);
        }
        if (opts.onScanLate) {
          const all = lateByPort(p.latePorts, p.latePackets);
          const blocked = lateByPort(p.lateBlockedPorts, p.lateBlocked);
          opts.onScanLate({ ip: p.ip, packets: p.latePackets, blocked: p.lateBlocked, connections: p.lateConnections, ports: all.ports, blockedPorts: blocked.ports, uncounted: all.uncounted, blockedUncounted: blocked.uncounted, portsCounted: latePortsCounted(t.limits) });
        }
      }
      ips[k] = p.ip;
      scores[k] = a.score;
      severities[k] = a.severity;
      firstTier[k++] = a.findings.some((f) => f.id === FIRST_TIER_FINDING) ? 1 : 0;
      for (const f of a.findings) {
        let c = counts.get(f.id);
        if (!c) counts.set(f.id, (c = { id: f.id, sources: 0, maxSeverity: 0 }));
        c.sources++;
        if (f.severity > c.maxSeverity) c.maxSeverity = f.severity;
        if (maxFindingSeverity === null || f.severity > maxFindingSeverity) maxFindingSeverity = f.severity;
      }
    }
    // A machine of this side talking to malware ports first, whatever outside scanners
    // score; then score desc, then address by number (src/aggregate/address-order.ts; an
    // IPv4 address's number taken once, not at each of a sort's comparisons).
    const v4 = new Float64Array(n);
    for (let i = 0; i < n; i++) v4[i] = ipv4ToInt(ips[i]);
    const byAddress = (a: number, b: number): number => (v4[a] >= 0 && v4[b] >= 0 ? v4[a] - v4[b] : cmpAddress(ips[a], ips[b]));
    const order = new Uint32Array(n).map((_, i) => i).sort((a, b) => firstTier[b] - firstTier[a] || scores[b] - scores[a] || byAddress(a, b));
    const limit = opts.limit ?? Infinity;
    const minSev = opts.minSeverity ?? null;
    const rows: RankedSource[] = [];
    for (let i = 0; i < n && rows.length < limit; i++) {
      const x = order[i];
      if (opts.minScore !== undefined && scores[x] < opts.minScore) {
        if (firstTier[x] === 1) continue;
        break;
      }
      if (minSev !== null && severities[x] < minSev) continue;
      const p = this.profiles.get(ips[x])!;
      rows.push(toRow(p, t, analyseSource(p, t, opts.kb, opts.lang), i + 1, addressRange(opts.kb, p.ip, opts.lang)));
    }
    const findings = [...counts.values()].sort((a, b) => b.maxSeverity - a.maxSeverity || b.sources - a.sources || cmpStr(a.id, b.id));

    const interpretations: Interpretation[] = [];
    for (const [id, s] of this.notes) {
      const topSources = topN(s.sources, 3, (a, b) => b[1].n - a[1].n || cmpAddress(a[0], b[0]));
      const [text, next] = s.texts.top(2);
      interpretations.push({
        id,
        severity: s.severity as Severity,
        events: s.events,
        packets: s.packets,
        connections: s.connections,
        gapRows: s.gapRows,
        sources: s.sources.size,
        sourcesCapped: s.sources.size >= SOURCES_PER_ANNOTATION,
        topSources: topSources.map(([ip, c]) => ({ ip, packets: c.n })),
        text: text ? text[0] : '',
        textPackets: text ? text[1] : 0,
        textTied: next !== undefined && next[1] === text[1],
        texts: s.texts.distinct,
        textsCapped: s.texts.saturated,
        textSource: text ? (s.sourceOf(text[0]) ?? topSources[0]?.[0] ?? null) : null,
        scanPackets: scanLate.get(id)?.packets ?? 0,
        scanSources: scanLate.get(id)?.sources ?? 0,
      });
    }
    interpretations.sort((a, b) => b.severity - a.severity || b.packets - a.packets || cmpStr(a.id, b.id));
    return {
      sources: rows,
      ranked: n,
      findings,
      maxFindingSeverity,
      interpretations,
      sourceRanges: [...ranges.values()].sort((a, b) => b.sources - a.sources || b.packets - a.packets || cmpStr(a.id, b.id)),
      profiles: { tracked: this.profiles.size, evicted: this.profiles.evicted, evictedEvents: this.profiles.evictedEvents, cap: t.limits.maxSources },
    };
  }
}

/** The address's narrowest special-purpose range with an `asSource` text, or null. */
function rangeOf(kb: KnowledgeBase | null, ip: string): AddressEntry | null {
  for (const a of kb?.lookupAddress(ip) ?? []) if (a.asSource !== null) return a;
  return null;
}

/** The `addressRange` id of an address the firewall wrote wrong (no valid IPv4 or IPv6 address): its range is ''. */
export const INVALID_ADDRESS = 'invalid-address';

/** What the address's range makes a source (ranked rows, follow's alerts); for an address that is none, that. */
export function addressRange(kb: KnowledgeBase | null, ip: string, lang: Lang): RankedSource['addressRange'] {
  if (!isValidAddressText(ip)) return { id: INVALID_ADDRESS, range: '', note: messages(lang).invalidAddress.note };
  const a = rangeOf(kb, ip);
  return a === null || a.asSource === null ? null : { id: a.id, range: a.range, note: a.asSource[lang] };
}

function toRow(p: SourceProfile, t: Thresholds, a: SourceAnalysis, rank: number, range: RankedSource['addressRange']): RankedSource {
  const crossed = crossedTraceroutePorts(p, t);
  // An ACK scan's ports and hosts are its late packets' (findings.ts lateScanReach).
  const late = lateScanReach(p, a.findings, t);
  const topPorts = (late.ports > 0 ? topReached(p, 5) : p.ports.top(5)).map(([k, packets]) => ({ ...portKeyName(k), packets }));
  const protocols: string[] = [];
  if (p.protocols & P_TCP) protocols.push('tcp');
  if (p.protocols & P_UDP) protocols.push('udp');
  if (p.protocols & P_ICMP) protocols.push('icmp');
  if (p.protocols & P_OTHER) protocols.push('other');
  const [drop, reject, allow, other] = p.actions;
  const annotations: Record<string, number> = {};
  for (const id of [...p.annotations.keys()].sort()) annotations[id] = p.annotations.get(id)!;
  return {
    rank,
    ip: p.ip,
    score: a.score,
    scoreParts: a.scoreParts,
    severity: a.severity,
    events: p.events,
    packets: p.packets,
    ports: p.ports.size + crossed + late.ports,
    portsCapped: p.ports.size + late.ports >= t.limits.maxPorts,
    tcpPorts: p.tcpPorts + late.tcpPorts,
    udpPorts: p.udpPorts + crossed + late.udpPorts,
    hosts: p.hosts.size + late.hosts,
    hostsCapped: p.hosts.size + late.hosts >= t.limits.maxHosts,
    first: Number.isFinite(p.first) ? new Date(p.first).toISOString() : null,
    last: Number.isFinite(p.last) ? new Date(p.last).toISOString() : null,
    protocols,
    tcpFlags: flagSummary(p),
    actions: { drop, reject, allow, other },
    connections: p.connections,
    allowedProbes: p.allowedPackets,
    rules: Object.fromEntries([...p.rules].sort((x, y) => y[1] - x[1] || cmpStr(x[0], y[0]))),
    annotations,
    topPorts,
    findings: a.findings,
    explanation: a.explanation,
    addressRange: range,
  };
}
