// The most probed hosts table's words, one wording for the text, Markdown and HTML
// reports: its title, count head, a host's ports cell and the note about the hosts it
// does not list. Plain text: each renderer escapes log-derived parts through `esc`.
import { countUnit, rowsUnit, unitHead } from './count-unit.js';
import type { ReportDoc, TargetRow } from '../aggregate/report.js';
import type { Messages } from '../i18n/messages.js';
import { fmtPct } from '../util/number-text.js';
import { shorten } from './report-words.js';

type TargetsDoc = Pick<ReportDoc, 'topTargets' | 'topTargetsBlockedOnly' | 'topTargetsPackets' | 'topTargetsConnections' | 'targetHosts' | 'targetHostsCapped'>;

/** A port's name in the ports cell, cut here: the cell names three ports, not their stories. */
const NAME_WIDTH = 22;

/** Shown when the probes went to two hosts or more: on one host's log the table would only repeat the header. */
export function showsTargets(doc: Pick<ReportDoc, 'topTargets' | 'targetHosts'>): boolean {
  return doc.targetHosts >= 2 && doc.topTargets.length > 0;
}

export function targetsTitle(doc: TargetsDoc, m: Messages['report']): string {
  return doc.topTargetsBlockedOnly ? m.topTargetsBlocked(doc.topTargetsPackets) : m.topTargets(doc.topTargetsPackets, countUnit({ packets: doc.topTargetsPackets, connections: doc.topTargetsConnections }));
}

/** The count column's head: what its rows count. */
export function targetsCountHead(doc: Pick<ReportDoc, 'topTargets'>, h: Messages['report']['head']): string {
  return unitHead(rowsUnit(doc.topTargets), h);
}

/** "22/tcp SSH; 23/tcp Telnet; icmp; …": the busiest ports with their first name, "…" when the host drew others. */
export function targetPortsText(t: TargetRow, sep: string, esc: (s: string) => string = (s) => s): string {
  const items = t.ports.map((p) => {
    const at = p.port === null ? esc(p.proto) : `${p.port}/${esc(p.proto)}`;
    const name = p.names[0];
    return name === undefined ? at : `${at} ${esc(shortName(name))}`;
  });
  if (t.otherPorts > 0) items.push('…');
  return items.join(sep) || '-';
}

/** Under the table: the hosts it does not list and their share, or null when it lists them all. */
export function otherTargetsNote(doc: TargetsDoc, m: Messages['report']): string | null {
  const rest = doc.targetHosts - doc.topTargets.length;
  if (rest <= 0 || doc.topTargetsPackets <= 0) return null;
  let listed = 0;
  for (const t of doc.topTargets) listed += t.packets;
  return m.otherTargets(rest, doc.targetHostsCapped, fmtPct((doc.topTargetsPackets - listed) / doc.topTargetsPackets));
}

/** "Telnet (alternate, IoT)" → "Telnet", "SMB/CIFS（直连）" → "SMB/CIFS": a name's bracketed qualifier goes first, then what is past NAME_WIDTH. */
function shortName(name: string): string {
  const open = name.search(/ \(|（/);
  return shorten(open > 0 ? name.slice(0, open) : name, NAME_WIDTH);
}
