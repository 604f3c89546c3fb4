// `logscan check FILE...`: which format was detected and why, what was parsed,
// skipped and malformed (one example per kind), and with --line N every field
// extracted from that line. Wiring only: the work is in src/check/.
import { helpText } from './help-text.js';
import { Option, type Command } from 'commander';
import { runCheck } from '../check/check.js';
import { renderCheckJson, renderCheckText } from '../check/render.js';
import { ExitCode } from '../errors.js';
import { termSafe } from '../render/sanitize.js';
import { unreadableLine } from './diagnostics.js';
import { buildAnalysis } from './analysis.js';
import { Interrupt } from './interrupt.js';
import { addInputOptions, positiveInt, readCommonOptions, resolveInputs } from './options.js';
import { testCrashHook } from './test-hooks.js';
import { terminalWidth, useColor } from './tty.js';
import { messages } from '../i18n/messages.js';

export function registerCheck(program: Command, setExit: (code: number) => void): void {
  const cmd = program
    .command('check')
    .description(helpText((h) => h.checkCommand))
    .argument('[files...]', helpText((h) => h.files))
    .addOption(new Option('-o, --output-format <format>', helpText((h) => h.tableOrJson)).choices(['table', 'json', 'text']).default('table'))
    .option('--line <n>', helpText((h) => h.checkLine));
  addInputOptions(cmd).action(async (files: string[], raw: Record<string, unknown>) => {
    const common = readCommonOptions(raw, raw.outputFormat === 'json');
    const line = raw.line !== undefined ? positiveInt('--line', raw.line) : null;
    const inputs = resolveInputs(files, common.lang);
    testCrashHook('check');
    const analysis = buildAnalysis(common);
    const interrupt = new Interrupt();
    let results;
    try {
      results = await runCheck(inputs, { ...common, line, annotate: analysis.annotate, signal: interrupt.signal });
    } finally {
      interrupt.dispose();
    }
    if (raw.outputFormat === 'json') process.stdout.write(renderCheckJson(results, common.lang));
    else process.stdout.write(renderCheckText(results, { color: useColor(), tz: common.tz, width: terminalWidth(), lang: common.lang }));
    for (const r of results) {
      // Same stderr line as the report gives for an unreadable input.
      if (r.error) process.stderr.write(`logscan: ${unreadableLine(r, common.lang)}\n`);
      if (r.incomplete) setExit(ExitCode.inputUnreadable);
      if (r.detail && r.detail.fate === 'absent' && r.error === null && !interrupt.received) {
        process.stderr.write(`logscan: ${messages(common.lang).check.lineAbsent(r.detail.line, termSafe(r.file), r.lines)}\n`);
        setExit(ExitCode.usage);
      }
    }
    if (interrupt.received) process.stderr.write(`logscan: ${messages(common.lang).diagnostics.interrupted(interrupt.received, 'check')}\n`);
    setExit(interrupt.exitCode);
  });
}
