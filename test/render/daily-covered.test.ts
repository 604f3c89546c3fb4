import { describe, expect, it } from 'vitest';
import { coveredText } from '../../src/render/daily-common.js';

// 2026-11-20 in UTC: [start, end) of the day.
const day = { start: Date.UTC(2026, 10, 20), end: Date.UTC(2026, 10, 21) };
const at = (hms: string): string => `2026-11-20T${hms}Z`;

describe('coveredText: the part of a day partly covered', () => {
  it('says clock times to the minute', () => {
    expect(coveredText({ from: at('06:51:10'), to: '2026-11-21T00:00:00Z' }, day, 'UTC', 'en')).toBe('from 06:51');
    expect(coveredText({ from: at('00:00:00'), to: at('17:40:59') }, day, 'UTC', 'en')).toBe('until 17:40');
    expect(coveredText({ from: at('06:51:10'), to: at('17:40:59') }, day, 'UTC', 'zh')).toBe('06:51 至 17:40');
  });

  it('says the seconds within the day\'s first or last minute, where HH:MM would read as the whole day', () => {
    expect(coveredText({ from: at('00:00:30'), to: '2026-11-21T00:00:00Z' }, day, 'UTC', 'en')).toBe('from 00:00:30');
    expect(coveredText({ from: at('00:00:00'), to: at('23:59:40') }, day, 'UTC', 'en')).toBe('until 23:59:40');
    expect(coveredText({ from: at('00:01:00'), to: at('23:58:59') }, day, 'UTC', 'en')).toBe('00:01-23:58');
  });

  it('in the zone asked for', () => {
    // 05:51:10Z is 06:51 in Berlin; the day runs from 23:00Z the evening before.
    const berlin = { start: Date.UTC(2026, 10, 19, 23), end: Date.UTC(2026, 10, 20, 23) };
    expect(coveredText({ from: at('05:51:10'), to: at('23:00:00') }, berlin, 'Europe/Berlin', 'en')).toBe('from 06:51');
  });
});
