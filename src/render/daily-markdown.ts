// `logscan daily -o markdown`: for mail and chat. Every string that came from a log
// goes through markdownEscape; the tables are the report's own (report-markdown.ts).
import type { DailyDoc } from '../daily/doc.js';
import type { Lang } from '../knowledge/types.js';
import { messages } from '../i18n/messages.js';
import { zoneLines } from './report-words.js';
import { basisText, isCompared, listedItemText, newPortsLateNote, blockedItems, changeText, filesReadText, notProbesText, pctOf, probesText, windowNotes } from './daily-common.js';
import { mdLabel, renderReportSectionsMarkdown, zoneItems } from './report-markdown.js';
import { otherRules, ruleRows } from './rule-rows.js';
import { SPARK_UNCOVERED, sparkline } from './activity-rows.js';
import { uncoveredHours } from './daily-uncovered.js';
import { fmtInt } from '../util/number-text.js';
import { markdownEscape as md } from './sanitize.js';
import { countUnit, unitHead } from './count-unit.js';

export interface DailyMarkdownOptions {
  tz: string | null;
  /** Language of the headings and phrases (--lang). */
  lang: Lang;
}

export function renderDailyMarkdown(doc: DailyDoc, opts: DailyMarkdownOptions): string {
  const lang = opts.lang;
  const msg = messages(lang);
  const m = msg.daily;
  const L = m.label;
  const label = (s: string): string => mdLabel(s, lang);
  const h = doc.headline;
  const cmp = doc.comparison;
  const out: string[] = [];
  out.push(`## ${m.md.title(doc.date, md(doc.tz))}`, '');
  for (const n of windowNotes(doc, opts.tz, lang)) out.push(`> ${md(n)}`, '');
  // What the log's times said of their zone, in the report's words and under its label.
  out.push(...zoneItems(label(msg.report.md.timeZone), zoneLines(doc.report, lang, opts.tz)));
  out.push(`- ${label(L.probes)} ${probesText(h, lang)}`);
  const notProbes = notProbesText(h, lang);
  if (notProbes !== null) out.push(`- ${label(L.notProbes)} ${notProbes}`);
  out.push(`- ${label(L.blocked)} ${blockedItems(h, lang).join(' · ')}`);
  if (doc.report.totals.ignored !== undefined) out.push(`- ${label(msg.report.md.ignored)} ${msg.report.ignoredText(doc.report.totals.ignored)}`);
  if (h.packets > 0) {
    const uncovered = uncoveredHours(doc);
    const key = uncovered === null ? '' : m.md.perHourKey(SPARK_UNCOVERED, md(m.noLogsHours));
    out.push(`- ${label(m.md.perHour(md(doc.chart.labels[0] ?? '00'), md(doc.chart.labels[doc.chart.labels.length - 1] ?? '23')))} \`${sparkline(doc.chart.packets, undefined, uncovered)}\`${key}`);
  }

  if (doc.rules.length > 0) {
    // A share column, as the daily page's table and the report's "logged as" row have.
    const row = (name: string, n: number): string => `| ${md(name)} | ${fmtInt(n)} | ${pctOf(n, h.packets)} |`;
    out.push('', `### ${m.md.loggedAs}`, '', `| ${m.md.ruleHead} | ${unitHead(countUnit(h), msg.report.head)} | ${msg.report.head.share} |`, '| --- | ---: | ---: |', ...ruleRows(doc.rules, msg).map((r) => row(r.name, r.packets)));
    const more = otherRules(doc.rules, doc.ruleLabels, h.packets);
    if (more !== null) out.push(row(msg.report.moreLabels(more.labels), more.packets));
  }

  out.push('', `### ${m.md.change(md(basisText(doc, lang, opts.tz)))}`);
  if (isCompared(cmp)) {
    out.push('', `- ${label(L.probes)} ${changeText(cmp.probes, lang)}`);
    out.push(`- ${label(L.sources)} ${changeText(cmp.sources, lang)} · ${m.newToday(cmp.newSourceCount, cmp.newSourcesApprox)}`);
    out.push(`- ${label(L.ports)} ${changeText(cmp.ports, lang)} · ${m.newlyProbed(cmp.newPortCount)}`);
    if (cmp.newSources.length > 0) out.push(`- ${label(L.newSources)} ${cmp.newSources.map((s) => listedItemText(h, md(s.ip), s.packets, lang)).join(msg.listSep)}`);
    if (cmp.newPorts.length > 0) {
      out.push(`- ${label(L.newPorts)} ${cmp.newPorts.map((p) => listedItemText(h, `${p.port}/${md(p.proto)}${p.names[0] ? ` ${md(p.names[0])}` : ''}`, p.packets, lang)).join(msg.listSep)}`);
      const late = newPortsLateNote(cmp, lang);
      if (late !== null) out.push(`- ${md(late)}`);
    }
  }

  if (doc.report.totals.events === 0) {
    out.push('', doc.report.totals.parsedEvents > 0 ? m.noRecordsOn(doc.date) : msg.report.noRecordsShort);
  } else {
    out.push(...renderReportSectionsMarkdown(doc.report, { tz: opts.tz, lang }));
  }
  // Also on a day without records: which files were read or passed over, and why, is then the news.
  out.push('', `<sub>${filesReadText(doc, md, lang)}</sub>`);
  return out.join('\n') + '\n';
}
