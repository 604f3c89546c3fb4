// input/encoding.ts and the splitter's count of lines that are not valid UTF-8 (lines.ts),
// fed in chunks cut at every place: where the chunks end must not change what is read.
import { describe, expect, it } from 'vitest';
import { encodingOfLabel, LegacyToUtf8 } from '../../src/input/encoding.js';
import { LineSplitter } from '../../src/input/lines.js';

/** 管理员 in GB18030, then " ok\n". */
const GB = Buffer.concat([Buffer.from('b9dcc0edd4b1', 'hex'), Buffer.from(' ok\n')]);

function split(bytes: Buffer, cuts: readonly number[], decode: LegacyToUtf8 | null = null): { lines: string[]; invalid: number } {
  const lines: string[] = [];
  const s = new LineSplitter({ line: (t) => lines.push(t), overlong: () => {} });
  let at = 0;
  for (const c of [...cuts, bytes.length]) {
    const part = bytes.subarray(at, c);
    s.feed(decode === null ? part : decode.write(part));
    at = c;
  }
  if (decode !== null) s.feed(decode.end());
  s.flushLast();
  return { lines, invalid: s.invalidLines };
}

describe('encodingOfLabel', () => {
  it('gives the WHATWG name of a label, refuses UTF-16 and what TextDecoder does not know', () => {
    expect(encodingOfLabel('GBK')).toEqual({ name: 'gbk' });
    expect(encodingOfLabel('gb2312')).toEqual({ name: 'gbk' });
    expect(encodingOfLabel(' gb18030 ')).toEqual({ name: 'gb18030' });
    expect(encodingOfLabel('latin1')).toEqual({ name: 'windows-1252' });
    expect(encodingOfLabel('Shift_JIS')).toEqual({ name: 'shift_jis' });
    expect(encodingOfLabel('utf8')).toEqual({ name: 'utf-8' });
    expect(encodingOfLabel('utf-16be')).toEqual({ refused: 'utf16' });
    expect(encodingOfLabel('utf-16')).toEqual({ refused: 'utf16' });
    expect(encodingOfLabel('gbk2')).toEqual({ refused: 'unknown' });
  });
});

describe('LegacyToUtf8', () => {
  it('completes a character cut between two chunks, wherever the cut is', () => {
    for (let cut = 1; cut < GB.length; cut++) {
      expect(split(Buffer.concat([GB, GB]), [cut, GB.length + cut], new LegacyToUtf8('gb18030')).lines).toEqual(['管理员 ok', '管理员 ok']);
    }
  });
});

describe('LineSplitter.invalidLines', () => {
  it('counts each line holding invalid UTF-8 once, wherever the chunks are cut', () => {
    // Line 1 ASCII, line 2 GBK (invalid UTF-8, 6 bad bytes), line 3 valid UTF-8 Chinese, line 4 a lone 0xFF.
    const bytes = Buffer.concat([Buffer.from('a b c\n'), GB, Buffer.from('管理员 ok\n'), Buffer.from([0x78, 0xff, 0x0a])]);
    for (let cut = 0; cut <= bytes.length; cut++) {
      const r = split(bytes, [cut]);
      expect(r.invalid, `cut at ${cut}`).toBe(2);
      expect(r.lines[2]).toBe('管理员 ok');
    }
  });

  it('counts none in valid UTF-8, and a bad byte in a line that ends chunks later', () => {
    expect(split(Buffer.from('管理员\nok\n'), [2]).invalid).toBe(0);
    const bytes = Buffer.concat([Buffer.from([0xff]), Buffer.from('x'.repeat(100)), Buffer.from('\nok\n')]);
    expect(split(bytes, [1, 50, 90]).invalid).toBe(1);
  });
});
