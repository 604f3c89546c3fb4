// IP protocols: the one table between the numbers logs print and the names events carry,
// for every parser (a number or a vendor's spelling → the event name) and for every output
// that needs the number back (ECS network.iana_number, DShield's protocol field).
import { uintIn } from '../parsers/fields.js';

/** IANA protocol numbers the vendors print, as event names. */
const IANA_PROTOCOLS: Readonly<Record<number, string>> = {
  0: 'hopopt', 1: 'icmp', 2: 'igmp', 4: 'ipip', 6: 'tcp', 17: 'udp', 33: 'dccp', 41: 'ipv6', 47: 'gre', 50: 'esp', 51: 'ah',
  58: 'icmpv6', 89: 'ospf', 103: 'pim', 112: 'vrrp', 132: 'sctp', 136: 'udplite',
};
const PROTO_BY_NUMBER: readonly (string | undefined)[] = (() => {
  const t: (string | undefined)[] = [];
  for (const [n, name] of Object.entries(IANA_PROTOCOLS)) t[Number(n)] = name;
  return t;
})();
// CARP keeps its own name (pf, pfSense), but its packets are protocol 112, the table's vrrp.
const NUMBER_OF_PROTO: ReadonlyMap<string, number> = new Map([...Object.entries(IANA_PROTOCOLS).map(([n, name]) => [name, Number(n)] as const), ['carp', 112]]);

/** The IANA number of an event's protocol name (`tcp` → 6; `89` → 89), or null when the table has none. */
export function protoNumber(proto: string): number | null {
  const known = NUMBER_OF_PROTO.get(proto);
  if (known !== undefined) return known;
  const n = uintIn(proto, 0, proto.length);
  return n >= 0 && n <= 255 ? n : null;
}

/** Vendor spellings that differ from the event names. */
const PROTO_ALIASES: Readonly<Record<string, string>> = Object.assign(Object.create(null) as Record<string, string>, {
  'ipv6-icmp': 'icmpv6', icmp6: 'icmpv6', 'ipv6-icmpv6': 'icmpv6', ipencap: 'ipip',
});

/** Event name of protocol number n (the number as text when it has no name here). */
export function protoByNumber(n: number): string {
  return PROTO_BY_NUMBER[n] ?? String(n);
}

const protoNameCache = new Map<string, string>();

/**
 * Event name for a protocol as a vendor wrote it: `TCP`, `tcp`, `ICMPv6`, `ipv6-icmp`,
 * `47`. Names repeat, so each distinct spelling is lowercased once.
 */
export function protoByName(raw: string): string {
  let p = protoNameCache.get(raw);
  if (p === undefined) {
    const n = uintIn(raw, 0, raw.length);
    if (n >= 0) p = protoByNumber(n);
    else {
      const lower = raw.toLowerCase();
      p = PROTO_ALIASES[lower] ?? lower;
    }
    if (protoNameCache.size >= 1024) protoNameCache.clear();
    protoNameCache.set(raw, p);
  }
  return p;
}
