// RSS of one `logscan follow` run over time: starts it with the given arguments (a file
// on stdin with `--stdin FILE`), reads /proc/PID/status's VmRSS (a row a second) and VmHWM
// until it exits, and prints the rows and the peak. Measures, does not assert (Linux only).
//   node bench/follow-rss.mjs [--stdin FILE] -- follow -q --tz UTC -
import { spawn } from 'node:child_process';
import { openSync, readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const dash = args.indexOf('--');
const own = dash < 0 ? [] : args.slice(0, dash);
const cliArgs = dash < 0 ? args : args.slice(dash + 1);
const stdinFile = own.includes('--stdin') ? own[own.indexOf('--stdin') + 1] : null;
const cli = new URL('../dist/bin/logscan.cjs', import.meta.url).pathname;
const child = spawn(process.execPath, [cli, ...cliArgs], {
  env: { ...process.env, NO_COLOR: '1' },
  stdio: [stdinFile ? openSync(stdinFile, 'r') : 'ignore', 'ignore', 'inherit'],
});
const t0 = Date.now();
/** VmRSS and VmHWM (the kernel's high-water mark, which a sample can miss between reads), MiB; null once the process is gone. */
const status = () => {
  try {
    const text = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const kib = (key) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(text)?.[1] ?? 0);
    return { rss: kib('VmRSS') / 1024, hwm: kib('VmHWM') / 1024 };
  } catch {
    return null;
  }
};
const samples = [];
let hwm = 0;
// Read four times a second for the high-water mark; a row per second for the shape over time.
const timer = setInterval(() => {
  const s = status();
  if (s === null || s.rss === 0) return;
  hwm = Math.max(hwm, s.hwm);
  const at = Math.floor((Date.now() - t0) / 1000);
  if (samples.length === 0 || samples[samples.length - 1][0] !== at) samples.push([at, s.rss]);
}, 250);
child.on('exit', (code) => {
  clearInterval(timer);
  const peak = hwm > 0 ? `peak ${hwm.toFixed(0)} MiB (VmHWM)` : 'ended before its memory could be read';
  process.stdout.write(`s  RSS MiB\n${samples.map(([s, r]) => `${s} ${r.toFixed(0)}`).join('\n')}\n${peak}, exit ${code}, ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
});
