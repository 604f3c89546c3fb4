// The annotation rules as data (signatures/annotations.json) and their validation.
// The annotator evaluates a handful of rule kinds generically; adding a port-based
// interpretation is an edit of the JSON, not of code. Errors name the file and the
// rule (index and id), like the rest of signatures/ (SignatureError -> exit 2).

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Action, Direction, Severity } from '../event.js';
import type { LocalizedText } from '../knowledge/types.js';
import { SignatureError } from '../errors.js';
import { fsProblem } from '../input/problem.js';
import { formats } from '../parsers/registry.js';

export const ANNOTATIONS_SCHEMA_VERSION = 1;

/** Inclusive port range; a single port in the JSON becomes [p, p]. */
export type PortRange = readonly [number, number];

/**
 * match:       only the conditions below.
 * kb-port:     the destination port has knowledge-base entries (text built from them).
 * kb-trojan:   ... and the best of them is in `categories` (trojan, worm, backdoor).
 * source-port: kb.lookupSource() names this rule's id for the source port.
 * detector:    the conditions below, then a stateful detector decides.
 */
export type RuleKind = 'match' | 'kb-port' | 'kb-trojan' | 'source-port' | 'detector';
export type DetectorName = 'dialup-leftover' | 'retry' | 'backscatter' | 'traceroute' | 'source-history' | 'service-spread' | 'ack-spread';
export type AddressCondition = 'limited-broadcast' | 'broadcast' | 'multicast' | 'broadcast-or-multicast' | 'unicast';
/**
 * What the summary makes of an annotation beyond counting it (roles.ts): LAN noise, a
 * server's reply (or an ICMP error answering this side's own packet, or an ICMP echo or
 * other query's reply), a late packet of a connection already under way (ACK or RST, no
 * SYN: it opens nothing), a leftover for the
 * address's previous holder, this side's own traffic to a malware port or stopped by
 * egress rules, context shown by the ports table, a traceroute probe, a trojan probe.
 */
export const ANNOTATION_ROLES = ['noise', 'reply', 'error-reply', 'icmp-reply', 'late', 'leftover', 'outbound-malware', 'outbound-blocked', 'context', 'traceroute', 'trojan-probe'] as const;
export type AnnotationRole = (typeof ANNOTATION_ROLES)[number];
/** The roles that make a packet a reply to this side, not a probe: a server's reply, an ICMP error about a packet sent with this side's address, an echo or other query's reply. */
export const REPLY_ROLES: readonly AnnotationRole[] = ['reply', 'error-reply', 'icmp-reply'];
/** Roles whose finding names each annotation by a short label ("DNS/NTP server replies"). */
const LABELLED_ROLES: readonly AnnotationRole[] = ['reply', 'outbound-blocked', 'late'];

export interface AnnotationRule {
  readonly id: string;
  readonly kind: RuleKind;
  /** For kb-* kinds a floor: the entry's own severity wins when higher. */
  readonly severity: Severity;
  /** kb-* kinds: a ceiling for the entry's severity (a blocked probe of a port whose meaning is worse); null: none. */
  readonly severityMax: Severity | null;
  /** null: the annotation is counted and listed, nothing more. */
  readonly role: AnnotationRole | null;
  /**
   * What people read beside the id ("open-proxy hunt (proxy-hunt)" in a source's why line,
   * `explain`'s header): a few words, the same on every rule of the id.
   */
  readonly name: LocalizedText;
  /** The annotation's short name in its role's finding (LABELLED_ROLES only). */
  readonly label: LocalizedText | null;
  /** Seed file or "logscan"; kb-* kinds use the entry's source instead. */
  readonly ref: string;
  /** kb-* kinds: a template with {name} {text} {family} {category}. */
  readonly text: LocalizedText;
  /** kb-* kinds: appended when other entries share the port; {names}. */
  readonly alsoText: LocalizedText | null;
  /**
   * The situation this rule's text is for ("Stopped by the firewall (dropped or rejected)"),
   * which `explain ID` puts above it: given exactly when rules sharing the id have other texts.
   */
  readonly when: LocalizedText | null;
  /** Lowercase protocols; null = any (rules with ports: tcp and udp). */
  readonly proto: readonly string[] | null;
  readonly dstPort: readonly PortRange[] | null;
  readonly dstPortNot: readonly PortRange[] | null;
  readonly srcPort: readonly PortRange[] | null;
  readonly dstAddr: AddressCondition | null;
  /** null in the list stands for "direction unknown". */
  readonly direction: readonly (Direction | null)[] | null;
  readonly action: readonly Action[] | null;
  readonly icmpType: readonly number[] | null;
  /** ICMP codes the event's code must not be (those the types in icmpType define). */
  readonly icmpCodeNot: readonly number[] | null;
  /**
   * ICMP errors only: the packet the message quotes was sent from the logged destination
   * address, so the message answers that side's own packet (or one forged in its name).
   */
  readonly quotesDestination: boolean;
  /**
   * ICMP only: the log names no sender of a packet the message quotes (it quotes none, as
   * an ASA's 313001 or a Windows row, or leaves its source out, as pfSense's unreachport).
   */
  readonly quotedSourceUnknown: boolean;
  /**
   * Both addresses on this side and the destination unicast (util/egress.ts betweenThisSide):
   * a connection between two of this side's machines, which a port's reading says otherwise
   * than a probe from outside (`trojan` let through to DNP3's 20000 is most likely DNP3).
   */
  readonly inside: boolean;
  readonly tcpFlagsAny: readonly string[] | null;
  readonly tcpFlagsAll: readonly string[] | null;
  readonly tcpFlagsNone: readonly string[] | null;
  /** Substrings of the rule/prefix label (`[UFW AUDIT]`). */
  readonly ruleContains: readonly string[] | null;
  /**
   * Whole rule labels, matched exactly: a format's own word (Windows Firewall's `CLOSE`
   * action) that a substring would also find inside some other rule's name.
   */
  readonly ruleIs: readonly string[] | null;
  /** Format ids (`logscan formats`) whose records the rule reads; what a label means is the format's. */
  readonly format: readonly string[] | null;
  /** Not emitted when one of these ids is already on the event (they must come earlier). */
  readonly suppressedBy: readonly string[] | null;
  /** kb-trojan: categories that count as malware. */
  readonly categories: readonly string[] | null;
  /** source-port: only when no other source-port meaning applies to the port. */
  readonly fallback: boolean;
  /**
   * The names of the rule's ports already say what its name says (6776/tcp is "Sub-7 data
   * channel / artifact", the reading "Sub-7 leftover"): where a line names the port, it leaves
   * the reading's name out. Rules with dstPort, and kb-trojan (the port is named after the malware).
   */
  readonly saidByPortName: boolean;
  readonly detector: DetectorName | null;
  readonly params: Readonly<Record<string, number | boolean>>;
  /**
   * Detector source-history: ids of earlier rules. It fires for an event whose source
   * address got one of them on an earlier event (within params.windowMs).
   */
  readonly history: readonly string[] | null;
  /** Position in the file = evaluation and output order. */
  readonly order: number;
}

export interface AnnotationRuleSet {
  readonly schemaVersion: number;
  readonly file: string;
  readonly rules: readonly AnnotationRule[];
}

const ID_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const CJK_RE = /[\u3400-\u9fff]/;
const KINDS: readonly RuleKind[] = ['match', 'kb-port', 'kb-trojan', 'source-port', 'detector'];
const ADDR: readonly AddressCondition[] = ['limited-broadcast', 'broadcast', 'multicast', 'broadcast-or-multicast', 'unicast'];
const DIRECTIONS: readonly (Direction | null)[] = ['in', 'out', 'forward', null];
const ACTIONS: readonly Action[] = ['drop', 'reject', 'allow', 'other'];
const ICMP_PROTOS = ['icmp', 'icmpv6', '1', '58'];
const FLAGS = ['SYN', 'ACK', 'FIN', 'RST', 'PSH', 'URG', 'ECE', 'CWR'];
const RULE_KEYS = new Set([
  'id', 'name', 'kind', 'severity', 'severityMax', 'role', 'label', 'ref', 'text', 'alsoText', 'when', 'proto', 'dstPort', 'dstPortNot', 'srcPort', 'dstAddr',
  'direction', 'action', 'icmpType', 'icmpCodeNot', 'quotesDestination', 'quotedSourceUnknown', 'inside', 'tcpFlagsAny', 'tcpFlagsAll', 'tcpFlagsNone', 'ruleContains', 'ruleIs', 'format', 'suppressedBy',
  'categories', 'fallback', 'saidByPortName', 'detector', 'params', 'history', 'comment',
]);

/**
 * The parameters each detector takes and their types. Their values are knowledge, kept in
 * signatures/annotations.json only: a detector rule gives every one of them.
 */
export const DETECTOR_PARAMS: Readonly<Record<DetectorName, Readonly<Record<string, 'number' | 'boolean'>>>> = {
  'dialup-leftover': {},
  retry: { minAttempts: 'number', maxGapMs: 'number', minIntervalMs: 'number', tolerance: 'number', toleranceMs: 'number', requireRegular: 'boolean' },
  // requireOutboundSeen: only judge when the log shows outbound traffic at all; a log of
  // drops alone cannot tell a late RST of our own connection from backscatter.
  backscatter: { contactTtlMs: 'number', minDstPort: 'number', requireOutboundSeen: 'boolean' },
  traceroute: { sessionGapMs: 'number', maxSessions: 'number' },
  'source-history': { windowMs: 'number' },
  // A source reaching minPorts distinct known service ports (up to maxDstPort) within windowMs.
  'service-spread': { minPorts: 'number', windowMs: 'number', maxDstPort: 'number' },
  // A source's bare ACKs reaching minPorts distinct ports or minHosts distinct hosts within
  // windowMs: the profile's ack-scan, whose thresholds (stealth.minPortsFinAck,
  // horizontalSweep.minHosts) the file's values repeat.
  'ack-spread': { minPorts: 'number', minHosts: 'number', windowMs: 'number' },
};

/**
 * Values a run sets for detector parameters over the file's (`--sweep-hosts` for
 * ack-spread's minHosts): plain data, so a read worker thread gets the same.
 */
export type DetectorParamOverrides = Readonly<Partial<Record<DetectorName, Readonly<Record<string, number | boolean>>>>>;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** What the rules sharing an id must agree on, as they make one annotation. */
const SAME_PER_ID: readonly { fields: string; same(a: AnnotationRule, b: AnnotationRule): boolean }[] = [
  // The summary reads the annotation one way.
  { fields: '"role" and "label"', same: (a, b) => a.role === b.role && JSON.stringify(a.label) === JSON.stringify(b.label) },
  // The why line and `explain` name the id, not a rule.
  { fields: '"name"', same: (a, b) => sameText(a.name, b.name) },
  // The probe line knows the id, not the rule: the id is said by the port's name or not.
  { fields: '"saidByPortName"', same: (a, b) => a.saidByPortName === b.saidByPortName },
];

/** Validate parsed JSON into a rule set; throws SignatureError naming file and rule. */
export function parseAnnotationRules(json: unknown, file: string): AnnotationRuleSet {
  if (!isObject(json)) throw new SignatureError(file, null, 'expected a JSON object');
  if (json.schemaVersion !== ANNOTATIONS_SCHEMA_VERSION) {
    throw new SignatureError(file, null, `schemaVersion must be ${ANNOTATIONS_SCHEMA_VERSION}, got ${JSON.stringify(json.schemaVersion)}`);
  }
  if (!Array.isArray(json.rules) || json.rules.length === 0) throw new SignatureError(file, null, '"rules" must be a non-empty array');
  const rules: AnnotationRule[] = [];
  const seen = new Set<string>();
  const roleOf = new Map<string, AnnotationRule>();
  json.rules.forEach((raw: unknown, i: number) => {
    const rule = parseRule(raw, i, file);
    const first = roleOf.get(rule.id);
    const differs = first && SAME_PER_ID.find((f) => !f.same(first, rule));
    if (first && differs) {
      throw new SignatureError(file, `rules[${i}] ${rule.id}`, `${differs.fields} must be the same as in the earlier rule of this id (rules[${first.order}])`);
    }
    if (!first) roleOf.set(rule.id, rule);
    for (const s of rule.suppressedBy ?? []) {
      if (!seen.has(s)) throw new SignatureError(file, `rules[${i}] ${rule.id}`, `suppressedBy "${s}" must name a rule that comes earlier in the file`);
    }
    for (const s of rule.history ?? []) {
      if (!seen.has(s)) throw new SignatureError(file, `rules[${i}] ${rule.id}`, `history "${s}" must name a rule that comes earlier in the file`);
    }
    seen.add(rule.id);
    rules.push(rule);
  });
  checkSituations(rules, file);
  return Object.freeze({ schemaVersion: ANNOTATIONS_SCHEMA_VERSION, file, rules: Object.freeze(rules) });
}

const sameText = (a: LocalizedText, b: LocalizedText): boolean => a.en === b.en && a.zh === b.zh;

/**
 * `explain ID` lists the distinct texts of an id one under the other, and a reader cannot
 * tell from the conditions which packet gets which: each text of an id with several says
 * its situation (`when`), one for all rules that share the text; an id of one text has none.
 */
function checkSituations(rules: readonly AnnotationRule[], file: string): void {
  const byId = new Map<string, AnnotationRule[]>();
  for (const r of rules) byId.set(r.id, [...(byId.get(r.id) ?? []), r]);
  for (const same of byId.values()) {
    const several = same.some((r) => !sameText(r.text, same[0]!.text));
    for (const r of same) {
      const fail = (msg: string): never => {
        throw new SignatureError(file, `rules[${r.order}] ${r.id}`, msg);
      };
      if (!several && r.when !== null) fail('"when" tells one text of an id from its others; this id has one text');
      if (several && r.when === null) fail('"when" is needed: rules of this id have several texts, and `explain` says which situation each is for');
      const first = same.find((x) => sameText(x.text, r.text))!;
      if (first !== r && first.when !== null && r.when !== null && !sameText(first.when, r.when)) fail(`the same text needs the same "when" as rules[${first.order}]`);
    }
  }
}

function parseRule(raw: unknown, i: number, file: string): AnnotationRule {
  let where = `rules[${i}]`;
  const fail = (msg: string): never => {
    throw new SignatureError(file, where, msg);
  };
  if (!isObject(raw)) return fail('expected an object');
  if (typeof raw.id !== 'string' || !ID_RE.test(raw.id)) return fail(`"id" must be kebab-case, got ${JSON.stringify(raw.id)}`);
  where = `rules[${i}] ${raw.id}`;
  for (const k of Object.keys(raw)) if (!RULE_KEYS.has(k)) fail(`unknown field "${k}"`);
  const name = localized(raw.name, 'name', fail);

  const kind = raw.kind ?? 'match';
  if (!KINDS.includes(kind as RuleKind)) fail(`"kind" must be one of ${KINDS.join(', ')}`);
  const sev = raw.severity;
  if (typeof sev !== 'number' || !Number.isInteger(sev) || sev < 0 || sev > 5) fail('"severity" must be an integer 0-5');
  const severityMax = raw.severityMax === undefined ? null : (raw.severityMax as Severity);
  if (severityMax !== null) {
    if (kind !== 'kb-port' && kind !== 'kb-trojan') fail('"severityMax" applies to kinds kb-port and kb-trojan only (their severity comes from the knowledge base)');
    if (!Number.isInteger(severityMax) || severityMax < (sev as number) || severityMax > 5) fail('"severityMax" must be an integer from "severity" to 5');
  }
  if (raw.role !== undefined && !(ANNOTATION_ROLES as readonly string[]).includes(raw.role as string)) fail(`"role" must be one of ${ANNOTATION_ROLES.join(', ')}`);
  const role = (raw.role ?? null) as AnnotationRole | null;
  const labelled = role !== null && LABELLED_ROLES.includes(role);
  if (labelled !== (raw.label !== undefined)) fail(`"label" goes with role ${LABELLED_ROLES.join(' or ')}, which needs it`);
  // A label is often an acronym the same in both languages (DNS, NTP): no Chinese required.
  const label = labelled ? localized(raw.label, 'label', fail, false) : null;
  if (typeof raw.ref !== 'string' || raw.ref.length === 0) fail('"ref" must be a non-empty string');
  const text = localized(raw.text, 'text', fail);
  const alsoText = raw.alsoText === undefined ? null : localized(raw.alsoText, 'alsoText', fail);
  const when = raw.when === undefined ? null : localized(raw.when, 'when', fail);

  const strList = (key: string, allowed?: readonly string[]): string[] | null => {
    const v = raw[key];
    if (v === undefined) return null;
    if (!Array.isArray(v) || v.length === 0 || !v.every((x) => typeof x === 'string' && x.length > 0)) {
      return fail(`"${key}" must be a non-empty array of strings`);
    }
    if (allowed) for (const x of v as string[]) if (!allowed.includes(x)) fail(`"${key}": "${x}" is not one of ${allowed.join(', ')}`);
    return v as string[];
  };
  const ports = (key: string): PortRange[] | null => {
    const v = raw[key];
    if (v === undefined) return null;
    if (!Array.isArray(v) || v.length === 0) return fail(`"${key}" must be a non-empty array of ports or [from, to] ranges`);
    return v.map((p: unknown): PortRange => {
      const isPort = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0 && x <= 65535;
      if (isPort(p)) return [p, p];
      if (Array.isArray(p) && p.length === 2 && isPort(p[0]) && isPort(p[1]) && p[0] <= p[1]) return [p[0], p[1]];
      return fail(`"${key}": ${JSON.stringify(p)} is not a port 0-65535 or an ordered [from, to] range`);
    });
  };

  const proto = strList('proto');
  if (proto) for (const p of proto) if (p !== p.toLowerCase()) fail(`"proto": "${p}" must be lowercase`);
  const dstPort = ports('dstPort');
  const dstPortNot = ports('dstPortNot');
  const srcPort = ports('srcPort');
  if ((dstPort || dstPortNot || srcPort || kind === 'kb-port' || kind === 'kb-trojan' || kind === 'source-port') && proto) {
    for (const p of proto) if (p !== 'tcp' && p !== 'udp') fail(`rules with ports apply to tcp/udp only, not "${p}"`);
  }
  const dstAddr = raw.dstAddr === undefined ? null : (raw.dstAddr as AddressCondition);
  if (dstAddr !== null && !ADDR.includes(dstAddr)) fail(`"dstAddr" must be one of ${ADDR.join(', ')}`);

  let direction: (Direction | null)[] | null = null;
  if (raw.direction !== undefined) {
    const d = raw.direction;
    if (!Array.isArray(d) || d.length === 0 || !d.every((x) => DIRECTIONS.includes(x as Direction | null))) {
      fail('"direction" must be a non-empty array of "in", "out", "forward" or null (unknown)');
    }
    direction = d as (Direction | null)[];
  }
  const action = strList('action', ACTIONS) as Action[] | null;
  const bytes = (key: string): number[] | null => {
    const t = raw[key];
    if (t === undefined) return null;
    if (!Array.isArray(t) || t.length === 0 || !t.every((x) => Number.isInteger(x) && (x as number) >= 0 && (x as number) <= 255)) {
      fail(`"${key}" must be a non-empty array of integers 0-255`);
    }
    return t as number[];
  };
  const icmpType = bytes('icmpType');
  if (icmpType !== null && (!proto || proto.some((p) => !ICMP_PROTOS.includes(p)))) fail('"icmpType" needs "proto" of icmp/icmpv6 (or 1/58) only');
  const icmpCodeNot = bytes('icmpCodeNot');
  if (icmpCodeNot !== null && icmpType === null) fail('"icmpCodeNot" needs "icmpType" (codes mean something only per type)');
  if (raw.quotesDestination !== undefined && typeof raw.quotesDestination !== 'boolean') fail('"quotesDestination" must be a boolean');
  const quotesDestination = raw.quotesDestination === true;
  if (quotesDestination && icmpType === null) fail('"quotesDestination" needs "icmpType" (the ICMP error types that quote a packet)');
  if (raw.quotedSourceUnknown !== undefined && typeof raw.quotedSourceUnknown !== 'boolean') fail('"quotedSourceUnknown" must be a boolean');
  const quotedSourceUnknown = raw.quotedSourceUnknown === true;
  if (quotedSourceUnknown && icmpType === null) fail('"quotedSourceUnknown" needs "icmpType" (the ICMP error types that quote a packet)');
  if (quotedSourceUnknown && quotesDestination) fail('"quotedSourceUnknown" and "quotesDestination" exclude each other');
  // Only true: the rule after an `inside` one of the same id is the one for everything else (first match wins).
  if (raw.inside !== undefined && raw.inside !== true) fail('"inside" must be true (leave it out for any addresses)');
  const inside = raw.inside === true;
  if (inside && dstAddr !== null) fail('"inside" already asks for a unicast destination; leave "dstAddr" out');
  const tcpFlagsAny = strList('tcpFlagsAny', FLAGS);
  const tcpFlagsAll = strList('tcpFlagsAll', FLAGS);
  const tcpFlagsNone = strList('tcpFlagsNone', FLAGS);
  const ruleContains = strList('ruleContains');
  const ruleIs = strList('ruleIs');
  const format = strList(
    'format',
    formats.map((f) => f.id),
  );
  const suppressedBy = strList('suppressedBy');
  const categories = strList('categories');
  if (kind === 'kb-trojan' && !categories) fail('kind kb-trojan needs "categories"');
  if (raw.fallback !== undefined && typeof raw.fallback !== 'boolean') fail('"fallback" must be a boolean');
  const fallback = raw.fallback === true;
  if (fallback && kind !== 'source-port') fail('"fallback" applies to kind source-port only');
  if (raw.saidByPortName !== undefined && typeof raw.saidByPortName !== 'boolean') fail('"saidByPortName" must be a boolean');
  const saidByPortName = raw.saidByPortName === true;
  // Only a port the rule picks (or the knowledge base's malware entry names) is known to be named so.
  if (saidByPortName && dstPort === null && kind !== 'kb-trojan') fail('"saidByPortName" needs "dstPort" (or kind kb-trojan): the ports whose names say it');

  let detector: DetectorName | null = null;
  let params: Record<string, number | boolean> = {};
  if (kind === 'detector') {
    if (typeof raw.detector !== 'string' || !(raw.detector in DETECTOR_PARAMS)) {
      fail(`"detector" must be one of ${Object.keys(DETECTOR_PARAMS).join(', ')}`);
    }
    detector = raw.detector as DetectorName;
    const types = DETECTOR_PARAMS[detector];
    if (raw.params !== undefined) {
      if (!isObject(raw.params)) fail('"params" must be an object');
      for (const [k, v] of Object.entries(raw.params as Record<string, unknown>)) {
        if (!(k in types)) fail(`"params.${k}" is not a parameter of detector ${detector} (${Object.keys(types).join(', ') || 'none'})`);
        const want = types[k];
        if (typeof v !== want || (want === 'number' && (!Number.isFinite(v) || (v as number) < 0))) {
          fail(`"params.${k}" must be a ${want === 'number' ? 'non-negative number' : want}`);
        }
        params[k] = v as number | boolean;
      }
    }
    const missing = Object.keys(types).filter((k) => !(k in params));
    if (missing.length > 0) fail(`detector ${detector} needs "params" with ${missing.map((k) => `"${k}"`).join(', ')} (the file is where its thresholds live)`);
  } else if (raw.detector !== undefined || raw.params !== undefined) {
    fail('"detector"/"params" need kind "detector"');
  }
  const history = strList('history');
  if ((history !== null) !== (detector === 'source-history')) fail('"history" goes with detector source-history, which needs it');

  return Object.freeze({
    id: raw.id,
    name,
    kind: kind as RuleKind,
    severity: sev as Severity,
    severityMax,
    role,
    label,
    ref: raw.ref as string,
    text,
    alsoText,
    when,
    proto,
    dstPort,
    dstPortNot,
    srcPort,
    dstAddr,
    direction,
    action,
    icmpType,
    icmpCodeNot,
    quotesDestination,
    quotedSourceUnknown,
    inside,
    tcpFlagsAny,
    tcpFlagsAll,
    tcpFlagsNone,
    ruleContains,
    ruleIs,
    format,
    suppressedBy,
    categories,
    fallback,
    saidByPortName,
    detector,
    params: Object.freeze(params),
    history,
    order: i,
  });
}

function localized(v: unknown, key: string, fail: (msg: string) => never, needsChinese = true): LocalizedText {
  if (!isObject(v) || typeof v.en !== 'string' || typeof v.zh !== 'string' || v.en.trim() === '' || v.zh.trim() === '') {
    return fail(`"${key}" must be {"en": "...", "zh": "..."} with both texts non-empty`);
  }
  // A zh text that is a copy of the English one is a translation that was forgotten
  // (a template that pulls in the knowledge base's own zh text is exempt).
  if (needsChinese && !CJK_RE.test(v.zh) && !v.zh.includes('{text}')) fail(`"${key}.zh" contains no Chinese text`);
  return Object.freeze({ en: v.en, zh: v.zh });
}

/** Where the shipped rules live, for src/ (tsx, vitest) and dist/ alike. */
export const DEFAULT_ANNOTATIONS_FILE = fileURLToPath(new URL('../../signatures/annotations.json', import.meta.url));

let cached: AnnotationRuleSet | null = null;

/** Read and validate signatures/annotations.json (cached for the default path). */
export function loadAnnotationRules(file: string = DEFAULT_ANNOTATIONS_FILE): AnnotationRuleSet {
  if (file === DEFAULT_ANNOTATIONS_FILE && cached) return cached;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new SignatureError(file, null, { code: 'unreadable', why: (err as Error).message, problem: fsProblem(err) });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new SignatureError(file, null, { code: 'not-json', why: (err as Error).message });
  }
  const set = parseAnnotationRules(json, file);
  if (file === DEFAULT_ANNOTATIONS_FILE) cached = set;
  return set;
}
