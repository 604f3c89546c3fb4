// The periodic `--summary-every` block: what the last window held, top sources by
// the summarizer's score, one line each.
import type { Summarizer } from '../aggregate/summary.js';
import type { KnowledgeBase } from '../knowledge/types.js';
import { counted } from '../util/number-text.js';
import { termSafe } from '../render/sanitize.js';
import { durationText } from './duration.js';
import { severityColor, type Colors } from './probe-line.js';

const TOP = 5;

export function windowSummary(sum: Summarizer, windowMs: number, kb: KnowledgeBase | null, c: Colors): string {
  const r = sum.result({ kb });
  let events = 0;
  for (const s of r.sources) events += s.events;
  const head = c.bold(`── last ${durationText(windowMs)}: ${counted(events, 'event')} from ${counted(r.sources.length, 'source')}`);
  const lines = [head];
  for (const s of r.sources.slice(0, TOP)) {
    lines.push(`   ${String(s.rank).padStart(2)}. ${termSafe(s.ip).padEnd(15)}  ${severityColor(c, s.severity)(`score ${s.score}`)}  ${termSafe(s.explanation)}`);
  }
  return lines.join('\n') + '\n';
}
