// `logscan explain 'LINE'`: a log line pasted from a firewall log, read as the report reads
// it (the same format sniffers and parsers, the same annotator) and told back in words.
// People meet a strange line in their log and want to know what it is; this answers that
// line without making them write it to a file first.
import { zoneFacts } from '../aggregate/zone-facts.js';
import type { FirewallEvent } from '../event.js';
import { createAnnotator, type Annotator } from '../annotate/index.js';
import { ownReason, trafficKind, type OwnReason, type TrafficKind } from '../aggregate/own-traffic.js';
import type { AddressEntry, KnowledgeBase, Lang, PortClass } from '../knowledge/types.js';
import { getFormat, sniffFormat } from '../parsers/registry.js';
import { payloadKind } from '../parsers/payload-dispatch.js';
import { createGuarded } from '../parsers/guard.js';
import { fileYearCarry } from '../parsers/timestamp.js';
import { ExportEntryBounds, journalExportFormat } from '../parsers/journald.js';
import { SNIFF_LINES } from '../input/pick-format.js';
import type { DateNote, FormatDefinition, HeaderNote, LineParser, LineSink, YearCarry, ZoneNote } from '../parsers/types.js';
import { lineAloneNote, lineToJson, renderLineReading, type LineJson, type LineTableOptions, type LineZones } from '../render/explain-line.js';
import { parseQuery, type ExplainQuery } from '../knowledge/query.js';
import { ruleMessageName } from '../aggregate/rule-message.js';
import { reasonText } from '../i18n/messages.js';
import type { LineReason } from '../parsers/reason.js';
import { zoneName } from '../daily/day.js';

/** What became of one line. */
export type LineOutcome = 'event' | 'skipped' | 'malformed' | 'unrecognised';

export interface LineReading {
  /** The line as given (untrusted: render through termSafe / JSON escaping). */
  line: string;
  /** The format that claimed it; null when none did. */
  format: string | null;
  outcome: LineOutcome;
  /** Why a line was skipped or malformed, in English (the JSON's words). */
  reason: string | null;
  /** The same as data, said in --lang by the terminal block. */
  why: LineReason | null;
  /** The annotated record, when the line was one. */
  event: FirewallEvent | null;
  /** What the report makes of it: a probe, this side's own traffic, a reply, LAN chatter. */
  traffic: TrafficKind | null;
  /** Why it is this side's own (traffic `own`): logged leaving this host, loopback, routed out from this side, between two of its machines. */
  ownReason: OwnReason | null;
  /** The special-purpose ranges of the source and destination addresses, narrowest first. */
  srcRanges: readonly AddressEntry[];
  dstRanges: readonly AddressEntry[];
  /** The class of each TCP/UDP port (well-known, registered, dynamic); null without one. */
  srcPortClass: PortClass | null;
  dstPortClass: PortClass | null;
  /** The name of the message id its rule label holds (a Cisco ASA tag: signatures/asa-messages.json), in the reading's language; null for any other label. */
  messageName: string | null;
  /**
   * The syslog header before its `kernel:` tag was not understood and passed over (what
   * `check`'s headers row counts): its time and host are known only if a part of it read
   * gave them.
   */
  headerUnread: boolean;
  /** The record's stamp was a time of day alone: its date (today's, for explain), not only its year, was assumed. */
  dateInferred: boolean;
  /**
   * The record's stamp has no year and took the one an earlier line's stamp named (a Cisco
   * device stamp's `Aug 06 2016`, a header with its year), carried on as the report carries it.
   */
  yearCarried: boolean;
}

/** Fewer words than this and an unrecognised query stays a search term ("back orifice"); as many arguments may be one line split by the shell. */
export const LINE_WORDS = 4;

/** The format whose sniffer claims this text as a log line, or null. */
export function lineFormat(text: string): FormatDefinition | null {
  // One word is a query (`22`, `sub7`), unless it is a JSON object: a Cloud Logging entry has no space.
  const t = text.trim();
  if (!/\s/.test(t) && !t.startsWith('{')) return null;
  // A line no format sniffs as a record may still carry a vendor's tag (a Huawei `%%01SHELL/…`
  // message, an H3C login): that format reads it and says why it is no record, as a report does.
  const sniffed = sniffFormat([text]).format;
  if (sniffed !== null) return sniffed;
  const tagged = payloadKind(text, 0, text.length);
  return tagged === null ? null : (getFormat(tagged) ?? null);
}

/** Marks of log text that a name searched for never has: KEY=value, a clock time, a dotted quad. */
const LOG_TEXT = /\w=\S|\b\d{1,2}:\d{2}:\d{2}\b|\b\d{1,3}(?:\.\d{1,3}){3}\b/;

/**
 * A query meant as a log line: a format claims it, or it has the words and marks of one
 * (then it is told it is no record). "Back Orifice remote administration" stays a search.
 */
export function isLineQuery(text: string): boolean {
  return lineFormat(text) !== null || (text.trim().split(/\s+/).length >= LINE_WORDS && LOG_TEXT.test(text));
}

/**
 * A query is either a question for the knowledge base or a log line to read; a journal
 * export entry is read from its lines (`entry`), and `line` is the one it is shown by.
 */
export type ExplainItem = { kind: 'query'; query: ExplainQuery } | { kind: 'line'; line: string; entry?: readonly string[] };

/** The line of a journal export entry it is shown by: its MESSAGE, else its first. */
function entryLine(entry: readonly string[]): string {
  return entry.find((l) => l.startsWith('MESSAGE=')) ?? entry[0] ?? '';
}

/**
 * Pasted or piped lines as items: one per non-blank line, but `journalctl -o export`
 * output one per entry (its KEY=value lines up to a blank one, or to the next entry's
 * first field when the blank line is missing: ExportEntryBounds), as a record there spans
 * several lines and only together do they give its time and host.
 */
function lineItems(text: readonly string[]): ExplainItem[] {
  if (sniffFormat(text.slice(0, SNIFF_LINES)).format !== journalExportFormat) {
    return text.filter((l) => l.trim() !== '').map((line) => ({ kind: 'line', line }));
  }
  const items: ExplainItem[] = [];
  let entry: string[] = [];
  const bounds = new ExportEntryBounds();
  for (const l of [...text, '']) {
    const blank = l.trim() === '';
    if ((blank || bounds.startsNext(l)) && entry.length > 0) {
      items.push({ kind: 'line', line: entryLine(entry), entry });
      entry = [];
    }
    if (blank) bounds.reset();
    else entry.push(l.replace(/\r$/, ''));
  }
  return items;
}

/**
 * What each argument asks. Arguments that together make one log line (pasted without
 * quotes, so the shell split it) are that line; a query with line breaks is its lines;
 * `-` is the lines of standard input.
 */
export function explainItems(queries: readonly string[], stdin: readonly string[] = []): ExplainItem[] {
  // Only words: a quoted line among other queries is not glued to them.
  const joined = queries.join(' ');
  if (queries.length >= LINE_WORDS && !queries.some((q) => /\s/.test(q)) && lineFormat(joined) !== null) return [{ kind: 'line', line: joined }];
  return queries.flatMap((q): ExplainItem[] => {
    if (q === '-') return lineItems(stdin);
    if (/[\r\n]/.test(q.trim())) return lineItems(q.split(/\r?\n/));
    return isLineQuery(q) ? [{ kind: 'line', line: q.trim() }] : [{ kind: 'query', query: parseQuery(q) }];
  });
}

/** What the parser said of the line being read. */
interface Verdict {
  event: FirewallEvent | null;
  outcome: LineOutcome;
  why: LineReason | null;
}

/** How the lines' stamps are read, as the report's --year and --tz do. */
export interface LineTime {
  /** The reference for the year of a syslog stamp that has none (unless `year` is given). */
  now: Date;
  /** The year of the first line whose stamp has none. */
  year: number | null;
  /** The zone of stamps without an offset; null: this machine's. */
  tz: string | null;
}

/**
 * Reads pasted lines one after another as a log: one parser per format for all of them (a
 * Windows Firewall `#Fields:` header given first sets the columns of the lines after it,
 * a syslog year rolls over at New Year) and one annotator, so a line is read in the light
 * of those before it (a traceroute's next probe, a retry).
 */
export class LineExplainer {
  private readonly annotator: Annotator;
  private readonly parsers = new Map<string, LineParser>();
  private lineNo = 0;
  /** Whether any line so far was a record (then the closing note applies). */
  private records = false;
  /** Filled in by the parsers' sink for the line being read. */
  private verdict: Verdict = { event: null, outcome: 'skipped', why: null };
  private readonly sink: LineSink = {
    event: (e) => {
      this.verdict.event ??= e;
      this.verdict.outcome = 'event';
    },
    skipped: (_n, why) => {
      this.verdict.why = why;
    },
    malformed: (_n, _l, why) => {
      this.verdict.outcome = 'malformed';
      this.verdict.why = why;
    },
  };

  private readonly time: LineTime;
  /** Where the parsers note a header they passed over (one per run: read() compares its count). */
  private readonly headerNote: HeaderNote = {};
  /** Where the parsers note a time read without a zone in the line (set once, by any line: the closing note says so). */
  private readonly zoneNote: ZoneNote = {};
  /** Where the parsers count the records whose stamp is a time alone (read() compares the count, as the header's). */
  private readonly dateNote: DateNote = {};
  /** Each format's year carry (parserFor): whether a year-less stamp took an earlier stamp's year. */
  private readonly carries = new Map<string, YearCarry>();

  constructor(
    private readonly kb: KnowledgeBase,
    private readonly lang: Lang,
    time: Partial<LineTime> = {},
  ) {
    this.annotator = createAnnotator(kb, { lang });
    this.time = { now: time.now ?? new Date(), year: time.year ?? null, tz: time.tz ?? null };
  }

  /** Reads a line, or a journal export entry's lines. */
  read(input: string | readonly string[]): LineReading {
    const text = typeof input === 'string' ? input.replace(/\r$/, '') : entryLine(input);
    // A MESSAGE= line copied from a journal export entry is that entry, without its time and host.
    const entry = typeof input !== 'string' ? input : text.startsWith('MESSAGE=') && sniffFormat([text]).format === null ? [text] : null;
    const format = entry !== null ? journalExportFormat : lineFormat(text);
    const none = { line: text, format: format?.id ?? null, reason: null, why: null, event: null, traffic: null, ownReason: null, srcRanges: [], dstRanges: [], srcPortClass: null, dstPortClass: null, messageName: null, headerUnread: false, dateInferred: false, yearCarried: false };
    if (format === null) return { ...none, outcome: 'unrecognised' };
    this.verdict = { event: null, outcome: 'skipped', why: null };
    const parser = this.parserFor(format);
    // The parsers count the records whose header they passed over (for check): one more is this line's.
    const unreadBefore = this.headerNote.unreadHeader?.records ?? 0;
    const timeOnlyBefore = this.dateNote.timeOnly ?? 0;
    // Before the line: a stamp of its own that names a year comes after its header's time was read.
    const carried = this.carried(format.id);
    if (entry === null) parser.line(text, ++this.lineNo);
    else for (const l of [...entry, '']) parser.line(l, ++this.lineNo);
    const headerUnread = (this.headerNote.unreadHeader?.records ?? 0) > unreadBefore;
    const { event: e, outcome, why } = this.verdict;
    if (e === null) return { ...none, outcome, why, reason: why === null ? null : reasonText(why, 'en'), headerUnread };
    this.annotator.annotate(e);
    this.records = true;
    const traffic = trafficKind(e);
    return {
      ...none,
      outcome: 'event',
      event: e,
      traffic,
      ownReason: traffic === 'own' ? ownReason(e) : null,
      srcRanges: e.src.ip === null ? [] : this.kb.lookupAddress(e.src.ip),
      dstRanges: e.dst.ip === null ? [] : this.kb.lookupAddress(e.dst.ip),
      srcPortClass: this.portClass(e.proto, e.src.port),
      dstPortClass: this.portClass(e.proto, e.dst.port),
      messageName: e.rule === null ? null : (ruleMessageName(this.kb, e.format, e.rule, this.lang) ?? null),
      headerUnread,
      dateInferred: (this.dateNote.timeOnly ?? 0) > timeOnlyBefore,
      yearCarried: carried && e.yearInferred,
    };
  }

  /** An earlier line's stamp named a year, which a year-less stamp of this format now takes (not --year's). */
  private carried(format: string): boolean {
    const carry = this.carries.get(format);
    return carry !== undefined && !carry.given && carry.month !== 0;
  }

  private parserFor(format: FormatDefinition): LineParser {
    let p = this.parsers.get(format.id);
    if (p === undefined) {
      const { now, year, tz } = this.time;
      // One year carry per format, as the report's reader gives a file's: a Cisco device stamp's year dates the year-less headers after it.
      const yearCarry = fileYearCarry(year);
      p = createGuarded(format, { file: 'explain', refDate: now, year, yearCarry, tz, headerNote: this.headerNote, zoneNote: this.zoneNote, dateNote: this.dateNote }, this.sink);
      this.parsers.set(format.id, p);
      this.carries.set(format.id, yearCarry);
    }
    return p;
  }

  private portClass(proto: string, port: number | null): PortClass | null {
    return port === null || (proto !== 'tcp' && proto !== 'udp') ? null : this.kb.portClass(port);
  }

  /** The line's (or journal entry's) JSON answer (`kind: "line"`). */
  json(input: string | readonly string[]): LineJson {
    // Read first: what this line's time said of its zone is in the facts.
    const r = this.read(input);
    return lineToJson(r, this.lang, this.zones());
  }

  /** What the lines' times said of their zone so far, and the zone they were read in. */
  private zones(): LineZones {
    const tz = this.time.tz;
    return { facts: zoneFacts([this.zoneNote]), zone: zoneName(tz), given: tz !== null };
  }

  /** The line's (or journal entry's) block for the terminal. */
  block(input: string | readonly string[], table: LineTableOptions): string {
    // Times are shown in the zone the stamps were read in.
    return renderLineReading(this.read(input), { ...table, tz: this.time.tz, yearGiven: this.time.year !== null });
  }

  /** What a reader of one line should know about the rest, once any line was a record. */
  note(table: LineTableOptions): string | null {
    return this.records ? lineAloneNote(this.lang, table.width, table.color, this.zones()) : null;
  }
}
