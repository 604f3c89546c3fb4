// The one reader of a record's ISO 8601 / RFC 3339 stamp held in a field of its own
// (`timestamp="2026-11-20T06:25:01+0100"`, a JSON entry's `"timestamp"`, CEF's `rt`):
// `YYYY-MM-DD[Tt ]HH:MM:SS[.frac][Z|z|±HH:MM|±HHMM]`, the whole field and nothing else.
// Sophos Firewall, Check Point, Google Cloud, Azure Firewall, CEF and WatchGuard each had a
// copy that differed by accident (round or floor, which separators, which offsets, which
// reason); what differs by format is an option here: the field named in a reason, and what a
// stamp without a zone means. The syslog envelope's reader (timestamp.ts `Clock.iso`) reads
// a stamp inside a line up to a blank instead, so it is not this one.
import type { WallTimes } from './local-time.js';
import { fixedReason, type LineReason } from './reason.js';
import { d2, impossible } from './timestamp.js';

const MINUTE = 60_000;

export interface IsoStampOptions {
  /** The field a stamp's problems are reported under: `timestamp`, `time`, `rt`. */
  readonly field: string;
  /**
   * A stamp without an offset: wall time in --tz through this, or UTC when null (WatchGuard's
   * parenthesised stamp, which Fireware writes in UTC).
   */
  readonly wall: WallTimes | null;
}

/**
 * Reads one format's stamps, caching the last one: a busy log repeats a second many times,
 * and a hit is one length check and one startsWith().
 */
export class IsoStamps {
  /**
   * Why the last read() returned NaN when the text is a stamp that names no time (Feb 30,
   * hour 25, a year out of range, offset +25:00); null when the text is no stamp at all, which
   * the caller words with the text it shows (`timestamp: invalid '20.11.2026'`).
   */
  error: LineReason | null = null;
  private readonly field: string;
  private readonly wall: WallTimes | null;
  private readonly badOffset: LineReason;
  private lastText = '';
  private lastMs = NaN;

  constructor(options: IsoStampOptions) {
    this.field = options.field;
    this.wall = options.wall;
    this.badOffset = fixedReason('impossible-offset', options.field);
  }

  /**
   * The stamp s[a, b) as epoch ms, or NaN with `error` set as it says. The syntax of the
   * whole text is judged first, so a text that is no stamp is never called an impossible date.
   *
   * Exact, where the copies differed: the fraction is cut to milliseconds, never rounded
   * (`.9996` is 999 ms, as Date.parse reads it: rounding made it the next second's 000); a
   * fraction needs a digit (`01.Z` is a cut stamp); a leap second (:60) is the second after
   * :59; hour 24 is no hour (Date.parse reads `24:00:00` as the next day's midnight).
   */
  read(s: string, a: number, b: number): number {
    const last = this.lastText;
    if (b - a === last.length && last !== '' && s.startsWith(last, a)) return this.lastMs;
    this.error = null;
    if (b - a < 19) return NaN;
    const y1 = d2(s, a);
    const y2 = d2(s, a + 2);
    const mo = d2(s, a + 5);
    const d = d2(s, a + 8);
    const h = d2(s, a + 11);
    const mi = d2(s, a + 14);
    const sec = d2(s, a + 17);
    const t = s.charCodeAt(a + 10);
    if (
      y1 < 0 || y2 < 0 || mo < 0 || d < 0 || h < 0 || mi < 0 || sec < 0 ||
      s.charCodeAt(a + 4) !== 0x2d || s.charCodeAt(a + 7) !== 0x2d || (t !== 0x54 && t !== 0x74 && t !== 0x20) ||
      s.charCodeAt(a + 13) !== 0x3a || s.charCodeAt(a + 16) !== 0x3a
    ) {
      return NaN;
    }
    let p = a + 19;
    let frac = 0;
    if (p < b && s.charCodeAt(p) === 0x2e) {
      const f = ++p;
      for (; p < b; p++) {
        const dg = s.charCodeAt(p) - 0x30;
        if (dg < 0 || dg > 9) break;
        // The first three digits are the milliseconds; the rest is finer than an event keeps.
        if (p - f < 3) frac = frac * 10 + dg;
      }
      if (p === f) return NaN;
      for (let n = p - f; n < 3; n++) frac *= 10;
    }
    // Minutes east of UTC; NaN: none written.
    let offset = NaN;
    let offsetInRange = true;
    if (p < b) {
      const z = s.charCodeAt(p);
      if ((z === 0x5a || z === 0x7a) && p + 1 === b) offset = 0;
      else {
        const oh = d2(s, p + 1);
        const colon = s.charCodeAt(p + 3) === 0x3a ? 1 : 0;
        const om = d2(s, p + 3 + colon);
        if ((z !== 0x2b && z !== 0x2d) || oh < 0 || om < 0 || p + 5 + colon !== b) return NaN;
        offsetInRange = oh <= 23 && om <= 59;
        offset = (z === 0x2d ? -1 : 1) * (oh * 60 + om);
      }
    }
    const y = y1 * 100 + y2;
    const err = impossible(y, mo, d, h, mi, sec);
    if (err !== null) {
      this.error = err.field === this.field ? err : { ...err, field: this.field };
      return NaN;
    }
    if (!offsetInRange) {
      this.error = this.badOffset;
      return NaN;
    }
    let ms: number;
    // WallTimes reads a leap second as the second after :59 itself.
    if (offset !== offset && this.wall !== null) ms = this.wall.ms(y, mo, d, h, mi, sec) + frac;
    else {
      // impossible() held the year to 1900-9998, where Date.UTC needs no help.
      ms = Date.UTC(y, mo - 1, d, h, mi, sec < 60 ? sec : 59) + (sec === 60 ? 1000 : 0) + frac;
      if (offset === offset) ms -= offset * MINUTE;
    }
    this.lastText = s.slice(a, b);
    this.lastMs = ms;
    return ms;
  }
}
