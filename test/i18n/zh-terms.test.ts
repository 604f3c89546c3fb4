// The Chinese a firewall admin reads says one thing by one word: a finding is a 检测结果
// wherever it is named, a packet of a connection the firewall no longer tracks is a
// 迟到报文 wherever it is counted, and an id goes by one name in the findings row and in
// the interpretations.
import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.js';
import { zh } from '../../src/i18n/zh.js';
import { loadAnnotationRules } from '../../src/annotate/rules.js';

describe('Chinese terms', () => {
  it('--help calls a finding 检测结果, as the report, explain and the findings row do (not 发现)', () => {
    const texts = Object.values(zh.help).filter((v): v is string => typeof v === 'string');
    expect(texts.filter((t) => t.includes('发现'))).toEqual([]);
    expect(zh.help.explainCommand).toContain('解读或检测结果的 id');
    expect(zh.help.reportFailOn).toMatch(/^任何检测结果达到/);
    expect(zh.help.explainQuery).toContain('检测结果的名称（如“木马端口探测”）');
  });

  it('the late-packets finding says 迟到报文, the word of the probes line, the interpretations and its own explanation', () => {
    expect(zh.finding.label['late-packets']).toBe('旧连接的迟到报文');
    expect(zh.finding.about['late-packets']).toContain('迟到报文');
    expect(zh.check.countsAsKind('late')).toContain('迟到报文');
    // The English is as it was.
    expect(en.finding.label['late-packets']).toBe('leftovers of old connections');
  });

  it('dialup-leftover goes by one name as a finding and as an interpretation', () => {
    const rules = loadAnnotationRules().rules.filter((r) => r.id === 'dialup-leftover');
    expect(rules.length).toBeGreaterThan(0);
    for (const r of rules) expect(r.name.zh).toBe(zh.finding.label['dialup-leftover']);
  });

  it("the HTML cards' share of the logged packets or records reads as a sentence, as daily's headline does", () => {
    expect(zh.daily.html.ofPackets('98%')).toBe('占所记录包数的 98%');
    expect(zh.daily.html.ofRecords('36%')).toBe('占所记录条数的 36%');
    expect(zh.daily.blockedOfLogged(189, '97%', 195)).toBe('189（占所记录 195 个包的 97%）');
  });
});
