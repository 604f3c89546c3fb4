// The report's wording every renderer shares (text, Markdown, HTML, daily, follow): what
// the header's rows, the ports table's title and notes, an interpretation's meaning and a
// source's "why" notes say, in --lang. Plain text, each renderer escapes it for its format;
// decodedNote, said only on a terminal (the report, follow's summaries), escapes its file itself.
import { countUnit, rowsUnit, unitHead } from './count-unit.js';
import type { ReportDoc } from '../aggregate/report.js';
import type { RankedSource } from '../aggregate/summary.js';
import type { Lang } from '../knowledge/types.js';
import { inputProblemText, messages, type Messages } from '../i18n/messages.js';
import { termSafe } from './sanitize.js';
import { zoneNotes } from './zone-words.js';
import { capped, fmtInt, fmtPct } from '../util/number-text.js';
import { formatDateTime, zonedParts } from './time-format.js';
import { yearText } from '../util/year-range.js';

const p2 = (n: number): string => String(n).padStart(2, '0');

export interface SeenFormat {
  /** Between the first and the last time (default "–"). */
  sep?: string;
  /** Show the year: when the report's events run over more than one (spansYears). */
  withYear?: boolean;
  /** Between a date and its time (default " "). */
  dateSep?: string;
}

/** "11-20 06:25–06:29" (same day) or "11-20 06:25–11-21 07:10", in the report's zone. */
export function seenText(first: string | null, last: string | null, tz: string | null, f: SeenFormat = {}): string {
  if (!first || !last) return '-';
  const { sep = '–', withYear = false, dateSep = ' ' } = f;
  const a = zonedParts(new Date(first), tz);
  const b = zonedParts(new Date(last), tz);
  const day = (z: typeof a): string => `${withYear ? `${yearText(z.year)}-` : ''}${p2(z.month)}-${p2(z.day)}`;
  const hm = (z: typeof a): string => `${p2(z.hour)}:${p2(z.minute)}`;
  const end = a.year === b.year && a.month === b.month && a.day === b.day ? hm(b) : `${day(b)}${dateSep}${hm(b)}`;
  return first === last || end === hm(a) ? `${day(a)}${dateSep}${hm(a)}` : `${day(a)}${dateSep}${hm(a)}${sep}${end}`;
}

/**
 * Whether the report's events run over more than one calendar year (in its zone): then a
 * source's "seen" shows the year, or 08-05 in one year reads like 08-05 in another.
 */
export function spansYears(span: ReportDoc['span'], tz: string | null): boolean {
  return span.first !== null && span.last !== null && zonedParts(new Date(span.first), tz).year !== zonedParts(new Date(span.last), tz).year;
}

/** --os-hint annotation: "likely Linux/Unix [TTL 52, win 64240]" (the evidence in brackets). */
function osHintText(r: RankedSource, lang: Lang): string {
  return r.osHint ? messages(lang).report.osHint(r.osHint.text, r.osHint.ttl, r.osHint.window) : '';
}

/**
 * A notable interpretation's meaning: its most common text, and when its packets had
 * several (a trojan row over many ports), that this is the most common one (or one of the
 * most common, on a tie) and its share;
 * when some were a scanner's late packets, how many (the header counts them as probes).
 * Plain text: each renderer escapes it.
 */
export function interpretationMeaning(i: ReportDoc['interpretations'][number], lang: Lang): string {
  const zh = lang === 'zh';
  const m = messages(lang).report;
  const unit = countUnit(i);
  const notes: string[] = [];
  if (i.texts > 1) notes.push(m.mixedMeaning(capped(i.texts, i.textsCapped), i.textPackets, i.packets, unit, i.textTied));
  // A late reading of a scanner's packets: the header has them among the probes (Overview.countScanLate).
  if (i.scanPackets > 0) notes.push(m.scanLateMeaning(i.scanPackets, i.packets, i.scanSources, unit));
  return [i.text, ...notes].join(zh ? '' : ' ');
}

/**
 * The report's notes on inputs it does not cover in full, each "label: text" in every format:
 * those of which no line was read ("not read": missing, a directory, binary) apart from those
 * cut part-way ("not read to the end": a truncated .gz), so a missing file is not said to have
 * been partly read. `file` names an input as the format shows it; `reason`, escaped for the
 * format, says why (the terminal leaves it to its inputs table; Markdown and HTML have none).
 * A reason follows its file as "FILE: reason", items apart by "; ": a reason has brackets and
 * commas of its own ("… after line 307 (unexpected end of file)"), which an aside nested.
 */
export function incompleteNotes(
  inputs: ReportDoc['inputs'],
  lang: Lang,
  file: (i: ReportDoc['inputs'][number]) => string,
  reason?: (i: ReportDoc['inputs'][number]) => string,
): { label: string; text: string }[] {
  const msg = messages(lang);
  const m = msg.report;
  const incomplete = inputs.filter((i) => i.incomplete);
  const named = (is: readonly ReportDoc['inputs'][number][]): string =>
    reason === undefined ? is.map(file).join(msg.listSep) : namedReasons(is.map((i) => ({ file: file(i), reason: reason(i) })), lang);
  const notes: { label: string; text: string }[] = [];
  const unread = incomplete.filter((i) => i.lines === 0);
  const cut = incomplete.filter((i) => i.lines > 0);
  if (unread.length > 0) notes.push({ label: m.md.incomplete, text: m.unread(unread.length, inputs.length, named(unread)) });
  if (cut.length > 0) notes.push({ label: m.md.incomplete, text: m.incomplete(cut.length, inputs.length, named(cut)) });
  return notes;
}

/**
 * Inputs with why each was not read (in full): "FILE: reason", apart by "; " (zh "；"), the
 * report's notes and daily's alike. A reason has brackets and commas of its own, which an
 * aside "FILE (reason)" nested.
 */
export function namedReasons(items: readonly { file: string; reason: string }[], lang: Lang): string {
  const msg = messages(lang);
  return items.map((i) => `${i.file}${msg.colon}${i.reason}`).join(msg.nameSep);
}

/** Why an input was not read (in full), without its name, which the problem text of an error of old begins with. */
export function inputReason(i: ReportDoc['inputs'][number], lang: Lang): string {
  const why = inputProblemText(i, lang) ?? '';
  return why.startsWith(`${i.file}: `) ? why.slice(i.file.length + 2) : why;
}

/** "decoded: fw.log is UTF-16LE text with a byte-order mark …": an input read as UTF-16 (the report, follow's summaries). */
export function decodedNote(file: string, encoding: string, lang: Lang): string {
  const msg = messages(lang);
  return `${msg.report.decodedLabel}${msg.colon}${termSafe(file)}${msg.report.decoded(encoding)}`;
}

/**
 * The notes on how an input's text was decoded beyond UTF-8 and UTF-16, each a label and its
 * text after the file's name: read with --encoding, or read as UTF-8 with lines that are not
 * (the hint to try --encoding, said once per input; nothing is guessed). `name` renders
 * the file's name, `text` a catalog text (terminal-safe, Markdown or HTML escaped).
 */
export function encodingNotes(inputs: ReportDoc['inputs'], lang: Lang, name: (file: string) => string, text: (s: string) => string): { label: string; text: string; warn: boolean }[] {
  const msg = messages(lang);
  const r = msg.report;
  const out: { label: string; text: string; warn: boolean }[] = [];
  for (const i of inputs) {
    if (i.decodedFrom !== undefined) out.push({ label: r.decodedLabel, text: `${name(i.file)}${text(r.decodedFrom(i.decodedFrom))}`, warn: false });
    if (i.invalidUtf8 !== undefined) out.push({ label: r.invalidUtf8Label, text: `${name(i.file)}${msg.colon}${text(r.invalidUtf8(i.invalidUtf8))}`, warn: true });
  }
  return out;
}

/** What the "why" column says after the explanation, each after " · ": the address's range, --os-hint's guess. */
export function whyNotes(r: RankedSource, lang: Lang): string[] {
  const notes: string[] = [];
  if (r.addressRange) notes.push(r.addressRange.note);
  if (r.osHint) notes.push(osHintText(r, lang));
  return notes;
}

/** "686 (98%)" (zh "686（98%）"): a count and its share of `total`, the share left out when there is none. */
export function countShare(packets: number, total: number, msg: Messages): string {
  return `${fmtInt(packets)}${total > 0 ? msg.aside(fmtPct(packets / total)) : ''}`;
}

/** ["700 lines", "693 events (697 packets)", "7 skipped", "0 malformed", "196 sources"]: the header's count line. */
export function recordsItems(t: ReportDoc['totals'], lang: Lang, markMalformed: (s: string) => string = (s) => s): string[] {
  const m = messages(lang).report;
  // Windows logs one ALLOW row per connection and one DROP row per packet: said apart when there are any.
  const packets = t.connections > 0 ? m.packetsConnectionsAside(t.packets - t.connections, t.connections) : t.packets !== t.events ? m.packetsAside(t.packets) : '';
  return [m.lines(t.lines), `${m.events(t.events)}${packets}`, m.skipped(t.skipped), markMalformed(m.malformed(t.malformed)), m.sources(t.sources, t.sourcesCapped)];
}

/** "700 lines · 693 events (697 packets) · 7 skipped · 0 malformed · 196 sources" (text and Markdown). */
export function recordsText(t: ReportDoc['totals'], lang: Lang, markMalformed?: (s: string) => string): string {
  return recordsItems(t, lang, markMalformed).join(' · ');
}

/**
 * The probes line's items: "19 packets to 2 ports", and, when the ports table below counts
 * only the blocked ones and they are fewer, "blocked: 18 packets to 1 port", so the two agree.
 */
export function probesItems(p: ReportDoc['probes'], msg: Messages): string[] {
  const m = msg.report;
  if (p.packets === 0) return [msg.noProbes];
  const items = [m.probesText(p.packets, p.ports, p.portsCapped, p.connections)];
  if (p.blockedPorts > 0 && (p.blocked !== p.packets || p.blockedPorts !== p.ports)) items.push(m.probesBlocked(p.blocked, p.blockedPorts, p.blockedPortsCapped));
  return items;
}

const LOGS_BEGIN_SLACK_MS = 3_600_000;

/** The filter items of the header: "since … · until … · source … · min severity 3"; `words` escapes the items that are only words and a time (HTML). */
export function filterItems(f: ReportDoc['filters'], m: Messages['report'], tz: string | null, esc: (s: string) => string, words: (s: string) => string = (s) => s): string[] {
  const filt: string[] = [];
  if (f.since) filt.push(words(m.since(formatDateTime(new Date(f.since), tz))));
  // A window reaching back before the logs (`--since 24h` over ufw.log alone, the night's part in
  // ufw.log.1) would otherwise read as a quiet start; an hour of slack, as daily allows a file's bounds.
  const first = f.readSpan?.first;
  if (f.since && first && Date.parse(first) - Date.parse(f.since) > LOGS_BEGIN_SLACK_MS) filt.push(words(m.logsBeginAfterSince(formatDateTime(new Date(first), tz))));
  if (f.until) filt.push(words(m.until(formatDateTime(new Date(f.until), tz))));
  // `esc` gives an address as the format shows one (HTML: addressHtml), so the catalog's words around it are ours, not escaped again.
  if (f.sources.length > 0) filt.push(m.sourceFilter(f.sources.map(esc).join(', ')));
  if (f.minSeverity !== null) filt.push(words(m.minSeverity(f.minSeverity)));
  return filt;
}

/**
 * The ports table's title, with the packets its shares are of (every format's report and
 * daily): of the probes with a port, not of all probes (an ICMP DROP has no port).
 */
export function portsTitle(doc: Pick<ReportDoc, 'topPortsBlockedOnly' | 'topPortsPackets' | 'topPortsConnections'>, m: Messages['report']): string {
  return doc.topPortsBlockedOnly ? m.topPortsBlocked(doc.topPortsPackets) : m.topPorts(doc.topPortsPackets, countUnit({ packets: doc.topPortsPackets, connections: doc.topPortsConnections }));
}

/** The ports table's count column: what its rows count (blocked-only rows are DROP packets, none a connection). */
export function portsCountHead(doc: Pick<ReportDoc, 'topPorts'>, h: Messages['report']['head']): string {
  return unitHead(rowsUnit(doc.topPorts), h);
}

/** Under the probed ports: scanners' late packets no row counts (ReportDoc.topPortsLateUncounted), or null. */
export function portsLateNote(doc: Pick<ReportDoc, 'topPortsLateUncounted'>, m: Messages['report']): string | null {
  const u = doc.topPortsLateUncounted;
  return u.packets > 0 && u.portsCounted !== null ? m.portsLateUncounted(u.packets, u.sources, u.portsCounted) : null;
}

/** A port's distinct sources ("≥" when they are lower bounds), '-' when not counted. */
export function portSourcesText(n: number | null, isCapped: boolean): string {
  return n === null ? '-' : capped(n, isCapped);
}

/** A port's "known as" cell: its first three names, each through `esc` for the format. */
export function knownAsText(names: readonly string[], nameSep: string, esc: (s: string) => string = (s) => s): string {
  return names.slice(0, 3).map(esc).join(nameSep) || '-';
}

/** "No events match the filters.", and where the events read are when a time window missed them. */
export function noMatchText(doc: ReportDoc, m: Messages['report'], tz: string | null): string {
  const span = doc.filters.readSpan;
  if (span === undefined || span.first === null || span.last === null) return m.noMatch;
  return m.noMatchSpan(formatDateTime(new Date(span.first), tz), formatDateTime(new Date(span.last), tz));
}

/** With --os-hint, when shown sources had no TTL to read a system from: why their hints are missing, once. */
export function osHintNoTtlText(doc: ReportDoc, m: Messages['report']): string | null {
  const without = doc.osHintsWithoutTtl ?? 0;
  return without > 0 ? m.osHintNoTtl(without, doc.sources.length) : null;
}

/**
 * Said under the time span: what the log's times said of their zone (none, for all or some of
 * them; a name that is `tz`'s; one that is not), in the words `check` and `explain` use; one
 * note a line (joined, three notes wrapped into one block no one could tell apart), none when
 * there is nothing to say. `tz`: --tz, null for this machine's zone.
 */
export function zoneLines(doc: ReportDoc, lang: Lang, tz: string | null): string[] {
  return zoneNotes(doc, doc.tz, tz !== null, messages(lang).zones);
}

/** What the log says is missing from it (Windows Firewall INFO-EVENTS-LOST rows, Cisco IOS IPACCESSLOGRL), or null when it says nothing is. */
export function logGapsText(doc: ReportDoc, m: Messages['report'], tz: string | null): string | null {
  const g = doc.logGaps;
  if (g === null) return null;
  const times = [...new Set([g.first, g.last])].filter((t): t is string => t !== null).map((t) => formatDateTime(new Date(t), tz));
  return m.logGaps(g.records, g.uncounted, g.rows, times.length === 0 ? null : times.join(' → '), g.marker);
}

/** At most `max` characters, "…" when cut. */
export function shorten(s: string, max: number): string {
  const chars = [...s];
  return chars.length > max ? chars.slice(0, max - 1).join('') + '…' : s;
}
