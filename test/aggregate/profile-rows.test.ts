// Profile rows (src/aggregate/profile-rows.ts) keep a source's first few ports, hosts,
// annotation ids and rule labels in the row and move them to collections when they
// outgrow it. Whatever the point where that happens, a profile must read as a plain
// model of its events says: fast-check drives random events, caps and splits through
// SourceProfile and compares it with a Map-based model written out here.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FirewallEvent, Severity } from '../../src/event.js';
import { PK_TCP, PK_UDP, ProfileTable, SourceProfile } from '../../src/aggregate/profile.js';
import { DEFAULT_THRESHOLDS, type Thresholds } from '../../src/aggregate/thresholds.js';
import { at, makeEvent } from '../helpers/events.js';
import { ann, trojanAnn } from '../helpers/summary-events.js';

const SRC = '203.0.113.50';
const IDS = ['port-known', 'x-three', 'proxy-hunt', 'realaudio', 'dialup-leftover', 'sub7-artifact', 'ufw-audit', 'x-one', 'x-two'];
const RULES = ['[UFW BLOCK]', '[UFW AUDIT]', 'IN-DROP: ', 'fw-reject', 'late-one', 'later-two'];

interface Draw {
  udp: boolean;
  port: number;
  host: number;
  v6: boolean;
  count: number;
  ids: number[];
  severity: number;
  rule: number;
  sec: number;
}

const draw: fc.Arbitrary<Draw> = fc.record({
  udp: fc.boolean(),
  port: fc.integer({ min: 1, max: 24 }),
  host: fc.integer({ min: 1, max: 14 }),
  v6: fc.boolean(),
  count: fc.integer({ min: 1, max: 3 }),
  ids: fc.uniqueArray(fc.integer({ min: 0, max: IDS.length - 1 }), { maxLength: 3 }),
  severity: fc.integer({ min: 0, max: 5 }),
  rule: fc.integer({ min: 0, max: RULES.length - 1 }),
  sec: fc.integer({ min: 0, max: 5000 }),
});

const limits = fc.record({
  maxPorts: fc.integer({ min: 3, max: 30 }),
  maxPortCounts: fc.integer({ min: 2, max: 30 }),
  maxHosts: fc.integer({ min: 3, max: 20 }),
});

function eventOf(d: Draw): FirewallEvent {
  return makeEvent({
    proto: d.udp ? 'udp' : 'tcp',
    tcpFlags: d.udp ? null : ['SYN'],
    time: at(d.sec),
    count: d.count,
    rule: RULES[d.rule],
    src: { ip: SRC },
    // A few IPv6 destinations: hosts the row cannot hold. (No reply or traceroute ids: those add no ports or hosts.)
    dst: { ip: d.v6 && d.host % 5 === 0 ? `2001:db8::${d.host}` : `198.51.100.${d.host}`, port: d.port },
    annotations: d.ids.map((i) => ann(IDS[i], d.severity as Severity)),
  });
}

/** What a profile of these events holds, by the rules the collections follow. */
function model(ds: readonly Draw[], lim: Thresholds['limits']) {
  const counted = new Map<number, number>();
  const rest = new Set<number>();
  let tcpPorts = 0;
  let udpPorts = 0;
  const hosts: (number | string)[] = [];
  const annotations = new Map<string, [number, number]>();
  const rules = new Map<string, number>();
  let packets = 0;
  for (const d of ds) {
    packets += d.count;
    const key = (d.udp ? PK_UDP : PK_TCP) + d.port;
    let fresh = false;
    if (counted.has(key)) counted.set(key, counted.get(key)! + d.count);
    else if (!rest.has(key)) {
      if (counted.size < Math.min(lim.maxPorts, lim.maxPortCounts)) counted.set(key, d.count);
      else if (counted.size + rest.size < lim.maxPorts) rest.add(key);
      else continue;
      fresh = true;
    }
    if (fresh) {
      if (d.udp) udpPorts++;
      else tcpPorts++;
    }
  }
  for (const d of ds) {
    const h = d.v6 && d.host % 5 === 0 ? `2001:db8::${d.host}` : (198 << 24) + (51 << 16) + (100 << 8) + d.host;
    const hostKey = typeof h === 'number' ? h >>> 0 : h;
    if (!hosts.includes(hostKey) && hosts.length < lim.maxHosts) hosts.push(hostKey);
    for (const i of d.ids) {
      const [n, s] = annotations.get(IDS[i]) ?? [0, 0];
      annotations.set(IDS[i], [n + d.count, Math.max(s, d.severity)]);
    }
    const rule = RULES[d.rule];
    if (rules.has(rule)) rules.set(rule, rules.get(rule)! + d.count);
    else if (rules.size < 4) rules.set(rule, d.count);
  }
  const top = [...counted].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, 5);
  return { packets, ports: counted.size + rest.size, tcpPorts, udpPorts, top, hosts, annotations, rules };
}

function read(p: SourceProfile) {
  return {
    packets: p.packets,
    ports: p.ports.size,
    tcpPorts: p.tcpPorts,
    udpPorts: p.udpPorts,
    top: p.ports.top(5),
    hosts: [...p.hosts],
    annotations: new Map([...p.annotations].map(([id, n]): [string, [number, number]] => [id, [n, p.annotations.severity(id)!]])),
    rules: p.rules,
  };
}

function profileOf(ds: readonly Draw[], t: Thresholds): SourceProfile {
  const p = new SourceProfile(SRC);
  for (const d of ds) p.add(eventOf(d), t);
  return p;
}

describe('a profile row, wherever its members outgrow it', () => {
  it('reads as the model of its events says: ports, counts, hosts, annotations, rules', () => {
    fc.assert(
      fc.property(fc.array(draw, { minLength: 1, maxLength: 60 }), limits, (ds, lim) => {
        const t: Thresholds = { ...DEFAULT_THRESHOLDS, limits: { ...DEFAULT_THRESHOLDS.limits, ...lim } };
        const got = read(profileOf(ds, t));
        const want = model(ds, t.limits);
        // Hosts as a set: a spilled HostSet lists IPv4 before IPv6.
        expect({ ...got, hosts: new Set(got.hosts) }).toEqual({ ...want, hosts: new Set(want.hosts) });
      }),
      { numRuns: 300 },
    );
  });

  it('split anywhere and merged, reads as the whole (under the caps)', () => {
    fc.assert(
      fc.property(fc.array(draw, { minLength: 2, maxLength: 60 }), fc.nat(), (drawn, at) => {
        // Four labels at most: past the rule cap, which labels a part keeps depends on the split.
        const ds = drawn.map((d) => ({ ...d, rule: d.rule % 4 }));
        const cut = 1 + (at % (ds.length - 1));
        const t = DEFAULT_THRESHOLDS;
        const merged = profileOf(ds.slice(0, cut), t);
        merged.merge(profileOf(ds.slice(cut), t), t);
        const whole = read(profileOf(ds, t));
        const got = read(merged);
        expect({ ...got, hosts: new Set(got.hosts) }).toEqual({ ...whole, hosts: new Set(whole.hosts) });
      }),
      { numRuns: 200 },
    );
  });
});


/**
 * What `read` says of a profile of `events` added whole and of one merged from the two
 * halves at every cut: one distinct answer when counting and merging agree.
 */
function wholeAndSplit(events: readonly FirewallEvent[], read: (p: SourceProfile) => number[]): number[][] {
  const t = DEFAULT_THRESHOLDS;
  const profileOf = (list: readonly FirewallEvent[]): SourceProfile => {
    const p = new SourceProfile(SRC);
    for (const e of list) p.add(e, t);
    return p;
  };
  const answers = [read(profileOf(events))];
  for (let cut = 1; cut < events.length; cut++) {
    const merged = profileOf(events.slice(0, cut));
    merged.merge(profileOf(events.slice(cut)), t);
    answers.push(read(merged));
  }
  return [...new Map(answers.map((a) => [JSON.stringify(a), a])).values()];
}
describe("a source's replies that are connection records", () => {
  // Teardown records read as the server's end of a connection (connection-reply), a late
  // ACK the firewall dropped (tcp-reply: a packet), and a Windows ALLOW row of an echo reply
  // (a connection record to no port: an ICMP answer, not a server reply to a client port).
  const teardown = (s: number): FirewallEvent =>
    makeEvent({ time: at(s), format: 'cisco-asa', action: 'allow', direction: null, rule: 'ASA-6-302014', src: { ip: SRC, port: 443 }, dst: { port: 52000 + s }, tcpFlags: null, annotations: [ann('connection-reply', 0)] });
  const events = [
    teardown(1),
    teardown(2),
    makeEvent({ time: at(3), format: 'cisco-asa', rule: 'ASA-6-106015', src: { ip: SRC, port: 443 }, dst: { port: 52003 }, tcpFlags: ['ACK'], annotations: [ann('tcp-reply', 0)] }),
    makeEvent({ time: at(4), format: 'windows-firewall', action: 'allow', rule: 'ALLOW', proto: 'icmp', src: { ip: SRC, port: null }, dst: { port: null }, tcpFlags: null, icmp: { type: 0, code: 0 }, annotations: [ann('icmp-reply', 0)] }),
  ];

  it('counts them of its replies, and those to a port apart, whole or split and merged', () => {
    expect(wholeAndSplit(events, (p) => [p.replyPackets, p.replyConnections, p.serverReplyConnections, p.connections])).toEqual([[4, 3, 2, 3]]);
  });
});

describe("a source's LAN chatter that is connection records", () => {
  // Teardowns of NetBIOS datagram connections to the broadcast address (connection records)
  // and a denied datagram to it (a packet): all chatter, two of it connections.
  const teardown = (s: number): FirewallEvent =>
    makeEvent({ time: at(s), format: 'cisco-asa', action: 'allow', direction: null, rule: 'ASA-6-302016', proto: 'udp', src: { ip: SRC, port: 138 }, dst: { ip: '10.0.0.255', port: 138 }, tcpFlags: null, annotations: [ann('netbios-noise', 0)] });
  const events = [
    teardown(1),
    makeEvent({ time: at(2), format: 'cisco-asa', action: 'drop', rule: 'ASA-4-106023', proto: 'udp', src: { ip: SRC, port: 137 }, dst: { ip: '10.0.0.255', port: 137 }, tcpFlags: null, annotations: [ann('netbios-noise', 0)] }),
    teardown(3),
  ];

  it('counts them of its noise, whole or split and merged', () => {
    expect(wholeAndSplit(events, (p) => [p.noisePackets, p.noiseConnections, p.connections])).toEqual([[3, 2, 2]]);
  });
});

describe('ProfileTable', () => {
  const limited: Thresholds = { ...DEFAULT_THRESHOLDS, limits: { ...DEFAULT_THRESHOLDS.limits, maxSources: 16 } };

  it('gives an evicted row to a new source empty: nothing of the old source carries over', () => {
    const table = new ProfileTable(limited);
    // Sixteen sources with everything a row can hold, spilled or not: ports, hosts, a trojan probe, a reply, a FIN probe.
    for (let s = 0; s < 16; s++) {
      for (let k = 0; k < 12; k++) {
        table.add(makeEvent({ time: at(s * 100 + k), src: { ip: `192.0.2.${s + 1}` }, dst: { ip: `198.51.100.${k + 1}`, port: 1000 + k }, annotations: [trojanAnn('Sub-7', 4), ann('proxy-hunt')] }));
      }
      table.add(makeEvent({ time: at(s * 100 + 50), tcpFlags: ['FIN'], src: { ip: `192.0.2.${s + 1}` }, dst: { port: 7 } }));
      table.add(makeEvent({ time: at(s * 100 + 60), src: { ip: `192.0.2.${s + 1}`, port: 80 }, dst: { port: 40000 }, annotations: [ann('tcp-reply')] }));
    }
    expect(table.size).toBe(16);
    table.add(makeEvent({ time: at(5000), rule: 'new-rule', src: { ip: '203.0.113.99' }, dst: { ip: '198.51.100.200', port: 22 } }));
    expect(table.size).toBe(16);
    expect(table.evicted).toBe(1);
    expect(table.get('192.0.2.1')).toBeUndefined();
    const p = table.get('203.0.113.99')!;
    expect([p.events, p.packets, p.ports.size, p.hosts.size, p.tcpPorts, p.trojanPorts, p.replyPackets]).toEqual([1, 1, 1, 1, 1, 0, 0]);
    expect([...p.ports.keys()]).toEqual([22]);
    expect([...p.annotations]).toEqual([]);
    expect(p.rules).toEqual(new Map([['new-rule', 1]]));
    expect(p.flagClasses).toEqual([1, 0, 0, 0, 0, 0, 0]);
    expect([p.first, p.last]).toEqual([at(5000).getTime(), at(5000).getTime()]);
    // A kept source still reads what it had.
    expect(table.get('192.0.2.16')!.ports.size).toBe(13);
  });

  it("keeps the earliest packet's TTL and window whatever their size (a corrupted WINDOW= can pass 32 bits)", () => {
    const table = new ProfileTable(DEFAULT_THRESHOLDS);
    table.add(makeEvent({ time: at(9), ttl: 64, tcpWindow: 1024 }));
    table.add(makeEvent({ time: at(1), ttl: 255, tcpWindow: 9_999_999_999 }));
    table.add(makeEvent({ time: at(5), ttl: 128, tcpWindow: 0 }));
    const p = table.get('203.0.113.7')!;
    expect([p.firstTtl, p.firstWindow]).toEqual([255, 9_999_999_999]);
    const none = new ProfileTable(DEFAULT_THRESHOLDS);
    none.add(makeEvent({ proto: 'udp', ttl: null, tcpWindow: null }));
    expect([none.get('203.0.113.7')!.firstTtl, none.get('203.0.113.7')!.firstWindow]).toEqual([-1, -1]);
  });

  it('lists every profile once, and values() reads the rows as they are', () => {
    const table = new ProfileTable(DEFAULT_THRESHOLDS);
    for (let i = 0; i < 300; i++) table.add(makeEvent({ src: { ip: `10.9.${i >> 8}.${i & 255}` }, dst: { port: i % 7 } }));
    const all = [...table.values()];
    expect(all.length).toBe(300);
    expect(new Set(all.map((p) => p.ip)).size).toBe(300);
    expect(all.every((p) => p.events === 1 && p.ports.size === 1)).toBe(true);
  });
});

describe('rule labels past the shared table', () => {
  it('are still counted per source, as text', () => {
    const table = new ProfileTable(DEFAULT_THRESHOLDS);
    // Fill the process-wide label table (1,024 labels) from other sources.
    for (let i = 0; i < 1100; i++) table.add(makeEvent({ rule: `label-${i}`, src: { ip: `10.1.${i >> 8}.${i & 255}` } }));
    const src = { ip: '203.0.113.77' };
    for (const [rule, count] of [['[UFW BLOCK]', 2], ['fresh-a', 3], ['fresh-b', 1], ['fresh-a', 4], ['fresh-c', 1], ['fresh-d', 9]] as const) {
      table.add(makeEvent({ rule, count, src }));
    }
    // [UFW BLOCK] was in the table (makeEvent's default label); the fresh ones are not: the first four distinct are kept.
    expect(table.get(src.ip)!.rules).toEqual(new Map([['[UFW BLOCK]', 2], ['fresh-a', 7], ['fresh-b', 1], ['fresh-c', 1]]));
  });
});
