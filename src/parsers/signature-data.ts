// The parsers' lookup tables kept as data in signatures/ (Cisco's port names, pf's ICMP
// keywords, IOS inspection protocols), each read on first use by its module.
import { readFileSync } from 'node:fs';

/** The parsed JSON of signatures/NAME: beside dist/parsers/ and dist/bin/ (and src/parsers/ under the tests) alike, two levels up. */
export function readSignatureData(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`../../signatures/${name}`, import.meta.url), 'utf8'));
}
