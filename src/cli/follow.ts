// `logscan follow FILE...`: live, one line per probe (or NDJSON), alerts, and a
// summary on Ctrl-C. Wiring only: options here, the work in src/live/ and
// src/input/follow.ts (docs/follow.md).
import { helpText } from './help-text.js';
import { Option, type Command } from 'commander';
import { DEFAULT_THRESHOLDS, type Thresholds } from '../aggregate/thresholds.js';
import { usageError } from '../i18n/messages.js';
import { splitCommand } from '../live/argv.js';
import { parseDuration } from '../live/duration.js';
import { runFollow } from '../live/run.js';
import { annotatorKeys } from '../live/caps.js';
import { buildAnalysis } from './analysis.js';
import { addEnrichOptions, readEnrichOptions } from './enrich-options.js';
import { addInputOptions, readCommonOptions } from './options.js';
import { laterWriteProblem, refuseOutputOverInput } from './output.js';
import { addThresholdOptions, loadThresholds } from './threshold-options.js';
import { terminalWidth, useColor } from './tty.js';

/** Score that raises an alert when --alert-exec is given without --alert-score. */
const DEFAULT_ALERT_SCORE = 50;

/**
 * follow keeps two summaries (the run's and the current alert window's) for days; a
 * smaller per-source cap than the report's keeps them at a few tens of MiB however many
 * sources pass by (the least recently seen are dropped first, and the summary says how many).
 */
const FOLLOW_MAX_SOURCES = 20_000;

/** The defaults follow starts from: --config's limits.maxSources and --max-sources still set the cap. */
const FOLLOW_BASE: Thresholds = { ...DEFAULT_THRESHOLDS, limits: { ...DEFAULT_THRESHOLDS.limits, maxSources: FOLLOW_MAX_SOURCES } };

export function registerFollow(program: Command, setExit: (code: number) => void): void {
  const cmd = program
    .command('follow')
    .description(helpText((h) => h.followCommand))
    .argument('<files...>', helpText((h) => h.followFiles))
    .addOption(new Option('-o, --output-format <format>', helpText((h) => h.followOutputFormat)).choices(['text', 'ndjson', 'table']).default('text'))
    .option('--ecs', helpText((h) => h.followEcs))
    .option('-q, --quiet', helpText((h) => h.followQuiet))
    .option('--from-start', helpText((h) => h.followFromStart))
    .option('--state <file>', helpText((h) => h.followState))
    .option('--final-report <file>', helpText((h) => h.followFinalReport))
    .option('--summary-every <duration>', helpText((h) => h.followSummaryEvery))
    .option('--alert-score <n>', helpText((h) => h.followAlertScore))
    .option('--alert-exec <cmd>', helpText((h) => h.followAlertExec(DEFAULT_ALERT_SCORE)));
  addThresholdOptions(cmd, FOLLOW_MAX_SOURCES, true);
  addEnrichOptions(cmd, { ignore: true });
  addInputOptions(cmd, (h) => h.followYear).action(async (files: string[], raw: Record<string, unknown>) => {
    const { thresholds, detectorParams } = loadThresholds(raw, FOLLOW_BASE);
    const ecs = raw.ecs === true;
    // ECS documents are NDJSON: --ecs alone needs no -o, but an -o asking for text contradicts it.
    if (ecs && cmd.getOptionValueSource('outputFormat') !== 'default' && raw.outputFormat !== 'ndjson') {
      throw usageError((u) => u.ecsNeedsNdjson(String(raw.outputFormat)));
    }
    const output = ecs || raw.outputFormat === 'ndjson' ? 'ndjson' : 'text';
    const common = { ...readCommonOptions(raw, output === 'ndjson'), detectorParams };
    if (raw.quiet === true && output === 'ndjson') throw usageError((u) => u.quietNeedsText);
    const finalReportFile = typeof raw.finalReport === 'string' ? raw.finalReport : null;
    // Written only at the stop, maybe days from now: a path that cannot work is said now, as --state's is.
    const reportProblem = finalReportFile === null ? null : laterWriteProblem(finalReportFile);
    if (reportProblem !== null) throw usageError((u) => u.finalReport(finalReportFile!, reportProblem));
    // A report over a followed log would replace the log at the stop.
    refuseOutputOverInput(finalReportFile, files, '--final-report');
    const summaryEveryMs = typeof raw.summaryEvery === 'string' ? parseDuration('--summary-every', raw.summaryEvery) : null;
    const alertArgv = typeof raw.alertExec === 'string' ? splitCommand('--alert-exec', raw.alertExec) : null;
    let alertScore: number | null = alertArgv ? DEFAULT_ALERT_SCORE : null;
    if (raw.alertScore !== undefined) {
      alertScore = Number(raw.alertScore);
      if (!Number.isFinite(alertScore) || alertScore <= 0) throw usageError((u) => u.positiveNumber('--alert-score', String(raw.alertScore)));
    }
    const { ignore } = await readEnrichOptions(raw, common.lang);
    const analysis = buildAnalysis(common, annotatorKeys(thresholds.limits.maxSources));
    const code = await runFollow({
      ...common,
      files,
      kb: analysis.kb,
      annotate: analysis.annotate,
      annotationsDropped: analysis.annotationsDropped,
      thresholds,
      ignore,
      output,
      ecs,
      probeLines: raw.quiet !== true,
      finalReportFile,
      color: useColor(),
      width: terminalWidth(),
      // Into a file or `| grep` with no width asked for: one line per probe, as a log has.
      lineWidth: terminalWidth(process.stdout, Infinity),
      fromStart: raw.fromStart === true,
      stateFile: typeof raw.state === 'string' ? raw.state : null,
      summaryEveryMs,
      alertScore,
      alertArgv,
      pollMs: envMs('LOGSCAN_FOLLOW_POLL_MS'),
      retireMs: envMs('LOGSCAN_FOLLOW_RETIRE_MS'),
      watch: process.env.LOGSCAN_FOLLOW_NO_WATCH === undefined,
    });
    setExit(code);
  });
}

/** Test and bench hooks: shorter poll / retire intervals (LOGSCAN_FOLLOW_NO_WATCH: poll only). */
function envMs(name: string): number | undefined {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : undefined;
}
