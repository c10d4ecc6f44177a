// The answer on the first screen of a small phone: on every data view, with
// the demo band and danger notices present, the first item's name and status
// (its state, and on the overview the open-now count) are on screen without scrolling,
// not under the tab bar; nothing scrolls sideways; every control is a thumb's
// size; the demo and danger bands open by keyboard.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, settled, noHorizontalScroll, screenshot, axeViolations } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// What must be seen first on each view: [selector, what it is].
const FIRST = {
  now: [['.summary .count', 'open-now count'], ['.summary .compact > li:first-child a', 'first crossing'], ['.summary .compact > li:first-child .badge-label', 'its status']],
  corridors: [['.cards > li:first-child h2', 'first crossing'], ['.cards > li:first-child .badge-label', 'its status']],
  distribution: [['.cards > li:first-child h2', 'first aid point'], ['.cards > li:first-child .badge-label', 'its status']],
  notices: [['.cards > li:first-child h2', 'first notice'], ['.cards > li:first-child .tags', 'its severity']],
  map: [['.map', 'the map']],
};

/** Where the screen ends for content: the tab bar's top when it is fixed at the bottom. */
const visibleBottom = () => {
  const bar = document.querySelector('.tabs');
  const fixed = bar && getComputedStyle(bar).position === 'fixed';
  return fixed ? bar.getBoundingClientRect().top : innerHeight;
};

for (const [width, height] of [[360, 640], [320, 568]]) {
  for (const lang of ['ar', 'en', 'he', 'fr']) {
    test(`first screen at ${width}×${height} in ${lang}: the first item is seen without scrolling`, async () => {
      const s = await open(browser, { width, height });
      try {
        for (const [view, wanted] of Object.entries(FIRST)) {
          await s.goto(`?lang=${lang}${view === 'now' ? '' : `&view=${view}`}`);
          await settled(s.page);
          assert.equal(await s.page.evaluate(() => scrollY), 0, 'not scrolled');
          assert.equal(await s.page.locator('.demo-banner').count(), 1, `demo band on ${view}`);
          assert.equal(await s.page.locator('.danger-banner').count(), 1, `danger band on ${view}`);
          for (const [selector, what] of wanted) {
            const box = await s.page.evaluate(([sel, bottom]) => {
              const r = document.querySelector(sel)?.getBoundingClientRect();
              // The map: enough of it to orient on; anything else: all of it.
              const need = sel === '.map' ? Math.min(r?.height ?? 0, 150) : r?.height ?? 0;
              return r && { top: r.top, bottom: r.top + need, limit: eval(`(${bottom})()`), w: r.width };
            }, [selector, visibleBottom.toString()]);
            assert.ok(box, `${what} on ${view}`);
            assert.ok(box.top >= 0 && box.bottom <= box.limit && box.w > 0,
              `${what} on ${view} (${lang}, ${width}×${height}) is on the first screen: top ${Math.round(box.top)}, bottom ${Math.round(box.bottom)}, screen ends at ${Math.round(box.limit)}`);
          }
          assert.ok(await noHorizontalScroll(s.page), `no horizontal scroll on ${view}`);
          const small = await s.page.evaluate(() =>
            [...document.querySelectorAll('.tabs a, .about-link, .lang-menu summary, .band, .band a, .filters summary, .card h2 a, .compact a, .more a, .refresh')]
              .filter((e) => e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden')
              .map((e) => [e.className || e.textContent.trim().slice(0, 20), Math.round(e.getBoundingClientRect().height)])
              .filter(([, h]) => h < 44),
          );
          assert.deepEqual(small, [], `tap targets of 44 px on ${view}`);
          if (width === 360) await screenshot(s.page, `first-${view}-${lang}-${width}`);
        }
        assert.deepEqual(s.guard.errors, []);
      } finally {
        await s.close();
      }
    });
  }
}

test('the tab bar: the current view marked, mirrored in Arabic, and first in focus order after the header', async () => {
  const s = await open(browser, { width: 360, height: 640 });
  try {
    for (const lang of ['en', 'ar']) {
      await s.goto(`?lang=${lang}&view=distribution`);
      await settled(s.page);
      const tabs = await s.page.evaluate(() => [...document.querySelectorAll('.tabs a')].map((a) => ({
        current: a.getAttribute('aria-current'), x: a.getBoundingClientRect().left, h: a.getBoundingClientRect().height,
      })));
      assert.equal(tabs.length, 5, 'now, crossings, aid, notices, map');
      assert.deepEqual(tabs.map((t) => t.current), [null, null, 'page', null, null], 'the current view marked for screen readers');
      assert.ok(tabs.every((t) => t.h >= 48), '48 px targets');
      const leftToRight = tabs.every((t, i) => i === 0 || t.x > tabs[i - 1].x);
      assert.equal(leftToRight, lang === 'en', `order ${lang === 'en' ? 'left to right' : 'mirrored, right to left'}`);
    }
    // Keyboard: after the skip link, name, "about" and the language come the tabs, then the page.
    await s.page.evaluate(() => document.activeElement.blur());
    const order = [];
    for (let i = 0; i < 9; i++) {
      await s.page.keyboard.press('Tab');
      order.push(await s.page.evaluate(() => document.activeElement.className || document.activeElement.tagName));
    }
    assert.deepEqual(order.slice(0, 4).map((c) => c.split(' ')[0]), ['skip-link', 'brand-link', 'about-link', 'SUMMARY']);
    assert.deepEqual(order.slice(4, 9), ['tab-now', 'tab-corridors', 'tab-distribution', 'tab-notices', 'tab-map']);
  } finally {
    await s.close();
  }
});

test('the demo and danger bands: one line each, whole by keyboard focus, and the language menu by keyboard', async () => {
  const s = await open(browser, { width: 360, height: 640 });
  try {
    await s.goto('?lang=en');
    await settled(s.page);
    const clipped = (sel) => s.page.evaluate((sel) => { const e = document.querySelector(sel); return e.scrollWidth > e.clientWidth + 1; }, sel);
    assert.ok(await clipped('.demo-banner'), 'the demo band is one line, cut');
    assert.equal(await s.page.locator('.danger-banner li').nth(1).isVisible(), false, 'only the first danger notice shows');
    assert.match(await s.page.locator('.danger-title').evaluate((e) => getComputedStyle(e, '::after').content), /2/, 'with the count');
    // Tab to the demo band: the whole sentence.
    let on = '';
    for (let i = 0; i < 20 && on !== 'demo'; i++) {
      await s.page.keyboard.press('Tab');
      on = await s.page.evaluate(() => (document.activeElement.classList.contains('demo-banner') ? 'demo' : ''));
    }
    assert.equal(on, 'demo', 'the demo band takes focus');
    assert.equal(await clipped('.demo-banner'), false, 'whole while focused');
    assert.match(await s.page.locator('.demo-banner').innerText(), /Do not use it to plan a journey/);
    // Next: the danger band, every notice.
    await s.page.keyboard.press('Tab');
    assert.ok(await s.page.evaluate(() => document.activeElement.classList.contains('danger-banner')));
    assert.equal(await s.page.locator('.danger-banner li').nth(1).isVisible(), true, 'every danger notice while focused');
    await s.page.keyboard.press('Tab');
    await s.page.keyboard.press('Tab');
    assert.equal(await s.page.locator('.danger-banner li').nth(1).isVisible(), true, 'still open on its second link');
    assert.match(await s.page.evaluate(() => document.activeElement.closest('.danger-banner li:nth-child(2)') ? 'second' : ''), /second/);
    await s.page.keyboard.press('Enter');
    await s.page.waitForURL(/view=notices&id=/);

    // The language menu: Enter opens it, the four languages each in its script, Enter on one switches.
    await s.goto('?lang=en');
    await settled(s.page);
    await s.page.locator('.lang-menu summary').focus();
    assert.match(await s.page.locator('.lang-menu summary').getAttribute('aria-label'), /^Language: English$/);
    await s.page.keyboard.press('Enter');
    const langs = await s.page.locator('.lang-menu a').evaluateAll((as) => as.map((a) => [a.lang, a.innerText]));
    assert.deepEqual(langs, [['ar', 'العربية'], ['en', 'English'], ['he', 'עברית'], ['fr', 'Français']]);
    await s.page.keyboard.press('Tab');
    await s.page.keyboard.press('Enter');
    await s.page.waitForFunction(() => document.documentElement.lang === 'ar');
    assert.equal(await s.page.locator('.lang-menu').getAttribute('open'), null, 'the menu closes once a language is chosen');
  } finally {
    await s.close();
  }
});

test('axe: no violations on the data views at 320×568 in Hebrew and French', async () => {
  const s = await open(browser, { width: 320, height: 568 });
  const failures = [];
  try {
    for (const lang of ['he', 'fr']) {
      for (const view of Object.keys(FIRST)) {
        await s.goto(`?lang=${lang}${view === 'now' ? '' : `&view=${view}`}`);
        await settled(s.page);
        for (const v of (await axeViolations(s.page)).violations) failures.push(`${lang} ${view}: ${v.id} ${v.help} — ${v.nodes[0]?.target.join(' ')}`);
      }
    }
  } finally {
    await s.close();
  }
  assert.deepEqual(failures, []);
});
