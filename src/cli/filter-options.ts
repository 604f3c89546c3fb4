// --since, --until and --source: the options that choose which events a command covers
// (the report, events), parsed once into the predicate of aggregate/filter.ts.
import { Option, type Command } from 'commander';
import { buildEventFilter, cidrText, parseCidr, parseTimeBound } from '../aggregate/filter.js';
import type { FirewallEvent } from '../event.js';
import { UsageError } from '../errors.js';
import { collect } from './repeatable.js';

export function addFilterOptions(cmd: Command): Command {
  return cmd
    .option('--since <time>', 'only events at or after: 2026-11-20, 2026-11-20T06:00[Z|+01:00], or 30m / 2h / 7d ago')
    .option('--until <time>', 'only events at or before (same forms as --since)')
    .addOption(new Option('--source <cidr>', 'only events from this address or range (IPv4/IPv6 CIDR); repeatable').argParser(collect));
}

export interface EventFilters {
  since: Date | null;
  until: Date | null;
  /** The --source ranges as text (a.b.c.d/n). */
  sources: string[];
  /** The predicate; null when no filter was given. */
  keep: ((e: FirewallEvent) => boolean) | null;
  /** A time bound was given. */
  timed: boolean;
}

/** Relative times count back from `now`; times without an offset are read in `tz`. */
export function readFilterOptions(raw: Record<string, unknown>, tz: string | null, now = new Date()): EventFilters {
  const since = typeof raw.since === 'string' ? parseTimeBound('--since', raw.since, now, tz) : null;
  const until = typeof raw.until === 'string' ? parseTimeBound('--until', raw.until, now, tz) : null;
  if (since && until && since.getTime() > until.getTime()) throw new UsageError('--since is after --until');
  const cidrs = ((raw.source as string[] | undefined) ?? []).map((s) => parseCidr('--source', s));
  return { since, until, sources: cidrs.map(cidrText), keep: buildEventFilter({ since, until, sources: cidrs }), timed: since !== null || until !== null };
}
