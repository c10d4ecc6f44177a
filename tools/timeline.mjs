// The network timeline of a first visit under Lighthouse's mobile
// throttling: when each request starts and ends, and when the first data is
// on screen. For finding what the start-up waits on; tools/bench gives the
// figures against their budgets.
// Usage: BAWABA_DIST=dist [CPU=4] node tools/timeline.mjs
import { chromium } from 'playwright-core';
import { startServer } from '../e2e/server.mjs';
const s = await startServer({ dir: process.env.BAWABA_DIST });
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking'] });
const ctx = await b.newContext({ viewport: { width: 360, height: 760 }, serviceWorkers: 'block' });
const page = await ctx.newPage();
const cdp = await ctx.newCDPSession(page);
await cdp.send('Network.enable'); await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 562.5, downloadThroughput: 1.6*1024*1024*0.9/8, uploadThroughput: 750*1024*0.9/8 });
await cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(process.env.CPU ?? 4) });
const t = {}; let t0;
cdp.on('Network.requestWillBeSent', e => { t0 ??= e.timestamp; t[e.requestId] = { url: e.request.url.split('/').pop(), start: e.timestamp }; });
cdp.on('Network.loadingFinished', e => { if (t[e.requestId]) { t[e.requestId].end = e.timestamp; t[e.requestId].bytes = e.encodedDataLength; } });
await page.goto(s.url + '?lang=ar', { waitUntil: 'commit' });
await page.waitForSelector('.compact li', { timeout: 60000 });
const done = Date.now();
for (const r of Object.values(t)) console.log(r.url.padEnd(45), ((r.start - t0)*1000|0), '->', ((r.end - t0)*1000|0), r.bytes);
console.log('first data at', await page.evaluate(() => performance.now()|0));
await b.close(); await s.close();
