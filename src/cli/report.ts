// `logscan FILE...` (the default command): read, annotate, aggregate, render.
import { readFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { buildEventFilter, cidrText, parseCidr, parseTimeBound, type FilterInfo } from '../aggregate/filter.js';
import { Overview } from '../aggregate/overview.js';
import { buildReport } from '../aggregate/report.js';
import { Summarizer } from '../aggregate/summary.js';
import { DEFAULT_THRESHOLDS, mergeThresholds, parseSeverity, type Thresholds } from '../aggregate/thresholds.js';
import { ExitCode, UsageError } from '../errors.js';
import { renderReportMarkdown } from '../render/report-markdown.js';
import { renderReportText } from '../render/report-text.js';
import { hourIn } from '../render/time-format.js';
import { buildAnalysis } from './analysis.js';
import { addInputOptions, positiveInt, readCommonOptions, resolveInputs } from './options.js';
import { Interrupt } from './interrupt.js';
import { runInputs } from './run-inputs.js';
import { testCrashHook } from './test-hooks.js';
import { rejectUnknownCommand } from './unknown-command.js';
import { useColor } from './tty.js';

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** Thresholds: defaults, then --config FILE (`{ "thresholds": { … } }`), then the flags. */
export function loadThresholds(raw: Record<string, unknown>): Thresholds {
  let t = DEFAULT_THRESHOLDS;
  if (typeof raw.config === 'string') {
    const file = raw.config;
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(file, 'utf8'));
    } catch (err) {
      throw new UsageError(`--config ${file}: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new UsageError(`--config ${file}: expected a JSON object`);
    for (const k of Object.keys(json)) {
      if (k !== 'thresholds' && k !== 'comment' && k !== '$schema') throw new UsageError(`--config ${file}: unknown key "${k}" (expected "thresholds")`);
    }
    const th = (json as Record<string, unknown>).thresholds;
    if (th !== undefined) t = mergeThresholds(t, th, `--config ${file}`);
  }
  const flags: Record<string, unknown> = {};
  if (raw.scanPorts !== undefined) {
    const n = positiveInt('--scan-ports', raw.scanPorts, 65_536);
    flags.verticalScan = { minPorts: n };
    flags.udpScan = { minPorts: n };
  }
  if (raw.sweepHosts !== undefined) flags.horizontalSweep = { minHosts: positiveInt('--sweep-hosts', raw.sweepHosts, 1_000_000) };
  if (raw.maxSources !== undefined) flags.limits = { maxSources: positiveInt('--max-sources', raw.maxSources, 100_000_000) };
  return Object.keys(flags).length > 0 ? mergeThresholds(t, flags, 'options') : t;
}

export function registerReport(program: Command, setExit: (code: number) => void): void {
  const cmd = program
    .command('report', { isDefault: true })
    .description('analyse firewall logs and print a report (the default command: `logscan FILE...`)')
    .argument('[files...]', 'log files (.gz ok), - for stdin')
    .addOption(
      new Option('-o, --output-format <format>', 'table for people, markdown for tickets, json for programs (docs/report-json.md)')
        .choices(['table', 'json', 'markdown'])
        .default('table'),
    )
    .option('--top <n>', 'rows in the top tables', '20')
    .option('--since <time>', 'only events at or after: 2026-11-20, 2026-11-20T06:00[Z|+01:00], or 30m / 2h / 7d ago')
    .option('--until <time>', 'only events at or before (same forms as --since)')
    .addOption(new Option('--source <cidr>', 'only events from this address or range (IPv4/IPv6 CIDR); repeatable').argParser(collect).default([]))
    .option('--min-severity <n>', 'show only sources and interpretations of at least this severity (0-5 or info/notice/low/medium/high/critical)')
    .option('--fail-on <severity>', 'exit 4 when any finding reaches this severity (0-5 or a name)')
    .option('--config <file>', 'JSON file overriding detection thresholds and score weights (docs/ranking.md)')
    .option('--scan-ports <n>', 'distinct ports that make a vertical/UDP scan (default 15)')
    .option('--sweep-hosts <n>', 'distinct hosts that make a horizontal sweep (default 10)')
    .option('--max-sources <n>', 'source profiles kept in memory (default 100000)');
  addInputOptions(cmd).action(async (files: string[], raw: Record<string, unknown>) => {
    rejectUnknownCommand(files, program.commands.map((c) => c.name()));
    const common = readCommonOptions(raw);
    const top = positiveInt('--top', raw.top, 10_000);
    const thresholds = loadThresholds(raw);
    const now = new Date();
    const since = typeof raw.since === 'string' ? parseTimeBound('--since', raw.since, now, common.tz) : null;
    const until = typeof raw.until === 'string' ? parseTimeBound('--until', raw.until, now, common.tz) : null;
    if (since && until && since.getTime() > until.getTime()) throw new UsageError('--since is after --until');
    const cidrs = ((raw.source as string[] | undefined) ?? []).map((s) => parseCidr('--source', s));
    const minSeverity = raw.minSeverity !== undefined ? parseSeverity('--min-severity', raw.minSeverity) : null;
    const failOn = raw.failOn !== undefined ? parseSeverity('--fail-on', raw.failOn) : null;
    const inputs = resolveInputs(files);
    testCrashHook('report');

    const analysis = buildAnalysis(common);
    const overview = new Overview(hourIn(common.tz));
    const summary = new Summarizer(thresholds);
    const keep = buildEventFilter({ since, until, sources: cidrs });
    // Ctrl-C / SIGTERM: stop reading, still print what was gathered (marked), exit 130 / 143.
    const interrupt = new Interrupt();
    let run;
    try {
      run = await runInputs(
        inputs,
        common,
        (e) => {
          // Annotate first: stateful detectors (dial-up leftovers, retries) need the context before the window.
          analysis.annotate(e);
          if (keep !== null && !keep(e)) return;
          overview.add(e);
          summary.add(e);
        },
        undefined,
        interrupt.signal,
      );
    } finally {
      interrupt.dispose();
    }
    const filters: FilterInfo = {
      since: since?.toISOString() ?? null,
      until: until?.toISOString() ?? null,
      sources: cidrs.map(cidrText),
      minSeverity,
    };
    const doc = buildReport(run.stats, overview.result(top), analysis.kb, common.lang, {
      summary: summary.result({ kb: analysis.kb, limit: top, minSeverity }),
      top,
      minSeverity,
      filters,
      interrupted: interrupt.received,
    });
    if (raw.outputFormat === 'json') process.stdout.write(JSON.stringify(doc, null, 2) + '\n');
    else if (raw.outputFormat === 'markdown') process.stdout.write(renderReportMarkdown(doc, { tz: common.tz }));
    else process.stdout.write(renderReportText(doc, { color: useColor(), width: process.stdout.columns || 100, tz: common.tz }));
    setExit(run.exitCode);
    setExit(interrupt.exitCode);
    if (failOn !== null && doc.maxFindingSeverity !== null && doc.maxFindingSeverity >= failOn) setExit(ExitCode.failOn);
  });
}
