// The program, dist/bin/logscan.js: tsc's output (dist/) linked into a few
// files by esbuild. Node 20 resolves, reads and compiles every ES module on its own, and
// for logscan's ~150 modules that was a fifth of a small report's time (samples/ufw.log:
// 408 -> 323 ms; `logscan explain 80`: 200 -> 178 ms; docs/performance.md, "Start-up").
// Bundled from the emitted JavaScript, not from src/: the code that runs is the code tsc
// checked.
//
// The read worker is an entry of its own beside logscan.js, so `./read-worker.js` next to
// import.meta.url finds it from the bundle as it does from dist/pipeline/. Every
// output file sits two levels under the package root, as dist/<dir>/*.js does, so the
// `../../signatures/` and `../../package.json` URLs resolve the same.
//
// The package's bin is dist/bin/logscan.cjs, tsc's output of cli/entry.cts copied beside
// the bundle: CommonJS, so `--version` answers without Node's ES module loader, and
// anything else imports ./logscan.js.
import { build } from 'esbuild';
import { chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const root = new URL('../', import.meta.url).pathname;
// Start from an empty dist/bin: what an older build wrote there (its chunks) would stay behind.
rmSync(`${root}dist/bin`, { recursive: true, force: true });

await build({
  absWorkingDir: root,
  entryPoints: { logscan: 'dist/cli/main.js', 'read-worker': 'dist/pipeline/read-worker.js' },
  outdir: 'dist/bin',
  bundle: true,
  // One file, not a chunk per command: cli/program.ts still imports each command lazily
  // (esbuild turns the import into a call that runs its modules' top level), but Node reads
  // and resolves one file instead of ~50 for a report. V8 only pre-parses the functions a
  // run does not call, so the commands a run does not use cost little: an empty report
  // took 350 instead of 400 ms of CPU, `explain 80` 230 instead of 240 (docs/performance.md,
  // "Start-up").
  splitting: false,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // CommonJS dependencies (commander, split2) call require(); an ES module has none of its own.
  banner: { js: "import { createRequire as __logscanRequire } from 'node:module'; const require = __logscanRequire(import.meta.url);" },
  // Stack traces map back to src/ under `node --enable-source-maps`; without it, no cost.
  sourcemap: 'linked',
  // Loaded only for --geoip, from node_modules as before: bundled, a dynamic import of a
  // CommonJS package gets only `default` (esbuild), not maxmind's named `Reader`.
  external: ['maxmind'],
  logLevel: 'warning',
});

chmodSync(`${root}dist/bin/logscan.js`, 0o755);

// Without its source-map comment: the map stays with dist/cli/entry.cjs.
const entry = readFileSync(`${root}dist/cli/entry.cjs`, 'utf8').replace(/\n\/\/# sourceMappingURL=.*\n?$/, '\n');
writeFileSync(`${root}dist/bin/logscan.cjs`, entry, { mode: 0o755 });
