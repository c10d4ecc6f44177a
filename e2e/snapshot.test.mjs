// The first screen inside index.html (`bawaba-feed publish`): read with
// JavaScript off, replaced by the app once it has its own data (no layout
// shift, focus kept, nothing read twice), kept under the no-WebAssembly
// message, never shown in a widget, and installed offline by the worker.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launch, open, settled, screenshot, deployment, demoFeed, ROOT, TUESDAY_10, AXE_TAGS } from './harness.mjs';
import { startServer } from './server.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const AXE = await readFile(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

const corridorNames = async (lang) => (await demoFeed('corridors.json')).items.map((i) => (i.name[lang] ?? i.name.ar).replace(/\s+/g, ' ').trim());

/** The layout shifts the page has had, summed as CLS counts them (no input). */
const watchShifts = (page) => page.addInitScript(() => {
  window.__shift = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value;
  }).observe({ type: 'layout-shift', buffered: true });
});

for (const width of [360, 240]) {
  test(`JavaScript off at ${width} px: index.html itself shows the overview as published, in Arabic, right to left`, async () => {
    const dir = await deployment({}, { publish: true });
    const server = await startServer({ dir });
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width, height: 640 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    try {
      await page.goto(server.url);
      assert.deepEqual(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]), ['ar', 'rtl']);
      const text = (await page.locator('#boot').innerText()).replace(/\s+/g, ' ');
      assert.match(text, /كما نُشرت في الثلاثاء ٢٤ تشرين الثاني ٢٠٢٦ الساعة ١٠:٠٠ بتوقيت غزة/);
      for (const name of await corridorNames('ar')) assert.ok(text.includes(name), `${name} on the first screen`);
      assert.doesNotMatch(text, /مفتوح الآن|مغلق الآن/, 'never "open now"');
      assert.equal(await page.locator('#boot .demo-banner').count(), 1, 'demo data labelled');
      assert.ok(await page.locator('#boot .danger-banner li').count() >= 1, 'danger notices on the first screen');
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'nothing sideways');
      // Its links work without the app: the static pages.
      await page.locator('#boot .lang-switch a[lang="en"]').click();
      await page.waitForURL(/static\/en\.html$/);
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
      await page.goBack();
      await screenshot(page, `snapshot-nojs-ar-${width}`);
    } finally {
      await context.close();
      await server.close();
    }
  });
}

test('the app takes over from the snapshot once its data is drawn: no shift, nothing read twice, focus kept, axe clean', async () => {
  // The corridors feed held back, so the snapshot is on screen for a while.
  const s = await open(browser, { publish: true, overrides: { 'data/corridors.json': { delayMs: 2500 } } });
  try {
    await watchShifts(s.page);
    await s.page.goto(s.server.url + '?lang=ar');
    await s.page.waitForSelector('#boot.snapshot .compact li');
    assert.equal(await s.page.locator('#app').getAttribute('hidden'), '', 'the app works out of sight meanwhile');
    const axe = async () => {
      await s.page.evaluate(AXE);
      return s.page.evaluate(async (values) => (await window.axe.run(document, { runOnly: { type: 'tag', values } })).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`), AXE_TAGS);
    };
    assert.deepEqual(await axe(), [], 'axe on the snapshot');
    // A keyboard reader on a snapshot link when the app arrives.
    await s.page.locator('#boot .compact a').first().focus();
    await s.page.waitForSelector('#view-title', { timeout: 20000 });
    await settled(s.page);
    assert.equal(await s.page.locator('#boot').count(), 0, 'the snapshot is gone');
    assert.equal(await s.page.locator('#app[hidden]').count(), 0);
    assert.equal(await s.page.evaluate(() => document.activeElement?.id), 'main', 'focus moved to the content, not lost');
    assert.equal(await s.page.locator('h1').count(), 1, 'one heading: nothing read twice');
    assert.equal(await s.page.locator('.problem').count(), 0, 'the held-back feed arrived whole');
    assert.ok(await s.page.locator('#app main .compact li').count() >= 5, 'the app\'s own crossings');
    assert.equal(await s.page.locator('.demo-banner').count(), 1);
    const shift = await s.page.evaluate(() => window.__shift);
    assert.ok(shift <= 0.1, `layout shift during the takeover: ${shift}`);
    assert.deepEqual(await axe(), [], 'axe after the takeover');
    assert.deepEqual(s.guard.errors, []);
    assert.deepEqual(s.guard.foreign, []);
  } finally {
    await s.close();
  }
});

test('without WebAssembly the snapshot stays, under a message that leads to the simple page', async () => {
  const s = await open(browser, { publish: true, locale: 'en-US' });
  try {
    await s.page.addInitScript(() => { delete window.WebAssembly; });
    await s.page.goto(s.server.url);
    await s.page.waitForSelector('#boot .no-app');
    assert.equal(await s.page.locator('#boot .no-app .no-app-title').innerText(), 'This phone’s browser cannot run the Bawaba app.', 'in the reader\'s language');
    assert.equal(await s.page.locator('#boot .no-app .simple-page').getAttribute('href'), 'static/en.html');
    const text = await s.page.locator('#boot').innerText();
    for (const name of await corridorNames('ar')) assert.ok(text.replace(/\s+/g, ' ').includes(name), `${name} still shown`);
    assert.equal(await s.page.locator('#boot .no-app + header, #boot .no-app ~ main').count(), 2, 'the message above the data');
    await screenshot(s.page, 'snapshot-no-wasm-en');
  } finally {
    await s.close();
  }
});

test('a widget does not show the snapshot: gone before the app starts', async () => {
  const s = await open(browser, { publish: true });
  try {
    // Deferred scripts (fallback.js) have run by DOMContentLoaded; the app's
    // module has not started yet.
    await s.page.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => { window.__sawSnapshot = Boolean(document.querySelector('#boot.snapshot')); });
    });
    await s.page.goto(s.server.url + '?embed=corridors&lang=en');
    await s.page.waitForSelector('.widget, .fatal', { timeout: 20000 });
    assert.equal(await s.page.evaluate(() => window.__sawSnapshot), false);
    assert.equal(await s.page.locator('#boot').count(), 0);
  } finally {
    await s.close();
  }
});

test('the worker installs the published index.html, and offline the app starts from it and takes over', async () => {
  const s = await open(browser, { publish: true });
  try {
    await s.goto('?lang=en');
    await settled(s.page);
    // ready resolves once a worker is active (activating or activated); its
    // cache is filled during install, before either.
    await s.page.evaluate(() => navigator.serviceWorker.ready);
    const cached = await s.page.evaluate(async () => {
      for (const name of await caches.keys()) {
        const hit = await (await caches.open(name)).match(new URL('index.html', location.href).href);
        if (hit) return hit.text();
      }
      return '';
    });
    assert.match(cached, /<div id="boot" class="snapshot"/, 'the cached shell is the published page');
    await s.page.context().setOffline(true);
    await s.page.reload();
    await s.page.waitForSelector('#view-title', { timeout: 20000 });
    await settled(s.page).catch(() => {});
    assert.equal(await s.page.locator('#boot').count(), 0);
    assert.ok(await s.page.locator('main .compact li').count() >= 1, 'the kept data drawn by the app');
  } finally {
    await s.page.context().setOffline(false);
    await s.close();
  }
});
