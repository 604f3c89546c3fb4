// --os-hint: a cautious guess at the sender's OS family from the first packet of a
// source (its TTL rounded up to the usual initial TTLs, and its TCP window). The
// rules are data (signatures/os-hints.json), validated at load like the other
// signature files: the file, the entry and the field are named on an error (exit 2).
//
// The profile records the TTL and window of a source's earliest packet (two number
// fields, set only when a packet is earlier than any before), so this costs nothing
// per event; the rules run once per shown source. DF is not used: the FirewallEvent
// contract has no DF field (not every format logs it), and p0f itself weighs it
// little next to the TTL.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SignatureError } from '../errors.js';
import { fsProblem } from '../input/problem.js';
import type { Lang, LocalizedText } from '../knowledge/types.js';
import type { OsHint } from './types.js';

export const DEFAULT_OS_HINTS_FILE = fileURLToPath(new URL('../../signatures/os-hints.json', import.meta.url));

export interface OsHintRule {
  id: string;
  /** null: any initial TTL. */
  initialTtl: number | null;
  /** null: any window (and non-TCP packets). */
  windows: ReadonlySet<number> | null;
  text: LocalizedText;
  source: string;
}

export interface OsHintRules {
  initialTtls: readonly number[];
  maxHops: number;
  rules: readonly OsHintRule[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const ID_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const TOP_KEYS = ['schemaVersion', '$comment', 'initialTtls', 'maxHops', 'entries'];
const ENTRY_KEYS = ['id', 'initialTtl', 'windows', 'text', 'source', '$comment'];

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'string' ? `"${v.length > 40 ? v.slice(0, 40) + '…' : v}"` : typeof v === 'object' ? 'an object' : String(v);
}

/** 1-based line of `"id": "<id>"` in the text, for the error message. */
function lineOf(text: string, id: string | null): number | null {
  if (id === null) return null;
  const at = text.search(new RegExp(`"id"\\s*:\\s*${JSON.stringify(id).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  if (at < 0) return null;
  let line = 1;
  for (let i = 0; i < at; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function isInt(v: unknown, min: number, max: number): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
}

/** Validates the parsed file; every problem names the entry, the JSON path and the line. */
export function parseOsHints(doc: unknown, file: string, text = ''): OsHintRules {
  const top = (detail: string): never => {
    throw new SignatureError(file, null, detail);
  };
  if (!isObj(doc)) return top('expected a JSON object with "schemaVersion" and "entries"');
  for (const k of Object.keys(doc)) if (!TOP_KEYS.includes(k)) top(`unknown key "${k}" (expected ${TOP_KEYS.join(', ')})`);
  if (doc.schemaVersion !== 1) top(`$.schemaVersion: expected 1, got ${describe(doc.schemaVersion)}`);
  const ttls = doc.initialTtls;
  if (!Array.isArray(ttls) || ttls.length === 0 || !ttls.every((t) => isInt(t, 1, 255))) top(`$.initialTtls: expected a non-empty array of integers 1-255, got ${describe(ttls)}`);
  const initialTtls = [...(ttls as number[])].sort((a, b) => a - b);
  if (!isInt(doc.maxHops, 1, 254)) top(`$.maxHops: expected an integer 1-254, got ${describe(doc.maxHops)}`);
  if (!Array.isArray(doc.entries)) top(`$.entries: expected an array, got ${describe(doc.entries)}`);
  const seen = new Set<string>();
  const rules = (doc.entries as unknown[]).map((raw, index): OsHintRule => {
    const id = isObj(raw) && typeof raw.id === 'string' ? raw.id : null;
    const fail = (path: string, detail: string): never => {
      const line = lineOf(text, id);
      throw new SignatureError(file, id ?? `#${index}`, `$.entries[${index}]${path}: ${detail}${line !== null ? ` (line ${line})` : ''}`);
    };
    if (!isObj(raw)) return fail('', `expected an object, got ${describe(raw)}`);
    for (const k of Object.keys(raw)) if (!ENTRY_KEYS.includes(k)) fail(`.${k}`, `unknown key (expected ${ENTRY_KEYS.join(', ')})`);
    if (id === null || !ID_RE.test(id)) fail('.id', `expected a kebab-case id, got ${describe(raw.id)}`);
    if (seen.has(id!)) fail('.id', `duplicate id "${id}"`);
    seen.add(id!);
    let initialTtl: number | null = null;
    if (raw.initialTtl !== undefined) {
      if (!isInt(raw.initialTtl, 1, 255) || !initialTtls.includes(raw.initialTtl)) fail('.initialTtl', `expected one of ${initialTtls.join(', ')} ($.initialTtls), got ${describe(raw.initialTtl)}`);
      initialTtl = raw.initialTtl as number;
    }
    let windows: Set<number> | null = null;
    if (raw.windows !== undefined) {
      if (!Array.isArray(raw.windows) || raw.windows.length === 0) fail('.windows', `expected a non-empty array of TCP windows, got ${describe(raw.windows)}`);
      (raw.windows as unknown[]).forEach((w, i) => {
        if (!isInt(w, 0, 65535)) fail(`.windows[${i}]`, `expected an integer 0-65535, got ${describe(w)}`);
      });
      windows = new Set(raw.windows as number[]);
    }
    if (initialTtl === null && windows === null) fail('', 'a rule needs "initialTtl", "windows" or both (else it matches everything)');
    const t = raw.text;
    if (!isObj(t)) return fail('.text', `expected { "en": …, "zh": … }, got ${describe(t)}`);
    for (const lang of ['en', 'zh']) {
      if (typeof t[lang] !== 'string' || (t[lang] as string).trim() === '') fail(`.text.${lang}`, `expected a non-empty string, got ${describe(t[lang])}`);
    }
    if (typeof raw.source !== 'string' || raw.source.trim() === '') fail('.source', `expected a non-empty string naming where the rule comes from, got ${describe(raw.source)}`);
    return { id: id!, initialTtl, windows, text: { en: t.en as string, zh: t.zh as string }, source: raw.source as string };
  });
  return { initialTtls, maxHops: doc.maxHops as number, rules };
}

export function loadOsHints(file: string = DEFAULT_OS_HINTS_FILE): OsHintRules {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new SignatureError(file, null, { code: 'unreadable', why: (err as NodeJS.ErrnoException).code ?? (err as Error).message, problem: fsProblem(err) });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new SignatureError(file, null, { code: 'not-json', why: (err as Error).message });
  }
  return parseOsHints(json, file, text);
}

/**
 * The hint for a packet with this TTL and TCP window (window null: not TCP), or null
 * when the TTL is missing, implausibly far below every initial TTL, or no rule matches.
 */
export function osHint(rules: OsHintRules, ttl: number | null, window: number | null, lang: Lang): OsHint | null {
  if (ttl === null || ttl < 1 || ttl > 255) return null;
  const initial = rules.initialTtls.find((t) => t >= ttl);
  if (initial === undefined) return null;
  const hops = initial - ttl;
  if (hops > rules.maxHops) return null;
  for (const r of rules.rules) {
    if (r.initialTtl !== null && r.initialTtl !== initial) continue;
    if (r.windows !== null && (window === null || !r.windows.has(window))) continue;
    return { id: r.id, text: r.text[lang], ttl, initialTtl: initial, hops, window };
  }
  return null;
}
