// The publisher's desk (desk.html): a coordinator turns a sheet into a feed
// in the browser, with bawaba-feed's own import compiled to wasm. Driven as
// a coordinator would: choose the file, check, save; the network off once
// the page is open.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { launch, open, deployment, ROOT, TUESDAY_10, OPTIONAL, noHorizontalScroll, axeViolations, screenshot } from './harness.mjs';

const CLI = join(ROOT, 'target', 'debug', 'bawaba-feed');
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** The page's errors, less the one Chromium reports when the test's own
 * clock (page.clock, a script put into every frame) meets the preview's
 * frame, where no script runs. */
const pageErrors = (s) => s.guard.errors.filter((e) => !/^Blocked script execution in 'about:srcdoc' because the document's frame is sandboxed/.test(e));

/** bawaba-feed import's output: its exit code, what it printed, the feed. */
function cliImport(sheet, out) {
  try {
    const printed = execFileSync(CLI, ['import', sheet, '--kind', 'distribution', '--at', TUESDAY_10, '-o', out], { encoding: 'utf8' });
    return { code: 0, printed };
  } catch (e) {
    if (typeof e.status !== 'number') throw e;
    return { code: e.status, printed: e.stdout };
  }
}

/** The desk open in `lang` on a deployment with `files`, then the network
 * cut (nothing but publishing needs one) unless `online`. */
async function desk(lang, { files = {}, online = false } = {}) {
  const s = await open(browser, { time: TUESDAY_10, files });
  await s.page.goto(s.server.url + `desk.html?lang=${lang}`);
  await s.page.waitForSelector('#sheet:not([hidden])');
  if (!online) {
    // The deployment's config.json read first (its trusted keys).
    await s.page.waitForLoadState('networkidle');
    await s.page.context().setOffline(true);
  }
  return s;
}

async function check(page, file) {
  await page.setInputFiles('#file', file);
  await page.click('button[type=submit]');
  await page.waitForSelector('#result .summary');
}

const tmp = await mkdtemp(join(tmpdir(), 'bawaba-desk-'));

test('the LibreOffice-saved sheets become, offline, the very bytes bawaba-feed import writes', async () => {
  const s = await desk('en');
  try {
    for (const ext of ['ods', 'xlsx']) {
      const sheet = join(ROOT, 'crates/cli/tests/data', `points-by-hand.${ext}`);
      const out = join(tmp, `cli-${ext}.json`);
      assert.equal(cliImport(sheet, out).code, 0);
      await check(s.page, sheet);
      assert.equal(await s.page.locator('#result .summary').innerText(), 'Items: 3. No problems: the feed is ready');
      const [download] = await Promise.all([s.page.waitForEvent('download'), s.page.click('a.save')]);
      assert.equal(download.suggestedFilename(), 'points-by-hand.json');
      const saved = await readFile(await download.path());
      assert.deepEqual(saved, await readFile(out), `${ext}: the same bytes as the command`);
    }
    assert.deepEqual(s.guard.errors, []);
    assert.deepEqual(s.guard.foreign, [], 'nothing leaves the computer');
  } finally {
    await s.close();
  }
});

test('a bad cell is named by its cell, in Arabic and in English, as the command names it, and nothing can be saved', async () => {
  // J4: the fourth row's hours.
  const csv = join(tmp, 'points.csv');
  const row = (id, hours) => `${id},2026-11-24 08:00,نقطة,Point,open,rafah,31.28,34.25,food,${hours}`;
  await writeFile(csv, ['id,updated_at,name:ar,name:en,status,area,lat,lon,services,hours', row('p1', 'Sun–Thu 08:00–15:00'), row('p2', 'daily 09:00–12:00'), row('p3', 'Sun–Thu 8-15')].join('\n') + '\n');
  const cli = cliImport(csv, join(tmp, 'never.json'));
  assert.equal(cli.code, 1);
  assert.match(cli.printed, /^points\.csv!J4: error: "8-15" is not an hours range; write "08:00–15:00"$/m);
  for (const [lang, sentence] of [['en', '"8-15" is not an hours range; write "08:00–15:00"'], ['ar', 'ليس نطاق ساعات']]) {
    const s = await desk(lang);
    try {
      await check(s.page, csv);
      const found = s.page.locator('#result .found li');
      assert.equal(await found.count(), 1);
      assert.equal(await found.locator('.at').innerText(), 'points.csv!J4');
      const text = await found.locator('.text').innerText();
      assert.ok(text.includes(sentence) && text.includes('8-15'), text);
      assert.equal(await s.page.locator('a.save').count(), 0, 'nothing to save while a problem stands');
      assert.equal(await s.page.locator('#signing').isHidden(), true, 'nor to sign');
      assert.match(await s.page.locator('#result .summary').innerText(), lang === 'en' ? /^Problems: 1\./ : /^المشكلات: 1\./);
      assert.equal(await s.page.evaluate(() => document.documentElement.dir), lang === 'ar' ? 'rtl' : 'ltr');
      assert.ok(await noHorizontalScroll(s.page), 'no sideways scrolling at 360 px');
      const axe = await axeViolations(s.page);
      assert.deepEqual(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`), []);
      await screenshot(s.page, `desk-bad-cell-${lang}`);
    } finally {
      await s.close();
    }
  }
});

test('a file that is not a sheet is refused in the coordinator\'s language, with nothing to save', async () => {
  const notes = join(tmp, 'notes.txt');
  await writeFile(notes, 'not a sheet');
  const s = await desk('fr');
  try {
    await check(s.page, notes);
    assert.match(await s.page.locator('#result .summary').innerText(), /^pas une feuille que cet outil lit/);
    assert.equal(await s.page.locator('a.save').count(), 0);
    // The page's own words switch too, and the result is said again in the new language.
    await s.page.click('#langs button[lang="ar"]');
    await s.page.waitForFunction(() => document.documentElement.lang === 'ar');
    assert.match(await s.page.locator('#result .summary').innerText(), /^ليس جدولًا/);
    assert.equal(await s.page.locator('h1').innerText(), 'مكتب الناشر');
  } finally {
    await s.close();
  }
});

test('the portal\'s readers never download the desk: it is in no list of the service worker', () => {
  const sw = execFileSync('cat', [join(process.env.BAWABA_DIST ?? join(ROOT, 'dist'), 'sw.js')], { encoding: 'utf8' });
  assert.ok(OPTIONAL.length > 0);
  assert.equal(/desk/.test(sw.match(/const (SHELL|OPTIONAL|HASHED) = .*$/gm).join('\n')), false);
});

test('a key file signs the feed as bawaba-feed sign does, and a key the portal does not trust is warned about before publishing', async () => {
  const key = join(tmp, 'publisher.key');
  execFileSync(CLI, ['keygen', key]);
  const publicKey = (await readFile(key + '.pub', 'utf8')).trim();
  const config = JSON.parse(await readFile(join(ROOT, 'public', 'config.json'), 'utf8'));
  const sheet = join(ROOT, 'crates/cli/tests/data/points-by-hand.ods');
  for (const [trusted, lang] of [[publicKey, 'en'], ['AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=', 'ar']]) {
    const s = await desk(lang, { online: true, files: { 'config.json': { ...config, trusted_keys: [{ id: 'coordination', ed25519: trusted }] } } });
    try {
      await check(s.page, sheet);
      const [feedFile] = await Promise.all([s.page.waitForEvent('download'), s.page.click('#result a.save')]);
      const feed = join(tmp, `signed-${lang}.json`);
      await writeFile(feed, await readFile(await feedFile.path()));
      await s.page.setInputFiles('#key', key);
      await s.page.click('#signing button[type=submit]');
      await s.page.waitForSelector('#signed a.save');
      const [sigFile] = await Promise.all([s.page.waitForEvent('download'), s.page.click('#signed a.save')]);
      assert.equal(sigFile.suggestedFilename(), 'points-by-hand.json.sig');
      await writeFile(feed + '.sig', await readFile(await sigFile.path()));
      assert.match(execFileSync(CLI, ['verify', feed, '--pubkey', key + '.pub'], { encoding: 'utf8' }), /signature verified/);
      const warned = await s.page.locator('#signed .summary.bad').count();
      assert.equal(warned, trusted === publicKey ? 0 : 1, 'warned only about a key the portal does not trust');
      if (warned) assert.match(await s.page.locator('#signed .summary.bad').innerText(), /لا تثق بهذا المفتاح/);
      assert.equal(await s.page.locator('#signed code.key').innerText(), publicKey);
      // A file that is not a key: refused, in the coordinator's language.
      await s.page.setInputFiles('#key', sheet);
      await s.page.click('#signing button[type=submit]');
      await s.page.waitForFunction(() => !document.querySelector('#signed a.save'));
      assert.equal(await s.page.locator('#signed .summary').innerText(), lang === 'en' ? 'not a key written by keygen' : 'ليس مفتاحًا كتبته keygen');
      assert.equal(await s.page.locator('#signed a.save').count(), 0);
      if (lang === 'en') {
        // Another language: the sheet checked and the key tried again, said in it.
        await s.page.click('#langs button[lang="ar"]');
        await s.page.waitForFunction(() => document.querySelector('#signed .summary')?.textContent === 'ليس مفتاحًا كتبته keygen');
        assert.equal(await s.page.locator('#result .summary').innerText(), 'عدد العناصر: 3. لا مشكلات: الملف جاهز');
      }
      assert.deepEqual(s.guard.errors, []);
    } finally {
      await s.close();
    }
  }
});

test('a key made in the desk is a key bawaba-feed signs with and verifies; with no trusted key the portal checks nothing, and the desk says so', async () => {
  const s = await desk('en');
  try {
    await check(s.page, join(ROOT, 'crates/cli/tests/data/points-by-hand.ods'));
    await s.page.click('#make-key');
    const saved = {};
    for (const name of ['publisher.key', 'publisher.key.pub']) {
      const [d] = await Promise.all([s.page.waitForEvent('download'), s.page.click(`#made a[download="${name}"]`)]);
      saved[name] = join(tmp, `made-${name}`);
      await writeFile(saved[name], await readFile(await d.path()));
    }
    const feed = join(tmp, 'made.json');
    await writeFile(feed, '{}\n');
    execFileSync(CLI, ['sign', feed, '--key', saved['publisher.key']]);
    assert.match(execFileSync(CLI, ['verify', feed, '--pubkey', saved['publisher.key.pub']], { encoding: 'utf8' }), /signature verified/);
    // The demo's config.json has no trusted_keys (read before the network was cut).
    await s.page.setInputFiles('#key', saved['publisher.key']);
    await s.page.click('#signing button[type=submit]');
    await s.page.waitForSelector('#signed a.save');
    assert.equal(await s.page.locator('#signed .summary.bad').count(), 0, 'no warning that phones would refuse it: they check nothing');
    assert.match(await s.page.locator('#signed').innerText(), /checks no signatures yet/);
  } finally {
    await s.close();
  }
});

test('once opened with a network, the desk opens and imports with none', async () => {
  const s = await open(browser, { time: TUESDAY_10 });
  try {
    await s.page.goto(s.server.url + 'desk.html?lang=ar');
    await s.page.waitForFunction(() => document.documentElement.dataset.offline === 'ready', null, { timeout: 20000 });
    await s.page.context().setOffline(true);
    await s.page.reload();
    await s.page.waitForSelector('#sheet:not([hidden])');
    assert.equal(await s.page.locator('h1').innerText(), 'مكتب الناشر');
    await check(s.page, join(ROOT, 'crates/cli/tests/data/points-by-hand.xlsx'));
    assert.equal(await s.page.locator('#result .summary').innerText(), 'عدد العناصر: 3. لا مشكلات: الملف جاهز');
    assert.deepEqual(s.guard.errors, []);
  } finally {
    await s.close();
  }
});

test('a feed already written (JSON) is checked as bawaba-feed validate checks it, then signed as it is', async () => {
  const good = join(ROOT, 'public', 'data', 'corridors.json');
  const bad = join(tmp, 'corridors.json');
  await writeFile(bad, (await readFile(good, 'utf8')).replace('"status": "open"', '"status": 5'));
  let printed = '';
  try {
    execFileSync(CLI, ['validate', bad], { encoding: 'utf8' });
  } catch (e) {
    printed = e.stdout;
  }
  const s = await desk('en');
  try {
    await check(s.page, bad);
    const first = s.page.locator('#result .found li').first();
    const at = await first.locator('.at').innerText();
    const text = await first.locator('.text').innerText();
    // validate prints "file:line:column: error: path: message"
    const [place, path] = at.split(' ');
    assert.ok(printed.includes(`${place}: error: ${path}: ${text}`), `${at} ${text}\n${printed}`);
    assert.equal(await s.page.locator('#signing').isHidden(), true, 'nothing to sign while an error stands');
    await check(s.page, good);
    assert.match(await s.page.locator('#result .summary').innerText(), /^Items: \d+\. No problems/);
    const [d] = await Promise.all([s.page.waitForEvent('download'), s.page.click('#result a.save')]);
    assert.deepEqual(await readFile(await d.path()), await readFile(good), 'the feed as it was, to be signed');
    const [csv] = await Promise.all([s.page.waitForEvent('download'), s.page.click('#result a[download$=".csv"]')]);
    const exported = join(tmp, 'corridors.csv');
    execFileSync(CLI, ['export', '--to', 'csv', good, '-o', exported]);
    assert.deepEqual(await readFile(await csv.path()), await readFile(exported), 'the sheet export --to csv writes');
    assert.equal(await s.page.locator('#signing').isVisible(), true);
  } finally {
    await s.close();
  }
});

/** The files of a zip archive (stored or deflated), by name. */
function unzip(buf) {
  const files = {};
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(at + 10);
    const size = buf.readUInt32LE(at + 20);
    const nameLength = buf.readUInt16LE(at + 28);
    const extra = buf.readUInt16LE(at + 30);
    const comment = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const body = buf.subarray(start, start + size);
    files[name] = method === 0 ? body : inflateRawSync(body);
    at += 46 + nameLength + extra + comment;
  }
  return files;
}

test('the pages written in the desk are the very files bawaba-feed publish writes for the same feeds and time', async () => {
  const s = await desk('en', { online: true });
  try {
    await check(s.page, join(ROOT, 'crates/cli/tests/data/points-by-hand.ods'));
    await s.page.waitForSelector('#publishing:not([hidden])');
    assert.equal(await s.page.locator('#replaces').inputValue(), 'data/distribution.json', 'the first feed of its kind');
    const [feedFile] = await Promise.all([s.page.waitForEvent('download'), s.page.click('#result a.save')]);
    const feed = await readFile(await feedFile.path());
    await s.page.click('#publishing button[type=submit]');
    await s.page.waitForSelector('#published a.save', { timeout: 60000 });
    assert.match(await s.page.locator('#published .summary').innerText(), /^Written\. Files in the zip: \d+\.$/);
    const [zipFile] = await Promise.all([s.page.waitForEvent('download'), s.page.click('#published a.save')]);
    const zipped = unzip(await readFile(await zipFile.path()));
    // The command, on a copy of the same deployment with the same feed.
    const dir = await deployment({ 'data/distribution.json': feed }, { publish: true, at: TUESDAY_10 });
    assert.deepEqual(zipped['data/distribution.json'], feed, 'the new feed is in the zip, at its place');
    const pages = Object.keys(zipped).filter((f) => f !== 'data/distribution.json');
    for (const lang of ['ar', 'en', 'he', 'fr']) assert.ok(pages.includes(`static/${lang}.html`), lang);
    assert.ok(pages.includes('index.html') && pages.includes('widgets/distribution-ar-compact.html'), pages.join(' '));
    for (const f of pages) assert.deepEqual(zipped[f], await readFile(join(dir, f)), `${f}: as bawaba-feed publish writes it`);
    assert.ok(zipped['static/en.html'].toString().includes('Points-by-hand') || zipped['static/en.html'].includes(JSON.parse(feed).items[0].id), 'the new feed is in the pages');
    assert.deepEqual(pageErrors(s), []);
  } finally {
    await s.close();
  }
});

test('the preview shows the pages as readers will see them, in each language, the deployment\'s publishers merged: "Sources differ" follows the new sheet', async () => {
  // The demo's relief committee says its kitchen (same_as demo-distribution/khan-younis-kitchen) is out of stock.
  const sheet = async (status) => {
    const csv = join(tmp, `kitchens-${status}.csv`);
    await writeFile(csv, `id,updated_at,name:ar,name:en,status,area,lat,lon\nkhan-younis-kitchen,2026-11-24 08:00,مطبخ خان يونس,Khan Younis kitchen,${status},khan_younis,31.3462,34.3030\n`);
    return csv;
  };
  const s = await desk('en', { online: true });
  try {
    await s.page.fill('#id', 'demo-distribution');
    await s.page.check('#demo');
    // The frame runs no script, so the test reads what it was given.
    const shown = () => s.page.evaluate(() => document.getElementById('page').srcdoc);
    const differ = {};
    for (const status of ['open', 'out_of_stock']) {
      await check(s.page, await sheet(status));
      await s.page.waitForSelector('#publishing:not([hidden])');
      assert.equal(await s.page.locator('#replaces').inputValue(), 'data/distribution.json', 'the feed with its id');
      await s.page.click('#publishing button[type=submit]');
      await s.page.waitForSelector('#preview:not([hidden])', { timeout: 60000 });
      const en = await shown();
      assert.match(en, /<html lang="en"/);
      assert.ok(!/<script/i.test(en), 'no script block in the frame');
      differ[status] = en.split('Sources differ').length - 1;
    }
    assert.ok(differ.open > differ.out_of_stock, `"Sources differ" where the sheet disagrees with the committee, not where it agrees: ${JSON.stringify(differ)}`);
    await s.page.click('#preview-langs button[lang="ar"]');
    assert.match(await shown(), /<html lang="ar" dir="rtl"/);
    assert.equal(await s.page.locator('#page').getAttribute('sandbox'), '', 'nothing runs in the frame');
    assert.deepEqual(pageErrors(s), []);
    await s.page.locator('#preview').scrollIntoViewIfNeeded();
    await screenshot(s.page, 'desk-preview-ar');
  } finally {
    await s.close();
  }
});
