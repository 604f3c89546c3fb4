// The program's start. cli/entry.cts (the package's bin, dist/bin/logscan.cjs) loads the
// bundle of this module, dist/bin/program.cjs, and waits on `started`: a failure before
// the command runs (its modules, the early worker) is said as a failure to load.
// CommonJS once bundled, so without top-level await: the entry compiles it with V8's code
// cache (docs/performance.md, "Start-up"), which Node 20 offers only for scripts.

// Before the rest loads (dynamic imports, so it runs first): a signal is kept for the
// one-shot commands, which report what they read when stopped; and a read worker starts
// when the command line shows the run will use one.
async function main(): Promise<void> {
  const { INTERRUPTIBLE_COMMANDS, catchEarlySignals } = await import('./interrupt.js');
  const { commandFirst, commandsFor } = await import('./command-names.js');
  const args = commandFirst(process.argv.slice(2));
  const commands = commandsFor(args);
  if (commands.length === 1 && INTERRUPTIBLE_COMMANDS.includes(commands[0]!)) catchEarlySignals();
  const { startWorkerEarly } = await import('./early-worker.js');
  await startWorkerEarly(args);
  const { run } = await import('./program.js');
  run([...process.argv.slice(0, 2), ...args]);
}

export const started: Promise<void> = main();
