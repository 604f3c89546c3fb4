// `--help` in --lang: logscan's descriptions come from the catalog (help), and commander,
// which lays them out, is given them through its Help hooks (cli/logscan-command.ts). The
// descriptions are registered in English, commander's help unchanged; each remembers how
// the catalog says it, so another language can say it from the same facts.
import { messages, type Messages } from '../i18n/messages.js';
import type { Lang } from '../knowledge/types.js';

export type HelpWords = (h: Messages['help']) => string;

const WORDS = new Map<string, HelpWords>();

/** A description for commander, in English; the catalog's other languages say it through helpIn. */
export function helpText(words: HelpWords): string {
  const english = words(messages('en').help);
  WORDS.set(english, words);
  return english;
}

/** `english` (a description helpText gave) in `lang`; null when it did not come from the catalog. */
export function helpIn(lang: Lang, english: string): string | null {
  const words = WORDS.get(english);
  return words === undefined ? null : words(messages(lang).help);
}
