// `logscan check` output: for a person (every log-derived string through termSafe)
// or as JSON (exact strings; events in the same schema as `logscan events`).
import pc from 'picocolors';
import type { Colors } from '../render/colors.js';
import type { FirewallEvent } from '../event.js';
import { eventToJson } from '../render/event-json.js';
import { fmtInt } from '../util/number-text.js';
import { jsonText, termSafe } from '../render/sanitize.js';
import { formatDateTime } from '../render/time-format.js';
import { zoneName } from '../daily/day.js';
import { displayWidth, wrapItems, wrapLabelled } from '../render/box-table.js';
import { labelledExcerpt, shownText } from '../render/excerpt-lines.js';
import { elidedReason, fmtConf, formatWhy, hints, type CheckResult, type FieldHeader, type KindExample, type LineDetail } from './check.js';
import { lateByFlags, lateKinds, trafficKind } from '../aggregate/own-traffic.js';
import { inputProblemText, messages, reasonText, type Messages } from '../i18n/messages.js';
import type { LineReason } from '../parsers/reason.js';
import type { Lang } from '../knowledge/types.js';
import { namedAnnotation } from '../annotate/roles.js';
import { sourceText } from '../knowledge/seed-titles.js';
import { zoneFacts } from '../aggregate/zone-facts.js';
import { zoneNotes } from '../render/zone-words.js';

export interface CheckTextOptions {
  color: boolean;
  tz: string | null;
  /** Terminal columns: long lists and annotation texts wrap to them. Default 100. */
  width?: number;
  /** The language of every label, sentence and reason (log text, field names and values stay as logged). Default en. */
  lang?: Lang;
}

/** termSafe, with long runs of one control character shown once with a count ("\x00×212"), so padding does not bury the record. */
const shown = shownText;

/** Kinds listed per block in the text output (all of them are in -o json). */
const SHOW_KINDS = 12;

/** A reason in `lang`: English as the JSON says it (`text`: the reason or its kind), any other language from its code. */
function said(text: string, why: LineReason, lang: Lang): string {
  return termSafe(lang === 'en' ? text : reasonText(why, lang));
}

/** Where a kind's example line begins: under its count. */
const EXAMPLE_INDENT = 12;

function kindsBlock(block: 'malformed' | 'skipped', kinds: readonly KindExample[], c: Colors, lang: Lang, width: number): string[] {
  if (kinds.length === 0) return [];
  const m = messages(lang).check;
  const out = ['', c.bold(m.kinds(block, kinds.length))];
  for (const k of kinds.slice(0, SHOW_KINDS)) {
    // A kind whose lines gave different values is headed by its elided form; the example keeps its own reason.
    out.push(`  ${fmtInt(k.count).padStart(7)} × ${k.varied ? said(k.kind, elidedReason(k.why, k.kind), lang) : said(k.reason, k.why, lang)}`);
    const own = k.varied ? said(k.reason, k.why, lang) : null;
    // The excerpt wrapped to the terminal in a few lines (-o json keeps it whole).
    out.push(...labelledExcerpt(EXAMPLE_INDENT, m.example(k.line, own), k.excerpt ?? m.textNotKept, width, c.dim));
  }
  if (kinds.length > SHOW_KINDS) {
    const rest = kinds.slice(SHOW_KINDS);
    out.push(c.dim(`  ${m.moreKinds(rest.length, rest.reduce((n, k) => n + k.count, 0))}`));
  }
  return out;
}

/** Flattens the event's JSON (the `events` schema) to `path value` rows, so every field shows, including future ones. */
function flatten(value: unknown, path: string, rows: [string, string][]): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) flatten(v, path ? `${path}.${k}` : k, rows);
    return;
  }
  if (Array.isArray(value)) {
    rows.push([path, value.length === 0 ? '[]' : value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(' ')]);
    return;
  }
  rows.push([path, value === null ? '-' : String(value)]);
}

/** A row of the line block: its label padded to the column the values start in (a Chinese label is two columns a character). */
const row = (label: string, value: string): string => `  ${label}${' '.repeat(Math.max(1, 14 - displayWidth(label)))}${value}`;

function eventRows(e: FirewallEvent, tz: string | null, m: Messages['check']): [string, string][] {
  const json = JSON.parse(eventToJson(e)) as Record<string, unknown>;
  delete json.annotations;
  const rows: [string, string][] = [];
  flatten(json, '', rows);
  if (e.time) {
    const i = rows.findIndex(([k]) => k === 'time');
    rows[i] = ['time', `${e.time.toISOString()}  (${formatDateTime(e.time, tz)} ${tz ?? m.localZone})`];
  }
  return rows;
}

function detailBlock(d: LineDetail, tz: string | null, c: Colors, width: number, lang: Lang): string[] {
  const m = messages(lang).check;
  const out = ['', c.bold(m.line(d.line, d.fate))];
  if (d.text !== null) out.push(row(m.text, shown(d.text)));
  if (d.reason !== null && d.why !== null) out.push(row(m.reason, said(d.reason, d.why, lang)));
  for (const e of d.events) {
    if (d.events.length > 1) out.push('  --');
    for (const [k, v] of eventRows(e, tz, m)) out.push(row(k, termSafe(v)));
    if (e.annotations.length === 0) out.push(row(m.annotations, m.noAnnotations));
    else {
      out.push(`  ${m.annotations}`);
      for (const a of e.annotations) {
        // The text under its id, indented, wrapped to the terminal (a meaning runs to 300 characters).
        // A seed file is named by its title, as explain names it (not 002_7fc6dc8747eb060f.txt).
        out.push(`    ${m.annotation(termSafe(namedAnnotation(a.id, lang)), a.severity, termSafe(sourceText(a.ref, lang)))}`);
        out.push(wrapLabelled('      ', termSafe(a.text), width));
      }
    }
    const kind = trafficKind(e);
    out.push(row(m.countsAs, kind === 'late' && !lateByFlags(e) ? m.lateRecord(lateKinds(e, lang)) : m.countsAsKind(kind)));
  }
  return out;
}

/** "2 layouts: 17 fields from line 4: 3 lines", "18 fields (+pid) from line 11: 6 lines (1 malformed)". */
function fieldHeadersItems(hs: readonly FieldHeader[], m: Messages['check']): string[] {
  return hs.map((h, i) => {
    const diff = [...h.added.map((n) => `+${n}`), ...h.removed.map((n) => `-${n}`)].map(termSafe).join(' ');
    const item = m.fieldsLayout(h.fields, diff, h.firstLine, h.lines, h.malformed);
    return i === 0 ? m.fieldsLayouts(hs.length, item) : item;
  });
}

/** The row labels padded to one column, by display width (a Chinese character is two columns); at least the 11 English has always used. */
function labels(m: Messages['check']): Record<keyof Messages['check']['label'], string> {
  const col = Math.max(11, ...Object.values(m.label).map((l) => displayWidth(l) + 1));
  const pad = (l: string): string => l + ' '.repeat(col - displayWidth(l));
  return Object.fromEntries(Object.entries(m.label).map(([k, l]) => [k, pad(l)])) as Record<keyof Messages['check']['label'], string>;
}

/**
 * The zone row: what the events' times said of their zone, in the words of the report's line
 * under its time span (render/zone-words.ts), since the report and events read them alike.
 */
function zoneRows(r: CheckResult, tz: string | null, lang: Lang, label: string, width: number): string[] {
  const said = zoneNotes(zoneFacts([r]), zoneName(tz), tz !== null, messages(lang).zones);
  const blank = ' '.repeat(displayWidth(label));
  return said.map((text, i) => wrapLabelled(i === 0 ? label : blank, termSafe(text), width));
}

export function renderCheckText(results: readonly CheckResult[], opts: CheckTextOptions): string {
  const c = pc.createColors(opts.color);
  const width = opts.width ?? 100;
  const lang = opts.lang ?? 'en';
  const m = messages(lang).check;
  const l = labels(m);
  const out: string[] = [];
  for (const r of results) {
    if (out.length > 0) out.push('');
    out.push(c.bold(m.title(termSafe(r.file))));
    const problem = inputProblemText(r, lang);
    if (problem) out.push(wrapLabelled(c.red(l.problem), termSafe(problem), width, c.red));
    out.push(wrapLabelled(l.format, termSafe(formatWhy(r, lang)), width));
    if (r.sniff.length > 0) {
      // A row of fifteen ids most of them 0 buried the one that matters: the zeros are counted.
      const scored = r.sniff.filter((s) => s.confidence > 0);
      const zeros = r.sniff.length - scored.length;
      const items = scored.map((s) => `${termSafe(s.format)} ${fmtConf(s.confidence)}`);
      if (zeros > 0) items.push(m.zeroConfidence(zeros, scored.length === 0));
      out.push(wrapItems(l.confidence, items, width));
    }
    const malformed = m.malformedCount(r.malformed);
    out.push(`${l.lines}${m.linesRow(r.lines, r.events, r.skipped, r.malformed > 0 ? c.yellow(malformed) : malformed)}`);
    out.push(...zoneRows(r, opts.tz, lang, l.zone, width));
    const u = r.unreadHeaders;
    if (u !== null) {
      out.push(wrapLabelled(l.headers, m.unreadHeaders(u.records, said(u.reason, u.why, lang)), width));
      out.push(...labelledExcerpt(displayWidth(l.headers), m.example(u.line, null), u.excerpt, width, c.dim));
    }
    if (r.encoding !== null) out.push(wrapLabelled(l.encoding, m.encoding(r.encoding), width));
    if (r.decodedFrom !== null) out.push(wrapLabelled(l.encoding, m.decodedFrom(r.decodedFrom), width));
    if (r.invalidUtf8 > 0) out.push(wrapLabelled(l.encoding, c.yellow(m.invalidUtf8(r.invalidUtf8)), width));
    if (r.nuls !== null) out.push(wrapLabelled(l.nuls, m.nuls(r.nuls.count, r.nuls.lines, r.nuls.firstLine), width));
    // One layout says nothing the skipped headers do not; two or more are a log that changed columns mid-way.
    if (r.fieldHeaders.length > 1) out.push(wrapItems(l.fields, fieldHeadersItems(r.fieldHeaders, m), width));
    out.push(...kindsBlock('malformed', r.malformedKinds, c, lang, width));
    out.push(...kindsBlock('skipped', r.skippedKinds, c, lang, width));
    if (r.detail) out.push(...detailBlock(r.detail, opts.tz, c, width, lang));
    const h = hints(r, lang);
    // Wrapped as every other row, under its text: a hint is a sentence, not a log line shown whole.
    if (h.length > 0) out.push('', ...h.map((x) => wrapLabelled(c.dim(m.hint), x, width, c.dim)));
  }
  return out.join('\n') + '\n';
}

function withoutWhy<T extends { why: unknown }>(x: T): Omit<T, 'why'> {
  const { why: _why, ...rest } = x;
  return rest;
}

/** The JSON document: one entry per input; events as in `logscan events`. */
export function renderCheckJson(results: readonly CheckResult[], lang: Lang = 'en'): string {
  const doc = {
    schemaVersion: 1,
    inputs: results.map((r) => ({
      ...r,
      // The reasons as data stay out: a reason in the JSON is its English text, as always.
      skippedKinds: r.skippedKinds.map(withoutWhy),
      unreadHeaders: r.unreadHeaders === null ? null : withoutWhy(r.unreadHeaders),
      malformedKinds: r.malformedKinds.map(withoutWhy),
      why: formatWhy(r, lang),
      hints: hints(r, lang),
      // countsAs: per event, what it is to the probe counts (probe, own, reply, noise; gap for a log-gap row).
      detail: r.detail ? { ...withoutWhy(r.detail), events: r.detail.events.map((e) => JSON.parse(eventToJson(e)) as unknown), countsAs: r.detail.events.map(trafficKind) } : null,
    })),
  };
  return jsonText(doc, 2) + '\n';
}
