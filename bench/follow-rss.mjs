// RSS of one `logscan follow` run over time: starts it with the given arguments (a file
// on stdin with `--stdin FILE`), reads /proc/PID/status's VmRSS every second until it
// exits, and prints the samples and the peak. Measures, does not assert (Linux only).
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
const rss = () => {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
};
const samples = [];
const timer = setInterval(() => samples.push([Math.round((Date.now() - t0) / 1000), rss()]), 1000);
child.on('exit', (code) => {
  clearInterval(timer);
  const u = samples.filter(([, r]) => r > 0);
  const peak = Math.max(0, ...u.map(([, r]) => r));
  process.stdout.write(`s  RSS MiB\n${u.map(([s, r]) => `${s} ${r.toFixed(0)}`).join('\n')}\npeak ${peak.toFixed(0)} MiB, exit ${code}, ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
});
