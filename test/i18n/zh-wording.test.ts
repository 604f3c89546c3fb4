// What a Chinese-speaking admin reads, beyond the catalog's keys: the words the knowledge
// base's English names leave in a Chinese sentence, and brackets that follow each other.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { annotateOne, find, knowledge } from '../annotate/kb.js';
import { malwareVars } from '../../src/annotate/malware-name.js';
import { zh } from '../../src/i18n/zh.js';
import { parseSeverity } from '../../src/aggregate/thresholds.js';

/** The malware part of a trojan annotation's text, before its first colon. */
const trojanHead = (proto: 'tcp' | 'udp', port: number): string | undefined =>
  find(annotateOne({ proto, dst: { port } }, { lang: 'zh' }), 'trojan')?.text.split('：')[0];

describe('trojan annotations in Chinese name the malware once, in Chinese punctuation', () => {
  it('Back Orifice\'s "elite" is quoted “elite”, as its Chinese port name has it, not with ASCII quotes', () => {
    expect(trojanHead('udp', 31337)).toBe('Back Orifice（木马）使用的端口（“elite”）');
  });

  it('the worm is not called a worm twice (ADMw0rm（蠕虫）…（IMAP 蠕虫）)', () => {
    const kb = knowledge();
    const e = kb.entries.find((x) => x.id === 'admw0rm-143')!;
    const v = malwareVars(e.name.en, e.family!, kb.category(e.category)!.name, 'zh');
    expect(`${v.malware}使用的端口${v.variant}`).toBe('ADMw0rm（蠕虫）使用的端口（IMAP）');
  });

  it('Slammer is named once: SQL Slammer（蠕虫）… (SQL Server Browser 服务), not "…服务，Slammer"', () => {
    expect(trojanHead('udp', 1434)).toBe('SQL Slammer（蠕虫）借以传播的端口（SQL Server Browser 服务）');
  });
});

describe('explain LINE in Chinese: an address range named with its own bracket', () => {
  const line = 'Nov 20 07:02:40 gw kernel: [UFW BLOCK] IN=eth0 OUT= SRC=203.0.113.25 DST=100.64.1.2 LEN=60 TTL=56 PROTO=TCP SPT=35482 DPT=9200 WINDOW=65535 SYN URGP=0';

  it('takes the range into that bracket (…（TEST-NET；203.0.113.0/24，RFC 5737）), no two brackets in a row', () => {
    const r = runCli(['explain', line, '--lang', 'zh', '--year', '2026'], { env: { COLUMNS: '160' } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('203.0.113.25 — 文档示例地址（TEST-NET；203.0.113.0/24，RFC 5737）');
    expect(r.stdout).toContain('100.64.1.2 — 共享地址空间（运营商级 NAT；100.64.0.0/10，RFC 6598）');
    expect(r.stdout).not.toMatch(/）（/);
  });

  it('English keeps its own brackets', () => {
    const r = runCli(['explain', line, '--lang', 'en', '--year', '2026'], { env: { COLUMNS: '160' } });
    expect(r.stdout).toContain('203.0.113.25 — Documentation (TEST-NET) (203.0.113.0/24, RFC 5737)');
  });
});

describe('an annotation is a 解读 wherever it is named, as in the report (值得注意的解读)', () => {
  it("follow's warnings about the annotation detectors and --max-sources' help say 解读检测器, not 注释 (a comment)", () => {
    const said = [zh.follow.annotationsDropping(50000), zh.follow.annotationsDropped(3, 50000), zh.help.maxSources(10000, true)];
    for (const s of said) {
      expect(s).toContain('解读检测器');
      expect(s).not.toContain('注释');
    }
    // 注释 stays where it means a comment line of the --ignore file.
    expect(zh.help.ignore).toContain('# 开头为注释');
  });
});

describe('a severity as the Chinese output names it (严重度 高) can be typed back', () => {
  it('parseSeverity takes 信息 … 严重 as 0 … 5, beside the numbers and the English names', () => {
    expect(zh.severity.map((name) => parseSeverity('--min-severity', name))).toEqual([0, 1, 2, 3, 4, 5]);
    expect(parseSeverity('--min-severity', 'high')).toBe(4);
    expect(() => parseSeverity('--min-severity', '很高')).toThrow();
  });

  it('--min-severity 高 and --fail-on 中 on the command line; the filter and the empty table say the number and its name', () => {
    const high = runCli(['samples/ufw.log', '--min-severity', '高', '--lang', 'zh'], { env: { COLUMNS: '100' } });
    expect(high.code, high.stderr).toBe(0);
    expect(high.stdout).toContain('最低严重度 4（高）');
    expect(high.stdout).toContain('没有严重度达到 4（高）的来源');
    expect(runCli(['samples/ufw.log', '--fail-on', '中', '--lang', 'zh']).code).toBe(4);
    expect(runCli(['samples/ufw.log', '--fail-on', '严重', '--lang', 'zh']).code).toBe(0);
  });
});

describe("daily's note on a digest counted with other settings", () => {
  it('lists them 甲、乙和丙 with no space after 、 (an option keeps its space after 的 and 和)', () => {
    const s = zh.daily.basisOtherSettings(['thresholds', 'ignore', 'homeNet', 'signatures'], false);
    expect(s).toContain('检测阈值（--config、--scan-ports、--sweep-hosts）、--ignore 列表、本方网络（--home-net）和 --signatures 目录内容');
    expect(s).not.toMatch(/、 /);
    expect(zh.daily.basisOtherSettings(['ignore'], false)).toContain('按不同的 --ignore 列表统计');
  });
});

describe('check --line names the seed article an annotation comes from by its title, as explain does', () => {
  it('端口基础知识与防火墙日志解读（种子文章 002）, not 002_7fc6dc8747eb060f.txt; in English its English title', () => {
    const zhOut = runCli(['check', 'samples/pfirewall.log', '--line', '8', '--lang', 'zh'], { env: { COLUMNS: '200' } });
    expect(zhOut.code, zhOut.stderr).toBe(0);
    expect(zhOut.stdout).toContain('已知端口（port-known） — 严重度 3，端口基础知识与防火墙日志解读（种子文章 002）：');
    expect(zhOut.stdout).not.toMatch(/\d{3}_[0-9a-f]{16}\.txt/);
    const enOut = runCli(['check', 'samples/pfirewall.log', '--line', '8', '--lang', 'en'], { env: { COLUMNS: '200' } });
    expect(enOut.stdout).toContain('(seed article 002):');
  });
});
