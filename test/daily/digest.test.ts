// --state digests: port ranges, a save/load round trip, and a corrupt or foreign
// digest reported as a problem (never thrown); plus the comparison numbers built on them.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareDays, previousFromDigest, previousFromTally } from '../../src/daily/compare.js';
import { dayWindow } from '../../src/daily/day.js';
import { countedOtherwise, decodePorts, digestSettings, encodePorts, loadDigest as load, saveDigest as save, stateDirProblem as dirProblem, type DayDigest, type StateDirProblem } from '../../src/daily/digest.js';
import { en } from '../../src/i18n/en.js';
import { basisText } from '../../src/render/daily-common.js';
import type { DailyDoc } from '../../src/daily/doc.js';
import { DEFAULT_THRESHOLDS } from '../../src/aggregate/thresholds.js';
import { parseIgnoreList } from '../../src/enrich/ignore.js';
import { choosePrevious } from '../../src/daily/previous.js';
import { DayTally } from '../../src/daily/tally.js';
import { COMPLETE, type Coverage } from '../../src/daily/coverage.js';
import { tempDir } from '../helpers/cli.js';
import { makeEvent } from '../helpers/events.js';

// The problems in English words, as stderr and the page say them (the catalog words the codes).
const words = (p: StateDirProblem | null): string | null => (p === null ? null : en.daily.stateDirProblem(p));
const stateDirProblem = (dir: string): string | null => words(dirProblem(dir));
const saveDigest = async (dir: string, d: DayDigest): Promise<string | { newer: number } | null> => {
  const r = await save(dir, d);
  return r?.code === 'newer' ? { newer: r.newer } : words(r);
};
async function loadDigest(dir: string, date: string) {
  const r = await load(dir, date);
  return r.digest === null && r.problem !== null ? { ...r, problem: en.daily.ignoredDigest(r.problem).replace(/^ignoring the stored digest: /, '') } : r;
}

const D = dayWindow({ year: 2026, month: 11, day: 21 }, 'UTC');
const P = dayWindow({ year: 2026, month: 11, day: 20 }, 'UTC');
/** What a run without --config, threshold flags or --ignore counts with. */
/** A day compared whose formats name no counting change (digest.ts COUNTED_SO_SINCE). */
const NO_FORMATS: ReadonlySet<string> = new Set(['iptables']);
/** Logs that hold the day before from 06:00 on (its first hours missing). */
const PART: Coverage = { complete: false, span: { from: P.start + 6 * 3_600_000, to: P.end } };
const defaults = digestSettings(DEFAULT_THRESHOLDS, { ignore: null, homeNet: null, signatures: null });

function tally(w: typeof D, rows: [src: string, port: number, n: number, action?: 'drop' | 'allow'][]): DayTally {
  const t = new DayTally(w);
  rows.forEach(([src, port, n, action], i) => {
    const time = new Date(w.start + i * 60_000);
    t.add(makeEvent({ time, src: { ip: src }, dst: { port }, count: n, action: action ?? 'drop' }), time.getTime());
  });
  return t;
}

describe('source count', () => {
  it('does not shrink when more than 200,000 sources make the counter prune', () => {
    const t = new DayTally(D);
    const time = new Date(D.start);
    for (let i = 0; i < 200_001; i++) t.add(makeEvent({ time, src: { ip: `10.${i >> 16}.${(i >> 8) & 255}.${i & 255}` } }), time.getTime());
    expect(t.totals().sources).toBe(200_000);
  });
});

describe('probes apart from the rest', () => {
  it("this side's own traffic and replies are logged packets, not probes: no probing source, no probed port", () => {
    const t = new DayTally(D);
    const time = new Date(D.start + 3_600_000);
    const add = (e: Parameters<typeof makeEvent>[0]): void => t.add(makeEvent({ time, ...e }), time.getTime());
    add({ src: { ip: '203.0.113.9' }, dst: { port: 22 }, count: 3 }); // a probe
    add({ direction: 'out', action: 'allow', src: { ip: '192.168.1.5' }, dst: { ip: '198.51.100.1', port: 443 }, count: 4 });
    // A LAN machine through this router to the Internet: this side's too (util/egress.ts).
    add({ direction: 'forward', src: { ip: '10.0.0.7' }, dst: { ip: '198.51.100.2', port: 1434 }, proto: 'udp', count: 2 });
    add({ src: { ip: '198.51.100.53', port: 53 }, dst: { port: 33000 }, proto: 'udp', annotations: [{ id: 'srcport-dns', severity: 0, text: 'x', ref: '002' }] });
    expect(t.totals()).toMatchObject({ packets: 10, probes: 3, own: 6, sources: 1, ports: 1 });
    expect(t.replies).toBe(1);
    expect([...t.sources.entries()]).toEqual([['203.0.113.9', 3]]);
    expect(t.hasPort('tcp', 22) && !t.hasPort('tcp', 443) && !t.hasPort('udp', 1434) && !t.hasPort('udp', 33000)).toBe(true);
    // Every packet still counts in the totals the blocked/allowed split and the chart are of.
    expect(t.blocked + t.allowed).toBe(10);
    expect(t.perHour[1]).toBe(10);
  });

  it('LAN broadcast chatter is counted apart: not a probe, its sender not a probing source, its port not probed', () => {
    const t = new DayTally(D);
    const time = new Date(D.start + 3_600_000);
    const add = (e: Parameters<typeof makeEvent>[0]): void => t.add(makeEvent({ time, ...e }), time.getTime());
    const said = (id: string) => [{ id, severity: 0 as const, text: 'x', ref: '002' }];
    add({ src: { ip: '203.0.113.9' }, dst: { port: 22 }, count: 3 }); // a probe
    add({ src: { ip: '192.168.1.1', port: 1900 }, dst: { ip: '239.255.255.250', port: 1900 }, proto: 'udp', count: 9, annotations: said('lan-broadcast') });
    add({ src: { ip: '192.168.1.20', port: 138 }, dst: { ip: '192.168.1.255', port: 138 }, proto: 'udp', count: 4, annotations: said('netbios-noise') });
    add({ src: { ip: '0.0.0.0', port: 68 }, dst: { ip: '255.255.255.255', port: 67 }, proto: 'udp', annotations: said('dhcp-broadcast') });
    expect(t.totals()).toMatchObject({ packets: 17, probes: 3, own: 0, noise: 14, sources: 1, ports: 1 });
    expect(t.replies).toBe(0);
    expect(t.hasSource('192.168.1.1') || t.hasPort('udp', 1900) || t.hasPort('udp', 138) || t.hasPort('udp', 67)).toBe(false);
    expect(t.blocked).toBe(17);
  });

  it('late packets of connections already under way (ACK or RST, no SYN) are counted apart: not probes, their sender no probing source, their port not probed', () => {
    const t = new DayTally(D);
    const time = new Date(D.start + 3_600_000);
    const add = (e: Parameters<typeof makeEvent>[0]): void => t.add(makeEvent({ time, ...e }), time.getTime());
    add({ src: { ip: '203.0.113.9' }, dst: { port: 22 }, count: 3 }); // a probe
    // An SSH client's packets after the firewall forgot its connection.
    add({ src: { ip: '198.51.100.7', port: 51234 }, dst: { port: 443 }, tcpFlags: ['ACK'], count: 5, annotations: [{ id: 'stale-connection', severity: 0, text: 'x', ref: 'logscan' }] });
    expect(t.totals()).toMatchObject({ packets: 8, probes: 3, own: 0, noise: 0, late: 5, sources: 1, ports: 1 });
    expect(t.replies).toBe(0);
    expect(t.hasSource('198.51.100.7') || t.hasPort('tcp', 443)).toBe(false);
    expect(t.blocked).toBe(8);
  });
});

describe('port ranges', () => {
  it('round-trips runs and single ports, and rejects garbage', () => {
    const bits = new Uint8Array(65_536);
    bits.fill(1, 1, 1025);
    bits[3389] = 1;
    bits[65_535] = 1;
    expect(encodePorts(bits)).toBe('1-1024,3389,65535');
    expect(decodePorts('1-1024,3389,65535')).toEqual(bits);
    expect(encodePorts(new Uint8Array(65_536))).toBe('');
    for (const bad of ['1-', '5-2', '70000', 'a', '1,,2']) expect(() => decodePorts(bad), bad).toThrow();
  });
});

describe('digest state', () => {
  it('saves atomically (no temp file left) and loads back the same digest', async () => {
    const dir = tempDir();
    const d = tally(P, [['198.51.100.1', 22, 3], ['198.51.100.2', 23, 1, 'allow']]).digest('UTC', COMPLETE, new Date('2026-11-21T06:00:00Z'));
    expect(await saveDigest(dir, d)).toBeNull();
    expect(readdirSync(dir)).toEqual(['2026-11-20.json']);
    const back = await loadDigest(dir, '2026-11-20');
    expect(back.digest).toEqual(d);
    expect(d.totals).toEqual({ events: 2, packets: 4, blocked: 3, allowed: 1, other: 0, probes: 4, own: 0, noise: 0, late: 0, connections: 0, probeConnections: 0, ownConnections: 0, lateConnections: 0, sources: 2, ports: 2 });
    expect(d.logscanDailyDigest).toBe(8);
    expect(d.formats).toEqual(['iptables']);
    expect(d.ports).toEqual({ tcp: '22-23' });
    expect(d.perHour).toHaveLength(24);
  });

  it('a missing digest is no problem; a corrupt or foreign one is a problem, not an error', async () => {
    const dir = tempDir();
    expect(await loadDigest(dir, '2026-11-20')).toEqual({ digest: null, problem: null });
    writeFileSync(join(dir, '2026-11-20.json'), '{"logscanDailyDigest":1,"date":"2026-11-20",');
    const bad = await loadDigest(dir, '2026-11-20');
    expect(bad.digest).toBeNull();
    expect('problem' in bad && bad.problem).toMatch(/2026-11-20\.json: not valid JSON/);
    const d = tally(P, [['198.51.100.1', 22, 1]]).digest('UTC', COMPLETE, new Date());
    writeFileSync(join(dir, '2026-11-20.json'), JSON.stringify({ ...d, date: '2026-11-19' }));
    expect(await loadDigest(dir, '2026-11-20')).toMatchObject({ digest: null, problem: expect.stringMatching(/holds "2026-11-19"/) });
    writeFileSync(join(dir, '2026-11-20.json'), JSON.stringify({ ...d, ports: { tcp: '99999' } }));
    expect(await loadDigest(dir, '2026-11-20')).toMatchObject({ digest: null, problem: expect.stringMatching(/ports\.tcp/) });
    writeFileSync(join(dir, '2026-11-20.json'), JSON.stringify({ ...d, totals: { ...d.totals, packets: -1 } }));
    expect(await loadDigest(dir, '2026-11-20')).toMatchObject({ digest: null, problem: expect.stringMatching(/totals\.packets/) });
    // A settings hash is a string or null; absent (an older digest's) is fine.
    writeFileSync(join(dir, '2026-11-20.json'), JSON.stringify({ ...d, settings: { ...defaults, homeNet: 5 } }));
    expect(await loadDigest(dir, '2026-11-20')).toMatchObject({ digest: null, problem: expect.stringMatching(/settings\.homeNet is not a hash/) });
    const { homeNet: _h, signatures: _s, ...older } = defaults;
    writeFileSync(join(dir, '2026-11-20.json'), JSON.stringify({ ...d, settings: older }));
    expect((await loadDigest(dir, '2026-11-20')).digest?.settings).toEqual(older);
    expect(readFileSync(join(dir, '2026-11-20.json'), 'utf8')).toContain('"date"');
  });

  it('a DIR or a digest that cannot be written is a reason in words, never a throw; DIR is made when missing', async () => {
    const dir = tempDir();
    expect(stateDirProblem(join(dir, 'a', 'b'))).toBeNull();
    expect(statSync(join(dir, 'a', 'b')).isDirectory()).toBe(true);
    writeFileSync(join(dir, 'f'), '');
    expect(stateDirProblem(join(dir, 'f'))).toBe('not a directory');
    expect(stateDirProblem(join(dir, 'f', 'x', 'y'))).toBe(`${join(dir, 'f')} is not a directory`);
    const d = tally(P, [['198.51.100.1', 22, 1]]).digest('UTC', COMPLETE, new Date());
    mkdirSync(join(dir, 'a', 'b', '2026-11-20.json'));
    expect(await saveDigest(join(dir, 'a', 'b'), d)).toBe('2026-11-20.json: is a directory');
    expect(await saveDigest(join(dir, 'gone'), d)).toBe(`2026-11-20.json: no such directory: ${join(dir, 'gone')}`);
  });

  it.runIf(existsSync('/proc/self'))('a DIR under /proc is a reason too, not a hang (Node 20\'s recursive mkdir loops there)', () => {
    expect(stateDirProblem('/proc/logscan-no-such-dir/state')).toEqual(expect.any(String));
  });

  it("never overwrites a digest a newer logscan wrote: saying which version it kept, the file as it was; any other file in the way is replaced", async () => {
    const dir = tempDir();
    const file = join(dir, '2026-11-20.json');
    const theirs = JSON.stringify({ logscanDailyDigest: 9, date: '2026-11-20', fromTheFuture: [1, 2] });
    writeFileSync(file, theirs);
    const d = tally(P, [['198.51.100.1', 22, 1]]).digest('UTC', COMPLETE, new Date('2026-11-21T06:00:00Z'));
    expect(await saveDigest(dir, d)).toEqual({ newer: 9 });
    expect(readFileSync(file, 'utf8')).toBe(theirs);
    expect(await loadDigest(dir, '2026-11-20')).toMatchObject({ digest: null, newer: 9 });
    for (const older of ['{ not json', JSON.stringify({ ...d, logscanDailyDigest: 5 }), JSON.stringify({ logscanDailyDigest: 'x' })]) {
      writeFileSync(file, older);
      expect(await saveDigest(dir, d), older).toBeNull();
      expect((await loadDigest(dir, '2026-11-20')).digest, older).toEqual(d);
    }
  });

  it('a digest from a newer logscan says so, not "unknown version"', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, '2026-11-20.json'), JSON.stringify({ logscanDailyDigest: 9, date: '2026-11-20' }));
    expect(await loadDigest(dir, '2026-11-20')).toMatchObject({ digest: null, problem: expect.stringMatching(/2026-11-20\.json: written by a newer logscan \(digest version 9; this one reads versions 1 to 8\)$/) });
    writeFileSync(join(dir, '2026-11-20.json'), JSON.stringify({ logscanDailyDigest: 'x', date: '2026-11-20' }));
    expect(await loadDigest(dir, '2026-11-20')).toMatchObject({ digest: null, problem: expect.stringMatching(/unknown digest version "x"$/) });
  });

  it('keeps at most the 5,000 busiest sources and says it was capped', () => {
    const rows: [string, number, number][] = [];
    for (let i = 0; i < 5100; i++) rows.push([`10.0.${i >> 8}.${i & 255}`, 22, i === 0 ? 100 : 1]);
    const d = tally(P, rows).digest('UTC', COMPLETE, new Date());
    expect(d.sources).toHaveLength(5000);
    expect(d.sources[0]).toBe('10.0.0.0');
    expect(d.sourcesCapped).toBe(true);
    expect(d.totals.sources).toBe(5100);
  });
});

describe('comparison', () => {
  const today = tally(D, [['203.0.113.9', 22, 10], ['203.0.113.9', 3389, 5], ['198.51.100.1', 22, 4], ['192.0.2.7', 445, 1]]);
  const before = tally(P, [['198.51.100.1', 22, 8], ['198.51.100.2', 23, 2]]);

  it('new sources, newly probed ports and the volume trend, from the logs', () => {
    const c = compareDays(today, P.key, previousFromTally(before, COMPLETE), null, 'en');
    expect(c.basis).toBe('logs');
    expect(c.packets).toEqual({ today: 20, previous: 10, delta: 10, ratio: 1 });
    expect(c.probes).toEqual(c.packets);
    expect(c.sources).toMatchObject({ today: 3, previous: 2 });
    expect(c.newSourceCount).toBe(2);
    expect(c.newSources).toEqual([{ ip: '203.0.113.9', packets: 15 }, { ip: '192.0.2.7', packets: 1 }]);
    expect(c.newPortCount).toBe(2);
    expect(c.newPorts.map((p) => `${p.port}/${p.proto}:${p.packets}`)).toEqual(['3389/tcp:5', '445/tcp:1']);
  });

  it('a digest of a day partly covered keeps its span through the file; the comparison says it as the logs\' span', async () => {
    const span = { from: P.start + 6 * 3_600_000 + 51 * 60_000, to: P.end - 3_600_000 };
    const stored = before.digest('UTC', { complete: false, span }, new Date('2026-11-21T06:00:00Z'), defaults);
    expect(stored).toMatchObject({ logscanDailyDigest: 8, complete: false, covered: { from: '2026-11-20T06:51:00.000Z', to: '2026-11-20T23:00:00.000Z' } });
    const dir = tempDir();
    expect(await saveDigest(dir, stored)).toBeNull();
    const back = (await loadDigest(dir, '2026-11-20')).digest!;
    expect(back).toEqual(stored);
    const fromState = compareDays(today, P.key, previousFromDigest(back), null, 'en');
    expect(fromState).toMatchObject({ basis: 'state', previousComplete: false, previousCovered: stored.covered, todayCovered: null });
    // The same span from the logs reads the same.
    const fromLogs = compareDays(today, P.key, previousFromTally(before, { complete: false, span }), null, 'en');
    expect(fromLogs).toMatchObject({ basis: 'logs', previousComplete: false, previousCovered: stored.covered });
    const page = (comparison: typeof fromState): DailyDoc => ({ comparison, tz: 'UTC', date: D.key, partial: false, window: { start: new Date(D.start).toISOString(), end: new Date(D.end).toISOString(), hours: 24 } }) as DailyDoc;
    expect(basisText(page(fromState), 'en', 'UTC')).toBe('vs 2026-11-20, from the --state digest (that day only partly covered: 06:51-23:00)');
    expect(basisText(page(fromLogs), 'zh', 'UTC')).toBe('对比 2026-11-20，数据来自同一批日志（该日只有部分时段有记录：06:51 至 23:00）');
    // A complete digest has no span, nor does a comparison with it.
    const whole = before.digest('UTC', COMPLETE, new Date());
    expect(whole.covered).toBeUndefined();
    expect(compareDays(today, P.key, previousFromDigest(whole), null, 'en').previousCovered).toBeNull();
  });

  it('a version 7 digest of a day partly covered is still read: the part it holds is not known, the heading says "partly" alone', async () => {
    const { covered: _c, ...v8 } = before.digest('UTC', PART, new Date(), defaults);
    const dir = tempDir();
    writeFileSync(join(dir, '2026-11-20.json'), JSON.stringify({ ...v8, logscanDailyDigest: 7 }));
    const loaded = (await loadDigest(dir, '2026-11-20')).digest!;
    expect(loaded).toMatchObject({ logscanDailyDigest: 7, complete: false });
    const c = compareDays(today, P.key, previousFromDigest(loaded), null, 'en');
    expect(c).toMatchObject({ basis: 'state', previousComplete: false, previousCovered: null });
    expect(c.probes).toMatchObject({ previous: 10, today: 20 });
    expect(basisText({ comparison: c, tz: 'UTC', date: D.key, partial: false, window: { start: new Date(D.start).toISOString(), end: new Date(D.end).toISOString(), hours: 24 } } as DailyDoc, 'en', 'UTC')).toBe(
      'vs 2026-11-20, from the --state digest (that day only partly covered)',
    );
  });

  it("a 'covered' that is no pair of times is refused, in words", async () => {
    const d = before.digest('UTC', PART, new Date(), defaults);
    const dir = tempDir();
    for (const covered of ['06:51', { from: '2026-11-20T06:00:00Z' }, { from: 'dawn', to: '2026-11-20T23:00:00Z' }, { from: '2026-11-20T23:00:00Z', to: '2026-11-20T06:00:00Z' }]) {
      writeFileSync(join(dir, '2026-11-20.json'), JSON.stringify({ ...d, covered }));
      expect(await loadDigest(dir, '2026-11-20'), JSON.stringify(covered)).toMatchObject({ digest: null, problem: expect.stringMatching(/: covered is not a pair of times \(from, to\)$/) });
    }
  });

  it('the same numbers from a stored digest', () => {
    const c = compareDays(today, P.key, previousFromDigest(before.digest('UTC', COMPLETE, new Date())), null, 'en');
    expect(c.basis).toBe('state');
    expect(c.newSourceCount).toBe(2);
    expect(c.newPortCount).toBe(2);
    expect(c.packets.ratio).toBe(1);
  });

  /** The day before as an older logscan stored it: version 1 had no probe split, version 2 no noise count, version 3 no late count, version 4 no connection counts. */
  const older = (version: 1 | 2 | 3 | 4) => {
    const stored = before.digest('UTC', COMPLETE, new Date());
    const { probes, own, noise, late, connections: _c, probeConnections: _p, ownConnections: _o, lateConnections: _l, ...v1Totals } = stored.totals;
    const totals =
      version === 1 ? v1Totals : version === 2 ? { ...v1Totals, probes, own } : version === 3 ? { ...v1Totals, probes, own, noise } : { ...v1Totals, probes, own, noise, late };
    return { ...stored, logscanDailyDigest: version, totals };
  };

  it('a version 4 digest (no connection counts) still compares probes and packets; its connections are unknown, not 0', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, '2026-11-20.json'), JSON.stringify(older(4)));
    const loaded = await loadDigest(dir, '2026-11-20');
    expect('problem' in loaded && loaded.problem).toBe(false);
    const c = compareDays(today, P.key, previousFromDigest(loaded.digest!), null, 'en');
    expect(c.probes.previous).toBe(10);
    expect(c.packets.previous).toBe(10);
    expect(c.connections).toEqual({ today: 0, previous: null, delta: null, ratio: null });
    // The current version's digest carries them.
    expect(compareDays(today, P.key, previousFromDigest(before.digest('UTC', COMPLETE, new Date())), null, 'en').connections.previous).toBe(0);
  });

  it('a version 5 digest (a scanner\'s first late packets counted as late, not as its probes) is still read and compared in full', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, '2026-11-20.json'), JSON.stringify({ ...before.digest('UTC', COMPLETE, new Date()), logscanDailyDigest: 5 }));
    const loaded = await loadDigest(dir, '2026-11-20');
    expect('problem' in loaded && loaded.problem).toBe(false);
    const c = compareDays(today, P.key, previousFromDigest(loaded.digest!), null, 'en');
    expect([c.probes.previous, c.sources.previous, c.packets.previous, c.connections.previous]).toEqual([10, 2, 10, 0]);
  });

  it.each([
    [1, 'every source, no probe count'],
    [2, 'LAN chatter among the probes'],
    [3, 'late packets of connections among the probes'],
  ] as const)('a version %i digest (%s) still gives new sources and ports and the packet trend, but no probe or source trend', async (version, _why) => {
    const dir = tempDir();
    writeFileSync(join(dir, '2026-11-20.json'), JSON.stringify(older(version)));
    const loaded = await loadDigest(dir, '2026-11-20');
    expect('problem' in loaded && loaded.problem).toBe(false);
    const c = compareDays(today, P.key, previousFromDigest(loaded.digest!), null, 'en');
    expect(c.newSourceCount).toBe(2);
    expect(c.newPortCount).toBe(2);
    expect(c.probes).toEqual({ today: 20, previous: null, delta: null, ratio: null });
    expect(c.sources.previous).toBeNull();
    expect(c.packets.previous).toBe(10);
  });

  it('a digest without the counts its version must have is refused; the current version compares probes', async () => {
    const stored = before.digest('UTC', COMPLETE, new Date());
    const dir = tempDir();
    const file = join(dir, '2026-11-20.json');
    writeFileSync(file, JSON.stringify({ ...stored, logscanDailyDigest: 2, totals: older(1).totals }));
    expect(await loadDigest(dir, '2026-11-20')).toMatchObject({ digest: null, problem: expect.stringMatching(/totals\.probes/) });
    writeFileSync(file, JSON.stringify({ ...stored, logscanDailyDigest: 3, totals: older(2).totals }));
    expect(await loadDigest(dir, '2026-11-20')).toMatchObject({ digest: null, problem: expect.stringMatching(/totals\.noise/) });
    writeFileSync(file, JSON.stringify({ ...stored, logscanDailyDigest: 4, totals: older(3).totals }));
    expect(await loadDigest(dir, '2026-11-20')).toMatchObject({ digest: null, problem: expect.stringMatching(/totals\.late/) });
    writeFileSync(file, JSON.stringify({ ...stored, totals: older(4).totals }));
    expect(await loadDigest(dir, '2026-11-20')).toMatchObject({ digest: null, problem: expect.stringMatching(/totals\.connections/) });
    writeFileSync(file, JSON.stringify({ ...stored, formats: 'iptables' }));
    expect(await loadDigest(dir, '2026-11-20')).toMatchObject({ digest: null, problem: expect.stringMatching(/formats is not a list of format names$/) });
    writeFileSync(file, JSON.stringify({ ...stored, logscanDailyDigest: 9 }));
    expect(await loadDigest(dir, '2026-11-20')).toMatchObject({ digest: null, problem: expect.stringMatching(/written by a newer logscan \(digest version 9;/) });
    expect(compareDays(today, P.key, previousFromDigest(stored), null, 'en').probes.previous).toBe(10);
  });

  it("an IPv6 host is not new because yesterday's digest spelled it in the kernel's full form", () => {
    const v6Today = tally(D, [['2001:0db8:0000:0000:0000:0000:0000:0bad', 22, 1]]);
    const stored = before.digest('UTC', COMPLETE, new Date());
    // A digest from before sources were counted in RFC 5952 form.
    const old = { ...stored, sources: [...stored.sources, '2001:0db8:0000:0000:0000:0000:0000:0bad'] };
    expect(compareDays(v6Today, P.key, previousFromDigest(old), null, 'en').newSourceCount).toBe(0);
    expect(compareDays(v6Today, P.key, previousFromDigest(stored), null, 'en').newSources).toEqual([{ ip: '2001:db8::bad', packets: 1 }]);
  });

  it('without a previous day: no trend, nothing called new', () => {
    const c = compareDays(today, P.key, null, null, 'en');
    expect(c.basis).toBeNull();
    expect(c.packets).toEqual({ today: 20, previous: null, delta: null, ratio: null });
    expect(c.newSourceCount).toBe(0);
  });

  it('logs covering the whole day win; else a complete digest; else partial logs', () => {
    const stored = before.digest('UTC', COMPLETE, new Date());
    expect(choosePrevious(before, COMPLETE, stored, defaults, NO_FORMATS)?.basis).toBe('logs');
    expect(choosePrevious(before, PART, stored, defaults, NO_FORMATS)?.basis).toBe('state');
    expect(choosePrevious(before, PART, { ...stored, complete: false }, defaults, NO_FORMATS)).toMatchObject({ basis: 'logs', complete: false });
    expect(choosePrevious(new DayTally(P), PART, { ...stored, complete: false }, defaults, NO_FORMATS)?.basis).toBe('state');
    expect(choosePrevious(new DayTally(P), PART, null, defaults, NO_FORMATS)).toBeNull();
  });

  it('a complete digest counted with other settings gives way to partial logs, and says what differs when it is all there is', () => {
    const stored = before.digest('UTC', COMPLETE, new Date(), defaults);
    const tuned = digestSettings({ ...DEFAULT_THRESHOLDS, verticalScan: { minPorts: 8 } }, { ignore: parseIgnoreList('192.0.2.200\n', 'mine.txt'), homeNet: null, signatures: null });
    expect(choosePrevious(before, PART, stored, defaults, NO_FORMATS)).toMatchObject({ basis: 'state', otherSettings: null });
    expect(choosePrevious(before, PART, stored, tuned, NO_FORMATS)).toMatchObject({ basis: 'logs', complete: false, otherSettings: null });
    expect(choosePrevious(new DayTally(P), PART, stored, tuned, NO_FORMATS)).toMatchObject({ basis: 'state', otherSettings: ['thresholds', 'ignore'] });
    // Weights only rank and limits only bound memory: neither changes a day's counts.
    const reweighed = digestSettings({ ...DEFAULT_THRESHOLDS, weights: { ...DEFAULT_THRESHOLDS.weights, ports: 99 }, limits: { ...DEFAULT_THRESHOLDS.limits, maxSources: 5 } }, { ignore: null, homeNet: null, signatures: null });
    expect(choosePrevious(before, PART, stored, reweighed, NO_FORMATS)).toMatchObject({ basis: 'state', otherSettings: null });
    // A digest from before settings were recorded is taken as it comes.
    expect(choosePrevious(new DayTally(P), PART, before.digest('UTC', COMPLETE, new Date()), tuned, NO_FORMATS)).toMatchObject({ basis: 'state', otherSettings: null });
  });
});

describe('a digest an earlier logscan wrote of a day with Cisco ASA records (version 6 and older)', () => {
  // A Teardown was a packet, and a probe, to the logscan that wrote it: its probes would read as a drop today.
  const asa = (w: typeof D, rows: [src: string, port: number, rule: string][]): DayTally => {
    const t = new DayTally(w);
    rows.forEach(([src, port, rule], i) => {
      const time = new Date(w.start + i * 60_000);
      t.add(makeEvent({ format: 'cisco-asa', time, src: { ip: src }, dst: { port }, action: rule.endsWith('106023') ? 'drop' : 'allow', rule }), time.getTime());
    });
    return t;
  };
  const todayAsa = asa(D, [['198.51.100.1', 443, 'ASA-6-302013'], ['198.51.100.1', 443, 'ASA-6-302014'], ['198.51.100.9', 23, 'ASA-4-106023']]);
  const yesterday = asa(P, [['198.51.100.1', 443, 'ASA-6-302013'], ['198.51.100.1', 443, 'ASA-6-302014'], ['198.51.100.7', 22, 'ASA-4-106023']]);
  // As a version 6 digest of the same records was written: no formats, every record a probe.
  const written = yesterday.digest('UTC', COMPLETE, new Date(), defaults);
  const v6: DayDigest = { ...written, logscanDailyDigest: 6, totals: { ...written.totals, probes: 3, late: 0, connections: 0, probeConnections: 0, lateConnections: 0 } };
  delete v6.formats;

  it('version 7 and later name the formats of their day; the day counted with them says none was counted otherwise', () => {
    expect(written.logscanDailyDigest).toBe(8);
    expect(written.formats).toEqual(['cisco-asa']);
    expect(countedOtherwise(written, todayAsa.formats)).toBeNull();
    expect(countedOtherwise({ ...written, logscanDailyDigest: 6 }, new Set(['iptables']))).toEqual(['cisco-asa']);
    // Without formats of its own, the day compared stands in for it.
    expect(countedOtherwise(v6, todayAsa.formats)).toEqual(['cisco-asa']);
    expect(countedOtherwise(v6, new Set(['iptables', 'windows-firewall']))).toBeNull();
    expect(countedOtherwise({ ...v6, logscanDailyDigest: 3 }, new Set(['pf', 'cisco-asa']))).toEqual(['cisco-asa']);
  });

  it('gives way to partial logs, and when it is all there is, its probes, connections, sources and ports are not compared', () => {
    expect(choosePrevious(yesterday, PART, v6, defaults, todayAsa.formats)).toMatchObject({ basis: 'logs', complete: false, countedOtherwise: null });
    expect(choosePrevious(new DayTally(P), PART, written, defaults, todayAsa.formats)).toMatchObject({ basis: 'state', countedOtherwise: null });
    const prev = choosePrevious(new DayTally(P), PART, v6, defaults, todayAsa.formats)!;
    expect(prev).toMatchObject({ basis: 'state', countedOtherwise: ['cisco-asa'] });
    const c = compareDays(todayAsa, P.key, prev, null, 'en');
    expect(c.previousCountedOtherwise).toEqual(['cisco-asa']);
    for (const k of ['probes', 'connections', 'sources', 'ports'] as const) expect(c[k].previous, k).toBeNull();
    // Every record is still one logged record, and a drop a drop.
    expect(c.packets).toMatchObject({ previous: 3, today: 3 });
    expect(c.blocked).toMatchObject({ previous: 1, today: 1 });
    // The same digest of an iptables day is compared as before.
    const iptablesDay = compareDays(tally(D, [['203.0.113.9', 22, 1]]), P.key, choosePrevious(new DayTally(P), PART, v6, defaults, NO_FORMATS), null, 'en');
    expect(iptablesDay.previousCountedOtherwise).toBeNull();
    expect(iptablesDay.probes.previous).toBe(3);
  });

  it('the comparison says why, in English and Chinese', () => {
    const c = compareDays(todayAsa, P.key, choosePrevious(new DayTally(P), PART, v6, defaults, todayAsa.formats), null, 'en');
    // The heading reads the comparison, and the day's own state (here whole and over).
    const page = (comparison: typeof c): DailyDoc => ({ comparison, tz: 'UTC', date: D.key, partial: false }) as DailyDoc;
    expect(basisText(page(c), 'en', 'UTC')).toBe(
      "vs 2026-11-20, from the --state digest, written by an earlier logscan, which may have counted a Cisco ASA's Built and Teardown records as packets and its Teardowns as probes: its probes, connections, sources and ports are not compared",
    );
    expect(basisText(page(c), 'zh', 'UTC')).toBe('对比 2026-11-20，数据来自 --state 摘要；该摘要是较早版本的 logscan 写入的，它可能把 Cisco ASA 的 Built 和 Teardown 记录算作包、把 Teardown 算作探测：其探测、连接、来源和端口数不作比较');
    // After another note it is one more clause.
    expect(basisText(page({ ...c, previousSettings: ['ignore'] }), 'en', 'UTC')).toContain('part of the change may come from that, not from the traffic; it was also written by an earlier logscan');
  });
});
