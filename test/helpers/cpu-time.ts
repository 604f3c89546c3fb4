// Time bounds in tests count this process's CPU time, not the wall clock: on a loaded
// 2-core CI machine (another test file in the other worker, a build, helpers) a linear
// parse of 1 MB took 2.8 s by the clock and a few ms of CPU. What the bounds are for,
// exponential backtracking or a slow index, costs CPU wherever the clock stands.
// (vitest runs each test file in a process of its own: pool 'forks'.)

/** CPU milliseconds (user + system) this process spent in fn. */
export function cpuMs(fn: () => void): number {
  const t0 = process.cpuUsage();
  fn();
  const d = process.cpuUsage(t0);
  return (d.user + d.system) / 1000;
}
