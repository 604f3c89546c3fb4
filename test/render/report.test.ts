// The people-facing report: terminal text (snapshot at a fixed width, no colour),
// Markdown (escaping), colour by severity, and narrow-terminal fitting.
import { describe, expect, it } from 'vitest';
import type { FirewallEvent } from '../../src/event.js';
import type { InputStats } from '../../src/input/read.js';
import { dayText, Overview } from '../../src/aggregate/overview.js';
import { messages } from '../../src/i18n/messages.js';
import { buildReport, type ReportDoc } from '../../src/aggregate/report.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import type { KnowledgeBase, Lang } from '../../src/knowledge/types.js';
import { Summarizer } from '../../src/aggregate/summary.js';
import { DEFAULT_THRESHOLDS } from '../../src/aggregate/thresholds.js';
import { displayWidth } from '../../src/render/box-table.js';
import { renderReportHtml } from '../../src/render/report-html.js';
import { renderReportMarkdown } from '../../src/render/report-markdown.js';
import { calendarDays, dayNamer, perDayRow, sparkline } from '../../src/render/activity-rows.js';
import { renderReportText } from '../../src/render/report-text.js';
import { sourceFacts } from '../../src/render/source-facts.js';
import { wrapItems } from '../../src/render/box-table.js';
import { formatDateTime, formatDay, localClock } from '../../src/render/time-format.js';
import { at, makeEvent } from '../helpers/events.js';
import { ann, hammer, horizontalSweep, trojanAnn, verticalScan } from '../helpers/summary-events.js';

function stats(events: number): InputStats {
  return { file: 'kern.log', format: 'iptables', formatBy: 'sniff', lines: events + 2, events, skipped: 2, malformed: 0, error: null, incomplete: false };
}

function doc(events: readonly FirewallEvent[], extras: { top?: number; minSeverity?: number | null; kb?: KnowledgeBase; lang?: Lang } = {}): ReportDoc {
  const ov = new Overview(localClock('UTC'));
  const sum = new Summarizer(DEFAULT_THRESHOLDS);
  for (const e of events) {
    ov.add(e);
    sum.add(e);
  }
  return buildReport([stats(events.length)], ov.result(extras.top ?? 10), extras.kb ?? null, extras.lang ?? 'en', {
    summary: sum.result({ kb: null, lang: 'en', limit: extras.top ?? 10, minSeverity: extras.minSeverity ?? null }),
    top: extras.top ?? 10,
    minSeverity: extras.minSeverity ?? null,
    filters: { since: null, until: null, sources: [], minSeverity: extras.minSeverity ?? null },
  });
}

function scenario(): FirewallEvent[] {
  return [
    ...verticalScan('203.0.113.9', 1073, 240, { tcpFlags: [] }),
    makeEvent({ src: { ip: '203.0.113.9' }, dst: { port: 1243 }, tcpFlags: ['FIN', 'PSH', 'URG'], annotations: [trojanAnn('Sub-7', 4)] }),
    makeEvent({ src: { ip: '203.0.113.9' }, dst: { port: 27374 }, time: at(100), annotations: [trojanAnn('Sub-7', 4)] }),
    ...horizontalSweep('198.51.100.77', 445, 120, 600),
    ...hammer('192.0.2.23', 23, 400, 100),
    ...Array.from({ length: 12 }, (_, i) =>
      makeEvent({ proto: 'udp', tcpFlags: null, src: { ip: '192.0.2.80' }, dst: { port: 33434 + i }, time: at(3600 + i), annotations: [ann('traceroute', 1, 'traceroute probe: UDP into 33434-33600 is the classic Unix traceroute.')] }),
    ),
    makeEvent({ src: { ip: '192.0.2.53', port: 53 }, dst: { port: 1024 }, time: at(7200), annotations: [ann('srcport-dns', 1, 'Source port 53: a DNS reply — or the old trick of sending from port 53.')] }),
    ...Array.from({ length: 20 }, (_, i) =>
      makeEvent({ proto: 'udp', tcpFlags: null, src: { ip: '192.168.1.23', port: 137 }, dst: { ip: '192.168.1.255', port: 137 }, time: at(i * 300), annotations: [ann('netbios-noise', 0, 'NetBIOS name/datagram broadcast; noise, not a probe.')] }),
    ),
  ];
}

describe("a source's ports and hosts", () => {
  it('say "-" where the count does not apply (only broadcast chatter: no host; a traceroute, replies: no port), in text, Markdown and HTML; the HTML has the hosts column the others have; JSON keeps 0', () => {
    const d = doc(scenario());
    const row = (ip: string) => d.sources.find((r) => r.ip === ip)!;
    expect([row('192.168.1.23').hosts, row('192.0.2.80').ports, row('192.0.2.53').ports, row('192.0.2.53').hosts]).toEqual([0, 0, 0, 0]);
    const text = renderReportText(d, { color: false, width: 100, tz: 'UTC', lang: 'en' });
    expect(text).toMatch(/│ 5 │ 192\.168\.1\.23 +│ [\d.]+ +│ 20 +│ 1 +│ - +│/);
    expect(text).toMatch(/│ 6 │ 192\.0\.2\.53 +│ [\d.]+ +│ 1 +│ - +│ - +│/);
    const md = renderReportMarkdown(d, { tz: 'UTC', lang: 'en' });
    expect(md).toMatch(/\| 5 \| 192\.168\.1\.23 \| [\d.]+ \| \w+ \| 20 \| 1 \| - \|/);
    const html = renderReportHtml(d, { tz: 'UTC', lang: 'zh', version: '0' });
    const cells = (label: string) => [...html.matchAll(new RegExp(`<td data-label="${label}" class="n">([^<]*)</td>`, 'g'))].map((m) => m[1]);
    const h = messages('zh').report.head;
    expect(html).toContain(`<th scope="col" class="n">${h.hosts}</th>`);
    // Rank order: the scan, the sweep, the knocker, the traceroute, the chatter, the DNS replies.
    expect(cells(h.hosts)).toEqual(['1', '120', '1', '1', '-', '-']);
    expect(cells(h.ports)).toEqual(['1,075', '1', '1', '-', '1', '-']);
  });
});

describe('terminal report', () => {
  it('matches the snapshot (NO_COLOR, 100 columns, UTC)', () => {
    const text = renderReportText(doc(scenario()), { color: false, width: 100, tz: 'UTC', lang: 'en' });
    expect(text).not.toMatch(/\u001b\[/);
    for (const line of text.split('\n')) expect([...line].length).toBeLessThanOrEqual(100);
    expect(text).toMatchSnapshot();
  });

  it('wraps a Chinese meaning inside its column instead of cutting it off', () => {
    const zh = 'Sub-7（木马）使用的端口（old default）：有人在寻找已被其感染的机器；被拦截的探测并不说明本机已被感染。被感染的机器或尝试同一漏洞的扫描器正在寻找可感染的主机。';
    const events = [...hammer('192.0.2.70', 22, 50, 20), makeEvent({ src: { ip: '203.0.113.61' }, dst: { port: 1243 }, annotations: [ann('trojan', 4, zh)] })];
    const text = renderReportText(doc(events), { color: false, width: 100, tz: 'UTC', lang: 'en' });
    const table = text.slice(text.indexOf('Notable interpretations'));
    const meaning = table
      .split('\n')
      .filter((l) => l.startsWith('│'))
      .map((l) => l.split('│').at(-2)!.trim())
      .join('');
    expect(meaning.replace(/ /g, '')).toContain(zh.replace(/ /g, ''));
    expect(table).not.toContain('…');
  });

  it('keeps every table inside the terminal at any width, cutting nothing a port name or address says', () => {
    const d = doc(scenario());
    const name = 'An-extremely-long-service-name-without-any-space-to-break-at';
    // An unreadable input: its error fills the inputs table's format column.
    const why = 'looks like binary data, not a text log (328 control bytes in the first 3,000 bytes); skipped';
    const bad: ReportDoc['inputs'][number] = { ...stats(0), file: '/var/log/archive/2026/november/core.bin', format: null, lines: 0, skipped: 0, error: why, problem: null, incomplete: true, repeats: null, encoding: null };
    const wide = { ...d, inputs: [...d.inputs, bad], topPorts: [{ ...d.topPorts[0]!, names: [name, '远程桌面（微软终端服务）'] }, ...d.topPorts.slice(1)] };
    for (const width of [40, 60, 80, 120]) {
      const text = renderReportText(wide, { color: false, width, tz: 'UTC', lang: 'en' });
      // Every table is a rectangle (no cell pushed its border out), within the terminal from 80 columns.
      for (const table of text.split('┌').slice(1).map((t) => ('┌' + t).split('\n').filter((l) => /^[┌│└]/.test(l)))) {
        const w = displayWidth(table[0]!);
        for (const line of table) expect(displayWidth(line), line).toBe(w);
        if (width >= 80) expect(w).toBeLessThanOrEqual(width);
      }
      const known = text
        .slice(text.indexOf('Top probed ports'))
        .split('\n')
        .filter((l) => l.startsWith('│'))
        .map((l) => l.split('│').at(-2)!.trim())
        .join('');
      expect(known).toContain(name);
      expect(known).toContain('远程桌面（微软终端服务）');
      const inputs = text.slice(text.indexOf('│ input'));
      const formatCol = inputs
        .slice(0, inputs.indexOf('└'))
        .split('\n')
        .map((l) => l.split('│')[2]?.trim() ?? '')
        .join(' ');
      expect(formatCol).toContain(why);
    }
  });

  it('wraps the count and share lines at the terminal width instead of running past it', () => {
    // A protocol scan (psad_proto_scan.log) logs a dozen protocol numbers: one long "protocols" line.
    const protoScan = Array.from({ length: 12 }, (_, i) => makeEvent({ proto: String(100 + i), tcpFlags: null, src: { ip: '203.0.113.5', port: null }, dst: { port: null }, time: at(i) }));
    const d = doc([...scenario(), ...protoScan]);
    for (const lang of ['en', 'zh'] as const) {
      const text = renderReportText(d, { color: false, width: 80, tz: 'UTC', lang });
      const head = text.slice(0, text.indexOf('┌'));
      for (const line of head.split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(80);
      expect(head).toMatch(/\n {11}\S.*[(（]/); // a continuation line, indented under the values (zh shares in full-width brackets)
      const wide = renderReportText(d, { color: false, width: 400, tz: 'UTC', lang });
      const items = (s: string): string[] => s.replace(/ ·\n\s+/g, ' · ').split('\n').find((l) => /^(protocols|协议)/.test(l))!.split(' · ');
      expect(items(head)).toEqual(items(wide.slice(0, wide.indexOf('┌'))));
    }
  });

  it('wraps item lists by terminal columns: Chinese takes two, colour none', () => {
    const items = ['7626/tcp 冰河木马 2', '\x1b[31m27374/tcp Sub-7 1\x1b[39m', '5632/udp 远程控制软件 4', '4000/udp QQ/OICQ 客户端 3', '6776/tcp Sub-7 2'];
    for (const width of [24, 30, 40, 60]) {
      const lines = wrapItems('new ports  ', items, width).split('\n');
      // A line of two items or more fits (an item alone may be wider than the line).
      for (const l of lines.map((x) => x.replace(/ ·$/, ''))) if (l.includes(' · ')) expect(displayWidth(l), l).toBeLessThanOrEqual(width);
      expect(lines.join('').replace(/\s+/g, '')).toContain('5632/udp远程控制软件4');
    }
    // Wide enough for two items per line by columns, not by characters.
    expect(wrapItems('x ', ['冰河冰河冰河', '冰河冰河冰河'], 30).split('\n')).toHaveLength(1);
    expect(wrapItems('x ', ['冰河冰河冰河', '冰河冰河冰河'], 20).split('\n')).toHaveLength(2);
  });

  it('colours a severity cell line by line, never across a border', () => {
    const text = renderReportText(doc(scenario()), { color: true, width: 100, tz: 'UTC', lang: 'en' });
    const rows = text.split('\n').filter((l) => l.startsWith('│'));
    expect(rows.some((l) => l.includes('\x1b['))).toBe(true);
    // Every colour opened in a cell is closed before the next border.
    for (const l of rows) for (const cell of l.split('│')) expect(cell.match(/\x1b\[(?:3[0-7]|1|2)m/g)?.length ?? 0, l).toBe(cell.match(/\x1b\[(?:39|22)m/g)?.length ?? 0);
  });

  it('heads a cut list of sources with how many were ranked, in Markdown as on the terminal and the HTML page', () => {
    const d = doc(scenario(), { top: 2 });
    expect(d.rankedSources).toBeGreaterThan(2);
    const said = `Top sources (2 of ${d.rankedSources} ranked)`;
    expect(renderReportText(d, { color: false, width: 100, tz: 'UTC', lang: 'en' })).toContain(said);
    expect(renderReportHtml(d, { tz: 'UTC', lang: 'en', version: '0' })).toContain(said);
    expect(renderReportMarkdown(d, { tz: 'UTC', lang: 'en' })).toContain(`\n### ${said}\n`);
    expect(renderReportMarkdown(d, { tz: 'UTC', lang: 'zh' })).toContain(`### 主要来源（共排名 ${d.rankedSources} 个，显示前 2 个）`);
    // All of them shown: no count to give.
    expect(renderReportMarkdown(doc(scenario(), { top: 50 }), { tz: 'UTC', lang: 'en' })).toContain('\n### Top sources\n');
  });

  it('points to `logscan check` only when lines were read: a missing, empty or unreadable input has none to show', () => {
    const read = doc([]);
    expect(read.totals.lines).toBeGreaterThan(0);
    expect(renderReportText(read, { color: false, width: 100, tz: 'UTC', lang: 'en' })).toContain('`logscan check FILE` shows what the lines look like');
    const none = { ...read, totals: { ...read.totals, lines: 0, skipped: 0 } };
    const text = renderReportText(none, { color: false, width: 100, tz: 'UTC', lang: 'en' });
    expect(text).toContain('No firewall records found: no line was read.');
    expect(text).not.toContain('logscan check');
    expect(renderReportText(none, { color: false, width: 100, tz: 'UTC', lang: 'zh' })).toContain('未找到防火墙记录：一行也没有读到。');
  });

  it('says an input of which no line was read "not read", and one cut short "not read to the end"', () => {
    const d = doc(scenario());
    const input = d.inputs[0]!;
    const missing = { ...input, file: 'missing.log', format: null, lines: 0, events: 0, skipped: 0, error: 'no such file', incomplete: true };
    const cut = { ...input, file: 'kern.log.2.gz', error: 'gzip data is truncated or corrupt after line 9', incomplete: true };
    const text = (inputs: ReportDoc['inputs'], lang: Lang = 'en'): string => renderReportText({ ...d, inputs }, { color: false, width: 100, tz: 'UTC', lang });
    expect(text([input, missing])).toContain('incomplete: 1 of 2 inputs not read: missing.log');
    expect(text([input, missing])).not.toContain('not read to the end');
    expect(text([input, cut])).toContain('incomplete: 1 of 2 inputs not read to the end: kern.log.2.gz');
    const both = text([missing, cut, input]);
    expect(both).toContain('incomplete: 1 of 3 inputs not read: missing.log');
    expect(both).toContain('incomplete: 1 of 3 inputs not read to the end: kern.log.2.gz');
    expect(text([input, missing], 'zh')).toContain('不完整：2 个输入中有 1 个未能读取：missing.log');
  });

  it('HTML: the header\'s source filter shows a range as the other address cells do (an IPv6 one breaks only after a colon)', () => {
    const d = doc(scenario());
    const html = renderReportHtml({ ...d, filters: { ...d.filters, since: '2026-11-20T00:00:00.000Z', sources: ['2001:db8::/32', '198.51.100.0/24'], minSeverity: 3 } }, { tz: 'UTC', lang: 'en', version: '0' });
    expect(html).toContain('<li>filter: since 2026-11-20 00:00:00 · source <span class="ip v6">2001:<wbr>db8:<wbr>:<wbr>/32</span>, <span class="ip">198.51.100.0/24</span> · min severity 3</li>');
  });

  it('Markdown and HTML say a missing input "not read" and a cut one "not read to the end", as the terminal does, each with why', () => {
    const d = doc(scenario());
    const input = d.inputs[0]!;
    const missing = { ...input, file: 'missing.log', format: null, lines: 0, events: 0, skipped: 0, error: 'missing.log: no such file', problem: { code: 'not-found' as const, nonUtf8Name: false }, incomplete: true };
    const cut = { ...input, file: 'kern.log.2.gz', error: 'gzip data is truncated or corrupt after line 9 (unexpected end of file)', incomplete: true };
    const inputs = [missing, cut, input];
    const mdText = renderReportMarkdown({ ...d, inputs }, { tz: 'UTC', lang: 'en' });
    // "FILE: reason", never "FILE (… (…))": a reason has brackets of its own.
    expect(mdText).toContain('- **incomplete:** 1 of 3 inputs not read: missing.log: no such file\n');
    expect(mdText).toContain('- **incomplete:** 1 of 3 inputs not read to the end: kern.log.2.gz: gzip data is truncated or corrupt after line 9 (unexpected end of file)\n');
    expect(mdText).not.toMatch(/\*\*problem:\*\* missing\.log/);
    // Several files with reasons: apart by "; ", as a reason may hold a comma.
    const cut2 = { ...cut, file: 'kern.log.3.gz' };
    expect(renderReportMarkdown({ ...d, inputs: [cut, cut2] }, { tz: 'UTC', lang: 'en' })).toContain(
      'not read to the end: kern.log.2.gz: gzip data is truncated or corrupt after line 9 (unexpected end of file); kern.log.3.gz: gzip',
    );
    const html = renderReportHtml({ ...d, inputs: [{ ...missing, file: '<b>x.log' }, input] }, { tz: 'UTC', lang: 'en', version: '0' });
    expect(html).toContain('<p class="note">incomplete: 1 of 2 inputs not read: <code>&lt;b&gt;x.log</code>: no such file</p>');
    expect(html).not.toContain('not read to the end');
    const htmlCut = renderReportHtml({ ...d, inputs: [input, cut] }, { tz: 'UTC', lang: 'en', version: '0' });
    expect(htmlCut).toContain('incomplete: 1 of 2 inputs not read to the end: <code>kern.log.2.gz</code>: gzip data is truncated or corrupt after line 9 (unexpected end of file)</p>');
    // The same words in Chinese, from the one catalog entry the terminal says them with.
    expect(renderReportMarkdown({ ...d, inputs: [input, missing] }, { tz: 'UTC', lang: 'zh' })).toContain('2 个输入中有 1 个未能读取：missing.log：文件不存在');
    expect(renderReportText({ ...d, inputs: [input, missing] }, { color: false, width: 100, tz: 'UTC', lang: 'zh' })).toContain('不完整：2 个输入中有 1 个未能读取：missing.log\n');
  });

  it('HTML: the probes card says packets and connections apart when some probes were connection records', () => {
    const d = doc(scenario());
    const card = (x: ReportDoc): string => renderReportHtml(x, { tz: 'UTC', lang: 'en', version: '0' }).match(/<div class="k">probes<\/div><div class="v">8<\/div><div class="t">([^<]*)<\/div>/)?.[1] ?? 'no probes card';
    const mixed = { ...d, probes: { ...d.probes, packets: 8, connections: 1, ports: 4 } };
    expect(card(mixed)).toBe('7 packets and 1 connection to 4 ports');
    // Packets only: the number's unit is the card's, as before.
    expect(card({ ...d, probes: { ...d.probes, packets: 8, connections: 0, ports: 4 } })).toBe('to 4 ports');
    expect(renderReportHtml(mixed, { tz: 'UTC', lang: 'zh', version: '0' })).toContain('7 个包和 1 个连接');
  });

  it("says where the header's sources beyond the ranking went (loopback, this side's own traffic), in text, Markdown, HTML and JSON", () => {
    const own = [
      makeEvent({ src: { ip: '127.0.0.1' }, dst: { ip: '127.0.0.1', port: 631 }, inIface: 'lo' }),
      makeEvent({ src: { ip: '192.168.1.5' }, dst: { ip: '198.51.100.80', port: 443 }, direction: 'out', action: 'allow' }),
    ];
    const d = doc([...scenario(), ...own]);
    expect(d.totals.sources - d.rankedSources).toBe(2);
    expect(d.unrankedSources).toBe(2);
    const line = `2 of the ${d.totals.sources} sources are not ranked: loopback, or only this side's own traffic (not probes)`;
    const text = renderReportText(d, { color: false, width: 100, tz: 'UTC', lang: 'en' });
    expect(text).toMatch(new RegExp(`┘\\n${line.replace(/[()]/g, '\\$&')}\\nfindings `));
    expect(renderReportText(d, { color: false, width: 100, tz: 'UTC', lang: 'zh' })).toContain(`${d.totals.sources} 个来源中有 2 个未排名：回环地址，或只有本方自己的流量（不算探测）`);
    expect(renderReportMarkdown(d, { tz: 'UTC', lang: 'en' })).toContain(`\n\n${line}\n`);
    expect(renderReportHtml(d, { tz: 'UTC', lang: 'en', version: '0' })).toContain(`<p class="muted">${line.replace(/'/g, '&#39;')}</p>`);
    // Every source ranked: nothing to say.
    const all = doc(scenario());
    expect(all.unrankedSources).toBe(0);
    expect(renderReportText(all, { color: false, width: 100, tz: 'UTC', lang: 'en' })).not.toContain('not ranked');
  });

  it('says "at least" for the source count when the counter was saturated', () => {
    const d = doc(scenario());
    expect(renderReportText(d, { color: false, width: 100, tz: 'UTC', lang: 'en' })).toContain(` · ${d.totals.sources} sources`);
    const capped = { ...d, totals: { ...d.totals, sources: 200_000, sourcesCapped: true } };
    expect(renderReportText(capped, { color: false, width: 100, tz: 'UTC', lang: 'en' })).toContain(' · ≥200,000 sources');
    expect(renderReportMarkdown(capped, { tz: 'UTC', lang: 'en' })).toContain(' · ≥200,000 sources');
  });

  it('says why nothing is ranked when a log holds only this host\'s own outbound traffic, and counts "1 source"', () => {
    const own = Array.from({ length: 5 }, (_, i) =>
      makeEvent({ src: { ip: '192.168.9.219', port: 50000 + i }, dst: { ip: `198.51.100.${i + 1}`, port: 443 }, direction: 'out', action: 'allow', time: at(i) }),
    );
    const text = renderReportText(doc(own), { color: false, width: 100, tz: 'UTC', lang: 'en' });
    expect(text).toContain(' · 1 source\n');
    expect(text).toContain('Top sources by packets\nNone ranked: loopback and this side\'s own traffic are not probes.');
    expect(text).toMatch(/│ 1 │ 192\.168\.9\.219 │ 5 +│/);
  });

  it('says the same of a log holding only connections allowed between two machines of this side, trojan port or not', () => {
    const inside = makeEvent({ format: 'cisco-ios', src: { ip: '192.168.1.10', port: 51000 }, dst: { ip: '10.0.0.5', port: 20000 }, direction: null, action: 'allow', time: at(0) });
    inside.annotations = [{ id: 'trojan', severity: 4, text: 'x', ref: 'x' }];
    const d = doc([inside]);
    expect([d.sources, d.rankedSources]).toEqual([[], 0]);
    expect(renderReportText(d, { color: false, width: 100, tz: 'UTC', lang: 'en' })).toContain("None ranked: loopback and this side's own traffic are not probes.");
    expect(renderReportText(d, { color: false, width: 100, tz: 'UTC', lang: 'zh' })).toContain('没有排名：回环流量和本方自己的流量不算探测。');
  });

  it('the probes line says how many were blocked when the ports table counts only those, so the two agree', () => {
    // 19 probes to 2 ports, 18 of them dropped to 137/udp: the table shows 137/udp alone.
    const probes = [
      ...Array.from({ length: 18 }, (_, i) => makeEvent({ src: { ip: '198.51.100.7', port: 40000 + i }, proto: 'udp', tcpFlags: null, dst: { port: 137 }, action: 'drop', time: at(i) })),
      makeEvent({ src: { ip: '198.51.100.7', port: 41000 }, dst: { port: 3389 }, action: 'allow', time: at(20) }),
    ];
    const d = doc(probes);
    expect(d.probes).toMatchObject({ packets: 19, ports: 2, blocked: 18, blockedPorts: 1 });
    const text = renderReportText(d, { color: false, width: 100, tz: 'UTC', lang: 'en' });
    expect(text).toContain('probes     19 packets to 2 ports · blocked: 18 packets to 1 port\n');
    // Its title says what the shares are of: the 18 blocked packets with a port.
    expect(text).toContain('Top probed ports (dropped or rejected: 18 packets with a port)');
    expect(d.topPortsPackets).toBe(18);
    expect(renderReportMarkdown(d, { tz: 'UTC', lang: 'en' })).toContain('- **probes:** 19 packets to 2 ports · blocked: 18 packets to 1 port\n');
    expect(renderReportText(d, { color: false, width: 100, tz: 'UTC', lang: 'zh' })).toContain('19 个包，发往 2 个端口 · 被拦截：18 个包，发往 1 个端口');
    // Every probe blocked, or none: the table counts them all, and the line says nothing more.
    const allDropped = renderReportText(doc(probes.slice(0, 18)), { color: false, width: 100, tz: 'UTC', lang: 'en' });
    expect(allDropped).toContain('probes     18 packets to 1 port\n');
    const noneDropped = renderReportText(doc(probes.slice(18)), { color: false, width: 100, tz: 'UTC', lang: 'en' });
    expect(noneDropped).toContain('probes     1 packet to 1 port\n');
  });

  it('colours the score by severity only when asked', () => {
    const d = doc(scenario());
    expect(renderReportText(d, { color: true, width: 100, tz: 'UTC', lang: 'en' })).toMatch(/\u001b\[31m/);
    expect(renderReportText(d, { color: false, width: 100, tz: 'UTC', lang: 'en' })).not.toMatch(/\u001b\[/);
  });

  it('drops optional columns on a narrow terminal instead of squeezing the explanation, and says which under the table', () => {
    const text = renderReportText(doc(scenario()), { color: false, width: 72, tz: 'UTC', lang: 'en' });
    const sources = text.slice(text.indexOf('Top sources'), text.indexOf('\nfindings ') + 1);
    expect(sources).not.toMatch(/│ seen/);
    expect(sources).toMatch(/└[─┴]+┘\nleft out for width: hosts, seen\n$/);
    expect(text).toContain('vertical scan: 1,075');
    // Wide enough for every column: nothing to say.
    expect(renderReportText(doc(scenario()), { color: false, width: 200, tz: 'UTC', lang: 'en' })).not.toContain('left out for width');
    const zh = renderReportText(doc(scenario()), { color: false, width: 72, tz: 'UTC', lang: 'zh' });
    expect(zh).toMatch(/└[─┴]+┘\n因宽度所限未显示：主机数、出现时间\n/);
    // Dim on a terminal, as a note.
    expect(renderReportText(doc(scenario()), { color: true, width: 72, tz: 'UTC', lang: 'en' })).toContain('\u001b[2mleft out for width: hosts, seen');
    // Tables fit (the one-line header may run longer and wrap in the terminal).
    for (const line of text.split('\n').filter((l) => /^[│┌└]/.test(l))) expect([...line].length).toBeLessThanOrEqual(72);
  });

  it('never cuts an IPv4 address to fit a narrow terminal: the explanation gives the column instead', () => {
    // Ten sources of 15-character addresses after the first nine: the rank takes two columns.
    const events = [...scenario(), ...Array.from({ length: 12 }, (_, i) => makeEvent({ src: { ip: `198.51.100.${110 + i}` }, dst: { port: 23 }, time: at(i) }))];
    for (const width of [65, 66]) {
      const text = renderReportText(doc(events, { top: 20 }), { color: false, width, tz: 'UTC', lang: 'en' });
      const table = text.slice(text.indexOf('Top sources'), text.indexOf('findings'));
      expect(table, `width ${width}`).toMatch(/│ 198\.51\.100\.11\d │/);
      // No line of the source column holds the piece of an address cut off.
      expect(table, `width ${width}`).not.toMatch(/│ {4}│ \d{1,3} +│/);
      for (const line of table.split('\n').filter((l) => /^[│┌└]/.test(l))) expect([...line].length).toBeLessThanOrEqual(width);
    }
  });

  it('the probed ports table gives its count columns their values\' width and "known as" the rest', () => {
    const text = renderReportText(doc(scenario()), { color: false, width: 65, tz: 'UTC', lang: 'en' });
    const lines = text.slice(text.indexOf('Top probed ports')).split('\n');
    const rows = lines.slice(2, lines.findIndex((l) => l.startsWith('└'))).map((l) => l.split('│').slice(1, -1));
    for (let col = 0; col < 4; col++) {
      const widest = Math.max(...rows.map((r) => r[col]!.trim().length));
      expect(rows[0]![col]!.length, `column ${col}: ${rows[0]![col]}`).toBe(widest + 2);
    }
    expect(rows[0]!.map((c) => c.trim())).toEqual(['port', 'packets', 'sources', 'share', 'known as']);
    expect(lines[1]!.length).toBe(65);
  });

  it('neutralises control characters from the log', () => {
    const e = makeEvent({ src: { ip: '203.0.113.5' }, annotations: [ann('proxy-hunt', 2, 'evil \u001b[2J text')] });
    const text = renderReportText(doc([e]), { color: false, width: 100, tz: 'UTC', lang: 'en' });
    expect(text).not.toContain('\u001b');
    expect(text).toContain('\\x1b[2J');
  });

  it('--min-severity keeps only sources and interpretations at or above it', () => {
    const d = doc(scenario(), { minSeverity: 3 });
    expect(d.sources.map((s) => s.ip)).toEqual(['203.0.113.9', '192.0.2.23']);
    expect(d.interpretations.map((i) => i.id)).toEqual(['trojan']);
    expect(d.rankedSources).toBe(6);
  });
});

describe('when the events run over more than one year', () => {
  const probeAt = (iso: string, ip: string) => makeEvent({ time: new Date(iso), src: { ip }, dst: { port: 23 } });

  it('a source\'s "seen" shows the year in every format (08-05 of one year is not 08-05 of another); within a year it does not', () => {
    const years = doc([probeAt('2016-08-05T01:02:00Z', '203.0.113.1'), probeAt('2026-01-05T08:52:00Z', '203.0.113.2'), probeAt('2026-01-05T16:52:00Z', '203.0.113.2')]);
    const text = renderReportText(years, { lang: 'en', width: 100, color: false, tz: 'UTC' });
    // The time goes under the date, so the column stays narrow enough to keep.
    expect(text).toMatch(/│ 2016-08-05 │/);
    expect(text).toMatch(/│ 2026-01-05 │[^\n]*\n[^\n]*│ 08:52 +│[^\n]*\n[^\n]*│ → 16:52 +│/);
    const md = renderReportMarkdown(years, { lang: 'en', tz: 'UTC' });
    expect(md).toContain('| 2026-01-05 08:52–16:52 |');
    expect(md).toContain('| 2016-08-05 01:02 |');
    expect(renderReportHtml(years, { lang: 'en', tz: 'UTC', version: '0' })).toContain('<span class="nw">2016-08-05 01:02</span>');
    // New Year's Eve in UTC is already the new year in Tokyo: the report's zone decides.
    const eve = doc([probeAt('2025-12-31T10:00:00Z', '203.0.113.1'), probeAt('2025-12-31T20:00:00Z', '203.0.113.2')]);
    expect(renderReportMarkdown(eve, { lang: 'en', tz: 'UTC' })).toContain('| 12-31 10:00 |');
    expect(renderReportMarkdown(eve, { lang: 'en', tz: 'Asia/Tokyo' })).toContain('| 2026-01-01 05:00 |');
  });
});

describe('"logged as"', () => {
  const asa = (id: string, n: number) => Array.from({ length: n }, () => makeEvent({ format: 'cisco-asa', rule: id, src: { ip: '203.0.113.9' } }));
  const windows = (rule: string, n: number) => Array.from({ length: n }, () => makeEvent({ format: 'windows-firewall', rule, src: { ip: '203.0.113.9' } }));
  const text = (d: ReportDoc, lang: 'en' | 'zh') => renderReportText(d, { lang, width: 200, color: false, tz: 'UTC' });

  const KB = loadKnowledge();
  /** The document in `lang`, with the knowledge base that names the ASA's message ids. */
  const named = (events: readonly FirewallEvent[], lang: Lang = 'en') => doc(events, { kb: KB, lang });

  it('a Cisco ASA label says its message id by name (signatures/asa-messages.json), "ASA message" once before the first; an access list in brackets after it', () => {
    const events = [...asa('ASA-6-302014', 3), ...asa('ASA-4-106023 access-group outside_in', 2), ...windows('DROP', 1)];
    const [en, zh] = [named(events, 'en'), named(events, 'zh')];
    expect(text(en, 'en')).toContain('logged as  ASA message 302014 TCP connection closed 3 (50%) · 106023 denied by access list (outside_in) 2 (33%) · DROP 1 (17%)\n');
    expect(text(zh, 'zh')).toContain('记录为     ASA 消息 302014 TCP 连接关闭 3（50%） · 106023 被访问控制列表拒绝（outside_in）2（33%） · DROP 1（17%）\n');
    expect(renderReportMarkdown(en, { lang: 'en', tz: 'UTC' })).toContain('ASA message 302014 TCP connection closed 3 (50%) · 106023 denied by access list (outside\\_in) 2 (33%) · DROP 1 (17%)');
    expect(renderReportMarkdown(zh, { lang: 'zh', tz: 'UTC' })).toContain('ASA 消息 302014 TCP 连接关闭 3（50%） · 106023 被访问控制列表拒绝（outside\\_in）2（33%）');
    // HTML: words are text, a label as logged is code; "ASA message" on the first row of them only.
    const html = renderReportHtml(en, { lang: 'en', tz: 'UTC', version: '0.0.0' });
    expect(html).toContain('<th scope="row" data-label="logged as" class="wide">ASA message 302014 TCP connection closed</th>');
    expect(html).toContain('<th scope="row" data-label="logged as" class="wide">106023 denied by access list (outside_in)</th>');
    expect(html).toContain('<code>DROP</code>');
    expect(renderReportHtml(zh, { lang: 'zh', tz: 'UTC', version: '0.0.0' })).toContain('>106023 被访问控制列表拒绝（outside_in）</th>');
    // JSON keeps each label as logged, with the format that logged it and the name of its message id in the document's language.
    expect(en.byRule).toEqual([
      { key: 'ASA-6-302014', packets: 3, format: 'cisco-asa', messageName: 'TCP connection closed' },
      { key: 'ASA-4-106023 access-group outside_in', packets: 2, format: 'cisco-asa', messageName: 'denied by access list' },
      { key: 'DROP', packets: 1, format: 'windows-firewall' },
    ]);
    expect(zh.byRule[0]).toEqual({ key: 'ASA-6-302014', packets: 3, format: 'cisco-asa', messageName: 'TCP 连接关闭' });
  });

  it('without a name for the id (no knowledge base), the id is said as explain says it, "message id" on each; one that ends in a digit gets the language\'s colon', () => {
    const d = doc([...asa('ASA-6-302014', 3), ...asa('ASA-4-106023 access-group outside_in', 2), ...windows('DROP', 1)]);
    expect(d.byRule[0]).toEqual({ key: 'ASA-6-302014', packets: 3, format: 'cisco-asa' });
    expect(text(d, 'en')).toContain('logged as  message id 302014: 3 (50%) · access list outside_in (message id 106023) 2 (33%) · DROP 1 (17%)');
    expect(text(d, 'zh')).toContain('记录为     消息 ID 302014：3（50%） · 访问控制列表 outside_in（消息 ID 106023）2（33%） · DROP 1（17%）');
  });

  it('labels said alike count as one, busiest first: the same message id at another level or from an FTD, an access-list and access-group of one list', () => {
    const d = named([...asa('ASA-6-302014', 2), ...asa('FTD-6-302014', 2), ...asa('ASA-4-106023 access-group outside_in', 3), ...asa('ASA-4-106023 access-list outside_in', 1), ...asa('ASA-6-302013', 3)]);
    expect(d.byRule).toHaveLength(5);
    // Equal counts in the order of the words, as every tie of the report; the lead goes on the first after sorting.
    expect(text(d, 'en')).toContain('logged as  ASA message 106023 denied by access list (outside_in) 4 (36%) · 302014 TCP connection closed 4 (36%) · 302013 TCP connection built 3 (27%)\n');
  });

  it('a label as logged stays so: a log prefix, a pf rule and tracker, a MikroTik chain, one that ends in a digit with a colon before its count', () => {
    const d = doc([
      makeEvent({ format: 'iptables', rule: 'DROP IN' }),
      makeEvent({ format: 'iptables', rule: 'RULE-7' }),
      makeEvent({ format: 'pfsense-filterlog', rule: '53/1000102631 em0 match' }),
      makeEvent({ format: 'mikrotik', rule: 'drop-tcp input' }),
    ]);
    expect(text(d, 'en')).toContain('logged as  53/1000102631 em0 match 1 (25%) · DROP IN 1 (25%) · RULE-7: 1 (25%) · drop-tcp input 1 (25%)');
    expect(text(d, 'zh')).toContain('记录为     53/1000102631 em0 match 1（25%） · DROP IN 1（25%） · RULE-7: 1（25%） · drop-tcp input 1（25%）');
  });

  it("a prefix's trailing ':' is left out where a label is shown (it read as part of the label beside its count), alike in text, Markdown, HTML and a source's details; JSON keeps the label as logged", () => {
    const d = doc([
      ...Array.from({ length: 3 }, () => makeEvent({ format: 'iptables', rule: 'filter_IN_public_REJECT:' })),
      makeEvent({ format: 'iptables', rule: 'DROP IN:' }),
      makeEvent({ format: 'iptables', rule: 'DROP IN' }),
      makeEvent({ format: 'iptables', rule: 'Shorewall:net-fw:DROP:' }),
      makeEvent({ format: 'iptables', rule: 'RULE 7:' }),
    ]);
    expect(d.byRule.map((r) => r.key)).toContain('filter_IN_public_REJECT:');
    const row = 'filter_IN_public_REJECT 3 (43%) · DROP IN 2 (29%) · RULE 7: 1 (14%) · Shorewall:net-fw:DROP 1 (14%)';
    expect(text(d, 'en')).toContain(`logged as  ${row}`);
    expect(renderReportMarkdown(d, { tz: 'UTC', lang: 'en' })).toContain(`**logged as:** ${row.replace(/_/g, '\\_')}`);
    const html = renderReportHtml(d, { tz: 'UTC', lang: 'en', version: '0' });
    for (const label of ['filter_IN_public_REJECT', 'DROP IN', 'RULE 7', 'Shorewall:net-fw:DROP']) expect(html).toContain(`<code>${label}</code>`);
    expect(html).not.toMatch(/<code>[^<]*:<\/code>/);
    expect(JSON.stringify(sourceFacts(d.sources[0]!, 'UTC', 'en'))).toContain('filter_IN_public_REJECT 3 · DROP IN 2');
  });

  it('a label of a second format in one log is said in its own format\'s words (a central loghost\'s mixed file)', () => {
    const d = named([...Array.from({ length: 2 }, () => makeEvent({ format: 'iptables', rule: '[UFW BLOCK]' })), ...asa('ASA-6-302014', 1)]);
    expect(d.byRule).toEqual([
      { key: '[UFW BLOCK]', packets: 2, format: 'iptables' },
      { key: 'ASA-6-302014', packets: 1, format: 'cisco-asa', messageName: 'TCP connection closed' },
    ]);
    expect(text(d, 'en')).toContain('logged as  [UFW BLOCK] 2 (67%) · ASA message 302014 TCP connection closed 1 (33%)');
  });

  describe("a source's details (--source in text and Markdown, the HTML disclosure)", () => {
    const IP = '203.0.113.9';
    const rulesFact = (d: ReportDoc, lang: Lang) => sourceFacts(d.sources.find((r) => r.ip === IP)!, 'UTC', lang).find((f) => f.label === messages(lang).report.details.rules);
    const asked = (d: ReportDoc): ReportDoc => ({ ...d, filters: { ...d.filters, sources: [`${IP}/32`] } });
    const details = (html: string) => html.slice(html.indexOf('<details class="more">'), html.indexOf('</details>', html.indexOf('<details class="more">')));

    it('say an ASA tag as the "logged as" row does: by name, "ASA message" once, labels said alike as one, the access list in brackets; both languages, every format', () => {
      const events = [...asa('ASA-6-302014', 2), ...asa('FTD-6-302014', 1), ...asa('ASA-4-106023 access-group outside_in', 3)];
      const [en, zh] = [named(events, 'en'), named(events, 'zh')];
      // Equal counts in the order of the words, as on the row.
      expect(rulesFact(en, 'en')?.items).toEqual(['ASA message 106023 denied by access list (outside_in) 3', '302014 TCP connection closed 3']);
      expect(rulesFact(zh, 'zh')?.items).toEqual(['ASA 消息 106023 被访问控制列表拒绝（outside_in）3', '302014 TCP 连接关闭 3']);
      expect(text(asked(en), 'en')).toContain('  logged as\n    ASA message 106023 denied by access list (outside_in) 3 · 302014 TCP connection closed 3\n');
      expect(text(asked(zh), 'zh')).toContain('  记录为\n    ASA 消息 106023 被访问控制列表拒绝（outside_in）3 · 302014 TCP 连接关闭 3\n');
      expect(renderReportMarkdown(asked(en), { lang: 'en', tz: 'UTC' })).toContain('- **logged as:** ASA message 106023 denied by access list (outside\\_in) 3 · 302014 TCP connection closed 3\n');
      expect(renderReportMarkdown(asked(zh), { lang: 'zh', tz: 'UTC' })).toContain('ASA 消息 106023 被访问控制列表拒绝（outside\\_in）3 · 302014 TCP 连接关闭 3');
      expect(details(renderReportHtml(en, { lang: 'en', tz: 'UTC', version: '0' }))).toContain('<dt>logged as</dt><dd>ASA message 106023 denied by access list (outside_in) 3 · 302014 TCP connection closed 3</dd>');
      expect(details(renderReportHtml(zh, { lang: 'zh', tz: 'UTC', version: '0' }))).toContain('<dd>ASA 消息 106023 被访问控制列表拒绝（outside_in）3 · 302014 TCP 连接关闭 3</dd>');
      // JSON keeps the labels as logged and names each one's message id beside them, in the document's language.
      const row = en.sources.find((r) => r.ip === IP)!;
      expect(row.rules).toEqual({ 'ASA-4-106023 access-group outside_in': 3, 'ASA-6-302014': 2, 'FTD-6-302014': 1 });
      expect(row.messageNames).toEqual({ 'ASA-4-106023 access-group outside_in': 'denied by access list', 'ASA-6-302014': 'TCP connection closed', 'FTD-6-302014': 'TCP connection closed' });
      expect(zh.sources.find((r) => r.ip === IP)!.messageNames?.['ASA-6-302014']).toBe('TCP 连接关闭');
    });

    it("keep other firewalls' labels as they always listed them, one that ends in a digit too, and read each label by the format that logged it", () => {
      const iptables = (rule: string, n: number) => Array.from({ length: n }, () => makeEvent({ format: 'iptables', rule, src: { ip: IP } }));
      // "constructor" is an own key of no names object: no label borrows a name from Object's prototype.
      const d = named([...iptables('RULE-7', 3), ...iptables('[UFW BLOCK]', 2), ...iptables('constructor', 1)]);
      expect(rulesFact(d, 'en')?.items).toEqual(['RULE-7 3', '[UFW BLOCK] 2', 'constructor 1']);
      expect(d.sources[0]).not.toHaveProperty('messageNames');
      // A prefix that looks like an ASA tag, logged by iptables, is a prefix.
      expect(rulesFact(named(iptables('ASA-6-302014', 1)), 'en')?.items).toEqual(['ASA-6-302014 1']);
      // A central loghost's mixed file: the ASA's label named, the first format's as logged.
      const mixed = named([...iptables('[UFW BLOCK]', 2), ...asa('ASA-6-302014', 1)]);
      expect(rulesFact(mixed, 'en')?.items).toEqual(['[UFW BLOCK] 2', 'ASA message 302014 TCP connection closed 1']);
      expect(mixed.sources[0]?.messageNames).toEqual({ 'ASA-6-302014': 'TCP connection closed' });
    });
  });

  it('records without a label are "(none)" in JSON, and said in the report\'s language', () => {
    const d = doc([...Array.from({ length: 3 }, () => makeEvent({ rule: null })), makeEvent({ rule: '[UFW BLOCK]' })]);
    expect(d.byRule).toEqual([{ key: '(none)', packets: 3 }, { key: '[UFW BLOCK]', packets: 1, format: 'iptables' }]);
    expect(text(d, 'en')).toContain('logged as  (none) 3 (75%) · [UFW BLOCK] 1 (25%)');
    expect(text(d, 'zh')).toContain('记录为     （无） 3（75%） · [UFW BLOCK] 1（25%）');
    expect(renderReportMarkdown(d, { lang: 'zh', tz: 'UTC' })).toContain('（无） 3（75%）');
    expect(renderReportHtml(d, { lang: 'zh', tz: 'UTC', version: '0.0.0' })).toContain('<span class="muted">（无）</span>');
  });
});

describe('log gaps (Windows Firewall INFO-EVENTS-LOST)', () => {
  const lost = (iso: string, n: string | null) =>
    makeEvent({
      time: new Date(iso),
      format: 'windows-firewall',
      action: 'other',
      direction: null,
      proto: 'other',
      rule: n === null ? 'INFO-EVENTS-LOST' : `INFO-EVENTS-LOST ${n}`,
      src: { ip: null, port: null },
      dst: { ip: null, port: null },
      annotations: [],
    });
  const probe = makeEvent({ time: new Date('2026-11-20T12:00:00Z'), format: 'windows-firewall', rule: 'DROP', src: { ip: '203.0.113.9' } });

  it('tallies the rows: records they give, rows without a number, first and last time; nothing when the log has none', () => {
    const d = doc([probe, lost('2026-11-20T18:05:01Z', '14'), lost('2026-11-20T06:00:00Z', null), lost('2026-11-21T02:00:00Z', '1000')]);
    expect(d.logGaps).toEqual({ rows: 3, marker: 'INFO-EVENTS-LOST', records: 1014, uncounted: 1, first: '2026-11-20T06:00:00.000Z', last: '2026-11-21T02:00:00.000Z' });
    expect(doc([probe]).logGaps).toBeNull();
    // A gap row is no packet: not a probe, nor any of the rest, nor in any packet count or share.
    expect(d.probes).toMatchObject({ packets: 1, own: 0, replies: 0, noise: 0 });
    expect(d.totals).toMatchObject({ events: 4, packets: 1 });
    for (const counts of [d.byAction, d.byProto, d.byDirection, d.byRule, d.byFormat]) expect(counts.reduce((n, c) => n + c.packets, 0)).toBe(1);
    expect(d.byRule.map((c) => c.key)).toEqual(['DROP']);
    expect(d.perHour.reduce((a, b) => a + b, 0)).toBe(1);
    expect(d.perDay.map((x) => x.day)).toEqual(['2026-11-20']);
    // It is still a record of the log's: the span runs from the first row to the last.
    expect(d.span.first).toBe('2026-11-20T06:00:00.000Z');
    expect(d.span.last).toBe('2026-11-21T02:00:00.000Z');
    // Only the Windows Firewall rows say so: the same rule text from another format is a log prefix.
    expect(doc([{ ...lost('2026-11-20T18:05:01Z', '14'), format: 'iptables' }]).logGaps).toBeNull();
  });

  it('says so in the terminal, Markdown and HTML, in the report\'s zone', () => {
    const one = doc([probe, lost('2026-11-20T18:05:01Z', '14')]);
    const text = renderReportText(one, { lang: 'en', width: 100, color: false, tz: 'Asia/Tokyo' });
    expect(text).toContain('log gaps: the firewall could not write 14 records (1 INFO-EVENTS-LOST row, 2026-11-21 03:05:01):\ncounts around then are low');
    expect(renderReportText(one, { lang: 'zh', width: 200, color: false, tz: 'UTC' })).toContain('日志缺口：防火墙有 14 条记录未能写入');
    const md = renderReportMarkdown(one, { lang: 'zh', tz: 'UTC' });
    expect(md).toContain('- **日志缺口：** 防火墙有 14 条记录未能写入（1 行 INFO-EVENTS-LOST，2026-11-20 18:05:01）：这段时间前后的统计偏低');
    expect(renderReportHtml(one, { lang: 'en', tz: 'UTC', version: '0.0.0' })).toContain(
      '<p class="note">log gaps: the firewall could not write 14 records (1 INFO-EVENTS-LOST row, 2026-11-20 18:05:01): counts around then are low</p>',
    );
    expect(renderReportText(doc([probe]), { lang: 'en', width: 100, color: false, tz: 'UTC' })).not.toContain('log gaps');
    const some = doc([probe, lost('2026-11-20T06:00:00Z', null), lost('2026-11-20T08:00:00Z', null)]);
    expect(renderReportText(some, { lang: 'en', width: 200, color: false, tz: 'UTC' })).toContain(
      'log gaps: the firewall could not write some records (2 INFO-EVENTS-LOST rows, 2026-11-20 06:00:00 → 2026-11-20 08:00:00): counts around then are low',
    );
    const mixed = doc([probe, lost('2026-11-20T06:00:00Z', null), lost('2026-11-20T06:00:00Z', '3')]);
    expect(renderReportText(mixed, { lang: 'en', width: 200, color: false, tz: 'UTC' })).toContain(
      'could not write at least 3 records (2 INFO-EVENTS-LOST rows, 1 without a count, 2026-11-20 06:00:00): counts',
    );
  });
});

describe('notable interpretations by name', () => {
  it('each row reads "name (id)" in the report\'s language, in text, Markdown and HTML', () => {
    const d = doc(scenario());
    expect(d.interpretations.map((i) => i.id)).toContain('traceroute');
    const section = (text: string, title: string): string => text.slice(text.indexOf(title));
    // The text table wraps the name and the id in a column of their own: read the column's lines.
    const firstColumn = (text: string): string => text.split('\n').filter((l) => l.startsWith('│')).map((l) => l.split('│')[1]!.trim()).join(' ');
    expect(firstColumn(section(renderReportText(d, { color: false, width: 100, tz: 'UTC', lang: 'en' }), 'Notable interpretations'))).toContain('route tracing (traceroute)');
    expect(firstColumn(section(renderReportText(d, { color: false, width: 100, tz: 'UTC', lang: 'zh' }), '值得注意的解读')).replace(/ /g, '')).toContain('路由追踪（traceroute）');
    expect(section(renderReportMarkdown(d, { tz: 'UTC', lang: 'en' }), 'Notable interpretations')).toMatch(/^\| route tracing \(traceroute\) \|/m);
    const html = section(renderReportHtml(d, { tz: 'UTC', lang: 'en', version: '0' }), 'Notable interpretations');
    // Each id is kept on one line, as in the why cell, hyphenated or not.
    expect(html).toContain('>route tracing <span class="nw">(traceroute)</span></th>');
    expect(html).toContain('>DNS server reply <span class="nw">(srcport-dns)</span></th>');
    expect(html).not.toContain('<code>traceroute</code>');
  });
});

describe('a notable interpretation that mixes several texts', () => {
  // Mirai's text on 3 packets, Sub-7's on 2, NetBus's on 1: one "trojan" row of 6 packets.
  const mixed = (): FirewallEvent[] => [
    ...[1, 2, 3].map((i) => makeEvent({ src: { ip: `198.51.100.${i}` }, dst: { port: 37215 }, time: at(i), annotations: [ann('trojan', 3, 'Port through which the Mirai worm spreads.')] })),
    ...[4, 5].map((i) => makeEvent({ src: { ip: `198.51.100.${i}` }, dst: { port: 1243 }, time: at(i), annotations: [trojanAnn('Sub-7', 3)] })),
    makeEvent({ src: { ip: '198.51.100.6' }, dst: { port: 12345 }, time: at(6), annotations: [trojanAnn('NetBus', 3)] }),
  ];
  it('says its meaning is the most common of several, with its share of the packets, also where the meaning goes under its row', () => {
    const d = doc(mixed());
    expect(d.interpretations[0]).toMatchObject({ id: 'trojan', packets: 6, textPackets: 3, texts: 3 });
    const text = renderReportText(d, { color: false, width: 80, tz: 'UTC', lang: 'en' });
    const table = text.slice(text.indexOf('Notable interpretations'));
    const meaning = table.split('\n').filter((l) => l.startsWith('│   ')).map((l) => l.slice(1, -1).trim()).join(' ');
    expect(meaning).toContain('Port through which the Mirai worm spreads. (the most common of 3 meanings under this id: 3 of the 6 packets)');
    const said = '(the most common of 3 meanings under this id: 3 of the 6 packets)';
    expect(renderReportMarkdown(d, { tz: 'UTC', lang: 'en' })).toContain(`Port through which the Mirai worm spreads. ${said}`);
    expect(renderReportHtml(d, { tz: 'UTC', lang: 'en', version: '0' })).toContain(`Port through which the Mirai worm spreads. ${said}`);
    const zh = renderReportText(d, { color: false, width: 160, tz: 'UTC', lang: 'zh' });
    // The meaning column's lines joined, spaces aside: where the note breaks (at a space or
    // between two Chinese characters) depends on the columns' widths.
    const zhMeaning = zh.slice(zh.indexOf('值得注意的解读')).split('\n').filter((l) => l.startsWith('│')).map((l) => l.split('│').at(-2)!).join('').replace(/ /g, '');
    expect(zhMeaning).toContain('（该解读下有 3 种含义，此为最常见的一种：6 个包中的 3 个）'.replace(/ /g, ''));
  });
  it('says "one of" the meanings, not "the most common", when another meaning has as many packets', () => {
    // Sub-7's text on 2 packets, NetBus's on 2: neither is the most common.
    const tied = [
      ...[1, 2].map((i) => makeEvent({ src: { ip: `198.51.100.${i}` }, dst: { port: 1243 }, time: at(i), annotations: [trojanAnn('Sub-7', 3)] })),
      ...[3, 4].map((i) => makeEvent({ src: { ip: `198.51.100.${i}` }, dst: { port: 12345 }, time: at(i), annotations: [trojanAnn('NetBus', 3)] })),
    ];
    const d = doc(tied);
    expect(d.interpretations[0]).toMatchObject({ id: 'trojan', packets: 4, textPackets: 2, texts: 2, textTied: true });
    const said = '(one of 2 meanings under this id, none more common: 2 of the 4 packets)';
    expect(renderReportMarkdown(d, { tz: 'UTC', lang: 'en' })).toContain(said);
    expect(renderReportMarkdown(d, { tz: 'UTC', lang: 'en' })).not.toContain('most common of');
    expect(renderReportHtml(d, { tz: 'UTC', lang: 'en', version: '0' })).toContain(said);
    expect(renderReportMarkdown(d, { tz: 'UTC', lang: 'zh' })).toContain('（该解读下有 2 种含义，此为其中之一，没有哪种比它更常见：4 个包中的 2 个）');
  });
  it('puts each source\'s why under its row where the numbers leave it fewer than 20 columns', () => {
    const d = doc(scenario());
    const top = (width: number): string[] => {
      const text = renderReportText(d, { color: false, width, tz: 'UTC', lang: 'en' });
      const from = text.indexOf('Top sources');
      return text.slice(from, text.indexOf('└', from)).split('\n');
    };
    const narrow = top(65);
    expect(narrow[2]).not.toContain('why');
    const first = narrow.findIndex((l) => l.startsWith('│ 1 '));
    // The row's next line is its why, whole and indented across the table, inside both borders only.
    expect(narrow[first + 1]).toMatch(/^│ {3}\S/);
    expect(narrow[first + 1]!.split('│')).toHaveLength(3);
    expect(d.sources[0]!.explanation.startsWith(narrow[first + 1]!.slice(4, 24))).toBe(true);
    for (const l of narrow) expect(l.length).toBeLessThanOrEqual(65);
    // At 100 columns it is the table's last column, as before.
    expect(top(100)[2]).toMatch(/│ why +│$/);
  });

  it('puts each meaning under its row, across the table, when a meaning column would be narrower than 40', () => {
    const d = doc(mixed());
    for (const width of [65, 80, 100, 160]) {
      const text = renderReportText(d, { color: false, width, tz: 'UTC', lang: 'en' });
      const lines = text.slice(text.indexOf('Notable interpretations')).split('\n');
      expect(Math.max(...lines.map((l) => l.length)), `width ${width}`).toBeLessThanOrEqual(width);
      const head = lines[2]!;
      const row = lines.findIndex((l) => l.startsWith('│ trojan or worm port'));
      if (width >= 160) {
        expect(head).toContain('│ meaning');
        expect(lines[row]).toContain('│ Port through which');
      } else {
        expect(head).not.toContain('meaning');
        // The note: the row's next line that starts a text indented across the columns.
        const note = lines.slice(row + 1).find((l) => l.startsWith('│   '))!;
        expect(note.slice(1, -1).trim().startsWith('Port through which'), `width ${width}: ${note}`).toBe(true);
        expect(note.split('│')).toHaveLength(3);
        expect(note.endsWith('│')).toBe(true);
        expect(note.length).toBe(lines[1]!.length);
      }
    }
  });
  it('on a terminal too narrow for the example column, its room goes to the names, not to the sources column', () => {
    // Addresses of 15 characters: beside them the names wrapped at 24 leave 65 columns no room.
    const wide = mixed().map((e) => ({ ...e, src: { ...e.src, ip: (e.src.ip ?? '').replace(/\.(\d)$/, '.20$1') } }));
    const text = renderReportText(doc(wide), { color: false, width: 65, tz: 'UTC', lang: 'en' });
    const lines = text.slice(text.indexOf('Notable interpretations')).split('\n');
    const head = lines[2]!.split('│').slice(1, -1);
    expect(head.map((h) => h.trim())).toEqual(['interpretation', 'sev', 'packets', 'sources']);
    // Name and id on one line (they were cut at 24 columns beside a sources column of 20).
    expect(lines.some((l) => l.startsWith('│ trojan or worm port (trojan) '))).toBe(true);
    expect(lines.some((l) => /^│ \(trojan\) +│/.test(l))).toBe(false);
    expect(head[3]!.length).toBeLessThan(head[0]!.length);
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(65);
  });
  it('a row of one text stays as it was', () => {
    const d = doc(mixed().slice(0, 3));
    const text = renderReportText(d, { color: false, width: 160, tz: 'UTC', lang: 'en' });
    expect(text).toMatch(/│ Port through which the Mirai worm spreads\. +│/);
    expect(text).not.toContain('most common of');
  });
});

describe('markdown report', () => {
  it('escapes every log-derived string and keeps table rows intact', () => {
    const evil = makeEvent({ src: { ip: '203.0.113.5' }, annotations: [trojanAnn('Evil|Fam*ily', 4), ann('proxy-hunt', 2, 'a | b <script>')] });
    const md = renderReportMarkdown(doc([evil, ...scenario()]), { tz: 'UTC', lang: 'en' });
    expect(md).toContain('Evil\\|Fam\\*ily');
    expect(md).not.toContain('<script>');
    expect(md).toContain('a \\| b &lt;script&gt;');
    // Every table row has the same number of unescaped pipes as its header.
    const rows = md.split('\n').filter((l) => l.startsWith('| #') || /^\| \d+ \| /.test(l));
    const pipes = (l: string): number => (l.replace(/\\\|/g, '').match(/\|/g) ?? []).length;
    expect(new Set(rows.map(pipes)).size).toBe(1);
    expect(md).toContain('### Top sources');
    expect(md).toContain('### Notable interpretations');
  });
});

describe('per-day rows and keys, whatever the days', () => {
  it('calendarDays and dayNamer do not throw on no days or on keys that are not dates', () => {
    expect(calendarDays([])).toBeNull();
    expect(dayNamer([])('2026-11-20')).toBe('2026-11-20');
    // The day keys of years 999 and 0 before they were padded: no calendar, no crash.
    const odd = [{ day: '0-01-01', packets: 1, blocked: 1 }, { day: '999-01-01', packets: 1, blocked: 1 }, { day: '2024-06-01', packets: 1, blocked: 1 }];
    expect(calendarDays(odd)).toBeNull();
    expect(perDayRow(odd, messages('en').report)).not.toBeNull();
  });

  it('a day key has a four-digit year, as do the times shown', () => {
    expect(dayText(9_990_101)).toBe('0999-01-01');
    expect(dayText(101)).toBe('0000-01-01');
    expect(dayText(20_261_120)).toBe('2026-11-20');
    const y999 = new Date(Date.UTC(999, 0, 1, 12));
    expect(formatDay(y999, 'UTC')).toBe('0999-01-01');
    expect(formatDateTime(y999, 'UTC')).toBe('0999-01-01 12:00:00');
  });
});

describe('the HTML probes card', () => {
  // Pings alone go to no port: the text says "none to a port", and the card read "to 0 ports",
  // as if the count were missing.
  const pings = [0, 1, 2].map((i) => makeEvent({ proto: 'icmp', src: { ip: '203.0.113.9' }, dst: { ip: `192.0.2.${i + 1}` } }));

  it('says that probes with no port went to none, in both languages', () => {
    const d = doc(pings);
    expect(d.probes.ports).toBe(0);
    const en = renderReportHtml(d, { lang: 'en', tz: 'UTC', version: '0' });
    expect(en).toContain('<div class="k">probes</div><div class="v">3</div><div class="t">none to a port</div>');
    expect(en).not.toContain('to 0 ports');
    const zh = renderReportHtml(d, { lang: 'zh', tz: 'UTC', version: '0' });
    expect(zh).toContain('<div class="t">均不涉及端口</div>');
    expect(zh).not.toContain('发往 0 个端口');
  });

  it('marks a capped port count as a floor, as the text does', () => {
    const d = doc([makeEvent({ src: { ip: '203.0.113.9' } })]);
    const capped = { ...d, probes: { ...d.probes, ports: 65_536, portsCapped: true } };
    expect(renderReportHtml(capped, { lang: 'en', tz: 'UTC', version: '0' })).toContain('<div class="t">to ≥65,536 ports</div>');
  });
});

describe('the HTML why cell', () => {
  // "open-proxy hunt (proxy-" at a line's end and "hunt)" on the next: the id a reader gives
  // `logscan explain` must stay whole; the words before it wrap as they like.
  it("keeps an annotation's id in brackets on one line, in both languages; words and other brackets wrap", () => {
    const d = doc([makeEvent({ src: { ip: '203.0.113.9' } })]);
    const why = (explanation: string, lang: 'en' | 'zh') => renderReportHtml({ ...d, sources: [{ ...d.sources[0]!, explanation }] }, { lang, tz: 'UTC', version: '0' });
    const en = why('Sub-7 27374 · open-proxy hunt (proxy-hunt) ×2, SYN from DNS port 53 (srcport-dns-syn), flood (not-an-id)', 'en');
    expect(en).toContain('open-proxy hunt <span class="nw">(proxy-hunt)</span> ×2, SYN from DNS port 53 <span class="nw">(srcport-dns-syn)</span>, flood (not-an-id)');
    expect(why('冰河 7626 · 搜寻开放代理（proxy-hunt）', 'zh')).toContain('搜寻开放代理<span class="nw">（proxy-hunt）</span>');
  });

  it("keeps each date and each time of a source's details whole ('2016-08-' over '05 01:02:25' read as two times)", () => {
    const d = doc([makeEvent({ src: { ip: '203.0.113.9' }, time: new Date('2016-08-05T01:02:25Z') }), makeEvent({ src: { ip: '203.0.113.9' }, time: new Date('2026-01-05T08:52:35Z') })]);
    const html = renderReportHtml(d, { lang: 'en', tz: 'UTC', version: '0' });
    const seen = /<dt>first and last seen<\/dt><dd>(.*?)<\/dd>/.exec(html)?.[1];
    expect(seen).toBe('<span class="nw">2016-08-05</span> <span class="nw">01:02:25</span> → <span class="nw">2026-01-05</span> <span class="nw">08:52:35</span>');
  });
});

describe('the per hour sparkline', () => {
  // An hour without records was a space: "per hour    ▂      █▂   ▁▂ ▂  ▁▁ ▁" read as scattered marks, not a row of 24.
  it('draws an hour with no records as a mark of its own that holds its place, never a bar, with colour or without', () => {
    expect(sparkline([0, 3, 0, 0, 6])).toBe('·▅··█');
    // The lowest bar is "some": 1 packet beside 100 is still no "none".
    expect(sparkline([1, 0, 100])).toBe('▁·█');
    expect(sparkline([0, 0, 0])).toBe('···');
    // Dim on a terminal, a run of empty hours painted once.
    expect(sparkline([0, 0, 2, 0], (s) => `<${s}>`)).toBe('<··>█<·>');
    const sparse = [makeEvent({ src: { ip: '203.0.113.9' }, time: at(3 * 3600) }), makeEvent({ src: { ip: '203.0.113.9' }, dst: { port: 23 }, time: at(9 * 3600) })];
    for (const lang of ['en', 'zh'] as const) {
      const row = renderReportText(doc(sparse), { color: false, width: 80, tz: 'UTC', lang }).split('\n').find((l) => l.startsWith(messages(lang).report.label.perHour))!;
      // 13:00 and 19:00 (UTC) had a packet each; the other 22 hours none.
      expect(row.slice(messages(lang).report.label.perHour.length).trimStart().split('  ')[0]).toBe(Array.from({ length: 24 }, (_, h) => (h === 13 || h === 19 ? '█' : '·')).join(''));
    }
  });
});

describe("a source's details: its findings", () => {
  // The why line names a scan before the trojans it crossed; the details listed them the other way round.
  it('are listed in the order the why line names them', () => {
    const row = doc(scenario()).sources.find((r) => r.ip === '203.0.113.9')!;
    const lines = sourceFacts(row, 'UTC', 'en').find((f) => f.label === messages('en').report.details.findings)!.lines;
    expect(lines.map((l) => row.findings.find((f) => f.text === l)!.id)).toEqual(['vertical-scan', 'null-scan', 'xmas-scan', 'trojan-probe']);
    const places = lines.map((l) => row.explanation.indexOf(l)).filter((i) => i >= 0);
    expect(places.length).toBeGreaterThanOrEqual(2);
    expect(places).toEqual([...places].sort((a, b) => a - b));
  });
});

describe("a source's details: its trojan families", () => {
  // Sub-7 on four ports, NetBus, Back Orifice: the why line names two families, three ports
  // each; the details said the same "+1 more family" where there is room for the whole list.
  const events = [
    ...[1243, 6711, 6776, 27374].map((port, i) => makeEvent({ src: { ip: '203.0.113.9' }, dst: { port }, time: at(i), annotations: [trojanAnn('Sub-7', 4)] })),
    makeEvent({ src: { ip: '203.0.113.9' }, dst: { port: 12345 }, time: at(10), annotations: [trojanAnn('NetBus', 3)] }),
    makeEvent({ proto: 'udp', tcpFlags: null, src: { ip: '203.0.113.9' }, dst: { port: 31337 }, time: at(11), annotations: [trojanAnn('Back Orifice', 3)] }),
  ];
  const row = doc(events).sources.find((r) => r.ip === '203.0.113.9')!;

  it('are all listed with all their ports; the why line stays short', () => {
    const lines = sourceFacts(row, 'UTC', 'en').find((f) => f.label === messages('en').report.details.findings)!.lines;
    expect(lines).toEqual(['Sub-7 1243, 6711, 6776, 27374; Back Orifice 31337/udp; NetBus 12345']);
    expect(row.explanation).toBe('Sub-7 1243, 6711, 6776 +1; Back Orifice 31337/udp; +1 more family');
    const html = renderReportHtml(doc(events), { lang: 'en', tz: 'UTC', version: '0' });
    expect(html.slice(html.indexOf('<details class="more">'))).toContain('<dt>findings</dt><dd>Sub-7 1243, 6711, 6776, 27374; Back Orifice 31337/udp; NetBus 12345</dd>');
  });

  it('a finding whose text is already whole has no second text', () => {
    const one = doc(events.slice(0, 2)).sources[0]!;
    expect(one.findings.find((f) => f.id === 'trojan-probe')).not.toHaveProperty('fullText');
    expect(sourceFacts(one, 'UTC', 'en').find((f) => f.label === messages('en').report.details.findings)!.lines).toEqual(['Sub-7 1243, 6711']);
  });
});

describe("a source's details: its interpretations", () => {
  const d = doc([
    makeEvent({ src: { ip: '203.0.113.9' }, dst: { port: 3128 }, annotations: [ann('proxy-hunt', 2), ann('srcport-dns-syn', 2)] }),
    makeEvent({ src: { ip: '203.0.113.9' }, dst: { port: 8080 }, time: at(5), annotations: [ann('proxy-hunt', 2)] }),
  ]);
  const row = d.sources.find((r) => r.ip === '203.0.113.9')!;
  const details = (html: string) => html.slice(html.indexOf('<details class="more">'), html.indexOf('</details>', html.indexOf('<details class="more">')));

  it('are named in --lang, the id beside each name (text and Markdown details, sourceFacts)', () => {
    const items = (lang: 'en' | 'zh') => sourceFacts(row, 'UTC', lang).find((f) => f.label === messages(lang).report.details.interpretations('packets'))!.items;
    expect(items('en')).toEqual(['open-proxy hunt (proxy-hunt) 2', 'SYN from DNS port 53 (srcport-dns-syn) 1']);
    expect(items('zh')).toEqual(['搜寻开放代理（proxy-hunt）2', '来自 DNS 端口 53 的 SYN（srcport-dns-syn）1']);
  });

  // They were in id order: "ident lookup (ident) 1 · known port (port-known) 31 · …".
  it('are listed busiest first, ties by name as a person reads it (not by id)', () => {
    const busy = doc(
      [['proxy-hunt', 3128], ['solaris-rpc', 32771], ['ident', 113]].map(([id, port], i) =>
        makeEvent({ src: { ip: '203.0.113.9' }, dst: { port: port as number }, time: at(i), annotations: [ann('port-known', 0), ann(id as string, 2)] }),
      ),
    ).sources.find((r) => r.ip === '203.0.113.9')!;
    const items = sourceFacts(busy, 'UTC', 'en').find((f) => f.label === messages('en').report.details.interpretations('packets'))!.items;
    expect(items).toEqual(['known port (port-known) 3', 'ident lookup (ident) 1', 'open-proxy hunt (proxy-hunt) 1', 'Solaris RPC search (solaris-rpc) 1']);
  });

  it("in the HTML disclosure, escaped, each id kept whole on a line as on the why line; never a bare id", () => {
    const en = details(renderReportHtml(d, { lang: 'en', tz: 'UTC', version: '0' }));
    const zh = details(renderReportHtml(d, { lang: 'zh', tz: 'UTC', version: '0' }));
    expect(en).toContain('open-proxy hunt <span class="nw">(proxy-hunt)</span> 2 · SYN from DNS port 53 <span class="nw">(srcport-dns-syn)</span> 1');
    expect(zh).toContain('搜寻开放代理<span class="nw">（proxy-hunt）</span>2 · 来自 DNS 端口 53 的 SYN<span class="nw">（srcport-dns-syn）</span>1');
    for (const html of [en, zh]) expect(html.replace(/<span class="nw">[(（][a-z0-9-]+[)）]<\/span>/g, '')).not.toMatch(/proxy-hunt|srcport-dns-syn/);
  });

  // "(trojan)" was left bare beside "(proxy-hunt)" in its span: every id alike, hyphen or not.
  it('an id without a hyphen is kept whole as one with (trojan, ident), a bracketed word that is no id is not', () => {
    const mixed = doc([
      makeEvent({ src: { ip: '203.0.113.9' }, dst: { port: 3128 }, annotations: [ann('proxy-hunt', 2)] }),
      makeEvent({ src: { ip: '203.0.113.9' }, dst: { port: 27374 }, time: at(5), annotations: [trojanAnn('Sub-7', 4)] }),
    ]);
    const en = details(renderReportHtml(mixed, { lang: 'en', tz: 'UTC', version: '0' }));
    const zh = details(renderReportHtml(mixed, { lang: 'zh', tz: 'UTC', version: '0' }));
    expect(en).toMatch(/trojan or worm port <span class="nw">\(trojan\)<\/span> 1/);
    expect(en).toContain('open-proxy hunt <span class="nw">(proxy-hunt)</span> 1');
    expect(zh).toMatch(/木马或蠕虫端口<span class="nw">（trojan）<\/span>1/);
    const d1 = doc([makeEvent({ src: { ip: '203.0.113.9' } })]);
    const why = renderReportHtml({ ...d1, sources: [{ ...d1.sources[0]!, explanation: 'ident lookup (ident) · 2 packets (tcp)' }] }, { lang: 'en', tz: 'UTC', version: '0' });
    expect(why).toContain('ident lookup <span class="nw">(ident)</span> · 2 packets (tcp)');
  });
});

describe('the HTML zone note', () => {
  // On a phone the Chinese note broke "--tz" after its dashes ("--" at a line's end, "tz" on the
  // next): an option a reader copies must stay whole.
  it('keeps an option name on one line, in both languages', () => {
    const d = { ...doc([makeEvent({ src: { ip: '203.0.113.9' } })]), zonelessTimes: true, tzAssumed: true };
    for (const lang of ['en', 'zh'] as const) {
      const html = renderReportHtml(d, { lang, tz: 'UTC', version: '0' });
      expect(html).toContain('<span class="nw">--tz</span>');
      expect(html).not.toMatch(/[^>]--tz/);
    }
  });
});

describe("a source's details: its TCP flags", () => {
  // One of each flag class nmap names, and a SYN+ACK, which is none of them ("other").
  const flags: string[][] = [['SYN'], [], ['FIN'], ['FIN', 'PSH', 'URG'], ['SYN', 'FIN'], ['ACK'], ['SYN', 'ACK']];
  const events = flags.map((tcpFlags, i) => makeEvent({ src: { ip: '203.0.113.9' }, dst: { port: 1000 + i }, time: at(i), tcpFlags }));
  const row = doc(events).sources.find((r) => r.ip === '203.0.113.9')!;
  const items = (lang: Lang) => sourceFacts(row, 'UTC', lang).find((f) => f.label === messages(lang).report.details.flags)!.items;

  it("are the JSON record's keys in English, as they always read", () => {
    expect(row.tcpFlags).toEqual({ syn: 1, null: 1, fin: 1, xmas: 1, synfin: 1, ack: 1, other: 1 });
    expect(items('en')).toEqual(['syn 1', 'null 1', 'fin 1', 'xmas 1', 'synfin 1', 'ack 1', 'other 1']);
  });

  it('are the flags by their names and "other" in words in Chinese: no English word left (it said "other 1")', () => {
    expect(items('zh')).toEqual(['SYN 1', 'NULL（无标志）1', 'FIN 1', 'XMAS 1', 'SYN+FIN 1', 'ACK 1', '其他 1']);
    const html = renderReportHtml(doc(events, { lang: 'zh' }), { lang: 'zh', tz: 'UTC', version: '0' });
    expect(html).toContain('<dt>TCP 标志（包数）</dt><dd>SYN 1 · NULL（无标志）1 · FIN 1 · XMAS 1 · SYN+FIN 1 · ACK 1 · 其他 1</dd>');
  });
});
