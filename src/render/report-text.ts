// The terminal report: a header, then compact tables. Every string that came from a
// log goes through termSafe; colour only when the caller says the terminal wants it.
import pc from 'picocolors';
import type { ReportDoc } from '../aggregate/report.js';
import type { RankedSource } from '../aggregate/summary.js';
import { boxTable, displayWidth, fitWidths, wrapText } from './box-table.js';
import { termSafe } from './sanitize.js';
import { counted, fmtInt, fmtPct, plural } from '../util/number-text.js';
import { formatDateTime, zonedParts } from './time-format.js';

export interface TextOptions {
  color: boolean;
  /** Terminal width to fit tables into. */
  width: number;
  tz: string | null;
}

type Colors = ReturnType<typeof pc.createColors>;

const SPARK = '▁▂▃▄▅▆▇█';

export function sparkline(values: readonly number[]): string {
  const max = Math.max(0, ...values);
  if (max === 0) return SPARK[0].repeat(values.length);
  return values.map((v) => (v === 0 ? ' ' : SPARK[Math.min(SPARK.length - 1, Math.floor((v / max) * (SPARK.length - 1) + 0.5))])).join('');
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
): string {
  const split = rows.map((r) => r.map((cell) => cell.split('\n')));
  const w = widths ?? head.map((h, col) => Math.max(displayWidth(h), ...split.map((r) => Math.max(...r[col]!.map(displayWidth)))));
  const cells = split.map((r, row) =>
    r.map((lines, col) => lines.flatMap((l) => (displayWidth(l) > w[col]! ? wrapText(l, w[col]!) : [l])).map((l) => (paint ? paint(row, col, l) : l))),
  );
  return boxTable(head.map((h) => c.bold(h)), cells, w, true);
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

/** "11-20 06:25–06:29" (same day) or "11-20 06:25–11-21 07:10", in the report's zone. */
export function seenText(first: string | null, last: string | null, tz: string | null, sep = '–'): string {
  if (!first || !last) return '-';
  const a = zonedParts(new Date(first), tz);
  const b = zonedParts(new Date(last), tz);
  const day = (z: typeof a): string => `${p2(z.month)}-${p2(z.day)}`;
  const hm = (z: typeof a): string => `${p2(z.hour)}:${p2(z.minute)}`;
  const end = a.year === b.year && a.month === b.month && a.day === b.day ? hm(b) : `${day(b)} ${hm(b)}`;
  return first === last || end === hm(a) ? `${day(a)} ${hm(a)}` : `${day(a)} ${hm(a)}${sep}${end}`;
}

/** Items joined with " · ", wrapped to `width` terminal columns, continuation lines indented like the first item. */
export function wrapItems(label: string, items: string[], width: number): string {
  const lines: string[] = [];
  const indent = displayWidth(label);
  let cur = label;
  let curLen = indent;
  let first = true;
  for (const item of items) {
    const add = (first ? '' : ' · ') + item;
    const len = displayWidth(add);
    if (!first && curLen + len > width) {
      lines.push(cur + ' ·');
      cur = ' '.repeat(indent) + item;
      curLen = indent + displayWidth(item);
    } else {
      cur += add;
      curLen += len;
    }
    first = false;
  }
  lines.push(cur);
  return lines.join('\n');
}

/** "1,073" or "≥4,096". */
export function capped(n: number, isCapped: boolean): string {
  return isCapped ? `≥${fmtInt(n)}` : fmtInt(n);
}

/** Text width a column needs for these cells. */
function colWidth(cells: string[]): number {
  let w = 0;
  for (const s of cells) for (const line of s.split('\n')) w = Math.max(w, displayWidth(line));
  return w;
}

interface Column<T> {
  head: string;
  cell(row: T): string;
  /** Dropped first (highest first) when the terminal is narrow. */
  drop?: number;
}

/**
 * A table whose last column (free text) takes what the terminal has left; optional
 * columns are dropped when that would leave it narrower than minLast.
 */
function fittedTable<T>(rows: readonly T[], cols: Column<T>[], c: Colors, width: number, minLast = 22, color?: (row: T, col: number, text: string) => string): string {
  let use = cols;
  for (;;) {
    const fixed = use.slice(0, -1).map((col) => colWidth([col.head, ...rows.map((r) => col.cell(r))]));
    const widths = fitWidths(fixed, width, 0);
    const droppable = use.filter((col) => col.drop !== undefined);
    if (widths[fixed.length]! >= minLast || droppable.length === 0) {
      widths[fixed.length] = Math.max(minLast, widths[fixed.length]!);
      const cells = rows.map((r) => use.map((col) => col.cell(r)));
      return textTable(
        use.map((col) => col.head),
        cells,
        c,
        widths,
        color && ((row, col, line) => color(rows[row]!, col, line)),
      );
    }
    const worst = droppable.reduce((a, b) => ((b.drop ?? 0) > (a.drop ?? 0) ? b : a));
    use = use.filter((col) => col !== worst);
  }
}

/** At most `max` characters, "…" when cut. */
export function shorten(s: string, max: number): string {
  const chars = [...s];
  return chars.length > max ? chars.slice(0, max - 1).join('') + '…' : s;
}

/** --os-hint annotation: "likely Linux/Unix [TTL 52, win 64240]" (the evidence in brackets). */
export function osHintText(r: RankedSource): string {
  return r.osHint ? `${r.osHint.text} [TTL ${r.osHint.ttl}${r.osHint.window !== null ? `, win ${r.osHint.window}` : ''}]` : '';
}

/** "DE AS3320" over the AS organisation, shortened; "-" when the databases know nothing. */
function geoCell(r: RankedSource): string {
  const top = [r.geo?.country ? termSafe(r.geo.country) : '', r.as ? `AS${r.as.number}` : ''].filter(Boolean).join(' ') || '-';
  return r.as?.organization ? `${top}\n${shorten(termSafe(r.as.organization), 18)}` : top;
}

function shares(rows: { key: string; packets: number }[], total: number): string {
  return rows.map((r) => `${termSafe(r.key)} ${fmtInt(r.packets)}${total > 0 ? ` (${fmtPct(r.packets / total)})` : ''}`).join(' · ');
}

/** "700 lines · 693 events (697 packets) · 7 skipped · 0 malformed · 196 sources": the header's count line (text and Markdown). */
export function recordsText(t: ReportDoc['totals'], markMalformed: (s: string) => string = (s) => s): string {
  const packets = t.packets !== t.events ? ` (${counted(t.packets, 'packet')})` : '';
  const sources = `${t.sourcesCapped ? '≥' : ''}${counted(t.sources, 'source')}`;
  return `${counted(t.lines, 'line')} · ${counted(t.events, 'event')}${packets} · ${fmtInt(t.skipped)} skipped · ${markMalformed(`${fmtInt(t.malformed)} malformed`)} · ${sources}`;
}

export function renderReportText(doc: ReportDoc, opts: TextOptions): string {
  const c = pc.createColors(opts.color);
  const out: string[] = [];
  const t = doc.totals;
  const files = doc.inputs.length === 1 ? termSafe(doc.inputs[0].file) : `${doc.inputs.length} inputs`;
  out.push(c.bold(`logscan · ${files}`));
  if (doc.span.first && doc.span.last) {
    out.push(`${formatDateTime(new Date(doc.span.first), opts.tz)} → ${formatDateTime(new Date(doc.span.last), opts.tz)}${opts.tz ? ` (${termSafe(opts.tz)})` : ''}`);
  }
  out.push(
    recordsText(t, (malformed) => (t.malformed > 0 ? c.yellow(malformed) : malformed)),
  );

  const f = doc.filters;
  const filt: string[] = [];
  if (f.since) filt.push(`since ${formatDateTime(new Date(f.since), opts.tz)}`);
  if (f.until) filt.push(`until ${formatDateTime(new Date(f.until), opts.tz)}`);
  if (f.sources.length > 0) filt.push(`source ${f.sources.map(termSafe).join(', ')}`);
  if (f.minSeverity !== null) filt.push(`min severity ${f.minSeverity}`);
  if (filt.length > 0) {
    const dropped = t.parsedEvents - t.events - (t.ignored ?? 0);
    out.push(`${c.bold('filter')}     ${filt.join(' · ')}${dropped > 0 ? ` (${counted(dropped, 'event')} left out)` : ''}`);
  }

  if (t.ignored !== undefined) out.push(`${c.bold('ignored')}    ${counted(t.ignored, 'event')} matched the --ignore list`);

  if (doc.inputs.length > 1 || doc.inputs.some((i) => i.error)) {
    const rows = doc.inputs.map((i) => [
      termSafe(i.file),
      i.error ? termSafe(i.error.startsWith(i.file) ? i.error.slice(i.file.length + 2) : i.error) : (i.format ?? '-') + (i.formatBy === 'fallback' ? ' (guessed)' : ''),
      fmtInt(i.lines),
      fmtInt(i.events),
      fmtInt(i.skipped),
      fmtInt(i.malformed),
    ]);
    const paint = (row: number, col: number, line: string): string => (col === 1 && doc.inputs[row]!.error ? c.red(line) : line);
    out.push('', textTable(['input', 'format', 'lines', 'events', 'skipped', 'malformed'], rows, c, undefined, paint));
  }

  // Say plainly when the numbers above do not cover everything that was asked for.
  const incomplete = doc.inputs.filter((i) => i.incomplete);
  if (incomplete.length > 0) {
    out.push('', c.yellow(`incomplete: ${incomplete.length} of ${doc.inputs.length} ${plural(doc.inputs.length, 'input')} not read to the end: ${incomplete.map((i) => termSafe(i.file)).join(', ')}`));
  }
  if (doc.interrupted) out.push('', c.yellow(`interrupted by ${termSafe(doc.interrupted)}: this report covers only what was read before it`));

  if (t.events === 0) {
    out.push('', t.parsedEvents > 0 ? 'No events match the filters.' : 'No firewall records found. `logscan check FILE` shows what the lines look like to logscan.');
    return out.join('\n') + '\n';
  }

  out.push('');
  out.push(`${c.bold('actions')}    ${shares(doc.byAction, t.packets)}`);
  out.push(`${c.bold('protocols')}  ${shares(doc.byProto.slice(0, 8), t.packets)}`);
  out.push(`${c.bold('direction')}  ${shares(doc.byDirection, t.packets)}`);
  if (doc.byFormat.length > 1) out.push(`${c.bold('formats')}    ${shares(doc.byFormat, t.packets)}`);
  if (doc.perHour.some((v) => v > 0)) out.push(`${c.bold('per hour')}   ${sparkline(doc.perHour)}  (00-23)`);
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
  const out: string[] = [];
  if (doc.sources.length > 0) {
    const cols: Column<RankedSource>[] = [
      { head: '#', cell: (r) => String(r.rank) },
      { head: 'source', cell: (r) => termSafe(r.ip) + (r.ptr ? `\n${shorten(termSafe(r.ptr), 32)}` : '') },
      { head: 'score', cell: (r) => r.score.toFixed(1) },
      { head: 'events', cell: (r) => fmtInt(r.events) },
      { head: 'ports', cell: (r) => capped(r.ports, r.portsCapped) },
      { head: 'hosts', cell: (r) => capped(r.hosts, r.hostsCapped), drop: 1 },
      { head: 'seen', cell: (r) => seenText(r.first, r.last, opts.tz, '\n→ '), drop: 2 },
      { head: 'why', cell: (r) => termSafe(r.explanation) + (r.osHint ? ` · ${termSafe(osHintText(r))}` : '') },
    ];
    // --geoip: country and AS before the explanation; dropped last on a narrow terminal.
    if (doc.sources.some((r) => r.geo !== undefined || r.as !== undefined)) cols.splice(cols.length - 1, 0, { head: 'geo', cell: geoCell, drop: 0.5 });
    const colored = (r: RankedSource, col: number, text: string): string => (col === 2 ? sevColor(c, r.severity)(text) : text);
    out.push('', c.bold(`Top sources${doc.rankedSources > doc.sources.length ? ` (${doc.sources.length} of ${fmtInt(doc.rankedSources)} ranked)` : ''}`), fittedTable(doc.sources, cols, c, opts.width, 22, colored));
    if (doc.findings.length > 0) {
      const items = doc.findings.map((f) => sevColor(c, f.maxSeverity)(`${f.id} ${fmtInt(f.sources)}`));
      out.push(wrapItems(`${c.bold('findings')}   `, items, opts.width));
    }
  } else if (doc.rankedSources > 0) {
    out.push('', c.bold('Top sources'), `No source at or above severity ${doc.filters.minSeverity ?? 0} (${fmtInt(doc.rankedSources)} ranked).`);
  } else if (doc.topSources.length > 0) {
    const rows = doc.topSources.map((s, i) => [String(i + 1), termSafe(s.ip), fmtInt(s.packets)]);
    // Nothing was ranked (docs/ranking.md): say why, so the busiest address is not read as an attacker.
    out.push('', c.bold('Top sources by packets'), 'None ranked: loopback and this host\'s own allowed outbound traffic are not probes.', textTable(['#', 'source', 'packets'], rows, c));
  }
  if (doc.topCountries && doc.topCountries.length > 0) {
    const items = doc.topCountries.map((x) => `${termSafe(x.country ?? '?')} ${fmtInt(x.packets)} (${fmtInt(x.sources)} src)`);
    out.push('', wrapItems(`${c.bold('countries')}  `, items, opts.width));
  }
  if (doc.topNetworks && doc.topNetworks.length > 0) {
    const items = doc.topNetworks.map((x) => `AS${x.number}${x.organization ? ` ${shorten(termSafe(x.organization), 24)}` : ''} ${fmtInt(x.packets)}`);
    out.push(wrapItems(`${c.bold('networks')}   `, items, opts.width));
  }
  if (doc.topPorts.length > 0) {
    const rows = doc.topPorts.map((p) => [`${p.port}/${termSafe(p.proto)}`, fmtInt(p.packets), fmtPct(p.share), p.names.slice(0, 3).join('; ') || '-']);
    const table = textTable(['port', 'packets', 'share', 'known as'], rows, c, fitWidths([10, 8, 6], opts.width, 18));
    out.push('', c.bold(doc.topPortsBlockedOnly ? 'Top probed ports (dropped or rejected)' : 'Top destination ports'), table);
  }
  if (doc.interpretations.length > 0) {
    type I = ReportDoc['interpretations'][number];
    const cols: Column<I>[] = [
      { head: 'interpretation', cell: (i) => termSafe(i.id) },
      { head: 'sev', cell: (i) => String(i.severity) },
      { head: 'packets', cell: (i) => fmtInt(i.packets) },
      { head: 'sources', cell: (i) => capped(i.sources, i.sourcesCapped) },
      { head: 'e.g. from', cell: (i) => (i.textSource !== null ? termSafe(i.textSource) : '-'), drop: 1 },
      { head: 'meaning', cell: (i) => termSafe(i.text) },
    ];
    const colored = (i: I, col: number, text: string): string => (col <= 1 ? sevColor(c, i.severity)(text) : text);
    out.push('', c.bold('Notable interpretations'), fittedTable(doc.interpretations, cols, c, opts.width, 22, colored));
  }
  const p = doc.profiles;
  if (p.evicted > 0) {
    out.push(
      '',
      c.yellow(`note: more than ${fmtInt(p.cap)} sources; ${fmtInt(p.evicted)} least-recently-seen source profiles (${counted(p.evictedEvents, 'event')}) were evicted and are missing from the ranking (raise the cap with --max-sources).`),
    );
  }
  return out;
}
