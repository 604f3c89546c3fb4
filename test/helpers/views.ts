// A report or a daily summary in each format from one start-up of the CLI: its JSON document
// (runCliShared), rendered by the renderers the CLI itself calls on that document
// (src/cli/report.ts, src/cli/daily.ts). A start-up is ~0.3 s of CPU; a test that reads one
// log as text, Markdown, HTML and CSV paid four. test/e2e/views.test.ts holds the CLI's own
// output to what this returns, format by format and in both languages, so a test that
// reads a format here still reads what the CLI prints.
import type { ReportDoc } from '../../src/aggregate/report.js';
import type { DailyDoc } from '../../src/daily/doc.js';
import { VERSION } from '../../src/cli/version.js';
import type { Lang } from '../../src/knowledge/types.js';
import { renderDailyHtml } from '../../src/render/daily-html.js';
import { renderDailyMarkdown } from '../../src/render/daily-markdown.js';
import { renderDailyText } from '../../src/render/daily-text.js';
import { renderReportCsv, type CsvTable } from '../../src/render/report-csv.js';
import { renderReportHtml } from '../../src/render/report-html.js';
import { renderReportMarkdown } from '../../src/render/report-markdown.js';
import { renderReportText } from '../../src/render/report-text.js';
import { runCliShared } from './cli.js';

export type ViewFormat = 'text' | 'markdown' | 'html' | 'csv';

export interface ViewOptions {
  /** The terminal's width for text (the CLI's COLUMNS); the tests' environment says 100. */
  width?: number;
  /** -o csv's --csv-table. */
  csvTable?: CsvTable;
}

/** The last value of an option on a command line, as commander takes it. */
function optionValue(args: readonly string[], name: string): string | null {
  const i = args.lastIndexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1]! : null;
}

/**
 * The command's JSON document (one run per command line: the words in it, explanations and
 * meanings, are in its --lang) and the language and zone its renderers are given. `args`
 * holds no -o: the format is the caller's. Without --lang the tests' locale (C) is English.
 */
function document(args: readonly string[]): { doc: unknown; lang: Lang; tz: string | null } {
  if (args.includes('-o') || args.includes('--output-format') || args.includes('--output')) throw new Error(`views: ${args.join(' ')} names a format or an output file; the view names the format`);
  const r = runCliShared([...args, '-o', 'json']);
  if (r.stdout === '') throw new Error(`views: ${args.join(' ')} printed no document (exit ${r.code}): ${r.stderr}`);
  return { doc: JSON.parse(r.stdout), lang: (optionValue(args, '--lang') ?? 'en') as Lang, tz: optionValue(args, '--tz') };
}

/** What `logscan ARGS -o FORMAT` prints (colourless, at `width` columns). */
export function reportAs(args: readonly string[], format: ViewFormat, opts: ViewOptions = {}): string {
  if (['daily', 'events', 'check', 'explain', 'follow', 'formats'].includes(args[0]!)) throw new Error(`reportAs: ${args.join(' ')} is no report command`);
  const { doc, lang, tz } = document(args);
  const report = doc as ReportDoc;
  if (format === 'csv') return renderReportCsv(report, opts.csvTable ?? 'sources');
  if (format === 'markdown') return renderReportMarkdown(report, { tz, lang });
  if (format === 'html') return renderReportHtml(report, { tz, lang, version: VERSION });
  return renderReportText(report, { color: false, width: opts.width ?? 100, tz, lang });
}

/** What `logscan daily ARGS -o FORMAT` prints; `args` starts with 'daily' and names --date. */
export function dailyAs(args: readonly string[], format: Exclude<ViewFormat, 'csv'>, opts: ViewOptions = {}): string {
  if (args[0] !== 'daily') throw new Error(`dailyAs: ${args.join(' ')} is no daily command`);
  const { doc, lang, tz } = document(args);
  const day = doc as DailyDoc;
  if (format === 'markdown') return renderDailyMarkdown(day, { tz, lang });
  if (format === 'html') return renderDailyHtml(day, { tz, lang });
  return renderDailyText(day, { color: false, width: opts.width ?? 100, tz, lang });
}
