// Source profiles as rows of two typed arrays: one Float64Array row of counters and
// one Uint32Array row of codes per source, with the few ports, hosts, annotation ids and
// rule labels most sources have kept in the row itself. Whatever does not fit (a scan's
// hundreds of ports, IPv6 hosts, unusual TCP flags, trojan probes, replies, noise, late
// packets) goes to a RowExtra object made on first need; most sources never have one.
//
// Why rows: as objects, a profile was ~12 small objects (~1.1 KB) scattered over the
// heap. An event touched about eight of them, each a likely cache miss, and the young
// generation copied and promoted all of them (~57 MB per 1M lines). A row is ~380 bytes
// in two places, and typed arrays are never traced or copied by the garbage collector.
//
// Everything kept is order-independent (counts, min/max, sets while under their cap), so
// the same events in any order give the same profile; past a cap the kept members may
// differ, the counts shown as "≥ cap" do not. A row moves to the RowExtra collections in
// the order its members arrived, so a spilled set holds what the collection alone would.
import type { FirewallEvent } from '../event.js';
import { flat } from '../util/flat-string.js';
import { HostSet, IntSet, OverflowPortTally, PortTally, keepTop } from './int-collections.js';
import { AnnotationTally, addToRow } from './annotation-tally.js';
import type { Thresholds } from './thresholds.js';
import { annotationRoles } from '../annotate/roles.js';
import { REPLY_ROLES, type AnnotationRole } from '../annotate/rules.js';
import { addressKey } from './address-key.js';
import { ipv4ToInt } from '../parsers/address.js';
import { flagBits } from '../parsers/fields.js';
import { FC_ACK, FC_FIN, FC_OTHER, FC_SYN, ICMP_TYPE_KEYS, P_ICMP, P_OTHER, P_TCP, P_UDP, PK_OTHER, PK_TCP, PK_UDP, flagClass, icmpTypeKey, portKey } from './profile-codes.js';
import { isEchoRequest } from '../util/icmp.js';
import { isFromThisSide } from './own-traffic.js';
import { isEgress } from '../util/egress.js';

type Limits = Thresholds['limits'];

/** Members a row holds itself; past these they spill to RowExtra. */
const PORTS_INLINE = 8;
/** Late packets' port keys are TCP's or UDP's (addLate): below PK_OTHER. */
const LATE_PORT_KEYS = PK_OTHER;
const HOSTS_INLINE = 8;
const ANNS_INLINE = 6;
/** Distinct rule labels counted per source (all of them in the row while RULE_LABELS has room). */
const MAX_RULES = 4;

// Float64 row: counters (packets can pass 2^32 with "message repeated" folding) and times.
const F_SEQ = 0;
const F_EVENTS = 1;
const F_PACKETS = 2;
const F_FIRST = 3;
const F_LAST = 4;
const F_SYN = 5;
const F_DROPS = 6;
const F_REJECTS = 7;
const F_ALLOWS = 8;
const F_OTHER = 9;
const F_ICMP_ECHO = 10;
// TTL and TCP window of the earliest packet, -1: none (a log's WINDOW= may not fit 32 bits).
const F_TTL = 11;
const F_WINDOW = 12;
const F_PORT_N = 13; // packets per inline port
const F_ANN_N = F_PORT_N + PORTS_INLINE; // packets per inline annotation id
const F_RULE_N = F_ANN_N + ANNS_INLINE; // packets per rule label
const F_STRIDE = F_RULE_N + MAX_RULES;

// Uint32 row: codes and small counts.
const U_TCP_PORTS = 0;
const U_UDP_PORTS = 1;
const U_PROTOCOLS = 2;
const U_NPORTS = 3;
const U_NHOSTS = 4;
const U_NANNS = 5;
const U_NRULES = 6;
const U_PORT = 7; // inline port keys
const U_HOST = U_PORT + PORTS_INLINE; // inline IPv4 hosts
const U_ANN = U_HOST + HOSTS_INLINE; // inline annotation ids: index << 4 | highest severity
const U_RULE = U_ANN + ANNS_INLINE; // rule label indexes
const U_STRIDE = U_RULE + MAX_RULES;
/** A count slot's value once its members moved to the RowExtra collection. */
const SPILLED = 0xffffffff;

/** 33434-33600: every port of the traceroute range fits. */
const TRACEROUTE_PORTS = 167;
/**
 * Processes kept per outbound finding: one or two programs is the usual case, and a
 * finding names at most PIDS_SHOWN (findings.ts); the one more says there were more.
 */
export const MAX_PIDS = 5;
/** IP protocol numbers are 0-255: a set of other protocols never needs more. */
const MAX_OTHER_PROTOCOLS = 256;
/** Shared empty array of rows not yet written (replaced, never written). */
const NO_ROWS: (string | number)[] = [];

/**
 * Strings a row refers to by number: annotation ids (from the rules, a bounded set) and
 * rule labels (a log has a handful of prefixes such as "[UFW BLOCK]"). Bounded, since
 * labels come from the log; past the bound a row keeps its labels as text in RowExtra.
 */
class StringTable {
  private readonly index = new Map<string, number>();
  private readonly names: string[] = [];
  private lastName = '';
  private lastIndex = -1;

  constructor(private readonly max: number) {}

  /** s's number, or -1 when the table is full and s is not in it. */
  of(s: string): number {
    // A label mostly repeats the previous event's: comparing is cheaper than hashing a new slice.
    if (s === this.lastName && this.lastIndex >= 0) return this.lastIndex;
    let i = this.index.get(s);
    if (i === undefined) {
      if (this.names.length >= this.max) return -1;
      i = this.names.push(flat(s)) - 1;
      this.index.set(this.names[i], i);
    }
    this.lastName = this.names[i];
    this.lastIndex = i;
    return i;
  }

  name(i: number): string {
    return this.names[i];
  }
}

const ANNOTATION_IDS = new StringTable(4096);
const RULE_LABELS = new StringTable(1024);

// What an annotation id means to the profile (0: nothing beyond its count), by its role
// in signatures/annotations.json.
const K_NONE = 0;
const K_NOISE = 1;
const K_LEFTOVER = 2;
const K_TRACEROUTE = 3;
const K_TROJAN = 4;
const K_REPLY = 5;
const K_OUTBOUND = 6;
const K_LATE = 7;
const K_BLOCKED = 8;
const KIND_OF_ROLE: Readonly<Partial<Record<AnnotationRole, number>>> = {
  'outbound-malware': K_OUTBOUND,
  'outbound-blocked': K_BLOCKED,
  noise: K_NOISE,
  ...Object.fromEntries(REPLY_ROLES.map((r) => [r, K_REPLY])),
  late: K_LATE,
  leftover: K_LEFTOVER,
  traceroute: K_TRACEROUTE,
  'trojan-probe': K_TROJAN,
};
/** The kind by ANNOTATION_IDS number, filled as ids first come: the number is looked up anyway. */
const KIND_BY_NUMBER: number[] = [];

function annotationKind(idx: number, id: string): number {
  if (idx < 0) return kindOf(id);
  return (KIND_BY_NUMBER[idx] ??= kindOf(id));
}

function kindOf(id: string): number {
  const role = annotationRoles().roleOf(id);
  return (role && KIND_OF_ROLE[role]) ?? K_NONE;
}

/** The protocol bit of a packet that adds no port (a reply, a traceroute probe). */
function portlessProtocol(proto: string): number {
  return proto === 'udp' ? P_UDP : proto === 'tcp' ? P_TCP : P_ICMP;
}

export interface TrojanSeen {
  packets: number;
  /** The annotation text (names the family), first seen. */
  text: string;
  severity: number;
}

/** What readers see of a profile's ports: its PortTally, or the few the row holds. */
export interface PortCounts {
  readonly size: number;
  /** [key, packets] of the counted ports that have packets. */
  counts(): IterableIterator<[number, number]>;
  /** The n counted ports with the most packets, [key, packets]; ties by key. */
  top(n: number): [number, number][];
  /** Every key, counted or not. */
  keys(): IterableIterator<number>;
  /** Keys seen past the cap, not among keys() (a scanner's late ports: OverflowPortTally). */
  beyondKeys?(): IterableIterator<number>;
}

/** What readers see of a profile's destination hosts (IPv4 as uint32, others as text). */
export interface HostMembers extends Iterable<number | string> {
  readonly size: number;
}

/** What readers see of a profile's annotations: packets and highest severity per id. */
export type AnnotationCounts = Pick<AnnotationTally, 'size' | 'has' | 'get' | 'severity' | 'keys' | 'severityEntries' | typeof Symbol.iterator>;

/** A row's own ports, copied out for reading. */
class RowPorts implements PortCounts {
  constructor(
    private readonly ks: number[],
    private readonly ns: number[],
  ) {}

  get size(): number {
    return this.ks.length;
  }

  *counts(): IterableIterator<[number, number]> {
    for (let i = 0; i < this.ks.length; i++) if (this.ns[i] > 0) yield [this.ks[i], this.ns[i]];
  }

  top(n: number): [number, number][] {
    const out: [number, number][] = [];
    if (n <= 0) return out;
    for (let i = 0; i < this.ks.length; i++) if (this.ns[i] > 0) keepTop(out, n, this.ks[i], this.ns[i]);
    return out;
  }

  keys(): IterableIterator<number> {
    return this.ks.values();
  }
}

/** A row's own IPv4 hosts, copied out for reading. */
class RowHosts implements HostMembers {
  constructor(private readonly hs: number[]) {}

  get size(): number {
    return this.hs.length;
  }

  [Symbol.iterator](): Iterator<number> {
    return this.hs.values();
  }
}

/** What few sources need: everything that does not fit in the row, made on first need. */
class RowExtra {
  /** Packets per FLAG_CLASSES entry; [FC_SYN] stays 0 (the row counts SYNs). */
  readonly flagClasses = [0, 0, 0, 0, 0, 0, 0];
  /** Distinct ports of FIN-only / ACK-only packets (those need several ports to be a scan). */
  finPorts: IntSet | null = null;
  ackPorts: IntSet | null = null;
  /**
   * Distinct hosts of ACK-only packets: a real connection's late ACKs go to one host, an
   * ACK scan across a network (nmap -sA on one port) to many (findings: ack-scan).
   */
  ackHosts: HostSet | null = null;
  noisePackets = 0;
  leftoverPackets = 0;
  traceroutePackets = 0;
  /**
   * Distinct ports of those traceroute packets: seed 002 reads UDP into 33434-33600 as a
   * traceroute only when it stays in that range, so for a source that UDP-scans other
   * ports too they are scan ports after all (findings decide).
   */
  traceroutePorts: IntSet | null = null;
  /** Of the traceroute packets, this side's own going out (egress): a machine here mapping a path, not a probe of it. */
  ownTraceroutePackets = 0;
  /** Server replies that are not also broadcast noise (so the two shares never overlap). */
  replyPackets = 0;
  /**
   * Late packets of connections already under way (ACK or RST, no SYN) that are neither
   * replies nor noise, with the ports and hosts they went to: kept apart from the probes'
   * (they opened nothing), for the late-packets finding's text and for an ACK scan, whose
   * packets these are (findings decide: lateScanReach).
   */
  latePackets = 0;
  /** Its ports past maxPorts kept as bits too (OverflowPortTally): a scanner's become probed ports. */
  latePorts: OverflowPortTally | null = null;
  lateHosts: HostSet | null = null;
  /**
   * Of the late packets, those dropped or rejected, and their ports: when the findings
   * make them a scan's, the report's header and probed-ports table count them as the
   * probes they were (lateScanTotals), blocked ones apart as for every probe.
   */
  lateBlocked = 0;
  lateBlockedPorts: OverflowPortTally | null = null;
  /**
   * Probes the firewall let in (allowed, not from this side, not LAN chatter), and the
   * ports they went to: a host firewall logging ALLOW RECEIVE, an ACCEPT rule that logs.
   * Part of the probes counted above too; kept apart so the "why" line and allowed-in
   * can tell what got in from what was stopped.
   */
  allowedPackets = 0;
  allowedPorts: PortTally | null = null;
  /**
   * Packets that took no part in the probes' counts (replies, late packets, a traceroute's),
   * and the LAN chatter and dial-up leftovers that did count among its ports, with those
   * ports: a noise or leftover finding covers only those, so the "why" line can still say
   * the probes beside them (findings.ts uncoveredProbes).
   */
  setAside = 0;
  noiseProbed = 0;
  noisePorts: PortTally | null = null;
  leftoverProbed = 0;
  leftoverPorts: PortTally | null = null;
  /** This side's own packets (egress) that the firewall dropped or rejected: the "why" line says what they are. */
  ownBlocked = 0;
  /**
   * Connection records (Windows Firewall, Cisco ASA; isConnectionRecord: one ALLOW, OPEN or CLOSE row per
   * connection, where a DROP row is one packet) among its packets, among the allowed probes
   * and among the late packets: the "why" line says connections for them, not packets.
   */
  connections = 0;
  allowedConnections = 0;
  lateConnections = 0;
  /**
   * Of `replyPackets`, connection records (a Cisco ASA Teardown read as the server's end of a
   * connection, a Windows ALLOW row from port 53), and of those the ones to a port: server
   * replies to client ports, which server-replies says apart from the ICMP answers (a
   * Windows ALLOW row of an echo reply is a connection record too, to no port).
   */
  replyConnections = 0;
  serverReplyConnections = 0;
  /**
   * Of `noisePackets`, connection records (a Cisco ASA Teardown to a broadcast address):
   * with them the "why" line still knows the connections among the probes beside the chatter.
   */
  noiseConnections = 0;
  /** Trojan probes, and traffic from this side to malware ports: [port key, packets, highest severity, text] rows. */
  trojanRows: (number | string)[] = NO_ROWS;
  outboundRows: (number | string)[] = NO_ROWS;
  /**
   * The processes the log names (Windows Firewall's pid) for that traffic to malware ports,
   * and for this side's traffic egress rules stopped (role outbound-blocked): the findings'
   * advice is to find the process, and then the log already says which (up to MAX_PIDS).
   */
  outboundPids: IntSet | null = null;
  blockedPids: IntSet | null = null;
  icmpEchoHosts: HostSet | null = null;
  /** ICMP message types of its probes (icmpTypeKey), all of them, so the set is the same whatever order the packets came in. */
  icmpTypes: IntSet | null = null;
  /** Distinct protocols of its probes other than TCP, UDP and ICMP (an IP protocol scan tries them all). */
  otherProtocols: Set<string> | null = null;
  /** The row's members once they outgrew it (the row's count slot is then SPILLED). */
  ports: PortTally | null = null;
  hosts: HostSet | null = null;
  annotations: AnnotationTally | null = null;
  /** [label, packets] of labels past RULE_LABELS' bound. */
  ruleRows: (string | number)[] = NO_ROWS;
}

/**
 * The rows. Row numbers are reused after free(); a row's fields are read through
 * SourceProfile (profile.ts), which readers get from ProfileTable.
 */
export class ProfileRows {
  private f: Float64Array;
  private u: Uint32Array;
  private capacity: number;
  private used = 0;
  private readonly freed: number[] = [];
  private readonly ips: string[] = [];
  private readonly extras: (RowExtra | undefined)[] = [];

  constructor(capacity = 1024) {
    this.capacity = capacity;
    this.f = new Float64Array(capacity * F_STRIDE);
    this.u = new Uint32Array(capacity * U_STRIDE);
  }

  /** A new, empty row for ip (a flat string: it is kept). */
  alloc(ip: string): number {
    let r = this.freed.pop();
    const fo = (r ?? this.used) * F_STRIDE;
    if (r === undefined) {
      // A new row is zero already.
      r = this.used++;
      if (r === this.capacity) this.grow();
    } else {
      this.f.fill(0, fo, fo + F_STRIDE);
      this.u.fill(0, r * U_STRIDE, (r + 1) * U_STRIDE);
    }
    this.f[fo + F_FIRST] = Infinity;
    this.f[fo + F_LAST] = -Infinity;
    this.f[fo + F_TTL] = -1;
    this.f[fo + F_WINDOW] = -1;
    this.ips[r] = ip;
    this.extras[r] = undefined;
    return r;
  }

  free(r: number): void {
    this.extras[r] = undefined;
    this.ips[r] = '';
    this.freed.push(r);
  }

  private grow(): void {
    this.capacity *= 2;
    const f = new Float64Array(this.capacity * F_STRIDE);
    f.set(this.f);
    this.f = f;
    const u = new Uint32Array(this.capacity * U_STRIDE);
    u.set(this.u);
    this.u = u;
  }

  private extra(r: number): RowExtra {
    return (this.extras[r] ??= new RowExtra());
  }

  // ---- adding -------------------------------------------------------------------------

  /** Marks the row as touched at `seq` (least-recently-seen eviction). */
  touch(r: number, seq: number): void {
    this.f[r * F_STRIDE + F_SEQ] = seq;
  }

  /** `connection`: isConnectionRecord(e), asked once by whoever hands the event on. */
  add(r: number, e: FirewallEvent, lim: Limits, connection: boolean): void {
    const f = this.f;
    const u = this.u;
    const fo = r * F_STRIDE;
    const uo = r * U_STRIDE;
    const n = e.count;
    const events = ++f[fo + F_EVENTS];
    f[fo + F_PACKETS] += n;
    if (e.time !== null) {
      const ms = e.time.getTime();
      if (ms < f[fo + F_FIRST]) {
        f[fo + F_FIRST] = ms;
        f[fo + F_TTL] = e.ttl ?? -1;
        f[fo + F_WINDOW] = e.tcpWindow ?? -1;
      }
      if (ms > f[fo + F_LAST]) f[fo + F_LAST] = ms;
    } else if (events === 1) {
      f[fo + F_TTL] = e.ttl ?? -1;
      f[fo + F_WINDOW] = e.tcpWindow ?? -1;
    }
    switch (e.action) {
      case 'drop': f[fo + F_DROPS] += n; break;
      case 'reject': f[fo + F_REJECTS] += n; break;
      case 'allow': f[fo + F_ALLOWS] += n; break;
      default: f[fo + F_OTHER] += n;
    }
    if (e.rule !== null) this.addRule(r, e.rule, n);
    if (connection) this.extra(r).connections += n;

    // Annotations first: a traceroute's walking ports are not breadth, nor the clients a
    // server's replies go to.
    let tracer = false;
    let reply = false;
    let noise = false;
    let leftover = false;
    let late = false;
    const anns = e.annotations;
    for (let i = 0; i < anns.length; i++) {
      const a = anns[i];
      const idx = ANNOTATION_IDS.of(a.id);
      this.addAnnotation(r, idx, a.id, n, a.severity);
      const kind = annotationKind(idx, a.id);
      if (kind === K_NONE) continue;
      if (kind === K_NOISE) noise = true;
      else if (kind === K_LEFTOVER) leftover = true;
      else if (kind === K_TRACEROUTE) tracer = true;
      else if (kind === K_REPLY) reply = true;
      else if (kind === K_LATE) late = true;
      else if (kind === K_TROJAN && e.dst.port !== null) {
        const x = this.extra(r);
        x.trojanRows = withRow(x.trojanRows, portKey(e.proto, e.dst.port), n, a.severity, a.text, lim.maxTrojanPorts);
      } else if (kind === K_OUTBOUND && e.dst.port !== null) {
        const x = this.extra(r);
        x.outboundRows = withRow(x.outboundRows, portKey(e.proto, e.dst.port), n, a.severity, a.text, lim.maxTrojanPorts);
        if (e.pid !== null) (x.outboundPids ??= new IntSet()).add(e.pid, MAX_PIDS);
      } else if (kind === K_BLOCKED && e.pid !== null) {
        (this.extra(r).blockedPids ??= new IntSet()).add(e.pid, MAX_PIDS);
      }
    }
    if (noise) {
      const x = this.extra(r);
      x.noisePackets += n;
      if (connection) x.noiseConnections += n;
    }
    if (leftover) this.extra(r).leftoverPackets += n;
    if (reply && !tracer) {
      // Replies go to clients' random ports on our hosts: neither ports nor hosts a scan touched.
      const x = this.extra(r);
      if (!noise) {
        x.replyPackets += n;
        if (connection) {
          x.replyConnections += n;
          if (e.dst.port !== null) x.serverReplyConnections += n;
        }
      }
      x.setAside += n;
      u[uo + U_PROTOCOLS] |= portlessProtocol(e.proto);
      return;
    }
    if (late && !noise && !tracer) {
      // A late packet of a connection already under way opened nothing: its port and host
      // are not breadth (as the report's port tables leave it out: own-traffic.ts).
      this.addLate(r, e, n, lim, connection);
      const x = this.extra(r);
      x.setAside += n;
      if (connection) x.lateConnections += n;
      return;
    }

    // A traceroute's target is a host it looked at (its walking ports are not breadth).
    // LAN chatter goes to a broadcast or multicast group, not to a host anyone looked at:
    // a scanner's neighbour solicitations would otherwise widen its scan by a host each.
    const host = noise ? null : e.dst.ip;
    let hostKey: number | string | null = null;
    if (host !== null) {
      const v4 = ipv4ToInt(host);
      hostKey = v4 >= 0 ? v4 : flat(addressKey(host));
      this.addHost(r, hostKey, lim);
    }
    if (tracer) {
      const x = this.extra(r);
      x.traceroutePackets += n;
      if (isEgress(e)) {
        x.ownTraceroutePackets += n;
        // Egress rules stopped it: the "why" line says so, as for the rest of this side's blocked packets.
        if (e.action === 'drop' || e.action === 'reject') x.ownBlocked += n;
      }
      x.setAside += n;
      if (e.dst.port !== null) (x.traceroutePorts ??= new IntSet()).add(e.dst.port, TRACEROUTE_PORTS);
      u[uo + U_PROTOCOLS] |= portlessProtocol(e.proto);
      return;
    }

    const port = e.dst.port;
    if (noise || leftover) this.addAside(r, noise, e.proto, port, n, lim);
    // Egress rules caught this side's own packet: said as such, not as a probe. Asked of
    // blocked packets only (an allowed one of this side's makes no profile, or is telling).
    if ((e.action === 'drop' || e.action === 'reject') && isEgress(e)) this.extra(r).ownBlocked += n;
    // isFromThisSide only for allowed packets: the rest never need it.
    if (e.action === 'allow' && !noise && !isFromThisSide(e)) {
      this.addAllowed(r, e.proto, port, n, lim);
      if (connection) this.extra(r).allowedConnections += n;
    }
    switch (e.proto) {
      case 'tcp': {
        u[uo + U_PROTOCOLS] |= P_TCP;
        const cls = e.tcpFlags === null ? FC_OTHER : flagClass(flagBits(e.tcpFlags));
        // A connection row (Windows ALLOW, OPEN, CLOSE) records no flags: counted, it would be an
        // "other" packet that never was, and the flag counts would no longer be packets. Nor does a
        // record whose format logs none (a Cisco ASA's deny, a FortiGate's): its flags are unknown.
        if (!connection && e.tcpFlags !== null) this.addFlagClass(r, cls, n);
        // This side's own ACKs that egress rules dropped go to the many servers and services
        // its clients talk to: no scan of anyone, by hosts or by ports.
        const scanAck = cls === FC_ACK && !isFromThisSide(e);
        if (scanAck && hostKey !== null) this.addAckHost(r, hostKey, lim);
        if (port !== null) {
          this.addPort(r, PK_TCP + port, n, lim);
          if (cls === FC_FIN) (this.extra(r).finPorts ??= new IntSet()).add(port, 64);
          else if (scanAck) (this.extra(r).ackPorts ??= new IntSet()).add(port, 64);
        }
        break;
      }
      case 'udp':
        u[uo + U_PROTOCOLS] |= P_UDP;
        if (port !== null) this.addPort(r, PK_UDP + port, n, lim);
        break;
      case 'icmp':
      case 'icmpv6': {
        u[uo + U_PROTOCOLS] |= P_ICMP;
        const type = e.icmp === null ? null : e.icmp.type;
        if (type !== null) (this.extra(r).icmpTypes ??= new IntSet()).add(icmpTypeKey(e.proto, type), ICMP_TYPE_KEYS);
        if (isEchoRequest(e.proto, type)) {
          f[fo + F_ICMP_ECHO] += n;
          if (hostKey !== null) (this.extra(r).icmpEchoHosts ??= new HostSet()).add(hostKey, lim.maxHosts);
        }
        break;
      }
      default:
        u[uo + U_PROTOCOLS] |= P_OTHER;
        this.addOtherProtocol(r, e.proto);
        if (port !== null) this.addPort(r, PK_OTHER + port, n, lim);
    }
  }

  /**
   * A late packet's flags still count (and its ACK-only or FIN-only port: nmap -sA sends
   * nothing but ACKs, each to another port, and ack-scan must still see them); its port
   * and host go to the late collections, not to the probes'.
   */
  private addLate(r: number, e: FirewallEvent, n: number, lim: Limits, connection: boolean): void {
    const x = this.extra(r);
    x.latePackets += n;
    this.u[r * U_STRIDE + U_PROTOCOLS] |= portlessProtocol(e.proto);
    const port = e.dst.port;
    const blocked = e.action === 'drop' || e.action === 'reject';
    if (blocked) x.lateBlocked += n;
    if (port !== null) {
      const k = portKey(e.proto, port);
      (x.latePorts ??= new OverflowPortTally(LATE_PORT_KEYS)).add(k, n, lim.maxPorts, lim.maxPortCounts);
      if (blocked) (x.lateBlockedPorts ??= new OverflowPortTally(LATE_PORT_KEYS)).add(k, n, lim.maxPorts, lim.maxPortCounts);
    }
    const host = e.dst.ip;
    let hostKey: number | string | null = null;
    if (host !== null) {
      const v4 = ipv4ToInt(host);
      hostKey = v4 >= 0 ? v4 : flat(addressKey(host));
      (x.lateHosts ??= new HostSet()).add(hostKey, lim.maxHosts);
    }
    if (e.proto !== 'tcp') return;
    const cls = e.tcpFlags === null ? FC_OTHER : flagClass(flagBits(e.tcpFlags));
    // A CLOSE row records no flags, nor a format that logs none (as in add()).
    if (!connection && e.tcpFlags !== null) this.addFlagClass(r, cls, n);
    if (cls === FC_ACK && hostKey !== null) this.addAckHost(r, hostKey, lim);
    if (port === null) return;
    if (cls === FC_FIN) (x.finPorts ??= new IntSet()).add(port, 64);
    else if (cls === FC_ACK) (x.ackPorts ??= new IntSet()).add(port, 64);
  }

  private addAckHost(r: number, h: number | string, lim: Limits): void {
    (this.extra(r).ackHosts ??= new HostSet()).add(h, lim.maxHosts);
  }

  /** LAN chatter or a dial-up leftover counted among the probes' ports: its packets and port, kept apart for the findings that cover it. */
  private addAside(r: number, noise: boolean, proto: string, port: number | null, n: number, lim: Limits): void {
    const x = this.extra(r);
    // The key the probes' ports use for it (ICMP adds none).
    const k = port === null || proto === 'icmp' || proto === 'icmpv6' ? -1 : portKey(proto, port);
    if (noise) {
      x.noiseProbed += n;
      if (k >= 0) (x.noisePorts ??= new PortTally()).add(k, n, lim.maxPorts, lim.maxPortCounts);
    } else {
      x.leftoverProbed += n;
      if (k >= 0) (x.leftoverPorts ??= new PortTally()).add(k, n, lim.maxPorts, lim.maxPortCounts);
    }
  }

  /** A probe the firewall let in: its packets, and its port (TCP and UDP only: what ports.json knows). */
  private addAllowed(r: number, proto: string, port: number | null, n: number, lim: Limits): void {
    const x = this.extra(r);
    x.allowedPackets += n;
    if (port !== null && (proto === 'tcp' || proto === 'udp')) (x.allowedPorts ??= new PortTally()).add(portKey(proto, port), n, lim.maxPorts, lim.maxPortCounts);
  }

  private addOtherProtocol(r: number, proto: string): void {
    const set = (this.extra(r).otherProtocols ??= new Set());
    // Flattened: a slice of the log line would keep the line alive.
    if (set.size < MAX_OTHER_PROTOCOLS && !set.has(proto)) set.add(flat(proto));
  }

  private addFlagClass(r: number, cls: number, n: number): void {
    if (cls === FC_SYN) this.f[r * F_STRIDE + F_SYN] += n;
    else if (n !== 0) this.extra(r).flagClasses[cls] += n;
  }

  /** Counts n packets to port key k; a new key also counts towards the row's tcp / udp ports. */
  private addPort(r: number, k: number, n: number, lim: Limits): void {
    const u = this.u;
    const uo = r * U_STRIDE;
    const count = u[uo + U_NPORTS];
    let added: boolean;
    if (count !== SPILLED) {
      const fo = r * F_STRIDE + F_PORT_N;
      for (let i = 0; i < count; i++) {
        if (u[uo + U_PORT + i] === k) {
          this.f[fo + i] += n;
          return;
        }
      }
      if (count < PORTS_INLINE && count < lim.maxPorts && count < lim.maxPortCounts) {
        u[uo + U_PORT + count] = k;
        this.f[fo + count] = n;
        u[uo + U_NPORTS] = count + 1;
        added = true;
      } else added = this.spillPorts(r).add(k, n, lim.maxPorts, lim.maxPortCounts);
    } else added = this.extras[r]!.ports!.add(k, n, lim.maxPorts, lim.maxPortCounts);
    if (!added) return;
    if (k < PK_UDP) u[uo + U_TCP_PORTS]++;
    else if (k < PK_OTHER) u[uo + U_UDP_PORTS]++;
  }

  private spillPorts(r: number): PortTally {
    const t = new PortTally();
    const uo = r * U_STRIDE;
    const fo = r * F_STRIDE + F_PORT_N;
    // Under their caps when they were inlined, so no cap applies to them now.
    for (let i = 0; i < this.u[uo + U_NPORTS]; i++) t.add(this.u[uo + U_PORT + i], this.f[fo + i], Infinity, Infinity);
    this.u[uo + U_NPORTS] = SPILLED;
    this.extra(r).ports = t;
    return t;
  }

  private addHost(r: number, h: number | string, lim: Limits): void {
    const u = this.u;
    const uo = r * U_STRIDE;
    const count = u[uo + U_NHOSTS];
    if (count !== SPILLED) {
      if (typeof h === 'number') {
        for (let i = 0; i < count; i++) if (u[uo + U_HOST + i] === h) return;
        if (count < HOSTS_INLINE && count < lim.maxHosts) {
          u[uo + U_HOST + count] = h;
          u[uo + U_NHOSTS] = count + 1;
          return;
        }
      }
      this.spillHosts(r);
    }
    this.extras[r]!.hosts!.add(h, lim.maxHosts);
  }

  private spillHosts(r: number): void {
    const s = new HostSet();
    const uo = r * U_STRIDE;
    for (let i = 0; i < this.u[uo + U_NHOSTS]; i++) s.add(this.u[uo + U_HOST + i]);
    this.u[uo + U_NHOSTS] = SPILLED;
    this.extra(r).hosts = s;
  }

  /** Adds n packets to annotation id (idx: its ANNOTATION_IDS number, -1 past the table's bound). */
  private addAnnotation(r: number, idx: number, id: string, n: number, severity: number): void {
    const u = this.u;
    const uo = r * U_STRIDE;
    const count = u[uo + U_NANNS];
    if (count !== SPILLED) {
      if (idx >= 0) {
        const fo = r * F_STRIDE + F_ANN_N;
        for (let i = 0; i < count; i++) {
          const code = u[uo + U_ANN + i];
          if (code >>> 4 === idx) {
            this.f[fo + i] += n;
            if (severity > (code & 15)) u[uo + U_ANN + i] = (idx << 4) | severity;
            return;
          }
        }
        if (count < ANNS_INLINE) {
          u[uo + U_ANN + count] = (idx << 4) | severity;
          this.f[fo + count] = n;
          u[uo + U_NANNS] = count + 1;
          return;
        }
      }
      this.spillAnnotations(r);
    }
    this.extras[r]!.annotations!.add(id, n, severity);
  }

  private spillAnnotations(r: number): void {
    this.extra(r).annotations = this.inlineAnnotations(r);
    this.u[r * U_STRIDE + U_NANNS] = SPILLED;
  }

  private inlineAnnotations(r: number): AnnotationTally {
    const t = new AnnotationTally();
    const uo = r * U_STRIDE;
    const fo = r * F_STRIDE + F_ANN_N;
    for (let i = 0; i < this.u[uo + U_NANNS]; i++) {
      const code = this.u[uo + U_ANN + i];
      t.add(ANNOTATION_IDS.name(code >>> 4), this.f[fo + i], code & 15);
    }
    return t;
  }

  /** The first MAX_RULES distinct labels and their packets. */
  private addRule(r: number, rule: string, n: number): void {
    const u = this.u;
    const uo = r * U_STRIDE;
    const count = u[uo + U_NRULES];
    const idx = RULE_LABELS.of(rule);
    if (idx >= 0) {
      for (let i = 0; i < count; i++) {
        if (u[uo + U_RULE + i] === idx) {
          this.f[r * F_STRIDE + F_RULE_N + i] += n;
          return;
        }
      }
    }
    const x = this.extras[r];
    const rows = x?.ruleRows ?? NO_ROWS;
    for (let i = 0; i < rows.length; i += 2) {
      if (rows[i] === rule) {
        rows[i + 1] = (rows[i + 1] as number) + n;
        return;
      }
    }
    if (count + rows.length / 2 >= MAX_RULES) return;
    if (idx >= 0) {
      u[uo + U_RULE + count] = idx;
      this.f[r * F_STRIDE + F_RULE_N + count] = n;
      u[uo + U_NRULES] = count + 1;
    } else this.extra(r).ruleRows = rows.concat([flat(rule), n]);
  }

  /** Folds profile o (of the same source, read from another part of the input) into row r. */
  merge(r: number, o: SourceProfileFields, lim: Limits): void {
    const f = this.f;
    const u = this.u;
    const fo = r * F_STRIDE;
    const uo = r * U_STRIDE;
    f[fo + F_SEQ] = Math.max(f[fo + F_SEQ], o.seq);
    f[fo + F_EVENTS] += o.events;
    f[fo + F_PACKETS] += o.packets;
    if (o.first < f[fo + F_FIRST] || (f[fo + F_TTL] < 0 && o.firstTtl >= 0)) {
      f[fo + F_TTL] = o.firstTtl;
      f[fo + F_WINDOW] = o.firstWindow;
    }
    f[fo + F_FIRST] = Math.min(f[fo + F_FIRST], o.first);
    f[fo + F_LAST] = Math.max(f[fo + F_LAST], o.last);
    // Counted ports first, so what is counted stays counted; then the rest, uncounted.
    for (const [k, c] of o.ports.counts()) this.addPort(r, k, c, lim);
    for (const k of o.ports.keys()) this.addPort(r, k, 0, lim);
    for (const h of o.hosts) this.addHost(r, h, lim);
    u[uo + U_PROTOCOLS] |= o.protocols;
    o.flagClasses.forEach((c, cls) => this.addFlagClass(r, cls, c));
    const [drops, rejects, allows, other] = o.actions;
    f[fo + F_DROPS] += drops;
    f[fo + F_REJECTS] += rejects;
    f[fo + F_ALLOWS] += allows;
    f[fo + F_OTHER] += other;
    for (const [id, s] of o.annotations.severityEntries()) this.addAnnotation(r, ANNOTATION_IDS.of(id), id, o.annotations.get(id)!, s);
    for (const [rule, c] of o.rules) this.addRule(r, rule, c);
    f[fo + F_ICMP_ECHO] += o.icmpEcho;
    const rare = o.rare;
    if (rare === undefined) return;
    const x = this.extra(r);
    if (rare.finPorts) for (const p of rare.finPorts) (x.finPorts ??= new IntSet()).add(p, 64);
    if (rare.ackPorts) for (const p of rare.ackPorts) (x.ackPorts ??= new IntSet()).add(p, 64);
    if (rare.ackHosts) for (const h of rare.ackHosts) (x.ackHosts ??= new HostSet()).add(h, lim.maxHosts);
    x.trojanRows = withRows(x.trojanRows, rare.trojanRows, lim.maxTrojanPorts);
    x.outboundRows = withRows(x.outboundRows, rare.outboundRows, lim.maxTrojanPorts);
    if (rare.outboundPids) for (const p of rare.outboundPids) (x.outboundPids ??= new IntSet()).add(p, MAX_PIDS);
    if (rare.blockedPids) for (const p of rare.blockedPids) (x.blockedPids ??= new IntSet()).add(p, MAX_PIDS);
    if (rare.icmpEchoHosts) for (const h of rare.icmpEchoHosts) (x.icmpEchoHosts ??= new HostSet()).add(h, lim.maxHosts);
    if (rare.icmpTypes) for (const t of rare.icmpTypes) (x.icmpTypes ??= new IntSet()).add(t, ICMP_TYPE_KEYS);
    if (rare.otherProtocols) for (const proto of rare.otherProtocols) this.addOtherProtocol(r, proto);
    x.noisePackets += rare.noisePackets;
    x.leftoverPackets += rare.leftoverPackets;
    x.traceroutePackets += rare.traceroutePackets;
    x.ownTraceroutePackets += rare.ownTraceroutePackets;
    if (rare.traceroutePorts) for (const p of rare.traceroutePorts) (x.traceroutePorts ??= new IntSet()).add(p, TRACEROUTE_PORTS);
    x.replyPackets += rare.replyPackets;
    x.latePackets += rare.latePackets;
    if (rare.latePorts) {
      const t = (x.latePorts ??= new OverflowPortTally(LATE_PORT_KEYS));
      // Counted ports first, so what is counted stays counted (as for the probes' ports).
      for (const [k, c] of rare.latePorts.counts()) t.add(k, c, lim.maxPorts, lim.maxPortCounts);
      for (const k of rare.latePorts.keys()) t.add(k, 0, lim.maxPorts, lim.maxPortCounts);
      for (const k of rare.latePorts.beyondKeys()) t.add(k, 0, lim.maxPorts, lim.maxPortCounts);
    }
    if (rare.lateHosts) for (const h of rare.lateHosts) (x.lateHosts ??= new HostSet()).add(h, lim.maxHosts);
    x.lateBlocked += rare.lateBlocked;
    if (rare.lateBlockedPorts) {
      const t = (x.lateBlockedPorts ??= new OverflowPortTally(LATE_PORT_KEYS));
      for (const [k, c] of rare.lateBlockedPorts.counts()) t.add(k, c, lim.maxPorts, lim.maxPortCounts);
      for (const k of rare.lateBlockedPorts.keys()) t.add(k, 0, lim.maxPorts, lim.maxPortCounts);
      for (const k of rare.lateBlockedPorts.beyondKeys()) t.add(k, 0, lim.maxPorts, lim.maxPortCounts);
    }
    x.allowedPackets += rare.allowedPackets;
    x.setAside += rare.setAside;
    x.noiseProbed += rare.noiseProbed;
    x.leftoverProbed += rare.leftoverProbed;
    x.ownBlocked += rare.ownBlocked;
    for (const key of ['noisePorts', 'leftoverPorts'] as const) {
      const from = rare[key];
      if (!from) continue;
      const t = (x[key] ??= new PortTally());
      for (const [k, c] of from.counts()) t.add(k, c, lim.maxPorts, lim.maxPortCounts);
      for (const k of from.keys()) t.add(k, 0, lim.maxPorts, lim.maxPortCounts);
    }
    x.connections += rare.connections;
    x.allowedConnections += rare.allowedConnections;
    x.lateConnections += rare.lateConnections;
    x.replyConnections += rare.replyConnections;
    x.serverReplyConnections += rare.serverReplyConnections;
    x.noiseConnections += rare.noiseConnections;
    if (rare.allowedPorts) {
      const t = (x.allowedPorts ??= new PortTally());
      for (const [k, c] of rare.allowedPorts.counts()) t.add(k, c, lim.maxPorts, lim.maxPortCounts);
      for (const k of rare.allowedPorts.keys()) t.add(k, 0, lim.maxPorts, lim.maxPortCounts);
    }
  }

  // ---- reading ------------------------------------------------------------------------

  ip(r: number): string {
    return this.ips[r];
  }

  seq(r: number): number {
    return this.f[r * F_STRIDE + F_SEQ];
  }

  events(r: number): number {
    return this.f[r * F_STRIDE + F_EVENTS];
  }

  packets(r: number): number {
    return this.f[r * F_STRIDE + F_PACKETS];
  }

  first(r: number): number {
    return this.f[r * F_STRIDE + F_FIRST];
  }

  last(r: number): number {
    return this.f[r * F_STRIDE + F_LAST];
  }

  /** TTL and TCP window of the earliest packet, -1 when none. */
  firstTtl(r: number): number {
    return this.f[r * F_STRIDE + F_TTL];
  }

  firstWindow(r: number): number {
    return this.f[r * F_STRIDE + F_WINDOW];
  }

  tcpPorts(r: number): number {
    return this.u[r * U_STRIDE + U_TCP_PORTS];
  }

  udpPorts(r: number): number {
    return this.u[r * U_STRIDE + U_UDP_PORTS];
  }

  protocols(r: number): number {
    return this.u[r * U_STRIDE + U_PROTOCOLS];
  }

  synPackets(r: number): number {
    return this.f[r * F_STRIDE + F_SYN];
  }

  icmpEcho(r: number): number {
    return this.f[r * F_STRIDE + F_ICMP_ECHO];
  }

  /** Packets by action: drop, reject, allow, other. */
  actions(r: number): number[] {
    const fo = r * F_STRIDE;
    return [this.f[fo + F_DROPS], this.f[fo + F_REJECTS], this.f[fo + F_ALLOWS], this.f[fo + F_OTHER]];
  }

  ports(r: number): PortCounts {
    const uo = r * U_STRIDE;
    const count = this.u[uo + U_NPORTS];
    if (count === SPILLED) return this.extras[r]!.ports!;
    const fo = r * F_STRIDE + F_PORT_N;
    const ks: number[] = [];
    const ns: number[] = [];
    for (let i = 0; i < count; i++) {
      ks.push(this.u[uo + U_PORT + i]);
      ns.push(this.f[fo + i]);
    }
    return new RowPorts(ks, ns);
  }

  hosts(r: number): HostMembers {
    const uo = r * U_STRIDE;
    const count = this.u[uo + U_NHOSTS];
    if (count === SPILLED) return this.extras[r]!.hosts!;
    const hs: number[] = [];
    for (let i = 0; i < count; i++) hs.push(this.u[uo + U_HOST + i]);
    return new RowHosts(hs);
  }

  annotations(r: number): AnnotationCounts {
    return this.u[r * U_STRIDE + U_NANNS] === SPILLED ? this.extras[r]!.annotations! : this.inlineAnnotations(r);
  }

  /** Packets per rule label. */
  rules(r: number): Map<string, number> {
    const m = new Map<string, number>();
    const uo = r * U_STRIDE;
    for (let i = 0; i < this.u[uo + U_NRULES]; i++) m.set(RULE_LABELS.name(this.u[uo + U_RULE + i]), this.f[r * F_STRIDE + F_RULE_N + i]);
    const rows = this.extras[r]?.ruleRows ?? NO_ROWS;
    for (let i = 0; i < rows.length; i += 2) m.set(rows[i] as string, rows[i + 1] as number);
    return m;
  }

  /** The row's RowExtra, undefined when it never needed one. */
  rare(r: number): Readonly<RowExtra> | undefined {
    return this.extras[r];
  }
}

/** What merge reads of the profile it folds in (SourceProfile in profile.ts). */
export interface SourceProfileFields {
  readonly seq: number;
  readonly events: number;
  readonly packets: number;
  readonly first: number;
  readonly last: number;
  readonly firstTtl: number;
  readonly firstWindow: number;
  readonly ports: PortCounts;
  readonly hosts: HostMembers;
  readonly protocols: number;
  readonly flagClasses: number[];
  readonly actions: number[];
  readonly annotations: AnnotationCounts;
  readonly rules: Map<string, number>;
  readonly icmpEcho: number;
  readonly rare: Readonly<RowExtra> | undefined;
}

/** rows with n packets and severity added to key's [key, packets, severity, text] row, or a row appended while under cap. */
function withRow(rows: (number | string)[], key: number, n: number, severity: number, text: string, cap: number): (number | string)[] {
  if (addToRow(rows, 4, key, n, severity) || rows.length >= 4 * cap) return rows;
  // concat, not push: exact-size arrays (push reserves ~17 slots per profile).
  return rows.concat([key, n, severity, text]);
}

/** rows with every row of `more` added as withRow adds one. */
function withRows(rows: (number | string)[], more: readonly (number | string)[], cap: number): (number | string)[] {
  for (let i = 0; i < more.length; i += 4) rows = withRow(rows, more[i] as number, more[i + 1] as number, more[i + 2] as number, more[i + 3] as string, cap);
  return rows;
}
