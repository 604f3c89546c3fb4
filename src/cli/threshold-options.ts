// --config, --scan-ports, --sweep-hosts and --max-sources: what counts as a scan, and how
// many sources are kept, the same for every command that ranks sources (the report,
// `follow`, `daily`), so a log tuned once reads alike in each (docs/ranking.md).
import { helpText } from './help-text.js';
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { DEFAULT_THRESHOLDS, mergeThresholds, type Thresholds } from '../aggregate/thresholds.js';
import type { DetectorParamOverrides } from '../annotate/rules.js';
import { positiveInt } from './options.js';
import { usageError } from '../i18n/messages.js';
import { fsProblem } from '../input/problem.js';

/**
 * `maxSourcesDefault`: the command's own cap (follow keeps two summaries for days, a
 * smaller one); `twoSummaries`: the cap is of each of two summaries (follow's).
 */
export function addThresholdOptions(cmd: Command, maxSourcesDefault: number, twoSummaries = false): Command {
  return cmd
    .option('--config <file>', helpText((h) => h.config))
    .option('--scan-ports <n>', helpText((h) => h.scanPorts(DEFAULT_THRESHOLDS.verticalScan.minPorts)))
    .option('--sweep-hosts <n>', helpText((h) => h.sweepHosts(DEFAULT_THRESHOLDS.horizontalSweep.minHosts)))
    .option('--max-sources <n>', helpText((h) => h.maxSources(maxSourcesDefault, twoSummaries)));
}

/**
 * Thresholds: `base` (the defaults, with the command's own source cap), then --config FILE
 * (`{ "thresholds": { … } }`), then the flags; and what they set in the annotator: a
 * horizontal sweep's host count set for the run is the ack-scan reading's too, as the
 * ack-scan finding counts hosts by it.
 */
export function loadThresholds(raw: Record<string, unknown>, base: Thresholds = DEFAULT_THRESHOLDS): { thresholds: Thresholds; detectorParams: DetectorParamOverrides } {
  let t = base;
  if (typeof raw.config === 'string') {
    const file = raw.config;
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      throw usageError((u) => u.fileProblem('--config', file, fsProblem(err)));
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      throw usageError((u) => u.configNotJson(file, why));
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json)) throw usageError((u) => u.configNotObject(file));
    for (const k of Object.keys(json)) {
      if (k !== 'thresholds' && k !== 'comment' && k !== '$schema') throw usageError((u) => u.configUnknownKey(file, k));
    }
    const th = (json as Record<string, unknown>).thresholds;
    if (th !== undefined) t = mergeThresholds(t, th, file);
  }
  const flags: Record<string, unknown> = {};
  if (raw.scanPorts !== undefined) {
    const n = positiveInt('--scan-ports', raw.scanPorts, 65_536);
    flags.verticalScan = { minPorts: n };
    flags.udpScan = { minPorts: n };
  }
  if (raw.sweepHosts !== undefined) flags.horizontalSweep = { minHosts: positiveInt('--sweep-hosts', raw.sweepHosts, 1_000_000) };
  if (raw.maxSources !== undefined) flags.limits = { maxSources: positiveInt('--max-sources', raw.maxSources, 100_000_000) };
  const thresholds = Object.keys(flags).length > 0 ? mergeThresholds(t, flags, null) : t;
  // Always the ranking's count, set or not: unset it is the rule's own (a test holds the two equal).
  return { thresholds, detectorParams: { 'ack-spread': { minHosts: thresholds.horizontalSweep.minHosts } } };
}
