// Bawaba service worker: the app shell works with no connection at all.
//
// tools/postbuild.mjs fills in SHELL (the exact, hashed file names trunk
// produced) and VERSION (a hash of their contents), so every deployment gets
// a new cache and old ones are deleted. Paths are relative to this file, so
// the portal works under any sub-path.
//
// Feeds are not cached here: the app keeps the last good copy of each feed
// itself, because only it can tell a good feed from a bad one.

const VERSION = '__VERSION__';
const SHELL = ['__SHELL__'];
const SHELL_CACHE = 'bawaba-shell-' + VERSION;
const CONFIG_CACHE = 'bawaba-config';

const scope = new URL('./', self.location).href;
const shellUrls = new Set(SHELL.map((p) => new URL(p, scope).href));
const indexUrl = new URL('./', scope).href;
const configUrl = new URL('config.json', scope).href;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(SHELL_CACHE).then((cache) =>
      // `reload` bypasses the HTTP cache so the shell cached is the deployed one.
      cache.addAll([...shellUrls].map((u) => new Request(u, { cache: 'reload' }))),
    )
      // The first visit fetched config.json before this worker existed: keep
      // a copy now, so the very next start works offline too.
      .then(() => caches.open(CONFIG_CACHE))
      .then((cache) => fetch(configUrl, { cache: 'no-cache' }).then((r) => r.ok && cache.put(configUrl, r)).catch(() => {}))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('bawaba-shell-') && k !== SHELL_CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

async function fromShell(request) {
  const cache = await caches.open(SHELL_CACHE);
  const hit = await cache.match(request, { ignoreSearch: true });
  return hit ?? fetch(request);
}

// config.json changes without a new build: try the network, fall back to the
// last copy so the portal still starts offline.
async function config(request) {
  const cache = await caches.open(CONFIG_CACHE);
  try {
    const response = await fetch(request, { cache: 'no-cache' });
    if (response.ok) await cache.put(configUrl, response.clone());
    return response;
  } catch (e) {
    const hit = await cache.match(configUrl);
    if (hit) return hit;
    throw e;
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  url.search = '';
  url.hash = '';
  const bare = url.href;
  if (request.mode === 'navigate' && (bare === indexUrl || bare === indexUrl + 'index.html')) {
    // Every address of the portal is index.html with a query string.
    event.respondWith(caches.open(SHELL_CACHE).then((c) => c.match(indexUrl)).then((hit) => hit ?? fetch(request)));
  } else if (shellUrls.has(bare)) {
    event.respondWith(fromShell(request));
  } else if (bare === configUrl) {
    event.respondWith(config(request));
  }
});
