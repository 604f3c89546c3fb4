// Rotations missing from a log's numbering: `kern.log.2` gone while `kern.log.1` and
// `kern.log.3.gz` are there (deleted by hand, or a rotation that failed). The files read
// can then span a day and still lack part of it; only the numbers show the hole
// (docs/daily.md, "Which files are read"). Dateext names (`messages-20261122`) skip
// dates by design and tell nothing.
import { dirname, join } from 'node:path';
import { SLACK_MS } from './discover.js';

export interface MissingRotation {
  /** Where it would be, without `.gz`: "/var/log/kern.log.2". */
  path: string;
  /** The files on either side of the gap: "kern.log.1", "kern.log.3.gz". */
  newer: string;
  older: string;
  /** Bounds of its lines from mtimes (ms, slack included): after `from` (null when the older file is compressed, its mtime no bound) and before `to`. */
  from: number | null;
  to: number;
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
      this.first.set(neighbour(g, g.newer), Infinity);
      this.last.set(neighbour(g, g.older), -Infinity);
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
      const to = Math.min(g.to, (this.first.get(neighbour(g, g.newer)) ?? Infinity) + SLACK_MS);
      const lastOlder = (this.last.get(neighbour(g, g.older)) ?? -Infinity) - SLACK_MS;
      const from = g.from === null ? (lastOlder === -Infinity ? null : lastOlder) : Math.max(g.from, lastOlder);
      return to >= start && (from === null || from < end);
    });
  }
}

const neighbour = (g: MissingRotation, name: string): string => join(dirname(g.path), name);
