/**
 * A copy of a string that does not point into the text it was cut from. V8 keeps the
 * whole parent alive behind a substring of 13+ characters; an address sliced from a
 * log line would pin the line's whole 64 KiB input chunk for as long as it is kept.
 * Use it for every string stored beyond the current event (map keys, names).
 */
export function flat(s: string): string {
  return s.length > 12 ? (' ' + s).slice(1) : s;
}
