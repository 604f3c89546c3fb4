// Is this input a text log at all? A binary file fed to a line parser yields
// thousands of junk "lines" and a misleading report, so the first chunk of every
// input (after any unpacking) is inspected once and a binary one is skipped with a warning.
// Compressed data is told by its magic bytes: gzip is unpacked in-process (gunzip.ts: by
// open.ts for a file, by BinaryGate for stdin or a FIFO), bzip2, xz and zstd by BinaryGate
// through the system's command (child-unpack.ts) when it is installed, for files and stdin
// alike; zip, an archive, is skipped with the command that unpacks it.
//
// The heuristic: the share of control bytes in the first 4 KiB. Control bytes are
// C0 controls and DEL except TAB, LF, VT, FF and CR (ESC counts: a log line with an
// escape sequence in it is still a log, and a few of them never reach the limit). A head that
// holds complete clean lines (CLEAN_LINES of them, from one newline to the next with no
// control byte at all) is text whatever else it holds: in random or compressed data about
// one byte in ten is a control byte, so two such lines between newlines hardly ever
// happen, and one hostile line cannot hide a whole log.
// Nor can lines of hostile text: a head with no NUL byte at all, nearly all of it valid
// UTF-8, cut into lines, is text however many control bytes those lines hold (a log whose
// first 4 KiB were lines with 40 BELs in the prefix each was skipped whole, 200 clean
// records after them unread). Executables, images, archives and random bytes hold NULs
// or break UTF-8 within the first few hundred bytes; text, whatever is in it, does neither.
// A run of consecutive NUL bytes counts as ONE control byte: real log files carry
// NUL-padded regions (pre-allocated or recovered after a crash; the corpus has a
// pfirewall.log whose line 6 starts with 212 NULs) and must still be read, whereas
// executables, images, archives and random data scatter many different control
// bytes. UTF-16 text that starts with a byte-order mark (what Windows PowerShell 5.1's `>`
// writes) is decoded to UTF-8 by BinaryGate (utf16.ts) and the decoded text judged; without
// a mark it has a NUL in every other byte (runs of one) and is flagged, with a hint, because
// its encoding is a guess and its lines would not parse as they are.
//
// `follow` reads files without BinaryGate, with the same judgement and the same unpacking: a
// followed file's first bytes are judged by follow-generation.ts (UTF-16 with a mark decoded
// as the file grows; gzip, bzip2, xz or zstd data said as a rotated log, not followed;
// anything else notTextProblem's), its compressed rotated copies read through
// packed-copy.ts; its standard input goes through BinaryGate as the other commands' does.
import { Transform, type TransformCallback } from 'node:stream';
import { GunzipMembers } from './gunzip.js';
import { ChildUnpack } from './child-unpack.js';
import { onPath, unpackerOfHead, UNPACKERS, type Unpacker, type UnpackerName } from './unpackers.js';
import { maybeBomPrefix, utf16Bom, Utf16ToUtf8, type Utf16Order } from './utf16.js';
import { problemText, type InputProblem } from './problem.js';
import { hasUtf8Bom, legacyEncoding, LegacyToUtf8, type EncodingName } from './encoding.js';

/** Bytes inspected at the start of each input. */
export const BINARY_SAMPLE_BYTES = 4096;
/** Above this share of control bytes (NUL runs counted once) the input is binary. */
export const BINARY_CONTROL_RATIO = 0.1;
/** Complete lines of at least CLEAN_LINE_BYTES without a control byte that make a head text. */
const CLEAN_LINES = 2;
const CLEAN_LINE_BYTES = 16;
/**
 * Bytes in 4 KiB that may break UTF-8 in a head still read as lines of text: a few Latin-1
 * names in a log stay text, random data (about one byte in three) does not.
 */
const TEXT_BAD_UTF8_RATIO = 1 / 64;

export interface BinaryVerdict {
  binary: boolean;
  /** Control bytes counted (a NUL run counts once). */
  controls: number;
  /** Bytes inspected. */
  sampled: number;
  /** Looks like UTF-16 text (NUL in every other byte). */
  utf16: boolean;
}

function isControl(b: number): boolean {
  return (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0b && b !== 0x0c && b !== 0x0d) || b === 0x7f;
}

/** Judges the first bytes of an input; `buf` may be shorter than BINARY_SAMPLE_BYTES (small file). */
export function inspectHead(buf: Uint8Array): BinaryVerdict {
  const n = Math.min(buf.length, BINARY_SAMPLE_BYTES);
  let controls = 0;
  let oddNuls = 0;
  let evenNuls = 0;
  let clean = 0;
  // Start of the current line (the sample is the input's first bytes), and whether it is clean so far.
  let lineStart = 0;
  let lineClean = true;
  for (let i = 0; i < n; i++) {
    const b = buf[i];
    if (b === 0x0a) {
      if (lineClean && i - lineStart >= CLEAN_LINE_BYTES) clean++;
      lineStart = i + 1;
      lineClean = true;
      continue;
    }
    if (isControl(b)) lineClean = false;
    if (b === 0) {
      if (i % 2 === 0) evenNuls++;
      else oddNuls++;
      if (i > 0 && buf[i - 1] === 0) continue;
      controls++;
    } else if (isControl(b)) controls++;
  }
  // UTF-16LE ASCII text: NUL at odd offsets; BE: at even ones. Either way about half the bytes.
  const utf16 = n >= 4 && (oddNuls >= n * 0.4 || evenNuls >= n * 0.4) && Math.min(oddNuls, evenNuls) < n * 0.05;
  const binary = n > 0 && (utf16 || (controls / n > BINARY_CONTROL_RATIO && clean < CLEAN_LINES && !textLines(buf, n, oddNuls + evenNuls)));
  return { binary, controls, sampled: n, utf16 };
}

/**
 * Lines of text, whatever control bytes they hold: no NUL, at least CLEAN_LINES line
 * breaks, and UTF-8 broken in at most TEXT_BAD_UTF8_RATIO of the bytes. Asked only of a
 * head the control bytes already make suspect.
 */
function textLines(buf: Uint8Array, n: number, nuls: number): boolean {
  if (nuls > 0) return false;
  let breaks = 0;
  let bad = 0;
  for (let i = 0; i < n; ) {
    const b = buf[i];
    if (b < 0x80) {
      if (b === 0x0a) breaks++;
      i++;
      continue;
    }
    // A lead byte and its continuation bytes (overlong forms and surrogates are not told
    // apart: the question is text or not, not strict validity).
    const more = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    let k = 1;
    while (more > 0 && k <= more && i + k < n && (buf[i + k] & 0xc0) === 0x80) k++;
    // A sequence cut by the end of the sample is not counted against it.
    if (more < 0 || (k <= more && i + k < n)) bad++;
    i += more < 0 ? 1 : k;
  }
  return breaks >= CLEAN_LINES && bad <= n * TEXT_BAD_UTF8_RATIO;
}

/** Why a head judged binary is skipped (stderr, the report). */
export function binaryProblem(v: BinaryVerdict): InputProblem {
  return v.utf16 ? { code: 'utf16-no-bom' } : { code: 'binary', controls: v.controls, sampled: v.sampled };
}

/**
 * Random bytes that happen to start with FF FE read as UTF-16 give lone surrogates, each a
 * U+FFFD here (about one character in thirty); text never has them in numbers.
 */
function undecodable(text: Buffer): boolean {
  let bad = 0;
  // EF BF BD: U+FFFD in UTF-8.
  for (let i = text.indexOf(0xef); i >= 0 && i + 2 < text.length; i = text.indexOf(0xef, i + 1)) {
    if (text[i + 1] === 0xbf && text[i + 2] === 0xbd && ++bad > 8) return true;
  }
  return false;
}

/**
 * Compressed formats told by their first bytes, and the command that unpacks them: what is
 * said of zip, and of bzip2, xz or zstd data where it is not unpacked (found again inside
 * data just unpacked). Gzip, and bzip2, xz and zstd with their command installed
 * (unpackers.ts), are unpacked before anything asks this; `follow` tells a followed file of
 * them as not growing.
 */
const PACKED: readonly { magic: readonly number[]; name: string; unpack: string }[] = [
  ...UNPACKERS.map((u) => ({ magic: u.magic, name: u.name, unpack: u.cat })),
  { magic: [0x50, 0x4b, 0x03, 0x04], name: 'zip', unpack: 'unzip -p' },
];

/** The first two bytes of gzip data. */
const GZIP_MAGIC = [0x1f, 0x8b];

/** Does this head (a file's first bytes, a stream's first chunk) start gzip data? */
export function isGzipHead(head: Uint8Array): boolean {
  return startsWith(head, GZIP_MAGIC);
}

function startsWith(buf: Uint8Array, magic: readonly number[]): boolean {
  if (buf.length < magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (buf[i] !== magic[i]) return false;
  return true;
}

/**
 * Too few first bytes to tell what the input is: a proper prefix of a compression's magic
 * (gzip's 2 bytes, xz's 6, …) or of a byte-order mark. A pipe may deliver its first byte alone
 * (`(printf '\x1f'; sleep 1; cat rest) | logscan -`): deciding on it read gzip data as binary.
 * The reader holds them until more come or the input ends.
 */
function undecidedHead(head: Uint8Array): boolean {
  if (maybeBomPrefix(head)) return true;
  return [GZIP_MAGIC, ...PACKED.map((p) => p.magic)].some((m) => head.length < m.length && isPrefixOf(head, m));
}

function isPrefixOf(head: Uint8Array, magic: readonly number[]): boolean {
  for (let i = 0; i < head.length; i++) if (head[i] !== magic[i]) return false;
  return head.length > 0;
}

/** Compressed in a format logscan does not unpack ("xz-compressed data, …; skipped (unpack it first: …)"), else null. */
function packedProblem(head: Uint8Array): InputProblem | null {
  const p = PACKED.find((x) => startsWith(head, x.magic));
  return p === undefined ? null : { code: 'packed', name: p.name, unpack: p.unpack };
}

/**
 * Why a head that is not gzip is not a text log (compressed in another format, binary,
 * UTF-16), or null for text.
 */
export function notTextProblem(head: Uint8Array): InputProblem | null {
  const packed = packedProblem(head);
  if (packed !== null) return packed;
  const v = inspectHead(head);
  return v.binary ? binaryProblem(v) : null;
}

/** Not a text log: binary, UTF-16 or compressed; the problem says which (the message in English). */
export class BinaryInputError extends Error {
  override name = 'BinaryInputError';
  constructor(readonly problem: InputProblem) {
    super(problemText(problem));
  }
}

/**
 * Pass-through stream that judges the first chunk (up to BINARY_SAMPLE_BYTES of it),
 * then either passes it on (text) or fails with BinaryInputError before a single line
 * reaches the parser. It decides on the first chunk rather than waiting for 4 KiB so a
 * slow pipe (`tail -f | logscan events -`) is not held back, unless that chunk is too short
 * to tell a magic or a byte-order mark (undecidedHead: at most 5 bytes held); files and
 * gunzip deliver chunks far larger than the sample. After that it costs one branch per chunk. The
 * report, `events`, `daily`, `check` and `explain -` read through it (read.ts, cli/explain.ts).
 *
 * Gzip data that was not opened as such (stdin, a FIFO: `cat x.gz | logscan -`) is
 * unpacked here, and bzip2, xz and zstd data from any input through its command; the
 * unpacked text is judged the same way. UTF-16 with a byte-order mark is decoded to UTF-8
 * here, and the decoded text judged. Random bytes hover around the control-byte limit, so
 * compressed formats are told by their magic bytes.
 */
export class BinaryGate extends Transform {
  private decided = false;
  private gunzip: GunzipMembers | null = null;
  /** bzip2, xz or zstd data, unpacked by its command. */
  private child: ChildUnpack | null = null;
  private unpackedBy: Unpacker | null = null;
  /** First bytes held until there are enough to tell a magic or a byte-order mark (undecidedHead). */
  private held: Buffer | null = null;
  private decoder: Utf16ToUtf8 | LegacyToUtf8 | null = null;
  /** --encoding's legacy encoding (encoding.ts), null for UTF-8: the text is decoded from it after any unpacking. */
  private readonly legacy: EncodingName | null;

  constructor(encoding: EncodingName | null = null) {
    super();
    this.legacy = legacyEncoding(encoding);
  }

  /** The input turned out to be gzip data and is unpacked here. */
  get gzip(): boolean {
    return this.gunzip !== null;
  }

  /** Bytes after that gzip data that were not gzip (ignored). */
  get trailingBytes(): number {
    return this.gunzip?.trailingBytes ?? 0;
  }

  /** Why that gzip data ended early or is wrong (GunzipMembers.problem). */
  get gzipProblem(): string | null {
    return this.gunzip?.problem ?? null;
  }

  /** The input turned out to be bzip2, xz or zstd data and is unpacked by its command: which. */
  get unpacker(): UnpackerName | null {
    return this.unpackedBy?.name ?? null;
  }

  /** Why that data ended early or is wrong (ChildUnpack.problem: the command's words). */
  get unpackProblem(): string | null {
    return this.child?.problem ?? null;
  }

  /** The command's process id while it unpacks (tests). */
  get unpackerPid(): number | undefined {
    return this.child?.pid;
  }

  /** The unpacker between the input and the text: gzip's or a command's. */
  private get inner(): GunzipMembers | ChildUnpack | null {
    return this.gunzip ?? this.child;
  }

  /** UTF-16 text with a byte-order mark: which byte order, decoded here to UTF-8; null otherwise. */
  get utf16(): Utf16Order | null {
    return this.decoder instanceof Utf16ToUtf8 ? this.decoder.order : null;
  }

  /** Decoded from --encoding's legacy encoding: which (null for UTF-8 and UTF-16). */
  get legacyEncoding(): EncodingName | null {
    return this.decoder instanceof LegacyToUtf8 ? this.decoder.encoding : null;
  }

  /** Read as UTF-8, as it is (no UTF-16 mark, no --encoding): its invalid bytes are worth a hint. */
  get asUtf8(): boolean {
    return this.decoder === null;
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    const inner = this.inner;
    if (inner !== null) {
      // Errors arrive through the unpacker's 'error' event.
      inner.write(chunk, () => cb());
      return;
    }
    if (this.decided || chunk.length === 0) {
      if (this.decoder === null) cb(null, chunk);
      else cb(null, this.decoder.write(chunk));
      return;
    }
    const first = this.held === null ? chunk : Buffer.concat([this.held, chunk]);
    // A pipe may hand over the first bytes one by one: a byte-order mark is told by four, xz by six.
    if (undecidedHead(first)) {
      this.held = first;
      cb();
      return;
    }
    this.held = null;
    this.decided = true;
    if (isGzipHead(first)) {
      this.unpack((this.gunzip = new GunzipMembers()), first, cb);
      return;
    }
    const u = unpackerOfHead(first);
    if (u !== null) {
      if (!onPath(u.command)) {
        cb(new BinaryInputError({ code: 'unpacker-missing', name: u.name, command: u.command, package: u.package, cat: u.cat }));
        return;
      }
      this.unpackedBy = u;
      this.unpack((this.child = new ChildUnpack(u)), first, cb);
      return;
    }
    cb(this.firstText(first));
  }

  override _read(size: number): void {
    // The unpacker is paused while this stream's reader is behind (unpack below).
    this.inner?.resume();
    super._read(size);
  }

  override _flush(cb: TransformCallback): void {
    const held = this.held;
    if (held !== null && !this.decided && isPrefixOf(held, GZIP_MAGIC)) {
      // Gzip's first byte alone (0x1f, a control byte no text log begins with): gzip data cut
      // after it, said as a cut after its second byte is ("… before its first line"), not as
      // "binary data (1 control byte in the first 1 byte)".
      this.held = null;
      this.decided = true;
      this.unpack((this.gunzip = new GunzipMembers()), held, () => this._flush(cb));
      return;
    }
    const g = this.inner;
    if (g === null) {
      // Fewer bytes in all than a magic or a byte-order mark they began: judged as they are.
      this.held = null;
      if (held !== null && !this.decided) {
        this.decided = true;
        const err = this.firstText(held);
        if (err !== null) {
          cb(err);
          return;
        }
      }
      if (this.decoder !== null) this.push(this.decoder.end());
      cb();
      return;
    }
    g.once('end', () => {
      if (this.decoder !== null) this.push(this.decoder.end());
      cb();
    });
    g.end();
  }

  /**
   * The first bytes of the text (after any gzip): judged, then passed on; UTF-16 with a
   * byte-order mark is decoded from here on, and the decoded text judged instead. Returns
   * the error that stops the input, or null.
   */
  private firstText(head: Buffer): BinaryInputError | null {
    const order = utf16Bom(head);
    let text = head;
    if (order !== null) {
      this.decoder = new Utf16ToUtf8(order);
      text = this.decoder.write(head);
      if (undecodable(text)) return new BinaryInputError({ code: 'bad-utf16' });
    } else if (this.legacy !== null && !hasUtf8Bom(head)) {
      // --encoding: decoded here, and the decoded text judged (GBK's lead bytes are no
      // control bytes, but judging the text keeps one judgement for every encoding).
      this.decoder = new LegacyToUtf8(this.legacy);
      text = this.decoder.write(head);
    }
    const err = this.judge(text);
    if (err === null && text.length > 0) this.push(text);
    return err;
  }

  override _destroy(err: Error | null, cb: (error?: Error | null) => void): void {
    this.inner?.destroy();
    cb(err);
  }

  /** null for text, else the error that stops the input. */
  private judge(head: Buffer): BinaryInputError | null {
    const why = notTextProblem(head);
    return why === null ? null : new BinaryInputError(why);
  }

  private unpack(g: GunzipMembers | ChildUnpack, first: Buffer, cb: TransformCallback): void {
    let judged = false;
    g.on('data', (text: Buffer) => {
      if (!judged && text.length > 0) {
        judged = true;
        // Unpacked text gets the checks a plain input gets (a gzip member's first data is
        // far longer than a byte-order mark).
        const err = this.firstText(text);
        if (err !== null) this.destroy(err);
        return;
      }
      // Backpressure: 64 KiB of packed data can unpack to megabytes; _read resumes it.
      if (!this.push(this.decoder === null ? text : this.decoder.write(text))) g.pause();
    });
    g.on('error', (err) => this.destroy(err));
    g.write(first, () => cb());
  }
}
