// check's example lines ("e.g. line 14: …"): wrapped to the terminal under their label, a
// few lines at most, "…" where cut, every character sanitized, an escape never split.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EXCERPT_LINES, labelledExcerpt, shownText, shownUnits, wrapUnits } from '../../src/render/excerpt-lines.js';
import { displayWidth } from '../../src/render/box-table.js';
import { termSafe } from '../../src/render/sanitize.js';

const UFW =
  'Nov 20 2026 25:00:00 gw kernel: [UFW BLOCK] IN=eth0 OUT= MAC=52:54:00:3a:91:c2:00:1b:21:aa:bb:cc:08:00 SRC=203.0.113.9 DST=192.168.1.10 LEN=44 TOS=0x00 PREC=0x00 TTL=51 ID=6 PROTO=TCP SPT=40006 DPT=110 WINDOW=1024 RES=0x00 SYN URGP=0';

describe('labelledExcerpt', () => {
  it('80 columns: the text under the label’s end, broken at spaces, three lines, "…" at the cut', () => {
    expect(labelledExcerpt(12, 'e.g. line 6: ', UFW, 80)).toEqual([
      '            e.g. line 6: Nov 20 2026 25:00:00 gw kernel: [UFW BLOCK] IN=eth0',
      '                         OUT= MAC=52:54:00:3a:91:c2:00:1b:21:aa:bb:cc:08:00',
      // The last line filled to the width with what follows, cut there.
      '                         SRC=203.0.113.9 DST=192.168.1.10 LEN=44 TOS=0x00 PREC=…',
    ]);
  });

  it('a text that fits is shown whole, on one line, its spacing as logged', () => {
    const text = 'Nov  3 2026 06:25:05 gw kernel: eth0: link up';
    expect(labelledExcerpt(12, 'e.g. line 7: ', text, 80)).toEqual([`            e.g. line 7: ${text}`]);
  });

  it('Chinese: the label and the text measured in display columns, wrapped between characters', () => {
    const text = `Nov 20 06:25:02 网关 kernel: [${'防火墙阻止'.repeat(20)}] IN=eth0`;
    const lines = labelledExcerpt(12, '例：第 2 行：', text, 80);
    expect(lines).toHaveLength(EXCERPT_LINES);
    expect(lines[0]!.startsWith('            例：第 2 行：Nov 20 06:25:02 网关 kernel: [防火墙')).toBe(true);
    // The label is 13 columns: the lines under it start where its text does.
    expect(lines.slice(1).every((l) => /^ {25}\S/.test(l))).toBe(true);
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(80);
    expect(displayWidth(lines[1]!)).toBeGreaterThanOrEqual(79);
    expect(lines[2]!.endsWith('…')).toBe(true);
  });

  it('sanitized: a TAB shows as \\t, an escape stays whole at a break, a control run is counted', () => {
    const text = `a\tb \x1b[31mred\x1b[0m ${'x'.repeat(40)}\x1b]0;t\x07 ${'\x00'.repeat(30)} end`;
    for (const width of [30, 31, 32, 33, 40, 50, 80]) {
      const lines = labelledExcerpt(0, '', text, width);
      const all = lines.join('\n');
      expect(all).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
      expect(all).toContain('a\\tb');
      // No line ends inside an escape: every backslash starts one that is whole on its line.
      for (const l of lines) expect(l.replace(/\\(?:t|x[0-9a-f]{2}(?:×\d+)?)/g, '')).not.toContain('\\');
    }
    expect(labelledExcerpt(0, '', text, 200)).toEqual([termSafe(`a\tb \x1b[31mred\x1b[0m ${'x'.repeat(40)}\x1b]0;t\x07 `) + '\\x00×30 end']);
  });

  it('a label too long for room beside it: on its own line, the text under it, still three lines at most', () => {
    const label = "e.g. line 2 (SPT: invalid port '99999'): ";
    const lines = labelledExcerpt(12, label, UFW, 65);
    expect(lines[0]).toBe("            e.g. line 2 (SPT: invalid port '99999'):");
    expect(lines).toHaveLength(EXCERPT_LINES);
    expect(lines.slice(1)).toEqual(['              Nov 20 2026 25:00:00 gw kernel: [UFW BLOCK] IN=eth0', '              OUT= MAC=52:54:00:3a:91:c2:00:1b:21:aa:bb:cc:08:00…']);
    expect(lines[2]!.endsWith('…')).toBe(true);
  });

  it('any text, any width from 40: within the width, at most three lines, nothing but the cut lost', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300, unit: fc.constantFrom('a', 'b', ' ', '\t', '中', '\x1b', '\x00', '.', 'Z') }), fc.integer({ min: 40, max: 160 }), (text, width) => {
        const lines = labelledExcerpt(12, 'e.g. line 1: ', text, width);
        expect(lines.length).toBeLessThanOrEqual(EXCERPT_LINES);
        for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(width);
        // What is shown, spaces aside, is the start of the sanitized text (all of it when not cut).
        const shown = lines.map((l, i) => (i === 0 ? l.slice(12 + 'e.g. line 1: '.length) : l)).join('').replace(/\s+/g, '');
        const whole = shownText(text).replace(/\s+/g, '');
        if (shown.endsWith('…') && !whole.endsWith('…')) expect(whole.startsWith(shown.slice(0, -1))).toBe(true);
        else expect(shown).toBe(whole);
      }),
    );
  });
});

describe('wrapUnits', () => {
  it('a word longer than a line starts where it is and is cut at the column; a short one moves to the next line whole', () => {
    expect(wrapUnits(shownUnits('ab cdefghij'), 5, 9)).toEqual(['ab cd', 'efghi', 'j']);
    expect(wrapUnits(shownUnits('abc de'), 5, 9)).toEqual(['abc', 'de']);
  });

  it('"…" replaces what does not fit on the last line kept', () => {
    expect(wrapUnits(shownUnits('abcde fghij klmno'), 5, 2)).toEqual(['abcde', 'fghi…']);
  });
});
