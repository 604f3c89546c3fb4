// follow's notices on stderr in --lang zh, through a file's life: waiting for it, its
// appearing, rotation, truncation, removal, and a path it cannot follow (a directory).
// Each is Chinese and names the path, escaped as every stderr line; English unchanged.
import { appendFileSync, mkdirSync, renameSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startCli, tempDir } from '../helpers/cli.js';
import { iptablesLine, printed } from '../helpers/follow-writer.js';

const env = { LOGSCAN_FOLLOW_POLL_MS: '40', LOGSCAN_FOLLOW_RETIRE_MS: '400' };

type Stage = 'waiting' | 'directory' | 'appeared' | 'removed' | 'rotated' | 'truncated';

const WORDS: Record<'en' | 'zh', Record<Stage, string>> = {
  zh: {
    waiting: '不存在（或尚未创建），等待它出现',
    directory: '是目录（请跟踪其中的日志文件）',
    appeared: '已出现，开始读取',
    removed: '已被删除或改名：读完其余内容后等待新文件',
    rotated: '已轮转：从头读取新文件',
    truncated: '已被截断：从头读取（截断前刚写入的行可能缺失）',
  },
  en: {
    waiting: 'does not exist (yet); waiting for it',
    directory: 'is a directory (follow the log files inside it)',
    appeared: 'appeared; reading it',
    removed: 'removed or renamed; reading the rest of it, then waiting for a new file',
    rotated: 'rotated; reading the new file from its start',
    truncated: 'truncated; reading it from its start (lines written just before the truncation may be missing)',
  },
};

/**
 * Runs follow on a missing file and a directory (its name holds an escape), then makes the
 * file, rotates it, truncates it and removes it, waiting for each notice in turn. The
 * distinct stderr lines, and what each should be.
 */
async function lifeOf(lang: 'en' | 'zh'): Promise<{ got: string[]; want: string[] }> {
  const root = tempDir();
  const log = join(root, 'kern.log');
  const dir = join(root, 'logs\u001b[2J');
  mkdirSync(dir);
  const w = WORDS[lang];
  // The colon after the path is the language's, as on every other stderr line naming a file (diagnostics.input).
  const colon = lang === 'zh' ? '：' : ': ';
  const line = (stage: Stage): string => `logscan: ${stage === 'directory' ? dir.replace('\u001b', '\\x1b') : log}${colon}${w[stage]}`;
  const said = (stage: Stage, after = 0) => (_o: string, e: string) => e.indexOf(line(stage), after) >= 0;
  const cli = startCli(['follow', '-o', 'ndjson', '--lang', lang, log, dir], { env });
  await cli.waitFor((o, e) => said('waiting')(o, e) && said('directory')(o, e), 20_000);
  writeFileSync(log, iptablesLine(1) + '\n');
  await cli.waitFor((o, e) => printed(1)(o) && said('appeared')(o, e), 20_000);
  renameSync(log, `${log}.1`);
  writeFileSync(log, iptablesLine(2) + '\n');
  await cli.waitFor((o, e) => printed(2)(o) && said('rotated')(o, e), 20_000);
  appendFileSync(log, iptablesLine(3) + '\n');
  await cli.waitFor(printed(3), 20_000);
  truncateSync(log, 0);
  appendFileSync(log, iptablesLine(4) + '\n');
  await cli.waitFor((o, e) => printed(4)(o) && said('truncated')(o, e), 20_000);
  const before = cli.stderr.length;
  rmSync(log);
  await cli.waitFor((o, e) => said('removed', before)(o, e), 20_000);
  const r = await cli.stop();
  return { got: [...new Set(r.stderr.split('\n').filter(Boolean))].sort(), want: (Object.keys(w) as Stage[]).map(line).sort() };
}

describe('follow\'s notices in --lang zh', () => {
  it('each stage of a file\'s life is said in Chinese, naming the path (escaped); English as before', { timeout: 120_000 }, async () => {
    const zh = await lifeOf('zh');
    expect(zh.got).toEqual(zh.want);
    const en = await lifeOf('en');
    expect(en.got).toEqual(en.want);
  });
});
