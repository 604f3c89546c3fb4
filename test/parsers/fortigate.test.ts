// The FortiGate traffic log parser, one behaviour per test; the golden fixture
// (test/fixtures/fortigate/traffic.log) covers a whole file.
import { describe, expect, it } from 'vitest';
import type { FirewallEvent } from '../../src/event.js';
import { isConnectionRecord } from '../../src/parsers/connection-records.js';
import { fortigateFormat } from '../../src/parsers/fortigate.js';
import { iptablesFormat } from '../../src/parsers/iptables.js';
import { payloadKind } from '../../src/parsers/payload-dispatch.js';
import { eventToEcs } from '../../src/render/event-json.js';
import { parseLines, splitLines } from '../helpers/parse.js';
import { countBy, expectNoSampleOrCorpusSniffsAs, expectOwnLogsSniffAs, generatedSample, malformedReason, oneEvent, withKeyValue } from '../helpers/format-tests.js';

const FIXTURES = new URL('../fixtures/fortigate/', import.meta.url).pathname;

// A forward deny by the implicit deny, as FortiOS 7.x writes it (2026-11-20 06:25:01 +0100).
const DENY =
  '<189>date=2026-11-20 time=06:25:01 devname="FGT60F" devid="FGT60FTK0000000" eventtime=1795152301123456789 tz="+0100" logid="0000000013" type="traffic" subtype="forward" level="notice" vd="root" srcip=203.0.113.7 srcport=41234 srcintf="wan1" srcintfrole="wan" dstip=192.168.1.10 dstport=23 dstintf="internal" dstintfrole="lan" sessionid=1234 proto=6 action="deny" policyid=0 policytype="policy" service="TELNET" trandisp="noop" duration=0 sentbyte=0 rcvdbyte=0 sentpkt=0 appcat="unscanned" crscore=30 craction=131072 crlevel="high"';
const INSTANT = '2026-11-20T05:25:01.123Z';
const IPTABLES =
  'Nov 21 06:25:01 gw kernel: [123.456] [UFW BLOCK] IN=eth0 OUT= MAC=00:16:3e:11:22:33:00:16:3e:44:55:66:08:00 SRC=203.0.113.7 DST=198.51.100.2 LEN=40 TOS=0x00 PREC=0x00 TTL=241 ID=54321 PROTO=TCP SPT=47001 DPT=23 WINDOW=1024 RES=0x00 SYN URGP=0';

function one(line: string, tz: string | null = null): FirewallEvent {
  return oneEvent(fortigateFormat, line, { tz });
}

function malformed(line: string): string {
  return malformedReason(fortigateFormat, line);
}

/** DENY with `key=value` put in place of the key's own pair (or added when absent), or the key removed with null. */
function withField(key: string, value: string | null, line = DENY): string {
  return withKeyValue(line, key, value);
}

describe('fortigate: reading a traffic record', () => {
  it('reads the addresses, ports, protocol, interfaces, device name and eventtime', () => {
    const e = one(DENY);
    expect([e.time?.toISOString(), e.host, e.format, e.proto, e.ipVersion]).toEqual([INSTANT, 'FGT60F', 'fortigate', 'tcp', 4]);
    expect([e.src, e.dst]).toEqual([{ ip: '203.0.113.7', port: 41234 }, { ip: '192.168.1.10', port: 23 }]);
    expect([e.inIface, e.outIface, e.rule]).toEqual(['wan1', 'internal', 'policy 0 wan->lan']);
    // A session record says nothing of flags: unknown, never a NULL scan's [].
    expect([e.tcpFlags, e.len, e.ttl]).toEqual([null, null, null]);
  });

  it('deny, block and drop are drops; accept and every way a session ends are allowed; another status is other', () => {
    const action = (a: string) => one(withField('action', `"${a}"`)).action;
    for (const a of ['deny', 'block', 'drop']) expect(action(a), a).toBe('drop');
    for (const a of ['accept', 'close', 'timeout', 'client-rst', 'server-rst', 'dns', 'ip-conn']) expect(action(a), a).toBe('allow');
    expect(action('perf-stats')).toBe('other');
  });

  it('an allowed session is a connection record, a deny a packet', () => {
    expect(isConnectionRecord(one(withField('action', '"close"')))).toBe(true);
    expect(isConnectionRecord(one(DENY))).toBe(false);
  });

  it('direction: local is to the FortiGate itself; lan or dmz to wan goes out; the rest is forwarded', () => {
    const dir = (subtype: string, from: string, to: string) =>
      one(withField('dstintfrole', `"${to}"`, withField('srcintfrole', `"${from}"`, withField('subtype', `"${subtype}"`)))).direction;
    expect(dir('local', 'wan', 'undefined')).toBe('in');
    expect(dir('local', 'lan', 'undefined')).toBe('in');
    expect(dir('forward', 'lan', 'wan')).toBe('out');
    expect(dir('forward', 'dmz', 'wan')).toBe('out');
    expect(dir('forward', 'wan', 'lan')).toBe('forward');
    expect(dir('forward', 'wan', 'dmz')).toBe('forward');
    expect(dir('forward', 'lan', 'dmz')).toBe('forward');
    expect(dir('multicast', 'undefined', 'undefined')).toBe('forward');
    expect(dir('sniffer', 'undefined', 'undefined')).toBe('forward');
  });

  it('traffic to the FortiGate names no out interface when dstintf is its vdom or unknown0', () => {
    const local = withField('subtype', '"local"');
    expect(one(withField('dstintf', '"root"', local)).outIface).toBeNull();
    expect(one(withField('dstintf', '"unknown-0"', local)).outIface).toBeNull();
    expect(one(withField('dstintf', '"loop1"', local)).outIface).toBe('loop1');
  });

  it('the rule is the policy type, id, name and the roles; the name may hold spaces and escaped quotes', () => {
    const named = withField('policyname', '"Block \\"IRC\\" out"', withField('policyid', '7'));
    expect(one(named).rule).toBe('policy 7 "Block \\"IRC\\" out" wan->lan');
    expect(one(withField('srcintfrole', '"undefined"', withField('dstintfrole', '"undefined"'))).rule).toBe('policy 0');
    expect(one(withField('policytype', '"local-in-policy"', withField('dstintfrole', null))).rule).toBe('local-in-policy 0 wan->-');
  });

  it('eventtime in seconds, milliseconds, microseconds or nanoseconds is the same instant', () => {
    for (const t of ['1795152301', '1795152301123', '1795152301123456', '1795152301123456789']) {
      expect(one(withField('eventtime', t)).time?.toISOString(), t).toBe(t.length === 10 ? '2026-11-20T05:25:01.000Z' : INSTANT);
    }
  });

  it('without eventtime: date and time in tz, else in --tz; without any, the syslog header', () => {
    const noEvent = withField('eventtime', null);
    expect(one(noEvent).time?.toISOString()).toBe('2026-11-20T05:25:01.000Z');
    expect(one(withField('tz', '"-05:00"', noEvent)).time?.toISOString()).toBe('2026-11-20T11:25:01.000Z');
    expect(one(withField('tz', null, noEvent), 'Asia/Tokyo').time?.toISOString()).toBe('2026-11-19T21:25:01.000Z');
    const bare = withField('date', null, withField('time', null, withField('tz', null, noEvent))).replace('<189>', '<189>2026-11-21T10:00:00Z relay ');
    expect(one(bare).time?.toISOString()).toBe('2026-11-21T10:00:00.000Z');
  });

  it("FortiAnalyzer's tz (`UTC-5:00`, written first, before the device's own) is an offset too", () => {
    const noEvent = withField('eventtime', null);
    const forwarded = (tz: string): string => noEvent.replace('<189>', `<189>timestamp=1795152301 tz="${tz}" `);
    expect(one(forwarded('UTC+1:00')).time?.toISOString()).toBe('2026-11-20T05:25:01.000Z');
    expect(one(forwarded('UTC-5:00')).time?.toISOString()).toBe('2026-11-20T11:25:01.000Z');
    expect(one(forwarded('UTC+05:30')).time?.toISOString()).toBe('2026-11-20T00:55:01.000Z');
    expect(one(forwarded('UTC+10')).time?.toISOString()).toBe('2026-11-19T20:25:01.000Z');
    expect(malformed(forwarded('UTC+1:0'))).toBe("tz: invalid 'UTC+1:0'");
    expect(malformed(forwarded('UTC+25:00'))).toBe('tz: impossible UTC offset');
    expect(malformed(forwarded('UTC'))).toBe("tz: invalid 'UTC'");
  });

  it('ICMP types and codes as FortiOS logs them (hex) or in decimal; no ports', () => {
    const ping = withField('proto', '1', withField('icmptype', '0x08', withField('icmpcode', '0x00', withField('srcport', null, withField('dstport', null)))));
    const e = one(ping);
    expect([e.proto, e.icmp?.type, e.icmp?.code, e.src.port, e.dst.port]).toEqual(['icmp', 8, 0, null, null]);
    expect(one(withField('icmptype', '3', withField('icmpcode', '13', ping))).icmp).toEqual({ type: 3, code: 13, embedded: null });
    expect(one(withField('icmptype', null, withField('icmpcode', null, ping))).icmp).toEqual({ type: null, code: null, embedded: null });
  });

  it('without icmptype, the type and code of a service named icmp6/T/C or icmp/T/C; any other service says none', () => {
    const bare = withField('icmptype', null, withField('icmpcode', null, withField('proto', '58', withField('srcport', null, withField('dstport', null)))));
    const v6 = withField('srcip', '2001:db8:beef::9', withField('dstip', '2001:db8:10::20', bare));
    expect(one(withField('service', '"icmp6/1/0"', v6)).icmp).toEqual({ type: 1, code: 0, embedded: null });
    expect(one(withField('service', '"icmp6/135/0"', v6)).icmp).toEqual({ type: 135, code: 0, embedded: null });
    const v4 = withField('proto', '1', bare);
    expect(one(withField('service', '"icmp/3/13"', v4)).icmp).toEqual({ type: 3, code: 13, embedded: null });
    // The other family's prefix, a named service, a type out of range, no code: nothing guessed.
    expect(one(withField('service', '"icmp6/1/0"', v4)).icmp).toEqual({ type: null, code: null, embedded: null });
    expect(one(withField('service', '"PING"', v4)).icmp).toEqual({ type: null, code: null, embedded: null });
    expect(one(withField('service', '"icmp/300/0"', v4)).icmp).toEqual({ type: null, code: null, embedded: null });
    expect(one(withField('service', '"icmp/8"', v4)).icmp).toEqual({ type: 8, code: null, embedded: null });
    expect(one(withField('service', '"icmp/8/x"', v4)).icmp).toEqual({ type: 8, code: null, embedded: null });
    // icmptype logged wins over the service.
    expect(one(withField('icmptype', '0x08', withField('service', '"icmp/3/3"', v4))).icmp).toEqual({ type: 8, code: null, embedded: null });
  });

  it('IPv6 addresses', () => {
    const e = one(withField('srcip', '2001:db8:beef::9', withField('dstip', '2001:db8:10::20')));
    expect([e.ipVersion, e.src.ip, e.dst.ip]).toEqual([6, '2001:db8:beef::9', '2001:db8:10::20']);
  });

  it('fields it does not need are passed over, whatever they hold', () => {
    const noisy = DENY.replace(
      ' sessionid=',
      ' msg="srcip=10.9.9.9 action=\\"accept\\" said" vwlquality="Seq_num(3), alive, selected" user="" url=/a?b=c&d="e" x-odd_key-2=!!! sessionid=',
    );
    const e = one(noisy);
    expect([e.src.ip, e.action]).toEqual(['203.0.113.7', 'drop']);
  });

  it('no syslog header, <PRI> only, a BSD relay header: the same event', () => {
    const bare = DENY.replace('<189>', '');
    const relayed = DENY.replace('<189>', 'Nov 20 06:25:02 192.0.2.1 ');
    for (const l of [bare, relayed]) {
      const e = one(l);
      expect([e.time?.toISOString(), e.host, e.src.ip, e.rule]).toEqual([INSTANT, 'FGT60F', '203.0.113.7', 'policy 0 wan->lan']);
    }
    expect(one(withField('devname', null, relayed)).host).toBe('192.0.2.1');
  });
});

describe('fortigate: lines skipped and lines malformed', () => {
  it('event, utm and other log types are skipped, saying the type; a line of another program is not a record', () => {
    const r = parseLines(fortigateFormat, [
      withField('type', '"event"'),
      withField('type', 'utm'),
      'Nov 20 06:41:00 192.0.2.1 sshd[811]: Accepted publickey for admin from 192.168.1.23 port 50000 ssh2',
    ]);
    expect(r.events).toEqual([]);
    expect(r.malformed).toEqual([]);
    expect(r.skipped.map((s) => s.reason)).toEqual([
      "FortiGate log of type 'event': not a traffic record",
      "FortiGate log of type 'utm': not a traffic record",
      'not a firewall record',
    ]);
  });

  it('a FortiOS 4 traffic log (log_id=, status=, src=) is skipped saying its layout is not read; its other log types are no record', () => {
    const legacy =
      'Nov 20 06:47:00 fw date=2026-11-20 time=06:47:00 devname=FGT60E device_id=FGT60ETK00000002 log_id=0038000004 type=traffic subtype=allowed pri=notice vd=root status=deny src=203.0.113.9 src_port=40023 dst=192.168.1.10 dst_port=23 proto=6';
    const r = parseLines(fortigateFormat, [DENY, legacy, legacy.replace('type=traffic', 'type=event')]);
    expect(r.events).toHaveLength(1);
    expect(r.malformed).toEqual([]);
    expect(r.skipped.map((s) => s.reason)).toEqual(['FortiOS 4 traffic log (log_id=, status=, src=): this older layout is not read', 'not a firewall record']);
  });

  it("a session's start record (logtraffic-start) is skipped: its end record counts the session once", () => {
    const r = parseLines(fortigateFormat, [withField('action', '"start"'), withField('action', '"close"')]);
    expect(r.skipped.map((s) => s.reason)).toEqual(['FortiGate session start: its end record counts the session']);
    expect(r.events.map((e) => [e.action, isConnectionRecord(e)])).toEqual([['allow', true]]);
  });

  it('a needed field missing or unreadable is malformed, named as FortiOS names it', () => {
    expect(malformed(withField('srcip', null))).toBe('srcip: missing');
    expect(malformed(withField('dstip', 'N/A'))).toBe("dstip: invalid address 'N/A'");
    expect(malformed(withField('dstip', '2001:db8::1'))).toBe('dstip: address family differs from srcip');
    expect(malformed(withField('dstport', null))).toBe('dstport: missing');
    expect(malformed(withField('srcport', '65536'))).toBe("srcport: invalid port '65536'");
    expect(malformed(withField('proto', 'tcp'))).toBe("proto: not a protocol number 'tcp'");
    expect(malformed(withField('proto', null))).toBe('proto: missing');
    expect(malformed(withField('action', null))).toBe('action: missing');
    expect(malformed(withField('action', '""'))).toBe('action: missing');
    expect(malformed(withField('eventtime', '17951523x1'))).toBe("eventtime: invalid '17951523x1'");
    expect(malformed(withField('eventtime', null, withField('date', '2026-02-30')))).toBe('time: impossible date (Feb 30)');
    expect(malformed(withField('eventtime', null, withField('time', '25:00:00')))).toBe('time: impossible time (hour 25)');
    expect(malformed(withField('eventtime', null, withField('tz', '"CET"')))).toBe("tz: invalid 'CET'");
  });

  it('a line cut inside a quoted value is malformed: what followed the cut is gone', () => {
    expect(malformed(DENY.slice(0, DENY.indexOf('appcat="unsc') + 12))).toBe('appcat: unclosed "');
    expect(malformed(DENY.slice(0, DENY.indexOf('service="TEL') + 12))).toBe('service: unclosed "');
  });

  it('srcport may be absent (the log has none for some sessions); a port-less protocol needs none', () => {
    expect(one(withField('srcport', null)).src.port).toBeNull();
    expect(one(withField('proto', '47', withField('srcport', null, withField('dstport', null)))).proto).toBe('gre');
  });
});

describe('fortigate: ECS', () => {
  it('the policy type, id and name are rule.*; interfaces and roles are the observer ingress and egress', () => {
    const e = one(withField('policyname', '"web in"', withField('policyid', '5', withField('dstintfrole', '"dmz"', withField('dstintf', '"dmz"')))));
    const doc = JSON.parse(eventToEcs(e)) as { rule: unknown; observer: unknown; event: { action: string } };
    expect(doc.rule).toEqual({ ruleset: 'policy', id: '5', name: 'web in' });
    expect(doc.observer).toEqual({
      hostname: 'FGT60F',
      type: 'firewall',
      ingress: { interface: { name: 'wan1' }, zone: 'wan' },
      egress: { interface: { name: 'dmz' }, zone: 'dmz' },
    });
    expect(doc.event.action).toBe('drop');
  });

  it('a name with escaped quotes, a rule without roles, a local-in rule without an egress role', () => {
    const ecsRule = (line: string) => JSON.parse(eventToEcs(one(line))) as { rule: unknown; observer: { ingress?: { zone?: string }; egress?: { zone?: string } } };
    expect(ecsRule(withField('policyname', '"Block \\"IRC\\" out"')).rule).toEqual({ ruleset: 'policy', id: '0', name: 'Block "IRC" out' });
    const roleless = ecsRule(withField('srcintfrole', '"undefined"', withField('dstintfrole', '"undefined"')));
    expect([roleless.observer.ingress?.zone, roleless.observer.egress?.zone]).toEqual([undefined, undefined]);
    const local = ecsRule(withField('subtype', '"local"', withField('policytype', '"local-in-policy"', withField('dstintfrole', '"undefined"', withField('dstintf', '"root"')))));
    expect(local.rule).toEqual({ ruleset: 'local-in-policy', id: '0' });
    expect([local.observer.ingress?.zone, local.observer.egress]).toEqual(['wan', undefined]);
  });
});

describe('fortigate: sniffing and mixed files', () => {
  it('its own logs sniff as fortigate with high confidence', () => {
    expectOwnLogsSniffAs(FIXTURES, ['traffic.log', 'sample/fgt60f.log'], 'fortigate', 0.95);
  });

  it('no sample and no corpus file looks like a FortiGate log', () => {
    expectNoSampleOrCorpusSniffsAs(fortigateFormat);
  });

  it('a loghost file of iptables and FortiGate lines: each line is read by its own payload, whichever format the file is read as', () => {
    const lines = [IPTABLES, DENY.replace('<189>', 'Nov 20 06:25:01 192.0.2.1 '), IPTABLES];
    for (const f of [iptablesFormat, fortigateFormat]) {
      const r = parseLines(f, lines);
      expect(r.malformed).toEqual([]);
      expect(r.events.map((e) => e.format)).toEqual(['iptables', 'fortigate', 'iptables']);
    }
    expect(payloadKind(DENY, 5, DENY.length)).toBe('fortigate');
    expect(payloadKind(IPTABLES, 0, IPTABLES.length)).toBe('iptables');
  });
});

describe('fortigate: the sample log', () => {
  it('is what make-sample.mjs writes, and reads with nothing malformed', () => {
    const text = generatedSample(FIXTURES, 'sample/fgt60f.log');
    const r = parseLines(fortigateFormat, splitLines(text));
    expect(r.malformed).toEqual([]);
    expect(r.skipped).toHaveLength(10);
    expect(r.events).toHaveLength(375);
    const by = (k: (e: FirewallEvent) => string) => countBy(r.events, k);
    expect(by((e) => e.action)).toEqual({ drop: 250, allow: 125 });
    expect(by((e) => String(e.ipVersion))).toEqual({ 4: 350, 6: 25 });
  });
});
