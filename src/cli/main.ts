#!/usr/bin/env node
// The program's start, loaded by the command's entry (cli/entry.cts, which answers
// `--version` by itself) or run directly (tests, bench: `node dist/bin/logscan.js`, where
// commander answers --version).
import { setFlagsFromString } from 'node:v8';

// Streaming a big log allocates fast, and then V8 lets old-space garbage pile up to
// 3-4x the live heap before a full collection. Growing the limit by 1.5x instead:
// peak RSS of a 5M-line report 630 -> ~400 MiB for ~5 % more time (measured with
// bench/run.mjs). The flag is read whenever the limit is recomputed, so setting it
// at run time works.
setFlagsFromString('--heap-growing-percent=50');
// Before the rest loads (dynamic imports, so it runs first): a signal is kept for the
// one-shot commands, which report what they read when stopped; and a read worker starts
// when the command line shows the run will use one.
const { INTERRUPTIBLE_COMMANDS, catchEarlySignals } = await import('./interrupt.js');
const { commandFirst, commandsFor } = await import('./command-names.js');
const args = commandFirst(process.argv.slice(2));
const commands = commandsFor(args);
if (commands.length === 1 && INTERRUPTIBLE_COMMANDS.includes(commands[0]!)) catchEarlySignals();
const { startWorkerEarly } = await import('./early-worker.js');
await startWorkerEarly(args);
const { run } = await import('./program.js');
run([...process.argv.slice(0, 2), ...args]);
