// Reaching people the screen does not (issue 16): a poster for a place, with
// a QR code made on the phone, and "Listen", read by the phone's own voice.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { PNG } from 'pngjs';
import jsQR from 'jsqr';
import { launch, open, settled, screenshot, axeViolations, controlled } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** What a phone's camera reads from the QR code on screen. */
async function scan(locator) {
  const png = PNG.sync.read(await locator.screenshot());
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
}

const POSTER_LINK = { ar: 'ملصق لهذا المكان', en: 'Poster for this place' };
const BAKERY = { ar: 'مخبز مخيم الشاطئ', en: 'Shati camp bakery' };

for (const lang of ['ar', 'en']) {
  test(`${lang}: a poster for an aid point, from the printable page; its QR code scans to the point's page; the status as published, never "open now"`, async () => {
    const s = await open(browser, { locale: lang });
    try {
      await s.goto(`?view=print&lang=${lang}`);
      await settled(s.page);
      await s.page.locator('.print-section li', { hasText: BAKERY[lang] }).getByRole('link', { name: POSTER_LINK[lang] }).click();
      const poster = s.page.locator('.poster');
      await poster.locator('svg.qr').waitFor();
      assert.equal(await scan(poster.locator('svg.qr')), `${s.server.url}?view=distribution&id=shati-camp-bakery&lang=${lang}`);
      const text = await poster.innerText();
      assert.match(text, new RegExp(BAKERY[lang]));
      assert.match(text, lang === 'ar' ? /الحالة كما نُشرت: مفتوح/ : /Status as published: Open/);
      assert.doesNotMatch(text, lang === 'ar' ? /مفتوح الآن/ : /open now/i);
      assert.match(text, lang === 'ar' ? /بيانات تجريبية/ : /DEMO DATA/, 'the demo mark is on the poster');
      assert.match(text, lang === 'ar' ? /أحضر كرت التوزيع/ : /Bring the distribution card/, 'what to bring');
      assert.match(text, lang === 'ar' ? /كما نُشرت بتاريخ الثلاثاء ٢٤ تشرين الثاني ٢٠٢٦/ : /as published on Tue 24 Nov 2026 06:00/);
      if (lang === 'en') assert.equal(await poster.locator('.poster-ar').innerText(), BAKERY.ar, 'the Arabic name under the English one');
      else assert.equal(await poster.locator('.poster-ar').count(), 0);
      assert.deepEqual((await axeViolations(s.page)).violations.map((v) => v.id), []);
      await screenshot(s.page, `poster-${lang}`);
      // On paper: the poster alone, without the portal's buttons and bars.
      await s.page.emulateMedia({ media: 'print' });
      assert.equal(await s.page.locator('.poster-tools').isVisible(), false);
      assert.equal(await s.page.locator('.main-nav').isVisible(), false);
      assert.ok(await poster.locator('svg.qr').isVisible());
      assert.deepEqual(s.guard.errors, []);
      assert.deepEqual(s.guard.foreign, []);
    } finally {
      await s.close();
    }
  });
}

test('a crossing\'s poster is made offline too: the QR module is kept with the app', async () => {
  const s = await open(browser, { locale: 'en' });
  try {
    await s.goto('?view=print&id=kerem-shalom&lang=en');
    await s.page.locator('.poster svg.qr').waitFor();
    await controlled(s.page);
    await s.page.context().setOffline(true);
    await s.page.reload();
    await s.page.locator('.poster svg.qr').waitFor();
    assert.equal(await scan(s.page.locator('.poster svg.qr')), `${s.server.url}?view=corridors&id=kerem-shalom&lang=en`);
    assert.match(await s.page.locator('.poster').innerText(), /Aid trucks/);
  } finally {
    await s.close();
  }
});

test('a poster for an id that is not in the feeds says so', async () => {
  const s = await open(browser, { locale: 'en' });
  try {
    await s.goto('?view=print&id=no-such-place&lang=en');
    await settled(s.page);
    assert.match(await s.page.locator('.empty').innerText(), /not in the current information/);
    assert.equal(await s.page.locator('.poster').count(), 0);
  } finally {
    await s.close();
  }
});

/** A phone with these voices; what it is asked to say is kept in window.spoken. */
async function withVoices(context, langs) {
  await context.addInitScript((langs) => {
    window.spoken = [];
    window.cancelled = 0;
    const synth = {
      voices: langs.map((lang) => ({ lang, name: 'Test ' + lang })),
      getVoices() { return this.voices; },
      speak(u) { window.spoken.push({ text: u.text, lang: u.voice?.lang }); this.current = u; },
      cancel() { window.cancelled++; const u = this.current; this.current = null; if (u?.onend) setTimeout(() => u.onend(), 0); },
    };
    window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; } };
    Object.defineProperty(window, 'speechSynthesis', { value: synth });
    // The browser loading a voice later, as Chrome does.
    window.addVoice = (lang) => { synth.voices.push({ lang, name: 'Test ' + lang }); synth.onvoiceschanged?.(); };
  }, langs);
}

test('Listen shows only where the phone has a voice for the language, and reads the shared text for the ear', async () => {
  const s = await open(browser, { locale: 'ar' });
  try {
    await withVoices(s.page.context(), ['ar-SA']);
    await s.goto('?view=distribution&id=shati-camp-bakery&lang=ar');
    await settled(s.page);
    const listen = s.page.locator('.card .listen');
    assert.equal(await listen.innerText(), 'استمع');
    await listen.click();
    assert.equal(await listen.getAttribute('aria-pressed'), 'true');
    assert.equal(await listen.innerText(), 'إيقاف القراءة');
    const [said] = await s.page.evaluate(() => window.spoken);
    assert.equal(said.lang, 'ar-SA');
    const lines = said.text.split('\n');
    assert.equal(lines[0], 'مخبز مخيم الشاطئ.');
    assert.ok(lines.includes('يوميًا ٧:٠٠ إلى ١١:٠٠.'), said.text);
    assert.match(said.text, /بيانات تجريبية/, 'the demo warning is read too');
    assert.doesNotMatch(said.text, /[*🕒📍⚠]|https?:|–/, 'no symbols, dashes or links for the voice');
    // The written text it comes from: the same words.
    const shared = await s.page.locator('.share-preview pre').textContent();
    assert.ok(shared.includes('*مخبز مخيم الشاطئ*') && shared.includes('أحضر كرت التوزيع'), shared);
    assert.match(said.text, /أحضر كرت التوزيع الصادر عن لجنة الحي/);
    // The same button stops it.
    await listen.click();
    assert.equal(await listen.getAttribute('aria-pressed'), 'false');
    assert.ok(await s.page.evaluate(() => window.cancelled) >= 2);
    assert.equal((await s.page.evaluate(() => window.spoken)).length, 1);
    // Reading, then off to another view: the reading stops with its button.
    await listen.click();
    const before = await s.page.evaluate(() => window.cancelled);
    await s.page.locator('.main-nav a').first().click();
    await s.page.waitForFunction((n) => window.cancelled > n, before);
    await s.page.waitForTimeout(100);

    // No Hebrew voice on this phone: no button in Hebrew, until one arrives.
    await s.goto('?view=distribution&lang=he');
    await settled(s.page);
    assert.equal(await s.page.locator('.card .listen').count(), 0);
    await s.page.evaluate(() => window.addVoice('he-IL'));
    await s.page.locator('.card .listen').first().waitFor();
    assert.equal(await s.page.locator('.card .listen').count(), await s.page.locator('.card').count());
    assert.equal(await s.page.locator('.card .listen').first().innerText(), 'האזנה');
    assert.deepEqual(s.guard.errors, []);
  } finally {
    await s.close();
  }
});

test('no voice at all: no Listen button anywhere; the danger band reads its notices when it has one', async () => {
  const s = await open(browser, { locale: 'en' });
  try {
    await s.goto('?view=notices&lang=en');
    await settled(s.page);
    assert.equal(await s.page.locator('.listen').count(), 0);
  } finally {
    await s.close();
  }
  const t = await open(browser, { locale: 'en' });
  try {
    await withVoices(t.page.context(), ['en-GB']);
    await t.goto('?lang=en');
    await settled(t.page);
    const band = t.page.locator('.danger-banner');
    const listen = band.locator('.listen');
    assert.equal(await listen.isVisible(), false, 'folded in the one-line band');
    await band.focus();
    await listen.click();
    const [said] = await t.page.evaluate(() => window.spoken);
    assert.match(said.text, /^Danger: 2\.\n/);
    assert.match(said.text, /Unexploded ordnance/);
    assert.match(said.text, /DEMO DATA/);
    await screenshot(t.page, 'listen-danger-en');
  } finally {
    await t.close();
  }
});
