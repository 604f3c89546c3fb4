// Which way a packet went, as far as "this side" is concerned. The kernel's direction
// says which chain logged it; on a router the FORWARD chain carries both the Internet's
// probes of the LAN (public source) and the LAN's own connections out (private source,
// public destination). The second kind is this side's traffic, like OUTPUT: a LAN machine
// talking to a trojan's port is a machine here using it, not a probe from outside.
// pf and pfSense/OPNsense filter on each interface's way in: their `in` is a packet entering
// the firewall, which a LAN client's packet to the Internet does on the LAN interface, so
// there `in` is read like FORWARD. A Cisco ASA's `inbound` says only that the connection was
// opened from its lower-security interface (or to the ASA itself): LAN clients on an
// interface ranked below the one towards the Internet are `Built inbound` too, and its
// Teardown records give no direction at all; so for such devices the addresses tell which
// side a record's traffic came from. A loopback source is this host, whatever logged it.
// "This side" is the local-network ranges below, or the networks given with --home-net
// (psad's HOME_NET) when the LAN or a DMZ has public addresses.
// Char-code checks only by default: runs for every event (ipaddr.js only for spellings no
// firewall writes).
import ipaddr from 'ipaddr.js';
import type { Direction, FirewallEvent } from '../event.js';
import { ADDR_UNICAST, classifyAddress } from '../annotate/address.js';
import type { AddressRanges } from './address-ranges.js';

/**
 * --home-net, set once at start-up in each thread (cli/analysis.ts) rather than handed
 * through the annotator, the summary and the daily tally, which all ask isEgress.
 */
let homeNetworks: AddressRanges | null = null;

/** The networks of this side instead of the local-network ranges; null: those again. */
export function setHomeNetworks(ranges: AddressRanges | null): void {
  homeNetworks = ranges;
}

/** In one of the --home-net networks (false when none were given). */
export function inHomeNetworks(ip: string): boolean {
  return homeNetworks !== null && homeNetworks.has(ip);
}

/** In this side's networks: --home-net when given, else the local-network ranges. */
export function onThisSide(ip: string): boolean {
  return homeNetworks !== null ? homeNetworks.has(ip) : isPrivateAddress(ip);
}

/**
 * A record's direction from which side its addresses are on, for logs that name neither an
 * interface nor a zone (Cisco Meraki, Azure Firewall, AWS VPC flows without flow-direction): in
 * from elsewhere to this side, out the reverse; between two of this side's machines `between`
 * (a device routing LAN to LAN: forward; a network interface's own records: null); null when
 * neither end is this side's.
 */
export function sideDirection(src: string, dst: string, between: Direction | null): Direction | null {
  const fromHere = onThisSide(src);
  const toHere = onThisSide(dst);
  if (fromHere) return toHere ? between : 'out';
  return toHere ? 'in' : null;
}

/**
 * Both ends on this side (the local-network ranges, or --home-net) and the destination one
 * machine, not a broadcast or multicast group: a connection between two of this side's
 * machines, whatever the firewall did with it. isInsideTraffic (aggregate/own-traffic.ts)
 * adds "allowed"; an annotation rule's `inside` condition reads it too, so a reading's text
 * can say what a port means between two machines the firewall let talk.
 */
export function betweenThisSide(e: FirewallEvent): boolean {
  const src = e.src.ip;
  const dst = e.dst.ip;
  return src !== null && dst !== null && onThisSide(src) && onThisSide(dst) && classifyAddress(dst) === ADDR_UNICAST;
}

/**
 * Formats of devices that stand between networks, whose `in` (or no direction) is traffic
 * crossing the device rather than addressed to this host: pf's "entered on that interface"
 * (its rules filter there), the Cisco ASA's "opened from the lower-security interface" and
 * its Teardown records, which name no direction, a Cisco IOS router's access-list logging,
 * which names none either, and a Palo Alto firewall's sessions and a Juniper SRX's flow
 * records, whose direction only default zone names (untrust → trust) say, a Cisco Meraki
 * MX's flows, which name no direction at all, and an Azure Firewall's, a hub between networks
 * whose records name none (the parser reads it from the addresses), a Hillstone firewall's
 * sessions, whose direction only its default zones say (else the parser reads the addresses),
 * and Huawei USG's and H3C SecPath's records, whose direction only default zone names say (an
 * H3C session record names no zone at all).
 */
export const IN_CROSSES_DEVICE: ReadonlySet<string> = new Set(['pf', 'pfsense-filterlog', 'cisco-asa', 'cisco-ios', 'paloalto', 'juniper-srx', 'meraki', 'azure-firewall', 'hillstone', 'huawei-usg', 'h3c-secpath']);

/** Why a packet is egress: logged as outbound, sent from a loopback address, or forwarded from this side's networks to another. */
export type EgressReason = 'out' | 'loopback' | 'forwarded';

/**
 * Sent from this side: logged as outbound, sent from a loopback address, or forwarded
 * (for pf and the ASA, `in` or no direction: IN_CROSSES_DEVICE) from this side's networks to another.
 */
export function isEgress(e: FirewallEvent): boolean {
  return egressReason(e) !== null;
}

/** Which of isEgress's reasons holds, checked in that order; null: none (not egress). */
export function egressReason(e: FirewallEvent): EgressReason | null {
  if (e.direction === 'out') return 'out';
  const src = e.src.ip;
  if (src !== null && isLoopback(src)) return 'loopback';
  // Past 'out' above, `in` and no direction are what is left beside 'forward'.
  if (e.direction !== 'forward' && !IN_CROSSES_DEVICE.has(e.format)) return null;
  const dst = e.dst.ip;
  // classifyAddress takes 0.0.0.0 for a broadcast; "::" is the one unspecified address left.
  return src !== null && dst !== null && onThisSide(src) && !onThisSide(dst) && classifyAddress(dst) === ADDR_UNICAST && !/^[0:]+$/.test(dst) ? 'forwarded' : null;
}

/** 127.0.0.0/8 or ::1 (also IPv4-mapped, and ::1 written in full): only this host sends from there. */
export function isLoopback(ip: string): boolean {
  // Asked for every event: most addresses are told apart by their first character.
  const c = ip.charCodeAt(0);
  if (c === 0x31) return ip.startsWith('127.');
  if (c !== 0x3a && c !== 0x30) return false;
  const v4 = ip.lastIndexOf(':') + 1;
  return ip.startsWith('127.', v4) || /^(?:0{0,4}:){2,7}0{0,3}1$/.test(ip);
}

/**
 * Addresses of a local network rather than the Internet: RFC 1918, shared CGNAT space
 * (100.64/10), link-local (169.254/16, fe80::/10), loopback, IPv6 unique local (fc00::/7);
 * IPv4-mapped IPv6 by its IPv4 part. The one rule: the blocklist leaves these out by it,
 * and test/util/local-ranges.test.ts holds signatures/addresses.json's ranges to it.
 *
 * Char-code checks decide the forms firewalls write (dotted quads, `::ffff:a.b.c.d`, the
 * kernel's full-width groups, canonical IPv6) and any IPv6 text whose first group rules
 * the local ranges in or out; only another spelling of a zero first group (`0::1`,
 * `::0001`, `::ffff:0a00:0001`) or a dotted quad behind another prefix is parsed.
 */
export function isPrivateAddress(ip: string): boolean {
  if (ip.indexOf('.') === -1) return privateV6(ip);
  const start = ip.lastIndexOf(':') + 1;
  // A dotted quad alone or IPv4-mapped as written canonically; behind any other prefix
  // (`0:0:0:0:0:ffff:`, `64:ff9b::`, `::`) it is not simply that IPv4 address.
  if (start !== 0 && !(start === 7 && ip.startsWith('::ffff:'))) return parsedIsPrivate(ip);
  const a = octet(ip, start);
  const dot = ip.indexOf('.', start);
  return privateV4(a, dot < 0 ? -1 : octet(ip, dot + 1));
}

/** By the first two octets of an IPv4 address (-1: none). */
function privateV4(a: number, b: number): boolean {
  if (a === 10 || a === 127) return true;
  if (a === 172) return b >= 16 && b <= 31;
  if (a === 192) return b === 168;
  if (a === 169) return b === 254;
  if (a === 100) return b >= 64 && b <= 127;
  return false;
}

/** The decimal number at ip[i] up to the next dot (-1 if none). */
function octet(ip: string, i: number): number {
  let n = -1;
  for (; i < ip.length; i++) {
    const c = ip.charCodeAt(i);
    if (c < 48 || c > 57) break;
    n = (n < 0 ? 0 : n * 10) + (c - 48);
  }
  return n;
}

/** The kernel's full-width form: eight groups of four digits. */
const FULL_WIDTH = 39;

function privateV6(ip: string): boolean {
  if (ip === '::1') return true;
  // fc00::/7 and fe80::/10 are in the first group, written with all four digits: a colon at
  // 4 and none before it (fd:7:… is 00fd:0007:…, no unique local address).
  if (ip.length >= 5 && ip.charCodeAt(4) === 58 && ip.charCodeAt(1) !== 58 && ip.charCodeAt(2) !== 58 && ip.charCodeAt(3) !== 58) {
    // | 0x20 lowercases a hex letter without a copy of the string.
    const c0 = ip.charCodeAt(0) | 0x20;
    const c1 = ip.charCodeAt(1) | 0x20;
    if (c0 === 0x66) {
      if (c1 === 0x63 || c1 === 0x64) return true; // fc, fd
      const c2 = ip.charCodeAt(2) | 0x20;
      return c1 === 0x65 && (c2 === 0x38 || c2 === 0x39 || c2 === 0x61 || c2 === 0x62); // fe8-feb
    }
    if (!ip.startsWith('0000')) return false;
    if (ip.length === FULL_WIDTH) return fullWidthZeroFirst(ip);
    return parsedIsPrivate(ip);
  }
  // A first group of one to three digits is below fc00 and fe80: only a zero one can
  // begin ::1 or ::ffff:0:0/96, and then only a spelling other than `::1` (above) or `::`.
  const c0 = ip.charCodeAt(0);
  if (c0 !== 0x30 && c0 !== 58) return false;
  return ip !== '::' && parsedIsPrivate(ip);
}

/** Full-width with a zero first group: loopback, or IPv4-mapped (0000:…:ffff:0a00:0001) by its IPv4 part. */
function fullWidthZeroFirst(ip: string): boolean {
  if (ip === '0000:0000:0000:0000:0000:0000:0000:0001') return true;
  if (!ip.startsWith('0000:0000:0000:0000:0000:') || (ip.charCodeAt(25) | 0x20) !== 0x66 || (ip.charCodeAt(26) | 0x20) !== 0x66 || (ip.charCodeAt(27) | 0x20) !== 0x66 || (ip.charCodeAt(28) | 0x20) !== 0x66) {
    return false;
  }
  return privateV4(hexByte(ip, 30), hexByte(ip, 32));
}

/** The byte written as two hex digits at ip[i] (-1 if they are not). */
function hexByte(ip: string, i: number): number {
  const hi = hexDigit(ip.charCodeAt(i));
  const lo = hexDigit(ip.charCodeAt(i + 1));
  return hi < 0 || lo < 0 ? -1 : hi * 16 + lo;
}

function hexDigit(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  const l = c | 0x20;
  return l >= 97 && l <= 102 ? l - 87 : -1;
}

/**
 * A spelling the checks above do not read, parsed and written again as one they do: an
 * IPv4-mapped address as its dotted quad, any other IPv6 full-width. Not valid: not local.
 */
function parsedIsPrivate(ip: string): boolean {
  if (!ipaddr.isValid(ip)) return false;
  const a = ipaddr.process(ip);
  return a.kind() === 'ipv4' ? isPrivateAddress(a.toString()) : privateV6((a as ipaddr.IPv6).parts.map((g) => g.toString(16).padStart(4, '0')).join(':'));
}
