// What a --summary-every window's head line counts: every event of the window and its
// distinct sources, as the report's header counts them (Overview), not only the events of
// the sources the window's summarizer ranks (a source without a profile, a Windows
// connection row, an evicted profile would otherwise drop out of the count).
import type { FirewallEvent } from '../event.js';
import { addressKey } from '../aggregate/address-key.js';
import { CappedCounter } from '../aggregate/capped-counter.js';

export class WindowCounts {
  events = 0;
  private readonly sources: CappedCounter<string>;

  /** `maxSources`: distinct sources counted exactly; past it the count is "at least". */
  constructor(maxSources: number) {
    this.sources = new CappedCounter<string>(maxSources);
  }

  add(e: FirewallEvent): void {
    this.events++;
    if (e.src.ip !== null) this.sources.add(addressKey(e.src.ip), e.count);
  }

  get sourceCount(): number {
    return this.sources.distinct;
  }

  /** More distinct sources came than are counted: sourceCount is a lower bound. */
  get sourcesCapped(): boolean {
    return this.sources.saturated;
  }
}
