// readInWorker (src/pipeline/threaded-inputs.ts) hands this thread's idle start-up to
// whileWorkerStarts: the work runs once, after the worker has its job and before the first
// event arrives, so it overlaps the worker's reading instead of adding to the run.
// Run in a process of its own, from dist: the worker is dist/pipeline/read-worker.js.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

const mod = (p: string): string => JSON.stringify(pathToFileURL(join(repoRoot, 'dist', p)).href);

describe('readInWorker', () => {
  it('runs whileWorkerStarts once, before the first event, and then reads every event', () => {
    const script = `
      const { readInWorker } = await import(${mod('pipeline/threaded-inputs.js')});
      const { readCommonOptions } = await import(${mod('cli/options.js')});
      const seen = [];
      const stats = await readInWorker([${JSON.stringify(join(repoRoot, 'samples/ufw.log'))}], readCommonOptions({ lang: 'en' }), {
        annotate: true,
        whileWorkerStarts: () => seen.push('starts'),
        onEvent: () => { if (seen.at(-1) !== 'event') seen.push('event'); },
        onMalformed: () => {},
        onInputDone: () => {},
      });
      console.log(JSON.stringify({ seen, events: stats[0].events }));`;
    // A file, not -e: the worker would inherit --input-type and refuse its own file.
    const file = join(tempDir(), 'run.mjs');
    writeFileSync(file, script);
    const r = spawnSync(process.execPath, [file], { encoding: 'utf8', timeout: 30_000 });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { seen: string[]; events: number };
    expect(out.seen).toEqual(['starts', 'event']);
    expect(out.events).toBeGreaterThan(600);
  });
});
