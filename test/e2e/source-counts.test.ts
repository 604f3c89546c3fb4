// The top sources table has one count column, and every format heads and fills it alike:
// a source's packets ("message repeated N times" counts N, as every other count of the
// report does), headed by what they are (a Windows log's connection rows: connections or
// records). A reader comparing the terminal with the page or the ticket sees one number.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli, tempDir } from '../helpers/cli.js';

// ufw with repeated messages: 192.168.1.1 logged 329 events, 356 packets.
const UFW = join(repoRoot, '../shared/corpus/iptables/alfonsodeuna-iso_ufw-rfc3339.log');
const BASE = ['--tz', 'UTC', '--top', '30'];
const wide = { env: { COLUMNS: '200' } };

interface Table {
  head: string[];
  rows: string[][];
}

/** The text report's top sources table (the first box), cells trimmed. */
function textTable(out: string): Table {
  const lines = out.split('\n');
  const from = lines.findIndex((l) => l.startsWith('┌'));
  const to = lines.findIndex((l, i) => i > from && l.startsWith('└'));
  const cells = lines.slice(from + 1, to).filter((l) => l.startsWith('│')).map((l) => l.split('│').slice(1, -1).map((c) => c.trim()));
  return { head: cells[0]!, rows: cells.slice(1) };
}

/** The Markdown report's first table. */
function mdTable(out: string): Table {
  const lines = out.split('\n').filter((l) => l.startsWith('|'));
  const cells = lines.map((l) => l.split(' | ').map((c) => c.replace(/^\| ?| ?\|$/g, '').trim()));
  return { head: cells[0]!, rows: cells.slice(2) };
}

/** The HTML page's top sources table: its heads, and each row's cells (the source a row head, the others data) by their data-label. */
function htmlTable(out: string): Table {
  const table = out.slice(out.indexOf('<table'), out.indexOf('</table>'));
  const head = [...table.matchAll(/<th scope="col"[^>]*>([^<]*)<\/th>/g)].map((m) => m[1]!);
  const rows = table
    .split('<tr>')
    .slice(2)
    .map((r) => head.map((h) => r.match(new RegExp(`<(?:td|th scope="row") data-label="${h}"[^>]*>(.*?)</t[dh]>`))?.[1]?.replace(/<[^>]+>/g, '') ?? ''));
  return { head, rows };
}

/** The count of `ip` in the column headed `head`. */
function countOf(t: Table, ip: string, head: string): string | undefined {
  const col = t.head.indexOf(head);
  const row = t.rows.find((r) => r.some((c) => c === ip || c.endsWith(ip)));
  return col < 0 ? undefined : row?.[col];
}

describe('top sources: one count column, the same in every format', () => {
  it('a ufw log with repeats: packets, 356 for 192.168.1.1, in text, Markdown, HTML and CSV', () => {
    const json = JSON.parse(runCli([UFW, ...BASE, '-o', 'json']).stdout) as { sources: { ip: string; events: number; packets: number }[] };
    const src = json.sources.find((s) => s.ip === '192.168.1.1')!;
    expect([src.events, src.packets]).toEqual([329, 356]);
    const text = textTable(runCli([UFW, ...BASE], wide).stdout);
    const md = mdTable(runCli([UFW, ...BASE, '-o', 'md']).stdout);
    const html = htmlTable(runCli([UFW, ...BASE, '-o', 'html']).stdout);
    for (const t of [text, md, html]) {
      expect(t.head).not.toContain('events');
      expect(countOf(t, '192.168.1.1', 'packets')).toBe('356');
    }
    const csv = runCli([UFW, ...BASE, '-o', 'csv']).stdout.split('\r\n').map((l) => l.split(','));
    expect(csv.find((r) => r[1] === '192.168.1.1')![csv[0]!.indexOf('packets')]).toBe('356');
  });

  it('the same in Chinese', () => {
    const text = textTable(runCli([UFW, ...BASE, '--lang', 'zh'], wide).stdout);
    const md = mdTable(runCli([UFW, ...BASE, '--lang', 'zh', '-o', 'md']).stdout);
    const html = htmlTable(runCli([UFW, ...BASE, '--lang', 'zh', '-o', 'html']).stdout);
    for (const t of [text, md, html]) {
      expect(t.head).not.toContain('事件数');
      expect(countOf(t, '192.168.1.1', '包数')).toBe('356');
    }
  });

  it('a Windows log heads it by what its rows are: connections, records', () => {
    const header = '#Version: 1.5\r\n#Software: Microsoft Windows Firewall\r\n#Time Format: Local\r\n#Fields: date time action protocol src-ip dst-ip src-port dst-port size tcpflags tcpsyn tcpack tcpwin icmptype icmpcode info path\r\n';
    const allow = '2026-11-20 10:00:00 ALLOW TCP 203.0.113.50 192.168.1.35 50001 3389 0 - 0 0 0 - - - RECEIVE\r\n';
    const drop = '2026-11-20 10:10:00 DROP TCP 198.51.100.7 192.168.1.35 40000 445 52 S 1 0 64240 - - - RECEIVE\r\n';
    const dir = tempDir();
    for (const [name, rows, head] of [
      ['allow.log', allow.repeat(3), 'connections'],
      ['both.log', allow.repeat(3) + drop.repeat(2), 'records'],
    ] as const) {
      const log = join(dir, name);
      writeFileSync(log, header + rows);
      const text = textTable(runCli([log, ...BASE], wide).stdout);
      const md = mdTable(runCli([log, ...BASE, '-o', 'md']).stdout);
      const html = htmlTable(runCli([log, ...BASE, '-o', 'html']).stdout);
      for (const t of [text, md, html]) expect(countOf(t, '203.0.113.50', head)).toBe('3');
      // CSV names its columns for programs, in English: the same count is its `packets`.
      const csv = runCli([log, ...BASE, '-o', 'csv']).stdout.split('\r\n').map((l) => l.split(','));
      expect(csv.find((r) => r[1] === '203.0.113.50')![csv[0]!.indexOf('packets')]).toBe('3');
    }
  });
});
