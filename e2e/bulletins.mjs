// What the bulletin tests share (receive.test.mjs, pass.test.mjs): the
// demo's feeds on a signed deployment, a phone that had the crossings of
// the day before, and the About page's "Open a shared file".

import assert from 'node:assert/strict';
import { generateKeyPairSync, sign } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { open, settled, testConfig, ROOT, cardTitles, controlled } from './harness.mjs';

const { publicKey, privateKey } = generateKeyPairSync('ed25519');
/** The coordination's public key, as config.json and `verify --pubkey` take it. */
export const PUBKEY = Buffer.from(publicKey.export({ format: 'jwk' }).x, 'base64url').toString('base64');
const KEYS = [{ id: 'coordination-2026', ed25519: PUBKEY }];

/** `bytes`' signature by the coordination's key, as a `.sig` holds it. */
export const signature = (bytes) => sign(null, Buffer.from(bytes), privateKey).toString('base64');

/** A signed deployment of the demo's `feeds`; the crossings changed by `corridors` (text → text). */
export async function signedFiles(feeds, corridors = (t) => t) {
  const out = { 'config.json': testConfig(feeds, { trusted_keys: KEYS }) };
  for (const f of feeds) {
    let bytes = await readFile(join(ROOT, 'public', f));
    if (f === 'data/corridors.json') bytes = Buffer.from(corridors(bytes.toString('utf8')));
    out[f] = bytes;
    out[f + '.sig'] = signature(bytes) + '\n';
  }
  return out;
}

/** What the receiving phone had: the crossings published the day before, one renamed. */
export const older = (t) => t.replace('"published_at": "2026-11-24T06:00:00+02:00"', '"published_at": "2026-11-23T06:00:00+02:00"').replace('Kerem Shalom (Karem Abu Salem) crossing', 'Kerem Shalom crossing (yesterday)');

/** Moves inside the app, as a reader does (no page load: there is no network). */
export async function go(page, view) {
  await page.locator(`a[href*="view=${view}"]`).first().click();
  await page.waitForFunction((v) => location.search.includes(`view=${v}`), view);
}

/** The receiving phone: `files` served, one online visit with its service
 * worker in control, yesterday's crossings on screen. */
export async function receivingPhone(browser, files) {
  const s = await open(browser, { files });
  await s.goto('?lang=en&view=corridors');
  await settled(s.page);
  await controlled(s.page);
  assert.ok((await cardTitles(s.page)).includes('Kerem Shalom crossing (yesterday)'));
  return s;
}

/** How the outcome names a demo feed: its kind and publisher, isolated
 * (FSI … PDI) so that a name in another script keeps its place in the sentence. */
export const named = (kind) => `\u2068${kind} — Bawaba demo publisher\u2069`;
export const CROSSINGS = named('Crossings and roads');

/** "Open a shared file" with `text`: the outcome's lines. */
export async function openFile(page, name, text) {
  await page.locator('#shared-file').setInputFiles({ name, mimeType: 'text/html', buffer: Buffer.from(text) });
  await page.waitForSelector('.shared-outcome li');
  return page.locator('.shared-outcome li').allInnerTexts();
}
