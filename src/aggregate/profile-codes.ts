// The codes a source profile counts in: TCP flag classes, protocol bits and port keys
// (protocol and port in one integer). Shared by the profile rows and their readers.
import { FLAG_ACK, FLAG_FIN, FLAG_PSH, FLAG_RST, FLAG_SYN, FLAG_URG } from '../parsers/fields.js';
import type { IcmpProtocol } from '../util/icmp.js';

// ECE/CWR are ignored for scan classification: ECN setup adds them to SYNs.
const F_MAIN = FLAG_SYN | FLAG_ACK | FLAG_FIN | FLAG_RST | FLAG_PSH | FLAG_URG;

/** TCP flag combinations counted per source (index into SourceProfile.flagClasses). */
export const FLAG_CLASSES = ['syn', 'null', 'fin', 'xmas', 'synfin', 'ack', 'other'] as const;
export type FlagClass = (typeof FLAG_CLASSES)[number];
export const isFlagClass = (k: string): k is FlagClass => (FLAG_CLASSES as readonly string[]).includes(k);
export const FC_SYN = 0;
export const FC_NULL = 1;
export const FC_FIN = 2;
export const FC_XMAS = 3;
export const FC_SYNFIN = 4;
export const FC_ACK = 5;
export const FC_OTHER = 6;

/** nmap's names for FLAG_* bits (parsers/fields.ts): -sN NULL, -sF FIN, -sX XMAS (FIN+PSH+URG), SYN+FIN, -sA ACK. */
export function flagClass(mask: number): number {
  const m = mask & F_MAIN;
  if (m === 0) return FC_NULL;
  if (m === FLAG_FIN) return FC_FIN;
  if (m === (FLAG_FIN | FLAG_PSH | FLAG_URG) || m === F_MAIN) return FC_XMAS;
  if ((m & (FLAG_SYN | FLAG_FIN)) === (FLAG_SYN | FLAG_FIN)) return FC_SYNFIN;
  if (m === FLAG_ACK) return FC_ACK;
  if (m === FLAG_SYN) return FC_SYN;
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

/** The key of a (protocol, port): TCP and UDP apart, any other protocol with ports (SCTP, DCCP…) above both. */
export function portKey(proto: string, port: number): number {
  return (proto === 'tcp' ? PK_TCP : proto === 'udp' ? PK_UDP : PK_OTHER) + port;
}

export function portKeyName(key: number): { proto: string; port: number } {
  if (key >= PK_OTHER) return { proto: 'other', port: key - PK_OTHER };
  if (key >= PK_UDP) return { proto: 'udp', port: key - PK_UDP };
  return { proto: 'tcp', port: key };
}

/** ICMP type keys: a source's ICMP types are one set, ICMPv6 types keyed above the ICMP ones. */
const ICMPV6_TYPE = 256;
/** Every ICMP and ICMPv6 type has a key below this. */
export const ICMP_TYPE_KEYS = 2 * ICMPV6_TYPE;

export function icmpTypeKey(proto: string, type: number): number {
  return (proto === 'icmpv6' ? ICMPV6_TYPE : 0) + type;
}

export function icmpTypeOfKey(key: number): { proto: IcmpProtocol; type: number } {
  return key >= ICMPV6_TYPE ? { proto: 'icmpv6', type: key - ICMPV6_TYPE } : { proto: 'icmp', type: key };
}
