// `logscan events FILE...`: one normalized event per line (NDJSON), in logscan's
// schema or, with --ecs, in Elastic Common Schema names.
import { Option, type Command } from 'commander';
import type { FirewallEvent } from '../event.js';
import { eventToEcs, eventToJson } from '../render/event-json.js';
import { addInputOptions, readCommonOptions, resolveInputs } from './options.js';
import { BatchedWriter } from './output.js';
import { runInputs } from './run-inputs.js';
import { buildAnalysis } from './analysis.js';

export function registerEvents(program: Command, setExit: (code: number) => void): void {
  const cmd = program
    .command('events')
    .description('print every firewall record as one JSON object per line (NDJSON)')
    .argument('[files...]', 'log files (.gz ok), - for stdin')
    .addOption(new Option('-o, --output-format <format>', 'ndjson only for now').choices(['ndjson']).default('ndjson'))
    .option('--ecs', 'use Elastic Common Schema field names (source.ip, destination.port, event.action, …)', false);
  addInputOptions(cmd).action(async (files: string[], raw: Record<string, unknown>) => {
    const common = readCommonOptions(raw);
    const inputs = resolveInputs(files);
    const { annotate } = buildAnalysis(common);
    const out = new BatchedWriter();
    const toJson = raw.ecs ? eventToEcs : eventToJson;
    const run = await runInputs(
      inputs,
      common,
      (e: FirewallEvent) => {
        annotate(e);
        out.write(toJson(e) + '\n');
      },
      out.backpressure,
    );
    await out.flush();
    setExit(run.exitCode);
  });
}
