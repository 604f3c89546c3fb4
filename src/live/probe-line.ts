// One compact terminal line per probe for `follow`:
//   06:25:01  203.0.113.7      → 6776/tcp   Sub-7 (data/backdoor)  Sub-7 leftover, trojan or worm port
//   08:10:28  192.168.1.19     → 22/tcp     SSH  allow  ufw logged allow
// Time, source and destination keep their columns on every line (the source's widens for a
// longer IPv6 address while one is recent: SourceColumn); what varies (the port's name, an action other than
// drop, the interpretations) follows them, and wraps under the name where the terminal is
// narrower than the line (box-table.ts's wrapItems: whole parts, Chinese two columns a character).
// Everything that came from the log goes through termSafe; colour only when asked.
import type { Colors } from '../render/colors.js';
import type { Annotation, FirewallEvent } from '../event.js';
import type { KnowledgeBase, Lang } from '../knowledge/types.js';
import type { Alert } from './alerts.js';
import type { LostRecords } from '../parsers/log-gaps.js';
import { icmpTypeName, messages, wordFor } from '../i18n/messages.js';
import { portNames } from '../knowledge/query.js';
import { clipToWidth, displayWidth, wrapItems, wrapLabelled } from '../render/box-table.js';
import { termSafe } from '../render/sanitize.js';
import { formatDay, zonedParts } from '../render/time-format.js';
import { yearText } from '../util/year-range.js';
import { addressKey } from '../aggregate/address-key.js';
import { isAnswerOrChatter, isOwnClientTraffic } from '../aggregate/own-traffic.js';
import { isLoopback } from '../util/egress.js';
import { annotationRoles } from '../annotate/roles.js';


export function severityColor(c: Colors, sev: number): (s: string) => string {
  if (sev >= 4) return (s) => c.bold(c.red(s));
  if (sev === 3) return c.red;
  if (sev === 2) return c.yellow;
  if (sev === 1) return c.cyan;
  return c.dim;
}

const p2 = (n: number): string => String(n).padStart(2, '0');

export function clock(d: Date | null, tz: string | null): string {
  if (!d) return '--:--:--';
  const z = zonedParts(d, tz);
  return `${p2(z.hour)}:${p2(z.minute)}:${p2(z.second)}`;
}

/**
 * When a folded run began, for its "going on since …": the time of day, as the probe lines
 * say it, when that is the day of the run's latest probe (in the zone); else with its date
 * (`11-20 23:58:12`, the report's "seen" style; with the year, `2026-12-31 23:58:12`, when
 * that differs too), so a scan that began before midnight does not read as begun today.
 */
export function runSince(since: Date, latest: Date, tz: string | null): string {
  const a = zonedParts(since, tz);
  const b = zonedParts(latest, tz);
  const time = `${p2(a.hour)}:${p2(a.minute)}:${p2(a.second)}`;
  if (a.year === b.year && a.month === b.month && a.day === b.day) return time;
  return `${a.year === b.year ? '' : `${yearText(a.year)}-`}${p2(a.month)}-${p2(a.day)} ${time}`;
}

function destination(e: FirewallEvent): string {
  // A log that names no ICMP type (Azure's, a PAN-OS session record) says just the protocol, not `?/?`.
  if ((e.proto === 'icmp' || e.proto === 'icmpv6') && e.icmp && (e.icmp.type !== null || e.icmp.code !== null)) {
    return `${e.proto} ${e.icmp.type ?? '?'}/${e.icmp.code ?? '?'}`;
  }
  if (e.dst.port !== null) return `${e.dst.port}/${termSafe(e.proto)}`;
  return termSafe(e.proto);
}

/** The port's best-known name, or for ICMP the message type's ("echo request (ping)"); `ofPort` for a port's. */
function knownAs(e: FirewallEvent, kb: KnowledgeBase | null, lang: Lang): { text: string; ofPort: boolean } {
  if (e.icmp !== null && e.icmp.type !== null && (e.proto === 'icmp' || e.proto === 'icmpv6')) return { text: icmpTypeName(lang, e.proto, e.icmp.type) ?? '', ofPort: false };
  const text = e.dst.port === null ? '' : (portNames(kb, e.proto, e.dst.port, lang)[0] ?? '');
  return { text, ofPort: text !== '' };
}

function topAnnotation(anns: readonly Annotation[]): Annotation | null {
  let top: Annotation | null = null;
  for (const a of anns) if (!top || a.severity > top.severity) top = a;
  return top;
}

/** The port's own meaning is already shown by its name; explain only what adds to it. */
const NAME_ONLY = new Set(['port-known']);

/**
 * Whether the text view prints the event: probes only. This side's own clients, loopback
 * (this host talking to itself: ufw audits it by the hundred), replies to its connections,
 * LAN chatter and late packets of connections already under way (an SSH session a LOG rule
 * records scrolls by a line per keystroke) are left out, as the report's probe counts leave
 * them out; they still count in the summaries.
 */
export function printsAsProbe(e: FirewallEvent): boolean {
  if (e.src.ip !== null && isLoopback(addressKey(e.src.ip))) return false;
  return !isOwnClientTraffic(e) && !isAnswerOrChatter(e);
}

/** Columns of the time of day and the two spaces after it: where an alert's or a gap's text goes on when it wraps. */
const AFTER_CLOCK = 10;

/** A line of text that starts with its own indent ("  +292 more from …"), wrapped under where its text starts. */
export function indentedLine(text: string, width: number, paint: (s: string) => string): string {
  const body = text.trimStart();
  return wrapLabelled(' '.repeat(text.length - body.length), body, width, paint);
}

/** The line for a row in which the firewall says it could not write records (Windows Firewall INFO-EVENTS-LOST, Cisco IOS IPACCESSLOGRL): no packet, a gap. */
export function gapLine(e: FirewallEvent, lost: LostRecords, lang: Lang, c: Colors, tz: string | null, width = 100): string {
  return wrapLabelled(`${c.dim(clock(e.time, tz))}  `, messages(lang).follow.logGap(lost.records, lost.marker), width, c.yellow);
}

/**
 * The alert line, `06:25:01  !! ALERT 203.0.113.7 score 90.7 ≥ 50 vertical scan …`: the
 * time of day as on the probe lines, of the record that raised the score (`at`; the
 * time the alert fired for a record without one), so a `--quiet` log of alerts says when.
 */
export function alertLine(a: Alert, at: Date | null, lang: Lang, c: Colors, tz: string | null, width = 100): string {
  const m = messages(lang).follow;
  const about = [a.explanation, ...(a.addressRange ? [a.addressRange.note] : [])].map(termSafe).join(' · ');
  // Wrapped under the alert, not under the time: the time column stays the time's.
  return wrapItems(`${c.dim(clock(at ?? new Date(a.time), tz))}  `, [c.bold(c.red(m.alert(termSafe(a.source)))), c.red(m.scoreAtLeast(a.score, a.threshold)), about], width, ' ');
}

/** The source column fits an IPv4 address; SourceColumn widens it for longer ones. */
const SOURCE_WIDTH = 15;
/** The longest IPv6 text (RFC 5952 never needs more) plus a short zone: wider is not an address. */
const MAX_SOURCE_WIDTH = 45;

/**
 * Probe lines a longer source keeps the column wide for: about a terminal's height (24 rows),
 * so while the IPv6 line is on the screen the lines around it line up with it, and once it
 * has scrolled away an IPv4-only stream is back in its own columns.
 */
export const WIDE_SOURCE_LINES = 24;

/**
 * The width of the source column of a stream of lines: an IPv4 address's, widened to a
 * longer source (an IPv6 address) while one was among the last WIDE_SOURCE_LINES lines, then
 * back. A single IPv6 probe in an IPv4 stream shifts the lines around it, not every line after.
 */
export class SourceColumn {
  width = SOURCE_WIDTH;
  /** Lines fitted so far, and the number of the last one whose source was longer than an IPv4 address. */
  private lines = 0;
  private lastWide = -WIDE_SOURCE_LINES;

  /** The column's width for the next line, whose source is `length` columns. */
  fit(length: number): number {
    const w = Math.min(MAX_SOURCE_WIDTH, length);
    const n = ++this.lines;
    if (w > SOURCE_WIDTH) {
      // The widest of the recent long sources; after a quiet stretch, this one's alone.
      this.width = n - this.lastWide <= WIDE_SOURCE_LINES ? Math.max(this.width, w) : w;
      this.lastWide = n;
    } else if (n - this.lastWide > WIDE_SOURCE_LINES) this.width = SOURCE_WIDTH;
    return this.width;
  }
}

/**
 * The lines show the time of day only; a dated line goes before the first one and before
 * the first of each new day (in the report's zone), so a log replayed with --from-start, or
 * tailed past midnight, says which day its times are on.
 */
export class DayMarker {
  private last = '';

  constructor(private readonly tz: string | null) {}

  /** "── 2026-11-21 ──" when `time` is on another day than the line before; else null. */
  next(time: Date | null): string | null {
    if (time === null) return null;
    const day = formatDay(time, this.tz);
    if (day === this.last) return null;
    this.last = day;
    return `── ${day} ──`;
  }
}

/** Below this many columns after the destination, what follows it goes on the next line, under the source. */
const LEAST_REST = 20;
/** The least room an explanation is clipped to on the line it shares (the line's width permitting). */
const LEAST_EXPLAIN = 30;

/**
 * One line, more where it does not fit `width`: what follows the destination wraps under
 * the port's name (under the source when there is no room for that), whole parts only.
 * `sources` is the stream's source column (a fixed one of SOURCE_WIDTH without it).
 */
export function probeLine(e: FirewallEvent, kb: KnowledgeBase | null, lang: Lang, c: Colors, tz: string | null, width = 100, sources?: SourceColumn): string {
  const head: string[] = [c.dim(clock(e.time, tz))];
  const src = termSafe(e.src.ip === null ? '?' : addressKey(e.src.ip));
  head.push(c.bold(src.padEnd(sources ? sources.fit(src.length) : SOURCE_WIDTH)));
  head.push(`→ ${destination(e).padEnd(9)}`);
  const parts: string[] = [];
  const top = topAnnotation(e.annotations);
  const known = knownAs(e, kb, lang);
  const name = known.text;
  if (name) parts.push(severityColor(c, top?.severity ?? 0)(termSafe(name)));
  if (e.action !== 'drop') {
    const word = wordFor(messages(lang).action, e.action);
    // "other" only says the log named no verdict (psad's captures, LOG rules without one): dim, not a warning colour.
    parts.push(e.action === 'allow' ? c.green(word) : e.action === 'reject' ? c.yellow(word) : c.dim(word));
  }
  const shown = e.annotations.filter((a) => !NAME_ONLY.has(a.id));
  // Each interpretation by its name alone, not "name (id)": the line is one per probe and
  // stays short; the summaries' why lines and `logscan explain NAME` give the id.
  const roles = annotationRoles();
  const said = name.toLowerCase();
  const readings = shown.map((a) => ({ a, text: roles.name(a.id, lang) ?? a.id }));
  // What the port's name already says is not said twice: the same words, or a reading the
  // rules mark as said by the names of its ports (6776 "Sub-7 data channel / artifact" and
  // "Sub-7 leftover", a trojan's port and "trojan or worm port"); its meaning still shows.
  const told = readings.filter((r) => r.text.toLowerCase() !== said && !(known.ofPort && roles.saidByPortName(r.a.id)));
  if (told.length > 0) parts.push(told.map((r) => severityColor(c, r.a.severity)(termSafe(r.text))).join(messages(lang).listSep));
  if (e.count > 1) parts.push(c.dim(`×${e.count}`));
  // A destination with nothing after it leaves no padding at the end of the line.
  const first = head.join('  ');
  const headW = displayWidth(first) + 2;
  const indent = width - headW >= LEAST_REST ? headW : AFTER_CLOCK;
  let text = parts.length === 0 ? first.trimEnd() : indent === headW ? wrapItems(`${first}  `, parts, width, '  ') : `${first.trimEnd()}\n${wrapItems(' '.repeat(indent), parts, width, '  ')}`;
  // The meaning of what matters most, when it is worth a look, clipped to the terminal:
  // on the last line when it leaves room enough, else on a line of its own.
  const explain = topAnnotation(shown);
  if (explain && explain.severity >= 3) {
    const meaning = termSafe(explain.text);
    const room = width - displayWidth(text.slice(text.lastIndexOf('\n') + 1)) - 4;
    // Its own line starts under the name, or under the source when that leaves too little.
    const own = width - indent - 2 >= LEAST_EXPLAIN ? indent : AFTER_CLOCK;
    if (room >= LEAST_EXPLAIN || width - own - 2 < LEAST_EXPLAIN) text += `  ${c.dim(`— ${clipToWidth(meaning, Math.max(LEAST_EXPLAIN, room))}`)}`;
    else text += `\n${' '.repeat(own)}${c.dim(`— ${clipToWidth(meaning, width - own - 2)}`)}`;
  }
  return text;
}
