// The SonicWall (SonicOS enhanced syslog) parser, one behaviour per test; the golden fixture
// (test/fixtures/sonicwall/events.log) covers a whole file.
import { describe, expect, it } from 'vitest';
import type { FirewallEvent } from '../../src/event.js';
import { isConnectionRecord } from '../../src/parsers/connection-records.js';
import { iptablesFormat } from '../../src/parsers/iptables.js';
import { payloadKind } from '../../src/parsers/payload-dispatch.js';
import { SONICWALL_MESSAGE_IDS, sonicwallFormat } from '../../src/parsers/sonicwall.js';
import type { ZoneNote } from '../../src/parsers/types.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { eventToEcs } from '../../src/render/event-json.js';
import { TEST_REF_DATE, parseLines, splitLines } from '../helpers/parse.js';
import { countBy, expectNoSampleOrCorpusSniffsAs, expectOwnLogsSniffAs, generatedSample, malformedReason, oneEvent, withKeyValue } from '../helpers/format-tests.js';

const FIXTURES = new URL('../fixtures/sonicwall/', import.meta.url).pathname;

// An inbound telnet connection let through by rule 5, as SonicOS 6.5 writes it.
const OPENED =
  '<134>id=firewall sn=0017C5000000 time="2026-11-20 06:25:01 UTC" fw=203.0.113.2 pri=6 c=262144 m=98 msg="Connection Opened" app=49169 n=12345 src=203.0.113.7:41234:X1 dst=192.168.1.10:23:X0 srcMac=00:00:5e:00:53:01 dstMac=00:00:5e:00:53:02 proto=tcp/telnet dpi=0 rule="5 (WAN->LAN)" fw_action="NA"';
// A policy drop to the firewall's own WAN address.
const DROP =
  '<133>id=firewall sn=0017C5000000 time="2026-11-20 06:26:40 UTC" fw=203.0.113.2 pri=5 c=64 m=36 msg="TCP packet dropped due to policy" n=4711 src=198.51.100.23:50122:X1 dst=203.0.113.2:3389:X1 proto=tcp/3389 fw_action="drop"';
const V6 =
  'Nov 20 06:27:02 192.0.2.1 id=firewall sn=0017C5000000 time="2026-11-20 06:27:02 UTC" fw=203.0.113.2 pri=5 c=512 m=1233 msg="Unhandled link-local or multicast IPv6 packet dropped" n=52 srcV6=fe80::2 src=:5353:X0 dstV6=ff02::fb dst=:5353 proto=udp/5353 fw_action="drop"';
const IPTABLES =
  'Nov 21 06:25:01 gw kernel: [123.456] [UFW BLOCK] IN=eth0 OUT= MAC=00:16:3e:11:22:33:00:16:3e:44:55:66:08:00 SRC=203.0.113.7 DST=198.51.100.2 LEN=40 TOS=0x00 PREC=0x00 TTL=241 ID=54321 PROTO=TCP SPT=47001 DPT=23 WINDOW=1024 RES=0x00 SYN URGP=0';

function one(line: string, tz: string | null = null): FirewallEvent {
  return oneEvent(sonicwallFormat, line, { tz });
}

function malformed(line: string): string {
  return malformedReason(sonicwallFormat, line);
}

/** `line` with `key=value` put in place of the key's own pair (or added when absent), or the key removed with null. */
function withField(key: string, value: string | null, line = DROP): string {
  return withKeyValue(line, key, value);
}

describe('sonicwall: the message ids', () => {
  it('the drops are blocked, one a packet; Connection Opened and Closed are allowed connection records', () => {
    const drops = [36, 37, 38, 41, 580, 1233, 1235];
    for (const m of drops) {
      const e = one(withField('m', String(m)));
      expect([m, e.action, isConnectionRecord(e)]).toEqual([m, 'drop', false]);
    }
    for (const m of [98, 537]) {
      const e = one(withField('m', String(m), OPENED));
      expect([m, e.action, isConnectionRecord(e)]).toEqual([m, 'allow', true]);
    }
    expect([...SONICWALL_MESSAGE_IDS].sort((a, b) => a - b)).toEqual([36, 37, 38, 41, 98, 537, 580, 1233, 1235]);
  });

  it('every other message id is skipped, saying its id', () => {
    for (const m of ['30', '97', '1197', '0']) {
      const r = parseLines(sonicwallFormat, [withField('m', m)]);
      expect([r.events, r.malformed]).toEqual([[], []]);
      expect(r.skipped.map((s) => s.reason).join(), m).toContain(m);
    }
  });

  it('a drop without proto= takes its message\'s protocol; an unknown-protocol drop needs one', () => {
    expect(one(withField('proto', null)).proto).toBe('tcp');
    expect(one(withField('m', '37', withField('proto', null))).proto).toBe('udp');
    expect(one(withField('m', '38', withField('proto', null))).proto).toBe('icmp');
    expect(malformed(withField('m', '1235', withField('proto', null)))).toMatch(/proto/);
  });
});

describe('sonicwall: addresses, protocols, ICMP', () => {
  it('reads IP:PORT:IFACE, IP:PORT:IFACE:HOST and IP::IFACE', () => {
    const e = one(OPENED);
    expect([e.src, e.dst, e.inIface, e.proto, e.ipVersion]).toEqual([{ ip: '203.0.113.7', port: 41234 }, { ip: '192.168.1.10', port: 23 }, 'X1', 'tcp', 4]);
    const host = one(withField('dst', '192.168.1.10:23:X0:nas.example', OPENED));
    expect([host.dst, host.outIface]).toEqual([{ ip: '192.168.1.10', port: 23 }, 'X0']);
    const noPort = one(withField('src', '198.51.100.23::X1'));
    expect([noPort.src, noPort.inIface]).toEqual([{ ip: '198.51.100.23', port: null }, 'X1']);
  });

  it('IPv6: the addresses in srcV6=/dstV6=, the ports and interface in src=:PORT:IFACE', () => {
    const e = one(V6);
    expect([e.src, e.dst, e.inIface, e.proto, e.ipVersion, e.host]).toEqual([{ ip: 'fe80::2', port: 5353 }, { ip: 'ff02::fb', port: 5353 }, 'X0', 'udp', 6, '192.0.2.1']);
  });

  it('proto= as name/service, name/port, a bare name; icmp over IPv6 is icmpv6', () => {
    expect(one(withField('proto', 'udp/dns')).proto).toBe('udp');
    expect(one(withField('proto', 'tcp/3389')).proto).toBe('tcp');
    expect(one(withField('proto', 'tcp')).proto).toBe('tcp');
    expect(one(withField('m', '38', withField('proto', 'icmp'))).proto).toBe('icmp');
    expect(one(withField('proto', 'icmp', V6)).proto).toBe('icmpv6');
  });

  it('ICMP type with icode=, the older code= and SonicOS 7 icmpCode=; no ports', () => {
    const icmp = (extra: string) => one(`${withField('m', '38', withField('proto', 'icmp'))} ${extra}`);
    for (const extra of ['type=3 icode=3', 'type=3 code=3', 'type=3 icmpCode=3']) {
      const e = icmp(extra);
      expect([extra, e.icmp?.type, e.icmp?.code, e.src.port, e.dst.port]).toEqual([extra, 3, 3, null, null]);
    }
    expect(icmp('type=8').icmp).toEqual({ type: 8, code: null, embedded: null });
  });
});

describe('sonicwall: time', () => {
  it('UTC and GMT are exact, an offset with or without a colon, a slash date', () => {
    expect(one(DROP).time?.toISOString()).toBe('2026-11-20T06:26:40.000Z');
    expect(one(withField('time', '"2026-11-20 06:26:40 GMT"')).time?.toISOString()).toBe('2026-11-20T06:26:40.000Z');
    expect(one(withField('time', '"2026-11-20 06:26:40 +0100"')).time?.toISOString()).toBe('2026-11-20T05:26:40.000Z');
    expect(one(withField('time', '"2026-11-20 06:26:40 -05:00"')).time?.toISOString()).toBe('2026-11-20T11:26:40.000Z');
    expect(one(withField('time', '"2026/11/20 06:26:40 UTC"')).time?.toISOString()).toBe('2026-11-20T06:26:40.000Z');
  });

  it('no zone: wall time in --tz; no time=: the header\'s', () => {
    expect(one(withField('time', '"2026-11-20 06:26:40"'), 'Europe/Berlin').time?.toISOString()).toBe('2026-11-20T05:26:40.000Z');
    const e = one(withField('time', null, V6), 'UTC');
    expect(e.time?.getUTCHours()).toBe(6);
    expect(e.time?.getUTCMinutes()).toBe(27);
  });

  it('a zone\'s name is wall time in --tz; noted when --tz does not bear that name, not when it does', () => {
    const read = (zone: string, tz: string): [string | undefined, ZoneNote] => {
      const note: ZoneNote = {};
      const events: FirewallEvent[] = [];
      const p = sonicwallFormat.create({ file: 't.log', refDate: TEST_REF_DATE, year: null, tz, zoneNote: note }, { event: (e) => events.push(e), skipped: () => {}, malformed: () => {} });
      p.line(withField('time', `"2026-11-20 06:26:40 ${zone}"`), 1);
      p.end();
      return [events[0]?.time?.toISOString(), note];
    };
    const [cet, cetNote] = read('CET', 'Europe/Berlin');
    expect([cet, cetNote.unmatchedZone]).toEqual(['2026-11-20T05:26:40.000Z', undefined]);
    const [est, estNote] = read('EST', 'Europe/Berlin');
    expect([est, estNote.unmatchedZone]).toEqual(['2026-11-20T05:26:40.000Z', 'EST']);
    expect(read('EST', 'America/New_York')).toEqual(['2026-11-20T11:26:40.000Z', { namedZone: 'EST' }]);
  });
});

describe('sonicwall: direction and rule', () => {
  it('to fw= in, from fw= out; by the rule\'s zones: to WAN from another zone out, the rest forward', () => {
    expect(one(DROP).direction).toBe('in');
    expect(one(withField('src', '203.0.113.2:443:X1', withField('dst', '198.51.100.23:50122:X1'))).direction).toBe('out');
    expect(one(OPENED).direction).toBe('forward');
    const lanWan = one(withField('rule', '"1 (LAN->WAN)"', withField('src', '192.168.1.20:50000:X0', withField('dst', '198.51.100.9:443:X1', OPENED))));
    expect([lanWan.direction, lanWan.outIface]).toEqual(['out', 'X1']);
    expect(one(withField('rule', '"2 (WAN->WAN)"', withField('dst', '198.51.100.9:443:X1', OPENED))).direction).toBe('forward');
    expect(one(withField('fw', null, withField('rule', null, OPENED))).direction).toBe('forward');
  });

  it('the rule label: "<rule> m=<id>", or "m=<id> <msg>" without a rule; host from sn= when no header names one', () => {
    expect(one(OPENED).rule).toBe('5 (WAN->LAN) m=98');
    expect(one(DROP).rule).toBe('m=36 TCP packet dropped due to policy');
    expect(one(withField('msg', null)).rule).toBe('m=36');
    expect(one(DROP).host).toBe('0017C5000000');
  });

  it('ECS: rule.name and rule.id, event.code and event.reason, the zones as observer ingress/egress', () => {
    const a = JSON.parse(eventToEcs(one(OPENED))) as { rule?: Record<string, string>; event: Record<string, unknown>; observer: { ingress?: { zone?: string }; egress?: { zone?: string } } };
    expect(a.rule).toMatchObject({ name: '5 (WAN->LAN)', id: '5' });
    expect(a.event.code).toBe('98');
    expect([a.observer.ingress?.zone, a.observer.egress?.zone]).toEqual(['WAN', 'LAN']);
    const b = JSON.parse(eventToEcs(one(DROP))) as { rule?: Record<string, string>; event: Record<string, unknown> };
    expect([b.event.code, b.event.reason, b.rule?.name]).toEqual(['36', 'TCP packet dropped due to policy', undefined]);
  });
});

describe('sonicwall: malformed near-misses, with their reasons', () => {
  it('says what is wrong', () => {
    const reasons = (lines: string[]) => lines.map((l) => parseLines(sonicwallFormat, [l]).malformed.map((m) => m.reason).join());
    expect(
      reasons([
        withField('dst', '203.0.113.2:70000:X1'),
        withField('src', 'N/A'),
        withField('src', null),
        withField('dst', null),
        withField('dstV6', 'ff02::fb', withField('dst', ':3389:X1')),
        withField('srcV6', 'fe80::zz', V6),
        withField('time', '"2026-02-30 06:26:40 UTC"'),
        withField('time', '"2026-11-20 06:26:40 +2500"'),
        withField('time', '"20 Nov 2026 06:26:40"'),
        withField('m', 'x36'),
        withField('m', null),
        DROP.slice(0, DROP.indexOf('policy')),
      ]),
    ).toEqual([
      "dst: invalid port '70000'",
      "src: invalid address 'N/A'",
      'src: missing',
      'dst: missing',
      'dst: address family differs from src',
      "srcV6: invalid address 'fe80::zz'",
      'time: impossible date (Feb 30)',
      'time: impossible UTC offset',
      "time: invalid '20 Nov 2026 06:26:40'",
      'm: not a number',
      // Without ` m=` the line is no SonicOS record at all (sonicwallAt): not malformed.
      '',
      'msg: unclosed "',
    ]);
  });
});

describe('sonicwall: message names', () => {
  it('signatures/sonicwall-messages.json names every id the parser reads, in both languages', () => {
    const kb = loadKnowledge();
    expect(kb.messages('sonicwallMessages').map((m) => Number(m.id)).sort((a, b) => a - b)).toEqual([...SONICWALL_MESSAGE_IDS].sort((a, b) => a - b));
    for (const m of kb.messages('sonicwallMessages')) {
      expect(m.name.zh, m.id).toMatch(/[\u4e00-\u9fff]/);
      expect(m.text.en, m.id).toMatch(/^[A-Z].*\.$/);
    }
    expect(kb.message('sonicwallMessages', '36')!.name).toEqual({ en: 'TCP packet dropped', zh: 'TCP 包被丢弃' });
  });
});

describe('sonicwall: sniffing and mixed files', () => {
  it('its own logs sniff as sonicwall with high confidence', () => {
    expectOwnLogsSniffAs(FIXTURES, ['events.log', 'sample/tz370.log'], 'sonicwall', 0.8);
  });

  it('no sample and no corpus file looks like a SonicWall log', () => {
    expectNoSampleOrCorpusSniffsAs(sonicwallFormat);
  });

  it('a loghost file of iptables and SonicWall lines: each line is read by its own payload, whichever format the file is read as', () => {
    const lines = [IPTABLES, DROP.replace('<133>', 'Nov 20 06:26:40 192.0.2.1 '), IPTABLES, V6];
    for (const f of [iptablesFormat, sonicwallFormat]) {
      const r = parseLines(f, lines);
      expect(r.malformed).toEqual([]);
      expect(r.events.map((e) => e.format)).toEqual(['iptables', 'sonicwall', 'iptables', 'sonicwall']);
    }
    expect(payloadKind(DROP, 5, DROP.length)).toBe('sonicwall');
    expect(payloadKind(IPTABLES, 0, IPTABLES.length)).toBe('iptables');
  });
});

describe('sonicwall: the sample log', () => {
  it('is what make-sample.mjs writes, and reads with nothing malformed', () => {
    const text = generatedSample(FIXTURES, 'sample/tz370.log');
    const r = parseLines(sonicwallFormat, splitLines(text));
    expect(r.malformed).toEqual([]);
    expect(r.skipped).toHaveLength(12);
    expect(r.events).toHaveLength(360);
    const by = (k: (e: FirewallEvent) => string) => countBy(r.events, k);
    expect(by((e) => e.action)).toEqual({ drop: 240, allow: 120 });
  });
});
