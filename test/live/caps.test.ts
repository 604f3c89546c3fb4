// What --max-sources bounds in `follow` beyond the summaries (and what not), and how a drop at a cap is said.
import { describe, expect, it } from 'vitest';
import { annotatorKeys, overviewSources, OVERVIEW_PER_PROFILE } from '../../src/live/caps.js';
import { DEFAULT_MAX_TRACKED } from '../../src/annotate/index.js';
import { buildAnalysis } from '../../src/cli/analysis.js';
import { FOLD_SOURCES, Folder } from '../../src/live/fold.js';
import { Overview, OVERVIEW_SOURCES } from '../../src/aggregate/overview.js';
import { DropCount } from '../../src/live/drop-count.js';
import { messages } from '../../src/i18n/messages.js';
import { makeEvent } from '../helpers/events.js';

const T0 = Date.UTC(2026, 10, 20, 6, 0, 0);
const probe = (sec: number, ip: string) => makeEvent({ time: new Date(T0 + sec * 1000), proto: 'tcp', src: { ip }, dst: { ip: '198.51.100.2', port: 23 }, annotations: [] });

describe('follow: --max-sources lowers the run overview, not the fold table', () => {
  it("follow's default (20,000) keeps the overview's 200,000; a lower one lowers it (10 per profile); a higher one does not raise it", () => {
    expect(overviewSources(20_000)).toBe(OVERVIEW_SOURCES);
    expect(OVERVIEW_SOURCES).toBe(200_000);
    expect(overviewSources(1000)).toBe(1000 * OVERVIEW_PER_PROFILE);
    expect(overviewSources(15_000)).toBe(150_000);
    expect(overviewSources(1_000_000)).toBe(200_000);
    // A cap of 0 would empty the counter; at least one profile's worth is kept.
    expect(overviewSources(0)).toBe(OVERVIEW_PER_PROFILE);
  });

  it('with --max-sources 3 the overview counts 30 sources exactly, then says "at least"', () => {
    const ov = new Overview(undefined, overviewSources(3));
    for (let i = 0; i < 30; i++) ov.add(probe(i, `203.0.113.${i}`));
    expect([ov.result(5).distinctSources, ov.result(5).distinctSourcesCapped]).toEqual([30, false]);
    ov.add(probe(31, '203.0.113.200'));
    expect([ov.result(5).distinctSources, ov.result(5).distinctSourcesCapped]).toEqual([30, true]);
  });

  it('the fold keeps its own 10,000 windows: fewer than the sources folding at once would print every probe', () => {
    // Why it is not --max-sources: with room for 2 windows, 3 sources probing in turns never fold.
    const shown = (maxSources: number) => {
      const f = new Folder(() => {}, { now: () => 0, maxSources });
      let n = 0;
      for (let i = 0; i < 30; i++) for (const ip of ['192.0.2.1', '192.0.2.2', '192.0.2.3']) if (f.admit(probe(i * 0.1, ip))) n++;
      return n;
    };
    expect(shown(2)).toBe(90);
    expect(shown(FOLD_SOURCES)).toBe(9);
  });
});

describe("follow: --max-sources lowers the annotator's detector keys", () => {
  it('a lower cap is the keys each detector keeps; a higher one does not raise the annotator\'s 50,000', () => {
    expect(DEFAULT_MAX_TRACKED).toBe(50_000);
    expect(annotatorKeys(1000)).toBe(1000);
    expect(annotatorKeys(20_000)).toBe(20_000);
    expect(annotatorKeys(50_000)).toBe(50_000);
    expect(annotatorKeys(1_000_000)).toBe(DEFAULT_MAX_TRACKED);
    expect(annotatorKeys(0)).toBe(1);
  });

  it('an analysis built with it drops the keys past it (the report\'s, built without, keeps them)', () => {
    // SYNs from port 53 to 22: the service-spread detector keeps a key per source.
    const syn = (i: number) => makeEvent({ time: new Date(T0 + i * 1000), proto: 'tcp', tcpFlags: ['SYN'], src: { ip: `203.0.113.${i + 1}`, port: 53 }, dst: { ip: '192.168.1.20', port: 22 }, annotations: [] });
    const common = { inputFormat: null, year: null, tz: null, lang: 'en' as const, signatures: [], homeNet: [] };
    const capped = buildAnalysis(common, annotatorKeys(5));
    const report = buildAnalysis(common);
    for (let i = 0; i < 8; i++) {
      capped.annotate(syn(i));
      report.annotate(syn(i));
    }
    expect(capped.annotationsDropped()).toBeGreaterThanOrEqual(3);
    expect(report.annotationsDropped()).toBe(0);
  });
});

describe('follow: drops at a cap are said once and counted', () => {
  it('says the first drop only, and counts every one, whether added or read from a running total', () => {
    let said = 0;
    const d = new DropCount(() => said++);
    d.total(0);
    d.add(0);
    expect([said, d.count]).toEqual([0, 0]);
    d.total(3);
    expect([said, d.count]).toEqual([1, 3]);
    d.total(3);
    d.add();
    d.total(10);
    expect([said, d.count]).toEqual([1, 10]);
  });

  it('words the annotator\'s drops in English and Chinese', () => {
    const en = messages('en').follow;
    const zh = messages('zh').follow;
    expect(en.annotationsDropping(50_000)).toBe(
      'an annotation detector tracks more than 50,000 keys (sources, connections, series): the least recently seen are dropped, and their later packets may miss a reading such as a scan or a retry series (counted)',
    );
    expect(en.annotationsDropped(1, 50_000)).toBe('1 key dropped by the annotation detectors before its state expired (each keeps 50,000): some packets may lack a reading they would have had');
    expect(en.annotationsDropped(10_001, 50_000)).toBe('10,001 keys dropped by the annotation detectors before their state expired (each keeps 50,000): some packets may lack a reading they would have had');
    expect(zh.annotationsDropped(10_001, 50_000)).toBe('解读检测器在状态过期前丢弃了 10,001 个键（每个检测器保留 50,000 个）：部分数据包可能缺少本应有的解读');
  });
});
