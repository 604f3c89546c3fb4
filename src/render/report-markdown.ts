// The report as GitHub-flavoured Markdown, for pasting into a ticket. Same content as
// the terminal report; every string that came from a log (or from --signatures) goes
// through markdownEscape, numbers we format ourselves do not need it.
import type { ReportDoc } from '../aggregate/report.js';
import { capped, osHintText, recordsText, seenText, sparkline } from './report-text.js';
import { counted, fmtInt, fmtPct } from '../util/number-text.js';
import { markdownEscape as md } from './sanitize.js';
import { formatDateTime } from './time-format.js';

export interface MarkdownOptions {
  tz: string | null;
}

function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function tableMd(head: string[], rows: string[][], right: number[] = []): string[] {
  const sep = head.map((_, i) => (right.includes(i) ? '---:' : '---'));
  return [row(head), row(sep), ...rows.map(row)];
}

const SEV = ['info', 'notice', 'low', 'medium', 'high', 'critical'];

export function renderReportMarkdown(doc: ReportDoc, opts: MarkdownOptions): string {
  const out: string[] = [];
  const t = doc.totals;
  out.push(`## logscan report`, '');
  out.push(`- **inputs:** ${doc.inputs.length === 1 ? md(doc.inputs[0].file) : `${doc.inputs.length} (${doc.inputs.map((i) => md(i.file)).join(', ')})`}`);
  if (doc.span.first && doc.span.last) {
    out.push(`- **time span:** ${formatDateTime(new Date(doc.span.first), opts.tz)} → ${formatDateTime(new Date(doc.span.last), opts.tz)}${opts.tz ? ` (${md(opts.tz)})` : ''}`);
  }
  out.push(
    `- **records:** ${recordsText(t)}`,
  );
  const f = doc.filters;
  const filt: string[] = [];
  if (f.since) filt.push(`since ${formatDateTime(new Date(f.since), opts.tz)}`);
  if (f.until) filt.push(`until ${formatDateTime(new Date(f.until), opts.tz)}`);
  if (f.sources.length > 0) filt.push(`source ${f.sources.map(md).join(', ')}`);
  if (f.minSeverity !== null) filt.push(`min severity ${f.minSeverity}`);
  if (filt.length > 0) out.push(`- **filter:** ${filt.join(' · ')}`);
  if (t.ignored !== undefined) out.push(`- **ignored:** ${counted(t.ignored, 'event')} matched the --ignore list`);
  for (const i of doc.inputs) if (i.error) out.push(`- **${i.incomplete ? 'incomplete' : 'problem'}:** ${md(i.error)}`);
  if (doc.interrupted) out.push(`- **interrupted:** by ${md(doc.interrupted)}; this report covers only what was read before it`);
  if (doc.perHour.some((v) => v > 0)) out.push(`- **per hour (00-23):** \`${sparkline(doc.perHour)}\``);

  if (t.events === 0) {
    out.push('', t.parsedEvents > 0 ? 'No events match the filters.' : 'No firewall records found.');
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
  const out: string[] = [];
  if (doc.sources.length > 0) {
    out.push('', '### Top sources', '');
    // Opt-in columns (--geoip, --resolve) only when their data is there; --os-hint joins the explanation.
    const geo = doc.sources.some((r) => r.geo !== undefined || r.as !== undefined);
    const ptr = doc.sources.some((r) => r.ptr !== undefined);
    out.push(
      ...tableMd(
        ['#', 'source', 'score', 'severity', 'events', 'ports', 'hosts', 'seen', ...(ptr ? ['PTR'] : []), ...(geo ? ['country', 'network'] : []), 'why'],
        doc.sources.map((r) => [
          String(r.rank),
          md(r.ip),
          r.score.toFixed(1),
          SEV[r.severity] ?? String(r.severity),
          fmtInt(r.events),
          capped(r.ports, r.portsCapped),
          capped(r.hosts, r.hostsCapped),
          seenText(r.first, r.last, opts.tz),
          ...(ptr ? [r.ptr ? md(r.ptr) : '-'] : []),
          ...(geo ? [r.geo?.country ? md(r.geo.country) : '-', r.as ? `AS${r.as.number}${r.as.organization ? ` ${md(r.as.organization)}` : ''}` : '-'] : []),
          md(r.explanation) + (r.osHint ? ` · ${md(osHintText(r))}` : ''),
        ]),
        [0, 2, 4, 5, 6],
      ),
    );
    if (doc.findings.length > 0) out.push('', `**Findings:** ${doc.findings.map((x) => `${md(x.id)} ${fmtInt(x.sources)}`).join(' · ')}`);
  }

  if (doc.topCountries && doc.topCountries.length > 0) {
    out.push('', `**Top countries:** ${doc.topCountries.map((x) => `${md(x.country ?? '?')}${x.countryName ? ` (${md(x.countryName)})` : ''} ${fmtInt(x.packets)}`).join(' · ')}`);
  }
  if (doc.topNetworks && doc.topNetworks.length > 0) {
    out.push('', `**Top networks:** ${doc.topNetworks.map((x) => `AS${x.number}${x.organization ? ` ${md(x.organization)}` : ''} ${fmtInt(x.packets)}`).join(' · ')}`);
  }
  if (doc.topPorts.length > 0) {
    out.push('', doc.topPortsBlockedOnly ? '### Top probed ports (dropped or rejected)' : '### Top destination ports', '');
    out.push(
      ...tableMd(
        ['port', 'packets', 'share', 'known as'],
        doc.topPorts.map((p) => [`${p.port}/${md(p.proto)}`, fmtInt(p.packets), fmtPct(p.share), p.names.slice(0, 3).map(md).join('; ') || '-']),
        [1, 2],
      ),
    );
  }

  if (doc.interpretations.length > 0) {
    out.push('', '### Notable interpretations', '');
    out.push(
      ...tableMd(
        ['interpretation', 'sev', 'packets', 'sources', 'e.g. from', 'meaning'],
        doc.interpretations.map((i) => [
          md(i.id),
          String(i.severity),
          fmtInt(i.packets),
          capped(i.sources, i.sourcesCapped),
          i.textSource !== null ? md(i.textSource) : '-',
          md(i.text),
        ]),
        [1, 2, 3],
      ),
    );
  }
  if (doc.profiles.evicted > 0) {
    out.push('', `> More than ${fmtInt(doc.profiles.cap)} sources: ${fmtInt(doc.profiles.evicted)} least-recently-seen source profiles were evicted and are missing from the ranking.`);
  }
  return out;
}
