// Ranking properties: breadth beats volume on a generated mixed log, and the ranking
// does not depend on event order or on how the input is chunked (fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FirewallEvent } from '../../src/event.js';
import { Summarizer } from '../../src/aggregate/summary.js';
import { DEFAULT_THRESHOLDS } from '../../src/aggregate/thresholds.js';
import { at, makeEvent } from '../helpers/events.js';
import { ann, summarize, trojanAnn } from '../helpers/summary-events.js';

/** Deterministic PRNG (mulberry32) so the generated log is the same every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('generated log: heavy single-service sources vs a few wide scanners', () => {
  it('every wide scanner ranks above every single-service source', () => {
    const rand = rng(42);
    const events: FirewallEvent[] = [];
    const heavy: string[] = [];
    const wide: string[] = [];
    // 30 heavy hitters: 2,000-60,000 packets each to one service (SSH, Telnet, SMB, RDP, SQL), 1-3 hosts, all day.
    const services = [22, 23, 445, 3389, 1433, 5900, 8080];
    for (let i = 0; i < 30; i++) {
      const ip = `198.51.100.${i + 1}`;
      heavy.push(ip);
      const port = services[i % services.length];
      const packets = 2000 + Math.floor(rand() * 58_000);
      const nEvents = 200;
      for (let k = 0; k < nEvents; k++) {
        events.push(
          makeEvent({
            src: { ip, port: 30000 + k },
            dst: { ip: `192.0.2.${1 + (k % (1 + (i % 3)))}`, port },
            time: at(rand() * 86_400),
            count: Math.max(1, Math.round(packets / nEvents)),
          }),
        );
      }
    }
    // 6 wide scanners: 40-600 ports, 1-2 packets each, some with stealth flags.
    for (let i = 0; i < 6; i++) {
      const ip = `203.0.113.${i + 100}`;
      wide.push(ip);
      const nPorts = 40 + Math.floor(rand() * 560);
      const start = rand() * 80_000;
      const flags = [['SYN'], [], ['FIN', 'PSH', 'URG'], ['SYN']][i % 4];
      for (let p = 0; p < nPorts; p++) {
        events.push(makeEvent({ src: { ip }, dst: { port: 1 + Math.floor(rand() * 65_000) }, tcpFlags: flags, time: at(start + p * 0.2), count: rand() < 0.3 ? 2 : 1 }));
      }
    }
    // Background noise and one-offs.
    for (let i = 0; i < 200; i++) {
      events.push(makeEvent({ src: { ip: `10.9.${Math.floor(i / 200)}.${i % 200}` }, dst: { port: services[i % services.length] }, time: at(rand() * 86_400) }));
    }
    const r = summarize(events);
    const rank = new Map(r.sources.map((s) => [s.ip, s.rank]));
    const worstWide = Math.max(...wide.map((ip) => rank.get(ip)!));
    const bestHeavy = Math.min(...heavy.map((ip) => rank.get(ip)!));
    expect(worstWide).toBeLessThan(bestHeavy);
    expect(r.sources.slice(0, wide.length).map((s) => s.ip).sort()).toEqual([...wide].sort());
  });
});

// ------------------------------------------------------------------ determinism

const IPS = ['203.0.113.1', '203.0.113.2', '198.51.100.7', '2001:db8::1', '192.0.2.9'];
const HOSTS = ['192.0.2.1', '192.0.2.2', '192.0.2.255', '2001:db8::10'];
const FLAGS: (string[] | null)[] = [['SYN'], [], ['FIN'], ['FIN', 'PSH', 'URG'], ['SYN', 'FIN'], ['ACK'], ['SYN', 'ACK']];
const ANNS = [
  [],
  [ann('srcport-dns', 1, 'Source port 53')],
  [trojanAnn('Sub-7', 3)],
  [ann('netbios-noise', 0, 'NetBIOS')],
  [ann('dialup-leftover', 0, 'leftover')],
  [ann('traceroute', 1, 'traceroute probe')],
];

const eventArb = fc
  .record({
    ip: fc.integer({ min: 0, max: IPS.length - 1 }),
    host: fc.integer({ min: 0, max: HOSTS.length - 1 }),
    proto: fc.constantFrom('tcp', 'udp', 'icmp'),
    port: fc.integer({ min: 1, max: 40 }),
    flags: fc.integer({ min: 0, max: FLAGS.length - 1 }),
    ann: fc.integer({ min: 0, max: ANNS.length - 1 }),
    t: fc.integer({ min: 0, max: 20_000 }),
    count: fc.integer({ min: 1, max: 5 }),
    action: fc.constantFrom('drop' as const, 'reject' as const, 'allow' as const),
  })
  .map((g) => {
    const icmp = g.proto === 'icmp';
    // A trojan annotation's text is a function of the port, as the annotator's is.
    return makeEvent({
      proto: g.proto,
      src: { ip: IPS[g.ip], port: icmp ? null : 40000 },
      dst: { ip: HOSTS[g.host], port: icmp ? null : g.port },
      tcpFlags: g.proto === 'tcp' ? FLAGS[g.flags] : null,
      annotations: ANNS[g.ann],
      time: at(g.t),
      count: g.count,
      action: g.action,
    });
  });

function ranking(chunks: readonly (readonly FirewallEvent[])[]): unknown {
  const parts = chunks.map((c) => {
    const s = new Summarizer(DEFAULT_THRESHOLDS);
    for (const e of c) s.add(e);
    return s;
  });
  const all = new Summarizer(DEFAULT_THRESHOLDS);
  for (const p of parts) all.merge(p);
  return JSON.parse(JSON.stringify(all.result({ kb: null, lang: 'en' })));
}

describe('determinism', () => {
  it('the same events in any order and any chunking give the same ranking', () => {
    fc.assert(
      fc.property(
        fc.array(eventArb, { minLength: 1, maxLength: 120 }),
        fc.array(fc.nat(), { maxLength: 120 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        (events, shuffleKeys, cutKeys) => {
          const reference = ranking([events]);
          // A permutation driven by the generated keys.
          const shuffled = events
            .map((e, i) => ({ e, k: shuffleKeys[i] ?? i }))
            .sort((a, b) => a.k - b.k)
            .map((x) => x.e);
          const cuts = [...new Set(cutKeys.map((k) => k % (shuffled.length + 1)))].sort((a, b) => a - b);
          const chunks: FirewallEvent[][] = [];
          let prev = 0;
          for (const c of [...cuts, shuffled.length]) {
            chunks.push(shuffled.slice(prev, c));
            prev = c;
          }
          expect(ranking([shuffled])).toEqual(reference);
          expect(ranking(chunks)).toEqual(reference);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('ties are broken by the address as a number, IPv4 first', () => {
    const ev = ['203.0.113.9', '203.0.113.10', '2001:db8::2', '198.51.100.1', '2001:db8::10'].map((ip) => makeEvent({ src: { ip } }));
    const r = summarize([...ev].reverse());
    expect(r.sources.map((s) => s.ip)).toEqual(['198.51.100.1', '203.0.113.9', '203.0.113.10', '2001:db8::2', '2001:db8::10']);
    expect(new Set(r.sources.map((s) => s.score)).size).toBe(1);
  });
});
