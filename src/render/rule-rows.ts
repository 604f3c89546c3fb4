// The "logged as" rows of every renderer: the rule labels a log wrote, a device's message
// ids said in words (ASA message 302014 TCP connection closed), with their counts.
import type { ReportDoc, RuleCounted } from '../aggregate/report.js';
import { messageTable, ruleFields } from '../parsers/registry.js';
import type { MessageTable } from '../knowledge/types.js';
import { NO_RULE } from '../aggregate/overview.js';
import type { Messages } from '../i18n/messages.js';
import { cmpStr } from '../util/compare.js';
import { countShare } from './report-words.js';

/**
 * One "logged as" row: `name` as logged (`kind` "logged": a log prefix, a pf rule and
 * tracker, a Windows action column; code in HTML), in words (`kind` "words": a Cisco ASA
 * message id and access list, as `explain 'LINE'` says them), or "(none)".
 */
export interface RuleRow {
  name: string;
  kind: 'logged' | 'words' | 'none';
  packets: number;
}

/**
 * The rule labels counted (`rules`, busiest first) as the reader sees them: a label
 * that holds a device's message id said in the words of the format that logged it (its
 * ruleFields, cached: a report lists ten labels) with the name the knowledge base gives
 * the id (`messageName`), and labels said alike counted as one (ASA-6-302014 and
 * FTD-6-302014 are both 302014). What the ids are is said once per message table, before
 * the first named one ("ASA message 302014 TCP connection closed · 302013 TCP connection
 * built", "SonicWall message 36 TCP packet dropped"), not on every item.
 */
export function ruleRows(rules: readonly RuleCounted[], msg: Messages): RuleRow[] {
  const m = msg.report;
  const byName = new Map<string, RuleRow & { table: MessageTable | null }>();
  for (const r of rules) {
    const row = ruleRow(r, m);
    const same = byName.get(row.name);
    if (same === undefined) byName.set(row.name, row);
    else same.packets += row.packets;
  }
  const out = [...byName.values()];
  if (out.length !== rules.length) out.sort((a, b) => b.packets - a.packets || cmpStr(a.name, b.name));
  // Once per table: a central loghost's file of an ASA's and a SonicWall's lines says both.
  const led = new Set<MessageTable>();
  for (const r of out) {
    if (r.table === null || led.has(r.table)) continue;
    led.add(r.table);
    r.name = m.ruleMessagesLead[r.table](r.name);
  }
  return out.map(({ name, kind, packets }) => ({ name, kind, packets }));
}

/**
 * A rule label as the reader is shown it: without the ':' a log prefix ends in
 * (`DROP IN:`, firewalld's `filter_IN_public_REJECT:`, Shorewall's `net-fw:DROP:`), which
 * only separates the prefix from the kernel's fields and beside a count read as part of
 * the label (`DROP IN: 229`). Events, JSON and CSV keep the label as logged; labels that
 * differ only by it are one row.
 */
export function shownRule(label: string): string {
  const end = label.trimEnd();
  return end.length > 1 && end.endsWith(':') ? end.slice(0, -1).trimEnd() : label;
}

function ruleRow(r: RuleCounted, m: Messages['report']): RuleRow & { table: MessageTable | null } {
  if (r.key === NO_RULE) return { name: m.noRule, kind: 'none', packets: r.packets, table: null };
  const f = r.format === undefined ? null : ruleFields(r.format, r.key);
  if (f === null || f.code === undefined) return { name: shownRule(r.key), kind: 'logged', packets: r.packets, table: null };
  const table = r.messageName === undefined ? undefined : messageTable(r.format!);
  if (table === undefined) return { name: f.name !== undefined ? m.ruleAccessList(f.name, f.code) : m.ruleMessageId(f.code), kind: 'words', packets: r.packets, table: null };
  return { name: namedMessage(table, f.code, r.messageName!, f.name, m), kind: 'words', packets: r.packets, table };
}

/** A message id with its name, and the access list or rule it names after it: "106023 denied by access list (Inside_access_in)", "537 connection closed, rule 1 (LAN->WAN)". */
function namedMessage(table: MessageTable, code: string, name: string, list: string | undefined, m: Messages['report']): string {
  const message = m.ruleMessage(code, name);
  return list !== undefined ? m.ruleMessageList[table](message, list) : message;
}

/**
 * A label that holds a named message id, alone, as the "logged as" row says the first of
 * them ("ASA message 302014 TCP connection closed"): `explain 'LINE'`'s one record. Null
 * when the label holds no message id (`format`'s ruleFields give no code, or the format has
 * no message table).
 */
export function ruleMessageText(format: string, rule: string, messageName: string, msg: Messages): string | null {
  const f = ruleFields(format, rule);
  const table = messageTable(format);
  return f.code === undefined || table === undefined ? null : msg.report.ruleMessagesLead[table](namedMessage(table, f.code, messageName, f.name, msg.report));
}

/**
 * A rule label as a "logged as" item shows it, with what separates it from its count: one
 * that ends in a digit gets the colon its log writes after it (`DROP IN: 229`), so the two
 * numbers do not run together (`DROP IN 229`); one said in words, the language's colon
 * (`message id 302014: 39`, zh `消息 ID 302014：39`).
 */
export function ruleLabel(row: RuleRow, m: Messages['report']): string {
  const last = row.name.charCodeAt(row.name.length - 1);
  // A full-width bracket brings its own space (the zh catalog's words for an access list): none before the count.
  if (row.kind === 'words' && last === 0xff09) return row.name;
  if (last < 48 || last > 57) return `${row.name} `;
  return row.kind === 'words' ? m.ruleBeforeCount(row.name) : `${row.name}: `;
}

/**
 * The "logged as" labels past the listed ones (`labels` in all), and their packets (of
 * `packets` in all), so a "+N more" row adds up; null when every label is listed.
 */
export function otherRules(rules: readonly { packets: number }[], labels: number, packets: number): { labels: number; packets: number } | null {
  return labels > rules.length ? { labels: labels - rules.length, packets: packets - rules.reduce((n, r) => n + r.packets, 0) } : null;
}

/**
 * The "logged as" items: each log prefix / rule label with its packets and share, and
 * "+N more" past the ten the report keeps; `esc` makes the labels safe for the format.
 * Only the counts are read, so the daily's row (its day's labels) is said the same way.
 */
export function ruleItems(doc: Pick<ReportDoc, 'byRule' | 'ruleLabels'> & { totals: Pick<ReportDoc['totals'], 'packets'> }, msg: Messages, esc: (s: string) => string): string[] {
  const m = msg.report;
  const items = ruleRows(doc.byRule, msg).map((r) => `${esc(ruleLabel(r, m))}${countShare(r.packets, doc.totals.packets, msg)}`);
  const more = otherRules(doc.byRule, doc.ruleLabels, doc.totals.packets);
  if (more !== null) items.push(m.moreLabels(more.labels));
  return items;
}
