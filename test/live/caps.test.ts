// What --max-sources bounds in `follow` beyond the summaries, and how a drop at a cap is said.
import { describe, expect, it } from 'vitest';
import { followCaps, OVERVIEW_PER_PROFILE } from '../../src/live/caps.js';
import { FOLD_SOURCES, Folder } from '../../src/live/fold.js';
import { Overview, OVERVIEW_SOURCES } from '../../src/aggregate/overview.js';
import { DropCount } from '../../src/live/drop-count.js';
import { messages } from '../../src/i18n/messages.js';
import { makeEvent } from '../helpers/events.js';

const T0 = Date.UTC(2026, 10, 20, 6, 0, 0);
const probe = (sec: number, ip: string) => makeEvent({ time: new Date(T0 + sec * 1000), proto: 'tcp', src: { ip }, dst: { ip: '198.51.100.2', port: 23 }, annotations: [] });

describe('follow: --max-sources lowers the fold table and the run overview', () => {
  it('follow\'s default (20,000) keeps the fold and overview caps they had; a lower one lowers both; a higher one raises neither', () => {
    expect(followCaps(20_000)).toEqual({ foldSources: FOLD_SOURCES, overviewSources: OVERVIEW_SOURCES });
    expect([FOLD_SOURCES, OVERVIEW_SOURCES]).toEqual([10_000, 200_000]);
    expect(followCaps(1000)).toEqual({ foldSources: 1000, overviewSources: 1000 * OVERVIEW_PER_PROFILE });
    expect(followCaps(15_000)).toEqual({ foldSources: 10_000, overviewSources: 150_000 });
    expect(followCaps(1_000_000)).toEqual({ foldSources: 10_000, overviewSources: 200_000 });
    // A cap of 0 from a config file would empty the tables; at least one is kept.
    expect(followCaps(0)).toEqual({ foldSources: 1, overviewSources: OVERVIEW_PER_PROFILE });
  });

  it('with --max-sources 2 the folder keeps 2 windows open: a third source closes the oldest (its count printed then)', () => {
    const folds: string[] = [];
    const f = new Folder((ip, n) => folds.push(`${ip} +${n}`), { now: () => 0, maxSources: followCaps(2).foldSources });
    const burst = (ip: string, at: number) => [0, 0.1, 0.2, 0.3, 0.4].forEach((d) => f.admit(probe(at + d, ip)));
    burst('192.0.2.1', 0);
    burst('192.0.2.2', 0.5);
    expect(folds).toEqual([]);
    burst('192.0.2.3', 1);
    expect(folds).toEqual(['192.0.2.1 +2']);
  });

  it('with --max-sources 3 the overview counts 30 sources exactly, then says "at least"', () => {
    const ov = new Overview(undefined, followCaps(3).overviewSources);
    for (let i = 0; i < 30; i++) ov.add(probe(i, `203.0.113.${i}`));
    expect([ov.result(5).distinctSources, ov.result(5).distinctSourcesCapped]).toEqual([30, false]);
    ov.add(probe(31, '203.0.113.200'));
    expect([ov.result(5).distinctSources, ov.result(5).distinctSourcesCapped]).toEqual([30, true]);
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
    expect(zh.annotationsDropped(10_001, 50_000)).toBe('注释检测器在状态过期前丢弃了 10,001 个键（每个检测器保留 50,000 个）：部分数据包可能缺少本应有的解读');
  });
});
