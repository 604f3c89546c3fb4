// The one test of "is this record the device saying it could not log some records" (a log
// gap: an event with no packet), for every reader (overview, summary, own-traffic, ECS,
// follow, explain). Each format declares the marker its gap records' rule text starts with
// (`FormatDefinition.logGapMarker`): Windows Firewall's INFO-EVENTS-LOST row, Cisco IOS's
// IPACCESSLOGRL. Asked for every event: a record with a source address is a packet and is
// settled before any string compare.
import type { FirewallEvent } from '../event.js';
import { formats } from './registry.js';

/** What a log-gap record says. */
export interface LostRecords {
  /** How many records (or packets) it says went unlogged; null when it gives no number. */
  records: number | null;
  /** The device's word for such a record (`INFO-EVENTS-LOST`, `IPACCESSLOGRL`), as its texts name it. */
  marker: string;
}

interface Declared {
  readonly format: string;
  readonly marker: string;
}

const DECLARED: readonly Declared[] = formats.flatMap((f) => (f.logGapMarker === undefined ? [] : [{ format: f.id, marker: f.logGapMarker }]));

/**
 * For a log-gap record, how many records it says were lost and the device's word for it;
 * null for any other event. The rule text is `MARKER` or `MARKER N`.
 */
export function lostRecords(e: FirewallEvent): LostRecords | null {
  if (e.src.ip !== null) return null;
  const r = e.rule;
  if (r === null) return null;
  for (let i = 0; i < DECLARED.length; i++) {
    const d = DECLARED[i]!;
    if (e.format !== d.format || !r.startsWith(d.marker)) continue;
    const digits = r.slice(d.marker.length + 1);
    return { records: /^\d{1,15}$/.test(digits) ? Number(digits) : null, marker: d.marker };
  }
  return null;
}
