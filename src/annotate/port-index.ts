// Which of the port-bound rules can apply to a TCP or UDP packet, found by its two ports
// instead of tested rule by rule. Each rule's conditions on a port (a destination or source
// port list, a destination port it must not have, the ports the knowledge base has
// something to say about) are ranges; they cut the 65,536 ports into classes within which
// the same conditions hold. A packet's candidate rules are those of its (destination class,
// source class), built on first need: a log meets a few such pairs over and over.
import { CandidateList, type LabelBits, type Narrowable } from './candidates.js';

/** A rule applies only where the port is in `ranges` (flattened [from, to, from, to, …], inclusive). */
export interface PortCondition<R> {
  readonly rule: R;
  readonly ranges: ArrayLike<number>;
}

const PORTS = 65536;
/** An edge's position unit in classify: room for 2^20 groups below it. */
const EDGE = 2 ** 21;

/** port -> class, and class -> the groups (indices into the distinct range lists) that hold on its ports. Class 0 holds none (also: no port in the log). */
interface Classes {
  readonly classOf: Int32Array;
  readonly holds: ReadonlySet<number>[];
}

/** Sorted, merged [from, to] pairs within 0-65535: two conditions on the same ports become one group. */
function normalize(ranges: ArrayLike<number>): number[] {
  const pairs: [number, number][] = [];
  for (let i = 0; i + 1 < ranges.length; i += 2) {
    const from = Math.max(0, ranges[i]!);
    const to = Math.min(PORTS - 1, ranges[i + 1]!);
    if (from <= to) pairs.push([from, to]);
  }
  pairs.sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  for (const [from, to] of pairs) {
    if (out.length > 0 && from <= out[out.length - 1]! + 1) out[out.length - 1] = Math.max(out[out.length - 1]!, to);
    else out.push(from, to);
  }
  return out;
}

function classify(groups: readonly (readonly number[])[]): Classes {
  // A sweep over the ranges' edges, each one number: position * 2^21 + group * 2 + (1 where
  // a range ends), so a plain numeric sort orders them (a group's own ranges never overlap
  // or touch: normalize). Between two positions the groups that hold stay the same. A class
  // is a set of groups; which class an edge leads to from which is remembered, so the sets
  // are compared only the first time a step is taken.
  const edges: number[] = [];
  groups.forEach((ranges, g) => {
    for (let i = 0; i < ranges.length; i += 2) edges.push(ranges[i]! * EDGE + g * 2, (ranges[i + 1]! + 1) * EDGE + g * 2 + 1);
  });
  const sorted = Float64Array.from(edges).sort();
  const classOf = new Int32Array(PORTS);
  const holds: Set<number>[] = [new Set()];
  const idOf = new Map<string, number>([['', 0]]);
  const step = new Map<number, number>();
  const width = 2 * groups.length;
  let cur = 0;
  let from = 0;
  for (let e = 0; e < sorted.length; e++) {
    const at = Math.floor(sorted[e]! / EDGE);
    const code = sorted[e]! - at * EDGE;
    if (at > from) {
      classOf.fill(cur, from, Math.min(at, PORTS));
      from = at;
    }
    let next = step.get(cur * width + code);
    if (next === undefined) {
      const set = new Set(holds[cur]);
      if (code % 2 === 1) set.delete((code - 1) / 2);
      else set.add(code / 2);
      const key = [...set].sort((a, b) => a - b).join(' ');
      next = idOf.get(key);
      if (next === undefined) {
        next = holds.push(set) - 1;
        idOf.set(key, next);
      }
      step.set(cur * width + code, next);
    }
    cur = next;
  }
  return { classOf, holds };
}

/** Each condition's group: conditions on the same ports (twin rules, one knowledge base's ports) share one. */
function group<R>(conditions: readonly PortCondition<R>[], of: Map<R, number[]>): number[][] {
  const groups: number[][] = [];
  const byKey = new Map<string, number>();
  const byArray = new Map<ArrayLike<number>, number>();
  for (const c of conditions) {
    let g = byArray.get(c.ranges);
    if (g === undefined) {
      const ranges = normalize(c.ranges);
      const key = ranges.join(',');
      g = byKey.get(key);
      if (g === undefined) {
        g = groups.push(ranges) - 1;
        byKey.set(key, g);
      }
      byArray.set(c.ranges, g);
    }
    const l = of.get(c.rule);
    if (l) l.push(g);
    else of.set(c.rule, [g]);
  }
  return groups;
}

/** The candidate rules of one protocol by destination and source port. */
export class PortCandidates<R extends Narrowable> {
  private readonly dst: Classes;
  private readonly src: Classes;
  /** rule -> the groups of its conditions on that side, all of which must hold. */
  private readonly dstOf = new Map<R, number[]>();
  private readonly srcOf = new Map<R, number[]>();
  /** [destination class][source class], filled on first need (arrays filled with null up front: fast, dense elements). */
  private readonly lists: ((CandidateList<R> | null)[] | null)[];

  /**
   * @param rules every rule for this protocol, in the order they are tried
   * @param dst, src the port conditions; a rule may have several on one side (all must hold), or none
   */
  constructor(
    private readonly rules: readonly R[],
    dst: readonly PortCondition<R>[],
    src: readonly PortCondition<R>[],
    private readonly labels: LabelBits,
  ) {
    this.dst = classify(group(dst, this.dstOf));
    this.src = classify(group(src, this.srcOf));
    this.lists = new Array<null>(this.dst.holds.length).fill(null);
  }

  /** Ports are -1 when the log has none. */
  list(dstPort: number, srcPort: number): CandidateList<R> {
    const d = dstPort >= 0 && dstPort < PORTS ? this.dst.classOf[dstPort]! : 0;
    const s = srcPort >= 0 && srcPort < PORTS ? this.src.classOf[srcPort]! : 0;
    const row = this.lists[d] ?? (this.lists[d] = new Array<null>(this.src.holds.length).fill(null));
    let l = row[s];
    if (!l) {
      const dh = this.dst.holds[d]!;
      const sh = this.src.holds[s]!;
      const holds = (r: R, of: Map<R, number[]>, h: ReadonlySet<number>) => (of.get(r) ?? []).every((g) => h.has(g));
      l = row[s] = new CandidateList(
        this.rules.filter((r) => holds(r, this.dstOf, dh) && holds(r, this.srcOf, sh)),
        this.labels,
      );
    }
    return l;
  }
}
