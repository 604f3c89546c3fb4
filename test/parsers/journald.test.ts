// journalctl -o export / -o json: entries, field order, kernel-only trust, accounting.
import { describe, expect, it } from 'vitest';
import { journalExportFormat, journalJsonFormat } from '../../src/parsers/journald.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseLines, splitLines } from '../helpers/parse.js';
import { repoRoot } from '../helpers/cli.js';

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

describe('journald export without blank lines between entries', () => {
  // The corpus file's three entries (elastic/integrations), as a tool that drops the
  // blank separators writes them: each entry starts with its __CURSOR=.
  const corpus = splitLines(readFileSync(join(repoRoot, '../shared/corpus/iptables/elastic-integrations_iptables.journal.export.log'), 'utf8'));
  const glued = corpus.filter((l) => l !== '');

  it('a repeated __CURSOR= starts a new entry: the same events as with the blank lines', () => {
    const apart = parseLines(journalExportFormat, corpus);
    const r = parseLines(journalExportFormat, glued);
    expect(apart.events).toHaveLength(3);
    const seen = (x: typeof r) => x.events.map((e) => [e.time?.toISOString(), e.src.ip, e.dst.port, e.uptime, e.host]);
    expect(seen(r)).toEqual(seen(apart));
    // Each event still points at its own MESSAGE= line (one line earlier per blank line dropped).
    expect(r.events.map((e) => glued[e.origin.line - 1]!.startsWith('MESSAGE='))).toEqual([true, true, true]);
    expect(r.skipped).toEqual([]);
    expect(r.malformed).toEqual([]);
  });

  it('without __CURSOR=, a repeated __REALTIME_TIMESTAMP= starts a new entry', () => {
    const r = parseLines(journalExportFormat, [
      '__REALTIME_TIMESTAMP=1642033008518660',
      '_TRANSPORT=kernel',
      `MESSAGE=${MSG}`,
      '__REALTIME_TIMESTAMP=1642033068518660',
      '_TRANSPORT=kernel',
      `MESSAGE=${MSG.replace('DPT=22', 'DPT=23')}`,
    ]);
    expect(r.events.map((e) => [e.origin.line, e.time?.toISOString(), e.dst.port])).toEqual([
      [3, '2022-01-13T00:16:48.518Z', 22],
      [6, '2022-01-13T00:17:48.518Z', 23],
    ]);
  });

  it('with neither, a field the entry already has after its MESSAGE= starts a new one (its fields stay its own)', () => {
    const r = parseLines(journalExportFormat, [
      '_TRANSPORT=kernel',
      '_HOSTNAME=a',
      `MESSAGE=${MSG}`,
      '_TRANSPORT=syslog',
      '_HOSTNAME=b',
      `MESSAGE=${MSG}`,
      '_TRANSPORT=kernel',
      `MESSAGE=${MSG.replace('DPT=22', 'DPT=25')}`,
      `MESSAGE=${MSG.replace('DPT=22', 'DPT=26')}`,
    ]);
    expect(r.events.map((e) => [e.origin.line, e.host, e.dst.port])).toEqual([
      [3, 'a', 22],
      [8, null, 25],
      [9, null, 26],
    ]);
    expect(r.skipped).toEqual([{ line: 6, reason: 'not from the kernel (_TRANSPORT=syslog)' }]);
  });

  it('every entry is counted once: an event, a skip or a malformed line, none merged or lost', () => {
    const r = parseLines(journalExportFormat, [
      '__CURSOR=s=1;i=1',
      '__REALTIME_TIMESTAMP=1642033008518660',
      '_TRANSPORT=kernel',
      '__CURSOR=s=1;i=2',
      '__REALTIME_TIMESTAMP=1642033008518661',
      '_TRANSPORT=kernel',
      `MESSAGE=${MSG.replace('SRC=192.0.2.10', 'SRC=192.0.2.x')}`,
      '__CURSOR=s=1;i=3',
      '__REALTIME_TIMESTAMP=1642033008518662',
      '_TRANSPORT=kernel',
      `MESSAGE=${MSG}`,
    ]);
    expect(r.skipped).toEqual([{ line: 1, reason: 'journal entry without MESSAGE' }]);
    expect(r.malformed.map((m) => m.line)).toEqual([7]);
    expect(r.events.map((e) => e.origin.line)).toEqual([11]);
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
