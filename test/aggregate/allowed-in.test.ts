// Probes the firewall let in: the "why" line says so, and a sensitive service reached
// from outside is a finding of its own (allowed-in), for Windows Firewall's ALLOW …
// RECEIVE and for an iptables rule that logs what it accepts alike.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Summarizer, type RankedSource, type SummaryResult } from '../../src/aggregate/summary.js';
import { DEFAULT_THRESHOLDS } from '../../src/aggregate/thresholds.js';
import { AlertWatch, type Alert } from '../../src/live/alerts.js';
import type { FirewallEvent } from '../../src/event.js';
import type { Lang } from '../../src/knowledge/types.js';
import { at, makeEvent, type EventInit } from '../helpers/events.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { annotateOne, knowledge } from '../annotate/kb.js';
import { trafficKind } from '../../src/aggregate/own-traffic.js';
import { verticalScan } from '../helpers/summary-events.js';

const OUTSIDE = '203.0.113.66';

/** A Windows Firewall record: ALLOW or DROP, RECEIVE. */
function win(action: 'allow' | 'drop', port: number, init: EventInit = {}): FirewallEvent {
  return makeEvent({ format: 'windows-firewall', rule: action === 'allow' ? 'ALLOW' : 'DROP', inIface: null, action, src: { ip: OUTSIDE }, dst: { ip: '192.168.1.35', port }, ...init });
}

function summarize(events: readonly FirewallEvent[], lang: Lang = 'en'): SummaryResult {
  const s = new Summarizer(DEFAULT_THRESHOLDS);
  for (const e of events) s.add(e);
  return s.result({ kb: knowledge(), lang });
}

function row(r: SummaryResult, ip = OUTSIDE): RankedSource {
  const found = r.sources.find((s) => s.ip === ip);
  if (!found) throw new Error(`no row for ${ip}`);
  return found;
}

const ids = (s: RankedSource): string[] => s.findings.map((f) => f.id);

/** Blocked one-off probes of RDP from elsewhere, as every Windows host facing the Internet logs. */
const background = Array.from({ length: 5 }, (_, i) => win('drop', 3389, { src: { ip: `198.51.100.${10 + i}` }, time: at(i * 60) }));

describe('allowed-in', () => {
  it('RDP and SMB allowed in from outside: a medium finding, said first, and the source ranks above the blocked probes', () => {
    const r = summarize([...background, win('allow', 3389, { time: at(600) }), win('allow', 445, { time: at(605) })]);
    const s = row(r);
    expect(ids(s)).toEqual(['allowed-in']);
    expect(s.findings[0]).toMatchObject({ severity: 3, evidence: { ports: ['445/tcp', '3389/tcp'], packets: 2, allowedPackets: 2 } });
    // Windows writes one ALLOW row per connection it lets through: these are connections, not packets.
    expect(s.explanation).toBe('allowed in: 2 connections to 445/tcp, 3389/tcp');
    expect(s.allowedProbes).toBe(2);
    expect(s.rank).toBe(1);
    expect(s.severity).toBe(3);
    expect(row(summarize([...background, win('allow', 3389), win('allow', 445)], 'zh')).explanation).toBe('已放行进入：发往 445/tcp、3389/tcp 的 2 个连接');
  });

  it('the same probes blocked: no finding, nothing said of letting in', () => {
    const s = row(summarize([...background, win('drop', 3389, { time: at(600) }), win('drop', 445, { time: at(605) })]));
    expect(ids(s)).toEqual([]);
    expect(s.explanation).toBe('2 packets to 445/tcp, 3389/tcp');
    expect(s.allowedProbes).toBe(0);
  });

  it('some of them let in: the finding counts those, the line goes on with all it sent', () => {
    const s = row(summarize([win('drop', 3389), win('drop', 3389, { time: at(5) }), win('allow', 3389, { time: at(10) })]));
    expect(s.findings[0]).toMatchObject({ id: 'allowed-in', evidence: { ports: ['3389/tcp'], packets: 1 } });
    expect(s.explanation).toBe('allowed in: 1 connection to 3389/tcp · 2 packets and 1 connection to 3389/tcp');
  });

  it('a port that is no sensitive service: no finding, but the why line says the probes got in', () => {
    expect(row(summarize([win('allow', 50000)])).explanation).toBe('1 connection to 50000/tcp (allowed)');
    expect(row(summarize([win('drop', 50000), win('drop', 50001), win('allow', 50002)])).explanation).toBe('2 packets and 1 connection to 50000/tcp, 50001/tcp, 50002/tcp (1 allowed)');
    expect(row(summarize([win('allow', 50000)], 'zh')).explanation).toBe('发往 50000/tcp 的 1 个连接（已放行）');
    // Beside other findings, a part of its own.
    const scan = verticalScan(OUTSIDE, 20, 30).map((e, i) => (i < 2 ? { ...e, action: 'allow' as const, rule: '[UFW ALLOW]', dst: { ip: e.dst.ip, port: 50000 + i } } : e));
    const s = row(summarize(scan));
    expect(ids(s)).toContain('vertical-scan');
    expect(ids(s)).not.toContain('allowed-in');
    expect(s.explanation).toMatch(/^vertical scan: 20 ports in \d+ s · 2 packets allowed in$/);
  });

  it('a machine of this side reaching a file server or a domain controller is what they are for: no finding, and no row (its own traffic)', () => {
    const lan = [win('allow', 445, { src: { ip: '192.168.1.50' } }), win('allow', 389, { src: { ip: '192.168.1.50' } })];
    expect(lan.map(trafficKind)).toEqual(['own', 'own']);
    expect(summarize([...background, ...lan]).sources.map((x) => x.ip)).not.toContain('192.168.1.50');
    // Blocked, the same packets are a LAN machine trying what the rules forbid: a row, no allowed-in.
    const blocked = row(summarize([win('drop', 445, { src: { ip: '192.168.1.50' } })]), '192.168.1.50');
    expect(ids(blocked)).toEqual([]);
    expect(blocked.explanation).toBe('1 packet to 445/tcp');
  });

  it('iptables alike: an ACCEPT logged inbound to SSH from outside is the same finding; this host connecting out is not a probe', () => {
    const accept = makeEvent({ action: 'allow', rule: '[UFW ALLOW]', src: { ip: OUTSIDE }, dst: { ip: '198.51.100.10', port: 22 } });
    const s = row(summarize([accept]));
    expect(s.findings[0]).toMatchObject({ id: 'allowed-in', severity: 3, evidence: { ports: ['22/tcp'] } });
    const out = makeEvent({ action: 'allow', direction: 'out', rule: '[UFW ALLOW]', src: { ip: '198.51.100.10' }, dst: { ip: OUTSIDE, port: 22 } });
    expect(summarize([out]).sources).toEqual([]);
    // LAN broadcast chatter the firewall let through is not something that got in.
    const chatter = makeEvent({ action: 'allow', proto: 'udp', src: { ip: OUTSIDE }, dst: { ip: '255.255.255.255', port: 445 }, annotations: [{ id: 'lan-broadcast', severity: 0, text: '', ref: 'test' }] });
    expect(row(summarize([chatter])).allowedProbes).toBe(0);
  });

  it("follow's alert says it too, when the allowed probe comes after blocked ones to the same port", () => {
    const alerts: Alert[] = [];
    let now = 0;
    const watch = new AlertWatch(DEFAULT_THRESHOLDS, knowledge(), 'en', 30, 60_000, (a) => alerts.push(a), () => now);
    watch.add(win('drop', 3389));
    now += 100;
    watch.add(win('allow', 3389, { time: at(1) }));
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ source: OUTSIDE, findings: ['allowed-in'] });
    expect(alerts[0].explanation).toBe('allowed in: 1 connection to 3389/tcp · 1 packet and 1 connection to 3389/tcp');
  });
});

describe('allowed packets of a connection under way (ACK, no SYN): the firewall tracked it, no probe', () => {
  /** An iptables/ufw packet as the annotator reads it. */
  const ufw = (action: 'allow' | 'drop', flags: string[], sec: number, init: EventInit = {}): FirewallEvent =>
    annotateOne({ action, rule: action === 'allow' ? '[UFW ALLOW]' : '[UFW BLOCK]', proto: 'tcp', tcpFlags: flags, time: at(sec), src: { ip: OUTSIDE, port: 51000 }, dst: { ip: '198.51.100.10', port: 22 }, ...init });
  const session = [ufw('allow', ['ACK', 'PSH'], 1), ufw('allow', ['ACK'], 2), ufw('allow', ['ACK', 'FIN'], 3)];

  it('an SSH session the firewall let through is read as late packets, not probes: no allowed-in, no ports, no score of a probe', () => {
    expect(session.every((e) => e.annotations.some((a) => a.id === 'stale-connection'))).toBe(true);
    expect(session.map(trafficKind)).toEqual(['late', 'late', 'late']);
    const r = summarize([...background, ...session]);
    const s = row(r);
    expect(ids(s)).toEqual(['late-packets']);
    expect([s.allowedProbes, s.ports, s.hosts, s.severity]).toEqual([0, 0, 0, 0]);
    expect(s.explanation).toBe('3 late packets of connections already under way (ACK/RST, no SYN), to 22/tcp');
    expect(s.scoreParts.factor).toBe(0.2);
    // Below every blocked one-off RDP probe.
    expect(s.rank).toBe(r.sources.length);
  });

  it('the SYN that opened it is still what got in; a blocked ACK is still a forgotten connection\'s late packet', () => {
    const s = row(summarize([ufw('allow', ['SYN'], 0), ...session]));
    expect(ids(s)).toEqual(['allowed-in', 'late-packets']);
    expect(s.explanation).toBe('allowed in: 1 packet to 22/tcp · 3 late packets of connections already under way (ACK/RST, no SYN), to 22/tcp');
    expect(s.findings[0]).toMatchObject({ evidence: { ports: ['22/tcp'], packets: 1, allowedPackets: 1 } });
    expect(s.allowedProbes).toBe(1);
    const blocked = ufw('drop', ['ACK'], 5);
    expect(trafficKind(blocked)).toBe('late');
    expect(row(summarize([blocked])).explanation).toBe('1 late packet of a connection the firewall had forgotten (ACK/RST, no SYN), to 22/tcp');
  });

  it('Windows Firewall alike (ALLOW … RECEIVE with tcpflags A)', () => {
    const e = annotateOne({ format: 'windows-firewall', rule: 'ALLOW', inIface: null, action: 'allow', proto: 'tcp', tcpFlags: ['ACK'], src: { ip: OUTSIDE, port: 51000 }, dst: { ip: '192.168.1.35', port: 3389 } });
    expect(trafficKind(e)).toBe('late');
    expect(ids(row(summarize([e])))).toEqual(['late-packets']);
  });

  it('bare ACKs let in to many ports are still an ACK scan: a stateless filter that lets ACKs through is what nmap -sA maps', () => {
    const scan = Array.from({ length: DEFAULT_THRESHOLDS.stealth.minPortsFinAck }, (_, i) => ufw('allow', ['ACK'], i, { dst: { ip: '198.51.100.10', port: 47001 + i } }));
    const s = row(summarize([...background, ...scan]));
    expect(ids(s)).toEqual(['ack-scan']);
    expect(s.ports).toBe(5);
    expect(s.rank).toBe(1);
  });
});

describe('allowed-in through the CLI (pfirewall.log)', () => {
  const dir = tempDir();
  const log = join(dir, 'pfirewall.log');
  const header = '#Version: 1.5\n#Software: Microsoft Windows Firewall\n#Time Format: Local\n#Fields: date time action protocol src-ip dst-ip src-port dst-port size tcpflags tcpsyn tcpack tcpwin icmptype icmpcode info path\n\n';
  const drops = Array.from({ length: 5 }, (_, i) => `2026-03-10 10:1${i}:00 DROP TCP 198.51.100.${10 + i} 192.168.1.35 4001${i} 3389 52 S 1 0 64240 - - - RECEIVE`);
  const allows = [`2026-03-10 11:00:00 ALLOW TCP ${OUTSIDE} 192.168.1.35 51000 3389 0 - 0 0 0 - - - RECEIVE`, `2026-03-10 11:00:05 ALLOW TCP ${OUTSIDE} 192.168.1.35 51001 445 0 - 0 0 0 - - - RECEIVE`];
  writeFileSync(log, header + [...drops, ...allows].join('\n') + '\n');

  it('the top row says what got in, in the table, JSON and Markdown', () => {
    const text = runCli([log]).stdout;
    expect(text).toMatch(/│ 1 +│ 203\.0\.113\.66 .*│ allowed in: 2 connections to +│/);
    expect(text).toMatch(/findings +probes allowed in \(allowed-in\) 1/);
    const doc = JSON.parse(runCli([log, '-o', 'json']).stdout) as { sources: RankedSource[] };
    expect(doc.sources[0]).toMatchObject({ ip: OUTSIDE, allowedProbes: 2, explanation: 'allowed in: 2 connections to 445/tcp, 3389/tcp' });
    expect(doc.sources[1]).toMatchObject({ allowedProbes: 0, explanation: '1 packet to 3389/tcp' });
    expect(runCli([log, '-o', 'md']).stdout).toContain('| allowed in: 2 connections to 445/tcp, 3389/tcp |');
    expect(runCli(['explain', 'allowed-in']).stdout).toMatch(/let probes from outside reach a sensitive service/);
  });
});
