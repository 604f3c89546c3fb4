#!/usr/bin/env node
// The command people run (package.json "bin": dist/bin/logscan.cjs). CommonJS, so that
// `logscan --version` answers before Node starts its ES module loader: ~12 ms, a tenth of
// the run (docs/performance.md, "Start-up"). Anything else loads the program, the ES
// module bundle beside this file (dist/bin/logscan.js, from cli/main.ts).
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  // As cli/version.ts reads it (an ES module cannot be required here).
  const pkg = JSON.parse(require('node:fs').readFileSync(require('node:path').join(__dirname, '../../package.json'), 'utf8')) as { version: string };
  process.stdout.write(`${pkg.version}\n`);
} else {
  // A specifier in a variable: resolved beside the bundle in dist/bin at run time, not in src/.
  const program = './logscan.js';
  // Failing to load it is no bug of the program's (too many open files, a broken install):
  // say so in a line, as the program's own handler would, not with Node's stack.
  import(program).catch((err: unknown) => {
    const e = err instanceof Error ? (err as NodeJS.ErrnoException) : null;
    const hint = e?.code === 'EMFILE' ? 'this process may open no more files: raise the limit (ulimit -n) and run again' : 'reinstall it (npm install) if this persists';
    process.stderr.write(`logscan: cannot load the program: ${String(e?.message ?? err).replace(/[\x00-\x1f\x7f]/g, '?')}\nlogscan: ${hint}\n`);
    process.exitCode = 1;
  });
}
