// The one guard between a format's parser and the rest of logscan: a bug in a parser costs
// the line it was reading, never the file. Every format's parser is created through it
// (input/pick-format.ts, cli/explain-line.ts), so no parser needs a try/catch of its own.
import type { FormatDefinition, LineParser, LineSink, ParseContext } from './types.js';
import { reason } from './reason.js';

/**
 * FORMAT's parser for CTX, its lines' fates going to SINK. A throw while a line is parsed
 * is that line's fate: malformed, "parser error: …". A throw after the line reached the
 * sink came from further down (the annotator, the summary): that is no fault of the line,
 * so it goes on up as the internal error it is, not counted as a bad line.
 */
export function createGuarded(format: FormatDefinition, ctx: ParseContext, sink: LineSink): LineParser {
  let delivered = false;
  let lastLineNo = 0;
  const inner = format.create(ctx, {
    event(e) {
      delivered = true;
      sink.event(e);
    },
    skipped(lineNo, reason) {
      delivered = true;
      sink.skipped(lineNo, reason);
    },
    malformed(lineNo, text, reason) {
      delivered = true;
      sink.malformed(lineNo, text, reason);
    },
  });
  const failed = (err: unknown, lineNo: number, text: string): void => {
    if (delivered) throw err;
    sink.malformed(lineNo, text, reason('parser-error', '', err instanceof Error ? err.message : String(err)));
  };
  return {
    line(text: string, lineNo: number): void {
      delivered = false;
      lastLineNo = lineNo;
      try {
        inner.line(text, lineNo);
      } catch (err) {
        failed(err, lineNo, text);
      }
    },
    end(): void {
      // What end() flushes (a journald export block) was read by the last line.
      delivered = false;
      try {
        inner.end();
      } catch (err) {
        failed(err, lastLineNo, '');
      }
    },
  };
}
