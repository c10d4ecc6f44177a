// A phone whose clock is wrong (issue 13): after a blackout or a flat
// battery many phones restart years off. With the server's time (an HTTP
// Date header) the portal corrects it; without, when the clock is before the
// newest publication, every view says so and none says "open now" or
// "closed now": statuses as published, as a page read later.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, settled, screenshot, TUESDAY_10, controlled } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** A phone reset to the first of January 2020. */
const RESET = '2020-01-01T09:00:00+02:00';

test('without the server’s time, a clock before the newest publication is said to be wrong and no view claims "open now"', async () => {
  const s = await open(browser, { time: RESET });
  try {
    await s.goto('?lang=en');
    await settled(s.page);
    const band = await s.page.locator('.warning.clock').innerText();
    assert.match(band, /^Your phone’s clock seems wrong: it says Wed 1 Jan 2020 09:00\./, band);
    // The overview: no count of what is open now; each crossing as published.
    assert.equal(await s.page.locator('.summary .count:visible').count(), 0);
    const lines = await s.page.locator('.summary .compact li .badge-label').allInnerTexts();
    assert.ok(lines.length > 0 && lines.every((l) => /^Status as published: /.test(l)), lines.join(' | '));
    // The dangers in effect by the newest publication still show.
    assert.equal(await s.page.locator('.danger-banner').count(), 1);
    assert.doesNotMatch(await s.page.locator('.danger-banner').innerText(), /Starts/, 'in effect by the newest publication, not "starts" by the phone');
    await screenshot(s.page, 'clock-wrong-360-en');
    for (const view of ['corridors', 'distribution', 'map', 'print']) {
      await s.goto(`?lang=en&view=${view}`);
      await settled(s.page);
      assert.equal(await s.page.locator('.warning.clock').count(), 1, `the band on ${view}`);
      // The map's legend explains its symbols ("Open now" is a green circle): not a claim.
      const text = await s.page.evaluate(() => document.querySelector('main').innerText.replace(document.querySelector('.legend')?.innerText ?? '', '')
        + [...document.querySelectorAll('main [aria-label]')].map((e) => e.getAttribute('aria-label')).join(' '));
      assert.doesNotMatch(text, /Open now|Closed now|Opens /, `no claim about now on ${view}`);
    }
    await s.goto('?lang=en&view=distribution&id=shati-camp-bakery');
    await settled(s.page);
    assert.match(await s.page.locator('.cards .badge-label').innerText(), /^Status as published: Open$/);
    assert.deepEqual(s.guard.errors, []);

    await s.goto('?lang=ar');
    await settled(s.page);
    assert.match(await s.page.locator('.warning.clock').innerText(), /^يبدو أن ساعة هاتفك غير صحيحة: تشير إلى .*٢٠٢٠/);
    await screenshot(s.page, 'clock-wrong-360-ar');
  } finally {
    await s.close();
  }
});

test('with the server’s time (a Date header), the wrong clock is corrected and "open now" is back', async () => {
  const s = await open(browser, { time: RESET, date: new Date(TUESDAY_10) });
  try {
    await s.goto('?lang=en&view=distribution&id=shati-camp-bakery');
    await settled(s.page);
    // The first copies may come from a cache; the portal asks the server again.
    await s.page.waitForFunction(() => !document.querySelector('.warning.clock'), null, { timeout: 15000 });
    await s.page.waitForFunction(() => /Open now/.test(document.querySelector('.cards .badge-label')?.innerText ?? ''), null, { timeout: 15000 });
    assert.match(await s.page.locator('.cards .badge-label').innerText(), /^Open now/, 'Tuesday 10:00 by the server: the bakery (07:00–11:00) is open');
    // Ages by the server's time (updated at 08:20 that day), not the phone's 2020.
    assert.match(await s.page.locator('.cards .updated').innerText(), /^Updated 1 hour ago/);
  } finally {
    await s.close();
  }
});

test('offline, with the copies kept, a clock reset after a blackout is said to be wrong', async () => {
  const s = await open(browser);
  try {
    await s.goto('?lang=en&view=corridors');
    await settled(s.page);
    await controlled(s.page);
    assert.equal(await s.page.locator('.warning.clock').count(), 0, 'a right clock is not questioned');
    assert.match(await s.page.locator('main').innerText(), /Open now|Closed now/);
    await s.page.context().setOffline(true);
    await s.page.clock.setFixedTime(new Date(RESET));
    await s.page.reload();
    await s.page.waitForSelector('.cards > li', { timeout: 15000 });
    assert.equal(await s.page.locator('.connection.offline').count(), 1);
    assert.match(await s.page.locator('.warning.clock').innerText(), /it says Wed 1 Jan 2020/);
    assert.doesNotMatch(await s.page.locator('main').innerText(), /Open now|Closed now/);
    await s.page.context().setOffline(false);
  } finally {
    await s.close();
  }
});
