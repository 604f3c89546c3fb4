// What --max-sources (limits.maxSources) bounds in `follow` besides the summaries' source
// profiles: a user who lowers it to save memory expects the whole state to shrink, not
// two summaries beside a fold table and a run overview that stay as large. It only
// lowers these caps: raising it for bigger summaries does not let them grow past their
// own (the fold's windows hold ports and hosts each, the overview is the stop's report).
import { OVERVIEW_SOURCES } from '../aggregate/overview.js';
import { FOLD_SOURCES } from './fold.js';

/**
 * Overview sources per profile kept. An overview entry is an address and a count, a
 * profile holds a source's ports, hosts and counts: ten of one for one of the other, so
 * that follow's default 20,000 profiles keep the 200,000 sources the overview always had.
 */
export const OVERVIEW_PER_PROFILE = 10;

export interface FollowCaps {
  /** Fold windows open at once, and runs kept between a source's windows (fold.ts). */
  foldSources: number;
  /** Distinct sources the run overview counts exactly (then "≥"), for the report at the stop. */
  overviewSources: number;
}

export function followCaps(maxSources: number): FollowCaps {
  const n = Math.max(1, maxSources);
  return { foldSources: Math.min(FOLD_SOURCES, n), overviewSources: Math.min(OVERVIEW_SOURCES, OVERVIEW_PER_PROFILE * n) };
}
