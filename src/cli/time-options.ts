// --tz and --year, validated: shared by the commands that read logs and by `explain` for
// pasted lines. Kept apart from options.ts, which loads every parser, so that
// `explain 80` does not.
import { usageError } from '../i18n/messages.js';
import { MAX_YEAR, MIN_YEAR, yearInRange } from '../util/year-range.js';

function validateZone(tz: string): string {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return tz;
  } catch {
    throw usageError((u) => u.unknownZone(tz));
  }
}

/** --year as a number, or null when not given. */
export function readYear(raw: unknown): number | null {
  if (raw === undefined) return null;
  const year = Number(raw);
  // The years a log line may say (util/year-range.ts).
  if (!/^\d{4}$/.test(String(raw)) || !yearInRange(year)) throw usageError((u) => u.year(MIN_YEAR, MAX_YEAR, String(raw)));
  return year;
}

/** --tz, validated, or null when not given. */
export function readZone(raw: unknown): string | null {
  return typeof raw === 'string' ? validateZone(raw) : null;
}
