// One calendar day in a zone, as the half-open instant range [start, end). A day is
// not always 24 hours: a DST change makes it 23 or 25 (Europe/Berlin 2026-03-29,
// America/New_York 2026-11-01), so the window is computed from the zone's
// midnights, never as start + 24 h. Midnight that falls into a DST gap resolves
// to the first instant of the day, a repeated midnight to its first occurrence
// (the "compatible" rule of parsers/local-time.ts).
import { usageError } from '../i18n/messages.js';
import { localTimeConverter } from '../parsers/local-time.js';
import { zonedParts } from '../render/time-format.js';
import { MAX_YEAR, MIN_YEAR, yearInRange } from '../util/year-range.js';

export interface CalendarDay {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
}

export interface DayWindow {
  day: CalendarDay;
  /** "2026-03-29" */
  key: string;
  /** Epoch ms of the day's first instant in the zone. */
  start: number;
  /** Epoch ms of the next day's first instant (exclusive). */
  end: number;
  /** Whole hours the day has (23, 24 or 25; rounded up for 30-minute shifts). */
  hours: number;
}

const HOUR = 3_600_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const p2 = (n: number): string => String(n).padStart(2, '0');

export function dayKey(d: CalendarDay): string {
  return `${String(d.year).padStart(4, '0')}-${p2(d.month)}-${p2(d.day)}`;
}

/** The calendar day `n` days after `d` (negative: before); pure date arithmetic, no zone. */
export function addDays(d: CalendarDay, n: number): CalendarDay {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + n));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

/** The calendar day an instant falls on in `tz` (null: the machine's zone). */
export function dayOf(instant: Date, tz: string | null): CalendarDay {
  const z = zonedParts(instant, tz);
  return { year: z.year, month: z.month, day: z.day };
}

/** `--date`: YYYY-MM-DD, `today` or `yesterday` (both in `tz`, relative to `now`). */
export function parseDayOption(raw: string, now: Date, tz: string | null): CalendarDay {
  const s = raw.trim().toLowerCase();
  if (s === 'today') return dayOf(now, tz);
  if (s === 'yesterday') return addDays(dayOf(now, tz), -1);
  const m = DATE.exec(s);
  if (m) {
    const d = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
    const check = addDays(d, 0);
    if (check.month === d.month && check.day === d.day) {
      // The years a log line may say (util/year-range.ts).
      if (yearInRange(d.year)) return d;
      throw usageError((u) => u.yearRange('--date', MIN_YEAR, MAX_YEAR, raw));
    }
  }
  throw usageError((u) => u.date(MIN_YEAR, MAX_YEAR, raw));
}

/** The window of `d` in `tz` (null: the machine's zone, i.e. TZ). */
export function dayWindow(d: CalendarDay, tz: string | null): DayWindow {
  const local = localTimeConverter(tz);
  const next = addDays(d, 1);
  const start = local(d.year, d.month, d.day, 0, 0, 0);
  const end = local(next.year, next.month, next.day, 0, 0, 0);
  return { day: d, key: dayKey(d), start, end, hours: Math.ceil((end - start) / HOUR) };
}

/** Which bucket of the day's hourly chart an instant inside the window belongs to: hours elapsed since start. */
export function hourIndex(w: DayWindow, t: number): number {
  return Math.floor((t - w.start) / HOUR);
}

/**
 * Wall-clock labels of the chart's buckets ("00", "01", "03", … on a 23-hour day;
 * "01" twice on a 25-hour one), so a DST day reads as it was lived.
 */
export function hourLabels(w: DayWindow, tz: string | null): string[] {
  const out: string[] = [];
  for (let i = 0; i < w.hours; i++) {
    const z = zonedParts(new Date(w.start + i * HOUR), tz);
    out.push(z.minute === 0 ? p2(z.hour) : `${p2(z.hour)}:${p2(z.minute)}`);
  }
  return out;
}

/**
 * The day before's hourly counts under the day's own hour labels, matched by wall-clock
 * hour: across a DST change the two days differ in length (23, 24, 25 hours), and matched
 * by position 23:00 of one would stand under 22:00 of the other. An hour the day before
 * had twice counts both; an hour the day has twice gets the day before's under the first.
 */
export function byClockHour(previous: readonly number[], previousLabels: readonly string[], labels: readonly string[]): number[] {
  const byLabel = new Map<string, number>();
  previous.forEach((v, i) => {
    const l = previousLabels[i];
    if (l !== undefined) byLabel.set(l, (byLabel.get(l) ?? 0) + v);
  });
  const seen = new Set<string>();
  return labels.map((l) => {
    if (seen.has(l)) return 0;
    seen.add(l);
    return byLabel.get(l) ?? 0;
  });
}

let machineZone: string | null = null;

/**
 * The zone's name for display: --tz, else the machine's resolved IANA name. The machine's
 * is asked once: the first Intl.DateTimeFormat loads ICU's zone data (~20-30 ms).
 */
export function zoneName(tz: string | null): string {
  return tz ?? (machineZone ??= Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'local');
}
