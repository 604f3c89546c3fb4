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
import { hasUndecodedBytes } from './open.js';
import { fsProblem } from './problem.js';
import { basename, dirname, join } from 'node:path';
import { fileId, fingerprint, locate, locateCopy, NO_FINGERPRINT, sameStart, siblings, unpackable, unreadableCopies, type Fingerprint, type LocatedFile, type Sibling, type UnreadableCopy } from './file-identity.js';
import { PackedCopy, type Packing } from './packed-copy.js';
import { unpackerNamed, type UnpackerName } from './unpackers.js';
import type { InputProblem } from './problem.js';
import { newerFirst, rotationOf, type RotationName } from './rotation-order.js';
import { Generation, headSample, readHead, scanExisting } from './follow-generation.js';
import type { FileState, FollowState } from './follow-state.js';
import type { Delivery, FollowConsumer, FollowNotice, GenerationReason, NoticeKind } from './follow-types.js';

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
/**
 * Rotations between the saved file and the file at the path that a restart reads (the
 * newest ones). A state this many rotations old is days or weeks behind: the older ones are
 * named on stderr instead of being replayed unannounced; `logscan FILE` reads them.
 */
export const MAX_BETWEEN = 3;

/** The times leftAloneLongAgo reads (BigIntStats has them). */
export interface FileTimes {
  ctimeMs: bigint | number;
  mtimeMs: bigint | number;
  birthtimeMs: bigint | number;
}

/**
 * On a restart, the newest rotation found needs no retire delay once read: nothing has
 * changed it (ctime, which a rename and every write move) for longer than the delay, so the
 * daemon that wrote to it was told to reopen long ago. Anything else that moved its ctime (a
 * chmod, a hard link, a file system that stamps more) only keeps the delay. The live file
 * (`live`, null when there is none) is created after the rename: one born within the delay
 * means a rename just now, on a file system whose rename leaves ctime alone; so does a time
 * ahead of the clock. A birth time of 0 is one the file system does not keep.
 */
export function leftAloneLongAgo(rotated: FileTimes, live: FileTimes | null, now: number, retireMs: number): boolean {
  const before = now - retireMs;
  const changed = Math.max(Number(rotated.ctimeMs), Number(rotated.mtimeMs));
  if (!(changed <= before)) return false;
  const born = live === null ? 0 : Number(live.birthtimeMs);
  return !(born > 0 && born > before);
}

export interface PathEnv {
  consumer: FollowConsumer;
  io: FollowIo;
  fromStart: boolean;
  retireMs: number;
  maxLineLength: number;
  /** --encoding's legacy encoding, null for UTF-8. */
  encoding: string | null;
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
        this.info({ code: 'overwritten', file: g.readingFrom });
        g.consumer.end();
        this.retired = this.retired.filter((r) => r !== g);
        await g.fh.close().catch(() => {});
        continue;
      }
      read += await this.drainCopy(g, now);
      // More than one slice left: the newer files wait (their lines must not come between
      // this one's), and it is not finished before its end.
      if (g.behind) break;
      const quiet = now - g.lastGrowth >= this.env.retireMs;
      // A copy never grows: finished once read to its end (a big rest takes more than one poll).
      if ((g.finishWhenDrained && !g.behind) || quiet || this.retired.length > MAX_RETIRED) await this.finish(g);
    }
    const cur = this.current;
    if (cur && !this.retiredBehind) {
      const same = await this.guard(() => cur.stillSameContent(), true);
      // Not restarted (an I/O error, said): reading on from the old offset would take the
      // new content for the rest of the old.
      if (same || (await this.truncated(cur))) read += await this.guard(() => this.current!.drain(this.env.buf, now), 0);
    }
    read += await this.checkPath();
    this.saveState();
    return read > 0;
  }

  /** A replaced file still has more than one slice to read: the newer files wait. */
  private get retiredBehind(): boolean {
    return this.retired.some((g) => g.behind);
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
          this.info({ code: 'removed' });
        } else if (!this.current) {
          if (!this.said.has('wait')) {
            const journal = await this.journalBeside();
            this.once('wait', 'info', { code: 'waiting', nonUtf8Name: hasUndecodedBytes(this.abs), ...(journal !== null ? { journal } : {}) });
          }
          // Whatever appears at the path from now on is new: read it from its first line.
          this.known = true;
        }
        return 0;
      }
      this.problem({ code: 'fs-retry', step: 'stat', problem: fsProblem(err) });
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
      this.info({ code: 'rotated' });
    } else if (this.resumed) {
      reason = 'rotated-while-stopped';
      this.info({ code: 'new-since-stop' });
    } else if (fresh) {
      reason = 'appeared';
      if (this.said.has('wait')) this.info({ code: 'appeared' });
    } else if (wasProblem) this.info({ code: 'readable-now' });
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
    if (!this.retiredBehind) read += await this.guard(() => this.current!.drain(this.env.buf, this.env.now()), 0);
    return read;
  }

  private async drainRetired(): Promise<number> {
    let read = 0;
    for (const g of this.retired) {
      read += await this.drainCopy(g, this.env.now());
      if (g.behind) break;
    }
    return read;
  }

  /**
   * One drain of a replaced file or a copy. A compressed copy found broken (cut or corrupt)
   * is said at once, before any newer file's lines: every line before the break was handed
   * on, so the last of them is the line named; it is not read again. Bytes after a gzip
   * copy's data are said once it was read to its end, as the report says them of a file.
   */
  private async drainCopy(g: Generation, now: number): Promise<number> {
    const read = await this.guard(() => g.drain(this.env.buf, now), 0);
    if (g.cut !== null && !g.cutSaid) {
      g.cutSaid = true;
      const { packing, why, io } = g.cut;
      const line = g.committedLine;
      if (io !== null) this.env.consumer.notice(this.name, { code: 'copy-read-error', file: g.readingFrom, line, problem: io, packed: true }, 'lost');
      else {
        const problem = packing === 'gzip' ? { code: 'gzip-cut' as const, line, why } : { code: 'unpack-cut' as const, name: packing, line, why };
        this.env.consumer.notice(this.name, { code: 'copy-cut', file: g.readingFrom, problem }, 'lost');
      }
    }
    // Said once every line before them was handed on: a copy under 1 KiB is unpacked to its
    // end by the comparison that found it, before any of its lines is read.
    const trailing = g.fh.trailingBytes ?? 0;
    if (trailing > 0 && !g.trailingSaid && !g.behind && g.cut === null) {
      g.trailingSaid = true;
      this.env.consumer.notice(this.name, { code: 'copy-trailing', file: g.readingFrom, problem: { code: 'gzip-trailing', bytes: trailing } }, 'lost');
    }
    return read;
  }

  /** Opens the path and fstats the handle; null (said, handle closed) when it cannot be read now. */
  private async openPath(): Promise<{ fh: FileHandle; st: BigIntStats } | null> {
    let fh: FileHandle;
    try {
      fh = await this.env.io.open(this.abs);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') this.problem({ code: 'fs-retry', step: 'open', problem: fsProblem(err) });
      return null;
    }
    try {
      const st = await fh.stat({ bigint: true });
      // The path can change between stat and open, and a directory opens for reading.
      if (st.isFile()) return { fh, st };
      this.notRegular(st);
    } catch (err) {
      this.problem({ code: 'fs-retry', step: 'read', problem: fsProblem(err) });
    }
    await fh.close().catch(() => {});
    return null;
  }

  private notRegular(st: BigIntStats): void {
    // A FIFO (a syslog daemon's pipe) never becomes a file; what follows it is standard input.
    if (st.isFIFO()) this.problem({ code: 'fifo', name: this.name });
    else this.problem({ code: st.isDirectory() ? 'directory' : 'not-regular' });
  }

  /** Everything starting to read a file needs from it (the reads that can fail), before the consumer hears of it. */
  private async prepare(fh: ReadHandle, st: BigIntStats, at: 'end' | { offset: number; line: number; fp: Fingerprint } | null): Promise<Start> {
    let offset = 0;
    let line = 0;
    let head: string[] = [];
    let fp: Fingerprint = (await fingerprint(fh)) ?? NO_FINGERPRINT;
    if (at === 'end') {
      const ex = await scanExisting(fh, Number(st.size), this.env.encoding);
      offset = ex.offset;
      line = ex.lines;
      head = ex.head;
    } else if (at) {
      offset = at.offset;
      line = at.line;
      fp = at.fp.hash !== null ? at.fp : fp;
      head = at.offset > 0 ? await readHead(fh, at.offset, this.env.encoding) : [];
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
    const listed = await siblings(this.abs, this.env.io);
    const failed: UnreadableCopy[] = [];
    const copy = await this.guard(() => locateCopy(this.abs, g.fp, g.committedOffset, this.env.io, listed, failed), null);
    if (copy) {
      // The copy holds what we had not read yet; continue it exactly where we were.
      const cg = new Generation(copy.fh, fileId(copy.st), copy.path, g.fp, { offset: g.committedOffset, line: g.committedLine }, g.consumer, this.env.now(), this.env);
      cg.continues(g);
      cg.finishWhenDrained = true;
      // Said first: a break in a compressed copy is said as it is met, after this.
      this.info({ code: 'copytruncated', copy: copy.path });
      // All of it now, before the truncated file's first line: one drain stops after DRAIN_SLICE.
      let read: number;
      do read = await this.drainCopy(cg, this.env.now());
      while (read > 0 && cg.behind && !this.env.halted());
      await this.finish(cg);
    } else {
      g.finishPartial();
      g.endLines();
      this.sayUnreadCopies(listed, g.committedLine, failed);
      this.info({ code: 'truncated' });
    }
    this.current = this.begin(g.fh, restart.st, restart.start, 'truncated');
    return true;
  }

  /** Restart with --state: finish saved files wherever rotation moved them, then the current one. */
  private async resume(saved: readonly FileState[]): Promise<void> {
    // Listed once: every saved entry and the rotations between are looked for in it.
    const listed = await siblings(this.abs, this.env.io);
    const plain = listed.filter((s) => s.packed === null).map((s) => s.path);
    /** The newest saved file, when rotation moved it (and when the state last saw it); null when it is at the path, or lost. */
    let newest: { loc: LocatedFile; updated: string } | null = null;
    const read: Fingerprint[] = [];
    const ids = new Set<string>();
    for (const s of saved) {
      newest = null;
      const fp = { hash: s.firstLineHash, len: s.hashLen };
      const id = `${s.dev}:${s.ino}`;
      // A read error in a rotated file with the saved inode is said as one in a copy (below),
      // not retried: the file at the path is read on. At the path itself it is retried.
      const failed: UnreadableCopy[] = [];
      let loc = await this.guard(() => locate([this.abs], id, fp, this.env.io), null);
      loc ??= await this.guard(() => locate(plain, id, fp, this.env.io, failed), null);
      // copytruncate while stopped: the inode at the path has new content; the copy has ours.
      loc ??= await this.guard(() => locateCopy(this.abs, fp, s.offset, this.env.io, listed, failed), null);
      if (!loc) {
        // Compressed by a command that is not installed, or unreadable: named, with the lines it may hold.
        if (!this.sayUnreadCopies(listed, s.line, failed)) this.problem({ code: 'position-lost', ino: s.ino, line: s.line });
        continue;
      }
      ids.add(fileId(loc.st));
      read.push(fp);
      const truncated = loc.path === this.abs && Number(loc.st.size) < s.offset;
      // Found but unreadable now (said): as an entry not found, what is at the path is then read as new.
      const start = await this.guard(() => this.prepare(loc.fh, loc.st, truncated ? null : { offset: s.offset, line: s.line, fp }), null);
      if (!start) {
        await loc.fh.close().catch(() => {});
        continue;
      }
      if (loc.path === this.abs) {
        if (truncated) this.info({ code: 'truncated-while-stopped' });
        this.current = this.begin(loc.fh, loc.st, start, truncated ? 'truncated' : 'resumed');
      } else {
        if (this.current) {
          // Saved order says this one is newer than the file now at the path: not expected; finish it anyway.
          this.retire(this.current);
        }
        this.info({ code: 'rotated-while-stopped', file: loc.path });
        const g = this.begin(loc.fh, loc.st, start, 'resumed', loc.path);
        // Compressed: nobody writes to it any more.
        g.finishWhenDrained = loc.fh.sealed === true;
        this.retire(g);
        newest = { loc, updated: s.updated };
      }
    }
    if (newest !== null) await this.readBetween(newest.loc, newest.updated, read, ids, listed);
    // Only the newest rotation can still be written to (a daemon writes to the file just
    // renamed away until its HUP); each older one was replaced by a newer file in turn, so
    // holding it open for the retire delay once it is read only keeps a handle.
    for (const g of this.retired.slice(0, -1)) g.finishWhenDrained = true;
    const last = this.retired.at(-1);
    if (last !== undefined && !last.finishWhenDrained) {
      // Times that cannot be read leave the delay as it is: it is what a file renamed while following gets.
      const rotated = await last.fh.stat({ bigint: true }).catch(() => null);
      const live = await this.env.io.stat(this.abs).catch(() => null);
      if (rotated !== null && leftAloneLongAgo(rotated, live, this.env.now(), this.env.retireMs)) last.finishWhenDrained = true;
    }
  }

  /**
   * Rotated more than once while stopped: the rotations newer than `saved` (where the
   * newest saved file is now) and older than the file at the path were never in the
   * state. Each is read from its start, oldest first, after the saved file's rest: at
   * most MAX_BETWEEN of them (the newest), the others said. A file under two names (a
   * `.1` and the `.1.gz` gzip is writing, a hard link) is read once: by its dev+ino, and by
   * its first KiB against every file already taken (`read`, `ids`: the saved ones).
   * Files written during the stop under names that give no order are said, not read.
   */
  private async readBetween(saved: LocatedFile, stopped: string, read: Fingerprint[], ids: Set<string>, listed: readonly Sibling[]): Promise<void> {
    const base = basename(this.abs);
    // `listed` holds only this log's files (siblings: a `fw.1.log` beside a live `fw.log` is
    // not `fw`'s), so an extension's name is taken as this log's here.
    const at = rotationOf(basename(saved.path), base);
    // Only the names logrotate gives (.N, dateext's stamps, each with or without .gz) say
    // which rotation is newer; .old is a scheme of one, never a rotation in between.
    const orders = (r: RotationName | null): r is RotationName => r !== null && (r.kind === 'numbered' || r.kind === 'dated');
    const between: { path: string; packed: Packing | null; r: RotationName }[] = [];
    const unordered: { path: string; packed: Packing | null }[] = [];
    for (const { path, packed } of listed) {
      const r = rotationOf(basename(path), base);
      if (!orders(at) || !orders(r)) unordered.push({ path, packed });
      // Only the newer ones: an older rotation was read before the saved file was.
      else if (newerFirst(r, at) < 0) between.push({ path, packed, r });
    }
    // Oldest first; of one rotation, the plain file before its .gz (gzip may still be writing it).
    between.sort((a, b) => newerFirst(b.r, a.r) || Number(a.packed !== null) - Number(b.packed !== null));
    unordered.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const here = await this.env.io.stat(this.abs).catch(() => null);
    if (here) ids.add(fileId(here));
    // Every rotation since was written after the saved file's last read (`updated`): a file
    // older than that is stale. A minute of slack for a rotation during the stop.
    const since = Date.parse(stopped) - 60_000;
    const after = Number.isNaN(since) ? -Infinity : since;
    const found: LocatedFile[] = [];
    for (const n of between) {
      const f = await this.openRotation(n.path, n.packed, after, read, ids);
      if (f) found.push(f);
    }
    // After the ordered ones: a copy or a link of a rotation read is not named.
    const unread: string[] = [];
    for (const n of unordered) {
      const f = await this.openRotation(n.path, n.packed, after, read, ids);
      if (!f) continue;
      unread.push(basename(f.path));
      await f.fh.close().catch(() => {});
    }
    const skipped = found.splice(0, Math.max(0, found.length - MAX_BETWEEN));
    for (const f of skipped) await f.fh.close().catch(() => {});
    if (found.length > 0) {
      const rotations = found.length + skipped.length + 1;
      this.info({ code: 'rotations-while-stopped', rotations, reading: found.map((f) => basename(f.path)), base });
    }
    if (skipped.length > 0) {
      this.info({ code: 'rotations-not-read', count: skipped.length, first: basename(skipped[0]!.path), last: basename(skipped.at(-1)!.path), max: MAX_BETWEEN, base });
    }
    if (unread.length > 0) {
      this.info({ code: 'unordered-not-read', files: unread });
    }
    for (const f of found) {
      const start = await this.guard(() => this.prepare(f.fh, f.st, null), null);
      if (!start) {
        await f.fh.close().catch(() => {});
        continue;
      }
      const g = this.begin(f.fh, f.st, start, 'rotated-while-stopped', f.path);
      g.finishWhenDrained = f.fh.sealed === true;
      this.retire(g);
    }
  }

  /**
   * Opens one rotation for readBetween; null (closed) when it is empty, a file already taken,
   * or last written before `since` (ms: a stale `kern.log.0` of another naming scheme).
   */
  private async openRotation(path: string, packed: Packing | null, since: number, read: Fingerprint[], ids: Set<string>): Promise<LocatedFile | null> {
    if (packed !== null && packed !== 'gzip' && !unpackable(packed)) {
      // Its lines cannot be read here: said, with the command that would read them.
      const st = await this.env.io.stat(path).catch(() => null);
      if (st !== null && Number(st.mtimeMs) >= since) this.env.consumer.notice(this.name, { code: 'rotation-unreadable', file: path, read: false, problem: missingCommand(packed) }, 'lost');
      return null;
    }
    let fh: ReadHandle;
    try {
      const raw = await this.env.io.open(path);
      fh = packed !== null ? new PackedCopy(raw, packed) : raw;
    } catch (err) {
      // ENOENT: gone meanwhile (moved on by a rotation running now: found under its new name, or not at all).
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') this.env.consumer.notice(this.name, { code: 'rotation-unreadable', file: path, read: false, problem: fsProblem(err) }, 'lost');
      return null;
    }
    let keep = false;
    try {
      const st = await fh.stat({ bigint: true });
      if (!st.isFile() || ids.has(fileId(st)) || Number(st.mtimeMs) < since) return null;
      const fp = await fingerprint(fh);
      if (fp === null || fp.hash === null) return null;
      for (const r of read) if (r.hash !== null && (await sameStart(fh, r))) return null;
      ids.add(fileId(st));
      read.push(fp);
      keep = true;
      return { path, fh, st };
    } catch (err) {
      // A .gz that is not gzip after all, or cut short before its first KiB: no rotation of this log.
      if (packed === null) this.env.consumer.notice(this.name, { code: 'rotation-unreadable', file: path, read: true, problem: fsProblem(err) }, 'lost');
      return null;
    } finally {
      if (!keep) await fh.close().catch(() => {});
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

  /**
   * The siblings that may hold the lines after `line` and were not read: those
   * compressed by a command that is missing, and those, plain or compressed, a read error
   * (`failed`, locate's and locateCopy's) kept from being
   * compared, said as a read error in a copy is said once it is found (copy-read-error).
   */
  private sayUnreadCopies(listed: readonly Sibling[], line: number, failed: readonly UnreadableCopy[] = []): boolean {
    const unread = unreadableCopies(listed);
    for (const c of unread) this.env.consumer.notice(this.name, { code: 'copy-unread', file: c.path, line, problem: missingCommand(c.unpacker) }, 'lost');
    // One notice a file: the one found by its inode fails again as a copy.
    const once = [...new Map(failed.map((c) => [c.path, c])).values()];
    for (const c of once) this.env.consumer.notice(this.name, { code: 'copy-read-error', file: c.path, line, problem: c.problem, packed: c.packed }, 'lost');
    return unread.length + once.length > 0;
  }

  private info(n: FollowNotice): void {
    this.env.consumer.notice(this.name, n, 'info');
  }

  /** A problem is said once until the path works again. */
  private problem(n: FollowNotice): void {
    this.once('problem', 'problem', n);
  }

  /** The systemd journal directory beside the path, if any: where the lines go when no syslog daemon writes the file. */
  private async journalBeside(): Promise<string | null> {
    const journal = join(dirname(this.abs), 'journal');
    try {
      return (await this.env.io.stat(journal)).isDirectory() ? journal : null;
    } catch {
      return null;
    }
  }

  private once(key: string, kind: NoticeKind, n: FollowNotice): void {
    if (this.said.has(key)) return;
    this.said.add(key);
    this.env.consumer.notice(this.name, n, kind);
  }

  /** I/O on a file that rotation just moved can fail (EIO, ESTALE on NFS): say so, keep following. */
  private async guard<T>(f: () => Promise<T>, fallback: T): Promise<T> {
    try {
      return await f();
    } catch (err) {
      this.problem({ code: 'fs-retry', step: 'read', problem: fsProblem(err) });
      return fallback;
    }
  }
}

/** A compression whose command is not installed, as the other commands say it. */
function missingCommand(name: UnpackerName): InputProblem {
  const u = unpackerNamed(name);
  return { code: 'unpacker-missing', name: u.name, command: u.command, package: u.package, cat: u.cat };
}
