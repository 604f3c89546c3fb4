// Bounded state in `follow` that lets go of entries before they are over (an alert
// window's alerted sources, the annotator's detector keys): a run of days must not grow
// with its input, but a silent cap would make its effects (a source alerting twice, a
// scan left without its reading) look like logscan's judgement. So the first drop is
// said at once, on stderr, and the stop says how many there were.
export class DropCount {
  private n = 0;

  /** `onFirst`: says the cap is reached, once. */
  constructor(private readonly onFirst: () => void) {}

  get count(): number {
    return this.n;
  }

  /** `k` more entries dropped. */
  add(k = 1): void {
    if (k <= 0) return;
    if (this.n === 0) this.onFirst();
    this.n += k;
  }

  /** For a store that counts its own drops: its total so far (the difference is added). */
  total(t: number): void {
    this.add(t - this.n);
  }
}
