// One event -> one JSON line, in logscan's own schema or in Elastic Common Schema
// names (for Elasticsearch/OpenSearch bulk ingest, Filebeat or Vector).
import type { Direction, FirewallEvent } from '../event.js';
import { isValidAddress } from '../parsers/address.js';

/** logscan's schema: the FirewallEvent as documented in README ("Event schema"). */
export function eventToJson(e: FirewallEvent): string {
  return JSON.stringify(e);
}

const ECS_DIRECTION: Record<Direction, string> = { in: 'inbound', out: 'outbound', forward: 'external' };
const ECS_TYPE: Record<FirewallEvent['action'], string[]> = {
  drop: ['connection', 'denied'],
  reject: ['connection', 'denied'],
  allow: ['connection', 'allowed'],
  other: ['connection', 'info'],
};
const IANA: Record<string, number> = { icmp: 1, igmp: 2, tcp: 6, udp: 17, gre: 47, esp: 50, ah: 51, icmpv6: 58, sctp: 132, udplite: 136 };

/** ECS 8.x field names; logscan-only details under `logscan.*`. Absent values are omitted. */
export function eventToEcs(e: FirewallEvent): string {
  const doc: Record<string, unknown> = {
    '@timestamp': e.time ? e.time.toISOString() : undefined,
    ecs: { version: '8.11.0' },
    event: {
      kind: 'event',
      category: ['network'],
      type: ECS_TYPE[e.action],
      action: e.action,
      dataset: `logscan.${e.format}`,
      module: 'logscan',
      severity: maxSeverity(e),
    },
    observer: {
      hostname: e.host ?? undefined,
      type: 'firewall',
      ingress: e.inIface ? { interface: { name: e.inIface } } : undefined,
      egress: e.outIface ? { interface: { name: e.outIface } } : undefined,
    },
    rule: e.rule ? { name: e.rule } : undefined,
    network: {
      transport: e.proto,
      iana_number: IANA[e.proto] !== undefined ? String(IANA[e.proto]) : /^\d+$/.test(e.proto) ? e.proto : undefined,
      type: e.ipVersion ? `ipv${e.ipVersion}` : undefined,
      direction: e.direction ? ECS_DIRECTION[e.direction] : undefined,
      packets: e.count,
      bytes: e.len !== null ? e.len * e.count : undefined,
    },
    source: endpoint(e.src.ip, e.src.port),
    destination: endpoint(e.dst.ip, e.dst.port),
    log: { file: { path: e.origin.file } },
    logscan: {
      line: e.origin.line,
      year_inferred: e.yearInferred || undefined,
      uptime: e.uptime ?? undefined,
      ttl: e.ttl ?? undefined,
      tcp_flags: e.tcpFlags ?? undefined,
      tcp_window: e.tcpWindow ?? undefined,
      icmp: e.icmp ?? undefined,
      count: e.count,
      annotations: e.annotations,
    },
  };
  return JSON.stringify(doc);
}

// ECS keeps the text as logged in `address`; `ip` (an Elasticsearch ip field) only when it
// is a valid address, so a corrupted log line cannot make a bulk request fail.
function endpoint(ip: string | null, port: number | null): Record<string, unknown> | undefined {
  if (ip === null && port === null) return undefined;
  return { address: ip ?? undefined, ip: ip !== null && isValidAddress(ip) ? ip : undefined, port: port ?? undefined };
}

function maxSeverity(e: FirewallEvent): number {
  let s = 0;
  for (const a of e.annotations) if (a.severity > s) s = a.severity;
  return s;
}
