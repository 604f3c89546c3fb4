// A packet this side sent that egress rules stopped (ufw's [UFW BLOCK] going out, an iptables
// OUTPUT drop, a LAN machine's packet the router would not forward out) is read as this side's,
// not as someone probing it: the port's knowledge-base text is written for a packet coming in.
import { describe, expect, it } from 'vitest';
import { LineExplainer } from '../../src/cli/explain-line.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import type { Annotation } from '../../src/event.js';
import type { Lang } from '../../src/knowledge/types.js';
import { TEST_REF_DATE } from '../helpers/parse.js';

const kb = loadKnowledge();

/** A SYN from `src` to `dst`:`dport`, logged by `prefix` with the given interfaces. */
function line(prefix: string, ifaces: string, src: string, dst: string, dport: number, proto: 'TCP' | 'UDP' = 'TCP'): string {
  const l4 = proto === 'TCP' ? `PROTO=TCP SPT=40120 DPT=${dport} WINDOW=64240 RES=0x00 SYN URGP=0` : `PROTO=UDP SPT=40120 DPT=${dport} LEN=40`;
  return `Nov 20 07:17:28 gw kernel: [311048.081468] ${prefix} ${ifaces} SRC=${src} DST=${dst} LEN=60 TOS=0x00 PREC=0x00 TTL=64 ID=40121 DF ${l4}`;
}

const UFW_OUT = (dport: number, proto?: 'TCP' | 'UDP') => line('[UFW BLOCK]', 'IN= OUT=eth0', '192.168.1.20', '198.51.100.40', dport, proto);
const OUTPUT_DROP = (dport: number) => line('OUTPUT DROP:', 'IN= OUT=eth0', '192.168.1.20', '198.51.100.40', dport);
const OUTPUT_REJECT = (dport: number) => line('OUTPUT REJECT:', 'IN= OUT=eth0', '192.168.1.20', '198.51.100.40', dport);
const FORWARDED = (dport: number) => line('FWD DROP:', 'IN=eth1 OUT=eth0', '192.168.1.55', '198.51.100.40', dport);
const PUBLIC_HOST_OUT = (dport: number) => line('[UFW BLOCK]', 'IN= OUT=eth0', '203.0.113.20', '198.51.100.40', dport);
const INBOUND = (dport: number) => line('[UFW BLOCK]', 'IN=eth0 OUT= MAC=52:54:00:3a:91:c2:00:1b:21:7e:04:aa:08:00', '203.0.113.9', '192.168.1.20', dport);
const ALLOWED_OUT = (dport: number) => line('[UFW ALLOW]', 'IN= OUT=eth0', '192.168.1.20', '198.51.100.40', dport);

function annotations(l: string, lang: Lang = 'en'): Annotation[] {
  const r = new LineExplainer(kb, lang, { now: TEST_REF_DATE }).read(l);
  expect(r.outcome, l).toBe('event');
  return r.event!.annotations;
}
const ids = (l: string): string[] => annotations(l).map((a) => a.id);
const own = (l: string, lang: Lang = 'en'): Annotation | undefined => annotations(l, lang).find((a) => a.id === 'port-known-own');

describe("this side's own packets that egress rules stopped", () => {
  const blocked: [string, string][] = [
    ['ufw [UFW BLOCK] going out, TCP 1433', UFW_OUT(1433)],
    ['ufw [UFW BLOCK] going out, TCP 5900', UFW_OUT(5900)],
    ['ufw [UFW BLOCK] going out, TCP 22', UFW_OUT(22)],
    ['ufw [UFW BLOCK] going out, UDP 161', UFW_OUT(161, 'UDP')],
    ['this host, without a public address of its own (ufw going out from 203.0.113.20)', PUBLIC_HOST_OUT(3389)],
    ['iptables OUTPUT chain drop, TCP 3389', OUTPUT_DROP(3389)],
    ['iptables OUTPUT chain reject, TCP 3306', OUTPUT_REJECT(3306)],
    ['a LAN machine forwarded out, TCP 3306', FORWARDED(3306)],
    ['a LAN machine forwarded out, TCP 5900', FORWARDED(5900)],
    ["this host's own query to its local resolver, dropped on lo", line('IPTABLES-DROP:', 'IN=lo OUT=', '127.0.0.1', '127.0.0.53', 53, 'UDP')],
  ];

  it.each(blocked)("%s: the port's name as this side's own, stopped going out, not the inbound text", (_, l) => {
    expect(ids(l)).toContain('port-known-own');
    expect(ids(l)).not.toContain('port-known');
    const a = own(l)!;
    expect(a.text).toMatch(/stopped/);
    expect(a.text).not.toMatch(/probe|scann|brute/i);
    // The port's severity is a probe's; this side's own packet that was stopped harms nobody by its port alone.
    expect(a.severity).toBe(0);
  });

  it('says it in Chinese too, in words of its own', () => {
    const en = own(UFW_OUT(1433))!.text;
    const zh = own(UFW_OUT(1433), 'zh')!.text;
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
    expect(zh).toMatch(/拦/);
    expect(zh).not.toBe(en);
    expect(zh).not.toMatch(/探测|扫描/);
  });

  it("differs from the text for this side's traffic the firewall let out", () => {
    expect(own(ALLOWED_OUT(22))!.text).not.toMatch(/stopped/);
    expect(own(UFW_OUT(22))!.text).not.toBe(own(ALLOWED_OUT(22))!.text);
  });

  // Each of these names the program and says what to do; "this side's own connection to that
  // service, which the firewall stopped" beside it would say the same twice, in vaguer words.
  const speaking: [string, string, string][] = [
    ['Windows sharing, stopped', UFW_OUT(445), 'smb-outbound'],
    ['IRC from a LAN machine, stopped', FORWARDED(6667), 'irc-outbound'],
    ['IRC from this host, stopped', UFW_OUT(6667), 'irc-outbound'],
    ['direct mail, stopped', UFW_OUT(25), 'smtp-outbound'],
    ['telnet, stopped', UFW_OUT(23), 'telnet-outbound'],
    ["Back Orifice's port, stopped", UFW_OUT(31337), 'trojan-outbound'],
    ["Back Orifice's port, let out", ALLOWED_OUT(31337), 'trojan-outbound'],
    ['the adbot, stopped', UFW_OUT(17027), 'adbot-outbound'],
    ['the adbot, let out', ALLOWED_OUT(17027), 'adbot-outbound'],
  ];
  it.each(speaking)('%s: the rule about bot or malware ports is the one reading', (_, l, rule) => {
    expect(ids(l)).toContain(rule);
    expect(ids(l)).not.toContain('port-known-own');
    expect(ids(l)).not.toContain('port-known');
  });

  it('an IRC connection the firewall let out is no bot sign: the service, as this side\'s own', () => {
    expect(ids(ALLOWED_OUT(6667))).not.toContain('irc-outbound');
    expect(own(ALLOWED_OUT(6667))!.text).toMatch(/^IRC chat: this side's own connection/);
  });

  it('leaves packets coming in as they were: the inbound text, its severity', () => {
    const a = annotations(INBOUND(22));
    expect(a.map((x) => x.id)).toContain('port-known');
    expect(a.map((x) => x.id)).not.toContain('port-known-own');
    expect(a.find((x) => x.id === 'port-known')!.severity).toBeGreaterThan(0);
    expect(a.find((x) => x.id === 'port-known')!.text).toMatch(/password guessing/);
  });
});

describe("this side's servers answering clients out there", () => {
  /** A packet from this side's service port `sport` to a client's random port `dport`. */
  const reply = (prefix: string, ifaces: string, sport: number, dport: number, flags: string) =>
    `Nov 20 07:17:28 gw kernel: [311048.081468] ${prefix} ${ifaces} SRC=192.168.1.10 DST=198.51.100.40 LEN=52 TOS=0x00 PREC=0x00 TTL=64 ID=0 DF PROTO=TCP SPT=${sport} DPT=${dport} WINDOW=501 RES=0x00 ${flags} URGP=0`;
  const cases: [string, string][] = [
    // ufw drops the late ACK FIN of an SSH session conntrack already closed.
    ['ufw [UFW BLOCK] going out, ACK FIN from 22 to 31337', reply('[UFW BLOCK]', 'IN= OUT=eth0', 22, 31337, 'ACK FIN')],
    ['a LAN web server forwarded out, ACK PSH from 443 to 54321', reply('FWD ACCEPT:', 'IN=eth1 OUT=eth0', 443, 54321, 'ACK PSH')],
    ['a reset from 80 to 12345, going out', reply('OUTPUT DROP:', 'IN= OUT=eth0', 80, 12345, 'RST')],
  ];

  it.each(cases)("%s: the server's reply, not malware here calling out on the client's port", (_, l) => {
    const got = ids(l);
    expect(got).toContain('tcp-reply-own');
    for (const wrong of ['trojan-outbound', 'port-known', 'port-known-own']) expect(got).not.toContain(wrong);
    expect(Math.max(...annotations(l).map((a) => a.severity))).toBe(0);
  });

  it("a malware name with its own article reads once: 'the port of The Spy trojan'", () => {
    const t = annotations(line('[UFW BLOCK]', 'IN= OUT=eth0', '192.168.1.20', '198.51.100.40', 40412)).find((a) => a.id === 'trojan-outbound')!.text;
    expect(t).toContain('to the port of The Spy trojan.');
    expect(t).not.toMatch(/the The/);
    // The port's own text, written with the name in it, too.
    for (const e of kb.lookup('tcp', 40412)) expect(e.text.en).not.toMatch(/the The/);
    expect(kb.lookup('tcp', 40412).length).toBeGreaterThan(0);
  });

  it('a program here opening a connection to a trojan port is still trojan-outbound', () => {
    expect(ids(line('[UFW BLOCK]', 'IN= OUT=eth0', '192.168.1.20', '198.51.100.40', 31337))).toContain('trojan-outbound');
    // From a service port, but a SYN: no reply.
    expect(ids(reply('[UFW BLOCK]', 'IN= OUT=eth0', 80, 31337, 'SYN'))).toContain('trojan-outbound');
  });
});
