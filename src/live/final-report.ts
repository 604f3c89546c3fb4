// The report `follow` prints when it stops (text output): what `logscan FILE` prints,
// over everything followed, with its top rows only.
import type { Overview } from '../aggregate/overview.js';
import { buildReport, type ReportDoc } from '../aggregate/report.js';
import type { Summarizer } from '../aggregate/summary.js';
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

export function finalReport(i: FinalReportInput): ReportDoc {
  return buildReport(i.stats, i.overview.result(FINAL_TOP), i.kb, i.lang, {
    // The limit: findings and explanations only for the rows shown, not for each of the
    // up to --max-sources sources followed (every one is still scored and ranked).
    summary: i.summary.result({ kb: i.kb, lang: i.lang, limit: FINAL_TOP }),
    top: FINAL_TOP,
    minSeverity: null,
    filters: { since: null, until: null, sources: [], minSeverity: null },
    tz: i.tz,
  });
}
