// Behaviour of the pfirewall.log parser, one scenario per test, plus fast-check
// properties. Golden fixtures (test/fixtures/windows-firewall/) pin whole files; these
// pin single rules so a failure names the rule that broke.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tzOffset } from '@date-fns/tz';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { localTimeConverter, wallClockMs } from '../../src/parsers/local-time.js';
import { protoByNumber } from '../../src/util/protocols.js';
import { windowsFirewallFormat as wf } from '../../src/parsers/windows-firewall.js';
import { sniffFormat } from '../../src/parsers/registry.js';
import { parseLines, splitLines } from '../helpers/parse.js';

const HEADER_17 = [
  '#Version: 1.5',
  '#Software: Microsoft Windows Firewall',
  '#Time Format: Local',
  '#Fields: date time action protocol src-ip dst-ip src-port dst-port size tcpflags tcpsyn tcpack tcpwin icmptype icmpcode info path',
];
const HEADER_18 = [...HEADER_17.slice(0, 3), `${HEADER_17[3]} pid`];
const DROP_445 = '2026-11-20 06:25:03 DROP TCP 203.0.113.7 192.168.1.20 44321 445 52 S 1234567 0 64240 - - - RECEIVE';

const parse = (lines: string[], tz: string | null = null) => parseLines(wf, lines, { tz });
const one = (line: string, tz: string | null = null) => {
  const r = parse([...HEADER_17, line], tz);
  return { ...r, event: r.events[0] };
};

const corpusDir = new URL('../../../shared/corpus/windows-firewall/', import.meta.url).pathname;
const corpusLines: string[] = readdirSync(corpusDir)
  .filter((n) => n.endsWith('.log'))
  .flatMap((n) => splitLines(readFileSync(join(corpusDir, n), 'utf8')));

describe('windows-firewall: layout', () => {
  it('reads a 17-column row in header order', () => {
    const { event, malformed } = one(DROP_445);
    expect(malformed).toEqual([]);
    expect(event).toMatchObject({
      format: 'windows-firewall',
      action: 'drop',
      direction: 'in',
      rule: 'DROP',
      proto: 'tcp',
      ipVersion: 4,
      src: { ip: '203.0.113.7', port: 44321 },
      dst: { ip: '192.168.1.20', port: 445 },
      len: 52,
      tcpFlags: ['SYN'],
      tcpWindow: 64240,
      ttl: null,
      icmp: null,
      yearInferred: false,
      count: 1,
    });
  });

  it('reads the pid column of an 18-column header into the event', () => {
    const r = parse([...HEADER_18, `${DROP_445} 4242`, `${DROP_445} -`, `${DROP_445} 4294967295`]);
    expect(r.malformed).toEqual([]);
    expect(r.events.map((e) => [e.dst.port, e.pid])).toEqual([[445, 4242], [445, null], [445, 4294967295]]);
    // No pid column: null, as for every other format.
    expect(one(DROP_445).event!.pid).toBeNull();
    // Header-less 18-column lines (a log cut by tail) carry it too.
    expect(parse([`${DROP_445} 10452`]).events[0]!.pid).toBe(10452);
  });

  it('a pid that is no number is malformed, naming the field', () => {
    expect(parse([...HEADER_18, `${DROP_445} 42x`]).malformed).toEqual([{ line: 5, reason: "field pid: invalid '42x'" }]);
  });

  it('takes column positions from #Fields, not from fixed offsets', () => {
    const r = parse(['#Fields: path action date time protocol dst-ip src-ip dst-port src-port', 'RECEIVE DROP 2026-11-20 06:25:03 UDP 192.168.1.20 203.0.113.7 137 53']);
    expect(r.malformed).toEqual([]);
    expect(r.events[0]).toMatchObject({ direction: 'in', src: { ip: '203.0.113.7', port: 53 }, dst: { ip: '192.168.1.20', port: 137 }, len: null, tcpFlags: null });
  });

  it('a later #Fields header re-maps the following rows', () => {
    const r = parse([...HEADER_17, DROP_445, HEADER_18[3]!, `${DROP_445} 4242`, DROP_445]);
    expect(r.events.map((e) => e.origin.line)).toEqual([5, 7]);
    expect(r.malformed).toEqual([{ line: 8, reason: 'expected 18 fields (per #Fields), got 17' }]);
  });

  it('without a header assumes the standard order (17, or 18 with pid)', () => {
    const r = parse([DROP_445, `${DROP_445} 4242`]);
    expect(r.events).toHaveLength(2);
    expect(r.malformed).toEqual([]);
  });

  it('a #Fields header without a required column makes rows malformed, naming it', () => {
    const r = parse(['#Fields: date time action protocol src-ip', '2026-11-20 06:25:03 DROP TCP 203.0.113.7']);
    expect(r.malformed).toEqual([{ line: 2, reason: 'field dst-ip: not in the #Fields header' }]);
  });

  it('header lines and blank lines are skipped, not errors', () => {
    const r = parse([...HEADER_17, '', '   ', '#Start-Date: 2026-11-20 06:00:00']);
    expect(r.skipped.map((s) => s.line)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(r.malformed).toEqual([]);
  });
});

describe('windows-firewall: line hygiene', () => {
  it('strips NUL bytes before a record on the same line', () => {
    const { event, malformed } = one('\0'.repeat(212) + DROP_445);
    expect(malformed).toEqual([]);
    expect(event!.dst.port).toBe(445);
  });

  it('tolerates a trailing carriage return and trailing spaces', () => {
    // The same event as the clean line's, port and path not swallowing the \r or the spaces.
    const clean = one(DROP_445).event;
    expect(clean).toBeDefined();
    expect(one(`${DROP_445}\r`).event).toEqual(clean);
    expect(one(`${DROP_445}   `).event).toEqual(clean);
    expect(parse([`${HEADER_18[3]}\r`, `${DROP_445} 4242\r`]).events).toHaveLength(1);
  });

  it('a line of NULs only is blank', () => {
    expect(parse(['\0\0\0']).skipped).toEqual([{ line: 1, reason: 'blank line' }]);
  });
});

describe('windows-firewall: actions and paths', () => {
  it('OPEN and CLOSE are allowed traffic with the word kept as rule; OPEN is outbound, CLOSE takes its OPEN\'s direction, none without one', () => {
    const r = parse([
      ...HEADER_17,
      '2005-04-11 08:09:29 OPEN TCP 10.0.0.5 10.0.0.9 1606 445 - - - - - - - - -',
      '2005-04-11 08:09:29 OPEN-INBOUND TCP 10.0.0.7 10.0.0.5 4000 3389 - - - - - - - - -',
      '2005-04-11 08:09:30 CLOSE TCP 10.0.0.5 10.0.0.9 1607 139 - - - - - - - - -',
      '2005-04-11 08:09:31 CLOSE TCP 10.0.0.5 10.0.0.9 1606 445 - - - - - - - - -',
      '2005-04-11 08:09:32 CLOSE TCP 10.0.0.7 10.0.0.5 4000 3389 - - - - - - - - -',
      '2005-04-11 08:09:33 CLOSE TCP 10.0.0.5 10.0.0.9 1606 445 - - - - - - - - -',
    ]);
    expect(r.events.map((e) => [e.action, e.rule, e.direction, e.len])).toEqual([
      ['allow', 'OPEN', 'out', null],
      ['allow', 'OPEN-INBOUND', 'in', null],
      ['allow', 'CLOSE', null, null], // no OPEN seen for it (opened before the log began, or rotated away): no direction to tell
      ['allow', 'CLOSE', 'out', null],
      ['allow', 'CLOSE', 'in', null],
      ['allow', 'CLOSE', null, null], // closed once already
    ]);
  });

  it('remembers a bounded number of open sessions: the oldest OPEN is forgotten first', () => {
    const opens = Array.from({ length: 4097 }, (_, i) => `2005-04-11 08:09:29 OPEN-INBOUND UDP 10.0.0.9 10.0.0.5 ${1024 + i} 53 - - - - - - - - -`);
    const r = parse([
      ...HEADER_17,
      ...opens,
      '2005-04-11 08:09:30 CLOSE UDP 10.0.0.9 10.0.0.5 1024 53 - - - - - - - - -',
      '2005-04-11 08:09:30 CLOSE UDP 10.0.0.9 10.0.0.5 1025 53 - - - - - - - - -',
    ]);
    // The forgotten one reads as any CLOSE without its OPEN.
    expect(r.events.slice(-2).map((e) => e.direction)).toEqual([null, 'in']);
  });

  it('INFO-EVENTS-LOST becomes an address-less event that keeps the count in the rule', () => {
    const r = one('2005-04-11 08:52:26 INFO-EVENTS-LOST - - - - - - - - - - - - 59 -');
    expect(r.malformed).toEqual([]);
    expect(r.event).toMatchObject({ action: 'other', proto: 'other', rule: 'INFO-EVENTS-LOST 59', src: { ip: null, port: null }, dst: { ip: null, port: null } });
    expect(r.event!.time!.toISOString()).toBe('2005-04-11T10:52:26.000Z');
  });

  it('SEND is out, RECEIVE in, FORWARD forward, UNKNOWN and - no direction', () => {
    const dirs = ['SEND', 'RECEIVE', 'FORWARD', 'UNKNOWN', '-'].map((p) => one(DROP_445.replace(/RECEIVE$/, p)).event!.direction);
    expect(dirs).toEqual(['out', 'in', 'forward', null, null]);
  });

  it('path UNKNOWN (one of the four values Microsoft documents) is a record without a direction, not malformed', () => {
    const r = one(DROP_445.replace(/RECEIVE$/, 'UNKNOWN'));
    expect(r.malformed).toEqual([]);
    expect(r.event).toMatchObject({ action: 'drop', direction: null, dst: { ip: '192.168.1.20', port: 445 } });
    // Only the documented words: anything else in the column is still malformed.
    expect(one(DROP_445.replace(/RECEIVE$/, 'unknown')).malformed).toEqual([{ line: 5, reason: "field path: unknown 'unknown'" }]);
  });

  it('an unknown action is malformed, naming the field', () => {
    expect(one(DROP_445.replace('DROP', 'DENY')).malformed).toEqual([{ line: 5, reason: "field action: unknown 'DENY'" }]);
  });
});

describe('windows-firewall: fields', () => {
  it('tcp flag letters become names in netfilter order', () => {
    const flags = (f: string) => one(DROP_445.replace(' S ', ` ${f} `)).event!.tcpFlags;
    expect(flags('AP')).toEqual(['ACK', 'PSH']);
    expect(flags('FA')).toEqual(['ACK', 'FIN']);
    expect(flags('FPU')).toEqual(['URG', 'PSH', 'FIN']);
    expect(flags('R')).toEqual(['RST']);
  });

  it("'-' tcp flags means not recorded (null), not a NULL scan ([])", () => {
    expect(one(DROP_445.replace(' S ', ' - ')).event!.tcpFlags).toBeNull();
  });

  it("an ALLOW row's zeros (size 0, tcpsyn/tcpack/tcpwin 0) are placeholders: len and tcpWindow null, not 0", () => {
    // Corpus B's shape: Windows logs an allowed connection, not a packet it looked at.
    const tcp = one('2024-07-29 13:23:36 ALLOW TCP 192.168.9.219 20.190.160.20 61540 443 0 - 0 0 0 - - - SEND').event!;
    expect(tcp).toMatchObject({ action: 'allow', len: null, tcpWindow: null, tcpFlags: null, dst: { port: 443 } });
    const udp = one('2024-07-29 13:23:35 ALLOW UDP 192.168.9.219 192.168.0.1 61535 53 0 - - - - - - - SEND').event!;
    expect(udp).toMatchObject({ action: 'allow', len: null, tcpWindow: null });
  });

  it("a dropped packet's values are kept: a window of 0 is real (a RST), sizes as logged; a size of 0 is never a packet's", () => {
    const rst = one(DROP_445.replace(' S 1234567 0 64240 ', ' R 1234567 0 0 ')).event!;
    expect(rst).toMatchObject({ action: 'drop', len: 52, tcpFlags: ['RST'], tcpWindow: 0 });
    // An IP packet's header alone is 20 bytes: 0 can only mean "not recorded", whatever the action.
    expect(one(DROP_445.replace(' 52 S ', ' 0 S ')).event!.len).toBeNull();
    // A number that is not one is still malformed on an ALLOW row.
    expect(one('2024-07-29 13:23:36 ALLOW TCP 192.168.9.219 20.190.160.20 61540 443 0 - 0 0 x - - - SEND').malformed[0]!.reason).toBe("field tcpwin: invalid 'x'");
  });

  it('an unknown tcp flag letter is malformed', () => {
    expect(one(DROP_445.replace(' S ', ' SQ ')).malformed[0]!.reason).toBe("field tcpflags: invalid 'SQ'");
  });

  it('ICMP rows carry type and code and no ports, even when ports are written', () => {
    const e = one('2005-04-11 08:08:58 DROP ICMP 10.0.0.5 10.0.0.9 7 7 78 - - - - 8 0 - RECEIVE').event!;
    expect(e).toMatchObject({ proto: 'icmp', src: { port: null }, dst: { port: null }, icmp: { type: 8, code: 0, embedded: null }, tcpFlags: null });
  });

  it('protocol numbers map to names; unknown numbers stay numeric strings', () => {
    const proto = (p: string) => one(`2026-11-20 06:25:03 DROP ${p} 10.0.0.5 10.0.0.9 - - 40 - - - - - - - RECEIVE`).event!.proto;
    expect([proto('1'), proto('2'), proto('6'), proto('17'), proto('58'), proto('99'), proto('ICMPv6'), proto('UDP')]).toEqual(['icmp', 'igmp', 'tcp', 'udp', 'icmpv6', '99', 'icmpv6', 'udp']);
    expect([proto('0'), proto('33'), proto('89'), proto('112'), proto('IPv6-ICMP')]).toEqual(['hopopt', 'dccp', 'ospf', 'vrrp', 'icmpv6']);
    // The table every format shares: Windows had its own, without 0 and 33 (DCCP was "33" here, "dccp" elsewhere).
    for (let n = 0; n <= 255; n++) expect(proto(String(n)), String(n)).toBe(protoByNumber(n));
  });

  it('IPv6 rows have ipVersion 6 and keep the address as written', () => {
    const e = one('2022-04-20 17:33:55 DROP UDP fe80::906b:9180:8efe:8180 ff02::1:3 56342 5355 75 - - - - - - - RECEIVE').event!;
    expect(e).toMatchObject({ ipVersion: 6, src: { ip: 'fe80::906b:9180:8efe:8180' }, dst: { ip: 'ff02::1:3' } });
  });

  it.each([
    ['1.2.3', 'dst-ip'],
    ['gggg::1', 'dst-ip'],
    ['host.example', 'dst-ip'],
  ])('a bad address %s is malformed, naming %s', (ip, field) => {
    expect(one(DROP_445.replace('192.168.1.20', ip)).malformed[0]!.reason).toBe(`field ${field}: invalid '${ip}'`);
  });

  // The firewall wrote these (corrupted or hand-edited logs, e.g. the corpus's
  // 192.168.1.10055): the record is kept with the address as logged, not dropped.
  it.each([
    ['192.168.1.10055', 4],
    ['2001:db8::1::2', 6],
    ['2001:db8:1:2:3:4:5:6:7', 6],
  ])('an address-shaped but invalid %s is kept as logged', (ip, version) => {
    const r = one(DROP_445.replace('192.168.1.20', ip));
    expect(r.malformed).toEqual([]);
    expect(r.event?.dst.ip).toBe(ip);
    expect(r.event?.ipVersion === version || r.event?.ipVersion === 4).toBe(true);
  });

  it.each(['::', '::1', '::ffff:192.0.2.1', '2001:db8::', '1:2:3:4:5:6:7:8', 'fe80::1%12'])('accepts the IPv6 form %s', (ip) => {
    expect(one(DROP_445.replace('192.168.1.20', ip)).event?.dst.ip).toBe(ip);
  });

  it.each([
    ['65536', 'dst-port'],
    ['44x', 'dst-port'],
    ['-1', 'dst-port'],
  ])('a bad port %s is malformed, naming the field', (port, field) => {
    expect(one(DROP_445.replace(' 445 ', ` ${port} `)).malformed[0]!.reason).toBe(`field ${field}: invalid '${port}'`);
  });

  it('ports 0 and 65535 are valid', () => {
    expect(one(DROP_445.replace(' 445 ', ' 0 ')).event!.dst.port).toBe(0);
    expect(one(DROP_445.replace(' 44321 ', ' 65535 ')).event!.src.port).toBe(65535);
  });

  it('the wrong number of fields is malformed with both counts', () => {
    expect(one(DROP_445.replace(' - - - ', ' - - ')).malformed[0]!.reason).toBe('expected 17 fields (per #Fields), got 16');
  });
});

describe('windows-firewall: time', () => {
  it('reads local time in the machine zone when no tz is given (tests run in Etc/GMT+2)', () => {
    expect(one(DROP_445).event!.time!.toISOString()).toBe('2026-11-20T08:25:03.000Z');
  });

  it('reads local time in ctx.tz', () => {
    expect(one(DROP_445, 'Asia/Kolkata').event!.time!.toISOString()).toBe('2026-11-20T00:55:03.000Z');
  });

  it('#Time Format: UTC reads the stamps as UTC', () => {
    const r = parse(['#Time Format: UTC', DROP_445], 'Asia/Kolkata');
    expect(r.events[0]!.time!.toISOString()).toBe('2026-11-20T06:25:03.000Z');
  });

  it('after a #Time Format header, a row with empty date and time is malformed, never given a cached stamp', () => {
    // The header resets the one-second stamp cache; it once reset it to '' '', which such a row matched.
    const r = parse(['#Time Format: Local', DROP_445.replace('2026-11-20 06:25:03', ' ')]);
    expect(r.events).toEqual([]);
    expect(r.malformed[0]!.reason).toMatch(/^field date\/time: invalid/);
    const after = parse([DROP_445, '#Time Format: Local', DROP_445.replace('2026-11-20 06:25:03', ' ')]);
    expect(after.events).toHaveLength(1);
    expect(after.malformed).toHaveLength(1);
  });

  it('a repeated autumn hour resolves to the first (summer-time) occurrence', () => {
    expect(one(DROP_445.replace('2026-11-20 06:25:03', '2026-11-01 01:30:00'), 'America/New_York').event!.time!.toISOString()).toBe('2026-11-01T05:30:00.000Z');
  });

  it('a skipped spring time is read with the offset before the change', () => {
    expect(one(DROP_445.replace('2026-11-20 06:25:03', '2026-03-08 02:30:00'), 'America/New_York').event!.time!.toISOString()).toBe('2026-03-08T07:30:00.000Z');
  });

  it.each(['2026-02-29 06:25:03', '2024-02-30 06:25:03', '2026-13-01 06:25:03', '2026-11-31 06:25:03', '2026-11-20 24:00:00', '2026-11-20 06:60:00', '2026-1-20 06:25:03'])('the impossible date %s is malformed', (stamp) => {
    const r = one(DROP_445.replace('2026-11-20 06:25:03', stamp));
    expect(r.events).toEqual([]);
    expect(r.malformed[0]!.reason).toMatch(/^field date\/time: invalid/);
  });

  it('29 February of a leap year is valid', () => {
    expect(one(DROP_445.replace('2026-11-20', '2024-02-29')).event!.time!.toISOString()).toBe('2024-02-29T08:25:03.000Z');
  });

  it('a byte-order mark before a header (two logs joined with cat) is no part of it', () => {
    const r = parse([...HEADER_17, DROP_445, ...HEADER_17.map((h, i) => (i === 0 ? `\ufeff${h}` : h)), DROP_445]);
    expect(r.malformed).toEqual([]);
    expect(r.events).toHaveLength(2);
    expect(r.skipped[4]).toEqual({ line: 6, reason: 'header: #Version' });
  });

  it('an unknown tz is a usage error when the parser is created, not per line', () => {
    expect(() => parse([DROP_445], 'Mars/Olympus_Mons')).toThrow(UsageError);
  });
});

describe('windows-firewall: sniff', () => {
  it('is sure on the Windows Firewall header', () => {
    expect(wf.sniff(HEADER_17.slice(0, 2))).toBeGreaterThanOrEqual(0.99);
    expect(wf.sniff([HEADER_17[3]!])).toBeGreaterThanOrEqual(0.99);
  });

  it("takes Windows Firewall's own W3C lines alone (#Version 1.5, #Time Format) for its header, not another W3C log's", () => {
    expect(wf.sniff(['#Version: 1.5'])).toBeGreaterThan(0);
    expect(wf.sniff(['#Time Format: Local'])).toBeGreaterThan(0);
    expect(sniffFormat(['#Version: 1.5']).format?.id).toBe('windows-firewall');
    expect(sniffFormat(['#Time Format: UTC']).format?.id).toBe('windows-firewall');
    // IIS writes #Version: 1.0; other lines after the header decide as before.
    expect(wf.sniff(['#Version: 1.0'])).toBe(0);
    expect(wf.sniff(['#Version: 1.5', 'Nov 20 06:25:01 gw kernel: [UFW BLOCK] IN=eth0 OUT= SRC=203.0.113.7 DST=192.168.1.20 PROTO=TCP SPT=1 DPT=2'])).toBe(0);
  });

  it('is fairly confident on header-less data lines', () => {
    const c = wf.sniff([DROP_445, '\0\0' + DROP_445.replace('DROP', 'ALLOW'), '2005-04-11 08:52:26 INFO-EVENTS-LOST - - - - - - - - - - - - 59 -']);
    expect(c).toBeGreaterThan(0.5);
    expect(c).toBeLessThan(0.99);
  });

  it('ignores netfilter lines', () => {
    expect(wf.sniff(['Nov 20 06:25:01 gw kernel: [UFW BLOCK] IN=eth0 OUT= SRC=203.0.113.7 DST=192.168.1.20 PROTO=TCP SPT=1 DPT=2'])).toBe(0);
    expect(wf.sniff(['2026-11-20T06:25:01.123456+01:00 host kernel: FINAL_REJECT: IN=eth0 OUT= SRC=1.2.3.4'])).toBe(0);
  });
});

describe('local-time converter', () => {
  it('agrees with the Date constructor for the machine zone', () => {
    const conv = localTimeConverter(null);
    fc.assert(
      fc.property(fc.integer({ min: 1970, max: 2100 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), (y, mo, d, h, mi) => {
        expect(conv(y, mo, d, h, mi, 7)).toBe(new Date(y, mo - 1, d, h, mi, 7).getTime());
      }),
    );
  });

  it.each(['America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe', 'Asia/Kathmandu'])('round-trips every instant in %s (the earlier one where the wall time repeats)', (tz) => {
    const conv = localTimeConverter(tz);
    const wallOf = (t: number) => new Date(t + tzOffset(tz, new Date(t)) * 60_000);
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }), (t0) => {
        const t = t0 - (t0 % 1000);
        const w = wallOf(t);
        const back = conv(w.getUTCFullYear(), w.getUTCMonth() + 1, w.getUTCDate(), w.getUTCHours(), w.getUTCMinutes(), w.getUTCSeconds());
        if (back !== t) {
          expect(back).toBeLessThan(t);
          expect(wallOf(back).getTime()).toBe(w.getTime());
        }
      }),
      { numRuns: 2000 },
    );
  });

  it.each(['Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe'])(
    'in log order, the hour %s repeats in autumn reads as two hours in a row: every instant of a log through it comes back',
    (tz) => {
      const wallOf = (t: number) => new Date(t + tzOffset(tz, new Date(t)) * 60_000);
      // The fall-back of 2026: the first minute whose offset is smaller than the minute before's.
      let fall = Date.UTC(2026, 0, 1);
      while (tzOffset(tz, new Date(fall)) <= tzOffset(tz, new Date(fall + 60_000))) fall += 60_000;
      fall += 60_000;
      const shift = (tzOffset(tz, new Date(fall - 60_000)) - tzOffset(tz, new Date(fall))) * 60_000;
      fc.assert(
        fc.property(fc.array(fc.integer({ min: 1, max: 1200 }), { minLength: 1, maxLength: 40 }), fc.integer({ min: 0, max: 3600 }), (steps, lead) => {
          // Lines at most 20 minutes apart (under the shift less 5 minutes of disorder), the
          // first one before the repeated wall times begin (with no line before it, a repeated
          // time has nothing to be read against).
          const conv = localTimeConverter(tz, { inLogOrder: true });
          let t = fall - shift - 1000 - lead * 1000;
          for (const step of [0, ...steps]) {
            t += step * 1000;
            const w = wallOf(t);
            expect(conv(w.getUTCFullYear(), w.getUTCMonth() + 1, w.getUTCDate(), w.getUTCHours(), w.getUTCMinutes(), w.getUTCSeconds())).toBe(t);
          }
        }),
        { numRuns: 300 },
      );
      // The plain converter reads the same repeated time as its earlier instant.
      const w = wallOf(fall + 60_000);
      expect(localTimeConverter(tz)(w.getUTCFullYear(), w.getUTCMonth() + 1, w.getUTCDate(), w.getUTCHours(), w.getUTCMinutes(), w.getUTCSeconds())).toBe(fall + 60_000 - shift);
      // Out of order by a few minutes inside the first pass of the hour stays in that pass.
      const conv = localTimeConverter(tz, { inLogOrder: true });
      const first = fall - 30 * 60_000;
      const at = (t: number) => {
        const w = wallOf(t);
        return conv(w.getUTCFullYear(), w.getUTCMonth() + 1, w.getUTCDate(), w.getUTCHours(), w.getUTCMinutes(), w.getUTCSeconds());
      };
      expect(at(first)).toBe(first);
      expect(at(first - 3 * 60_000)).toBe(first - 3 * 60_000);
    },
  );

  it('handles years before 100 without the Date.UTC 19xx quirk', () => {
    expect(new Date(wallClockMs(42, 1, 1, 0, 0, 0)).getUTCFullYear()).toBe(42);
  });
});

describe('windows-firewall: properties', () => {
  /** Every line gets exactly one verdict, and nothing throws. */
  function verdicts(lines: string[]): number {
    let n = 0;
    const p = wf.create({ file: 'p', refDate: new Date(0), year: null, tz: null }, { event: () => n++, skipped: () => n++, malformed: () => n++ });
    lines.forEach((l, i) => p.line(l, i + 1));
    p.end();
    return n;
  }

  it('never throws on arbitrary strings and accounts for every line', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom(...HEADER_18))), (lines) => {
        expect(verdicts(lines)).toBe(lines.length);
      }),
      { numRuns: 500 },
    );
  });

  const mutation = fc.oneof(
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 8 }) }),
    fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom(' ', '-', '\0', '\r', ':', '.', '9', '99999')) }),
    fc.record({ kind: fc.constant('field' as const), at: fc.nat(), text: fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('-', '', '65536', '0', '::', '999.1.1.1', 'ICMP', 'OPEN', '2026-02-29', '23:59:60')) }),
  );

  function mutate(line: string, ms: readonly { kind: 'delete' | 'insert' | 'field'; at: number; len?: number; text?: string }[]): string {
    let s = line;
    for (const m of ms) {
      const at = s.length === 0 ? 0 : m.at % (s.length + 1);
      if (m.kind === 'delete') s = s.slice(0, at) + s.slice(at + (m.len ?? 1));
      else if (m.kind === 'insert') s = s.slice(0, at) + (m.text ?? '') + s.slice(at);
      else {
        const f = s.split(' ');
        f[m.at % f.length] = m.text ?? '';
        s = f.join(' ');
      }
    }
    return s;
  }

  it('never throws on mutated corpus lines; events keep ports in 0-65535 and valid times', () => {
    fc.assert(
      fc.property(fc.constantFrom(...corpusLines), fc.array(mutation, { minLength: 1, maxLength: 4 }), (line, ms) => {
        const mutated = mutate(line, ms);
        const r = parse([...HEADER_17, mutated]);
        expect(r.events.length + r.skipped.length + r.malformed.length).toBe(5);
        for (const e of r.events) {
          for (const p of [e.src.port, e.dst.port]) if (p !== null) expect(Number.isInteger(p) && p >= 0 && p <= 65535).toBe(true);
          expect(e.time).toBeInstanceOf(Date);
          expect(Number.isNaN(e.time!.getTime())).toBe(false);
          expect(e.ipVersion === null || e.ipVersion === 4 || e.ipVersion === 6).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('every valid date and time is read exactly; every impossible day, and every year outside 1900-9998, is malformed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 59 }), (y, mo, d, h, mi, s) => {
        const p2 = (n: number) => String(n).padStart(2, '0');
        const stamp = `${y}-${p2(mo)}-${p2(d)} ${p2(h)}:${p2(mi)}:${p2(s)}`;
        const r = parse(['#Time Format: UTC', DROP_445.replace('2026-11-20 06:25:03', stamp)]);
        const real = new Date(Date.UTC(y, mo - 1, d)).getUTCDate() === d && y >= 1900 && y <= 9998;
        if (real) expect(r.events[0]!.time!.getTime()).toBe(Date.UTC(y, mo - 1, d, h, mi, s));
        else expect(r.malformed).toHaveLength(1);
      }),
      { numRuns: 1000 },
    );
  });
});
