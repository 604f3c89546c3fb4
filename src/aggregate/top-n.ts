// The first n items in a comparator's order without sorting (or holding) all of them:
// a report's top-20 sources or ports come out of tens of thousands of candidates, and
// sorting a copy of every one was the end of the run's peak memory.

/**
 * Same result as `[...items].sort(cmp).slice(0, n)`, ties included (equal items keep
 * their input order, as the stable sort does), holding at most n items.
 */
export function topN<T>(items: Iterable<T>, n: number, cmp: (a: T, b: T) => number): T[] {
  const out: T[] = [];
  if (n <= 0) return out;
  for (const x of items) {
    if (out.length === n && cmp(x, out[n - 1]!) >= 0) continue;
    // After every kept item that is not greater than x: ties stay in input order.
    let lo = 0;
    let hi = out.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cmp(out[mid]!, x) <= 0) lo = mid + 1;
      else hi = mid;
    }
    out.splice(lo, 0, x);
    if (out.length > n) out.pop();
  }
  return out;
}
