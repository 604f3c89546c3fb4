// Whether a run's digest of a day may replace the one already stored for it. A later run
// often sees less of a past day than an earlier one did (its older rotation deleted, or
// only the newer file given): writing over a complete digest with a partial one would make
// the next day's comparison trust less than it had ("only partly covered", or the part of
// the day the logs hold, a false drop).
import { digestZoneDiffers } from './compare.js';
import { DIGEST_VERSION, settingsChanges, type DayDigest } from './digest.js';

/**
 * True when `stored` should stay and `fresh` not be written: the stored one is complete,
 * `fresh` is not, and the stored one is as good a basis for the next day as `fresh` would be
 * and better: this version's counting, the same day bounds (zone) and the same settings. A
 * complete digest of another zone, settings or an older version gives way: the next run,
 * with this run's options, would compare with it only under a caveat, and these options are
 * the ones in force now. Both incomplete: the newer replaces the older, since a digest does
 * not record which part of its day it covers (its totals could be lower for fewer hours or
 * for a longer --ignore list alike).
 */
export function keepStoredDigest(stored: DayDigest | null, fresh: DayDigest, window: { start: number; end: number }): boolean {
  if (stored === null || !stored.complete || fresh.complete) return false;
  if (stored.logscanDailyDigest !== DIGEST_VERSION) return false;
  if (digestZoneDiffers(stored, window) !== null) return false;
  // A digest that does not record its settings cannot be told to match this run's.
  if (stored.settings === undefined || fresh.settings === undefined) return false;
  return settingsChanges(stored.settings, fresh.settings) === null;
}
