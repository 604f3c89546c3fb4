// The order a person expects of addresses tied in a ranking: a ping sweep's hosts as
// 192.168.10.1, .2, … .10, not .1, .10, .11, .2 (code-unit order). IPv4 before IPv6, each
// by its number; anything else (a MAC, a name) after them, in code-unit order, so the
// order never depends on the locale.
import ipaddr from 'ipaddr.js';
import { ipv4ToInt } from '../parsers/address.js';
import { cmpStr } from '../util/compare.js';

/** IPv6 addresses met in ties are few; parsing one again costs ~1 µs. */
const CACHE_MAX = 1024;
const v6Cache = new Map<string, string | null>();

/** Fixed-width hex of an IPv6 address (zone kept after it), or null when it is none. */
function v6SortKey(s: string): string | null {
  let k = v6Cache.get(s);
  if (k !== undefined) return k;
  const zone = s.indexOf('%');
  const bare = zone < 0 ? s : s.slice(0, zone);
  k = ipaddr.IPv6.isValid(bare)
    ? ipaddr.IPv6.parse(bare)
        .parts.map((p) => p.toString(16).padStart(4, '0'))
        .join('') + (zone < 0 ? '' : s.slice(zone))
    : null;
  if (v6Cache.size >= CACHE_MAX) v6Cache.clear();
  v6Cache.set(s, k);
  return k;
}

/** Negative when address a comes first: IPv4 by number, then IPv6 by number, then the rest. */
export function cmpAddress(a: string, b: string): number {
  const x = ipv4ToInt(a);
  const y = ipv4ToInt(b);
  if (x >= 0 || y >= 0) return x < 0 ? 1 : y < 0 ? -1 : x - y;
  const v = a.includes(':') ? v6SortKey(a) : null;
  const w = b.includes(':') ? v6SortKey(b) : null;
  if (v !== null || w !== null) return v === null ? 1 : w === null ? -1 : cmpStr(v, w);
  return cmpStr(a, b);
}
