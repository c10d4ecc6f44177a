// Firefox ESR and WebKitGTK driven through W3C WebDriver (geckodriver,
// WebKitWebDriver), with no client library: the protocol is a handful of
// JSON requests, and both drivers come from the registries (tools/setup.sh).
// WebKitGTK's MiniBrowser needs a display even in automation: a private Xvfb.

import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ARTIFACTS } from '../harness.mjs';

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The phone the Chromium suite imitates: 360 CSS px wide. Firefox will not
 * make a window narrower than 500 px, so it is given a denser screen instead
 * (500 device px = 360 CSS px), as a phone has. */
const WIDTH = 360;
const HEIGHT = 760;
const FIREFOX_MIN = 500;

export const ENGINES = {
  firefox: {
    label: 'Firefox ESR',
    driver: 'geckodriver',
    args: (port) => ['--port', String(port), '--log', 'error'],
    capabilities: ({ js, lang }) => ({
      browserName: 'firefox',
      'moz:firefoxOptions': {
        binary: process.env.FIREFOX ?? '/usr/bin/firefox-esr',
        args: ['-headless'],
        prefs: {
          'javascript.enabled': js,
          'intl.accept_languages': lang,
          'layout.css.devPixelsPerPx': String(FIREFOX_MIN / WIDTH),
          // No connection to Mozilla's services: the machine has no network.
          'browser.shell.checkDefaultBrowser': false,
          'app.update.enabled': false,
          'network.captive-portal-service.enabled': false,
          'network.connectivity-service.enabled': false,
        },
      },
    }),
    window: { width: FIREFOX_MIN, height: Math.round(HEIGHT * FIREFOX_MIN / WIDTH) },
  },
  webkit: {
    label: 'WebKitGTK',
    driver: 'WebKitWebDriver',
    args: (port) => [`--port=${port}`],
    capabilities: ({ js, lang }) => ({
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': {
        binary: process.env.MINIBROWSER ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
        args: ['--automation', `--enable-javascript=${js}`, '--time-zone=Asia/Gaza'],
      },
    }),
    window: { width: WIDTH, height: HEIGHT },
    // Which language WebKitGTK offers pages follows the environment.
    env: ({ lang }) => ({ LANGUAGE: lang.replace('-', '_'), LANG: `${lang.split(',')[0].replace('-', '_')}.UTF-8` }),
  },
};

async function freePort() {
  const s = createServer();
  await new Promise((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address();
  await new Promise((r) => s.close(r));
  return port;
}

/** One Xvfb for every WebKit session of the run, started when first asked. */
let display;
async function xvfb() {
  if (process.env.DISPLAY) return process.env.DISPLAY;
  display ??= new Promise((resolve, reject) => {
    // -displayfd: Xvfb picks a free display and writes its number on fd 3.
    const x = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'ignore', 'ignore', 'pipe'] });
    x.on('error', reject);
    x.stdio[3].once('data', (d) => resolve(':' + String(d).trim()));
    // Neither keeps the test run alive; it goes when the run does.
    x.unref();
    x.stdio[3].unref();
    process.on('exit', () => x.kill());
  });
  return display;
}

/**
 * A fresh browser (new profile) of `engine`.
 * @param {'firefox'|'webkit'} engine
 * @param {{js?: boolean, lang?: string}} o JavaScript on or off; the browser's languages
 */
export async function launchEngine(engine, { js = true, lang = 'en-US,en' } = {}) {
  const e = ENGINES[engine];
  const port = await freePort();
  const env = { ...process.env, TZ: 'Asia/Gaza', ...(e.env?.({ lang }) ?? {}) };
  if (engine === 'webkit') env.DISPLAY = await xvfb();
  const proc = spawn(e.driver, e.args(port), { stdio: ['ignore', 'ignore', 'pipe'], env });
  let stderr = '';
  proc.stderr.on('data', (d) => { stderr += d; });
  const base = `http://127.0.0.1:${port}`;
  const call = async (method, path, body) => {
    const r = await fetch(base + path, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    const j = await r.json();
    if (j.value?.error) throw new Error(`${e.label}: ${j.value.error}: ${j.value.message}`);
    return j.value;
  };
  for (let i = 0; ; i++) {
    try { if ((await call('GET', '/status')).ready !== false) break; } catch (err) { if (i > 100) throw new Error(`${e.driver} did not start: ${err.message}\n${stderr}`); }
    await sleep(100);
  }
  const { sessionId, capabilities } = await call('POST', '/session', { capabilities: { alwaysMatch: e.capabilities({ js, lang }) } });
  const s = new Session(engine, call, `/session/${sessionId}`, capabilities, proc);
  await s.call('POST', '/window/rect', e.window);
  return s;
}

class Session {
  constructor(engine, call, path, capabilities, proc) {
    this.engine = engine;
    this.label = ENGINES[engine].label;
    this.version = capabilities.browserVersion;
    this.raw = call;
    this.path = path;
    this.proc = proc;
  }

  call(method, path, body) { return this.raw(method, this.path + path, body); }

  /** Loads `url` and waits for its load event. */
  go(url) { return this.call('POST', '/url', { url }); }

  /** Runs `fn` (a function; its source is sent) in the page with `args`; its result (awaited when a promise). */
  async run(fn, ...args) {
    const r = await this.call('POST', '/execute/async', {
      script: `const done = arguments[arguments.length - 1];
        Promise.resolve().then(() => (${fn}).apply(null, Array.prototype.slice.call(arguments, 0, -1)))
          .then((v) => done({ v }), (e) => done({ e: String(e) + '\\n' + (e && e.stack || '') }));`,
      args,
    });
    if (r?.e) throw new Error(`${this.label}: in the page: ${r.e}`);
    return r?.v;
  }

  /** Runs a script's source in the page as WebDriver's own code: WebKit
   * holds `eval` inside the page to the page's policy, which forbids it. */
  async inject(source) {
    await this.call('POST', '/execute/sync', { script: `${source};\nreturn true;`, args: [] });
  }

  /** As Playwright's page.evaluate: the harness's helpers that only
   * evaluate in the page (cardTitles, shellUrls, keptAll) take a session. */
  evaluate(fn, arg) { return this.run(fn, arg); }

  /** Waits until `fn` in the page returns something truthy; returns it. */
  async until(fn, args = [], { timeout = 20000, what = String(fn) } = {}) {
    const end = Date.now() + timeout;
    for (;;) {
      let v, err;
      try { v = await this.run(fn, ...args); } catch (e) { err = e; }
      if (v) return v;
      if (Date.now() > end) throw new Error(`${this.label}: timed out waiting for ${what}${err ? `: ${err.message}` : ''}`);
      await sleep(150);
    }
  }

  async find(css) {
    const el = await this.call('POST', '/element', { using: 'css selector', value: css });
    return el[ELEMENT];
  }

  /** A tap on the first element matching `css`, as a reader makes it. */
  async click(css) {
    const id = await this.find(css);
    // Scrolled to first, as a reader would: a card below the screen is not
    // drawn until then (content-visibility), and WebKit will not tap it.
    await this.call('POST', '/execute/sync', { script: 'arguments[0].scrollIntoView({ block: "center" })', args: [{ [ELEMENT]: id }] });
    await this.call('POST', `/element/${id}/click`, {});
  }

  /** Types `text` into the element matching `css` (after what is there). */
  async type(css, text) {
    const id = await this.find(css);
    await this.call('POST', `/element/${id}/value`, { text });
  }

  /** Chooses `path` in a file input, as the file picker would. */
  async upload(css, path) { await this.type(css, path); }

  /** The viewport as the reader sees it, saved as e2e/artifacts/<name>.png. */
  async screenshot(name) {
    const png = await this.call('GET', '/screenshot');
    await mkdir(ARTIFACTS, { recursive: true });
    await writeFile(join(ARTIFACTS, name + '.png'), Buffer.from(png, 'base64'));
  }

  async close() {
    try { await this.call('DELETE', ''); } finally { this.proc.kill(); }
  }
}
