// The hostile-feed suite: feeds written by careless or malicious hands. For
// every case: no script runs, no page error (a wasm panic is one), the valid
// items are still shown, and the reader or publisher gets a clear translated
// message; for a broken whole feed, the last good copy stays.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, settled, envelope, testConfig, noHorizontalScroll, cardTitles } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const base = (id) => ({ id, updated_at: '2026-11-24T06:00:00+02:00' });
const good = (id, en) => ({ ...base(id), name: { en, ar: en }, type: 'crossing', status: 'open', hours: [{ days: ['tue'], open: '08:00', close: '16:00' }] });
const GOOD = [good('good-a', 'Good crossing A'), good('good-b', 'Good crossing B')];
const PWN = 'window.__pwned = (window.__pwned || 0) + 1';

/** Item-level cases: [label, hostile corridor item(s), what the publisher is told (About) or null, extra check]. */
const ITEM_CASES = [
  ['script and markup in every text field', [{
    ...good('markup', '<img src=x onerror="' + PWN + '">Markup <svg onload="' + PWN + '"></svg>'),
    notes: { en: '<script>' + PWN + '</script><iframe src="javascript:' + PWN + '"></iframe>' },
    links: [{ url: 'https://example.org', label: { en: '<a href="javascript:' + PWN + '">label</a>' } }],
  }], null, async (page) => {
    assert.match(await page.locator('article:has-text("Markup")').innerText(), /<img src=x onerror=/);
    assert.equal(await page.locator('main img, main svg[onload], main iframe, main script').count(), 0);
  }],
  ['javascript: and data: links', [{
    ...good('links', 'Linked crossing'),
    links: [{ url: 'javascript:' + PWN, label: { en: 'js' } }, { url: 'data:text/html,<script>' + PWN + '</script>', label: { en: 'data' } }, { url: ' JAVASCRIPT:' + PWN }],
  }], [/links\[0\].*link is not https: or tel:, so it is never followed — field ignored.*links\[1\].*links\[2\]/s, /links\[0\].*الرابط ليس https: ولا tel:.*links\[1\]/s], async (page) => {
    const hrefs = await page.locator('main a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href').toLowerCase().trim()));
    assert.ok(!hrefs.some((h) => h.startsWith('javascript:') || h.startsWith('data:')), hrefs.join(' '));
  }],
  ['right-to-left and left-to-right override characters', [good('bidi', '\u202Eneppo\u202C crossing \u202Dclosed')], null, async (page) => {
    const name = page.locator('article h2 bdi', { hasText: 'neppo' });
    assert.equal(await name.count(), 1, 'the name is isolated in <bdi>, so overrides stop at its edge');
  }],
  ['a 50,000-character name', [good('long', 'L'.repeat(50000))], null, async (page) => {
    assert.ok(await noHorizontalScroll(page), 'wraps instead of widening the page');
  }],
  ['a number where a string belongs', [{ ...good('number', 'x'), name: 42 }], [/items\[1\]\.name.*expected a text object.*found a number — item skipped/s, /items\[1\]\.name.*المتوقَّع كائن نصوص.*والموجود رقم.*تم تخطّي العنصر/s]],
  ['a duplicate id', [good('good-a', 'Second good-a')], [/items\[1\]\.id \(good-a\): another item already has this id — item skipped/s, /items\[1\]\.id.*يوجد عنصر آخر بالمعرّف نفسه.*تم تخطّي العنصر/s], async (page) => {
    assert.equal(await page.locator('article:has-text("Second good-a")').count(), 0);
  }],
  ['a timestamp without an offset', [{ ...good('no-offset', 'No offset'), updated_at: '2026-11-24T06:00:00' }], [/items\[1\]\.updated_at.*without a time-zone offset/s, /items\[1\]\.updated_at.*بلا فرق توقيت/s]],
  ['an unknown status and type', [{ ...good('odd', 'Odd crossing'), status: 'half_open', type: 'tunnel' }], null, async (page) => {
    const card = page.locator('article:has-text("Odd crossing")');
    assert.doesNotMatch(await card.innerText(), /Open now/, 'an unknown status is never shown as open');
  }],
  ['coordinates out of range', [{ ...good('far', 'Far crossing'), location: { lat: 95, lon: 34.4 } }, { ...good('west', 'West crossing'), location: { lat: 31.3, lon: -200 } }],
    [/items\[1\]\.location.*coordinate out of range.*field ignored.*items\[2\]\.location.*coordinate out of range/s, /items\[1\]\.location.*إحداثية خارج النطاق.*تم تجاهل الحقل/s], async (page) => {
      // An optional field that is invalid is dropped and the item kept (contract, section 4).
      const titles = (await cardTitles(page)).join('\n');
      assert.match(titles, /Far crossing/);
      assert.match(titles, /West crossing/);
      await page.goto(page.url().replace(/\?.*/, '?view=map&lang=en'));
      await page.waitForSelector('svg.map');
      assert.equal(await page.locator('svg.map .marker').count(), 0, 'nothing drawn at an impossible place');
    }],
  // An id goes into every link to its item, and links into a poster's QR code.
  ['an id of 101 characters', [good('i'.repeat(101), 'Long id crossing')], [/items\[1\]\.id \(i{100}\): an id may have at most 100 characters — item skipped/s, /items\[1\]\.id.*يجب ألا يزيد المعرّف على ١٠٠ حرف.*تم تخطّي العنصر/s], async (page) => {
    assert.equal(await page.locator('article:has-text("Long id crossing")').count(), 0);
  }],
  // Nesting within the parser's limit (128 levels; deeper is a damaged feed, below).
  ['deeply nested values', [{ ...good('deep', 'Deep'), notes: JSON.parse('['.repeat(100) + ']'.repeat(100)) }], [/items\[1\]\.notes.*field ignored/s, /items\[1\]\.notes.*تم تجاهل الحقل/s]],
];

for (const [label, items, told, check] of ITEM_CASES) {
  test(`hostile item: ${label}`, async () => {
    const feed = envelope('corridors', [GOOD[0], ...items, GOOD[1]]);
    const s = await open(browser, { files: { 'config.json': testConfig(['data/corridors.json']), 'data/corridors.json': feed } });
    try {
      await s.goto('?view=corridors&lang=en');
      await settled(s.page);
      const titles = (await cardTitles(s.page)).join('\n');
      assert.match(titles, /Good crossing A/);
      assert.match(titles, /Good crossing B/);
      if (check) await check(s.page);
      if (told) {
        const [en, ar] = told;
        await s.goto('?view=about&lang=en');
        await settled(s.page);
        await s.page.locator('details.issues summary').click();
        assert.match(await s.page.locator('details.issues').innerText(), en);
        await s.goto('?view=about&lang=ar');
        await settled(s.page);
        await s.page.locator('details.issues summary').click();
        const arabic = await s.page.locator('details.issues').innerText();
        assert.match(arabic, ar, 'the reason in Arabic too');
        assert.doesNotMatch(arabic, /skipped|ignored|never followed|expected a|time-zone|out of range/, 'no English left in the reason');
      }
      assert.equal(await s.page.evaluate(() => window.__pwned), undefined, 'no feed script ran');
      assert.deepEqual(s.guard.errors, [], 'no page error, no panic');
    } finally {
      await s.close();
    }
  });
}

// The QR encoder's input is a fixed buffer; nothing longer may be written
// into the module's memory, whatever the portal asks.
test('the QR module refuses input longer than its 2,048-byte buffer', async () => {
  const s = await open(browser, {});
  try {
    await s.goto('?lang=en');
    await settled(s.page);
    const given = await s.page.evaluate(async () => {
      const name = document.querySelector('meta[name="bawaba-qr"]').content;
      const { instance } = await WebAssembly.instantiate(await (await fetch(name)).arrayBuffer(), {});
      const { input } = instance.exports;
      return [input(2048) !== 0, input(2049), input(1 << 20)];
    });
    assert.deepEqual(given, [true, 0, 0]);
  } finally {
    await s.close();
  }
});

const deep = '{"format":"bawaba-feed/1","kind":"notices","items":' + '['.repeat(100000) + ']'.repeat(100000) + '}';
/** Whole-feed cases: [label, server override, English reason, Arabic reason]. */
const FEED_CASES = [
  ['truncated JSON', { body: '{"format": "bawaba-feed/1", "kind": "notices", "items": [{"id": "a", "title": {"en": "Cut' }, /damaged/, /الملف تالف/],
  ['a 6 MiB feed', { body: '{"format":"bawaba-feed/1","kind":"notices","items":[], "pad": "' + 'x'.repeat(6 * 1024 * 1024) + '"}' }, /too large|6\.0 MB/, /كبير جدًا \(٦٫٠\s?ميغابايت\)/],
  ['deep nesting (100,000 levels)', { body: deep }, /damaged/, /الملف تالف/],
  ['a download that never finishes', { hang: true }, /took too long/, /تأخّر الخادم كثيرًا في الرد/],
  ['HTTP 500', { status: 500, body: 'oops' }, /error 500/, /ردّ الخادم بالخطأ ٥٠٠/],
  ['a redirect loop', { status: 302, location: 'notices.json' }, /connect|network|reach/i, /لا يوجد اتصال، أو رفض الخادم الطلب/],
  ['numbers where the envelope has strings', { body: '{"format": 1, "kind": 2, "items": 3}' }, /format “1”|format "1"|format «1»/, /الصيغة «1» التي لا تستطيع البوابة قراءتها/],
];

for (const [label, override, en, ar] of FEED_CASES) {
  test(`hostile feed: ${label} keeps the last good copy and says why`, async () => {
    const notices = envelope('notices', [
      { ...base('n1'), title: { en: 'Water cut in Rimal', ar: 'انقطاع المياه في الرمال' }, category: 'water', severity: 'info', effective_at: '2026-11-24T05:00:00+02:00' },
    ]);
    const s = await open(browser, { files: { 'config.json': testConfig(['data/notices.json']), 'data/notices.json': notices } });
    try {
      await s.goto('?view=notices&lang=en');
      await settled(s.page);
      assert.deepEqual(await cardTitles(s.page), ['Water cut in Rimal']);
      s.server.overrides['data/notices.json'] = override;
      await s.page.locator('.connection button.refresh').click();
      await s.page.waitForSelector('.problem.held', { timeout: 15000 });
      assert.match(await s.page.locator('.problem.held').innerText(), en);
      assert.deepEqual(await cardTitles(s.page), ['Water cut in Rimal'], 'the good copy stays');
      await s.goto('?view=notices&lang=ar');
      await s.page.waitForSelector('.problem.held', { timeout: 15000 });
      const problem = (await s.page.locator('.problem.held').innerText()).replace('data/notices.json', '');
      assert.match(problem, ar);
      assert.match(problem, /[\u0600-\u06FF]{4}/);
      assert.deepEqual(await cardTitles(s.page), ['انقطاع المياه في الرمال']);
      assert.deepEqual(s.guard.errors, [], 'no page error, no panic');
    } finally {
      await s.close();
    }
  });
}
