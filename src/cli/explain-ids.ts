// `logscan explain ID`: what an annotation id (events' annotations[].id, the report's
// interpretations) or a finding id (the report's "findings" line, JSON findings[].id)
// means. Annotation texts come from signatures/annotations.json, finding texts from the
// message catalog; port-bound ids (the source-port meanings) are answered by the
// knowledge-base search beside this.
import { loadAnnotationRules, type AnnotationRule } from '../annotate/rules.js';
import { DEFAULT_THRESHOLDS } from '../aggregate/thresholds.js';
import { isFindingId, type FindingId } from '../aggregate/finding-ids.js';
import { findingByLabel, icmpTypeName, messages, normalisedLabel } from '../i18n/messages.js';
import type { Lang } from '../knowledge/types.js';
import type { IcmpTypeMatch, IdDescription } from '../render/explain.js';
import { isEchoRequest, type IcmpProtocol } from '../util/icmp.js';

/**
 * The annotation and finding ids equal to `term` (case-insensitive), the annotation whose
 * name it is and the finding whose label it is, in either language ("open-proxy hunt",
 * "搜寻开放代理", "trojan port probes", "木马端口探测": what the report's why line, `follow`'s
 * probe lines and the report's findings line show, whatever --lang was); usually none or one.
 */
export function describeIds(term: string, lang: Lang): IdDescription[] {
  const id = term.trim().toLowerCase();
  const out: IdDescription[] = [];
  // A source-port id or name is answered by the knowledge base's search (its table), not here.
  const all = loadAnnotationRules().rules.filter((r) => r.kind !== 'source-port');
  const annId = all.some((r) => r.id === id) ? id : annotationIdByName(term, all);
  if (annId !== null) out.push(annotation(annId, all.filter((r) => r.id === annId), lang));
  const labelled = isFindingId(id) ? id : findingByLabel(term);
  if (labelled !== null) out.push(finding(labelled, lang));
  return out;
}

/** The annotation whose name `text` is in either language, case and spacing as typed; a whole name, not a word of one. */
export function annotationIdByName(text: string, rules: readonly AnnotationRule[] = loadAnnotationRules().rules): string | null {
  const t = normalisedLabel(text);
  if (t === '') return null;
  // rules.ts holds every rule of an id to one name: the first that has it tells which id.
  return rules.find((r) => normalisedLabel(r.name.en) === t || normalisedLabel(r.name.zh) === t)?.id ?? null;
}

/**
 * Whether the words of the command line (`explain trojan port probes`, unquoted) are
 * together one finding's label or one annotation's name: then they are that one query,
 * not a search for each word. Only words: a quoted query among them is kept apart.
 */
export function wordsNameOne(queries: readonly string[]): boolean {
  if (queries.length < 2 || queries.some((q) => q === '-' || /\s/.test(q) || q === '')) return false;
  const joined = queries.join(' ');
  return findingByLabel(joined) !== null || annotationIdByName(joined) !== null;
}

/**
 * What logscan reads into an ICMP message type: the annotation rules that match it (with
 * only those rules' texts: lan-broadcast has ten others) and, for an echo request, the
 * ping-sweep finding.
 */
export function describeIcmp(proto: IcmpProtocol, type: number, lang: Lang): IdDescription[] {
  const byId = new Map<string, AnnotationRule[]>();
  for (const r of loadAnnotationRules().rules) {
    if (r.icmpType === null || !r.icmpType.includes(type) || (r.proto !== null && !r.proto.includes(proto))) continue;
    const same = byId.get(r.id);
    if (same) same.push(r);
    else byId.set(r.id, [r]);
  }
  const out = [...byId].map(([id, rules]) => annotation(id, rules, lang));
  if (isEchoRequest(proto, type)) out.push(finding('icmp-sweep', lang));
  return out;
}

const LANGS: readonly Lang[] = ['en', 'zh'];
const PROTOCOLS: readonly IcmpProtocol[] = ['icmp', 'icmpv6'];
/** Shorter words would find a type by accident ("re" is in half of them). */
const MIN_NAME_TERM = 3;

/**
 * The ICMP types a search term names: every type of a protocol for "icmp" or "icmpv6"
 * ("icmp6"), else those whose name in either language contains the term ("ping",
 * "unreachable", "不可达"), each with the ids describeIcmp lists for it.
 */
export function searchIcmpTypes(term: string, lang: Lang): IcmpTypeMatch[] {
  const t = term.trim().toLowerCase();
  const whole: IcmpProtocol | null = t === 'icmp' ? 'icmp' : t === 'icmpv6' || t === 'icmp6' ? 'icmpv6' : null;
  if (whole === null && t.length < MIN_NAME_TERM) return [];
  const out: IcmpTypeMatch[] = [];
  for (const proto of PROTOCOLS) {
    if (whole !== null && proto !== whole) continue;
    for (const type of Object.keys(messages('en').icmpType[proto]).map(Number)) {
      const named = whole !== null || LANGS.some((l) => icmpTypeName(l, proto, type)!.toLowerCase().includes(t));
      if (!named) continue;
      const ids = describeIcmp(proto, type, lang);
      out.push({ proto, type, name: icmpTypeName(lang, proto, type)!, ids: ids.map((d) => d.id), names: ids.map((d) => d.name) });
    }
  }
  return out;
}

function annotation(id: string, rules: readonly AnnotationRule[], lang: Lang): IdDescription {
  const texts = unique(rules.map((r) => placeholders(r.text[lang], lang)));
  // The first rule of each text names its situation (rules.ts holds those of one text to one).
  const when = texts.map((t) => (texts.length > 1 ? (rules.find((r) => placeholders(r.text[lang], lang) === t)!.when?.[lang] ?? null) : null));
  return {
    kind: 'annotation',
    id,
    // rules.ts holds every rule of an id to one name.
    name: rules[0]!.name[lang],
    severity: Math.max(...rules.map((r) => r.severity)),
    severityIsFloor: rules.some((r) => r.kind === 'kb-port' || r.kind === 'kb-trojan'),
    weight: null,
    texts,
    when,
    refs: unique(rules.map((r) => r.ref)),
  };
}

function finding(id: FindingId, lang: Lang): IdDescription {
  return {
    kind: 'finding',
    id,
    name: messages(lang).finding.label[id],
    severity: null,
    severityIsFloor: false,
    weight: DEFAULT_THRESHOLDS.weights.findings[id] ?? 0,
    texts: [messages(lang).finding.about[id]],
    when: [null],
    refs: [],
  };
}

/** What each event fills into a template ({name}, {malware} …), named for the reader. */
const SLOT: Readonly<Record<Lang, Readonly<Record<string, string>>>> = {
  en: { name: 'port name', text: 'its meaning', malware: 'malware name', names: 'other names' },
  zh: { name: '端口名称', text: '端口含义', malware: '恶意软件名', names: '其他名称' },
};

/** "Port of the {malware}{variant}" → "Port of the ‹malware name›". */
function placeholders(template: string, lang: Lang): string {
  return template.replace(/\{variant\}/g, '').replace(/\{(\w+)\}/g, (_, k: string) => `‹${SLOT[lang][k] ?? k}›`);
}

function unique(xs: readonly string[]): string[] {
  return [...new Set(xs)];
}
