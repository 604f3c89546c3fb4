// --year is the year of a log's first record: the rotations of one log, read oldest
// first, carry the year on from file to file (src/input/read.ts, timestamp.ts).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readInputs } from '../../src/input/read.js';
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
