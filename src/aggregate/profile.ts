// Per-source profiles: what one source address did over the whole run. The table files
// each source under one row of ProfileRows (profile-rows.ts: the counting, and why rows);
// SourceProfile is how the findings, the ranking and the enrichments read a row.
//
// Per event: one Map lookup (none when the source is the previous event's), a few
// typed-array updates in one row. No regex, no sorting, no allocation beyond a source's
// first event and the rare members that outgrow the row.
import type { FirewallEvent } from '../event.js';
import { isConnectionRecord } from '../parsers/connection-records.js';
import { flat } from '../util/flat-string.js';
import { isOwnClientTraffic } from './own-traffic.js';
import { isLoopback } from '../util/egress.js';
import type { Thresholds } from './thresholds.js';
import { addressKey } from './address-key.js';
import { FC_SYN, P_ICMP, P_TCP, P_UDP } from './profile-codes.js';
import { ProfileRows, type AnnotationCounts, type HostMembers, type PortCounts, type SourceProfileFields, type TrojanSeen } from './profile-rows.js';

export * from './profile-codes.js';
export type { AnnotationCounts, HostMembers, PortCounts, TrojanSeen } from './profile-rows.js';

/**
 * One source's profile, read from its row. It reads the row as it is now: valid while
 * the table keeps the source (an evicted row is reused). `new SourceProfile(ip)` is a
 * profile of its own, outside any table (tests, merging parts).
 */
export class SourceProfile implements SourceProfileFields {
  readonly ip: string;
  private readonly rows: ProfileRows;
  private readonly r: number;

  constructor(ip: string, at?: { rows: ProfileRows; row: number }) {
    this.ip = ip;
    if (at === undefined) {
      this.rows = new ProfileRows(1);
      this.r = this.rows.alloc(flat(ip));
    } else {
      this.rows = at.rows;
      this.r = at.row;
    }
  }

  add(e: FirewallEvent, t: Thresholds): void {
    this.rows.add(this.r, e, t.limits, isConnectionRecord(e));
  }

  /** Folds another profile of the same source in (chunked or parallel reading). */
  merge(o: SourceProfile, t: Thresholds): void {
    this.rows.merge(this.r, o, t.limits);
  }

  /** Last-touch sequence number, for least-recently-seen eviction. */
  get seq(): number {
    return this.rows.seq(this.r);
  }

  get events(): number {
    return this.rows.events(this.r);
  }

  get packets(): number {
    return this.rows.packets(this.r);
  }

  /** Earliest and latest packet time (ms); ±Infinity without times. */
  get first(): number {
    return this.rows.first(this.r);
  }

  get last(): number {
    return this.rows.last(this.r);
  }

  /** TTL and TCP window of the earliest packet (-1: none), for --os-hint. */
  get firstTtl(): number {
    return this.rows.firstTtl(this.r);
  }

  get firstWindow(): number {
    return this.rows.firstWindow(this.r);
  }

  /** Port keys (PK_* + port), capped at limits.maxPorts; packets for the first limits.maxPortCounts. */
  get ports(): PortCounts {
    return this.rows.ports(this.r);
  }

  /** Distinct ports per protocol (counted on insert, so capped with the set). */
  get tcpPorts(): number {
    return this.rows.tcpPorts(this.r);
  }

  get udpPorts(): number {
    return this.rows.udpPorts(this.r);
  }

  /** Destination hosts: IPv4 as uint32, others as strings; capped at limits.maxHosts. */
  get hosts(): HostMembers {
    return this.rows.hosts(this.r);
  }

  /** P_* bits. */
  get protocols(): number {
    return this.rows.protocols(this.r);
  }

  /** Packets per FLAG_CLASSES entry, in that order. */
  get flagClasses(): number[] {
    const all = this.rare === undefined ? [0, 0, 0, 0, 0, 0, 0] : [...this.rare.flagClasses];
    all[FC_SYN] = this.rows.synPackets(this.r);
    return all;
  }

  /** Packets by action: drop, reject, allow, other. */
  get actions(): number[] {
    return this.rows.actions(this.r);
  }

  /** Packets and highest severity per annotation id. */
  get annotations(): AnnotationCounts {
    return this.rows.annotations(this.r);
  }

  /** Packets per rule label (the first few distinct labels). */
  get rules(): Map<string, number> {
    return this.rows.rules(this.r);
  }

  get icmpEcho(): number {
    return this.rows.icmpEcho(this.r);
  }

  /** What few sources have (unusual flags, replies, noise, late packets, trojan probes …); undefined when the source has none of it. */
  get rare(): SourceProfileFields['rare'] {
    return this.rows.rare(this.r);
  }

  /** Destination hosts of ICMP echo requests. */
  get icmpEchoHosts(): HostMembers | null {
    return this.rare?.icmpEchoHosts ?? null;
  }

  /** Distinct IP protocols of its probes: TCP, UDP, ICMP (v4 and v6 as one) and each other one. */
  get protocolCount(): number {
    const bits = this.protocols;
    return (bits & P_TCP ? 1 : 0) + (bits & P_UDP ? 1 : 0) + (bits & P_ICMP ? 1 : 0) + (this.rare?.otherProtocols?.size ?? 0);
  }

  /** ICMP message types of its probes, as icmpTypeKey keys. */
  get icmpTypes(): Iterable<number> & { readonly size: number } | null {
    return this.rare?.icmpTypes ?? null;
  }

  /** Distinct ports of FIN-only / ACK-only packets. */
  get finPorts(): { readonly size: number } | null {
    return this.rare?.finPorts ?? null;
  }

  get ackPorts(): { readonly size: number } | null {
    return this.rare?.ackPorts ?? null;
  }

  /** Distinct hosts of ACK-only packets (probes' and late ones alike). */
  get ackHosts(): { readonly size: number } | null {
    return this.rare?.ackHosts ?? null;
  }

  get noisePackets(): number {
    return this.rare?.noisePackets ?? 0;
  }

  get leftoverPackets(): number {
    return this.rare?.leftoverPackets ?? 0;
  }

  get traceroutePackets(): number {
    return this.rare?.traceroutePackets ?? 0;
  }

  /** Of the traceroute packets, this side's own going out. */
  get ownTraceroutePackets(): number {
    return this.rare?.ownTraceroutePackets ?? 0;
  }

  /** Distinct ports of the traceroute packets (the range holds 167). */
  get traceroutePorts(): number {
    return this.rare?.traceroutePorts?.size ?? 0;
  }

  get replyPackets(): number {
    return this.rare?.replyPackets ?? 0;
  }

  /** Late packets of connections already under way (ACK or RST, no SYN): not among the ports, hosts or breadth. */
  get latePackets(): number {
    return this.rare?.latePackets ?? 0;
  }

  /** The ports (keys) and hosts of those late packets, capped as the probes' are; null: none. */
  get latePorts(): PortCounts | null {
    return this.rare?.latePorts ?? null;
  }

  get lateHosts(): HostMembers | null {
    return this.rare?.lateHosts ?? null;
  }

  /** Of the late packets, those dropped or rejected, and their ports (keys, capped as latePorts). */
  get lateBlocked(): number {
    return this.rare?.lateBlocked ?? 0;
  }

  get lateBlockedPorts(): PortCounts | null {
    return this.rare?.lateBlockedPorts ?? null;
  }

  /** Packets of its probes the firewall let in (allowed; not from this side, not LAN chatter). */
  get allowedPackets(): number {
    return this.rare?.allowedPackets ?? 0;
  }

  /** Packets kept out of the probes' counts: replies, late packets, a traceroute's. */
  get setAside(): number {
    return this.rare?.setAside ?? 0;
  }

  /** LAN chatter, and dial-up leftovers that are not chatter, counted among the probes' ports; with those ports (keys). */
  get noiseProbed(): number {
    return this.rare?.noiseProbed ?? 0;
  }

  get noisePorts(): PortCounts | null {
    return this.rare?.noisePorts ?? null;
  }

  get leftoverProbed(): number {
    return this.rare?.leftoverProbed ?? 0;
  }

  get leftoverPorts(): PortCounts | null {
    return this.rare?.leftoverPorts ?? null;
  }

  /** This side's own packets (egress) that the firewall dropped or rejected. */
  get ownBlocked(): number {
    return this.rare?.ownBlocked ?? 0;
  }

  /** Of its packets, of the allowed probes and of the late packets: connection records (Windows Firewall, Cisco ASA: isConnectionRecord). */
  get connections(): number {
    return this.rare?.connections ?? 0;
  }

  get allowedConnections(): number {
    return this.rare?.allowedConnections ?? 0;
  }

  get lateConnections(): number {
    return this.rare?.lateConnections ?? 0;
  }

  /** Of replyPackets, connection records, and of those the ones to a port (RowExtra.replyConnections). */
  get replyConnections(): number {
    return this.rare?.replyConnections ?? 0;
  }

  get serverReplyConnections(): number {
    return this.rare?.serverReplyConnections ?? 0;
  }

  /** Of noisePackets, connection records (RowExtra.noiseConnections). */
  get noiseConnections(): number {
    return this.rare?.noiseConnections ?? 0;
  }

  /** The TCP and UDP ports (keys) those allowed probes went to, capped as the probes' are; null: none. */
  get allowedPorts(): PortCounts | null {
    return this.rare?.allowedPorts ?? null;
  }

  /** Distinct trojan ports probed (up to limits.maxTrojanPorts). */
  get trojanPorts(): number {
    return (this.rare?.trojanRows.length ?? 0) / 4;
  }

  /** Trojan probes by port key, in first-seen order. */
  trojans(): IterableIterator<[number, TrojanSeen]> {
    return portRows(this.rare?.trojanRows ?? []);
  }

  /** The processes (pids, ascending) the log names for that traffic to malware ports; up to MAX_PIDS. */
  get outboundPids(): number[] {
    return sortedPids(this.rare?.outboundPids);
  }

  /** The processes (pids, ascending) the log names for its traffic egress rules stopped (role outbound-blocked); up to MAX_PIDS. */
  get blockedPids(): number[] {
    return sortedPids(this.rare?.blockedPids);
  }

  /** Distinct malware ports this side talked to (the rows of outbound()). */
  get outboundPorts(): number {
    return (this.rare?.outboundRows.length ?? 0) / 4;
  }

  /** Traffic from this side to malware ports (annotations of role outbound-malware) by port key, in first-seen order. */
  outbound(): IterableIterator<[number, TrojanSeen]> {
    return portRows(this.rare?.outboundRows ?? []);
  }
}

function sortedPids(set: Iterable<number> | null | undefined): number[] {
  return set ? [...set].sort((a, b) => a - b) : [];
}

/** [port key, packets, severity, text] rows as entries. */
function* portRows(rows: readonly (number | string)[]): IterableIterator<[number, TrojanSeen]> {
  for (let i = 0; i < rows.length; i += 4) {
    yield [rows[i] as number, { packets: rows[i + 1] as number, severity: rows[i + 2] as number, text: rows[i + 3] as string }];
  }
}

/**
 * Profiles keyed by source address, at most limits.maxSources of them. When full,
 * the least-recently-seen sixteenth is evicted in one pass (amortised: no per-event
 * reordering of the map), and the loss is counted for the report.
 */
export class ProfileTable {
  /** Address (addressKey) → row. */
  private readonly index = new Map<string, number>();
  private readonly rows = new ProfileRows();
  private seq = 0;
  /** The row added to last (never an evicted one: eviction only makes room for a new last), and its address as logged. */
  private lastRow = -1;
  private lastRaw = '';
  evicted = 0;
  evictedEvents = 0;

  constructor(private readonly t: Thresholds) {}

  /** Sources profiled. */
  get size(): number {
    return this.index.size;
  }

  /** The profile of ip (as addressKey spells it). */
  get(ip: string): SourceProfile | undefined {
    const r = this.index.get(ip);
    return r === undefined ? undefined : this.view(r);
  }

  /** Every profile, in the order the sources first came. */
  *values(): IterableIterator<SourceProfile> {
    for (const r of this.index.values()) yield this.view(r);
  }

  private view(r: number): SourceProfile {
    return new SourceProfile(this.rows.ip(r), { rows: this.rows, row: r });
  }

  /** `connection`: isConnectionRecord(e), when the caller has asked it already (Summarizer.add). */
  add(e: FirewallEvent, connection = isConnectionRecord(e)): void {
    const raw = e.src.ip;
    if (raw === null || raw === '') return;
    if (isOwnClientTraffic(e)) return;
    // A scan logs its packets back to back: comparing with the last address is cheaper than a hash probe.
    let r: number | undefined;
    if (this.lastRow >= 0 && raw === this.lastRaw) r = this.lastRow;
    else {
      const ip = addressKey(raw);
      r = this.index.get(ip);
      if (r === undefined) {
        // Checked on a miss only: a loopback address never gets a profile, so it always misses.
        if (isLoopback(ip)) return;
        r = this.newRow(ip);
      }
    }
    this.rows.touch(r, ++this.seq);
    this.rows.add(r, e, this.t.limits, connection);
    this.lastRow = r;
    this.lastRaw = raw;
  }

  merge(o: ProfileTable): void {
    this.lastRow = -1;
    for (const op of o.values()) {
      const r = this.index.get(op.ip) ?? this.newRow(op.ip);
      this.rows.merge(r, op, this.t.limits);
    }
    this.evicted += o.evicted;
    this.evictedEvents += o.evictedEvents;
  }

  private newRow(ip: string): number {
    if (this.index.size >= this.t.limits.maxSources) this.evict();
    // Flatten the key: a substring would keep its whole log line alive.
    const key = flat(ip);
    const r = this.rows.alloc(key);
    this.index.set(key, r);
    return r;
  }

  private evict(): void {
    this.lastRow = -1;
    const seqs = new Float64Array(this.index.size);
    let i = 0;
    for (const r of this.index.values()) seqs[i++] = this.rows.seq(r);
    seqs.sort();
    const cut = seqs[Math.max(0, Math.floor(seqs.length / 16) - 1)];
    for (const [ip, r] of this.index) {
      if (this.rows.seq(r) <= cut) {
        this.index.delete(ip);
        this.evicted++;
        this.evictedEvents += this.rows.events(r);
        this.rows.free(r);
      }
    }
  }
}
