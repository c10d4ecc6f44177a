// Pass it on, receiving (issue 13): a bulletin (the page `bawaba-feed
// publish` writes, feeds and signatures embedded) opened with "Open a shared
// file" on a phone with no network. Each feed is checked as a fetched one and
// kept under the keep-last-good rules; a tampered one is refused and nothing
// kept is lost; an older one replaces nothing.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launch, open, settled, screenshot, deployment, cardTitles } from './harness.mjs';
import { signedFiles, older, go, receivingPhone, openFile, CROSSINGS, named } from './bulletins.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const FEEDS = ['data/corridors.json', 'data/distribution.json', 'data/notices.json'];
const files = (corridors) => signedFiles(FEEDS, corridors);

/** The bulletin a deployment's publish step writes in `lang`. */
async function bulletin(feedFiles, lang = 'en') {
  const dir = await deployment(feedFiles, { publish: true });
  return readFile(join(dir, 'static', `${lang}.html`), 'utf8');
}

test('offline, a newer bulletin is taken feed by feed, marked as received from a shared file; a tampered one is refused', async () => {
  const newer = await bulletin(await files());
  const s = await receivingPhone(browser, await files(older));
  try {
    await s.page.context().setOffline(true);
    await go(s.page, 'about');

    // One byte of the signed crossings changed: refused by its signature, naming the feed.
    const block = newer.indexOf('data-url="data/corridors.json"');
    assert.ok(block > 0);
    const tampered = newer.slice(0, block) + newer.slice(block).replace('Kerem Shalom (Karem Abu Salem) crossing', 'Kerem Shalom (Karem Abu Salem) crossinG');
    assert.notEqual(tampered, newer);
    let lines = await openFile(s.page, 'bawaba-2026-11-24-en.html', tampered);
    const refused = lines.find((l) => l.startsWith(`${CROSSINGS}: refused.`));
    assert.ok(refused, lines.join('\n'));
    assert.match(refused, /signature/i);
    assert.match(refused, /What this phone had is kept\.$/);
    await go(s.page, 'corridors');
    assert.ok((await cardTitles(s.page)).includes('Kerem Shalom crossing (yesterday)'), 'nothing kept is lost');

    // The good bulletin: the crossings are newer, the rest the same.
    await go(s.page, 'about');
    lines = await openFile(s.page, 'bawaba-2026-11-24-en.html', newer);
    assert.deepEqual(lines, [
      `${CROSSINGS}: newer than what this phone had. Now shown, marked “received from a shared file”.`,
      `${named('Aid distribution points')}: this phone already has this information or newer. Kept as it was.`,
      `${named('Notices')}: this phone already has this information or newer. Kept as it was.`,
    ]);
    await screenshot(s.page, 'receive-360-en');
    await go(s.page, 'corridors');
    assert.ok((await cardTitles(s.page)).includes('Kerem Shalom (Karem Abu Salem) crossing'));
    assert.match(await s.page.locator('.feed-meta').first().innerText(), /^Received from a shared file · /);
    await screenshot(s.page, 'received-corridors-360-en');

    // Still there, still marked, after a restart with no network.
    await s.page.reload();
    await s.page.waitForSelector('.cards > li', { timeout: 15000 });
    assert.ok((await cardTitles(s.page)).includes('Kerem Shalom (Karem Abu Salem) crossing'));
    assert.match(await s.page.locator('.feed-meta').first().innerText(), /Received from a shared file/);

    // An older bulletin replaces nothing.
    await go(s.page, 'about');
    lines = await openFile(s.page, 'old.html', await bulletin(await files(older)));
    assert.equal(lines[0], `${CROSSINGS}: this phone already has this information or newer. Kept as it was.`);

    // Not a bulletin.
    lines = await openFile(s.page, 'note.html', '<!doctype html><title>Rafah open</title><p>Rafah crossing open');
    assert.deepEqual(lines, ['This file is not a Bawaba bulletin (or is from another version of Bawaba). Nothing was changed.']);
    await s.page.context().setOffline(false);
    assert.deepEqual(s.guard.errors, []);
  } finally {
    await s.close();
  }
});

test('in Arabic: the same file, the outcome in Arabic', async () => {
  const newer = await bulletin(await files(), 'ar');
  const s = await open(browser, { files: await files(older) });
  try {
    await s.goto('?lang=ar&view=about');
    await settled(s.page);
    await s.page.context().setOffline(true);
    await s.page.locator('#shared-file').scrollIntoViewIfNeeded();
    const lines = await openFile(s.page, 'bawaba-2026-11-24-ar.html', newer);
    // The feed named by its kind and publisher, isolated in the Arabic sentence.
    assert.match(lines[0], /^\u2068المعابر والطرق — جهة النشر التجريبية لـ«بوابة»\u2069: أحدث مما كان على هذا الهاتف/);
    await screenshot(s.page, 'receive-360-ar');
    await s.page.context().setOffline(false);
  } finally {
    await s.close();
  }
});

test('shared to the installed app from the share sheet (Web Share Target), offline: taken in as "Open a shared file" takes it', async () => {
  const newer = await bulletin(await files());
  const s = await receivingPhone(browser, await files(older));
  try {
    const manifest = await s.page.evaluate(async () => (await fetch(document.querySelector('link[rel=manifest]').href)).json());
    assert.deepEqual(manifest.share_target.params.files.map((f) => f.name), ['bulletin']);
    await s.page.context().setOffline(true);
    // What Android does when the file is shared to the app: a POST of the
    // form the manifest describes, to its action, answered by the worker.
    const action = new URL(manifest.share_target.action, s.server.url).href;
    await s.page.goto('about:blank');
    await s.page.evaluate(({ action, html }) => {
      const form = Object.assign(document.createElement('form'), { method: 'POST', action, enctype: 'multipart/form-data' });
      const input = Object.assign(document.createElement('input'), { type: 'file', name: 'bulletin' });
      const files = new DataTransfer();
      files.items.add(new File([html], 'bawaba-2026-11-24-en.html', { type: 'text/html' }));
      input.files = files.files;
      form.append(input);
      document.body.append(form);
      form.submit();
    }, { action, html: newer });
    await s.page.waitForURL(/view=about&shared=1/);
    await s.page.waitForSelector('.shared-outcome li', { timeout: 15000 });
    assert.equal((await s.page.locator('.shared-outcome li').allInnerTexts())[0], `${CROSSINGS}: newer than what this phone had. Now shown, marked “received from a shared file”.`);
    await go(s.page, 'corridors');
    assert.ok((await cardTitles(s.page)).includes('Kerem Shalom (Karem Abu Salem) crossing'));
    // Taken once: opening the same address again takes nothing in.
    await s.page.reload();
    await s.page.waitForSelector('.cards > li', { timeout: 15000 });
    await s.page.goto(s.server.url + '?view=about&shared=1');
    await settled(s.page).catch(() => {});
    assert.equal(await s.page.locator('.shared-outcome li').count(), 0);
    await s.page.context().setOffline(false);
    assert.deepEqual(s.guard.errors, []);
  } finally {
    await s.close();
  }
});
