// A tiny MaxMind DB (MMDB v2) writer, so the GeoIP tests use databases built here
// from a few lines of data instead of a downloaded GeoLite2 file (licence, size,
// network). Follows the public spec (https://maxmind.github.io/MaxMind-DB/):
//
//   [binary search tree][16 zero bytes][data section]["\xAB\xCD\xEFMaxMind.com"][metadata map]
//
// The tree is an IPv6 tree (IPv4 lives at ::a.b.c.d/96+n, as in MaxMind's own files),
// 24-bit records. A record < node_count points at a node, == node_count means "no
// data", > node_count points into the data section (value - node_count - 16).
// Only what the tests need: no overlapping prefixes, no pointers inside the data.
import ipaddr from 'ipaddr.js';

export type MmdbValue = string | number | boolean | MmdbValue[] | { [key: string]: MmdbValue };

export interface MmdbEntry {
  /** "203.0.113.0/24", "2001:db8::/32" or a bare address. */
  network: string;
  data: Record<string, MmdbValue>;
}

export interface MmdbOptions {
  databaseType: string;
  languages?: string[];
  description?: string;
  /** Seconds since the epoch (fixed so the bytes are reproducible). */
  buildEpoch?: number;
}

// Data section type numbers (spec, "Output Data Section").
const T_UTF8 = 2;
const T_DOUBLE = 3;
const T_UINT16 = 5;
const T_UINT32 = 6;
const T_MAP = 7;
const T_UINT64 = 9;
const T_ARRAY = 11;
const T_BOOLEAN = 14;

function control(type: number, size: number): Buffer {
  const bytes: number[] = [];
  let sizeBits: number;
  const extra: number[] = [];
  if (size < 29) sizeBits = size;
  else if (size < 29 + 256) {
    sizeBits = 29;
    extra.push(size - 29);
  } else if (size < 285 + 65536) {
    sizeBits = 30;
    const v = size - 285;
    extra.push(v >> 8, v & 0xff);
  } else {
    sizeBits = 31;
    const v = size - 65821;
    extra.push((v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff);
  }
  if (type <= 7) bytes.push((type << 5) | sizeBits);
  else bytes.push(sizeBits, type - 7);
  return Buffer.from([...bytes, ...extra]);
}

function uintBytes(n: bigint): Buffer {
  const out: number[] = [];
  while (n > 0n) {
    out.unshift(Number(n & 0xffn));
    n >>= 8n;
  }
  return Buffer.from(out);
}

export function encodeValue(v: MmdbValue, uintType = T_UINT32): Buffer {
  if (typeof v === 'string') {
    const b = Buffer.from(v, 'utf8');
    return Buffer.concat([control(T_UTF8, b.length), b]);
  }
  if (typeof v === 'boolean') return control(T_BOOLEAN, v ? 1 : 0);
  if (typeof v === 'number') {
    if (Number.isInteger(v) && v >= 0) {
      const b = uintBytes(BigInt(v));
      return Buffer.concat([control(uintType, b.length), b]);
    }
    const b = Buffer.alloc(8);
    b.writeDoubleBE(v);
    return Buffer.concat([control(T_DOUBLE, 8), b]);
  }
  if (Array.isArray(v)) return Buffer.concat([control(T_ARRAY, v.length), ...v.map((x) => encodeValue(x))]);
  const keys = Object.keys(v);
  return Buffer.concat([control(T_MAP, keys.length), ...keys.flatMap((k) => [encodeValue(k), encodeValue(v[k])])]);
}

interface Node {
  child: [Node | number | null, Node | number | null];
}

/** 128 bits of the address (IPv4 as ::a.b.c.d) and the prefix length in that tree. */
function prefixBits(network: string): { bits: number[]; length: number } {
  let addr: ipaddr.IPv4 | ipaddr.IPv6;
  let len: number;
  if (network.includes('/')) [addr, len] = ipaddr.parseCIDR(network);
  else {
    addr = ipaddr.parse(network);
    len = addr.kind() === 'ipv4' ? 32 : 128;
  }
  const bytes = addr.kind() === 'ipv4' ? [...new Array<number>(12).fill(0), ...addr.toByteArray()] : addr.toByteArray();
  if (addr.kind() === 'ipv4') len += 96;
  const bits: number[] = [];
  for (const b of bytes) for (let i = 7; i >= 0; i--) bits.push((b >> i) & 1);
  return { bits, length: len };
}

export function buildMmdb(entries: readonly MmdbEntry[], opts: MmdbOptions): Buffer {
  // Data section: each record once; its offset is what a leaf stores.
  const dataParts: Buffer[] = [];
  let dataSize = 0;
  const offsets: number[] = [];
  for (const e of entries) {
    const enc = encodeValue(e.data);
    offsets.push(dataSize);
    dataParts.push(enc);
    dataSize += enc.length;
  }

  const root: Node = { child: [null, null] };
  entries.forEach((e, i) => {
    const { bits, length } = prefixBits(e.network);
    let node = root;
    for (let d = 0; d < length - 1; d++) {
      const next = node.child[bits[d]];
      if (typeof next === 'number') throw new Error(`mmdb-writer: ${e.network} overlaps an earlier network`);
      if (next === null) node.child[bits[d]] = { child: [null, null] };
      node = node.child[bits[d]] as Node;
    }
    if (node.child[bits[length - 1]] !== null) throw new Error(`mmdb-writer: ${e.network} overlaps an earlier network`);
    node.child[bits[length - 1]] = -(i + 1); // data marker, resolved below
  });

  // Number the nodes breadth-first (any order works; the root must be 0).
  const nodes: Node[] = [];
  const queue: Node[] = [root];
  while (queue.length > 0) {
    const n = queue.shift()!;
    nodes.push(n);
    for (const c of n.child) if (c !== null && typeof c === 'object') queue.push(c);
  }
  const index = new Map(nodes.map((n, i) => [n, i]));
  const nodeCount = nodes.length;
  const tree = Buffer.alloc(nodeCount * 6);
  nodes.forEach((n, i) => {
    n.child.forEach((c, side) => {
      let v: number;
      if (c === null) v = nodeCount;
      else if (typeof c === 'number') v = nodeCount + 16 + offsets[-c - 1];
      else v = index.get(c)!;
      if (v >= 1 << 24) throw new Error('mmdb-writer: record too large for 24-bit records');
      tree.writeUIntBE(v, i * 6 + side * 3, 3);
    });
  });

  const meta = Buffer.concat([
    control(T_MAP, 9),
    encodeValue('node_count'),
    encodeValue(nodeCount, T_UINT32),
    encodeValue('record_size'),
    encodeValue(24, T_UINT16),
    encodeValue('ip_version'),
    encodeValue(6, T_UINT16),
    encodeValue('database_type'),
    encodeValue(opts.databaseType),
    encodeValue('languages'),
    encodeValue(opts.languages ?? ['en']),
    encodeValue('binary_format_major_version'),
    encodeValue(2, T_UINT16),
    encodeValue('binary_format_minor_version'),
    encodeValue(0, T_UINT16),
    encodeValue('build_epoch'),
    encodeValue(opts.buildEpoch ?? 1_790_000_000, T_UINT64),
    encodeValue('description'),
    encodeValue({ en: opts.description ?? `logscan test ${opts.databaseType}` }),
  ]);
  return Buffer.concat([tree, Buffer.alloc(16), ...dataParts, Buffer.from([0xab, 0xcd, 0xef]), Buffer.from('MaxMind.com'), meta]);
}

/** A GeoLite2-Country style record. */
export function countryRecord(iso: string, en: string, zh?: string): Record<string, MmdbValue> {
  const names: Record<string, MmdbValue> = { en };
  if (zh) names['zh-CN'] = zh;
  return { country: { iso_code: iso, names, geoname_id: 1 }, registered_country: { iso_code: iso, names, geoname_id: 1 } };
}

/** A GeoLite2-ASN style record. */
export function asnRecord(asn: number, org: string): Record<string, MmdbValue> {
  return { autonomous_system_number: asn, autonomous_system_organization: org };
}
