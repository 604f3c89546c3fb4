// --lang zh on stderr, end to end: usage errors (commander's and logscan's own) are
// Chinese and name what was wrong, escaped as every other stderr line; exit codes and
// the English are unchanged.
import { describe, expect, it } from 'vitest';
import { runCli, usageStderr } from '../helpers/cli.js';

const UFW = 'samples/ufw.log';
const CJK = /[\u4e00-\u9fff]/u;


describe('commander\'s usage errors in --lang zh', () => {
  it('unknown option: Chinese, naming it and the option it is near; the help hint in Chinese', () => {
    expect(usageStderr([UFW, '--lang', 'zh', '--bogus'])).toBe('logscan: 未知选项 --bogus\n（用法见 `logscan report --help`）\n');
    expect(usageStderr(['--lang', 'zh', '--lang-x', 'zh', UFW])).toBe('logscan: 未知选项 --lang-x\n（是否想用 --lang？）\n（用法见 `logscan report --help`）\n');
  });

  it('--lang counts wherever it is on the line, also after the error and as --lang=zh', () => {
    expect(usageStderr(['--bogus', '--lang', 'zh', UFW])).toMatch(/^logscan: 未知选项 --bogus\n/);
    expect(usageStderr(['follow', '--bogus', '--lang=zh', 'x.log'])).toBe('logscan: 未知选项 --bogus\n（用法见 `logscan follow --help`）\n');
    // The last one counts, as for commander; an unknown language is said in English.
    expect(usageStderr(['--lang', 'zh', '--lang', 'en', '--bogus', UFW])).toMatch(/^logscan: unknown option '--bogus'\n/);
    expect(usageStderr(['--lang', 'fr', UFW])).toBe("logscan: option '--lang <lang>' argument 'fr' is invalid. Allowed choices are en, zh.\n(run `logscan report --help` for usage)\n");
    // After --, words are files, not options.
    expect(usageStderr(['--bogus', UFW, '--', '--lang', 'zh'])).toMatch(/^logscan: unknown option '--bogus'\n/);
  });

  it('missing argument, option without its value, value outside the choices, too many arguments', () => {
    expect(usageStderr(['follow', '--lang', 'zh'])).toBe('logscan: 缺少必需的参数 <files>\n（用法见 `logscan follow --help`）\n');
    expect(usageStderr(['daily', '--lang', 'zh', '--date'])).toBe('logscan: 选项 --date <day> 缺少取值\n（用法见 `logscan daily --help`）\n');
    expect(usageStderr(['--lang', 'zh', '-o', 'xml', UFW]).split('\n')[0]).toBe('logscan: 选项 -o, --output-format <format> 的取值“xml”无效，可选值为 table、json、markdown、html、csv、blocklist、text、md');
    expect(usageStderr(['formats', '--lang', 'zh', 'extra'])).toBe('logscan: formats 命令的参数过多：应有 0 个，实际给了 1 个\n（用法见 `logscan formats --help`）\n');
  });

  it('what the user typed is escaped in Chinese as in English: no escape sequence or line break reaches the terminal', () => {
    const value = usageStderr(['--lang', 'zh', '-o', '\u001b[31mx\nlogscan: spoof', UFW]);
    expect(value.split('\n')[0]).toBe('logscan: 选项 -o, --output-format <format> 的取值“\\x1b[31mx\\x0alogscan: spoof”无效，可选值为 table、json、markdown、html、csv、blocklist、text、md');
    expect(usageStderr(['--lang', 'zh', '--b\u001b]0;t\u0007', UFW]).split('\n')[0]).toBe('logscan: 未知选项 --b\\x1b]0;t\\x07');
    expect(usageStderr(['-o', 'x\nlogscan: spoof', UFW]).split('\n')[0]).toBe("logscan: option '-o, --output-format <format>' argument 'x\\x0alogscan: spoof' is invalid. Allowed choices are table, json, markdown, html, csv, blocklist, text, md.");
  });

  it('English stays commander\'s wording', () => {
    expect(usageStderr(['--outptu', 'x', UFW])).toBe("logscan: unknown option '--outptu'\n(Did you mean --output?)\n(run `logscan report --help` for usage)\n");
    expect(usageStderr(['explain'])).toBe("logscan: missing required argument 'query'\n(run `logscan explain --help` for usage)\n");
    expect(usageStderr(['--tz'])).toBe("logscan: option '--tz <zone>' argument missing\n(run `logscan report --help` for usage)\n");
    expect(usageStderr(['formats', 'a', 'b'])).toBe("logscan: too many arguments for 'formats'. Expected 0 arguments but got 2.\n(run `logscan formats --help` for usage)\n");
  });

  it('--help is Chinese too (and exits 0): test/e2e/help-lang.test.ts says how', () => {
    const r = runCli(['follow', '--help', '--lang', 'zh']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^用法：logscan follow/);
    expect(r.stdout).toMatch(CJK);
  });
});

describe('logscan\'s own usage errors in --lang zh', () => {
  it('follow\'s: --ecs with text, --quiet with ndjson, a bad --alert-score, --summary-every, --alert-exec', () => {
    expect(usageStderr(['follow', '--lang', 'zh', '--ecs', '-o', 'text', 'x.log'])).toBe('logscan: --ecs 只适用于 -o ndjson，不能与 -o text 一起使用\n');
    expect(usageStderr(['follow', '--lang', 'zh', '--quiet', '-o', 'ndjson', 'x.log'])).toBe('logscan: --quiet 只适用于文本输出（-o ndjson 会输出每个事件）\n');
    expect(usageStderr(['follow', '--lang', 'zh', '--alert-score', '-1', 'x.log'])).toBe('logscan: --alert-score：应为正数，实际为“-1”\n');
    expect(usageStderr(['follow', '--lang', 'zh', '--summary-every', '5q', 'x.log'])).toBe('logscan: --summary-every：应为时长，如 30s、10m、1h 或 1h30m，实际为“5q”\n');
    expect(usageStderr(['follow', '--lang', 'zh', '--alert-exec', "'notify", 'x.log'])).toBe("logscan: --alert-exec：引号 ' 没有闭合\n");
  });

  it('a mistyped command and help topic: Chinese, naming the word and the command it is near', () => {
    expect(usageStderr(['--lang', 'zh', 'chek'])).toBe('logscan: 未知命令“chek”（也没有这个名字的文件）：是否想用“check”？可用的命令有 report、events、follow、daily、explain、formats、check；若是同名文件，请写作 ./chek\n');
    expect(usageStderr(['help', 'chek', '--lang', 'zh'])).toBe('logscan: help：没有“chek”这个命令：是否想用“check”？可用的命令有 report、events、follow、daily、explain、formats、check\n');
  });

  it('a bad option value is said before a bare word that may be a mistyped command or a missing file', () => {
    // The value is wrong for certain; "x" may be a file that is not there.
    expect(usageStderr(['--lang', 'zh', '--year', '1000', 'x'])).toBe('logscan: --year：应为 1900 到 9998 之间的四位年份，实际为“1000”\n');
    expect(usageStderr(['--year', '1000', 'x'])).toBe('logscan: --year: expected a four-digit year from 1900 to 9998, got "1000"\n');
    expect(usageStderr(['x', '--tz', 'Mars/Base'])).toBe('logscan: --tz: unknown time zone "Mars/Base" (use an IANA name such as Europe/Berlin or UTC)\n');
    expect(usageStderr(['chek', '--top', '0'])).toBe('logscan: --top: expected a whole number from 1 to 10000, got "0"\n');
    // With the options right, the word is still called what it looks like.
    expect(usageStderr(['--year', '2025', 'x'])).toBe('logscan: unknown command "x" (and no such file): commands are report, events, follow, daily, explain, formats, check; for a file of that name write ./x\n');
    expect(usageStderr(['--lang', 'zh', '--year', '2025', 'chek'])).toMatch(/^logscan: 未知命令“chek”/);
  });

  it('the common options: a number, a zone, a time, an option for another format', () => {
    expect(usageStderr(['--lang', 'zh', '--top', '0', UFW])).toBe('logscan: --top：应为 1 到 10000 之间的整数，实际为“0”\n');
    // A line number has no upper bound of its own: none is named (it said "from 1 to 9007199254740991").
    expect(usageStderr(['check', '--lang', 'zh', '--line', '0', UFW])).toBe('logscan: --line：应为不小于 1 的整数，实际为“0”\n');
    expect(usageStderr(['check', '--line', '0', UFW])).toBe('logscan: --line: expected a whole number of 1 or more, got "0"\n');
    expect(usageStderr(['check', '--line', '99999999999999999999', UFW])).toBe('logscan: --line: expected a whole number of 1 or more, got "99999999999999999999"\n');
    expect(usageStderr(['--lang', 'zh', '--tz', 'Mars/Base', UFW])).toBe('logscan: --tz：未知时区“Mars/Base”（请用 IANA 时区名，如 Asia/Shanghai 或 UTC）\n');
    expect(usageStderr(['--lang', 'zh', '--since', '1h', '--until', '2h', UFW])).toBe('logscan: --since 晚于 --until\n');
    expect(usageStderr(['--lang', 'zh', '--csv-table', 'ports', UFW])).toBe('logscan: --csv-table 只能与 -o csv 一起使用\n');
    expect(usageStderr(['--lang', 'zh', '--min-severity', '9', UFW])).toBe('logscan: --min-severity：应为严重度 0-5、info/notice/low/medium/high/critical 或 信息/提示/低/中/高/严重，实际为“9”\n');
    expect(usageStderr(['daily', '--lang', 'zh', '--date', '2026-13-01', UFW])).toBe('logscan: --date：应为 YYYY-MM-DD（年份在 1900 到 9998 之间）、today 或 yesterday，实际为“2026-13-01”\n');
  });

  it('a value from the command line is escaped in Chinese as in English', () => {
    expect(usageStderr(['--lang', 'zh', '--tz', 'x\u001b[2J\nlogscan: spoof', UFW])).toBe('logscan: --tz：未知时区“x\\x1b[2J\\x0alogscan: spoof”（请用 IANA 时区名，如 Asia/Shanghai 或 UTC）\n');
    expect(usageStderr(['--tz', 'x\u001b[2J', UFW])).toBe('logscan: --tz: unknown time zone "x\\x1b[2J" (use an IANA name such as Europe/Berlin or UTC)\n');
  });

  it('English stays as it was', () => {
    expect(usageStderr(['follow', '--ecs', '-o', 'text', 'x.log'])).toBe('logscan: --ecs applies to -o ndjson, not -o text\n');
    expect(usageStderr(['chek'])).toBe('logscan: unknown command "chek" (and no such file): did you mean "check"? commands are report, events, follow, daily, explain, formats, check; for a file of that name write ./chek\n');
    expect(usageStderr(['--top', '0', UFW])).toBe('logscan: --top: expected a whole number from 1 to 10000, got "0"\n');
  });
});
