// `--help` in --lang zh: logscan's descriptions of its commands, arguments and options from
// the catalog (cli/help-text.ts), commander's headings and the choices and defaults it adds
// in Chinese, laid out by commander; the English help is commander's, as it was.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, runCli } from '../helpers/cli.js';

const COMMANDS = ['report', 'events', 'follow', 'daily', 'explain', 'formats', 'check'];
const CJK = /[\u4e00-\u9fff]/u;

/** Each item of the help's lists: its term and its description (continuation lines joined). */
function items(help: string): { term: string; description: string }[] {
  const out: { term: string; description: string }[] = [];
  let column = 0;
  for (const line of help.split('\n')) {
    const m = /^ {2}(\S.*?) {2,}(\S.*)$/.exec(line);
    if (m && !line.startsWith(' '.repeat(column || 3))) {
      column = line.length - m[2]!.length;
      out.push({ term: m[1]!, description: m[2]! });
    } else if (column > 0 && line.startsWith(' '.repeat(column)) && out.length > 0) out.at(-1)!.description += line.trim();
  }
  return out;
}

describe('--help in --lang zh', () => {
  it.each([[[]], ...COMMANDS.map((c) => [[c]])])('logscan %j --help: every description Chinese, the headings too; options, arguments and values as typed', (cmd: string[]) => {
    const r = runCli([...cmd, '--help', '--lang', 'zh']);
    expect(r.code).toBe(0);
    const list = items(r.stdout);
    expect(list.length).toBeGreaterThan(2);
    expect(list.filter((i) => !CJK.test(i.description))).toEqual([]);
    expect(r.stdout).toMatch(/^用法：logscan /);
    expect(r.stdout).toContain('\n选项：\n');
    expect(r.stdout).not.toMatch(/Usage:|Options:|Commands:|Arguments:|choices:|default:/);
    // --lang wherever it stands, as for usage errors.
    expect(runCli(['--lang', 'zh', ...cmd, '--help']).stdout).toBe(r.stdout);
  });

  it('the choices and the default in Chinese words; no line wider than the terminal', () => {
    const r = runCli(['explain', '--help', '--lang', 'zh'], { env: { COLUMNS: '80' } });
    expect(r.stdout).toContain('（可选：table、json、text；默认：table）');
    const width = (s: string): number => [...s].reduce((w, c) => w + (/[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/u.test(c) ? 2 : 1), 0);
    expect(r.stdout.split('\n').filter((l) => width(l) > 80)).toEqual([]);
  });

  it('in English, commander\'s own help: no Chinese, its headings and words', () => {
    for (const cmd of [[], ...COMMANDS.map((c) => [c])]) {
      const r = runCli([...cmd, '--help']);
      expect(r.stdout, cmd.join(' ')).not.toMatch(CJK);
      expect(r.stdout).toMatch(/^Usage: logscan /);
      expect(r.stdout).toContain('  -h, --help');
      expect(r.stdout).toContain('display help for command');
    }
    expect(runCli(['explain', '--help']).stdout).toMatch(/table for people \(also: text\), json for programs\s+\(choices: "table", "json", "text", default:\s+"table"\)/);
  });
});

describe('follow --help: what it gives by default', () => {
  it('says alerts come with --alert-score (none fires without it or --alert-exec), in both languages, as README does', () => {
    const flat = (lang: string) => runCli(['follow', '--help', '--lang', lang], { env: { COLUMNS: '200' } }).stdout.replace(/\s+/g, ' ');
    expect(flat('en')).toContain('one line per probe, a summary on Ctrl-C, alerts with --alert-score N');
    expect(flat('en')).toMatch(/--alert-score <n> alert when .* \(no default: without it or --alert-exec no alert fires/);
    // Chinese wraps between any two characters: compared without the spaces.
    const zh = flat('zh').replace(/ /g, '');
    expect(zh).toContain('给出--alert-scoreN时告警');
    expect(zh).toContain('不给它也不给--alert-exec时不会告警');
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    expect(readme).toMatch(/\nlogscan follow \/var\/log\/ufw\.log +# live: a line per probe, a summary at Ctrl-C; alerts with --alert-score N\n/);
  });

  it("says --year's default as follow finds it, from when a line is read (docs/follow.md), not from the file's date as the report", () => {
    const flat = (args: string[], lang = 'en') => runCli([...args, '--help', '--lang', lang], { env: { COLUMNS: '200' } }).stdout.replace(/\s+/g, ' ');
    expect(flat(['follow'])).toContain('--year <yyyy> year of the first record when the log has none (BSD syslog); default: the year that puts each record at most two days after it is read');
    expect(flat(['follow'])).not.toContain('file date');
    expect(flat(['follow'], 'zh').replace(/ /g, '')).toContain('至多比读到它的时刻晚两天');
    for (const cmd of ['report', 'daily', 'events', 'check']) expect(flat([cmd]), cmd).toContain('default: inferred from file date');
  });
});

describe("README's running text writes an option's placeholder as --help does", () => {
  it('`--geoip <dir>`, `--ignore <file>`, `--scan-ports <n>`: no `--geoip DIR` left beside the help\'s <dir>', () => {
    // Every option's placeholders over all commands (`--state` is <file> in follow, <dir> in daily).
    const placeholders = new Map<string, Set<string>>();
    for (const cmd of COMMANDS) {
      for (const { term } of items(runCli([cmd, '--help'], { env: { COLUMNS: '200' } }).stdout)) {
        const m = /(--[a-z-]+) (<[a-z-]+>)/.exec(term);
        if (m) placeholders.set(m[1]!, (placeholders.get(m[1]!) ?? new Set()).add(m[2]!));
      }
    }
    expect(placeholders.get('--geoip')).toEqual(new Set(['<dir>']));
    // Outside code blocks (a sample of the output, a shell comment, says what the program says).
    const prose = readFileSync(join(repoRoot, 'README.md'), 'utf8').replace(/^```[^\n]*\n[\s\S]*?^```$/gm, '');
    const written = [...prose.matchAll(/`(--[a-z-]+)\s+([A-Z]+|<[a-z-]+>)`/g)].map((m) => [m[1]!, m[2]!] as const);
    // The ones this test was written for are among them: it reads what it should.
    expect(written).toEqual(expect.arrayContaining([['--geoip', '<dir>'], ['--ignore', '<file>'], ['--config', '<file>']]));
    for (const [option, placeholder] of written) expect([...(placeholders.get(option) ?? [])], `${option} ${placeholder}`).toContain(placeholder);
  });
});
