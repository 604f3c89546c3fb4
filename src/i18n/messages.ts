// The message catalog by --lang: every word the report, `daily` and `follow` print
// around the log data. en.ts defines the keys; zh.ts must fill each of them.
// Stderr diagnostics stay English on purpose (they are for logs and scripts), and so
// do machine formats: JSON keys, CSV headers, blocklist comments.
import type { Lang } from '../knowledge/types.js';
import { en, type Messages } from './en.js';
import { zh } from './zh.js';

export type { Messages };

const CATALOG: Readonly<Record<Lang, Messages>> = { en, zh };

export function messages(lang: Lang): Messages {
  return CATALOG[lang];
}

/** A machine value's word ("drop" → "丢弃"), or the value itself when the catalog has none. */
export function wordFor(words: object, key: string): string {
  return Object.hasOwn(words, key) ? (words as Readonly<Record<string, string>>)[key]! : key;
}
