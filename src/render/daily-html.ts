// `logscan daily -o html`: the day on one self-contained page (render/html-page.ts has
// what it shares with the report's page: the CSS, the tables, the escaping).
import { countUnit } from './count-unit.js';
import type { DailyDoc } from '../daily/doc.js';
import type { Lang } from '../knowledge/types.js';
import { messages } from '../i18n/messages.js';
import { renderChartSvg } from './daily-chart.js';
import { uncoveredHours } from './daily-uncovered.js';
import { basisText, isCompared, listedItemText, newPortsLateNote, changeText, filesReadText, notProbesText, pctOf, sourcesNumber, trendText, windowNotes } from './daily-common.js';
import { addressHtml, card, chartLegend, htmlPage, keepOptionsWhole, reportSectionsHtml, rulesSection } from './html-page.js';
import { zoneLines } from './report-words.js';
import { fmtInt } from '../util/number-text.js';
import { htmlEscape as e } from './sanitize.js';

export interface DailyHtmlOptions {
  tz: string | null;
  /** Language of the page (--lang). */
  lang: Lang;
}

export function renderDailyHtml(doc: DailyDoc, opts: DailyHtmlOptions): string {
  const lang = opts.lang;
  const msg = messages(lang);
  const m = msg.daily;
  const H = m.html;
  const R = msg.report;
  const h = doc.headline;
  // Windows ALLOW rows are connections: the shares are then of records, not packets.
  const ofLogged = h.connections > 0 ? H.ofRecords : H.ofPackets;
  const cmp = doc.comparison;
  const r = doc.report;
  const b: string[] = [];
  b.push(`<header><h1>${H.heading(e(doc.date))}</h1><p class="sub">${e(doc.tz)} · ${H.hours(doc.window.hours)} · ${e(basisText(doc, lang, opts.tz))}</p>`);
  // What the log's times said of their zone, as the report says it under its span: the day's bounds are in doc.tz.
  for (const zone of zoneLines(r, lang, opts.tz)) b.push(`<p class="sub">${keepOptionsWhole(e(zone))}</p>`);
  for (const n of windowNotes(doc, opts.tz, lang)) b.push(`<p class="note">${e(n)}</p>`);
  b.push('</header>');

  const trend = (s: string): string => (s ? e(H.vsDayBefore(s)) : '&nbsp;');
  const notProbes = notProbesText(h, lang);
  b.push(
    `<section class="cards">` +
      card(m.label.probes, fmtInt(h.probes), trend(trendText(cmp.probes, lang))) +
      card(m.label.sources, sourcesNumber(h), isCompared(cmp) ? e(H.newCount(cmp.newSourceCount, cmp.newSourcesApprox)) : '&nbsp;') +
      card(m.label.blocked, fmtInt(h.blocked), e(ofLogged(pctOf(h.blocked, h.packets)))) +
      card(m.label.allowed, fmtInt(h.allowed), e(ofLogged(pctOf(h.allowed, h.packets)))) +
      (h.other > 0 ? card(m.label.other, fmtInt(h.other), e(ofLogged(pctOf(h.other, h.packets)))) : '') +
      (notProbes !== null ? card(m.label.notProbes, fmtInt(h.own + h.replies + h.noise + h.late), e(notProbes), true) : '') +
      `</section>`,
  );

  // A day without records and no curve of the day before to set against it would be an
  // empty frame: the text leaves its sparkline out then too.
  if (h.packets > 0 || doc.chart.previous !== null) {
    const uncovered = uncoveredHours(doc);
    b.push(`<section><h2>${e(m.activity)}</h2>${renderChartSvg({ ...doc.chart, unit: countUnit(h), uncovered }, H.chartTitle(doc.date, doc.tz, countUnit(h)), H)}`);
    b.push(`${chartLegend(H, doc.chart.previous !== null, uncovered === null ? null : m.noLogsHours)}</section>`);
  }

  if (doc.rules.length > 0) b.push(rulesSection(doc.rules, h.packets, lang, doc.ruleLabels, countUnit(h)));

  b.push(`<section><h2>${e(H.changeAgainst(cmp.previousDate))}</h2>`);
  // The heading names the day before; the header's basis line names it again, so this line does not.
  if (cmp.notCompared !== null) b.push(`<p class="muted">${e(H.notCompared(doc.date, cmp.notCompared))}</p>`);
  else if (cmp.basis === null) b.push(`<p class="muted">${e(H.noBasis)}</p>`);
  else {
    const L = m.label;
    const colon = e(msg.colon);
    b.push(
      '<ul class="plain">' +
        `<li>${e(L.probes)}${colon}${e(changeText(cmp.probes, lang))}</li>` +
        `<li>${e(L.sources)}${colon}${e(changeText(cmp.sources, lang))} · ${H.newTodayHtml(`<b>${fmtInt(cmp.newSourceCount)}</b>`, cmp.newSourcesApprox)}</li>` +
        `<li>${e(L.ports)}${colon}${e(changeText(cmp.ports, lang))} · ${H.newlyProbedHtml(`<b>${fmtInt(cmp.newPortCount)}</b>`)}</li>` +
        '</ul>',
    );
    if (cmp.newSources.length > 0) {
      b.push(`<p class="muted">${e(H.newSources)}${colon}${cmp.newSources.map((s) => listedItemText(h, addressHtml(s.ip), s.packets, lang)).join(e(msg.listSep))}</p>`);
    }
    if (cmp.newPorts.length > 0) {
      b.push(`<p class="muted">${e(H.newPorts)}${colon}${cmp.newPorts.map((p) => listedItemText(h, `<code>${p.port}/${e(p.proto)}</code>${p.names[0] ? ` ${e(p.names[0])}` : ''}`, p.packets, lang)).join(e(msg.listSep))}</p>`);
      const late = newPortsLateNote(cmp, lang);
      if (late !== null) b.push(`<p class="muted">${e(late)}</p>`);
    }
  }
  b.push('</section>');

  if (r.totals.events === 0) {
    b.push(`<section><p>${e(r.totals.parsedEvents > 0 ? m.noRecordsOn(doc.date) : R.noRecordsShort)}</p></section>`);
  } else {
    const fresh = new Set(cmp.newRanked);
    b.push(...reportSectionsHtml(r, opts.tz, lang, fresh));
  }

  b.push(`<footer>${H.footer(filesReadText(doc, e, lang))}</footer>`);

  return htmlPage(lang, H.title(doc.date), b);
}
