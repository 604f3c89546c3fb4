// Every number that decides what counts as a scan and how sources are ranked, in
// one data-like module. docs/ranking.md explains each one for users; a JSON file
// (`--config FILE`, `{ "thresholds": { … } }`) and a few flags override them.
//
// References for the defaults:
// - CrowdSec `crowdsecurity/iptables-scan-multi_ports`: a leaky bucket of capacity 15
//   distinct destination ports, leaking one per 5 s: "15 distinct ports within ~5 s".
// - psad: danger levels 1-5 at 5 / 15 / 150 / 1500 / 10000 packets (psad.conf
//   DANGER_LEVEL1..5), and MIN_DANGER_LEVEL / TCP scan flags need just 1 port: a NULL,
//   FIN, XMAS or SYN+FIN packet is never legitimate, one is enough.
import type { Severity } from '../event.js';
import { messages, usageError } from '../i18n/messages.js';
import { defaultFindingWeights, isFindingId } from './finding-ids.js';

export interface Thresholds {
  limits: {
    /** Profiles kept at once; beyond it the least-recently-seen source is evicted (and counted). */
    maxSources: number;
    /** Distinct destination ports remembered per source; beyond it shown as "≥ N". */
    maxPorts: number;
    /** Distinct destination hosts remembered per source. */
    maxHosts: number;
    /** Ports with their own packet counter per source (service-knock and the top ports of a row). */
    maxPortCounts: number;
    /** Trojan ports remembered per source. */
    maxTrojanPorts: number;
  };
  /** Many TCP ports of one or a few hosts. */
  verticalScan: { minPorts: number };
  /** One or a few ports across many hosts. */
  horizontalSweep: { minHosts: number };
  /** Many UDP ports. */
  udpScan: { minPorts: number };
  /** Many IP protocols (the protocol numbers themselves, as nmap -sO tries them). */
  protoScan: { minProtocols: number };
  /** ICMP echo requests to many hosts. */
  icmpSweep: { minHosts: number };
  /** Packets of a scan-only flag combination (NULL, XMAS, SYN+FIN) needed for a finding. */
  stealth: {
    minPackets: number;
    /** FIN-only and ACK-only packets are also late packets of real connections: need this many distinct ports. */
    minPortsFinAck: number;
  };
  /** Many ports at a rate no window-based detector sees. */
  slowScan: { minPorts: number; minSpanMs: number; maxPortsPerMinute: number };
  /** Repeated knocking on one service (password guessing, worm retries). */
  serviceKnock: { minPackets: number; minShare: number };
  /** Trojan ports inside a wide scan count as targeted only when they are at least this share of its ports. */
  trojanProbe: { minShareInScan: number };
  /** Probes the firewall let in, to a port the knowledge rates at least this severe (not a trojan's: categories.json hiddenUnderService). */
  allowedIn: { minPortSeverity: number };
  /** A source whose packets are mostly local broadcast noise / dial-up leftovers. */
  noise: { minShare: number };
  /** psad's packet-count danger levels 1..5. */
  dangerLevels: [number, number, number, number, number];
  weights: Weights;
}

export interface Weights {
  /** × log2(1 + distinct ports). */
  ports: number;
  /** × log2(1 + distinct hosts). */
  hosts: number;
  /** × log10(1 + packets): weak on purpose. */
  volume: number;
  /** × log2(1 + active hours), capped at persistenceCapHours. */
  persistence: number;
  persistenceCapHours: number;
  /** Points per finding id (added once per finding). */
  findings: Record<string, number>;
  /** Extra points per finding severity level (× severity). */
  perSeverity: number;
  /** Trojan probes: points per distinct family beyond the first, capped at trojanFamilyCap families. */
  trojanFamily: number;
  trojanFamilyCap: number;
  /** Score multiplier at 100 % noise (server replies and late packets of connections included) / dial-up-leftover packets (linear in their share). */
  noiseFactor: number;
  leftoverFactor: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = {
  limits: {
    // ~0.5 KiB for a source of a few ports and hosts (a row, profile-rows.ts), more only
    // for real scanners: 100k profiles stay around 50-60 MB even for a busy day.
    maxSources: 100_000,
    // psad tracks all 65536; 4096 is enough to tell "wide" from "all" and caps a full
    // port sweep at ~20 KiB per source (4 bytes a port, int-collections.ts). Late packets'
    // ports past it are kept as bits (OverflowPortTally, 16 KiB): a scanner's become probes.
    maxPorts: 4096,
    maxHosts: 1024,
    maxPortCounts: 256,
    maxTrojanPorts: 64,
  },
  // CrowdSec multi_ports: 15 distinct ports. We have no window here (streaming,
  // order-independent), so 15 distinct TCP ports over the whole run; slow-scan
  // covers the ones that would never fill a 5 s bucket.
  verticalScan: { minPorts: 15 },
  // CrowdSec's iptables-scan-multi_ips uses the same bucket shape (15); a sweep of a
  // home /24 rarely logs more than a dozen hosts, so 10.
  horizontalSweep: { minHosts: 10 },
  udpScan: { minPorts: 15 },
  // psad reports a protocol scan at any protocol it has no signature for; a peer that
  // uses TCP, UDP, ICMP, ESP, AH, GRE and IGMP is still only seven.
  protoScan: { minProtocols: 8 },
  icmpSweep: { minHosts: 10 },
  // psad: TCP scan flags need only one packet/port.
  stealth: { minPackets: 1, minPortsFinAck: 5 },
  // ≤ 1 new port per minute over ≥ 1 h: a 5-second bucket never sees more than one
  // or two of them, so window-based detectors stay silent.
  slowScan: { minPorts: 15, minSpanMs: 3_600_000, maxPortsPerMinute: 1 },
  // psad danger level 2 (15 packets) on one port, and that port is at least half of
  // what the source sent (otherwise it is a scan with retries, not a knock).
  serviceKnock: { minPackets: 15, minShare: 0.5 },
  // The port lists in signatures/ name trojans on ~2-3 % of the first 10,000 ports, so
  // a blind scan's share of trojan ports is small; a quarter means it went for them.
  trojanProbe: { minShareInScan: 0.25 },
  // Severity 3 in ports.json: SSH, telnet, RDP, SMB, RPC, databases, VNC, WinRM …
  allowedIn: { minPortSeverity: 3 },
  noise: { minShare: 0.5 },
  dangerLevels: [5, 15, 150, 1500, 10000],
  weights: {
    // Breadth dominates: 1,000 ports ≈ 60 points, while 40,000 packets ≈ 9 (volume).
    ports: 6,
    hosts: 5,
    volume: 2,
    persistence: 2,
    persistenceCapHours: 72,
    // Per finding id: src/aggregate/finding-ids.ts.
    findings: defaultFindingWeights(),
    perSeverity: 3,
    trojanFamily: 4,
    trojanFamilyCap: 5,
    noiseFactor: 0.2,
    leftoverFactor: 0.4,
  },
};

/** psad danger level 0..5 of a packet count. */
export function dangerLevel(packets: number, t: Thresholds): Severity {
  const d = t.dangerLevels;
  for (let i = d.length - 1; i >= 0; i--) if (packets >= d[i]) return (i + 1) as Severity;
  return 0;
}

export const SEVERITY_NAMES = ['info', 'notice', 'low', 'medium', 'high', 'critical'] as const;

/** "3" or "medium" → 3; anything else is a UsageError naming the option. */
export function parseSeverity(option: string, raw: unknown): Severity {
  const s = String(raw).trim().toLowerCase();
  if (/^[0-5]$/.test(s)) return Number(s) as Severity;
  const i = (SEVERITY_NAMES as readonly string[]).indexOf(s);
  if (i >= 0) return i as Severity;
  // The Chinese report, daily summary and HTML name a severity 高, 中 …: what a reader sees there can be typed back.
  const zhName = messages('zh').severity.indexOf(String(raw).trim());
  if (zhName >= 0) return zhName as Severity;
  throw usageError((u) => u.severity(option, SEVERITY_NAMES, String(raw)));
}

/**
 * Deep-merges an override object (from --config) into a copy of `base`. Unknown keys
 * and wrong types are errors that name the key path, so a typo never silently does nothing.
 */
export function mergeThresholds(base: Thresholds, override: unknown, where: string | null): Thresholds {
  const copy = structuredClone(base);
  mergeInto(copy as unknown as Record<string, unknown>, override, where, '');
  return copy;
}

/**
 * Settings that count things (sources, ports, hosts, protocols, packets), where 0 or a
 * fraction means nothing sensible: with maxSources 0 the report ranked only the last source
 * seen, with minPorts 0 every source was a scan. Shares, rates, spans, severities and
 * weights may be 0 or fractions.
 */
const COUNT_SETTING = /^(min|max)(Sources|Ports|Hosts|PortCounts|TrojanPorts|Protocols|Packets|PortsFinAck)$/;

function mergeInto(target: Record<string, unknown>, src: unknown, where: string | null, path: string): void {
  if (typeof src !== 'object' || src === null || Array.isArray(src)) throw usageError((u) => u.settingNotObject(where, path));
  for (const [k, v] of Object.entries(src as Record<string, unknown>)) {
    const p = path ? `${path}.${k}` : k;
    if (k === 'comment' || k.startsWith('$')) continue;
    const cur = target[k];
    // Finding weights accept new ids only if they are known finding ids.
    if (cur === undefined && !(path === 'weights.findings' && isFindingId(k))) throw usageError((u) => u.unknownSetting(where, p));
    if (Array.isArray(cur)) {
      if (!Array.isArray(v) || v.length !== cur.length || !v.every((x) => typeof x === 'number' && Number.isFinite(x) && x >= 0)) {
        const n = cur.length;
        throw usageError((u) => u.settingArray(where, p, n));
      }
      target[k] = [...v];
    } else if (typeof cur === 'object' && cur !== null) {
      mergeInto(cur as Record<string, unknown>, v, where, p);
    } else {
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw usageError((u) => u.settingNumber(where, p, String(JSON.stringify(v))));
      if (COUNT_SETTING.test(k) && (!Number.isInteger(v) || v < 1)) throw usageError((u) => u.settingCount(where, p, String(JSON.stringify(v))));
      target[k] = v;
    }
  }
}

