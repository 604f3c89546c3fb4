// follow's --summary-every block: the top sources of the window, one line each, with what
// the report says after a source's explanation (its address range).
import pc from 'picocolors';
import { describe, expect, it } from 'vitest';
import { Summarizer } from '../../src/aggregate/summary.js';
import { DEFAULT_THRESHOLDS } from '../../src/aggregate/thresholds.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { windowSummary } from '../../src/live/window-summary.js';
import { WindowCounts } from '../../src/live/window-counts.js';
import type { FirewallEvent } from '../../src/event.js';
import { hammer } from '../helpers/summary-events.js';
import { makeEvent } from '../helpers/events.js';

/** A window that read `events`, as AlertWatch hands it over when it ends. */
function ended(events: readonly FirewallEvent[], t = DEFAULT_THRESHOLDS) {
  const sum = new Summarizer(t);
  const counts = new WindowCounts(t.limits.maxSources);
  for (const e of events) {
    sum.add(e);
    counts.add(e);
  }
  return { sum, counts };
}

describe('follow: the window summary', () => {
  it('lists the window’s sources with their explanation and, for a special-purpose range, what the source is', () => {
    const sum = ended([...hammer('100.64.9.9', 23, 5, 1, 60), ...hammer('203.0.113.4', 22, 3, 1, 60)]);
    const text = windowSummary(sum, 3_600_000, loadKnowledge(), pc.createColors(false), 'en', 200);
    expect(text).toContain('100.64.9.9');
    expect(text).toMatch(/100\.64\.9\.9 .*5 packets to 23\/tcp · carrier-grade NAT: another customer of your ISP/);
    expect(text).toMatch(/203\.0\.113\.4 .*3 packets to 22\/tcp[^·]*$/m);
    expect(windowSummary(sum, 3_600_000, loadKnowledge(), pc.createColors(false), 'zh')).toContain('运营商级 NAT');
  });

  it('a line wider than the terminal wraps its why under the why', () => {
    const sum = ended(hammer('100.64.9.9', 23, 5, 1, 60));
    const lines = windowSummary(sum, 3_600_000, loadKnowledge(), pc.createColors(false), 'en', 90).trimEnd().split('\n');
    expect(lines.slice(1)).toEqual([
      '    1. 100.64.9.9       score  12.6  5 packets to 23/tcp · carrier-grade NAT: another',
      '                                     customer of your ISP (or a VPN overlay)',
    ]);
  });

  it('says each note on the zone on a line of its own, as the report does under its span, not joined with "; "', () => {
    const sum = ended(hammer('203.0.113.4', 22, 3, 1, 60));
    const notes = ['the log names the zone CET, which is what Europe/Berlin is called at their time', 'the log\'s times name the zone EST, which is not what Europe/Berlin is called'];
    const lines = windowSummary(sum, 3_600_000, loadKnowledge(), pc.createColors(false), 'en', 200, [], notes).trimEnd().split('\n');
    expect(lines.slice(-2)).toEqual(notes.map((n) => `   ${n}`));
    // A long one wraps under itself, the next still starts a line of its own.
    const narrow = windowSummary(sum, 3_600_000, loadKnowledge(), pc.createColors(false), 'en', 50, [], notes).trimEnd().split('\n');
    expect(narrow.filter((l) => /^ {3}\S/.test(l)).map((l) => l.trim().split(' ').slice(0, 3).join(' '))).toEqual(['the log names', "the log's times"]);
    expect(narrow.join('\n')).not.toContain(';');
  });

  it('counts every event of the window, also those of sources it could not keep, and then says "at least" of the sources', () => {
    const capped = { ...DEFAULT_THRESHOLDS, limits: { ...DEFAULT_THRESHOLDS.limits, maxSources: 32 } };
    const events = Array.from({ length: 100 }, (_, i) => hammer(`198.51.100.${i}`, 22, 2, 1, 60)).flat();
    const head = windowSummary(ended(events, capped), 60_000, loadKnowledge(), pc.createColors(false), 'en').split('\n')[0];
    expect(head).toMatch(/^── last 1 min: 200 events from at least 32 sources$/);
    expect(windowSummary(ended(events), 60_000, loadKnowledge(), pc.createColors(false), 'en').split('\n')[0]).toBe('── last 1 min: 200 events from 100 sources');
  });

  it("counts an event without a source address, as the report header does: the window's events are not only its ranked sources'", () => {
    const { sum, counts } = ended(hammer('203.0.113.4', 22, 3, 1, 60));
    const sourceless = makeEvent({ src: { ip: null } });
    counts.add(sourceless);
    sum.add(sourceless);
    expect(windowSummary({ sum, counts }, 60_000, loadKnowledge(), pc.createColors(false), 'en').split('\n')[0]).toBe('── last 1 min: 4 events from 1 source');
  });
});
