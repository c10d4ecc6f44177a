// Signed feeds (contract section 7): with trusted_keys in config.json only
// verified feeds are shown, marked as such; a tampered, unsigned or
// wrongly signed feed is a translated feed-level error and the last verified
// copy stays. Signatures come from the publishers' own tool where it matters
// (keygen + sign), so the portal and the CLI are tested against each other.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync, sign } from 'node:crypto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, open, settled, screenshot, testConfig, ROOT, cardTitles } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const FEEDS = ['data/corridors.json', 'data/distribution.json', 'data/notices.json'];

function keyPair() {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x, 'base64url');
  return { pub: raw.toString('base64'), sign: (bytes) => sign(null, bytes, privateKey).toString('base64') + '\n' };
}

async function demoBytes(path) {
  return readFile(join(ROOT, 'public', path));
}

/** The three demo feeds, each with a `.sig` made by `signer`. */
async function signedFiles(signer) {
  const files = {};
  for (const f of FEEDS) {
    const bytes = await demoBytes(f);
    files[f] = bytes;
    files[f + '.sig'] = signer(bytes);
  }
  return files;
}

const config = (keys) => testConfig(FEEDS, { trusted_keys: keys });

test('a signed deployment: feeds signed with the CLI are shown and marked as from a verified publisher', async () => {
  const cli = join(ROOT, 'target', 'debug', 'bawaba-feed');
  assert.ok(existsSync(cli), 'the CLI is built by `cargo test --workspace`, which tools/test runs first');
  const dir = await mkdtemp(join(tmpdir(), 'bawaba-keys-'));
  execFileSync(cli, ['keygen', join(dir, 'publisher.key')]);
  const files = { 'config.json': config([{ id: 'coordination-2026', ed25519: (await readFile(join(dir, 'publisher.key.pub'), 'utf8')).trim() }]) };
  for (const f of FEEDS) {
    const copy = join(dir, f.replace('data/', ''));
    await writeFile(copy, await demoBytes(f));
    execFileSync(cli, ['sign', copy, '--key', join(dir, 'publisher.key')]);
    files[f] = await readFile(copy);
    files[f + '.sig'] = await readFile(copy + '.sig', 'utf8');
  }
  const s = await open(browser, { files });
  try {
    for (const lang of ['en', 'ar']) {
      await s.goto(`?view=corridors&lang=${lang}`);
      await settled(s.page);
      assert.ok((await s.page.locator('.cards > li').count()) > 3, 'verified corridors are shown');
      const mark = await s.page.locator('.feed-meta .verified').first().innerText();
      assert.match(mark, lang === 'en' ? /Verified publisher/ : /جهة ناشرة موثَّقة/);
      assert.equal(await s.page.locator('.problem').count(), 0);
      await screenshot(s.page, `signed-${lang}`);
    }
    await s.goto('?view=about&lang=en');
    await settled(s.page);
    const about = await s.page.locator('main').innerText();
    assert.equal((about.match(/Verified with the trusted key “coordination-2026”/g) ?? []).length, 3, about);
    assert.ok(s.server.requests.some((p) => p.endsWith('/data/notices.json.sig')), 'the signature was fetched');
    assert.deepEqual(s.guard.errors, []);
    assert.deepEqual(s.guard.foreign, []);
  } finally {
    await s.close();
  }
});

test('a tampered feed is not shown: translated error in English and Arabic, the other feeds still work', async () => {
  const k = keyPair();
  const files = await signedFiles(k.sign);
  // One byte changed after signing: "open" becomes "clos" somewhere would be
  // the forged-status case; flip the first status value found.
  const text = files['data/corridors.json'].toString('utf8');
  const forged = text.replace(/"status": "closed"/, '"status": "open"  ');
  assert.notEqual(forged, text, 'the demo data has a closed corridor to forge');
  files['data/corridors.json'] = forged;
  files['config.json'] = config([{ id: 'k', ed25519: k.pub }]);
  const s = await open(browser, { files });
  try {
    await s.goto('?view=corridors&lang=en');
    await settled(s.page);
    await s.page.waitForSelector('.problem');
    const problem = await s.page.locator('.problem').innerText();
    assert.match(problem, /Could not verify this information: the signature does not match a trusted publisher/);
    assert.equal(await s.page.locator('.cards > li').count(), 0, 'no forged corridor on screen');
    await s.goto('?view=distribution&lang=en');
    await settled(s.page);
    assert.ok((await s.page.locator('.cards > li').count()) > 3, 'the correctly signed feed is shown');
    await s.goto('?view=corridors&lang=ar');
    await settled(s.page);
    assert.match(await s.page.locator('.problem').innerText(), /تعذّر التحقق من هذه المعلومات/);
    await screenshot(s.page, 'tampered-ar');
  } finally {
    await s.close();
  }
});

test('a missing signature, another publisher\'s key and a damaged .sig are each refused with their reason', async () => {
  const k = keyPair();
  const other = keyPair();
  const files = await signedFiles(k.sign);
  delete files['data/corridors.json.sig'];
  files['data/distribution.json.sig'] = other.sign(files['data/distribution.json']);
  files['data/notices.json.sig'] = 'not a signature\n';
  files['config.json'] = config([{ id: 'k', ed25519: k.pub }]);
  const s = await open(browser, { files });
  try {
    await s.goto('?view=about&lang=en');
    await settled(s.page);
    // The About page is the publishers' diagnostics: one report per feed.
    await s.page.waitForFunction(() => document.querySelectorAll('main .card .problem').length === 3);
    const problems = (await s.page.locator('main .card .problem').allInnerTexts()).join('\n');
    assert.match(problems, /signature file is missing/);
    assert.match(problems, /does not match a trusted publisher/);
    assert.match(problems, /signature file is damaged/);
  } finally {
    await s.close();
  }
});

test('after a verified copy, a tampered update keeps the verified copy with its age and the reason', async () => {
  const k = keyPair();
  const files = await signedFiles(k.sign);
  files['config.json'] = config([{ id: 'k', ed25519: k.pub }]);
  const s = await open(browser, { files });
  try {
    await s.goto('?view=notices&lang=en');
    await settled(s.page);
    const titles = await cardTitles(s.page);
    assert.ok(titles.length > 3);
    const good = files['data/notices.json'].toString('utf8');
    s.server.overrides['data/notices.json'] = { body: good.replace(/"severity": "danger"/g, '"severity": "info"') };
    s.server.overrides['data/notices.json.sig'] = { body: files['data/notices.json.sig'], type: 'text/plain' };
    await s.page.locator('.connection button.refresh').click();
    await s.page.waitForSelector('.problem.held', { timeout: 15000 });
    const problem = await s.page.locator('.problem.held').innerText();
    assert.match(problem, /does not match a trusted publisher/);
    assert.match(problem, /saved on this phone, received just now/);
    assert.deepEqual(await cardTitles(s.page), titles, 'the verified copy stays');
    assert.equal(await s.page.locator('.feed-meta .verified').count(), 1, 'and it is still marked verified');
    // The kept copy is checked again on the next start, and still verifies.
    await s.page.reload();
    await s.page.waitForSelector('.problem.held', { timeout: 15000 });
    assert.deepEqual(await cardTitles(s.page), titles);
  } finally {
    await s.close();
  }
});

test('a trusted key that is not a key is a translated configuration error, not a portal that verifies nothing', async () => {
  const s = await open(browser, { files: { 'config.json': config([{ id: 'typo-key', ed25519: 'AAAA' }]) } });
  try {
    await s.goto('?lang=en');
    assert.match(await s.page.locator('.fatal').innerText(), /trusted key that is not valid \(“typo-key”\)/);
  } finally {
    await s.close();
  }
});
