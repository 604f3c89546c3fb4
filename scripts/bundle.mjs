// The program, dist/bin/program.cjs: tsc's output (dist/) linked into one file by esbuild.
// Node 20 resolves, reads and compiles every ES module on its own, and for logscan's ~150
// modules that was a fifth of a small report's time (samples/ufw.log: 408 -> 323 ms;
// `logscan explain 80`: 200 -> 178 ms; docs/performance.md, "Start-up"). Bundled from the
// emitted JavaScript, not from src/: the code that runs is the code tsc checked.
//
// CommonJS, so that the package's bin (dist/bin/logscan.cjs, tsc's output of
// cli/entry.cts copied here) can compile it as a script with V8's code cache, which this
// script then makes: it runs the program once on the samples and keeps what V8 compiled
// (program.cjs.v8cache). The read worker is an ES module entry of its own beside it, so
// `./read-worker.js` next to the program's URL finds it as it does from dist/pipeline/.
// Every output file sits two levels under the package root, as dist/<dir>/*.js does, so
// the `../../signatures/` and `../../package.json` URLs resolve the same.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';

const root = new URL('../', import.meta.url).pathname;
// Start from an empty dist/bin: what an older build wrote there (its chunks) would stay behind.
rmSync(`${root}dist/bin`, { recursive: true, force: true });

const common = {
  absWorkingDir: root,
  outdir: 'dist/bin',
  bundle: true,
  // One file, not a chunk per command: cli/program.ts still imports each command lazily
  // (esbuild turns the import into a call that runs its modules' top level), but Node reads
  // one file instead of ~50 for a report. V8 only pre-parses the functions a run does not
  // call, so the commands a run does not use cost little: an empty report took 350 instead
  // of 400 ms of CPU, `explain 80` 230 instead of 240 (docs/performance.md, "Start-up").
  splitting: false,
  platform: 'node',
  target: 'node20',
  // Stack traces map back to src/ under `node --enable-source-maps`; without it, no cost.
  sourcemap: 'linked',
  // Required only for --geoip, from node_modules (enrich/geoip.ts).
  external: ['maxmind'],
  logLevel: 'warning',
};

await build({
  ...common,
  entryPoints: { program: 'dist/cli/main.js' },
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  // The modules find the package's files (signatures/, package.json, the read worker) from
  // their own URL.
  define: { 'import.meta.url': '__logscanUrl' },
  // "use strict" first: after a statement it would be no directive, and the ES modules the
  // bundle is made from were strict code.
  banner: { js: "'use strict';\nconst __logscanUrl = require('node:url').pathToFileURL(__filename).href;" },
});
await build({
  ...common,
  entryPoints: { 'read-worker': 'dist/pipeline/read-worker.js' },
  format: 'esm',
  // CommonJS dependencies (split2) call require(); an ES module has none of its own.
  banner: { js: "import { createRequire as __logscanRequire } from 'node:module'; const require = __logscanRequire(import.meta.url);" },
});

// Without its source-map comment: the map stays with dist/cli/entry.cjs.
const entry = readFileSync(`${root}dist/cli/entry.cjs`, 'utf8').replace(/\n\/\/# sourceMappingURL=.*\n?$/, '\n');
writeFileSync(`${root}dist/bin/logscan.cjs`, entry, { mode: 0o755 });

// A script compiled from a code cache loses its import() handler (Node 20): the program
// must load everything by require, as the bundle's own lazy imports do.
const program = `${root}dist/bin/program.cjs`;
const text = readFileSync(program, 'utf8');
if (/\bimport\(/.test(text)) throw new Error('dist/bin/program.cjs holds an import(): load that module with createRequire (see enrich/geoip.ts)');

// The program's build id, its last line: a code cache is used only with the build that made
// it (cli/entry.cts). A hash of the text, so the same sources build the same files.
appendFileSync(program, `// logscan-build: ${createHash('sha256').update(text).digest('hex').slice(0, 32)}\n`);

// The code cache: one report of every sample (each format's parser, annotating, the
// summary, the terminal tables), the run most people and most tests make. Functions no
// run of it compiled are compiled as before, when first called.
const samples = readdirSync(`${root}samples`).filter((f) => f.endsWith('.log')).map((f) => `${root}samples/${f}`);
const made = spawnSync(process.execPath, [`${root}dist/bin/logscan.cjs`, ...samples], {
  env: { ...process.env, LOGSCAN_WRITE_CODE_CACHE: '1', NO_COLOR: '1' },
  stdio: ['ignore', 'ignore', 'pipe'],
});
if (!existsSync(`${program}.v8cache`)) {
  // Only slower without it; said, not failed.
  process.stderr.write(`bundle: no code cache made (exit ${made.status}): ${made.stderr.toString().slice(0, 500)}\n`);
}
