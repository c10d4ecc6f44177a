// The published edition (`bawaba-feed publish`, run by tools/test after the
// build): one page per language with every item and no script, read with
// JavaScript off, at 360 and 240 px, from a file:// URL with no network, and
// reached from the portal's footer, <noscript> and the no-WebAssembly message.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, open, settled, screenshot, DIST, ROOT, demoNames, AXE_TAGS } from './harness.mjs';
import { startServer } from './server.mjs';

let browser;
before(async () => {
  assert.ok(existsSync(join(DIST, 'static', 'en.html')), 'dist/static/ is missing: run `bawaba-feed publish dist` (tools/test does)');
  browser = await launch();
});
after(async () => { await browser?.close(); });

const AXE = await readFile(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

for (const [lang, dir, heading] of [['ar', 'rtl', 'المعابر ونقاط المساعدات وتنبيهات السلامة'], ['en', 'ltr', 'Crossings, aid points and safety notices']]) {
  for (const width of [360, 240]) {
    test(`the static page in ${lang} at ${width} px, JavaScript off: every crossing and aid point, readable, nothing sideways`, async () => {
      const server = await startServer({ dir: DIST });
      const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width, height: 740 }, deviceScaleFactor: 1 });
      const page = await context.newPage();
      const foreign = [];
      page.on('request', (r) => { if (!r.url().startsWith(server.url)) foreign.push(r.url()); });
      try {
        await page.goto(`${server.url}static/${lang}.html`);
        assert.deepEqual(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]), [lang, dir]);
        assert.equal((await page.locator('h1').innerText()).trim(), heading);
        const text = await page.locator('body').innerText();
        for (const name of await demoNames(lang)) assert.ok(text.replace(/\s+/g, ' ').includes(name), `${name} on the ${lang} page`);
        assert.equal(await page.locator('.demo-banner').count(), 1, 'demo data labelled');
        assert.ok(await page.locator('.danger-banner li').count() >= 1, 'danger notices first');
        assert.equal(await page.locator('.badge-label').filter({ hasText: lang === 'en' ? /Open now/ : /مفتوح الآن/ }).count(), 0, 'never "open now"');
        assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `no sideways scroll at ${width} px`);
        assert.deepEqual(foreign, [], 'no request to another host');
        await screenshot(page, `static-${lang}-${width}`);
      } finally {
        await context.close();
        await server.close();
      }
    });
  }
}

test('axe-core: no violations on the static pages in Arabic and English', async () => {
  const server = await startServer({ dir: DIST });
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  const failures = [];
  try {
    for (const lang of ['ar', 'en']) {
      await page.goto(`${server.url}static/${lang}.html`);
      await page.evaluate(AXE);
      const result = await page.evaluate((values) => window.axe.run(document, { runOnly: { type: 'tag', values } }), AXE_TAGS);
      for (const v of result.violations) {
        failures.push(`${lang}: ${v.id} (${v.impact}) ${v.help}\n    ${v.nodes.slice(0, 3).map((n) => n.target.join(' ') + ' — ' + n.failureSummary.replace(/\s+/g, ' ')).join('\n    ')}`);
      }
    }
  } finally {
    await context.close();
    await server.close();
  }
  assert.deepEqual(failures, []);
});

test('the bulletin opened from a file:// URL shows everything with no network request', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
  await context.setOffline(true);
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  const url = pathToFileURL(join(DIST, 'static', 'en.html')).href;
  try {
    await page.goto(url);
    const text = (await page.locator('body').innerText()).replace(/\s+/g, ' ');
    for (const name of await demoNames('en')) assert.ok(text.includes(name), name);
    assert.match(text, /As published .* Gaza time/);
    assert.deepEqual(requests, [url], 'only the file itself');
    // The feeds travel inside it, inert.
    const blocks = await page.locator('script[type="application/json"].bawaba-feed').evaluateAll((s) => s.map((b) => b.dataset.url));
    assert.deepEqual(blocks.sort(), ['data/corridors.json', 'data/distribution-committee.json', 'data/distribution.json', 'data/notices.json']);
  } finally {
    await context.close();
  }
});

test('the portal links to the static page: footer, <noscript>, and the no-WebAssembly message', async () => {
  const s = await open(browser);
  try {
    await s.goto('?lang=en');
    await settled(s.page);
    const footer = s.page.locator('.site-footer a[href="static/en.html"]');
    assert.equal((await footer.innerText()).trim(), 'Simple page for old phones');
    await footer.click();
    await s.page.waitForURL(/static\/en\.html$/);
    assert.equal((await s.page.locator('h1').innerText()).trim(), 'Crossings, aid points and safety notices');
  } finally {
    await s.close();
  }
  // JavaScript off: index.html's <noscript> offers the page in each language.
  const server = await startServer({ dir: DIST });
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  try {
    await page.goto(server.url);
    const links = await page.locator('noscript a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.deepEqual(links, ['static/ar.html', 'static/en.html', 'static/he.html', 'static/fr.html']);
    await page.locator('noscript a[href="static/ar.html"]').click();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'ar');
  } finally {
    await context.close();
    await server.close();
  }
  // No WebAssembly: the message links to the page in the reader's language first.
  const t = await open(browser);
  try {
    await t.page.addInitScript(() => { delete window.WebAssembly; });
    await t.page.goto(t.server.url + '?lang=en');
    await t.page.waitForSelector('.no-app .simple-page');
    assert.equal(await t.page.locator('.no-app .simple-page').first().getAttribute('href'), 'static/en.html');
  } finally {
    await t.close();
  }
});
