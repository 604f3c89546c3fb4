// Years outside 1900-9998 in a log's timestamps: every format that reads a year makes the
// line malformed with a reason naming the year and the range (util/year-range.ts), so no
// "999-01-01" day key or "+010000-…" @timestamp reaches the output, and nothing crashes.
import { describe, expect, it } from 'vitest';
import { ciscoAsaFormat } from '../../src/parsers/cisco-asa.js';
import { filterlogFormat } from '../../src/parsers/filterlog.js';
import { iptablesFormat } from '../../src/parsers/iptables.js';
import { mikrotikFormat } from '../../src/parsers/mikrotik.js';
import { pfFormat } from '../../src/parsers/pf.js';
import { reasonText } from '../../src/i18n/messages.js';
import type { LineReason } from '../../src/parsers/reason.js';
import { Clock } from '../../src/parsers/timestamp.js';
import type { FormatDefinition } from '../../src/parsers/types.js';
import { windowsFirewallFormat } from '../../src/parsers/windows-firewall.js';
import { yearInRange, yearText } from '../../src/util/year-range.js';
import { parseLines } from '../helpers/parse.js';

/** A clock's reason in English, as the parsers wrote it before reasons were data ('' for none). */
const said = (r: LineReason | null): string => (r === null ? '' : reasonText(r, 'en'));

const RECORD = 'gw kernel: [UFW BLOCK] IN=eth0 OUT= SRC=203.0.113.8 DST=198.51.100.2 LEN=40 TTL=241 PROTO=TCP SPT=1 DPT=22 SYN';
const reason = (y: string): string => `year ${y} outside the supported range 1900-9998`;

function malformedReason(format: FormatDefinition, lines: string[], ctx: { tz?: string; year?: number; refDate?: Date } = {}): string | undefined {
  const r = parseLines(format, lines, ctx);
  expect(r.events.filter((e) => e.time !== null && !/^\d{4}-/.test(e.time.toISOString()))).toEqual([]);
  return r.malformed[0]?.reason;
}

describe('util/year-range', () => {
  it('accepts 1900-9998 and writes a year in four digits', () => {
    expect([1899, 1900, 1970, 9998, 9999].map(yearInRange)).toEqual([false, true, true, true, false]);
    expect(yearText(7)).toBe('0007');
  });
});

describe('syslog ISO / RFC 3339 stamps (iptables, mikrotik, filterlog envelopes)', () => {
  it.each([
    ['0999-01-01T00:00:00Z', '0999'],
    ['0000-01-01T00:00:00Z', '0000'],
    ['1899-12-31T23:59:59Z', '1899'],
    ['9999-12-31T23:30:00', '9999'],
  ])('%s is malformed: year out of range', (stamp, y) => {
    expect(malformedReason(iptablesFormat, [`${stamp} ${RECORD}`], { tz: 'America/New_York' })).toBe(`time: ${reason(y)}`);
  });

  it('the range ends are read, and a 1970 clock west of UTC (1969-12-31) too', () => {
    const r = parseLines(iptablesFormat, ['1900-01-01T00:00:00+14:00', '1969-12-31T19:00:00-05:00', '9998-12-31T23:30:00'].map((s) => `${s} ${RECORD}`), { tz: 'America/New_York' });
    expect(r.malformed).toEqual([]);
    expect(r.events.map((e) => e.time!.toISOString())).toEqual(['1899-12-31T10:00:00.000Z', '1970-01-01T00:00:00.000Z', '9999-01-01T04:30:00.000Z']);
  });

  it('RFC 5424, mikrotik and filterlog lines with year 0999 are malformed', () => {
    expect(malformedReason(iptablesFormat, [`<4>1 0999-01-01T00:00:00Z gw kernel - - - [UFW BLOCK] IN=eth0 OUT= SRC=203.0.113.8 DST=198.51.100.2 LEN=40 TTL=241 PROTO=TCP SPT=1 DPT=22 SYN`])).toBe(`time: ${reason('0999')}`);
    expect(malformedReason(mikrotikFormat, ['0999-05-31T00:04:27.696749+02:00 gw firewall,info drop input: in:ether1 out:(unknown 0), proto TCP (SYN), 203.0.113.9:40000->203.0.113.7:22, len 40'])).toBe(`time: ${reason('0999')}`);
    expect(malformedReason(filterlogFormat, ['0999-11-21T06:25:02Z pfsense filterlog[4242]: 5,,,1000000103,igb0,match,block,in,4,0x0,,1,33,0,none,17,udp,60,203.0.113.50,198.51.100.1,39521,33434,40'])).toBe(`time: ${reason('0999')}`);
  });
});

describe('other stamps that carry a year', () => {
  it('Proxmox, dmesg -T and pf -tttt', () => {
    const c = new Clock({ refDate: new Date('2026-11-23T12:00:00Z'), year: null, tz: 'UTC' });
    expect(c.pve('20/Jun/0999:13:09:14 +0200 x', 0)).toBeNaN();
    expect(said(c.error)).toBe(`time: ${reason('0999')}`);
    expect(c.ctime('Thu Jan 23 12:22:21 9999] x', 0)).toBeNaN();
    expect(said(c.error)).toBe(`time: ${reason('9999')}`);
    expect(malformedReason(pfFormat, ['0999-11-20 10:00:04.000000 rule 2/0(match): block in on vtnet0: 203.0.113.9.40001 > 192.0.2.1.443: Flags [S], seq 5, win 65535, length 0'])).toBe(`time: ${reason('0999')}`);
  });

  it('Cisco ASA Mmm dd yyyy', () => {
    const line = '<166>Aug 06 0999 20:39:42: %ASA-6-106015: Deny TCP (no connection) from 203.0.113.9/443 to 198.51.100.10/51000 flags RST  on interface outside';
    expect(malformedReason(ciscoAsaFormat, [line])).toBe(`time: ${reason('0999')}`);
    expect(parseLines(ciscoAsaFormat, [line.replace('0999', '2016')]).events).toHaveLength(1);
  });

  it('Windows Firewall date column', () => {
    const head = ['#Version: 1.5', '#Time Format: Local', '#Fields: date time action protocol src-ip dst-ip src-port dst-port size tcpflags tcpsyn tcpack tcpwin icmptype icmpcode info path'];
    const row = (date: string) => `${date} DROP TCP 203.0.113.7 192.168.1.20 44321 445 52 S 1234567 0 64240 - - - RECEIVE`;
    expect(malformedReason(windowsFirewallFormat, [...head, row('0999-01-01 00:00:00')])).toBe(`field date: ${reason('0999')}`);
    expect(malformedReason(windowsFirewallFormat, [...head, row('9999-12-31 23:30:00')], { tz: 'America/New_York' })).toBe(`field date: ${reason('9999')}`);
    expect(malformedReason(windowsFirewallFormat, [...head, `2026-11-20 06:25:03 INFO-EVENTS-LOST - - - - - - - - - - - - 14 -`.replace('2026', '0000')])).toBe(`field date: ${reason('0000')}`);
    const ok = parseLines(windowsFirewallFormat, [...head, row('9998-12-31 23:30:00')], { tz: 'America/New_York' });
    expect(ok.events.map((e) => e.time!.toISOString())).toEqual(['9999-01-01T04:30:00.000Z']);
  });
});

describe('year-less stamps: the year guessed must be in range too', () => {
  it('--year 9998 rolling over Dec→Jan reaches 9999: malformed', () => {
    const r = parseLines(iptablesFormat, [`Dec 31 23:00:00 ${RECORD}`, `Jan  1 00:00:01 ${RECORD}`], { year: 9998, tz: 'UTC' });
    expect(r.events).toHaveLength(1);
    expect(r.malformed).toEqual([{ line: 2, reason: `time: ${reason('9999')}` }]);
  });

  it('--year 1900 and an out-of-order Dec line goes back to 1899: malformed', () => {
    const r = parseLines(iptablesFormat, [`Jan  1 00:00:01 ${RECORD}`, `Dec 31 23:00:00 ${RECORD}`], { year: 1900, tz: 'UTC' });
    expect(r.malformed).toEqual([{ line: 2, reason: `time: ${reason('1899')}` }]);
  });

  it('a reference date in January 1900 puts a December stamp in 1899: malformed', () => {
    const r = parseLines(iptablesFormat, [`Dec 31 23:00:00 ${RECORD}`], { refDate: new Date(Date.UTC(1900, 0, 5)), tz: 'UTC' });
    expect(r.malformed[0]?.reason).toBe(`time: ${reason('1899')}`);
  });
});
