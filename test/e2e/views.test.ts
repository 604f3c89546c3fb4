// test/helpers/views.ts renders a format from the CLI's JSON document instead of starting
// the CLI once per format: here each format it gives is held to what the CLI prints, so the
// tests that read a format through it read what a person gets.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCliShared } from '../helpers/cli.js';
import { dailyAs, reportAs } from '../helpers/views.js';

const samples = ['samples/ufw.log', 'samples/pfirewall.log', 'samples/firewalld.log'].map((f) => join(repoRoot, f));
const windows = join(repoRoot, '../shared/corpus/windows-firewall/plaso_windows_firewall.log');

/** What the CLI prints for `args -o format`, which must end well. */
function cli(args: string[], format: string, env: Record<string, string> = {}): string {
  const r = runCliShared([...args, '-o', format], { env });
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
}

describe('the report: the CLI prints what the renderers make of its JSON document', () => {
  it('text (at two widths), Markdown, HTML and the CSV tables the tests read, in English and Chinese', () => {
    // Three formats and a Windows log of packets and connections: rankings, interpretations, "logged as", replies.
    // Each check is a start-up: a width and a CSV table once, not in every language.
    for (const [lang, width] of [['en', 100], ['zh', 250]] as const) {
      const args = [...samples, windows, '--tz', 'UTC', '--lang', lang];
      expect(cli(args, 'text', { COLUMNS: String(width) }), `text ${width} ${lang}`).toBe(reportAs(args, 'text', { width }));
      expect(cli(args, 'markdown'), `markdown ${lang}`).toBe(reportAs(args, 'markdown'));
      expect(cli(args, 'html'), `html ${lang}`).toBe(reportAs(args, 'html'));
    }
    const args = [...samples, windows, '--tz', 'UTC', '--lang', 'en'];
    for (const csvTable of ['sources', 'ports'] as const) expect(cli([...args, '--csv-table', csvTable], 'csv'), csvTable).toBe(reportAs(args, 'csv', { csvTable }));
  });

  it('a source in detail, a filter and a zone of its own (text)', () => {
    const args = [join(repoRoot, 'samples/ufw.log'), '--tz', 'America/New_York', '--source', '198.51.100.77', '--source', '198.51.100.112', '--since', '2026-01-01', '--year', '2026'];
    const text = cli(args, 'text');
    expect(text).toContain('in detail');
    expect(text).toBe(reportAs(args, 'text'));
  });
});

describe('daily: the CLI prints what the renderers make of its JSON document', () => {
  it('text, Markdown and HTML', () => {
    // English: test/daily/e2e.test.ts holds the CLI's Chinese to the same renderers' (its comparison section).
    const args = ['daily', join(repoRoot, 'samples/ufw.log'), '--date', '2026-11-21', '--year', '2026', '--tz', 'UTC'];
    expect(cli(args, 'text')).toBe(dailyAs(args, 'text'));
    expect(cli(args, 'markdown')).toBe(dailyAs(args, 'markdown'));
    expect(cli(args, 'html')).toBe(dailyAs(args, 'html'));
  });
});
