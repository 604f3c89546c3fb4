// The files of one rotated log, told apart by name: `kern.log`, `kern.log.1`,
// `kern.log.2.gz`, `pfirewall.log.old`, `messages-20261101`. Logs must be read oldest
// first (the annotator's readings and the year of syslog stamps follow time), and a
// shell's `ufw.log*` gives them newest first, with `.10.gz` before `.2.gz`.
import { basename, dirname, join } from 'node:path';

export interface RotationName {
  /** The live file's name: "kern.log". */
  base: string;
  /** 0 the live file; higher is older (.N → N, .old → 1, -YYYYMMDD after every numbered one, newer dates first). */
  order: number;
  gzip: boolean;
}

// The lazy base takes the shortest name the suffixes can follow: kern.log.2.gz → kern.log + .2 + .gz.
const ROTATION = /^(.+?)(?:\.(\d+)|\.(old)|-(\d{8}))?(\.gz)?$/;

export function rotationName(name: string): RotationName | null {
  const m = ROTATION.exec(name);
  if (!m) return null;
  const order = m[2] !== undefined ? Number(m[2]) : m[3] !== undefined ? 1 : m[4] !== undefined ? 2e9 - Number(m[4]) : 0;
  return { base: m[1], order, gzip: m[5] !== undefined };
}

/**
 * The inputs in reading order: the rotations of one log, when more than one is given,
 * oldest first, where the first of them stood; everything else where it was.
 */
export function oldestFirst(files: readonly string[]): string[] {
  const named = files.map((path) => {
    const r = path === '-' ? null : rotationName(basename(path));
    return { path, key: rotationFamily(path), order: r?.order ?? 0 };
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
      out.push(...members.sort((a, b) => b.order - a.order).map((m) => m.path));
      members.length = 0;
    }
  }
  return out;
}

/** The log an input is a rotation of (its directory and base name: "/var/log/kern.log"); null for stdin. */
export function rotationFamily(path: string): string | null {
  const r = path === '-' ? null : rotationName(basename(path));
  return r === null ? null : join(dirname(path), r.base);
}
