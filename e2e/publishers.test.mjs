// Several publishers, one view (issue 14): the demo's second publisher
// describes two of the first one's aid points, the Shati bakery by the same
// id (both say open) and the Khan Younis kitchen by `same_as` (open / out of
// stock). Each is one entry with both statements, newest first; the kitchen
// says "Sources differ" and is never "open now" or "closed now".

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, settled, screenshot, cardTitles, openFilters, deployment } from './harness.mjs';
import { startServer } from './server.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const KITCHEN = 'Khan Younis community kitchen — town centre';
const COMMITTEE = 'Relief committee (demo)';
const DEMO = 'Bawaba demo publisher';

// Names inside a sentence are bidi-isolated (U+2068 … U+2069): not read here.
const squash = (t) => t.replace(/[\u2068\u2069]/g, '').replace(/\s+/g, ' ').trim();
const card = (page, title) => page.locator('.cards article', { has: page.locator('h2', { hasText: title }) });

test('what two publishers describe is one entry with each statement, and "Sources differ" when they disagree', async () => {
  const s = await open(browser);
  try {
    await s.goto('?view=distribution&lang=en&area=khan_younis');
    await settled(s.page);
    const titles = await cardTitles(s.page);
    assert.equal(titles.filter((t) => t === KITCHEN).length, 1, titles.join(' | '));
    const kitchen = card(s.page, KITCHEN);
    assert.equal(squash(await kitchen.locator('.badge-label').textContent()), 'Sources differ');
    assert.doesNotMatch(squash(await kitchen.textContent()), /Open now|Closed now/);
    const said = (await kitchen.locator('.sources li').allTextContents()).map(squash);
    assert.deepEqual(said.map((l) => l.replace(/ · Updated .*/, '')), [`${COMMITTEE}: Out of stock`, `${DEMO}: Open`], 'newest first');
    assert.match(squash(await kitchen.locator('.sources').textContent()), /^≠ Sources differ: What each publisher says/);
    await kitchen.scrollIntoViewIfNeeded();
    await screenshot(s.page, 'publishers-360-en');

    // Only one publisher: its name on the card, no statements.
    const mawasi = card(s.page, 'al-Mawasi desalination point');
    assert.match(squash(await mawasi.locator('.updated').textContent()), new RegExp(`Published by ${DEMO}$`));
    assert.equal(await mawasi.locator('.sources').count(), 0);

    // A link to the second publisher's item finds the same entry.
    await s.goto('?view=distribution&lang=en&id=khy-kitchen-centre');
    await settled(s.page);
    assert.deepEqual(await cardTitles(s.page), [KITCHEN]);

    // They agree on the bakery: one entry, open now, both statements, no mark.
    await s.goto('?view=distribution&lang=en&id=shati-camp-bakery');
    await settled(s.page);
    const bakery = card(s.page, 'Shati camp bakery');
    assert.equal(squash(await bakery.locator('.badge-label').textContent()), 'Open now');
    assert.equal(await bakery.locator('.sources li').count(), 2);
    assert.equal(await bakery.locator('.sources .differ').count(), 0);
    assert.deepEqual(s.guard.errors, []);
  } finally {
    await s.close();
  }
});

test('in Arabic: the same entry says the sources differ, in Arabic', async () => {
  const s = await open(browser);
  try {
    await s.goto('?view=distribution&lang=ar&id=khan-younis-kitchen');
    await settled(s.page);
    const kitchen = s.page.locator('.cards article');
    assert.equal(await kitchen.count(), 1);
    assert.equal(squash(await kitchen.locator('.badge-label').textContent()), 'المصادر غير متفقة');
    assert.match(squash(await kitchen.locator('.sources').textContent()), /^≠ المصادر غير متفقة: ما تقوله كل جهة ناشرة/);
    const said = (await kitchen.locator('.sources li').allTextContents()).map(squash);
    assert.match(said[0], /^لجنة الإغاثة \(تجريبي\): نفدت الكمية/);
    await screenshot(s.page, 'publishers-360-ar');
  } finally {
    await s.close();
  }
});

test('the publisher filter keeps what one publisher published, alone or with others', async () => {
  const s = await open(browser);
  try {
    await s.goto('?view=distribution&lang=en');
    await settled(s.page);
    const all = (await cardTitles(s.page)).length;
    await openFilters(s.page);
    await s.page.selectOption('#publisher-filter', { label: COMMITTEE });
    await s.page.waitForFunction(() => location.search.includes('publisher=demo-relief-committee'));
    assert.deepEqual((await cardTitles(s.page)).sort(), ['Khan Younis community kitchen — town centre', 'Shati camp bakery']);
    await screenshot(s.page, 'publisher-filter-360-en');
    await s.page.selectOption('#publisher-filter', { label: 'All publishers' });
    await s.page.waitForFunction(() => !location.search.includes('publisher='));
    assert.equal((await cardTitles(s.page)).length, all);
  } finally {
    await s.close();
  }
});

test('the widget, the printed page, the map and the overview follow the same rule', async () => {
  const s = await open(browser);
  try {
    await s.goto('?embed=distribution&lang=en&area=khan_younis');
    await s.page.waitForSelector('.cards article');
    const kitchen = card(s.page, KITCHEN);
    assert.equal(await kitchen.count(), 1);
    assert.equal(squash(await kitchen.locator('.badge-label').textContent()), 'Sources differ');

    await s.goto('?view=print&lang=en&area=khan_younis');
    await settled(s.page);
    const lines = (await s.page.locator('.print-section li', { hasText: 'Khan Younis community kitchen' }).allTextContents()).map(squash);
    assert.equal(lines.length, 1, lines.join(' | '));
    assert.match(lines[0], /Sources differ/);
    assert.doesNotMatch(lines[0], /Open now|Closed now/);

    await s.goto('?view=map&lang=en&area=khan_younis');
    await settled(s.page);
    const marks = await s.page.locator('svg.map [aria-label*="Khan Younis community kitchen"]').evaluateAll((ms) => ms.map((m) => m.getAttribute('aria-label')));
    assert.equal(marks.length, 1, marks.join(' | '));
    assert.doesNotMatch(marks[0], /Open now|Closed now/);
  } finally {
    await s.close();
  }
});

test('the static page, read without JavaScript, shows one entry with both publishers', async () => {
  const dir = await deployment();
  const server = await startServer({ dir });
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
  try {
    const page = await context.newPage();
    await page.goto(server.url + 'static/en.html');
    const kitchen = page.locator('article', { has: page.locator('h2', { hasText: KITCHEN }) });
    assert.equal(await kitchen.count(), 1);
    const text = squash(await kitchen.textContent());
    assert.match(text, /Sources differ/);
    assert.doesNotMatch(text, /Status as published: (Open|Out of stock)/, 'the page does not pick one publisher');
    assert.match(text, new RegExp(`${COMMITTEE.replace(/[()]/g, '\\$&')}: Out of stock`));
  } finally {
    await context.close();
    await server.close();
  }
});
