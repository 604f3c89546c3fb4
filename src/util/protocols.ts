// IP protocols: the one table between the numbers logs print and the names events carry,
// for every parser (a number or a vendor's spelling → the event name) and for every output
// that needs the number back (ECS network.iana_number, DShield's protocol field). The rule:
// a known name or a number 0-255 is that protocol; any other word is `other`.
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
/**
 * Every other name a vendor prints for a protocol, lowercase, with its number: the names of
 * /etc/protocols (Linux netbase, FreeBSD for pfSense and pf: carp, pfsync), Cisco ASA's
 * keywords (igrp, ipinip, nos, pcp, pptp, snp), Cisco IOS's ahp and RouterOS's (ipsec-esp, udp-lite). A word
 * that is none of these is no protocol logscan can name: the event says `other`, and the
 * word, which could be anything a log holds, goes no further.
 */
const VENDOR_NAMES: Readonly<Record<string, number>> = {
  ip: 0, ggp: 3, ipencap: 4, st: 5, egp: 8, igp: 9, pup: 12, hmp: 20, 'xns-idp': 22, rdp: 27, 'iso-tp4': 29, xtp: 36, ddp: 37,
  'idpr-cmtp': 38, 'ipv6-route': 43, 'ipv6-frag': 44, idrp: 45, rsvp: 46, skip: 57, 'ipv6-icmp': 58, 'ipv6-nonxt': 59, 'ipv6-opts': 60,
  rspf: 73, vmtp: 81, eigrp: 88, 'ax.25': 93, etherip: 97, encap: 98, ipcomp: 108, l2tp: 115, isis: 124, fc: 133,
  'mobility-header': 135, 'mpls-in-ip': 137, manet: 138, hip: 139, shim6: 140, wesp: 141, rohc: 142, ethernet: 143,
  carp: 112, pfsync: 240, icmp6: 58, 'ipv6-icmpv6': 58, igrp: 9, ipinip: 4, nos: 94, pcp: 108, pptp: 47, snp: 109, ahp: 51,
  'ipsec-esp': 50, 'ipsec-ah': 51, 'ipv6-encap': 41, 'udp-lite': 136, ospfigp: 89,
};
// CARP keeps its own name (pf, pfSense), but its packets are protocol 112, the table's vrrp.
const NUMBER_OF_PROTO: ReadonlyMap<string, number> = new Map([
  ...Object.entries(VENDOR_NAMES),
  ...Object.entries(IANA_PROTOCOLS).map(([n, name]) => [name, Number(n)] as const),
]);

/** The IANA number of an event's protocol name (`tcp` → 6; `89` → 89), or null for `other`. */
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

/** Whether a record of `proto` (an event protocol name) carries ports: TCP, UDP, SCTP, UDP-Lite, DCCP. */
export function carriesPorts(proto: string): boolean {
  return proto === 'tcp' || proto === 'udp' || proto === 'sctp' || proto === 'udplite' || proto === 'dccp';
}

const protoNameCache = new Map<string, string>();

/** Whether `lower` (a lowercase word) names a protocol: a name of the tables above. */
export function isProtocolName(lower: string): boolean {
  return NUMBER_OF_PROTO.has(lower) || PROTO_ALIASES[lower] !== undefined;
}

/**
 * Event name for a protocol as a vendor wrote it: `TCP`, `tcp`, `ICMPv6`, `ipv6-icmp`,
 * `47`; `other` for a word no table names and a number over 255 (one rule for every
 * format, so the report never counts `84/foo` and shows it as `84/other`). Names repeat,
 * so each distinct spelling is looked up once.
 */
export function protoByName(raw: string): string {
  let p = protoNameCache.get(raw);
  if (p === undefined) {
    const n = uintIn(raw, 0, raw.length);
    if (n >= 0) p = n <= 255 ? protoByNumber(n) : 'other';
    else {
      const lower = raw.toLowerCase();
      p = PROTO_ALIASES[lower] ?? (isProtocolName(lower) ? lower : 'other');
    }
    if (protoNameCache.size >= 1024) protoNameCache.clear();
    protoNameCache.set(raw, p);
  }
  return p;
}
