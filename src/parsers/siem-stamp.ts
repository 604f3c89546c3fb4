// The device time of the two SIEM formats, CEF's `rt` and LEEF's `devTime`: epoch milliseconds
// (seconds when 10 digits or fewer, as a few devices write), `MMM dd [yyyy] HH:mm:ss[.SSS]
// [zone]` (ArcSight's form, which IBM's LEEF guide names as devTime's default), or ISO 8601
// as relays rewrite it. And the zone such a date names after its wall time (also what LEEF's
// devTimeFormat `z`/`Z`/`X` wrote). One reading for both formats, so a vendor's record reads
// the same time whichever of them it was sent in.
import { fractionMs, shown } from './fields.js';
import { IsoStamps } from './iso-stamp.js';
import { NamedZoneTime } from './journal-stamps.js';
import { isValidTimeZone, localTimeConverter, WallTimes, type LocalTimeToEpoch } from './local-time.js';
import type { RecordHead } from './netfilter.js';
import { fixedReason, reason, type LineReason } from './reason.js';
import { impossible, monthAt, utcOffsetMinutes } from './timestamp.js';
import type { ParseContext } from './types.js';

/** A zone's abbreviation (`CEST`), not an id (`Europe/Berlin`). */
const ABBREVIATION = /^[A-Za-z]{2,6}$/;

/** `StampZones.ms`'s answer for an offset whose hours or minutes are out of range. */
export const BAD_ZONE_OFFSET = Infinity;

export class StampZones {
  /** A zone's name the stamp gives → its converter, null when the runtime does not know it. */
  private readonly ids = new Map<string, LocalTimeToEpoch | null>();
  private named: NamedZoneTime | null = null;
  private namedWall: WallTimes | null = null;

  constructor(
    private readonly ctx: Pick<ParseContext, 'tz' | 'zoneNote' | 'timeCarry'>,
    /** Wall time in --tz in log order: a stamp without a zone. */
    private readonly wall: WallTimes,
  ) {}

  /**
   * The instant of the wall time (second 0-59) in `zone`: none (--tz), `Z`/`UTC`/`GMT`, an offset
   * (`+0200`, `-05:00`, `UTC+1`), an IANA id, or an abbreviation. NaN when the zone is none of
   * these, BAD_ZONE_OFFSET when it is an offset out of range.
   */
  ms(zone: string | undefined, y: number, mo: number, d: number, h: number, mi: number, s: number): number {
    if (zone === undefined || zone === '') return this.wall.ms(y, mo, d, h, mi, s);
    if (zone === 'Z' || zone === 'UTC' || zone === 'GMT') return Date.UTC(y, mo - 1, d, h, mi, s);
    const off = utcOffsetMinutes(zone, 0, zone.length);
    if (off === Infinity) return BAD_ZONE_OFFSET;
    if (off === off) return Date.UTC(y, mo - 1, d, h, mi, s) - off * 60_000;
    const conv = this.id(zone);
    if (conv !== null) return conv(y, mo, d, h, mi, s);
    if (!ABBREVIATION.test(zone)) return NaN;
    // ArcSight's rt format and LEEF's default end in `zzz`, an abbreviation (`CEST`, `EDT`,
    // `BST`) that is no zone id: wall time in --tz, noted when it is none of that zone's
    // names, as a SonicWall's, a Cisco device's and journalctl's named zones are read.
    const wall = Date.UTC(y, mo - 1, d, h, mi, s);
    this.named ??= new NamedZoneTime(this.ctx);
    this.namedWall ??= new WallTimes({ tz: this.ctx.tz, timeCarry: this.ctx.timeCarry });
    return this.named.at(zone, wall, this.namedWall.ms(y, mo, d, h, mi, s));
  }

  /** A converter for a zone the stamp names (`Europe/Berlin`); null for a name the runtime does not know. */
  private id(name: string): LocalTimeToEpoch | null {
    let c = this.ids.get(name);
    if (c === undefined) {
      if (this.ids.size >= 64) return isValidTimeZone(name) ? localTimeConverter(name) : null;
      c = isValidTimeZone(name) ? localTimeConverter(name) : null;
      this.ids.set(name, c);
    }
    return c;
  }
}

/** `Nov 20 2026 06:25:01.123 UTC`, the year and the zone optional. */
const SIEM_DATE = /^([A-Z][a-z]{2}) {1,2}(\d{1,2})(?: (\d{4}))? (\d\d):(\d\d):(\d\d)(?:\.(\d{1,9}))?(?: (\S+))?$/;

/** Reads one format's device times (its field named in reasons), caching the last one. */
export class SiemStamps {
  /** Why the last read() returned NaN. */
  error: LineReason | null = null;
  /** The last time read took its year from the header or the reading (a date without one). */
  yearInferred = false;
  readonly zones: StampZones;
  private readonly iso: IsoStamps;
  private readonly badOffset: LineReason;
  private lastStamp = '';
  private lastMs = NaN;
  private lastInferred = false;

  constructor(
    private readonly ctx: Pick<ParseContext, 'tz' | 'zoneNote' | 'timeCarry' | 'refDate'>,
    private readonly field: string,
    wall: WallTimes,
  ) {
    this.iso = new IsoStamps({ field, wall });
    this.zones = new StampZones(ctx, wall);
    this.badOffset = fixedReason('impossible-offset', field);
  }

  /** The time t in ms; NaN with `error` set when it is no time. */
  read(t: string, head: RecordHead): number {
    if (t === this.lastStamp) {
      this.yearInferred = this.lastInferred;
      return this.lastMs;
    }
    this.yearInferred = false;
    let ms: number;
    if (/^\d{1,15}$/.test(t)) {
      // The specs' milliseconds; a few devices write seconds (10 digits until 2286).
      ms = t.length >= 12 ? Number(t) : Number(t) * 1000;
    } else {
      const m = SIEM_DATE.exec(t);
      if (m === null) {
        // `2026-11-20T06:25:01Z`, as some relays rewrite it.
        ms = this.iso.read(t, 0, t.length);
        if (ms !== ms) return this.bad(this.iso.error ?? this.invalid(t));
      } else {
        const mo = monthAt(m[1]!, 0);
        if (mo === 0) return this.bad(this.invalid(t));
        const d = Number(m[2]);
        let y: number;
        if (m[3] === undefined) {
          // No year: the header's, else the reading's (as a BSD stamp's).
          y = head.time !== null ? head.time.getUTCFullYear() : this.ctx.refDate.getUTCFullYear();
          this.yearInferred = head.time === null || head.yearInferred;
        } else y = Number(m[3]);
        const [h, mi, sec] = [Number(m[4]), Number(m[5]), Number(m[6])];
        const frac = m[7];
        const err = impossible(y, mo, d, h, mi, sec);
        if (err !== null) return this.bad({ ...err, field: this.field });
        ms = this.zones.ms(m[8], y, mo, d, h, mi, Math.min(sec, 59));
        if (ms === BAD_ZONE_OFFSET) return this.bad(this.badOffset);
        if (ms !== ms) return this.bad(this.invalid(t));
        // Cut to milliseconds as the ISO stamps are (iso-stamp.ts): rounding made .9996 the next second.
        ms += (sec === 60 ? 1000 : 0) + (frac === undefined ? 0 : fractionMs(frac, 0, frac.length));
      }
    }
    this.lastStamp = t;
    this.lastMs = ms;
    this.lastInferred = this.yearInferred;
    return ms;
  }

  private invalid(t: string): LineReason {
    return reason('invalid', this.field, shown(t));
  }

  private bad(r: LineReason): number {
    this.error = r;
    this.lastStamp = '';
    return NaN;
  }
}
