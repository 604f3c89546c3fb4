// Loads signatures/ (+ any --signatures DIR), validates, merges and indexes them, once
// at start-up. Synchronous on purpose: six small files, read before any input.

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SignatureError, systemLimit } from '../errors.js';
import { fsProblem } from '../input/problem.js';
import { buildKnowledgeBase, type IndexedKnowledge } from './index.js';
import type { AddressEntry, AsaMessage, Category, PortClass, PortEntry, SourcePortEntry } from './types.js';
import {
  parseJson,
  SIGNATURE_FILES,
  validateFile,
  validateMerged,
  type FileKind,
  type MergedRaw,
  type RawByKind,
} from './validate.js';

/** The package's own signatures/ — resolves the same from src/knowledge and dist/knowledge. */
export const BUILTIN_SIGNATURES_DIR = fileURLToPath(new URL('../../signatures/', import.meta.url));

export interface LoadOptions {
  /** --signatures directories, in order; later ones override earlier ones (and the built-in set) by id. */
  extraDirs?: readonly string[];
  /** Replaces the built-in directory (tests). */
  builtinDir?: string;
}

const KINDS = Object.keys(SIGNATURE_FILES) as FileKind[];

/** The knowledge base as loaded, and what the --signatures directories brought to it. */
export interface LoadedKnowledge extends IndexedKnowledge {
  /**
   * A hash of the entries the --signatures directories hold that are in force (those a
   * later directory replaced are not), read as entries: the same entries in other
   * directories, files laid out otherwise or in another order give the same; null without
   * --signatures. `daily --state` keeps it, so a day counted with other local rules is
   * not compared silently. Any change counts, a text's too: telling which fields can
   * change a count would be a second copy of the annotator's knowledge.
   */
  readonly localSignatures: string | null;
}

function isDirectory(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

function readKind<K extends FileKind>(kind: K, dir: string, required: boolean): RawByKind[K][] | null {
  const file = join(dir, SIGNATURE_FILES[kind]);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && !required) return null;
    // Too many open files is the system's limit, not the signatures' fault: said as such.
    if (systemLimit(err) !== null) throw err;
    throw new SignatureError(file, null, { code: 'unreadable', why: code ?? (err as Error).message, problem: fsProblem(err) });
  }
  return validateFile(kind, file, parseJson(file, text), text);
}

/** Same id = replace in place (keeps the built-in order); new id = append. */
function mergeInto<T extends { id: string }>(base: T[], extra: readonly T[]): void {
  const at = new Map(base.map((e, i) => [e.id, i]));
  for (const e of extra) {
    const i = at.get(e.id);
    if (i === undefined) {
      at.set(e.id, base.length);
      base.push(e);
    } else {
      base[i] = e;
    }
  }
}

function freezeText<T extends { en: string; zh: string }>(t: T): Readonly<{ en: string; zh: string }> {
  return Object.freeze({ en: t.en, zh: t.zh });
}

/** Loads and indexes the knowledge base; throws SignatureError naming file and entry on bad data. */
export function loadKnowledge(options: LoadOptions = {}): LoadedKnowledge {
  const builtin = options.builtinDir ?? BUILTIN_SIGNATURES_DIR;
  const merged: MergedRaw = { categories: [], portClasses: [], ports: [], sourcePorts: [], addresses: [], asaMessages: [], sonicwallMessages: [] };
  if (!isDirectory(builtin)) throw new SignatureError(builtin, null, { code: 'builtin-missing' });
  for (const kind of KINDS) {
    // The built-in set must be complete; a local dir may hold any subset.
    (merged[kind] as RawByKind[typeof kind][]) = readKind(kind, builtin, true) ?? [];
  }
  const local = new Set<object>();
  for (const dir of options.extraDirs ?? []) {
    if (!isDirectory(dir)) throw new SignatureError(dir, null, { code: 'not-directory' });
    let found = 0;
    for (const kind of KINDS) {
      const recs = readKind(kind, dir, false);
      if (recs === null) continue;
      found++;
      for (const r of recs) local.add(r);
      mergeInto(merged[kind] as { id: string }[], recs);
    }
    if (found === 0) {
      // Other files may live there (annotations.json belongs to the annotator), so
      // only an empty-handed directory is an error — most likely a wrong path.
      const present = readdirSync(dir).filter((f) => f.endsWith('.json'));
      throw new SignatureError(dir, null, { code: 'no-files', expected: Object.values(SIGNATURE_FILES), found: present });
    }
  }
  validateMerged(merged);

  const defaults = new Map(merged.categories.map((c) => [c.id, c.defaultSeverity]));
  const categories: Category[] = merged.categories.map((c) =>
    Object.freeze({ id: c.id, name: freezeText(c.name), defaultSeverity: c.defaultSeverity, hiddenUnderService: c.hiddenUnderService, malware: c.malware }),
  );
  const malware = new Set(merged.categories.filter((c) => c.malware).map((c) => c.id));
  const portClasses: PortClass[] = merged.portClasses.map((c) =>
    Object.freeze({ id: c.id, from: c.from, to: c.to, name: freezeText(c.name), text: freezeText(c.text), source: c.source }),
  );
  const entries: PortEntry[] = merged.ports.map((e) =>
    Object.freeze({
      id: e.id,
      from: e.from,
      to: e.to,
      protocols: Object.freeze([...e.protocols]),
      name: freezeText(e.name),
      category: e.category,
      // A finding groups a source's malware ports by family: an entry of a malware category
      // written without one (a local --signatures entry) is a family of its own, by its name.
      family: e.family !== null ? freezeText(e.family) : malware.has(e.category) ? freezeText(e.name) : null,
      // validateMerged guaranteed the category exists.
      severity: e.severity ?? defaults.get(e.category) ?? 0,
      rank: e.rank,
      text: freezeText(e.text),
      source: e.source,
    }),
  );
  const sourceEntries: SourcePortEntry[] = merged.sourcePorts.map((e) =>
    Object.freeze({
      id: e.id,
      from: e.from,
      to: e.to,
      protocols: Object.freeze([...e.protocols]),
      name: freezeText(e.name),
      annotation: e.annotation,
      severity: e.severity,
      text: freezeText(e.text),
      source: e.source,
    }),
  );
  const addresses: AddressEntry[] = merged.addresses.map((a) => Object.freeze({ id: a.id, range: a.range, name: freezeText(a.name), text: freezeText(a.text), ref: a.ref, asSource: a.asSource && freezeText(a.asSource) }));
  const message = (m: AsaMessage): AsaMessage => Object.freeze({ id: m.id, name: freezeText(m.name), text: freezeText(m.text), source: m.source });
  const asaMessages = merged.asaMessages.map(message);
  const sonicwallMessages = merged.sonicwallMessages.map(message);
  return { ...buildKnowledgeBase({ entries, sourceEntries, portClasses, categories, addresses, asaMessages, sonicwallMessages }), localSignatures: (options.extraDirs ?? []).length === 0 ? null : localFingerprint(merged, local) };
}

function localFingerprint(merged: MergedRaw, local: ReadonlySet<object>): string {
  const lines: string[] = [];
  for (const kind of KINDS) {
    for (const r of merged[kind] as { origin: unknown }[]) {
      if (!local.has(r)) continue;
      // Where it was read (file, index, text) is no part of what it says.
      const { origin: _origin, ...entry } = r;
      lines.push(`${kind} ${JSON.stringify(entry, sortedKeys)}`);
    }
  }
  return createHash('sha256').update(lines.sort().join('\n')).digest('hex').slice(0, 16);
}

/** JSON.stringify replacer: an object's keys in one order, whatever order they were set in. */
function sortedKeys(_key: string, value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const o = value as Record<string, unknown>;
  return Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]));
}
