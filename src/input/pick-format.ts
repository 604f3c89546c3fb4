// Choosing a file's parser from its first lines, shared by the one-shot reader
// (read.ts) and the follower (live/parse-session.ts). Lines are held until the sniffer has
// enough of them (or the caller says "choose now"), then replayed into the chosen
// parser, so the first lines are never lost or parsed by the wrong format.
import { createGuarded } from '../parsers/guard.js';
import { getFormat, sniffFormat } from '../parsers/registry.js';
import type { FormatDefinition, LineParser, LineSink, ParseContext } from '../parsers/types.js';

/** How many non-blank lines the sniffer looks at before choosing a format. */
export const SNIFF_LINES = 50;
/** Format assumed when sniffing is inconclusive: syslog text, which skips what it can't read. */
export const FALLBACK_FORMAT = 'iptables';

export type FormatChoice = 'option' | 'sniff' | 'fallback';

export interface PickedFormat {
  format: FormatDefinition;
  by: FormatChoice;
}

/** The format for these sample lines: forced by --input-format, else sniffed, else the fallback. */
export function pickFormat(inputFormat: string | null, sample: readonly string[]): PickedFormat {
  const forced = inputFormat ? getFormat(inputFormat) : undefined;
  if (forced) return { format: forced, by: 'option' };
  const sniffed = sniffFormat(sample);
  if (sniffed.format) return { format: sniffed.format, by: 'sniff' };
  return { format: getFormat(FALLBACK_FORMAT)!, by: 'fallback' };
}

export interface PickingParserOptions {
  inputFormat: string | null;
  ctx: ParseContext;
  sink: LineSink;
  /** Lines already known to be in the file but not to be parsed (follow: the head of a file read from its end). */
  sample?: readonly string[];
  /** Told once, when the format is chosen, with the lines the choice was made on (`logscan check` shows every format's confidence for them). */
  onChosen?(picked: PickedFormat, sample: readonly string[]): void;
  /** Called with the new parser before any buffered line reaches it (follow: feed it the head's headers, muted). */
  prime?(parser: LineParser): void;
  sniffLines?: number;
}

/**
 * A LineParser that buffers the first lines until it can sniff, then becomes the
 * chosen format's parser. `choose()` forces the decision on what it has.
 */
export class PickingParser implements LineParser {
  private parser: LineParser | null = null;
  /**
   * Lines held until the choice; a run of blank lines is one entry (`repeat` lines from
   * `lineNo`), so a file that opens with millions of them holds a handful, not millions.
   */
  private buffer: { text: string; lineNo: number; repeat: number }[] = [];
  private held = 0;
  private nonBlank = 0;
  private readonly forced: boolean;
  private readonly sniffLines: number;

  constructor(private readonly opts: PickingParserOptions) {
    this.forced = opts.inputFormat !== null && getFormat(opts.inputFormat) !== undefined;
    this.sniffLines = opts.sniffLines ?? SNIFF_LINES;
    for (const l of opts.sample ?? []) if (l.trim() !== '') this.nonBlank++;
    if (this.forced || this.nonBlank >= this.sniffLines) this.choose();
  }

  get chosen(): boolean {
    return this.parser !== null;
  }

  /** Lines held for sniffing (0 once chosen). */
  get pending(): number {
    return this.held;
  }

  line(text: string, lineNo: number): void {
    if (this.parser) {
      this.parser.line(text, lineNo);
      return;
    }
    this.held++;
    if (text.trim() === '') {
      const last = this.buffer[this.buffer.length - 1];
      if (last !== undefined && last.text.trim() === '' && last.lineNo + last.repeat === lineNo) {
        last.repeat++;
        return;
      }
      this.buffer.push({ text, lineNo, repeat: 1 });
      return;
    }
    this.buffer.push({ text, lineNo, repeat: 1 });
    if (++this.nonBlank >= this.sniffLines) this.choose();
  }

  /** Decide now on the lines seen so far (end of input, or follow mode caught up). */
  choose(): LineParser {
    if (this.parser) return this.parser;
    const sample = [...(this.opts.sample ?? []), ...this.buffer.map((l) => l.text)];
    const picked = pickFormat(this.opts.inputFormat, sample);
    this.opts.onChosen?.(picked, sample);
    const p = createGuarded(picked.format, this.opts.ctx, this.opts.sink);
    this.parser = p;
    this.opts.prime?.(p);
    const buffered = this.buffer;
    this.buffer = [];
    this.held = 0;
    for (const l of buffered) for (let i = 0; i < l.repeat; i++) p.line(l.text, l.lineNo + i);
    return p;
  }

  end(): void {
    this.choose().end();
  }
}
