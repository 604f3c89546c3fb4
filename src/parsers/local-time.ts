// Local wall-clock time (no offset in the log) -> epoch milliseconds, in an IANA zone
// or the machine's zone. Used by parsers whose logs write local time (pfirewall.log).
//
// Hot path: a log changes hour rarely, so the UTC offset is computed once per local
// hour (two zone lookups) and cached; a line then costs one Date.UTC-style sum.
// An hour whose start and end offsets differ contains a DST change; it is not cached
// and every timestamp in it is resolved exactly.
//
// Ambiguity follows ECMAScript/Temporal "compatible": a repeated wall time (autumn
// fall-back) resolves to the earlier instant, a skipped one (spring gap) is read with
// the offset in force before the change (so 02:30 becomes 03:30 summer time). This is
// also what `new Date(y, m, d, h, mi, s)` does for the machine zone, so both paths agree.
// A parser reading a log in order asks for `inLogOrder`: a repeated wall time then takes
// its later instant when the earlier one would put the record well before the previous
// one (more than OUT_OF_ORDER_MS) and the later one would not, so the hour that autumn's
// fall-back repeats reads as two hours in a row, not as the same hour twice. The previous
// record may be in the file before (`carry`: the rotations of one log read oldest first).

import { tzOffset } from '@date-fns/tz';
import { UsageError } from '../errors.js';
import type { LocalTimeCarry, ParseContext, ZoneNote } from './types.js';

/** Converts a local wall time (month 1-12) to epoch ms. Inputs must already be valid. */
export type LocalTimeToEpoch = (year: number, month: number, day: number, hour: number, minute: number, second: number) => number;

const HOUR = 3_600_000;
const DAY = 86_400_000;
/** How far before the previous record a log's line may be and still be in order (several hosts through one syslog). */
const OUT_OF_ORDER_MS = 300_000;
/** Bound on cached hours (a fuzzed or years-long file must not grow memory without limit). */
const CACHE_LIMIT = 8192;

/** Wall time read as if it were UTC; handles years 0-99, which Date.UTC maps to 19xx. */
export function wallClockMs(year: number, month: number, day: number, hour: number, minute: number, second: number): number {
  if (year >= 100) return Date.UTC(year, month - 1, day, hour, minute, second);
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, minute, second, 0);
  return d.getTime();
}

/** True when `tz` is an IANA zone name (or ±HH:MM offset) the runtime knows. */
export function isValidTimeZone(tz: string): boolean {
  return !Number.isNaN(tzOffset(tz, new Date(0)));
}

/** A zone's offset (ms, east positive) at an instant. */
type OffsetAt = (t: number) => number;

/** Offset (ms, east positive) to subtract from a wall time to get the instant, in the zone `offsetAt` describes. */
function offsetForWallIn(offsetAt: OffsetAt, wall: number): number {
  const before = offsetAt(wall - DAY);
  const after = offsetAt(wall + DAY);
  if (before === after) return before;
  const beforeFits = offsetAt(wall - before) === before;
  const afterFits = offsetAt(wall - after) === after;
  // Both fit: the wall time happens twice; the larger offset gives the earlier instant.
  if (beforeFits && afterFits) return Math.max(before, after);
  if (afterFits) return after;
  // Only `before` fits, or neither (the gap): read with the offset before the change.
  return before;
}

/** The other offset under which `wall` also happens (a repeated wall time), or NaN when it happens once. */
function repeatedOffset(offsetAt: OffsetAt, wall: number, offset: number): number {
  const before = offsetAt(wall - DAY);
  const after = offsetAt(wall + DAY);
  const other = offset === before ? after : before;
  return other !== offset && offsetAt(wall - other) === other ? other : NaN;
}

/** Same for the machine zone, via the local Date constructor (which is "compatible"). */
function machineOffsetForWall(wall: number): number {
  const u = new Date(wall);
  const local = new Date(0);
  local.setFullYear(u.getUTCFullYear(), u.getUTCMonth(), u.getUTCDate());
  local.setHours(u.getUTCHours(), u.getUTCMinutes(), u.getUTCSeconds(), 0);
  return wall - local.getTime();
}

/**
 * Builds a converter for one zone (null = the machine's zone, i.e. process TZ).
 * Throws UsageError for a zone name the runtime does not know: that is a bad
 * `--tz`, not bad input, and must surface once rather than on every line.
 */
export function localTimeConverter(tz: string | null, opts: { inLogOrder?: boolean; note?: ZoneNote; carry?: LocalTimeCarry } = {}): LocalTimeToEpoch {
  if (tz !== null && !isValidTimeZone(tz)) throw new UsageError(`unknown time zone '${tz}' (expected an IANA name such as Europe/Berlin)`);
  const offsetAt: OffsetAt = tz === null ? (t) => -new Date(t).getTimezoneOffset() * 60_000 : (t) => tzOffset(tz, new Date(t)) * 60_000;
  const offsetForWall = tz === null ? machineOffsetForWall : (wall: number) => offsetForWallIn(offsetAt, wall);
  const inLogOrder = opts.inLogOrder === true;
  const note = opts.note;
  // hour key (wall ms / HOUR) -> offset ms, or NaN for an hour with a change inside it.
  const cache = new Map<number, number>();
  let lastKey = NaN;
  let lastOffset = NaN;
  /** The previous result (inLogOrder only); shared with the converters of the log's other files when carried. */
  const carry: LocalTimeCarry = opts.carry ?? { previous: NaN };

  return (year, month, day, hour, minute, second) => {
    const wall = wallClockMs(year, month, day, hour, minute, second);
    const key = Math.floor(wall / HOUR);
    let offset: number;
    if (key === lastKey) {
      offset = lastOffset;
    } else {
      // Here, not on every call: the first call always misses (lastKey is NaN).
      if (note !== undefined) note.zonelessTimes = true;
      let cached = cache.get(key);
      if (cached === undefined) {
        const start = offsetForWall(key * HOUR);
        const end = offsetForWall((key + 1) * HOUR);
        cached = start === end ? start : NaN;
        if (cache.size >= CACHE_LIMIT) cache.clear();
        cache.set(key, cached);
      }
      lastKey = key;
      lastOffset = offset = cached;
    }
    if (Number.isNaN(offset)) {
      offset = offsetForWall(wall);
      const previous = carry.previous;
      if (inLogOrder && previous === previous) {
        const other = repeatedOffset(offsetAt, wall, offset);
        // `offset` gives the earlier instant; a smaller `other`, the later one (NaN compares false).
        if (other < offset && wall - offset < previous - OUT_OF_ORDER_MS && wall - other >= previous - OUT_OF_ORDER_MS) offset = other;
      }
    }
    const t = wall - offset;
    if (inLogOrder) carry.previous = t;
    return t;
  };
}

/**
 * A file's wall times (a record without an offset) read in --tz, for a format whose records
 * may also carry their own offset or none at all: the converter is made at the first wall
 * time, so a bad --tz or the zone note for `check` come only from a log that has one. A
 * leap second (:60) is a second past :59.
 */
export class WallTimes {
  private convert: LocalTimeToEpoch | null = null;

  constructor(private readonly ctx: Pick<ParseContext, 'tz' | 'zoneNote' | 'timeCarry'>) {}

  ms(year: number, month: number, day: number, hour: number, minute: number, second: number): number {
    const ctx = this.ctx;
    this.convert ??= localTimeConverter(ctx.tz, { inLogOrder: true, note: ctx.zoneNote, carry: ctx.timeCarry });
    return this.convert(year, month, day, hour, minute, Math.min(second, 59)) + (second === 60 ? 1000 : 0);
  }
}

/**
 * The context with a log-order carry of its own when it has none (a file read alone, a
 * followed file's first object): the parsers of one file that read times through
 * converters of their own (the syslog header's and the Cisco ASA's stamps, another
 * format's payload in a loghost's file) then share one log order.
 */
export function withTimeCarry(ctx: ParseContext): ParseContext {
  return ctx.timeCarry === undefined ? { ...ctx, timeCarry: { previous: NaN } } : ctx;
}
