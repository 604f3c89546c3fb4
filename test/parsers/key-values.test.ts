// The one key=value reader of FortiGate, SonicWall and the two Sophos parsers: the syntax
// each format's writer uses (key characters, escapes in quoted values), positions not strings.
import { describe, expect, it } from 'vitest';
import { KeyValues } from '../../src/parsers/key-values.js';

/** Each key's text in `line` as the reader gives it, null when absent. */
function read(keys: readonly string[], line: string, syntax?: ConstructorParameters<typeof KeyValues>[1]): (string | null)[] {
  const f = new KeyValues(keys, syntax);
  f.read(line, 0, line.length);
  return keys.map((_, i) => (f.has(i) ? f.text(line, i) : null));
}

describe('KeyValues', () => {
  it('reads bare and quoted values, the first of a repeated key, and passes over words that are no pair', () => {
    expect(read(['a', 'bb', 'c'], 'a=1 Unknown (0x0000) bb="x y" c= a=2')).toEqual(['1', 'x y', '']);
    expect(read(['zz'], 'a=1 b="2"')).toEqual([null]);
  });

  it('by default keys are lower-case letters, digits, _ and -; a key in capitals is no key', () => {
    expect(read(['fw-rule', 'src_ip', 'srcmac'], 'fw-rule=5 src_ip=192.0.2.1 srcMac=00:11')).toEqual(['5', '192.0.2.1', null]);
  });

  it("with mixedCaseKeys (SonicOS), capitals are a key's too and - is not", () => {
    const syntax = { mixedCaseKeys: true, escapes: false };
    expect(read(['srcMac', 'icmpCode', 'fw-rule'], 'srcMac=00:11 icmpCode=3 fw-rule=5', syntax)).toEqual(['00:11', '3', null]);
  });

  it('a backslash escapes a quote in a quoted value by default; without escapes the first quote ends it', () => {
    const line = 'msg="say \\"hi\\"" n=1';
    expect(read(['msg', 'n'], line)).toEqual(['say "hi"', '1']);
    expect(read(['msg', 'n'], line, { mixedCaseKeys: true, escapes: false })).toEqual(['say \\', '1']);
  });

  it('a line cut inside a quoted value says so and names the key', () => {
    const f = new KeyValues(['a', 'name']);
    const line = 'a=1 name="cut her';
    f.read(line, 0, line.length);
    expect([f.unclosed, f.cutKeyText(line), f.text(line, 0)]).toEqual([true, 'name', '1']);
  });
});
