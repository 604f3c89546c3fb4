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
// Char-code checks only by default: runs for every event.
import type { FirewallEvent } from '../event.js';
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
 * Formats of devices that stand between networks, whose `in` (or no direction) is traffic
 * crossing the device rather than addressed to this host: pf's "entered on that interface"
 * (its rules filter there), the Cisco ASA's "opened from the lower-security interface" and
 * its Teardown records, which name no direction.
 */
export const IN_CROSSES_DEVICE: ReadonlySet<string> = new Set(['pf', 'pfsense-filterlog', 'cisco-asa']);

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
 */
export function isPrivateAddress(ip: string): boolean {
  if (ip.indexOf('.') === -1) return privateV6(ip);
  const start = ip.lastIndexOf(':') + 1;
  const a = octet(ip, start);
  if (a === 10 || a === 127) return true;
  const dot = ip.indexOf('.', start);
  const b = dot < 0 ? -1 : octet(ip, dot + 1);
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

function privateV6(ip: string): boolean {
  if (ip === '::1' || ip === '0000:0000:0000:0000:0000:0000:0000:0001') return true;
  // fc00::/7 and fe80::/10 are in the first group, written with all four digits: a colon at
  // 4 and none before it (fd:7:… is 00fd:0007:…, no unique local address).
  if (ip.length < 5 || ip.charCodeAt(4) !== 58 || ip.charCodeAt(2) === 58 || ip.charCodeAt(3) === 58) return false;
  // | 0x20 lowercases a hex letter without a copy of the string.
  const c0 = ip.charCodeAt(0) | 0x20;
  const c1 = ip.charCodeAt(1) | 0x20;
  if (c0 !== 0x66) return false; // f
  if (c1 === 0x63 || c1 === 0x64) return true; // fc, fd
  const c2 = ip.charCodeAt(2) | 0x20;
  return c1 === 0x65 && (c2 === 0x38 || c2 === 0x39 || c2 === 0x61 || c2 === 0x62); // fe8-feb
}
