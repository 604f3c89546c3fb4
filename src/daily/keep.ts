// Whether a run's digest of a day may replace the one already stored for it. A later run
// often sees less of a past day than an earlier one did (its older rotation deleted, or
// only the newer file given): writing over a complete digest with a partial one, or over a
// partial one with one that holds fewer hours, would make the next day's comparison trust
// less than it had ("only partly covered", or the part of the day the logs hold, a false drop).
import { digestZoneDiffers } from './compare.js';
import { spanLength } from './coverage.js';
import { DIGEST_VERSION, digestSpan, settingsChanges, type DayDigest } from './digest.js';

/** Why the stored digest stays: it is complete, or it covers a longer part of the day than the fresh one. */
export type KeptBecause = 'complete' | 'longer';

/**
 * Why `stored` should stay and `fresh` not be written, or null. The stored one stays when it
 * is as good a basis for the next day as `fresh` would be and better: this version's
 * counting, the same day bounds (zone) and the same settings, and either complete against
 * `fresh` not, or both incomplete and it spans more of the day (digests record their span
 * since version 8). A digest of another zone, settings or an older version gives way: the
 * next run, with this run's options, would compare with it only under a caveat, and these
 * options are the ones in force now. Equal spans, or one not known: the newer replaces it.
 */
export function keepStoredDigest(stored: DayDigest | null, fresh: DayDigest, window: { start: number; end: number }): KeptBecause | null {
  if (stored === null || fresh.complete) return null;
  if (stored.logscanDailyDigest !== DIGEST_VERSION) return null;
  if (digestZoneDiffers(stored, window) !== null) return null;
  // A digest that does not record its settings cannot be told to match this run's.
  if (stored.settings === undefined || fresh.settings === undefined) return null;
  if (settingsChanges(stored.settings, fresh.settings) !== null) return null;
  if (stored.complete) return 'complete';
  const had = spanLength({ complete: false, span: digestSpan(stored) }, window);
  const has = spanLength({ complete: false, span: digestSpan(fresh) }, window);
  return had !== null && has !== null && had > has ? 'longer' : null;
}
