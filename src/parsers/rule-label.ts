// The rule labels four session formats write as `[HEAD: ]WORD ID ["NAME"] [FROM->TO]` (Sophos
// Firewall's `fw_rule`, Check Point's, CEF's and Stormshield's `rule`), read back into ECS fields
// for `events --ecs`. One reader, so the label each parser builds and the fields ECS gets from it
// cannot drift apart format by format.
import type { RuleFields } from './types.js';

export interface ZonedLabelShape {
  /** The word before the rule's id: `rule`, `fw_rule`. */
  readonly word: string;
  /** What a `HEAD: ` before it stands for in ECS (Check Point's layer: ruleset; Sophos's component: reason); null: the format writes none. */
  readonly head: 'ruleset' | 'reason' | null;
  /** A FROM that names the device itself rather than a zone (`firewall`). */
  readonly notIngress?: string;
  /** A TO that names the device itself rather than a zone (`LOCAL`, `firewall`). */
  readonly notEgress?: string;
  /** False: the format's rules have a name and no id (Huawei's `policy "NAME" FROM->TO`). */
  readonly id?: boolean;
}

/**
 * The label zonedRuleFields reads back: `HEAD` (`policy`, `rule 5`), the name quoted (its `"`
 * and `\\` escaped) when there is one, and `FROM->TO` when either zone is known (`-` for the other).
 */
export function zonedLabel(head: string, name: string | null, from: string | null, to: string | null): string {
  let label = head;
  if (name !== null) label += ` "${name.replace(/["\\]/g, '\\$&')}"`;
  if (from !== null || to !== null) label += ` ${from ?? '-'}->${to ?? '-'}`;
  return label;
}

/** The reader of one format's labels; a label of another shape is its rule's name as written. */
export function zonedRuleFields(shape: ZonedLabelShape): (rule: string) => RuleFields {
  const head = shape.head === null ? '' : '(?:(.+?): )?';
  const id = shape.id === false ? '()' : ' (\\S+)';
  const re = new RegExp(`^${head}${shape.word}${id}(?: "((?:[^"\\\\]|\\\\.)*)")?(?: (\\S*)->(\\S*))?$`);
  const at = shape.head === null ? 0 : 1;
  const zone = (z: string | undefined, not: string | undefined): string | null => (z === undefined || z === '-' || z === '' || z === not ? null : z);
  return (rule) => {
    const m = re.exec(rule);
    if (m === null) return { name: rule };
    const fields: RuleFields = {};
    if (shape.head !== null && m[1] !== undefined) fields[shape.head] = m[1];
    const ruleId = m[at + 1]!;
    if (ruleId !== '-' && ruleId !== '') fields.id = ruleId;
    const name = m[at + 2];
    if (name !== undefined) fields.name = name.replace(/\\(.)/g, '$1');
    const from = zone(m[at + 3], shape.notIngress);
    if (from !== null) fields.ingressZone = from;
    const to = zone(m[at + 4], shape.notEgress);
    if (to !== null) fields.egressZone = to;
    return fields;
  };
}
