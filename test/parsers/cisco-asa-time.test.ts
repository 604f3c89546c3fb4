// The ASA's own stamp (`logging timestamp`, with `clock timezone` its zone): UTC/GMT read
// as UTC, another zone name in --tz (noted when --tz does not call itself so), and after a
// relay's header the device's stamp wins when it carries a year or a zone, as on Cisco IOS.
import { describe, expect, it } from 'vitest';
import { ciscoAsaFormat } from '../../src/parsers/cisco-asa.js';
import { ciscoIosFormat } from '../../src/parsers/cisco-ios.js';
import type { FirewallEvent } from '../../src/event.js';
import type { FormatDefinition, ParseContext, ZoneNote } from '../../src/parsers/types.js';
import { TEST_REF_DATE } from '../helpers/parse.js';

const BUILT = '%ASA-6-302013: Built inbound TCP connection 7 for outside:203.0.113.7/41234 (203.0.113.7/41234) to inside:192.0.2.10/22 (192.0.2.10/22)';
const ICMP = '%ASA-ip-4-313005: No matching connection for ICMP error message: icmp src inside:192.0.2.31 dst uplink:198.51.100.51 (type 3, code 2) on inside interface. Original IP payload: <unknown>.';
const IOS = '%SEC-6-IPACCESSLOGP: list 101 denied tcp 203.0.113.7(41234) -> 192.0.2.10(23), 1 packet';

interface Read {
  events: FirewallEvent[];
  malformed: string[];
  note: ZoneNote;
}

function read(lines: string[], ctx: Partial<ParseContext> = {}, format: FormatDefinition = ciscoAsaFormat): Read {
  const out: Read = { events: [], malformed: [], note: {} };
  const p = format.create(
    { file: 't.log', refDate: TEST_REF_DATE, year: null, tz: 'Europe/Berlin', zoneNote: out.note, ...ctx },
    { event: (e) => out.events.push(e), skipped: () => {}, malformed: (_n, _t, why) => out.malformed.push(why.code) },
  );
  lines.forEach((l, i) => p.line(l, i + 1));
  p.end();
  return out;
}

const times = (r: Read): (string | null)[] => r.events.map((e) => e.time?.toISOString() ?? null);

describe('cisco-asa: the zone after the device stamp', () => {
  it('UTC and GMT are read as UTC, with or without a year and a <PRI>; nothing zone-less noted', () => {
    const r = read([`Sep 25 2026 05:08:29 UTC: ${BUILT}`, `<166>Sep 25 2026 05:08:30 GMT: ${BUILT}`, `<166>:Sep 25 05:08:31 UTC: ${BUILT.replace('ASA', 'FTD')}`]);
    expect(times(r)).toEqual(['2026-09-25T05:08:29.000Z', '2026-09-25T05:08:30.000Z', '2026-09-25T05:08:31.000Z']);
    expect(r.events.map((e) => e.yearInferred)).toEqual([false, false, true]);
    expect(r.events.map((e) => e.host)).toEqual([null, null, null]);
    expect(r.note).toEqual({});
  });

  it('a name of --tz is read in --tz, on the side of the autumn fold it names; the first is noted, a zone named, none missing', () => {
    const r = read([`Sep 25 2026 05:08:29 CEST: ${BUILT}`, `Oct 25 2026 02:30:00 CEST: ${BUILT}`, `Oct 25 2026 02:30:00 CET: ${BUILT}`]);
    expect(times(r)).toEqual(['2026-09-25T03:08:29.000Z', '2026-10-25T00:30:00.000Z', '2026-10-25T01:30:00.000Z']);
    expect(r.note).toEqual({ namedZone: 'CEST' });
  });

  it('a name that is none of --tz\'s is read in --tz all the same, and noted', () => {
    const r = read([`Mar 02 2025 09:14:05 EDT: ${BUILT}`]);
    expect(times(r)).toEqual(['2025-03-02T08:14:05.000Z']);
    expect(r.note).toEqual({ unmatchedZone: 'EDT' });
    // New York is called EDT in September, EST in early March.
    const ny = read([`Sep 25 2026 05:08:29 EDT: ${BUILT}`, `Mar 02 2025 09:14:05 EST: ${BUILT}`], { tz: 'America/New_York' });
    expect(times(ny)).toEqual(['2026-09-25T09:08:29.000Z', '2025-03-02T14:14:05.000Z']);
    expect(ny.note).toEqual({ namedZone: 'EDT' });
  });

  it('an impossible device stamp is malformed', () => {
    expect(read([`Feb 30 2026 05:08:29 UTC: ${BUILT}`]).malformed).toEqual(['impossible-day']);
    expect(read([`Sep 25 01:08:29 relay : Feb 30 05:08:29 UTC: ${BUILT}`]).malformed).toHaveLength(1);
  });
});

describe('cisco-asa: a relay header before the device stamp', () => {
  const relay = 'Sep 25 01:08:29 relay.example.net : ';

  it('the device stamp wins when it has a zone or a year; the relay stays the host', () => {
    const r = read([`${relay}Sep 25 05:08:29 UTC: ${ICMP}`, `${relay}Sep 25 2026 05:08:29: ${BUILT}`, `${relay}Sep 25 2026 05:08:29 UTC: ${BUILT}`]);
    expect(times(r)).toEqual(['2026-09-25T05:08:29.000Z', '2026-09-25T03:08:29.000Z', '2026-09-25T05:08:29.000Z']);
    expect(r.events.map((e) => [e.yearInferred, e.host])).toEqual([
      [true, 'relay.example.net'],
      [false, 'relay.example.net'],
      [false, 'relay.example.net'],
    ]);
  });

  it('without a zone or a year the relay header wins', () => {
    const r = read([`${relay}Sep 25 05:08:29: ${BUILT}`]);
    expect(times(r)).toEqual(['2026-09-24T23:08:29.000Z']);
  });

  it('the zone note says what the events\' times are: the relay\'s zone-less stamp lost', () => {
    expect(read([`${relay}Sep 25 05:08:29 UTC: ${ICMP}`]).note).toEqual({});
    expect(read([`${relay}Sep 25 05:08:29: ${BUILT}`]).note).toEqual({ zonelessTimes: true, headerTimes: { zoned: 0, zoneless: 1 } });
    // A stamp that names a zone wins over the relay's, none of Berlin's: said, and no time without a zone.
    expect(read([`${relay}Sep 25 05:08:29 EDT: ${BUILT}`]).note).toEqual({ unmatchedZone: 'EDT' });
  });
});

describe('cisco-ios: the same rule and zone reading', () => {
  it('a headerless stamp with UTC is read as UTC, a name through the zone\'s names', () => {
    const r = read([`Nov 20 2026 06:25:01.123 UTC: ${IOS}`, `Nov 20 2026 06:25:02.004 CET: ${IOS}`, `Nov 20 2026 06:25:03 EST: ${IOS}`], {}, ciscoIosFormat);
    expect(times(r)).toEqual(['2026-11-20T06:25:01.123Z', '2026-11-20T05:25:02.004Z', '2026-11-20T05:25:03.000Z']);
    expect(r.note).toEqual({ namedZone: 'CET', unmatchedZone: 'EST' });
  });

  it('an unsynced (*) stamp with a zone loses to the header', () => {
    const r = read([`Nov 20 08:00:00 10.0.0.1 12: *Mar 01 1993 00:01:02 UTC: ${IOS}`], {}, ciscoIosFormat);
    expect(times(r)).toEqual(['2026-11-20T07:00:00.000Z']);
  });
});
