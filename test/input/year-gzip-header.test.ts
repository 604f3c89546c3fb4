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
