// The terminal report: a header, then compact tables. Every string that came from a
// log goes through termSafe; colour only when the caller says the terminal wants it.
import { countUnit, rowsUnit, unitHead } from './count-unit.js';
import { zoneName } from '../daily/day.js';
import pc from 'picocolors';
import type { ReportDoc, RuleCounted } from '../aggregate/report.js';
import { ruleFields } from '../parsers/registry.js';
import type { RankedSource } from '../aggregate/summary.js';
import { NO_RULE } from '../aggregate/overview.js';
import { sourceRulesCounted } from '../aggregate/rule-message.js';
import type { Lang } from '../knowledge/types.js';
import { findingLabel, inputProblemText, messages, wordFor, type Messages } from '../i18n/messages.js';
import { boxTable, displayWidth, fitWidths, spanWidth, wrapAddress, wrapItems, wrapLabelled, wrapPath, wrapText } from './box-table.js';
import { termSafe } from './sanitize.js';
import { cmpName, cmpStr } from '../util/compare.js';
import { capped, fmtInt, fmtPct } from '../util/number-text.js';
import { formatDateTime, zonedParts } from './time-format.js';
import { yearText } from '../util/year-range.js';
import { namedAnnotation } from '../annotate/roles.js';
import { inWhyOrder } from '../aggregate/finding-ids.js';

export interface TextOptions {
  color: boolean;
  /** Terminal width to fit tables into. */
  width: number;
  tz: string | null;
  /** Language of the headings and phrases (--lang). */
  lang: Lang;
}

type Colors = ReturnType<typeof pc.createColors>;

const SPARK = '▁▂▃▄▅▆▇█';
/**
 * An hour (or day) with no records: a mark that holds its place, so a sparse log's row still
 * reads as one row of 24 (a space left gaps that looked misaligned), and that no bar can be
 * taken for: the lowest bar is "some", never "none", with colour or without (NO_COLOR).
 */
export const SPARK_EMPTY = '·';
const EMPTY_RUN = new RegExp(`${SPARK_EMPTY}+`, 'g');

/**
 * One character a value, the bars scaled to the largest, SPARK_EMPTY for none; `empty`
 * paints each run of empty places (dim on a terminal), so the bars stand out.
 */
export function sparkline(values: readonly number[], empty: (s: string) => string = (s) => s): string {
  const max = Math.max(0, ...values);
  return values
    .map((v) => (v <= 0 || max === 0 ? SPARK_EMPTY : SPARK[Math.min(SPARK.length - 1, Math.floor((v / max) * (SPARK.length - 1) + 0.5))]))
    .join('')
    .replace(EMPTY_RUN, empty);
}

/**
 * A compact bordered table. Cells may hold several lines; a line wider than its column
 * is wrapped (wrapText: at spaces, Chinese anywhere, an over-long word cut, nothing
 * lost). `widths` are text columns (the border adds 3 per column and 1); without them
 * each column is as wide as its widest line. `paint` colours a cell line by line, so a
 * colour never spans a border.
 */
function textTable(
  head: readonly string[],
  rows: readonly (readonly string[])[],
  c: Colors,
  widths?: readonly number[],
  paint?: (row: number, col: number, line: string) => string,
  notes?: readonly string[],
): string {
  const split = rows.map((r) => r.map((cell) => cell.split('\n')));
  const w = widths ?? head.map((h, col) => Math.max(displayWidth(h), ...split.map((r) => Math.max(...r[col]!.map(displayWidth)))));
  const cells = split.map((r, row) =>
    r.map((lines, col) => lines.flatMap((l) => (displayWidth(l) > w[col]! ? wrapText(l, w[col]!) : [l])).map((l) => (paint ? paint(row, col, l) : l))),
  );
  return boxTable(head.map((h) => c.bold(h)), cells, w, true, notes);
}

/** Severity → colour: 5 bold red, 4 red, 3 yellow, 2 cyan, 0-1 dim. */
export function sevColor(c: Colors, sev: number): (s: string) => string {
  if (sev >= 5) return (s) => c.bold(c.red(s));
  if (sev >= 4) return c.red;
  if (sev >= 3) return c.yellow;
  if (sev >= 2) return c.cyan;
  return c.dim;
}

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

/** Text width a column needs for these cells. */
function colWidth(cells: string[]): number {
  let w = 0;
  for (const s of cells) for (const line of s.split('\n')) w = Math.max(w, displayWidth(line));
  return w;
}

/**
 * Natural column widths, narrowed to fit `width` terminal columns: each [column, least
 * width] in turn gives up what it can (its cells then wrap). A long error message or path
 * would otherwise push the table past the terminal's edge.
 */
function shrinkToFit(head: readonly string[], rows: readonly (readonly string[])[], width: number, shrinkable: readonly (readonly [number, number])[]): number[] {
  const widths = head.map((hd, col) => colWidth([hd, ...rows.map((r) => r[col]!)]));
  let over = widths.reduce((a, b) => a + b, 0) + 3 * widths.length + 1 - width;
  for (const [col, least] of shrinkable) {
    if (over <= 0) break;
    const give = Math.max(0, Math.min(over, widths[col]! - Math.max(least, displayWidth(head[col]!))));
    widths[col]! -= give;
    over -= give;
  }
  return widths;
}

/** The narrowest a table's free-text column gets: "vertical scan:" still fits on a line. */
const LAST_FLOOR = 14;

interface Column<T> {
  head: string;
  cell(row: T): string;
  /** Dropped first (highest first) when the terminal is narrow. */
  drop?: number;
  /**
   * A column of addresses (an IPv6 one is 39 columns): when even with every optional
   * column dropped the table would be wider than the terminal, it narrows to as little
   * as `least` columns and `wrap` breaks each cell to that width.
   */
  narrow?: { least: number; wrap(cell: string, width: number): string };
}

/** The narrowest an address column gets: two IPv6 groups ("2001:db8:") a line, so the sources table of a 65-column terminal fits. */
const ADDRESS_LEAST = 10;

/**
 * The narrowest an address column of these addresses gets: an IPv4 address has no ':' to
 * break after, and cut anywhere else ("198.51.100.10" over "0") it reads as another address.
 */
function addressLeast(addresses: readonly string[]): number {
  return Math.max(ADDRESS_LEAST, ...addresses.filter((a) => !a.includes(':')).map(displayWidth));
}

/** Below its floor, the last column still takes what is left down to this before the table overflows (an IPv4 address is not cut). */
const LAST_LEAST = 10;

/** An address cell's first line (the address) broken after its ':'s to `width`; the lines under it (a PTR name) wrap as any text. */
function wrapAddressCell(cell: string, width: number): string {
  const [address = '', ...rest] = cell.split('\n');
  return [...wrapAddress(address, width), ...rest].join('\n');
}

/**
 * A table whose last column (free text) takes what the terminal has left; optional
 * columns are dropped when that would leave it narrower than minLast. With none left to
 * drop it may go down to LAST_FLOOR columns (taller, but inside the terminal); below
 * that an address column gives up columns (its IPv6 addresses wrap after a ':'), and then
 * the last column down to LAST_LEAST, before the table overflows.
 */
function fittedTable<T>(rows: readonly T[], cols: Column<T>[], c: Colors, width: number, minLast = 22, color?: (row: T, col: number, text: string) => string, note?: (row: T) => string): string {
  let use = cols;
  for (;;) {
    const fixed = use.slice(0, -1).map((col) => colWidth([col.head, ...rows.map((r) => col.cell(r))]));
    const widths = fitWidths(fixed, width, 0);
    const droppable = use.filter((col) => col.drop !== undefined);
    if (widths[fixed.length]! >= minLast || droppable.length === 0) {
      const floor = droppable.length === 0 ? Math.min(minLast, LAST_FLOOR) : minLast;
      // What the last column lacks: fitWidths gives it at least 0, the table may be wider still.
      const used = (ws: readonly number[]): number => ws.reduce((a, b) => a + b, 0) + 3 * (ws.length + 1) + 1;
      let short = floor - (width - used(fixed));
      for (const [i, col] of use.slice(0, -1).entries()) {
        if (short <= 0 || col.narrow === undefined) continue;
        const give = Math.max(0, Math.min(short, fixed[i]! - Math.max(col.narrow.least, displayWidth(col.head))));
        widths[i]! -= give;
        short -= give;
      }
      widths[fixed.length] = Math.max(Math.min(floor, LAST_LEAST), width - used(widths.slice(0, -1)));
      const cells = rows.map((r) => use.map((col, i) => (col.narrow !== undefined && widths[i]! < fixed[i]! ? col.narrow.wrap(col.cell(r), widths[i]!) : col.cell(r))));
      return textTable(
        use.map((col) => col.head),
        cells,
        c,
        widths,
        color && ((row, col, line) => color(rows[row]!, col, line)),
        note && rows.map(note),
      );
    }
    const worst = droppable.reduce((a, b) => ((b.drop ?? 0) > (a.drop ?? 0) ? b : a));
    use = use.filter((col) => col !== worst);
  }
}

/** The narrowest meaning column beside the others; below it each meaning is a note under its row. */
const MEANING_LEAST = 40;

/** The narrowest "why" column beside the sources' numbers; below it each why goes under its row. */
const WHY_LEAST = 20;

/** How a table's free-text column becomes a note under each row (notedTable). */
interface NoteRule<T> {
  /** The free text, the table's last column or each row's note. */
  text: Column<T>;
  /** The narrowest it gets beside the other columns; below it each row's text goes under the row. */
  least: number;
  /**
   * Whether the optional columns count against that room. The sources' seen and hosts
   * do not: beside a why column they are dropped first. The interpretations' example
   * does: it stays beside the names while the meanings go under them.
   */
  optionalCounts: boolean;
  /** Where the text goes under the rows: the first column's cell given the room the others leave it (names on one line). */
  widenFirst?: (room: number) => (row: T) => string;
}

/**
 * A table whose free-text column goes under each row, across the table, when the columns
 * beside it would leave it fewer than `rule.least`: at 65 columns "vertical scan: 300
 * ports in 2 min" took seven lines of a 15-column cell, and a meaning a dozen lines of a
 * 30-column one. Optional columns then stay while they fit at their natural width.
 */
function notedTable<T>(rows: readonly T[], cols: Column<T>[], rule: NoteRule<T>, c: Colors, width: number, color: (row: T, col: number, text: string) => string): string {
  const natural = (cs: readonly Column<T>[]): number[] => cs.map((col) => colWidth([col.head, ...rows.map((r) => col.cell(r))]));
  const counted = rule.optionalCounts ? cols : cols.filter((col) => col.drop === undefined);
  if (width - spanWidth([...natural(counted), 0]) - 4 >= rule.least) return fittedTable(rows, [...cols, rule.text], c, width, 22, color);
  let keep = cols;
  while (spanWidth(natural(keep)) + 4 > width && keep.some((col) => col.drop !== undefined)) {
    const worst = keep.reduce((a, b) => ((b.drop ?? -1) > (a.drop ?? -1) ? b : a));
    keep = keep.filter((col) => col !== worst);
  }
  // The last column keeps its natural width (fittedTable's "last" is a free-text column's place).
  const minLast = natural(keep.slice(-1))[0]!;
  if (rule.widenFirst !== undefined) {
    const [first, ...rest] = keep;
    keep = [{ ...first!, cell: rule.widenFirst(width - spanWidth([0, ...natural(rest)]) - 4) }, ...rest];
  }
  return fittedTable(rows, keep, c, width, minLast, color, (r) => rule.text.cell(r).replace(/\n/g, ' '));
}

/** An interpretation's name and id a line: the longest id in brackets ("(srcport-dns-disguise)") fits. */
const INTERPRETATION_WIDTH = 24;
/** On a narrow terminal the column gives up to this much, an id then cut over two lines, before the table overflows. */
const INTERPRETATION_LEAST = 12;

/** A cell of lines wrapped again, each to `width`. */
function rewrap(cell: string, width: number): string {
  return cell.split('\n').flatMap((l) => wrapText(l, width)).join('\n');
}

/** At most `max` characters, "…" when cut. */
export function shorten(s: string, max: number): string {
  const chars = [...s];
  return chars.length > max ? chars.slice(0, max - 1).join('') + '…' : s;
}

/** --os-hint annotation: "likely Linux/Unix [TTL 52, win 64240]" (the evidence in brackets). */
function osHintText(r: RankedSource, lang: Lang): string {
  return r.osHint ? messages(lang).report.osHint(r.osHint.text, r.osHint.ttl, r.osHint.window) : '';
}

/** A fact about a source: its label and its lines (plain text, from logs in part: escape for the output). */
export interface SourceFact {
  label: string;
  lines: string[];
  /** A fact that is a list ("drop 3 · allow 1"): its items, which `lines` holds joined; the text wraps it item by item, each long one from a line of its own. */
  items?: string[];
}

/** "a 3 · b 1": the non-zero counts of a record; `word` names a key for the reader (the verdicts in --lang). */
function countsItems(o: Readonly<Record<string, number>>, word: (key: string) => string = (k) => k): string[] {
  return Object.entries(o)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${word(k)} ${fmtInt(n)}`);
}

/** "known port (port-known) 31 · trojan or worm port (trojan) 3": the non-zero counts named by `word`, busiest first, ties by that name. */
function busiestItems(o: Readonly<Record<string, number>>, word: (key: string) => string): string[] {
  return Object.entries(o)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => [word(k), n] as const)
    .sort((a, b) => b[1] - a[1] || cmpName(a[0], b[0]))
    .map(([w, n]) => `${w} ${fmtInt(n)}`);
}

/**
 * What the ranking knows of a source, the JSON row's fields in words: first and last seen,
 * each finding's text, the busiest ports, hosts, TCP flags, verdicts, log prefixes,
 * interpretations, the terms of the score. The HTML pages' "details" under each row, and
 * the text report's block for a source asked for with --source.
 */
export function sourceFacts(r: RankedSource, tz: string | null, lang: Lang): SourceFact[] {
  const msg = messages(lang);
  const D = msg.report.details;
  const facts: SourceFact[] = [];
  // A no-break space inside each time: a narrow column breaks between the two, not within one.
  const seen = [r.first, r.last].filter((t): t is string => t !== null).map((t) => formatDateTime(new Date(t), tz).replace(' ', '\u00a0'));
  if (seen.length > 0) facts.push({ label: D.seen, lines: [seen.join(' → ')] });
  // The whole of what the why line shortens (every trojan family): the details are where a person looks for it.
  if (r.findings.length > 0) facts.push({ label: D.findings, lines: inWhyOrder(r.findings).map((f) => f.fullText ?? f.text) });
  // A source of ICMP only has no ports to list.
  if (r.topPorts.length > 0) {
    const ports = r.topPorts.map((p) => `${p.port}/${p.proto} ${fmtInt(p.packets)}`).join(' · ');
    facts.push({ label: D.ports(r.ports, r.portsCapped, r.tcpPorts, r.udpPorts), lines: [ports] });
  }
  facts.push({ label: D.hosts, lines: [capped(r.hosts, r.hostsCapped)] });
  const verdict = (k: string): string => wordFor(msg.action, k);
  const unit = countUnit(r);
  for (const [label, items] of [
    // Connection rows record no flags (profile-rows.ts): what this counts is packets, whatever the source's mix.
    [D.flags, countsItems(r.tcpFlags)],
    [D.actions(unit), countsItems(r.actions, verdict)],
    [D.rules, sourceRuleItems(r, msg)],
    // Busiest first, as the interpretations table is: the JSON record is keyed in id order.
    [D.interpretations(unit), busiestItems(r.annotations, (id: string) => namedAnnotation(id, lang))],
  ] as const) {
    if (items.length > 0) facts.push({ label, lines: [items.join(' · ')], items });
  }
  const p = r.scoreParts;
  facts.push({ label: D.score, lines: [`${r.score.toFixed(1)}${msg.colon}${D.scoreParts(String(p.breadth), String(p.findings), String(p.volume), String(p.persistence), String(p.factor))}`] });
  return facts;
}

/**
 * A source's "logged as" items, its labels said as the report's "logged as" row says them
 * (ruleRows: an ASA tag by its message id's name, "ASA message" before the first), each
 * with its packets. A label as logged keeps the space before its count these items always
 * had, so no other firewall's labels read differently here.
 */
function sourceRuleItems(r: RankedSource, msg: Messages): string[] {
  return ruleRows(sourceRulesCounted(r.rules, r.messageNames, r.messageFormat), msg).map((row) =>
    row.kind === 'words' ? `${ruleLabel(row, msg.report)}${fmtInt(row.packets)}` : `${row.name} ${fmtInt(row.packets)}`,
  );
}

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

/** "decoded: fw.log is UTF-16LE text with a byte-order mark …": an input read as UTF-16 (the report, follow's summaries). */
export function decodedNote(file: string, encoding: string, lang: Lang): string {
  const msg = messages(lang);
  return `${msg.report.decodedLabel}${msg.colon}${termSafe(file)}${msg.report.decoded(encoding)}`;
}

/** What the "why" column says after the explanation, each after " · ": the address's range, --os-hint's guess. */
export function whyNotes(r: RankedSource, lang: Lang): string[] {
  const notes: string[] = [];
  if (r.addressRange) notes.push(r.addressRange.note);
  if (r.osHint) notes.push(osHintText(r, lang));
  return notes;
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

/** "686 (98%)" (zh "686（98%）"): a count and its share of `total`, the share left out when there is none. */
export function countShare(packets: number, total: number, msg: Messages): string {
  return `${fmtInt(packets)}${total > 0 ? msg.aside(fmtPct(packets / total)) : ''}`;
}

/** A rule label as the reader sees it: the label as logged, or "(none)" (zh "（无）") for records without one. */
export function ruleName(key: string, m: Messages['report']): string {
  return key === NO_RULE ? m.noRule : key;
}

/**
 * One "logged as" row: `name` as logged (`kind` "logged": a log prefix, a pf rule and
 * tracker, a Windows action column; code in HTML), in words (`kind` "words": a Cisco ASA
 * message id and access list, as `explain 'LINE'` says them), or "(none)".
 */
export interface RuleRow {
  name: string;
  kind: 'logged' | 'words' | 'none';
  packets: number;
}

/**
 * The rule labels counted (`rules`, busiest first) as the reader sees them: a label
 * that holds a device's message id said in the words of the format that logged it (its
 * ruleFields, cached: a report lists ten labels) with the name the knowledge base gives
 * the id (`messageName`), and labels said alike counted as one (ASA-6-302014 and
 * FTD-6-302014 are both 302014). What the ids are is said once, before the first named
 * one ("ASA message 302014 TCP connection closed · 302013 TCP connection built"), not on
 * every item.
 */
export function ruleRows(rules: readonly RuleCounted[], msg: Messages): RuleRow[] {
  const m = msg.report;
  const byName = new Map<string, RuleRow & { named: boolean }>();
  for (const r of rules) {
    const row = ruleRow(r, m);
    const same = byName.get(row.name);
    if (same === undefined) byName.set(row.name, row);
    else same.packets += row.packets;
  }
  const out = [...byName.values()];
  if (out.length !== rules.length) out.sort((a, b) => b.packets - a.packets || cmpStr(a.name, b.name));
  const first = out.find((r) => r.named);
  if (first !== undefined) first.name = m.ruleMessagesLead(first.name);
  return out.map(({ name, kind, packets }) => ({ name, kind, packets }));
}

function ruleRow(r: RuleCounted, m: Messages['report']): RuleRow & { named: boolean } {
  if (r.key === NO_RULE) return { name: m.noRule, kind: 'none', packets: r.packets, named: false };
  const f = r.format === undefined ? null : ruleFields(r.format, r.key);
  if (f === null || f.code === undefined) return { name: r.key, kind: 'logged', packets: r.packets, named: false };
  if (r.messageName === undefined) return { name: f.name !== undefined ? m.ruleAccessList(f.name, f.code) : m.ruleMessageId(f.code), kind: 'words', packets: r.packets, named: false };
  return { name: namedMessage(f.code, r.messageName, f.name, m), kind: 'words', packets: r.packets, named: true };
}

/** A message id with its name, and the access list it names in brackets after it: "106023 denied by access list (Inside_access_in)". */
function namedMessage(code: string, name: string, list: string | undefined, m: Messages['report']): string {
  const message = m.ruleMessage(code, name);
  return list !== undefined ? m.ruleMessageList(message, list) : message;
}

/**
 * A label that holds a named message id, alone, as the "logged as" row says the first of
 * them ("ASA message 302014 TCP connection closed"): `explain 'LINE'`'s one record. Null
 * when the label holds no message id (`format`'s ruleFields give no code).
 */
export function ruleMessageText(format: string, rule: string, messageName: string, msg: Messages): string | null {
  const f = ruleFields(format, rule);
  return f.code === undefined ? null : msg.report.ruleMessagesLead(namedMessage(f.code, messageName, f.name, msg.report));
}

/** "  (00-23)" after a sparkline, the brackets the language's (a sparkline is no word to write a bracket against). */
export function sparkAside(s: string, msg: Messages): string {
  return `  ${msg.aside(s).trimStart()}`;
}

/**
 * A rule label as a "logged as" item shows it, with what separates it from its count: one
 * that ends in a digit gets the colon its log writes after it (`DROP IN: 229`), so the two
 * numbers do not run together (`DROP IN 229`); one said in words, the language's colon
 * (`message id 302014: 39`, zh `消息 ID 302014：39`).
 */
export function ruleLabel(row: RuleRow, m: Messages['report']): string {
  const last = row.name.charCodeAt(row.name.length - 1);
  if (last < 48 || last > 57) return `${row.name} `;
  return row.kind === 'words' ? m.ruleBeforeCount(row.name) : `${row.name}: `;
}

/**
 * The "logged as" labels past the listed ones (`labels` in all), and their packets (of
 * `packets` in all), so a "+N more" row adds up; null when every label is listed.
 */
export function otherRules(rules: readonly { packets: number }[], labels: number, packets: number): { labels: number; packets: number } | null {
  return labels > rules.length ? { labels: labels - rules.length, packets: packets - rules.reduce((n, r) => n + r.packets, 0) } : null;
}

/**
 * The "logged as" items: each log prefix / rule label with its packets and share, and
 * "+N more" past the ten the report keeps; `esc` makes the labels safe for the format.
 */
export function ruleItems(doc: Pick<ReportDoc, 'byRule' | 'ruleLabels' | 'totals'>, msg: Messages, esc: (s: string) => string): string[] {
  const m = msg.report;
  const items = ruleRows(doc.byRule, msg).map((r) => `${esc(ruleLabel(r, m))}${countShare(r.packets, doc.totals.packets, msg)}`);
  const more = otherRules(doc.byRule, doc.ruleLabels, doc.totals.packets);
  if (more !== null) items.push(m.moreLabels(more.labels));
  return items;
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

/** ["700 lines", "693 events (697 packets)", "7 skipped", "0 malformed", "196 sources"]: the header's count line. */
function recordsItems(t: ReportDoc['totals'], lang: Lang, markMalformed: (s: string) => string = (s) => s): string[] {
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

/** The filter items of the header: "since … · until … · source … · min severity 3". */
export function filterItems(f: ReportDoc['filters'], m: Messages['report'], tz: string | null, esc: (s: string) => string): string[] {
  const filt: string[] = [];
  if (f.since) filt.push(m.since(formatDateTime(new Date(f.since), tz)));
  if (f.until) filt.push(m.until(formatDateTime(new Date(f.until), tz)));
  if (f.sources.length > 0) filt.push(m.sourceFilter(f.sources.map(esc).join(', ')));
  if (f.minSeverity !== null) filt.push(m.minSeverity(f.minSeverity));
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

/** A port's distinct sources ("≥" when they are lower bounds), '-' when not counted. */
/** Under the probed ports: scanners' late packets no row counts (ReportDoc.topPortsLateUncounted), or null. */
export function portsLateNote(doc: Pick<ReportDoc, 'topPortsLateUncounted'>, m: Messages['report']): string | null {
  const u = doc.topPortsLateUncounted;
  return u.packets > 0 && u.portsCounted !== null ? m.portsLateUncounted(u.packets, u.sources, u.portsCounted) : null;
}

export function portSourcesText(n: number | null, isCapped: boolean): string {
  return n === null ? '-' : capped(n, isCapped);
}

/** A port's "known as" cell: its first three names, each through `esc` for the format. */
export function knownAsText(names: readonly string[], nameSep: string, esc: (s: string) => string = (s) => s): string {
  return names.slice(0, 3).map(esc).join(nameSep) || '-';
}

/** Days a sparkline or chart may cover, one character or bar each (two months); a longer span lists its busiest days. */
export const SPARK_DAYS = 62;
/** Days listed one by one; more become a sparkline. */
const LISTED_DAYS = 7;

/** A per-day row: the days one by one (a week or less), a sparkline over the calendar (two months or less), or the busiest days. */
export type PerDayRow = { items: string[] } | { spark: number[]; from: string; to: string };

/** Null when the records fall on a single day (the hours say it all). */
export function perDayRow(days: ReportDoc['perDay'], m: Messages['report'], maxSpark = SPARK_DAYS): PerDayRow | null {
  if (days.length < 2) return null;
  const name = dayNamer(days);
  if (days.length <= LISTED_DAYS) return { items: days.map((d) => `${name(d.day)} ${fmtInt(d.packets)}`) };
  const calendar = calendarDays(days, maxSpark);
  if (calendar !== null) return { spark: calendar.map((d) => d.packets), from: name(days[0]!.day), to: name(days[days.length - 1]!.day) };
  const busiest = [...days].sort((a, b) => b.packets - a.packets || cmpStr(a.day, b.day)).slice(0, 5);
  const [first, ...rest] = busiest.map((d) => `${d.day} ${fmtInt(d.packets)}`);
  return { items: [m.daysBusiest(days.length, first!), ...rest] };
}

/** "11-20" when the days are all of one year, else "2026-11-20" (also for no days at all). */
export function dayNamer(days: ReportDoc['perDay']): (day: string) => string {
  const first = days[0];
  const last = days[days.length - 1];
  const sameYear = first !== undefined && last !== undefined && first.day.slice(0, 4) === last.day.slice(0, 4);
  return (day) => (sameYear ? day.slice(5) : day);
}

/**
 * Every calendar day from the first to the last (days without records at 0), or null when
 * that is more than `max`, or when there are no days or a day is not a YYYY-MM-DD date.
 */
export function calendarDays(days: ReportDoc['perDay'], max = SPARK_DAYS): ReportDoc['perDay'] | null {
  const ms = (day: string): number => (/^\d{4}-\d{2}-\d{2}$/.test(day) ? Date.parse(`${day}T00:00:00Z`) : NaN);
  if (days.length === 0) return null;
  const first = ms(days[0]!.day);
  const n = Math.round((ms(days[days.length - 1]!.day) - first) / 86_400_000) + 1;
  if (!(n >= 1 && n <= max) || days.some((d) => Number.isNaN(ms(d.day)))) return null;
  const out = Array.from({ length: n }, (_, i) => ({ day: new Date(first + i * 86_400_000).toISOString().slice(0, 10), packets: 0, blocked: 0 }));
  for (const d of days) out[Math.round((ms(d.day) - first) / 86_400_000)] = d;
  return out;
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

/** Said under the time span when some times had no zone in the log: the zone they were read in, and how to change it. */
export function zonelessText(doc: ReportDoc, m: Messages['report']): string | null {
  return doc.zonelessTimes ? m.zoneless(doc.tz, !doc.tzAssumed) : null;
}

/** What the log says is missing from it (Windows Firewall INFO-EVENTS-LOST rows), or null when it says nothing is. */
export function logGapsText(doc: ReportDoc, m: Messages['report'], tz: string | null): string | null {
  const g = doc.logGaps;
  if (g === null) return null;
  const times = [...new Set([g.first, g.last])].filter((t): t is string => t !== null).map((t) => formatDateTime(new Date(t), tz));
  return m.logGaps(g.records, g.uncounted, g.rows, times.length === 0 ? null : times.join(' → '));
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
    const zone = zonelessText(doc, m);
    if (zone !== null) out.push(wrapLabelled('', termSafe(zone), opts.width, c.dim));
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
      i.error ? termSafe(inputProblemText(i, opts.lang)!.replace(`${i.file}: `, '')) : (i.format ?? '-') + (i.formatBy === 'fallback' ? m.guessed : ''),
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
  const incomplete = doc.inputs.filter((i) => i.incomplete);
  if (incomplete.length > 0) {
    out.push('', wrapLabelled('', m.incomplete(incomplete.length, doc.inputs.length, incomplete.map((i) => termSafe(i.file)).join(msg.listSep)), opts.width, c.yellow));
  }
  for (const i of doc.inputs.filter((x) => x.repeats)) {
    out.push('', wrapLabelled('', `${m.md.repeated}${msg.colon}${termSafe(i.file)}${msg.colon}${termSafe(m.repeats(i.repeats!.share, i.repeats!.records, i.repeats!.other))}`, opts.width, c.yellow));
  }
  // A log that is not UTF-8 read right is still worth a word: the reader sees why its file looked odd elsewhere.
  for (const i of doc.inputs.filter((x) => x.encoding !== null)) {
    out.push('', wrapLabelled('', decodedNote(i.file, i.encoding!, opts.lang), opts.width, c.dim));
  }
  if (doc.interrupted) out.push('', wrapLabelled('', m.interrupted(termSafe(doc.interrupted)), opts.width, c.yellow));
  const gaps = logGapsText(doc, m, opts.tz);
  if (gaps !== null) out.push('', wrapLabelled('', `${m.logGapsLabel}${msg.colon}${gaps}`, opts.width, c.yellow));

  if (t.events === 0) {
    out.push('', wrapLabelled('', t.parsedEvents > 0 ? noMatchText(doc, m, opts.tz) : m.noRecords, opts.width));
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

/** With --source, the text and Markdown reports detail this many of the sources shown. */
export const DETAILED_SOURCES = 3;

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
      { head: h.ports, cell: (r) => capped(r.ports, r.portsCapped) },
      { head: h.hosts, cell: (r) => capped(r.hosts, r.hostsCapped), drop: 1 },
      // With the year, the time goes under the date, to keep the column narrow.
      { head: h.seen, cell: (r) => seenText(r.first, r.last, opts.tz, { sep: '\n→ ', withYear, dateSep: withYear ? '\n' : ' ' }), drop: 2 },
    ];
    const why: Column<RankedSource> = { head: h.why, cell: (r) => [r.explanation, ...whyNotes(r, opts.lang)].map(termSafe).join(' · ') };
    // --geoip: country and AS before the explanation; dropped last on a narrow terminal.
    if (doc.sources.some((r) => r.geo !== undefined || r.as !== undefined)) cols.push({ head: h.geo, cell: geoCell, drop: 0.5 });
    const colored = (r: RankedSource, col: number, text: string): string => (col === 2 ? sevColor(c, r.severity)(text) : text);
    const title = doc.rankedSources > doc.sources.length ? m.topSourcesOf(doc.sources.length, doc.rankedSources) : m.topSources;
    out.push('', c.bold(title), notedTable(doc.sources, cols, { text: why, least: WHY_LEAST, optionalCounts: false }, c, opts.width, colored));
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
    const table = notedTable(doc.interpretations, cols, { text: meaning, least: MEANING_LEAST, optionalCounts: true, widenFirst }, c, opts.width, colored);
    out.push('', c.bold(m.interpretations), table);
  }
  const p = doc.profiles;
  if (p.evicted > 0) out.push('', wrapLabelled('', m.evicted(p.cap, p.evicted, p.evictedEvents), opts.width, c.yellow));
  return out;
}
