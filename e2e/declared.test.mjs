// The status a publisher declared, on every view that shows it: an aid
// point that is suspended, out of stock or moved never reads as plain
// "Closed" (or "Closed now" where it used to be), a restricted crossing is
// counted apart from the open ones, and shared text follows the language's
// colon rule.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, settled, envelope, testConfig, deployment } from './harness.mjs';
import { startServer } from './server.mjs';

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

/** A count line as read: its parts never break inside (no-break spaces),
 * only between; in Arabic, commas between them, never a middle dot (beside
 * an Arabic-Indic digit it reads as a zero). */
function read(line) {
  const sep = /[\u0600-\u06ff]/.test(line) ? '، ' : ' · ';
  assert.ok(!(sep === '، ' && line.includes('·')), `a middle dot in Arabic: ${line}`);
  const parts = line.trim().split(sep);
  assert.ok(parts.every((p) => !p.includes(' ')), `a part would break inside: ${line}`);
  return parts.join(sep).replace(/\u00a0/g, ' ');
}

test('every state is counted apart, by the word a card gives it, on the overview and on the published first screen alike', async () => {
  const s = await open(browser, { files });
  try {
    for (const [lang, crossings, points] of [
      ['en', 'Open now: 1 · Open now, with restrictions: 1 · Closed now: 1', 'Open now: 1 · Suspended: 1 · Out of stock: 1 · Moved: 1'],
      ['ar', 'مفتوح الآن: ١، مفتوح الآن بقيود: ١، مغلق الآن: ١', 'مفتوح الآن: ١، الخدمة متوقفة مؤقتًا: ١، نفدت الكمية: ١، نُقلت الخدمة إلى مكان آخر: ١'],
      ['he', 'פתוח עכשיו: 1 · פתוח עכשיו, בהגבלות: 1 · סגור עכשיו: 1', 'פתוח עכשיו: 1 · השירות מושבת זמנית: 1 · המלאי אזל: 1 · השירות עבר למקום אחר: 1'],
      ['fr', 'Ouvert maintenant : 1 · Ouvert maintenant, avec restrictions : 1 · Fermé maintenant : 1', 'Ouvert maintenant : 1 · Service suspendu : 1 · Stock épuisé : 1 · Service déplacé : 1'],
    ]) {
      await s.goto(`?lang=${lang}`);
      await settled(s.page);
      assert.equal(read(await s.page.locator('#now-corridors ~ .count').innerText()), crossings, `${lang}: crossings`);
      assert.equal(read(await s.page.locator('#now-distribution ~ .count').innerText()), points, `${lang}: aid points`);
    }
  } finally {
    await s.close();
  }
  // The first screen as published (in the deployment's Arabic, read with
  // JavaScript off): the same rule, in the publishers' own words.
  const dir = await deployment(files, { publish: true });
  const server = await startServer({ dir });
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto(server.url);
    const counts = (await page.locator('#boot .summary .count').allInnerTexts()).map(read);
    assert.deepEqual(counts, ['مفتوح: ١، يعمل بقيود: ١، مغلق: ١', 'مفتوح: ١، الخدمة متوقفة مؤقتًا: ١، نفدت الكمية: ١، نُقلت الخدمة إلى مكان آخر: ١']);
  } finally {
    await context.close();
    await server.close();
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
