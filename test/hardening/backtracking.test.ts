// No catastrophic regex backtracking: a 1 MB line of one repeated character (the
// separators parsers anchor on) through every parser, through sniffing and through
// the sanitizers must finish quickly. The input layer caps lines at 64 KiB, but the
// parsers themselves must not depend on that.
import { describe, expect, it } from 'vitest';
import { inspectHead } from '../../src/input/binary.js';
import { formats, sniffFormat } from '../../src/parsers/registry.js';
import { markdownEscape, termSafe } from '../../src/render/sanitize.js';
import { reasonKind } from '../../src/check/check.js';
import { TEST_REF_DATE } from '../helpers/parse.js';
import { cpuMs as timed } from '../helpers/cpu-time.js';

const MB = 1024 * 1024;
/** CPU time, generous: linear work on 1 MB takes a few ms, exponential never ends. */
const LIMIT_MS = 2000;

const LINES: [string, string][] = [
  ['=', '='.repeat(MB)],
  ['spaces', ' '.repeat(MB)],
  ['[', '['.repeat(MB)],
  ['SRC= repeated', 'SRC='.repeat(MB / 4)],
  ['key=value pairs without end', 'A=1 '.repeat(MB / 4)],
  ['digits and dots', '1.'.repeat(MB / 2)],
  ['colons', ':'.repeat(MB)],
  ['quotes', '"'.repeat(MB)],
  ['prefix then spaces', `Nov 20 06:25:01 gw kernel: [1.0] ${' '.repeat(MB)}SRC=1.2.3.4`],
];


describe.each(formats.map((f) => [f.id, f] as const))('parser %s on 1 MB lines', (_id, format) => {
  it.each(LINES)('%s finishes quickly', (_name, line) => {
    const ms = timed(() => {
      const p = format.create({ file: 'big.log', refDate: TEST_REF_DATE, year: null, tz: null }, { event() {}, skipped() {}, malformed() {} });
      p.line(line, 1);
      p.line(line, 2);
      p.end();
    });
    expect(ms).toBeLessThan(LIMIT_MS);
  });
});

describe('sniffing, sanitizing and check on 1 MB lines', () => {
  it.each(LINES)('%s finishes quickly', (_name, line) => {
    const ms = timed(() => {
      sniffFormat([line, line]);
      termSafe(line);
      markdownEscape(line.slice(0, 64 * 1024));
      reasonKind(line);
      inspectHead(Buffer.from(line));
    });
    expect(ms).toBeLessThan(LIMIT_MS);
  });
});
