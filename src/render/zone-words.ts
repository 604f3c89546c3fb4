// The one wording of what the log's times said of their zone (ZoneFacts), for the report's
// line under its time span, `check`'s zone row and `explain 'LINE'`'s closing note, so the
// three never tell one log two ways. The zone names come from the log: callers sanitize.
import type { ZoneFacts } from '../aggregate/zone-facts.js';
import { messages, type Messages } from '../i18n/messages.js';
import type { Lang } from '../knowledge/types.js';

/**
 * Each thing to say, in order: the times without a zone (all of them, or how many of the
 * records their syslog header dated), a zone the log names that is `zone`'s, one that is not.
 * `given`: `zone` is --tz's, not this machine's.
 */
export function zoneNotes(f: ZoneFacts, zone: string, given: boolean, m: Messages['zones']): string[] {
  const said: string[] = [];
  const h = f.headerTimes;
  if (f.zonelessTimes) said.push(h !== null ? m.zonelessSome(h.zoneless, h.zoned + h.zoneless, zone, given) : m.zoneless(zone, given));
  if (f.namedZone !== null) said.push(m.namedZone(f.namedZone, zone, given));
  if (f.unmatchedZone !== null) said.push(m.unmatchedZone(f.unmatchedZone, zone));
  return said;
}

/** The same as lines (`follow`'s summaries, each note a line of its own as under the report's span), empty when there is nothing to say. */
export function zoneNoteLines(f: ZoneFacts, zone: string, given: boolean, lang: Lang): string[] {
  return zoneNotes(f, zone, given, messages(lang).zones);
}
