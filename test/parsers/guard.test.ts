// The one guard between a format's parser and the rest (src/parsers/guard.ts): a parser's
// bug costs its line; a bug further down is not blamed on the line.
import { describe, expect, it } from 'vitest';
import { createGuarded } from '../../src/parsers/guard.js';
import type { FormatDefinition, LineSink } from '../../src/parsers/types.js';
import { NOT_RECORD } from '../../src/parsers/reason.js';
import { reasonText } from '../../src/i18n/messages.js';
import type { FirewallEvent } from '../../src/event.js';
import { makeEvent } from '../helpers/events.js';

/** A format that reads "ok" as an event, "skip" as skipped, and throws on "boom" (and at end after "tail"). */
const toy: FormatDefinition = {
  id: 'toy',
  examples: [],
  sniff: () => 0,
  create(_ctx, sink) {
    let tail = false;
    return {
      line(text, lineNo) {
        if (text === 'boom') throw new Error('index out of range');
        if (text === 'tail') tail = true;
        if (text === 'skip') sink.skipped(lineNo, NOT_RECORD);
        else sink.event(makeEvent({ origin: { file: 'toy', line: lineNo } }));
      },
      end() {
        if (tail) throw new TypeError('half a record');
      },
    };
  },
};
const ctx = { file: 'toy', refDate: new Date(0), year: null, tz: null };

function recorder(onEvent: (e: FirewallEvent) => void = () => {}) {
  const got: string[] = [];
  const sink: LineSink = {
    event: (e) => {
      got.push(`event ${e.origin.line}`);
      onEvent(e);
    },
    skipped: (n, why) => got.push(`skipped ${n} ${reasonText(why, 'en')}`),
    malformed: (n, text, why) => got.push(`malformed ${n} '${text}' ${reasonText(why, 'en')}`),
  };
  return { sink, got };
}

describe('createGuarded', () => {
  it("a parser's throw makes its line malformed, and the lines after it are read", () => {
    const { sink, got } = recorder();
    const p = createGuarded(toy, ctx, sink);
    ['ok', 'boom', 'skip', 'ok'].forEach((t, i) => p.line(t, i + 1));
    p.end();
    expect(got).toEqual(['event 1', "malformed 2 'boom' parser error: index out of range", 'skipped 3 not a firewall record', 'event 4']);
  });

  it('a throw at the end (a record left half read) is malformed at the last line read', () => {
    const { sink, got } = recorder();
    const p = createGuarded(toy, ctx, sink);
    p.line('tail', 7);
    p.end();
    expect(got).toEqual(['event 7', "malformed 7 '' parser error: half a record"]);
  });

  it('a throw from further down (the line already reached the sink) goes on up and is not counted against the line', () => {
    const { sink, got } = recorder(() => {
      throw new RangeError('annotator bug');
    });
    const p = createGuarded(toy, ctx, sink);
    expect(() => p.line('ok', 1)).toThrow('annotator bug');
    expect(got).toEqual(['event 1']);
  });
});
