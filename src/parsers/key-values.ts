// A record of `key=value` pairs, values bare up to the next space or in double quotes, as
// Sophos UTM's and Sophos Firewall's, FortiGate's and SonicWall's logs write them. Only the
// keys a parser reads get a slot; the others are passed over whatever they hold. Positions,
// not strings: a value is sliced only when a parser asks for its text.
//
// What differs by format is what its writer allows: the characters of a key (SonicOS writes
// `srcMac`, `Category`), and whether a quoted value may hold `\"` (SonicOS does not escape:
// its first `"` ends the value).

/** How a format writes its keys and quoted values. */
export interface KeyValueSyntax {
  /** Upper-case letters in keys too (SonicOS), and no `-` (it writes none; `a-b=` is no key). */
  readonly mixedCaseKeys?: boolean;
  /** A backslash in a quoted value escapes the next character (default true). */
  readonly escapes?: boolean;
}

/** Key characters by code, 1 for a key's: one load per character whatever the syntax. */
function keyCharTable(mixedCase: boolean): Uint8Array {
  const t = new Uint8Array(128);
  for (let c = 0x61; c <= 0x7a; c++) t[c] = 1;
  for (let c = 0x30; c <= 0x39; c++) t[c] = 1;
  t[0x5f] = 1;
  if (mixedCase) for (let c = 0x41; c <= 0x5a; c++) t[c] = 1;
  else t[0x2d] = 1;
  return t;
}

/** Lower-case letters, digits, `_` and `-` (Sophos, FortiOS). */
const LOWER_KEYS = keyCharTable(false);
/** Letters, digits and `_` (SonicOS). */
const MIXED_KEYS = keyCharTable(true);

/** Where each wanted key's value is in the current line; -1 when it is not there. Reused across lines. */
export class KeyValues {
  readonly start: Int32Array;
  readonly end: Int32Array;
  /** Bit per slot (the first 31): the value holds a backslash escape. */
  escaped = 0;
  /** The line ends inside a quoted value (cut off): its key is s[cutKey, cutKeyEnd). */
  unclosed = false;
  cutKey = 0;
  cutKeyEnd = 0;
  /** Keys by length and first character: a key is told by one or two compares, nothing sliced. */
  private readonly byShape = new Map<number, number[]>();
  private readonly keyChar: Uint8Array;
  private readonly escapes: boolean;

  constructor(
    private readonly keys: readonly string[],
    syntax: KeyValueSyntax = {},
  ) {
    this.keyChar = syntax.mixedCaseKeys === true ? MIXED_KEYS : LOWER_KEYS;
    this.escapes = syntax.escapes !== false;
    this.start = new Int32Array(keys.length);
    this.end = new Int32Array(keys.length);
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]!;
      const shape = k.length * 128 + k.charCodeAt(0);
      const list = this.byShape.get(shape);
      if (list === undefined) this.byShape.set(shape, [i]);
      else list.push(i);
    }
  }

  private slotOf(s: string, a: number, b: number): number {
    const list = this.byShape.get((b - a) * 128 + s.charCodeAt(a));
    if (list === undefined) return -1;
    for (let i = 0; i < list.length; i++) if (s.startsWith(this.keys[list[i]!]!, a)) return list[i]!;
    return -1;
  }

  /** Reads every `key=value` of s[start, end); the first of a key repeated wins. */
  read(s: string, start: number, end: number): void {
    this.start.fill(-1);
    this.escaped = 0;
    this.unclosed = false;
    const keyChar = this.keyChar;
    const escapes = this.escapes;
    let i = start;
    while (i < end) {
      while (i < end && s.charCodeAt(i) === 0x20) i++;
      const ks = i;
      while (i < end) {
        const c = s.charCodeAt(i);
        if (c >= 128 || keyChar[c] !== 1) break;
        i++;
      }
      if (i === ks || i >= end || s.charCodeAt(i) !== 0x3d) {
        // Not a key=value (the rest of a bare value with a space, `Unknown (0x0000)`): passed over.
        while (i < end && s.charCodeAt(i) !== 0x20) i++;
        continue;
      }
      const slot = this.slotOf(s, ks, i);
      i++;
      let vs = i;
      let ve: number;
      let esc = false;
      if (s.charCodeAt(i) === 0x22) {
        vs = ++i;
        while (i < end) {
          const c = s.charCodeAt(i);
          if (c === 0x22) break;
          if (c === 0x5c && escapes) {
            esc = true;
            i++;
          }
          i++;
        }
        if (i >= end) {
          this.unclosed = true;
          this.cutKey = ks;
          this.cutKeyEnd = vs - 2;
          return;
        }
        ve = i++;
      } else {
        while (i < end && s.charCodeAt(i) !== 0x20) i++;
        ve = i;
      }
      if (slot >= 0 && this.start[slot] === -1) {
        this.start[slot] = vs;
        this.end[slot] = ve;
        if (esc && slot < 31) this.escaped |= 1 << slot;
      }
    }
  }

  has(slot: number): boolean {
    return this.start[slot]! >= 0;
  }

  /** Present and not empty. */
  filled(slot: number): boolean {
    const a = this.start[slot]!;
    return a >= 0 && this.end[slot]! > a;
  }

  /** True when the value of `slot` is `word`. */
  is(s: string, slot: number, word: string): boolean {
    const a = this.start[slot]!;
    return a >= 0 && this.end[slot]! - a === word.length && s.startsWith(word, a);
  }

  text(s: string, slot: number): string {
    const t = s.slice(this.start[slot]!, this.end[slot]!);
    return slot < 31 && (this.escaped & (1 << slot)) !== 0 ? t.replace(/\\(.)/g, '$1') : t;
  }

  /** The key of the value the line was cut inside. */
  cutKeyText(s: string): string {
    return s.slice(this.cutKey, this.cutKeyEnd);
  }
}
