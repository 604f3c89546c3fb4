// A log writer for follow tests: appends numbered records at a steady rate and does
// to its file what logrotate and syslog daemons do, remembering for each record the
// line number it got in the file it was written to (what origin.line must say).
import { appendFileSync, copyFileSync, existsSync, readFileSync, renameSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { ndjson, startCli, tempDir } from './cli.js';
import { sleep } from './wait.js';

export { sleep };

export interface Written {
  seq: number;
  line: number;
}


/** An iptables record whose source port carries the sequence number (1..55000). */
export function iptablesLine(seq: number): string {
  return `Nov 20 06:25:01 gw kernel: [12345.678901] [UFW BLOCK] IN=eth0 OUT= MAC=00:11:22:33:44:55:66:77:88:99:aa:bb:08:00 SRC=203.0.113.7 DST=192.168.1.10 LEN=44 TOS=0x00 PREC=0x00 TTL=51 ID=${seq} PROTO=TCP SPT=${10000 + seq} DPT=6776 WINDOW=1024 RES=0x00 SYN URGP=0`;
}

/** What `follow -o ndjson` prints of a LogWriter's record: its sequence number rides in the source port. */
export interface FollowedEvent {
  src: { port: number };
  origin: { file: string; line: number };
}
export const followedEvents = (stdout: string): FollowedEvent[] => ndjson(stdout) as unknown as FollowedEvent[];
export const seqs = (evs: FollowedEvent[]): number[] => evs.map((e) => e.src.port - 10000);
/** For waitFor: stdout holds at least n lines. */
export const printed = (n: number) => (stdout: string) => stdout.split('\n').length - 1 >= n;
/** Each event's [sequence number, line number], to compare with what the writer wrote (LogWriter.seqLines). */
export const seqLines = (evs: FollowedEvent[]): [number, number][] => evs.map((e) => [e.src.port - 10000, e.origin.line]);

/**
 * An empty kern.log (or `name`) in a new directory, its writer, and `follow -o ndjson
 * --from-start --state` of it: `start()` runs it (again), continuing from the state file.
 */
export function followedWithState(env: Record<string, string>, name = 'kern.log') {
  const dir = tempDir();
  const path = join(dir, name);
  const state = join(dir, 'follow.state');
  writeFileSync(path, '');
  const w = new LogWriter(path);
  const args = ['follow', '-o', 'ndjson', '--from-start', '--state', state, path];
  const start = () => startCli(args, { env });
  return {
    path,
    state,
    w,
    start,
    /** The first run: `lines` written and printed, then stopped (its --state saved); the events it printed. */
    async firstRun(lines: number): Promise<FollowedEvent[]> {
      const cli = start();
      for (let i = 0; i < lines; i++) w.write();
      await cli.waitFor(printed(lines));
      await sleep(100);
      return followedEvents((await cli.stop()).stdout);
    },
    /** A restart from the --state: until `lines` are printed (or 5 s), `settleMs` more, then stopped. */
    async restart(lines: number, settleMs = 100) {
      const cli = start();
      await cli.waitFor(printed(lines), 5000).catch(() => {});
      await sleep(settleMs);
      return cli.stop();
    },
  };
}

/**
 * A first `followedWithState` run that reads 10 lines and stops; `lines(k)` writes k more
 * while it is stopped, `restart(n)` runs it again until n more events came (and a moment
 * longer, so a line read twice has time to show): `all` is every event of both runs.
 */
export async function stoppedAfter10(env: Record<string, string>, name?: string) {
  const { path, w, start } = followedWithState(env, name);
  const cli = start();
  for (let i = 0; i < 10; i++) w.write();
  await cli.waitFor(printed(10));
  await sleep(100);
  const first = followedEvents((await cli.stop()).stdout);
  const lines = (k: number): void => {
    for (let i = 0; i < k; i++) w.write();
  };
  const restart = async (n: number) => {
    const again = start();
    await again.waitFor(printed(n), 5000).catch(() => {});
    await sleep(300);
    const r = await again.stop();
    return { ...r, all: [...first, ...followedEvents(r.stdout)] };
  };
  return { path, w, lines, restart };
}

export class LogWriter {
  readonly written: Written[] = [];
  /** What was written, as seqLines gives events: in order, each once, with the line it got. */
  get seqLines(): [number, number][] {
    return this.written.map((x) => [x.seq, x.line]);
  }
  private seq = 0;
  /** Lines in the file now at `path`. */
  private lines = 0;
  private timer: NodeJS.Timeout | null = null;
  private paused = false;

  constructor(
    readonly path: string,
    private readonly format: (seq: number) => string = iptablesLine,
  ) {}

  /** Appends one record now. */
  write(): void {
    const seq = ++this.seq;
    appendFileSync(this.path, this.format(seq) + '\n');
    this.written.push({ seq, line: ++this.lines });
  }

  /** Appends `n` records now, in one write (megabytes of log in a moment). */
  writeMany(n: number): void {
    let text = '';
    for (let i = 0; i < n; i++) {
      const seq = ++this.seq;
      text += this.format(seq) + '\n';
      this.written.push({ seq, line: ++this.lines });
    }
    appendFileSync(this.path, text);
  }

  /** Writes `n` records per `everyMs` until stopped. */
  start(everyMs = 10, n = 1): void {
    this.timer = setInterval(() => {
      if (!this.paused) for (let i = 0; i < n; i++) this.write();
    }, everyMs);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** What logrotate does first: kern.log.1 -> kern.log.2 (-> … .9). */
  shift(): void {
    for (let i = 8; i >= 1; i--) {
      for (const ext of ['', '.gz']) if (existsSync(`${this.path}.${i}${ext}`)) renameSync(`${this.path}.${i}${ext}`, `${this.path}.${i + 1}${ext}`);
    }
  }

  /** logrotate `compress`: kern.log.N becomes kern.log.N.gz (gzip writes the new file, then removes the old one). */
  compress(n = 1): void {
    this.compressFile(`${this.path}.${n}`);
  }

  /** `compress` of a rotation under any name (dateext's kern.log-20261206): it becomes `from`.gz. */
  compressFile(from: string): void {
    writeFileSync(`${from}.gz`, gzipSync(readFileSync(from)));
    unlinkSync(from);
  }

  /** logrotate `create`: rename away, the next write creates a new file. */
  renameCreate(to?: string): void {
    if (!to) this.shift();
    renameSync(this.path, to ?? `${this.path}.1`);
    this.lines = 0;
  }

  /** logrotate `copytruncate`: copy (to `to`, else kern.log.1 after a shift), then truncate in place (nothing written in between). */
  copyTruncate(to?: string): void {
    if (!to) this.shift();
    copyFileSync(this.path, to ?? `${this.path}.1`);
    truncateSync(this.path, 0);
    this.lines = 0;
  }

  /** Delete, write nothing for `gapMs`, then carry on (the next write re-creates it). */
  async deleteRecreate(gapMs: number): Promise<void> {
    this.paused = true;
    unlinkSync(this.path);
    this.lines = 0;
    await sleep(gapMs);
    this.paused = false;
  }

  /** One record written in two halves `gapMs` apart. */
  async halfLine(gapMs: number): Promise<void> {
    this.paused = true;
    const finish = this.beginHalf();
    await sleep(gapMs);
    finish();
    this.paused = false;
  }

  /** Writes the first half of a record now; the function returned writes the rest. */
  beginHalf(): () => void {
    const seq = ++this.seq;
    const text = this.format(seq);
    const cut = Math.floor(text.length / 2);
    appendFileSync(this.path, text.slice(0, cut));
    return () => {
      appendFileSync(this.path, text.slice(cut) + '\n');
      this.written.push({ seq, line: ++this.lines });
    };
  }
}
