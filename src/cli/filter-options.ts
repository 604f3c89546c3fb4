// --since, --until and --source: the options that choose which events a command covers
// (the report, events), parsed once into the predicate of aggregate/filter.ts.
import { helpText } from './help-text.js';
import { Option, type Command } from 'commander';
import { buildEventFilter, parseSourceRange, parseTimeBound } from '../aggregate/filter.js';
import type { FirewallEvent } from '../event.js';
import { usageError } from '../i18n/messages.js';
import { addressRangeText, type AddressRange } from '../util/address-ranges.js';
import { collect } from './repeatable.js';

export function addFilterOptions(cmd: Command): Command {
  return cmd
    .option('--since <time>', helpText((h) => h.since))
    .option('--until <time>', helpText((h) => h.until))
    .addOption(new Option('--source <cidr>', helpText((h) => h.source)).argParser(collect));
}

/** The events a run covers, and what it read besides, so a window that misses the logs can say where they are. */
export class EventWindow {
  /** Events offered to admits(). */
  read = 0;
  private first = Infinity;
  private last = -Infinity;
  private readonly keep: ((e: FirewallEvent) => boolean) | null;
  private readonly timed: boolean;

  constructor(
    readonly since: Date | null,
    readonly until: Date | null,
    private readonly ranges: readonly AddressRange[],
  ) {
    this.keep = buildEventFilter({ since, until, sources: ranges });
    this.timed = since !== null || until !== null;
  }

  /** Any of --since, --until, --source was given. */
  get active(): boolean {
    return this.keep !== null;
  }

  /** The filter options given, as named on the command line ("--since", "--source"). */
  get given(): string[] {
    return [this.since !== null && '--since', this.until !== null && '--until', this.ranges.length > 0 && '--source'].filter((o): o is string => o !== false);
  }

  /** The --source ranges as the networks they cover (a.b.c.d/n). */
  get sources(): string[] {
    return this.ranges.map(addressRangeText);
  }

  admits(e: FirewallEvent): boolean {
    this.read++;
    if (this.timed && e.time !== null) {
      const t = e.time.getTime();
      if (t < this.first) this.first = t;
      if (t > this.last) this.last = t;
    }
    return this.keep === null || this.keep(e);
  }

  /** With a time bound: the span of every event read, before the filters; else null. */
  readSpan(): { first: string | null; last: string | null } | null {
    if (!this.timed) return null;
    const iso = (ms: number): string | null => (Number.isFinite(ms) ? new Date(ms).toISOString() : null);
    return { first: iso(this.first), last: iso(this.last) };
  }
}

/** Relative times count back from `now`; times without an offset are read in `tz`. */
export function readFilterOptions(raw: Record<string, unknown>, tz: string | null, now = new Date()): EventWindow {
  const since = typeof raw.since === 'string' ? parseTimeBound('--since', raw.since, now, tz) : null;
  const until = typeof raw.until === 'string' ? parseTimeBound('--until', raw.until, now, tz) : null;
  if (since && until && since.getTime() > until.getTime()) throw usageError((u) => u.sinceAfterUntil);
  return new EventWindow(since, until, ((raw.source as string[] | undefined) ?? []).map(parseSourceRange));
}
