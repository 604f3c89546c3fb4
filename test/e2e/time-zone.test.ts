// Times without a zone in the log (BSD syslog stamps, pfirewall.log's `#Time Format:
// Local`) are read in --tz or this machine's zone: the report, its JSON and `check` say
// which, so a log from another zone is not silently labelled with this one.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runCliShared, tempDir } from '../helpers/cli.js';
// Text, Markdown and HTML are read from one run per log and language: views.ts.
import { dailyAs, reportAs } from '../helpers/views.js';

// vitest.config.ts runs the CLI with TZ=Etc/GMT+2: that is "this machine's zone".
const MACHINE = 'Etc/GMT+2';
const ASSUMED = `times without a zone in the log read as ${MACHINE}, this machine's zone; --tz ZONE to change`;

const dir = tempDir();
/** A syslog line whose stamp carries its offset (RFC 3339): nothing is assumed. */
const zoned = join(dir, 'zoned.log');
writeFileSync(
  zoned,
  '2026-03-10T10:00:00+01:00 gw kernel: [UFW BLOCK] IN=eth0 OUT= MAC= SRC=203.0.113.5 DST=192.0.2.1 LEN=40 TOS=0x00 PREC=0x00 TTL=50 ID=1 PROTO=TCP SPT=1234 DPT=22 WINDOW=1024 RES=0x00 SYN URGP=0\n',
);
/** A pfirewall.log that says its times are UTC: read as such, nothing assumed. */
const utcPfirewall = join(dir, 'pfirewall-utc.log');
writeFileSync(
  utcPfirewall,
  [
    '#Version: 1.5',
    '#Software: Microsoft Windows Firewall',
    '#Time Format: UTC',
    '#Fields: date time action protocol src-ip dst-ip src-port dst-port size tcpflags tcpsyn tcpack tcpwin icmptype icmpcode info path',
    '',
    '2026-03-10 10:00:00 DROP TCP 198.51.100.7 192.168.1.35 40000 445 52 S 1 0 1024 - - - RECEIVE',
    '',
  ].join('\r\n'),
);

const REC = 'gw kernel: [UFW BLOCK] IN=eth0 OUT= MAC= SRC=203.0.113.5 DST=192.0.2.1 LEN=40 TOS=0x00 PREC=0x00 TTL=50 ID=1 PROTO=TCP SPT=1234 DPT=22 WINDOW=1024 RES=0x00 SYN URGP=0';
/** RFC 3339 headers, then BSD ones: a collector changed its template. */
const mixed = join(dir, 'mixed.log');
writeFileSync(mixed, ['2026-11-21T10:22:31+01:00', '2026-11-21T10:22:32+01:00', '2026-11-21T10:22:33+01:00', 'Nov 21 10:22:34', 'Nov 21 10:22:35'].map((h) => `${h} ${REC}\n`).join(''));
/** journalctl -o short-full: the stamps name their zone. */
const named = join(dir, 'short-full.log');
writeFileSync(named, `Sat 2026-11-21 10:22:33 CET ${REC}\n`);

interface ZoneFields {
  tz: string;
  zonelessTimes: boolean;
  tzAssumed: boolean;
}

function json(args: string[]): ZoneFields {
  const r = runCliShared([...args, '-o', 'json']);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as ZoneFields;
}

describe('times without a zone', () => {
  it('the text report says the zone was assumed, under the time span', () => {
    for (const file of ['samples/pfirewall.log', 'samples/ufw.log']) {
      const lines = reportAs([file], 'text').split('\n');
      expect(lines[1]).toMatch(/→ .*\(Etc\/GMT\+2\)$/);
      expect(lines[2]).toBe(ASSUMED);
    }
  });

  it('with --tz it says the zone was the one asked for, not assumed', () => {
    const out = reportAs(['--tz', 'Europe/Berlin', 'samples/pfirewall.log'], 'text');
    expect(out).toContain('times without a zone in the log read in Europe/Berlin (--tz)\n');
    expect(out).not.toContain("this machine's zone");
  });

  it('Markdown and HTML say it too, and in Chinese', () => {
    expect(reportAs(['samples/pfirewall.log'], 'markdown')).toContain(`- **time zone:** ${ASSUMED}\n`);
    expect(reportAs(['samples/pfirewall.log'], 'html')).toContain(`<p class="sub">${ASSUMED.replace("'", '&#39;').replace('--tz', '<span class="nw">--tz</span>')}</p>`);
    expect(reportAs(['--lang', 'zh', 'samples/pfirewall.log'], 'text')).toContain(`日志中未注明时区的时间按本机时区 ${MACHINE} 解读，可用 --tz 另行指定`);
  });

  it('the JSON names the zone and whether it was assumed', () => {
    expect(json(['samples/pfirewall.log'])).toMatchObject({ tz: MACHINE, zonelessTimes: true, tzAssumed: true });
    expect(json(['samples/ufw.log', '--threads', '2'])).toMatchObject({ tz: MACHINE, zonelessTimes: true, tzAssumed: true });
    expect(json(['--tz', 'Asia/Shanghai', 'samples/pfirewall.log'])).toMatchObject({ tz: 'Asia/Shanghai', zonelessTimes: true, tzAssumed: false });
  });

  it('stamps that carry their zone assume nothing and say nothing', () => {
    for (const file of [zoned, utcPfirewall]) {
      expect(json([file])).toMatchObject({ tz: MACHINE, zonelessTimes: false, tzAssumed: false });
      const out = reportAs([file], 'text');
      expect(out).toContain('(Etc/GMT+2)\n');
      expect(out).not.toContain('without a zone');
      expect(runCli(['check', file]).stdout).not.toContain('zone  ');
    }
  });

  it('check says it per file', () => {
    const out = runCli(['check', 'samples/pfirewall.log', zoned]).stdout;
    const [win, iso] = out.split('\ncheck · ');
    // In the report's words: the same thing said the same way.
    expect(win).toContain(`zone       times without a zone in the log read as ${MACHINE}, this machine's zone; --tz ZONE to\n           change`);
    expect(iso).not.toContain('zone  ');
    expect(runCli(['check', '--tz', 'Europe/Berlin', 'samples/ufw.log']).stdout).toContain('zone       times without a zone in the log read in Europe/Berlin (--tz)');
    const doc = JSON.parse(runCli(['check', '-o', 'json', 'samples/pfirewall.log', zoned]).stdout) as { inputs: { zonelessTimes: boolean }[] };
    expect(doc.inputs.map((i) => i.zonelessTimes)).toEqual([true, false]);
  });

  it('a file whose headers have a zone and then none: how many had none, in check, every report format, both threads, and explain', () => {
    const SOME = "2 of the 5 records dated by their syslog header had no zone in it (the others' headers carry one): read in Europe/Berlin (--tz)";
    const out = runCli(['check', '--tz', 'Europe/Berlin', mixed]).stdout;
    expect(out).toContain("zone       2 of the 5 records dated by their syslog header had no zone in it (the others' headers\n           carry one): read in Europe/Berlin (--tz)");
    expect(runCli(['check', '--lang', 'zh', '--tz', 'Europe/Berlin', mixed]).stdout).toContain('按 syslog 头定时的 5 条记录中有 2 条的头未注明时区');
    const doc = JSON.parse(runCli(['check', '-o', 'json', mixed]).stdout) as { inputs: { zonelessTimes: boolean; headerTimes: unknown }[] };
    expect(doc.inputs.map((i) => [i.zonelessTimes, i.headerTimes])).toEqual([[true, { zoned: 3, zoneless: 2 }]]);
    // The report says what check says, not "times without a zone" as if all were.
    for (const threads of ['1', '2']) {
      const text = runCli(['--tz', 'Europe/Berlin', '--threads', threads, mixed], { env: { COLUMNS: '400' } }).stdout.split('\n');
      expect(text[2], `--threads ${threads}`).toBe(SOME);
      expect(json(['--tz', 'Europe/Berlin', '--threads', threads, mixed]), `--threads ${threads}`).toMatchObject({ zonelessTimes: true, tzAssumed: false, namedZone: null, headerTimes: { zoned: 3, zoneless: 2 } });
    }
    expect(reportAs(['--tz', 'Europe/Berlin', mixed], 'markdown')).toContain(`- **time zone:** ${SOME}\n`);
    expect(reportAs(['--tz', 'Europe/Berlin', mixed], 'html')).toContain(`<p class="sub">${SOME.replace("'", '&#39;').replace('--tz', '<span class="nw">--tz</span>')}</p>`);
    expect(reportAs(['--lang', 'zh', '--tz', 'Europe/Berlin', mixed], 'text', { width: 400 })).toContain('按 syslog 头定时的 5 条记录中有 2 条的头未注明时区（其余的注明了）：按 Europe/Berlin 解读（--tz）');
    // explain, given the file's lines, closes with the same words.
    const lines = readFileSync(mixed, 'utf8').trim().split('\n');
    expect(runCli(['explain', '--tz', 'Europe/Berlin', ...lines], { env: { COLUMNS: '400' } }).stdout).toContain(`\n${SOME}\nRead with only`);
    // Files of one kind each: all zone-less, said as all; a zone-less pfirewall.log beside the mixed file: no count, which would leave its times out.
    expect(json([zoned, mixed])).toMatchObject({ headerTimes: { zoned: 4, zoneless: 2 } });
    expect(json(['samples/ufw.log'])).toMatchObject({ zonelessTimes: true, headerTimes: null });
    expect(json(['samples/pfirewall.log', mixed])).toMatchObject({ zonelessTimes: true, headerTimes: null });
    expect(reportAs(['--tz', 'Europe/Berlin', 'samples/pfirewall.log', mixed], 'text')).toContain('times without a zone in the log read in Europe/Berlin (--tz)\n');
  });

  it("a zone the stamps name is a zone: said as named, matching --tz or this machine's zone, not as none, by check, the report and explain alike", () => {
    const NAMED = 'the log names the zone CET, which is what Europe/Berlin is called at their time: read as Europe/Berlin time (--tz)';
    const out = runCli(['check', '--tz', 'Europe/Berlin', named]).stdout;
    expect(out).toContain('zone       the log names the zone CET, which is what Europe/Berlin is called at their time: read as\n           Europe/Berlin time (--tz)');
    expect(out).not.toContain('without a zone');
    const machine = runCli(['check', named], { env: { TZ: 'Europe/Berlin' } }).stdout;
    expect(machine).toContain("zone       the log names the zone CET, which is what Europe/Berlin, this machine's zone, is called\n           at their time: read as Europe/Berlin time; --tz ZONE to change");
    // Etc/GMT+2 is called no CET: the unmatched note alone.
    const other = runCli(['check', named]).stdout;
    expect(other).toContain(`zone       the log's times name the zone CET, which is not what ${MACHINE} is called at their time:`);
    expect(other).not.toContain('without a zone');
    const doc = JSON.parse(runCli(['check', '-o', 'json', '--tz', 'Europe/Berlin', named]).stdout) as { inputs: { zonelessTimes: boolean; namedZone: string | null }[] };
    expect(doc.inputs.map((i) => [i.zonelessTimes, i.namedZone])).toEqual([[false, 'CET']]);
    // The report: the same words under its span (text, Markdown, HTML, in one thread and two), the name in its JSON.
    for (const threads of ['1', '2']) {
      const text = runCli(['--tz', 'Europe/Berlin', '--threads', threads, named], { env: { COLUMNS: '400' } }).stdout;
      expect(text.split('\n')[2], `--threads ${threads}`).toBe(NAMED);
      expect(text).not.toContain('without a zone');
      expect(json(['--tz', 'Europe/Berlin', '--threads', threads, named])).toMatchObject({ zonelessTimes: false, tzAssumed: false, namedZone: 'CET', unmatchedZone: null, headerTimes: null });
    }
    expect(reportAs(['--tz', 'Europe/Berlin', named], 'markdown')).toContain(`- **time zone:** ${NAMED}\n`);
    expect(reportAs(['--tz', 'Europe/Berlin', named], 'html')).toContain(`<p class="sub">${NAMED.replace('--tz', '<span class="nw">--tz</span>')}</p>`);
    expect(reportAs(['--lang', 'zh', '--tz', 'Europe/Berlin', named], 'text', { width: 400 })).toContain('日志注明了时区 CET，即 Europe/Berlin 在该时刻的名称：按 Europe/Berlin 的时间解读（--tz）');
    expect(runCli([named], { env: { TZ: 'Europe/Berlin', COLUMNS: '400' } }).stdout).toContain("the log names the zone CET, which is what Europe/Berlin, this machine's zone, is called at their time: read as Europe/Berlin time; --tz ZONE to change\n");
    // explain: the same closing words.
    const line = readFileSync(named, 'utf8').trim();
    const explained = runCli(['explain', '--tz', 'Europe/Berlin', line], { env: { COLUMNS: '400' } }).stdout;
    expect(explained).toContain(`\n${NAMED}\nRead with only`);
    expect(explained).not.toContain('without a zone');
  });
});

describe('daily names the zone of its day and says what the log said of it, in the report\'s words', () => {
  const SOME = "2 of the 5 records dated by their syslog header had no zone in it (the others' headers carry one): read in Europe/Berlin (--tz)";
  /** `logscan daily --date DATE ARGS` as printed at 400 columns (Markdown without -o), read through views. */
  const daily = (args: string[], date = '2026-11-21'): string => {
    const o = args.indexOf('-o');
    const format = o < 0 ? 'markdown' : (args[o + 1] as 'text' | 'html');
    const command = ['daily', '--date', date, ...(o < 0 ? args : [...args.slice(0, o), ...args.slice(o + 2)])];
    expect(runCliShared([...command, '-o', 'json']).code).toBe(0);
    return dailyAs(command, format, { width: 400 });
  };

  it('Markdown, text and HTML: the count of zone-less headers, the named zone, the assumed machine zone; nothing for stamps with offsets', () => {
    expect(daily(['--tz', 'Europe/Berlin', mixed])).toContain(`- **time zone:** ${SOME}\n`);
    expect(daily(['--tz', 'Europe/Berlin', '-o', 'text', mixed]).split('\n').slice(0, 2)).toEqual(['logscan daily · 2026-11-21 (Europe/Berlin)', SOME]);
    const NAMED = 'the log names the zone CET, which is what Europe/Berlin is called at their time: read as Europe/Berlin time (--tz)';
    expect(daily(['--tz', 'Europe/Berlin', '-o', 'html', named])).toContain(`<p class="sub">${NAMED.replace('--tz', '<span class="nw">--tz</span>')}</p>`);
    expect(daily(['--tz', 'Europe/Berlin', named])).not.toContain('without a zone');
    expect(daily(['samples/ufw.log'], '2026-11-20')).toContain(`- **time zone:** ${ASSUMED}\n`);
    expect(daily(['--lang', 'zh', '--tz', 'Europe/Berlin', '-o', 'text', mixed])).toContain('按 syslog 头定时的 5 条记录中有 2 条的头未注明时区');
    const plain = daily([zoned], '2026-03-10');
    expect(plain).not.toContain('time zone');
    expect(plain).not.toContain('without a zone');
  });
});
