// "10m", "30s", "1h", "1h30m", "90" (seconds): the interval options of `follow`.
import { UsageError } from '../errors.js';

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

export function parseDuration(option: string, raw: string): number {
  const s = raw.trim().toLowerCase();
  if (/^\d+(\.\d+)?$/.test(s)) return check(option, raw, Number(s) * 1000);
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/g;
  let total = 0;
  let consumed = 0;
  for (let m = re.exec(s); m !== null; m = re.exec(s)) {
    if (m.index !== consumed) break;
    total += Number(m[1]) * UNIT_MS[m[2]];
    consumed = m.index + m[0].length;
  }
  if (consumed !== s.length || consumed === 0) throw new UsageError(`${option}: expected a duration such as 30s, 10m, 1h or 1h30m, got "${raw}"`);
  return check(option, raw, total);
}

function check(option: string, raw: string, ms: number): number {
  if (!(ms >= 1000)) throw new UsageError(`${option}: must be at least 1s, got "${raw}"`);
  return Math.round(ms);
}
