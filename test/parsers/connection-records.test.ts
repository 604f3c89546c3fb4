// Which records stand for a connection rather than a packet: each format declares it
// (FormatDefinition.connectionRecords), one test reads it for every reader.
import { describe, expect, it } from 'vitest';
import type { FirewallEvent } from '../../src/event.js';
import { ASA_MESSAGE_IDS, ciscoAsaFormat } from '../../src/parsers/cisco-asa.js';
import { ciscoIosFormat } from '../../src/parsers/cisco-ios.js';
import { isConnectionRecord } from '../../src/parsers/connection-records.js';
import { iptablesFormat } from '../../src/parsers/iptables.js';
import { formats } from '../../src/parsers/registry.js';
import type { FormatDefinition } from '../../src/parsers/types.js';
import { windowsFirewallFormat } from '../../src/parsers/windows-firewall.js';
import { parseLines } from '../helpers/parse.js';

function one(format: FormatDefinition, line: string): FirewallEvent {
  const r = parseLines(format, [line]);
  expect(r.malformed).toEqual([]);
  expect(r.events).toHaveLength(1);
  return r.events[0]!;
}

const ASA = (tag: string, text: string): string => `<166>Jan  5 08:52:35 10.22.8.216 %${tag}: ${text}`;
const WIN_HEAD = '#Fields: date time action protocol src-ip dst-ip src-port dst-port size tcpflags tcpsyn tcpack tcpwin icmptype icmpcode info path';

describe('isConnectionRecord', () => {
  it('Cisco ASA Built and Teardown records of TCP, UDP and ICMP, at any level and under any vendor tag', () => {
    const lines = [
      ASA('ASA-6-302013', 'Built inbound TCP connection 1 for outside:203.0.113.5/50000 (203.0.113.5/50000) to inside:10.0.0.5/443 (10.0.0.5/443)'),
      ASA('ASA-6-302014', 'Teardown TCP connection 1 for outside:203.0.113.5/50000 to inside:10.0.0.5/443 duration 0:00:07 bytes 3433 TCP FINs'),
      ASA('FTD-5-302015', 'Built outbound UDP connection 2 for outside:198.51.100.1/53 (198.51.100.1/53) to inside:10.0.0.5/5353 (10.0.0.5/5353)'),
      ASA('PIX-6-302016', 'Teardown UDP connection 2 for outside:198.51.100.1/53 to inside:10.0.0.5/5353 duration 0:02:01 bytes 120'),
      ASA('ASA-6-302020', 'Built inbound ICMP connection for faddr 203.0.113.5/1 gaddr 10.0.0.5/0 laddr 10.0.0.5/0 type 8 code 0'),
      ASA('ASA-6-302021', 'Teardown ICMP connection for faddr 203.0.113.5/1 gaddr 10.0.0.5/0 laddr 10.0.0.5/0 type 8 code 0'),
      ASA('ASA-session-6-302013', 'Built inbound TCP connection 1 for outside:203.0.113.5/50000 (203.0.113.5/50000) to inside:10.0.0.5/443 (10.0.0.5/443)'),
      ASA('FTD-1-430003', 'AccessControlRuleAction: Allow, SrcIP: 10.0.0.5, DstIP: 203.0.113.5, SrcPort: 43228, DstPort: 80, Protocol: tcp'),
    ];
    for (const l of lines) expect(isConnectionRecord(one(ciscoAsaFormat, l)), l).toBe(true);
  });

  it('not the ASA messages that log packets or access-list hits, allowed or not', () => {
    const lines = [
      ASA('ASA-4-106023', 'Deny tcp src outside:203.0.113.5/4562 dst inside:10.0.0.5/443 by access-group "outside_in" [0x0, 0x0]'),
      ASA('ASA-6-106100', 'access-list outside_in permitted tcp outside/203.0.113.5(4562) -> inside/10.0.0.5(443) hit-cnt 1 first hit [0x0, 0x0]'),
      ASA('ASA-7-710002', 'TCP access permitted from 203.0.113.5/4562 to inside:10.0.0.5/22'),
      ASA('ASA-6-106015', 'Deny TCP (no connection) from 203.0.113.5/80 to 10.0.0.5/45019 flags SYN ACK  on interface outside'),
      ASA('FTD-1-430002', 'AccessControlRuleAction: Block, SrcIP: 203.0.113.5, DstIP: 10.0.0.5, SrcPort: 43228, DstPort: 3389, Protocol: tcp'),
      ASA('FTD-1-430003', 'AccessControlRuleAction: Block with reset, SrcIP: 10.0.0.5, DstIP: 203.0.113.5, SrcPort: 43228, DstPort: 80, Protocol: tcp'),
    ];
    for (const l of lines) expect(isConnectionRecord(one(ciscoAsaFormat, l)), l).toBe(false);
  });

  it("Windows Firewall's ALLOW, OPEN and CLOSE rows, not its DROP rows; no iptables record", () => {
    const win = (row: string) => {
      const r = parseLines(windowsFirewallFormat, [WIN_HEAD, row]);
      expect(r.events).toHaveLength(1);
      return isConnectionRecord(r.events[0]!);
    };
    expect(win('2026-11-20 10:00:00 ALLOW TCP 203.0.113.50 192.168.1.35 50001 3389 0 - 0 0 0 - - - RECEIVE')).toBe(true);
    expect(win('2026-11-20 10:20:00 CLOSE TCP 192.0.2.9 192.168.1.35 443 50100 - - - - - - - - -')).toBe(true);
    expect(win('2026-11-20 10:20:00 OPEN TCP 192.168.1.35 192.0.2.9 50100 443 - - - - - - - - -')).toBe(true);
    expect(win('2026-11-20 10:10:00 DROP TCP 198.51.100.7 192.168.1.35 40000 445 52 S 1 0 64240 - - - RECEIVE')).toBe(false);
    const ipt = one(iptablesFormat, 'Nov 20 10:00:00 gw kernel: [UFW ALLOW] IN=eth0 OUT= SRC=203.0.113.5 DST=10.0.0.5 LEN=60 TTL=50 ID=1 PROTO=TCP SPT=40000 DPT=22 WINDOW=1 RES=0x00 SYN URGP=0');
    expect(ipt.action).toBe('allow');
    expect(isConnectionRecord(ipt)).toBe(false);
  });

  it('the ASA ids it declares are ids its parser turns into events; the formats that declare any are the ones with session records', () => {
    for (const id of ciscoAsaFormat.connectionRecords?.messageIds ?? []) expect(ASA_MESSAGE_IDS).toContain(Number(id));
    expect(ciscoAsaFormat.connectionRecords?.messageIds).toEqual(['302013', '302014', '302015', '302016', '302020', '302021', '430003']);
    expect(formats.filter((f) => f.connectionRecords !== undefined).map((f) => f.id).sort()).toEqual(['aws-vpcflow', 'azure-firewall', 'cef', 'checkpoint', 'cisco-asa', 'cisco-ios', 'fortigate', 'gcp-firewall', 'h3c-secpath', 'hillstone', 'huawei-usg', 'juniper-srx', 'leef', 'meraki', 'paloalto', 'sonicwall', 'sophos-xg', 'stormshield', 'watchguard', 'windows-firewall', 'zyxel']);
  });

  it("Cisco IOS inspection audit records (a session's Start and Stop, with or without a zone-pair), not its permitted ACL packets", () => {
    const ios = (text: string) => `Nov  2 09:04:00 192.0.2.1 95: *Nov  2 09:04:00.935: ${text}`;
    const sessions = [
      ios('%FW-6-SESS_AUDIT_TRAIL_START: Start tcp session: initiator (192.168.1.30:39349) -- responder (198.51.100.50:23)'),
      ios('%FW-6-SESS_AUDIT_TRAIL: Stop tcp session: initiator (192.168.1.30:39349) sent 24 bytes -- responder (198.51.100.50:23) sent 208 bytes'),
      ios('%FW-6-SESS_AUDIT_TRAIL_START: (target:class)-(IN-OUT:cm-web):Start tcp session: initiator (192.168.1.31:51245) -- responder (198.51.100.51:443)'),
    ];
    for (const l of sessions) expect(isConnectionRecord(one(ciscoIosFormat, l)), l).toBe(true);
    const packets = [
      ios('%SEC-6-IPACCESSLOGP: list INSIDE_OUT permitted tcp 192.168.1.10(51514) -> 198.51.100.80(443), 1 packet'),
      ios('%FW-6-DROP_PKT: Dropping tcp session 203.0.113.9:41000 192.168.1.10:445 on zone-pair OUT-IN class class-default with ip ident 0'),
    ];
    for (const l of packets) expect(isConnectionRecord(one(ciscoIosFormat, l)), l).toBe(false);
  });
});

describe('docs/report.md names the formats whose counts say connections', () => {
  it('the five formats of 2026-12-07 are in its list, each with the record it skips so a connection counts once', async () => {
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(new URL('../../docs/report.md', import.meta.url), 'utf8').replace(/\s+/g, ' ');
    for (const words of ["a Zyxel firewall's ACCESS FORWARD records", "a Hillstone firewall's `session start` records", "a Huawei USG's `POLICYPERMIT` records", "an H3C SecPath's FILTER `Permit` records", 'a LEEF record likewise']) {
      expect(text, words).toContain(words);
    }
  });
});

