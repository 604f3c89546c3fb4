// Preloaded into every measured process (node --import): records the peak RSS of
// the whole process at exit, so the benchmark needs no external `time` binary.
import { writeFileSync } from 'node:fs';

const out = process.env.BENCH_RSS_OUT;
if (out) process.on('exit', () => writeFileSync(out, String(process.resourceUsage().maxRSS)));
