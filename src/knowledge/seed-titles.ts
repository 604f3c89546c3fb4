// What a seed document is called where logscan names its source: the signature files
// name a seed by its file ("002_7fc6dc8747eb060f.txt"), which tells a reader nothing, so
// text output says its title (signatures/seed-titles.json) and JSON puts the title beside
// the file name. Read once, on the first source said (explain only).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SignatureError } from '../errors.js';
import { fsProblem } from '../input/problem.js';
import { parseJson } from './validate.js';
import type { Lang, LocalizedText } from './types.js';

export const SEED_TITLES_FILE = fileURLToPath(new URL('../../signatures/seed-titles.json', import.meta.url));

let titles: ReadonlyMap<string, LocalizedText> | undefined;

const isText = (v: unknown): v is LocalizedText =>
  typeof v === 'object' && v !== null && typeof (v as LocalizedText).en === 'string' && typeof (v as LocalizedText).zh === 'string';

/** The titles of the seed files, by file name; a broken built-in file stops the run as a bad signature file does. */
export function seedTitles(file = SEED_TITLES_FILE): ReadonlyMap<string, LocalizedText> {
  if (titles !== undefined && file === SEED_TITLES_FILE) return titles;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new SignatureError(file, null, { code: 'unreadable', why: code ?? (err as Error).message, problem: fsProblem(err) });
  }
  const seeds = (parseJson(file, text) as { seeds?: unknown }).seeds;
  if (!Array.isArray(seeds)) throw new SignatureError(file, null, '$.seeds: expected an array');
  const out = new Map<string, LocalizedText>();
  seeds.forEach((s: { id?: unknown; title?: unknown }, i) => {
    if (typeof s?.id !== 'string' || !isText(s.title)) throw new SignatureError(file, null, `$.seeds[${i}]: expected { "id": "FILE", "title": { "en": …, "zh": … } }`);
    out.set(s.id, s.title);
  });
  if (file === SEED_TITLES_FILE) titles = out;
  return out;
}

/**
 * A source or ref as a reader is told it: each seed file in it ("RFC 1122;
 * 002_7fc6dc8747eb060f.txt" names two) said by its title; anything else (an RFC, a
 * vendor's guide, "logscan", a --signatures file's own words) as it is.
 */
export function sourceText(ref: string, lang: Lang): string {
  const t = seedTitles();
  if (t.size === 0 || !ref.includes('.txt')) return ref;
  return ref
    .split('; ')
    .map((part) => t.get(part)?.[lang] ?? part)
    .join('; ');
}
