// How much of a day the logs read hold. One function decides both whether all of it is
// there (`complete`: a --state digest's flag, the comparison's "only partly covered") and,
// when not, which part is (`span`), from the same facts, so the two never disagree: a
// reader of "probes 452 → 151" needs to know whether 20 minutes or 20 hours are missing.

/** A stretch of a day (ms): from its first instant covered to its last. */
export interface Span {
  from: number;
  to: number;
}

/**
 * `span`: the part of the day the logs reach; null when `complete`. `gaps`: stretches inside
 * `span` the logs lack (a rotation missing or unread between two read), in order; absent or
 * empty when none is known.
 */
export interface Coverage {
  complete: boolean;
  span: Span | null;
  gaps?: Span[];
}

/** All of the day. */
export const COMPLETE: Coverage = Object.freeze({ complete: true, span: null });

export interface CoverageFacts {
  /** First and last record time read, any day (Infinity / -Infinity: none dated). */
  earliest: number;
  latest: number;
  /** An older rotation was passed over as ending before the day before: the files read reach back past it. */
  reachesBack: boolean;
  /** An input broke off where what it lost may be the day's (broken-inputs.ts mayHold). */
  cutShort: boolean;
  /** A file read was still written after the day's end: a quiet evening leaves no record, a log cut off at noon is not written after. */
  writtenAfter: boolean;
  /** A rotation missing from the numbering, or unread, may hold the day's lines (rotation-gaps.ts). */
  missing: boolean;
  /** Where those rotations' lines lie (RotationGaps.hole), any of them: the day's covered part is the span without them. */
  holes?: readonly Span[];
}

export interface DayCoverage extends Coverage {
  /** The logs reach back to the day's start (and into the day: logs that end before it know nothing of it). */
  reachesStart: boolean;
  /** The logs go on to the day's end, and no input broke off where the day may be. */
  reachesEnd: boolean;
}

/**
 * The span runs from the day's start, or the first record when the logs begin later, to
 * the day's end, or the last record when they stop before it. Holes (a missing or unread
 * rotation) cut it: one reaching past an end of the span moves that end, one inside it
 * is a gap. An input cut short in the middle of the day leaves the day incomplete with a
 * span that may still be whole: the note on broken inputs says where.
 */
export function dayCoverage(w: { start: number; end: number }, f: CoverageFacts): DayCoverage {
  const backToStart = f.earliest <= w.start || f.reachesBack;
  const reachesStart = backToStart && f.latest >= w.start;
  const reachesEnd = !f.cutShort && (f.latest >= w.end || f.writtenAfter);
  const complete = reachesStart && reachesEnd && !f.missing;
  if (complete) return { complete, span: null, reachesStart, reachesEnd };
  const from = backToStart ? w.start : Math.min(w.end, f.earliest);
  // Logs that end before the day reach none of it, whenever their file was last written.
  const to = reachesEnd && f.latest >= w.start ? w.end : Math.max(from, Math.min(w.end, f.latest));
  const parts = without({ from, to }, f.holes ?? []);
  if (parts.length === 0) return { complete, span: { from, to: from }, gaps: [], reachesStart, reachesEnd };
  const span = { from: parts[0]!.from, to: parts[parts.length - 1]!.to };
  const gaps = parts.slice(1).map((p, i) => ({ from: parts[i]!.to, to: p.from }));
  return { complete, span, gaps, reachesStart, reachesEnd };
}

/** `s` less the `holes`, as the stretches left in order; a hole's own bounds (a record read) stay covered. */
function without(s: Span, holes: readonly Span[]): Span[] {
  let parts: Span[] = s.to > s.from ? [s] : [];
  for (const h of holes) {
    parts = parts.flatMap((p) => {
      if (h.to <= p.from || h.from >= p.to) return [p];
      const left = h.from > p.from ? [{ from: p.from, to: h.from }] : [];
      const right = h.to < p.to ? [{ from: h.to, to: p.to }] : [];
      return [...left, ...right];
    });
  }
  return parts;
}

/** Milliseconds a coverage spans: a whole day when complete; null when not known (an older digest's). */
export function spanLength(c: Coverage, w: { start: number; end: number }): number | null {
  if (c.complete) return w.end - w.start;
  return c.span === null ? null : c.span.to - c.span.from;
}
