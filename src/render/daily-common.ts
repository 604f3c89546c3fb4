// Phrases every daily format shares, built from numbers only (no log text), so the
// text, markdown and HTML renderers say the same thing in the same words.
import type { Change, Comparison } from '../daily/compare.js';
import type { DailyDoc } from '../daily/doc.js';
import { counted, fmtInt, plural } from '../util/number-text.js';
import { formatDateTime } from './time-format.js';

/** "697 packets from 196 sources to 300 ports" ("≥200,000 sources" past the counter's cap). */
export function probesText(h: DailyDoc['headline']): string {
  return `${counted(h.packets, 'packet')} from ${sourcesNumber(h)} ${plural(h.sources, 'source')} to ${counted(h.ports, 'port')}`;
}

/** The headline's source count as a bare number: "196", "≥200,000". */
export function sourcesNumber(h: DailyDoc['headline']): string {
  return `${h.sourcesCapped ? '≥' : ''}${fmtInt(h.sources)}`;
}

/**
 * "2 files read, 1 skipped (outside the day): kern.log, kern.log.1.gz (gzip data is
 * truncated …)": the footer of every format; `esc` makes the names and errors safe for it.
 */
export function filesReadText(doc: DailyDoc, esc: (s: string) => string): string {
  const skipped = doc.skippedFiles.length;
  const files = doc.report.inputs.map((i) => `${esc(i.file)}${i.error ? ` (${esc(i.error)})` : ''}`).join(', ');
  return `${counted(doc.report.inputs.length, 'file')} read${skipped > 0 ? `, ${skipped} skipped (outside the day)` : ''}: ${files || '-'}`;
}

/** "+35%", "−12%", "±0%", "new" (from zero), or "" without a previous day. */
export function trendText(c: Change): string {
  if (c.delta === null) return '';
  if (c.ratio === null) return c.today > 0 ? 'new' : '±0%';
  const pct = Math.round(c.ratio * 100);
  if (pct === 0) return '±0%';
  return pct > 0 ? `+${fmtInt(pct)}%` : `−${fmtInt(-pct)}%`;
}

/** "1,234 → 1,666 (+35%)" or just "1,666". */
export function changeText(c: Change): string {
  if (c.previous === null) return fmtInt(c.today);
  return `${fmtInt(c.previous)} → ${fmtInt(c.today)} (${trendText(c)})`;
}

/** Where the previous day's numbers come from, or why there are none. */
export function basisText(cmp: Comparison): string {
  if (cmp.basis === null) return `no data for ${cmp.previousDate} (not in the logs; --state DIR keeps a digest per day)`;
  const from = cmp.basis === 'logs' ? 'from the same logs' : 'from the --state digest';
  return `vs ${cmp.previousDate}, ${from}${cmp.previousComplete ? '' : ' (that day only partly covered)'}`;
}

/** "23-hour day (DST change)" and other facts about the window worth a note. */
export function windowNotes(doc: DailyDoc, tz: string | null): string[] {
  const notes: string[] = [];
  if (doc.interrupted) notes.push(`interrupted by ${doc.interrupted}: this summary covers only what was read before it`);
  if (doc.window.hours !== 24) notes.push(`${doc.window.hours}-hour day (daylight-saving change)`);
  if (doc.partial) notes.push('the day is not over: numbers so far');
  const coverage = coverageNote(doc, tz);
  if (coverage !== null) notes.push(coverage);
  if (doc.outside.untimed > 0) notes.push(`${counted(doc.outside.untimed, 'event')} without a date (kernel uptime only) left out`);
  return notes;
}

/** How the logs read relate to the day, when they do not simply span it. */
function coverageNote(doc: DailyDoc, tz: string | null): string | null {
  const { first, last } = doc.logs;
  if (first === null || last === null) return null; // nothing dated: the body says there are no records
  const start = Date.parse(doc.window.start);
  const end = Date.parse(doc.window.end);
  const at = (iso: string): string => formatDateTime(new Date(iso), tz);
  if (Date.parse(last) < start) {
    return doc.partial ? `no record yet today; the last one read is from ${at(last)}` : `the logs end before the day (last firewall record ${at(last)}): none of it is in them`;
  }
  if (doc.covered) return null;
  if (Date.parse(first) >= end) return `the logs start after the day (first firewall record ${at(first)}): none of it is in them`;
  return `the logs start during the day (first firewall record ${at(first)}): the hours before are missing`;
}

export function pctOf(part: number, whole: number): string {
  if (whole <= 0) return '0%';
  const x = part / whole;
  return x >= 0.1 || x === 0 ? `${Math.round(x * 100)}%` : `${(x * 100).toFixed(1)}%`;
}
