// `logscan events -o dshield`: events in the DShield (SANS Internet Storm Center)
// firewall-log submission format, one tab-separated record per line:
//
//   date time ±hh:mm  userid  count  source IP  source port  target IP  target port  protocol  TCP flags
//
// e.g. "2026-11-20 06:25:01 -02:00\t0\t1\t203.0.113.9\t40000\t198.51.100.10\t23\t6\tS".
// The date is in --tz (else this machine's zone) with its offset; userid is 0 (anonymous)
// unless --dshield-userid; protocol is the IANA number (util/protocols.ts; empty for
// `other`, a protocol the log does not name or names with a word no table knows); ICMP puts type and code in the port fields, as the DShield clients do; TCP flags
// are letters in DShield's order (2 = CWR, 1 = ECE, then U A P R S F). Only dropped/rejected records with a time
// and a valid source address are written: allowed traffic is not an attack report and
// would leak your own clients. Only probes are (aggregate/own-traffic.ts): not what this
// side sent (outbound, or a LAN machine's through this router), even blocked, which would
// report your own machines as attackers; not a server's late reply to a connection of
// yours, which would report that server; not LAN broadcast chatter, which would report
// your LAN's machines. logscan never submits anything.
import type { FirewallEvent } from '../event.js';
import { isValidAddress } from '../parsers/address.js';
import { formatOffset, zonedParts } from './time-format.js';
import { yearText } from '../util/year-range.js';
import { trafficKind } from '../aggregate/own-traffic.js';
import { protoNumber } from '../util/protocols.js';
import { fieldSafe } from './sanitize.js';

const FLAG_LETTERS: [string, string][] = [['CWR', '2'], ['ECE', '1'], ['URG', 'U'], ['ACK', 'A'], ['PSH', 'P'], ['RST', 'R'], ['SYN', 'S'], ['FIN', 'F']];

const p2 = (n: number): string => String(n).padStart(2, '0');

/**
 * A field from the log: no tab or line break (a corrupted log could hold one), and none of
 * the C1 controls, bidi and zero-width characters the other outputs escape (fieldSafe).
 */
function field(v: string | number | null): string {
  return v === null ? '' : typeof v === 'number' ? String(v) : fieldSafe(v);
}

export function dshieldFlags(flags: readonly string[] | null): string {
  if (flags === null) return '';
  let s = '';
  for (const [name, letter] of FLAG_LETTERS) if (flags.includes(name)) s += letter;
  return s;
}

export interface DshieldOptions {
  tz: string | null;
  userid: number;
}

/** One line (without newline), or null when the event is not submitted (see above). */
export function eventToDshield(e: FirewallEvent, opts: DshieldOptions): string | null {
  if (e.action !== 'drop' && e.action !== 'reject') return null;
  if (e.time === null || e.src.ip === null || !isValidAddress(e.src.ip) || trafficKind(e) !== 'probe') return null;
  const z = zonedParts(e.time, opts.tz);
  const when = `${yearText(z.year)}-${p2(z.month)}-${p2(z.day)} ${p2(z.hour)}:${p2(z.minute)}:${p2(z.second)} ${formatOffset(z.offset)}`;
  const icmp = e.proto === 'icmp' || e.proto === 'icmpv6';
  const srcPort = icmp ? (e.icmp?.type ?? null) : e.src.port;
  const dstPort = icmp ? (e.icmp?.code ?? null) : e.dst.port;
  // A protocol the tables cannot name is `other` (util/protocols.ts), which is no protocol
  // to DShield: the field stays empty. A name some other parser kept, in capitals.
  const proto = protoNumber(e.proto) ?? (e.proto === 'other' ? null : e.proto.toUpperCase());
  return [
    when,
    String(opts.userid),
    String(e.count),
    // Every field below may come from the log: each goes through field().
    field(e.src.ip),
    field(srcPort),
    field(e.dst.ip !== null && isValidAddress(e.dst.ip) ? e.dst.ip : null),
    field(dstPort),
    field(proto),
    e.proto === 'tcp' ? dshieldFlags(e.tcpFlags) : '',
  ].join('\t');
}
