// The rules worth checking for one event, narrowed once per combination of what every rule's
// cheapest conditions read: the event's direction, its action, its TCP flags and which
// `ruleContains` patterns its rule label holds. A log repeats a few such combinations millions of times, so
// an event walks only the rules those conditions let through (an inbound drop never visits
// the outbound or "allow" rules) instead of testing each in turn.
import { flat } from '../util/flat-string.js';

/** What narrowing reads of a compiled rule. */
export interface Narrowable {
  /** DIR bits the rule accepts, 0: any. */
  readonly dirMask: number;
  /** ACTION bits the rule accepts, 0: any. */
  readonly actionMask: number;
  readonly ruleContains: readonly string[] | null;
  /** TCP flag bits (FLAG_BIT_OF) of which one, all, or none must be set; 0: no such condition. */
  readonly flagsAny: number;
  readonly flagsAll: number;
  readonly flagsNone: number;
}

/** The flags argument of CandidateList.for for a packet without TCP flags. */
export const NO_FLAGS = 256;

function flagsAllow(c: Narrowable, flags: number): boolean {
  if (c.flagsAny === 0 && c.flagsAll === 0 && c.flagsNone === 0) return true;
  if (flags === NO_FLAGS) return false;
  return (c.flagsAny === 0 || (flags & c.flagsAny) !== 0) && (flags & c.flagsAll) === c.flagsAll && (flags & c.flagsNone) === 0;
}

/** Rules with `ruleContains` past this many are not narrowed by label (still checked per event). */
const MAX_LABEL_BITS = 20;
/** Distinct rule labels remembered; a log has a handful, a hostile one is bounded. */
const MAX_LABELS = 1024;
/** Narrowed lists kept per candidate list. */
const MAX_NARROWED = 4096;

/** Which labelled rules a rule label satisfies, as a bit set. */
export class LabelBits {
  private readonly patterns: (readonly string[])[] = [];
  private readonly bitOf = new Map<Narrowable, number>();
  private readonly masks = new Map<string, number>();
  private lastLabel: string | null = null;
  private lastMask = 0;

  constructor(rules: Iterable<Narrowable>) {
    for (const r of rules) {
      if (r.ruleContains === null || this.patterns.length >= MAX_LABEL_BITS) continue;
      this.bitOf.set(r, 1 << this.patterns.length);
      this.patterns.push(r.ruleContains);
    }
  }

  /** The bits of the rules whose patterns `label` contains; 0 for no label. */
  maskOf(label: string | null): number {
    if (label === null) return 0;
    if (label === this.lastLabel) return this.lastMask;
    let m = this.masks.get(label);
    if (m === undefined) {
      m = 0;
      for (let i = 0; i < this.patterns.length; i++) if (this.patterns[i]!.some((p) => label.includes(p))) m |= 1 << i;
      if (this.masks.size >= MAX_LABELS) this.masks.clear();
      this.masks.set(flat(label), m);
    }
    this.lastLabel = label;
    this.lastMask = m;
    return m;
  }

  /** False only when `rule` has patterns and none is in a label of `mask`. */
  mayMatch(rule: Narrowable, mask: number): boolean {
    const bit = this.bitOf.get(rule);
    return bit === undefined || (mask & bit) !== 0;
  }
}

/** One candidate list (rules in order) and its narrowed copies. */
export class CandidateList<C extends Narrowable> {
  private readonly narrowed = new Map<number, readonly C[]>();

  constructor(
    readonly all: readonly C[],
    private readonly labels: LabelBits,
  ) {}

  /**
   * The rules of `all` (same order) whose direction, action, flag and label conditions hold
   * for an event of direction bit `dir` (< 16), action bit `action` (< 16), TCP flag bits
   * `flags` (< 256, or NO_FLAGS) and label bits `mask`.
   */
  for(dir: number, action: number, flags: number, mask: number): readonly C[] {
    const key = ((mask * 512 + flags) * 16 + dir) * 16 + action;
    let l = this.narrowed.get(key);
    if (l === undefined) {
      l = this.all.filter(
        (c) =>
          (c.dirMask === 0 || (c.dirMask & dir) !== 0) &&
          (c.actionMask === 0 || (c.actionMask & action) !== 0) &&
          flagsAllow(c, flags) &&
          this.labels.mayMatch(c, mask),
      );
      if (this.narrowed.size < MAX_NARROWED) this.narrowed.set(key, l);
    }
    return l;
  }
}
