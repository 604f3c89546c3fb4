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
//
// The annotator's detectors (src/annotate/detectors/) keep an LRU each, of sources or of
// (source, destination) pairs: their 50,000 keys outweighed the profiles a low cap keeps, so
// a lower --max-sources caps each of them too (a key dropped early costs a packet a reading:
// drop-count.ts says it). The report and `events` keep the annotator's own 50,000.
import { OVERVIEW_SOURCES } from '../aggregate/overview.js';
import { DEFAULT_MAX_TRACKED } from '../annotate/index.js';

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

/** Keys each annotation detector keeps in `follow`: --max-sources when it is below the annotator's own cap. */
export function annotatorKeys(maxSources: number): number {
  return Math.min(DEFAULT_MAX_TRACKED, Math.max(1, maxSources));
}
