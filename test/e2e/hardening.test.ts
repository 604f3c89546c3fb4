// End-to-end hardening (issue 10), on the BUILT CLI: `logscan check`, hostile log
// text in every output, broken and unreadable inputs, usage errors, internal errors,
// pipes that close early, and SIGINT/SIGTERM during a one-shot run.
// docs/failure-behaviour.md names these tests.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { chmodSync, cpSync, linkSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliPath, ndjson, repoRoot, runCli, startCli, tempDir, untilWaitingOnFifo } from '../helpers/cli.js';
import { UFW } from '../helpers/ufw.js';
import { isoLine } from '../daily/lines.js';

const NOISE = 'Nov 20 06:25:02 gw sshd[123]: Accepted publickey for root from 192.0.2.1 port 50000 ssh2';
const BROKEN = 'Nov 20 06:25:03 gw kernel: [1.0] [UFW BLOCK] IN=eth0 OUT= SRC=203.0.113.7 LEN=44 PROTO=TCP SPT=1 DPT=2';

// What an attacker can put into a prefix, a host name or an interface name.
const EVIL = '\u001b]0;pwned\u0007\u001b[2J\u202e<script>alert(1)</script>|x|';
const EVIL_LINES = Array.from({ length: 20 }, (_, i) =>
  `Nov 20 06:25:${String(i).padStart(2, '0')} gw${EVIL} kernel: [1.0] [UFW ${EVIL}BLOCK] IN=eth0${EVIL} OUT= MAC=00:11:22:33:44:55:66:77:88:99:aa:bb:08:00 SRC=203.0.113.7 DST=192.168.1.10 LEN=44 TOS=0x00 PREC=0x00 TTL=51 ID=1 PROTO=TCP SPT=40000 DPT=${6000 + i} WINDOW=1024 RES=0x00 SYN URGP=0`,
);
const EVIL_PFW = [
  '#Version: 1.5',
  '#Fields: date time action protocol src-ip dst-ip src-port dst-port size tcpflags tcpsyn tcpack tcpwin icmptype icmpcode info path',
  `2026-11-20 08:05:57 DROP TCP 203.0.113.50 192.168.1.20 4444 445 48 S 12345 0 64240 - - - RECEIVE${EVIL}`,
  '2026-11-20 08:05:58 DROP TCP 203.0.113.50 192.168.1.20 4444 139 48 S 12345 0 64240 - - - RECEIVE',
];

/** No byte that a terminal would act on: ESC, BEL, other C0/C1 controls (tab and newline aside), bidi overrides. */
function assertTerminalSafe(s: string): void {
  // eslint-disable-next-line no-control-regex
  expect(s).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
}

/**
 * The built program (dist/bin, signatures/, package.json: what it reads at run time)
 * copied into a temporary directory anyone may read, for a run as another user.
 */
function programForNobody(): string {
  const top = tempDir();
  for (const part of ['dist/bin', 'signatures', 'package.json']) cpSync(join(repoRoot, part), join(top, part), { recursive: true });
  // Whatever the umask made of the checkout: directories 0755, files 0644.
  chmodSync(top, 0o755);
  for (const rel of readdirSync(top, { recursive: true, encoding: 'utf8' })) {
    const p = join(top, rel);
    chmodSync(p, statSync(p).isDirectory() ? 0o755 : 0o644);
  }
  return join(top, 'dist/bin/logscan.cjs');
}

let dir = '';
let ufw = '';
let evil = '';
let evilPfw = '';
let evilName = '';

beforeAll(() => {
  dir = tempDir();
  ufw = join(dir, 'ufw.log');
  writeFileSync(ufw, [UFW(6776), NOISE, UFW(23), BROKEN, NOISE, UFW(445, '198.51.100.9')].join('\n') + '\n');
  evil = join(dir, 'evil.log');
  writeFileSync(evil, EVIL_LINES.join('\n') + '\n');
  evilPfw = join(dir, 'evil-pfw.log');
  writeFileSync(evilPfw, EVIL_PFW.join('\r\n') + '\r\n');
  // File names are log-controlled too (an attacker can name an uploaded file).
  evilName = join(dir, `x\u001b[2J\u202e|<b>.log`);
  writeFileSync(evilName, UFW(80) + '\n');
});

describe('logscan check', () => {
  it('names the format, why, the formats\' confidence (those at 0 counted), the counts, one example per kind', () => {
    const r = runCli(['check', ufw]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/format\s+iptables, sniffed with confidence [\d.]+ on the first 6 non-blank lines/);
    expect(r.stdout).toMatch(/confidence iptables [\d.]+ · (?:.* · )?\d+ others 0\n/);
    expect(r.stdout).toContain('6: 3 parsed · 2 skipped · 1 malformed');
    expect(r.stdout).toMatch(/2 × not a firewall record\n\s+e\.g\. line 2: Nov 20 06:25:02 gw sshd/);
    expect(r.stdout).toMatch(/1 × DST: missing\n\s+e\.g\. line 4: Nov 20 06:25:03/);
  });

  it('different reasons are different kinds, each with its count and example; values in a reason do not split a kind', () => {
    const f = join(dir, 'kinds.log');
    const rec = (stamp: string, src = '203.0.113.7') => `${stamp} gw kernel: [UFW BLOCK] IN=eth0 OUT= SRC=${src} DST=192.168.1.20 LEN=60 TTL=50 ID=1 PROTO=TCP SPT=1 DPT=22 WINDOW=1 RES=0x00 SYN URGP=0`;
    writeFileSync(f, [rec('Feb 30 06:25:01'), rec('Nov 20 25:25:01'), rec('Nov 20 06:25:02'), rec('Nov 20 06:25:03', '1.2.x'), rec('Nov 20 06:25:04', '1.2.y'), rec('Feb 31 06:25:01')].join('\n') + '\n');
    const r = runCli(['check', f]);
    expect(r.stdout).toContain('malformed (3 kinds)');
    expect(r.stdout).toMatch(/\n {8}2 × time: impossible date \(Feb …\)\n\s+e\.g\. line 1 \(time: impossible date \(Feb 30\)\): Feb 30 06:25:01/);
    expect(r.stdout).toMatch(/\n {8}1 × time: impossible time \(hour 25\)\n\s+e\.g\. line 2: Nov 20 25:25:01/);
    expect(r.stdout).toMatch(/\n {8}2 × SRC: invalid address '…'\n\s+e\.g\. line 4 \(SRC: invalid address '1\.2\.x'\): /);
    const [doc] = JSON.parse(runCli(['check', f, '-o', 'json']).stdout).inputs;
    expect(doc.malformedKinds.map((k: { kind: string; count: number; line: number; reason: string; varied: boolean }) => [k.kind, k.count, k.line, k.reason, k.varied])).toEqual([
      ['time: impossible date (Feb …)', 2, 1, 'time: impossible date (Feb 30)', true],
      ["SRC: invalid address '…'", 2, 4, "SRC: invalid address '1.2.x'", true],
      ['time: impossible time (hour …)', 1, 2, 'time: impossible time (hour 25)', false],
    ]);
  });

  it('--line N shows envelope, every event field and the annotations', () => {
    const r = runCli(['check', ufw, '--line', '1']);
    expect(r.code).toBe(0);
    for (const row of [/line 1: event/, /time\s+2026-11-20T/, /host\s+gw/, /rule\s+\[UFW BLOCK\]/, /inIface\s+eth0/, /src\.ip\s+203\.0\.113\.7/, /dst\.port\s+6776/, /tcpFlags\s+SYN/, /origin\.line\s+1/, /annotations\n\s+.+ \([a-z0-9-]+\) — severity \d/]) {
      expect(r.stdout).toMatch(row);
    }
    expect(r.stdout).toMatch(/\n {2}counts as {5}a probe\n/);
    const m = runCli(['check', ufw, '--line', '4']);
    expect(m.stdout).toMatch(/line 4: malformed\n\s+text\s+Nov 20.*\n\s+reason\s+DST: missing/);
    expect(m.stdout).not.toContain('counts as');
  });

  it('--line N says what the event is to the probe counts: LAN chatter is not a probe', () => {
    // samples/ufw.log line 13: SSDP multicast from a LAN machine.
    const r = runCli(['check', join(repoRoot, 'samples/ufw.log'), '--line', '13']);
    expect(r.stdout).toMatch(/dst\.ip\s+239\.255\.255\.250/);
    expect(r.stdout).toContain('\n  counts as     not a probe: LAN broadcast chatter\n');
    expect(JSON.parse(runCli(['check', join(repoRoot, 'samples/ufw.log'), '--line', '13', '-o', 'json']).stdout).inputs[0].detail.countsAs).toEqual(['noise']);
  });

  it('--line N: a late packet of a connection (ACK, no SYN) is not a probe either', () => {
    const f = join(dir, 'late.log');
    writeFileSync(
      f,
      'Oct 10 07:25:12 gw kernel: [wan-lan-default-D]IN=eth0 OUT= MAC=90:10:20:76:8d:20:90:10:65:29:b6:2a:08:00 SRC=67.43.156.15 DST=10.4.0.5 LEN=52 TOS=0x00 PREC=0x00 TTL=63 ID=0 DF PROTO=TCP SPT=38842 DPT=443 WINDOW=2853 RES=0x00 ACK URGP=0\n',
    );
    expect(runCli(['check', f, '--line', '1']).stdout).toContain('\n  counts as     not a probe: a late packet of a connection already under way (ACK or RST, no SYN)\n');
    expect(JSON.parse(runCli(['check', f, '--line', '1', '-o', 'json']).stdout).inputs[0].detail.countsAs).toEqual(['late']);
  });

  it('wraps the format, confidence and annotation texts to the terminal ($COLUMNS through a pipe)', () => {
    const r = runCli(['check', ufw, '--line', '1'], { env: { COLUMNS: '60' } });
    // The wrapped parts: format, confidence and their continuation lines, annotation texts (an event's field rows are data, one per line).
    const ours = r.stdout.split('\n').filter((l) => /^(format|confidence| {11}\S| {6}\S)/.test(l));
    expect(ours.length).toBeGreaterThan(4);
    for (const line of ours) expect([...line].length, line).toBeLessThanOrEqual(60);
    // The formats at 0 are counted, not named: the row fits on one line even at 60 columns.
    expect(r.stdout).toMatch(/confidence iptables [\d.]+ · \d+ others 0\n/);
    expect(r.stdout).toMatch(/annotations\n {4}.+ \([a-z0-9-]+\) — severity \d, [^:]+:\n {6}\S/);
  });

  it('-o json has the same content, events in the `events` schema', () => {
    const r = runCli(['check', ufw, '--line', '1', '-o', 'json']);
    expect(r.code).toBe(0);
    const [doc] = JSON.parse(r.stdout).inputs;
    expect(doc).toMatchObject({ format: 'iptables', formatBy: 'sniff', lines: 6, events: 3, skipped: 2, malformed: 1 });
    expect(doc.sniff[0]).toMatchObject({ format: 'iptables' });
    expect(doc.malformedKinds[0]).toMatchObject({ kind: 'DST: missing', count: 1, line: 4 });
    expect(doc.detail.events[0]).toMatchObject({ host: 'gw', rule: '[UFW BLOCK]', dst: { port: 6776 }, origin: { line: 1 } });
    expect(doc.detail.countsAs).toEqual(['probe']);
  });

  it('explains a file of a format logscan does not read (guessed, hint)', () => {
    const f = join(dir, 'access.log');
    writeFileSync(f, Array.from({ length: 60 }, (_, i) => `192.0.2.${i} - - [20/Nov/2026:06:25:01 +0000] "GET /${i} HTTP/1.1" 200 512 "-" "curl/8"`).join('\n') + '\n');
    const r = runCli(['check', f]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('(guessed): no format recognised the first 50 non-blank lines');
    expect(r.stdout).toContain('hint: no line was a firewall record');
  });

  it('a file of blank lines only: it says there was nothing to recognise, not "the first 0 non-blank lines"', () => {
    const f = join(dir, 'blank.log');
    writeFileSync(f, '\n'.repeat(5000) + '   \n');
    const r = runCli(['check', f]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('iptables (guessed): the input has no non-blank line to recognise a format by');
    expect(r.stdout).not.toContain('first 0');
  });

  it('--line past the end: usage error, exit 2; a missing file: exit 3', () => {
    const r = runCli(['check', ufw, '--line', '99']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--line 99: .*ufw\.log has only 6 lines/);
    const m = runCli(['check', join(dir, 'nope.log')]);
    expect(m.code).toBe(3);
    expect(m.stderr).toMatch(/^logscan: .*nope\.log: no such file$/m);
  });
});

describe('log-controlled text is neutralised for terminals, escaped in markdown, exact in JSON', () => {
  it('table report: no escape, control or bidi character reaches stdout or stderr', () => {
    const r = runCli([evil, evilPfw, evilName]);
    expect(r.code).toBe(0);
    assertTerminalSafe(r.stdout);
    assertTerminalSafe(r.stderr);
    expect(r.stdout).toContain('\\x1b[2J'); // the file name, shown escaped
  });

  it('markdown report: no raw markup, pipes or controls from logs or file names', () => {
    const r = runCli([evil, evilPfw, evilName, '-o', 'markdown']);
    expect(r.code).toBe(0);
    assertTerminalSafe(r.stdout);
    expect(r.stdout).not.toContain('<b>');
    expect(r.stdout).not.toContain('<script');
    expect(r.stdout).toContain('\\|&lt;b&gt;');
  });

  it('json report and events: strings exact, and the text inert on a terminal (C1 and bidi as \\u escapes)', () => {
    const r = runCli([evilName, evil, '-o', 'json']);
    assertTerminalSafe(r.stdout);
    expect(r.stdout).toContain(String.raw`\u202e<script>`);
    const doc = JSON.parse(r.stdout);
    expect(doc.inputs[0].file).toBe(evilName);
    expect(doc.sources.some((x: { rules: Record<string, number> }) => Object.keys(x.rules).some((k) => k.endsWith(`[UFW ${EVIL}BLOCK]`)))).toBe(true);
    const c1 = join(dir, 'c1.log');
    writeFileSync(c1, EVIL_LINES[0]!.replace('[UFW ', '[UFW \u009b31m\u0085') + '\n');
    for (const args of [['events', c1], ['events', '--ecs', c1], [c1, '-o', 'json']]) {
      const out = runCli(args).stdout;
      assertTerminalSafe(out);
      expect(out).toContain(String.raw`\u009b31m\u0085`);
    }
    const events = runCli(['events', evil]).stdout;
    assertTerminalSafe(events);
    const ev = ndjson(events);
    expect(ev).toHaveLength(20);
    expect(ev[0].inIface).toBe(`eth0${EVIL}`);
    expect(String(ev[0].rule)).toContain(`[UFW ${EVIL}BLOCK]`);
  });

  it('check (table) shows host, rule and interface escaped; check -o json keeps them exact', () => {
    const r = runCli(['check', evil, '--line', '1']);
    assertTerminalSafe(r.stdout);
    expect(r.stdout).toContain('eth0\\x1b]0;pwned\\x07\\x1b[2J\\u202e<script>');
    const j = JSON.parse(runCli(['check', evil, '--line', '1', '-o', 'json']).stdout);
    expect(j.inputs[0].detail.events[0].inIface).toBe(`eth0${EVIL}`);
    const w = runCli(['check', evilPfw, '--line', '3']);
    assertTerminalSafe(w.stdout);
    assertTerminalSafe(w.stderr);
  });

  it('malformed-line diagnostics on stderr are escaped', () => {
    const f = join(dir, 'evil-malformed.log');
    writeFileSync(f, `Nov 20 06:26:00 gw kernel: [1.0] ${EVIL} IN=eth0 OUT= SRC=203.0.113.${EVIL} DST=1.2.3.4 PROTO=TCP SPT=1 DPT=2\n`);
    const r = runCli([f]);
    expect(r.stderr).toContain('malformed');
    assertTerminalSafe(r.stderr);
  });

  it('follow: live lines, summary and diagnostics are escaped', async () => {
    const cli = startCli(['follow', '--from-start', evil, evilPfw], { env: { LOGSCAN_FOLLOW_POLL_MS: '50' } });
    await cli.waitFor((out) => out.split('\n').filter((l) => l.includes('→')).length >= 2);
    const r = await cli.stop('SIGINT');
    expect(r.code).toBe(0);
    assertTerminalSafe(r.stdout);
    assertTerminalSafe(r.stderr);
  });
});

describe('broken and unreadable inputs: one stderr line naming the file, the others still read, exit 3', () => {
  const isRoot = process.getuid?.() === 0;

  /**
   * Runs the CLI as nobody (uid 65534) when the tests run as root, who reads and writes
   * anything: a copy of the program nobody can read (the checkout may not be: CI runs as
   * root in /root). Skipped, not passed, only when nobody cannot run Node itself.
   */
  function asNobodyIfRoot(ctx: { skip: (note: string) => void }): (args: string[]) => SpawnSyncReturns<string> {
    const cli = isRoot ? programForNobody() : cliPath;
    const run = (args: string[]) =>
      spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd: '/', env: { ...process.env, NO_COLOR: '1' }, ...(isRoot ? { uid: 65534, gid: 65534 } : {}) });
    if (isRoot) {
      const probe = run(['formats']);
      if (probe.error || probe.status !== 0) ctx.skip(`nobody cannot run ${process.execPath} ${cli}: ${probe.error?.message ?? probe.stderr.trim()}`);
    }
    return run;
  }

  it('missing file: the report says which input is incomplete in text, markdown and JSON', () => {
    const missing = join(dir, 'missing.log');
    const t = runCli([missing, ufw]);
    expect(t.code).toBe(3);
    expect(t.stderr.trim().split('\n')).toContain(`logscan: ${missing}: no such file`);
    expect(t.stdout).toMatch(/incomplete: 1 of 2 inputs not read: .*missing\.log/);
    expect(t.stdout).not.toContain('not read to the end');
    expect(t.stdout).toContain('203.0.113.7');
    const m = runCli([missing, ufw, '-o', 'markdown']);
    expect(m.code).toBe(3);
    // Worded as the terminal's note, the reason after the name (Markdown has no inputs table).
    expect(m.stdout).toMatch(/- \*\*incomplete:\*\* 1 of 2 inputs not read: \S*missing\.log: no such file\n/);
    expect(m.stdout).not.toContain('not read to the end');
    const j = runCli([missing, ufw, '-o', 'json']);
    expect(JSON.parse(j.stdout).inputs[0]).toMatchObject({ incomplete: true, error: `${missing}: no such file` });
  });

  it('permission denied (000 file; as root, run the CLI as nobody)', (ctx) => {
    const sub = join(dir, 'perm');
    mkdirSync(sub, { recursive: true });
    chmodSync(dir, 0o755);
    chmodSync(sub, 0o755);
    const f = join(sub, 'secret.log');
    writeFileSync(f, UFW(22) + '\n');
    chmodSync(f, 0o000);
    // Root reads a 000 file anyway: run as nobody for a real EACCES.
    const r = asNobodyIfRoot(ctx)([f, ufw]);
    expect(r.status).toBe(3);
    expect(r.stderr).toContain(`logscan: ${f}: permission denied`);
    expect(r.stdout).toContain('incomplete: 1 of 2 inputs');
  });

  it('daily --state DIR it may not write in: the day is still printed, stderr says "no permission to create files in it", exit 2 (as root, run as nobody)', (ctx) => {
    chmodSync(dir, 0o755);
    chmodSync(ufw, 0o644);
    const state = join(dir, 'ro-state');
    mkdirSync(state, { recursive: true });
    // Root's: nobody may not write in it; for another user, made read-only.
    chmodSync(state, isRoot ? 0o755 : 0o555);
    const r = asNobodyIfRoot(ctx)(['daily', '--date', '2026-11-20', '--tz', 'UTC', '-o', 'markdown', '--state', state, ufw]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`logscan: --state ${state}: the digest of 2026-11-20 was not saved (no permission to create files in it): once the logs of 2026-11-20 rotate away, the summary of 2026-11-21 has no day before to compare with\n`);
    expect(r.stdout).toContain('## logscan daily: 2026-11-20');
    expect(r.stdout).toContain(`> --state ${state}: the digest of 2026-11-20 was not saved (no permission to create files in it)`);
    expect(readdirSync(state)).toEqual([]);
  });

  it('directory', () => {
    const r = runCli([dir, ufw]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${dir}: is a directory`);
  });

  it('empty file: 0 events, exit 0, "no firewall records"', () => {
    const f = join(dir, 'empty.log');
    writeFileSync(f, '');
    const r = runCli([f]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('No firewall records found');
    expect(JSON.parse(runCli([f, '-o', 'json']).stdout).totals).toMatchObject({ lines: 0, events: 0 });
  });

  it('binary file: skipped with a warning, exit 3; the corpus log with 212 NULs still parses', () => {
    const bin = join(dir, 'core.log');
    writeFileSync(bin, Buffer.from(Array.from({ length: 20000 }, (_, i) => (i * 131) % 256)));
    const r = runCli([bin, ufw, '-o', 'json']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(new RegExp(`^logscan: ${bin}: looks like binary data, not a text log \\([\\d,]+ control bytes in the first 4,096 bytes\\); skipped$`, 'm'));
    const doc = JSON.parse(r.stdout);
    expect(doc.inputs[0]).toMatchObject({ incomplete: true, lines: 0 });
    expect(doc.inputs[1]).toMatchObject({ events: 3 });
    const nul = runCli([join(repoRoot, '../shared/corpus/windows-firewall/balaji6894-copilot_pfirewall-pid-nul.log'), '-o', 'json']);
    expect(nul.code).toBe(0);
    expect(JSON.parse(nul.stdout).totals.events).toBe(127);
  });

  it('truncated .gz: events before the damage kept, text/markdown/JSON say incomplete', () => {
    const lines = Array.from({ length: 4000 }, (_, i) => UFW(1000 + (i % 500), `203.0.113.${i % 200}`, i)).join('\n') + '\n';
    const full = gzipSync(Buffer.from(lines));
    const cut = join(dir, 'cut.log.gz');
    writeFileSync(cut, full.subarray(0, Math.floor(full.length * 0.5)));
    const t = runCli([cut, ufw]);
    expect(t.code).toBe(3);
    expect(t.stderr).toMatch(/^logscan: .*cut\.log\.gz: gzip data is truncated or corrupt after line \d+/m);
    expect(t.stdout).toMatch(/incomplete: 1 of 2 inputs not read to the end: .*cut\.log\.gz/);
    // As the terminal says it, then what went wrong with it (as the HTML page says it).
    expect(runCli([cut, '-o', 'markdown']).stdout).toMatch(/- \*\*incomplete:\*\* 1 of 1 input not read to the end: \S*cut\.log\.gz: gzip data is truncated/);
    const j = JSON.parse(runCli([cut, '-o', 'json']).stdout);
    expect(j.inputs[0].incomplete).toBe(true);
    expect(j.totals.events).toBeGreaterThan(0);
  });

  it('a .gz that is not gzip', () => {
    const f = join(dir, 'plain.log.gz');
    writeFileSync(f, UFW(1) + '\n');
    const r = runCli([f, ufw]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`logscan: ${f}: named .gz but is not gzip data`);
  });

  it('an empty .gz is no gzip data either (gzip -t: "unexpected end of file"), for every command that opens inputs', () => {
    const f = join(dir, 'empty.log.gz');
    writeFileSync(f, '');
    const said = `logscan: ${f}: empty file named .gz (no gzip data)`;
    const report = runCli([f, ufw, '-o', 'json']);
    expect(report.code).toBe(3);
    expect(report.stderr).toContain(said);
    const j = JSON.parse(report.stdout);
    expect(j.inputs[0]).toMatchObject({ file: f, incomplete: true });
    expect(j.totals.events).toBeGreaterThan(0);
    for (const args of [[f], ['events', f], ['check', f], ['daily', f, '--date', '2026-11-20'], [f, '--threads', '2']]) {
      const r = runCli(args);
      expect(r.code, args.join(' ')).toBe(3);
      expect(r.stderr, args.join(' ')).toContain(said);
    }
    // An empty file with any other name is still an empty log: 0 lines, exit 0.
    const plain = join(dir, 'empty-too.log');
    writeFileSync(plain, '');
    expect(runCli([plain]).code).toBe(0);
  });

  it('the same file named twice, or by a symlink or hard link, is read once and said so', () => {
    const sub = join(dir, 'twice');
    mkdirSync(sub);
    const f = join(sub, 'ufw.log');
    writeFileSync(f, readFileSync(ufw));
    symlinkSync(f, join(sub, 'link.log'));
    linkSync(f, join(sub, 'hard.log'));
    const once = JSON.parse(runCli([f, '-o', 'json']).stdout) as { totals: { events: number } };
    expect(once.totals.events).toBeGreaterThan(0);
    for (const cmd of [[], ['events'], ['check'], ['daily', '--date', '2026-11-20']]) {
      const r = runCli([...cmd, f, f, join(sub, 'link.log'), join(sub, 'hard.log'), ...(cmd.length === 0 ? ['-o', 'json'] : [])]);
      expect(r.code, cmd.join(' ')).toBe(0);
      const lines = r.stderr.split('\n').filter(Boolean);
      // The fixture's one malformed line is said once: the file was read once.
      if (cmd[0] !== 'check') expect(lines.filter((l) => l.includes('malformed')), cmd.join(' ')).toHaveLength(1);
      expect(lines.filter((l) => !l.includes('malformed')), cmd.join(' ')).toEqual([
        `logscan: ${f}: named twice; read once`,
        `logscan: ${join(sub, 'link.log')}: the same file as ${f}; read once`,
        `logscan: ${join(sub, 'hard.log')}: the same file as ${f}; read once`,
      ]);
      if (cmd.length === 0) expect((JSON.parse(r.stdout) as typeof once).totals.events).toBe(once.totals.events);
      if (cmd[0] === 'events') expect(ndjson(r.stdout)).toHaveLength(once.totals.events);
    }
  });

  it('check on a binary file says so and exits 3', () => {
    const bin = join(dir, 'core2.log');
    writeFileSync(bin, Buffer.from(Array.from({ length: 8000 }, (_, i) => (i * 7) % 256)));
    const r = runCli(['check', bin]);
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/problem\s+looks like binary data/);
  });
});

describe('a UTF-8 byte-order mark before line 1', () => {
  const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
  type Report = { totals: { malformed: number; events: number }; inputs: { format: string; malformed: number; events: number; lines: number }[] };
  const report = (file: string): Report => JSON.parse(runCli(['-o', 'json', '--tz', 'UTC', file]).stdout) as Report;
  const events = (file: string): string => runCli(['events', '--tz', 'UTC', file]).stdout.replaceAll(JSON.stringify(file).slice(1, -1), 'FILE');

  it('samples/pfirewall.log saved with a BOM: line 1 is its #Version header, no malformed line, the same events', () => {
    const dir = tempDir();
    const plain = join(repoRoot, 'samples/pfirewall.log');
    const bom = join(dir, 'pfirewall.log');
    writeFileSync(bom, Buffer.concat([BOM, readFileSync(plain)]));
    const r = runCli(['-o', 'json', bom]);
    expect(r.stderr).toBe('');
    const doc = JSON.parse(r.stdout) as Report;
    expect(doc.totals.malformed).toBe(0);
    expect(doc.totals.events).toBe(report(plain).totals.events);
    expect(events(bom)).toBe(events(plain));
  });

  it('every format reads line 1 after a BOM as without it: same format, malformed count and events', () => {
    const dir = tempDir();
    const fixtures = join(repoRoot, 'test/fixtures');
    const pairs: Array<[string, string, string]> = [];
    for (const format of readdirSync(fixtures)) {
      const name = readdirSync(join(fixtures, format)).filter((n) => n.endsWith('.log')).sort()[0];
      if (name === undefined) continue;
      const plain = join(fixtures, format, name);
      const bom = join(dir, `${format}-${name}`);
      writeFileSync(bom, Buffer.concat([BOM, readFileSync(plain)]));
      pairs.push([format, plain, bom]);
    }
    // One run reads them all (a spawn per format ran close to the timeout with two dozen formats).
    const r = runCli(['-o', 'json', '--threads', '1', ...pairs.flatMap(([, plain, bom]) => [plain, bom])]);
    expect(r.code).toBe(0);
    const inputs = (JSON.parse(r.stdout) as Report).inputs;
    expect(inputs).toHaveLength(pairs.length * 2);
    pairs.forEach(([format], i) => {
      const a = inputs[2 * i]!;
      const b = inputs[2 * i + 1]!;
      expect([format, b.format, b.malformed, b.events, b.lines]).toEqual([format, a.format, a.malformed, a.events, a.lines]);
    });
  });
});

describe('usage errors: one line, exit 2, no stack', () => {
  const cases: string[][] = [
    ['--bogus'],
    ['events', '--bogus', '-'],
    ['chek', 'x.log'],
    ['--since', 'yesterdayish', '-'],
    ['--until', '2026-13-45', '-'],
    ['--tz', 'Mars/Olympus_Mons', '-'],
    ['check', '--tz', 'Nowhere/City', '-'],
    ['explain', '70000'],
    ['explain', '1-99999'],
    ['--top', '0', '-'],
    // Number() read these as 10, 16 and 15: a typo taken for a count.
    ['--top', '1e1', '-'],
    ['--max-sources', '0x10', '-'],
    ['--scan-ports', '1.5e1', '-'],
    ['check', '--line', '0', '-'],
    ['-o', 'yaml', '-'],
  ];
  for (const args of cases) {
    it(args.join(' '), () => {
      const r = runCli(args);
      expect(r.code).toBe(2);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      const lines = r.stderr.trim().split('\n');
      expect(lines[0]).toMatch(/^logscan: /);
      // At most a "(run `logscan … --help` for usage)" line after it.
      expect(lines.length).toBeLessThanOrEqual(2);
      if (lines[1]) expect(lines[1]).toMatch(/^\(run `logscan.*--help` for usage\)$/);
      expect(r.stderr).not.toContain('\\x0a');
    });
  }

  it('daily --date garbage', () => {
    const r = runCli(['daily', '--date', 'someday', '-']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')[0]).toMatch(/^logscan: .*--date/);
  });
});

describe('a file or directory an option names that cannot be used: said in words, as an input would be, exit 2', () => {
  // These said Node's own error text ("ENOENT: no such file or directory, open '…'",
  // "EISDIR: illegal operation on a directory, read", "cannot read (ENOENT)").
  it('--config, --ignore, --geoip, follow --state and daily --state', () => {
    const dir = tempDir('option-files');
    const missing = join(dir, 'missing.json');
    const aFile = join(dir, 'file.txt');
    writeFileSync(aFile, 'not json\n');
    const cases: [string[], string][] = [
      [['--config', missing, ufw], `logscan: --config ${missing}: no such file\n`],
      [['--config', dir, ufw], `logscan: --config ${dir}: is a directory\n`],
      [['--config', aFile, ufw], `logscan: --config ${aFile}: not valid JSON (Unexpected token 'o', "not json\\x0a" is not valid JSON)\n`],
      [['events', '--ignore', missing, ufw], `logscan: --ignore ${missing}: no such file\n`],
      [['--ignore', dir, ufw], `logscan: --ignore ${dir}: is a directory\n`],
      [['--geoip', missing, ufw], `logscan: --geoip ${missing}: no such directory\n`],
      [['--geoip', aFile, ufw], `logscan: --geoip ${aFile}: not a directory\n`],
      [['follow', '--state', dir, ufw], `logscan: --state ${dir}: cannot read state: is a directory\n`],
    ];
    for (const [args, stderr] of cases) {
      const r = runCli(args);
      expect([args.join(' '), r.code, r.stderr]).toEqual([args.join(' '), 2, stderr]);
    }
    // daily still prints the day when its digest cannot be saved (test/daily/e2e.test.ts): the log is read, its malformed line said too.
    const d = runCli(['daily', '--date', '2026-11-20', '--state', aFile, ufw]);
    expect(d.code).toBe(2);
    expect(d.stderr).toContain(`logscan: --state ${aFile}: the digest of 2026-11-20 was not saved (not a directory): once the logs of 2026-11-20 rotate away, the summary of 2026-11-21 has no day before to compare with\n`);
  });
});

describe('internal errors (LOGSCAN_TEST_CRASH, a test-only hook)', () => {
  it('print a short message and the --debug hint, exit 1, no stack', () => {
    const r = runCli([ufw], { env: { LOGSCAN_TEST_CRASH: '1' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'logscan: internal error: deliberate crash in "report" (LOGSCAN_TEST_CRASH is set; test-only)\nlogscan: this is a bug; rerun with --debug for the stack trace and report it\n',
    );
  });
  it('with --debug, the stack', () => {
    const r = runCli(['check', ufw, '--debug'], { env: { LOGSCAN_TEST_CRASH: 'check' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/internal error: deliberate crash in "check"/);
    expect(r.stderr).toMatch(/\n\s+at /);
  });
  it('with --debug under source maps, the stack in src/ terms (as README says), the bundle then loaded without its code cache', () => {
    const r = runCli(['check', ufw, '--debug'], { env: { LOGSCAN_TEST_CRASH: 'check', NODE_OPTIONS: '--enable-source-maps', NODE_DEBUG: 'logscan' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/\n\s+at testCrashHook \([^\n]*src\/cli\/test-hooks\.ts:\d+:\d+\)/);
    expect(r.stderr).toMatch(/code cache: not used with source maps/);
    // Without them, the bundle's lines.
    expect(runCli(['check', ufw, '--debug'], { env: { LOGSCAN_TEST_CRASH: 'check' } }).stderr).toMatch(/at testCrashHook \([^\n]*dist\/bin\/program\.cjs:\d+/);
  });
});

describe('a system limit met outside any input is no bug', () => {
  const underLimit = (n: number, script: string, ...args: string[]) =>
    spawnSync('sh', ['-c', `ulimit -n ${n} && exec "${process.execPath}" "$@"`, 'sh', script, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

  it('runs with as few file descriptors as Node needs to start any script: the program is one file to open, not a chunk per module', () => {
    const trivial = join(tempDir(), 'trivial.cjs');
    writeFileSync(trivial, '');
    // Node's own need depends on the machine: the fewest it starts an empty script with.
    const least = [12, 14, 16, 17, 18, 19, 20, 22, 24, 28, 32].find((n) => underLimit(n, trivial).status === 0);
    expect(least).toBeDefined();
    // With the program in ~50 chunks, which Node's loader opens at once, 40 were too few.
    // A few above Node's own need it runs; nearer, a run that fails says why in two lines
    // (the knowledge's files too: too many open files is no fault of theirs).
    for (let n = least!; n <= least! + 4; n++) {
      const r = underLimit(n, cliPath, ufw);
      if (n === least! + 4) expect(r.status, `ulimit -n ${n}: ${r.stderr}`).toBe(0);
      if (r.status === 0) {
        expect(r.stdout).toContain('Top sources');
      } else {
        expect(r.stderr, `ulimit -n ${n}`).toMatch(/^logscan: EMFILE: too many open files, open '[^\n]+'\nlogscan: this process may open no more files: raise the limit \(ulimit -n\) and run again\n$/);
        expect(r.status, `ulimit -n ${n}`).toBe(1);
      }
    }
  });

  it('too few file descriptors to load the program: one line saying so and what to do, exit 1, neither a stack nor "this is a bug"', () => {
    // Not reachable by ulimit any more (above): a bundle that fails to load as it would.
    const root = tempDir();
    mkdirSync(join(root, 'dist/bin'), { recursive: true });
    cpSync(cliPath, join(root, 'dist/bin/logscan.cjs'));
    writeFileSync(join(root, 'package.json'), JSON.stringify({ version: '9.8.7' }));
    writeFileSync(
      join(root, 'dist/bin/program.cjs'),
      "const e = new Error(\"EMFILE: too many open files, open '/x/signatures/ports.json'\"); e.code = 'EMFILE'; throw e;\n",
    );
    const r = spawnSync(process.execPath, [join(root, 'dist/bin/logscan.cjs'), ufw], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toBe(
      "logscan: cannot load the program: EMFILE: too many open files, open '/x/signatures/ports.json'\nlogscan: this process may open no more files: raise the limit (ulimit -n) and run again\n",
    );
  });
});

describe('pipes closed early (| head -1) end quietly', () => {
  let big = '';
  beforeAll(() => {
    big = join(dir, 'big.log');
    writeFileSync(big, Array.from({ length: 30000 }, (_, i) => UFW(1 + (i % 3000), `198.51.${(i >> 8) & 255}.${i & 255}`, i)).join('\n') + '\n');
  });
  // Arguments are built inside the test: `big` exists only after beforeAll.
  const commands: Record<string, () => string> = {
    report: () => `"${big}" --top 5000`,
    'report -o json': () => `"${big}" -o json --top 5000`,
    'report -o markdown': () => `"${big}" -o markdown --top 5000`,
    events: () => `events "${big}"`,
    explain: () => 'explain 1-65535',
    formats: () => 'formats',
    check: () => `check "${big}" --line 5`,
  };
  it.each(Object.keys(commands))('%s', (name) => {
    const args = commands[name]();
    const r = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${cliPath}" ${args} 2>"${dir}/pipe-err" | head -1 >/dev/null; echo "\${PIPESTATUS[0]}"`], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(readFileSync(join(dir, 'pipe-err'), 'utf8')).toBe('');
    expect(r.stdout.trim()).toBe('0');
  });
});

/**
 * How long a run may take to start and read its input before the signal: a bound for a
 * hang, not a speed test. On a loaded machine (two cores, other work running) node's
 * start-up alone took over 5 s, and the 0.8 s and 5 s these tests waited lost the race.
 */
const STARTED_MS = 30_000;
/** Tests that wait STARTED_MS for their run, and then for the signal's end of it. */
const SIGNAL_TEST = { timeout: 2 * STARTED_MS + 10_000 };

/** The run's result, or 'still running' when it has not ended within ms. */
function within<T>(ms: number, p: Promise<T>): Promise<T | 'still running'> {
  return Promise.race([p, new Promise<'still running'>((r) => setTimeout(() => r('still running'), ms).unref())]);
}

describe('SIGINT / SIGTERM during a one-shot run: partial report marked "interrupted", exit 130 / 143', SIGNAL_TEST, () => {
  async function interrupted(signal: 'SIGINT' | 'SIGTERM', args: string[]) {
    const cli = startCli([...args, '-'], { stdin: 'pipe' });
    // stdin stays open: only the signal can end this run. Three records, then other lines
    // up to the fifty the format is chosen on, so they are parsed without an end of input;
    // the last is malformed, and its diagnostic says when that happened.
    cli.stdin!.write([UFW(6776), UFW(23), UFW(445, '198.51.100.9'), ...Array<string>(46).fill(NOISE), BROKEN].join('\n') + '\n');
    await cli.waitFor((_out, err) => err.includes('(stdin):50: malformed'), STARTED_MS);
    const t0 = Date.now();
    const r = await cli.stop(signal);
    expect(Date.now() - t0).toBeLessThan(3000);
    return r;
  }

  it('SIGINT, -o json: exit 130, interrupted "SIGINT", events read so far', async () => {
    const r = await interrupted('SIGINT', ['-o', 'json']);
    expect(r.code).toBe(130);
    const doc = JSON.parse(r.stdout);
    expect(doc.interrupted).toBe('SIGINT');
    expect(doc.totals.events).toBe(3);
  });

  it('SIGTERM, table: exit 143, the report says it is partial', async () => {
    const r = await interrupted('SIGTERM', []);
    expect(r.code).toBe(143);
    expect(r.stdout).toContain('interrupted by SIGTERM: this report covers only what was read before it');
    expect(r.stdout).toContain('203.0.113.7');
  });

  it('SIGINT, markdown', async () => {
    const r = await interrupted('SIGINT', ['-o', 'markdown']);
    expect(r.code).toBe(130);
    expect(r.stdout).toContain('- **interrupted:** by SIGINT');
  });

  it.runIf(process.platform === 'linux')('a quiet FIFO given by path: the report comes at once, and the run ends with it', async () => {
    const fifo = join(tempDir(), 'kern.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const cli = startCli([fifo, '--threads', '1', '-o', 'json']);
    // Opening for writing waits for logscan to open it for reading; the writer then stays quiet.
    const writer = await open(fifo, 'w');
    try {
      // One record, then other lines up to the fifty the format is chosen on, the last
      // malformed: its diagnostic says the record before it was read.
      await writer.write([UFW(23), ...Array<string>(48).fill(NOISE), BROKEN].join('\n') + '\n');
      await cli.waitFor((_out, err) => err.includes('kern.fifo:50: malformed'), STARTED_MS);
      const ended = cli.stop('SIGINT');
      // The read pending in libuv's pool cannot be cancelled; the report must not wait for it.
      await cli.waitFor((out) => out.trimEnd().endsWith('}'), 2000);
      const doc = JSON.parse(cli.stdout);
      expect(doc.interrupted).toBe('SIGINT');
      expect(doc.totals.events).toBe(1);
      // releaseFifo wakes that read: one Ctrl-C is enough (it took a second one before).
      expect(await within(3000, ended)).toMatchObject({ code: 130 });
    } finally {
      await writer.close();
    }
  });

  for (const threads of ['1', '2']) {
    it.runIf(process.platform === 'linux')(`a FIFO nobody opened for writing, --threads ${threads}: SIGINT gives the report of what was read before it at once`, async () => {
      const fifo = join(tempDir(), 'kern.fifo');
      expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
      const cli = startCli([join(repoRoot, 'samples/ufw.log'), fifo, '--threads', threads, '-o', 'json']);
      // The log before the FIFO is read by then (inputs are read in turn); its last batch may still be on its way.
      await untilWaitingOnFifo(cli.pid);
      await new Promise((r) => setTimeout(r, 300));
      const ended = cli.stop('SIGINT');
      // Opening the FIFO waits for a writer, in libuv's pool; neither the report nor the worker's end may wait with it.
      await cli.waitFor((out) => out.trimEnd().endsWith('}'), 2000);
      const doc = JSON.parse(cli.stdout);
      expect(doc.interrupted).toBe('SIGINT');
      expect(doc.inputs.map((i: { file: string; lines: number; error: string | null }) => [i.file.endsWith('kern.fifo'), i.lines > 0, i.error])).toEqual([[false, true, null], [true, false, null]]);
      expect(doc.totals.events).toBeGreaterThan(600);
      // releaseFifo completes the pending open: one Ctrl-C ends the run.
      expect(await within(3000, ended)).toMatchObject({ code: 130 });
    });
  }
});

describe('a FIFO nobody writes to, as the only input, --threads auto', SIGNAL_TEST, () => {
  // Choosing the thread count stats every input; opening the FIFO for that blocked the main
  // thread in open(), where no signal handler runs: Ctrl-C and SIGTERM did nothing at all.
  it.runIf(process.platform === 'linux')('SIGINT gives the (empty) report at once and ends the process', async () => {
    const fifo = join(tempDir(), 'only.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const cli = startCli([fifo, '-o', 'json']);
    // Signalled before its handler is in place, the process died of it (no report, exit null).
    await untilWaitingOnFifo(cli.pid);
    const ended = cli.stop('SIGINT');
    await cli.waitFor((out) => out.trimEnd().endsWith('}'), 3000);
    const doc = JSON.parse(cli.stdout);
    expect(doc.interrupted).toBe('SIGINT');
    expect(doc.inputs).toHaveLength(1);
    expect(doc.totals.lines).toBe(0);
    expect(await within(3000, ended)).toMatchObject({ code: 130 });
  });
});

describe('SIGINT / SIGTERM during `events` and `daily`: what was read is written, marked, exit 130 / 143', SIGNAL_TEST, () => {
  /**
   * Starts the CLI reading stdin, writes `lines` and then one malformed line (the last one
   * without DST=; the pipe stays open) and waits for that line's diagnostic on stderr: by
   * then every line before it was parsed (in this thread, or by the read worker, which
   * holds the last events in an unsent batch). Then sends the signal; how the run ended.
   */
  async function cutShort(args: string[], lines: string[], signal: 'SIGINT' | 'SIGTERM' = 'SIGINT') {
    const cli = startCli([...args, '-'], { stdin: 'pipe' });
    cli.stdin!.write([...lines, lines.at(-1)!.replace(/ DST=\S+/, '')].join('\n') + '\n');
    await cli.waitFor((_out, err) => err.includes(`(stdin):${lines.length + 1}: malformed`), STARTED_MS);
    const t0 = Date.now();
    const r = await cli.stop(signal);
    expect(Date.now() - t0).toBeLessThan(2000);
    return r;
  }

  // 3000 events: more than one 256 KiB write of NDJSON (some is out before the signal, the
  // rest only in the final flush) and more than one 2048-event batch of the read worker.
  const N = 3000;
  const many = Array.from({ length: N }, (_, i) => UFW(1 + i, '203.0.113.7', i));

  for (const threads of ['1', '2']) {
    it(`events --threads ${threads}, SIGINT: every event parsed before it is on stdout (pure NDJSON), a note on stderr, exit 130`, async () => {
      const r = await cutShort(['events', '--threads', threads], many);
      const events = ndjson(r.stdout) as { origin: { line: number }; dst: { port: number } }[];
      expect(events).toHaveLength(N);
      expect(r.code).toBe(130);
      expect(events.map((e) => e.origin.line)).toEqual(many.map((_, i) => i + 1));
      expect(events.at(-1)!.dst.port).toBe(N);
      expect(r.stderr).toContain('logscan: interrupted by SIGINT; the output covers only what was read before it\n');
    });
  }

  it('events --ecs, SIGTERM: the same, exit 143', async () => {
    const r = await cutShort(['events', '--ecs', '--threads', '1'], many, 'SIGTERM');
    const events = ndjson(r.stdout) as { logscan: { line: number } }[];
    expect(events.map((e) => e.logscan.line)).toEqual(many.map((_, i) => i + 1));
    expect(r.code).toBe(143);
    expect(r.stderr).toContain('logscan: interrupted by SIGTERM; the output covers only what was read before it\n');
  });

  // 60 records at 10:00-10:59 UTC on 2026-11-20, one source each (more than the 50 lines
  // the format is sniffed on: until then the malformed line would not be reported).
  const day = Array.from({ length: 60 }, (_, i) => isoLine(new Date(Date.UTC(2026, 10, 20, 10, i)), { src: `198.51.100.${i + 1}` }));
  const dayArgs = ['daily', '--date', '2026-11-20', '--tz', 'UTC'];

  it('daily -o json, SIGINT: the day of what was read, "interrupted": "SIGINT", exit 130', async () => {
    const r = await cutShort([...dayArgs, '-o', 'json'], day);
    expect(r.code).toBe(130);
    const doc = JSON.parse(r.stdout);
    expect(doc.interrupted).toBe('SIGINT');
    expect(doc.report.interrupted).toBe('SIGINT');
    expect(doc.headline).toMatchObject({ events: 60, sources: 60 });
  });

  it('daily text and markdown: a visible "interrupted" note', async () => {
    const t = await cutShort([...dayArgs, '-o', 'text'], day);
    expect(t.code).toBe(130);
    expect(t.stdout).toContain('note: interrupted by SIGINT: this summary covers only what was read before it');
    expect(t.stdout).toContain('60 packets from 60 sources');
    const m = await cutShort([...dayArgs, '-o', 'markdown'], day, 'SIGTERM');
    expect(m.code).toBe(143);
    expect(m.stdout).toContain('> interrupted by SIGTERM: this summary covers only what was read before it');
  });

  it('daily --output FILE --state DIR, SIGINT: the marked summary is written, the digest is not (said on stderr)', async () => {
    const state = tempDir();
    const out = join(state, 'day.html');
    const r = await cutShort([...dayArgs, '--output', out, '--state', state], day);
    expect(r.code).toBe(130);
    expect(r.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toContain('<p class="note">interrupted by SIGINT: this summary covers only what was read before it</p>');
    expect(readdirSync(state)).toEqual(['day.html']);
    expect(r.stderr).toContain('logscan: interrupted by SIGINT: the --state digest of 2026-11-20 is not written (it would count only part of the day)');
  });
});
