// The benchmark is not part of the suite (npm run bench), but its scripts import the
// built modules directly: a rename in src/ must not break them unnoticed until the next
// half-hour bench run. The generator and the stage table, run on a tiny file.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, tempDir } from './helpers/cli.js';

describe('bench scripts', () => {
  it('generate a log and time the report stage by stage', () => {
    const file = join(tempDir(), 'small.log');
    execFileSync(process.execPath, [join(repoRoot, 'bench/generate.mjs'), '500', file], { stdio: 'pipe' });
    expect(readFileSync(file, 'utf8').split('\n').filter(Boolean)).toHaveLength(500);
    const table = execFileSync(process.execPath, [join(repoRoot, 'bench/stages.mjs'), file, '--runs', '1'], { encoding: 'utf8' });
    for (const row of ['split2 line count', 'read + parse', '+ annotate', '+ summarize', '+ the thread codec']) expect(table, row).toContain(row);
  }, 60_000);
});
