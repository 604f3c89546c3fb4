// --year is the year of a log's first record: the rotations of one log, read oldest
// first, carry the year on from file to file (src/input/read.ts, timestamp.ts). A year a
// stamp names carries to the year-less stamps after it, in the report, follow and explain alike
// (fileYearCarry).
import { utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { readInputs } from '../../src/input/read.js';
import { Follower } from '../../src/input/follow.js';
import { ParseSession } from '../../src/live/parse-session.js';
import { LineExplainer } from '../../src/cli/explain-line.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import type { FirewallEvent } from '../../src/event.js';
import { oldestFirst } from '../../src/input/rotation-order.js';
import { tempDir } from '../helpers/cli.js';

const line = (stamp: string, port: number): string =>
  `${stamp} gw kernel: [UFW BLOCK] IN=eth0 OUT= MAC= SRC=203.0.113.5 DST=192.0.2.1 LEN=40 TOS=0x00 PREC=0x00 TTL=50 ID=1 PROTO=TCP SPT=40000 DPT=${port} WINDOW=1024 RES=0x00 SYN URGP=0`;

async function days(files: string[], year: number | null): Promise<string[]> {
  const got: string[] = [];
  await readInputs(files, { inputFormat: null, year, tz: 'UTC', onEvent: (e) => got.push(e.time?.toISOString().slice(0, 10) ?? 'undated') });
  return got;
}

describe('--year across files', () => {
  it("the rotations of one log spanning New Year: January in the live file is the year after the rotated file's December", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'kern.log.1'), [line('Dec 30 10:00:00', 22), line('Dec 31 23:59:00', 23)].join('\n') + '\n');
    writeFileSync(join(dir, 'kern.log'), [line('Jan  1 00:01:00', 80), line('Jan  2 08:00:00', 443)].join('\n') + '\n');
    // Given as a shell lists them (live file first): read oldest first.
    const files = oldestFirst([join(dir, 'kern.log'), join(dir, 'kern.log.1')]);
    expect(await days(files, 2025)).toEqual(['2025-12-30', '2025-12-31', '2026-01-01', '2026-01-02']);
  });

  it('two different logs each start at --year', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.log'), [line('Dec 31 23:00:00', 22)].join('\n') + '\n');
    writeFileSync(join(dir, 'b.log'), [line('Jan  5 10:00:00', 22)].join('\n') + '\n');
    expect(await days([join(dir, 'a.log'), join(dir, 'b.log')], 2025)).toEqual(['2025-12-31', '2025-01-05']);
  });
});

describe('a year named in the log', () => {
  const asa = (stamp: string): string =>
    `<166>${stamp} %ASA-6-302013: Built inbound TCP connection 7 for outside:203.0.113.7/41234 (203.0.113.7/41234) to inside:192.0.2.10/22 (192.0.2.10/22)`;

  it("year-less lines after a Cisco ASA stamp with its year take that year (rolling over at New Year), not the file date's; lines before it keep the file date's", async () => {
    const dir = tempDir();
    const f = join(dir, 'asa.log');
    writeFileSync(
      f,
      [
        asa('Jan  5 08:52:35 10.22.8.216'),
        asa('Aug 06 2016 20:39:42:'),
        asa('Aug  7 20:39:42 10.22.8.216'),
        asa('Aug 06 2016 20:39:42:'),
        asa('Jan  5 08:52:35 10.22.8.216'),
        // The same header text as the line before read again after a year was named: not the cached 2017.
        asa('Aug 06 2016 20:39:42:'),
        asa('Aug 07 20:39:42 10.22.8.216'),
      ].join('\n') + '\n',
    );
    // The file's date says 2026.
    utimesSync(f, new Date('2026-11-22T00:00:00Z'), new Date('2026-11-22T00:00:00Z'));
    expect(await days([f], null)).toEqual(['2026-01-05', '2016-08-06', '2016-08-07', '2016-08-06', '2017-01-05', '2016-08-06', '2016-08-07']);
  });

  it('a BSD header with its year anchors the year-less headers after it in the same file; --year keeps its say', async () => {
    const dir = tempDir();
    const f = join(dir, 'kern.log');
    writeFileSync(f, [line('Dec 30 2019 10:00:00', 22), line('Dec 31 23:59:00', 23), line('Jan  1 00:01:00', 80)].join('\n') + '\n');
    expect(await days([f], null)).toEqual(['2019-12-30', '2019-12-31', '2020-01-01']);
    expect(await days([f], 2025)).toEqual(['2019-12-30', '2025-12-31', '2026-01-01']);
  });
});

describe('the report, follow and explain date the same lines alike', () => {
  const asa = (stamp: string): string =>
    `<166>${stamp} %ASA-6-302013: Built inbound TCP connection 7 for outside:203.0.113.7/41234 (203.0.113.7/41234) to inside:192.0.2.10/22 (192.0.2.10/22)`;
  const ufw = (stamp: string, port: number): string => line(stamp, port);
  // The moment every reader dates year-less stamps against: the file's date for the report, the clock for follow and explain.
  const ref = new Date('2026-11-22T00:00:00Z');
  const iso = (e: FirewallEvent): string => e.time?.toISOString() ?? 'undated';

  async function byReport(lines: string[], year: number | null): Promise<string[]> {
    const f = join(tempDir(), 'fw.log');
    writeFileSync(f, lines.join('\n') + '\n');
    utimesSync(f, ref, ref);
    const got: string[] = [];
    await readInputs([f], { inputFormat: null, year, tz: 'UTC', onEvent: (e) => got.push(iso(e)) });
    return got;
  }

  async function byFollow(lines: string[], year: number | null): Promise<string[]> {
    const got: string[] = [];
    const session = new ParseSession({ inputFormat: null, year, tz: 'UTC', lang: 'en', onEvent: (e) => got.push(iso(e)), onMalformed: () => {}, err: () => {}, afterChunk: () => {}, now: () => ref });
    const stdin = new PassThrough();
    const f = new Follower(['-'], session, { pollMs: 30, stdin });
    await f.start();
    stdin.end(lines.join('\n') + '\n');
    await f.done;
    await f.stop();
    return got;
  }

  const cases: [string, string[], number | null][] = [
    // A Cisco ASA's own stamp names 2016: the year-less syslog headers after it are 2016's, rolling over at New Year.
    ['a Cisco ASA device stamp with its year, then year-less headers', [asa('Jan  5 08:52:35 10.22.8.216'), asa('Aug 06 2016 20:39:42:'), asa('Aug  7 20:39:42 10.22.8.216'), asa('Dec 30 2019 10:00:00:'), asa('Jan  5 08:52:35 10.22.8.216')], null],
    ['the same with --year', [asa('Jan  5 08:52:35 10.22.8.216'), asa('Aug 06 2016 20:39:42:'), asa('Aug  7 20:39:42 10.22.8.216')], 2025],
    ['a syslog header with its year, then year-less ones across New Year', [ufw('Dec 30 2019 10:00:00', 22), ufw('Dec 31 23:59:00', 23), ufw('Jan  1 00:01:00', 80)], null],
  ];

  for (const [name, lines, year] of cases) {
    it(name, async () => {
      const report = await byReport(lines, year);
      expect(report).toHaveLength(lines.length);
      expect(report).not.toContain('undated');
      expect(await byFollow(lines, year)).toEqual(report);
      expect(explainTimes(lines, year)).toEqual(report);
    });
  }

  it("the ASA's device year reaches the header after it (not the clock's 2026)", async () => {
    const lines = [asa('Aug 06 2016 20:39:42:'), asa('Aug  7 20:39:42 10.22.8.216')];
    expect(await byFollow(lines, null)).toEqual(['2016-08-06T20:39:42.000Z', '2016-08-07T20:39:42.000Z']);
    expect(explainTimes(lines, null)).toEqual(['2016-08-06T20:39:42.000Z', '2016-08-07T20:39:42.000Z']);
  });

  function explainTimes(lines: string[], year: number | null): string[] {
    const reader = new LineExplainer(loadKnowledge(), 'en', { now: ref, year, tz: 'UTC' });
    return lines.map((l) => {
      const e = reader.read(l).event;
      return e === null ? 'none' : iso(e);
    });
  }
});
