// Unpacks bzip2, xz or zstd data through the system's command (unpackers.ts): the packed
// bytes written to its stdin, its stdout read as the text. Bounded both ways: a chunk is
// taken only once the child's stdin has drained, and its stdout is paused while this
// stream's reader is behind, so the child blocks on a full pipe instead of being buffered.
//
// As GunzipMembers: data cut off or corrupt (the command exits non-zero) is not an error
// of the stream. Everything the command wrote goes out, the stream ends normally, and
// `problem` says why (the command's first line on stderr): an error would have destroyed
// the streams after it with lines still queued in them.
//
// The child never outlives the reading: destroying the stream (an error, Ctrl-C, a binary
// check that failed) kills it, and so does the process's exit.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { Transform, type TransformCallback } from 'node:stream';
import { termSafe } from '../render/sanitize.js';
import type { Unpacker, UnpackerName } from './unpackers.js';

/**
 * Output is passed on in pieces of up to this size: bzip2 writes ~4.5 KiB at a time, xz
 * ~10 KiB, and every piece costs the line splitter and the reader a round (a 100k-line
 * .bz2 read in 5,600 pieces took ~40 % more CPU than in 64 KiB ones, the plain file's size).
 */
const PIECE = 64 * 1024;

/** The most of the command's stderr kept: its first line, cut here. */
const STDERR_KEPT = 240;

const running = new Set<ChildProcessWithoutNullStreams>();
let exitHook = false;

/** Kills what is still running when the process (or this worker thread) exits: `process.exit` does not wait for streams. */
function killOnExit(child: ChildProcessWithoutNullStreams): void {
  running.add(child);
  if (exitHook) return;
  exitHook = true;
  process.once('exit', () => {
    for (const c of running) c.kill('SIGKILL');
  });
}

export class ChildUnpack extends Transform {
  /** Why the data ended early or is wrong (the command's words); null when it was whole. */
  problem: string | null = null;
  private readonly child: ChildProcessWithoutNullStreams;
  /** The command has exited (or could not start): no more input is taken. */
  private exited = false;
  /** Waits for the command's exit: the transform callback of a chunk the child's stdin has not drained, or _flush's. */
  private waiting: (() => void) | null = null;
  private stderr = '';
  private stoppedByUs = false;
  /** Output read but not passed on yet (less than PIECE; passed on at the latest in the next turn of the event loop). */
  private held: Buffer[] = [];
  private heldBytes = 0;
  private releasing = false;

  constructor(private readonly unpackedBy: Unpacker) {
    super();
    const child = (this.child = spawn(unpackedBy.command, [...unpackedBy.args], { stdio: ['pipe', 'pipe', 'pipe'] }));
    killOnExit(child);
    // EPIPE once the command has exited on bad data: its exit status says why.
    child.stdin.on('error', () => {});
    child.stdout.on('data', (out: Buffer) => {
      this.held.push(out);
      this.heldBytes += out.length;
      if (this.heldBytes >= PIECE) this.release();
      else if (!this.releasing) {
        // Reads that libuv makes in one go are joined; a slow command's output is not held back.
        this.releasing = true;
        setImmediate(() => {
          this.releasing = false;
          this.release();
        });
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (s: string) => {
      // Read to the end, so a chatty command never blocks on a full stderr; only the start is kept.
      if (this.stderr.length < STDERR_KEPT) this.stderr += s;
    });
    child.on('error', (err) => {
      // Could not start (the command removed or not executable since onPath said it was there).
      this.problem ??= err.message;
      this.done();
    });
    child.on('close', (code, signal) => {
      if (!this.stoppedByUs && (code !== 0 || signal !== null)) this.problem ??= this.why(code, signal);
      this.release();
      this.done();
    });
  }

  /** Which compression it unpacks. */
  get unpacker(): UnpackerName {
    return this.unpackedBy.name;
  }

  /** The command's process id (tests: it must not outlive the stream). */
  get pid(): number | undefined {
    return this.child.pid;
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    // After the command gave up, the rest of the input is passed over.
    if (this.exited || this.child.stdin.write(chunk)) {
      cb();
      return;
    }
    this.wait(this.child.stdin, 'drain', cb);
  }

  override _read(size: number): void {
    this.child.stdout.resume();
    super._read(size);
  }

  override _flush(cb: TransformCallback): void {
    if (this.exited) {
      cb();
      return;
    }
    this.child.stdin.end();
    // 'close' comes after the last of stdout went out, however long the reader took.
    this.waiting = () => cb();
  }

  override _destroy(err: Error | null, cb: (error?: Error | null) => void): void {
    if (!this.exited) {
      this.stoppedByUs = true;
      this.child.kill('SIGTERM');
      this.child.stdout.destroy();
    }
    cb(err);
  }

  /** Passes on the output held; pauses the command's stdout while this stream's reader is behind. */
  private release(): void {
    if (this.heldBytes === 0) return;
    const out = this.held.length === 1 ? this.held[0]! : Buffer.concat(this.held, this.heldBytes);
    this.held = [];
    this.heldBytes = 0;
    if (!this.push(out)) this.child.stdout.pause();
  }

  /** Calls `cb` on `event` of `emitter` or on the command's exit, whichever comes first. */
  private wait(emitter: NodeJS.EventEmitter, event: string, cb: () => void): void {
    const go = (): void => {
      emitter.off(event, go);
      this.waiting = null;
      cb();
    };
    emitter.on(event, go);
    this.waiting = go;
  }

  private done(): void {
    if (this.exited) return;
    this.exited = true;
    running.delete(this.child);
    const w = this.waiting;
    this.waiting = null;
    w?.();
  }

  /** The command's first line on stderr (bzip2 starts with an empty one), made safe to show and named by the command; or its exit status. */
  private why(code: number | null, signal: NodeJS.Signals | null): string {
    const first = this.stderr.split('\n').find((l) => l.trim() !== '') ?? '';
    // bzip2's first line ends in ';' (its message goes on below): a clause cut short, not a sentence.
    const line = termSafe(first.trim().replace(/[;:,]+$/, '')).slice(0, 200);
    const own = `${this.unpackedBy.command}:`;
    if (line !== '') return line.startsWith(own) ? line : `${own} ${line}`;
    return signal !== null ? `${own} killed by ${signal}` : `${own} exit status ${code}`;
  }
}
