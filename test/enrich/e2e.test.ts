// The integrations through the built CLI (dist/), as a user runs them.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ndjson, runCli, runCliShared, spawnCli, tempDir } from '../helpers/cli.js';
import { dailyAs, reportAs } from '../helpers/views.js';
import { startFakeDns, type FakeDns } from '../helpers/fake-dns.js';
import { makeGeoDir } from '../helpers/geo-fixture.js';

const SAMPLE = 'samples/ufw.log';
let geo: string;
let tmp: string;

interface Src {
  ip: string;
  geo?: { country: string | null } | null;
  as?: { number: number; organization: string | null } | null;
  ptr?: string | null;
  osHint?: { id: string; text: string } | null;
  score: number;
}
interface Doc {
  sources: Src[];
  totals: Record<string, number>;
  topCountries?: { country: string; sources: number; packets: number }[];
  topNetworks?: { number: number }[];
}

beforeAll(() => {
  geo = makeGeoDir();
  tmp = tempDir();
});

describe('default output is unchanged by the new options', () => {
  test('no enrichment fields without their options', () => {
    const doc = JSON.parse(runCli([SAMPLE, '-o', 'json']).stdout) as Doc;
    for (const k of ['geo', 'as', 'ptr', 'osHint']) expect(doc.sources[0]).not.toHaveProperty(k);
    expect(doc.totals).not.toHaveProperty('ignored');
    expect(doc).not.toHaveProperty('topCountries');
  });
});

describe('--geoip', () => {
  test('report JSON: sources[].geo / .as and top countries / networks', () => {
    const r = runCli([SAMPLE, '-o', 'json', '--geoip', geo]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as Doc;
    const top = doc.sources.find((s) => s.ip === '198.51.100.77')!;
    expect(top.geo).toEqual({ country: 'NL', countryName: 'Netherlands' });
    expect(top.as).toEqual({ number: 64500, organization: 'Example Hosting B.V.' });
    expect(doc.sources.every((s) => 'geo' in s && 'as' in s)).toBe(true);
    expect(doc.topCountries!.map((c) => c.country)).toEqual(expect.arrayContaining(['NL', 'US']));
    expect(doc.topNetworks!.length).toBeGreaterThan(0);
  });

  test('table: a geo column and the countries line, hostile AS names sanitised', () => {
    const r = runCli([SAMPLE, '--geoip', geo, '--top', '40'], { env: { COLUMNS: '160' } });
    expect(r.stdout).toMatch(/│ geo/);
    expect(r.stdout).toMatch(/NL AS64500/);
    expect(r.stdout).toMatch(/countries +NL/);
    expect(r.stdout).not.toContain('\u001b');
    const md = reportAs([SAMPLE, '--geoip', geo, '--top', '40'], 'markdown');
    expect(md).toContain('| country | network |');
    expect(md).toContain('AS64501 =HYPERLINK');
    expect(md).not.toContain('\u001b');
    const html = reportAs([SAMPLE, '--geoip', geo, '--top', '40'], 'html');
    expect(html).toContain('<h2>Top countries</h2>');
    expect(html).toContain('<div class="muted">NL · AS64500 Example Hosting B.V.</div>');
    expect(html).toContain('AS64501 =HYPERLINK(&quot;');
    expect(html).not.toContain('=HYPERLINK("');
  });

  test('events NDJSON: src.geo / src.as; ECS: source.geo / source.as', () => {
    const plain = ndjson(runCli(['events', SAMPLE]).stdout);
    const rich = ndjson(runCli(['events', SAMPLE, '--geoip', geo]).stdout);
    expect(rich.length).toBe(plain.length);
    const i = plain.findIndex((e) => (e.src as { ip: string }).ip === '198.51.100.77');
    expect(rich[i].src).toEqual({ ...(plain[i].src as object), geo: { country: 'NL', countryName: 'Netherlands' }, as: { number: 64500, organization: 'Example Hosting B.V.' } });
    const ecs = ndjson(runCli(['events', SAMPLE, '--ecs', '--geoip', geo]).stdout);
    const s = ecs[i].source as Record<string, unknown>;
    expect(s.geo).toEqual({ country_iso_code: 'NL', country_name: 'Netherlands' });
    expect(s.as).toEqual({ number: 64500, organization: { name: 'Example Hosting B.V.' } });
  });

  test('daily: top countries and networks in every format', () => {
    const args = ['daily', SAMPLE, '--date', '2026-11-20', '--tz', 'UTC', '--geoip', geo];
    expect(dailyAs(args, 'text')).toMatch(/countries +NL/);
    expect(dailyAs(args, 'markdown')).toContain('**Top countries:**');
    const html = dailyAs(args, 'html');
    expect(html).toContain('<h2>Top countries</h2>');
    expect(html).not.toContain('=HYPERLINK("');
    const json = JSON.parse(runCliShared([...args, '-o', 'json']).stdout) as { report: Doc };
    expect(json.report.topCountries!.length).toBeGreaterThan(0);
  });

  test('the countries and networks say what they count: packets and sources, in text, Markdown and HTML, en and zh', () => {
    const text = reportAs([SAMPLE, '--tz', 'UTC', '--geoip', geo], 'text', { width: 400 });
    expect(text).toMatch(/^countries +NL: 416 packets, 60 sources · US: 102 packets, 59 sources · CN: 60 packets, 28 sources · JP: 2 packets, 2 sources$/m);
    expect(text).toMatch(/^networks +AS64500 Example Hosting B\.V\.: 416 packets, 60 sources · /m);
    expect(text).toContain(' · AS64502 Doc Net: 2 packets, 2 sources');
    const zh = reportAs([SAMPLE, '--tz', 'UTC', '--geoip', geo, '--lang', 'zh'], 'text', { width: 400 });
    expect(zh).toMatch(/^国家\/地区 +NL：416 个包，60 个来源 · US：102 个包，59 个来源/m);
    expect(zh).toContain('AS64502 Doc Net：2 个包，2 个来源');
    const md = reportAs([SAMPLE, '--tz', 'UTC', '--geoip', geo], 'markdown');
    expect(md).toContain('**Top countries:** NL (Netherlands): 416 packets, 60 sources · US (United States): 102 packets, 59 sources');
    expect(md).toContain('AS64502 Doc Net: 2 packets, 2 sources');
    const html = reportAs([SAMPLE, '--tz', 'UTC', '--geoip', geo], 'html');
    expect(html).toContain('<li>NL Netherlands: 416 packets, 60 sources</li>');
    // JSON keeps its numbers.
    const doc = JSON.parse(runCli([SAMPLE, '--tz', 'UTC', '--geoip', geo, '-o', 'json']).stdout) as Doc;
    expect(doc.topCountries![0]).toMatchObject({ country: 'NL', sources: 60, packets: 416 });
  });

  test("a Windows log's countries count its DROP rows as packets, its connection rows as connections", () => {
    const header = '#Version: 1.5\n#Software: Microsoft Windows Firewall\n#Time Format: Local\n#Fields: date time action protocol src-ip dst-ip src-port dst-port size tcpflags tcpsyn tcpack tcpwin icmptype icmpcode info path\n\n';
    const log = join(tmp, 'geo-pfirewall.log');
    writeFileSync(
      log,
      header +
        [
          '2026-11-20 10:10:00 DROP TCP 198.51.100.7 192.168.1.35 40000 445 52 S 1 0 64240 - - - RECEIVE',
          '2026-11-20 10:11:00 DROP TCP 198.51.100.8 192.168.1.35 40001 23 52 S 1 0 64240 - - - RECEIVE',
          '2026-11-20 10:12:00 ALLOW TCP 203.0.113.5 192.168.1.35 40002 3389 0 - 0 0 0 - - - RECEIVE',
          '2026-11-20 10:13:00 ALLOW TCP 192.0.2.9 192.168.1.35 40003 443 0 - 0 0 0 - - - RECEIVE',
          '2026-11-20 10:14:00 DROP TCP 192.0.2.9 192.168.1.35 40004 445 52 S 1 0 64240 - - - RECEIVE',
          '2026-11-20 10:30:00 ALLOW UDP 192.168.1.35 192.0.2.53 55000 53 0 - 0 0 0 - - - SEND',
        ].join('\n') +
        '\n',
    );
    const text = reportAs([log, '--tz', 'UTC', '--geoip', geo], 'text', { width: 400 });
    expect(text).toContain('NL: 2 packets, 2 sources');
    expect(text).toContain('CN: 1 connection, 1 source');
    expect(text).toContain('US: 1 packet and 1 connection, 1 source');
    expect(reportAs([log, '--tz', 'UTC', '--geoip', geo, '--lang', 'zh'], 'text', { width: 400 })).toContain('US：1 个包和 1 个连接，1 个来源');
  });

  test('a bad directory is a usage error (exit 2)', () => {
    const r = runCli([SAMPLE, '--geoip', join(tmp, 'missing')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--geoip/);
  });
});

describe('--os-hint', () => {
  test('JSON sources[].osHint and an annotation in the table', () => {
    const doc = JSON.parse(runCli([SAMPLE, '-o', 'json', '--os-hint']).stdout) as Doc;
    expect(doc.sources.every((s) => 'osHint' in s)).toBe(true);
    expect(doc.sources.some((s) => s.osHint && /^likely /.test(s.osHint.text))).toBe(true);
    expect(reportAs([SAMPLE, '--os-hint'], 'text')).toMatch(/likely [A-Za-z]/);
  });
});

describe('--ignore', () => {
  test('events are left out before ranking, and the report says how many', () => {
    const file = join(tmp, 'ignore.txt');
    writeFileSync(file, '# the big scanner\n198.51.100.77\nport 23/tcp\n');
    const doc = JSON.parse(runCli([SAMPLE, '-o', 'json', '--ignore', file]).stdout) as Doc;
    expect(doc.totals.ignored).toBeGreaterThan(300);
    expect(doc.sources.map((s) => s.ip)).not.toContain('198.51.100.77');
    expect(reportAs([SAMPLE, '--ignore', file], 'text')).toMatch(/ignored +\d+ events matched the --ignore list/);
    const events = ndjson(runCli(['events', SAMPLE, '--ignore', file]).stdout);
    expect(events.some((e) => (e.src as { ip: string }).ip === '198.51.100.77')).toBe(false);
  });

  test('daily counts the ignored events of the day only, as every other number there', () => {
    const file = join(tmp, 'ignore-22.txt');
    writeFileSync(file, 'port 22/tcp\n');
    const day = (extra: string[]) => JSON.parse(runCli(['daily', SAMPLE, '--year', '2026', '--tz', 'UTC', '--date', '2026-11-20', '-o', 'json', ...extra]).stdout) as { report: { totals: { ignored?: number } }; headline: { packets: number } };
    const all = ndjson(runCli(['events', SAMPLE, '--year', '2026', '--tz', 'UTC']).stdout) as { time: string; proto: string; dst: { port: number | null } }[];
    const on20 = all.filter((e) => e.proto === 'tcp' && e.dst.port === 22 && e.time.startsWith('2026-11-20')).length;
    const elsewhere = all.filter((e) => e.proto === 'tcp' && e.dst.port === 22 && !e.time.startsWith('2026-11-20')).length;
    expect(on20).toBeGreaterThan(0);
    expect(elsewhere).toBeGreaterThan(0);
    expect(day(['--ignore', file]).report.totals.ignored).toBe(on20);
  });

  test('a bad line is a usage error naming file and line', () => {
    const file = join(tmp, 'bad-ignore.txt');
    writeFileSync(file, '10.0.0.0/8\nport banana\n');
    const r = runCli([SAMPLE, '--ignore', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bad-ignore.txt:2');
  });
});

describe('-o csv and -o blocklist', () => {
  test('csv: sources by default, ports with --csv-table ports', () => {
    const src = reportAs([SAMPLE, '--top', '5'], 'csv').split('\r\n');
    expect(src[0]).toMatch(/^rank,ip,score/);
    expect(src).toHaveLength(7);
    expect(reportAs([SAMPLE], 'csv', { csvTable: 'ports' })).toMatch(/^proto,port,packets,share,known_as,sources,connections\r\ntcp,22,59,0\.0966,SSH,31,0\r\n/);
  });

  test('blocklist: every source at or above the score, not only the top N', () => {
    const all = JSON.parse(runCliShared([SAMPLE, '-o', 'json', '--top', '1000']).stdout) as Doc;
    // 4: the LAN machines' broadcast chatter scores above it, and a blocklist leaves them out.
    const want = all.sources.filter((s) => s.score >= 4).length;
    const args = [SAMPLE, '-o', 'blocklist', '--blocklist-format', 'iptables', '--blocklist-min-score', '4', '--top', '3'];
    const out = runCli(args).stdout;
    const left = Number(/Left out: (\d+) loopback/.exec(out)?.[1] ?? 0);
    expect(left).toBeGreaterThan(0);
    // IPv4 and IPv6 (2001:db8:… probes score above 4 too).
    const rules = (text: string) => text.split('\n').filter((l) => /^ip6?tables /.test(l)).length;
    expect(rules(out)).toBe(want - left);
    const all4 = runCli([...args, '--blocklist-include-private']).stdout;
    expect(rules(all4)).toBe(want);
  });

  test('blocklist defaults: an nft script of the sources scoring 50 or more', () => {
    const byDefault = runCli([SAMPLE, '-o', 'blocklist']);
    expect(byDefault.code).toBe(0);
    expect(byDefault.stdout).toBe(runCli([SAMPLE, '-o', 'blocklist', '--blocklist-format', 'nft', '--blocklist-min-score', '50']).stdout);
    const lines = byDefault.stdout.split('\n');
    expect(lines[0]).toBe('#!/usr/sbin/nft -f');
    expect(lines[1]).toMatch(/ blocklist \(nft\): 6 sources with score >= 50 \(6 IPv4, 0 IPv6\)$/);
    // The sample's scores run 58.0, 56.8, 53.7, 52.4, then 47.8: a default of 45 or 55 would show.
    const scores = (JSON.parse(runCliShared([SAMPLE, '-o', 'json', '--top', '1000']).stdout) as Doc).sources.map((s) => [s.ip, s.score] as const);
    expect(scores.find(([ip]) => ip === '203.0.113.205')?.[1]).toBe(47.8);
    const listed = lines.flatMap((l) => /^add element inet logscan blocklist4 \{ (\S+) \}$/.exec(l)?.[1] ?? []);
    expect(listed).toEqual(['198.51.100.77', '203.0.113.66', '192.0.2.4', '203.0.113.200', '192.0.2.147', '192.0.2.158']);
    expect(listed).toEqual(scores.filter(([, score]) => score >= 50).map(([ip]) => ip));
  });

  test.each([
    [['-o', 'table', '--csv-table', 'ports'], /--csv-table only applies/],
    [['-o', 'csv', '--csv-table', 'nope'], /nope/],
    [['-o', 'blocklist', '--blocklist-format', 'pf'], /pf/],
    [['-o', 'blocklist', '--blocklist-min-score', '-3'], /min-score/],
    [['--blocklist-min-score', '10'], /only applies with -o blocklist/],
    [['--resolve-timeout', '2'], /only applies with --resolve/],
    [['--resolve', '--resolve-timeout', '0'], /--resolve-timeout/],
    [['--resolve', '--resolve-timeout', '0.05'], /--resolve-timeout: expected seconds from 0\.1 to 60/],
    [['--resolve', '--resolve-server', 'x y'], /--resolve-server/],
  ])('usage errors: %j', (args, msg) => {
    const r = runCli([SAMPLE, ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(msg);
  });
});

describe('events -o dshield', () => {
  test('tab-separated, dropped/rejected only', () => {
    const r = runCli(['events', SAMPLE, '-o', 'dshield', '--tz', 'UTC', '--dshield-userid', '7']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThan(600);
    for (const l of lines) expect(l).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \+00:00\t7\t\d+\t[0-9a-f.:]+\t\d*\t[0-9a-f.:]*\t\d*\t\w+\t[21UAPRSF]*$/);
    expect(runCli(['events', SAMPLE, '-o', 'dshield', '--ecs']).code).toBe(2);
  });
});

describe('--resolve (fake DNS server on 127.0.0.1)', () => {
  let dns: FakeDns;
  beforeAll(async () => {
    dns = await startFakeDns({ '198.51.100.77': 'scan-77.example.net', '203.0.113.66': 'evil\u001b[31m.example' }, ['192.0.2.4']);
  });
  afterAll(() => dns.close());

  test('PTR names of the shown sources only; a silent server costs the timeout', async () => {
    const t0 = Date.now();
    const r = await spawnCli([SAMPLE, '-o', 'json', '--top', '3', '--resolve', '--resolve-timeout', '0.5', '--resolve-server', `127.0.0.1:${dns.port}`]);
    expect(r.code).toBe(0);
    expect(Date.now() - t0).toBeLessThan(5000);
    const doc = JSON.parse(r.stdout) as Doc;
    // The ESC byte in the PTR name comes back as the resolver writes it in presentation form (backslash 027): text, not a control.
    expect(doc.sources.map((s) => s.ptr)).toEqual(['scan-77.example.net', 'evil\\027[31m.example', null]);
    expect(dns.queries).toHaveLength(3);
  });

  test('table shows the name under the address, sanitised', async () => {
    const r = await spawnCli([SAMPLE, '--top', '2', '--resolve', '--resolve-server', `127.0.0.1:${dns.port}`]);
    expect(r.stdout).toContain('scan-77.example.net');
    expect(r.stdout).toContain('│ evil\\027[31m.example │');
    expect(r.stdout).not.toContain('\u001b');
  });
});
