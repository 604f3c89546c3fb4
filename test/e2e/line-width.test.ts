// The lines around the tables fit the width too (README, "Output formats": the terminal,
// through a pipe $COLUMNS): follow's probe, alert and fold lines, the report's filter and
// "ignored" rows, and `logscan formats`, in English and in Chinese (two columns a character).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runCliShared, tempDir } from '../helpers/cli.js';
import { reportAs } from '../helpers/views.js';
import { displayWidth } from '../../src/render/box-table.js';

const UFW = 'samples/ufw.log';
const BASE = ['--year', '2026', '--tz', 'UTC'];
const COLUMNS = [65, 80, 120];
const LANGS = ['en', 'zh'] as const;

/** The lines wider than `columns`, with their widths (none is the point). */
function over(text: string, columns: number): string[] {
  return text.split('\n').filter((l) => displayWidth(l) > columns).map((l) => `${displayWidth(l)}: ${l}`);
}

/**
 * The report's text at `columns`, from one run per log and language (its JSON document, read
 * through the renderer the CLI calls: views.ts); views.test.ts holds the CLI's text at a width to it.
 */
function report(args: string[], columns: number): string {
  const r = runCliShared([...args, '-o', 'json']);
  expect(r.code, r.stderr).toBe(0);
  return reportAs(args, 'text', { width: columns });
}

/** Shared: a test that reads a run the loop above it made (the same arguments) starts no CLI of its own. */
function run(args: string[], columns: number, input?: string): string {
  const r = runCliShared(args, { env: { COLUMNS: String(columns) }, input });
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
}

describe('follow: probe, alert and fold lines within the width', () => {
  for (const columns of COLUMNS)
    for (const lang of LANGS)
      it(`${columns} columns, --lang ${lang}`, () => {
        const text = run(['follow', '-', '--alert-score', '30', ...BASE, '--lang', lang], columns, readFileSync(UFW, 'utf8'));
        expect(text).toContain(lang === 'en' ? '!! ALERT' : '!! 告警');
        expect(over(text, columns)).toEqual([]);
      });

  it('a line that wraps goes on under the port\'s name, nothing lost; a line that fits is one line as before', () => {
    const log = readFileSync(UFW, 'utf8');
    const narrow = run(['follow', '-', ...BASE], 65, log);
    // 08:46:06  192.0.2.177      → 8888/tcp   HTTP proxy / alt web  open-proxy hunt: 77 columns in one line.
    expect(narrow).toMatch(/^08:46:06 {2}192\.0\.2\.177 {6}→ 8888\/tcp {3}HTTP proxy \/ alt web\n {40}open-proxy hunt$/m);
    const wide = run(['follow', '-', ...BASE], 120, log);
    expect(wide).toMatch(/^08:46:06 {2}192\.0\.2\.177 {6}→ 8888\/tcp {3}HTTP proxy \/ alt web {2}open-proxy hunt$/m);
  });
});

describe('follow into a pipe or a file, no width asked for', () => {
  it('keeps one line per probe and alert, the meaning not clipped: grep finds each whole', () => {
    const log = readFileSync(UFW, 'utf8');
    const r = runCli(['follow', '-', '--alert-score', '30', ...BASE], { env: { COLUMNS: '' }, input: log });
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split('\n').filter((l) => l !== '');
    // Every line is a record of its own: a time first, or a day marker / the end's summary, never a continuation.
    const continuations = lines.filter((l) => /^ {10}\S/.test(l));
    expect(continuations).toEqual([]);
    expect(r.stdout).toContain('09:41:10  !! ALERT 198.51.100.77 score 30.1 ≥ 30 13 packets to 78/tcp, 100/tcp, 167/tcp +10\n');
    expect(lines.some((l) => displayWidth(l) > 120 && !l.endsWith('…'))).toBe(true);
  });
});

describe('follow -o ndjson: alerts on stderr', () => {
  it('a stderr that is no terminal keeps one line per alert, whatever the width', () => {
    const r = runCli(['follow', '-', '-o', 'ndjson', '--alert-score', '30', ...BASE], { env: { COLUMNS: '65' }, input: readFileSync(UFW, 'utf8') });
    expect(r.code, r.stderr).toBe(0);
    const alerts = r.stderr.split('\n').filter((l) => l.includes('!! ALERT'));
    expect(alerts.length).toBeGreaterThan(0);
    expect(r.stderr).toContain('09:41:10  !! ALERT 198.51.100.77 score 30.1 ≥ 30 13 packets to 78/tcp, 100/tcp, 167/tcp +10\n');
  });
});

describe('report: the filter and "ignored" rows within the width', () => {
  // One list for every test here: the same path keeps their runs of one language shared.
  let list: string | undefined;
  const ignore = (): string => {
    if (list !== undefined) return list;
    list = join(tempDir(), 'ignore.txt');
    writeFileSync(list, '192.0.2.0/24\n');
    return list;
  };
  // --since within an hour of the log's first line (06:51), so no "the logs read begin only at" item joins the row.
  const FILTERS = ['--since', '2026-11-20 06:00', '--until', '2026-11-21 12:00', '--source', '198.51.100.0/24', '--source', '2001:db8:ffff:1234:5678:abcd:ef01:2345', '--source', '203.0.113.0/24', '--min-severity', '2'];

  for (const columns of COLUMNS)
    for (const lang of LANGS)
      it(`${columns} columns, --lang ${lang}`, () => {
        const text = report([UFW, ...BASE, ...FILTERS, '--ignore', ignore(), '--lang', lang], columns);
        expect(text).toContain('2001:db8:ffff:1234:5678:abcd:ef01:2345/128');
        expect(over(text, columns)).toEqual([]);
      });

  it('never breaks inside a network of the source list; continuation lines line up under the first item', () => {
    const text = report([UFW, ...BASE, ...FILTERS, '--ignore', ignore()], 65);
    const row = text.slice(text.indexOf('filter')).split('\n');
    expect(row.slice(0, 6)).toEqual([
      'filter     since 2026-11-20 06:00:00 ·',
      '           until 2026-11-21 12:00:00 ·',
      '           source 198.51.100.0/24,',
      '           2001:db8:ffff:1234:5678:abcd:ef01:2345/128,',
      '           203.0.113.0/24 · min severity 2 (213 events left out)',
      'ignored    0 events matched the --ignore list',
    ]);
  });
});

describe('report: a "logged as" label that wraps keeps its count and share', () => {
  // UniFi logs a rule's description after its prefix: a label wider than the line.
  const UNIFI = '../shared/corpus/iptables/crowdsec-hub_unifi-udm.log';
  for (const lang of LANGS)
    it(`80 columns, --lang ${lang}`, () => {
      const text = report([UNIFI, ...BASE, '--lang', lang], 80);
      expect(over(text, 80)).toEqual([]);
      expect(text).toMatch(/Traffic" 2 ?[(（]67%[)）]/);
      // Each of its two labels starts a line of its own.
      expect(text).toMatch(/\n {11}\[WAN_LOCAL-A-2147483647\] DESCR=/);
    });
});

describe('--source details: two log prefixes wider than the line each start a line', () => {
  // crowdsec-hub_unifi-udm.log's first line, and the same source logged under a second, longer rule description.
  const UNIFI = '../shared/corpus/iptables/crowdsec-hub_unifi-udm.log';
  const longLabels = (): string => {
    const first = readFileSync(UNIFI, 'utf8').split('\n')[0]!.replace('Block All Traffic"', 'Block All Traffic From WAN To The Local Gateway Itself"');
    const second = first.replace(/\[WAN_LOCAL-D-2147483647\] DESCR="[^"]*"/, '[WAN_LOCAL-D-2147483646] DESCR="[WAN_LOCAL]Drop Invalid State Packets From The Internet To The Gateway"');
    const file = join(tempDir(), 'unifi-long.log');
    writeFileSync(file, `${first}\n${first}\n${second}\n`);
    return file;
  };
  for (const lang of LANGS)
    it(`80 columns, --lang ${lang}`, () => {
      const text = report([longLabels(), ...BASE, '--lang', lang, '--source', '192.168.1.1'], 80);
      expect(over(text, 80)).toEqual([]);
      const details = text.slice(text.indexOf(lang === 'zh' ? '  记录为\n' : '  logged as\n'));
      expect(details).toMatch(/^ {2}[^\n]+\n {4}\[WAN_LOCAL-D-2147483647\] DESCR=[^\n]*\n {4}[^[\n]* 2 ·\n {4}\[WAN_LOCAL-D-2147483646\] DESCR=/);
    });
});

describe('report: the title line within the width', () => {
  const WINDOWS = '../shared/corpus/windows-firewall/balaji6894-copilot_pfirewall-pid-nul.log';
  /** A copy of the sample under a deep directory and a long name, as a rotated log in an archive might be. */
  let copy: string | undefined;
  const deep = (): string => {
    if (copy !== undefined) return copy; // one copy: runs of it by the tests below are shared
    const dir = join(tempDir(), 'archive', 'gateway-edge-01.example.net', 'var', 'log');
    mkdirSync(dir, { recursive: true });
    copy = join(dir, 'ufw.log.2026-11-22_rotated-by-logrotate-after-reboot');
    writeFileSync(copy, readFileSync(UFW));
    return copy;
  };

  for (const columns of COLUMNS)
    for (const lang of LANGS)
      it(`${columns} columns, --lang ${lang}: one input, several`, () => {
        const long = deep();
        for (const inputs of [[WINDOWS], [long], [UFW], [UFW, long]]) {
          const text = report([...inputs, ...BASE, '--lang', lang], columns);
          const head = text.slice(0, text.indexOf('\n\n'));
          expect(over(head, columns)).toEqual([]);
        }
      });

  it('a long path breaks after a directory, the file name whole on its own line; continuation lines go on under it', () => {
    const text = report([WINDOWS, ...BASE, '--lang', 'en'], 65);
    expect(text.split('\n').slice(0, 2)).toEqual(['logscan · ../shared/corpus/windows-firewall/', '          balaji6894-copilot_pfirewall-pid-nul.log']);
    const long = deep();
    const lines = report([long, ...BASE, '--lang', 'en'], 65).split('\n');
    const title = lines.slice(0, lines.findIndex((l) => /^\d{4}-/.test(l)));
    expect(title.length).toBeGreaterThan(1);
    expect(title.at(-1)!.trim()).toBe(basename(long));
    expect(title.map((l) => l.replace(/^logscan · | {10}/, '')).join('')).toBe(long);
  });
});

describe('formats within the width', () => {
  for (const columns of COLUMNS)
    for (const lang of LANGS)
      it(`${columns} columns, --lang ${lang}`, () => {
        const text = run(['formats', '--lang', lang], columns);
        expect(over(text, columns)).toEqual([]);
      });

  it('an example line that wraps goes on two columns further in; nothing of it is lost', () => {
    const text = run(['formats', '--lang', 'en'], 80);
    // A word longer than a line (the journald JSON example) is cut, so compare without the breaks.
    const chars = (s: string): string => s.replace(/\s+/g, '');
    const wide = run(['formats'], 1000);
    expect(over(wide, 120).length).toBeGreaterThan(0);
    expect(chars(text)).toBe(chars(wide));
    expect(text).toContain('\n    #Fields: date time action protocol src-ip dst-ip src-port dst-port size\n      tcpflags ');
    // Its spacing is the format's: BSD syslog pads the day ("Jan  5"), and wrapping keeps that.
    expect(run(['formats', '--lang', 'en'], 65)).toContain('\n    <166>Jan  5 08:52:35 10.22.8.216 %ASA-6-302013: Built\n      inbound ');
  });
});

describe('check: its hints within the width', () => {
  // The hint under metron_asa_raw.log's malformed line was 98 columns on a 65-column terminal.
  const ASA = '../shared/corpus/cisco-asa/metron_asa_raw.log';
  for (const columns of COLUMNS)
    for (const lang of LANGS)
      it(`${columns} columns, --lang ${lang}: every row, the example log lines wrapped to at most 3 lines too`, () => {
        const text = run(['check', ASA, '--lang', lang], columns);
        expect(text).toContain(lang === 'en' ? 'hint: malformed lines' : '提示：格式错误的行');
        expect(over(text, columns)).toEqual([]);
        // Each example: its lead line, then at most two lines under it, further in than the lead.
        const lines = text.split('\n');
        const leads = lines.flatMap((l, i) => (/^ +(?:e\.g\. line \d+|例：第 \d+ 行)/.test(l) ? [i] : []));
        expect(leads.length).toBeGreaterThan(0);
        for (const i of leads) {
          const indent = lines[i]!.search(/\S/);
          let n = 1;
          while (lines[i + n] !== undefined && lines[i + n]!.search(/\S/) > indent + 1) n++;
          expect(n, lines.slice(i, i + n).join('\n')).toBeLessThanOrEqual(3);
        }
      });

  it('a wrapped hint goes on under its text, nothing of it lost', () => {
    const hint = (columns: number) => {
      const text = run(['check', ASA, '--lang', 'en'], columns);
      return text.slice(text.indexOf('hint: ')).trimEnd().split('\n');
    };
    const narrow = hint(65);
    expect(narrow.length).toBeGreaterThan(1);
    for (const l of narrow.slice(1)) expect(l).toMatch(/^ {6}\S/);
    expect(narrow.map((l) => l.trim()).join(' ')).toBe(hint(1000).join(' '));
  });
});
