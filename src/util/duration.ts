// Durations as people write them, one grammar for every option that takes one (follow's
// --summary-every, the "ago" of --since/--until): a number and a unit, or several in a row
// ("1h30m", "1d 12h"); units ms, s, m, h, d, w, in either case; fractions allowed ("1.5h").
const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };

/** Milliseconds of `text` as a duration with units, or null when it is not one ("2hours", "-2h", "90"). */
export function durationMs(text: string): number | null {
  const s = text.trim().toLowerCase();
  // Sticky: each part must start where the last one ended ("ms" before "m", so 500ms is not 500 minutes and an s).
  const part = /\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w)/y;
  let total = 0;
  let parts = 0;
  while (part.lastIndex < s.length) {
    const m = part.exec(s);
    if (m === null) return null;
    total += Number(m[1]) * UNIT_MS[m[2]!]!;
    parts++;
  }
  return parts > 0 ? total : null;
}
