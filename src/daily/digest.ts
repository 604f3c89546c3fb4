// `--state DIR`: one small JSON digest per day (DIR/YYYY-MM-DD.json), so tomorrow's
// summary can compare against today after the logs rotated away. Written atomically;
// a digest that cannot be read or fails validation is reported and treated as absent, one
// that cannot be written is said with the day's summary, which still comes.
import { mkdirSync, accessSync, constants, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { dirProblem } from '../input/open.js';
import { fsProblem, type InputProblem } from '../input/problem.js';
import { removeStaleTemps, writeFileAtomic } from '../util/atomic-write.js';
import { writeProblem, type WriteProblem } from '../util/write-error.js';
import type { Thresholds } from '../aggregate/thresholds.js';
import type { IgnoreList } from '../enrich/ignore.js';
import type { Span } from './coverage.js';

/**
 * 8: a digest of a day the logs hold only part of records that part (`covered`), so a
 * comparison with it can say which hours its figures come from, and a later run that
 * holds less of the day does not replace it (keep.ts). Counted as version 7 counts.
 * 7: a Cisco ASA's Built and Teardown records are connection records, a Teardown never a
 * probe (as a Windows CLOSE row); `formats` names the formats of the day's records. A
 * version 6 or older digest may have counted them as packets and the Teardowns as probes
 * (countedOtherwise). 6: the late packets of a source found scanning (an ACK scan's first bare ACKs, read as
 * late before the scan showed) are counted among the probes, their sender among the
 * sources and their ports among the ports, as the report counts them; version 5 counted
 * them as `late`. 5: connection records (Windows Firewall ALLOW, OPEN, CLOSE; Cisco ASA Built, Teardown) are counted apart from the
 * packets they are among (`connections`, and of `probes`, `own` and `late`,
 * `probeConnections`, `ownConnections` and `lateConnections`). 4: late packets of connections already under way (`late`: ACK or RST, no SYN) are
 * counted apart from the probes. 3: LAN broadcast chatter (`noise`) is counted apart from
 * the probes. 2: totals count probes and this side's own traffic apart, and `sources`
 * holds only probing sources. Versions 1 to 7 are still read: see previousFromDigest for
 * what is compared then.
 */
export const DIGEST_VERSION = 8;
const READABLE_VERSIONS: readonly unknown[] = [1, 2, 3, 4, 5, 6, 7, DIGEST_VERSION];

/**
 * The formats whose records an older digest counted otherwise than this version does, with
 * the first version that counts them as now: the Cisco ASA's Built and Teardown records
 * became connection records (a Teardown no probe) in version 7. A format whose counting
 * changes again gets the version that changed it here, and words in the catalog
 * (daily.countedOtherwise).
 */
export const COUNTED_SO_SINCE: Readonly<Record<string, number>> = { 'cisco-asa': 7 };

/**
 * The formats of `d`'s day whose records it counted otherwise than this version
 * (COUNTED_SO_SINCE), sorted; null when none. A digest older than version 7 does not say
 * which formats its day held: those of the day compared with it (`today`) stand in for them,
 * as the same logs' earlier day.
 */
export function countedOtherwise(d: DayDigest, today: ReadonlySet<string>): string[] | null {
  const held = d.formats === undefined ? today : new Set(d.formats);
  const formats = Object.keys(COUNTED_SO_SINCE).filter((f) => d.logscanDailyDigest < COUNTED_SO_SINCE[f]! && held.has(f)).sort();
  return formats.length > 0 ? formats : null;
}
/** The busiest sources kept per day: enough to tell "new today" for everything that matters. */
export const SOURCES_IN_DIGEST = 5000;

export interface DayDigest {
  /** Format version (and a marker that this file is ours). */
  logscanDailyDigest: number;
  /** "2026-11-21", in `tz`. */
  date: string;
  tz: string;
  start: string;
  end: string;
  /** The day was over and the logs covered all of it. */
  complete: boolean;
  /**
   * Of a day not complete, the part the logs reached (coverage.ts dayCoverage), as ISO
   * instants; absent when complete, and in digests before version 8 (the part is then unknown).
   */
  covered?: { from: string; to: string };
  written: string;
  /**
   * `probes`: packets that arrived unasked (not sent from this side, not replies to it,
   * not LAN chatter, not late packets of connections); `own`: packets sent from this side;
   * `noise`: LAN broadcast chatter; `late`: late packets of connections already under way;
   * `sources`: distinct probing sources. Version 3 has no `late` and counted those packets
   * and their senders among the probes (and their ports among the ports); version 2 has no
   * `noise` either and counted the chatter so too; version 1 has neither `probes` nor
   * `own`, and counted every source.
   */
  totals: DayTotals;
  /** Packets per hour elapsed since `start` (23, 24 or 25 entries). */
  perHour: number[];
  /** Source addresses, busiest first, at most SOURCES_IN_DIGEST. */
  sources: string[];
  sourcesCapped: boolean;
  /** Inbound destination ports probed, per protocol, as ranges: "22-23,80,443". */
  ports: Record<string, string>;
  /** What the day was counted with; absent in digests written before logscan recorded it. */
  settings?: DigestSettings;
  /** The formats (`logscan formats` ids) of the day's records, sorted; absent before version 7. */
  formats?: string[];
}

/**
 * The settings that change a day's counts: the thresholds that decide what is a scan (a
 * scanner's late packets count as probes), the --ignore list, --home-net (what this side
 * sends is its own traffic, not a probe) and the --signatures directories (their entries
 * decide annotations: a reply, chatter, a probe). Not the score weights (they rank, the
 * digest keeps no ranking) nor the memory limits.
 */
export interface DigestSettings {
  thresholds: Omit<Thresholds, 'weights' | 'limits'>;
  /** IgnoreList.fingerprint; null without --ignore. */
  ignore: string | null;
  /** homeNetFingerprint; null without --home-net. Absent in digests written before logscan recorded it. */
  homeNet?: string | null;
  /** LoadedKnowledge.localSignatures; null without --signatures. Absent in digests written before logscan recorded it. */
  signatures?: string | null;
}

/** What differs between two days' settings, as the comparison names it, in this order. */
export type SettingsChange = 'thresholds' | 'ignore' | 'homeNet' | 'signatures';

/** What a run was counted with, besides its thresholds: each a hash, null when the option was not given. */
export interface SettingsHashes {
  ignore: IgnoreList | null;
  homeNet: string | null;
  signatures: string | null;
}

export function digestSettings(thresholds: Thresholds, other: SettingsHashes): DigestSettings {
  const { weights: _weights, limits: _limits, ...detection } = thresholds;
  return { thresholds: detection, ignore: other.ignore?.fingerprint ?? null, homeNet: other.homeNet, signatures: other.signatures };
}

/**
 * What `stored` was counted with and `now` is not; null when nothing differs, or when the
 * digest does not say (written before logscan recorded it: it is taken as it comes; one
 * written before it recorded --home-net and --signatures is compared on the rest).
 */
export function settingsChanges(stored: DigestSettings | undefined, now: DigestSettings): SettingsChange[] | null {
  if (stored === undefined) return null;
  const changes: SettingsChange[] = [];
  // Both are plain JSON of the same shape, written in the same key order.
  if (JSON.stringify(stored.thresholds) !== JSON.stringify(now.thresholds)) changes.push('thresholds');
  if (stored.ignore !== now.ignore) changes.push('ignore');
  if (stored.homeNet !== undefined && stored.homeNet !== now.homeNet) changes.push('homeNet');
  if (stored.signatures !== undefined && stored.signatures !== now.signatures) changes.push('signatures');
  return changes.length > 0 ? changes : null;
}

export interface DayTotals {
  events: number;
  packets: number;
  blocked: number;
  allowed: number;
  other: number;
  probes: number;
  own: number;
  /** Absent in version 1 and 2 digests. */
  noise?: number;
  /** Absent in version 1 to 3 digests. */
  late?: number;
  /**
   * Of `packets`, `probes`, `own` and `late`: records of a connection (Windows Firewall, Cisco ASA), not a
   * packet (isConnectionRecord). Absent in version 1 to 4 digests.
   */
  connections?: number;
  probeConnections?: number;
  ownConnections?: number;
  lateConnections?: number;
  sources: number;
  ports: number;
}

/** Bitmap → "1-1024,3389". */
export function encodePorts(bits: ArrayLike<number>): string {
  const parts: string[] = [];
  for (let p = 0; p < bits.length; p++) {
    if (!bits[p]) continue;
    let q = p;
    while (q + 1 < bits.length && bits[q + 1]) q++;
    parts.push(q === p ? String(p) : `${p}-${q}`);
    p = q;
  }
  return parts.join(',');
}

/** "1-1024,3389" → bitmap; throws on anything else. */
export function decodePorts(s: string): Uint8Array {
  const bits = new Uint8Array(65_536);
  const bad = badPortRange(s, bits);
  if (bad !== null) throw new Error(`bad port range "${bad}"`);
  return bits;
}

/** The first part of `s` that is no port range (cut to 20 characters when it is no range at all), or null; fills `bits` with the ports of the parts before it. */
function badPortRange(s: string, bits: Uint8Array): string | null {
  if (s === '') return null;
  for (const part of s.split(',')) {
    const m = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(part);
    if (!m) return part.slice(0, 20);
    const a = Number(m[1]);
    const b = m[2] !== undefined ? Number(m[2]) : a;
    if (a > b || b > 65_535) return part;
    bits.fill(1, a, b + 1);
  }
  return null;
}

export function digestPath(dir: string, date: string): string {
  return join(dir, `${date}.json`);
}

/**
 * Removes the temp files of digests whose save was killed before its rename (they would
 * stay in DIR forever); another running logscan's save in flight stays (removeStaleTemps).
 */
export async function removeStaleDigestTemps(dir: string): Promise<string[]> {
  return removeStaleTemps(dir, (name) => /^\d{4}-\d{2}-\d{2}\.json$/.test(name));
}

/** Why the day's digest could not be saved in --state DIR; the catalog words it (daily.stateDirProblem). */
export type StateDirProblem =
  /** `inWay`: the file in the way, one of DIR's parents; null: DIR itself. */
  | { code: 'not-directory'; inWay: string | null }
  | { code: 'read-only' }
  | { code: 'no-permission' }
  /** DIR could not be made or used otherwise: said as for any directory (usage.dirProblem). */
  | { code: 'directory'; problem: InputProblem }
  /** The digest's own write failed: `file`, its name in DIR. */
  | { code: 'write'; file: string; problem: WriteProblem };

/** Why a stored digest is ignored; the catalog words it (daily.ignoredDigest). `file`: its path. */
export type DigestProblem =
  | { code: 'unreadable'; file: string; problem: InputProblem }
  /** `why`: the JSON parser's words. */
  | { code: 'not-json'; file: string; why: string }
  /** `shape`: what is wrong with its contents (digestProblem). */
  | { code: 'invalid'; file: string; shape: DigestShape };

/**
 * What is wrong with a stored digest's contents; the catalog words it (daily.digestShape) in
 * either language. `field` is the digest's own name for the part (`totals.packets`,
 * `ports.tcp`): the file format's words, quoted as they are, since they are what a person
 * opening the file looks for. Values from the file (`version`, `holds`, `range`) are as
 * they are written in it (JSON).
 */
export type DigestShape =
  | { code: 'not-object' }
  | { code: 'newer'; version: number; newest: number }
  | { code: 'unknown-version'; version: string }
  | { code: 'other-date'; holds: string; date: string }
  | { code: 'no-totals' }
  | { code: 'not-count'; field: string }
  | { code: 'not-counts'; field: string }
  | { code: 'not-addresses'; field: string }
  | { code: 'not-formats'; field: string }
  | { code: 'no-flags' }
  | { code: 'not-object-field'; field: string }
  | { code: 'not-settings'; field: string }
  | { code: 'not-hash'; field: string }
  | { code: 'not-span'; field: string }
  | { code: 'not-ranges'; field: string }
  | { code: 'bad-range'; field: string; range: string };

/**
 * Creates DIR if needed and checks it is writable, once there is a digest to save: why the
 * day's digest cannot be saved there, or null. Not an error that stops the run: the day's
 * summary matters more than its digest (a cron job would mail one line instead of the summary).
 */
export function stateDirProblem(dir: string): StateDirProblem | null {
  try {
    makeDirs(dir);
    accessSync(dir, constants.W_OK);
    return null;
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'ENOTDIR' || e.code === 'EEXIST') {
      // mkdir names DIR whichever of its parents is the file in the way.
      const inWay = firstExisting(dir);
      return { code: 'not-directory', inWay: inWay === dir ? null : inWay };
    }
    if (e.syscall === 'access') return e.code === 'EROFS' ? { code: 'read-only' } : { code: 'no-permission' };
    return { code: 'directory', problem: dirProblem(err) };
  }
}

/**
 * mkdir -p, one level at a time: Node 20's recursive mkdirSync never returns on procfs
 * (`--state /proc/x`: mkdir fails ENOENT under a parent that exists, and it tries again).
 */
function makeDirs(dir: string): void {
  const missing: string[] = [];
  for (let p = resolve(dir); ; p = dirname(p)) {
    try {
      if (statSync(p).isDirectory()) break;
      throw Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${dir}'`), { code: 'ENOTDIR', syscall: 'mkdir' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT' || dirname(p) === p) throw err;
      missing.push(p);
    }
  }
  for (const p of missing.reverse()) {
    try {
      mkdirSync(p);
    } catch (err) {
      // Made meanwhile by someone else: as good.
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || !statSync(p).isDirectory()) throw err;
    }
  }
}

function firstExisting(path: string): string {
  for (let p = path; ; p = dirname(p)) {
    try {
      statSync(p);
      return p;
    } catch {
      if (dirname(p) === p) return path;
    }
  }
}

const V1_TOTALS = ['events', 'packets', 'blocked', 'allowed', 'other', 'sources', 'ports'];
const V2_TOTALS = [...V1_TOTALS, 'probes', 'own'];
const V3_TOTALS = [...V2_TOTALS, 'noise'];
const V4_TOTALS = [...V3_TOTALS, 'late'];
const V5_TOTALS = [...V4_TOTALS, 'connections', 'probeConnections', 'ownConnections', 'lateConnections'];
// Version 6 counts what version 5 did, a scanner's late packets on the other side of the line.
// Version 7 counts what version 6 did, a Cisco ASA's connection records among the connections.
// Version 8 counts as version 7 does; it says which part of an incomplete day it holds.
const TOTALS_OF_VERSION: Readonly<Record<number, readonly string[]>> = { 1: V1_TOTALS, 2: V2_TOTALS, 3: V3_TOTALS, 4: V4_TOTALS, 5: V5_TOTALS, 6: V5_TOTALS, 7: V5_TOTALS, 8: V5_TOTALS };

const isCount = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0;

/** The format version of a parsed digest when a newer logscan wrote it (one this one cannot read), else null. */
function newerVersion(x: unknown): number | null {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return null;
  const v = (x as Record<string, unknown>).logscanDailyDigest;
  return typeof v === 'number' && v > DIGEST_VERSION ? v : null;
}

/** Checks the shape of a parsed digest; returns why it is not one, or null. */
export function digestProblem(x: unknown, date: string): DigestShape | null {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return { code: 'not-object' };
  const d = x as Record<string, unknown>;
  const newer = newerVersion(d);
  if (newer !== null) return { code: 'newer', version: newer, newest: DIGEST_VERSION };
  if (!READABLE_VERSIONS.includes(d.logscanDailyDigest)) return { code: 'unknown-version', version: String(JSON.stringify(d.logscanDailyDigest)) };
  if (d.date !== date) return { code: 'other-date', holds: String(JSON.stringify(d.date)), date };
  const t = d.totals as Record<string, unknown> | undefined;
  if (typeof t !== 'object' || t === null) return { code: 'no-totals' };
  const counts = TOTALS_OF_VERSION[d.logscanDailyDigest as number];
  for (const k of counts) if (!isCount(t[k])) return { code: 'not-count', field: `totals.${k}` };
  if (!Array.isArray(d.perHour) || d.perHour.length > 26 || !d.perHour.every(isCount)) return { code: 'not-counts', field: 'perHour' };
  if (!Array.isArray(d.sources) || !d.sources.every((s) => typeof s === 'string')) return { code: 'not-addresses', field: 'sources' };
  if (typeof d.sourcesCapped !== 'boolean' || typeof d.complete !== 'boolean') return { code: 'no-flags' };
  if (typeof d.ports !== 'object' || d.ports === null || Array.isArray(d.ports)) return { code: 'not-object-field', field: 'ports' };
  if (d.formats !== undefined && (!Array.isArray(d.formats) || !d.formats.every((f) => typeof f === 'string'))) return { code: 'not-formats', field: 'formats' };
  if (d.settings !== undefined) {
    const st = d.settings as Record<string, unknown> | null;
    const hash = (x: unknown): boolean => x === null || typeof x === 'string';
    if (typeof st !== 'object' || st === null || typeof st.thresholds !== 'object' || st.thresholds === null || !hash(st.ignore)) return { code: 'not-settings', field: 'settings' };
    for (const k of ['homeNet', 'signatures']) if (st[k] !== undefined && !hash(st[k])) return { code: 'not-hash', field: `settings.${k}` };
  }
  if (d.covered !== undefined && !isSpan(d.covered)) return { code: 'not-span', field: 'covered' };
  const bits = new Uint8Array(65_536);
  for (const [proto, ranges] of Object.entries(d.ports as Record<string, unknown>)) {
    if (typeof ranges !== 'string') return { code: 'not-ranges', field: `ports.${proto}` };
    const bad = badPortRange(ranges, bits);
    if (bad !== null) return { code: 'bad-range', field: `ports.${proto}`, range: bad };
  }
  return null;
}

/** `{ from, to }`: two ISO instants, the first not after the second. */
function isSpan(x: unknown): boolean {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
  const { from, to } = x as Record<string, unknown>;
  if (typeof from !== 'string' || typeof to !== 'string') return false;
  const a = Date.parse(from);
  const b = Date.parse(to);
  return a === a && b === b && a <= b;
}

/** The part of its day a digest holds (ms): null when complete, or not known (before version 8). */
export function digestSpan(d: DayDigest): Span | null {
  if (d.complete || d.covered === undefined) return null;
  return { from: Date.parse(d.covered.from), to: Date.parse(d.covered.to) };
}

/** `newer`: the file is a newer logscan's digest, of that format version (`problem` says it too). */
export type DigestLoad = { digest: DayDigest } | { digest: null; problem: DigestProblem | null; newer?: number };

/** Reads DIR/DATE.json: the digest, or null with the problem (null problem: there is none). */
export async function loadDigest(dir: string, date: string): Promise<DigestLoad> {
  const file = digestPath(dir, date);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    // ENOTDIR: DIR is no directory (said once, as the digest that cannot be saved).
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { digest: null, problem: null };
    return { digest: null, problem: { code: 'unreadable', file, problem: fsProblem(err) } };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    return { digest: null, problem: { code: 'not-json', file, why: (err as Error).message } };
  }
  const problem = digestProblem(parsed, date);
  if (problem === null) return { digest: parsed as DayDigest };
  const invalid: DigestProblem = { code: 'invalid', file, shape: problem };
  const newer = newerVersion(parsed);
  return newer === null ? { digest: null, problem: invalid } : { digest: null, problem: invalid, newer };
}

/** Why saveDigest wrote nothing: why it could not, or the format version of the newer logscan's digest it kept. */
export type DigestNotSaved = StateDirProblem | { code: 'newer'; newer: number };

/**
 * Writes DIR/DATE.json: null, or why it did not. A digest a newer logscan wrote there stays:
 * it holds what this version cannot count (a downgrade would lose it for the newer one,
 * which reads this version's digests as an older format).
 */
export async function saveDigest(dir: string, d: DayDigest): Promise<DigestNotSaved | null> {
  const file = digestPath(dir, d.date);
  const newer = await newerOnDisk(file);
  if (newer !== null) return { code: 'newer', newer };
  try {
    await writeFileAtomic(file, JSON.stringify(d) + '\n');
    return null;
  } catch (err) {
    return { code: 'write', file: basename(file), problem: writeProblem(err, file) };
  }
}

/** The version of a newer logscan's digest in `file`; null for anything else there (none, ours, broken: replaced). */
async function newerOnDisk(file: string): Promise<number | null> {
  try {
    return newerVersion(JSON.parse(await readFile(file, 'utf8')));
  } catch {
    // Unreadable or not JSON: no newer logscan's digest; the write says what is wrong, if anything.
    return null;
  }
}
