// End-to-end: the built CLI on real files, stdin, gzip, broken inputs and pipes.
import { spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliPath, ndjson, repoRoot, runCli, runCliShared, spawnCli, tempDir } from '../helpers/cli.js';
import { dailyAs, reportAs } from '../helpers/views.js';
import { COMMAND_NAMES, commandFirst, commandsFor } from '../../src/cli/command-names.js';
import { OUTPUT_EXTENSIONS } from '../../src/cli/output.js';

const UFW = [
  'Nov 20 06:25:01 gw kernel: [12345.678901] [UFW BLOCK] IN=eth0 OUT= MAC=00:11:22:33:44:55:66:77:88:99:aa:bb:08:00 SRC=203.0.113.7 DST=192.168.1.10 LEN=44 TOS=0x00 PREC=0x00 TTL=51 ID=54321 PROTO=TCP SPT=40000 DPT=6776 WINDOW=1024 RES=0x00 SYN URGP=0',
  'Nov 20 06:25:02 gw sshd[123]: Accepted publickey for root from 192.0.2.1 port 50000 ssh2',
  'Nov 20 06:25:03 gw kernel: [12346.678901] [UFW BLOCK] IN=eth0 OUT= MAC=00:11:22:33:44:55:66:77:88:99:aa:bb:08:00 SRC=198.51.100.9 DST=192.168.1.10 LEN=28 TOS=0x00 PREC=0x00 TTL=1 ID=1 PROTO=UDP SPT=40001 DPT=33434 LEN=8',
  'Nov 20 06:25:04 gw kernel: [12347.678901] [UFW BLOCK] IN=eth0 OUT= MAC=00:11:22:33:44:55:66:77:88:99:aa:bb:08:00 SRC=203.0.113.7 DST=192.168.1.10 LEN=44 TOS=0x00 PREC=0x00 TTL=51 ID=54322 PROTO=TCP SPT=40000 DPT=23 WINDOW=1024 RES=0x00 SYN URGP=0',
];
const PFW = [
  '#Version: 1.5',
  '#Software: Microsoft Windows Firewall',
  '#Time Format: Local',
  '#Fields: date time action protocol src-ip dst-ip src-port dst-port size tcpflags tcpsyn tcpack tcpwin icmptype icmpcode info path',
  '',
  '2026-11-20 08:05:57 DROP TCP 203.0.113.50 192.168.1.20 4444 445 48 S 12345 0 64240 - - - RECEIVE',
  '2026-11-20 08:05:58 ALLOW UDP 192.168.1.20 192.168.1.1 60924 53 0 - - - - - - - SEND',
];

let dir = '';
let ufw = '';
let pfw = '';

beforeAll(() => {
  dir = tempDir();
  ufw = join(dir, 'ufw.log');
  pfw = join(dir, 'pfirewall.log');
  writeFileSync(ufw, UFW.join('\n') + '\n');
  writeFileSync(pfw, PFW.join('\r\n') + '\r\n');
});

describe('logscan events', () => {
  it('prints one JSON event per firewall record, with origin file and line', () => {
    const r = runCliShared(['events', ufw]);
    expect(r.code).toBe(0);
    const ev = ndjson(r.stdout);
    expect(ev).toHaveLength(3);
    expect(ev.map((e) => (e.origin as { line: number }).line)).toEqual([1, 3, 4]);
    expect(ev[0]).toMatchObject({ format: 'iptables', action: 'drop', proto: 'tcp', src: { ip: '203.0.113.7', port: 40000 }, dst: { port: 6776 } });
  });

  it('reads standard input when given -', () => {
    const r = runCli(['events', '-'], { input: UFW.join('\n') });
    expect(r.code).toBe(0);
    expect(ndjson(r.stdout)).toHaveLength(3);
  });

  it('reads gzip files as streams, same events as the plain file', () => {
    const gz = join(dir, 'kern.log.2.gz');
    writeFileSync(gz, gzipSync(readFileSync(ufw)));
    const plain = ndjson(runCliShared(['events', ufw]).stdout).map((e) => e.src);
    const r = runCli(['events', gz]);
    expect(r.code).toBe(0);
    expect(ndjson(r.stdout).map((e) => e.src)).toEqual(plain);
  });

  it('keeps events before the damage in a truncated gzip, says so, exits 3', () => {
    const many = Array.from({ length: 4000 }, (_, i) => UFW[0].replace('ID=54321', `ID=${i}`)).join('\n') + '\n';
    const full = gzipSync(Buffer.from(many));
    const cut = join(dir, 'cut.log.gz');
    writeFileSync(cut, full.subarray(0, Math.floor(full.length * 0.6)));
    const r = runCli(['events', cut]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/cut\.log\.gz: gzip data is truncated or corrupt after line \d+/);
    const n = ndjson(r.stdout).length;
    expect(n).toBeGreaterThan(100);
    expect(n).toBeLessThan(4000);
  });

  it('--since, --until and --source choose the events, in NDJSON and DShield lines alike', () => {
    const lines = (args: string[]) => ndjson(runCli(['events', ufw, '--year', '2026', '--tz', 'UTC', ...args]).stdout).map((e) => (e.origin as { line: number }).line);
    expect(lines(['--since', '2026-11-20T06:25:03Z'])).toEqual([3, 4]);
    expect(lines(['--until', '2026-11-20 06:25:03'])).toEqual([1, 3]);
    expect(lines(['--source', '203.0.113.0/24'])).toEqual([1, 4]);
    expect(lines(['--source', '203.0.113.0/24', '--since', '2026-11-20T06:25:02Z'])).toEqual([4]);
    const dshield = runCli(['events', ufw, '-o', 'dshield', '--year', '2026', '--tz', 'UTC', '--source', '198.51.100.9']).stdout.trim().split('\n');
    expect(dshield).toHaveLength(1);
    expect(dshield[0]).toContain('\t198.51.100.9\t');
    // A window that misses the log: nothing on stdout, a word on stderr saying where the events are.
    const none = runCli(['events', ufw, '--year', '2026', '--tz', 'UTC', '--since', '2026-11-21']);
    expect(none.code).toBe(0);
    expect(none.stdout).toBe('');
    expect(none.stderr).toBe('logscan: none of the 3 events read matches --since; the events read run from 2026-11-20T06:25:01.000Z to 2026-11-20T06:25:04.000Z\n');
    // It named all three filters, whichever were given.
    expect(runCli(['events', ufw, '--source', '192.0.2.0/24']).stderr).toBe('logscan: none of the 3 events read matches --source\n');
    // Counts in the thousands are grouped, as in every other message.
    const many = join(tempDir(), 'many.log');
    writeFileSync(many, readFileSync(ufw, 'utf8').repeat(400));
    expect(runCli(['events', many, '--source', '192.0.2.0/24']).stderr).toBe('logscan: none of the 1,200 events read matches --source\n');
    expect(runCli(['events', ufw, '--year', '2026', '--tz', 'UTC', '--until', '2020-01-01', '--source', '192.0.2.0/24']).stderr).toMatch(/^logscan: none of the 3 events read matches --until and --source; the events read run from /);
    expect(runCli(['events', ufw, '--since', '2026-11-21', '--until', '2026-11-20']).code).toBe(2);
  });

  it('a file without one firewall record: stdout stays empty and stderr says so, as the report does (it said nothing at all)', () => {
    const notALog = join(dir, 'auth.log');
    writeFileSync(notALog, 'Nov 20 06:25:02 gw sshd[123]: Accepted publickey for root from 192.0.2.1 port 50000 ssh2\n');
    const r = runCli(['events', notALog]);
    expect([r.code, r.stdout, r.stderr]).toEqual([0, '', 'logscan: No firewall records found. `logscan check FILE` shows what the lines look like to logscan.\n']);
    // Records, or nothing read at all (an empty file): nothing to say.
    expect(runCliShared(['events', ufw]).stderr).toBe('');
    const empty = join(dir, 'empty.log');
    writeFileSync(empty, '');
    expect(runCli(['events', empty]).stderr).toBe('');
  });

  it('a protocol logged by number (89, 112, 33) has one name in every format, and its number in DShield and ECS', () => {
    const nf = join(dir, 'proto.log');
    const win = join(dir, 'proto-pfirewall.log');
    const numbers = ['89', '112', '33'];
    writeFileSync(nf, numbers.map((n, i) => UFW[0].replace('06:25:01', `06:25:0${i + 1}`).replace(/PROTO=TCP .*/, `PROTO=${n}`)).join('\n') + '\n');
    writeFileSync(win, [...PFW.slice(0, 4), ...numbers.map((n, i) => `2026-11-20 08:05:5${i} DROP ${n} 203.0.113.50 192.168.1.20 - - 40 - - - - - - - RECEIVE`)].join('\r\n') + '\r\n');
    for (const file of [nf, win]) {
      const args = ['events', file, '--year', '2026', '--tz', 'UTC'];
      expect(ndjson(runCli(args).stdout).map((e) => e.proto), file).toEqual(['ospf', 'vrrp', 'dccp']);
      expect(runCli([...args, '-o', 'dshield']).stdout.trim().split('\n').map((l) => l.split('\t')[7]), file).toEqual(numbers);
      expect(ndjson(runCli([...args, '--ecs']).stdout).map((e) => (e.network as { iana_number: string }).iana_number), file).toEqual(numbers);
    }
  });

  it('reads the rotations of one log oldest first, whatever order the shell gave them', () => {
    const rot = join(dir, 'rot');
    mkdirSync(rot, { recursive: true });
    writeFileSync(join(rot, 'ufw.log.2.gz'), gzipSync(UFW[0] + '\n'));
    writeFileSync(join(rot, 'ufw.log.10.gz'), gzipSync(UFW[0].replace('06:25:01', '06:20:00') + '\n'));
    writeFileSync(join(rot, 'ufw.log.1'), UFW[2] + '\n');
    writeFileSync(join(rot, 'ufw.log'), UFW[3] + '\n');
    const glob = ['ufw.log', 'ufw.log.1', 'ufw.log.10.gz', 'ufw.log.2.gz'].map((f) => join(rot, f));
    const files = ndjson(runCli(['events', ...glob, '--year', '2026']).stdout).map((e) => (e.origin as { file: string }).file.slice(rot.length + 1));
    expect(files).toEqual(['ufw.log.10.gz', 'ufw.log.2.gz', 'ufw.log.1', 'ufw.log']);
    const doc = JSON.parse(runCli([...glob, '--year', '2026', '-o', 'json']).stdout) as { inputs: { file: string }[] };
    expect(doc.inputs.map((i) => i.file.slice(rot.length + 1))).toEqual(['ufw.log.10.gz', 'ufw.log.2.gz', 'ufw.log.1', 'ufw.log']);
  });

  it('uses ECS names with --ecs', () => {
    const r = runCli(['events', '--ecs', ufw]);
    const [first] = ndjson(r.stdout);
    expect(first).toMatchObject({
      source: { ip: '203.0.113.7', port: 40000 },
      destination: { ip: '192.168.1.10', port: 6776 },
      network: { transport: 'tcp', direction: 'ingress' },
      event: { action: 'drop' },
    });
    expect(typeof first['@timestamp']).toBe('string');
  });

  // ECS: "Full path to the log file this event came from", as Filebeat writes it; logscan's
  // own origin.file stays the name as given. Standard input is no file: no log.file.path.
  it('--ecs gives log.file.path as the full path of a file named relatively; origin.file stays as typed', () => {
    const rel = 'samples/ufw.log';
    const ecs = ndjson(runCli(['events', '--ecs', rel], { cwd: repoRoot }).stdout);
    expect(ecs.length).toBeGreaterThan(100);
    expect(new Set(ecs.map((d) => (d.log as { file: { path: string } }).file.path))).toEqual(new Set([join(repoRoot, rel)]));
    const dotted = ndjson(runCli(['events', '--ecs', `./samples/../${rel}`], { cwd: repoRoot }).stdout);
    expect((dotted[0]!.log as { file: { path: string } }).file.path).toBe(join(repoRoot, rel));
    const plain = ndjson(runCli(['events', rel], { cwd: repoRoot }).stdout);
    expect(new Set(plain.map((e) => (e.origin as { file: string }).file))).toEqual(new Set([rel]));
    const stdin = ndjson(runCli(['events', '--ecs', '-'], { input: readFileSync(join(repoRoot, rel)) }).stdout);
    expect(stdin.length).toBe(ecs.length);
    expect(stdin.filter((d) => 'log' in d)).toEqual([]);
  });

  it('exits quietly when the reader goes away (| head -1)', async () => {
    const big = join(dir, 'big.log');
    writeFileSync(big, (UFW[0] + '\n').repeat(50_000));
    const r = await spawnCli(['events', big], (_c, kill) => kill());
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it.runIf(existsSync('/dev/full'))('standard output on a full disk: one sentence on stderr and exit 2, in every command', () => {
    for (const args of [[ufw], ['events', ufw], ['explain', '22'], ['check', ufw], ['daily', ufw, '--date', '2026-11-20'], ['follow', '--from-start', ufw]]) {
      const full = openSync('/dev/full', 'w');
      const r = spawnSync(process.execPath, [cliPath, ...args], { stdio: ['ignore', full, 'pipe'], encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 20_000 });
      closeSync(full);
      expect(r.stderr, args.join(' ')).toBe('logscan: cannot write to standard output: no space left on the device\n');
      expect(r.status, args.join(' ')).toBe(2);
    }
  });

  it('daily: two copies of one log are said to be counted twice in the summary itself, in every format (a mailed summary has no stderr)', () => {
    const copy = join(dir, 'ufw-daily-copy.log');
    copyFileSync(join(repoRoot, 'samples/ufw.log'), copy);
    const sample = join(repoRoot, 'samples/ufw.log');
    const args = ['daily', sample, copy, '--date', '2026-11-21', '--tz', 'UTC'];
    // One run: its stderr, and each format what the CLI prints of its document (dailyAs).
    expect(runCliShared([...args, '-o', 'json']).stderr).toContain('they are counted twice');
    const text = dailyAs(args, 'text');
    // The note under the title, before the headline numbers it warns about.
    const head = text.slice(0, text.indexOf('\nprobes'));
    expect(head.replace(/\s+/g, ' ')).toMatch(/note: counted twice: \S+: all of its records \(about [\d,]+\) were also read from \S+: they are counted twice; give only one of the two/);
    expect(dailyAs(args, 'markdown')).toMatch(/^> counted twice: .*they are counted twice; give only one of the two$/m);
    expect(dailyAs(args, 'html')).toMatch(/<p class="note">counted twice: .*they are counted twice/);
    expect(dailyAs([...args, '--lang', 'zh'], 'text')).toContain('重复计数');
    // One copy: no such note.
    expect(dailyAs(['daily', sample, '--date', '2026-11-21', '--tz', 'UTC'], 'text')).not.toContain('counted twice');
  });

  it('two inputs with the same records: stderr and the report say they are counted twice, in every format', () => {
    const copy = join(dir, 'ufw-copy.log');
    copyFileSync(join(repoRoot, 'samples/ufw.log'), copy);
    const sample = join(repoRoot, 'samples/ufw.log');
    // The run reportAs renders below (runCliShared): one start-up for the JSON and the formats.
    const r = runCliShared([sample, copy, '-o', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { inputs: { file: string; events: number; repeats: { other: string; records: number; share: number } | null }[] };
    const events = doc.inputs[0]!.events;
    expect(events).toBeGreaterThan(600);
    const said = `logscan: ${sample}: all of its records (about ${events}) were also read from ${copy}: they are counted twice; give only one of the two\n`;
    expect(r.stderr).toBe(said);
    expect(doc.inputs.map((i) => i.repeats)).toEqual([{ other: copy, records: events, share: 1 }, null]);
    expect(reportAs([sample, copy], 'text')).toContain(`counted twice: ${sample}: all of its records`);
    expect(reportAs([sample, copy], 'markdown')).toContain('- **counted twice:**');
    expect(reportAs([sample, copy], 'html')).toContain('counted twice');
    expect(reportAs([sample, copy, '--lang', 'zh'], 'text')).toContain(`其中全部记录（约 ${events} 条）也从`);
    expect(runCli(['events', sample, copy]).stderr).toBe(said);
    // Different logs share nothing to say.
    const three = runCli(['samples/ufw.log', 'samples/iptables.log', 'samples/firewalld.log', 'samples/pfirewall.log', '-o', 'json']);
    expect(three.stderr).toBe('');
    expect((JSON.parse(three.stdout) as { inputs: { repeats: unknown }[] }).inputs.every((i) => i.repeats === null)).toBe(true);
  });

  it('counts a 10 MB line as malformed and keeps line numbers right after it', () => {
    const f = join(dir, 'long.log');
    writeFileSync(f, [UFW[0], 'x'.repeat(10 * 1024 * 1024), UFW[3]].join('\n') + '\n');
    const r = runCli(['events', f]);
    expect(r.code).toBe(0);
    expect(ndjson(r.stdout).map((e) => (e.origin as { line: number }).line)).toEqual([1, 3]);
    expect(r.stderr).toMatch(/long\.log:2: malformed: line longer than/);
  });
});

describe('bad inputs', () => {
  it('reports a missing file, still reads the others, prints the report, exits 3', () => {
    const r = runCli([join(dir, 'nope.log'), ufw]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('nope.log: no such file');
    expect(r.stdout).toContain('Top sources');
    expect(r.stdout).toContain('203.0.113.7');
  });

  it('reports a directory and exits 3', () => {
    mkdirSync(join(dir, 'adir'), { recursive: true });
    const r = runCli(['events', join(dir, 'adir')]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('is a directory');
  });

  it('rejects a .gz that is not gzip', () => {
    const f = join(dir, 'fake.gz');
    copyFileSync(ufw, f);
    const r = runCli(['events', f]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('not gzip');
  });
});

describe('logscan formats', () => {
  it('-o json / --output-format json as every other command, --json kept as its alias; -o is checked as check and explain check it', () => {
    const json = runCliShared(['formats', '-o', 'json']);
    expect(json.code).toBe(0);
    const rows = JSON.parse(json.stdout) as { id: string; description: string; examples: string[] }[];
    expect(rows.map((r) => r.id)).toContain('iptables');
    expect(rows.every((r) => r.description !== '' && r.examples.length > 0)).toBe(true);
    expect(runCli(['formats', '--output-format', 'json']).stdout).toBe(json.stdout);
    expect(runCli(['formats', '--json']).stdout).toBe(json.stdout);
    expect(runCli(['formats', '--json', '-o', 'json']).stdout).toBe(json.stdout);
    const table = runCliShared(['formats']);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^iptables\n {2}\S/m);
    expect(runCli(['formats', '-o', 'table']).stdout).toBe(table.stdout);
    const bad = runCli(['formats', '-o', 'xml']);
    expect(bad.code).toBe(2);
    // The same message as check's and explain's -o.
    expect(bad.stderr.split('\n')[0]).toBe(runCli(['check', '-o', 'xml', '-']).stderr.split('\n')[0]);
    expect(bad.stderr.split('\n')[0]).toBe("logscan: option '-o, --output-format <format>' argument 'xml' is invalid. Allowed choices are table, json, text.");
    const clash = runCli(['formats', '--json', '-o', 'table']);
    expect(clash.code).toBe(2);
    expect(clash.stderr).toBe('logscan: --json is -o json; it cannot be used with -o table\n');
  });

  it('--lang zh says what each format reads in Chinese, in the table and the JSON; ids and example lines stay as they are', () => {
    const en = JSON.parse(runCliShared(['formats', '-o', 'json']).stdout) as { id: string; description: string; examples: string[] }[];
    const zh = runCliShared(['formats', '--lang', 'zh', '-o', 'json']);
    expect(zh.code, zh.stderr).toBe(0);
    const rows = JSON.parse(zh.stdout) as typeof en;
    expect(rows.map((r) => [r.id, r.examples])).toEqual(en.map((r) => [r.id, r.examples]));
    for (const [i, r] of rows.entries()) {
      expect(r.description, r.id).toMatch(/[\u4e00-\u9fff]/);
      expect(r.description).not.toBe(en[i]!.description);
    }
    const table = runCli(['formats', '--lang', 'zh']).stdout;
    expect(table).toContain('iptables\n  netfilter/iptables 的 LOG 日志行');
    // The option may come before the command's word, as every other command's.
    expect(runCli(['--lang', 'zh', 'formats']).stdout).toBe(table);
    expect(runCli(['formats', '--lang', 'en']).stdout).toBe(runCliShared(['formats']).stdout);
    expect(runCli(['formats', '--lang', 'fr']).code).toBe(2);
  });

  it('says, in both languages, every kind of record a parser reads (what README and docs/input.md name for it)', () => {
    // Kinds the parsers read that the descriptions once left out: Junos firewall filter logs,
    // RouterOS's own /log print, IOS XE's data-plane ACL records.
    const kinds: Record<string, string[]> = {
      'juniper-srx': ['RT_FLOW_SESSION_DENY', 'PFE_FW_SYSLOG_IP', 'kernel: FW:'],
      mikrotik: ['/log print'],
      'cisco-ios': ['%SEC-6-IPACCESSLOG', '%IPV6_ACL-6-ACCESSLOG', '%FMANFP-6-IPACCESSLOG', '%FW-6-DROP_PKT'],
    };
    for (const lang of ['en', 'zh']) {
      const rows = JSON.parse(runCliShared(['formats', '--lang', lang, '-o', 'json']).stdout) as { id: string; description: string }[];
      for (const [id, words] of Object.entries(kinds)) {
        const description = rows.find((r) => r.id === id)!.description;
        for (const word of words) expect(description, `${lang} ${id}`).toContain(word);
      }
    }
  });
});

describe('--output: the extensions that pick a format', () => {
  /** The extensions named in `text` (".html", `.md` …), sorted. */
  const named = (text: string) => [...new Set(text.match(/\.[a-z]+\b/g) ?? [])].sort();
  /** The --output <file> entry of a command's --help, on one line. */
  const helpEntry = (cmd: string) => {
    const help = runCli([cmd, '--help']).stdout;
    const from = help.indexOf('--output <file>');
    return help.slice(from, help.indexOf('\n  -', from)).replace(/\s+/g, ' ');
  };
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  /** The "meaning" cell of the table row that starts so (its links left out). */
  const meaning = (doc: string, start: string) => doc.split('\n').find((l) => l.startsWith(start))!.split(' | ')[1]!.replace(/docs\/[\w-]+\.md/g, '');

  it('are all listed, the same set, by report and daily --help, README and docs/daily.md', () => {
    const all = [...OUTPUT_EXTENSIONS].sort();
    // daily has no CSV form: .csv writes text, as any other extension.
    const daily = all.filter((e) => e !== '.csv');
    expect(all).toEqual(['.csv', '.htm', '.html', '.json', '.markdown', '.md', '.txt']);
    expect(named(helpEntry('report'))).toEqual(all);
    expect(named(helpEntry('daily'))).toEqual(daily);
    expect(named(meaning(readme, '| `--output <file>` | write to `<file>` instead of standard output, atomically'))).toEqual(all);
    expect(named(meaning(readme, '| `-o, --output-format text\\|markdown\\|html\\|json` |'))).toEqual(daily);
    const dailyDoc = readFileSync(join(repoRoot, 'docs/daily.md'), 'utf8');
    expect(named(meaning(dailyDoc, '| `-o, --output-format F` |'))).toEqual(daily);
  });
});

describe('-o: one word for the people\'s format in every command', () => {
  it('check, explain and formats take `text` for `table`, and follow takes `table` for `text`, as report and daily take both', () => {
    // `logscan daily -o text` and `logscan -o text` worked, `logscan check -o text` was a usage error.
    const same = (a: string[], b: string[], input?: string) => {
      const x = runCliShared(a, { input });
      const y = runCliShared(b, { input });
      expect([a.join(' '), x.code, x.stderr]).toEqual([a.join(' '), 0, '']);
      // How long follow ran is the one thing two runs may say differently.
      const steady = (out: string) => out.replace(/── followed for .*/, '');
      expect(steady(x.stdout)).toBe(steady(y.stdout));
      expect(x.stdout.length).toBeGreaterThan(100);
    };
    same(['check', '-o', 'text', 'samples/ufw.log'], ['check', 'samples/ufw.log']);
    same(['explain', '-o', 'text', '6776'], ['explain', '6776']);
    same(['formats', '-o', 'text'], ['formats']);
    const log = readFileSync(join(repoRoot, 'samples/ufw.log'), 'utf8');
    same(['follow', '-o', 'table', '--tz', 'UTC', '-'], ['follow', '--tz', 'UTC', '-'], log);
  });
});

describe('usage errors exit 2 with one line and no stack', () => {
  for (const args of [['--bogus'], ['events', '--tz', 'Mars/Base', '-'], ['--top', '0', '-'], ['events', '--input-format', 'nope', '-'], ['--year', '99', '-'], ['--home-net', '10.0.0.0/33', '-']]) {
    it(args.join(' '), () => {
      const r = runCli(args);
      expect(r.code).toBe(2);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stderr.trim().split('\n')[0]).toMatch(/^(error|logscan):/);
    });
  }
});

describe('--home-net', () => {
  // A DMZ with public addresses behind a router: its server sends to Slammer's port.
  const dmz = 'Nov 20 07:41:57 rtr kernel: [1.0] DROP FWD: IN=eth1 OUT=eth0 SRC=203.0.113.5 DST=198.51.100.9 LEN=96 TTL=64 ID=1 DF PROTO=UDP SPT=43318 DPT=1434 LEN=76';
  it("makes a public network this side's, in the reading thread too: the DMZ server is the one talking to malware", () => {
    const file = join(tempDir(), 'fw.log');
    writeFileSync(file, dmz + '\n');
    const findings = (args: string[]): string[] => (JSON.parse(runCli([file, '--year', '2026', '-o', 'json', ...args]).stdout) as { sources: { findings: { id: string }[] }[] }).sources.flatMap((s) => s.findings.map((f) => f.id));
    expect(findings([])).toEqual(['trojan-probe']);
    for (const threads of ['1', '2']) expect(findings(['--home-net', '203.0.113.0/28', '--threads', threads]), threads).toEqual(['outbound-malware']);
    expect(findings(['--home-net', '192.168.0.0/16'])).toEqual(['trojan-probe']);
  });
});

describe('report', () => {
  it('reads iptables and Windows Firewall files together', () => {
    const r = runCli([ufw, pfw]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('iptables');
    expect(r.stdout).toContain('windows-firewall');
    expect(r.stdout).not.toMatch(/\u001b\[/);
  });

  it('gives the same content as one JSON document with -o json', () => {
    const r = runCli([ufw, '-o', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.totals).toMatchObject({ lines: 4, events: 3, skipped: 1, malformed: 0 });
    expect(doc.topSources[0]).toEqual({ ip: '203.0.113.7', packets: 2, connections: 0 });
  });

  it('through a pipe, fits $COLUMNS (else 100): tables, share lines and sentences', () => {
    // The sample report, the busiest file; plus a missing input for the "incomplete" sentence.
    const lines = (cols: string) => runCli(['samples/ufw.log', 'samples/firewalld.log', 'no-such.log'], { env: { COLUMNS: cols } }).stdout.split('\n');
    const longest = (ls: string[]) => Math.max(...ls.filter((l) => !l.startsWith('logscan ·')).map((l) => [...l].length));
    expect(longest(lines('72'))).toBeLessThanOrEqual(72);
    const wide = lines('160');
    expect(longest(wide)).toBeGreaterThan(100);
    expect(longest(wide)).toBeLessThanOrEqual(160);
    // Nonsense is ignored: the default width.
    expect(longest(lines('abc'))).toBeLessThanOrEqual(100);
    // A sentence wraps too (at 40 columns the tables cannot, but the words can).
    const narrow = lines('40');
    const at = narrow.findIndex((l) => l.startsWith('incomplete:'));
    expect(narrow.slice(at, at + 2).join('\n')).toMatch(/^incomplete: [^\n]{1,28}\n[^\n]*no-such\.log$/);
  });

  it('prints --version quickly and exits 0', () => {
    const r = runCli(['--version']);
    expect(r.code).toBe(0);
    const version = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
    expect(r.stdout).toBe(`${version}\n`);
    expect(runCli(['-V']).stdout).toBe(`${version}\n`);
    // The program run directly (commander's --version) says the same.
    expect(spawnSync(process.execPath, [join(repoRoot, 'dist/bin/program.cjs'), '--version'], { encoding: 'utf8' }).stdout).toBe(`${version}\n`);
  });

  it('the bin answers --version without loading the program (no ES module loader), and loads it for anything else', () => {
    // The bin alone, with a package.json but without the bundle beside it.
    const root = tempDir();
    mkdirSync(join(root, 'dist/bin'), { recursive: true });
    copyFileSync(cliPath, join(root, 'dist/bin/logscan.cjs'));
    writeFileSync(join(root, 'package.json'), JSON.stringify({ version: '9.8.7' }));
    const bin = (...args: string[]) => spawnSync(process.execPath, [join(root, 'dist/bin/logscan.cjs'), ...args], { encoding: 'utf8' });
    expect(bin('--version')).toMatchObject({ status: 0, stdout: '9.8.7\n', stderr: '' });
    const explain = bin('explain', '80');
    expect(explain.status).not.toBe(0);
    expect(explain.stderr).toContain('program.cjs');
  });

  it('the program bundle is strict code, as the ES modules it is made from were: its directive comes first', () => {
    // A "use strict" after any statement (the banner's) is no directive, and the bundle would run sloppy.
    expect(readFileSync(join(repoRoot, 'dist/bin/program.cjs'), 'utf8')).toMatch(/^'use strict';\n/);
  });

  it("compiles the program with the build's code cache, and only with this build's: a foreign or damaged cache is passed over with the same output", () => {
    const debug = { NODE_DEBUG: 'logscan' };
    const own = runCli(['explain', '80'], { env: debug });
    expect(own.code, own.stderr).toBe(0);
    expect(own.stderr).toMatch(/^LOGSCAN \d+: code cache: used$/m);
    expect(own.stdout).toContain('80 (tcp');
    // A copy of the package's bin, program and cache (signatures/ and package.json linked), the cache then spoiled.
    const root = tempDir();
    mkdirSync(join(root, 'dist/bin'), { recursive: true });
    for (const f of ['logscan.cjs', 'program.cjs', 'program.cjs.v8cache']) copyFileSync(join(repoRoot, 'dist/bin', f), join(root, 'dist/bin', f));
    symlinkSync(join(repoRoot, 'signatures'), join(root, 'signatures'));
    copyFileSync(join(repoRoot, 'package.json'), join(root, 'package.json'));
    const bin = (): { code: number | null; stdout: string; stderr: string } => {
      const r = spawnSync(process.execPath, [join(root, 'dist/bin/logscan.cjs'), 'explain', '80'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...debug } });
      return { code: r.status, stdout: r.stdout, stderr: r.stderr };
    };
    expect(bin()).toMatchObject({ code: 0, stdout: own.stdout, stderr: expect.stringMatching(/code cache: used$/m) });
    const cache = readFileSync(join(root, 'dist/bin/program.cjs.v8cache'));
    const spoiled: Array<[string, Buffer, RegExp]> = [
      // Another build's cache: its id differs (V8 would take it if the length matched).
      ['foreign', Buffer.concat([Buffer.from('0'.repeat(32)), cache.subarray(32)]), /code cache: not this build of the program, not used$/m],
      // This build's id before bytes V8 cannot use.
      ['damaged', Buffer.concat([cache.subarray(0, 32), Buffer.alloc(4096, 7)]), /code cache: rejected by V8/m],
      ['empty', Buffer.alloc(0), /code cache: not this build/m],
    ];
    for (const [what, bytes, said] of spoiled) {
      writeFileSync(join(root, 'dist/bin/program.cjs.v8cache'), bytes);
      const r = bin();
      expect(r.stderr, what).toMatch(said);
      expect(r.code, what).toBe(0);
      expect(r.stdout, what).toBe(own.stdout);
    }
    rmSync(join(root, 'dist/bin/program.cjs.v8cache'));
    const none = bin();
    expect(none.stderr).toMatch(/code cache: none$/m);
    expect(none.stdout).toBe(own.stdout);
  });
});

describe('which command modules load', () => {
  const load = (...args: string[]): readonly string[] => commandsFor(args);

  it('only the report for `logscan FILE` and for stdin, only the named command otherwise', () => {
    expect(load('/var/log/ufw.log')).toEqual(['report']);
    expect(load('--tz', 'UTC', 'kern.log', '-o', 'json')).toEqual(['report']);
    expect(load()).toEqual(['report']);
    expect(load('explain', '80')).toEqual(['explain']);
    expect(load('--debug', 'daily', 'x.log')).toEqual(['daily']);
  });

  it('options before the command word move after it, unless a word among them is a file', () => {
    expect(commandFirst(['--lang', 'zh', 'explain', '22'])).toEqual(['explain', '--lang', 'zh', '22']);
    expect(commandFirst(['--since', '2h', '--debug', 'events', 'x.log'])).toEqual(['events', '--since', '2h', '--debug', 'x.log']);
    expect(commandFirst(['--lang=zh', 'explain', '22'])).toEqual(['explain', '--lang=zh', '22']);
    // A word after a value, or after an option that carries its own, is a file: two inputs of the report.
    expect(commandFirst(['-o', 'json', 'a.log', 'events'])).toEqual(['-o', 'json', 'a.log', 'events']);
    expect(commandFirst(['--lang=zh', 'a.log', 'events'])).toEqual(['--lang=zh', 'a.log', 'events']);
    expect(commandFirst(['--debug', repoRoot + 'samples/ufw.log', 'events'])).toEqual(['--debug', repoRoot + 'samples/ufw.log', 'events']);
    expect(commandFirst(['--', 'explain'])).toEqual(['--', 'explain']);
    expect(commandFirst(['kern.log', 'explain'])).toEqual(['kern.log', 'explain']);
  });

  it('`logscan --lang zh explain 22` is explain in Chinese (it was "unknown command explain")', () => {
    const r = runCli(['--lang', 'zh', 'explain', '22']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(runCli(['explain', '--lang', 'zh', '22']).stdout);
    expect(r.stdout).toContain('公认端口');
  });

  it('all of them when help is asked for, since help lists them', () => {
    for (const args of [['--help'], ['-h'], ['help'], ['kern.log', '--help']]) expect(load(...args)).toEqual(COMMAND_NAMES);
    expect(load('help', 'daily')).toEqual(COMMAND_NAMES);
  });

  it('`logscan help WORD` for a word that names no command says so (it printed the general help as an error)', () => {
    const r = runCli(['help', 'evnts']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('logscan: help: no command "evnts": did you mean "events"? commands are report, events, follow, daily, explain, formats, check\n');
    const known = runCli(['help', 'events']);
    expect(known.code).toBe(0);
    expect(known.stdout).toContain('Usage: logscan events');
  });
});
