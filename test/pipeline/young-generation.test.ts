// holdYoungGeneration (src/pipeline/young-generation.ts) stops V8's young generation from
// growing past 16 MiB (both semi-spaces) once it has got there. Run in processes of their
// own: the flag it sets is process-wide. The same allocation without it is the control:
// it must reach V8's default 32 MiB, or the test shows nothing.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

const MiB = 1024 * 1024;

/** The new space's size after allocating fast with some survivors (as decoding batches does). */
function newSpaceAfterAllocating(hold: boolean): number {
  const mod = JSON.stringify(pathToFileURL(join(repoRoot, 'dist/pipeline/young-generation.js')).href);
  const script = `
    const { getHeapSpaceStatistics } = await import('node:v8');
    const { holdYoungGeneration } = await import(${mod});
    const kept = [];
    for (let i = 0; i < 4e6; i++) {
      const o = { n: i, s: 'x' + i };
      if (i % 64 === 0) kept.push(o);
      if (kept.length > 20000) kept.length = 0;
      if (${hold} && i % 4096 === 0) holdYoungGeneration();
    }
    console.log(getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size);`;
  const file = join(tempDir(), 'alloc.mjs');
  writeFileSync(file, script);
  const r = spawnSync(process.execPath, [file], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  return Number(r.stdout.trim());
}

describe('holdYoungGeneration', () => {
  it('keeps the young generation at 16 MiB where V8 alone grows it to 32', () => {
    expect(newSpaceAfterAllocating(false)).toBe(32 * MiB);
    const held = newSpaceAfterAllocating(true);
    expect(held).toBeGreaterThanOrEqual(16 * MiB);
    expect(held).toBeLessThan(32 * MiB);
  });
});
