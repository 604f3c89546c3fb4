import type { Action, FirewallEvent } from '../event.js';
import type { MessageTable } from '../knowledge/types.js';
import type { LineReason } from './reason.js';

/**
 * The year and month (1-12; 0 before any) of the last stamp read in a file, where year-less
 * stamps take their year from: from `--year` on, or without it from the first stamp that
 * named its year (`Aug 06 2016 20:39:42`).
 */
export interface YearCarry {
  year: number;
  month: number;
  /** Times a stamp's own year moved the carry: a year-less stamp's per-second cache holds while it stays. */
  moves: number;
  /** `--year` set it: the user's word, which a year named in the log does not move. */
  readonly given: boolean;
}

/**
 * Where local time read in log order stands after the last stamp (epoch ms; NaN before any),
 * shared by the files of one rotated log read oldest first: the autumn hour that repeats
 * may begin in pfirewall.log.old and go on in pfirewall.log (local-time.ts).
 */
export interface LocalTimeCarry {
  previous: number;
}

/** What every parser of a file is created with. */
export interface ParseContext {
  /** Name used in `origin.file` and in diagnostics. */
  file: string;
  /**
   * Reference for year inference of year-less timestamps: the file's mtime, or now
   * for stdin. Injected (never `new Date()` inside a parser) so tests are repeatable.
   */
  refDate: Date;
  /**
   * A reference that moves (ms now), used instead of refDate when given: `follow` reads
   * lines as they are written, so the clock when a line is read bounds its time, whatever
   * the file's mtime was when it was opened (a log quiet for days, a run over New Year).
   */
  refNow?: () => number;
  /** `--year`: the year of the first year-less record (rolls over at Dec→Jan). */
  year: number | null;
  /**
   * Where the year of year-less stamps stands after the last one read, shared by the
   * readers of one file (a syslog header's and a device's stamp, as a Cisco ASA's); with
   * `--year` by the files of one rotated log read oldest first too: January in kern.log then
   * follows December in kern.log.1 instead of starting over at `--year`.
   */
  yearCarry?: YearCarry;
  /**
   * The last local time read in log order, shared by the files of one rotated log read
   * oldest first like yearCarry (with or without `--year`); absent: each file starts afresh.
   */
  timeCarry?: LocalTimeCarry;
  /** `--tz`: IANA zone for local timestamps without offset; null = the machine's zone. */
  tz: string | null;
  /**
   * Where the parser notes that it read a time with no zone in the log (BSD syslog,
   * pfirewall.log's local time), read in `tz`: the report then says which zone it
   * assumed. One per input, set by the time converter on its first use, not per event.
   */
  zoneNote?: ZoneNote;
  /** Where a syslog-wrapped parser notes the records whose header it did not understand: `check` says so. */
  headerNote?: HeaderNote;
  /**
   * Where a parser notes a record whose stamp is a time of day alone: its whole date, not only
   * its year, was taken from refDate (`yearInferred` says both). `explain` says which.
   */
  dateNote?: DateNote;
}

/** See ParseContext.dateNote. */
export interface DateNote {
  /** Records read whose stamp has a time and no date (RouterOS's `/log print` for the day it printed). */
  timeOnly?: number;
}

/** See ParseContext.headerNote. An input's stats (input/read.ts InputStats) are one. */
export interface HeaderNote {
  /** Records read from their `kernel:` tag on, the header before it not understood: how many, and the first (its text cut). */
  unreadHeader?: { records: number; line: number; text: string };
}

/** See ParseContext.zoneNote. An input's stats (input/read.ts InputStats) are one. */
export interface ZoneNote {
  /** Set to true when a time without a zone was read (in ParseContext.tz or the machine's zone). */
  zonelessTimes?: boolean;
  /**
   * The first zone abbreviation of a `journalctl -o short-full` stamp that is none of the
   * zone's names at that time (read in ParseContext.tz all the same): `check` says so.
   */
  unmatchedZone?: string;
  /**
   * The first zone abbreviation a stamp carried (`journalctl -o short-full`'s `CET`, SonicWall's
   * `time="… CEST"`, a Cisco stamp's `CEST:`) that is one of the zone's names at that time: the
   * time was read in ParseContext.tz, the zone the log names, not as a time without a zone.
   */
  namedZone?: string;
  /**
   * Records dated by their syslog header, by whether that header's time carried its zone
   * (an offset, `Z`, a zone name) or not: a file whose collector changed from RFC 3339 to
   * BSD stamps has both, and `check` says how many had none.
   */
  headerTimes?: { zoned: number; zoneless: number };
}

/** Where a parser reports each line's fate. Nothing is thrown for bad input. */
export interface LineSink {
  event(e: FirewallEvent): void;
  /** Not a firewall record (other kernel or daemon messages, headers). */
  skipped(lineNo: number, reason: LineReason): void;
  /** Looks like a firewall record but could not be parsed. */
  malformed(lineNo: number, line: string, reason: LineReason): void;
}

/** One per file: built once, then called once per line on the hot path. */
export interface LineParser {
  line(text: string, lineNo: number): void;
  /** End of input: flush anything buffered (e.g. a journald export block). */
  end(): void;
}

export interface FormatDefinition {
  /** Stable id, used by `--input-format` and in `event.format`. */
  id: string;
  /** Example lines, shown by `logscan formats` and used by tests. */
  examples: string[];
  /**
   * Confidence 0..1 that these first lines (up to ~50, blank lines removed) are in
   * this format. The registry picks the highest; ties go to the earlier format.
   */
  sniff(lines: readonly string[]): number;
  create(ctx: ParseContext, sink: LineSink): LineParser;
  /**
   * What this format's `rule` text holds, in ECS's terms (`logscan events --ecs`). Absent:
   * the whole text names the rule (a log prefix such as `[UFW BLOCK]`).
   */
  ruleFields?(rule: string): RuleFields;
  /**
   * Which of this format's records stand for a connection (its start or end) rather than
   * a packet; absent: every record is a packet. Read by `isConnectionRecord`
   * (connection-records.ts) for every event, so it is data: a compare or two, no parsing.
   */
  connectionRecords?: ConnectionRecords;
  /**
   * The knowledge table that names the message ids this format's rule labels hold (the
   * `code` of its ruleFields: a Cisco ASA's 302014, "TCP connection closed"); absent: a
   * label is a rule's own name. Asked once per listed label when a document is built
   * (aggregate/rule-message.ts), never per event.
   */
  messageNames?: MessageTable;
  /**
   * The word a record's rule text starts with when the record is the device saying it could
   * not log some records (`MARKER` or `MARKER N`, N how many): an event with no packet, a
   * log gap (parsers/log-gaps.ts). Absent: the format has no such record.
   */
  logGapMarker?: string;
}

/** See FormatDefinition.connectionRecords. */
export interface ConnectionRecords {
  /** The action such a record has (a connection let through: `allow`). */
  action: Action;
  /**
   * When only some messages of the format are connection records: their ids, as the end
   * of the rule text's first word (the Cisco ASA's tag `ASA-6-302013`: `302013`).
   * Absent: every record with `action`.
   */
  messageIds?: readonly string[];
  /**
   * A rule label whose records stand for packets even with `action`: a Juniper firewall
   * filter's accepted packet, beside the SRX's sessions. Absent: none.
   */
  packetRule?: string;
}

/** The parts of an event's `rule` text that ECS has fields for; a part the text lacks is absent. */
export interface RuleFields {
  /** ECS rule.name: the rule, ruleset or access list as the device names it. */
  name?: string;
  /** ECS rule.id: the rule's number within its ruleset, or the id the device tracks it by. */
  id?: string;
  /** ECS rule.ruleset: the ruleset, chain or anchor the rule is a member of. */
  ruleset?: string;
  /** ECS rule.description: the rule's own description, when the log carries it. */
  description?: string;
  /** ECS event.code: the device's number for this kind of message (Cisco ASA 106023). */
  code?: string;
  /** ECS event.reason: why the device logged the packet, in its words (pf's `match`, `state-mismatch`). */
  reason?: string;
  /** ECS observer.ingress.zone / observer.egress.zone: the zones a zone policy joins. */
  ingressZone?: string;
  egressZone?: string;
}

/**
 * The sniff scale the syslog-carried formats share: no record, 0; any record, at
 * least 0.6 (one firewall line among kernel chatter still wins), up to 1 when every
 * considered line is one.
 */
export function recordShare(records: number, considered: number): number {
  if (records === 0 || considered === 0) return 0;
  return Math.min(1, 0.6 + (0.4 * records) / considered);
}

/** A sniff that counts the lines `pattern` finds a record in, on the recordShare scale. */
export function sniffMatching(pattern: RegExp): (lines: readonly string[]) => number {
  return (lines) => {
    let records = 0;
    for (const l of lines) if (pattern.test(l)) records++;
    return recordShare(records, lines.length);
  };
}
