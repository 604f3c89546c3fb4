// journalctl -o export / -o json: entries, field order, kernel-only trust, accounting.
import { describe, expect, it } from 'vitest';
import { journalExportFormat, journalJsonFormat } from '../../src/parsers/journald.js';
import { parseLines } from '../helpers/parse.js';

const MSG = '[UFW BLOCK] IN=eth0 OUT= SRC=192.0.2.10 DST=198.51.100.3 LEN=40 TTL=240 ID=1 PROTO=TCP SPT=1024 DPT=22 WINDOW=1024 RES=0x00 SYN URGP=0';

describe('journald export', () => {
  it('one event per entry, origin is the MESSAGE= line, whatever the field order', () => {
    const r = parseLines(journalExportFormat, [
      `MESSAGE=${MSG}`,
      '_HOSTNAME=h1',
      '__REALTIME_TIMESTAMP=1642033008518660',
      '_SOURCE_MONOTONIC_TIMESTAMP=1840789131578',
      '',
      '__REALTIME_TIMESTAMP=1642033008518661',
      '_TRANSPORT=kernel',
      `MESSAGE=${MSG}`,
    ]);
    expect(r.events.map((e) => [e.origin.line, e.host, e.time?.toISOString(), e.uptime])).toEqual([
      [1, 'h1', '2022-01-13T00:16:48.518Z', 1840789.131578],
      [8, null, '2022-01-13T00:16:48.518Z', null],
    ]);
    expect(r.events[0]!.format).toBe('journald-export');
  });

  it('a record not written by the kernel is skipped even if it looks like one', () => {
    const r = parseLines(journalExportFormat, ['_TRANSPORT=syslog', 'SYSLOG_IDENTIFIER=logger', `MESSAGE=${MSG}`]);
    expect(r.events).toEqual([]);
    expect(r.skipped).toEqual([{ line: 3, reason: 'not from the kernel (_TRANSPORT=syslog)' }]);
  });

  it('repeated blank lines do not create phantom entries', () => {
    const r = parseLines(journalExportFormat, ['', '', `MESSAGE=${MSG}`, '', '', '']);
    expect(r.events).toHaveLength(1);
    expect(r.skipped).toEqual([]);
  });

  it('a binary-safe field is noted, not misread', () => {
    const r = parseLines(journalExportFormat, ['__REALTIME_TIMESTAMP=1', 'MESSAGE', '\u0005\u0000\u0000\u0000\u0000\u0000\u0000\u0000hello', '']);
    expect(r.events).toEqual([]);
    expect(r.skipped).toEqual([{ line: 1, reason: 'binary MESSAGE field not supported' }]);
  });
});

describe('journald json', () => {
  it('MESSAGE may be a string or an array of bytes', () => {
    const bytes = [...Buffer.from(MSG, 'utf8')];
    const r = parseLines(journalJsonFormat, [
      JSON.stringify({ __REALTIME_TIMESTAMP: '1642033008518660', _TRANSPORT: 'kernel', _HOSTNAME: 'h', MESSAGE: MSG }),
      JSON.stringify({ __REALTIME_TIMESTAMP: '1642033008518660', _TRANSPORT: 'kernel', MESSAGE: bytes }),
    ]);
    expect(r.events.map((e) => [e.src.ip, e.dst.port, e.host])).toEqual([
      ['192.0.2.10', 22, 'h'],
      ['192.0.2.10', 22, null],
    ]);
  });

  it('broken JSON holding a record is malformed, other junk skipped; one report per line', () => {
    const r = parseLines(journalJsonFormat, ['{"MESSAGE":"SRC=1.2.3.4', 'not json', '[1,2]', '{"MESSAGE":[300]}', '{"MESSAGE":{"a":1}}']);
    expect(r.malformed.map((m) => m.line)).toEqual([1, 4, 5]);
    expect(r.skipped.map((s) => s.line)).toEqual([2, 3]);
  });

  it('a repeated field (array of values) uses the first value', () => {
    const r = parseLines(journalJsonFormat, [JSON.stringify({ _TRANSPORT: 'kernel', _HOSTNAME: ['a', 'b'], MESSAGE: [MSG, 'x'] })]);
    expect(r.events[0]!.host).toBe('a');
  });
});
