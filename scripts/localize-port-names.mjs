#!/usr/bin/env node
// One-off schema migration, kept for local signature directories: turns the plain-string
// `name` of ports.json / source-ports.json entries into `{ "en": …, "zh": … }`.
//
//   node scripts/localize-port-names.mjs FILE.json [TRANSLATIONS.tsv]
//
// TRANSLATIONS.tsv holds "id<TAB>Chinese name" lines; an entry without one keeps its
// English name for zh too (what the loader does for a legacy string anyway).
// The file is edited as text, one line per name, so the rest of its layout and the
// English names stay byte-identical; the result is re-parsed and checked before writing.
import { readFileSync, writeFileSync } from 'node:fs';

const [file, tsv] = process.argv.slice(2);
if (!file) {
  console.error('usage: node scripts/localize-port-names.mjs FILE.json [TRANSLATIONS.tsv]');
  process.exit(2);
}
const zh = new Map();
if (tsv) {
  for (const line of readFileSync(tsv, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const [id, name, extra] = line.split('\t');
    if (!id || !name || extra !== undefined) throw new Error(`${tsv}: bad line ${JSON.stringify(line)}`);
    zh.set(id, name.trim());
  }
}

const text = readFileSync(file, 'utf8');
const before = JSON.parse(text);
const used = new Set();
let out = '';
let pos = 0;
let converted = 0;
for (const e of before.entries) {
  if (typeof e.name !== 'string') continue; // already converted
  const idAt = text.indexOf(`"id": ${JSON.stringify(e.id)}`, pos);
  const nameRe = /"name":\s*("(?:[^"\\]|\\.)*")/g;
  nameRe.lastIndex = idAt;
  const m = idAt < 0 ? null : nameRe.exec(text);
  if (!m || JSON.parse(m[1]) !== e.name) throw new Error(`${file}: cannot find the name of "${e.id}"`);
  const local = zh.get(e.id) ?? e.name;
  used.add(e.id);
  // The English name is copied as written in the file (m[1]), escapes and all.
  out += text.slice(pos, m.index) + `"name": { "en": ${m[1]}, "zh": ${JSON.stringify(local)} }`;
  pos = m.index + m[0].length;
  converted++;
}
out += text.slice(pos);

// Same document apart from the names, and every name now {en: old, zh: …}.
const after = JSON.parse(out);
before.entries.forEach((e, i) => {
  const a = after.entries[i];
  const want = typeof e.name === 'string' ? { en: e.name, zh: zh.get(e.id) ?? e.name } : e.name;
  if (JSON.stringify({ ...e, name: want }) !== JSON.stringify(a)) throw new Error(`${file}: entry "${e.id}" changed beyond its name`);
});
writeFileSync(file, out);
console.log(`${file}: ${converted} names converted, ${[...used].filter((id) => zh.has(id)).length} translated`);
