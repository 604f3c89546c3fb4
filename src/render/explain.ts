// Output of `logscan explain`: a word-wrapped table per query, or JSON.
// Text from signature files may come from a user's --signatures dir, so it goes
// through termSafe like any other untrusted string.

import pc from 'picocolors';
import type { Colors } from './colors.js';
import type { ExplainResult } from '../knowledge/query.js';
import type { KnowledgeBase, Lang, MessageTable, PortClass, PortEntry, PortProtocol, SourcePortEntry } from '../knowledge/types.js';
import { boxTable, displayWidth, fitWidths, spanWidth, wrapItems, wrapText } from './box-table.js';
import { termSafe } from './sanitize.js';
import { sourceText } from '../knowledge/seed-titles.js';
import { icmpTypeName, messages } from '../i18n/messages.js';
import type { IcmpProtocol } from '../util/icmp.js';

// ------------------------------------------------------------------ JSON

export interface ExplainJsonEntry {
  id: string;
  ports: number | string;
  protocols: PortProtocol[];
  name: string;
  category: string;
  family: string | null;
  severity: number;
  rank: number;
  text: string;
  /** The seed file, or other reference, the entry comes from, as the signature file names it. */
  source: string;
  /** `source` as a reader is told it: a seed file by its title (signatures/seed-titles.json), in --lang. */
  sourceTitle: string;
}
export interface ExplainJsonSourceEntry {
  id: string;
  ports: number | string;
  protocols: PortProtocol[];
  name: string;
  annotation: string;
  severity: number;
  text: string;
  source: string;
  sourceTitle: string;
}
export interface ExplainJsonClass {
  id: string;
  ports: string;
  name: string;
  text: string;
  source: string;
  sourceTitle: string;
}
/** What an annotation or finding id means (cli/explain-ids.ts), for a search query that names one. */
export interface IdDescription {
  kind: 'annotation' | 'finding';
  id: string;
  /** What the id is called, in --lang: an annotation's `name` (signatures/annotations.json), a finding's label. */
  name: string;
  /** Annotation: the rule's severity (a floor when `severityIsFloor`). Null for a finding: it depends on the traffic. */
  severity: number | null;
  /** The annotation comes from a knowledge-base entry, whose own severity wins when higher. */
  severityIsFloor: boolean;
  /** Finding: its score weight (docs/ranking.md). */
  weight: number | null;
  /** Distinct meanings, in --lang; what each event fills in shown as ‹…›. */
  texts: string[];
  /** Beside each of `texts`, the situation it is for ("Stopped by the firewall (dropped or rejected)"), in --lang; null where the id has one text. */
  when: (string | null)[];
  /** Seed documents or "logscan" (annotations). */
  refs: string[];
}

/** An IdDescription as JSON: beside each of `refs`, what a reader is told (a seed file's title). */
export interface IdDescriptionJson extends IdDescription {
  refTitles: string[];
}

/** An ICMP type a search term names (cli/explain-ids.ts, searchIcmpTypes). */
export interface IcmpTypeMatch {
  proto: IcmpProtocol;
  type: number;
  /** In --lang. */
  name: string;
  /** The interpretations and findings about the type (`explain TYPE/icmp` describes them). */
  ids: string[];
  /** What each of `ids` is called, in --lang (IdDescription's `name`). */
  names: string[];
}

/** A knowledge-base answer, and for a search the annotation/finding ids and ICMP types it names. */
export interface ExplainAnswer extends ExplainResult {
  ids: readonly IdDescription[];
  icmpTypes: readonly IcmpTypeMatch[];
}

export interface ExplainJson {
  query: string;
  kind: 'port' | 'range' | 'icmp' | 'search' | 'address' | 'message';
  port?: number;
  range?: { from: number; to: number };
  /** An ICMP type query: the protocol, the type and its name in --lang (null when logscan has none). */
  icmp?: { proto: IcmpProtocol; type: number; name: string | null };
  term?: string;
  /** Protocols asked about (both unless the query said /tcp or /udp); absent for a search and an ICMP type. */
  protocols?: PortProtocol[];
  /** The port's class; for a range, the class of its start; null for a search. */
  class: ExplainJsonClass | null;
  /** Every class a range spans (ranges only). */
  classes?: ExplainJsonClass[];
  entries: ExplainJsonEntry[];
  sourceEntries: ExplainJsonSourceEntry[];
  /** A search: the annotation or finding id equal to the term, if any. An ICMP type: the interpretations and findings about it. */
  ids?: IdDescriptionJson[];
  /** A search: the ICMP types it names (all of a protocol for "icmp", "icmpv6"). */
  icmpTypes?: IcmpTypeMatch[];
  /** An address query: the special-purpose ranges it falls in, narrowest first (empty: an ordinary public address). */
  addresses?: { id: string; range: string; name: string; text: string; ref: string; refTitle: string }[];
  /** A message id query (302014, %ASA-6-302014): the id, and what it means (signatures/asa-messages.json); null when logscan reads no events from it. */
  messageId?: string;
  /** Whose message id it is: `cisco-asa` (302014) or `sonicwall` (m=36). */
  messageFormat?: 'cisco-asa' | 'sonicwall';
  message?: { id: string; name: string; text: string; source: string; sourceTitle: string } | null;
}

const portsOf = (e: { from: number; to: number }): number | string => (e.from === e.to ? e.from : `${e.from}-${e.to}`);

function classJson(c: PortClass, lang: Lang): ExplainJsonClass {
  return { id: c.id, ports: `${c.from}-${c.to}`, name: c.name[lang], text: c.text[lang], source: c.source, sourceTitle: sourceText(c.source, lang) };
}

export function explainToJson(results: readonly ExplainAnswer[], lang: Lang): ExplainJson[] {
  return results.map((r) => {
    const q = r.query;
    const out: ExplainJson = {
      query: q.raw,
      kind: q.kind,
      ...(q.kind === 'port' ? { port: q.port } : {}),
      ...(q.kind === 'range' ? { range: { from: q.from, to: q.to } } : {}),
      ...(q.kind === 'icmp' ? { icmp: { proto: q.proto, type: q.type, name: icmpTypeName(lang, q.proto, q.type) } } : {}),
      ...(q.kind === 'search' ? { term: q.term } : {}),
      ...(q.kind === 'port' || q.kind === 'range' ? { protocols: [...q.protocols] } : {}),
      class: r.classes.length > 0 ? classJson(r.classes[0], lang) : null,
      ...(q.kind === 'range' ? { classes: r.classes.map((c) => classJson(c, lang)) } : {}),
      entries: [],
      sourceEntries: [],
      ...(q.kind === 'search' || q.kind === 'icmp' ? { ids: r.ids.map((d) => ({ ...d, refTitles: d.refs.map((x) => sourceText(x, lang)) })) } : {}),
      ...(q.kind === 'search' ? { icmpTypes: r.icmpTypes.map((m) => ({ ...m, ids: [...m.ids], names: [...m.names] })) } : {}),
      ...(q.kind === 'address' ? { addresses: r.addresses.map((a) => ({ id: a.id, range: a.range, name: a.name[lang], text: a.text[lang], ref: a.ref, refTitle: sourceText(a.ref, lang) })) } : {}),
      ...(q.kind === 'message' ? { messageId: q.id, messageFormat: q.table === 'sonicwallMessages' ? 'sonicwall' : 'cisco-asa', message: r.message && { id: r.message.id, name: r.message.name[lang], text: r.message.text[lang], source: r.message.source, sourceTitle: sourceText(r.message.source, lang) } } : {}),
    };
    out.entries = r.entries.map((e) => ({
      id: e.id,
      ports: portsOf(e),
      protocols: [...e.protocols],
      name: e.name[lang],
      category: e.category,
      family: e.family?.[lang] ?? null,
      severity: e.severity,
      rank: e.rank,
      text: e.text[lang],
      source: e.source,
      sourceTitle: sourceText(e.source, lang),
    }));
    out.sourceEntries = r.sourceEntries.map((e) => ({
      id: e.id,
      ports: portsOf(e),
      protocols: [...e.protocols],
      name: e.name[lang],
      annotation: e.annotation,
      severity: e.severity,
      text: e.text[lang],
      source: e.source,
      sourceTitle: sourceText(e.source, lang),
    }));
    return out;
  });
}

// ------------------------------------------------------------------ table

export interface ExplainTableOptions {
  lang: Lang;
  /** Terminal width in columns. */
  width: number;
  color: boolean;
}

const LABELS = {
  en: {
    head: ['Port', 'Proto', 'Name [id]', 'Category', 'Sev', 'Meaning'],
    srcHead: ['Port', 'Proto', 'Name [annotation]', 'Sev', 'Meaning'],
    compactHead: ['Port', 'Name', 'Meaning'],
    /** A name and its id in a row: "Sub-7 2.x (default) [sub7-27374]". */
    tagged: (_name: string, id: string): Tagged => ({ sep: ' ', tag: `[${id}]` }),
    sev: 'sev',
    dst: 'As a destination port:',
    src: 'As a source port:',
    noDst: 'No known meaning as a destination port.',
    noSrc: 'No special meaning as a source port.',
    search: (t: string, n: number) => `Search "${t}": ${n} ${n === 1 ? 'entry' : 'entries'}`,
    noSearch: (t: string) => `No entries match "${t}".`,
    /** Under noSearch when nothing at all matched: what a query can be, so the next try is not a guess. */
    noSearchHint: 'A query is a port (22, 33500/udp, 6970-7170, 8/icmp), an address, a service, malware or category name (ssh, sub7, trojan), an annotation or finding id or a finding\'s words (vertical-scan, "port scans"), or a log line in quotes.',
    srcSearch: 'Source-port entries:',
    /** "80 (tcp, udp) — well-known port 0-1023"; `what` a port or a range, `classes` what it is in. */
    title: (what: string, protocols: readonly string[], classes: string) => `${what} (${protocols.join(', ')}) — ${classes}`,
    within: (classes: readonly string[]) => `Within: ${classes.join(', ')}`,
    spans: (classes: readonly string[]) => `Spans: ${classes.join(', ')}`,
    annotation: (sev: number, floor: boolean) => `interpretation (annotation id), severity ${floor ? '≥' : ''}${sev}`,
    finding: (weight: number) => `finding of the ranking, score weight ${weight}, severity by the traffic`,
    ref: (refs: string) => `source: ${refs}`,
    icmp: (proto: IcmpProtocol, type: number, name: string | null) =>
      `${type}/${proto} — ${proto === 'icmp' ? 'ICMP' : 'ICMPv6'} type ${type}: ${name ?? 'not a type logscan names'}`,
    icmpNoPorts: 'ICMP has no ports: this is the message type, as a log writes it in TYPE= (and CODE=).',
    address: (ip: string) => `${ip} — address`,
    noAddress: 'An ordinary public address: no special-purpose range. logscan explains ports and behaviour, not who holds an address (--geoip and --resolve in the report say where a source is).',
    noIcmpIds: 'No interpretation or finding of logscan is about this type.',
    icmpSearch: (t: string) => `ICMP types matching "${t}" (\`logscan explain TYPE/icmp\` for one):`,
    /** "302014 — Cisco ASA message: TCP connection closed", "m=36 — SonicWall message: TCP packet dropped"; null: an id logscan reads no events from. */
    message: {
      asaMessages: (id: string, name: string | null) => `${id} — Cisco ASA message${name === null ? '' : `: ${name}`}`,
      sonicwallMessages: (id: string, name: string | null) => `m=${id} — SonicWall message${name === null ? '' : `: ${name}`}`,
    } satisfies Record<MessageTable, (id: string, name: string | null) => string>,
    /** `port`: the query looked like a number past every port (an ASA id), so say it is none. */
    noMessage: (ids: string, port: boolean) =>
      `logscan reads no events from this message id${port ? ', and it is no port (ports end at 65535)' : ''}: a report counts its lines as skipped. The ids logscan reads: ${ids}.`,
  },
  zh: {
    // The rows write an id two ways (tagged), so the heading names both parts, bound to neither.
    head: ['端口', '协议', '名称 · id', '类别', '严重度', '说明'],
    srcHead: ['端口', '协议', '名称 · 解读 id', '严重度', '说明'],
    compactHead: ['端口', '名称', '说明'],
    // As zh writes an id everywhere else (catalog `explain.named`): full-width, no space; but
    // after a name that ends in a bracket of its own a second one read heavy, 远程桌面（RDP）（rdp）.
    tagged: (name: string, id: string): Tagged => (name.endsWith('）') ? { sep: ' · ', tag: id } : { sep: '', tag: `（${id}）` }),
    sev: '严重度',
    dst: '作为目的端口：',
    src: '作为源端口：',
    noDst: '知识库中没有此端口作为目的端口的含义。',
    noSrc: '作为源端口无特殊含义。',
    search: (t: string, n: number) => `搜索“${t}”：${n} 条`,
    noSearch: (t: string) => `没有与“${t}”匹配的条目。`,
    noSearchHint: '可查询：端口（22、33500/udp、6970-7170、8/icmp）、地址、服务、恶意软件或类别名称（ssh、sub7、trojan）、解读或检测结果的 id 或检测结果的名称（vertical-scan、“端口扫描”），或一行加引号的日志。',
    srcSearch: '源端口条目：',
    title: (what: string, protocols: readonly string[], classes: string) => `${what}（${protocols.join('、')}）— ${classes}`,
    within: (classes: readonly string[]) => `属于：${classes.join('、')}`,
    spans: (classes: readonly string[]) => `跨越：${classes.join('、')}`,
    annotation: (sev: number, floor: boolean) => `解读 id，严重度 ${floor ? '≥' : ''}${sev}`,
    finding: (weight: number) => `检测结果 id（用于排名），评分权重 ${weight}，严重度视流量而定`,
    ref: (refs: string) => `出处：${refs}`,
    icmp: (proto: IcmpProtocol, type: number, name: string | null) =>
      `${type}/${proto} — ${proto === 'icmp' ? 'ICMP' : 'ICMPv6'} 类型 ${type}：${name ?? 'logscan 未收录此类型'}`,
    icmpNoPorts: 'ICMP 没有端口：这是报文类型，即日志中 TYPE=（及 CODE=）的值。',
    address: (ip: string) => `${ip} — 地址`,
    noAddress: '普通的公网地址，不属于任何特殊用途的地址段。logscan 解释的是端口和行为，而不是地址归谁所有（报告中的 --geoip 和 --resolve 能说明来源在哪里）。',
    noIcmpIds: 'logscan 没有关于此类型的解读或检测结果。',
    icmpSearch: (t: string) => `与“${t}”匹配的 ICMP 类型（单个类型用 \`logscan explain TYPE/icmp\` 查看）：`,
    message: {
      asaMessages: (id: string, name: string | null) => `${id} — Cisco ASA 消息${name === null ? '' : `：${name}`}`,
      sonicwallMessages: (id: string, name: string | null) => `m=${id} — SonicWall 消息${name === null ? '' : `：${name}`}`,
    },
    noMessage: (ids: string, port: boolean) => `logscan 不从此消息 ID 读取事件${port ? '，它也不是端口（端口最大为 65535）' : ''}：报告把这类行计为跳过。logscan 读取的 ID：${ids}。`,
  },
} as const;

/** Below this width the six-column table leaves too little room; fold into three columns. */
const COMPACT_BELOW = 100;
const MIN_MEANING = 20;
/** A meaning column narrower than this reads a few words a line: the meaning goes under its row. */
const NOTE_BELOW = 40;
/** A meaning column this wide reads well: what a wide terminal has beyond it goes to the names first. */
const MEANING_AMPLE = 60;
/** A category's column where the meaning goes under the row: the longest category names fit. */
const CATEGORY_MOST = 24;


/** A severity as a coloured number: 4-5 red, 3 yellow, 0 dim. */
export function severityText(c: Colors, s: number): string {
  const t = String(s);
  return s >= 4 ? c.red(c.bold(t)) : s === 3 ? c.yellow(t) : s === 0 ? c.dim(t) : t;
}

const protoLabel = (ps: readonly PortProtocol[]): string => ps.join('/');
const cell = (text: string, width: number): string[] => wrapText(termSafe(text), width);
/** Colour line by line, so a wrapped cell never paints the border between its lines. */
const paint = (lines: string[], color: (s: string) => string): string[] => lines.map(color);

/**
 * A row's id on lines of its own, under a name too wide to share a line with it: a
 * separator that is a word (zh's ` · `) goes along, or a bare dim `rdp` under the name
 * reads as a second name. A bracketed tag (`（rdp）`, `[rdp]`) is its own separator.
 */
function tagLines(r: Tagged, width: number, c: Colors): string[] {
  const lead = r.sep.trim();
  if (lead === '') return paint(cell(r.tag, width), c.dim);
  return cell(`${lead} ${r.tag}`, width).map((l, i) => (i === 0 && l.startsWith(`${lead} `) ? `${lead} ${c.dim(l.slice(lead.length + 1))}` : c.dim(l)));
}

/** How a row's name is followed by its id: `sep`, then `tag` (drawn dim). */
interface Tagged {
  sep: string;
  tag: string;
}

/** One row of either table, before layout. */
interface Row extends Tagged {
  ports: string;
  protocols: string;
  name: string;
  category: string | null;
  severity: number;
  text: string;
}

/**
 * Lays rows out in the space available: six columns (five without a category) when
 * the terminal is wide, otherwise port+proto | name+id+category+sev | meaning. Where the
 * meaning would get fewer than NOTE_BELOW columns, it goes under its row, across the
 * table, and the name column takes its place.
 */
function table(rows: readonly Row[], head: readonly string[], o: ExplainTableOptions, c: Colors): string {
  const L = LABELS[o.lang];
  const hasCategory = rows.some((r) => r.category !== null);
  const portW = Math.max(4, ...rows.map((r) => r.ports.length), ...rows.map((r) => r.protocols.length));
  const wide = o.width >= COMPACT_BELOW;
  // The severity heading may be wider than its one-digit values (严重度).
  const sevW = Math.max(4, displayWidth(head[head.length - 2]!));
  const catW = hasCategory ? Math.min(14, Math.max(displayWidth(head[3]!), ...rows.map((r) => displayWidth(r.category ?? '')))) : 0;
  const nameW = wide ? Math.max(16, Math.min(26, Math.floor(o.width * 0.2))) : Math.max(14, Math.min(22, Math.floor(o.width * 0.25)));
  // The columns before and after the name's.
  const before = wide ? [portW, 7] : [portW];
  const after = wide ? (hasCategory ? [catW, sevW] : [sevW]) : [];
  const meaningW = fitWidths([...before, nameW, ...after], o.width, MIN_MEANING).at(-1)!;
  const notes = meaningW < NOTE_BELOW;
  if (notes && wide && hasCategory) {
    // The meaning's columns to share: a category on one line ("Remote access / admin") first.
    after[0] = Math.max(catW, Math.min(CATEGORY_MOST, ...rows.map((r) => displayWidth(r.category ?? ''))));
  }
  // Beside a meaning column wider than MEANING_AMPLE, the name takes what it needs of the
  // rest to stand with its id on one line ("Executor trojan [executor-80]").
  const spare = Math.max(0, meaningW - MEANING_AMPLE);
  const nameWidth = notes
    ? Math.max(nameW, o.width - 4 - spanWidth([...before, 0, ...after]))
    : Math.min(nameW + spare, Math.max(nameW, ...rows.map((r) => displayWidth(`${r.name}${r.sep}${r.tag}`))));
  const textW = meaningW - (nameWidth - nameW);
  const widths = notes ? [...before, nameWidth, ...after] : [...before, nameWidth, ...after, textW];
  const heads = wide ? [...head] : [...L.compactHead];
  if (notes) heads.pop();
  const nameCell = (r: Row): string[] => {
    const extra = wide ? [] : cell(`${r.category ? `${r.category} · ` : ''}${L.sev} ${r.severity}`, nameWidth);
    if (displayWidth(`${r.name}${r.sep}${r.tag}`) <= nameWidth) return [`${termSafe(r.name)}${r.sep}${c.dim(r.tag)}`, ...extra];
    return [...cell(r.name, nameWidth), ...tagLines(r, nameWidth, c), ...extra];
  };
  const cells = rows.map((r) => [
    ...(wide ? [[r.ports], [r.protocols]] : [[r.ports, r.protocols]]),
    nameCell(r),
    ...(wide && hasCategory ? [cell(r.category ?? '', after[0]!)] : []),
    ...(wide ? [[severityText(c, r.severity)]] : []),
    ...(notes ? [] : [cell(r.text, textW)]),
  ]);
  return boxTable(heads, cells, widths, false, notes ? rows.map((r) => termSafe(r.text)) : undefined);
}

function entriesTable(entries: readonly PortEntry[], kb: Pick<KnowledgeBase, 'category'>, o: ExplainTableOptions, c: Colors): string {
  const rows = entries.map((e) => ({
    ports: String(portsOf(e)),
    protocols: protoLabel(e.protocols),
    name: e.name[o.lang],
    ...LABELS[o.lang].tagged(e.name[o.lang], e.id),
    category: kb.category(e.category)?.name[o.lang] ?? e.category,
    severity: e.severity,
    text: e.text[o.lang],
  }));
  return table(rows, LABELS[o.lang].head, o, c);
}

function sourceTable(entries: readonly SourcePortEntry[], o: ExplainTableOptions, c: Colors): string {
  const rows = entries.map((e) => ({
    ports: String(portsOf(e)),
    protocols: protoLabel(e.protocols),
    name: e.name[o.lang],
    ...LABELS[o.lang].tagged(e.name[o.lang], e.annotation),
    category: null,
    severity: e.severity,
    text: e.text[o.lang],
  }));
  return table(rows, LABELS[o.lang].srcHead, o, c);
}

function classLine(cls: PortClass, lang: Lang): string {
  return `${cls.name[lang]} ${cls.from}-${cls.to}`;
}

function indent(text: string, width: number, by = 2): string {
  return wrapText(termSafe(text), width - by)
    .map((l) => `${' '.repeat(by)}${l}`)
    .join('\n');
}

/** A "source: …" line, dim, wrapped to the width under its indent (a seed's title is long). */
function refLines(text: string, width: number, c: Colors, by = 2): string {
  return indent(text, width, by)
    .split('\n')
    .map((l) => c.dim(l))
    .join('\n');
}

/** "outbound to a malware port (trojan-outbound) — interpretation (annotation id), severity ≥4", its meanings, its sources. */
function idBlock(d: IdDescription, o: ExplainTableOptions, c: Colors): string {
  const L = LABELS[o.lang];
  const what = d.kind === 'annotation' ? L.annotation(d.severity ?? 0, d.severityIsFloor) : L.finding(d.weight ?? 0);
  const named = termSafe(messages(o.lang).explain.named(d.name, d.id));
  const head = `${named} — ${what}`;
  // Too wide for one line, the name and what it is go on lines of their own: a cut
  // inside "interpretation (annotation id)" read as two halves of nothing.
  const heads = displayWidth(head) <= o.width ? [head] : [...wrapText(named, o.width), ...wrapText(`— ${what}`, o.width)];
  const lines = heads.map((l) => c.bold(l));
  d.texts.forEach((t, i) => {
    const when = d.when[i] ?? null;
    // Under its situation the text steps in, so each text reads as that situation's.
    if (when === null) lines.push(indent(t, o.width));
    else lines.push(indent(messages(o.lang).explain.situation(when), o.width), indent(t, o.width, 4));
  });
  if (d.refs.length > 0) lines.push(refLines(L.ref(d.refs.map((x) => sourceText(x, o.lang)).join(messages(o.lang).nameSep)), o.width, c));
  return lines.join('\n');
}

/** "  8/icmp     echo request (ping)  ping sweeps (icmp-sweep)", aligned; the ids wrap under the first. */
function icmpTypeLines(types: readonly IcmpTypeMatch[], o: ExplainTableOptions): string {
  const m = messages(o.lang);
  const what = types.map((t) => `${t.type}/${t.proto}`);
  const whatW = Math.max(...what.map((w) => w.length));
  const nameW = Math.max(...types.map((t) => displayWidth(t.name)));
  return types
    .map((t, i) => {
      if (t.ids.length === 0) return `  ${what[i]!.padEnd(whatW)}  ${termSafe(t.name)}`;
      const head = `  ${what[i]!.padEnd(whatW)}  ${termSafe(t.name)}${' '.repeat(nameW - displayWidth(t.name))}  `;
      return wrapItems(head, t.ids.map((id, k) => termSafe(m.explain.named(t.names[k]!, id))), o.width, m.listSep);
    })
    .join('\n');
}

function renderOne(r: ExplainAnswer, kb: Pick<KnowledgeBase, 'category' | 'messages'>, o: ExplainTableOptions, c: Colors): string {
  const L = LABELS[o.lang];
  const q = r.query;
  const out: string[] = [];
  if (q.kind === 'search') {
    const n = r.entries.length + r.sourceEntries.length;
    if (r.ids.length > 0) out.push(r.ids.map((d) => idBlock(d, o, c)).join('\n\n'), '');
    if (r.icmpTypes.length > 0) out.push(c.bold(termSafe(L.icmpSearch(q.term))), icmpTypeLines(r.icmpTypes, o), '');
    // An id or an ICMP type alone needs no "no port entries" line under it.
    if (n === 0 && out.length > 0) return out.slice(0, -1).join('\n');
    out.push(c.bold(termSafe(n === 0 ? L.noSearch(q.term) : L.search(q.term, n))));
    if (n === 0) out.push(...wrapText(L.noSearchHint, o.width).map((l) => c.dim(l)));
    if (r.entries.length > 0) out.push(entriesTable(r.entries, kb, o, c));
    if (r.sourceEntries.length > 0) out.push(L.srcSearch, sourceTable(r.sourceEntries, o, c));
    return out.join('\n');
  }
  if (q.kind === 'address') {
    out.push(c.bold(termSafe(L.address(q.address))));
    if (r.addresses.length === 0) out.push(indent(L.noAddress, o.width));
    for (const a of r.addresses) {
      const head = termSafe(`${a.range}  ${a.name[o.lang]}`);
      const ref = termSafe(sourceText(a.ref, o.lang));
      // A seed's title makes the reference long: too wide beside the range, it goes under it.
      if (displayWidth(`  ${head}  ${ref}`) <= o.width) out.push(`  ${c.bold(head)}  ${c.dim(ref)}`);
      else out.push(`  ${c.bold(head)}`, refLines(L.ref(ref), o.width, c, 4));
      out.push(indent(a.text[o.lang], o.width - 2).replace(/^/gm, '  '));
    }
    return out.join('\n');
  }
  if (q.kind === 'message') {
    const m = r.message;
    out.push(c.bold(termSafe(L.message[q.table](q.id, m === null ? null : m.name[o.lang]))));
    if (m === null) out.push(indent(L.noMessage(kb.messages(q.table).map((x) => x.id).join(', '), q.table === 'asaMessages'), o.width));
    else out.push(indent(m.text[o.lang], o.width), refLines(L.ref(sourceText(m.source, o.lang)), o.width, c));
    return out.join('\n');
  }
  if (q.kind === 'icmp') {
    out.push(c.bold(termSafe(L.icmp(q.proto, q.type, icmpTypeName(o.lang, q.proto, q.type)))), c.dim(indent(L.icmpNoPorts, o.width)));
    out.push(r.ids.length > 0 ? '\n' + r.ids.map((d) => idBlock(d, o, c)).join('\n\n') : `  ${L.noIcmpIds}`);
    return out.join('\n');
  }
  const what = q.kind === 'port' ? String(q.port) : `${q.from}-${q.to}`;
  const classes = r.classes.map((k) => classLine(k, o.lang));
  const title = L.title(what, q.protocols, q.kind === 'port' ? classes[0]! : r.classes.length > 1 ? L.spans(classes) : L.within(classes));
  out.push(c.bold(title));
  for (const k of r.classes) out.push(c.dim(indent(k.text[o.lang], o.width)));
  out.push(L.dst);
  out.push(r.entries.length > 0 ? entriesTable(r.entries, kb, o, c) : `  ${L.noDst}`);
  out.push(L.src);
  out.push(r.sourceEntries.length > 0 ? sourceTable(r.sourceEntries, o, c) : `  ${L.noSrc}`);
  return out.join('\n');
}

/** The human-readable answer to every query, separated by blank lines. */
export function renderExplainTable(
  results: readonly ExplainAnswer[],
  kb: Pick<KnowledgeBase, 'category' | 'messages'>,
  options: ExplainTableOptions,
): string {
  const c = pc.createColors(options.color);
  return results.map((r) => renderOne(r, kb, options, c)).join('\n\n') + '\n';
}
