// The report `follow` prints when it stops (text output): what `logscan FILE` prints,
// over everything followed, with its top rows only.
import type { Overview } from '../aggregate/overview.js';
import { buildReport, type ReportDoc } from '../aggregate/report.js';
import type { Summarizer } from '../aggregate/summary.js';
import { rankCountingScanLate } from '../aggregate/scan-late.js';
import type { InputStats } from '../input/read.js';
import type { KnowledgeBase, Lang } from '../knowledge/types.js';

/** Sources and ports shown: a look back at a session, not the full ranking `logscan FILE` gives. */
export const FINAL_TOP = 10;

export interface FinalReportInput {
  stats: readonly InputStats[];
  overview: Overview;
  summary: Summarizer;
  kb: KnowledgeBase | null;
  lang: Lang;
  /** --tz (null: this machine's zone). */
  tz: string | null;
}

/** Once, at the stop: it recounts the overview (a scanner's late packets become its probes). */
export function finalReport(i: FinalReportInput): ReportDoc {
  // The limit: findings and explanations only for the rows shown, not for each of the
  // up to --max-sources sources followed (every one is still scored and ranked). The
  // ranking first: it finds the scanners whose first packets the live lines called late.
  const summary = rankCountingScanLate(i.summary, { kb: i.kb, lang: i.lang, limit: FINAL_TOP }, [i.overview]);
  return buildReport(i.stats, i.overview.result(FINAL_TOP), i.kb, i.lang, {
    summary,
    top: FINAL_TOP,
    minSeverity: null,
    filters: { since: null, until: null, sources: [], minSeverity: null },
    tz: i.tz,
  });
}
