// `logscan daily -o html`: one self-contained page — inline CSS, inline SVG, no
// script, no external reference (a Content-Security-Policy forbids both, as a second
// line behind the escaping). Readable on a phone (tables become cards under 640 px),
// prints cleanly (@media print). Every string that came from a log or from
// --signatures goes through htmlEscape.
import type { RankedSource } from '../aggregate/summary.js';
import type { DailyDoc } from '../daily/doc.js';
import type { Lang } from '../knowledge/types.js';
import { renderChartSvg } from './daily-chart.js';
import { basisText, changeText, filesReadText, pctOf, sourcesNumber, trendText, windowNotes } from './daily-common.js';
import { capped, osHintText, seenText } from './report-text.js';
import { counted, fmtInt, fmtPct } from '../util/number-text.js';
import { htmlEscape as e } from './sanitize.js';

export interface DailyHtmlOptions {
  tz: string | null;
  /** Language of the interpretation texts (--lang); the page itself is English. */
  lang?: Lang;
}

/** The lang attribute of a cell holding --lang text: browsers pick CJK fonts and line breaking by it. */
const LANG_ATTR: Record<Lang, string> = { en: 'en', zh: 'zh-Hans' };

const SEV = ['info', 'notice', 'low', 'medium', 'high', 'critical'];

const CSS = `
:root{--bg:#f6f7f9;--fg:#1d2330;--muted:#5d6677;--card:#fff;--line:#dde1e8;--bar:#b4232a;--rest:#e8a0a3;--prev:#2b5fab;--s0:#8a93a3;--s1:#6b7a90;--s2:#1f7a8c;--s3:#b7791f;--s4:#c53030;--s5:#7b1113}
@media (prefers-color-scheme:dark){:root{--bg:#14171d;--fg:#e6e9ef;--muted:#9aa3b2;--card:#1d2129;--line:#323846;--bar:#f26b6b;--rest:#7a3a3d;--prev:#7fb0ff}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif}
main{max-width:960px;margin:0 auto;padding:16px}
h1{font-size:1.35rem;margin:0 0 4px}
h2{font-size:1.05rem;margin:0 0 10px}
.sub,.muted{color:var(--muted)}
.nw{white-space:nowrap}
.rank-m{display:none}
.note{background:#fff4d6;color:#5c4500;border-radius:6px;padding:6px 10px;margin:8px 0}
section{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:14px;margin:14px 0}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:10px;background:none;border:0;padding:0}
.card{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:10px 12px}
.card .k{font-size:.8rem;color:var(--muted);text-transform:uppercase;letter-spacing:.04em}
.card .v{font-size:1.5rem;font-weight:650}
.card .t{font-size:.85rem;color:var(--muted)}
.chart{width:100%;height:auto;display:block}
.chart .bar{fill:var(--bar)}.chart .bar-rest{fill:var(--rest)}.chart .bar-empty{fill:transparent}
.chart .grid{stroke:var(--line);stroke-width:1}
.chart .axis{fill:var(--muted);font-size:11px}
.chart .prev{fill:none;stroke:var(--prev);stroke-width:2;stroke-dasharray:5 4}
.legend{font-size:.85rem;color:var(--muted);margin-top:6px}
.legend i{display:inline-block;width:10px;height:10px;border-radius:2px;margin:0 4px 0 10px;vertical-align:-1px}
table{width:100%;border-collapse:collapse;font-size:.9rem}
th,td{text-align:left;padding:6px 8px;border-bottom:1px solid var(--line);vertical-align:top}
th{font-size:.78rem;color:var(--muted);text-transform:uppercase;letter-spacing:.03em}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;overflow-wrap:normal}
td.rank{white-space:nowrap}
td{overflow-wrap:anywhere}
code,.ip{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.88em}
@media (min-width:641px){.ip{white-space:nowrap}}
.sev{display:inline-block;border-radius:999px;padding:1px 8px;font-size:.75rem;font-weight:600;color:#fff;white-space:nowrap}
.sev0{background:var(--s0)}.sev1{background:var(--s1)}.sev2{background:var(--s2)}.sev3{background:var(--s3)}.sev4{background:var(--s4)}.sev5{background:var(--s5)}
.new{display:inline-block;border:1px solid var(--prev);color:var(--prev);border-radius:4px;padding:0 4px;font-size:.7rem;margin-left:4px}
.chips{margin-top:3px}
.chip{display:inline-block;border:1px solid var(--line);border-radius:4px;padding:0 5px;margin:2px 4px 0 0;font-size:.75rem;color:var(--muted)}
ul.plain{margin:6px 0 0;padding-left:18px}
footer{font-size:.8rem;color:var(--muted);margin:18px 0;overflow-wrap:anywhere}
@media (max-width:640px){
 main{padding:10px}
 table.stack thead{display:none}
 table.stack,table.stack tbody{display:block;width:100%}
 table.stack tr{display:grid;grid-template-columns:1fr 1fr;column-gap:10px;border:1px solid var(--line);border-radius:8px;padding:6px 8px;margin:0 0 8px}
 table.stack td{display:block;border:0;padding:2px 0;text-align:left!important;min-width:0}
 table.stack td::before{content:attr(data-label);display:inline-block;margin-right:6px;color:var(--muted);font-size:.72rem;text-transform:uppercase}
 table.stack td.why,table.stack td.wide,table.stack td.head{grid-column:1/-1}
 table.stack td.why::before,table.stack td.wide::before{display:block}
 table.stack td.rank{display:none}
 .rank-m{display:inline!important;font-weight:600}
 .chart .axis{font-size:24px}
}
@media print{
 :root{--bg:#fff;--card:#fff;--fg:#000;--muted:#444;--line:#bbb}
 *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
 body{font-size:10pt}
 main{max-width:none;padding:0}
 section{border:0;border-top:1px solid #999;border-radius:0;padding:8px 0;margin:8px 0;break-inside:auto}
 h2{break-after:avoid}
 tr,.card,.chart{break-inside:avoid}
 .card{border:1px solid #999}
 @page{margin:12mm}
}
`;

function td(label: string, html: string, cls = '', lang: Lang = 'en'): string {
  return `<td data-label="${e(label)}"${cls ? ` class="${cls}"` : ''}${lang !== 'en' ? ` lang="${LANG_ATTR[lang]}"` : ''}>${html}</td>`;
}

function sevBadge(sev: number): string {
  const s = Math.max(0, Math.min(5, sev));
  return `<span class="sev sev${s}">${SEV[s]}</span>`;
}

function table(head: [string, string?][], rows: string[], stack = true): string {
  const ths = head.map(([h, cls]) => `<th${cls ? ` class="${cls}"` : ''}>${e(h)}</th>`).join('');
  return `<table${stack ? ' class="stack"' : ''}><thead><tr>${ths}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** --geoip / --resolve details under the address: country, AS, PTR name (all escaped). */
function originHtml(r: RankedSource): string {
  const parts: string[] = [];
  if (r.geo?.country) parts.push(e(r.geo.country));
  if (r.as) parts.push(`AS${r.as.number}${r.as.organization ? ` ${e(r.as.organization)}` : ''}`);
  if (r.ptr) parts.push(e(r.ptr));
  return parts.length > 0 ? `<div class="muted">${parts.join(' · ')}</div>` : '';
}

function sourcesTable(rows: readonly RankedSource[], fresh: ReadonlySet<string>, tz: string | null): string {
  return table(
    [['#', 'n'], ['source'], ['severity'], ['score', 'n'], ['packets', 'n'], ['ports', 'n'], ['seen'], ['why']],
    rows.map((r) => {
      const chips = r.findings.map((f) => `<span class="chip">${e(f.id)}</span>`).join('');
      return (
        '<tr>' +
        td('#', String(r.rank), 'n rank') +
        td('source', `<span class="rank-m">#${r.rank} </span><span class="ip">${e(r.ip)}</span>${fresh.has(r.ip) ? '<span class="new">new</span>' : ''}${originHtml(r)}`, 'head') +
        td('severity', sevBadge(r.severity)) +
        td('score', r.score.toFixed(1), 'n') +
        td('packets', fmtInt(r.packets), 'n') +
        td('ports', capped(r.ports, r.portsCapped), 'n') +
        td('seen', e(seenText(r.first, r.last, tz))) +
        td('why', `${e(r.explanation)}${r.osHint ? ` · ${e(osHintText(r))}` : ''}${chips ? `<div class="chips">${chips}</div>` : ''}`, 'why') +
        '</tr>'
      );
    }),
  );
}

export function renderDailyHtml(doc: DailyDoc, opts: DailyHtmlOptions): string {
  const h = doc.headline;
  const cmp = doc.comparison;
  const r = doc.report;
  const b: string[] = [];
  b.push(`<header><h1>Firewall probes on <span class="nw">${e(doc.date)}</span></h1><p class="sub">${e(doc.tz)} · ${doc.window.hours} hours · ${e(basisText(cmp))}</p>`);
  for (const n of windowNotes(doc, opts.tz)) b.push(`<p class="note">${e(n)}</p>`);
  b.push('</header>');

  const card = (k: string, v: string, t: string): string => `<div class="card"><div class="k">${e(k)}</div><div class="v">${v}</div><div class="t">${t}</div></div>`;
  const trend = (s: string): string => (s ? `${e(s)} vs day before` : '&nbsp;');
  b.push(
    `<section class="cards">` +
      card('probes', fmtInt(h.packets), trend(trendText(cmp.packets))) +
      card('sources', sourcesNumber(h), cmp.basis !== null ? `${fmtInt(cmp.newSourceCount)} new` : '&nbsp;') +
      card('blocked', fmtInt(h.blocked), `${pctOf(h.blocked, h.packets)} of packets`) +
      card('allowed', fmtInt(h.allowed), `${pctOf(h.allowed, h.packets)} of packets`) +
      `</section>`,
  );

  b.push(`<section><h2>Activity per hour</h2>${renderChartSvg(doc.chart, `Packets per hour on ${doc.date} (${doc.tz})`)}`);
  b.push(`<div class="legend"><i style="background:var(--bar)"></i>blocked<i style="background:var(--rest)"></i>allowed / other${doc.chart.previous ? '<i style="background:var(--prev)"></i>day before' : ''}</div></section>`);

  if (doc.rules.length > 0) {
    b.push(
      `<section><h2>Logged as</h2>${table(
        [['log prefix / rule'], ['packets', 'n'], ['share', 'n']],
        doc.rules.map((x) => '<tr>' + td('rule', `<code>${e(x.key)}</code>`, 'wide') + td('packets', fmtInt(x.packets), 'n') + td('share', pctOf(x.packets, h.packets), 'n') + '</tr>'),
        false,
      )}</section>`,
    );
  }

  b.push(`<section><h2>Change against ${e(cmp.previousDate)}</h2>`);
  if (cmp.basis === null) b.push(`<p class="muted">${e(basisText(cmp))}</p>`);
  else {
    b.push(
      '<ul class="plain">' +
        `<li>packets: ${e(changeText(cmp.packets))}</li>` +
        `<li>sources: ${e(changeText(cmp.sources))} · <b>${fmtInt(cmp.newSourceCount)}</b>${cmp.newSourcesApprox ? ' (at most)' : ''} new today</li>` +
        `<li>ports: ${e(changeText(cmp.ports))} · <b>${fmtInt(cmp.newPortCount)}</b> newly probed</li>` +
        '</ul>',
    );
    if (cmp.newSources.length > 0) {
      b.push(`<p class="muted">New sources: ${cmp.newSources.map((s) => `<span class="ip">${e(s.ip)}</span> (${fmtInt(s.packets)})`).join(', ')}</p>`);
    }
    if (cmp.newPorts.length > 0) {
      b.push(`<p class="muted">Newly probed ports: ${cmp.newPorts.map((p) => `<code>${p.port}/${e(p.proto)}</code>${p.names[0] ? ` ${e(p.names[0])}` : ''} (${fmtInt(p.packets)})`).join(', ')}</p>`);
    }
  }
  b.push('</section>');

  if (r.totals.events === 0) {
    b.push(`<section><p>${r.totals.parsedEvents > 0 ? `No firewall records on ${e(doc.date)} (the logs read hold other days).` : 'No firewall records found.'}</p></section>`);
  } else {
    const fresh = new Set(cmp.basis !== null ? r.sources.filter((s) => cmp.newSources.some((n) => n.ip === s.ip)).map((s) => s.ip) : []);
    if (r.sources.length > 0) {
      b.push(`<section><h2>Top sources${r.rankedSources > r.sources.length ? ` (${r.sources.length} of ${fmtInt(r.rankedSources)} ranked)` : ''}</h2>${sourcesTable(r.sources, fresh, opts.tz)}`);
      if (r.findings.length > 0) b.push(`<p class="muted">Findings: ${r.findings.map((f) => `${e(f.id)} ${fmtInt(f.sources)}`).join(' · ')}</p>`);
      b.push('</section>');
    }
    if (r.topCountries && r.topCountries.length > 0) {
      const c = r.topCountries.map((x) => `<li>${e(x.country ?? '?')}${x.countryName ? ` ${e(x.countryName)}` : ''}: ${counted(x.packets, 'packet')}, ${counted(x.sources, 'source')}</li>`).join('');
      const n = (r.topNetworks ?? []).map((x) => `<li>AS${x.number}${x.organization ? ` ${e(x.organization)}` : ''}: ${counted(x.packets, 'packet')}, ${counted(x.sources, 'source')}</li>`).join('');
      b.push(`<section><h2>Top countries</h2><ul class="plain">${c}</ul>${n ? `<h2>Top networks</h2><ul class="plain">${n}</ul>` : ''}</section>`);
    } else if (r.topNetworks && r.topNetworks.length > 0) {
      b.push(`<section><h2>Top networks</h2><ul class="plain">${r.topNetworks.map((x) => `<li>AS${x.number}${x.organization ? ` ${e(x.organization)}` : ''}: ${counted(x.packets, 'packet')}, ${counted(x.sources, 'source')}</li>`).join('')}</ul></section>`);
    }
    if (r.topPorts.length > 0) {
      b.push(
        `<section><h2>Top probed ports</h2>${table(
          [['port'], ['packets', 'n'], ['share', 'n'], ['known as']],
          r.topPorts.map(
            (p) =>
              '<tr>' +
              td('port', `<code>${p.port}/${e(p.proto)}</code>`) +
              td('packets', fmtInt(p.packets), 'n') +
              td('share', fmtPct(p.share), 'n') +
              td('known as', e(p.names.slice(0, 3).join('; ') || '-'), 'wide') +
              '</tr>',
          ),
          // Four short columns fit a phone as a table; cards would only make it long.
          false,
        )}</section>`,
      );
    }
    if (r.interpretations.length > 0) {
      b.push(
        `<section><h2>Notable interpretations</h2>${table(
          [['interpretation'], ['severity'], ['packets', 'n'], ['sources', 'n'], ['e.g. from'], ['meaning']],
          r.interpretations.map(
            (i) =>
              '<tr>' +
              td('what', `<code>${e(i.id)}</code>`, 'head') +
              td('severity', sevBadge(i.severity)) +
              td('packets', fmtInt(i.packets), 'n') +
              td('sources', capped(i.sources, i.sourcesCapped), 'n') +
              td('e.g. from', i.textSource !== null ? `<span class="ip">${e(i.textSource)}</span>` : '-') +
              td('meaning', e(i.text), 'why', opts.lang) +
              '</tr>',
          ),
        )}</section>`,
      );
    }
    if (r.profiles.evicted > 0) {
      b.push(`<p class="note">More than ${fmtInt(r.profiles.cap)} sources: ${fmtInt(r.profiles.evicted)} least-recently-seen source profiles were evicted and are missing from the ranking.</p>`);
    }
  }

  b.push(`<footer>logscan daily · ${filesReadText(doc, e)}</footer>`);

  return (
    '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    // No script, no fetch of anything: the page needs neither, so forbid both.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">` +
    `<title>${e(`logscan daily · ${doc.date}`)}</title><style>${CSS.trim()}</style></head>\n<body><main>\n${b.join('\n')}\n</main></body></html>\n`
  );
}
