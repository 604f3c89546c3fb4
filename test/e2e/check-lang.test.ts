// `logscan check` in Chinese: every row it prints for a person comes from the catalog, in
// --lang or the locale's language, a skipped or malformed line's reason too (its field and
// value as logged); log text and format ids stay as they are. Its JSON keeps every key and value in either language.
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
 * (log text), the rows of malformed kinds (field names and values as logged), the format ids and file
 * names. What is left must hold no English word.
 */
function ownWords(out: string, paths: readonly string[]): string {
  const lines = out.split('\n');
  const kept: string[] = [];
  let inMalformed = false;
  let inExample = false;
  for (const line of lines) {
    if (/^\S/.test(line)) inMalformed = line.startsWith('格式错误（');
    // An example's log text, on its line and the lines it wraps to, further in.
    if (/^ {11,12}例：/.test(line) || (inExample && /^ {14,}\S/.test(line))) {
      inExample = true;
      continue;
    }
    inExample = false;
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
  /\b(?:iptables|windows-firewall|journald-export|journald-json|pfsense-filterlog|cisco-asa|cisco-ios|mikrotik|pf|fortigate|paloalto|sonicwall|juniper-srx|sophos-utm|sophos-xg|aws-vpcflow|meraki|watchguard|checkpoint|Check Point|gcp-firewall|azure-firewall|stormshield|Stormshield|zyxel|Zyxel|hillstone|Hillstone|huawei-usg|h3c-secpath|Azure Firewall|cef|CEF|leef|LEEF|QRadar|devTime|devTimeFormat|syslog|input-format|json|logscan|formats|tz|ZONE|UTC|ID|ASA|Fields|Time Format Local|Version|Software|NUL|UTF-16LE|Windows|PowerShell|Out-File|pfirewall\.log|pid)\b/g;

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
      '时区       日志中未注明时区的时间按本机时区 UTC 解读，可用 --tz 另行指定',
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
    // The malformed line's reason in Chinese, its field (with the ASA message id) and value as logged.
    expect(out).toContain("× 302014: for：无效的地址 '[10.22.8.10'");
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

  it('wraps to 65 and 80 columns: no row of its own (a reason quoting log text aside) is wider, the examples neither', () => {
    for (const width of [65, 80]) {
      const out = runCli(['check', '--lang', 'zh', UFW, ASA, files.nuls, files.notes], { env: { COLUMNS: String(width), TZ: 'UTC' } }).stdout;
      expect(out).toMatch(/^ {12}例：第 \d+ 行：\S.*\n {25}\S/m);
      const own = out.split('\n').filter((l) => !/^ +\d+ × \d{6}: /.test(l) && !l.startsWith('检查 · '));
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

describe('malformed lines of several parsers, --lang zh', () => {
  // One syslog file carrying netfilter, filterlog, MikroTik and Cisco ASA messages (payload dispatch).
  const LINES = [
    'Nov 20 06:51:08 gw kernel: [UFW BLOCK] IN=eth0 OUT= MAC= SRC=203.0.113.4 DST=192.0.2.8 LEN=40 TTL=50 PROTO=TCP SPT=4444 DPT=22 WINDOW=1024 SYN URGP=0',
    'Nov 20 06:51:09 gw kernel: [UFW BLOCK] IN=eth0 OUT= MAC= SRC=203.0.113.4 DST=192.0.2.8 LEN=40 TTL=50 PROTO=TCP SPT=99999 DPT=22 WINDOW=1024 SYN URGP=0',
    'Nov 20 06:51:10 gw kernel: [UFW BLOCK] IN=eth0 OUT= MAC= SRC=203.0.113.4 LEN=40 TTL=50 PROTO=TCP SPT=4444 DPT=23 WINDOW=1024 SYN URGP=0',
    'Nov 20 06:51:11 fw filterlog[123]: 5,,,1000000103,igb0,match,block,in,4,0x0,,64,0,0,DF,6,tcp,60,203.0.113.x,192.0.2.1,443,22,0,S,123,,64240,,mss',
    'Nov 20 06:51:12 asa %ASA-4-106023: Deny tcp src outside:203.0.113.4/99999 dst inside:192.0.2.1/22 by access-group "OUT" [0x0, 0x0]',
    'Nov 20 06:51:13 router firewall,info input: in:ether1 out:(unknown 0), proto TCP (SYN), 203.0.113.4:5555->192.0.2.1:99999, len 60',
    'Nov 20 06:51:14 gw kernel: [UFW BLOCK] IN=eth0 OUT= MAC= SRC=203.0.113.4 DST=192.0.2.8 LEN=40 TTL=50 PROTO=TCP SPT=70000 DPT=22 WINDOW=1024 SYN URGP=0',
    'Nov 20 06:51:15 gw sshd[22]: Accepted publickey for root',
  ];
  let file: string;
  beforeAll(() => {
    file = join(tempDir(), 'several.log');
    writeFileSync(file, LINES.join('\n') + '\n');
  });

  it("check: each kind's reason in Chinese, field and value as logged; a varied kind headed by its elided form", () => {
    const out = runCli(['check', '--lang', 'zh', file], { env: { TZ: 'UTC' } }).stdout;
    expect(out).toContain("        2 × SPT：无效的端口 '…'\n            例：第 2 行（SPT：无效的端口 '99999'）：");
    expect(out).toContain('        1 × DST：缺失\n');
    expect(out).toContain("        1 × src：无效的地址 '203.0.113.x'\n");
    expect(out).toContain("        1 × 106023: src：无效的端口 '99999'\n");
    expect(out).toContain("        1 × dst：无效的端口 '99999'\n");
    expect(out).toContain('        1 × 不是防火墙记录\n');
    // The English: the parsers' words, as on stderr and in the JSON.
    const english = runCli(['check', file], { env: { TZ: 'UTC' } }).stdout;
    expect(english).toContain("        2 × SPT: invalid port '…'\n            e.g. line 2 (SPT: invalid port '99999'): ");
    expect(english).toContain("        1 × 106023: src: invalid port '99999'\n");
    expect(english).not.toMatch(/[\u4e00-\u9fff]/u);
  });

  it('check --line N: a malformed line\'s reason in Chinese', () => {
    const out = runCli(['check', '--lang', 'zh', '--line', '3', file], { env: { TZ: 'UTC' } }).stdout;
    expect(out).toContain('第 3 行：格式错误\n');
    expect(out).toContain('  原因          DST：缺失\n');
  });

  it('-o json keeps the English reasons and no reason data, with --lang zh too', () => {
    const json = runCli(['check', '-o', 'json', '--lang', 'zh', '--line', '3', file]).stdout;
    const doc = JSON.parse(json) as { inputs: { malformedKinds: Record<string, unknown>[]; detail: Record<string, unknown> }[] };
    const kinds = doc.inputs[0]!.malformedKinds;
    expect(kinds.map((k) => k.reason)).toEqual(["SPT: invalid port '99999'", 'DST: missing', "src: invalid address '203.0.113.x'", "106023: src: invalid port '99999'", "dst: invalid port '99999'"]);
    expect(kinds.every((k) => !('why' in k))).toBe(true);
    expect(doc.inputs[0]!.detail.reason).toBe('DST: missing');
    expect('why' in doc.inputs[0]!.detail).toBe(false);
  });

  it("stderr's malformed-line warnings follow --lang: Chinese with zh, the parsers' English without", () => {
    const zh = runCli(['--lang', 'zh', file], { env: { TZ: 'UTC' } }).stderr;
    expect(zh).toContain(`logscan: ${file} 第 2 行格式错误：SPT：无效的端口 '99999'：Nov 20 06:51:09 gw kernel:`);
    expect(zh).toContain(`logscan: ${file} 第 5 行格式错误：106023: src：无效的端口 '99999'：`);
    const en = runCli([file], { env: { TZ: 'UTC' } }).stderr;
    expect(en).toContain(`logscan: ${file}:2: malformed: SPT: invalid port '99999': Nov 20 06:51:09 gw kernel:`);
    expect(en).toContain(`logscan: ${file}:3: malformed: DST: missing: `);
  });
});

describe('impossible times and syslog headers of each reader, --lang zh', () => {
  // test/fixtures/*/bad-times.log: BSD, ISO, RFC 5424, dmesg -T, Proxmox and rsyslog's repeat
  // wrapper (iptables), an ASA's own stamp, Windows Firewall's date and time, pf's stamps.
  const fixture = (format: string): string => join(repoRoot, 'test/fixtures', format, 'bad-times.log');

  it("check: each kind's reason in Chinese, the field and value as logged", () => {
    const said = (format: string): string => runCli(['check', '--lang', 'zh', fixture(format)], { env: { TZ: 'UTC' } }).stdout;
    const ipt = said('iptables');
    for (const want of [
      '        2 × time：不存在的日期（Feb 30）\n',
      '        2 × time：不存在的时间（小时为 …）\n            例：第 5 行（time：不存在的时间（小时为 25））：',
      '        1 × time：该行没有写年份，推断出的年份 2026 没有 2 月 29 日（可用 --year 指定年份）\n',
      '        1 × time：不存在的时间（分钟为 61）\n',
      '        1 × time：不存在的时间（秒为 61）\n',
      '        1 × time：不存在的日期（月份为 13）\n',
      '        1 × time：年份 0999 超出支持的范围 1900-9998\n',
      '        1 × time：不存在的 UTC 偏移\n',
      '        1 × time：不存在的日期（Jun 31）\n',
      '        1 × time：不存在的日期（UTC 偏移无效）\n',
      '        1 × message repeated：次数 0 超出范围 1-999999999\n',
      `        1 × message repeated：应为 "N times: [ … ]"，次数为 1 到 999999999，实际为 'many'\n`,
    ]) {
      expect(ipt).toContain(want);
    }
    expect(said('cisco-asa')).toContain("        2 × time：不存在的日期 '…'\n            例：第 3 行（time：不存在的日期 'Feb 30 2016 20:39:44'）：");
    const win = said('windows-firewall');
    expect(win).toContain("        2 × 字段 date/time：无效的值 '…'\n");
    expect(win).toContain('        1 × 字段 date：年份 1899 超出支持的范围 1900-9998\n');
    const pf = said('pf');
    // Lines 5 and 9: one before the rule, one after a syslog header and `pf:` (line 8 too).
    expect(pf).toContain('        2 × time：不存在的日期（Nov 31）\n');
    expect(pf).toContain('        1 × time：年份 0999 超出支持的范围 1900-9998\n');
    // None of the English words of these reasons is left.
    for (const out of [ipt, win]) expect(out).not.toMatch(/impossible|outside the supported|out of range|inferred/);
  });

  it('stderr of the report says them in Chinese; English as before without --lang zh', () => {
    const zh = runCli(['--lang', 'zh', fixture('cisco-asa')], { env: { TZ: 'UTC' } }).stderr;
    expect(zh).toContain("第 3 行格式错误：time：不存在的日期 'Feb 30 2016 20:39:44'：<166>Feb 30 2016");
    const en = runCli(['--lang', 'en', fixture('cisco-asa')], { env: { TZ: 'UTC' } }).stderr;
    expect(en).toContain("bad-times.log:3: malformed: time: impossible date 'Feb 30 2016 20:39:44': <166>Feb 30 2016");
    expect(en).toContain('bad-times.log:2: malformed: time: year 0999 outside the supported range 1900-9998: ');
  });

  it('-o json keeps the English reasons', () => {
    const doc = JSON.parse(runCli(['check', '-o', 'json', '--lang', 'zh', fixture('windows-firewall')], { env: { TZ: 'UTC' } }).stdout) as {
      inputs: { malformedKinds: { kind: string; reason: string }[] }[];
    };
    expect(doc.inputs[0]!.malformedKinds.map((k) => k.reason)).toEqual([
      "field date/time: invalid '2026-02-30 06:25:03'",
      'field date: year 1899 outside the supported range 1900-9998',
    ]);
  });
});

describe('check: records whose syslog header was not understood', () => {
  const FIXTURE = join(repoRoot, 'test/fixtures/iptables/headers-misc.log');
  const ARGS = ['check', '--tz', 'Europe/Berlin', FIXTURE];

  it('says so once, with how many and the first as an example, in English and in Chinese', () => {
    const wide = { env: { COLUMNS: '400' } };
    const en = runCli(ARGS, wide);
    expect(en.code).toBe(0);
    const rows = en.stdout.split('\n').filter((l) => l.startsWith('headers '));
    expect(rows).toHaveLength(1);
    // Lines 14 (a second column no facility.level), 19, 20, 21, 25 (after a <PRI>) and 29 (kernel[123]:); 22 is no
    // record, 23's xkernel:, 26's none and 30's kernel[12a]: no tag, 24 malformed from its tag on; 31-32 a relay's
    // header before the device's ISO one are read.
    expect(rows[0]).toMatch(/^headers +7 records: header not understood: read from its kernel: tag on; /);
    const after = en.stdout.split('\n')[en.stdout.split('\n').indexOf(rows[0]!) + 1]!;
    // Kiwi Syslog's TABs shown as \t, not as raw tabs that jump to the next tab stop.
    expect(after).toMatch(/^ +e\.g\. line 14: 2026-11-20 06:26:07\\tnot a level\\t192\.168\.1\.1\\tkernel: \[UFW BLOCK\]/);
    expect(after).not.toContain('\t');
    const zh = runCli([...ARGS, '--lang', 'zh'], wide);
    expect(zh.stdout).toMatch(/\n日志头 +7 条记录：未能识别日志头：从 kernel: 标签之后读取；/);
    expect(zh.stdout).toContain('例：第 14 行：');
  });

  it('-o json: the count, the first line, its English reason and excerpt; null for a file without one', () => {
    const doc = JSON.parse(runCli([...ARGS, '-o', 'json']).stdout) as { inputs: { unreadHeaders: unknown }[] };
    expect(doc.inputs[0]!.unreadHeaders).toMatchObject({ records: 7, line: 14, reason: 'header not understood: read from its kernel: tag on' });
    // JSON keeps the line as logged: its TABs are JSON's \t, not the terminal's spelled \\t.
    expect((doc.inputs[0]!.unreadHeaders as { excerpt: string }).excerpt).toMatch(/^2026-11-20 06:26:07\tnot a level\t/);
    const plain = JSON.parse(runCli(['check', '-o', 'json', UFW]).stdout) as { inputs: { unreadHeaders: unknown }[] };
    expect(plain.inputs[0]!.unreadHeaders).toBeNull();
    expect(runCli(['check', UFW]).stdout).not.toContain('header not understood');
  });
});
