// One file object (one dev+ino, one content) being read by the follower: its open
// handle, how far it was read, how far it was *handed on* (the end of the last complete
// line, so a half-written line is never cut in two), and how far it was *delivered* (the
// output of every line before it taken by stdout: what --state saves, so lines whose
// output was given up are read again on restart).
import type { ReadHandle } from './follow-io.js';
import { FINGERPRINT_BYTES, fingerprint, sameStart, type Fingerprint } from './file-identity.js';
import type { FileState } from './follow-state.js';
import type { Delivery, GenerationConsumer } from './follow-types.js';
import { LineSplitter, MAX_LINE_LENGTH } from './lines.js';
import { BINARY_SAMPLE_BYTES, isGzipHead, notTextProblem } from './binary.js';
import { unpackerOfHead } from './unpackers.js';
import { PackedCopyCut } from './packed-copy.js';
import type { InputProblem } from './problem.js';
import { maybeBomPrefix, utf16Bom, utf16NewlineEnd, Utf16ToUtf8 } from './utf16.js';
import { hasUtf8Bom, legacyEncoding, LegacyToUtf8 } from './encoding.js';

/** Stop one drain after this much so one busy file cannot starve the others; the loop comes back at once. */
export const DRAIN_SLICE = 8 * 1024 * 1024;
/** Head lines offered for sniffing when reading starts mid-file. */
export const HEAD_LINES = 100;
const HEAD_BYTES = 64 * 1024;

/** What every file object of a follower shares. */
export interface GenerationEnv {
  maxLineLength: number;
  /** --encoding's legacy encoding (input/encoding.ts), null or absent for UTF-8. */
  encoding?: string | null;
  /** How far output has gone; null: a line handed on counts as delivered. */
  delivery: Delivery | null;
  /** Reading is to stop now (the follower was halted): a drain ends after the chunk it is in. */
  halted(): boolean;
}

export const PLAIN_GENERATION_ENV: GenerationEnv = { maxLineLength: MAX_LINE_LENGTH, delivery: null, halted: () => false };

interface Checkpoint {
  /** Delivery mark right after the lines before `offset` were handed on. */
  mark: number;
  offset: number;
  line: number;
}

export class Generation {
  /** Next byte to read. */
  offset: number;
  /** Just after the last '\n' read, and the line count there. */
  committedOffset: number;
  committedLine: number;
  /** Just after the last line whose output was taken (Delivery), and the line count there: what --state saves. */
  deliveredOffset: number;
  deliveredLine: number;
  /** Positions handed on whose output is not taken yet, oldest first. */
  private checkpoints: Checkpoint[] = [];
  /** Size seen at the last check, to re-verify the fingerprint only when it changed. */
  lastSize = -1;
  /** Last time (ms) this file grew; a retired file is closed when it stays quiet. */
  lastGrowth: number;
  /** Nothing writes to it any more (a copytruncate copy, a .gz, a rotation older than the newest on a --state restart): finished as soon as it is read. */
  finishWhenDrained = false;
  /** The last drain stopped at DRAIN_SLICE, not at the end of the file: more was there already. */
  behind = false;
  /** A compressed copy whose data broke off (cut or corrupt): every line before the break was read, nothing after it can be. */
  cut: PackedCopyCut | null = null;
  /** The follower has said `cut`. */
  cutSaid = false;
  /** The follower has said the bytes after a gzip copy's data (fh.trailingBytes). */
  trailingSaid = false;
  private readonly splitter: LineSplitter;
  /** The file's first bytes were judged (text or not); until then they may still be to come. */
  private judged = false;
  /** Not a text log (gzip, binary, UTF-16 without a mark): its bytes are passed over, never split into lines. */
  private notText = false;
  /**
   * UTF-16 with a byte-order mark (Windows PowerShell 5.1's `>`): decoded before the lines are
   * split. The file grows in whole code units, but a read may end inside one: the decoder
   * keeps that byte for the next read, and `lastByte` lets the next read find a '\n' it split.
   */
  private utf16: Utf16ToUtf8 | null = null;
  private lastByte = -1;
  /**
   * --encoding's decoder, made per file object: each starts at a line start, where no
   * character is cut. Its '\n' is the byte 0x0A (encoding.ts says why for every label it
   * accepts), so positions are found in the bytes as for UTF-8. A byte-order mark (UTF-16's
   * or UTF-8's) overrides it (judge).
   */
  private legacy: LegacyToUtf8 | null;
  /** The splitter's invalidLines already told to the consumer. */
  private invalidSaid = 0;

  constructor(
    readonly fh: ReadHandle,
    readonly id: string,
    readonly readingFrom: string,
    public fp: Fingerprint,
    start: { offset: number; line: number },
    readonly consumer: GenerationConsumer,
    now: number,
    private readonly env: GenerationEnv = PLAIN_GENERATION_ENV,
  ) {
    this.offset = start.offset;
    this.committedOffset = this.deliveredOffset = start.offset;
    this.committedLine = this.deliveredLine = start.line;
    this.lastGrowth = now;
    this.splitter = new LineSplitter(consumer, env.maxLineLength, start.line);
    const legacy = legacyEncoding(env.encoding);
    this.legacy = legacy === null ? null : new LegacyToUtf8(legacy);
  }

  /** Reads to the current end of file (or one slice of it); returns the bytes read. */
  async drain(buf: Buffer, now: number): Promise<number> {
    let total = 0;
    while (total < DRAIN_SLICE && !this.env.halted()) {
      let bytesRead: number;
      try {
        ({ bytesRead } = await this.fh.read(buf, 0, buf.length, this.offset));
      } catch (err) {
        // Not an I/O error to try again: the same bytes break at the same place every time.
        if (!(err instanceof PackedCopyCut)) throw err;
        this.cut = err;
        break;
      }
      if (bytesRead === 0) break;
      const chunk = buf.subarray(0, bytesRead);
      if (!this.judged && this.offset === 0) {
        // The first bytes of a mark being written: judged when the rest has come.
        if (maybeBomPrefix(chunk) && chunk.length < 4) break;
        this.judge(chunk);
      }
      if (this.notText) {
        this.offset += bytesRead;
        this.committedOffset = this.offset;
        total += bytesRead;
        continue;
      }
      if (this.utf16 !== null) {
        const end = utf16NewlineEnd(chunk, this.offset, this.utf16.order, this.lastByte);
        this.splitter.feed(this.utf16.write(chunk));
        this.lastByte = chunk[bytesRead - 1]!;
        if (end >= 0) {
          this.committedOffset = end;
          this.committedLine = this.splitter.lines;
        }
      } else {
        const nl = chunk.lastIndexOf(10);
        this.splitter.feed(this.legacy === null ? chunk : this.legacy.write(chunk));
        if (this.legacy === null && this.splitter.invalidLines > this.invalidSaid) {
          this.consumer.invalidUtf8?.(this.splitter.invalidLines - this.invalidSaid);
          this.invalidSaid = this.splitter.invalidLines;
        }
        if (nl >= 0) {
          this.committedOffset = this.offset + nl + 1;
          this.committedLine = this.splitter.lines;
        }
      }
      this.offset += bytesRead;
      total += bytesRead;
      this.checkpoint();
      const wait = this.consumer.afterChunk?.();
      if (wait) await wait;
    }
    if (total > 0) this.lastGrowth = now;
    this.behind = total >= DRAIN_SLICE;
    this.consumer.idle?.();
    this.checkpoint();
    return total;
  }

  /**
   * The lines handed on so far have written their output (or held it: then not yet): once
   * the output is taken, a restart may resume after them.
   */
  checkpoint(): void {
    if (this.consumer.holding?.()) return;
    const delivery = this.env.delivery;
    if (delivery === null) {
      this.deliveredOffset = this.committedOffset;
      this.deliveredLine = this.committedLine;
      return;
    }
    const mark = delivery.mark();
    const last = this.checkpoints.length > 0 ? this.checkpoints[this.checkpoints.length - 1] : null;
    if (this.committedOffset !== (last?.offset ?? this.deliveredOffset)) {
      if (last !== null && last.mark === mark) {
        // No output since: the same mark covers these lines too.
        last.offset = this.committedOffset;
        last.line = this.committedLine;
      } else this.checkpoints.push({ mark, offset: this.committedOffset, line: this.committedLine });
    }
    this.settle();
  }

  /** Moves the delivered position past every checkpoint whose output was taken. */
  private settle(): void {
    const delivery = this.env.delivery;
    if (delivery === null || this.checkpoints.length === 0) return;
    const taken = delivery.taken();
    let i = 0;
    while (i < this.checkpoints.length && this.checkpoints[i].mark <= taken) i++;
    if (i === 0) return;
    const c = this.checkpoints[i - 1];
    this.deliveredOffset = c.offset;
    this.deliveredLine = c.line;
    this.checkpoints.splice(0, i);
  }

  /** Everything handed on from this file was delivered. */
  get delivered(): boolean {
    this.settle();
    return this.checkpoints.length === 0 && this.deliveredOffset === this.committedOffset;
  }

  /**
   * A copytruncate copy continues `g` (the same content, from where `g` was handed on to):
   * what `g` handed on but did not deliver is the copy's to deliver.
   */
  continues(g: Generation): void {
    // The copy starts after a whole line of the same content: in the same encoding, on a code unit.
    if (g.utf16 !== null) {
      this.utf16 = new Utf16ToUtf8(g.utf16.order);
      this.judged = true;
    }
    if (g.legacy === null) this.legacy = null;
    this.deliveredOffset = g.deliveredOffset;
    this.deliveredLine = g.deliveredLine;
    this.checkpoints = g.checkpoints;
    g.checkpoints = [];
  }

  /** No more lines from this file object: the consumer ends it (a parser writes what it held). */
  endLines(): void {
    this.consumer.end();
    this.checkpoint();
  }

  /**
   * Judges the file's head when reading starts past it (at the end, or from --state:
   * `headSample`); from offset 0 the first chunk read is judged instead (null here). An
   * empty file waits for bytes.
   */
  judgeHead(sample: Uint8Array | null): void {
    if (!this.judged && sample !== null) this.judge(sample);
  }

  /**
   * A rotated `.gz` or a binary file named by mistake would otherwise be split into
   * thousands of junk lines without a word (the report and `events` skip it with a warning).
   */
  private judge(head: Uint8Array): void {
    this.judged = true;
    const order = utf16Bom(head);
    if (order !== null || hasUtf8Bom(head)) this.legacy = null;
    if (this.legacy !== null) this.consumer.decodedFrom?.(this.legacy.encoding);
    if (order !== null) {
      this.utf16 = new Utf16ToUtf8(order);
      this.consumer.decoded?.(order === 'le' ? 'UTF-16LE' : 'UTF-16BE');
      return;
    }
    // Compressed: a rotated log, which does not grow; logscan FILE reads it (bzip2, xz, zstd through their command).
    const packed = unpackerOfHead(head);
    const why: InputProblem | null = isGzipHead(head) ? { code: 'gzip-not-followed' } : packed !== null ? { code: 'packed-not-followed', name: packed.name } : notTextProblem(head);
    if (why === null) return;
    this.notText = true;
    this.consumer.notText?.(why);
  }

  /**
   * Is this still the content we were reading? False when it shrank below what we
   * read (copytruncate) or its first bytes changed (truncated and refilled between two polls).
   */
  async stillSameContent(): Promise<boolean> {
    if (this.fh.sealed === true) return true;
    const size = Number((await this.fh.stat({ bigint: true })).size);
    if (size < this.offset) return false;
    if (size !== this.lastSize) {
      this.lastSize = size;
      if (!(await sameStart(this.fh, this.fp))) return false;
      // The fingerprint covers the first KiB once the file has that much.
      if (this.fp.len < FINGERPRINT_BYTES && size > this.fp.len) this.fp = (await fingerprint(this.fh)) ?? this.fp;
    }
    return true;
  }

  /** End of this file object: hand on a held partial line (the writer will not finish it here), or drop the one a break cut. */
  finishPartial(): void {
    if (this.cut !== null) this.splitter.dropLast();
    else this.splitter.flushLast();
    this.committedOffset = this.offset;
    this.committedLine = this.splitter.lines;
  }

  toState(path: string, updated: string): FileState {
    this.settle();
    const colon = this.id.indexOf(':');
    return {
      path,
      dev: this.id.slice(0, colon),
      ino: this.id.slice(colon + 1),
      offset: this.deliveredOffset,
      line: this.deliveredLine,
      firstLineHash: this.fp.hash,
      hashLen: this.fp.len,
      updated,
    };
  }
}

export interface ExistingContent {
  /** Just after the last '\n' (a partial last line is read when it is completed). */
  offset: number;
  lines: number;
  head: string[];
}

/**
 * Counts the lines a file already holds, so line numbers are exact when following
 * starts at its end. One sequential read of the file (~1 GB/s); once per start.
 */
export async function scanExisting(fh: ReadHandle, size: number, encoding: string | null = null): Promise<ExistingContent> {
  const buf = Buffer.allocUnsafe(Math.min(1 << 20, Math.max(size, 1)));
  let pos = 0;
  let lines = 0;
  let lastNl = -1;
  let head: Buffer | null = null;
  // UTF-16 with a mark: '\n' is the code unit 0A 00 (LE) or 00 0A (BE) at an even offset, and
  // the line after it starts past the whole unit. The buffer is even-sized, so reads from 0
  // split no unit.
  let order: 'le' | 'be' | null = null;
  while (pos < size) {
    const { bytesRead } = await fh.read(buf, 0, Math.min(buf.length, size - pos), pos);
    if (bytesRead === 0) break;
    const chunk = buf.subarray(0, bytesRead);
    if (head === null) {
      head = Buffer.from(chunk.subarray(0, HEAD_BYTES));
      order = utf16Bom(head);
    }
    for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) {
      if (order === 'le' ? (pos + i) % 2 !== 0 || i + 1 >= bytesRead || chunk[i + 1] !== 0 : order === 'be' ? (pos + i) % 2 !== 1 || chunk[i - 1] !== 0 : false) continue;
      lines++;
      lastNl = pos + i + (order === 'le' ? 1 : 0);
    }
    pos += bytesRead;
  }
  return { offset: lastNl + 1, lines, head: head ? headLines(head, encoding) : [] };
}

/** The bytes `Generation.judgeHead` judges when reading starts at `offset`: null from 0. */
export async function headSample(fh: ReadHandle, offset: number): Promise<Uint8Array | null> {
  if (offset === 0) return null;
  const buf = Buffer.alloc(Math.min(offset, BINARY_SAMPLE_BYTES));
  const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
  return bytesRead > 0 ? buf.subarray(0, bytesRead) : null;
}

/** The first complete lines before `upTo` (a resumed file's head, for sniffing). */
export async function readHead(fh: ReadHandle, upTo: number, encoding: string | null = null): Promise<string[]> {
  const want = Math.min(upTo, HEAD_BYTES);
  if (want <= 0) return [];
  const buf = Buffer.alloc(want);
  const { bytesRead } = await fh.read(buf, 0, want, 0);
  return headLines(buf.subarray(0, bytesRead), encoding);
}

function headLines(raw: Buffer, encoding: string | null): string[] {
  // UTF-16 with a mark is sniffed as the text it is (the decoder drops the mark), as is a
  // file in --encoding's (a mark overrides it, as judge reads the file).
  const order = utf16Bom(raw);
  const buf = order !== null ? new Utf16ToUtf8(order).write(raw) : encoding !== null && !hasUtf8Bom(raw) ? new LegacyToUtf8(encoding).write(raw) : raw;
  const end = buf.lastIndexOf(10);
  if (end < 0) return [];
  // A byte-order mark is not part of line 1 (as LineSplitter reads it).
  const start = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  const lines = buf.toString('utf8', start, end).split('\n', HEAD_LINES);
  return lines.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
}
