// The years logscan accepts, in a log's timestamps and in the time options (--year,
// --since, --until, daily --date). One range for all of them, so what an option accepts a
// log line may say, and the reverse.
//
// From 1900: a device whose clock was never set logs 1970-01-01 (and 1969-12-31 in a
// zone west of UTC); some reset further back. Up to 9998: a time read in any zone and
// shown in any other (offsets of -12 to +14 hours) then stays within 1899-9999, which
// every output writes with four-digit years (toISOString and ECS @timestamp switch to
// ±YYYYYY outside 0000-9999, and a day key of year 999 would not sort or parse).
// A year outside it is a malformed line (the reason says so), never a crash downstream.

export const MIN_YEAR = 1900;
export const MAX_YEAR = 9998;
export function yearInRange(year: number): boolean {
  return year >= MIN_YEAR && year <= MAX_YEAR;
}

/** A year as the log wrote it: at least four digits ("0999"). */
export function yearText(year: number): string {
  return year < 0 ? `-${String(-year).padStart(4, '0')}` : String(year).padStart(4, '0');
}
