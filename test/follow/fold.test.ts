import { describe, expect, it } from 'vitest';
import { FOLD_WINDOWS, Folder, SPREAD_CAP, type FoldRun, type FoldSpread } from '../../src/live/fold.js';
import { messages } from '../../src/i18n/messages.js';
import { makeEvent } from '../helpers/events.js';

const T0 = Date.UTC(2026, 10, 20, 6, 0, 0);

function folder(clock: { wall: number }, maxSources?: number, bitmaps?: number) {
  const folds: [string, number, number][] = [];
  const spreads: FoldSpread[] = [];
  const runs: (FoldRun | null)[] = [];
  const f = new Folder(
    (ip, n, span, to, run) => {
      folds.push([ip, n, span]);
      spreads.push(to);
      runs.push(run);
    },
    { now: () => clock.wall, maxSources, bitmaps },
  );
  return { f, folds, spreads, runs };
}
const probe = (sec: number | null, ip = '203.0.113.7', port: number | null = 23, dst = '198.51.100.2', proto = 'tcp') =>
  makeEvent({ time: sec === null ? null : new Date(T0 + sec * 1000), proto, src: { ip }, dst: { ip: dst, port }, annotations: [] });

describe('follow: folding repeats', () => {
  it('a burst from one source: three printed, the rest counted, spanning its log time', () => {
    const clock = { wall: 0 };
    const { f, folds } = folder(clock);
    const printed = Array.from({ length: 50 }, (_, i) => f.admit(probe(i * 0.1))).filter(Boolean).length;
    expect(printed).toBe(3);
    f.flush();
    expect(folds).toEqual([['203.0.113.7', 47, 4900]]);
  });

  it('replaying a file (all read in the same second), probes hours apart in the log are each printed, not folded', () => {
    const clock = { wall: 0 };
    const { f, folds } = folder(clock);
    const times = [0, 1, 2, 3, 3 * 3600, 3 * 3600 + 1, 11 * 3600];
    const printed = times.map((s) => f.admit(probe(s)));
    expect(printed).toEqual([true, true, true, false, true, true, true]);
    f.flush();
    expect(folds).toEqual([['203.0.113.7', 1, 3000]]);
  });

  it("replaying a file, a window closes once the log's time is a window past its start: its count comes out beside its lines", () => {
    const clock = { wall: 0 };
    const { f, folds } = folder(clock);
    for (let i = 0; i < 5; i++) f.admit(probe(i * 0.5));
    f.admit(probe(5, '198.51.100.9'));
    expect(folds).toEqual([]);
    // Another source's probe 10 s after the first window opened closes that window only.
    f.admit(probe(10, '198.51.100.9'));
    expect(folds).toEqual([['203.0.113.7', 2, 2000]]);
    // A record without a time says nothing about the log's clock.
    for (let i = 0; i < 5; i++) f.admit(probe(11 + i, '192.0.2.1'));
    f.admit(probe(null, '192.0.2.99'));
    expect(folds).toHaveLength(1);
  });

  it('flush(keep) closes every window but that of the given probe\'s source (a new day in `follow`)', () => {
    const clock = { wall: 0 };
    const { f, folds } = folder(clock);
    for (let i = 0; i < 5; i++) f.admit(probe(i * 0.1, '203.0.113.7'));
    for (let i = 0; i < 5; i++) f.admit(probe(i * 0.1, '203.0.113.8'));
    f.flush(probe(1, '203.0.113.8'));
    expect(folds).toEqual([['203.0.113.7', 2, 1000]]);
    // The kept window still folds: its source's next probe is counted, not printed.
    expect(f.admit(probe(2, '203.0.113.8'))).toBe(false);
    f.flush();
    expect(folds).toEqual([['203.0.113.7', 2, 1000], ['203.0.113.8', 3, 2000]]);
  });

  it('a quiet log: tick() closes a window by the wall clock, so the count appears while tailing', () => {
    const clock = { wall: 0 };
    const { f, folds } = folder(clock);
    for (let i = 0; i < 5; i++) f.admit(probe(i));
    clock.wall = 9_999;
    f.tick();
    expect(folds).toEqual([]);
    clock.wall = 10_000;
    f.tick();
    expect(folds).toEqual([['203.0.113.7', 2, 4000]]);
  });

  it('a few seconds out of order stays in the window; a jump back by more than a window (an older file) starts a new one', () => {
    const clock = { wall: 0 };
    const { f, folds } = folder(clock);
    expect([10, 11, 12, 8, 13].map((s) => f.admit(probe(s)))).toEqual([true, true, true, false, false]);
    expect(f.admit(probe(-100))).toBe(true);
    expect(folds).toEqual([['203.0.113.7', 2, 3000]]);
  });

  it('records without a time fold on the wall clock', () => {
    const clock = { wall: 0 };
    const { f, folds } = folder(clock);
    for (let i = 0; i < 5; i++) f.admit(probe(null));
    clock.wall = 12_000;
    expect(f.admit(probe(null))).toBe(true);
    expect(folds).toEqual([['203.0.113.7', 2, 1000]]);
  });

  it('a probe with an annotation the window has not shown is always printed', () => {
    const clock = { wall: 0 };
    const { f } = folder(clock);
    for (let i = 0; i < 3; i++) f.admit(probe(i));
    const tagged = probe(4);
    tagged.annotations = [{ id: 'trojan', severity: 4, text: 'Sub-7', ref: 'x' }];
    expect(f.admit(probe(3.5))).toBe(false);
    expect(f.admit(tagged)).toBe(true);
  });

  it('says where the folded probes went: distinct ports (exact) and hosts (capped), the port when there is one', () => {
    const spreadOf = (events: [number | null, string, string][]): FoldSpread => {
      const { f, spreads } = folder({ wall: 0 });
      // Three shown first, to other places: only the folded ones count.
      for (let i = 0; i < 3; i++) f.admit(probe(0, '203.0.113.7', 9000 + i, '198.51.100.200'));
      for (const [port, dst, proto] of events) f.admit(probe(1, '203.0.113.7', port, dst, proto));
      f.flush();
      expect(spreads).toHaveLength(1);
      return spreads[0];
    };
    const host = '198.51.100.2';
    expect(spreadOf([[22, host, 'tcp'], [22, host, 'tcp']])).toEqual({ ports: 1, portsCapped: false, onlyPort: '22/tcp', hosts: 1, cap: SPREAD_CAP });
    // The same number over TCP and UDP is two ports.
    expect(spreadOf([[53, host, 'tcp'], [53, host, 'udp']])).toMatchObject({ ports: 2, onlyPort: null, hosts: 1 });
    expect(spreadOf([[23, '10.0.0.1', 'tcp'], [23, '10.0.0.2', 'tcp'], [23, '10.0.0.3', 'tcp']])).toMatchObject({ ports: 1, onlyPort: '23/tcp', hosts: 3 });
    // ICMP has no port; IPv6 hosts are counted in one spelling.
    expect(spreadOf([[null, '2001:db8::1', 'icmpv6'], [null, '2001:DB8:0::1', 'icmpv6'], [null, '2001:db8::2', 'icmpv6']])).toMatchObject({ ports: 0, onlyPort: null, hosts: 2 });
    const wide = Array.from({ length: SPREAD_CAP + 50 }, (_, i): [number, string, string] => [1000 + i, `10.0.${i >> 8}.${i & 255}`, 'tcp']);
    // Ports are counted exactly past the host cap (a bitmap per protocol); hosts stop at it.
    expect(spreadOf(wide)).toMatchObject({ ports: SPREAD_CAP + 50, hosts: SPREAD_CAP });
    // 1,000 ports over TCP, repeated, and the same 1,000 numbers over UDP: 2,000 port/protocol pairs.
    const thousand = [...Array.from({ length: 2000 }, (_, i): [number, string, string] => [(i % 1000) * 65, host, 'tcp']), ...Array.from({ length: 1000 }, (_, i): [number, string, string] => [i * 65, host, 'udp'])];
    expect(spreadOf(thousand)).toMatchObject({ ports: 2000, onlyPort: null, hosts: 1 });
    // Port 0 and 65535, the bitmap's ends, each counted once.
    const ends = [...Array.from({ length: SPREAD_CAP + 1 }, (_, i): [number, string, string] => [i + 1, host, 'tcp']), [0, host, 'tcp'], [65535, host, 'tcp'], [0, host, 'tcp'], [65535, host, 'tcp']] as [number, string, string][];
    expect(spreadOf(ends)).toMatchObject({ ports: SPREAD_CAP + 3, portsCapped: false });
  });

  it('port bitmaps come from one budget: exact within it, "≥100 ports" past it, a closed window\'s bitmap reused', () => {
    const clock = { wall: 0 };
    // Room for two bitmaps: two scanners folding TCP at once get them, the third does not.
    const { f, spreads, folds } = folder(clock, undefined, 2);
    const scan = (ip: string, from: number, ports: number, proto = 'tcp') => {
      for (let i = 0; i < 3; i++) f.admit(probe(from, ip, 9, '198.51.100.9', proto));
      for (let i = 0; i < ports; i++) f.admit(probe(from + i * 0.001, ip, 1000 + i, '198.51.100.9', proto));
    };
    scan('192.0.2.1', 0, 300);
    scan('192.0.2.2', 0, 250);
    scan('192.0.2.3', 0, 400);
    expect(f.bitmaps.inUse).toBe(2);
    f.flush();
    const by = new Map(folds.map(([ip], i) => [ip, spreads[i]]));
    expect(by.get('192.0.2.1')).toMatchObject({ ports: 300, portsCapped: false });
    expect(by.get('192.0.2.2')).toMatchObject({ ports: 250, portsCapped: false });
    // Past the budget: its first 100 ports counted, then "at least".
    expect(by.get('192.0.2.3')).toMatchObject({ ports: 100, portsCapped: true });
    expect(messages('en').follow.folded(403, '192.0.2.3', '1 s', by.get('192.0.2.3')!)).toBe('  +403 more from 192.0.2.3 in 1 s, to ≥100 ports');
    expect(messages('zh').follow.folded(403, '192.0.2.3', '1 秒', by.get('192.0.2.3')!)).toBe('  另有 403 条来自 192.0.2.3，历时 1 秒，发往 ≥100 个端口');
    // Closed windows gave their bitmaps back: the next scanners count exactly again, on the same two arrays.
    expect(f.bitmaps.inUse).toBe(0);
    spreads.length = 0;
    scan('192.0.2.4', 100, 500);
    scan('192.0.2.5', 100, 120, 'udp');
    f.flush();
    expect(spreads.map((s) => [s.ports, s.portsCapped])).toEqual([[500, false], [120, false]]);
    expect(f.bitmaps.allocated).toBe(2);
  });

  it('a window scanning TCP and UDP past the budget keeps what it counted: "≥" the ports of the protocol it has a bitmap for', () => {
    const { f, spreads } = folder({ wall: 0 }, undefined, 1);
    for (let i = 0; i < 3; i++) f.admit(probe(0, '192.0.2.1', 9));
    for (let i = 0; i < 200; i++) f.admit(probe(0.5, '192.0.2.1', 2000 + i, '198.51.100.9', 'tcp'));
    for (let i = 0; i < 50; i++) f.admit(probe(0.6, '192.0.2.1', 3000 + i, '198.51.100.9', 'udp'));
    f.flush();
    expect(spreads[0]).toMatchObject({ ports: 200, portsCapped: true });
  });

  it('words the spread in English and Chinese', () => {
    const en = messages('en').follow.folded;
    const zh = messages('zh').follow.folded;
    const to = (ports: number, hosts: number, onlyPort: string | null = null): FoldSpread => ({ ports, portsCapped: false, hosts, onlyPort, cap: SPREAD_CAP });
    expect(en(26, '203.0.113.7', '9 s', to(1, 1, '22/tcp'))).toBe('  +26 more from 203.0.113.7 in 9 s, all to 22/tcp');
    expect(en(1, '203.0.113.7', '1 s', to(1, 1, '22/tcp'))).toBe('  +1 more from 203.0.113.7 in 1 s, to 22/tcp');
    expect(en(14, '203.0.113.7', '5 s', to(1, 14, '23/tcp'))).toBe('  +14 more from 203.0.113.7 in 5 s, to 23/tcp on 14 hosts');
    expect(en(1200, '203.0.113.7', '10 s', to(1150, 1))).toBe('  +1,200 more from 203.0.113.7 in 10 s, to 1,150 ports');
    expect(en(1200, '203.0.113.7', '10 s', to(1150, SPREAD_CAP))).toBe(`  +1,200 more from 203.0.113.7 in 10 s, to 1,150 ports on ≥${SPREAD_CAP} hosts`);
    expect(zh(1200, '203.0.113.7', '10 秒', to(1150, SPREAD_CAP))).toBe(`  另有 1,200 条来自 203.0.113.7，历时 10 秒，发往 ≥${SPREAD_CAP} 台主机的 1,150 个端口`);
    expect(en(40, '203.0.113.7', '10 s', to(20, 5))).toBe('  +40 more from 203.0.113.7 in 10 s, to 20 ports on 5 hosts');
    expect(en(9, '203.0.113.7', '3 s', to(0, 9))).toBe('  +9 more from 203.0.113.7 in 3 s, to 9 hosts');
    expect(en(9, '203.0.113.7', '3 s', to(0, 1))).toBe('  +9 more from 203.0.113.7 in 3 s');
    expect(zh(26, '203.0.113.7', '9 秒', to(1, 1, '22/tcp'))).toBe('  另有 26 条来自 203.0.113.7，历时 9 秒，全部发往 22/tcp');
    expect(zh(14, '203.0.113.7', '5 秒', to(1, 14, '23/tcp'))).toBe('  另有 14 条来自 203.0.113.7，历时 5 秒，发往 14 台主机的 23/tcp');
    expect(zh(40, '203.0.113.7', '10 秒', to(20, 5))).toBe('  另有 40 条来自 203.0.113.7，历时 10 秒，发往 5 台主机的 20 个端口');
    expect(zh(9, '203.0.113.7', '3 秒', to(0, 9))).toBe('  另有 9 条来自 203.0.113.7，历时 3 秒，发往 9 台主机');
  });
});

describe('follow: a source that keeps going gets longer windows', () => {
  const [first, middle, last] = FOLD_WINDOWS;
  /** One probe a second from `from` to `to` (log seconds), each to its own port; what admit() said, per probe. */
  const steady = (f: Folder, from: number, to: number, ip = '203.0.113.7') =>
    Array.from({ length: to - from + 1 }, (_, i) => f.admit(probe(from + i, ip, 1000 + from + i)));

  it('the windows are 10 s, 30 s, then 60 s at most; escalated ones show 1 probe', () => {
    // The ladder the docs justify: the cap is a minute, an escalated window shows less than the first.
    expect(FOLD_WINDOWS.map((w) => w.ms)).toEqual([10_000, 30_000, 60_000]);
    expect(first.show).toBe(3);
    expect(FOLD_WINDOWS.slice(1).every((w) => w.show === 1)).toBe(true);
  });

  it('a source probing once a second for 4 minutes: 10 s, 30 s, then 60 s windows (capped), 3 probes shown, then 1', () => {
    const { f, folds, runs } = folder({ wall: 0 });
    const shown = steady(f, 0, 219);
    f.flush();
    // Window starts: 0 (10 s), 10 (30 s), 40 (60 s), 100 (60 s), 160 (60 s, flushed at 219).
    const printedAt = shown.flatMap((p, i) => (p ? [i] : []));
    expect(printedAt).toEqual([0, 1, 2, 10, 40, 100, 160]);
    const ip = '203.0.113.7';
    expect(folds).toEqual([
      [ip, first.ms / 1000 - 3, 9000],
      [ip, middle.ms / 1000 - 1, 29_000],
      [ip, last.ms / 1000 - 1, 59_000],
      [ip, last.ms / 1000 - 1, 59_000],
      [ip, 59, 59_000],
    ]);
    // From the second window on, each count says since when the source has been going, and its probes since then.
    expect(runs[0]).toBeNull();
    expect(runs.slice(1)).toEqual([40, 100, 160, 220].map((probes) => ({ since: T0, lastedMs: (probes - 1) * 1000, probes })));
  });

  it('back within a window of the last probe goes on; quiet for longer than the window starts over at 10 s', () => {
    const { f, folds } = folder({ wall: 0 });
    steady(f, 0, 9); // folds 7; last probe at 9 s
    // 19 s: quiet for exactly the window's 10 s, so the run goes on in a 30 s window.
    expect([19, 20].map((s) => f.admit(probe(s)))).toEqual([true, false]);
    // The 30 s window's last probe was at 20 s; 50.5 s is more than 30 s later: a fresh 10 s window, 3 shown.
    expect([50.5, 51, 52, 53].map((s) => f.admit(probe(s)))).toEqual([true, true, true, false]);
    f.flush();
    expect(folds.map(([, n]) => n)).toEqual([7, 1, 1]);
  });

  it('quiet for just over the window is a new run, and its count says nothing of the old one', () => {
    const { f, runs } = folder({ wall: 0 });
    steady(f, 0, 9);
    expect([19.001, 20, 21, 22].map((s) => f.admit(probe(s)))).toEqual([true, true, true, false]);
    f.flush();
    expect(runs).toEqual([null, null]);
  });

  it('a window that closes with nothing folded ends the run', () => {
    const { f, folds } = folder({ wall: 0 });
    steady(f, 0, 9); // a 10 s window that folds
    expect(f.admit(probe(15))).toBe(true); // the 30 s window: one probe, shown, nothing folded
    // 45 s closes it (30 s after 15 s, within 30 s of that probe): nothing folded, so 10 s and 3 shown again.
    expect([45, 46, 47, 48].map((s) => f.admit(probe(s)))).toEqual([true, true, true, false]);
    f.flush();
    expect(folds.map(([, n, span]) => [n, span])).toEqual([[7, 9000], [1, 3000]]);
  });

  it('in an escalated window a probe bringing an annotation not yet shown there is still printed', () => {
    const { f } = folder({ wall: 0 });
    steady(f, 0, 10); // 10 opens the 30 s window, shown
    expect(f.admit(probe(11))).toBe(false);
    const tagged = probe(12);
    tagged.annotations = [{ id: 'trojan', severity: 4, text: 'Sub-7', ref: 'x' }];
    expect(f.admit(tagged)).toBe(true);
    // Shown once per window: the same annotation again is folded.
    const again = probe(13);
    again.annotations = [{ id: 'trojan', severity: 4, text: 'Sub-7', ref: 'x' }];
    expect(f.admit(again)).toBe(false);
  });

  it("tick(): an escalated window closes on the wall clock once its own length has passed, not the first window's", () => {
    const clock = { wall: 0 };
    const { f, folds } = folder(clock);
    steady(f, 0, 9);
    clock.wall = 10_000;
    f.tick(); // the 10 s window: closed by the wall clock
    expect(folds).toHaveLength(1);
    f.admit(probe(11));
    f.admit(probe(12));
    clock.wall = 10_000 + first.ms;
    f.tick();
    expect(folds).toHaveLength(1);
    clock.wall = 10_000 + middle.ms - 1;
    f.tick();
    expect(folds).toHaveLength(1);
    clock.wall = 10_000 + middle.ms;
    f.tick();
    expect(folds).toHaveLength(2);
    expect(folds[1].slice(1)).toEqual([1, 1000]);
  });

  it("replaying a file, an escalated window closes when the log's time is its own length past its start", () => {
    const { f, folds } = folder({ wall: 0 });
    steady(f, 0, 11); // 10 and 11 in the 30 s window
    // Another source's probes move the log's clock: 39 s is not yet 30 s after 10 s, 40 s is.
    f.admit(probe(39, '198.51.100.9'));
    expect(folds).toHaveLength(1);
    f.admit(probe(40, '198.51.100.9'));
    expect(folds).toHaveLength(2);
  });

  it('runs between windows are bounded like the open windows (maxSources, the oldest dropped first)', () => {
    const { f } = folder({ wall: 0 }, 2);
    const burst = (ip: string, from: number) => [0, 0.1, 0.2, 0.3].map((d) => f.admit(probe(from + d, ip)));
    for (const [ip, at] of [['192.0.2.1', 0], ['192.0.2.2', 0.5], ['192.0.2.3', 1]] as const) {
      expect(burst(ip, at)).toEqual([true, true, true, false]);
      f.flush();
    }
    // Three runs, room for two: the first source's was dropped, so it starts over (3 shown); the second goes on (1 shown).
    expect(burst('192.0.2.1', 2)).toEqual([true, true, true, false]);
    expect(burst('192.0.2.2', 2)).toEqual([true, false, false, false]);
  });

  it('words "going on since" in English and Chinese, with the time of day or, without one, how long', () => {
    const en = messages('en').follow.folded;
    const zh = messages('zh').follow.folded;
    const to: FoldSpread = { ports: 405, portsCapped: false, hosts: 1, onlyPort: null, cap: 1000 };
    const going = { since: '09:41:07', lasted: '3 min', probes: 1310 };
    expect(en(412, '198.51.100.77', '1 min', to, going)).toBe('  +412 more from 198.51.100.77 in 1 min, to 405 ports (going on since 09:41:07, 1,310 probes so far)');
    expect(en(412, '198.51.100.77', '1 min', to, { ...going, since: null })).toBe('  +412 more from 198.51.100.77 in 1 min, to 405 ports (going on for 3 min, 1,310 probes so far)');
    expect(en(412, '198.51.100.77', '1 min', to, null)).toBe('  +412 more from 198.51.100.77 in 1 min, to 405 ports');
    expect(zh(412, '198.51.100.77', '1 分钟', to, going)).toBe('  另有 412 条来自 198.51.100.77，历时 1 分钟，发往 405 个端口（自 09:41:07 起持续，至今共 1,310 条）');
    expect(zh(412, '198.51.100.77', '1 分钟', to, { ...going, since: null, lasted: '3 分钟' })).toBe('  另有 412 条来自 198.51.100.77，历时 1 分钟，发往 405 个端口（已持续 3 分钟，至今共 1,310 条）');
  });
});
