// `logscan -o csv`: one table of the report for spreadsheets. One table per run
// (--csv-table sources|ports|targets, default sources) rather than several sections in one
// file: a spreadsheet imports one rectangle with one header row.
//
// RFC 4180: comma-separated, CRLF line ends, a field quoted when it holds a comma or a
// quote, quotes doubled (log text holds no CR or LF once termSafe spelled them). Text cells that begin with = + - @ (or tab / CR)
// get a leading ' so a spreadsheet shows them instead of evaluating them as a formula
// (OWASP "CSV injection"): log text and PTR names are attacker-controlled.
import type { ReportDoc } from '../aggregate/report.js';
import { termSafe } from './sanitize.js';

export type CsvTable = 'sources' | 'ports' | 'targets';
export const CSV_TABLES: readonly CsvTable[] = ['sources', 'ports', 'targets'];

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * A text cell: control, bidi and invisible characters spelled as termSafe does (the CSV
 * may be read on a terminal: `logscan -o csv` prints to one), neutralised against formula
 * injection, then quoted if needed.
 */
export function csvText(raw: string | null | undefined): string {
  if (raw === null || raw === undefined || raw === '') return '';
  const s = termSafe(raw);
  const safe = FORMULA_START.test(s) ? `'${s}` : s;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A number we produced ourselves (never starts with a formula character). */
function csvNum(n: number | null | undefined): string {
  return n === null || n === undefined || !Number.isFinite(n) ? '' : String(n);
}

function line(cells: string[]): string {
  return cells.join(',') + '\r\n';
}

const SOURCE_HEAD = [
  'rank', 'ip', 'score', 'severity', 'events', 'packets', 'ports', 'ports_capped', 'hosts', 'hosts_capped', 'first', 'last',
  'protocols', 'findings', 'country', 'country_name', 'as_number', 'as_organization', 'ptr', 'os_hint', 'explanation',
  'address_range', 'connections',
];

// sources, then connections, last: columns are only ever added at the end, so scripts reading by position keep working.
const PORT_HEAD = ['proto', 'port', 'packets', 'share', 'known_as', 'sources', 'connections'];

// A host's busiest ports in one cell ("22/tcp; 3389/tcp; icmp"), as `ports` words them; other_port_packets: to its other ports.
const TARGET_HEAD = ['ip', 'packets', 'connections', 'sources', 'share', 'ports', 'other_port_packets', 'ports_complete'];

export function renderReportCsv(doc: ReportDoc, table: CsvTable): string {
  let out = '';
  if (table === 'ports') {
    out += line(PORT_HEAD);
    for (const p of doc.topPorts) out += line([csvText(p.proto), csvNum(p.port), csvNum(p.packets), csvNum(Math.round(p.share * 10000) / 10000), csvText(p.names.join('; ')), csvNum(p.sources), csvNum(p.connections)]);
    return out;
  }
  if (table === 'targets') {
    out += line(TARGET_HEAD);
    for (const t of doc.topTargets) {
      const ports = t.ports.map((p) => (p.port === null ? p.proto : `${p.port}/${p.proto}`)).join('; ');
      out += line([csvText(t.ip), csvNum(t.packets), csvNum(t.connections), csvNum(t.sources), csvNum(Math.round(t.share * 10000) / 10000), csvText(ports), csvNum(t.otherPorts), String(t.portsComplete)]);
    }
    return out;
  }
  out += line(SOURCE_HEAD);
  for (const r of doc.sources) {
    out += line([
      csvNum(r.rank),
      csvText(r.ip),
      csvNum(r.score),
      csvNum(r.severity),
      csvNum(r.events),
      csvNum(r.packets),
      csvNum(r.ports),
      String(r.portsCapped),
      csvNum(r.hosts),
      String(r.hostsCapped),
      csvText(r.first),
      csvText(r.last),
      csvText(r.protocols.join(' ')),
      csvText(r.findings.map((f) => f.id).join(' ')),
      csvText(r.geo?.country),
      csvText(r.geo?.countryName),
      csvNum(r.as?.number),
      csvText(r.as?.organization),
      csvText(r.ptr),
      csvText(r.osHint?.text),
      csvText(r.explanation),
      csvText(r.addressRange?.id),
      csvNum(r.connections),
    ]);
  }
  return out;
}
