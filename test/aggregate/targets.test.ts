// The most probed hosts of this side: Overview's probes per destination address (targets.ts).
import { describe, expect, it } from 'vitest';
import { Overview } from '../../src/aggregate/overview.js';
import { MAX_TARGETS, PORT_SLOTS, TargetTable, targetPortKey } from '../../src/aggregate/targets.js';
import { makeEvent } from '../helpers/events.js';

/** A gateway that logs the FORWARD chain: probes from outside to three hosts behind it, and this side's own traffic. */
function gateway(): Overview {
  const ov = new Overview();
  const fwd = { direction: 'forward' as const, inIface: 'eth0', outIface: 'br0' };
  // The camera's port forward: 554 from four sources, 80 from two.
  for (const [src, port] of [['203.0.113.1', 554], ['203.0.113.2', 554], ['203.0.113.3', 554], ['203.0.113.4', 554], ['203.0.113.1', 80], ['203.0.113.5', 80]] as const) {
    ov.add(makeEvent({ ...fwd, action: 'allow', src: { ip: src }, dst: { ip: '192.168.1.20', port } }));
  }
  // The NAS: one scanner, three ports, 22 twice; a ping.
  for (const port of [22, 22, 445, 5000]) ov.add(makeEvent({ ...fwd, action: 'allow', src: { ip: '198.51.100.9' }, dst: { ip: '192.168.1.30', port } }));
  ov.add(makeEvent({ ...fwd, action: 'allow', proto: 'icmp', src: { ip: '198.51.100.9' }, dst: { ip: '192.168.1.30' } }));
  // The gateway itself, over IPv6 written in full: counted under RFC 5952's form.
  ov.add(makeEvent({ action: 'allow', src: { ip: '2001:db8::9' }, dst: { ip: '2001:0db8:0000:0000:0000:0000:0000:0001', port: 443 } }));
  // Not probes: this side's own traffic out, and a LAN machine reaching another (inside).
  ov.add(makeEvent({ direction: 'forward', action: 'allow', src: { ip: '192.168.1.30' }, dst: { ip: '93.184.216.34', port: 443 } }));
  ov.add(makeEvent({ direction: 'out', action: 'allow', src: { ip: '192.168.1.1' }, dst: { ip: '8.8.8.8', port: 53 }, proto: 'udp' }));
  return ov;
}

describe('most probed hosts (Overview.targets)', () => {
  it('counts each host of this side the probes went to: packets, distinct sources, busiest ports', () => {
    const r = gateway().result(10);
    expect(r.targetsBlockedOnly).toBe(false);
    expect(r.targets.packets).toBe(r.probes.packets);
    expect(r.targets).toMatchObject({ packets: 12, connections: 0, hosts: 3, hostsCapped: false, sourcesCapped: false });
    expect(r.targets.top.map((t) => [t.ip, t.packets, t.sources])).toEqual([
      ['192.168.1.20', 6, 5],
      ['192.168.1.30', 5, 1],
      ['2001:db8::1', 1, 1],
    ]);
    expect(r.targets.top[0]).toMatchObject({ ports: [{ proto: 'tcp', port: 554, packets: 4 }, { proto: 'tcp', port: 80, packets: 2 }], otherPorts: 0, portsComplete: true });
    // Three shown, busiest first, ties by protocol then port; the ping is a port of its own (none), past the three.
    expect(r.targets.top[1]!.ports).toEqual([{ proto: 'tcp', port: 22, packets: 2 }, { proto: 'tcp', port: 445, packets: 1 }, { proto: 'tcp', port: 5000, packets: 1 }]);
    expect(r.targets.top[1]).toMatchObject({ otherPorts: 1, portsComplete: true });
  });

  it('counts only the blocked probes once the log has any, as the ports table', () => {
    const ov = new Overview();
    for (let i = 0; i < 9; i++) ov.add(makeEvent({ action: 'allow', dst: { ip: '192.0.2.80', port: 443 } }));
    ov.add(makeEvent({ action: 'drop', dst: { ip: '192.0.2.22', port: 22 } }));
    ov.add(makeEvent({ action: 'allow', dst: { ip: '192.0.2.80', port: 443 } }));
    ov.add(makeEvent({ action: 'reject', proto: 'icmp', dst: { ip: '192.0.2.23' } }));
    const r = ov.result(10);
    expect(r.targetsBlockedOnly).toBe(true);
    expect(r.targets.packets).toBe(2);
    expect(r.targets.top.map((t) => t.ip)).toEqual(['192.0.2.22', '192.0.2.23']);
    expect(r.targets.top[1]!.ports).toEqual([{ proto: 'icmp', port: null, packets: 1 }]);
  });

  it('counts a message repeated N times as N packets, and connection records apart', () => {
    const ov = new Overview();
    ov.add(makeEvent({ count: 5, dst: { ip: '192.0.2.1', port: 23 } }));
    ov.add(makeEvent({ dst: { ip: '192.0.2.2', port: 23 } }));
    const t = ov.result(10).targets;
    expect(t.top.map((x) => x.packets)).toEqual([5, 1]);
    expect(t.top[0]!.sources).toBe(1);
    const table = new TargetTable();
    table.add('192.0.2.1', '203.0.113.7', 7, targetPortKey('tcp', 3389), 2, true);
    table.add('192.0.2.1', '203.0.113.7', 7, targetPortKey('tcp', 3389), 1, false);
    expect(table.result(5)).toMatchObject({ packets: 3, connections: 2, top: [{ ip: '192.0.2.1', packets: 3, connections: 2, sources: 1 }] });
  });

  it('lists --top hosts, and still counts the others', () => {
    const ov = new Overview();
    for (let h = 1; h <= 30; h++) for (let i = 0; i < h; i++) ov.add(makeEvent({ dst: { ip: `192.0.2.${h}`, port: 22 } }));
    const t = ov.result(5).targets;
    expect(t.top.map((x) => x.ip)).toEqual(['192.0.2.30', '192.0.2.29', '192.0.2.28', '192.0.2.27', '192.0.2.26']);
    expect(t.hosts).toBe(30);
    expect(t.packets).toBe((30 * 31) / 2);
  });

  it('counts a host\'s ports in PORT_SLOTS slots: past them a port takes the least counted one\'s, its count a lower bound', () => {
    const table = new TargetTable();
    const S = PORT_SLOTS;
    const sum = (S * (S + 1)) / 2;
    for (let p = 1; p <= S; p++) table.add('192.0.2.1', '203.0.113.7', 1, targetPortKey('tcp', p), p, false);
    expect(table.result(1).top[0]).toMatchObject({ portsComplete: true, otherPorts: sum - S - (S - 1) - (S - 2) });
    // Past the slots: 9999 takes port 1's slot (1 packet), UDP 53 then port 2's (2).
    table.add('192.0.2.1', '203.0.113.7', 1, targetPortKey('tcp', 9999), 100, false);
    table.add('192.0.2.1', '203.0.113.7', 1, targetPortKey('udp', 53), 1, false);
    const [t] = table.result(1).top;
    expect(t!.ports).toEqual([{ proto: 'tcp', port: 9999, packets: 100 }, { proto: 'tcp', port: S, packets: S }, { proto: 'tcp', port: S - 1, packets: S - 1 }]);
    expect(t!.packets).toBe(sum + 101);
    expect(t!.otherPorts).toBe(sum + 101 - 100 - S - (S - 1));
    expect(t!.portsComplete).toBe(false);
  });

  it('keeps a hammered port that came after a scan of a thousand ports, with its packets', () => {
    const table = new TargetTable();
    for (let p = 1; p <= 1000; p++) table.add('192.0.2.1', '203.0.113.7', 1, targetPortKey('tcp', 1000 + p), 1, false);
    for (let i = 0; i < 500; i++) table.add('192.0.2.1', '203.0.113.8', 2, targetPortKey('tcp', 23), 1, false);
    const [t] = table.result(1).top;
    expect(t!.ports[0]).toEqual({ proto: 'tcp', port: 23, packets: 500 });
    expect(t!.ports.reduce((n, p) => n + p.packets, 0) + t!.otherPorts).toBe(1500);
  });

  it('names the protocols of a slot back: UDP, ICMP, a protocol with ports other than TCP and UDP', () => {
    const table = new TargetTable();
    table.add('192.0.2.1', null, 0, targetPortKey('udp', 161), 3, false);
    table.add('192.0.2.1', null, 0, targetPortKey('icmpv6', null), 2, false);
    table.add('192.0.2.1', null, 0, targetPortKey('sctp', 9), 1, false);
    table.add('192.0.2.2', null, 0, targetPortKey('other', null), 1, false);
    const [t, other] = table.result(2).top;
    expect(t!.ports).toEqual([{ proto: 'udp', port: 161, packets: 3 }, { proto: 'icmpv6', port: null, packets: 2 }, { proto: 'sctp', port: 9, packets: 1 }]);
    expect(other!.ports).toEqual([{ proto: 'other', port: null, packets: 1 }]);
    // No source address: no source counted.
    expect(t!.sources).toBe(0);
  });

  it('keeps at most MAX_TARGETS hosts: the rarer half dropped, their packets still in the total', () => {
    const table = new TargetTable();
    const busy = '10.9.9.9';
    for (let i = 0; i < 50; i++) table.add(busy, `203.0.113.${i}`, i * 7919, targetPortKey('tcp', 22), 1, false);
    for (let h = 0; h <= MAX_TARGETS; h++) table.add(`10.0.${h >> 8}.${h & 255}`, '203.0.113.1', 1, targetPortKey('tcp', 23), 1, false);
    const r = table.result(3);
    expect(r.hostsCapped).toBe(true);
    expect(r.hosts).toBe(MAX_TARGETS);
    expect(r.packets).toBe(50 + MAX_TARGETS + 1);
    expect(r.top[0]).toMatchObject({ ip: busy, packets: 50, sources: 50 });
  });

  it('says the distinct sources are lower bounds once the pair set is full', () => {
    const table = new TargetTable();
    // 2^20 slots hold ~786k pairs before they refuse more.
    for (let i = 0; i < 800_000; i++) table.add('192.0.2.1', `s${i}`, Math.imul(i + 1, 0x9e3779b1), targetPortKey('tcp', 22), 1, false);
    const r = table.result(1);
    expect(r.sourcesCapped).toBe(true);
    expect(r.top[0]!.sources).toBeLessThan(800_000);
    expect(r.top[0]!.sources).toBeGreaterThan(700_000);
  });
});
