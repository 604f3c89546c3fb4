// Temp signature directories for the knowledge tests: a copy of the built-in set that a
// test can break or change one field at a time.
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect } from 'vitest';
import { SignatureError } from '../../src/errors.js';
import { BUILTIN_SIGNATURES_DIR } from '../../src/knowledge/load.js';
import { tempDir as runTempDir } from '../helpers/temp.js';

const made: string[] = [];
afterEach(() => {
  while (made.length) rmSync(made.pop()!, { recursive: true, force: true });
});

export function tempDir(): string {
  const dir = runTempDir('sig-');
  made.push(dir);
  return dir;
}

export const FILES = ['categories.json', 'port-classes.json', 'ports.json', 'source-ports.json', 'addresses.json', 'asa-messages.json', 'sonicwall-messages.json'] as const;

/** A full copy of the built-in signatures. */
export function copyBuiltin(): string {
  const dir = tempDir();
  for (const f of FILES) cpSync(join(BUILTIN_SIGNATURES_DIR, f), join(dir, f));
  return dir;
}

export interface SigDoc {
  schemaVersion: unknown;
  entries: Record<string, unknown>[];
  [k: string]: unknown;
}

export function readDoc(dir: string, file: string): SigDoc {
  return JSON.parse(readFileSync(join(dir, file), 'utf8')) as SigDoc;
}

export function writeDoc(dir: string, file: string, doc: unknown): void {
  writeFileSync(join(dir, file), typeof doc === 'string' ? doc : JSON.stringify(doc, null, 2));
}

/** Copies the built-in set, lets `edit` change one file's parsed document, writes it back. */
export function builtinWith(file: (typeof FILES)[number], edit: (doc: SigDoc) => void): string {
  const dir = copyBuiltin();
  const doc = readDoc(dir, file);
  edit(doc);
  writeDoc(dir, file, doc);
  return dir;
}

export function entry(doc: SigDoc, id: string): Record<string, unknown> {
  const e = doc.entries.find((x) => x.id === id);
  if (!e) throw new Error(`no entry ${id}`);
  return e;
}

/** A minimal valid local port rule. */
export function localRule(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'local-backup-agent',
    ports: 9999,
    protocols: ['tcp'],
    name: 'Backup agent',
    category: 'service',
    family: null,
    severity: 1,
    rank: 1,
    text: { en: 'Our backup agent.', zh: '我们的备份代理。' },
    source: 'local',
    ...over,
  };
}

/** The SignatureError `load` throws (a test fails if it loads). */
export function refusal(load: () => unknown): SignatureError {
  try {
    load();
  } catch (err) {
    expect(err).toBeInstanceOf(SignatureError);
    return err as SignatureError;
  }
  throw new Error('expected a SignatureError, but the signatures loaded');
}
