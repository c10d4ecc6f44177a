// Pass it on, giving (issue 13): phone A, after one online visit and with
// no network, writes a bulletin from the feeds it keeps (the page
// `bawaba-feed publish` writes, by the same code as a wasm of its own) and
// saves it; `bawaba-feed verify` accepts it as drawn from its feeds; phone B,
// with older copies and no network, opens it and shows the newer data,
// marked; one byte changed is refused; a third browser with JavaScript off
// reads it from file://.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, open, settled, screenshot, ROOT, cardTitles, controlled } from './harness.mjs';
import { PUBKEY, signedFiles, older, go, receivingPhone, openFile, CROSSINGS } from './bulletins.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const FEEDS = ['data/corridors.json', 'data/distribution.json', 'data/notices.json', 'data/distribution-committee.json'];
const files = (corridors) => signedFiles(FEEDS, corridors);

/** Phone A, online once then offline, writes the page in `lang`: its
 * "Ready" line and the saved file's text. */
async function give(lang) {
  const s = await open(browser, { files: await files() });
  try {
    await s.goto(`?lang=${lang}`);
    await settled(s.page);
    await controlled(s.page);
    await s.page.context().setOffline(true);
    await s.page.reload();
    await s.page.waitForSelector('.summary', { timeout: 15000 });
    const section = s.page.locator('section.pass');
    const labels = await section.locator('h2, button').allInnerTexts();
    await section.locator('button').click();
    const save = section.locator('a[download]');
    await save.waitFor();
    const ready = await section.locator('p[role=status]').innerText();
    await section.scrollIntoViewIfNeeded();
    await screenshot(s.page, `pass-360-${lang}`);
    await section.screenshot({ path: join(ROOT, 'e2e', 'artifacts', `pass-section-360-${lang}.png`) });
    const [download] = await Promise.all([s.page.waitForEvent('download'), save.click()]);
    const text = await readFile(await download.path(), 'utf8');
    assert.equal(download.suggestedFilename(), `bawaba-demo-2026-11-24-${lang}.html`, 'demo data says so in its name');
    assert.deepEqual(s.guard.errors, []);
    return { labels, ready, text };
  } finally {
    await s.close();
  }
}

function verify(path) {
  try {
    return { code: 0, out: execFileSync(join(ROOT, 'target', 'debug', 'bawaba-feed'), ['verify', path, '--pubkey', PUBKEY], { encoding: 'utf8' }) };
  } catch (e) {
    return { code: e.status, out: String(e.stdout) };
  }
}

test('offline, phone A writes a bulletin that verify accepts, phone B takes it in offline, and it reads with JavaScript off', async () => {
  const { ready, text } = await give('en');
  const kb = Math.round(Buffer.byteLength(text) / 1024);
  assert.equal(ready, `Ready, ${kb} KB: bawaba-demo-2026-11-24-en.html`);
  // The feeds as the phone keeps them, byte for byte, with their signatures.
  for (const f of FEEDS) {
    const bytes = await readFile(join(ROOT, 'public', f), 'utf8');
    assert.ok(text.includes(`data-url="${f}"`), f);
    assert.ok(text.includes(bytes), `${f} carried byte for byte`);
  }
  assert.match(text, /Passed by hand: written on a phone Tue 24 Nov 2026 10:00, Gaza time/);
  assert.match(text, /"passed_by_hand":true/);
  assert.match(text, /<meta name="generator" content="bawaba pass-it-on">/);
  assert.doesNotMatch(text, /<script(?![^>]*type="application\/json")/, 'no script runs in it');

  const dir = await mkdtemp(join(tmpdir(), 'bawaba-pass-'));
  const file = join(dir, 'bawaba-2026-11-24-en.html');
  await writeFile(file, text);
  // The publisher's tool draws the same page from the same feeds.
  const good = verify(file);
  assert.equal(good.code, 0, good.out);
  assert.match(good.out, /the readable part is what its feeds say/);
  const altered = join(dir, 'altered.html');
  await writeFile(altered, text.replace('Passed by hand', 'Published by the UN'));
  assert.equal(verify(altered).code, 1);

  // Phone B: older crossings, no network.
  const b = await receivingPhone(browser, await files(older));
  try {
    await b.page.context().setOffline(true);
    await go(b.page, 'about');
    const take = (body) => openFile(b.page, 'bawaba-demo-2026-11-24-en.html', body);
    // One byte of the signed crossings changed: refused, nothing lost.
    const at = text.indexOf('data-url="data/corridors.json"');
    const tampered = text.slice(0, at) + text.slice(at).replace('Kerem Shalom (Karem Abu Salem) crossing', 'Kerem Shalom (Karem Abu Salem) crossinG');
    let lines = await take(tampered);
    assert.match(lines.find((l) => l.startsWith(`${CROSSINGS}:`)), /refused.*What this phone had is kept\.$/s);
    lines = await take(text);
    assert.equal(lines[0], `${CROSSINGS}: newer than what this phone had. Now shown, marked “received from a shared file”.`);
    assert.equal(lines.length, FEEDS.length, 'its text is what its feeds say: no warning');
    // The words people read edited, the signed feeds left alone: the
    // portal draws the page again and says so.
    const edited = text.replace('Status as published: Closed<', 'Status as published: Open<');
    assert.notEqual(edited, text);
    lines = await take(edited);
    assert.equal(lines.at(-1), 'Warning: the words of this page do not match the data it carries. Only the checked feeds listed above count; do not trust the page itself, and do not pass it on.');
    await go(b.page, 'corridors');
    assert.ok((await cardTitles(b.page)).includes('Kerem Shalom (Karem Abu Salem) crossing'));
    assert.match(await b.page.locator('.feed-meta').first().innerText(), /^Received from a shared file · /);
    assert.deepEqual(b.guard.errors, []);
  } finally {
    await b.close();
  }

  // A third phone without Bawaba, JavaScript off: the file as it is.
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 760 }, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    await page.goto(pathToFileURL(file).href);
    assert.match(await page.locator('.as-published').innerText(), /^Passed by hand/);
    assert.ok((await cardTitles(page)).includes('Kerem Shalom (Karem Abu Salem) crossing'));
    assert.match(await page.locator('.demo-banner').first().innerText(), /demo/i);
    await page.screenshot({ path: join(ROOT, 'e2e', 'artifacts', 'passed-file-360-en.png') });
  } finally {
    await context.close();
  }
});

test('in Arabic: the page is written in Arabic, right to left', async () => {
  const { ready, text, labels } = await give('ar');
  // The phone makes the page, the reader writes nothing: the heading and
  // the button say so.
  assert.deepEqual(labels, ['تمرير المعلومات لغيرك', 'أنشئ الصفحة']);
  assert.match(ready, /^جاهزة، [٠-٩]+ كيلوبايت: bawaba-demo-2026-11-24-ar\.html$/);
  assert.match(text, /<html lang="ar" dir="rtl" class="published">/);
  assert.match(text, /مُرّرت يدًا بيد/);
});

test('"Share…" is offered only where the phone can share the file, and hands it the file written', async () => {
  for (const canShare of [true, false]) {
    const s = await open(browser, { files: await files() });
    try {
      // Android's Chrome shares files; this desktop Chromium has no share sheet: stand in for one.
      await s.page.addInitScript((can) => {
        navigator.canShare = (data) => can && data.files?.length === 1 && data.files[0].type === 'text/html';
        navigator.share = async (data) => { window.shared = { name: data.files[0].name, size: data.files[0].size }; };
      }, canShare);
      await s.goto('?lang=en');
      await settled(s.page);
      const section = s.page.locator('section.pass');
      await section.locator('button', { hasText: 'Make the page' }).click();
      await section.locator('a[download]').waitFor();
      const share = section.locator('button', { hasText: 'Share…' });
      assert.equal(await share.count(), canShare ? 1 : 0);
      if (canShare) {
        await share.click();
        await s.page.waitForFunction(() => window.shared);
        const shared = await s.page.evaluate(() => window.shared);
        assert.equal(shared.name, 'bawaba-demo-2026-11-24-en.html');
        assert.ok(shared.size > 50000, `${shared.size} bytes`);
      }
      assert.deepEqual(s.guard.errors, []);
    } finally {
      await s.close();
    }
  }
});
