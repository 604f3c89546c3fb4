// Byte stream -> lines, with line numbers that never drift.
//
// Why not split2 here: split2 either destroys the stream on an over-long line
// (default) or drops it silently (skipOverflow), and in both cases the line count
// after it is wrong. A firewall tool must count that line as malformed and carry
// on, so this small splitter does what split2 does (StringDecoder + "\r?\n") plus
// that. split2 remains the yardstick in `npm run bench`.
import { StringDecoder } from 'node:string_decoder';
import { Writable } from 'node:stream';
import type { LineReason } from '../parsers/reason.js';

/** A line longer than this (in UTF-16 units) is counted as malformed, never buffered whole. */
export const MAX_LINE_LENGTH = 64 * 1024;

/**
 * Why an over-long line is malformed, in the same words from `logscan FILE` and `follow`.
 * `limit` is the one the splitter applied (a follower can be given another).
 */
export function overlongReason(length: number, limit: number): LineReason {
  return { code: 'overlong', field: '', value: String(length), limit };
}

/** s without its NUL characters (only for a line past the cap: never on the per-line path). */
function withoutNuls(s: string): string {
  return s.indexOf('\0') < 0 ? s : s.replace(/\0+/g, '');
}

/** U+FEFF, the byte-order mark (EF BB BF in UTF-8). */
export const BOM = 0xfeff;

export interface LineConsumer {
  /**
   * Called once per line, CR/LF stripped, invalid UTF-8 replaced by U+FFFD, a UTF-8 BOM
   * before line 1 removed. A line holding lone CRs comes as its CR-separated pieces, each
   * with that line's number.
   */
  line(text: string, lineNo: number): void;
  /** The line at lineNo exceeded the cap (`limit`, the splitter's maxLength); its content was discarded. */
  overlong(lineNo: number, length: number, limit: number): void;
  /** `count` NUL characters were dropped from the line at lineNo (before it is delivered), to keep it under the cap. */
  nuls?(lineNo: number, count: number): void;
  /**
   * Called after each input chunk. Returning a promise delays reading the next chunk
   * until it settles (output back-pressure).
   */
  afterChunk?(): Promise<void> | void;
  /** At the end of input: true when it was cut off, so a last line without its newline is dropped, not half-parsed. */
  endedEarly?(): boolean;
}

export class LineSplitter extends Writable {
  private readonly decoder = new StringDecoder('utf8');
  private pending = '';
  private lineNo = 0;
  /** Length discarded so far of an over-long line, -1 when not inside one. */
  private overflow = -1;
  /** NULs dropped so far from the line being read (then the rest of it loses its NULs too). */
  private nulsDropped = 0;
  /**
   * A U+FFFD was seen in the decoded text: from then on each line is looked at for one.
   * Asked once per chunk (one indexOf over it) until the first, so valid UTF-8 costs no
   * per-line work; once seen it stays set (the line holding it may end chunks later).
   */
  private replaced = false;
  /** Lines delivered holding U+FFFD (invalid UTF-8 in a UTF-8 input: the hint's count). */
  private replacedLines = 0;

  constructor(
    private readonly consumer: LineConsumer,
    private readonly maxLength = MAX_LINE_LENGTH,
    /** Lines already before the first byte fed (follow mode resumes mid-file). */
    firstLineNo = 0,
  ) {
    super({ decodeStrings: true });
    this.lineNo = firstLineNo;
  }

  /** Lines delivered holding U+FFFD: for an input read as UTF-8, the lines that are not valid UTF-8 (an U+FFFD written as such in a log counts too). */
  get invalidLines(): number {
    return this.replacedLines;
  }

  /** Lines delivered so far (including over-long ones). */
  get lines(): number {
    return this.lineNo;
  }

  override _write(chunk: Buffer, _enc: BufferEncoding, cb: (err?: Error | null) => void): void {
    try {
      this.take(this.decoder.write(chunk));
    } catch (err) {
      cb(err as Error);
      return;
    }
    const wait = this.consumer.afterChunk?.();
    if (wait) wait.then(() => cb(), cb);
    else cb();
  }

  override _final(cb: (err?: Error | null) => void): void {
    try {
      this.take(this.decoder.end());
      if (this.consumer.endedEarly?.() === true) {
        this.pending = '';
        this.overflow = -1;
      }
      this.finishLast();
    } catch (err) {
      cb(err as Error);
      return;
    }
    cb();
  }

  /**
   * Synchronous alternative to write() for a caller that does its own reading and
   * back-pressure (the follower): every complete line in `chunk` is delivered before
   * this returns, the rest is held. Do not mix with write() on the same splitter.
   */
  feed(chunk: Buffer): void {
    this.take(this.decoder.write(chunk));
  }

  /** feed()'s end of input: decode what is left and deliver the held partial line. */
  flushLast(): void {
    this.take(this.decoder.end());
    this.finishLast();
  }

  /** feed()'s end of input that was cut off: the held partial line is dropped, not half-parsed (as endedEarly does for write()). */
  dropLast(): void {
    this.decoder.end();
    this.pending = '';
    this.overflow = -1;
    this.nulsDropped = 0;
  }

  /** Deliver what is buffered as a last line (input ended without a newline, or was cut). */
  finishLast(): void {
    if (this.overflow >= 0) {
      this.consumer.overlong(++this.lineNo, this.overflow + this.pending.length, this.maxLength);
    } else if (this.pending.length > 0) {
      this.emit1(this.pending);
    }
    this.pending = '';
    this.overflow = -1;
    this.nulsDropped = 0;
  }

  private take(text: string): void {
    if (!this.replaced && text.indexOf('\ufffd') >= 0) this.replaced = true;
    let start = 0;
    if (this.overflow >= 0) {
      const nl = text.indexOf('\n');
      if (nl < 0) {
        this.overflow += text.length;
        return;
      }
      this.consumer.overlong(++this.lineNo, this.overflow + this.pending.length + nl, this.maxLength);
      this.overflow = -1;
      this.nulsDropped = 0;
      this.pending = '';
      start = nl + 1;
    }
    let nl = text.indexOf('\n', start);
    if (nl >= 0 && this.pending.length > 0) {
      this.emit1(this.pending + text.slice(start, nl));
      this.pending = '';
      start = nl + 1;
      nl = text.indexOf('\n', start);
    }
    while (nl >= 0) {
      this.emit1(text.slice(start, nl));
      start = nl + 1;
      nl = text.indexOf('\n', start);
    }
    const rest = start === 0 ? text : text.slice(start);
    this.pending = this.pending.length > 0 ? this.pending + rest : rest;
    // +1: room for the CR of a CRLF whose LF is in the next chunk, else a line of exactly
    // maxLength would be over-long or not depending on where the chunk boundary fell.
    if (this.pending.length > this.maxLength + 1 && !this.dropPendingNuls()) {
      this.overflow = this.pending.length;
      this.nulsDropped = 0;
      this.pending = '';
    }
  }

  /**
   * A line over the cap may be mostly NULs: Windows leaves NUL-filled regions in
   * pfirewall.log after a crash (pre-allocated space never written), and the next record
   * follows them on the same line. NULs are no text, so they do not count toward the cap:
   * they are dropped from the held part (which keeps memory bounded however long the
   * region) and, once any were, from the rest of that line too (so where the chunks were
   * cut never changes the line). True when the held part is then within the cap. Only a
   * line past the cap comes here: a short one keeps its NULs (the parsers strip them).
   */
  private dropPendingNuls(): boolean {
    const kept = withoutNuls(this.pending);
    this.nulsDropped += this.pending.length - kept.length;
    this.pending = kept;
    return kept.length <= this.maxLength + 1;
  }

  private emit1(raw: string): void {
    const lineNo = ++this.lineNo;
    let text = raw.charCodeAt(raw.length - 1) === 13 ? raw.slice(0, -1) : raw;
    let dropped = 0;
    if (text.length > this.maxLength || this.nulsDropped > 0) {
      // Past the cap, or NULs already dropped from its start: without its NULs (dropPendingNuls);
      // the CR is looked for after them, as it is when they went before.
      const kept = withoutNuls(raw);
      dropped = this.nulsDropped + raw.length - kept.length;
      this.nulsDropped = 0;
      if (dropped > 0) text = kept.charCodeAt(kept.length - 1) === 13 ? kept.slice(0, -1) : kept;
    }
    // A byte-order mark opens files saved by Notepad and some exporters (pfirewall.log
    // copied off a Windows host): not part of line 1, which every format reads from its
    // first character (`#Version`, a syslog stamp, `__CURSOR=`, `{`). Line 1 only: a
    // follower resuming mid-file starts at a later line number and never sees byte 0.
    if (lineNo === 1 && text.charCodeAt(0) === BOM) text = text.slice(1);
    if (text.length > this.maxLength) this.consumer.overlong(lineNo, text.length, this.maxLength);
    else {
      if (this.replaced && text.indexOf('\ufffd') >= 0) this.replacedLines++;
      // Said only of a line that is read: one still too long is over-long, NULs or not.
      if (dropped > 0) this.consumer.nuls?.(lineNo, dropped);
      if (text.indexOf('\r') < 0) this.consumer.line(text, lineNo);
      else this.emitCrPieces(text, lineNo);
    }
  }

  /**
   * A CR that is not part of a CRLF ends a line too (old Mac line ends, a writer that
   * joined records with CR): read as one line, every record after the first was lost
   * without a count. Each piece keeps the number of its LF line, so numbers still match
   * `sed -n Np` and `wc -l`; a CR at the very end (`\r\r\n`) adds no empty line.
   */
  private emitCrPieces(text: string, lineNo: number): void {
    let start = 0;
    for (let cr = text.indexOf('\r'); cr >= 0; cr = text.indexOf('\r', start)) {
      this.consumer.line(text.slice(start, cr), lineNo);
      start = cr + 1;
    }
    if (start < text.length) this.consumer.line(text.slice(start), lineNo);
  }
}
