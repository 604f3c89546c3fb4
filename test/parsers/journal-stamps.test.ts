// journalctl's short-* stamps (src/parsers/journal-stamps.ts), each read through the
// iptables parser as a user's line is: the time, the host and a rule label without the
// header in it, and the damaged variants skipped or malformed with a reason.
import { describe, expect, it } from 'vitest';
import { iptablesFormat } from '../../src/parsers/iptables.js';
import { SyslogEnvelopeReader, newEnvelope } from '../../src/parsers/syslog-envelope.js';
import type { ZoneNote } from '../../src/parsers/types.js';
import { parseLines } from '../helpers/parse.js';

const REC = '[UFW BLOCK] IN=eth0 OUT= MAC=00:11:22:33:44:55:66:77:88:99:aa:bb:08:00 SRC=203.0.113.7 DST=192.168.1.10 LEN=44 TOS=0x00 PREC=0x00 TTL=51 ID=1 PROTO=TCP SPT=1234 DPT=23 WINDOW=1024 RES=0x00 SYN URGP=0';

function read(lines: string[], tz: string | null = 'UTC') {
  return parseLines(iptablesFormat, lines, { tz });
}

function one(head: string, tz: string | null = 'UTC') {
  const r = read([`${head} ${REC}`], tz);
  expect(r.malformed).toEqual([]);
  expect(r.events).toHaveLength(1);
  const e = r.events[0]!;
  return { time: e.time?.toISOString() ?? null, uptime: e.uptime, host: e.host, rule: e.rule, yearInferred: e.yearInferred };
}

describe('short-precise and BSD stamps with a fraction', () => {
  it('microseconds: the fraction is part of the time, the host is the host', () => {
    expect(one('Nov 20 06:25:01.123456 gw kernel:')).toEqual({ time: '2026-11-20T06:25:01.123Z', uptime: null, host: 'gw', rule: '[UFW BLOCK]', yearInferred: true });
  });

  it("syslog-ng's frac-digits(3), and one digit", () => {
    expect(one('Nov 20 06:25:01.5 gw kernel:').time).toBe('2026-11-20T06:25:01.500Z');
    expect(one('Nov  5 06:25:01.123 gw kernel:').time).toBe('2026-11-05T06:25:01.123Z');
  });

  it('a line after a fractional one of the same second reads its own fraction (the second is cached, not the fraction)', () => {
    const r = read([`Nov 20 06:25:01.100000 gw kernel: ${REC}`, `Nov 20 06:25:01.900000 gw kernel: ${REC}`]);
    expect(r.events.map((e) => e.time?.toISOString())).toEqual(['2026-11-20T06:25:01.100Z', '2026-11-20T06:25:01.900Z']);
  });

  it('in --tz like any BSD stamp', () => {
    expect(one('Nov 20 06:25:01.250000 gw kernel:', 'Europe/Berlin').time).toBe('2026-11-20T05:25:01.250Z');
  });

  it("syslog-ng's default template with frac-digits and no program tag: the host is still the host", () => {
    const bare = 'IN=eth0 OUT= MAC=00:11:22:33:44:55:66:77:88:99:aa:bb:08:00 SRC=203.0.113.7 DST=192.168.1.10 LEN=44 TOS=0x00 PREC=0x00 TTL=51 ID=1 PROTO=TCP SPT=1234 DPT=23 WINDOW=1024 RES=0x00 SYN URGP=0';
    const r = read([`Nov 21 10:22:33.123 gw1 ${bare}`, `Nov 21 10:22:34.123456 gw1 ${REC}`, `Nov 21 2026 10:22:35.5 gw1 ${bare}`], 'Europe/Berlin');
    expect(r.malformed).toEqual([]);
    expect(r.events.map((e) => [e.time?.toISOString(), e.host, e.rule])).toEqual([
      ['2026-11-21T09:22:33.123Z', 'gw1', null],
      ['2026-11-21T09:22:34.123Z', 'gw1', '[UFW BLOCK]'],
      ['2026-11-21T09:22:35.500Z', 'gw1', null],
    ]);
  });

  it('an impossible day stays malformed with the BSD reason', () => {
    expect(read([`Feb 30 06:25:01.123456 gw kernel: ${REC}`]).malformed).toEqual([{ line: 1, reason: 'time: impossible date (Feb 30)' }]);
  });
});

describe('short-full', () => {
  it('UTC (journalctl --utc) and GMT are UTC whatever --tz says', () => {
    expect(one('Fri 2026-11-20 06:25:01 UTC gw kernel:', 'Asia/Shanghai')).toEqual({ time: '2026-11-20T06:25:01.000Z', uptime: null, host: 'gw', rule: '[UFW BLOCK]', yearInferred: false });
    expect(one('Fri 2026-11-20 06:25:01 GMT gw kernel:', 'Asia/Shanghai').time).toBe('2026-11-20T06:25:01.000Z');
  });

  it('a numeric zone name (glibc for a zone without letters) is that offset', () => {
    expect(one('Fri 2026-11-20 06:25:01 +03 gw kernel:', 'UTC').time).toBe('2026-11-20T03:25:01.000Z');
    expect(one('Fri 2026-11-20 06:25:01 -0330 gw kernel:', 'UTC').time).toBe('2026-11-20T09:55:01.000Z');
  });

  it('a named zone is wall time in --tz', () => {
    expect(one('Fri 2026-11-20 06:25:01 CET gw kernel:', 'Europe/Berlin').time).toBe('2026-11-20T05:25:01.000Z');
    expect(one('Fri 2026-11-20 06:25:01 CST gw kernel:', 'Asia/Shanghai').time).toBe('2026-11-19T22:25:01.000Z');
  });

  it('the autumn fold: the name picks the side, CEST the first 02:30, CET the second, whatever the order', () => {
    const fold = (zones: string[]) => read(zones.map((z) => `Sun 2026-10-25 02:30:00 ${z} gw kernel: ${REC}`), 'Europe/Berlin').events.map((e) => e.time?.toISOString());
    expect(fold(['CEST', 'CET'])).toEqual(['2026-10-25T00:30:00.000Z', '2026-10-25T01:30:00.000Z']);
    expect(fold(['CET', 'CEST'])).toEqual(['2026-10-25T01:30:00.000Z', '2026-10-25T00:30:00.000Z']);
    expect(fold(['EST'])).toEqual(['2026-10-25T00:30:00.000Z']);
  });

  it('--no-hostname: the tag follows the zone', () => {
    expect(one('Fri 2026-11-20 06:25:01 UTC kernel:')).toMatchObject({ host: null, rule: '[UFW BLOCK]' });
  });

  it('an impossible date or time is malformed with the reason ISO stamps get', () => {
    const r = read([`Fri 2026-02-30 06:25:01 CET gw kernel: ${REC}`, `Fri 2026-11-20 25:25:01 CET gw kernel: ${REC}`, `Fri 0999-11-20 06:25:01 CET gw kernel: ${REC}`]);
    expect(r.malformed.map((m) => m.reason)).toEqual(['time: impossible date (Feb 30)', 'time: impossible time (hour 25)', 'time: year 0999 outside the supported range 1900-9998']);
  });

  it('a weekday not followed by a date is no header: the line is no record of this reader (OpenWrt and dmesg -T stamps are not taken for one)', () => {
    const r = read(['Fri 2026-11-20 gw kernel: hello', 'Fri 2026-11-20T06:25:01 gw kernel: hello']);
    expect([r.events.length, r.malformed.length, r.skipped.map((s) => s.reason)]).toEqual([0, 0, ['not a firewall record', 'not a firewall record']]);
  });

  it('a zone name that is none of the zone is noted once, the first one', () => {
    const note: ZoneNote = {};
    const reader = new SyslogEnvelopeReader({ refDate: new Date(), year: null, tz: 'Europe/Berlin', zoneNote: note });
    for (const z of ['CET', 'EST', 'PST']) reader.read(`Fri 2026-11-20 06:25:01 ${z} gw kernel: IN=`, newEnvelope());
    // CET is Berlin's: a zone named, not a time without one.
    expect(note).toEqual({ namedZone: 'CET', unmatchedZone: 'EST' });
  });
});

describe('short-unix', () => {
  it('seconds since the epoch are UTC, never --tz', () => {
    expect(one('1763619901.123456 gw kernel:', 'Asia/Shanghai')).toEqual({ time: '2025-11-20T06:25:01.123Z', uptime: null, host: 'gw', rule: '[UFW BLOCK]', yearInferred: false });
  });

  it('a number glued to text is no stamp, and Proxmox headers (digits then a space) still read as Proxmox', () => {
    const r = read([`1763619901.123456x gw kernel: ${REC}`]);
    expect(r.events[0]?.time ?? null).toBeNull();
    const pve = read([`0 3 PVEFW-HOST-IN 20/Jun/2022:13:09:14 +0200 policy DROP: IN=vmbr0 MAC=24:8a:07:9a:2a:f2:24:8a:07:50:2c:9e:08:00 SRC=10.3.94.11 DST=10.3.94.12 LEN=52 TOS=0x00 PREC=0x00 TTL=255 ID=64317 DF PROTO=UDP SPT=49152 DPT=3784 LEN=32`]);
    expect(pve.events[0]?.time?.toISOString()).toBe('2022-06-20T11:09:14.000Z');
  });
});

describe('short-monotonic and short-delta', () => {
  it('monotonic: the uptime, then host and tag out of the rule label', () => {
    expect(one('[ 1234.567890] gw kernel:')).toEqual({ time: null, uptime: 1234.56789, host: 'gw', rule: '[UFW BLOCK]', yearInferred: false });
    expect(one('[ 1234.567890] kernel:')).toMatchObject({ host: null, rule: '[UFW BLOCK]' });
  });

  it("delta: reliable (' >'), across a boot ('*>'), older systemd ('>'), and the first line's blanks", () => {
    for (const head of ['[ 1234.567890 <    0.000123 >] gw kernel:', '[ 1234.567890 <    0.000123*>] gw kernel:', '[ 1234.567890 <    0.000123>] gw kernel:', '[ 1234.567890                ] gw kernel:']) {
      expect(one(head), head).toEqual({ time: null, uptime: 1234.56789, host: 'gw', rule: '[UFW BLOCK]', yearInferred: false });
    }
  });

  it('plain dmesg is read as before: words without a tag are the log prefix', () => {
    expect(one('[ 1234.567890]')).toMatchObject({ host: null, rule: '[UFW BLOCK]', uptime: 1234.56789 });
    const r = read([`[ 1234.567890] DROP IN=eth0 OUT= SRC=203.0.113.7 DST=192.168.1.10 LEN=44 TTL=51 ID=1 PROTO=TCP SPT=1234 DPT=23 SYN`]);
    expect([r.events[0]?.host, r.events[0]?.rule]).toEqual([null, 'DROP']);
  });

  it('a damaged delta is no stamp: as behind any header not understood, the record has no time and is read from its kernel: tag on', () => {
    const r = read([`[ 1234.567890 <    0.000123] gw kernel: ${REC}`]);
    expect([r.events.length, r.events[0]?.uptime ?? null, r.events[0]?.rule]).toEqual([1, null, '[UFW BLOCK]']);
  });
});
