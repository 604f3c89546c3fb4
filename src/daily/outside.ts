// Whether a day can be compared with the day before at all. A day the logs do not reach
// (they end before it, or start after it) reads as zeros, and zeros against the day
// before read as a drop of every figure to nothing: the logs' end, not the probes'.

/** Why the day is not compared: the logs end before it, or start after it. */
export type NotCompared = 'ends-before' | 'starts-after';

export interface LogReach {
  /** First and last record time read, any day (Infinity / -Infinity: none dated). */
  earliest: number;
  latest: number;
  /** An older rotation was passed over as ending before the day before: the files read reach back past it. */
  reachesBack: boolean;
  /** No file was read, each passed over as last written before the day before (nothing dated either). */
  noFileCanHold: boolean;
}

/**
 * Why a past day holds none of the logs, or null when some of it is there. Today (and a
 * day ahead) is never ruled out: its numbers are "so far", and the page says it.
 */
export function notComparedWhy(day: { start: number; end: number }, logs: LogReach, partial: boolean): NotCompared | null {
  if (partial) return null;
  if (logs.earliest === Infinity) return logs.noFileCanHold ? 'ends-before' : null;
  if (logs.latest < day.start) return 'ends-before';
  // A log already open before the day (its older rotation ended before it) whose first
  // record comes after the day: the day was logged, and nothing was caught.
  if (logs.earliest >= day.end && !logs.reachesBack) return 'starts-after';
  return null;
}
