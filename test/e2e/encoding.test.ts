// Logs in legacy encodings (GBK/GB18030, Big5, windows-1252) through the BUILT CLI: read
// with --encoding, a rule name comes out as the device wrote it; without it, the lines that
// are not UTF-8 are counted and the hint says which option reads them. The files are made
// here, field by field after the shape of Huawei USG's POLICYDENY record (as
// test/fixtures/huawei-usg/ has it) with documentation addresses; the non-ASCII names are
// written as their bytes in each encoding (hex), so no binary file is committed, and each
// test checks the decoded text against the name as a JavaScript string.
import { appendFileSync, renameSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ndjson, runCli, runCliShared, startCli, tempDir, untilReading } from '../helpers/cli.js';
import { reportAs } from '../helpers/views.js';

/** 禁止外网访问 in GBK (and GB18030, its superset). */
const GBK_NAME = Buffer.from('bdfbd6b9cde2cdf8b7c3ceca', 'hex');
/** 禁止外網訪問 in Big5: 0x54, 0x7E and 0x58 are trail bytes in the ASCII range (none is LF). */
const BIG5_NAME = Buffer.from('b854a4eea57ebaf4b358b0dd', 'hex');
/** Zürich-Büro in windows-1252 (ü is the single byte FC). */
const CP1252_NAME = Buffer.from('5afc726963682d42fc726f', 'hex');

/** A POLICYDENY record whose rule name is `name`'s bytes, at second `s`, from 203.0.113.(10+s). */
function record(name: Buffer, s: number): Buffer {
  const ss = String(s).padStart(2, '0');
  const head = `<190>May 15 2026 07:56:${ss} WUH-FW-1 %%01POLICY/6/POLICYDENY(l):vsys=public, protocol=6, source-ip=203.0.113.${10 + s}, source-port=${49000 + s}, destination-ip=198.51.100.2, destination-port=3389, time=May 15 2026 15:56:${ss}, source-zone=untrust, destination-zone=local, application-name=RDP, rule-name=`;
  return Buffer.concat([Buffer.from(head, 'latin1'), name, Buffer.from('.\n', 'latin1')]);
}

/** `n` records named `name`, and one named ASCII `Deny-To-Firewall` after them. */
function log(name: Buffer, n: number): Buffer {
  const parts: Buffer[] = [];
  for (let s = 0; s < n; s++) parts.push(record(name, s));
  parts.push(record(Buffer.from('Deny-To-Firewall'), n));
  return Buffer.concat(parts);
}

let dir = '';
let gbk = '';

beforeAll(() => {
  dir = tempDir();
  gbk = write('gbk.log', log(GBK_NAME, 4));
});

function write(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

function rules(stdout: string): string[] {
  return ndjson(stdout).map((e) => String(e.rule));
}

const TZ = ['--tz', 'Asia/Shanghai'];
const flat = (s: string): string => s.replace(/\s+/g, ' ');

describe('--encoding', () => {
  it('GBK read as gbk or gb18030 gives the rule names as written, in events and in the report', () => {
    for (const label of ['gbk', 'gb18030', 'GB2312']) {
      const r = runCliShared(['events', gbk, '--encoding', label, ...TZ]);
      expect(r.code).toBe(0);
      expect(rules(r.stdout)).toEqual([...Array(4).fill('policy "禁止外网访问" untrust->local'), 'policy "Deny-To-Firewall" untrust->local']);
    }
    const doc = JSON.parse(runCliShared([gbk, '--encoding', 'gb18030', '-o', 'json', ...TZ]).stdout) as { inputs: { decodedFrom?: string; invalidUtf8?: number }[] };
    expect(doc.inputs[0]!.decodedFrom).toBe('gb18030');
    expect(doc.inputs[0]!.invalidUtf8).toBeUndefined();
    expect(flat(reportAs([gbk, '--encoding', 'gbk', ...TZ], 'text'))).toContain(`decoded: ${gbk} was read as gbk (--encoding)`);
    expect(flat(reportAs([gbk, '--encoding', 'gbk', '--lang', 'zh', ...TZ], 'text'))).toContain(`已解码：${gbk} 已按 gbk 编码读取（--encoding）`);
    expect(reportAs([gbk, '--encoding', 'gbk', ...TZ], 'text')).not.toContain('not valid UTF-8');
  });

  it('Big5 and windows-1252 too (latin1 and iso-8859-1 are windows-1252, as browsers read them)', () => {
    const big5 = write('big5.log', log(BIG5_NAME, 2));
    expect(rules(runCliShared(['events', big5, '--encoding', 'big5', ...TZ]).stdout)[0]).toBe('policy "禁止外網訪問" untrust->local');
    const latin = write('cp1252.log', log(CP1252_NAME, 2));
    for (const label of ['windows-1252', 'latin1', 'iso-8859-1']) {
      expect(rules(runCliShared(['events', latin, '--encoding', label, ...TZ]).stdout)[1]).toBe('policy "Zürich-Büro" untrust->local');
    }
  });

  it('check names the encoding it decoded from, and shows the line as written', () => {
    const out = runCliShared(['check', gbk, '--encoding', 'gbk', '--line', '1', ...TZ]).stdout;
    expect(flat(out)).toContain('encoding gbk, as --encoding said, decoded');
    expect(out).toContain('rule-name=禁止外网访问.');
    expect(out).not.toContain('\ufffd');
  });

  it('reads .gz, stdin, several files and --threads 2 alike', () => {
    const gz = write('gbk.log.gz', gzipSync(log(GBK_NAME, 4)));
    const want = rules(runCliShared(['events', gbk, '--encoding', 'gbk', ...TZ]).stdout);
    expect(want[0]).toContain('禁止外网访问');
    expect(rules(runCliShared(['events', gz, '--encoding', 'gbk', ...TZ]).stdout)).toEqual(want);
    expect(rules(runCli(['events', '-', '--encoding', 'gbk', ...TZ], { input: log(GBK_NAME, 4) }).stdout)).toEqual(want);
    expect(rules(runCli(['events', '-', '--encoding', 'gbk', '--threads', '2', ...TZ], { input: log(GBK_NAME, 4) }).stdout)).toEqual(want);
    const big5 = write('big5-2.log', log(BIG5_NAME, 1));
    const both = rules(runCliShared(['events', gbk, gz, '--encoding', 'gbk', '--threads', '2', ...TZ]).stdout);
    expect(both).toEqual([...want, ...want]);
    // The worker thread takes --encoding too (the report's inputs come from it).
    const doc = JSON.parse(runCliShared([gbk, big5, '--encoding', 'gbk', '--threads', '2', '-o', 'json', ...TZ]).stdout) as { inputs: { decodedFrom?: string }[] };
    expect(doc.inputs.map((i) => i.decodedFrom)).toEqual(['gbk', 'gbk']);
  });

  it('a UTF-8 byte-order mark makes the file UTF-8 whatever --encoding says', () => {
    const f = write('utf8-bom.log', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), log(Buffer.from('禁止外网访问', 'utf8'), 1)]));
    const r = runCliShared(['events', f, '--encoding', 'gbk', ...TZ]);
    expect(rules(r.stdout)[0]).toBe('policy "禁止外网访问" untrust->local');
    const doc = JSON.parse(runCliShared([f, '--encoding', 'gbk', '-o', 'json', ...TZ]).stdout) as { inputs: { decodedFrom?: string }[] };
    expect(doc.inputs[0]!.decodedFrom).toBeUndefined();
  });

  it('refuses a label TextDecoder does not know, and UTF-16, with a usage error (exit 2) in en and zh', () => {
    for (const cmd of [[], ['events'], ['check'], ['daily'], ['follow']]) {
      const r = runCli([...cmd, gbk, '--encoding', 'gbk2']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('--encoding: unknown encoding "gbk2" (use a WHATWG label such as gb18030');
    }
    const zh = runCli([gbk, '--encoding', 'klingon', '--lang', 'zh']);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain('--encoding：未知编码“klingon”');
    const u16 = runCli(['events', gbk, '--encoding', 'utf-16le']);
    expect(u16.code).toBe(2);
    expect(u16.stderr).toContain('"utf-16le" is UTF-16, which logscan reads by its byte-order mark');
    expect(runCli(['explain', '-', '--encoding', 'nope'], { input: '' }).code).toBe(2);
    // utf-8 is the default, said explicitly: no note.
    const doc = JSON.parse(runCliShared([gbk, '--encoding', 'utf-8', '-o', 'json', ...TZ]).stdout) as { inputs: { decodedFrom?: string; invalidUtf8?: number }[] };
    expect(doc.inputs[0]!.decodedFrom).toBeUndefined();
    expect(doc.inputs[0]!.invalidUtf8).toBe(4);
  });

  it('explain - reads its lines in the encoding given', () => {
    const out = runCli(['explain', '-', '--encoding', 'gbk', ...TZ], { input: record(GBK_NAME, 0) }).stdout;
    expect(out).toContain('policy "禁止外网访问"');
  });
});

describe('the hint when UTF-8 is wrong', () => {
  const hint = (n: number): string => `${n} lines are not valid UTF-8 (shown with \ufffd): if the device writes GBK/GB18030, read it with --encoding gb18030`;

  it('counts the lines that are not valid UTF-8, in check and in every report format, once per input', () => {
    // 4 lines hold GBK, the 5th is ASCII.
    const text = flat(reportAs([gbk, ...TZ], 'text'));
    expect(text).toContain(`not UTF-8: ${gbk}: ${hint(4)}`);
    expect(text.split('not valid UTF-8').length).toBe(2);
    expect(reportAs([gbk, ...TZ], 'markdown')).toContain(`- **not UTF-8:** ${gbk}: ${hint(4)}`);
    expect(reportAs([gbk, ...TZ], 'html')).toContain(`<p class="note">not UTF-8: <code>${gbk}</code>: ${hint(4)}</p>`);
    const doc = JSON.parse(runCliShared([gbk, '-o', 'json', ...TZ]).stdout) as { inputs: { invalidUtf8?: number }[] };
    expect(doc.inputs[0]!.invalidUtf8).toBe(4);
    expect(flat(runCliShared(['check', gbk, ...TZ]).stdout)).toContain(`encoding ${hint(4)}`);
    expect(flat(runCliShared(['check', gbk, '--lang', 'zh', ...TZ]).stdout)).toContain('有 4 行不是有效的 UTF-8（显示为 \ufffd）：如果设备以 GBK/GB18030 编码写日志，请用 --encoding gb18030 读取');
    expect(flat(reportAs([gbk, '--lang', 'zh', ...TZ], 'text'))).toContain(`非 UTF-8：${gbk}：有 4 行不是有效的 UTF-8`);
  });

  it('counts a line once however many bad bytes it holds, and each input on its own; valid UTF-8 Chinese gets no hint', () => {
    const latin = write('cp1252-hint.log', log(Buffer.concat([CP1252_NAME, CP1252_NAME]), 1));
    const utf8 = write('utf8.log', log(Buffer.from('禁止外网访问', 'utf8'), 3));
    const doc = JSON.parse(runCliShared([latin, utf8, gbk, '-o', 'json', ...TZ]).stdout) as { inputs: { file: string; invalidUtf8?: number }[] };
    expect(doc.inputs.map((i) => [i.file, i.invalidUtf8])).toEqual([
      [latin, 1],
      [utf8, undefined],
      [gbk, 4],
    ]);
    expect(runCliShared(['check', utf8, ...TZ]).stdout).not.toContain('UTF-8');
  });

  it('daily says it at the top of every format, and reads the names with --encoding', () => {
    const day = ['daily', gbk, '--date', '2026-05-15', ...TZ];
    expect(flat(runCliShared(day).stdout)).toContain(`not UTF-8: ${gbk}: ${hint(4)}`);
    expect(runCliShared([...day, '-o', 'html']).stdout).toContain(hint(4));
    const fixed = runCliShared([...day, '--encoding', 'gbk']).stdout;
    expect(fixed).not.toContain('not valid UTF-8');
    expect(fixed).toContain('禁止外网访问');
  });

  it('events says it on stderr, stdout staying NDJSON; not with --encoding, nor for valid UTF-8', () => {
    const r = runCliShared(['events', gbk, ...TZ]);
    expect(r.stderr).toBe(`logscan: ${gbk}: ${hint(4)}\n`);
    expect(ndjson(r.stdout)).toHaveLength(5);
    expect(runCliShared(['events', gbk, '--lang', 'zh', ...TZ]).stderr).toContain(`${gbk}: 有 4 行不是有效的 UTF-8`);
    expect(runCliShared(['events', gbk, '--threads', '2', ...TZ]).stderr).toBe(`logscan: ${gbk}: ${hint(4)}\n`);
    expect(runCliShared(['events', gbk, '--encoding', 'gbk', ...TZ]).stderr).toBe('');
    const utf8 = write('utf8-events.log', log(Buffer.from('禁止外网访问', 'utf8'), 3));
    expect(runCliShared(['events', utf8, ...TZ]).stderr).toBe('');
  });

  it('counts the same with --threads 2, from .gz and from stdin', () => {
    const gz = write('gbk-hint.log.gz', gzipSync(log(GBK_NAME, 4)));
    for (const args of [[gbk, '--threads', '2'], [gz], ['-', '--threads', '2']]) {
      const doc = JSON.parse(runCli([...args, '-o', 'json', ...TZ], { input: log(GBK_NAME, 4) }).stdout) as { inputs: { invalidUtf8?: number }[] };
      expect(doc.inputs[0]!.invalidUtf8).toBe(4);
    }
  });
});

describe('follow --encoding', () => {
  it('decodes what the file holds, what is appended and the new file after rotation', async () => {
    const f = write('follow-gbk.log', log(GBK_NAME, 2));
    const live = startCli(['follow', f, '--from-start', '--encoding', 'gbk', '-o', 'ndjson', ...TZ]);
    try {
      await live.waitFor((out) => out.split('\n').filter((l) => l !== '').length >= 3);
      await untilReading(live.pid, f);
      appendFileSync(f, record(GBK_NAME, 7));
      await live.waitFor((out) => out.split('\n').filter((l) => l !== '').length >= 4);
      renameSync(f, `${f}.1`);
      writeFileSync(f, record(Buffer.from('b9dcc0edd4b1', 'hex'), 8));
      await live.waitFor((out) => out.includes('管理员'));
    } finally {
      const r = await live.stop();
      const names = rules(r.stdout);
      expect(names).toEqual([
        'policy "禁止外网访问" untrust->local',
        'policy "禁止外网访问" untrust->local',
        'policy "Deny-To-Firewall" untrust->local',
        'policy "禁止外网访问" untrust->local',
        'policy "管理员" untrust->local',
      ]);
    }
  });

  it('from the end of a file: what is appended is decoded', async () => {
    const f = write('follow-end.log', log(GBK_NAME, 3));
    const live = startCli(['follow', f, '--encoding', 'gb18030', '-o', 'ndjson', ...TZ]);
    try {
      await untilReading(live.pid, f);
      appendFileSync(f, record(GBK_NAME, 9));
      await live.waitFor((out) => out.includes('"rule"'));
    } finally {
      const r = await live.stop();
      expect(rules(r.stdout)).toEqual(['policy "禁止外网访问" untrust->local']);
    }
  });

  it('says at the stop how it read the file: decoded from --encoding, or the lines that were not UTF-8 (and those when the first arrives, once)', async () => {
    const f = write('follow-stop.log', log(GBK_NAME, 2));
    const notice = `logscan: ${f}: has lines that are not valid UTF-8 (shown with \ufffd): if the device writes GBK/GB18030, follow it with --encoding gb18030\n`;
    for (const [args, want, notices] of [
      [[], `not UTF-8: ${f}: 2 lines are not valid UTF-8 (shown with \ufffd): if the device writes GBK/GB18030, read it with --encoding gb18030`, 1],
      [['--encoding', 'gbk'], `decoded: ${f} was read as gbk (--encoding)`, 0],
    ] as const) {
      const live = startCli(['follow', f, '--from-start', ...args, ...TZ]);
      await live.waitFor((out) => out.includes('203.0.113.12'));
      const r = await live.stop();
      expect(flat(r.stdout + r.stderr)).toContain(want);
      expect(r.stderr.split(notice).length - 1, r.stderr).toBe(notices);
    }
  });

  it('decodes standard input', async () => {
    const live = startCli(['follow', '-', '--encoding', 'gbk', '-o', 'ndjson', ...TZ], { stdin: 'pipe' });
    live.stdin!.end(log(GBK_NAME, 1));
    const r = await live.exited;
    expect(rules(r.stdout)[0]).toBe('policy "禁止外网访问" untrust->local');
  });
});
