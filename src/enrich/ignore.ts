// --ignore FILE: sources, ports and interfaces to leave out of the report (your own
// monitoring host, mDNS/SSDP chatter, the loopback interface). One entry per line:
//
//   203.0.113.0/24        # an address or CIDR range, IPv4 or IPv6
//   2001:db8::/32
//   port 5353             # a destination port, any protocol
//   port 1900/udp         # … of one protocol (tcp, udp)
//   port 6000-6063/tcp    # … a range
//   iface lo              # packets that came in or went out on this interface
//
// `#` starts a comment. The list is compiled once into cheap checks: IPv4 ranges as
// sorted, merged integer intervals (binary search), ports as a 64 Ki-entry byte table,
// interfaces as a Set; IPv6 goes through ipaddr.js with a per-address cache.
import { readFileSync } from 'node:fs';
import ipaddr from 'ipaddr.js';
import type { FirewallEvent } from '../event.js';
import { UsageError } from '../errors.js';
import { ipv4ToInt } from '../aggregate/profile.js';

const B_TCP = 1;
const B_UDP = 2;
const B_OTHER = 4;
const B_ANY = B_TCP | B_UDP | B_OTHER;

export interface IgnoreList {
  /** How many entries of each kind, for the report header. */
  readonly counts: { networks: number; ports: number; ifaces: number };
  /** True when the event is to be left out. */
  matches(e: FirewallEvent): boolean;
}

type V6Range = [ipaddr.IPv6, number];

class CompiledIgnore implements IgnoreList {
  private readonly v6Cache = new Map<string, boolean>();

  constructor(
    /** Interval starts and ends (inclusive), sorted, non-overlapping. */
    private readonly v4Start: Float64Array,
    private readonly v4End: Float64Array,
    private readonly v6: readonly V6Range[],
    /** Per destination port: protocol bits to ignore; null when the list has no ports. */
    private readonly ports: Uint8Array | null,
    private readonly ifaces: ReadonlySet<string> | null,
    readonly counts: IgnoreList['counts'],
  ) {}

  matches(e: FirewallEvent): boolean {
    if (this.ifaces !== null && ((e.inIface !== null && this.ifaces.has(e.inIface)) || (e.outIface !== null && this.ifaces.has(e.outIface)))) return true;
    if (this.ports !== null && e.dst.port !== null) {
      const bits = this.ports[e.dst.port];
      if (bits !== 0 && (bits & (e.proto === 'tcp' ? B_TCP : e.proto === 'udp' ? B_UDP : B_OTHER)) !== 0) return true;
    }
    const ip = e.src.ip;
    if (ip === null) return false;
    if (this.v4Start.length > 0) {
      const n = ipv4ToInt(ip);
      if (n >= 0) return this.inV4(n);
    }
    if (ip.includes(':')) return this.matchV6(ip);
    return false;
  }

  private inV4(n: number): boolean {
    const s = this.v4Start;
    let lo = 0;
    let hi = s.length - 1;
    // Last interval starting at or before n.
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (s[mid] <= n) lo = mid + 1;
      else hi = mid - 1;
    }
    return hi >= 0 && n <= this.v4End[hi];
  }

  private matchV6(ip: string): boolean {
    const hit = this.v6Cache.get(ip);
    if (hit !== undefined) return hit;
    let ok = false;
    try {
      const a = ipaddr.parse(ip.includes('%') ? ip.slice(0, ip.indexOf('%')) : ip);
      if (a.kind() === 'ipv6') {
        const v6 = a as ipaddr.IPv6;
        if (v6.isIPv4MappedAddress()) {
          const n = ipv4ToInt(v6.toIPv4Address().toString());
          ok = this.v4Start.length > 0 && this.inV4(n);
        } else ok = this.v6.some((r) => v6.match(r));
      }
    } catch {
      ok = false;
    }
    if (this.v6Cache.size >= 65_536) this.v6Cache.clear();
    this.v6Cache.set(ip, ok);
    return ok;
  }
}

/** Parses the list's text; errors name the file and line (UsageError, exit 2). */
export function parseIgnoreList(text: string, file: string): IgnoreList {
  const v4: [number, number][] = [];
  const v6: V6Range[] = [];
  let ports: Uint8Array | null = null;
  let portEntries = 0;
  const ifaces = new Set<string>();
  const lines = text.split(/\r?\n/);
  lines.forEach((rawLine, i) => {
    const line = rawLine.replace(/#.*/, '').trim();
    if (line === '') return;
    const fail = (detail: string): never => {
      throw new UsageError(`--ignore ${file}:${i + 1}: ${detail}: "${rawLine.trim()}"`);
    };
    const words = line.split(/\s+/);
    const kw = words[0].toLowerCase();
    if (kw === 'port') {
      if (words.length !== 2) fail('expected "port N", "port N/udp" or "port N-M/tcp"');
      const m = /^(\d{1,5})(?:-(\d{1,5}))?(?:\/(tcp|udp))?$/i.exec(words[1]);
      if (!m) return fail('expected "port N", "port N/udp" or "port N-M/tcp"');
      const from = Number(m[1]);
      const to = m[2] !== undefined ? Number(m[2]) : from;
      if (from > 65535 || to > 65535 || to < from) fail('ports are 0-65535, a range is low-high');
      const bits = m[3] === undefined ? B_ANY : m[3].toLowerCase() === 'tcp' ? B_TCP : B_UDP;
      ports ??= new Uint8Array(65536);
      for (let p = from; p <= to; p++) ports[p] |= bits;
      portEntries++;
      return;
    }
    if (kw === 'iface' || kw === 'interface') {
      if (words.length !== 2) fail('expected "iface NAME"');
      ifaces.add(words[1]);
      return;
    }
    if (words.length !== 1) fail('expected an address or CIDR range, "port …" or "iface …"');
    let addr: ipaddr.IPv4 | ipaddr.IPv6;
    let bits: number;
    try {
      if (line.includes('/')) [addr, bits] = ipaddr.parseCIDR(line);
      else {
        addr = ipaddr.parse(line);
        bits = addr.kind() === 'ipv4' ? 32 : 128;
      }
    } catch {
      return fail('not an address or CIDR range');
    }
    if (addr.kind() === 'ipv6' && (addr as ipaddr.IPv6).isIPv4MappedAddress() && bits >= 96) {
      addr = (addr as ipaddr.IPv6).toIPv4Address();
      bits -= 96;
    }
    if (addr.kind() === 'ipv4') {
      const base = ipv4ToInt(addr.toString());
      const size = 2 ** (32 - bits);
      const start = Math.floor(base / size) * size;
      v4.push([start, start + size - 1]);
    } else v6.push([addr as ipaddr.IPv6, bits]);
  });
  v4.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const r of v4) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1] + 1) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return new CompiledIgnore(
    Float64Array.from(merged.map((r) => r[0])),
    Float64Array.from(merged.map((r) => r[1])),
    v6,
    ports,
    ifaces.size > 0 ? ifaces : null,
    { networks: v4.length + v6.length, ports: portEntries, ifaces: ifaces.size },
  );
}

export function loadIgnoreList(file: string): IgnoreList {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`--ignore ${file}: cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  return parseIgnoreList(text, file);
}
