// `logscan FILE -o html`: the report on one self-contained page with the daily page's
// look and safety (render/html-page.ts): what was read, headline cards, the top sources,
// the hours of the day as a chart, then the report's other tables. Same content as the
// terminal report.
import { countUnit } from './count-unit.js';
import type { ReportDoc } from '../aggregate/report.js';
import { zoneName } from '../daily/day.js';
import type { Lang } from '../knowledge/types.js';
import { messages } from '../i18n/messages.js';
import { labelStride, renderChartSvg } from './daily-chart.js';
import { pctOf } from './daily-common.js';
import { addressHtml, card, chartLegend, htmlPage, keepOptionsWhole, reportSectionsHtml, rulesSection } from './html-page.js';
import { calendarDays, dayNamer, perDayRow } from './activity-rows.js';
import { encodingNotes, filterItems, incompleteNotes, inputReason, logGapsText, noMatchText, recordsText, zoneLines } from './report-words.js';
import { htmlEscape as e } from './sanitize.js';
import { formatDateTime } from './time-format.js';
import { capped, fmtInt } from '../util/number-text.js';

export interface ReportHtmlOptions {
  tz: string | null;
  /** Language of the page (--lang). */
  lang: Lang;
  /** logscan's version, for the footer. */
  version: string;
}

const HOURS = Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0'));

/** Packets of these actions, from the report's per-action counts. */
function packetsOf(doc: ReportDoc, actions: readonly string[]): number {
  return doc.byAction.reduce((n, a) => (actions.includes(a.key) ? n + a.packets : n), 0);
}

export function renderReportHtml(doc: ReportDoc, opts: ReportHtmlOptions): string {
  const { tz, lang } = opts;
  const msg = messages(lang);
  const R = msg.report;
  const D = msg.daily;
  const H = D.html;
  const P = R.html;
  const t = doc.totals;
  // Windows ALLOW rows are connections: the shares are then of records, not packets.
  const ofLogged = t.connections > 0 ? H.ofRecords : H.ofPackets;
  const colon = e(msg.colon);
  const b: string[] = [];

  const span = doc.span.first && doc.span.last ? P.span(formatDateTime(new Date(doc.span.first), tz), formatDateTime(new Date(doc.span.last), tz), zoneName(tz)) : null;
  const zone = span !== null ? zoneLines(doc, lang, tz) : [];
  b.push(`<header><h1>${e(P.heading)}</h1>${span !== null ? `<p class="sub">${e(span)}</p>` : ''}${zone.map((z) => `<p class="sub">${keepOptionsWhole(e(z))}</p>`).join('')}`);
  const item = (label: string, html: string): string => `<li>${e(label)}${colon}${html}</li>`;
  const items = [item(R.md.inputs, doc.inputs.map((i) => `<code>${e(i.file)}</code>`).join(', ')), item(R.md.records, e(recordsText(t, lang)))];
  // A source range as the page's other address cells show it: an IPv6 one breaks only after a ':'.
  const filt = filterItems(doc.filters, R, tz, addressHtml, e);
  if (filt.length > 0) items.push(item(R.md.filter, filt.join(' · ')));
  if (t.ignored !== undefined) items.push(item(R.md.ignored, e(R.ignoredText(t.ignored))));
  // Days over the chart's span (below) are listed, busiest first.
  const perDay = perDayRow(doc.perDay, R);
  if (perDay !== null && 'items' in perDay && calendarDays(doc.perDay) === null) items.push(item(R.md.perDay, e(perDay.items.join(' · '))));
  b.push(`<ul class="plain">${items.join('')}</ul>`);
  // Worded as the terminal's note (the catalog's words hold no markup); each file says why after it.
  for (const n of incompleteNotes(doc.inputs, lang, (i) => `<code>${e(i.file)}</code>`, (i) => e(inputReason(i, lang)))) b.push(`<p class="note">${e(n.label)}${colon}${n.text}</p>`);
  for (const i of doc.inputs) if (i.error && !i.incomplete) b.push(`<p class="note">${e(R.md.problem)}${colon}<code>${e(i.file)}</code>${colon}${e(inputReason(i, lang))}</p>`);
  for (const i of doc.inputs) if (i.encoding !== null) b.push(`<p class="note">${e(R.decodedLabel)}${colon}<code>${e(i.file)}</code>${e(R.decoded(i.encoding))}</p>`);
  for (const n of encodingNotes(doc.inputs, lang, (f) => `<code>${e(f)}</code>`, e)) b.push(`<p class="note">${e(n.label)}${colon}${n.text}</p>`);
  for (const i of doc.inputs) if (i.repeats) b.push(`<p class="note">${e(R.md.repeated)}${colon}<code>${e(i.file)}</code>${colon}${e(R.repeats(i.repeats.share, i.repeats.records, i.repeats.other))}</p>`);
  if (doc.interrupted) b.push(`<p class="note">${e(R.md.interrupted)}${colon}${e(R.md.interruptedText(doc.interrupted))}</p>`);
  const gaps = logGapsText(doc, R, tz);
  if (gaps !== null) b.push(`<p class="note">${e(R.logGapsLabel)}${colon}${e(gaps)}</p>`);
  b.push('</header>');

  if (t.events === 0) {
    b.push(`<section><p>${e(t.parsedEvents > 0 ? noMatchText(doc, R, tz) : R.noRecordsShort)}</p></section>`);
  } else {
    const p = doc.probes;
    // Of connection records (a Cisco ASA's, Windows' ALLOW rows) the card's number alone says no unit: its line says which are which, as the text's probes row.
    const notProbes = msg.notProbes(p);
    const blocked = packetsOf(doc, ['drop', 'reject']);
    const allowed = packetsOf(doc, ['allow']);
    // Logged without a verdict: ufw's [UFW AUDIT], a Cisco ASA's connection records.
    const other = packetsOf(doc, ['other']);
    b.push(
      '<section class="cards">' +
        card(D.label.probes, fmtInt(p.packets), e(p.packets === 0 ? msg.noProbes : p.connections > 0 ? R.probesText(p.packets, p.ports, p.portsCapped, p.connections) : P.toPorts(p.ports, p.portsCapped))) +
        card(D.label.sources, capped(t.sources, t.sourcesCapped), e(P.distinct)) +
        card(D.label.blocked, fmtInt(blocked), e(ofLogged(pctOf(blocked, t.packets)))) +
        card(D.label.allowed, fmtInt(allowed), e(ofLogged(pctOf(allowed, t.packets)))) +
        (other > 0 ? card(D.label.other, fmtInt(other), e(ofLogged(pctOf(other, t.packets)))) : '') +
        (notProbes.length > 0 ? card(D.label.notProbes, fmtInt(p.own + p.replies + p.noise + p.late), e(notProbes.join(' · ')), true) : '') +
        '</section>',
    );
    // Who did what first; the charts (when) and the log prefixes after it.
    const sections = reportSectionsHtml(doc, tz, lang);
    if (doc.sources.length > 0) b.push(sections.shift()!);
    if (doc.perHour.some((v) => v > 0)) {
      const chart = { labels: HOURS, packets: doc.perHour, blocked: doc.perHourBlocked, previous: null };
      b.push(
        `<section><h2>${e(D.activity)}</h2>${renderChartSvg(chart, P.chartTitle(zoneName(tz), countUnit(t)), H)}` +
          `${chartLegend(H, false)}</section>`,
      );
    }
    const days = doc.perDay.length >= 2 ? calendarDays(doc.perDay) : null;
    if (days !== null) {
      const name = dayNamer(days);
      const labels = days.map((d) => name(d.day));
      const chart = {
        labels,
        packets: days.map((d) => d.packets),
        blocked: days.map((d) => d.blocked),
        previous: null,
        labelEvery: labelStride(days.length, labels[0]!.length),
        barTitle: (i: number) => P.dayBar(e(days[i]!.day), days[i]!.packets, days[i]!.blocked, countUnit(t)),
      };
      b.push(`<section><h2>${e(P.dayHeading)}</h2>${renderChartSvg(chart, P.dayChartTitle(zoneName(tz), countUnit(t)), H)}${chartLegend(H, false)}</section>`);
    }
    if (doc.ruleLabels > 1) b.push(rulesSection(doc.byRule, t.packets, lang, doc.ruleLabels, countUnit(t)));
    b.push(...sections);
  }

  const files = doc.inputs.map((i) => `${e(i.file)}${i.error ? msg.aside(e(inputReason(i, lang))) : ''}`).join(', ');
  b.push(`<footer>${P.footer(e(opts.version), files || '-')}</footer>`);
  const title = doc.inputs.length === 1 ? `${R.md.title} · ${doc.inputs[0]!.file}` : R.md.title;
  return htmlPage(lang, title, b);
}
