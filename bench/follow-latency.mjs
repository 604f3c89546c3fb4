// Append -> output latency of `logscan follow -o ndjson` at a steady rate (default
// 5,000 lines/s for 10 s). Each line carries its write time (ms since start) in the
// IP ID field; the output's event is matched back by its source port. Measures, does
// not assert. Usage: node bench/follow-latency.mjs [--rate N] [--seconds N] [--poll MS] [--no-watch]
import { spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : dflt);
const RATE = opt('--rate', 5000);
const SECONDS = opt('--seconds', 10);
const POLL = opt('--poll', 250);
const TICK_MS = 10; // the writer appends RATE/100 lines every 10 ms, like a busy syslog daemon

const cli = new URL('../dist/bin/logscan.cjs', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'logscan-follow-bench-'));
const file = join(dir, 'kern.log');
writeFileSync(file, '');

const line = (seq) =>
  `Nov 20 06:25:01 gw kernel: [12345.678901] [UFW BLOCK] IN=eth0 OUT= MAC=00:11:22:33:44:55:66:77:88:99:aa:bb:08:00 SRC=203.0.113.${seq % 250} DST=192.168.1.10 LEN=44 TOS=0x00 PREC=0x00 TTL=51 ID=${seq} PROTO=TCP SPT=${seq % 60000} DPT=${(seq % 1000) + 1} WINDOW=1024 RES=0x00 SYN URGP=0\n`;

const env = { ...process.env, NO_COLOR: '1', LOGSCAN_FOLLOW_POLL_MS: String(POLL), ...(args.includes('--no-watch') ? { LOGSCAN_FOLLOW_NO_WATCH: '1' } : {}) };
const child = spawn(process.execPath, [cli, 'follow', '-o', 'ndjson', '--from-start', file], { env, stdio: ['ignore', 'pipe', 'inherit'] });

const sentAt = new Map();
const lat = [];
let buf = '';
child.stdout.on('data', (c) => {
  const now = performance.now();
  buf += c.toString();
  let nl;
  while ((nl = buf.indexOf('\n')) >= 0) {
    const l = buf.slice(0, nl);
    buf = buf.slice(nl + 1);
    const m = /"line":(\d+)/.exec(l);
    if (!m) continue;
    const t = sentAt.get(Number(m[1]));
    if (t !== undefined) {
      lat.push(now - t);
      sentAt.delete(Number(m[1]));
    }
  }
});

// Warm-up: one line, wait until it comes back.
await new Promise((r) => setTimeout(r, 800));
let seq = 0;
const perTick = Math.max(1, Math.round((RATE * TICK_MS) / 1000));
const t0 = performance.now();
await new Promise((resolve) => {
  const timer = setInterval(() => {
    let chunk = '';
    const now = performance.now();
    for (let i = 0; i < perTick; i++) {
      seq++;
      sentAt.set(seq, now);
      chunk += line(seq);
    }
    appendFileSync(file, chunk);
    if (now - t0 >= SECONDS * 1000) {
      clearInterval(timer);
      resolve();
    }
  }, TICK_MS);
});
await new Promise((r) => setTimeout(r, Math.max(1000, POLL * 4)));
child.kill('SIGINT');
await new Promise((r) => child.on('close', r));

lat.sort((a, b) => a - b);
const q = (p) => lat[Math.min(lat.length - 1, Math.floor(p * lat.length))]?.toFixed(1);
const elapsed = (performance.now() - t0) / 1000;
console.log(`lines written ${seq} in ${SECONDS} s (${Math.round(seq / SECONDS)}/s), received ${lat.length}, lost ${sentAt.size}`);
console.log(`poll ${POLL} ms${args.includes('--no-watch') ? ' (no fs.watch)' : ' + fs.watch'}; latency ms: p50 ${q(0.5)}  p90 ${q(0.9)}  p99 ${q(0.99)}  max ${lat.at(-1)?.toFixed(1)}  (run ${elapsed.toFixed(1)} s)`);
