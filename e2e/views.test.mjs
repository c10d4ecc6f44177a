// Every view, in every language, on a 360 px phone, with the demo deployment
// as shipped: right language and direction, demo banner, danger banner, no
// page errors, no horizontal scroll, and no request to any other host.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, settled, noHorizontalScroll, screenshot, chooseLanguage } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const LANGS = {
  ar: { dir: 'rtl', nav: 'المعابر', demo: 'بيانات تجريبية' },
  en: { dir: 'ltr', nav: 'Crossings', demo: 'DEMO DATA' },
  he: { dir: 'rtl', nav: 'מעברים', demo: 'נתוני הדגמה' },
  fr: { dir: 'ltr', nav: 'Passages', demo: 'DONNÉES DE DÉMONSTRATION' },
};
const VIEWS = ['', 'corridors', 'distribution', 'notices', 'map', 'about', 'embed'];

for (const [lang, expect] of Object.entries(LANGS)) {
  test(`all views in ${lang}`, async () => {
    const s = await open(browser);
    try {
      for (const view of VIEWS) {
        await s.goto(`?lang=${lang}${view ? `&view=${view}` : ''}`);
        await settled(s.page);
        const html = await s.page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]);
        assert.deepEqual(html, [lang, expect.dir], `<html lang dir> on ${view || 'now'}`);
        const banner = s.page.locator('.demo-banner');
        assert.equal(await banner.count(), 1, `demo banner on ${view || 'now'}`);
        assert.ok((await banner.innerText()).includes(expect.demo), `demo banner in ${lang} on ${view || 'now'}`);
        assert.ok(await s.page.locator('.danger-banner li').count() >= 1, `danger banner on ${view || 'now'}`);
        assert.ok(await noHorizontalScroll(s.page), `no horizontal scroll at 360px on ${view || 'now'} (${lang})`);
        const title = (await s.page.locator('#view-title').innerText()).trim();
        assert.ok(title.length > 0, 'a heading');
        if (lang === 'ar' || lang === 'he') {
          assert.ok(!/[A-Za-z]{4,}/.test(title), `heading is translated on ${view || 'now'}: ${title}`);
        }
        assert.ok((await s.page.locator('.main-nav').innerText()).includes(expect.nav), `menu in ${lang} on ${view || 'now'}`);
        await screenshot(s.page, `${view || 'now'}-${lang}`);
      }
      assert.deepEqual(s.guard.errors, [], 'no page errors');
      assert.deepEqual(s.guard.foreign, [], 'no request to any other host');
    } finally {
      await s.close();
    }
  });
}

test('the optimised release build loads and renders cards (catches a broken wasm-opt)', async () => {
  const s = await open(browser);
  try {
    await s.goto('?view=distribution&lang=en');
    await settled(s.page);
    assert.ok((await s.page.locator('.cards > li').count()) >= 10, 'distribution cards rendered');
    assert.deepEqual(s.guard.errors, []);
  } finally {
    await s.close();
  }
});

test('language: browser languages on first visit, then the saved choice', async () => {
  const s = await open(browser, { locale: 'fr-FR' });
  try {
    await s.goto('');
    assert.equal(await s.page.evaluate(() => document.documentElement.lang), 'fr', 'follows navigator.languages');
    await chooseLanguage(s.page, 'he');
    assert.deepEqual(await s.page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]), ['he', 'rtl']);
    assert.match(s.page.url(), /lang=he/);
    await s.page.goto(s.server.url);
    await s.page.waitForSelector('#view-title');
    assert.equal(await s.page.evaluate(() => document.documentElement.lang), 'he', 'choice remembered');
  } finally {
    await s.close();
  }
});

test('language: default_language when the browser offers none of ours', async () => {
  const s = await open(browser, { locale: 'de-DE' });
  try {
    await s.goto('');
    assert.deepEqual(await s.page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]), ['ar', 'rtl']);
  } finally {
    await s.close();
  }
});

test('navigation keeps state in the address, back button works, focus moves to the heading', async () => {
  const s = await open(browser);
  try {
    await s.goto('?lang=en');
    await s.page.locator('.main-nav a', { hasText: 'Notices' }).click();
    assert.match(s.page.url(), /view=notices/);
    // Focus moves once the new view is drawn, a frame or more after the tap
    // (src/page.rs): waited for, as a slow phone would take its time.
    await s.page.waitForFunction(() => document.activeElement?.id === 'view-title', null, { timeout: 5000 });
    await s.page.goBack();
    await s.page.waitForFunction(() => !location.search.includes('view=notices'));
    assert.equal((await s.page.locator('#view-title').innerText()).trim(), 'Now');
  } finally {
    await s.close();
  }
});

test('tap targets are at least 44 px tall', async () => {
  const s = await open(browser);
  try {
    for (const view of ['?lang=ar', '?view=distribution&lang=en', '?view=about&lang=ar', '?view=notices&lang=fr']) {
      await s.goto(view);
      await settled(s.page);
      const small = await s.page.evaluate(() =>
        [...document.querySelectorAll('.lang-switch a, .main-nav a, .card h2 a, select, .more a, .back a, .danger-banner a, .links a, .compact a, summary, .note a, #search, .filter.check label, .near button')]
          .filter((e) => e.getClientRects().length)
          .map((e) => [e.textContent.trim().slice(0, 30), e.getBoundingClientRect().height])
          .filter(([, h]) => h < 43.5),
      );
      assert.deepEqual(small, [], `small tap targets on ${view}`);
    }
  } finally {
    await s.close();
  }
});
