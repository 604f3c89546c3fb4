// What the parsers of one-JSON-object-per-line logs (Google Cloud's firewall entries, Azure
// Firewall's diagnostic records) share: reading a line into its object, a blank or unparsable
// line said as such, and the JSON value helpers their field readers use.
import { shown } from './fields.js';
import { BLANK_LINE, fixedReason, NOT_RECORD } from './reason.js';
import type { LineSink } from './types.js';

export type Json = Record<string, unknown>;

const JSON_SYNTAX = fixedReason('invalid-syntax', 'JSON');

/**
 * The line's JSON object, or null when it holds none, said to the sink: a blank line and a
 * value that is no object are skipped; a line that does not parse is malformed when
 * `meantAsRecord` says it was one (cut short, or two run together), else skipped.
 */
export function jsonObjectLine(text: string, lineNo: number, sink: LineSink, meantAsRecord: (line: string) => boolean): Json | null {
  if (text.trim() === '') {
    sink.skipped(lineNo, BLANK_LINE);
    return null;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    if (meantAsRecord(text)) sink.malformed(lineNo, text, JSON_SYNTAX);
    else sink.skipped(lineNo, NOT_RECORD);
    return null;
  }
  const obj = objectIn(parsed);
  if (obj === null) sink.skipped(lineNo, NOT_RECORD);
  return obj;
}

export function objectIn(v: unknown): Json | null {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : null;
}

/** A non-empty string, or null. */
export function textIn(v: unknown): string | null {
  return typeof v === 'string' && v !== '' ? v : null;
}

/** A JSON value as the text a reason shows. */
export function shownValue(v: unknown): string {
  return shown(typeof v === 'string' ? v : JSON.stringify(v) ?? String(v));
}
