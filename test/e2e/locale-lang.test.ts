// The language from the environment's locale, run as a user runs logscan: LANG=zh_CN.UTF-8
// says everything for people in Chinese, exactly as --lang zh does; --lang en overrides it;
// output for programs stays English whatever the locale. The suite's own locale is pinned
// (vitest.config.ts: LANG=C.UTF-8, the others empty); each run here sets what it tests.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runCliShared, startCli, tempDir } from '../helpers/cli.js';
import { iptablesLine } from '../helpers/follow-writer.js';

const UFW = 'samples/ufw.log';
const CJK = /[\u4e00-\u9fff]/u;
const ZH = { LANG: 'zh_CN.UTF-8' };
const DAY = ['daily', UFW, '--date', '2026-11-20', '--tz', 'UTC', '-o', 'text'];

describe('the test environment', () => {
  it('pins the locale, so a zh developer or an unknown CI reads the same results', () => {
    expect([process.env.LANG, process.env.LC_ALL, process.env.LC_MESSAGES, process.env.LANGUAGE]).toEqual(['C.UTF-8', '', '', '']);
  });
});

describe('LANG=zh_CN.UTF-8: what --lang zh says, without it', () => {
  it.each([[[UFW, '--top', '5']], [DAY], [['explain', '22']], [['formats']], [['check', UFW, '--line', '2']]])('logscan %j', (args: string[]) => {
    const byLocale = runCliShared(args, { env: ZH });
    const byOption = runCliShared([...args, '--lang', 'zh']);
    expect(byLocale.stdout).toMatch(CJK);
    expect(byLocale).toEqual(byOption);
    expect(runCliShared(args).stdout).not.toMatch(CJK);
  });

  it('--lang en over LANG=zh_CN.UTF-8: the English of an English locale, word for word', () => {
    for (const args of [[UFW, '--top', '5'], DAY, ['explain', '22']]) {
      const r = runCliShared([...args, '--lang', 'en'], { env: ZH });
      expect(r.stdout, args.join(' ')).not.toMatch(CJK);
      expect(r).toEqual(runCliShared(args));
    }
  });

  it('a usage error, a mistyped command, an unreadable input and --help are Chinese too', () => {
    const bogus = runCli(['--bogus'], { env: ZH });
    expect(bogus.code).toBe(2);
    expect(bogus.stderr).toBe('logscan: 未知选项 --bogus\n（用法见 `logscan report --help`）\n');
    const typo = runCli(['chek', 'x.log'], { env: ZH });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/^logscan: 未知命令“chek”.*“check”/);
    // An unknown --lang is said in the locale's language; --lang en still wins wherever it stands.
    expect(runCli(['--lang', 'fr', UFW], { env: ZH }).stderr).toMatch(/^logscan: 选项 --lang <lang> 的取值“fr”无效/);
    expect(runCli(['--bogus', '--lang', 'en'], { env: ZH }).stderr).toBe("logscan: unknown option '--bogus'\n(run `logscan report --help` for usage)\n");
    const missing = runCli(['nope.log'], { env: ZH });
    expect(missing.code).toBe(3);
    expect(missing.stderr).toBe('logscan: nope.log：文件不存在\n');
    const help = runCli(['report', '--help'], { env: ZH });
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^用法：logscan report /);
    expect(help.stdout).toContain('\n选项：\n');
    expect(help.stdout).toBe(runCli(['report', '--help', '--lang', 'zh']).stdout);
  });

  it('the internal-error handler', () => {
    const r = runCli([UFW], { env: { ...ZH, LOGSCAN_TEST_CRASH: '1' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^logscan: 内部错误：deliberate crash in "report"/);
  });

  it('follow: its lines, its summary at the stop', async () => {
    const path = join(tempDir(), 'scan.log');
    writeFileSync(path, Array.from({ length: 20 }, (_, i) => iptablesLine(i + 1)).join('\n') + '\n');
    const cli = startCli(['follow', '--from-start', path], { env: { ...ZH, LOGSCAN_FOLLOW_POLL_MS: '40', COLUMNS: '200' } });
    await cli.waitFor((out) => out.includes('203.0.113.7'));
    const r = await cli.stop();
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^── 已跟踪 (\d+|不到 1) 秒$/m);
    expect(r.stdout).toContain('主要来源');
    expect(r.stdout).not.toMatch(/followed for|Top sources/);
  });
});

describe('which variable decides (the precedence, through the CLI)', () => {
  // explain's header line: Chinese or English, one short run each.
  const lang = (env: Record<string, string>): 'zh' | 'en' => (CJK.test(runCliShared(['explain', '22'], { env }).stdout.split('\n')[0]!) ? 'zh' : 'en');
  it.each([
    [{ LC_ALL: 'C', LANG: 'zh_CN.UTF-8' }, 'en'],
    [{ LC_ALL: 'zh_TW.UTF-8', LANG: 'en_US.UTF-8' }, 'zh'],
    [{ LC_MESSAGES: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' }, 'zh'],
    [{ LC_ALL: 'en_US.UTF-8', LC_MESSAGES: 'zh_CN.UTF-8' }, 'en'],
    [{ LANG: 'POSIX' }, 'en'],
    [{ LANG: 'de_DE.UTF-8' }, 'en'],
    [{ LANGUAGE: 'zh', LANG: 'en_US.UTF-8' }, 'zh'],
    [{ LANGUAGE: 'zh', LANG: 'C.UTF-8' }, 'en'],
    [{ LANGUAGE: 'en', LANG: 'zh_CN.UTF-8' }, 'en'],
  ])('%j → %s', (env, expected) => {
    expect(lang(env)).toBe(expected);
  });
});

describe('output for programs does not change with the locale', () => {
  it.each([
    [[UFW, '-o', 'json']],
    [[UFW, '-o', 'csv']],
    [[UFW, '-o', 'blocklist']],
    [['events', UFW]],
    [['events', '--ecs', UFW]],
    [['daily', UFW, '--date', '2026-11-20', '--tz', 'UTC', '-o', 'json']],
    [['explain', '22', '6776', '-o', 'json']],
    [['formats', '--json']],
    [['check', UFW, '--line', '2', '-o', 'json']],
  ])('logscan %j under LANG=zh_CN.UTF-8 writes what it writes under C', (args: string[]) => {
    const zh = runCliShared(args, { env: ZH });
    expect(zh.code).toBe(0);
    expect(zh.stdout).toBe(runCliShared(args).stdout);
    expect(zh.stderr).toBe(runCliShared(args).stderr);
  });

  it('--lang zh still asks for its texts in Chinese', () => {
    for (const args of [[UFW, '-o', 'json'], ['events', UFW], ['explain', '22', '-o', 'json'], ['formats', '--json']]) {
      expect(runCliShared([...args, '--lang', 'zh'], { env: ZH }).stdout, args.join(' ')).toMatch(CJK);
    }
  });

  it('follow -o ndjson: the events in English, under LANG=zh_CN.UTF-8', async () => {
    const path = join(tempDir(), 'scan.log');
    writeFileSync(path, iptablesLine(1) + '\n');
    const cli = startCli(['follow', '-o', 'ndjson', '--from-start', path], { env: { ...ZH, LOGSCAN_FOLLOW_POLL_MS: '40' } });
    await cli.waitFor((out) => out.includes('\n'));
    const r = await cli.stop();
    const event = JSON.parse(r.stdout.split('\n')[0]!) as { annotations: { text: string }[] };
    expect(event.annotations.length).toBeGreaterThan(0);
    expect(event.annotations.map((a) => a.text).join(' ')).not.toMatch(CJK);
  });
});
