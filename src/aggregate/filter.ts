// Report filters: --since/--until (absolute or relative time), --source CIDR. They
// decide which events reach the aggregators; parsing the option values happens once,
// the per-event check is two number comparisons and (for --source) a lookup in sorted
// intervals (IPv4) or a cache (IPv6), util/address-ranges.ts.
import type { FirewallEvent } from '../event.js';
import { usageError } from '../i18n/messages.js';
import { localTimeConverter } from '../parsers/local-time.js';
import { AddressRanges, parseAddressRange, type AddressRange } from '../util/address-ranges.js';
import { durationMs } from '../util/duration.js';
import { MAX_YEAR, MIN_YEAR, yearInRange } from '../util/year-range.js';

// 2026-11-20, 2026-11-20T06:25, 2026-11-20 06:25:01.5, optional Z or ±hh[:]mm.
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * "2h", "30m", "7d", "1h30m" (before `now`: util/duration.ts), or an ISO date/time. Without an offset the time
 * is read in `tz` (--tz, else the machine's zone), like the report shows times.
 */
export function parseTimeBound(option: string, raw: string, now: Date, tz: string | null): Date {
  const s = raw.trim();
  const ago = durationMs(s);
  if (ago !== null) return new Date(now.getTime() - ago);
  const m = ISO.exec(s);
  if (m) {
    const [y, mo, d, h, mi, sec] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0));
    const ms = Number((m[7] ?? '0').padEnd(3, '0'));
    const valid = mo >= 1 && mo <= 12 && d >= 1 && d <= daysIn(y, mo) && h <= 23 && mi <= 59 && sec <= 59;
    // The years a log line may say (util/year-range.ts); Date.UTC would read 0099 as 1999.
    if (valid && !yearInRange(y)) throw usageError((u) => u.yearRange(option, MIN_YEAR, MAX_YEAR, raw));
    if (valid) {
      const off = m[8];
      let t: number;
      if (off) {
        const wall = Date.UTC(y, mo - 1, d, h, mi, sec, ms);
        if (off.toUpperCase() === 'Z') t = wall;
        else {
          const digits = off.replace(':', '');
          const mins = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5));
          t = wall - (digits[0] === '-' ? -mins : mins) * 60_000;
        }
      } else t = localTimeConverter(tz)(y, mo, d, h, mi, sec) + ms;
      return new Date(t);
    }
  }
  throw usageError((u) => u.time(option, raw));
}

function daysIn(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** "203.0.113.0/24", "2001:db8::/32", or a bare address (= /32, /128), read as --ignore and --home-net read theirs. */
export function parseSourceRange(raw: string): AddressRange {
  const range = parseAddressRange(raw.trim());
  if (range === null) throw usageError((u) => u.sourceRange(raw));
  return range;
}

export interface FilterSpec {
  since: Date | null;
  until: Date | null;
  sources: readonly AddressRange[];
}

/** The JSON-safe description of active filters, for the report document. */
export interface FilterInfo {
  since: string | null;
  until: string | null;
  sources: string[];
  minSeverity: number | null;
  /**
   * With --since/--until only: the time span of every event read, before the filters, so
   * a report the window left empty can say where the logs are.
   */
  readSpan?: { first: string | null; last: string | null };
}

/**
 * A predicate for events, or null when there is nothing to filter. With a time bound,
 * events without an absolute time (dmesg uptime only) cannot be placed and are left out.
 */
export function buildEventFilter(spec: FilterSpec): ((e: FirewallEvent) => boolean) | null {
  const since = spec.since ? spec.since.getTime() : -Infinity;
  const until = spec.until ? spec.until.getTime() : Infinity;
  const timed = spec.since !== null || spec.until !== null;
  const ranges = spec.sources.length > 0 ? new AddressRanges(spec.sources) : null;
  if (!timed && !ranges) return null;
  return (e) => {
    if (timed) {
      if (e.time === null) return false;
      const t = e.time.getTime();
      if (t < since || t > until) return false;
    }
    return ranges === null || (e.src.ip !== null && ranges.has(e.src.ip));
  };
}
