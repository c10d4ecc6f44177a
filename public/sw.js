// Bawaba service worker: the app shell works with no connection at all.
//
// tools/postbuild.mjs fills in SHELL (the exact, hashed file names trunk
// produced) and VERSION (a hash of their contents), so every deployment gets
// a new cache and its old ones are deleted. Paths are relative to this file,
// so the portal works under any sub-path; cache names carry that path,
// because Cache Storage is shared by every deployment on the same origin.
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
const scope = new URL('./', self.location).href;
const SHELL_PREFIX = 'bawaba-shell-' + scope + '-';
const SHELL_CACHE = SHELL_PREFIX + VERSION;
const CONFIG_CACHE = 'bawaba-config';
// On a connection that is up but passes nothing, start from the kept
// config.json after this long instead of the app's 45 s.
const CONFIG_WAIT_MS = 8000;
// Trunk's content-hashed file names: index.html must name exactly these.
const HASHED = /-[0-9a-f]{16}(_bg)?\.(js|wasm)$/;
const shellUrls = new Set(SHELL.map((p) => new URL(p, scope).href));
const indexUrl = new URL('index.html', scope).href;
const configUrl = new URL('config.json', scope).href;
const FEEDS_CACHE = 'bawaba-feeds';
const sharedUrl = new URL('shared-bulletin', scope).href;

// A CDN edge that still serves the previous index.html would pair it with
// this deployment's files, and the app would not start offline. Fail the
// install instead: the browser tries again on a later visit.
async function checkIndex(cache) {
  const index = await cache.match(indexUrl);
  const text = index ? await index.text() : '';
  const missing = SHELL.filter((f) => HASHED.test(f) && !text.includes(f));
  if (missing.length) {
    await caches.delete(SHELL_CACHE);
    throw new Error('index.html does not load ' + missing.join(', '));
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(SHELL_CACHE).then((cache) =>
      // `reload` bypasses the HTTP cache so the shell cached is the deployed one.
      cache.addAll([...shellUrls].map((u) => new Request(u, { cache: 'reload' }))).then(() => checkIndex(cache)),
    )
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

async function fromShell(request) {
  const cache = await caches.open(SHELL_CACHE);
  const hit = await cache.match(request, { ignoreSearch: true });
  return hit ?? fetch(request);
}

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
  } else if (shellUrls.has(bare)) {
    event.respondWith(fromShell(request));
  } else if (bare === configUrl) {
    event.respondWith(config(event));
  }
});
