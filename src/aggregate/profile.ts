// Per-source profiles: what one source address did over the whole run, in capped
// structures so memory depends on the caps, not on the number of lines. Everything
// kept is order-independent (counts, min/max, sets while under their cap), so the
// same events in any order give the same profile; past a cap the kept members may
// differ, the counts shown as "≥ cap" do not.
//
// Per event: one Map lookup, a few integer updates, a few capped set inserts. No
// regex, no sorting, no allocation beyond first-time set/map creation.
import type { FirewallEvent } from '../event.js';
import { flat } from '../util/flat-string.js';
import { HostSet, IntSet, PortTally } from './int-collections.js';
import { AnnotationTally, addToRow } from './annotation-tally.js';
import { isOwnClientTraffic } from './own-traffic.js';
import { LEFTOVER_ANNOTATIONS, NOISE_ANNOTATIONS, OUTBOUND_ANNOTATIONS, REPLY_ANNOTATIONS, type Thresholds } from './thresholds.js';
import { addressKey } from './address-key.js';
import { ipv4ToInt } from '../parsers/address.js';

// TCP flag bits (ECE/CWR are ignored for scan classification: ECN setup adds them to SYNs).
const F_SYN = 1;
const F_ACK = 2;
const F_FIN = 4;
const F_RST = 8;
const F_PSH = 16;
const F_URG = 32;
const F_MAIN = F_SYN | F_ACK | F_FIN | F_RST | F_PSH | F_URG;

/** TCP flag combinations counted per source (index into SourceProfile.flagClasses). */
export const FLAG_CLASSES = ['syn', 'null', 'fin', 'xmas', 'synfin', 'ack', 'other'] as const;
export type FlagClass = (typeof FLAG_CLASSES)[number];
export const FC_SYN = 0;
export const FC_NULL = 1;
export const FC_FIN = 2;
export const FC_XMAS = 3;
export const FC_SYNFIN = 4;
export const FC_ACK = 5;
export const FC_OTHER = 6;

export function flagMask(flags: readonly string[]): number {
  let m = 0;
  for (let i = 0; i < flags.length; i++) {
    switch (flags[i]) {
      case 'SYN': m |= F_SYN; break;
      case 'ACK': m |= F_ACK; break;
      case 'FIN': m |= F_FIN; break;
      case 'RST': m |= F_RST; break;
      case 'PSH': m |= F_PSH; break;
      case 'URG': m |= F_URG; break;
      default: break;
    }
  }
  return m;
}

/** nmap's names: -sN NULL, -sF FIN, -sX XMAS (FIN+PSH+URG), SYN+FIN, -sA ACK. */
export function flagClass(mask: number): number {
  const m = mask & F_MAIN;
  if (m === 0) return FC_NULL;
  if (m === F_FIN) return FC_FIN;
  if (m === (F_FIN | F_PSH | F_URG) || m === F_MAIN) return FC_XMAS;
  if ((m & (F_SYN | F_FIN)) === (F_SYN | F_FIN)) return FC_SYNFIN;
  if (m === F_ACK) return FC_ACK;
  if (m === F_SYN) return FC_SYN;
  return FC_OTHER;
}

// Protocol bits for SourceProfile.protocols.
export const P_TCP = 1;
export const P_UDP = 2;
export const P_ICMP = 4;
export const P_OTHER = 8;

/** Port keys: protocol in the high part so one Set holds tcp and udp ports apart. */
export const PK_TCP = 0;
export const PK_UDP = 65536;
export const PK_OTHER = 131072;

export function portKeyName(key: number): { proto: string; port: number } {
  if (key >= PK_OTHER) return { proto: 'other', port: key - PK_OTHER };
  if (key >= PK_UDP) return { proto: 'udp', port: key - PK_UDP };
  return { proto: 'tcp', port: key };
}

/** The protocol bit of a packet that adds no port (a reply, a traceroute probe). */
function portlessProtocol(proto: string): number {
  return proto === 'udp' ? P_UDP : proto === 'tcp' ? P_TCP : P_ICMP;
}

// What an annotation id means to the profile (one Map lookup per annotation).
const K_NOISE = 1;
const K_LEFTOVER = 2;
const K_TRACEROUTE = 3;
const K_TROJAN = 4;
const K_REPLY = 5;
const K_OUTBOUND = 6;
const ANNOTATION_KIND = new Map<string, number>([
  ...OUTBOUND_ANNOTATIONS.map((id): [string, number] => [id, K_OUTBOUND]),
  ...NOISE_ANNOTATIONS.map((id): [string, number] => [id, K_NOISE]),
  ...REPLY_ANNOTATIONS.map((id): [string, number] => [id, K_REPLY]),
  ...LEFTOVER_ANNOTATIONS.map((id): [string, number] => [id, K_LEFTOVER]),
  ['traceroute', K_TRACEROUTE],
  ['trojan', K_TROJAN],
]);

/** 33434-33600: every port of the traceroute range fits. */
const TRACEROUTE_PORTS = 167;
/** Distinct rule labels counted per source. */
const MAX_RULES = 4;
/** Shared empty array of a profile without rules or trojan probes yet (replaced, never written). */
const NO_ROWS: (string | number)[] = [];

/**
 * One copy of each rule label for all profiles: a log has a handful of prefixes
 * ("[UFW BLOCK]"), and a copy per source was ~40 bytes each. Bounded, since labels come
 * from the log; past the bound a label is copied as before.
 */
const LABELS = new Map<string, string>();
const MAX_LABELS = 1024;

function sharedLabel(rule: string): string {
  let s = LABELS.get(rule);
  if (s === undefined) {
    s = flat(rule);
    if (LABELS.size < MAX_LABELS) LABELS.set(s, s);
  }
  return s;
}

export interface TrojanSeen {
  packets: number;
  /** The annotation text (names the family), first seen. */
  text: string;
  severity: number;
}

/**
 * What few sources do: TCP flag combinations other than a plain SYN, the ports of FIN
 * and ACK probes, noise, leftovers, traceroute. In its own object, made on first need,
 * so the tens of thousands of profiles that never see them carry one null field
 * instead of eleven.
 */
class RareCounts {
  /** Packets per FLAG_CLASSES entry; [FC_SYN] stays 0 (SourceProfile counts SYNs itself). */
  readonly flagClasses = [0, 0, 0, 0, 0, 0, 0];
  /** Distinct ports of FIN-only / ACK-only packets (those need several ports to be a scan). */
  finPorts: IntSet | null = null;
  ackPorts: IntSet | null = null;
  noisePackets = 0;
  leftoverPackets = 0;
  traceroutePackets = 0;
  /**
   * Distinct ports of those traceroute packets: seed 002 reads UDP into 33434-33600 as a
   * traceroute only when it stays in that range, so for a source that UDP-scans other
   * ports too they are scan ports after all (findings decide).
   */
  traceroutePorts: IntSet | null = null;
  /** Server replies that are not also broadcast noise (so the two shares never overlap). */
  replyPackets = 0;
  /** Traffic from this side to malware ports, as trojan probes are kept: [port key, packets, highest severity, text] rows. */
  outboundRows: (number | string)[] = NO_ROWS;
}

export class SourceProfile {
  /** Last-touch sequence number, for least-recently-seen eviction. */
  seq = 0;
  events = 0;
  packets = 0;
  first = Infinity;
  last = -Infinity;
  /** Port keys (PK_* + port), capped at limits.maxPorts; packets for the first limits.maxPortCounts. */
  readonly ports = new PortTally();
  /** Distinct ports per protocol (counted on insert, so capped with the set). */
  tcpPorts = 0;
  udpPorts = 0;
  /** Destination hosts: IPv4 as uint32, others as strings; capped at limits.maxHosts. */
  readonly hosts = new HostSet();
  protocols = 0;
  // SYN packets, and packets per action: fields, not arrays. Most of the tens of
  // thousands of profiles hold a packet or two, and an array costs 60-100 bytes.
  private synPackets = 0;
  private drops = 0;
  private rejects = 0;
  private allows = 0;
  private otherActions = 0;
  /** Packets and highest severity per annotation id. */
  readonly annotations = new AnnotationTally();
  /**
   * Trojan probes as [port key, packets, highest severity, text] rows in one array: a
   * Map and an object per port cost ~250 bytes for the one or two ports most such
   * sources touch.
   */
  private trojanRows: (number | string)[] = NO_ROWS;
  /**
   * Rule/prefix labels (the first MAX_RULES distinct ones) and their packets, as
   * [label, packets] pairs in one array (an array costs ~50 bytes before its first
   * element); labels are compared, not hashed, per event.
   */
  private ruleRows: (string | number)[] = NO_ROWS;
  icmpEcho = 0;
  icmpEchoHosts: HostSet | null = null;
  private rare: RareCounts | null = null;
  /** TTL and TCP window of the earliest packet (-1: none), for --os-hint; set only when a packet is earlier than all before. */
  firstTtl = -1;
  firstWindow = -1;

  constructor(readonly ip: string) {}

  add(e: FirewallEvent, t: Thresholds): void {
    const n = e.count;
    const lim = t.limits;
    this.events++;
    this.packets += n;
    if (e.time !== null) {
      const ms = e.time.getTime();
      if (ms < this.first) {
        this.first = ms;
        this.firstTtl = e.ttl ?? -1;
        this.firstWindow = e.tcpWindow ?? -1;
      }
      if (ms > this.last) this.last = ms;
    } else if (this.events === 1) {
      this.firstTtl = e.ttl ?? -1;
      this.firstWindow = e.tcpWindow ?? -1;
    }
    switch (e.action) {
      case 'drop': this.drops += n; break;
      case 'reject': this.rejects += n; break;
      case 'allow': this.allows += n; break;
      default: this.otherActions += n;
    }
    if (e.rule !== null) this.addRule(e.rule, n);

    // Annotations first: a traceroute's walking ports are not breadth, nor the clients a
    // server's replies go to.
    let tracer = false;
    let reply = false;
    let noise = false;
    let leftover = false;
    const anns = e.annotations;
    for (let i = 0; i < anns.length; i++) {
      const a = anns[i];
      this.annotations.add(a.id, n, a.severity);
      const kind = ANNOTATION_KIND.get(a.id);
      if (kind === undefined) continue;
      if (kind === K_NOISE) noise = true;
      else if (kind === K_LEFTOVER) leftover = true;
      else if (kind === K_TRACEROUTE) tracer = true;
      else if (kind === K_REPLY) reply = true;
      else if (kind === K_TROJAN && e.dst.port !== null) {
        this.addTrojan((e.proto === 'udp' ? PK_UDP : PK_TCP) + e.dst.port, n, a.severity, a.text, lim.maxTrojanPorts);
      } else if (kind === K_OUTBOUND && e.dst.port !== null) {
        this.addOutbound((e.proto === 'udp' ? PK_UDP : PK_TCP) + e.dst.port, n, a.severity, a.text, lim.maxTrojanPorts);
      }
    }
    if (noise) this.rareCounts().noisePackets += n;
    if (leftover) this.rareCounts().leftoverPackets += n;
    if (reply && !tracer) {
      // Replies go to clients' random ports on our hosts: neither ports nor hosts a scan touched.
      if (!noise) this.rareCounts().replyPackets += n;
      this.protocols |= portlessProtocol(e.proto);
      return;
    }

    // A traceroute's target is a host it looked at (its walking ports are not breadth).
    const host = e.dst.ip;
    let hostKey: number | string | null = null;
    if (host !== null) {
      const v4 = ipv4ToInt(host);
      hostKey = v4 >= 0 ? v4 : flat(addressKey(host));
      this.hosts.add(hostKey, lim.maxHosts);
    }
    if (tracer) {
      const rare = this.rareCounts();
      rare.traceroutePackets += n;
      if (e.dst.port !== null) (rare.traceroutePorts ??= new IntSet()).add(e.dst.port, TRACEROUTE_PORTS);
      this.protocols |= portlessProtocol(e.proto);
      return;
    }

    const port = e.dst.port;
    switch (e.proto) {
      case 'tcp': {
        this.protocols |= P_TCP;
        const cls = e.tcpFlags === null ? FC_OTHER : flagClass(flagMask(e.tcpFlags));
        this.addFlagClass(cls, n);
        if (port !== null) {
          this.addPort(PK_TCP + port, n, lim);
          if (cls === FC_FIN) (this.rareCounts().finPorts ??= new IntSet()).add(port, 64);
          else if (cls === FC_ACK) (this.rareCounts().ackPorts ??= new IntSet()).add(port, 64);
        }
        break;
      }
      case 'udp':
        this.protocols |= P_UDP;
        if (port !== null) {
          this.addPort(PK_UDP + port, n, lim);
        }
        break;
      case 'icmp':
      case 'icmpv6': {
        this.protocols |= P_ICMP;
        const type = e.icmp?.type;
        // Echo request: ICMP 8, ICMPv6 128.
        if ((type === 8 && e.proto === 'icmp') || (type === 128 && e.proto === 'icmpv6')) {
          this.icmpEcho += n;
          if (hostKey !== null) (this.icmpEchoHosts ??= new HostSet()).add(hostKey, lim.maxHosts);
        }
        break;
      }
      default:
        this.protocols |= P_OTHER;
        if (port !== null) {
          this.addPort(PK_OTHER + port, n, lim);
        }
    }
  }

  /** Packets per FLAG_CLASSES entry, in that order. */
  get flagClasses(): number[] {
    const all = this.rare === null ? [0, 0, 0, 0, 0, 0, 0] : [...this.rare.flagClasses];
    all[FC_SYN] = this.synPackets;
    return all;
  }

  get finPorts(): IntSet | null {
    return this.rare?.finPorts ?? null;
  }

  get ackPorts(): IntSet | null {
    return this.rare?.ackPorts ?? null;
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

  /** Distinct ports of the traceroute packets (the range holds 167). */
  get traceroutePorts(): number {
    return this.rare?.traceroutePorts?.size ?? 0;
  }

  get replyPackets(): number {
    return this.rare?.replyPackets ?? 0;
  }

  private rareCounts(): RareCounts {
    return (this.rare ??= new RareCounts());
  }

  /** Packets by action: drop, reject, allow, other. */
  get actions(): number[] {
    return [this.drops, this.rejects, this.allows, this.otherActions];
  }

  private addFlagClass(cls: number, n: number): void {
    if (cls === FC_SYN) this.synPackets += n;
    else if (n !== 0) this.rareCounts().flagClasses[cls] += n;
  }

  private addRule(rule: string, n: number): void {
    const rows = this.ruleRows;
    for (let i = 0; i < rows.length; i += 2) {
      if (rows[i] === rule) {
        rows[i + 1] = (rows[i + 1] as number) + n;
        return;
      }
    }
    // concat, not push: exact-size arrays (push reserves ~17 slots per profile).
    if (rows.length < 2 * MAX_RULES) this.ruleRows = rows.concat([sharedLabel(rule), n]);
  }

  /** Counts n packets to port key k; a new key also counts towards tcpPorts / udpPorts. */
  private addPort(k: number, n: number, lim: Thresholds['limits']): void {
    if (!this.ports.add(k, n, lim.maxPorts, lim.maxPortCounts)) return;
    if (k < PK_UDP) this.tcpPorts++;
    else if (k < PK_OTHER) this.udpPorts++;
  }

  private addTrojan(key: number, n: number, severity: number, text: string, cap: number): void {
    const rows = this.trojanRows;
    if (!addToRow(rows, 4, key, n, severity) && rows.length < 4 * cap) this.trojanRows = rows.concat([key, n, severity, text]);
  }

  private addOutbound(key: number, n: number, severity: number, text: string, cap: number): void {
    const rare = this.rareCounts();
    const rows = rare.outboundRows;
    if (!addToRow(rows, 4, key, n, severity) && rows.length < 4 * cap) rare.outboundRows = rows.concat([key, n, severity, text]);
  }

  /** Distinct trojan ports probed (up to limits.maxTrojanPorts). */
  get trojanPorts(): number {
    return this.trojanRows.length / 4;
  }

  /** Trojan probes by port key, in first-seen order. */
  trojans(): IterableIterator<[number, TrojanSeen]> {
    return portRows(this.trojanRows);
  }

  /** Traffic from this side to malware ports (OUTBOUND_ANNOTATIONS) by port key, in first-seen order. */
  outbound(): IterableIterator<[number, TrojanSeen]> {
    return portRows(this.rare?.outboundRows ?? NO_ROWS);
  }

  /** Packets per rule label. */
  get rules(): Map<string, number> {
    const m = new Map<string, number>();
    for (let i = 0; i < this.ruleRows.length; i += 2) m.set(this.ruleRows[i] as string, this.ruleRows[i + 1] as number);
    return m;
  }

  /** Folds another profile of the same source in (chunked or parallel reading). */
  merge(o: SourceProfile, t: Thresholds): void {
    const lim = t.limits;
    this.seq = Math.max(this.seq, o.seq);
    this.events += o.events;
    this.packets += o.packets;
    if (o.first < this.first || (this.firstTtl < 0 && o.firstTtl >= 0)) {
      this.firstTtl = o.firstTtl;
      this.firstWindow = o.firstWindow;
    }
    this.first = Math.min(this.first, o.first);
    this.last = Math.max(this.last, o.last);
    // Counted ports first, so what is counted stays counted; then the rest, uncounted.
    for (const [k, c] of o.ports.counts()) this.addPort(k, c, lim);
    for (const k of o.ports.keys()) this.addPort(k, 0, lim);
    for (const h of o.hosts) this.hosts.add(h, lim.maxHosts);
    this.protocols |= o.protocols;
    o.flagClasses.forEach((c, cls) => this.addFlagClass(cls, c));
    if (o.finPorts) for (const p of o.finPorts) (this.rareCounts().finPorts ??= new IntSet()).add(p, 64);
    if (o.ackPorts) for (const p of o.ackPorts) (this.rareCounts().ackPorts ??= new IntSet()).add(p, 64);
    for (const [id, s] of o.annotations.severityEntries()) this.annotations.add(id, o.annotations.get(id)!, s);
    for (const [k, v] of o.trojans()) this.addTrojan(k, v.packets, v.severity, v.text, lim.maxTrojanPorts);
    for (const [k, v] of o.outbound()) this.addOutbound(k, v.packets, v.severity, v.text, lim.maxTrojanPorts);
    this.drops += o.drops;
    this.rejects += o.rejects;
    this.allows += o.allows;
    this.otherActions += o.otherActions;
    for (const [r, c] of o.rules) this.addRule(r, c);
    this.icmpEcho += o.icmpEcho;
    if (o.icmpEchoHosts) for (const h of o.icmpEchoHosts) (this.icmpEchoHosts ??= new HostSet()).add(h, lim.maxHosts);
    if (o.rare !== null) {
      const r = this.rareCounts();
      r.noisePackets += o.rare.noisePackets;
      r.leftoverPackets += o.rare.leftoverPackets;
      r.traceroutePackets += o.rare.traceroutePackets;
      if (o.rare.traceroutePorts) for (const port of o.rare.traceroutePorts) (r.traceroutePorts ??= new IntSet()).add(port, TRACEROUTE_PORTS);
      r.replyPackets += o.rare.replyPackets;
    }
  }
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
  readonly map = new Map<string, SourceProfile>();
  private seq = 0;
  /** The profile added to last (never an evicted one: eviction only makes room for a new last), and its address as logged. */
  private last: SourceProfile | null = null;
  private lastRaw = '';
  evicted = 0;
  evictedEvents = 0;

  constructor(private readonly t: Thresholds) {}

  add(e: FirewallEvent): void {
    const raw = e.src.ip;
    if (raw === null || raw === '') return;
    if (isOwnClientTraffic(e)) return;
    // A scan logs its packets back to back: comparing with the last address is cheaper than a hash probe.
    let p: SourceProfile | undefined;
    let ip = raw;
    if (this.last !== null && raw === this.lastRaw) p = this.last;
    else {
      ip = addressKey(raw);
      p = this.map.get(ip);
    }
    if (p === undefined) {
      // Checked on a miss only: a loopback address never gets a profile, so it always misses.
      if (isLoopback(ip)) return;
      if (this.map.size >= this.t.limits.maxSources) this.evict();
      // Flatten the key: a substring would keep its whole log line alive.
      p = new SourceProfile(flat(ip));
      this.map.set(p.ip, p);
    }
    p.seq = ++this.seq;
    p.add(e, this.t);
    this.last = p;
    this.lastRaw = raw;
  }

  merge(o: ProfileTable): void {
    this.last = null;
    for (const [ip, op] of o.map) {
      const p = this.map.get(ip);
      if (p) p.merge(op, this.t);
      else {
        if (this.map.size >= this.t.limits.maxSources) this.evict();
        const np = new SourceProfile(ip);
        np.merge(op, this.t);
        this.map.set(ip, np);
      }
    }
    this.evicted += o.evicted;
    this.evictedEvents += o.evictedEvents;
  }

  private evict(): void {
    const seqs = new Float64Array(this.map.size);
    let i = 0;
    for (const p of this.map.values()) seqs[i++] = p.seq;
    seqs.sort();
    const cut = seqs[Math.max(0, Math.floor(seqs.length / 16) - 1)];
    for (const [ip, p] of this.map) {
      if (p.seq <= cut) {
        this.map.delete(ip);
        this.evicted++;
        this.evictedEvents += p.events;
      }
    }
  }
}

/**
 * Loopback sources (127.0.0.0/8, ::1) are this host talking to itself — ufw's AUDIT
 * lines log them by the hundred — never a probe from outside, so they are not ranked.
 */
export function isLoopback(ip: string): boolean {
  return ip.startsWith('127.') || ip === '::1' || ip === '0000:0000:0000:0000:0000:0000:0000:0001';
}
