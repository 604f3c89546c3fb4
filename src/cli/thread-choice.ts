// One thread or two for a run (--threads): with `auto`, two for big inputs on 2+ cores.
import { availableParallelism } from 'node:os';
import { textSize } from '../input/open.js';
import type { Threads } from './options.js';

/**
 * Below this much log text (gzip counted uncompressed) a second thread does not pay: at
 * 100k lines (25 MB) the two-thread report was no faster, even with the worker started
 * before the command loads (cli/early-worker.ts; docs/performance.md, "The second thread").
 */
const WORKER_MIN_BYTES = 32 * 1024 * 1024;

export function useWorker(files: readonly string[], threads: Threads): boolean {
  if (threads === 1) return false;
  if (threads === 2) return true;
  if (availableParallelism() < 2) return false;
  // Unreadable inputs count 0 here (the read reports them), and so does a piped stdin,
  // whose size nobody knows in advance.
  let bytes = 0;
  for (const f of files) bytes += textSize(f);
  return bytes >= WORKER_MIN_BYTES;
}
