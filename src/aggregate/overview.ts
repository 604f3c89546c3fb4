// Whole-run counters for the report header and the "what kind of traffic" tables:
// totals, time span, per format / action / protocol, top sources and top probed ports.
// Memory is bounded by the CappedCounter caps, not by the number of events.
import type { FirewallEvent } from '../event.js';
import { CappedCounter } from './capped-counter.js';
import { topN } from './top-n.js';
import { cmpStr } from '../util/compare.js';
import { addressKey } from './address-key.js';
import { trafficKind } from './own-traffic.js';
import { isConnectionRecord } from '../parsers/connection-records.js';
import { lostRecords } from '../parsers/log-gaps.js';
import { HashSet, mixHash } from './hash-set.js';
import { stringHash } from '../util/string-hash.js';
import type { LocalHour } from '../render/time-format.js';
import { yearText } from '../util/year-range.js';
import { portKeyName } from './profile-codes.js';
import { RuleFormats } from './rule-formats.js';
import { TargetTable, targetPortKey, type TargetsData } from './targets.js';

export interface PortKey {
  proto: string;
  port: number;
}

export interface ProbeSplit {
  packets: number;
  /** Of `packets`, connection records (an inbound ALLOW or Built: a connection let in), each a connection rather than a packet. */
  connections: number;
  ports: number;
  /** Of the probes, packets dropped or rejected, and the distinct (protocol, port) pairs they went to. */
  blocked: number;
  blockedPorts: number;
  /**
   * `ports` / `blockedPorts` stopped at a cap (the distinct ports of protocols other than
   * TCP and UDP are counted up to 10,000): lower bounds, shown "≥".
   */
  portsCapped: boolean;
  blockedPortsCapped: boolean;
  own: number;
  replies: number;
  noise: number;
  /** Late packets of connections already under way (ACK or RST, no SYN; isLate): they opened nothing. */
  late: number;
  /** Of `own`, connection records (Windows Firewall ALLOW, OPEN, CLOSE; Cisco ASA Built, Teardown: isConnectionRecord), each a connection rather than a packet. */
  ownConnections: number;
  /** Of `late`, ends of connections (a Windows Firewall CLOSE row without its OPEN, a Cisco ASA Teardown), not packets. */
  lateConnections: number;
  /** Of `replies`, connection records read as a server's end of this side's connection (a Cisco ASA Teardown from a service port, a Windows ALLOW row from port 53), not packets. */
  replyConnections: number;
  /** Of `noise`, connection records (a Cisco ASA Teardown of a connection to a broadcast address), not packets. */
  noiseConnections: number;
}

/**
 * A source whose findings make its late packets (ACK or RST, no SYN) part of a scan
 * (findings.ts scansWithLate: an ACK scan, or a scan of any kind): what the header counts of
 * them as probes (RankOptions.onScanLate, Overview.countScanLate).
 */
export interface ScanLate {
  /** As the profiles and the report name it (addressKey). */
  ip: string;
  packets: number;
  /** Of them, dropped or rejected. */
  blocked: number;
  /** Of them, connection records (a Windows CLOSE without its OPEN, a Cisco ASA Teardown): they move as connections, so `late` keeps counting `lateConnections`. */
  connections: number;
  /** [port key (profile-codes.ts), packets] of the counted ports, of all of them and of the blocked ones. */
  ports: [number, number][];
  blockedPorts: [number, number][];
  /** Of `packets` and of `blocked`, those `ports` and `blockedPorts` could not place (scan-late.ts lateByPort). */
  uncounted: number;
  blockedUncounted: number;
  /** The ports a source's late packets are counted for, one by one (lateByPort): the run's limits, which the notes about `uncounted` name. */
  portsCounted: number;
}

/** Scanners' late packets no port row took (ScanLate.uncounted); `portsCounted`: ScanLate's, null while none. */
export interface LateUncounted {
  packets: number;
  sources: number;
  portsCounted: number | null;
}

/** Rows in which the firewall said it could not write some records (Windows Firewall INFO-EVENTS-LOST, Cisco IOS IPACCESSLOGRL): the log has gaps. */
export interface LogGaps {
  rows: number;
  /** The device's word for such a row (the first one's): INFO-EVENTS-LOST, IPACCESSLOGRL. */
  marker: string;
  /** Records those rows say were lost (of the rows that give a number). */
  records: number;
  /** Rows that give no number. */
  uncounted: number;
  /** Log time of the first and last such row (null when they have none). */
  first: number | null;
  last: number | null;
}

export interface OverviewData {
  events: number;
  /**
   * Packets, counting "message repeated N times" as N. A log-gap row (logGaps) is an event
   * but no packet: it is left out of this and of every per-packet count below.
   */
  packets: number;
  /** Of `packets`, records of a connection, not a packet (Windows Firewall, Cisco ASA: isConnectionRecord). */
  connections: number;
  first: Date | null;
  last: Date | null;
  byFormat: [string, number][];
  byAction: [string, number][];
  byProto: [string, number][];
  byDirection: [string, number][];
  /** Packets per log prefix / rule label ("[UFW BLOCK]", "ASA-4-106023"; NO_RULE for none), busiest RULES_KEPT, with the format that logged it (null for NO_RULE). */
  byRule: [string, number, string | null][];
  /** The format that logged a rule label (RuleFormats.of), for the labels a source's details say; null before any event. */
  ruleFormat: (rule: string) => string | null;
  /** Distinct rule labels (up to the counter's cap). */
  ruleLabels: number;
  /** [address, packets, of them connection records (Windows Firewall, Cisco ASA: isConnectionRecord)], busiest first. */
  topSources: [string, number, number][];
  /** [port, packets, distinct sources of those packets (null for protocols other than TCP and UDP), of the packets connection records (Windows Firewall, Cisco ASA)]. */
  topPorts: [PortKey, number, number | null, number][];
  /** All packets counted in topPorts (the denominator of a port's share). */
  portPackets: number;
  /** Of portPackets, connection records (Windows Firewall, Cisco ASA; 0 when topPorts counts blocked packets only: none is a connection). */
  portConnections: number;
  /** True when topPorts' source counts are lower bounds (more distinct source-port pairs than the set holds). */
  portSourcesCapped: boolean;
  /** Scanners' late packets among the probes that no row of topPorts' table counts (ScanLate.uncounted), and how many scanners sent them. */
  portsLateUncounted: LateUncounted;
  /**
   * Every packet is one of: a probe (arrived unasked), this side's own (util/egress.ts), a
   * reply to it (isReply), LAN broadcast chatter (isLanNoise) or a late packet of a
   * connection already under way (isLate); a log-gap row (logGaps) is
   * none of them, being no packet. `ports`: distinct
   * (protocol, port) pairs the probes went to; `blocked`, `blockedPorts`: the same for the
   * probes dropped or rejected (what topPorts counts when portsBlockedOnly).
   */
  probes: ProbeSplit;
  /** True when topPorts counts only dropped/rejected packets (the log had some); else every inbound packet. */
  portsBlockedOnly: boolean;
  /**
   * The hosts of this side the probes went to (targets.ts): every probe's until the first
   * dropped or rejected one, then those only (`targetsBlockedOnly`), as topPorts. Scanners'
   * late packets counted as probes at the end (countScanLate) are in no host's row.
   */
  targets: TargetsData;
  targetsBlockedOnly: boolean;
  /** Where the log says records are missing; null when it says none are. */
  logGaps: LogGaps | null;
  /** Distinct source addresses; once more than the counter holds, that many (`distinctSourcesCapped`: "at least"). */
  distinctSources: number;
  distinctSourcesCapped: boolean;
  /** Per hour of the local day (0-23), packets: the activity sparkline. */
  perHour: number[];
  /** The same, of the packets dropped or rejected (the HTML report's chart). */
  perHourBlocked: number[];
  /** Per calendar day in the zone that had records, oldest first (at most MAX_DAYS; `daysCapped` then). */
  perDay: DayCount[];
  daysCapped: boolean;
}

export interface DayCount {
  /** "2026-11-20" in the report's zone. */
  day: string;
  packets: number;
  /** Of them, dropped or rejected. */
  blocked: number;
}

/** The machine's zone, without caching (tests; the commands pass render/time-format's localClock). */
function machineClock(d: Date): LocalHour {
  return { day: d.getFullYear() * 10_000 + (d.getMonth() + 1) * 100 + d.getDate(), hour: d.getHours() };
}

/** 20261120 → "2026-11-20"; the year always in four digits (9991231 → "0999-12-31"), so day keys sort and parse. */
export function dayText(day: number): string {
  const p2 = (n: number): string => String(n).padStart(2, '0');
  return `${yearText(Math.floor(day / 10_000))}-${p2(Math.floor(day / 100) % 100)}-${p2(day % 100)}`;
}

/** Distinct days kept (a decade, more than any real log; broken stamps can scatter events over many). */
export const MAX_DAYS = 4000;

/**
 * The (source, port) pair set's first size: a 1M-line log needs ~250k pairs, and a set
 * that starts there never grows (each doubling is a new large array for the collector).
 * Pages of it that no pair touches cost no memory.
 */
const PAIR_SLOTS = 1 << 19;

/** The rule label of a record that names none (Windows Firewall, pf): as the daily summary counts it. */
export const NO_RULE = '(none)';
/** Rule labels the report lists, busiest first. */
const RULES_KEPT = 10;

/** Distinct sources counted (then "≥"); `follow` takes fewer when --max-sources is lower (live/caps.ts). */
export const OVERVIEW_SOURCES = 200_000;

export class Overview {
  private events = 0;
  private packets = 0;
  private connections = 0;
  private ownConnections = 0;
  private probeConnections = 0;
  private lateConnections = 0;
  private replyConnections = 0;
  private noiseConnections = 0;
  private first = Infinity;
  private last = -Infinity;
  private readonly byFormat = new CappedCounter<string>(64);
  private readonly byAction = new CappedCounter<string>(16);
  private readonly byProto = new CappedCounter<string>(300);
  private readonly byDirection = new CappedCounter<string>(8);
  private readonly byRule = new CappedCounter<string>(256);
  private readonly ruleFormats = new RuleFormats();
  private readonly sources: CappedCounter<string>;
  /**
   * Connection rows per source: the table of the busiest sources heads its counts by the
   * rows it lists. Only Windows logs add to it; a source that has connection rows is in
   * `sources` too, so it never holds more keys than that does.
   */
  private readonly sourceConnections: CappedCounter<string>;
  /**
   * Inbound packets per destination port, [0] all and [1] dropped/rejected only (what was
   * probed, not your own allowed traffic), one array per common protocol: no hashing per event.
   */
  private readonly tcpPorts = [new Float64Array(65536), new Float64Array(65536)];
  private readonly udpPorts = [new Float64Array(65536), new Float64Array(65536)];
  /** Other protocols with ports (sctp, udplite, …), keyed "proto/port". */
  private readonly otherPorts = [new CappedCounter<string>(10_000), new CappedCounter<string>(10_000)];
  private readonly portTotals = [0, 0];
  /** Per port table ([0] all, [1] blocked), scanners' late packets no port row took (ScanLate.uncounted). */
  private readonly lateUncounted: LateUncounted[] = [{ packets: 0, sources: 0, portsCounted: null }, { packets: 0, sources: 0, portsCounted: null }];
  /**
   * Of tcpPorts[0], udpPorts[0] and otherPorts[0], connection records (Windows Firewall, Cisco ASA; an
   * ALLOW row is a connection let in, not a packet). Made on the first one: a log of
   * another firewall never has any, and a blocked probe is never one, so [1] needs none.
   */
  private portConnections: { tcp: Float64Array; udp: Float64Array; other: CappedCounter<string> } | null = null;
  /** Their sum: the connections of portTotals[0]. */
  private portConnectionTotal = 0;
  /**
   * Distinct sources per TCP/UDP port, for the table that will be shown: every probe's
   * until the first blocked one, then the blocked ones' only (the table shows blocked
   * packets when the log has any), so one set of (source, port) pairs is kept at a time.
   */
  private sourcesBlockedOnly = false;
  private pairs = new HashSet(PAIR_SLOTS);
  private readonly tcpSources = new Uint32Array(65536);
  private readonly udpSources = new Uint32Array(65536);
  /** The last source's hash: a scan logs one source's packets back to back. */
  private lastSrc = '';
  private lastSrcHash = 0;
  /** Probes per destination host: every probe's until the first blocked one, then the blocked ones' only. */
  private targets = new TargetTable();
  private targetsBlockedOnly = false;
  private probes = 0;
  private blockedProbes = 0;
  private own = 0;
  private replies = 0;
  private noise = 0;
  private late = 0;
  private readonly perHour = new Array<number>(24).fill(0);
  private readonly perHourBlocked = new Array<number>(24).fill(0);
  /** yyyymmdd → [packets, blocked]. */
  private readonly perDay = new Map<number, [number, number]>();
  private daysCapped = false;
  /** The last event's day and its counts: a log's days come one after another. */
  private lastDay = -1;
  private lastDayCounts: [number, number] | null = null;
  private logGaps: LogGaps | null = null;

  /** clock places a time in the report's zone (--tz): its day and hour. */
  constructor(
    private readonly clock: (d: Date) => LocalHour = machineClock,
    maxSources = OVERVIEW_SOURCES,
  ) {
    this.sources = new CappedCounter<string>(maxSources);
    this.sourceConnections = new CappedCounter<string>(maxSources);
  }

  /** `connection`: isConnectionRecord(e), when the caller has asked it already for the summary too. */
  add(e: FirewallEvent, connection = isConnectionRecord(e)): void {
    const n = e.count;
    const blocked = e.action === 'drop' || e.action === 'reject';
    this.events++;
    const kind = trafficKind(e);
    if (kind === 'gap') {
      // A record of the log's own, no packet: it belongs to the time span and to logGaps,
      // not to the packet counts, their shares or the hours.
      this.noteGap(e);
      return;
    }
    this.packets += n;
    if (connection) this.connections += n;
    if (e.time) {
      const t = e.time.getTime();
      if (t < this.first) this.first = t;
      if (t > this.last) this.last = t;
      const local = this.clock(e.time);
      const h = local.hour;
      this.perHour[h] += n;
      if (blocked) this.perHourBlocked[h] += n;
      const day = local.day === this.lastDay ? this.lastDayCounts : this.dayCounts(local.day);
      if (day !== null) {
        day[0] += n;
        if (blocked) day[1] += n;
      }
    }
    this.byFormat.add(e.format, n);
    this.byAction.add(e.action, n);
    this.byProto.add(e.proto, n);
    this.byDirection.add(e.direction ?? 'unknown', n);
    this.byRule.add(e.rule ?? NO_RULE, n);
    this.ruleFormats.add(e.format, e.rule);
    const key = e.src.ip ? addressKey(e.src.ip) : null;
    if (key !== null) {
      this.sources.add(key, n);
      if (connection) this.sourceConnections.add(key, n);
    }
    // Only probes' ports are "probed ports": not our own traffic, not a server's reply to
    // a client's random port, not broadcast chatter aimed at every machine on the LAN, not
    // the late packets of a connection that was already open (nobody asked that port anything).
    switch (kind) {
      case 'own':
        this.own += n;
        if (connection) this.ownConnections += n;
        break;
      case 'reply':
        this.replies += n;
        if (connection) this.replyConnections += n;
        break;
      case 'noise':
        this.noise += n;
        if (connection) this.noiseConnections += n;
        break;
      case 'late':
        this.late += n;
        if (connection) this.lateConnections += n;
        break;
      case 'probe': {
        this.probes += n;
        if (connection) this.probeConnections += n;
        if (blocked) this.blockedProbes += n;
        const port = e.dst.port;
        const dst = e.dst.ip;
        if (dst !== null) {
          if (blocked && !this.targetsBlockedOnly) {
            // The first blocked probe: from now on the hosts table counts blocked ones only (none came before it).
            this.targetsBlockedOnly = true;
            this.targets = new TargetTable();
          }
          if (blocked || !this.targetsBlockedOnly) this.targets.add(dst, key, key === null ? 0 : this.srcHash(key), targetPortKey(e.proto, port), n, connection);
        }
        if (port !== null) {
          this.addPort(0, e.proto, port, n);
          if (connection) this.addPortConnections(e.proto, port, n);
          if (blocked) this.addPort(1, e.proto, port, n);
          if (key !== null && (blocked || !this.sourcesBlockedOnly)) this.addPortSource(blocked, e.proto, port, key);
        }
      }
    }
  }

  /**
   * Counts scanners' late packets as their probes. The annotator reads in order: an ACK
   * scan's bare ACKs before its fifth port or tenth host (the ack-scan reading) were counted
   * here as late, while the ranking, which sees the whole source, counts their ports and
   * hosts with the scan (lateScanReach); this makes the header and the probed-ports table
   * say the same. Once, before result(), from the bounded profiles.
   */
  countScanLate(scans: Iterable<ScanLate>): void {
    for (const x of scans) {
      this.late -= x.packets;
      this.lateConnections -= x.connections;
      this.probes += x.packets;
      this.probeConnections += x.connections;
      this.blockedProbes += x.blocked;
      for (const [which, n] of [[0, x.uncounted], [1, x.blockedUncounted]] as const) {
        if (n <= 0) continue;
        const u = this.lateUncounted[which]!;
        u.packets += n;
        u.sources++;
        u.portsCounted = x.portsCounted;
      }
      const blockedAt = new Map<number, number>();
      for (const [k, n] of x.blockedPorts) {
        const { proto, port } = portKeyName(k);
        this.addPort(1, proto, port, n);
        blockedAt.set(k, n);
      }
      // Its CLOSE rows are the late rows not blocked (a connection row is never blocked): per
      // port when they are all of them; a source that also has another firewall's allowed
      // late packets cannot be split by port, and its ports count none.
      let unblocked = 0;
      for (const [k, n] of x.ports) unblocked += n - (blockedAt.get(k) ?? 0);
      const connectionsByPort = x.connections > 0 && x.connections === unblocked;
      for (const [k, n] of x.ports) {
        const { proto, port } = portKeyName(k);
        this.addPort(0, proto, port, n);
        if (connectionsByPort && n > (blockedAt.get(k) ?? 0)) this.addPortConnections(proto, port, n - (blockedAt.get(k) ?? 0));
        // As add() counts a probe's source: the blocked ones always, the others while the table is not blocked-only.
        const blocked = (blockedAt.get(k) ?? 0) > 0;
        if (blocked || !this.sourcesBlockedOnly) this.addPortSource(blocked, proto, port, x.ip);
      }
    }
  }

  private noteGap(e: FirewallEvent): void {
    const lost = lostRecords(e);
    if (lost === null) return;
    const g = (this.logGaps ??= { rows: 0, marker: lost.marker, records: 0, uncounted: 0, first: null, last: null });
    g.rows++;
    if (lost.records === null) g.uncounted++;
    else g.records += lost.records;
    if (e.time !== null) {
      const t = e.time.getTime();
      if (t < this.first) this.first = t;
      if (t > this.last) this.last = t;
      if (g.first === null || t < g.first) g.first = t;
      if (g.last === null || t > g.last) g.last = t;
    }
  }

  private dayCounts(day: number): [number, number] | null {
    let c = this.perDay.get(day);
    if (c === undefined) {
      if (this.perDay.size >= MAX_DAYS) {
        this.daysCapped = true;
        return null;
      }
      this.perDay.set(day, (c = [0, 0]));
    }
    this.lastDay = day;
    this.lastDayCounts = c;
    return c;
  }

  result(top: number): OverviewData {
    const blocked = this.portTotals[1] > 0 ? 1 : 0;
    return {
      events: this.events,
      packets: this.packets,
      connections: this.connections,
      first: Number.isFinite(this.first) ? new Date(this.first) : null,
      last: Number.isFinite(this.last) ? new Date(this.last) : null,
      byFormat: this.byFormat.top(64),
      byAction: this.byAction.top(16),
      byProto: this.byProto.top(300),
      byDirection: this.byDirection.top(8),
      byRule: this.byRule.top(RULES_KEPT).map(([k, n]) => [k, n, k === NO_RULE ? null : this.ruleFormats.of(k)]),
      ruleLabels: this.byRule.distinct,
      ruleFormat: (rule) => this.ruleFormats.of(rule),
      topSources: this.sources.top(top).map(([ip, packets]) => [ip, packets, this.sourceConnections.get(ip)]),
      topPorts: this.topPorts(top, blocked).map(([k, packets]) => [k, packets, this.portSources(k), blocked === 1 ? 0 : this.portConnectionsOf(k)]),
      portPackets: this.portTotals[blocked],
      portConnections: blocked === 1 ? 0 : this.portConnectionTotal,
      portSourcesCapped: this.pairs.saturated,
      portsLateUncounted: { ...this.lateUncounted[blocked]! },
      portsBlockedOnly: blocked === 1,
      targets: this.targets.result(top),
      targetsBlockedOnly: this.targetsBlockedOnly,
      probes: {
        packets: this.probes,
        connections: this.probeConnections,
        ports: this.probedPorts(0),
        blocked: this.blockedProbes,
        blockedPorts: this.probedPorts(1),
        portsCapped: this.otherPorts[0].saturated,
        blockedPortsCapped: this.otherPorts[1].saturated,
        own: this.own,
        replies: this.replies,
        noise: this.noise,
        late: this.late,
        ownConnections: this.ownConnections,
        lateConnections: this.lateConnections,
        replyConnections: this.replyConnections,
        noiseConnections: this.noiseConnections,
      },
      logGaps: this.logGaps === null ? null : { ...this.logGaps },
      distinctSources: this.sources.distinct,
      distinctSourcesCapped: this.sources.saturated,
      perHour: [...this.perHour],
      perHourBlocked: [...this.perHourBlocked],
      perDay: [...this.perDay].sort((a, b) => a[0] - b[0]).map(([day, [packets, blocked]]) => ({ day: dayText(day), packets, blocked })),
      daysCapped: this.daysCapped,
    };
  }

  private addPort(which: number, proto: string, port: number, n: number): void {
    if (proto === 'tcp') this.tcpPorts[which][port] += n;
    else if (proto === 'udp') this.udpPorts[which][port] += n;
    else this.otherPorts[which].add(`${proto}/${port}`, n);
    this.portTotals[which] += n;
  }

  private addPortConnections(proto: string, port: number, n: number): void {
    const c = (this.portConnections ??= { tcp: new Float64Array(65536), udp: new Float64Array(65536), other: new CappedCounter<string>(10_000) });
    if (proto === 'tcp') c.tcp[port] += n;
    else if (proto === 'udp') c.udp[port] += n;
    else c.other.add(`${proto}/${port}`, n);
    this.portConnectionTotal += n;
  }

  private portConnectionsOf(k: PortKey): number {
    const c = this.portConnections;
    if (c === null) return 0;
    return k.proto === 'tcp' ? c.tcp[k.port]! : k.proto === 'udp' ? c.udp[k.port]! : c.other.get(`${k.proto}/${k.port}`);
  }

  private addPortSource(blocked: boolean, proto: string, port: number, src: string): void {
    const counts = proto === 'tcp' ? this.tcpSources : proto === 'udp' ? this.udpSources : null;
    if (counts === null) return;
    if (blocked && !this.sourcesBlockedOnly) {
      // The first blocked probe: from now on the table shows blocked packets only.
      this.sourcesBlockedOnly = true;
      if (this.pairs.size > 0) {
        this.pairs = new HashSet(PAIR_SLOTS);
        this.tcpSources.fill(0);
        this.udpSources.fill(0);
      }
    }
    if (this.pairs.add(mixHash(this.srcHash(src), proto === 'tcp' ? port : 65536 + port))) counts[port]++;
  }

  /** The source's hash for the pair sets, hashed once per run of one source's packets. */
  private srcHash(src: string): number {
    if (src !== this.lastSrc) {
      this.lastSrc = src;
      this.lastSrcHash = stringHash(src);
    }
    return this.lastSrcHash;
  }

  private portSources(k: PortKey): number | null {
    if (k.proto === 'tcp') return this.tcpSources[k.port]!;
    if (k.proto === 'udp') return this.udpSources[k.port]!;
    return null;
  }

  /** Distinct (protocol, port) pairs probed ([1]: blocked only; other protocols' pairs up to their counter's cap, then the cap: portsCapped). */
  private probedPorts(which: number): number {
    let n = this.otherPorts[which].distinct;
    for (const counts of [this.tcpPorts[which], this.udpPorts[which]]) for (let p = 0; p < 65536; p++) if (counts[p] > 0) n++;
    return n;
  }

  /** Busiest ports, ties by protocol then port number (deterministic). */
  private topPorts(top: number, which: number): [PortKey, number][] {
    return topN(this.portRows(which), top, (a, b) => b[1] - a[1] || cmpStr(a[0].proto, b[0].proto) || a[0].port - b[0].port);
  }

  private *portRows(which: number): Generator<[PortKey, number]> {
    for (const [proto, counts] of [['tcp', this.tcpPorts[which]], ['udp', this.udpPorts[which]]] as const) {
      for (let p = 0; p < 65536; p++) if (counts[p] > 0) yield [{ proto, port: p }, counts[p]];
    }
    for (const [k, c] of this.otherPorts[which].entries()) {
      const slash = k.lastIndexOf('/');
      yield [{ proto: k.slice(0, slash), port: Number(k.slice(slash + 1)) }, c];
    }
  }
}
