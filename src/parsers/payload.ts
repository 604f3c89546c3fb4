// The contract between a syslog-wrapped line and the parsers of the messages it may
// carry (netfilter, filterlog, Cisco ASA, MikroTik, pf). The format files and the
// dispatcher (payload-dispatch.ts) both import it, so neither needs the other at load
// time; it needs only netfilter.ts (PayloadReject, RecordHead).
import type { FirewallEvent } from '../event.js';
import { PayloadReject, type RecordHead } from './netfilter.js';
import { NOT_RECORD } from './reason.js';

/** Parses one message `s[start, end)` whose envelope was read into `head`. Never throws on bad input. */
export interface PayloadParser {
  /** The format id events get (`event.format`). */
  readonly format: string;
  parse(s: string, start: number, end: number, head: RecordHead, lineNo: number): FirewallEvent | PayloadReject;
}

/**
 * "This message is not in my format": the one reject that makes a syslog-wrapped
 * parser ask the dispatcher whether another format owns the line. Any other reject
 * (an ASA message id we do not read, a broken filterlog row) is final.
 */
export const NOT_MINE = new PayloadReject(false, NOT_RECORD);
