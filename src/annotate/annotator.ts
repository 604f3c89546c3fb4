// The annotator: appends interpretations to each event. Rules come from
// signatures/annotations.json (rules.ts) and are compiled once into per-port candidate
// lists, so an event costs one array lookup plus a few field checks per candidate.
// Annotation objects are built once per rule (or once per port for knowledge-base
// texts) and shared between events; the hot path allocates only for the few
// stateful keys it has to remember.
//
// State (all bounded by maxTracked through LRUs, expired by event time):
//   - outbound destinations this host contacted (backscatter),
//   - local destination addresses per interface and when each appeared (dialup-leftover),
//   - per (source, destination) retry series (powwow-retry, sub7-retry),
//   - per (source, destination) traceroute sessions (sessions()).
//
// Time: e.time, else the kernel uptime stamp (dmesg), else none. Without a clock the
// windows cannot be measured: dialup-leftover and the retry detectors stay silent for
// such events (we would rather miss an explanation than invent one), traceroute
// sessions are not split by gaps, and contacted hosts expire only through the cap.

import { messages } from '../i18n/messages.js';
import type { Annotation, FirewallEvent, Severity } from '../event.js';
import type { KnowledgeBase, Lang, PortEntry, PortProtocol, SourcePortEntry } from '../knowledge/types.js';
import {
  ADDR_BROADCAST,
  ADDR_BROADCAST_OR_MULTICAST,
  ADDR_LIMITED_BROADCAST,
  ADDR_MULTICAST,
  ADDR_UNICAST,
  classifyAddress,
} from './address.js';
import { flat } from '../util/flat-string.js';
import { CandidateList, LabelBits, NO_FLAGS } from './candidates.js';
import { PortCandidates, type PortCondition } from './port-index.js';
import { FLAG_BIT_OF, flagBits } from '../parsers/fields.js';
import { isEgress } from '../util/egress.js';
import { Lru } from './lru.js';
import { malwareVars } from './malware-name.js';
import { DETECTOR_PARAMS, loadAnnotationRules, type AnnotationRule, type AnnotationRuleSet, type DetectorName, type DetectorParamOverrides, type PortRange } from './rules.js';

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

/** One traceroute run seen from a source towards one target. */
export interface TracerouteSession {
  src: string;
  dst: string;
  first: Date | null;
  last: Date | null;
  probes: number;
  minPort: number;
  maxPort: number;
  /** Every probe's port was >= the previous one's (how traceroute counts up). */
  rising: boolean;
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

const K_MATCH = 0;
const K_KB_PORT = 1;
const K_KB_TROJAN = 2;
const K_SOURCE_PORT = 3;
const K_DETECTOR = 4;
const D_NONE = 0;
const D_LEFTOVER = 1;
const D_RETRY = 2;
const D_BACKSCATTER = 3;
const D_TRACEROUTE = 4;
const D_HISTORY = 5;
const D_SPREAD = 6;
const D_ACK = 7;

const DIR_BIT: Readonly<Record<string, number>> = { in: 1, out: 2, forward: 4 };
const DIR_NULL = 8;
const ACTION_BIT: Readonly<Record<string, number>> = { drop: 1, reject: 2, allow: 4, other: 8 };

const ADDR_CONDITION: Readonly<Record<string, number>> = {
  'limited-broadcast': ADDR_LIMITED_BROADCAST,
  broadcast: ADDR_BROADCAST,
  multicast: ADDR_MULTICAST,
  'broadcast-or-multicast': ADDR_BROADCAST_OR_MULTICAST,
  unicast: ADDR_UNICAST,
};

/** How often (in events) expired state is swept out. */
const SWEEP_EVERY = 4096;
/** Interfaces tracked for dialup-leftover; addresses per interface get maxTracked / this. */
const MAX_IFACES = 16;
const MAX_OTHER_PROTOS = 512;
const MAX_ALSO_NAMES = 5;

interface Compiled {
  readonly rule: AnnotationRule;
  readonly id: string;
  readonly order: number;
  readonly kind: number;
  readonly detector: number;
  /** Shared annotation for rules whose text does not depend on the event. */
  readonly annotation: Annotation;
  readonly protos: readonly string[] | null;
  readonly dstPort: Int32Array | null;
  readonly dstPortNot: Int32Array | null;
  readonly srcPort: Int32Array | null;
  readonly addrMask: number;
  readonly dirMask: number;
  readonly actionMask: number;
  readonly icmpTypes: readonly number[] | null;
  readonly icmpCodesNot: readonly number[] | null;
  readonly quotesDestination: boolean;
  readonly quotedSourceUnknown: boolean;
  readonly flagsAny: number;
  readonly flagsAll: number;
  readonly flagsNone: number;
  readonly ruleContains: readonly string[] | null;
  readonly ruleIs: readonly string[] | null;
  readonly format: readonly string[] | null;
  readonly suppressedBy: readonly string[] | null;
  readonly categories: readonly string[] | null;
  readonly fallback: boolean;
  readonly params: Readonly<Record<string, number | boolean>>;
  /** kb-* kinds: annotations built lazily per protocol and port (KbCache). */
  readonly kbCache: KbCache | null;
  readonly retry: Lru<string, RetryState> | null;
  /** source-history: source address -> when it last got one of rule.history's ids. */
  readonly history: Lru<string, number> | null;
  /** service-spread: source address -> the service ports it reached. */
  readonly spread: Lru<string, SpreadState> | null;
  /** ack-spread: source address -> the ports and hosts its bare ACKs reached. */
  readonly ackSpread: Lru<string, AckState> | null;
}

interface AckState {
  /** Distinct destination ports and hosts reached, up to params.minPorts / params.minHosts. */
  ports: number[];
  hosts: string[];
  first: number;
  /** When the detector last fired for the source; null: not yet. */
  fired: number | null;
}

interface SpreadState {
  /** Distinct known service ports reached, up to params.minPorts. */
  ports: number[];
  /** When the first of them came. */
  first: number;
  /** When the detector last fired for the source; null: not yet. */
  fired: number | null;
}

/**
 * [tcp, udp] -> per port: 0 not built yet, -1 nothing to say, k: built[k - 1]. Typed
 * arrays of indexes rather than 65,536-slot arrays of annotations (0.5 MB each on the
 * heap): pages of ports never seen are never touched.
 */
interface KbCache {
  readonly index: [Int32Array, Int32Array];
  readonly built: Annotation[];
}

interface RetryState {
  last: number;
  prevInterval: number;
  attempts: number;
  regularRun: number;
}

interface LocalAddr {
  since: number;
  lastSeen: number;
}

interface IfaceState {
  current: string | null;
  currentAddr: LocalAddr | null;
  addrs: Lru<string, LocalAddr>;
}

interface SessionState {
  src: string;
  dst: string;
  first: Date | null;
  last: Date | null;
  firstMs: number;
  lastMs: number;
  probes: number;
  minPort: number;
  maxPort: number;
  lastPort: number;
  rising: boolean;
}

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

const HAN = /[\u3400-\u9fff]/;
const LATIN_EDGE = /[A-Za-z0-9]/;

/**
 * `{name}` … filled in. Where a value starting or ending in Latin letters or digits meets a
 * Chinese character of the template, a space goes between, as the Chinese texts write
 * them: “发往{malware}” reads “发往 Sub-7（木马）” but “发往冰河（木马）”.
 */
function fill(template: string, vars: Readonly<Record<string, string>>): string {
  const filled = template.replace(/\{(\w+)\}/g, (whole: string, k: string, at: number) => {
    const v = vars[k];
    if (v === undefined) return whole;
    const before = at > 0 && HAN.test(template[at - 1]!) && LATIN_EDGE.test(v.charAt(0)) ? ' ' : '';
    const next = template.charAt(at + whole.length);
    const after = next !== '' && HAN.test(next) && LATIN_EDGE.test(v.charAt(v.length - 1)) ? ' ' : '';
    return before + v + after;
  });
  // "the port of the {malware}" with a name that brings its own article ("The Spy trojan").
  return filled.replace(/\bthe (?=The )/g, '');
}

function makeAnnotation(id: string, severity: Severity, text: string, ref: string): Annotation {
  return Object.freeze({ id, severity, text, ref });
}

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

/** Whether `t` is within `w` ms after `since`. Without a clock on either side the order of the log is all there is: the window stays open. */
function withinWindow(t: number, since: number, w: number): boolean {
  return t !== t || since !== since || t - since <= w;
}

class AnnotatorImpl implements Annotator {
  private readonly lang: Lang;
  private readonly window: number;
  private readonly maxTracked: number;
  private readonly paramOverrides: DetectorParamOverrides;
  /** [tcp, udp]: the candidate rules by destination and source port (port-index.ts). */
  private readonly byPorts: [PortCandidates<Compiled>, PortCandidates<Compiled>];
  private readonly generalOther: Compiled[];
  private readonly otherCache = new Map<string, CandidateList<Compiled>>();
  private readonly labels: LabelBits;
  private readonly fallbackIds = new Set<string>();

  // Detector state.
  private readonly contacts: Lru<string, number>;
  private outboundSeen = false;
  private readonly ifaces: Lru<string, IfaceState>;
  private lastIface: IfaceState | null = null;
  private lastIfaceName = '';
  private readonly active: Lru<string, SessionState>;
  private readonly completed: SessionState[] = [];
  private completedDropped = 0;
  private readonly sessionGapMs: number;
  private readonly maxSessions: number;
  private readonly contactTtlMs: number;
  private readonly retryDetectors: Compiled[] = [];
  private readonly historyDetectors: Compiled[] = [];
  private readonly spreadDetectors: Compiled[] = [];
  private readonly ackDetectors: Compiled[] = [];
  /** Every id a source-history detector remembers sources by. */
  private readonly historyIds: ReadonlySet<string>;
  private readonly usesContacts: boolean;
  private readonly usesLocal: boolean;
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
    this.lang = options.lang;
    this.window = options.leftoverWindowMs ?? DEFAULT_LEFTOVER_WINDOW_MS;
    this.maxTracked = options.maxTracked ?? DEFAULT_MAX_TRACKED;
    if (!(this.window >= 0)) throw new RangeError(`leftoverWindowMs must be >= 0, got ${options.leftoverWindowMs}`);
    this.paramOverrides = options.detectorParams ?? {};
    for (const [detector, params] of Object.entries(this.paramOverrides) as [DetectorName, Readonly<Record<string, number | boolean>>][]) {
      for (const [k, v] of Object.entries(params)) {
        if (typeof v !== DETECTOR_PARAMS[detector]?.[k]) throw new RangeError(`detectorParams: ${detector} has no ${typeof v} parameter ${k}`);
      }
    }
    const ruleSet = options.rules ?? loadAnnotationRules();

    const compiled = ruleSet.rules.map((r) => this.compile(r, r.order));
    compiled.push(...this.syntheticSourceRules(ruleSet.rules));
    compiled.sort((a, b) => a.order - b.order);
    for (const c of compiled) if (c.kind === K_SOURCE_PORT && c.fallback) this.fallbackIds.add(c.id);

    // Candidate index: a TCP or UDP packet's rules are looked up by its two ports
    // (port-index.ts), so no event visits a rule whose port conditions it fails: the
    // knowledge-base rules only where the knowledge base has something to say (most
    // probed ports have no entry, and most that have one are not a trojan's), the
    // source-port rules only from the ports they read. Other protocols have no ports.
    this.labels = new LabelBits(compiled);
    const portProtos: PortProtocol[] = ['tcp', 'udp'];
    const [tcp, udp] = portProtos.map((p) => {
      const rules = compiled.filter((c) => c.protos === null || c.protos.includes(p));
      const dst: PortCondition<Compiled>[] = [];
      const src: PortCondition<Compiled>[] = [];
      const kbPorts = this.kbPorts(p);
      // The four trojan twins (and port-known's) name the same ports: found once.
      const kbRanges = new Map<string, number[]>();
      const kbSaysFor = (c: Compiled) => {
        const key = `${c.kind} ${c.categories?.join(' ')}`;
        let r = kbRanges.get(key);
        if (r === undefined) kbRanges.set(key, (r = kbPorts.filter((port) => this.kbSays(c, p, port)).flatMap((port) => [port, port])));
        return r;
      };
      for (const c of rules) {
        if (c.dstPort !== null) dst.push({ rule: c, ranges: c.dstPort });
        if (c.dstPortNot !== null) dst.push({ rule: c, ranges: complement(c.dstPortNot) });
        if (c.srcPort !== null) src.push({ rule: c, ranges: c.srcPort });
        if (c.kind === K_KB_PORT || c.kind === K_KB_TROJAN) dst.push({ rule: c, ranges: kbSaysFor(c) });
        if (c.kind === K_SOURCE_PORT) {
          src.push({ rule: c, ranges: this.kb.sourceEntries.filter((x) => x.annotation === c.id && x.protocols.includes(p)).flatMap((x) => [x.from, x.to]) });
        }
      }
      return new PortCandidates(rules, dst, src, this.labels);
    });
    this.byPorts = [tcp!, udp!];
    this.generalOther = compiled.filter(isProtoGeneric);

    const det = (d: number) => compiled.filter((c) => c.detector === d);
    const backscatter = det(D_BACKSCATTER);
    const traceroute = det(D_TRACEROUTE);
    this.usesContacts = backscatter.length > 0;
    this.usesLocal = det(D_LEFTOVER).length > 0;
    this.contactTtlMs = Math.max(0, ...backscatter.map((c) => c.params.contactTtlMs as number));
    this.sessionGapMs = traceroute.length ? (traceroute[0]!.params.sessionGapMs as number) : 0;
    this.maxSessions = traceroute.length ? (traceroute[0]!.params.maxSessions as number) : 0;
    this.retryDetectors = det(D_RETRY);
    this.historyDetectors = det(D_HISTORY);
    this.historyIds = new Set(this.historyDetectors.flatMap((c) => c.rule.history ?? []));
    this.spreadDetectors = det(D_SPREAD);
    this.ackDetectors = det(D_ACK);
    this.contacts = new Lru(this.maxTracked);
    this.ifaces = new Lru(MAX_IFACES);
    this.active = new Lru(this.maxTracked);
  }

  private compile(r: AnnotationRule, order: number): Compiled {
    const kind = { match: K_MATCH, 'kb-port': K_KB_PORT, 'kb-trojan': K_KB_TROJAN, 'source-port': K_SOURCE_PORT, detector: K_DETECTOR }[r.kind];
    const detector = r.detector === null ? D_NONE : { 'dialup-leftover': D_LEFTOVER, retry: D_RETRY, backscatter: D_BACKSCATTER, traceroute: D_TRACEROUTE, 'source-history': D_HISTORY, 'service-spread': D_SPREAD, 'ack-spread': D_ACK }[r.detector];
    const portish = r.dstPort !== null || r.dstPortNot !== null || r.srcPort !== null || kind === K_KB_PORT || kind === K_KB_TROJAN || kind === K_SOURCE_PORT;
    // A rule about ports is a rule about TCP/UDP: ICMP has no ports.
    const protos = r.proto ?? (portish ? ['tcp', 'udp'] : null);
    return {
      rule: r,
      id: r.id,
      order,
      kind,
      detector,
      annotation: makeAnnotation(r.id, r.severity, r.text[this.lang], r.ref),
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
      flagsAny: mask(r.tcpFlagsAny, FLAG_BIT_OF),
      flagsAll: mask(r.tcpFlagsAll, FLAG_BIT_OF),
      flagsNone: mask(r.tcpFlagsNone, FLAG_BIT_OF),
      ruleContains: r.ruleContains,
      ruleIs: r.ruleIs,
      format: r.format,
      suppressedBy: r.suppressedBy,
      categories: r.categories,
      fallback: r.fallback,
      params: r.detector !== null && this.paramOverrides[r.detector] ? { ...r.params, ...this.paramOverrides[r.detector] } : r.params,
      kbCache: kind === K_KB_PORT || kind === K_KB_TROJAN ? { index: [new Int32Array(65536), new Int32Array(65536)], built: [] } : null,
      retry: detector === D_RETRY ? new Lru<string, RetryState>(this.maxTracked) : null,
      history: detector === D_HISTORY ? new Lru<string, number>(this.maxTracked) : null,
      spread: detector === D_SPREAD ? new Lru<string, SpreadState>(this.maxTracked) : null,
      ackSpread: detector === D_ACK ? new Lru<string, AckState>(this.maxTracked) : null,
    };
  }

  /**
   * Source-port meanings the knowledge base has but annotations.json does not: still
   * emitted (with the entry's own text), after the file's source-port rules.
   */
  private syntheticSourceRules(rules: readonly AnnotationRule[]): Compiled[] {
    const known = new Set(rules.filter((r) => r.kind === 'source-port').map((r) => r.id));
    const last = rules.reduce((m, r) => (r.kind === 'source-port' ? Math.max(m, r.order) : m), rules.length);
    const out: Compiled[] = [];
    for (const entry of this.kb.sourceEntries) {
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
      out.push(this.compile(rule, rule.order));
    }
    return out;
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
      this.outboundSeen = true;
      if (this.usesContacts && e.dst.ip !== null) this.contacts.set(e.dst.ip, t);
    } else if (this.usesLocal && e.direction === 'in' && e.dst.ip !== null && t === t && this.addr(e) === ADDR_UNICAST) {
      this.curLocalSince = this.observeLocal(e.inIface ?? '', e.dst.ip, t);
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
          a = this.kbAnnotation(c, pi, e.dst.port);
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
    if (this.historyDetectors.length > 0 && e.annotations.length > 0) this.remember(e, t);
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

  // ---- knowledge base --------------------------------------------------------

  /** Every port the knowledge base has an entry for (~1,300 of both protocols in all). */
  private kbPorts(p: PortProtocol): number[] {
    const ports = new Set<number>();
    for (const x of this.kb.entries) if (x.protocols.includes(p)) for (let port = x.from; port <= x.to; port++) ports.add(port);
    return [...ports];
  }

  /** Whether kbAnnotation can give `c` an annotation for this port: the same test, without building its text. */
  private kbSays(c: Compiled, p: PortProtocol, port: number): boolean {
    const best = this.kb.lookup(p, port)[0];
    return best !== undefined && (c.kind === K_KB_PORT || c.categories!.includes(best.category));
  }

  private kbAnnotation(c: Compiled, pi: number, port: number | null): Annotation | null {
    if (pi < 0 || port === null || port < 0 || port > 65535) return null;
    const cache = c.kbCache!;
    const index = cache.index[pi]!;
    const k = index[port]!;
    if (k > 0) return cache.built[k - 1]!;
    if (k < 0) return null;
    const entries = this.kb.lookup(pi === 0 ? 'tcp' : 'udp', port);
    const a = c.kind === K_KB_PORT ? this.buildPortKnown(c, entries) : this.buildTrojan(c, entries);
    index[port] = a === null ? -1 : cache.built.push(a);
    return a;
  }

  private buildPortKnown(c: Compiled, entries: readonly PortEntry[]): Annotation | null {
    const best = entries[0];
    if (best === undefined) return null;
    const lang = this.lang;
    let text = fill(c.rule.text[lang], this.entryVars(best));
    const others = uniqueNames(entries.slice(1).map((x) => x.name[lang]), best.name[lang], lang);
    if (others.length > 0 && c.rule.alsoText) text += fill(c.rule.alsoText[lang], { names: others });
    return makeAnnotation(c.id, entrySeverity(c.rule, best), text, best.source || c.rule.ref);
  }

  private buildTrojan(c: Compiled, entries: readonly PortEntry[]): Annotation | null {
    const cats = c.categories!;
    // Only when malware is the port's primary meaning: 80 also hosts old trojans, but
    // a probe of 80 is a web probe, and tagging it would drown the real ones.
    const best = entries[0];
    if (best === undefined || !cats.includes(best.category)) return null;
    const malware = entries.filter((x) => cats.includes(x.category));
    const lang = this.lang;
    const vars = this.entryVars(best);
    let text = fill(c.rule.text[lang], vars);
    const others = uniqueNames(malware.slice(1).map((x) => x.family?.[lang] ?? x.name[lang]), vars.family!, lang);
    if (others.length > 0 && c.rule.alsoText) text += fill(c.rule.alsoText[lang], { names: others });
    return makeAnnotation(c.id, entrySeverity(c.rule, best), text, best.source || c.rule.ref);
  }

  private entryVars(x: PortEntry): Record<string, string> {
    const cat = this.kb.category(x.category);
    const catName = cat ? cat.name : { en: x.category, zh: x.category };
    const name = x.name[this.lang];
    return {
      name,
      text: x.text[this.lang],
      family: x.family?.[this.lang] ?? name,
      category: catName[this.lang],
      // The variant ("old default", "keylogger") is cut from the English name and then
      // translated word by word (malware-name.ts), so it gets the English name; without a
      // family the entry's own name, in each language, names the malware ("pcserver 后门").
      ...malwareVars(x.name.en, x.family ?? x.name, catName, this.lang),
    };
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

  // ---- detectors -------------------------------------------------------------

  private detect(c: Compiled, e: FirewallEvent, t: number): boolean {
    switch (c.detector) {
      case D_LEFTOVER: {
        const since = this.curLocalSince;
        return since === since && t - since <= this.window;
      }
      case D_RETRY:
        return this.retry(c, e, t);
      case D_BACKSCATTER: {
        const dp = e.dst.port;
        const src = e.src.ip;
        if (dp === null || dp < (c.params.minDstPort as number) || src === null) return false;
        if (c.params.requireOutboundSeen === true && !this.outboundSeen) return false;
        const seen = this.contacts.peek(src);
        if (seen === undefined) return true;
        // Without a clock on either side we cannot expire the contact: trust it.
        return t - seen > this.contactTtlMs;
      }
      case D_TRACEROUTE:
        this.traceroute(e, t);
        return true;
      case D_HISTORY: {
        const src = e.src.ip;
        const seen = src === null ? undefined : c.history!.peek(src);
        if (seen === undefined) return false;
        // Without a clock on either side the order of the log is all there is: trust it.
        return t !== t || seen !== seen || t - seen <= (c.params.windowMs as number);
      }
      case D_SPREAD:
        return this.spread(c, e, t);
      case D_ACK:
        return this.ackSpread(c, e, t);
      default:
        return false;
    }
  }

  /**
   * Whether the source has reached params.minPorts distinct service ports (known to the
   * knowledge base, up to params.maxDstPort) within params.windowMs; once it has, every
   * later event of the rule fires while they keep coming within the window.
   */
  private spread(c: Compiled, e: FirewallEvent, t: number): boolean {
    const src = e.src.ip;
    const dp = e.dst.port;
    if (src === null || dp === null) return false;
    const w = c.params.windowMs as number;
    let s = c.spread!.get(src);
    if (s !== undefined && s.fired !== null && withinWindow(t, s.fired, w)) {
      s.fired = t;
      return true;
    }
    if (dp > (c.params.maxDstPort as number) || !this.isServicePort(e.proto, dp)) return false;
    if (s === undefined || !withinWindow(t, s.first, w)) c.spread!.set(src, (s = { ports: [dp], first: t, fired: null }));
    else if (!s.ports.includes(dp)) s.ports.push(dp);
    if (s.ports.length < (c.params.minPorts as number)) return false;
    s.fired = t;
    return true;
  }

  /**
   * Whether the source's bare ACKs have reached params.minPorts distinct ports or
   * params.minHosts distinct hosts within params.windowMs (nmap -sA on one host, or on one
   * port across a network): a connection's late ACKs go to one host and port. Once it has,
   * every later event of the rule fires while they keep coming within the window.
   */
  private ackSpread(c: Compiled, e: FirewallEvent, t: number): boolean {
    const src = e.src.ip;
    if (src === null) return false;
    const w = c.params.windowMs as number;
    let s = c.ackSpread!.get(src);
    if (s !== undefined && s.fired !== null && withinWindow(t, s.fired, w)) {
      s.fired = t;
      return true;
    }
    if (s === undefined || !withinWindow(t, s.first, w)) c.ackSpread!.set(src, (s = { ports: [], hosts: [], first: t, fired: null }));
    const minPorts = c.params.minPorts as number;
    const minHosts = c.params.minHosts as number;
    const dp = e.dst.port;
    const dst = e.dst.ip;
    if (dp !== null && s.ports.length < minPorts && !s.ports.includes(dp)) s.ports.push(dp);
    if (dst !== null && s.hosts.length < minHosts && !s.hosts.includes(dst)) s.hosts.push(dst);
    if (s.ports.length < minPorts && s.hosts.length < minHosts) return false;
    s.fired = t;
    return true;
  }

  /**
   * A port the knowledge base names a service (or a trojan) for, not one it knows as a
   * client port (1024 and the like). Broadcast services count: unicast to SSDP or mDNS from
   * outside is a reflection probe.
   */
  private isServicePort(proto: string, port: number): boolean {
    if (proto !== 'tcp' && proto !== 'udp') return false;
    const best = this.kb.lookup(proto, port)[0];
    return best !== undefined && best.category !== 'dynamic';
  }

  /** Notes the source of an event that got one of a source-history detector's ids. */
  private remember(e: FirewallEvent, t: number): void {
    const src = e.src.ip;
    if (src === null) return;
    // Nearly every event has none of them: one lookup per annotation says so.
    const anns = e.annotations;
    let any = false;
    for (let i = 0; i < anns.length && !any; i++) any = this.historyIds.has(anns[i]!.id);
    if (!any) return;
    for (const c of this.historyDetectors) {
      const ids = c.rule.history!;
      for (let i = 0; i < ids.length; i++) {
        if (hasId(e.annotations, ids[i]!)) {
          c.history!.set(src, t);
          break;
        }
      }
    }
  }

  private observeLocal(iface: string, ip: string, t: number): number {
    // Nearly every inbound event hits the same interface and address as the one before;
    // answer those without touching the LRUs (a Map delete+set each).
    let st = this.lastIface;
    if (st === null || this.lastIfaceName !== iface) {
      st = this.ifaces.get(iface) ?? null;
      if (st === null) {
        st = { current: null, currentAddr: null, addrs: new Lru(Math.max(16, Math.floor(this.maxTracked / MAX_IFACES))) };
        this.ifaces.set(iface, st);
      }
      this.lastIface = st;
      this.lastIfaceName = iface;
    }
    if (st.current === ip && st.currentAddr !== null) {
      const a = st.currentAddr;
      if (t < a.since) a.since = t;
      if (t > a.lastSeen) a.lastSeen = t;
      return a.since;
    }
    let a = st.addrs.get(ip);
    if (a === undefined) {
      a = { since: t, lastSeen: t };
      st.addrs.set(ip, a);
    } else {
      // Back after being away longer than the window while another address was in
      // use: a new lease of an old address, so the previous holder's traffic starts over.
      if (st.current !== ip && t - a.lastSeen > this.window) a.since = t;
      else if (t < a.since) a.since = t; // input not in time order: it appeared earlier
      if (t > a.lastSeen) a.lastSeen = t;
    }
    st.current = flat(ip);
    st.currentAddr = a;
    return a.since;
  }

  private retry(c: Compiled, e: FirewallEvent, t: number): boolean {
    if (t !== t || e.src.ip === null) return false;
    const p = c.params;
    const key = e.src.ip + '>' + (e.dst.ip ?? '');
    const lru = c.retry!;
    let s = lru.get(key);
    if (s === undefined || t - s.last > (p.maxGapMs as number) || t < s.last) {
      s = { last: t, prevInterval: NaN, attempts: e.count, regularRun: 0 };
      lru.set(key, s);
    } else {
      const interval = t - s.last;
      // SYN retransmissions within a few seconds are the same attempt, not a new beat.
      if (interval < (p.minIntervalMs as number)) {
        s.attempts += e.count - 1;
      } else {
        const prev = s.prevInterval;
        const tol = Math.max(p.toleranceMs as number, (p.tolerance as number) * prev);
        s.regularRun = prev === prev && Math.abs(interval - prev) <= tol ? s.regularRun + 1 : 0;
        s.prevInterval = interval;
        s.last = t;
        s.attempts += e.count;
      }
    }
    if (s.attempts < (p.minAttempts as number)) return false;
    if (p.requireRegular !== true) return true;
    // n attempts at a steady beat = n-1 intervals, n-2 of them matching the one before.
    return s.regularRun >= (p.minAttempts as number) - 2;
  }

  private traceroute(e: FirewallEvent, t: number): void {
    const src = e.src.ip ?? '';
    const dst = e.dst.ip ?? '';
    const port = e.dst.port ?? 0;
    const key = src + '>' + dst;
    let s = this.active.get(key);
    if (s !== undefined && t - s.lastMs > this.sessionGapMs) {
      this.active.delete(key);
      this.complete(s);
      s = undefined;
    }
    if (s === undefined) {
      // Own copies: sessions outlive the event, and a substring would pin its whole input chunk.
      s = { src: flat(src), dst: flat(dst), first: e.time, last: e.time, firstMs: t, lastMs: t, probes: 0, minPort: port, maxPort: port, lastPort: port, rising: true };
      const evicted = this.active.set(key, s);
      if (evicted !== undefined) this.complete(evicted);
    }
    s.probes += e.count;
    if (t > s.lastMs || s.lastMs !== s.lastMs) {
      s.lastMs = t;
      s.last = e.time;
    }
    if (port < s.minPort) s.minPort = port;
    if (port > s.maxPort) s.maxPort = port;
    if (port < s.lastPort) s.rising = false;
    s.lastPort = port;
  }

  private complete(s: SessionState): void {
    if (this.maxSessions === 0) return;
    if (this.completed.length < this.maxSessions) {
      this.completed.push(s);
      return;
    }
    // Ring buffer: overwrite the oldest completed session (sessions() sorts anyway).
    this.completed[this.completedDropped % this.maxSessions] = s;
    this.completedDropped++;
  }

  private sweep(): void {
    const now = this.maxT;
    if (now !== now || now === -Infinity) return;
    const ttl = this.contactTtlMs;
    this.contacts.sweep((seen) => now - seen > ttl);
    for (const c of this.retryDetectors) {
      const gap = c.params.maxGapMs as number;
      c.retry!.sweep((s) => now - s.last > gap);
    }
    for (const c of this.historyDetectors) {
      const w = c.params.windowMs as number;
      c.history!.sweep((seen) => now - seen > w);
    }
    for (const c of this.spreadDetectors) {
      const w = c.params.windowMs as number;
      c.spread!.sweep((s) => now - (s.fired ?? s.first) > w);
    }
    for (const c of this.ackDetectors) {
      const w = c.params.windowMs as number;
      c.ackSpread!.sweep((s) => now - (s.fired ?? s.first) > w);
    }
    const gap = this.sessionGapMs;
    this.active.sweep(
      (s) => now - s.lastMs > gap,
      (s) => this.complete(s),
    );
    const w = this.window;
    for (const st of this.ifaces.values()) st.addrs.sweep((a, ip) => now - a.lastSeen > w && ip !== st.current);
  }

  sessions(): TracerouteSession[] {
    const all = [...this.completed, ...this.active.values()];
    all.sort((a, b) => {
      const fa = a.firstMs === a.firstMs ? a.firstMs : Infinity;
      const fb = b.firstMs === b.firstMs ? b.firstMs : Infinity;
      if (fa !== fb) return fa - fb;
      return a.src < b.src ? -1 : a.src > b.src ? 1 : a.dst < b.dst ? -1 : a.dst > b.dst ? 1 : 0;
    });
    return all.map((s) => ({
      src: s.src,
      dst: s.dst,
      first: s.first,
      last: s.last,
      probes: s.probes,
      minPort: s.minPort,
      maxPort: s.maxPort,
      rising: s.rising,
    }));
  }

  stats(): AnnotatorStats {
    let local = 0;
    let evicted = this.contacts.evicted + this.active.evicted + this.ifaces.evicted;
    for (const st of this.ifaces.values()) {
      local += st.addrs.size;
      evicted += st.addrs.evicted;
    }
    let retry = 0;
    for (const c of this.retryDetectors) {
      retry += c.retry!.size;
      evicted += c.retry!.evicted;
    }
    let history = 0;
    for (const c of this.historyDetectors) {
      history += c.history!.size;
      evicted += c.history!.evicted;
    }
    for (const c of this.spreadDetectors) {
      history += c.spread!.size;
      evicted += c.spread!.evicted;
    }
    for (const c of this.ackDetectors) {
      history += c.ackSpread!.size;
      evicted += c.ackSpread!.evicted;
    }
    return {
      events: this.events,
      contacted: this.contacts.size,
      localAddresses: local,
      retrySeries: retry,
      sourceHistory: history,
      tracerouteActive: this.active.size,
      tracerouteCompleted: this.completed.length,
      tracerouteDropped: this.completedDropped,
      evicted,
    };
  }
}

function isProtoGeneric(c: Compiled): boolean {
  return c.dstPort === null && c.dstPortNot === null && c.srcPort === null && c.kind !== K_KB_PORT && c.kind !== K_KB_TROJAN && c.kind !== K_SOURCE_PORT;
}

function uniqueNames(names: readonly string[], exclude: string, lang: Lang): string {
  const out: string[] = [];
  for (const n of names) if (n !== exclude && !out.includes(n)) out.push(n);
  // The language's list separator: Chinese names take the enumeration comma 、.
  const sep = messages(lang).listSep;
  if (out.length > MAX_ALSO_NAMES) return out.slice(0, MAX_ALSO_NAMES).join(sep) + sep + '…';
  return out.join(sep);
}

/** A kb-* rule's annotation severity: the entry's, raised to the rule's floor and held under its ceiling. */
function entrySeverity(r: AnnotationRule, entry: PortEntry): Severity {
  const s = maxSeverity(r.severity, entry.severity);
  return r.severityMax !== null && s > r.severityMax ? r.severityMax : s;
}

function maxSeverity(a: Severity, b: Severity): Severity {
  return a > b ? a : b;
}

/** Build an annotator over a loaded knowledge base; rules default to signatures/annotations.json. */
export function createAnnotator(kb: KnowledgeBase, options: AnnotatorOptions): Annotator {
  return new AnnotatorImpl(kb, options);
}
