// `logscan check FILE`: what logscan makes of a file, for the user whose lines it
// misses (in the spirit of fail2ban-regex). It reads the file exactly as the report
// does (input/read.ts, input/pick-format.ts: same sniffing, same parsers) and keeps,
// besides the counts, each format's sniff confidence, one example per kind of
// skipped or malformed line, and, with --line N, everything extracted from line N.
import type { FirewallEvent } from '../event.js';
import { readInputs, type InputStats } from '../input/read.js';
import { FALLBACK_FORMAT, SNIFF_LINES, type FormatChoice } from '../input/pick-format.js';
import { formats } from '../parsers/registry.js';
import { fieldsHeaderNames } from '../parsers/windows-firewall.js';
import type { InputOptions } from '../cli/options.js';
import { messages, reasonText } from '../i18n/messages.js';
import type { Lang } from '../knowledge/types.js';
import type { InputProblem } from '../input/problem.js';
import { HEADER_UNREAD, type LineReason } from '../parsers/reason.js';

/** Characters of a line kept as an example (the whole line is never needed to see the problem). */
export const EXCERPT_CHARS = 240;
/** Recent lines remembered for excerpts: parsers report a line's fate within the sniff window or a journal block. */
const RING = 4096;

export interface SniffScore {
  format: string;
  confidence: number;
}

export interface KindExample {
  /** The reason with its quoted values, `=values` and numbers elided, so that e.g. every "SRC: invalid address '…'" is one kind, while "impossible date (Feb …)" and "impossible time (hour …)" are two. */
  kind: string;
  count: number;
  /** The first line of this kind: its number, exact reason and a clipped excerpt (null when the text is gone, e.g. an over-long line). */
  line: number;
  reason: string;
  /** `reason` as data, said in --lang by the text output (not in the JSON, whose reasons are English). */
  why: LineReason;
  excerpt: string | null;
  /** Lines of this kind gave other exact reasons than `reason` (other values): the text output then heads the kind with `kind`, not `reason`. */
  varied: boolean;
}

/** absent: past the end of the input; none: read, but no record of its own (e.g. a non-MESSAGE line of a journal export entry). */
export type LineFate = 'event' | 'skipped' | 'malformed' | 'none' | 'absent';

export interface LineDetail {
  line: number;
  /** The full text of the line as read (CR/LF stripped); null past the end or when over-long. */
  text: string | null;
  fate: LineFate;
  /** Why it was skipped or malformed. */
  reason: string | null;
  /** The same as data (not in the JSON). */
  why: LineReason | null;
  /** The events the line produced (annotated); usually one. */
  events: FirewallEvent[];
}

/**
 * One column layout a W3C `#Fields:` header gave (pfirewall.log): Windows 10 appends `pid`, and
 * a log written across the upgrade changes layout mid-file. Its lines are those read under it,
 * up to the next `#Fields:` header.
 */
export interface FieldHeader {
  fields: number;
  /** Field names it has that the layout before it lacked, and the reverse (both empty for the first). */
  added: string[];
  removed: string[];
  /** How often this same header was written (Windows repeats it when it starts a new file or restarts). */
  headers: number;
  firstLine: number;
  /** Records and malformed lines read under it; `malformed`: of them. */
  lines: number;
  malformed: number;
}

export interface CheckResult {
  file: string;
  format: string | null;
  formatBy: FormatChoice | null;
  /** Non-blank lines the choice was made on (0 when --input-format forced it). */
  sniffedLines: number;
  /** Every format's confidence for those lines, highest first (empty when forced). */
  sniff: SniffScore[];
  lines: number;
  events: number;
  skipped: number;
  malformed: number;
  skippedKinds: KindExample[];
  malformedKinds: KindExample[];
  /** What went wrong, in English (as on stderr). */
  error: string | null;
  /** The same as a code and its facts (src/input/problem.ts): the text says it in --lang. */
  problem: InputProblem | null;
  incomplete: boolean;
  /** Some time had no zone in the log (BSD syslog, pfirewall.log's local time) and was read in --tz or this machine's zone. */
  zonelessTimes: boolean;
  /** The first `journalctl -o short-full` zone name that is none of the zone's at its time (read in that zone all the same); null when none. */
  unmatchedZone: string | null;
  /** The first zone name a stamp carried that is one of the zone's at its time (`CET` read in Europe/Berlin): the log's times have a zone; null when none. */
  namedZone: string | null;
  /** Records dated by their syslog header, by whether it carried its zone; null when no record was. */
  headerTimes: { zoned: number; zoneless: number } | null;
  /** Records whose syslog header was not understood (read from their `kernel:` tag on): how many, the first, its reason; null when none. */
  unreadHeaders: { records: number; line: number; reason: string; why: LineReason; excerpt: string } | null;
  /**
   * NULs dropped from lines that were past the length limit with them (a NUL-filled region, as
   * a crash leaves in pfirewall.log, before a record); null when none were.
   */
  nuls: { count: number; lines: number; firstLine: number } | null;
  /** UTF-16LE or UTF-16BE when the input was UTF-16 text with a byte-order mark (decoded); null for UTF-8/ASCII. */
  encoding: string | null;
  /** The legacy encoding --encoding decoded the input from (its WHATWG name); null when none was. */
  decodedFrom: string | null;
  /** Read as UTF-8: lines that were not valid UTF-8 (shown with U+FFFD); 0 when none (or decoded otherwise). */
  invalidUtf8: number;
  /** Each distinct `#Fields:` layout, in the order first seen (empty for a log without such headers). */
  fieldHeaders: FieldHeader[];
  /** With --line N. */
  detail: LineDetail | null;
}

export interface CheckOptions extends InputOptions {
  /** --line N: show what was extracted from this line. */
  line: number | null;
  annotate(e: FirewallEvent): void;
  signal?: AbortSignal;
}

/**
 * "SRC: invalid address '1.2.x'" → "SRC: invalid address '…'"; "impossible date (Feb 30)" →
 * "impossible date (Feb …)". Only values go: the words of a reason, in parentheses too,
 * are what tells one kind from another ("(hour 25)" is not "(Feb 30)"). Headers stay whole:
 * a file has few, and a #Fields header of 17 fields is another layout than one of 18.
 */
export function reasonKind(reason: string): string {
  if (reason.startsWith('header: ')) return reason;
  return reason
    .replace(/'[^']*(?:'|$)/g, "'…'")
    .replace(/"[^"]*(?:"|$)/g, '"…"')
    .replace(/=\S+/g, '=…')
    .replace(/(?<![\w.-])\d+(?![\w])/g, '…');
}

/**
 * A varied kind's reason for another language than English: its field, value and facts elided
 * as reasonKind elides them in `kind` (the English kind of its lines), so the kind is said
 * from its code too ("SRC：无效的地址 '…'"). A value the English kind lost with a `=…` goes whole.
 */
export function elidedReason(why: LineReason, kind: string): LineReason {
  const out: Record<string, unknown> = { ...why };
  for (const [k, v] of Object.entries(why)) {
    if (k === 'code' || v === '') continue;
    const text = String(v);
    const elided = reasonKind(text);
    out[k] = elided !== text ? elided : kind.includes(text) ? v : '…';
  }
  return out as unknown as LineReason;
}

export function excerpt(text: string): string {
  return text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS)}…` : text;
}

class Kinds {
  private readonly byKind = new Map<string, KindExample>();
  add(line: number, reason: string, why: LineReason, text: string | null): void {
    const kind = reasonKind(reason);
    const k = this.byKind.get(kind);
    if (k) {
      k.count++;
      if (reason !== k.reason) k.varied = true;
    } else this.byKind.set(kind, { kind, count: 1, line, reason, why, excerpt: text === null ? null : excerpt(text), varied: false });
  }
  list(): KindExample[] {
    return [...this.byKind.values()].sort((a, b) => b.count - a.count || a.line - b.line);
  }
}

/** The `#Fields:` layouts of one input and the one the lines are being read under. */
class FieldLayouts {
  private readonly byNames = new Map<string, FieldHeader & { names: string[] }>();
  private current: (FieldHeader & { names: string[] }) | null = null;
  private lastLine = -1;

  header(line: number, text: string | null): void {
    if (text === null) return;
    const names = fieldsHeaderNames(text);
    const key = names.join(' ');
    let h = this.byNames.get(key);
    if (h === undefined) {
      const before = this.current?.names ?? null;
      h = {
        fields: names.length,
        added: before === null ? [] : names.filter((n) => !before.includes(n)),
        removed: before === null ? [] : before.filter((n) => !names.includes(n)),
        headers: 0,
        firstLine: line,
        lines: 0,
        malformed: 0,
        names,
      };
      this.byNames.set(key, h);
    }
    h.headers++;
    this.current = h;
  }

  /** A line that became a record (or several) or was malformed. */
  read(line: number, malformed: boolean): void {
    const h = this.current;
    if (h === null || line === this.lastLine) return;
    this.lastLine = line;
    h.lines++;
    if (malformed) h.malformed++;
  }

  list(): FieldHeader[] {
    return [...this.byNames.values()].map(({ names: _names, ...h }) => h);
  }
}

interface PerFile {
  fields: FieldLayouts;
  sniffedLines: number;
  sniff: SniffScore[];
  skipped: Kinds;
  malformed: Kinds;
  detail: LineDetail | null;
  nuls: CheckResult['nuls'];
  ringNo: Int32Array;
  ringText: string[];
}

function newPerFile(line: number | null): PerFile {
  return {
    fields: new FieldLayouts(),
    sniffedLines: 0,
    sniff: [],
    skipped: new Kinds(),
    malformed: new Kinds(),
    detail: line === null ? null : { line, text: null, fate: 'none', reason: null, why: null, events: [] },
    nuls: null,
    ringNo: new Int32Array(RING).fill(-1),
    ringText: new Array<string>(RING),
  };
}

export async function runCheck(files: readonly string[], opts: CheckOptions): Promise<CheckResult[]> {
  // Inputs are read one after the other: `p` collects the current one, onInputDone closes it.
  const results: CheckResult[] = [];
  let p = newPerFile(opts.line);
  const recent = (lineNo: number): string | null => {
    const i = lineNo % RING;
    return p.ringNo[i] === lineNo ? p.ringText[i] : null;
  };
  const fate = (lineNo: number, f: LineFate, reason: string, why: LineReason): void => {
    const d = p.detail;
    if (d && d.line === lineNo && d.fate === 'none') {
      d.fate = f;
      d.reason = reason;
      d.why = why;
    }
  };

  await readInputs(files, {
    inputFormat: opts.inputFormat,
    encoding: opts.encoding,
    year: opts.year,
    tz: opts.tz,
    signal: opts.signal,
    onLine(_file, text, lineNo) {
      const i = lineNo % RING;
      p.ringNo[i] = lineNo;
      p.ringText[i] = text.length > EXCERPT_CHARS + 1 ? text.slice(0, EXCERPT_CHARS + 1) : text;
      if (p.detail && p.detail.line === lineNo) p.detail.text = text;
    },
    onChosen(_file, picked, sample) {
      if (picked.by === 'option') return;
      const lines = sample.filter((l) => l.trim() !== '');
      p.sniffedLines = lines.length;
      p.sniff = formats.map((f) => ({ format: f.id, confidence: f.sniff(lines) })).sort((a, b) => b.confidence - a.confidence);
    },
    onEvent(e) {
      opts.annotate(e);
      p.fields.read(e.origin.line, false);
      const d = p.detail;
      if (d && e.origin.line === d.line) {
        d.fate = 'event';
        d.events.push(e);
      }
    },
    onNuls(_file, lineNo, count) {
      if (p.nuls === null) p.nuls = { count, lines: 1, firstLine: lineNo };
      else {
        p.nuls.count += count;
        p.nuls.lines++;
      }
    },
    onSkipped(s) {
      if (s.why.code === 'fields-header') p.fields.header(s.line, recent(s.line));
      p.skipped.add(s.line, s.reason, s.why, recent(s.line));
      fate(s.line, 'skipped', s.reason, s.why);
    },
    onMalformed(m) {
      p.fields.read(m.line, true);
      p.malformed.add(m.line, m.reason, m.why, m.text === '' ? recent(m.line) : m.text);
      fate(m.line, 'malformed', m.reason, m.why);
    },
    onInputDone(s: InputStats) {
      if (p.detail && p.detail.line > s.lines) p.detail.fate = 'absent';
      results.push({
        file: s.file,
        format: s.format,
        formatBy: s.formatBy,
        sniffedLines: p.sniffedLines,
        sniff: p.sniff,
        lines: s.lines,
        events: s.events,
        skipped: s.skipped,
        malformed: s.malformed,
        skippedKinds: p.skipped.list(),
        malformedKinds: p.malformed.list(),
        error: s.error,
        problem: s.problem ?? null,
        incomplete: s.incomplete,
        zonelessTimes: s.zonelessTimes === true,
        unmatchedZone: s.unmatchedZone ?? null,
        namedZone: s.namedZone ?? null,
        headerTimes: s.headerTimes ?? null,
        unreadHeaders: s.unreadHeader === undefined ? null : { records: s.unreadHeader.records, line: s.unreadHeader.line, reason: reasonText(HEADER_UNREAD, 'en'), why: HEADER_UNREAD, excerpt: excerpt(s.unreadHeader.text) },
        nuls: p.nuls,
        encoding: s.encoding ?? null,
        decodedFrom: s.decodedFrom ?? null,
        invalidUtf8: s.invalidUtf8 ?? 0,
        fieldHeaders: p.fields.list(),
        detail: p.detail,
      });
      p = newPerFile(opts.line);
    },
  });
  return results;
}

/** One sentence on how the format was chosen, in `lang`. */
export function formatWhy(r: CheckResult, lang: Lang = 'en'): string {
  const m = messages(lang).check;
  if (r.format === null) return m.noFormat;
  if (r.formatBy === 'option') return m.forced(r.format);
  const best = r.sniff[0];
  if (r.formatBy === 'sniff') return m.sniffed(r.format, fmtConf(best?.confidence ?? 0), r.sniffedLines);
  if (r.sniffedLines === 0) return m.guessedEmpty(r.format);
  return m.guessed(r.format, r.sniffedLines, FALLBACK_FORMAT);
}

export function fmtConf(c: number): string {
  return c === 0 ? '0' : c.toFixed(2);
}

/** Hints for the usual reasons a file yields nothing, in `lang`. */
export function hints(r: CheckResult, lang: Lang = 'en'): string[] {
  const m = messages(lang).check.hints;
  const out: string[] = [];
  if (r.lines > 0 && r.events === 0 && r.malformed === 0) out.push(m.noRecords);
  if (r.formatBy === 'fallback' && r.events > 0 && r.format !== null) out.push(m.guessed(r.format));
  if (r.malformed > 0) out.push(m.malformed);
  if (r.sniffedLines > 0 && r.sniffedLines < SNIFF_LINES && r.formatBy !== 'option' && r.events === 0) out.push(m.fewLines(r.sniffedLines));
  return out;
}
