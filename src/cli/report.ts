// `logscan FILE...` (the default command): read, annotate, aggregate, render.
import { Option, type Command } from 'commander';
import { Overview } from '../aggregate/overview.js';
import { buildReport } from '../aggregate/report.js';
import { renderReportText } from '../render/report-text.js';
import { hourIn } from '../render/time-format.js';
import { buildAnalysis } from './analysis.js';
import { addInputOptions, positiveInt, readCommonOptions, resolveInputs } from './options.js';
import { runInputs } from './run-inputs.js';
import { useColor } from './tty.js';

export function registerReport(program: Command, setExit: (code: number) => void): void {
  const cmd = program
    .command('report', { isDefault: true })
    .description('analyse firewall logs and print a report (the default command: `logscan FILE...`)')
    .argument('[files...]', 'log files (.gz ok), - for stdin')
    .addOption(new Option('-o, --output-format <format>', 'table for people, json for programs').choices(['table', 'json']).default('table'))
    .option('--top <n>', 'rows in the top tables', '20');
  addInputOptions(cmd).action(async (files: string[], raw: Record<string, unknown>) => {
    const common = readCommonOptions(raw);
    const top = positiveInt('--top', raw.top, 10_000);
    const inputs = resolveInputs(files);
    const analysis = buildAnalysis(common);
    const overview = new Overview(hourIn(common.tz));
    const run = await runInputs(inputs, common, (e) => {
      analysis.annotate(e);
      overview.add(e);
    });
    const doc = buildReport(run.stats, overview.result(top), analysis.kb, common.lang);
    if (raw.outputFormat === 'json') process.stdout.write(JSON.stringify(doc, null, 2) + '\n');
    else process.stdout.write(renderReportText(doc, { color: useColor(), width: process.stdout.columns || 100, tz: common.tz }));
    setExit(run.exitCode);
  });
}
