// The Huawei USG (VRP) parser and the shared VRP/Comware header reader, one behaviour per
// test; the golden fixture (test/fixtures/huawei-usg/firewall.log) covers a whole file.
import { describe, expect, it } from 'vitest';
import type { FirewallEvent } from '../../src/event.js';
import { isConnectionRecord } from '../../src/parsers/connection-records.js';
import fc from 'fast-check';
import { huaweiUsgAt, huaweiUsgFormat } from '../../src/parsers/huawei-usg.js';
import { vrpTagAt } from '../../src/parsers/vrp-header.js';
import { iptablesFormat } from '../../src/parsers/iptables.js';
import { payloadKind } from '../../src/parsers/payload-dispatch.js';
import { formats } from '../../src/parsers/registry.js';
import { eventToEcs } from '../../src/render/event-json.js';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { goldenFolders, parseLines, splitLines } from '../helpers/parse.js';
import { countBy, expectNoSampleOrCorpusSniffsAs, expectOwnLogsSniffAs, generatedSample, malformedReason, oneEvent } from '../helpers/format-tests.js';

const FIXTURES = new URL('../fixtures/huawei-usg/', import.meta.url).pathname;

// A UDP probe to the firewall itself, denied (the brief's shape): header in UTC+8 wall time.
const DENY =
  '<190>May 15 2026 15:56:05 WUH-FW-1 %%01POLICY/6/POLICYDENY(l):vsys=public, protocol=17, source-ip=203.0.113.9, source-port=49198, destination-ip=198.51.100.2, destination-port=62196, time=May 15 2026 15:56:05, source-zone=untrust, destination-zone=local, application-name=, rule-name=Deny-To-Firewall.';
// A LAN client's connection out: its permit, then its session's end.
const PERMIT =
  '<190>May 15 2026 15:57:02 WUH-FW-1 %%01POLICY/6/POLICYPERMIT(l):vsys=public, protocol=6, source-ip=192.168.10.23, source-port=50514, destination-ip=198.51.100.80, destination-port=443, time=May 15 2026 15:57:02, source-zone=trust, destination-zone=untrust, application-name=HTTPS, rule-name=LAN-Out.';
const TEARDOWN =
  '<190>2026-05-15 15:57:40 WUH-FW-1 %%01SECLOG/6/SESSION_TEARDOWN(l):IPVer=4,Protocol=tcp,SourceIP=192.168.10.23,DestinationIP=198.51.100.80,SourcePort=50514,DestinationPort=443,SourceNatIP=203.0.113.2,SourceNatPort=2311,BeginTime=1778831822,EndTime=1778831860,SendPkts=14,SendBytes=2314,RcvPkts=12,RcvBytes=5266,SourceVpnID=0,DestinationVpnID=0,SourceZone=trust,DestinationZone=untrust,PolicyName=LAN-Out,CloseReason=tcp-fin.';
const IPTABLES =
  'May 15 15:56:01 gw kernel: [123.456] [UFW BLOCK] IN=eth0 OUT= MAC=00:16:3e:11:22:33:00:16:3e:44:55:66:08:00 SRC=203.0.113.7 DST=198.51.100.2 LEN=40 TOS=0x00 PREC=0x00 TTL=241 ID=54321 PROTO=TCP SPT=47001 DPT=23 WINDOW=1024 RES=0x00 SYN URGP=0';

function one(line: string, tz: string | null = 'Asia/Shanghai'): FirewallEvent {
  return oneEvent(huaweiUsgFormat, line, { tz, year: 2026 });
}

function malformed(line: string): string {
  return malformedReason(huaweiUsgFormat, line, { tz: 'Asia/Shanghai' });
}

const iso = (e: FirewallEvent) => e.time?.toISOString();

describe('huawei-usg: reading policy and session records', () => {
  it('POLICYDENY: time= in --tz, header host, protocol number, ports, untrust->local in, one blocked packet', () => {
    const e = one(DENY);
    expect([iso(e), e.yearInferred, e.host, e.format, e.proto, e.ipVersion, e.count]).toEqual(['2026-05-15T07:56:05.000Z', false, 'WUH-FW-1', 'huawei-usg', 'udp', 4, 1]);
    expect([e.src, e.dst]).toEqual([{ ip: '203.0.113.9', port: 49198 }, { ip: '198.51.100.2', port: 62196 }]);
    expect([e.action, e.direction, e.rule, e.tcpFlags, e.icmp]).toEqual(['drop', 'in', 'policy "Deny-To-Firewall" untrust->local', null, null]);
    expect(isConnectionRecord(e)).toBe(false);
  });

  it('POLICYPERMIT is a connection record going out; ECS rule name and zones, no rule id', () => {
    const e = one(PERMIT);
    expect([e.action, e.direction, e.rule]).toEqual(['allow', 'out', 'policy "LAN-Out" trust->untrust']);
    expect(isConnectionRecord(e)).toBe(true);
    const ecs = JSON.parse(eventToEcs(e)) as { rule: object; observer: { ingress: object; egress: object } };
    expect([ecs.rule, ecs.observer.ingress, ecs.observer.egress]).toEqual([{ name: 'LAN-Out' }, { zone: 'trust' }, { zone: 'untrust' }]);
  });

  it('a connection counts once: the teardown of a permit read is skipped; a teardown alone counts it, at its BeginTime', () => {
    const alone = TEARDOWN.replace('SourcePort=50514', 'SourcePort=50515');
    const r = parseLines(huaweiUsgFormat, [PERMIT, TEARDOWN, alone], { tz: 'Asia/Shanghai' });
    expect(r.events.map((e) => [e.origin.line, e.action, isConnectionRecord(e), iso(e)])).toEqual([
      [1, 'allow', true, '2026-05-15T07:57:02.000Z'],
      [3, 'allow', true, '2026-05-15T07:57:02.000Z'],
    ]);
    expect(r.skipped.map((s) => [s.line, s.reason])).toEqual([[2, 'record of a connection already counted (by its policy permit or an earlier record of its session)']]);
  });

  it('directions from the default zones: to and from local, trust<->untrust, dmz, a zone of the user naming none', () => {
    const zones = (from: string, to: string) => one(DENY.replace('source-zone=untrust', `source-zone=${from}`).replace('destination-zone=local', `destination-zone=${to}`)).direction;
    expect([zones('untrust', 'local'), zones('local', 'untrust'), zones('trust', 'untrust'), zones('untrust', 'trust'), zones('untrust', 'dmz'), zones('trust', 'dmz'), zones('untrust', 'Branch-VPN')]).toEqual([
      'in', 'out', 'out', 'in', 'in', 'forward', null,
    ]);
  });

  it('PACKET_DENY (older USG) is a blocked packet; ICMP and ICMPv6 by their numbers, no ports', () => {
    const e = one('<190>May 15 2026 15:59:30 WUH-FW-1 %%01SECLOG/4/PACKET_DENY(l):IPVer=4,Protocol=tcp,SourceIP=203.0.113.66,DestinationIP=198.51.100.2,SourcePort=44001,DestinationPort=23,BeginTime=1778831970,EndTime=1778831970,SourceVpnID=0,DestinationVpnID=0,SourceZone=untrust,DestinationZone=local,PolicyName=default.');
    expect([e.action, e.direction, e.rule, iso(e), e.dst.port]).toEqual(['drop', 'in', 'policy "default" untrust->local', '2026-05-15T07:59:30.000Z', 23]);
    const icmp = one(DENY.replace('protocol=17', 'protocol=1').replace(/ source-port=\d+,| destination-port=\d+,/g, ''));
    expect([icmp.proto, icmp.src.port, icmp.dst.port]).toEqual(['icmp', null, null]);
    const v6 = one(DENY.replace('protocol=17', 'protocol=58').replace('203.0.113.9', '2001:db8:77::5').replace('198.51.100.2', '2001:db8::1'));
    expect([v6.proto, v6.ipVersion]).toEqual(['icmpv6', 6]);
  });
});

describe('huawei-usg: the header before the tag (vrp-header.ts)', () => {
  const BODY = DENY.slice(DENY.indexOf('%%01')).replace(' time=May 15 2026 15:56:05,', '');
  const at = (head: string, tz = 'Asia/Shanghai') => {
    const e = one(head + BODY, tz);
    return [iso(e), e.yearInferred, e.host];
  };
  it('the year before the clock, ISO with and without an offset, an offset glued to the clock and DST, a blank after <PRI>', () => {
    expect(at('May 15 2026 15:56:05 FW-A ')).toEqual(['2026-05-15T07:56:05.000Z', false, 'FW-A']);
    expect(at('<190>2026-05-15 15:56:05 FW-A ')).toEqual(['2026-05-15T07:56:05.000Z', false, 'FW-A']);
    expect(at('2026-05-15T15:56:05+08:00 FW-A ', 'UTC')).toEqual(['2026-05-15T07:56:05.000Z', false, 'FW-A']);
    expect(at('Mar 26 2026 17:06:48+03:00 DST FW-A ', 'UTC')).toEqual(['2026-03-26T14:06:48.000Z', false, 'FW-A']);
    expect(at('<190> May 15 2026 15:56:05 FW-A ')).toEqual(['2026-05-15T07:56:05.000Z', false, 'FW-A']);
  });

  it("Comware's year after the clock: the year is read, not taken for the host", () => {
    expect(at('<190>Mar 26 14:41:42 2020 FW ')).toEqual(['2020-03-26T06:41:42.000Z', false, 'FW']);
    expect(at('<190>Mar  6 14:41:42 2020 FW ')).toEqual(['2020-03-06T06:41:42.000Z', false, 'FW']);
  });

  it("a relay's header before the device's: the device's time and name; a bare message: no host, time= alone", () => {
    expect(at('May 15 07:56:01 loghost 2026-05-15 15:56:05 FW-A ')).toEqual(['2026-05-15T07:56:05.000Z', false, 'FW-A']);
    const bare = one(DENY.slice(DENY.indexOf('%%01')));
    expect([iso(bare), bare.host]).toEqual(['2026-05-15T07:56:05.000Z', null]);
  });

  it('an impossible header stamp or offset is malformed', () => {
    expect(malformed('Mar 26 2026 17:06:48+25:00 FW-A ' + BODY)).toBe('time: impossible UTC offset');
    expect(malformed('Feb 30 2026 17:06:48+08:00 FW-A ' + BODY)).toBe('time: impossible date (Feb 30)');
  });
});

describe('huawei-usg: lines skipped and lines malformed', () => {
  it('other modules and mnemonics are skipped saying MODULE/MNEMONIC; a trap without %% is no record', () => {
    const r = parseLines(huaweiUsgFormat, [
      '<188>May 15 2026 08:01:00 WUH-FW-1 %%01IPS/4/DETECT(l):An intrusion was detected. (SyslogId=2001, SrcIp=203.0.113.7, DstIp=192.168.20.10, Action=Block)',
      '<190>May 15 2026 08:01:20 WUH-FW-1 %%01POLICY/6/POLICYCHANGE(l):The security policy was changed. (vsys=public, rule-name=LAN-Out)',
      '<190>May 15 2026 08:01:20 WUH-FW-1 %%01SECLOG/6/SESSION_BUILD(l):IPVer=4,Protocol=tcp,SourceIP=192.168.10.23,DestinationIP=198.51.100.80',
      '<188>May 15 2026 08:01:40 WUH-FW-1 IPSTRAP/4/THREATTRAP:OID 1.3.6.1.4.1.2011.6.122.43.1.2.8 An intrusion was detected.',
    ], { tz: 'UTC' });
    expect([r.events, r.malformed]).toEqual([[], []]);
    expect(r.skipped.map((s) => s.reason)).toEqual([
      ...['IPS/DETECT', 'POLICY/POLICYCHANGE', 'SECLOG/SESSION_BUILD'].map((t) => `Huawei/H3C log ${t}: not a security policy, packet filter or session record`),
      'not a firewall record',
    ]);
  });

  it('a needed field missing or unreadable is malformed', () => {
    expect(malformed(DENY.replace(' source-ip=203.0.113.9,', ''))).toBe('source-ip: missing');
    expect(malformed(DENY.replace('203.0.113.9', '203.0.113.9.7'))).toBe("source-ip: invalid address '203.0.113.9.7'");
    expect(malformed(DENY.replace('198.51.100.2', '2001:db8::2'))).toBe('destination-ip: address family differs from source-ip');
    expect(malformed(DENY.replace(' destination-port=62196,', ''))).toBe('destination-port: missing');
    expect(malformed(DENY.replace('destination-port=62196', 'destination-port=65536'))).toBe("destination-port: invalid port '65536'");
    expect(malformed(DENY.replace('protocol=17', 'protocol=udp'))).toBe("protocol: not a protocol number 'udp'");
    expect(malformed(DENY.replace('time=May 15 2026', 'time=May 32 2026'))).toBe('time: impossible date (May 32)');
    expect(malformed(DENY.replace('time=May 15 2026 15:56:05', 'time=15.05.2026'))).toBe("time: invalid '15.05.2026'");
    expect(malformed(TEARDOWN.replace('BeginTime=1778831822', 'BeginTime=17788x'))).toBe("BeginTime: invalid '17788x'");
    expect(malformed(TEARDOWN.replace('Protocol=tcp,', ''))).toBe('Protocol: missing');
  });
});

describe('huawei-usg: sniffing and mixed files', () => {
  it('its own logs sniff as huawei-usg with high confidence', () => {
    expectOwnLogsSniffAs(FIXTURES, ['firewall.log', 'sample/usg6555e.log'], 'huawei-usg', 0.9);
  });

  it("every other format's examples, the samples and the corpus do not look like a USG log, nor does the dispatcher give their lines to it", () => {
    for (const f of formats) {
      if (f === huaweiUsgFormat) continue;
      expect([f.id, huaweiUsgFormat.sniff(f.examples)]).toEqual([f.id, 0]);
      for (const ex of f.examples) expect([f.id, payloadKind(ex, 0, ex.length)]).not.toEqual([f.id, 'huawei-usg']);
    }
    expectNoSampleOrCorpusSniffsAs(huaweiUsgFormat);
  });

  it("no other format's golden fixture sniffs as huawei-usg, and the dispatcher gives none of its lines to it", () => {
    let files = 0;
    for (const { dir, format } of goldenFolders()) {
      if (format === huaweiUsgFormat) continue;
      for (const name of readdirSync(dir).filter((n) => n.endsWith('.log'))) {
        const lines = splitLines(readFileSync(join(dir, name), 'utf8'));
        files++;
        expect([name, huaweiUsgFormat.sniff(lines.slice(0, 50))]).toEqual([name, 0]);
        for (const l of lines) expect([name, l, huaweiUsgAt(l, 0, l.length)]).toEqual([name, l, -1]);
      }
    }
    expect(files).toBeGreaterThan(20);
  });

  it('a loghost file of iptables and USG lines: each line is read by its own payload, whichever format the file is read as', () => {
    const lines = [IPTABLES, DENY, PERMIT, IPTABLES];
    for (const f of [iptablesFormat, huaweiUsgFormat]) {
      const r = parseLines(f, lines, { tz: 'Asia/Shanghai', year: 2026 });
      expect(r.malformed).toEqual([]);
      expect(r.events.map((e) => e.format)).toEqual(['iptables', 'huawei-usg', 'huawei-usg', 'iptables']);
    }
    const tag = DENY.indexOf('%%01');
    // Only VRP's version: Comware's %%10 is not Huawei's; the tag is looked for near the start only.
    expect([huaweiUsgAt(DENY, 0, DENY.length), huaweiUsgAt(DENY.replace('%%01', '%%10'), 0, DENY.length), huaweiUsgAt(' '.repeat(200) + DENY, 0, DENY.length + 200)]).toEqual([tag, -1, -1]);
  });

  it('the tag check (indexOf since the audit) answers as the character loop it replaced, on any text of tag characters', () => {
    // The loop, kept here as the specification: the first %% within 128 characters (and 8 before the end) decides.
    const spec = (s: string, start: number, end: number, version: string): number => {
      const lim = Math.min(end - 8, start + 128);
      for (let i = start; i < lim; i++) {
        if (s[i] !== '%' || s[i + 1] !== '%') continue;
        if (!s.startsWith(version, i + 2)) return -1;
        const m = /^[A-Za-z0-9_]+\/\d\//.exec(s.slice(i + 4, Math.max(end, i + 4)));
        return m === null || i + 4 + m[0].length > end + 2 ? -1 : i;
      }
      return -1;
    };
    const text = fc.array(fc.constantFrom('%', '%%01', '%%10', 'POLICY', 'session', '/', '6', ' ', 'x', ':'), { maxLength: 60 }).map((p) => p.join(''));
    fc.assert(
      fc.property(text, fc.nat(20), fc.constantFrom('01', '10'), (s, start, version) => {
        const from = Math.min(start, s.length);
        expect(vrpTagAt(s, from, s.length, version)).toBe(spec(s, from, s.length, version));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('huawei-usg: the sample log', () => {
  it('is what make-sample.mjs writes, and reads with nothing malformed', () => {
    const text = generatedSample(FIXTURES, 'sample/usg6555e.log');
    const r = parseLines(huaweiUsgFormat, splitLines(text), { tz: 'Asia/Shanghai' });
    expect(r.malformed).toEqual([]);
    expect(r.skipped).toHaveLength(65);
    expect(r.events).toHaveLength(296);
    const by = (k: (e: FirewallEvent) => string) => countBy(r.events, k);
    expect(by((e) => e.action)).toEqual({ drop: 204, allow: 92 });
    expect(by((e) => String(e.direction))).toEqual({ in: 204, out: 92 });
    expect(r.events.filter(isConnectionRecord)).toHaveLength(92);
  });
});
