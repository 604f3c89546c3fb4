// The hand-written NDJSON serializer must say exactly what JSON.stringify says (with the
// terminal-unsafe characters jsonTermSafe spells as \u escapes).
import { isAbsolute, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAnalysis, homeNetworks } from '../../src/cli/analysis.js';
import { setHomeNetworks } from '../../src/util/egress.js';
import { eventToEcs, eventToJson } from '../../src/render/event-json.js';
import { jsonText } from '../../src/render/sanitize.js';
import { makeEvent } from '../helpers/events.js';
import { fixtureEvents, parseLines } from '../helpers/parse.js';
import { iptablesFormat } from '../../src/parsers/iptables.js';
import { filterlogFormat } from '../../src/parsers/filterlog.js';
import { windowsFirewallFormat } from '../../src/parsers/windows-firewall.js';
import { STDIN_NAME } from '../../src/input/open.js';

const analysis = buildAnalysis({ inputFormat: null, year: null, tz: null, lang: 'en', signatures: [], homeNet: [] });

describe('eventToJson', () => {
  it('is byte-identical to jsonText (JSON.stringify) for every golden fixture event, annotated', () => {
    const events = fixtureEvents();
    for (const e of events) {
      analysis.annotate(e);
      expect(eventToJson(e)).toBe(jsonText(e));
    }
    expect(events.length).toBeGreaterThan(100);
  });

  it('escapes quotes, backslashes, control characters and lone surrogates like JSON.stringify', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), (rule, host) => {
        // makeEvent's key order is not the parsers', so compare the parsed values.
        const e = makeEvent({ rule, host });
        expect(JSON.parse(eventToJson(e))).toEqual(JSON.parse(JSON.stringify(e)));
      }),
      { numRuns: 300 },
    );
  });

  it('writes C1 controls, bidi overrides and line separators as \\u escapes', () => {
    const rule = 'A\u009b31mB\u202eC\u2028D\u007fE\u0085F\u200bG\ufeff';
    const e = makeEvent({ rule, host: 'gw\u001b[2J' });
    const line = eventToJson(e);
    expect(line).toContain(String.raw`"rule":"A\u009b31mB\u202eC\u2028D\u007fE\u0085F\u200bG\ufeff"`);
    expect(line).toContain(String.raw`"host":"gw\u001b[2J"`);
    expect(line).not.toMatch(/[\u007f-\u009f\u2028\u202e\u200b\ufeff\u001b]/);
    expect(JSON.parse(line).rule).toBe(rule);
    const ecs = eventToEcs(e);
    expect(ecs).not.toMatch(/[\u007f-\u009f\u2028\u202e]/);
    expect(JSON.parse(ecs).rule.name).toBe(rule);
  });

  it('writes ECS with address always and ip only when valid', () => {
    const doc = JSON.parse(eventToEcs(makeEvent({ src: { ip: '192.168.1.10055', port: 137 } })));
    expect(doc.source).toEqual({ address: '192.168.1.10055', port: 137 });
    const ok = JSON.parse(eventToEcs(makeEvent({ src: { ip: '203.0.113.7', port: 4000 } })));
    expect(ok.source).toEqual({ address: '203.0.113.7', ip: '203.0.113.7', port: 4000 });
    // A leading zero is no address (010 is 8 to inet_aton, 10 to others): kept as logged, not as an ip.
    for (const ip of ['203.0.113.07', '010.1.2.3', '1.2.3.00']) {
      expect(JSON.parse(eventToEcs(makeEvent({ src: { ip, port: 1 } }))).source, ip).toEqual({ address: ip, port: 1 });
    }
    expect(JSON.parse(eventToEcs(makeEvent({ src: { ip: '10.0.0.0', port: 1 } }))).source.ip).toBe('10.0.0.0');
  });

  it('related.ip lists the valid source and destination addresses once each, as Elastic\'s iptables integration does', () => {
    const related = (src: string | null, dst: string | null): unknown =>
      (JSON.parse(eventToEcs(makeEvent({ src: { ip: src, port: 1 }, dst: { ip: dst, port: 2 } }))) as { related?: { ip: unknown } }).related;
    expect(related('203.0.113.7', '192.168.1.10')).toEqual({ ip: ['203.0.113.7', '192.168.1.10'] });
    expect(related('2001:db8::1', '2001:db8::2')).toEqual({ ip: ['2001:db8::1', '2001:db8::2'] });
    expect(related('192.168.1.10', '192.168.1.10')).toEqual({ ip: ['192.168.1.10'] });
    // A corrupted address stays out (an ip field would refuse the document), as from source.ip.
    expect(related('192.168.1.10055', '192.168.1.10')).toEqual({ ip: ['192.168.1.10'] });
    expect(related(null, '192.168.1.10')).toEqual({ ip: ['192.168.1.10'] });
    expect(related(null, null)).toBeUndefined();
    expect(related('192.168.1.10055', null)).toBeUndefined();
  });

  it('a Windows Firewall INFO-EVENTS-LOST row is no connection and no packet in ECS: type info, no network', () => {
    const lost = makeEvent({ format: 'windows-firewall', action: 'other', direction: null, proto: 'other', rule: 'INFO-EVENTS-LOST 14', src: { ip: null, port: null }, dst: { ip: null, port: null } });
    const doc = JSON.parse(eventToEcs(lost)) as { event: { type: string[] }; network?: unknown; rule?: unknown; logscan: { lost_records: number } };
    expect(doc.event.type).toEqual(['info']);
    expect(doc.network).toBeUndefined();
    expect(doc.rule).toBeUndefined();
    expect(doc.logscan.lost_records).toBe(14);
    // The same rule text from another format is a log prefix: a packet like any other.
    const prefix = JSON.parse(eventToEcs({ ...lost, format: 'iptables' })) as { event: { type: string[] }; network?: { packets: number } };
    expect(prefix.event.type).toEqual(['connection', 'info']);
    expect(prefix.network?.packets).toBe(1);
  });

  it("a Windows Firewall ALLOW row's placeholder size is no byte count in ECS: network.bytes absent, a dropped packet's size kept", () => {
    const [allow, drop] = parseLines(windowsFirewallFormat, [
      '2024-07-29 13:23:36 ALLOW TCP 192.168.9.219 20.190.160.20 61540 443 0 - 0 0 0 - - - SEND',
      '2026-11-20 06:25:03 DROP TCP 203.0.113.7 192.168.1.20 44321 445 52 S 1234567 0 64240 - - - RECEIVE',
    ]).events;
    const ecs = (e: typeof allow) => JSON.parse(eventToEcs(e!)) as { network: { bytes?: number; packets: number }; logscan: { tcp_window?: number } };
    expect(ecs(allow).network).toMatchObject({ packets: 1 });
    expect(ecs(allow).network.bytes).toBeUndefined();
    expect(ecs(allow).logscan.tcp_window).toBeUndefined();
    expect(ecs(drop).network.bytes).toBe(52);
    expect(ecs(drop).logscan.tcp_window).toBe(64240);
  });

  it('the process a Windows Firewall row names is process.pid in ECS and pid in NDJSON; null (ECS: absent) without one', () => {
    const header = '#Fields: date time action protocol src-ip dst-ip src-port dst-port size tcpflags tcpsyn tcpack tcpwin icmptype icmpcode info path pid';
    const [named, unnamed] = parseLines(windowsFirewallFormat, [
      header,
      '2026-03-10 10:00:09 DROP TCP 192.168.1.35 203.0.113.99 55557 25 52 S 1 0 64240 - - - SEND 10452',
      '2026-03-10 10:00:09 DROP TCP 192.168.1.35 203.0.113.99 55557 25 52 S 1 0 64240 - - - SEND -',
    ]).events;
    expect((JSON.parse(eventToEcs(named!)) as { process?: { pid: number } }).process).toEqual({ pid: 10452 });
    expect((JSON.parse(eventToEcs(unnamed!)) as { process?: unknown }).process).toBeUndefined();
    expect(eventToJson(named!)).toContain('"tcpWindow":64240,"pid":10452,"icmp":null');
    // Every key is always there: another format's event says null.
    expect(eventToJson(makeEvent())).toContain('"tcpWindow":64240,"pid":null,"icmp":null');
  });

  it("network.direction: the host's view (ingress/egress) for its own chains, the perimeter's for forwarded packets and border devices (by --home-net, else the local ranges)", () => {
    const dir = (direction: 'in' | 'out' | 'forward' | null, src: string, dst: string, format = 'iptables'): string | undefined =>
      (JSON.parse(eventToEcs(makeEvent({ direction, format, src: { ip: src }, dst: { ip: dst } }))) as { network: { direction?: string } }).network.direction;
    expect(dir('in', '203.0.113.7', '192.168.1.2')).toBe('ingress');
    expect(dir('out', '192.168.1.2', '203.0.113.7')).toBe('egress');
    expect(dir('in', '203.0.113.7', '192.168.1.2', 'windows-firewall')).toBe('ingress');
    expect(dir(null, '192.168.1.2', '203.0.113.7')).toBeUndefined();
    expect([dir('forward', '203.0.113.7', '192.168.1.2'), dir('forward', '192.168.1.2', '203.0.113.7'), dir('forward', '192.168.1.2', '10.0.0.3'), dir('forward', '203.0.113.7', '198.51.100.2')]).toEqual([
      'inbound',
      'outbound',
      'internal',
      'external',
    ]);
    // pf's `in` is a LAN client's packet entering the LAN interface; an ASA gives no direction.
    expect(dir('in', '10.170.12.50', '1.1.1.1', 'pfsense-filterlog')).toBe('outbound');
    expect(dir('in', '203.0.113.7', '10.0.0.5', 'pf')).toBe('inbound');
    expect(dir(null, '10.0.0.5', '198.51.100.5', 'cisco-asa')).toBe('outbound');
    setHomeNetworks(homeNetworks(['203.0.113.0/24']));
    try {
      expect([dir('forward', '203.0.113.7', '198.51.100.2'), dir('forward', '192.168.1.2', '203.0.113.7')]).toEqual(['outbound', 'inbound']);
    } finally {
      setHomeNetworks(null);
    }
  });

  it('network.transport is the IANA keyword (ipv6-icmp), and absent for a protocol known only by its number', () => {
    const transport = (proto: string) => (JSON.parse(eventToEcs(makeEvent({ proto }))) as { network: { transport?: string; iana_number?: string } }).network;
    expect(transport('tcp').transport).toBe('tcp');
    expect(transport('icmpv6')).toMatchObject({ transport: 'ipv6-icmp', iana_number: '58' });
    expect(transport('162')).toEqual(expect.objectContaining({ iana_number: '162' }));
    expect(transport('162').transport).toBeUndefined();
    expect(transport('other').transport).toBeUndefined();
  });

  it("an ICMP error's quoted addresses get ip only when valid, like the event's own", () => {
    const e = makeEvent({ proto: 'icmp', icmp: { type: 3, code: 3, embedded: { src: { ip: '198.51.100.10', port: 53 }, dst: { ip: '203.0.113.300', port: 40000 }, proto: 'udp' } } });
    const icmp = (JSON.parse(eventToEcs(e)) as { logscan: { icmp: { embedded: Record<string, unknown> } } }).logscan.icmp;
    expect(icmp).toEqual({
      type: 3,
      code: 3,
      embedded: { src: { address: '198.51.100.10', ip: '198.51.100.10', port: 53 }, dst: { address: '203.0.113.300', port: 40000 }, proto: 'udp' },
    });
  });

  it('ICMP with no type, code or quoted packet (Cisco ASA) has no logscan.icmp: an empty field is left out', () => {
    const asa = JSON.parse(eventToEcs(makeEvent({ proto: 'icmp', icmp: { type: null, code: null, embedded: null } }))) as { logscan: Record<string, unknown> };
    expect(asa.logscan).not.toHaveProperty('icmp');
    const typed = JSON.parse(eventToEcs(makeEvent({ proto: 'icmp', icmp: { type: 8, code: null, embedded: null } }))) as { logscan: Record<string, unknown> };
    expect(typed.logscan.icmp).toEqual({ type: 8 });
  });

  it('a device named by its address is observer.ip, not observer.hostname; standard input has no log.file.path', () => {
    const byIp = JSON.parse(eventToEcs(makeEvent({ host: '10.22.8.216' }))) as { observer: Record<string, unknown> };
    expect(byIp.observer).toMatchObject({ ip: '10.22.8.216' });
    expect(byIp.observer.hostname).toBeUndefined();
    expect((JSON.parse(eventToEcs(makeEvent({ host: 'gw' }))) as { observer: Record<string, unknown> }).observer).toMatchObject({ hostname: 'gw' });
    const stdin = JSON.parse(eventToEcs(makeEvent({ origin: { file: STDIN_NAME, line: 3 } }))) as { log?: unknown; logscan: { line: number } };
    expect(stdin.log).toBeUndefined();
    expect(stdin.logscan.line).toBe(3);
    expect((JSON.parse(eventToEcs(makeEvent({ origin: { file: '/var/log/ufw.log', line: 1 } }))) as { log: unknown }).log).toEqual({ file: { path: '/var/log/ufw.log' } });
  });

  it('event.dataset is the dataset of the data stream README ships to (logscan), whatever the format; the format is logscan.format', () => {
    for (const format of ['iptables', 'windows-firewall', 'cisco-asa', 'pfsense-filterlog']) {
      const doc = JSON.parse(eventToEcs(makeEvent({ format }))) as { event: { dataset: string; module: string }; logscan: { format: string } };
      expect(doc.event).toMatchObject({ dataset: 'logscan', module: 'logscan' });
      expect(doc.logscan.format).toBe(format);
    }
  });

  it('log.file.path is the full path of a file named relatively (ECS: "Full path to the log file"), the same for each of its events', () => {
    const path = (file: string, line: number): unknown => (JSON.parse(eventToEcs(makeEvent({ origin: { file, line } }))) as { log: { file: { path: unknown } } }).log.file.path;
    expect(path('ufw.log', 1)).toBe(resolve('ufw.log'));
    expect(path('ufw.log', 2)).toBe(resolve('ufw.log'));
    expect(path('./logs/../kern.log', 1)).toBe(resolve('kern.log'));
    expect(isAbsolute(resolve('kern.log'))).toBe(true);
  });
});

describe('protocol numbers: one table for every format and for ECS', () => {
  it('netfilter and pfSense name protocol 89 alike, and ECS gives its IANA number for a name or a bare number', () => {
    const nf = parseLines(iptablesFormat, ['Nov 20 10:00:00 gw kernel: DROP IN=eth0 OUT= SRC=198.51.100.5 DST=192.0.2.1 LEN=40 TTL=50 PROTO=89']).events[0]!;
    const pf = parseLines(filterlogFormat, ['Nov 20 10:00:00 pfSense filterlog: 5,,,1000000103,em0,match,block,in,4,0x0,,64,0,0,none,89,ospf,40,198.51.100.5,192.0.2.1,datalength=20']).events[0]!;
    expect([nf.proto, pf.proto]).toEqual(['ospf', 'ospf']);
    const iana = (e: Parameters<typeof eventToEcs>[0]) => (JSON.parse(eventToEcs(e)) as { network: { iana_number?: string } }).network.iana_number;
    expect(iana(nf)).toBe('89');
    expect(iana(makeEvent({ proto: 'tcp' }))).toBe('6');
    expect(iana(makeEvent({ proto: '253' }))).toBe('253');
    // pf and pfSense log CARP by name; its packets are protocol 112.
    expect(iana(makeEvent({ proto: 'carp' }))).toBe('112');
    expect(iana(makeEvent({ proto: 'other' }))).toBeUndefined();
  });
});
