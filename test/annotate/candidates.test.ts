// CandidateList.for must drop exactly the rules whose direction, action, TCP flag or
// rule-label condition fails, keep the rest in order, and stay right past its caches' bounds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CandidateList, LabelBits, NO_FLAGS, type Narrowable } from '../../src/annotate/candidates.js';
import { PortCandidates } from '../../src/annotate/port-index.js';

interface Rule extends Narrowable {
  readonly n: number;
}

const PATTERNS = ['[UFW AUDIT', '[UFW ALLOW]', '[UFW LIMIT', 'INFO-EVENTS-LOST', 'DROP'];
const LABELS = ['[UFW BLOCK]', '[UFW AUDIT] ', '[UFW ALLOW]', '[UFW LIMIT BLOCK]', 'INFO-EVENTS-LOST', 'IN_public_DROP', 'x'.repeat(40), ''];
const BITS = [0, 1, 2, 4, 8];
/** SYN, ACK, RST, FIN and some of their mixes (FLAG_BIT_OF), none, and a packet without flags. */
const FLAG_SETS = [0, 2, 8, 16, 64, 66, 80, 65, 0x29, 255, NO_FLAGS];
const flagMask = fc.constantFrom(0, 0, 0, 2, 16, 64, 80, 1 | 4 | 32);
const NONE = { flagsAny: 0, flagsAll: 0, flagsNone: 0 };

const ruleArb = fc.record({
  dirMask: fc.integer({ min: 0, max: 15 }),
  actionMask: fc.integer({ min: 0, max: 15 }),
  ruleContains: fc.option(fc.subarray(PATTERNS, { minLength: 1 }), { nil: null }),
  flagsAny: flagMask,
  flagsAll: flagMask,
  flagsNone: flagMask,
});

/** What the annotator checked for each event before these conditions were narrowed once per combination. */
function passes(r: Narrowable, dir: number, action: number, flags: number, label: string | null): boolean {
  if (r.dirMask !== 0 && (r.dirMask & dir) === 0) return false;
  if (r.actionMask !== 0 && (r.actionMask & action) === 0) return false;
  if (r.flagsAny !== 0 || r.flagsAll !== 0 || r.flagsNone !== 0) {
    if (flags === NO_FLAGS) return false;
    if (r.flagsAny !== 0 && (flags & r.flagsAny) === 0) return false;
    if ((flags & r.flagsAll) !== r.flagsAll) return false;
    if ((flags & r.flagsNone) !== 0) return false;
  }
  if (r.ruleContains !== null && (label === null || !r.ruleContains.some((p) => label.includes(p)))) return false;
  return true;
}

describe('CandidateList', () => {
  it('keeps exactly the rules that pass, in their order', () => {
    fc.assert(
      fc.property(
        fc.array(ruleArb, { maxLength: 30 }),
        fc.array(
          fc.record({
            dir: fc.constantFrom(...BITS),
            action: fc.constantFrom(...BITS),
            flags: fc.constantFrom(...FLAG_SETS),
            label: fc.option(fc.constantFrom(...LABELS), { nil: null }),
          }),
          { minLength: 1, maxLength: 20 },
        ),
        (specs, events) => {
          const rules: Rule[] = specs.map((s, n) => ({ ...s, n }));
          const labels = new LabelBits(rules);
          const list = new CandidateList(rules, labels);
          // Rules past the twentieth with patterns are not narrowed by label: kept for the per-event check.
          const labelled = rules.filter((r) => r.ruleContains !== null);
          const unnarrowed = new Set(labelled.slice(20));
          for (const { dir, action, flags, label } of events) {
            const got = list.for(dir, action, flags, labels.maskOf(label)).map((r) => r.n);
            const want = rules
              .filter((r) => passes(r, dir, action, flags, label) || (unnarrowed.has(r) && passes({ ...r, ruleContains: null }, dir, action, flags, label)))
              .map((r) => r.n);
            expect(got).toEqual(want);
          }
        },
      ),
    );
  });

  it('answers the same after more distinct labels than it remembers', () => {
    const ufw: Rule = { n: 0, dirMask: 0, actionMask: 0, ruleContains: ['[UFW AUDIT'], ...NONE };
    const any: Rule = { n: 1, dirMask: 1, actionMask: 0, ruleContains: null, ...NONE };
    const labels = new LabelBits([ufw, any]);
    const list = new CandidateList([ufw, any], labels);
    for (let i = 0; i < 3000; i++) {
      const label = i % 2 === 0 ? `[UFW AUDIT] #${i}` : `[UFW BLOCK] #${i}`;
      expect(list.for(1, 1, NO_FLAGS, labels.maskOf(label)).map((r) => r.n)).toEqual(i % 2 === 0 ? [0, 1] : [1]);
    }
    expect(list.for(2, 1, NO_FLAGS, labels.maskOf(null)).map((r) => r.n)).toEqual([]);
  });

  it('never narrows a rule without conditions away', () => {
    const free: Rule = { n: 0, dirMask: 0, actionMask: 0, ruleContains: null, ...NONE };
    const labels = new LabelBits([free]);
    const list = new CandidateList([free], labels);
    for (const dir of BITS) for (const action of BITS) for (const flags of FLAG_SETS) expect(list.for(dir, action, flags, labels.maskOf(null))).toEqual([free]);
  });
});

/** The flattened ranges' test the annotator made per event before ports were classed. */
function inRanges(ranges: readonly number[], port: number): boolean {
  for (let i = 0; i < ranges.length; i += 2) if (port >= ranges[i]! && port <= ranges[i + 1]!) return true;
  return false;
}

describe('PortCandidates', () => {
  // Port values near the edges of the ranges below, the ends of the port space, and "no port".
  const PORT_SAMPLES = [-1, 0, 1, 19, 20, 21, 52, 53, 54, 80, 1023, 1024, 1025, 6776, 27910, 27961, 33434, 33600, 65534, 65535];
  const rangesArb = fc
    .array(fc.tuple(fc.constantFrom(...PORT_SAMPLES.slice(1)), fc.constantFrom(...PORT_SAMPLES.slice(1))), { minLength: 0, maxLength: 4 })
    .map((pairs) => pairs.flatMap(([a, b]) => [Math.min(a, b), Math.max(a, b)]));
  const portRuleArb = fc.record({
    dst: fc.array(rangesArb, { maxLength: 2 }),
    src: fc.array(rangesArb, { maxLength: 2 }),
  });

  it('lists exactly the rules all of whose port conditions hold, in their order', () => {
    fc.assert(
      fc.property(fc.array(portRuleArb, { maxLength: 25 }), (specs) => {
        const rules: Rule[] = specs.map((_, n) => ({ n, dirMask: 0, actionMask: 0, ruleContains: null, ...NONE }));
        const dst = specs.flatMap((s, n) => s.dst.map((ranges) => ({ rule: rules[n]!, ranges })));
        const src = specs.flatMap((s, n) => s.src.map((ranges) => ({ rule: rules[n]!, ranges })));
        const labels = new LabelBits(rules);
        const index = new PortCandidates(rules, dst, src, labels);
        const holds = (all: readonly number[][], port: number) => all.every((r) => port >= 0 && inRanges(r, port));
        for (const dp of PORT_SAMPLES) {
          for (const sp of PORT_SAMPLES) {
            const got = index.list(dp, sp).for(1, 1, NO_FLAGS, 0).map((r) => r.n);
            const want = specs.flatMap((s, n) => (holds(s.dst, dp) && holds(s.src, sp) ? [n] : []));
            expect(got, `dst ${dp} src ${sp}`).toEqual(want);
          }
        }
      }),
    );
  });
});
