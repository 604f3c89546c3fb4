// The side channel: malformed lines and unreadable inputs go to stderr, a few
// examples and a count, never thrown (pino's habit). Results stay on stdout.
import type { InputStats, MalformedLine } from '../input/read.js';
import type { Lang } from '../knowledge/types.js';
import { inputProblemText, messages, reasonText } from '../i18n/messages.js';
import { termSafe } from '../render/sanitize.js';

const SHOW_MALFORMED = 5;
const EXCERPT = 160;

export class Diagnostics {
  private shown = 0;
  private total = 0;

  constructor(
    private readonly err: (s: string) => void = (s) => process.stderr.write(s),
    private readonly lang: Lang = 'en',
  ) {}

  readonly malformed = (m: MalformedLine): void => {
    this.total++;
    if (this.shown >= SHOW_MALFORMED) return;
    this.shown++;
    const text = m.text.length > EXCERPT ? `${m.text.slice(0, EXCERPT)}…` : m.text;
    // The reason in the run's language: English (the JSON's words) unless it is another.
    const reason = this.lang === 'en' ? m.reason : reasonText(m.why, this.lang);
    this.err(`logscan: ${messages(this.lang).diagnostics.malformed(termSafe(m.file), m.line, termSafe(reason), text ? termSafe(text) : '')}\n`);
  };

  readonly inputDone = (s: InputStats): void => {
    if (s.error) this.err(`logscan: ${unreadableLine(s, this.lang)}\n`);
  };

  /** After all inputs: the malformed total when more were found than shown. */
  finish(): void {
    if (this.total > this.shown) this.err(`logscan: ${messages(this.lang).diagnostics.malformedTotal(this.total, this.shown)}\n`);
  }
}

/**
 * The stderr line of an input that could not be read (or only in part), sanitized: its
 * problem in `lang`, as the report's inputs table says it; an error without a problem
 * code, in English as it came (it may start with the file's name already).
 */
export function unreadableLine(s: { file: string; error: string | null; problem?: InputStats['problem'] }, lang: Lang): string {
  if (s.problem) return termSafe(messages(lang).diagnostics.input(s.file, inputProblemText(s, lang)!));
  const e = s.error ?? '';
  return termSafe(e.startsWith(s.file) ? e : `${s.file}: ${e}`);
}
