// The hosts of this side the probes went to ("who is being attacked" on a gateway that
// logs what it forwards, or a server with several addresses): per destination address,
// its packets, connection records, distinct sources and busiest ports. Every part is
// bounded: at most MAX_TARGETS hosts (the rarer half dropped when full, their packets
// kept as "other hosts"), PORT_SLOTS ports per host, and (source, host) pairs as 32-bit
// hashes in one HashSet whose counts are lower bounds once it is full.
import { addressKey } from './address-key.js';
import { HashSet, mixHash } from './hash-set.js';
import { PK_OTHER, PK_UDP, portKey } from './profile-codes.js';
import { topN } from './top-n.js';
import { cmpAddress } from './address-order.js';
import { flat } from '../util/flat-string.js';
import { stringHash } from '../util/string-hash.js';
import { protoByNumber, protoNumber } from '../util/protocols.js';

/** Hosts kept: more than a home or office network has; a sweep of a bigger network keeps its busiest. */
export const MAX_TARGETS = 4096;
/** Ports (or portless protocols) counted per host (Target: Space-Saving past them). */
export const PORT_SLOTS = 16;
/** Ports a row names. */
export const PORTS_SHOWN = 3;
/** The (source, host) pair set: 4 MiB at most, ~3M pairs. */
const PAIR_SLOTS_MAX = 1 << 20;

/** Slot keys of protocols other than TCP and UDP: above portKey's, one block of 65,537 per protocol number (the last value: no port). */
const NO_PORT = 65536;
const OTHER_BLOCK = 65537;
/** The block of a protocol with no IANA number (the events' `other`). */
const NO_NUMBER = 256;

export interface TargetPort {
  proto: string;
  /** Null for a protocol without ports (ICMP). */
  port: number | null;
  packets: number;
}

export interface TargetCount {
  /** As the report names it (addressKey: RFC 5952 for IPv6). */
  ip: string;
  packets: number;
  /** Of `packets`, connection records (Windows Firewall ALLOW, Cisco ASA Built). */
  connections: number;
  /** Distinct sources; lower bounds once `TargetsData.sourcesCapped`. */
  sources: number;
  /** Its busiest ports, at most PORTS_SHOWN, busiest first. */
  ports: TargetPort[];
  /** Packets to its other ports and protocols: `packets` less those of `ports`. */
  otherPorts: number;
  /** False when the host drew more than PORT_SLOTS distinct ports: `ports` are then the busiest kept (any port with more than 1/PORT_SLOTS of its packets among them) and their counts lower bounds. */
  portsComplete: boolean;
}

export interface TargetsData {
  top: TargetCount[];
  /** All packets the table counts (its shares' denominator), of the hosts dropped at the cap too. */
  packets: number;
  connections: number;
  /** Distinct hosts; MAX_TARGETS and `hostsCapped` once hosts had to be dropped. */
  hosts: number;
  hostsCapped: boolean;
  sourcesCapped: boolean;
}

/**
 * A host's row. Its ports are counted in PORT_SLOTS slots by Space-Saving (Metwally et al.):
 * once they are full, a new port takes the slot of the least counted one, starting from that
 * count (`err`: what it may have been given that was not its own). A port that draws more
 * than 1/PORT_SLOTS of the host's packets is never lost, whatever its order in the log (a
 * scan's first ports took the slots before the port hammered after it); its own packets are
 * at least `count - err`, exact while no slot was taken over.
 */
class Target {
  packets = 0;
  connections = 0;
  sources = 0;
  /** Slots in use; [0, S) keys, [S, 2S) counts, [2S, 3S) errors, S = PORT_SLOTS. */
  used = 0;
  readonly slots = new Float64Array(3 * PORT_SLOTS);
  /** True once a port took over another's slot: the counts are then lower bounds. */
  evicted = false;
  readonly hash: number;
  constructor(readonly ip: string) {
    this.hash = stringHash(ip);
  }

  addPort(key: number, n: number): void {
    const s = this.slots;
    for (let i = 0; i < this.used; i++) {
      if (s[i] === key) {
        s[PORT_SLOTS + i] += n;
        return;
      }
    }
    if (this.used < PORT_SLOTS) {
      s[this.used] = key;
      s[PORT_SLOTS + this.used++] = n;
      return;
    }
    let min = 0;
    for (let i = 1; i < PORT_SLOTS; i++) if (s[PORT_SLOTS + i]! < s[PORT_SLOTS + min]!) min = i;
    const floor = s[PORT_SLOTS + min]!;
    s[min] = key;
    s[PORT_SLOTS + min] = floor + n;
    s[2 * PORT_SLOTS + min] = floor;
    this.evicted = true;
  }
}

/** A probe's slot key: its protocol and destination port (portKey for TCP and UDP). */
export function targetPortKey(proto: string, port: number | null): number {
  if (port !== null && (proto === 'tcp' || proto === 'udp')) return portKey(proto, port);
  return PK_OTHER + (protoNumber(proto) ?? NO_NUMBER) * OTHER_BLOCK + (port ?? NO_PORT);
}

function portOfKey(key: number): { proto: string; port: number | null } {
  if (key < PK_UDP) return { proto: 'tcp', port: key };
  if (key < PK_OTHER) return { proto: 'udp', port: key - PK_UDP };
  const k = key - PK_OTHER;
  const port = k % OTHER_BLOCK;
  const n = Math.floor(k / OTHER_BLOCK);
  return { proto: n === NO_NUMBER ? 'other' : protoByNumber(n), port: port === NO_PORT ? null : port };
}

export class TargetTable {
  private readonly hosts = new Map<string, Target>();
  private readonly pairs = new HashSet(1 << 12, PAIR_SLOTS_MAX);
  private packets = 0;
  private connections = 0;
  private saturated = false;
  /** The last event's destination as logged and its row: a scan of one host logs it back to back. */
  private lastDst = '';
  private lastTarget: Target | null = null;
  /** The last (source, host) pair counted, so a run of one source's packets to one host is one compare. */
  private lastPairSrc = '';
  private lastPairTarget: Target | null = null;

  /**
   * One probe of `n` packets to `dst` (as logged) from `src` (addressKey, or null) whose
   * hash is `srcHash`; `key`: targetPortKey of its protocol and port.
   */
  add(dst: string, src: string | null, srcHash: number, key: number, n: number, connection: boolean): void {
    let t = this.lastTarget;
    if (t === null || dst !== this.lastDst) {
      t = this.row(dst);
      this.lastDst = dst;
      this.lastTarget = t;
    }
    this.packets += n;
    t.packets += n;
    if (connection) {
      this.connections += n;
      t.connections += n;
    }
    t.addPort(key, n);
    if (src !== null && (src !== this.lastPairSrc || t !== this.lastPairTarget)) {
      this.lastPairSrc = src;
      this.lastPairTarget = t;
      if (this.pairs.add(mixHash(srcHash, t.hash))) t.sources++;
    }
  }

  result(top: number): TargetsData {
    const rows = topN(this.hosts.values(), top, (a, b) => b.packets - a.packets || cmpAddress(a.ip, b.ip));
    return {
      top: rows.map(targetCount),
      packets: this.packets,
      connections: this.connections,
      hosts: this.saturated ? MAX_TARGETS : this.hosts.size,
      hostsCapped: this.saturated,
      sourcesCapped: this.pairs.saturated,
    };
  }

  private row(dst: string): Target {
    const key = addressKey(dst);
    let t = this.hosts.get(key);
    if (t === undefined) {
      if (this.hosts.size >= MAX_TARGETS) this.prune();
      // Flattened: a key sliced from a log line would keep its input chunk alive.
      t = new Target(flat(key));
      this.hosts.set(t.ip, t);
    }
    return t;
  }

  /** Drops the rarer half of the hosts (as CappedCounter does); their packets stay in the totals, as other hosts'. */
  private prune(): void {
    this.saturated = true;
    const rarest = [...this.hosts.values()].sort((a, b) => a.packets - b.packets);
    for (let i = 0; i < Math.ceil(rarest.length / 2); i++) this.hosts.delete(rarest[i]!.ip);
    this.lastPairTarget = null;
  }
}

function targetCount(t: Target): TargetCount {
  const slots: [number, number][] = [];
  // What each kept port surely had: its count less what its slot held before it.
  for (let i = 0; i < t.used; i++) slots.push([t.slots[i]!, t.slots[PORT_SLOTS + i]! - t.slots[2 * PORT_SLOTS + i]!]);
  // Ties by key: TCP before UDP, then by port number.
  slots.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const shown = slots.slice(0, PORTS_SHOWN);
  let listed = 0;
  for (const [, n] of shown) listed += n;
  return {
    ip: t.ip,
    packets: t.packets,
    connections: t.connections,
    sources: t.sources,
    ports: shown.map(([k, packets]) => ({ ...portOfKey(k), packets })),
    otherPorts: t.packets - listed,
    portsComplete: !t.evicted,
  };
}
