// `logscan FILE...` (the default command): read, annotate, aggregate, render.
import { helpText } from './help-text.js';
import { usageError } from '../i18n/messages.js';
import { Option, type Command } from 'commander';
import type { FilterInfo } from '../aggregate/filter.js';
import { Overview } from '../aggregate/overview.js';
import { rankCountingScanLate } from '../aggregate/scan-late.js';
import { buildReport } from '../aggregate/report.js';
import { Summarizer } from '../aggregate/summary.js';
import { isConnectionRecord } from '../parsers/connection-records.js';
import { DEFAULT_THRESHOLDS, parseSeverity } from '../aggregate/thresholds.js';
import { ExitCode } from '../errors.js';
import { enrichReport, hasEnrichment } from '../enrich/report-enrich.js';
import { BLOCKLIST_FORMATS, renderBlocklist, type BlocklistFormat } from '../render/blocklist.js';
import { CSV_TABLES, renderReportCsv, type CsvTable } from '../render/report-csv.js';
import { renderReportHtml } from '../render/report-html.js';
import { renderReportMarkdown } from '../render/report-markdown.js';
import { renderReportText } from '../render/report-text.js';
import { jsonText } from '../render/sanitize.js';
import { localClock } from '../render/time-format.js';
import { buildAnalysis } from './analysis.js';
import { addInputOptions, addThreadsOption, positiveInt, readCommonOptions, readThreads, resolveInputs } from './options.js';
import { Interrupt } from './interrupt.js';
import { runAnalysed } from './run-inputs.js';
import { zoneName } from '../daily/day.js';
import { testCrashHook } from './test-hooks.js';
import { COMMAND_NAMES } from './command-names.js';
import { rejectUnknownCommand } from './unknown-command.js';
import { terminalWidth, useColor } from './tty.js';
import { addEnrichOptions, readEnrichOptions } from './enrich-options.js';
import { addFilterOptions, readFilterOptions } from './filter-options.js';
import { addThresholdOptions, loadThresholds } from './threshold-options.js';
import { VERSION } from './version.js';
import { formatOfFile, outputOption, refuseOutputOverInput, writeDocument } from './output.js';

/** `daily`'s name for the table (`text`), and the Markdown extension's (`md`). */
const FORMAT_ALIASES: Readonly<Record<string, string>> = { text: 'table', md: 'markdown' };

// The formats a program reads: the locale does not change their language (lang-option.ts runLang).
const FOR_PROGRAMS: ReadonlySet<string> = new Set(['json', 'csv', 'blocklist']);

export function registerReport(program: Command, setExit: (code: number) => void): void {
  const cmd = program
    .command('report', { isDefault: true })
    .description(helpText((h) => h.reportCommand))
    .argument('[files...]', helpText((h) => h.files))
    .addOption(
      new Option('-o, --output-format <format>', helpText((h) => h.reportOutputFormat))
        .choices(['table', 'json', 'markdown', 'html', 'csv', 'blocklist', ...Object.keys(FORMAT_ALIASES)])
        .default('table'),
    )
    .option('--output <file>', helpText((h) => h.reportOutput))
    .addOption(new Option('--top <n>', helpText((h) => h.top)).default(20));
  addFilterOptions(cmd)
    .option('--min-severity <n>', helpText((h) => h.reportMinSeverity))
    .option('--fail-on <severity>', helpText((h) => h.reportFailOn));
  addThresholdOptions(cmd, DEFAULT_THRESHOLDS.limits.maxSources)
    .addOption(new Option('--csv-table <table>', helpText((h) => h.reportCsvTable)).choices([...CSV_TABLES]))
    .addOption(new Option('--blocklist-format <format>', helpText((h) => h.reportBlocklistFormat)).choices([...BLOCKLIST_FORMATS]))
    .option('--blocklist-min-score <n>', helpText((h) => h.reportBlocklistMinScore))
    .option('--blocklist-include-private', helpText((h) => h.reportBlocklistIncludePrivate));
  addEnrichOptions(cmd, { geoip: true, ignore: true, osHint: true, resolve: true });
  addThreadsOption(addInputOptions(cmd)).action(async (files: string[], raw: Record<string, unknown>) => {
    const output = outputOption(raw);
    // Without -o, the --output file's extension decides; .txt and any other extension are the table.
    const byFile = output !== null && cmd.getOptionValueSource('outputFormat') === 'default' ? (formatOfFile(output) ?? 'plain') : null;
    const format = byFile === null ? (FORMAT_ALIASES[raw.outputFormat as string] ?? (raw.outputFormat as string)) : byFile === 'plain' ? 'table' : byFile;
    const options = readCommonOptions(raw, FOR_PROGRAMS.has(format));
    const top = positiveInt('--top', raw.top, 10_000);
    const { thresholds, detectorParams } = loadThresholds(raw);
    const common = { ...options, detectorParams };
    const filter = readFilterOptions(raw, common.tz);
    const minSeverity = raw.minSeverity !== undefined ? parseSeverity('--min-severity', raw.minSeverity) : null;
    const failOn = raw.failOn !== undefined ? parseSeverity('--fail-on', raw.failOn) : null;
    if (raw.csvTable !== undefined && format !== 'csv') throw usageError((u) => u.onlyWithFormat('--csv-table', 'csv'));
    for (const [key, flag] of [['blocklistFormat', '--blocklist-format'], ['blocklistMinScore', '--blocklist-min-score'], ['blocklistIncludePrivate', '--blocklist-include-private']] as const) {
      if (raw[key] !== undefined && format !== 'blocklist') throw usageError((u) => u.onlyWithFormat(flag, 'blocklist'));
    }
    let blockMin = 50;
    if (raw.blocklistMinScore !== undefined) {
      blockMin = Number(raw.blocklistMinScore);
      if (!/^\d+(\.\d+)?$/.test(String(raw.blocklistMinScore)) || blockMin > 10_000) throw usageError((u) => u.blocklistMinScore(String(raw.blocklistMinScore)));
    }
    const enrich = await readEnrichOptions(raw, common.lang);
    // After the options: a bad value is certain, a bare word only may be a mistyped command
    // (`logscan --year 1000 x` is as likely a file that is not there), and commander's own
    // option errors came before it already.
    rejectUnknownCommand(files, COMMAND_NAMES);
    const ignore = enrich.ignore;
    let ignored = 0;
    const inputs = resolveInputs(files, common.lang);
    refuseOutputOverInput(output, inputs);
    testCrashHook('report');

    const analysis = buildAnalysis(common);
    const overview = new Overview(localClock(common.tz));
    const summary = new Summarizer(thresholds);
    // Ctrl-C / SIGTERM: stop reading, still print what was gathered (marked), exit 130 / 143.
    const interrupt = new Interrupt();
    let run;
    try {
      // Annotation comes first (in runAnalysed): stateful detectors (dial-up leftovers,
      // retries) need the context before the window.
      run = await runAnalysed(
        inputs,
        common,
        analysis,
        (e) => {
          if (!filter.admits(e)) return;
          if (ignore !== null && ignore.matches(e)) {
            ignored++;
            return;
          }
          // One answer for both, each of which counts connection records apart.
          const connection = isConnectionRecord(e);
          overview.add(e, connection);
          summary.add(e, connection);
        },
        // The report names the zone at its end; the first ask loads ICU's zone data.
        { threads: readThreads(raw), annotateWhileReading: true, signal: interrupt.signal, whileWorkerStarts: () => zoneName(common.tz) },
      );
    } finally {
      interrupt.dispose();
    }
    const filters: FilterInfo = {
      since: filter.since?.toISOString() ?? null,
      until: filter.until?.toISOString() ?? null,
      sources: filter.sources,
      minSeverity,
    };
    const readSpan = filter.readSpan();
    if (readSpan !== null) filters.readSpan = readSpan;
    // A blocklist takes every source at or above its score, not only the top N.
    const rows = format === 'blocklist' ? Number.MAX_SAFE_INTEGER : top;
    // The ranking first: it finds the scanners whose late packets the header counts as probes.
    const ranking = rankCountingScanLate(summary, { kb: analysis.kb, lang: common.lang, limit: rows, minSeverity, ...(format === 'blocklist' ? { minScore: blockMin } : {}) }, [overview]);
    const doc = buildReport(run.stats, overview.result(top), analysis.kb, common.lang, {
      summary: ranking,
      top: rows,
      minSeverity,
      filters,
      interrupted: interrupt.received,
      tz: common.tz,
    });
    if (ignore !== null) doc.totals.ignored = ignored;
    if (format !== 'blocklist' && hasEnrichment(enrich)) await enrichReport(doc, summary.profiles, { ...enrich, lang: common.lang });
    let text: string;
    if (format === 'blocklist') {
      text = renderBlocklist(doc, { format: (raw.blocklistFormat as BlocklistFormat | undefined) ?? 'nft', minScore: blockMin, includePrivate: raw.blocklistIncludePrivate === true, version: VERSION });
    } else if (format === 'csv') text = renderReportCsv(doc, (raw.csvTable as CsvTable | undefined) ?? 'sources');
    else if (format === 'json') text = jsonText(doc, 2) + '\n';
    else if (format === 'markdown') text = renderReportMarkdown(doc, { tz: common.tz, lang: common.lang });
    else if (format === 'html') text = renderReportHtml(doc, { tz: common.tz, lang: common.lang, version: VERSION });
    else text = renderReportText(doc, { color: output === null && useColor(), width: terminalWidth(), tz: common.tz, lang: common.lang });
    await writeDocument(text, output);
    setExit(run.exitCode);
    setExit(interrupt.exitCode);
    if (failOn !== null && doc.maxFindingSeverity !== null && doc.maxFindingSeverity >= failOn) setExit(ExitCode.failOn);
  });
}
