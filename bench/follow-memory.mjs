// Memory of `logscan follow` over a long synthetic run: a writer appends lines whose
// timestamps advance much faster than the clock (one log-hour per wall second by
// default, so a 2-minute run covers five days), from an ever-growing set of sources.
// The follow process's RSS is sampled from /proc every few seconds. Measures, does
// not assert. Usage: node bench/follow-memory.mjs [--seconds 120] [--rate 10000]
import { spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : dflt);
const SECONDS = opt('--seconds', 120);
const RATE = opt('--rate', 10000);
const LOG_MS_PER_WALL_MS = 3600; // one log-hour per wall second

const cli = new URL('../dist/bin/logscan.cjs', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'logscan-follow-mem-'));
const file = join(dir, 'kern.log');
writeFileSync(file, '');

const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n) => String(n).padStart(2, '0');
const base = Date.UTC(2026, 10, 1);
function stamp(ms) {
  const d = new Date(ms);
  return `${MON[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
}
// Every line a new-ish source: 16M distinct addresses cycle slowly, so per-source state must expire.
const line = (seq, ms) =>
  `${stamp(ms)} gw kernel: [UFW BLOCK] IN=eth0 OUT= MAC=00:11:22:33:44:55:66:77:88:99:aa:bb:08:00 SRC=10.${(seq >> 16) & 255}.${(seq >> 8) & 255}.${seq & 255} DST=192.168.1.10 LEN=44 TOS=0x00 PREC=0x00 TTL=51 ID=${seq & 65535} PROTO=TCP SPT=${1024 + (seq % 60000)} DPT=${(seq % 1000) + 1} WINDOW=1024 RES=0x00 SYN URGP=0\n`;

const child = spawn(process.execPath, [...(process.env.NODE_FLAGS ? process.env.NODE_FLAGS.split(" ") : []), cli, 'follow', '-o', 'ndjson', '--tz', 'UTC', '--year', '2026', file], {
  env: { ...process.env, NO_COLOR: '1' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const rss = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

await new Promise((r) => setTimeout(r, 800));
let seq = 0;
const t0 = Date.now();
const samples = [];
const perTick = Math.max(1, Math.round(RATE / 100));
await new Promise((resolve) => {
  const writer = setInterval(() => {
    const ms = base + (Date.now() - t0) * LOG_MS_PER_WALL_MS;
    let chunk = '';
    for (let i = 0; i < perTick; i++) chunk += line(++seq, ms);
    appendFileSync(file, chunk);
    if (Date.now() - t0 >= SECONDS * 1000) {
      clearInterval(writer);
      clearInterval(sampler);
      resolve();
    }
  }, 10);
  const sampler = setInterval(() => samples.push([Math.round((Date.now() - t0) / 1000), seq, rss()]), 5000);
});
child.kill('SIGTERM');
process.stdout.write(`wall s  lines written  log time covered  follow RSS MiB\n`);
for (const [s, n, r] of samples) process.stdout.write(`${String(s).padStart(6)}  ${String(n).padStart(13)}  ${((s * 1000 * LOG_MS_PER_WALL_MS) / 86_400_000).toFixed(1).padStart(13)} d  ${r.toFixed(0).padStart(14)}\n`);
