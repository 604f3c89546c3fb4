// The report `follow` prints when it stops (src/live/final-report.ts).
import { describe, expect, it, vi } from 'vitest';
import { Overview } from '../../src/aggregate/overview.js';
import { Summarizer } from '../../src/aggregate/summary.js';
import { DEFAULT_THRESHOLDS } from '../../src/aggregate/thresholds.js';
import { FINAL_TOP, finalReport } from '../../src/live/final-report.js';
import { localClock } from '../../src/render/time-format.js';
import { verticalScan } from '../helpers/summary-events.js';

describe('finalReport', () => {
  it('builds rows (findings, explanations) only for the sources it shows, not for every source followed', () => {
    const overview = new Overview(localClock(null));
    const summary = new Summarizer(DEFAULT_THRESHOLDS);
    for (let i = 1; i <= 3 * FINAL_TOP; i++) {
      for (const e of verticalScan(`203.0.113.${i}`, 30, 60)) {
        overview.add(e);
        summary.add(e);
      }
    }
    const result = vi.spyOn(summary, 'result');
    const doc = finalReport({ stats: [], overview, summary, kb: null, lang: 'en', tz: null });
    expect(doc.sources).toHaveLength(FINAL_TOP);
    expect(doc.rankedSources).toBe(3 * FINAL_TOP);
    // Without a limit the summary built all 30 rows, and the report showed 10 of them.
    expect(result.mock.results[0]?.value).toMatchObject({ sources: { length: FINAL_TOP } });
  });
});
