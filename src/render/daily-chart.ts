// The 24-hour activity chart as inline SVG (no script, no external reference): one
// bar per hour of the day (23 or 25 on a DST day), blocked packets in its solid part,
// the rest outlined (told apart without colour), the previous day as a dashed line when
// known. Labels are ours (hours, numbers, words from the catalog), but still escaped:
// the zone name reaches the title.
// The axis is the day's own: a burst the day before may reach up to PREVIOUS_HEADROOM
// times the day's busiest hour; above that the line is cut at the top and its peak
// written there ("▲ 310"), so one burst yesterday does not flatten today's bars.
import type { Messages } from '../i18n/messages.js';
import type { CountUnit } from '../i18n/en.js';
import { fmtInt } from '../util/number-text.js';
import { htmlEscape as e } from './sanitize.js';

export interface ChartData {
  labels: readonly string[];
  packets: readonly number[];
  blocked: readonly number[];
  previous: readonly number[] | null;
  /** Every how many bars a label is written under the axis (default 3: the hours 00, 03, …). */
  labelEvery?: number;
  /** A bar's hover title, already HTML (default: the hour's, `m.chartBar`). */
  barTitle?: (i: number) => string;
  /** What the bars count (default packets): a Windows log's ALLOW rows are connections. */
  unit?: CountUnit;
  /** Hours no log read reaches (daily-uncovered.ts), hatched behind; null or absent: none. */
  uncovered?: readonly boolean[] | null;
}

const W = 720;
const H = 220;
/** The room left of the plot for labels of up to two digits; wider labels widen it. */
const LEFT = 48;
/**
 * The width of one character of an axis label at the phone's font (24 units: the chart is
 * drawn at 720 units and shown ~330 px wide there). Thousands at 48 units were cut off.
 */
const AXIS_CHAR = 14;
const RIGHT = 8;
const TOP = 12;
const BOTTOM = 34;
const MIN_BAR = 3;
const PREVIOUS_HEADROOM = 2;

/** Every how many of n bars a label of `chars` characters can be written without touching the next. */
export function labelStride(n: number, chars: number): number {
  const slot = (W - LEFT - RIGHT) / Math.max(1, n);
  return Math.max(1, Math.ceil((chars * AXIS_CHAR + 10) / slot));
}

/** 1, 2, 5 × 10^n at or above x: a round top for the axis. */
export function niceMax(x: number): number {
  if (x <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(x));
  for (const m of [1, 2, 5, 10]) if (m * p >= x) return m * p;
  return 10 * p;
}

const r1 = (x: number): string => (Math.round(x * 10) / 10).toString();

/** The id of the hatch pattern: only the daily page draws it, and it has one chart. */
export const HATCH_ID = 'uncovered-hatch';

/**
 * A hatched band behind each run of uncovered hours, the full slot wide. Styled inline (the
 * page's CSS is shared with every other page, which these bands would only add bytes to), with
 * the page's colours, so dark mode and print follow. Hatching, not a tint alone: it reads
 * without colour, and as "not there" rather than as another kind of bar.
 */
function uncoveredBands(un: readonly boolean[], left: number, slot: number, plotH: number): string {
  const out = [
    `<defs><pattern id="${HATCH_ID}" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">` +
      `<rect width="8" height="8" style="fill:var(--bg)"/><line x1="0" y1="0" x2="0" y2="8" style="stroke:var(--line);stroke-width:3"/></pattern></defs>`,
  ];
  for (let i = 0; i < un.length; i++) {
    if (!un[i]) continue;
    const from = i;
    while (i + 1 < un.length && un[i + 1]) i++;
    out.push(`<rect class="uncovered" x="${r1(left + from * slot)}" y="${TOP}" width="${r1((i - from + 1) * slot)}" height="${H - TOP - BOTTOM}" style="fill:url(#${HATCH_ID})"/>`);
  }
  return out.join('');
}

/** `m` words each bar's hover title ("06:00 · 12 packets, 11 blocked"). */
export function renderChartSvg(d: ChartData, title: string, m: Messages['daily']['html']): string {
  const n = d.packets.length;
  const prev = d.previous !== null ? d.previous.slice(0, n) : [];
  const today = Math.max(0, ...d.packets);
  const before = Math.max(0, ...prev);
  const top = niceMax(Math.max(1, today > 0 ? Math.max(today, Math.min(before, PREVIOUS_HEADROOM * today)) : before));
  const left = Math.max(LEFT, fmtInt(top).length * AXIS_CHAR + 12);
  const plotW = W - left - RIGHT;
  const plotH = H - TOP - BOTTOM;
  const slot = plotW / Math.max(1, n);
  // A few days make wide slots: bars stay bars.
  const barW = Math.max(2, Math.min(slot * 0.72, 56));
  const y = (v: number): number => TOP + plotH - (v / top) * plotH;
  const parts: string[] = [];
  parts.push(
    // Named by its own title, not an id: a page with two charts would give both the first one's name.
    `<svg class="chart" viewBox="0 0 ${W} ${H}" role="img" aria-label="${e(title)}" preserveAspectRatio="xMidYMid meet">`,
    `<title>${e(title)}</title>`,
  );
  const un = d.uncovered ?? null;
  if (un !== null && un.some((u) => u)) parts.push(uncoveredBands(un, left, slot, plotH));
  // Grid: 0, half, top.
  for (const v of [0, top / 2, top]) {
    parts.push(`<line class="grid" x1="${left}" x2="${W - RIGHT}" y1="${r1(y(v))}" y2="${r1(y(v))}"/>`);
    parts.push(`<text class="axis" x="${left - 6}" y="${r1(y(v) + 4)}" text-anchor="end">${fmtInt(v)}</text>`);
  }
  for (let i = 0; i < n; i++) {
    const x = left + i * slot + (slot - barW) / 2;
    const total = d.packets[i];
    const blocked = Math.min(total, d.blocked[i] ?? 0);
    const label = d.barTitle ? d.barTitle(i) : un?.[i] === true && total <= 0 ? m.chartBarUncovered(e(d.labels[i] ?? '')) + (i < prev.length ? m.chartBarPrevious(prev[i]!) : '') : m.chartBar(e(d.labels[i] ?? ''), total, blocked, d.unit) + (i < prev.length ? m.chartBarPrevious(prev[i]!) : '');
    parts.push(`<g><title>${label}</title>`);
    if (total > 0) {
      // A single packet still shows: bars are at least MIN_BAR tall, split in proportion.
      const hTotal = Math.max(MIN_BAR, y(0) - y(total));
      const hBlocked = (hTotal * blocked) / total;
      parts.push(`<rect class="bar-rest" x="${r1(x)}" y="${r1(y(0) - hTotal)}" width="${r1(barW)}" height="${r1(hTotal - hBlocked)}"/>`);
      if (blocked > 0) parts.push(`<rect class="bar" x="${r1(x)}" y="${r1(y(0) - hBlocked)}" width="${r1(barW)}" height="${r1(hBlocked)}"/>`);
    } else {
      // An invisible target keeps the hover title on empty hours.
      parts.push(`<rect class="bar-empty" x="${r1(x)}" y="${TOP}" width="${r1(barW)}" height="${plotH}"/>`);
    }
    parts.push('</g>');
    if (i % (d.labelEvery ?? 3) === 0) parts.push(`<text class="axis" x="${r1(x + barW / 2)}" y="${H - 8}" text-anchor="middle">${e(d.labels[i] ?? '')}</text>`);
  }
  if (prev.length > 0) {
    const px = (i: number): number => left + i * slot + slot / 2;
    parts.push(`<polyline class="prev" points="${prev.map((v, i) => `${r1(px(i))},${r1(y(Math.min(v, top)))}`).join(' ')}"/>`);
    // Each run of hours above the axis: its highest value, at the top.
    for (let i = 0; i < prev.length; i++) {
      if (prev[i]! <= top) continue;
      let peak = i;
      while (i + 1 < prev.length && prev[i + 1]! > top) {
        i++;
        if (prev[i]! > prev[peak]!) peak = i;
      }
      parts.push(`<text class="axis prev-peak" x="${r1(px(peak))}" y="${TOP + 10}" text-anchor="middle">▲ ${fmtInt(prev[peak]!)}</text>`);
    }
  }
  parts.push('</svg>');
  return parts.join('');
}
