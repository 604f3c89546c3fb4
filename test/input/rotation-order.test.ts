import { describe, expect, it } from 'vitest';
import { newerFirst, oldestFirst, rotationName } from '../../src/input/rotation-order.js';

describe('rotated logs are read oldest first', () => {
  it('a shell glob of numbered rotations (.10.gz sorts before .2.gz)', () => {
    expect(oldestFirst(['/var/log/ufw.log', '/var/log/ufw.log.1', '/var/log/ufw.log.10.gz', '/var/log/ufw.log.2.gz'])).toEqual([
      '/var/log/ufw.log.10.gz',
      '/var/log/ufw.log.2.gz',
      '/var/log/ufw.log.1',
      '/var/log/ufw.log',
    ]);
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
    expect(rotationName('kern.log.2.gz')).toEqual({ base: 'kern.log', kind: 'numbered', order: 2, stamp: null, gzip: true });
    expect(rotationName('kern.log')).toEqual({ base: 'kern.log', kind: 'live', order: 0, stamp: null, gzip: false });
    expect(rotationName('kern.log.gz')).toEqual({ base: 'kern.log', kind: 'live', order: 0, stamp: null, gzip: true });
    expect(rotationName('kern.log.bak')).toEqual({ base: 'kern.log.bak', kind: 'live', order: 0, stamp: null, gzip: false });
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

  it('a long run of digits after the name is matched at once (no backtracking blowup)', () => {
    const t = Date.now();
    expect(rotationName(`kern.log-20261206${'1'.repeat(200)}x`)!.base).toBe(`kern.log-20261206${'1'.repeat(200)}x`);
    expect(rotationName(`kern.log-20261206${'-1'.repeat(100)}x`)!.stamp).toBe(null);
    expect(Date.now() - t).toBeLessThan(500);
  });
});
