// Small, allocation-free field readers shared by the payload parsers (netfilter,
// filterlog, Cisco ASA, MikroTik, pf, and the key=value formats).

/** Unsigned decimal s[i, j) or -1 (empty, a non-digit, or more than 10 digits). */
export function uintIn(s: string, i: number, j: number): number {
  if (j <= i || j - i > 10) return -1;
  let v = 0;
  if (j - i <= 9) {
    // Nine digits fit an int32, and `| 0` lets the compiler keep v one: the result is then a
    // small integer, not a heap-allocated double per field (ports, TTLs and lengths by the
    // million, and everything downstream that indexes or compares them).
    for (; i < j; i++) {
      const d = s.charCodeAt(i) - 0x30;
      if (d < 0 || d > 9) return -1;
      v = (v * 10 + d) | 0;
    }
    return v;
  }
  for (; i < j; i++) {
    const d = s.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/** A port s[i, j): 0-65535, or -1. */
export function portIn(s: string, i: number, j: number): number {
  const n = uintIn(s, i, j);
  return n <= 65535 ? n : -1;
}

/** Index of the first char >= i that is not a digit (or `end`). */
export function digitsEnd(s: string, i: number, end: number): number {
  while (i < end) {
    const d = s.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) break;
    i++;
  }
  return i;
}

/** Milliseconds of the fraction digits s[i, j) (`.5` 500, `.123456` 123): the first three, fewer padded. */
export function fractionMs(s: string, i: number, j: number): number {
  let ms = 0;
  for (let k = 0; k < 3; k++) ms = ms * 10 + (i + k < j ? s.charCodeAt(i + k) - 0x30 : 0);
  return ms;
}

export function skipSpaces(s: string, i: number, end: number): number {
  while (i < end && s.charCodeAt(i) === 0x20) i++;
  return i;
}

/** Shortens a logged value for an error message. */
export function shown(s: string): string {
  return s.length > 60 ? `'${s.slice(0, 57)}...'` : `'${s}'`;
}

// ---------------------------------------------------------------- TCP flags

/**
 * Flag bits; names come out in netfilter's order (CWR ECE URG ACK PSH RST SYN FIN),
 * the order the Windows parser also uses, so events from every format compare equal.
 */
export const FLAG_CWR = 1;
export const FLAG_ECE = 2;
export const FLAG_URG = 4;
export const FLAG_ACK = 8;
export const FLAG_PSH = 16;
export const FLAG_RST = 32;
export const FLAG_SYN = 64;
export const FLAG_FIN = 128;
/** The flags in the kernel's order, flag i being bit 1 << i (FLAG_CWR … FLAG_FIN). */
export const FLAG_ORDER = ['CWR', 'ECE', 'URG', 'ACK', 'PSH', 'RST', 'SYN', 'FIN'] as const;
const FLAG_NAMES: readonly (readonly string[])[] = Array.from({ length: 256 }, (_, bits) =>
  FLAG_ORDER.filter((_n, i) => (bits & (1 << i)) !== 0),
);

/** FLAG_* bit of each flag name (no prototype: `toString` is no flag). */
export const FLAG_BIT_OF: Readonly<Record<string, number>> = Object.assign(
  Object.create(null) as Record<string, number>,
  Object.fromEntries(FLAG_ORDER.map((f, i) => [f, 1 << i])),
);

/** The FLAG_* bits of these flag names, in any order (names that are not flags add nothing). */
export function flagBits(names: readonly string[]): number {
  let m = 0;
  for (let i = 0; i < names.length; i++) m |= FLAG_BIT_OF[names[i]] ?? 0;
  return m;
}

/** A fresh flag array for these bits (events never share mutable arrays). */
export function flagNames(bits: number): string[] {
  return FLAG_NAMES[bits & 255]!.slice();
}

/**
 * Bit of a one-letter flag as BSD tools print them (pf/tcpdump, filterlog): S F R P U
 * E W(=CWR) and A or '.' for ACK; 0 for anything else.
 */
export function flagLetterBit(c: number): number {
  switch (c) {
    case 0x53: return FLAG_SYN; // S
    case 0x41: return FLAG_ACK; // A
    case 0x2e: return FLAG_ACK; // . (tcpdump)
    case 0x46: return FLAG_FIN; // F
    case 0x52: return FLAG_RST; // R
    case 0x50: return FLAG_PSH; // P
    case 0x55: return FLAG_URG; // U
    case 0x45: return FLAG_ECE; // E
    case 0x57: return FLAG_CWR; // W
    case 0x43: return FLAG_CWR; // C (some builds)
    default: return 0;
  }
}

/** Bit of a three-letter flag word (SYN, ACK, …; case-insensitive) at s[i, j); 0 if not one. */
export function flagWordBit(s: string, i: number, j: number): number {
  if (j - i !== 3) return 0;
  const a = s.charCodeAt(i) | 0x20;
  const b = s.charCodeAt(i + 1) | 0x20;
  const c = s.charCodeAt(i + 2) | 0x20;
  // Lowercased letters: syn ack fin rst psh urg ece cwr.
  if (a === 0x73 && b === 0x79 && c === 0x6e) return FLAG_SYN;
  if (a === 0x61 && b === 0x63 && c === 0x6b) return FLAG_ACK;
  if (a === 0x66 && b === 0x69 && c === 0x6e) return FLAG_FIN;
  if (a === 0x72 && b === 0x73 && c === 0x74) return FLAG_RST;
  if (a === 0x70 && b === 0x73 && c === 0x68) return FLAG_PSH;
  if (a === 0x75 && b === 0x72 && c === 0x67) return FLAG_URG;
  if (a === 0x65 && b === 0x63 && c === 0x65) return FLAG_ECE;
  if (a === 0x63 && b === 0x77 && c === 0x72) return FLAG_CWR;
  return 0;
}
