// The time windows the source detectors keep their state for.

/** Whether `t` is within `w` ms after `since`. Without a clock on either side the order of the log is all there is: the window stays open. */
export function withinWindow(t: number, since: number, w: number): boolean {
  return t !== t || since !== since || t - since <= w;
}
