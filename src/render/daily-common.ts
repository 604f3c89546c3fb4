// Phrases every daily format shares, built from numbers only (no log text), so the
// text, markdown and HTML renderers say the same thing in the same words.
import type { Change, Comparison } from '../daily/compare.js';
import type { DailyDoc } from '../daily/doc.js';
import { fmtInt } from './report-text.js';

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
export function windowNotes(doc: DailyDoc): string[] {
  const notes: string[] = [];
  if (doc.window.hours !== 24) notes.push(`${doc.window.hours}-hour day (daylight-saving change)`);
  if (doc.partial) notes.push('the day is not over: numbers so far');
  if (!doc.covered) notes.push('the logs start during the day: its first hours may be missing');
  if (doc.outside.untimed > 0) notes.push(`${fmtInt(doc.outside.untimed)} events without a date (kernel uptime only) left out`);
  return notes;
}

export function pctOf(part: number, whole: number): string {
  if (whole <= 0) return '0%';
  const x = part / whole;
  return x >= 0.1 || x === 0 ? `${Math.round(x * 100)}%` : `${(x * 100).toFixed(1)}%`;
}
