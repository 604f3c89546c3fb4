// The envelope reader remembers the last line's " host tag:" header and reads a line
// that repeats it without the token checks; that must never change what a line reads as.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SyslogEnvelopeReader, newEnvelope, type Envelope } from '../../src/parsers/syslog-envelope.js';

const ctx = { refDate: new Date(Date.UTC(2026, 10, 23)), year: 2026, tz: 'UTC' };

function readFresh(line: string): Envelope {
  const env = newEnvelope();
  new SyslogEnvelopeReader(ctx).read(line, env);
  return env;
}

const HEADS = [
  ' gw kernel:', ' gw  kernel:', ' gw kernel:x', ' gw\tkernel:', ' kernel:', ' gw gw kernel:', ' gw kern.warning kernel:', ' gw2 kernel:',
  ' gw kernel[0]:', ' fw01 ufw[123]:', ' gw', ' [UFW', ' gw kernel: kernel:', '  gw   kernel:  ',
  ' kern.warn kernel:', ' kern.info kernel:', ' daemon.info dnsmasq[1734]:', ' local7.notice kernel:', ' kern.warn',
  ' 192.168.1.1 Nov 20 06:25:00 gw kernel:', ' 192.168.1.1 Nov 20 06:25:00 kernel:', ' gw [1.5] kernel:', ' gw x kernel:',
  ' gw kernel[123]:', ' gw x kernel[123]:', ' gw x kernel[12a]:', ' 192.168.1.1 2026-11-20T06:25:00+01:00 gw kernel:',
  ' 192.168.1.1 2026-11-20 06:25:00 kernel:', ' 192.168.1.1 2026-02-30T06:25:00Z gw kernel:',
  ' relay Nov 20 06:25:00 CET gw kernel:', ' relay Nov 20 06:25:00 CET kernel:', ' relay Feb 30 06:25:00 UTC+1 gw kernel:',
];
const AFTER = [' [123.456] IN=eth0 SRC=1.2.3.4', '\t[1.5] DROP IN=', ' ', '', ' message repeated 3 times: [ IN=eth0 ]', ' [UFW BLOCK] IN=eth0', 'kernel: IN='];

describe('syslog envelope: the remembered header', () => {
  it('a warm reader reads every line exactly as a fresh one does, whatever came before', () => {
    const line = fc.tuple(fc.constantFrom('Nov 20 06:25:01', '2026-11-20T06:25:01Z', 'Nov  3 00:00:00', 'Fri Nov 20 06:25:01 2026', 'Tue Nov  3 00:00:00 2026', 'Nov 20 2026 06:25:01', '2026-11-20 06:25:01\tKernel.Warning\t192.168.1.1\t', '20/11/2026 06:25:01', '<4>20/11/2026 06:25:01', '<4>'), fc.constantFrom(...HEADS), fc.constantFrom(...AFTER)).map((p) => p.join(''));
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 12 }), (lines) => {
        const reader = new SyslogEnvelopeReader(ctx);
        for (const l of lines) {
          const env = newEnvelope();
          reader.read(l, env);
          expect({ ...env, time: env.time?.getTime() }, l).toEqual({ ...readFresh(l), time: readFresh(l).time?.getTime() });
        }
      }),
      { numRuns: 400 },
    );
  });

  it('the common case: the same " gw kernel:" line after line gives the host and the message start', () => {
    const reader = new SyslogEnvelopeReader(ctx);
    const env = newEnvelope();
    for (const n of [1, 2, 3]) {
      const l = `Nov 20 06:25:0${n} gw kernel: [12.5] IN=eth0 SRC=1.2.3.${n}`;
      reader.read(l, env);
      expect([env.host, l.slice(env.msgStart, env.msgEnd), env.uptime]).toEqual(['gw', `IN=eth0 SRC=1.2.3.${n}`, 12.5]);
    }
  });
});

describe('syslog envelope: OpenWrt logread', () => {
  const read = (line: string, tz = 'UTC'): Envelope => {
    const env = newEnvelope();
    new SyslogEnvelopeReader({ ...ctx, year: null, tz }).read(line, env);
    return env;
  };
  const message = (env: Envelope, line: string): string => line.slice(env.msgStart, env.msgEnd);
  const REC = 'drop wan in: IN=eth1 OUT= SRC=203.0.113.7 DST=198.51.100.2 LEN=44 PROTO=TCP SPT=1 DPT=23';

  it('reads the stamp with its year (none inferred), no host, and the message after the tag and uptime', () => {
    const l = `Fri Jan  5 12:34:56 2024 kern.warn kernel: [123.456] ${REC}`;
    const env = read(l);
    expect(env.time?.toISOString()).toBe('2024-01-05T12:34:56.000Z');
    expect([env.yearInferred, env.host, env.uptime, env.error, message(env, l)]).toEqual([false, null, 123.456, null, REC]);
  });

  it('takes the year from the line whatever the reference date (--year is for stamps without one)', () => {
    const l = `Sat Dec 31 23:59:59 2022 kern.warn kernel: [  119.561227] ${REC}`;
    const env = newEnvelope();
    new SyslogEnvelopeReader({ ...ctx, year: 2030 }).read(l, env);
    expect([env.time?.toISOString(), env.uptime, message(env, l)]).toEqual(['2022-12-31T23:59:59.000Z', 119.561227, REC]);
  });

  it('reads the stamp in --tz, a zoneless wall clock', () => {
    const env = read(`Mon Jul 28 18:12:45 2025 kern.warn kernel: [34592.938265] ${REC}`, 'Europe/Berlin');
    expect(env.time?.toISOString()).toBe('2025-07-28T16:12:45.000Z');
  });

  it('a two-digit day, another facility and level, a daemon tag', () => {
    const l = 'Mon Jan 15 20:22:01 2018 daemon.info dnsmasq[1234]: query[A] example.org from 192.168.1.2';
    const env = read(l);
    expect([env.time?.toISOString(), env.host, message(env, l)]).toEqual(['2018-01-15T20:22:01.000Z', null, 'query[A] example.org from 192.168.1.2']);
    const l7 = `Wed Jun  1 22:19:30 2022 local7.notice kernel: ${REC}`;
    expect(message(read(l7), l7)).toBe(REC);
  });

  it('a weekday that disagrees with the date does not drop the line: the date is read', () => {
    // Jan 1 2023 was a Sunday.
    const l = `Mon Jan  1 00:10:30 2023 kern.warn kernel: [1.5] ${REC}`;
    const env = read(l);
    expect([env.time?.toISOString(), env.error, message(env, l)]).toEqual(['2023-01-01T00:10:30.000Z', null, REC]);
  });

  it('an impossible date or time is the line\'s error, as for any stamp', () => {
    expect(read(`Thu Feb 30 10:00:00 2023 kern.warn kernel: ${REC}`).error).toMatchObject({ code: 'impossible-day', field: 'time', value: 'Feb 30' });
    expect(read(`Sun Feb 29 10:00:00 2023 kern.warn kernel: ${REC}`).error).toMatchObject({ code: 'impossible-day', value: 'Feb 29 2023' });
    expect(read(`Wed Feb 29 10:00:00 2024 kern.warn kernel: ${REC}`).error).toBeNull();
    expect(read(`Thu Jan 12 25:00:00 2023 kern.warn kernel: ${REC}`).error).toMatchObject({ code: 'impossible-hour', value: '25' });
    expect(read(`Thu Jan 12 09:00:00 0999 kern.warn kernel: ${REC}`).error).toMatchObject({ code: 'year-range' });
  });

  it('a weekday and a month, then a stamp that cannot be read: an error saying what was expected, never a header read as the message', () => {
    for (const [l, found] of [
      [`Thu Jan 12 09:16 2023 kern.warn kernel: ${REC}`, "'Thu Jan 12 09:16 2023 ker'"],
      [`Thu Jan 12 09:16:00 23 kern.warn kernel: ${REC}`, "'Thu Jan 12 09:16:00 23 ke'"],
      [`Thu Jan 12 09:16:00 2023kern.warn kernel: ${REC}`, "'Thu Jan 12 09:16:00 2023k'"],
      [`Thu Jan 2 09:16:00 2023 kern.warn kernel: ${REC}`, "'Thu Jan 2 09:16:00 2023 k'"],
      ['Thu Jan 12 09:1', "'Thu Jan 12 09:1'"],
    ]) {
      expect(read(l!).error, l).toEqual({ code: 'expected-found', field: 'time', value: found, syntax: 'Www Mmm dd HH:MM:SS YYYY' });
    }
  });

  it('a weekday not followed by a month, or not a weekday: not this header (read from a kernel: tag on, else the whole line is the message)', () => {
    for (const l of [`Thu 12 Jan 09:16:00 2023 kern.warn kernel: ${REC}`, `Thx Jan 12 09:16:00 2023 kern.warn kernel: ${REC}`]) {
      const env = read(l);
      expect([env.time, env.error, l.slice(env.msgStart), env.unread], l).toEqual([null, null, REC, true]);
    }
    const env = read(`Thursday: ${REC}`);
    expect([env.time, env.error, env.msgStart, env.unread]).toEqual([null, null, 0, false]);
  });

  it('a stamp alone, or with its level only: an empty message', () => {
    for (const l of ['Fri Jan  5 12:34:56 2024', 'Fri Jan  5 12:34:56 2024 kern.warn', 'Fri Jan  5 12:34:56 2024 kern.warn kernel:']) {
      const env = read(l);
      expect([env.time?.toISOString(), env.error, env.msgStart >= env.msgEnd], l).toEqual(['2024-01-05T12:34:56.000Z', null, true]);
    }
  });

  it("grep -H's file prefix before it", () => {
    const l = `fw.log:Fri Jan  5 12:34:56 2024 kern.warn kernel: [123.456] ${REC}`;
    const env = read(l);
    expect([env.time?.toISOString(), message(env, l)]).toEqual(['2024-01-05T12:34:56.000Z', REC]);
  });
});

describe('syslog envelope: headers seen in the wild', () => {
  const read = (line: string, tz = 'Europe/Berlin'): Envelope => {
    const env = newEnvelope();
    new SyslogEnvelopeReader({ ...ctx, year: null, tz }).read(line, env);
    return env;
  };
  const REC = '[UFW BLOCK] IN=eth0 OUT= SRC=203.0.113.7 DST=192.168.1.10 LEN=44 PROTO=TCP SPT=1234 DPT=23';
  /** What a line's header gave: its time (ISO, UTC), whether the year was guessed, host, uptime, message, unread. */
  const seen = (line: string, tz?: string): [string | null, boolean, string | null, number | null, string, boolean] => {
    const env = read(line, tz);
    return [env.time?.toISOString() ?? null, env.yearInferred, env.host, env.uptime, line.slice(env.msgStart, env.msgEnd), env.unread];
  };

  it('a BSD stamp with its year: read in --tz, no year inferred, host and tag as in the BSD header', () => {
    expect(seen(`Nov 20 2026 06:25:01 gw kernel: ${REC}`)).toEqual(['2026-11-20T05:25:01.000Z', false, 'gw', null, REC, false]);
    expect(seen(`Nov  3 2024 23:59:59 gw kernel: [5.25] ${REC}`, 'UTC')).toEqual(['2024-11-03T23:59:59.000Z', false, 'gw', 5.25, REC, false]);
    expect(seen(`Jul 4 2026 12:00:00.250 gw kernel: ${REC}`)).toEqual(['2026-07-04T10:00:00.250Z', false, 'gw', null, REC, false]);
    expect(seen(`<4>Nov 20 2026 06:25:01 gw kernel: ${REC}`, 'UTC')).toEqual(['2026-11-20T06:25:01.000Z', false, 'gw', null, REC, false]);
  });

  it('the year after the clock, as Zyxel ZLD writes it: read, not taken for the host; a four-digit word out of 1990-2099 stays the host', () => {
    const ZLD = 'src="203.0.113.7:41234" dst="198.51.100.2:23" msg="Match default rule DROP" note="ACCESS BLOCK" cat="Security Policy Control"';
    expect(seen(`<142>May 22 17:24:04 2026 usgflex700h ${ZLD}`, 'UTC')).toEqual(['2026-05-22T17:24:04.000Z', false, 'usgflex700h', null, ZLD, false]);
    expect(seen(`<142>May  2 07:24:04 2025 usgflex700h ${ZLD}`)).toEqual(['2025-05-02T05:24:04.000Z', false, 'usgflex700h', null, ZLD, false]);
    expect(seen(`Nov 20 06:25:01 2999 kernel: ${REC}`)[2]).toBe('2999');
    expect(read(`<142>Feb 29 17:24:04 2025 usgflex700h ${ZLD}`).error).toMatchObject({ code: 'impossible-day', value: 'Feb 29 2025' });
    // A leap day in a year the header names, though the year inferred has none.
    expect(seen(`<142>Feb 29 17:24:04 2028 usgflex700h ${ZLD}`, 'UTC').slice(0, 3)).toEqual(['2028-02-29T17:24:04.000Z', false, 'usgflex700h']);
  });

  it('a BSD stamp with an impossible year-ful date is the line\'s error, not a header passed over', () => {
    expect(read(`Feb 29 2025 10:00:00 gw kernel: ${REC}`).error).toMatchObject({ code: 'impossible-day', value: 'Feb 29 2025' });
    expect(read(`Nov 20 2026 24:00:00 gw kernel: ${REC}`).error).toMatchObject({ code: 'impossible-hour', value: '24' });
  });

  it('Kiwi Syslog: the first column\'s time in --tz, the sender as host unless the message names one, the message\'s header stripped', () => {
    const kiwi = (msg: string): string => `2026-11-20 06:25:01\tKernel.Warning\t192.168.1.1\t${msg}`;
    expect(seen(kiwi(`Nov 20 07:00:00 gw kernel: ${REC}`))).toEqual(['2026-11-20T05:25:01.000Z', false, 'gw', null, REC, false]);
    expect(seen(kiwi(`kernel: [7.5] ${REC}`))).toEqual(['2026-11-20T05:25:01.000Z', false, '192.168.1.1', 7.5, REC, false]);
    expect(seen(kiwi(`router kernel: ${REC}`))).toEqual(['2026-11-20T05:25:01.000Z', false, 'router', null, REC, false]);
    expect(seen(kiwi(REC))).toEqual(['2026-11-20T05:25:01.000Z', false, '192.168.1.1', null, REC, false]);
    expect(seen(`2026-11-20 06:25:01\tLocal7.Info\tfw\tkernel: ${REC}`)[2]).toBe('fw');
  });

  it('a second column that is no facility.level is no Kiwi line: the header is passed over to its tag', () => {
    expect(seen(`2026-11-20 06:25:01\tnot a level\t192.168.1.1\tkernel: ${REC}`)).toEqual(['2026-11-20T05:25:01.000Z', false, null, null, REC, true]);
  });

  it('a relay\'s header before the device\'s: the relay\'s time, the device\'s host and tag; the relay as host when the device names none', () => {
    expect(seen(`Nov 20 06:25:01 192.168.1.1 Nov 20 06:25:00 gw kernel: ${REC}`)).toEqual(['2026-11-20T05:25:01.000Z', true, 'gw', null, REC, false]);
    expect(seen(`Nov 20 06:25:01 192.168.1.1 Nov 20 06:25:00 kernel: ${REC}`)).toEqual(['2026-11-20T05:25:01.000Z', true, '192.168.1.1', null, REC, false]);
    // The device's stamp with a fraction, after a <PRI>, with and without its kernel: tag: the same reading.
    expect(seen(`<13>Nov 20 06:25:01 relay Nov 20 06:25:00.123 gw kernel: ${REC}`)).toEqual(['2026-11-20T05:25:01.000Z', true, 'gw', null, REC, false]);
    expect(seen(`<13>Nov 20 06:25:01 relay Nov 20 06:25:00.123456 gw ${REC}`)).toEqual(['2026-11-20T05:25:01.000Z', true, 'gw', null, REC, false]);
    expect(seen(`<13>Nov 20 06:25:01 relay Nov 20 06:25:00.123 ${REC}`)).toEqual(['2026-11-20T05:25:01.000Z', true, 'relay', null, REC, false]);
  });

  it('a header not understood before a kernel: tag: the message after the tag and uptime, the time unknown unless read, unread set', () => {
    expect(seen(`20/11/2026 06:25:01 gw kernel: ${REC}`)).toEqual([null, false, null, null, REC, true]);
    expect(seen(`11/20/2026 06:25:01 gw kernel: [ 12.5] ${REC}`)).toEqual([null, false, null, 12.5, REC, true]);
    expect(seen(`Nov 20 06:25:01 gw [12345.678] kernel: ${REC}`)).toEqual(['2026-11-20T05:25:01.000Z', true, 'gw', null, REC, true]);
  });

  it('a header not understood after a <PRI>: passed over to its kernel: tag as without one; a bare tag right after it is a tag', () => {
    expect(seen(`<4>20/11/2026 06:25:01 gw kernel: ${REC}`)).toEqual([null, false, null, null, REC, true]);
    expect(seen(`<13>gw [12.5] kernel: [7.5] ${REC}`)).toEqual([null, false, null, 7.5, REC, true]);
    expect(seen(`<4>kernel: ${REC}`)).toEqual([null, false, null, null, REC, false]);
    // A read header after the PRI is not passed over (its kernel: tag is the tag).
    expect(seen(`<4>Nov 20 06:25:01 gw kernel: ${REC}`)).toEqual(['2026-11-20T05:25:01.000Z', true, 'gw', null, REC, false]);
  });

  it('after a <PRI>, a header without a kernel tag stays the message: the PRI is all that is taken off', () => {
    for (const rest of [`20/11/2026 06:25:01 gw ${REC}`, `20/11/2026 06:25:01 gw xkernel: ${REC}`, `20/11/2026 06:25:01 gw kernel[12a]: ${REC}`, 'garbage without a tag']) {
      expect(seen(`<4>${rest}`)).toEqual([null, false, null, null, rest, false]);
    }
  });

  it('a kernel tag with a pid, kernel[123]:, ends a header not understood, and is the tag after a BSD or ISO header', () => {
    expect(seen(`20/11/2026 06:25:01 gw kernel[123]: ${REC}`)).toEqual([null, false, null, null, REC, true]);
    expect(seen(`<4>20/11/2026 06:25:01 gw kernel[0]: [ 12.5] ${REC}`)).toEqual([null, false, null, 12.5, REC, true]);
    expect(seen(`Nov 20 06:25:01 gw [12345.678] kernel[4194304]: ${REC}`)).toEqual(['2026-11-20T05:25:01.000Z', true, 'gw', null, REC, true]);
    expect(seen(`kernel[123]: ${REC}`)).toEqual([null, false, null, null, REC, false]);
    expect(seen(`Nov 20 06:25:01 gw kernel[123]: ${REC}`)).toEqual(['2026-11-20T05:25:01.000Z', true, 'gw', null, REC, false]);
    expect(seen(`Nov 20 06:25:01 gw kern.warning kernel[123]: [1.5] ${REC}`)).toEqual(['2026-11-20T05:25:01.000Z', true, 'gw', 1.5, REC, false]);
    expect(seen(`2026-11-20T06:25:01+01:00 gw kernel[123]: ${REC}`)).toEqual(['2026-11-20T05:25:01.000Z', false, 'gw', null, REC, false]);
  });

  it('a kernel[pid]: that is no pid (letters, none, more digits than a pid has, glued to the message) ends nothing', () => {
    for (const tag of ['kernel[12a]:', 'kernel[]:', 'kernel[12345678]:', 'kernel[123]', 'kernel[123]:x', 'kernel [123]:']) {
      const l = `20/11/2026 06:25:01 gw ${tag} ${REC}`;
      expect(seen(l), tag).toEqual([null, false, null, null, l, false]);
    }
  });

  it('a relay\'s year-less header before the device\'s BSD stamp with a year: the device\'s time, as an ISO stamp\'s or a Cisco stamp with a year; host and tag as without the year', () => {
    expect(seen(`Nov 20 06:25:01 relay Nov 20 2026 06:25:00.5 gw kernel: [1.5] ${REC}`)).toEqual(['2026-11-20T05:25:00.500Z', false, 'gw', 1.5, REC, false]);
    expect(seen(`<13>Nov 21 10:22:40 relay Nov 20 2026 06:25:00 gw1 kernel: ${REC}`)).toEqual(['2026-11-20T05:25:00.000Z', false, 'gw1', null, REC, false]);
    expect(seen(`Nov 21 10:22:40 relay Nov  3 2025 06:25:00 kernel: ${REC}`)).toEqual(['2025-11-03T05:25:00.000Z', false, 'relay', null, REC, false]);
    // Without the year the relay's time stands (the test above); an impossible date is the line's error.
    expect(read(`Nov 21 10:22:40 relay Feb 30 2026 06:25:00 gw1 kernel: ${REC}`).error).toMatchObject({ code: 'impossible-day', value: 'Feb 30' });
    // A Cisco stamp with its zone is its parser's to read (device-stamp.ts): not read here as a zone-less one.
    expect(seen('Sep 25 01:08:29 relay Sep 25 2026 05:08:29 UTC: %ASA-4-106023: Deny tcp').slice(0, 2)).toEqual(['2026-09-24T23:08:29.000Z', true]);
  });

  it('a relay\'s header before a device\'s stamp with the year after the clock (ZLD, Comware): the device\'s time and host, not the year as host', () => {
    const ZLD = 'src="203.0.113.7:41234" dst="198.51.100.2:23" msg="Match default rule DROP" note="ACCESS BLOCK" cat="Security Policy Control"';
    const H3C = '%%10FILTER/6/FILTER_ZONE_IPV4_EXECUTION: SrcZoneName(1025)=Untrust;';
    expect(seen(`Nov 25 13:34:03 loghost Nov 20 06:25:01 2026 usgflex500 ${ZLD}`, 'UTC')).toEqual(['2026-11-20T06:25:01.000Z', false, 'usgflex500', null, ZLD, false]);
    expect(seen(`<134>Nov 25 13:34:03 loghost Mar 26 14:41:42 2026 FW-F1000 ${H3C}`, 'UTC')).toEqual(['2026-03-26T14:41:42.000Z', false, 'FW-F1000', null, H3C, false]);
    // A relay header with its own year stands; the device's year is passed over all the same.
    expect(seen(`Nov 25 13:34:03 2026 loghost Nov 20 06:25:01 2026 usgflex500 ${ZLD}`, 'UTC')).toEqual(['2026-11-25T13:34:03.000Z', false, 'usgflex500', null, ZLD, false]);
    // An impossible date in the year it names is the line's error; four digits out of 1990-2099 are a host.
    expect(read(`Nov 25 13:34:03 loghost Feb 29 06:25:01 2025 usgflex500 ${ZLD}`).error).toMatchObject({ code: 'impossible-day' });
    expect(seen(`Nov 25 13:34:03 loghost Nov 20 06:25:01 2999 kernel: ${REC}`)[2]).toBe('2999');
  });

  it('a relay that kept the device\'s <PRI> before its header, BSD or RFC 5424 (syslog-ng no-parse): the device\'s header is read as without it', () => {
    const ZLD = 'src="203.0.113.7:41234" dst="198.51.100.2:23" msg="Match default rule DROP" note="ACCESS BLOCK" cat="Security Policy Control"';
    expect(seen(`Nov 25 13:34:03 loghost <142>Nov 20 06:25:01 2026 usgflex500 ${ZLD}`, 'UTC')).toEqual(['2026-11-20T06:25:01.000Z', false, 'usgflex500', null, ZLD, false]);
    expect(seen(`Nov 20 06:25:03 loghost <4>Nov 20 06:25:01 gw kernel: ${REC}`, 'UTC')).toEqual(['2026-11-20T06:25:03.000Z', true, 'gw', null, REC, false]);
    expect(seen(`Nov 25 13:34:03 loghost <4>2026-11-25T13:34:01+01:00 gw kernel: ${REC}`)).toEqual(['2026-11-25T12:34:01.000Z', false, 'gw', null, REC, false]);
    // RFC 5424's stamp has the year and its offset: it stays the time; the device's host and message.
    expect(seen(`<134>1 2026-11-25T13:34:03+08:00 loghost - - - - <142>Nov 20 06:25:01 2026 usgflex500 ${ZLD}`)).toEqual(['2026-11-25T05:34:03.000Z', false, 'usgflex500', null, ZLD, false]);
    expect(seen(`<134>1 2026-11-25T13:34:03+08:00 loghost - - - - Nov 25 08:01:12 gw kernel: ${REC}`)).toEqual(['2026-11-25T05:34:03.000Z', false, 'gw', null, REC, false]);
    // Text in angle brackets that no stamp follows is the message's.
    expect(seen(`Nov 25 13:34:03 loghost <142>hello ${REC}`)[4]).toBe(`<142>hello ${REC}`);
  });

  it('a relay\'s header before the device\'s BSD stamp with a zone word: the stamp in that zone is the time, as a Cisco stamp with its zone; the device\'s host and tag', () => {
    // The relay's clock said 06:25:01 (Berlin); the device's own stamp is a second earlier, in the zone it names.
    expect(seen(`<134>Nov 20 06:25:01 relay Nov 20 06:25:00 CET gw1 kernel: ${REC}`)).toEqual(['2026-11-20T05:25:00.000Z', true, 'gw1', null, REC, false]);
    expect(seen(`Nov 20 06:25:01 relay Nov 20 2026 06:25:00.5 CET gw1 kernel: [1.5] ${REC}`)).toEqual(['2026-11-20T05:25:00.500Z', false, 'gw1', 1.5, REC, false]);
    // UTC and a zone spelt as an offset are exact, whatever --tz is; a name is read in --tz.
    expect(seen(`Nov 20 06:25:01 relay Nov 20 06:25:00 UTC gw1 kernel: ${REC}`)[0]).toBe('2026-11-20T06:25:00.000Z');
    expect(seen(`Nov 20 06:25:01 relay Nov 20 06:25:00 UTC+3 gw1 kernel: ${REC}`)[0]).toBe('2026-11-20T03:25:00.000Z');
    expect(seen(`Nov 20 06:25:01 relay Nov 20 06:25:00 -0500 gw1 kernel: ${REC}`)[0]).toBe('2026-11-20T11:25:00.000Z');
    expect(seen(`Nov 20 06:25:01 relay Nov 20 06:25:00 CET gw1 kernel: ${REC}`, 'UTC')[0]).toBe('2026-11-20T06:25:00.000Z');
    // Behind Kiwi's columns the device's zoned stamp wins over the first column's wall time too.
    expect(seen(`2026-11-20 06:25:01\tKernel.Warning\t192.168.1.1\tNov 20 06:25:00 CET gw1 kernel: ${REC}`)).toEqual(['2026-11-20T05:25:00.000Z', true, 'gw1', null, REC, false]);
    // An impossible date behind a zone is the line's error, as behind a year.
    expect(read(`Nov 20 06:25:01 relay Feb 30 06:25:00 CET gw1 kernel: ${REC}`).error).toMatchObject({ code: 'impossible-day', value: 'Feb 30' });
  });

  it('a word after the device\'s stamp that is no zone, or not followed by a host and a tag, is the host as before', () => {
    expect(seen(`Nov 20 06:25:01 relay Nov 20 06:25:00 CET kernel: ${REC}`)).toEqual(['2026-11-20T05:25:01.000Z', true, 'CET', null, REC, false]);
    expect(seen(`Nov 20 06:25:01 relay Nov 20 06:25:00 GW DROP IN=eth0`)).toEqual(['2026-11-20T05:25:01.000Z', true, 'GW', null, 'DROP IN=eth0', false]);
    for (const word of ['Gw', 'gw', 'FW01', 'ABCDEFG', '+99', 'UTC+25']) {
      expect(seen(`Nov 20 06:25:01 relay Nov 20 06:25:00 ${word} gw1 kernel: ${REC}`)[0], word).toBe('2026-11-20T05:25:01.000Z');
    }
  });

  it('a relay\'s header before the device\'s ISO one: the device\'s time (it has the year and a zone), host and tag; the relay as host when the device names none', () => {
    expect(seen(`Nov 20 06:25:01 192.168.1.1 2026-11-20T06:25:07+01:00 gw kernel: ${REC}`)).toEqual(['2026-11-20T05:25:07.000Z', false, 'gw', null, REC, false]);
    expect(seen(`Nov 20 06:25:01 192.168.1.1 2026-11-20T05:25:07.5Z kernel: [1.5] ${REC}`)).toEqual(['2026-11-20T05:25:07.500Z', false, '192.168.1.1', 1.5, REC, false]);
    // Without an offset the device's stamp is read in --tz, as at the start of a line.
    expect(seen(`Nov 20 06:25:01 relay 2026-11-20 06:25:07 gw kern.warning kernel: ${REC}`)).toEqual(['2026-11-20T05:25:07.000Z', false, 'gw', null, REC, false]);
    expect(seen(`Nov 20 06:25:01 relay 2026-11-20 06:25:07 gw kernel[123]: ${REC}`)).toEqual(['2026-11-20T05:25:07.000Z', false, 'gw', null, REC, false]);
    // The year is the device's, not inferred from the reference date.
    expect(seen(`Dec 31 23:59:59 relay 2025-12-31T23:59:59Z gw kernel: ${REC}`)).toEqual(['2025-12-31T23:59:59.000Z', false, 'gw', null, REC, false]);
  });

  it('a relay\'s header before an impossible ISO stamp: the line\'s error; before no ISO stamp: passed over as before', () => {
    const env = read(`Nov 20 06:25:01 192.168.1.1 2026-02-30T06:25:07+01:00 gw kernel: ${REC}`);
    expect(env.error).toMatchObject({ code: 'impossible-day', field: 'time', value: 'Feb 30' });
    expect(read(`Nov 20 06:25:01 192.168.1.1 2026-11-20T25:00:00Z gw kernel: ${REC}`).error).toMatchObject({ code: 'impossible-hour', value: '25' });
    for (const stamp of ['2026-11-20', '2026-11-20T06:25', '2026-11-20T06:25:07+01:00x', '20/11/2026 06:25:07']) {
      expect(seen(`Nov 20 06:25:01 192.168.1.1 ${stamp} gw kernel: ${REC}`), stamp).toEqual(['2026-11-20T05:25:01.000Z', true, '192.168.1.1', null, REC, true]);
    }
  });

  it('only a kernel: tag ends a header not understood: a glued or absent one leaves the line whole, a bare one is no header', () => {
    for (const l of [`20/11/2026 06:25:01 gw xkernel: ${REC}`, `20/11/2026 06:25:01 gw kernel:x ${REC}`, `20/11/2026 06:25:01 gw ${REC}`]) {
      expect(seen(l)).toEqual([null, false, null, null, l, false]);
    }
    expect(seen(`kernel: ${REC}`)).toEqual([null, false, null, null, REC, false]);
  });

  it('the lines logscan read before keep their reading, unread never set', () => {
    for (const l of [`Nov 20 06:25:01 gw kernel: ${REC}`, `2026-11-20T06:25:01Z gw kernel: ${REC}`, `Nov 20 06:25:01 gw ${REC}`, `Fri Nov 20 06:25:01 2026 kern.warn kernel: ${REC}`]) {
      const env = read(l);
      expect([env.unread, l.slice(env.msgStart, env.msgEnd)]).toEqual([false, REC]);
    }
  });
});

describe('syslog envelope: headers a collector or dmesg changed', () => {
  it("RFC 5424 whose <PRI> the collector took off (Wazuh's archives): time and host are read", () => {
    const line = '1 2021-08-04T06:59:07.691848+04:00 fw01 filterlog 48906 - - 98,,,1627710987,vmx1,match,pass,in';
    const env = readFresh(line);
    expect(env.time?.toISOString()).toBe('2021-08-04T02:59:07.691Z');
    expect(env.host).toBe('fw01');
    expect(line.slice(env.msgStart, env.msgEnd)).toBe('98,,,1627710987,vmx1,match,pass,in');
  });

  it('a Proxmox line and a journalctl short-unix stamp, which also start with digits, are not taken for it', () => {
    expect(readFresh('1763619901.123456 gw kernel: IN=eth0').time?.getTime()).toBe(1763619901123);
    expect(readFresh('1 5 2026-11-20 x').time).toBeNull();
  });

  it('`dmesg -r` and Android dmesg keep the level before the uptime: `<6>[ 5739.482168] msg`', () => {
    const line = '<6>[ 5739.482168] CMWRAP IN= OUT=ppp0';
    const env = readFresh(line);
    expect(env.uptime).toBe(5739.482168);
    expect(env.time).toBeNull();
    expect(line.slice(env.msgStart, env.msgEnd)).toBe('CMWRAP IN= OUT=ppp0');
  });
});
