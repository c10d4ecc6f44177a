// The wasm carries English only; Arabic, Hebrew and French come as bundles
// (crates/ui/src/i18n/mod.rs): a reader fetches the words of their own
// language, the installed portal has all of them offline, and a bundle that
// cannot be had leaves the portal readable in English.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launch, open, settled, chooseLanguage, DIST, keptAll } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const index = await readFile(join(DIST, 'index.html'), 'utf8');
const bundles = Object.fromEntries(index.match(/name="bawaba-strings" content="([^"]+)"/)[1].split(' ').map((n) => [n.slice(5, 7), n]));
/** The bundles the page itself asks for (the service worker then keeps all of them, in the background). */
function pageFetches(page) {
  const names = [];
  page.on('request', (r) => { if (!r.serviceWorker() && r.url().includes('/i18n-')) names.push(r.url().split('/').pop()); });
  return names;
}

test('a Hebrew reader fetches the Hebrew words and no other language\'s but the preloaded default', async () => {
  const s = await open(browser, { locale: 'he' });
  try {
    const fetched = pageFetches(s.page);
    await s.goto('?view=corridors&lang=he');
    await settled(s.page);
    assert.equal(await s.page.getAttribute('html', 'lang'), 'he');
    assert.equal(await s.page.locator('#view-title').innerText(), 'מעברים ודרכים');
    assert.deepEqual([...new Set(fetched)].sort(), [bundles.ar, bundles.he].sort(), 'the default language is preloaded by index.html');
    assert.deepEqual(s.guard.errors, []);
  } finally {
    await s.close();
  }
});

test('a language whose words cannot be fetched: the page is in English, marked as English, and works', async () => {
  const s = await open(browser, { locale: 'fr', overrides: { [bundles.fr]: { status: 404, body: 'gone' } } });
  try {
    await s.goto('?view=distribution&lang=fr');
    await settled(s.page);
    assert.equal(await s.page.getAttribute('html', 'lang'), 'en');
    assert.equal(await s.page.getAttribute('html', 'dir'), 'ltr');
    assert.equal(await s.page.locator('#view-title').innerText(), 'Aid points');
    assert.ok((await s.page.locator('.card').count()) > 3);
    // Choosing Arabic still works: its bundle is there.
    await chooseLanguage(s.page, 'ar');
    await s.page.waitForFunction(() => document.documentElement.lang === 'ar');
    assert.equal(await s.page.locator('#view-title').innerText(), 'نقاط المساعدات');
  } finally {
    await s.close();
  }
});

test('installed, the portal changes language with no network: every bundle is kept with the app', async () => {
  const s = await open(browser, { locale: 'en' });
  try {
    const fetched = pageFetches(s.page);
    await s.goto('?lang=en');
    await settled(s.page);
    await s.page.evaluate(async () => { await navigator.serviceWorker.ready; });
    assert.ok(!fetched.includes(bundles.fr), 'French not fetched by the page of an English reader');
    // Kept in the background once the page is idle (on a fast link): on a
    // busy machine that can take longer than going offline does.
    await keptAll(s.page, Object.values(bundles));
    await s.page.context().setOffline(true);
    await chooseLanguage(s.page, 'fr');
    await s.page.waitForFunction(() => document.documentElement.lang === 'fr');
    assert.match(await s.page.locator('.main-nav').innerText(), /Avis/);
    await s.page.reload();
    await s.page.waitForSelector('#view-title');
    assert.equal(await s.page.getAttribute('html', 'lang'), 'fr');
  } finally {
    await s.close();
  }
});
