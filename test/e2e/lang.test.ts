// --lang end to end (the built CLI on samples/ufw.log): with zh the report and the
// daily summary are Chinese throughout (headings, labels, finding texts), the JSON
// changes only in its texts, and English stays exactly what it was.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { runCli, runCliShared, tempDir } from '../helpers/cli.js';
import { displayWidth } from '../../src/render/box-table.js';
import { messages } from '../../src/i18n/messages.js';

const UFW = 'samples/ufw.log';
const BASE = ['--year', '2026', '--tz', 'UTC'];
const DAY = ['daily', UFW, ...BASE, '--date', '2026-11-21'];
/** The day of 198.51.100.77's vertical scan. */
const SCAN_DAY = ['daily', UFW, ...BASE, '--date', '2026-11-20'];

/** Shared: several tests read the same report or day from different sides (runCliShared). */
function out(args: string[]): string {
  const r = runCliShared(args);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
}

/** English words of the report's and the daily summary's own that must not survive in Chinese. */
const ENGLISH = [
  'Top sources',
  'Top probed ports',
  'Notable interpretations',
  'why',
  'score',
  'meaning',
  'known as',
  'e.g. from',
  'findings',
  'vertical scan',
  'sweep of',
  'ping sweep',
  'packets to',
  'dial-up leftover',
  'server replies',
  'broadcast noise',
  ' lines',
  'skipped',
  'malformed',
  'actions',
  'protocols',
  'direction',
  'per hour',
  ' more famil',
  ' min',
];
const DAILY_ENGLISH = ['probes', 'blocked', 'allowed', 'logged as', 'Change', 'new today', 'newly probed', 'Activity', 'files read', 'vs ', 'day before'];

function leftovers(text: string, words: readonly string[]): string[] {
  return words.filter((w) => text.includes(w));
}

describe('--lang zh: the report', () => {
  const text = out([UFW, ...BASE, '--lang', 'zh']);

  it('text: Chinese header, headings, columns and finding texts', () => {
    expect(text).toContain('700 行 · 693 个事件（697 个包） · 跳过 7 行 · 格式错误 0 行 · 196 个来源\n');
    // Full-width brackets for the shares, as for every other aside on a Chinese line.
    expect(text).toMatch(/^动作 +丢弃 686（98%） · 放行 6（0\.9%） · 其他 5（0\.7%）$/m);
    expect(text).toMatch(/^方向 +入站 654（94%）/m);
    expect(text).toContain('主要来源（共排名 191 个，显示前 20 个）');
    expect(text).toMatch(/│ 来源 +│ 评分 +│ 包数 +│ 端口数 │ 主机数 │ 出现时间 +│ 原因 +│/);
    expect(text).toContain('被探测最多的端口（已丢弃或拒绝：发往端口的 611 个包）');
    expect(text).toContain('值得注意的解读');
    expect(text).toMatch(/^检测结果 +木马端口探测（trojan-probe）16 · NULL 隐蔽探测（null-scan）1 ·$/m);
    // Wrapped in the narrow "why" column: compare with the line breaks and borders taken out.
    const why = text.replace(/│[^│\n]*│[^│\n]*│[^│\n]*│[^│\n]*│[^│\n]*│[^│\n]*│[^│\n]*│ ([^│\n]*?) *│\n/g, '$1');
    // A line may break at a space or between two Chinese characters: compare without the spaces.
    const flat = (s: string): string => s.replace(/ /g, '');
    expect(flat(why)).toContain(flat('端口扫描：300 个端口，历时 2 分钟'));
    expect(flat(why)).toContain(flat('12 台主机上的横向扫描（22/tcp、23/tcp），历时 11 秒'));
    expect(flat(why)).toContain(flat('ping 扫描 14 台主机'));
  });

  it('text: no English heading, label or finding phrase is left', () => {
    expect(leftovers(text, ENGLISH)).toEqual([]);
  });

  it('text: the findings line calls each finding by its Chinese label, its id beside it (what explain and --config weights take)', () => {
    const line = /^检测结果 +([^]*?)\n\n/m.exec(text)![1]!.replace(/ ·\n +/g, ' · ');
    const items = line.split(' · ');
    expect(items).toHaveLength(10);
    const label: Readonly<Record<string, string>> = messages('zh').finding.label;
    for (const item of items) {
      const [, name, id] = /^(.+)（([a-z-]+)）\d+$/.exec(item) ?? [];
      expect(name, item).toBe(label[id!]);
    }
    expect(leftovers(text, Object.values(messages('en').finding.label))).toEqual([]);
  });

  it("html: each source's finding chips read in Chinese, the id on hovering; the findings line shows the id too", () => {
    const html = out([UFW, ...BASE, '--lang', 'zh', '-o', 'html']);
    expect(html).toContain('<span class="chip" title="trojan-probe">木马端口探测</span>');
    expect(html).toContain('<span class="chip" title="xmas-scan">XMAS 隐蔽探测</span>');
    expect(html).toContain('检测结果：木马端口探测（<code class="nw">trojan-probe</code>）16 · NULL 隐蔽探测（<code class="nw">null-scan</code>）1 · ');
    expect(html).not.toContain('<span class="chip">');
    const en = out([UFW, ...BASE, '-o', 'html']);
    expect(en).toContain('<span class="chip" title="vertical-scan">port scans</span>');
    expect(en).toContain('Findings: trojan port probes (<code class="nw">trojan-probe</code>) 16 · ');
  });

  it('text: a source asked for with --source is detailed in Chinese, its verdicts too', () => {
    const one = out(['samples/iptables.log', ...BASE, '--lang', 'zh', '--source', '172.16.5.2']);
    expect(one).toContain('  处理结果（包数）\n    丢弃 6\n');
    expect(one).toMatch(/\n {4}90\.9：广度 /);
    expect(one).toContain('本方主动外连恶意软件端口：SQL Slammer 1434/udp');
    expect(one).not.toMatch(/\bdrop \d/);
  });

  it('text: tables stay aligned with double-width Chinese, within the terminal width', () => {
    const lines = text.split('\n');
    for (const l of lines) expect(displayWidth(l), l).toBeLessThanOrEqual(100);
    // Every row of a box table is exactly as wide as its top border.
    let width = -1;
    for (const l of lines) {
      if (l.startsWith('┌')) width = displayWidth(l);
      else if (/^[│└]/.test(l)) expect(displayWidth(l), l).toBe(width);
    }
    expect(width).toBeGreaterThan(0);
  });

  it('markdown: Chinese headings, columns, severity words and findings', () => {
    const md = out([UFW, ...BASE, '--lang', 'zh', '-o', 'markdown']);
    expect(md).toContain('## logscan 报告\n');
    expect(md).toContain('- **记录：** 700 行 · 693 个事件');
    expect(md).toMatch(/\n### 主要来源（共排名 [\d,]+ 个，显示前 \d+ 个）\n/);
    expect(md).toContain('| # | 来源 | 评分 | 严重度 | 包数 | 端口数 | 主机数 | 出现时间 | 原因 |');
    expect(md).toContain('| 1 | 198.51.100.77 | 117.4 | 中 | 300 | 300 | 1 | 11-20 09:41–09:42 | 端口扫描：300 个端口，历时 2 分钟 · ');
    expect(md).toContain('**检测结果：** 木马端口探测（`trojan-probe`）16 · NULL 隐蔽探测（`null-scan`）1 · ');
    expect(md).toContain('### 值得注意的解读');
    expect(leftovers(md, [...ENGLISH, 'records', 'time span', 'severity', '| high |'])).toEqual([]);
  });

  it('json: finding texts, explanations and port names in Chinese, every other field as in English', () => {
    const zh = JSON.parse(out([UFW, ...BASE, '--lang', 'zh', '-o', 'json']));
    const en = JSON.parse(out([UFW, ...BASE, '-o', 'json']));
    const scan = zh.sources.find((s: { ip: string }) => s.ip === '198.51.100.77');
    expect(scan.findings.find((f: { id: string }) => f.id === 'vertical-scan')).toEqual({
      id: 'vertical-scan',
      severity: 3,
      evidence: { ports: 300, portsCapped: false, hosts: 1, durationMs: 98000, packets: 300 },
      text: '端口扫描：300 个端口，历时 2 分钟',
    });
    expect(scan.explanation).toBe('端口扫描：300 个端口，历时 2 分钟 · ncx99 99；Silencer 1001；另有 1 个家族');
    // topPorts[].names and .meaning follow --lang like the texts (docs/report-json.md).
    const names = (doc: { topPorts: { proto: string; port: number; names: string[] }[] }, port: number) => doc.topPorts.find((p) => p.port === port && p.proto === 'tcp')?.names;
    expect(names(zh, 445)).toEqual(['SMB/CIFS（直连）']);
    expect(names(en, 445)).toEqual(['SMB/CIFS (direct)']);
    expect(names(zh, 23)).toEqual(['Telnet']);
    // Take the language's texts out: what is left is the same document.
    const strip = (doc: {
      sources: { findings: { text?: string; fullText?: string }[]; explanation?: string }[];
      interpretations: { text?: string }[];
      topPorts: { names?: string[]; meaning?: string | null }[];
      topTargets: { ports: { names?: string[] }[] }[];
    }) => {
      for (const p of doc.topPorts) {
        delete p.names;
        delete p.meaning;
      }
      for (const t of doc.topTargets) for (const p of t.ports) delete p.names;
      for (const s of doc.sources) {
        delete s.explanation;
        for (const f of s.findings) {
          delete f.text;
          delete f.fullText;
        }
      }
      for (const i of doc.interpretations) delete i.text;
      return doc;
    };
    expect(strip(zh)).toEqual(strip(en));
  });

  it('csv: column names stay English (machine-read), the explanation is Chinese', () => {
    const csv = out([UFW, ...BASE, '--lang', 'zh', '-o', 'csv']);
    expect(csv.split('\r\n')[0]).toBe(
      'rank,ip,score,severity,events,packets,ports,ports_capped,hosts,hosts_capped,first,last,protocols,findings,country,country_name,as_number,as_organization,ptr,os_hint,explanation,address_range,connections',
    );
    expect(csv).toContain('端口扫描：300 个端口');
  });
});

describe('--lang zh: lists in a "why" line', () => {
  it('the extra annotations, each named in the language with its id in brackets, are joined with 、 in Chinese and ", " in English', () => {
    const args = ['samples/firewalld.log', ...BASE, '-o', 'markdown'];
    expect(out([...args, '--lang', 'zh'])).toContain('发往 1024/tcp、8080/tcp 的 2 个包 · 搜寻开放代理（proxy-hunt）、来自 DNS 端口 53 的 SYN（srcport-dns-syn） |');
    expect(out(args)).toContain('2 packets to 1024/tcp, 8080/tcp · open-proxy hunt (proxy-hunt), SYN from DNS port 53 (srcport-dns-syn) |');
  });
});

describe('--lang zh: port and service names', () => {
  /** The "known as" cell of a port's row in the top-ports table. */
  const knownAs = (text: string, port: string) => new RegExp(`^│ ${port} +│[^│]*│[^│]*│[^│]*│ (.*?) *│$`, 'm').exec(text)?.[1];

  it('report text: the known-as column (已知用途) names the ports in Chinese', () => {
    const text = out([UFW, ...BASE, '--lang', 'zh']);
    expect(text).toMatch(/│ 端口 +│ 包数 +│ 来源数 +│ 占比 +│ 已知用途 +│/);
    expect(knownAs(text, '445/tcp')).toBe('SMB/CIFS（直连）');
    expect(knownAs(text, '5900/tcp')).toBe('VNC 远程桌面');
    // LAN chatter (NetBIOS broadcasts) is not a probe: no row in the probed-ports table.
    expect(knownAs(text, '137/udp')).toBeUndefined();
    expect(knownAs(text, '8080/tcp')).toBe('HTTP 备用端口；HTTP 代理');
    expect(knownAs(text, '23/tcp')).toBe('Telnet');
    expect(text).not.toMatch(/SMB\/CIFS \(direct\)|VNC remote desktop|HTTP alternate/);
  });

  it('explain 3389 --lang zh: 远程桌面', () => {
    const text = out(['explain', '3389', '--lang', 'zh']);
    expect(text).toMatch(/│ 3389 +│ tcp\/udp │ 远程桌面（RDP） · rdp /);
    expect(text).not.toContain('Remote Desktop (RDP)');
  });

  it('explain finds a port by its Chinese name, whatever --lang says', () => {
    for (const lang of ['en', 'zh']) {
      const doc = JSON.parse(out(['explain', '远程桌面', '--lang', lang, '-o', 'json']));
      expect(doc[0].entries.map((e: { ports: number }) => e.ports)).toContain(3389);
    }
    expect(out(['explain', 'NetBIOS 名称服务'])).toMatch(/│ 137 +│ udp +│ NetBIOS name service/);
  });

  it('the daily summary and follow name ports in Chinese', () => {
    const day = out([...DAY, '--lang', 'zh', '-o', 'text']);
    expect(day).toContain('6776/tcp Sub-7 数据通道 / 残留探测：2 个包');
    expect(day).toContain('0/tcp 0 端口（保留）：1 个包');
    const follow = runCli(['follow', '-', '--tz', 'UTC', '--lang', 'zh'], { input: readFileSync(UFW) });
    expect(follow.code, follow.stderr).toBe(0);
    expect(follow.stdout).toContain('→ 3389/tcp   远程桌面（RDP）\n');
  });

  it('the port-known annotation starts with the Chinese name', () => {
    const lines = runCli(['events', UFW, ...BASE, '--lang', 'zh']).stdout.trim().split('\n').map((l) => JSON.parse(l) as { dst: { port: number | null }; annotations: { id: string; text: string }[] });
    const smb = lines.find((e) => e.dst.port === 445)!.annotations.find((a) => a.id === 'port-known');
    expect(smb?.text).toMatch(/^SMB\/CIFS（直连）：/);
    // The other meanings of a port, listed with the Chinese enumeration comma.
    const smtp = lines.find((e) => e.dst.port === 25)!.annotations.find((a) => a.id === 'port-known');
    expect(smtp?.text).toContain('此端口另见：Antigen 木马、Email Password Sender 木马、');
  });
});

describe('--lang zh: the daily summary', () => {
  it('text: Chinese headline, comparison, sections and finding texts', () => {
    const text = out([...DAY, '--lang', 'zh', '-o', 'text']);
    expect(text).toMatch(/^logscan 日报 · 2026-11-21（UTC）\n/);
    expect(text).toContain('探测       151 个包，来自 97 个来源，发往 39 个端口\n');
    expect(text).toContain('非探测     本方发出 6 个包 · 11 个是对本方连接的回复 · 27 个是局域网广播噪声\n');
    expect(text).toContain('拦截       189（占所记录 195 个包的 97%） · 放行 3（1.5%） · 其他 3（1.5%）\n');
    expect(text).toContain('变化：对比 2026-11-20，数据来自同一批日志（该日只有部分时段有记录：06:51 起）');
    expect(text).toContain('  探测     452 → 151（−67%）\n');
    expect(text).toContain('  来源     74 → 97（+31%） · 今天新出现 77 个\n');
    expect(text).toContain('每小时活动（峰值 25 个包）');
    expect(text).toContain('主要来源（共排名 121 个，显示前 10 个）');
    expect(text).toMatch(/│ ping 扫描 14 台主机 +│/);
    expect(text).toContain('读取了 1 个文件：samples/ufw.log');
    expect(leftovers(text, [...ENGLISH, ...DAILY_ENGLISH])).toEqual([]);
  });

  it('html: a Chinese page with Chinese headings, labels and finding texts', () => {
    const html = out([...SCAN_DAY, '--lang', 'zh', '-o', 'html']);
    expect(html).toContain('<html lang="zh-Hans">');
    // Chinese breaks anywhere: short headings and ids keep their line.
    expect(html).toContain('thead th,.head>code{white-space:nowrap}</style>');
    expect(html).toContain('<h1><span class="nw">2026-11-20</span> 的防火墙探测</h1>');
    expect(html).toContain('<h2>每小时活动</h2>');
    expect(html).toMatch(/<h2>主要来源（共排名 \d+ 个，显示前 10 个）<\/h2>/);
    expect(html).toContain('<th scope="col">原因</th>');
    expect(html).toContain('<td data-label="原因" class="why">端口扫描：300 个端口，历时 2 分钟 · ');
    expect(html).toContain('<span class="sev sev3">中</span>');
    expect(html).toContain('<h2>值得注意的解读</h2>');
    expect(html).toContain('<footer>logscan 日报 · 读取了 1 个文件：samples/ufw.log</footer>');
    // The page's own words only: the CSS and log-derived cells are not prose.
    const prose = html.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]*>/g, '\n');
    expect(leftovers(prose, [...ENGLISH, ...DAILY_ENGLISH, 'Firewall probes', 'hours'])).toEqual([]);
  });

  it('markdown: Chinese labels', () => {
    const md = out([...DAY, '--lang', 'zh', '-o', 'markdown']);
    expect(md).toContain('## logscan 日报：2026-11-21（UTC）\n');
    expect(md).toContain('- **探测：** 151 个包，来自 97 个来源，发往 39 个端口\n');
    expect(md).toContain('| 记录为 | 包数 |');
    expect(md).toContain('<sub>读取了 1 个文件：samples/ufw.log</sub>');
    expect(leftovers(md, [...ENGLISH, ...DAILY_ENGLISH])).toEqual([]);
  });
});

describe('--lang en (the default) is unchanged', () => {
  it('report text', () => {
    const text = out([UFW, ...BASE]);
    expect(out([UFW, ...BASE, '--lang', 'en'])).toBe(text);
    expect(text).toContain('700 lines · 693 events (697 packets) · 7 skipped · 0 malformed · 196 sources\n');
    expect(text).toContain('actions    drop 686 (98%) · allow 6 (0.9%) · other 5 (0.7%)\n');
    expect(text).toContain('Top sources (20 of 191 ranked)\n');
    expect(text).toMatch(/│ # +│ source +│ score │ packets │ ports │ hosts │ seen +│ why +│/);
    expect(text).toContain('│ vertical scan: 300 ports │');
    expect(text).toContain('findings   trojan port probes (trojan-probe) 16 · NULL stealth probes (null-scan) 1 ·\n');
    expect(text).toContain('Top probed ports (dropped or rejected: 611 packets with a port)\n');
    expect(text).not.toMatch(/端口扫描|主要来源|原因|检测结果/);
  });

  it('port names stay English', () => {
    const text = out([UFW, ...BASE]);
    expect(text).toContain('│ 445/tcp  │ 10      │ 10      │ 1.6%  │ SMB/CIFS (direct)  ');
    expect(text).toContain('│ 8080/tcp │ 7       │ 7       │ 1.1%  │ HTTP alternate; HTTP proxy  ');
    expect(out(['explain', '3389'])).toMatch(/│ 3389 +│ tcp\/udp │ Remote Desktop \(RDP\)[ │]/);
    expect(JSON.parse(out([UFW, ...BASE, '-o', 'json'])).topPorts.find((p: { port: number }) => p.port === 5900).names).toEqual(['VNC remote desktop']);
    expect(out([...DAY, '-o', 'text'])).toContain('6776/tcp Sub-7 data channel / artifact: 2 packets');
  });

  it('report json: English finding texts', () => {
    const doc = JSON.parse(out([UFW, ...BASE, '-o', 'json']));
    const scan = doc.sources.find((s: { ip: string }) => s.ip === '198.51.100.77');
    expect(scan.findings.find((f: { id: string }) => f.id === 'vertical-scan').text).toBe('vertical scan: 300 ports in 2 min');
    expect(doc.sources.find((s: { ip: string }) => s.ip === '203.0.113.200').explanation).toBe('sweep of 12 hosts on 22/tcp, 23/tcp in 11 s');
  });

  it('daily text, markdown and html', () => {
    const text = out([...DAY, '-o', 'text']);
    expect(text).toMatch(/^logscan daily · 2026-11-21 \(UTC\)\n/);
    expect(text).toContain('probes     151 packets from 97 sources to 39 ports\n');
    expect(text).toContain('  sources  74 → 97 (+31%) · 77 new today\n');
    // Each new source and port with what its number counts.
    expect(text).toContain('  new sources  203.0.113.99: 14 packets · ');
    expect(text).toContain('  new ports    5632/udp pcAnywhere: 4 packets · ');
    const md = out([...DAY, '-o', 'markdown']);
    expect(md).toContain('- **new sources:** 203.0.113.99: 14 packets, ');
    expect(md).toContain('- **new ports:** 5632/udp pcAnywhere: 4 packets, ');
    expect(md).toContain('0/tcp Port 0 (reserved): 1 packet');
    const page = out([...DAY, '-o', 'html']);
    expect(page).toContain('New sources: <span class="ip">203.0.113.99</span>: 14 packets, ');
    expect(page).toContain('Newly probed ports: <code>5632/udp</code> pcAnywhere: 4 packets, ');
    const zh = out([...DAY, '-o', 'text', '--lang', 'zh']);
    expect(zh).toMatch(/203\.0\.113\.99：14 个包/);
    expect(zh).toMatch(/5632\/udp pcAnywhere：4 个包/);
    expect(text).toContain('1 file read: samples/ufw.log');
    expect(out([...DAY, '-o', 'markdown'])).toContain('- **blocked:** 189 (97% of 195 packets logged) · allowed 3 (1.5%) · other 3 (1.5%)\n');
    const html = out([...DAY, '-o', 'html']);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<h1>Firewall probes on <span class="nw">2026-11-21</span></h1>');
    expect(html).toContain('<td data-label="why" class="why">ping sweep of 14 hosts');
    expect(html).not.toContain('.head>code{white-space:nowrap}');
    // The sources card says what is new, as the text's "sources … · 77 new today" does.
    expect(html).toContain('<div class="k">sources</div><div class="v">97</div><div class="t">77 new sources today</div>');
    expect(out([...DAY, '-o', 'html', '--lang', 'zh'])).toContain('<div class="t">今天新出现 77 个来源</div>');
  });
});

describe('--lang zh: what went wrong with an input', () => {
  /** A missing file, a directory, a binary file and a .gz cut short, beside the sample. */
  function badInputs(): string[] {
    const dir = tempDir();
    mkdirSync(join(dir, 'logs'));
    writeFileSync(join(dir, 'bin.log'), Buffer.from(Array.from({ length: 2000 }, (_, i) => (i * 7919) % 32)));
    const gz = gzipSync(readFileSync(UFW));
    writeFileSync(join(dir, 'cut.log.gz'), gz.subarray(0, 3000));
    return [join(dir, 'missing.log'), join(dir, 'logs'), join(dir, 'bin.log'), join(dir, 'cut.log.gz')];
  }
  const run = (args: string[]) => runCli(args, { env: { COLUMNS: '200' } });

  it('the inputs table, Markdown, HTML and stderr word each problem in Chinese; stderr in English without --lang zh', () => {
    const inputs = badInputs();
    const r = run([UFW, ...inputs, ...BASE, '--lang', 'zh']);
    expect(r.code).toBe(3);
    for (const zh of ['文件不存在', '是一个目录（请给出其中的日志文件）', '看起来是二进制数据，不是文本日志', 'gzip 数据在第 ']) expect(r.stdout).toContain(zh);
    // The note under the table lists them as a Chinese list does.
    expect(r.stdout).toMatch(/未能读取：\S*missing\.log、\S*logs、\S*bin\.log\n/);
    expect(r.stdout).toMatch(/未读到末尾：\S*cut\.log\.gz\n/);
    for (const en of ['no such file', 'is a directory', 'looks like binary', 'gzip data is truncated']) {
      expect(r.stdout).not.toContain(en);
      expect(r.stderr).not.toContain(en);
    }
    expect(r.stderr).toContain(`logscan: ${inputs[0]}：文件不存在\n`);
    expect(run([UFW, ...inputs, ...BASE]).stderr).toContain(`logscan: ${inputs[0]}: no such file\n`);
    const md = run([UFW, ...inputs, ...BASE, '--lang', 'zh', '-o', 'markdown']).stdout;
    expect(md).toContain('文件不存在');
    expect(md).not.toContain('no such file');
    const html = run([UFW, ...inputs, ...BASE, '--lang', 'zh', '-o', 'html']).stdout;
    expect(html).toContain('是一个目录（请给出其中的日志文件）');
    expect(html).not.toContain('looks like binary');
  });

  it('JSON keeps the English error and gives each problem a code, whatever --lang says', () => {
    const inputs = badInputs();
    type Input = { file: string; error: string | null; problem: { code: string } | null };
    const en = JSON.parse(run([UFW, ...inputs, ...BASE, '-o', 'json']).stdout) as { inputs: Input[] };
    const zh = JSON.parse(run([UFW, ...inputs, ...BASE, '-o', 'json', '--lang', 'zh']).stdout) as { inputs: Input[] };
    expect(zh.inputs).toEqual(en.inputs);
    expect(en.inputs.map((i) => i.problem?.code ?? null)).toEqual([null, 'not-found', 'directory', 'binary', 'gzip-cut']);
    expect(en.inputs[1]!.error).toBe(`${inputs[0]}: no such file`);
  });

  it('the daily footer and check say it in Chinese too', () => {
    const inputs = badInputs();
    const daily = run(['daily', UFW, inputs[0]!, inputs[2]!, ...BASE, '--date', '2026-11-21', '--lang', 'zh', '-o', 'text']).stdout;
    expect(daily).toContain('（文件不存在）');
    expect(daily).toContain('（看起来是二进制数据');
    const check = run(['check', inputs[1]!, '--lang', 'zh']);
    expect(check.stdout).toContain('是一个目录（请给出其中的日志文件）');
    expect(check.stdout).not.toContain('is a directory');
  });
});

describe('--lang zh: zlib words about broken gzip data', () => {
  /** Gzip data cut short, failing its CRC, with a header of an unknown method, and with a corrupt deflate block. */
  function brokenGz(): string[] {
    const dir = tempDir();
    const gz = gzipSync(readFileSync(UFW));
    const crc = Buffer.from(gz);
    crc[crc.length - 8]! ^= 0xff;
    const method = Buffer.from(gz);
    method[2] = 9;
    // A stored-block header with a length that its complement does not match.
    const block = Buffer.concat([gz.subarray(0, 10), Buffer.from([0x00, 0x05, 0x00, 0x05, 0x00]), Buffer.alloc(20)]);
    const files: [string, Buffer][] = [['cut.gz', gz.subarray(0, 3000)], ['crc.gz', crc], ['method.gz', method], ['block.gz', block]];
    for (const [name, b] of files) writeFileSync(join(dir, name), b);
    return files.map(([name]) => join(dir, name));
  }
  const ZLIB_WORDS = ['unexpected end of file', 'incorrect data check', 'incorrect header check', 'invalid stored block lengths'];

  it('the report, check and stderr say in Chinese what is wrong; the JSON error and stderr without --lang zh keep zlib\'s English', () => {
    const files = brokenGz();
    const r = runCli([...files, ...BASE, '--lang', 'zh'], { env: { COLUMNS: '200' } });
    expect(r.code).toBe(3);
    const enStderr = runCli([...files, ...BASE], { env: { COLUMNS: '200' } }).stderr;
    for (const w of ZLIB_WORDS) {
      expect(r.stdout).not.toContain(w);
      expect(r.stderr).not.toContain(w);
      expect(enStderr).toContain(w);
    }
    for (const zh of ['数据在文件结束前中断', '校验和与数据不符', '头部不是 gzip 格式', '存储块的长度字段自相矛盾']) expect(r.stdout).toContain(zh);
    const json = JSON.parse(runCli([...files, ...BASE, '--lang', 'zh', '-o', 'json']).stdout) as { inputs: { error: string; problem: { why: string } }[] };
    expect(json.inputs.map((i) => i.problem.why)).toEqual(ZLIB_WORDS);
    for (const [i, w] of ZLIB_WORDS.entries()) expect(json.inputs[i]!.error).toContain(w);
    const check = runCli(['check', files[0]!, '--lang', 'zh']).stdout;
    expect(check).toContain('数据在文件结束前中断');
    expect(check).not.toContain('unexpected end of file');
  });
});
