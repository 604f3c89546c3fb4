#!/usr/bin/env node
// Entry point. `--version` answers before the rest of the program is loaded (start-up
// time is what a person feels most); everything else loads the full program.
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  const { VERSION } = await import('./version.js');
  process.stdout.write(`${VERSION}\n`);
} else {
  const { run } = await import('./program.js');
  run(process.argv);
}
