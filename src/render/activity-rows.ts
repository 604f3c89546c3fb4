// The records over time, as the text and Markdown reports and the daily show them in a row:
// a sparkline (per hour, per day), and the per-day row that lists the days, draws them or
// names the busiest (the HTML charts take the same days).
import type { ReportDoc } from '../aggregate/report.js';
import type { Messages } from '../i18n/messages.js';
import { cmpStr } from '../util/compare.js';
import { fmtInt } from '../util/number-text.js';

const SPARK = '▁▂▃▄▅▆▇█';
/**
 * An hour (or day) with no records: a mark that holds its place, so a sparse log's row still
 * reads as one row of 24 (a space left gaps that looked misaligned), and that no bar can be
 * taken for: the lowest bar is "some", never "none", with colour or without (NO_COLOR).
 */
export const SPARK_EMPTY = '·';
/**
 * An hour no log read reaches (the daily summary's hours outside the part covered): not
 * SPARK_EMPTY, which says "read, and nothing in it"; a shade, as the HTML chart hatches it.
 */
export const SPARK_UNCOVERED = '░';
const EMPTY_RUN = new RegExp(`[${SPARK_EMPTY}${SPARK_UNCOVERED}]+`, 'g');

/**
 * One character a value, the bars scaled to the largest, SPARK_EMPTY for none, SPARK_UNCOVERED
 * where `uncovered` says so; `empty` paints each run of such places (dim on a terminal), so the
 * bars stand out.
 */
export function sparkline(values: readonly number[], empty: (s: string) => string = (s) => s, uncovered: readonly boolean[] | null = null): string {
  const max = Math.max(0, ...values);
  return values
    .map((v, i) => (uncovered?.[i] === true && v <= 0 ? SPARK_UNCOVERED : v <= 0 || max === 0 ? SPARK_EMPTY : SPARK[Math.min(SPARK.length - 1, Math.floor((v / max) * (SPARK.length - 1) + 0.5))]))
    .join('')
    .replace(EMPTY_RUN, empty);
}

/** Days a sparkline or chart may cover, one character or bar each (two months); a longer span lists its busiest days. */
export const SPARK_DAYS = 62;
/** Days listed one by one; more become a sparkline. */
const LISTED_DAYS = 7;

/** A per-day row: the days one by one (a week or less), a sparkline over the calendar (two months or less), or the busiest days. */
export type PerDayRow = { items: string[] } | { spark: number[]; from: string; to: string };

/** Null when the records fall on a single day (the hours say it all). */
export function perDayRow(days: ReportDoc['perDay'], m: Messages['report'], maxSpark = SPARK_DAYS): PerDayRow | null {
  if (days.length < 2) return null;
  const name = dayNamer(days);
  if (days.length <= LISTED_DAYS) return { items: days.map((d) => `${name(d.day)} ${fmtInt(d.packets)}`) };
  const calendar = calendarDays(days, maxSpark);
  if (calendar !== null) return { spark: calendar.map((d) => d.packets), from: name(days[0]!.day), to: name(days[days.length - 1]!.day) };
  const busiest = [...days].sort((a, b) => b.packets - a.packets || cmpStr(a.day, b.day)).slice(0, 5);
  const [first, ...rest] = busiest.map((d) => `${d.day} ${fmtInt(d.packets)}`);
  return { items: [m.daysBusiest(days.length, first!), ...rest] };
}

/** "11-20" when the days are all of one year, else "2026-11-20" (also for no days at all). */
export function dayNamer(days: ReportDoc['perDay']): (day: string) => string {
  const first = days[0];
  const last = days[days.length - 1];
  const sameYear = first !== undefined && last !== undefined && first.day.slice(0, 4) === last.day.slice(0, 4);
  return (day) => (sameYear ? day.slice(5) : day);
}

/**
 * Every calendar day from the first to the last (days without records at 0), or null when
 * that is more than `max`, or when there are no days or a day is not a YYYY-MM-DD date.
 */
export function calendarDays(days: ReportDoc['perDay'], max = SPARK_DAYS): ReportDoc['perDay'] | null {
  const ms = (day: string): number => (/^\d{4}-\d{2}-\d{2}$/.test(day) ? Date.parse(`${day}T00:00:00Z`) : NaN);
  if (days.length === 0) return null;
  const first = ms(days[0]!.day);
  const n = Math.round((ms(days[days.length - 1]!.day) - first) / 86_400_000) + 1;
  if (!(n >= 1 && n <= max) || days.some((d) => Number.isNaN(ms(d.day)))) return null;
  const out = Array.from({ length: n }, (_, i) => ({ day: new Date(first + i * 86_400_000).toISOString().slice(0, 10), packets: 0, blocked: 0 }));
  for (const d of days) out[Math.round((ms(d.day) - first) / 86_400_000)] = d;
  return out;
}
