// `follow --state FILE`: where each followed file was read up to, so a restart
// resumes without losing or repeating a line. One entry per file object (dev+ino)
// still being read for a path, oldest first: right after a rotation both the old
// file (now `kern.log.1`) and the new one can have unread lines.
//
// Written atomically (temp file + rename, so a crash leaves the old or the new
// state, never half of one), at most every `intervalMs` and on exit. Between two
// saves a crash (SIGKILL, power loss) repeats at most those lines on restart:
// at-least-once, like Filebeat's registry.
import { readFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { removeStaleTemps, writeFileAtomic } from '../util/atomic-write.js';
import { writeProblem, type WriteProblem } from '../util/write-error.js';
import { fsProblem, type InputProblem } from './problem.js';
import { en } from '../i18n/en.js';

export const STATE_VERSION = 1;

export interface FileState {
  /** The followed path (absolute), not where the file lives now. */
  path: string;
  dev: string;
  ino: string;
  /** Byte offset just after the last complete line handed on. */
  offset: number;
  /** Lines handed on up to `offset` (line numbers continue from here). */
  line: number;
  /** sha1 of the first `hashLen` bytes (the first line(s), ≤ 1 KiB); null while empty. */
  firstLineHash: string | null;
  hashLen: number;
  /** ISO time of the last change. */
  updated: string;
}

interface StateDoc {
  version: number;
  files: FileState[];
}

/** Why a state file cannot be used; the words are in the catalog (i18n, usage.stateProblem). */
export type StateProblem =
  | { code: 'unreadable'; problem: InputProblem }
  | { code: 'unsaved'; problem: WriteProblem }
  | { code: 'not-json' }
  | { code: 'not-object' }
  /** `version`: what the file says, as text ("undefined" when it says none). */
  | { code: 'version'; version: string }
  /** `entry`: the entry as JSON, cut at 120 characters. */
  | { code: 'bad-entry'; entry: string };

/** `file`: as given at load, absolute for a save's failure; its message is English ("FILE: cannot …"). */
export class StateError extends Error {
  override name = 'StateError';
  constructor(
    readonly file: string,
    readonly problem: StateProblem,
  ) {
    super(en.usage.stateLater(file, problem));
  }
}

export class FollowState {
  private byPath = new Map<string, FileState[]>();
  private dirty = false;
  private timer: NodeJS.Timeout | null = null;
  private saving: Promise<void> = Promise.resolve();
  /** Where a failed background save is reported (the timer has no caller to throw to). */
  onError: (err: Error) => void = () => {};

  private constructor(
    readonly file: string,
    private readonly intervalMs: number,
  ) {}

  /** Loads FILE if it exists; a missing file is an empty state, an unreadable or invalid one an error. */
  static async load(file: string, intervalMs = 5000): Promise<FollowState> {
    const s = new FollowState(resolve(file), intervalMs);
    // A save killed between its temp file and the rename left that file: it would stay forever.
    const name = basename(s.file);
    await removeStaleTemps(dirname(s.file), (n) => n === name);
    let text: string;
    try {
      text = await readFile(s.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw new StateError(file, { code: 'unreadable', problem: fsProblem(err) });
      // None yet: write the empty state now, so a path that can never be saved (no such
      // directory, a read-only disk) is said at the start, not every few seconds for days.
      s.dirty = true;
      await s.save();
      return s;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new StateError(file, { code: 'not-json' });
    }
    // Any JSON parses: `null`, a number or an array is no state file either.
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new StateError(file, { code: 'not-object' });
    }
    const doc = parsed as Partial<StateDoc>;
    if (doc.version !== STATE_VERSION || !Array.isArray(doc.files)) {
      throw new StateError(file, { code: 'version', version: String(doc.version) });
    }
    for (const f of doc.files as unknown[]) {
      if (!isFileState(f)) throw new StateError(file, { code: 'bad-entry', entry: JSON.stringify(f).slice(0, 120) });
      const list = s.byPath.get(f.path) ?? [];
      list.push(f);
      s.byPath.set(f.path, list);
    }
    return s;
  }

  /** Saved entries for an absolute path, oldest first. */
  get(path: string): readonly FileState[] {
    return this.byPath.get(path) ?? [];
  }

  has(path: string): boolean {
    return this.byPath.has(path);
  }

  /** Replaces what is known about a path; saved later (at most every intervalMs). */
  set(path: string, files: FileState[]): void {
    const old = this.byPath.get(path);
    if (old && sameStates(old, files)) return;
    this.byPath.set(path, files);
    this.dirty = true;
    this.timer ??= setTimeout(() => {
      this.timer = null;
      this.save().catch((err: Error) => this.onError(err));
    }, this.intervalMs);
    this.timer.unref();
  }

  /** Writes now if anything changed (exit, or the timer). */
  save(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (!this.dirty) return this.saving;
    this.dirty = false;
    const doc: StateDoc = { version: STATE_VERSION, files: [...this.byPath.values()].flat() };
    const text = JSON.stringify(doc, null, 1) + '\n';
    // Chained so two saves never race on the temp file; a failed one does not block the next.
    const next = this.saving.catch(() => {}).then(() => writeAtomic(this.file, text));
    this.saving = next;
    return next;
  }
}

async function writeAtomic(file: string, text: string): Promise<void> {
  try {
    // 0600: the state names every log file followed and how far it was read.
    await writeFileAtomic(file, text, 0o600);
  } catch (err) {
    throw new StateError(file, { code: 'unsaved', problem: writeProblem(err, file) });
  }
}

function sameStates(a: readonly FileState[], b: readonly FileState[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x.dev !== y.dev || x.ino !== y.ino || x.offset !== y.offset || x.line !== y.line || x.firstLineHash !== y.firstLineHash || x.hashLen !== y.hashLen) return false;
  }
  return true;
}

function isFileState(f: unknown): f is FileState {
  const o = f as Record<string, unknown>;
  return (
    typeof o === 'object' &&
    o !== null &&
    typeof o.path === 'string' &&
    typeof o.dev === 'string' &&
    typeof o.ino === 'string' &&
    Number.isSafeInteger(o.offset) &&
    (o.offset as number) >= 0 &&
    Number.isSafeInteger(o.line) &&
    (o.line as number) >= 0 &&
    (o.firstLineHash === null || typeof o.firstLineHash === 'string') &&
    Number.isSafeInteger(o.hashLen)
  );
}
