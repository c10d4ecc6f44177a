// Bawaba service worker: the app works with no connection at all, and every
// byte crosses a slow link once.
//
// tools/postbuild.mjs fills in the lists below from the files trunk produced
// and VERSION (a hash of their contents), so every deployment gets a new
// cache and its old ones are deleted. Paths are relative to this file, so the
// portal works under any sub-path; cache names carry that path, because Cache
// Storage is shared by every deployment on the same origin.
//
// - SHELL: what the app needs to start offline. Kept at install, from the
//   browser's HTTP cache when the page has just downloaded it (a name that
//   carries its content's hash cannot be stale), else from the network.
// - OPTIONAL: what a reader may never need (other languages, the posters' QR
//   encoder, the bulletin writer, the icons). Kept when it is first fetched,
//   or all at once when the page asks (a good connection, the page idle).
// - HASHED: the names that carry their content's hash.
// - DESK: the publisher's desk (desk.html), kept as it is fetched, for the
//   coordinator who opens it; never fetched for a reader.
//
// Feeds are not cached here: the app keeps the last good copy of each feed
// itself, because only it can tell a good feed from a bad one.
//
// A bulletin shared to the installed app from Android's share sheet (the
// manifest's share_target) arrives here as a POST: it is put where the app
// looks for it (its feeds' cache, under shared-bulletin) and the app opens on
// About the data, which takes it in with the same checks as "Open a shared
// file".

const VERSION = '__VERSION__';
const SHELL = ['__SHELL__'];
const OPTIONAL = ['__OPTIONAL__'];
const HASHED = ['__HASHED__'];
const DESK = ['__DESK__'];
const scope = new URL('./', self.location).href;
const SHELL_PREFIX = 'bawaba-shell-' + scope + '-';
const SHELL_CACHE = SHELL_PREFIX + VERSION;
const CONFIG_CACHE = 'bawaba-config';
// On a connection that is up but passes nothing, start from the kept
// config.json after this long instead of the app's 45 s.
const CONFIG_WAIT_MS = 8000;
const href = (p) => new URL(p, scope).href;
const shellUrls = new Set(SHELL.map(href));
const optionalUrls = new Set(OPTIONAL.map(href));
const hashedUrls = new Set(HASHED.map(href));
const deskUrls = new Set(DESK.map(href));
const indexUrl = href('index.html');
const configUrl = href('config.json');
const FEEDS_CACHE = 'bawaba-feeds';
const sharedUrl = href('shared-bulletin');

/** A request for a file of this deployment: a hashed name may come from the
 * HTTP cache as it is; any other is checked with the server (a 304 when the
 * browser's copy is current). */
const fresh = (url) => new Request(url, { cache: hashedUrls.has(url) ? 'default' : 'no-cache' });

// A CDN edge that still serves the previous index.html would pair it with
// this deployment's files, and the app would not start offline. Fail the
// install instead: the browser tries again on a later visit.
async function checkIndex(cache) {
  const index = await cache.match(indexUrl);
  const text = index ? await index.text() : '';
  const missing = SHELL.filter((f) => /\.(js|wasm)$/.test(f) && !text.includes(f));
  if (missing.length) throw new Error('index.html does not load ' + missing.join(', '));
}

/** What an older deployment's cache already holds of this one's files (a
 * hashed name is the same content), copied rather than downloaded again. */
async function reuse(cache) {
  for (const name of await caches.keys()) {
    if (name === SHELL_CACHE || !name.startsWith(SHELL_PREFIX)) continue;
    const old = await caches.open(name);
    for (const request of await old.keys()) {
      if (hashedUrls.has(request.url) && !(await cache.match(request.url))) await cache.put(request.url, await old.match(request));
    }
  }
}

/** index.html, asked for at the very address the page was opened at (the
 * folder's, usually, with the view in its query): the browser has just
 * loaded it from there, so the server answers 304 instead of sending it
 * again. */
async function keepIndex(cache) {
  const pages = await self.clients.matchAll({ includeUncontrolled: true, type: 'window' });
  const bare = (u) => Object.assign(new URL(u), { search: '', hash: '' }).href;
  const opened = pages.map((c) => Object.assign(new URL(c.url), { hash: '' })).find((u) => [scope, indexUrl].includes(bare(u)));
  if (opened) {
    const response = await fetch(opened, { cache: 'no-cache' }).catch(() => null);
    const html = response?.ok && !response.redirected && response.headers.get('content-type')?.startsWith('text/html');
    if (html) return cache.put(indexUrl, response);
  }
  await cache.add(fresh(indexUrl));
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(SHELL_CACHE).then(async (cache) => {
      await reuse(cache);
      await keepIndex(cache);
      const wanted = [];
      for (const url of shellUrls) if (url !== indexUrl && !(await cache.match(url))) wanted.push(fresh(url));
      await cache.addAll(wanted);
      await checkIndex(cache);
    })
      // Whatever failed (a file that did not download, a mismatched
      // index.html), leave no half-filled shell behind for a later start.
      .catch((e) => caches.delete(SHELL_CACHE).then(() => { throw e; }))
      // The first visit fetched config.json before this worker existed: keep
      // a copy now, so the very next start works offline too.
      .then(() => caches.open(CONFIG_CACHE))
      .then((cache) => fetch(configUrl, { cache: 'no-cache' }).then((r) => keepConfig(cache, r)).catch(() => {}))
      .then(() => self.skipWaiting()),
  );
});

async function deleteOldShells() {
  for (const name of await caches.keys()) {
    if (name !== SHELL_CACHE && (name.startsWith(SHELL_PREFIX) || (await isOwnLegacy(name)))) await caches.delete(name);
  }
}

self.addEventListener('activate', (event) => {
  event.waitUntil(deleteOldShells().then(() => self.clients.claim()));
});

// Before cache names carried the path ("bawaba-shell-<version>"): such a
// cache is this deployment's if it holds this deployment's index.html (then
// kept under the folder's address).
async function isOwnLegacy(name) {
  if (!/^bawaba-shell-[0-9a-f]+$/.test(name)) return false;
  const cache = await caches.open(name);
  return Boolean((await cache.match(scope)) || (await cache.match(indexUrl)));
}

/** A file of the deployment: kept copy first; fetched once, then kept. */
async function fromShell(request) {
  const cache = await caches.open(SHELL_CACHE);
  const url = new URL(request.url);
  url.search = '';
  const hit = await cache.match(url.href);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) await cache.put(url.href, response.clone());
  return response;
}

/** The desk's files: the network's copy, kept as it comes; the kept one
 * when there is no network. */
async function fromDesk(request, url) {
  const cache = await caches.open(SHELL_CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(url, response.clone());
    return response;
  } catch (e) {
    const kept = await cache.match(url);
    if (kept) return kept;
    throw e;
  }
}

/** Optional files this phone does not keep yet, kept now: all of them
 * when the page asks on a good connection, once it is idle ('optional');
 * or those the page names as fetched before this worker ran it (the
 * reader's language, the parts of the app already opened), taken from the
 * browser's cache at no cost on the link. The page names them because a
 * worker cannot ask the cache alone everywhere: WebKit answers an
 * 'only-if-cached' request from the network, which downloaded every
 * optional file on an iPhone's first visit. */
async function keep(ask) {
  const cache = await caches.open(SHELL_CACHE);
  const fetched = new Set(ask === 'optional' ? [] : ask.map((name) => name.split(/[?#]/)[0]));
  const kept = [];
  for (const url of optionalUrls) {
    if ((fetched.size && !fetched.has(url)) || (await cache.match(url))) continue;
    // A page that names nothing (no Resource Timing, or a test's fake clock
    // hiding it) leaves the cache to be asked alone, as Chromium and
    // Firefox answer it.
    const request = ask === 'optional' ? fresh(url) : new Request(url, fetched.size ? { cache: 'force-cache' } : { cache: 'only-if-cached', mode: 'same-origin' });
    const response = await fetch(request).catch(() => null);
    if (response?.ok) {
      await cache.put(url, response);
      kept.push(url.slice(scope.length));
    }
  }
  return kept;
}

self.addEventListener('message', (event) => {
  const ask = event.data?.keep;
  if (ask === 'optional' || Array.isArray(ask)) event.waitUntil(keep(ask).then((kept) => event.source?.postMessage({ kept })));
});

// Keeps a copy of config.json only if it is one: a captive portal's login
// page or an error page answered with 200 must not replace a good copy.
async function keepConfig(cache, response) {
  if (!response.ok) return false;
  try {
    JSON.parse(await response.clone().text());
  } catch {
    return false;
  }
  await cache.put(configUrl, response);
  return true;
}

// config.json changes without a new build: try the network, and fall back to
// the last good copy when it fails, answers with something that is not a
// config, or passes nothing for CONFIG_WAIT_MS.
async function config(event) {
  const cache = await caches.open(CONFIG_CACHE);
  const kept = await cache.match(configUrl);
  const network = fetch(event.request, { cache: 'no-cache' }).then(async (response) =>
    (await keepConfig(cache, response.clone())) || !kept ? response : kept,
  );
  if (!kept) return network;
  event.waitUntil(network.catch(() => {}));
  const late = new Promise((resolve) => setTimeout(() => resolve(kept), CONFIG_WAIT_MS));
  return Promise.race([network.catch(() => kept), late]);
}

async function receiveShared(request) {
  try {
    const form = await request.formData();
    const file = form.getAll('bulletin').find((f) => typeof f === 'object');
    if (file) await (await caches.open(FEEDS_CACHE)).put(sharedUrl, new Response(file));
  } catch {
    // Not a form: the app finds nothing to take in and says nothing.
  }
  return Response.redirect(new URL('index.html?view=about&shared=1', scope).href, 303);
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method === 'POST' && new URL(request.url).searchParams.has('share-target')) {
    event.respondWith(receiveShared(request));
    return;
  }
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  url.search = '';
  url.hash = '';
  const bare = url.href;
  if (request.mode === 'navigate' && (bare === scope || bare === indexUrl)) {
    // Every address of the portal is index.html with a query string.
    event.respondWith(caches.open(SHELL_CACHE).then((c) => c.match(indexUrl)).then((hit) => hit ?? fetch(request)));
  } else if (shellUrls.has(bare) || optionalUrls.has(bare)) {
    event.respondWith(fromShell(request));
  } else if (bare === configUrl) {
    event.respondWith(config(event));
  } else if (deskUrls.has(bare)) {
    event.respondWith(fromDesk(request, bare));
  }
});
