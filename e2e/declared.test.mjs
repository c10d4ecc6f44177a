// The status a publisher declared, on every view that shows it: an aid
// point that is suspended, out of stock or moved never reads as plain
// "Closed" (or "Closed now" where it used to be), a restricted crossing is
// counted apart from the open ones, and shared text follows the language's
// colon rule.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, settled, envelope, testConfig } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const base = (id) => ({ id, updated_at: '2026-11-24T06:00:00+02:00' });
const name = (en, ar = en) => ({ en, ar, fr: en });
const always = [{ days: ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'], open: '00:00', close: '00:00' }];

const files = {
  'config.json': testConfig(['data/corridors.json', 'data/distribution.json']),
  'data/corridors.json': envelope('corridors', [
    { ...base('open'), name: name('Open crossing'), type: 'crossing', status: 'open', hours: always, allowed: ['pedestrians'] },
    { ...base('limited'), name: name('Limited crossing'), type: 'crossing', status: 'restricted', hours: always },
    { ...base('shut'), name: name('Shut crossing'), type: 'crossing', status: 'closed' },
  ]),
  'data/distribution.json': envelope('distribution_points', [
    { ...base('kitchen'), name: name('Open kitchen'), location: { lat: 31.35, lon: 34.3 }, status: 'open', hours: always, services: ['food'] },
    { ...base('paused'), name: name('Paused point'), location: { lat: 31.36, lon: 34.31 }, status: 'suspended', hours: always, services: ['food'] },
    { ...base('empty'), name: name('Empty point'), location: { lat: 31.37, lon: 34.32 }, status: 'out_of_stock', hours: always, services: ['water'] },
    { ...base('gone'), name: name('Old place'), location: { lat: 31.38, lon: 34.33 }, status: 'moved', hours: always, services: ['bread'] },
  ]),
};

const declared = { 'Paused point': 'Suspended', 'Empty point': 'Out of stock', 'Old place': 'Moved' };

/** Each declared point's line (`selector`) shows its status after `mark`, and never "Closed". */
async function eachDeclared(page, selector, mark) {
  for (const [point, status] of Object.entries(declared)) {
    const line = (await page.locator(selector, { hasText: point }).innerText()).replace(/\s+/g, ' ');
    assert.match(line, new RegExp(`${mark}${status}`), line);
    assert.doesNotMatch(line, /Closed/, line);
  }
}

test('the printed page gives each aid point its declared status', async () => {
  const s = await open(browser, { files });
  try {
    await s.goto('?view=print&lang=en');
    await settled(s.page);
    await eachDeclared(s.page, '.print-section li', '✕ ');
  } finally {
    await s.close();
  }
});

test('the compact widget gives each aid point its declared status', async () => {
  const s = await open(browser, { files });
  try {
    await s.goto('?embed=distribution&lang=en&compact=1');
    await s.page.waitForSelector('.compact li');
    await eachDeclared(s.page, '.compact li', '');
  } finally {
    await s.close();
  }
});

test('the map labels each aid point with its declared status, and a closed crossing as closed, not "closed now"', async () => {
  const s = await open(browser, { files });
  try {
    await s.goto('?view=map&lang=en');
    await settled(s.page);
    const labels = await s.page.locator('g.marker').evaluateAll((gs) => gs.map((g) => g.getAttribute('aria-label')));
    for (const [point, status] of Object.entries(declared)) assert.ok(labels.includes(`${point} — ${status}`), labels.join(' | '));
    assert.ok(labels.includes('Open kitchen — Open now'), labels.join(' | '));
  } finally {
    await s.close();
  }
});

test('the overview counts a restricted crossing apart from the open ones, in each language', async () => {
  const s = await open(browser, { files });
  try {
    for (const [lang, text] of [
      ['en', '2 of 3 open now, 1 with restrictions'],
      ['ar', '٢ من أصل ٣ مفتوحة الآن، منها ١ بقيود'],
      ['he', '2 מתוך 3 פתוחים עכשיו, 1 מהם בהגבלות'],
      ['fr', 'Ouverts maintenant\u00a0: 2 sur 3, dont 1 avec restrictions'],
    ]) {
      await s.goto(`?lang=${lang}`);
      await settled(s.page);
      assert.equal((await s.page.locator('#now-corridors + .count').innerText()).trim(), text);
    }
  } finally {
    await s.close();
  }
});

test('shared text in French puts a no-break space before the colon', async () => {
  const s = await open(browser, { files });
  try {
    await s.goto('?view=corridors&id=open&lang=fr');
    await settled(s.page);
    const href = await s.page.locator('a[href^="https://wa.me/"]').first().getAttribute('href');
    const text = decodeURIComponent(new URL(href).searchParams.get('text'));
    assert.match(text, /Qui peut passer\u00a0: /, text);
    assert.doesNotMatch(text, /[^\u00a0]: /, text);
  } finally {
    await s.close();
  }
});
