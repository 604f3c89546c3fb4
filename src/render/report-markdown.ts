// The report as GitHub-flavoured Markdown, for pasting into a ticket. Same content as
// the terminal report; every string that came from a log (or from --signatures) goes
// through markdownEscape, numbers we format ourselves do not need it.
import { zoneName } from '../daily/day.js';
import type { ReportDoc } from '../aggregate/report.js';
import type { Lang } from '../knowledge/types.js';
import { findingLabel, messages } from '../i18n/messages.js';
import { DETAILED_SOURCES, sourceFacts } from './source-facts.js';
import { encodingNotes, filterItems, incompleteNotes, inputReason, interpretationMeaning, knownAsText, logGapsText, noMatchText, portSourcesText, portsCountHead, portsLateNote, portsTitle, probesItems, recordsText, seenText, spansYears, osHintNoTtlText, whyNotes, zoneLines } from './report-words.js';
import { perDayRow, sparkline } from './activity-rows.js';
import { ruleItems } from './rule-rows.js';
import { namedAnnotation } from '../annotate/roles.js';
import { otherTargetsNote, showsTargets, targetPortsText, targetsCountHead, targetsTitle } from './target-words.js';
import { rowsUnit, unitHead } from './count-unit.js';
import { breadth, capped, fmtInt, fmtPct } from '../util/number-text.js';
import { markdownEscape as md } from './sanitize.js';
import { formatDateTime } from './time-format.js';

export interface MarkdownOptions {
  tz: string | null;
  /** Language of the headings and phrases (--lang). */
  lang: Lang;
}

/** A bold list label with the language's colon inside: "**time span:**", "**时间范围：**". */
export function mdLabel(label: string, lang: Lang): string {
  return `**${label}${messages(lang).colon.trimEnd()}**`;
}

/**
 * The time zone's list item: one note after its label, several each an item of its own under it
 * (joined, they ran into one paragraph), none when nothing is said. `notes` are the log's words: escaped here.
 */
export function zoneItems(label: string, notes: readonly string[]): string[] {
  if (notes.length <= 1) return notes.map((n) => `- ${label} ${md(n)}`);
  return [`- ${label}`, ...notes.map((n) => `  - ${md(n)}`)];
}

function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function tableMd(head: string[], rows: string[][], right: number[] = []): string[] {
  const sep = head.map((_, i) => (right.includes(i) ? '---:' : '---'));
  return [row(head), row(sep), ...rows.map(row)];
}

export function renderReportMarkdown(doc: ReportDoc, opts: MarkdownOptions): string {
  const m = messages(opts.lang).report;
  const label = (s: string): string => mdLabel(s, opts.lang);
  const out: string[] = [];
  const t = doc.totals;
  out.push(`## ${m.md.title}`, '');
  out.push(`- ${label(m.md.inputs)} ${doc.inputs.length === 1 ? md(doc.inputs[0].file) : m.md.inputList(doc.inputs.length, doc.inputs.map((i) => md(i.file)).join(', '))}`);
  if (doc.span.first && doc.span.last) {
    out.push(`- ${label(m.md.timeSpan)} ${formatDateTime(new Date(doc.span.first), opts.tz)} → ${formatDateTime(new Date(doc.span.last), opts.tz)}${messages(opts.lang).aside(md(zoneName(opts.tz)))}`);
    out.push(...zoneItems(label(m.md.timeZone), zoneLines(doc, opts.lang, opts.tz)));
  }
  out.push(
    `- ${label(m.md.records)} ${recordsText(t, opts.lang)}`,
  );
  const filt = filterItems(doc.filters, m, opts.tz, md);
  if (filt.length > 0) out.push(`- ${label(m.md.filter)} ${filt.join(' · ')}`);
  if (t.ignored !== undefined) out.push(`- ${label(m.md.ignored)} ${m.ignoredText(t.ignored)}`);
  // Worded as the terminal's note; with no inputs table here, each file says why after it.
  for (const n of incompleteNotes(doc.inputs, opts.lang, (i) => md(i.file), (i) => md(inputReason(i, opts.lang)))) out.push(`- ${label(n.label)} ${n.text}`);
  for (const i of doc.inputs) if (i.error && !i.incomplete) out.push(`- ${label(m.md.problem)} ${md(i.file)}${messages(opts.lang).colon}${md(inputReason(i, opts.lang))}`);
  for (const i of doc.inputs) if (i.encoding !== null) out.push(`- ${label(m.decodedLabel)} ${md(i.file)}${md(m.decoded(i.encoding))}`);
  for (const n of encodingNotes(doc.inputs, opts.lang, md, md)) out.push(`- ${label(n.label)} ${n.text}`);
  for (const i of doc.inputs) if (i.repeats) out.push(`- ${label(m.md.repeated)} ${md(i.file)}${messages(opts.lang).colon}${md(m.repeats(i.repeats.share, i.repeats.records, i.repeats.other))}`);
  if (doc.interrupted) out.push(`- ${label(m.md.interrupted)} ${m.md.interruptedText(md(doc.interrupted))}`);
  const gaps = logGapsText(doc, m, opts.tz);
  if (gaps !== null) out.push(`- ${label(m.logGapsLabel)} ${md(gaps)}`);
  if (t.events > 0) {
    const msg = messages(opts.lang);
    out.push(`- ${label(m.label.probes)} ${probesItems(doc.probes, msg).join(' · ')}`);
    const notProbes = msg.notProbes(doc.probes);
    if (notProbes.length > 0) out.push(`- ${label(m.label.notProbes)} ${notProbes.join(' · ')}`);
  }
  if (doc.ruleLabels > 1) out.push(`- ${label(m.label.loggedAs)} ${ruleItems(doc, messages(opts.lang), md).join(' · ')}`);
  if (doc.perHour.some((v) => v > 0)) out.push(`- ${label(m.md.perHour)} \`${sparkline(doc.perHour)}\``);
  const perDay = perDayRow(doc.perDay, m);
  if (perDay !== null) out.push(`- ${label(m.md.perDay)} ${'items' in perDay ? perDay.items.join(' · ') : `\`${sparkline(perDay.spark)}\`${messages(opts.lang).aside(`${perDay.from} → ${perDay.to}`)}`}`);

  if (t.events === 0) {
    out.push('', t.parsedEvents > 0 ? noMatchText(doc, m, opts.tz) : m.noRecordsShort);
    return out.join('\n') + '\n';
  }
  out.push(...renderReportSectionsMarkdown(doc, opts));
  return out.join('\n') + '\n';
}

/**
 * The `###` sections: top sources, top destination ports, notable interpretations,
 * the eviction note. Lines to join with "\n"; also used by `logscan daily`.
 */
export function renderReportSectionsMarkdown(doc: ReportDoc, opts: MarkdownOptions): string[] {
  const msg = messages(opts.lang);
  const m = msg.report;
  const h = m.head;
  const label = (s: string): string => mdLabel(s, opts.lang);
  const out: string[] = [];
  if (doc.sources.length > 0) {
    // As the terminal and the HTML page say it: a cut list names how many it leaves out.
    const title = doc.rankedSources > doc.sources.length ? m.topSourcesOf(doc.sources.length, doc.rankedSources) : m.topSources;
    out.push('', `### ${title}`, '');
    // Opt-in columns (--geoip, --resolve) only when their data is there; --os-hint joins the explanation.
    const geo = doc.sources.some((r) => r.geo !== undefined || r.as !== undefined);
    const ptr = doc.sources.some((r) => r.ptr !== undefined);
    const withYear = spansYears(doc.span, opts.tz);
    out.push(
      ...tableMd(
        [h.rank, h.source, h.score, h.severity, unitHead(rowsUnit(doc.sources), h), h.ports, h.hosts, h.seen, ...(ptr ? ['PTR'] : []), ...(geo ? [h.country, h.network] : []), h.why],
        doc.sources.map((r) => [
          String(r.rank),
          md(r.ip),
          r.score.toFixed(1),
          msg.severity[r.severity] ?? String(r.severity),
          fmtInt(r.packets),
          breadth(r.ports, r.portsCapped),
          breadth(r.hosts, r.hostsCapped),
          seenText(r.first, r.last, opts.tz, { withYear }),
          ...(ptr ? [r.ptr ? md(r.ptr) : '-'] : []),
          ...(geo ? [r.geo?.country ? md(r.geo.country) : '-', r.as ? `AS${r.as.number}${r.as.organization ? ` ${md(r.as.organization)}` : ''}` : '-'] : []),
          [r.explanation, ...whyNotes(r, opts.lang)].map(md).join(' · '),
        ]),
        [0, 2, 4, 5, 6],
      ),
    );
    if (doc.unrankedSources) out.push('', m.unranked(doc.unrankedSources, doc.totals.sources));
    if (doc.findings.length > 0) out.push('', `${label(m.md.findings)} ${doc.findings.map((x) => m.findingItem(md(findingLabel(x.id, opts.lang)), `\`${x.id}\``, fmtInt(x.sources))).join(' · ')}`);
    if (doc.sourceRanges.length > 0) out.push('', `${label(m.md.ranges)} ${doc.sourceRanges.map((r) => m.rangeItem(md(r.name), r.sources)).join(' · ')}`);
    const noTtl = osHintNoTtlText(doc, m);
    if (noTtl !== null) out.push('', md(noTtl));
    // Asked about particular addresses (--source): all the ranking knows of the first few, as the text report does.
    if (doc.filters.sources.length > 0) {
      for (const r of doc.sources.slice(0, DETAILED_SOURCES)) {
        out.push('', `#### ${md(m.details.of(r.ip))}`, '', ...sourceFacts(r, opts.tz, opts.lang).map((f) => `- ${label(f.label)} ${f.lines.map(md).join(' · ')}`));
      }
    }
  }

  if (doc.topCountries && doc.topCountries.length > 0) {
    out.push('', `${label(m.md.topCountries)} ${doc.topCountries.map((x) => m.originItem(`${md(x.country ?? '?')}${x.countryName ? messages(opts.lang).aside(md(x.countryName)) : ''}`, x.packets, x.sources, x.connections)).join(' · ')}`);
  }
  if (doc.topNetworks && doc.topNetworks.length > 0) {
    out.push('', `${label(m.md.topNetworks)} ${doc.topNetworks.map((x) => m.originItem(`AS${x.number}${x.organization ? ` ${md(x.organization)}` : ''}`, x.packets, x.sources, x.connections)).join(' · ')}`);
  }
  if (doc.topPorts.length > 0) {
    out.push('', `### ${portsTitle(doc, m)}`, '');
    out.push(
      ...tableMd(
        [h.port, portsCountHead(doc, h), h.sourceCount, h.share, h.knownAs],
        doc.topPorts.map((p) => [`${p.port}/${md(p.proto)}`, fmtInt(p.packets), portSourcesText(p.sources, doc.topPortSourcesCapped), fmtPct(p.share), knownAsText(p.names, msg.nameSep, md)]),
        [1, 2, 3],
      ),
    );
    const late = portsLateNote(doc, m);
    if (late !== null) out.push('', md(late));
  }
  if (showsTargets(doc)) {
    out.push('', `### ${targetsTitle(doc, m)}`, '');
    out.push(
      ...tableMd(
        [h.target, targetsCountHead(doc, h), h.sourceCount, h.share, h.targetPorts],
        doc.topTargets.map((t) => [md(t.ip), fmtInt(t.packets), capped(t.sources, doc.topTargetSourcesCapped), fmtPct(t.share), targetPortsText(t, msg.nameSep, md)]),
        [1, 2, 3],
      ),
    );
    const other = otherTargetsNote(doc, m);
    if (other !== null) out.push('', md(other));
  }

  if (doc.interpretations.length > 0) {
    out.push('', `### ${m.interpretations}`, '');
    out.push(
      ...tableMd(
        [h.interpretation, h.sev, unitHead(rowsUnit(doc.interpretations), h), h.sourceCount, h.example, h.meaning],
        doc.interpretations.map((i) => [
          md(namedAnnotation(i.id, opts.lang)),
          String(i.severity),
          fmtInt(i.packets),
          capped(i.sources, i.sourcesCapped),
          i.textSource !== null ? md(i.textSource) : '-',
          md(interpretationMeaning(i, opts.lang)),
        ]),
        [1, 2, 3],
      ),
    );
  }
  if (doc.profiles.evicted > 0) {
    out.push('', `> ${m.md.evicted(doc.profiles.cap, doc.profiles.evicted)}`);
  }
  return out;
}
