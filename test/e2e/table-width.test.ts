// Every line of the text report and the daily summary fits the width it was given
// (README, "Output formats": the terminal, through a pipe $COLUMNS), also with IPv6
// sources 39 columns wide and in Chinese, whose characters take two columns. Below the
// tables' least width (about 65) they stay as wide as their columns need.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';
import { displayWidth } from '../../src/render/box-table.js';

/** Three IPv6 sources that no compression shortens, each probing five hosts on two days. */
function ipv6Log(): string {
  const sources = ['2001:db8:ffff:1234:5678:abcd:ef01:2345', '2001:db8:aaaa:bbbb:cccc:dddd:eeee:ffff', 'fe80:1111:2222:3333:4444:5555:6666:7777'];
  const lines: string[] = [];
  let t = 0;
  for (const day of [20, 21])
    for (const src of sources)
      for (let host = 1; host <= 5; host++)
        for (const port of [22, 23, 6776, 27374, 3389]) {
          t++;
          const time = `10:${String(Math.floor(t / 60) % 60).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`;
          lines.push(
            `Nov ${day} ${time} host kernel: [UFW BLOCK] IN=eth0 OUT= MAC= SRC=${src} DST=2001:0db8:85a3:1111:2222:8a2e:0370:000${host} LEN=60 TC=0 HOPLIMIT=50 FLOWLBL=0 PROTO=TCP SPT=${40000 + t} DPT=${port} WINDOW=1024 RES=0x00 SYN URGP=0`,
          );
        }
  return lines.join('\n') + '\n';
}

function widest(text: string): { width: number; line: string } {
  let best = { width: 0, line: '' };
  for (const line of text.split('\n')) {
    const w = displayWidth(line);
    if (w > best.width) best = { width: w, line };
  }
  return best;
}

describe('text output within the width, IPv6 sources', () => {
  let log = '';
  beforeAll(() => {
    log = join(tempDir(), 'v6.log');
    writeFileSync(log, ipv6Log());
  });
  const BASE = ['--year', '2026', '--tz', 'UTC'];
  const run = (args: string[], columns: number): string => {
    const r = runCli(args, { env: { COLUMNS: String(columns) } });
    expect(r.code, r.stderr).toBe(0);
    return r.stdout;
  };

  for (const columns of [65, 80, 100, 120])
    for (const lang of ['en', 'zh'])
      it(`report and daily at ${columns} columns, --lang ${lang}`, () => {
        for (const args of [[log, ...BASE, '--lang', lang], ['daily', '-o', 'text', log, ...BASE, '--date', '2026-11-21', '--lang', lang]]) {
          const text = run(args, columns);
          expect(widest(text).width, widest(text).line).toBeLessThanOrEqual(columns);
        }
      });

  it('an address that must wrap breaks after a colon, each line a whole part of it', () => {
    const text = run([log, ...BASE], 65);
    expect(text).toMatch(/│ 2001:db8:aaaa:bbbb:cccc:dddd: +│/);
    expect(text).toMatch(/│ {3}│ eeee:ffff +│/);
    // At 80 columns (the why under each row) and at 120 it has room: one line.
    for (const columns of [80, 120]) expect(run([log, ...BASE], columns)).toMatch(/│ 2001:db8:aaaa:bbbb:cccc:dddd:eeee:ffff +│/);
  });

  it('below the least width the tables keep the width their columns need (about 65)', () => {
    const text = run([log, ...BASE], 40);
    const tables = text.split('\n').filter((l) => /^[┌│└]/.test(l));
    expect(tables.length).toBeGreaterThan(0);
    expect(Math.max(...tables.map(displayWidth))).toBeLessThanOrEqual(66);
  });
});
