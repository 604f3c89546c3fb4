// The H3C SecPath (Comware 7) parser, one behaviour per test; the golden fixture
// (test/fixtures/h3c-secpath/firewall.log) covers a whole file, the shared header reader is
// tested with Huawei's (test/parsers/huawei-usg.test.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FirewallEvent } from '../../src/event.js';
import { isConnectionRecord } from '../../src/parsers/connection-records.js';
import { h3cSecpathAt, h3cSecpathFormat } from '../../src/parsers/h3c-secpath.js';
import { huaweiUsgFormat } from '../../src/parsers/huawei-usg.js';
import { iptablesFormat } from '../../src/parsers/iptables.js';
import { payloadKind } from '../../src/parsers/payload-dispatch.js';
import { formats } from '../../src/parsers/registry.js';
import { eventToEcs } from '../../src/render/event-json.js';
import { goldenFolders, parseLines, splitLines } from '../helpers/parse.js';
import { countBy, expectNoSampleOrCorpusSniffsAs, expectOwnLogsSniffAs, generatedSample, malformedReason, oneEvent } from '../helpers/format-tests.js';

const FIXTURES = new URL('../fixtures/h3c-secpath/', import.meta.url).pathname;

// A telnet probe from the Internet to a LAN host, denied three times in the interval (the brief's shape).
const DENY = h3cSecpathFormat.examples[0]!;
const PERMIT =
  '<190>Mar 26 14:44:58 2026 FW-F1000 %%10FILTER/6/FILTER_ZONE_IPV4_EXECUTION: SrcZoneName(1025)=Trust;DstZoneName(1035)=Untrust;Type(1067)=ACL;SecurityPolicy(1072)=Trust-Untrust;RuleID(1078)=2;Protocol(1001)=UDP;Application(1002)=dns;SrcIPAddr(1003)=192.168.1.23;SrcPort(1004)=50514;DstIPAddr(1007)=198.51.100.53;DstPort(1008)=53;MatchCount(1069)=1;Event(1048)=Permit;';
// The same flow's session end, then a session's creation and end with no permit logged.
const ENDED = h3cSecpathFormat.examples[1]!;
const CREATED =
  '<6> Mar 26 14:46:01 2026 FW-F1000 %%10session/6/SESSION_IPV4_FLOW: Protocol(1001)=TCP;Application(1002)=http;SrcIPAddr(1003)=192.168.1.40;SrcPort(1004)=40912;DstIPAddr(1007)=198.51.100.80;DstPort(1008)=80;InitPktCount(1044)=1;BeginTime_e(1013)=03262026144601;EndTime_e(1014)=;Event(1048)=(8)Session created;';
const OVER = CREATED.replace('14:46:01', '14:46:31').replace('EndTime_e(1014)=;', 'EndTime_e(1014)=03262026144631;').replace('(8)Session created', '(3)Normal over');
const IPTABLES =
  'Mar 26 14:40:01 gw kernel: [123.456] [UFW BLOCK] IN=eth0 OUT= MAC=00:16:3e:11:22:33:00:16:3e:44:55:66:08:00 SRC=203.0.113.7 DST=198.51.100.2 LEN=40 TOS=0x00 PREC=0x00 TTL=241 ID=54321 PROTO=TCP SPT=47001 DPT=23 WINDOW=1024 RES=0x00 SYN URGP=0';

function one(line: string): FirewallEvent {
  return oneEvent(h3cSecpathFormat, line, { tz: 'Asia/Shanghai', year: 2026 });
}

function malformed(line: string): string {
  return malformedReason(h3cSecpathFormat, line, { tz: 'Asia/Shanghai' });
}

const iso = (e: FirewallEvent) => e.time?.toISOString();

describe('h3c-secpath: reading policy, packet filter and session records', () => {
  it('a Deny: the year after the clock read, zones, rule, Untrust->Trust in, MatchCount blocked packets', () => {
    const e = one(DENY);
    expect([iso(e), e.yearInferred, e.host, e.format, e.proto, e.ipVersion, e.count]).toEqual(['2026-03-26T06:41:42.000Z', false, 'FW-F1000', 'h3c-secpath', 'tcp', 4, 3]);
    expect([e.src, e.dst]).toEqual([{ ip: '203.0.113.7', port: 41234 }, { ip: '192.168.1.10', port: 23 }]);
    expect([e.action, e.direction, e.rule, e.tcpFlags]).toEqual(['drop', 'in', 'rule 5 "Untrust-Trust" Untrust->Trust', null]);
    expect(isConnectionRecord(e)).toBe(false);
  });

  it('a Permit is one connection, Trust->Untrust out; ECS rule id, name and zones', () => {
    const e = one(PERMIT);
    expect([e.action, e.direction, e.count, isConnectionRecord(e)]).toEqual(['allow', 'out', 1, true]);
    const ecs = JSON.parse(eventToEcs(e)) as { rule: object; observer: { ingress: object; egress: object } };
    expect([ecs.rule, ecs.observer.ingress, ecs.observer.egress]).toEqual([{ id: '2', name: 'Trust-Untrust' }, { zone: 'Trust' }, { zone: 'Untrust' }]);
  });

  it('a connection counts once: a permit then its session end, a session created then over, a permit repeated for one flow', () => {
    const r = parseLines(h3cSecpathFormat, [PERMIT, ENDED, CREATED, OVER, PERMIT.replace('MatchCount(1069)=1', 'MatchCount(1069)=9'), PERMIT.replace('SrcPort(1004)=50514', 'SrcPort(1004)=50515')], { tz: 'Asia/Shanghai' });
    expect(r.events.map((e) => [e.origin.line, e.action, e.rule, isConnectionRecord(e)])).toEqual([
      [1, 'allow', 'rule 2 "Trust-Untrust" Trust->Untrust', true],
      [3, 'allow', 'session', true],
      [5, 'allow', 'rule 2 "Trust-Untrust" Trust->Untrust', true],
      [6, 'allow', 'rule 2 "Trust-Untrust" Trust->Untrust', true],
    ]);
    // Line 5: the session end (line 2) forgot the flow, so a later permit of it is a new connection.
    expect(r.skipped.map((s) => s.line)).toEqual([2, 4]);
  });

  it("a session record's time is its BeginTime_e (MMDDYYYYHHMMSS, in --tz); it names no zone: the direction from the addresses' sides, no rule", () => {
    const e = one(ENDED);
    expect([iso(e), e.direction, e.rule, e.count]).toEqual(['2026-03-26T06:44:58.000Z', 'out', 'session', 1]);
    // As Hillstone's: the LAN's client out, the Internet to the LAN in, LAN to LAN forward, neither end this side's none.
    const between = (a: string, b: string) => one(ENDED.replace('SrcIPAddr(1003)=192.168.1.23', `SrcIPAddr(1003)=${a}`).replace('DstIPAddr(1007)=198.51.100.53', `DstIPAddr(1007)=${b}`)).direction;
    expect([between('198.51.100.9', '192.168.1.23'), between('192.168.1.23', '10.0.0.5'), between('198.51.100.9', '203.0.113.2')]).toEqual(['in', 'forward', null]);
  });

  it('IPv6 and a chassis prefix, ICMP by name with its type and code when given, a packet filter (ACL) record', () => {
    const v6 = one(h3cSecpathFormat.examples[2]!);
    expect([v6.ipVersion, v6.src.ip, v6.dst.ip, v6.direction, v6.rule]).toEqual([6, '2001:db8:77::5', '2001:db8::1', 'in', 'rule 2 "Untrust-Local" Untrust->Local']);
    const icmp = one(DENY.replace('Protocol(1001)=TCP', 'Protocol(1001)=ICMP').replace(/SrcPort\(1004\)=\d+;|DstPort\(1008\)=\d+;/g, '').replace('MatchCount', 'Icmpv4Type(1059)=8;Icmpv4Code(1060)=0;MatchCount'));
    expect([icmp.proto, icmp.icmp, icmp.dst.port]).toEqual(['icmp', { type: 8, code: 0, embedded: null }, null]);
    const acl = one('<190>Mar 26 14:48:00 2026 FW-F1000 %%10FILTER/6/FILTER_IPV4_EXECUTION: Interface(1023)=GigabitEthernet1/0/1;Direction(1070)=inbound;Acl(1067)=3000;RuleID(1078)=10;Protocol(1001)=TCP;SrcIPAddr(1003)=192.0.2.147;SrcPort(1004)=60001;DstIPAddr(1007)=198.51.100.2;DstPort(1008)=445;MatchCount(1069)=2;Event(1048)=Deny;');
    expect([acl.action, acl.count, acl.rule, acl.direction]).toEqual(['drop', 2, 'rule 10 "3000"', null]);
  });
});

describe('h3c-secpath: lines skipped and lines malformed', () => {
  it('other modules and mnemonics are skipped saying MODULE/MNEMONIC', () => {
    const r = parseLines(h3cSecpathFormat, [
      '<188>Mar 26 14:47:35 2026 FW-F1000 %%10ATK/3/ATK_IP4_ACK_FLOOD_SZ: -Chassis=1-Slot=3.1; SrcZoneName(1025)=Untrust; DstIPAddr(1007)=198.51.100.2; UpperLimit(1049)=1000; Action(1053)=logging; BeginTime_c(1011)=20260326144735.',
      '<189>Mar 26 14:48:40 2026 FW-F1000 %%10SHELL/5/SHELL_LOGIN: admin logged in from 192.168.1.2.',
      '<190>Mar 26 14:48:50 2026 FW-F1000 %%10ACL/6/ACL_IPV4_STATIS: ACL 3000 rule 10 deny tcp 192.0.2.147(60001) -> 198.51.100.2(445), 2 packet(s).',
    ], { tz: 'UTC' });
    expect([r.events, r.malformed]).toEqual([[], []]);
    expect(r.skipped.map((s) => s.reason)).toEqual(
      ['ATK/ATK_IP4_ACK_FLOOD_SZ', 'SHELL/SHELL_LOGIN', 'ACL/ACL_IPV4_STATIS'].map((t) => `Huawei/H3C log ${t}: not a security policy, packet filter or session record`),
    );
  });

  it('a needed field missing or unreadable is malformed', () => {
    expect(malformed(DENY.replace('SrcIPAddr(1003)=203.0.113.7;', ''))).toBe('SrcIPAddr: missing');
    expect(malformed(DENY.replace('DstPort(1008)=23', 'DstPort(1008)=70000'))).toBe("DstPort: invalid port '70000'");
    expect(malformed(DENY.replace('MatchCount(1069)=3', 'MatchCount(1069)=0'))).toBe("MatchCount: invalid '0'");
    expect(malformed(DENY.replace('Event(1048)=Deny', 'Event(1048)=Drop'))).toBe("Event: invalid 'Drop'");
    expect(malformed(DENY.replace('Event(1048)=Deny;', ''))).toBe('Event: missing');
    expect(malformed(DENY.replace('Protocol(1001)=TCP;', ''))).toBe('Protocol: missing');
    expect(malformed(ENDED.replace('BeginTime_e(1013)=03262026144458', 'BeginTime_e(1013)=13262026144458'))).toBe('BeginTime_e: impossible date (month 13)');
    expect(malformed(ENDED.replace('BeginTime_e(1013)=03262026144458', 'BeginTime_e(1013)=2026-03-26'))).toBe("BeginTime_e: invalid '2026-03-26'");
  });
});

describe('h3c-secpath: sniffing and mixed files', () => {
  it('its own logs sniff as h3c-secpath with high confidence', () => {
    expectOwnLogsSniffAs(FIXTURES, ['firewall.log', 'sample/f1000.log'], 'h3c-secpath', 0.9);
  });

  it("every other format's examples, golden fixtures, the samples and the corpus do not look like a SecPath log, nor does the dispatcher give their lines to it", () => {
    for (const f of formats) {
      if (f === h3cSecpathFormat) continue;
      expect([f.id, h3cSecpathFormat.sniff(f.examples)]).toEqual([f.id, 0]);
      for (const ex of f.examples) expect([f.id, payloadKind(ex, 0, ex.length)]).not.toEqual([f.id, 'h3c-secpath']);
    }
    for (const { dir, format } of goldenFolders()) {
      if (format === h3cSecpathFormat) continue;
      for (const name of readdirSync(dir).filter((n) => n.endsWith('.log'))) {
        const lines = splitLines(readFileSync(join(dir, name), 'utf8'));
        expect([name, h3cSecpathFormat.sniff(lines.slice(0, 50))]).toEqual([name, 0]);
        for (const l of lines) expect([name, l, h3cSecpathAt(l, 0, l.length)]).toEqual([name, l, -1]);
      }
    }
    expectNoSampleOrCorpusSniffsAs(h3cSecpathFormat);
  });

  it('a loghost file of iptables, Huawei and H3C lines: each line is read by its own payload, whichever format the file is read as', () => {
    const huawei = huaweiUsgFormat.examples[0]!;
    const lines = [IPTABLES, DENY, huawei, PERMIT, IPTABLES];
    for (const f of [iptablesFormat, huaweiUsgFormat, h3cSecpathFormat]) {
      const r = parseLines(f, lines, { tz: 'Asia/Shanghai', year: 2026 });
      expect(r.malformed).toEqual([]);
      expect([f.id, r.events.map((e) => e.format)]).toEqual([f.id, ['iptables', 'h3c-secpath', 'huawei-usg', 'h3c-secpath', 'iptables']]);
    }
  });
});

describe('h3c-secpath: the sample log', () => {
  it('is what make-sample.mjs writes, and reads with nothing malformed', () => {
    const text = generatedSample(FIXTURES, 'sample/f1000.log');
    const r = parseLines(h3cSecpathFormat, splitLines(text), { tz: 'Asia/Shanghai' });
    expect(r.malformed).toEqual([]);
    expect(r.skipped).toHaveLength(114);
    expect(r.events).toHaveLength(286);
    const by = (k: (e: FirewallEvent) => string) => countBy(r.events, k);
    expect(by((e) => e.action)).toEqual({ drop: 187, allow: 99 });
    expect(by((e) => String(e.direction))).toEqual({ in: 187, out: 80, forward: 19 });
    expect(r.events.filter(isConnectionRecord)).toHaveLength(99);
    expect(r.events.reduce((n, e) => n + e.count, 0)).toBe(434);
  });
});
