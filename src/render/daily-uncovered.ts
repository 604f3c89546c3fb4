// Which hours of the daily chart the logs read do not reach at all: before the covered part,
// after it, or inside a gap (a missing or unread rotation). Drawn as empty, such an hour would
// read as "no probes" when nobody knows; the chart marks it instead. An hour partly covered
// keeps its bar: what was read is what it shows.
import type { DailyDoc } from '../daily/doc.js';

const HOUR = 3_600_000;

/** One flag per chart hour, true where no instant of the hour is covered; null when every hour has some (a fully covered day). */
export function uncoveredHours(doc: Pick<DailyDoc, 'window' | 'partial' | 'comparison'>): boolean[] | null {
  const cmp = doc.comparison;
  if (cmp.todayComplete || cmp.todayCovered === null) return null;
  const start = Date.parse(doc.window.start);
  const end = Date.parse(doc.window.end);
  const from = Date.parse(cmp.todayCovered.from);
  // Today's part ends at its last record so far: a quiet hour since then is not a hole in the logs.
  const to = doc.partial ? end : Date.parse(cmp.todayCovered.to);
  const bounds = [from, ...cmp.todayGaps.flatMap((g) => [Date.parse(g.from), Date.parse(g.to)]), to];
  const parts: { from: number; to: number }[] = [];
  for (let i = 0; i + 1 < bounds.length; i += 2) parts.push({ from: bounds[i]!, to: bounds[i + 1]! });
  const flags: boolean[] = [];
  for (let i = 0; i < doc.window.hours; i++) {
    const a = start + i * HOUR;
    const b = Math.min(end, a + HOUR);
    flags.push(!parts.some((p) => p.from < b && p.to > a));
  }
  return flags.some((f) => f) ? flags : null;
}
