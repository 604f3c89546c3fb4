// LoadedKnowledge.localSignatures: what the --signatures directories bring, by their
// entries in force, not by where they are or how their files are laid out.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { tempDir } from '../helpers/cli.js';

const printer = (name: string) => ({ id: 'printer-raw', ports: 9100, protocols: ['tcp'], name: { en: name, zh: name }, category: 'service', severity: 3, rank: 1, text: { en: 'Raw printing.', zh: '直接打印。' }, source: 'local' });
const noise = { id: 'lab-noise', ports: 47001, protocols: ['udp'], name: { en: 'Lab noise', zh: '实验室噪声' }, category: 'service', severity: 0, rank: 1, text: { en: 'Our lab.', zh: '我们的实验室。' }, source: 'local' };

function dir(entries: object[]): string {
  const d = join(tempDir(), 'sig');
  mkdirSync(d, { recursive: true });
  writeFileSync(join(d, 'ports.json'), JSON.stringify({ schemaVersion: 1, entries }));
  return d;
}
const hash = (...dirs: string[]): string | null => loadKnowledge({ extraDirs: dirs }).localSignatures;

describe('localSignatures', () => {
  it('null without --signatures', () => {
    expect(loadKnowledge().localSignatures).toBeNull();
  });

  it('the same entries in another order, or in two directories, are the same', () => {
    const one = hash(dir([printer('Office printers'), noise]));
    expect(one).toMatch(/^[0-9a-f]{16}$/);
    expect(hash(dir([noise, printer('Office printers')]))).toBe(one);
    expect(hash(dir([noise]), dir([printer('Office printers')]))).toBe(one);
  });

  it('an entry a later directory replaces does not count; the one in force does', () => {
    const one = hash(dir([printer('Office printers'), noise]));
    expect(hash(dir([printer('Old printers')]), dir([printer('Office printers'), noise]))).toBe(one);
    expect(hash(dir([printer('Office printers')]), dir([printer('Old printers'), noise]))).not.toBe(one);
  });
});
