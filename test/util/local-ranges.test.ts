// "A local network's address" is decided in three places: util/egress.ts's char-code
// checks (per event: this side, --home-net's default), the blocklist's (which also leaves
// out multicast, broadcast and unspecified sources), and the ranges `explain` describes
// (signatures/addresses.json). Held to one answer at the edges of every range any of them
// (or ipaddr.js, which the blocklist parses with) knows, so none can drift unseen.
import ipaddr from 'ipaddr.js';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { renderBlocklist } from '../../src/render/blocklist.js';
import { isPrivateAddress } from '../../src/util/egress.js';
import { doc, row } from '../helpers/report-doc.js';

const kb = loadKnowledge();

/** The addresses.json entries that are a local network (this side by default). */
const LOCAL_IDS = new Set(['private-10', 'private-172', 'private-192', 'shared-cgnat', 'loopback', 'link-local', 'v6-loopback', 'v6-ula', 'v6-link-local']);
/** … and those the blocklist also leaves out: no one host's address. */
const NOT_UNICAST_IDS = new Set(['this-network', 'multicast', 'limited-broadcast', 'v6-unspecified', 'v6-multicast']);

const V4_MAX = 2n ** 32n - 1n;
const V6_MAX = 2n ** 128n - 1n;
const toBig = (a: ipaddr.IPv4 | ipaddr.IPv6) => a.toByteArray().reduce((n, b) => n * 256n + BigInt(b), 0n);
function fromBig(n: bigint, v6: boolean): ipaddr.IPv4 | ipaddr.IPv6 {
  const bytes: number[] = [];
  for (let i = 0; i < (v6 ? 16 : 4); i++, n >>= 8n) bytes.unshift(Number(n & 255n));
  return ipaddr.fromByteArray(bytes);
}

/** First, last and middle address of a range, and the neighbours just outside it. */
function edges(addr: ipaddr.IPv4 | ipaddr.IPv6, bits: number): (ipaddr.IPv4 | ipaddr.IPv6)[] {
  const v6 = addr.kind() === 'ipv6';
  const width = v6 ? 128n : 32n;
  const size = 2n ** (width - BigInt(bits));
  const first = (toBig(addr) / size) * size;
  const last = first + size - 1n;
  return [first - 1n, first, first + size / 2n, last, last + 1n].filter((n) => n >= 0n && n <= (v6 ? V6_MAX : V4_MAX)).map((n) => fromBig(n, v6));
}

/** Every way a log writes the address: dotted and IPv4-mapped; compressed and full-width in capitals. */
function writings(a: ipaddr.IPv4 | ipaddr.IPv6): string[] {
  if (a.kind() === 'ipv4') return [a.toString(), `::ffff:${a.toString()}`];
  const v6 = a as ipaddr.IPv6;
  // An IPv4-mapped address is logged with its dotted quad (and taken as that IPv4 address).
  if (v6.isIPv4MappedAddress()) return [`::ffff:${v6.toIPv4Address().toString()}`];
  return [v6.toString(), v6.parts.map((p) => p.toString(16).padStart(4, '0').toUpperCase()).join(':')];
}

type Cidr = [ipaddr.IPv4 | ipaddr.IPv6, number];
// ipaddr.js's own table of named ranges (what range() answers from), absent from its typings.
const specialRanges = (family: typeof ipaddr.IPv4 | typeof ipaddr.IPv6) =>
  Object.values((family.prototype as unknown as { SpecialRanges: Record<string, Cidr | Cidr[]> }).SpecialRanges).flatMap((r) => (Array.isArray(r[0]) ? (r as Cidr[]) : [r as Cidr]));
const ranges: Cidr[] = [...kb.addresses.map((a) => ipaddr.parseCIDR(a.range)), ...specialRanges(ipaddr.IPv4), ...specialRanges(ipaddr.IPv6)];
const samples = [...new Set(ranges.flatMap(([a, bits]) => edges(a, bits)).flatMap(writings))];

describe('one answer for "a local network address"', () => {
  it('the samples reach every range (addresses.json names each id it is asked about)', () => {
    const ids = new Set(kb.addresses.map((a) => a.id));
    for (const id of [...LOCAL_IDS, ...NOT_UNICAST_IDS]) expect(ids.has(id), id).toBe(true);
    expect(samples.filter((ip) => isPrivateAddress(ip)).length).toBeGreaterThan(50);
    expect(samples.length).toBeGreaterThan(400);
  });

  it('egress.ts and signatures/addresses.json', () => {
    for (const ip of samples) expect(kb.lookupAddress(ip).some((a) => LOCAL_IDS.has(a.id)), ip).toBe(isPrivateAddress(ip));
  });

  it('egress.ts and ipaddr.js range names', () => {
    const LOCAL_NAMES = new Set(['private', 'loopback', 'linkLocal', 'uniqueLocal', 'carrierGradeNat']);
    for (const ip of samples) expect(LOCAL_NAMES.has(ipaddr.process(ip).range()), ip).toBe(isPrivateAddress(ip));
  });

  it('the blocklist leaves out the local networks and what is no one host, and keeps every other address', () => {
    const out = renderBlocklist(doc(samples.map((ip) => row(ip, 100))), { format: 'ipset', minScore: 0, includePrivate: false, version: 'test' });
    const kept = new Set([...out.matchAll(/^add logscan[46] (\S+)$/gm)].map((m) => m[1]));
    for (const ip of samples) {
      const leftOut = isPrivateAddress(ip) || kb.lookupAddress(ip).some((a) => NOT_UNICAST_IDS.has(a.id));
      expect(!kept.has(ipaddr.process(ip).toString()), ip).toBe(leftOut);
    }
  });
});
