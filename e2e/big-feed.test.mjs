// A 10,000-point feed beside the demo's second publisher: a fixed set of
// filters and searches finds exactly what it found before the large-feed
// work (the same cards in the same order, the same count), whether the
// filter comes from the address or is chosen and typed in the page. The
// expected lists were read from the build of 5c4bdb1, before it; a change
// that makes lists faster must not change what they say.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, settled, cardTitles, openFilters } from './harness.mjs';
import { generateDistribution } from '../tools/benchdata.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// Query → [how many match ("of N" under the list, or the cards when all fit), the first cards' titles].
const EXPECTED = {
  '': [10002, ['Distribution point 1', 'Distribution point 3', 'Distribution point 5', 'Distribution point 11', 'Distribution point 12', 'Distribution point 13', 'Distribution point 14', 'Distribution point 15', 'Distribution point 17', 'Distribution point 20']],
  'area=rafah': [2000, ['Distribution point 14', 'Distribution point 64', 'Distribution point 84', 'Distribution point 94', 'Distribution point 104', 'Distribution point 109', 'Distribution point 114', 'Distribution point 119', 'Distribution point 134', 'Distribution point 139']],
  'area=gaza&service=water': [595, ['Distribution point 111', 'Distribution point 121', 'Distribution point 196', 'Distribution point 206', 'Distribution point 276', 'Distribution point 296', 'Distribution point 361', 'Distribution point 536', 'Distribution point 781', 'Distribution point 821']],
  'open=1': [4363, ['Distribution point 1', 'Distribution point 3', 'Distribution point 5', 'Distribution point 11', 'Distribution point 12', 'Distribution point 13', 'Distribution point 14', 'Distribution point 15', 'Distribution point 17', 'Distribution point 20']],
  'open=1&area=north_gaza&service=medical': [274, ['Distribution point 70', 'Distribution point 85', 'Distribution point 110', 'Distribution point 160', 'Distribution point 180', 'Distribution point 185', 'Distribution point 205', 'Distribution point 230', 'Distribution point 375', 'Distribution point 385']],
  'q=12': [398, ['Distribution point 12', 'Distribution point 109', 'Distribution point 112', 'Distribution point 121', 'Distribution point 122', 'Distribution point 125', 'Distribution point 206', 'Distribution point 212', 'Distribution point 303', 'Distribution point 400']],
  'q=point%20123': [20, ['Distribution point 1231', 'Distribution point 1235', 'Distribution point 1237', 'Distribution point 2123', 'Distribution point 4123', 'Distribution point 5123', 'Distribution point 7123', 'Distribution point 8123', 'Distribution point 123', 'Distribution point 1123']],
  'q=school%2042&area=khan_younis': [59, ['Distribution point 423', 'Distribution point 1788', 'Distribution point 2423', 'Distribution point 3243', 'Distribution point 3423', 'Distribution point 3428', 'Distribution point 3728', 'Distribution point 4203', 'Distribution point 4218', 'Distribution point 4223']],
  'service=fuel&q=9': [1392, ['Distribution point 92', 'Distribution point 119', 'Distribution point 139', 'Distribution point 149', 'Distribution point 169', 'Distribution point 189', 'Distribution point 196', 'Distribution point 273', 'Distribution point 283', 'Distribution point 287']],
};
const QUERIES = ['', 'area=rafah', 'area=gaza&service=water', 'open=1', 'open=1&area=north_gaza&service=medical', 'q=12', 'q=point%20123', 'q=school%2042&area=khan_younis', 'service=fuel&q=9'];

/** What the list says once every feed is in: how many match, and the titles of the cards drawn. */
async function listed(page) {
  await settled(page);
  // No feed still being fetched or checked (the refresh button is disabled while one is).
  await page.waitForFunction(() => !document.querySelector('.connection button.refresh[disabled]') && (document.querySelector('.cards li') || document.querySelector('.empty')), null, { timeout: 60000 });
  const titles = await cardTitles(page);
  const more = await page.locator('.show-more span').count();
  const total = more ? Number((await page.locator('.show-more span').textContent()).replace(/[^\d\s]/g, ' ').trim().split(/\s+/).pop()) : titles.length;
  return [total, titles];
}

test('a 10,000-point feed: filters and searches find the same places in the same order as before', { timeout: 180000 }, async () => {
  const s = await open(browser, { files: { 'data/distribution.json': JSON.stringify(generateDistribution(10000)) } });
  try {
    const found = {};
    for (const q of QUERIES) {
      await s.goto(`?view=distribution&lang=en${q ? '&' + q : ''}`);
      found[q] = await listed(s.page);
    }
    if (process.env.BIG_FEED_RECORD) console.log(JSON.stringify(found, null, 1));
    assert.deepEqual(found, EXPECTED);

    // The same, chosen in the page and typed a key at a time.
    await s.goto('?view=distribution&lang=en');
    await settled(s.page);
    await openFilters(s.page);
    await s.page.locator('#area-filter').selectOption('khan_younis');
    await s.page.waitForURL(/area=khan_younis/);
    await s.page.locator('#search').focus();
    await s.page.keyboard.type('school 42', { delay: 30 });
    await s.page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'school 42');
    assert.deepEqual(await listed(s.page), EXPECTED['q=school%2042&area=khan_younis'], 'chosen and typed');
    assert.deepEqual(s.guard.errors, []);
  } finally {
    await s.close();
  }
});
