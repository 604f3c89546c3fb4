import { existsSync } from 'node:fs';

/** logscan's commands, in the order of `logscan --help`; `report` is the default (`logscan FILE…`). */
export const COMMAND_NAMES = ['report', 'events', 'follow', 'daily', 'explain', 'formats', 'check'] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

/**
 * The commands a command line (without node and the script) needs: the named command alone
 * when the first word names one; all of them for help, which lists them; else the report,
 * the default command (`logscan FILE…`, `… | logscan`).
 */
export function commandsFor(args: readonly string[]): readonly CommandName[] {
  const first = args.find((a) => !a.startsWith('-'));
  if (first !== undefined && (COMMAND_NAMES as readonly string[]).includes(first)) return [first as CommandName];
  return first === 'help' || args.includes('--help') || args.includes('-h') ? COMMAND_NAMES : ['report'];
}

/**
 * The command line with the command's word first when options were put before it
 * (`logscan --lang zh explain 22`): logscan's options belong to its commands, and
 * commander would take the word for a file of the default report. Only when every word
 * before the command's is an option or the value right after one (`zh`, `2h`); a file
 * among them means the word is a file too (`logscan -o json a.log events` reads two).
 */
export function commandFirst(args: readonly string[]): readonly string[] {
  if (args.length === 0 || !args[0]!.startsWith('-') || args[0] === '--') return args;
  for (let i = 1; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') return args;
    if (a.startsWith('-')) continue;
    if ((COMMAND_NAMES as readonly string[]).includes(a)) return [a, ...args.slice(0, i), ...args.slice(i + 1)];
    // A value: only right after an option that does not carry its own (`--lang=zh`), and
    // no file (`--debug a.log events` reads two files).
    const before = args[i - 1]!;
    if (!before.startsWith('-') || before.includes('=') || before === '-' || existsSync(a)) return args;
  }
  return args;
}
