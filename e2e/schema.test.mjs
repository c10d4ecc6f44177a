// The published JSON Schema agrees with the demo feeds and rejects the
// mistakes publishers make. (Node only, no browser.)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { ROOT } from './harness.mjs';

const schema = JSON.parse(await readFile(join(ROOT, 'public/schema/feed.schema.json'), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
const load = async (f) => JSON.parse(await readFile(join(ROOT, 'public/data', f), 'utf8'));

for (const f of ['corridors.json', 'distribution.json', 'notices.json']) {
  test(`demo feed ${f} is valid against the schema`, async () => {
    const feed = await load(f);
    assert.ok(validate(feed), JSON.stringify(validate.errors, null, 1));
    assert.equal(feed.demo, true, 'demo data is marked demo');
  });
}

test('the schema rejects what the portal rejects', async () => {
  const feed = await load('distribution.json');
  const bad = [
    { ...feed, format: 'bawaba-feed/2' },
    { ...feed, kind: 'weather' },
    { ...feed, items: [{ ...feed.items[0], updated_at: '2026-11-24T06:00:00' }] },
    { ...feed, items: [{ ...feed.items[0], location: { lat: 91, lon: 34 } }] },
    { ...feed, items: [{ ...feed.items[0], name: 'not localized' }] },
    { ...feed, items: [{ ...feed.items[0], links: [{ url: 'javascript:alert(1)' }] }] },
    { ...feed, items: [{ ...feed.items[0], hours: [{ days: ['sun'], open: '8:00', close: '16:00' }] }] },
    (() => { const { status, ...rest } = feed.items[0]; return { ...feed, items: [rest] }; })(),
  ];
  for (const b of bad) assert.equal(validate(b), false, JSON.stringify(b.items?.[0] ?? b.format));
});
