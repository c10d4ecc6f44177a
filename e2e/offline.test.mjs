// Offline first: the shell from the service worker, the last good copy of
// each feed on the device, and a bad update never replacing a good copy.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, settled, screenshot, cardTitles } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function controlled(page) {
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  if (!(await page.evaluate(() => !!navigator.serviceWorker.controller))) {
    await page.reload();
    await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 10000 });
  }
}

const SHELL = /\/(index\.html)?$|\.(js|wasm|css)$/;

test('a repeat visit loads the shell from the service worker, with no network bytes for it (under a sub-path)', async () => {
  const s = await open(browser, { base: '/ngo/gaza/portal/' });
  try {
    await s.goto('?lang=en');
    await settled(s.page);
    await controlled(s.page);
    s.server.requests.length = 0;
    const viaWorker = [];
    s.page.on('response', (r) => { if (SHELL.test(new URL(r.url()).pathname)) viaWorker.push([r.url(), r.fromServiceWorker()]); });
    await s.page.reload();
    await s.page.waitForSelector('.compact li');
    const shellHits = s.server.requests.filter((p) => SHELL.test(p));
    assert.deepEqual(shellHits, [], 'no shell request reached the server');
    assert.ok(viaWorker.some(([u]) => u.endsWith('.wasm')), 'the wasm was requested');
    assert.ok(viaWorker.every(([, sw]) => sw), JSON.stringify(viaWorker));
    assert.deepEqual(s.guard.errors, []);
  } finally {
    await s.close();
  }
});

test('with no connection at all, the portal opens with the saved information', async () => {
  const s = await open(browser);
  try {
    await s.goto('?view=distribution&lang=ar');
    await settled(s.page);
    await controlled(s.page);
    const before = await s.page.locator('.cards > li').count();
    await s.page.context().setOffline(true);
    await s.page.reload();
    await s.page.waitForSelector('.cards > li', { timeout: 15000 });
    assert.equal(await s.page.locator('.cards > li').count(), before, 'same items as online');
    assert.equal(await s.page.evaluate(() => document.documentElement.lang), 'ar');
    assert.match(await s.page.locator('.connection').innerText(), /[\u0600-\u06FF]/);
    assert.equal(await s.page.locator('.connection.offline').count(), 1, 'offline is shown');
    assert.equal(await s.page.locator('.demo-banner').count(), 1, 'still labelled demo');
    await screenshot(s.page, 'offline-ar');
    // Back online: it checks again by itself.
    await s.page.context().setOffline(false);
    await s.page.waitForSelector('.connection:not(.offline)');
  } finally {
    await s.close();
  }
});

const broken = [
  ['HTTP error', { status: 500, body: 'oops' }, /error 500/],
  ['invalid JSON', { body: '{"format": "bawaba-feed/1", "kind": ' }, /damaged/],
  ['unknown version', { body: JSON.stringify({ format: 'bawaba-feed/9', kind: 'notices', items: [] }) }, /bawaba-feed\/9/],
  ['timeout', { hang: true }, /took too long/],
];

for (const [label, override, reason] of broken) {
  test(`a bad update (${label}) never replaces the good copy, and says why`, async () => {
    const s = await open(browser, { files: { 'config.json': { ...(await import('./harness.mjs')).testConfig(['data/corridors.json', 'data/distribution.json', 'data/notices.json']), site_name: { en: 'Bawaba' } } } });
    try {
      await s.goto('?view=notices&lang=en');
      await settled(s.page);
      const titles = await cardTitles(s.page);
      assert.ok(titles.length > 3);
      s.server.overrides['data/notices.json'] = override;
      await s.page.locator('button.refresh').click();
      await s.page.waitForSelector('.problem.held', { timeout: 15000 });
      const problem = await s.page.locator('.problem.held').innerText();
      assert.match(problem, /Could not update “data\/notices\.json”/);
      assert.match(problem, reason);
      assert.match(problem, /saved on this phone, received just now/);
      assert.deepEqual(await cardTitles(s.page), titles, 'the good copy stays');
      // And after a reload, the good copy is what the device shows first.
      await s.page.reload();
      await s.page.waitForSelector('.problem.held', { timeout: 15000 });
      assert.deepEqual(await cardTitles(s.page), titles);
    } finally {
      await s.close();
    }
  });
}

test('the web app manifest makes it installable', async () => {
  const s = await open(browser);
  try {
    await s.goto('?lang=en');
    const manifest = await s.page.evaluate(async () => {
      const href = document.querySelector('link[rel=manifest]').href;
      return (await fetch(href)).json();
    });
    assert.equal(manifest.display, 'standalone');
    assert.equal(manifest.lang, 'ar');
    assert.ok(manifest.icons.some((i) => i.sizes === '512x512'));
    assert.ok(manifest.theme_color);
  } finally {
    await s.close();
  }
});

test('refreshing unchanged feeds costs a 304 each (conditional requests)', async () => {
  const s = await open(browser);
  try {
    await s.goto('?lang=en');
    await settled(s.page);
    s.server.answers.length = 0;
    await s.page.locator('button.refresh').click();
    await s.page.waitForFunction(() => !document.querySelector('button.refresh[disabled]'));
    const feeds = s.server.answers.filter(([p]) => p.includes('/data/'));
    assert.equal(feeds.length, 3, JSON.stringify(s.server.answers));
    assert.ok(feeds.every(([, status]) => status === 304), JSON.stringify(feeds));
    assert.equal(await s.page.locator('.problem').count(), 0);
  } finally {
    await s.close();
  }
});
