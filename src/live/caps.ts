// What --max-sources (limits.maxSources) bounds in `follow` besides the summaries' source
// profiles: a user who lowers it to save memory expects the state kept per source to
// shrink, not two small summaries beside a run overview that stays as large. It only
// lowers the overview's cap: raising it for bigger summaries does not grow the overview.
//
// Not the fold table (fold.ts, FOLD_SOURCES): a table smaller than the sources folding at
// once closes each window before its source's next probe, so every probe prints and each
// eviction adds a count line. Measured on `node bench/follow-hostile.mjs OUT --sources 4000
// --wave 2000` with --max-sources 200: 26,795 lines with 10,000 windows, 620,002 with 200
// (and more CPU). Its memory has bounds of its own (10,000 windows, the bitmap budget).
import { OVERVIEW_SOURCES } from '../aggregate/overview.js';

/**
 * Overview sources per profile kept. An overview entry is an address and a count, a
 * profile holds a source's ports, hosts and counts: ten of one for one of the other, so
 * that follow's default 20,000 profiles keep the 200,000 sources the overview always had.
 */
export const OVERVIEW_PER_PROFILE = 10;

/** Distinct sources the run overview counts exactly (then "≥"), for the report at the stop. */
export function overviewSources(maxSources: number): number {
  return Math.min(OVERVIEW_SOURCES, OVERVIEW_PER_PROFILE * Math.max(1, maxSources));
}
