// Performance benchmark: measured, not guessed. Run with `tools/bench`
// (builds the release first). Prints each figure next to its budget and exits
// non-zero if a budget is missed. Not part of the default test run (slow).
//
// Figures:
//  1. app shell bytes over the wire (brotli) on a first visit;
//  2. time to first content under Lighthouse's mobile throttling (150 ms RTT,
//     1.6 Mbit/s, 4x CPU slowdown), side by side with a plain pre-rendered HTML
//     page of the same demo data;
//  3. a 10,000-point distribution feed (~4 MB): parsed, validated, first screen
//     shown, at 4x CPU slowdown;
//  4. filter response time on that feed, per change.

import { chromium } from 'playwright-core';
import { readFile, writeFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { shellSize } from './shell-size.mjs';
import { deployment, ROOT, DIST, demoFeed } from '../e2e/harness.mjs';
import { startServer } from '../e2e/server.mjs';
import { generateDistribution, plainPage } from './benchdata.mjs';

const BUDGET = {
  shellBrotliKB: 120,
  firstContentRatio: 1.3,
  bigFeedFirstScreenMs: 3000,
  filterMs: 100,
};
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
// Lighthouse's "mobile slow 4G" devtools throttling.
const THROTTLE = {
  latency: 150 * 3.75,
  downloadThroughput: (1.6 * 1024 * 1024 * 0.9) / 8,
  uploadThroughput: (750 * 1024 * 0.9) / 8,
  cpu: 4,
};

const results = [];
function report(name, value, unit, budget, ok) {
  results.push({ name, value, unit, budget, ok });
  console.log(`${ok ? 'PASS' : 'FAIL'}  ${name}: ${value}${unit}  (budget ${budget})`);
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// 1. Shell bytes.
const { files: unique, raw, br } = await shellSize(DIST);
console.log(`shell files: ${unique.join(', ')}`);
report('app shell, brotli', (br / 1024).toFixed(1), ' KB', `≤ ${BUDGET.shellBrotliKB} KB (raw ${(raw / 1024).toFixed(0)} KB)`, br / 1024 <= BUDGET.shellBrotliKB);

// Deployments: the demo as shipped plus a plain page; and a 10,000-point feed.
const feeds = { corridors: await demoFeed('corridors.json'), distribution: await demoFeed('distribution.json'), notices: await demoFeed('notices.json') };
const demoDir = await deployment({ 'plain.html': plainPage(feeds, new Date('2026-11-24T10:00:00+02:00')) });
const big = generateDistribution(10000);
const bigBody = JSON.stringify(big);
const bigDir = await deployment({ 'data/distribution.json': bigBody });
console.log(`large feed: ${big.items.length} points, ${(bigBody.length / 1024 / 1024).toFixed(2)} MB`);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});

async function throttledPage({ network = true, cpu = THROTTLE.cpu } = {}) {
  const context = await browser.newContext({ viewport: { width: 360, height: 760 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.clock.setFixedTime(new Date('2026-11-24T10:00:00+02:00'));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (network) {
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: THROTTLE.latency,
      downloadThroughput: THROTTLE.downloadThroughput,
      uploadThroughput: THROTTLE.uploadThroughput,
    });
  }
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  return { page, close: () => context.close() };
}

/** Milliseconds from navigation start until `selector` is in the page and painted. */
async function timeTo(page, url, selector) {
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForSelector(selector, { timeout: 120000 });
  return page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(performance.now()))));
}

/** First contentful paint, as Lighthouse reports it. */
async function fcp(page) {
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        new PerformanceObserver((list) => {
          const e = list.getEntriesByName('first-contentful-paint')[0];
          if (e) resolve(e.startTime);
        }).observe({ type: 'paint', buffered: true });
      }),
  );
}

async function plainFcp(page, url) {
  await page.goto(url, { waitUntil: 'load' });
  return fcp(page);
}

// 2. First content, portal versus plain page, interleaved in the same run.
const demo = await startServer({ dir: demoDir });
const portalTimes = [];
const portalFcps = [];
const plainTimes = [];
for (let i = 0; i < RUNS; i++) {
  let p = await throttledPage();
  portalTimes.push(await timeTo(p.page, demo.url + '?lang=ar', '.compact li'));
  portalFcps.push(await fcp(p.page));
  await p.close();
  p = await throttledPage();
  plainTimes.push(await plainFcp(p.page, demo.url + 'plain.html'));
  await p.close();
}
const portalMs = median(portalTimes);
const portalFcp = median(portalFcps);
const plainMs = median(plainTimes);
console.log(`  runs: portal first data ${portalTimes.map((t) => t.toFixed(0)).join(', ')} ms; portal FCP ${portalFcps.map((t) => t.toFixed(0)).join(', ')} ms; plain page FCP ${plainTimes.map((t) => t.toFixed(0)).join(', ')} ms`);
report('first contentful paint (portal / plain HTML)', (portalFcp / plainMs).toFixed(2), '×', `≤ ${BUDGET.firstContentRatio}× (portal ${portalFcp.toFixed(0)} ms, plain ${plainMs.toFixed(0)} ms)`, portalFcp / plainMs <= BUDGET.firstContentRatio);
// FCP of the portal is its static "loading" text; what a reader waits for is
// the first crossing on screen. Same budget, stated honestly.
report('first data on screen (portal / plain HTML FCP)', (portalMs / plainMs).toFixed(2), '×', `≤ ${BUDGET.firstContentRatio}× (portal ${portalMs.toFixed(0)} ms, plain ${plainMs.toFixed(0)} ms)`, portalMs / plainMs <= BUDGET.firstContentRatio);
await demo.close();

// 3. and 4. The large feed at 4x CPU (network unthrottled, to isolate the app's work).
const bigServer = await startServer({ dir: bigDir });
const bigTimes = [];
const filterTimes = [];
const searchTimes = [];
const indexTimes = [];
for (let i = 0; i < RUNS; i++) {
  const p = await throttledPage({ network: false });
  bigTimes.push(await timeTo(p.page, bigServer.url + '?view=distribution&lang=ar', '.cards li'));
  for (const area of ['rafah', 'gaza', 'khan_younis', '', 'north_gaza']) {
    filterTimes.push(
      await p.page.evaluate(async (value) => {
        const select = document.querySelector('#area-filter');
        const t0 = performance.now();
        select.value = value;
        select.dispatchEvent(new Event('change', { bubbles: true }));
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        return performance.now() - t0;
      }, area),
    );
  }
  // Search, one keystroke at a time (Arabic, as people type it: no hamza).
  const query = 'نقطه توزيع رقم 12';
  for (let k = 1; k <= query.length; k++) {
    (k === 1 ? indexTimes : searchTimes).push(
      await p.page.evaluate(async (value) => {
        const input = document.querySelector('#search');
        const t0 = performance.now();
        input.value = value;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        return performance.now() - t0;
      }, query.slice(0, k)),
    );
  }
  await p.close();
}
await bigServer.close();
const bigMs = median(bigTimes);
report('10,000-point feed: first screen at 4x CPU', bigMs.toFixed(0), ' ms', `< ${BUDGET.bigFeedFirstScreenMs} ms`, bigMs < BUDGET.bigFeedFirstScreenMs);
console.log(`  filter times: ${filterTimes.map((t) => t.toFixed(0)).join(', ')} ms`);
const worstFilter = Math.max(...filterTimes);
report('10,000-point feed: filter response (worst of ' + filterTimes.length + ')', worstFilter.toFixed(0), ' ms', `< ${BUDGET.filterMs} ms (median ${median(filterTimes).toFixed(0)} ms)`, worstFilter < BUDGET.filterMs);
// The first keystroke also builds the search index (once per feed); report it apart.
const keys = searchTimes;
const worstKey = Math.max(...keys);
report('10,000-point feed: search per keystroke (worst of ' + keys.length + ')', worstKey.toFixed(0), ' ms', `< ${BUDGET.filterMs} ms (median ${median(keys).toFixed(0)} ms; the first keystroke also builds the index, once per feed: ${median(indexTimes).toFixed(0)} ms)`, worstKey < BUDGET.filterMs);

await browser.close();
const failed = results.filter((r) => !r.ok);
await writeFile(join(ROOT, 'bench-report.json'), JSON.stringify({ date: new Date().toISOString(), throttle: THROTTLE, runs: RUNS, results }, null, 2));
console.log(`\n${results.length - failed.length} passed, ${failed.length} failed`);
process.exit(failed.length ? 1 : 0);
