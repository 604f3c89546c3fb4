// The Chinese a firewall admin reads says one thing by one word: a finding is a 检测结果
// wherever it is named, an id is called alike in the findings row and the interpretations,
// and a count sits against a full-width bracket without a space, as on the findings row.
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

  it('dialup-leftover says 拨号/DHCP 残留 as a finding, as an interpretation and in its text (not 发给前使用者的流量)', () => {
    const rules = loadAnnotationRules().rules.filter((r) => r.id === 'dialup-leftover');
    expect(rules.length).toBeGreaterThan(0);
    expect(zh.finding.label['dialup-leftover']).toBe('拨号/DHCP 残留流量');
    for (const r of rules) {
      expect(r.name.zh).toBe('拨号/DHCP 残留');
      expect(r.text.zh).toMatch(/^拨号\/DHCP 残留：/);
    }
  });

  it('no space between a full-width bracket and the count after it, as on the findings row; a space after Latin', () => {
    expect(zh.namedCount('已知端口（port-known）', '31')).toBe('已知端口（port-known）31');
    expect(zh.namedCount('SYN', '300')).toBe('SYN 300');
    expect(zh.namedCount('丢弃', '12')).toBe('丢弃 12');
    expect(zh.report.findingItem('端口扫描', 'vertical-scan', '1')).toBe('端口扫描（vertical-scan）1');
    expect(en.namedCount('known port (port-known)', '31')).toBe('known port (port-known) 31');
  });

  it("the HTML cards' share of the logged packets or records reads as a sentence, as daily's headline does", () => {
    expect(zh.daily.html.ofPackets('98%')).toBe('占所记录包数的 98%');
    expect(zh.daily.html.ofRecords('36%')).toBe('占所记录条数的 36%');
    expect(zh.daily.blockedOfLogged(189, '97%', 195)).toBe('189（占所记录 195 个包的 97%）');
  });

  it('the Chinese firewall vendors are named as their admins say them: 华为, 新华三（H3C）, 山石网科', () => {
    const r = { code: 'vrp-other-log', field: '', value: "'SHELL/LOGIN'" } as const;
    expect(zh.lineReason['vrp-other-log']!(r)).toBe("华为/新华三（H3C）的 'SHELL/LOGIN' 日志：不是安全策略、包过滤或会话记录");
    expect(zh.formats['h3c-secpath']).toMatch(/^新华三（H3C）SecPath 防火墙/);
    expect(zh.formats['huawei-usg']).toMatch(/^华为 USG/);
    expect(zh.formats.hillstone).toMatch(/^山石网科（Hillstone Networks）/);
    expect(zh.help.programCommand).toContain('山石网科（Hillstone）、华为 USG、新华三（H3C）SecPath');
  });
});
