// Following one path through everything log rotation does to it. The path is a
// name; the follower holds file objects (open handles, identified by dev+inode):
//
//   rename + create     the old file keeps its handle and is read to its end (and
//                       until it stays quiet for retireMs: a daemon writes to it until
//                       HUPed), then the new file is read from 0
//   copytruncate        size < offset, or the first KiB changed: the rest of what we had
//                       not read is taken from the copy (a sibling with the same first
//                       KiB), then the truncated file is read from 0
//   delete (+ create)   the deleted file is read to its end through its handle; a file
//                       created later at the path is read from 0
//   missing at start    said once, then waited for; read from 0 when it appears
//   partial last line   held by the splitter until its '\n' arrives
//
// Every step is driven by tick(): the stat poll is the ground truth.
import type { BigIntStats } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import type { FollowIo, ReadHandle } from './follow-io.js';
import { describeFsError, notUtf8NameHint } from './open.js';
import { fileId, fingerprint, locate, locateCopy, NO_FINGERPRINT, rotatedSiblings, type Fingerprint } from './file-identity.js';
import { Generation, headSample, readHead, scanExisting } from './follow-generation.js';
import type { FileState, FollowState } from './follow-state.js';
import type { Delivery, FollowConsumer, GenerationReason } from './follow-types.js';

/** Where a file object starts being read, and what was read of it to know that. */
interface Start {
  offset: number;
  line: number;
  fp: Fingerprint;
  /** Its first lines when reading starts past them (for sniffing). */
  head: string[];
  /** Its first bytes when reading starts past them, to judge (text or not); null from 0. */
  sample: Uint8Array | null;
}

/** At most this many replaced files are kept open per path; beyond it the oldest is finished. */
const MAX_RETIRED = 4;

export interface PathEnv {
  consumer: FollowConsumer;
  io: FollowIo;
  fromStart: boolean;
  retireMs: number;
  maxLineLength: number;
  state: FollowState | null;
  /** One read buffer for all files: ticks run one at a time. */
  buf: Buffer;
  now(): number;
  /** How far the output of the lines handed on has gone (--state saves only delivered positions). */
  delivery: Delivery | null;
  /** Stop reading now (Follower.halt). */
  halted(): boolean;
}

export class PathFollower {
  private current: Generation | null = null;
  /** Replaced or deleted files still being finished, oldest first. */
  private retired: Generation[] = [];
  /**
   * Files read to their end whose output was not all taken yet, oldest first: --state
   * keeps them (a restart reads what was not delivered) until it is.
   */
  private finished: Generation[] = [];
  /** After close(): the files that were being read, for the last --state save. */
  private closedGens: Generation[] = [];
  /** The path has had a file we read (or read from --state); anything new there is read from 0. */
  private known = false;
  /** The current file is gone from the path (deleted or renamed); said once. */
  private detached = false;
  /** --state knew this path: a file at the path that matches no saved entry is new. */
  private resumed = false;
  private said = new Set<string>();

  constructor(
    /** As given: what origin.file says. */
    readonly name: string,
    readonly abs: string,
    private readonly env: PathEnv,
  ) {}

  /** Opens the file: resumes from --state when it knows this path, else at the end (or 0). */
  async init(): Promise<void> {
    const saved = this.env.state?.get(this.abs);
    if (this.env.state?.has(this.abs)) {
      this.known = true;
      this.resumed = true;
      await this.resume(saved ?? []);
    }
    await this.checkPath();
  }

  /** One poll: finish replaced files, read the current one, look at what is at the path now. True when busy. */
  async tick(): Promise<boolean> {
    const now = this.env.now();
    let read = 0;
    for (const g of [...this.retired]) {
      if (!(await this.guard(() => g.stillSameContent(), true))) {
        // Someone rewrote a rotated file in place (copied over it): what is there now is not ours to read.
        this.info(`${g.readingFrom} was overwritten while being finished; the lines it still held are not read`);
        g.consumer.end();
        this.retired = this.retired.filter((r) => r !== g);
        await g.fh.close().catch(() => {});
        continue;
      }
      read += await this.guard(() => g.drain(this.env.buf, now), 0);
      const quiet = now - g.lastGrowth >= this.env.retireMs;
      // A copy never grows: finished once read to its end (a big rest takes more than one poll).
      if ((g.finishWhenDrained && !g.behind) || quiet || this.retired.length > MAX_RETIRED) await this.finish(g);
    }
    const cur = this.current;
    if (cur) {
      const same = await this.guard(() => cur.stillSameContent(), true);
      // Not restarted (an I/O error, said): reading on from the old offset would take the
      // new content for the rest of the old.
      if (same || (await this.truncated(cur))) read += await this.guard(() => this.current!.drain(this.env.buf, now), 0);
    }
    read += await this.checkPath();
    this.saveState();
    return read > 0;
  }

  /** A file of this path was not read to its end by the last poll (a --from-start catch-up of more than one slice). */
  get behind(): boolean {
    return this.current?.behind === true || this.retired.some((g) => g.behind);
  }

  /** Final drain, then close every handle. Held partial lines stay unread (--state resumes before them). */
  async close(): Promise<void> {
    const gens = [...this.retired, ...(this.current ? [this.current] : [])];
    for (const g of gens) {
      g.endLines();
      await g.fh.close().catch(() => {});
    }
    this.retired = [];
    this.current = null;
    this.closedGens = gens;
  }

  // ---- what is at the path now ----

  private async checkPath(): Promise<number> {
    let st: BigIntStats;
    try {
      st = await this.env.io.stat(this.abs);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') {
        if (this.current && !this.detached) {
          this.detached = true;
          this.info('removed or renamed; reading the rest of it, then waiting for a new file');
        } else if (!this.current) {
          this.once('wait', 'info', `does not exist (yet); waiting for it${notUtf8NameHint(this.abs)}`);
          // Whatever appears at the path from now on is new: read it from its first line.
          this.known = true;
        }
        return 0;
      }
      this.problem(`cannot stat: ${describeFsError(err)}; will keep trying`);
      return 0;
    }
    if (!st.isFile()) {
      this.notRegular(st);
      return 0;
    }
    if (this.current && fileId(st) === this.current.id) {
      this.detached = false;
      this.resumed = false;
      return 0;
    }
    const opened = await this.openPath();
    if (!opened) return 0;
    const { fh, st: fst } = opened;
    const fresh = this.known;
    // Read before anything is said or changed: when it fails, all stays as it was (the
    // file being read is read on) and the next poll tries again.
    const start = await this.guard(() => this.prepare(fh, fst, this.env.fromStart || fresh ? null : 'end'), null);
    if (!start) {
      await fh.close().catch(() => {});
      return 0;
    }
    const old = this.current;
    if (old) this.retire(old);
    // Everything left in replaced files comes before the new file's first line.
    let read = await this.drainRetired();
    const wasProblem = this.said.has('problem');
    let reason: GenerationReason = 'start';
    if (old) {
      reason = 'rotated';
      this.info('rotated; reading the new file from its start');
    } else if (this.resumed) {
      reason = 'rotated-while-stopped';
      this.info('new since logscan stopped; reading it from its start');
    } else if (fresh) {
      reason = 'appeared';
      if (this.said.has('wait')) this.info('appeared; reading it');
    } else if (wasProblem) this.info('readable now');
    this.said.delete('wait');
    this.detached = false;
    this.known = true;
    this.resumed = false;
    try {
      this.current = this.begin(fh, fst, start, reason);
    } catch (err) {
      // Not I/O (the consumer threw: a bug): it ends the poll loop, but not with this handle open.
      await fh.close().catch(() => {});
      throw err;
    }
    read += await this.guard(() => this.current!.drain(this.env.buf, this.env.now()), 0);
    return read;
  }

  private async drainRetired(): Promise<number> {
    let read = 0;
    for (const g of this.retired) read += await this.guard(() => g.drain(this.env.buf, this.env.now()), 0);
    return read;
  }

  /** Opens the path and fstats the handle; null (said, handle closed) when it cannot be read now. */
  private async openPath(): Promise<{ fh: FileHandle; st: BigIntStats } | null> {
    let fh: FileHandle;
    try {
      fh = await this.env.io.open(this.abs);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') this.problem(`${describeFsError(err)}; will keep trying`);
      return null;
    }
    try {
      const st = await fh.stat({ bigint: true });
      // The path can change between stat and open, and a directory opens for reading.
      if (st.isFile()) return { fh, st };
      this.notRegular(st);
    } catch (err) {
      this.problem(`read error: ${describeFsError(err)}; will keep trying`);
    }
    await fh.close().catch(() => {});
    return null;
  }

  private notRegular(st: BigIntStats): void {
    // A FIFO (a syslog daemon's pipe) never becomes a file; what follows it is standard input.
    if (st.isFIFO()) this.problem(`is a FIFO, not a file that grows; follow it as standard input: logscan follow - < ${this.name}`);
    else this.problem(st.isDirectory() ? 'is a directory (follow the log files inside it)' : 'is not a regular file; will keep trying');
  }

  /** Everything starting to read a file needs from it (the reads that can fail), before the consumer hears of it. */
  private async prepare(fh: ReadHandle, st: BigIntStats, at: 'end' | { offset: number; line: number; fp: Fingerprint } | null): Promise<Start> {
    let offset = 0;
    let line = 0;
    let head: string[] = [];
    let fp: Fingerprint = (await fingerprint(fh)) ?? NO_FINGERPRINT;
    if (at === 'end') {
      const ex = await scanExisting(fh, Number(st.size));
      offset = ex.offset;
      line = ex.lines;
      head = ex.head;
    } else if (at) {
      offset = at.offset;
      line = at.line;
      fp = at.fp.hash !== null ? at.fp : fp;
      head = at.offset > 0 ? await readHead(fh, at.offset) : [];
    }
    return { offset, line, fp, head, sample: await headSample(fh, offset) };
  }

  /** A file object starts being read: no I/O, so nothing is half done. */
  private begin(fh: ReadHandle, st: BigIntStats, start: Start, reason: GenerationReason, readingFrom = this.abs): Generation {
    const consumer = this.env.consumer.open({
      name: this.name,
      readingFrom,
      id: fileId(st),
      reason,
      startOffset: start.offset,
      startLine: start.line,
      mtime: st.mtime,
      head: start.head,
    });
    // As the consumer's problems are, ours are cleared by reading a file again.
    this.said.delete('problem');
    const g = new Generation(fh, fileId(st), readingFrom, start.fp, start, consumer, this.env.now(), this.env);
    g.judgeHead(start.sample);
    return g;
  }

  // ---- rotation steps ----

  private retire(g: Generation): void {
    g.lastGrowth = this.env.now();
    this.retired.push(g);
    if (this.current === g) this.current = null;
  }

  private async finish(g: Generation): Promise<void> {
    g.finishPartial();
    g.endLines();
    this.retired = this.retired.filter((r) => r !== g);
    if (!g.delivered) this.finished.push(g);
    await g.fh.close().catch(() => {});
  }

  /**
   * copytruncate (or truncated and rewritten): finish the old content, then read the file
   * from 0. False when the file cannot be read now (said): `g` is left as it was, and the
   * next poll, finding it truncated still, tries again.
   */
  private async truncated(g: Generation): Promise<boolean> {
    const restart = await this.guard(async () => {
      const st = await g.fh.stat({ bigint: true });
      return { st, start: await this.prepare(g.fh, st, null) };
    }, null);
    if (!restart) return false;
    const copy = await this.guard(() => locateCopy(this.abs, g.fp, g.committedOffset, this.env.io), null);
    if (copy) {
      // The copy holds what we had not read yet; continue it exactly where we were.
      const cg = new Generation(copy.fh, fileId(copy.st), copy.path, g.fp, { offset: g.committedOffset, line: g.committedLine }, g.consumer, this.env.now(), this.env);
      cg.continues(g);
      cg.finishWhenDrained = true;
      // All of it now, before the truncated file's first line: one drain stops after DRAIN_SLICE.
      let read: number;
      do read = await this.guard(() => cg.drain(this.env.buf, this.env.now()), 0);
      while (read > 0 && cg.behind && !this.env.halted());
      await this.finish(cg);
      this.info(`truncated (copytruncate); finished the rest from ${copy.path}, reading the file from its start`);
    } else {
      g.finishPartial();
      g.endLines();
      this.info('truncated; reading it from its start (lines written just before the truncation may be missing)');
    }
    this.current = this.begin(g.fh, restart.st, restart.start, 'truncated');
    return true;
  }

  /** Restart with --state: finish saved files wherever rotation moved them, then the current one. */
  private async resume(saved: readonly FileState[]): Promise<void> {
    const candidates = [this.abs, ...(await rotatedSiblings(this.abs))];
    for (const s of saved) {
      const fp = { hash: s.firstLineHash, len: s.hashLen };
      let loc = await this.guard(() => locate(candidates, `${s.dev}:${s.ino}`, fp, this.env.io), null);
      // copytruncate while stopped: the inode at the path has new content; the copy has ours.
      loc ??= await this.guard(() => locateCopy(this.abs, fp, s.offset, this.env.io), null);
      if (!loc) {
        this.problem(`the file read last time (inode ${s.ino}, line ${s.line}) is no longer here or next to it; lines written to it after logscan stopped may be missing`);
        continue;
      }
      const truncated = loc.path === this.abs && Number(loc.st.size) < s.offset;
      // Found but unreadable now (said): as an entry not found, what is at the path is then read as new.
      const start = await this.guard(() => this.prepare(loc.fh, loc.st, truncated ? null : { offset: s.offset, line: s.line, fp }), null);
      if (!start) {
        await loc.fh.close().catch(() => {});
        continue;
      }
      if (loc.path === this.abs) {
        if (truncated) this.info('truncated while logscan was stopped; reading it from its start');
        this.current = this.begin(loc.fh, loc.st, start, truncated ? 'truncated' : 'resumed');
      } else {
        if (this.current) {
          // Saved order says this one is newer than the file now at the path: not expected; finish it anyway.
          this.retire(this.current);
        }
        this.info(`rotated while logscan was stopped; finishing ${loc.path} first`);
        const g = this.begin(loc.fh, loc.st, start, 'resumed', loc.path);
        // Compressed: nobody writes to it any more.
        g.finishWhenDrained = loc.fh.sealed === true;
        this.retire(g);
      }
    }
  }

  /** Tells --state where a restart resumes: each file object not yet delivered to its end, oldest first. */
  saveState(): void {
    const state = this.env.state;
    if (!state) return;
    const updated = new Date(this.env.now()).toISOString();
    this.finished = this.finished.filter((g) => !g.delivered);
    const gens = [...this.finished, ...this.retired, ...(this.current ? [this.current] : []), ...this.closedGens];
    state.set(
      this.abs,
      gens.map((g) => g.toState(this.abs, updated)),
    );
  }

  // ---- messages ----

  private info(msg: string): void {
    this.env.consumer.notice(this.name, msg, 'info');
  }

  /** A problem is said once until the path works again. */
  private problem(msg: string): void {
    this.once('problem', 'problem', msg);
  }

  private once(key: string, kind: 'info' | 'problem', msg: string): void {
    if (this.said.has(key)) return;
    this.said.add(key);
    this.env.consumer.notice(this.name, msg, kind);
  }

  /** I/O on a file that rotation just moved can fail (EIO, ESTALE on NFS): say so, keep following. */
  private async guard<T>(f: () => Promise<T>, fallback: T): Promise<T> {
    try {
      return await f();
    } catch (err) {
      this.problem(`read error: ${describeFsError(err)}; will keep trying`);
      return fallback;
    }
  }
}
