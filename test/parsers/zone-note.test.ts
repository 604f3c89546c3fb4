// `check`'s "times: no zone in the log" (ZoneNote.zonelessTimes) says what decided the events'
// times: a relay's zone-less header before a record that carries its own time with an offset
// (Sophos Firewall's timestamp=, FortiGate's eventtime, SonicWall's UTC) is not noted, nor an
// IOS stamp the header's time won over; a zone-less time an event has is.
import { describe, expect, it } from 'vitest';
import { awsVpcflowFormat } from '../../src/parsers/aws-vpcflow.js';
import { cefFormat } from '../../src/parsers/cef.js';
import { checkpointFormat } from '../../src/parsers/checkpoint.js';
import { gcpFirewallFormat } from '../../src/parsers/gcp-firewall.js';
import { ciscoIosFormat } from '../../src/parsers/cisco-ios.js';
import { fortigateFormat } from '../../src/parsers/fortigate.js';
import { iptablesFormat } from '../../src/parsers/iptables.js';
import { leefFormat } from '../../src/parsers/leef.js';
import { merakiFormat } from '../../src/parsers/meraki.js';
import { azureFirewallFormat } from '../../src/parsers/azure-firewall.js';
import { mikrotikFormat } from '../../src/parsers/mikrotik.js';
import { pfFormat } from '../../src/parsers/pf.js';
import { sonicwallFormat } from '../../src/parsers/sonicwall.js';
import { sophosXgFormat } from '../../src/parsers/sophos-xg.js';
import { stormshieldFormat } from '../../src/parsers/stormshield.js';
import { zyxelFormat } from '../../src/parsers/zyxel.js';
import { huaweiUsgFormat } from '../../src/parsers/huawei-usg.js';
import { watchguardFormat } from '../../src/parsers/watchguard.js';
import type { FormatDefinition, ZoneNote } from '../../src/parsers/types.js';
import { TEST_REF_DATE } from '../helpers/parse.js';

/** The note after reading `lines`, and how many events they gave. */
function noted(format: FormatDefinition, lines: string[]): [boolean, number] {
  const note: ZoneNote = {};
  let events = 0;
  const p = format.create({ file: 't.log', refDate: TEST_REF_DATE, year: 2026, tz: 'Europe/Berlin', zoneNote: note }, { event: () => events++, skipped: () => {}, malformed: () => {} });
  lines.forEach((l, i) => p.line(l, i + 1));
  p.end();
  return [note.zonelessTimes === true, events];
}

const BSD = 'Nov 20 06:30:13 relay ';
const XG =
  'device_name="fw1" timestamp="2026-11-20T06:30:12+0100" device_model="XGS2100" device_serial_id="X21001XXXXXXXXX" log_id="010101600001" log_type="Firewall" log_component="Firewall Rule" log_subtype="Allowed" log_version=1 severity="Information" fw_rule_id="5" fw_rule_name="LAN to Internet" in_interface="Port1" out_interface="Port2" src_ip="192.168.2.23" dst_ip="198.51.100.80" protocol="TCP" src_port=50514 dst_port=443 src_zone_type="LAN" src_zone="LAN" dst_zone_type="WAN" dst_zone="WAN" con_event="Start"';
const FGT =
  'date=2026-11-20 time=06:25:01 devname="FGT60F" devid="FGT60FTK0000000" eventtime=1795152301123456789 tz="+0100" logid="0000000013" type="traffic" subtype="forward" level="notice" vd="root" srcip=203.0.113.7 srcport=41234 srcintf="wan1" srcintfrole="wan" dstip=192.168.1.10 dstport=23 dstintf="internal" dstintfrole="lan" sessionid=1234 proto=6 action="deny" policyid=0 policytype="policy"';
const SW =
  'id=firewall sn=0017C5A1B2C3 time="2026-11-20 06:26:40 UTC" fw=203.0.113.2 pri=5 c=64 m=36 msg="TCP packet dropped due to policy" n=4711 src=198.51.100.23:50122:X1 dst=203.0.113.2:3389:X1 proto=tcp/3389 fw_action="drop"';
const IOS = '%SEC-6-IPACCESSLOGP: list 101 denied tcp 203.0.113.7(41234) -> 192.168.1.10(23), 1 packet';

describe('zone-less times noted only when they are an event\'s', () => {
  it('AWS VPC Flow Logs: start is epoch seconds, an absolute time: nothing noted', () => {
    expect(noted(awsVpcflowFormat, ['2 123456789010 eni-0a1b2c3d4e5f60718 203.0.113.7 172.31.16.21 41234 23 6 1 40 1795155901 1795155958 REJECT OK'])).toEqual([false, 1]);
  });

  it('Azure Firewall: a time with Z is absolute, nothing noted; one without a zone is read in --tz, noted', () => {
    const rec = azureFirewallFormat.examples[0]!;
    expect(noted(azureFirewallFormat, [rec])).toEqual([false, 1]);
    expect(noted(azureFirewallFormat, [rec.replace('.1234567Z', '.1234567')])).toEqual([true, 1]);
  });

  it('Sophos Firewall v19.5 behind a relay\'s BSD header: timestamp= with its offset decides, nothing noted', () => {
    expect(noted(sophosXgFormat, [BSD + XG])).toEqual([false, 1]);
    // Without an offset the same record's time is read in --tz: noted.
    expect(noted(sophosXgFormat, [BSD + XG.replace('+0100"', '"')])).toEqual([true, 1]);
  });

  it('Cisco Meraki behind a relay\'s BSD header: the epoch decides, nothing noted; a record without one takes the header\'s, noted', () => {
    const MX = 'MX68 flows src=203.0.113.7 dst=198.51.100.2 protocol=tcp sport=41234 dport=23 pattern: 1 all';
    expect(noted(merakiFormat, [`${BSD}1 1795155901.104233871 ${MX}`])).toEqual([false, 1]);
    expect(noted(merakiFormat, [BSD + MX])).toEqual([true, 1]);
  });

  it('CEF behind a relay\'s BSD header: rt in epoch milliseconds or with its zone decides, nothing noted; a zone-less rt or none is noted', () => {
    const CEF = 'CEF:0|Palo Alto Networks|PAN-OS|10.2.4|deny|TRAFFIC|3|src=203.0.113.7 dst=198.51.100.2 spt=41234 dpt=23 proto=tcp act=deny';
    expect(noted(cefFormat, [`${BSD}${CEF} rt=1795155901000`])).toEqual([false, 1]);
    expect(noted(cefFormat, [`${BSD}${CEF} rt=Nov 20 2026 06:25:01 UTC`])).toEqual([false, 1]);
    expect(noted(cefFormat, [`${BSD}${CEF} rt=Nov 20 2026 06:25:01`])).toEqual([true, 1]);
    expect(noted(cefFormat, [BSD + CEF])).toEqual([true, 1]);
  });

  it('WatchGuard behind a zone-less BSD header: the device stamp in parentheses, UTC, decides, nothing noted; a record without it takes the header\'s, noted', () => {
    const WG = 'msg_id="3000-0148" Deny 0-External Firebox 60 tcp 20 51 203.0.113.7 198.51.100.2 41234 23 offset 10 S 1234567 win 1024 (Unhandled External Packet-00)';
    expect(noted(watchguardFormat, [`${BSD}80AB01234567C (2026-11-20T05:30:13) firewall: ${WG}`])).toEqual([false, 1]);
    expect(noted(watchguardFormat, [`${BSD}80AB01234567C firewall: ${WG}`])).toEqual([true, 1]);
  });

  it('Check Point behind a relay\'s BSD header: time in epoch seconds decides, nothing noted; an ISO time without a zone is noted', () => {
    const CP = '[action:"Drop"; ifdir:"inbound"; ifname:"eth1"; origin:"192.0.2.1"; time:"1795152301"; dst:"198.51.100.2"; inzone:"External"; outzone:"Local"; product:"VPN-1 & FireWall-1"; proto:"6"; rule:"7"; s_port:"41234"; service:"23"; src:"203.0.113.7"]';
    expect(noted(checkpointFormat, [BSD + CP])).toEqual([false, 1]);
    expect(noted(checkpointFormat, [BSD + CP.replace('time:"1795152301"', 'time:"2026-11-20T06:25:01"')])).toEqual([true, 1]);
  });

  it('Google Cloud: timestamp is UTC (Z), nothing noted', () => {
    const entry =
      '{"insertId":"1x2y","jsonPayload":{"connection":{"src_ip":"203.0.113.7","src_port":41234,"dest_ip":"10.128.0.2","dest_port":22,"protocol":6},"disposition":"DENIED","rule_details":{"reference":"network:default/firewall:deny-ssh","direction":"INGRESS"},"instance":{"project_id":"p","vm_name":"web-1"}},"logName":"projects/p/logs/compute.googleapis.com%2Ffirewall","timestamp":"2026-11-20T05:25:01.123456789Z"}';
    expect(noted(gcpFirewallFormat, [entry])).toEqual([false, 1]);
  });

  it('FortiGate: eventtime decides over the header; a record without a time of its own takes the header\'s, noted', () => {
    expect(noted(fortigateFormat, [BSD + FGT])).toEqual([false, 1]);
    const bare = FGT.replace(/date=\S+ time=\S+ /, '').replace(/eventtime=\S+ tz="\+0100" /, '');
    expect(noted(fortigateFormat, [BSD + bare])).toEqual([true, 1]);
  });

  it('SonicWall: a UTC time= decides over the header', () => {
    expect(noted(sonicwallFormat, [BSD + SW])).toEqual([false, 1]);
  });

  it('Stormshield behind a relay\'s BSD header: time= at its tz= decides, nothing noted; without tz= it is read in --tz, noted', () => {
    const SNS = 'asqd: id=firewall time="2026-11-20 06:25:01" fw="SN210W" tz=+0100 ruleid=7 srcif="Ethernet0" srcifname="out" ipproto=tcp src=203.0.113.7 srcport=41234 dst=203.0.113.2 dstport=23 dstname=Firewall_out action=block logtype="filter"';
    expect(noted(stormshieldFormat, [BSD + SNS])).toEqual([false, 1]);
    expect(noted(stormshieldFormat, [BSD + SNS.replace(' tz=+0100', '')])).toEqual([true, 1]);
  });

  it('Zyxel: the record has no time of its own, the header\'s is read in --tz, noted, with the year ZLD writes after the clock too; an RFC 3339 header with its offset is not', () => {
    const ZLD = 'src="203.0.113.7:41234" dst="198.51.100.2:23" msg="Match default rule DROP" note="ACCESS BLOCK" user="" cat="Security Policy Control" action="Drop"';
    expect(noted(zyxelFormat, [`<142>Nov 20 06:25:01 usgflex500 ${ZLD}`])).toEqual([true, 1]);
    expect(noted(zyxelFormat, [`<142>Nov 20 06:25:01 2026 usgflex500 ${ZLD}`])).toEqual([true, 1]);
    expect(noted(zyxelFormat, [`2026-11-20T06:25:01+01:00 usgflex500 ${ZLD}`])).toEqual([false, 1]);
  });

  it('Huawei USG: a time= without a zone is read in --tz, noted; a teardown at its BeginTime (epoch) after an offset header is not', () => {
    const DENY = 'WUH-FW-1 %%01POLICY/6/POLICYDENY(l):vsys=public, protocol=6, source-ip=203.0.113.9, source-port=4000, destination-ip=198.51.100.2, destination-port=23, time=Nov 20 2026 06:30:13, source-zone=untrust, destination-zone=local, rule-name=default.';
    const END = 'WUH-FW-1 %%01SECLOG/6/SESSION_TEARDOWN(l):IPVer=4,Protocol=udp,SourceIP=192.168.10.7,DestinationIP=198.51.100.53,SourcePort=52451,DestinationPort=53,BeginTime=1795152613,EndTime=1795152613,SourceZone=trust,DestinationZone=untrust,PolicyName=LAN-DNS.';
    expect(noted(huaweiUsgFormat, ['Nov 20 2026 06:30:13+01:00 ' + DENY])).toEqual([true, 1]);
    expect(noted(huaweiUsgFormat, ['2026-11-20T06:30:13+01:00 ' + END])).toEqual([false, 1]);
  });

  it("LEEF behind a relay's BSD header: a devTime in GMT or epoch decides, nothing noted; a zone-less devTime (or its devTimeFormat without a zone) is read in --tz, noted", () => {
    const LEEF = 'LEEF:2.0|Juniper|SRX|21.4R3|RT_FLOW_SESSION_DENY|^|src=203.0.113.9^dst=192.0.2.10^srcPort=40001^dstPort=22^proto=tcp^action=deny^devTime=';
    expect(noted(leefFormat, [`${BSD}${LEEF}Nov 20 2026 05:25:01 GMT`])).toEqual([false, 1]);
    expect(noted(leefFormat, [`${BSD}${LEEF}1795152301000`])).toEqual([false, 1]);
    expect(noted(leefFormat, [`${BSD}${LEEF}2026-11-20 06:25:01+0100^devTimeFormat=yyyy-MM-dd HH:mm:ssZ`])).toEqual([false, 1]);
    expect(noted(leefFormat, [`${BSD}${LEEF}Nov 20 2026 06:25:01`])).toEqual([true, 1]);
    expect(noted(leefFormat, [`${BSD}${LEEF}20.11.2026 06:25:01^devTimeFormat=dd.MM.yyyy HH:mm:ss`])).toEqual([true, 1]);
  });

  it('Cisco IOS: a header time with an offset wins over a zone-less IOS stamp, which is then not noted; a stamp that decides is', () => {
    expect(noted(ciscoIosFormat, [`2026-11-20T06:25:01+01:00 192.0.2.1 000123: *Nov 20 06:25:01.123: ${IOS}`])).toEqual([false, 1]);
    expect(noted(ciscoIosFormat, [`2026-11-20T06:25:01+01:00 192.0.2.1 000123: Nov 20 2026 06:25:01.123: ${IOS}`])).toEqual([true, 1]);
    expect(noted(ciscoIosFormat, [`2026-11-20T06:25:01+01:00 192.0.2.1 000123: Nov 20 2026 06:25:01.123 UTC: ${IOS}`])).toEqual([false, 1]);
  });

  it('a header\'s zone-less time that an event has is noted; lines that are no event note nothing', () => {
    const ufw = 'Nov 20 06:25:01 gw kernel: [UFW BLOCK] IN=eth0 OUT= MAC= SRC=203.0.113.5 DST=192.168.1.2 LEN=40 TOS=0x00 PREC=0x00 TTL=240 ID=1 PROTO=TCP SPT=4444 DPT=22 WINDOW=1024 RES=0x00 SYN URGP=0';
    expect(noted(iptablesFormat, [ufw])).toEqual([true, 1]);
    expect(noted(iptablesFormat, ['Nov 20 06:25:01 gw sshd[77]: Failed password for root from 198.51.100.7 port 51300 ssh2'])).toEqual([false, 0]);
    const print = 'firewall,info input: in:ether1 out:(none), proto UDP, 192.0.2.1:520->192.0.2.255:520, len 452';
    expect(noted(mikrotikFormat, [`01:01:58 ${print}`])).toEqual([true, 1]);
    expect(noted(mikrotikFormat, [`01:01:58 ${print.replace('192.0.2.255', '192.0.2.x')}`])).toEqual([false, 0]);
  });
});

/** The whole note after reading `lines` as `format` (iptables) in Europe/Berlin. */
function note(lines: string[], format: FormatDefinition = iptablesFormat): ZoneNote {
  const z: ZoneNote = {};
  const p = format.create({ file: 't.log', refDate: TEST_REF_DATE, year: 2026, tz: 'Europe/Berlin', zoneNote: z }, { event: () => {}, skipped: () => {}, malformed: () => {} });
  lines.forEach((l, i) => p.line(l, i + 1));
  p.end();
  return z;
}

const REC = 'gw kernel: IN=eth0 OUT= MAC= SRC=203.0.113.5 DST=192.168.1.2 LEN=40 TOS=0x00 PREC=0x00 TTL=240 ID=1 PROTO=TCP SPT=4444 DPT=22 WINDOW=1024 RES=0x00 SYN URGP=0';

describe('syslog headers: each event by its own header', () => {
  it("a zone-less header on a line that is no event does not make the next lines' zoned times zone-less", () => {
    const sshd = 'Nov 20 06:25:00 gw sshd[77]: Failed password for root from 198.51.100.7 port 51300 ssh2';
    expect(note([sshd, `2026-11-20T06:25:01+01:00 ${REC}`, `2026-11-20T06:25:02+01:00 ${REC}`])).toEqual({ headerTimes: { zoned: 2, zoneless: 0 } });
  });

  it('RFC 3339 headers, then BSD ones after a collector change: how many of each', () => {
    const z = note([`2026-11-20T06:25:01+01:00 ${REC}`, `2026-11-20T06:25:02Z ${REC}`, `2026-11-20T06:25:03+01:00 ${REC}`, `Nov 20 06:25:04 ${REC}`, `Nov 20 06:25:05.123 ${REC}`]);
    expect(z).toEqual({ zonelessTimes: true, headerTimes: { zoned: 3, zoneless: 2 } });
  });

  it("an ISO stamp without an offset is zone-less; short-full's named zone is a zone (the first name noted), UTC too", () => {
    expect(note([`2026-11-20T06:25:01 ${REC}`]).headerTimes).toEqual({ zoned: 0, zoneless: 1 });
    expect(note([`Fri 2026-11-20 06:25:01 CET ${REC}`, `Sat 2026-07-11 06:25:01 CEST ${REC}`, `Fri 2026-11-20 06:25:01 UTC ${REC}`])).toEqual({ namedZone: 'CET', headerTimes: { zoned: 3, zoneless: 0 } });
    expect(note([`Fri 2026-11-20 06:25:01 EST ${REC}`])).toEqual({ unmatchedZone: 'EST', headerTimes: { zoned: 1, zoneless: 0 } });
  });

  it("a device's BSD stamp with a zone word behind a relay's header: a zone, the name noted as a Cisco stamp's", () => {
    expect(note([`Nov 20 06:25:01 relay Nov 20 06:25:00 CET ${REC}`])).toEqual({ namedZone: 'CET', headerTimes: { zoned: 1, zoneless: 0 } });
    expect(note([`Nov 20 06:25:01 relay Nov 20 06:25:00 EST ${REC}`])).toEqual({ unmatchedZone: 'EST', headerTimes: { zoned: 1, zoneless: 0 } });
    expect(note([`Nov 20 06:25:01 relay Nov 20 06:25:00 UTC ${REC}`, `Nov 20 06:25:02 relay Nov 20 06:25:01 ${REC}`])).toEqual({ zonelessTimes: true, headerTimes: { zoned: 1, zoneless: 1 } });
  });

  it('pf inside a syslog envelope: the same, per line (a BSD line before RFC 3339 ones no longer makes them zone-less)', () => {
    const pf = 'gw pf: rule 3/(match) block in on em0: 198.51.100.7.51234 > 192.0.2.10.22: S 123:123(0) win 512';
    const sshd = 'Nov 20 06:25:00 gw sshd[77]: Failed password for root from 198.51.100.7 port 51300 ssh2';
    expect(note([sshd, `2026-11-20T06:25:01+01:00 ${pf}`, `2026-11-20T06:25:02+01:00 ${pf}`], pfFormat)).toEqual({ headerTimes: { zoned: 2, zoneless: 0 } });
    expect(note([`2026-11-20T06:25:01+01:00 ${pf}`, `Nov 20 06:25:04 ${pf}`], pfFormat)).toEqual({ zonelessTimes: true, headerTimes: { zoned: 1, zoneless: 1 } });
    // Bare tcpdump text has no header: its stamp is zone-less, and no header time is counted.
    expect(note(['Nov 20 06:25:01.432918 rule 3/(match) block in on em0: 198.51.100.7.51234 > 192.0.2.10.22: S 123:123(0) win 512'], pfFormat)).toEqual({ zonelessTimes: true });
  });
});
