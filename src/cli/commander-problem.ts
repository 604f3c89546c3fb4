// The usage errors commander finds while parsing, as facts (which option, which value),
// so that the catalog words them in --lang (i18n: usage.commander) instead of commander's
// English being translated by pattern. cli/logscan-command.ts gathers them.

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

/** Optimal string alignment distance (adjacent transpositions count one edit). */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > MAX_DISTANCE) return Math.max(a.length, b.length);
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i]);
  for (let j = 0; j <= b.length; j++) d[0]![j] = j;
  for (let j = 1; j <= b.length; j++) {
    for (let i = 1; i <= a.length; i++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/** The candidates closest to `word` (all of those at the least distance), sorted; none when nothing is close. */
export function similar(word: string, candidates: readonly string[]): string[] {
  const options = word.startsWith('--');
  const strip = (s: string): string => (options ? s.slice(2) : s);
  const w = strip(word);
  let best: string[] = [];
  let bestDistance = MAX_DISTANCE;
  for (const c of new Set(candidates.map(strip))) {
    if (c.length <= 1) continue;
    const distance = editDistance(w, c);
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
