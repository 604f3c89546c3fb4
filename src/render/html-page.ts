// The pieces both HTML pages share (`logscan daily -o html`, `logscan FILE -o html`): one
// self-contained page — inline CSS, inline SVG, no script, no external reference (a
// Content-Security-Policy forbids both, as a second line behind the escaping). Readable
// on a phone, prints cleanly (@media print). The tables of many columns (sources, most probed hosts,
// interpretations) become cards under 900 px, which is also a printed page's width: their
// eight columns need ~850 px with a source's details open or a long IPv6 address, and a
// narrower table ran past the screen or was cut at the paper's edge (the sources' nine, with
// hosts, fit 900 px with 6 px beside each cell, not 8). Every
// string that came from a log or from --signatures goes through htmlEscape.
import { rowsUnit, unitHead } from './count-unit.js';
import type { CountUnit } from '../i18n/en.js';
import type { ReportDoc, RuleCounted } from '../aggregate/report.js';
import { otherTargetsNote, showsTargets, targetPortsText, targetsCountHead, targetsTitle } from './target-words.js';
import type { RankedSource } from '../aggregate/summary.js';
import type { Lang } from '../knowledge/types.js';
import { findingLabel, messages, type Messages } from '../i18n/messages.js';
import { interpretationMeaning, knownAsText, portSourcesText, portsCountHead, portsLateNote, portsTitle, osHintNoTtlText, seenText, spansYears, whyNotes } from './report-words.js';
import { otherRules, ruleRows } from './rule-rows.js';
import { sourceFacts } from './source-facts.js';
import { pctOf } from './daily-common.js';
import { breadth, capped, fmtInt, fmtPct } from '../util/number-text.js';
import { htmlEscape as e } from './sanitize.js';
import { annotationRoles, namedAnnotation } from '../annotate/roles.js';

/**
 * Per-language additions to the CSS. Chinese may break between any two characters, so
 * a narrow numeric column would split its heading ("包/数"): headings stay on one line.
 * Short Chinese headings no longer widen the id column either, so the interpretation
 * ids (ASCII, at most ~20 characters) keep their line too.
 */
const CSS_LANG: Record<Lang, string> = { en: '', zh: '\nthead th,.head>code{white-space:nowrap}' };

/** The page's lang attribute: browsers pick CJK fonts (Simplified, not Japanese glyphs) and line breaking by it. */
const LANG_ATTR: Record<Lang, string> = { en: 'en', zh: 'zh-Hans' };

/**
 * Five small headline cards (with "other") where a row held only four left the fifth alone on a
 * row, stretched across it (448-751 px): where three fit (3 × 136 px, the gaps and the page's
 * padding) but not five, they go three and two. Narrower, two a row as before (three were too
 * narrow for "98% of packets logged"); four cards fit a row from 606 px on and keep the plain flex
 * layout; a card whose number is wider than its share still wraps to the next row (a flex item
 * never gets narrower than its content), so nothing overflows.
 */
const CSS_CARDS = '@media (min-width:448px) and (max-width:751px){.cards:has(>.card:not(.wide):nth-child(5))>.card:not(.wide){flex-basis:calc(33.4% - 10px)}}';

const CSS = `
:root{color-scheme:light dark;--bg:#f6f7f9;--fg:#1d2330;--muted:#5d6677;--card:#fff;--line:#dde1e8;--bar:#b4232a;--rest:#7f8ca0;--prev:#2b5fab;--s0:#6b7280;--s1:#586477;--s2:#1f7a8c;--s3:#96600f;--s4:#c53030;--s5:#7b1113}
@media (prefers-color-scheme:dark){:root{--bg:#14171d;--fg:#e6e9ef;--muted:#9aa3b2;--card:#1d2129;--line:#323846;--bar:#f26b6b;--rest:#6f7d93;--prev:#7fb0ff}}
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
.cards{display:flex;flex-wrap:wrap;gap:10px;background:none;border:0;padding:0}
.card{flex:1 1 136px;background:var(--card);border:1px solid var(--line);border-radius:10px;padding:10px 12px}
.card .k{font-size:.8rem;color:var(--muted);text-transform:uppercase;letter-spacing:.04em}
.card .v{font-size:1.5rem;font-weight:650}
.card .t{font-size:.85rem;color:var(--muted)}
.card.wide{flex-basis:100%}
${CSS_CARDS}
.chart{width:100%;height:auto;display:block}
.chart .bar{fill:var(--bar)}.chart .bar-rest{fill:var(--card);stroke:var(--rest);stroke-width:1.5;vector-effect:non-scaling-stroke}.chart .bar-empty{fill:transparent}
.chart .grid{stroke:var(--line);stroke-width:1}
.chart .axis{fill:var(--muted);font-size:11px}
.chart .prev{fill:none;stroke:var(--prev);stroke-width:2;stroke-dasharray:5 4}.chart .prev-peak{fill:var(--prev);font-weight:600}
.legend{font-size:.85rem;color:var(--muted);margin-top:6px}
.legend i{display:inline-block;width:10px;height:10px;border-radius:2px;margin:0 4px 0 10px;vertical-align:-1px}
.legend .k-bar{background:var(--bar)}.legend .k-rest{border:1.5px solid var(--rest)}.legend .k-prev{width:16px;height:0;border-radius:0;border-top:2px dashed var(--prev);vertical-align:3px}
table{width:100%;border-collapse:collapse;font-size:.9rem}
th,td{text-align:left;padding:6px 8px;border-bottom:1px solid var(--line);vertical-align:top}
table.stack th,table.stack td{padding-left:6px;padding-right:6px}
thead th{font-size:.78rem;color:var(--muted);text-transform:uppercase;letter-spacing:.03em}
tbody th{font-weight:inherit}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;overflow-wrap:normal}
td.rank{white-space:nowrap}
td,tbody th{overflow-wrap:anywhere}
code,.ip{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.88em}
@media (min-width:641px){.ip:not(.v6){white-space:nowrap}}
.ip.v6{overflow-wrap:normal}
.sev{display:inline-block;border-radius:999px;padding:1px 8px;font-size:.75rem;font-weight:600;color:#fff;white-space:nowrap}
.sev0{background:var(--s0)}.sev1{background:var(--s1)}.sev2{background:var(--s2)}.sev3{background:var(--s3)}.sev4{background:var(--s4)}.sev5{background:var(--s5)}
.new{display:inline-block;border:1px solid var(--prev);color:var(--prev);border-radius:4px;padding:0 4px;font-size:.7rem;margin-left:4px}
.chips{margin-top:3px}
.chip{display:inline-block;border:1px solid var(--line);border-radius:4px;padding:0 5px;margin:2px 4px 0 0;font-size:.75rem;color:var(--muted)}
.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
details.more{margin-top:4px;font-size:.82rem}
details.more summary{cursor:pointer;color:var(--muted);width:max-content}
details.port summary{cursor:pointer}
details.port p{margin:4px 0 2px;color:var(--muted);font-size:.85rem}
dl.facts{margin:4px 0 2px}
dl.facts dt{color:var(--muted);font-size:.72rem;text-transform:uppercase;letter-spacing:.03em;margin-top:4px}
dl.facts dd{margin:0}
ul.plain{margin:6px 0 0;padding-left:18px;overflow-wrap:anywhere}
footer{font-size:.8rem;color:var(--muted);margin:18px 0;overflow-wrap:anywhere}
@media (max-width:899px){
 table.stack thead{display:none}
 table.stack,table.stack tbody{display:block;width:100%}
 table.stack tr{display:grid;grid-template-columns:1fr 1fr;column-gap:10px;border:1px solid var(--line);border-radius:8px;padding:6px 8px;margin:0 0 8px}
 table.stack td,table.stack tbody th{display:block;border:0;padding:2px 0;text-align:left!important;min-width:0}
 table.stack td::before,table.stack tbody th::before{content:attr(data-label);display:inline-block;margin-right:6px;color:var(--muted);font-size:.72rem;text-transform:uppercase}
 table.stack td.why,table.stack td.wide,table.stack .head{grid-column:1/-1}
 table.stack td.why::before,table.stack td.wide::before{display:block}
 table.stack td.rank{display:none}
 .rank-m{display:inline!important;font-weight:600}
}
@media (max-width:640px){
 main{padding:10px}
 .wide-only{display:none}
 table:not(.stack) th,table:not(.stack) td{padding:6px 5px}
 table:not(.stack) thead th{letter-spacing:0}
 td.names{overflow-wrap:break-word}
 .chart .axis{font-size:24px}
}
@media (max-width:359px){
 td.names{overflow-wrap:anywhere}
}
@media print{
 :root{color-scheme:light;--bg:#fff;--card:#fff;--fg:#000;--muted:#444;--line:#bbb;--bar:#b4232a;--rest:#7f8ca0;--prev:#2b5fab}
 details::details-content{content-visibility:visible;display:block}
 details>summary{list-style:none}
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

/** A note under a table, or nothing. */
function lateNoteHtml(note: string | null): string {
  return note === null ? '' : `<p class="muted">${e(note)}</p>`;
}

/**
 * A headline card: a label, a big number and a line under it (both already HTML). `wide`:
 * across the whole row, after the others, for a line of several items ("not probes": in a
 * card of one column, four kinds ran to a dozen lines and every card of the row grew with it).
 */
/** A browser may break "--tz" after its dashes (as in a narrow Chinese line): an option is copied whole, so it stays on one line. */
export const keepOptionsWhole = (html: string): string => html.replace(/--[a-z][a-z-]*/g, (o) => `<span class="nw">${o}</span>`);

export function card(label: string, valueHtml: string, subHtml: string, wide = false): string {
  return `<div class="card${wide ? ' wide' : ''}"><div class="k">${e(label)}</div><div class="v">${valueHtml}</div><div class="t">${subHtml}</div></div>`;
}

/**
 * The chart's legend: blocked and the rest, the day before when the chart has it, and what its
 * hatched hours mean (`uncovered`, the words) when it has some. Each key
 * is drawn as its mark is (a filled bar, an outlined one, a dashed line), not by colour alone:
 * red and grey differ little in lightness, and not at all to a reader who does not see red.
 */
export function chartLegend(m: Messages['daily']['html'], previous: boolean, uncovered: string | null = null): string {
  const item = (key: string, label: string): string => `<i class="k-${key}"></i>${e(label)}`;
  // Styled inline as the chart's hatch is (daily-chart.ts): only a page with such hours has it.
  const gap = uncovered === null ? '' : `<i class="k-uncovered" style="background:repeating-linear-gradient(45deg,var(--line) 0 2px,var(--bg) 2px 5px);border:1px solid var(--line)"></i>${e(uncovered)}`;
  return `<div class="legend">${item('bar', m.legendBlocked)}${item('rest', m.legendRest)}${previous ? item('prev', m.legendPrevious) : ''}${gap}</div>`;
}

export function td(label: string, html: string, cls = ''): string {
  return `<td data-label="${e(label)}"${cls ? ` class="${cls}"` : ''}>${html}</td>`;
}

/**
 * The cell that names its row (a source's address, a port, an interpretation, a log prefix):
 * a screen reader announces the row's other cells with it, as it does a column's heading.
 * The CSS gives it a data cell's look (`tbody th`), so on screen and paper it is one.
 */
export function rowHead(label: string, html: string, cls = ''): string {
  return `<th scope="row" data-label="${e(label)}"${cls ? ` class="${cls}"` : ''}>${html}</th>`;
}

function sevBadge(sev: number, m: Messages): string {
  const s = Math.max(0, Math.min(5, sev));
  return `<span class="sev sev${s}">${m.severity[s]}</span>`;
}

export function table(head: [string, string?][], rows: string[], stack = true): string {
  // scope: a screen reader then reads a cell with its column's heading, as a sighted reader does.
  const ths = head.map(([h, cls]) => `<th scope="col"${cls ? ` class="${cls}"` : ''}>${e(h)}</th>`).join('');
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

/**
 * What the ranking knows of a source (sourceFacts), behind a <details> disclosure: the page
 * has no script, and the table stays one line per source until asked.
 */
function sourceDetails(r: RankedSource, tz: string | null, lang: Lang): string {
  // An interpretation's id stays whole, as on the why line, and so does a time.
  const facts = sourceFacts(r, tz, lang).map((f) => `<dt>${e(f.label)}</dt><dd>${f.lines.map((l) => wholeStamps(whyHtml(l))).join('<br>')}</dd>`);
  // The address, unseen but read out: a screen reader would otherwise hear twenty "details" alike.
  return `<details class="more"><summary>${e(messages(lang).report.details.summary)}<span class="vh"> ${e(r.ip)}</span></summary><dl class="facts">${facts.join('')}</dl></details>`;
}

/** The port's names; with a meaning, they open onto it (a <details>: no script). */
function portNamesHtml(p: ReportDoc['topPorts'][number], sep: string): string {
  const names = knownAsText(p.names, sep, e);
  return p.meaning === null ? names : `<details class="port"><summary>${names}</summary><p>${e(p.meaning)}</p></details>`;
}

/** A date and time as the details write it ("2016-08-05 01:02:25", "11-20 09:41"), which a browser would break at a hyphen. */
const STAMP = /((?:\d{4}-)?\d{2}-\d{2})[ \u00a0](\d{2}:\d{2}(?::\d{2})?)/g;

/**
 * Escaped text with each date and each time in it whole ("2016-08-" over "05 01:02:25" read
 * as two times); a line may still break between a date and its time, so a narrow column of
 * the table is not widened by a whole stamp.
 */
function wholeStamps(html: string): string {
  return html.replace(STAMP, (_, date: string, time: string) => `<span class="nw">${date}</span> <span class="nw">${time}</span>`);
}

/**
 * An annotation id in brackets ("(proxy-hunt)", "（proxy-hunt）", "(trojan)"), which a browser
 * would break at its hyphen: every id alike, hyphen or not, so a list of them reads the same.
 */
const BRACKETED_ID = /([(（])([a-z0-9]+(?:-[a-z0-9]+)*)([)）])/g;

/**
 * A source's why line (or a line of its details), escaped, with each annotation id it names
 * kept on one line: the reader gives that id to `logscan explain`, and "(proxy-" / "hunt)" is no id.
 */
function whyHtml(text: string): string {
  const roles = annotationRoles();
  return e(text).replace(BRACKETED_ID, (all, open: string, id: string, close: string) => (roles.name(id, 'en') === null ? all : `<span class="nw">${open}${id}${close}</span>`));
}

/**
 * An address on a page (a source, an interpretation's example, a probed host, daily's new sources): an IPv4 one
 * never broken (cut at a '.', it reads as another address); an IPv6 one may break after a ':'
 * only, as the terminal's table breaks it: kept on one line, 39 characters of it left the why
 * column of nine too little at 900 px, and cut anywhere a group read as two.
 */
export function addressHtml(ip: string): string {
  return ip.includes(':') ? `<span class="ip v6">${e(ip).replace(/:/g, ':<wbr>')}</span>` : `<span class="ip">${e(ip)}</span>`;
}

function sourcesTable(rows: readonly RankedSource[], fresh: ReadonlySet<string>, tz: string | null, lang: Lang, withYear: boolean, unit: CountUnit): string {
  const m = messages(lang);
  const h = { ...m.report.head, packets: unitHead(unit, m.report.head) };
  return table(
    [[h.rank, 'n'], [h.source], [h.severity], [h.score, 'n'], [h.packets, 'n'], [h.ports, 'n'], [h.hosts, 'n'], [h.seen], [h.why]],
    rows.map((r) => {
      // The label to read, the id (what `explain` and --config weights take) on hovering it; the findings line under the table shows both.
      const chips = r.findings.map((f) => `<span class="chip" title="${e(f.id)}">${e(findingLabel(f.id, lang))}</span>`).join('');
      return (
        '<tr>' +
        td(h.rank, String(r.rank), 'n rank') +
        rowHead(h.source, `<span class="rank-m">#${r.rank} </span>${addressHtml(r.ip)}${fresh.has(r.ip) ? `<span class="new">${e(m.daily.html.newBadge)}</span>` : ''}${originHtml(r)}`, 'head') +
        td(h.severity, sevBadge(r.severity, m)) +
        td(h.score, r.score.toFixed(1), 'n') +
        td(h.packets, fmtInt(r.packets), 'n') +
        td(h.ports, breadth(r.ports, r.portsCapped), 'n') +
        td(h.hosts, breadth(r.hosts, r.hostsCapped), 'n') +
        // Each end on one line: "11-20 10:54–11-21 04:59" broke at the hyphen inside a date.
        td(h.seen, seenText(r.first, r.last, tz, { sep: '\u0000', withYear }).split('\u0000').map((x) => `<span class="nw">${e(x)}</span>`).join('–')) +
        td(h.why, `${[whyHtml(r.explanation), ...whyNotes(r, lang).map(e)].join(' · ')}${chips ? `<div class="chips">${chips}</div>` : ''}${sourceDetails(r, tz, lang)}`, 'why') +
        '</tr>'
      );
    }),
  );
}

/** "<li>CN 中国: 12 packets, 3 sources</li>" per country or network (`name` is already HTML). */
function geoList(items: readonly { name: string; packets: number; sources: number; connections: number }[], m: Messages['report']): string {
  return `<ul class="plain">${items.map((x) => `<li>${m.originItem(x.name, x.packets, x.sources, x.connections)}</li>`).join('')}</ul>`;
}

/**
 * "Logged as": packets per log prefix / rule label, with their share of `packets`; `labels` distinct labels in all ("+N more" past those listed).
 * `unit`: of all the records, whose shares these are (a Windows log's ALLOW rows are connections).
 */
export function rulesSection(rules: readonly RuleCounted[], packets: number, lang: Lang, labels: number, unit: CountUnit = 'packets'): string {
  const msg = messages(lang);
  const R = msg.report;
  const D = msg.daily;
  const countHead = unitHead(unit, R.head);
  const row = (label: string, n: number) => '<tr>' + rowHead(D.html.ruleLabel, label, 'wide') + td(countHead, fmtInt(n), 'n') + td(R.head.share, pctOf(n, packets), 'n') + '</tr>';
  // A label as logged is code; one said in words (an ASA message id) is text.
  const rows = ruleRows(rules, msg).map((x) => row(x.kind === 'none' ? `<span class="muted">${e(x.name)}</span>` : x.kind === 'words' ? e(x.name) : `<code>${e(x.name)}</code>`, x.packets));
  const more = otherRules(rules, labels, packets);
  if (more !== null) rows.push(row(`<span class="muted">${e(R.moreLabels(more.labels))}</span>`, more.packets));
  return `<section><h2>${e(D.md.loggedAs)}</h2>${table([[D.md.ruleHead], [countHead, 'n'], [R.head.share, 'n']], rows, false)}</section>`;
}

/**
 * The report's sections, one HTML string each: top sources (with `fresh` ones marked new),
 * countries and networks, probed ports, interpretations, the eviction note.
 */
export function reportSectionsHtml(r: ReportDoc, tz: string | null, lang: Lang, fresh: ReadonlySet<string> = new Set()): string[] {
  const msg = messages(lang);
  const R = msg.report;
  const b: string[] = [];
  if (r.sources.length > 0) {
    const title = r.rankedSources > r.sources.length ? R.topSourcesOf(r.sources.length, r.rankedSources) : R.topSources;
    let section = `<section><h2>${e(title)}</h2>${sourcesTable(r.sources, fresh, tz, lang, spansYears(r.span, tz), rowsUnit(r.sources))}`;
    if (r.unrankedSources) section += `<p class="muted">${e(R.unranked(r.unrankedSources, r.totals.sources))}</p>`;
    if (r.findings.length > 0) section += `<p class="muted">${e(R.md.findings)}${e(msg.colon)}${r.findings.map((f) => R.findingItem(e(findingLabel(f.id, lang)), `<code class="nw">${e(f.id)}</code>`, fmtInt(f.sources))).join(' · ')}</p>`;
    if (r.sourceRanges.length > 0) section += `<p class="muted">${e(R.md.ranges)}${e(msg.colon)}${r.sourceRanges.map((x) => e(R.rangeItem(x.name, x.sources))).join(' · ')}</p>`;
    const noTtl = osHintNoTtlText(r, R);
    if (noTtl !== null) section += `<p class="muted">${e(noTtl)}</p>`;
    b.push(section + '</section>');
  }
  const countries = (r.topCountries ?? []).map((x) => ({ name: `${e(x.country ?? '?')}${x.countryName ? ` ${e(x.countryName)}` : ''}`, packets: x.packets, sources: x.sources, connections: x.connections }));
  const networks = (r.topNetworks ?? []).map((x) => ({ name: `AS${x.number}${x.organization ? ` ${e(x.organization)}` : ''}`, packets: x.packets, sources: x.sources, connections: x.connections }));
  if (countries.length > 0) {
    b.push(`<section><h2>${e(R.md.topCountries)}</h2>${geoList(countries, R)}${networks.length > 0 ? `<h2>${e(R.md.topNetworks)}</h2>${geoList(networks, R)}` : ''}</section>`);
  } else if (networks.length > 0) {
    b.push(`<section><h2>${e(R.md.topNetworks)}</h2>${geoList(networks, R)}</section>`);
  }
  if (r.topPorts.length > 0) {
    const P = { ...R.head, packets: portsCountHead(r, R.head) };
    b.push(
      `<section><h2>${e(portsTitle(r, R))}</h2>${table(
        [[P.port], [P.packets, 'n'], [P.sourceCount, 'n'], [P.share, 'n wide-only'], [P.knownAs]],
        r.topPorts.map(
          (p) =>
            '<tr>' +
            rowHead(P.port, `<code>${p.port}/${e(p.proto)}</code>`, 'nw') +
            td(P.packets, fmtInt(p.packets), 'n') +
            td(P.sourceCount, portSourcesText(p.sources, r.topPortSourcesCapped), 'n') +
            td(P.share, fmtPct(p.share), 'n wide-only') +
            td(P.knownAs, portNamesHtml(p, msg.nameSep), 'wide names') +
            '</tr>',
        ),
        // A table on a phone too (cards would only make it long), without the share column
        // there: five columns left the names a few letters wide.
        false,
      )}${lateNoteHtml(portsLateNote(r, R))}</section>`,
    );
  }
  if (showsTargets(r)) b.push(targetsSection(r, lang));
  if (r.interpretations.length > 0) {
    const I = { ...R.head, packets: unitHead(rowsUnit(r.interpretations), R.head) };
    b.push(
      `<section><h2>${e(R.interpretations)}</h2>${table(
        [[I.interpretation], [I.severity], [I.packets, 'n'], [I.sourceCount, 'n'], [I.example], [I.meaning]],
        r.interpretations.map(
          (i) =>
            '<tr>' +
            rowHead(I.interpretation, whyHtml(namedAnnotation(i.id, lang)), 'head') +
            td(I.severity, sevBadge(i.severity, msg)) +
            td(I.packets, fmtInt(i.packets), 'n') +
            td(I.sourceCount, capped(i.sources, i.sourcesCapped), 'n') +
            td(I.example, i.textSource !== null ? addressHtml(i.textSource) : '-') +
            td(I.meaning, e(interpretationMeaning(i, lang)), 'why') +
            '</tr>',
        ),
      )}</section>`,
    );
  }
  if (r.profiles.evicted > 0) {
    b.push(`<p class="note">${e(R.md.evicted(r.profiles.cap, r.profiles.evicted))}</p>`);
  }
  return b;
}

/**
 * The most probed hosts of this side. Cards under 900 px, as the sources: a long IPv6
 * address beside four other columns left the ports a few letters wide on a phone.
 */
function targetsSection(r: ReportDoc, lang: Lang): string {
  const msg = messages(lang);
  const R = msg.report;
  const T = { ...R.head, packets: targetsCountHead(r, R.head) };
  const rows = r.topTargets.map(
    (t) =>
      '<tr>' +
      rowHead(T.target, addressHtml(t.ip), 'head') +
      td(T.packets, fmtInt(t.packets), 'n') +
      td(T.sourceCount, capped(t.sources, r.topTargetSourcesCapped), 'n') +
      td(T.share, fmtPct(t.share), 'n') +
      td(T.targetPorts, targetPortsText(t, msg.nameSep, e), 'wide') +
      '</tr>',
  );
  const head: [string, string?][] = [[T.target], [T.packets, 'n'], [T.sourceCount, 'n'], [T.share, 'n'], [T.targetPorts]];
  return `<section><h2>${e(targetsTitle(r, R))}</h2>${table(head, rows)}${lateNoteHtml(otherTargetsNote(r, R))}</section>`;
}

/** The whole page around `body` (already HTML). */
export function htmlPage(lang: Lang, title: string, body: readonly string[]): string {
  return (
    `<!DOCTYPE html>\n<html lang="${LANG_ATTR[lang]}"><head><meta charset="utf-8">` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    // No script, no fetch of anything: the page needs neither, so forbid both.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">` +
    `<title>${e(title)}</title><style>${CSS.trim()}${CSS_LANG[lang]}</style></head>\n<body><main>\n${body.join('\n')}\n</main></body></html>\n`
  );
}
