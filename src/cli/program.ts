// The program: wires the commands and maps every error to an exit code, in this one
// place (DESIGN.md). Commands never call process.exit; they report a code via setExit.
// The program does, when the reader of stdout went away (EPIPE) or stopped reading.
// Loaded by main.ts.
import { helpText } from './help-text.js';
import { CommanderError, type Command } from 'commander';
import { ExitCode, InputError, SignatureError, UsageError, systemLimit } from '../errors.js';
import { termSafe } from '../render/sanitize.js';
import { inputErrorText, messages } from '../i18n/messages.js';
import { COMMAND_NAMES, commandsFor, type CommandName } from './command-names.js';
import { rejectUnknownHelpTopic } from './unknown-command.js';
import { VERSION } from './version.js';
import { langOfArgs } from './lang-option.js';
import { LogscanCommand } from './logscan-command.js';
import { stdoutAbandoned } from '../render/stdout-state.js';
import { writeProblem } from '../util/write-error.js';
import { testUncaughtHook } from './test-hooks.js';

let exitCode: number = ExitCode.ok;
const setExit = (code: number): void => {
  if (code > exitCode) exitCode = code;
};

// `logscan … | head -1`: the reader went away; that is not an error. Standard output on
// a full disk (`logscan FILE > out` from cron) is the user's to fix, said like a failed
// --output and with its exit code, not a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(exitCode);
    if (stream === process.stdout) {
      try {
        process.stderr.write(`logscan: ${termSafe(messages(langOfArgs(process.argv.slice(2))).diagnostics.stdoutWrite(writeProblem(err, '-')))}\n`);
      } catch {
        // stderr is gone too: the exit code is all that is left to say it.
      }
    }
    process.exit(Math.max(exitCode, ExitCode.usage));
  });
}

function commanderMessage(str: string): string {
  return str
    .split('\n')
    .map((l) => termSafe(l).replace(/^error: /, 'logscan: '))
    .join('\n');
}

type Registrar = (program: Command, setExit: (code: number) => void) => void;

// Each command's module is loaded only when it can run: `logscan explain 80` need not
// load the parsers, the report and the daily page, nor `logscan FILE` the daily page,
// follow and explain (start-up is what a person feels).
const COMMANDS: Record<CommandName, () => Promise<Registrar>> = {
  report: async () => (await import('./report.js')).registerReport,
  events: async () => (await import('./events.js')).registerEvents,
  follow: async () => (await import('./follow.js')).registerFollow,
  daily: async () => (await import('./daily.js')).registerDaily,
  explain: async () => (await import('./explain.js')).registerExplain,
  formats: async () => (await import('./formats.js')).registerFormats,
  check: async () => (await import('./check.js')).registerCheck,
};

async function buildProgram(argv: readonly string[]): Promise<Command> {
  const program = new LogscanCommand('logscan', langOfArgs(argv.slice(2)))
    .description(helpText((h) => h.programCommand))
    .version(VERSION, '-V, --version')
    .option('--debug', helpText((h) => h.programDebug))
    .seeHelp()
    .exitOverride()
    // Commander's messages quote what the user typed: sanitise each line (keeping the newlines) and
    // start them with "logscan:" like every other message.
    .configureOutput({ outputError: (str, write) => write(commanderMessage(str)) });
  for (const name of commandsFor(argv.slice(2))) (await COMMANDS[name]())(program, setExit);
  for (const cmd of program.commands) (cmd as LogscanCommand).exitOverride().seeHelp();
  return program;
}

async function main(argv: string[]): Promise<number> {
  const lang = langOfArgs(argv.slice(2));
  try {
    rejectUnknownHelpTopic(argv.slice(2), COMMAND_NAMES);
    const program = await buildProgram(argv);
    await program.parseAsync(argv);
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version are "errors" to commander; their exit code is 0.
      return err.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    }
    if (err instanceof UsageError) {
      process.stderr.write(`logscan: ${termSafe(err.words === null ? err.message : err.words(messages(lang).usage))}\n`);
      return ExitCode.usage;
    }
    if (err instanceof SignatureError) {
      process.stderr.write(`logscan: ${termSafe(messages(lang).usage.signatures(err.file, err.entry, err.problem, err.detail))}\n`);
      return ExitCode.usage;
    }
    if (err instanceof InputError) {
      process.stderr.write(`logscan: ${termSafe(inputErrorText(err, lang))}\n`);
      return ExitCode.inputUnreadable;
    }
    return internalError(err, argv);
  }
}

/** The short message for a bug, or for a system limit the run met (the stack only with --debug); returns its exit code. */
function internalError(err: unknown, argv: readonly string[]): number {
  const debug = argv.includes('--debug');
  const m = messages(langOfArgs(argv.slice(2))).diagnostics;
  const msg = termSafe(err instanceof Error ? err.message : String(err));
  const limit = systemLimit(err);
  process.stderr.write(`logscan: ${limit === null ? m.internalError(msg) : msg}\n`);
  if (debug && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
  else if (limit !== null) process.stderr.write(`logscan: ${m.systemLimit(limit)}\n`);
  else process.stderr.write(`logscan: ${m.bug}\n`);
  return ExitCode.internal;
}

export function run(argv: string[]): void {
  // A throw outside the command's promise chain (a stream's event handler, a timer) would
  // end the process with Node's raw stack trace: it is a bug like any other, said the same way.
  const uncaught = (err: unknown): void => {
    process.exitCode = internalError(err, argv);
    process.exit();
  };
  process.on('uncaughtException', uncaught);
  process.on('unhandledRejection', uncaught);
  testUncaughtHook();
  main(argv).then(
    (code) => {
      process.exitCode = code;
      if (stdoutAbandoned()) process.exit(code);
    },
    (err: unknown) => {
      process.stderr.write(`logscan: ${messages(langOfArgs(argv.slice(2))).diagnostics.internalError(String(err))}\n`);
      process.exitCode = ExitCode.internal;
    },
  );
}
