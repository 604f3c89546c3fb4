/**
 * Plain code-unit order, for ties in every ranking: the same output under any locale.
 * localeCompare follows the user's LANG (under sv_SE "ö" sorts after "z", under en_US
 * before it), and its first call loads ICU's collator, ~15 ms of a small report.
 */
export function cmpStr(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Alphabetical for names a person reads ("ncx99" between "Millennium" and "Sub-7"), still locale-free. */
export function cmpName(a: string, b: string): number {
  return cmpStr(a.toLowerCase(), b.toLowerCase()) || cmpStr(a, b);
}
