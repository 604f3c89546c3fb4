// Hostile and odd input from the input-hardening audit, on the BUILT CLI: what used to be
// read wrongly or silently, and must now be said (docs/failure-behaviour.md names these).
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliPath, ndjson, repoRoot, runCli, tempDir } from '../helpers/cli.js';
import { UFW } from '../helpers/ufw.js';

/** Runs the CLI with standard input opened from `path` (a directory, say), as `logscan … < path` does. */
function runWithStdinFrom(path: string, args: string[]): { code: number | null; stdout: string; stderr: string } {
  const fd = openSync(path, 'r');
  try {
    const r = spawnSync(process.execPath, [cliPath, ...args], { stdio: [fd, 'pipe', 'pipe'], cwd: repoRoot, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 20_000 });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  } finally {
    closeSync(fd);
  }
}

describe('a directory on standard input', () => {
  it.each([[[]], [['events']], [['check']], [['daily']], [['--threads', '2']]])('logscan %j - < DIR: "is a directory", exit 3', (cmd) => {
    const r = runWithStdinFrom(tmpdir(), [...cmd, '-']);
    expect(r.stderr).toContain('logscan: (stdin): is a directory (give the log files inside it)');
    expect(r.code).toBe(3);
  });

  it('explain - < DIR says so too, exit 3', () => {
    const r = runWithStdinFrom(tmpdir(), ['explain', '-']);
    expect(r.stderr).toBe('logscan: (stdin): is a directory (give the log files inside it)\n');
    expect(r.code).toBe(3);
  });

  it('follow - < DIR says so and ends with exit 3', () => {
    const r = runWithStdinFrom(tmpdir(), ['follow', '-']);
    expect(r.stderr).toContain('(stdin): is a directory (follow the log files inside it)');
    expect(r.code).toBe(3);
  });
});

describe('explain - with an over-long line', () => {
  it('counts it malformed on stderr without holding it, and explains the other lines', () => {
    const r = runCli(['explain', '-', '-o', 'json'], { input: `${'x'.repeat(5_000_000)}\n${UFW(23)}\n` });
    expect(r.stderr).toBe('logscan: (stdin):1: malformed: line longer than 65536 characters (5000000); not explained\n');
    expect(r.code).toBe(0);
    const answers = JSON.parse(r.stdout) as { outcome: string }[];
    expect(answers.map((a) => a.outcome)).toEqual(['event']);
  });

  it("a line of NULs without a newline: NULs are no text (a crash's padding), so no line is left; a clear message, no stack", () => {
    const r = runCli(['explain', '-'], { input: Buffer.alloc(3_000_000) });
    expect(r.stderr).toBe('logscan: explain: standard input had no lines to explain\n');
    expect(r.code).toBe(2);
    const x = runCli(['explain', '-'], { input: 'x'.repeat(3_000_000) });
    expect(x.stderr).toBe('logscan: (stdin):1: malformed: line longer than 65536 characters (3000000); not explained\nlogscan: explain: standard input had no lines to explain\n');
    expect(x.code).toBe(2);
  });
});

describe('a throw outside the command (a bug in an event handler)', () => {
  it('ends in the short internal-error message and exit 1, the stack only with --debug', () => {
    const r = runCli(['explain', '80'], { env: { LOGSCAN_TEST_CRASH: 'uncaught' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('logscan: internal error: deliberate uncaught crash');
    expect(r.stderr).toContain('rerun with --debug');
    expect(r.stderr).not.toMatch(/^\s+at /m);
    const d = runCli(['explain', '80', '--debug'], { env: { LOGSCAN_TEST_CRASH: 'uncaught' } });
    expect(d.code).toBe(1);
    expect(d.stderr).toMatch(/^\s+at /m);
  });
});

describe('hostile lines at the top of a log', () => {
  it('4 KiB of records with BELs in their prefix do not make the log binary: every record is read', () => {
    const f = join(tempDir(), 'bel.log');
    const bel = (i: number): string => UFW(23, `203.0.113.${i}`, i).replace('[UFW BLOCK]', `[UFW ${'\u0007'.repeat(40)}BLOCK]`);
    writeFileSync(f, [...Array.from({ length: 24 }, (_, i) => bel(i + 1)), ...Array.from({ length: 200 }, (_, i) => UFW(23, `198.51.100.${i}`, i))].join('\n') + '\n');
    const r = runCli(['events', f]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(ndjson(r.stdout)).toHaveLength(224);
  });
});

describe('several records on one line', () => {
  it('records separated by a lone CR are each read, numbered as their line', () => {
    const r = runCli(['events', '-'], { input: `${UFW(23)}\r${UFW(24)}\r${UFW(25)}\n${UFW(26)}\r\n` });
    expect(r.code).toBe(0);
    const events = ndjson(r.stdout) as { dst: { port: number }; origin: { line: number } }[];
    expect(events.map((e) => [e.dst.port, e.origin.line])).toEqual([[23, 1], [24, 1], [25, 1], [26, 2]]);
  });

  it('two records glued together are a malformed line, said on stderr, never one event', () => {
    const r = runCli(['events', '-'], { input: `${UFW(23)} ${UFW(31337, '198.51.100.2')}\n${UFW(24)}\n` });
    expect(ndjson(r.stdout)).toHaveLength(1);
    expect(r.stderr).toContain("(stdin):1: malformed: two records on one line (a second SRC= after this record's fields)");
  });
});

describe("a Kiwi Syslog line's TABs, wherever the line is shown on a terminal", () => {
  const REC = '[UFW BLOCK] IN=eth0 OUT= SRC=198.51.100.9 DST=192.168.1.10 LEN=44 PROTO=TCP SPT=40011 DPT=80';
  // Raw, a TAB jumps to the next tab stop: the columns scatter, and look like the spaces Kiwi's reader does not take for them.
  it('are \\t in the stderr excerpt of a malformed line and in the report\'s stderr alike', () => {
    const input = `2026-02-30 06:26:06\tKernel.Warning\t192.168.1.1\tkernel: ${REC}\n`;
    for (const cmd of [['events'], []]) {
      const r = runCli([...cmd, '--tz', 'UTC', '--input-format', 'iptables', '-'], { input });
      expect(r.stderr).toContain('(stdin):1: malformed: time: impossible date (Feb 30): 2026-02-30 06:26:06\\tKernel.Warning\\t192.168.1.1\\tkernel: [UFW BLOCK]');
      expect(r.stderr).not.toContain('\t');
    }
  });

  it("are \\t in explain's echo of the line, which is then read as Kiwi's columns", () => {
    const r = runCli(['explain', '--tz', 'UTC', `2026-11-20 06:26:02\tKernel.Warning\t192.168.1.1\tkernel: ${REC}`], { env: { COLUMNS: '200' } });
    expect(r.code).toBe(0);
    const [echo, format, time] = r.stdout.split('\n');
    expect(echo).toBe(`2026-11-20 06:26:02\\tKernel.Warning\\t192.168.1.1\\tkernel: ${REC}`);
    expect([format, time]).toEqual(['  format       iptables', '  time         2026-11-20 06:26:02 +00:00 · on 192.168.1.1']);
    expect(r.stdout).not.toContain('\t');
  });
});

describe('a protocol word no table names', () => {
  it('is other in every part of the report, which no longer counts 84/foo in one place and 84/other in another', () => {
    const input = ['FOO', 'BAR', 'X\u202eY'].map((w, i) => UFW(84, `203.0.113.${i + 1}`, i).replace('PROTO=TCP', `PROTO=${w}`)).join('\n') + '\n';
    const r = runCli(['-o', 'json', '-'], { input });
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { topPorts: { proto: string; port: number }[]; sources: { protocols: string[] }[]; probes: { ports: number } };
    expect(doc.topPorts.map((p) => `${p.port}/${p.proto}`)).toEqual(['84/other']);
    expect(doc.probes.ports).toBe(1);
    expect(doc.sources.map((s) => s.protocols)).toEqual([['other'], ['other'], ['other']]);
    expect(r.stdout).not.toMatch(/foo|bar|\\u202e/i);
  });
});

describe('DShield, CSV and blocklists carry no C1, bidi or zero-width character from the log', () => {
  // C1 CSI, a bidi override, zero-width space, line separator, NEL, BOM, an isolate: in the prefix and the protocol word.
  const EVIL = '\u009b2J\u202e\u200b\u2028\u0085\ufeff\u2066';
  const lines = Array.from({ length: 40 }, (_, i) => UFW(1 + i, '203.0.113.8', i).replace('[UFW BLOCK]', `[UFW ${EVIL}BLOCK]`).replace(/PROTO=TCP/, i % 2 ? `PROTO=TCP${EVIL}` : 'PROTO=TCP'));
  const input = lines.join('\n') + '\n';
  // eslint-disable-next-line no-control-regex
  const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/;

  it.each([
    [['events', '-o', 'dshield']],
    [['-o', 'csv']],
    [['-o', 'csv', '--csv-table', 'ports']],
    ...['nft', 'ipset', 'iptables', 'ufw'].map((f) => [['-o', 'blocklist', '--blocklist-format', f, '--blocklist-min-score', '0']]),
  ])('%j', (args) => {
    const r = runCli([...args, '-'], { input });
    expect(r.code).toBe(0);
    expect(r.stdout.length).toBeGreaterThan(0);
    expect(r.stdout.replace(/\r\n/g, '\n')).not.toMatch(UNSAFE);
  });

  it('the DShield protocol of a word no table names is empty, never the word', () => {
    const r = runCli(['events', '-o', 'dshield', '-'], { input: `${UFW(84).replace('PROTO=TCP', 'PROTO=X\u009b2J')}\n` });
    expect(r.stdout.split('\t')[7]).toBe('');
  });
});

describe('IPv6 with a zone index', () => {
  it('fe80::1%eth0 is read; the report counts a host per address and zone, in RFC 5952 form', () => {
    const v6 = (src: string, port: number) => UFW(port).replace('SRC=203.0.113.7 DST=192.168.1.10 LEN=44 TOS=0x00 PREC=0x00 TTL=51', `SRC=${src} DST=fe80::2%eth0 LEN=60 TC=0 HOPLIMIT=255`);
    const input = [v6('fe80::1%eth0', 23), v6('fe80:0000:0000:0000:0000:0000:0000:0001%eth0', 24), v6('fe80::1%eth1', 25)].join('\n') + '\n';
    const r = runCli(['-o', 'json', '-'], { input });
    expect(r.stderr).toBe('');
    const doc = JSON.parse(r.stdout) as { totals: { events: number; malformed: number }; sources: { ip: string; events: number }[] };
    expect(doc.totals).toMatchObject({ events: 3, malformed: 0 });
    expect(doc.sources.map((s) => [s.ip, s.events])).toEqual([['fe80::1%eth0', 2], ['fe80::1%eth1', 1]]);
  });
});

describe('markdown: a URL in the log is no link', () => {
  it('a bare http://, www. or e-mail address in a prefix is escaped so GitHub does not autolink it', () => {
    const input = ['http://evil.example/auto ', 'www.evil.example ', 'root@evil.example '].map((p, i) => UFW(23 + i).replace('[UFW BLOCK] ', `[UFW BLOCK] ${p}`)).join('\n') + '\n';
    const r = runCli(['-o', 'markdown', '-'], { input });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('http\\://evil.example/auto');
    expect(r.stdout).not.toMatch(/http:\/\/evil|(?<![\\\w])www\.evil|root@evil/);
  });
});
