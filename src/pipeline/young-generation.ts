// A ceiling for this thread's young generation while a run reads its logs. V8 grows the
// young generation by doubling (up to 16 MiB semi-spaces, 32 MiB in all) while the program
// allocates fast, and parsing lines or decoding the worker's batches does. In a threaded
// run, with the worker's heap beside it, that last doubling put the 1M-line report's peak
// RSS at 195-198 MiB against a 200 MiB target; held at 8 MiB semi-spaces the report peaked
// ~16 MiB lower, `events` ~23 and `daily` ~16, one thread ~9, in the same time
// (docs/performance.md, "Memory"). `--max-semi-space-size` only counts at start-up, which
// a program cannot choose for itself, but V8 reads its growth factor each time it grows the
// space: once the space is big enough, a factor of 1 keeps it there. The flag is
// process-wide; the worker's young generation has its own, lower limit
// (threaded-inputs.ts) and has reached it by then.
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';

/** Both semi-spaces together, as V8 reports the new space's size. */
const CEILING_BYTES = 16 * 1024 * 1024;

let reached = false;

/** Stops the young generation's growth once it has reached the ceiling; cheap after that. */
export function holdYoungGeneration(): void {
  if (reached) return;
  const space = getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
  if (space === undefined || space.space_size < CEILING_BYTES) return;
  setFlagsFromString('--semi-space-growth-factor=1');
  reached = true;
}
