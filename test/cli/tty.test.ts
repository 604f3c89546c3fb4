// The terminal decisions (cli/tty.ts): colour only for a terminal, never with NO_COLOR
// (no-color.org: set and not empty); the width of the terminal, else $COLUMNS, else 100.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { terminalWidth, useColor } from '../../src/cli/tty.js';

const stream = (isTTY: boolean, columns?: number): NodeJS.WriteStream => ({ isTTY, columns }) as unknown as NodeJS.WriteStream;

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('useColor', () => {
  it('a terminal gets colour, a pipe or file none', () => {
    vi.stubEnv('NO_COLOR', undefined);
    vi.stubEnv('FORCE_COLOR', undefined);
    expect(useColor(stream(true))).toBe(true);
    expect(useColor(stream(false))).toBe(false);
  });

  it('NO_COLOR set to anything but the empty string turns it off, even on a terminal and with FORCE_COLOR', () => {
    for (const value of ['1', '0', 'false', 'yes']) {
      vi.stubEnv('NO_COLOR', value);
      vi.stubEnv('FORCE_COLOR', undefined);
      expect(useColor(stream(true)), value).toBe(false);
      vi.stubEnv('FORCE_COLOR', '1');
      expect(useColor(stream(true)), value).toBe(false);
    }
    vi.stubEnv('NO_COLOR', '');
    vi.stubEnv('FORCE_COLOR', undefined);
    expect(useColor(stream(true))).toBe(true);
  });

  it('FORCE_COLOR (other than 0) gives colour through a pipe', () => {
    vi.stubEnv('NO_COLOR', undefined);
    vi.stubEnv('FORCE_COLOR', '1');
    expect(useColor(stream(false))).toBe(true);
    vi.stubEnv('FORCE_COLOR', '0');
    expect(useColor(stream(false))).toBe(false);
  });
});

describe('terminalWidth', () => {
  it("a terminal's own width wins over $COLUMNS", () => {
    vi.stubEnv('COLUMNS', '80');
    expect(terminalWidth(stream(true, 132))).toBe(132);
  });

  it('through a pipe: $COLUMNS when it is a width from 20 to 1000, else 100', () => {
    vi.stubEnv('COLUMNS', undefined);
    expect(terminalWidth(stream(false))).toBe(100);
    for (const [value, width] of [['80', 80], ['20', 20], ['1000', 1000], ['19', 100], ['1001', 100], ['', 100], ['wide', 100], ['80.5', 100], ['-80', 100]] as const) {
      vi.stubEnv('COLUMNS', value);
      expect(terminalWidth(stream(false)), value).toBe(width);
    }
  });
});
