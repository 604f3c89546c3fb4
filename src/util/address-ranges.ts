// A set of address ranges (CIDRs or single addresses, IPv4 and IPv6) asked "is this
// address in one?" per event: IPv4 as sorted, merged integer intervals (binary search),
// IPv6 through ipaddr.js with a bounded per-address cache. An IPv4-mapped IPv6 address
// is looked up as its IPv4 one. The one reading of a range for --source, --ignore and
// --home-net, so the same text means the same addresses in all three.
import ipaddr from 'ipaddr.js';
import { ipv4ToInt, isValidAddress } from '../parsers/address.js';

/** One parsed range: an IPv4 interval, or an IPv6 prefix. */
export type AddressRange = { v4: [number, number] } | { v6: [ipaddr.IPv6, number] };

/**
 * "203.0.113.0/24", "2001:db8::/32", "192.0.2.7", "::ffff:192.0.2.0/120" → a range; null when
 * it is none. A host address with a prefix ("203.0.113.77/24") is its network.
 */
export function parseAddressRange(text: string): AddressRange | null {
  // ipaddr.js also reads inet_aton's forms: "10/8" as 0.0.0.10/8 (so 0.0.0.0/8), "192.168/16"
  // as 192.0.0.168/16, octal "0300.0.2.1", hex, a bare number. Only an address as logs write it.
  const slash = text.indexOf('/');
  const host = slash < 0 ? text : text.slice(0, slash);
  const zone = host.indexOf('%');
  if (!isValidAddress(zone < 0 ? host : host.slice(0, zone))) return null;
  let addr: ipaddr.IPv4 | ipaddr.IPv6;
  let bits: number;
  try {
    if (text.includes('/')) [addr, bits] = ipaddr.parseCIDR(text);
    else {
      addr = ipaddr.parse(text);
      bits = addr.kind() === 'ipv4' ? 32 : 128;
    }
  } catch {
    return null;
  }
  // Below /96 the prefix reaches past ::ffff:0:0/96 into other IPv6 space: an IPv6 network
  // (::ffff:192.0.2.0/64 is ::/64), which holds no IPv4 address, as ::/0 holds none.
  if (addr.kind() === 'ipv6' && (addr as ipaddr.IPv6).isIPv4MappedAddress() && bits >= 96) {
    addr = (addr as ipaddr.IPv6).toIPv4Address();
    bits -= 96;
  }
  if (addr.kind() === 'ipv6') return { v6: [ipv6Network(addr as ipaddr.IPv6, bits), bits] };
  const size = 2 ** (32 - bits);
  const start = Math.floor(ipv4ToInt(addr.toString()) / size) * size;
  return { v4: [start, start + size - 1] };
}

function ipv6Network(addr: ipaddr.IPv6, bits: number): ipaddr.IPv6 {
  const bytes = addr.toByteArray();
  for (let i = 0; i < 16; i++) {
    const keep = Math.min(8, Math.max(0, bits - i * 8));
    bytes[i] &= (0xff00 >> keep) & 0xff;
  }
  return ipaddr.fromByteArray(bytes) as ipaddr.IPv6;
}

/** The range as a network in CIDR form: "203.0.113.0/24", "2001:db8::/32", "192.0.2.7/32". */
export function addressRangeText(r: AddressRange): string {
  if ('v6' in r) return `${r.v6[0].toString()}/${r.v6[1]}`;
  const [start, end] = r.v4;
  const dotted = [start >>> 24, (start >>> 16) & 255, (start >>> 8) & 255, start & 255].join('.');
  // A parsed range is one prefix: its size is a power of two.
  return `${dotted}/${Math.clz32(end - start)}`;
}

/**
 * The addresses RANGES hold, written one way: merged intervals, IPv4 then IPv6, so that
 * the same addresses give the same text however the ranges were written (order, repeats,
 * a host address with its prefix, a network given as its two halves, IPv6 spelt out).
 */
export function canonicalRanges(ranges: readonly AddressRange[]): string {
  const v4: [bigint, bigint][] = [];
  const v6: [bigint, bigint][] = [];
  for (const r of ranges) {
    if ('v4' in r) v4.push([BigInt(r.v4[0]), BigInt(r.v4[1])]);
    else {
      const start = r.v6[0].toByteArray().reduce((n, b) => (n << 8n) | BigInt(b), 0n);
      v6.push([start, start + (1n << BigInt(128 - r.v6[1])) - 1n]);
    }
  }
  const merge = (xs: [bigint, bigint][]): string => {
    xs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const out: [bigint, bigint][] = [];
    for (const x of xs) {
      const last = out[out.length - 1];
      if (last && x[0] <= last[1] + 1n) last[1] = x[1] > last[1] ? x[1] : last[1];
      else out.push([x[0], x[1]]);
    }
    return out.map(([a, b]) => `${a.toString(16)}-${b.toString(16)}`).join(',');
  };
  return `v4 ${merge(v4)}; v6 ${merge(v6)}`;
}

export class AddressRanges {
  /** Interval starts and ends (inclusive), sorted, non-overlapping. */
  private readonly v4Start: Float64Array;
  private readonly v4End: Float64Array;
  private readonly v6: readonly [ipaddr.IPv6, number][];
  private readonly v6Cache = new Map<string, boolean>();

  constructor(ranges: readonly AddressRange[]) {
    const v4: [number, number][] = [];
    const v6: [ipaddr.IPv6, number][] = [];
    for (const r of ranges) {
      if ('v4' in r) v4.push(r.v4);
      else v6.push(r.v6);
    }
    v4.sort((a, b) => a[0] - b[0]);
    const merged: [number, number][] = [];
    for (const r of v4) {
      const last = merged[merged.length - 1];
      if (last && r[0] <= last[1] + 1) last[1] = Math.max(last[1], r[1]);
      else merged.push([r[0], r[1]]);
    }
    this.v4Start = Float64Array.from(merged.map((r) => r[0]));
    this.v4End = Float64Array.from(merged.map((r) => r[1]));
    this.v6 = v6;
  }

  has(ip: string): boolean {
    if (this.v4Start.length > 0) {
      const n = ipv4ToInt(ip);
      if (n >= 0) return this.inV4(n);
    }
    return ip.includes(':') && this.hasV6(ip);
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

  private hasV6(ip: string): boolean {
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
