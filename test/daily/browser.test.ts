/// <reference lib="dom" />
// The HTML pages (daily, and the report's -o html) in a real browser (Debian's chromium,
// driven by playwright-core): chart and tables render, no script from a log line runs,
// hostile text shows as text, the page fits a 375 px phone without horizontal scrolling.
// Saves test/.tmp/daily.png and report.png to look at. Never skipped: CI installs
// chromium (.ci/run); a missing browser fails.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '../../src/i18n/messages.js';
import { repoRoot, runCli, tempDir } from '../helpers/cli.js';
import { isoLine } from './lines.js';

const CHROMIUM = process.env.LOGSCAN_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

const SCRIPT_PREFIX = '<script>window.__pwned=1</script>';
const IMG_PREFIX = '<img src=x onerror="window.__pwned=2">';

let browser: Browser;
let htmlFile = '';

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`the browser test needs Chromium at ${CHROMIUM}: install it with \`apt-get install -y chromium\` (or set LOGSCAN_CHROMIUM to its path)`);
  }
  const dir = tempDir();
  const log = join(dir, 'kern.log');
  const day = Date.UTC(2026, 10, 21);
  const lines: string[] = [];
  // The day before: a little noise, so the comparison has something to compare.
  for (let i = 0; i < 20; i++) lines.push(isoLine(new Date(day - 86_400_000 + i * 3_000_000), { src: `198.51.100.${i}`, dpt: 23 }));
  // The day: a vertical scan, trojan probes, hostile log prefixes, a busy evening.
  for (let p = 1; p <= 40; p++) lines.push(isoLine(new Date(day + 9 * 3_600_000 + p * 1000), { src: '203.0.113.9', dpt: p }));
  lines.push(isoLine(new Date(day + 10 * 3_600_000), { src: '192.0.2.4', dpt: 27374 }));
  lines.push(isoLine(new Date(day + 11 * 3_600_000), { src: '192.0.2.5', dpt: 6776 }));
  lines.push(isoLine(new Date(day + 12 * 3_600_000), { src: '192.0.2.66', dpt: 445, prefix: SCRIPT_PREFIX }));
  lines.push(isoLine(new Date(day + 13 * 3_600_000), { src: '192.0.2.67', dpt: 3389, prefix: IMG_PREFIX }));
  lines.push(isoLine(new Date(day + 14 * 3_600_000), { src: '192.0.2.68', dpt: 80, prefix: '| DROP | `x` **y**' }));
  for (let i = 0; i < 60; i++) lines.push(isoLine(new Date(day + 20 * 3_600_000 + i * 30_000), { src: `198.51.100.${100 + (i % 7)}`, dpt: 22 }));
  lines.sort();
  writeFileSync(log, lines.join('\n') + '\n');
  htmlFile = join(dir, 'daily.html');
  const r = runCli(['daily', log, '--date', '2026-11-21', '--tz', 'UTC', '--output', htmlFile]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

describe('daily HTML in Chromium', () => {
  it('renders the chart and tables, runs no script, shows hostile prefixes as text, fits a phone', async () => {
    const html = readFileSync(htmlFile, 'utf8');
    const page = await browser.newPage({ viewport: { width: 375, height: 800 }, deviceScaleFactor: 2 });
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    page.on('request', (req) => {
      if (!req.url().startsWith('file:') && !req.url().startsWith('data:')) requests.push(req.url());
    });
    await page.goto(pathToFileURL(htmlFile).href);

    // Chart: an inline SVG with one bar group per hour.
    expect(await page.locator('svg.chart').count()).toBe(1);
    expect(await page.locator('svg.chart g').count()).toBe(24);
    expect(await page.locator('svg.chart rect.bar').count()).toBeGreaterThan(3);
    // Tables: rules, top sources, ports, interpretations.
    expect(await page.locator('table').count()).toBeGreaterThanOrEqual(4);
    expect(await page.locator('h2', { hasText: 'Top sources' }).count()).toBe(1);
    expect(await page.locator('th[scope="row"]', { hasText: '203.0.113.9' }).count()).toBe(1);

    // Nothing from the log ran, and it is there as text.
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('script').count()).toBe(0);
    expect(await page.locator('main img').count()).toBe(0);
    const text = await page.locator('body').innerText();
    expect(text).toContain(SCRIPT_PREFIX);
    expect(text).toContain(IMG_PREFIX);
    expect(text).toContain('| DROP | `x` **y**');
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    expect(html).not.toMatch(/https?:/);

    // A 375 px phone: no horizontal scrolling.
    const widths = await page.evaluate(() => ({ doc: document.documentElement.scrollWidth, body: document.body.scrollWidth, view: window.innerWidth }));
    expect(widths.doc).toBeLessThanOrEqual(widths.view);
    expect(widths.body).toBeLessThanOrEqual(widths.view);

    const out = join(repoRoot, 'test/.tmp');
    mkdirSync(out, { recursive: true });
    await page.screenshot({ path: join(out, 'daily.png'), fullPage: true });
    // The print layout also lays out without error (tables, chart) — a PDF of it is produced.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('svg.chart').isVisible()).toBe(true);
    await page.setViewportSize({ width: 1000, height: 800 });
    await page.emulateMedia({ media: 'screen' });
    await page.screenshot({ path: join(out, 'daily-wide.png'), fullPage: true });
    await page.close();
  }, 60_000);

  it('keeps a port ("22/tcp") on one line on a phone, however long the names beside it', async () => {
    // samples/ufw.log's first day: ports known by three long names each squeeze the port column.
    const file = join(tempDir(), 'sample.html');
    const r = runCli(['daily', join(repoRoot, 'samples/ufw.log'), '--date', '2026-11-20', '--tz', 'UTC', '--year', '2026', '--output', file]);
    expect(r.code).toBe(0);
    const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
    await page.goto(pathToFileURL(file).href);
    const lines = await page.$$eval('th[data-label="port"] code', (els) => els.map((el) => [el.textContent, el.getClientRects().length] as const));
    expect(lines.length).toBeGreaterThan(5);
    expect(lines.filter(([, n]) => n !== 1)).toEqual([]);
    await page.close();
  }, 60_000);

  it('the ports table counts sources; on a phone it drops the share column and breaks names only between words', async () => {
    const file = join(tempDir(), 'sample.html');
    expect(runCli(['daily', join(repoRoot, 'samples/ufw.log'), '--date', '2026-11-21', '--tz', 'UTC', '--year', '2026', '--output', file]).code).toBe(0);
    const cells = (page: import('playwright-core').Page, label: string) =>
      page.$$eval(`td[data-label="${label}"]`, (els) => els.map((el) => ({ text: el.textContent ?? '', shown: (el as HTMLElement).offsetParent !== null })));
    const page = await browser.newPage();
    for (const width of [1000, 375, 320]) {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(pathToFileURL(file).href);
      const sources = await cells(page, 'sources');
      expect(sources.length, String(width)).toBeGreaterThan(5);
      expect(sources.every((c) => c.shown && /^\d+$/.test(c.text)), String(width)).toBe(true);
      expect((await cells(page, 'share')).every((c) => c.shown), String(width)).toBe(width > 640);
      const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
      expect(widths[0], String(width)).toBeLessThanOrEqual(widths[1]!);
      if (width === 375) {
        // "pcAnywhere" and "alternate," stay whole: every line of a name cell starts at a word.
        const broken = await page.$$eval('td[data-label="known as"]', (els) =>
          els.filter((el) => {
            const range = document.createRange();
            range.selectNodeContents(el);
            const tops = new Set(Array.from(range.getClientRects(), (r) => Math.round(r.top)));
            const words = (el.textContent ?? '').split(/\s+/).filter(Boolean).length;
            return tops.size > words;
          }).map((el) => el.textContent),
        );
        expect(broken).toEqual([]);
      }
    }
    await page.close();
  }, 60_000);
});

describe('report HTML in Chromium', () => {
  it('renders the cards, the chart and the tables of samples/ufw.log, runs nothing, fits a phone and a desktop', async () => {
    const dir = tempDir();
    // A file name with markup: the page shows it in the header and the footer, as text.
    const log = join(dir, 'ufw<img src=x onerror="window.__pwned=3">.log');
    writeFileSync(log, readFileSync(join(repoRoot, 'samples/ufw.log')));
    const r = runCli([log, '--year', '2026', '--tz', 'UTC', '-o', 'html']);
    expect(r.code).toBe(0);
    const file = join(dir, 'report.html');
    writeFileSync(file, r.stdout);
    const out = join(repoRoot, 'test/.tmp');
    mkdirSync(out, { recursive: true });
    for (const [width, shot] of [[375, 'report.png'], [1000, 'report-wide.png']] as const) {
      const page = await browser.newPage({ viewport: { width, height: 800 } });
      const errors: string[] = [];
      page.on('pageerror', (err) => errors.push(err.message));
      await page.goto(pathToFileURL(file).href);
      // probes, sources, blocked, allowed, the 5 [UFW AUDIT] packets logged without a verdict, and what is not a probe.
      expect(await page.locator('.card .k').allTextContents()).toEqual(['probes', 'sources', 'blocked', 'allowed', 'other', 'not probes']);
      expect(await page.locator('.card', { hasText: 'other' }).locator('.v').textContent()).toBe('5');
      // "not probes" lists several kinds: it takes a row of its own, across, under the others,
      // whose height stays their own (in a column it ran to a dozen lines and they grew with it).
      const boxes = await page.locator('.card').evaluateAll((els) => els.map((el) => el.getBoundingClientRect()).map((r) => ({ top: r.top, bottom: r.bottom, width: r.width, height: r.height })));
      const row = await page.locator('section.cards').evaluate((el) => el.getBoundingClientRect().width);
      const wide = boxes.at(-1)!;
      expect(wide.width, String(width)).toBeCloseTo(row, 0);
      expect(wide.top, String(width)).toBeGreaterThan(Math.max(...boxes.slice(0, -1).map((b) => b.bottom)));
      if (width >= 1000) expect(new Set(boxes.slice(0, -1).map((b) => b.top)).size).toBe(1);
      expect(Math.max(...boxes.slice(0, -1).map((b) => b.height)), String(width)).toBeLessThan(140);
      // Who did what before when: the top sources come before the charts.
      expect(await page.locator('h2').allTextContents()).toEqual(expect.arrayContaining(['Activity per hour']));
      expect((await page.locator('h2').first().textContent())!.startsWith('Top sources')).toBe(true);
      // Each chart is named by its own title.
      expect(await page.locator('svg.chart').evaluateAll((svgs) => svgs.map((s) => s.getAttribute('aria-label')))).toEqual([expect.stringContaining('hour'), expect.stringContaining('day')]);
      // The hours of the day, then the log's three days.
      expect(await page.locator('svg.chart').count()).toBe(2);
      expect(await page.locator('svg.chart').nth(0).locator('g').count()).toBe(24);
      expect(await page.locator('svg.chart').nth(1).locator('g').count()).toBe(3);
      expect(await page.locator('svg.chart').nth(1).locator('text.axis').allTextContents()).toEqual(expect.arrayContaining(['11-20', '11-21', '11-22']));
      expect(await page.locator('svg.chart').nth(1).locator('g title').first().textContent()).toBe('2026-11-20 · 477 packets, 472 blocked');
      for (const h2 of ['Activity per hour', 'Activity per day', 'Top sources', 'Top probed ports', 'Notable interpretations']) expect(await page.locator('h2', { hasText: h2 }).count(), h2).toBe(1);
      expect(await page.locator('th[scope="row"]', { hasText: '198.51.100.77' }).count()).toBe(1);
      // "11-20 10:54–11-22 00:14": each end of a source's time span stays on one line.
      const ends = await page.$$eval('td[data-label="seen"] span.nw', (els) => els.map((el) => [el.textContent, el.getClientRects().length] as const));
      expect(ends.length, String(width)).toBeGreaterThan(20);
      expect(ends.filter(([, n]) => n !== 1), String(width)).toEqual([]);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(await page.locator('main img, script').count()).toBe(0);
      expect(await page.locator('footer').innerText()).toContain('ufw<img src=x onerror="window.__pwned=3">.log');
      // A source's details: closed until asked, then what the ranking knows, scoreParts included.
      const details = page.locator('td.why details.more').first();
      expect(await details.locator('dl.facts').isVisible()).toBe(false);
      // Each disclosure is read out with its source; on screen it says "details" alone.
      expect(await details.locator('summary').textContent()).toBe('details 198.51.100.77');
      expect((await details.locator('summary span.vh').boundingBox())!.width).toBeLessThanOrEqual(1);
      // On paper every detail is shown: nobody can click there.
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('td.why details.more').last().locator('dl.facts').isVisible()).toBe(true);
      await page.emulateMedia({ media: 'screen' });
      await details.locator('summary').click();
      const facts = await details.locator('dl.facts').innerText();
      expect(facts).toMatch(/117\.4: breadth \d+(\.\d)? \+ findings \d+(\.\d)? \+ volume/);
      expect(facts).toContain('[UFW BLOCK] 300');
      expect(facts).toMatch(/2026-11-20\s09:41:07 → 2026-11-20\s09:42:45/);
      // A probed port's names open onto what a probe of it means.
      const port = page.locator('details.port').first();
      expect(await port.locator('summary').innerText()).toBe('SSH');
      expect(await port.locator('p').isVisible()).toBe(false);
      await port.locator('summary').click();
      expect(await port.locator('p').innerText()).toMatch(/^SSH remote login/);
      const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
      expect(widths[0], String(width)).toBeLessThanOrEqual(widths[1]!);
      expect(errors).toEqual([]);
      await page.screenshot({ path: join(out, shot), fullPage: true });
      await page.close();
    }
  }, 60_000);
});

describe('HTML pages between a phone and a desktop, and on paper', () => {
  // A 200-character log prefix and an IPv6 address that does not shorten (RFC 5952: 37
  // characters): lines of samples/ufw.log made longer (test/fixtures/report/README.md).
  const longStrings = join(repoRoot, 'test/fixtures/report/long-strings.log');
  // Made once for the three tests that read them: a page is only read (details opened, cells
  // swapped in the browser's copy), and each run of the CLI costs ~0.4 s of CPU.
  let made: { name: string; file: string }[] | undefined;
  const pages = (): { name: string; file: string }[] => {
    if (made !== undefined) return made;
    const dir = tempDir();
    const out: { name: string; file: string }[] = [];
    const add = (name: string, args: string[]): void => {
      const file = join(dir, `${name}.html`);
      const r = runCli([...args, '--year', '2026', '--tz', 'UTC', '--output', file]);
      expect(r.code, name).toBe(0);
      out.push({ name, file });
    };
    add('ufw report', [join(repoRoot, 'samples/ufw.log')]);
    add('long report', [longStrings]);
    add('long report zh', [longStrings, '--lang', 'zh']);
    add('ufw daily', ['daily', join(repoRoot, 'samples/ufw.log'), '--date', '2026-11-20']);
    // The day of the long prefix, and the day of the IPv6 source.
    add('long daily prefix', ['daily', longStrings, '--date', '2026-11-20']);
    add('long daily ipv6', ['daily', longStrings, '--date', '2026-11-21']);
    made = out;
    return out;
  };
  const overflow = (page: import('playwright-core').Page) => page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth] as const);
  const openAll = (page: import('playwright-core').Page) => page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));

  it('the sources fit a tablet with every detail open, and a long prefix or IPv6 address widens no page', async () => {
    // Eight columns did not fit below ~900 px: at 768 px the table ran 70-120 px past the
    // screen, a source's details squeezed into a column 120 px wide, cut at the right.
    // One tab, loaded afresh at each width (a new tab each took ~0.35 s more).
    const page = await browser.newPage();
    for (const { name, file } of pages()) {
      for (const width of [390, 641, 768, 850, 900, 1280]) {
        await page.setViewportSize({ width, height: 800 });
        await page.goto(pathToFileURL(file).href);
        const [closed, view] = await overflow(page);
        expect(closed, `${name} at ${width}`).toBeLessThanOrEqual(view);
        await openAll(page);
        const [open] = await overflow(page);
        expect(open, `${name} at ${width}, details open`).toBeLessThanOrEqual(view);
      }
    }
    await page.close();
  }, 120_000);

  it('the headline cards leave none alone on a row between a small phone and a desktop, and no card overflows', async () => {
    // Five small cards (samples/ufw.log has "other") where a row held four left the fifth
    // stretched across a row of its own from 606 to 751 px (CSS_CARDS in html-page.ts).
    const page = await browser.newPage();
    for (const { name, file } of pages().filter((p) => p.name.startsWith('ufw'))) {
      for (const width of [448, 520, 641, 700, 751, 752, 768, 850, 899, 1280]) {
        await page.setViewportSize({ width, height: 800 });
        await page.goto(pathToFileURL(file).href);
        const cards = await page.locator('.card:not(.wide)').evaluateAll((els) => els.map((el) => ({ top: Math.round(el.getBoundingClientRect().top), over: el.scrollWidth - el.clientWidth })));
        expect(cards.length, name).toBe(5);
        const rows = new Map<number, number>();
        for (const c of cards) rows.set(c.top, (rows.get(c.top) ?? 0) + 1);
        expect([...rows.values()].filter((n) => n === 1), `${name} at ${width}: cards a row ${[...rows.values()].join(', ')}`).toEqual([]);
        expect(cards.filter((c) => c.over > 0), `${name} at ${width}`).toEqual([]);
        // A count of ten million or more: its card wraps to another row rather than run out of its box.
        await page.evaluate(() => document.querySelectorAll('.card .v').forEach((v) => (v.textContent = '12,345,678')));
        const over = await page.locator('.card').evaluateAll((els) => els.filter((el) => el.scrollWidth > el.clientWidth).length);
        expect(over, `${name} at ${width}, ten-digit counts`).toBe(0);
      }
    }
    await page.close();
  }, 120_000);

  it("a row's header cell looks as the data cell it was: same box, same type, on a phone, a tablet, a desktop and paper", async () => {
    // A <th> is bold and centred by default, and the page styles its column headings small and
    // grey: neither may reach a row's head. Each is measured, swapped for a <td> of the same
    // attributes and content, and measured again; the page's height must not move either.
    const PROPS = ['display', 'font-weight', 'font-size', 'font-family', 'font-style', 'line-height', 'color', 'background-color', 'text-align', 'text-transform', 'letter-spacing', 'white-space', 'overflow-wrap', 'vertical-align', 'padding', 'border-top', 'border-bottom', 'border-left', 'border-right', 'grid-column'];
    const look = (page: import('playwright-core').Page, tag: string) =>
      page.$$eval(
        `tbody tr > ${tag}[data-row-head]`,
        (els, props) =>
          els.map((el) => {
            const s = getComputedStyle(el);
            const before = getComputedStyle(el, '::before');
            const r = el.getBoundingClientRect();
            return [el.textContent, [r.x, r.y, r.width, r.height].map(Math.round).join(), ...props.map((p) => s.getPropertyValue(p)), before.content, before.display].join(' | ');
          }),
        PROPS,
      );
    const files = [...pages(), { name: 'pfirewall report', file: join(tempDir(), 'pfirewall.html') }];
    expect(runCli([join(repoRoot, 'samples/pfirewall.log'), '--year', '2026', '--tz', 'UTC', '--output', files.at(-1)!.file]).code).toBe(0);
    // One tab, loaded afresh for each look (the cells swapped before are gone): a new tab each took ~0.35 s more.
    const page = await browser.newPage();
    for (const { name, file } of files) {
      for (const [width, media, open] of [[390, 'screen', false], [390, 'screen', true], [768, 'screen', true], [1280, 'screen', false], [1280, 'screen', true], [703, 'print', false]] as const) {
        await page.setViewportSize({ width, height: 800 });
        await page.goto(pathToFileURL(file).href);
        await page.emulateMedia({ media });
        if (open) await openAll(page);
        const at = `${name} at ${width}, ${media}${open ? ', details open' : ''}`;
        await page.evaluate(() => document.querySelectorAll('tbody th[scope="row"]').forEach((th) => th.setAttribute('data-row-head', '')));
        const asTh = await look(page, 'th');
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        await page.evaluate(() =>
          document.querySelectorAll('tbody th[data-row-head]').forEach((th) => {
            const td = document.createElement('td');
            for (const a of Array.from(th.attributes)) if (a.name !== 'scope') td.setAttribute(a.name, a.value);
            td.append(...Array.from(th.childNodes));
            th.replaceWith(td);
          }),
        );
        expect(await page.locator('tbody th').count(), at).toBe(0);
        expect(asTh.length, at).toBeGreaterThan(0);
        expect(asTh, at).toEqual(await look(page, 'td'));
        expect(await page.evaluate(() => document.documentElement.scrollHeight), at).toBe(height);
      }
    }
    await page.close();
  }, 180_000);

  it('says its language, heads its columns and rows for a screen reader, its headings in order', async () => {
    const dir = tempDir();
    for (const lang of ['en', 'zh'] as const) {
      for (const args of [[join(repoRoot, 'samples/ufw.log')], ['daily', join(repoRoot, 'samples/ufw.log'), '--date', '2026-11-20']]) {
        const file = join(dir, `${args[0] === 'daily' ? 'daily' : 'report'}-${lang}.html`);
        expect(runCli([...args, '--year', '2026', '--tz', 'UTC', '--lang', lang, '--output', file]).code).toBe(0);
        const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
        await page.goto(pathToFileURL(file).href);
        expect(await page.getAttribute('html', 'lang'), file).toBe(lang === 'en' ? 'en' : 'zh-Hans');
        // It has a dark palette, and says so: the browser's own parts (scroll bars, the
        // details' triangles) follow the reader's dark mode too, not light on the dark page.
        expect(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme), file).toBe('light dark');
        // One h1, then h2s: no level skipped.
        const levels = await page.$$eval('h1,h2,h3,h4,h5,h6', (hs) => hs.map((h) => Number(h.tagName[1])));
        expect(levels[0], file).toBe(1);
        expect(levels.filter((l) => l === 1), file).toHaveLength(1);
        expect(levels.every((l, i) => i === 0 || l <= levels[i - 1]! + 1), file).toBe(true);
        // Every header cell says what it heads: a column's, or its row's. Each row of data is
        // named by one, in the column of what names it (a source, a port, a probed host, an interpretation,
        // a log prefix), so a screen reader reads each cell with its row's name and column's heading.
        const tables = await page.$$eval('table', (els) =>
          els.map((t) => ({
            cols: Array.from(t.querySelectorAll('thead th'), (th) => [th.textContent ?? '', th.getAttribute('scope')] as const),
            rows: Array.from(t.querySelectorAll('tbody tr'), (tr) => Array.from(tr.children, (c) => `${c.tagName.toLowerCase()}${c.getAttribute('scope') ? `:${c.getAttribute('scope')}` : ''}`)),
            others: t.querySelectorAll('th').length - t.querySelectorAll('thead th, tbody tr > th[scope="row"]').length,
          })),
        );
        expect(tables.length, file).toBeGreaterThanOrEqual(4);
        const H = messages(lang);
        const naming = [H.report.head.source, H.report.head.port, H.report.head.target, H.report.head.interpretation, H.daily.md.ruleHead];
        for (const t of tables) {
          expect(t.cols.filter(([, s]) => s !== 'col'), file).toEqual([]);
          expect(t.others, file).toBe(0);
          const col = t.cols.findIndex(([h]) => naming.includes(h));
          expect(col, `${file}: ${t.cols.map(([h]) => h).join('|')}`).toBeGreaterThanOrEqual(0);
          const expected = t.cols.map((_, i) => (i === col ? 'th:row' : 'td'));
          expect(t.rows.length, file).toBeGreaterThan(0);
          expect(t.rows.filter((r) => r.join() !== expected.join()), `${file}: ${t.cols[col]![0]}`).toEqual([]);
        }
        await page.close();
      }
    }
  }, 60_000);

  it("tells a bar's blocked part from the rest, and the legend's keys, without colour", async () => {
    // Red over grey differed in hue alone (1.9:1 in lightness, 1.4:1 dark): to a reader who
    // does not see red, or on a grey print, one bar. Solid is blocked, an outline the rest.
    // 11-21: the day before is in the log, so its dashed line and key are drawn too.
    const file = join(tempDir(), 'daily.html');
    expect(runCli(['daily', join(repoRoot, 'samples/ufw.log'), '--date', '2026-11-21', '--year', '2026', '--tz', 'UTC', '--output', file]).code).toBe(0);
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await browser.newPage({ viewport: { width: 1000, height: 800 }, colorScheme });
      await page.goto(pathToFileURL(file).href);
      const look = await page.evaluate(() => {
        const rgb = (c: string): number[] => (c.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
        const lum = (c: string): number => {
          const [r, g, b] = rgb(c).map((v) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4));
          return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
        };
        const ratio = (a: string, b: string): number => (Math.max(lum(a), lum(b)) + 0.05) / (Math.min(lum(a), lum(b)) + 0.05);
        const bar = getComputedStyle(document.querySelector('svg.chart rect.bar')!);
        const rest = getComputedStyle(document.querySelector('svg.chart rect.bar-rest')!);
        const card = getComputedStyle(document.querySelector('section')!).backgroundColor;
        const keys = Array.from(document.querySelectorAll('.legend i'), (i) => getComputedStyle(i));
        return {
          parts: ratio(bar.fill, rest.fill),
          outline: rest.stroke === 'none' ? 0 : ratio(rest.stroke, card),
          outlineWidth: parseFloat(rest.strokeWidth),
          keys: keys.map((k) => [k.backgroundColor === 'rgba(0, 0, 0, 0)' ? 'none' : 'filled', k.borderTopStyle] as const),
        };
      });
      expect(look.parts, colorScheme).toBeGreaterThanOrEqual(3);
      expect(look.outline, colorScheme).toBeGreaterThanOrEqual(3);
      expect(look.outlineWidth, colorScheme).toBeGreaterThanOrEqual(1);
      // blocked: a filled square; the rest: an outlined one; the day before: a dashed line, as drawn.
      expect(look.keys, colorScheme).toEqual([['filled', 'none'], ['none', 'solid'], ['none', 'dashed']]);
      await page.close();
    }
  }, 60_000);

  it('prints within an A4 page, every detail shown', async () => {
    // 210 mm less the 12 mm margins of @page, at 96 px an inch: what a print lays out in.
    const page = await browser.newPage({ viewport: { width: 703, height: 1000 } });
    await page.emulateMedia({ media: 'print' });
    for (const { name, file } of pages()) {
      await page.goto(pathToFileURL(file).href);
      const [w, view] = await overflow(page);
      expect(w, name).toBeLessThanOrEqual(view);
      expect(await page.locator('dl.facts').first().isVisible(), name).toBe(true);
      const pdf = await page.pdf({ format: 'A4' });
      expect(pdf.subarray(0, 5).toString(), name).toBe('%PDF-');
    }
    await page.close();
  }, 120_000);
});
