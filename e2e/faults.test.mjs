// Faults and hostile input, second round (issue 32), where they meet the
// browser: the phone's storage refusing a copy, and received bulletins at
// their limits. The logic's own tests are native (crates/model, bulletin.rs).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launch, open, settled, screenshot, deployment, cardTitles, controlled } from './harness.mjs';
import { signedFiles, older, go, receivingPhone, openFile, CROSSINGS, signature } from './bulletins.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const FEEDS = ['data/corridors.json', 'data/distribution.json', 'data/notices.json'];
const TODAY = 'Kerem Shalom (Karem Abu Salem) crossing';
const YESTERDAY = 'Kerem Shalom crossing (yesterday)';

/** The crossings feed the phone keeps, as its Cache Storage holds it. */
const keptCrossings = (page) => page.evaluate(async () => {
  const cache = await caches.open('bawaba-feeds');
  const all = (await cache.keys()).filter((r) => r.url.endsWith('/data/corridors.json'));
  return Promise.all(all.map(async (r) => (await (await cache.match(r)).text()).includes('(yesterday)') ? 'yesterday' : 'today'));
});

test('storage full: the newer copy is shown, the reader is told in their language, and the copy kept before is what an offline start shows', async () => {
  const s = await open(browser, { files: await signedFiles(FEEDS, older) });
  try {
    await s.goto('?lang=en&view=corridors');
    await settled(s.page);
    await controlled(s.page);
    assert.deepEqual(await keptCrossings(s.page), ['yesterday']);
    // The phone's storage full: Chromium refuses every write past this quota.
    const cdp = await s.page.context().newCDPSession(s.page);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(s.server.url).origin, quotaSize: 1 });
    const today = await signedFiles(FEEDS);
    for (const f of ['data/corridors.json', 'data/corridors.json.sig']) s.server.overrides[f] = { body: today[f] };
    await s.page.locator('.connection button.refresh').click();
    const note = s.page.locator('.problem.held', { hasText: 'storage is full' });
    await note.waitFor({ timeout: 15000 });
    assert.equal((await note.innerText()).replace(/^⚠\s*/, ''), 'This phone’s storage is full: the information shown could not be saved on it. Without a connection, the portal will show what it saved before, if anything. Free some space to keep the newest information.');
    assert.ok((await cardTitles(s.page)).includes(TODAY), 'the newer information is shown');
    await screenshot(s.page, 'storage-full-360-en');

    // In Arabic, at the next start (the copy is refused again).
    await s.goto('?lang=ar&view=corridors');
    const arabic = s.page.locator('.problem.held', { hasText: 'ذاكرة هذا الهاتف ممتلئة: تعذّر حفظ' });
    await arabic.waitFor({ timeout: 15000 });
    assert.doesNotMatch(await arabic.innerText(), /[A-Za-z]/, 'no English left');
    await screenshot(s.page, 'storage-full-360-ar');

    // Nothing half-written: the kept copy is yesterday's, whole, and it is
    // what the phone opens with when there is no network.
    assert.deepEqual(await keptCrossings(s.page), ['yesterday']);
    await s.page.context().setOffline(true);
    await s.page.goto(s.server.url + '?lang=en&view=corridors');
    await s.page.waitForSelector('.cards > li', { timeout: 15000 });
    assert.ok((await cardTitles(s.page)).includes(YESTERDAY), 'the copy saved before');
    assert.equal(await s.page.locator('.problem.held', { hasText: 'storage is full' }).count(), 0, 'nothing was refused this time');

    // Room again: the next check keeps the newest copy and the note goes.
    await s.page.context().setOffline(false);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(s.server.url).origin });
    await s.goto('?lang=en&view=corridors');
    await settled(s.page);
    await s.page.waitForFunction(() => !document.body.innerText.includes('storage is full'), null, { timeout: 15000 });
    assert.deepEqual(await keptCrossings(s.page), ['today']);
    assert.deepEqual(s.guard.errors, []);
  } finally {
    await s.close();
  }
});

/** The bulletin a deployment's publish step writes, in English. */
async function bulletin(feedFiles) {
  const dir = await deployment(feedFiles, { publish: true });
  return readFile(join(dir, 'static', 'en.html'), 'utf8');
}

/** "Open a shared file" with `text` at 4x CPU (the bench's phone): the
 * outcome's lines, and the milliseconds from the file's arrival in the page
 * (its input's change event) to its outcome on screen, in the page's own
 * clock (handing the file to the browser is the test's, not the phone's). */
async function timedOpen(page, name, text) {
  await page.evaluate(() => {
    document.querySelectorAll('.shared-outcome li').forEach((li) => li.remove());
    window.__took = new Promise((done) => {
      document.querySelector('#shared-file').addEventListener('change', () => {
        const start = performance.now();
        const seen = new MutationObserver(() => {
          if (document.querySelector('.shared-outcome li')) done(performance.now() - start);
        });
        seen.observe(document.body, { childList: true, subtree: true });
      }, { once: true, capture: true });
    });
  });
  const cdp = await page.context().newCDPSession(page);
  const lines = await (async () => {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    try {
      return await openFile(page, name, text);
    } finally {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    }
  })();
  return { lines, ms: Math.round(await page.evaluate(() => window.__took)) };
}

test('received bulletins at their limits: each refused or taken in with one clear outcome, and the phone keeps what it had when refused', async () => {
  const newer = await bulletin(await signedFiles(FEEDS));
  const s = await receivingPhone(browser, await signedFiles(FEEDS, older));
  const took = {};
  try {
    await s.page.context().setOffline(true);
    await go(s.page, 'about');
    const meta = newer.match(/<script type="application\/json" class="bawaba-bulletin">.*?<\/script>/s)[0];
    const crossingsBlock = newer.match(/<script type="application\/json" data-url="data\/corridors\.json"[^>]*>.*?<\/script>/s)[0];
    const refusedWhole = async (label, text, expected) => {
      const { lines, ms } = await timedOpen(s.page, `${label}.html`, text);
      took[label] = ms;
      assert.deepEqual(lines, [expected], label);
      assert.deepEqual(await keptCrossings(s.page), ['yesterday'], `${label}: nothing kept changed`);
    };

    // Over 10 MiB: not even read.
    await refusedWhole('eleven-mib', newer + ' '.repeat(11 << 20), 'This file is too large to be a Bawaba bulletin. Nothing was changed.');
    // 10,000 feed blocks.
    const block = (i) => `<script type="application/json" class="bawaba-feed" data-url="data/x${i}.json">{}</script>`;
    await refusedWhole('ten-thousand', meta + Array.from({ length: 10000 }, (_, i) => block(i)).join(''), 'This file carries 10000 feeds; a Bawaba bulletin carries at most 64. Nothing was changed.');
    // Deep nesting in the bulletin's own block, then in a feed's.
    const deep = '['.repeat(100000) + ']'.repeat(100000);
    await refusedWhole('deep-meta', meta.replace('{"format"', `{"x":${deep},"format"`) + crossingsBlock, 'This file is not a Bawaba bulletin (or is from another version of Bawaba). Nothing was changed.');
    // (signed, so that it is the parser that refuses it, not the signature)
    const deepBlock = crossingsBlock.replace(/data-sig="[^"]*"/, `data-sig="${signature(deep)}"`).replace(/>.*<\/script>$/s, `>${deep}</script>`);
    let { lines, ms } = await timedOpen(s.page, 'deep-feed.html', meta + deepBlock);
    took['deep-feed'] = ms;
    assert.equal(lines[0], `${CROSSINGS}: refused. The file is damaged or is not a feed. What this phone had is kept.`);
    // The same feed twice with different bytes: neither copy.
    const other = crossingsBlock.replace(TODAY, 'Kerem Shalom crossing: OPEN');
    ({ lines, ms } = await timedOpen(s.page, 'twice.html', meta + crossingsBlock + other));
    took.twice = ms;
    assert.deepEqual(lines, [
      `${CROSSINGS}: carried twice, with different contents. Neither copy was taken in; what this phone had is kept.`,
      // Drawn again from its blocks, a page made this way is not what it says.
      'Warning: the words of this page do not match the data it carries. Only the checked feeds listed above count; do not trust the page itself, and do not pass it on.',
    ]);
    assert.deepEqual(await keptCrossings(s.page), ['yesterday']);

    // Just under 10 MiB (a real bulletin with 9.9 MiB of layout): taken in.
    const padded = newer.replace('</body>', ' '.repeat((10 << 20) - newer.length - 100_000) + '</body>');
    ({ lines, ms } = await timedOpen(s.page, 'padded.html', padded));
    took['under-ten-mib'] = ms;
    assert.equal(lines[0], `${CROSSINGS}: newer than what this phone had. Now shown, marked “received from a shared file”.`);
    assert.deepEqual(await keptCrossings(s.page), ['today']);
    console.log('at 4x CPU, ms from choosing the file to its outcome:', JSON.stringify(took));
    assert.deepEqual(s.guard.errors, []);
  } finally {
    await s.close();
  }
});

test('the same bulletin taken in from two tabs at once keeps one copy', async () => {
  const newer = await bulletin(await signedFiles(FEEDS));
  const s = await receivingPhone(browser, await signedFiles(FEEDS, older));
  try {
    await s.page.context().setOffline(true);
    const second = await s.page.context().newPage();
    await second.goto(s.page.url());
    await second.waitForSelector('.cards > li', { timeout: 15000 });
    await go(s.page, 'about');
    await go(second, 'about');
    const [a, b] = await Promise.all([openFile(s.page, 'b.html', newer), openFile(second, 'b.html', newer)]);
    for (const lines of [a, b]) assert.match(lines[0], new RegExp(`^${CROSSINGS}: (newer than what this phone had|this phone already has this information or newer)`));
    assert.deepEqual(await keptCrossings(s.page), ['today'], 'one copy, the newer one');
    await go(second, 'corridors');
    assert.ok((await cardTitles(second)).includes(TODAY));
    await second.close();
  } finally {
    await s.close();
  }
});
