// Cheap classification of a destination address as logged, with char-code checks
// only (runs per event; no parsing, no allocation).
//
// Heuristic, documented in docs/annotations.md: without the interface's netmask we
// cannot know the real subnet broadcast address, so an IPv4 address ending in .255
// or .0 is taken as a (/24-style) broadcast. That is right for the home/DSL/cable
// /24s the seed documents talk about; on a wider subnet a host that happens to end
// in .0/.255 is misread as broadcast, and on a narrower one (/25 …) the real
// broadcast (.127 …) is missed.

export const ADDR_LIMITED_BROADCAST = 1; // 255.255.255.255
export const ADDR_SUBNET_BROADCAST = 2; // x.x.x.255 or x.x.x.0 (heuristic above)
export const ADDR_MULTICAST = 4; // 224.0.0.0/4, ff00::/8
export const ADDR_UNICAST = 8; // anything else that is present

export const ADDR_BROADCAST = ADDR_LIMITED_BROADCAST | ADDR_SUBNET_BROADCAST;
export const ADDR_BROADCAST_OR_MULTICAST = ADDR_BROADCAST | ADDR_MULTICAST;

const DOT = 46;
const COLON = 58;

function hexDigit(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}

/** Bit set of ADDR_* for an address string; 0 for null/empty. */
export function classifyAddress(ip: string | null): number {
  if (ip === null || ip.length === 0) return 0;
  const n = ip.length;
  const c0 = ip.charCodeAt(0);
  // IPv6: ff00::/8 means the first 16-bit group is ffXX written with all four
  // digits; "ff::1" is 0x00ff, not multicast.
  if (ip.indexOf(':') !== -1) {
    if (n >= 5 && (c0 === 102 || c0 === 70) && (ip.charCodeAt(1) === 102 || ip.charCodeAt(1) === 70)) {
      if (hexDigit(ip.charCodeAt(2)) && hexDigit(ip.charCodeAt(3)) && ip.charCodeAt(4) === COLON) return ADDR_MULTICAST;
    }
    // IPv4-mapped (::ffff:a.b.c.d) falls through to the IPv4 checks on its tail.
    if (ip.indexOf('.') === -1) return ADDR_UNICAST;
  }
  // First octet of the dotted quad (after any ::ffff: prefix).
  let start = ip.lastIndexOf(':') + 1;
  let first = 0;
  let i = start;
  for (; i < n; i++) {
    const c = ip.charCodeAt(i);
    if (c === DOT) break;
    first = first * 10 + (c - 48);
  }
  if (i === start || i === n) return ADDR_UNICAST; // not a dotted quad
  if (first >= 224 && first <= 239) return ADDR_MULTICAST;
  if (n - start === 15 && ip.endsWith('255.255.255.255')) return ADDR_LIMITED_BROADCAST;
  start = ip.lastIndexOf('.');
  const last = n - start - 1;
  if (last === 1 && ip.charCodeAt(n - 1) === 48) return ADDR_SUBNET_BROADCAST;
  if (last === 3 && ip.charCodeAt(n - 3) === 50 && ip.charCodeAt(n - 2) === 53 && ip.charCodeAt(n - 1) === 53) return ADDR_SUBNET_BROADCAST;
  return ADDR_UNICAST;
}
