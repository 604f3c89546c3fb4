// systemd journal output: `journalctl -o export` (KEY=value blocks separated by blank
// lines, or by nothing when a tool dropped them: see startsNext) and `journalctl -o json` (one object per line). The time is the journal's
// __REALTIME_TIMESTAMP (µs), the kernel's own stamp is _SOURCE_MONOTONIC_TIMESTAMP (µs
// since boot) and the netfilter text is MESSAGE, parsed by the shared payload parser.
// Entries not written by the kernel are skipped even when they look like firewall
// records: any local user can `logger` a fake `SRC=… DPT=…` line.
import type { FirewallEvent } from '../event.js';
import { netfilterRuleFields, parseNetfilterPayload, PayloadReject, type RecordHead } from './netfilter.js';
import { epochMicrosToMs } from './timestamp.js';
import type { FormatDefinition, LineParser, LineSink, ParseContext } from './types.js';
import { BLANK_LINE, fixedReason, NOT_RECORD, reason } from './reason.js';

const EXPORT_ID = 'journald-export';
const JSON_ID = 'journald-json';

/** One journal entry's fields that matter here, as read from either output mode. */
interface JournalEntry {
  realtime: string | null;
  monotonic: string | null;
  host: string | null;
  transport: string | null;
  identifier: string | null;
  message: string | null;
}

// The reasons without a value, made once.
const NO_MESSAGE = fixedReason('journal-no-message');
const REALTIME_NAN = fixedReason('not-a-number', '__REALTIME_TIMESTAMP');
const JSON_SYNTAX = fixedReason('invalid-syntax', 'JSON');
const NOT_JOURNAL_JSON = fixedReason('not-journal-json');
const MESSAGE_TYPE = fixedReason('neither-string-nor-bytes', 'MESSAGE');

/** Reports one entry to the sink: an event, a skip or a malformed record at `lineNo`. */
function emitEntry(e: JournalEntry, format: string, file: string, lineNo: number, lineText: string, sink: LineSink): void {
  if (e.message === null) {
    sink.skipped(lineNo, NO_MESSAGE);
    return;
  }
  if (e.transport !== null && e.transport !== 'kernel' && e.identifier !== 'kernel') {
    sink.skipped(lineNo, reason('not-kernel', '', e.transport));
    return;
  }
  let time: Date | null = null;
  if (e.realtime !== null) {
    const ms = epochMicrosToMs(e.realtime);
    if (ms !== ms) {
      if (e.message.includes('SRC=')) sink.malformed(lineNo, lineText, REALTIME_NAN);
      else sink.skipped(lineNo, NOT_RECORD);
      return;
    }
    time = new Date(ms);
  }
  let uptime: number | null = null;
  if (e.monotonic !== null) {
    const us = Number(e.monotonic);
    if (Number.isFinite(us) && us >= 0) uptime = us / 1e6;
  }
  const head: RecordHead = { time, yearInferred: false, uptime, host: e.host, count: 1, ruleHead: null };
  let end = e.message.length;
  while (end > 0 && e.message.charCodeAt(end - 1) <= 0x20) end--;
  const r: FirewallEvent | PayloadReject = parseNetfilterPayload(e.message, 0, end, head, format, file, lineNo);
  if (r instanceof PayloadReject) {
    if (r.malformed) sink.malformed(lineNo, lineText, r.reason);
    else sink.skipped(lineNo, r.reason);
  } else {
    sink.event(r);
  }
}


// ---------------------------------------------------------------- export

/** `KEY=` at the start of a line: uppercase letters, digits, underscores. */
function isFieldLine(l: string): boolean {
  const eq = l.indexOf('=');
  if (eq <= 0) return false;
  for (let i = 0; i < eq; i++) {
    const c = l.charCodeAt(i);
    if (!((c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f)) return false;
  }
  return true;
}

function sniffExport(lines: readonly string[]): number {
  let fields = 0;
  let marker = false;
  let message = false;
  for (const l of lines) {
    if (isFieldLine(l)) fields++;
    if (l.startsWith('__REALTIME_TIMESTAMP=') || l.startsWith('__CURSOR=')) marker = true;
    else if (l.startsWith('MESSAGE=')) message = true;
  }
  if (!marker || lines.length === 0) return 0;
  return (message ? 0.5 : 0.3) + (0.5 * fields) / lines.length;
}

// Fields an entry holds once, as bits: a second one means the blank line that should
// end the entry is missing (some tools that write the export format leave it out).
const F_CURSOR = 1;
const F_REALTIME = 2;
const F_MESSAGE = 4;
const F_HOST = 8;
const F_TRANSPORT = 16;
const F_IDENTIFIER = 32;
const F_MONOTONIC = 64;

/** Which field bit a `KEY=` line sets (0: a field not read here). */
function fieldBit(text: string, eq: number): number {
  switch (text.charCodeAt(0)) {
    case 0x4d: // M
      return eq === 7 && text.startsWith('MESSAGE') ? F_MESSAGE : 0;
    case 0x5f: // _
      if (eq === 8 && text.startsWith('__CURSOR')) return F_CURSOR;
      if (eq === 20 && text.startsWith('__REALTIME_TIMESTAMP')) return F_REALTIME;
      if (eq === 9 && text.startsWith('_HOSTNAME')) return F_HOST;
      if (eq === 10 && text.startsWith('_TRANSPORT')) return F_TRANSPORT;
      if (eq === 27 && text.startsWith('_SOURCE_MONOTONIC_TIMESTAMP')) return F_MONOTONIC;
      return 0;
    case 0x53: // S
      return eq === 17 && text.startsWith('SYSLOG_IDENTIFIER') ? F_IDENTIFIER : 0;
    default:
      return 0;
  }
}

/**
 * Does a field already in the entry start the next one? journald writes __CURSOR= first
 * and __REALTIME_TIMESTAMP= next in every entry, so either repeating is a new entry.
 * An entry with neither (a hand-made or filtered export) is split where one of the
 * fields read here repeats after its MESSAGE=: the next entry's own _TRANSPORT= must not
 * overwrite this one's. Fields may follow MESSAGE= (_SOURCE_MONOTONIC_TIMESTAMP often
 * does), so only a repeat splits, never a field's position.
 */
function startsNext(seen: number, bit: number): boolean {
  if ((seen & bit) === 0) return false;
  if (bit === F_CURSOR || bit === F_REALTIME) return true;
  return (seen & (F_CURSOR | F_REALTIME)) === 0 && (seen & F_MESSAGE) !== 0;
}

/**
 * Where an export entry starts when the blank line before it is missing, by the parser's
 * rule (startsNext), for readers that cut the lines into entries before parsing them
 * (`logscan explain -`). Feed it the non-blank lines in order; `reset` at a blank one.
 */
export class ExportEntryBounds {
  private seen = 0;

  /** True when `text` begins an entry after the lines so far. */
  startsNext(text: string): boolean {
    const eq = text.indexOf('=');
    const bit = eq > 0 ? fieldBit(text, eq) : 0;
    const next = bit !== 0 && startsNext(this.seen, bit);
    if (next) this.seen = 0;
    this.seen |= bit;
    return next;
  }

  reset(): void {
    this.seen = 0;
  }
}

function createExport(ctx: ParseContext, sink: LineSink): LineParser {
  const file = ctx.file;
  let entry: JournalEntry | null = null;
  let seen = 0;
  let firstLine = 0;
  let msgLine = 0;
  let msgText = '';
  let binary: string | null = null;

  function flush(): void {
    if (entry === null) return;
    const e = entry;
    entry = null;
    const lineNo = e.message !== null ? msgLine : firstLine;
    const text = e.message !== null ? msgText : '';
    if (e.message === null && binary !== null) sink.skipped(lineNo, reason('binary-field', '', binary));
    else emitEntry(e, EXPORT_ID, file, lineNo, text, sink);
  }

  return {
    line(text: string, lineNo: number): void {
      // Blank line ends an entry (trailing \r from CRLF transfers included).
      if (text.length === 0 || (text.length === 1 && text.charCodeAt(0) === 0x0d)) {
        flush();
        return;
      }
      const eq = text.indexOf('=');
      const bit = eq > 0 ? fieldBit(text, eq) : 0;
      if (entry !== null && bit !== 0 && startsNext(seen, bit)) flush();
      if (entry === null) {
        entry = { realtime: null, monotonic: null, host: null, transport: null, identifier: null, message: null };
        seen = 0;
        firstLine = lineNo;
        binary = null;
      }
      if (eq < 0) {
        // Binary-safe field (`NAME\n<u64 length><bytes>`): the line splitter cuts its
        // bytes unpredictably, so only the name is noted.
        if (binary === null && isFieldLine(`${text}=`)) binary = text;
        return;
      }
      seen |= bit;
      switch (bit) {
        case F_MESSAGE:
          entry.message = text.slice(8);
          msgLine = lineNo;
          msgText = text;
          break;
        case F_REALTIME:
          entry.realtime = text.slice(21);
          break;
        case F_HOST:
          entry.host = text.slice(10) || null;
          break;
        case F_TRANSPORT:
          entry.transport = text.slice(11);
          break;
        case F_MONOTONIC:
          entry.monotonic = text.slice(28);
          break;
        case F_IDENTIFIER:
          entry.identifier = text.slice(18);
          break;
        default:
          break;
      }
    },
    end(): void {
      flush();
    },
  };
}

export const journalExportFormat: FormatDefinition = {
  id: EXPORT_ID,
  examples: [
    '__REALTIME_TIMESTAMP=1642033008518660',
    '_HOSTNAME=compute04',
    '_TRANSPORT=kernel',
    'MESSAGE=iptables DROP_INPUT: IN=eth1 OUT= MAC=ff:ff:ff:ff:ff:ff:b4:fb:e4:10:0b:51:08:00 SRC=0.0.0.0 DST=255.255.255.255 LEN=328 TOS=0x00 PREC=0x00 TTL=64 ID=0 PROTO=UDP SPT=68 DPT=67 LEN=308',
  ],
  sniff: sniffExport,
  create: createExport,
  ruleFields: netfilterRuleFields,
};

// ---------------------------------------------------------------- json

/** A journal JSON field value: a string, a byte array, null, or an array of those (repeated field). */
function fieldText(v: unknown): string | null | undefined {
  if (typeof v === 'string') return v;
  if (v === null || v === undefined) return null;
  if (Array.isArray(v)) {
    if (v.length === 0) return null;
    if (typeof v[0] === 'number') {
      for (const b of v) if (typeof b !== 'number' || !Number.isInteger(b) || b < 0 || b > 255) return undefined;
      return Buffer.from(v as number[]).toString('utf8');
    }
    return fieldText(v[0]);
  }
  if (typeof v === 'number') return String(v);
  return undefined;
}

function sniffJson(lines: readonly string[]): number {
  let hits = 0;
  for (const l of lines) {
    if (l.charCodeAt(0) === 0x7b && (l.includes('"__REALTIME_TIMESTAMP"') || l.includes('"__CURSOR"'))) hits++;
  }
  return lines.length === 0 || hits === 0 ? 0 : 0.5 + (0.5 * hits) / lines.length;
}

function createJson(ctx: ParseContext, sink: LineSink): LineParser {
  const file = ctx.file;
  return {
    line(text: string, lineNo: number): void {
      if (text.trim() === '') {
        sink.skipped(lineNo, BLANK_LINE);
        return;
      }
      let obj: unknown;
      try {
        obj = JSON.parse(text);
      } catch {
        if (text.includes('SRC=')) sink.malformed(lineNo, text, JSON_SYNTAX);
        else sink.skipped(lineNo, NOT_JOURNAL_JSON);
        return;
      }
      if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) {
        sink.skipped(lineNo, NOT_JOURNAL_JSON);
        return;
      }
      const rec = obj as Record<string, unknown>;
      const message = fieldText(rec['MESSAGE']);
      if (message === undefined) {
        sink.malformed(lineNo, text, MESSAGE_TYPE);
        return;
      }
      const str = (k: string): string | null => {
        const v = fieldText(rec[k]);
        return v === undefined ? null : v;
      };
      const entry: JournalEntry = {
        realtime: str('__REALTIME_TIMESTAMP'),
        monotonic: str('_SOURCE_MONOTONIC_TIMESTAMP'),
        host: str('_HOSTNAME') || null,
        transport: str('_TRANSPORT'),
        identifier: str('SYSLOG_IDENTIFIER'),
        message,
      };
      emitEntry(entry, JSON_ID, file, lineNo, text, sink);
    },
    end(): void {},
  };
}

export const journalJsonFormat: FormatDefinition = {
  id: JSON_ID,
  examples: [
    '{"__REALTIME_TIMESTAMP":"1642033008518660","_HOSTNAME":"compute04","_TRANSPORT":"kernel","SYSLOG_IDENTIFIER":"kernel","MESSAGE":"iptables DROP_INPUT: IN=eth1 OUT= MAC=ff:ff:ff:ff:ff:ff:b4:fb:e4:10:0b:51:08:00 SRC=0.0.0.0 DST=255.255.255.255 LEN=328 TOS=0x00 PREC=0x00 TTL=64 ID=0 PROTO=UDP SPT=68 DPT=67 LEN=308"}',
  ],
  sniff: sniffJson,
  create: createJson,
  ruleFields: netfilterRuleFields,
};
