// `logscan check` output: for a person (every log-derived string through termSafe)
// or as JSON (exact strings; events in the same schema as `logscan events`).
import pc from 'picocolors';
import type { FirewallEvent } from '../event.js';
import { eventToJson } from '../render/event-json.js';
import { counted, fmtInt, plural } from '../util/number-text.js';
import { jsonText, termSafe } from '../render/sanitize.js';
import { formatDateTime } from '../render/time-format.js';
import { zoneName } from '../daily/day.js';
import { displayWidth, wrapItems, wrapLabelled } from '../render/box-table.js';
import { fmtConf, formatWhy, hints, type CheckResult, type FieldHeader, type KindExample, type LineDetail } from './check.js';
import { lateByFlags, lateKinds, trafficKind, type TrafficKind } from '../aggregate/own-traffic.js';
import { inputProblemText, messages, type Messages } from '../i18n/messages.js';
import type { Lang } from '../knowledge/types.js';
import { namedAnnotation } from '../annotate/roles.js';

export interface CheckTextOptions {
  color: boolean;
  tz: string | null;
  /** Terminal columns: long lists and annotation texts wrap to them. Default 100. */
  width?: number;
  /** The language of an input's problem and of --line's labels (the rest stays English, as a parser diagnostic). Default en. */
  lang?: Lang;
}

type Colors = ReturnType<typeof pc.createColors>;

// eslint-disable-next-line no-control-regex
const CONTROL_RUN = /([\u0000-\u0008\u000e-\u001f])\1{3,}/g;

/** termSafe, with long runs of one control character shown once with a count ("\x00×212"), so padding does not bury the record. */
function shown(text: string): string {
  return termSafe(text.replace(CONTROL_RUN, (run, ch: string) => `${termSafe(ch)}×${run.length}`));
}

/** Kinds listed per block in the text output (all of them are in -o json). */
const SHOW_KINDS = 12;

function kindsBlock(title: string, kinds: readonly KindExample[], c: Colors): string[] {
  if (kinds.length === 0) return [];
  const out = ['', c.bold(`${title} (${counted(kinds.length, 'kind')})`)];
  for (const k of kinds.slice(0, SHOW_KINDS)) {
    // A kind whose lines gave different values is headed by its elided form; the example keeps its own reason.
    out.push(`  ${fmtInt(k.count).padStart(7)} × ${termSafe(k.varied ? k.kind : k.reason)}`);
    const own = k.varied ? ` (${termSafe(k.reason)})` : '';
    out.push(c.dim(`            e.g. line ${k.line}${own}: ${k.excerpt === null ? '(text not kept)' : shown(k.excerpt)}`));
  }
  if (kinds.length > SHOW_KINDS) {
    const rest = kinds.slice(SHOW_KINDS);
    out.push(c.dim(`  … ${rest.length} more ${plural(rest.length, 'kind')} (${counted(rest.reduce((n, k) => n + k.count, 0), 'line')}); -o json lists them all`));
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

function zonelessCheckText(tz: string | null): string {
  return tz === null
    ? `no zone in the log: read as ${zoneName(null)}, this machine's zone (--tz ZONE to change)`
    : `no zone in the log: read in ${tz} (--tz)`;
}

function detailBlock(d: LineDetail, tz: string | null, c: Colors, width: number, lang: Lang): string[] {
  const m = messages(lang).check;
  const out = ['', c.bold(m.line(d.line, d.fate))];
  if (d.text !== null) out.push(row(m.text, shown(d.text)));
  if (d.reason) out.push(row(m.reason, termSafe(d.reason)));
  for (const e of d.events) {
    if (d.events.length > 1) out.push('  --');
    for (const [k, v] of eventRows(e, tz, m)) out.push(row(k, termSafe(v)));
    if (e.annotations.length === 0) out.push(row(m.annotations, m.noAnnotations));
    else {
      out.push(`  ${m.annotations}`);
      for (const a of e.annotations) {
        // The text under its id, indented, wrapped to the terminal (a meaning runs to 300 characters).
        out.push(`    ${m.annotation(termSafe(namedAnnotation(a.id, lang)), a.severity, termSafe(a.ref))}`);
        out.push(wrapLabelled('      ', termSafe(a.text), width));
      }
    }
    const kind = trafficKind(e);
    out.push(row(m.countsAs, kind === 'late' && !lateByFlags(e) ? m.lateRecord(lateKinds(e, lang)) : m.countsAsKind(kind)));
  }
  return out;
}

/** "layouts: 17 fields from line 4: 3 lines", "18 fields (+pid) from line 11: 6 lines (1 malformed)". */
function fieldHeadersItems(hs: readonly FieldHeader[]): string[] {
  return hs.map((h, i) => {
    const diff = [...h.added.map((n) => `+${n}`), ...h.removed.map((n) => `-${n}`)].map(termSafe).join(' ');
    const item = `${fmtInt(h.fields)} fields${diff === '' ? '' : ` (${diff})`} from line ${fmtInt(h.firstLine)}: ${counted(h.lines, 'line')}${h.malformed > 0 ? ` (${fmtInt(h.malformed)} malformed)` : ''}`;
    return i === 0 ? `${hs.length} layouts: ${item}` : item;
  });
}

/** "70,000 dropped before the record on line 7 …": a NUL-filled region the splitter skipped. */
function nulsText(n: NonNullable<CheckResult['nuls']>): string {
  const where = n.lines === 1 ? `line ${fmtInt(n.firstLine)}` : `${fmtInt(n.lines)} lines (the first: line ${fmtInt(n.firstLine)})`;
  return `${fmtInt(n.count)} dropped from ${where}: a NUL-filled region (as Windows leaves in pfirewall.log after a crash) is no text, so it does not count toward the line-length limit, and what follows it was read`;
}

export function renderCheckText(results: readonly CheckResult[], opts: CheckTextOptions): string {
  const c = pc.createColors(opts.color);
  const width = opts.width ?? 100;
  const out: string[] = [];
  for (const r of results) {
    if (out.length > 0) out.push('');
    out.push(c.bold(`check · ${termSafe(r.file)}`));
    const problem = inputProblemText(r, opts.lang ?? 'en');
    if (problem) out.push(wrapLabelled(c.red('problem    '), termSafe(problem), width, c.red));
    out.push(wrapLabelled('format     ', termSafe(formatWhy(r)), width));
    if (r.sniff.length > 0) out.push(wrapItems('confidence ', r.sniff.map((s) => `${termSafe(s.format)} ${fmtConf(s.confidence)}`), width));
    out.push(`lines      ${fmtInt(r.lines)}: ${fmtInt(r.events)} parsed · ${fmtInt(r.skipped)} skipped · ${r.malformed > 0 ? c.yellow(`${fmtInt(r.malformed)} malformed`) : '0 malformed'}`);
    // The zone is not in the lines: say which one their times were read in (the report and events use the same).
    if (r.zonelessTimes) out.push(wrapLabelled('times      ', zonelessCheckText(opts.tz), width));
    if (r.encoding !== null) out.push(wrapLabelled('encoding   ', `${r.encoding} with a byte-order mark (as Windows PowerShell 5.1 writes with > or Out-File), decoded`, width));
    if (r.nuls !== null) out.push(wrapLabelled('NULs       ', nulsText(r.nuls), width));
    // One layout says nothing the skipped headers do not; two or more are a log that changed columns mid-way.
    if (r.fieldHeaders.length > 1) out.push(wrapItems('#Fields    ', fieldHeadersItems(r.fieldHeaders), width));
    out.push(...kindsBlock('malformed', r.malformedKinds, c));
    out.push(...kindsBlock('skipped', r.skippedKinds, c));
    if (r.detail) out.push(...detailBlock(r.detail, opts.tz, c, width, opts.lang ?? 'en'));
    const h = hints(r);
    // Wrapped as every other row, under its text: a hint is a sentence, not a log line shown whole.
    if (h.length > 0) out.push('', ...h.map((x) => wrapLabelled(c.dim('hint: '), x, width, c.dim)));
  }
  return out.join('\n') + '\n';
}

/** The JSON document: one entry per input; events as in `logscan events`. */
export function renderCheckJson(results: readonly CheckResult[]): string {
  const doc = {
    schemaVersion: 1,
    inputs: results.map((r) => ({
      ...r,
      why: formatWhy(r),
      hints: hints(r),
      // countsAs: per event, what it is to the probe counts (probe, own, reply, noise; gap for a log-gap row).
      detail: r.detail ? { ...r.detail, events: r.detail.events.map((e) => JSON.parse(eventToJson(e)) as unknown), countsAs: r.detail.events.map(trafficKind) } : null,
    })),
  };
  return jsonText(doc, 2) + '\n';
}
