// What `follow -q` prints at the stop instead of the whole report: under systemd every
// `systemctl stop` or restart wrote ~100 lines of report to the journal. The report's count
// line, its top few sources a line each (as a --summary-every block lists them), and what the
// numbers do not cover (inputs not read or cut short, log gaps, evicted profiles); the whole
// report goes to --final-report FILE, or is printed by follow without -q.
import type { ReportDoc } from '../aggregate/report.js';
import type { Lang } from '../knowledge/types.js';
import { messages } from '../i18n/messages.js';
import { wrapHanging, wrapItems, wrapLabelled } from '../render/box-table.js';
import type { Colors } from '../render/colors.js';
import { decodedNote, encodingNotes, incompleteNotes, logGapsText, probesItems, recordsItems, zoneLines } from '../render/report-words.js';
import { termSafe } from '../render/sanitize.js';
import { SUMMARY_TOP, sourceLine } from './window-summary.js';

export interface StopSummaryOptions {
  lang: Lang;
  tz: string | null;
  /** Columns the lines wrap at (Infinity: one line each, a pipe or the journal). */
  width: number;
  /** Where --final-report wrote the whole report; null: none asked for. */
  reportFile: string | null;
}

export function stopSummary(doc: ReportDoc, c: Colors, o: StopSummaryOptions): string {
  const msg = messages(o.lang);
  const m = msg.report;
  const t = doc.totals;
  const files = doc.inputs.length === 1 ? termSafe(doc.inputs[0]!.file) : m.inputsCount(doc.inputs.length);
  const out = [wrapItems('', [`logscan · ${files}`, ...recordsItems(t, o.lang, (s) => (t.malformed > 0 ? c.yellow(s) : s))], o.width)];
  // As a --summary-every block says them: an input read as UTF-16, what the times said of their zone.
  for (const i of doc.inputs) if (i.encoding !== null) out.push(wrapLabelled('   ', decodedNote(i.file, i.encoding, o.lang), o.width, c.dim));
  for (const n of encodingNotes(doc.inputs, o.lang, termSafe, (x) => x)) out.push(wrapLabelled('   ', `${n.label}${msg.colon}${n.text}`, o.width, n.warn ? c.yellow : c.dim));
  for (const z of zoneLines(doc, o.lang, o.tz)) out.push(wrapHanging(termSafe(z), o.width - 3, c.dim).replace(/^/gm, '   '));
  if (t.events > 0) out.push(wrapItems(`${m.label.probes} `, probesItems(doc.probes, msg), o.width));
  if (t.ignored !== undefined) out.push(wrapLabelled(`${m.label.ignored} `, m.ignoredText(t.ignored), o.width));
  if (doc.sources.length > 0) {
    const shown = doc.sources.slice(0, SUMMARY_TOP);
    out.push(c.bold(doc.rankedSources > shown.length ? m.topSourcesOf(shown.length, doc.rankedSources) : m.topSources));
    for (const s of shown) out.push(sourceLine(s, c, o.lang, o.width));
  }
  // What the counts above leave out, each as the whole report says it.
  for (const n of incompleteNotes(doc.inputs, o.lang, (i) => termSafe(i.file))) out.push(wrapLabelled('', `${n.label}${msg.colon}${n.text}`, o.width, c.yellow));
  const gaps = logGapsText(doc, m, o.tz);
  if (gaps !== null) out.push(wrapLabelled('', `${m.logGapsLabel}${msg.colon}${gaps}`, o.width, c.yellow));
  const p = doc.profiles;
  if (p.evicted > 0) out.push(wrapLabelled('', m.evicted(p.cap, p.evicted, p.evictedEvents), o.width, c.yellow));
  out.push(c.dim(o.reportFile === null ? msg.follow.stopReportHint : msg.follow.stopReportWritten(termSafe(o.reportFile))));
  return out.join('\n') + '\n';
}
