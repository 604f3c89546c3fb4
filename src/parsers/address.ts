// Address checks shared by the parsers (cheap, allocation-free, on index ranges), and
// IPv4 as a number for the profiles and address ranges.

/**
 * Dotted quad, each part 0-255 without sign, spaces or a leading zero (`010` is 8 to
 * inet_aton and 10 to others, so no address: Node's net.isIP refuses it too).
 */
export function isIpv4(s: string, i: number, j: number): boolean {
  let parts = 0;
  let digits = 0;
  let v = 0;
  for (; i < j; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x2e) {
      if (digits === 0 || ++parts > 3) return false;
      digits = 0;
      v = 0;
    } else {
      const d = c - 0x30;
      if (d < 0 || d > 9 || ++digits > 3 || (digits > 1 && v === 0)) return false;
      v = v * 10 + d;
      if (v > 255) return false;
    }
  }
  return parts === 3 && digits > 0;
}

/** Hex groups of 1-4 digits and colons, at most one `::`, optional dotted-quad tail. */
export function isIpv6(s: string, i: number, j: number): boolean {
  let groups = 0;
  let digits = 0;
  let doubleColon = false;
  const start = i;
  for (; i < j; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x3a) {
      if (s.charCodeAt(i + 1) === 0x3a && i + 1 < j) {
        if (doubleColon) return false;
        doubleColon = true;
        if (digits > 0) groups++;
        digits = 0;
        i++;
        continue;
      }
      if (digits === 0) return false; // leading or stray single colon
      groups++;
      digits = 0;
    } else if (c === 0x2e) {
      // IPv4-mapped tail: the digits so far belong to the quad.
      const tail = i - digits;
      if (!isIpv4(s, tail, j)) return false;
      groups += 2;
      digits = 0;
      i = j;
      break;
    } else {
      const hex = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
      if (!hex || ++digits > 4) return false;
    }
  }
  if (digits > 0) groups++;
  else if (j > start && s.charCodeAt(j - 1) === 0x3a && !(j - start >= 2 && s.charCodeAt(j - 2) === 0x3a)) return false;
  return doubleColon ? groups <= 7 : groups === 8;
}

/**
 * 4 or 6 for an address. A token shaped like an address but not valid (a corrupted
 * log line: a 5-digit IPv6 group, an octet over 255) gets the version its shape
 * suggests: the firewall wrote it, so the record is kept with the text as logged,
 * as Filebeat keeps a document whose ip conversion failed. 0 for anything else.
 */
export function addressVersion(s: string, i: number, j: number): 4 | 6 | 0 {
  // An IPv6 address fails the IPv4 check within its first group, so try v4 first.
  if (isIpv4(s, i, j)) return 4;
  if (isIpv6(s, i, j)) return 6;
  // Only once the plain checks failed: no cost for the addresses most lines hold.
  const zone = zoneStart(s, i, j);
  if (zone > i && isIpv6(s, i, zone)) return 6;
  return addressShape(s, i, j);
}

/** Characters of an interface name or number, as a zone index holds them (`eth0`, `en0.100`, `vlan-10`, `3`). */
function isZoneChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x2e || c === 0x5f || c === 0x2d;
}

/** Longest zone index read (Linux interface names are at most 15 characters). */
const MAX_ZONE = 32;

/**
 * Where the `%zone` of a scoped IPv6 address (`fe80::1%eth0`, RFC 4007) starts in s[i, j),
 * or -1. The event keeps the address as logged, zone included: fe80::1 on eth0 and on eth1
 * are two hosts (aggregate/address-key.ts keeps it too).
 */
export function zoneStart(s: string, i: number, j: number): number {
  const p = s.indexOf('%', i);
  if (p < 0 || p >= j - 1 || j - p - 1 > MAX_ZONE) return -1;
  for (let k = p + 1; k < j; k++) if (!isZoneChar(s.charCodeAt(k))) return -1;
  return p;
}

/** Strictly valid (what ECS `*.ip` fields and address arithmetic need). */
export function isValidAddress(s: string): boolean {
  return isIpv4(s, 0, s.length) || isIpv6(s, 0, s.length);
}

/**
 * Valid once an IPv6 zone index (`fe80::1%eth0`) is set aside: an address the report and
 * `explain` can say something about. Anything else the firewall wrote in an address field
 * (`192.168.1.10055`, a five-digit group) is said to be no valid IP address, not public.
 */
export function isValidAddressText(s: string): boolean {
  const zone = zoneStart(s, 0, s.length);
  return zone > 0 ? isIpv6(s, 0, zone) : isValidAddress(s);
}

function addressShape(s: string, i: number, j: number): 4 | 6 | 0 {
  const n = j - i;
  if (n < 7 || n > 64) return 0;
  let colons = 0;
  let dots = 0;
  for (let k = i; k < j; k++) {
    const c = s.charCodeAt(k);
    if (c === 0x3a) colons++;
    else if (c === 0x2e) dots++;
    else if (!((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66))) return 0;
  }
  if (colons >= 2) return 6;
  if (colons === 0 && dots === 3) {
    for (let k = i; k < j; k++) {
      const c = s.charCodeAt(k);
      if (c !== 0x2e && (c < 0x30 || c > 0x39)) return 0;
    }
    return 4;
  }
  return 0;
}

/** Dotted-quad IPv4 → uint32 (as a number), or -1. Hosts are stored as numbers: no retained substrings. */
export function ipv4ToInt(s: string): number {
  let n = 0;
  let part = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 46) {
      if (digits === 0 || part > 255) return -1;
      n = n * 256 + part;
      part = 0;
      digits = 0;
      if (++dots > 3) return -1;
    } else if (c >= 48 && c <= 57) {
      part = part * 10 + (c - 48);
      if (++digits > 3) return -1;
    } else return -1;
  }
  if (dots !== 3 || digits === 0 || part > 255) return -1;
  return n * 256 + part;
}
