// `logscan formats`: the formats logscan reads, with an example line each.
import { Option, type Command } from 'commander';
import { UsageError } from '../errors.js';
import { messages } from '../i18n/messages.js';
import type { Lang } from '../knowledge/types.js';
import { ASA_MESSAGE_IDS } from '../parsers/cisco-asa.js';
import { formats } from '../parsers/registry.js';
import { jsonText } from '../render/sanitize.js';
import { langOption } from './lang-option.js';

/** What format `id` reads, in `lang`. */
export function formatDescription(id: string, lang: Lang): string {
  const d = messages(lang).formats;
  if (id === 'cisco-asa') return d['cisco-asa'](ASA_MESSAGE_IDS.join(', '));
  const text: unknown = Object.hasOwn(d, id) ? d[id as keyof typeof d] : undefined;
  if (typeof text !== 'string') throw new Error(`internal error: no description of format ${id} in the message catalog`);
  return text;
}

export function registerFormats(program: Command): void {
  const cmd = program
    .command('formats')
    .description('list the log formats logscan recognises, with an example line each')
    .addOption(new Option('-o, --output-format <format>', 'table for people, json for programs').choices(['table', 'json']).default('table'))
    .option('--json', 'same as -o json (kept for scripts that use it)')
    .addOption(langOption('language of the descriptions'));
  cmd.action((raw: { outputFormat: 'table' | 'json'; json?: boolean; lang: Lang }) => {
    // --json is -o json; given with an explicit -o that says otherwise, neither wins.
    if (raw.json && raw.outputFormat !== 'json' && cmd.getOptionValueSource('outputFormat') !== 'default') {
      throw new UsageError(`--json is -o json; it cannot be used with -o ${raw.outputFormat}`);
    }
    if (raw.json || raw.outputFormat === 'json') {
      const rows = formats.map((f) => ({ id: f.id, description: formatDescription(f.id, raw.lang), examples: f.examples }));
      process.stdout.write(jsonText(rows, 2) + '\n');
      return;
    }
    const out: string[] = [];
    for (const f of formats) {
      out.push(`${f.id}\n  ${formatDescription(f.id, raw.lang)}`);
      for (const ex of f.examples.slice(0, 3)) out.push(`    ${ex}`);
      out.push('');
    }
    process.stdout.write(out.join('\n'));
  });
}
