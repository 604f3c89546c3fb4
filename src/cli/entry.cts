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
  void import(program);
}
