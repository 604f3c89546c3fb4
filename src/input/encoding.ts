// Logs in a legacy encoding, read with --encoding LABEL. Chinese firewalls (Huawei, H3C,
// Hillstone, Sangfor …) and Windows hosts write a policy, zone or user name in GBK/GB18030
// (Big5, Shift_JIS, windows-1252 elsewhere); read as UTF-8 those names were U+FFFD.
// Nothing is guessed: without the option an input is UTF-8 (UTF-16 told by its
// byte-order mark, utf16.ts), and invalid UTF-8 is counted and said (lines.ts, the report's
// and check's hint), never silently re-read in another encoding.
//
// The bytes are decoded to text by Node's TextDecoder (WHATWG labels, ICU's tables) before
// the lines are split, and handed on as UTF-8, as the UTF-16 path does: the splitter, the
// parsers and everything after them see one encoding. Only an input read with the option
// pays for it; the UTF-8 path is untouched (the decoder is chosen once per input).
//
// Splitting at a byte 0x0A (follow's positions, `committedOffset`) stays right for every
// label accepted here: in each of them the bytes below 0x80, LF among them, are ASCII and
// never part of a multi-byte character (GBK/GB18030's trail bytes are 0x30-0x39 and
// 0x40-0xFE, Big5's 0x40-0x7E and 0xA1-0xFE, Shift_JIS's 0x40-0xFC, EUC's 0xA1-0xFE;
// ISO-2022-JP's escapes shift back to ASCII before a line ends). UTF-16 is the exception
// (0x0A is half of many characters), so its labels are refused: the byte-order mark path
// reads it.

import { TextDecoder } from 'node:util';

/** The canonical WHATWG name of an encoding --encoding accepts: 'utf-8' for the default. */
export type EncodingName = string;

/** Why a label is refused: unknown to TextDecoder, or UTF-16 (read by its byte-order mark). */
export type EncodingRefusal = 'unknown' | 'utf16';

/**
 * The canonical name of `label` (TextDecoder's: 'GBK' and 'gb2312' are 'gbk', 'latin1' and
 * 'iso-8859-1' are 'windows-1252', as browsers read them), or why it is refused.
 */
export function encodingOfLabel(label: string): { name: EncodingName } | { refused: EncodingRefusal } {
  let name: string;
  try {
    name = new TextDecoder(label.trim()).encoding;
  } catch {
    return { refused: 'unknown' };
  }
  return name.startsWith('utf-16') ? { refused: 'utf16' } : { name };
}

/** The legacy encoding to decode an input from, or null when it is read as UTF-8 (the default). */
export function legacyEncoding(name: EncodingName | null | undefined): EncodingName | null {
  return name === undefined || name === null || name === 'utf-8' ? null : name;
}

/**
 * A stream of bytes in a legacy encoding as UTF-8 chunks (the interface of utf16.ts's
 * Utf16ToUtf8): a character cut between two chunks is completed from the next by the
 * decoder's streaming mode; bytes invalid in the encoding become U+FFFD.
 */
export class LegacyToUtf8 {
  private readonly decoder: TextDecoder;

  constructor(readonly encoding: EncodingName) {
    this.decoder = new TextDecoder(encoding);
  }

  write(bytes: Uint8Array): Buffer {
    return Buffer.from(this.decoder.decode(bytes, { stream: true }), 'utf8');
  }

  /** What is left at the end of input (a cut-off character as U+FFFD). */
  end(): Buffer {
    return Buffer.from(this.decoder.decode(), 'utf8');
  }
}

/** EF BB BF: a UTF-8 byte-order mark, which makes UTF-8 certain whatever --encoding said. */
export function hasUtf8Bom(head: Uint8Array): boolean {
  return head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
}
