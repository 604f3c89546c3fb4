// One file object (one dev+ino, one content) being read by the follower: its open
// handle, how far it was read, and how far it was *handed on* (the end of the last
// complete line — what --state saves, so a half-written line is never cut in two).
import type { FileHandle } from 'node:fs/promises';
import { FINGERPRINT_BYTES, fingerprint, sameStart, type Fingerprint } from './file-identity.js';
import type { FileState } from './follow-state.js';
import type { GenerationConsumer } from './follow-types.js';
import { LineSplitter, MAX_LINE_LENGTH } from './lines.js';
import { BINARY_SAMPLE_BYTES, isGzipHead, notTextMessage } from './binary.js';

/** Stop one drain after this much so one busy file cannot starve the others; the loop comes back at once. */
export const DRAIN_SLICE = 8 * 1024 * 1024;
/** Head lines offered for sniffing when reading starts mid-file. */
export const HEAD_LINES = 100;
const HEAD_BYTES = 64 * 1024;

export class Generation {
  /** Next byte to read. */
  offset: number;
  /** Just after the last '\n' read, and the line count there. */
  committedOffset: number;
  committedLine: number;
  /** Size seen at the last check, to re-verify the fingerprint only when it changed. */
  lastSize = -1;
  /** Last time (ms) this file grew; a retired file is closed when it stays quiet. */
  lastGrowth: number;
  /** True for a copytruncate copy: it never grows, so it is finished as soon as it is read. */
  finishWhenDrained = false;
  /** The last drain stopped at DRAIN_SLICE, not at the end of the file: more was there already. */
  behind = false;
  private readonly splitter: LineSplitter;
  /** The file's first bytes were judged (text or not); until then they may still be to come. */
  private judged = false;
  /** Not a text log (gzip, binary, UTF-16): its bytes are passed over, never split into lines. */
  private notText = false;

  constructor(
    readonly fh: FileHandle,
    readonly id: string,
    readonly readingFrom: string,
    public fp: Fingerprint,
    start: { offset: number; line: number },
    readonly consumer: GenerationConsumer,
    now: number,
    maxLineLength = MAX_LINE_LENGTH,
  ) {
    this.offset = start.offset;
    this.committedOffset = start.offset;
    this.committedLine = start.line;
    this.lastGrowth = now;
    this.splitter = new LineSplitter(consumer, maxLineLength, start.line);
  }

  /** Reads to the current end of file (or one slice of it); returns the bytes read. */
  async drain(buf: Buffer, now: number): Promise<number> {
    let total = 0;
    while (total < DRAIN_SLICE) {
      const { bytesRead } = await this.fh.read(buf, 0, buf.length, this.offset);
      if (bytesRead === 0) break;
      const chunk = buf.subarray(0, bytesRead);
      if (!this.judged && this.offset === 0) this.judge(chunk);
      if (this.notText) {
        this.offset += bytesRead;
        this.committedOffset = this.offset;
        total += bytesRead;
        continue;
      }
      const nl = chunk.lastIndexOf(10);
      this.splitter.feed(chunk);
      if (nl >= 0) {
        this.committedOffset = this.offset + nl + 1;
        this.committedLine = this.splitter.lines;
      }
      this.offset += bytesRead;
      total += bytesRead;
      const wait = this.consumer.afterChunk?.();
      if (wait) await wait;
    }
    if (total > 0) this.lastGrowth = now;
    this.behind = total >= DRAIN_SLICE;
    this.consumer.idle?.();
    return total;
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
    const why = isGzipHead(head)
      ? 'gzip-compressed data (a rotated log?), not a growing text log; not followed (read it with: logscan FILE)'
      : notTextMessage(head);
    if (why === null) return;
    this.notText = true;
    this.consumer.notText?.(why);
  }

  /**
   * Is this still the content we were reading? False when it shrank below what we
   * read (copytruncate) or its first bytes changed (truncated and refilled between two polls).
   */
  async stillSameContent(): Promise<boolean> {
    const st = await this.fh.stat();
    const size = st.size;
    if (size < this.offset) return false;
    if (size !== this.lastSize) {
      this.lastSize = size;
      if (!(await sameStart(this.fh, this.fp))) return false;
      // The fingerprint covers the first KiB once the file has that much.
      if (this.fp.len < FINGERPRINT_BYTES && size > this.fp.len) this.fp = (await fingerprint(this.fh)) ?? this.fp;
    }
    return true;
  }

  /** End of this file object: hand on a held partial line (the writer will not finish it here). */
  finishPartial(): void {
    this.splitter.flushLast();
    this.committedOffset = this.offset;
    this.committedLine = this.splitter.lines;
  }

  toState(path: string, updated: string): FileState {
    const colon = this.id.indexOf(':');
    return {
      path,
      dev: this.id.slice(0, colon),
      ino: this.id.slice(colon + 1),
      offset: this.committedOffset,
      line: this.committedLine,
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
export async function scanExisting(fh: FileHandle, size: number): Promise<ExistingContent> {
  const buf = Buffer.allocUnsafe(Math.min(1 << 20, Math.max(size, 1)));
  let pos = 0;
  let lines = 0;
  let lastNl = -1;
  let head: Buffer | null = null;
  while (pos < size) {
    const { bytesRead } = await fh.read(buf, 0, Math.min(buf.length, size - pos), pos);
    if (bytesRead === 0) break;
    const chunk = buf.subarray(0, bytesRead);
    if (head === null) head = Buffer.from(chunk.subarray(0, HEAD_BYTES));
    for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) {
      lines++;
      lastNl = pos + i;
    }
    pos += bytesRead;
  }
  return { offset: lastNl + 1, lines, head: head ? headLines(head) : [] };
}

/** The bytes `Generation.judgeHead` judges when reading starts at `offset`: null from 0. */
export async function headSample(fh: FileHandle, offset: number): Promise<Uint8Array | null> {
  if (offset === 0) return null;
  const buf = Buffer.alloc(Math.min(offset, BINARY_SAMPLE_BYTES));
  const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
  return bytesRead > 0 ? buf.subarray(0, bytesRead) : null;
}

/** The first complete lines before `upTo` (a resumed file's head, for sniffing). */
export async function readHead(fh: FileHandle, upTo: number): Promise<string[]> {
  const want = Math.min(upTo, HEAD_BYTES);
  if (want <= 0) return [];
  const buf = Buffer.alloc(want);
  const { bytesRead } = await fh.read(buf, 0, want, 0);
  return headLines(buf.subarray(0, bytesRead));
}

function headLines(buf: Buffer): string[] {
  const end = buf.lastIndexOf(10);
  if (end < 0) return [];
  // A byte-order mark is not part of line 1 (as LineSplitter reads it).
  const start = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  const lines = buf.toString('utf8', start, end).split('\n', HEAD_LINES);
  return lines.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
}
