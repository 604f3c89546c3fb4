// The files of one rotated log, told apart by name: `kern.log`, `kern.log.1`,
// `kern.log.2.gz`, `pfirewall.log.old`, `messages-20261101`, `messages-2026110114`, and
// with logrotate's `extension .log`, `fw.1.log`, `fw-20261206.log.gz` for `fw.log` (with
// `addextension .log`, the same names for the extensionless `fw`: rotationOf). Logs
// must be read oldest first (the annotator's readings and the year of syslog stamps follow
// time), and a shell's `ufw.log*` gives them newest first, with `.10.gz` before `.2.gz`.
import { basename, dirname, join } from 'node:path';

export interface RotationName {
  /** The live file's name: "kern.log" (of `fw.1.log`: "fw.log"; rotationOf can make it "fw"). */
  base: string;
  /** The extension after the number or stamp (`.log` of `fw.1.log`), else null. */
  ext: string | null;
  /** `old`: Windows Firewall's pfirewall.log.old, the one rotation it keeps. */
  kind: 'live' | 'numbered' | 'dated' | 'old';
  /** 0 the live file; higher is older (.N → N, .old → 1). Dated names come after every numbered one (newerFirst). */
  order: number;
  /**
   * A dated name's stamp, its digits only ("2026120614" of `-2026120614`): a later one is
   * newer, compared as text, as logrotate compares them (its `dateformat` must give stamps
   * that sort so: year, month, day, then hours). Null for any other name.
   */
  stamp: string | null;
  /** Named `.gz`; a `.bz2`, `.xz` or `.zst` suffix is told apart (not an `extension`) but not flagged. */
  gzip: boolean;
}

// logrotate's dateext stamps: its `dateformat` (default -%Y%m%d, hourly -%Y%m%d%H) starts
// with the separator, then the year, month and day, then at most %H%M%S, then more fields
// each after a separator (-%Y%m%d-%s, _%H:%M). Month and day must be ones, so that a
// numbered `.20261206` is not taken for a date, nor the other way round (no one keeps
// 20 million rotations). Each repeated group starts with a separator: no backtracking blowup.
const DATED = String.raw`[-_.]((?:19|20)\d\d[-_.]?(?:0[1-9]|1[0-2])[-_.]?(?:0[1-9]|[12]\d|3[01])(?:\d\d){0,3}(?:[-_.:]\d+)*)`;
// logrotate's `extension EXT`: a log named with EXT keeps it last, after the number or the
// stamp and before the compressor's `.gz` (its manual: mylog.foo → mylog.1.foo.gz; the code
// builds stem + dateformat + EXT + compressext alike). Only after a number or a stamp: on its
// own an extension is part of the name. It starts with a letter, so `.1` stays a number, and
// is never a compressor's (`.gz`, `.bz2`, `.xz`, `.zst`: input/unpackers.ts).
const PACKED_EXT = String.raw`\.(?:gz|bz2|xz|zst)`;
const EXT = String.raw`(?!${PACKED_EXT}$)\.[A-Za-z][A-Za-z0-9]{0,15}`;
// The lazy stem takes the shortest name the suffixes can follow: kern.log.2.gz → kern.log + .2 + .gz,
// fw.2.log.gz → fw + .2 + .log + .gz.
const ROTATION = new RegExp(String.raw`^(.+?)(?:(?:${DATED}|\.(\d+))(${EXT})?|\.(old))?(${PACKED_EXT})?$`);
// Names rotation tools other than logrotate give, which say nothing of order: `messages_1`
// (and `-1`), a hand-made `.bak`; with or without .gz. Beside them only the names above count
// as a log's rotations, not every file that starts with its name (`syslog.json`, `syslog-ng.conf`).
const UNORDERED = /^(?:[-_]\d+|\.bak)(?:\.gz)?$/;
/** A dated name's order: a log has one naming scheme; beside numbered ones (a scheme changed) the dated ones count as older. */
const DATED_ORDER = Number.MAX_SAFE_INTEGER;

export function rotationName(name: string): RotationName | null {
  const m = ROTATION.exec(name);
  if (!m) return null;
  const stamp = m[2] !== undefined ? m[2].replace(/\D/g, '') : null;
  const kind = stamp !== null ? 'dated' : m[3] !== undefined ? 'numbered' : m[5] !== undefined ? 'old' : 'live';
  const order = kind === 'dated' ? DATED_ORDER : kind === 'numbered' ? Number(m[3]) : kind === 'old' ? 1 : 0;
  return { base: m[1]! + (m[4] ?? ''), ext: m[4] ?? null, kind, order, stamp, gzip: m[6] === '.gz' };
}

/**
 * `name` as a file of the log `base` (the live file or a rotation of it), or null. logrotate's
 * `addextension .log` rotates `fw` to `fw.1.log`, `fw-20261206.log.gz`: the names its
 * `extension .log` gives `fw.log` (and `addextension` gives `fw.log` too). Such a name is the
 * extensionless log's only when no live file with the extension is `beside` it (the names in
 * its directory; unknown: none is).
 */
export function rotationOf(name: string, base: string, beside: ReadonlySet<string> = NONE): RotationName | null {
  const r = rotationName(name);
  if (r === null) return null;
  if (r.base === base) return r;
  return r.ext !== null && r.base === base + r.ext && !beside.has(r.base) ? { ...r, base } : null;
}

const NONE: ReadonlySet<string> = new Set();

/**
 * The plain name of rotation `n` in the scheme of the numbered rotation `name`:
 * (`kern.log.3.gz`, 2) → `kern.log.2`, (`fw.3.log.gz`, 2) → `fw.2.log`; null when `name` is not numbered.
 */
export function renumbered(name: string, n: number): string | null {
  const m = ROTATION.exec(name);
  return m === null || m[3] === undefined ? null : `${m[1]!}.${n}${m[4] ?? ''}`;
}

/**
 * True when `name`, beside the log `base`, is a name rotation gives it: an ordered one
 * (`.N`, a stamp, either before an extension, `.old`) or one that gives no order (`_1`, `.bak`).
 * `beside`: the names in its directory (see rotationOf).
 */
export function rotationLike(name: string, base: string, beside?: ReadonlySet<string>): boolean {
  const r = rotationOf(name, base, beside);
  if (r !== null && r.kind !== 'live') return true;
  return name.startsWith(base) && UNORDERED.test(name.slice(base.length));
}

/** Sorts rotations of one log newest first: the live file, .1, .2 …, then dated names from the latest stamp back. */
export function newerFirst(a: RotationName, b: RotationName): number {
  if (a.stamp !== null && b.stamp !== null) return a.stamp < b.stamp ? 1 : a.stamp > b.stamp ? -1 : 0;
  return a.order - b.order;
}

/**
 * The inputs in reading order: the rotations of one log, when more than one is given,
 * oldest first, where the first of them stood; everything else where it was.
 */
export function oldestFirst(files: readonly string[]): string[] {
  const keys = familyKeys(files);
  const named = files.map((path, i) => {
    const r = path === '-' ? null : rotationName(basename(path));
    return { path, key: keys[i]!, name: r ?? { base: path, ext: null, kind: 'live' as const, order: 0, stamp: null, gzip: false } };
  });
  const families = new Map<string, typeof named>();
  for (const f of named) {
    if (f.key === null) continue;
    const members = families.get(f.key);
    if (members === undefined) families.set(f.key, [f]);
    else members.push(f);
  }
  const out: string[] = [];
  for (const f of named) {
    const members = f.key === null ? undefined : families.get(f.key);
    if (members === undefined) out.push(f.path);
    else if (members.length > 0) {
      // The whole family goes where its first member stood; later members are already placed.
      out.push(...members.sort((a, b) => newerFirst(b.name, a.name)).map((m) => m.path));
      members.length = 0;
    }
  }
  return out;
}

/**
 * The log each input is a file of (its directory and live name: "/var/log/kern.log"); null
 * for stdin. A rotation with an extension (`fw.1.log`) is the extensionless log's (`fw`,
 * logrotate's `addextension`) when that one is given and the one with the extension is not.
 */
export function familyKeys(files: readonly string[]): (string | null)[] {
  const live = new Set<string>();
  const names = files.map((path) => {
    const r = path === '-' ? null : rotationName(basename(path));
    if (r !== null && r.kind === 'live') live.add(join(dirname(path), r.base));
    return r;
  });
  return files.map((path, i) => {
    const r = names[i];
    if (r === null || r === undefined) return null;
    const key = join(dirname(path), r.base);
    if (r.ext === null || live.has(key)) return key;
    const bare = key.slice(0, -r.ext.length);
    return live.has(bare) ? bare : key;
  });
}
