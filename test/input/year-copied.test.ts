// The year of a year-less log whose file date is long after its last line (a copy made
// without `cp -p`, a download): its years run forward, as the log was written, and the
// last line gets the year the file date gives it (src/input/end-stamp.ts, read.ts).
import { utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readInputs } from '../../src/input/read.js';
import { ndjson, runCli, tempDir } from '../helpers/cli.js';

const line = (stamp: string, port: number): string =>
  `${stamp} gw kernel: [UFW BLOCK] IN=eth0 OUT= MAC= SRC=203.0.113.5 DST=192.0.2.1 LEN=40 TOS=0x00 PREC=0x00 TTL=50 ID=1 PROTO=TCP SPT=40000 DPT=${port} WINDOW=1024 RES=0x00 SYN URGP=0`;

/** A log written from October 2025 to February 2026. */
const OCT_TO_FEB = [line('Oct 20 10:00:00', 22), line('Nov 10 10:00:00', 23), line('Nov 30 10:00:00', 25), line('Dec 31 23:59:00', 80), line('Jan  5 08:00:00', 443), line('Feb  3 12:00:00', 8080)];
const OCT_TO_FEB_DAYS = ['2025-10-20', '2025-11-10', '2025-11-30', '2025-12-31', '2026-01-05', '2026-02-03'];

function logDated(name: string, lines: string[], mtime: string, gzip = false): string {
  const path = join(tempDir(), name);
  const text = lines.join('\n') + '\n';
  writeFileSync(path, gzip ? gzipSync(text) : text);
  const t = new Date(mtime);
  utimesSync(path, t, t);
  return path;
}

async function days(files: string[]): Promise<string[]> {
  const got: string[] = [];
  await readInputs(files, { inputFormat: null, year: null, tz: 'UTC', onEvent: (e) => got.push(e.time?.toISOString().slice(0, 10) ?? 'undated') });
  return got;
}

describe('year inference for a file dated long after its last line', () => {
  it('copied nine months later, on a day the log also covers (mid November): one year boundary, at New Year, not one in November', async () => {
    expect(await days([logDated('copied.log', OCT_TO_FEB, '2026-11-15T09:00:00Z')])).toEqual(OCT_TO_FEB_DAYS);
  });

  it('copied ten and a half months later (end of December): December stays before January', async () => {
    expect(await days([logDated('copied.log', OCT_TO_FEB, '2026-12-31T12:00:00Z')])).toEqual(OCT_TO_FEB_DAYS);
  });

  it('a log of July to September copied the next August runs forward too', async () => {
    const lines = [line('Jul 10 10:00:00', 22), line('Aug 10 10:00:00', 23), line('Aug 25 10:00:00', 25), line('Sep  9 10:00:00', 80)];
    expect(await days([logDated('summer.log', lines, '2026-08-15T00:00:00Z')])).toEqual(['2025-07-10', '2025-08-10', '2025-08-25', '2025-09-09']);
  });

  it('unchanged for a log whose date is its last line (a live log, a copy made with cp -p)', async () => {
    expect(await days([logDated('kern.log', OCT_TO_FEB, '2026-02-03T12:00:05Z')])).toEqual(OCT_TO_FEB_DAYS);
    // Copied in March: every line is before the file date in the years a live log would have.
    expect(await days([logDated('march.log', OCT_TO_FEB, '2026-03-20T00:00:00Z')])).toEqual(OCT_TO_FEB_DAYS);
  });

  it('a last line up to two days after the file date (clock skew) keeps the file date as reference', async () => {
    const lines = [line('Dec 30 10:00:00', 22), line('Jan  2 10:00:00', 23)];
    expect(await days([logDated('skew.log', lines, '2025-12-31T12:00:00Z')])).toEqual(['2025-12-30', '2026-01-02']);
  });

  it('the last stamped line is found behind a line without one, in a file without a newline at its end', async () => {
    const lines = [...OCT_TO_FEB, 'garbage without a stamp', 'Feb  3 12:00:01 gw kernel: [UFW BLO'];
    const path = logDated('torn.log', lines, '2026-11-15T09:00:00Z');
    writeFileSync(path, lines.join('\n')); // no newline at the end
    utimesSync(path, new Date('2026-11-15T09:00:00Z'), new Date('2026-11-15T09:00:00Z'));
    expect(await days([path])).toEqual(OCT_TO_FEB_DAYS);
  });

  it('through the CLI, one thread and two, and what `events` says', () => {
    const path = logDated('copied.log', OCT_TO_FEB, '2026-11-15T09:00:00Z');
    for (const threads of ['1', '2']) {
      const evs = ndjson(runCli(['events', '--tz', 'UTC', '--threads', threads, path]).stdout);
      expect(evs.map((e) => (e.time as string).slice(0, 10))).toEqual(OCT_TO_FEB_DAYS);
      expect(evs.every((e) => e.yearInferred === true)).toBe(true);
    }
  });

  it('a compressed file is dated by its modification time (gzip keeps the log\'s): its lines are not read ahead of time', async () => {
    // Dated at its last line, as gzip leaves a rotated log: the same years as the plain file.
    expect(await days([logDated('kern.log.2.gz', OCT_TO_FEB, '2026-02-03T12:00:05Z', true)])).toEqual(OCT_TO_FEB_DAYS);
  });
});
