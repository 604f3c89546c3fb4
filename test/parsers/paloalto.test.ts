// The PAN-OS traffic log parser, one behaviour per test; the golden fixture
// (test/fixtures/paloalto/traffic.log) covers a whole file.
import { describe, expect, it } from 'vitest';
import type { FirewallEvent } from '../../src/event.js';
import { isConnectionRecord } from '../../src/parsers/connection-records.js';
import { paloaltoFormat } from '../../src/parsers/paloalto.js';
import { iptablesFormat } from '../../src/parsers/iptables.js';
import { payloadKind } from '../../src/parsers/payload-dispatch.js';
import { formats, sniffFormat } from '../../src/parsers/registry.js';
import { eventToEcs } from '../../src/render/event-json.js';
import { isEgress } from '../../src/util/egress.js';
import { parseLines, splitLines } from '../helpers/parse.js';
import { countBy, expectNoSampleOrCorpusSniffsAs, expectOwnLogsSniffAs, generatedSample, malformedReason, oneEvent } from '../helpers/format-tests.js';

const FIXTURES = new URL('../fixtures/paloalto/', import.meta.url).pathname;

const HEADER = '<14>Nov 20 06:25:01 PA-3220 ';
// A drop by interzone-default from the Internet into trust, as PAN-OS 10.x writes it (06:25:01 in Europe/Berlin).
const RECORD =
  '1,2026/11/20 06:25:01,012801000000,TRAFFIC,drop,2561,2026/11/20 06:25:01,203.0.113.7,192.168.1.10,0.0.0.0,0.0.0.0,interzone-default,,,not-applicable,vsys1,untrust,trust,ethernet1/1,,Log-Forwarding,2026/11/20 06:25:01,0,1,41234,23,0,0,0x0,tcp,deny,60,60,0,1,2026/11/20 06:25:01,0,any,0,7300000001,0x0,Netherlands,192.168.0.0-192.168.255.255,0,1,0,policy-deny,0,0,0,0,,PA-3220,from-policy,,,0,,0,,N/A,0,0,0,0';
const DROP = HEADER + RECORD;
const INSTANT = '2026-11-20T05:25:01.000Z';
const IPTABLES =
  'Nov 21 06:25:01 gw kernel: [123.456] [UFW BLOCK] IN=eth0 OUT= MAC=00:16:3e:11:22:33:00:16:3e:44:55:66:08:00 SRC=203.0.113.7 DST=198.51.100.2 LEN=40 TOS=0x00 PREC=0x00 TTL=241 ID=54321 PROTO=TCP SPT=47001 DPT=23 WINDOW=1024 RES=0x00 SYN URGP=0';

function one(line: string, tz: string | null = 'Europe/Berlin'): FirewallEvent {
  return oneEvent(paloaltoFormat, line, { tz });
}

function malformed(line: string): string {
  return malformedReason(paloaltoFormat, line, { tz: 'Europe/Berlin' });
}

function skipped(line: string): string {
  const r = parseLines(paloaltoFormat, [line], { tz: 'Europe/Berlin' });
  expect([r.events, r.malformed]).toEqual([[], []]);
  return r.skipped[0]!.reason;
}

/** DROP with column k (Palo Alto's numbering from 0) set to `value` (written as given: quote it yourself). */
function col(k: number, value: string, line = DROP): string {
  const head = line.slice(0, line.indexOf(' 1,') + 1);
  const cols = line.slice(head.length).split(',');
  cols[k] = value;
  return head + cols.join(',');
}

const SUBTYPE = 4;
const SRC = 7;
const DST = 8;
const RULE = 11;
const FROM = 16;
const TO = 17;
const IN = 18;
const OUT = 19;
const REPEAT = 23;
const SPORT = 24;
const DPORT = 25;
const PROTO = 29;
const ACTION = 30;

describe('paloalto: reading a traffic record', () => {
  it('reads the addresses, ports, protocol, interfaces, header host and Generated Time', () => {
    const e = one(DROP);
    expect([e.time?.toISOString(), e.yearInferred, e.host, e.format, e.proto, e.ipVersion]).toEqual([INSTANT, false, 'PA-3220', 'paloalto', 'tcp', 4]);
    expect([e.src, e.dst]).toEqual([{ ip: '203.0.113.7', port: 41234 }, { ip: '192.168.1.10', port: 23 }]);
    expect([e.inIface, e.outIface, e.rule, e.count]).toEqual(['ethernet1/1', null, 'interzone-default untrust->trust', 1]);
    // A session record says nothing of flags: unknown, never a NULL scan's [].
    expect([e.tcpFlags, e.len, e.ttl]).toEqual([null, null, null]);
  });

  it('allow is allowed; deny, drop, drop-icmp, drop-all-packets are drops; a reset sent is a reject; another action is other', () => {
    const action = (a: string) => one(col(ACTION, a)).action;
    expect(action('allow')).toBe('allow');
    for (const a of ['deny', 'drop', 'drop-icmp', 'drop-all-packets']) expect(action(a), a).toBe('drop');
    for (const a of ['reset-client', 'reset-server', 'reset-both']) expect(action(a), a).toBe('reject');
    expect(action('sinkhole')).toBe('other');
  });

  it('an allowed session is a connection record, a drop or a reset a packet', () => {
    expect(isConnectionRecord(one(col(ACTION, 'allow', col(SUBTYPE, 'end'))))).toBe(true);
    expect(isConnectionRecord(one(DROP))).toBe(false);
    expect(isConnectionRecord(one(col(ACTION, 'reset-both', col(SUBTYPE, 'deny'))))).toBe(false);
  });

  it("a session's start record is skipped: its end record counts the session once", () => {
    const start = col(ACTION, 'allow', col(SUBTYPE, 'start'));
    const end = col(ACTION, 'allow', col(SUBTYPE, 'end'));
    const r = parseLines(paloaltoFormat, [start, end], { tz: 'UTC' });
    expect(r.events.map((e) => e.origin.line)).toEqual([2]);
    expect(r.skipped).toEqual([{ line: 1, reason: 'PAN-OS session start: its end record counts the session' }]);
  });

  it('direction only from the default zone names: untrust → trust in, trust → untrust out, anything else none', () => {
    const dir = (from: string, to: string) => one(col(TO, to, col(FROM, from))).direction;
    expect(dir('untrust', 'trust')).toBe('in');
    expect(dir('Untrust', 'Trust')).toBe('in');
    expect(dir('trust', 'untrust')).toBe('out');
    expect(dir('untrust', 'dmz')).toBeNull();
    expect(dir('trust', 'trust')).toBeNull();
    expect(dir('untrust', 'untrust')).toBeNull();
    expect(dir('bdr-untrust', 'bdr-trust')).toBeNull();
    expect(dir('outside', 'inside')).toBeNull();
  });

  it('without a direction the addresses (--home-net) say which side a session came from', () => {
    const out = one(col(ACTION, 'allow', col(SRC, '192.168.1.23', col(DST, '198.51.100.80', col(TO, 'wan', col(FROM, 'lan'))))));
    expect([out.direction, isEgress(out)]).toEqual([null, true]);
    const inbound = one(col(TO, 'lan', col(FROM, 'wan')));
    expect([inbound.direction, isEgress(inbound)]).toEqual([null, false]);
  });

  it('the rule is the rule name and the zones; a name with spaces, commas or quotes is quoted; none is -', () => {
    expect(one(col(RULE, 'allow-web-out')).rule).toBe('allow-web-out untrust->trust');
    expect(one(col(RULE, 'block IRC')).rule).toBe('"block IRC" untrust->trust');
    expect(one(col(RULE, '"web, ""in"""')).rule).toBe('"web, \\"in\\"" untrust->trust');
    expect(one(col(RULE, '')).rule).toBe('- untrust->trust');
    expect(one(col(TO, '', col(FROM, 'L3 Outside'))).rule).toBe('interzone-default "L3 Outside"->-');
  });

  it('the repeat count is the count (0 or empty: one record), times a syslog repeat', () => {
    expect(one(col(REPEAT, '7')).count).toBe(7);
    expect(one(col(REPEAT, '0')).count).toBe(1);
    expect(one(col(REPEAT, '')).count).toBe(1);
    expect(one(`Nov 20 06:25:02 relay message repeated 2 times: [ ${col(REPEAT, '3', RECORD)} ]`).count).toBe(6);
  });

  it('Generated Time is read in --tz (the machine zone without it); the header time is not used', () => {
    expect(one(DROP, 'Asia/Tokyo').time?.toISOString()).toBe('2026-11-19T21:25:01.000Z');
    expect(one(DROP, 'UTC').time?.toISOString()).toBe('2026-11-20T06:25:01.000Z');
    const later = DROP.replace('Nov 20 06:25:01', 'Nov 21 10:00:00');
    expect(one(later).time?.toISOString()).toBe(INSTANT);
  });

  it('ICMP and ICMPv6 have no ports and no type in this log; GRE neither', () => {
    const ping = one(col(PROTO, 'icmp', col(SPORT, '0', col(DPORT, '0'))));
    expect([ping.proto, ping.src.port, ping.dst.port, ping.icmp]).toEqual(['icmp', null, null, { type: null, code: null, embedded: null }]);
    const v6 = one(col(PROTO, 'ipv6-icmp', col(SRC, '2001:db8::7', col(DST, '2001:db8:10::1'))));
    expect([v6.proto, v6.ipVersion, v6.dst.port]).toEqual(['icmpv6', 6, null]);
    const gre = one(col(PROTO, 'gre', col(DPORT, '')));
    expect([gre.proto, gre.icmp, gre.dst.port]).toEqual(['gre', null, null]);
  });

  it('IPv6 addresses', () => {
    const e = one(col(SRC, '2001:db8:beef::9', col(DST, '2001:db8:10::20')));
    expect([e.ipVersion, e.src.ip, e.dst.ip]).toEqual([6, '2001:db8:beef::9', '2001:db8:10::20']);
  });

  it('columns it does not need are passed over, whatever they hold; a record may end at the action', () => {
    const odd = col(12, '"CORP\\svc, backup"', col(14, '"app, ""odd"""', col(31, 'N/A', col(35, '', col(37, '"any, really"')))));
    expect([one(odd).src.ip, one(odd).action, one(odd).rule]).toEqual(['203.0.113.7', 'drop', 'interzone-default untrust->trust']);
    const short = DROP.slice(0, DROP.indexOf(',deny,') + 5);
    expect(one(short).action).toBe('drop');
    const longer = `${DROP},2026-11-20T06:25:01.123+01:00,,,,extra`;
    expect(one(longer).dst.port).toBe(23);
  });

  it('no syslog header, an RFC 5424 header, a BSD header without a host name: the same event, the serial as host without a header host', () => {
    const cases: [string, string][] = [
      [RECORD, '012801000000'],
      [`<14>1 2026-11-20T06:25:01+01:00 PA-3220 - - - - ${RECORD}`, 'PA-3220'],
      [`Nov 20 06:25:01 ${RECORD}`, '012801000000'],
      [`Nov 20 06:25:01 192.0.2.1 ${RECORD}`, '192.0.2.1'],
    ];
    for (const [l, host] of cases) {
      const e = one(l);
      expect([e.time?.toISOString(), e.host, e.src.ip, e.rule]).toEqual([INSTANT, host, '203.0.113.7', 'interzone-default untrust->trust']);
    }
  });
});

describe('paloalto: lines skipped and lines malformed', () => {
  it('THREAT, SYSTEM, CONFIG, GLOBALPROTECT and other types are skipped, saying the type; a line of another program is not a record', () => {
    for (const t of ['THREAT', 'SYSTEM', 'CONFIG', 'GLOBALPROTECT', 'USERID', 'HIPMATCH']) {
      expect(skipped(col(3, t))).toBe(`PAN-OS log of type '${t}': not a TRAFFIC record`);
    }
    expect(skipped('<14>Nov 20 06:41:00 PA-3220 1,2026/11/20 06:41:00,012801000000,SYSTEM,general,0,2026/11/20 06:41:00,,general')).toMatch(/SYSTEM/);
    expect(skipped('Nov 20 06:41:00 PA-3220 sshd[811]: Accepted publickey for admin from 192.168.1.23 port 50000 ssh2')).toBe('not a firewall record');
    expect(skipped('Nov 20 06:41:00 PA-3220 1,2026/11/20,TRAFFIC')).toBe('not a firewall record');
  });

  it('a needed column missing or unreadable is malformed, named as Palo Alto names it', () => {
    expect(malformed(col(SRC, ''))).toBe('Source Address: missing');
    expect(malformed(col(DST, 'N/A'))).toBe("Destination Address: invalid address 'N/A'");
    expect(malformed(col(DST, '2001:db8::1'))).toBe('Destination Address: address family differs from Source Address');
    expect(malformed(col(DPORT, ''))).toBe('Destination Port: missing');
    expect(malformed(col(SPORT, '65536'))).toBe("Source Port: invalid port '65536'");
    expect(malformed(col(PROTO, ''))).toBe('Protocol: missing');
    expect(malformed(col(ACTION, ''))).toBe('Action: missing');
    expect(malformed(col(REPEAT, 'x'))).toBe("Repeat Count: invalid 'x'");
    expect(malformed(col(6, '2026/02/30 06:25:01'))).toBe('time: impossible date (Feb 30)');
    expect(malformed(col(6, '2026/11/20 25:00:00'))).toBe('time: impossible time (hour 25)');
    expect(malformed(col(6, '2026-11-20T06:25:01'))).toBe("Generated Time: invalid '2026-11-20T06:25:01'");
    expect(malformed(col(6, ''))).toBe('Generated Time: missing');
  });

  it('a line cut before its action, or inside a quoted value, is malformed: the verdict is gone', () => {
    expect(malformed(DROP.slice(0, DROP.indexOf(',tcp,deny')))).toBe('truncated: the line ends before Protocol (cut off by the syslog daemon?)');
    expect(malformed(DROP.slice(0, DROP.indexOf(',deny,')))).toBe('truncated: the line ends before Action (cut off by the syslog daemon?)');
    const quoted = col(RULE, '"web, in"');
    expect(malformed(quoted.slice(0, quoted.indexOf('web, in') + 5))).toBe('Rule Name: unclosed "');
  });

  it('the source port may be empty; a port-less protocol needs none', () => {
    expect(one(col(SPORT, '')).src.port).toBeNull();
    expect(one(col(PROTO, 'esp', col(SPORT, '', col(DPORT, '')))).proto).toBe('esp');
  });
});

describe('paloalto: ECS', () => {
  it('the rule name is rule.name; interfaces and zones are the observer ingress and egress', () => {
    const e = one(col(ACTION, 'allow', col(RULE, 'DMZ web in', col(TO, 'dmz', col(OUT, 'ethernet1/3')))));
    const doc = JSON.parse(eventToEcs(e)) as { rule: unknown; observer: unknown; event: { action: string; type: string[] }; network: { direction?: string } };
    expect(doc.rule).toEqual({ name: 'DMZ web in' });
    expect(doc.observer).toEqual({
      hostname: 'PA-3220',
      type: 'firewall',
      ingress: { interface: { name: 'ethernet1/1' }, zone: 'untrust' },
      egress: { interface: { name: 'ethernet1/3' }, zone: 'dmz' },
    });
    expect([doc.event.action, doc.event.type]).toEqual(['allow', ['connection', 'allowed']]);
    // A device between networks: the perimeter's view, from the addresses.
    expect(doc.network.direction).toBe('inbound');
  });

  it('a quoted name with a quote, a rule without a name, a zone left empty', () => {
    const ecs = (line: string) => JSON.parse(eventToEcs(one(line))) as { rule?: unknown; observer: { ingress?: { zone?: string }; egress?: { zone?: string } } };
    expect(ecs(col(RULE, '"say ""hi"", out"')).rule).toEqual({ name: 'say "hi", out' });
    const nameless = ecs(col(RULE, ''));
    expect([nameless.rule, nameless.observer.ingress?.zone, nameless.observer.egress?.zone]).toEqual([undefined, 'untrust', 'trust']);
    const zoneless = ecs(col(FROM, '', col(IN, '')));
    expect([zoneless.observer.ingress, zoneless.observer.egress?.zone]).toEqual([undefined, 'trust']);
    expect(ecs(col(FROM, 'L3 "Out"->x')).observer.ingress?.zone).toBe('L3 "Out"->x');
  });
});

describe('paloalto: sniffing and mixed files', () => {
  it('its own logs sniff as paloalto with high confidence, and every format example as its own format', () => {
    expectOwnLogsSniffAs(FIXTURES, ['traffic.log', 'sample/pa440.log'], 'paloalto', 0.95);
    for (const f of formats) {
      if (f.id === 'paloalto') continue;
      expect([f.id, paloaltoFormat.sniff(f.examples)]).toEqual([f.id, 0]);
    }
    expect(sniffFormat(paloaltoFormat.examples).format?.id).toBe('paloalto');
  });

  it('no sample and no corpus file looks like a PAN-OS log', () => {
    expectNoSampleOrCorpusSniffsAs(paloaltoFormat);
  });

  it('a loghost file of iptables and PAN-OS lines: each line is read by its own payload, whichever format the file is read as', () => {
    const lines = [IPTABLES, DROP, IPTABLES];
    for (const f of [iptablesFormat, paloaltoFormat]) {
      const r = parseLines(f, lines);
      expect(r.malformed).toEqual([]);
      expect(r.events.map((e) => e.format)).toEqual(['iptables', 'paloalto', 'iptables']);
    }
    expect(payloadKind(DROP, HEADER.length, DROP.length)).toBe('paloalto');
    expect(payloadKind(IPTABLES, 0, IPTABLES.length)).toBe('iptables');
  });
});

describe('paloalto: the sample log', () => {
  it('is what make-sample.mjs writes, and reads with nothing malformed', () => {
    const text = generatedSample(FIXTURES, 'sample/pa440.log');
    const r = parseLines(paloaltoFormat, splitLines(text), { tz: 'Europe/Berlin' });
    expect(r.malformed).toEqual([]);
    expect(r.skipped).toHaveLength(28);
    expect(r.events).toHaveLength(375);
    const by = (k: (e: FirewallEvent) => string) => countBy(r.events, k);
    expect(by((e) => e.action)).toEqual({ drop: 242, allow: 125, reject: 8 });
    expect(by((e) => String(e.ipVersion))).toEqual({ 4: 350, 6: 25 });
    expect(r.events.filter(isConnectionRecord)).toHaveLength(125);
  });
});
