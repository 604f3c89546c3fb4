// The most probed hosts of this side in every renderer: text (fitted), Markdown, HTML, CSV,
// in English and Chinese; shown only when the probes went to two hosts or more.
import { describe, expect, it } from 'vitest';
import type { FirewallEvent } from '../../src/event.js';
import { Overview } from '../../src/aggregate/overview.js';
import { buildReport, type ReportDoc } from '../../src/aggregate/report.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import type { Lang } from '../../src/knowledge/types.js';
import { Summarizer } from '../../src/aggregate/summary.js';
import { DEFAULT_THRESHOLDS } from '../../src/aggregate/thresholds.js';
import { displayWidth } from '../../src/render/box-table.js';
import { renderReportCsv } from '../../src/render/report-csv.js';
import { renderReportHtml } from '../../src/render/report-html.js';
import { renderReportMarkdown } from '../../src/render/report-markdown.js';
import { renderReportText } from '../../src/render/report-text.js';
import { localClock } from '../../src/render/time-format.js';
import { at, makeEvent } from '../helpers/events.js';
import { trojanAnn } from '../helpers/summary-events.js';

const KB = loadKnowledge();

function doc(events: readonly FirewallEvent[], lang: Lang = 'en', top = 10): ReportDoc {
  const ov = new Overview(localClock('UTC'));
  const sum = new Summarizer(DEFAULT_THRESHOLDS);
  for (const e of events) {
    ov.add(e);
    sum.add(e);
  }
  return buildReport([{ file: 'fw.log', format: 'iptables', formatBy: 'sniff', lines: events.length, events: events.length, skipped: 0, malformed: 0, error: null, incomplete: false }], ov.result(top), KB, lang, {
    summary: sum.result({ kb: KB, lang, limit: top, minSeverity: null }),
    top,
    minSeverity: null,
    filters: { since: null, until: null, sources: [], minSeverity: null },
  });
}

/** A gateway's forwarded probes: a camera's port forward, a NAS, a ping of a third host. */
function gateway(): FirewallEvent[] {
  const fwd = { direction: 'forward' as const, outIface: 'br0' };
  const out: FirewallEvent[] = [];
  for (let i = 0; i < 12; i++) out.push(makeEvent({ ...fwd, time: at(i), src: { ip: `203.0.113.${i % 6}` }, dst: { ip: '192.168.1.20', port: i % 4 === 0 ? 80 : 554 } }));
  for (const port of [22, 22, 445, 5000, 8080]) out.push(makeEvent({ ...fwd, time: at(20), src: { ip: '198.51.100.9' }, dst: { ip: '192.168.1.30', port } }));
  out.push(makeEvent({ ...fwd, proto: 'icmp', time: at(30), src: { ip: '198.51.100.9' }, dst: { ip: '192.168.1.40' } }));
  return out;
}

/** The lines of the table under `title`, up to its bottom border. */
function tableAfter(text: string, title: string): string[] {
  const lines = text.slice(text.indexOf(title)).split('\n');
  return lines.slice(1, lines.findIndex((l) => l.startsWith('└')) + 1);
}

describe('most probed hosts', () => {
  it('a table after the probed ports in text: host, packets, sources, share, busiest ports by name (en, zh)', () => {
    const text = renderReportText(doc(gateway()), { color: false, width: 120, tz: 'UTC', lang: 'en' });
    expect(text.indexOf('Most probed hosts of this side (dropped or rejected: 18 packets)')).toBeGreaterThan(text.indexOf('Top probed ports'));
    const rows = tableAfter(text, 'Most probed hosts').filter((l) => l.startsWith('│')).map((l) => l.split('│').slice(1, -1).map((c) => c.trim()));
    expect(rows[0]).toEqual(['host', 'packets', 'sources', 'share', 'top ports']);
    expect(rows[1]).toEqual(['192.168.1.20', '12', '6', '67%', '554/tcp RTSP; 80/tcp HTTP']);
    // Four ports: the busiest three, ties by port; "…" for the one left.
    expect(rows[2]).toEqual(['192.168.1.30', '5', '1', '28%', '22/tcp SSH; 445/tcp SMB/CIFS; 5000/tcp Application port 5000; …']);
    expect(rows[3]).toEqual(['192.168.1.40', '1', '1', '5.6%', 'icmp']);
    const zh = renderReportText(doc(gateway(), 'zh'), { color: false, width: 120, tz: 'UTC', lang: 'zh' });
    const zhRows = tableAfter(zh, '被探测最多的本方主机（已丢弃或拒绝：18 个包）').filter((l) => l.startsWith('│')).map((l) => l.split('│').slice(1, -1).map((c) => c.trim()));
    expect(zhRows[0]).toEqual(['主机', '包数', '来源数', '占比', '主要端口']);
    expect(zhRows[2]![4]).toBe('22/tcp SSH；445/tcp SMB/CIFS；5000/tcp 5000 应用端口；…');
  });

  it('fits the terminal: at 60 columns the ports go under each host, nothing past the width', () => {
    for (const lang of ['en', 'zh'] as const) {
      for (const width of [60, 80, 120]) {
        const text = renderReportText(doc(gateway(), lang), { color: false, width, tz: 'UTC', lang });
        const table = tableAfter(text, lang === 'en' ? 'Most probed hosts' : '被探测最多的本方主机');
        for (const l of table) expect(displayWidth(l), l).toBeLessThanOrEqual(width);
        expect(table.join('\n')).toContain('192.168.1.30');
      }
    }
    const narrow = tableAfter(renderReportText(doc(gateway()), { color: false, width: 60, tz: 'UTC', lang: 'en' }), 'Most probed hosts');
    expect(narrow.some((l) => l.includes('22/tcp SSH; 445/tcp') && !l.includes('192.168.1.30'))).toBe(true);
  });

  it('no table when the probes reached one host only (the JSON still has its row)', () => {
    const one = doc([makeEvent({ dst: { ip: '192.0.2.1', port: 22 } }), makeEvent({ src: { ip: '203.0.113.99' }, dst: { ip: '192.0.2.1', port: 23 } })]);
    expect(one.targetHosts).toBe(1);
    expect(one.topTargets).toHaveLength(1);
    expect(renderReportText(one, { color: false, width: 100, tz: 'UTC', lang: 'en' })).not.toContain('Most probed hosts');
    expect(renderReportMarkdown(one, { tz: 'UTC', lang: 'en' })).not.toContain('Most probed hosts');
    expect(renderReportHtml(one, { tz: 'UTC', lang: 'en', version: 'test' })).not.toContain('Most probed hosts');
  });

  it('--top bounds the rows; the hosts left out are said with their share', () => {
    const events = Array.from({ length: 10 }, (_, h) => Array.from({ length: h + 1 }, () => makeEvent({ dst: { ip: `192.0.2.${h + 1}`, port: 22 } }))).flat();
    const d = doc(events, 'en', 3);
    expect(d.topTargets.map((t) => t.ip)).toEqual(['192.0.2.10', '192.0.2.9', '192.0.2.8']);
    // 55 packets, the three listed 27 of them: 28 (51%) to 7 others.
    expect(renderReportText(d, { color: false, width: 100, tz: 'UTC', lang: 'en' })).toContain('7 other hosts drew the other 51%.');
    expect(renderReportMarkdown(d, { tz: 'UTC', lang: 'en' })).toContain('7 other hosts drew the other 51%.');
    expect(renderReportText(doc(events, 'zh', 3), { color: false, width: 100, tz: 'UTC', lang: 'zh' })).toContain('另有 7 台主机，占其余的 51%。');
  });

  it('Markdown: a table of its own, the address escaped (en, zh)', () => {
    const md = renderReportMarkdown(doc(gateway()), { tz: 'UTC', lang: 'en' });
    expect(md).toContain('### Most probed hosts of this side (dropped or rejected: 18 packets)\n\n| host | packets | sources | share | top ports |\n');
    expect(md).toContain('| 192.168.1.30 | 5 | 1 | 28% | 22/tcp SSH; 445/tcp SMB/CIFS; 5000/tcp Application port 5000; … |');
    const zh = renderReportMarkdown(doc(gateway(), 'zh'), { tz: 'UTC', lang: 'zh' });
    expect(zh).toContain('### 被探测最多的本方主机（已丢弃或拒绝：18 个包）\n\n| 主机 | 包数 | 来源数 | 占比 | 主要端口 |\n');
  });

  it('HTML: the host heads its row, cards under 900 px, log text escaped (en, zh)', () => {
    const hostile = [...gateway(), makeEvent({ src: { ip: '203.0.113.1' }, dst: { ip: '<img src=x>', port: 22 } })];
    const html = renderReportHtml(doc(hostile), { tz: 'UTC', lang: 'en', version: 'test' });
    const section = html.slice(html.indexOf('<h2>Most probed hosts'), html.indexOf('</section>', html.indexOf('<h2>Most probed hosts')));
    expect(section).toContain('<table class="stack">');
    expect(section).toContain('<th scope="row" data-label="host" class="head"><span class="ip">192.168.1.20</span></th>');
    expect(section).toContain('<td data-label="top ports" class="wide">554/tcp RTSP; 80/tcp HTTP</td>');
    expect(section).toContain('&lt;img src=x&gt;');
    expect(section).not.toContain('<img');
    const zh = renderReportHtml(doc(gateway(), 'zh'), { tz: 'UTC', lang: 'zh', version: 'test' });
    expect(zh).toContain('<h2>被探测最多的本方主机（已丢弃或拒绝：18 个包）</h2>');
    expect(zh).toContain('data-label="主要端口"');
  });

  it('HTML: an IPv6 host, and an interpretation\'s example source, may break after a \':\' only, as the sources table\'s do', () => {
    const src = '2001:db8:1234:5678:9abc:def0:1234:5678';
    const v6 = [0, 1].map((i) => makeEvent({ src: { ip: src }, dst: { ip: `2001:db8:ffff:eeee:dddd:cccc:bbbb:aa0${i}`, port: 27374 }, time: at(i), annotations: [trojanAnn('Sub-7')] }));
    const html = renderReportHtml(doc(v6), { tz: 'UTC', lang: 'en', version: 'test' });
    const broken = (ip: string): string => `<span class="ip v6">${ip.replace(/:/g, ':<wbr>')}</span>`;
    expect(html).toContain(`<th scope="row" data-label="host" class="head">${broken('2001:db8:ffff:eeee:dddd:cccc:bbbb:aa00')}</th>`);
    const interpretations = html.slice(html.indexOf('<h2>Notable interpretations'));
    expect(interpretations).toContain(`<td data-label="e.g. from">${broken(src)}</td>`);
    expect(html).not.toContain('<span class="ip">2001:');
  });

  it('a terminal never gets an escape sequence from a logged address', () => {
    const text = renderReportText(doc([...gateway(), makeEvent({ dst: { ip: '\u001b[31mred', port: 22 } })]), { color: false, width: 100, tz: 'UTC', lang: 'en' });
    expect(text).not.toContain('\u001b');
  });

  it('CSV: --csv-table targets, one row per host', () => {
    const csv = renderReportCsv(doc(gateway()), 'targets');
    expect(csv.split('\r\n')).toEqual([
      'ip,packets,connections,sources,share,ports,other_port_packets,ports_complete',
      '192.168.1.20,12,0,6,0.6667,554/tcp; 80/tcp,0,true',
      '192.168.1.30,5,0,1,0.2778,22/tcp; 445/tcp; 5000/tcp,1,true',
      '192.168.1.40,1,0,1,0.0556,icmp,0,true',
      '',
    ]);
  });
});
