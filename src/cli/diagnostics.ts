// The side channel: malformed lines and unreadable inputs go to stderr, a few
// examples and a count, never thrown (pino's habit). Results stay on stdout.
import type { InputStats, MalformedLine } from '../input/read.js';
import { termSafe } from '../render/sanitize.js';

const SHOW_MALFORMED = 5;
const EXCERPT = 160;

export class Diagnostics {
  private shown = 0;
  private total = 0;

  constructor(private readonly err: (s: string) => void = (s) => process.stderr.write(s)) {}

  readonly malformed = (m: MalformedLine): void => {
    this.total++;
    if (this.shown >= SHOW_MALFORMED) return;
    this.shown++;
    const text = m.text.length > EXCERPT ? `${m.text.slice(0, EXCERPT)}…` : m.text;
    this.err(`logscan: ${termSafe(m.file)}:${m.line}: malformed: ${termSafe(m.reason)}${text ? `: ${termSafe(text)}` : ''}\n`);
  };

  readonly inputDone = (s: InputStats): void => {
    if (s.error) this.err(`logscan: ${termSafe(s.error.startsWith(s.file) ? s.error : `${s.file}: ${s.error}`)}\n`);
  };

  /** After all inputs: the malformed total when more were found than shown. */
  finish(): void {
    if (this.total > this.shown) this.err(`logscan: ${this.total} malformed lines in all (first ${this.shown} shown; \`logscan check FILE\` explains them)\n`);
  }
}
