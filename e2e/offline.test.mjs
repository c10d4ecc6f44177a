// Offline first: the shell from the service worker, the last good copy of
// each feed on the device, and a bad update never replacing a good copy.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, settled, screenshot, cardTitles, deployment, envelope, testConfig, DIST, controlled, OPTIONAL } from './harness.mjs';
import { startServer } from './server.mjs';
import { mkdtemp, readFile, rename, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** How many feeds the demo deployment lists. */
const DEMO_FEEDS = JSON.parse(readFileSync(join(DIST, 'config.json'), 'utf8')).feeds.length;

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const SHELL = /\/(index\.html)?$|\.(js|wasm|css)$/;
/** The files the worker keeps only when asked (on a good connection, once
 * the page is idle: that may still be under way when a test reloads). */
const optional = (path) => OPTIONAL.some((f) => path.endsWith('/' + f));

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
    const shellHits = s.server.requests.filter((p) => SHELL.test(p) && !optional(p));
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
      await s.page.locator('.connection button.refresh').click();
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
    await s.page.locator('.connection button.refresh').click();
    await s.page.waitForFunction(() => !document.querySelector('.connection button.refresh[disabled]'));
    const feeds = s.server.answers.filter(([p]) => p.includes('/data/'));
    assert.equal(feeds.length, DEMO_FEEDS, JSON.stringify(s.server.answers));
    assert.ok(feeds.every(([, status]) => status === 304), JSON.stringify(feeds));
    assert.equal(await s.page.locator('.problem').count(), 0);
  } finally {
    await s.close();
  }
});

test('two deployments on one origin keep their own offline shell', async () => {
  // Two builds (different versions) under two paths of the same site.
  const root = await mkdtemp(join(tmpdir(), 'bawaba-origin-'));
  const sw = await readFile(join(DIST, 'sw.js'), 'utf8');
  for (const [path, version] of [['north', '1111111111111111'], ['south', '2222222222222222']]) {
    const dir = await deployment({ 'sw.js': sw.replace(/const VERSION = "[0-9a-f]+";/, `const VERSION = "${version}";`) });
    await rename(dir, join(root, path));
  }
  const server = await startServer({ dir: root, date: false });
  const context = await browser.newContext({ viewport: { width: 360, height: 760 } });
  const page = await context.newPage();
  await page.clock.setFixedTime(new Date('2026-11-24T10:00:00+02:00'));
  try {
    for (const path of ['north', 'south']) {
      await page.goto(server.url + path + '/?lang=en');
      await settled(page);
      await controlled(page);
    }
    const shells = await page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('bawaba-shell-')));
    assert.equal(shells.length, 2, JSON.stringify(shells));
    await context.setOffline(true);
    for (const path of ['north', 'south']) {
      await page.goto(server.url + path + '/?lang=en');
      await page.waitForSelector('.compact li', { timeout: 15000 });
    }
  } finally {
    await context.close();
    await server.close();
  }
});

for (const [label, answer] of [
  ['a captive portal\'s login page', { type: 'text/html', body: '<html><body>Log in to use this Wi-Fi</body></html>' }],
  ['a server error', { status: 503, type: 'text/html', body: 'Service unavailable' }],
]) {
  test(`the next start uses the kept config.json when the network answers with ${label}`, async () => {
    const s = await open(browser);
    try {
      await s.goto('?lang=en');
      await settled(s.page);
      await controlled(s.page);
      s.server.overrides['config.json'] = answer;
      // Only what the next starts ask counts: the first visit asked too.
      s.server.requests.length = 0;
      for (let visit = 0; visit < 2; visit++) {
        await s.page.reload();
        await s.page.waitForSelector('.compact li, .fatal', { timeout: 15000 });
        assert.equal(await s.page.locator('.fatal').count(), 0, 'the portal starts');
      }
      assert.ok(s.server.requests.some((p) => p.endsWith('/config.json')), 'the network was asked on the next starts, and its answer not used');
    } finally {
      await s.close();
    }
  });
}

test('a new deployment whose index.html does not load its files is not installed for offline use', async () => {
  // As when a CDN edge still serves the previous index.html: the worker's
  // list names a file that this index.html does not load.
  const sw = await readFile(join(DIST, 'sw.js'), 'utf8');
  const extra = 'bawaba-0123456789abcdef.js';
  const s = await open(browser, { files: { [extra]: '// a newer build', 'sw.js': sw.replace('const SHELL = [', `const SHELL = ["${extra}",`) } });
  await s.page.addInitScript(() => {
    const register = ServiceWorkerContainer.prototype.register;
    ServiceWorkerContainer.prototype.register = function (...args) {
      const registered = register.apply(this, args);
      window.__swInstall = registered.then((r) => new Promise((resolve) => {
        const w = r.installing || r.waiting || r.active;
        const settle = () => { if (w.state === 'redundant' || w.state === 'activated') resolve(w.state); };
        w.addEventListener('statechange', settle);
        settle();
      }), () => 'registration failed');
      return registered;
    };
  });
  try {
    await s.goto('?lang=en');
    await settled(s.page);
    // The install attempt's end, followed from the register() call the app
    // makes (a registration with no worker could also be the moment before
    // the install starts).
    const outcome = await s.page.waitForFunction(() => window.__swInstall, null, { timeout: 15000 }).then(() => s.page.evaluate(() => window.__swInstall));
    assert.equal(outcome, 'redundant', 'the new worker is discarded, not installed');
    assert.deepEqual(await s.page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('bawaba-shell-'))), []);
    assert.equal(await s.page.evaluate(() => navigator.serviceWorker.controller), null);
  } finally {
    await s.close();
  }
});

test('with a copy saved, a start asks the server: an answer from the browser cache is not shown as checked', async () => {
  // A CDN that lets browsers reuse feeds for an hour without asking.
  const s = await open(browser, { cacheControl: 'max-age=3600' });
  try {
    await s.goto('?view=notices&lang=en');
    await settled(s.page);
    await controlled(s.page);
    const titles = await cardTitles(s.page);
    await s.page.context().setOffline(true);
    await s.page.reload();
    await s.page.waitForSelector('.problem.held', { timeout: 15000 });
    assert.match(await s.page.locator('.problem.held').first().innerText(), /Could not update/);
    assert.deepEqual(await cardTitles(s.page), titles, 'the saved copy is shown');
  } finally {
    await s.close();
  }
});

test('an item corrected without a new updated_at shows the correction after a refresh', async () => {
  const corridor = (status) => [{ id: 'k', updated_at: '2026-11-24T06:00:00+02:00', name: { en: 'Kerem Shalom' }, type: 'crossing', status }];
  const s = await open(browser, { files: { 'config.json': testConfig(['data/corridors.json']) } });
  try {
    s.server.overrides['data/corridors.json'] = { body: JSON.stringify(envelope('corridors', corridor('open'))) };
    await s.goto('?view=corridors&lang=en');
    await settled(s.page);
    assert.match(await s.page.locator('.cards .badge').innerText(), /Open/);
    s.server.overrides['data/corridors.json'] = { body: JSON.stringify(envelope('corridors', corridor('closed'))) };
    await s.page.getByRole('button', { name: 'Refresh' }).click();
    await s.page.waitForFunction(() => /Closed/.test(document.querySelector('.cards .badge')?.textContent ?? ''), null, { timeout: 15000 });
  } finally {
    await s.close();
  }
});

test('a second tab never writes an older copy over the newer one another tab saved', async () => {
  const notice = (title) => [{ id: 'n', updated_at: '2026-11-24T06:00:00+02:00', title: { en: title }, category: 'water', severity: 'info', effective_at: '2026-11-24T06:00:00+02:00' }];
  const version = (title, published) => ({ body: JSON.stringify(envelope('notices', notice(title), { published_at: published })) });
  const s = await open(browser, { files: { 'config.json': testConfig(['data/notices.json']) } });
  try {
    s.server.overrides['data/notices.json'] = version('Version 1', '2026-11-24T06:00:00+02:00');
    await s.goto('?view=notices&lang=en');
    await settled(s.page);
    assert.deepEqual(await cardTitles(s.page), ['Version 1']);
    // Another tab opens after version 2 is published, and saves it.
    s.server.overrides['data/notices.json'] = version('Version 2', '2026-11-24T08:00:00+02:00');
    const other = await s.page.context().newPage();
    await other.clock.setFixedTime(new Date('2026-11-24T10:00:00+02:00'));
    await other.goto(s.server.url + '?view=notices&lang=en');
    await other.waitForFunction(() => document.querySelector('.cards h2')?.textContent.includes('Version 2'), null, { timeout: 15000 });
    // A lagging mirror now serves something in between; the first tab,
    // still showing version 1, refreshes.
    s.server.overrides['data/notices.json'] = version('Version 1.5', '2026-11-24T07:00:00+02:00');
    await s.page.locator('.connection button.refresh').click();
    await s.page.waitForSelector('.problem.held', { timeout: 15000 });
    assert.match(await s.page.locator('.problem.held').innerText(), /older version than the one already saved/);
    assert.deepEqual(await cardTitles(s.page), ['Version 2'], 'the newer saved copy is shown');
    await other.reload();
    await other.waitForSelector('.problem.held', { timeout: 15000 });
    assert.deepEqual(await cardTitles(other), ['Version 2'], 'and it is still the one saved');
  } finally {
    await s.close();
  }
});

test('coming back to the portal after five minutes checks the feeds; after one minute it does not', async () => {
  const s = await open(browser);
  try {
    await s.goto('?lang=en');
    await settled(s.page);
    const feedAnswers = () => s.server.answers.filter(([p]) => p.includes('/data/')).length;
    const comeBack = () =>
      s.page.evaluate(() => {
        // As the phone does when the reader switches back from another app.
        Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
        document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
      });
    const before = feedAnswers();
    await s.page.clock.setFixedTime(new Date(Date.parse('2026-11-24T10:01:00+02:00')));
    await comeBack();
    await s.page.waitForTimeout(1000);
    assert.equal(feedAnswers(), before, 'checked a minute ago: no request');
    await s.page.clock.setFixedTime(new Date(Date.parse('2026-11-24T10:06:00+02:00')));
    await comeBack();
    await s.page.waitForFunction(() => !document.querySelector('.connection button.refresh[disabled]'));
    await s.page.waitForLoadState('networkidle');
    assert.equal(feedAnswers(), before + DEMO_FEEDS, JSON.stringify(s.server.answers));
  } finally {
    await s.close();
  }
});

test('the connection coming back during a check that will time out is not ignored', async () => {
  const s = await open(browser, { files: { 'config.json': testConfig(['data/notices.json']) } });
  try {
    await s.goto('?view=notices&lang=en');
    await settled(s.page);
    s.server.overrides['data/notices.json'] = { hang: true };
    const asked = () => s.server.requests.filter((p) => p.endsWith('/data/notices.json')).length;
    const before = asked();
    await s.page.getByRole('button', { name: 'Refresh' }).click();
    await s.page.waitForSelector('.connection button.refresh[disabled]');
    // The connection comes back while that request hangs; then the server answers again.
    await s.page.evaluate(() => window.dispatchEvent(new Event('online')));
    delete s.server.overrides['data/notices.json'];
    // The hanging check times out (3 s here); one more check follows by
    // itself, and its answer clears the timeout's notice.
    await s.page.waitForTimeout(3500);
    await s.page.waitForFunction(() => !document.querySelector('.problem') && !document.querySelector('.connection button.refresh[disabled]'), null, { timeout: 10000 });
    assert.equal(asked(), before + 2, 'the hanging check and the one asked for meanwhile');
  } finally {
    await s.close();
  }
});

test('the offline copy answers for index.html by name, and feeds and config.json are never precompressed', async () => {
  // Hosts without rewrite rules may only serve a folder's page as
  // …/index.html; and a stale .br beside a replaced feed would hide it.
  const { existsSync } = await import('node:fs');
  for (const f of ['config.json', 'data/corridors.json', 'data/distribution.json', 'data/notices.json']) {
    assert.ok(existsSync(join(DIST, f)), f);
    assert.ok(!existsSync(join(DIST, f + '.br')) && !existsSync(join(DIST, f + '.gz')), `${f} has no precompressed copy`);
  }
  assert.ok(existsSync(join(DIST, 'index.html.br')), 'the shell is precompressed');
  // This host answers only …/index.html, not the folder's address.
  const s = await open(browser, { base: '/ngo/portal/', overrides: { '': { status: 404, type: 'text/plain', body: 'Not found' } } });
  try {
    await s.goto('index.html?lang=en');
    await settled(s.page);
    await controlled(s.page);
    await s.page.context().setOffline(true);
    for (const address of ['index.html?view=distribution&lang=en', '?view=distribution&lang=en']) {
      await s.page.goto(s.server.url + address);
      await s.page.waitForSelector('.cards > li', { timeout: 15000 });
    }
  } finally {
    await s.close();
  }
});
