// `logscan daily -o text`: the day on a terminal. Log-derived strings go through
// termSafe; the tables under the comparison are the report's own (report-text.ts).
import pc from 'picocolors';
import type { DailyDoc } from '../daily/doc.js';
import { basisText, changeText, filesReadText, pctOf, probesText, windowNotes } from './daily-common.js';
import { renderReportSectionsText, sparkline, wrapItems, type TextOptions } from './report-text.js';
import { counted, fmtInt } from '../util/number-text.js';
import { termSafe } from './sanitize.js';

export type DailyTextOptions = TextOptions;

/** Hour labels under a sparkline: "00" at every sixth bucket, spaced to line up. */
function hourRuler(labels: readonly string[]): string {
  let s = '';
  for (let i = 0; i < labels.length; i++) {
    if (i % 6 === 0 && s.length <= i) s = s.padEnd(i) + labels[i].slice(0, 2);
  }
  return s;
}

export function renderDailyText(doc: DailyDoc, opts: DailyTextOptions): string {
  const c = pc.createColors(opts.color);
  const h = doc.headline;
  const cmp = doc.comparison;
  const out: string[] = [];
  out.push(c.bold(`logscan daily · ${doc.date} (${termSafe(doc.tz)})`));
  for (const n of windowNotes(doc, opts.tz)) out.push(c.yellow(`note: ${n}`));
  out.push('');
  out.push(`${c.bold('probes')}     ${probesText(h)}`);
  out.push(`${c.bold('blocked')}    ${fmtInt(h.blocked)} (${pctOf(h.blocked, h.packets)}) · allowed ${fmtInt(h.allowed)} (${pctOf(h.allowed, h.packets)})${h.other > 0 ? ` · other ${fmtInt(h.other)}` : ''}`);

  if (doc.report.totals.ignored !== undefined) out.push(`${c.bold('ignored')}    ${counted(doc.report.totals.ignored, 'event')} matched the --ignore list`);
  if (doc.rules.length > 0) out.push(wrapItems(`${c.bold('logged as')}  `, doc.rules.map((r) => `${termSafe(r.key)} ${fmtInt(r.packets)}`), opts.width));

  out.push('', c.bold(`Change: ${basisText(cmp)}`));
  if (cmp.basis !== null) {
    out.push(`  packets  ${changeText(cmp.packets)}`);
    out.push(`  sources  ${changeText(cmp.sources)} · ${fmtInt(cmp.newSourceCount)}${cmp.newSourcesApprox ? ' (at most)' : ''} new today`);
    out.push(`  ports    ${changeText(cmp.ports)} · ${fmtInt(cmp.newPortCount)} newly probed`);
    if (cmp.newSources.length > 0) out.push(wrapItems('  new sources  ', cmp.newSources.map((s) => `${termSafe(s.ip)} ${fmtInt(s.packets)}`), opts.width));
    if (cmp.newPorts.length > 0) {
      out.push(wrapItems('  new ports    ', cmp.newPorts.map((p) => `${p.port}/${termSafe(p.proto)}${p.names[0] ? ` ${termSafe(p.names[0])}` : ''} ${fmtInt(p.packets)}`), opts.width));
    }
  }

  if (h.packets > 0) {
    const max = Math.max(...doc.chart.packets);
    out.push('', c.bold(`Activity per hour (max ${counted(max, 'packet')})`));
    out.push(`  ${sparkline(doc.chart.packets)}`);
    out.push(`  ${hourRuler(doc.chart.labels)}`);
  }

  if (doc.report.totals.events === 0) {
    out.push('', doc.report.totals.parsedEvents > 0 ? `No firewall records on ${doc.date} (the logs read hold other days).` : 'No firewall records found.');
    return out.join('\n') + '\n';
  }
  out.push(...renderReportSectionsText(doc.report, opts));
  out.push('', c.dim(filesReadText(doc, termSafe)));
  return out.join('\n') + '\n';
}
