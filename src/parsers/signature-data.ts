// The parsers' lookup tables kept as data in signatures/ (Cisco's port names, pf's ICMP
// keywords, IOS inspection protocols, the vendors' zones …), each read on first use by its module.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SignatureError } from '../errors.js';

/**
 * The parsed JSON of signatures/NAME: beside dist/parsers/ and dist/bin/ (and src/parsers/ under
 * the tests) alike, two levels up. A file edited into something that is no JSON is a
 * SignatureError naming it (exit 2), not an internal error.
 */
export function readSignatureData(name: string): unknown {
  const url = new URL(`../../signatures/${name}`, import.meta.url);
  const text = readFileSync(url, 'utf8');
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new SignatureError(fileURLToPath(url), null, { code: 'not-json', why: (err as Error).message });
  }
}
