/** logscan's commands, in the order of `logscan --help`; `report` is the default (`logscan FILE…`). */
export const COMMAND_NAMES = ['report', 'events', 'follow', 'daily', 'explain', 'formats', 'check'] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];
