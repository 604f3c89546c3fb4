// Displaying instants in the report's zone (--tz, else the machine's), cheaply:
// the zone's offset is looked up per call with @date-fns/tz, no Date parsing.
import { tzOffset } from '@date-fns/tz';
import { yearText } from '../util/year-range.js';

export interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** Minutes east of UTC. */
  offset: number;
}

export function zonedParts(d: Date, tz: string | null): ZonedParts {
  const offset = tz ? tzOffset(tz, d) : -d.getTimezoneOffset();
  const w = new Date(d.getTime() + offset * 60_000);
  return {
    year: w.getUTCFullYear(),
    month: w.getUTCMonth() + 1,
    day: w.getUTCDate(),
    hour: w.getUTCHours(),
    minute: w.getUTCMinutes(),
    second: w.getUTCSeconds(),
    offset,
  };
}

const p2 = (n: number): string => String(n).padStart(2, '0');

export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const m = Math.abs(minutes);
  return `${sign}${p2(Math.floor(m / 60))}:${p2(m % 60)}`;
}

/** "2026-11-20 06:25:01" in the zone. */
export function formatDateTime(d: Date, tz: string | null): string {
  const z = zonedParts(d, tz);
  return `${yearText(z.year)}-${p2(z.month)}-${p2(z.day)} ${p2(z.hour)}:${p2(z.minute)}:${p2(z.second)}`;
}

/** "06:51" in the zone. */
export function formatClock(d: Date, tz: string | null, seconds = false): string {
  const z = zonedParts(d, tz);
  return `${p2(z.hour)}:${p2(z.minute)}${seconds ? `:${p2(z.second)}` : ''}`;
}

/** "2026-11-20" in the zone. */
export function formatDay(d: Date, tz: string | null): string {
  const z = zonedParts(d, tz);
  return `${yearText(z.year)}-${p2(z.month)}-${p2(z.day)}`;
}

/** Where an instant falls in the zone: its calendar day (yyyymmdd, a number) and hour. */
export interface LocalHour {
  day: number;
  hour: number;
}

/**
 * Day and hour in the zone, for one event at a time: every zone offset is a multiple of
 * 15 minutes, so the answer is cached per UTC quarter-hour and the zone is consulted
 * about four times per hour of log instead of once per event. The object returned is
 * reused until the quarter changes: read it, do not keep it.
 */
export function localClock(tz: string | null): (d: Date) => LocalHour {
  let lastQuarter = NaN;
  let last: LocalHour = { day: 0, hour: 0 };
  return (d) => {
    const quarter = Math.floor(d.getTime() / 900_000);
    if (quarter !== lastQuarter) {
      lastQuarter = quarter;
      const z = zonedParts(d, tz);
      last = { day: z.year * 10_000 + z.month * 100 + z.day, hour: z.hour };
    }
    return last;
  };
}
