// follow's probe line is clipped to the terminal by display width: a Chinese meaning
// (two columns a character) must not run past the edge.
import pc from 'picocolors';
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/render/box-table.js';
import { alertLine, DayMarker, printsAsProbe, probeLine, runSince, SourceColumn, WIDE_SOURCE_LINES } from '../../src/live/probe-line.js';
import type { Alert } from '../../src/live/alerts.js';
import { makeEvent } from '../helpers/events.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { annotationRoles } from '../../src/annotate/roles.js';
import { loadAnnotationRules } from '../../src/annotate/rules.js';
import { portNames } from '../../src/knowledge/query.js';

const c = pc.createColors(false);

function lineWith(text: string): string {
  const e = makeEvent({ dst: { port: 1001 }, annotations: [{ id: 'trojan', severity: 4, text, ref: '000' }] });
  return probeLine(e, null, 'en', c, 'UTC', 100);
}

describe('probeLine', () => {
  it('clips a Chinese meaning to the width in terminal columns', () => {
    const line = lineWith('Silencer（木马）使用的端口：有人在寻找已被其感染的机器；被拦截的探测并不表示本机已被感染。'.repeat(2));
    expect(line).toContain('— Silencer（木马）使用的端口');
    expect(line.endsWith('…')).toBe(true);
    expect(displayWidth(line)).toBeLessThanOrEqual(100);
    expect(displayWidth(line)).toBeGreaterThanOrEqual(98);
  });

  it('clips English exactly as before', () => {
    const line = lineWith(`Port of the Silencer trojan: ${'x'.repeat(200)}`);
    expect(line.length).toBe(100);
    expect(line.endsWith('x…')).toBe(true);
  });

  it('does not say a reading the port\'s name already says (33434/udp is "traceroute")', () => {
    const kb = loadKnowledge();
    const e = makeEvent({ proto: 'udp', dst: { port: 33434 }, annotations: [{ id: 'traceroute', severity: 1, text: 'UDP traceroute', ref: '002' }] });
    expect(probeLine(e, kb, 'en', c, 'UTC', 100)).toMatch(/→ 33434\/udp {2}traceroute$/);
    // Another id is still listed after the name.
    const sub7 = makeEvent({ dst: { port: 6776 }, annotations: [{ id: 'sub7-retry', severity: 2, text: 'Sub-7', ref: '002' }] });
    expect(probeLine(sub7, kb, 'en', c, 'UTC', 100)).toMatch(/→ 6776\/tcp +\S.* {2}Sub-7 retries$/);
  });

  it('says each interpretation by its name in --lang, never its bare id; several apart by the list separator', () => {
    const kb = loadKnowledge();
    const e = makeEvent({
      dst: { port: 3128 },
      src: { port: 53 },
      annotations: [
        { id: 'srcport-dns-syn', severity: 2, text: 'SYN from 53', ref: '002' },
        { id: 'proxy-hunt', severity: 2, text: 'Proxy hunt', ref: '002' },
      ],
    });
    const en = probeLine(e, kb, 'en', c, 'UTC', 120);
    const zh = probeLine(e, kb, 'zh', c, 'UTC', 120);
    expect(en).toMatch(/→ 3128\/tcp {3}Squid HTTP proxy {2}SYN from DNS port 53, open-proxy hunt$/);
    expect(zh).toMatch(/→ 3128\/tcp {3}Squid HTTP 代理 {2}来自 DNS 端口 53 的 SYN、搜寻开放代理$/);
    for (const line of [en, zh]) expect(line).not.toMatch(/srcport-dns-syn|proxy-hunt/);
    // An id no rule names (a --signatures source port without a rule) is said as it is.
    expect(probeLine(makeEvent({ dst: { port: 3128 }, annotations: [{ id: 'srcport-local-thing', severity: 1, text: 'x', ref: 'local' }] }), kb, 'en', c, 'UTC', 120)).toMatch(/ {2}srcport-local-thing$/);
  });

  // Every repetition the samples' and corpus's probe lines had, in both languages: the
  // rules mark these readings "saidByPortName", so the line ends at the port's name.
  it.each([
    ['tcp', 32885, 'solaris-rpc', 'Solaris RPC services', 'Solaris RPC 服务'],
    ['tcp', 6776, 'sub7-artifact', 'Sub-7 data channel / artifact', 'Sub-7 数据通道 / 残留探测'],
    ['udp', 5632, 'pcanywhere-scan', 'pcAnywhere', 'pcAnywhere'],
    ['udp', 22, 'pcanywhere-scan', 'pcAnywhere discovery (UDP 22)', 'pcAnywhere 发现服务（UDP 22）'],
    ['tcp', 113, 'ident', 'Ident/auth', 'Ident/auth（身份识别）'],
    ['udp', 33434, 'traceroute', 'traceroute', 'traceroute（路由追踪）'],
    ['udp', 6970, 'realaudio', 'RealAudio stream', 'RealAudio 流媒体'],
    ['udp', 7, 'echo-chargen', 'Echo', 'Echo'],
    ['udp', 31790, 'hack-a-tack', 'Hack-a-tack (file transfer)', 'Hack-a-tack（文件传输）'],
  ] as const)('does not say %s/%i\'s %s after the port\'s name, which says it (en and zh)', (proto, port, id, en, zh) => {
    const kb = loadKnowledge();
    const e = makeEvent({ proto, dst: { port }, annotations: [{ id, severity: 1, text: 'x', ref: '002' }] });
    const esc = (t: string) => t.replace(/[()/]/g, '\\$&');
    expect(probeLine(e, kb, 'en', c, 'UTC', 120)).toMatch(new RegExp(`→ ${port}/${proto} +${esc(en)}$`));
    expect(probeLine(e, kb, 'zh', c, 'UTC', 120)).toMatch(new RegExp(`→ ${port}/${proto} +${esc(zh)}$`));
    // The id stays findable: explain takes the reading's name, which the rules still have.
    expect(annotationRoles().name(id, 'en')).not.toBeNull();
  });

  it('still says what the port\'s name does not: another reading, or the reading where the port has no name', () => {
    const kb = loadKnowledge();
    // 6776's name says "Sub-7", not that the source keeps retrying, nor whose traffic it is.
    const sub7 = makeEvent({ dst: { port: 6776 }, annotations: [{ id: 'sub7-artifact', severity: 1, text: 'x', ref: '002' }, { id: 'sub7-retry', severity: 2, text: 'x', ref: '002' }, { id: 'dialup-leftover', severity: 1, text: 'x', ref: '002' }] });
    expect(probeLine(sub7, kb, 'en', c, 'UTC', 140)).toMatch(/→ 6776\/tcp {3}Sub-7 data channel \/ artifact {2}Sub-7 retries, previous holder's traffic$/);
    expect(probeLine(sub7, kb, 'zh', c, 'UTC', 140)).toMatch(/→ 6776\/tcp {3}Sub-7 数据通道 \/ 残留探测 {2}Sub-7 反复重连、拨号\/DHCP 残留$/);
    // XDMCP is an acronym: "X login console search" says what it is.
    const xdmcp = makeEvent({ proto: 'udp', dst: { port: 177 }, annotations: [{ id: 'xdmcp', severity: 1, text: 'x', ref: '002' }] });
    expect(probeLine(xdmcp, kb, 'en', c, 'UTC', 120)).toMatch(/→ 177\/udp {4}XDMCP {2}X login console search$/);
    // Without a port name (no knowledge base) the reading's name is what there is.
    const solaris = makeEvent({ dst: { port: 32885 }, annotations: [{ id: 'solaris-rpc', severity: 1, text: 'x', ref: '002' }] });
    expect(probeLine(solaris, null, 'en', c, 'UTC', 120)).toMatch(/→ 32885\/tcp {2}Solaris RPC search$/);
    expect(probeLine(solaris, null, 'zh', c, 'UTC', 120)).toMatch(/→ 32885\/tcp {2}搜寻 Solaris RPC$/);
  });

  it('marks a reading as said by its port\'s name only where each of its ports has a name, in both languages', () => {
    const kb = loadKnowledge();
    const marked = loadAnnotationRules().rules.filter((r) => r.saidByPortName && r.dstPort !== null);
    expect(new Set(marked.map((r) => r.id)).size).toBeGreaterThanOrEqual(8);
    for (const r of marked) {
      for (const proto of r.proto ?? ['tcp', 'udp']) {
        for (const [lo, hi] of r.dstPort!) {
          for (let port = lo; port <= hi; port++) {
            for (const lang of ['en', 'zh'] as const) expect(portNames(kb, proto, port, lang)[0], `${r.id} ${port}/${proto} ${lang}`).toBeTruthy();
          }
        }
      }
    }
  });

  it('a malware port\'s name says what "trojan or worm port" would: its meaning follows, not that name', () => {
    const kb = loadKnowledge();
    const e = makeEvent({ dst: { port: 27374 }, annotations: [{ id: 'trojan', severity: 4, text: 'Port of the Sub-7 trojan.', ref: '000' }] });
    expect(probeLine(e, kb, 'en', c, 'UTC', 120)).toMatch(/→ 27374\/tcp {2}Sub-7 2\.x \(default\) {2}— Port of the Sub-7 trojan\.$/);
    // With no name for the port, the interpretation's name is what there is.
    expect(probeLine(makeEvent({ dst: { port: 47001 }, annotations: [{ id: 'trojan', severity: 4, text: 'T.', ref: '000' }] }), null, 'en', c, 'UTC', 120)).toMatch(/→ 47001\/tcp {2}trojan or worm port {2}— T\.$/);
  });

  it('names an action other than drop in the reader\'s language, after the destination', () => {
    const e = makeEvent({ action: 'allow', dst: { port: 22 } });
    expect(probeLine(e, null, 'zh', c, 'UTC', 100)).toMatch(/→ 22\/tcp {5}放行$/);
    expect(probeLine(e, null, 'en', c, 'UTC', 100)).toMatch(/→ 22\/tcp {5}allow$/);
    expect(probeLine(makeEvent({ action: 'drop' }), null, 'zh', c, 'UTC', 100)).not.toMatch(/丢弃/);
  });

  it('keeps the source and destination in the same columns whatever the action', () => {
    const arrows = (['drop', 'allow', 'reject'] as const).map((action) => probeLine(makeEvent({ action, dst: { port: 22 } }), null, 'en', c, 'UTC', 100).indexOf('→'));
    expect(new Set(arrows).size).toBe(1);
    expect(arrows[0]).toBe('00:00:00  '.length + 15 + 2);
  });

  it('widens the source column for a longer IPv6 source while it is recent, then an IPv4 stream is back in its columns', () => {
    const col = new SourceColumn();
    // The lines as printed on a 100-column terminal.
    const line = (src: string, port = 22) => probeLine(makeEvent({ src: { ip: src }, dst: { port } }), null, 'en', c, 'UTC', 100, col);
    const arrow = (l: string) => l.indexOf('→');
    const v4 = '00:00:00  '.length + 15 + 2;
    expect(arrow(line('192.0.2.1'))).toBe(v4);
    const v6 = line('2001:0db8:0000:0000:0001:0000:0000:0001');
    expect(v6).toBe('10:00:00  2001:db8::1:0:0:1  → 22/tcp');
    const wide = '00:00:00  '.length + '2001:db8::1:0:0:1'.length + 2;
    // The lines after it, while it is on the screen, line up with it.
    const near = Array.from({ length: WIDE_SOURCE_LINES }, (_, i) => line(`192.0.2.${i + 2}`));
    expect(near.map(arrow)).toEqual(near.map(() => wide));
    expect(near[0]).toBe('10:00:00  192.0.2.2          → 22/tcp');
    // Then the IPv4 lines are back where they were before it, and stay there.
    const later = Array.from({ length: 50 }, (_, i) => line(`192.0.2.${i + 30}`));
    expect(later.map(arrow)).toEqual(later.map(() => v4));
    expect(later[0]).toBe('10:00:00  192.0.2.30       → 22/tcp');
    expect(col.width).toBe(15);
  });

  it('a second IPv6 source while the first is recent keeps the wider column for both, and the window runs from the last', () => {
    const col = new SourceColumn();
    const line = (src: string) => probeLine(makeEvent({ src: { ip: src }, dst: { port: 22 } }), null, 'en', c, 'UTC', 100, col).indexOf('→');
    const at = (n: number) => '00:00:00  '.length + n + 2;
    expect(line('2001:db8:aaaa:bbbb:cccc:dddd:eeee:1')).toBe(at(35));
    for (let i = 0; i < 10; i++) expect(line(`192.0.2.${i}`)).toBe(at(35));
    // Shorter than the one before: the column stays at the widest recent source.
    expect(line('2001:db8::7:1234:5')).toBe(at(35));
    for (let i = 0; i < WIDE_SOURCE_LINES; i++) expect(line(`192.0.2.${i + 20}`)).toBe(at(35));
    expect(line('192.0.2.99')).toBe(at(15));
    // After a quiet stretch a shorter IPv6 source widens it only as far as it needs; one that fits an IPv4 column, not at all.
    expect(line('2001:db8::7:1234:5')).toBe(at(18));
    for (let i = 0; i < WIDE_SOURCE_LINES + 1; i++) line(`192.0.2.${i}`);
    expect(line('2001:db8::7')).toBe(at(15));
    // A source text past any address's length does not stretch the column further.
    line('x'.repeat(200));
    expect(col.width).toBe(45);
  });

  it('colours allow green and reject yellow; "other" (no verdict in the log) is dim, not a warning', () => {
    const col = pc.createColors(true);
    const word = (action: 'allow' | 'reject' | 'other') => probeLine(makeEvent({ action, dst: { port: 22 } }), null, 'en', col, 'UTC', 100);
    expect(word('allow')).toContain(col.green('allow'));
    expect(word('reject')).toContain(col.yellow('reject'));
    expect(word('other')).toContain(col.dim('other'));
    expect(word('other')).not.toContain(col.yellow('other'));
  });

  it('prints probes only: not loopback, replies, LAN chatter, late packets of connections or this side\'s own clients', () => {
    const ann = (id: string) => [{ id, severity: 0 as const, text: id, ref: 'logscan' }];
    expect(printsAsProbe(makeEvent({ dst: { port: 22 } }))).toBe(true);
    expect(printsAsProbe(makeEvent({ src: { ip: '127.0.0.1' }, rule: '[UFW AUDIT]', action: 'other' }))).toBe(false);
    expect(printsAsProbe(makeEvent({ src: { ip: '0000:0000:0000:0000:0000:0000:0000:0001' }, ipVersion: 6 }))).toBe(false);
    expect(printsAsProbe(makeEvent({ annotations: ann('tcp-reply') }))).toBe(false);
    expect(printsAsProbe(makeEvent({ annotations: ann('lan-broadcast') }))).toBe(false);
    // An SSH session's keystrokes that a LOG rule records: a line each, none of them a probe.
    expect(printsAsProbe(makeEvent({ action: 'other', tcpFlags: ['ACK', 'PSH'], annotations: ann('stale-connection') }))).toBe(false);
    expect(printsAsProbe(makeEvent({ direction: 'out', action: 'allow', src: { ip: '192.168.1.10' }, dst: { ip: '198.51.100.9', port: 443 } }))).toBe(false);
  });

  it('leaves no blanks at the end of a line with nothing after the destination', () => {
    const line = probeLine(makeEvent({ dst: { port: 40727 } }), null, 'en', c, 'UTC', 100);
    expect(line).toMatch(/→ 40727\/tcp$/);
    expect(probeLine(makeEvent({ dst: { port: 419 } }), null, 'en', c, 'UTC', 100)).toMatch(/→ 419\/tcp$/);
  });
  it('names an ICMP message type in the reader\'s language, and nothing it does not know', () => {
    const icmp = (proto: string, type: number) => makeEvent({ proto, dst: { port: null }, src: { port: null }, tcpFlags: null, icmp: { type, code: 0 } });
    expect(probeLine(icmp('icmp', 8), null, 'en', c, 'UTC', 100)).toMatch(/→ icmp 8\/0 {3}echo request \(ping\)$/);
    expect(probeLine(icmp('icmp', 8), null, 'zh', c, 'UTC', 100)).toMatch(/→ icmp 8\/0 {3}回显请求（ping）$/);
    expect(probeLine(icmp('icmpv6', 135), null, 'en', c, 'UTC', 100)).toMatch(/→ icmpv6 135\/0 {2}neighbor solicitation$/);
    expect(probeLine(icmp('icmp', 42), null, 'en', c, 'UTC', 100)).toMatch(/→ icmp 42\/0$/);
    // A log that names no type or code (Azure Firewall's structured records): the protocol alone; one of them, the other as `?`.
    const unnamed = (type: number | null, code: number | null) => makeEvent({ proto: 'icmp', dst: { port: null }, src: { port: null }, tcpFlags: null, icmp: { type, code } });
    expect(probeLine(unnamed(null, null), null, 'en', c, 'UTC', 100)).toMatch(/→ icmp$/);
    expect(probeLine(unnamed(3, null), null, 'en', c, 'UTC', 100)).toMatch(/→ icmp 3\/\?/);
    // The ICMP table does not reach TCP: a TCP event with a type-looking number keeps its port name.
    expect(probeLine(makeEvent({ dst: { port: 8 } }), null, 'en', c, 'UTC', 100)).not.toMatch(/echo/);
  });
});

describe('follow: day markers', () => {
  it('a dated line before the first line and the first of each new day, in the zone; nothing for the same day or no time', () => {
    const utc = new DayMarker('UTC');
    expect(utc.next(new Date('2026-11-20T23:00:00Z'))).toBe('── 2026-11-20 ──');
    expect(utc.next(new Date('2026-11-20T23:59:59Z'))).toBeNull();
    expect(utc.next(null)).toBeNull();
    expect(utc.next(new Date('2026-11-21T00:00:00Z'))).toBe('── 2026-11-21 ──');
    // 23:00 UTC is already the next day in Shanghai.
    const sh = new DayMarker('Asia/Shanghai');
    expect(sh.next(new Date('2026-11-20T15:00:00Z'))).toBe('── 2026-11-20 ──');
    expect(sh.next(new Date('2026-11-20T16:00:00Z'))).toBe('── 2026-11-21 ──');
    // Lines out of order across midnight (several hosts through one syslog) mark each change.
    expect(sh.next(new Date('2026-11-20T15:59:00Z'))).toBe('── 2026-11-20 ──');
  });
});

describe('alertLine', () => {
  const alert: Alert = {
    type: 'alert',
    time: '2026-11-20T09:00:03.000Z',
    recordTime: '2026-11-20T09:00:02.000Z',
    source: '203.0.113.7',
    score: 90.66,
    threshold: 50,
    severity: 4,
    explanation: 'vertical scan: 30 ports',
    addressRange: null,
    findings: ['vertical-scan'],
    events: 30,
    packets: 30,
    ports: 30,
    hosts: 1,
    window: { start: '2026-11-20T08:55:00.000Z', ms: 600_000 },
  };

  it('starts with the time of day of the record that raised the score, as a probe line does (in --tz)', () => {
    expect(alertLine(alert, new Date('2026-11-20T06:25:01Z'), 'en', c, 'UTC')).toBe('06:25:01  !! ALERT 203.0.113.7 score 90.7 ≥ 50 vertical scan: 30 ports');
    expect(alertLine(alert, new Date('2026-11-20T06:25:01Z'), 'en', c, 'Asia/Tokyo')).toMatch(/^15:25:01  !! ALERT /);
    expect(alertLine(alert, new Date('2026-11-20T06:25:01Z'), 'zh', c, 'UTC')).toMatch(/^06:25:01  !! 告警 203\.0\.113\.7 评分 90\.7 ≥ 50 /);
  });

  it('a record without a time: when the alert fired', () => {
    expect(alertLine(alert, null, 'en', c, 'UTC')).toMatch(/^09:00:03  !! ALERT /);
  });
});

describe('probe and alert lines fit the width', () => {
  const sub7 = (src: string) =>
    makeEvent({
      src: { ip: src },
      dst: { port: 27374 },
      annotations: [
        { id: 'trojan', severity: 4, text: 'Port of the Sub-7 trojan (2.x, default): someone is looking for machines it infected.', ref: '000' },
        { id: 'sub7-retry', severity: 3, text: 'Sub-7 retries.', ref: '002' },
      ],
    });
  const kb = loadKnowledge();

  it('what follows the destination wraps under the port\'s name, the meaning on a line of its own when the last leaves too little', () => {
    const lines = probeLine(sub7('192.0.2.158'), kb, 'en', c, 'UTC', 65).split('\n');
    expect(lines).toEqual([
      '10:00:00  192.0.2.158      → 27374/tcp  Sub-7 2.x (default)',
      '                                        Sub-7 retries',
      '          — Port of the Sub-7 trojan (2.x, default): someone is …',
    ]);
    // At 100 columns the meaning had 26 left and ran 4 past the edge: a line of its own, under the name.
    expect(probeLine(sub7('192.0.2.158'), kb, 'en', c, 'UTC', 100).split('\n')).toEqual([
      '10:00:00  192.0.2.158      → 27374/tcp  Sub-7 2.x (default)  Sub-7 retries',
      '                                        — Port of the Sub-7 trojan (2.x, default): someone is looki…',
    ]);
    // Wide enough: one line, the meaning clipped to the rest of it, as it always was.
    const wide = probeLine(sub7('192.0.2.158'), kb, 'en', c, 'UTC', 120);
    expect(wide).toMatch(/^10:00:00 {2}192\.0\.2\.158 {6}→ 27374\/tcp {2}Sub-7 2\.x \(default\) {2}Sub-7 retries {2}— Port of the Sub-7 trojan \(2\.x, default\): /);
    expect(displayWidth(wide)).toBeLessThanOrEqual(120);
  });

  it('an IPv6 source that leaves no room after the destination: the rest goes on under the source; Chinese by its two columns', () => {
    for (const lang of ['en', 'zh'] as const) {
      const text = probeLine(sub7('2001:db8:ffff:1234:5678:abcd:ef01:2345'), kb, lang, c, 'UTC', 65, new SourceColumn());
      const lines = text.split('\n');
      expect(lines[0]).toBe('10:00:00  2001:db8:ffff:1234:5678:abcd:ef01:2345  → 27374/tcp');
      expect(lines[1]).toMatch(/^ {10}Sub-7 /);
      for (const l of lines) expect(displayWidth(l), l).toBeLessThanOrEqual(65);
    }
  });
});

describe('alertLine at a narrow width', () => {
  const alert: Alert = {
    type: 'alert',
    time: '2026-11-20T09:00:03.000Z',
    recordTime: '2026-11-20T09:00:02.000Z',
    source: '203.0.113.200',
    score: 55.4,
    threshold: 30,
    severity: 3,
    explanation: 'sweep of 10 hosts on 22/tcp, 23/tcp in 9 s',
    addressRange: null,
    findings: ['horizontal-sweep'],
    events: 27,
    packets: 27,
    ports: 2,
    hosts: 10,
    window: { start: '2026-11-20T08:55:00.000Z', ms: 600_000 },
  };

  it('the why goes on under the alert, not under the time; at 100 columns it is one line', () => {
    expect(alertLine(alert, null, 'en', c, 'UTC', 65).split('\n')).toEqual(['09:00:03  !! ALERT 203.0.113.200 score 55.4 ≥ 30', '          sweep of 10 hosts on 22/tcp, 23/tcp in 9 s']);
    expect(alertLine(alert, null, 'en', c, 'UTC', 100)).toBe('09:00:03  !! ALERT 203.0.113.200 score 55.4 ≥ 30 sweep of 10 hosts on 22/tcp, 23/tcp in 9 s');
    const zh = alertLine({ ...alert, explanation: '10 台主机上的横向扫描（22/tcp、23/tcp），历时 9 秒，另有更多说明文字使这一行很长很长' }, null, 'zh', c, 'UTC', 65);
    for (const l of zh.split('\n')) {
      expect(displayWidth(l), l).toBeLessThanOrEqual(65);
      expect(l).toMatch(/^(09:00:03 {2}| {10})\S/);
    }
  });
});

describe('follow: when a folded run began (runSince)', () => {
  const at = (iso: string): Date => new Date(iso);
  it('the time of day on the day of its latest probe, with the date when it began on another day, in the zone', () => {
    expect(runSince(at('2026-11-20T09:41:07Z'), at('2026-11-20T09:45:00Z'), 'UTC')).toBe('09:41:07');
    expect(runSince(at('2026-11-20T23:58:12Z'), at('2026-11-21T00:03:00Z'), 'UTC')).toBe('11-20 23:58:12');
    // The same instants in Berlin are both on 11-21; in the run's zone, not UTC's, the day counts.
    expect(runSince(at('2026-11-20T23:58:12Z'), at('2026-11-21T00:03:00Z'), 'Europe/Berlin')).toBe('00:58:12');
    // Berlin's midnight is 23:00Z: a run from 22:58Z is dated there, not in UTC.
    expect(runSince(at('2026-11-20T22:58:12Z'), at('2026-11-20T23:03:00Z'), 'Europe/Berlin')).toBe('11-20 23:58:12');
    expect(runSince(at('2026-11-20T22:58:12Z'), at('2026-11-20T23:03:00Z'), 'UTC')).toBe('22:58:12');
    // No zone: the machine's (tests run in Etc/GMT+2, two hours behind UTC).
    expect(runSince(at('2026-11-21T01:58:12Z'), at('2026-11-21T02:03:00Z'), null)).toBe('11-20 23:58:12');
    // Across New Year, the year too.
    expect(runSince(at('2026-12-31T23:58:12Z'), at('2027-01-01T00:01:00Z'), 'UTC')).toBe('2026-12-31 23:58:12');
  });

  it('across a DST change: the wall clock of the zone on each side', () => {
    // Berlin springs forward at 02:00 CET (01:00Z) on 2026-03-29: one day, no date.
    expect(runSince(at('2026-03-29T00:59:30Z'), at('2026-03-29T01:00:10Z'), 'Europe/Berlin')).toBe('01:59:30');
    // New York falls back at 02:00 EDT (06:00Z) on 2026-11-01; a run from 23:58 EDT the evening before is dated.
    expect(runSince(at('2026-11-01T03:58:00Z'), at('2026-11-01T06:30:00Z'), 'America/New_York')).toBe('10-31 23:58:00');
    expect(runSince(at('2026-11-01T05:30:00Z'), at('2026-11-01T06:30:00Z'), 'America/New_York')).toBe('01:30:00');
  });
});
