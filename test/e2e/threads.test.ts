// `--threads 2` (a worker thread reads, parses and annotates; src/pipeline) must be
// invisible in the results: the same stdout, stderr and exit code as `--threads 1`
// on real logs, on several files at once, and on broken inputs. Then the parts only a
// threaded run has: a crash in the worker, and a signal while the worker reads.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliPath, repoRoot, runCli, runCliShared, tempDir, type CliResult } from '../helpers/cli.js';
import { until } from '../helpers/wait.js';
import { UFW } from '../helpers/ufw.js';

const corpus = join(repoRoot, '../shared/corpus');

let dir = '';
let many = '';
let broken = '';
let truncatedGz = '';
let ignoreFile = '';
let logDir = '';

beforeAll(() => {
  dir = tempDir();
  // More events than one batch (2048), from many sources, so batches and their string tables turn over.
  many = join(dir, 'many.log');
  writeFileSync(many, Array.from({ length: 5000 }, (_, i) => UFW(1 + (i % 900), `198.51.${(i >> 8) % 256}.${i % 256}`, i)).join('\n') + '\n');
  broken = join(dir, 'broken.log');
  writeFileSync(broken, [UFW(22), 'Nov 20 06:25:03 gw kernel: [1.0] [UFW BLOCK] IN=eth0 OUT= SRC=203.0.113.7 LEN=44 PROTO=TCP SPT=1 DPT=2', UFW(23)].join('\n') + '\n');
  ignoreFile = join(dir, 'ignore.txt');
  writeFileSync(ignoreFile, '198.51.0.0/24\nport 22/tcp\n');
  // Two log families for `daily`: kern.log with non-ufw prefixes, ufw.log with ufw ones, so both are read (two worker runs, one annotator).
  logDir = join(dir, 'var-log');
  mkdirSync(logDir);
  const other = (i: number): string => UFW(i % 700 + 1, `192.0.2.${i % 200}`, i).replace('[UFW BLOCK]', 'DROP IN:');
  writeFileSync(join(logDir, 'kern.log'), Array.from({ length: 3000 }, (_, i) => other(i)).join('\n') + '\n');
  writeFileSync(join(logDir, 'ufw.log'), Array.from({ length: 3000 }, (_, i) => UFW(1 + (i % 300), `198.51.100.${i % 50}`, i)).join('\n') + '\n');
  truncatedGz = join(dir, 'cut.log.gz');
  const gz = gzipSync(Buffer.from(Array.from({ length: 3000 }, (_, i) => UFW(i % 100 + 1, '203.0.113.9', i)).join('\n') + '\n'));
  writeFileSync(truncatedGz, gz.subarray(0, gz.length >> 1));
});

function filesIn(d: string): string[] {
  return readdirSync(d, { recursive: true, encoding: 'utf8' })
    .map((f) => join(d, f))
    .filter((f) => statSync(f).isFile())
    .sort();
}

function both(args: string[], input?: string | Buffer): [Readonly<CliResult>, Readonly<CliResult>] {
  return [runCliShared([...args, '--threads', '1'], { input }), runCliShared([...args, '--threads', '2'], { input })];
}

describe('--threads 2 gives exactly what --threads 1 gives', () => {
  const cases: [string, () => string[], (() => string | Buffer)?][] = [
    ['samples, table', () => [join(repoRoot, 'samples/ufw.log'), join(repoRoot, 'samples/pfirewall.log')]],
    ['corpus iptables, json', () => [...filesIn(join(corpus, 'iptables')), '-o', 'json']],
    ['corpus Windows Firewall, json, zh', () => [...filesIn(join(corpus, 'windows-firewall')), '-o', 'json', '--lang', 'zh']],
    ['5,000 events (three batches), json', () => [many, '-o', 'json']],
    // Gateways' probes of the hosts behind them: the most probed hosts (JSON topTargets, the table).
    ['gateways (UniFi, pfSense, Cisco ASA) and the 5,000 events, json', () => [join(corpus, 'iptables/crowdsec-hub_unifi-udm.log'), ...filesIn(join(corpus, 'pfsense-filterlog')), ...filesIn(join(corpus, 'cisco-asa')), many, '-o', 'json']],
    ['gateways (UniFi, pfSense, Cisco ASA), table', () => [join(corpus, 'iptables/crowdsec-hub_unifi-udm.log'), ...filesIn(join(corpus, 'pfsense-filterlog')), ...filesIn(join(corpus, 'cisco-asa'))]],
    ['filters, an ignore list and a blocklist', () => [many, '--since', '2025-01-01', '--source', '198.51.0.0/16', '--ignore', ignoreFile, '-o', 'blocklist', '--blocklist-min-score', '1']],
    ['events NDJSON', () => ['events', many, join(repoRoot, 'samples/firewalld.log')]],
    ['events --ecs', () => ['events', '--ecs', join(repoRoot, 'samples/iptables.log')]],
    // The pid column (corpus balaji…pid-nul.log) crosses from the worker as the other fields do.
    ['events, corpus Windows Firewall (pid)', () => ['events', ...filesIn(join(corpus, 'windows-firewall'))]],
    ['events --ecs, corpus Windows Firewall (pid)', () => ['events', '--ecs', ...filesIn(join(corpus, 'windows-firewall'))]],
    ['events with filters and an ignore list', () => ['events', many, '--since', '2025-01-01', '--source', '198.51.0.0/16', '--ignore', ignoreFile]],
    ['malformed lines, a missing file and a truncated .gz: diagnostics and exit 3', () => [broken, join(dir, 'missing.log'), truncatedGz, '-o', 'json']],
    ['events with broken inputs', () => ['events', broken, join(dir, 'missing.log'), truncatedGz]],
    ['a file, then stdin (relayed to the worker, waiting its turn), json', () => [join(repoRoot, 'samples/firewalld.log'), '-', '-o', 'json'], () => readFileSync(many, 'utf8')],
    ['events from stdin', () => ['events', '-'], () => readFileSync(many, 'utf8')],
    ['gzip on stdin (unpacked), json', () => ['-', '-o', 'json'], () => gzipSync(readFileSync(many))],
    ['daily, json', () => ['daily', many, '--year', '2025', '--date', '2025-11-20', '--tz', 'UTC', '-o', 'json']],
    ['daily over a --log-dir with two log families, markdown', () => ['daily', '--log-dir', logDir, '--year', '2025', '--date', '2025-11-20', '--tz', 'UTC', '-o', 'markdown']],
    ['daily with broken inputs', () => ['daily', broken, join(dir, 'missing.log'), truncatedGz, '--year', '2025', '--date', '2025-11-20', '--tz', 'UTC', '-o', 'json']],
  ];
  for (const [name, args, input] of cases) {
    it(name, () => {
      const [one, two] = both(args(), input?.());
      expect(one.stdout.length).toBeGreaterThan(100);
      expect(two.code).toBe(one.code);
      expect(two.stderr).toBe(one.stderr);
      expect(two.stdout).toBe(one.stdout);
    });
  }

  it('stdin redirected from a file (read by the worker itself), from where the shell left its offset, after a file', () => {
    // As `{ read -r first; logscan FILE - ; } < many.log` leaves it: the first line already read.
    const firstLine = Buffer.byteLength(readFileSync(many, 'utf8').split('\n')[0]! + '\n');
    const run = (threads: string): CliResult => {
      const fd = openSync(many, 'r');
      try {
        readSync(fd, Buffer.alloc(firstLine), 0, firstLine, null);
        const r = spawnSync(process.execPath, [cliPath, join(repoRoot, 'samples/firewalld.log'), '-', '-o', 'json', '--threads', threads], { cwd: repoRoot, stdio: [fd, 'pipe', 'pipe'], encoding: 'utf8' });
        return { code: r.status, stdout: r.stdout, stderr: r.stderr };
      } finally {
        closeSync(fd);
      }
    };
    const [one, two] = [run('1'), run('2')];
    expect(two).toEqual(one);
    const stdin = (JSON.parse(two.stdout) as { inputs: { file: string; lines: number; events: number }[] }).inputs.find((i) => i.file === '(stdin)');
    expect(stdin).toMatchObject({ lines: 4999, events: 4999 });
  });

  it('the broken-input case really is broken (the comparison above is not of two empty runs)', () => {
    // The run the comparison above made (runCliShared): is what it compared broken?
    const r = runCliShared([broken, join(dir, 'missing.log'), truncatedGz, '-o', 'json', '--threads', '2']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('malformed');
    expect(r.stderr).toContain('missing.log: no such file');
    expect(r.stderr).toMatch(/cut\.log\.gz: gzip data is truncated/);
    expect(JSON.parse(r.stdout).totals.events).toBeGreaterThan(2);
  });
});

describe('--threads auto', () => {
  // The worker's test crash hook shows which way a run went.
  const crash = { LOGSCAN_TEST_CRASH: 'read-worker' };

  it('reads a small file in one thread', () => {
    const r = runCli([many], { env: crash });
    expect(r.code).toBe(0);
  });

  it('uses the worker for 32 MiB of log text on 2+ cores, counting a .gz unpacked (this one is ~100 kB packed)', () => {
    const line = UFW(23) + '\n';
    const gz = join(dir, 'auto.log.gz');
    writeFileSync(gz, gzipSync(Buffer.alloc(33 * 1024 * 1024, line), { level: 1 }));
    const r = runCli([gz], { env: crash });
    if (availableParallelism() >= 2) {
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('deliberate crash in "read-worker"');
    } else expect(r.code).toBe(0);
    expect(runCli([gz, '--threads', '1'], { env: crash }).code).toBe(0);
  });

  it('counts stdin redirected from a file at its size; a pipe, whose size is unknown, stays in one thread', () => {
    const text = join(dir, 'auto.log');
    writeFileSync(text, Buffer.alloc(33 * 1024 * 1024, UFW(23) + '\n'));
    const fd = openSync(text, 'r');
    try {
      const r = spawnSync(process.execPath, [cliPath, '-'], { cwd: repoRoot, stdio: [fd, 'pipe', 'pipe'], env: { ...process.env, ...crash }, encoding: 'utf8' });
      if (availableParallelism() >= 2) {
        expect(r.status).toBe(1);
        expect(r.stderr).toContain('deliberate crash in "read-worker"');
      } else expect(r.status).toBe(0);
    } finally {
      closeSync(fd);
    }
    expect(runCli(['-'], { env: crash, input: readFileSync(many, 'utf8') }).code).toBe(0);
  });
});

interface InterruptedReport {
  interrupted: string;
  totals: { events: number };
  inputs: Record<string, unknown>[];
}

/** A line the parser calls malformed: its diagnostic on stderr says the lines before it were parsed. */
const BROKEN = 'Nov 20 06:25:03 gw kernel: [1.0] [UFW BLOCK] IN=eth0 OUT= SRC=203.0.113.7 LEN=44 PROTO=TCP SPT=1 DPT=2';

/**
 * Starts the CLI on `args` (writing `stdin` to it, the pipe left open), sends SIGINT once
 * stderr says `parsed` (the diagnostic of a malformed line: every line before it was
 * parsed, by the read worker here); how it ended. A delay was not enough on a loaded
 * machine: from the start, the signal came before the command's handler, and Node's
 * default action left no report; 700 ms after the read began, nothing was parsed yet.
 */
async function interruptedRun(args: string[], parsed: string, stdin?: string): Promise<{ code: number | null; exitMs: number; doc: InterruptedReport }> {
  const child = spawn(process.execPath, [cliPath, ...args], { cwd: repoRoot, env: { ...process.env, NO_COLOR: '1' } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  if (stdin !== undefined) child.stdin.write(stdin);
  await until(() => stderr.includes(parsed), 20_000, () => `"${parsed}" on stderr: ${stderr.slice(-300)}`);
  const t0 = Date.now();
  child.kill('SIGINT');
  const code = await exited;
  return { code, exitMs: Date.now() - t0, doc: JSON.parse(stdout) as InterruptedReport };
}

describe('a worker started before the command loads (cli/early-worker.ts)', () => {
  // The worker's test crash hook makes a started worker visible: it fails as it loads.
  const crash = { LOGSCAN_TEST_CRASH: 'read-worker' };

  it('a wrong guess costs nothing: a big file named only as an option\'s value', () => {
    const cwd = join(dir, 'guess');
    mkdirSync(cwd, { recursive: true });
    // `--tz UTC` names a file "UTC" here, big enough for auto to start a worker for it.
    writeFileSync(join(cwd, 'UTC'), Buffer.alloc(33 * 1024 * 1024, 'x'));
    const r = runCli([many, '--tz', 'UTC', '-o', 'json'], { env: crash, cwd });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).totals.events).toBe(5000);
  });

  it('a usage error after the worker started still ends at once with exit 2', () => {
    const t0 = Date.now();
    const r = runCli([many, '--threads', '2', '--top', 'lots']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--top');
    expect(Date.now() - t0).toBeLessThan(5000);
  });
});

describe('what only a threaded run has', () => {
  it('a crash in the worker is an internal error: short message, exit 1', () => {
    const r = runCli([many, '--threads', '2'], { env: { LOGSCAN_TEST_CRASH: 'read-worker' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('deliberate crash in "read-worker"');
    expect(r.stdout).toBe('');
  });

  it('SIGINT while the worker reads: exit 130, the report covers what was read, marked interrupted', async () => {
    // 300,000 lines (75 MB) of one repeated record, gzipped to little: several seconds of
    // reading. A malformed line after the first 4,096 (two of the worker's batches) tells
    // when reading is under way.
    const line = UFW(6776) + '\n';
    const big = join(dir, 'big.log.gz');
    writeFileSync(big, gzipSync(Buffer.concat([Buffer.alloc(line.length * 4096, line), Buffer.from(BROKEN + '\n'), Buffer.alloc(line.length * (300_000 - 4096), line)]), { level: 1 }));
    const { code, exitMs, doc } = await interruptedRun([big, '--threads', '2', '-o', 'json'], `${big}:4097: malformed`);
    expect(exitMs).toBeLessThan(3000);
    expect(code).toBe(130);
    expect(doc.interrupted).toBe('SIGINT');
    expect(doc.totals.events).toBeGreaterThan(0);
    expect(doc.totals.events).toBeLessThan(300_000);
    // Stopping on request is not a broken input.
    expect(doc.inputs[0]).toMatchObject({ incomplete: false, events: doc.totals.events });
  });

  it('SIGINT while the worker waits on a quiet stdin pipe: exit 130 at once, with what came', async () => {
    // Forty records, then the writer goes quiet without closing the pipe. Nine lines of
    // another daemon and a malformed one make the fifty the format is chosen on, so the
    // lines are parsed without an end of input, and the last one's diagnostic says when.
    const noise = 'Nov 20 06:25:02 gw sshd[123]: Accepted publickey for root from 192.0.2.1 port 50000 ssh2';
    const forty = [...Array.from({ length: 40 }, (_, i) => UFW(23, `198.51.100.${i}`, i)), ...Array<string>(9).fill(noise), BROKEN].join('\n') + '\n';
    const { code, exitMs, doc } = await interruptedRun(['-', '--threads', '2', '-o', 'json'], '(stdin):50: malformed', forty);
    expect(exitMs).toBeLessThan(2000);
    expect(code).toBe(130);
    expect(doc.interrupted).toBe('SIGINT');
    expect(doc.totals.events).toBe(40);
    expect(doc.inputs[0]).toMatchObject({ file: '(stdin)', incomplete: false, events: 40 });
  });
});
