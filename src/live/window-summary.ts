// The periodic `--summary-every` block: what the last window held (every event and
// source, counted as the report's header counts them), top sources by the summarizer's
// score, one line each, and, as the summary at the stop, the inputs read as UTF-16
// (whose bytes look odd to other tools) and what the log's times said of their zone.
import type { EndedWindow } from './alerts.js';
import type { KnowledgeBase, Lang } from '../knowledge/types.js';
import { durationText, messages } from '../i18n/messages.js';
import { termSafe } from '../render/sanitize.js';
import { decodedNote, whyNotes } from '../render/report-words.js';
import { wrapHanging, wrapItems, wrapLabelled } from '../render/box-table.js';
import { severityColor } from './probe-line.js';
import type { Colors } from '../render/colors.js';
import type { RankedSource } from '../aggregate/summary.js';

/** Sources a summary lists: the periodic ones and -q's at the stop (stop-summary.ts). */
export const SUMMARY_TOP = 5;

/** A ranked source on one line (its why and notes wrapped under the why, as the report's rows do). */
export function sourceLine(s: RankedSource, c: Colors, lang: Lang, width: number): string {
  const m = messages(lang).follow;
  return wrapItems(`   ${String(s.rank).padStart(2)}. ${termSafe(s.ip).padEnd(15)}  ${severityColor(c, s.severity)(m.score(s.score))}  `, [s.explanation, ...whyNotes(s, lang)].map(termSafe), width);
}

/**
 * `decoded`: the inputs read so far that were UTF-16 with a byte-order mark, and which; `zone`:
 * what their times said of their zone (zoneNoteLines), a line each as the summary at the stop
 * says them under its span, when the caller has not said them already.
 */
export function windowSummary(
  { sum, counts }: EndedWindow,
  windowMs: number,
  kb: KnowledgeBase | null,
  c: Colors,
  lang: Lang,
  width = 100,
  decoded: readonly { file: string; encoding: string }[] = [],
  zone: readonly string[] = [],
): string {
  const m = messages(lang).follow;
  const r = sum.result({ kb, lang });
  const head = c.bold(m.window(durationText(windowMs, lang), counts.events, counts.sourceCount, counts.sourcesCapped));
  const lines = [head];
  for (const s of r.sources.slice(0, SUMMARY_TOP)) lines.push(sourceLine(s, c, lang, width));
  for (const d of decoded) lines.push(wrapLabelled('   ', decodedNote(d.file, d.encoding, lang), width, c.dim));
  // A note a paragraph, its wrapped lines hanging under its first as under the report's span, so where the next starts shows.
  for (const z of zone) lines.push(wrapHanging(termSafe(z), width - 3, c.dim).replace(/^/gm, '   '));
  return lines.join('\n') + '\n';
}
