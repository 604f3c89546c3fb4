// Annotations whose text comes from the knowledge base (the kb-port and kb-trojan rules:
// port-known, trojan …): the rule's template filled with the port's best entry, built once
// per rule, protocol and port (Compiled.kbCache) and shared by every event to that port.

import { messages } from '../i18n/messages.js';
import type { Annotation, Severity } from '../event.js';
import type { KnowledgeBase, Lang, PortEntry, PortProtocol } from '../knowledge/types.js';
import { K_KB_PORT, type Compiled } from './compiled-rule.js';
import { malwareVars } from './malware-name.js';
import type { AnnotationRule } from './rules.js';

/** Other names listed after the best entry's ("also: …"), at most. */
const MAX_ALSO_NAMES = 5;

const HAN = /[\u3400-\u9fff]/;
const LATIN_EDGE = /[A-Za-z0-9]/;

/** Annotations are shared between events: frozen, so no stage can change one for all. */
export function makeAnnotation(id: string, severity: Severity, text: string, ref: string): Annotation {
  return Object.freeze({ id, severity, text, ref });
}

/**
 * `{name}` … filled in. Where a value starting or ending in Latin letters or digits meets a
 * Chinese character of the template, a space goes between, as the Chinese texts write
 * them: “发往{malware}” reads “发往 Sub-7（木马）” but “发往冰河（木马）”.
 */
function fill(template: string, vars: Readonly<Record<string, string>>): string {
  const filled = template.replace(/\{(\w+)\}/g, (whole: string, k: string, at: number) => {
    const v = vars[k];
    if (v === undefined) return whole;
    const before = at > 0 && HAN.test(template[at - 1]!) && LATIN_EDGE.test(v.charAt(0)) ? ' ' : '';
    const next = template.charAt(at + whole.length);
    const after = next !== '' && HAN.test(next) && LATIN_EDGE.test(v.charAt(v.length - 1)) ? ' ' : '';
    return before + v + after;
  });
  // "the port of the {malware}" with a name that brings its own article ("The Spy trojan").
  return filled.replace(/\bthe (?=The )/g, '');
}

function uniqueNames(names: readonly string[], exclude: string, lang: Lang): string {
  const out: string[] = [];
  for (const n of names) if (n !== exclude && !out.includes(n)) out.push(n);
  // The language's list separator: Chinese names take the enumeration comma 、.
  const sep = messages(lang).listSep;
  if (out.length > MAX_ALSO_NAMES) return out.slice(0, MAX_ALSO_NAMES).join(sep) + sep + '…';
  return out.join(sep);
}

/** A kb-* rule's annotation severity: the entry's, raised to the rule's floor and held under its ceiling. */
function entrySeverity(r: AnnotationRule, entry: PortEntry): Severity {
  const s = maxSeverity(r.severity, entry.severity);
  return r.severityMax !== null && s > r.severityMax ? r.severityMax : s;
}

function maxSeverity(a: Severity, b: Severity): Severity {
  return a > b ? a : b;
}

export class KbAnnotations {
  constructor(
    private readonly kb: KnowledgeBase,
    private readonly lang: Lang,
  ) {}

  /** Every port the knowledge base has an entry for (~1,300 of both protocols in all). */
  ports(p: PortProtocol): number[] {
    const ports = new Set<number>();
    for (const x of this.kb.entries) if (x.protocols.includes(p)) for (let port = x.from; port <= x.to; port++) ports.add(port);
    return [...ports];
  }

  /** Whether annotation() can give `c` an annotation for this port: the same test, without building its text. */
  says(c: Compiled, p: PortProtocol, port: number): boolean {
    const best = this.kb.lookup(p, port)[0];
    return best !== undefined && (c.kind === K_KB_PORT || c.categories!.includes(best.category));
  }

  /** The kb-* rule's annotation for a packet to `port` ([tcp, udp][pi]); null: the knowledge base has nothing for the rule to say. */
  annotation(c: Compiled, pi: number, port: number | null): Annotation | null {
    if (pi < 0 || port === null || port < 0 || port > 65535) return null;
    const cache = c.kbCache!;
    const index = cache.index[pi]!;
    const k = index[port]!;
    if (k > 0) return cache.built[k - 1]!;
    if (k < 0) return null;
    const entries = this.kb.lookup(pi === 0 ? 'tcp' : 'udp', port);
    const a = c.kind === K_KB_PORT ? this.buildPortKnown(c, entries) : this.buildTrojan(c, entries);
    index[port] = a === null ? -1 : cache.built.push(a);
    return a;
  }

  private buildPortKnown(c: Compiled, entries: readonly PortEntry[]): Annotation | null {
    const best = entries[0];
    if (best === undefined) return null;
    const lang = this.lang;
    let text = fill(c.rule.text[lang], this.entryVars(best));
    const others = uniqueNames(entries.slice(1).map((x) => x.name[lang]), best.name[lang], lang);
    if (others.length > 0 && c.rule.alsoText) text += fill(c.rule.alsoText[lang], { names: others });
    return makeAnnotation(c.id, entrySeverity(c.rule, best), text, best.source || c.rule.ref);
  }

  private buildTrojan(c: Compiled, entries: readonly PortEntry[]): Annotation | null {
    const cats = c.categories!;
    // Only when malware is the port's primary meaning: 80 also hosts old trojans, but
    // a probe of 80 is a web probe, and tagging it would drown the real ones.
    const best = entries[0];
    if (best === undefined || !cats.includes(best.category)) return null;
    const malware = entries.filter((x) => cats.includes(x.category));
    const lang = this.lang;
    const vars = this.entryVars(best);
    let text = fill(c.rule.text[lang], vars);
    const others = uniqueNames(malware.slice(1).map((x) => x.family?.[lang] ?? x.name[lang]), vars.family!, lang);
    if (others.length > 0 && c.rule.alsoText) text += fill(c.rule.alsoText[lang], { names: others });
    return makeAnnotation(c.id, entrySeverity(c.rule, best), text, best.source || c.rule.ref);
  }

  private entryVars(x: PortEntry): Record<string, string> {
    const cat = this.kb.category(x.category);
    const catName = cat ? cat.name : { en: x.category, zh: x.category };
    const name = x.name[this.lang];
    return {
      name,
      text: x.text[this.lang],
      family: x.family?.[this.lang] ?? name,
      category: catName[this.lang],
      // The variant ("old default", "keylogger") is cut from the English name and then
      // translated word by word (malware-name.ts), so it gets the English name; without a
      // family the entry's own name, in each language, names the malware ("pcserver 后门").
      ...malwareVars(x.name.en, x.family ?? x.name, catName, this.lang),
    };
  }
}
