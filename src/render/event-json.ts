// One event -> one JSON line, in logscan's own schema or in Elastic Common Schema
// names (for Elasticsearch/OpenSearch bulk ingest, Filebeat or Vector).
import { resolve } from 'node:path';
import type { Annotation, FirewallEvent } from '../event.js';
import { isValidAddress } from '../parsers/address.js';
import { protoNumber } from '../util/protocols.js';
import { UNSAFE_JSON_CHARS, jsonTermSafe, jsonText } from './sanitize.js';
import { IN_CROSSES_DEVICE, onThisSide } from '../util/egress.js';
import { lostRecords } from '../parsers/log-gaps.js';
import { STDIN_NAME } from '../input/open.js';
import { ruleFields } from '../parsers/registry.js';

// logscan's schema, written by hand: JSON.stringify on the nested event (with a Date to
// convert) was a third of `logscan events`' time. The output is what jsonText(e)
// gives for an event built in the field order of event.ts (a test holds it to that).

// Characters that need escaping in a JSON string: what JSON.stringify escapes (lone
// surrogates included) and what jsonTermSafe adds for terminals.
const NEEDS_ESCAPE = new RegExp(String.raw`["\\\u0000-\u001f${UNSAFE_JSON_CHARS}\ud800-\udfff]`);

/** A JSON string literal (or null), as jsonText (JSON.stringify, terminal-safe) writes it. */
export function jsonString(s: string | null): string {
  if (s === null) return 'null';
  return NEEDS_ESCAPE.test(s) ? jsonTermSafe(JSON.stringify(s)) : `"${s}"`;
}

// Ports, TTLs, lengths and windows repeat endlessly; their decimal strings are kept.
// Filled with undefined up front: an array grown at random indexes turns into a slow dictionary.
const SMALL_INTS = new Array<string | undefined>(65536).fill(undefined);
function num(n: number | null): string {
  if (n === null) return 'null';
  if (n >= 0 && n < 65536 && (n | 0) === n) return (SMALL_INTS[n] ??= String(n));
  return String(n);
}

let lastMs = NaN;
let lastIso = '';
function time(d: Date | null): string {
  if (d === null) return 'null';
  const ms = d.getTime();
  if (ms !== lastMs) {
    lastMs = ms;
    lastIso = `"${d.toISOString()}"`;
  }
  return lastIso;
}

function endpointJson(ip: string | null, port: number | null): string {
  return `{"ip":${jsonString(ip)},"port":${num(port)}}`;
}

/** One annotation's JSON. */
export function annotationJson(a: Annotation): string {
  return jsonText({ id: a.id, severity: a.severity, text: a.text, ref: a.ref });
}

// Annotation objects are shared constants (the annotator builds them once), so their JSON is too.
const annotationCache = new WeakMap<Annotation, string>();
function annotations(list: readonly Annotation[]): string {
  if (list.length === 0) return '[]';
  let out = '[';
  for (let i = 0; i < list.length; i++) {
    const a = list[i];
    let j = annotationCache.get(a);
    if (j === undefined) {
      j = annotationJson(a);
      if (Object.isFrozen(a)) annotationCache.set(a, j);
    }
    out += i === 0 ? j : `,${j}`;
  }
  return out + ']';
}

function flags(f: readonly string[] | null): string {
  if (f === null) return 'null';
  let out = '[';
  for (let i = 0; i < f.length; i++) out += (i === 0 ? '' : ',') + jsonString(f[i]);
  return out + ']';
}

/** The "icmp" value of an event's JSON. */
export function icmpJson(i: FirewallEvent['icmp']): string {
  if (i === null) return 'null';
  const em = i.embedded;
  const embedded = em === null ? 'null' : `{"src":${endpointJson(em.src.ip, em.src.port)},"dst":${endpointJson(em.dst.ip, em.dst.port)},"proto":${jsonString(em.proto)}}`;
  return `{"type":${num(i.type)},"code":${num(i.code)},"embedded":${embedded}}`;
}

/** logscan's schema: the FirewallEvent as documented in README ("Event schema"). */
export function eventToJson(e: FirewallEvent): string {
  return (
    `{"time":${time(e.time)},"yearInferred":${e.yearInferred},"uptime":${num(e.uptime)},"host":${jsonString(e.host)},` +
    `"format":${jsonString(e.format)},"action":"${e.action}","direction":${e.direction === null ? 'null' : `"${e.direction}"`},` +
    `"rule":${jsonString(e.rule)},"inIface":${jsonString(e.inIface)},"outIface":${jsonString(e.outIface)},"proto":${jsonString(e.proto)},` +
    `"ipVersion":${num(e.ipVersion)},"src":${endpointJson(e.src.ip, e.src.port)},"dst":${endpointJson(e.dst.ip, e.dst.port)},` +
    `"ttl":${num(e.ttl)},"len":${num(e.len)},"tcpFlags":${flags(e.tcpFlags)},"tcpWindow":${num(e.tcpWindow)},"pid":${num(e.pid)},` +
    `"icmp":${icmpJson(e.icmp)},"count":${e.count},"origin":{"file":${jsonString(e.origin.file)},"line":${e.origin.line}},` +
    `"annotations":${annotations(e.annotations)}}`
  );
}

/**
 * ECS `network.direction`. ECS asks for the host's view (`ingress`, `egress`) where a host
 * logs its own traffic (netfilter's INPUT and OUTPUT chains, Windows Firewall), and the
 * perimeter's (`inbound`, `outbound`, `internal`, `external`) where a device logs what
 * crosses it: a forwarded packet, or any record of a device between networks (pf,
 * pfSense/OPNsense, the Cisco ASA: IN_CROSSES_DEVICE). The perimeter's
 * view comes from which side each address is on (--home-net, else the local-network
 * ranges), as Elasticsearch's network_direction processor decides it.
 */
function ecsDirection(e: FirewallEvent): string | undefined {
  if (e.direction !== 'forward' && !IN_CROSSES_DEVICE.has(e.format)) {
    return e.direction === 'in' ? 'ingress' : e.direction === 'out' ? 'egress' : undefined;
  }
  if (e.src.ip === null || e.dst.ip === null) return undefined;
  const src = onThisSide(e.src.ip);
  const dst = onThisSide(e.dst.ip);
  return src ? (dst ? 'internal' : 'outbound') : dst ? 'inbound' : 'external';
}

const ECS_TYPE: Record<FirewallEvent['action'], string[]> = {
  drop: ['connection', 'denied'],
  reject: ['connection', 'denied'],
  allow: ['connection', 'allowed'],
  other: ['connection', 'info'],
};

/**
 * ECS 8.x field names; logscan-only details under `logscan.*`. Absent values are omitted.
 * A Windows Firewall INFO-EVENTS-LOST row is no connection and no packet: `event.type`
 * info and no `network` (a dashboard summing network.packets would count it).
 */
export function eventToEcs(e: FirewallEvent): string {
  const lost = lostRecords(e);
  const gap = lost !== null;
  const r = e.rule === null ? null : ruleFields(e.format, e.rule);
  const doc: Record<string, unknown> = {
    '@timestamp': e.time ? e.time.toISOString() : undefined,
    ecs: { version: '8.11.0' },
    event: {
      kind: 'event',
      category: ['network'],
      type: gap ? ['info'] : ECS_TYPE[e.action],
      action: e.action,
      code: r?.code,
      reason: r?.reason,
      // As the data stream README ships to (logs-logscan-default) names it: ECS asks the two to agree.
      dataset: 'logscan',
      module: 'logscan',
      severity: maxSeverity(e),
    },
    observer: {
      // A syslog header may name the device by its address: ECS keeps those apart.
      hostname: e.host !== null && !isValidAddress(e.host) ? e.host : undefined,
      ip: e.host !== null && isValidAddress(e.host) ? e.host : undefined,
      type: 'firewall',
      ingress: side(e.inIface, r?.ingressZone),
      egress: side(e.outIface, r?.egressZone),
    },
    rule: r === null || (r.name === undefined && r.id === undefined && r.ruleset === undefined) ? undefined : { name: r.name, id: r.id, ruleset: r.ruleset, description: r.description },
    network: gap ? undefined : {
      transport: ecsTransport(e.proto),
      iana_number: protoNumber(e.proto)?.toString(),
      type: e.ipVersion ? `ipv${e.ipVersion}` : undefined,
      direction: ecsDirection(e),
      packets: e.count,
      bytes: e.len !== null ? e.len * e.count : undefined,
    },
    source: endpoint(e.src.ip, e.src.port),
    destination: endpoint(e.dst.ip, e.dst.port),
    related: relatedIps(e.src.ip, e.dst.ip),
    // The program on this host the packet was from or for (Windows Firewall's pid column).
    process: e.pid === null ? undefined : { pid: e.pid },
    // No file behind standard input; a file named (stdin) goes by ./(stdin) (inputName).
    log: e.origin.file === STDIN_NAME ? undefined : { file: { path: fullPath(e.origin.file) } },
    logscan: {
      format: e.format,
      line: e.origin.line,
      year_inferred: e.yearInferred || undefined,
      uptime: e.uptime ?? undefined,
      ttl: e.ttl ?? undefined,
      tcp_flags: e.tcpFlags ?? undefined,
      tcp_window: e.tcpWindow ?? undefined,
      icmp: e.icmp === null ? undefined : ecsIcmp(e.icmp),
      count: e.count,
      lost_records: lost?.records ?? undefined,
      annotations: e.annotations,
    },
  };
  return jsonText(doc);
}

/** observer.ingress / observer.egress: the interface and the zone, when the log names them. */
function side(iface: string | null, zone: string | undefined): Record<string, unknown> | undefined {
  if (!iface && zone === undefined) return undefined;
  return { interface: iface ? { name: iface } : undefined, zone };
}

// ECS's log.file.path is the file's full path, as Filebeat writes it (origin.file keeps the
// name as given). Resolved once per input: every event of a file asks for the same one.
const fullPaths = new Map<string, string>();
function fullPath(file: string): string {
  let p = fullPaths.get(file);
  if (p === undefined) fullPaths.set(file, (p = resolve(file)));
  return p;
}

// ECS keeps the text as logged in `address`; `ip` (an Elasticsearch ip field) only when it
// is a valid address, so a corrupted log line cannot make a bulk request fail.
function endpoint(ip: string | null, port: number | null): Record<string, unknown> | undefined {
  if (ip === null && port === null) return undefined;
  return { address: ip ?? undefined, ip: ip !== null && isValidAddress(ip) ? ip : undefined, port: port ?? undefined };
}

/**
 * ECS `related.ip`, as Elastic's iptables integration fills it: the source and destination
 * addresses once each, so that one search finds a host in either role. Only valid ones,
 * as for `source.ip`: the field is an ip field.
 */
function relatedIps(src: string | null, dst: string | null): { ip: string[] } | undefined {
  const s = src !== null && isValidAddress(src) ? src : null;
  const d = dst !== null && dst !== s && isValidAddress(dst) ? dst : null;
  if (s === null) return d === null ? undefined : { ip: [d] };
  return { ip: d === null ? [s] : [s, d] };
}

/**
 * ECS `network.transport` is the protocol's IANA keyword: ICMPv6's is `ipv6-icmp`; a
 * protocol known only by its number (or none) has `network.iana_number` alone.
 */
function ecsTransport(proto: string): string | undefined {
  if (proto === 'icmpv6') return 'ipv6-icmp';
  return proto === 'other' || /^\d+$/.test(proto) ? undefined : proto;
}

/**
 * The quoted packet's addresses like the event's own: `ip` only when valid (an ip field under
 * `ecs@mappings`). None at all when the log gave no type, code or quoted packet (Cisco ASA's
 * ICMP connection messages): an empty field is left out, as everywhere in the ECS form.
 */
function ecsIcmp(i: NonNullable<FirewallEvent['icmp']>): Record<string, unknown> | undefined {
  const em = i.embedded;
  if (i.type === null && i.code === null && em === null) return undefined;
  return {
    type: i.type ?? undefined,
    code: i.code ?? undefined,
    embedded: em === null ? undefined : { src: endpoint(em.src.ip, em.src.port), dst: endpoint(em.dst.ip, em.dst.port), proto: em.proto },
  };
}

function maxSeverity(e: FirewallEvent): number {
  let s = 0;
  for (const a of e.annotations) if (a.severity > s) s = a.severity;
  return s;
}
