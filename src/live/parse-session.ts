// The follower's consumer in `follow`: each file object it opens gets its own parser,
// chosen the way `logscan FILE` chooses (input/pick-format.ts), except that follow
// mode cannot wait for 50 lines: it sniffs on the file's head when starting mid-file,
// else on whatever the first read brought, and a rotated file keeps the format its
// predecessor had. Per-path stats feed the final summary.
import type { FirewallEvent } from '../event.js';
import type { FollowConsumer, FollowedFile, FollowNotice, GenerationConsumer, NoticeKind } from '../input/follow.js';
import { messages } from '../i18n/messages.js';
import type { Lang } from '../knowledge/types.js';
import { overlongReason } from '../input/lines.js';
import { PickingParser } from '../input/pick-format.js';
import type { InputStats, MalformedLine } from '../input/read.js';
import type { InputOptions } from '../cli/options.js';
import type { LineSink, LocalTimeCarry, YearCarry } from '../parsers/types.js';
import { termSafe } from '../render/sanitize.js';
import { testCrashHook } from '../cli/test-hooks.js';
import { problemText, type InputProblem } from '../input/problem.js';
import { reasonText } from '../i18n/messages.js';
import { fileYearCarry } from '../parsers/timestamp.js';

export interface ParseSessionOptions extends InputOptions {
  onEvent(e: FirewallEvent): void;
  onMalformed(m: MalformedLine): void;
  /** Lines for stderr. */
  err(s: string): void;
  /** The language of its notices (--lang). */
  lang: Lang;
  /** Called after each read (flush output; may return back-pressure). */
  afterChunk(): Promise<void> | void;
  now?: () => Date;
}

export class ParseSession implements FollowConsumer {
  private readonly stats = new Map<string, InputStats>();
  /** Format of each path's last file, for its successors after rotation. */
  private readonly formats = new Map<string, string>();
  /**
   * Where each path's log order and --year stand, for its successors after rotation (and
   * the rotated file finished first on a restart with --state): the hour autumn repeats
   * goes on in the new file after the old one's last line, and January after December,
   * as `logscan kern.log.1 kern.log` reads them (input/read.ts). One pair per path; without
   * --year each file gets a year carry of its own, as the report's files do (fileYearCarry).
   */
  private readonly carries = new Map<string, { time: LocalTimeCarry; year: YearCarry | undefined }>();
  /** Paths with a problem said and not yet resolved (unreadable): exit 3. */
  readonly problems = new Set<string>();
  /** Inputs said to be waited for (not there yet): one never read is said so at the stop. */
  private readonly waiting = new Set<string>();
  /**
   * Paths some of whose lines were lost for good (a rotated copy cut off or not unpackable):
   * exit 3, as the one-shot commands exit on such a file, even after the path reads again.
   */
  readonly lost = new Set<string>();

  constructor(private readonly opts: ParseSessionOptions) {}

  /** Per path, in the order they were first opened. */
  allStats(): InputStats[] {
    return [...this.stats.values()];
  }

  /**
   * The inputs as the report at the stop lists them: each read one, and each waited for
   * that never appeared, as not read and why (the report said "0 inputs" of a run given one).
   */
  reportStats(files: readonly string[]): InputStats[] {
    const never: InputStats[] = [];
    for (const name of this.waiting) {
      if (this.stats.has(name)) continue;
      const problem: InputProblem = { code: 'never-appeared' };
      never.push({ file: name, format: null, formatBy: null, lines: 0, events: 0, skipped: 0, malformed: 0, error: problemText(problem), problem, incomplete: true });
    }
    // In the order given, as the report lists its inputs.
    const at = (s: InputStats): number => (files.includes(s.file) ? files.indexOf(s.file) : files.length);
    return [...this.stats.values(), ...never].sort((a, b) => at(a) - at(b));
  }

  notice(name: string, notice: FollowNotice, kind: NoticeKind): void {
    // Only reading a file again clears its problem (open()): "removed" or "rotated" says nothing of that.
    if (notice.code === 'waiting') this.waiting.add(name);
    if (kind === 'problem') this.problems.add(name);
    else if (kind === 'lost') this.lost.add(name);
    const m = messages(this.opts.lang);
    this.opts.err(`logscan: ${termSafe(m.diagnostics.input(name, m.follow.notice(notice)))}\n`);
  }

  open(file: FollowedFile): GenerationConsumer {
    testCrashHook('follow-open');
    const stats = this.statsFor(file.name);
    this.problems.delete(file.name);
    let muted = false;
    const sink: LineSink = {
      event: (e) => {
        if (muted) return;
        stats.events++;
        this.opts.onEvent(e);
      },
      skipped: () => {
        if (muted) return;
        stats.skipped++;
      },
      malformed: (lineNo, text, why) => {
        if (muted) return;
        stats.malformed++;
        this.opts.onMalformed({ file: file.name, line: lineNo, reason: reasonText(why, 'en'), why, text });
      },
    };
    const carry = this.carryFor(file.name);
    // Shared by the file's readers: a Cisco device stamp's year dates the year-less headers after it, as in the report.
    carry.year = fileYearCarry(this.opts.year, carry.year);
    const inherited = this.opts.inputFormat ?? (file.reason === 'start' || file.reason === 'resumed' ? null : (this.formats.get(file.name) ?? null));
    // The clock when a line is read bounds its time (the file's mtime at opening did not
    // bound the lines written since: a log quiet for three days dated new lines a year early).
    const now = (): number => (this.opts.now?.() ?? new Date()).getTime();
    const parser = new PickingParser({
      inputFormat: inherited,
      ctx: { file: file.name, refDate: new Date(now()), refNow: now, year: this.opts.year, tz: this.opts.tz, zoneNote: stats, timeCarry: carry.time, yearCarry: carry.year },
      sink,
      sample: file.head,
      onChosen: (picked) => {
        stats.format = picked.format.id;
        stats.formatBy = this.opts.inputFormat ? 'option' : inherited ? (stats.formatBy ?? 'sniff') : picked.by;
        this.formats.set(file.name, picked.format.id);
      },
      // Reading starts mid-file: let the parser see the head (W3C #Fields headers) without reporting it.
      prime:
        file.head.length > 0
          ? (p) => {
              muted = true;
              file.head.forEach((l, i) => p.line(l, i + 1));
              p.line('', file.head.length + 1); // ends a half-seen multi-line record (journald export)
              muted = false;
            }
          : undefined,
    });
    return {
      line: (text, lineNo) => {
        stats.lines++;
        parser.line(text, lineNo);
      },
      overlong: (lineNo, length, limit) => {
        stats.lines++;
        sink.malformed(lineNo, '', overlongReason(length, limit));
      },
      idle: () => {
        // Follow mode cannot wait for 50 lines: decide on what has arrived.
        if (!parser.chosen && parser.pending > 0) parser.choose();
      },
      // Lines held for sniffing have no output yet: --state must not count them delivered.
      holding: () => parser.pending > 0,
      afterChunk: () => this.opts.afterChunk(),
      end: () => {
        if (parser.chosen || parser.pending > 0) parser.end();
      },
      notText: (problem) => {
        const message = problemText(problem);
        stats.error = message;
        stats.problem = problem;
        this.notice(file.name, { code: 'not-text', problem }, 'problem');
      },
      decoded: (encoding) => {
        stats.encoding = encoding;
      },
      decodedFrom: (encoding) => {
        stats.decodedFrom = encoding;
      },
      invalidUtf8: (lines) => {
        // Said when first seen, not only in the stop summary: a service may run for weeks.
        if (stats.invalidUtf8 === undefined) this.notice(file.name, { code: 'not-utf8' }, 'info');
        stats.invalidUtf8 = (stats.invalidUtf8 ?? 0) + lines;
      },
    };
  }

  private carryFor(name: string): { time: LocalTimeCarry; year: YearCarry | undefined } {
    let c = this.carries.get(name);
    if (c === undefined) {
      c = { time: { previous: NaN }, year: undefined };
      this.carries.set(name, c);
    }
    return c;
  }

  private statsFor(name: string): InputStats {
    let s = this.stats.get(name);
    if (!s) {
      s = { file: name, format: null, formatBy: null, lines: 0, events: 0, skipped: 0, malformed: 0, error: null, incomplete: false };
      this.stats.set(name, s);
    }
    return s;
  }
}
