// Cisco ASA stamps in the hour that repeats when summer time ends (src/parsers/cisco-asa.ts
// AsaClock, local-time.ts): read in log order like the syslog stamps, across the rotations
// of one log given together, and mixed with syslog-header stamps in one file.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ndjson, runCli, tempDir } from '../helpers/cli.js';

const body = (port: number) => `%ASA-4-106023: Deny tcp src outside:203.0.113.7/40000 dst inside:192.0.2.57/${port} by access-group "outside_in" [0x0, 0x0]`;
/** The ASA's own stamp, with a year and no zone (`logging timestamp` on the device). */
const own = (day: string, time: string, port: number) => `<164>${day} 2026 ${time}: ${body(port)}`;
/** A syslog header stamp (year-less) before the device address. */
const header = (day: string, time: string, port: number) => `<166>${day} ${time} 10.22.8.216 ${body(port)}`;

function times(files: string[], tz: string): string[] {
  const r = runCli(['events', '--tz', tz, '--year', '2026', ...files]);
  expect(r.stderr).toBe('');
  return ndjson(r.stdout).map((e) => e.time as string);
}

describe('cisco-asa: the hour autumn repeats (Europe/Berlin, 25 Oct 2026: 02:00-02:59 twice)', () => {
  // asa.log.1 ends in the first pass (CEST, +02:00), asa.log starts in the second (CET, +01:00).
  const older = [own('Oct 25', '02:30:00', 22), own('Oct 25', '02:55:00', 23)];
  const newer = [own('Oct 25', '02:05:00', 25), own('Oct 25', '02:40:00', 80), own('Oct 25', '03:10:00', 443)];
  const want = ['2026-10-25T00:30:00.000Z', '2026-10-25T00:55:00.000Z', '2026-10-25T01:05:00.000Z', '2026-10-25T01:40:00.000Z', '2026-10-25T02:10:00.000Z'];

  it("the ASA's own stamps in one file read in log order", () => {
    const dir = tempDir();
    const joined = join(dir, 'asa-joined.log');
    writeFileSync(joined, [...older, ...newer].join('\n') + '\n');
    expect(times([joined], 'Europe/Berlin')).toEqual(want);
  });

  it("asa.log.1 then asa.log: the second file's first lines are read after the first file's last, as one file", () => {
    const dir = tempDir();
    const old = join(dir, 'asa.log.1');
    const live = join(dir, 'asa.log');
    writeFileSync(old, older.join('\n') + '\n');
    writeFileSync(live, newer.join('\n') + '\n');
    // Given newest first (as a shell's asa.log* lists them): read oldest first.
    expect(times([live, old], 'Europe/Berlin')).toEqual(want);
    expect(times([old, live], 'Europe/Berlin')).toEqual(want);
    // The report (two threads: the reading worker has the carry too) spans the same instants.
    const doc = JSON.parse(runCli(['--tz', 'Europe/Berlin', '-o', 'json', '--threads', '2', live, old]).stdout) as { span: { first: string; last: string } };
    expect(doc.span).toMatchObject({ first: want[0], last: want[4] });
  });

  it('two logs that are not rotations of one another each start on their own', () => {
    const dir = tempDir();
    const a = join(dir, 'a.log');
    const b = join(dir, 'b.log');
    writeFileSync(a, older.join('\n') + '\n');
    writeFileSync(b, newer.join('\n') + '\n');
    // b.log alone: its 02:05 has nothing before it, so it is the earlier instant.
    expect(times([a, b], 'Europe/Berlin').slice(2)).toEqual(['2026-10-25T00:05:00.000Z', '2026-10-25T00:40:00.000Z', '2026-10-25T02:10:00.000Z']);
  });
});

describe('cisco-asa: own stamps and syslog header stamps in one file share the log order (America/New_York, 1 Nov 2026: 01:00-01:59 twice)', () => {
  it('a header-stamped line after an own-stamped one in the second pass is read in the second pass, and the other way round', () => {
    const dir = tempDir();
    const f = join(dir, 'loghost.log');
    writeFileSync(
      f,
      [
        own('Nov  1', '01:30:00', 22), // EDT, -04:00
        own('Nov  1', '01:55:00', 23),
        header('Nov  1', '01:10:00', 25), // EST, -05:00: 15 minutes after the line above
        own('Nov  1', '01:20:00', 80),
        header('Nov  1', '01:40:00', 443),
      ].join('\n') + '\n',
    );
    expect(times([f], 'America/New_York')).toEqual([
      '2026-11-01T05:30:00.000Z',
      '2026-11-01T05:55:00.000Z',
      '2026-11-01T06:10:00.000Z',
      '2026-11-01T06:20:00.000Z',
      '2026-11-01T06:40:00.000Z',
    ]);
  });
});
