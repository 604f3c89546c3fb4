// Scenario tests: each builds a small log of one kind of behaviour (plus background),
// and checks the finding and where the source ranks.
import { describe, expect, it } from 'vitest';
import { Summarizer, type RankedSource, type SummaryResult } from '../../src/aggregate/summary.js';
import { DEFAULT_THRESHOLDS, mergeThresholds } from '../../src/aggregate/thresholds.js';
import { at, makeEvent } from '../helpers/events.js';
import { SourceProfile } from '../../src/aggregate/profile.js';
import type { Severity } from '../../src/event.js';
import { trojanFamilies } from '../../src/aggregate/findings.js';
import { annotateOne, annotator, knowledge } from '../annotate/kb.js';
import { trafficKind } from '../../src/aggregate/own-traffic.js';
import { ann, hammer, horizontalSweep, summarize, trojanAnn, verticalScan } from '../helpers/summary-events.js';

function row(r: SummaryResult, ip: string): RankedSource {
  const found = r.sources.find((s) => s.ip === ip);
  if (!found) throw new Error(`no row for ${ip}`);
  return found;
}
const ids = (s: RankedSource): string[] => s.findings.map((f) => f.id);
const order = (r: SummaryResult): string[] => r.sources.map((s) => s.ip);

/** A handful of ordinary one-off probes every log has. */
const background = [
  makeEvent({ src: { ip: '192.0.2.50' }, dst: { port: 22 } }),
  makeEvent({ src: { ip: '192.0.2.51' }, dst: { port: 3389 }, time: at(30) }),
  makeEvent({ src: { ip: '192.0.2.52' }, dst: { port: 445 }, time: at(60), count: 3 }),
];

describe('vertical scan', () => {
  it('1,000 ports on one host in 4 minutes is a vertical scan and ranks first', () => {
    const r = summarize([...background, ...verticalScan('203.0.113.9', 1000, 240)]);
    const s = row(r, '203.0.113.9');
    expect(ids(s)).toContain('vertical-scan');
    expect(s.findings.find((f) => f.id === 'vertical-scan')!.evidence).toMatchObject({ ports: 1000, hosts: 1, durationMs: 240_000 * (999 / 1000) });
    expect(s.explanation).toMatch(/^vertical scan: 1,000 ports in 4 min/);
    expect(s.rank).toBe(1);
    expect(ids(row(r, '192.0.2.50'))).toEqual([]);
  });

  it('14 ports is not a scan (CrowdSec multi_ports needs 15)', () => {
    const r = summarize(verticalScan('203.0.113.9', 14, 10));
    expect(ids(row(r, '203.0.113.9'))).not.toContain('vertical-scan');
    const r2 = summarize(verticalScan('203.0.113.9', 15, 10));
    expect(ids(row(r2, '203.0.113.9'))).toContain('vertical-scan');
  });

  it('breadth beats volume: 1,000 ports / 1,500 packets outrank 40,000 packets to port 23', () => {
    const scan = [...verticalScan('203.0.113.9', 1000, 240), ...verticalScan('203.0.113.9', 500, 240)];
    const telnet = hammer('198.51.100.99', 23, 400, 100);
    const r = summarize([...telnet, ...scan]);
    expect(row(r, '203.0.113.9').packets).toBe(1500);
    expect(row(r, '198.51.100.99').packets).toBe(40_000);
    expect(order(r).slice(0, 2)).toEqual(['203.0.113.9', '198.51.100.99']);
    expect(ids(row(r, '198.51.100.99'))).toEqual(['service-knock']);
    expect(row(r, '198.51.100.99').explanation).toBe('40,000 packets to 23/tcp in 24 h');
  });

  it('an open SSH session (ACK and ACK PSH from one client port, no SYN) is not knocking; the same count of SYNs is', () => {
    const session = Array.from({ length: 45 }, (_, i) =>
      makeEvent({ time: at(i * 3), action: 'other', src: { ip: '192.168.1.5', port: 63644 }, dst: { port: 22 }, tcpFlags: i % 2 ? ['ACK'] : ['ACK', 'PSH'] }),
    );
    const guessing = Array.from({ length: 45 }, (_, i) => makeEvent({ time: at(i * 3), src: { ip: '192.168.1.6', port: 40000 + i }, dst: { port: 22 }, tcpFlags: ['SYN'] }));
    const r = summarize([...session, ...guessing]);
    expect(ids(row(r, '192.168.1.5'))).not.toContain('service-knock');
    expect(ids(row(r, '192.168.1.6'))).toContain('service-knock');
    // A log without TCP flags (a Cisco ASA's) shows no ACKs: its attempts still count.
    const noFlags = Array.from({ length: 45 }, (_, i) => makeEvent({ time: at(i * 3), src: { ip: '192.168.1.7', port: 40000 + i }, dst: { port: 22 }, tcpFlags: null }));
    expect(ids(row(summarize(noFlags), '192.168.1.7'))).toContain('service-knock');
  });

  it('a slow scan (30 ports over 10 hours) is also called slow', () => {
    const r = summarize(verticalScan('203.0.113.20', 30, 36_000));
    const s = row(r, '203.0.113.20');
    expect(ids(s)).toEqual(['vertical-scan', 'slow-scan']);
    expect(s.findings[1]!.text).toBe('slow scan: 30 ports over 9.7 h (3.1/h)');
    // The row says the ports and the time once, and the pace after them.
    expect(s.explanation).toBe('vertical scan: 30 ports in 9.7 h, slowly (3.1 ports/h)');
    const zh = new Summarizer(DEFAULT_THRESHOLDS);
    for (const e of verticalScan('203.0.113.20', 30, 36_000)) zh.add(e);
    expect(zh.result({ kb: null, lang: 'zh' }).sources[0]!.explanation).toMatch(/，慢速（每小时 3\.1 个端口）$/);
  });
});

describe('horizontal sweep', () => {
  it('port 445 on 300 hosts is a sweep and outranks one-off probes', () => {
    const r = summarize([...background, ...horizontalSweep('203.0.113.30', 445, 300)]);
    const s = row(r, '203.0.113.30');
    expect(ids(s)).toEqual(['horizontal-sweep']);
    expect(s.findings[0].evidence).toMatchObject({ hosts: 300, ports: 1, topPorts: ['445/tcp'] });
    expect(s.explanation).toBe('sweep of 300 hosts on 445/tcp in 60 s');
    expect(s.rank).toBe(1);
  });

  it('9 hosts is not a sweep', () => {
    expect(ids(row(summarize(horizontalSweep('203.0.113.30', 445, 9)), '203.0.113.30'))).toEqual([]);
  });

  it('an ICMP echo sweep is an icmp-sweep', () => {
    const pings = Array.from({ length: 20 }, (_, i) => makeEvent({ proto: 'icmp', src: { ip: '203.0.113.31' }, dst: { ip: `198.51.100.${i + 1}` }, time: at(i) }));
    const s = row(summarize(pings), '203.0.113.31');
    expect(ids(s)).toContain('icmp-sweep');
    expect(s.explanation).toContain('ping sweep of 20 hosts');
  });
});

describe('stealth scans by TCP flags', () => {
  const flags = { null: [] as string[], fin: ['FIN'], xmas: ['FIN', 'PSH', 'URG'], synfin: ['SYN', 'FIN'], ack: ['ACK'] };

  it.each([
    ['null-scan', flags.null],
    ['fin-scan', flags.fin],
    ['xmas-scan', flags.xmas],
    ['synfin-scan', flags.synfin],
    ['ack-scan', flags.ack],
  ])('%s over 20 ports', (id, tcpFlags) => {
    const r = summarize([...background, ...verticalScan('203.0.113.40', 20, 5, { tcpFlags })]);
    const s = row(r, '203.0.113.40');
    expect(ids(s)).toContain(id);
    expect(s.rank).toBe(1);
    expect(s.findings.find((f) => f.id === id)!.severity).toBeGreaterThanOrEqual(2);
  });

  it('a single NULL or XMAS packet is enough (psad: 1 port for scan flags)', () => {
    const r = summarize([
      makeEvent({ src: { ip: '203.0.113.41' }, tcpFlags: [] }),
      makeEvent({ src: { ip: '203.0.113.42' }, tcpFlags: ['URG', 'PSH', 'FIN'] }),
      ...background,
    ]);
    expect(ids(row(r, '203.0.113.41'))).toEqual(['null-scan']);
    expect(ids(row(r, '203.0.113.42'))).toEqual(['xmas-scan']);
    expect(order(r).slice(0, 2).sort()).toEqual(['203.0.113.41', '203.0.113.42']);
  });

  it('a lone FIN or ACK (late packet of a real connection) is not a scan', () => {
    const r = summarize([makeEvent({ src: { ip: '203.0.113.43' }, tcpFlags: ['FIN', 'ACK'] }), makeEvent({ src: { ip: '203.0.113.44' }, tcpFlags: ['ACK'] })]);
    expect(ids(row(r, '203.0.113.43'))).toEqual([]);
    expect(ids(row(r, '203.0.113.44'))).toEqual([]);
  });

  it('NULL and XMAS from one source are merged in the explanation', () => {
    const ev = [...verticalScan('203.0.113.45', 20, 5, { tcpFlags: [] }), makeEvent({ src: { ip: '203.0.113.45' }, tcpFlags: ['FIN', 'PSH', 'URG'], dst: { port: 100 } })];
    expect(row(summarize(ev), '203.0.113.45').explanation).toBe('vertical scan: 21 ports in 5 s · NULL and XMAS probes');
  });
});

describe('udp scan', () => {
  it('many UDP ports is a udp-scan, not a vertical (TCP) scan', () => {
    const s = row(summarize(verticalScan('203.0.113.50', 100, 20, { proto: 'udp', tcpFlags: null })), '203.0.113.50');
    expect(ids(s)).toEqual(['udp-scan']);
  });
});

describe('Sub-7 campaign', () => {
  const sub7 = [1243, 6776, 27374].flatMap((port, i) =>
    Array.from({ length: 3 }, (_, k) => makeEvent({ src: { ip: '203.0.113.60' }, dst: { ip: `198.51.100.${k + 1}`, port }, time: at(i * 60 + k), annotations: [trojanAnn('Sub-7', 3)] })),
  );

  it('names the family and the ports, and ranks above ordinary probes', () => {
    const r = summarize([...background, ...sub7, ...hammer('192.0.2.60', 80, 10, 5)]);
    const s = row(r, '203.0.113.60');
    expect(ids(s)).toEqual(['trojan-probe']);
    expect(s.findings[0].evidence).toEqual({ families: ['Sub-7'], ports: ['1243', '6776', '27374'], packets: 9, incidental: false });
    expect(s.findings[0].severity).toBe(3);
    expect(s.explanation).toBe('Sub-7 1243, 6776, 27374');
    expect(s.rank).toBe(1);
  });

  it('a single Back Orifice probe still shows: a finding and a notable interpretation', () => {
    const bo = makeEvent({ proto: 'udp', tcpFlags: null, src: { ip: '203.0.113.61' }, dst: { port: 31337 }, annotations: [trojanAnn('Back Orifice', 4)] });
    const dns = makeEvent({ src: { ip: '203.0.113.62', port: 53 }, dst: { port: 8080 }, annotations: [ann('srcport-dns', 1, 'Source port 53: a DNS reply — or the old trick')] });
    const r = summarize([...hammer('192.0.2.70', 22, 50, 20), bo, dns]);
    expect(ids(row(r, '203.0.113.61'))).toEqual(['trojan-probe']);
    expect(row(r, '203.0.113.61').explanation).toBe('Back Orifice 31337/udp');
    expect(row(r, '203.0.113.62').explanation).toBe('DNS server replies (1 packet to client ports)');
    const notes = r.interpretations.map((i) => i.id);
    expect(notes).toEqual(['trojan', 'srcport-dns']);
    expect(r.interpretations[0]).toMatchObject({ severity: 4, events: 1, sources: 1, topSources: [{ ip: '203.0.113.61', packets: 1 }] });
    expect(r.interpretations[1].text).toContain('Source port 53');
  });
});

describe('trojan probes kept per source', () => {
  const probe = (port: number, severity: Severity, count = 1) =>
    makeEvent({ src: { ip: '203.0.113.91' }, dst: { port }, count, time: at(port), annotations: [trojanAnn(`Family${port % 3}`, severity)] });
  const profileOf = (events: ReturnType<typeof probe>[]) => {
    const p = new SourceProfile('203.0.113.91');
    for (const e of events) p.add(e, DEFAULT_THRESHOLDS);
    return p;
  };

  it('sums packets and keeps the highest severity per port, up to limits.maxTrojanPorts ports', () => {
    const cap = DEFAULT_THRESHOLDS.limits.maxTrojanPorts;
    const events = [probe(1243, 2, 3), probe(1243, 4, 2), probe(1243, 3), ...Array.from({ length: cap + 5 }, (_, i) => probe(20000 + i, 3))];
    const p = profileOf(events);
    expect(p.trojanPorts).toBe(cap);
    const rows = new Map(p.trojans());
    expect(rows.get(1243)).toMatchObject({ packets: 6, severity: 4 });
    expect(rows.has(20000 + cap - 2)).toBe(true);
    expect(rows.has(20000 + cap - 1)).toBe(false);
  });

  it('merged from two parts, the same ports, packets and severities as one pass', () => {
    const events = [probe(1243, 2), probe(6776, 3), probe(1243, 4, 5), probe(31337, 5), probe(6776, 1, 2)];
    const whole = profileOf(events);
    const a = profileOf(events.slice(0, 2));
    a.merge(profileOf(events.slice(2)), DEFAULT_THRESHOLDS);
    const sorted = (p: SourceProfile) => [...p.trojans()].sort((x, y) => x[0] - y[0]);
    expect(sorted(a)).toEqual(sorted(whole));
    expect(sorted(whole).map(([k, v]) => [k, v.packets, v.severity])).toEqual([[1243, 6, 4], [6776, 3, 3], [31337, 1, 5]]);
  });
});

describe('a machine on this side talking to malware ports', () => {
  // Egress drops from an inside host (as in samples/iptables.log): Slammer's port, the adbot, and mail/IRC.
  const inside = '172.16.5.2';
  const out = (proto: string, port: number, sec: number) =>
    annotateOne({ proto, tcpFlags: proto === 'tcp' ? ['SYN'] : null, direction: 'out', inIface: null, outIface: 'eth0', time: at(sec), src: { ip: inside, port: 40000 + sec }, dst: { ip: `203.0.113.${sec + 1}`, port } });
  const egress = [out('udp', 1434, 0), out('tcp', 17027, 10), out('tcp', 17027, 12), out('tcp', 6667, 20), out('tcp', 25, 30)];

  it('is an outbound-malware finding naming the families, and outranks one-off inbound trojan probes', () => {
    expect(egress.map((e) => e.annotations.map((a) => a.id).filter((id) => id.endsWith('-outbound')))).toEqual([['trojan-outbound'], ['adbot-outbound'], ['adbot-outbound'], ['irc-outbound'], ['smtp-outbound']]);
    const bo = makeEvent({ proto: 'udp', tcpFlags: null, src: { ip: '203.0.113.61' }, dst: { port: 31337 }, annotations: [trojanAnn('Back Orifice', 4)] });
    const s = new Summarizer(DEFAULT_THRESHOLDS);
    for (const e of [bo, ...background, ...egress]) s.add(e);
    const r = s.result({ kb: knowledge(), lang: 'en' });
    const host = row(r, inside);
    expect(ids(host)).toEqual(['outbound-malware', 'outbound-blocked']);
    expect(host.findings[0]).toMatchObject({ severity: 4, evidence: { families: ['SQL Slammer', 'Conducent'], ports: ['1434/udp', '17027'], packets: 3 } });
    expect(host.explanation).toBe('outbound to malware ports: SQL Slammer 1434/udp; Conducent 17027 · blocked going out: direct mail (25/tcp), IRC');
    expect(order(r).slice(0, 2)).toEqual([inside, '203.0.113.61']);
    const zh = s.result({ kb: knowledge(), lang: 'zh' });
    expect(row(zh, inside).explanation).toBe('本方主动外连恶意软件端口：SQL Slammer 1434/udp；Conducent 17027 · 外连被拦截：直接发信（25/tcp）、IRC');
  });

  it('ranks above every outside source, however wide its scan; the score stays its own', () => {
    const scanner = Array.from({ length: 300 }, (_, i) => makeEvent({ src: { ip: '198.51.100.77' }, dst: { port: 1000 + i }, time: at(i) }));
    const one = egress.slice(0, 1);
    const r = summarize([...scanner, ...one]);
    expect(order(r)).toEqual([inside, '198.51.100.77']);
    expect(row(r, inside).score).toBeLessThan(row(r, '198.51.100.77').score);
    expect(r.sources.map((x) => x.rank)).toEqual([1, 2]);
    // The blocklist's minimum score still stops at the first outside source below it.
    const s = new Summarizer(DEFAULT_THRESHOLDS);
    for (const e of [...scanner, ...one]) s.add(e);
    const high = row(r, '198.51.100.77').score;
    expect(s.result({ kb: null, lang: 'en', minScore: high }).sources.map((x) => x.ip)).toEqual(['198.51.100.77']);
    expect(s.result({ kb: null, lang: 'en', minScore: high + 1 }).sources).toEqual([]);
  });

  it('high for a trojan or worm port (a machine of yours uses it); the adbot alone is low', () => {
    expect(row(summarize(egress.slice(0, 1)), inside).findings[0]).toMatchObject({ id: 'outbound-malware', severity: 4 });
    expect(row(summarize(egress.slice(1, 3)), inside).findings[0]).toMatchObject({ id: 'outbound-malware', severity: 2 });
  });

  it('blocked going out to IRC and straight to mail servers: outbound-blocked (medium), not outbound-malware', () => {
    const r = summarize(egress.slice(3));
    const host = row(r, inside);
    expect(ids(host)).toEqual(['outbound-blocked']);
    expect(host.findings[0]).toMatchObject({ severity: 3, evidence: { annotations: ['smtp-outbound', 'irc-outbound'], packets: 2 } });
    expect(host.explanation).toBe('blocked going out: direct mail (25/tcp), IRC');
  });

  it('names the processes a Windows Firewall log gives for it (pid): each finding its own, where the advice is to find the process', () => {
    const pids = [4321, 10452, 10452, 2220, null];
    const named = egress.map((e, i) => ({ ...e, pid: pids[i]! }));
    const s = new Summarizer(DEFAULT_THRESHOLDS);
    for (const e of named) s.add(e);
    const host = row(s.result({ kb: knowledge(), lang: 'en' }), inside);
    expect(host.findings.map((f) => [f.id, f.evidence.pids])).toEqual([['outbound-malware', [4321, 10452]], ['outbound-blocked', [2220]]]);
    expect(host.explanation).toBe('outbound to malware ports: SQL Slammer 1434/udp; Conducent 17027, logged with pids 4321, 10452 · blocked going out: direct mail (25/tcp), IRC, logged with pid 2220');
    expect(row(s.result({ kb: knowledge(), lang: 'zh' }), inside).explanation).toContain('外连被拦截：直接发信（25/tcp）、IRC，日志记录的进程 PID 2220');
  });

  it('names at most four processes, "…" for more; a log without pids names none (pids [])', () => {
    const many = Array.from({ length: 7 }, (_, i) => ({ ...egress[4]!, time: at(40 + i), pid: 100 + i }));
    const host = row(summarize(many), inside);
    expect(host.findings[0]!.evidence.pids).toEqual([100, 101, 102, 103, 104]);
    expect(host.explanation).toBe('blocked going out: direct mail (25/tcp), logged with pids 100, 101, 102, 103, …');
    expect(row(summarize(egress), inside).findings.map((f) => f.evidence.pids)).toEqual([[], []]);
  });

  it('allowed, the same connections are ordinary client traffic; inbound to those ports, probes', () => {
    const allowed = egress.slice(3).map((e) => annotateOne({ ...e, annotations: [], action: 'allow' }));
    expect(allowed.flatMap((e) => e.annotations.map((a) => a.id))).toEqual(['port-known-own', 'port-known-own']);
    expect(summarize(allowed).sources).toEqual([]);
    const inbound = annotateOne({ proto: 'tcp', tcpFlags: ['SYN'], src: { ip: '203.0.113.70' }, dst: { ip: '198.51.100.10', port: 25 } });
    expect(inbound.annotations.map((a) => a.id)).not.toContain('smtp-outbound');
  });

  it('merged from two parts, the same finding as one pass', () => {
    const t = DEFAULT_THRESHOLDS;
    const whole = new SourceProfile(inside);
    for (const e of egress) whole.add(e, t);
    const [a, b] = [new SourceProfile(inside), new SourceProfile(inside)];
    egress.forEach((e, i) => (i < 2 ? a : b).add({ ...e, pid: 7 + i }, t));
    a.merge(b, t);
    expect([a.outboundPids, a.blockedPids]).toEqual([[7, 8, 9], [10, 11]]);
    const sorted = (p: SourceProfile) => [...p.outbound()].sort((x, y) => x[0] - y[0]).map(([k, v]) => [k, v.packets, v.severity]);
    expect(sorted(a)).toEqual(sorted(whole));
    expect(sorted(whole)).toEqual([[17027, 2, 2], [65536 + 1434, 1, 4]]);
  });
});

describe('trojan families without a knowledge base', () => {
  it('are read from the texts the annotator writes, in both text shapes', () => {
    const ports: [string, number][] = [['tcp', 1243], ['tcp', 1011], ['tcp', 2001], ['tcp', 52869], ['udp', 1434], ['tcp', 666], ['tcp', 7626]];
    const probes = ports.map(([proto, port], i) => annotateOne({ proto, src: { ip: '203.0.113.90' }, dst: { port }, time: at(i) }));
    const p = new SourceProfile('203.0.113.90');
    for (const e of probes) p.add(e, DEFAULT_THRESHOLDS);
    const fromText = trojanFamilies(p, null, 'en').map((f) => f.family).sort();
    expect(fromText).toEqual(trojanFamilies(p, knowledge(), 'en').map((f) => f.family).sort());
    expect(fromText).toEqual(['Attack FTP', 'Doly Trojan', 'Glacier (冰河)', 'Millennium', 'Mirai', 'SQL Slammer', 'Sub-7']);
    // The knowledge base names the family in the report's language for the texts; the evidence keeps the English name.
    const glacier = trojanFamilies(p, knowledge(), 'zh').find((f) => f.ports.includes('7626'));
    expect(glacier).toMatchObject({ family: 'Glacier (冰河)', name: '冰河' });
  });
});

describe('every trojan, worm and backdoor port of the knowledge base', () => {
  // A family is a name the why line and a source's details list ("DameWare remote admin 6129"),
  // never the annotation text cut short ("DameWare 远程管理（蠕虫攻击目标）（后门）使用的端口：有人…"):
  // each such entry gives one, in both languages, from the knowledge base as a report uses it.
  it('gives a family name, whole, in English and Chinese', () => {
    const kb = knowledge();
    const malware = kb.entries.filter((e) => ['trojan', 'worm', 'backdoor'].includes(e.category));
    expect(malware.length).toBeGreaterThan(100);
    let named = 0;
    for (const entry of malware) {
      for (const proto of entry.protocols) {
        for (const lang of ['en', 'zh'] as const) {
          const probe = annotateOne({ proto, src: { ip: '203.0.113.91' }, dst: { port: entry.from } }, { lang });
          const p = new SourceProfile('203.0.113.91');
          p.add(probe, DEFAULT_THRESHOLDS);
          for (const f of trojanFamilies(p, kb, lang)) {
            named++;
            expect(f.name, `${entry.id} ${proto} ${lang}`).not.toMatch(/…|:|：|^$/);
            expect(f.family, `${entry.id} ${proto} ${lang}`).not.toMatch(/…|:|：|^$/);
          }
        }
      }
    }
    expect(named).toBeGreaterThan(200);
  });
});

describe('interpretation example', () => {
  it('"e.g. from" is a source the shown text is about, also after merging parts, not just the busiest source of the id', () => {
    const probe = (ip: string, port: number, family: string, count: number) =>
      makeEvent({ src: { ip }, dst: { port }, count, annotations: [trojanAnn(family, 4)] });
    // Sub-7's one source is the busiest; Back Orifice's text is the most frequent (5 + 4 + 3 packets).
    const events = [probe('203.0.113.1', 1243, 'Sub-7', 10), probe('198.51.100.3', 31337, 'Back Orifice', 3), probe('198.51.100.2', 31337, 'Back Orifice', 4), probe('198.51.100.1', 31337, 'Back Orifice', 5)];
    const whole = summarize(events).interpretations[0];
    expect(whole.topSources[0]).toEqual({ ip: '203.0.113.1', packets: 10 });
    expect(whole.text).toMatch(/Back Orifice/);
    expect(whole.textSource).toBe('198.51.100.1');
    // The row mixes two texts: the one shown covers 12 of its 22 packets.
    expect(whole).toMatchObject({ packets: 22, textPackets: 12, texts: 2, textsCapped: false, textTied: false });

    const [a, b] = [new Summarizer(DEFAULT_THRESHOLDS), new Summarizer(DEFAULT_THRESHOLDS)];
    events.forEach((e, i) => (i % 2 === 0 ? a : b).add(e));
    a.merge(b);
    expect(a.result({ kb: null, lang: 'en' }).interpretations[0]).toMatchObject({ text: whole.text, textSource: '198.51.100.1', textPackets: 12, texts: 2 });
  });

  it('a source repeating its packets back to back, with texts in turns, counts as each came, also past the cap of sources per id', () => {
    const probe = (ip: string, port: number, family: string, count = 1) => makeEvent({ src: { ip }, dst: { port }, count, annotations: [trojanAnn(family, 4)] });
    // 1,000 sources fill the id's list; the 1,001st is never listed, however often it repeats.
    const filler = Array.from({ length: 1000 }, (_, i) => probe(`10.0.${i >> 8}.${i & 255}`, 1243, 'Sub-7'));
    const late = ['Back Orifice', 'Back Orifice', 'Sub-7', 'Back Orifice'].map((f) => probe('203.0.113.99', f === 'Sub-7' ? 1243 : 31337, f, 5));
    const busy = [probe('10.0.0.7', 31337, 'Back Orifice', 600), probe('10.0.0.7', 31337, 'Back Orifice', 600), probe('10.0.0.7', 1243, 'Sub-7', 2)];
    const row = summarize([...filler, ...late, ...busy]).interpretations[0];
    expect(row).toMatchObject({ sources: 1000, sourcesCapped: true, packets: 1000 + 20 + 1202 });
    expect(row.topSources[0]).toEqual({ ip: '10.0.0.7', packets: 1203 });
    expect(row.topSources.map((x) => x.ip)).not.toContain('203.0.113.99');
    // Back Orifice's 1,215 packets make it the text; its busiest listed source is the one that had it.
    expect(row).toMatchObject({ textPackets: 1215, texts: 2 });
    expect(row.text).toMatch(/Back Orifice/);
    expect(row.textSource).toBe('10.0.0.7');
  });

  it('a row of one text says so: texts 1, all its packets', () => {
    const one = summarize([1, 2, 3].map((i) => makeEvent({ src: { ip: `198.51.100.${i}` }, dst: { port: 31337 }, annotations: [trojanAnn('Back Orifice', 4)] }))).interpretations[0];
    expect(one).toMatchObject({ packets: 3, textPackets: 3, texts: 1, textsCapped: false, textTied: false });
  });

  it('a row whose two most common texts have as many packets says the shown one is tied, whichever order they came in', () => {
    const probe = (ip: string, port: number, family: string) => makeEvent({ src: { ip }, dst: { port }, annotations: [trojanAnn(family, 4)] });
    const events = [probe('203.0.113.1', 1243, 'Sub-7'), probe('203.0.113.2', 31337, 'Back Orifice'), probe('203.0.113.3', 1243, 'Sub-7'), probe('203.0.113.4', 31337, 'Back Orifice'), probe('203.0.113.5', 12345, 'NetBus')];
    const row = summarize(events).interpretations[0];
    expect(row).toMatchObject({ packets: 5, textPackets: 2, texts: 3, textTied: true });
    expect(summarize([...events].reverse()).interpretations[0]).toMatchObject({ text: row.text, textPackets: 2, textTied: true });
    // One more Sub-7 packet breaks the tie.
    const ahead = summarize([...events, probe('203.0.113.6', 1243, 'Sub-7')]).interpretations[0];
    expect(ahead).toMatchObject({ textPackets: 3, textTied: false });
    expect(ahead.text).toMatch(/Sub-7/);
  });
});

describe('traceroute', () => {
  it('UDP 33434+ annotated as traceroute is a traceroute, not a UDP scan, and ranks low', () => {
    const tr = Array.from({ length: 40 }, (_, i) =>
      makeEvent({ proto: 'udp', tcpFlags: null, src: { ip: '203.0.113.70' }, dst: { port: 33434 + i }, time: at(i), annotations: [ann('traceroute', 1)] }),
    );
    const r = summarize([...tr, ...background]);
    const s = row(r, '203.0.113.70');
    expect(ids(s)).toEqual(['traceroute']);
    expect(s.ports).toBe(0);
    expect(s.hosts).toBe(1); // the traced host
    expect(s.explanation).toBe('traceroute (40 probes)');
    expect(r.interpretations.map((i) => i.id)).toEqual(['traceroute']);
  });

  it('a UDP scan that sweeps through 33434-33600 is a UDP scan counting those ports, not a traceroute (seed 002: only that range)', () => {
    const ip = '203.0.113.71';
    const udp = (port: number, i: number, annotations: ReturnType<typeof ann>[] = []) =>
      makeEvent({ proto: 'udp', tcpFlags: null, src: { ip }, dst: { port }, time: at(i), annotations });
    const outside = Array.from({ length: 30 }, (_, i) => udp(33_380 + i, i));
    const inside = Array.from({ length: 20 }, (_, i) => udp(33_434 + i, 30 + i, [ann('traceroute', 1)]));
    const s = row(summarize([...outside, ...inside, ...background]), ip);
    expect(ids(s)).toEqual(['udp-scan']);
    expect(s.findings[0]!.evidence).toMatchObject({ ports: 50 });
    expect([s.ports, s.udpPorts]).toEqual([50, 50]);
    expect(s.explanation).toMatch(/^UDP scan: 50 ports in 49 s/);
  });

  it('a traceroute plus a few other UDP packets (a DNS query) is still a traceroute', () => {
    const ip = '203.0.113.72';
    const tr = Array.from({ length: 20 }, (_, i) =>
      makeEvent({ proto: 'udp', tcpFlags: null, src: { ip }, dst: { port: 33_434 + i }, time: at(i), annotations: [ann('traceroute', 1)] }),
    );
    const dns = makeEvent({ proto: 'udp', tcpFlags: null, src: { ip }, dst: { port: 53 }, time: at(30) });
    const s = row(summarize([...tr, dns, ...background]), ip);
    expect(ids(s)).toContain('traceroute');
    expect(ids(s)).not.toContain('udp-scan');
  });
});

describe('own outbound traffic', () => {
  const browsing = (ip: string, action: 'allow' | 'drop' | 'other', prefixAnn: string | null = null) =>
    Array.from({ length: 60 }, (_, i) =>
      makeEvent({
        src: { ip, port: 50000 + i },
        dst: { ip: `192.0.2.${i + 1}`, port: 443 },
        direction: 'out',
        action,
        time: at(i * 600),
        annotations: prefixAnn === null ? [ann('port-known', 2)] : [ann('port-known', 2), ann(prefixAnn, 0)],
      }),
    );

  it('allowed connections of this host are not a sweep and make no profile', () => {
    const r = summarize([...browsing('192.168.1.35', 'allow'), ...background]);
    expect(order(r)).not.toContain('192.168.1.35');
    expect(r.ranked).toBe(background.length);
  });

  it("ufw's lines of the same connections, [UFW ALLOW] and [UFW AUDIT] (logged before a verdict), make no profile either", () => {
    const r = summarize([...browsing('192.168.1.35', 'allow', 'ufw-allow'), ...browsing('192.168.1.36', 'other', 'ufw-audit'), ...background]);
    expect(order(r)).not.toContain('192.168.1.35');
    expect(order(r)).not.toContain('192.168.1.36');
    expect(r.ranked).toBe(background.length);
  });

  it('an allowed outbound event with a telling annotation still profiles its source', () => {
    const beacon = makeEvent({ src: { ip: '192.168.1.36' }, dst: { port: 17027 }, direction: 'out', action: 'allow', annotations: [ann('adbot-outbound', 2)] });
    const r = summarize([...browsing('192.168.1.35', 'allow'), beacon, ...background]);
    expect(row(r, '192.168.1.36').annotations).toEqual({ 'adbot-outbound': 1 });
    expect(order(r)).not.toContain('192.168.1.35');
  });

  it('outbound traffic the firewall blocked is profiled: a machine stopped by egress rules still ranks', () => {
    const r = summarize([...browsing('192.168.1.37', 'drop'), ...background]);
    expect(ids(row(r, '192.168.1.37'))).toContain('horizontal-sweep');
  });
});

describe('dial-up leftovers', () => {
  it('leftover traffic is named and ranks below a real probe of the same size', () => {
    const leftover = Array.from({ length: 30 }, (_, i) =>
      makeEvent({ src: { ip: '203.0.113.80' }, dst: { port: 6776 }, time: at(i * 10), annotations: [ann('dialup-leftover', 0)] }),
    );
    const probe = hammer('203.0.113.81', 6776, 30, 1, 300);
    const r = summarize([...leftover, ...probe]);
    expect(ids(row(r, '203.0.113.80'))).toEqual(['dialup-leftover']);
    expect(ids(row(r, '203.0.113.81'))).toEqual(['service-knock']);
    expect(order(r)).toEqual(['203.0.113.81', '203.0.113.80']);
    expect(row(r, '203.0.113.80').scoreParts.factor).toBe(0.4);
  });

  it("a scanner's packets to chat and game ports are part of its scan, not leftovers: no finding, no discount", () => {
    // A 200-port scan while the address was new; 10 of its packets hit ports the annotator
    // reads as leftovers (ICQ, games). The same 10 packets alone are leftover traffic.
    const leftoverAt = new Set(Array.from({ length: 10 }, (_, i) => i * 20));
    const scan = verticalScan('203.0.113.90', 200, 600).map((e, i) => (leftoverAt.has(i) ? { ...e, annotations: [ann('dialup-leftover', 0)] } : e));
    const r = summarize(scan);
    expect(ids(row(r, '203.0.113.90'))).toContain('vertical-scan');
    expect(ids(row(r, '203.0.113.90'))).not.toContain('dialup-leftover');
    expect(row(r, '203.0.113.90').explanation).not.toMatch(/leftover/);
    expect(row(r, '203.0.113.90').scoreParts.factor).toBe(1);
    const alone = summarize(scan.filter((_, i) => leftoverAt.has(i)));
    expect(ids(row(alone, '203.0.113.90'))).toContain('dialup-leftover');
  });
});

describe('pure noise', () => {
  it('NetBIOS/DHCP broadcasts are noise and rank below everything else', () => {
    const noise = Array.from({ length: 200 }, (_, i) =>
      makeEvent({
        proto: 'udp',
        tcpFlags: null,
        src: { ip: '192.168.1.23', port: 137 },
        dst: { ip: '192.168.1.255', port: 137 },
        time: at(i * 60),
        annotations: [ann('netbios-noise', 0)],
      }),
    );
    const r = summarize([...noise, ...background]);
    const s = row(r, '192.168.1.23');
    expect(ids(s)).toContain('noise');
    expect(s.rank).toBe(r.sources.length);
    expect(s.severity).toBe(0);
  });
});

  it("a scanner's packets to multicast groups (neighbour solicitations) do not count as hosts it scanned (psad's Topera file)", () => {
    const solicit = (i: number) =>
      makeEvent({ proto: 'icmpv6', tcpFlags: null, icmp: { type: 135, code: 0 }, src: { ip: '2001:db8::9' }, dst: { ip: `ff02::1:ff00:${i}`, port: null }, time: at(i), annotations: [ann('lan-broadcast', 0)] });
    const scan = verticalScan('2001:db8::9', 100, 60).map((e) => ({ ...e, dst: { ...e.dst, ip: '2001:db8::1' } }));
    const s = row(summarize([...scan, solicit(1), solicit(2), solicit(3)]), '2001:db8::9');
    expect(s.hosts).toBe(1);
    expect(s.findings.find((f) => f.id === 'vertical-scan')!.evidence).toMatchObject({ hosts: 1 });
    expect(s.explanation).toBe('vertical scan: 100 ports in 59 s');
    // A source of nothing but chatter reached no host.
    const chatter = Array.from({ length: 3 }, (_, i) => ({ ...solicit(i), src: { ip: 'fe80::5', port: null } }));
    expect(row(summarize(chatter), 'fe80::5').hosts).toBe(0);
  });

describe('thresholds', () => {
  it('overrides merge over defaults and reject unknown keys', () => {
    const t = mergeThresholds(DEFAULT_THRESHOLDS, { verticalScan: { minPorts: 5 }, weights: { findings: { 'null-scan': 40 } } }, 'test');
    expect(t.verticalScan.minPorts).toBe(5);
    expect(t.weights.findings['null-scan']).toBe(40);
    expect(DEFAULT_THRESHOLDS.verticalScan.minPorts).toBe(15);
    expect(() => mergeThresholds(DEFAULT_THRESHOLDS, { verticalScan: { minPort: 5 } }, 'x.json')).toThrow(/unknown setting "verticalScan.minPort"/);
    expect(() => mergeThresholds(DEFAULT_THRESHOLDS, { verticalScan: { minPorts: 'a' } }, 'x.json')).toThrow(/must be a non-negative number/);
    const r = summarize(verticalScan('203.0.113.9', 6, 10), t);
    expect(ids(row(r, '203.0.113.9'))).toContain('vertical-scan');
  });

  it('the memory caps, and the counts the flags set, are whole numbers from 1 in a --config file too', () => {
    // --max-sources 0 and --scan-ports 0 were refused while {"limits":{"maxSources":0}} kept one
    // source at a time (the report ranked only the last one seen), and {"verticalScan":{"minPorts":0}} made every source a scan.
    for (const [override, path] of [
      [{ limits: { maxSources: 0 } }, 'limits.maxSources'],
      [{ limits: { maxPorts: 0.5 } }, 'limits.maxPorts'],
      [{ limits: { maxHosts: 0 } }, 'limits.maxHosts'],
      [{ verticalScan: { minPorts: 0 } }, 'verticalScan.minPorts'],
      [{ udpScan: { minPorts: 2.5 } }, 'udpScan.minPorts'],
      [{ horizontalSweep: { minHosts: 0 } }, 'horizontalSweep.minHosts'],
      [{ protoScan: { minProtocols: 0 } }, 'protoScan.minProtocols'],
      [{ icmpSweep: { minHosts: 0 } }, 'icmpSweep.minHosts'],
      [{ stealth: { minPackets: 0 } }, 'stealth.minPackets'],
      [{ stealth: { minPortsFinAck: 1.5 } }, 'stealth.minPortsFinAck'],
      [{ slowScan: { minPorts: 0 } }, 'slowScan.minPorts'],
      [{ serviceKnock: { minPackets: 0 } }, 'serviceKnock.minPackets'],
    ] as const) {
      expect(() => mergeThresholds(DEFAULT_THRESHOLDS, override, 'x.json'), path).toThrow(`x.json: "${path}" must be a whole number from 1`);
    }
    // Shares and weights may still be 0 or fractions.
    expect(mergeThresholds(DEFAULT_THRESHOLDS, { noise: { minShare: 0 }, weights: { findings: { 'null-scan': 0.5 } } }, 'x.json').noise.minShare).toBe(0);
    const t = mergeThresholds(DEFAULT_THRESHOLDS, { slowScan: { maxPortsPerMinute: 0.5, minSpanMs: 0 }, allowedIn: { minPortSeverity: 0 } }, 'x.json');
    expect([t.slowScan.maxPortsPerMinute, t.slowScan.minSpanMs, t.allowedIn.minPortSeverity]).toEqual([0.5, 0, 0]);
  });
});

describe('bounded memory', () => {
  it('evicts least-recently-seen sources at the cap and counts them', () => {
    const t = mergeThresholds(DEFAULT_THRESHOLDS, { limits: { maxSources: 32 } }, 'test');
    const ev = Array.from({ length: 100 }, (_, i) => makeEvent({ src: { ip: `10.0.${Math.floor(i / 250)}.${i % 250}` }, time: at(i) }));
    const r = summarize(ev, t);
    expect(r.sources.length).toBeLessThanOrEqual(32);
    expect(r.profiles.evicted).toBe(100 - r.profiles.tracked);
    expect(r.sources.some((s) => s.ip === '10.0.0.99')).toBe(true);
  });

  it('caps distinct ports and says "at least"', () => {
    const t = mergeThresholds(DEFAULT_THRESHOLDS, { limits: { maxPorts: 100 } }, 'test');
    const s = row(summarize(verticalScan('203.0.113.9', 300, 60), t), '203.0.113.9');
    expect(s.ports).toBe(100);
    expect(s.portsCapped).toBe(true);
    expect(s.explanation).toMatch(/^vertical scan: ≥100 ports/);
  });
});

describe('IP protocol scan (nmap -sO: the protocol numbers, not ports)', () => {
  const packet = (ip: string, proto: string, sec: number) =>
    makeEvent({ proto, tcpFlags: proto === 'tcp' ? ['SYN'] : null, time: at(sec), src: { ip, port: null }, dst: { port: proto === 'tcp' || proto === 'udp' ? 40000 : null } });
  const numbers = (n: number) => Array.from({ length: n }, (_, i) => String(100 + i));

  it('eight distinct protocols make a proto-scan, named with its count and duration; seven do not', () => {
    const scan = summarize(['tcp', 'udp', 'icmp', ...numbers(5)].map((proto, i) => packet('192.0.2.9', proto, i)));
    const s = row(scan, '192.0.2.9');
    expect(ids(s)).toEqual(['proto-scan']);
    expect(s.findings[0]!.evidence).toMatchObject({ protocols: 8, hosts: 1, durationMs: 7000 });
    expect(s.explanation).toBe('IP protocol scan: 8 protocols in 7 s');
    // A VPN and multicast peer: TCP, UDP, ICMP, ESP, AH, GRE, IGMP.
    const peer = summarize(['tcp', 'udp', 'icmp', 'esp', 'ah', 'gre', 'igmp'].map((proto, i) => packet('192.0.2.10', proto, i)));
    expect(ids(row(peer, '192.0.2.10'))).not.toContain('proto-scan');
  });

  it('counts each protocol once however often it comes, ICMP and ICMPv6 as one, and the threshold follows --config', () => {
    const events = [...numbers(6), ...numbers(6), 'icmp', 'icmpv6'].map((proto, i) => packet('192.0.2.11', proto, i));
    expect(row(summarize(events), '192.0.2.11').findings.find((f) => f.id === 'proto-scan')).toBeUndefined();
    const lower = mergeThresholds(DEFAULT_THRESHOLDS, { protoScan: { minProtocols: 7 } }, 'test');
    expect(row(summarize(events, lower), '192.0.2.11').findings.find((f) => f.id === 'proto-scan')?.evidence).toMatchObject({ protocols: 7 });
  });

  it('read in two parts and merged, the same finding as read whole', () => {
    const events = [...numbers(30)].map((proto, i) => packet('192.0.2.12', proto, i));
    const whole = new Summarizer(DEFAULT_THRESHOLDS);
    const a = new Summarizer(DEFAULT_THRESHOLDS);
    const b = new Summarizer(DEFAULT_THRESHOLDS);
    events.forEach((e, i) => {
      whole.add(e);
      (i % 2 === 0 ? a : b).add(e);
    });
    a.merge(b);
    const get = (x: Summarizer) => row(x.result({ kb: null, lang: 'en' }), '192.0.2.12').findings.find((f) => f.id === 'proto-scan')?.evidence.protocols;
    expect(get(a)).toBe(30);
    expect(get(whole)).toBe(30);
  });
});

describe('a source without findings: what its explanation says it sent', () => {
  const packet = (ip: string, proto: string, sec: number) =>
    makeEvent({ proto, tcpFlags: proto === 'tcp' ? ['SYN'] : null, time: at(sec), src: { ip, port: null }, dst: { port: proto === 'tcp' || proto === 'udp' ? 40000 : null } });

  it('without a finding, a source whose packets were not all to ports says how many of them were', () => {
    const mixed = summarize([packet('192.0.2.13', 'tcp', 0), packet('192.0.2.13', 'icmp', 1), packet('192.0.2.14', 'tcp', 0), packet('192.0.2.14', 'tcp', 1)]);
    expect(row(mixed, '192.0.2.13').explanation).toBe('2 packets, 1 of them to 40000/tcp');
    expect(row(mixed, '192.0.2.14').explanation).toBe('2 packets to 40000/tcp');
  });

  it('a source of ICMP probes alone says which message types they were, lowest first, each name once', () => {
    const icmp = (ip: string, proto: string, type: number, sec: number) =>
      makeEvent({ proto, time: at(sec), src: { ip, port: null }, dst: { port: null }, icmp: { type, code: 0 } });
    const r = summarize([icmp('192.0.2.15', 'icmp', 42, 0), icmp('192.0.2.15', 'icmpv6', 128, 1), icmp('192.0.2.15', 'icmp', 8, 2), icmp('192.0.2.15', 'icmp', 8, 3)]);
    expect(row(r, '192.0.2.15').explanation).toBe('4 ICMP packets: echo request (ping), type 42');
    const many = summarize([0, 13, 15, 17, 8].map((type, i) => icmp('192.0.2.16', 'icmp', type, i)));
    expect(row(many, '192.0.2.16').explanation).toBe('5 ICMP packets: echo reply, echo request (ping), timestamp request +2');
  });
});

describe('server replies (002: the source port tells, not the random destination)', () => {
  // Real annotations: what the annotator says about each packet decides the profile.
  const annotated = (src: string, sport: number, dport: number, sec: number, proto = 'udp') =>
    annotateOne({ proto, tcpFlags: proto === 'tcp' ? ['SYN'] : null, time: at(sec), src: { ip: src, port: sport }, dst: { port: dport } });

  it('a DNS server answering 20 random client ports is not a UDP scan, and ranks below one RDP probe', () => {
    const replies = Array.from({ length: 20 }, (_, i) => annotated('198.51.100.53', 53, 40000 + i * 211, i));
    const ntp = Array.from({ length: 5 }, (_, i) => annotated('198.51.100.123', 123, 40000 + i, 100 + i));
    const rdp = annotated('203.0.113.33', 51000, 3389, 200, 'tcp');
    const r = summarize([...replies, ...ntp, rdp]);
    const dns = row(r, '198.51.100.53');
    expect(ids(dns)).toEqual(['server-replies']);
    expect(dns.findings[0]!.evidence).toEqual({ packets: 20, share: 1, annotations: ['srcport-dns'] });
    expect(dns.explanation).toBe('DNS server replies (20 packets to client ports)');
    expect(row(r, '198.51.100.123').explanation).toBe('NTP server replies (5 packets to client ports)');
    expect(order(r)[0]).toBe('203.0.113.33');
    // The same 20 packets from a random source port are a UDP scan.
    const scan = summarize(Array.from({ length: 20 }, (_, i) => annotated('198.51.100.54', 40000, 40000 + i * 211, i)));
    expect(ids(row(scan, '198.51.100.54'))).toContain('udp-scan');
  });

  it("a web server's late ACK/FIN packets to 30 client ports are TCP server replies, not a scan of 32770-32900 (solaris-rpc) or 12345 (NetBus)", () => {
    const tcp = (sport: number, dport: number, sec: number, flags: string[]) =>
      annotateOne({ proto: 'tcp', tcpFlags: flags, time: at(sec), src: { ip: '198.51.100.80', port: sport }, dst: { port: dport } });
    const late = [...Array.from({ length: 29 }, (_, i) => tcp(443, 32770 + i * 4, i, ['ACK', 'FIN'])), tcp(443, 12345, 40, ['ACK', 'PSH'])];
    expect(late.every((e) => e.annotations.map((a) => a.id).join() === 'tcp-reply')).toBe(true);
    const r = summarize(late);
    const web = row(r, '198.51.100.80');
    expect(ids(web)).toEqual(['server-replies']);
    expect(web.ports).toBe(0);
    expect(web.explanation).toBe('TCP server replies (30 packets to client ports)');
    // The same packets with SYN from a random high port are a vertical scan with a NetBus probe.
    const scan = summarize(Array.from({ length: 30 }, (_, i) => annotated('198.51.100.81', 40000, i === 29 ? 12345 : 32770 + i * 4, i, 'tcp')));
    expect(ids(row(scan, '198.51.100.81'))).toEqual(expect.arrayContaining(['vertical-scan', 'trojan-probe']));
  });

  it('late QUIC packets (UDP from 443) to 20 client ports are QUIC/STUN server replies, not a UDP scan, and not a traceroute in 33434-33600', () => {
    const quic = Array.from({ length: 20 }, (_, i) => annotated('198.51.100.44', 443, 33434 + i * 7, i));
    expect(quic.every((e) => e.annotations.map((a) => a.id).join() === 'udp-reply')).toBe(true);
    const r = summarize(quic);
    expect(ids(row(r, '198.51.100.44'))).toEqual(['server-replies']);
    expect(row(r, '198.51.100.44').explanation).toBe('QUIC/STUN server replies (20 packets to client ports)');
    // From a random high port the same packets are a traceroute's.
    const trace = Array.from({ length: 20 }, (_, i) => annotated('198.51.100.45', 40000, 33434 + i, i));
    expect(trace.every((e) => e.annotations.some((a) => a.id === 'traceroute'))).toBe(true);
  });

  it("devices answering this side's SSDP, WS-Discovery or SNMP questions (unicast, from the protocol's port to a client port) are replies, not a UDP scan of those ports", () => {
    const answers = [1900, 3702, 161, 5353].flatMap((sport, k) => Array.from({ length: 5 }, (_, i) => annotated('192.168.1.40', sport, 40000 + k * 997 + i * 211, k * 5 + i)));
    expect(answers.every((e) => e.annotations.map((a) => a.id).join() === 'discovery-reply')).toBe(true);
    expect(answers.every((e) => trafficKind(e) === 'reply')).toBe(true);
    const r = summarize(answers);
    expect(ids(row(r, '192.168.1.40'))).toEqual(['server-replies']);
    expect(row(r, '192.168.1.40').ports).toBe(0);
    expect(row(r, '192.168.1.40').explanation).toBe('discovery/SNMP/DHCP server replies (20 packets to client ports)');
  });

  it("ICMP errors about this side's own packets are replies: no hosts, no probe, counted apart from the port replies", () => {
    // A router answering unreachable for 12 LAN machines' packets, each quoting the machine's own.
    const unreachable = (dst: string, sec: number, quotedSrc = dst) =>
      annotateOne({
        proto: 'icmp',
        direction: 'forward',
        time: at(sec),
        src: { ip: '198.51.100.1' },
        dst: { ip: dst },
        icmp: { type: 3, code: 1, embedded: { src: { ip: quotedSrc, port: 50000 }, dst: { ip: '203.0.113.250', port: 443 }, proto: 'tcp' } },
      });
    const router = Array.from({ length: 12 }, (_, i) => unreachable(`192.168.1.${10 + i}`, i));
    expect(router.every((e) => e.annotations.map((a) => a.id).join() === 'icmp-error-reply')).toBe(true);
    // The NTP server answers four queries, then says its port is closed to the fifth.
    const ntp = [
      ...Array.from({ length: 4 }, (_, i) => annotated('198.51.100.123', 123, 40000 + i, 100 + i)),
      annotateOne({ proto: 'icmp', time: at(110), src: { ip: '198.51.100.123' }, icmp: { type: 3, code: 3, embedded: { src: { ip: '198.51.100.10', port: 123 }, dst: { ip: '198.51.100.123', port: 123 }, proto: 'udp' } } }),
    ];
    const r = summarize([...router, ...ntp]);
    const gw = row(r, '198.51.100.1');
    expect(ids(gw)).toEqual(['server-replies']);
    expect(gw.hosts).toBe(0);
    expect(gw.findings[0]!.evidence).toEqual({ packets: 12, share: 1, annotations: ['icmp-error-reply'] });
    expect(gw.explanation).toBe("12 ICMP errors about this side's own packets");
    expect(row(r, '198.51.100.123').explanation).toBe("NTP server replies (4 packets to client ports), 1 ICMP error about this side's own packets");
    // Quoting some other address, the same packets reach 12 hosts: nothing reads them as replies.
    const other = summarize(Array.from({ length: 12 }, (_, i) => unreachable(`192.168.1.${10 + i}`, i, '192.168.1.200')));
    expect(row(other, '198.51.100.1').hosts).toBe(12);
    expect(ids(row(other, '198.51.100.1'))).not.toContain('server-replies');
  });

  it("echo replies and ICMP errors logged without a quoted packet (an ASA's 313004 and 313001) are answers, not probes: no hosts, counted apart", () => {
    // Someone's ping sweep forged this side's addresses: the swept hosts' echo replies land on 12 of them.
    const echo = Array.from({ length: 12 }, (_, i) =>
      annotateOne({ proto: 'icmp', format: 'cisco-asa', rule: 'ASA-4-313004', time: at(i), src: { ip: '198.51.100.20' }, dst: { ip: `192.0.2.${10 + i}`, port: null }, icmp: { type: 0, code: null } }),
    );
    expect(echo.every((e) => e.annotations.map((a) => a.id).join() === 'icmp-reply')).toBe(true);
    const unreachable = Array.from({ length: 3 }, (_, i) =>
      annotateOne({ proto: 'icmp', format: 'cisco-asa', rule: 'ASA-3-313001', time: at(20 + i), src: { ip: '198.51.100.21' }, dst: { ip: null, port: null }, icmp: { type: 3, code: 3, embedded: null } }),
    );
    expect([...echo, ...unreachable].every((e) => trafficKind(e) === 'reply')).toBe(true);
    const r = summarize([...echo, ...unreachable]);
    const pinged = row(r, '198.51.100.20');
    expect(ids(pinged)).toEqual(['server-replies']);
    expect(pinged.hosts).toBe(0);
    expect(pinged.explanation).toBe('12 ICMP echo/query replies');
    expect(row(r, '198.51.100.21').explanation).toBe("3 ICMP errors about this side's own packets");
    // An echo request is still a probe, and twelve of them a sweep.
    const pings = Array.from({ length: 12 }, (_, i) => annotateOne({ proto: 'icmp', time: at(i), src: { ip: '198.51.100.22' }, dst: { ip: `192.0.2.${10 + i}`, port: null }, icmp: { type: 8, code: 0 } }));
    expect(pings.every((e) => trafficKind(e) === 'probe')).toBe(true);
    expect(ids(row(summarize(pings), '198.51.100.22'))).toContain('icmp-sweep');
  });

  it('a TCP SYN from port 53 is no reply: its ports count', () => {
    const r = summarize(Array.from({ length: 20 }, (_, i) => annotated('198.51.100.55', 53, 1000 + i, i, 'tcp')));
    expect(ids(row(r, '198.51.100.55'))).toContain('vertical-scan');
    expect(ids(row(r, '198.51.100.55'))).not.toContain('server-replies');
  });

  it('a single TCP SYN from port 20 or 53 to a service port is a probe of it, not a reply; ACKs from 20 and UDP from 53 stay replies', () => {
    const syn20 = annotated('198.51.100.56', 20, 3389, 0, 'tcp');
    const syn53 = annotated('198.51.100.57', 53, 8080, 1, 'tcp');
    expect([syn20, syn53].map(trafficKind)).toEqual(['probe', 'probe']);
    const ftpData = annotateOne({ proto: 'tcp', tcpFlags: ['ACK', 'PSH'], time: at(2), src: { ip: '198.51.100.58', port: 20 }, dst: { port: 40000 } });
    const dns = annotated('198.51.100.59', 53, 40000, 3);
    expect([ftpData, dns].map(trafficKind)).toEqual(['reply', 'reply']);
    const r = summarize([syn20, syn53, ftpData, dns]);
    expect([row(r, '198.51.100.56').ports, row(r, '198.51.100.56').topPorts]).toEqual([1, [{ proto: 'tcp', port: 3389, packets: 1 }]]);
    expect(row(r, '198.51.100.56').explanation).toBe('1 packet to 3389/tcp · SYN from FTP port 20 (srcport-ftp-syn)');
    expect(row(r, '198.51.100.57').explanation).toBe('1 packet to 8080/tcp · open-proxy hunt (proxy-hunt), SYN from DNS port 53 (srcport-dns-syn)');
    expect(ids(row(r, '198.51.100.58'))).toEqual(['server-replies']);
    expect(ids(row(r, '198.51.100.59'))).toEqual(['server-replies']);
    // The probes outrank the replies.
    expect(order(r).slice(0, 2).sort()).toEqual(['198.51.100.56', '198.51.100.57']);
  });

  it('the annotations at the end of a why line read as words, with the id in brackets and the packets after a ×; in Chinese too', () => {
    const s = new Summarizer(DEFAULT_THRESHOLDS);
    for (const sec of [0, 1]) s.add(annotated('198.51.100.57', 53, 8080, sec, 'tcp'));
    const why = (lang: 'en' | 'zh') => s.result({ kb: null, lang }).sources[0]!.explanation;
    expect(why('en')).toBe('2 packets to 8080/tcp · open-proxy hunt (proxy-hunt) ×2, SYN from DNS port 53 (srcport-dns-syn) ×2');
    expect(why('zh')).toBe('发往 8080/tcp 的 2 个包 · 搜寻开放代理（proxy-hunt）×2、来自 DNS 端口 53 的 SYN（srcport-dns-syn）×2');
  });
});

describe('late packets of connections (ACK or RST, no SYN): they open nothing', () => {
  /** A packet as the annotator reads it (stale-connection for a dropped inbound ACK without SYN). */
  const tcpPacket = (src: string, dport: number, sec: number, o: { flags?: string[]; sport?: number; dst?: string; action?: 'drop' | 'other' } = {}) =>
    annotateOne({ proto: 'tcp', tcpFlags: o.flags ?? ['ACK'], action: o.action ?? 'drop', time: at(sec), src: { ip: src, port: o.sport ?? 38842 }, dst: { ip: o.dst ?? '198.51.100.10', port: dport } });

  it("a forgotten connection's late ACKs add no ports or hosts, say what they were, and rank below two SYNs", () => {
    const late = [0, 3600, 7200].map((sec) => tcpPacket('198.51.100.7', 443, sec));
    expect(late.every((e) => e.annotations.some((a) => a.id === 'stale-connection'))).toBe(true);
    const syns = [tcpPacket('203.0.113.143', 445, 10, { flags: ['SYN'], sport: 17805 }), tcpPacket('203.0.113.143', 80, 20, { flags: ['SYN'], sport: 44181 })];
    const r = summarize([...late, ...syns]);
    const s = row(r, '198.51.100.7');
    expect(ids(s)).toEqual(['late-packets']);
    expect(s.findings[0]!.evidence).toEqual({ packets: 3, share: 1, ports: 1, topPorts: ['443/tcp'] });
    expect(s.explanation).toBe('3 late packets of connections the firewall had forgotten (ACK/RST, no SYN), to 443/tcp');
    expect([s.ports, s.hosts, s.severity]).toEqual([0, 0, 0]);
    expect(s.tcpFlags).toEqual({ ack: 3 });
    // As harmless as a server's replies: the score is scaled down as theirs is.
    expect(s.scoreParts).toMatchObject({ breadth: 0, findings: 0, factor: 0.2 });
    expect(order(r)).toEqual(['203.0.113.143', '198.51.100.7']);
  });

  it('an SSH session that a LOG rule recorded (no verdict) is said to be under way, not forgotten', () => {
    const session = Array.from({ length: 20 }, (_, i) => tcpPacket('192.168.1.5', 22, i * 3, { flags: i % 2 ? ['ACK'] : ['ACK', 'PSH'], sport: 63644, action: 'other' }));
    const s = row(summarize(session), '192.168.1.5');
    expect(ids(s)).toEqual(['late-packets']);
    expect(s.explanation).toBe('20 late packets of connections already under way (ACK/RST, no SYN), to 22/tcp');
    const zh = new Summarizer(DEFAULT_THRESHOLDS);
    for (const e of session) zh.add(e);
    expect(row(zh.result({ kb: null, lang: 'zh' }), '192.168.1.5').explanation).toBe('已在进行中的连接的 20 个迟到报文（ACK/RST，无 SYN），发往 22/tcp');
  });

  it('ACK-only packets to 5 ports from one source are still an ACK scan (nmap -sA): its ports and hosts count, nothing is discounted', () => {
    const ackScan = (src: string, ports: number) => Array.from({ length: ports }, (_, i) => tcpPacket(src, 1 + i, i, { sport: 50000 }));
    const five = ackScan('203.0.113.80', DEFAULT_THRESHOLDS.stealth.minPortsFinAck);
    expect(five.every((e) => e.annotations.some((a) => a.id === 'stale-connection'))).toBe(true);
    const oneOff = tcpPacket('192.0.2.50', 22, 100, { flags: ['SYN'] });
    const r = summarize([...five, oneOff, ...ackScan('203.0.113.81', 4)]);
    const s = row(r, '203.0.113.80');
    expect(ids(s)).toEqual(['ack-scan']);
    expect(s.findings[0]!.evidence).toEqual({ packets: 5, ports: 5, hosts: 1 });
    expect([s.ports, s.tcpPorts, s.hosts]).toEqual([5, 5, 1]);
    expect(s.topPorts).toHaveLength(5);
    expect(s.scoreParts.factor).toBe(1);
    expect(s.rank).toBe(1);
    // One port fewer is late packets, not a scan.
    expect(ids(row(r, '203.0.113.81'))).toEqual(['late-packets']);
    // A wide one ranks as a scan: 200 ports, as many as a SYN scan of them would show.
    const wide = row(summarize([...ackScan('203.0.113.82', 200), oneOff]), '203.0.113.82');
    expect([wide.ports, wide.rank]).toEqual([200, 1]);
    expect(wide.scoreParts.breadth).toBeGreaterThan(45);
  });

  it('bare ACKs to one port on as many hosts as a sweep (nmap -sA across a network) are an ACK scan, not late packets', () => {
    const minHosts = DEFAULT_THRESHOLDS.horizontalSweep.minHosts;
    const sweep = (src: string, hosts: number, sport = 41000) => Array.from({ length: hosts }, (_, i) => tcpPacket(src, 80, i, { sport, dst: `198.51.100.${10 + i}` }));
    const ten = sweep('203.0.113.84', minHosts);
    expect(ten.every((e) => e.annotations.some((a) => a.id === 'stale-connection'))).toBe(true);
    const oneOff = tcpPacket('192.0.2.50', 22, 100, { flags: ['SYN'] });
    const r = summarize([...ten, oneOff, ...sweep('203.0.113.85', minHosts - 1)]);
    const s = row(r, '203.0.113.84');
    expect(ids(s)).toEqual(['ack-scan']);
    expect(s.findings[0]!.evidence).toEqual({ packets: 10, ports: 1, hosts: 10 });
    expect(s.explanation).toBe('ACK scan: 10 hosts, 80/tcp');
    expect([s.ports, s.hosts, s.severity]).toEqual([1, 10, 2]);
    expect(s.topPorts).toEqual([{ proto: 'tcp', port: 80, packets: 10 }]);
    expect(s.scoreParts.factor).toBe(1);
    expect(s.rank).toBe(1);
    // One host fewer is still late packets (forgotten connections to nine servers).
    expect(ids(row(r, '203.0.113.85'))).toEqual(['late-packets']);
    // --sweep-hosts moves it, as it moves horizontal-sweep.
    const t = mergeThresholds(DEFAULT_THRESHOLDS, { horizontalSweep: { minHosts: 20 } }, 'test');
    expect(ids(row(summarize(ten, t), '203.0.113.84'))).toEqual(['late-packets']);
    const zh = new Summarizer(DEFAULT_THRESHOLDS);
    for (const e of ten) zh.add(e);
    expect(row(zh.result({ kb: null, lang: 'zh' }), '203.0.113.84').explanation).toBe('ACK 扫描：10 台主机，80/tcp');
  });

  it('read in order, the sweep\'s packets from the tenth host on are probes (the ack-scan reading); the row is the same, said once', () => {
    const a = annotator();
    const events = Array.from({ length: 12 }, (_, i) =>
      makeEvent({ proto: 'tcp', tcpFlags: ['ACK'], action: 'drop', time: at(i), src: { ip: '203.0.113.84', port: 41000 }, dst: { ip: `198.51.100.${10 + i}`, port: 80 } }),
    );
    a.annotateAll(events);
    expect(events.map(trafficKind)).toEqual([...Array(9).fill('late'), 'probe', 'probe', 'probe']);
    const s = row(summarize(events), '203.0.113.84');
    expect(ids(s)).toEqual(['ack-scan']);
    expect([s.ports, s.hosts]).toEqual([1, 12]);
    expect(s.annotations).toMatchObject({ 'ack-scan': 3, 'stale-connection': 9 });
    expect(s.explanation).toBe('ACK scan: 12 hosts, 80/tcp');
  });

  it('a burst of late packets to one host and port, or a single late ACK, stays late packets', () => {
    const burst = Array.from({ length: 12 }, (_, i) => tcpPacket('203.0.113.86', 443, i));
    const single = tcpPacket('203.0.113.87', 443, 30);
    const r = summarize([...burst, single]);
    expect(ids(row(r, '203.0.113.86'))).toEqual(['late-packets']);
    expect(ids(row(r, '203.0.113.87'))).toEqual(['late-packets']);
    expect(row(r, '203.0.113.86').explanation).toBe('12 late packets of connections the firewall had forgotten (ACK/RST, no SYN), to 443/tcp');
    expect([row(r, '203.0.113.86').hosts, row(r, '203.0.113.86').scoreParts.factor]).toEqual([0, 0.2]);
  });

  it("this side's own bare ACKs that egress rules dropped, to a dozen web servers, are no ACK sweep", () => {
    const out = Array.from({ length: 12 }, (_, i) =>
      annotateOne({ proto: 'tcp', tcpFlags: ['ACK'], direction: 'out', time: at(i), src: { ip: '192.168.1.20', port: 40000 + i }, dst: { ip: `203.0.113.${10 + i}`, port: 443 } }),
    );
    expect(ids(row(summarize(out), '192.168.1.20'))).not.toContain('ack-scan');
  });

  it("this side's own bare ACKs that egress rules dropped, to five services of several servers, are no ACK scan of ports either", () => {
    const ports = [443, 993, 5222, 8443, 8080, 465];
    const out = ports.map((port, i) =>
      annotateOne({ proto: 'tcp', tcpFlags: ['ACK'], direction: 'out', time: at(i), src: { ip: '192.168.1.21', port: 40000 + i }, dst: { ip: `203.0.113.${10 + (i % 3)}`, port } }),
    );
    expect(ids(row(summarize(out), '192.168.1.21'))).not.toContain('ack-scan');
    // The same packets arriving from outside are one.
    const inbound = ports.map((port, i) => tcpPacket('203.0.113.90', port, i));
    expect(ids(row(summarize(inbound), '203.0.113.90'))).toContain('ack-scan');
  });

  it('ACK+PSH data segments to many hosts are no ACK scan: nmap -sA sends bare ACKs', () => {
    const pushes = Array.from({ length: 12 }, (_, i) => tcpPacket('203.0.113.88', 443, i, { flags: ['ACK', 'PSH'], dst: `198.51.100.${10 + i}` }));
    expect(ids(row(summarize(pushes), '203.0.113.88'))).toEqual(['late-packets']);
  });

  it("a scanner's RSTs (nmap -sS closing what answered) are part of its scan: no late-packets finding, no discount", () => {
    const syn = verticalScan('203.0.113.90', 20, 10, { tcpFlags: ['SYN'] });
    const rst = Array.from({ length: 30 }, (_, i) => tcpPacket('203.0.113.90', 1 + (i % 3), 20 + i, { flags: ['RST'], sport: 50000 }));
    const s = row(summarize([...syn, ...rst]), '203.0.113.90');
    expect(ids(s)).toContain('vertical-scan');
    expect(ids(s)).not.toContain('late-packets');
    expect(s.scoreParts.factor).toBe(1);
  });

  it('late packets the firewall dropped are kept apart from those it logged without a verdict, with their ports', () => {
    const p = new SourceProfile('198.51.100.8');
    p.add(tcpPacket('198.51.100.8', 443, 0), DEFAULT_THRESHOLDS);
    p.add(tcpPacket('198.51.100.8', 22, 1, { action: 'other' }), DEFAULT_THRESHOLDS);
    expect([p.latePackets, p.lateBlocked]).toEqual([2, 1]);
    expect([...p.lateBlockedPorts!.counts()]).toEqual([[443, 1]]);
  });

  it('read in two parts and merged, the same profile as read whole', () => {
    const events = [
      ...Array.from({ length: 6 }, (_, i) => tcpPacket('198.51.100.7', 400 + i, i, { dst: `198.51.100.${10 + (i % 2)}` })),
      tcpPacket('198.51.100.7', 22, 10, { flags: ['SYN'] }),
      tcpPacket('198.51.100.7', 443, 11, { flags: ['RST'] }),
    ];
    const whole = new SourceProfile('198.51.100.7');
    for (const e of events) whole.add(e, DEFAULT_THRESHOLDS);
    const a = new SourceProfile('198.51.100.7');
    const b = new SourceProfile('198.51.100.7');
    events.forEach((e, i) => (i % 2 ? a : b).add(e, DEFAULT_THRESHOLDS));
    a.merge(b, DEFAULT_THRESHOLDS);
    const read = (p: SourceProfile) => ({
      late: p.latePackets,
      ports: [...p.ports.keys()].sort(),
      latePorts: [...(p.latePorts?.counts() ?? [])].sort((x, y) => x[0] - y[0]),
      lateHosts: [...(p.lateHosts ?? [])].sort(),
      lateBlocked: p.lateBlocked,
      lateBlockedPorts: [...(p.lateBlockedPorts?.counts() ?? [])].sort((x, y) => x[0] - y[0]),
      hosts: [...p.hosts],
      flags: p.flagClasses,
      ack: p.ackPorts?.size,
      ackHosts: p.ackHosts?.size,
    });
    expect(read(a)).toEqual(read(whole));
    expect(read(whole)).toMatchObject({ late: 7, lateBlocked: 7, ports: [22], hosts: [((198 << 24) + (51 << 16) + (100 << 8) + 10) >>> 0], ack: 6, ackHosts: 2 });
  });
});
