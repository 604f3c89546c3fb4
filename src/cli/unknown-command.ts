// `logscan FILE` makes the report the default command, so `logscan chek x.log` would
// otherwise be read as a file named "chek" and fail as an unreadable input (exit 3).
// A first argument that is a bare word (no dot, no slash), does not exist as a path,
// and is not "-" is taken for a mistyped command instead: usage error, exit 2. A log
// file with such a name is still read when it exists, or given as ./NAME.
import { existsSync } from 'node:fs';
import { usageError } from '../i18n/messages.js';
import { editDistance } from '../util/edit-distance.js';

const BARE_WORD = /^[A-Za-z][A-Za-z0-9_-]*$/;

/** The commands close to a mistyped word (the catalog says "did you mean …?"). */
function near(word: string, commands: readonly string[]): string[] {
  return commands.filter((c) => editDistance(word.toLowerCase(), c, 2) <= 2);
}

export function rejectUnknownCommand(files: readonly string[], commands: readonly string[]): void {
  const first = files[0];
  if (first === undefined || !BARE_WORD.test(first) || existsSync(first)) return;
  throw usageError((u) => u.unknownCommand(first, near(first, commands), commands));
}

/** `logscan help WORD` for a WORD that names no command: said as such, where commander printed the general help as if in error. */
export function rejectUnknownHelpTopic(args: readonly string[], commands: readonly string[]): void {
  const [first, topic] = args;
  if (first !== 'help' || topic === undefined || topic.startsWith('-') || commands.includes(topic)) return;
  throw usageError((u) => u.helpTopic(topic, near(topic, commands), commands));
}
