// --lang zh for what was still English on stderr: a standard output that cannot be written,
// interruptions, internal errors, `check --line`, `explain`'s notes on standard input and
// `daily`'s own notes and log-directory errors. Each line is Chinese and names what it is
// about; exit codes and the English are unchanged (the English is held by the tests that
// were there before: e2e/cli, e2e/hardening, daily/e2e, cli/explain-line).
import { closeSync, existsSync, mkdirSync, openSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliPath, runCli, startCli, tempDir, untilReading } from '../helpers/cli.js';
import { isoLine } from '../daily/lines.js';

const UFW = 'samples/ufw.log';
const CJK = /[\u4e00-\u9fff]/u;

describe('standard output that cannot be written, in --lang zh', () => {
  it.runIf(existsSync('/dev/full'))('one Chinese sentence, exit 2, in a report and in explain', () => {
    for (const args of [['--lang', 'zh', UFW], ['explain', '22', '--lang', 'zh']]) {
      const full = openSync('/dev/full', 'w');
      const r = spawnSync(process.execPath, [cliPath, ...args], { stdio: ['ignore', full, 'pipe'], encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 20_000 });
      closeSync(full);
      expect(r.stderr, args.join(' ')).toBe('logscan: 无法写入标准输出：设备上没有剩余空间\n');
      expect(r.status, args.join(' ')).toBe(2);
    }
  });
});

describe('internal errors in --lang zh (LOGSCAN_TEST_CRASH, a test-only hook)', () => {
  it('the lead-in and the hint are Chinese, the error itself as thrown; exit 1', () => {
    const r = runCli(['--lang', 'zh', UFW], { env: { LOGSCAN_TEST_CRASH: '1' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('logscan: 内部错误：deliberate crash in "report" (LOGSCAN_TEST_CRASH is set; test-only)\nlogscan: 这是 logscan 的缺陷；请加上 --debug 重新运行以得到调用栈，并报告这个问题\n');
  });
  it('with --debug, the stack as it is', () => {
    const r = runCli(['check', UFW, '--lang', 'zh', '--debug'], { env: { LOGSCAN_TEST_CRASH: 'check' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^logscan: 内部错误：deliberate crash in "check"/);
    expect(r.stderr).toMatch(/\n\s+at /);
  });
});

describe('check --line in --lang zh', () => {
  it('the labels of the line block and a skipped line\'s reason are Chinese; the field names and values are not', () => {
    const r = runCli(['check', UFW, '--line', '2', '--lang', 'zh', '--tz', 'UTC']);
    expect(r.code).toBe(0);
    const block = r.stdout.slice(r.stdout.indexOf('\n第 2 行'));
    expect(block).toMatch(/^\n第 2 行：得到事件\n {2}文本 {10}Nov 20 06:51:08 gw kernel:/);
    expect(block).toContain('\n  time          2026-11-20T06:51:08.000Z  (2026-11-20 06:51:08 UTC)\n');
    expect(block).toContain('\n  src.ip        192.168.1.3\n');
    // Each annotation by its name, the id beside it, in --lang; never the bare id.
    expect(block).toContain('\n  解读\n    已知端口（port-known） — 严重度 0，logscan：\n');
    expect(runCli(['check', UFW, '--line', '2', '--tz', 'UTC']).stdout).toContain('\n  annotations\n    known port (port-known) — severity 0, logscan:\n');
    expect(block).toContain('\n  计为          非探测：局域网广播噪声\n');
    // A skipped line: its reason in Chinese too (the parser's English without --lang).
    const skipped = runCli(['check', UFW, '--line', '1', '--lang', 'zh']).stdout;
    expect(skipped).toContain('\n第 1 行：跳过\n');
    expect(skipped).toContain('\n  原因          不是防火墙记录\n');
    expect(runCli(['check', UFW, '--line', '1']).stdout).toContain('\n  reason        not a firewall record\n');
  });

  it('a line past the end: said in Chinese on stderr, exit 2', () => {
    const r = runCli(['check', UFW, '--line', '999', '--lang', 'zh']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`logscan: --line 999：${UFW} 只有 700 行\n`);
    expect(r.stdout).toContain('\n第 999 行：超出了输入的末尾\n');
    expect(runCli(['check', UFW, '--line', '999']).stderr).toBe(`logscan: --line 999: ${UFW} has only 700 lines\n`);
  });
});

describe('a file named twice in --lang zh', () => {
  it('said once in Chinese, read once', () => {
    const r = runCli(['events', UFW, `./${UFW}`, '--lang', 'zh']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`logscan: ./${UFW}：与 ${UFW} 是同一个文件；只读一次\n`);
    expect(runCli(['check', UFW, UFW, '--lang', 'zh']).stderr).toBe(`logscan: ${UFW}：重复给出；只读一次\n`);
    expect(runCli(['events', UFW, UFW]).stderr).toBe(`logscan: ${UFW}: named twice; read once\n`);
  });
});

describe("events' notes in --lang zh", () => {
  it('no event matches the filters, no records among the lines read', () => {
    const none = runCli(['events', UFW, '--lang', 'zh', '--year', '2026', '--tz', 'UTC', '--until', '2020-01-01', '--source', '192.0.2.0/24']);
    expect(none.code).toBe(0);
    expect(none.stderr).toMatch(/^logscan: 读到的 693 个事件中没有符合 --until 和 --source 的；读到的事件从 2026-11-20T\S+ 到 2026-11-22T\S+\n$/);
    const noise = runCli(['events', '-', '--lang', 'zh'], { input: 'hello\nworld\n' });
    expect(noise.stderr).toBe('logscan: 未找到防火墙记录。`logscan check FILE` 可以显示 logscan 如何解读这些行。\n');
  });
});

describe("explain's notes on standard input in --lang zh", () => {
  const line = isoLine(new Date('2026-11-20T10:00:00Z'));
  it('past 100 lines', () => {
    const r = runCli(['explain', '-', '--lang', 'zh', '-o', 'json'], { input: `${line}\n`.repeat(101) });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('logscan: explain: 只读了标准输入的前 100 行；要分析整份日志，请用 `logscan -` 生成报告\n');
  });

  it('over-long lines: each of the first said, then the rest counted', () => {
    const long = 'x'.repeat(70_000);
    const r = runCli(['explain', '-', '--lang', 'zh', '-o', 'json'], { input: `${long}\n`.repeat(7) + `${line}\n` });
    expect(r.code).toBe(0);
    const err = r.stderr.split('\n');
    // The reason too, as the report says it of an over-long line in a file (it was English here).
    expect(err[0]).toBe('logscan: (stdin) 第 1 行格式错误：行长超过 65536 个字符（70000）；未予解释');
    expect(err.at(-2)).toMatch(/^logscan: \(stdin\)：有 7 行长于 [\d,]+ 个字符，未予解释$/);
    expect(err.filter((l) => !CJK.test(l) && l !== '')).toEqual([]);
  });

  it('from a terminal it says how to end the input', () => {
    const r = spawnSync('script', ['-q', '-c', `${process.execPath} ${cliPath} explain - --lang zh`, '/dev/null'], {
      input: `${line}\n\u0004`,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
      timeout: 20_000,
    });
    expect(r.stdout).toContain('logscan: explain: 正在从终端读取日志行；粘贴之后按 Ctrl-D 结束');
  });

  it('standard input that is a directory: the input problem in Chinese, exit 3', () => {
    const r = spawnSync(process.execPath, [cliPath, 'explain', '-', '--lang', 'zh'], { stdio: [openSync('/', 'r'), 'pipe', 'pipe'], encoding: 'utf8' });
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/^logscan: \(stdin\)：是一个目录/);
  });
});

describe("daily's own notes in --lang zh", () => {
  const at = (s: string): Date => new Date(s);
  const day1 = [isoLine(at('2026-11-19T23:00:00Z'), { src: '192.0.2.99' }), ...Array.from({ length: 10 }, (_, i) => isoLine(at(`2026-11-20T1${i}:00:00Z`), { src: `198.51.100.${i}`, dpt: 22 }))];
  const day2 = [isoLine(at('2026-11-21T08:00:00Z'), { src: '198.51.100.1', dpt: 22 })];
  const write = (dir: string, name: string, lines: string[]): string => {
    const p = join(dir, name);
    writeFileSync(p, lines.join('\n') + '\n');
    return p;
  };
  const args = (log: string, state: string): string[] => ['daily', log, '--date', '2026-11-21', '--tz', 'UTC', '--state', state, '--lang', 'zh'];

  it('a --state DIR that cannot be made: the line and its reason in Chinese, on stderr and on the page; the JSON keeps its shape; exit 2', () => {
    const dir = tempDir();
    const log = write(dir, 'kern.log', [...day1, ...day2]);
    writeFileSync(join(dir, 'afile'), '');
    const state = join(dir, 'afile', 'state');
    const r = runCli([...args(log, state), '-o', 'markdown']);
    expect(r.code).toBe(2);
    const said = `--state ${state}：2026-11-21 的摘要未能保存（${join(dir, 'afile')} 不是目录）：2026-11-21 的日志被轮转删除后，2026-11-22 的摘要将没有前一天可比较`;
    expect(r.stderr).toBe(`logscan: ${said}\n`);
    expect(r.stdout).toContain(said);
    const json = JSON.parse(runCli([...args(log, state), '-o', 'json']).stdout) as { stateNotSaved: unknown };
    expect(json.stateNotSaved).toEqual({ dir: state, date: '2026-11-21', next: '2026-11-22', problem: `${join(dir, 'afile')} 不是目录` });
  });

  it('a digest that cannot be written (a directory in its place): its name and the reason in Chinese', () => {
    const dir = tempDir();
    const log = write(dir, 'kern.log', [...day1, ...day2]);
    const state = join(dir, 'state');
    mkdirSync(join(state, '2026-11-21.json'), { recursive: true });
    const r = runCli([...args(log, state), '-o', 'json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`logscan: --state ${state}：2026-11-21 的摘要未能保存（2026-11-21.json：是一个目录）：`);
  });

  it('a stored digest that is no JSON: ignored, said in Chinese (the JSON parser\'s words as they are)', () => {
    const dir = tempDir();
    const log = write(dir, 'kern.log', day2);
    const state = join(dir, 'state');
    mkdirSync(state);
    writeFileSync(join(state, '2026-11-20.json'), '{ not json');
    const r = runCli([...args(log, state), '-o', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`^logscan: 已忽略保存的摘要：${join(state, '2026-11-20.json')}：不是有效的 JSON（.+）\n$`));
  });

  it('--log-dir: no such directory, not a directory, no logs, no file for the day; exit codes as in English', () => {
    const dir = tempDir();
    const missing = runCli(['daily', '--log-dir', join(dir, 'nope'), '--date', '2026-11-21', '--lang', 'zh']);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toBe(`logscan: ${join(dir, 'nope')}：无法在这里查找日志：目录不存在；请把日志文件作为参数给出\n`);
    writeFileSync(join(dir, 'a-file'), '');
    expect(runCli(['daily', '--log-dir', join(dir, 'a-file'), '--date', '2026-11-21', '--lang', 'zh']).stderr).toBe(
      `logscan: ${join(dir, 'a-file')}：无法在这里查找日志：不是目录；请把日志文件作为参数给出\n`,
    );
    const empty = tempDir();
    const none = runCli(['daily', '--log-dir', empty, '--date', '2026-11-21', '--lang', 'zh']);
    expect(none.code).toBe(3);
    expect(none.stderr).toMatch(new RegExp(`^logscan: ${empty}：没有找到防火墙日志（找过 kern\\.log\\*、messages\\*、.*）；请把日志文件作为参数给出\n$`));
    const old = tempDir();
    const p = write(old, 'kern.log', [isoLine(at('2026-11-17T10:00:00Z'))]);
    const t = Date.parse('2026-11-17T10:00:00Z') / 1000;
    spawnSync('touch', ['-d', '@' + t, p]);
    const stale = runCli(['daily', '--log-dir', old, '--date', '2026-11-21', '--tz', 'UTC', '--lang', 'zh', '-o', 'json']);
    expect(stale.code).toBe(0);
    expect(stale.stderr).toBe(`logscan: ${old} 中没有可能包含 2026-11-20 或 2026-11-21 的日志文件（见 docs/daily.md 的“Which files are read”一节）\n`);
  });
});

describe('interruptions in --lang zh', { timeout: 40_000 }, () => {
  const lines = Array.from({ length: 60 }, (_, i) => isoLine(new Date(Date.UTC(2026, 10, 20, 10, i)), { src: `198.51.100.${i + 1}` }));
  /** Writes the lines and a malformed one to the command's stdin, waits for that line's diagnostic, then SIGINT. */
  async function cutShort(args: string[]) {
    const cli = startCli([...args, '--lang', 'zh', '-'], { stdin: 'pipe' });
    cli.stdin!.write([...lines, lines.at(-1)!.replace(/ DST=\S+/, '')].join('\n') + '\n');
    await cli.waitFor((_out, err) => err.includes(`(stdin) 第 ${lines.length + 1} 行格式错误`), 30_000);
    return cli.stop('SIGINT');
  }

  it('events', async () => {
    const r = await cutShort(['events', '--threads', '1']);
    expect(r.code).toBe(130);
    expect(r.stderr).toContain('logscan: 被 SIGINT 中断；输出只包含中断前读到的内容\n');
  });

  it('check', async () => {
    // check says nothing while it reads: stopped once it reads standard input, the lines written or not.
    const cli = startCli(['check', '--lang', 'zh', '-'], { stdin: 'pipe' });
    cli.stdin!.write(lines.join('\n') + '\n');
    await untilReading(cli.pid, '-');
    const r = await cli.stop('SIGINT');
    expect(r.code).toBe(130);
    expect(r.stderr).toContain('logscan: 被 SIGINT 中断；检查只涵盖中断前读到的内容\n');
  });

  it('daily --state: the digest not written', async () => {
    const state = tempDir();
    const r = await cutShort(['daily', '--date', '2026-11-20', '--tz', 'UTC', '-o', 'json', '--state', state]);
    expect(r.code).toBe(130);
    expect(r.stderr).toContain('logscan: 被 SIGINT 中断：不写入 2026-11-20 的 --state 摘要（它只会计入当天的一部分）\n');
  });
});
