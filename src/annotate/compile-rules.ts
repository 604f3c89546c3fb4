// Rules of signatures/annotations.json -> Compiled records (compiled-rule.ts), once per
// annotator: conditions become bit masks and flattened port ranges, each rule gets its
// shared annotation and, for a detector rule, its own bounded state; then the per-port
// candidate lists (port-index.ts) that let a TCP or UDP packet visit only the rules its
// ports leave possible.

import type { KnowledgeBase, Lang, PortProtocol } from '../knowledge/types.js';
import { FLAG_BIT_OF } from '../parsers/fields.js';
import { ADDR_BROADCAST, ADDR_BROADCAST_OR_MULTICAST, ADDR_LIMITED_BROADCAST, ADDR_MULTICAST, ADDR_UNICAST } from './address.js';
import type { LabelBits } from './candidates.js';
import {
  ACTION_BIT,
  DIR_BIT,
  DIR_NULL,
  D_ACK,
  D_BACKSCATTER,
  D_HISTORY,
  D_LEFTOVER,
  D_NONE,
  D_RETRY,
  D_SPREAD,
  D_TRACEROUTE,
  K_DETECTOR,
  K_KB_PORT,
  K_KB_TROJAN,
  K_MATCH,
  K_SOURCE_PORT,
  type Compiled,
} from './compiled-rule.js';
import { AckSpread } from './detectors/ack-spread.js';
import { RetrySeries } from './detectors/retry-series.js';
import { ServiceSpread } from './detectors/service-spread.js';
import { SourceHistory } from './detectors/source-history.js';
import { makeAnnotation, type KbAnnotations } from './kb-annotations.js';
import { PortCandidates, type PortCondition } from './port-index.js';
import type { AnnotationRule, DetectorParamOverrides, PortRange } from './rules.js';

/** What compiling a rule reads besides the rule. */
export interface CompileContext {
  readonly kb: KnowledgeBase;
  readonly lang: Lang;
  /** Detector parameters this run sets over the rules' own. */
  readonly paramOverrides: DetectorParamOverrides;
  /** Cap of each detector's LRU. */
  readonly maxTracked: number;
}

const ADDR_CONDITION: Readonly<Record<string, number>> = {
  'limited-broadcast': ADDR_LIMITED_BROADCAST,
  broadcast: ADDR_BROADCAST,
  multicast: ADDR_MULTICAST,
  'broadcast-or-multicast': ADDR_BROADCAST_OR_MULTICAST,
  unicast: ADDR_UNICAST,
};

function flattenRanges(r: readonly PortRange[] | null): Int32Array | null {
  if (!r) return null;
  const a = new Int32Array(r.length * 2);
  r.forEach(([from, to], i) => {
    a[2 * i] = from;
    a[2 * i + 1] = to;
  });
  return a;
}

/** The ports 0-65535 outside these flattened ranges, flattened. */
function complement(ranges: Int32Array): number[] {
  const sorted: [number, number][] = [];
  for (let i = 0; i < ranges.length; i += 2) sorted.push([ranges[i]!, ranges[i + 1]!]);
  sorted.sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  let next = 0;
  for (const [from, to] of sorted) {
    if (from > next) out.push(next, from - 1);
    next = Math.max(next, to + 1);
  }
  if (next <= 65535) out.push(next, 65535);
  return out;
}

function mask(values: readonly (string | null)[] | null, bits: Readonly<Record<string, number>>, nullBit = 0): number {
  if (!values) return 0;
  let m = 0;
  for (const v of values) m |= v === null ? nullBit : (bits[v] ?? 0);
  return m;
}

/** A rule that reads no port: the candidates of every protocol without ports (ICMP …). */
export function isProtoGeneric(c: Compiled): boolean {
  return c.dstPort === null && c.dstPortNot === null && c.srcPort === null && c.kind !== K_KB_PORT && c.kind !== K_KB_TROJAN && c.kind !== K_SOURCE_PORT;
}

export function compileRule(r: AnnotationRule, order: number, ctx: CompileContext): Compiled {
  const kind = { match: K_MATCH, 'kb-port': K_KB_PORT, 'kb-trojan': K_KB_TROJAN, 'source-port': K_SOURCE_PORT, detector: K_DETECTOR }[r.kind];
  const detector = r.detector === null ? D_NONE : { 'dialup-leftover': D_LEFTOVER, retry: D_RETRY, backscatter: D_BACKSCATTER, traceroute: D_TRACEROUTE, 'source-history': D_HISTORY, 'service-spread': D_SPREAD, 'ack-spread': D_ACK }[r.detector];
  const portish = r.dstPort !== null || r.dstPortNot !== null || r.srcPort !== null || kind === K_KB_PORT || kind === K_KB_TROJAN || kind === K_SOURCE_PORT;
  // A rule about ports is a rule about TCP/UDP: ICMP has no ports.
  const protos = r.proto ?? (portish ? ['tcp', 'udp'] : null);
  const params = r.detector !== null && ctx.paramOverrides[r.detector] ? { ...r.params, ...ctx.paramOverrides[r.detector] } : r.params;
  const max = ctx.maxTracked;
  return {
    rule: r,
    id: r.id,
    order,
    kind,
    detector,
    annotation: makeAnnotation(r.id, r.severity, r.text[ctx.lang], r.ref),
    protos,
    dstPort: flattenRanges(r.dstPort),
    dstPortNot: flattenRanges(r.dstPortNot),
    srcPort: flattenRanges(r.srcPort),
    addrMask: r.dstAddr === null ? 0 : ADDR_CONDITION[r.dstAddr]!,
    dirMask: mask(r.direction, DIR_BIT, DIR_NULL),
    actionMask: mask(r.action, ACTION_BIT),
    icmpTypes: r.icmpType,
    icmpCodesNot: r.icmpCodeNot,
    quotesDestination: r.quotesDestination,
    quotedSourceUnknown: r.quotedSourceUnknown,
    inside: r.inside,
    flagsAny: mask(r.tcpFlagsAny, FLAG_BIT_OF),
    flagsAll: mask(r.tcpFlagsAll, FLAG_BIT_OF),
    flagsNone: mask(r.tcpFlagsNone, FLAG_BIT_OF),
    ruleContains: r.ruleContains,
    ruleIs: r.ruleIs,
    format: r.format,
    suppressedBy: r.suppressedBy,
    categories: r.categories,
    fallback: r.fallback,
    params,
    kbCache: kind === K_KB_PORT || kind === K_KB_TROJAN ? { index: [new Int32Array(65536), new Int32Array(65536)], built: [] } : null,
    retry: detector === D_RETRY ? new RetrySeries(params, max) : null,
    history: detector === D_HISTORY ? new SourceHistory(r.history ?? [], params.windowMs as number, max) : null,
    spread: detector === D_SPREAD ? new ServiceSpread(params, max, ctx.kb) : null,
    ackSpread: detector === D_ACK ? new AckSpread(params, max) : null,
  };
}

/**
 * Source-port meanings the knowledge base has but annotations.json does not: still
 * emitted (with the entry's own text), after the file's source-port rules.
 */
function syntheticSourceRules(rules: readonly AnnotationRule[], ctx: CompileContext): Compiled[] {
  const known = new Set(rules.filter((r) => r.kind === 'source-port').map((r) => r.id));
  const last = rules.reduce((m, r) => (r.kind === 'source-port' ? Math.max(m, r.order) : m), rules.length);
  const out: Compiled[] = [];
  for (const entry of ctx.kb.sourceEntries) {
    if (known.has(entry.annotation)) continue;
    known.add(entry.annotation);
    const rule: AnnotationRule = {
      id: entry.annotation,
      name: entry.name,
      kind: 'source-port',
      severity: entry.severity,
      severityMax: null,
      // Only the file's rules have a role: a meaning known just to source-ports.json is listed, not read as a reply.
      role: null,
      label: null,
      ref: entry.source,
      text: entry.text,
      alsoText: null,
      when: null,
      proto: null,
      dstPort: null,
      dstPortNot: null,
      srcPort: null,
      dstAddr: null,
      direction: ['in', 'forward', null],
      action: null,
      icmpType: null,
      icmpCodeNot: null,
      quotesDestination: false,
      quotedSourceUnknown: false,
      inside: false,
      tcpFlagsAny: null,
      tcpFlagsAll: null,
      tcpFlagsNone: null,
      ruleContains: null,
      ruleIs: null,
      format: null,
      suppressedBy: null,
      categories: null,
      fallback: false,
      saidByPortName: false,
      detector: null,
      params: {},
      history: null,
      order: last + 0.5 + out.length / 1000,
    };
    out.push(compileRule(rule, rule.order, ctx));
  }
  return out;
}

/** The rule set and the knowledge base's extra source-port meanings, compiled, in evaluation order. */
export function compileRules(rules: readonly AnnotationRule[], ctx: CompileContext): Compiled[] {
  const compiled = rules.map((r) => compileRule(r, r.order, ctx));
  compiled.push(...syntheticSourceRules(rules, ctx));
  compiled.sort((a, b) => a.order - b.order);
  return compiled;
}

/**
 * [tcp, udp]: the candidate rules by destination and source port. No event visits a rule
 * whose port conditions it fails: the knowledge-base rules only where the knowledge base
 * has something to say (most probed ports have no entry, and most that have one are not a
 * trojan's), the source-port rules only from the ports they read.
 */
export function portCandidates(
  compiled: readonly Compiled[],
  kb: KnowledgeBase,
  kbTexts: KbAnnotations,
  labels: LabelBits,
): [PortCandidates<Compiled>, PortCandidates<Compiled>] {
  const portProtos: PortProtocol[] = ['tcp', 'udp'];
  const [tcp, udp] = portProtos.map((p) => {
    const rules = compiled.filter((c) => c.protos === null || c.protos.includes(p));
    const dst: PortCondition<Compiled>[] = [];
    const src: PortCondition<Compiled>[] = [];
    const kbPorts = kbTexts.ports(p);
    // The four trojan twins (and port-known's) name the same ports: found once.
    const kbRanges = new Map<string, number[]>();
    const kbSaysFor = (c: Compiled) => {
      const key = `${c.kind} ${c.categories?.join(' ')}`;
      let r = kbRanges.get(key);
      if (r === undefined) kbRanges.set(key, (r = kbPorts.filter((port) => kbTexts.says(c, p, port)).flatMap((port) => [port, port])));
      return r;
    };
    for (const c of rules) {
      if (c.dstPort !== null) dst.push({ rule: c, ranges: c.dstPort });
      if (c.dstPortNot !== null) dst.push({ rule: c, ranges: complement(c.dstPortNot) });
      if (c.srcPort !== null) src.push({ rule: c, ranges: c.srcPort });
      if (c.kind === K_KB_PORT || c.kind === K_KB_TROJAN) dst.push({ rule: c, ranges: kbSaysFor(c) });
      if (c.kind === K_SOURCE_PORT) {
        src.push({ rule: c, ranges: kb.sourceEntries.filter((x) => x.annotation === c.id && x.protocols.includes(p)).flatMap((x) => [x.from, x.to]) });
      }
    }
    return new PortCandidates(rules, dst, src, labels);
  });
  return [tcp!, udp!];
}
