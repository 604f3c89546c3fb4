// What a syslog header's stamp says of zones, for the input's ZoneNote: judged per line,
// and only when that header's time is an event's. A relay's zone-less stamp before a record
// with its own offset (Sophos Firewall's timestamp=, FortiGate's eventtime) did not make the
// event's time zone-less, and a BSD line that was no event did not make the RFC 3339 events
// after it zone-less. syslogPayloadFormat and pf's syslog-wrapped lines both read headers so.
import type { FirewallEvent } from '../event.js';
import type { Envelope } from './syslog-envelope.js';
import type { ParseContext, ZoneNote } from './types.js';

export class HeaderZones {
  /** The context for the envelope reader: its stamps note into this line's own note, not the input's. */
  readonly ctx: ParseContext;
  private readonly input: ZoneNote | undefined;
  private readonly header: ZoneNote = {};

  constructor(ctx: ParseContext) {
    this.input = ctx.zoneNote;
    this.ctx = this.input === undefined ? ctx : { ...ctx, zoneNote: this.header };
  }

  /** Before a line's header is read: the zone names an earlier line's header noted are not this one's. */
  line(): void {
    this.header.unmatchedZone = this.header.namedZone = undefined;
  }

  /** An event read behind the header `env`: noted when the header's time is the event's. */
  event(r: FirewallEvent, env: Envelope): void {
    const input = this.input;
    if (input !== undefined && r.time === env.time && r.time !== null) noteHeaderZone(input, this.header, env.zoneless);
  }
}

/**
 * Whether this line's header time had a zone is counted, and the zone names its stamps noted
 * move to the input's note; sticky, as that note is.
 */
function noteHeaderZone(zone: ZoneNote, header: ZoneNote, zoneless: boolean): void {
  const counts = (zone.headerTimes ??= { zoned: 0, zoneless: 0 });
  if (zoneless) {
    zone.zonelessTimes = true;
    counts.zoneless++;
  } else counts.zoned++;
  if (header.unmatchedZone !== undefined && zone.unmatchedZone === undefined) zone.unmatchedZone = header.unmatchedZone;
  if (header.namedZone !== undefined && zone.namedZone === undefined) zone.namedZone = header.namedZone;
}
