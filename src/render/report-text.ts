// The terminal report: a header, then compact tables. Every string that came from a
// log goes through termSafe; colour only when the caller says the terminal wants it.
import Table from 'cli-table3';
import pc from 'picocolors';
import type { ReportDoc } from '../aggregate/report.js';
import { termSafe } from './sanitize.js';
import { formatDateTime } from './time-format.js';

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

export function fmtInt(n: number): string {
  return n.toLocaleString('en-US');
}

export function fmtPct(x: number): string {
  return x >= 0.1 ? `${(x * 100).toFixed(0)}%` : `${(x * 100).toFixed(1)}%`;
}

function table(head: string[], c: Colors, colWidths?: number[]): Table.Table {
  return new Table({
    head: head.map((h) => c.bold(h)),
    style: { head: [], border: [], compact: true, 'padding-left': 1, 'padding-right': 1 },
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
    wordWrap: true,
    ...(colWidths ? { colWidths } : {}),
  });
}

/** Widths for a table whose last column takes what is left of the terminal. */
export function fitWidths(fixed: number[], width: number, minLast = 20): number[] {
  const used = fixed.reduce((a, b) => a + b, 0) + fixed.length + 2;
  return [...fixed, Math.max(minLast, width - used)];
}

function shares(rows: { key: string; packets: number }[], total: number): string {
  return rows.map((r) => `${termSafe(r.key)} ${fmtInt(r.packets)}${total > 0 ? ` (${fmtPct(r.packets / total)})` : ''}`).join(' · ');
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
    `${fmtInt(t.lines)} lines · ${fmtInt(t.events)} events${t.packets !== t.events ? ` (${fmtInt(t.packets)} packets)` : ''} · ${fmtInt(t.skipped)} skipped · ${t.malformed > 0 ? c.yellow(`${fmtInt(t.malformed)} malformed`) : '0 malformed'} · ${fmtInt(t.sources)} sources`,
  );

  if (doc.inputs.length > 1 || doc.inputs.some((i) => i.error)) {
    const tb = table(['input', 'format', 'lines', 'events', 'skipped', 'malformed'], c);
    for (const i of doc.inputs) {
      tb.push([
        termSafe(i.file),
        i.error ? c.red(termSafe(i.error.startsWith(i.file) ? i.error.slice(i.file.length + 2) : i.error)) : (i.format ?? '-') + (i.formatBy === 'fallback' ? ' (guessed)' : ''),
        fmtInt(i.lines),
        fmtInt(i.events),
        fmtInt(i.skipped),
        fmtInt(i.malformed),
      ]);
    }
    out.push('', tb.toString());
  }

  if (t.events === 0) {
    out.push('', 'No firewall records found. `logscan check FILE` shows what the lines look like to logscan.');
    return out.join('\n') + '\n';
  }

  out.push('');
  out.push(`${c.bold('actions')}    ${shares(doc.byAction, t.packets)}`);
  out.push(`${c.bold('protocols')}  ${shares(doc.byProto.slice(0, 8), t.packets)}`);
  out.push(`${c.bold('direction')}  ${shares(doc.byDirection, t.packets)}`);
  if (doc.byFormat.length > 1) out.push(`${c.bold('formats')}    ${shares(doc.byFormat, t.packets)}`);
  if (doc.perHour.some((v) => v > 0)) out.push(`${c.bold('per hour')}   ${sparkline(doc.perHour)}  (00-23)`);

  if (doc.topSources.length > 0) {
    const tb = table(['#', 'source', 'packets'], c);
    doc.topSources.forEach((s, i) => tb.push([String(i + 1), termSafe(s.ip), fmtInt(s.packets)]));
    out.push('', c.bold('Top sources'), tb.toString());
  }
  if (doc.topPorts.length > 0) {
    const tb = table(['port', 'packets', 'share', 'known as'], c, fitWidths([12, 10, 8], opts.width));
    for (const p of doc.topPorts) tb.push([`${p.port}/${termSafe(p.proto)}`, fmtInt(p.packets), fmtPct(p.share), p.names.slice(0, 3).join('; ') || '-']);
    out.push('', c.bold('Top destination ports'), tb.toString());
  }
  return out.join('\n') + '\n';
}
