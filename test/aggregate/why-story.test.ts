// A ranked source's "why" tells the whole story: the probes beside a finding that covers
// only part of its traffic, this side's own traffic that egress rules stopped, and
// server-reply labels that read as a kind of server.
import { describe, expect, it } from 'vitest';
import { Summarizer, type RankedSource, type SummaryResult } from '../../src/aggregate/summary.js';
import { DEFAULT_THRESHOLDS } from '../../src/aggregate/thresholds.js';
import type { FirewallEvent } from '../../src/event.js';
import { at, makeEvent } from '../helpers/events.js';
import { ann, summarize } from '../helpers/summary-events.js';
import { annotateOne } from '../annotate/kb.js';
import { annotationRoles } from '../../src/annotate/roles.js';

function row(r: SummaryResult, ip: string): RankedSource {
  const found = r.sources.find((s) => s.ip === ip);
  if (!found) throw new Error(`no row for ${ip}`);
  return found;
}

function summarizeZh(events: readonly FirewallEvent[]): SummaryResult {
  const s = new Summarizer(DEFAULT_THRESHOLDS);
  for (const e of events) s.add(e);
  return s.result({ kb: null, lang: 'zh' });
}

/** rafaelnett-cdo_lab03_pfirewall.log's 192.168.17.1: SSDP and LLMNR multicast, and dropped NetBIOS probes of one address. */
function chatterAndProbes(ip: string, chatter: number, probes: number): FirewallEvent[] {
  const multicast = Array.from({ length: chatter }, (_, i) =>
    makeEvent({ proto: 'udp', tcpFlags: null, time: at(i), src: { ip, port: 50000 + i }, dst: { ip: '239.255.255.250', port: 1900 }, annotations: [ann('lan-broadcast', 0)] }),
  );
  const netbios = Array.from({ length: probes }, (_, i) =>
    makeEvent({ proto: 'udp', tcpFlags: null, time: at(100 + i), src: { ip, port: 137 }, dst: { ip: '192.168.1.100', port: 137 }, annotations: [ann('srcport-service', 0)] }),
  );
  return [...multicast, ...netbios];
}

describe('the probes beside a finding that covers part of a source', () => {
  it('LAN chatter and probes: the why says the probes too, in en and zh', () => {
    const events = chatterAndProbes('192.168.17.1', 26, 17);
    expect(row(summarize(events), '192.168.17.1').explanation).toBe('local broadcast noise; and 17 packets to 137/udp');
    expect(row(summarizeZh(events), '192.168.17.1').explanation).toBe('局域网广播噪声；另有发往 137/udp 的 17 个包');
  });

  it('a late packet and a SYN (crowdsec-hub_pf-logs.log 10.0.2.2): the SYN is said', () => {
    const tcp = (flags: string[], sport: number, sec: number) =>
      annotateOne({ proto: 'tcp', tcpFlags: flags, action: 'drop', time: at(sec), src: { ip: '198.51.100.2', port: sport }, dst: { ip: '198.51.100.15', port: 22 } });
    const s = row(summarize([tcp(['ACK', 'PSH'], 53742, 0), tcp(['SYN'], 53792, 15)]), '198.51.100.2');
    expect(s.findings.map((f) => f.id)).toEqual(['late-packets']);
    expect(s.explanation).toBe('1 late packet of a connection the firewall had forgotten (ACK/RST, no SYN), to 22/tcp; and 1 packet to 22/tcp');
  });

  it('probes the firewall let in are said with the rest, not apart', () => {
    const noise = chatterAndProbes('192.0.2.9', 5, 0).map((e) => ({ ...e, src: { ...e.src, ip: '192.0.2.9' } }));
    const allowed = makeEvent({ proto: 'udp', tcpFlags: null, action: 'allow', time: at(50), src: { ip: '192.0.2.9', port: 40000 }, dst: { ip: '198.51.100.15', port: 5060 } });
    expect(row(summarize([...noise, allowed]), '192.0.2.9').explanation).toBe('local broadcast noise; and 1 packet to 5060/udp (allowed)');
  });

  it('a finding that covers every packet says nothing more (the common case stays as short)', () => {
    expect(row(summarize(chatterAndProbes('192.168.17.2', 12, 0)), '192.168.17.2').explanation).toBe('local broadcast noise');
    const late = [0, 60].map((sec) => annotateOne({ proto: 'tcp', tcpFlags: ['ACK'], action: 'drop', time: at(sec), src: { ip: '198.51.100.7', port: 38842 }, dst: { ip: '198.51.100.10', port: 443 } }));
    expect(row(summarize(late), '198.51.100.7').explanation).toBe('2 late packets of connections the firewall had forgotten (ACK/RST, no SYN), to 443/tcp');
  });
});

describe("this side's own traffic that the firewall blocked going out", () => {
  const out = (ip: string, dport: number, sec: number, action: 'drop' | 'reject' = 'reject') =>
    makeEvent({ direction: 'out', action, time: at(sec), src: { ip, port: 49566 }, dst: { ip: '10.3.94.10', port: dport } });

  it('is said to be that, not probes (crowdsec-hub_proxmox-pvefw.log 10.3.94.12)', () => {
    const r = summarize([out('10.3.94.12', 22, 0)]);
    expect(row(r, '10.3.94.12').explanation).toBe("blocked going out (this side's own traffic): 1 packet to 22/tcp");
    expect(row(summarizeZh([out('10.3.94.12', 22, 0)]), '10.3.94.12').explanation).toBe('本方自身外发的流量被拦截：发往 22/tcp 的 1 个包');
  });

  it('a source with probes too says how many of its packets were its own going out', () => {
    const inbound = makeEvent({ direction: 'in', action: 'drop', time: at(5), src: { ip: '10.3.94.12', port: 40000 }, dst: { ip: '10.3.94.10', port: 3306 } });
    expect(row(summarize([out('10.3.94.12', 22, 0), inbound]), '10.3.94.12').explanation).toBe('2 packets to 22/tcp, 3306/tcp (1 blocked going out from this side)');
  });

  it('a finding about such traffic is said as this side\'s own too, once: a LAN machine sweeping port 443 through egress rules', () => {
    const sweep = Array.from({ length: 12 }, (_, i) => makeEvent({ direction: 'out', action: 'drop', time: at(i * 60), src: { ip: '192.168.1.37', port: 50000 + i }, dst: { ip: `192.0.2.${i + 1}`, port: 443 } }));
    expect(row(summarize(sweep), '192.168.1.37').explanation).toBe("blocked going out (this side's own traffic): sweep of 12 hosts on 443/tcp in 11 min");
    // outbound-blocked already says it went out.
    const smtp = makeEvent({ direction: 'out', action: 'drop', time: at(0), src: { ip: '192.168.1.38', port: 50000 }, dst: { ip: '192.0.2.25', port: 25 }, annotations: [ann('smtp-outbound', 2)] });
    expect(row(summarize([smtp]), '192.168.1.38').explanation).not.toMatch(/own traffic/);
  });

  it('inbound probes keep their wording', () => {
    const inbound = makeEvent({ direction: 'in', action: 'drop', time: at(5), src: { ip: '203.0.113.5', port: 40000 }, dst: { ip: '10.3.94.10', port: 22 } });
    expect(row(summarize([inbound]), '203.0.113.5').explanation).toBe('1 packet to 22/tcp');
  });
});

describe('server replies: every label used with role reply reads as a kind of server', () => {
  it("a Cisco ASA teardown record's far end (metron_asa_raw.log 207.111.72.122, SNMP from 161)", () => {
    const e = makeEvent({ proto: 'udp', tcpFlags: null, action: 'allow', time: at(0), src: { ip: '207.111.72.122', port: 161 }, dst: { ip: '10.22.8.48', port: 63298 }, annotations: [ann('connection-reply', 0)] });
    expect(row(summarize([e]), '207.111.72.122').explanation).toBe('service-port server replies (1 packet to client ports)');
  });

  it('no reply label names something that is not a kind of server (ASA connection, backscatter)', () => {
    const roles = annotationRoles();
    const labels = roles.ids('reply').map((id) => roles.label(id, 'en'));
    expect(labels).not.toContain('ASA connection');
    expect(labels).not.toContain('backscatter');
    expect(roles.ids('reply').map((id) => roles.label(id, 'zh'))).not.toContain('ASA 连接');
  });
});

describe('packets of protocols other than TCP, UDP and ICMP are named', () => {
  // elastic-integrations_test-iptables-raw.log's 192.168.110.116: a late ACK and one ESP packet.
  const late = (ip: string) => annotateOne({ proto: 'tcp', tcpFlags: ['ACK'], action: 'drop', time: at(0), src: { ip, port: 4500 }, dst: { ip: '192.168.2.25', port: 1443 } });
  const portless = (ip: string, proto: string, sec: number) => makeEvent({ proto, tcpFlags: null, action: 'drop', time: at(sec), src: { ip, port: null }, dst: { ip: '192.168.2.25', port: null } });

  it('one ESP packet beside a late packet: "1 ESP packet", in en and zh', () => {
    const events = [late('192.168.110.116'), portless('192.168.110.116', 'esp', 1)];
    expect(row(summarize(events), '192.168.110.116').explanation).toMatch(/; and 1 ESP packet$/);
    expect(row(summarizeZh(events), '192.168.110.116').explanation).toMatch(/；另有 1 个 ESP 包$/);
  });

  it('two protocols are both named; a number without a name reads as the header says it', () => {
    expect(row(summarize([portless('192.0.2.61', 'gre', 0), portless('192.0.2.61', 'esp', 1)]), '192.0.2.61').explanation).toBe('2 GRE/ESP packets');
    expect(row(summarize([portless('192.0.2.62', '162', 0)]), '192.0.2.62').explanation).toBe('1 proto 162 packet');
    expect(row(summarizeZh([portless('192.0.2.62', '162', 0)]), '192.0.2.62').explanation).toBe('1 个协议 162 包');
  });

  it('more than three are cut to three and a count; a word no table names stays "other"', () => {
    const many = ['gre', 'esp', 'ah', 'ospf', 'pim'].map((p, i) => portless('192.0.2.63', p, i));
    expect(row(summarize(many), '192.0.2.63').explanation).toBe('5 GRE/ESP/AH +2 packets');
    expect(row(summarize([portless('192.0.2.64', 'other', 0)]), '192.0.2.64').explanation).toBe('1 other packet');
  });
});
