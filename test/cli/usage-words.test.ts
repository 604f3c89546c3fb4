// Commander's usage errors worded by the catalog (cli/logscan-command.ts): in English
// exactly what commander itself says for the same command line, so that scripts reading
// stderr see no change; in Chinese, Chinese that names what was wrong.
import { Command, CommanderError, Option } from 'commander';
import { describe, expect, it } from 'vitest';
import { LogscanCommand } from '../../src/cli/logscan-command.js';
import type { Lang } from '../../src/knowledge/types.js';

/** A small program shaped like logscan's: a default command with options and files, one without arguments. */
function define(root: Command): Command {
  root.exitOverride().showHelpAfterError(false);
  root
    .command('report', { isDefault: true })
    .argument('[files...]')
    .addOption(new Option('-o, --output-format <format>').choices(['table', 'json']).default('table'))
    .option('--tz <zone>')
    .option('--output <file>')
    .option('--outputs <n>')
    .action(() => {});
  root.command('formats').option('--json').action(() => {});
  root.command('follow').argument('<files...>').action(() => {});
  for (const c of root.commands) c.exitOverride().showHelpAfterError(false);
  return root;
}

/** What the program writes to stderr for `args`, and the error code it ends with. */
function run(root: Command, args: string[]): { stderr: string; code: string } {
  let stderr = '';
  const sink = { writeErr: (s: string) => (stderr += s), writeOut: () => {} };
  root.configureOutput(sink);
  define(root);
  for (const c of root.commands) c.configureOutput(sink);
  try {
    root.parse(args, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) return { stderr, code: e.code };
    throw e;
  }
  return { stderr, code: 'none' };
}

const plain = (args: string[]) => run(new Command('logscan'), args);
const ours = (lang: Lang, args: string[]) => run(new LogscanCommand('logscan', lang), args);

/** One command line per kind of usage error that logscan's hooks word. */
const CASES: Record<string, string[]> = {
  'commander.unknownOption': ['--bogus', 'a.log'],
  'unknown option, one suggestion': ['--tzz', 'UTC'],
  'unknown option, two suggestions': ['--outputz', 'x'],
  'unknown short option': ['-x'],
  'commander.missingArgument': ['follow'],
  'commander.optionMissingArgument': ['a.log', '--tz'],
  'commander.invalidArgument': ['-o', 'xml'],
  'commander.excessArguments': ['formats', 'extra', 'more'],
};

describe('usage errors worded by the catalog', () => {
  it.each(Object.entries(CASES))('%s: English is exactly commander\'s own message, with its error code', (_, args) => {
    const theirs = plain(args);
    expect(theirs.code).not.toBe('none');
    expect(ours('en', args)).toEqual(theirs);
  });

  it('the suggestion cases suggest as commander does (one option, then two)', () => {
    expect(plain(CASES['unknown option, one suggestion']!).stderr).toContain('(Did you mean --tz?)');
    expect(plain(CASES['unknown option, two suggestions']!).stderr).toContain('(Did you mean one of --output, --outputs?)');
  });

  it.each(Object.entries(CASES))('%s: Chinese, with the same error code', (_, args) => {
    const z = ours('zh', args);
    expect(z.code).toBe(plain(args).code);
    expect(z.stderr).toMatch(/[\u4e00-\u9fff]/u);
    expect(z.stderr).not.toMatch(/unknown|missing|invalid|too many|Did you mean/);
  });

  it('Chinese names the option, the value and the suggestions', () => {
    expect(ours('zh', ['--bogus']).stderr).toBe('error: 未知选项 --bogus\n');
    expect(ours('zh', CASES['unknown option, two suggestions']!).stderr).toBe('error: 未知选项 --outputz\n（是否想用其中之一：--output、--outputs？）\n');
    expect(ours('zh', ['-o', 'xml']).stderr).toBe('error: 选项 -o, --output-format <format> 的取值“xml”无效，可选值为 table、json\n');
    expect(ours('zh', ['a.log', '--tz']).stderr).toBe('error: 选项 --tz <zone> 缺少取值\n');
    expect(ours('zh', ['follow']).stderr).toBe('error: 缺少必需的参数 <files>\n');
    expect(ours('zh', ['formats', 'x']).stderr).toBe('error: formats 命令的参数过多：应有 0 个，实际给了 1 个\n');
  });

  it('what the user typed is escaped before it is worded: a line break or an escape stays inside its line', () => {
    for (const lang of ['en', 'zh'] as const) {
      const bad = ours(lang, ['-o', 'x\n\u001b[31merror: spoof']).stderr;
      expect(bad.split('\n').filter(Boolean), lang).toHaveLength(1);
      expect(bad, lang).toContain('x\\x0a\\x1b[31merror: spoof');
      expect(ours(lang, ['--b\u001b]0;x\u0007']).stderr, lang).toContain('--b\\x1b]0;x\\x07');
    }
  });
});
