// docs/signatures.md, README's knowledge section and ARCHITECTURE's knowledge row are held to
// the files in signatures/: a data file added without a word on what it holds, who reads it
// and whether --signatures reaches it fails here, not in a user's hands.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SIGNATURE_FILES } from '../../src/knowledge/validate.js';

const root = new URL('../../', import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, root), 'utf8');

const dataFiles = readdirSync(new URL('signatures/', root))
  .filter((f) => f.endsWith('.json'))
  .sort();

/** The files a parser reads through signature-data.ts, found in the parsers' sources. */
function parserTables(): string[] {
  const found = new Set<string>();
  const dir = new URL('src/parsers/', root);
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
    for (const m of readFileSync(new URL(f, dir), 'utf8').matchAll(/readSignatureData\(\s*'([^']+)'/g)) found.add(m[1]!);
  }
  return [...found].sort();
}

/** The text from a heading to the next heading of the same or a higher level. */
function section(doc: string, heading: string): string {
  const start = doc.indexOf(`\n${heading}\n`);
  expect(start, heading).toBeGreaterThanOrEqual(0);
  const level = /^#+/.exec(heading)![0].length;
  const rest = doc.slice(start + heading.length + 2);
  const next = rest.search(new RegExp(`^#{1,${level}} `, 'm'));
  return next < 0 ? rest : rest.slice(0, next);
}

describe('docs/signatures.md and the files in signatures/', () => {
  const doc = read('docs/signatures.md');

  it('finds the data files and the parsers that read theirs', () => {
    // Guards the lists below: an empty directory or a renamed helper would pass every check vacuously.
    expect(dataFiles).toContain('ports.json');
    expect(parserTables()).toEqual(expect.arrayContaining(['cef.json', 'stormshield.json', 'watchguard.json', 'zone-sides.json', 'zyxel.json']));
    for (const t of parserTables()) expect(dataFiles, t).toContain(t);
  });

  it.each(dataFiles)('names %s', (file) => {
    expect(doc).toContain(`\`${file}\``);
  });

  it.each(parserTables())('gives the parser table %s a section saying who reads it, when, and that --signatures does not', (file) => {
    const body = section(doc, doc.split('\n').find((l) => l.startsWith(`### \`${file}\``)) ?? `### \`${file}\``);
    expect(body).toMatch(/Read by /);
    expect(body).toMatch(/[Nn]ot through\s+`--signatures`/);
  });

  it('gives each knowledge file --signatures reads a section, and the local-rules section lists them all', () => {
    const local = section(doc, '## Local rules with `--signatures DIR`');
    for (const file of Object.values(SIGNATURE_FILES)) {
      expect(doc.split('\n').some((l) => l.startsWith(`### \`${file}\``)), file).toBe(true);
      expect(local, file).toContain(`\`${file}\``);
    }
  });
});

describe("README's knowledge section and ARCHITECTURE's knowledge row", () => {
  it.each(dataFiles)("README's The knowledge names %s", (file) => {
    expect(section(read('README.md'), '## The knowledge')).toContain(`\`${file}\``);
  });

  it.each(parserTables())("ARCHITECTURE's knowledge row names %s", (file) => {
    const row = read('docs/ARCHITECTURE.md').split('\n').find((l) => l.startsWith('| knowledge |'));
    expect(row).toBeDefined();
    expect(row).toContain(`\`${file}\``);
  });
});
