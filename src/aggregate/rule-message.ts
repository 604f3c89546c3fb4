// The name of the message id a rule label holds (a Cisco ASA's `ASA-6-302014`: "TCP
// connection closed"), looked up once per listed label when a document is built, so the
// report, the daily summary and their JSON say what the knowledge base says
// (signatures/asa-messages.json), in --lang. Only the ASA writes its kind of message in
// the tag; every other label is a rule's own name and needs none.
import type { KnowledgeBase, Lang } from '../knowledge/types.js';
import { ciscoAsaFormat } from '../parsers/cisco-asa.js';
import { ruleFields } from '../parsers/registry.js';

/** The name of the message id in `rule`, logged by `format`; undefined when the label holds none the knowledge base names. */
export function ruleMessageName(kb: KnowledgeBase | null, format: string, rule: string, lang: Lang): string | undefined {
  if (kb === null || format !== ciscoAsaFormat.id) return undefined;
  const code = ruleFields(format, rule).code;
  return code === undefined ? undefined : kb.asaMessage(code)?.name[lang];
}

/** A counted label as the documents carry it: `format` absent for "(none)", `messageName` for a named message id. */
export function ruleCounted(kb: KnowledgeBase | null, lang: Lang, key: string, packets: number, format: string | null): { key: string; packets: number; format?: string; messageName?: string } {
  if (format === null) return { key, packets };
  const messageName = ruleMessageName(kb, format, key, lang);
  return messageName === undefined ? { key, packets, format } : { key, packets, format, messageName };
}
