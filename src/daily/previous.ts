// Which source the day-before numbers come from. Logs that cover the whole previous
// day win (exact); else a complete --state digest of that day in this zone; else
// whatever part of the day the logs hold; else any other digest (incomplete, or counted
// in another --tz: its day began and ended at other instants, which the comparison then
// says); else nothing (the comparison says so).
import { digestZoneDiffers, previousFromDigest, previousFromTally, type PreviousDay } from './compare.js';
import type { DayDigest } from './digest.js';
import type { DayTally } from './tally.js';

export function choosePrevious(fromLogs: DayTally, logsCoverDay: boolean, digest: DayDigest | null): PreviousDay | null {
  if (logsCoverDay) return previousFromTally(fromLogs, true);
  const otherZone = digest === null ? null : digestZoneDiffers(digest, fromLogs.window);
  if (digest?.complete && otherZone === null) return previousFromDigest(digest);
  if (fromLogs.events > 0) return previousFromTally(fromLogs, false);
  if (digest) return previousFromDigest(digest, otherZone);
  return null;
}
