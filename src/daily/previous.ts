// Which source the day-before numbers come from. Logs that cover the whole previous
// day win (exact); else a complete --state digest; else whatever part of the day the
// logs hold; else an incomplete digest; else nothing (the comparison says so).
import { previousFromDigest, previousFromTally, type PreviousDay } from './compare.js';
import type { DayDigest } from './digest.js';
import type { DayTally } from './tally.js';

export function choosePrevious(fromLogs: DayTally, logsCoverDay: boolean, digest: DayDigest | null): PreviousDay | null {
  if (logsCoverDay) return previousFromTally(fromLogs, true);
  if (digest?.complete) return previousFromDigest(digest);
  if (fromLogs.events > 0) return previousFromTally(fromLogs, false);
  if (digest) return previousFromDigest(digest);
  return null;
}
