// One spelling per IPv6 address in what logscan counts and shows. The kernel writes every
// group in full ("fe80:0000:0000:0000:f790:7af6:4a34:ad58", 39 columns), Windows and pf
// write them compressed; the report counts a host under RFC 5952's form, whatever the
// log wrote, and that is the form people read. Events keep the text as logged (README,
// event schema): this is for aggregation keys and what the report, daily and follow print.
import ipaddr from 'ipaddr.js';
import { flat } from '../util/flat-string.js';

/** Logs name few distinct IPv6 addresses per second; parsing each again costs ~1 µs. */
const CACHE_MAX = 4096;
const cache = new Map<string, string>();

/** The last address asked for: the overview, the profiles and the summary each ask for the same event's. */
let lastIn = '';
let lastOut = '';

/** RFC 5952 text for a valid IPv6 address; IPv4 and anything unparsable come back unchanged. */
export function addressKey(ip: string): string {
  if (!ip.includes(':')) return ip;
  if (ip === lastIn) return lastOut;
  let k = cache.get(ip);
  if (k === undefined) {
    // Own copies: a key sliced from a log line would pin its whole 64 KiB input chunk.
    const own = flat(ip);
    k = rfc5952(own);
    if (cache.size >= CACHE_MAX) cache.clear();
    cache.set(own, k);
  }
  // lastIn may be a slice of a log line: at most one 64 KiB chunk is pinned by it.
  lastIn = ip;
  lastOut = k;
  return k;
}

function rfc5952(ip: string): string {
  const zone = ip.indexOf('%');
  const bare = zone < 0 ? ip : ip.slice(0, zone);
  if (!ipaddr.IPv6.isValid(bare)) return ip;
  const a = ipaddr.IPv6.parse(bare);
  // RFC 5952 section 5: an IPv4-mapped address keeps its IPv4 tail in dotted form.
  const text = a.isIPv4MappedAddress() ? `::ffff:${a.toIPv4Address().toString()}` : a.toRFC5952String();
  // The zone (interface) of a link-local address is part of its identity: kept as written.
  return zone < 0 ? text : text + ip.slice(zone);
}
