// A log made to be hostile to `follow`'s per-source state: waves of sources, every source
// of a wave scanning PORTS distinct TCP ports within one minute of log time, the wave's
// sources interleaved line by line, so all of them fold past 100 ports in the same
// window at once (each wants a port bitmap) and the fold table stays full.
//   node bench/follow-hostile.mjs OUT [--sources 20000] [--wave 10000] [--ports 155]
// Same arguments, same bytes; OUT `-` is standard output (a long run needs no file:
// `node bench/follow-hostile.mjs - --sources 60000 | node bench/follow-rss.mjs --stdin /dev/stdin -- follow -`).
// Feed it to `logscan follow - < OUT` under bench/follow-rss.mjs.
import { createWriteStream } from 'node:fs';

const args = process.argv.slice(2);
const out = args[0] ?? 'bench/data/hostile.log';
const opt = (name, dflt) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : dflt);
const SOURCES = opt('--sources', 20_000);
const WAVE = opt('--wave', 10_000);
const PORTS = opt('--ports', 155);

const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n) => String(n).padStart(2, '0');
const stamp = (ms) => {
  const d = new Date(ms);
  return `${MON[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
};
// Source n: 100.64.0.0/10 and beyond, one address each, never repeated across waves.
const src = (n) => `${11 + (n >> 24)}.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
const base = Date.UTC(2026, 10, 20, 6, 0, 0);
const w = out === '-' ? process.stdout : createWriteStream(out);
let lines = 0;
for (let first = 0; first < SOURCES; first += WAVE) {
  const n = Math.min(WAVE, SOURCES - first);
  // Each wave in its own minute, 9 s of probes (inside the first, 10 s window: each source folds 150+ ports in it) then quiet, so its windows close before the next.
  const t0 = base + (first / WAVE) * 120_000;
  let chunk = '';
  for (let p = 0; p < PORTS; p++) {
    const t = t0 + Math.floor((p / PORTS) * 9_000);
    const head = `${stamp(t)} gw kernel: [UFW BLOCK] IN=eth0 OUT= MAC=00:16:3e:12:34:56:00:1b:21:ab:cd:ef:08:00 SRC=`;
    for (let i = 0; i < n; i++) {
      const s = first + i;
      const port = 1 + ((p * 397 + s) % 65_000);
      chunk += `${head}${src(s)} DST=192.168.1.10 LEN=44 TOS=0x00 PREC=0x00 TTL=51 ID=${(p * 31 + i) & 65535} PROTO=TCP SPT=${40000 + (i % 20000)} DPT=${port} WINDOW=1024 RES=0x00 SYN URGP=0\n`;
      lines++;
      if (chunk.length > 1 << 20) {
        if (!w.write(chunk)) await new Promise((r) => w.once('drain', r));
        chunk = '';
      }
    }
  }
  w.write(chunk);
}
w.end(() => process.stderr.write(`${lines} lines, ${SOURCES} sources in waves of ${WAVE}, ${PORTS} ports each\n`));
