// Preloaded into every measured process (node --import): records the peak RSS and the
// CPU time (user, system) of the whole process at exit, so the benchmark needs no
// external `time` binary.
import { writeFileSync } from 'node:fs';

const out = process.env.BENCH_USAGE_OUT;
if (out) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    writeFileSync(out, JSON.stringify({ maxRSS: u.maxRSS, userUs: u.userCPUTime, sysUs: u.systemCPUTime }));
  });
}
