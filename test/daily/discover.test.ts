// File discovery: rotated families in a temp dir with mtimes set by utimes; the
// mtime rule picks only files that can hold the window, oldest first.
import { mkdirSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultSearch, discoverLogs, duplicateReason, familyFiles, selectFiles, SLACK_MS } from '../../src/daily/discover.js';
import { RotationGaps } from '../../src/daily/rotation-gaps.js';
import { tempDir } from '../helpers/cli.js';

const DAY = 86_400_000;
/** No unpacking command installed (daily discovery's PATH lookup, replaced). */
const NOT_INSTALLED = (): boolean => false;
const T0 = Date.parse('2026-11-21T00:00:00Z');

function file(dir: string, name: string, mtime: number, content = 'x\n'): void {
  writeFileSync(join(dir, name), content);
  utimesSync(join(dir, name), mtime / 1000, mtime / 1000);
}

/** Daily rotation at 06:25: kern.log.N was last written N days before the live file's rotation. */
function rotatedDir(): string {
  const dir = tempDir();
  const rot = (daysBack: number): number => T0 + 2 * DAY + 6.4 * 3_600_000 - daysBack * DAY; // 2026-11-23 06:25 minus N days
  file(dir, 'kern.log', T0 + 2 * DAY + 12 * 3_600_000); // live, written 11-23 12:00
  file(dir, 'kern.log.1', rot(0)); // 11-22 06:25 .. 11-23 06:25
  file(dir, 'kern.log.2.gz', rot(0)); // delaycompress: compressed at the last rotation, holds 11-21 06:25 .. 11-22 06:25
  file(dir, 'kern.log.3.gz', rot(1)); // holds 11-20 06:25 .. 11-21 06:25
  file(dir, 'kern.log.4.gz', rot(2)); // holds 11-19 .. 11-20 06:25
  file(dir, 'kern.log.bak', rot(0)); // not part of the family
  mkdirSync(join(dir, 'kern.log.5.gz')); // a directory is not a log
  file(dir, 'ufw.log', T0 + 2 * DAY);
  file(dir, 'messages-20261115', T0 - 6 * DAY);
  file(dir, 'messages-20261122', T0 + DAY);
  file(dir, 'messages', T0 + 2 * DAY);
  return dir;
}

const names = (xs: { path: string }[]): string[] => xs.map((x) => x.path.slice(x.path.lastIndexOf('/') + 1));

describe('file discovery', () => {
  it('orders a family newest first: live, .N by number, dateext by date', () => {
    const dir = rotatedDir();
    const list = ['kern.log.3.gz', 'kern.log', 'kern.log.1', 'kern.log.4.gz', 'kern.log.2.gz', 'kern.log.bak', 'kern.log.5.gz'];
    expect(names(familyFiles(dir, 'kern.log', list))).toEqual(['kern.log', 'kern.log.1', 'kern.log.2.gz', 'kern.log.3.gz', 'kern.log.4.gz']);
    expect(names(familyFiles(dir, 'messages', ['messages-20261115', 'messages', 'messages-20261122']))).toEqual(['messages', 'messages-20261122', 'messages-20261115']);
    // Hourly (dateformat -%Y%m%d%H): the stamp orders them, not the file times.
    file(dir, 'messages-2026112213.gz', T0 - 2 * DAY);
    file(dir, 'messages-2026112123.gz', T0);
    expect(names(familyFiles(dir, 'messages', ['messages-2026112213.gz', 'messages', 'messages-2026112123.gz']))).toEqual(['messages', 'messages-2026112213.gz', 'messages-2026112123.gz']);
  });

  it("logrotate's `extension .log` names (fw.1.log, fw-20261122.log.gz) are the family's, ordered the same; a hole is named in that scheme", () => {
    const dir = tempDir();
    file(dir, 'fw.log', T0 + 2 * DAY);
    file(dir, 'fw.1.log', T0 + DAY);
    file(dir, 'fw.3.log.gz', T0);
    file(dir, 'fw.json', T0);
    expect(names(familyFiles(dir, 'fw.log', readdirSync(dir)))).toEqual(['fw.log', 'fw.1.log', 'fw.3.log.gz']);
    const sel = selectFiles({ base: 'fw.log', duplicateOf: null }, familyFiles(dir, 'fw.log', readdirSync(dir)), T0, T0 + DAY);
    expect(sel.missing.map((m) => m.path)).toEqual([join(dir, 'fw.2.log')]);
    const d2 = tempDir();
    file(d2, 'fw.log', T0 + 2 * DAY);
    file(d2, 'fw-20261122.log.gz', T0 - DAY);
    file(d2, 'fw-20261123.log', T0 + DAY);
    expect(names(familyFiles(d2, 'fw.log', readdirSync(d2)))).toEqual(['fw.log', 'fw-20261123.log', 'fw-20261122.log.gz']);
  });

  it("logrotate's `addextension .log` names (firewalld.1.log, firewalld-20261122.log.gz) are the extensionless log's; beside a live fw.log, fw.1.log is fw.log's", () => {
    const dir = tempDir();
    file(dir, 'firewalld', T0 + 2 * DAY);
    file(dir, 'firewalld.1.log', T0 + DAY);
    file(dir, 'firewalld.3.log.gz', T0);
    file(dir, 'firewalld.json', T0);
    expect(names(familyFiles(dir, 'firewalld', readdirSync(dir)))).toEqual(['firewalld', 'firewalld.1.log', 'firewalld.3.log.gz']);
    const sel = selectFiles({ base: 'firewalld', duplicateOf: null }, familyFiles(dir, 'firewalld', readdirSync(dir)), T0, T0 + DAY);
    expect(sel.missing.map((m) => m.path)).toEqual([join(dir, 'firewalld.2.log')]);
    const d2 = tempDir();
    file(d2, 'firewalld', T0 + 2 * DAY);
    file(d2, 'firewalld-20261123.log', T0 + DAY);
    file(d2, 'firewalld-20261122.log.gz', T0);
    expect(names(familyFiles(d2, 'firewalld', readdirSync(d2)))).toEqual(['firewalld', 'firewalld-20261123.log', 'firewalld-20261122.log.gz']);
    const d3 = tempDir();
    file(d3, 'fw', T0 + 2 * DAY);
    file(d3, 'fw.log', T0 + 2 * DAY);
    file(d3, 'fw.1.log', T0 + DAY);
    expect(names(familyFiles(d3, 'fw', readdirSync(d3)))).toEqual(['fw']);
    expect(names(familyFiles(d3, 'fw.log', readdirSync(d3)))).toEqual(['fw.log', 'fw.1.log']);
  });

  it('reads only the files that can hold 11-20 and 11-21, oldest first', () => {
    const dir = rotatedDir();
    const [kern] = discoverLogs({ dir, families: [{ base: 'kern.log', duplicateOf: null }] }, T0 - DAY, T0 + DAY);
    // .4.gz (ends 11-20 06:25) still holds the start of 11-20; the live file starts after .1's
    // last write (11-23 06:25). .1 is read: the .gz before it gives no trustworthy lower bound.
    expect(names(kern.read)).toEqual(['kern.log.4.gz', 'kern.log.3.gz', 'kern.log.2.gz', 'kern.log.1']);
    expect(names(kern.skipped)).toEqual(['kern.log']);
    expect(kern.skipped[0].why).toMatchObject({ kind: 'later-lines', older: 'kern.log.1' });
    expect(kern.skipped[0].why).toHaveProperty('olderWritten', expect.stringMatching(/^2026-11-23 06:2\dZ$/));
    expect(kern.reachesBack).toBe(false);
  });

  it('a compressed older file is no lower bound (delaycompress gave it a later mtime)', () => {
    const dir = rotatedDir();
    // Window 11-22: .1 (11-22 06:25..11-23 06:25) and .2.gz (..11-22 06:25) both needed; .2.gz's
    // mtime (11-23 06:25) must not rule .1 out.
    const [kern] = discoverLogs({ dir, families: [{ base: 'kern.log', duplicateOf: null }] }, T0 + DAY, T0 + 2 * DAY);
    expect(names(kern.read)).toContain('kern.log.1');
    expect(names(kern.read)).toContain('kern.log.2.gz');
  });

  it('files last written before the window are skipped and mean the logs reach back', () => {
    const dir = rotatedDir();
    const [kern] = discoverLogs({ dir, families: [{ base: 'kern.log', duplicateOf: null }] }, T0 + 2 * DAY, T0 + 3 * DAY);
    // .2.gz's mtime is its compression time (11-23 06:25), so it is read although it ends 11-22.
    expect(names(kern.read)).toEqual(['kern.log.2.gz', 'kern.log.1', 'kern.log']);
    expect(kern.skipped.find((s) => s.path.endsWith('kern.log.3.gz'))?.why.kind).toBe('before-day');
    expect(kern.reachesBack).toBe(true);
  });

  it('the slack keeps a file written just before the window', () => {
    const dir = tempDir();
    file(dir, 'ufw.log.1', T0 - SLACK_MS / 2);
    file(dir, 'ufw.log', T0 + 3_600_000);
    const [ufw] = discoverLogs({ dir, families: [{ base: 'ufw.log', duplicateOf: 'ufw' }] }, T0, T0 + DAY);
    expect(names(ufw.read)).toEqual(['ufw.log.1', 'ufw.log']);
  });

  it('empty files are skipped; a missing directory finds nothing', () => {
    const dir = tempDir();
    file(dir, 'kern.log', T0 + 1000, '');
    const sel = selectFiles({ base: 'kern.log', duplicateOf: null }, familyFiles(dir, 'kern.log', ['kern.log']), T0, T0 + DAY);
    expect(sel.read).toEqual([]);
    expect(sel.skipped[0].why).toEqual({ kind: 'empty' });
    // A directory that cannot be listed is the caller's error to word (`daily` exits 3 naming it).
    expect(() => discoverLogs({ dir: join(dir, 'nope'), families: [{ base: 'kern.log', duplicateOf: null }] }, T0, T0 + DAY)).toThrow(/ENOENT/);
  });

  it('the usual places: /var/log on Linux, the firewall folder on Windows', () => {
    expect(defaultSearch('linux', {}).dir).toBe('/var/log');
    expect(defaultSearch('linux', {}).families.map((f) => f.base)).toEqual(['kern.log', 'messages', 'ufw.log', 'firewalld', 'filter.log', 'filter.log']);
    const win = defaultSearch('win32', { SystemRoot: 'D:\\Windows' });
    expect(win.dir).toBe('D:\\Windows\\System32\\LogFiles\\Firewall');
    expect(win.families.map((f) => f.base)).toEqual(['pfirewall.log', 'domainfw.log', 'privatefw.log', 'publicfw.log']);
    // --log-dir: logs copied from anywhere, so every family on every platform, the Unix ones first (the duplicate rule reads them in order).
    const all = ['kern.log', 'messages', 'ufw.log', 'firewalld', 'filter.log', 'filter.log', 'pfirewall.log', 'domainfw.log', 'privatefw.log', 'publicfw.log'];
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      const plan = defaultSearch(platform, {}, '/mnt/logs');
      expect(plan.dir).toBe('/mnt/logs');
      expect(plan.families.map((f) => f.base)).toEqual(all);
    }
    expect(defaultSearch('linux', {}).families.map((f) => f.base)).toEqual(['kern.log', 'messages', 'ufw.log', 'firewalld', 'filter.log', 'filter.log']);
    expect(names(familyFiles(rotatedDir(), 'pfirewall.log', []))).toEqual([]);
  });

  it('ufw.log and messages are skipped when kern.log already carried their lines', () => {
    const ufw = { base: 'ufw.log', duplicateOf: 'ufw' as const };
    const messages = { base: 'messages', duplicateOf: 'kernel' as const };
    expect(duplicateReason(ufw, { events: 10, ufwEvents: 3 }, 'kern.log')).toEqual({ kind: 'duplicate', lines: 'ufw', earlier: 'kern.log' });
    expect(duplicateReason(ufw, { events: 10, ufwEvents: 0 }, 'kern.log')).toBeNull();
    expect(duplicateReason(messages, { events: 1, ufwEvents: 0 }, 'kern.log')).toEqual({ kind: 'duplicate', lines: 'kernel', earlier: 'kern.log' });
    expect(duplicateReason(messages, { events: 0, ufwEvents: 0 }, '')).toBeNull();
  });
});

describe('rotations missing from the numbering', () => {
  const kern = { base: 'kern.log', duplicateOf: null };
  /** rotatedDir without kern.log.2.gz: it held 11-21 06:25 .. 11-22 06:25. */
  function holed(): string {
    const dir = rotatedDir();
    rmSync(join(dir, 'kern.log.2.gz'));
    return dir;
  }
  const select = (dir: string, from: number, to: number) => selectFiles(kern, familyFiles(dir, 'kern.log', readdirSync(dir)), from, to);

  it('a hole where the window could be is named with its neighbours; the mtimes bound it', () => {
    const dir = holed();
    const sel = select(dir, T0 + DAY, T0 + 2 * DAY);
    expect(sel.missing).toEqual([{ path: join(dir, 'kern.log.2'), newer: 'kern.log.1', older: 'kern.log.3.gz', from: null, to: statSync(join(dir, 'kern.log.1')).mtimeMs + SLACK_MS }]);
    // Two numbers gone are two files.
    rmSync(join(dir, 'kern.log.3.gz'));
    expect(select(dir, T0 + DAY, T0 + 2 * DAY).missing.map((m) => m.path)).toEqual([join(dir, 'kern.log.2'), join(dir, 'kern.log.3')]);
  });

  it('no hole to tell: older than the window, after it by an uncompressed neighbour, or dateext names', () => {
    const dir = holed();
    // The newer neighbour (.1) was last written 11-23 06:25, before a window in December.
    expect(select(dir, T0 + 20 * DAY, T0 + 21 * DAY).missing).toEqual([]);
    // An uncompressed older neighbour last written after the window: the gap holds later lines.
    const d2 = tempDir();
    file(d2, 'ufw.log', T0 + 5 * DAY);
    file(d2, 'ufw.log.2', T0 + 3 * DAY);
    expect(selectFiles({ base: 'ufw.log', duplicateOf: 'ufw' }, familyFiles(d2, 'ufw.log', readdirSync(d2)), T0, T0 + DAY).missing).toEqual([]);
    expect(selectFiles({ base: 'ufw.log', duplicateOf: 'ufw' }, familyFiles(d2, 'ufw.log', readdirSync(d2)), T0 + 4 * DAY, T0 + 5 * DAY).missing).toHaveLength(1);
    // messages-20261115 and messages-20261122 are a week apart by design.
    expect(selectFiles({ base: 'messages', duplicateOf: 'kernel' }, familyFiles(dir, 'messages', readdirSync(dir)), T0 - 7 * DAY, T0 + 2 * DAY).missing).toEqual([]);
  });

  it("the records read narrow it: the newer file's first record and the older one's last", () => {
    const dir = holed();
    const [gap] = select(dir, T0, T0 + 3 * DAY).missing;
    const gaps = new RotationGaps([gap]);
    const day = (d: number) => [T0 + d * DAY, T0 + (d + 1) * DAY] as const;
    // From mtimes alone the hole reaches to 11-23 07:25 (.1's mtime and the slack).
    expect(gaps.within([gap], ...day(2))).toEqual([gap]);
    gaps.see(join(dir, 'kern.log.1'), Date.parse('2026-11-22T06:25:00Z'));
    gaps.see(join(dir, 'kern.log.1'), Date.parse('2026-11-22T09:00:00Z'));
    gaps.see(join(dir, 'kern.log.3.gz'), Date.parse('2026-11-21T06:20:00Z'));
    gaps.see(join(dir, 'kern.log'), Date.parse('2026-11-20T00:00:00Z')); // beside no gap: ignored
    expect(gaps.within([gap], ...day(2))).toEqual([]); // 11-23: after .1's first record
    expect(gaps.within([gap], ...day(1))).toEqual([gap]); // 11-22 00:00-06:25 was in .2
    expect(gaps.within([gap], ...day(-1))).toEqual([]); // 11-20: before .3.gz's last record
  });

  it("pfSense's filter.log rotated by newsyslog: .0 and .N.gz read, a .bz2/.xz/.zst one that may hold the day skipped when its command is not installed, and no reaching back past it", () => {
    const dir = tempDir();
    // Size rotation: filter.log.N was closed at these times (newest first).
    file(dir, 'filter.log', T0 + DAY + 12 * 3_600_000); // live, 11-22 12:00
    file(dir, 'filter.log.0', T0 + DAY + 3_600_000 * 4); // 11-22 04:00
    file(dir, 'filter.log.1.bz2', T0 + 3_600_000 * 15); // 11-21 15:00
    file(dir, 'filter.log.2.bz2', T0 - DAY - 3_600_000 * 4); // 11-19 20:00
    file(dir, 'filter.log.3.xz', T0 - 3 * DAY);
    file(dir, 'filter.log.bz2', T0 + DAY); // no number: no rotation of filter.log
    const plan = defaultSearch('linux', {}, dir);
    const [pfsense, opnsense] = discoverLogs(plan, T0 - DAY, T0 + DAY, NOT_INSTALLED).filter((f) => f.family.base === 'filter.log');
    expect(pfsense.family.dir).toBeUndefined();
    expect(names(familyFiles(dir, 'filter.log', readdirSync(dir), NOT_INSTALLED))).toEqual(['filter.log', 'filter.log.0', 'filter.log.1.bz2', 'filter.log.2.bz2', 'filter.log.3.xz']);
    // The live file was started after the window (filter.log.0 closed at 11-22 04:00).
    expect(names(pfsense.read)).toEqual(['filter.log.0']);
    expect(pfsense.skipped.map((x) => [names([x])[0], x.why])).toEqual([
      ['filter.log', { kind: 'later-lines', older: 'filter.log.0', olderWritten: '2026-11-22 04:00Z' }],
      ['filter.log.1.bz2', { kind: 'packed', packing: 'bzip2', package: 'bzip2' }],
      ['filter.log.2.bz2', { kind: 'before-day', lastWritten: '2026-11-19 20:00Z' }],
      ['filter.log.3.xz', { kind: 'before-day', lastWritten: '2026-11-18 00:00Z' }],
    ]);
    // The unread .1.bz2 lies between what was read and the day's start: the logs read do not reach back.
    expect(pfsense.reachesBack).toBe(false);
    // …and it is a hole, as a missing number is: its lines come before its own mtime, and
    // nothing bounds them from below (its older neighbour is packed too, its mtime no bound).
    expect(pfsense.missing).toEqual([{ path: join(dir, 'filter.log.1.bz2'), newer: 'filter.log.0', older: 'filter.log.2.bz2', from: null, to: T0 + 3_600_000 * 15 + SLACK_MS, packed: 'bzip2' }]);
    const gaps = new RotationGaps(pfsense.missing);
    gaps.see(join(dir, 'filter.log.0'), T0 + 3_600_000 * 10.5); // .0 begins 11-21 10:30
    // Where its lines lie: up to .0's first record, reaching back without bound.
    expect(gaps.hole(pfsense.missing[0]!)).toEqual({ from: -Infinity, to: T0 + 3_600_000 * 10.5 });
    expect(gaps.within(pfsense.missing, T0 - DAY, T0)).toEqual(pfsense.missing);
    expect(gaps.within(pfsense.missing, T0 + DAY, T0 + 2 * DAY)).toEqual([]);
    // No filter/ directory: OPNsense's family finds nothing, and that is no error.
    expect(opnsense.read).toEqual([]);
    expect(opnsense.skipped).toEqual([]);
    // With the same rotations readable, the before-day one shows the logs reach back.
    const d2 = tempDir();
    file(d2, 'filter.log', T0 + DAY + 12 * 3_600_000);
    file(d2, 'filter.log.0', T0 + DAY + 3_600_000 * 4);
    file(d2, 'filter.log.1.gz', T0 + 3_600_000 * 15);
    file(d2, 'filter.log.2.gz', T0 - DAY - 3_600_000 * 4);
    const plain = discoverLogs(defaultSearch('linux', {}, d2), T0 - DAY, T0 + DAY).find((f) => f.family.base === 'filter.log')!;
    expect(names(plain.read)).toEqual(['filter.log.1.gz', 'filter.log.0']);
    expect(plain.reachesBack).toBe(true);
  });

  it('a packed rotation between two read ones is a hole bounded by both neighbours\' records', () => {
    const dir = tempDir();
    file(dir, 'filter.log', T0 + DAY + 12 * 3_600_000); // live, 11-22 12:00
    file(dir, 'filter.log.0', T0 + DAY + 3_600_000 * 4); // 11-22 04:00
    file(dir, 'filter.log.1.xz', T0 + 3_600_000 * 14); // 11-21 14:00
    file(dir, 'filter.log.2', T0 + 3_600_000 * 9); // 11-21 09:00, read
    const sel = discoverLogs(defaultSearch('linux', {}, dir), T0 - DAY, T0 + DAY, NOT_INSTALLED).find((f) => f.family.base === 'filter.log' && f.family.dir === undefined)!;
    expect(names(sel.read)).toEqual(['filter.log.2', 'filter.log.0']);
    const g = { path: join(dir, 'filter.log.1.xz'), newer: 'filter.log.0', older: 'filter.log.2', from: T0 + 3_600_000 * 9 - SLACK_MS, to: T0 + 3_600_000 * 14 + SLACK_MS, packed: 'xz' };
    expect(sel.missing).toEqual([g]);
    const gaps = new RotationGaps(sel.missing);
    gaps.see(join(dir, 'filter.log.2'), T0 + 3_600_000 * 8.8);
    gaps.see(join(dir, 'filter.log.0'), T0 + 3_600_000 * 13.9);
    // Exactly between the records read: 08:48 to 13:54 on the day.
    expect(gaps.hole(sel.missing[0]!)).toEqual({ from: T0 + 3_600_000 * 8.8, to: T0 + 3_600_000 * 13.9 });
    expect(gaps.within(sel.missing, T0, T0 + DAY)).toEqual([g]);
    expect(gaps.within(sel.missing, T0 - DAY, T0)).toEqual([]);
  });

  it('a .bz2/.xz/.zst rotation whose command is installed is read as a .gz is: in rotation order, its mtime no bound, no hole', () => {
    const dir = tempDir();
    file(dir, 'filter.log', T0 + DAY + 12 * 3_600_000); // live, 11-22 12:00
    file(dir, 'filter.log.0', T0 + DAY + 3_600_000 * 4); // 11-22 04:00
    file(dir, 'filter.log.1.bz2', T0 + 3_600_000 * 14); // 11-21 14:00
    file(dir, 'filter.log.2.xz', T0 + 3_600_000 * 9); // 11-21 09:00
    file(dir, 'filter.log.3.zst', T0 - DAY - 3_600_000 * 4); // 11-19 20:00: before the window
    file(dir, 'filter.log.bz2', T0 + DAY); // no number: no rotation of filter.log
    const asked: string[] = [];
    const installed = (u: { command: string }): boolean => {
      asked.push(u.command);
      return true;
    };
    expect(names(familyFiles(dir, 'filter.log', readdirSync(dir), installed))).toEqual(['filter.log', 'filter.log.0', 'filter.log.1.bz2', 'filter.log.2.xz', 'filter.log.3.zst']);
    expect(new Set(asked)).toEqual(new Set(['bzip2', 'xz', 'zstd']));
    const sel = discoverLogs(defaultSearch('linux', {}, dir), T0 - DAY, T0 + DAY, installed).find((f) => f.family.base === 'filter.log' && f.family.dir === undefined)!;
    // Oldest first, .2.xz before .1.bz2; the .3.zst ends before the window: the logs reach back.
    expect(names(sel.read)).toEqual(['filter.log.2.xz', 'filter.log.1.bz2', 'filter.log.0']);
    expect(sel.missing).toEqual([]);
    expect(sel.reachesBack).toBe(true);
    expect(sel.skipped.map((x) => x.why.kind)).toEqual(['later-lines', 'before-day']);
    // Compressed as a .gz is: their mtimes are when they were compressed, no bound on their lines.
    expect(sel.read.map((f) => f.compressed)).toEqual([true, true, false]);
  });

  it("OPNsense's filter/filter_YYYYMMDD.log: the days' files that can hold the window, by the same mtime rule and slack", () => {
    const dir = tempDir();
    const sub = join(dir, 'filter');
    mkdirSync(sub);
    // One file per day, last written just before its midnight (UTC here).
    for (let d = 17; d <= 23; d++) file(sub, `filter_202611${d}.log`, Date.UTC(2026, 10, d, 23, 59, 50));
    writeFileSync(join(sub, 'latest.log'), 'x\n'); // OPNsense's link to today's file: not a second copy
    const plan = defaultSearch('linux', {}, dir);
    // The window: the day before (11-20) and the day (11-21).
    const opnsense = discoverLogs(plan, T0 - DAY, T0 + DAY).find((f) => f.family.dir === 'filter')!;
    // 11-19's file ends within the hour of slack before 11-20, 11-22's starts within it after 11-21: both read.
    expect(names(opnsense.read)).toEqual(['filter_20261119.log', 'filter_20261120.log', 'filter_20261121.log', 'filter_20261122.log']);
    expect(opnsense.read.every((f) => f.path.startsWith(sub))).toBe(true);
    expect(opnsense.skipped.map((x) => [names([x])[0], x.why.kind])).toEqual([
      ['filter_20261123.log', 'later-lines'],
      ['filter_20261118.log', 'before-day'],
      ['filter_20261117.log', 'before-day'],
    ]);
    expect(opnsense.reachesBack).toBe(true);
    // Dated names skip no number: no hole is claimed.
    expect(opnsense.missing).toEqual([]);
  });
});
