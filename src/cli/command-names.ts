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
