// `logscan daily -o markdown`: for mail and chat. Every string that came from a log
// goes through markdownEscape; the tables are the report's own (report-markdown.ts).
import type { DailyDoc } from '../daily/doc.js';
import { basisText, changeText, filesReadText, pctOf, probesText, windowNotes } from './daily-common.js';
import { renderReportSectionsMarkdown } from './report-markdown.js';
import { sparkline } from './report-text.js';
import { counted, fmtInt } from '../util/number-text.js';
import { markdownEscape as md } from './sanitize.js';

export interface DailyMarkdownOptions {
  tz: string | null;
}

export function renderDailyMarkdown(doc: DailyDoc, opts: DailyMarkdownOptions): string {
  const h = doc.headline;
  const cmp = doc.comparison;
  const out: string[] = [];
  out.push(`## logscan daily: ${doc.date} (${md(doc.tz)})`, '');
  for (const n of windowNotes(doc, opts.tz)) out.push(`> ${md(n)}`, '');
  out.push(`- **probes:** ${probesText(h)}`);
  out.push(`- **blocked:** ${fmtInt(h.blocked)} (${pctOf(h.blocked, h.packets)}) · **allowed:** ${fmtInt(h.allowed)} (${pctOf(h.allowed, h.packets)})${h.other > 0 ? ` · other ${fmtInt(h.other)}` : ''}`);
  if (doc.report.totals.ignored !== undefined) out.push(`- **ignored:** ${counted(doc.report.totals.ignored, 'event')} matched the --ignore list`);
  if (h.packets > 0) out.push(`- **per hour (${md(doc.chart.labels[0] ?? '00')}-${md(doc.chart.labels[doc.chart.labels.length - 1] ?? '23')}):** \`${sparkline(doc.chart.packets)}\``);

  if (doc.rules.length > 0) {
    out.push('', '### Logged as', '', '| log prefix / rule | packets |', '| --- | ---: |', ...doc.rules.map((r) => `| ${md(r.key)} | ${fmtInt(r.packets)} |`));
  }

  out.push('', `### Change: ${md(basisText(cmp))}`, '');
  if (cmp.basis !== null) {
    out.push(`- **packets:** ${changeText(cmp.packets)}`);
    out.push(`- **sources:** ${changeText(cmp.sources)} · ${fmtInt(cmp.newSourceCount)}${cmp.newSourcesApprox ? ' (at most)' : ''} new today`);
    out.push(`- **ports:** ${changeText(cmp.ports)} · ${fmtInt(cmp.newPortCount)} newly probed`);
    if (cmp.newSources.length > 0) out.push(`- **new sources:** ${cmp.newSources.map((s) => `${md(s.ip)} (${fmtInt(s.packets)})`).join(', ')}`);
    if (cmp.newPorts.length > 0) {
      out.push(`- **new ports:** ${cmp.newPorts.map((p) => `${p.port}/${md(p.proto)}${p.names[0] ? ` ${md(p.names[0])}` : ''} (${fmtInt(p.packets)})`).join(', ')}`);
    }
  }

  if (doc.report.totals.events === 0) {
    out.push('', doc.report.totals.parsedEvents > 0 ? `No firewall records on ${doc.date} (the logs read hold other days).` : 'No firewall records found.');
    return out.join('\n') + '\n';
  }
  out.push(...renderReportSectionsMarkdown(doc.report, { tz: opts.tz }));
  out.push('', `<sub>${filesReadText(doc, md)}</sub>`);
  return out.join('\n') + '\n';
}
