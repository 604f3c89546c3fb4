import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { flat } from '../../src/util/flat-string.js';

describe('flat', () => {
  it('returns the same text for any string (ASCII, CJK, lone surrogates)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (s) => flat(s) === s));
  });

  // V8 string kinds are only visible through its natives syntax, so a child process
  // prints them. A sliced result would keep the whole log chunk it was cut from alive.
  it('gives a sequential string, not a slice of its source or of a copy', () => {
    const mod = fileURLToPath(new URL('../../dist/util/flat-string.js', import.meta.url));
    const script = `
      const { flat } = await import(${JSON.stringify(mod)});
      const line = 'Nov 23 kernel: SRC=203.0.113.100 DST=2001:db8:0:0:0:0:0:1 PROTO=TCP 端口 ' + 'x'.repeat(64);
      for (const s of [line.slice(19, 32), line.slice(37, 58), line.slice(70)]) %DebugPrint(flat(s));
    `;
    const out = execFileSync(process.execPath, ['--allow-natives-syntax', '--input-type=module', '-e', script], { encoding: 'utf8' });
    const kinds = [...out.matchAll(/- type: (\w+)/g)].map((m) => m[1]);
    // STRING_TYPE / ONE_BYTE_STRING_TYPE are sequential (two-byte: the line holds CJK); not SLICED_ or CONS_.
    expect(kinds).toHaveLength(3);
    for (const k of kinds) expect(k).toMatch(/^(ONE_BYTE_)?STRING_TYPE$/);
  });
});
