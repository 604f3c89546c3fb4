// What `logscan check` prints for a person: the confidence row names the formats that scored.
import { describe, expect, it } from 'vitest';
import type { CheckResult, SniffScore } from '../../src/check/check.js';
import { renderCheckText } from '../../src/check/render.js';

function result(sniff: SniffScore[], format: string | null): CheckResult {
  return {
    file: 'kern.log',
    format,
    formatBy: format === null ? null : 'sniff',
    sniffedLines: 50,
    sniff,
    lines: 50,
    events: format === null ? 0 : 50,
    skipped: format === null ? 50 : 0,
    malformed: 0,
    skippedKinds: [],
    malformedKinds: [],
    error: null,
    problem: null,
    incomplete: false,
    zonelessTimes: false,
    unmatchedZone: null,
    namedZone: null,
    headerTimes: null,
    unreadHeaders: null,
    nuls: null,
    encoding: null,
    decodedFrom: null,
    invalidUtf8: 0,
    fieldHeaders: [],
    detail: null,
  };
}

const zeros = (ids: readonly string[]): SniffScore[] => ids.map((format) => ({ format, confidence: 0 }));
const others = ['windows-firewall', 'cisco-asa', 'mikrotik', 'pf', 'fortigate'];

function confidenceRow(text: string): string {
  return text.split('\n').find((l) => l.startsWith('confidence') || l.startsWith('置信度')) ?? '';
}

describe('check: the confidence row', () => {
  it('names the formats that scored and counts the rest, which scored 0', () => {
    const r = result([{ format: 'iptables', confidence: 0.99 }, { format: 'journald-json', confidence: 0.2 }, ...zeros(others)], 'iptables');
    const row = confidenceRow(renderCheckText([r], { color: false, tz: 'UTC', lang: 'en' }));
    expect(row).toMatch(/^confidence\s+iptables 0\.99 · journald-json 0\.20 · 5 others 0$/);
    for (const id of others) expect(row).not.toContain(id);
    expect(renderCheckText([r], { color: false, tz: 'UTC', lang: 'zh' })).toContain('iptables 0.99 · journald-json 0.20 · 其余 5 种均为 0');
  });

  it('says all of them scored 0 when none did', () => {
    const r = result(zeros(['iptables', ...others]), null);
    expect(confidenceRow(renderCheckText([r], { color: false, tz: 'UTC', lang: 'en' }))).toMatch(/^confidence\s+all 6 formats 0$/);
    expect(renderCheckText([r], { color: false, tz: 'UTC', lang: 'zh' })).toContain('全部 6 种格式均为 0');
  });

  it('lists every format when each scored', () => {
    const r = result([{ format: 'iptables', confidence: 0.9 }, { format: 'pf', confidence: 0.1 }], 'iptables');
    expect(confidenceRow(renderCheckText([r], { color: false, tz: 'UTC', lang: 'en' }))).toMatch(/^confidence\s+iptables 0\.90 · pf 0\.10$/);
  });
});
