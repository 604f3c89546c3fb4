// What counts as a probe, and what is not one: this side's own traffic, replies to it,
// LAN broadcast chatter, late packets of connections already under way. Windows Firewall
// logs every allowed SEND, and some iptables rule sets log OUTPUT (ufw's `[UFW AUDIT]` logs each new connection before its verdict):
// browsing sixty web servers is not a sweep, and a live view of probes should not scroll
// with it, nor with the SSDP a home router announces every few seconds.
import type { FirewallEvent } from '../event.js';
import { betweenThisSide, egressReason, isEgress, type EgressReason } from '../util/egress.js';
import { lostRecords } from '../parsers/log-gaps.js';
import { annotationRoles } from '../annotate/roles.js';
import { REPLY_ROLES } from '../annotate/rules.js';
import type { Lang } from '../knowledge/types.js';

// The ids of the roles asked about for every event, read from the rules on first use.
let CONTEXT: ReadonlySet<string> | undefined;
/** What each annotation id says of a packet that is no probe, as bits (readings()). */
let KIND_BITS: ReadonlyMap<string, number> | undefined;
const B_REPLY = 1;
const B_NOISE = 2;
const B_LATE = 4;

/**
 * A connection the firewall let through between two machines of this side (the
 * local-network ranges, or --home-net), to a unicast address: a router's or a Cisco ASA's record of a LAN client
 * reaching a server in the DMZ, one VM reaching another's database, and a LAN client
 * reaching this host itself (a host firewall's ALLOW … RECEIVE from a colleague's machine,
 * a UniFi LAN_LOCAL accept): the rules let it in because it is the LAN's to use, so it
 * probed nothing and ranks nowhere. A blocked one stays a probe: a LAN machine trying what
 * the rules forbid is worth seeing. Allowed, it makes no profile whatever its port
 * (isOwnClientTraffic): a LAN client reaching a server's trojan-listed port (20000, DNP3's
 * too) is no probe of this side, and no probe the firewall stopped.
 */
export function isInsideTraffic(e: FirewallEvent): boolean {
  // A broadcast or multicast was aimed at a whole segment, not at a machine: LAN chatter
  // (isLanNoise), as it is when blocked, whether it arrived here or a router or bridge
  // passed it on to the next segment (an mDNS or SSDP relay): passing it on sends nothing
  // of this side's own. betweenThisSide asks for a unicast destination.
  return e.action === 'allow' && betweenThisSide(e);
}

/** Sent from this side: egress (util/egress.ts), or allowed between two of its machines. */
export function isFromThisSide(e: FirewallEvent): boolean {
  return isEgress(e) || isInsideTraffic(e);
}

/** Why isFromThisSide holds (`explain` says it): one of egress's reasons, or `inside`. */
export type OwnReason = EgressReason | 'inside';

/** Why a packet is this side's own, in isFromThisSide's order; null when it is not. */
export function ownReason(e: FirewallEvent): OwnReason | null {
  return egressReason(e) ?? (isInsideTraffic(e) ? 'inside' : null);
}

/**
 * Traffic from this side that the firewall did not stop (allowed, or logged without a
 * verdict: action `other`): this host's or a LAN machine's through this router
 * (util/egress.ts) with nothing telling about it: no annotation beyond `port-known` above
 * severity 0 (an adware beacon or a trojan's port going out keeps the event in view;
 * `ufw-allow`, `ufw-audit` only say what the prefix means); or a connection allowed between
 * two machines of this side (isInsideTraffic), whatever its annotations: not egress, it was
 * annotated as arriving, and a probe reading (`trojan`) of what the rules let through
 * between two of this side's machines probed nothing. Outbound traffic the firewall dropped
 * or rejected is not "own client traffic": egress rules caught it.
 */
export function isOwnClientTraffic(e: FirewallEvent): boolean {
  if (e.action === 'drop' || e.action === 'reject') return false;
  if (!isEgress(e)) return isInsideTraffic(e);
  const anns = e.annotations;
  const context = (CONTEXT ??= annotationRoles().idSet('context'));
  for (let i = 0; i < anns.length; i++) if (anns[i].severity > 0 && !context.has(anns[i].id)) return false;
  return true;
}

/**
 * A packet read as a server's reply (by its source port) or as backscatter: its
 * destination port is some client's random port, not a port anyone probed, so the port
 * tables leave it out (002: do not look the random high port up). So is an ICMP error
 * about a packet sent with this side's address, and an echo (or other query's) reply:
 * answers to this side, or to someone forging its address, never probes of it.
 */
export function isReply(e: FirewallEvent): boolean {
  return (readings(e) & B_REPLY) !== 0;
}

/**
 * A packet read as LAN chatter: DHCP, NetBIOS, SSDP, mDNS and the like sent to a
 * broadcast or multicast address (002: normal on a LAN, not an attack). It was aimed at
 * every machine on the segment, not at a port of this one, so the probe counts and the
 * port tables leave it out; the report still lists it under its interpretation.
 */
export function isLanNoise(e: FirewallEvent): boolean {
  return (readings(e) & B_NOISE) !== 0;
}

/**
 * A TCP packet with ACK or RST and no SYN that no reply reading explains: a late packet of
 * a connection the firewall's state table already forgot, or, logged without a verdict, a
 * session's packet that a LOG rule recorded (role `late`: `stale-connection`). It opens
 * nothing, so it probed no port. An ACK scan (nmap -sA) looks the same packet by packet;
 * the source's profile still finds it (`ack-scan`).
 */
export function isLate(e: FirewallEvent): boolean {
  return (readings(e) & B_LATE) !== 0;
}

/**
 * What an event's late readings are, by their labels in `lang` ("CLOSE rows: ends of sessions"),
 * for a record that is late without TCP flags to show it: a Windows CLOSE row or a Cisco ASA
 * Teardown is the end of a connection, not an ACK or RST packet.
 */
export function lateKinds(e: FirewallEvent, lang: Lang): string[] {
  const roles = annotationRoles();
  const out: string[] = [];
  for (const a of e.annotations) if (roles.roleOf(a.id) === 'late' && !out.includes(roles.label(a.id, lang))) out.push(roles.label(a.id, lang));
  return out;
}

/** A late record whose TCP flags say so (ACK or RST, no SYN), rather than a session record without flags (a CLOSE row). */
export function lateByFlags(e: FirewallEvent): boolean {
  return e.tcpFlags !== null;
}

/** A reply, LAN chatter or a late packet (any of the three): what follow's text view leaves out beside this side's own traffic. */
export function isAnswerOrChatter(e: FirewallEvent): boolean {
  return readings(e) !== 0;
}

/**
 * What a logged record is to the probe counts (the report's header and port tables, the
 * daily headline); `gap` is no packet but the firewall's note that it could not write some
 * (Windows Firewall INFO-EVENTS-LOST).
 */
export type TrafficKind = 'probe' | 'own' | 'reply' | 'noise' | 'late' | 'gap';

/**
 * A probe arrived unasked; the rest is this side's own traffic (isFromThisSide), a reply
 * to it, LAN broadcast chatter, or a late packet of a connection already under way.
 * Checked in that order, so each packet is one of them: the more specific reading wins (a
 * DNS server's ACK from port 53 is a reply, whatever else it is).
 */
export function trafficKind(e: FirewallEvent): TrafficKind {
  if (lostRecords(e) !== null) return 'gap';
  if (isFromThisSide(e)) return 'own';
  // One pass over the annotations for the three readings: this runs for every event of
  // the report and the daily summary.
  const kinds = readings(e);
  if (kinds === 0) return 'probe';
  if (kinds & B_REPLY) return 'reply';
  if (kinds & B_NOISE) return 'noise';
  return 'late';
}

/** The readings (B_REPLY, B_NOISE, B_LATE) an event's annotations give it, in one pass. */
function readings(e: FirewallEvent): number {
  const bits = (KIND_BITS ??= kindBits());
  const anns = e.annotations;
  let kinds = 0;
  for (let i = 0; i < anns.length; i++) kinds |= bits.get(anns[i].id) ?? 0;
  return kinds;
}

function kindBits(): Map<string, number> {
  const roles = annotationRoles();
  const bits = new Map<string, number>();
  const mark = (ids: readonly string[], bit: number): void => ids.forEach((id) => bits.set(id, (bits.get(id) ?? 0) | bit));
  for (const role of REPLY_ROLES) mark(roles.ids(role), B_REPLY);
  mark(roles.ids('noise'), B_NOISE);
  mark(roles.ids('late'), B_LATE);
  return bits;
}
