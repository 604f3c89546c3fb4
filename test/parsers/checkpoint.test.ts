// The Check Point (Log Exporter, syslog format) parser, one behaviour per test; the golden
// fixture (test/fixtures/checkpoint/firewall.log) covers a whole file.
import { describe, expect, it } from 'vitest';
import type { FirewallEvent } from '../../src/event.js';
import { checkpointFormat } from '../../src/parsers/checkpoint.js';
import { isConnectionRecord } from '../../src/parsers/connection-records.js';
import { iptablesFormat } from '../../src/parsers/iptables.js';
import { payloadKind } from '../../src/parsers/payload-dispatch.js';
import { formats } from '../../src/parsers/registry.js';
import { eventToEcs } from '../../src/render/event-json.js';
import { parseLines, splitLines } from '../helpers/parse.js';
import { countBy, expectNoSampleOrCorpusSniffsAs, expectOwnLogsSniffAs, generatedSample, malformedReason, oneEvent } from '../helpers/format-tests.js';

const FIXTURES = new URL('../fixtures/checkpoint/', import.meta.url).pathname;

// A probe of the gateway's telnet port, dropped by the cleanup rule.
const DROP =
  '<134>1 2026-11-20T06:25:01Z gw-7f3a CheckPoint 12345 - [action:"Drop"; flags:"411908"; ifdir:"inbound"; ifname:"eth1"; logid:"0"; loguid:"{0x673d8a5d,0x0,0x100a8c0,0xc0000001}"; origin:"192.0.2.1"; originsicname:"CN=gw-7f3a,O=mgmt.example.7f3a2b"; sequencenum:"1"; time:"1763619901"; version:"5"; __policy_id_tag:"product=VPN-1 & FireWall-1[db_tag={4C3A1B2D-0E5F-4A6B-8C7D-9E0F1A2B3C4D};mgmt=mgmt;date=1763596800;policy_name=Standard\\]"; dst:"198.51.100.2"; inzone:"External"; layer_name:"Network"; outzone:"Local"; product:"VPN-1 & FireWall-1"; proto:"6"; rule:"7"; rule_name:"Cleanup"; s_port:"41234"; service:"23"; service_id:"telnet"; src:"203.0.113.7"]';
const IPTABLES =
  'Nov 20 06:25:01 gw kernel: [123.456] [UFW BLOCK] IN=eth0 OUT= MAC=00:16:3e:11:22:33:00:16:3e:44:55:66:08:00 SRC=203.0.113.7 DST=198.51.100.2 LEN=40 TOS=0x00 PREC=0x00 TTL=241 ID=54321 PROTO=TCP SPT=47001 DPT=23 WINDOW=1024 RES=0x00 SYN URGP=0';

function one(line: string, tz: string | null = 'Europe/Berlin'): FirewallEvent {
  return oneEvent(checkpointFormat, line, { tz });
}

/** `line` with `key:"value"` in place of the key's own pair (added before `src` when absent), or the pair removed with null. */
function withField(key: string, value: string | null, line = DROP): string {
  const re = new RegExp(`(\\[|; )${key}::?"(?:[^"\\\\]|\\\\.)*"(; |\\])`);
  const m = re.exec(line);
  if (m === null) return value === null ? line : line.replace('; src:"', `; ${key}:"${value}"; src:"`);
  if (value === null) return line.slice(0, m.index) + (m[1] === '[' ? '[' : m[2] === ']' ? ']' : '; ') + line.slice(m.index + m[0].length);
  return line.slice(0, m.index) + `${m[1]}${key}:"${value}"${m[2]}` + line.slice(m.index + m[0].length);
}

describe('checkpoint: reading a firewall record', () => {
  it('time (epoch seconds), origin as host, addresses, ports, protocol number, interface, zones, rule', () => {
    const e = one(DROP);
    expect([e.time?.toISOString(), e.yearInferred, e.host, e.format, e.proto, e.ipVersion, e.action]).toEqual(['2025-11-20T06:25:01.000Z', false, '192.0.2.1', 'checkpoint', 'tcp', 4, 'drop']);
    expect([e.src, e.dst]).toEqual([{ ip: '203.0.113.7', port: 41234 }, { ip: '198.51.100.2', port: 23 }]);
    expect([e.inIface, e.outIface, e.direction, e.rule, e.tcpFlags]).toEqual(['eth1', null, 'in', 'Network: rule 7 "Cleanup" External->Local', null]);
  });

  it('time: milliseconds, ISO 8601 (without a zone: --tz), none: the header; the header host without origin', () => {
    expect(one(withField('time', '1763619901250')).time?.toISOString()).toBe('2025-11-20T06:25:01.250Z');
    expect(one(withField('time', '2026-11-20T06:25:01+01:00')).time?.toISOString()).toBe('2026-11-20T05:25:01.000Z');
    expect(one(withField('time', '2026-11-20T06:25:01')).time?.toISOString()).toBe('2026-11-20T05:25:01.000Z');
    expect(one(withField('time', '2026-11-20T06:25:59.9996Z')).time?.toISOString()).toBe('2026-11-20T06:25:59.999Z');
    const bare = withField('origin', null, withField('time', null));
    expect([one(bare).time?.toISOString(), one(bare).host]).toEqual(['2026-11-20T06:25:01.000Z', 'gw-7f3a']);
  });

  it('actions: Drop, Block → drop, Reject → reject, Accept, Allow → allow, an allow a connection record', () => {
    const action = (a: string) => one(withField('action', a)).action;
    expect([action('Drop'), action('Block'), action('Reject'), action('Accept'), action('Allow')]).toEqual(['drop', 'drop', 'reject', 'allow', 'allow']);
    expect(isConnectionRecord(one(withField('action', 'Accept')))).toBe(true);
    expect(isConnectionRecord(one(DROP))).toBe(false);
  });

  it('direction: zones first (Local is the gateway), then conn_direction, then ifdir; the interface by ifdir', () => {
    const zones = (from: string | null, to: string | null, line = DROP) => one(withField('inzone', from, withField('outzone', to, line))).direction;
    expect([zones('External', 'Local'), zones('Local', 'External'), zones('Internal', 'External'), zones('DMZ', 'External')]).toEqual(['in', 'out', 'out', 'out']);
    expect([zones('External', 'Internal'), zones('External', 'DMZ'), zones('Internal', 'DMZ')]).toEqual(['forward', 'forward', 'forward']);
    const none = withField('inzone', null, withField('outzone', null));
    expect([one(withField('conn_direction', 'Outgoing', none)).direction, one(withField('conn_direction', 'Incoming', none)).direction, one(none).direction]).toEqual(['out', 'forward', 'in']);
    const out = one(withField('ifdir', 'outbound', none));
    expect([out.direction, out.inIface, out.outIface]).toEqual(['out', null, 'eth1']);
    expect(one(withField('ifdir', null, none)).direction).toBeNull();
  });

  it('the rule: layer, number, name (escapes read) and zones; in ECS rule.ruleset, id, name and the observer zones', () => {
    const e = one(withField('rule_name', 'Block \\"IRC\\" [old\\]'));
    expect(e.rule).toBe('Network: rule 7 "Block \\"IRC\\" [old]" External->Local');
    const ecs = JSON.parse(eventToEcs(e)) as { rule?: unknown; observer: unknown };
    expect(ecs.rule).toEqual({ id: '7', name: 'Block "IRC" [old]', ruleset: 'Network' });
    expect(ecs.observer).toEqual({ ip: '192.0.2.1', type: 'firewall', ingress: { interface: { name: 'eth1' }, zone: 'External' }, egress: { zone: 'Local' } });
    expect(one(withField('layer_name', null, withField('rule', null, withField('rule_name', null, withField('inzone', null, withField('outzone', null)))))).rule).toBe('rule -');
  });

  it('ICMP type and code, IPv6, TCP flags of an out-of-state drop', () => {
    const ping = withField('proto', '1', withField('icmp_type', '8', withField('icmp_code', '0', withField('s_port', null, withField('service', null)))));
    expect([one(ping).proto, one(ping).icmp, one(ping).src.port]).toEqual(['icmp', { type: 8, code: 0, embedded: null }, null]);
    const v6 = one(withField('src', '2001:db8::7', withField('dst', '2001:db8:1::1', withField('proto', '58', withField('icmp_type', '128')))));
    expect([v6.ipVersion, v6.proto, v6.icmp?.type]).toEqual([6, 'icmpv6', 128]);
    expect(one(withField('tcp_flags', 'FIN-ACK')).tcpFlags).toEqual(['ACK', 'FIN']);
  });

  it('fields it does not need are passed over, whatever they hold (quotes, brackets, two colons)', () => {
    const noisy = DROP.replace('; dst:"', '; sys_message::"src:\\"10.9.9.9\\"; action:\\"Accept\\" ]"; methods::"ESP: AES-128 + SHA1"; dst:"');
    const e = one(noisy);
    expect([e.src.ip, e.action, e.dst.ip]).toEqual(['203.0.113.7', 'drop', '198.51.100.2']);
    // Behind a BSD header, and with no header at all.
    const body = DROP.slice(DROP.indexOf('['));
    expect(one(`Nov 20 06:25:01 192.0.2.1 ${body}`).src.ip).toBe('203.0.113.7');
    expect(one(body).dst.port).toBe(23);
  });
});

describe('checkpoint: lines skipped and lines malformed', () => {
  it('other products, actions that are no verdict and drop summaries are skipped saying which', () => {
    const r = parseLines(checkpointFormat, [
      withField('product', 'System Monitor'),
      withField('product', 'Threat Emulation'),
      withField('action', 'Key Install'),
      withField('src', null, withField('packet_amount', '5')),
      'Nov 20 06:41:00 loghost sshd[811]: Accepted publickey for admin from 192.168.2.5 port 50022 ssh2',
    ]);
    expect(r.events).toEqual([]);
    expect(r.malformed).toEqual([]);
    expect(r.skipped.map((s) => s.reason)).toEqual([
      "Check Point log of 'System Monitor': not a firewall record",
      "Check Point log of 'Threat Emulation': not a firewall record",
      "Check Point firewall record of action 'Key Install': not a packet filter verdict",
      'Check Point optimized drop summary of 5 packets to different ends: not read',
      'not a firewall record',
    ]);
  });

  it('a record in the structured-data layout is skipped naming that layout, not as an empty message', () => {
    const fields =
      '<85>1 2026-11-20T06:41:00+01:00 192.0.2.1 CP-GW - Log [Fields@1.3.6.1.4.1.2620 inzone="External" outzone="Local" src="203.0.113.7" dst="198.51.100.2" proto="6" ProductName="VPN-1 & FireWall-1" svc="443" sport_svc="56530"]';
    const r = parseLines(checkpointFormat, [DROP, fields]);
    expect(r.events).toHaveLength(1);
    expect(r.skipped.map((s) => s.reason)).toEqual([
      'Check Point record in the structured-data layout ([Fields@1.3.6.1.4.1.2620 …]): not read; send Log Exporter\'s syslog format ([key:"value"; …])',
    ]);
    // Another program's structured data with no message is still an empty message.
    expect(parseLines(checkpointFormat, ['<85>1 2026-11-20T06:41:00+01:00 192.0.2.1 app - - [meta sequenceId="1"]']).skipped.map((s) => s.reason)).toEqual(['empty message']);
  });

  it('a needed field missing or unreadable is malformed, named as Log Exporter names it', () => {
    const malformed = (line: string) => malformedReason(checkpointFormat, line, { tz: 'UTC' });
    expect(malformed(withField('src', null))).toBe('src: missing');
    expect(malformed(withField('dst', 'N/A'))).toBe("dst: invalid address 'N/A'");
    expect(malformed(withField('dst', '2001:db8::1'))).toBe('dst: address family differs from src');
    expect(malformed(withField('service', null))).toBe('service: missing');
    expect(malformed(withField('s_port', '65536'))).toBe("s_port: invalid port '65536'");
    expect(malformed(withField('proto', 'tcp'))).toBe("proto: not a protocol number 'tcp'");
    expect(malformed(withField('action', null))).toBe('action: missing');
    expect(malformed(withField('time', '20.11.2026 06:30'))).toBe("time: invalid '20.11.2026 06:30'");
    expect(malformed(withField('time', '2026-11-20T06:30:12+25:00'))).toBe('time: impossible UTC offset');
    expect(malformed(DROP.slice(0, DROP.indexOf('rule_name:"Cle') + 14))).toBe('rule_name: unclosed "');
  });
});

describe('checkpoint: sniffing and mixed files', () => {
  it('its own logs sniff as checkpoint with high confidence', () => {
    expectOwnLogsSniffAs(FIXTURES, ['firewall.log', 'sample/gw-office.log'], 'checkpoint', 0.95);
  });

  it("every other format's examples, the samples and the corpus do not look like a Log Exporter log", () => {
    for (const f of formats) if (f !== checkpointFormat) expect([f.id, checkpointFormat.sniff(f.examples)]).toEqual([f.id, 0]);
    expectNoSampleOrCorpusSniffsAs(checkpointFormat);
  });

  it('a loghost file of iptables and Check Point lines: each line is read by its own payload, whichever format the file is read as', () => {
    const body = DROP.slice(DROP.indexOf('['));
    const lines = [IPTABLES, `Nov 20 06:25:01 192.0.2.1 ${body}`, DROP, IPTABLES];
    const r = parseLines(iptablesFormat, lines, { tz: 'UTC' });
    expect(r.malformed).toEqual([]);
    // An RFC 5424 record, its bracket where the structured data is and no message, is the dispatcher's too.
    expect(r.events.map((e) => e.format)).toEqual(['iptables', 'checkpoint', 'checkpoint', 'iptables']);
    const own = parseLines(checkpointFormat, lines, { tz: 'UTC' });
    expect(own.events.map((e) => e.format)).toEqual(['iptables', 'checkpoint', 'checkpoint', 'iptables']);
    expect(payloadKind(body, 0, body.length)).toBe('checkpoint');
    expect(payloadKind('[UFW BLOCK] IN=eth0', 0, 19)).toBeNull();
  });
});

describe('checkpoint: the sample log', () => {
  it('is what make-sample.mjs writes, and reads with nothing malformed', () => {
    const text = generatedSample(FIXTURES, 'sample/gw-office.log');
    const r = parseLines(checkpointFormat, splitLines(text));
    expect(r.malformed).toEqual([]);
    expect(r.skipped).toHaveLength(17);
    expect(r.events).toHaveLength(288);
    const by = (k: (e: FirewallEvent) => string) => countBy(r.events, k);
    expect(by((e) => e.action)).toEqual({ drop: 228, allow: 60 });
    expect(by((e) => String(e.direction))).toEqual({ in: 134, forward: 108, out: 46 });
    expect(r.events.filter(isConnectionRecord)).toHaveLength(60);
  });
});
