// CSV, blocklist, DShield and NDJSON enrichment: formats, and hostile log text that
// must not become a formula, a shell command or an nft statement.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { enrichEventEcs, enrichEventJson } from '../../src/enrich/event-enrich.js';
import { openGeoIp, type GeoIp } from '../../src/enrich/geoip.js';
import { commentSafe, renderBlocklist } from '../../src/render/blocklist.js';
import { homeNetworks } from '../../src/cli/analysis.js';
import { setHomeNetworks } from '../../src/util/egress.js';
import { dshieldFlags, eventToDshield } from '../../src/render/dshield.js';
import { eventToEcs, eventToJson } from '../../src/render/event-json.js';
import { csvText, renderReportCsv } from '../../src/render/report-csv.js';
import { protoByNumber } from '../../src/util/protocols.js';
import { makeEvent } from '../helpers/events.js';
import { doc, row } from '../helpers/report-doc.js';
import { makeGeoDir } from '../helpers/geo-fixture.js';

const HOSTILE = 'scan\n rm -rf / #\r\u2028nft flush ruleset\u001b[2J';

describe('-o csv', () => {
  test('RFC 4180 quoting and formula neutralisation', () => {
    expect(csvText('plain')).toBe('plain');
    expect(csvText('a,b')).toBe('"a,b"');
    expect(csvText('say "hi"')).toBe('"say ""hi"""');
    for (const f of ['=1+1', '+1', '-1', '@SUM(A1)']) expect(csvText(f).replace(/^"/, '').startsWith("'")).toBe(true);
    // A leading TAB is spelled \t, as on the terminal: no longer a cell a spreadsheet could read as a formula's start.
    expect(csvText('\tx')).toBe('\\tx');
    expect(csvText('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
  });

  test('control, C1, bidi, zero-width characters and line breaks spelled out, as on the terminal (the CSV is printed to one)', () => {
    expect(csvText('two\nlines\r')).toBe('two\\x0alines\\x0d');
    expect(csvText('a\u009b2J\u202eb\u200bc\u2028d\u0007')).toBe('a\\x9b2J\\u202eb\\u200bc\\u2028d\\x07');
    expect(csvText('\rx')).toBe('\\x0dx');
  });

  test('sources table: one header, CRLF, enrichment columns', () => {
    const out = renderReportCsv(doc([row('203.0.113.9', 99.5, '-2+3 "quoted", and more', { ptr: '@evil', geo: { country: 'CN', countryName: 'China' }, as: { number: 64501, organization: '=cmd' } })]), 'sources');
    const lines = out.split('\r\n');
    expect(lines[0]).toMatch(/^rank,ip,score,/);
    expect(lines[1]).toContain(`'@evil`);
    expect(lines[1]).toContain(`'=cmd`);
    expect(lines[1]).toContain(`"'-2+3 ""quoted"", and more"`);
    expect(lines[1]).toContain(',CN,China,64501,');
    expect(lines[2]).toBe('');
  });

  test('ports table', () => {
    // Only a cell's first character can start a formula.
    expect(renderReportCsv(doc([]), 'ports')).toBe('proto,port,packets,share,known_as,sources,connections\r\ntcp,23,3,1,Telnet; =cmd|calc,2,0\r\nsctp,9,1,0,,,0\r\n');
  });
});

describe('-o blocklist', () => {
  const sources = [
    row('198.51.100.77', 117.4, HOSTILE),
    row('2001:db8::0001', 95.2),
    row('10.1.2.3', 90),
    row('127.0.0.1', 90),
    row('fe80::1%eth0', 90),
    row('1.2.3.4;reboot', 80),
    row('010.1.1.1', 80),
    row('::ffff:203.0.113.5', 70),
    row('203.0.113.99', 10),
  ];

  test('nft: two typed sets, canonical addresses, one comment line per entry', () => {
    const out = renderBlocklist(doc(sources), { format: 'nft', minScore: 50, includePrivate: false, version: '0.1.0' });
    expect(out).toContain('type ipv4_addr');
    expect(out).toContain('type ipv6_addr');
    expect(out).toContain('add element inet logscan blocklist4 { 198.51.100.77 }');
    expect(out).toContain('add element inet logscan blocklist6 { 2001:db8::1 }');
    expect(out).toContain('add element inet logscan blocklist4 { 203.0.113.5 }');
    expect(out).not.toContain('10.1.2.3');
    expect(out).not.toContain('127.0.0.1');
    expect(out).not.toContain('203.0.113.99');
    expect(out).toMatch(/Left out: 3 loopback\/private\/link-local sources/);
    expect(out).toMatch(/Left out: 2 sources whose logged address is not a valid IP address/);
    expect(out).not.toContain('reboot');
    // Every line is a comment, blank, or one of the statements logscan writes itself.
    for (const l of out.split('\n')) {
      expect(l === '' || l.startsWith('#') || /^(table|delete table|\t|}|add element inet logscan blocklist[46] \{ [0-9a-f.:]+ \}$)/.test(l), l).toBe(true);
    }
    expect(out).toContain('\\x0a rm -rf');
  });

  test('ipset restore file with inet and inet6 sets', () => {
    const out = renderBlocklist(doc(sources), { format: 'ipset', minScore: 50, includePrivate: false, version: '0.1.0' });
    expect(out).toContain('create logscan4 hash:ip family inet\n');
    expect(out).toContain('create logscan6 hash:ip family inet6\n');
    expect(out).toContain('add logscan4 198.51.100.77\n');
    expect(out).toContain('add logscan6 2001:db8::1\n');
    for (const l of out.split('\n')) expect(l === '' || l.startsWith('#') || /^(create|flush|add) logscan[46]( |$)/.test(l), l).toBe(true);
  });

  test('iptables and ufw commands; --blocklist-include-private keeps private ones', () => {
    const ipt = renderBlocklist(doc(sources), { format: 'iptables', minScore: 50, includePrivate: true, version: '0.1.0' });
    expect(ipt).toContain('iptables -I INPUT -s 10.1.2.3 -j DROP');
    expect(ipt).toContain('ip6tables -I INPUT -s 2001:db8::1 -j DROP');
    const ufw = renderBlocklist(doc(sources), { format: 'ufw', minScore: 50, includePrivate: false, version: '0.1.0' });
    expect(ufw).toContain("ufw prepend deny from 198.51.100.77 comment 'logscan blocklist'");
    for (const out of [ipt, ufw]) {
      for (const l of out.split('\n')) expect(l === '' || l.startsWith('#') || /^(iptables|ip6tables|ufw) /.test(l), l).toBe(true);
    }
  });

  test('the iptables script can run again (a cron job refreshing the list) without piling up duplicate rules', () => {
    const ipt = renderBlocklist(doc(sources), { format: 'iptables', minScore: 50, includePrivate: true, version: '0.1.0' });
    // A stand-in for iptables and ip6tables that keeps INPUT in a file: -C answers from it, -I inserts.
    const dir = mkdtempSync(join(tmpdir(), 'logscan-ipt-'));
    try {
      const fake = '#!/bin/sh\nrules="$(dirname "$0")/rules.$(basename "$0")"; touch "$rules"\nop=$1; shift\nif [ "$op" = -C ]; then grep -qxF "$*" "$rules"; else echo "$*" >> "$rules"; fi\n';
      for (const name of ['iptables', 'ip6tables']) {
        writeFileSync(join(dir, name), fake);
        chmodSync(join(dir, name), 0o755);
      }
      writeFileSync(join(dir, 'block.sh'), ipt);
      const env = { ...process.env, PATH: `${dir}:${process.env.PATH}` };
      for (let run = 0; run < 2; run++) execFileSync('sh', [join(dir, 'block.sh')], { env });
      expect(readFileSync(join(dir, 'rules.iptables'), 'utf8')).toBe(
        ['198.51.100.77', '10.1.2.3', '127.0.0.1', '203.0.113.5'].map((ip) => `INPUT -s ${ip} -j DROP\n`).join(''),
      );
      expect(readFileSync(join(dir, 'rules.ip6tables'), 'utf8')).toBe('INPUT -s 2001:db8::1 -j DROP\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('powershell: New-NetFirewallRule blocking batches of validated addresses, each one\'s reason in a comment above its rule', () => {
    const out = renderBlocklist(doc(sources), { format: 'powershell', minScore: 50, includePrivate: false, version: '0.1.0' });
    // Loading it again replaces the earlier rules: they share a group.
    expect(out).toContain("Remove-NetFirewallRule -Group 'logscan blocklist' -ErrorAction SilentlyContinue");
    expect(out).toContain(
      "New-NetFirewallRule -DisplayName 'logscan block 198.51.100.77 and 2 more' -Group 'logscan blocklist' -Direction Inbound -Action Block -RemoteAddress '198.51.100.77','2001:db8::1','203.0.113.5' | Out-Null",
    );
    expect(out).toContain('# 198.51.100.77: score 117.4, severity 4: scan\\x0a rm -rf');
    expect(out).not.toContain('10.1.2.3');
    expect(out).not.toContain('reboot');
    expect(out).not.toContain('010.1.1.1');
    expect(out).toMatch(/Left out: 2 sources whose logged address is not a valid IP address/);
    // Every line is a comment, blank, or a statement logscan writes itself, with quoted addresses only.
    for (const l of out.split('\n')) {
      expect(l === '' || l.startsWith('#') || /^Remove-NetFirewallRule /.test(l) || /^New-NetFirewallRule -DisplayName 'logscan block [0-9a-f.:]+( and \d+ more)?' -Group 'logscan blocklist' -Direction Inbound -Action Block -RemoteAddress '[0-9a-f.:]+'(,'[0-9a-f.:]+')* \| Out-Null$/.test(l), l).toBe(true);
    }
  });

  test('powershell: one rule per 100 addresses; a lone address names itself', () => {
    const many = Array.from({ length: 201 }, (_, i) => row(`198.51.${100 + Math.floor(i / 250)}.${(i % 250) + 1}`, 60 + (i % 7)));
    const out = renderBlocklist(doc(many), { format: 'powershell', minScore: 50, includePrivate: false, version: '0.1.0' });
    const rules = out.split('\n').filter((l) => l.startsWith('New-NetFirewallRule'));
    expect(rules.map((l) => (l.match(/'[0-9.]+'/g) ?? []).length)).toEqual([100, 100, 1]);
    expect(rules[2]).toMatch(/^New-NetFirewallRule -DisplayName 'logscan block 198\.51\.100\.\d+' /);
  });

  test("this side's machines are never listed: flagged for their own outbound traffic, or in --home-net", () => {
    const own = (ip: string, id: string) => row(ip, 90, 'outbound to malware ports', { findings: [{ id, severity: 4, text: 'x', evidence: {} }] });
    const list = [row('198.51.100.77', 117.4), own('203.0.113.40', 'outbound-malware'), own('203.0.113.41', 'outbound-blocked'), row('192.0.2.10', 80)];
    const plain = renderBlocklist(doc(list), { format: 'ipset', minScore: 50, includePrivate: true, version: '0.1.0' });
    expect(plain.split('\n').filter((l) => l.startsWith('add '))).toEqual(['add logscan4 198.51.100.77', 'add logscan4 192.0.2.10']);
    expect(plain).toContain('# Left out: 2 sources of this side (in --home-net, or flagged for its own outbound traffic)');
    setHomeNetworks(homeNetworks(['192.0.2.0/28']));
    try {
      const home = renderBlocklist(doc(list), { format: 'ipset', minScore: 50, includePrivate: true, version: '0.1.0' });
      expect(home.split('\n').filter((l) => l.startsWith('add '))).toEqual(['add logscan4 198.51.100.77']);
      expect(home).toContain('# Left out: 3 sources of this side');
    } finally {
      setHomeNetworks(null);
    }
  });

  test('a comment cannot be broken out of', () => {
    expect(commentSafe(HOSTILE)).not.toMatch(/[\n\r\u2028\u001b]/);
    expect(commentSafe('x'.repeat(1000)).length).toBeLessThanOrEqual(300);
  });
});

describe('-o dshield', () => {
  test('tab-separated record with zone offset, count, IANA protocol and flags', () => {
    const e = makeEvent({ count: 3, tcpFlags: ['SYN', 'ECE', 'CWR'], dst: { port: 23 } });
    expect(eventToDshield(e, { tz: 'Europe/Berlin', userid: 0 })).toBe('2026-03-14 11:00:00 +01:00\t0\t3\t203.0.113.7\t40000\t198.51.100.10\t23\t6\t21S');
    expect(eventToDshield(e, { tz: null, userid: 42 })).toBe('2026-03-14 08:00:00 -02:00\t42\t3\t203.0.113.7\t40000\t198.51.100.10\t23\t6\t21S');
  });

  test('ICMP type and code in the port fields, UDP without flags', () => {
    expect(eventToDshield(makeEvent({ proto: 'icmp', icmp: { type: 8, code: 0 } }), { tz: 'UTC', userid: 0 })).toBe('2026-03-14 10:00:00 +00:00\t0\t1\t203.0.113.7\t8\t198.51.100.10\t0\t1\t');
    expect(eventToDshield(makeEvent({ proto: 'udp' }), { tz: 'UTC', userid: 0 })!.split('\t')[7]).toBe('17');
  });

  test('the protocol is its IANA number whatever name the event gives it (OSPF, VRRP, CARP, DCCP were written as names)', () => {
    const proto = (p: string) => eventToDshield(makeEvent({ proto: p, src: { port: null }, dst: { port: null } }), { tz: 'UTC', userid: 0 })!.split('\t')[7];
    expect(['ospf', 'vrrp', 'dccp', 'hopopt', 'carp', '162'].map(proto)).toEqual(['89', '112', '33', '0', '112', '162']);
    // Every name the protocol table gives an event goes back to its number.
    for (let n = 0; n <= 255; n++) expect(proto(protoByNumber(n)), String(n)).toBe(String(n));
  });

  test('no column carries a control, C1, bidi, zero-width or line-separator character from the log', () => {
    const hostile = 'a\u202eb\u009b2J\u200bc\u2028d\u0085e\u2066f\ufeffg\th';
    const line = eventToDshield(makeEvent({ proto: hostile, src: { port: null }, dst: { port: null } }), { tz: 'UTC', userid: 0 })!;
    expect(line.split('\t')[7]).toBe('AB2JCDEFGH');
    // eslint-disable-next-line no-control-regex
    expect(line).not.toMatch(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/);
  });

  test('a protocol no table names (other) is an empty protocol field, not OTHER', () => {
    expect(eventToDshield(makeEvent({ proto: 'other', src: { port: 1 }, dst: { port: 84 } }), { tz: 'UTC', userid: 0 })!.split('\t')[7]).toBe('');
  });

  test('a target the log does not name, or names with no valid address, is an empty field', () => {
    expect(eventToDshield(makeEvent({ dst: { ip: null, port: null } }), { tz: 'UTC', userid: 0 })!.split('\t')[5]).toBe('');
    expect(eventToDshield(makeEvent({ dst: { ip: '198.51.100.010', port: 23 } }), { tz: 'UTC', userid: 0 })!.split('\t')[5]).toBe('');
    // A source with a leading zero is no address either: not submitted.
    expect(eventToDshield(makeEvent({ src: { ip: '203.0.113.07' } }), { tz: 'UTC', userid: 0 })).toBeNull();
  });

  test('allowed, untimed and non-address sources are not submitted', () => {
    expect(eventToDshield(makeEvent({ action: 'allow' }), { tz: 'UTC', userid: 0 })).toBeNull();
    expect(eventToDshield(makeEvent({ time: null }), { tz: 'UTC', userid: 0 })).toBeNull();
    expect(eventToDshield(makeEvent({ src: { ip: '1.2.3.4\tx' } }), { tz: 'UTC', userid: 0 })).toBeNull();
  });

  test("what this side sent is not submitted, even blocked: it would report your own machines", () => {
    expect(eventToDshield(makeEvent({ direction: 'out', src: { ip: '198.51.100.7' }, dst: { ip: '203.0.113.9', port: 25 } }), { tz: 'UTC', userid: 0 })).toBeNull();
    expect(eventToDshield(makeEvent({ direction: 'forward', src: { ip: '192.168.1.5' }, dst: { ip: '203.0.113.9', port: 6667 } }), { tz: 'UTC', userid: 0 })).toBeNull();
    // Forwarded from the Internet to the LAN is a probe like any other.
    expect(eventToDshield(makeEvent({ direction: 'forward', src: { ip: '203.0.113.9' }, dst: { ip: '192.168.1.5', port: 23 } }), { tz: 'UTC', userid: 0 })).not.toBeNull();
  });

  test("neither a server's late reply nor LAN chatter is submitted: they would report that server and your LAN's machines", () => {
    const said = (id: string) => [{ id, severity: 0 as const, text: 'x', ref: 'x' }];
    const reply = makeEvent({ src: { ip: '198.51.100.80', port: 443 }, dst: { port: 51234 }, tcpFlags: ['ACK', 'FIN'], annotations: said('tcp-reply') });
    expect(eventToDshield(reply, { tz: 'UTC', userid: 0 })).toBeNull();
    const ssdp = makeEvent({ proto: 'udp', tcpFlags: null, src: { ip: '192.168.1.1', port: 1900 }, dst: { ip: '239.255.255.250', port: 1900 }, annotations: said('lan-broadcast') });
    expect(eventToDshield(ssdp, { tz: 'UTC', userid: 0 })).toBeNull();
    // The same packet without those readings is a probe.
    expect(eventToDshield({ ...reply, annotations: [] }, { tz: 'UTC', userid: 0 })).not.toBeNull();
  });

  test('nor a late packet of a connection the firewall forgot: it would report a peer for talking to you', () => {
    const late = makeEvent({ src: { ip: '198.51.100.7', port: 51234 }, dst: { port: 443 }, tcpFlags: ['ACK'], annotations: [{ id: 'stale-connection', severity: 0, text: 'x', ref: 'x' }] });
    expect(eventToDshield(late, { tz: 'UTC', userid: 0 })).toBeNull();
    expect(eventToDshield({ ...late, annotations: [] }, { tz: 'UTC', userid: 0 })).not.toBeNull();
  });

  test('flag letters in DShield order', () => {
    expect(dshieldFlags(['FIN', 'PSH', 'URG'])).toBe('UPF');
    expect(dshieldFlags([])).toBe('');
    expect(dshieldFlags(null)).toBe('');
  });
});

describe('events --geoip', () => {
  let geo: GeoIp;
  beforeAll(async () => {
    geo = await openGeoIp(makeGeoDir(), 'en');
  });

  test('src.geo / src.as spliced into the logscan line = parse, set, serialise', () => {
    // Hostile strings in every field before src: the splice must still find the real key.
    const e = makeEvent({ src: { ip: '198.51.100.77' }, rule: '"src":{"ip":"x"},"dst":{', host: '},"dst":', inIface: '\\"' });
    const line = enrichEventJson(eventToJson(e), e, geo);
    const expected = JSON.parse(eventToJson(e)) as Record<string, Record<string, unknown>>;
    expected.src.geo = { country: 'NL', countryName: 'Netherlands' };
    expected.src.as = { number: 64500, organization: 'Example Hosting B.V.' };
    expect(JSON.parse(line)).toEqual(expected);
  });

  test('ECS: source.geo.country_iso_code, source.as.number, source.as.organization.name', () => {
    const e = makeEvent({ src: { ip: '2001:db8::5' }, ipVersion: 6, rule: '"source":{' });
    const doc = JSON.parse(enrichEventEcs(eventToEcs(e), e, geo)) as { source: Record<string, unknown> };
    expect(doc.source.geo).toEqual({ country_iso_code: 'JP', country_name: 'Japan' });
    expect(doc.source.as).toEqual({ number: 64502, organization: { name: 'Doc Net' } });
    expect(doc.source.ip).toBe('2001:db8::5');
  });

  test('unknown sources are left as they were', () => {
    const e = makeEvent({ src: { ip: '10.0.0.1' } });
    expect(enrichEventJson(eventToJson(e), e, geo)).toBe(eventToJson(e));
    expect(enrichEventEcs(eventToEcs(e), e, geo)).toBe(eventToEcs(e));
  });
});
