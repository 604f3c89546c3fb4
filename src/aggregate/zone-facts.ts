// What the inputs' times said of their zone (each input's ZoneNote: its stats), as one set of
// facts for the report, `check` and `explain 'LINE'`, which word them alike (render/zone-words.ts).
import type { ZoneNote } from '../parsers/types.js';

export interface ZoneFacts {
  /** Some record's time had no zone in the log and was read in the report's zone. */
  zonelessTimes: boolean;
  /**
   * Records dated by their syslog header, with and without a zone in it, when the inputs have
   * both and the zone-less ones are all their times without one (a collector changed from
   * RFC 3339 to BSD stamps); null otherwise, when "times without a zone" says it all.
   */
  headerTimes: { zoned: number; zoneless: number } | null;
  /** The first zone name a stamp carried that is one of the zone's at its time (a zone, not none); null when none. */
  namedZone: string | null;
  /** The first zone name a stamp carried that is none of the zone's at its time; null when none. */
  unmatchedZone: string | null;
}

/** A ZoneNote, or what `check` keeps of one (its JSON says none as null). */
export type NotedZones = { readonly [K in keyof ZoneNote]?: ZoneNote[K] | null };

export function zoneFacts(notes: readonly NotedZones[]): ZoneFacts {
  let zoned = 0;
  let zoneless = 0;
  // An input whose zone-less times none of its headers had: a stamp of its own (pfirewall.log,
  // an IOS stamp) had none, and the header count would tell only part of them.
  let otherZoneless = false;
  for (const n of notes) {
    const h = n.headerTimes;
    if (h != null) {
      zoned += h.zoned;
      zoneless += h.zoneless;
    }
    if (n.zonelessTimes === true && (h == null || h.zoneless === 0)) otherZoneless = true;
  }
  const zonelessTimes = notes.some((n) => n.zonelessTimes === true);
  return {
    zonelessTimes,
    headerTimes: zonelessTimes && !otherZoneless && zoned > 0 && zoneless > 0 ? { zoned, zoneless } : null,
    namedZone: notes.find((n) => n.namedZone != null)?.namedZone ?? null,
    unmatchedZone: notes.find((n) => n.unmatchedZone != null)?.unmatchedZone ?? null,
  };
}
