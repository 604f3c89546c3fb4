// The usage errors commander finds while parsing, as facts (which option, which value),
// so that the catalog words them in --lang (i18n: usage.commander) instead of commander's
// English being translated by pattern. cli/logscan-command.ts gathers them.
import { editDistance } from '../util/edit-distance.js';

/** One usage error commander found; `code` is commander's own error code. */
export type CommanderProblem =
  /** `suggestions`: the options near the unknown one, as commander picks them (suggestSimilar). */
  | { code: 'commander.unknownOption'; flag: string; suggestions: readonly string[] }
  /** `name`: the argument's name in the command's usage ("files", "query"). */
  | { code: 'commander.missingArgument'; name: string }
  /** `flags`: the option as its help writes it ("--tz <zone>"). */
  | { code: 'commander.optionMissingArgument'; flags: string }
  | { code: 'commander.invalidArgument'; flags: string; value: string; choices: readonly string[] }
  /** `command`: the subcommand's name, null for the program itself. */
  | { code: 'commander.excessArguments'; command: string | null; expected: number; got: number };

export type CommanderCode = CommanderProblem['code'];

// commander's suggestSimilar (lib/suggestSimilar.js, commander 14), which it does not
// export: the same rule, so that both languages suggest the same options.
const MAX_DISTANCE = 3;
const MIN_SIMILARITY = 0.4;

/** The candidates closest to `word` (all of those at the least distance), sorted; none when nothing is close. */
export function similar(word: string, candidates: readonly string[]): string[] {
  const options = word.startsWith('--');
  const strip = (s: string): string => (options ? s.slice(2) : s);
  const w = strip(word);
  let best: string[] = [];
  let bestDistance = MAX_DISTANCE;
  for (const c of new Set(candidates.map(strip))) {
    if (c.length <= 1) continue;
    const distance = editDistance(w, c, MAX_DISTANCE);
    const length = Math.max(w.length, c.length);
    if ((length - distance) / length <= MIN_SIMILARITY) continue;
    if (distance < bestDistance) {
      bestDistance = distance;
      best = [c];
    } else if (distance === bestDistance) best.push(c);
  }
  best.sort((a, b) => a.localeCompare(b));
  return options ? best.map((c) => `--${c}`) : best;
}
