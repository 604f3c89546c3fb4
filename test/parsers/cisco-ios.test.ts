// Cisco IOS access-list logging: what the sniffer, the dispatcher, the log-gap test and the
// ECS rule fields make of its lines (the forms themselves: test/fixtures/cisco-ios/forms.log).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ciscoIosFormat } from '../../src/parsers/cisco-ios.js';
import { iptablesFormat } from '../../src/parsers/iptables.js';
import { lostRecords } from '../../src/parsers/log-gaps.js';
import { formats, ruleFields, sniffFormat } from '../../src/parsers/registry.js';
import { parseLines, splitLines } from '../helpers/parse.js';
import { messages } from '../../src/i18n/messages.js';

const H = 'Nov 20 06:25:01 192.0.2.1 000123: *Nov 20 06:25:01.123: ';
const FORMS = splitLines(readFileSync('test/fixtures/cisco-ios/forms.log', 'utf8'));

describe('cisco-ios sniffing', () => {
  it('picks cisco-ios with high confidence on its own log, and on one ACL line among other router messages', () => {
    const own = sniffFormat(FORMS);
    expect(own.format?.id).toBe('cisco-ios');
    expect(own.confidence).toBeGreaterThan(0.9);
    const chatter = Array.from({ length: 30 }, (_, i) => `${H}%LINK-3-UPDOWN: Interface GigabitEthernet0/${i}, changed state to up`);
    const mixed = sniffFormat([...chatter, `${H}%SEC-6-IPACCESSLOGP: list 101 denied tcp 203.0.113.7(41234) -> 192.168.1.10(23), 1 packet`]);
    expect(mixed.format?.id).toBe('cisco-ios');
    expect(mixed.confidence).toBeGreaterThanOrEqual(0.6);
    // Router chatter alone is no firewall log.
    expect(ciscoIosFormat.sniff(chatter)).toBe(0);
  });

  it("gives nothing to any other format's examples, and they give nothing to its own", () => {
    for (const f of formats) {
      if (f.id === 'cisco-ios') continue;
      expect(ciscoIosFormat.sniff(f.examples), f.id).toBe(0);
      expect(sniffFormat(f.examples).format?.id, f.id).not.toBe('cisco-ios');
      expect(f.sniff(ciscoIosFormat.examples), f.id).toBeLessThan(ciscoIosFormat.sniff(ciscoIosFormat.examples));
    }
  });
});

describe('cisco-ios IOS XE data-plane records (test/fixtures/cisco-ios/iosxe-fman.log)', () => {
  const lines = splitLines(readFileSync('test/fixtures/cisco-ios/iosxe-fman.log', 'utf8'));
  it('is sniffed as cisco-ios and reads the slot and process before `list`, the dash MAC and the bare ingress interface', () => {
    expect(sniffFormat(lines).format?.id).toBe('cisco-ios');
    const r = parseLines(ciscoIosFormat, lines, { tz: 'UTC', year: 2026 });
    expect(r.events.map((e) => e.rule)).toEqual(['list WAN_IN', 'list WAN_IN', 'list EDGE', 'list ICMP_IN', 'list EDGE_V4_IN', 'list EDGE_V4_IN']);
    const glued = r.events[4]!;
    expect([glued.src.ip, glued.src.port, glued.dst.ip, glued.dst.port, glued.inIface]).toEqual(['203.0.113.20', 56279, '192.0.2.20', 3389, 'TenGigabitEthernet0/1/1']);
    // The stamp after `logging origin-id`'s word is the time (UTC named, so it wins).
    expect(glued.time?.toISOString()).toBe('2026-07-11T09:35:10.802Z');
    expect(r.events[5]!.inIface).toBe('TenGigabitEthernet0/1/1');
    expect(r.malformed.map((m) => m.line)).toEqual([7, 8]);
  });

  it("the origin id before the stamp is the host when no syslog header names one; a header's host wins; sequence numbers are none", () => {
    const body = '%SEC-6-IPACCESSLOGP: list 101 denied tcp 203.0.113.7(41234) -> 192.168.1.10(23), 1 packet';
    const r = parseLines(ciscoIosFormat, [
      `<174>004105: edge-rtr-2: 004106: Jul 11 09:35:10.802 UTC: ${body}`,
      `<174>004107: 10.0.0.2: Jul 11 09:35:11.802 UTC: ${body}`,
      `Jul 11 09:35:12 192.0.2.1 004108: edge-rtr-2: 004109: Jul 11 09:35:12.802 UTC: ${body}`,
      `<174>004110: 004111: Jul 11 09:35:13.802 UTC: ${body}`,
      `<174>004112: Jul 11 09:35:14.802 UTC: ${body}`,
    ], { tz: 'UTC', year: 2026 });
    expect(r.events.map((e) => e.host)).toEqual(['edge-rtr-2', '10.0.0.2', '192.0.2.1', null, null]);
  });
});

describe('cisco-ios uptime stamps (`service timestamps log uptime`)', () => {
  it('takes no host and no time from an uptime stamp: the syslog header gives them, else there are none', () => {
    const body = '%SEC-6-IPACCESSLOGP: list 101 denied tcp 192.0.2.1(1234) -> 198.51.100.2(22), 1 packet';
    const r = parseLines(ciscoIosFormat, [
      `<189>12: 00:01:23: ${body}`,
      `<189>00:01:23: ${body}`,
      `<189>13: 1d02h: ${body}`,
      `<189>14: 2w3d: ${body}`,
      `<189>15: 00:01:23.456: ${body}`,
      `<174>16: edge-rtr: 17: 1y2w: ${body}`,
      `<189>Nov 21 10:00:00 r1 18: 00:01:23: ${body}`,
    ], { tz: 'UTC', year: 2026 });
    expect(r.malformed).toEqual([]);
    expect(r.events.map((e) => e.host)).toEqual([null, null, null, null, null, 'edge-rtr', 'r1']);
    expect(r.events.map((e) => e.time?.toISOString() ?? null)).toEqual([null, null, null, null, null, null, '2026-11-21T10:00:00.000Z']);
    expect(r.events.every((e) => e.uptime === null && e.dst.port === 22)).toBe(true);
  });
});

describe('cisco-ios in a mixed syslog file', () => {
  it("reads an IOS ACL line in a file sniffed as iptables through the dispatcher, and leaves other IOS messages skipped as before", () => {
    const r = parseLines(iptablesFormat, [
      'Nov 20 06:25:00 gw kernel: [UFW BLOCK] IN=eth0 OUT= MAC= SRC=203.0.113.5 DST=192.168.1.2 LEN=40 TOS=0x00 PREC=0x00 TTL=240 ID=1 PROTO=TCP SPT=4444 DPT=22 WINDOW=1024 RES=0x00 SYN URGP=0',
      `${H}%SEC-6-IPACCESSLOGP: list 101 denied udp 203.0.113.7(5353) -> 192.168.1.10(161), 3 packets`,
      `${H}%LINK-3-UPDOWN: Interface GigabitEthernet0/1, changed state to up`,
    ]);
    expect(r.events.map((e) => [e.format, e.proto, e.dst.port, e.count])).toEqual([
      ['iptables', 'tcp', 22, 1],
      ['cisco-ios', 'udp', 161, 3],
    ]);
    expect(r.skipped.map((s) => s.line)).toEqual([3]);
  });
});

describe('cisco-ios records', () => {
  it('the 5-minute update carries its packets as the count, times rsyslog repeats', () => {
    const r = parseLines(ciscoIosFormat, [
      `Nov 20 06:30:01 192.0.2.1 message repeated 2 times: [ 124: *Nov 20 06:30:01.004: %SEC-6-IPACCESSLOGP: list 101 denied tcp 203.0.113.7(41234) -> 192.168.1.10(23), 37 packets]`,
    ]);
    expect(r.malformed).toEqual([]);
    expect(r.events[0]!.count).toBe(74);
  });

  it('a rate-limit line is a log gap, named IPACCESSLOGRL, and no other event is one', () => {
    const r = parseLines(ciscoIosFormat, FORMS);
    const gaps = r.events.map(lostRecords).filter((g) => g !== null);
    expect(gaps).toEqual([{ records: 18, marker: 'IPACCESSLOGRL' }]);
    expect(messages('en').report.logGaps(18, 0, 1, null, gaps[0]!.marker)).toBe('the firewall could not write 18 records (1 IPACCESSLOGRL row): counts around then are low');
    expect(messages('en').follow.logGap(18, 'IPACCESSLOGRL')).toBe('log gap: the firewall could not write 18 records here (IPACCESSLOGRL)');
  });

  it('every event names no direction (the line does not say it)', () => {
    const r = parseLines(ciscoIosFormat, FORMS);
    expect(r.events.length).toBeGreaterThan(15);
    expect(new Set(r.events.map((e) => e.direction))).toEqual(new Set([null]));
  });
});

describe('cisco-ios rule fields (ECS)', () => {
  it('the access list is rule.name, an IPv6 sequence or a correlation tag rule.id, a ZBF zone-pair rule.ruleset', () => {
    expect(ruleFields('cisco-ios', 'list 101')).toEqual({ name: '101' });
    expect(ruleFields('cisco-ios', 'list ACL-IPv6-E0/0-IN seq 40')).toEqual({ name: 'ACL-IPv6-E0/0-IN', id: '40' });
    expect(ruleFields('cisco-ios', 'list INSIDE_OUT [0x723E6E12]')).toEqual({ name: 'INSIDE_OUT', id: '0x723E6E12' });
    expect(ruleFields('cisco-ios', 'zone-pair OUT-IN class class-default')).toEqual({ ruleset: 'OUT-IN', name: 'class-default' });
    expect(ruleFields('cisco-ios', 'IPACCESSLOGRL 18')).toEqual({});
    expect(ruleFields('cisco-ios', 'FW-6-SESS_AUDIT_TRAIL_START')).toEqual({});
    expect(ruleFields('cisco-ios', 'FW-6-SESS_AUDIT_TRAIL zone-pair IN-OUT class cm-web (stop)')).toEqual({ ruleset: 'IN-OUT', name: 'cm-web' });
  });
});

describe('cisco-ios shapes from published logs (test/fixtures/cisco-ios/zbf-xr.log)', () => {
  const lines = splitLines(readFileSync('test/fixtures/cisco-ios/zbf-xr.log', 'utf8'));
  const r = parseLines(ciscoIosFormat, lines, { tz: 'Europe/Berlin', refDate: new Date('2026-12-01T00:00:00Z') });
  const at = (line: number) => r.events.find((e) => e.origin.line === line)!;

  it('reads the zone-based firewall packet form, its log summary and IOS XE nested records, with the ingress interface and the zone-pair', () => {
    const pkt = at(2);
    expect([pkt.action, pkt.proto, pkt.src.ip, pkt.src.port, pkt.dst.ip, pkt.dst.port, pkt.inIface, pkt.rule]).toEqual(['drop', 'tcp', '203.0.113.40', 51000, '192.168.1.10', 445, 'GigabitEthernet0/1', 'zone-pair OUT-IN class class-default']);
    const nested = at(4);
    expect([nested.proto, nested.src.port, nested.host, nested.time?.toISOString()]).toEqual(['udp', 5353, 'edge-r2', '2026-11-02T08:02:00.500Z']);
    // A summary is one event of its N packets; without a protocol word its ports say nothing.
    expect([at(5).count, at(5).proto, at(5).dst.port, at(6).count, at(6).proto, at(6).dst.port]).toEqual([32, 'other', null, 4, 'tcp', 3389]);
    expect(r.skipped.find((k) => k.line === 7)?.reason).toBe('IOS %NAT-6-LOG_TRANSLATION: not an access-list or firewall packet message');
  });

  it("reads an inspected session's audit Start and Stop as allowed connections, the Stop marked", () => {
    expect([at(8).action, at(8).rule, at(9).rule, at(12).rule]).toEqual(['allow', 'FW-6-SESS_AUDIT_TRAIL_START', 'FW-6-SESS_AUDIT_TRAIL (stop)', 'FW-6-SESS_AUDIT_TRAIL zone-pair IN-OUT class cm-web (stop)']);
    expect([at(11).src.ip, at(11).dst.port]).toEqual(['192.168.1.31', 443]);
  });

  it('reads IOS XR ACL records: the node before the stamp, the process before the tag, the blank before its colon, the sequence number', () => {
    expect(sniffFormat(lines.filter((l) => l.includes('%ACL-IPV'))).format?.id).toBe('cisco-ios');
    const xr = at(14);
    expect([xr.action, xr.rule, xr.host, xr.time?.toISOString()]).toEqual(['drop', 'list EDGE-IN seq 30', '192.0.2.9', '2026-11-02T08:05:00.213Z']);
    const console = at(15);
    expect([console.action, console.count, console.inIface, console.icmp?.type, console.time?.toISOString()]).toEqual(['allow', 4406, 'HundredGigE0/0/0/8', 8, '2026-11-02T08:06:00.213Z']);
    expect([at(16).ipVersion, at(16).rule]).toEqual([6, 'list V6-EDGE seq 10']);
  });

  it("takes a relay's header after the sequence number, and a host word without its colon, as the header's time and host", () => {
    expect([at(17).host, at(17).time?.toISOString()]).toEqual(['192.0.2.2', '2026-11-02T08:08:00.398Z']);
    expect([at(18).host, at(18).time?.toISOString()]).toEqual(['192.0.2.2', '2026-11-02T08:08:01.398Z']);
    // A device stamp without year or zone says no more than the relay's header, which wins.
    expect(at(19).time?.toISOString()).toBe('2026-11-02T08:08:02.000Z');
  });

  it('reads a zone named by its offset (UTC+1, UTC+07:30, GMT-5) and gmt in lower case exactly; UTC+25 is a name like any other', () => {
    expect([20, 21, 22].map((l) => at(l).time?.toISOString())).toEqual(['2026-11-02T08:09:00.000Z', '2026-11-02T08:09:00.000Z', '2026-11-02T08:09:00.000Z']);
    expect(at(23).time?.toISOString()).toBe('2026-11-02T08:10:04.114Z');
    expect(at(24).time?.toISOString()).toBe('2026-11-02T08:11:00.000Z');
  });

  it('keeps the cut and misspelled ones malformed, and says which field', () => {
    expect(r.malformed.map((m) => [m.line, m.reason])).toEqual([
      [26, 'dst: missing =>'],
      [27, 'responder: missing'],
      [28, 'zone-pair: missing'],
      [29, "verdict: unknown 'drop'"],
    ]);
  });
});
