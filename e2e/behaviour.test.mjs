// The contract's rules as a reader meets them, on small known feeds:
// open/closed now, language fallback, deep links under a sub-path, bad feeds
// and bad items, expiry, text that must stay text, and links.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, settled, envelope, testConfig, screenshot, cardTitles, chooseLanguage, openFilters } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const base = (id) => ({ id, updated_at: '2026-11-24T06:00:00+02:00' });
const name = (en, ar = en) => ({ en, ar });
const weekdays = ['sun', 'mon', 'tue', 'wed', 'thu'];

const corridors = envelope('corridors', [
  { ...base('day'), name: name('Day crossing'), type: 'crossing', status: 'open', hours: [{ days: weekdays, open: '08:00', close: '16:00' }] },
  { ...base('night'), name: name('Night road'), type: 'road', status: 'open', hours: [{ days: ['mon'], open: '20:00', close: '06:00' }] },
  { ...base('shut'), name: name('Shut crossing'), type: 'crossing', status: 'closed', hours: [{ days: weekdays, open: '00:00', close: '00:00' }] },
  { ...base('window'), name: name('Window crossing'), type: 'crossing', status: 'scheduled', windows: [{ start: '2026-11-25T09:00:00+02:00', end: '2026-11-25T13:00:00+02:00' }] },
  { ...base('odd'), name: name('Odd crossing'), type: 'crossing', status: 'half_open' },
]);
const points = envelope('distribution_points', [
  { ...base('kitchen'), name: { ar: 'مطبخ التجربة' }, location: { lat: 31.35, lon: 34.3 }, status: 'open', area: ['khan_younis'], landmark: { fr: 'Près de la mosquée' }, services: ['food', 'bread'] },
  { ...base('water'), name: name('Water point'), location: { lat: 31.5, lon: 34.45 }, status: 'out_of_stock', area: ['gaza'], services: ['water'] },
  { id: 'broken', updated_at: '2026-11-24T06:00:00', name: name('Broken'), location: { lat: 31.5, lon: 34.45 }, status: 'open' },
  { ...base('kitchen'), name: name('Duplicate'), location: { lat: 31.5, lon: 34.45 }, status: 'open' },
]);
const notices = envelope('notices', [
  { ...base('uxo'), title: name('Unexploded shell near the school'), category: 'uxo', severity: 'danger', effective_at: '2026-11-24T07:00:00+02:00' },
  { ...base('water-cut'), title: name('Water cut'), category: 'water', severity: 'info', effective_at: '2026-11-23T07:00:00+02:00' },
  { ...base('old'), title: name('Old notice'), category: 'roads', severity: 'warning', effective_at: '2026-10-01T07:00:00+02:00', expires_at: '2026-10-02T07:00:00+02:00' },
]);
const files = (extra = {}) => ({
  'config.json': testConfig(['data/corridors.json', 'data/distribution.json', 'data/notices.json']),
  'data/corridors.json': corridors,
  'data/distribution.json': points,
  'data/notices.json': notices,
  ...extra,
});

/** The same feeds published at `published_at`: a test at a time before the
 * feeds' publication would meet the wrong-clock rule (clock.test.mjs). */
const publishedAt = (published_at) =>
  Object.fromEntries(Object.entries(files()).map(([k, v]) => [k, k.startsWith('data/') ? { ...v, published_at } : v]));

/** The governorate names on the map, a name's lines joined by a space. */
const govNames = (page) => page.locator('svg.map .gov-names text').evaluateAll((ts) => ts.map((t) => [...t.querySelectorAll('tspan')].map((s) => s.textContent).filter(Boolean).join(' ')));

async function badgeOf(page, id) {
  const card = page.locator(`article[aria-labelledby="c-${id}"]`);
  return (await card.locator('.badge').innerText()).replace(/\s+/g, ' ').trim();
}

test('open now and the next change, computed in Gaza time', async () => {
  const s = await open(browser, { files: files() });
  try {
    await s.goto('?view=corridors&lang=en');
    await settled(s.page);
    assert.equal(await badgeOf(s.page, 'day'), '✓ Open now until today 16:00');
    assert.equal(await badgeOf(s.page, 'night'), '✕ Closed now opens Mon 30 Nov 20:00');
    assert.equal(await badgeOf(s.page, 'shut'), '✕ Closed');
    assert.equal(await badgeOf(s.page, 'window'), '✕ Closed now opens tomorrow 09:00');
    assert.equal(await badgeOf(s.page, 'odd'), '? Status unknown');
    assert.match(await s.page.locator('article[aria-labelledby="c-shut"]').innerText(), /Usual hours/);
    // Open ones are listed first.
    const order = await cardTitles(s.page);
    assert.equal(order[0], 'Day crossing');
    assert.equal(order.at(-1), 'Odd crossing');
  } finally {
    await s.close();
  }
});

test('a night slot is open after midnight, in Arabic with Arabic digits', async () => {
  const s = await open(browser, { files: publishedAt('2026-11-23T06:00:00+02:00'), time: '2026-11-24T02:00:00+02:00' });
  try {
    await s.goto('?view=corridors&lang=ar');
    await settled(s.page);
    const badge = await badgeOf(s.page, 'night');
    assert.ok(badge.includes('٠٦:٠٠'), badge);
    assert.ok(badge.startsWith('✓'), badge);
  } finally {
    await s.close();
  }
});

test('summer time: the same wall-clock hours, one hour earlier in UTC', async () => {
  // 2026-07-14 is a Tuesday; Gaza is UTC+3. 05:30Z is 08:30 local: open.
  const s = await open(browser, { files: publishedAt('2026-07-01T06:00:00+03:00'), time: '2026-07-14T05:30:00Z' });
  try {
    await s.goto('?view=corridors&lang=en');
    await settled(s.page);
    assert.equal(await badgeOf(s.page, 'day'), '✓ Open now until today 16:00');
  } finally {
    await s.close();
  }
});

test('fallback text carries its own lang and dir', async () => {
  const s = await open(browser, { files: files() });
  try {
    await s.goto('?view=distribution&lang=en&id=kitchen');
    await settled(s.page);
    const nameEl = s.page.locator('article h2 bdi');
    assert.equal(await nameEl.innerText(), 'مطبخ التجربة');
    assert.equal(await nameEl.getAttribute('lang'), 'ar');
    assert.equal(await nameEl.getAttribute('dir'), 'rtl');
    const landmark = s.page.locator('article dd bdi[lang="fr"]');
    assert.equal(await landmark.innerText(), 'Près de la mosquée');
    assert.equal(await landmark.getAttribute('dir'), 'ltr');
    // Text in the UI language is not marked as foreign.
    await s.goto('?view=distribution&lang=ar&id=kitchen');
    assert.equal(await s.page.locator('article h2 bdi').getAttribute('lang'), null);
  } finally {
    await s.close();
  }
});

test('deep links work under a sub-path of a static host', async () => {
  const s = await open(browser, { files: files(), base: '/ngo/gaza/portal/' });
  try {
    await s.goto('?view=distribution&id=water&lang=fr');
    await settled(s.page);
    assert.equal(await s.page.evaluate(() => document.documentElement.lang), 'fr');
    assert.equal(await s.page.locator('.cards > li').count(), 1);
    assert.match(await s.page.locator('article').innerText(), /Water point/);
    assert.match(await s.page.locator('article .badge').innerText(), /Stock épuisé/i);
    // Every request stayed under the sub-path.
    assert.ok(s.server.requests.every((p) => p.startsWith('/ngo/gaza/portal/')), s.server.requests.join(' '));
    // An id that is not there says so.
    await s.goto('?view=distribution&id=nope&lang=en');
    await settled(s.page);
    assert.match(await s.page.locator('.empty').innerText(), /not in the current information/);
  } finally {
    await s.close();
  }
});

test('area filter in the address', async () => {
  const s = await open(browser, { files: files() });
  try {
    await s.goto('?view=distribution&lang=en&area=gaza');
    await settled(s.page);
    assert.deepEqual(await cardTitles(s.page), ['Water point']);
    await s.page.selectOption('#area-filter', 'khan_younis');
    assert.match(s.page.url(), /area=khan_younis/);
    assert.deepEqual(await cardTitles(s.page), ['مطبخ التجربة']);
  } finally {
    await s.close();
  }
});

test('bad items are skipped, counted and explained for publishers', async () => {
  const s = await open(browser, { files: files() });
  try {
    await s.goto('?view=distribution&lang=en');
    await settled(s.page);
    assert.equal(await s.page.locator('.cards > li').count(), 2);
    assert.match(await s.page.locator('.feed-meta .note').innerText(), /2 items were skipped/);
    await s.goto('?view=about&lang=en');
    await settled(s.page);
    await s.page.locator('details.issues summary').first().click();
    const details = await s.page.locator('details.issues').first().innerText();
    assert.match(details, /items\[2\]\.updated_at.*without a time-zone offset/);
    assert.match(details, /items\[3\]\.id.*another item already has this id/);
  } finally {
    await s.close();
  }
});

const badFeeds = [
  ['unknown format version', { 'data/notices.json': { ...notices, format: 'bawaba-feed/2' } }, {}, /bawaba-feed\/2/],
  ['not JSON', { 'data/notices.json': '<html>502 Bad Gateway</html>' }, {}, /damaged or is not a feed\./],
  ['wrong kind', { 'data/notices.json': { ...notices, kind: 'weather' } }, {}, /Unknown kind of information: “weather”/],
  ['HTTP error', {}, { 'data/notices.json': { status: 500, body: 'oops' } }, /error 500/],
  ['timeout', {}, { 'data/notices.json': { hang: true } }, /took too long/],
  ['too large', {}, { 'data/notices.json': { body: Buffer.alloc(5 * 1024 * 1024 + 10, 32) } }, /too large/],
];

for (const [label, extraFiles, overrides, message] of badFeeds) {
  test(`a bad feed (${label}) shows a translated error and the other feeds keep working`, async () => {
    const s = await open(browser, { files: files(extraFiles), overrides });
    try {
      await s.goto('?view=corridors&lang=en');
      await s.page.waitForSelector('.problem', { timeout: 15000 });
      const problem = await s.page.locator('.problem').innerText();
      assert.match(problem, /data\/notices\.json/);
      assert.match(problem, message);
      assert.equal(await s.page.locator('.cards > li').count(), 5, 'corridors still shown');
      // The same error, in Arabic.
      await chooseLanguage(s.page, 'ar');
      const ar = await s.page.locator('.problem').innerText();
      assert.ok(/[\u0600-\u06FF]{3}/.test(ar.replace(/data\/notices\.json/, '')), ar);
      assert.deepEqual(s.guard.errors, []);
    } finally {
      await s.close();
    }
  });
}

test('an expired feed is still shown, with a warning and its age', async () => {
  const s = await open(browser, { files: files(), time: '2026-11-26T10:00:00+02:00' });
  try {
    await s.goto('?view=corridors&lang=en');
    await settled(s.page);
    assert.match(await s.page.locator('.feed-meta .warning').innerText(), /may be out of date: it expired 28 hours ago/);
    assert.equal(await s.page.locator('.cards > li').count(), 5);
  } finally {
    await s.close();
  }
});

test('danger notices are a banner on every view; expired notices are under past notices', async () => {
  const s = await open(browser, { files: files() });
  try {
    for (const view of ['', '?view=corridors', '?view=about']) {
      await s.goto(view ? view + '&lang=en' : '?lang=en');
      await settled(s.page);
      assert.match(await s.page.locator('.danger-banner').innerText(), /Unexploded shell near the school/);
    }
    await s.goto('?view=notices&lang=en');
    await settled(s.page);
    const titles = await cardTitles(s.page);
    assert.deepEqual(titles, ['Unexploded shell near the school', 'Water cut'], 'danger first, expired hidden');
    await s.page.locator('.more a').click();
    assert.match(s.page.url(), /past=1/);
    assert.deepEqual(await cardTitles(s.page), ['Old notice']);
  } finally {
    await s.close();
  }
});

test('feed text is never HTML, and only https:/tel: links are followed', async () => {
  const hostile = envelope('corridors', [
    {
      ...base('x'),
      name: { en: '<img src=x onerror="window.__pwned=1">Evil <b>bold</b>' },
      type: 'crossing',
      status: 'open',
      notes: { en: '<script>window.__pwned=2</script>' },
      links: [
        { url: 'javascript:window.__pwned=3', label: { en: 'click me' } },
        { url: 'https://example.org/info', label: { en: 'Info page' } },
        { url: 'tel:+970800000000' },
      ],
    },
  ]);
  const s = await open(browser, { files: files({ 'data/corridors.json': hostile }) });
  try {
    await s.goto('?view=corridors&lang=en');
    await settled(s.page);
    const card = s.page.locator('article').first();
    assert.match(await card.locator('h2').innerText(), /<img src=x onerror=/);
    assert.equal(await card.locator('img, b, script').count(), 0);
    const hrefs = await card.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.ok(!hrefs.some((h) => h.startsWith('javascript:')), hrefs.join(' '));
    assert.ok(hrefs.includes('https://example.org/info'));
    assert.ok(hrefs.includes('tel:+970800000000'));
    const ext = card.locator('a[href="https://example.org/info"]');
    assert.equal(await ext.getAttribute('rel'), 'noopener noreferrer external');
    assert.equal(await s.page.evaluate(() => window.__pwned), undefined);
    await screenshot(s.page, 'hostile-text-en');
  } finally {
    await s.close();
  }
});

test('a broken config.json gets a translated message, not a blank page', async () => {
  const s = await open(browser, { files: { 'config.json': '{"feeds": [], "time_zone": "Asia/Gaza"}' } });
  try {
    await s.goto('?lang=ar');
    assert.match(await s.page.locator('.fatal').innerText(), /config\.json\) لا يذكر أي مصدر بيانات/);
    await s.goto('?lang=en');
    assert.match(await s.page.locator('.fatal').innerText(), /lists no feeds/);
  } finally {
    await s.close();
  }
});

test('a feed address that is not allowed is refused alone: the other feeds still show', async () => {
  const config = testConfig(['http://insecure.example/feed.json', 'data/corridors.json']);
  const s = await open(browser, { files: { 'config.json': config, 'data/corridors.json': corridors } });
  try {
    await s.goto('?view=corridors&lang=en');
    await settled(s.page);
    assert.deepEqual((await cardTitles(s.page)).sort(), ['Day crossing', 'Night road', 'Odd crossing', 'Shut crossing', 'Window crossing'], 'every item of the allowed feed is shown');
    const problem = await s.page.locator('.problem').innerText();
    assert.match(problem, /http:\/\/insecure\.example\/feed\.json/);
    assert.match(problem, /The feed address is not allowed/);
    assert.deepEqual(s.guard.foreign, [], 'and it was never requested');
  } finally {
    await s.close();
  }
});

test('search from ?q= forgives Arabic spelling variants, and typing updates the address', async () => {
  const s = await open(browser, { files: files() });
  try {
    // "التجربه" (haa) finds "التجربة" (taa marbuta).
    await s.goto('?view=distribution&lang=en&q=' + encodeURIComponent('التجربه'));
    await settled(s.page);
    assert.deepEqual(await cardTitles(s.page), ['مطبخ التجربة']);
    assert.equal(await s.page.locator('#search').inputValue(), 'التجربه');
    await s.page.locator('#search').fill('WATER');
    await s.page.waitForURL(/q=WATER/);
    await s.page.waitForFunction(() => document.querySelectorAll('.cards article').length === 1 && document.querySelector('.cards article h2').textContent.trim() === 'Water point');
    await s.page.locator('#search').fill('nothing like this');
    assert.match(await s.page.locator('.empty').innerText(), /Nothing matches this search/);
  } finally {
    await s.close();
  }
});

test('sharing an item: WhatsApp text in the reader’s language with the item’s deep link', async () => {
  const s = await open(browser, { files: files() });
  try {
    await s.goto('?view=corridors&lang=ar&id=day');
    await settled(s.page);
    const href = await s.page.locator('.share a.button').getAttribute('href');
    assert.match(href, /^https:\/\/wa\.me\/\?text=/);
    const text = decodeURIComponent(href.replace('https://wa.me/?text=', ''));
    assert.match(text, /\*Day crossing\*/);
    // Full dates: a forwarded message is read later, when "today" is wrong.
    assert.match(text, /مفتوح الآن · حتى الثلاثاء ٢٤ تشرين الثاني ٢٠٢٦ الساعة ١٦:٠٠/);
    const link = text.trim().split('\n').at(-1);
    assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/\?view=corridors&id=day&lang=ar$/);
    // The shared link opens that item.
    await s.page.goto(link);
    await s.page.waitForSelector('.cards article');
    assert.equal(await s.page.locator('.cards > li').count(), 1);
    assert.equal(await s.page.locator('article h2').innerText(), 'Day crossing');
    // "Copy as text" puts the same text on the clipboard, and says so.
    await s.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await s.goto('?view=corridors&lang=ar&id=day');
    await settled(s.page);
    await s.page.locator('.share .copy-text').click();
    await s.page.waitForFunction(() => document.querySelector('.share [role=status]').textContent !== '');
    assert.equal(await s.page.locator('.share [role=status]').innerText(), 'تم النسخ.');
    assert.equal((await s.page.evaluate(() => navigator.clipboard.readText())).trim(), text.trim());
    // Lists stay light: no share bar on list cards.
    await s.goto('?view=corridors&lang=ar');
    await settled(s.page);
    assert.equal(await s.page.locator('.share').count(), 0);
  } finally {
    await s.close();
  }
});

test('copy as text says when the phone refused to copy, instead of "Copied"', async () => {
  const s = await open(browser, { files: files() });
  try {
    // A browser that refuses both ways of copying.
    await s.page.addInitScript(() => {
      Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) } });
      document.execCommand = () => false;
    });
    await s.goto('?view=distribution&lang=en&id=' + encodeURIComponent('kitchen'));
    await settled(s.page);
    await s.page.locator('.share .copy-text').click();
    await s.page.waitForFunction(() => document.querySelector('.share [role=status]').textContent !== '');
    assert.match(await s.page.locator('.share [role=status]').innerText(), /^Could not copy/);
  } finally {
    await s.close();
  }
});

test('near me: asks for the position only when pressed, then nearest first with distance and direction', async () => {
  const s = await open(browser, { files: files() });
  try {
    await s.page.context().grantPermissions(['geolocation']);
    await s.page.context().setGeolocation({ latitude: 31.51, longitude: 34.46 });
    await s.goto('?view=distribution&lang=en');
    await settled(s.page);
    // Open ones first before anyone asks.
    assert.deepEqual(await cardTitles(s.page), ['مطبخ التجربة', 'Water point']);
    assert.equal(await s.page.locator('.distance').count(), 0);
    await openFilters(s.page);
    await s.page.locator('.near button[aria-pressed]').click();
    await s.page.waitForSelector('.distance');
    assert.deepEqual(await cardTitles(s.page), ['Water point', 'مطبخ التجربة']);
    assert.match(await s.page.locator('.distance').first().innerText(), /^1\.5\u00a0km south-west$/);
    assert.match(await s.page.locator('.near [role=status]').innerText(), /stays on this phone/);
    // In Arabic, with Arabic digits and direction words.
    await chooseLanguage(s.page, 'ar');
    assert.match(await s.page.locator('.distance').first().innerText(), /١٫٥\u00a0كم — جنوب غرب/);
  } finally {
    await s.close();
  }
});

test('near me on the demo crossings, and the map draws located crossings (squares) and notices (triangles)', async () => {
  const s = await open(browser);
  try {
    await s.page.context().grantPermissions(['geolocation']);
    // Beit Lahia, in the north.
    await s.page.context().setGeolocation({ latitude: 31.55, longitude: 34.5 });
    await s.goto('?view=corridors&lang=en');
    await settled(s.page);
    await openFilters(s.page);
    await s.page.locator('.near button[aria-pressed]').click();
    await s.page.waitForSelector('.distance');
    const names = await cardTitles(s.page);
    assert.deepEqual(names.slice(0, 3), ['Erez (Beit Hanoun) crossing', 'Zikim crossing', 'Sea corridor — Gaza port']);
    assert.match(await s.page.locator('.distance').first().innerText(), /^4\.6\u00a0km east$/);
    await s.goto('?view=map&lang=en');
    await settled(s.page);
    assert.equal(await s.page.locator('svg.map .marker rect').count(), 8, 'every demo crossing has a location');
    const triangles = await s.page.locator('svg.map .marker polygon').count();
    assert.equal(triangles, 5, 'the five located demo notices');
    assert.equal(await s.page.locator('svg.map .marker title', { hasText: 'Erez (Beit Hanoun) crossing' }).count(), 1);
    // Tapping a square opens that crossing.
    await s.page.locator('svg.map .marker[aria-label^="Erez"]').click();
    await s.page.waitForURL(/view=corridors&id=erez-beit-hanoun/);
  } finally {
    await s.close();
  }
});

test('near me without permission says so and suggests choosing an area', async () => {
  const s = await open(browser, { files: files() });
  try {
    await s.goto('?view=distribution&lang=en');
    await settled(s.page);
    await openFilters(s.page);
    await s.page.locator('.near button[aria-pressed]').click();
    await s.page.waitForFunction(() => /not available/.test(document.querySelector('.near [role=status]')?.innerText ?? ''), null, { timeout: 25000 });
    assert.equal(await s.page.locator('.distance').count(), 0);
  } finally {
    await s.close();
  }
});

test('filters combine and live in the address: service, open now, category, severity', async () => {
  const s = await open(browser, { files: files() });
  try {
    await s.goto('?view=distribution&lang=en&service=water');
    await settled(s.page);
    assert.deepEqual(await cardTitles(s.page), ['Water point']);
    assert.equal(await s.page.locator('#service-filter').inputValue(), 'water');
    await s.page.selectOption('#service-filter', '');
    await s.page.locator('#open-now').check();
    await s.page.waitForURL(/open=1/);
    assert.deepEqual(await cardTitles(s.page), ['مطبخ التجربة'], 'out of stock is not open');
    await s.page.selectOption('#service-filter', 'water');
    // Things were published; none match: saying "nothing has been published" would be false.
    assert.equal((await s.page.locator('.empty').innerText()).trim(), 'Nothing here matches what you chose.', 'no open water point: the filtered list says so');
    await s.goto('?view=corridors&lang=en&open=1');
    await settled(s.page);
    assert.deepEqual(await cardTitles(s.page), ['Day crossing']);
    await s.goto('?view=notices&lang=en&severity=info');
    await settled(s.page);
    assert.deepEqual(await cardTitles(s.page), ['Water cut']);
    await s.page.selectOption('#category-filter', 'uxo');
    await s.page.waitForURL(/category=uxo/);
    assert.equal(await s.page.locator('.cards article').count(), 0, 'info + uxo: none');
    await s.page.selectOption('#severity-filter', '');
    assert.deepEqual(await cardTitles(s.page), ['Unexploded shell near the school']);
  } finally {
    await s.close();
  }
});

test('a printable page for one governorate, without the site chrome when printed', async () => {
  const s = await open(browser, { files: files() });
  try {
    await s.goto('?view=distribution&lang=en&area=khan_younis');
    await settled(s.page);
    await s.page.locator('.more a', { hasText: 'Printable page for this area' }).click();
    await s.page.waitForURL(/view=print/);
    assert.match(s.page.url(), /area=khan_younis/);
    assert.match(await s.page.locator('.print-heading').innerText(), /Khan Younis — information as of Tue 24 Nov 2026 10:00/);
    const text = await s.page.locator('main').innerText();
    assert.match(text, /Day crossing/, 'corridors are listed');
    assert.match(text, /مطبخ التجربة/, 'the Khan Younis point');
    assert.doesNotMatch(text, /Water point/, 'not the Gaza City point');
    assert.match(text, /Unexploded shell near the school/, 'notices for every area are kept');
    await s.page.emulateMedia({ media: 'print' });
    assert.equal(await s.page.locator('.site-header').isVisible(), false);
    assert.equal(await s.page.locator('.danger-banner').isVisible(), true, 'danger notices print too');
    assert.equal(await s.page.locator('.no-print').first().isVisible(), false);
    const pdf = await s.page.pdf({ format: 'A4' });
    assert.equal(pdfPages(pdf), 1, 'one page');
  } finally {
    await s.close();
  }
});

/** Pages in a PDF Chromium wrote (its page objects are not compressed). */
const pdfPages = (pdf) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;

test('the busiest governorate of the demo data prints on one A4 page', async () => {
  const s = await open(browser);
  try {
    for (const area of ['gaza', 'khan_younis', 'north_gaza']) {
      for (const lang of ['ar', 'en']) {
        await s.goto(`?view=print&area=${area}&lang=${lang}`);
        await settled(s.page);
        await s.page.emulateMedia({ media: 'print' });
        const pages = pdfPages(await s.page.pdf({ format: 'A4' }));
        assert.equal(pages, 1, `${area} in ${lang}: ${pages} pages`);
        await s.page.emulateMedia({ media: 'screen' });
      }
    }
  } finally {
    await s.close();
  }
});

test('the offline map: every located place is a labelled, tappable marker; no tiles', async () => {
  const s = await open(browser, { files: files() });
  try {
    await s.goto('?view=map&lang=en');
    await settled(s.page);
    assert.equal(await s.page.locator('svg.map polygon.gov').count(), 5, 'the five governorates, together the Strip');
    const titles = await s.page.locator('svg.map .marker title').allTextContents();
    assert.deepEqual(titles.sort(), ['Water point — Out of stock', 'مطبخ التجربة — Open now'].sort());
    assert.equal(await s.page.locator('svg.map .marker circle.m-open').count(), 1);
    assert.equal(await s.page.locator('svg.map .marker circle.m-closed').count(), 1);
    // Closed is marked by a cross too, not by colour alone; open has no mark.
    assert.equal(await s.page.locator('svg.map .marker:has(circle.m-closed) path.m-mark').count(), 1);
    assert.equal(await s.page.locator('svg.map .marker:has(circle.m-open) .m-mark').count(), 0);
    // The governorates are named for orientation, in the reader's language.
    assert.deepEqual(await govNames(s.page), ['North Gaza', 'Gaza City', 'Middle Area (Deir al-Balah)', 'Khan Younis', 'Rafah']);
    // Zoom and drag move the view; "Whole Strip" puts it back.
    const viewBox = () => s.page.locator('svg.map').getAttribute('viewBox');
    const full = await viewBox();
    await s.page.getByRole('button', { name: 'Zoom in' }).click();
    const zoomed = await viewBox();
    assert.ok(Number(zoomed.split(' ')[2]) < Number(full.split(' ')[2]), `zoomed in: ${full} -> ${zoomed}`);
    await s.page.locator('svg.map').evaluate((el) => el.scrollIntoView({ block: 'end' }));
    const box = await s.page.locator('svg.map').boundingBox();
    // Open sea, west of the Strip: no marker under the pointer.
    await s.page.mouse.move(box.x + 10, box.y + 20);
    await s.page.mouse.down();
    await s.page.mouse.move(box.x + 110, box.y + 20, { steps: 5 });
    await s.page.mouse.up();
    const dragged = await viewBox();
    assert.ok(Number(dragged.split(' ')[0]) < Number(zoomed.split(' ')[0]), `dragging right shows what is west: ${zoomed} -> ${dragged}`);
    await s.page.getByRole('button', { name: 'Whole Strip' }).click();
    assert.equal(await viewBox(), full);
    await s.goto('?view=map&lang=ar');
    await settled(s.page);
    assert.deepEqual(await govNames(s.page), ['شمال غزة', 'مدينة غزة', 'الوسطى (دير البلح)', 'خان يونس', 'رفح']);
    await s.goto('?view=map&lang=en');
    await settled(s.page);
    // Keyboard and tap both open the place.
    await s.page.locator('svg.map .marker[aria-label^="Water point"]').focus();
    await s.page.keyboard.press('Enter');
    await s.page.waitForURL(/view=distribution&id=water/);
    assert.equal(await s.page.locator('.cards > li').count(), 1);
    assert.deepEqual(s.guard.foreign, []);
    assert.deepEqual(s.guard.errors, []);
  } finally {
    await s.close();
  }
});

test('notices are searched too, from ?q= and as the reader types', async () => {
  const s = await open(browser, { files: files() });
  try {
    await s.goto('?view=notices&lang=en&q=SCHOOL');
    await settled(s.page);
    assert.deepEqual(await cardTitles(s.page), ['Unexploded shell near the school']);
    await s.page.locator('#search').fill('water');
    await s.page.waitForFunction(() => [...document.querySelectorAll('.cards article h2')].map((h) => h.innerText).join() === 'Water cut');
  } finally {
    await s.close();
  }
});

test('an expired feed is marked as possibly out of date on the overview, the map and the printed page', async () => {
  // The test feeds expire on 25 November at 06:00; this is the day after.
  const s = await open(browser, { files: files(), time: '2026-11-26T10:00:00+02:00' });
  try {
    for (const [query, lang, words] of [
      ['?lang=en', 'en', /may be out of date: it expired 28 hours ago/],
      ['?lang=ar', 'ar', /قد تكون هذه المعلومات قديمة/],
      ['?view=map&lang=en', 'en', /may be out of date/],
      ['?view=print&area=gaza&lang=ar', 'ar', /قد تكون هذه المعلومات قديمة/],
    ]) {
      await s.goto(query);
      await settled(s.page);
      const warnings = await s.page.locator('main .warning').allInnerTexts();
      assert.ok(warnings.length > 0 && warnings.every((w) => words.test(w)), `${query}: ${JSON.stringify(warnings)}`);
    }
    // Before expiry, no such warning.
    await s.page.clock.setFixedTime(new Date('2026-11-24T10:00:00+02:00'));
    await s.goto('?lang=en');
    await settled(s.page);
    assert.equal(await s.page.locator('main .warning').count(), 0);
  } finally {
    await s.close();
  }
});

test('a restricted crossing says so wherever it shows as open, and a notice for tomorrow says when it starts', async () => {
  const restricted = envelope('corridors', [
    { ...base('zikim'), name: name('Zikim', 'زيكيم'), type: 'crossing', status: 'restricted', location: { lat: 31.6, lon: 34.52 } },
  ]);
  const upcoming = envelope('notices', [
    { ...base('cut'), title: name('Water cut in Rimal', 'قطع المياه في الرمال'), category: 'water', severity: 'warning', effective_at: '2026-11-25T08:00:00+02:00', expires_at: '2026-11-25T18:00:00+02:00', area: ['gaza'], location: { lat: 31.52, lon: 34.45 } },
  ]);
  const s = await open(browser, {
    files: { 'config.json': testConfig(['data/corridors.json', 'data/notices.json']), 'data/corridors.json': restricted, 'data/notices.json': upcoming },
  });
  try {
    for (const [lang, open, starts] of [['en', 'Open now, with restrictions', 'Starts tomorrow 08:00'], ['ar', 'مفتوح الآن بقيود', 'يبدأ غدًا الساعة ٠٨:٠٠']]) {
      await s.goto(`?lang=${lang}`);
      await settled(s.page);
      const lines = await s.page.locator('.compact li').allInnerTexts();
      assert.ok(lines.some((l) => l.includes('Zikim') || l.includes('زيكيم')) && lines.some((l) => l.includes(open)), JSON.stringify(lines));
      assert.ok(lines.some((l) => l.includes(starts)), JSON.stringify(lines));
      // The map draws no triangle for a notice not in effect, and names the restriction.
      await s.goto(`?view=map&lang=${lang}`);
      await settled(s.page);
      assert.equal(await s.page.locator('svg.map .marker polygon').count(), 0);
      assert.ok((await s.page.locator('svg.map .marker title').allTextContents()).some((t) => t.includes(open)));
    }
    // The shared text carries full dates, not "today".
    await s.goto('?view=notices&lang=en&id=cut');
    await settled(s.page);
    const text = decodeURIComponent((await s.page.locator('.share a.button').getAttribute('href')).replace('https://wa.me/?text=', ''));
    assert.match(text, /Starts Wed 25 Nov 2026 08:00/);
    assert.match(text, /Until Wed 25 Nov 2026 18:00/);
    assert.match(text, /Updated Tue 24 Nov 2026 06:00/);
    assert.doesNotMatch(text, /today|tomorrow|ago/);
    // The printed page names the date in full.
    await s.goto('?view=print&area=gaza&lang=en');
    await settled(s.page);
    assert.match(await s.page.locator('.print-heading').innerText(), /information as of Tue 24 Nov 2026 10:00/);
    assert.match(await s.page.locator('.print-page').innerText(), /Starts Wed 25 Nov 2026 08:00/);
  } finally {
    await s.close();
  }
});

test('what screen readers and right-to-left readers get: problems announced once, addresses isolated, counts that agree, headings in order', async () => {
  // A day after the test feeds expired, so the expiry warning shows too.
  const s = await open(browser, { files: files(), time: '2026-11-26T10:00:00+02:00' });
  try {
    await s.goto('?view=notices&lang=ar');
    await settled(s.page);
    s.server.overrides['data/notices.json'] = { status: 500, body: 'oops' };
    await s.page.locator('.connection button.refresh').click();
    await s.page.waitForSelector('.problem.held');
    // The live region holds the problem; the age, which changes every
    // minute, is outside it, and so is the expiry warning's.
    const region = s.page.locator('.problem.held [role=status]');
    assert.equal(await region.count(), 1);
    assert.equal(await region.locator('.keeping').count(), 0);
    assert.equal(await s.page.locator('.problem.held > .keeping').count(), 1);
    assert.ok((await s.page.locator('main .warning').count()) > 0);
    assert.equal(await s.page.locator('main .warning[role]').count(), 0);
    // The feed's address is isolated left-to-right inside the Arabic sentence.
    assert.equal(await region.locator('.problem-title bdi[dir=ltr]').innerText(), 'data/notices.json');
    // Counts put the number after the word: no agreement to get wrong.
    await s.goto('?lang=ar');
    await settled(s.page);
    assert.match((await s.page.locator('#now-distribution ~ .count').innerText()).replace(/\u00a0/g, ' '), /^مفتوح الآن: ١، نفدت الكمية: ١$/);
    // Past notices: the cards are the h2s under the page's h1.
    delete s.server.overrides['data/notices.json'];
    await s.goto('?view=notices&past=1&lang=en');
    await settled(s.page);
    assert.equal(await s.page.locator('main h2.subtitle').count(), 0);
    assert.equal(await s.page.locator('main .subtitle').innerText(), 'Past notices');
    assert.deepEqual(await cardTitles(s.page), ['Old notice']);
  } finally {
    await s.close();
  }
});
