// Shared set-up for the browser tests: Debian's Chromium driven by
// playwright-core (never a downloaded browser), deployments built from the
// release `dist/` plus test data, and guards every test gets for free
// (no page errors, no request to any other host).

import { chromium } from 'playwright-core';
import { cp, mkdtemp, writeFile, mkdir, readFile, rm } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeWidgetPlaceholders } from '../tools/widget-pages.mjs';
import { startServer } from './server.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const DIST = process.env.BAWABA_DIST ?? join(ROOT, 'dist');
export const ARTIFACTS = join(ROOT, 'e2e', 'artifacts');

/** A Tuesday morning in Gaza (UTC+2 in November). */
export const TUESDAY_10 = '2026-11-24T10:00:00+02:00';

/** Chromium; `args` adds switches (e.g. `--force-effective-connection-type=3G`
 * for a browser that reports a slow link, as a phone on 2G does). */
export async function launch(args = []) {
  if (!existsSync(join(DIST, 'index.html'))) {
    throw new Error('dist/ is missing: run `trunk build --release` (tools/test does)');
  }
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', ...args],
  });
}

/**
 * Copies dist/ into a fresh directory and overlays files (path -> object or
 * string), so each test has its own deployment.
 *
 * dist/ is published (tools/test runs `bawaba-feed publish`): its index.html
 * carries the demo data's overview. When a test brings its own config or
 * feeds, that snapshot would show data the test does not expect, so it is
 * taken out (a deployment never published), unless `publish` asks for the
 * step a deployer takes: `bawaba-feed publish` again, at `at`.
 */
export async function deployment(files = {}, { publish = false, at = TUESDAY_10, from = DIST } = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'bawaba-'));
  await cp(from, dir, { recursive: true });
  for (const [path, content] of Object.entries(files)) {
    const file = join(dir, path);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, typeof content === 'string' || Buffer.isBuffer(content) ? content : JSON.stringify(content, null, 2));
    // The precompressed copies would otherwise still serve the original.
    await rm(file + '.br', { force: true });
    await rm(file + '.gz', { force: true });
  }
  if (publish) {
    publishDeployment(dir, at);
  } else if (Object.keys(files).some((p) => p === 'config.json' || p.startsWith('data/'))) {
    await unpublish(dir);
  }
  return dir;
}

/** Runs `bawaba-feed publish` on a deployment; returns its exit code. */
export function publishDeployment(dir, at = TUESDAY_10) {
  const cli = join(ROOT, 'target', 'debug', 'bawaba-feed');
  try {
    execFileSync(cli, ['publish', dir, '--at', at], { stdio: 'pipe' });
    return 0;
  } catch (e) {
    if (typeof e.status !== 'number') throw e;
    return e.status;
  }
}

/** index.html with the build's "loading" text in place of the snapshot. */
async function unpublish(dir) {
  const source = await readFile(join(ROOT, 'index.html'), 'utf8');
  const loading = source.slice(source.indexOf('<div id="boot"'), source.indexOf('<!-- /bawaba:snapshot -->'));
  const index = join(dir, 'index.html');
  const html = await readFile(index, 'utf8');
  const marker = html.indexOf('<!-- bawaba:snapshot');
  const end = html.indexOf('<!-- /bawaba:snapshot -->');
  if (marker < 0 || end < 0) return;
  const start = html.indexOf('-->', marker) + 3;
  await writeFile(index, html.slice(0, start) + loading + html.slice(end));
  await rm(index + '.br', { force: true });
  await rm(index + '.gz', { force: true });
  // The widgets' pages written from the demo feeds: as never published.
  await writeWidgetPlaceholders(dir);
}

export async function demoFeed(name) {
  return JSON.parse(await readFile(join(ROOT, 'public', 'data', name), 'utf8'));
}

/** A feed's text in `lang`, with the feeds' own fallback to Arabic, spaces folded. */
export const inLang = (text, lang) => (text[lang] ?? text.ar).replace(/\s+/g, ' ').trim();

/** Every demo crossing's and aid point's name in `lang`. */
export async function demoNames(lang) {
  const c = await demoFeed('corridors.json');
  const d = await demoFeed('distribution.json');
  return [...c.items, ...d.items].map((i) => inLang(i.name, lang));
}

/**
 * Collects every Content-Security-Policy violation in any page or frame of
 * `context` (the returned array fills as they happen); tests assert it stays
 * empty.
 */
export async function watchCsp(context) {
  const found = [];
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} in ${e.sourceFile}:${e.lineNumber}`));
  });
  context.on('console', (m) => {
    if (/CSP violation|Content Security Policy/.test(m.text())) found.push(m.text());
  });
  return found;
}

/** Serves a deployment and opens a page on it with the guards attached. */
export async function open(browser, { files = {}, publish = false, base = '/', overrides = {}, cacheControl, width = 360, height = 760, time = TUESDAY_10, locale = 'en-US', colorScheme = 'light', date = false } = {}) {
  const dir = await deployment(files, { publish, at: time || TUESDAY_10 });
  // No Date header unless a test asks: the tests move the phone's clock
  // (page.clock), which a server's time would correct (e2e/clock.test.mjs).
  const server = await startServer({ dir, base, overrides, cacheControl, date });
  const context = await browser.newContext({ viewport: { width, height }, locale, deviceScaleFactor: 1, colorScheme });
  const page = await context.newPage();
  if (time) await page.clock.setFixedTime(new Date(time));
  const guard = { errors: [], foreign: [], csp: await watchCsp(context) };
  const origin = new URL(server.url).origin;
  page.on('pageerror', (e) => guard.errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource|CSP violation|Content Security Policy/.test(m.text())) guard.errors.push(m.text());
  });
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.protocol !== 'data:' && u.protocol !== 'blob:' && u.origin !== origin) guard.foreign.push(r.url());
  });
  const goto = async (query = '') => {
    await page.goto(server.url + query);
    await page.waitForSelector('#view-title, .fatal', { timeout: 20000 });
  };
  const close = async () => {
    await context.close();
    await server.close();
    if (guard.csp.length) throw new Error('Content-Security-Policy violations:\n' + guard.csp.join('\n'));
  };
  return { page, server, guard, goto, close };
}

/** Waits until the service worker controls the page (reloading once if it
 * installed during this visit), so the page opens with no network; the page
 * is settled again after that reload, or a test reads it half drawn (the
 * offline tests' saved copy read as no cards at all, when the install was
 * slow: 2 runs in 15). */
export async function controlled(page) {
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  if (!(await page.evaluate(() => !!navigator.serviceWorker.controller))) {
    await page.reload();
    await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 10000 });
    await settled(page);
  }
  // On a good connection the worker then keeps the optional files too, once
  // the page is idle: a test that goes offline next expects them all.
  if (await page.evaluate(() => navigator.connection?.effectiveType === '4g')) await keptAll(page, OPTIONAL);
}

/** The files the service worker keeps only when asked or when fetched
 * (public/sw.js, as tools/postbuild.mjs fills it in). */
export const OPTIONAL = existsSync(join(DIST, 'sw.js')) ? JSON.parse(readFileSync(join(DIST, 'sw.js'), 'utf8').match(/const OPTIONAL = (\[.*\]);/)?.[1] ?? '[]') : [];

// The helpers below that only call `page.evaluate` take a WebDriver session
// too (e2e/engines/webdriver.mjs): the cross-engine subset uses them.

/** The addresses the service worker's shell cache holds. */
export function shellUrls(page) {
  return page.evaluate(async () => {
    const shell = (await caches.keys()).find((k) => k.startsWith('bawaba-shell-'));
    return shell ? (await (await caches.open(shell)).keys()).map((r) => r.url) : [];
  });
}

/** Waits until the service worker's cache holds each of `names`. */
export async function keptAll(page, names, timeout = 20000) {
  // Polled from here: waitForFunction takes an async predicate's promise
  // for a truthy answer.
  const missing = async () => {
    const have = await shellUrls(page);
    return names.filter((f) => !have.some((u) => u.endsWith('/' + f)));
  };
  const until = Date.now() + timeout;
  for (let left = await missing(); left.length; left = await missing()) {
    if (Date.now() > until) throw new Error('the service worker did not keep ' + left.join(', '));
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Waits until no feed is still loading (no "Loading…"-type placeholder). */
export async function settled(page) {
  // #boot: the loading text or the snapshot, both gone once the app has data.
  await page.waitForFunction(() => !document.querySelector('.boot, #boot'), null, { timeout: 20000 });
  await page.waitForLoadState('networkidle');
}

/**
 * axe-core's violations of WCAG 2.2 A/AA and its best practices on the page as
 * it stands. Injected through the DevTools protocol, so the page's own CSP
 * stays in force while it runs.
 */
/** The axe-core rules every audit runs: WCAG 2.2 A/AA and best practices. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

let axeSource;
export async function axeViolations(page) {
  axeSource ??= await readFile(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  await page.evaluate(axeSource);
  // Off-screen cards are not rendered until scrolled to (content-visibility),
  // and axe's layout rules (target size, contrast) need them rendered: audit
  // every card as a reader who scrolls to it sees it.
  await page.evaluate(() => document.querySelectorAll('.cards > li').forEach((li) => { li.style.contentVisibility = 'visible'; }));
  return page.evaluate((values) => window.axe.run(document, { runOnly: { type: 'tag', values } }), AXE_TAGS);
}

/** Opens a list's "Search and filters" fold, as a reader would (a tap), if it is closed. */
export async function openFilters(page) {
  const fold = page.locator('details.filters');
  if ((await fold.getAttribute('open')) === null) await fold.locator('summary').click();
}

/** Chooses a language in the header's menu, as a reader would. */
export async function chooseLanguage(page, tag) {
  const menu = page.locator('.lang-menu');
  if ((await menu.getAttribute('open')) === null) await menu.locator('summary').click();
  await menu.locator(`a[hreflang="${tag}"]`).click();
  // A language the page has not shown yet is fetched first (its bundle).
  await page.waitForFunction((tag) => document.documentElement.lang === tag, tag);
}

/**
 * The titles of the cards in the list, in order. textContent, not innerText:
 * cards below the screen are not rendered until scrolled to
 * (content-visibility), and have no innerText until then.
 */
export function cardTitles(page) {
  return page.evaluate(() => [...document.querySelectorAll('.cards article h2')].map((h) => h.textContent.replace(/\s+/g, ' ').trim()));
}

export async function noHorizontalScroll(page) {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

export async function screenshot(page, name) {
  await mkdir(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, name + '.png'), fullPage: true });
}

// Small, fully known test feeds: every open/closed case of the contract.
export const envelope = (kind, items, extra = {}) => ({
  format: 'bawaba-feed/1',
  kind,
  id: 'test-' + kind,
  publisher: { name: { en: 'Test publisher', ar: 'ناشر الاختبار' } },
  published_at: '2026-11-24T06:00:00+02:00',
  expires_at: '2026-11-25T06:00:00+02:00',
  demo: false,
  items,
  ...extra,
});

export const testConfig = (feeds, extra = {}) => ({
  site_name: { ar: 'بوابة', en: 'Bawaba', he: 'בוואבה', fr: 'Bawaba' },
  languages: ['ar', 'en', 'he', 'fr'],
  default_language: 'ar',
  time_zone: 'Asia/Gaza',
  feeds,
  timeout_seconds: 3,
  ...extra,
});
