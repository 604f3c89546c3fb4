// The finding ids are named in several places (the weights, the order of the "why" line,
// the stealth labels, the message catalog); each must know every id, or a finding is
// scored as nothing or never said.
import { describe, expect, it } from 'vitest';
import { EXPLANATION_ORDER, STEALTH_LABEL } from '../../src/aggregate/findings.js';
import { DEFAULT_THRESHOLDS, FINDING_IDS } from '../../src/aggregate/thresholds.js';
import { messages } from '../../src/i18n/messages.js';

describe('finding ids', () => {
  it('the "why" line has a place for every finding: its own, or the merged stealth part', () => {
    const placed = EXPLANATION_ORDER.flatMap((id) => (id === '*stealth' ? Object.keys(STEALTH_LABEL) : [id]));
    expect([...placed].sort()).toEqual([...FINDING_IDS].sort());
  });

  it('every finding has a weight (0 for those never scored up) and, in both languages, a text saying what it is', () => {
    for (const id of FINDING_IDS) {
      // 0 is a weight too (traceroute, replies, noise: shown, never scored up).
      expect(DEFAULT_THRESHOLDS.weights.findings[id], id).toBeGreaterThanOrEqual(0);
      for (const lang of ['en', 'zh'] as const) expect(messages(lang).finding.about[id], `${lang} ${id}`).toMatch(/\S/);
    }
  });
});
