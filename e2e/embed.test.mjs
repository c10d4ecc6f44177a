// Widgets on another site: a host page on another origin (another port)
// with two plain iframes and two embed.js widgets, and the builder's snippet
// pasted into a host page.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, deployment, TUESDAY_10, screenshot, watchCsp, axeViolations } from './harness.mjs';
import { startServer } from './server.mjs';

let browser, portal, portalDir;
before(async () => {
  browser = await launch();
  portalDir = await deployment();
  portal = await startServer({ dir: portalDir, base: '/ngo/widgets/', date: false });
});
after(async () => {
  await portal?.close();
  await browser?.close();
});

async function host(html) {
  const dir = await mkdtemp(join(tmpdir(), 'bawaba-host-'));
  await writeFile(join(dir, 'index.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head><body style="margin:0;font-family:sans-serif">
<h1>A news site</h1>${html}<p id="end">End of article.</p></body></html>`);
  return startServer({ dir });
}

async function hostPage(server) {
  const context = await browser.newContext({ viewport: { width: 400, height: 900 } });
  // The widgets' frames run under the portal's policy: no violation there either.
  const csp = await watchCsp(context);
  const page = await context.newPage();
  await page.clock.setFixedTime(new Date(TUESDAY_10));
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const hosts = new Set();
  const requests = [];
  page.on('request', (r) => {
    hosts.add(new URL(r.url()).origin);
    let frame = '';
    try { frame = r.frame().url(); } catch { /* a worker's request */ }
    requests.push({ frame, url: r.url() });
  });
  await page.goto(server.url);
  return { page, context, errors, hosts, csp, requests };
}

/** The frame whose URL contains `needle`, once its widget has rendered items. */
async function widget(page, needle) {
  const frame = page.frames().find((f) => f.url().includes(needle));
  assert.ok(frame, `a frame for ${needle}: ${page.frames().map((f) => f.url()).join(' ')}`);
  await frame.waitForSelector('.widget .cards > li, .widget .compact > li', { timeout: 20000 });
  return frame;
}

test('two plain iframes and two embed.js widgets on another origin: right items, right heights, nothing shared', async () => {
  const p = portal.url;
  const server = await host(`
    <iframe id="plain-ar" src="${p}?embed=distribution&lang=ar&area=khan_younis" title="نقاط التوزيع" style="width:100%;height:500px;border:0"></iframe>
    <iframe id="plain-en" src="${p}?embed=corridors&lang=en&compact=1&limit=3" title="Crossings" style="width:100%;height:400px;border:0"></iframe>
    <div id="w1"><script src="${p}embed.js" data-feed="notices" data-lang="fr" data-area="khan_younis" data-compact></script></div>
    <div id="w2"><script src="${p}embed.js" data-feed="distribution" data-lang="he" data-area="rafah" data-theme="dark" data-limit="2"></script></div>
  `);
  const { page, context, errors, hosts, csp, requests } = await hostPage(server);
  try {
    // Plain iframe, Arabic, Khan Younis only.
    const ar = await widget(page, 'lang=ar');
    assert.equal(await ar.evaluate(() => document.documentElement.dir), 'rtl');
    const arAreas = await ar.locator('.cards article').evaluateAll((as) => as.map((a) => a.innerText));
    assert.ok(arAreas.length >= 1 && arAreas.every((t) => t.includes('خان يونس')), arAreas.join('\n---\n'));
    assert.equal(await ar.locator('.demo-banner').count(), 1, 'demo label in the widget');
    const metas = await ar.locator('.feed-meta').allInnerTexts();
    assert.equal(metas.length, 2, 'each of the demo’s two aid publishers');
    assert.ok(metas.every((m) => /[٠-٩]/.test(m)), 'each publication time is shown, in Arabic digits');
    assert.match(await ar.locator('.danger-banner').innerText(), /خان يونس/, 'the area’s danger notice');
    const full = ar.locator('.open-full a');
    assert.equal(await full.getAttribute('target'), '_blank');
    assert.match(await full.getAttribute('href'), /view=distribution/);
    // Plain iframe, English corridors, compact, 3 lines.
    const en = await widget(page, 'lang=en');
    assert.equal(await en.locator('.compact > li').count(), 3);
    assert.equal(await en.locator('.danger-banner li').count(), 2, 'no area chosen: every danger notice');
    assert.equal(await en.evaluate(() => document.documentElement.lang), 'en');

    // embed.js widgets: inserted where the script is, sized to content.
    // Each the page `publish` wrote for its kind and language: no app, no feed, no language bundle.
    for (const [box, page_, dir] of [['#w1', 'widgets/notices-fr-compact.html', 'ltr'], ['#w2', 'widgets/distribution-he.html', 'rtl']]) {
      const iframe = page.locator(`${box} > iframe`);
      assert.equal(await iframe.count(), 1, `${box} has its iframe`);
      assert.equal(await iframe.getAttribute('loading'), 'lazy');
      assert.equal(await iframe.getAttribute('referrerpolicy'), 'no-referrer');
      assert.match(await iframe.getAttribute('sandbox'), /allow-scripts/);
      assert.ok((await iframe.getAttribute('title')).length > 5);
      await iframe.scrollIntoViewIfNeeded();
      const frame = await widget(page, page_);
      assert.equal(await frame.evaluate(() => document.documentElement.dir), dir);
      // The iframe's height follows its content (within a pixel or two),
      // measured inside the (cross-origin) frame.
      const inner = await frame.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
      await page.waitForFunction(([sel, h]) => Math.abs(document.querySelector(sel).getBoundingClientRect().height - h) <= 2, [`${box} > iframe`, inner], { timeout: 10000 });
    }
    const fr = await widget(page, 'widgets/notices-fr-compact.html');
    const frTitles = (await fr.locator('.compact > li').allInnerTexts()).join('\n');
    // The demo feed's danger notice for Khan Younis, in French; none of Gaza City's or the north's.
    assert.match(frTitles, /Engin non explosé près d'une école/, 'French notices for Khan Younis');
    assert.doesNotMatch(frTitles, /Cheikh Radwan|Jabalia|ouest de la ville de Gaza|[\u0600-\u06ff]/, 'only Khan Younis, only French');
    assert.equal(await fr.evaluate(() => document.documentElement.lang), 'fr');
    assert.equal(await fr.locator('.demo-banner').count(), 1, 'demo label in the published widget');
    assert.match(await fr.locator('.as-published').innerText(), /Tel que publié le/, 'says when it was published');
    assert.match(await fr.locator('h1').innerText(), /· Khan Younès$/, 'names its area');
    const frDangers = await fr.locator('.danger-banner li').allInnerTexts();
    assert.ok(frDangers.length >= 1 && frDangers.every((t) => !/Cheikh Radwan/.test(t)), `only the area's danger notices: ${frDangers.join(' | ')}`);
    const he = await widget(page, 'widgets/distribution-he.html');
    assert.equal(await he.locator('.cards > li').count(), 2, 'data-limit=2');
    assert.equal(await he.evaluate(() => document.documentElement.dataset.theme), 'dark');
    const heAreas = await he.locator('.cards article').evaluateAll((as) => as.map((a) => a.innerText));
    assert.ok(heAreas.every((t) => t.includes('רפיח')), heAreas.join('\n---\n'));

    // The published widgets meet WCAG 2.2 AA as the live one does, dark theme included.
    for (const [name, f] of [['fr', fr], ['he dark', he]]) {
      const { violations } = await axeViolations(f);
      assert.deepEqual(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`), [], `axe, published widget ${name}`);
    }
    // The published widgets fetched no feed and no language's words.
    const fromPublished = requests.filter((r) => /\/widgets\/[a-z]+-[a-z]{2}(-compact)?\.html/.test(r.frame)).map((r) => r.url);
    assert.ok(fromPublished.some((u) => u.endsWith('/widget.js')), fromPublished.join(' '));
    assert.deepEqual(fromPublished.filter((u) => /\/data\/|config\.json|i18n-|\.wasm|bawaba-/.test(u)), []);
    // Nothing leaks to the host: no cookies, no storage, no foreign requests.
    assert.equal(await page.evaluate(() => document.cookie), '');
    assert.equal(await page.evaluate(() => localStorage.length), 0);
    assert.deepEqual([...hosts].sort(), [new URL(server.url).origin, new URL(portal.url).origin].sort());
    assert.deepEqual(errors, []);
    assert.deepEqual(csp, [], 'no Content-Security-Policy violation in the widgets');
    // A resize is accepted only when it comes from the portal's origin, from
    // that widget's own frame, and names that widget: each forged message
    // below fails exactly one of the three checks. A listener of the host's,
    // added after embed.js's, counts arrivals, so each check waits for its
    // message to have been handled instead of for a fixed time.
    const w1 = page.locator('#w1 > iframe');
    const wid1 = new URL(await w1.getAttribute('src')).searchParams.get('wid');
    const frameOf = async (sel) => (await page.locator(sel).elementHandle()).contentFrame();
    const f1 = await frameOf('#w1 > iframe');
    const f2 = await frameOf('#w2 > iframe');
    await page.evaluate(() => {
      window.__arrived = 0;
      addEventListener('message', (e) => { if (e.data && e.data.bawaba === 'height') window.__arrived++; });
    });
    let sent = 0;
    const send = async (frame, wid, height) => {
      await frame.evaluate(([w, h]) => parent.postMessage({ bawaba: 'height', wid: w, height: h }, '*'), [wid, height]);
      sent++;
      await page.waitForFunction((n) => window.__arrived >= n, sent, { timeout: 5000 });
    };
    const height = () => w1.evaluate((f) => f.style.height);
    let was = await height();
    await send(f1, 'x', 5);
    assert.equal(await height(), was, 'a message from the widget’s own frame naming another widget is ignored');
    was = await height();
    await send(f2, wid1, 6);
    assert.equal(await height(), was, 'a message naming the widget from another frame of the portal is ignored');
    // The same message from the right frame is obeyed: the channel works, so
    // the refusals above are the checks at work.
    await send(f1, wid1, 7);
    assert.equal(await height(), '7px', 'the widget’s own message is obeyed');
    // The widget's frame navigated to a page of another origin (an opaque
    // data: origin) keeps its window: only the origin check stops it.
    await f1.evaluate(() => { location.href = 'data:text/html,<p>elsewhere</p>'; });
    const elsewhere = await (async () => {
      for (let i = 0; i < 50; i++) {
        const f = await frameOf('#w1 > iframe');
        if (f && f.url().startsWith('data:')) { try { await f.waitForSelector('p'); return f; } catch { /* navigating */ } }
        await page.waitForTimeout(100);
      }
      throw new Error('the widget frame did not navigate');
    })();
    was = await height();
    await send(elsewhere, wid1, 8);
    assert.equal(await height(), was, 'a message from the widget’s frame on another origin is ignored');
    await screenshot(page, 'embed-host');
  } finally {
    await context.close();
    await server.close();
  }
});

test('the builder’s copied script snippet works when pasted into another site', async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 900 } });
  const builderCsp = await watchCsp(context);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(portal.url).origin });
  const page = await context.newPage();
  await page.clock.setFixedTime(new Date(TUESDAY_10));
  try {
    await page.goto(portal.url + '?view=embed&lang=en');
    await page.waitForSelector('#b-feed');
    await page.selectOption('#b-feed', 'corridors');
    await page.selectOption('#b-lang', 'ar');
    await page.selectOption('#b-area', 'rafah');
    await page.locator('#b-compact').check();
    await page.locator('#snippet-script + p button').click();
    // The confirmation waits for the clipboard's answer.
    await page.waitForFunction(() => document.querySelector('#snippet-script + p [role=status]').textContent !== '');
    assert.match(await page.locator('#snippet-script + p [role=status]').innerText(), /Copied/);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(copied, /^<script src="http:\/\/127\.0\.0\.1:\d+\/ngo\/widgets\/embed\.js" data-feed="corridors" data-lang="ar" data-area="rafah" data-limit="5" data-compact async referrerpolicy="no-referrer"><\/script>$/);
    const iframeCode = await page.locator('#snippet-iframe').inputValue();
    assert.match(iframeCode, /widgets\/corridors-ar-compact\.html\?area=rafah&amp;limit=5"/);
    assert.match(iframeCode, /loading="lazy"/);
    assert.match(iframeCode, /title="المعابر والطرق"/);
    // The preview shows the same widget.
    const preview = page.frameLocator('iframe.preview');
    await preview.locator('.compact > li').first().waitFor({ timeout: 20000 });
    await screenshot(page, 'builder-en');

    const server = await host(copied + iframeCode);
    const h = await hostPage(server);
    try {
      const frames = () => h.page.frames().filter((f) => f.url().includes('widgets/corridors-ar-compact.html'));
      await h.page.waitForFunction(() => document.querySelectorAll('iframe').length === 2);
      await h.page.waitForTimeout(500);
      assert.equal(frames().length, 2);
      for (const f of frames()) {
        await f.waitForSelector('.compact > li', { timeout: 20000 });
        assert.equal(await f.evaluate(() => document.documentElement.lang), 'ar');
        assert.ok(await f.locator('.compact > li').count() >= 1);
      }
      assert.deepEqual(h.errors, []);
      assert.deepEqual(h.csp, [], 'no Content-Security-Policy violation in the pasted widget');
    } finally {
      await h.context.close();
      await server.close();
    }
    assert.deepEqual(builderCsp, [], 'no Content-Security-Policy violation in the builder');
  } finally {
    await context.close();
  }
});
