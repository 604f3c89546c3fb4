import { chromium } from 'playwright-core';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const p = await b.newPage({ viewport: { width: +process.argv[3] || 1000, height: 900 } });
await p.goto('file://' + process.argv[2]);
await p.screenshot({ path: process.argv[4], fullPage: true });
await b.close();
