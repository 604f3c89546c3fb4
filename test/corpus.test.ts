// Conformance over the shared netfilter corpus (../shared/corpus/iptables, byte-exact
// third-party files listed in PROVENANCE.tsv): each file is sniffed like the CLI does,
// parsed without a throw, every line (journald export: every entry) gets exactly one
// verdict, and at least 99% of the firewall records become events.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sniffFormat } from '../src/parsers/registry.js';
import { parseLines, splitLines } from './helpers/parse.js';

const root = new URL('../../shared/corpus/', import.meta.url).pathname;
const SECTION = 'iptables/';

/** Files listed in PROVENANCE.tsv for this section (the first column is the path). */
function corpusFiles(): string[] {
  const rows = splitLines(readFileSync(`${root}PROVENANCE.tsv`, 'utf8')).slice(1);
  return rows.map((r) => r.split('\t')[0]!).filter((p) => p.startsWith(SECTION));
}

/** A netfilter record as a human would count it: the three anchor keys on one line. */
function isRecord(text: string): boolean {
  return text.includes('SRC=') && text.includes('PROTO=') && text.includes('IN=');
}

/** Entries of a journal export: runs of non-blank lines. */
function exportEntries(lines: readonly string[]): number {
  let n = 0;
  let inEntry = false;
  for (const l of lines) {
    const blank = l.trim() === '';
    if (!blank && !inEntry) n++;
    inEntry = !blank;
  }
  return n;
}

/**
 * Lines that hold a record yet are broken in the upstream file itself; listed rather than
 * lowering the bar. alfonsodeuna line 48 reads `DS.189.91.96` where `DST=…` belongs
 * (bytes lost upstream). (hms5232 lines 10-11 carry a 5-digit hextet: address-shaped,
 * so they are kept as logged and count as events.)
 */
const KNOWN_BAD: Record<string, Record<number, RegExp>> = {
  'iptables/alfonsodeuna-iso_ufw-rfc3339.log': { 48: /^DST: missing/ },
};

const files = corpusFiles();

describe('corpus: iptables', () => {
  it('PROVENANCE.tsv lists the files', () => {
    expect(files.length).toBeGreaterThanOrEqual(20);
  });

  for (const path of files) {
    it(`${path.slice(SECTION.length)}: sniffed, every line accounted for, >= 99% of records become events`, () => {
      const lines = splitLines(readFileSync(root + path, 'utf8'));
      const { format } = sniffFormat(lines.slice(0, 50));
      expect(format?.id).toMatch(/^(iptables|journald-export|journald-json)$/);
      const r = parseLines(format!, lines, { file: path });

      for (const m of r.malformed) expect(m.reason, `line ${m.line}`).not.toMatch(/^parser error/);

      const verdicts = [...r.events.map((e) => e.origin.line), ...r.skipped.map((s) => s.line), ...r.malformed.map((m) => m.line)];
      expect(new Set(verdicts).size, 'one verdict per line/entry').toBe(verdicts.length);
      if (format!.id === 'journald-export') {
        expect(verdicts.length).toBe(exportEntries(lines));
      } else {
        expect(verdicts.length).toBe(lines.length);
      }

      // Known upstream defects must be malformed with the field named; they do not count
      // against the 99%.
      const known = KNOWN_BAD[path] ?? {};
      for (const [line, reason] of Object.entries(known)) {
        expect(r.malformed.find((m) => m.line === Number(line))?.reason, `line ${line}`).toMatch(reason);
      }
      const recordLines = lines
        .map((text, i) => ({ text, line: i + 1 }))
        .filter(({ text, line }) => !(line in known) && (format!.id === 'journald-export' ? text.startsWith('MESSAGE=') : true) && isRecord(text));
      const parsed = new Set(r.events.map((e) => e.origin.line));
      const missed = recordLines.filter(({ line }) => !parsed.has(line));
      expect(recordLines.length).toBeGreaterThan(0);
      expect(1 - missed.length / recordLines.length, `missed lines: ${missed.slice(0, 5).map((m) => m.line)}`).toBeGreaterThanOrEqual(0.99);

      for (const e of r.events) {
        expect(e.time === null || Number.isFinite(e.time.getTime())).toBe(true);
        for (const p of [e.src.port, e.dst.port]) expect(p === null || (Number.isInteger(p) && p >= 0 && p <= 65535)).toBe(true);
      }
    });
  }
});
