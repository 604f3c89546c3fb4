// "10m", "30s", "1h", "1h30m" (util/duration.ts), or a bare number of seconds ("90"): the interval options of `follow`.
import { UsageError } from '../errors.js';
import { durationMs } from '../util/duration.js';

export function parseDuration(option: string, raw: string): number {
  const s = raw.trim();
  const ms = /^\d+(\.\d+)?$/.test(s) ? Number(s) * 1000 : durationMs(s);
  if (ms === null) throw new UsageError(`${option}: expected a duration such as 30s, 10m, 1h or 1h30m, got "${raw}"`);
  if (!(ms >= 1000)) throw new UsageError(`${option}: must be at least 1s, got "${raw}"`);
  return Math.round(ms);
}
