// The daily page's hourly chart: its axis follows the day itself, and a burst the day
// before that would flatten the day's bars is cut at the top with its value written there.
import { describe, expect, it } from 'vitest';
import { niceMax, renderChartSvg, type ChartData } from '../../src/render/daily-chart.js';
import { messages } from '../../src/i18n/messages.js';

const H = messages('en').daily.html;
const labels = Array.from({ length: 24 }, (_, i) => String(i).padStart(2, '0'));

function chart(packets: number[], previous: number[] | null): ChartData {
  return { labels, packets, blocked: packets, previous };
}

/** The axis labels, top last ("0", "25", "50"). */
function axis(svg: string): string[] {
  return [...svg.matchAll(/<text class="axis" x="[\d.]+" y="[\d.]+" text-anchor="end">([^<]*)<\/text>/g)].map((m) => m[1]!);
}

/** The dashed line's y for each hour. */
function lineYs(svg: string): number[] {
  const pts = /<polyline class="prev" points="([^"]*)"/.exec(svg)![1]!;
  return pts.split(' ').map((p) => Number(p.split(',')[1]));
}

const peaks = (svg: string): string[] => [...svg.matchAll(/<text class="axis prev-peak"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);

describe('daily chart', () => {
  const today = Array.from({ length: 24 }, (_, i) => (i === 4 ? 25 : 5));

  it('keeps the day before on the scale while it stays within twice the busiest hour', () => {
    const svg = renderChartSvg(chart(today, today.map((v) => v * 2)), 'title', H);
    expect(axis(svg)).toEqual(['0', '25', '50']);
    expect(peaks(svg)).toEqual([]);
  });

  it("cuts a bigger burst the day before at the top and writes its peak there, so today's bars keep their height", () => {
    const previous = today.map((_, i) => (i === 9 ? 303 : i === 10 ? 120 : i === 19 ? 400 : 3));
    const svg = renderChartSvg(chart(today, previous), 'title', H);
    // The axis is today's (25 → 50 with room for a burst up to 2×), not 500.
    expect(axis(svg)).toEqual(['0', '25', '50']);
    // Hours 9-10 are one run (its peak 303), hour 19 another.
    expect(peaks(svg)).toEqual(['▲ 303', '▲ 400']);
    const ys = lineYs(svg);
    expect(ys[9]).toBe(ys[10]);
    expect(ys[9]).toBe(ys[19]);
    expect(ys[9]).toBeLessThan(ys[4]!);
    // Each hour's hover title gives the day before's exact value.
    expect(svg).toContain('<title>09:00 · 5 packets, 5 blocked · day before: 303</title>');
  });

  it('scales to the day before when the day itself is empty', () => {
    const svg = renderChartSvg(chart(new Array<number>(24).fill(0), today.map((v, i) => (i === 9 ? 303 : v))), 'title', H);
    expect(axis(svg)).toEqual(['0', '250', '500']);
    expect(peaks(svg)).toEqual([]);
  });

  it('without a day before: no line, no peaks, titles without a comparison', () => {
    const svg = renderChartSvg(chart(today, null), 'title', H);
    expect(svg).not.toContain('<polyline');
    expect(svg).toContain('<title>04:00 · 25 packets, 25 blocked</title>');
  });

  it('makes room for wide axis labels: "10,000" stays inside the chart at the phone\'s 24-unit font (~13 units a character)', () => {
    for (const [busiest, label] of [[25, '50'], [303, '500'], [4_100, '5,000'], [9_999, '10,000']] as const) {
      const svg = renderChartSvg(chart(today.map((v, i) => (i === 4 ? busiest : v)), null), 'title', H);
      const [, x] = new RegExp(`<text class="axis" x="([\\d.]+)" [^>]*>${label}</text>`).exec(svg) ?? [];
      expect(x, label).toBeDefined();
      // The label ends at x (text-anchor end); it must start at 0 or later.
      expect(Number(x) - label.length * 13, label).toBeGreaterThanOrEqual(0);
      // The bars start right of the labels.
      const firstBar = Number(/<rect class="bar[^"]*" x="([\d.]+)"/.exec(svg)![1]);
      expect(firstBar, label).toBeGreaterThan(Number(x));
    }
  });

  it('rounds the axis top to 1, 2 or 5 times a power of ten', () => {
    expect([0, 1, 3, 25, 26, 303, 501].map(niceMax)).toEqual([1, 1, 5, 50, 50, 500, 1000]);
  });
});
