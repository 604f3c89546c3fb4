// Which annotation ids play which part in the summary, read from the `role` and `label`
// of the rules in signatures/annotations.json, so that a new kind of reply or noise is
// one edit of that file and not a list to keep in step in the aggregate code; and what
// people call each id (`name`), read from there for the same reason.
import type { Lang } from '../knowledge/types.js';
import { messages } from '../i18n/messages.js';
import { loadAnnotationRules, type AnnotationRole, type AnnotationRuleSet } from './rules.js';

export interface AnnotationRoles {
  /** The role of an annotation id, or undefined for one that is only counted. */
  roleOf(id: string): AnnotationRole | undefined;
  /** Every id of a role, in the file's order. */
  ids(role: AnnotationRole): readonly string[];
  /** Every id of these roles, as a set: for the per-event checks, which hold on to it. */
  idSet(...roles: AnnotationRole[]): ReadonlySet<string>;
  /** An id's short name in its role's finding ("DNS"); the id itself if it has none. */
  label(id: string, lang: Lang): string;
  /**
   * What people call an id ("open-proxy hunt"), null for one no rule has: a source-port
   * meaning a --signatures knowledge base adds without a rule of its own.
   */
  name(id: string, lang: Lang): string | null;
  /** Whether the name of the port an id is read on already says it ("saidByPortName" in the file). */
  saidByPortName(id: string): boolean;
}

export function rolesOf(set: AnnotationRuleSet): AnnotationRoles {
  const role = new Map<string, AnnotationRole>();
  const label = new Map<string, { en: string; zh: string }>();
  const byRole = new Map<AnnotationRole, string[]>();
  const name = new Map<string, { en: string; zh: string }>();
  const saidByPortName = new Set<string>();
  for (const r of set.rules) {
    if (!name.has(r.id)) name.set(r.id, r.name);
    if (r.saidByPortName) saidByPortName.add(r.id);
    if (r.role === null || role.has(r.id)) continue;
    role.set(r.id, r.role);
    if (r.label) label.set(r.id, r.label);
    let list = byRole.get(r.role);
    if (!list) byRole.set(r.role, (list = []));
    list.push(r.id);
  }
  return {
    roleOf: (id) => role.get(id),
    ids: (r) => byRole.get(r) ?? [],
    idSet: (...roles) => new Set(roles.flatMap((r) => byRole.get(r) ?? [])),
    label: (id, lang) => label.get(id)?.[lang] ?? id,
    name: (id, lang) => name.get(id)?.[lang] ?? null,
    saidByPortName: (id) => saidByPortName.has(id),
  };
}

let shipped: AnnotationRoles | null = null;

/** The roles of the shipped rules (the ones every annotator uses; read once). */
export function annotationRoles(): AnnotationRoles {
  return (shipped ??= rolesOf(loadAnnotationRules()));
}

/**
 * An annotation id as people read it, in `lang`: "open-proxy hunt (proxy-hunt)", 搜寻开放代理（proxy-hunt）;
 * the id alone where no rule names it. Plain text: each medium sanitizes it.
 */
export function namedAnnotation(id: string, lang: Lang, roles: AnnotationRoles = annotationRoles()): string {
  const name = roles.name(id, lang);
  return name === null ? id : messages(lang).explain.named(name, id);
}
