// LEEF's `devTimeFormat`: the pattern of `devTime` in Java's SimpleDateFormat letters, which a
// device names in the record itself (`devTimeFormat=yyyy-MM-dd'T'HH:mm:ss.SSSZ`). The letters
// that say a time are read; those that only restate it (a weekday, an era) are passed over;
// the others (week in year, day in year …) name no date this reader can build, and the record
// is malformed saying the pattern. A pattern is compiled once to a regular expression.
import { fractionMs, shown } from './fields.js';
import type { RecordHead } from './netfilter.js';
import { reason, type LineReason } from './reason.js';
import { BAD_ZONE_OFFSET, type StampZones } from './siem-stamp.js';
import { impossible, monthAt } from './timestamp.js';
import type { ParseContext } from './types.js';

/** What a group of the compiled expression holds. */
const enum Part {
  Year,
  Year2,
  Month,
  MonthName,
  Day,
  Hour,
  Hour12,
  Minute,
  Second,
  Fraction,
  Meridiem,
  Zone,
}

interface Compiled {
  readonly re: RegExp;
  readonly parts: readonly Part[];
}

/** A run of one letter as a group; null for a letter no date is built from. */
function letterGroup(c: string, n: number): [string, Part | null] | null {
  const digits = (min: number, max: number): string => (n >= 2 ? `(\\d{${Math.max(n, min)}})` : `(\\d{1,${max}})`);
  switch (c) {
    case 'y':
      return n === 2 ? ['(\\d{2})', Part.Year2] : [n >= 4 ? `(\\d{${n}})` : '(\\d{1,4})', Part.Year];
    case 'M':
      return n >= 4 ? ['([A-Za-z]{3,9})', Part.MonthName] : n === 3 ? ['([A-Za-z]{3})', Part.MonthName] : [digits(2, 2), Part.Month];
    case 'd':
      return [digits(2, 2), Part.Day];
    case 'H':
      return [digits(2, 2), Part.Hour];
    case 'h':
      return [digits(2, 2), Part.Hour12];
    case 'm':
      return [digits(2, 2), Part.Minute];
    case 's':
      return [digits(2, 2), Part.Second];
    case 'S':
      return ['(\\d{1,9})', Part.Fraction];
    case 'a':
      return ['([AaPp][Mm])', Part.Meridiem];
    case 'z':
      return ['([A-Za-z][A-Za-z0-9/_+:-]*)', Part.Zone];
    case 'Z':
      return ['([+-]\\d{4}|Z)', Part.Zone];
    case 'X':
      return ['(Z|[+-]\\d{2}(?::?\\d{2})?)', Part.Zone];
    case 'E':
      // A weekday says nothing the date does not.
      return ['(?:[A-Za-z]+)', null];
    case 'G':
      return ['(?:AD)', null];
    default:
      return null;
  }
}

/** The pattern as an expression over the whole devTime; null when it holds a letter no date is built from. */
function compile(pattern: string): Compiled | null {
  let re = '^';
  const parts: Part[] = [];
  for (let i = 0; i < pattern.length; ) {
    const c = pattern[i]!;
    if (c === "'") {
      // Quoted text; '' is a quote.
      const close = pattern.indexOf("'", i + 1);
      if (close < 0) return null;
      const text = close === i + 1 ? "'" : pattern.slice(i + 1, close);
      if (text === 'Z') {
        // `…ss'Z'`: the pattern's writer formats in UTC and says so with a literal Z.
        re += '(Z)';
        parts.push(Part.Zone);
      } else re += text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
      i = close + 1;
      continue;
    }
    if (/[A-Za-z]/.test(c)) {
      let j = i;
      while (j < pattern.length && pattern[j] === c) j++;
      const g = letterGroup(c, j - i);
      if (g === null) return null;
      re += g[0];
      if (g[1] !== null) parts.push(g[1]);
      i = j;
      continue;
    }
    re += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    i++;
  }
  // A pattern is the log's text: bounded, so that its groups of letters (a zone's, a weekday's)
  // cannot make the expression backtrack without end over a long line.
  if (parts.length > 12 || parts.filter((p) => p === Part.Zone).length > 1 || (re.match(/\(\?:\[A-Za-z\]\+\)/g)?.length ?? 0) > 1) return null;
  const has = (p: Part): boolean => parts.includes(p);
  // A date needs its month, day and hour; a 12-hour clock its AM/PM.
  if (!(has(Part.Month) || has(Part.MonthName)) || !has(Part.Day) || !(has(Part.Hour) || (has(Part.Hour12) && has(Part.Meridiem)))) return null;
  return { re: new RegExp(`${re}$`), parts };
}

/** Reads devTime by the record's devTimeFormat, its compiled patterns kept (a device sends one or two). */
export class PatternStamps {
  /** Why the last read() returned NaN. */
  error: LineReason | null = null;
  yearInferred = false;
  private readonly compiled = new Map<string, Compiled | null>();
  private lastPattern = '';
  private lastStamp = '';
  private lastMs = NaN;
  private lastInferred = false;

  constructor(
    private readonly ctx: Pick<ParseContext, 'refDate'>,
    private readonly zones: StampZones,
    /** The time's field and its pattern's, as reasons name them. */
    private readonly field: string,
    private readonly patternField: string,
  ) {}

  read(t: string, pattern: string, head: RecordHead): number {
    if (t === this.lastStamp && pattern === this.lastPattern) {
      this.yearInferred = this.lastInferred;
      return this.lastMs;
    }
    this.yearInferred = false;
    let c = this.compiled.get(pattern);
    if (c === undefined) {
      c = compile(pattern);
      if (this.compiled.size < 16) this.compiled.set(pattern, c);
    }
    if (c === null) return this.bad(reason('invalid', this.patternField, shown(pattern)));
    const m = c.re.exec(t);
    if (m === null) return this.bad(reason('invalid', this.field, shown(t)));
    let y = -1;
    let mo = 0;
    let d = 0;
    let h = 0;
    let mi = 0;
    let sec = 0;
    let pm = -1;
    let frac: string | undefined;
    let zone: string | undefined;
    for (let i = 0; i < c.parts.length; i++) {
      const v = m[i + 1]!;
      switch (c.parts[i]!) {
        case Part.Year: y = Number(v); break;
        case Part.Year2: y = 2000 + Number(v); break;
        case Part.Month: mo = Number(v); break;
        case Part.MonthName: mo = monthAt(v[0]!.toUpperCase() + v.slice(1, 3).toLowerCase(), 0); break;
        case Part.Day: d = Number(v); break;
        case Part.Hour: h = Number(v); break;
        case Part.Hour12: h = Number(v) % 12; break;
        case Part.Minute: mi = Number(v); break;
        case Part.Second: sec = Number(v); break;
        case Part.Fraction: frac = v; break;
        case Part.Meridiem: pm = (v.charCodeAt(0) | 0x20) === 0x70 ? 1 : 0; break;
        case Part.Zone: zone = v; break;
      }
    }
    if (pm === 1) h += 12;
    if (mo === 0) return this.bad(reason('invalid', this.field, shown(t)));
    if (y < 0) {
      // No year in the pattern: the header's, else the reading's (as a BSD stamp's).
      y = head.time !== null ? head.time.getUTCFullYear() : this.ctx.refDate.getUTCFullYear();
      this.yearInferred = head.time === null || head.yearInferred;
    }
    const err = impossible(y, mo, d, h, mi, sec);
    if (err !== null) return this.bad({ ...err, field: this.field });
    let ms = this.zones.ms(zone, y, mo, d, h, mi, Math.min(sec, 59));
    if (ms === BAD_ZONE_OFFSET) return this.bad(reason('impossible-offset', this.field));
    if (ms !== ms) return this.bad(reason('invalid', this.field, shown(t)));
    ms += (sec === 60 ? 1000 : 0) + (frac === undefined ? 0 : fractionMs(frac, 0, frac.length));
    this.lastStamp = t;
    this.lastPattern = pattern;
    this.lastMs = ms;
    this.lastInferred = this.yearInferred;
    return ms;
  }

  private bad(r: LineReason): number {
    this.error = r;
    this.lastStamp = '';
    return NaN;
  }
}
