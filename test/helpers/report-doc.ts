// A report document around ranked sources, for the renderers that read only a few of its
// fields (CSV, blocklist): every other field empty or zero.
import type { ReportDoc } from '../../src/aggregate/report.js';
import type { RankedSource } from '../../src/aggregate/summary.js';

export function row(ip: string, score: number, explanation = 'vertical scan: 300 ports in 2 min', extra: Partial<RankedSource> = {}): RankedSource {
  return {
    rank: 1, ip, score, scoreParts: { breadth: 0, findings: 0, volume: 0, persistence: 0, factor: 1 }, severity: 4, events: 3, packets: 3,
    ports: 3, portsCapped: false, tcpPorts: 3, udpPorts: 0, hosts: 1, hostsCapped: false, first: '2026-03-14T10:00:00.000Z', last: '2026-03-14T10:01:00.000Z',
    protocols: ['tcp'], tcpFlags: {}, actions: { drop: 3, reject: 0, allow: 0, other: 0 }, connections: 0, allowedProbes: 0, rules: {}, annotations: {}, topPorts: [],
    findings: [{ id: 'vertical-scan', severity: 4, text: 'x', evidence: {} }], explanation, addressRange: null, ...extra,
  };
}

export function doc(sources: RankedSource[]): ReportDoc {
  return {
    schemaVersion: 1, inputs: [{ file: 'fw.log', format: 'iptables', formatBy: 'sniff', lines: 3, events: 3, skipped: 0, malformed: 0, error: null, problem: null, incomplete: false, repeats: null, encoding: null }],
    totals: { lines: 3, events: 3, parsedEvents: 3, packets: 3, connections: 0, skipped: 0, malformed: 0, sources: sources.length, sourcesCapped: false }, span: { first: null, last: null }, tz: 'UTC', zonelessTimes: false, tzAssumed: false, unmatchedZone: null, namedZone: null, headerTimes: null,
    byFormat: [], byRule: [], ruleLabels: 0, byAction: [], byProto: [], byDirection: [], probes: { packets: 3, connections: 0, ports: 1, blocked: 3, blockedPorts: 1, portsCapped: false, blockedPortsCapped: false, own: 0, replies: 0, noise: 0, late: 0, ownConnections: 0, lateConnections: 0, replyConnections: 0, noiseConnections: 0 }, topSources: [],
    topPorts: [{ proto: 'tcp', port: 23, packets: 3, share: 1, names: ['Telnet', '=cmd|calc'], meaning: 'Unencrypted remote login.', sources: 2, connections: 0 }, { proto: 'sctp', port: 9, packets: 1, share: 0, names: [], meaning: null, sources: null, connections: 0 }], topPortsBlockedOnly: true, topPortsPackets: 3, topPortsConnections: 0, topPortSourcesCapped: false, topPortsLateUncounted: { packets: 0, sources: 0, portsCounted: null },
    topTargets: [], topTargetsBlockedOnly: true, topTargetsPackets: 0, topTargetsConnections: 0, targetHosts: 0, targetHostsCapped: false, topTargetSourcesCapped: false, perHour: [], perHourBlocked: [], perDay: [], perDayCapped: false,
    filters: { since: null, until: null, sources: [], minSeverity: null }, sources, rankedSources: sources.length, unrankedSources: 0, findings: [], maxFindingSeverity: 4,
    interpretations: [], sourceRanges: [], profiles: { tracked: 1, evicted: 0, evictedEvents: 0, cap: 100000 }, interrupted: null, logGaps: null,
  };
}
