// A first visit over a slow link (Gaza's 2G, which browsers report as '3g'),
// and what the phone can do offline after it (issue 27): every file crosses
// the link once, nothing optional is fetched unasked, the views outside the
// shell say so offline until opened once online, and "Pass it on" can be made
// ready for a blackout. After a visit on a good connection, every view opens
// offline.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, settled, screenshot, controlled, keptAll, OPTIONAL, DIST } from './harness.mjs';
import { readdirSync } from 'node:fs';
import { hostCaching } from './server.mjs';

let good;
let slow;
before(async () => {
  good = await launch();
  slow = await launch(['--force-effective-connection-type=3G']);
});
after(async () => {
  await good?.close();
  await slow?.close();
});

/** A page on a throttled link: slower than the test machine, so a second
 * download would cost something, but quick enough for the suite. */
async function throttle(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 300, downloadThroughput: 200 * 1024, uploadThroughput: 50 * 1024 });
}

const VIEWS = [
  ['map', '?view=map', 'svg.map .gov'],
  ['widget builder', '?view=embed', '.snippet textarea'],
  ['printable page', '?view=print&area=gaza', '.print-page'],
  ['poster', '?view=print&id=kerem-shalom', 'article.poster'],
  ['about the data', '?view=about', 'section.pass'],
];

test('on a slow link, a first visit downloads each file once and nothing optional', async () => {
  // Hosted as the README asks (hashed names cached for a year), published.
  // The phone's own clock (time: false): Playwright's fake one hides
  // Resource Timing, whose names the page gives the worker (public/sw.js).
  const s = await open(slow, { publish: true, cacheControl: hostCaching, time: false });
  try {
    await throttle(s.page);
    assert.equal(await s.page.evaluate(() => navigator.connection.effectiveType), '3g');
    await s.goto('?lang=ar');
    await settled(s.page);
    await s.page.evaluate(async () => { await navigator.serviceWorker.ready; });
    assert.ok(await s.page.evaluate(() => performance.getEntriesByType('resource').length > 5), 'the page can name what it fetched');
    // The worker's install and anything it would fetch after.
    await new Promise((r) => setTimeout(r, 3000));
    const bodies = s.server.answers.filter(([, status]) => status === 200).map(([path]) => path);
    assert.deepEqual(bodies.filter((p, i) => bodies.indexOf(p) !== i), [], 'no file downloaded twice: ' + bodies.join(' '));
    assert.deepEqual(OPTIONAL.filter((f) => s.server.requests.some((p) => p.endsWith('/' + f))), [], 'nothing optional');
    assert.ok(bodies.some((p) => p.endsWith('_bg.wasm')), 'the app was downloaded');
    assert.deepEqual(s.guard.errors, []);
  } finally {
    await s.close();
  }
});

test('offline after a visit on a slow link: a view never opened says once that it needs a connection, in Arabic and English; the lists open', async () => {
  const s = await open(slow, { publish: true });
  try {
    await s.goto('?lang=ar');
    await settled(s.page);
    await controlled(s.page);
    await s.page.context().setOffline(true);
    for (const lang of ['ar', 'en']) {
      await s.goto(`?view=map&lang=${lang}`);
      const problem = s.page.locator('main .problem[role=alert]');
      await problem.waitFor({ timeout: 15000 });
      const text = await problem.innerText();
      assert.match(text, lang === 'ar' ? /تحتاج هذه الصفحة إلى اتصال/ : /needs a connection the first time/);
      assert.equal(await s.page.locator('main .problem[role=alert]').count(), 1, 'said once');
      assert.equal(await s.page.locator('svg.map').count(), 0, 'no half-styled map');
      await screenshot(s.page, `part-offline-${lang}`);
      await s.goto(`?view=corridors&lang=${lang}`);
      await s.page.waitForSelector('.cards > li', { timeout: 15000 });
    }
    // Back online, "Try again" opens it.
    await s.goto('?view=map&lang=en');
    await s.page.locator('main .problem[role=alert]').waitFor();
    await s.page.context().setOffline(false);
    await s.page.getByRole('button', { name: 'Try again' }).click();
    await s.page.waitForSelector('svg.map .gov', { timeout: 15000 });
  } finally {
    await s.close();
  }
});

test('on a slow link "Pass it on" says it needs a connection first, with its size; made ready, it works offline', async () => {
  const s = await open(slow, { publish: true });
  try {
    await s.goto('?view=about&lang=ar');
    await settled(s.page);
    await controlled(s.page);
    const section = s.page.locator('section.pass');
    const needs = section.locator('p', { hasText: 'يحتاج إنشاء الصفحة إلى اتصال' });
    await needs.waitFor({ timeout: 15000 });
    const kb = Number((await needs.innerText()).match(/[0-9٠-٩]+/)[0].replace(/[٠-٩]/g, (d) => '٠١٢٣٤٥٦٧٨٩'.indexOf(d)));
    assert.ok(kb > 10 && kb < 400, `the writer's size in KB: ${kb}`);
    await section.scrollIntoViewIfNeeded();
    await screenshot(s.page, 'pass-not-offline-ar');
    await section.getByRole('button', { name: 'نزّل ما يلزمه الآن' }).click();
    await section.locator('p.verified').waitFor({ timeout: 15000 });
    assert.match(await section.locator('p.verified').innerText(), /يعمل دون اتصال/);
    await s.page.context().setOffline(true);
    await s.goto('?view=about&lang=en');
    await section.locator('p.verified', { hasText: 'works without a connection' }).waitFor({ timeout: 15000 });
    await section.getByRole('button', { name: 'Make the page' }).click();
    await section.locator('a[download]').waitFor({ timeout: 15000 });
    await screenshot(s.page, 'pass-ready-offline-en');
    assert.deepEqual(s.guard.errors, []);
  } finally {
    await s.close();
  }
});

test('offline after a visit on a good connection, every view opens', async () => {
  const s = await open(good, { publish: true });
  try {
    await s.goto('?lang=en');
    await settled(s.page);
    await controlled(s.page);
    await keptAll(s.page, OPTIONAL);
    await s.page.context().setOffline(true);
    for (const [name, query, selector] of VIEWS) {
      await s.goto(query + '&lang=en');
      await s.page.waitForSelector(selector, { timeout: 15000 }).catch(async () => {
        await screenshot(s.page, 'failed-offline-view');
        assert.fail(`${name} did not open offline`);
      });
      assert.equal(await s.page.locator('main .problem[role=alert]').count(), 0, name);
    }
    // The poster's QR code comes from its module, kept too.
    await s.goto('?view=print&id=kerem-shalom&lang=en');
    await s.page.waitForSelector('article.poster svg.qr', { timeout: 15000 });
    assert.deepEqual(s.guard.errors, []);
  } finally {
    await s.close();
  }
});

test('online, a view whose part is not on the server (a newer deployment since the page was opened) says to reload, not that it needs a connection; reloading works', async () => {
  const overrides = {};
  const s = await open(slow, { publish: true, overrides });
  try {
    const map = readdirSync(DIST).find((f) => /^part-map-[0-9a-f]{16}\.wasm$/.test(f));
    assert.ok(map, 'the map is a part of its own');
    for (const [lang, says] of [['ar', /ربما حُدِّثت البوابة منذ فتحتها/], ['en', /The portal may have been updated since you opened it/]]) {
      await s.goto(`?lang=${lang}`);
      await settled(s.page);
      overrides[map] = { status: 404 };
      // As a reader opens it: the tab, inside the open app.
      await s.page.locator('a[href*="view=map"]').first().click();
      const problem = s.page.locator('main .problem[role=alert]');
      await problem.waitFor({ timeout: 15000 });
      assert.match(await problem.innerText(), says);
      assert.equal(await s.page.locator('main .problem').count(), 1, 'said once');
      await screenshot(s.page, `part-gone-${lang}`);
      delete overrides[map];
    }
    await s.page.getByRole('button', { name: 'Reload' }).click();
    await s.page.waitForSelector('svg.map .gov', { timeout: 20000 });
    // The link module of the parts logs each refused part (the two 404s
    // above); nothing else went wrong.
    assert.deepEqual(s.guard.errors.filter((e) => !/WebAssembly': HTTP status code is not ok/.test(e)), []);
    assert.equal(s.guard.errors.length, 2);
  } finally {
    await s.close();
  }
});
