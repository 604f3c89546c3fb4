// Rotations missing from a log's numbering: `kern.log.2` gone while `kern.log.1` and
// `kern.log.3.gz` are there (deleted by hand, or a rotation that failed). The files read
// can then span a day and still lack part of it; only the numbers show the hole
// (docs/daily.md, "Which files are read"). Dateext names (`messages-20261122`) skip
// dates by design and tell nothing. A rotation that is there but cannot be read (a
// `.bz2` without the bzip2 command, discover.ts `packed`) leaves the same hole, bounded the same way.
import { dirname, join } from 'node:path';
import { SLACK_MS, type Packing } from './discover.js';
import type { Span } from './coverage.js';

export interface MissingRotation {
  /** Where it would be, without `.gz`: "/var/log/kern.log.2". */
  path: string;
  /** The files on either side of the gap: "kern.log.1", "kern.log.3.gz"; null where the family has none (an unread oldest or newest file). */
  newer: string | null;
  older: string | null;
  /** Bounds of its lines from mtimes (ms, slack included): after `from` (null when the older file is compressed, its mtime no bound) and before `to`. */
  from: number | null;
  to: number;
  /** The file is there, at `path`, but the command that unpacks it is not installed. */
  packed?: Packing;
}

/**
 * Narrows where missing rotations' lines can lie with the records read from their
 * neighbours: before the newer file's first record, after the older file's last. An
 * mtime alone is loose (the newer file's is a day after the gap), and would blame the
 * hole for a day it cannot touch.
 */
export class RotationGaps {
  private readonly first = new Map<string, number>();
  private readonly last = new Map<string, number>();

  /** `watch`: the gaps whose neighbours will be read. */
  constructor(watch: readonly MissingRotation[]) {
    for (const g of watch) {
      if (g.newer !== null) this.first.set(neighbour(g, g.newer), Infinity);
      if (g.older !== null) this.last.set(neighbour(g, g.older), -Infinity);
    }
  }

  /** A record read from `file` at `time` (ms); a Map miss for files beside no gap. */
  see(file: string, time: number): void {
    const f = this.first.get(file);
    if (f !== undefined && time < f) this.first.set(file, time);
    const l = this.last.get(file);
    if (l !== undefined && time > l) this.last.set(file, time);
  }

  /** Those of `gaps` whose lines may fall in [start, end). */
  within(gaps: readonly MissingRotation[], start: number, end: number): MissingRotation[] {
    return gaps.filter((g) => {
      const to = Math.min(g.to, this.firstNewer(g) + SLACK_MS);
      const lastOlder = this.lastOlder(g) - SLACK_MS;
      const from = g.from === null ? (lastOlder === -Infinity ? null : lastOlder) : Math.max(g.from, lastOlder);
      return to >= start && (from === null || from < end);
    });
  }

  /**
   * Where a gap's lines lie, for saying which part of a day is covered: after the older
   * neighbour's last record read (else its mtime bound; -Infinity when nothing bounds it),
   * before the newer one's first. Records bound it exactly: a day read up to 09:12 is
   * covered up to 09:12, though `within` allows the slack around it.
   */
  hole(g: MissingRotation): Span {
    return { from: Math.max(g.from ?? -Infinity, this.lastOlder(g)), to: Math.min(g.to, this.firstNewer(g)) };
  }

  private firstNewer(g: MissingRotation): number {
    return g.newer === null ? Infinity : (this.first.get(neighbour(g, g.newer)) ?? Infinity);
  }

  private lastOlder(g: MissingRotation): number {
    return g.older === null ? -Infinity : (this.last.get(neighbour(g, g.older)) ?? -Infinity);
  }
}

const neighbour = (g: MissingRotation, name: string): string => join(dirname(g.path), name);
