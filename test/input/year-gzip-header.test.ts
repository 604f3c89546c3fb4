// A .gz downloaded or copied without `-p` is dated by its gzip header's MTIME (the log's
// own mtime, which gzip records), not by its file date months later: a year-less log then
// runs forward across New Year (src/input/open.ts, as year-copied.test.ts for a plain file).
import { utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { gzipHeaderTime } from '../../src/input/gunzip.js';
import { openInput } from '../../src/input/open.js';
import { runCli, tempDir } from '../helpers/cli.js';

const line = (stamp: string, port: number): string =>
  `${stamp} gw kernel: [UFW BLOCK] IN=eth0 OUT= MAC= SRC=203.0.113.5 DST=192.0.2.1 LEN=40 TOS=0x00 PREC=0x00 TTL=50 ID=1 PROTO=TCP SPT=40000 DPT=${port} WINDOW=1024 RES=0x00 SYN URGP=0`;

/** Written from October 2025 to February 2026; the log's own mtime was its last line. */
const OCT_TO_FEB = [line('Oct 20 10:00:00', 22), line('Nov 10 10:00:00', 23), line('Dec 31 23:59:00', 80), line('Jan  5 08:00:00', 443), line('Feb  3 12:00:00', 8080)];
const LOG_WRITTEN = '2026-02-03T12:00:05Z';
/** Downloaded in mid November, on a day of the year the log also covers. */
const DOWNLOADED = '2026-11-15T09:00:00Z';

/** A .gz whose header records `headerTime` (null: MTIME 0, as `gzip -n` or a pipe) and whose file date is `mtime`. */
function gz(name: string, headerTime: string | null, mtime: string): string {
  const data = gzipSync(OCT_TO_FEB.join('\n') + '\n');
  data.writeUInt32LE(headerTime === null ? 0 : Date.parse(headerTime) / 1000, 4);
  const path = join(tempDir(), name);
  writeFileSync(path, data);
  utimesSync(path, new Date(mtime), new Date(mtime));
  return path;
}

function span(path: string, ...args: string[]): { first: string; last: string } {
  const r = runCli(['--tz', 'UTC', '-o', 'json', ...args, path]);
  expect(r.stderr).toBe('');
  return (JSON.parse(r.stdout) as { span: { first: string; last: string } }).span;
}

describe('gzipHeaderTime', () => {
  it('reads MTIME little-endian, and nothing from MTIME 0, a short buffer or another format', () => {
    const head = Buffer.from([0x1f, 0x8b, 8, 0, 0x78, 0x56, 0x34, 0x12]);
    expect(gzipHeaderTime(head)?.getTime()).toBe(0x12345678 * 1000);
    expect(gzipHeaderTime(Buffer.from([0x1f, 0x8b, 8, 0, 0xff, 0xff, 0xff, 0xff]))?.getTime()).toBe(0xffffffff * 1000);
    expect(gzipHeaderTime(Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0]))).toBeNull();
    expect(gzipHeaderTime(head.subarray(0, 7))).toBeNull();
    expect(gzipHeaderTime(Buffer.from([0x1f, 0x8b, 9, 0, 0x78, 0x56, 0x34, 0x12]))).toBeNull();
    expect(gzipHeaderTime(Buffer.from('Oct 20 1'))).toBeNull();
  });
});

describe('the date of a .gz', () => {
  it('downloaded nine months after the log ended: read as written, Oct 2025 to Feb 2026, one thread and two', () => {
    const path = gz('kern.log.2.gz', LOG_WRITTEN, DOWNLOADED);
    for (const threads of ['1', '2']) {
      expect(span(path, '--threads', threads)).toEqual({ first: '2025-10-20T10:00:00.000Z', last: '2026-02-03T12:00:00.000Z' });
    }
  });

  it('without a header time (gzip -n, a pipe) keeps its file date: the lines from the download day on go back a year', () => {
    // What every .gz got before the header was read: Nov 10 is before the file date's
    // 15 November, so 2026, and the Dec-Feb lines that follow are 2025-2026.
    const path = gz('nameless.gz', null, DOWNLOADED);
    expect(span(path)).toEqual({ first: '2025-12-31T23:59:00.000Z', last: '2026-11-10T10:00:00.000Z' });
  });

  it('a header time later than the file date is not taken (the file date already bounds the log)', () => {
    const path = gz('skewed.gz', '2027-06-01T00:00:00Z', LOG_WRITTEN);
    expect(span(path)).toEqual({ first: '2025-10-20T10:00:00.000Z', last: '2026-02-03T12:00:00.000Z' });
  });

  it('--year still decides over the header', () => {
    const path = gz('kern.log.2.gz', LOG_WRITTEN, DOWNLOADED);
    expect(span(path, '--year', '2019')).toEqual({ first: '2019-10-20T10:00:00.000Z', last: '2020-02-03T12:00:00.000Z' });
  });

  it('the opened input carries the header date as its file date, without a second open', async () => {
    const input = await openInput(gz('kern.log.2.gz', LOG_WRITTEN, DOWNLOADED));
    try {
      expect(input.gzip).toBe(true);
      expect(input.refDate.toISOString()).toBe('2026-02-03T12:00:05.000Z');
    } finally {
      input.stream.destroy();
      await input.close();
    }
  });
});

describe('a .gz of several members (cat a.gz b.gz, pigz, some rotators)', () => {
  const DEC = [line('Dec 30 10:00:00', 22), line('Dec 31 23:00:00', 23)];
  const JAN = [line('Jan  1 01:00:00', 80), line('Jan  5 08:00:00', 443), line('Jan  9 12:00:00', 8080)];

  /** December's log gzipped (its header: the last December line), then January's (its header: Jan 9), concatenated. */
  function decJan(mtime: string, janHeader: string | null = '2026-01-09T12:00:05Z'): string {
    const member = (lines: string[], at: string | null): Buffer => {
      const b = gzipSync(lines.join('\n') + '\n');
      b.writeUInt32LE(at === null ? 0 : Date.parse(at) / 1000, 4);
      return b;
    };
    const path = join(tempDir(), 'kern.log.2.gz');
    writeFileSync(path, Buffer.concat([member(DEC, '2025-12-31T23:00:05Z'), member(JAN, janHeader)]));
    utimesSync(path, new Date(mtime), new Date(mtime));
    return path;
  }

  const times = (path: string): string[] => {
    const r = runCli(['events', '--tz', 'UTC', '-o', 'ndjson', path]);
    expect(r.stderr).toBe('');
    return r.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { time: string }).time);
  };

  it('every member is read, each dated from its own header on: January after December, not a year back', () => {
    // Dated by its first member alone (Dec 31), Jan 5 and Jan 9 were more than two days after it: 2025.
    expect(times(decJan('2026-03-01T00:00:00Z'))).toEqual([
      '2025-12-30T10:00:00.000Z',
      '2025-12-31T23:00:00.000Z',
      '2026-01-01T01:00:00.000Z',
      '2026-01-05T08:00:00.000Z',
      '2026-01-09T12:00:00.000Z',
    ]);
  });

  it('one thread and two read it alike, and the report, check and daily see every member', () => {
    const path = decJan('2026-03-01T00:00:00Z');
    for (const threads of ['1', '2']) expect(span(path, '--threads', threads)).toEqual({ first: '2025-12-30T10:00:00.000Z', last: '2026-01-09T12:00:00.000Z' });
    const check = runCli(['check', '--tz', 'UTC', path]);
    expect(check.stdout).toMatch(/lines\s+5: 5 parsed/);
    // The day in the second member is found by daily (it ended "before the day" when dated by the first).
    const daily = runCli(['daily', '--tz', 'UTC', '--date', '2026-01-05', path]);
    expect(daily.code).toBe(0);
    expect(daily.stdout).toContain('**probes:** 1 packet from 1 source to 1 port');
  });

  it('a later member without a header time (gzip -n) or with one after the file date leaves the date where it was', () => {
    // No January date: the first member's Dec 31 stays, and Jan 5 and 9 go back a year as before.
    expect(times(decJan('2026-03-01T00:00:00Z', null)).slice(3)).toEqual(['2025-01-05T08:00:00.000Z', '2025-01-09T12:00:00.000Z']);
    // The file date (Jan 6) bounds a header that claims later (Jan 9): Jan 9 is read as 2025.
    expect(times(decJan('2026-01-06T00:00:00Z')).slice(2)).toEqual(['2026-01-01T01:00:00.000Z', '2026-01-05T08:00:00.000Z', '2025-01-09T12:00:00.000Z']);
  });
});
