// npm run bench: logscan against a plain split2 line count of the same file, in the
// same run, page cache warm, median of N runs, whole processes, peak RSS of each. Each
// command runs as a user gets it (two threads for these sizes: --threads auto) and with
// --threads 1; the 1M iptables report once more in one thread with a smaller young
// generation (the memory/speed trade README offers) and `logscan daily`; the 1M file five
// times over (5M lines, the same sources: memory flat?); a 100k-line file on both
// sides of the --threads auto threshold; start-up, and the terminal report of a small sample;
// and the report's stages one by one in one thread (bench/stages.mjs).
// Writes bench/RESULTS.md. Options: --lines N (default 1000000), --runs N (default 5),
// --big N (second size to show growth; default 5000000, 0 to skip), --quick.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : dflt);
const quick = args.includes('--quick');
const LINES = opt('--lines', quick ? 200_000 : 1_000_000);
const RUNS = opt('--runs', quick ? 3 : 5);
const BIG = opt('--big', quick ? 0 : 5_000_000);

const dataDir = join(root, 'bench/data');
mkdirSync(dataDir, { recursive: true });
const usageFile = join(dataDir, '.usage');
const cli = join(root, 'dist/bin/logscan.cjs');
const probe = join(root, 'bench/rss-probe.mjs');

function dataset(lines, format) {
  const f = join(dataDir, `${format}-${lines}.log`);
  if (!existsSync(f)) {
    process.stderr.write(`generating ${f} …\n`);
    execFileSync(process.execPath, [join(root, 'bench/generate.mjs'), String(lines), f, '--format', format], { stdio: 'inherit' });
  }
  return f;
}

function once(argv) {
  if (existsSync(usageFile)) unlinkSync(usageFile);
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--import', probe, ...argv], {
    env: { ...process.env, BENCH_USAGE_OUT: usageFile, NO_COLOR: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0 && r.status !== 3) throw new Error(`${argv.join(' ')} exited ${r.status}: ${r.stderr}`);
  const u = JSON.parse(readFileSync(usageFile, 'utf8'));
  return { ms, rssKiB: u.maxRSS, userMs: u.userUs / 1000, sysMs: u.sysUs / 1000 };
}

/**
 * Runs the commands in turns (one warm-up each, then round after round), so a machine
 * that speeds up or slows down over minutes (a shared VM) affects every command alike.
 * Each ratio is the median of the per-round ratios against the first command.
 */
function measureTogether(argvs, runs = RUNS) {
  for (const argv of argvs) once(argv); // warm the page cache and the code cache
  const rounds = Array.from({ length: runs }, () => argvs.map((argv) => once(argv)));
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return argvs.map((_, i) => {
    const xs = rounds.map((r) => r[i]);
    return {
      ms: median(xs.map((x) => x.ms)),
      ratio: median(rounds.map((r) => r[i].ms / r[0].ms)),
      userMs: median(xs.map((x) => x.userMs)),
      sysMs: median(xs.map((x) => x.sysMs)),
      rssMiB: Math.max(...xs.map((x) => x.rssKiB)) / 1024,
    };
  });
}

const rows = [];
/** 1000000 -> "1M", 200000 -> "200k". */
const fmtCount = (n) => (n % 1_000_000 === 0 ? `${n / 1_000_000}M` : n % 1000 === 0 ? `${n / 1000}k` : String(n));
/** The smaller young generation README suggests for memory-tight machines (NODE_OPTIONS=--max-semi-space-size=8). */
const SEMI = 8;
/** `logscan daily` on the generator's second day (it writes 2026-11-20 and -21, UTC). */
const DAILY = ['--year', '2026', '--date', '2026-11-21', '--tz', 'UTC', '-o', 'json'];
function bench(label, file, lines, { semi = false, daily = false } = {}) {
  const mb = statSync(file).size / 1e6;
  const commands = [
    ['split2 line count', [join(root, 'bench/count-lines.mjs'), file]],
    ['logscan events (NDJSON)', [cli, 'events', file]],
    ['events, --threads 1', [cli, 'events', file, '--threads', '1']],
    ['logscan report (-o json)', [cli, file, '-o', 'json']],
    ['report, --threads 1', [cli, file, '-o', 'json', '--threads', '1']],
    ...(semi ? [[`report, --threads 1, ${SEMI} MiB semi-spaces`, [`--max-semi-space-size=${SEMI}`, cli, file, '-o', 'json', '--threads', '1']]] : []),
    ...(daily
      ? [
          ['logscan daily (-o json)', [cli, 'daily', file, ...DAILY]],
          ['daily, --threads 1', [cli, 'daily', file, ...DAILY, '--threads', '1']],
        ]
      : []),
  ];
  const ms = measureTogether(commands.map(([, argv]) => argv));
  commands.forEach(([what], i) => {
    const m = ms[i];
    rows.push({ label, lines, mb, what, ms: m.ms, ratio: m.ratio, user: m.userMs, sys: m.sysMs, rss: m.rssMiB, lps: lines / (m.ms / 1000), mbps: mb / (m.ms / 1000) });
  });
}

bench('iptables', dataset(LINES, 'iptables'), LINES, { semi: true, daily: true });
bench('windows-firewall', dataset(LINES, 'windows'), LINES);
// Rotated logs are gzipped (kern.log.2.gz): the same 1M lines as .gz, against the plain
// file's split2 count (unpacking is part of what logscan does for them).
{
  const plain = dataset(LINES, 'iptables');
  const gz = `${plain}.gz`;
  if (!existsSync(gz)) {
    process.stderr.write(`writing ${gz} …\n`);
    execFileSync('sh', ['-c', 'gzip -6 -c "$1" > "$2"', 'sh', plain, gz]);
  }
  const commands = [
    ['split2 line count (plain file)', [join(root, 'bench/count-lines.mjs'), plain]],
    ['logscan report (-o json)', [cli, gz, '-o', 'json']],
    ['report, --threads 1', [cli, gz, '-o', 'json', '--threads', '1']],
  ];
  const mb = statSync(gz).size / 1e6;
  measureTogether(commands.map(([, argv]) => argv)).forEach((m, i) => {
    rows.push({ label: 'iptables .gz', lines: LINES, mb, what: commands[i][0], ms: m.ms, ratio: m.ratio, user: m.userMs, sys: m.sysMs, rss: m.rssMiB, lps: LINES / (m.ms / 1000), mbps: mb / (m.ms / 1000) });
  });
}
if (BIG > 0) bench('iptables', dataset(BIG, 'iptables'), BIG);
// Memory should follow distinct sources, not lines: the generator's 5M file has 1.4x the
// sources of the 1M one, so it cannot show that alone. The 1M file five times over is 5M
// lines from exactly the 1M file's sources (and their ports and hosts).
if (BIG > 0) {
  const plain = dataset(LINES, 'iptables');
  const times = Math.round(BIG / LINES);
  const file = join(dataDir, `iptables-${LINES}x${times}.log`);
  if (!existsSync(file)) {
    process.stderr.write(`writing ${file} …\n`);
    execFileSync('sh', ['-c', 'f=$1; n=$2; out=$3; : > "$out"; i=0; while [ $i -lt $n ]; do cat "$f" >> "$out"; i=$((i+1)); done', 'sh', plain, String(times), file]);
  }
  const commands = [
    ['split2 line count', [join(root, 'bench/count-lines.mjs'), file]],
    ['logscan report (-o json)', [cli, file, '-o', 'json']],
    ['report, --threads 1', [cli, file, '-o', 'json', '--threads', '1']],
  ];
  const mb = statSync(file).size / 1e6;
  const lines = LINES * times;
  measureTogether(commands.map(([, argv]) => argv)).forEach((m, i) => {
    rows.push({ label: `iptables ${fmtCount(LINES)} ×${times} (same sources)`, lines, mb, what: commands[i][0], ms: m.ms, ratio: m.ratio, user: m.userMs, sys: m.sysMs, rss: m.rssMiB, lps: lines / (m.ms / 1000), mbps: mb / (m.ms / 1000) });
  });
}
// Where --threads auto switches (32 MiB): a 25 MB file, read in one thread by default.
const small = dataset(100_000, 'iptables');
const [smallOne, smallTwo] = measureTogether([[cli, small, '-o', 'json'], [cli, small, '-o', 'json', '--threads', '2']]);
// What a person feels most: start-up, and the terminal report of a small log (samples/ufw.log, 700 lines).
const sample = join(root, 'samples/ufw.log');
const [bare, version, explain, sampleReport] = measureTogether([['-e', '0'], [cli, '--version'], [cli, 'explain', '80'], [cli, sample]], 9);
// Where the time goes: the report's stages one by one in one thread (bench/stages.mjs).
const stages = execFileSync(process.execPath, [join(root, 'bench/stages.mjs'), dataset(LINES, 'iptables'), '--runs', String(RUNS)], { encoding: 'utf8' });

const fmt = (n, d = 0) => n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
const table = [
  '| input | lines | MB | what | wall (median) | ÷ split2 | CPU user + sys | peak RSS | lines/s | MB/s |',
  '| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...rows.map((r) => `| ${r.label} | ${fmt(r.lines)} | ${fmt(r.mb)} | ${r.what} | ${fmt(r.ms / 1000, 2)} s | ${fmt(r.ratio, 2)}× | ${fmt(r.user / 1000, 2)} + ${fmt(r.sys / 1000, 2)} s | ${fmt(r.rss)} MiB | ${fmt(r.lps)} | ${fmt(r.mbps, 1)} |`),
].join('\n');
const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${fmt(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform}`;
const md = `# Benchmark results

Generated by \`npm run bench\` (bench/run.mjs) on ${new Date().toISOString().slice(0, 10)}.
Machine: ${machine}. Median of ${RUNS} runs after one warm-up run; the commands of an input run
in turns, and \`÷ split2\` is the median of the per-round ratios; whole processes; peak RSS is
\`process.resourceUsage().maxRSS\` of each process (bench/rss-probe.mjs, preloaded with \`node --import\`).
CPU is the median user and system time of the process (all its threads: GC helpers count). System
time is mostly page faults on freshly touched memory. The yardstick reads with Node's default
64 KiB chunks, as logscan does (bigger chunks decode into large-object-space strings and made
split2 itself ~3x slower here).

${table}

At the --threads auto threshold: the report on 100,000 lines (25 MB) takes ${fmt(smallOne.ms)} ms in one thread (the
default at this size) and ${fmt(smallTwo.ms)} ms with \`--threads 2\` (starting the worker and warming up two threads' code
costs about what the second core saves).

Start-up: \`logscan --version\` ${fmt(version.ms)} ms, \`logscan explain 80\` ${fmt(explain.ms)} ms, the terminal report of
samples/ufw.log (700 lines) ${fmt(sampleReport.ms)} ms (${fmt(sampleReport.rssMiB)} MiB), against ${fmt(bare.ms)} ms for a bare
\`node -e 0\` in the same turns (median of 9).

Where the time goes, in one thread of one process (\`node bench/stages.mjs FILE\` on the ${fmt(LINES)}-line iptables
file; ${RUNS} rounds, each running every stage's process once, after its warm-up, in turns with the count in that
process; medians of the per-round ratios; "+ stage" is the difference of two rows' ratios times the count's median time in those processes;
each row does what the row above does and one stage more):

${stages}
Commands measured (FILE = bench/data/<format>-<lines>.log from \`node bench/generate.mjs LINES FILE --format iptables|windows\`):

    node bench/count-lines.mjs FILE          # the yardstick: split2 line count
    node dist/bin/logscan.cjs events FILE        # NDJSON to /dev/null (two threads at these sizes)
    node dist/bin/logscan.cjs FILE -o json       # full report (two threads at these sizes)
    ... --threads 1                          # the same in one thread
    node --max-semi-space-size=${SEMI} dist/bin/logscan.cjs FILE -o json --threads 1   # one thread, smaller young generation
    node dist/bin/logscan.cjs daily FILE ${DAILY.join(' ')}   # the daily summary of the file's second day (1M iptables only)
    gzip -6 -c FILE > FILE.gz; node dist/bin/logscan.cjs FILE.gz -o json   # the 1M iptables file gzipped (MB column: the .gz)
    cat FILE FILE FILE FILE FILE > FILE5; node dist/bin/logscan.cjs FILE5 -o json   # the 1M iptables file five times: 5M lines, the same sources

Targets (issue 9): report ≤ 1.5× and events ≤ 2.5× the split2 count on 1M lines; peak RSS ≤ 200 MiB
and flat from 1M to 5M lines (memory grows with distinct sources, not with lines: the generator's 5M
file has more sources than its 1M file; the 1M file five times over has the same ones); --version
< 150 ms; explain < 250 ms.
`;
writeFileSync(join(root, 'bench/RESULTS.md'), md);
process.stdout.write(md);
