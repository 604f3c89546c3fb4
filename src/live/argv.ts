// `--alert-exec CMD` is split into argv here and run without a shell, so nothing in
// a log line can ever be interpreted as shell syntax (the alert itself goes to the
// command's stdin as JSON). Quoting as in a POSIX shell, minus everything else:
// 'single' is literal, "double" knows \" and \\, a backslash outside quotes escapes
// the next character. No variables, globs, pipes or redirections.
import { usageError } from '../i18n/messages.js';

export function splitCommand(option: string, cmd: string): string[] {
  const out: string[] = [];
  let cur = '';
  let inWord = false;
  let i = 0;
  while (i < cmd.length) {
    const c = cmd[i];
    if (c === ' ' || c === '\t' || c === '\n') {
      if (inWord) out.push(cur);
      cur = '';
      inWord = false;
      i++;
    } else if (c === "'") {
      const end = cmd.indexOf("'", i + 1);
      if (end < 0) throw usageError((u) => u.unterminatedQuote(option, "'"));
      cur += cmd.slice(i + 1, end);
      inWord = true;
      i = end + 1;
    } else if (c === '"') {
      i++;
      let closed = false;
      while (i < cmd.length) {
        const d = cmd[i];
        if (d === '"') {
          closed = true;
          i++;
          break;
        }
        if (d === '\\' && (cmd[i + 1] === '"' || cmd[i + 1] === '\\')) {
          cur += cmd[i + 1];
          i += 2;
        } else {
          cur += d;
          i++;
        }
      }
      if (!closed) throw usageError((u) => u.unterminatedQuote(option, '"'));
      inWord = true;
    } else if (c === '\\') {
      if (i + 1 >= cmd.length) throw usageError((u) => u.trailingBackslash(option));
      cur += cmd[i + 1];
      inWord = true;
      i += 2;
    } else {
      cur += c;
      inWord = true;
      i++;
    }
  }
  if (inWord) out.push(cur);
  if (out.length === 0) throw usageError((u) => u.emptyCommand(option));
  return out;
}
