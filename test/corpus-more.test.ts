// Conformance over the shared corpus sections for the newer formats (pfsense-filterlog/,
// cisco-asa/, other/ = MikroTik), walking PROVENANCE.tsv: each file is sniffed like the
// CLI does, every line gets exactly one verdict, no parser error, and at least 99% of
// the file's records become events. What counts as a record, per format:
//   - filterlog: a line naming the filterlog program (`filterlog:`, `filterlog[pid]:`,
//     or RFC 5424 APP-NAME `filterlog`) — every such line carries one CSV row;
//   - Cisco ASA: a line whose `%ASA-n-NNNNNN:` id is one the parser reads
//     (ASA_MESSAGE_IDS: 106001 106006 106007 106010 106014 106015 106023 106100
//     302013-302016 302020 302021 313001 313004 313005 419002 500003 710002 710003
//     710005); other ids are skipped by design and must be skipped with their id;
//   - MikroTik: a firewall line, `<chain>: in:… out:…` with a `src->dst` pair.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ASA_MESSAGE_IDS } from '../src/parsers/cisco-asa.js';
import { sniffFormat } from '../src/parsers/registry.js';
import { parseLines, splitLines } from './helpers/parse.js';

const root = new URL('../../shared/corpus/', import.meta.url).pathname;
const SECTIONS: Record<string, string> = { 'pfsense-filterlog/': 'pfsense-filterlog', 'cisco-asa/': 'cisco-asa', 'other/': 'mikrotik' };

function corpusFiles(): string[] {
  const rows = splitLines(readFileSync(`${root}PROVENANCE.tsv`, 'utf8')).slice(1);
  return rows.map((r) => r.split('\t')[0]!).filter((p) => Object.keys(SECTIONS).some((s) => p.startsWith(s)));
}

const ASA_IDS = new Set(ASA_MESSAGE_IDS);
const ASA_TAG = /%(?:ASA|PIX|FTD|FWSM)-\d-(\d{6}):/;

const IS_RECORD: Record<string, (text: string) => boolean> = {
  'pfsense-filterlog': (t) => /\bfilterlog(?:\[\d+\])?:|\sfilterlog\s\d+\s/.test(t),
  'cisco-asa': (t) => {
    const m = ASA_TAG.exec(t);
    return m !== null && ASA_IDS.has(Number(m[1]));
  },
  mikrotik: (t) => /: in:\S.* out:\S/.test(t) && t.includes('->'),
};

/**
 * Records broken in the upstream file itself; listed rather than lowering the bar.
 * metron line 93 reads `DMZ-Inside:[10.22.8.10/57109` (a stray '[' before the address).
 */
const KNOWN_BAD: Record<string, Record<number, RegExp>> = {
  'cisco-asa/metron_asa_raw.log': { 93: /^302014: for: invalid address '\[10\.22\.8\.10'/ },
};

const files = corpusFiles();

describe('corpus: filterlog, Cisco ASA, MikroTik', () => {
  it('PROVENANCE.tsv lists the files of each section', () => {
    for (const s of Object.keys(SECTIONS)) expect(files.some((f) => f.startsWith(s)), s).toBe(true);
  });

  for (const path of files) {
    const expected = SECTIONS[Object.keys(SECTIONS).find((s) => path.startsWith(s))!]!;
    it(`${path}: sniffed as ${expected}, every line accounted for, >= 99% of records become events`, () => {
      const lines = splitLines(readFileSync(root + path, 'utf8'));
      const { format } = sniffFormat(lines.slice(0, 50));
      expect(format?.id).toBe(expected);
      const r = parseLines(format!, lines, { file: path });

      for (const m of r.malformed) expect(m.reason, `line ${m.line}`).not.toMatch(/^parser error/);
      const verdicts = [...r.events.map((e) => e.origin.line), ...r.skipped.map((s) => s.line), ...r.malformed.map((m) => m.line)];
      expect(new Set(verdicts).size, 'one verdict per line').toBe(verdicts.length);
      expect(verdicts.length).toBe(lines.length);

      const known = KNOWN_BAD[path] ?? {};
      for (const [line, reason] of Object.entries(known)) {
        expect(r.malformed.find((m) => m.line === Number(line))?.reason, `line ${line}`).toMatch(reason);
      }
      const isRecord = IS_RECORD[expected]!;
      const records = lines.map((text, i) => ({ text, line: i + 1 })).filter(({ text, line }) => !(line in known) && isRecord(text));
      const parsed = new Set(r.events.map((e) => e.origin.line));
      const missed = records.filter(({ line }) => !parsed.has(line));
      expect(records.length).toBeGreaterThan(0);
      expect(1 - missed.length / records.length, `missed lines: ${missed.slice(0, 5).map((m) => m.line)}`).toBeGreaterThanOrEqual(0.99);
      // Nothing beyond the records becomes an event (no guessing from other messages).
      expect(r.events.length).toBe(records.length - missed.length);

      if (expected === 'cisco-asa') {
        // Unsupported ids are skipped, each with its id in the reason.
        for (const s of r.skipped) {
          const id = ASA_TAG.exec(lines[s.line - 1]!)?.[1];
          if (id !== undefined) expect(s.reason).toContain(id);
        }
      }
      for (const e of r.events) {
        expect(e.format).toBe(expected);
        expect(e.time === null || Number.isFinite(e.time.getTime())).toBe(true);
        for (const p of [e.src.port, e.dst.port]) expect(p === null || (Number.isInteger(p) && p >= 0 && p <= 65535)).toBe(true);
      }
    });
  }
});
