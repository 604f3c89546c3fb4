// From a finished source profile to findings, a score and a one-line explanation.
// Runs once per source at the end of a run (not per event), so it may allocate.
// The rules and the score are described for users in docs/ranking.md.
import type { Severity } from '../event.js';
import type { KnowledgeBase, Lang, LocalizedText, PortProtocol } from '../knowledge/types.js';
import {
  FC_ACK,
  FC_FIN,
  FC_NULL,
  FC_SYN,
  FC_SYNFIN,
  FC_XMAS,
  FLAG_CLASSES,
  icmpTypeOfKey,
  P_ICMP,
  P_OTHER,
  P_TCP,
  P_UDP,
  PK_OTHER,
  PK_UDP,
  portKeyName,
  type PortCounts,
  type SourceProfile,
  type TrojanSeen,
} from './profile.js';
import { fmtInt } from '../util/number-text.js';
import { durationText, icmpTypeName, messages, type Messages } from '../i18n/messages.js';
import { dangerLevel, type Thresholds } from './thresholds.js';
import { EXPLANATION_ORDER, FINDING_IDS, SCAN_FINDINGS, STEALTH_LABEL } from './finding-ids.js';
import { MAX_PIDS } from './profile-rows.js';
import { annotationRoles } from '../annotate/roles.js';
import { REPLY_ROLES } from '../annotate/rules.js';
import { cmpName, cmpStr } from '../util/compare.js';
import { topCounts } from './int-collections.js';
import { onThisSide } from '../util/egress.js';

export type EvidenceValue = number | boolean | string | readonly number[] | readonly string[];

export interface Finding {
  /** Stable kebab-case id (docs/ranking.md lists them). */
  id: string;
  severity: Severity;
  /** The numbers behind the finding; keys are stable per id (docs/report-json.md). */
  evidence: Record<string, EvidenceValue>;
  /** One short phrase for people, in --lang. */
  text: string;
  /**
   * The whole of a phrase that `text` shortens for the why line (every malware family and
   * port of a trojan finding), for a source's details; absent when `text` is all of it.
   */
  fullText?: string;
}

export interface TrojanFamily {
  /** The family's English name: the same in every language's evidence. */
  family: string;
  /** Its name in the report's language, for the texts. */
  name: string;
  /** "1243/tcp" style. */
  ports: string[];
  packets: number;
  severity: number;
}

export interface ScoreParts {
  breadth: number;
  findings: number;
  volume: number;
  persistence: number;
  /** Multiplier < 1 for noise and dial-up leftovers. */
  factor: number;
}

export interface SourceAnalysis {
  findings: Finding[];
  score: number;
  scoreParts: ScoreParts;
  /** Highest finding severity, or the highest annotation severity when there is no finding. */
  severity: Severity;
  /** One line for people, in --lang. */
  explanation: string;
  trojans: TrojanFamily[];
}

/** Processes a finding names; the profile keeps one more (MAX_PIDS) to know there were more. */
const PIDS_SHOWN = MAX_PIDS - 1;

const clampSev = (n: number): Severity => Math.max(0, Math.min(5, Math.round(n))) as Severity;
const round1 = (x: number): number => Math.round(x * 10) / 10;

/** "1,073" or "≥4,096" when the set hit its cap. */
function countText(n: number, cap: number): string {
  return n >= cap ? `≥${fmtInt(cap)}` : fmtInt(n);
}

function spanMs(p: SourceProfile): number {
  return Number.isFinite(p.first) && Number.isFinite(p.last) ? p.last - p.first : 0;
}

function portLabel(key: number): string {
  const { proto, port } = portKeyName(key);
  return `${port}/${proto}`;
}

// "Port of the {malware}{variant}: …" and "Port through which the {malware} spreads{variant}: …"
// in signatures/annotations.json ({malware} is "Sub-7 trojan", or "Doly Trojan" alone).
const TROJAN_TEXT = /^Port (?:of the|through which the) (.+?)(?: (?:worm backdoor|trojan|worm|backdoor))?(?: spreads)?(?: \([^)]*\))?:/;

/**
 * Family of a trojan probe: the knowledge base's when loaded (an entry of a malware
 * category always has one, its name when the signature file gives none), else the
 * annotation text's (then the same in both languages).
 */
function familyOf(key: number, text: string, kb: KnowledgeBase | null): LocalizedText {
  const { proto, port } = portKeyName(key);
  if (kb && (proto === 'tcp' || proto === 'udp')) {
    for (const entry of kb.lookup(proto as PortProtocol, port)) if (entry.family) return entry.family;
  }
  const m = TROJAN_TEXT.exec(text);
  const colon = text.indexOf(':');
  const head = colon > 0 ? text.slice(0, colon) : text;
  const name = m ? m[1] : head.length > 40 ? `${head.slice(0, 39)}…` : head;
  return { en: name, zh: name };
}

export function trojanFamilies(p: SourceProfile, kb: KnowledgeBase | null, lang: Lang): TrojanFamily[] {
  return p.trojanPorts === 0 ? [] : families(p.trojans(), kb, lang);
}

/** Malware ports grouped by family, most severe and busiest first. */
function families(rows: Iterable<[number, TrojanSeen]>, kb: KnowledgeBase | null, lang: Lang): TrojanFamily[] {
  const byFamily = new Map<string, { name: string; keys: number[]; packets: number; severity: number }>();
  for (const [key, seen] of rows) {
    const fam = familyOf(key, seen.text, kb);
    const f = byFamily.get(fam.en) ?? { name: fam[lang], keys: [], packets: 0, severity: 0 };
    f.keys.push(key);
    f.packets += seen.packets;
    f.severity = Math.max(f.severity, seen.severity);
    byFamily.set(fam.en, f);
  }
  return [...byFamily]
    .map(([family, f]) => ({
      family,
      name: f.name,
      ports: f.keys.sort((a, b) => a - b).map((k) => (k >= PK_UDP ? portLabel(k) : String(k))),
      packets: f.packets,
      severity: f.severity,
    }))
    .sort((a, b) => b.severity - a.severity || b.packets - a.packets || cmpName(a.family, b.family));
}

/** Processes named after an outbound finding: ", logged with pid 10452" (none: ""). */
function pidsText(pids: readonly number[], m: Messages['finding']): string {
  if (pids.length === 0) return '';
  return m.loggedPids(pids.slice(0, PIDS_SHOWN), pids.length > PIDS_SHOWN);
}

/** Findings of one source; their texts in `lang`. */
export function detect(p: SourceProfile, t: Thresholds, kb: KnowledgeBase | null, lang: Lang): { findings: Finding[]; trojans: TrojanFamily[] } {
  const m = messages(lang).finding;
  const out: Finding[] = [];
  const lim = t.limits;
  const span = spanMs(p);
  const ports = p.ports.size;
  const hosts = p.hosts.size;
  const psad = dangerLevel(p.packets, t);
  // Said only by the findings that name it: most sources have none of those.
  const duration = (): string | null => (span > 0 ? durationText(span, lang) : null);

  const outbound = p.outboundPorts === 0 ? [] : families(p.outbound(), kb, lang);
  if (outbound.length > 0) {
    // A program on this side talking to a malware port: an infected machine, or that malware's controller.
    out.push({
      id: 'outbound-malware',
      severity: clampSev(Math.max(2, ...outbound.map((f) => f.severity))),
      evidence: {
        families: outbound.map((f) => f.family),
        ports: outbound.flatMap((f) => f.ports),
        packets: outbound.reduce((a, f) => a + f.packets, 0),
        pids: p.outboundPids,
      },
      text: m.outboundMalware(familyList(outbound, m)) + pidsText(p.outboundPids, m),
      ...wholeFamilies(outbound, m, (families) => m.outboundMalware(families) + pidsText(p.outboundPids, m)),
    });
  }

  const roles = annotationRoles();
  const blocked = roles.ids('outbound-blocked').filter((id) => p.annotations.has(id));
  if (blocked.length > 0) {
    // Egress rules stopped this side on a port bots use: not proof, but the machine to look at.
    out.push({
      id: 'outbound-blocked',
      severity: clampSev(Math.max(...blocked.map((id) => p.annotations.severity(id) ?? 0))),
      evidence: { annotations: blocked, packets: blocked.reduce((a, id) => a + (p.annotations.get(id) ?? 0), 0), pids: p.blockedPids },
      text: m.outboundBlocked(blocked.map((id) => roles.label(id, lang)).join(messages(lang).listSep)) + pidsText(p.blockedPids, m),
    });
  }

  const allowed = allowedSensitive(p, t, kb);
  if (allowed.length > 0) {
    // The firewall let an outside source reach a sensitive service: what got in, not what knocked.
    allowed.sort((a, b) => b.packets - a.packets || a.key - b.key);
    const packets = allowed.reduce((a, x) => a + x.packets, 0);
    const labels = allowed.map((x) => portLabel(x.key));
    out.push({
      id: 'allowed-in',
      severity: clampSev(Math.max(3, ...allowed.map((x) => x.severity))),
      evidence: { ports: labels, packets, allowedPackets: p.allowedPackets },
      text: m.allowedIn(packets, m.portList(labels.slice(0, 3), Math.max(0, labels.length - 3)), allowedRows(p, packets)),
    });
  }

  const trojans = trojanFamilies(p, kb, lang);
  if (trojans.length > 0) {
    // A wide scan crosses trojan ports by accident (a 1-1024 sweep hits a dozen of
    // them): then they are listed, but do not raise the severity above "low".
    const trojanPorts = trojans.reduce((a, f) => a + f.ports.length, 0);
    const incidental = ports >= t.verticalScan.minPorts && trojanPorts < t.trojanProbe.minShareInScan * ports;
    const sev = incidental ? 2 : Math.max(2, ...trojans.map((f) => f.severity));
    out.push({
      id: 'trojan-probe',
      severity: clampSev(sev),
      evidence: {
        families: trojans.map((f) => f.family),
        ports: trojans.flatMap((f) => f.ports),
        packets: trojans.reduce((a, f) => a + f.packets, 0),
        incidental,
      },
      text: familyList(trojans, m),
      ...wholeFamilies(trojans, m, (families) => families),
    });
  }

  if (p.tcpPorts >= t.verticalScan.minPorts) {
    out.push({
      id: 'vertical-scan',
      severity: clampSev(Math.max(2, psad)),
      evidence: { ports: p.tcpPorts, portsCapped: p.ports.size >= lim.maxPorts, hosts, durationMs: span, packets: p.packets },
      text: m.verticalScan(countText(p.tcpPorts, lim.maxPorts), hosts > 1 ? countText(hosts, lim.maxHosts) : null, duration()),
    });
  }

  if (hosts >= t.horizontalSweep.minHosts && (p.protocols & (P_TCP | P_UDP | P_OTHER)) !== 0 && ports > 0) {
    const top = p.ports.top(3);
    out.push({
      id: 'horizontal-sweep',
      severity: clampSev(Math.max(2, psad)),
      evidence: { hosts, hostsCapped: hosts >= lim.maxHosts, ports, topPorts: top.map(([k]) => portLabel(k)), durationMs: span },
      text: m.horizontalSweep(countText(hosts, lim.maxHosts), ports <= 3 ? m.portList(top.map(([k]) => portLabel(k)), 0) : m.portCount(countText(ports, lim.maxPorts)), duration()),
    });
  }

  const crossed = crossedTraceroutePorts(p, t);
  const udpPorts = p.udpPorts + crossed;
  if (udpPorts >= t.udpScan.minPorts) {
    out.push({
      id: 'udp-scan',
      severity: clampSev(Math.max(2, psad)),
      evidence: { ports: udpPorts, hosts, durationMs: span },
      text: m.udpScan(countText(udpPorts, lim.maxPorts), duration()),
    });
  }

  const protocols = p.protocolCount;
  if (protocols >= t.protoScan.minProtocols) {
    out.push({
      id: 'proto-scan',
      severity: clampSev(Math.max(2, psad)),
      evidence: { protocols, hosts, durationMs: span, packets: p.packets },
      text: m.protoScan(protocols, duration()),
    });
  }

  // Stealth scans by TCP flags.
  const fc = p.flagClasses;
  for (const [cls, id, base] of STEALTH_SCANS) {
    if (fc[cls] >= t.stealth.minPackets && fc[cls] > 0) {
      out.push({ id, severity: clampSev(Math.max(base, dangerLevel(fc[cls], t))), evidence: { packets: fc[cls] }, text: m.stealthProbes([STEALTH_LABEL[id]!]) });
    }
  }
  const finPorts = p.finPorts?.size ?? 0;
  if (finPorts >= t.stealth.minPortsFinAck && fc[FC_FIN] >= t.stealth.minPackets) {
    out.push({ id: 'fin-scan', severity: clampSev(Math.max(3, dangerLevel(fc[FC_FIN], t))), evidence: { packets: fc[FC_FIN], ports: finPorts }, text: m.stealthProbes([STEALTH_LABEL['fin-scan']!]) });
  }
  // Bare ACKs to many ports of a host, or to as many hosts as a sweep (nmap -sA across a
  // network on one port): a real connection's late ACKs go to one host:port.
  const ackPorts = p.ackPorts?.size ?? 0;
  const ackHosts = p.ackHosts?.size ?? 0;
  const ackSweep = ackHosts >= t.horizontalSweep.minHosts;
  if ((ackPorts >= t.stealth.minPortsFinAck || ackSweep) && fc[FC_ACK] >= t.stealth.minPackets && fc[FC_ACK] > 0) {
    let text = m.stealthProbes([STEALTH_LABEL['ack-scan']!]);
    if (ackSweep) {
      const top = topReached(p, 3);
      text = m.ackSweep(countText(ackHosts, lim.maxHosts), m.portList(top.map(([k]) => portLabel(k)), Math.max(0, reachedPorts(p) - top.length)));
    }
    out.push({ id: 'ack-scan', severity: clampSev(Math.max(2, Math.min(4, dangerLevel(fc[FC_ACK], t)))), evidence: { packets: fc[FC_ACK], ports: ackPorts, hosts: ackHosts }, text });
  }

  if (ports >= t.slowScan.minPorts && span >= t.slowScan.minSpanMs && ports / (span / 60_000) <= t.slowScan.maxPortsPerMinute) {
    // Rounded once: the finding's text and a scan row's "slowly (N ports/h)" say the same N.
    const perHour = round1(ports / (span / 3_600_000));
    out.push({
      id: 'slow-scan',
      severity: 3,
      evidence: { ports, durationMs: span, portsPerHour: perHour },
      text: m.slowScan(countText(ports, lim.maxPorts), durationText(span, lang), rateText(perHour)),
    });
  }

  if (p.icmpEchoHosts && p.icmpEchoHosts.size >= t.icmpSweep.minHosts) {
    out.push({
      id: 'icmp-sweep',
      severity: clampSev(Math.max(2, Math.min(3, psad))),
      evidence: { hosts: p.icmpEchoHosts.size, packets: p.icmpEcho },
      text: m.icmpSweep(countText(p.icmpEchoHosts.size, lim.maxHosts)),
    });
  }

  // Knocking is one service on a few hosts: wider is a sweep, and broadcast noise or
  // traffic meant for an address's previous holder is not someone knocking. Nor is a TCP
  // source that sent ACKs but never tried to open anything (no SYN, nor a NULL/FIN/XMAS
  // probe): those are the middle of connections already open, an SSH session's keystrokes.
  // (Logs without TCP flags, as a Cisco ASA's, show no ACKs either: they still knock.)
  const [topPort] = p.ports.top(1);
  // A scanner's late packets are part of its scan (nmap -sA's ACKs, the RSTs -sS sends
  // to close what answered, -sO's TCP probe), not late packets of connections it had.
  const late = scansWithLate(out) ? 0 : p.latePackets;
  const benign = p.noisePackets + p.replyPackets + p.leftoverPackets + late >= t.noise.minShare * p.packets;
  const midConnection = topPort !== undefined && topPort[0] < PK_UDP && fc[FC_ACK] > 0 && fc[FC_SYN] + fc[FC_SYNFIN] + fc[FC_NULL] + fc[FC_FIN] + fc[FC_XMAS] === 0;
  if (topPort && !benign && !midConnection && hosts < t.horizontalSweep.minHosts && topPort[1] >= t.serviceKnock.minPackets && topPort[1] >= t.serviceKnock.minShare * p.packets) {
    out.push({
      id: 'service-knock',
      severity: clampSev(Math.max(1, Math.min(3, dangerLevel(topPort[1], t) - 1))),
      evidence: { port: portKeyName(topPort[0]).port, proto: portKeyName(topPort[0]).proto, packets: topPort[1], hosts, durationMs: span },
      text: m.packetsTo(topPort[1], portLabel(topPort[0]), duration()),
    });
  }

  if (p.traceroutePackets > 0 && crossed === 0) {
    // This side's own going out maps a path from here: no one traces the route to it.
    const own = p.ownTraceroutePackets;
    const inbound = p.traceroutePackets - own;
    if (inbound > 0) out.push({ id: 'traceroute', severity: 1, evidence: { packets: inbound }, text: m.traceroute(inbound) });
    if (own > 0) out.push({ id: 'outbound-traceroute', severity: 0, evidence: { packets: own }, text: m.outboundTraceroute(own) });
  }
  // Traffic meant for an address's previous holder comes from its peers: chat, games,
  // streams. A scanner's packets to those ports are part of its scan, as the traceroute
  // ports a UDP scan crosses are (crossedTraceroutePorts).
  if (p.leftoverPackets > 0 && !out.some((f) => SCAN_IDS.has(f.id))) {
    out.push(benignFinding('dialup-leftover', p, p.leftoverPackets, roles.ids('leftover'), () => m.dialupLeftover(p.leftoverPackets)));
  }
  if (p.replyPackets > 0 && p.replyPackets >= t.noise.minShare * p.packets) {
    // ICMP errors about this side's packets and ICMP echo/query replies carry no port:
    // counted apart from the server replies to client ports.
    const errorIds = roles.ids('error-reply');
    const icmpReplyIds = roles.ids('icmp-reply');
    const sum = (list: readonly string[]) => list.reduce((a, id) => a + (p.annotations.get(id) ?? 0), 0);
    const icmpErrors = sum(errorIds);
    const icmpReplies = sum(icmpReplyIds);
    const serverReplies = p.replyPackets - icmpErrors - icmpReplies;
    const replies = benignFinding('server-replies', p, p.replyPackets, [...roles.ids('reply'), ...icmpReplyIds, ...errorIds], (ids) =>
      m.serverReplies(
        ids.filter((id) => !errorIds.includes(id) && !icmpReplyIds.includes(id)).map((id) => roles.label(id, lang)),
        serverReplies,
        icmpReplies,
        icmpErrors,
        Math.min(p.serverReplyConnections, Math.max(0, serverReplies)),
      ),
    );
    withConnections(replies, Math.min(p.replyConnections, p.replyPackets));
    out.push(replies);
  }
  if (late > 0 && late >= t.noise.minShare * p.packets) {
    // Mostly the late packets of connections it had with this side: say what they were, as
    // server-replies does for replies (they opened nothing, so no port reads as probed).
    const lp = p.latePorts;
    const top = lp === null ? [] : lp.top(3);
    const [drop, reject] = p.actions;
    const lateIds = roles.ids('late').filter((id) => p.annotations.has(id));
    const lateConnections = Math.min(p.lateConnections, late);
    const finding: Finding = {
      id: 'late-packets',
      severity: 0,
      evidence: { packets: late, share: round1((late / p.packets) * 100) / 100, ports: lp?.size ?? 0, topPorts: top.map(([k]) => portLabel(k)) },
      text: m.latePackets(
        late,
        top.length > 0 ? m.portList(top.map(([k]) => portLabel(k)), Math.max(0, (lp?.size ?? 0) - top.length)) : null,
        drop + reject === p.packets,
        lateIds.map((id) => roles.label(id, lang)).join(messages(lang).listSep),
        lateConnections,
      ),
    };
    withConnections(finding, lateConnections);
    out.push(finding);
  }
  if (p.noisePackets > 0 && p.noisePackets >= t.noise.minShare * p.packets) {
    out.push({
      id: 'noise',
      severity: 0,
      evidence: { packets: p.noisePackets, share: Math.round((p.noisePackets / p.packets) * 100) / 100 },
      text: m.noise,
    });
  }
  out.sort((a, b) => ORDER.indexOf(a.id) - ORDER.indexOf(b.id));
  return { findings: out, trojans };
}

/**
 * The ports of a source's allowed probes that are sensitive services (a knowledge entry
 * of at least allowedIn.minPortSeverity that is no trojan's: a trojan's port is often some
 * ordinary program's too), with their packets and highest severity. None without the
 * knowledge base, and none for a source on this side: a LAN client reaching a file server
 * or a domain controller is what those are for.
 */
function allowedSensitive(p: SourceProfile, t: Thresholds, kb: KnowledgeBase | null): { key: number; packets: number; severity: number }[] {
  const ports = p.allowedPorts;
  if (ports === null || kb === null) return [];
  const out: { key: number; packets: number; severity: number }[] = [];
  for (const key of ports.keys()) {
    const { proto, port } = portKeyName(key);
    if (proto !== 'tcp' && proto !== 'udp') continue;
    let severity = -1;
    for (const entry of kb.lookup(proto, port)) {
      if (entry.severity >= t.allowedIn.minPortSeverity && entry.severity > severity && kb.category(entry.category)?.hiddenUnderService !== true) severity = entry.severity;
    }
    if (severity >= 0) out.push({ key, packets: 0, severity });
  }
  // Asked last: most sources have no sensitive allowed port, and the address test parses.
  if (out.length === 0 || onThisSide(p.ip)) return [];
  const counts = new Map(ports.counts());
  for (const x of out) x.packets = counts.get(x.key) ?? 0;
  return out;
}

/** Families the why line names, and ports of each; the rest is "+N". */
const FAMILIES_SHOWN = 2;
const FAMILY_PORTS_SHOWN = 3;

/** "Sub-7 1243, 27374; NetBus 12345 +1 more family": two families, three ports each. */
function familyList(list: readonly TrojanFamily[], m: Messages['finding']): string {
  const shown = list.slice(0, FAMILIES_SHOWN).map((f) => m.trojanFamily(f.name, f.ports.slice(0, FAMILY_PORTS_SHOWN), Math.max(0, f.ports.length - FAMILY_PORTS_SHOWN)));
  if (list.length > FAMILIES_SHOWN) shown.push(m.moreFamilies(list.length - FAMILIES_SHOWN));
  return shown.join(m.partSep);
}

/**
 * Every family with every port, for a source's details, when familyList leaves some out
 * (as `say` words the list); otherwise nothing, and the details say the text. Bounded by
 * the profile's trojan ports (its port cap).
 */
function wholeFamilies(list: readonly TrojanFamily[], m: Messages['finding'], say: (families: string) => string): { fullText?: string } {
  if (list.length <= FAMILIES_SHOWN && list.every((f) => f.ports.length <= FAMILY_PORTS_SHOWN)) return {};
  return { fullText: say(list.map((f) => m.trojanFamily(f.name, f.ports, 0)).join(m.partSep)) };
}

/**
 * Seed 002: UDP into 33434-33600 is a traceroute only when it stays in that range. A
 * source that UDP-scans other ports as well swept through the range, so the traceroute
 * ports it hit are scan ports after all: how many (0 for a real traceroute).
 */
export function crossedTraceroutePorts(p: SourceProfile, t: Thresholds): number {
  return p.traceroutePackets > 0 && p.udpPorts >= t.udpScan.minPorts ? p.traceroutePorts : 0;
}

/** The n busiest ports of the probes and the late packets together (an ACK scanner's), [key, packets]. */
export function topReached(p: SourceProfile, n: number): [number, number][] {
  if (p.latePorts === null) return p.ports.top(n);
  const all = new Map<number, number>(p.ports.counts());
  for (const [k, c] of p.latePorts.counts()) all.set(k, (all.get(k) ?? 0) + c);
  return topCounts(all, n);
}

/** Distinct ports of the probes and the late packets together. */
function reachedPorts(p: SourceProfile): number {
  if (p.latePorts === null) return p.ports.size;
  const probed = new Set(p.ports.keys());
  let n = probed.size;
  for (const k of p.latePorts.keys()) if (!probed.has(k)) n++;
  return n;
}

/** Whether the findings make the source's late packets (ACK or RST, no SYN) part of its scan: a scan finding, or ack-scan. */
export function scansWithLate(findings: readonly Finding[]): boolean {
  return findings.some((f) => LATE_SCAN_IDS.has(f.id));
}

/**
 * Late packets (ACK or RST, no SYN) add no ports or hosts: they open nothing. A source
 * that scans (its ACK-only packets went to many ports, as nmap -sA's do: ack-scan; or a
 * scan finding) sent them as part of it: then the ports and hosts they reached are
 * breadth after all, as a UDP scan's traceroute ports are (crossedTraceroutePorts). What
 * they add to the probes' ports and hosts (both 0 for any other source).
 */
export function lateScanReach(p: SourceProfile, findings: readonly Finding[], t: Thresholds): { ports: number; tcpPorts: number; udpPorts: number; hosts: number } {
  if (p.latePackets === 0 || !scansWithLate(findings)) return { ports: 0, tcpPorts: 0, udpPorts: 0, hosts: 0 };
  const probed = new Set(p.ports.keys());
  let tcpPorts = 0;
  let udpPorts = 0;
  let ports = 0;
  for (const k of p.latePorts?.keys() ?? []) {
    if (probed.has(k)) continue;
    ports++;
    if (k < PK_UDP) tcpPorts++;
    else if (k < PK_OTHER) udpPorts++;
  }
  const hostsProbed = new Set(p.hosts);
  let hosts = 0;
  for (const h of p.lateHosts ?? []) if (!hostsProbed.has(h)) hosts++;
  // Within the caps the probes' sets have (the shown counts say "≥" there).
  const room = Math.max(0, t.limits.maxPorts - p.ports.size);
  return { ports: Math.min(ports, room), tcpPorts: Math.min(tcpPorts, room), udpPorts: Math.min(udpPorts, room), hosts: Math.min(hosts, Math.max(0, t.limits.maxHosts - p.hosts.size)) };
}

export function score(p: SourceProfile, findings: readonly Finding[], trojans: readonly TrojanFamily[], t: Thresholds): { score: number; parts: ScoreParts } {
  const w = t.weights;
  const late = lateScanReach(p, findings, t);
  const breadth = w.ports * Math.log2(1 + p.ports.size + crossedTraceroutePorts(p, t) + late.ports) + w.hosts * Math.log2(1 + p.hosts.size + late.hosts);
  let fpoints = 0;
  for (const f of findings) fpoints += (w.findings[f.id] ?? 0) + (f.severity > 0 ? w.perSeverity * f.severity : 0);
  if (trojans.length > 1) fpoints += w.trojanFamily * (Math.min(trojans.length, w.trojanFamilyCap) - 1);
  const volume = w.volume * Math.log10(1 + p.packets);
  const hours = spanMs(p) / 3_600_000;
  const persistence = w.persistence * Math.log2(1 + Math.min(hours, w.persistenceCapHours));
  // Late packets of connections are as harmless as replies, unless they were a scan's.
  const latePackets = scansWithLate(findings) ? 0 : p.latePackets;
  const noiseShare = p.packets > 0 ? (p.noisePackets + p.replyPackets + latePackets) / p.packets : 0;
  // Only when they were read as leftovers (a scanner's are not: detect()).
  const leftover = findings.some((f) => f.id === 'dialup-leftover') ? p.leftoverPackets : 0;
  const leftoverShare = p.packets > 0 ? leftover / p.packets : 0;
  const factor = Math.max(0.05, (1 - (1 - w.noiseFactor) * noiseShare) * (1 - (1 - w.leftoverFactor) * leftoverShare));
  const raw = (breadth + fpoints + volume + persistence) * factor;
  return {
    score: round1(raw),
    parts: { breadth: round1(breadth), findings: round1(fpoints), volume: round1(volume), persistence: round1(persistence), factor: Math.round(factor * 100) / 100 },
  };
}

/** New ports per hour as the slow-scan texts give it: "2.9", "10". */
function rateText(perHour: number): string {
  return perHour < 10 ? perHour.toFixed(1) : String(Math.round(perHour));
}

/**
 * Of a finding's packets, the connection records its text says as connections (a Cisco ASA
 * Teardown, a Windows Firewall row): evidence.connections, absent when none, so the evidence
 * of a log without connection records stays as it was.
 */
function withConnections(f: Finding, connections: number): void {
  if (connections > 0) f.evidence.connections = connections;
}

/** A severity-0 finding for traffic that is not an attack: its packets, their share, and the annotations that said so. */
function benignFinding(id: string, p: SourceProfile, packets: number, kinds: readonly string[], text: (ids: string[]) => string): Finding {
  const ids = kinds.filter((a) => p.annotations.has(a));
  return { id, severity: 0, evidence: { packets, share: round1((packets / p.packets) * 100) / 100, annotations: ids }, text: text(ids) };
}

/** Stealth scans told by one flag class: the class, the finding, its lowest severity. */
const STEALTH_SCANS: readonly (readonly [number, string, number])[] = [
  [FC_NULL, 'null-scan', 3],
  [FC_XMAS, 'xmas-scan', 3],
  [FC_SYNFIN, 'synfin-scan', 3],
];

/** The order findings are listed in for a source. */
const ORDER: readonly string[] = FINDING_IDS;
const SCAN_IDS = new Set(SCAN_FINDINGS);
/** Findings that make a source's late packets (ACK or RST, no SYN) part of its scan: the scans, and ACKs to many ports. */
const LATE_SCAN_IDS = new Set([...SCAN_IDS, 'ack-scan']);
const STEALTH_IDS = new Set(Object.keys(STEALTH_LABEL));
/** Findings whose text already says the traffic went out from this side. */
const OUTBOUND_IDS: ReadonlySet<string> = new Set(['outbound-malware', 'outbound-blocked']);

/** One line in `lang`: the findings, highest-weight first, stealth flags merged ("NULL and XMAS probes"). */
export function explain(p: SourceProfile, findings: readonly Finding[], lang: Lang, t: Thresholds): string {
  const m = messages(lang).finding;
  // Every packet this side's own, stopped going out by egress rules: whatever the findings
  // call it, it is no probe of this side (the outbound findings already say it went out).
  const allOwn = p.ownBlocked >= p.packets && !findings.some((f) => OUTBOUND_IDS.has(f.id));
  const ownLine = (line: string): string => (allOwn ? m.ownBlockedAll(line) : line);
  const parts: string[] = [];
  // An ACK sweep says its hosts and ports; an ACK scan of ports is one of the stealth flags.
  const stealth = findings.filter((f) => STEALTH_IDS.has(f.id) && !isAckSweep(f, t));
  for (const id of EXPLANATION_ORDER) {
    if (id === '*stealth') {
      const sweep = findings.find((f) => isAckSweep(f, t));
      if (sweep) parts.push(sweep.text);
      if (stealth.length > 0) parts.push(m.stealthProbes(stealth.map((f) => STEALTH_LABEL[f.id]!)));
      continue;
    }
    // A source that is both (many ports × many hosts): the vertical text already says "on N hosts".
    if (id === 'horizontal-sweep' && findings.some((x) => x.id === 'vertical-scan')) continue;
    const f = findings.find((x) => x.id === id);
    if (!f) continue;
    // After a scan's ports and duration (the part just before), a slow scan only adds its pace.
    if (id === 'slow-scan' && findings.some((x) => x.id === 'vertical-scan' || x.id === 'udp-scan')) {
      parts[parts.length - 1] += m.slowPace(rateText(f.evidence.portsPerHour as number));
    } else parts.push(f.text);
  }
  // What got in: allowed-in names the sensitive ports; any other allowed probe is said beside what the source sent.
  const allowedIn = findings.find((f) => f.id === 'allowed-in');
  const allowed = allowedIn === undefined ? p.allowedPackets : 0;
  const rest = allowedIn === undefined ? uncoveredProbes(p, findings) : null;
  if (parts.length === (allowedIn === undefined ? 0 : 1) && (allowedIn === undefined || (allowedIn.evidence.packets as number) < p.packets)) {
    // No finding (or only allowed-in, for some of its packets): say what it sent, and how much of it was let in.
    const counts = [...p.ports.counts()];
    // With every port counted, what the counts leave over had no port (ICMP, other protocols, replies).
    const sent = sentText(p, p.packets, counts, p.ports.size, counts.length === p.ports.size, p.protocols, p.connections, lang);
    // All of it this side's own: the whole line says so (below).
    const own = Math.min(p.ownBlocked, p.packets);
    const said = own > 0 && own < p.packets ? sent + m.ownBlockedSome(own) : sent;
    parts.push(allowed === 0 ? said : said + (allowed >= p.packets ? m.allowedAll : m.allowedSome(allowed)));
  } else if (rest !== null) {
    // Findings that cover only the chatter, replies, late packets or leftovers among its
    // packets: the probes beside them are said too, as a source without findings says them.
    const sent = sentText(p, rest.packets, rest.counts, rest.counts.length, true, rest.protocols, rest.connections, lang);
    const shown = Math.min(allowed, rest.packets);
    parts[parts.length - 1] += m.uncovered(shown === 0 ? sent : sent + (shown >= rest.packets ? m.allowedAll : m.allowedSome(shown)));
  } else if (allowed > 0) parts.push(m.allowedPart(allowed, allowedRows(p, allowed)));
  // Telling annotations that no finding already covers (source-port tricks, proxy hunts …);
  // for a scanner as wide as a vertical scan they are by-products of the scan and would only lengthen the line.
  if (p.ports.size >= t.verticalScan.minPorts) return ownLine(parts.join(' · '));
  const roles = annotationRoles();
  const repliesFound = findings.some((f) => f.id === 'server-replies');
  // Roles whose annotations a finding (or the ports table) already tells about.
  const covered = (id: string): boolean => {
    // A finding of the same id (ack-scan) already says it.
    if (findings.some((f) => f.id === id)) return true;
    const role = roles.roleOf(id);
    return role !== undefined && (repliesFound || !REPLY_ROLES.includes(role));
  };
  const extra = [...p.annotations]
    .filter(([id]) => !covered(id) && (p.annotations.severity(id) ?? 0) >= 1)
    .sort((a, b) => (p.annotations.severity(b[0]) ?? 0) - (p.annotations.severity(a[0]) ?? 0) || b[1] - a[1] || cmpStr(a[0], b[0]))
    .slice(0, 3)
    .map(([id, c]) => m.annotationItem(roles.name(id, lang), id, c));
  if (extra.length > 0) parts.push(extra.join(messages(lang).listSep));
  return ownLine(parts.join(' · '));
}

/** "3 packets to 23/tcp", "2 packets, 1 of them to 40000/tcp", "4 ICMP packets: echo request (ping)": what `n` packets went to. */
function sentText(
  p: SourceProfile,
  n: number,
  counts: readonly (readonly [number, number])[],
  ports: number,
  allCounted: boolean,
  protocols: number,
  connections: number | null,
  lang: Lang,
): string {
  const m = messages(lang).finding;
  if (counts.length === 0 && ports === 0) return m.protoPackets(n, protoText(protocols, p, lang), connections) + icmpTypesText(p, lang);
  const top = topCounts(new Map(counts), 3);
  const to = m.portList(top.map(([k]) => portLabel(k)), Math.max(0, ports - top.length));
  let toPorts = 0;
  for (const [, c] of counts) toPorts += c;
  return allCounted && toPorts < n ? m.packetsSomeTo(n, toPorts, to, connections) : m.packetsTo(n, to, null, connections);
}

/** Findings that say what some of a source's packets were that are no probe (chatter, replies, late packets, leftovers, a traceroute). */
const ASIDE_FINDINGS: ReadonlySet<string> = new Set(['noise', 'server-replies', 'late-packets', 'dialup-leftover', 'traceroute', 'outbound-traceroute']);

/**
 * The probes of a source whose findings all cover packets that are no probe, and that
 * cover only part of it (rafaelnett-cdo_lab03_pfirewall.log's 192.168.17.1: LLMNR and
 * SSDP chatter, and 17 NetBIOS probes): how many, their ports [key, packets] and
 * protocols. Null when there is nothing to add: another finding, or none left over.
 */
function uncoveredProbes(p: SourceProfile, findings: readonly Finding[]): { packets: number; counts: [number, number][]; protocols: number; connections: number | null } | null {
  if (findings.length === 0 || !findings.every((f) => ASIDE_FINDINGS.has(f.id))) return null;
  const has = (id: string): boolean => findings.some((f) => f.id === id);
  const noise = has('noise');
  const leftover = has('dialup-leftover');
  // Replies, late packets and a traceroute's never reached the probes' counts.
  const packets = p.packets - p.setAside - (noise ? p.noiseProbed : 0) - (leftover ? p.leftoverProbed : 0);
  if (packets <= 0) return null;
  const counts = new Map(p.ports.counts());
  const take = (tally: PortCounts | null): void => {
    for (const [k, c] of tally?.counts() ?? []) counts.set(k, (counts.get(k) ?? 0) - c);
  };
  if (noise) take(p.noisePorts);
  if (leftover) take(p.leftoverPorts);
  const left = [...counts].filter(([, c]) => c > 0);
  let protocols = 0;
  for (const [k] of left) protocols |= k < PK_UDP ? P_TCP : k < PK_OTHER ? P_UDP : P_OTHER;
  // Portless, they are what the source sent without a port: ICMP, other protocols.
  if (left.length === 0) protocols = p.protocols & (P_ICMP | P_OTHER) || p.protocols;
  // Connection records among them are known unless leftovers were taken out (the profile
  // keeps no count of connections among those); the chatter's are counted (noiseConnections).
  const aside = p.lateConnections + p.replyConnections + (noise ? p.noiseConnections : 0);
  const connections = p.connections === 0 ? 0 : leftover ? null : Math.min(packets, Math.max(0, p.connections - aside));
  return { packets, counts: left, protocols, connections };
}

/** An ack-scan finding of bare ACKs across as many hosts as a sweep (its text names them). */
function isAckSweep(f: Finding, t: Thresholds): boolean {
  return f.id === 'ack-scan' && (f.evidence.hosts as number) >= t.horizontalSweep.minHosts;
}

/** ICMP types the explanation names before "+N". */
const ICMP_TYPES_NAMED = 3;

/** ": echo request (ping), time exceeded": what a source's ICMP packets were, lowest type first. */
function icmpTypesText(p: SourceProfile, lang: Lang): string {
  const keys = p.icmpTypes;
  if (keys === null || keys.size === 0) return '';
  const m = messages(lang).finding;
  // An echo request is one name whether ICMP (8) or ICMPv6 (128) carried it.
  const names = [
    ...new Set(
      [...keys]
        .sort((a, b) => a - b)
        .map((k) => {
          const { proto, type } = icmpTypeOfKey(k);
          return icmpTypeName(lang, proto, type) ?? m.icmpTypeNumber(type);
        }),
    ),
  ];
  return m.icmpTypes(names.slice(0, ICMP_TYPES_NAMED), Math.max(0, names.length - ICMP_TYPES_NAMED));
}

/** Protocol names protoText lists before "+N": a source's packets said in a few words. */
const PROTOCOLS_NAMED = 3;

/** "TCP/ICMP", "ESP", "GRE/ESP/AH +2", "proto 162": the protocols of a source's packets, each other protocol by its name as logged. */
function protoText(protocols: number, p: SourceProfile, lang: Lang): string {
  const msg = messages(lang);
  const names: string[] = [];
  if (protocols & P_TCP) names.push('TCP');
  if (protocols & P_UDP) names.push('UDP');
  if (protocols & P_ICMP) names.push('ICMP');
  if (protocols & P_OTHER) {
    const others = p.rare?.otherProtocols;
    // "other" is what the parsers make of a word no protocol table names: nothing more to say of it.
    if (others && others.size > 0) for (const o of others) names.push(o === 'other' ? msg.finding.otherProto : otherProtoName(o, msg));
    else names.push(msg.finding.otherProto);
  }
  if (names.length === 0) return 'IP';
  return msg.finding.protoNames([...new Set(names)].slice(0, PROTOCOLS_NAMED), Math.max(0, new Set(names).size - PROTOCOLS_NAMED));
}

/** An event's protocol name as the "why" line says it: "ESP", "IPv6" (6in4), a number without a name as the header's protocols line does ("proto 162"). */
function otherProtoName(proto: string, msg: Messages): string {
  return /^\d+$/.test(proto) ? msg.report.protoNumber(proto) : proto.toUpperCase().replace('IPV6', 'IPv6');
}

/** Findings, score and severity: computed for every source (the explanation only for shown rows). */
export function assessSource(p: SourceProfile, t: Thresholds, kb: KnowledgeBase | null, lang: Lang): Omit<SourceAnalysis, 'explanation'> {
  const { findings, trojans } = detect(p, t, kb, lang);
  const s = score(p, findings, trojans, t);
  let sev = 0;
  for (const f of findings) if (f.severity > sev) sev = f.severity;
  if (findings.length === 0) {
    const roles = annotationRoles();
    for (const [id, v] of p.annotations.severityEntries()) if (v > sev && roles.roleOf(id) !== 'context') sev = v;
  }
  return { findings, score: s.score, scoreParts: s.parts, severity: clampSev(sev), trojans };
}

export function analyseSource(p: SourceProfile, t: Thresholds, kb: KnowledgeBase | null, lang: Lang): SourceAnalysis {
  const a = assessSource(p, t, kb, lang);
  return { ...a, explanation: explain(p, a.findings, lang, t) };
}

/** Names of the flag classes a source used, for the JSON row. */
export function flagSummary(p: SourceProfile): Record<string, number> {
  const out: Record<string, number> = {};
  const fc = p.flagClasses;
  FLAG_CLASSES.forEach((name, i) => {
    if (fc[i] > 0) out[name] = fc[i];
  });
  return out;
}

/**
 * How many of `n` of the source's allowed probes are connection records (Windows Firewall, Cisco ASA; for
 * rowsText): all or none when its allowed probes are all of one kind; null when they mix
 * (a source in a Windows log and another firewall's), which a subset cannot be split by.
 */
function allowedRows(p: SourceProfile, n: number): number | null {
  if (p.allowedConnections === 0) return 0;
  return p.allowedConnections >= p.allowedPackets ? n : null;
}
