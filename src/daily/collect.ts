// Routes each (already annotated) event to day D or day D-1 by the zone's calendar,
// so the logs are read once for both. Day D feeds the report aggregators (Overview,
// Summarizer: the ranking is theirs) and a DayTally; day D-1 a DayTally and a Summarizer
// of its own, which only finds its scanners (rank), so the day before counts their late
// packets as probes as the day does.
import { Overview } from '../aggregate/overview.js';
import { Summarizer, type RankOptions, type SummaryResult } from '../aggregate/summary.js';
import { rankCountingScanLate } from '../aggregate/scan-late.js';
import type { Thresholds } from '../aggregate/thresholds.js';
import type { FirewallEvent } from '../event.js';
import { isConnectionRecord } from '../parsers/connection-records.js';
import { localClock } from '../render/time-format.js';
import type { DayWindow } from './day.js';
import { DayTally } from './tally.js';

export class DailyCollector {
  readonly overview: Overview;
  readonly summary: Summarizer;
  readonly today: DayTally;
  readonly previous: DayTally;
  private readonly previousSummary: Summarizer;
  private ranked = false;
  /** Every event read, whichever day (the duplicate-log rule looks at these). */
  events = 0;
  ufwEvents = 0;
  /** Events on days other than the day and the day before (which the comparison reads), and events without an absolute time (dmesg uptime only). */
  otherDays = 0;
  untimed = 0;
  /** Earliest and latest event time read (any day): do the logs reach back to a day's start, do they reach the day at all? */
  earliest = Infinity;
  latest = -Infinity;

  constructor(
    readonly window: DayWindow,
    readonly prevWindow: DayWindow,
    thresholds: Thresholds,
    tz: string | null,
  ) {
    // report.perHour keeps its documented meaning (wall-clock hour); the daily chart uses the tally's elapsed hours.
    this.overview = new Overview(localClock(tz));
    this.summary = new Summarizer(thresholds);
    this.today = new DayTally(window);
    this.previous = new DayTally(prevWindow);
    this.previousSummary = new Summarizer(thresholds);
  }

  /**
   * Once the logs are read, before any count is used: the day's ranking, and the late
   * packets of each day's scanners (an ACK scan's first bare ACKs) recounted as their
   * probes in the day's report, its tally and the day before's tally, as the report does.
   */
  rank(opts: Omit<RankOptions, 'onScanLate'>): SummaryResult {
    if (this.ranked) throw new Error('DailyCollector.rank: the counts were already recounted');
    this.ranked = true;
    rankCountingScanLate(this.previousSummary, { ...opts, limit: 0 }, [this.previous]);
    return rankCountingScanLate(this.summary, opts, [this.overview, this.today]);
  }

  add(e: FirewallEvent): void {
    this.events++;
    if (e.rule !== null && e.rule.startsWith('[UFW ')) this.ufwEvents++;
    if (e.time === null) {
      this.untimed++;
      return;
    }
    const t = e.time.getTime();
    if (t < this.earliest) this.earliest = t;
    if (t > this.latest) this.latest = t;
    if (t >= this.window.start && t < this.window.end) {
      // One answer for the three that count connection records apart.
      const connection = isConnectionRecord(e);
      this.overview.add(e, connection);
      this.summary.add(e, connection);
      this.today.add(e, t, connection);
    } else if (t >= this.prevWindow.start && t < this.prevWindow.end) {
      const connection = isConnectionRecord(e);
      this.previous.add(e, t, connection);
      this.previousSummary.add(e, connection);
    } else {
      this.otherDays++;
    }
  }
}
