// What the ranking knows of one source, in words: the HTML pages' "details" under each
// row, and the text and Markdown reports' block for a source asked for with --source.
import { countUnit } from './count-unit.js';
import type { RankedSource } from '../aggregate/summary.js';
import { sourceRulesCounted } from '../aggregate/rule-message.js';
import type { Lang } from '../knowledge/types.js';
import { messages, wordFor, type Messages } from '../i18n/messages.js';
import { cmpName } from '../util/compare.js';
import { capped, fmtInt } from '../util/number-text.js';
import { formatDateTime } from './time-format.js';
import { namedAnnotation } from '../annotate/roles.js';
import { inWhyOrder } from '../aggregate/finding-ids.js';
import { ruleLabel, ruleRows } from './rule-rows.js';
import { isFlagClass } from '../aggregate/profile-codes.js';

/** A fact about a source: its label and its lines (plain text, from logs in part: escape for the output). */
export interface SourceFact {
  label: string;
  lines: string[];
  /** A fact that is a list ("drop 3 · allow 1"): its items, which `lines` holds joined; the text wraps it item by item, each long one from a line of its own. */
  items?: string[];
}

/** "a 3 · b 1": the non-zero counts of a record; `word` names a key for the reader (the verdicts in --lang). */
function countsItems(o: Readonly<Record<string, number>>, msg: Messages, word: (key: string) => string = (k) => k): string[] {
  return Object.entries(o)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => msg.namedCount(word(k), fmtInt(n)));
}

/** "known port (port-known) 31 · trojan or worm port (trojan) 3": the non-zero counts named by `word`, busiest first, ties by that name. */
function busiestItems(o: Readonly<Record<string, number>>, msg: Messages, word: (key: string) => string): string[] {
  return Object.entries(o)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => [word(k), n] as const)
    .sort((a, b) => b[1] - a[1] || cmpName(a[0], b[0]))
    .map(([w, n]) => msg.namedCount(w, fmtInt(n)));
}

/**
 * What the ranking knows of a source, the JSON row's fields in words: first and last seen,
 * each finding's text, the busiest ports, hosts, TCP flags, verdicts, log prefixes,
 * interpretations, the terms of the score. The HTML pages' "details" under each row, and
 * the text report's block for a source asked for with --source.
 */
export function sourceFacts(r: RankedSource, tz: string | null, lang: Lang): SourceFact[] {
  const msg = messages(lang);
  const D = msg.report.details;
  const facts: SourceFact[] = [];
  // A no-break space inside each time: a narrow column breaks between the two, not within one.
  const seen = [r.first, r.last].filter((t): t is string => t !== null).map((t) => formatDateTime(new Date(t), tz).replace(' ', '\u00a0'));
  if (seen.length > 0) facts.push({ label: D.seen, lines: [seen.join(' → ')] });
  // The whole of what the why line shortens (every trojan family): the details are where a person looks for it.
  if (r.findings.length > 0) facts.push({ label: D.findings, lines: inWhyOrder(r.findings).map((f) => f.fullText ?? f.text) });
  // A source of ICMP only has no ports to list.
  if (r.topPorts.length > 0) {
    const ports = r.topPorts.map((p) => `${p.port}/${p.proto} ${fmtInt(p.packets)}`).join(' · ');
    facts.push({ label: D.ports(r.ports, r.portsCapped, r.tcpPorts, r.udpPorts), lines: [ports] });
  }
  facts.push({ label: D.hosts, lines: [capped(r.hosts, r.hostsCapped)] });
  const verdict = (k: string): string => wordFor(msg.action, k);
  const unit = countUnit(r);
  for (const [label, items] of [
    // Connection rows record no flags (profile-rows.ts): what this counts is packets, whatever the source's mix.
    [D.flags, countsItems(r.tcpFlags, msg, (k) => (isFlagClass(k) ? D.flagClass(k) : k))],
    [D.actions(unit), countsItems(r.actions, msg, verdict)],
    [D.rules, sourceRuleItems(r, msg)],
    // Busiest first, as the interpretations table is: the JSON record is keyed in id order.
    [D.interpretations(unit), busiestItems(r.annotations, msg, (id: string) => namedAnnotation(id, lang))],
  ] as const) {
    if (items.length > 0) facts.push({ label, lines: [items.join(' · ')], items });
  }
  const p = r.scoreParts;
  facts.push({ label: D.score, lines: [`${r.score.toFixed(1)}${msg.colon}${D.scoreParts(String(p.breadth), String(p.findings), String(p.volume), String(p.persistence), String(p.factor))}`] });
  return facts;
}

/**
 * A source's "logged as" items, its labels said as the report's "logged as" row says them
 * (ruleRows: an ASA tag by its message id's name, "ASA message" before the first), each
 * with its packets. A label as logged keeps the space before its count these items always
 * had, so no other firewall's labels read differently here.
 */
function sourceRuleItems(r: RankedSource, msg: Messages): string[] {
  return ruleRows(sourceRulesCounted(r.rules, r.messageNames, r.messageFormat), msg).map((row) =>
    row.kind === 'words' ? `${ruleLabel(row, msg.report)}${fmtInt(row.packets)}` : `${row.name} ${fmtInt(row.packets)}`,
  );
}

/** With --source, the text and Markdown reports detail this many of the sources shown. */
export const DETAILED_SOURCES = 3;
