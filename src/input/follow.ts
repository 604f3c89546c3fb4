// `tail -F` for log analysis: follows files through rotation, truncation, deletion
// and late creation without losing or repeating a line (see follow-path.ts for each
// case, docs/follow.md for the why), and `-` as a live stream.
//
// One loop polls every path in turn (stat is the ground truth; fs.watch on the
// parent directories only wakes the loop early, since it misses renames on some
// filesystems and overflows under load). Memory is flat: one read buffer, one
// held partial line per file (capped), a few open handles per path.
import { legacyEncoding } from './encoding.js';
import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import type { FollowState } from './follow-state.js';
import type { Delivery, FollowConsumer, FollowOptions, GenerationConsumer } from './follow-types.js';
import { PathFollower } from './follow-path.js';
import { NODE_IO, type FollowIo } from './follow-io.js';
import { LineSplitter, MAX_LINE_LENGTH } from './lines.js';
import { BinaryGate, BinaryInputError } from './binary.js';
import { STDIN_NAME, inputName, stdinIsDirectory } from './open.js';
import { errnoCode } from './problem.js';

export type { Delivery, FollowConsumer, FollowNotice, FollowOptions, FollowedFile, GenerationConsumer, GenerationReason, NoticeKind } from './follow-types.js';

export const DEFAULT_POLL_MS = 250;
export const DEFAULT_RETIRE_MS = 10_000;
const READ_BUFFER = 64 * 1024;

export interface FollowerSetup extends FollowOptions {
  state?: FollowState | null;
  /** What `-` reads (default process.stdin). */
  stdin?: Readable;
  now?: () => number;
  /** How paths are stat'ed and opened (tests inject faults). */
  io?: FollowIo;
  /**
   * How far the output of the lines handed on has gone: --state then saves only positions
   * whose lines' output was taken. Default: a line handed on counts as delivered.
   */
  delivery?: Delivery | null;
}

export class Follower {
  private readonly paths: PathFollower[] = [];
  private readonly streams: StreamFollower[] = [];
  private readonly watchers: FSWatcher[] = [];
  private readonly pollMs: number;
  private readonly now: () => number;
  private stopping = false;
  /** halt(): no more reading, not even the last look of stop(). */
  private halted = false;
  private loop: Promise<void> | null = null;
  /** The poll loop ended on an error (see done). */
  private failed = false;
  private failLoop: (err: unknown) => void = () => {};
  private caughtUp: number | null = null;
  private wakeNow: (() => void) | null = null;
  private wokenEarly = false;
  /**
   * Resolves when no more input can come: every input was a stream and all of them ended.
   * Rejects when the poll loop failed on what is no file's fault (a bug: I/O errors are
   * said and retried by each path), so the command can end instead of following nothing.
   */
  readonly done: Promise<void>;

  constructor(
    inputs: readonly string[],
    consumer: FollowConsumer,
    private readonly setup: FollowerSetup = {},
  ) {
    this.pollMs = setup.pollMs ?? DEFAULT_POLL_MS;
    const now = (this.now = setup.now ?? Date.now);
    const env = {
      consumer,
      io: setup.io ?? NODE_IO,
      fromStart: setup.fromStart ?? false,
      retireMs: setup.retireMs ?? DEFAULT_RETIRE_MS,
      maxLineLength: setup.maxLineLength ?? MAX_LINE_LENGTH,
      encoding: legacyEncoding(setup.encoding),
      state: setup.state ?? null,
      buf: Buffer.allocUnsafe(READ_BUFFER),
      now,
      delivery: setup.delivery ?? null,
      halted: () => this.halted,
    };
    const seen = new Set<string>();
    for (const input of inputs) {
      if (input === '-') {
        if (!seen.has('-')) this.streams.push(new StreamFollower(STDIN_NAME, setup.stdin ?? process.stdin, consumer, env.maxLineLength, now, env.encoding));
        seen.add('-');
      } else {
        const abs = resolve(input);
        if (!seen.has(abs)) this.paths.push(new PathFollower(inputName(input), abs, env));
        seen.add(abs);
      }
    }
    const streamsDone = Promise.all(this.streams.map((s) => s.done)).then(() => undefined);
    const loopFailed = new Promise<never>((_resolve, reject) => (this.failLoop = reject));
    this.done = Promise.race([this.paths.length === 0 ? streamsDone : new Promise<void>(() => {}), loopFailed]);
    // A caller that never waits for done (it stays pending while files are followed) must not get an unhandled rejection.
    this.done.catch(() => {});
  }

  /**
   * When every file had been read to the end it had at start (`now()`), null before: the
   * start of following proper, after start-up and a --from-start catch-up.
   */
  get caughtUpAt(): number | null {
    return this.caughtUp;
  }

  /** Opens every input (resuming from --state) and starts polling. */
  async start(): Promise<void> {
    for (const p of this.paths) await p.init();
    for (const s of this.streams) s.start();
    if (this.setup.watch !== false) this.watchDirs();
    // Nothing else awaits the loop until stop(): a rejection here was unhandled and ended the process.
    this.loop = this.run().catch((err: unknown) => {
      this.failed = true;
      this.failLoop(err);
    });
  }

  /**
   * Stop reading at once: a read under way ends after the chunk it is in (also one of
   * start()), and stop() reads nothing more. For a stop that cannot wait for the output of
   * what would be read (its reader stopped reading): with --state those lines are read on
   * restart.
   */
  halt(): void {
    this.halted = true;
    this.stopping = true;
    this.wakeNow?.();
  }

  /**
   * Reads what has arrived (unless halted), closes everything and saves --state (unless
   * `saveState: false`: the caller saves once the output is settled, saveState()). Lines
   * not yet complete stay unread.
   */
  async stop(opts: { saveState?: boolean } = {}): Promise<void> {
    this.stopping = true;
    this.wakeNow?.();
    await this.loop;
    for (const w of this.watchers) w.close();
    for (const p of this.paths) {
      // After a failed loop a path can be half way through a step: closed as it is, not read on.
      if (!this.failed && !this.halted) await p.tick();
      await p.close();
    }
    for (const s of this.streams) s.stop();
    if (opts.saveState !== false) await this.saveState();
  }

  /** Saves --state now, with what has been delivered of each file so far. */
  async saveState(): Promise<void> {
    for (const p of this.paths) p.saveState();
    await this.setup.state?.save();
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      let busy = false;
      for (const p of this.paths) {
        if (this.stopping) break;
        busy = (await p.tick()) || busy;
      }
      // Not "nothing read": a file written to all the time has something at every poll.
      if (this.caughtUp === null && !this.paths.some((p) => p.behind)) this.caughtUp = this.now();
      if (!busy && !this.stopping) await this.sleep();
    }
  }

  private sleep(): Promise<void> {
    if (this.wokenEarly) {
      this.wokenEarly = false;
      return Promise.resolve();
    }
    return new Promise((resolveSleep) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wakeNow = null;
        resolveSleep();
      };
      const timer = setTimeout(done, this.pollMs);
      this.wakeNow = done;
    });
  }

  private wake(): void {
    if (this.wakeNow) this.wakeNow();
    else this.wokenEarly = true;
  }

  /** A hint only: a change in a followed file's directory polls at once instead of at the next tick. */
  private watchDirs(): void {
    const byDir = new Map<string, string[]>();
    for (const p of this.paths) {
      const list = byDir.get(dirname(p.abs)) ?? [];
      list.push(basename(p.abs));
      byDir.set(dirname(p.abs), list);
    }
    for (const [dir, bases] of byDir) {
      try {
        const w = watch(dir, { persistent: false }, (_type, file) => {
          const f = file === null ? null : String(file);
          if (f === null || bases.some((b) => f.startsWith(b))) this.wake();
        });
        // Watch failures (inotify limits, a removed directory) leave the poll to do the work.
        w.on('error', () => w.close());
        this.watchers.push(w);
      } catch {
        // no watch on this directory: polling alone
      }
    }
  }
}

/** `-`: a live stream, line numbers from 1, ends when the writer closes it. */
class StreamFollower {
  private splitter: LineSplitter | null = null;
  /**
   * Between the stream and the splitter: what the other commands read standard input through.
   * It waits for enough first bytes to tell a magic (a pipe may bring one byte first), unpacks
   * gzip in-process and bzip2, xz and zstd through the system's command, decodes UTF-16 with a
   * mark, and judges the text (unpacked or not) as a binary file is judged.
   */
  private gate: BinaryGate | null = null;
  private gc: GenerationConsumer | null = null;
  private resolveDone: () => void = () => {};
  readonly done = new Promise<void>((r) => (this.resolveDone = r));

  constructor(
    private readonly name: string,
    private readonly stream: Readable,
    private readonly consumer: FollowConsumer,
    private readonly maxLineLength: number,
    private readonly now: () => number,
    private readonly encoding: string | null = null,
  ) {}

  start(): void {
    const gc = this.consumer.open({ name: this.name, readingFrom: this.name, id: '', reason: 'stream', startOffset: 0, startLine: 0, mtime: new Date(this.now()), head: [] });
    this.gc = gc;
    const gate = new BinaryGate(this.encoding);
    let invalidSaid = 0;
    const splitter = new LineSplitter(
      {
        line: (t, n) => gc.line(t, n),
        overlong: (n, len, limit) => gc.overlong(n, len, limit),
        // Each chunk from a pipe is what the writer wrote just now: decide and flush.
        afterChunk: () => {
          if (gate.asUtf8 && splitter.invalidLines > invalidSaid) {
            gc.invalidUtf8?.(splitter.invalidLines - invalidSaid);
            invalidSaid = splitter.invalidLines;
          }
          gc.idle?.();
          return gc.afterChunk?.();
        },
        // Packed data that broke off cut its last line: dropped, as the other commands drop it.
        endedEarly: () => (gate.gzipProblem ?? gate.unpackProblem) !== null,
      },
      this.maxLineLength,
    );
    this.splitter = splitter;
    const end = (): void => {
      if (!this.gc) return;
      this.gc = null;
      gc.end();
      this.resolveDone();
    };
    // `follow - < /var/log`: Node reads a directory as an empty stream, which would end
    // the run at once as if a log had been followed; said as for a directory by name.
    if (this.stream === process.stdin && stdinIsDirectory()) {
      this.consumer.notice(this.name, { code: 'directory' }, 'problem');
      end();
      return;
    }
    this.gate = gate;
    gate.once('data', () => {
      const order = gate.utf16;
      if (order !== null) gc.decoded?.(order === 'le' ? 'UTF-16LE' : 'UTF-16BE');
      const legacy = gate.legacyEncoding;
      if (legacy !== null) gc.decodedFrom?.(legacy);
    });
    gate.once('error', (err) => {
      if (err instanceof BinaryInputError) gc.notText?.(err.problem);
      // GunzipMembers fails only on a first header that is not gzip's (1f 8b and then no
      // deflate): nothing was unpacked.
      else if (gate.gzip) this.consumer.notice(this.name, { code: 'gzip-bad-header', why: err.message }, 'problem');
      else this.consumer.notice(this.name, { code: 'stream-error', message: err.message, errno: errnoCode(err) }, 'problem');
      this.stream.unpipe(gate);
      this.stream.resume(); // drained unread, so the writer is not blocked
      end();
    });
    splitter.once('finish', () => {
      // Said once every line before the break was handed on, naming the last of them as the other commands do.
      // Junk after the gzip data may be a member with a broken header: said (exit 3) as the report says it of a file or stdin.
      if (gate.trailingBytes > 0) this.consumer.notice(this.name, { code: 'gzip-trailing', bytes: gate.trailingBytes }, 'problem');
      const broke = gate.gzipProblem;
      if (broke !== null) this.consumer.notice(this.name, { code: 'gzip-broke-off', why: broke }, 'problem');
      const cut = gate.unpackProblem;
      if (cut !== null) this.consumer.notice(this.name, { code: 'unpack-cut', problem: { code: 'unpack-cut', name: gate.unpacker!, line: splitter.lines, why: cut } }, 'problem');
      end();
    });
    splitter.once('error', (err) => {
      this.consumer.notice(this.name, { code: 'stream-error', message: err.message, errno: errnoCode(err) }, 'problem');
      end();
    });
    this.stream.once('error', (err) => {
      this.consumer.notice(this.name, { code: 'stream-error', message: err.message, errno: errnoCode(err) }, 'problem');
      end();
    });
    this.stream.pipe(gate).pipe(splitter);
  }

  stop(): void {
    if (!this.splitter || !this.gc) return;
    this.stream.unpipe();
    this.gate?.unpipe(this.splitter);
    // The command is ended with the reading: follow stopped (Ctrl-C, SIGTERM) leaves no child behind.
    this.gate?.destroy();
    const gc = this.gc;
    this.gc = null;
    gc.end();
    this.resolveDone();
  }
}
