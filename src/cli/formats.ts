// `logscan formats`: the formats logscan reads, with an example line each.
import type { Command } from 'commander';
import { formats } from '../parsers/registry.js';
import { jsonText } from '../render/sanitize.js';

export function registerFormats(program: Command): void {
  program
    .command('formats')
    .description('list the log formats logscan recognises, with an example line each')
    .option('--json', 'as JSON')
    .action((raw: { json?: boolean }) => {
      if (raw.json) {
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
