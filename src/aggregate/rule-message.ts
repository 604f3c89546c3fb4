// The name of the message id a rule label holds (a Cisco ASA's `ASA-6-302014`: "TCP
// connection closed"), looked up once per listed label when a document is built, so the
// report, the daily summary and their JSON say what the knowledge base says
// (signatures/asa-messages.json), in --lang. A format declares which knowledge table names
// the message ids its labels hold (FormatDefinition.messageNames: the ASA's tag); every
// other format's label is a rule's own name and needs none.
import type { KnowledgeBase, Lang } from '../knowledge/types.js';
import { messageTable, ruleFields } from '../parsers/registry.js';

/** The name of the message id in `rule`, logged by `format`; undefined when the label holds none the knowledge base names. */
export function ruleMessageName(kb: KnowledgeBase | null, format: string, rule: string, lang: Lang): string | undefined {
  const table = kb === null ? undefined : messageTable(format);
  if (table === undefined) return undefined;
  const code = ruleFields(format, rule).code;
  return code === undefined ? undefined : kb!.message(table, code)?.name[lang];
}

/** A counted label as the documents carry it: `format` absent for "(none)", `messageName` for a named message id. */
export function ruleCounted(kb: KnowledgeBase | null, lang: Lang, key: string, packets: number, format: string | null): { key: string; packets: number; format?: string; messageName?: string } {
  if (format === null) return { key, packets };
  const messageName = ruleMessageName(kb, format, key, lang);
  return messageName === undefined ? { key, packets, format } : { key, packets, format, messageName };
}

/**
 * The names of the message ids a source's labels hold (`rules`, label → packets), each
 * label read in the words of the format that logged it (`formatOf`: the run's record of
 * it); undefined when no label holds one, as for every log but an ASA's.
 */
export function ruleMessageNames(kb: KnowledgeBase | null, lang: Lang, rules: Readonly<Record<string, number>>, formatOf: (rule: string) => string | null): Record<string, string> | undefined {
  const named: [string, string][] = [];
  for (const rule of Object.keys(rules)) {
    const format = formatOf(rule);
    const name = format === null ? undefined : ruleMessageName(kb, format, rule, lang);
    if (name !== undefined) named.push([rule, name]);
  }
  return named.length === 0 ? undefined : Object.fromEntries(named);
}

/**
 * A source's labels as counted labels, which the "logged as" row's words are made from
 * (ruleRows): one named in `names` (ruleMessageNames) is read in the words of the format
 * that logged it (`formatOf`, carried with the names); any other is said as logged, with
 * no format to read it by.
 */
export function sourceRulesCounted(rules: Readonly<Record<string, number>>, names: Readonly<Record<string, string>> | undefined, formatOf: ((rule: string) => string | null) | undefined): { key: string; packets: number; format?: string; messageName?: string }[] {
  return Object.entries(rules).map(([key, packets]) => {
    // Own keys only: a prefix named "constructor" is no message id.
    const messageName = names !== undefined && Object.hasOwn(names, key) ? names[key] : undefined;
    const format = messageName === undefined ? null : (formatOf?.(key) ?? null);
    return format === null ? { key, packets } : { key, packets, format, messageName };
  });
}
