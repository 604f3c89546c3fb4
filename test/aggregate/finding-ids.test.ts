// The finding ids have one source, src/aggregate/finding-ids.ts: the weights, the order of
// the "why" line, the scans, the stealth labels and this side's findings are derived from
// it, and every id must have an explanation in both languages that `logscan explain` finds,
// or a finding is scored as nothing, never said, or cannot be looked up.
import { describe, expect, it } from 'vitest';
import { EXPLANATION_ORDER, FINDINGS, FINDING_IDS, SCAN_FINDINGS, STEALTH_LABEL, THIS_SIDE_FINDINGS } from '../../src/aggregate/finding-ids.js';
import { DEFAULT_THRESHOLDS } from '../../src/aggregate/thresholds.js';
import { describeIds } from '../../src/cli/explain-ids.js';
import { findingLabel, messages } from '../../src/i18n/messages.js';
import { displayWidth } from '../../src/render/box-table.js';

describe('finding ids', () => {
  it('are unique, lowercase kebab-case', () => {
    expect(new Set(FINDING_IDS).size).toBe(FINDING_IDS.length);
    for (const id of FINDING_IDS) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('the "why" line has a place for every finding: its own, or the merged stealth part', () => {
    const placed = EXPLANATION_ORDER.flatMap((id) => (id === '*stealth' ? Object.keys(STEALTH_LABEL) : [id]));
    expect([...placed].sort()).toEqual([...FINDING_IDS].sort());
    // Scans first, then stealth, then trojans (docs/ranking.md).
    expect(EXPLANATION_ORDER.slice(0, 10)).toEqual(['outbound-malware', 'outbound-blocked', 'allowed-in', 'vertical-scan', 'horizontal-sweep', 'udp-scan', 'proto-scan', 'slow-scan', '*stealth', 'trojan-probe']);
  });

  it('the default weights, the scans, the stealth labels and the findings about this side come from the one list', () => {
    expect(DEFAULT_THRESHOLDS.weights.findings).toEqual(Object.fromEntries(FINDINGS.map((f) => [f.id, f.weight])));
    expect(SCAN_FINDINGS).toEqual(['vertical-scan', 'horizontal-sweep', 'udp-scan', 'proto-scan', 'slow-scan']);
    expect(STEALTH_LABEL).toEqual({ 'null-scan': 'NULL', 'xmas-scan': 'XMAS', 'synfin-scan': 'SYN+FIN', 'fin-scan': 'FIN', 'ack-scan': 'ACK' });
    expect(THIS_SIDE_FINDINGS).toEqual(['outbound-malware', 'outbound-blocked', 'outbound-traceroute']);
  });

  it('every finding has, in both languages, an explanation that `logscan explain ID` gives, with its weight', () => {
    for (const lang of ['en', 'zh'] as const) {
      const about: Readonly<Record<string, string>> = messages(lang).finding.about;
      expect(Object.keys(about).sort(), lang).toEqual([...FINDING_IDS].sort());
      for (const f of FINDINGS) {
        expect(about[f.id], `${lang} ${f.id}`).toMatch(/\S.{9,}/);
        const found = describeIds(f.id, lang).filter((d) => d.kind === 'finding');
        expect(found, `${lang} ${f.id}`).toEqual([expect.objectContaining({ id: f.id, weight: f.weight, texts: [about[f.id]] })]);
      }
    }
  });

  it('every finding has, in both languages, a short label for people: a few words, its own, never the bare id', () => {
    for (const lang of ['en', 'zh'] as const) {
      const label: Readonly<Record<string, string>> = messages(lang).finding.label;
      expect(Object.keys(label).sort(), lang).toEqual([...FINDING_IDS].sort());
      for (const id of FINDING_IDS) {
        expect(label[id], `${lang} ${id}`).toMatch(/\S/);
        expect(label[id], `${lang} ${id}`).not.toBe(id);
        // A label, not a sentence: the findings line lists ten of them, each with its id.
        expect(displayWidth(label[id]!), `${lang} ${id}`).toBeLessThanOrEqual(30);
        // Within the ' · ' list and before the id's own brackets.
        expect(label[id], `${lang} ${id}`).not.toMatch(/[·()（）]/);
      }
      // Two findings read alike would be one to the reader.
      expect(new Set(Object.values(label)).size, lang).toBe(FINDING_IDS.length);
    }
  });

  it('findingLabel: the label in the language asked; an id it does not know, even an Object method, as it is', () => {
    expect(findingLabel('trojan-probe', 'en')).toBe('trojan port probes');
    expect(findingLabel('trojan-probe', 'zh')).toBe('木马端口探测');
    expect(findingLabel('no-such-finding', 'zh')).toBe('no-such-finding');
    expect(findingLabel('constructor', 'en')).toBe('constructor');
  });
});
