/**
 * FNV-1a of a string's UTF-16 code units (32 bits; callers take them with `| 0` or
 * `>>> 0`): one hash per event where a string per event would cost too much (a source
 * address in the ports tables' distinct-source counts, a record's fields in the
 * repeated-records sample). Shared by input/ and aggregate/, so it lives in neither.
 */
export function stringHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}
