// --signatures directories add and override entries, and the explain output really
// comes from the data: change or remove a signature and the output changes.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { answerQuery } from '../../src/cli/explain.js';
import { parseQuery } from '../../src/knowledge/query.js';
import { explainToJson, renderExplainTable } from '../../src/render/explain.js';
import { builtinWith, localRule, tempDir, writeDoc } from './helpers.js';

const explainText = (kb: ReturnType<typeof loadKnowledge>, q: string) =>
  renderExplainTable([answerQuery(kb, parseQuery(q), 'en')], kb, { lang: 'en', width: 120, color: false });

describe('--signatures', () => {
  it("docs/signatures.md's worked example loads as printed and replaces the two built-in entries", () => {
    const doc = readFileSync(new URL('../../docs/signatures.md', import.meta.url), 'utf8');
    const json = /cat > \/etc\/logscan\/signatures\/ports\.json <<'EOF'\n([\s\S]*?)\nEOF\n/.exec(doc)?.[1];
    expect(json).toBeDefined();
    const dir = tempDir();
    writeFileSync(join(dir, 'ports.json'), json!);
    const kb = loadKnowledge({ extraDirs: [dir] });
    expect(kb.lookup('tcp', 9100)[0]).toMatchObject({ id: 'printer-raw', source: 'local', severity: 3 });
    expect(kb.lookup('tcp', 6776)[0]).toMatchObject({ id: 'sub7-artifact', source: 'local', severity: 0 });
  });
  it('adds new entries and overrides built-in ones by id', () => {
    const dir = tempDir();
    writeDoc(dir, 'ports.json', {
      schemaVersion: 1,
      entries: [
        localRule(),
        localRule({
          id: 'sub7-artifact',
          ports: 6776,
          protocols: ['tcp'],
          name: 'Sub-7 leftover (site note)',
          category: 'trojan',
          family: 'Sub-7',
          severity: 1,
          text: { en: 'Known noise at our site.', zh: '本站已知噪声。' },
        }),
      ],
    });
    const kb = loadKnowledge({ extraDirs: [dir] });
    expect(kb.lookup('tcp', 9999).map((e) => e.id)).toEqual(['local-backup-agent']);
    const [first] = kb.lookup('tcp', 6776);
    expect(first).toMatchObject({ id: 'sub7-artifact', severity: 1, source: 'local' });
    // The override replaced the entry: its UDP side is gone, nothing is duplicated.
    expect(kb.lookup('udp', 6776).map((e) => e.id)).toEqual(['ultors-6776']);
    expect(kb.entries.filter((e) => e.id === 'sub7-artifact')).toHaveLength(1);
  });

  it('later directories win over earlier ones', () => {
    const a = tempDir();
    const b = tempDir();
    writeDoc(a, 'ports.json', { schemaVersion: 1, entries: [localRule({ name: 'from a' })] });
    writeDoc(b, 'ports.json', { schemaVersion: 1, entries: [localRule({ name: 'from b' })] });
    // A plain-string name (the form before names were localized) serves both languages.
    expect(loadKnowledge({ extraDirs: [a, b] }).lookup('tcp', 9999)[0].name).toEqual({ en: 'from b', zh: 'from b' });
    expect(loadKnowledge({ extraDirs: [b, a] }).lookup('tcp', 9999)[0].name.en).toBe('from a');
  });

  it('overrides categories, source ports and port classes too', () => {
    const dir = tempDir();
    writeDoc(dir, 'categories.json', { schemaVersion: 1, entries: [{ id: 'game', name: { en: 'Games', zh: '游戏' }, defaultSeverity: 0 }] });
    writeDoc(dir, 'source-ports.json', {
      schemaVersion: 1,
      entries: [{ id: 'srcport-dns', ports: 53, protocols: ['udp'], name: 'Our resolver', annotation: 'srcport-dns', severity: 0, text: { en: 'Our resolver.', zh: '本站解析器。' }, source: 'local' }],
    });
    writeDoc(dir, 'port-classes.json', {
      schemaVersion: 1,
      entries: [{ id: 'dynamic', ports: '49152-65535', name: { en: 'ephemeral port', zh: '临时端口' }, text: { en: 'Ours.', zh: '我们的。' }, source: 'local' }],
    });
    const kb = loadKnowledge({ extraDirs: [dir] });
    expect(kb.category('game')?.name.en).toBe('Games');
    expect(kb.lookupSource('udp', 53)[0].name).toEqual({ en: 'Our resolver', zh: 'Our resolver' });
    expect(kb.lookupSource('tcp', 53).map((e) => e.id)).toEqual(['srcport-low']);
    expect(kb.portClass(50000).name.en).toBe('ephemeral port');
  });

  it('changing a signature changes the explain output', () => {
    const before = explainText(loadKnowledge(), '6776');
    expect(before).toContain('not proof of infection');
    const dir = builtinWith('ports.json', (d) => {
      const e = d.entries.find((x) => x.id === 'sub7-artifact')!;
      e.text = { en: 'EDITED-TEXT for the test.', zh: '已修改。' };
    });
    const after = explainText(loadKnowledge({ builtinDir: dir }), '6776');
    expect(after).toContain('EDITED-TEXT');
    expect(after).not.toContain('not proof of infection');
  });

  it('removing a signature removes it from explain (table and JSON)', () => {
    const dir = builtinWith('ports.json', (d) => {
      d.entries = d.entries.filter((x) => x.id !== 'traceroute');
    });
    const full = loadKnowledge();
    const without = loadKnowledge({ builtinDir: dir });
    expect(explainText(full, '33500/udp')).toContain('[traceroute]');
    const text = explainText(without, '33500/udp');
    expect(text).not.toContain('traceroute');
    expect(text).toContain('No known meaning as a destination port.');
    const json = explainToJson([answerQuery(without, parseQuery('33500/udp'), 'en')], 'en');
    expect(json[0].entries).toEqual([]);
  });
});
