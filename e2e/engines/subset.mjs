// The cross-engine subset: what a reader on an iPhone (WebKit) or on an NGO
// site in Firefox does most, run in Firefox ESR and WebKitGTK through
// WebDriver (./webdriver.mjs). The Chromium suite (e2e/*.test.mjs) goes
// deeper; this checks that each of its main paths works in the other two
// engines, and that what an engine lacks degrades as a reader would expect:
// no navigator.connection (taken as a slow link), no Web Share with files,
// no voice, no share target.
//
// The browsers keep their own clocks (WebDriver cannot move them): the
// server sends the real Date, and nothing here depends on the hour.

import { describe, test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile, rm } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deployment, demoFeed, demoNames, inLang, cardTitles as titles, shellUrls, keptAll, OPTIONAL, ROOT, AXE_TAGS } from '../harness.mjs';
import { startServer, hostCaching } from '../server.mjs';
import { signedFiles, older, CROSSINGS, named } from '../bulletins.mjs';
import { ENGINES, launchEngine } from './webdriver.mjs';

const clean = (s) => s.replace(/\s+/g, ' ').trim();
const versions = {};

// WebDriver does not report a page's errors: a script of the test's, first
// in index.html (a file, so the page's policy allows it), keeps each one in
// sessionStorage, where it outlives the page; `errors` reads them.
const GUARD = `(function () {
  function keep(what) {
    var all = JSON.parse(sessionStorage.getItem('guard-errors') || '[]');
    all.push(String(what));
    sessionStorage.setItem('guard-errors', JSON.stringify(all));
  }
  addEventListener('error', function (e) { keep(e.message); });
  addEventListener('unhandledrejection', function (e) { keep(e.reason + ' ' + (e.reason && e.reason.stack || '')); });
})();`;

async function guard(dir) {
  await writeFile(join(dir, 'guard.js'), GUARD);
  const index = join(dir, 'index.html');
  const html = await readFile(index, 'utf8');
  await writeFile(index, html.replace('<head>', '<head><script src="guard.js"></script>'));
  await rm(index + '.br', { force: true });
  await rm(index + '.gz', { force: true });
}

/** The page errors seen in this tab so far. */
const errors = (b) => b.run(() => JSON.parse(sessionStorage.getItem('guard-errors') || '[]'));

/** A reader of `engine` on a copy of the published demo (or `files`). */
async function reader(engine, { files = {}, publish = false, js = true, lang } = {}) {
  const dir = await deployment(files, { publish });
  await guard(dir);
  // Hosted as the README asks: hashed names kept a year, the rest checked.
  const server = await startServer({ dir, cacheControl: hostCaching });
  const b = await launchEngine(engine, { js, lang });
  versions[engine] = `${b.label} ${b.version}`;
  const close = async () => {
    // Every test that loads the app ends here with no page error.
    const seen = js ? await errors(b).catch(() => []) : [];
    await b.close();
    await server.close();
    assert.deepEqual(seen, [], `page errors in ${b.label}`);
  };
  return { b, server, dir, close };
}

/** Opens `query` and waits for the live app to have replaced the first screen. */
async function live(b, url) {
  await b.go(url);
  await b.until(() => !document.querySelector('#boot, .boot') && document.querySelector('#app[data-live]') && document.querySelector('#view-title'), [], { what: 'the live app' });
  assert.equal(await b.run(() => document.querySelectorAll('.fatal').length), 0, 'no fatal error');
  assert.deepEqual(await errors(b), [], `page errors in ${b.label}`);
}

/** axe-core's WCAG 2.2 A/AA and best-practice violations on the page as it stands. */
let axeSource;
async function axe(b) {
  axeSource ??= await readFile(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  if (!(await b.run(() => !!window.axe))) await b.inject(axeSource);
  return b.run(async (values) => {
    document.querySelectorAll('.cards > li').forEach((li) => { li.style.contentVisibility = 'visible'; });
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values } });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, AXE_TAGS);
}

for (const engine of Object.keys(ENGINES)) {
  describe(ENGINES[engine].label, () => {
    test('the first screen, then the live app, in Arabic and English; axe-core finds nothing', async () => {
      const r = await reader(engine);
      try {
        const crossings = (await demoFeed('corridors.json')).items;
        for (const [lang, dir] of [['ar', 'rtl'], ['en', 'ltr']]) {
          await live(r.b, `${r.server.url}?lang=${lang}`);
          assert.deepEqual(await r.b.run(() => [document.documentElement.lang, document.documentElement.dir]), [lang, dir]);
          const first = await r.b.run(() => document.querySelector('.summary .compact > li:first-child a')?.textContent);
          assert.ok(crossings.some((c) => inLang(c.name, lang) === clean(first ?? '')), `the first crossing, in ${lang}: ${first}`);
          assert.equal(await r.b.run(() => document.querySelectorAll('.demo-banner').length), 1, 'demo data labelled');
          assert.ok(await r.b.run(() => document.documentElement.scrollWidth <= innerWidth), 'nothing sideways');
          await r.b.screenshot(`engine-${engine}-now-${lang}`);
          assert.deepEqual(await axe(r.b), [], `axe-core on the overview in ${lang}`);
          await live(r.b, `${r.server.url}?lang=${lang}&view=corridors`);
          assert.deepEqual(await axe(r.b), [], `axe-core on the crossings in ${lang}`);
        }
      } finally {
        await r.close();
      }
    });

    test('a list: search and a filter narrow it and live in the address; an item page opens from it', async () => {
      const r = await reader(engine);
      try {
        await live(r.b, `${r.server.url}?lang=en&view=distribution`);
        const all = await titles(r.b);
        assert.ok(all.length >= 4, all.join(' | '));
        await r.b.click('details.filters summary');
        await r.b.type('#search', 'kitchen');
        await r.b.until(() => location.search.includes('q=kitchen'), [], { what: 'q= in the address' });
        // Letter by letter the list narrows; once the word is typed, only kitchens.
        const found = await r.b.until(() => { const t = [...document.querySelectorAll('.cards article')].map((a) => a.textContent); return t.length && t.every((x) => /kitchen/i.test(x)) && t; }, [], { what: 'only cards with "kitchen"' });
        assert.ok(found.length < all.length, `${found.length} of ${all.length}`);
        // Deleted as a reader deletes it (WebDriver's clear does not fire input).
        await r.b.type('#search', '\uE003'.repeat('kitchen'.length));
        await r.b.until((n) => document.querySelectorAll('.cards article').length === n, [all.length], { what: 'every card back' });
        await r.b.click('#area-filter option[value="khan_younis"]');
        await r.b.until(() => location.search.includes('area=khan_younis'), [], { what: 'area= in the address' });
        // textContent: cards below the screen are not drawn until scrolled to (content-visibility).
        const inArea = await r.b.run(() => [...document.querySelectorAll('.cards article')].map((a) => a.textContent));
        assert.ok(inArea.length >= 1 && inArea.length < all.length && inArea.every((t) => t.includes('Khan Younis')), inArea.join('\n---\n'));
        await r.b.screenshot(`engine-${engine}-filtered-en`);

        // The first card's own page, then back to the list as it was.
        const title = (await titles(r.b))[0];
        await r.b.click('.cards article h2 a');
        const item = await r.b.until(() => /[?&]id=/.test(location.search) && document.querySelectorAll('.cards > li').length === 1 && document.querySelector('.cards article h2').textContent, [], { what: 'the item page: one card' });
        assert.equal(clean(item), title);
        await r.b.screenshot(`engine-${engine}-item-en`);
        await r.b.call('POST', '/back', {});
        await r.b.until(() => location.search.includes('area=khan_younis') && !/[?&]id=/.test(location.search) && document.querySelector('.cards article'), [], { what: 'back to the list' });
        assert.equal(await r.b.run(() => document.querySelector('#area-filter').value), 'khan_younis');
      } finally {
        await r.close();
      }
    });

    test('the map: the five governorates, named and credited', async () => {
      const r = await reader(engine);
      try {
        for (const lang of ['en', 'ar']) {
          await live(r.b, `${r.server.url}?lang=${lang}&view=map`);
          const govs = await r.b.until(() => { const p = document.querySelectorAll('svg.map polygon.gov'); return p.length && [...p].map((g) => g.getAttribute('aria-label')); }, [], { what: 'the governorates' });
          if (lang === 'en') assert.deepEqual(govs, ['Area: North Gaza', 'Area: Gaza City', 'Area: Middle Area (Deir al-Balah)', 'Area: Khan Younis', 'Area: Rafah']);
          else assert.equal(govs.length, 5);
          const box = await r.b.run(() => { const b = document.querySelector('svg.map').getBoundingClientRect(); return [b.width, b.height]; });
          assert.ok(box[0] > 200 && box[1] > 200, `the map is drawn at a size: ${box}`);
          assert.match(await r.b.run(() => document.querySelector('.map-source').innerText), /COD-AB.*geoBoundaries.*CC BY 3\.0 IGO/s);
          await r.b.screenshot(`engine-${engine}-map-${lang}`);
        }
      } finally {
        await r.close();
      }
    });

    test('a widget placed by embed.js on another origin shows its items and is sized to them', async () => {
      const portalDir = await deployment();
      const portal = await startServer({ dir: portalDir, base: '/ngo/' });
      const hostDir = await mkdtemp(join(tmpdir(), 'bawaba-host-'));
      await writeFile(join(hostDir, 'index.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head><body style="margin:0;font-family:sans-serif">
<h1>A news site</h1><div id="w"><script src="${portal.url}embed.js" data-feed="distribution" data-lang="ar" data-limit="2"></script></div><p>End of article.</p></body></html>`);
      const host = await startServer({ dir: hostDir });
      const b = await launchEngine(engine);
      try {
        assert.notEqual(new URL(host.url).origin, new URL(portal.url).origin);
        await b.go(host.url);
        await b.until(() => document.querySelector('#w > iframe'), [], { what: 'the iframe' });
        const frame = await b.find('#w > iframe');
        await b.call('POST', '/frame', { id: { 'element-6066-11e4-a52e-4f735466cecf': frame } });
        // The published page holds every point; widget.js keeps the two asked for.
        const inner = await b.until(() => document.querySelectorAll('.widget .cards > li').length === 2 && [document.documentElement.dir, Math.ceil(document.body.getBoundingClientRect().height), document.querySelectorAll('.demo-banner').length], [], { what: 'the widget’s two items (data-limit=2)' });
        assert.equal(inner[0], 'rtl', 'Arabic, right to left');
        assert.equal(inner[2], 1, 'demo data labelled in the widget');
        await b.call('POST', '/frame/parent', {});
        await b.until((h) => Math.abs(document.querySelector('#w > iframe').getBoundingClientRect().height - h) <= 2, [inner[1]], { what: `the iframe's height to be its content's, ${inner[1]} px` });
        await b.screenshot(`engine-${engine}-widget-ar`);
      } finally {
        await b.close();
        await host.close();
        await portal.close();
      }
    });

    test('JavaScript off: the first screen and the static pages show every crossing and aid point', async () => {
      const r = await reader(engine, { js: false });
      try {
        for (const [lang, dir] of [['ar', 'rtl'], ['en', 'ltr']]) {
          await r.b.go(`${r.server.url}static/${lang}.html`);
          const text = clean(await r.b.call('GET', `/element/${await r.b.find('body')}/text`));
          for (const name of await demoNames(lang)) assert.ok(text.includes(name), `${name} on the ${lang} page`);
          assert.equal(await r.b.call('GET', `/element/${await r.b.find('html')}/attribute/dir`), dir);
          assert.ok(text.length > 500);
          await r.b.screenshot(`engine-${engine}-static-${lang}`);
        }
        // The portal's own first screen, as published: readable with no script.
        await r.b.go(r.server.url);
        assert.equal(await r.b.call('GET', `/element/${await r.b.find('#app')}/attribute/data-live`), null, 'no script ran');
        const first = clean(await r.b.call('GET', `/element/${await r.b.find('#boot')}/text`));
        const crossings = (await demoFeed('corridors.json')).items;
        assert.ok(crossings.some((i) => first.includes(inLang(i.name, 'ar'))), first.slice(0, 300));
        await r.b.screenshot(`engine-${engine}-first-screen-nojs`);
      } finally {
        await r.close();
      }
    });

    test('offline after one visit, with no word from the browser on the link: taken as slow, nothing optional fetched unasked; what was opened opens offline', async () => {
      const r = await reader(engine);
      try {
        // The first visit opens the map: its part is fetched before the worker exists.
        await live(r.b, `${r.server.url}?lang=en&view=map`);
        await r.b.until(() => document.querySelector('svg.map polygon.gov'), [], { what: 'the map' });
        assert.equal(await r.b.run(() => typeof navigator.connection), 'undefined', 'this engine says nothing about the link');
        assert.ok(await r.b.run(() => 'serviceWorker' in navigator), 'this engine has service workers');
        await r.b.run(async () => { await navigator.serviceWorker.ready; });
        await live(r.b, `${r.server.url}?lang=en&view=corridors`);
        await r.b.until(() => navigator.serviceWorker.controller, [], { what: 'the worker in control' });
        const before = await titles(r.b);
        // The worker's install and what it keeps after: the map, fetched
        // before the worker existed, among it.
        const map = OPTIONAL.find((f) => f.startsWith('part-map-'));
        await keptAll(r.b, [map]);
        const kept = await shellUrls(r.b);
        assert.ok(kept.some((u) => u.endsWith('_bg.wasm')), 'the app is kept');
        // (Firefox fetches an apple-touch-icon as soon as a page names one:
        // index.html names none, the manifest's icons serve a home screen.)
        const fetched = OPTIONAL.filter((f) => r.server.requests.some((p) => p.endsWith('/' + f)));
        const opened = OPTIONAL.filter((f) => /^(part-map-|part-[0-9a-f]{16}\.wasm|views\.css)/.test(f));
        assert.deepEqual(fetched.filter((f) => !opened.includes(f)), [], 'nothing optional fetched but what the map needed, on a link the browser says nothing of');
        assert.deepEqual(OPTIONAL.filter((f) => kept.some((u) => u.endsWith('/' + f)) && !fetched.includes(f)), [], 'nothing optional kept that the page did not fetch');
        // Every byte once, where the browser has an HTTP cache to take them
        // from: WebKitGTK's automation session has none (a file kept for an
        // hour is fetched again at once), so what it fetches twice says
        // nothing of Safari's; a phone's browser has one.
        const bodies = r.server.answers.filter(([, status]) => status === 200).map(([path]) => path);
        // (embed.js: kept an hour by the host, and not the worker's.)
        const hits = () => r.server.requests.filter((p) => p.endsWith('/embed.js')).length;
        const was = hits();
        await r.b.run(async () => { for (let i = 0; i < 2; i++) await (await fetch('embed.js')).text(); });
        if (hits() - was === 1) assert.deepEqual(bodies.filter((p, i) => bodies.indexOf(p) !== i), [], 'no file downloaded twice: ' + bodies.join(' '));
        else console.log(`# ${r.b.label}: no HTTP cache in this session; files fetched more than once not checked`);

        // About the data says "Pass it on" needs a connection first, with its size.
        await live(r.b, `${r.server.url}?lang=en&view=about`);
        const pass = await r.b.until(() => [...document.querySelectorAll('section.pass p')].map((p) => p.innerText).find((t) => /needs a connection/i.test(t)), [], { what: 'Pass it on saying it needs a connection' });
        assert.match(pass, /\d+\s*KB/, pass);

        // The server gone, as in a blackout: the browser still says it is online.
        await r.server.close();
        await live(r.b, `${r.server.url}?lang=en&view=corridors`);
        assert.deepEqual(await titles(r.b), before, 'the saved crossings, offline');
        await r.b.screenshot(`engine-${engine}-offline-en`);
        await live(r.b, `${r.server.url}?lang=ar&view=map`);
        await r.b.until(() => document.querySelector('svg.map polygon.gov'), [], { what: 'the map, opened before, offline' });
        // A view never opened says it needs a connection, not that the portal changed.
        await r.b.go(`${r.server.url}?lang=ar&view=print`);
        // Until the feeds have failed too, a part that failed while the
        // browser says online may first be taken for a newer deployment.
        const settled = await r.b.until(() => /تحتاج هذه الصفحة إلى اتصال/.test(document.querySelector('main .problem[role=alert]')?.innerText) && document.querySelector('main').innerText, [], { what: 'the part-offline note', timeout: 10000 }).catch((e) => e.message);
        assert.match(settled, /تحتاج هذه الصفحة إلى اتصال/);
        await r.b.screenshot(`engine-${engine}-part-offline-ar`);
        assert.deepEqual(await errors(r.b), [], `page errors in ${r.b.label}`);
      } finally {
        await r.b.close();
        await r.server.close().catch(() => {});
      }
    });

    test('Pass it on: only "Save the file" where the browser cannot share files; Listen only with a voice', async () => {
      const r = await reader(engine);
      try {
        await live(r.b, `${r.server.url}?lang=en`);
        const canShare = await r.b.run(() => typeof navigator.canShare === 'function' && navigator.canShare({ files: [new File(['x'], 'a.html', { type: 'text/html' })] }));
        // The overview loads it once it is scrolled to.
        await r.b.run(() => scrollTo(0, document.body.scrollHeight));
        await r.b.until(() => [...document.querySelectorAll('section.pass button')].some((x) => /Make the page/.test(x.textContent)), [], { what: '"Make the page"' });
        await r.b.run(() => [...document.querySelectorAll('section.pass button')].find((x) => /Make the page/.test(x.textContent)).click());
        const link = await r.b.until(() => { const a = document.querySelector('section.pass a[download]'); return a && [a.getAttribute('download'), a.textContent.trim()]; }, [], { what: 'the written page' });
        assert.match(link[0], /^bawaba-demo-\d{4}-\d\d-\d\d-en\.html$/);
        const share = await r.b.run(() => [...document.querySelectorAll('section.pass button')].filter((x) => /Share/.test(x.textContent)).length);
        assert.equal(share, canShare ? 1 : 0, `"Share…" only where files can be shared (${canShare})`);
        await r.b.screenshot(`engine-${engine}-pass-en`);

        // Listen: only where the phone has a voice for the language.
        await live(r.b, `${r.server.url}?lang=en&view=corridors`);
        const voices = await r.b.run(async () => {
          if (!window.speechSynthesis) return 0;
          let v = speechSynthesis.getVoices();
          if (!v.length) await new Promise((res) => { speechSynthesis.onvoiceschanged = res; setTimeout(res, 1500); });
          v = speechSynthesis.getVoices();
          return v.filter((x) => x.lang.toLowerCase().startsWith('en')).length;
        });
        const listen = await r.b.run(() => document.querySelectorAll('.card .listen').length);
        assert.equal(listen > 0, voices > 0, `Listen buttons: ${listen}, English voices: ${voices}`);
      } finally {
        await r.close();
      }
    });

    test('receiving: a bulletin opened with "Open a shared file" is taken feed by feed, in English and Arabic', async () => {
      const FEEDS = ['data/corridors.json', 'data/distribution.json', 'data/notices.json'];
      const newerDir = await deployment(await signedFiles(FEEDS), { publish: true });
      const r = await reader(engine, { files: await signedFiles(FEEDS, older) });
      try {
        await live(r.b, `${r.server.url}?lang=en&view=corridors`);
        assert.ok((await titles(r.b)).includes('Kerem Shalom crossing (yesterday)'));
        for (const lang of ['en', 'ar']) {
          await live(r.b, `${r.server.url}?lang=${lang}&view=about`);
          await r.b.until(() => document.querySelector('#shared-file'), [], { what: '"Open a shared file" (About is a part of its own)' });
          await r.b.upload('#shared-file', join(newerDir, 'static', `${lang}.html`));
          // textContent: Firefox's innerText leaves out the isolates (U+2068, U+2069) that place each name in the sentence.
          const lines = await r.b.until(() => { const l = [...document.querySelectorAll('.shared-outcome li')].map((li) => li.textContent.trim()); return l.length && l; }, [], { what: 'the outcome' });
          if (lang === 'en') {
            assert.deepEqual(lines, [
              `${CROSSINGS}: newer than what this phone had. Now shown, marked “received from a shared file”.`,
              `${named('Aid distribution points')}: this phone already has this information or newer. Kept as it was.`,
              `${named('Notices')}: this phone already has this information or newer. Kept as it was.`,
            ]);
          } else {
            // Already taken in English: now the same, said in Arabic.
            assert.match(lines[0], /^\u2068المعابر والطرق — جهة النشر التجريبية لـ«بوابة»\u2069: /);
          }
          await r.b.run(() => document.querySelector('.shared-outcome').scrollIntoView({ block: 'center' }));
          await r.b.screenshot(`engine-${engine}-receive-${lang}`);
        }
        await live(r.b, `${r.server.url}?lang=en&view=corridors`);
        assert.ok((await titles(r.b)).includes('Kerem Shalom (Karem Abu Salem) crossing'));
        assert.match(await r.b.run(() => document.querySelector('.feed-meta').innerText), /^Received from a shared file · /);
      } finally {
        await r.close();
      }
    });

    test('the publisher\'s desk turns a LibreOffice sheet into the feed bawaba-feed import writes, and names a bad cell in Arabic', async () => {
      const r = await reader(engine);
      try {
        const sheet = join(ROOT, 'crates/cli/tests/data/points-by-hand.xlsx');
        const out = join(r.dir, 'cli-import.json');
        const at = new Date().toISOString();
        // The same publication time the desk takes from this browser's clock, to the second.
        const cli = join(ROOT, 'target', 'debug', 'bawaba-feed');
        await r.b.go(`${r.server.url}desk.html?lang=en`);
        await r.b.until(() => !document.getElementById('sheet').hidden, [], { what: 'the desk' });
        await r.b.upload('#file', sheet);
        await r.b.click('#sheet button[type=submit]');
        const summary = await r.b.until(() => document.querySelector('#result .summary')?.textContent, [], { what: 'the result' });
        assert.equal(summary, 'Items: 3. No problems: the feed is ready');
        const saved = await r.b.run(async () => (await fetch(document.querySelector('#result a.save').href)).text());
        const published = JSON.parse(saved).published_at;
        execFileSync(cli, ['import', sheet, '--kind', 'distribution', '--at', published, '-o', out]);
        assert.equal(saved, await readFile(out, 'utf8'), `the command's bytes (import at ${published}; test started ${at})`);
        const csv = join(r.dir, 'points.csv');
        await writeFile(csv, 'id,updated_at,name:ar,status,area,lat,lon,hours\np1,2026-11-24 08:00,نقطة,open,rafah,31.28,34.25,8-15\n');
        await r.b.go(`${r.server.url}desk.html?lang=ar`);
        await r.b.until(() => !document.getElementById('sheet').hidden && document.documentElement.dir === 'rtl', [], { what: 'the desk in Arabic' });
        await r.b.upload('#file', csv);
        await r.b.click('#sheet button[type=submit]');
        const found = await r.b.until(() => { const li = document.querySelector('#result .found li'); return li && [li.querySelector('.at').textContent, li.querySelector('.text').textContent]; }, [], { what: 'the bad cell' });
        assert.equal(found[0], 'points.csv!H2');
        assert.ok(found[1].includes('ليس نطاق ساعات') && found[1].includes('8-15'), found[1]);
        assert.equal(await r.b.run(() => document.querySelectorAll('#result a.save').length), 0);
        await r.b.screenshot(`engine-${engine}-desk-ar`);
      } finally {
        await r.close();
      }
    });
  });
}

after(() => {
  // The engines and versions this run used, for the README's list.
  if (Object.keys(versions).length) console.log('# engines: ' + Object.values(versions).join(', '));
});
