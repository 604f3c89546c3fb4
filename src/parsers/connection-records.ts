// The one test of "does this record stand for a connection rather than a packet", for
// every reader (overview, profiles, summary, daily tally). Each format declares its
// connection records as data on its FormatDefinition (`connectionRecords`): Windows
// Firewall's ALLOW, OPEN, OPEN-INBOUND and CLOSE rows, the Cisco ASA's Built and Teardown
// messages. Asked for every event: a compare of the action and the format id per
// declaring format, and for the ASA a few `endsWith` on its tag, nothing allocated.
import type { Action, FirewallEvent } from '../event.js';
import { formats } from './registry.js';

interface Declared {
  readonly format: string;
  readonly action: Action;
  /** `-302013`, …: what the rule's first word ends with; null: any record with the action. */
  readonly tagEnds: readonly string[] | null;
  /** A rule label that marks a packet record of the format (compared, labels are interned); null: none. */
  readonly packetRule: string | null;
}

const DECLARED: readonly Declared[] = formats.flatMap((f) =>
  f.connectionRecords === undefined
    ? []
    : [{ format: f.id, action: f.connectionRecords.action, tagEnds: f.connectionRecords.messageIds?.map((id) => `-${id}`) ?? null, packetRule: f.connectionRecords.packetRule ?? null }],
);

/**
 * A record that stands for a connection, not a packet: Windows Firewall writes one ALLOW
 * row when it lets a connection through (OPEN, OPEN-INBOUND and CLOSE in the older format
 * mark a session's start and end) and one DROP row per packet it drops; a Cisco ASA one
 * Built record when a connection starts and one Teardown record when it ends. The report
 * and the daily summary count these apart ("168 packets, 136 connections"); the
 * per-packet totals still hold them, as before, so the JSON's `packets` keeps its meaning
 * of "records counted". A connection's start and end are two connection records, as the
 * Windows log writes them; its end is never a probe (`session-close`,
 * `connection-teardown`: role late in signatures/annotations.json).
 */
export function isConnectionRecord(e: FirewallEvent): boolean {
  for (let i = 0; i < DECLARED.length; i++) {
    const d = DECLARED[i]!;
    if (e.action !== d.action || e.format !== d.format) continue;
    if (d.packetRule !== null && e.rule === d.packetRule) return false;
    return d.tagEnds === null || tagEndsWith(e.rule, d.tagEnds);
  }
  return false;
}

function tagEndsWith(rule: string | null, ends: readonly string[]): boolean {
  if (rule === null) return false;
  const space = rule.indexOf(' ');
  const end = space < 0 ? rule.length : space;
  for (let i = 0; i < ends.length; i++) if (rule.endsWith(ends[i]!, end)) return true;
  return false;
}
