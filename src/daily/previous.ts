// Which source the day-before numbers come from. Logs that cover the whole previous
// day win (exact, and counted with this run's settings); else a complete --state digest
// of that day in this zone, counted with this run's settings (digestSettings); else
// whatever part of the day the logs hold; else any other digest (incomplete, counted in
// another --tz: its day began and ended at other instants, or with other settings, or by an
// older logscan that counted a format's records otherwise, which the comparison then says);
// else nothing (the comparison says so).
import { digestZoneDiffers, previousFromDigest, previousFromTally, type PreviousDay } from './compare.js';
import { countedOtherwise, settingsChanges, type DayDigest, type DigestSettings } from './digest.js';
import type { DayTally } from './tally.js';
import type { Coverage } from './coverage.js';

/**
 * `logs`: how much of the day the logs hold (coverage.ts dayCoverage); `todayFormats`: the
 * formats of the day compared (DayTally.formats), for a digest that does not say its own.
 */
export function choosePrevious(fromLogs: DayTally, logs: Coverage, digest: DayDigest | null, settings: DigestSettings, todayFormats: ReadonlySet<string>): PreviousDay | null {
  if (logs.complete) return previousFromTally(fromLogs, logs);
  const otherZone = digest === null ? null : digestZoneDiffers(digest, fromLogs.window);
  const otherSettings = digest === null ? null : settingsChanges(digest.settings, settings);
  const otherCounting = digest === null ? null : countedOtherwise(digest, todayFormats);
  if (digest?.complete && otherZone === null && otherSettings === null && otherCounting === null) return previousFromDigest(digest);
  if (fromLogs.events > 0) return previousFromTally(fromLogs, logs);
  if (digest) return previousFromDigest(digest, otherZone, otherSettings, otherCounting);
  return null;
}
