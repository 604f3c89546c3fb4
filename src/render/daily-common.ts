// Phrases every daily format shares, built from numbers only (no log text), so the
// text, markdown and HTML renderers say the same thing in the same words (in --lang).
import type { Change, Comparison, CoveredTimes } from '../daily/compare.js';
import type { Span } from '../daily/coverage.js';
import { addDays, dayOf, dayWindow } from '../daily/day.js';
import type { DailyDoc } from '../daily/doc.js';
import type { Lang } from '../knowledge/types.js';
import { inputProblemText, messages } from '../i18n/messages.js';
import { fmtInt, fmtPct } from '../util/number-text.js';
import { basename } from 'node:path';
import { countShare, logGapsText, namedReasons } from './report-words.js';
import { formatClock, formatDateTime, formatDay } from './time-format.js';

/**
 * Under the new ports, as the report's note under its ports table: scanners' late packets
 * no port's count holds (Comparison.portsLateUncounted); null when none, or no port is listed.
 */
export function newPortsLateNote(cmp: Comparison, lang: Lang): string | null {
  const u = cmp.portsLateUncounted;
  return cmp.newPorts.length > 0 && u.packets > 0 && u.portsCounted !== null ? messages(lang).daily.newPortsLateUncounted(u.packets, u.sources, u.portsCounted) : null;
}

/** "697 packets from 196 sources to 300 ports" ("≥200,000 sources" past the counter's cap). */
export function probesText(h: DailyDoc['headline'], lang: Lang): string {
  if (h.probes === 0) return messages(lang).noProbes;
  return messages(lang).daily.probes(h.probes, sourcesNumber(h), h.sources, h.ports, h.probeConnections);
}

/** ["136 packets sent from this side", "3 replies to its connections", "14 packets of LAN broadcast chatter", "9 late packets of connections already under way"]; empty when every packet logged was a probe. */
export function notProbesItems(h: DailyDoc['headline'], lang: Lang): string[] {
  return messages(lang).notProbes(h);
}

/** notProbesItems joined, or null when there are none. */
export function notProbesText(h: DailyDoc['headline'], lang: Lang): string | null {
  const items = notProbesItems(h, lang);
  return items.length > 0 ? items.join(' · ') : null;
}

/** "168 (55%) · allowed 136 (45%) · other 1 (0.3%)", the report's actions row's shares; "(55% of 305 packets logged)" when not every packet was a probe. */
export function blockedItems(h: DailyDoc['headline'], lang: Lang): string[] {
  const msg = messages(lang);
  const m = msg.daily;
  const pct = pctOf(h.blocked, h.packets);
  const blocked =
    h.probes === h.packets
      ? `${fmtInt(h.blocked)}${msg.aside(pct)}`
      : h.connections > 0
        ? m.blockedOfRecords(h.blocked, pct, h.packets, h.connections, h.events)
        : m.blockedOfLogged(h.blocked, pct, h.packets);
  // None allowed reads "0 (0%)", as the page's card says it (pctOf).
  return m.blockedValue(blocked, `${fmtInt(h.allowed)}${msg.aside(pctOf(h.allowed, h.packets))}`, h.other > 0 ? countShare(h.other, h.packets, msg) : null);
}

/** The headline's source count as a bare number: "196", "≥200,000". */
/**
 * A new source or a newly probed port (`name`, already escaped) with its probes in words:
 * "203.0.113.99: 14 packets". The day's tally keeps no per-source split of a Windows log's
 * connection rows, so the day's probes say it: all packets or all connections, or records
 * when they mix.
 */
export function listedItemText(h: DailyDoc['headline'], name: string, n: number, lang: Lang): string {
  const connections = h.probeConnections <= 0 ? 0 : h.probeConnections >= h.probes ? n : null;
  return messages(lang).daily.listedItem(name, n, connections);
}

export function sourcesNumber(h: DailyDoc['headline']): string {
  return `${h.sourcesCapped ? '≥' : ''}${fmtInt(h.sources)}`;
}

/**
 * "2 files read: kern.log.1.gz (gzip data is truncated …), kern.log · 2 skipped:
 * kern.log.2.gz — last written …, before the day starts; messages, messages.1 — its
 * kernel lines are already in kern.log": the footer of every format, the files read
 * and then those skipped, grouped by their reason (docs/daily.md, "Which files are
 * read"); `esc` makes the names, errors and reasons safe for it.
 */
export function filesReadText(doc: DailyDoc, esc: (s: string) => string, lang: Lang): string {
  const files = doc.report.inputs.map((i) => `${esc(i.file)}${i.error ? messages(lang).aside(esc(inputProblemText(i, lang)!)) : ''}`).join(', ');
  const byReason = new Map<string, string[]>();
  for (const s of doc.skippedFiles) {
    const paths = byReason.get(s.reason);
    if (paths === undefined) byReason.set(s.reason, [s.path]);
    else paths.push(s.path);
  }
  const groups = [...byReason].map(([reason, paths]) => [paths.map(esc).join(', '), esc(reason)] as const);
  // An unread packed one is among the skipped, with its reason.
  const missing = doc.missingFiles.flatMap((f) => (f.packed === undefined ? [messages(lang).daily.missingBetween(esc(f.path), esc(f.newer ?? '-'), esc(f.older ?? '-'))] : []));
  return messages(lang).daily.filesRead(doc.report.inputs.length, files || '-', doc.skippedFiles.length, groups, missing);
}

/** "+35%", "−12%", "±0%", "new" (from zero), or "" without a previous day. */
export function trendText(c: Change, lang: Lang): string {
  if (c.delta === null) return '';
  if (c.ratio === null) return c.today > 0 ? messages(lang).daily.trendNew : '±0%';
  const pct = Math.round(c.ratio * 100);
  if (pct === 0) return '±0%';
  return pct > 0 ? `+${fmtInt(pct)}%` : `−${fmtInt(-pct)}%`;
}

/** "1,234 → 1,666 (+35%)" or just "1,666". */
export function changeText(c: Change, lang: Lang): string {
  if (c.previous === null) return fmtInt(c.today);
  return `${fmtInt(c.previous)} → ${fmtInt(c.today)}${messages(lang).aside(trendText(c, lang))}`;
}

/** Whether the page shows change figures: there is a day before, and the day is in the logs. */
export function isCompared(cmp: Comparison): boolean {
  return cmp.basis !== null && cmp.notCompared === null;
}

/**
 * The part of a day partly covered in words, as clock times in `tz`: "from 06:51",
 * "until 17:40", "06:51-17:40" (the day's date is said beside it), or around `gaps`
 * inside it, "00:00-09:12 and 14:30-24:00"; null when not known, or when the part reaches
 * both ends of the day with no gap known (an input cut short, which the notes name).
 */
export function coveredText(c: CoveredTimes | null, day: { start: number; end: number }, tz: string | null, lang: Lang, gaps: readonly CoveredTimes[] = []): string | null {
  if (c === null) return null;
  const from = Date.parse(c.from);
  const to = Date.parse(c.to);
  const m = messages(lang).daily;
  if (gaps.length > 0) {
    const bounds = [from, ...gaps.flatMap((g) => [Date.parse(g.from), Date.parse(g.to)]), to];
    const parts: string[] = [];
    for (let i = 0; i + 1 < bounds.length; i += 2) parts.push(m.coveredSpan(clockAt(bounds[i]!, day, tz, true), clockAt(bounds[i + 1]!, day, tz, false)));
    return m.coveredParts(parts);
  }
  // Within the day's first or last minute, HH:MM would read as the whole day ("from 00:00"): the seconds say what is missing.
  const f = from > day.start ? formatClock(new Date(from), tz, from - day.start < 60_000) : null;
  const t = to < day.end ? formatClock(new Date(to), tz, day.end - to <= 60_000) : null;
  return f === null && t === null ? null : m.coveredSpan(f, t);
}

/** An end of a covered part: the day's own ends as 00:00 and 24:00, seconds within their minute, as coveredText does. */
function clockAt(t: number, day: { start: number; end: number }, tz: string | null, start: boolean): string {
  if (t <= day.start) return formatClock(new Date(day.start), tz);
  if (t >= day.end) return start ? formatClock(new Date(day.end), tz) : '24:00';
  return formatClock(new Date(t), tz, t - day.start < 60_000 || day.end - t <= 60_000);
}

/** A span as two clock times in `tz`, "06:51-24:00": the day's end said as 24:00, for stderr's digest notes. */
export function spanClock(s: Span, day: { start: number; end: number }, tz: string | null): string {
  return `${formatClock(new Date(s.from), tz)}-${s.to >= day.end ? '24:00' : formatClock(new Date(s.to), tz)}`;
}

/** Where the previous day's numbers come from, and which day is only partly there (which part, when known); or why there are no figures. */
export function basisText(doc: DailyDoc, lang: Lang, tz: string | null): string {
  const m = messages(lang).daily;
  const cmp = doc.comparison;
  if (cmp.notCompared !== null) return m.notCompared(cmp.previousDate, doc.date, cmp.notCompared);
  const day = (): { start: number; end: number } => ({ start: Date.parse(doc.window.start), end: Date.parse(doc.window.end) });
  // The day before ends where the day starts; it starts a calendar day earlier in the zone (23 or 25 hours across DST).
  const before = (): { start: number; end: number } => dayWindow(addDays(dayOf(new Date(day().start), tz), -1), tz);
  const span = (c: CoveredTimes | null, w: () => { start: number; end: number }, gaps: readonly CoveredTimes[]): string | null => (c === null ? null : coveredText(c, w(), tz, lang, gaps));
  // Today's numbers are "so far", as the note at the top says; a past day's hole is said here, by the figures it changes.
  const todayPartly = (too: boolean): string => (cmp.todayComplete || doc.partial ? '' : m.basisTodayPartly(doc.date, too, span(cmp.todayCovered, day, cmp.todayGaps)));
  // The notes above the numbers say how much of the day itself there is.
  if (cmp.basis === null) return m.noBasis(cmp.previousDate);
  const basis = m.basis(cmp.previousDate, cmp.basis !== 'logs', !cmp.previousComplete, span(cmp.previousCovered, before, cmp.previousGaps));
  const otherZone = cmp.previousZone === null ? '' : m.basisOtherZone(cmp.previousZone, doc.tz);
  const otherSettings = cmp.previousSettings === null ? '' : m.basisOtherSettings(cmp.previousSettings, otherZone !== '');
  const otherCounting = cmp.previousCountedOtherwise === null ? '' : m.basisCountedOtherwise(cmp.previousCountedOtherwise, otherZone !== '' || otherSettings !== '');
  return `${basis}${otherZone}${otherSettings}${otherCounting}${todayPartly(!cmp.previousComplete)}`;
}

/** "23-hour day (DST change)" and other facts about the window worth a note. */
export function windowNotes(doc: DailyDoc, tz: string | null, lang: Lang): string[] {
  const m = messages(lang).daily;
  const notes: string[] = [];
  if (doc.interrupted) notes.push(m.interrupted(doc.interrupted));
  // A page served or mailed is read where stderr is not.
  const st = doc.stateNotSaved;
  if (st !== null) notes.push(m.stateNotSaved(st.dir, st.date, st.problem, st.next));
  // First after an interruption: stderr said it once, as it happened; a mailed or served page must say it too.
  // What a duplicate family restored is said as such, not as the day's hole.
  const restored = new Set(doc.fallbacks.flatMap((f) => (f.restored ? f.unread : [])));
  const cut = doc.incompleteInputs.filter((i) => i.inDay && !restored.has(i.file));
  // Worded in the page's language from the input's problem code, as the footer is.
  const why = (file: string, error: string): string => {
    const input = doc.report.inputs.find((x) => x.file === file);
    return (input && inputProblemText(input, lang)) ?? error;
  };
  const listed = (is: typeof cut): string => namedReasons(is.map((i) => ({ file: i.file, reason: why(i.file, i.error) })), lang);
  const unread = cut.filter((i) => i.nothingRead);
  const part = cut.filter((i) => !i.nothingRead);
  if (unread.length > 0) notes.push(m.unreadInputs(listed(unread), unread.length));
  if (part.length > 0) notes.push(m.incompleteInputs(listed(part), part.length));
  for (const f of doc.fallbacks) {
    const none = f.unread.every((file) => doc.incompleteInputs.find((i) => i.file === file)?.nothingRead === true);
    notes.push(m.fallbackTaken(f.unread.map((file) => basename(file)), f.read.map((file) => basename(file)), none, f.restored));
  }
  // Two copies of one log double every count of the day: the report says so, and a mailed summary must too.
  const R = messages(lang).report;
  const colon = messages(lang).colon;
  for (const i of doc.report.inputs) if (i.repeats) notes.push(`${R.md.repeated}${colon}${i.file}${colon}${R.repeats(i.repeats.share, i.repeats.records, i.repeats.other)}`);
  // Names shown as U+FFFD in the day's rule rows: the hint that --encoding reads them, as the report gives it.
  for (const i of doc.report.inputs) if (i.invalidUtf8 !== undefined) notes.push(`${R.invalidUtf8Label}${colon}${i.file}${colon}${R.invalidUtf8(i.invalidUtf8)}`);
  if (doc.window.hours !== 24) notes.push(m.dstDay(doc.window.hours));
  // A day ahead has no "so far", and no record yet is no news about the logs.
  if (doc.ahead) notes.push(m.notBegun);
  else if (doc.partial) notes.push(m.notOver);
  if (!doc.ahead) notes.push(...coverageNotes(doc, tz, lang));
  if (doc.outside.untimed > 0) notes.push(m.untimed(doc.outside.untimed));
  const gaps = logGapsText(doc.report, R, tz);
  if (gaps !== null) notes.push(`${R.logGapsLabel}${messages(lang).colon}${gaps}`);
  return notes;
}

/** How the logs read relate to the day, when they do not simply span it. */
function coverageNotes(doc: DailyDoc, tz: string | null, lang: Lang): string[] {
  const m = messages(lang).daily;
  const { first, last } = doc.logs;
  if (first === null || last === null) {
    // No file read, each passed over as ending before the day: logging may have stopped, which a bare "no records" would hide.
    const before = doc.report.inputs.length === 0 ? doc.skippedFiles.flatMap((f) => (f.why.kind === 'before-day' ? [f.why.lastWritten] : [])).sort() : [];
    return before.length > 0 ? [m.noFileForDay(before[before.length - 1]!)] : []; // else nothing dated: the body says there are no records
  }
  const start = Date.parse(doc.window.start);
  const end = Date.parse(doc.window.end);
  const at = (iso: string): string => formatDateTime(new Date(iso), tz);
  const day = (iso: string): string => formatDay(new Date(iso), tz);
  if (Date.parse(last) < start) return [doc.partial ? m.noRecordYet(at(last)) : m.endsBefore(at(last), day(last))];
  if (doc.covered) return [];
  const names = (fs: readonly { path: string }[]): string => fs.map((f) => basename(f.path)).join(messages(lang).listSep);
  const missing = doc.missingFiles.filter((f) => f.inDay && f.packed === undefined);
  const unread = doc.missingFiles.filter((f) => f.inDay && f.packed !== undefined);
  const holes = [...(missing.length > 0 ? [m.missingRotation(names(missing), missing.length)] : []), ...(unread.length > 0 ? [m.unreadRotation(names(unread), unread.length)] : [])];
  // A hole and where the logs start or end are two facts: an unread oldest rotation leaves both.
  if (Date.parse(first) >= end) return [...holes, m.startsAfter(at(first), day(first))];
  if (Date.parse(first) > start) return [...holes, m.startsDuring(at(first))];
  // Today's logs end during it by nature: "not over" says so.
  if (!doc.partial && Date.parse(last) < end) return [...holes, m.endsDuring(at(last))];
  // Else an input broke off where the day may be: the note on incomplete inputs names it.
  return holes;
}

export function pctOf(part: number, whole: number): string {
  if (whole <= 0 || part === 0) return '0%';
  return fmtPct(part / whole);
}
