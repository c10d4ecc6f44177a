// Hardening and accessibility: the shipped Content-Security-Policy, no
// cookies, the message for browsers that cannot run the app, and axe-core
// (WCAG 2.2 A/AA rules plus axe's best practices: landmarks, one h1,
// heading order) on every view and the widget in Arabic and English.
// CSP violations in any browser test fail it (see harness.mjs `close`).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, open, settled, screenshot, envelope, testConfig, DIST, ROOT, openFilters, axeViolations } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const cspOf = (html) => html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/)?.[1];
const directive = (csp, name) => csp.split(';').map((d) => d.trim()).find((d) => d.startsWith(name + ' ')) ?? '';

test('the build ships a strict Content-Security-Policy, the same as the header file for CDNs', async () => {
  const html = await readFile(join(DIST, 'index.html'), 'utf8');
  const csp = cspOf(html);
  assert.ok(csp, 'a CSP meta tag');
  assert.equal(csp + '\n', await readFile(join(DIST, 'csp.txt'), 'utf8'));
  assert.match(directive(csp, 'default-src'), /'none'/);
  const scripts = directive(csp, 'script-src');
  assert.doesNotMatch(scripts, /'unsafe-inline'|'unsafe-eval'|\*/);
  assert.match(scripts, /'wasm-unsafe-eval'/);
  assert.doesNotMatch(directive(csp, 'style-src'), /unsafe-inline/);
  assert.equal(directive(csp, 'connect-src'), "connect-src 'self'", 'the demo config names no other host');
  assert.equal(directive(csp, 'object-src'), "object-src 'none'");
  // Each inline script and style trunk wrote is allowed by exactly its hash.
  const { createHash } = await import('node:crypto');
  const hash = (t) => `'sha256-${createHash('sha256').update(t).digest('base64')}'`;
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  assert.equal(inline.length, 1, 'trunk writes one start-up script');
  const styles = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]);
  const allowed = (d) => directive(csp, d).split(/\s+/).filter((t) => t.startsWith("'sha256-"));
  assert.deepEqual(allowed('script-src').sort(), inline.map(hash).sort(), 'script-src allows exactly the inline scripts, each by its hash');
  assert.deepEqual(allowed('style-src').sort(), styles.map(hash).sort(), 'style-src allows exactly the inline styles, each by its hash');
});

test('the post-build hook puts the origins of https feeds from config.json in connect-src', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'bawaba-hook-'));
  await writeFile(join(dir, 'index.html'), '<meta http-equiv="Content-Security-Policy" content="__CSP__"><style>p{color:red}</style><script type="module">start()</script>');
  await writeFile(join(dir, 'sw.js'), "const V = '__VERSION__'; const S = ['__SHELL__'];");
  await writeFile(join(dir, 'config.json'), JSON.stringify({ feeds: ['data/a.json', 'https://feeds.example.org/gaza/b.json', 'https://feeds.example.org/c.json', 'https://ngo.example.net/d.json'] }));
  execFileSync('node', [join(ROOT, 'tools', 'postbuild.mjs'), dir], { env: { ...process.env, TRUNK_PROFILE: 'debug' } });
  const csp = await readFile(join(dir, 'csp.txt'), 'utf8');
  assert.equal(directive(csp.trim(), 'connect-src'), "connect-src 'self' https://feeds.example.org https://ngo.example.net");
  const { createHash } = await import('node:crypto');
  const hash = (t) => createHash('sha256').update(t).digest('base64');
  assert.ok(directive(csp, 'script-src').includes(hash('start()')), csp);
  assert.ok(directive(csp, 'style-src').includes(hash('p{color:red}')), csp);
  assert.equal(cspOf(await readFile(join(dir, 'index.html'), 'utf8')), csp.trim());
});

test('the Content-Security-Policy guard every browser test relies on does catch a violation', async () => {
  const s = await open(browser);
  try {
    await s.goto('?lang=en');
    await settled(s.page);
    // What a feed's markup would try if it were ever inserted as HTML.
    await s.page.evaluate(() => {
      const el = document.createElement('script');
      el.textContent = 'window.__pwned = 1';
      document.body.append(el);
    });
    // The violation report reaches the guard through the console: wait for it
    // (bounded), rather than for a fixed time.
    for (let i = 0; i < 50 && s.guard.csp.length === 0; i++) await s.page.waitForTimeout(100);
    assert.equal(await s.page.evaluate(() => window.__pwned), undefined, 'the inline script was blocked');
    assert.ok(s.guard.csp.length >= 1, 'and the guard saw it');
    assert.match(s.guard.csp.join('\n'), /script-src/);
    s.guard.csp.length = 0;
  } finally {
    await s.close();
  }
});

test('no cookies, and nothing stored but the language choice and the kept feeds', async () => {
  const s = await open(browser);
  try {
    for (const q of ['?lang=en', '?view=distribution&lang=ar', '?view=map&lang=en', '?embed=notices&lang=fr']) {
      await s.goto(q);
      await settled(s.page);
    }
    assert.deepEqual(await s.page.context().cookies(), []);
    assert.equal(await s.page.evaluate(() => document.cookie), '');
    const keys = await s.page.evaluate(() => Object.keys(localStorage));
    assert.ok(keys.every((k) => /lang/.test(k)), JSON.stringify(keys));
  } finally {
    await s.close();
  }
});

// A browser without WebAssembly: removed before any page script runs.
const noWasm = (page) => page.addInitScript(() => { delete window.WebAssembly; });

test('without WebAssembly: a clear message in the reader\'s language above the published overview, feed text as text', async () => {
  const hostile = envelope('notices', [
    { id: 'n1', category: 'roads', severity: 'danger', updated_at: '2026-11-24T08:00:00+02:00', effective_at: '2026-11-24T08:00:00+02:00', title: { en: '<img src=x onerror="window.__pwned=1">Road closed', ar: '<img src=x onerror="window.__pwned=1">الطريق مغلق' }, body: { en: '<script>window.__pwned=2</script>Use the coastal road.' } },
  ], { demo: true });
  const s = await open(browser, { publish: true, files: { 'config.json': testConfig(['data/notices.json']), 'data/notices.json': hostile } });
  try {
    await noWasm(s.page);
    await s.page.goto(s.server.url + '?lang=en');
    await s.page.waitForSelector('.no-app');
    assert.equal(await s.page.locator('.no-app .no-app-title').innerText(), 'This phone’s browser cannot run the Bawaba app.', 'en-US reader: English');
    assert.equal(await s.page.locator('.no-app .simple-page').getAttribute('href'), 'static/en.html');
    // The overview as published (the deployment's default language, Arabic).
    assert.equal(await s.page.locator('#boot .danger-banner li a').innerText(), '<img src=x onerror="window.__pwned=1">الطريق مغلق', 'feed text shown as text');
    assert.match(await s.page.locator('#boot .demo-banner').innerText(), /بيانات تجريبية/);
    assert.equal(await s.page.evaluate(() => window.__pwned), undefined, 'no feed script ran');
    assert.equal(await s.page.locator('#boot img, #boot script').count(), 0);
    await screenshot(s.page, 'no-wasm-en');
  } finally {
    await s.close();
  }
});

test('without WebAssembly on a deployment never published: the message in all four languages, the reader\'s first', async () => {
  const s = await open(browser, { locale: 'ar', files: { 'config.json': testConfig(['data/notices.json']) } });
  try {
    await noWasm(s.page);
    await s.page.goto(s.server.url);
    await s.page.waitForSelector('.no-app');
    assert.equal(await s.page.locator('.no-app h1').innerText(), 'متصفح هذا الهاتف لا يستطيع تشغيل تطبيق بوابة.');
    assert.equal(await s.page.locator('.no-app > div').first().getAttribute('dir'), 'rtl');
    assert.deepEqual(await s.page.locator('.no-app > div').evaluateAll((els) => els.map((e) => e.lang)), ['ar', 'en', 'he', 'fr']);
    assert.deepEqual(await s.page.locator('.no-app .simple-page').evaluateAll((els) => els.map((e) => e.getAttribute('href'))), ['static/ar.html', 'static/en.html', 'static/he.html', 'static/fr.html']);
    assert.equal(await s.page.locator('#boot p:has-text("جارٍ التحميل")').count(), 0, 'no "loading" left');
    await screenshot(s.page, 'no-wasm-unpublished-ar');
  } finally {
    await s.close();
  }
});

test('when the wasm fails to load (404), the message replaces "loading" and the published overview stays', async () => {
  const wasm = (await readFile(join(DIST, 'index.html'), 'utf8')).match(/href="\.\/([^"]+_bg\.wasm)"/)[1];
  const s = await open(browser, { publish: true, overrides: { [wasm]: { status: 404, body: 'gone' } } });
  try {
    await s.page.goto(s.server.url + '?lang=en');
    await s.page.waitForSelector('.no-app', { timeout: 20000 });
    assert.ok((await s.page.locator('#boot .compact li').count()) >= 5, 'the crossings as published');
    assert.equal(await s.page.locator('p:has-text("loading…")').count(), 0);
  } finally {
    await s.close();
  }
});

test('the phone\'s dark mode and a widget\'s dark theme use the same colours', async () => {
  const css = await readFile(join(ROOT, 'style', 'main.css'), 'utf8');
  const block = (start) => css.slice(css.indexOf(start) + start.length).split('}')[0].split(';').map((d) => d.trim()).filter(Boolean);
  const widget = block('[data-theme="dark"] {');
  const phone = block('html:not([data-theme]) {');
  assert.ok(widget.length >= 20, widget.join('; '));
  assert.deepEqual(phone, widget);
});

const PAGES = [
  ['now', '?view=now'], ['corridors', '?view=corridors'], ['distribution', '?view=distribution'], ['notices', '?view=notices'],
  ['about', '?view=about'], ['map', '?view=map'], ['print', '?view=print&area=gaza'], ['one aid point', '?view=distribution&id=jabalia-camp-kitchen'],
  ['one notice', '?view=notices&id=uxo-al-katiba-school'], ['embed builder', '?view=embed'],
  ['widget', '?embed=corridors'], ['widget (dark)', '?embed=distribution&theme=dark'], ['notices widget', '?embed=notices&compact=1'],
];

export const axeReport = [];
for (const [lang, colorScheme] of [['ar', 'light'], ['en', 'light'], ['en', 'dark']]) {
  test(`axe-core WCAG 2.2 AA and best practices: no violations on every view and the widget in ${lang} (${colorScheme} theme)`, async () => {
    const s = await open(browser, { colorScheme });
    const failures = [];
    try {
      for (const [name, q] of PAGES) {
        await s.goto(`${q}&lang=${lang}`);
        await settled(s.page);
        const result = await axeViolations(s.page);
        axeReport.push(`${lang} ${colorScheme} ${name}: ${result.violations.length} violations, ${result.passes.length} rules passed`);
        for (const v of result.violations) {
          failures.push(`${lang} ${colorScheme} ${name}: ${v.id} (${v.impact}) ${v.help}\n    ${v.nodes.slice(0, 3).map((n) => n.target.join(' ') + ' — ' + n.failureSummary.replace(/\s+/g, ' ')).join('\n    ')}`);
        }
      }
    } finally {
      await s.close();
    }
    console.log(axeReport.filter((l) => l.startsWith(`${lang} ${colorScheme}`)).join('\n'));
    assert.deepEqual(failures, []);
  });
}

test('keyboard only: the skip link comes first and moves to the content; menus and cards work with Tab and Enter', async () => {
  const s = await open(browser);
  try {
    await s.goto('?lang=en');
    await settled(s.page);
    await s.page.keyboard.press('Tab');
    assert.match(await s.page.evaluate(() => document.activeElement.className), /skip-link/);
    await s.page.keyboard.press('Enter');
    assert.ok(await s.page.evaluate(() => document.activeElement.closest('main') !== null || document.activeElement.id === 'main'));
    // Tab until the "Aid points" section link, then follow it with Enter.
    await s.page.evaluate(() => document.querySelector('.skip-link').focus());
    let found = false;
    for (let i = 0; i < 30 && !found; i++) {
      await s.page.keyboard.press('Tab');
      found = await s.page.evaluate(() => /view=distribution/.test(document.activeElement.getAttribute('href') ?? ''));
    }
    assert.ok(found, 'the section link is reachable with Tab');
    const outline = await s.page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    assert.notEqual(outline, 'none', 'focus is visible');
    await s.page.keyboard.press('Enter');
    await s.page.waitForURL(/view=distribution/);
    await settled(s.page);
    assert.equal(await s.page.evaluate(() => document.activeElement.id), 'view-title', 'focus moves to the new heading');
  } finally {
    await s.close();
  }
});

/**
 * Elements whose own text does not fit: a box that hides its overflow while
 * its content is wider or taller than it, or text that runs off the screen's
 * sides. Screen-reader-only text (a 1 px clipped box) is meant to be hidden.
 */
function clipped() {
  const out = [];
  const hasText = (el) => [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width <= 1 || r.height <= 1) continue;
    // A closed <details> shows only its summary; the portal's one-line bands
    // show all of their text while focused (checked apart, focused).
    if (el.closest('details:not([open]) > :not(summary)') || el.closest('.band:not(:focus-within)')) continue;
    const cs = getComputedStyle(el);
    if (cs.visibility === 'hidden' || cs.display === 'none') continue;
    const hides = (o) => o === 'hidden' || o === 'clip';
    if (hides(cs.overflowX) && el.scrollWidth > el.clientWidth + 1) out.push(`${el.tagName}.${el.className}: ${el.scrollWidth} > ${el.clientWidth} wide`);
    else if (hides(cs.overflowY) && el.scrollHeight > el.clientHeight + 1) out.push(`${el.tagName}.${el.className}: ${el.scrollHeight} > ${el.clientHeight} tall`);
    else if (cs.textOverflow === 'ellipsis' && el.scrollWidth > el.clientWidth + 1) out.push(`${el.tagName}.${el.className}: ellipsis`);
    else if (hasText(el) && (r.left < -1 || r.right > window.innerWidth + 1)) out.push(`${el.tagName}.${el.className}: off screen ${Math.round(r.left)}..${Math.round(r.right)}`);
  }
  return out;
}

test('text at 200% on a 360 px phone: nothing cut off, no sideways scrolling, on every view', async () => {
  const s = await open(browser);
  try {
    for (const [name, q] of PAGES) {
      await s.goto(`${q}&lang=ar`);
      await settled(s.page);
      await s.page.evaluate(() => { document.documentElement.style.fontSize = '200%'; });
      const wide = await s.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(wide <= 0, `${name}: ${wide}px wider than the screen at 200% text`);
      assert.deepEqual(await s.page.evaluate(clipped), [], `${name}: text cut off at 200%`);
      for (const band of ['.demo-banner.band', '.danger-banner.band']) {
        if (!(await s.page.locator(band).count())) continue;
        await s.page.locator(band).focus();
        assert.deepEqual(await s.page.evaluate(clipped), [], `${name}: ${band} cut off at 200% while focused`);
      }
    }
  } finally {
    await s.close();
  }
});

test('typing a search and choosing an area by keyboard keep the focus where the reader is', async () => {
  const s = await open(browser);
  try {
    await s.goto('?view=distribution&lang=en');
    await settled(s.page);
    await openFilters(s.page);
    await s.page.locator('#search').focus();
    await s.page.keyboard.type('water', { delay: 30 });
    await s.page.waitForURL(/q=water/);
    assert.equal(await s.page.evaluate(() => document.activeElement.id), 'search', 'still in the search box');
    assert.equal(await s.page.locator('#search').inputValue(), 'water', 'every letter kept');
    await s.page.locator('#area-filter').focus();
    await s.page.keyboard.press('ArrowDown');
    await s.page.waitForURL(/area=/);
    assert.equal(await s.page.evaluate(() => document.activeElement.id), 'area-filter', 'still on the area menu');
  } finally {
    await s.close();
  }
});
