// The annotator: appends interpretations to each event. Rules come from
// signatures/annotations.json (rules.ts) and are compiled once into per-port candidate
// lists (compile-rules.ts), so an event costs one array lookup plus a few field checks per
// candidate. Annotation objects are built once per rule (or once per port for
// knowledge-base texts, kb-annotations.ts) and shared between events; the hot path
// allocates only for the few stateful keys it has to remember.
//
// This module runs an event through its candidates and hands detector rules to their
// state (detectors/, all bounded by maxTracked through LRUs, expired by event time):
//   - outbound destinations this host contacted (backscatter.ts),
//   - local destination addresses per interface and when each appeared (dialup-leftover.ts),
//   - per (source, destination) retry series (retry-series.ts: powwow-retry, sub7-retry),
//   - per source: history ids, service ports, ACK ports and hosts (source-history.ts,
//     service-spread.ts, ack-spread.ts),
//   - per (source, destination) traceroute sessions (traceroute.ts, sessions()).
//
// Time: e.time, else the kernel uptime stamp (dmesg), else none. Without a clock the
// windows cannot be measured: dialup-leftover and the retry detectors stay silent for
// such events (we would rather miss an explanation than invent one), traceroute
// sessions are not split by gaps, and contacted hosts expire only through the cap.

import type { Annotation, FirewallEvent } from '../event.js';
import type { KnowledgeBase, Lang, SourcePortEntry } from '../knowledge/types.js';
import { ADDR_UNICAST, classifyAddress } from './address.js';
import { CandidateList, LabelBits, NO_FLAGS } from './candidates.js';
import {
  ACTION_BIT,
  DIR_BIT,
  DIR_NULL,
  D_ACK,
  D_BACKSCATTER,
  D_HISTORY,
  D_LEFTOVER,
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
import { compileRules, isProtoGeneric, portCandidates } from './compile-rules.js';
import type { AckSpread } from './detectors/ack-spread.js';
import { Backscatter } from './detectors/backscatter.js';
import { DialupLeftover } from './detectors/dialup-leftover.js';
import type { RetrySeries } from './detectors/retry-series.js';
import type { ServiceSpread } from './detectors/service-spread.js';
import { SourceHistories } from './detectors/source-history.js';
import { TracerouteSessions, type TracerouteSession } from './detectors/traceroute.js';
import { KbAnnotations } from './kb-annotations.js';
import type { PortCandidates } from './port-index.js';
import { flagBits } from '../parsers/fields.js';
import { betweenThisSide, isEgress } from '../util/egress.js';
import { DETECTOR_PARAMS, loadAnnotationRules, type AnnotationRuleSet, type DetectorName, type DetectorParamOverrides } from './rules.js';

export type { TracerouteSession } from './detectors/traceroute.js';

export interface AnnotatorOptions {
  lang: Lang;
  /** How long after a local address appears (or comes back) chat/game traffic counts as a leftover. Default 30 min. */
  leftoverWindowMs?: number;
  /** Hard cap on each tracked key set (LRU). Default 50 000. */
  maxTracked?: number;
  /** Rules to use instead of signatures/annotations.json (tests; --signatures does not reach the rules). */
  rules?: AnnotationRuleSet;
  /** Detector parameters this run sets over the rules' own (`--sweep-hosts`: ack-spread's minHosts). */
  detectorParams?: DetectorParamOverrides;
}

export interface AnnotatorStats {
  events: number;
  contacted: number;
  localAddresses: number;
  retrySeries: number;
  /** Sources the source-history, service-spread and ack-spread detectors remember. */
  sourceHistory: number;
  tracerouteActive: number;
  tracerouteCompleted: number;
  /** Sessions dropped because more than maxSessions completed. */
  tracerouteDropped: number;
  /** Keys dropped by an LRU cap (state lost before it expired). */
  evicted: number;
}

export interface Annotator {
  /** Append this event's annotations to e.annotations (in rule order). Events must come in log order. */
  annotate(e: FirewallEvent): void;
  /** Same as calling annotate() on each, in order. */
  annotateAll(events: Iterable<FirewallEvent>): void;
  /** Traceroute sessions seen so far (completed and active), ordered by start, source, target. */
  sessions(): TracerouteSession[];
  stats(): AnnotatorStats;
}

export const DEFAULT_LEFTOVER_WINDOW_MS = 30 * 60_000;
export const DEFAULT_MAX_TRACKED = 50_000;

/** How often (in events) expired state is swept out. */
const SWEEP_EVERY = 4096;
const MAX_OTHER_PROTOS = 512;

function hasId(list: readonly Annotation[], id: string): boolean {
  for (let i = 0; i < list.length; i++) if (list[i]!.id === id) return true;
  return false;
}

/**
 * The ICMP error quotes a packet sent from the address it is delivered to. Both addresses
 * come from the same line in the same spelling (the kernel writes IPv6 in full both times),
 * so the text compares.
 */
function quotesDestination(e: FirewallEvent): boolean {
  const quoted = e.icmp === null ? null : e.icmp.embedded;
  return quoted !== null && quoted.src.ip !== null && quoted.src.ip === e.dst.ip;
}

/** The log names no sender of a packet the ICMP message quotes: it quotes none, or leaves the source out. */
function quotedSourceUnknown(e: FirewallEvent): boolean {
  const quoted = e.icmp === null ? null : e.icmp.embedded;
  return quoted === null || quoted.src.ip === null;
}

function clock(e: FirewallEvent): number {
  if (e.time !== null) return e.time.getTime();
  if (e.uptime !== null) return e.uptime * 1000;
  return NaN;
}

class AnnotatorImpl implements Annotator {
  /** [tcp, udp]: the candidate rules by destination and source port (port-index.ts). */
  private readonly byPorts: [PortCandidates<Compiled>, PortCandidates<Compiled>];
  private readonly generalOther: Compiled[];
  private readonly otherCache = new Map<string, CandidateList<Compiled>>();
  private readonly labels: LabelBits;
  private readonly fallbackIds = new Set<string>();
  private readonly kbTexts: KbAnnotations;

  // Detector state: the detectors of every rule share these; the per-rule ones live on the rule (Compiled).
  private readonly backscatter: Backscatter;
  private readonly leftover: DialupLeftover;
  private readonly traceroute: TracerouteSessions;
  private readonly histories: SourceHistories;
  /** The per-rule detectors, for sweep() and stats(). */
  private readonly retries: RetrySeries[];
  private readonly spreads: ServiceSpread[];
  private readonly ackSpreads: AckSpread[];
  private readonly usesLocal: boolean;
  private readonly usesHistory: boolean;
  private maxT = -Infinity;
  private events = 0;

  // Per-event scratch, reset at the start of annotate() (fields, not closures).
  private curAddr = -1;
  /** DIR_BIT / ACTION_BIT of the event: looked up once, they pick the narrowed candidate list (candidates.ts). */
  private curDir = 0;
  private curAction = 0;
  private curLocalSince = NaN;
  private curSrc: readonly SourcePortEntry[] | null = null;
  private lastAddrIp: string | null = null;
  private lastAddrClass = 0;

  constructor(
    private readonly kb: KnowledgeBase,
    options: AnnotatorOptions,
  ) {
    const lang: Lang = options.lang;
    const window = options.leftoverWindowMs ?? DEFAULT_LEFTOVER_WINDOW_MS;
    const maxTracked = options.maxTracked ?? DEFAULT_MAX_TRACKED;
    if (!(window >= 0)) throw new RangeError(`leftoverWindowMs must be >= 0, got ${options.leftoverWindowMs}`);
    const paramOverrides = options.detectorParams ?? {};
    for (const [detector, params] of Object.entries(paramOverrides) as [DetectorName, Readonly<Record<string, number | boolean>>][]) {
      for (const [k, v] of Object.entries(params)) {
        if (typeof v !== DETECTOR_PARAMS[detector]?.[k]) throw new RangeError(`detectorParams: ${detector} has no ${typeof v} parameter ${k}`);
      }
    }
    const ruleSet = options.rules ?? loadAnnotationRules();

    const compiled = compileRules(ruleSet.rules, { kb, lang, paramOverrides, maxTracked });
    for (const c of compiled) if (c.kind === K_SOURCE_PORT && c.fallback) this.fallbackIds.add(c.id);

    // A TCP or UDP packet's rules are looked up by its two ports (compile-rules.ts,
    // port-index.ts); other protocols have no ports.
    this.kbTexts = new KbAnnotations(kb, lang);
    this.labels = new LabelBits(compiled);
    this.byPorts = portCandidates(compiled, kb, this.kbTexts, this.labels);
    this.generalOther = compiled.filter(isProtoGeneric);

    const det = (d: number) => compiled.filter((c) => c.detector === d);
    const backscatter = det(D_BACKSCATTER);
    const traceroute = det(D_TRACEROUTE);
    this.backscatter = new Backscatter(backscatter.length > 0, Math.max(0, ...backscatter.map((c) => c.params.contactTtlMs as number)), maxTracked);
    this.usesLocal = det(D_LEFTOVER).length > 0;
    this.leftover = new DialupLeftover(window, maxTracked);
    this.traceroute = new TracerouteSessions(
      traceroute.length ? (traceroute[0]!.params.sessionGapMs as number) : 0,
      traceroute.length ? (traceroute[0]!.params.maxSessions as number) : 0,
      maxTracked,
    );
    this.retries = det(D_RETRY).map((c) => c.retry!);
    const histories = det(D_HISTORY).map((c) => c.history!);
    this.usesHistory = histories.length > 0;
    this.histories = new SourceHistories(histories);
    this.spreads = det(D_SPREAD).map((c) => c.spread!);
    this.ackSpreads = det(D_ACK).map((c) => c.ackSpread!);
  }

  annotateAll(events: Iterable<FirewallEvent>): void {
    for (const e of events) this.annotate(e);
  }

  annotate(e: FirewallEvent): void {
    const t = clock(e);
    if (t > this.maxT) this.maxT = t;
    this.curAddr = -1;
    this.curDir = e.direction === null ? DIR_NULL : (DIR_BIT[e.direction] ?? 0);
    // A LAN machine's own connection through this router, or this host's own over loopback,
    // is read like this host's outbound traffic (util/egress.ts).
    if (e.direction !== 'out' && isEgress(e)) this.curDir = DIR_BIT.out!;
    this.curAction = ACTION_BIT[e.action] ?? 0;
    this.curLocalSince = NaN;
    this.curSrc = null;

    // Observe before judging, so the first event at a new address is inside its own window.
    if (e.direction === 'out') {
      this.backscatter.outbound(e.dst.ip, t);
    } else if (this.usesLocal && e.direction === 'in' && e.dst.ip !== null && t === t && this.addr(e) === ADDR_UNICAST) {
      this.curLocalSince = this.leftover.observe(e.inIface ?? '', e.dst.ip, t);
    }

    const proto = e.proto;
    let list: CandidateList<Compiled>;
    let pi = -1;
    if (proto === 'tcp') pi = 0;
    else if (proto === 'udp') pi = 1;
    if (pi >= 0) list = this.byPorts[pi]!.list(e.dst.port ?? -1, e.src.port ?? -1);
    else list = this.forProto(proto);

    const flags = e.tcpFlags === null ? NO_FLAGS : flagBits(e.tcpFlags);
    const candidates = list.for(this.curDir, this.curAction, flags, this.labels.maskOf(e.rule));
    for (let i = 0; i < candidates.length; i++) {
      const c = candidates[i]!;
      if (hasId(e.annotations, c.id)) continue;
      if (c.suppressedBy !== null && this.suppressed(e, c.suppressedBy)) continue;
      if (!this.conditions(c, e)) continue;
      let a: Annotation | null = null;
      switch (c.kind) {
        case K_MATCH:
          a = c.annotation;
          break;
        case K_KB_PORT:
        case K_KB_TROJAN:
          a = this.kbTexts.annotation(c, pi, e.dst.port);
          break;
        case K_SOURCE_PORT:
          a = this.sourcePort(c, pi, e) ? c.annotation : null;
          break;
        case K_DETECTOR:
          a = this.detect(c, e, t) ? c.annotation : null;
          break;
      }
      if (a !== null) this.add(e, a);
    }

    // After judging: an event's own readings count for the source's later events only.
    if (this.usesHistory && e.annotations.length > 0) this.histories.remember(e, t);
    if (++this.events % SWEEP_EVERY === 0) this.sweep();
  }

  private add(e: FirewallEvent, a: Annotation): void {
    // A parser may share one frozen empty array between events; never push into it.
    if (Object.isFrozen(e.annotations)) e.annotations = [...e.annotations];
    e.annotations.push(a);
  }

  private forProto(proto: string): CandidateList<Compiled> {
    let l = this.otherCache.get(proto);
    if (l === undefined) {
      l = new CandidateList(
        this.generalOther.filter((c) => c.protos === null || c.protos.includes(proto)),
        this.labels,
      );
      if (this.otherCache.size < MAX_OTHER_PROTOS) this.otherCache.set(proto, l);
    }
    return l;
  }

  private addr(e: FirewallEvent): number {
    if (this.curAddr < 0) {
      // Destinations repeat (it is mostly this host's own address): remember the last one.
      const ip = e.dst.ip;
      if (ip !== this.lastAddrIp) {
        this.lastAddrIp = ip;
        this.lastAddrClass = classifyAddress(ip);
      }
      this.curAddr = this.lastAddrClass;
    }
    return this.curAddr;
  }

  private suppressed(e: FirewallEvent, ids: readonly string[]): boolean {
    const anns = e.annotations;
    // Most events reach port-known and trojan (eight suppressing ids each) with nothing yet.
    if (anns.length === 0) return false;
    for (let i = 0; i < ids.length; i++) if (hasId(anns, ids[i]!)) return true;
    return false;
  }

  /** The conditions the candidate lists have not already settled (they have the ports, direction, action and TCP flags). */
  private conditions(c: Compiled, e: FirewallEvent): boolean {
    if (c.addrMask !== 0 && (this.addr(e) & c.addrMask) === 0) return false;
    if (c.icmpTypes !== null) {
      const type = e.icmp === null ? null : e.icmp.type;
      if (type === null || !c.icmpTypes.includes(type)) return false;
    }
    if (c.icmpCodesNot !== null) {
      const code = e.icmp === null ? null : e.icmp.code;
      if (code === null || c.icmpCodesNot.includes(code)) return false;
    }
    if (c.quotesDestination && !quotesDestination(e)) return false;
    if (c.quotedSourceUnknown && !quotedSourceUnknown(e)) return false;
    if (c.inside && !betweenThisSide(e)) return false;
    if (c.ruleContains !== null) {
      const label = e.rule;
      if (label === null) return false;
      let hit = false;
      for (let i = 0; i < c.ruleContains.length && !hit; i++) hit = label.includes(c.ruleContains[i]!);
      if (!hit) return false;
    }
    if (c.ruleIs !== null && (e.rule === null || !c.ruleIs.includes(e.rule))) return false;
    if (c.format !== null && !c.format.includes(e.format)) return false;
    return true;
  }

  private sourcePort(c: Compiled, pi: number, e: FirewallEvent): boolean {
    const sp = e.src.port;
    if (pi < 0 || sp === null || sp < 0 || sp > 65535) return false;
    let entries = this.curSrc;
    if (entries === null) entries = this.curSrc = this.kb.lookupSource(pi === 0 ? 'tcp' : 'udp', sp);
    let mine = false;
    let specific = false;
    for (let i = 0; i < entries.length; i++) {
      const id = entries[i]!.annotation;
      if (id === c.id) mine = true;
      else if (!this.fallbackIds.has(id)) specific = true;
    }
    // "Low source port" only when the port has no more specific meaning (53→53 is
    // ordinary DNS between servers, not a NAT oddity).
    return mine && !(c.fallback && specific);
  }

  /** A detector rule's verdict, from the state its detector keeps (detectors/). */
  private detect(c: Compiled, e: FirewallEvent, t: number): boolean {
    switch (c.detector) {
      case D_LEFTOVER:
        return this.leftover.covers(this.curLocalSince, t);
      case D_RETRY:
        return c.retry!.fires(e, t);
      case D_BACKSCATTER:
        return this.backscatter.fires(c.params, e, t);
      case D_TRACEROUTE:
        this.traceroute.probe(e, t);
        return true;
      case D_HISTORY:
        return c.history!.fires(e, t);
      case D_SPREAD:
        return c.spread!.fires(e, t);
      case D_ACK:
        return c.ackSpread!.fires(e, t);
      default:
        return false;
    }
  }

  /** Drops every detector's state that expired by the latest event time. */
  private sweep(): void {
    const now = this.maxT;
    if (now !== now || now === -Infinity) return;
    this.backscatter.sweep(now);
    for (const d of this.retries) d.sweep(now);
    for (const d of this.histories.detectors) d.sweep(now);
    for (const d of this.spreads) d.sweep(now);
    for (const d of this.ackSpreads) d.sweep(now);
    this.traceroute.sweep(now);
    this.leftover.sweep(now);
  }

  sessions(): TracerouteSession[] {
    return this.traceroute.sessions();
  }

  stats(): AnnotatorStats {
    let evicted = this.backscatter.evicted + this.traceroute.evicted + this.leftover.evicted;
    let retry = 0;
    for (const d of this.retries) {
      retry += d.size;
      evicted += d.evicted;
    }
    let history = 0;
    for (const d of [...this.histories.detectors, ...this.spreads, ...this.ackSpreads]) {
      history += d.size;
      evicted += d.evicted;
    }
    return {
      events: this.events,
      contacted: this.backscatter.size,
      localAddresses: this.leftover.size,
      retrySeries: retry,
      sourceHistory: history,
      tracerouteActive: this.traceroute.activeCount,
      tracerouteCompleted: this.traceroute.completedCount,
      tracerouteDropped: this.traceroute.dropped,
      evicted,
    };
  }
}

/** Build an annotator over a loaded knowledge base; rules default to signatures/annotations.json. */
export function createAnnotator(kb: KnowledgeBase, options: AnnotatorOptions): Annotator {
  return new AnnotatorImpl(kb, options);
}
