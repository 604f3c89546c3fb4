import { describe, expect, it } from 'vitest';
import { oldestFirst, rotationName } from '../../src/input/rotation-order.js';

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
    expect(rotationName('kern.log.2.gz')).toEqual({ base: 'kern.log', order: 2, gzip: true });
    expect(rotationName('kern.log')).toEqual({ base: 'kern.log', order: 0, gzip: false });
    expect(rotationName('kern.log.gz')).toEqual({ base: 'kern.log', order: 0, gzip: true });
    expect(rotationName('kern.log.bak')).toEqual({ base: 'kern.log.bak', order: 0, gzip: false });
    expect(rotationName('messages-20261101')!.base).toBe('messages');
    expect(rotationName('messages-20261101')!.order).toBeGreaterThan(rotationName('messages.9')!.order);
    expect(rotationName('messages-20261025')!.order).toBeGreaterThan(rotationName('messages-20261101')!.order);
  });
});
