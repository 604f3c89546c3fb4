// The program: wires the commands and maps every error to an exit code, in this one
// place (DESIGN.md). Commands never call process.exit; they report a code via setExit.
// Loaded by main.ts.
import { Command, CommanderError } from 'commander';
import { ExitCode, InputError, SignatureError, UsageError } from '../errors.js';
import { termSafe } from '../render/sanitize.js';
import { registerCheck } from './check.js';
import { registerDaily } from './daily.js';
import { registerEvents } from './events.js';
import { registerExplain } from './explain.js';
import { registerFollow } from './follow.js';
import { registerFormats } from './formats.js';
import { registerReport } from './report.js';

import { VERSION } from './version.js';

let exitCode: number = ExitCode.ok;
const setExit = (code: number): void => {
  if (code > exitCode) exitCode = code;
};

// `logscan … | head -1`: the reader went away; that is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(exitCode);
    throw err;
  });
}

function commanderMessage(str: string): string {
  return str
    .split('\n')
    .map((l) => termSafe(l).replace(/^error: /, 'logscan: '))
    .join('\n');
}

function buildProgram(): Command {
  const program = new Command('logscan')
    .description('Firewall log analyzer: what the noise in your iptables / Windows Firewall logs means.')
    .version(VERSION, '-V, --version')
    .option('--debug', 'print stack traces for internal errors')
    .showHelpAfterError('(run `logscan --help` for usage)')
    .exitOverride()
    // Commander's messages quote what the user typed: sanitise each line (keeping the newlines) and
    // start them with "logscan:" like every other message.
    .configureOutput({ outputError: (str, write) => write(commanderMessage(str)) });
  registerReport(program, setExit);
  registerEvents(program, setExit);
  registerFollow(program, setExit);
  registerDaily(program, setExit);
  registerExplain(program);
  registerFormats(program);
  registerCheck(program, setExit);
  for (const cmd of program.commands) cmd.exitOverride().showHelpAfterError(`(run \`logscan ${cmd.name()} --help\` for usage)`);
  return program;
}

async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version are "errors" to commander; their exit code is 0.
      return err.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    }
    if (err instanceof UsageError) {
      process.stderr.write(`logscan: ${termSafe(err.message)}\n`);
      return ExitCode.usage;
    }
    if (err instanceof SignatureError) {
      process.stderr.write(`logscan: invalid signatures: ${termSafe(err.message)}\n`);
      return ExitCode.usage;
    }
    if (err instanceof InputError) {
      process.stderr.write(`logscan: ${termSafe(err.message)}\n`);
      return ExitCode.inputUnreadable;
    }
    const debug = argv.includes('--debug');
    const msg = err instanceof Error ? err.message : String(err);
    process.stderr.write(`logscan: internal error: ${termSafe(msg)}\n`);
    if (debug && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
    else process.stderr.write('logscan: this is a bug; rerun with --debug for the stack trace and report it\n');
    return ExitCode.internal;
  }
}

export function run(argv: string[]): void {
  main(argv).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`logscan: internal error: ${String(err)}\n`);
      process.exitCode = ExitCode.internal;
    },
  );
}
