// The terminal report: a header, then compact tables. Every string that came from a
// log goes through termSafe; colour only when the caller says the terminal wants it.
// What it says that the other renderers say too is in report-words.ts, rule-rows.ts,
// source-facts.ts and activity-rows.ts; its tables are fitted to the width by fit-table.ts.
import { rowsUnit, unitHead } from './count-unit.js';
import { zoneName } from '../daily/day.js';
import pc from 'picocolors';
import type { ReportDoc } from '../aggregate/report.js';
import type { RankedSource } from '../aggregate/summary.js';
import type { Lang } from '../knowledge/types.js';
import { findingLabel, messages, wordFor, type Messages } from '../i18n/messages.js';
import { displayWidth, fitWidths, wrapItems, wrapHanging, wrapLabelled, wrapPath, wrapText } from './box-table.js';
import { addressLeast, colWidth, notedTable, rewrap, shrinkToFit, textTable, wrapAddressCell, type Column } from './fit-table.js';
import type { Colors } from './colors.js';
import { SPARK_DAYS, perDayRow, sparkline } from './activity-rows.js';
import { countShare, decodedNote, encodingNotes, filterItems, incompleteNotes, inputReason, interpretationMeaning, knownAsText, logGapsText, noMatchText, osHintNoTtlText, portSourcesText, portsCountHead, portsLateNote, portsTitle, probesItems, recordsItems, seenText, shorten, spansYears, whyNotes, zoneLines } from './report-words.js';
import { ruleItems } from './rule-rows.js';
import { DETAILED_SOURCES, sourceFacts } from './source-facts.js';
import { termSafe } from './sanitize.js';
import { cmpStr } from '../util/compare.js';
import { breadth, capped, fmtInt, fmtPct } from '../util/number-text.js';
import { formatDateTime } from './time-format.js';
import { namedAnnotation } from '../annotate/roles.js';
import { otherTargetsNote, showsTargets, targetPortsText, targetsCountHead, targetsTitle } from './target-words.js';

export interface TextOptions {
  color: boolean;
  /** Terminal width to fit tables into. */
  width: number;
  tz: string | null;
  /** Language of the headings and phrases (--lang). */
  lang: Lang;
}

/** Severity → colour: 5 bold red, 4 red, 3 yellow, 2 cyan, 0-1 dim. */
export function sevColor(c: Colors, sev: number): (s: string) => string {
  if (sev >= 5) return (s) => c.bold(c.red(s));
  if (sev >= 4) return c.red;
  if (sev >= 3) return c.yellow;
  if (sev >= 2) return c.cyan;
  return c.dim;
}

/**
 * A bold row label padded to the value column (11 terminal columns, as "protocols  "):
 * by display width, so a Chinese label lines up too.
 */
export function rowLabel(c: Colors, word: string, width = 11): string {
  return c.bold(word) + labelPad(word, width);
}

/** Spaces after `label` up to `width` terminal columns (at least one). */
export function labelPad(label: string, width: number): string {
  return ' '.repeat(Math.max(1, width - displayWidth(label)));
}

/** The narrowest meaning column beside the others; below it each meaning is a note under its row. */
const MEANING_LEAST = 40;

/** The narrowest ports column beside a host's numbers; below it each host's ports go under its row. */
const TARGET_PORTS_LEAST = 24;

/** The most probed hosts of this side: address, count, sources, share and their busiest ports. */
/** The line under a table that had to leave optional columns out for width: "seen, hosts left out for width". */
const leftOutLine = (lang: Lang) => (heads: readonly string[]): string => messages(lang).report.columnsLeftOut(heads.join(messages(lang).listSep));

function targetsText(doc: ReportDoc, opts: TextOptions, c: Colors): string[] {
  type T = ReportDoc['topTargets'][number];
  const m = messages(opts.lang).report;
  const h = m.head;
  const ips = doc.topTargets.map((t) => termSafe(t.ip));
  const cols: Column<T>[] = [
    { head: h.target, cell: (t) => termSafe(t.ip), narrow: { least: addressLeast(ips), wrap: wrapAddressCell } },
    { head: targetsCountHead(doc, h), cell: (t) => fmtInt(t.packets) },
    { head: h.sourceCount, cell: (t) => capped(t.sources, doc.topTargetSourcesCapped) },
    { head: h.share, cell: (t) => fmtPct(t.share), drop: 1 },
  ];
  const ports: Column<T> = { head: h.targetPorts, cell: (t) => targetPortsText(t, messages(opts.lang).nameSep, termSafe) };
  const out = ['', c.bold(targetsTitle(doc, m)), notedTable(doc.topTargets, cols, { text: ports, least: TARGET_PORTS_LEAST, optionalCounts: true, leftOut: leftOutLine(opts.lang) }, c, opts.width, (_t, _col, text) => text)];
  const note = otherTargetsNote(doc, m);
  if (note !== null) out.push(wrapLabelled('', note, opts.width));
  return out;
}

/** The narrowest "why" column beside the sources' numbers; below it each why goes under its row. */
const WHY_LEAST = 20;

/** An interpretation's name and id a line: the longest id in brackets ("(srcport-dns-disguise)") fits. */
const INTERPRETATION_WIDTH = 24;
/** On a narrow terminal the column gives up to this much, an id then cut over two lines, before the table overflows. */
const INTERPRETATION_LEAST = 12;

/** The text report's block for a source: its facts, each label over its lines. */
function detailsText(r: RankedSource, opts: TextOptions, c: Colors): string[] {
  const out = ['', c.bold(messages(opts.lang).report.details.of(termSafe(r.ip)))];
  for (const f of sourceFacts(r, opts.tz, opts.lang)) {
    out.push(c.dim(`  ${termSafe(f.label)}`));
    // A list wraps between its items: two long log prefixes wrapped as one text would run into each other.
    if (f.items) out.push(wrapItems('    ', f.items.map(termSafe), opts.width));
    else for (const line of f.lines) out.push(wrapLabelled('    ', termSafe(line), opts.width));
  }
  return out;
}

/** "DE AS3320" over the AS organisation, shortened; "-" when the databases know nothing. */
function geoCell(r: RankedSource): string {
  const top = [r.geo?.country ? termSafe(r.geo.country) : '', r.as ? `AS${r.as.number}` : ''].filter(Boolean).join(' ') || '-';
  return r.as?.organization ? `${top}\n${shorten(termSafe(r.as.organization), 18)}` : top;
}

/** ["drop 686 (98%)", "allow 6 (0.9%)"] (zh "丢弃 686（98%）"); `words` names known keys in the report's language. */
function shares(rows: { key: string; packets: number }[], total: number, msg: Messages, words: object = {}, esc: (s: string) => string = termSafe): string[] {
  return rows.map((r) => `${esc(wordFor(words, r.key))} ${countShare(r.packets, total, msg)}`);
}

/** "  (00-23)" after a sparkline, the brackets the language's (a sparkline is no word to write a bracket against). */
export function sparkAside(s: string, msg: Messages): string {
  return `  ${msg.aside(s).trimStart()}`;
}

/** Protocols on the header line: an IP protocol scan logs hundreds of them. */
const PROTOCOLS_SHOWN = 8;

const isNumber = (key: string): boolean => /^\d+$/.test(key);

/** Equal counts: named protocols first, then numbered ones by number (2, 10, 100; not 10, 100, 2). */
function byCountThenProtocol(a: { key: string; packets: number }, b: { key: string; packets: number }): number {
  if (a.packets !== b.packets) return b.packets - a.packets;
  const na = isNumber(a.key);
  const nb = isNumber(b.key);
  if (na !== nb) return na ? 1 : -1;
  return na ? Number(a.key) - Number(b.key) : cmpStr(a.key, b.key);
}

/** "tcp 576 (83%)", a numbered protocol as "proto 41 2 (0.4%)", then "+247 more". */
function protocolItems(rows: ReportDoc['byProto'], total: number, msg: Messages): string[] {
  const m = msg.report;
  const shown = [...rows]
    .sort(byCountThenProtocol)
    .slice(0, PROTOCOLS_SHOWN)
    .map((r) => (isNumber(r.key) ? { ...r, key: m.protoNumber(r.key) } : r));
  const items = shares(shown, total, msg);
  if (rows.length > PROTOCOLS_SHOWN) items.push(m.moreProtocols(rows.length - PROTOCOLS_SHOWN));
  return items;
}

const TITLE = 'logscan · ';

/**
 * "logscan · PATH" within the width: a long path goes on under itself, broken after a
 * directory (wrapPath), so the file name is whole on a line and can be copied.
 */
function titleLines(files: string, width: number): string[] {
  const pad = ' '.repeat(displayWidth(TITLE));
  return wrapPath(files, width - pad.length).map((l, i) => (i === 0 ? TITLE : pad) + l);
}

export function renderReportText(doc: ReportDoc, opts: TextOptions): string {
  const c = pc.createColors(opts.color);
  const msg = messages(opts.lang);
  const m = msg.report;
  const out: string[] = [];
  const t = doc.totals;
  const files = doc.inputs.length === 1 ? termSafe(doc.inputs[0].file) : m.inputsCount(doc.inputs.length);
  out.push(titleLines(files, opts.width).map((l) => c.bold(l)).join('\n'));
  if (doc.span.first && doc.span.last) {
    // The zone always: a time shown without it reads as the log's own, which it is not (a +02:00 stamp shows in this machine's zone).
    out.push(`${formatDateTime(new Date(doc.span.first), opts.tz)} → ${formatDateTime(new Date(doc.span.last), opts.tz)}${msg.aside(termSafe(zoneName(opts.tz)))}`);
    // The zone above is the report's; whether it is also the log's, the log did not say.
    for (const zone of zoneLines(doc, opts.lang, opts.tz)) out.push(wrapHanging(termSafe(zone), opts.width, c.dim));
  }
  out.push(
    // Wrapped like the rows below it: a narrow terminal must not cut the counts off.
    wrapItems('', recordsItems(t, opts.lang, (malformed) => (t.malformed > 0 ? c.yellow(malformed) : malformed)), opts.width),
  );

  const filt = filterItems(doc.filters, m, opts.tz, termSafe);
  if (filt.length > 0) {
    const dropped = t.parsedEvents - t.events - (t.ignored ?? 0);
    // "(213 events left out)" goes with the last item, so it never starts a line of its own.
    if (dropped > 0) filt.push(`${filt.pop()!}${m.leftOut(dropped)}`);
    out.push(wrapItems(rowLabel(c, m.label.filter), filt, opts.width));
  }

  if (t.ignored !== undefined) out.push(wrapLabelled(rowLabel(c, m.label.ignored), m.ignoredText(t.ignored), opts.width));

  if (doc.inputs.length > 1 || doc.inputs.some((i) => i.error)) {
    const rows = doc.inputs.map((i) => [
      termSafe(i.file),
      i.error ? termSafe(inputReason(i, opts.lang)) : (i.format ?? '-') + (i.formatBy === 'fallback' ? m.guessed : ''),
      fmtInt(i.lines),
      fmtInt(i.events),
      fmtInt(i.skipped),
      fmtInt(i.malformed),
    ]);
    const paint = (row: number, col: number, line: string): string => (col === 1 && doc.inputs[row]!.error ? c.red(line) : line);
    const h = m.head;
    const head = [h.input, h.format, h.lines, h.events, h.skipped, h.malformed];
    out.push('', textTable(head, rows, c, shrinkToFit(head, rows, opts.width, [[1, 16], [0, 12]]), paint));
  }

  // Say plainly when the numbers above do not cover everything that was asked for.
  // The inputs table above says why; the note names them.
  for (const n of incompleteNotes(doc.inputs, opts.lang, (i) => termSafe(i.file))) out.push('', wrapLabelled('', `${n.label}${msg.colon}${n.text}`, opts.width, c.yellow));
  for (const i of doc.inputs.filter((x) => x.repeats)) {
    out.push('', wrapLabelled('', `${m.md.repeated}${msg.colon}${termSafe(i.file)}${msg.colon}${termSafe(m.repeats(i.repeats!.share, i.repeats!.records, i.repeats!.other))}`, opts.width, c.yellow));
  }
  // A log that is not UTF-8 read right is still worth a word: the reader sees why its file looked odd elsewhere.
  for (const i of doc.inputs.filter((x) => x.encoding !== null)) {
    out.push('', wrapLabelled('', decodedNote(i.file, i.encoding!, opts.lang), opts.width, c.dim));
  }
  for (const n of encodingNotes(doc.inputs, opts.lang, termSafe, (s) => s)) {
    out.push('', wrapLabelled('', `${n.label}${msg.colon}${n.text}`, opts.width, n.warn ? c.yellow : c.dim));
  }
  if (doc.interrupted) out.push('', wrapLabelled('', m.interrupted(termSafe(doc.interrupted)), opts.width, c.yellow));
  const gaps = logGapsText(doc, m, opts.tz);
  if (gaps !== null) out.push('', wrapLabelled('', `${m.logGapsLabel}${msg.colon}${gaps}`, opts.width, c.yellow));

  if (t.events === 0) {
    out.push('', wrapLabelled('', t.parsedEvents > 0 ? noMatchText(doc, m, opts.tz) : t.lines > 0 ? m.noRecords : m.noLines, opts.width));
    return out.join('\n') + '\n';
  }

  out.push('');
  out.push(wrapItems(rowLabel(c, m.label.probes), probesItems(doc.probes, msg), opts.width));
  const notProbes = msg.notProbes(doc.probes);
  if (notProbes.length > 0) out.push(wrapItems(rowLabel(c, m.label.notProbes), notProbes, opts.width));
  out.push(wrapItems(rowLabel(c, m.label.actions), shares(doc.byAction, t.packets, msg, msg.action), opts.width));
  out.push(wrapItems(rowLabel(c, m.label.protocols), protocolItems(doc.byProto, t.packets, msg), opts.width));
  out.push(wrapItems(rowLabel(c, m.label.direction), shares(doc.byDirection, t.packets, msg, msg.direction), opts.width));
  if (doc.byFormat.length > 1) out.push(wrapItems(rowLabel(c, m.label.formats), shares(doc.byFormat, t.packets, msg), opts.width));
  if (doc.ruleLabels > 1) out.push(wrapItems(rowLabel(c, m.label.loggedAs), ruleItems(doc, msg, termSafe), opts.width));
  if (doc.perHour.some((v) => v > 0)) out.push(`${rowLabel(c, m.label.perHour)}${sparkline(doc.perHour, c.dim)}${sparkAside('00-23', msg)}`);
  // The sparkline and its "(11-01 → 11-30)" fit the width, or the busiest days are listed.
  const perDay = perDayRow(doc.perDay, m, Math.min(SPARK_DAYS, opts.width - 11 - 20));
  if (perDay !== null) {
    out.push('items' in perDay ? wrapItems(rowLabel(c, m.label.perDay), perDay.items, opts.width) : `${rowLabel(c, m.label.perDay)}${sparkline(perDay.spark, c.dim)}${sparkAside(`${perDay.from} → ${perDay.to}`, msg)}`);
  }
  out.push(...renderReportSectionsText(doc, opts));
  return out.join('\n') + '\n';
}

/**
 * The tables under the header: top sources with findings, top destination ports,
 * notable interpretations, the eviction note. Lines to join with "\n"; also used by
 * `logscan daily` under its own header.
 */
export function renderReportSectionsText(doc: ReportDoc, opts: TextOptions): string[] {
  const c = pc.createColors(opts.color);
  const m = messages(opts.lang).report;
  const h = m.head;
  const out: string[] = [];
  if (doc.sources.length > 0) {
    const withYear = spansYears(doc.span, opts.tz);
    const cols: Column<RankedSource>[] = [
      { head: h.rank, cell: (r) => String(r.rank) },
      { head: h.source, cell: (r) => termSafe(r.ip) + (r.ptr ? `\n${shorten(termSafe(r.ptr), 32)}` : ''), narrow: { least: addressLeast(doc.sources.map((r) => termSafe(r.ip))), wrap: wrapAddressCell } },
      { head: h.score, cell: (r) => r.score.toFixed(1) },
      // Packets, as every other count of the report (and the HTML page's column): a repeated message counts each time.
      { head: unitHead(rowsUnit(doc.sources), h), cell: (r) => fmtInt(r.packets) },
      { head: h.ports, cell: (r) => breadth(r.ports, r.portsCapped) },
      { head: h.hosts, cell: (r) => breadth(r.hosts, r.hostsCapped), drop: 1 },
      // With the year, the time goes under the date, to keep the column narrow.
      { head: h.seen, cell: (r) => seenText(r.first, r.last, opts.tz, { sep: '\n→ ', withYear, dateSep: withYear ? '\n' : ' ' }), drop: 2 },
    ];
    const why: Column<RankedSource> = { head: h.why, cell: (r) => [r.explanation, ...whyNotes(r, opts.lang)].map(termSafe).join(' · ') };
    // --geoip: country and AS before the explanation; dropped last on a narrow terminal.
    if (doc.sources.some((r) => r.geo !== undefined || r.as !== undefined)) cols.push({ head: h.geo, cell: geoCell, drop: 0.5 });
    const colored = (r: RankedSource, col: number, text: string): string => (col === 2 ? sevColor(c, r.severity)(text) : text);
    const title = doc.rankedSources > doc.sources.length ? m.topSourcesOf(doc.sources.length, doc.rankedSources) : m.topSources;
    out.push('', c.bold(title), notedTable(doc.sources, cols, { text: why, least: WHY_LEAST, optionalCounts: false, leftOut: leftOutLine(opts.lang) }, c, opts.width, colored));
    // The header counted them: say where the difference to the ranking went.
    if (doc.unrankedSources) out.push(wrapLabelled('', m.unranked(doc.unrankedSources, doc.totals.sources), opts.width, c.dim));
    if (doc.findings.length > 0) {
      const items = doc.findings.map((f) => sevColor(c, f.maxSeverity)(m.findingItem(findingLabel(f.id, opts.lang), f.id, fmtInt(f.sources))));
      out.push(wrapItems(rowLabel(c, m.label.findings), items, opts.width));
    }
    if (doc.sourceRanges.length > 0) {
      out.push(wrapItems(rowLabel(c, m.label.ranges), doc.sourceRanges.map((r) => m.rangeItem(termSafe(r.name), r.sources)), opts.width));
    }
    const noTtl = osHintNoTtlText(doc, m);
    if (noTtl !== null) out.push(wrapLabelled('', noTtl, opts.width, c.dim));
    // Asked about particular addresses (--source): say all the ranking knows of the first few.
    if (doc.filters.sources.length > 0) for (const r of doc.sources.slice(0, DETAILED_SOURCES)) out.push(...detailsText(r, opts, c));
  } else if (doc.rankedSources > 0) {
    out.push('', c.bold(m.topSources), wrapLabelled('', m.noneAtSeverity(doc.filters.minSeverity ?? 0, doc.rankedSources), opts.width));
  } else if (doc.topSources.length > 0) {
    const rows = doc.topSources.map((s, i) => [String(i + 1), termSafe(s.ip), fmtInt(s.packets)]);
    // Nothing was ranked (docs/ranking.md): say why, so the busiest address is not read as an attacker.
    const unit = rowsUnit(doc.topSources);
    out.push('', c.bold(m.topBy(unit)), wrapLabelled('', m.noneRanked, opts.width), textTable([h.rank, h.source, unitHead(unit, h)], rows, c));
  }
  if (doc.topCountries && doc.topCountries.length > 0) {
    const items = doc.topCountries.map((x) => m.originItem(termSafe(x.country ?? '?'), x.packets, x.sources, x.connections));
    out.push('', wrapItems(rowLabel(c, m.label.countries), items, opts.width));
  }
  if (doc.topNetworks && doc.topNetworks.length > 0) {
    const items = doc.topNetworks.map((x) => m.originItem(`AS${x.number}${x.organization ? ` ${shorten(termSafe(x.organization), 24)}` : ''}`, x.packets, x.sources, x.connections));
    out.push(wrapItems(rowLabel(c, m.label.networks), items, opts.width));
  }
  if (doc.topPorts.length > 0) {
    const rows = doc.topPorts.map((p) => [`${p.port}/${termSafe(p.proto)}`, fmtInt(p.packets), portSourcesText(p.sources, doc.topPortSourcesCapped), fmtPct(p.share), knownAsText(p.names, messages(opts.lang).nameSep)]);
    // Each column as wide as its heading or its widest value: set widths left "22/tcp"
    // columns of blank while "known as" wrapped at 65 columns, and cut a count of 10 million over two lines.
    const countHead = portsCountHead(doc, h);
    const fixed = [h.port, countHead, h.sourceCount, h.share].map((x, i) => colWidth([x, ...rows.map((r) => r[i]!)]));
    const table = textTable([h.port, countHead, h.sourceCount, h.share, h.knownAs], rows, c, fitWidths(fixed, opts.width, 18));
    out.push('', c.bold(portsTitle(doc, m)), table);
    const late = portsLateNote(doc, m);
    if (late !== null) out.push(wrapLabelled('', late, opts.width));
  }
  if (showsTargets(doc)) out.push(...targetsText(doc, opts, c));
  if (doc.interpretations.length > 0) {
    type I = ReportDoc['interpretations'][number];
    const named = (i: I): string => termSafe(namedAnnotation(i.id, opts.lang));
    const cols: Column<I>[] = [
      // Name and id wrap at INTERPRETATION_WIDTH: unwrapped, the longest took the width the meaning needs.
      { head: h.interpretation, cell: (i) => wrapText(named(i), INTERPRETATION_WIDTH).join('\n'), narrow: { least: INTERPRETATION_LEAST, wrap: rewrap } },
      { head: h.sev, cell: (i) => String(i.severity) },
      { head: unitHead(rowsUnit(doc.interpretations), h), cell: (i) => fmtInt(i.packets) },
      { head: h.sourceCount, cell: (i) => capped(i.sources, i.sourcesCapped) },
      { head: h.example, cell: (i) => (i.textSource !== null ? termSafe(i.textSource) : '-'), drop: 1, narrow: { least: addressLeast(doc.interpretations.map((i) => (i.textSource !== null ? termSafe(i.textSource) : '-'))), wrap: wrapAddressCell } },
    ];
    const meaning: Column<I> = { head: h.meaning, cell: (i) => termSafe(interpretationMeaning(i, opts.lang)) };
    const colored = (i: I, col: number, text: string): string => (col <= 1 ? sevColor(c, i.severity)(text) : text);
    // Under the rows, name and id on one line where the other columns leave room for it.
    const widenFirst = (room: number): ((i: I) => string) => {
      const nameWidth = Math.max(INTERPRETATION_WIDTH, Math.min(room, colWidth(doc.interpretations.map(named))));
      return (i) => wrapText(named(i), nameWidth).join('\n');
    };
    const table = notedTable(doc.interpretations, cols, { text: meaning, least: MEANING_LEAST, optionalCounts: true, widenFirst, leftOut: leftOutLine(opts.lang) }, c, opts.width, colored);
    out.push('', c.bold(m.interpretations), table);
  }
  const p = doc.profiles;
  if (p.evicted > 0) out.push('', wrapLabelled('', m.evicted(p.cap, p.evicted, p.evictedEvents), opts.width, c.yellow));
  return out;
}
