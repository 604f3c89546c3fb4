// The seed documents' titles (signatures/seed-titles.json): every seed file a signature
// file names has one in both languages, and explain says the title where it said the file.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { answerQuery } from '../../src/cli/explain.js';
import { BUILTIN_SIGNATURES_DIR, loadKnowledge } from '../../src/knowledge/load.js';
import { parseQuery } from '../../src/knowledge/query.js';
import { seedTitles, sourceText } from '../../src/knowledge/seed-titles.js';
import { displayWidth } from '../../src/render/box-table.js';
import { explainToJson, renderExplainTable } from '../../src/render/explain.js';

const SEED = /\b\d{3}_[0-9a-f]{16}\.txt\b/g;
const SEEDS_DIR = join(BUILTIN_SIGNATURES_DIR, '../../shared/seeds');

describe('seed titles', () => {
  it('every seed file a signature file names has an English and a Chinese title that says which seed it is', () => {
    const named = new Set<string>();
    for (const f of readdirSync(BUILTIN_SIGNATURES_DIR).filter((n) => n.endsWith('.json') && n !== 'seed-titles.json')) {
      for (const m of readFileSync(join(BUILTIN_SIGNATURES_DIR, f), 'utf8').matchAll(SEED)) named.add(m[0]);
    }
    expect(named.size).toBeGreaterThanOrEqual(5);
    const titles = seedTitles();
    for (const id of named) {
      const t = titles.get(id);
      expect(t, id).toBeDefined();
      const n = id.slice(0, 3);
      expect(t!.en).toMatch(new RegExp(`^\\S.*\\(seed article ${n}\\)$`));
      expect(t!.zh).toMatch(new RegExp(`（种子文章 ${n}）$`));
    }
  });

  it('titles only files that exist among the seeds (where ../shared is beside the checkout)', () => {
    if (!existsSync(SEEDS_DIR)) return;
    expect([...seedTitles().keys()].sort()).toEqual(readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).sort());
  });

  it('sourceText titles each seed in a ref and leaves every other reference as it is', () => {
    expect(sourceText('002_7fc6dc8747eb060f.txt', 'en')).toBe('Port basics and reading firewall logs (seed article 002)');
    expect(sourceText('RFC 1122; 002_7fc6dc8747eb060f.txt', 'zh')).toBe('RFC 1122; 端口基础知识与防火墙日志解读（种子文章 002）');
    expect(sourceText('logscan', 'en')).toBe('logscan');
    expect(sourceText('999_0000000000000000.txt', 'en')).toBe('999_0000000000000000.txt');
  });

  it('explain says the title, never the file; its JSON keeps the file and puts the title beside it', () => {
    const kb = loadKnowledge();
    // traceroute's one source is seed 002 (port-known now also names logscan, for its words on traffic inside).
    const res = ['traceroute', '0.0.0.0'].map((q) => answerQuery(kb, parseQuery(q), 'en'));
    const text = renderExplainTable(res, kb, { lang: 'en', width: 100, color: false });
    expect(text).toContain('  source: Port basics and reading firewall logs (seed article 002)\n');
    expect(text).toContain('RFC 1122; Port basics and reading firewall logs (seed article 002)');
    expect(text).not.toMatch(SEED);
    const [id, address] = explainToJson(res, 'en');
    expect(id!.ids![0]).toMatchObject({ refs: ['002_7fc6dc8747eb060f.txt'], refTitles: ['Port basics and reading firewall logs (seed article 002)'] });
    expect(address!.addresses![0]).toMatchObject({ ref: 'RFC 1122; 002_7fc6dc8747eb060f.txt', refTitle: 'RFC 1122; Port basics and reading firewall logs (seed article 002)' });
    const zh = renderExplainTable([answerQuery(kb, parseQuery('traceroute'), 'zh')], kb, { lang: 'zh', width: 100, color: false });
    expect(zh).toContain('出处：端口基础知识与防火墙日志解读（种子文章 002）');
    // Too long beside its range on a narrow terminal, the reference goes under it, inside the width.
    const narrow = renderExplainTable([res[1]!], kb, { lang: 'en', width: 60, color: false }).split('\n');
    expect(narrow[2]).toBe('    source: RFC 1122; Port basics and reading firewall logs');
    for (const line of narrow) expect(displayWidth(line)).toBeLessThanOrEqual(60);
  });
});
