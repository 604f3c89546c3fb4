#!/usr/bin/env node
// The command people run (package.json "bin": dist/bin/logscan.cjs). CommonJS, so that
// `logscan --version` answers before Node starts its ES module loader: ~12 ms, a tenth of
// the run (docs/performance.md, "Start-up"). Anything else loads the program, the bundle
// beside this file (dist/bin/program.cjs, from cli/main.ts), compiled with the V8 code
// cache the build made for it (program.cjs.v8cache, scripts/bundle.mjs): V8 then skips
// parsing and compiling the functions a run of the build used, ~20 % of a small run's CPU
// (`explain 80`: 0.26 -> 0.20 s). Node 20 has no code cache for modules, hence a script.
import type { Script } from 'node:vm';

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  // As cli/version.ts reads it (the program is not loaded for this).
  const pkg = JSON.parse(require('node:fs').readFileSync(require('node:path').join(__dirname, '../../package.json'), 'utf8')) as { version: string };
  process.stdout.write(`${pkg.version}\n`);
} else {
  // Streaming a big log allocates fast, and then V8 lets old-space garbage pile up to
  // 3-4x the live heap before a full collection. Growing the limit by 1.5x instead:
  // peak RSS of a 5M-line report 630 -> ~400 MiB for ~5 % more time (measured with
  // bench/run.mjs). Set before the program is compiled: V8 takes a code cache only under
  // the flags it was made with, and the build's run made it under this one.
  (require('node:v8') as typeof import('node:v8')).setFlagsFromString('--heap-growing-percent=50');
  // Failing to load it is no bug of the program's (too many open files, a broken install):
  // say so in a line, as the program's own handler would, not with Node's stack.
  const cannotLoad = (err: unknown): void => {
    const e = err instanceof Error ? (err as NodeJS.ErrnoException) : null;
    const hint = e?.code === 'EMFILE' ? 'this process may open no more files: raise the limit (ulimit -n) and run again' : 'reinstall it (npm install) if this persists';
    process.stderr.write(`logscan: cannot load the program: ${String(e?.message ?? err).replace(/[\x00-\x1f\x7f]/g, '?')}\nlogscan: ${hint}\n`);
    process.exitCode = 1;
  };
  try {
    loadProgram().started.catch(cannotLoad);
  } catch (err) {
    cannotLoad(err);
  }
}

/**
 * Runs dist/bin/program.cjs as Node would require it, but compiled through vm.Script with
 * the build's code cache when it belongs to this very program file. The cache file starts
 * with the program's build id (the last line of program.cjs, a hash of its text), because
 * V8 itself checks only the source's length: a cache left from another build of the same
 * length would run that build's code. `NODE_DEBUG=logscan` says whether the cache was used.
 */
function loadProgram(): { started: Promise<void> } {
  const fs = require('node:fs') as typeof import('node:fs');
  const vm = require('node:vm') as typeof import('node:vm');
  const debug = (require('node:util') as typeof import('node:util')).debuglog('logscan');
  const file = `${__dirname}/program.cjs`;
  // Source maps (`--enable-source-maps`, for --debug's stack traces in src/ terms) apply to
  // modules Node loads itself, not to a vm.Script: a debugging run does without the cache.
  if (process.sourceMapsEnabled) {
    debug('code cache: not used with source maps');
    return require(file) as { started: Promise<void> };
  }
  const source = fs.readFileSync(file, 'utf8');
  const id = buildId(source);
  let cachedData: Buffer | undefined;
  try {
    const cache = fs.readFileSync(`${file}.v8cache`);
    if (id !== null && cache.subarray(0, id.length).toString('latin1') === id) cachedData = cache.subarray(id.length);
    else debug('code cache: not this build of the program, not used');
  } catch {
    debug('code cache: none');
  }
  // The wrapper Node puts around a CommonJS module, on the program's first line so that line
  // numbers in its stack traces stay right. No import() handler: V8 drops it when it compiles
  // from a cache (the build refuses a program with an import()).
  const script: Script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: file,
    cachedData,
  });
  if (cachedData !== undefined) debug(`code cache: ${script.cachedDataRejected === true ? 'rejected by V8 (another Node version or V8 flags)' : 'used'}`);
  // The build's run asks for the cache, after the program ran: it then holds every function that run compiled.
  if (process.env['LOGSCAN_WRITE_CODE_CACHE'] === '1' && id !== null) {
    process.once('exit', () => fs.writeFileSync(`${file}.v8cache`, Buffer.concat([Buffer.from(id, 'latin1'), script.createCachedData()])));
  }
  const mod = { exports: {} as { started: Promise<void> } };
  const wrapped = script.runInThisContext() as (...a: unknown[]) => void;
  wrapped.call(mod.exports, mod.exports, (require('node:module') as typeof import('node:module')).createRequire(file), mod, file, __dirname);
  return mod.exports;
}

/** The build id scripts/bundle.mjs writes as the program's last line, or null. */
function buildId(source: string): string | null {
  const m = /\/\/ logscan-build: ([0-9a-f]{16,64})\n?$/.exec(source.slice(-100));
  return m === null ? null : m[1]!;
}
