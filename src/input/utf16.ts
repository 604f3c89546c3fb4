// UTF-16 text with a byte-order mark, decoded to UTF-8 as it streams. Windows PowerShell
// 5.1 writes UTF-16LE with a mark for `>` and Out-File, so a pfirewall.log copied with
// `Get-Content pfirewall.log > fw.log` arrives that way; with the mark the encoding is
// certain. Without one it is only a guess (binary.ts says so and skips the input).
// Only TextDecoder's 'utf-16le' is used, which Node has without ICU: big-endian input is
// byte-swapped into it.

export type Utf16Order = 'le' | 'be';

/** FF FE (little-endian) or FE FF (big-endian) at the start, else null. FF FE 00 00 is UTF-32LE's mark, not UTF-16's. */
export function utf16Bom(head: Uint8Array): Utf16Order | null {
  if (head.length < 2) return null;
  if (head[0] === 0xff && head[1] === 0xfe) return head.length >= 4 && head[2] === 0 && head[3] === 0 ? null : 'le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'be';
  return null;
}

/** Could these first bytes still turn out to start with a UTF-16 (or UTF-32) byte-order mark? */
export function maybeBomPrefix(head: Uint8Array): boolean {
  return head.length > 0 && head.length < 4 && (head[0] === 0xff || head[0] === 0xfe);
}

/**
 * Just after the last '\n' code unit of `bytes`, read at file offset `at` of a UTF-16 file
 * (whose code units start at even offsets, the mark being the first), or -1 when it holds
 * none. `before` is the byte at `at - 1` (-1 for none): a read may end inside a code unit.
 */
export function utf16NewlineEnd(bytes: Uint8Array, at: number, order: Utf16Order, before: number): number {
  // LE writes '\n' as 0A 00, BE as 00 0A.
  const lf = order === 'le' ? 0 : 1;
  for (let u = (at + bytes.length - 2) & ~1; u >= at - 1; u -= 2) {
    const b0 = u >= at ? bytes[u - at]! : before;
    const b1 = bytes[u + 1 - at]!;
    if ((lf === 0 ? b0 : b1) === 10 && (lf === 0 ? b1 : b0) === 0) return u + 2;
  }
  return -1;
}

/**
 * A stream of UTF-16 bytes (the mark first) as UTF-8 chunks. A character (or surrogate
 * pair) cut between chunks is completed from the next; the mark is not part of the text.
 */
export class Utf16ToUtf8 {
  private readonly decoder = new TextDecoder('utf-16le');
  /** Big-endian: the odd byte at the end of the last chunk, -1 when none. */
  private carry = -1;

  constructor(readonly order: Utf16Order) {}

  write(bytes: Uint8Array): Buffer {
    return Buffer.from(this.decoder.decode(this.order === 'be' ? this.swapped(bytes) : bytes, { stream: true }), 'utf8');
  }

  /** What is left at the end of input (a cut-off character as U+FFFD). */
  end(): Buffer {
    const tail = this.order === 'be' && this.carry >= 0 ? Uint8Array.of(this.carry) : undefined;
    this.carry = -1;
    return Buffer.from(this.decoder.decode(tail), 'utf8');
  }

  /** bytes in little-endian order (a copy: the input is not ours to change), an odd last byte kept for the next chunk. */
  private swapped(bytes: Uint8Array): Buffer {
    if (bytes.length === 0) return Buffer.alloc(0);
    const carried = this.carry >= 0 ? 1 : 0;
    const total = carried + bytes.length;
    const even = total & ~1;
    const out = Buffer.allocUnsafe(even);
    if (carried) out[0] = this.carry;
    out.set(bytes.subarray(0, even - carried), carried);
    this.carry = even < total ? bytes[bytes.length - 1]! : -1;
    return out.swap16();
  }
}
