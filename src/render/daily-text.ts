// `logscan daily -o text`: the day on a terminal. Log-derived strings go through
// termSafe; the tables under the comparison are the report's own (report-text.ts).
import { countUnit } from './count-unit.js';
import pc from 'picocolors';
import type { DailyDoc } from '../daily/doc.js';
import { messages } from '../i18n/messages.js';
import { zoneLines } from './report-words.js';
import { basisText, isCompared, listedItemText, newPortsLateNote, blockedItems, changeText, filesReadText, notProbesItems, probesText, windowNotes } from './daily-common.js';
import { displayWidth, wrapHanging, wrapItems, wrapLabelled } from './box-table.js';
import { labelPad, renderReportSectionsText, rowLabel, type TextOptions } from './report-text.js';
import { ruleItems } from './rule-rows.js';
import { SPARK_UNCOVERED, sparkline } from './activity-rows.js';
import { uncoveredHours } from './daily-uncovered.js';
import { termSafe } from './sanitize.js';

export type DailyTextOptions = TextOptions;

/** Hour labels under a sparkline: "00" at every sixth bucket, spaced to line up. */
function hourRuler(labels: readonly string[]): string {
  let s = '';
  for (let i = 0; i < labels.length; i++) {
    if (i % 6 === 0 && s.length <= i) s = s.padEnd(i) + labels[i].slice(0, 2);
  }
  return s;
}

export function renderDailyText(doc: DailyDoc, opts: DailyTextOptions): string {
  const c = pc.createColors(opts.color);
  const lang = opts.lang;
  const msg = messages(lang);
  const m = msg.daily;
  const L = m.label;
  // The comparison's rows, indented: values from the 12th column ("  packets  "); the
  // lists' further right only when their labels need it ("  new sources  ").
  const listWidth = Math.max(11, ...[L.newSources, L.newPorts].map((l) => displayWidth(l) + 4));
  const sub = (label: string, width = 11): string => `  ${label}${labelPad(`  ${label}`, width)}`;
  const h = doc.headline;
  const cmp = doc.comparison;
  const out: string[] = [];
  out.push(c.bold(m.text.title(doc.date, termSafe(doc.tz))));
  // What the log's times said of their zone, as the report says it under its span: the day's bounds are in doc.tz.
  for (const zone of zoneLines(doc.report, lang, opts.tz)) out.push(wrapHanging(termSafe(zone), opts.width, c.dim));
  for (const n of windowNotes(doc, opts.tz, lang)) out.push(wrapLabelled('', m.text.note(termSafe(n)), opts.width, c.yellow));
  out.push('');
  out.push(wrapLabelled(rowLabel(c, L.probes), probesText(h, lang), opts.width));
  const notProbes = notProbesItems(h, lang);
  if (notProbes.length > 0) out.push(wrapItems(rowLabel(c, L.notProbes), notProbes, opts.width));
  out.push(wrapItems(rowLabel(c, L.blocked), blockedItems(h, lang), opts.width));

  if (doc.report.totals.ignored !== undefined) out.push(wrapLabelled(rowLabel(c, msg.report.label.ignored), msg.report.ignoredText(doc.report.totals.ignored), opts.width));
  if (doc.rules.length > 0) {
    // With its share of the day's packets, as the report's "logged as" row.
    const items = ruleItems({ byRule: doc.rules, ruleLabels: doc.ruleLabels, totals: { packets: h.packets } }, msg, termSafe);
    out.push(wrapItems(rowLabel(c, L.loggedAs), items, opts.width));
  }

  out.push('', wrapLabelled('', m.text.change(basisText(doc, lang, opts.tz)), opts.width, c.bold));
  if (isCompared(cmp)) {
    out.push(wrapLabelled(sub(L.probes), changeText(cmp.probes, lang), opts.width));
    out.push(wrapItems(sub(L.sources), [changeText(cmp.sources, lang), m.newToday(cmp.newSourceCount, cmp.newSourcesApprox)], opts.width));
    out.push(wrapItems(sub(L.ports), [changeText(cmp.ports, lang), m.newlyProbed(cmp.newPortCount)], opts.width));
    if (cmp.newSources.length > 0) out.push(wrapItems(sub(L.newSources, listWidth), cmp.newSources.map((s) => listedItemText(h, termSafe(s.ip), s.packets, lang)), opts.width));
    if (cmp.newPorts.length > 0) {
      out.push(wrapItems(sub(L.newPorts, listWidth), cmp.newPorts.map((p) => listedItemText(h, `${p.port}/${termSafe(p.proto)}${p.names[0] ? ` ${termSafe(p.names[0])}` : ''}`, p.packets, lang)), opts.width));
      const late = newPortsLateNote(cmp, lang);
      if (late !== null) out.push(wrapLabelled(' '.repeat(displayWidth(sub(L.newPorts, listWidth))), late, opts.width));
    }
  }

  if (h.packets > 0) {
    const max = Math.max(...doc.chart.packets);
    out.push('', c.bold(m.activityMax(max, countUnit(h))));
    const uncovered = uncoveredHours(doc);
    out.push(`  ${sparkline(doc.chart.packets, c.dim, uncovered)}`);
    out.push(`  ${hourRuler(doc.chart.labels)}`);
    if (uncovered !== null) out.push(c.dim(`  ${SPARK_UNCOVERED} ${m.noLogsHours}`));
  }

  if (doc.report.totals.events === 0) {
    out.push('', doc.report.totals.parsedEvents > 0 ? m.noRecordsOn(doc.date) : msg.report.noRecordsShort);
  } else {
    out.push(...renderReportSectionsText(doc.report, opts));
  }
  // Also on a day without records: which files were read or passed over, and why, is then the news.
  out.push('', ...filesReadText(doc, termSafe, lang).split('\n').map((l) => wrapLabelled('', l, opts.width, c.dim)));
  return out.join('\n') + '\n';
}
