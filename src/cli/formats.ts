// `logscan formats`: the formats logscan reads, with an example line each.
import { Option, type Command } from 'commander';
import { UsageError } from '../errors.js';
import { formats } from '../parsers/registry.js';
import { jsonText } from '../render/sanitize.js';

export function registerFormats(program: Command): void {
  const cmd = program
    .command('formats')
    .description('list the log formats logscan recognises, with an example line each')
    .addOption(new Option('-o, --output-format <format>', 'table for people, json for programs').choices(['table', 'json']).default('table'))
    .option('--json', 'same as -o json (kept for scripts that use it)');
  cmd.action((raw: { outputFormat: 'table' | 'json'; json?: boolean }) => {
    // --json is -o json; given with an explicit -o that says otherwise, neither wins.
    if (raw.json && raw.outputFormat !== 'json' && cmd.getOptionValueSource('outputFormat') !== 'default') {
      throw new UsageError(`--json is -o json; it cannot be used with -o ${raw.outputFormat}`);
    }
    if (raw.json || raw.outputFormat === 'json') {
      const rows = formats.map((f) => ({ id: f.id, description: f.description, examples: f.examples }));
      process.stdout.write(jsonText(rows, 2) + '\n');
      return;
    }
    const out: string[] = [];
    for (const f of formats) {
      out.push(`${f.id}\n  ${f.description}`);
      for (const ex of f.examples.slice(0, 3)) out.push(`    ${ex}`);
      out.push('');
    }
    process.stdout.write(out.join('\n'));
  });
}
