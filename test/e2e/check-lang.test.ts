// `logscan check` in Chinese: every row it prints for a person comes from the catalog, in
// --lang or the locale's language; a malformed line's reason (the parser's), log text and
// format ids stay as they are. Its JSON keeps every key and value in either language.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runCli, tempDir } from '../helpers/cli.js';
import { displayWidth } from '../../src/render/box-table.js';

const UFW = join(repoRoot, 'samples/ufw.log');
const ASA = join(repoRoot, '../shared/corpus/cisco-asa/metron_asa_raw.log');
const HEADER_18 = [
  '#Version: 1.5',
  '#Software: Microsoft Windows Firewall',
  '#Time Format: Local',
  '#Fields: date time action protocol src-ip dst-ip src-port dst-port size tcpflags tcpsyn tcpack tcpwin icmptype icmpcode info path pid',
];
const HEADER_17 = [...HEADER_18.slice(0, 3), HEADER_18[3]!.replace(' pid', '')];
const winRow = (i: number, pid = '') => `2026-03-10 10:00:${String(i).padStart(2, '0')} DROP TCP 198.51.100.7 192.168.1.35 40000 ${1000 + i} 52 S 1 0 1024 - - - RECEIVE${pid}`;

let files: Record<'mixed' | 'nuls' | 'utf16' | 'notes', string>;

beforeAll(() => {
  const dir = tempDir();
  const write = (name: string, content: string | Buffer): string => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
  const sample = readFileSync(join(repoRoot, 'samples/pfirewall.log'), 'latin1').split('\n').slice(0, 20);
  files = {
    // Two #Fields layouts, a malformed line under the second, a blank line.
    mixed: write('mixed.log', [...HEADER_17, ...[0, 1, 2].map((i) => winRow(i)), '', ...HEADER_18, ...[10, 11, 12].map((i) => winRow(i, ' 4242')), 'not a record'].join('\r\n') + '\r\n'),
    nuls: write('nuls.log', Buffer.concat([Buffer.from(sample.slice(0, 6).join('\n') + '\n', 'latin1'), Buffer.alloc(70_000), Buffer.from(sample.slice(6).join('\n') + '\n', 'latin1')])),
    utf16: write('utf16.log', Buffer.from(`\ufeff${readFileSync(join(repoRoot, 'samples/pfirewall.log'), 'utf8')}`, 'utf16le')),
    // No firewall record in three lines: the format is guessed, and both hints for it show.
    notes: write('notes.txt', 'Nov 20 06:25:01 gw CRON[1]: hello\nNov 20 06:25:02 gw sshd[2]: hi\nNov 20 06:25:03 gw sshd[2]: bye\n'),
  };
});

/**
 * The words of `check`'s text that are no label or sentence of its own: the example rows
 * (log text), the rows of malformed kinds (the parser's reason), the format ids and file
 * names. What is left must hold no English word.
 */
function ownWords(out: string, paths: readonly string[]): string {
  const lines = out.split('\n');
  const kept: string[] = [];
  let inMalformed = false;
  for (const line of lines) {
    if (/^\S/.test(line)) inMalformed = line.startsWith('格式错误（');
    if (/^ {12}例：/.test(line)) continue;
    if (inMalformed && /^ +\d+ × /.test(line)) continue;
    kept.push(line);
  }
  let text = kept.join('\n');
  for (const p of paths) text = text.replaceAll(p, '');
  return text;
}

// Tokens the Chinese text keeps as they are (zh.ts: technical tokens stay): format ids,
// options and their values, field and header names, zone and encoding names, product names.
const TOKENS =
  /\b(?:iptables|windows-firewall|journald-export|journald-json|pfsense-filterlog|cisco-asa|mikrotik|pf|syslog|input-format|json|logscan|formats|tz|ZONE|UTC|ID|ASA|Fields|Time Format Local|Version|Software|NUL|UTF-16LE|Windows|PowerShell|Out-File|pfirewall\.log|pid)\b/g;

function englishWords(text: string): string[] {
  return text.replace(TOKENS, '').match(/[A-Za-z]{2,}/g) ?? [];
}

describe('check --lang zh', () => {
  it('says every row in Chinese, labels lined up by display width, on each kind of file', () => {
    const all = [UFW, ASA, files.mixed, files.nuls, files.utf16, files.notes];
    const r = runCli(['check', '--lang', 'zh', ...all], { env: { COLUMNS: '100', TZ: 'UTC' } });
    expect(r.code).toBe(0);
    const out = r.stdout;
    for (const want of [
      '检查 · ',
      '格式       iptables，根据前 50 个非空行识别，置信度 0.99',
      '置信度     iptables 0.99 · ',
      '行数       700：解析 693 行 · 跳过 7 行 · 格式错误 0 行',
      '时间       日志中未注明时区：按本机时区 UTC 解读',
      '跳过（1 类）',
      '        7 × 不是防火墙记录',
      '            例：第 1 行：Nov 20 06:25:01 gw kernel:',
      '× ASA …：不是数据包或连接的消息',
      '例：第 1 行（ASA 609001：不是数据包或连接的消息）：<167>',
      '#Fields    2 种布局：17 个字段，自第 4 行起：3 行 ·',
      '18 个字段（+pid），自第 12 行起：4 行（格式错误 1 行）',
      '× 文件头：#Fields（17 个字段）',
      '× 空行',
      'NUL 字符   从第 7 行去掉了 70,000 个：',
      '编码       带字节序标记的 UTF-16LE 文本',
      '格式       iptables（推测）：前 3 个非空行没有被任何格式识别',
      '提示：没有一行是防火墙记录',
      '提示：只有 3 个非空行可供识别格式',
      '提示：格式错误的行看起来像防火墙记录',
    ]) {
      expect(out).toContain(want);
    }
    // Every label row's value starts in column 11, whatever the label's script.
    for (const line of out.split('\n').filter((l) => /^(?:格式|置信度|行数|时间|编码|NUL 字符|#Fields) /.test(l))) {
      expect(displayWidth(line.slice(0, line.search(/(?<= {2})\S/))), line).toBe(11);
    }
    expect(englishWords(ownWords(out, all))).toEqual([]);
    // The malformed line's reason is the parser's, as on stderr.
    expect(out).toContain("× 302014: for: invalid address '[10.22.8.10'");
  });

  it('LANG=zh_CN.UTF-8 without --lang says the same', () => {
    const args = ['check', UFW, ASA, files.mixed];
    const byOption = runCli([...args, '--lang', 'zh'], { env: { TZ: 'UTC' } });
    const byLocale = runCli(args, { env: { TZ: 'UTC', LANG: 'zh_CN.UTF-8', LC_ALL: '', LC_MESSAGES: '', LANGUAGE: '' } });
    expect(byLocale.stdout).toBe(byOption.stdout);
    expect(byLocale.stdout).toContain('格式错误（1 类）');
    expect(englishWords(ownWords(byLocale.stdout, args.slice(1)))).toEqual([]);
  });

  it('--line N: a skipped line says its reason in Chinese; a field name stays the JSON path', () => {
    const out = runCli(['check', '--lang', 'zh', '--line', '1', UFW], { env: { TZ: 'UTC' } }).stdout;
    expect(out).toContain('第 1 行：跳过\n');
    expect(out).toContain('  原因          不是防火墙记录\n');
    expect(out).not.toContain('not a firewall record');
  });

  it('wraps to 65 and 80 columns: no row of its own (log text aside) is wider', () => {
    for (const width of [65, 80]) {
      const out = runCli(['check', '--lang', 'zh', UFW, ASA, files.nuls, files.notes], { env: { COLUMNS: String(width), TZ: 'UTC' } }).stdout;
      const own = out.split('\n').filter((l) => !/^ {12}例：/.test(l) && !/^ +\d+ × \d{6}: /.test(l) && !l.startsWith('检查 · '));
      for (const l of own) expect(displayWidth(l), l).toBeLessThanOrEqual(width);
      expect(out).toContain('提示：');
    }
  });
});

describe('check -o json in either language', () => {
  const ALL = (): string[] => [UFW, ASA, files.mixed, files.notes];

  it('is the same document under a Chinese locale as under an English one', () => {
    const en = runCli(['check', '-o', 'json', ...ALL()], { env: { TZ: 'UTC', LANG: 'en_US.UTF-8', LC_ALL: '' } });
    const zhLocale = runCli(['check', '-o', 'json', ...ALL()], { env: { TZ: 'UTC', LANG: 'zh_CN.UTF-8', LC_ALL: '' } });
    expect(zhLocale.stdout).toBe(en.stdout);
    const doc = JSON.parse(en.stdout) as { inputs: { why: string; skippedKinds: { reason: string }[] }[] };
    expect(doc.inputs[0]!.why).toBe('iptables, sniffed with confidence 0.99 on the first 50 non-blank lines');
    expect(doc.inputs[0]!.skippedKinds[0]!.reason).toBe('not a firewall record');
  });

  it('with --lang zh only the sentences (why, hints) change: keys, reasons and values stay', () => {
    type Doc = { inputs: Record<string, unknown>[] };
    const en = JSON.parse(runCli(['check', '-o', 'json', ...ALL()], { env: { TZ: 'UTC' } }).stdout) as Doc;
    const zh = JSON.parse(runCli(['check', '-o', 'json', '--lang', 'zh', ...ALL()], { env: { TZ: 'UTC' } }).stdout) as Doc;
    const rest = (d: Doc) => d.inputs.map(({ why: _w, hints: _h, ...r }) => r);
    expect(rest(zh)).toEqual(rest(en));
    expect(zh.inputs[0]!.why).toBe('iptables，根据前 50 个非空行识别，置信度 0.99');
    expect(zh.inputs[3]!.hints).toEqual(['没有一行是防火墙记录：这可能是 logscan（暂时）还不能读取的格式；`logscan formats` 列出它能读取的格式', '只有 3 个非空行可供识别格式；可用 --input-format ID 指定格式']);
  });
});
