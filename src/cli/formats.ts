// `logscan formats`: the formats logscan reads, with an example line each.
import { helpText } from './help-text.js';
import { Option, type Command } from 'commander';
import { usageError } from '../i18n/messages.js';
import { messages } from '../i18n/messages.js';
import type { Lang } from '../knowledge/types.js';
import { ASA_MESSAGE_IDS } from '../parsers/cisco-asa.js';
import { formats } from '../parsers/registry.js';
import { wrapLabelled, wrapText } from '../render/box-table.js';
import { jsonText } from '../render/sanitize.js';
import { langOption, runLang } from './lang-option.js';
import { terminalWidth } from './tty.js';

/** What format `id` reads, in `lang`. */
export function formatDescription(id: string, lang: Lang): string {
  const d = messages(lang).formats;
  if (id === 'cisco-asa') return d['cisco-asa'](ASA_MESSAGE_IDS.join(', '));
  const text: unknown = Object.hasOwn(d, id) ? d[id as keyof typeof d] : undefined;
  if (typeof text !== 'string') throw new Error(`internal error: no description of format ${id} in the message catalog`);
  return text;
}

/** Stands for a space of a run while wrapText, which makes every run one space, wraps the line (a character no example holds). */
const HELD_SPACE = '\uE000';

/**
 * An example log line at four columns in, wrapped at its spaces to `width`, the lines after
 * the first two columns further in. Its spacing is part of the format ("Jan  5" in BSD
 * syslog): a run of spaces is kept as it is, a line break only ever taking its last space.
 */
function exampleLines(ex: string, width: number): string {
  const held = ex.replace(/ (?= )/g, HELD_SPACE);
  return wrapText(held, width - 6, width - 4)
    .map((l, i) => (i === 0 ? '    ' : '      ') + l.replaceAll(HELD_SPACE, ' '))
    .join('\n');
}

export function registerFormats(program: Command): void {
  const cmd = program
    .command('formats')
    .description(helpText((h) => h.formatsCommand))
    .addOption(new Option('-o, --output-format <format>', helpText((h) => h.tableOrJson)).choices(['table', 'json', 'text']).default('table'))
    .option('--json', helpText((h) => h.formatsJson))
    .addOption(langOption(helpText((h) => h.formatsLang)));
  cmd.action((raw: { outputFormat: 'table' | 'json' | 'text'; json?: boolean; lang?: Lang }) => {
    // --json is -o json; given with an explicit -o that says otherwise, neither wins.
    if (raw.json && raw.outputFormat !== 'json' && cmd.getOptionValueSource('outputFormat') !== 'default') {
      throw usageError((u) => u.jsonNotFormat(String(raw.outputFormat)));
    }
    const json = raw.json === true || raw.outputFormat === 'json';
    const lang = runLang(raw.lang, json);
    if (json) {
      const rows = formats.map((f) => ({ id: f.id, description: formatDescription(f.id, lang), examples: f.examples }));
      process.stdout.write(jsonText(rows, 2) + '\n');
      return;
    }
    // Fitted to the terminal as the report is; an example line that wraps goes on two
    // columns further in, so where one example ends and the next begins stays plain.
    const width = terminalWidth();
    const out: string[] = [];
    for (const f of formats) {
      out.push(f.id, wrapLabelled('  ', formatDescription(f.id, lang), width));
      for (const ex of f.examples.slice(0, 3)) out.push(exampleLines(ex, width));
      out.push('');
    }
    process.stdout.write(out.join('\n'));
  });
}
