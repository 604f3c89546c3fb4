// The whole-run counters behind the report header and the port table.
import { describe, expect, it } from 'vitest';
import { MAX_DAYS, Overview } from '../../src/aggregate/overview.js';
import { localClock } from '../../src/render/time-format.js';
import { en } from '../../src/i18n/en.js';
import { makeEvent } from '../helpers/events.js';
import { PK_TCP } from '../../src/aggregate/profile-codes.js';
import { summarize, verticalScan } from '../helpers/summary-events.js';

describe('Overview', () => {
  it('counts packets per calendar day of the report\'s zone, oldest first, blocked apart', () => {
    // 17:00 UTC on the 20th is already the 21st in Shanghai (UTC+8) and still the 20th in New York.
    const at = (iso: string, action: 'drop' | 'allow' = 'drop', count = 1) => makeEvent({ time: new Date(iso), action, count });
    const events = [at('2026-11-21T01:00:00Z'), at('2026-11-20T09:00:00Z', 'allow'), at('2026-11-20T17:00:00Z', 'drop', 3), at('2026-11-22T03:00:00Z')];
    const days = (tz: string) => {
      const ov = new Overview(localClock(tz));
      for (const e of events) ov.add(e);
      return ov.result(10).perDay;
    };
    expect(days('Asia/Shanghai')).toEqual([
      { day: '2026-11-20', packets: 1, blocked: 0 },
      { day: '2026-11-21', packets: 4, blocked: 4 },
      { day: '2026-11-22', packets: 1, blocked: 1 },
    ]);
    expect(days('America/New_York')).toEqual([
      { day: '2026-11-20', packets: 5, blocked: 4 },
      { day: '2026-11-21', packets: 1, blocked: 1 },
    ]);
  });

  it('keeps at most MAX_DAYS days, and says so', () => {
    const ov = new Overview(localClock('UTC'));
    for (let d = 0; d <= MAX_DAYS; d++) ov.add(makeEvent({ time: new Date(Date.UTC(2000, 0, 1) + d * 86_400_000) }));
    const r = ov.result(10);
    expect(r.perDay).toHaveLength(MAX_DAYS);
    expect(r.daysCapped).toBe(true);
    expect(r.perDay[0]!.day).toBe('2000-01-01');
  });

  it('ranks probed ports by dropped/rejected packets when the log has any', () => {
    const ov = new Overview();
    for (let i = 0; i < 50; i++) ov.add(makeEvent({ action: 'allow', dst: { port: 443 } }));
    for (let i = 0; i < 5; i++) ov.add(makeEvent({ action: 'drop', dst: { port: 23 } }));
    ov.add(makeEvent({ action: 'reject', proto: 'udp', dst: { port: 161 } }));
    const r = ov.result(10);
    expect(r.portsBlockedOnly).toBe(true);
    expect(r.topPorts).toEqual([[{ proto: 'tcp', port: 23 }, 5, 1, 0], [{ proto: 'udp', port: 161 }, 1, 1, 0]]);
    expect(r.portPackets).toBe(6);
  });

  it('says when the distinct ports of other protocols outgrew their counter: a lower bound, shown ≥', () => {
    const ov = new Overview();
    for (let p = 1; p <= 10_001; p++) ov.add(makeEvent({ proto: 'sctp', dst: { port: p } }));
    const r = ov.result(10).probes;
    expect(r).toMatchObject({ portsCapped: true, blockedPortsCapped: true });
    expect(r.ports).toBe(10_000);
    expect(en.report.probesText(r.packets, r.ports, r.portsCapped)).toBe('10,001 packets to ≥10,000 ports');
    const few = new Overview();
    few.add(makeEvent({ proto: 'sctp', dst: { port: 9 } }));
    expect(few.result(10).probes).toMatchObject({ ports: 1, portsCapped: false });
  });

  it('counts the probes dropped or rejected, and their ports, for the probes line', () => {
    const ov = new Overview();
    for (let i = 0; i < 3; i++) ov.add(makeEvent({ action: 'allow', dst: { port: 8080 } }));
    for (const port of [23, 23, 2323]) ov.add(makeEvent({ action: 'drop', dst: { port } }));
    ov.add(makeEvent({ action: 'reject', proto: 'icmp', tcpFlags: null, src: { port: null }, dst: { port: null } }));
    expect(ov.result(10).probes).toMatchObject({ packets: 7, ports: 3, blocked: 4, blockedPorts: 2 });
  });

  it("leaves out replies: a late packet from a web server to a client's port 51234 probed nothing", () => {
    const ov = new Overview();
    const reply = { id: 'tcp-reply', severity: 0, text: 'reply', ref: 'x' } as const;
    for (let i = 0; i < 9; i++) ov.add(makeEvent({ action: 'drop', src: { ip: '198.51.100.80', port: 443 }, dst: { port: 51234 }, tcpFlags: ['ACK', 'FIN'], annotations: [reply] }));
    ov.add(makeEvent({ action: 'drop', dst: { port: 23 } }));
    const r = ov.result(10);
    expect(r.topPorts).toEqual([[{ proto: 'tcp', port: 23 }, 1, 1, 0]]);
    expect(r.portPackets).toBe(1);
    // Still counted as packets from their source.
    expect(r.topSources[0]).toEqual(['198.51.100.80', 9, 0]);
  });

  it('leaves out LAN broadcast chatter: SSDP and NetBIOS sent to the whole segment probed no port of this host', () => {
    const ov = new Overview();
    const said = (id: string) => [{ id, severity: 0, text: 'noise', ref: 'x' } as const];
    for (let i = 0; i < 9; i++) ov.add(makeEvent({ action: 'drop', proto: 'udp', tcpFlags: null, src: { ip: '192.168.1.1', port: 1900 }, dst: { ip: '239.255.255.250', port: 1900 }, annotations: said('lan-broadcast') }));
    for (let i = 0; i < 4; i++) ov.add(makeEvent({ action: 'drop', proto: 'udp', tcpFlags: null, src: { ip: '192.168.1.20', port: 138 }, dst: { ip: '192.168.1.255', port: 138 }, annotations: said('netbios-noise') }));
    ov.add(makeEvent({ action: 'drop', dst: { port: 22 } }));
    const r = ov.result(10);
    expect(r.topPorts).toEqual([[{ proto: 'tcp', port: 22 }, 1, 1, 0]]);
    expect(r.portPackets).toBe(1);
    // Still logged packets from their senders.
    expect(r.packets).toBe(14);
    expect(r.topSources[0]).toEqual(['192.168.1.1', 9, 0]);
  });

  it('leaves out late packets of connections already under way: an ACK without SYN asked no port anything', () => {
    const ov = new Overview();
    const late = [{ id: 'stale-connection', severity: 0, text: 'late', ref: 'x' } as const];
    for (let i = 0; i < 5; i++) ov.add(makeEvent({ action: 'drop', src: { ip: '198.51.100.7', port: 38842 }, dst: { port: 443 }, tcpFlags: ['ACK'], annotations: late }));
    ov.add(makeEvent({ action: 'drop', dst: { port: 22 } }));
    const r = ov.result(10);
    expect(r.probes).toMatchObject({ packets: 1, ports: 1, blocked: 1, blockedPorts: 1, own: 0, replies: 0, noise: 0, late: 5 });
    expect(r.topPorts).toEqual([[{ proto: 'tcp', port: 22 }, 1, 1, 0]]);
    expect(r.packets).toBe(6);
    expect(r.topSources[0]).toEqual(['198.51.100.7', 5, 0]);
  });

  it('falls back to every inbound packet when nothing was dropped', () => {
    const ov = new Overview();
    for (let i = 0; i < 3; i++) ov.add(makeEvent({ action: 'allow', dst: { port: 443 } }));
    ov.add(makeEvent({ action: 'allow', direction: 'out', dst: { port: 53 } }));
    const r = ov.result(10);
    expect(r.portsBlockedOnly).toBe(false);
    expect(r.topPorts).toEqual([[{ proto: 'tcp', port: 443 }, 3, 1, 0]]);
  });

  it("counts each port's distinct sources among the packets the table counts: the blocked ones once the log has any", () => {
    const ov = new Overview();
    const ev = (ip: string, port: number, action: 'allow' | 'drop' | 'reject', proto = 'tcp') =>
      ov.add(makeEvent({ action, proto, tcpFlags: proto === 'tcp' ? ['SYN'] : null, src: { ip }, dst: { port } }));
    // Allowed before any drop: counted while the table would show every probe, then dropped from the count.
    ev('203.0.113.1', 22, 'allow');
    ev('203.0.113.2', 22, 'allow');
    expect(ov.result(10).topPorts).toEqual([[{ proto: 'tcp', port: 22 }, 2, 2, 0]]);
    for (let i = 0; i < 5; i++) ev('198.51.100.9', 22, 'drop');
    ev('198.51.100.10', 22, 'reject');
    ev('198.51.100.11', 22, 'allow');
    // The same address logged in two IPv6 spellings is one source (the report's RFC 5952 form).
    ev('2001:db8::5', 53, 'drop', 'udp');
    ev('2001:0db8:0000:0000:0000:0000:0000:0005', 53, 'drop', 'udp');
    ev('198.51.100.9', 53, 'drop', 'udp');
    ev('198.51.100.9', 53, 'drop');
    ov.add(makeEvent({ action: 'drop', proto: 'sctp', tcpFlags: null, dst: { port: 9 } }));
    const r = ov.result(10);
    expect(r.topPorts).toEqual([
      [{ proto: 'tcp', port: 22 }, 6, 2, 0],
      [{ proto: 'udp', port: 53 }, 3, 2, 0],
      [{ proto: 'sctp', port: 9 }, 1, null, 0],
      [{ proto: 'tcp', port: 53 }, 1, 1, 0],
    ]);
    expect(r.portSourcesCapped).toBe(false);
  });

  it("counts a port's Windows connection rows, a scanner's recounted CLOSE rows too, and none a blocked table shows", () => {
    const ov = new Overview();
    const allow = (port: number) => makeEvent({ format: 'windows-firewall', action: 'allow', direction: 'in', src: { ip: '203.0.113.50', port: 50000 }, dst: { ip: '192.168.1.35', port } });
    ov.add(allow(3389));
    ov.add(allow(3389));
    ov.add(makeEvent({ action: 'allow', direction: 'in', dst: { port: 3389 } }));
    // Three CLOSE rows of a scanner, one of them to 3389: they become its probes.
    ov.countScanLate([{ ip: '198.51.100.9', packets: 3, blocked: 0, connections: 3, ports: [[PK_TCP + 3389, 1], [PK_TCP + 445, 2]], blockedPorts: [], uncounted: 0, blockedUncounted: 0, portsCounted: 256 }]);
    expect(ov.result(10).topPorts).toEqual([[{ proto: 'tcp', port: 3389 }, 4, 3, 3], [{ proto: 'tcp', port: 445 }, 2, 1, 2]]);
    ov.add(makeEvent({ action: 'drop', dst: { port: 3389 } }));
    expect(ov.result(10).topPorts).toEqual([[{ proto: 'tcp', port: 3389 }, 1, 1, 0]]);
  });

  it('orders ties by protocol then port number', () => {
    const ov = new Overview();
    for (const port of [100, 9, 1000]) ov.add(makeEvent({ dst: { port } }));
    expect(ov.result(3).topPorts.map(([k]) => k.port)).toEqual([9, 100, 1000]);
  });
});

describe('loopback sources', () => {
  it('are never ranked: the host talking to itself is not a probe', () => {
    // Also as an IPv4-mapped IPv6 address and ::1 written in full, as some logs write them.
    const loopbacks = ['127.0.0.1', '::1', '::ffff:127.0.0.1', '0000:0000:0000:0000:0000:0000:0000:0001'];
    const events = [...loopbacks.flatMap((ip) => verticalScan(ip, 40, 60)), ...verticalScan('203.0.113.7', 40, 60)];
    expect(summarize(events).sources.map((s) => s.ip)).toEqual(['203.0.113.7']);
  });
  it('counts distinct sources exactly under its cap, and says "at least" past it instead of shrinking', () => {
    const ov = new Overview(undefined, 100);
    for (let i = 0; i < 100; i++) ov.add(makeEvent({ src: { ip: `198.51.100.${i}` } }));
    ov.add(makeEvent({ src: { ip: '198.51.100.7' } }));
    expect([ov.result(5).distinctSources, ov.result(5).distinctSourcesCapped]).toEqual([100, false]);
    // One more: the counter prunes its rarer half to stay under the cap; the count must not drop with it.
    ov.add(makeEvent({ src: { ip: '203.0.113.1' } }));
    expect([ov.result(5).distinctSources, ov.result(5).distinctSourcesCapped]).toEqual([100, true]);
    expect(ov.result(1).topSources).toEqual([['198.51.100.7', 2, 0]]);
  });
});
