// `logscan check FILE`: what logscan makes of a file, for the user whose lines it
// misses (in the spirit of fail2ban-regex). It reads the file exactly as the report
// does (input/read.ts, input/pick-format.ts: same sniffing, same parsers) and keeps,
// besides the counts, each format's sniff confidence, one example per kind of
// skipped or malformed line, and, with --line N, everything extracted from line N.
import type { FirewallEvent } from '../event.js';
import { readInputs, type InputStats } from '../input/read.js';
import { FALLBACK_FORMAT, SNIFF_LINES, type FormatChoice } from '../input/pick-format.js';
import { formats } from '../parsers/registry.js';
import type { InputOptions } from '../cli/options.js';
import { counted } from '../util/number-text.js';
import type { InputProblem } from '../input/problem.js';

/** Characters of a line kept as an example (the whole line is never needed to see the problem). */
export const EXCERPT_CHARS = 240;
/** Recent lines remembered for excerpts: parsers report a line's fate within the sniff window or a journal block. */
const RING = 4096;

export interface SniffScore {
  format: string;
  confidence: number;
}

export interface KindExample {
  /** The reason with its quoted values and counts elided, so that e.g. every "SRC: invalid address '…'" is one kind. */
  kind: string;
  count: number;
  /** The first line of this kind: its number, exact reason and a clipped excerpt (null when the text is gone, e.g. an over-long line). */
  line: number;
  reason: string;
  excerpt: string | null;
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
  /** The events the line produced (annotated); usually one. */
  events: FirewallEvent[];
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
  /**
   * NULs dropped from lines that were past the length limit with them (a NUL-filled region, as
   * a crash leaves in pfirewall.log, before a record); null when none were.
   */
  nuls: { count: number; lines: number; firstLine: number } | null;
  /** UTF-16LE or UTF-16BE when the input was UTF-16 text with a byte-order mark (decoded); null for UTF-8/ASCII. */
  encoding: string | null;
  /** With --line N. */
  detail: LineDetail | null;
}

export interface CheckOptions extends InputOptions {
  /** --line N: show what was extracted from this line. */
  line: number | null;
  annotate(e: FirewallEvent): void;
  signal?: AbortSignal;
}

/** "SRC: invalid address '1.2.x'" → "SRC: invalid address '…'"; "(17 fields)" → "(…)". */
export function reasonKind(reason: string): string {
  return reason
    .replace(/'[^']*(?:'|$)/g, "'…'")
    .replace(/"[^"]*(?:"|$)/g, '"…"')
    .replace(/\([^()]*\)/g, '(…)')
    .replace(/=\S+/g, '=…');
}

export function excerpt(text: string): string {
  return text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS)}…` : text;
}

class Kinds {
  private readonly byKind = new Map<string, KindExample>();
  add(line: number, reason: string, text: string | null): void {
    const kind = reasonKind(reason);
    const k = this.byKind.get(kind);
    if (k) k.count++;
    else this.byKind.set(kind, { kind, count: 1, line, reason, excerpt: text === null ? null : excerpt(text) });
  }
  list(): KindExample[] {
    return [...this.byKind.values()].sort((a, b) => b.count - a.count || a.line - b.line);
  }
}

interface PerFile {
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
    sniffedLines: 0,
    sniff: [],
    skipped: new Kinds(),
    malformed: new Kinds(),
    detail: line === null ? null : { line, text: null, fate: 'none', reason: null, events: [] },
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
  const fate = (lineNo: number, f: LineFate, reason: string): void => {
    const d = p.detail;
    if (d && d.line === lineNo && d.fate === 'none') {
      d.fate = f;
      d.reason = reason;
    }
  };

  await readInputs(files, {
    inputFormat: opts.inputFormat,
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
      p.skipped.add(s.line, s.reason, recent(s.line));
      fate(s.line, 'skipped', s.reason);
    },
    onMalformed(m) {
      p.malformed.add(m.line, m.reason, m.text === '' ? recent(m.line) : m.text);
      fate(m.line, 'malformed', m.reason);
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
        nuls: p.nuls,
        encoding: s.encoding ?? null,
        detail: p.detail,
      });
      p = newPerFile(opts.line);
    },
  });
  return results;
}

/** One sentence on how the format was chosen. */
export function formatWhy(r: CheckResult): string {
  if (r.format === null) return 'no format: nothing was read';
  if (r.formatBy === 'option') return `${r.format}, forced by --input-format (not sniffed)`;
  const best = r.sniff[0];
  if (r.formatBy === 'sniff') return `${r.format}, sniffed with confidence ${fmtConf(best?.confidence ?? 0)} on the first ${counted(r.sniffedLines, 'non-blank line')}`;
  if (r.sniffedLines === 0) return `${r.format} (guessed): the input has no non-blank line to recognise a format by`;
  return `${r.format} (guessed): no format recognised the first ${counted(r.sniffedLines, 'non-blank line')}, so they are read as ${FALLBACK_FORMAT} syslog text, which skips what it cannot read`;
}

export function fmtConf(c: number): string {
  return c === 0 ? '0' : c.toFixed(2);
}

/** Hints for the usual reasons a file yields nothing. */
export function hints(r: CheckResult): string[] {
  const out: string[] = [];
  if (r.lines > 0 && r.events === 0 && r.malformed === 0) {
    out.push('no line was a firewall record: this may be a format logscan does not read (yet); `logscan formats` lists the ones it does');
  }
  if (r.formatBy === 'fallback' && r.events > 0) out.push(`the format was guessed; --input-format ${r.format} makes it explicit`);
  if (r.malformed > 0) out.push('malformed lines look like firewall records but could not be read; the reason names the field');
  if (r.sniffedLines > 0 && r.sniffedLines < SNIFF_LINES && r.formatBy !== 'option' && r.events === 0) {
    out.push(`only ${r.sniffedLines} non-blank lines to sniff on; --input-format ID forces a format`);
  }
  return out;
}
