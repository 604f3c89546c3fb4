// The same records in two inputs: `logscan /var/log/kern.log /var/log/ufw.log` on Ubuntu
// (rsyslog writes every [UFW …] line to both), two copies of a pfirewall.log taken a day
// apart, `messages` beside `kern.log`. Every such packet would count twice, silently.
// Exact duplicate removal would have to remember every record of the earlier files; a
// fixed sample (about one record in 16, chosen by the record's own fields, so the same
// record is sampled in every file) is enough to say which files overlap and how much.
// Bounded: one table of 2^18 hashes, filled at most half.
import type { FirewallEvent } from '../event.js';
import { stringHash } from '../util/string-hash.js';

export interface RepeatedInput {
  /** The input whose records were also read from `other` (the one with fewer records sampled). */
  file: string;
  other: string;
  /** Share of `file`'s records that are also in `other` (0..1). */
  share: number;
}

const SAMPLE_MASK = 15;
const SLOTS = 1 << 18;
const MAX_FILL = SLOTS >>> 1;
const MAX_FILES = 255;
/** Below this many sampled hits (~64 records) an overlap is not said: retransmits and coincidences. */
const MIN_HITS = 4;
/** Said when at least this share of the smaller input's sampled records is in the other. */
const MIN_SHARE = 0.5;

export class RepeatedRecords {
  private readonly hashes = new Uint32Array(SLOTS);
  /** The input a stored hash came from, + 1 (0 = empty). */
  private readonly owners = new Uint8Array(SLOTS);
  private fill = 0;
  private readonly files: string[] = [];
  private readonly index = new Map<string, number>();
  private readonly sampled: number[] = [];
  /** `${a},${b}` (a < b, input numbers) -> sampled records of b found in a. */
  private readonly hits = new Map<string, number>();
  private last = '';
  private lastIndex = -1;

  see(e: FirewallEvent): void {
    const t = e.time === null ? 0 : Math.floor(e.time.getTime() / 1000);
    const sp = e.src.port ?? 0;
    const dp = e.dst.port ?? 0;
    // Cheap numbers first: 15 records in 16 stop here, in every file alike.
    if (((t + sp * 7 + dp * 13 + (e.len ?? 0) * 3) & SAMPLE_MASK) !== 0) return;
    const file = this.fileIndex(e.origin.file);
    if (file < 0) return;
    this.sampled[file]!++;
    // Unsigned, as the table holds it.
    const h = stringHash(`${t}|${e.src.ip}|${sp}|${e.dst.ip}|${dp}|${e.proto}|${e.len}|${e.action}|${e.ttl}`) >>> 0 || 1;
    let slot = h & (SLOTS - 1);
    for (;;) {
      const owner = this.owners[slot]!;
      if (owner === 0) {
        if (this.fill < MAX_FILL) {
          this.hashes[slot] = h;
          this.owners[slot] = file + 1;
          this.fill++;
        }
        return;
      }
      if (this.hashes[slot] === h) {
        // The same record twice in one file is a retransmit or a repeat, not an overlap.
        if (owner - 1 !== file) {
          const key = `${Math.min(owner - 1, file)},${Math.max(owner - 1, file)}`;
          this.hits.set(key, (this.hits.get(key) ?? 0) + 1);
        }
        return;
      }
      slot = (slot + 1) & (SLOTS - 1);
    }
  }

  /** The pairs of inputs that share most of the smaller one's records. */
  result(): RepeatedInput[] {
    const out: RepeatedInput[] = [];
    for (const [key, n] of this.hits) {
      if (n < MIN_HITS) continue;
      const [a, b] = key.split(',').map(Number) as [number, number];
      const [small, big] = this.sampled[a]! <= this.sampled[b]! ? [a, b] : [b, a];
      const share = Math.min(1, n / this.sampled[small]!);
      if (share >= MIN_SHARE) out.push({ file: this.files[small]!, other: this.files[big]!, share });
    }
    return out;
  }

  private fileIndex(file: string): number {
    if (file === this.last) return this.lastIndex;
    let i = this.index.get(file);
    if (i === undefined) {
      if (this.files.length >= MAX_FILES) return -1;
      i = this.files.length;
      this.files.push(file);
      this.sampled.push(0);
      this.index.set(file, i);
    }
    this.last = file;
    this.lastIndex = i;
    return i;
  }
}
