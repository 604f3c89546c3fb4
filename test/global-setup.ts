import { chmodSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const repoRoot = new URL('../', import.meta.url).pathname;

/**
 * The end-to-end tests run the built CLI (test/helpers/cli.ts), and only `npm test`
 * builds: `npx vitest run FILE` after an edit would test the old program and pass or fail
 * for the wrong reason. Its build inputs are src/ and the two files that say how to build
 * it; signatures/ is not one (the program reads it at run time, BUILTIN_SIGNATURES_DIR).
 */
function refuseStaleBuild(): void {
  const bundle = join(repoRoot, 'dist/bin/program.cjs');
  let built: number;
  try {
    built = statSync(bundle).mtimeMs;
  } catch {
    throw new Error('dist/bin/program.cjs is missing: run `npm run build` before the tests (npm test does)');
  }
  const inputs = [
    ...readdirSync(join(repoRoot, 'src'), { recursive: true, encoding: 'utf8' }).map((f) => join('src', f)),
    'scripts/bundle.mjs',
    'tsconfig.json',
  ];
  const newer = inputs.filter((f) => {
    const st = statSync(join(repoRoot, f));
    return st.isFile() && st.mtimeMs > built;
  });
  if (newer.length > 0) {
    const shown = newer.slice(0, 5).join(', ') + (newer.length > 5 ? ` and ${newer.length - 5} more` : '');
    throw new Error(`dist/ is older than ${shown}: run \`npm run build\` (the end-to-end tests run dist/bin/logscan.cjs; npm test builds first)`);
  }
}

export default function setup(): () => void {
  // Pin the zone for the worker processes too, before any Date is created.
  process.env.TZ = 'Etc/GMT+2';
  refuseStaleBuild();
  // One root for every temporary directory of the run (test/helpers/temp.ts), removed when
  // the run ends. The worker processes and the CLIs they spawn inherit the variable.
  const root = mkdtempSync(join(tmpdir(), 'logscan-run-'));
  // Searchable by others: the permission test runs the CLI as nobody on a file in here
  // (each test's own directory under it stays 0700 unless the test opens it).
  chmodSync(root, 0o755);
  process.env.LOGSCAN_TEST_TMP = root;
  return () => rmSync(root, { recursive: true, force: true });
}
