// What one day's events add up to for the day-over-day comparison: totals, blocked
// vs allowed, probes (what arrived unasked) apart from this side's own traffic, the
// replies to it, LAN broadcast chatter and late packets of connections already under
// way, distinct probing sources (bounded), destination ports probed (packets per
// port, per protocol) and packets per hour of the day. Fed one event at a time; its
// `digest()` is what `--state DIR` keeps per day.
import { NO_RULE, type ScanLate } from '../aggregate/overview.js';
import { RuleFormats } from '../aggregate/rule-formats.js';
import { portKeyName } from '../aggregate/profile-codes.js';
import type { FirewallEvent } from '../event.js';
import { CappedCounter } from '../aggregate/capped-counter.js';
import { hourIndex, zoneName, type DayWindow } from './day.js';
import { DIGEST_VERSION, SOURCES_IN_DIGEST, encodePorts, type DayDigest, type DayTotals, type DigestSettings } from './digest.js';
import { addressKey } from '../aggregate/address-key.js';
import { trafficKind } from '../aggregate/own-traffic.js';
import { isConnectionRecord } from '../parsers/connection-records.js';
import type { Coverage } from './coverage.js';

/** Distinct sources counted exactly up to here (the Overview uses the same cap). */
const SOURCE_CAP = 200_000;

export class DayTally {
  events = 0;
  packets = 0;
  blocked = 0;
  allowed = 0;
  other = 0;
  /** Packets that arrived unasked: neither sent from this side (util/egress.ts), nor a reply to it, nor LAN chatter, nor a late packet of a connection. */
  probes = 0;
  /** Packets sent from this side (this host, or the LAN through this router): not probes. */
  own = 0;
  /** LAN broadcast/multicast chatter (DHCP, NetBIOS, SSDP, mDNS …): aimed at every machine, not probes. */
  noise = 0;
  /** Late packets of connections already under way (ACK or RST, no SYN): they opened nothing, so no probes. */
  late = 0;
  /** Of `packets`, `own` and `late`: records of a connection, not a packet (Windows Firewall, Cisco ASA: isConnectionRecord). */
  connections = 0;
  ownConnections = 0;
  probeConnections = 0;
  lateConnections = 0;
  /**
   * Of the replies, connection records (a Cisco ASA Teardown read as a server's end of a
   * connection). Not in the digest (totals): the day before's replies are never compared.
   */
  replyConnections = 0;
  /** Of the noise, connection records (a Cisco ASA Teardown to a broadcast address); not in the digest either. */
  noiseConnections = 0;
  /** The formats of the day's records (`logscan formats` ids): a digest says which it held (COUNTED_SO_SINCE). */
  readonly formats = new Set<string>();
  private lastFormat = '';
  /** Earliest and latest event seen in the window. */
  first = Infinity;
  last = -Infinity;
  readonly perHour: number[];
  readonly blockedPerHour: number[];
  /** Packets per probing source (the probes' senders: a server replying or this host sending is not one). */
  readonly sources = new CappedCounter<string>(SOURCE_CAP);
  /** Packets per log prefix / rule label ("[UFW BLOCK]"); a few dozen distinct at most in practice. */
  readonly rules = new CappedCounter<string>(256);
  /** The format that logged each of `rules`' labels (an ASA message id is said in words). */
  readonly ruleFormats = new RuleFormats();
  /** proto → packets per inbound destination port (256 KiB per protocol seen). */
  readonly ports = new Map<string, Uint32Array>();
  /**
   * Per scanner whose late packets `ports` could not all place (ScanLate.uncounted: past
   * the ports a source's late packets are counted for), those packets and the ports it
   * sent late packets to: the comparison says so under the new ports when some of them
   * are new. A handful of sources at most, in any log.
   */
  readonly lateUncounted: { packets: number; portsCounted: number; ports: { proto: string; port: number }[] }[] = [];

  constructor(readonly window: DayWindow) {
    this.perHour = new Array<number>(window.hours).fill(0);
    this.blockedPerHour = new Array<number>(window.hours).fill(0);
  }

  /** `connection`: isConnectionRecord(e), when the caller has asked it already (DayCollector.add). */
  add(e: FirewallEvent, t: number, connection = isConnectionRecord(e)): void {
    const n = e.count;
    this.events++;
    if (t < this.first) this.first = t;
    if (t > this.last) this.last = t;
    // As in the report (aggregate/overview.ts): a log-gap row is no packet, so it counts in
    // none of the packet totals (the report's logGaps says what it lost), and a digest read
    // back derives the replies right.
    const kind = trafficKind(e);
    if (kind === 'gap') return;
    this.packets += n;
    const blocked = e.action === 'drop' || e.action === 'reject';
    if (blocked) this.blocked += n;
    else if (e.action === 'allow') this.allowed += n;
    else this.other += n;
    const h = hourIndex(this.window, t);
    if (h >= 0 && h < this.perHour.length) {
      this.perHour[h] += n;
      if (blocked) this.blockedPerHour[h] += n;
    }
    this.rules.add(e.rule ?? NO_RULE, n);
    this.ruleFormats.add(e.format, e.rule);
    // A log is one format, line after line: a compare instead of a hash per event.
    if (e.format !== this.lastFormat) this.formats.add((this.lastFormat = e.format));
    if (connection) this.connections += n;
    // The report's header and port tables draw the same line (aggregate/own-traffic.ts).
    if (kind === 'own') {
      this.own += n;
      if (connection) this.ownConnections += n;
    } else if (kind === 'noise') {
      this.noise += n;
      if (connection) this.noiseConnections += n;
    } else if (kind === 'reply') {
      if (connection) this.replyConnections += n;
    } else if (kind === 'late') {
      this.late += n;
      if (connection) this.lateConnections += n;
    }
    if (kind !== 'probe') return;
    this.probes += n;
    if (connection) this.probeConnections += n;
    if (e.src.ip) this.sources.add(addressKey(e.src.ip), n);
    if (e.dst.port !== null) {
      let bits = this.ports.get(e.proto);
      if (!bits) this.ports.set(e.proto, (bits = new Uint32Array(65_536)));
      bits[e.dst.port] += n;
    }
  }

  /**
   * Counts scanners' late packets as their probes, as the report's Overview.countScanLate
   * does: their senders become probing sources, their ports probed ones.
   */
  countScanLate(scans: Iterable<ScanLate>): void {
    for (const x of scans) {
      this.late -= x.packets;
      this.lateConnections -= x.connections;
      this.probes += x.packets;
      this.probeConnections += x.connections;
      this.sources.add(x.ip, x.packets);
      for (const [k, n] of x.ports) {
        const { proto, port } = portKeyName(k);
        let bits = this.ports.get(proto);
        if (!bits) this.ports.set(proto, (bits = new Uint32Array(65_536)));
        bits[port] += n;
      }
      if (x.uncounted > 0) this.lateUncounted.push({ packets: x.uncounted, portsCounted: x.portsCounted, ports: x.ports.map(([k]) => portKeyName(k)) });
    }
  }

  /** Packets that were replies to this side's connections (or backscatter). */
  get replies(): number {
    return this.packets - this.probes - this.own - this.noise - this.late;
  }

  hasSource(ip: string): boolean {
    return this.sources.get(ip) > 0;
  }

  hasPort(proto: string, port: number): boolean {
    return (this.ports.get(proto)?.[port] ?? 0) > 0;
  }

  /** Distinct (protocol, port) pairs probed. */
  portCount(): number {
    let n = 0;
    for (const counts of this.ports.values()) for (let p = 0; p < counts.length; p++) if (counts[p] > 0) n++;
    return n;
  }

  /** The day's totals (this tally always counts `noise`, `late` and the connections; only older digests lack them). */
  totals(): DayTotals & { noise: number; late: number; connections: number; probeConnections: number; ownConnections: number; lateConnections: number } {
    return {
      events: this.events,
      packets: this.packets,
      blocked: this.blocked,
      allowed: this.allowed,
      other: this.other,
      probes: this.probes,
      own: this.own,
      noise: this.noise,
      late: this.late,
      connections: this.connections,
      probeConnections: this.probeConnections,
      ownConnections: this.ownConnections,
      lateConnections: this.lateConnections,
      sources: this.sources.distinct,
      ports: this.portCount(),
    };
  }

  /** `coverage`: how much of the day the logs held; `settings`: what the day was counted with (left out: a digest that does not say). */
  digest(tz: string | null, coverage: Coverage, now: Date, settings?: DigestSettings): DayDigest {
    const span = coverage.complete ? null : coverage.span;
    const top = this.sources.top(SOURCES_IN_DIGEST);
    const ports: Record<string, string> = {};
    for (const proto of [...this.ports.keys()].sort()) ports[proto] = encodePorts(this.ports.get(proto)!);
    return {
      logscanDailyDigest: DIGEST_VERSION,
      date: this.window.key,
      tz: zoneName(tz),
      start: new Date(this.window.start).toISOString(),
      end: new Date(this.window.end).toISOString(),
      complete: coverage.complete,
      ...(span !== null ? { covered: { from: new Date(span.from).toISOString(), to: new Date(span.to).toISOString() } } : {}),
      written: now.toISOString(),
      totals: this.totals(),
      perHour: [...this.perHour],
      sources: top.map(([ip]) => ip),
      sourcesCapped: this.sources.size > top.length,
      ports,
      ...(settings !== undefined ? { settings } : {}),
      formats: [...this.formats].sort(),
    };
  }
}
