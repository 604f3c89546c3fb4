// `logscan explain`: query parsing (valid and invalid), the render functions, and the
// command as commander runs it.
import { Command } from 'commander';
import pc from 'picocolors';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { answerQuery, registerExplain, runExplain } from '../../src/cli/explain.js';
import { UsageError } from '../../src/errors.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { parseQuery, portNames } from '../../src/knowledge/query.js';
import { displayWidth } from '../../src/render/box-table.js';
import { explainToJson, renderExplainTable, type ExplainJson } from '../../src/render/explain.js';
import { wrapText } from '../../src/render/box-table.js';
import { loadAnnotationRules } from '../../src/annotate/rules.js';
import { FINDING_IDS } from '../../src/aggregate/finding-ids.js';
import { messages } from '../../src/i18n/messages.js';
import { localRule, tempDir, writeDoc } from './helpers.js';

const kb = loadKnowledge();
const answer = (...qs: string[]) => qs.map((q) => answerQuery(kb, parseQuery(q), 'en'));

describe('portNames: what a probed port is known as', () => {
  it("a service's port is not also known as the trojans that once listened on it; a worm's port names the worm; a trojan's port names them all", () => {
    expect(portNames(kb, 'tcp', 80, 'en')).toEqual(['HTTP']);
    expect(portNames(kb, 'tcp', 23, 'en')).toEqual(['Telnet']);
    expect(portNames(kb, 'tcp', 25, 'zh')).toEqual(['SMTP']);
    expect(portNames(kb, 'tcp', 135, 'en')).toEqual(['MS RPC endpoint mapper', 'Blaster worm (RPC/DCOM exploit)']);
    expect(portNames(kb, 'tcp', 6776, 'en').length).toBeGreaterThan(1);
    expect(portNames(kb, 'tcp', 6776, 'en')[0]).toMatch(/Sub-7/);
    expect(portNames(kb, 'tcp', 12345, 'en')).toEqual(['NetBus 1.6/1.7', 'GabanBus trojan']);
    expect(portNames(kb, 'udp', 80, 'en')).toEqual([]);
    expect(portNames(kb, 'icmp', 8, 'en')).toEqual([]);
    // explain still lists every entry on the port.
    expect(answer('80/tcp')[0]!.entries.map((e) => e.name.en)).toEqual(expect.arrayContaining(['HTTP', 'Executor trojan']));
  });
});

describe('parseQuery', () => {
  it.each([
    ['6776', { kind: 'port', port: 6776, protocols: ['tcp', 'udp'] }],
    [' 33500/udp ', { kind: 'port', port: 33500, protocols: ['udp'] }],
    ['80/TCP', { kind: 'port', port: 80, protocols: ['tcp'] }],
    ['0', { kind: 'port', port: 0 }],
    ['65535', { kind: 'port', port: 65535 }],
    ['6970-7170', { kind: 'range', from: 6970, to: 7170, protocols: ['tcp', 'udp'] }],
    ['6970 - 7170/udp', { kind: 'range', from: 6970, to: 7170, protocols: ['udp'] }],
    ['7-7', { kind: 'port', port: 7 }],
    ['sub7', { kind: 'search', term: 'sub7' }],
    ['back-orifice', { kind: 'search', term: 'back-orifice' }],
    ['冰河', { kind: 'search', term: '冰河' }],
    ['8/icmp', { kind: 'icmp', proto: 'icmp', type: 8 }],
    ['135/ICMPv6', { kind: 'icmp', proto: 'icmpv6', type: 135 }],
    ['128/icmp6', { kind: 'icmp', proto: 'icmpv6', type: 128 }],
    ['0/icmp', { kind: 'icmp', type: 0 }],
    // Six digits are no port: a Cisco ASA message id, bare or as its tag is logged.
    ['302014', { kind: 'message', id: '302014' }],
    ['%ASA-6-302014', { kind: 'message', id: '302014' }],
    ['%ASA-6-302014:', { kind: 'message', id: '302014' }],
    ['ftd-4-106023', { kind: 'message', id: '106023' }],
    ['%ASA-session-5-106100:', { kind: 'message', id: '106100' }],
    ['%PIX-2-106001', { kind: 'message', id: '106001', table: 'asaMessages' }],
    // A SonicWall id as its record writes it (a bare 36 is a port).
    ['m=36', { kind: 'message', id: '36', table: 'sonicwallMessages' }],
    ['M=0537', { kind: 'message', id: '537', table: 'sonicwallMessages' }],
    ['36', { kind: 'port', port: 36 }],
  ])('%j', (q, expected) => {
    expect(parseQuery(q)).toMatchObject(expected);
  });

  it.each([
    ['70000', /port 70000 is out of range/],
    ['65536', /out of range/],
    ['abc/tcp', /expected PORT, PORT\/tcp\|udp/],
    ['abc/icmp', /or TYPE\/icmp\|icmpv6/],
    ['5-3', /range start 5 is above its end 3/],
    ['256/icmp', /an ICMP type is one number 0-255/],
    ['3-4/icmp', /an ICMP type is one number 0-255/],
    ['80/sctp', /protocol must be tcp, udp, icmp or icmpv6, not "sctp"/],
    ['-5', /expected PORT/],
    ['1-2-3', /expected PORT/],
    ['', /empty query/],
    ['99999999999999999999', /out of range/],
    // Five or seven digits are neither a port nor a message id.
    ['99999', /port 99999 is out of range/],
    ['3020140', /out of range/],
  ])('%j is a usage error', (q, message) => {
    expect(() => parseQuery(q)).toThrow(UsageError);
    expect(() => parseQuery(q)).toThrow(message);
  });
});

describe('explainQuery', () => {
  it('a port: class, entries for both protocols, source meaning', () => {
    const [r] = answer('53');
    expect(r.classes.map((c) => c.id)).toEqual(['well-known']);
    expect(r.entries.map((e) => e.id)).toEqual(['dns']);
    expect(r.sourceEntries.map((e) => e.id)).toEqual(['srcport-dns', 'srcport-low']);
  });

  it('a range: every overlapping entry, and the classes it spans', () => {
    const [r] = answer('6970-7170');
    expect(r.entries.map((e) => e.id)).toEqual(['realaudio', 'remote-grab-7000', 'weblogic', 'realaudio-control']);
    const [udp] = answer('6970-7170/udp');
    expect(udp.entries.map((e) => e.id)).not.toContain('realaudio-control');
    const [wide] = answer('1000-50000');
    expect(wide.classes.map((c) => c.id)).toEqual(['well-known', 'registered', 'dynamic']);
  });

  it('several queries answer in order', () => {
    expect(answer('1243', '27374', '31337').map((r) => r.entries[0].id)).toEqual(['sub7-1243', 'sub7-27374', 'back-orifice-31337']);
  });
});

describe('Cisco ASA message ids (signatures/asa-messages.json)', () => {
  const table = (q: string, lang: 'en' | 'zh' = 'en', width = 100) => renderExplainTable([answerQuery(kb, parseQuery(q), lang)], kb, { lang, width, color: false });

  it('an id the parser reads: its name and meaning, in either language, from the id or the tag', () => {
    expect(table('302014')).toBe(
      '302014 — Cisco ASA message: TCP connection closed\n' +
        '  An allowed TCP connection ended and left the connection table; the line gives its duration, bytes\n' +
        '  and why it ended (FINs, a reset, an idle timeout).\n' +
        '  source: Cisco Secure Firewall ASA Series Syslog Messages\n',
    );
    expect(table('%ASA-4-106015', 'zh')).toMatch(/^106015 — Cisco ASA 消息：TCP 被拒绝（无连接）\n  一个不是连接首个 SYN 的 TCP 包/);
    const [j] = explainToJson([answerQuery(kb, parseQuery('%FTD-4-106023'), 'zh')], 'zh');
    expect(j).toMatchObject({ query: '%FTD-4-106023', kind: 'message', messageId: '106023', message: { id: '106023', name: '被访问控制列表拒绝' }, entries: [] });
  });

  it('an id the parser does not read: said so, with the ids it reads; JSON message null', () => {
    const t = table('713202', 'en', 200);
    expect(t).toContain('713202 — Cisco ASA message\n  logscan reads no events from this message id, and it is no port (ports end at 65535)');
    expect(t).toContain('The ids logscan reads: 106001, 106006, 106007, ');
    expect(table('713202', 'zh')).toContain('logscan 不从此消息 ID 读取事件');
    const [j] = explainToJson([answerQuery(kb, parseQuery('713202'), 'en')], 'en');
    expect(j).toMatchObject({ kind: 'message', messageId: '713202', message: null });
  });
});

describe("an id's sources", () => {
  const table = (q: string, lang: 'en' | 'zh') => renderExplainTable([answerQuery(kb, parseQuery(q), lang)], kb, { lang, width: 200, color: false });

  it('are joined as the references of an address are, "; " in English, "；" in Chinese (a seed title may hold "、")', () => {
    expect(table('port-known', 'en')).toMatch(/\n {2}source: logscan; [^\n]*seed article 002/);
    expect(table('port-known', 'zh')).toMatch(/\n {2}出处：logscan；[^\n,]*种子文章 002/);
  });
});

describe('SonicWall message ids (signatures/sonicwall-messages.json)', () => {
  const table = (q: string, lang: 'en' | 'zh' = 'en', width = 200) => renderExplainTable([answerQuery(kb, parseQuery(q), lang)], kb, { lang, width, color: false });

  it('m=ID: its name and meaning, in either language; JSON says whose id it is', () => {
    expect(table('m=36')).toMatch(/^m=36 — SonicWall message: TCP packet dropped\n  A TCP packet was dropped by the firewall's access rules/);
    expect(table('m=98', 'zh')).toMatch(/^m=98 — SonicWall 消息：连接建立\n/);
    const [j] = explainToJson([answerQuery(kb, parseQuery('m=537'), 'en')], 'en');
    expect(j).toMatchObject({ kind: 'message', messageId: '537', messageFormat: 'sonicwall', message: { id: '537', name: 'connection closed' } });
    const [asa] = explainToJson([answerQuery(kb, parseQuery('302014'), 'en')], 'en');
    expect(asa).toMatchObject({ messageFormat: 'cisco-asa' });
  });

  it('an id the parser does not read: said so with the SonicWall ids it reads, and no word about ports', () => {
    const t = table('m=99');
    expect(t).toContain('m=99 — SonicWall message\n  logscan reads no events from this message id: a report counts its lines as skipped. The ids logscan reads: 36, 37, 38, 41, 98, 537, 580, 1233, 1235.');
    const [j] = explainToJson([answerQuery(kb, parseQuery('m=99'), 'en')], 'en');
    expect(j).toMatchObject({ kind: 'message', messageId: '99', messageFormat: 'sonicwall', message: null });
  });
});

describe('JSON rendering', () => {
  it('one object per query with the documented fields', () => {
    const [port, range, search] = explainToJson(answer('6776', '6970-7170', 'sub7'), 'zh');
    expect(port).toMatchObject({ query: '6776', kind: 'port', port: 6776, protocols: ['tcp', 'udp'], class: { id: 'registered', name: '注册端口' } });
    expect(port.entries[0]).toEqual({
      id: 'sub7-artifact',
      ports: 6776,
      protocols: ['tcp'],
      // The name follows the language like the text.
      name: 'Sub-7 数据通道 / 残留探测',
      category: 'trojan',
      family: 'Sub-7',
      severity: 1,
      rank: 1,
      text: expect.stringContaining('不代表你已中毒'),
      // The file as the signatures name it, and beside it what a reader is told (zh: the title in Chinese).
      source: '002_7fc6dc8747eb060f.txt',
      sourceTitle: '端口基础知识与防火墙日志解读（种子文章 002）',
    });
    expect(port.sourceEntries).toEqual([]);
    expect(range).toMatchObject({ kind: 'range', range: { from: 6970, to: 7170 }, classes: [{ id: 'registered' }] });
    expect(range.entries[0]).toMatchObject({ id: 'realaudio', ports: '6970-7170' });
    expect(search).toMatchObject({ kind: 'search', term: 'sub7', class: null });
    expect(search.entries).toHaveLength(9);
    expect(Object.keys(search)).not.toContain('port');
  });

  it('source entries carry their annotation id', () => {
    const [r] = explainToJson(answer('53/udp'), 'en');
    expect(r.sourceEntries.map((e) => [e.id, e.annotation])).toEqual([['srcport-dns', 'srcport-dns'], ['srcport-low', 'srcport-low']]);
  });
});

describe('table rendering', () => {
  const render = (width: number, lang: 'en' | 'zh', ...qs: string[]) => renderExplainTable(answer(...qs), kb, { lang, width, color: false });

  it('shows class, destination entries and source meaning', () => {
    const out = render(100, 'en', '53');
    expect(out).toContain('53 (tcp, udp) — well-known port 0-1023');
    expect(out).toContain('As a destination port:');
    expect(out).toContain('[dns]');
    expect(out).toContain('As a source port:');
    expect(out).toContain('[srcport-dns]');
  });

  it('a range inside one port class is "within" it; across classes it "spans" them', () => {
    expect(render(100, 'en', '6970-7170')).toContain('6970-7170 (tcp, udp) — Within: registered port 1024-49151');
    expect(render(100, 'zh', '6970-7170')).toContain('6970-7170（tcp、udp）— 属于：注册端口 1024-49151');
    expect(render(100, 'en', '1000-1100')).toContain('1000-1100 (tcp, udp) — Spans: well-known port 0-1023, registered port 1024-49151');
    expect(render(100, 'zh', '1000-1100')).toContain('1000-1100（tcp、udp）— 跨越：公认端口 0-1023、注册端口 1024-49151');
  });

  it('an unknown port says so, with its class', () => {
    const out = render(100, 'en', '60001');
    expect(out).toContain('60001 (tcp, udp) — dynamic/private port 49152-65535');
    expect(out).toContain('No known meaning as a destination port.');
    expect(out).toContain('No special meaning as a source port.');
  });

  it('speaks Chinese with --lang zh', () => {
    const out = render(100, 'zh', '6776', 'nothing-matches-this');
    expect(out).toContain('注册端口');
    expect(out).toContain('作为目的端口：');
    expect(out).toContain('木马');
    expect(out).toMatch(/Sub-7 按功能建立不同连接/);
    expect(out).toContain('没有与“nothing-matches-this”匹配的条目。');
  });

  it('zh writes a row\'s id as everywhere else in zh, 名称（id）, in both tables, but after a name that ends in a bracket as 名称 · id; en keeps [id]', () => {
    const zh = render(140, 'zh', '27374');
    // The heading binds to neither form the rows use.
    expect(zh).toMatch(/│ 名称 · id +│/);
    // Two brackets in a row read heavy: Sub-7 2.x（默认端口）（sub7-27374）.
    expect(zh).toContain('Sub-7 2.x（默认端口） · sub7-27374');
    expect(zh).not.toMatch(/）（/);
    expect(render(140, 'zh', '1234')).toContain('Sub-7 2.0（sub7-1234）');
    expect(zh).not.toMatch(/\[[a-z0-9-]+\]/);
    const src = render(140, 'zh', '53/udp');
    expect(src).toMatch(/│ 名称 · 解读 id +│/);
    expect(src).toMatch(/（srcport-dns）/);
    expect(src).not.toMatch(/\[[a-z0-9-]+\]/);
    // The traceroute range in zh says what its annotations call it (路由追踪), its English name kept.
    expect(render(100, 'zh', '33500/udp')).toContain('traceroute（路由追踪） · traceroute');
    expect(render(100, 'en', '33500/udp')).toContain('traceroute [traceroute]');
    expect(render(140, 'en', '27374')).toMatch(/│ Name \[id\] +│[^\n]*\n[^\n]*\n[^\n]*Sub-7 2\.x \(default\) \[sub7-27374\]/);
  });

  it('an id wrapped under its name keeps its separator: · rdp, （sub7-1234）, [rdp]; only the id is dim', () => {
    // 80 columns: the three-column table, whose name column is too narrow for name and id.
    const rdp = render(80, 'zh', '3389');
    expect(rdp).toMatch(/│ 远程桌面（RDP） +│[^\n]*\n│ tcp\/udp │ · rdp +│/);
    expect(rdp).not.toMatch(/│ +rdp +│/);
    expect(render(80, 'zh', '27374')).toMatch(/│ +口） +│[^\n]*\n│ +│ · sub7-27374 +│/);
    expect(render(80, 'zh', '1234')).toMatch(/│ Sub-7 2\.0 +│[^\n]*\n│ tcp\/udp │ （sub7-1234） +│/);
    expect(render(80, 'en', '27374')).toMatch(/│ Sub-7 2\.x \(default\) +│[^\n]*\n│ tcp +│ \[sub7-27374\] +│/);
    const coloured = renderExplainTable(answer('3389'), kb, { lang: 'zh', width: 80, color: true });
    expect(coloured).toContain(`· ${pc.createColors(true).dim('rdp')}`);
  });

  it.each([60, 80, 100, 140])('fits a %i-column terminal, in both languages', (width) => {
    for (const lang of ['en', 'zh'] as const) {
      const out = render(width, lang, '6776', '21', '6970-7170', 'netbus');
      for (const line of out.split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(width);
    }
  });

  it('no colour codes when colour is off; colour when on', () => {
    expect(render(100, 'en', '31337')).not.toMatch(/\u001b\[/);
    expect(renderExplainTable(answer('31337'), kb, { lang: 'en', width: 100, color: true })).toMatch(/\u001b\[/);
  });

  it('a wrapped, coloured cell closes its colour before each border (the borders stay plain)', () => {
    // [remote-grab-7000] wraps in the name column at width 32; its dim must not run across '│'.
    const out = renderExplainTable(answer('6970-7170'), kb, { lang: 'en', width: 32, color: true });
    // It wraps (after its '-', by wrapText's separator rule), so the test is not vacuous.
    expect(out).toContain('[remote-grab-');
    expect(out).not.toContain('[remote-grab-7000]');
    for (const line of out.split('\n')) {
      let open = false;
      for (const m of line.matchAll(/\u001b\[(\d+)m|│/g)) {
        if (m[0] === '│') expect(open, line).toBe(false);
        else open = m[1] !== '0' && m[1] !== '22' && m[1] !== '39';
      }
    }
  });

  it('puts the meaning under its row, across the table, where its column would be narrower than 40', () => {
    for (const [width, under] of [[60, true], [80, false], [100, true], [160, false]] as const) {
      const out = renderExplainTable(answer('6776'), kb, { lang: 'en', width, color: false });
      const lines = out.split('\n');
      expect(Math.max(...lines.map((l) => l.length)), `width ${width}`).toBeLessThanOrEqual(width);
      const row = lines.findIndex((l) => l.includes('Sub-7 data channel'));
      const next = lines[row + 1]!;
      if (under) {
        expect(lines.some((l) => /│ Meaning +│/.test(l)), `width ${width}`).toBe(false);
        // Where there is room, the name and its id on one line; the meaning across the table, inside both borders only.
        if (width >= 100) expect(lines[row]).toContain('[sub7-artifact]');
        const note = lines.slice(row + 1).find((l) => l.startsWith('│   '))!;
        expect(note.slice(1, -1).trim().startsWith('Sub-7 opened separate connections'), `width ${width}: ${note}`).toBe(true);
        expect(note.split('│')).toHaveLength(3);
      } else {
        expect(lines.some((l) => /│ Meaning +│/.test(l)), `width ${width}`).toBe(true);
        expect(lines[row]).toContain('│ Sub-7 opened');
        expect(next.split('│')).toHaveLength(lines[row]!.split('│').length);
      }
    }
  });

  it('beside a meaning column of more than 60, a name and its id share a line (140 columns)', () => {
    const out = renderExplainTable(answer('80'), kb, { lang: 'en', width: 140, color: false });
    expect(out).toMatch(/│ Executor trojan \[executor-80\] +│/);
    expect(Math.max(...out.split('\n').map((l) => l.length))).toBeLessThanOrEqual(140);
    // At 120 the meaning has no such room: the name wraps in its column, as before.
    expect(renderExplainTable(answer('80'), kb, { lang: 'en', width: 120, color: false })).not.toMatch(/Executor trojan \[executor-80\]/);
  });

  it('control characters from a local signature are neutralised', () => {
    const dir = tempDir();
    writeDoc(dir, 'ports.json', { schemaVersion: 1, entries: [localRule({ name: 'evil\u001b[2Jname' })] });
    const local = loadKnowledge({ extraDirs: [dir] });
    const out = renderExplainTable([answerQuery(local, parseQuery('9999'), 'en')], local, { lang: 'en', width: 100, color: false });
    expect(out).not.toContain('\u001b');
    expect(out).toContain('\\x1b');
  });
});

describe('annotation and finding ids', () => {
  const ids = (q: string, lang: 'en' | 'zh' = 'en') => answerQuery(kb, parseQuery(q), lang).ids;

  it('an annotation id: its severity (a floor for knowledge-base rules), meaning and source, per-event parts shown as ‹…›', () => {
    expect(ids('trojan-outbound')).toEqual([
      {
        kind: 'annotation',
        id: 'trojan-outbound',
        name: 'outbound to a malware port',
        severity: 4,
        severityIsFloor: true,
        weight: null,
        texts: [expect.stringMatching(/^Sent from your side to the port of the ‹malware name›: a program here/), expect.stringMatching(/^The firewall stopped a packet from your side to the port of the ‹malware name›\. Something here/)],
        when: [expect.stringMatching(/^Let out/), expect.stringMatching(/^Stopped by the firewall/)],
        refs: ['002_7fc6dc8747eb060f.txt'],
      },
    ]);
    expect(ids('adbot-outbound', 'zh')[0]).toMatchObject({ texts: [expect.stringMatching(/正在向其服务器回传/), expect.stringMatching(/被防火墙拦下/)], when: [expect.stringMatching(/^放行/), expect.stringMatching(/^被防火墙拦下/)] });
    expect(ids('proxy-hunt')[0]).toMatchObject({ severity: 2, severityIsFloor: false, texts: [expect.stringContaining('open proxy')] });
    // Eight rules share the id "trojan": for worms, then trojans, blocked, let through between
    // two machines of this side, let in from elsewhere, logged without a verdict: eight meanings.
    expect(ids('trojan')[0].texts).toHaveLength(8);
    expect(ids('trojan')[0].when).toEqual([
      "The port's malware is a worm; blocked (dropped or rejected)",
      "The port's malware is a worm; let through between two machines of this side",
      "The port's malware is a worm; let in (allowed) from elsewhere",
      "The port's malware is a worm; logged without a verdict",
      "The port's malware is a trojan or backdoor; blocked (dropped or rejected)",
      "The port's malware is a trojan or backdoor; let through between two machines of this side",
      "The port's malware is a trojan or backdoor; let in (allowed) from elsewhere",
      "The port's malware is a trojan or backdoor; logged without a verdict",
    ]);
    // Only the blocked ones speak of a blocked probe.
    const blocked = ids('trojan')[0].texts.map((t: string) => /blocked/.test(t));
    expect(blocked).toEqual([true, false, false, false, true, false, false, false]);
    // port-known: its name only between two machines of this side, the port's meaning otherwise.
    expect(ids('port-known')[0]).toMatchObject({
      texts: ['‹port name›: a machine of yours using this service on another machine of yours (a connection the firewall let through between two machines of this side)', '‹port name›: ‹its meaning›'],
      when: ['Let through between two machines of this side', 'Any other packet to the port, read as a probe (from elsewhere, or not logged as allowed)'],
    });
    expect(ids('Sub7-Artifact')[0].id).toBe('sub7-artifact');
  });

  it("an id of several texts says which situation each is for (port-known-own: let out or stopped), in both languages", () => {
    const en = ids('port-known-own')[0]!;
    expect(en.texts).toEqual([expect.stringMatching(/connection to that service$/), expect.stringMatching(/which the firewall stopped/)]);
    expect(en.when).toEqual([expect.stringMatching(/^Let out.*allowed/), expect.stringMatching(/^Stopped.*dropped or rejected/)]);
    const zh = ids('port-known-own', 'zh')[0]!;
    expect(zh.when).toEqual([expect.stringMatching(/放行/), expect.stringMatching(/拦下.*丢弃或拒绝/)]);
    const table = (lang: 'en' | 'zh') => renderExplainTable([answerQuery(kb, parseQuery('port-known-own'), lang)], kb, { lang, width: 100, color: false });
    expect(table('en')).toMatch(/\n {2}Let out [^\n]*:\n {4}‹port name›: this side's own connection to that service\n {2}Stopped [^\n]*:\n {4}‹port name›: this side's own connection to that service, which the firewall stopped/);
    expect(table('zh')).toMatch(/\n {2}放行[^\n]*：\n {4}‹端口名称›：本方主动连接该服务\n {2}被防火墙拦下[^\n]*：\n {4}‹端口名称›：本方主动连接该服务，被防火墙拦下/);
    // One text: nothing to tell apart, so no situation line and the text at the first indent.
    expect(renderExplainTable(answer('proxy-hunt'), kb, { lang: 'en', width: 100, color: false })).not.toMatch(/\n {4}\S/);
  });

  it('every annotation id with several texts names the situation of each, distinct, in both languages; one with a single text names none', () => {
    const annotationIds = new Set(loadAnnotationRules().rules.filter((r) => r.kind !== 'source-port').map((r) => r.id));
    let several = 0;
    for (const lang of ['en', 'zh'] as const) {
      for (const id of annotationIds) {
        const d = ids(id, lang).find((x) => x.kind === 'annotation')!;
        expect(d.when, `${id} ${lang}`).toHaveLength(d.texts.length);
        if (d.texts.length === 1) {
          expect(d.when, id).toEqual([null]);
          continue;
        }
        several++;
        for (const w of d.when) expect(w, `${id} ${lang}`).toMatch(lang === 'zh' ? /[\u4e00-\u9fff]/ : /^[A-Z0-9]/);
        expect(new Set(d.when).size, `${id} ${lang}`).toBe(d.texts.length);
      }
    }
    // srcport-scan, backscatter, tcp-reply, tcp-reply-own, discovery-reply, port-known, port-known-own, trojan-outbound, adbot-outbound, trojan, traceroute, lan-broadcast, four ICMP ids, stale-connection, dialup-leftover, connection-teardown (Cisco ASA, SonicWall).
    expect(several).toBe(2 * 19);
  });

  it('a finding id: its score weight and what it means, in --lang', () => {
    expect(ids('outbound-malware')).toEqual([
      { kind: 'finding', id: 'outbound-malware', name: 'outbound to malware ports', severity: null, severityIsFloor: false, weight: 20, texts: [expect.stringContaining('trojan-outbound, adbot-outbound')], when: [null], refs: [] },
    ]);
    expect(ids('vertical-scan', 'zh')[0].texts[0]).toContain('端口扫描');
  });

  it('every annotation id and every finding id is explained, with no template left unfilled', () => {
    const annotationIds = new Set(loadAnnotationRules().rules.filter((r) => r.kind !== 'source-port').map((r) => r.id));
    for (const lang of ['en', 'zh'] as const) {
      for (const id of [...annotationIds, ...FINDING_IDS]) {
        const found = ids(id, lang);
        expect(found.length, id).toBeGreaterThan(0);
        for (const d of found) for (const t of d.texts) expect(t, `${id} ${lang}`).toMatch(/^[^{}]{10,}$/);
      }
    }
  });

  it('an id alone prints without a "no entries" line; a word that is also a port name gets both', () => {
    const table = (q: string) => renderExplainTable(answer(q), kb, { lang: 'en', width: 100, color: false });
    const alone = table('server-replies');
    expect(alone).toMatch(/^server replies \(server-replies\) — finding of the ranking, score weight 0/);
    expect(alone).not.toContain('No entries match');
    // 110 columns on one line: at 100 the name and what it is go on lines of their own.
    expect(table('late-packets')).toMatch(/^leftovers of old connections \(late-packets\)\n— finding of the ranking, score weight 0[^\n]*\n {2}Most of the source's packets carry ACK or RST and no SYN/);
    const both = table('traceroute');
    // Each is said in words, so the two of one id read apart.
    expect(both).toContain('route tracing (traceroute) — interpretation (annotation id), severity 1');
    expect(both).toContain('incoming traceroutes (traceroute) — finding of the ranking');
    expect(both).toContain('Search "traceroute": 1 entry');
    expect(table('nothing-like-this')).toContain('No entries match "nothing-like-this".');
  });

  it('a query that matches nothing is told what a query can be, in its language; one that matches is not', () => {
    const table = (q: string, lang: 'en' | 'zh' = 'en') => renderExplainTable(answer(q), kb, { lang, width: 100, color: false });
    const none = table('port scan');
    expect(none).toMatch(/^No entries match "port scan"\.\nA query is a port \(22, 33500\/udp/);
    // Each of its examples is a query that answers.
    for (const q of ['ssh', 'sub7', 'trojan', 'vertical-scan', 'port scans']) expect(table(q), q).not.toContain('No entries match');
    for (const line of none.split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(100);
    expect(table('端口扫', 'zh')).toContain('可查询：端口（22、33500/udp');
    expect(table('端口扫描', 'zh')).not.toContain('可查询');
    expect(table('ssh')).not.toContain('A query is');
  });

  it('an id\'s heading fits the terminal: too wide for a line, the name and what it is go on lines of their own', () => {
    const annotationIds = new Set(loadAnnotationRules().rules.filter((r) => r.kind !== 'source-port').map((r) => r.id));
    for (const lang of ['en', 'zh'] as const) {
      for (const width of [65, 80]) {
        for (const id of [...annotationIds, ...FINDING_IDS]) {
          const text = renderExplainTable([answerQuery(kb, parseQuery(id), lang)], kb, { lang, width, color: false });
          for (const line of text.split('\n')) expect(displayWidth(line), `${lang} ${width} ${id}: ${line}`).toBeLessThanOrEqual(width);
        }
      }
    }
    const narrow = renderExplainTable(answer('icmp-error-reply'), kb, { lang: 'en', width: 65, color: false });
    expect(narrow.split('\n').slice(0, 2)).toEqual(['ICMP error about own packet (icmp-error-reply)', '— interpretation (annotation id), severity 0']);
  });

  it("an annotation's name finds it, in either language, as follow's probe lines say it", () => {
    for (const lang of ['en', 'zh'] as const) {
      expect(ids('open-proxy hunt', lang).map((d) => [d.kind, d.id, d.name]), lang).toEqual([['annotation', 'proxy-hunt', lang === 'en' ? 'open-proxy hunt' : '搜寻开放代理']]);
      expect(ids('搜寻开放代理', lang).map((d) => d.id), lang).toEqual(['proxy-hunt']);
    }
    expect(ids('  SYN from  DNS port 53 ')[0]?.id).toBe('srcport-dns-syn');
    expect(ids('hunt')).toEqual([]);
    // A source-port meaning is the knowledge base's to answer (its table): found there by the same name.
    expect(ids('low source port')).toEqual([]);
    expect(answerQuery(kb, parseQuery('low source port'), 'en').sourceEntries.map((e) => e.id)).toEqual(['srcport-low']);
  });

  it("a finding's label finds it, in either language and whatever the --lang, as the report's findings line writes it", () => {
    for (const lang of ['en', 'zh'] as const) {
      expect(ids('木马端口探测', lang).map((d) => [d.kind, d.id]), lang).toEqual([['finding', 'trojan-probe']]);
      expect(ids('trojan port probes', lang).map((d) => [d.kind, d.id]), lang).toEqual([['finding', 'trojan-probe']]);
    }
    // Case and spacing as typed do not matter; a label is found whole, not by a word of it.
    expect(ids('  UDP  Port Scans ')[0]?.id).toBe('udp-scan');
    expect(ids('UDP 端口扫描')[0]?.id).toBe('udp-scan');
    expect(ids('probes')).toEqual([]);
    // A slash in a label does not make it a port query.
    expect(parseQuery('拨号/DHCP 残留流量')).toMatchObject({ kind: 'search' });
    expect(ids('拨号/DHCP 残留流量')[0]?.id).toBe('dialup-leftover');
    expect(() => parseQuery('拨号/tcp')).toThrow(UsageError);
    // Every label finds its own finding, and only it.
    for (const lang of ['en', 'zh'] as const) for (const id of FINDING_IDS) expect(ids(messages(lang).finding.label[id]).map((d) => d.id), `${id} ${lang}`).toEqual([id]);
  });

  it("an annotation's name finds it, in either language, whole, case and spacing as typed; an id stays an id", () => {
    for (const lang of ['en', 'zh'] as const) {
      expect(ids('open-proxy hunt', lang).map((d) => [d.kind, d.id]), lang).toEqual([['annotation', 'proxy-hunt']]);
      expect(ids('搜寻开放代理', lang).map((d) => [d.kind, d.id]), lang).toEqual([['annotation', 'proxy-hunt']]);
    }
    expect(ids('  Open-Proxy   HUNT ')[0]?.id).toBe('proxy-hunt');
    expect(ids('人为构造的 ICMP')[0]?.id).toBe('icmp-bad-code');
    expect(ids('hunt')).toEqual([]);
    expect(ids('low port probed from 20').map((d) => d.id)).toEqual(['srcport-ftp-probe']);
  });

  it('the words of an unquoted label or name are that one query (explain trojan port probes); other words stay separate queries', async () => {
    const run = (q: string[], lang: 'en' | 'zh' = 'en', outputFormat: 'table' | 'json' = 'table') => runExplain(q, { outputFormat, lang, signatures: [], width: 100, color: false });
    for (const lang of ['en', 'zh'] as const) {
      expect(await run(['trojan', 'port', 'probes'], lang), lang).toBe(await run(['trojan port probes'], lang));
      expect(await run(['UDP', '端口扫描'], lang), lang).toBe(await run(['UDP 端口扫描'], lang));
      expect(await run(['open-proxy', 'hunt'], lang), lang).toBe(await run(['open-proxy hunt'], lang));
      expect(await run(['人为构造的', 'ICMP'], lang), lang).toBe(await run(['人为构造的 ICMP'], lang));
    }
    expect(await run(['trojan', 'port', 'probes'])).toMatch(/^trojan port probes \(trojan-probe\) — finding of the ranking/);
    expect(await run(['trojan', 'port', 'probes'], 'zh')).toMatch(/^木马端口探测（trojan-probe） — 检测结果 id/);
    const one = JSON.parse(await run(['trojan', 'port', 'probes'], 'en', 'json')) as ExplainJson[];
    expect(one).toHaveLength(1);
    expect(one[0]!.ids?.map((d) => d.id)).toEqual(['trojan-probe']);
    // Words that are no label together are searched each, as before.
    const two = JSON.parse(await run(['trojan', 'sub7'], 'en', 'json')) as ExplainJson[];
    expect(two).toHaveLength(2);
    const three = JSON.parse(await run(['port', 'probes', 'trojan'], 'en', 'json')) as ExplainJson[];
    expect(three).toHaveLength(3);
    // A quoted query among the words is not glued to them.
    expect(JSON.parse(await run(['trojan port', 'probes'], 'en', 'json'))).toHaveLength(2);
  });

  it("a finding's header names it by its label, the id beside it, in --lang; JSON carries it as name", () => {
    const table = (q: string, lang: 'en' | 'zh') => renderExplainTable([answerQuery(kb, parseQuery(q), lang)], kb, { lang, width: 100, color: false });
    expect(table('trojan-probe', 'en')).toMatch(/^trojan port probes \(trojan-probe\) — finding of the ranking, score weight 15/);
    expect(table('trojan-probe', 'zh')).toMatch(/^木马端口探测（trojan-probe） — 检测结果 id/);
    expect(table('木马端口探测', 'en')).toMatch(/^trojan port probes \(trojan-probe\) — finding of the ranking/);
    // An annotation is named by its rules' name.
    expect(table('trojan-outbound', 'en')).toMatch(/^outbound to a malware port \(trojan-outbound\) — interpretation/);
    const [f, a] = explainToJson(answer('trojan-probe', 'trojan-outbound'), 'en');
    expect(f!.ids?.[0]).toMatchObject({ kind: 'finding', id: 'trojan-probe', name: 'trojan port probes' });
    expect(a!.ids?.[0]).toMatchObject({ kind: 'annotation', id: 'trojan-outbound', name: 'outbound to a malware port' });
    expect(explainToJson([answerQuery(kb, parseQuery('trojan-probe'), 'zh')], 'zh')[0]!.ids?.[0]?.name).toBe('木马端口探测');
  });

  it('JSON: a search carries ids; a port query does not', () => {
    const [word, port] = explainToJson(answer('noise', '80'), 'en');
    expect(word.ids?.map((d) => [d.kind, d.id])).toEqual([['finding', 'noise']]);
    expect(Object.keys(port)).not.toContain('ids');
  });

  it("an id's name heads its block and is its JSON's name, in --lang: the annotation's from annotations.json, the finding's label", () => {
    const zh = renderExplainTable([answerQuery(kb, parseQuery('proxy-hunt'), 'zh')], kb, { lang: 'zh', width: 100, color: false });
    expect(zh).toMatch(/^搜寻开放代理（proxy-hunt） — 解读 id，严重度 2\n/);
    expect(ids('proxy-hunt', 'en')[0].name).toBe('open-proxy hunt');
    expect(ids('noise', 'zh')[0].name).toBe(messages('zh').finding.label.noise);
    const [json] = explainToJson(answer('proxy-hunt'), 'en');
    expect(json.ids?.map((d) => d.name)).toEqual(['open-proxy hunt']);
  });
});

describe('ICMP types', () => {
  it('names the type and what logscan reads into it, in either language', async () => {
    const text = await runExplain(['11/icmp', '8/icmp', '42/icmp'], { outputFormat: 'table', lang: 'en', signatures: [], width: 100, color: false });
    expect(text).toContain('11/icmp — ICMP type 11: time exceeded');
    expect(text).toMatch(/ICMP time exceeded \(icmp-time-exceeded\) — interpretation \(annotation id\), severity 0\n {2}ICMP time exceeded \(type 11\)/);
    expect(text).toContain('8/icmp — ICMP type 8: echo request (ping)');
    expect(text).toMatch(/ping sweeps \(icmp-sweep\) — finding of the ranking/);
    expect(text).toContain('42/icmp — ICMP type 42: not a type logscan names');
    expect(text).toContain('No interpretation or finding of logscan is about this type.');
    const zh = await runExplain(['135/icmpv6'], { outputFormat: 'table', lang: 'zh', signatures: [], width: 100, color: false });
    expect(zh).toContain('135/icmpv6 — ICMPv6 类型 135：邻居请求');
  });

  it('shows only the rules about the type: one of lan-broadcast\'s texts, not all of them', () => {
    const [r] = answer('135/icmpv6');
    expect(r.ids.map((d) => d.id)).toEqual(['lan-broadcast']);
    expect(r.ids[0].texts).toHaveLength(1);
    expect(r.ids[0].texts[0]).toMatch(/ICMPv6 133-137/);
    const all = loadAnnotationRules().rules.filter((x) => x.id === 'lan-broadcast');
    expect(all.length).toBeGreaterThan(1);
    // An IPv4 ICMP type 135 is not neighbour discovery.
    expect(answer('135/icmp')[0].ids).toEqual([]);
    // Echo request is the ping sweep's (and, with a code other than 0, a crafted one's); ICMPv6 has its own number for it.
    expect(answer('128/icmpv6')[0].ids.map((d) => d.id)).toEqual(['icmp-bad-code', 'icmp-sweep']);
    expect(answer('128/icmp')[0].ids).toEqual([]);
  });

  it('JSON: kind icmp with the type and its name, no protocols list', () => {
    const [j] = explainToJson(answer('3/icmp'), 'en');
    expect(j).toMatchObject({ query: '3/icmp', kind: 'icmp', icmp: { proto: 'icmp', type: 3, name: 'destination unreachable' }, entries: [], sourceEntries: [] });
    // An unreachable is an answer: icmp-error-reply when it quotes this side's own packet, icmp-error when the log quotes none.
    expect(j?.ids?.map((d) => d.id)).toEqual(['icmp-error-reply', 'icmp-error']);
    expect(explainToJson(answer('42/icmp'), 'en')[0].ids).toEqual([]);
    expect(j).not.toHaveProperty('protocols');
    expect(explainToJson(answer('99/icmp'), 'en')[0].icmp?.name).toBeNull();
  });
});

describe('searching for ICMP types by word', () => {
  const types = (q: string, lang: 'en' | 'zh' = 'en') => answerQuery(kb, parseQuery(q), lang).icmpTypes.map((m) => `${m.type}/${m.proto}`);

  it('"icmp" and "icmpv6" list every type of their protocol that logscan names, with the ids about each', () => {
    const v4 = answerQuery(kb, parseQuery('ICMP'), 'en').icmpTypes;
    expect(v4.map((m) => m.type)).toEqual([0, 3, 4, 5, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18]);
    expect(v4.every((m) => m.proto === 'icmp')).toBe(true);
    expect(v4.find((m) => m.type === 11)?.ids).toEqual(['icmp-time-exceeded', 'icmp-error-reply', 'icmp-error']);
    expect(v4.find((m) => m.type === 0)?.ids).toEqual(['icmp-bad-code', 'icmp-reply']);
    expect(v4.find((m) => m.type === 5)?.ids).toEqual([]);
    expect(types('icmp6')).toEqual(types('icmpv6'));
    expect(types('icmpv6')).toContain('135/icmpv6');
    expect(types('icmpv6')).not.toContain('8/icmp');
  });

  it('a word finds the types whose name holds it, in either language; short words find none', () => {
    expect(types('ping')).toEqual(['8/icmp', '128/icmpv6']);
    expect(types('Unreachable')).toEqual(['3/icmp', '1/icmpv6']);
    expect(types('不可达')).toEqual(['3/icmp', '1/icmpv6']);
    expect(answerQuery(kb, parseQuery('unreachable'), 'zh').icmpTypes[0]?.name).toBe('目的不可达');
    expect(types('re')).toEqual([]);
    expect(types('sub7')).toEqual([]);
  });

  it('the table lists them aligned instead of "No entries match"; with port entries, above them', () => {
    const table = (q: string, lang: 'en' | 'zh' = 'en') => renderExplainTable([answerQuery(kb, parseQuery(q), lang)], kb, { lang, width: 100, color: false });
    const ping = table('ping');
    // Each id by its name in --lang (an annotation's, a finding's label), the id beside it.
    expect(ping).toBe(
      'ICMP types matching "ping" (`logscan explain TYPE/icmp` for one):\n  8/icmp      echo request (ping)  hand-made ICMP (icmp-bad-code), ping sweeps (icmp-sweep)\n  128/icmpv6  echo request (ping)  hand-made ICMP (icmp-bad-code), ping sweeps (icmp-sweep)\n',
    );
    expect(table('ping', 'zh')).toContain('  8/icmp      回显请求（ping）  人为构造的 ICMP（icmp-bad-code）、ping 存活主机扫描（icmp-sweep）\n');
    const echo = table('echo');
    expect(echo.indexOf('ICMP types matching "echo"')).toBe(0);
    expect(echo).toContain('  0/icmp      echo reply           hand-made ICMP (icmp-bad-code), ICMP reply (icmp-reply)\n');
    // No id stands bare: each is in brackets after its name, in either language.
    for (const lang of ['en', 'zh'] as const) {
      const listed = table('icmp', lang).split('\n').slice(1).join(' ');
      expect(listed).toMatch(/icmp-error-reply/);
      expect(listed.replace(/[(（][a-z0-9-]+[)）]/g, ''), lang).not.toMatch(/\bicmp-[a-z]/);
    }
    // Narrow: the names wrap under the first, whole.
    const narrow = renderExplainTable([answerQuery(kb, parseQuery('time exceeded'), 'en')], kb, { lang: 'en', width: 80, color: false }).split('\n');
    expect(narrow.slice(1, 4)).toEqual([
      '  11/icmp   time exceeded  ICMP time exceeded (icmp-time-exceeded),',
      '                           ICMP error about own packet (icmp-error-reply),',
      '                           ICMP error (icmp-error)',
    ]);
    expect(echo.indexOf('Search "echo": 1 entry')).toBeGreaterThan(echo.indexOf('129/icmpv6'));
  });

  it('JSON: a search carries icmpTypes; other queries do not', () => {
    const [word, port, icmp] = explainToJson(answer('ping', '80', '8/icmp'), 'en');
    expect(word.icmpTypes).toEqual([
      { proto: 'icmp', type: 8, name: 'echo request (ping)', ids: ['icmp-bad-code', 'icmp-sweep'], names: ['hand-made ICMP', 'ping sweeps'] },
      { proto: 'icmpv6', type: 128, name: 'echo request (ping)', ids: ['icmp-bad-code', 'icmp-sweep'], names: ['hand-made ICMP', 'ping sweeps'] },
    ]);
    expect(explainToJson([answerQuery(kb, parseQuery('ping'), 'zh')], 'zh')[0]!.icmpTypes![0]!.names).toEqual(['人为构造的 ICMP', 'ping 存活主机扫描']);
    expect(Object.keys(port)).not.toContain('icmpTypes');
    expect(Object.keys(icmp)).not.toContain('icmpTypes');
  });
});

describe('wrapText', () => {
  it('wraps English at spaces and Chinese anywhere, by display width', () => {
    expect(wrapText('one two three four', 9)).toEqual(['one two', 'three', 'four']);
    expect(wrapText('一二三四五', 4)).toEqual(['一二', '三四', '五']);
    // A short Chinese run after a space goes to the next line whole ("的含义", not "的" / "含义"; box-table.test.ts).
    expect(wrapText('端口 6776 的含义', 8)).toEqual(['端口', '6776', '的含义']);
    expect(wrapText('端口 6776 的含义是什么', 8)).toEqual(['端口', '6776 的', '含义是什', '么']);
    expect(wrapText('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
    expect(wrapText('', 10)).toEqual(['']);
  });
  it('cuts an over-long path or name after one of its separators when that keeps at least half of the line', () => {
    expect(wrapText('/var/log/remote/kern.log.2.gz', 12)).toEqual(['/var/log/', 'remote/kern.', 'log.2.gz']);
    expect(wrapText('elastic-integrations_iptables_basic.log', 16)).toEqual(['elastic-', 'integrations_', 'iptables_basic.', 'log']);
    // A separator early in the piece would leave the line mostly empty: cut at the width instead.
    expect(wrapText('a/bcdefghijklmno', 8)).toEqual(['a/bcdefg', 'hijklmno']);
    for (const text of ['/var/log/remote/kern.log.2.gz', 'x_y-z.w:v,u\\t/s', 'aaaa/bbbb/cccc/dddd']) {
      for (let width = 1; width <= text.length; width++) {
        const lines = wrapText(text, width);
        expect(lines.join('')).toBe(text);
        for (const line of lines) expect(line.length).toBeLessThanOrEqual(width);
      }
    }
  });
  it('keeps Chinese punctuation with what it closes or opens: no line starts with "）" or "；", none ends with "（"', () => {
    expect(wrapText('机器；被拦截', 4)).toEqual(['机', '器；', '被拦', '截']);
    expect(wrapText('字节交换后为 0x0016（22）；以此', 12)).toEqual(['字节交换后为', '0x0016', '（22）；以此']);
    const text = '搜寻代理（SOCKS 1080、Squid 3128、8000/8001/8080/8888）：寻找可匿名使用的代理服务器；聊天室也会这样检查（识别）操作系统。';
    // From 23 columns up, the widest unbreakable run ("8000/8001/8080/8888）：") fits; narrower, it is cut like any over-long word.
    for (let width = 23; width <= 60; width++) {
      const lines = wrapText(text, width);
      expect(lines.join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
      for (const line of lines.slice(1)) expect(line).not.toMatch(/^[）」』】〕》〉、，。：；！？]/u);
      for (const line of lines) expect(line).not.toMatch(/[（「『【〔《〈]$/u);
    }
  });
});

describe('the command', () => {
  afterEach(() => vi.restoreAllMocks());

  async function run(...args: string[]): Promise<string> {
    const program = new Command('logscan').exitOverride();
    registerExplain(program, () => {});
    let out = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      out += String(chunk);
      return true;
    });
    await program.parseAsync(['node', 'logscan', 'explain', ...args]);
    return out;
  }

  it('prints JSON for several queries', async () => {
    const json = JSON.parse(await run('1243', '27374', '31337', '-o', 'json')) as ExplainJson[];
    expect(json.map((r) => r.entries[0].id)).toEqual(['sub7-1243', 'sub7-27374', 'back-orifice-31337']);
  });

  it('takes repeatable --signatures and --lang', async () => {
    const a = tempDir();
    const b = tempDir();
    writeDoc(a, 'ports.json', { schemaVersion: 1, entries: [localRule()] });
    writeDoc(b, 'ports.json', { schemaVersion: 1, entries: [localRule({ id: 'local-other', ports: 9998 })] });
    const out = await run('9999', '9998', '--signatures', a, '--signatures', b, '--lang', 'zh');
    expect(out).toContain('我们的备份代理。');
    expect(out).toContain('（local-other）');
  });

  it('an invalid query is a UsageError (exit 2 in main), nothing printed', async () => {
    await expect(run('80', '70000')).rejects.toThrow(UsageError);
  });

  it('rejects an unknown output format or language', async () => {
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    await expect(run('80', '-o', 'xml')).rejects.toThrow(/Allowed choices are table, json/);
    await expect(run('80', '--lang', 'fr')).rejects.toThrow(/Allowed choices are en, zh/);
  });

  it('runExplain needs at least one query', async () => {
    await expect(runExplain([], { outputFormat: 'table', lang: 'en', signatures: [] })).rejects.toThrow(UsageError);
  });
});
