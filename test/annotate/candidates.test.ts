// CandidateList.for must drop exactly the rules whose direction, action or rule-label
// condition fails, keep the rest in order, and stay right past its caches' bounds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CandidateList, LabelBits, type Narrowable } from '../../src/annotate/candidates.js';

interface Rule extends Narrowable {
  readonly n: number;
}

const PATTERNS = ['[UFW AUDIT', '[UFW ALLOW]', '[UFW LIMIT', 'INFO-EVENTS-LOST', 'DROP'];
const LABELS = ['[UFW BLOCK]', '[UFW AUDIT] ', '[UFW ALLOW]', '[UFW LIMIT BLOCK]', 'INFO-EVENTS-LOST', 'IN_public_DROP', 'x'.repeat(40), ''];
const BITS = [0, 1, 2, 4, 8];

const ruleArb = fc.record({
  dirMask: fc.integer({ min: 0, max: 15 }),
  actionMask: fc.integer({ min: 0, max: 15 }),
  ruleContains: fc.option(fc.subarray(PATTERNS, { minLength: 1 }), { nil: null }),
});

/** What the annotator's per-event checks decide for these three conditions. */
function passes(r: Narrowable, dir: number, action: number, label: string | null): boolean {
  if (r.dirMask !== 0 && (r.dirMask & dir) === 0) return false;
  if (r.actionMask !== 0 && (r.actionMask & action) === 0) return false;
  if (r.ruleContains !== null && (label === null || !r.ruleContains.some((p) => label.includes(p)))) return false;
  return true;
}

describe('CandidateList', () => {
  it('keeps exactly the rules that pass, in their order', () => {
    fc.assert(
      fc.property(
        fc.array(ruleArb, { maxLength: 30 }),
        fc.array(fc.record({ dir: fc.constantFrom(...BITS), action: fc.constantFrom(...BITS), label: fc.option(fc.constantFrom(...LABELS), { nil: null }) }), { minLength: 1, maxLength: 20 }),
        (specs, events) => {
          const rules: Rule[] = specs.map((s, n) => ({ ...s, n }));
          const labels = new LabelBits(rules);
          const list = new CandidateList(rules, labels);
          // Rules past the twentieth with patterns are not narrowed by label: kept for the per-event check.
          const labelled = rules.filter((r) => r.ruleContains !== null);
          const unnarrowed = new Set(labelled.slice(20));
          for (const { dir, action, label } of events) {
            const got = list.for(dir, action, labels.maskOf(label)).map((r) => r.n);
            const want = rules.filter((r) => passes(r, dir, action, label) || (unnarrowed.has(r) && passes({ ...r, ruleContains: null }, dir, action, label))).map((r) => r.n);
            expect(got).toEqual(want);
          }
        },
      ),
    );
  });

  it('answers the same after more distinct labels than it remembers', () => {
    const ufw: Rule = { n: 0, dirMask: 0, actionMask: 0, ruleContains: ['[UFW AUDIT'] };
    const any: Rule = { n: 1, dirMask: 1, actionMask: 0, ruleContains: null };
    const labels = new LabelBits([ufw, any]);
    const list = new CandidateList([ufw, any], labels);
    for (let i = 0; i < 3000; i++) {
      const label = i % 2 === 0 ? `[UFW AUDIT] #${i}` : `[UFW BLOCK] #${i}`;
      expect(list.for(1, 1, labels.maskOf(label)).map((r) => r.n)).toEqual(i % 2 === 0 ? [0, 1] : [1]);
    }
    expect(list.for(2, 1, labels.maskOf(null)).map((r) => r.n)).toEqual([]);
  });

  it('never narrows a rule without conditions away', () => {
    const free: Rule = { n: 0, dirMask: 0, actionMask: 0, ruleContains: null };
    const labels = new LabelBits([free]);
    const list = new CandidateList([free], labels);
    for (const dir of BITS) for (const action of BITS) expect(list.for(dir, action, labels.maskOf(null))).toEqual([free]);
  });
});
