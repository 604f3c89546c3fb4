// One Date per distinct time, shared by the events of that time (a scan logs hundreds
// a second): an allocation per second instead of per event. Safe because nothing
// downstream mutates an event's time.
export class SharedDates {
  private lastMs = NaN;
  private last: Date | null = null;

  of(ms: number): Date {
    if (ms !== this.lastMs || this.last === null) {
      this.lastMs = ms;
      this.last = new Date(ms);
    }
    return this.last;
  }
}
