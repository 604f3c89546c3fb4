// `follow --from-start` over an hour-long port scan from one source: the folding windows
// grow (docs/follow.md, "Folding"), so the hour is a few lines a minute, and no probe is lost
// between the printed lines and the "+N more" counts.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FOLD_WINDOWS } from '../../src/live/fold.js';
import { ndjson, runCli, startCli, tempDir } from '../helpers/cli.js';

const SCANNER = '198.51.100.77';
const PROBES = 3000;
/** One probe every 1.2 s (syslog stamps keep the whole second): an hour. */
const SPACING_MS = 1200;
const p2 = (n: number): string => String(n).padStart(2, '0');
const stamp = (ms: number): string => {
  const d = new Date(Date.UTC(2026, 10, 20, 6, 0, 0) + ms);
  return `Nov 20 ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
};
const ufwLine = (ms: number, src: string, port: number, id: number): string =>
  `${stamp(ms)} gw kernel: [12345.678901] [UFW BLOCK] IN=eth0 OUT= MAC=00:11:22:33:44:55:66:77:88:99:aa:bb:08:00 SRC=${src} DST=192.168.1.10 LEN=44 TOS=0x00 PREC=0x00 TTL=51 ID=${id} PROTO=TCP SPT=${40000 + (id % 20000)} DPT=${port} WINDOW=1024 RES=0x00 SYN URGP=0`;

describe('follow: an hour-long scan', () => {
  it('prints a few lines a minute, and its printed probes plus the folded counts are every probe', async () => {
    const dir = tempDir();
    const path = join(dir, 'scan.log');
    const lines = Array.from({ length: PROBES }, (_, i) => ufwLine(i * SPACING_MS, SCANNER, 1024 + ((i * 7919) % 60000), i));
    // Another source half an hour after the scan: printed, so the test knows the scan was read (its last probe may be folded).
    const sentinel = ufwLine(PROBES * SPACING_MS + 1_800_000, '203.0.113.250', 22, PROBES);
    writeFileSync(path, [...lines, sentinel].join('\n') + '\n');
    const args = ['--tz', 'UTC', '--year', '2026'];

    // -o ndjson is not folded: every probe is an event. Its annotations bound the lines printed for new information.
    const events = ndjson(runCli(['follow', '-o', 'ndjson', ...args, '-'], { input: [...lines, sentinel].join('\n') + '\n' }).stdout);
    const scan = events.filter((e) => (e.src as { ip: string }).ip === SCANNER);
    expect(scan).toHaveLength(PROBES);
    const ids = new Set(scan.flatMap((e) => (e.annotations as { id: string }[]).map((a) => a.id)));

    // Wide, so a long meaning is not wrapped onto a second line.
    const cli = startCli(['follow', '--from-start', ...args, path], { env: { LOGSCAN_FOLLOW_POLL_MS: '40', COLUMNS: '1000' } });
    await cli.waitFor((out) => out.includes('203.0.113.250'), 20_000);
    const r = await cli.stop();
    expect(r.code).toBe(0);
    const live = r.stdout.slice(0, r.stdout.indexOf('\n── followed for')).split('\n');

    const probeRe = new RegExp(`^\\d\\d:\\d\\d:\\d\\d  ${SCANNER.replace(/\./g, '\\.')} +→`);
    const foldRe = new RegExp(`^ {2}\\+([\\d,]+) more from ${SCANNER.replace(/\./g, '\\.')} in `);
    const printed = live.filter((l) => probeRe.test(l)).length;
    const folds = live.flatMap((l) => {
      const m = foldRe.exec(l);
      return m ? [Number(m[1].replace(/,/g, ''))] : [];
    });
    expect(printed + folds.reduce((a, b) => a + b, 0)).toBe(PROBES);

    // The bound from the rules: the scan never pauses longer than a window, so each window
    // after the first two lasts the last length; a window prints its `show` probes, one per
    // annotation it has not shown yet, and its count.
    const spanMs = (PROBES - 1) * SPACING_MS;
    const [first, second, ...rest] = FOLD_WINDOWS;
    const longest = rest.length > 0 ? rest[rest.length - 1] : second;
    const windows = 2 + Math.floor((spanMs - first.ms - second.ms) / longest.ms) + 1;
    const perWindow = (show: number): number => show + ids.size + 1;
    const bound = 1 /* the day's line */ + 1 /* the other source */ + perWindow(first.show) + (windows - 1) * perWindow(Math.max(second.show, longest.show));
    expect(live.length).toBeLessThanOrEqual(bound);
    // With only the first window (no escalation) the same hour needs at least a count and 3 probes per 10 s.
    expect(bound).toBeLessThan((spanMs / first.ms) * (first.show + 1) / 4);
    expect(folds.length).toBeGreaterThanOrEqual(windows - 1);

    // The last count says since when the scan has been going on, in the log's clock, and all its probes.
    const last = live.filter((l) => foldRe.test(l)).at(-1)!;
    expect(last).toMatch(new RegExp(`\\(going on since 06:00:00, ${PROBES.toLocaleString('en-US')} probes so far\\)$`));
    // The first count (one window) does not.
    expect(live.find((l) => foldRe.test(l))).not.toContain('going on');
  });

  it('a scan going on across midnight: its counts after midnight say the day it began, in --tz (en, zh)', async () => {
    const dir = tempDir();
    const path = join(dir, 'midnight.log');
    // 23:58:00 to 00:04:00 (log time 11-20 → 11-21), one probe every 1.2 s.
    const startMs = Date.UTC(2026, 10, 20, 23, 58, 0);
    const at = (ms: number): string => {
      const d = new Date(startMs + ms);
      return `Nov ${d.getUTCDate()} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
    };
    const n = 300;
    const line = (i: number, src = SCANNER, port = 1024 + ((i * 7919) % 60000)): string =>
      `${at(i * SPACING_MS)} gw kernel: [12345.678901] [UFW BLOCK] IN=eth0 OUT= MAC=00:11:22:33:44:55:66:77:88:99:aa:bb:08:00 SRC=${src} DST=192.168.1.10 LEN=44 TOS=0x00 PREC=0x00 TTL=51 ID=${i} PROTO=TCP SPT=40000 DPT=${port} WINDOW=1024 RES=0x00 SYN URGP=0`;
    const sentinel = line(n + 1500, '203.0.113.250', 22);
    writeFileSync(path, [...Array.from({ length: n }, (_, i) => line(i)), sentinel].join('\n') + '\n');
    const run = async (lang: string): Promise<string[]> => {
      const cli = startCli(['follow', '--from-start', '--tz', 'UTC', '--year', '2026', '--lang', lang, path], { env: { LOGSCAN_FOLLOW_POLL_MS: '40', COLUMNS: '1000' } });
      await cli.waitFor((out) => out.includes('203.0.113.250'), 20_000);
      const r = await cli.stop();
      expect(r.code).toBe(0);
      return r.stdout.slice(0, r.stdout.indexOf('\n──', r.stdout.indexOf('203.0.113.250'))).split('\n');
    };
    const en = await run('en');
    const day2 = en.indexOf('── 2026-11-21 ──');
    expect(day2).toBeGreaterThan(0);
    const going = (ls: string[]) => ls.filter((l) => l.includes(`from ${SCANNER}`) && l.includes('going on since'));
    // A count that ends before midnight says the time of day; one that ends after it, the date as well
    // (the last count above the day's line can: its latest probes were folded, no line of 11-21 printed yet).
    expect(going(en)[0]).toMatch(/\(going on since 23:58:00, [\d,]+ probes so far\)$/);
    const after = going(en.slice(day2));
    expect(after.length).toBeGreaterThan(0);
    for (const l of after) expect(l).toMatch(/\(going on since 11-20 23:58:00, [\d,]+ probes so far\)$/);
    const zh = await run('zh');
    const dated = going(en).filter((l) => l.includes('since 11-20 23:58:00')).length;
    expect(dated).toBeGreaterThanOrEqual(after.length);
    expect(zh.filter((l) => l.includes('（自 11-20 23:58:00 起持续，至今共')).length).toBe(dated);
  });
});
