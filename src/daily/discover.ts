// Where `logscan daily` finds logs when no FILE is given, and which of them can hold
// the days it needs. Nothing is opened here: the choice is made from names and mtimes.
//
// The rule (docs/daily.md): the files of one log (`kern.log`, `kern.log.1`,
// `kern.log.2.gz`, … or `messages-20260322`) are ordered newest first. A log file is
// only appended to, and rotation renames it without touching its mtime, so
//   - a file's mtime is an upper bound of its last line: mtime before the window's
//     start (minus SLACK) means it cannot hold the window;
//   - the next-older file's mtime is a lower bound of a file's first line (the older
//     one was closed when this one was started): when that is after the window's end
//     (plus SLACK), the file holds only later lines.
// A compressed file's mtime is not used as a lower bound: with logrotate's
// `delaycompress` a `.gz` gets the time it was compressed, one rotation after its
// last line, and would wrongly rule out its newer sibling.
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { newerFirst, renumbered, rotationOf, type RotationName } from '../input/rotation-order.js';
import { onPath, unpackerNamed, unpackerOfName, type Unpacker, type UnpackerName } from '../input/unpackers.js';
import type { MissingRotation } from './rotation-gaps.js';

/** Clock skew and syslog buffering: a line's stamp may be a little off its write time. */
export const SLACK_MS = 3_600_000;

export interface LogFamily {
  /** Base file name: "kern.log". */
  base: string;
  /** A subdirectory of the search directory its files are in (OPNsense's `filter/`), else none. */
  dir?: string;
  /** How a "no logs found" message names it, when `base*` would mislead. */
  shown?: string;
  /**
   * When this family is skipped because logs read before it already carry its lines
   * (Ubuntu writes UFW lines to kern.log and ufw.log; Debian kernel lines to kern.log and messages).
   *  - "kernel": skipped when an earlier family yielded any firewall event;
   *  - "ufw": skipped when an earlier family yielded `[UFW …]` events.
   */
  duplicateOf: 'kernel' | 'ufw' | null;
}

export interface SearchPlan {
  dir: string;
  families: LogFamily[];
}

/** Read order matters for the duplicate rule: the complete kernel log first. */
const UNIX_FAMILIES: readonly LogFamily[] = [
  { base: 'kern.log', duplicateOf: null },
  { base: 'messages', duplicateOf: 'kernel' },
  { base: 'ufw.log', duplicateOf: 'ufw' },
  { base: 'firewalld', duplicateOf: null },
  // pfSense: filterlog's own file, rotated by newsyslog (filter.log.0, filter.log.1.bz2 …; the
  // compression is a setting: bzip2, gzip, xz, zstd or none).
  { base: 'filter.log', duplicateOf: null },
  // OPNsense: one file per day, filter/filter_20261120.log (a dated rotation of filter.log
  // with logrotate's `extension .log` naming, so the same ordering and mtime rule apply).
  { base: 'filter.log', dir: 'filter', shown: 'filter/filter_*.log', duplicateOf: null },
];

/**
 * Compressions read through the system's command (input/unpackers.ts), by the suffix
 * newsyslog and logrotate give them: a rotation so compressed is read as a `.gz` is when
 * the command is installed, else named in the footer as skipped, not read as binary data.
 */
export type Packing = UnpackerName;

/** Is the command that unpacks `u` there to run (PATH)? A parameter for tests. */
export type Installed = (u: Unpacker) => boolean;
const ON_PATH: Installed = (u) => onPath(u.command);

/**
 * Windows Firewall: its default file, and the one per profile that Group Policy often
 * sets instead (each profile may log to its own file, so none repeats another's lines).
 * After the Unix ones: a Windows log must not count as "earlier kernel lines" for `messages`.
 */
const WINDOWS_FAMILIES: readonly LogFamily[] = ['pfirewall.log', 'domainfw.log', 'privatefw.log', 'publicfw.log'].map((base) => ({ base, duplicateOf: null }));

/**
 * Where to look: `--log-dir` (`logDir`) holds logs copied from anywhere, so every family
 * logscan knows is looked for there on any platform; else the usual places, /var/log on
 * Unix, the Windows Firewall log folder on Windows.
 */
export function defaultSearch(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, logDir: string | null = null): SearchPlan {
  if (logDir !== null) return { dir: logDir, families: [...UNIX_FAMILIES, ...WINDOWS_FAMILIES] };
  if (platform === 'win32') {
    const root = env.SystemRoot ?? env.windir ?? 'C:\\Windows';
    return { dir: `${root}\\System32\\LogFiles\\Firewall`, families: [...WINDOWS_FAMILIES] };
  }
  return { dir: '/var/log', families: [...UNIX_FAMILIES] };
}

export interface LogFile {
  path: string;
  name: string;
  mtime: number;
  size: number;
  /** gzip, bzip2, xz or zstd data: its mtime is when it was compressed, no bound on its lines. */
  compressed: boolean;
  /** 0 = the live file, higher = older. */
  age: number;
  /** The rotation's number: 0 the live file, N for `.N`, 1 for `.old`; null for dateext (`-YYYYMMDD`), whose dates skip by design. */
  number: number | null;
  /** Compressed by a command that is not installed (`filter.log.1.bz2` without bzip2): never read. */
  packed?: Packing;
}

/** Why a log file was passed over (docs/daily.md); the footer words it in the report's language. */
export type SkipReason =
  | { kind: 'empty' }
  /** Its mtime (ISO, minutes) is before the window starts. */
  | { kind: 'before-day'; lastWritten: string }
  /** The next-older file `older` was last written (ISO, minutes) after the window ended. */
  | { kind: 'later-lines'; older: string; olderWritten: string }
  /** Logs read before it (`earlier`) already carry its kernel or `[UFW …]` lines. */
  | { kind: 'duplicate'; lines: 'kernel' | 'ufw'; earlier: string }
  /** It may hold the window, but the command that unpacks it is not installed; `package` installs it. */
  | { kind: 'packed'; packing: Packing; package: string };

export interface SkippedFile {
  path: string;
  why: SkipReason;
}

export interface FamilySelection {
  family: LogFamily;
  /** Files to read, OLDEST first (stateful detectors and year inference want time order). */
  read: LogFile[];
  skipped: SkippedFile[];
  /** Rotations missing from the numbering, or there but packed, whose lines may fall in the window: what they held is not read. */
  missing: MissingRotation[];
  /** An older file was ruled out as ending before the window: the files read reach back past its start. */
  reachesBack: boolean;
}

/**
 * The files of one family in a directory listing, newest first: the live file, then
 * `.N` / `.old` by number, then dateext names (`-YYYYMMDD`, hourly `-YYYYMMDDHH` …) by
 * their stamp; with logrotate's `addextension .log`, `firewalld.1.log` is `firewalld`'s.
 * Directories and names that only start like the base (`kern.log.bak`) are not part of it.
 */
export function familyFiles(dir: string, base: string, names: readonly string[], installed: Installed = ON_PATH): LogFile[] {
  const out: (LogFile & { rotation: RotationName })[] = [];
  const beside = new Set(names);
  for (const name of names) {
    // `.bz2` would otherwise pass for logrotate's `extension` after a number (fw.1.log).
    const u = unpackerOfName(name);
    const r = rotationOf(u === null ? name : name.slice(0, -u.suffix.length), base, beside);
    // Only rotations are compressed: a `filter.log.bz2` is someone's copy, not the log's.
    if (r === null || (u !== null && (r.gzip || r.kind === 'live'))) continue;
    const packed: Packing | undefined = u !== null && !installed(u) ? u.name : undefined;
    const path = join(dir, name);
    let st;
    try {
      st = statSync(path);
    } catch {
      continue;
    }
    if (!st.isFile()) continue;
    out.push({ path, name, mtime: st.mtimeMs, size: st.size, compressed: r.gzip || u !== null, age: 0, number: r.stamp === null ? r.order : null, rotation: r, ...(packed ? { packed } : {}) });
  }
  out.sort((a, b) => newerFirst(a.rotation, b.rotation) || b.mtime - a.mtime);
  return out.map(({ rotation: _rotation, ...f }, i) => ({ ...f, age: i }));
}

function iso(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16).replace('T', ' ') + 'Z';
}

/** Applies the mtime rule to one family's files (newest first) for the window [from, to). */
export function selectFiles(family: LogFamily, files: readonly LogFile[], from: number, to: number): FamilySelection {
  const read: LogFile[] = [];
  const skipped: SkippedFile[] = [];
  let reachesBack = false;
  // A file that may hold the window but cannot be read: the files read do not reach back past it.
  let unread = false;
  const packed: MissingRotation[] = [];
  for (let i = 0; i < files.length; i++) {
    const f = files[i];
    const older = files[i + 1];
    if (f.size === 0) {
      skipped.push({ path: f.path, why: { kind: 'empty' } });
    } else if (f.mtime < from - SLACK_MS) {
      skipped.push({ path: f.path, why: { kind: 'before-day', lastWritten: iso(f.mtime) } });
      reachesBack ||= !unread;
    } else if (older && !older.compressed && older.mtime > to + SLACK_MS) {
      skipped.push({ path: f.path, why: { kind: 'later-lines', older: older.name, olderWritten: iso(older.mtime) } });
    } else if (f.packed !== undefined) {
      skipped.push({ path: f.path, why: { kind: 'packed', packing: f.packed, package: unpackerNamed(f.packed).package } });
      unread = true;
      packed.push(packedGap(f, files[i - 1], older));
    } else {
      read.push(f);
    }
  }
  return { family, read: read.reverse(), skipped, missing: [...missingRotations(family.base, files, from, to), ...packed], reachesBack };
}

/**
 * An unread packed rotation is a hole as a missing number is (rotation-gaps.ts): its lines
 * come before its own mtime (compressed after its last line) and after its older
 * uncompressed neighbour's mtime.
 */
function packedGap(f: LogFile, newer: LogFile | undefined, older: LogFile | undefined): MissingRotation {
  const bound = older !== undefined && !older.compressed;
  return { path: f.path, newer: newer?.name ?? null, older: older?.name ?? null, from: bound ? older.mtime - SLACK_MS : null, to: f.mtime + SLACK_MS, packed: f.packed };
}

/**
 * The numbers absent between two files of a family (newest first) whose lines could
 * fall in [from, to): a missing file's lines come before its newer neighbour's mtime
 * and, by the mtime rule above, after its older uncompressed neighbour's.
 */
function missingRotations(base: string, files: readonly LogFile[], from: number, to: number): MissingRotation[] {
  const out: MissingRotation[] = [];
  for (let i = 0; i + 1 < files.length; i++) {
    const newer = files[i];
    const older = files[i + 1];
    if (newer.number === null || older.number === null || older.number - newer.number < 2) continue;
    const after = older.compressed ? null : older.mtime - SLACK_MS;
    const before = newer.mtime + SLACK_MS;
    if (before < from || (after !== null && after >= to)) continue;
    const dir = dirname(newer.path);
    // In the older file's scheme: kern.log.2, or fw.2.log with logrotate's `extension .log`.
    for (let n = newer.number + 1; n < older.number; n++) out.push({ path: join(dir, renumbered(older.name, n) ?? `${base}.${n}`), newer: newer.name, older: older.name, from: after, to: before });
  }
  return out;
}

/**
 * Lists `plan.dir` once (and each family's subdirectory once) and selects each family's
 * files for the window; throws what listing `plan.dir` threw (no such directory, permission
 * denied). A family's subdirectory that cannot be listed holds none of its files.
 */
export function discoverLogs(plan: SearchPlan, from: number, to: number, installed: Installed = ON_PATH): FamilySelection[] {
  const listed = new Map<string, string[]>([['', readdirSync(plan.dir)]]);
  const list = (sub: string): string[] => {
    let names = listed.get(sub);
    if (names === undefined) {
      try {
        names = readdirSync(join(plan.dir, sub));
      } catch {
        names = [];
      }
      listed.set(sub, names);
    }
    return names;
  };
  return plan.families.map((family) => {
    const sub = family.dir ?? '';
    return selectFiles(family, familyFiles(sub === '' ? plan.dir : join(plan.dir, sub), family.base, list(sub), installed), from, to);
  });
}

/** Why a family is not read because earlier logs already carry its lines, or null. */
export function duplicateReason(family: LogFamily, seen: { events: number; ufwEvents: number }, earlier: string): SkipReason | null {
  if (family.duplicateOf === 'kernel' && seen.events > 0) return { kind: 'duplicate', lines: 'kernel', earlier };
  if (family.duplicateOf === 'ufw' && seen.ufwEvents > 0) return { kind: 'duplicate', lines: 'ufw', earlier };
  return null;
}
