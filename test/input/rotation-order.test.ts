import { describe, expect, it } from 'vitest';
import { familyKeys, newerFirst, oldestFirst, rotationLike, rotationName } from '../../src/input/rotation-order.js';
import { cpuMs } from '../helpers/cpu-time.js';

describe('rotated logs are read oldest first', () => {
  it('a shell glob of numbered rotations (.10.gz sorts before .2.gz)', () => {
    expect(oldestFirst(['/var/log/ufw.log', '/var/log/ufw.log.1', '/var/log/ufw.log.10.gz', '/var/log/ufw.log.2.gz'])).toEqual([
      '/var/log/ufw.log.10.gz',
      '/var/log/ufw.log.2.gz',
      '/var/log/ufw.log.1',
      '/var/log/ufw.log',
    ]);
  });

  it('rotations compressed with bzip2, xz or zstd are ordered as .gz ones, with or without the live file given (their suffix is no `extension`)', () => {
    const want = ['/var/log/kern.log.3.zst', '/var/log/kern.log.2.bz2', '/var/log/kern.log.1', '/var/log/kern.log'];
    expect(oldestFirst(['/var/log/kern.log', '/var/log/kern.log.1', '/var/log/kern.log.2.bz2', '/var/log/kern.log.3.zst'])).toEqual(want);
    expect(oldestFirst(['/var/log/kern.log.1', '/var/log/kern.log.2.bz2', '/var/log/kern.log.3.zst'])).toEqual(want.slice(0, 3));
    expect(rotationName('kern.log.2.xz')).toMatchObject({ base: 'kern.log', ext: null, kind: 'numbered', order: 2, gzip: false });
    expect(rotationName('fw-20261206.log.zst')).toMatchObject({ base: 'fw.log', ext: '.log', kind: 'dated' });
  });

  it('dateext names by date, .old before the live file', () => {
    expect(oldestFirst(['messages', 'messages-20261101', 'messages-20261025.gz'])).toEqual(['messages-20261025.gz', 'messages-20261101', 'messages']);
    expect(oldestFirst(['pfirewall.log', 'pfirewall.log.old'])).toEqual(['pfirewall.log.old', 'pfirewall.log']);
  });

  it("dateext names of other dateformats (hourly -%Y%m%d%H, -%Y-%m-%d, -%Y%m%d-%s, .%Y%m%d) by their stamp, as logrotate sorts them", () => {
    expect(oldestFirst(['messages', 'messages-2026120614.gz', 'messages-2026120609.gz', 'messages-2026120523.gz'])).toEqual([
      'messages-2026120523.gz',
      'messages-2026120609.gz',
      'messages-2026120614.gz',
      'messages',
    ]);
    expect(oldestFirst(['messages', 'messages-2026-12-06', 'messages-2026-11-30'])).toEqual(['messages-2026-11-30', 'messages-2026-12-06', 'messages']);
    expect(oldestFirst(['messages', 'messages-20261206-1765004400', 'messages-20261206-1765000800'])).toEqual([
      'messages-20261206-1765000800',
      'messages-20261206-1765004400',
      'messages',
    ]);
    expect(oldestFirst(['messages', 'messages.20261206', 'messages.20261130'])).toEqual(['messages.20261130', 'messages.20261206', 'messages']);
  });

  it('each log where its first file stood; other inputs, stdin and other directories keep their places', () => {
    expect(oldestFirst(['a.log', 'kern.log', '-', 'x/kern.log.1', 'kern.log.1', 'kern.log.bak', 'ufw.log'])).toEqual([
      'a.log',
      'kern.log.1',
      'kern.log',
      '-',
      'x/kern.log.1',
      'kern.log.bak',
      'ufw.log',
    ]);
  });

  it('given in reading order already, or a single file: unchanged', () => {
    expect(oldestFirst(['ufw.log.2.gz', 'ufw.log.1', 'ufw.log'])).toEqual(['ufw.log.2.gz', 'ufw.log.1', 'ufw.log']);
    expect(oldestFirst(['ufw.log'])).toEqual(['ufw.log']);
    expect(oldestFirst(['ufw.log', 'ufw.log'])).toEqual(['ufw.log', 'ufw.log']);
  });

  it('names: the base and how old', () => {
    expect(rotationName('kern.log.2.gz')).toEqual({ base: 'kern.log', ext: null, kind: 'numbered', order: 2, stamp: null, gzip: true });
    expect(rotationName('kern.log')).toEqual({ base: 'kern.log', ext: null, kind: 'live', order: 0, stamp: null, gzip: false });
    expect(rotationName('kern.log.gz')).toEqual({ base: 'kern.log', ext: null, kind: 'live', order: 0, stamp: null, gzip: true });
    expect(rotationName('kern.log.bak')).toEqual({ base: 'kern.log.bak', ext: null, kind: 'live', order: 0, stamp: null, gzip: false });
    expect(rotationName('kern.log_1')!.base).toBe('kern.log_1');
    expect(rotationName('messages-20261101')!.base).toBe('messages');
    expect(rotationName('messages-20261206_14:05.gz')).toMatchObject({ base: 'messages', stamp: '202612061405', gzip: true });
    const older = (a: string, b: string): boolean => newerFirst(rotationName(a)!, rotationName(b)!) > 0;
    expect(older('messages-20261101', 'messages.9')).toBe(true);
    expect(older('messages-20261025', 'messages-20261101')).toBe(true);
    expect(older('messages-2026120523', 'messages-2026120600')).toBe(true);
    // Not a date (no month 13), and an ordinary number: numbered rotations.
    expect(rotationName('kern.log.20261306')).toMatchObject({ base: 'kern.log', order: 20261306, stamp: null });
    expect(rotationName('kern.log.2026')).toMatchObject({ order: 2026, stamp: null });
  });

  it("logrotate's `extension .log` keeps the extension last: fw-20261206.log, fw.1.log, fw.2.log.gz are fw.log's rotations", () => {
    expect(rotationName('fw-20261206.log')).toEqual({ base: 'fw.log', ext: '.log', kind: 'dated', order: Number.MAX_SAFE_INTEGER, stamp: '20261206', gzip: false });
    expect(rotationName('fw-20261206.log.gz')).toMatchObject({ base: 'fw.log', kind: 'dated', stamp: '20261206', gzip: true });
    expect(rotationName('fw.1.log')).toEqual({ base: 'fw.log', ext: '.log', kind: 'numbered', order: 1, stamp: null, gzip: false });
    expect(rotationName('fw.2.log.gz')).toEqual({ base: 'fw.log', ext: '.log', kind: 'numbered', order: 2, stamp: null, gzip: true });
    // dateformat -%Y-%m-%d-%s, with the extension after the stamp.
    expect(rotationName('fw-2026-12-06-1765000800.log')).toMatchObject({ base: 'fw.log', stamp: '202612061765000800' });
    // Without a rotation's number or date in front, an extension is part of the name.
    expect(rotationName('fw.log')).toEqual({ base: 'fw.log', ext: null, kind: 'live', order: 0, stamp: null, gzip: false });
    expect(rotationName('fw.log.1')!.base).toBe('fw.log');
    expect(rotationName('pfirewall.log.old')).toMatchObject({ base: 'pfirewall.log', kind: 'old' });
    expect(rotationName('kern.log.1.gz')).toMatchObject({ base: 'kern.log', order: 1, gzip: true });
    expect(oldestFirst(['fw.log', 'fw.1.log', 'fw.10.log.gz', 'fw.2.log.gz'])).toEqual(['fw.10.log.gz', 'fw.2.log.gz', 'fw.1.log', 'fw.log']);
    expect(oldestFirst(['fw.log', 'fw-20261206.log', 'fw-20261130.log.gz'])).toEqual(['fw-20261130.log.gz', 'fw-20261206.log', 'fw.log']);
  });

  it("logrotate's `addextension .log`: the live file is fw, its rotations fw.1.log, fw.2.log.gz, fw-20261206.log are its own", () => {
    expect(oldestFirst(['/var/log/fw', '/var/log/fw.1.log', '/var/log/fw.10.log.gz', '/var/log/fw.2.log.gz'])).toEqual([
      '/var/log/fw.10.log.gz',
      '/var/log/fw.2.log.gz',
      '/var/log/fw.1.log',
      '/var/log/fw',
    ]);
    expect(oldestFirst(['fw', 'fw-20261206.log', 'fw-20261130.log.gz'])).toEqual(['fw-20261130.log.gz', 'fw-20261206.log', 'fw']);
    // One log, so --year and the local time carry on from file to file.
    expect(new Set(familyKeys(['/var/log/fw.2.log.gz', '/var/log/fw.1.log', '/var/log/fw'])).size).toBe(1);
    // fw.log given too: logrotate's `extension` names them so, and they are fw.log's.
    expect(oldestFirst(['fw', 'fw.log', 'fw.1.log'])).toEqual(['fw', 'fw.1.log', 'fw.log']);
    // Only rotations alone: one log either way, ordered.
    expect(oldestFirst(['fw.1.log', 'fw.2.log.gz'])).toEqual(['fw.2.log.gz', 'fw.1.log']);
    // In another directory, another log.
    expect(oldestFirst(['fw', 'x/fw.1.log'])).toEqual(['fw', 'x/fw.1.log']);
    for (const n of ['fw.1.log', 'fw.2.log.gz', 'fw-20261206.log', 'fw-20261206.log.gz']) {
      expect(rotationLike(n, 'fw'), n).toBe(true);
      // Beside a live fw.log they are its rotations (logrotate's `extension`), not fw's.
      expect(rotationLike(n, 'fw', new Set(['fw', 'fw.log', n])), n).toBe(false);
      expect(rotationLike(n, 'fw.log', new Set(['fw', 'fw.log', n])), n).toBe(true);
    }
    for (const n of ['fw.log', 'fw.json', 'fwd.1.log', 'fw.1.gz.log']) expect(rotationLike(n, 'fw'), n).toBe(false);
  });

  it('the names beside a log that rotation may have given it: ordered ones (syslog.1.json: `addextension .json`), and ones that give no order (_1, .old, .bak); not other files that start with its name', () => {
    for (const n of ['syslog.1', 'syslog.2.gz', 'syslog-20261206', 'syslog-20261206.gz', 'syslog_1', 'syslog-1', 'syslog_2.gz', 'syslog.old', 'syslog.bak', 'syslog.bak.gz', 'syslog.1.json']) {
      expect(rotationLike(n, 'syslog'), n).toBe(true);
    }
    for (const n of ['syslog', 'syslog.json', 'syslog-ng.conf', 'syslog.log', 'syslog_backup', 'syslog.gz', 'syslogd.1', 'syslog.copy']) {
      expect(rotationLike(n, 'syslog'), n).toBe(false);
    }
    for (const n of ['fw-20261206.log', 'fw-20261206.log.gz', 'fw.1.log', 'fw.1.log.gz', 'fw.log.1', 'fw.log.old']) {
      expect(rotationLike(n, 'fw.log'), n).toBe(true);
    }
    for (const n of ['fw.json', 'fw.log.json', 'fw-20261206.txt', 'fw.1.txt', 'fwd.1.log']) {
      expect(rotationLike(n, 'fw.log'), n).toBe(false);
    }
  });

  it('a long run of digits after the name is matched at once (no backtracking blowup)', () => {
    const ms = cpuMs(() => {
      expect(rotationName(`kern.log-20261206${'1'.repeat(200)}x`)!.base).toBe(`kern.log-20261206${'1'.repeat(200)}x`);
      expect(rotationName(`kern.log-20261206${'-1'.repeat(100)}x`)!.stamp).toBe(null);
    });
    expect(ms).toBeLessThan(500);
  });
});
