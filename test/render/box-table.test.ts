import { describe, expect, it } from 'vitest';
import { boxTable, displayWidth } from '../../src/render/box-table.js';

describe('boxTable', () => {
  it('draws cli-table3-style borders with one space of padding and a rule between rows', () => {
    const out = boxTable(['Port', 'Name'], [[['80'], ['HTTP', '[http]']], [['6776'], ['Sub-7']]], [4, 6]);
    expect(out.split('\n')).toEqual([
      '┌──────┬────────┐',
      '│ Port │ Name   │',
      '├──────┼────────┤',
      '│ 80   │ HTTP   │',
      '│      │ [http] │',
      '├──────┼────────┤',
      '│ 6776 │ Sub-7  │',
      '└──────┴────────┘',
    ]);
  });

  it('compact: no rule under the head or between rows', () => {
    const out = boxTable(['Port', 'Name'], [[['80'], ['HTTP']], [['6776'], ['Sub-7', 'data']]], [4, 5], true);
    expect(out.split('\n')).toEqual([
      '┌──────┬───────┐',
      '│ Port │ Name  │',
      '│ 80   │ HTTP  │',
      '│ 6776 │ Sub-7 │',
      '│      │ data  │',
      '└──────┴───────┘',
    ]);
  });

  it('pads by display width: CJK takes two columns, colour codes none', () => {
    const out = boxTable(['说明'], [[['\x1b[2m端口\x1b[22m']], [['ab']]], [5]);
    const lines = out.split('\n');
    for (const l of lines) expect(displayWidth(l), l).toBe(9);
    expect(lines[3]).toBe('│ \x1b[2m端口\x1b[22m  │');
  });
});
