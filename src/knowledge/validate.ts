// Validation of the signature files (psad's habit: refuse bad knowledge at start-up and
// name the file, the entry and the field). Two passes: each file on its own (shape,
// types, ranges), then the merged set (references between files, contradictions),
// because a --signatures dir may add the category an entry refers to.

import ipaddr from 'ipaddr.js';
import { SignatureError } from '../errors.js';
import type { Severity } from '../event.js';
import { ASA_MESSAGE_IDS } from '../parsers/cisco-asa.js';
import { SONICWALL_MESSAGE_IDS } from '../parsers/sonicwall.js';
import type { AddressEntry, AsaMessage, LocalizedText, MessageTable, PortProtocol } from './types.js';

export const SCHEMA_VERSION = 1;

export const SIGNATURE_FILES = {
  categories: 'categories.json',
  portClasses: 'port-classes.json',
  ports: 'ports.json',
  sourcePorts: 'source-ports.json',
  addresses: 'addresses.json',
  asaMessages: 'asa-messages.json',
  sonicwallMessages: 'sonicwall-messages.json',
} as const;
export type FileKind = keyof typeof SIGNATURE_FILES;

/** Where a record came from, so a cross-file error can still name file, entry and line. */
export interface Origin {
  file: string;
  index: number;
  /** The file's text, kept (by reference) so the line number is only computed for an error. */
  text: string;
}

export interface RawCategory {
  id: string;
  name: LocalizedText;
  defaultSeverity: Severity;
  hiddenUnderService: boolean;
  malware: boolean;
  origin: Origin;
}
export interface RawPortClass {
  id: string;
  from: number;
  to: number;
  name: LocalizedText;
  text: LocalizedText;
  source: string;
  origin: Origin;
}
export interface RawPortEntry {
  id: string;
  from: number;
  to: number;
  protocols: PortProtocol[];
  name: LocalizedText;
  category: string;
  family: LocalizedText | null;
  /** null: take the category's default once the categories are known. */
  severity: Severity | null;
  rank: number;
  text: LocalizedText;
  source: string;
  origin: Origin;
}
export interface RawSourcePortEntry {
  id: string;
  from: number;
  to: number;
  protocols: PortProtocol[];
  name: LocalizedText;
  annotation: string;
  severity: Severity;
  text: LocalizedText;
  source: string;
  origin: Origin;
}
/** An address entry as read, before freezing: exactly what the knowledge base keeps, and where it came from. */
export interface RawAddressEntry extends AddressEntry {
  origin: Origin;
}
/** A Cisco ASA message id's name and meaning as read: exactly what the knowledge base keeps, and where it came from. */
export interface RawAsaMessage extends AsaMessage {
  origin: Origin;
}
export interface RawByKind {
  categories: RawCategory;
  portClasses: RawPortClass;
  ports: RawPortEntry;
  sourcePorts: RawSourcePortEntry;
  addresses: RawAddressEntry;
  asaMessages: RawAsaMessage;
  sonicwallMessages: RawAsaMessage;
}

const ID_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** A Cisco ASA message id as its tag writes it: `%ASA-6-302014` is 302014. */
const ASA_ID_RE = /^[1-9]\d{5}$/;
/** A SonicOS message id as `m=` writes it: `m=36` is 36. */
const SONICWALL_ID_RE = /^[1-9]\d{0,4}$/;
const PROTOCOLS: readonly PortProtocol[] = ['tcp', 'udp'];

// Unknown keys are errors: a misspelt optional field ("severty") would otherwise be
// silently ignored and the entry would quietly get the category default.
const ALLOWED_KEYS: Record<FileKind, readonly string[]> = {
  categories: ['id', 'name', 'defaultSeverity', 'hiddenUnderService', 'malware', '$comment'],
  portClasses: ['id', 'ports', 'name', 'text', 'source', '$comment'],
  ports: ['id', 'ports', 'protocols', 'name', 'category', 'family', 'severity', 'rank', 'text', 'source', '$comment'],
  sourcePorts: ['id', 'ports', 'protocols', 'name', 'annotation', 'severity', 'text', 'source', '$comment'],
  addresses: ['id', 'range', 'name', 'text', 'ref', 'asSource', '$comment'],
  asaMessages: ['id', 'name', 'text', 'source', '$comment'],
  sonicwallMessages: ['id', 'name', 'text', 'source', '$comment'],
};

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Parses a file's text; invalid JSON becomes a SignatureError carrying the parser's message. */
export function parseJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new SignatureError(file, null, { code: 'not-json', why: (err as Error).message });
  }
}

/** 1-based line of the entry whose id is `id`, for error messages; null when not found. */
function lineOf(text: string, id: string | null): number | null {
  if (id === null || text === '') return null;
  const m = new RegExp(`"id"\\s*:\\s*${JSON.stringify(id).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).exec(text);
  if (!m) return null;
  let line = 1;
  for (let i = 0; i < m.index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Builds the error for one field of one entry: file, entry id (or #index), JSON path, line. */
class EntryContext {
  constructor(
    readonly file: string,
    readonly index: number,
    readonly id: string | null,
    readonly text: string,
  ) {}
  fail(path: string, detail: string): never {
    const where = `$.entries[${this.index}]${path}`;
    const line = lineOf(this.text, this.id);
    throw new SignatureError(this.file, this.id ?? `#${this.index}`, `${where}: ${detail}${line ? `; at line ${line}` : ''}`);
  }
}

function describe(v: unknown): string {
  if (v === undefined) return 'missing';
  const s = JSON.stringify(v);
  return `got ${s.length > 40 ? s.slice(0, 37) + '...' : s}`;
}

function str(ctx: EntryContext, o: Obj, key: string, path = `.${key}`): string {
  const v = o[key];
  if (typeof v !== 'string' || v.trim() === '') ctx.fail(path, `must be a non-empty string (${describe(v)})`);
  return v;
}

function text(ctx: EntryContext, o: Obj, key: string): LocalizedText {
  const v = o[key];
  if (!isObj(v)) ctx.fail(`.${key}`, `must be an object {"en": …, "zh": …} (${describe(v)})`);
  for (const k of Object.keys(v)) if (k !== 'en' && k !== 'zh') ctx.fail(`.${key}.${k}`, 'unknown language (en and zh only)');
  return { en: str(ctx, v, 'en', `.${key}.en`).trim(), zh: str(ctx, v, 'zh', `.${key}.zh`).trim() };
}

/**
 * A port or source-port name, or a malware family: {"en": …, "zh": …}, or a plain
 * string that serves both languages (schema version 1 allowed only strings for names, so
 * a local --signatures file from then still loads; most families read the same in both).
 */
function localizedName(ctx: EntryContext, o: Obj, key: 'name' | 'family'): LocalizedText {
  const v = o[key];
  if (typeof v === 'string') {
    const s = str(ctx, o, key);
    return { en: s, zh: s };
  }
  if (!isObj(v)) ctx.fail(`.${key}`, `must be {"en": …, "zh": …} or a non-empty string (${describe(v)})`);
  return text(ctx, o, key);
}

function severity(ctx: EntryContext, v: unknown, path: string): Severity {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 5) {
    ctx.fail(path, `must be an integer 0-5 (${describe(v)})`);
  }
  return v as Severity;
}

function portNumber(ctx: EntryContext, s: string, v: unknown): number {
  const n = Number(s);
  if (!Number.isInteger(n) || n < 0 || n > 65535) ctx.fail('.ports', `port out of range 0-65535 (${describe(v)})`);
  return n;
}

/** `6776` or `"6776"` or `"6970-7170"`. */
function ports(ctx: EntryContext, o: Obj): { from: number; to: number } {
  const v = o.ports;
  if (typeof v === 'number') {
    const p = portNumber(ctx, String(v), v);
    return { from: p, to: p };
  }
  if (typeof v === 'string') {
    const m = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(v);
    if (m) {
      const from = portNumber(ctx, m[1], v);
      const to = m[2] === undefined ? from : portNumber(ctx, m[2], v);
      if (from > to) ctx.fail('.ports', `range start is above its end (${describe(v)})`);
      return { from, to };
    }
  }
  return ctx.fail('.ports', `must be a port number or a "from-to" range (${describe(v)})`);
}

function protocols(ctx: EntryContext, o: Obj): PortProtocol[] {
  const v = o.protocols;
  if (!Array.isArray(v) || v.length === 0) ctx.fail('.protocols', `must be a non-empty array of "tcp"/"udp" (${describe(v)})`);
  const out: PortProtocol[] = [];
  v.forEach((p, i) => {
    if (!PROTOCOLS.includes(p as PortProtocol)) ctx.fail(`.protocols[${i}]`, `unknown protocol (${describe(p)}); use "tcp" or "udp"`);
    if (out.includes(p as PortProtocol)) ctx.fail(`.protocols[${i}]`, `duplicate protocol ${describe(p)}`);
    out.push(p as PortProtocol);
  });
  return out;
}

function isCidr(s: string): boolean {
  try {
    ipaddr.parseCIDR(s);
    return true;
  } catch {
    return false;
  }
}

function kebabId(ctx: EntryContext, o: Obj, key: string): string {
  const v = str(ctx, o, key);
  if (!ID_RE.test(v)) ctx.fail(`.${key}`, `must be lowercase kebab-case like "sub7-6776" (${describe(v)})`);
  return v;
}

function entryRecord<K extends FileKind>(kind: K, ctx: EntryContext, o: Obj): RawByKind[K] {
  const origin: Origin = { file: ctx.file, index: ctx.index, text: ctx.text };
  const id = kebabId(ctx, o, 'id');
  switch (kind) {
    case 'categories':
      if (o.hiddenUnderService !== undefined && typeof o.hiddenUnderService !== 'boolean') ctx.fail('.hiddenUnderService', `must be true or false (${describe(o.hiddenUnderService)})`);
      if (o.malware !== undefined && typeof o.malware !== 'boolean') ctx.fail('.malware', `must be true or false (${describe(o.malware)})`);
      return {
        id,
        name: text(ctx, o, 'name'),
        defaultSeverity: severity(ctx, o.defaultSeverity, '.defaultSeverity'),
        hiddenUnderService: o.hiddenUnderService === true,
        malware: o.malware === true,
        origin,
      } satisfies RawCategory as RawByKind[K];
    case 'portClasses':
      return {
        id,
        ...ports(ctx, o),
        name: text(ctx, o, 'name'),
        text: text(ctx, o, 'text'),
        source: str(ctx, o, 'source'),
        origin,
      } satisfies RawPortClass as RawByKind[K];
    case 'ports': {
      const rank = o.rank;
      if (typeof rank !== 'number' || !Number.isFinite(rank) || rank < 0) {
        ctx.fail('.rank', `must be a number >= 0; lower = more likely (${describe(rank)})`);
      }
      return {
        id,
        ...ports(ctx, o),
        protocols: protocols(ctx, o),
        name: localizedName(ctx, o, 'name'),
        category: kebabId(ctx, o, 'category'),
        family: o.family === undefined || o.family === null ? null : localizedName(ctx, o, 'family'),
        severity: o.severity === undefined ? null : severity(ctx, o.severity, '.severity'),
        rank,
        text: text(ctx, o, 'text'),
        source: str(ctx, o, 'source'),
        origin,
      } satisfies RawPortEntry as RawByKind[K];
    }
    case 'sourcePorts':
      return {
        id,
        ...ports(ctx, o),
        protocols: protocols(ctx, o),
        name: localizedName(ctx, o, 'name'),
        annotation: kebabId(ctx, o, 'annotation'),
        severity: severity(ctx, o.severity, '.severity'),
        text: text(ctx, o, 'text'),
        source: str(ctx, o, 'source'),
        origin,
      } satisfies RawSourcePortEntry as RawByKind[K];
    case 'addresses': {
      const range = str(ctx, o, 'range').trim();
      if (!isCidr(range)) ctx.fail('.range', `must be an IPv4 or IPv6 range such as "224.0.0.0/4" or "fe80::/10" (${describe(o.range)})`);
      const asSource = o.asSource === undefined || o.asSource === null ? null : text(ctx, o, 'asSource');
      return { id, range, name: text(ctx, o, 'name'), text: text(ctx, o, 'text'), ref: str(ctx, o, 'ref'), asSource, origin } satisfies RawAddressEntry as RawByKind[K];
    }
    case 'asaMessages':
      if (!ASA_ID_RE.test(id)) ctx.fail('.id', `must be a six-digit message id as the tag writes it ("302014" for %ASA-6-302014) (${describe(o.id)})`);
      return { id, name: text(ctx, o, 'name'), text: text(ctx, o, 'text'), source: str(ctx, o, 'source'), origin } satisfies RawAsaMessage as RawByKind[K];
    case 'sonicwallMessages':
      if (!SONICWALL_ID_RE.test(id)) ctx.fail('.id', `must be a message id as m= writes it ("36" for m=36) (${describe(o.id)})`);
      return { id, name: text(ctx, o, 'name'), text: text(ctx, o, 'text'), source: str(ctx, o, 'source'), origin } satisfies RawAsaMessage as RawByKind[K];
  }
  throw new Error(`unreachable: ${String(kind)}`);
}

/**
 * Checks one parsed file of the given kind and returns its records.
 * `file` is what error messages call it (a path); `source` is its text, for line numbers.
 */
export function validateFile<K extends FileKind>(kind: K, file: string, doc: unknown, source = ''): RawByKind[K][] {
  if (!isObj(doc)) throw new SignatureError(file, null, '$: must be an object {"schemaVersion": 1, "entries": [...]}');
  for (const key of Object.keys(doc)) {
    if (key !== 'schemaVersion' && key !== 'entries' && key !== '$comment') {
      throw new SignatureError(file, null, `$.${key}: unknown top-level field`);
    }
  }
  if (doc.schemaVersion !== SCHEMA_VERSION) {
    throw new SignatureError(
      file,
      null,
      `$.schemaVersion: must be ${SCHEMA_VERSION} (${describe(doc.schemaVersion)}); this logscan reads schema version ${SCHEMA_VERSION} only`,
    );
  }
  if (!Array.isArray(doc.entries)) throw new SignatureError(file, null, `$.entries: must be an array (${describe(doc.entries)})`);
  const seen = new Map<string, number>();
  const out: RawByKind[K][] = [];
  doc.entries.forEach((raw: unknown, index: number) => {
    const maybeId = isObj(raw) && typeof raw.id === 'string' ? raw.id : null;
    const ctx: EntryContext = new EntryContext(file, index, maybeId, source);
    if (!isObj(raw)) ctx.fail('', `must be an object (${describe(raw)})`);
    for (const key of Object.keys(raw)) {
      if (!ALLOWED_KEYS[kind].includes(key)) {
        ctx.fail(`.${key}`, `unknown field; allowed: ${ALLOWED_KEYS[kind].filter((k) => k !== '$comment').join(', ')}`);
      }
    }
    const rec = entryRecord(kind, ctx, raw);
    const prev = seen.get(rec.id);
    if (prev !== undefined) ctx.fail('.id', `duplicate id "${rec.id}" (first used by $.entries[${prev}])`);
    seen.set(rec.id, index);
    out.push(rec);
  });
  return out;
}

function failAt(origin: Origin, id: string, detail: string): never {
  const line = lineOf(origin.text, id);
  throw new SignatureError(origin.file, id, `$.entries[${origin.index}]${detail}${line ? `; at line ${line}` : ''}`);
}

const where = (o: Origin): string => `${o.file} $.entries[${o.index}]`;
const shared = (a: readonly PortProtocol[], b: readonly PortProtocol[]): PortProtocol | undefined => a.find((p) => b.includes(p));

/**
 * Visits every pair of records whose port ranges overlap: a sweep over the records
 * sorted by start, so the cost follows the number of real overlaps, not n².
 */
function forOverlappingPairs<T extends { from: number; to: number }>(items: readonly T[], visit: (a: T, b: T) => void): void {
  const sorted = [...items].sort((a, b) => a.from - b.from);
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i];
    for (let j = i + 1; j < sorted.length && sorted[j].from <= a.to; j++) visit(a, sorted[j]);
  }
}

export interface MergedRaw {
  categories: RawCategory[];
  portClasses: RawPortClass[];
  ports: RawPortEntry[];
  sourcePorts: RawSourcePortEntry[];
  addresses: RawAddressEntry[];
  asaMessages: RawAsaMessage[];
  sonicwallMessages: RawAsaMessage[];
}

/** The message ids each format's parser reads events from: the ids its message table must name, no more, no fewer. */
export const READ_MESSAGE_IDS: Readonly<Record<MessageTable, readonly number[]>> = {
  asaMessages: ASA_MESSAGE_IDS,
  sonicwallMessages: SONICWALL_MESSAGE_IDS,
};

/**
 * Checks that only make sense on the merged set (built-in + every --signatures dir):
 *  - every port entry's category exists;
 *  - contradictions: two port entries that overlap on a shared protocol with the SAME
 *    rank — their order would be arbitrary, so the "best first" answer is undefined;
 *    two source-port entries that overlap on a shared protocol with the SAME width
 *    (source entries are ordered narrowest first, so equal widths are ambiguous);
 *  - the port classes cover 0-65535 exactly once;
 *  - each message table (the ASA's, SonicWall's) names exactly the ids its parser reads
 *    events from (`readIds`).
 */
export function validateMerged(m: MergedRaw, readIds: Readonly<Record<MessageTable, readonly number[]>> = READ_MESSAGE_IDS): void {
  const cats = new Set(m.categories.map((c) => c.id));
  for (const e of m.ports) {
    if (!cats.has(e.category)) {
      failAt(e.origin, e.id, `.category: unknown category "${e.category}"; known: ${[...cats].join(', ')}`);
    }
  }
  forOverlappingPairs(m.ports, (a, b) => {
    const p = shared(a.protocols, b.protocols);
    if (p && a.rank === b.rank) {
      const [first, second] = a.origin.file === b.origin.file && a.origin.index > b.origin.index ? [b, a] : [a, b];
      failAt(
        second.origin,
        second.id,
        `.rank: contradicts "${first.id}" (${where(first.origin)}): both cover ${p} ${Math.max(a.from, b.from)} with rank ${a.rank}; give one a different rank (decimals are fine) or reuse the id to override`,
      );
    }
  });
  forOverlappingPairs(m.sourcePorts, (a, b) => {
    const p = shared(a.protocols, b.protocols);
    if (p && a.to - a.from === b.to - b.from) {
      const [first, second] = a.origin.file === b.origin.file && a.origin.index > b.origin.index ? [b, a] : [a, b];
      failAt(
        second.origin,
        second.id,
        `.ports: contradicts "${first.id}" (${where(first.origin)}): same-width ranges overlapping on ${p} ${Math.max(a.from, b.from)}, so neither is more specific; reuse the id to override instead`,
      );
    }
  });
  const classes = [...m.portClasses].sort((a, b) => a.from - b.from);
  let next = 0;
  for (const c of classes) {
    if (c.from !== next) {
      failAt(
        c.origin,
        c.id,
        c.from < next ? `.ports: overlaps the previous port class at ${c.from}` : `.ports: gap before this class: ports ${next}-${c.from - 1} have no class`,
      );
    }
    next = c.to + 1;
  }
  if (next !== 65536) {
    const last = classes.at(-1);
    if (!last) throw new SignatureError(SIGNATURE_FILES.portClasses, null, '$.entries: no port classes defined');
    failAt(last.origin, last.id, `.ports: port classes end at ${next - 1}; they must cover 0-65535`);
  }
  for (const table of Object.keys(readIds) as MessageTable[]) namesReadIds(m[table], table, readIds[table]);
}

/** The message table names exactly the ids its parser reads (`readIds`): a missing one would leave a report row unnamed, an extra one names what never comes. */
function namesReadIds(entries: readonly RawAsaMessage[], table: MessageTable, readIds: readonly number[]): void {
  const read = new Set(readIds.map(String));
  for (const a of entries) {
    if (!read.has(a.id)) failAt(a.origin, a.id, `.id: logscan reads no events from message id ${a.id}; name only ids it reads: ${[...read].join(', ')}`);
  }
  const named = new Set(entries.map((a) => a.id));
  const missing = [...read].filter((id) => !named.has(id));
  if (missing.length > 0) {
    // The built-in file's entries come first in the merged set.
    const file = entries[0]?.origin.file ?? SIGNATURE_FILES[table];
    throw new SignatureError(file, null, `$.entries: no entry for message id${missing.length > 1 ? 's' : ''} ${missing.join(', ')}, which logscan reads events from; every one needs a name`);
  }
}
