// The streaming detectors: dial-up leftovers, retry heartbeats, traceroute sessions,
// backscatter, and the memory bounds.
import { describe, expect, it } from 'vitest';
import type { FirewallEvent } from '../../src/event.js';
import { at, ids, makeEvent, type EventInit } from '../helpers/events.js';
import { annotator } from './kb.js';

const MIN = 60;

function run(events: EventInit[], options = {}): FirewallEvent[] {
  const a = annotator(options);
  const out = events.map((init) => makeEvent(init));
  a.annotateAll(out);
  return out;
}

describe('dialup-leftover', () => {
  const local = '203.0.113.50';
  const chat = (sec: number, extra: EventInit = {}): EventInit => ({ time: at(sec), proto: 'udp', dst: { ip: local, port: 4000 }, ...extra });

  it('chat traffic right after the local address first appears is a leftover, and says it is not an attack', () => {
    const [first, second] = run([{ time: at(0), dst: { ip: local, port: 80 } }, chat(10 * MIN)]);
    expect(ids(first!)).not.toContain('dialup-leftover');
    const a = second!.annotations.find((x) => x.id === 'dialup-leftover');
    expect(a?.text).toMatch(/not an attack on you/);
  });
  it('the same traffic outside the window is not', () => {
    const evs = run([{ time: at(0), dst: { ip: local, port: 80 } }, chat(31 * MIN)]);
    expect(ids(evs[1]!)).not.toContain('dialup-leftover');
  });
  it('the window is configurable', () => {
    const evs = run([{ time: at(0), dst: { ip: local, port: 80 } }, chat(10 * MIN)], { leftoverWindowMs: 5 * 60_000 });
    expect(ids(evs[1]!)).not.toContain('dialup-leftover');
  });
  it('a new address on the interface (the lease changed) opens a new window', () => {
    const evs = run([
      { time: at(0), dst: { ip: local, port: 80 } },
      chat(2 * 3600, { dst: { ip: '203.0.113.77', port: 13223 }, proto: 'tcp' }),
      chat(2 * 3600 + 5 * MIN, { dst: { ip: '203.0.113.77', port: 6776 }, proto: 'tcp' }),
      chat(2 * 3600 + 6 * MIN), // the old address again, active before: not re-leased within its window
    ]);
    expect(ids(evs[1]!)).toContain('dialup-leftover');
    expect(ids(evs[2]!)).toContain('dialup-leftover');
    expect(ids(evs[3]!)).toContain('dialup-leftover'); // back after >30 min away while another address was in use
  });
  it('an address that stayed in use does not reopen its window', () => {
    const events: EventInit[] = [];
    for (let m = 0; m <= 120; m += 10) events.push({ time: at(m * MIN), dst: { ip: local, port: 80 } });
    events.push(chat(121 * MIN));
    const evs = run(events);
    expect(ids(evs.at(-1)!)).not.toContain('dialup-leftover');
  });
  it('covers game, RealAudio, PowWow, OICQ, Sub-7 destinations and game-server source ports', () => {
    const evs = run([
      chat(0, { dst: { ip: local, port: 27015 } }),
      chat(1, { dst: { ip: local, port: 7000 } }),
      chat(2, { proto: 'tcp', dst: { ip: local, port: 13223 } }),
      chat(3, { dst: { ip: local, port: 8000 } }),
      chat(4, { proto: 'tcp', dst: { ip: local, port: 6776 } }),
      chat(5, { src: { port: 27960 }, dst: { ip: local, port: 50123 } }),
      // An ICQ server answers from 4000 to the client's random port (002: the source port tells).
      chat(6, { src: { port: 4000 }, dst: { ip: local, port: 45000 } }),
    ]);
    for (const e of evs) expect(ids(e)).toContain('dialup-leftover');
    // The log cannot show a lease change before its first line: the text says "first appeared".
    expect(evs[0]!.annotations.find((x) => x.id === 'dialup-leftover')?.text).toMatch(/first appeared in the log/);
  });
  it('covers the file-sharing networks whose peers remember an address for hours (BitTorrent, Transmission, eMule)', () => {
    const evs = run([
      chat(0, { dst: { ip: local, port: 6881 } }),
      chat(1, { proto: 'tcp', dst: { ip: local, port: 6889 } }),
      chat(2, { dst: { ip: local, port: 51413 } }),
      chat(3, { proto: 'tcp', dst: { ip: local, port: 51413 } }),
      chat(4, { proto: 'tcp', dst: { ip: local, port: 4662 } }),
      chat(5, { dst: { ip: local, port: 4672 } }),
    ]);
    for (const e of evs) expect(ids(e), String(e.dst.port)).toContain('dialup-leftover');
    expect(evs[0]!.annotations.find((x) => x.id === 'dialup-leftover')?.text).toMatch(/file-sharing/);
    // eMule's ports are one per protocol; 6890 is past BitTorrent's range.
    const others = run([chat(0, { dst: { ip: local, port: 4662 } }), chat(1, { proto: 'tcp', dst: { ip: local, port: 4672 } }), chat(2, { dst: { ip: local, port: 6890 } })]);
    for (const e of others) expect(ids(e), String(e.dst.port)).not.toContain('dialup-leftover');
  });
  it('not for other ports, outbound traffic or broadcast destinations', () => {
    const evs = run([
      chat(0, { dst: { ip: local, port: 4001 } }),
      chat(1, { direction: 'out' }),
      chat(2, { dst: { ip: '203.0.113.255', port: 4000 } }),
      chat(3, { proto: 'tcp', dst: { ip: local, port: 4000 } }),
      chat(4, { src: { port: 4001 }, dst: { ip: local, port: 45000 } }),
    ]);
    for (const e of evs) expect(ids(e)).not.toContain('dialup-leftover');
  });
  it('without any clock (no time, no uptime) the window cannot be judged: not emitted', () => {
    const evs = run([chat(0, { time: null })]);
    expect(ids(evs[0]!)).not.toContain('dialup-leftover');
  });
  it('uses the kernel uptime as the clock when there is no wall time (dmesg)', () => {
    const evs = run([
      { time: null, uptime: 100, dst: { ip: local, port: 80 } },
      chat(0, { time: null, uptime: 100 + 5 * MIN }),
      chat(0, { time: null, uptime: 100 + 40 * MIN }),
    ]);
    expect(ids(evs[1]!)).toContain('dialup-leftover');
    expect(ids(evs[2]!)).not.toContain('dialup-leftover');
  });
});

describe('powwow-retry', () => {
  const pw = (sec: number, src = '198.51.100.9'): EventInit => ({ time: at(sec), src: { ip: src }, dst: { port: 13223 } });
  it('TCP 13223 attempts at a steady beat become powwow-retry from the third on', () => {
    const evs = run([pw(0), pw(30), pw(61), pw(90)]);
    expect(evs.map((e) => ids(e).includes('powwow-retry'))).toEqual([false, false, true, true]);
  });
  it('irregular attempts are not a heartbeat', () => {
    const evs = run([pw(0), pw(20), pw(200), pw(215)]);
    expect(evs.some((e) => ids(e).includes('powwow-retry'))).toBe(false);
  });
  it('SYN retransmissions (1 s, 3 s) do not count as beats', () => {
    const evs = run([pw(0), pw(1), pw(3), pw(7)]);
    expect(evs.some((e) => ids(e).includes('powwow-retry'))).toBe(false);
  });
  it('a steady beat from different sources is not one series', () => {
    const evs = run([pw(0, '192.0.2.1'), pw(30, '192.0.2.2'), pw(60, '192.0.2.3')]);
    expect(evs.some((e) => ids(e).includes('powwow-retry'))).toBe(false);
  });
  it('a long pause starts a new series', () => {
    const evs = run([pw(0), pw(30), pw(30 + 3600), pw(60 + 3600)]);
    expect(evs.some((e) => ids(e).includes('powwow-retry'))).toBe(false);
  });
});

describe('sub7-retry', () => {
  const s7 = (sec: number): EventInit => ({ time: at(sec), dst: { port: 6776 } });
  it('repeated 6776 from one source is grouped as sub7-retry from the third attempt', () => {
    const evs = run([s7(0), s7(40), s7(200), s7(230)]);
    expect(evs.map((e) => ids(e).includes('sub7-retry'))).toEqual([false, false, true, true]);
    for (const e of evs) expect(ids(e)).toContain('sub7-artifact');
  });
  it('a single attempt is not', () => expect(ids(run([s7(0)])[0]!)).not.toContain('sub7-retry'));
});

describe('traceroute sessions', () => {
  const probe = (sec: number, port: number, src = '192.0.2.33', dst = '198.51.100.10'): EventInit => ({
    time: at(sec),
    proto: 'udp',
    src: { ip: src, port: 45000 },
    dst: { ip: dst, port },
  });
  it('groups a burst of rising probes per (source, target)', () => {
    const a = annotator();
    const events: EventInit[] = [];
    for (let i = 0; i < 9; i++) events.push(probe(i * 0.2, 33434 + i));
    events.push(probe(3, 33437, '192.0.2.33', '198.51.100.11'));
    events.push(probe(1000, 33440)); // after the gap: a second run
    a.annotateAll(events.map((e) => makeEvent(e)));
    const s = a.sessions();
    expect(s).toHaveLength(3);
    expect(s[0]).toEqual({
      src: '192.0.2.33',
      dst: '198.51.100.10',
      first: at(0),
      last: at(8 * 0.2),
      probes: 9,
      minPort: 33434,
      maxPort: 33442,
      rising: true,
    });
    expect(s[1]).toMatchObject({ dst: '198.51.100.11', probes: 1 });
    expect(s[2]).toMatchObject({ dst: '198.51.100.10', probes: 1, minPort: 33440, first: at(1000) });
  });
  it('does not record non-traceroute UDP', () => {
    const a = annotator();
    a.annotateAll([makeEvent(probe(0, 33601)), makeEvent(probe(1, 33433))]);
    expect(a.sessions()).toEqual([]);
  });
  it('marks a session whose ports went down as not rising', () => {
    const a = annotator();
    a.annotateAll([makeEvent(probe(0, 33440)), makeEvent(probe(1, 33434))]);
    expect(a.sessions()[0]!.rising).toBe(false);
  });
});

describe('backscatter', () => {
  const synack = (sec: number, src: string, dport = 40000): EventInit => ({ time: at(sec), src: { ip: src, port: 80 }, dst: { port: dport }, tcpFlags: ['SYN', 'ACK'] });
  const out = (sec: number, dst: string): EventInit => ({ time: at(sec), direction: 'out', action: 'allow', src: { ip: '198.51.100.10', port: 40000 }, dst: { ip: dst, port: 80 } });

  it('SYN+ACK to a high port from a host we never contacted is backscatter', () => {
    expect(ids(run([synack(0, '192.0.2.80')])[0]!)).toContain('backscatter');
  });
  it('not from a host we contacted, nor to a low port', () => {
    const evs = run([out(0, '192.0.2.80'), synack(10, '192.0.2.80'), synack(11, '192.0.2.81', 443)]);
    expect(ids(evs[1]!)).not.toContain('backscatter');
    expect(ids(evs[2]!)).not.toContain('backscatter');
  });
  it('a contact expires after its TTL', () => {
    const evs = run([out(0, '192.0.2.80'), synack(3 * 3600, '192.0.2.80')]);
    expect(ids(evs[1]!)).toContain('backscatter');
  });
  it('RST from an uncontacted host is backscatter once outbound traffic is visible, replacing stale-connection', () => {
    const evs = run([out(0, '192.0.2.1'), { time: at(5), src: { ip: '192.0.2.99', port: 80 }, dst: { port: 50000 }, tcpFlags: ['RST'] }]);
    expect(ids(evs[1]!)).toContain('backscatter');
    expect(ids(evs[1]!)).not.toContain('stale-connection');
  });
  it('RST from a contacted host is a reply from its service port, else a stale connection', () => {
    const evs = run([
      out(0, '192.0.2.1'),
      { time: at(5), src: { ip: '192.0.2.1', port: 80 }, dst: { port: 50000 }, tcpFlags: ['RST', 'ACK'] },
      { time: at(6), src: { ip: '192.0.2.1', port: 51413 }, dst: { port: 50000 }, tcpFlags: ['RST', 'ACK'] },
    ]);
    expect(ids(evs[1]!)).toEqual(['tcp-reply']);
    expect(ids(evs[2]!)).toEqual(['stale-connection']);
  });
  it('a bare RST (no ACK) from a service port to a high port is a server reply too, whether or not the log shows outbound traffic: not a late packet with srcport-low', () => {
    // A Cisco ASA's "106015 Deny TCP (no connection) from 50.111.72.230/80 to 204.111.72.254/53077 flags RST".
    const rst = (sec: number, sport: number, dport = 53077): EventInit => ({ time: at(sec), src: { ip: '192.0.2.1', port: sport }, dst: { port: dport }, tcpFlags: ['RST'] });
    expect(ids(run([rst(0, 80)])[0]!)).toEqual(['tcp-reply']);
    const evs = run([out(0, '192.0.2.1'), rst(5, 80), rst(6, 443, 443), rst(7, 51413)]);
    expect(ids(evs[1]!)).toEqual(['tcp-reply']);
    // To a port below 1024 it is no client's: the low source port stays unexplained.
    expect(ids(evs[2]!)).toEqual(expect.arrayContaining(['stale-connection', 'srcport-low']));
    expect(ids(evs[3]!)).toEqual(['stale-connection']);
  });

  it('a SYN+ACK from a host never contacted is backscatter, not also a reply nor a probe of the port it lands on', () => {
    // 12345 is NetBus: a flood's victim answering our spoofed address is not a NetBus probe.
    const evs = run([out(0, '192.0.2.1'), { time: at(5), src: { ip: '198.51.100.9', port: 80 }, dst: { port: 12345 }, tcpFlags: ['SYN', 'ACK'] }]);
    expect(ids(evs[1]!)).toEqual(['backscatter']);
  });
});

describe('srcport-dns-disguise: a source that already showed it is no DNS server', () => {
  const from53 = (sec: number, src: string, dport: number, extra: EventInit = {}): EventInit => ({ time: at(sec), proto: 'udp', src: { ip: src, port: 53 }, dst: { port: dport }, ...extra });

  it('its later packets from 53 to high ports are probes, not DNS replies: the port keeps its meaning', () => {
    const evs = run([
      from53(0, '198.51.100.53', 31337), // nothing known about the source yet: a late DNS reply
      from53(1, '198.51.100.53', 137), // no reply goes below 1024
      from53(2, '198.51.100.53', 31337),
      from53(3, '198.51.100.54', 31337), // another source is still a DNS server
    ]);
    expect(ids(evs[0]!)).toEqual(['srcport-dns']);
    expect(ids(evs[1]!)).toContain('srcport-dns-probe');
    expect(ids(evs[2]!)).toEqual(expect.arrayContaining(['srcport-dns-disguise', 'port-known', 'trojan']));
    expect(ids(evs[2]!)).not.toContain('srcport-dns');
    expect(ids(evs[3]!)).toEqual(['srcport-dns']);
  });
  it('a TCP SYN from 53 gives the source away too, and a TCP ACK from 53 afterwards is no reply', () => {
    const evs = run([
      { time: at(0), src: { ip: '198.51.100.53', port: 53 }, dst: { port: 22 }, tcpFlags: ['SYN'] },
      { time: at(5), src: { ip: '198.51.100.53', port: 53 }, dst: { port: 40000 }, tcpFlags: ['ACK'] },
    ]);
    expect(ids(evs[0]!)).toContain('srcport-dns-syn');
    expect(ids(evs[1]!)).toContain('srcport-dns-disguise');
    expect(ids(evs[1]!)).not.toContain('srcport-dns');
    expect(ids(evs[1]!)).not.toContain('tcp-reply');
  });
  it('for an hour: after that the source may answer DNS again', () => {
    const evs = run([from53(0, '198.51.100.53', 137), from53(59 * MIN, '198.51.100.53', 40000), from53(59 * MIN + 3601, '198.51.100.53', 40000)]);
    expect(ids(evs[1]!)).toContain('srcport-dns-disguise');
    expect(ids(evs[2]!)).toEqual(['srcport-dns']);
  });
});

describe('srcport-scan: a spread of service ports from 53 or 20 is a scan, not replies', () => {
  const from = (sec: number, sport: number, dport: number, extra: EventInit = {}): EventInit => ({
    time: at(sec),
    proto: sport === 53 ? 'udp' : 'tcp',
    src: { ip: '198.51.100.77', port: sport },
    dst: { port: dport },
    ...extra,
  });

  it('from the third known service port within ten minutes on, UDP from 53 is a probe, and stays one for that source', () => {
    const evs = run([from(0, 53, 1434), from(1, 53, 5060), from(2, 53, 1900), from(3, 53, 40000), from(4, 53, 40000, { src: { ip: '198.51.100.78', port: 53 } })]);
    expect(ids(evs[0]!)).toEqual(['srcport-dns']);
    expect(ids(evs[1]!)).toEqual(['srcport-dns']);
    expect(ids(evs[2]!)).toEqual(expect.arrayContaining(['srcport-scan', 'port-known']));
    expect(ids(evs[2]!)).not.toContain('srcport-dns');
    // An unknown high port now too: the source has shown what it is.
    expect(ids(evs[3]!)).toContain('srcport-scan');
    expect(ids(evs[3]!)).not.toContain('srcport-dns');
    // Another source from 53 is still a DNS server.
    expect(ids(evs[4]!)).toEqual(['srcport-dns']);
  });

  it('a SYN scan from port 20 is no FTP data: each SYN says so from the first on, and the trojan ports it tries keep their meaning', () => {
    const evs = run([from(0, 20, 1433), from(0, 20, 3306), from(0, 20, 3389), from(1, 20, 12345)]);
    for (const e of evs) expect(ids(e)).toContain('srcport-ftp-syn');
    expect(ids(evs[0]!)).not.toContain('srcport-ftp-data');
    expect(ids(evs[2]!)).toEqual(expect.arrayContaining(['port-known']));
    expect(ids(evs[3]!)).toEqual(expect.arrayContaining(['trojan']));
    // As srcport-dns-syn does for 53: the SYN's own reading says it, srcport-scan need not.
    expect(ids(evs[2]!)).not.toContain('srcport-scan');
  });

  it('an ACK scan from port 20 still needs the spread of service ports (srcport-scan)', () => {
    const ack = { tcpFlags: ['ACK'] };
    const evs = run([from(0, 20, 1433, ack), from(0, 20, 3306, ack), from(0, 20, 3389, ack), from(1, 20, 12345, ack)]);
    expect(ids(evs[0]!)).toContain('srcport-ftp-data');
    expect(ids(evs[2]!)).toEqual(expect.arrayContaining(['srcport-scan', 'port-known']));
    expect(ids(evs[3]!)).toEqual(expect.arrayContaining(['srcport-scan', 'trojan']));
    expect(ids(evs[3]!)).not.toContain('srcport-ftp-data');
    expect(ids(evs[3]!)).not.toContain('tcp-reply');
  });

  it("late replies to client ports never add up: ports above 9999, ports known only as client ports, and one port many times", () => {
    const evs = run([from(0, 53, 40000), from(1, 53, 51234), from(2, 53, 1024), from(3, 53, 1434), from(4, 53, 1434), from(5, 53, 1434), from(6, 53, 33000)]);
    for (const e of evs) expect(ids(e)).toEqual(expect.arrayContaining(['srcport-dns']));
    for (const e of evs) expect(ids(e)).not.toContain('srcport-scan');
  });

  it('from a UDP port whose traffic reads as a reply (SNMP, SSDP, mDNS, QUIC …) too: the third known service port gives the scan away', () => {
    for (const sport of [161, 1900, 3702, 5353, 443]) {
      const udp = (sec: number, dport: number): EventInit => ({ time: at(sec), proto: 'udp', src: { ip: '198.51.100.79', port: sport }, dst: { port: dport } });
      const evs = run([udp(0, 1434), udp(1, 5060), udp(2, 3389), udp(3, 40000)]);
      const reply = sport === 443 ? 'udp-reply' : 'discovery-reply';
      expect(ids(evs[0]!), String(sport)).toContain(reply);
      expect(ids(evs[2]!), String(sport)).toEqual(expect.arrayContaining(['srcport-scan', 'port-known']));
      expect(ids(evs[2]!), String(sport)).not.toContain(reply);
      expect(ids(evs[3]!), String(sport)).toContain('srcport-scan');
      expect(ids(evs[3]!), String(sport)).not.toContain(reply);
    }
    // The first scan rule's text is about 53 and 20; this one names the reply ports.
    const text = run([0, 1, 2].map((i) => ({ time: at(i), proto: 'udp', src: { ip: '198.51.100.80', port: 161 }, dst: { port: [1434, 5060, 3389][i] } })))[2]!.annotations.find((a) => a.id === 'srcport-scan')?.text;
    expect(text).toMatch(/SNMP/);
  });

  it('three ports spread over more than ten minutes are no scan; ten minutes after its last packet a scanner is forgotten', () => {
    const slow = run([from(0, 53, 1434), from(6 * MIN, 53, 5060), from(12 * MIN, 53, 1900)]);
    expect(slow.map((e) => ids(e).includes('srcport-scan'))).toEqual([false, false, false]);
    const gone = run([from(0, 53, 1434), from(1, 53, 5060), from(2, 53, 1900), from(5 * MIN, 53, 40000), from(16 * MIN, 53, 40000)]);
    expect(gone.map((e) => ids(e).includes('srcport-scan'))).toEqual([false, false, true, true, false]);
    expect(ids(gone[4]!)).toEqual(['srcport-dns']);
  });
});

describe('ack-scan: bare ACKs from one source across many ports or hosts are a scan, not late packets', () => {
  const ack = (sec: number, dst: string, dport: number, extra: EventInit = {}): EventInit => ({
    time: at(sec),
    proto: 'tcp',
    tcpFlags: ['ACK'],
    src: { ip: '203.0.113.84', port: 41000 },
    dst: { ip: dst, port: dport },
    ...extra,
  });

  it('from the tenth host on one port within ten minutes, each bare ACK is an ACK scan, no late packet', () => {
    const evs = run(Array.from({ length: 12 }, (_, i) => ack(i, `198.51.100.${10 + i}`, 80)));
    for (const e of evs.slice(0, 9)) expect(ids(e)).toContain('stale-connection');
    for (const e of evs.slice(9)) {
      expect(ids(e)).toContain('ack-scan');
      expect(ids(e)).not.toContain('stale-connection');
    }
    expect(evs[9]!.annotations.find((a) => a.id === 'ack-scan')?.severity).toBe(2);
  });

  it('from the fifth port of a host on (nmap -sA), and the source stays a scanner while it keeps coming, to a port seen before too', () => {
    const evs = run([...Array.from({ length: 6 }, (_, i) => ack(i, '198.51.100.10', 1000 + i)), ack(8, '198.51.100.10', 1000), ack(8 + 11 * MIN, '198.51.100.10', 1000)]);
    expect(ids(evs[3]!)).toContain('stale-connection');
    expect(ids(evs[4]!)).toContain('ack-scan');
    expect(ids(evs[6]!)).toContain('ack-scan');
    // Ten minutes after its last packet the source starts afresh.
    expect(ids(evs[7]!)).toEqual(expect.arrayContaining(['stale-connection']));
    expect(ids(evs[7]!)).not.toContain('ack-scan');
  });

  it('late packets of one connection, however many, and ACKs spread over more than ten minutes are no scan', () => {
    const burst = run(Array.from({ length: 30 }, (_, i) => ack(i, '198.51.100.10', 443)));
    for (const e of burst) expect(ids(e)).not.toContain('ack-scan');
    const slow = run(Array.from({ length: 12 }, (_, i) => ack(i * 11 * MIN, `198.51.100.${10 + i}`, 80)));
    for (const e of slow) expect(ids(e)).not.toContain('ack-scan');
  });

  it('only bare ACKs: data segments, FIN+ACK and RSTs are what a connection sends; a server\'s replies stay replies', () => {
    for (const flags of [['ACK', 'PSH'], ['ACK', 'FIN'], ['RST'], ['RST', 'ACK']]) {
      const evs = run(Array.from({ length: 12 }, (_, i) => ack(i, `198.51.100.${10 + i}`, 80, { tcpFlags: flags })));
      for (const e of evs) expect(ids(e), flags.join(' ')).not.toContain('ack-scan');
    }
    const replies = run(Array.from({ length: 12 }, (_, i) => ack(i, `198.51.100.${10 + i}`, 40000 + i, { src: { ip: '203.0.113.84', port: 443 } })));
    for (const e of replies) expect(ids(e)).toEqual(['tcp-reply']);
    // Outbound, or forwarded from the LAN to the Internet (a router that forgot its clients' connections): this side's own.
    const out = run(Array.from({ length: 12 }, (_, i) => ack(i, `198.51.100.${10 + i}`, 80, { direction: 'out' })));
    for (const e of out) expect(ids(e)).not.toContain('ack-scan');
    const routed = run(Array.from({ length: 12 }, (_, i) => ack(i, `198.51.100.${10 + i}`, 443, { direction: 'forward', src: { ip: '192.168.1.20', port: 40000 + i } })));
    for (const e of routed) expect(ids(e)).not.toContain('ack-scan');
  });

  it('two sources are counted apart', () => {
    const evs = run(Array.from({ length: 12 }, (_, i) => ack(i, `198.51.100.${10 + i}`, 80, { src: { ip: `203.0.113.${100 + (i % 2)}`, port: 41000 } })));
    for (const e of evs) expect(ids(e)).not.toContain('ack-scan');
  });

  it("a run's host count (--sweep-hosts) over the file's: from the fifth host on at 5; an unknown parameter is refused", () => {
    const evs = run(Array.from({ length: 6 }, (_, i) => ack(i, `198.51.100.${10 + i}`, 80)), { detectorParams: { 'ack-spread': { minHosts: 5 } } });
    expect(evs.map((e) => ids(e).includes('ack-scan'))).toEqual([false, false, false, false, true, true]);
    expect(() => annotator({ detectorParams: { 'ack-spread': { minHost: 5 } } })).toThrow(/ack-spread has no number parameter minHost/);
  });
});

describe('bounded memory', () => {
  it('keeps every tracked set under maxTracked however many sources pass', () => {
    const a = annotator({ maxTracked: 200 });
    for (let i = 0; i < 20_000; i++) {
      const ip = `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
      const kind = i % 4;
      const e =
        kind === 0
          ? makeEvent({ time: at(i), direction: 'out', dst: { ip } })
          : kind === 1
            ? makeEvent({ time: at(i), src: { ip }, dst: { port: 13223 } })
            : kind === 2
              ? makeEvent({ time: at(i), proto: 'udp', src: { ip }, dst: { port: 33434 } })
              : makeEvent({ time: at(i), proto: 'udp', src: { ip, port: 53 }, dst: { ip, port: 137 } });
      a.annotate(e);
    }
    const s = a.stats();
    expect(s.events).toBe(20_000);
    expect(s.contacted).toBeLessThanOrEqual(200);
    expect(s.retrySeries).toBeLessThanOrEqual(400); // two retry detectors
    expect(s.tracerouteActive).toBeLessThanOrEqual(200);
    expect(s.localAddresses).toBeLessThanOrEqual(200);
    expect(s.sourceHistory).toBeGreaterThan(0);
    expect(s.sourceHistory).toBeLessThanOrEqual(200);
    expect(s.tracerouteCompleted).toBeLessThanOrEqual(10_000);
  });
  it('expires idle state by time, not only by the cap', () => {
    const a = annotator();
    for (let i = 0; i < 100; i++) a.annotate(makeEvent({ time: at(i), src: { ip: `192.0.2.${i}` }, dst: { port: 13223 } }));
    // A day later, enough events to trigger a sweep.
    for (let i = 0; i < 5000; i++) a.annotate(makeEvent({ time: at(86_400 + i), dst: { port: 80 } }));
    expect(a.stats().retrySeries).toBe(0);
  });
});
