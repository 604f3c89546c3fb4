// "10m", "30s", "1h", "1h30m" (util/duration.ts), or a bare number of seconds ("90"): the interval options of `follow`.
import { usageError } from '../i18n/messages.js';
import { durationMs } from '../util/duration.js';

export function parseDuration(option: string, raw: string): number {
  const s = raw.trim();
  const ms = /^\d+(\.\d+)?$/.test(s) ? Number(s) * 1000 : durationMs(s);
  if (ms === null) throw usageError((u) => u.duration(option, raw));
  if (!(ms >= 1000)) throw usageError((u) => u.durationTooShort(option, raw));
  return Math.round(ms);
}
