// The HTML pages' tables name each row by a header cell (`<th scope="row">`): a screen reader
// then announces a row's cells with what names the row (its source, port, interpretation,
// log prefix), as it announces them with their column's heading. The look is the browser
// test's (test/daily/browser.test.ts); this holds the markup of every table of both pages.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { messages } from '../../src/i18n/messages.js';
import type { Lang } from '../../src/knowledge/types.js';
import { repoRoot, runCliShared } from '../helpers/cli.js';

const UFW = join(repoRoot, 'samples/ufw.log');
const PFIREWALL = join(repoRoot, 'samples/pfirewall.log');
const LONG = join(repoRoot, 'test/fixtures/report/long-strings.log');
const ASA = new URL('../../../shared/corpus/cisco-asa/metron_asa_raw.log', import.meta.url).pathname;
const BASE = ['--year', '2026', '--tz', 'UTC'];

interface Cell {
  tag: 'td' | 'th';
  attrs: string;
}
interface Table {
  /** The column headings, as text, and each one's scope. */
  head: { text: string; scope: string | null }[];
  rows: Cell[][];
}

/** Every table of a page: its heading row and the cells of each body row (no table nests another). */
function tables(html: string): Table[] {
  return [...html.matchAll(/<table[^>]*><thead><tr>(.*?)<\/tr><\/thead><tbody>(.*?)<\/tbody><\/table>/gs)].map((m) => ({
    head: [...m[1]!.matchAll(/<th([^>]*)>([^<]*)<\/th>/g)].map((h) => ({ text: h[2]!, scope: /scope="([^"]*)"/.exec(h[1]!)?.[1] ?? null })),
    rows: m[2]!
      .split('<tr>')
      .slice(1)
      .map((row) => [...row.matchAll(/<(td|th)\b([^>]*)>/g)].map((c) => ({ tag: c[1] as 'td' | 'th', attrs: c[2]! }))),
  }));
}

/** The heading of the column whose cell names a row, in each table of a page. */
function namingHeads(lang: Lang): string[] {
  const m = messages(lang);
  return [m.report.head.source, m.report.head.port, m.report.head.interpretation, m.report.head.target, m.daily.md.ruleHead];
}

const pages: { name: string; lang: Lang; args: string[]; tables: number }[] = [
  { name: 'ufw report', lang: 'en', args: [UFW], tables: 4 },
  { name: 'ufw report zh', lang: 'zh', args: [UFW, '--lang', 'zh'], tables: 4 },
  { name: 'pfirewall report', lang: 'en', args: [PFIREWALL], tables: 3 },
  { name: 'long strings report', lang: 'en', args: [LONG], tables: 3 },
  { name: 'asa report', lang: 'en', args: [ASA], tables: 4 },
  { name: 'ufw daily', lang: 'en', args: ['daily', UFW, '--date', '2026-11-20'], tables: 4 },
  { name: 'ufw daily zh', lang: 'zh', args: ['daily', UFW, '--date', '2026-11-21', '--lang', 'zh'], tables: 4 },
];

describe('HTML tables: each row named by one <th scope="row">', () => {
  for (const p of pages) {
    it(p.name, () => {
      const r = runCliShared([...p.args, ...BASE, '-o', 'html']);
      expect(r.code, r.stderr).toBe(0);
      const found = tables(r.stdout);
      // Every <table> of the page was read, and the ones this page is known to have.
      expect(found).toHaveLength((r.stdout.match(/<table/g) ?? []).length);
      expect(found.length).toBeGreaterThanOrEqual(p.tables);
      const naming = namingHeads(p.lang);
      for (const t of found) {
        const heads = t.head.map((h) => h.text);
        const col = heads.findIndex((h) => naming.includes(h));
        expect(col, heads.join('|')).toBeGreaterThanOrEqual(0);
        expect(t.head.every((h) => h.scope === 'col'), heads.join('|')).toBe(true);
        expect(t.rows.length, heads.join('|')).toBeGreaterThan(0);
        for (const row of t.rows) {
          expect(row, heads.join('|')).toHaveLength(heads.length);
          // Exactly one header cell, a row's, in the naming column; every other cell is data.
          expect(row.map((c) => c.tag).join(' '), heads[col]).toBe(row.map((_, i) => (i === col ? 'th' : 'td')).join(' '));
          // On a phone the cell shows its label in front: the column's own heading.
          expect(row[col]!.attrs).toMatch(new RegExp(`^ scope="row" data-label="${heads[col]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`));
        }
      }
    });
  }

  it('the row heads of the sources, ports and interpretations tables hold the source, the port, the interpretation', () => {
    const html = runCliShared([UFW, ...BASE, '-o', 'html']).stdout;
    const heads = (label: string) => [...html.matchAll(new RegExp(`<th scope="row" data-label="${label}"[^>]*>(.*?)</th>`, 'g'))].map((m) => m[1]!.replace(/<[^>]+>/g, ''));
    expect(heads('source')[0]).toBe('#1 198.51.100.77');
    expect(heads('port')).toContain('22/tcp');
    expect(heads('interpretation')).toContain('route tracing (traceroute)');
    expect(heads('logged as')).toContain('[UFW BLOCK]');
  });
});
